//! `zi check`: every problem in plan and evidence, all in one run. Silent
//! and exit 0 when there is nothing to say.

use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::view::CheckView;
use crate::load::source;
use crate::problem;
use crate::render::Renderer;

pub(super) fn run(
    eval: &Evaluation,
    root: &Path,
    strict: bool,
    renderer: &mut dyn Renderer,
) -> Result<ExitCode> {
    let view = CheckView { problems: &eval.problems, excerpts: source::excerpts(root, &eval.problems) };
    renderer.check(&view)?;
    let (errors, warnings) = problem::count(&eval.problems);
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
