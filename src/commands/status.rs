//! `zi status`: the plan by area → component → indicator, with totals.

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::select::{self, Filter};
use crate::judge::view::StatusView;
use crate::render::Renderer;

pub(super) fn run(eval: &Evaluation, filter: Filter, renderer: &mut dyn Renderer) -> Result<ExitCode> {
    select::require_matches(filter.ids, eval)?;
    renderer.status(&StatusView::new(eval, |r| filter.keeps(r)))?;
    Ok(ExitCode::SUCCESS)
}
