//! `zi overdue` on a terminal: one line per entry, written as it is made
//! into a buffered writer. The columns before the indicator's text are as
//! wide as their widest value, found in one pass over the entries; the
//! month and lateness texts are made once per value, and no cell becomes a
//! `String` of its own when it can be written as it is.

use std::borrow::Cow;
use std::io::{BufWriter, Write};

use anyhow::Result;
use rustc_hash::FxHashMap;

use crate::judge::evaluate::{Evaluation, IndicatorReport, Status};
use crate::judge::overdue::{Entry, Lateness};
use crate::model::month::YearMonth;
use crate::render::columns::{columns, padded, printable_ascii, spaces};
use crate::render::escape::escape;
use crate::render::grid::{shorten_middle, wrap};
use crate::render::renderer::Style;
use crate::render::words::{
    document_name, entry_missing, entry_when, overdue_summary, pic, shortened, shortened_cut, StatusLabel,
};
use crate::text::Lang;

/// The indicator's text in an overdue line takes at least this many
/// columns, and at most this many, whatever the width.
const MIN_TEXT: usize = 24;
const MAX_TEXT: usize = 60;
/// A person in charge longer than this is shortened in overdue lines.
const PIC_WIDTH: usize = 24;

/// One line per entry: ID, month, how late (or how soon), the person in
/// charge (a column, when any indicator has one), the indicator's text
/// shortened to what the width leaves, and the missing documents, which
/// continue on indented lines when they do not fit.
pub(crate) fn overdue(eval: &Evaluation, entries: &[Entry], ctx: Style, out: &mut dyn Write) -> Result<()> {
    let mut out = BufWriter::with_capacity(1 << 16, out);
    let mut words = Words::new(ctx.lang);
    let mut widths = Widths::default();
    // An indicator's entries follow each other: its ID and person in
    // charge are measured once.
    let indicators = || entries.chunk_by(|a, b| std::ptr::eq(a.report, b.report));
    // Each indicator's person in charge as its lines show it, made once.
    let mut pics = Vec::new();
    for entries in indicators() {
        let report = entries[0].report;
        widths.id = widths.id.max(columns(&report.file.id));
        let shown = pic_text(report);
        if pic(report).is_some() {
            widths.pic = widths.pic.max(columns(&shown));
        }
        pics.push(shown);
        for entry in entries {
            if let Some(period) = entry.period {
                widths.month = widths.month.max(words.month(period.period.last).1);
            }
            widths.when = widths.when.max(words.when(entry).1);
        }
    }
    // The "missing: …" tail of a line, and an entry's lines, each made in
    // one buffer for every entry: the lines are written at once.
    let mut tail = String::new();
    let mut lines: Vec<u8> = Vec::with_capacity(1024);
    for (entries, pic) in indicators().zip(&pics) {
        let report = entries[0].report;
        let pic = if widths.pic > 0 { pic } else { "" };
        let text = Text::new(report.text());
        for entry in entries {
            lines.clear();
            match entry.lateness {
                Lateness::Invalid => invalid_line(&mut lines, entry, &widths, ctx)?,
                _ if entry.period.is_some() => {
                    let line = Line { entry, pic, text: &text };
                    period_line(&mut lines, &line, &widths, &mut words, &mut tail, ctx)?;
                }
                _ => {}
            }
            out.write_all(&lines)?;
        }
    }
    // One line, which the hook keeps whole when it shortens the list.
    writeln!(out, "{}", overdue_summary(eval, entries, ctx.lang))?;
    out.flush()?;
    Ok(())
}

/// The widths of the columns before the indicator's text.
#[derive(Default)]
struct Widths {
    id: usize,
    month: usize,
    when: usize,
    /// 0 when no entry names a person in charge: then there is no column.
    pic: usize,
}

impl Widths {
    /// The columns of a line before the indicator's text.
    fn head(&self) -> usize {
        let pic = if self.pic > 0 { 2 + self.pic } else { 0 };
        self.id + 2 + self.month + 2 + self.when + pic
    }

    /// Where continued lines start.
    fn indent(&self) -> usize {
        self.id + 2
    }
}

/// The months and latenesses of a list, each made once with its width.
struct Words {
    lang: Lang,
    months: FxHashMap<YearMonth, (String, usize)>,
    whens: FxHashMap<(u8, i64), (String, usize)>,
}

impl Words {
    fn new(lang: Lang) -> Words {
        Words { lang, months: FxHashMap::default(), whens: FxHashMap::default() }
    }

    fn month(&mut self, month: YearMonth) -> (&str, usize) {
        let lang = self.lang;
        let (text, width) = self.months.entry(month).or_insert_with(|| {
            let text = lang.month(month);
            let width = columns(&text);
            (text, width)
        });
        (text, *width)
    }

    fn when(&mut self, entry: &Entry) -> (&str, usize) {
        let lang = self.lang;
        let (text, width) = self.whens.entry((entry.lateness as u8, entry.days)).or_insert_with(|| {
            let text = entry_when(entry, lang);
            let width = columns(&text);
            (text, width)
        });
        (text, *width)
    }
}

/// The person in charge as the list shows it: escaped, shortened.
fn pic_text(report: &IndicatorReport) -> Cow<'_, str> {
    escaped_within(pic(report).unwrap_or(""), PIC_WIDTH)
}

/// `text` escaped and shortened to `max` characters, borrowed when neither
/// changes it.
fn escaped_within(text: &str, max: usize) -> Cow<'_, str> {
    match escape(text) {
        Cow::Borrowed(text) => shortened(text, max),
        Cow::Owned(text) => Cow::Owned(shortened(&text, max).into_owned()),
    }
}

/// An indicator's text, escaped once for all its entries, with its
/// columns.
struct Text<'a> {
    text: Cow<'a, str>,
    ascii: bool,
    columns: usize,
    /// The last shortening asked, `(max, kept bytes, "…", columns)`: an
    /// indicator's lines mostly ask the same.
    last: std::cell::Cell<Option<(usize, usize, bool, usize)>>,
}

impl<'a> Text<'a> {
    fn new(text: &'a str) -> Text<'a> {
        let text = escape(text);
        let ascii = printable_ascii(&text);
        let columns = if ascii { text.len() } else { columns(&text) };
        Text { text, ascii, columns, last: std::cell::Cell::new(None) }
    }

    /// The text shortened to `max` characters, as `shortened` does: what
    /// is kept, whether "…" follows it, and the columns of both.
    fn within(&self, max: usize) -> (&str, bool, usize) {
        if let Some((last_max, kept, more, columns)) = self.last.get() {
            if last_max == max {
                return (&self.text[..kept], more, columns);
            }
        }
        let (cut, more) = shortened_cut(&self.text, max);
        let columns = match (more, self.ascii) {
            (false, _) => self.columns,
            (true, true) => cut.len() + 1,
            (true, false) => columns(&shortened(&self.text, max)),
        };
        self.last.set(Some((max, cut.len(), more, columns)));
        (cut, more, columns)
    }
}

/// What a period's line is made of, besides the layout.
struct Line<'e, 'a> {
    entry: &'e Entry<'a>,
    pic: &'e str,
    text: &'e Text<'a>,
}

/// An overdue (or soon due) period: the columns, the indicator's text in
/// what the width leaves, then the missing documents on the same line when
/// they fit, else on the next ones. `tail` is the buffer the "missing: …"
/// text is made in.
fn period_line(
    out: &mut Vec<u8>,
    line: &Line,
    widths: &Widths,
    words: &mut Words,
    tail: &mut String,
    ctx: Style,
) -> Result<()> {
    let entry = line.entry;
    let label = ctx.lang.labels().missing;
    tail.clear();
    tail.push_str(label);
    tail.push_str(": ");
    let start = tail.len();
    if let Some(period) = entry.period {
        for (n, name) in period.missing.iter().enumerate() {
            if n > 0 {
                tail.push_str(", ");
            }
            tail.push_str(document_name(name, ctx.lang));
        }
    }
    // The names escaped at once, in the rare line that needs it.
    if let Cow::Owned(escaped) = escape(&tail[start..]) {
        tail.truncate(start);
        tail.push_str(&escaped);
    }
    let tail_width = columns(tail);
    let head = widths.head();
    // On one line when the text can keep MIN_TEXT columns; else the text
    // takes the line and the missing documents the next ones.
    let room = ctx.width.saturating_sub(head + 2 + tail_width + 2);
    let text_width = if room >= MIN_TEXT {
        room.min(MAX_TEXT)
    } else {
        ctx.width.saturating_sub(head + 2).clamp(MIN_TEXT, MAX_TEXT)
    };
    let (text, more, text_columns) = line.text.within(text_width);
    let id = &entry.report.file.id;
    padded(out, id, columns(id), widths.id)?;
    out.write_all(b"  ")?;
    let period = entry.period.map(|p| p.period.last);
    let (month, month_width) = period.map_or(("", 0), |m| words.month(m));
    padded(out, month, month_width, widths.month)?;
    out.write_all(b"  ")?;
    let (when, when_width) = words.when(entry);
    padded(out, when, when_width, widths.when)?;
    if widths.pic > 0 {
        out.write_all(b"  ")?;
        padded(out, line.pic, columns(line.pic), widths.pic)?;
    }
    out.write_all(b"  ")?;
    out.write_all(text.as_bytes())?;
    if more {
        out.write_all("…".as_bytes())?;
    }
    if head + 2 + text_columns + 2 + tail_width <= ctx.width {
        out.write_all(b"  ")?;
        out.write_all(tail.as_bytes())?;
        out.write_all(b"\n")?;
        return Ok(());
    }
    out.write_all(b"\n")?;
    continued(out, tail, tail_width, widths, ctx)
}

/// An indicator whose file cannot be judged: its path in what the width
/// leaves, then why.
fn invalid_line(out: &mut Vec<u8>, entry: &Entry, widths: &Widths, ctx: Style) -> Result<()> {
    let label = Status::Invalid.label(ctx.lang);
    let missing = entry_missing(entry, ctx.lang, ", ");
    let missing = escape(&missing);
    let room = ctx.width.saturating_sub(widths.id + columns(label) + 4);
    let path = escape(&entry.report.file.path);
    let path = shorten_middle(&path, room);
    let id = &entry.report.file.id;
    padded(out, id, columns(id), widths.id)?;
    write!(out, "  {label}  {path}")?;
    if widths.id + 2 + columns(label) + 2 + columns(&path) + 2 + columns(&missing) <= ctx.width {
        writeln!(out, "  {missing}")?;
        return Ok(());
    }
    out.write_all(b"\n")?;
    continued(out, &missing, columns(&missing), widths, ctx)
}

/// `tail` on indented lines below its entry, wrapped at words.
/// `tail` takes `tail_columns`.
fn continued(out: &mut Vec<u8>, tail: &str, tail_columns: usize, widths: &Widths, ctx: Style) -> Result<()> {
    let indent = widths.indent();
    let width = ctx.width.saturating_sub(indent).max(MIN_TEXT);
    // What `wrap` would give back as it is: one line, single spaces.
    let whole = tail_columns <= width
        && !tail.is_empty()
        && !tail.starts_with(' ')
        && !tail.ends_with(' ')
        && !tail.contains("  ");
    if whole {
        spaces(out, indent)?;
        out.write_all(tail.as_bytes())?;
        out.write_all(b"\n")?;
        return Ok(());
    }
    for part in wrap(tail, width) {
        spaces(out, indent)?;
        out.write_all(part.as_bytes())?;
        out.write_all(b"\n")?;
    }
    Ok(())
}
