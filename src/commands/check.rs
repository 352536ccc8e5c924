//! `zi check`: every problem in plan, evidence, assessments and the LKE the
//! plan is scored against, all in one run. Silent and exit 0 when there is nothing
//! to say.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;
use crate::judge::score;
use crate::judge::view::CheckView;
use crate::load::{assessment, lke, source};
use crate::problem;
use crate::render::{self, CheckFormat, Output};
use crate::settings::Settings;

/// Takes the problems out of `eval` and lets the rest go: a check lists
/// problems only, and a large plan's evaluation would otherwise be held
/// beside them while they are sorted and written.
pub(super) fn run(
    mut eval: Evaluation,
    settings: &Settings,
    strict: bool,
    format: CheckFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let mut problems = std::mem::take(&mut eval.problems);
    let lke = lke::for_config(&settings.root, &settings.config, &mut problems);
    problems.extend(score::lke_ref_problems(&eval, &lke));
    super::plan::free_in_background(eval);
    assessment::load_all(&settings.root, &lke, &mut problems);
    problem::sort(&mut problems);
    let excerpts = source::excerpts(&settings.root, &problems, &settings.known_texts());
    let prefix = repository_prefix(settings, format);
    // Standard output is line-buffered; a problem a line would cost a write each.
    let mut buffered = BufWriter::with_capacity(64 * 1024, out);
    let mut renderer = render::findings(format, settings.style(), &prefix, &mut buffered);
    renderer.check(&CheckView { problems: &problems, excerpts })?;
    renderer.finish()?;
    drop(renderer);
    buffered.flush()?;
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
