//! Everything that writes files: atomic replacement, the canonical layout,
//! the pre-commit hook.

pub mod atomic;
pub mod canonical;
pub mod hook;
