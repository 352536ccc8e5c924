//! CSV for spreadsheets: one row per indicator (status), per overdue
//! period (overdue) or per period × document (show). Headers and statuses
//! in the chosen language, since people open these in a spreadsheet; counts
//! as plain numbers in columns of their own, months as `YYYY-MM`.

use std::io::Write;

use anyhow::Result;

use crate::judge::evaluate::Progress;
use crate::judge::overdue::Lateness;
use crate::judge::view::{CheckView, DiffView, OverdueView, ShowView, StatusView};
use crate::render::fields::row;
use crate::render::problems;
use crate::render::words::{
    diff_sections, document_name, entry_missing, lateness_label, pic, state_label, status_text,
};
use crate::text::Lang;

/// Comma-separated rows with a header row.
pub(crate) struct Csv<'w> {
    pub(crate) lang: Lang,
    pub(crate) out: &'w mut dyn Write,
}

use crate::render::score::csv::{questions, score};

renderer_by_functions!(Csv);

/// One row per problem.
fn check(view: &CheckView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    if view.first {
        row(out, &[l.severity, l.code, l.path, l.line, l.column, l.problem, l.hint_column])?;
    }
    for p in view.problems {
        let (line, column) =
            p.at.map_or((String::new(), String::new()), |at| (at.line.to_string(), at.column.to_string()));
        row(
            out,
            &[
                problems::severity_label(p.severity, lang).to_string(),
                p.code().name().to_string(),
                p.path.clone(),
                line,
                column,
                problems::message(p, lang),
                problems::hint(p, lang),
            ],
        )?;
    }
    Ok(())
}

/// One row per change, its section first.
fn diff(view: &DiffView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    row(out, &[l.change_kind, l.id, l.change, l.indicator])?;
    for section in diff_sections(view.changes, lang) {
        for r in &section.rows {
            row(out, &[section.title, r.id, &r.change, r.indicator])?;
        }
    }
    Ok(())
}

/// Progress as two numbers a spreadsheet sums, never `4/8` (which Excel
/// takes for a date): present, then required.
fn counts(p: Progress) -> [String; 2] {
    [p.present.to_string(), p.required.to_string()]
}

/// "To date (present)", "To date (required)".
fn count_headers(label: &str, lang: Lang) -> [String; 2] {
    let l = lang.labels();
    [format!("{label} ({})", l.present), format!("{label} ({})", l.required)]
}

fn status(view: &StatusView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    let mut header: Vec<String> =
        [l.id, l.area, l.component, l.indicator, l.pic, l.status, l.next_deadline].map(String::from).to_vec();
    header.extend(count_headers(l.to_date, lang));
    header.extend(count_headers(l.year, lang));
    header.push(l.path.to_string());
    row(out, &header)?;
    for area in &view.areas {
        for component in &area.components {
            for r in &component.indicators {
                let [to_date_present, to_date_required] = counts(r.to_date);
                let [year_present, year_required] = counts(r.year);
                let next_deadline = r.next_deadline.map(|m| m.to_string()).unwrap_or_default();
                let fields: [&str; 12] = [
                    &r.file.id,
                    &area.area.name,
                    &component.component.name,
                    r.text(),
                    pic(r).unwrap_or(""),
                    &status_text(r, lang),
                    &next_deadline,
                    &to_date_present,
                    &to_date_required,
                    &year_present,
                    &year_required,
                    &r.file.path,
                ];
                row(out, &fields)?;
            }
        }
    }
    Ok(())
}

fn overdue(view: &OverdueView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let entries = &view.entries[..];
    let l = lang.labels();
    row(out, &[l.id, l.month, l.status, l.days_late, l.indicator, l.pic, l.missing])?;
    for e in entries {
        let status = lateness_label(e.lateness, lang);
        let missing = entry_missing(e, lang, "; ");
        let month = e.period.map(|p| p.period.last.to_string()).unwrap_or_default();
        let late = if e.lateness == Lateness::Overdue { (-e.days).to_string() } else { String::new() };
        let fields = [
            e.report.file.id.as_str(),
            &month,
            status,
            &late,
            e.report.text(),
            pic(e.report).unwrap_or(""),
            &missing,
        ];
        row(out, &fields)?;
    }
    Ok(())
}

fn show(view: &ShowView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let report = view.report;
    let l = lang.labels();
    row(out, &[l.id, l.period, l.state, l.document, l.files])?;
    for p in &report.periods {
        let period = format!("{}..{}", p.period.first, p.period.last);
        for d in &p.documents {
            row(
                out,
                &[
                    report.file.id.as_str(),
                    &period,
                    state_label(p.state, lang),
                    document_name(&d.name, lang),
                    &d.files.join("; "),
                ],
            )?;
        }
    }
    for o in &report.occurrences {
        let state = if o.complete { l.complete } else { l.missing };
        for d in &o.documents {
            row(
                out,
                &[
                    report.file.id.as_str(),
                    &o.folder,
                    state,
                    document_name(&d.name, lang),
                    &d.files.join("; "),
                ],
            )?;
        }
    }
    Ok(())
}
