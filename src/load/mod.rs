//! Disk → model: the repository walk, TOML sources, evidence folders, git.
//! Problems found on the way are collected, never raised.

pub mod config;
pub mod evidence;
pub mod git;
pub mod indicator;
pub mod plan;
pub mod source;
pub mod tree;
