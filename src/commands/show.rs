//! `zi show ID`: one indicator in full, and why each file counts.

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::select;
use crate::judge::view::ShowView;
use crate::load::source;
use crate::render::Renderer;
use crate::settings::Settings;

pub(super) fn run(
    eval: &Evaluation,
    settings: &Settings,
    id: &str,
    renderer: &mut dyn Renderer,
) -> Result<ExitCode> {
    let report = select::one(id, eval)?;
    let mut view = ShowView::new(eval, report);
    view.excerpts = source::excerpts(&settings.root, view.problems.iter().copied(), &settings.known_texts());
    renderer.show(&view)?;
    Ok(ExitCode::SUCCESS)
}
