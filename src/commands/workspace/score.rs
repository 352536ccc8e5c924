//! `zi score` at a workspace root: each unit's score (or projection) in
//! every format, IDs and folders from the root. CSV is one table whose
//! first columns are the unit's folder and target; the workbook has one
//! sheet per table (units, rekap, questions), each with the folder first.
//! `-o FILE` is written atomically, as in a unit; `zi score FILE` scores
//! the unit FILE lies in with it.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::judged::{judge, Workspace};
use super::reports::{notes, rows, write};
use crate::commands::score::Ask;
use crate::judge::evaluate::{Detail, Keep};
use crate::judge::score::{Score, ScoreView};
use crate::judge::workspace as judged;
use crate::model::plan::join;
use crate::problem::Fatal;
use crate::render::score::{csv, units_xlsx, ScoreFormat};
use crate::render::units::{self, UnitsHeading};
use crate::settings::Settings;

/// With `--check`, 1 when any unit misses its target.
pub(crate) fn score(
    settings: &Settings,
    wanted: &[String],
    ask: &Ask,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    if ask.format == ScoreFormat::Xlsx && ask.output.is_none() && settings.terminal {
        return Err(Fatal::WorkbookToTerminal.into());
    }
    let of_file: Vec<String>;
    let wanted = match ask.file {
        Some(file) => {
            of_file = vec![unit_of(settings, file)?];
            &of_file[..]
        }
        None => wanted,
    };
    let mut ws = judge(settings, wanted, Keep::Every, &|_| Detail::Summary)?;
    if let Some(file) = ask.file {
        assess_with(&mut ws, file)?;
    }
    // With -o, everything is made before anything is written, so a failure
    // leaves no half-written file; to standard output it streams.
    let mut bytes = Vec::new();
    let sink: &mut dyn Write = if ask.output.is_some() { &mut bytes } else { &mut *out };
    let scores: Vec<Option<Score>> = ws
        .units
        .iter()
        .map(|u| u.judged.as_ref().map(|j| j.scored(ask.target.map(crate::cli::TargetArg::id))))
        .collect();
    let lang = settings.style().lang;
    match ask.format.report() {
        None => {
            let heading = UnitsHeading { title: settings.config.title.as_deref(), as_of: settings.as_of };
            let list: Vec<units_xlsx::UnitScore> = ws
                .units
                .iter()
                .zip(&scores)
                .map(|(u, score)| units_xlsx::UnitScore {
                    tag: &u.dir.tag,
                    unit: u.judged.as_ref().and_then(|j| j.eval.plan.config.unit.as_deref()),
                    year: u.judged.as_ref().and_then(|j| j.eval.plan.config.year),
                    score: score.as_ref(),
                })
                .collect();
            sink.write_all(&units_xlsx::xlsx(units::title(&heading, lang), &list, lang)?)?;
        }
        Some(crate::render::Format::Csv) => {
            let mut sink = std::io::BufWriter::with_capacity(64 * 1024, sink);
            csv::units_header(lang, &mut sink)?;
            for (unit, score) in ws.units.iter().zip(&scores) {
                let (Some(judged), Some(score)) = (&unit.judged, score) else { continue };
                let view = ScoreView { score, eval: &judged.eval, detail: ask.detail };
                csv::unit_rows(&view, &unit.dir.tag, lang, &mut sink)?;
            }
            sink.flush()?;
        }
        Some(format) => {
            let rows = rows(&ws, &|_| true, true);
            write(&ws, format, rows, &[], sink, &|unit, renderer| {
                let Some(judged) = &unit.judged else { return Ok(None) };
                let scored = judged.scored(ask.target.map(crate::cli::TargetArg::id));
                renderer.score(&ScoreView { score: &scored, eval: &judged.eval, detail: ask.detail })?;
                Ok(Some(ExitCode::SUCCESS))
            })?;
        }
    }
    if ask.output.is_some() {
        crate::commands::score::write_to(settings, ask.output, ask.force, &bytes, out)?;
    }
    notes(&ws, err)?;
    let missed = scores.iter().flatten().any(|s| s.verdict().is_some_and(|v| !v.met));
    Ok(if ask.check && missed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The tag of the unit whose folder holds `file`; refused when none does.
fn unit_of(settings: &Settings, file: &Path) -> Result<String, Fatal> {
    let path = settings.given_path(file);
    let shown = file.display().to_string();
    let full = std::fs::canonicalize(&path)
        .map_err(|e| Fatal::CannotRead { path: shown.clone(), error: e.to_string() })?;
    super::judged::unit_dirs(settings, &mut Vec::new())
        .into_iter()
        .filter(|d| d.is_unit)
        .find(|d| std::fs::canonicalize(settings.root.join(&d.rel)).is_ok_and(|unit| full.starts_with(unit)))
        .map(|d| d.tag)
        .ok_or(Fatal::FileInNoUnit { path: shown })
}

/// Gives the selected unit (the one `file` lies in) `file` as its assessment.
fn assess_with(ws: &mut Workspace, file: &Path) -> Result<()> {
    let settings = ws.settings;
    for unit in &mut ws.units {
        let Some(judged) = &mut unit.judged else { continue };
        let own = settings.for_unit(settings.root.join(&unit.dir.rel));
        let mut problems = Vec::new();
        let mut assessment = crate::commands::score::given_file(&own, file, &judged.lke, &mut problems)?;
        assessment.path = join(&unit.dir.rel, &assessment.path);
        judged::prefix_problems(&mut problems, &unit.dir.rel);
        judged.score_problems.extend(problems);
        judged.assessment = Some(assessment);
    }
    Ok(())
}
