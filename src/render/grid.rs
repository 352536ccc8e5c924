//! Tables laid out for a width: one layout for every row of a table, so
//! columns line up from the first area to the last; text wrapped at word
//! boundaries; file names shortened in the middle, never split; and, below
//! `NARROW` columns, a list instead of a table. Every cell is escaped
//! (`render::escape`) before it is measured, so nothing raw reaches the
//! terminal and widths are those of what is shown.

use anstyle::Style as Ansi;
use unicode_width::UnicodeWidthChar;

use crate::render::columns::columns;
use crate::render::escape::escape;

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

/// One cell: its lines, escaped, and the style they are painted in.
#[derive(Clone, Debug, Default)]
pub(crate) struct Cell {
    lines: Vec<String>,
    style: Option<Ansi>,
}

impl Cell {
    pub(crate) fn new(text: &str) -> Cell {
        Cell { lines: vec![escape(text).into_owned()], style: None }
    }

    /// A cell of several lines (a document's files, one per line).
    pub(crate) fn lines<'t>(lines: impl IntoIterator<Item = &'t str>) -> Cell {
        Cell { lines: lines.into_iter().map(|l| escape(l).into_owned()).collect(), style: None }
    }

    pub(crate) fn styled(mut self, style: Ansi) -> Cell {
        self.style = Some(style);
        self
    }

    fn is_empty(&self) -> bool {
        self.lines.iter().all(String::is_empty)
    }
}

/// A table's columns and the widths they were given.
pub(crate) struct Layout {
    headers: Vec<String>,
    fits: Vec<Fit>,
    widths: Vec<usize>,
    /// The whole width: lists wrap to it.
    width: usize,
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
    (longest..columns(header)).find(|w| wrap(header, *w).len() <= 2).unwrap_or(columns(header))
}

impl Layout {
    /// Widths for `rows` under `headers` within `width` columns. The rows
    /// are only measured: they may be made on the fly and dropped, so a
    /// table of 100,000 rows need not be held whole to be laid out.
    pub(crate) fn new<R: AsRef<[Cell]>>(
        headers: &[&str],
        fits: &[Fit],
        rows: impl IntoIterator<Item = R>,
        width: usize,
    ) -> Layout {
        let n = headers.len();
        let mut content = vec![0; n];
        let mut word = vec![0; n];
        for row in rows {
            for (i, cell) in row.as_ref().iter().enumerate().take(n) {
                for line in &cell.lines {
                    content[i] = content[i].max(columns(line));
                    if fits[i] != Fit::Path {
                        word[i] = word[i].max(longest_word(line));
                    }
                }
            }
        }
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
        let content = &content;
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
            fits: fits.to_vec(),
            widths,
            width,
        }
    }

    /// Whether rows are shown as a list: the terminal is narrow.
    pub(crate) fn is_list(&self) -> bool {
        self.width < NARROW
    }

    /// The table of `rows` (or, when narrow, the list with the `main` column
    /// as each entry's text).
    pub(crate) fn render(&self, rows: &[Vec<Cell>], main: usize, color: bool) -> String {
        if self.is_list() {
            return self.list(rows, main, color);
        }
        let mut out = String::new();
        self.border(&mut out, '┌', '─', '┬', '┐');
        let headers: Vec<Cell> =
            self.headers.iter().map(|h| Cell { lines: vec![h.clone()], style: None }).collect();
        self.row(&mut out, &headers, false);
        self.border(&mut out, '╞', '═', '╪', '╡');
        for row in rows {
            self.row(&mut out, row, color);
        }
        self.border(&mut out, '└', '─', '┴', '┘');
        out
    }

    fn border(&self, out: &mut String, left: char, fill: char, join: char, right: char) {
        out.push(left);
        for (i, w) in self.widths.iter().enumerate() {
            if i > 0 {
                out.push(join);
            }
            out.extend(std::iter::repeat_n(fill, w + 2));
        }
        out.push(right);
        out.push('\n');
    }

    fn row(&self, out: &mut String, cells: &[Cell], color: bool) {
        let laid: Vec<Vec<String>> = self
            .widths
            .iter()
            .enumerate()
            .map(|(i, w)| cells.get(i).map_or_else(Vec::new, |cell| fit_lines(&cell.lines, self.fits[i], *w)))
            .collect();
        let height = laid.iter().map(Vec::len).max().unwrap_or(0).max(1);
        for line in 0..height {
            out.push('│');
            for (i, w) in self.widths.iter().enumerate() {
                if i > 0 {
                    out.push('┆');
                }
                let text = laid[i].get(line).map_or("", String::as_str);
                out.push(' ');
                let style = cells.get(i).and_then(|c| c.style).filter(|_| color && !text.is_empty());
                push_painted(out, text, style);
                out.extend(std::iter::repeat_n(' ', w - columns(text).min(*w) + 1));
            }
            out.push_str("│\n");
        }
    }

    /// Each row as an entry: the cells before `main`, then `main`'s text
    /// wrapped beside them; then the cells after it, each with its header.
    fn list(&self, rows: &[Vec<Cell>], main: usize, color: bool) -> String {
        let key_width = rows
            .iter()
            .map(|r| r[..main.min(r.len())].iter().map(|c| columns(&joined(c)) + 2).sum::<usize>())
            .max()
            .unwrap_or(0)
            .min(self.width / 3);
        let indent = " ".repeat(key_width);
        let text_width = self.width.saturating_sub(key_width).max(SOFT_MIN);
        let mut out = String::new();
        for row in rows {
            let key: Vec<String> =
                row[..main.min(row.len())].iter().filter(|c| !c.is_empty()).map(joined).collect();
            let key = key.join("  ");
            let text = row.get(main).map(joined).unwrap_or_default();
            let mut first = true;
            let lead = if columns(&key) + 2 > key_width { key.clone() } else { String::new() };
            if !lead.is_empty() {
                out.push_str(&lead);
                out.push('\n');
            }
            for line in wrap(&text, text_width) {
                if first && lead.is_empty() {
                    out.push_str(&key);
                    out.extend(std::iter::repeat_n(' ', key_width - columns(&key)));
                } else {
                    out.push_str(&indent);
                }
                first = false;
                let style = row.get(main).and_then(|c| c.style).filter(|_| color);
                push_painted(&mut out, &line, style);
                out.push('\n');
            }
            let details: Vec<(String, Option<Ansi>)> = row
                .iter()
                .enumerate()
                .skip(main + 1)
                .filter(|(_, c)| !c.is_empty())
                .map(|(i, c)| (format!("{}: {}", self.headers[i], joined(c)), c.style))
                .collect();
            let plain: Vec<&str> = details.iter().map(|(t, _)| t.as_str()).collect();
            for line in wrap(&plain.join(" · "), text_width) {
                out.push_str(&indent);
                out.push_str(&line);
                out.push('\n');
            }
        }
        out
    }
}

fn joined(cell: &Cell) -> String {
    cell.lines.join(", ")
}

fn push_painted(out: &mut String, text: &str, style: Option<Ansi>) {
    match style {
        Some(style) => {
            use std::fmt::Write as _;
            let _ = write!(out, "{style}{text}{style:#}");
        }
        None => out.push_str(text),
    }
}

fn longest_word(text: &str) -> usize {
    text.split(' ').map(columns).max().unwrap_or(0)
}

/// The lines of a cell within `width`: wrapped, or for file names shortened.
fn fit_lines(lines: &[String], fit: Fit, width: usize) -> Vec<String> {
    match fit {
        Fit::Path => lines.iter().map(|line| shorten_middle(line, width)).collect(),
        _ => lines.iter().flat_map(|line| wrap(line, width)).collect(),
    }
}

/// Breaks `text` at spaces into lines of at most `width` columns; a word
/// longer than that is split, as the only way to keep it in its cell.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    for word in text.split(' ').filter(|w| !w.is_empty()) {
        let mut word_width = columns(word);
        if used > 0 && used + 1 + word_width > width {
            lines.push(std::mem::take(&mut line));
            used = 0;
        }
        if used > 0 {
            line.push(' ');
            used += 1;
        }
        let mut rest = word;
        while word_width > width - used {
            let (head, tail) = split_at_width(rest, width - used);
            if head.is_empty() {
                lines.push(std::mem::take(&mut line));
                used = 0;
                continue;
            }
            line.push_str(head);
            lines.push(std::mem::take(&mut line));
            used = 0;
            rest = tail;
            word_width = columns(rest);
        }
        line.push_str(rest);
        used += word_width;
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The longest start of `text` within `width` columns, and the rest.
fn split_at_width(text: &str, width: usize) -> (&str, &str) {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        let w = c.width().unwrap_or(0);
        if used + w > width {
            return text.split_at(at);
        }
        used += w;
    }
    (text, "")
}

/// `text` within `width` columns, its middle replaced by `…`: the start and
/// the end of a file name (its date, its extension) stay readable.
pub(crate) fn shorten_middle(text: &str, width: usize) -> String {
    if columns(text) <= width {
        return text.to_string();
    }
    if width <= 1 {
        return "…".repeat(width);
    }
    let room = width - 1;
    let tail_room = room / 2;
    let head_room = room - tail_room;
    let (head, _) = split_at_width(text, head_room);
    let mut tail_start = text.len();
    let mut used = 0;
    for (at, c) in text.char_indices().rev() {
        let w = c.width().unwrap_or(0);
        if used + w > tail_room {
            break;
        }
        used += w;
        tail_start = at;
    }
    format!("{head}…{}", &text[tail_start..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(texts: &[&str]) -> Vec<Cell> {
        texts.iter().map(|t| Cell::new(t)).collect()
    }

    #[test]
    fn wrap_breaks_at_spaces_and_splits_only_a_word_too_long_for_the_line() {
        assert_eq!(wrap("I. PENATAAN SISTEM MANAJEMEN SDM", 16), ["I. PENATAAN", "SISTEM MANAJEMEN", "SDM"]);
        assert_eq!(wrap("Pertanggungjawaban", 8), ["Pertangg", "ungjawab", "an"]);
        assert_eq!(wrap("a Pertanggungjawaban", 10), ["a", "Pertanggun", "gjawaban"]);
        assert_eq!(wrap("", 10), [""]);
    }

    #[test]
    fn file_names_are_shortened_in_the_middle() {
        assert_eq!(shorten_middle("2022-07 Notulasi rapat evaluasi.pdf", 20), "2022-07 No…luasi.pdf");
        assert_eq!(shorten_middle("short.pdf", 20), "short.pdf");
        assert_eq!(shorten_middle("abcdefghij", 5), "ab…ij");
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
        let long = [cells(&["III.3.4", &"Pegawai di unit kerja ".repeat(5), "0/12"])];
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
