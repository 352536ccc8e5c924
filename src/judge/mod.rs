//! Model + date → results: matching, status, the overdue list, selection,
//! the views reports show, changes between commits. No language.

pub mod changes;
pub mod evaluate;
pub mod matcher;
pub mod overdue;
pub mod select;
pub mod view;
