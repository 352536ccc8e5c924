//! Markdown, for a `STATUS.md` kept in git: byte-stable for the same plan,
//! evidence and date, so its diff shows exactly what changed.

use std::io::Write;

use anyhow::Result;

use crate::judge::evaluate::Evaluation;

use crate::judge::view::{CheckView, DiffView, OverdueView, ShowView, StatusView, Totals};
use crate::render::fields::cell;
use crate::render::problems;

use crate::render::words::file_text;
use crate::render::words::{
    counts_summary, date_text, diff_sections, diff_to, document_name, entry_missing, entry_when, fraction,
    next_deadline_text, overdue_summary, period_text, pic, state_label, status_text, Heading,
};
use crate::text::Lang;

/// Markdown tables and lists.
pub(crate) struct Markdown<'w> {
    pub(crate) lang: Lang,
    pub(crate) out: &'w mut dyn Write,
}

use crate::render::score::markdown::{questions, score};

renderer_by_functions!(Markdown);

/// One row per problem, then the counts; nothing when there is none.
fn check(view: &CheckView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    if view.before == 0 && !view.problems.is_empty() {
        writeln!(out, "| {} | {} | {} | {} | {} |", l.severity, l.code, l.path, l.problem, l.hint_column)?;
        writeln!(out, "|---|---|---|---|---|")?;
    }
    for p in view.problems {
        writeln!(
            out,
            "| {} | `{}` | `{}` | {} | {} |",
            problems::severity_label(p.severity, lang),
            p.code().name(),
            cell(&p.place()),
            cell(&problems::message(p, lang)),
            cell(&problems::hint(p, lang))
        )?;
    }
    if let Some((errors, warnings)) = view.closing_totals() {
        writeln!(out, "\n{}", lang.catalogue().errors_and_warnings(errors, warnings))?;
    }
    Ok(())
}

/// "2 terlambat, 1 selesai · S.d. hari ini 3/8 · Setahun 5/16".
fn totals_line(totals: &Totals, lang: Lang) -> String {
    let l = lang.labels();
    format!(
        "{} · {} {} · {} {}",
        counts_summary(&totals.statuses, lang),
        l.to_date,
        fraction(totals.to_date, lang),
        l.year,
        fraction(totals.year, lang)
    )
}

fn heading(eval: &Evaluation, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let h = Heading::of(eval, lang);
    let l = lang.labels();
    writeln!(
        out,
        "# {} — {}\n\n{} {} · {} {}\n",
        cell(&h.unit),
        cell(&h.title),
        l.plan_year,
        h.year,
        l.as_of,
        h.as_of
    )?;
    Ok(())
}

fn status(view: &StatusView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    heading(view.eval, lang, out)?;
    writeln!(out, "**{}**: {}\n", l.total, totals_line(&view.totals, lang))?;
    for area in &view.areas {
        writeln!(out, "## {}. {}\n", area.area.id, cell(&area.area.name))?;
        writeln!(out, "{}\n", totals_line(&area.totals, lang))?;
        for component in &area.components {
            writeln!(out, "### {} {}\n", component.component.id, cell(&component.component.name))?;
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} | {} |",
                l.id, l.indicator, l.pic, l.status, l.next_deadline, l.to_date, l.year
            )?;
            writeln!(out, "|---|---|---|---|---|---:|---:|")?;
            for r in &component.indicators {
                writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} |",
                    r.file.id,
                    cell(r.text()),
                    cell(pic(r).unwrap_or("")),
                    status_text(r, lang),
                    next_deadline_text(r, lang),
                    fraction(r.to_date, lang),
                    fraction(r.year, lang)
                )?;
            }
            writeln!(out)?;
        }
    }
    Ok(())
}

fn overdue(view: &OverdueView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let (eval, entries) = (view.eval, &view.entries[..]);
    let l = lang.labels();
    heading(eval, lang, out)?;
    writeln!(out, "| {} | {} | {} | {} | {} | {} |", l.id, l.month, l.status, l.indicator, l.pic, l.missing)?;
    writeln!(out, "|---|---|---|---|---|---|")?;
    for e in entries {
        let status = entry_when(e, lang);
        let month = e.period.map(|p| lang.month(p.period.last)).unwrap_or_default();
        let missing = entry_missing(e, lang, ", ");
        writeln!(
            out,
            "| {} | {month} | {status} | {} | {} | {} |",
            e.report.file.id,
            cell(e.report.text()),
            cell(pic(e.report).unwrap_or("")),
            cell(&missing)
        )?;
    }
    writeln!(out, "\n{}", overdue_summary(eval, entries, lang))?;
    Ok(())
}

/// A document's files, one per line, those in `in_lfs` marked; `None`
/// when it has none.
fn files_text(files: &[String], in_lfs: &[String], lang: Lang) -> Option<String> {
    let texts: Vec<String> = files.iter().map(|f| file_text(f, in_lfs, lang)).collect();
    (!texts.is_empty()).then(|| texts.join("<br>"))
}

fn show(view: &ShowView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let (eval, report) = (view.eval, view.report);
    let l = lang.labels();
    writeln!(out, "# {} {}\n", report.file.id, cell(report.text()))?;
    writeln!(out, "- {}: `{}`", l.path, cell(&report.file.path))?;
    writeln!(out, "- {}: {}", l.status, status_text(report, lang))?;
    writeln!(out, "- {}: {}", l.next_deadline, next_deadline_text(report, lang))?;
    writeln!(
        out,
        "- {}: {} · {}: {}",
        l.to_date,
        fraction(report.to_date, lang),
        l.year,
        fraction(report.year, lang)
    )?;
    writeln!(out, "- {}: {}", l.as_of, date_text(eval.as_of))?;
    if let Some(indicator) = report.whole() {
        writeln!(out, "- {}: {}\n", l.target, cell(&indicator.due_text))?;
        writeln!(out, "## {}\n", l.actions)?;
        for action in &indicator.actions {
            writeln!(out, "- {}", cell(action))?;
        }
        writeln!(out)?;
    }
    writeln!(out, "## {}\n", l.evidence)?;
    writeln!(out, "| {} | {} | {} | {} |", l.period, l.state, l.document, l.files)?;
    writeln!(out, "|---|---|---|---|")?;
    for p in &report.periods {
        let period = period_text(p.period, lang);
        for d in &p.documents {
            let files = files_text(&d.files, &report.in_lfs_files, lang)
                .unwrap_or_else(|| format!("✗ {}", l.missing));
            writeln!(
                out,
                "| {period} | {} | {} | {} |",
                state_label(p.state, lang),
                cell(document_name(&d.name, lang)),
                cell(&files)
            )?;
        }
    }
    for o in &report.occurrences {
        for d in &o.documents {
            let files = files_text(&d.files, &report.in_lfs_files, lang)
                .unwrap_or_else(|| format!("✗ {}", l.missing));
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                o.folder,
                if o.complete { l.complete } else { l.missing },
                cell(document_name(&d.name, lang)),
                cell(&files)
            )?;
        }
    }
    if !report.ignored.is_empty() {
        let files: Vec<String> = report.ignored.iter().map(|f| format!("`{}`", cell(f))).collect();
        writeln!(out, "\n{} ({}): {}", l.ignored_files, report.ignored.len(), files.join(", "))?;
    }
    for d in &view.problems {
        writeln!(
            out,
            "\n- `{}` {}: {} ({})",
            d.place(),
            d.code().name(),
            cell(&problems::message(d, lang)),
            cell(&problems::hint(d, lang))
        )?;
    }
    Ok(())
}

fn diff(view: &DiffView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    heading(view.eval, lang, out)?;
    let to =
        view.to.as_ref().map_or_else(|| diff_to(view, lang).to_string(), |rev| format!("`{}`", cell(rev)));
    writeln!(out, "{}: `{}` → {to}", l.changes, cell(&view.from))?;
    let sections = diff_sections(view.changes, lang);
    if sections.is_empty() {
        writeln!(out, "\n{}", l.no_changes)?;
    }
    for section in &sections {
        let mark = if section.prominent { "⚠ " } else { "" };
        writeln!(out, "\n## {mark}{} ({})\n", section.title, section.rows.len())?;
        writeln!(out, "| {} | {} | {} |", l.id, l.change, l.indicator)?;
        writeln!(out, "|---|---|---|")?;
        for row in &section.rows {
            writeln!(out, "| {} | {} | {} |", row.id, cell(&row.change), cell(row.indicator))?;
        }
    }
    Ok(())
}
