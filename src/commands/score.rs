//! `zi score`: the LKE score of the newest assessment (or FILE), or the
//! projection from the evidence when there is none; `--questions` lists the
//! LKE instead. Problems in the LKE, the assessment and the `lke` keys are
//! `zi check`'s to list; here a note says they exist.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::plan;
use crate::cli::TargetArg;
use crate::judge::evaluate::Detail;
use crate::judge::score::{self, QuestionsView, ScoreView};
use crate::load::{assessment, lke};
use crate::model::assessment::Assessment;
use crate::problem::{Fatal, Note, Problem};
use crate::render::{self, Format};
use crate::settings::Settings;

/// What `zi score` was asked.
pub(super) struct Ask<'a> {
    pub(super) file: Option<&'a Path>,
    pub(super) target: Option<TargetArg>,
    pub(super) detail: bool,
    pub(super) questions: bool,
    pub(super) check: bool,
    pub(super) format: Format,
}

pub(super) fn run(
    settings: &Settings,
    ask: &Ask,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let mut problems = Vec::new();
    let lke = lke::for_config(&settings.root, &settings.config, &mut problems);
    let mut buffered = BufWriter::with_capacity(64 * 1024, out);
    let style = settings.style();
    if ask.questions {
        render::renderer(ask.format, style, &mut buffered).questions(&QuestionsView { lke: &lke })?;
        buffered.flush()?;
        return Ok(ExitCode::SUCCESS);
    }
    let assessment = match ask.file {
        Some(file) => Some(given_file(settings, file, &lke, &mut problems)?),
        None => newest(assessment::load_all(&settings.root, &lke, &mut problems)),
    };
    let eval = plan::evaluate_settings(settings, |_| Detail::Summary);
    problems.extend(score::lke_ref_problems(&eval, &lke));
    let scored = score::score(&lke, assessment.as_ref(), &eval, ask.target.map(TargetArg::id));
    render::renderer(ask.format, style, &mut buffered).score(&ScoreView {
        score: &scored,
        eval: &eval,
        detail: ask.detail,
    })?;
    buffered.flush()?;
    let errors = eval.problems.iter().chain(&problems).filter(|p| p.is_error()).count();
    if errors > 0 {
        let _ = writeln!(err, "zi: {}", render::note(&Note::ProblemsInPlan { errors }, style));
    }
    let missed = scored.verdict().is_some_and(|v| !v.met);
    Ok(if ask.check && missed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The newest assessment: the latest `date`, then the last file name.
fn newest(mut all: Vec<Assessment>) -> Option<Assessment> {
    all.sort_by(|a, b| (a.date, &a.path).cmp(&(b.date, &b.path)));
    all.pop()
}

/// `zi score FILE`: the file as given, named relative to the root when it
/// is inside it.
fn given_file(
    settings: &Settings,
    file: &Path,
    lke: &crate::model::lke::Lke,
    problems: &mut Vec<Problem>,
) -> Result<Assessment> {
    let path = settings.given_path(file);
    let cannot = |error: String| Fatal::CannotRead { path: file.display().to_string(), error };
    let full = std::fs::canonicalize(&path).map_err(|e| cannot(e.to_string()))?;
    let root = std::fs::canonicalize(&settings.root).unwrap_or_else(|_| settings.root.clone());
    let shown = match full.strip_prefix(&root) {
        Ok(rel) => rel.to_string_lossy().replace('\\', "/"),
        Err(_) => file.display().to_string(),
    };
    let source =
        crate::load::source::Source::read(&full, shown).map_err(|p| cannot(format!("{:?}", p.kind)))?;
    assessment::parse(&source, lke, problems).ok_or_else(|| {
        let error = problems.last().map(|p| crate::render::problems::message(p, settings.style().lang));
        cannot(error.unwrap_or_default()).into()
    })
}
