//! The table of units that heads every report at a workspace root, in
//! each text format, and the JSON of one unit's line. What follows the
//! table (each unit's own report) is the unit's renderer's.

use std::io::Write;

use anyhow::Result;
use rust_decimal::prelude::ToPrimitive;
use serde::Serialize;

use crate::judge::evaluate::Progress;
use crate::judge::view::{StatusCounts, Totals};
use crate::judge::workspace::{UnitRow, UnitScore, UnitsView};
use crate::render::fields::cell;
use crate::render::grid::{Cell, Fit, Layout};
use crate::render::words::{counts_summary, date_text, decimal, fraction, percent};
use crate::render::{Format, Style};
use crate::text::Lang;

/// What heads the table: the workspace's title and the date.
pub(crate) struct UnitsHeading<'a> {
    /// The root `zi.toml`'s `title`, when it has one.
    pub(crate) title: Option<&'a str>,
    pub(crate) as_of: chrono::NaiveDate,
}

/// Writes the table of units in `format`. CSV has none: a CSV is one table,
/// and at a workspace root it is the units' rows with their prefixed IDs.
pub(crate) fn units(
    view: &UnitsView,
    heading: &UnitsHeading,
    format: Format,
    style: Style,
    out: &mut dyn Write,
) -> Result<()> {
    match format {
        Format::Table => table(view, heading, style, out),
        Format::Markdown => markdown(view, heading, style.lang, out),
        Format::Csv | Format::Json => Ok(()),
    }
}

/// The title of a workspace report: its own, or the default one.
pub(crate) fn title<'a>(heading: &UnitsHeading<'a>, lang: Lang) -> &'a str {
    heading.title.unwrap_or(lang.workspace().default_title)
}

/// "3 units · as of 2022-07-15".
fn subtitle(view: &UnitsView, heading: &UnitsHeading, lang: Lang) -> String {
    let w = lang.workspace();
    format!("{} · {} {}", (w.units_count)(view.rows.len()), lang.labels().as_of, date_text(heading.as_of))
}

/// The cells of one unit's line, as the text formats write them.
struct Line {
    folder: String,
    unit: String,
    year: String,
    statuses: String,
    to_date: String,
    score: String,
    errors: String,
    warnings: String,
}

fn line(row: &UnitRow, lang: Lang) -> Line {
    let none = lang.labels().none;
    let (statuses, to_date) = match &row.totals {
        Some(t) => (counts_summary(&t.statuses, lang), progress_text(t.to_date, lang)),
        None => (left_out(row, lang).to_string(), none.to_string()),
    };
    Line {
        folder: row.tag.to_string(),
        unit: row.unit.unwrap_or(none).to_string(),
        year: row.year.map_or_else(|| none.to_string(), |y| y.to_string()),
        statuses: if statuses.is_empty() { none.to_string() } else { statuses },
        to_date,
        score: score_text(row.score, lang),
        errors: row.errors.to_string(),
        warnings: row.warnings.to_string(),
    }
}

/// Why a unit's row has no totals: the folder holds no `zi.toml`, or zi
/// could not judge the unit (its problems say why).
pub(crate) fn left_out(row: &UnitRow, lang: Lang) -> &'static str {
    let w = lang.workspace();
    if row.no_zi_toml {
        w.not_a_unit
    } else {
        w.not_judged
    }
}

/// `8/16 50%`, or a dash when nothing is required yet.
fn progress_text(p: Progress, lang: Lang) -> String {
    if p.required == 0 {
        fraction(p, lang)
    } else {
        format!("{} {}%", fraction(p, lang), percent(p))
    }
}

/// `78.50`, `61.20 (projection)`, or a dash.
pub(crate) fn score_text(score: Option<UnitScore>, lang: Lang) -> String {
    match score {
        None => lang.labels().none.to_string(),
        Some(s) if s.projection => format!("{} ({})", decimal(s.total, lang), lang.workspace().projection),
        Some(s) => decimal(s.total, lang),
    }
}

fn headers(lang: Lang) -> [&'static str; 8] {
    let (l, w) = (lang.labels(), lang.workspace());
    [w.folder, w.unit, l.year, l.by_status, l.to_date, w.score, w.errors, w.warnings]
}

impl Line {
    fn cells(self) -> [String; 8] {
        [
            self.folder,
            self.unit,
            self.year,
            self.statuses,
            self.to_date,
            self.score,
            self.errors,
            self.warnings,
        ]
    }
}

fn table(view: &UnitsView, heading: &UnitsHeading, style: Style, out: &mut dyn Write) -> Result<()> {
    let lang = style.lang;
    writeln!(out, "{}", crate::render::escape::escape(title(heading, lang)))?;
    writeln!(out, "{}\n", subtitle(view, heading, lang))?;
    let rows: Vec<Vec<Cell>> =
        view.rows.iter().map(|r| line(r, lang).cells().into_iter().map(Cell::owned).collect()).collect();
    let fits = [
        Fit::Tight,
        Fit::Fill { readable: 20 },
        Fit::Tight,
        Fit::Wrap { cap: 28 },
        Fit::Tight,
        Fit::Tight,
        Fit::Tight,
        Fit::Tight,
    ];
    let layout = Layout::new(&headers(lang), &fits, &rows, style.width);
    write!(out, "{}", layout.render(&rows, 1, style.color))?;
    writeln!(out, "{}", totals_line(&view.totals, lang))?;
    Ok(())
}

/// "72 indicators: 51 overdue, 19 on track · To date 0/104".
fn totals_line(totals: &Totals, lang: Lang) -> String {
    let l = lang.labels();
    let counts = counts_summary(&totals.statuses, lang);
    let count = lang.catalogue().indicator_count(totals.indicators);
    let head = if counts.is_empty() { count } else { format!("{count}: {counts}") };
    format!("{head} · {} {}", l.to_date, progress_text(totals.to_date, lang))
}

fn markdown(view: &UnitsView, heading: &UnitsHeading, lang: Lang, out: &mut dyn Write) -> Result<()> {
    writeln!(out, "# {}\n", cell(title(heading, lang)))?;
    writeln!(out, "{}\n", subtitle(view, heading, lang))?;
    writeln!(out, "| {} |", headers(lang).join(" | "))?;
    writeln!(out, "|---|---|---|---|---|---|--:|--:|")?;
    for r in &view.rows {
        let cells = line(r, lang).cells();
        writeln!(out, "| {} |", cells.iter().map(|c| cell(c)).collect::<Vec<_>>().join(" | "))?;
    }
    writeln!(out, "\n{}", totals_line(&view.totals, lang))?;
    Ok(())
}

/// A unit's line as the JSON of a workspace lists it (before its report).
#[derive(Serialize)]
pub(crate) struct UnitJson<'a> {
    /// The prefix of the unit's IDs.
    pub(crate) folder: &'a str,
    /// The unit's folder from the workspace root.
    pub(crate) path: &'a str,
    /// `false` for a folder without `zi.toml` (then every count is 0).
    pub(crate) is_unit: bool,
    pub(crate) unit: Option<&'a str>,
    pub(crate) year: Option<i32>,
    pub(crate) indicators: usize,
    pub(crate) statuses: StatusCounts,
    pub(crate) to_date: Progress,
    pub(crate) year_progress: Progress,
    pub(crate) score: Option<ScoreJson>,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

#[derive(Serialize)]
pub(crate) struct ScoreJson {
    pub(crate) total: f64,
    pub(crate) projection: bool,
}

impl<'a> UnitJson<'a> {
    pub(crate) fn of(row: &UnitRow<'a>) -> UnitJson<'a> {
        let totals = row.totals.clone().unwrap_or_default();
        UnitJson {
            folder: row.tag,
            path: row.rel,
            is_unit: row.totals.is_some(),
            unit: row.unit,
            year: row.year,
            indicators: totals.indicators,
            statuses: totals.statuses,
            to_date: totals.to_date,
            year_progress: totals.year,
            score: row
                .score
                .map(|s| ScoreJson { total: s.total.to_f64().unwrap_or_default(), projection: s.projection }),
            errors: row.errors,
            warnings: row.warnings,
        }
    }
}

/// Writes the CSV of one unit's report: whole for the first unit, without
/// its header row for the others, so that the units' rows make one table.
pub(crate) fn csv_part(bytes: &[u8], first: bool, out: &mut dyn Write) -> Result<()> {
    let body = if first {
        bytes
    } else {
        bytes.iter().position(|b| *b == b'\n').map_or(&[][..], |at| &bytes[at + 1..])
    };
    out.write_all(body)?;
    Ok(())
}

/// Whether `text` begins as a report zi writes at a workspace root (so
/// `-o` may replace it without `--force`): the JSON document's head, the
/// table's or markdown's title and count of units, or the score CSV's header.
pub(crate) fn is_workspace_text(text: &str) -> bool {
    let lines: Vec<&str> = text.lines().take(3).collect();
    let counts_units = |line: &str| {
        crate::text::LANGUAGES.iter().any(|lang| {
            let as_of = format!(" · {} ", lang.labels().as_of);
            line.split_once(&as_of).is_some_and(|(count, _)| {
                let n = count.split(' ').next().and_then(|n| n.parse().ok());
                n.is_some_and(|n| (lang.workspace().units_count)(n) == count)
            })
        })
    };
    let csv_header = |line: &str| {
        crate::text::LANGUAGES.iter().any(|lang| {
            let l = lang.score().labels();
            line.starts_with(&format!("{},{},{},id,", lang.workspace().folder, l.target, l.kind))
        })
    };
    match lines[..] {
        ["{", title, label, ..] => {
            title.starts_with("  \"title\": ") && label.starts_with("  \"title_label\": ")
        }
        [first, "", third] if first.starts_with("# ") => counts_units(third),
        [_, second, ..] if counts_units(second) => true,
        [first, ..] => csv_header(first),
        [] => false,
    }
}

/// What a unit's report follows in the table formats: a line that names
/// its folder.
pub(crate) fn section_rule(rel: &str, format: Format, out: &mut dyn Write) -> Result<()> {
    let rel = crate::render::escape::escape(rel);
    match format {
        Format::Markdown => writeln!(out, "\n---\n\n<!-- {} -->\n", rel.replace("--", "- -"))?,
        _ => writeln!(out, "\n── {rel} ──\n")?,
    }
    Ok(())
}

/// The head of a workspace's JSON document, before its `units`.
#[derive(Serialize)]
pub(crate) struct WorkspaceJson<'a> {
    /// The root `zi.toml`'s `title`, `null` when it has none.
    title: Option<&'a str>,
    title_label: &'a str,
    /// The root `zi.toml`'s `year`, else the year most units plan for;
    /// `null` when neither says.
    year: Option<i32>,
    as_of: String,
    /// Over every unit, as the reports keep them.
    totals: &'a Totals,
}

impl<'a> WorkspaceJson<'a> {
    pub(crate) fn new(
        heading: &UnitsHeading<'a>,
        view: &'a UnitsView,
        year: Option<i32>,
        lang: Lang,
    ) -> WorkspaceJson<'a> {
        WorkspaceJson {
            title: heading.title,
            title_label: title(heading, lang),
            year,
            as_of: date_text(heading.as_of),
            totals: &view.totals,
        }
    }
}

/// The JSON document of a workspace report, in three parts written in
/// turn: the head (with `root`, the root's own part of the report: a JSON
/// object whose keys join the head's, e.g. `zi check`'s problems of the
/// root `zi.toml`), then `units`, each unit's line with its `report` (the
/// unit's JSON as it would be alone, `null` for a folder that is no unit),
/// then the end. The units' reports are written as their renderer wrote
/// them, indented: JSON text holds no raw line break inside a value.
pub(crate) fn json_head(head: &WorkspaceJson, root: &[u8], out: &mut dyn Write) -> Result<()> {
    let mut text = object_body(&serde_json::to_string_pretty(head)?).to_string();
    let root = String::from_utf8_lossy(root);
    let root = object_body(root.trim()).trim_start_matches('{');
    if !root.trim().is_empty() {
        text.push(',');
        text.push_str(root);
    }
    write!(out, "{text},\n  \"units\": [")?;
    Ok(())
}

/// One unit of the document's `units` (`first` of them: no comma before it).
pub(crate) fn json_unit(
    first: bool,
    line: &UnitJson,
    report: Option<&[u8]>,
    out: &mut dyn Write,
) -> Result<()> {
    let line = serde_json::to_string_pretty(line)?;
    write!(out, "{}\n    {}", if first { "" } else { "," }, indent(object_body(&line), "    "))?;
    let report = report.map(|bytes| String::from_utf8_lossy(bytes).trim().to_string());
    let report = report.as_deref().map_or("null".to_string(), |r| indent(r, "      "));
    write!(out, ",\n      \"report\": {report}\n    }}")?;
    Ok(())
}

pub(crate) fn json_end(out: &mut dyn Write) -> Result<()> {
    writeln!(out, "\n  ]\n}}")?;
    Ok(())
}

/// A pretty JSON object without its closing brace (and the line break
/// before it), so that keys can follow.
fn object_body(object: &str) -> &str {
    let body = object.strip_suffix('}').unwrap_or(object).trim_end();
    if body == "{" {
        return "{";
    }
    body
}

fn indent(text: &str, pad: &str) -> String {
    text.replace('\n', &format!("\n{pad}"))
}
