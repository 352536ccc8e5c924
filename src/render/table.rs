//! Terminal output. comfy-table lives only here.

use std::io::Write;

use anstyle::{AnsiColor, Style as Ansi};
use anyhow::Result;
use comfy_table::{presets, Attribute, Cell, Color, ContentArrangement, Table};

use crate::judge::evaluate::{Evaluation, Progress, Status};
use crate::judge::overdue::{Entry, Lateness};
use crate::judge::view::{CheckView, DiffView, OverdueView, ShowView, StatusView, Totals};
use crate::problem::{self, Excerpts, Problem};
use crate::render::problems;
use crate::render::renderer::{Renderer, Style};
use crate::render::words::{
    date_text, diff_sections, diff_to, document_name, entry_missing, fraction, next_deadline_text,
    overdue_summary, percent, period_text, shorten, state_label, status_text, Heading, StatusLabel,
};
use crate::text::Lang;

/// The terminal layout: tables, bars and compiler-like problems.
pub(crate) struct Terminal<'w> {
    pub(crate) style: Style,
    pub(crate) out: &'w mut dyn Write,
}

impl Renderer for Terminal<'_> {
    fn status(&mut self, view: &StatusView) -> Result<()> {
        status(view, self.style, self.out)
    }

    fn overdue(&mut self, view: &OverdueView) -> Result<()> {
        overdue(view.eval, &view.entries, self.style, self.out)
    }

    fn show(&mut self, view: &ShowView) -> Result<()> {
        show(view, self.style, self.out)
    }

    /// Silent when there is nothing to say.
    fn check(&mut self, view: &CheckView) -> Result<()> {
        if view.problems.is_empty() {
            return Ok(());
        }
        let lang = self.style.lang;
        for p in view.problems {
            writeln!(self.out, "{}", problems::problem(p, view.excerpts.line(p), lang))?;
        }
        let (errors, warnings) = problem::count(view.problems);
        writeln!(self.out, "{}", lang.catalogue().errors_and_warnings(errors, warnings))?;
        Ok(())
    }

    fn score(&mut self, view: &crate::judge::score::ScoreView) -> Result<()> {
        crate::render::score::table::score(view, self.style, self.out)
    }

    fn questions(&mut self, view: &crate::judge::score::QuestionsView) -> Result<()> {
        crate::render::score::table::questions(view, self.style, self.out)
    }

    fn diff(&mut self, view: &DiffView) -> Result<()> {
        diff(view, self.style.lang, self.out)
    }
}

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

fn status(view: &StatusView, ctx: Style, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let l = lang.labels();
    write!(out, "{}", heading(view.eval, lang))?;
    for area in &view.areas {
        let title = format!("{}. {}", area.area.id, area.area.name.to_uppercase());
        write!(out, "\n{}", group_summary(&title, &area.totals, ctx))?;
        let mut table = new_table(vec![l.id, l.indicator, l.status, l.next_deadline, l.to_date, l.year]);
        if ctx.color {
            table.enforce_styling();
        } else {
            table.force_no_tty();
        }
        for component in &area.components {
            let totals = &component.totals;
            table.add_row(vec![
                Cell::new(&component.component.id).add_attribute(Attribute::Bold),
                Cell::new(&component.component.name).add_attribute(Attribute::Bold),
                Cell::new(""),
                Cell::new(""),
                Cell::new(fraction(totals.to_date, lang)).add_attribute(Attribute::Bold),
                Cell::new(fraction(totals.year, lang)).add_attribute(Attribute::Bold),
            ]);
            for report in &component.indicators {
                let (color, bold) = status_style(report.status);
                let mut status = Cell::new(status_text(report, lang)).fg(color);
                if bold {
                    status = status.add_attribute(Attribute::Bold);
                }
                table.add_row(vec![
                    Cell::new(&report.file.id),
                    Cell::new(report.text()),
                    status,
                    Cell::new(next_deadline_text(report, lang)),
                    Cell::new(fraction(report.to_date, lang)),
                    Cell::new(fraction(report.year, lang)),
                ]);
            }
        }
        writeln!(out, "{table}")?;
    }
    if view.areas.len() > 1 {
        write!(out, "\n{}", group_summary(&l.total.to_uppercase(), &view.totals, ctx))?;
    }
    Ok(())
}

/// Cells of the bars drawn under each area.
const BAR_CELLS: usize = 20;

/// An area's (or the unit's) head: its name, a bar for the documents to
/// date and one for the year, and how many indicators have each status.
/// Lines are wrapped to the table width.
fn group_summary(title: &str, totals: &Totals, ctx: Style) -> String {
    let lang = ctx.lang;
    let l = lang.labels();
    let mut text = String::new();
    for line in wrap(title, WIDTH.into()) {
        text.push_str(&paint(&line, &BOLD, ctx.color));
        text.push('\n');
    }
    let label_width = l.to_date.chars().count().max(l.year.chars().count());
    let bars = [(l.to_date, totals.to_date, &RED), (l.year, totals.year, &DIM)];
    let bars: Vec<String> = bars
        .iter()
        .map(|(label, progress, rest)| {
            let pad = " ".repeat(label_width - label.chars().count());
            format!("{label}{pad} {}", bar(*progress, rest, ctx))
        })
        .collect();
    text.push_str(&format!("  {}\n", bars.join("   ")));
    let counts: Vec<(String, &Ansi)> = Status::ALL
        .iter()
        .filter(|s| totals.statuses.get(**s) > 0)
        .map(|s| (format!("{} {}", totals.statuses.get(*s), s.label(lang)), status_ansi(*s)))
        .collect();
    // Packed on the plain text's width: colour codes take no columns.
    let mut line = format!("  {} {}:", totals.indicators, l.indicators.to_lowercase());
    let mut columns = line.chars().count();
    for (i, (count, style)) in counts.iter().enumerate() {
        let separator = if i == 0 { " " } else { " · " };
        if columns + separator.len() + count.chars().count() > usize::from(WIDTH) {
            text.push_str(&line);
            text.push('\n');
            line = "   ".to_string();
            columns = line.len();
        } else {
            line.push_str(separator);
            columns += separator.chars().count();
        }
        line.push_str(&paint(count, style, ctx.color));
        columns += count.chars().count();
    }
    text.push_str(&line);
    text.push('\n');
    text
}

/// `████████░░░░  8/12  66%`: documents present as filled cells.
fn bar(p: Progress, rest: &Ansi, ctx: Style) -> String {
    let filled = (p.present * BAR_CELLS).checked_div(p.required).unwrap_or(0).min(BAR_CELLS);
    let have = "█".repeat(filled);
    let missing = "░".repeat(BAR_CELLS - filled);
    let numbers = if p.required == 0 {
        format!("{:>7}", fraction(p, ctx.lang))
    } else {
        format!("{:>7} {:>4}", fraction(p, ctx.lang), format!("{}%", percent(p)))
    };
    format!("{}{} {numbers}", paint(&have, &GREEN, ctx.color), paint(&missing, rest, ctx.color))
}

const BOLD: Ansi = Ansi::new().bold();
const DIM: Ansi = Ansi::new().dimmed();
const RED: Ansi = AnsiColor::Red.on_default();
const GREEN: Ansi = AnsiColor::Green.on_default();
const YELLOW: Ansi = AnsiColor::Yellow.on_default();
const MAGENTA: Ansi = AnsiColor::Magenta.on_default();
const CYAN: Ansi = AnsiColor::Cyan.on_default();

/// `text` in a style when colour is on.
fn paint(text: &str, style: &Ansi, color: bool) -> String {
    if color && !text.is_empty() {
        format!("{style}{text}{style:#}")
    } else {
        text.to_string()
    }
}

/// The colour of a status: red when late, yellow when due, green when done.
fn status_style(status: Status) -> (Color, bool) {
    match status {
        // The "dark" colours are the terminal's basic palette, readable on
        // light and dark backgrounds alike.
        Status::Invalid => (Color::DarkRed, true),
        Status::Overdue => (Color::DarkRed, false),
        Status::Due => (Color::DarkYellow, false),
        Status::OnTrack => (Color::DarkCyan, false),
        Status::Done => (Color::DarkGreen, false),
        Status::Occurrences => (Color::DarkMagenta, false),
    }
}

fn status_ansi(status: Status) -> &'static Ansi {
    const INVALID: Ansi = RED.bold();
    match status {
        Status::Invalid => &INVALID,
        Status::Overdue => &RED,
        Status::Due => &YELLOW,
        Status::OnTrack => &CYAN,
        Status::Done => &GREEN,
        Status::Occurrences => &MAGENTA,
    }
}

/// Breaks `text` at spaces into lines of at most `width` characters (a
/// longer word stands alone on its line).
fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

fn overdue(eval: &Evaluation, entries: &[Entry], ctx: Style, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let l = lang.labels();
    let id_width = entries.iter().map(|e| e.report.file.id.len()).max().unwrap_or(0);
    let month_width = entries
        .iter()
        .filter_map(|e| e.period)
        .map(|p| lang.month(p.period.last).chars().count())
        .max()
        .unwrap_or(0);
    for entry in entries {
        let id = format!("{:id_width$}", entry.report.file.id);
        let line = match (entry.lateness, entry.period) {
            (Lateness::Invalid, _) => format!(
                "{id}  {}  {}: {}",
                Status::Invalid.label(lang),
                entry.report.file.path,
                entry_missing(entry, lang, ", ")
            ),
            (lateness, Some(period)) => {
                let when = match lateness {
                    Lateness::DueSoon => format!("  ({})", lang.catalogue().due_in_days(entry.days)),
                    _ => String::new(),
                };
                let month = lang.month(period.period.last);
                let pad = " ".repeat(month_width - month.chars().count());
                format!(
                    "{id}  {month}{pad}  {}{when}  {}: {}",
                    shorten(entry.report.text(), 60),
                    l.missing,
                    entry_missing(entry, lang, ", ")
                )
            }
            (_, None) => continue,
        };
        writeln!(out, "{line}")?;
    }
    writeln!(out, "{}", overdue_summary(eval, entries, lang))?;
    Ok(())
}

fn show(view: &ShowView, ctx: Style, out: &mut dyn Write) -> Result<()> {
    let (eval, report) = (view.eval, view.report);
    let lang = ctx.lang;
    let l = lang.labels();
    writeln!(out, "{}  {}", report.file.id, report.text())?;
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
        date_text(eval.as_of)
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
        let when = period_text(period.period, lang);
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
    if !report.ignored.is_empty() {
        writeln!(out, "{} ({}): {}", l.ignored_files, report.ignored.len(), report.ignored.join(", "))?;
    }
    show_problems(&view.problems, &view.excerpts, lang, out)
}

fn show_problems(found: &[&Problem], excerpts: &Excerpts, lang: Lang, out: &mut dyn Write) -> Result<()> {
    for p in found {
        write!(out, "\n{}", problems::problem(p, excerpts.line(p), lang))?;
    }
    Ok(())
}

fn documents_rows(
    table: &mut Table,
    when: &str,
    state: &str,
    documents: &[crate::judge::evaluate::Document],
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
        table.add_row(vec![when, state, document_name(&document.name, lang), files.as_str()]);
    }
    if !unmatched.is_empty() {
        table.add_row(vec!["", "", l.unmatched, &unmatched.join("\n")]);
    }
}

fn diff(view: &DiffView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.labels();
    write!(out, "{}", heading(view.eval, lang))?;
    writeln!(out, "{}: {} → {}", l.changes, view.from, diff_to(view, lang))?;
    let sections = diff_sections(view.changes, lang);
    if sections.is_empty() {
        writeln!(out, "\n{}", l.no_changes)?;
    }
    for section in &sections {
        let mark = if section.prominent { "⚠ " } else { "" };
        writeln!(out, "\n{mark}{} ({})", section.title, section.rows.len())?;
        let id_width = section.rows.iter().map(|r| r.id.len()).max().unwrap_or(0);
        for row in &section.rows {
            writeln!(out, "  {:id_width$}  {}  {}", row.id, row.change, shorten(row.indicator, 60))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::wrap;

    #[test]
    fn wrap_breaks_at_spaces_and_leaves_an_overlong_word_whole() {
        assert_eq!(wrap("I. PENATAAN SISTEM MANAJEMEN SDM", 16), ["I. PENATAAN", "SISTEM MANAJEMEN", "SDM"]);
        assert_eq!(wrap("Pertanggungjawaban", 5), ["Pertanggungjawaban"]);
        assert_eq!(wrap("", 10), [""]);
    }
}
