//! The reports at a workspace root: the table of units, then each unit's
//! own report as its renderer writes it (with prefixed IDs). JSON is one
//! document whose `units` array holds each unit's line and its report;
//! CSV is one table, the units' rows under one header. The exit status is
//! the worst of the units'.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::judged::{judge, Judged, Unit, Workspace};
use crate::judge::evaluate::{Detail, Evaluation, IndicatorReport, Keep};
use crate::judge::overdue;
use crate::judge::select::{self, Filter};
use crate::judge::view::{CheckView, OverdueView, ShowView, StatusView};
use crate::judge::workspace::{UnitRow, UnitsView};
use crate::load::source;
use crate::problem::{self, Fatal, Kind, Note, Problem};
use crate::render::units::{self, UnitJson, UnitsHeading};
use crate::render::{self, CheckFormat, Findings, Format, Output, Renderer, Reported};
use crate::settings::Settings;

/// `zi status` at the root.
pub(crate) fn status(
    settings: &Settings,
    wanted: &[String],
    filter: Filter,
    format: Format,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let ws = judge(settings, wanted, Keep::Errors, &|_| Detail::Summary)?;
    require_ids(&ws, filter.ids)?;
    let keeps = |r: &IndicatorReport| filter.keeps(r);
    let rows = rows(&ws, &keeps, false);
    write(&ws, format, rows, &[], out, &|unit, renderer| {
        let Some(judged) = &unit.judged else { return Ok(None) };
        renderer.status(&StatusView::new(&judged.eval, keeps))?;
        Ok(Some(ExitCode::SUCCESS))
    })
    .and_then(|code| notes(&ws, err).map(|()| code))
}

/// `zi overdue` at the root: 1 when anything in any unit is overdue or
/// invalid, or a unit has errors, or a folder the globs match is no unit.
pub(crate) fn overdue(
    settings: &Settings,
    wanted: &[String],
    filter: Filter,
    within: Option<u32>,
    format: CheckFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let ws = judge(settings, wanted, Keep::Errors, &|_| Detail::Summary)?;
    let fails: Fails = &|_, eval, entries| overdue::fails(eval, entries);
    overdue_of(&ws, (filter, within), format, fails, out, err)
}

/// Whether a unit's overdue list fails the run.
pub(super) type Fails<'a> = &'a dyn Fn(&Unit, &Evaluation, &[overdue::Entry]) -> bool;

/// The overdue list of the workspace `ws`, as `zi overdue` at the root
/// writes it, with each unit failing as `fails` says.
pub(super) fn overdue_of(
    ws: &Workspace,
    (filter, within): (Filter, Option<u32>),
    format: CheckFormat,
    fails: Fails,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    require_ids(ws, filter.ids)?;
    let keeps = |r: &IndicatorReport| filter.keeps(r);
    let unit_overdue = |unit: &Unit, findings: &mut dyn Findings| {
        let Some(judged) = &unit.judged else { return Ok(None) };
        let eval = &judged.eval;
        let entries = overdue::entries(eval, within).into_iter().filter(|e| keeps(e.report)).collect();
        let view = OverdueView { eval, entries };
        findings.overdue(&view)?;
        Ok(Some(if fails(unit, eval, &view.entries) { ExitCode::FAILURE } else { ExitCode::SUCCESS }))
    };
    let code = match format.output() {
        Output::Report(format) => {
            let rows = rows(ws, &keeps, false);
            write(ws, format, rows, &[], out, &|unit, renderer| unit_overdue(unit, &mut Reported(renderer)))?
        }
        // Every failing exit has its annotation: the errors that fail the
        // run and are no invalid indicator's are annotated as `zi check`'s.
        Output::Annotations(_) => {
            let root: Vec<Problem> = ws.problems.iter().filter(|p| p.is_error()).cloned().collect();
            annotate(ws, format, &root, out, &|unit, findings| {
                let code = unit_overdue(unit, findings)?;
                let problems = match &unit.judged {
                    Some(judged) => errors_beside_entries(&judged.eval),
                    None => unit.problems.clone(),
                };
                findings.check(&CheckView::whole(&problems, Default::default()))?;
                Ok(code)
            })?
        }
    };
    notes(ws, err)?;
    let root_errors = ws.problems.iter().any(Problem::is_error)
        || ws.units.iter().flat_map(|u| &u.problems).any(Problem::is_error);
    Ok(if root_errors { worst(code, ExitCode::FAILURE) } else { code })
}

/// The errors of a unit other than those of its invalid indicators, which
/// `zi overdue` lists as invalid already.
fn errors_beside_entries(eval: &crate::judge::evaluate::Evaluation) -> Vec<Problem> {
    let invalid: std::collections::HashSet<&str> = overdue::entries(eval, None)
        .iter()
        .filter(|e| e.lateness == overdue::Lateness::Invalid)
        .map(|e| e.report.file.path.as_str())
        .collect();
    eval.problems.iter().filter(|p| p.is_error() && !invalid.contains(p.path.as_str())).cloned().collect()
}

/// `zi check` at the root: the root's problems, then each unit's.
pub(crate) fn check(
    settings: &Settings,
    wanted: &[String],
    strict: bool,
    format: CheckFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let ws = judge(settings, wanted, Keep::Every, &|_| Detail::Summary)?;
    let fails = |problems: &[Problem]| {
        let (errors, warnings) = problem::count(problems);
        if errors > 0 || (strict && warnings > 0) {
            ExitCode::FAILURE
        } else {
            ExitCode::SUCCESS
        }
    };
    let unit_check = |unit: &Unit, findings: &mut dyn Findings| {
        let problems = match &unit.judged {
            Some(judged) => judged.all_problems(),
            None => unit.problems.clone(),
        };
        let excerpts = source::excerpts(&ws.settings.root, &problems, &[]);
        findings.check(&CheckView::whole(&problems, excerpts))?;
        Ok(Some(fails(&problems)))
    };
    let code = match format.output() {
        Output::Report(format) => {
            let root = root_check(&ws, format)?;
            let rows = rows(&ws, &|_| true, false);
            write(&ws, format, rows, &root, out, &|unit, renderer| unit_check(unit, &mut Reported(renderer)))?
        }
        Output::Annotations(_) => annotate(&ws, format, &ws.problems, out, &unit_check)?,
    };
    Ok(worst(code, fails(&ws.problems)))
}

/// One unit's findings, given to the forge's writer: `None` when the unit
/// has none (a folder that is no unit), else its exit status.
type UnitFindings<'a> = &'a dyn Fn(&Unit, &mut dyn Findings) -> Result<Option<ExitCode>>;

/// The annotations of a forge for the whole workspace, as one report: the
/// `root` problems, then each unit's findings (`unit`), with paths from the
/// top of the repository.
fn annotate(
    ws: &Workspace,
    format: CheckFormat,
    root: &[Problem],
    out: &mut dyn Write,
    unit: UnitFindings,
) -> Result<ExitCode> {
    let prefix = crate::commands::check::repository_prefix(ws.settings, format);
    let mut findings = render::findings(format, ws.settings.style(), &prefix, out);
    findings.check(&CheckView::whole(root, Default::default()))?;
    let mut code = ExitCode::SUCCESS;
    for u in &ws.units {
        if let Some(unit_code) = unit(u, &mut *findings)? {
            code = worst(code, unit_code);
        }
    }
    findings.finish()?;
    Ok(code)
}

/// The root's own problems as `zi check` writes them in `format`.
fn root_check(ws: &Workspace, format: Format) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let excerpts = source::excerpts(&ws.settings.root, &ws.problems, &ws.settings.known_texts());
    let view = CheckView::whole(&ws.problems, excerpts);
    render::renderer(format, ws.settings.style(), &mut bytes).check(&view)?;
    Ok(bytes)
}

/// `zi show UNIT:ID` (or an ID that only one unit has) at the root.
pub(crate) fn show(settings: &Settings, id: &str, format: Format, out: &mut dyn Write) -> Result<ExitCode> {
    // IDs never hold a `:`, unit folders may: the unit is all before the last.
    let in_unit = id.rsplit_once(':');
    let wanted: Vec<String> = in_unit.map(|(unit, _)| unit.to_string()).into_iter().collect();
    let inner = in_unit.map_or(id, |(_, rest)| rest);
    // A path from the root names the unit's file by its own path at the end.
    let by_path = |file: &crate::model::plan::IndicatorFile| {
        let id = id.trim_end_matches('/');
        [file.path.as_str(), file.path.trim_end_matches(".toml"), file.evidence.as_str()]
            .iter()
            .any(|own| id.strip_suffix(own).is_some_and(|unit| unit.ends_with('/')))
    };
    let detail = |file: &crate::model::plan::IndicatorFile| {
        if select::selects(inner, file) || by_path(file) {
            Detail::Files
        } else {
            Detail::Summary
        }
    };
    let ws = judge(settings, &wanted, Keep::Every, &detail)?;
    let evals: Vec<&Judged> = ws.units.iter().filter_map(|u| u.judged.as_ref()).collect();
    let matches: Vec<&IndicatorReport> = evals
        .iter()
        .flat_map(|j| j.eval.indicators.iter().filter(|r| select::selects(id, &r.file)))
        .collect();
    let [report] = matches.as_slice() else {
        if matches.is_empty() {
            return Err(Fatal::NoIndicatorMatches { ids: vec![id.to_string()] }.into());
        }
        return Err(Fatal::ShowTakesOne {
            id: id.to_string(),
            count: matches.len(),
            listed: matches.iter().take(8).map(|r| r.file.id.clone()).collect(),
            more: matches.len() > 8,
        }
        .into());
    };
    let Some(judged) = evals.iter().find(|j| j.eval.indicators.iter().any(|r| std::ptr::eq(r, *report)))
    else {
        return Err(Fatal::NoIndicatorMatches { ids: vec![id.to_string()] }.into());
    };
    let mut view = ShowView::new(&judged.eval, report);
    view.excerpts = source::excerpts(&settings.root, view.problems.iter().copied(), &[]);
    render::renderer(format, settings.style(), out).show(&view)?;
    Ok(ExitCode::SUCCESS)
}

/// Refuses IDs that select nothing in any unit, naming them.
pub(super) fn require_ids(ws: &Workspace, ids: &[String]) -> Result<(), Fatal> {
    let unknown: Vec<String> = ids
        .iter()
        .filter(|id| {
            !ws.units.iter().filter_map(|u| u.judged.as_ref()).any(|j| select::selects_any(id, &j.eval))
        })
        .cloned()
        .collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Fatal::NoIndicatorMatches { ids: unknown })
    }
}

/// The units' lines, in the order of their folders, over the indicators
/// `keeps` keeps; with `projected` a unit never assessed shows its projection.
pub(super) fn rows<'a>(
    ws: &'a Workspace,
    keeps: &(dyn Fn(&IndicatorReport) -> bool + Sync),
    projected: bool,
) -> Vec<UnitRow<'a>> {
    ws.units.iter().map(|unit| row(unit, keeps, projected)).collect()
}

fn row<'a>(
    unit: &'a Unit,
    keeps: &(dyn Fn(&IndicatorReport) -> bool + Sync),
    projected: bool,
) -> UnitRow<'a> {
    let Some(judged) = &unit.judged else {
        let (errors, warnings) = problem::count(&unit.problems);
        return UnitRow {
            tag: &unit.dir.tag,
            rel: &unit.dir.rel,
            unit: None,
            year: None,
            totals: None,
            no_zi_toml: unit.problems.iter().any(|p| matches!(p.kind, Kind::NotAUnit)),
            score: None,
            errors,
            warnings,
        };
    };
    let totals = StatusView::new(&judged.eval, keeps).totals;
    let mut row =
        UnitRow::judged(&unit.dir.tag, &unit.dir.rel, &judged.eval, totals, judged.score(projected));
    let (errors, warnings) = problem::count(&judged.score_problems);
    row.errors += errors;
    row.warnings += warnings;
    row
}

/// One unit's report, written by the renderer it is given: `None` when
/// the unit has none (a folder that is no unit), else its exit status.
type UnitReport<'a> = &'a dyn Fn(&Unit, &mut dyn Renderer) -> Result<Option<ExitCode>>;

/// The table of units (with `root`, the root's own part of the report,
/// after it), then each unit's report, in `format`.
pub(super) fn write(
    ws: &Workspace,
    format: Format,
    rows: Vec<UnitRow>,
    root: &[u8],
    out: &mut dyn Write,
    report: UnitReport,
) -> Result<ExitCode> {
    let style = ws.settings.style();
    let heading = UnitsHeading { title: ws.settings.config.title.as_deref(), as_of: ws.settings.as_of };
    let json: Vec<UnitJson> = rows.iter().map(UnitJson::of).collect();
    let view = UnitsView::new(rows);
    let mut out = std::io::BufWriter::with_capacity(64 * 1024, out);
    let mut first_rows = true;
    match format {
        Format::Json => units::json_head(
            &units::WorkspaceJson::new(&heading, &view, ws.year, style.lang),
            root,
            &mut out,
        )?,
        // The root's own rows (its `zi.toml`, globs that match nothing)
        // first, under the one header.
        Format::Csv => {
            if !root.is_empty() {
                units::csv_part(root, true, &mut out)?;
                first_rows = false;
            }
        }
        Format::Table | Format::Markdown => {
            units::units(&view, &heading, format, style, &mut out)?;
            if !root.is_empty() {
                writeln!(out)?;
                out.write_all(root)?;
            }
        }
    }
    // Each unit's report is made and written before the next: at ministry
    // scale the reports together are tens of megabytes.
    let mut code = ExitCode::SUCCESS;
    for (i, (unit, line)) in ws.units.iter().zip(json).enumerate() {
        let mut bytes = Vec::new();
        let unit_code = report(unit, &mut *render::renderer(format, style, &mut bytes))?;
        if let Some(unit_code) = unit_code {
            code = worst(code, unit_code);
        }
        let bytes = unit_code.map(|_| bytes);
        match format {
            Format::Json => units::json_unit(i == 0, &line, bytes.as_deref(), &mut out)?,
            Format::Csv => {
                if let Some(bytes) = &bytes {
                    units::csv_part(bytes, first_rows, &mut out)?;
                    first_rows = false;
                }
            }
            Format::Table | Format::Markdown => {
                if let Some(bytes) = bytes.filter(|b| !b.is_empty()) {
                    units::section_rule(&unit.dir.rel, format, &mut out)?;
                    out.write_all(&bytes)?;
                }
            }
        }
    }
    if format == Format::Json {
        units::json_end(&mut out)?;
    }
    out.flush()?;
    Ok(code)
}

/// The worse of two exit statuses: 2 (cannot run) over 1 over 0.
pub(super) fn worst(a: ExitCode, b: ExitCode) -> ExitCode {
    let rank = |c: ExitCode| {
        if c == ExitCode::SUCCESS {
            0
        } else if c == ExitCode::FAILURE {
            1
        } else {
            2
        }
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

/// The notes every report but `zi check` ends with on standard error: how
/// many errors the units' files have, and that evidence is misfiled.
pub(super) fn notes(ws: &Workspace, err: &mut dyn Write) -> Result<()> {
    let style = ws.settings.style();
    let evals: Vec<&crate::judge::evaluate::Evaluation> =
        ws.units.iter().filter_map(|u| u.judged.as_ref()).map(|j| &j.eval).collect();
    let outside = ws.units.iter().flat_map(|u| &u.problems).chain(&ws.problems);
    let errors = outside.filter(|p| p.is_error()).count() + evals.iter().map(|e| e.counts().0).sum::<usize>();
    if errors > 0 {
        writeln!(err, "zi: {}", render::note(&Note::ProblemsInPlan { errors }, style))?;
    }
    let places: usize = evals.iter().map(|e| e.misfiled()).sum();
    if places > 0 {
        writeln!(err, "zi: {}", render::note(&Note::Misfiled { places }, style))?;
    }
    Ok(())
}
