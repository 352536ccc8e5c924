//! `zi overdue`: what passed its deadline without complete evidence. Built
//! for a pre-commit hook: one line per overdue period, exit 1 if any (or if
//! the plan has errors).

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::overdue;
use crate::judge::view::OverdueView;
use crate::render::Renderer;

pub(super) fn run(eval: &Evaluation, within: Option<u32>, renderer: &mut dyn Renderer) -> Result<ExitCode> {
    let view = OverdueView { eval, entries: overdue::entries(eval, within) };
    renderer.overdue(&view)?;
    Ok(if overdue::fails(eval, &view.entries) { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
