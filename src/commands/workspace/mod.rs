//! Commands at a workspace root (`[workspace] units = [globs]` in the root
//! `zi.toml`): every unit is judged as it would be alone, in parallel, its
//! IDs and paths then taken from the root (`balit-palma:III.2.1`); the
//! reports put the table of units first and each unit's own report after
//! it. A unit that cannot be read (no `zi.toml`, no `plan/`, a broken
//! `zi.toml`, another year) is reported and never hides the others.

mod gate;
mod judged;
mod report;
mod reports;
mod score;
mod select_units;

pub(super) use gate::{hook_run, overdue as overdue_gated};
pub(super) use report::report;
pub(super) use reports::{check, overdue, show, status};
pub(super) use score::score;
