//! Everything that writes files: atomic replacement, the canonical layout,
//! the pre-commit hook.

pub(crate) mod atomic;
pub(crate) mod canonical;
pub(crate) mod hook;
pub(crate) mod init;
pub(crate) mod plan_files;
pub(crate) mod tree_writer;
