//! JSON output: the stable, documented shape (docs/format.md) that other
//! tools read. Keys and enum values are English and never translated; the
//! `*_label` fields carry the text in the chosen language.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::judge::changes::Changes;
use crate::judge::evaluate::{
    Evaluation, IndicatorReport, OccurrenceReport, PeriodReport, PeriodState, Progress, Status,
};
use crate::judge::overdue::Lateness;
use crate::judge::view::{CheckView, DiffView, OverdueView, ShowView, StatusView};
use crate::model::month::YearMonth;
use crate::problem::{self, Problem, Severity};
use crate::render::problems;

mod pretty;
#[cfg(test)]
mod reference;
mod rows;

use pretty::Pretty;

use crate::render::words::{pic, status_text, Heading};
use crate::text::Lang;

/// The documented JSON of every report.
pub(crate) struct Json<'w> {
    pub(crate) lang: Lang,
    pub(crate) out: &'w mut dyn Write,
}

use crate::render::score::json::{questions, score};

renderer_by_functions!(Json);

fn check(view: &CheckView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let (errors, warnings) = problem::count(view.problems);
    let mut w = Pretty::new(out);
    w.object();
    w.key("errors");
    w.count(errors);
    w.key("warnings");
    w.count(warnings);
    w.key("diagnostics");
    w.array();
    let mut said = problems::Said::raw(lang);
    for p in view.problems {
        w.item();
        rows::problem(&mut w, p, &mut said)?;
    }
    w.end_array()?;
    w.end_object()?;
    w.finish()?;
    Ok(())
}

/// A problem as JSON lists it: the code and place are data, `message` and
/// `hint` the words in the chosen language.
#[derive(Serialize)]
struct ProblemJson<'a> {
    code: &'static str,
    severity: Severity,
    path: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    column: Option<u32>,
    message: String,
    hint: String,
}

impl<'a> ProblemJson<'a> {
    fn of(p: &'a Problem, lang: Lang) -> Self {
        ProblemJson {
            code: p.code().name(),
            severity: p.severity,
            path: &p.path,
            line: p.at.map(|at| at.line),
            column: p.at.map(|at| at.column),
            message: problems::message(p, lang),
            hint: problems::hint(p, lang),
        }
    }
}

#[derive(Serialize)]
struct Header<'a> {
    /// `zi.toml`'s unit, `null` when it has none.
    unit: Option<&'a str>,
    /// `zi.toml`'s title, `null` when it has none.
    title: Option<&'a str>,
    /// The title as the reports show it (the default one when none is set).
    title_label: &'a str,
    year: i32,
    as_of: &'a str,
}

fn with_header<T: Serialize>(eval: &Evaluation, lang: Lang, body: T, out: &mut dyn Write) -> Result<()> {
    #[derive(Serialize)]
    struct Doc<'a, T> {
        #[serde(flatten)]
        header: Header<'a>,
        #[serde(flatten)]
        body: T,
    }
    let h = Heading::of(eval, lang);
    let header = Header {
        unit: eval.plan.config.unit.as_deref(),
        title: eval.plan.config.title.as_deref(),
        title_label: &h.title,
        year: h.year,
        as_of: &h.as_of,
    };
    serde_json::to_writer_pretty(&mut *out, &Doc { header, body })?;
    writeln!(out)?;
    Ok(())
}

/// An indicator as `zi status --format json` lists it.
#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    path: &'a str,
    evidence_dir: &'a str,
    indicator: &'a str,
    status: Status,
    status_label: String,
    due: Option<&'a str>,
    /// The person in charge, `null` when the plan names none.
    pic: Option<&'a str>,
    next_deadline: Option<String>,
    to_date: Progress,
    year: Progress,
    /// Dated folders holding files, for indicators without deadlines.
    occurrences: Option<usize>,
    periods: Vec<PeriodJson<'a>>,
    /// How many of the evidence files are Git LFS pointers not pulled.
    in_lfs: usize,
    problem: Option<ProblemJson<'a>>,
}

#[derive(Serialize)]
struct PeriodJson<'a> {
    #[serde(serialize_with = "crate::model::month::serialize")]
    first: YearMonth,
    #[serde(serialize_with = "crate::model::month::serialize")]
    last: YearMonth,
    state: PeriodState,
    /// `null` for the one unnamed document of an indicator whose plan lists none.
    missing: Vec<Option<&'a str>>,
}

/// Serialises `items` one at a time through `f`: a report of 100,000
/// indicators is written as it is built, never held whole in memory.
struct Each<'a, T, F> {
    items: &'a [T],
    f: F,
}

fn each<'a, T, R, F: Fn(&'a T) -> R>(items: &'a [T], f: F) -> Each<'a, T, F> {
    Each { items, f }
}

impl<'a, T, F, R> Serialize for Each<'a, T, F>
where
    F: Fn(&'a T) -> R,
    R: Serialize,
{
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.items.iter().map(&self.f))
    }
}

fn indicator_json<'a>(report: &'a IndicatorReport, lang: Lang) -> IndicatorJson<'a> {
    IndicatorJson {
        id: &report.file.id,
        path: &report.file.path,
        evidence_dir: &report.file.evidence,
        indicator: report.text(),
        status: report.status,
        status_label: status_text(report, lang),
        due: report.due_text(),
        pic: pic(report),
        next_deadline: report.next_deadline.map(|m| m.to_string()),
        to_date: report.to_date,
        year: report.year,
        occurrences: (report.status == Status::Occurrences)
            .then(|| report.occurrences.iter().filter(|o| o.has_files()).count()),
        periods: report
            .periods
            .iter()
            .map(|p| PeriodJson {
                first: p.period.first,
                last: p.period.last,
                state: p.state,
                missing: p.missing().collect(),
            })
            .collect(),
        in_lfs: report.in_lfs,
        problem: report.problem.as_deref().map(|p| ProblemJson::of(p, lang)),
    }
}

/// Written by hand (`rows`): a large plan's indicators are most of what
/// any report writes.
fn status(view: &StatusView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let mut w = Pretty::new(out);
    w.object();
    rows::header(&mut w, view.eval, lang);
    rows::totals(&mut w, &view.totals)?;
    w.key("areas");
    w.array();
    for a in &view.areas {
        w.item();
        group(&mut w, &a.area.id, &a.area.name, &a.area.path);
        rows::totals(&mut w, &a.totals)?;
        w.key("components");
        w.array();
        for c in &a.components {
            w.item();
            group(&mut w, &c.component.id, &c.component.name, &c.component.path);
            rows::totals(&mut w, &c.totals)?;
            w.key("indicators");
            w.array();
            for r in &c.indicators {
                w.item();
                rows::indicator(&mut w, r, lang)?;
            }
            w.end_array()?;
            w.end_object()?;
        }
        w.end_array()?;
        w.end_object()?;
    }
    w.end_array()?;
    w.end_object()?;
    w.finish()?;
    Ok(())
}

/// Opens an area's or a component's object with its `id`, `name`, `path`.
fn group(w: &mut Pretty, id: &str, name: &str, path: &str) {
    w.object();
    w.key("id");
    w.str(id);
    w.key("name");
    w.str(name);
    w.key("path");
    w.str(path);
}

fn overdue(view: &OverdueView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let (eval, entries) = (view.eval, &view.entries[..]);
    #[derive(Serialize)]
    struct Item<'a> {
        id: &'a str,
        path: &'a str,
        indicator: &'a str,
        kind: Lateness,
        month: Option<String>,
        days: i64,
        days_late: Option<i64>,
        pic: Option<&'a str>,
        missing: Vec<Option<&'a str>>,
        problem: Option<ProblemJson<'a>>,
    }
    #[derive(Serialize)]
    struct Body<T> {
        overdue: usize,
        invalid: usize,
        items: T,
    }
    let items = each(entries, |e| Item {
        id: &e.report.file.id,
        path: &e.report.file.path,
        indicator: e.report.text(),
        kind: e.lateness,
        month: e.period.map(|p| p.period.last.to_string()),
        days: e.days,
        days_late: (e.lateness == Lateness::Overdue).then_some(-e.days),
        pic: pic(e.report),
        missing: e.period.map(|p| p.missing().collect()).unwrap_or_default(),
        problem: e.report.problem.as_deref().map(|p| ProblemJson::of(p, lang)),
    });
    let count = |k| entries.iter().filter(|e| e.lateness == k).count();
    with_header(
        eval,
        lang,
        Body { overdue: count(Lateness::Overdue), invalid: count(Lateness::Invalid), items },
        out,
    )
}

fn show(view: &ShowView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let (eval, report) = (view.eval, view.report);
    #[derive(Serialize)]
    struct Evidence<'a> {
        name: &'a str,
        patterns: &'a [String],
        explicit: bool,
    }
    #[derive(Serialize)]
    struct Body<'a> {
        #[serde(flatten)]
        summary: IndicatorJson<'a>,
        actions: Vec<&'a str>,
        evidence: Vec<Evidence<'a>>,
        period_files: &'a [PeriodReport],
        occurrence_folders: &'a [OccurrenceReport],
        loose_files: &'a [String],
        ignored_files: &'a [String],
        in_lfs_files: &'a [String],
        diagnostics: Vec<ProblemJson<'a>>,
    }
    let indicator = report.whole();
    let body = Body {
        summary: indicator_json(report, lang),
        actions: indicator.map(|i| i.actions.iter().map(String::as_str).collect()).unwrap_or_default(),
        evidence: indicator
            .map(|i| {
                i.evidence
                    .iter()
                    .map(|e| Evidence { name: &e.name, patterns: &e.patterns, explicit: e.explicit })
                    .collect()
            })
            .unwrap_or_default(),
        period_files: &report.periods,
        occurrence_folders: &report.occurrences,
        loose_files: &report.loose,
        ignored_files: &report.ignored,
        in_lfs_files: &report.in_lfs_files,
        diagnostics: view.problems.iter().map(|p| ProblemJson::of(p, lang)).collect(),
    };
    with_header(eval, lang, body, out)
}

/// `zi diff --format json`: the header, both sides, and every change list
/// (always present, empty when nothing changed).
fn diff(view: &DiffView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    #[derive(Serialize)]
    struct Body<'a> {
        from: &'a str,
        /// `null` for the working tree.
        to: Option<&'a str>,
        #[serde(flatten)]
        changes: &'a Changes,
    }
    with_header(
        view.eval,
        lang,
        Body { from: &view.from, to: view.to.as_deref(), changes: view.changes },
        out,
    )
}
