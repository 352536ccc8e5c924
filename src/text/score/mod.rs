//! The words of the LKE score, its problems and its output, in each
//! language: one `ScoreWords` per language, reached from the catalogue.

mod en;
mod id;
mod words;

pub(crate) use en::EN;
pub(crate) use id::ID;
pub(crate) use words::ScoreWords;
