//! `zi score`: the LKE score of the newest assessment (or FILE), or the
//! projection from the evidence when there is none; `--questions` lists the
//! LKE instead. To standard output, or with `-o FILE` written atomically
//! (never over a file zi did not write, unless `--force`). Problems in the
//! LKE, the assessment and the `lke` keys are `zi check`'s to list; here a
//! note says they exist.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::plan;
use crate::cli::TargetArg;
use crate::judge::evaluate::Detail;
use crate::judge::score::{self, QuestionsView, ScoreView};
use crate::load::{assessment, lke, sheet};
use crate::model::assessment::Assessment;
use crate::problem::{Fatal, Note, Problem};
use crate::render::score::{self as score_render, xlsx, ScoreFormat};
use crate::render::{self, Format};
use crate::settings::Settings;
use crate::write::atomic;

/// What `zi score` was asked.
pub(super) struct Ask<'a> {
    pub(super) file: Option<&'a Path>,
    pub(super) target: Option<TargetArg>,
    pub(super) detail: bool,
    pub(super) questions: bool,
    pub(super) check: bool,
    pub(super) format: ScoreFormat,
    pub(super) output: Option<&'a Path>,
    pub(super) force: bool,
}

impl<'a> Ask<'a> {
    /// What `zi score` was asked (any other command asks nothing of it).
    pub(super) fn of(command: &'a crate::cli::Command) -> Ask<'a> {
        let crate::cli::Command::Score {
            file, target, detail, questions, check, format, output, force, ..
        } = command
        else {
            unreachable!("only zi score asks for a score")
        };
        Ask {
            file: file.as_deref(),
            target: *target,
            detail: *detail,
            questions: *questions,
            check: *check,
            format: *format,
            output: output.as_deref(),
            force: *force,
        }
    }
}

pub(super) fn run(
    settings: &Settings,
    ask: &Ask,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    if ask.format == ScoreFormat::Xlsx && !ask.questions && ask.output.is_none() && settings.terminal {
        return Err(Fatal::WorkbookToTerminal.into());
    }
    let mut problems = Vec::new();
    let lke = lke::for_config(&settings.root, &settings.config, &mut problems);
    let style = settings.style();
    // Everything is made before anything is written, so a failure leaves
    // no half-written file.
    let mut bytes = Vec::with_capacity(64 * 1024);
    if ask.questions {
        let format = ask.format.report().unwrap_or(Format::Table);
        render::renderer(format, style, &mut bytes).questions(&QuestionsView { lke: &lke })?;
        write(settings, ask, &bytes, out)?;
        return Ok(ExitCode::SUCCESS);
    }
    let assessment = match ask.file {
        Some(file) => Some(given_file(settings, file, &lke, &mut problems)?),
        None => newest(assessment::load_all(&settings.root, &lke, &mut problems)),
    };
    // The workbook lists the files that serve each question.
    let detail = if ask.format == ScoreFormat::Xlsx { Detail::Files } else { Detail::Summary };
    let eval = plan::evaluate_settings(settings, plan::Want::all(|_| detail));
    problems.extend(score::lke_ref_problems(&eval, &lke));
    let scored = score::score(&lke, assessment.as_ref(), &eval, ask.target.map(TargetArg::id));
    let view = ScoreView { score: &scored, eval: &eval, detail: ask.detail };
    match ask.format.report() {
        Some(format) => render::renderer(format, style, &mut bytes).score(&view)?,
        None => bytes = xlsx::xlsx(&view, style.lang)?,
    }
    write(settings, ask, &bytes, out)?;
    let errors = eval.problems.iter().chain(&problems).filter(|p| p.is_error()).count();
    if errors > 0 {
        let _ = writeln!(err, "zi: {}", render::note(&Note::ProblemsInPlan { errors }, style));
    }
    let missed = scored.verdict().is_some_and(|v| !v.met);
    Ok(if ask.check && missed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The output to standard output, or to `-o FILE`.
fn write(settings: &Settings, ask: &Ask, bytes: &[u8], out: &mut dyn Write) -> Result<()> {
    write_to(settings, ask.output, ask.force, bytes, out)
}

/// `bytes` to standard output, or written atomically to `output`: never
/// to a folder, never over a file zi did not write unless `force`.
pub(super) fn write_to(
    settings: &Settings,
    output: Option<&Path>,
    force: bool,
    bytes: &[u8],
    out: &mut dyn Write,
) -> Result<()> {
    let Some(file) = output else {
        out.write_all(bytes)?;
        return Ok(());
    };
    let path = settings.given_path(file);
    let shown = file.display().to_string();
    if path.is_dir() {
        return Err(Fatal::OutputIsFolder { path: shown }.into());
    }
    if path.exists() && !force && !written_by_zi(&path) {
        return Err(Fatal::NotWrittenByZi { path: shown }.into());
    }
    atomic::write(&path, bytes).map_err(|e| Fatal::CannotWrite { path: shown, error: e.to_string() })?;
    Ok(())
}

/// A score zi wrote: a workbook with its hidden column of question ids, or
/// a text report that begins as zi's do.
fn written_by_zi(path: &Path) -> bool {
    if path.extension().is_some_and(|e| e.eq_ignore_ascii_case("xlsx")) {
        return sheet::read(path).is_ok_and(|grids| {
            grids.iter().any(|g| g.rows.first().is_some_and(|r| r.iter().any(|c| c.text == xlsx::ID_TITLE)))
        });
    }
    std::fs::read(path).is_ok_and(|bytes| {
        let text = String::from_utf8_lossy(&bytes[..bytes.len().min(4096)]);
        score_render::is_score_text(&text) || crate::render::units::is_workspace_text(&text)
    })
}

/// The newest assessment: the latest `date`, then the last file name.
pub(super) fn newest(mut all: Vec<Assessment>) -> Option<Assessment> {
    all.sort_by(|a, b| (a.date, &a.path).cmp(&(b.date, &b.path)));
    all.pop()
}

/// `zi score FILE`: the file as given, named relative to the root when it
/// is inside it.
pub(super) fn given_file(
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
