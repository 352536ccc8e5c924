//! `zi check`: every problem in plan, evidence, assessments and the LKE the
//! plan is scored against, all in one run. Silent and exit 0 when there is nothing
//! to say.

use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::score;
use crate::judge::view::CheckView;
use crate::load::{assessment, lke, source};
use crate::problem;
use crate::render::{CheckFormat, Findings, Output};
use crate::settings::Settings;

pub(super) fn run(
    eval: &Evaluation,
    settings: &Settings,
    strict: bool,
    renderer: &mut dyn Findings,
) -> Result<ExitCode> {
    let mut problems = eval.problems.clone();
    let lke = lke::for_config(&settings.root, &settings.config, &mut problems);
    assessment::load_all(&settings.root, &lke, &mut problems);
    problems.extend(score::lke_ref_problems(eval, &lke));
    problem::sort(&mut problems);
    let excerpts = source::excerpts(&settings.root, &problems, &settings.known_texts());
    renderer.check(&CheckView { problems: &problems, excerpts })?;
    renderer.finish()?;
    let (errors, warnings) = problem::count(&problems);
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The plan root's folder below the top of its git repository (`units/a/`),
/// which a forge's annotations put before every path; empty at the top,
/// outside git, and for every other format (git is not even asked).
pub(crate) fn repository_prefix(settings: &Settings, format: CheckFormat) -> String {
    if matches!(format.output(), Output::Report(_)) {
        return String::new();
    }
    crate::load::git::Repo::find(&settings.root, settings.git_located)
        .map(|repo| repo.prefix)
        .unwrap_or_default()
}
