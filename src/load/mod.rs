//! Disk → model: the repository walk, TOML sources, evidence folders, git.
//! Problems found on the way are collected, never raised.

pub(crate) mod config;
pub(crate) mod evidence;
pub(crate) mod git;
pub(crate) mod indicator;
pub(crate) mod plan;
pub(crate) mod source;
pub(crate) mod tree;
