//! The HTML page of a workspace, for an inspectorate following many units:
//! the table of units sorted by what needs attention (a bar each, the
//! count per status, the score or its projection), each linked to the
//! unit's section below: its progress per area and what is overdue. One
//! self-contained file, like the unit's report: inline CSS only, nothing
//! fetched, no timestamp.

use std::fmt::Write as _;

use super::{esc, progress_cells, progress_head, progress_row, url_path, GENERATOR, STYLE};
use crate::judge::overdue::{Entry, Lateness};
use crate::judge::view::StatusView;
use crate::judge::workspace::{UnitRow, UnitsView};
use crate::problem::{Note, Problem};
use crate::render::problems;
use crate::render::units::{left_out, score_text, title, UnitsHeading};
use crate::render::words::{document_name, entry_when};
use crate::text::Lang;

/// One unit's section: what it is, and what the page shows of it.
pub(crate) struct Section<'a> {
    pub(crate) tag: &'a str,
    pub(crate) rel: &'a str,
    /// `None` for a folder that is no unit: its problems say why.
    pub(crate) view: Option<StatusView<'a>>,
    pub(crate) entries: Vec<Entry<'a>>,
    /// The folder's or the unit's problems, counted in the section's note.
    pub(crate) problems: Vec<&'a Problem>,
}

/// Writes to a `String`, which cannot fail.
macro_rules! w {
    ($out:expr, $($arg:tt)*) => {
        let _ = write!($out, $($arg)*);
    };
}

/// The whole page; `sections` in the order of the units' folders.
pub(crate) fn page(units: &UnitsView, sections: &[Section], heading: &UnitsHeading, lang: Lang) -> String {
    let mut out = String::with_capacity(16 * 1024 + sections.len() * 4 * 1024);
    let (l, w) = (lang.labels(), lang.workspace());
    let title = esc(title(heading, lang));
    let as_of = lang.long_date(heading.as_of);
    w!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n{GENERATOR}\n",
        lang.code()
    );
    w!(
        out,
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
    );
    w!(out, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    w!(out, "<title>{title} — {as_of}</title>\n<style>\n{STYLE}{CSS}</style>\n</head>\n<body>\n");
    w!(out, "<header>\n<h1>{title}</h1>\n");
    w!(out, "<p class=\"when\">{} · {} {as_of}</p>\n</header>\n", (w.units_count)(units.rows.len()), l.as_of);
    w!(out, "<section id=\"units\">\n<h2>{}</h2>\n<table class=\"progress units\">\n<thead><tr>", w.units);
    w!(out, "<th>{}</th><th class=\"num\">{}</th><th>{}</th>", w.unit, l.indicators, l.to_date);
    w!(
        out,
        "<th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        l.year,
        l.by_status,
        w.score,
        w.problems
    );
    for row in &units.rows {
        unit_row(&mut out, row, lang);
    }
    let total = format!("<b>{}</b>", l.total);
    progress_cells(&mut out, &total, &units.totals, " class=\"total\"", lang);
    w!(out, "<td></td><td></td></tr>\n</tbody>\n</table>\n</section>\n");
    for section in sections {
        unit_section(&mut out, section, &as_of, lang);
    }
    w!(out, "</body>\n</html>\n");
    out
}

/// The anchor of a unit's section.
fn anchor(tag: &str) -> String {
    format!("unit-{tag}")
}

fn unit_row(out: &mut String, row: &UnitRow, lang: Lang) {
    let name = match row.unit {
        Some(unit) => format!("<br><span class=\"name\">{}</span>", esc(unit)),
        None => String::new(),
    };
    let link = format!("<a href=\"#{}\"><b>{}</b></a>{name}", url_path(&anchor(row.tag)), esc(row.tag));
    let problems = lang.catalogue().errors_and_warnings(row.errors, row.warnings);
    match &row.totals {
        Some(totals) => {
            let late = totals.statuses.invalid + totals.statuses.overdue + row.errors > 0;
            let attention = if late { " class=\"late\"" } else { "" };
            progress_cells(out, &link, totals, attention, lang);
            w!(
                out,
                "<td class=\"score\">{}</td><td>{}</td></tr>\n",
                esc(&score_text(row.score, lang)),
                problems
            );
        }
        None => {
            w!(out, "<tr class=\"late\"><td>{link}</td><td colspan=\"4\"><span class=\"chip invalid\">{}</span></td>", left_out(row, lang));
            w!(out, "<td></td><td>{problems}</td></tr>\n");
        }
    }
}

fn unit_section(out: &mut String, section: &Section, as_of: &str, lang: Lang) {
    let (l, w) = (lang.labels(), lang.workspace());
    w!(out, "<section class=\"unit\" id=\"{}\">\n", esc(&anchor(section.tag)));
    let name = section.view.as_ref().and_then(|v| v.eval.plan.config.unit.as_deref()).unwrap_or(section.tag);
    w!(out, "<h2>{} <span class=\"tag\">{}</span></h2>\n", esc(name), esc(section.rel));
    let errors = section.problems.iter().filter(|p| p.is_error()).count();
    if errors > 0 {
        let note = lang.catalogue().note(&Note::ProblemsInPlan { errors });
        w!(out, "<p class=\"problems\">⚠ {}</p>\n", esc(&note));
    }
    let Some(view) = &section.view else {
        w!(out, "<ul class=\"missing\">");
        for problem in &section.problems {
            w!(
                out,
                "<li><code>{}</code>: {}</li>",
                esc(&problem.place()),
                esc(&problems::message(problem, lang))
            );
        }
        w!(out, "</ul>\n<p><a href=\"#units\">↑ {}</a></p>\n</section>\n", w.back_to_units);
        return;
    };
    w!(out, "<p class=\"when\">{} {}</p>\n", l.plan_year, view.eval.plan.year);
    progress_head(out, l);
    for area in &view.areas {
        let name = format!("<b>{}</b> {}", esc(&area.area.id), esc(&area.area.name));
        progress_row(out, &name, &area.totals, "", lang);
    }
    progress_row(out, &format!("<b>{}</b>", l.total), &view.totals, " class=\"total\"", lang);
    w!(out, "</tbody>\n</table>\n");
    overdue(out, &section.entries, as_of, lang);
    w!(out, "<p><a href=\"#units\">↑ {}</a></p>\n</section>\n", w.back_to_units);
}

/// The unit's overdue periods, one row each, with the missing documents.
fn overdue(out: &mut String, entries: &[Entry], as_of: &str, lang: Lang) {
    let l = lang.labels();
    let late: Vec<&Entry> = entries.iter().filter(|e| e.lateness != Lateness::DueSoon).collect();
    w!(out, "<h3>{}</h3>\n", l.overdue_documents);
    if late.is_empty() {
        w!(out, "<p class=\"none\">✓ {}</p>\n", esc(&lang.catalogue().nothing_overdue(as_of)));
        return;
    }
    w!(out, "<table class=\"overdue\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>", l.id, l.month, l.late);
    w!(out, "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", l.indicator, l.missing_documents);
    for entry in late {
        w!(out, "<tr><td class=\"id\">{}</td>", esc(&entry.report.file.id));
        match entry.period {
            Some(period) => {
                w!(out, "<td class=\"when\">{}</td>", lang.month(period.period.last));
                w!(out, "<td class=\"late\">{}</td>", esc(&entry_when(entry, lang)));
                w!(out, "<td>{}</td><td><ul class=\"missing\">", esc(entry.report.text()));
                for name in &period.missing {
                    w!(out, "<li>{}</li>", esc(document_name(name, lang)));
                }
                w!(out, "</ul></td></tr>\n");
            }
            None => {
                let problem =
                    entry.report.problem.as_ref().map(|p| problems::message(p, lang)).unwrap_or_default();
                w!(out, "<td colspan=\"2\"><span class=\"chip invalid\">{}</span></td>", l.status_invalid);
                w!(out, "<td>{}</td><td>{}</td></tr>\n", esc(entry.report.text()), esc(&problem));
            }
        }
    }
    w!(out, "</tbody>\n</table>\n");
}

/// What the workspace page adds to the unit report's style.
const CSS: &str = "\
h2 .tag { color: var(--muted); font-weight: normal; font-size: 13px; }
table.units tr.late td:first-child { border-left: 4px solid var(--overdue); }
td.score { white-space: nowrap; }
table.units .name { color: var(--muted); font-size: 13px; }
table.units td:first-child b { white-space: nowrap; }
@media print { section.unit { break-before: page; } }
";
