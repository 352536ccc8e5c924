//! `zi import FILE`: an RKT table from a spreadsheet → the plan's files.
//! The problems of the sheet are reported at their cells and the rest is
//! imported; the files are written only into a folder without a plan (or
//! with `--force`), each atomically, and all of them or none.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use crate::load::sheet::{self, Grid, Imported, SheetError};
use crate::model::plan::{CONFIG_FILE, PLAN_DIR};
use crate::model::rkt::Rkt;
use crate::problem::{Fatal, Kind, Note, Problem};
use crate::render;
use crate::settings::Settings;
use crate::write::plan_files::{plan_files, PlanFile};
use crate::write::tree_writer;

pub(super) struct Options<'a> {
    pub(super) file: &'a Path,
    pub(super) sheet: Option<&'a str>,
    pub(super) dry_run: bool,
    pub(super) force: bool,
    pub(super) unit: Option<&'a str>,
    pub(super) year: Option<i32>,
}

pub(super) fn run(
    settings: &Settings,
    options: &Options,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let shown = options.file.display().to_string();
    let grids = sheet::read(&settings.given_path(options.file)).map_err(|e| match e {
        SheetError::UnknownFormat => Fatal::NotASpreadsheet { path: shown.clone() },
        SheetError::Unreadable(error) => Fatal::UnreadableSpreadsheet { path: shown.clone(), error },
    })?;
    let name = options.file.file_name().map_or_else(|| shown.clone(), |n| n.to_string_lossy().into_owned());
    let mut found = Vec::new();
    let imported = read_sheet(&grids, options.sheet, &name, &mut found)?;
    let Some(Imported { mut rkt, sheet, english }) = imported else {
        found.push(Problem::new(Kind::NoHeader, name.clone()));
        render::problems::write_all(&found, settings.style().lang, err)?;
        return Ok(ExitCode::FAILURE);
    };
    settle_unit_and_year(&mut rkt, options, &name, &mut found);
    let files = plan_files(&rkt, if english { "en" } else { "id" });
    if !options.dry_run {
        in_the_way(&settings.root, &settings.base, options.force)?;
        tree_writer::write_all(&settings.root, &files, options.force)?;
    } else {
        for file in &files {
            writeln!(out, "{}", file.path)?;
        }
    }
    render::problems::write_all(&found, settings.style().lang, err)?;
    let note = Note::Imported {
        indicators: rkt.indicator_count(),
        components: rkt.areas.iter().map(|a| a.components.len()).sum(),
        areas: rkt.areas.len(),
        from: format!("{name}!{sheet}"),
        files: files.iter().filter(|f| is_plan_file(f)).count(),
        dry_run: options.dry_run,
    };
    writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
    Ok(if found.iter().any(Problem::is_error) { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `zi.toml` and the files under `plan/`, not the `.gitkeep` files.
fn is_plan_file(file: &PlanFile) -> bool {
    file.path == CONFIG_FILE || file.path.starts_with(PLAN_DIR)
}

/// The table of the sheet `wanted`, or of the first sheet whose header zi
/// recognises: visible sheets first, hidden ones only when no visible one
/// has a table.
fn read_sheet(
    grids: &[Grid],
    wanted: Option<&str>,
    file: &str,
    out: &mut Vec<Problem>,
) -> Result<Option<Imported>, Fatal> {
    if let Some(name) = wanted {
        let grid = grids.iter().find(|g| g.name == name).ok_or_else(|| Fatal::NoSuchSheet {
            name: name.to_string(),
            sheets: grids.iter().map(|g| g.name.clone()).collect(),
        })?;
        return Ok(sheet::read_table(grid, file, out));
    }
    let ordered = grids.iter().filter(|g| !g.hidden).chain(grids.iter().filter(|g| g.hidden));
    for grid in ordered {
        let mut found = Vec::new();
        if let Some(imported) = sheet::read_table(grid, file, &mut found) {
            out.extend(found);
            return Ok(Some(imported));
        }
    }
    Ok(None)
}

/// The unit and year: `--unit` and `--year` when given, else the title
/// block's; a year nowhere else is the one the targets name most.
fn settle_unit_and_year(rkt: &mut Rkt, options: &Options, file: &str, out: &mut Vec<Problem>) {
    if let Some(unit) = options.unit {
        rkt.unit = Some(unit.to_string());
    }
    if let Some(year) = options.year {
        rkt.year = Some(year);
    }
    if rkt.year.is_none() {
        rkt.year = most_named_year(rkt);
    }
    if rkt.unit.is_none() && rkt.config.is_none() {
        out.push(Problem::new(Kind::NoUnit, file));
    }
    if rkt.year.is_none() && rkt.config.is_none() {
        out.push(Problem::new(Kind::NoYear, file));
    }
}

/// The four-digit year the targets name most often (the earliest of a tie).
fn most_named_year(rkt: &Rkt) -> Option<i32> {
    let mut counts: std::collections::BTreeMap<i32, usize> = std::collections::BTreeMap::new();
    for indicator in rkt.areas.iter().flat_map(|a| &a.components).flat_map(|c| &c.indicators) {
        for word in indicator.due.split(|c: char| !c.is_ascii_digit()) {
            if let (4, Ok(year)) = (word.len(), word.parse::<i32>()) {
                *counts.entry(year).or_default() += 1;
            }
        }
    }
    let most = counts.values().copied().max()?;
    counts.into_iter().find(|(_, n)| *n == most).map(|(year, _)| year)
}

/// Refuses to write into a folder that holds a plan, unless `force`.
fn in_the_way(root: &Path, shown: &Path, force: bool) -> Result<(), Fatal> {
    let taken = root.join(CONFIG_FILE).exists() || root.join(PLAN_DIR).exists();
    if taken && !force {
        return Err(Fatal::PlanExists { path: shown.display().to_string(), force_helps: true });
    }
    Ok(())
}
