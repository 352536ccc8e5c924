//! Model + date → results: matching, status, the overdue list, selection,
//! the views reports show, changes between commits. No language.

pub(crate) mod changes;
pub(crate) mod checked;
pub(crate) mod evaluate;
pub(crate) mod listed;
mod looks_like;
pub(crate) mod matcher;
mod missing;
pub(crate) mod overdue;
mod report;
pub(crate) mod score;
pub(crate) mod select;
pub(crate) mod view;
pub(crate) mod workspace;
