//! Tables laid out for a width: one layout for every row of a table, so
//! columns line up from the first area to the last; text wrapped at word
//! boundaries; file names shortened in the middle, never split; and, below
//! `NARROW` columns, a list instead of a table. Every cell is escaped
//! (`render::escape`) before it is measured, so nothing raw reaches the
//! terminal and widths are those of what is shown.

use std::borrow::Cow;
use std::io::{self, Write};

use anstyle::Style as Ansi;

use crate::render::columns::{columns, padded, printable_ascii, spaces};
use crate::render::escape::escape;
use crate::render::wrap::Wrapped;
pub(crate) use crate::render::wrap::{shorten_middle, wrap};

/// Below this many columns a table reads badly: rows become lists.
pub(crate) const NARROW: usize = 80;

/// How a column takes its share of the width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Fit {
    /// Short values (ids, statuses, months, fractions): on one line when the width allows.
    Tight,
    /// Text wrapped at words, given up to `cap` columns before `Fill` takes the rest.
    Wrap { cap: usize },
    /// The column that takes what is left (an indicator's text), after
    /// `readable` columns it gets before short values grow.
    Fill { readable: usize },
    /// File names: never wrapped, shortened in the middle (`laporan…final.pdf`).
    Path,
}

/// One cell: its lines, escaped, and the style they are painted in. A
/// cell borrows what needs no escaping, so a row costs few allocations.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cell<'t> {
    first: Cow<'t, str>,
    more: Vec<Cow<'t, str>>,
    style: Option<Ansi>,
}

impl<'t> Cell<'t> {
    pub(crate) fn new(text: &'t str) -> Cell<'t> {
        Cell { first: escape(text), more: Vec::new(), style: None }
    }

    /// A cell of a text made for it.
    pub(crate) fn owned(text: String) -> Cell<'t> {
        Cell { first: escaped(text), more: Vec::new(), style: None }
    }

    /// A cell of several lines (a document's files, one per line).
    pub(crate) fn lines(lines: impl IntoIterator<Item = String>) -> Cell<'t> {
        let mut lines = lines.into_iter().map(escaped);
        let first = lines.next().unwrap_or_default();
        Cell { first, more: lines.collect(), style: None }
    }

    pub(crate) fn styled(mut self, style: Ansi) -> Cell<'t> {
        self.style = Some(style);
        self
    }

    fn line(&self, at: usize) -> Option<&str> {
        match at {
            0 => Some(&self.first),
            _ => self.more.get(at - 1).map(|l| &**l),
        }
    }

    fn each_line(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.first).chain(self.more.iter().map(|l| &**l))
    }

    fn is_empty(&self) -> bool {
        self.each_line().all(str::is_empty)
    }

    fn joined(&self) -> String {
        self.each_line().collect::<Vec<_>>().join(", ")
    }
}

/// `text` escaped, kept as it is when nothing needs escaping.
fn escaped<'t>(text: String) -> Cow<'t, str> {
    match escape(&text) {
        Cow::Borrowed(_) => Cow::Owned(text),
        Cow::Owned(escaped) => Cow::Owned(escaped),
    }
}

/// What a layout needs of a table's rows, taken one row at a time: the
/// widest line and the longest word of each column, and the widest keys of
/// a list (the cells before each column, as a list entry writes them).
pub(crate) struct Measure {
    fits: Vec<Fit>,
    content: Vec<usize>,
    word: Vec<usize>,
    keys: Vec<usize>,
}

impl Measure {
    pub(crate) fn new(fits: &[Fit]) -> Measure {
        let n = fits.len();
        Measure { fits: fits.to_vec(), content: vec![0; n], word: vec![0; n], keys: vec![0; n + 1] }
    }

    /// Takes in what `other` measured (of the same columns), as if its rows
    /// had been measured here too.
    pub(crate) fn take_in(&mut self, other: &Measure) {
        for (mine, theirs) in [
            (&mut self.content, &other.content),
            (&mut self.word, &other.word),
            (&mut self.keys, &other.keys),
        ] {
            mine.iter_mut().zip(theirs).for_each(|(m, t)| *m = (*m).max(*t));
        }
    }

    pub(crate) fn row(&mut self, cells: &[Cell]) {
        let mut key = 0;
        for (i, widest_key) in self.keys.iter_mut().enumerate() {
            *widest_key = (*widest_key).max(key);
            let Some(cell) = cells.get(i).filter(|_| i < self.fits.len()) else { continue };
            let mut joined = 2 * cell.more.len();
            // A layout asks no more of a wrapped column's longest word than
            // `SOFT_MIN`, nor of a path's: once it is known, only columns are.
            let word_wanted = match self.fits[i] {
                Fit::Tight => true,
                Fit::Wrap { .. } | Fit::Fill { .. } => self.word[i] < SOFT_MIN,
                Fit::Path => false,
            };
            for line in cell.each_line() {
                let line_columns = if word_wanted {
                    let (line_columns, word) = measured(line);
                    self.word[i] = self.word[i].max(word);
                    line_columns
                } else {
                    columns(line)
                };
                joined += line_columns;
                self.content[i] = self.content[i].max(line_columns);
            }
            key += joined + 2;
        }
    }
}

/// The columns of `text` and of its longest word, in one pass when it is
/// printable ASCII.
fn measured(text: &str) -> (usize, usize) {
    if !printable_ascii(text) {
        return (columns(text), longest_word(text));
    }
    let (mut longest, mut run) = (0, 0);
    for b in text.bytes() {
        run = if b == b' ' { 0 } else { run + 1 };
        longest = longest.max(run);
    }
    (text.len(), longest)
}

/// A table's columns and the widths they were given.
pub(crate) struct Layout {
    headers: Vec<String>,
    fits: Vec<Fit>,
    widths: Vec<usize>,
    /// The whole width: lists wrap to it.
    width: usize,
    /// The widest key of a list entry whose text is each column.
    keys: Vec<usize>,
    /// A table line with every cell empty, and where each column's part
    /// of it ends (after its separator, spaces and padding).
    blank: (Vec<u8>, Vec<usize>),
}

/// The line of a table whose columns are `widths` wide with every cell
/// empty, and where each column's part of it ends.
fn blank_line(widths: &[usize]) -> (Vec<u8>, Vec<usize>) {
    let mut line = "│".as_bytes().to_vec();
    let mut ends = Vec::with_capacity(widths.len());
    for (i, w) in widths.iter().enumerate() {
        if i > 0 {
            line.extend_from_slice("┆".as_bytes());
        }
        line.resize(line.len() + w + 2, b' ');
        ends.push(line.len());
    }
    line.extend_from_slice("│\n".as_bytes());
    (line, ends)
}

/// Narrower than this, wrapped text is hard to read; longer words are split.
const SOFT_MIN: usize = 12;
/// The width the `Fill` column gets before headers are written whole, and
/// the width a file name gets before short values grow.
const FILL_COMFORTABLE: usize = 40;
const PATH_READABLE: usize = 24;

/// The narrowest width that writes `header` on at most two lines.
fn two_lines(header: &str) -> usize {
    let longest = longest_word(header);
    (longest..columns(header)).find(|w| Wrapped::new(header, *w).nth(2).is_none()).unwrap_or(columns(header))
}

impl Layout {
    /// Widths for `rows` under `headers` within `width` columns.
    pub(crate) fn new<'t, R: AsRef<[Cell<'t>]>>(
        headers: &[&str],
        fits: &[Fit],
        rows: impl IntoIterator<Item = R>,
        width: usize,
    ) -> Layout {
        let mut measure = Measure::new(fits);
        for row in rows {
            measure.row(row.as_ref());
        }
        Layout::measured(headers, &measure, width)
    }

    /// Widths for the rows `measure` took, under `headers`, within `width`
    /// columns: the rows may be made on the fly and dropped, so a table of
    /// 100,000 rows is never held whole to be laid out.
    pub(crate) fn measured(headers: &[&str], measure: &Measure, width: usize) -> Layout {
        let Measure { fits, content, word, keys } = measure;
        let n = headers.len();
        let header_words: Vec<usize> = headers.iter().map(|h| longest_word(h)).collect();
        let mut widths: Vec<usize> = (0..n)
            .map(|i| {
                let cell_min = match fits[i] {
                    Fit::Tight => word[i],
                    Fit::Wrap { .. } | Fit::Fill { .. } => word[i].min(SOFT_MIN),
                    Fit::Path => content[i].min(SOFT_MIN),
                };
                cell_min.max(header_words[i]).max(1)
            })
            .collect();
        let mut spare = width.saturating_sub(3 * n + 1).saturating_sub(widths.iter().sum());
        let mut grow = |widths: &mut Vec<usize>, wants: &dyn Fn(usize) -> Option<usize>| {
            for (i, w) in widths.iter_mut().enumerate() {
                if let Some(target) = wants(i) {
                    let more = target.saturating_sub(*w).min(spare);
                    *w += more;
                    spare -= more;
                }
            }
        };
        // Who gets the spare columns first: the text enough to be read, short
        // values whole, headers on two lines at most, the text comfortably,
        // headers whole, then the text all it wants, then the rest.
        let fill = |upto: Option<usize>| {
            move |i: usize| match fits[i] {
                Fit::Fill { readable } => Some(content[i].min(upto.unwrap_or(readable))),
                _ => None,
            }
        };
        let tight = |i: usize| fits[i] == Fit::Tight;
        grow(&mut widths, &fill(None));
        grow(&mut widths, &|i| (fits[i] == Fit::Path).then_some(content[i].min(PATH_READABLE)));
        grow(&mut widths, &|i| tight(i).then_some(content[i]));
        grow(&mut widths, &|i| match fits[i] {
            Fit::Wrap { cap } => Some(content[i].min(cap)),
            Fit::Path => Some(content[i].min(40)),
            _ => None,
        });
        grow(&mut widths, &|i| tight(i).then(|| two_lines(headers[i])));
        grow(&mut widths, &fill(Some(FILL_COMFORTABLE)));
        grow(&mut widths, &|i| tight(i).then(|| columns(headers[i])));
        grow(&mut widths, &fill(Some(usize::MAX)));
        grow(&mut widths, &|i| Some(content[i]));
        grow(&mut widths, &|i| Some(columns(headers[i])));
        Layout {
            headers: headers.iter().map(|h| escape(h).into_owned()).collect(),
            fits: fits.clone(),
            blank: blank_line(&widths),
            widths,
            width,
            keys: keys.clone(),
        }
    }

    /// The widths of a list entry's keys taken from the rows `measure`
    /// took rather than from the whole table's: each group of a list (an
    /// area of `zi status`) indents its entries for its own widest ID.
    pub(crate) fn keys_from(&mut self, measure: &Measure) {
        self.keys.clone_from(&measure.keys);
    }

    /// Whether rows are shown as a list: the terminal is narrow.
    pub(crate) fn is_list(&self) -> bool {
        self.width < NARROW
    }

    /// The table of `rows` (or, when narrow, the list with the `main` column
    /// as each entry's text).
    pub(crate) fn render(&self, rows: &[Vec<Cell>], main: usize, color: bool) -> String {
        let mut out = Vec::new();
        let written = (|| {
            self.begin(&mut out)?;
            for row in rows {
                self.row(&mut out, row, main, color)?;
            }
            self.end(&mut out)
        })();
        written.expect("writing to memory does not fail");
        String::from_utf8(out).expect("every cell is text")
    }

    /// A table's top: its border and headers (nothing for a list).
    pub(crate) fn begin(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.is_list() {
            return Ok(());
        }
        self.border(out, '┌', '─', '┬', '┐')?;
        let headers: Vec<Cell> = self.headers.iter().map(|h| Cell::new(h)).collect();
        self.table_row(out, &headers, false)?;
        self.border(out, '╞', '═', '╪', '╡')
    }

    /// One row, written as it is laid out.
    pub(crate) fn row(
        &self,
        out: &mut dyn Write,
        cells: &[Cell],
        main: usize,
        color: bool,
    ) -> io::Result<()> {
        if self.is_list() {
            self.entry(out, cells, main, color)
        } else {
            self.table_row(out, cells, color)
        }
    }

    /// A table's bottom border (nothing for a list).
    pub(crate) fn end(&self, out: &mut dyn Write) -> io::Result<()> {
        if self.is_list() {
            return Ok(());
        }
        self.border(out, '└', '─', '┴', '┘')
    }

    fn border(&self, out: &mut dyn Write, left: char, fill: char, join: char, right: char) -> io::Result<()> {
        let mut line = String::new();
        line.push(left);
        for (i, w) in self.widths.iter().enumerate() {
            if i > 0 {
                line.push(join);
            }
            line.extend(std::iter::repeat_n(fill, w + 2));
        }
        line.push(right);
        line.push('\n');
        out.write_all(line.as_bytes())
    }

    /// The lines of a row, each cell's lines side by side, made in memory
    /// and written at once. Each cell's lines are laid out first (borrowed
    /// from the cell when they are its text), so the row's height is known
    /// and each line is written without asking every cell again.
    fn table_row(&self, out: &mut dyn Write, cells: &[Cell], color: bool) -> io::Result<()> {
        let mut lines: Vec<(Cow<str>, usize)> = Vec::with_capacity(2 * self.widths.len());
        // Where each column's lines end in `lines`.
        let mut ends: Vec<usize> = Vec::with_capacity(self.widths.len());
        for (i, w) in self.widths.iter().enumerate() {
            lines.extend(CellLines::new(cells.get(i), self.fits[i], *w));
            ends.push(lines.len());
        }
        let mut height = 1;
        let mut start = 0;
        for &end in &ends {
            height = height.max(end - start);
            start = end;
        }
        let (blank, blank_ends) = (&self.blank.0, &self.blank.1);
        let mut text: Vec<u8> = Vec::with_capacity(height * (blank.len() + 16));
        for at in 0..height {
            // Empty cells are copied from the blank line, a run at a time.
            let mut copied = 0;
            let mut start = 0;
            for (i, (w, &end)) in self.widths.iter().zip(&ends).enumerate() {
                let line = lines[start..end].get(at);
                start = end;
                let Some((cell_text, cell_columns)) = line.filter(|(t, _)| !t.is_empty()) else { continue };
                let segment = if i == 0 { "│".len() } else { blank_ends[i - 1] };
                text.extend_from_slice(&blank[copied..segment]);
                if i > 0 {
                    text.extend_from_slice("┆".as_bytes());
                }
                text.push(b' ');
                match cells.get(i).and_then(|c| c.style).filter(|_| color) {
                    Some(style) => write!(text, "{style}{cell_text}{style:#}")?,
                    None => text.extend_from_slice(cell_text.as_bytes()),
                }
                text.resize(text.len() + w - (*cell_columns).min(*w) + 1, b' ');
                copied = blank_ends[i];
            }
            text.extend_from_slice(&blank[copied..]);
        }
        out.write_all(&text)
    }

    /// A row as a list entry: the cells before `main`, then `main`'s text
    /// wrapped beside them; then the cells after it, each with its header.
    fn entry(&self, out: &mut dyn Write, row: &[Cell], main: usize, color: bool) -> io::Result<()> {
        let key_width = self.keys[main.min(self.keys.len() - 1)].min(self.width / 3);
        let text_width = self.width.saturating_sub(key_width).max(SOFT_MIN);
        let key: Vec<String> =
            row[..main.min(row.len())].iter().filter(|c| !c.is_empty()).map(Cell::joined).collect();
        let key = key.join("  ");
        let text = row.get(main).map(Cell::joined).unwrap_or_default();
        let lead = !key.is_empty() && columns(&key) + 2 > key_width;
        if lead {
            out.write_all(key.as_bytes())?;
            out.write_all(b"\n")?;
        }
        let style = row.get(main).and_then(|c| c.style).filter(|_| color);
        for (i, (line, _)) in Wrapped::new(&text, text_width).enumerate() {
            if i == 0 && !lead {
                padded(out, &key, columns(&key), key_width)?;
            } else {
                spaces(out, key_width)?;
            }
            painted(out, &line, style)?;
            out.write_all(b"\n")?;
        }
        let details: Vec<String> = row
            .iter()
            .enumerate()
            .skip(main + 1)
            .filter(|(_, c)| !c.is_empty())
            .map(|(i, c)| format!("{}: {}", self.headers[i], c.joined()))
            .collect();
        for (line, _) in Wrapped::new(&details.join(" · "), text_width) {
            spaces(out, key_width)?;
            out.write_all(line.as_bytes())?;
            out.write_all(b"\n")?;
        }
        Ok(())
    }
}

/// The lines a cell takes in its column: each of its lines wrapped, or for
/// file names shortened.
struct CellLines<'c> {
    cell: Option<&'c Cell<'c>>,
    at: usize,
    wrapped: Option<Wrapped<'c>>,
    fit: Fit,
    width: usize,
}

impl<'c> CellLines<'c> {
    fn new(cell: Option<&'c Cell<'c>>, fit: Fit, width: usize) -> CellLines<'c> {
        CellLines { cell, at: 0, wrapped: None, fit, width }
    }
}

impl<'c> Iterator for CellLines<'c> {
    type Item = (Cow<'c, str>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(line) = self.wrapped.as_mut().and_then(Iterator::next) {
                return Some(line);
            }
            let Some(line) = self.cell.and_then(|c| c.line(self.at)) else {
                // Done: later lines of the row ask again, and cost nothing.
                self.cell = None;
                self.wrapped = None;
                return None;
            };
            self.at += 1;
            if self.fit == Fit::Path {
                let line = shorten_middle(line, self.width);
                let line_columns = columns(&line);
                return Some((line, line_columns));
            }
            self.wrapped = Some(Wrapped::new(line, self.width));
        }
    }
}

fn painted(out: &mut dyn Write, text: &str, style: Option<Ansi>) -> io::Result<()> {
    match style {
        Some(style) => write!(out, "{style}{text}{style:#}"),
        None => out.write_all(text.as_bytes()),
    }
}

/// The columns of the longest word of `text`.
fn longest_word(text: &str) -> usize {
    if printable_ascii(text) {
        return text.split(' ').map(str::len).max().unwrap_or(0);
    }
    text.split(' ').map(columns).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells<'t>(texts: &[&'t str]) -> Vec<Cell<'t>> {
        texts.iter().map(|t| Cell::new(t)).collect()
    }

    #[test]
    fn one_layout_for_all_rows_and_the_fill_column_takes_the_rest() {
        let rows =
            [cells(&["I.1", "Tim Kerja", "0/3"]), cells(&["III.3.4", "Pegawai di unit kerja", "0/12"])];
        let layout = Layout::new(
            &["ID", "Indikator", "Setahun"],
            &[Fit::Tight, Fit::Fill { readable: 20 }, Fit::Tight],
            rows.iter().map(|r| &r[..]),
            100,
        );
        assert_eq!(layout.widths, [7, 21, 7]);
        assert_eq!(
            layout.render(&rows, 1, false),
            "┌─────────┬───────────────────────┬─────────┐\n\
             │ ID      ┆ Indikator             ┆ Setahun │\n\
             ╞═════════╪═══════════════════════╪═════════╡\n\
             │ I.1     ┆ Tim Kerja             ┆ 0/3     │\n\
             │ III.3.4 ┆ Pegawai di unit kerja ┆ 0/12    │\n\
             └─────────┴───────────────────────┴─────────┘\n"
        );
        let text = "Pegawai di unit kerja ".repeat(5);
        let long = [cells(&["III.3.4", &text, "0/12"])];
        let narrow = Layout::new(
            &["ID", "Indikator", "Setahun"],
            &[Fit::Tight, Fit::Fill { readable: 20 }, Fit::Tight],
            rows.iter().chain(&long).map(|r| &r[..]),
            80,
        );
        assert_eq!(narrow.widths, [7, 56, 7], "the text takes the rest of 80 columns and wraps");
    }

    #[test]
    fn a_narrow_terminal_gets_a_list() {
        let rows = [cells(&["I.1.1", "SK Tim Kerja ZI telah dibuat sesuai prosedur", "terlambat", "0/1"])];
        let headers = ["ID", "Indikator", "Status", "Setahun"];
        let fits = [Fit::Tight, Fit::Fill { readable: 20 }, Fit::Tight, Fit::Tight];
        let layout = Layout::new(&headers, &fits, rows.iter().map(|r| &r[..]), 40);
        assert_eq!(
            layout.render(&rows, 1, false),
            "I.1.1  SK Tim Kerja ZI telah dibuat\n       sesuai prosedur\n       Status: terlambat · Setahun: 0/1\n"
        );
    }

    #[test]
    fn control_characters_in_cells_are_escaped_before_they_are_measured() {
        let rows = [cells(&["lap\u{1b}[31mMERAH.pdf\nx"])];
        let layout = Layout::new(&["Berkas"], &[Fit::Path], rows.iter().map(|r| &r[..]), 100);
        assert_eq!(layout.render(&rows, 0, false).lines().nth(3), Some("│ lap\\x1b[31mMERAH.pdf\\nx │"));
    }
}
