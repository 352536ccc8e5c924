//! `zi status`: the plan by area → component → indicator, with totals.

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::select;
use crate::judge::view::StatusView;
use crate::render::Renderer;

pub(super) fn run(eval: &Evaluation, ids: &[String], renderer: &mut dyn Renderer) -> Result<ExitCode> {
    select::require_matches(ids, eval)?;
    renderer.status(&StatusView::new(eval, |r| select::selected(ids, &r.file)))?;
    Ok(ExitCode::SUCCESS)
}
