//! Model + date → results: matching, status, overdue, selection, views, changes.

pub mod changes;
pub mod evaluate;
