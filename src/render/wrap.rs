//! Text within a width: wrapped at spaces (a word too long for its line is
//! split), or, for file names, shortened in the middle. Lines are made one
//! at a time and borrowed from the text whenever the text holds them as
//! they are, so a table of 100,000 wrapped rows allocates almost nothing.

use std::borrow::Cow;

use unicode_width::UnicodeWidthChar;

use crate::render::columns::columns;

/// Breaks `text` at spaces into lines of at most `width` columns; a word
/// longer than that is split, as the only way to keep it in its cell.
pub(crate) fn wrap(text: &str, width: usize) -> Vec<String> {
    Wrapped::new(text, width).map(|(line, _)| line.into_owned()).collect()
}

/// The lines of `text` wrapped to a width, each with the columns it takes:
/// words joined by one space, at least one line (empty for empty text).
pub(crate) struct Wrapped<'t> {
    text: &'t str,
    /// Where the next word is looked for.
    at: usize,
    /// A word, or the rest of a split one, that starts the next line.
    pending: Option<Word<'t>>,
    width: usize,
    /// Whether a line was given: empty text still gives one.
    given: bool,
    /// Whether the text is printable ASCII with its words one space apart:
    /// then a line ends at the last space within the width, found from there.
    plain: bool,
}

/// A word of the text: where it starts, what it is, the columns it takes.
#[derive(Clone, Copy)]
struct Word<'t> {
    start: usize,
    text: &'t str,
    columns: usize,
}

impl<'t> Wrapped<'t> {
    pub(crate) fn new(text: &'t str, width: usize) -> Wrapped<'t> {
        let text = text.trim_end_matches(' ');
        let at = text.len() - text.trim_start_matches(' ').len();
        let plain = single_spaced_ascii(&text.as_bytes()[at..]);
        Wrapped { text, at, pending: None, width: width.max(1), given: false, plain }
    }

    /// The next line of a plain text: as much as fits, cut at its last space
    /// (or, for a word longer than the line, within the word).
    fn next_plain(&mut self) -> Option<(Cow<'t, str>, usize)> {
        let (bytes, start) = (self.text.as_bytes(), self.at);
        if start == bytes.len() {
            let first_line = !self.given;
            self.given = true;
            return first_line.then_some((Cow::Borrowed(""), 0));
        }
        self.given = true;
        let end = if bytes.len() - start <= self.width {
            self.at = bytes.len();
            bytes.len()
        } else {
            match bytes[start..=start + self.width].iter().rposition(|b| *b == b' ') {
                Some(space) => {
                    self.at = start + space + 1;
                    start + space
                }
                None => {
                    self.at = start + self.width;
                    self.at
                }
            }
        };
        Some((Cow::Borrowed(&self.text[start..end]), end - start))
    }

    /// The next run of characters other than spaces, looked for a byte at
    /// a time: words are short, and printable ASCII takes a column a byte.
    fn next_word(&mut self) -> Option<Word<'t>> {
        let bytes = self.text.as_bytes();
        let mut at = self.at;
        while at < bytes.len() && bytes[at] == b' ' {
            at += 1;
        }
        if at == bytes.len() {
            self.at = at;
            return None;
        }
        let start = at;
        let mut ascii = true;
        while at < bytes.len() && bytes[at] != b' ' {
            ascii &= bytes[at].wrapping_sub(0x21) < 0x5e;
            at += 1;
        }
        self.at = at;
        let text = &self.text[start..at];
        Some(Word { start, text, columns: if ascii { text.len() } else { columns(text) } })
    }
}

impl<'t> Iterator for Wrapped<'t> {
    type Item = (Cow<'t, str>, usize);

    fn next(&mut self) -> Option<Self::Item> {
        if self.plain {
            return self.next_plain();
        }
        let width = self.width;
        let Some(first) = self.pending.take().or_else(|| self.next_word()) else {
            let first_line = !self.given;
            self.given = true;
            return first_line.then_some((Cow::Borrowed(""), 0));
        };
        self.given = true;
        if first.columns > width {
            let (mut head, mut tail) = split_at_width(first.text, width);
            if head.is_empty() {
                // A character wider than the line: it takes a line of its own.
                let first_char = first.text.chars().next().map_or(0, char::len_utf8);
                (head, tail) = first.text.split_at(first_char);
            }
            if !tail.is_empty() {
                let start = first.start + head.len();
                self.pending = Some(Word { start, text: tail, columns: columns(tail) });
            }
            return Some((Cow::Borrowed(head), columns(head)));
        }
        let mut end = first.start + first.text.len();
        let (mut used, mut bytes) = (first.columns, first.text.len());
        while let Some(word) = self.next_word() {
            if used + 1 + word.columns > width {
                self.pending = Some(word);
                break;
            }
            used += 1 + word.columns;
            bytes += 1 + word.text.len();
            end = word.start + word.text.len();
        }
        let line = &self.text[first.start..end];
        if line.len() == bytes {
            return Some((Cow::Borrowed(line), used));
        }
        // The text has runs of spaces: the line is its words, one space apart.
        let words: Vec<&str> = line.split(' ').filter(|w| !w.is_empty()).collect();
        Some((Cow::Owned(words.join(" ")), used))
    }
}

/// Whether `text` (which starts with no space) is printable ASCII with no
/// two spaces in a row.
fn single_spaced_ascii(text: &[u8]) -> bool {
    let mut after_space = false;
    let mut ok = true;
    for b in text {
        let space = *b == b' ';
        ok &= b.wrapping_sub(0x20) < 0x5f && !(space && after_space);
        after_space = space;
    }
    ok
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
pub(crate) fn shorten_middle(text: &str, width: usize) -> Cow<'_, str> {
    if columns(text) <= width {
        return Cow::Borrowed(text);
    }
    if width <= 1 {
        return Cow::Owned("…".repeat(width));
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
    Cow::Owned(format!("{head}…{}", &text[tail_start..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_breaks_at_spaces_and_splits_only_a_word_too_long_for_the_line() {
        assert_eq!(wrap("I. PENATAAN SISTEM MANAJEMEN SDM", 16), ["I. PENATAAN", "SISTEM MANAJEMEN", "SDM"]);
        assert_eq!(wrap("Pertanggungjawaban", 8), ["Pertangg", "ungjawab", "an"]);
        assert_eq!(wrap("a Pertanggungjawaban", 10), ["a", "Pertanggun", "gjawaban"]);
        assert_eq!(wrap("", 10), [""]);
        assert_eq!(wrap("   ", 10), [""]);
    }

    #[test]
    fn runs_of_spaces_become_one_and_lines_are_borrowed_when_the_text_has_them() {
        assert_eq!(wrap("  Tim   Kerja  ZI dan  pimpinan ", 12), ["Tim Kerja ZI", "dan pimpinan"]);
        let lines: Vec<_> = Wrapped::new("Tim Kerja ZI dan pimpinan", 12).collect();
        assert!(lines.iter().all(|(line, _)| matches!(line, Cow::Borrowed(_))), "{lines:?}");
        assert_eq!(lines.iter().map(|(_, w)| *w).collect::<Vec<_>>(), [12, 12]);
    }

    #[test]
    fn plain_text_is_cut_at_its_last_space_as_words_are_packed_one_by_one() {
        let text =
            "Sosialisasi manajemen risiko unit kerja dan dilaporkan kepada pimpinan ab Pertanggungjawaban x";
        for width in 1..=text.len() + 1 {
            let mut by_words = Wrapped::new(text, width);
            by_words.plain = false;
            let by_words: Vec<_> = by_words.collect();
            let plain = Wrapped::new(text, width);
            assert!(plain.plain);
            assert_eq!(plain.collect::<Vec<_>>(), by_words, "{width}");
        }
        assert_eq!(wrap(" Tim Kerja ZI ", 5), ["Tim", "Kerja", "ZI"]);
    }

    #[test]
    fn wide_characters_are_measured_in_columns_and_never_hang_a_narrow_line() {
        assert_eq!(wrap("日本語 テキスト", 6), ["日本語", "テキス", "ト"]);
        assert_eq!(wrap("日本", 1), ["日", "本"]);
        let widths: Vec<usize> = Wrapped::new("日本語 ab", 9).map(|(_, w)| w).collect();
        assert_eq!(widths, [9]);
    }

    #[test]
    fn file_names_are_shortened_in_the_middle() {
        assert_eq!(shorten_middle("2022-07 Notulasi rapat evaluasi.pdf", 20), "2022-07 No…luasi.pdf");
        assert_eq!(shorten_middle("short.pdf", 20), "short.pdf");
        assert_eq!(shorten_middle("abcdefghij", 5), "ab…ij");
        assert_eq!(shorten_middle("abcdefghij", 1), "…");
    }
}
