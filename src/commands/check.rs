//! `zi check`: every problem in plan and evidence, all in one run. Silent
//! and exit 0 when there is nothing to say.

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::view::CheckView;
use crate::load::source;
use crate::problem;
use crate::render::Renderer;
use crate::settings::Settings;

pub(super) fn run(
    eval: &Evaluation,
    settings: &Settings,
    strict: bool,
    renderer: &mut dyn Renderer,
) -> Result<ExitCode> {
    let excerpts = source::excerpts(&settings.root, &eval.problems, &settings.known_texts());
    renderer.check(&CheckView { problems: &eval.problems, excerpts })?;
    let (errors, warnings) = problem::count(&eval.problems);
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
