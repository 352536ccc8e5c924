//! `zi show ID`: one indicator in full, and why each file counts.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::select;
use crate::judge::view::ShowView;
use crate::load::source;
use crate::render::Renderer;

pub(super) fn run(eval: &Evaluation, root: &Path, id: &str, renderer: &mut dyn Renderer) -> Result<ExitCode> {
    let report = select::one(id, eval)?;
    let view = ShowView::new(eval, report, |problems| source::excerpts(root, problems.iter().copied()));
    renderer.show(&view)?;
    Ok(ExitCode::SUCCESS)
}
