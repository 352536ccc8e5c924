//! Everything that writes files: atomic replacement, the canonical layout.

pub mod atomic;
pub mod canonical;
