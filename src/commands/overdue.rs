//! `zi overdue`: what passed its deadline without complete evidence. Built
//! for a pre-commit hook: one line per overdue period, exit 1 if any (or if
//! the plan has errors).

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::overdue;
use crate::judge::select::{self, Filter};
use crate::judge::view::OverdueView;
use crate::render::Renderer;

/// The plan's errors fail the run whatever the filter keeps: a hook that
/// asks about one area must still not let a broken file through.
pub(super) fn run(
    eval: &Evaluation,
    filter: Filter,
    within: Option<u32>,
    renderer: &mut dyn Renderer,
) -> Result<ExitCode> {
    select::require_matches(filter.ids, eval)?;
    let entries = overdue::entries(eval, within).into_iter().filter(|e| filter.keeps(e.report)).collect();
    let view = OverdueView { eval, entries };
    renderer.overdue(&view)?;
    Ok(if overdue::fails(eval, &view.entries) { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
