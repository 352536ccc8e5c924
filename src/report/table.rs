//! Terminal output. comfy-table lives only here.

use std::io::Write;

use anyhow::Result;
use comfy_table::{presets, Cell, ContentArrangement, Table};

use super::{
    fraction, indicator_text, next_deadline_text, shorten, state_label, status_text, Heading, StatusView,
    Totals,
};
use crate::commands::overdue::{Entry, Lateness};
use crate::commands::Context;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::status::{Evaluation, IndicatorReport};

/// Tables wrap to this width, on a terminal and off it alike, so that the
/// output is the same wherever it is produced.
const WIDTH: u16 = 100;

fn new_table(header: Vec<&str>) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH);
    table.set_header(header);
    table
}

fn heading(eval: &Evaluation, lang: Lang) -> String {
    let h = Heading::of(eval, lang);
    let l = lang.labels();
    format!("{} — {}\n{} {} · {} {}\n", h.unit, h.title, l.plan_year, h.year, l.as_of, h.as_of)
}

pub fn status(view: &StatusView, ctx: Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let l = lang.labels();
    write!(out, "{}", heading(view.eval, lang))?;
    let mut table = new_table(vec![l.id, l.indicator, l.status, l.next_deadline, l.to_date, l.year]);
    let group = |table: &mut Table, id: &str, name: &str, totals: &Totals| {
        table.add_row(vec![
            Cell::new(id),
            Cell::new(name),
            Cell::new(totals.statuses.summary(lang)),
            Cell::new(""),
            Cell::new(fraction(totals.to_date, lang)),
            Cell::new(fraction(totals.year, lang)),
        ]);
    };
    for area in &view.areas {
        group(&mut table, &area.area.id, &area.area.name.to_uppercase(), &area.totals);
        for component in &area.components {
            group(&mut table, &component.component.id, &component.component.name, &component.totals);
            for report in &component.indicators {
                table.add_row(vec![
                    Cell::new(&report.file.id),
                    Cell::new(indicator_text(report)),
                    Cell::new(status_text(report, lang)),
                    Cell::new(next_deadline_text(report, lang)),
                    Cell::new(fraction(report.to_date, lang)),
                    Cell::new(fraction(report.year, lang)),
                ]);
            }
        }
    }
    group(&mut table, "", l.total, &view.totals);
    writeln!(out, "{table}")?;
    Ok(())
}

pub fn overdue(eval: &Evaluation, entries: &[Entry], ctx: Context, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let l = lang.labels();
    let id_width = entries.iter().map(|e| e.report.file.id.len()).max().unwrap_or(0);
    for entry in entries {
        let id = format!("{:id_width$}", entry.report.file.id);
        let line = match (entry.lateness, entry.period) {
            (Lateness::Invalid, _) => format!(
                "{id}  {}  {}: {}",
                crate::status::Status::Invalid.label(lang),
                entry.report.file.path,
                entry.report.problem.as_deref().unwrap_or("")
            ),
            (lateness, Some(period)) => {
                let missing: Vec<&str> = period.missing().collect();
                let when = match lateness {
                    Lateness::DueSoon => format!("  ({})", days_left(entry.days, lang)),
                    _ => String::new(),
                };
                format!(
                    "{id}  {}  {}{when}  {}: {}",
                    lang.month(period.period.last),
                    shorten(indicator_text(entry.report), 60),
                    l.missing,
                    missing.join(", ")
                )
            }
            (_, None) => continue,
        };
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", overdue_summary(eval, entries, lang))?;
    Ok(())
}

fn days_left(days: i64, lang: Lang) -> String {
    match lang {
        Lang::En => format!("due in {days} day{}", if days == 1 { "" } else { "s" }),
        Lang::Id => format!("jatuh tempo {days} hari lagi"),
    }
}

/// The closing line of `zi overdue`: counts and where to look next.
pub fn overdue_summary(eval: &Evaluation, entries: &[Entry], lang: Lang) -> String {
    let count = |kind: Lateness| entries.iter().filter(|e| e.lateness == kind).count();
    let (overdue, invalid, soon) =
        (count(Lateness::Overdue), count(Lateness::Invalid), count(Lateness::DueSoon));
    let mut indicators: Vec<&str> = entries
        .iter()
        .filter(|e| e.lateness == Lateness::Overdue)
        .map(|e| e.report.file.id.as_str())
        .collect();
    indicators.dedup();
    let as_of = crate::commands::date_text(eval.as_of);
    let mut parts = Vec::new();
    match lang {
        Lang::En => {
            if overdue + invalid == 0 {
                parts.push(format!("nothing overdue as of {as_of}"));
            } else {
                if overdue > 0 {
                    parts.push(format!(
                        "{overdue} overdue period{} in {} indicator{} as of {as_of}",
                        plural(overdue),
                        indicators.len(),
                        plural(indicators.len())
                    ));
                }
                if invalid > 0 {
                    parts.push(format!("{invalid} invalid indicator{} (see `zi check`)", plural(invalid)));
                }
            }
            if soon > 0 {
                parts.push(format!("{soon} period{} due soon", plural(soon)));
            }
            let mut line = parts.join("; ");
            if overdue + soon > 0 {
                line.push_str("; `zi show ID` shows one in full");
            }
            line
        }
        Lang::Id => {
            if overdue + invalid == 0 {
                parts.push(format!("tidak ada yang terlambat per {as_of}"));
            } else {
                if overdue > 0 {
                    parts.push(format!(
                        "{overdue} periode terlambat pada {} indikator per {as_of}",
                        indicators.len()
                    ));
                }
                if invalid > 0 {
                    parts.push(format!("{invalid} indikator tidak valid (lihat `zi check`)"));
                }
            }
            if soon > 0 {
                parts.push(format!("{soon} periode segera jatuh tempo"));
            }
            let mut line = parts.join("; ");
            if overdue + soon > 0 {
                line.push_str("; `zi show ID` menampilkan rinciannya");
            }
            line
        }
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

pub fn show(
    eval: &Evaluation,
    report: &IndicatorReport,
    diagnostics: &[&Diagnostic],
    ctx: Context,
    out: &mut dyn Write,
) -> Result<()> {
    let lang = ctx.lang;
    let l = lang.labels();
    writeln!(out, "{}  {}", report.file.id, indicator_text(report))?;
    writeln!(out, "{}: {}", l.path, report.file.path)?;
    writeln!(
        out,
        "{}: {} · {}: {} · {}: {} · {}: {} ({} {})",
        l.status,
        status_text(report, lang),
        l.next_deadline,
        next_deadline_text(report, lang),
        l.to_date,
        fraction(report.to_date, lang),
        l.year,
        fraction(report.year, lang),
        l.as_of,
        crate::commands::date_text(eval.as_of)
    )?;
    if let Some(indicator) = &report.indicator {
        let due =
            if indicator.due_text.trim().is_empty() { l.no_target } else { indicator.due_text.as_str() };
        writeln!(out, "{}: {due}", l.target)?;
        if let Some(pic) = &indicator.pic {
            writeln!(out, "{}: {pic}", l.pic)?;
        }
        writeln!(out, "\n{}:", l.actions)?;
        for action in &indicator.actions {
            writeln!(out, "  - {action}")?;
        }
        writeln!(out, "\n{}:", l.evidence)?;
        for item in &indicator.evidence {
            let rule =
                if indicator.evidence.len() == 1 { "*".to_string() } else { item.patterns.join(" | ") };
            writeln!(out, "  - {}  [{rule}]", item.name)?;
        }
    }
    writeln!(out)?;
    let mut table = new_table(vec![l.period, l.state, l.document, l.files]);
    for period in &report.periods {
        let when = if period.period.first == period.period.last {
            lang.month(period.period.last)
        } else {
            format!("{} – {}", lang.month(period.period.first), lang.month(period.period.last))
        };
        let state = state_label(period.state, lang);
        documents_rows(&mut table, &when, state, &period.documents, &period.unmatched, lang);
    }
    for occurrence in &report.occurrences {
        let state = if occurrence.complete { l.complete } else { l.missing };
        documents_rows(
            &mut table,
            &occurrence.folder,
            state,
            &occurrence.documents,
            &occurrence.unmatched,
            lang,
        );
    }
    if !report.periods.is_empty() || !report.occurrences.is_empty() {
        writeln!(out, "{table}")?;
    }
    if !report.loose.is_empty() && report.periods.len() != 1 {
        writeln!(out, "{}: {}", l.loose_files, report.loose.join(", "))?;
    }
    for d in diagnostics {
        write!(out, "\n{}", d.render(lang))?;
    }
    Ok(())
}

fn documents_rows(
    table: &mut Table,
    when: &str,
    state: &str,
    documents: &[crate::status::Document],
    unmatched: &[String],
    lang: Lang,
) {
    let l = lang.labels();
    for (i, document) in documents.iter().enumerate() {
        let files = if document.files.is_empty() {
            format!("✗ {}", l.missing)
        } else {
            format!("✓ {}", document.files.join("\n  "))
        };
        let (when, state) = if i == 0 { (when, state) } else { ("", "") };
        table.add_row(vec![when, state, &*document.name, files.as_str()]);
    }
    if !unmatched.is_empty() {
        table.add_row(vec!["", "", l.unmatched, &unmatched.join("\n")]);
    }
}
