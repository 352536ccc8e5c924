//! `zi export [-o FILE]`: the plan as the RKT table, as a workbook or CSV;
//! with `--with-status`, judged as of the settings' date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::ExportFormat;
use crate::commands::plan;
use crate::judge::evaluate::Detail;
use crate::load::{self, sheet};
use crate::model::rkt::PATH_TITLE;
use crate::problem::{self, Fatal, Note};
use crate::render;
use crate::render::rkt::{self as rkt_render, Export};
use crate::settings::Settings;
use crate::write::atomic;

pub(super) struct Options<'a> {
    pub(super) output: Option<&'a Path>,
    pub(super) format: Option<ExportFormat>,
    pub(super) with_status: bool,
    pub(super) force: bool,
}

pub(super) fn run(
    settings: &Settings,
    options: &Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let format = format_of(options)?;
    if format == ExportFormat::Xlsx && options.output.is_none() && settings.terminal {
        return Err(Fatal::WorkbookToTerminal.into());
    }
    let eval = plan::evaluate_settings(settings, plan::Want::all(|_| Detail::Summary));
    // Files that cannot be read are among the plan's problems already.
    let rkt = load::rkt::table(&eval.plan, &mut Vec::new());
    let export = Export { rkt: &rkt, status: options.with_status.then_some(&eval), lang: settings.lang };
    let bytes = match format {
        ExportFormat::Xlsx => rkt_render::xlsx(&export)?,
        ExportFormat::Csv => rkt_render::csv(&export)?,
    };
    match options.output {
        None => out.write_all(&bytes)?,
        Some(file) => {
            let path = settings.given_path(file);
            let shown = file.display().to_string();
            if path.is_dir() {
                return Err(Fatal::OutputIsFolder { path: shown }.into());
            }
            if path.exists() && !options.force && !written_by_zi(&path) {
                return Err(Fatal::NotWrittenByZi { path: shown }.into());
            }
            atomic::write(&path, &bytes)
                .map_err(|e| Fatal::CannotWrite { path: shown.clone(), error: e.to_string() })?;
            let note = Note::Exported { indicators: rkt.indicator_count(), path: shown };
            writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
        }
    }
    // The plan's problems are `zi check`'s to list; the export says that
    // there are some, and its exit status says so too.
    let (errors, _) = problem::count(&eval.problems);
    if errors > 0 {
        writeln!(err, "zi: {}", render::note(&Note::ProblemsInPlan { errors }, settings.style()))?;
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// `--format`, else the output's extension, else a workbook.
fn format_of(options: &Options) -> Result<ExportFormat, Fatal> {
    if let Some(format) = options.format {
        return Ok(format);
    }
    let Some(file) = options.output else { return Ok(ExportFormat::Xlsx) };
    match file.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase).as_deref() {
        Some("xlsx") => Ok(ExportFormat::Xlsx),
        Some("csv") => Ok(ExportFormat::Csv),
        _ => Err(Fatal::UnknownExportFormat { path: file.display().to_string() }),
    }
}

/// A table zi exported carries its hidden `zi:path` column; zi replaces
/// such a file without `--force`, and no other.
fn written_by_zi(path: &Path) -> bool {
    sheet::read(path).is_ok_and(|grids| {
        grids.iter().any(|g| g.rows.iter().take(64).any(|r| r.iter().any(|c| c.text == PATH_TITLE)))
    })
}
