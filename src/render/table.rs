//! Terminal output: tables laid out for the terminal's width (`grid`),
//! bars and compiler-like problems. Every text from a plan file or a file
//! name is escaped (`escape`) before it is written.

use std::io::Write;

use anstyle::{AnsiColor, Style as Ansi};
use anyhow::Result;
use unicode_width::UnicodeWidthStr;

use crate::judge::evaluate::{Evaluation, Progress, Status};
use crate::judge::view::{AreaView, CheckView, DiffView, OverdueView, ShowView, StatusView, Totals};
use crate::problem::{Excerpts, Problem};
use crate::render::escape::escape;
use crate::render::grid::{wrap, Cell, Fit, Layout, Measure};
use crate::render::problems;
use crate::render::renderer::{Renderer, Style};
use crate::render::row_texts::RowTexts;
use crate::render::words::{
    date_text, diff_sections, diff_to, document_name, file_text, fraction, next_deadline_text, percent,
    period_text, pic, shorten, state_label, status_count, status_text, Heading,
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
        crate::render::overdue::overdue(view.eval, &view.entries, self.style, self.out)
    }

    fn show(&mut self, view: &ShowView) -> Result<()> {
        show(view, self.style, self.out)
    }

    /// Silent when there is nothing to say.
    fn check(&mut self, view: &CheckView) -> Result<()> {
        let lang = self.style.lang;
        // One buffer and one set of words for the part's problems.
        let mut said = problems::Said::escaped(lang);
        let mut text = String::with_capacity(512);
        for p in view.problems {
            text.clear();
            problems::push_problem(&mut text, p, view.excerpts.line(p), &mut said);
            text.push('\n');
            self.out.write_all(text.as_bytes())?;
        }
        if let Some((errors, warnings)) = view.closing_totals() {
            writeln!(self.out, "{}", lang.catalogue().errors_and_warnings(errors, warnings))?;
        }
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

fn heading(eval: &Evaluation, lang: Lang) -> String {
    let h = Heading::of(eval, lang);
    let l = lang.labels();
    let (unit, title) = (escape(&h.unit), escape(&h.title));
    format!("{unit} — {title}\n{} {} · {} {}\n", l.plan_year, h.year, l.as_of, h.as_of)
}

/// One table layout for every area, so that columns line up from the first
/// area to the last; a person-in-charge column when any indicator has one.
fn status(view: &StatusView, ctx: Style, out: &mut dyn Write) -> Result<()> {
    let lang = ctx.lang;
    let l = lang.labels();
    write!(out, "{}", heading(view.eval, lang))?;
    let reports = || view.areas.iter().flat_map(|a| &a.components).flat_map(|c| &c.indicators);
    let with_pic = reports().any(|r| pic(r).is_some());
    let mut headers = vec![l.id, l.indicator];
    let mut fits = vec![Fit::Tight, Fit::Fill { readable: 28 }];
    if with_pic {
        headers.push(l.pic);
        fits.push(Fit::Wrap { cap: 20 });
    }
    headers.extend([l.status, l.next_deadline, l.to_date, l.year]);
    fits.extend([Fit::Tight; 4]);
    // Measured row by row, then made again to be written as it is laid
    // out: a plan of 100,000 indicators is never held as cells. Each area
    // is measured on its own (a list indents its entries for the widest ID
    // of their area), the table from all of them.
    let texts = RowTexts::of(&view.areas, lang);
    let mut measures = Vec::with_capacity(view.areas.len());
    for area in &view.areas {
        let mut measure = Measure::new(&fits);
        each_row(area, with_pic, &texts, |row| {
            measure.row(row);
            Ok(())
        })?;
        measures.push(measure);
    }
    let mut measure = Measure::new(&fits);
    measures.iter().for_each(|m| measure.take_in(m));
    let mut layout = Layout::measured(&headers, &measure, ctx.width);
    for (area, keys) in view.areas.iter().zip(&measures) {
        if layout.is_list() {
            layout.keys_from(keys);
        }
        let title = format!("{}. {}", area.area.id, area.area.name.to_uppercase());
        write!(out, "\n{}", group_summary(&title, &area.totals, ctx))?;
        layout.begin(out)?;
        each_row(area, with_pic, &texts, |row| layout.row(out, row, 1, ctx.color))?;
        layout.end(out)?;
    }
    if view.areas.len() > 1 {
        write!(out, "\n{}", group_summary(&l.total.to_uppercase(), &view.totals, ctx))?;
    }
    let in_lfs: usize = reports().map(|r| r.in_lfs).sum();
    if in_lfs > 0 {
        writeln!(out, "\n{}: {in_lfs}", l.in_lfs_files)?;
    }
    Ok(())
}

/// An area's rows, one at a time: each component (bold), then its
/// indicators. Their short texts are `texts`'.
fn each_row<'a>(
    area: &'a AreaView,
    with_pic: bool,
    texts: &'a RowTexts,
    mut each: impl FnMut(&[Cell<'a>]) -> std::io::Result<()>,
) -> std::io::Result<()> {
    let mut row = Vec::with_capacity(7);
    let none = texts.lang().labels().none;
    for component in &area.components {
        let totals = &component.totals;
        row.clear();
        row.extend([
            Cell::new(&component.component.id).styled(BOLD),
            Cell::new(&component.component.name).styled(BOLD),
        ]);
        if with_pic {
            row.push(Cell::default());
        }
        row.extend([
            Cell::default(),
            Cell::default(),
            Cell::new(texts.fraction(totals.to_date)).styled(BOLD),
            Cell::new(texts.fraction(totals.year)).styled(BOLD),
        ]);
        each(&row)?;
        for report in &component.indicators {
            row.clear();
            row.extend([Cell::new(&report.file.id), Cell::new(report.text())]);
            if with_pic {
                row.push(Cell::new(pic(report).unwrap_or("")));
            }
            let next_deadline = report.next_deadline.map_or(none, |month| texts.month(month));
            row.extend([
                Cell::new(texts.status(report)).styled(*status_ansi(report.status)),
                Cell::new(next_deadline),
                Cell::new(texts.fraction(report.to_date)),
                Cell::new(texts.fraction(report.year)),
            ]);
            each(&row)?;
        }
    }
    Ok(())
}

/// Cells of the bars drawn under each area.
const BAR_CELLS: usize = 20;

/// An area's (or the unit's) head: its name, a bar for the documents to
/// date and one for the year (side by side when the width allows), and how
/// many indicators have each status. Lines are wrapped to the width.
fn group_summary(title: &str, totals: &Totals, ctx: Style) -> String {
    let lang = ctx.lang;
    let l = lang.labels();
    let mut text = String::new();
    for line in wrap(&escape(title), ctx.width) {
        text.push_str(&paint(&line, &BOLD, ctx.color));
        text.push('\n');
    }
    let label_width = l.to_date.width().max(l.year.width());
    let bars = [(l.to_date, totals.to_date, &RED), (l.year, totals.year, &DIM)];
    let bars: Vec<(String, usize)> = bars
        .iter()
        .map(|(label, progress, rest)| {
            let pad = " ".repeat(label_width - label.width());
            let (bar, columns) = bar(*progress, rest, ctx);
            (format!("{label}{pad} {bar}"), label_width + 1 + columns)
        })
        .collect();
    if 2 + bars[0].1 + 3 + bars[1].1 <= ctx.width {
        text.push_str(&format!("  {}   {}\n", bars[0].0, bars[1].0));
    } else {
        text.push_str(&format!("  {}\n  {}\n", bars[0].0, bars[1].0));
    }
    let counts: Vec<(String, &Ansi)> = Status::ALL
        .iter()
        .filter(|s| totals.statuses.get(**s) > 0)
        .map(|s| (status_count(*s, totals.statuses.get(*s), lang), status_ansi(*s)))
        .collect();
    // Packed on the plain text's width: colour codes take no columns.
    let mut line = format!("  {}:", lang.catalogue().indicator_count(totals.indicators));
    let mut columns = line.width();
    for (i, (count, style)) in counts.iter().enumerate() {
        let separator = if i == 0 { " " } else { " · " };
        if columns + separator.width() + count.width() > ctx.width {
            text.push_str(&line);
            text.push('\n');
            line = "   ".to_string();
            columns = line.len();
        } else {
            line.push_str(separator);
            columns += separator.width();
        }
        line.push_str(&paint(count, style, ctx.color));
        columns += count.width();
    }
    text.push_str(&line);
    text.push('\n');
    text
}

/// `████████░░░░  8/12  66%`: documents present as filled cells, and
/// the columns it takes.
fn bar(p: Progress, rest: &Ansi, ctx: Style) -> (String, usize) {
    let filled = (p.present * BAR_CELLS).checked_div(p.required).unwrap_or(0).min(BAR_CELLS);
    let have = "█".repeat(filled);
    let missing = "░".repeat(BAR_CELLS - filled);
    let numbers = if p.required == 0 {
        format!("{:>7}", fraction(p, ctx.lang))
    } else {
        format!("{:>7} {:>4}", fraction(p, ctx.lang), format!("{}%", percent(p)))
    };
    let columns = BAR_CELLS + 1 + numbers.width();
    (format!("{}{} {numbers}", paint(&have, &GREEN, ctx.color), paint(&missing, rest, ctx.color)), columns)
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

fn show(view: &ShowView, ctx: Style, out: &mut dyn Write) -> Result<()> {
    let (eval, report) = (view.eval, view.report);
    let lang = ctx.lang;
    let l = lang.labels();
    let wrapped = |out: &mut dyn Write, text: &str| -> Result<()> {
        if text.width() <= ctx.width {
            writeln!(out, "{text}")?;
            return Ok(());
        }
        for line in wrap(text, ctx.width) {
            writeln!(out, "{line}")?;
        }
        Ok(())
    };
    wrapped(out, &format!("{}  {}", report.file.id, escape(report.text())))?;
    writeln!(out, "{}: {}", l.path, escape(&report.file.path))?;
    let summary = format!(
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
    );
    wrapped(out, &summary)?;
    if let Some(indicator) = report.whole() {
        let due =
            if indicator.due_text.trim().is_empty() { l.no_target } else { indicator.due_text.as_str() };
        writeln!(out, "{}: {}", l.target, escape(due))?;
        if let Some(pic) = pic(report) {
            writeln!(out, "{}: {}", l.pic, escape(pic))?;
        }
        writeln!(out, "\n{}:", l.actions)?;
        for action in &indicator.actions {
            writeln!(out, "  - {}", escape(action))?;
        }
        writeln!(out, "\n{}:", l.evidence)?;
        for item in &indicator.evidence {
            let rule =
                if indicator.evidence.len() == 1 { "*".to_string() } else { item.patterns.join(" | ") };
            writeln!(out, "  - {}  [{}]", escape(&item.name), escape(&rule))?;
        }
    }
    writeln!(out)?;
    let mut rows = Vec::new();
    for period in &report.periods {
        let when = period_text(period.period, lang);
        let state = state_label(period.state, lang);
        documents_rows(
            &mut rows,
            &when,
            state,
            &period.documents,
            &period.unmatched,
            &report.in_lfs_files,
            lang,
        );
    }
    for occurrence in &report.occurrences {
        let state = if occurrence.complete { l.complete } else { l.missing };
        documents_rows(
            &mut rows,
            &occurrence.folder,
            state,
            &occurrence.documents,
            &occurrence.unmatched,
            &report.in_lfs_files,
            lang,
        );
    }
    if !rows.is_empty() {
        let headers = [l.period, l.state, l.document, l.files];
        let fits = [Fit::Tight, Fit::Tight, Fit::Fill { readable: 16 }, Fit::Path];
        let layout = Layout::new(&headers, &fits, &rows, ctx.width);
        write!(out, "{}", layout.render(&rows, 2, ctx.color))?;
    }
    if !report.loose.is_empty() && report.periods.len() != 1 {
        let loose: Vec<String> =
            report.loose.iter().map(|f| file_text(f, &report.in_lfs_files, lang)).collect();
        writeln!(out, "{}: {}", l.loose_files, escape(&loose.join(", ")))?;
    }
    if !report.ignored.is_empty() {
        writeln!(
            out,
            "{} ({}): {}",
            l.ignored_files,
            report.ignored.len(),
            escape(&report.ignored.join(", "))
        )?;
    }
    show_problems(&view.problems, &view.excerpts, lang, out)
}

fn show_problems(found: &[&Problem], excerpts: &Excerpts, lang: Lang, out: &mut dyn Write) -> Result<()> {
    for p in found {
        write!(out, "\n{}", problems::problem(p, excerpts.line(p), lang))?;
    }
    Ok(())
}

/// A period's documents, one row each with the files that satisfy it, one
/// per line, whole names for the layout to shorten in the middle; files in
/// `in_lfs` are marked so.
fn documents_rows<'a>(
    rows: &mut Vec<Vec<Cell<'a>>>,
    when: &str,
    state: &'a str,
    documents: &'a [crate::judge::evaluate::Document],
    unmatched: &[String],
    in_lfs: &[String],
    lang: Lang,
) {
    let l = lang.labels();
    for (i, document) in documents.iter().enumerate() {
        let files: Vec<String> = if document.files.is_empty() {
            vec![format!("✗ {}", l.missing)]
        } else {
            document
                .files
                .iter()
                .enumerate()
                .map(|(j, f)| format!("{} {}", if j == 0 { "✓" } else { " " }, file_text(f, in_lfs, lang)))
                .collect()
        };
        let (when, state) = if i == 0 { (when, state) } else { ("", "") };
        rows.push(vec![
            Cell::owned(when.to_string()),
            Cell::new(state),
            Cell::new(document_name(&document.name, lang)),
            Cell::lines(files),
        ]);
    }
    if !unmatched.is_empty() {
        let unmatched: Vec<String> = unmatched.iter().map(|f| file_text(f, in_lfs, lang)).collect();
        rows.push(vec![Cell::default(), Cell::default(), Cell::new(l.unmatched), Cell::lines(unmatched)]);
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
            let indicator = shorten(&escape(row.indicator), 60);
            writeln!(out, "  {:id_width$}  {}  {indicator}", row.id, escape(&row.change))?;
        }
    }
    Ok(())
}
