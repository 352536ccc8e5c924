//! CSV for spreadsheets: one row per indicator (status), per overdue
//! period (overdue) or per period × document (show). Headers and statuses
//! in the chosen language, since people open these in a spreadsheet.

use std::io::Write;

use anyhow::Result;

use super::{fraction, indicator_text, state_label, status_text, StatusView};
use crate::commands::overdue::{Entry, Lateness};
use crate::judge::evaluate::IndicatorReport;
use crate::text::Lang;

/// One CSV field, quoted when it must be (RFC 4180).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn row<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    writeln!(out, "{}", line.join(","))?;
    Ok(())
}

pub fn status(view: &StatusView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    row(
        out,
        &[l.id, l.area, l.component, l.indicator, l.status, l.next_deadline, l.to_date, l.year, l.path],
    )?;
    for area in &view.areas {
        for component in &area.components {
            for r in &component.indicators {
                row(
                    out,
                    &[
                        r.file.id.clone(),
                        area.area.name.clone(),
                        component.component.name.clone(),
                        indicator_text(r).to_string(),
                        status_text(r, lang),
                        r.next_deadline.map(|m| m.to_string()).unwrap_or_default(),
                        fraction(r.to_date, lang),
                        fraction(r.year, lang),
                        r.file.path.clone(),
                    ],
                )?;
            }
        }
    }
    Ok(())
}

pub fn overdue(entries: &[Entry], lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    row(out, &[l.id, l.month, l.status, l.indicator, l.missing])?;
    for e in entries {
        let status = match e.lateness {
            Lateness::Invalid => crate::judge::evaluate::Status::Invalid.label(lang),
            Lateness::Overdue => l.overdue,
            Lateness::DueSoon => l.due_within,
        };
        let missing = match e.period {
            Some(p) => p.missing().collect::<Vec<_>>().join("; "),
            None => e.report.problem.clone().unwrap_or_default(),
        };
        let month = e.period.map(|p| p.period.last.to_string()).unwrap_or_default();
        row(out, &[e.report.file.id.as_str(), &month, status, indicator_text(e.report), &missing])?;
    }
    Ok(())
}

pub fn show(report: &IndicatorReport, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    row(out, &[l.id, l.period, l.state, l.document, l.files])?;
    for p in &report.periods {
        let period = format!("{}..{}", p.period.first, p.period.last);
        for d in &p.documents {
            row(
                out,
                &[report.file.id.as_str(), &period, state_label(p.state, lang), &d.name, &d.files.join("; ")],
            )?;
        }
    }
    for o in &report.occurrences {
        let state = if o.complete { l.complete } else { l.missing };
        for d in &o.documents {
            row(out, &[report.file.id.as_str(), &o.folder, state, &d.name, &d.files.join("; ")])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_with_commas_quotes_or_newlines_are_quoted() {
        assert_eq!(super::field("a, b"), "\"a, b\"");
        assert_eq!(super::field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(super::field("plain"), "plain");
    }
}
