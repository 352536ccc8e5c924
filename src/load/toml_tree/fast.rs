//! A parser of the shape plan files have: top-level `key = value` lines,
//! comments, and as values single-line strings without escapes, decimal
//! integers, booleans, arrays of those (across lines, with comments), and
//! one-line inline tables with bare keys. It answers `None` for anything
//! else, valid or not (a table header, a dotted or quoted key, an escape,
//! a float, a date, a key set twice, a syntax error), and then the caller
//! asks `toml_edit`: what it accepts it reads exactly as `toml_edit` does,
//! spans included (the differential tests in `tests.rs` hold it to that).

use std::borrow::Cow;

use super::node::{Entry, Node, Table, Value};

/// How deep values nest here: a string in an array in an inline table in
/// an array (`evidence = [{ file = ["a*"] }]`) is at depth 3.
const MAX_DEPTH: u8 = 4;

/// The document's top-level table, or `None` when the text is not in the
/// shape this parser reads.
pub(crate) fn parse(text: &str) -> Option<Table<'_>> {
    let mut p = Parser { text, bytes: text.as_bytes(), at: 0 };
    // Room for a plan file's keys: grown from empty, the table was moved
    // twice on the way.
    let mut root = Table { entries: Vec::with_capacity(8) };
    loop {
        p.spaces();
        match p.peek() {
            None => return Some(root),
            Some(b'\n' | b'\r' | b'#') => p.line_end()?,
            Some(_) => {
                let entry = p.key_value(0)?;
                insert(&mut root, entry)?;
                p.spaces();
                p.line_end()?;
            }
        }
    }
}

/// Adds `entry`, or `None` when its key is already there (`toml_edit`
/// reports that).
fn insert<'a>(table: &mut Table<'a>, entry: Entry<'a>) -> Option<()> {
    if table.entries.iter().any(|e| e.key == entry.key) {
        return None;
    }
    table.entries.push(entry);
    Some(())
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Parser<'a> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    fn spaces(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t')) {
            self.at += 1;
        }
    }

    /// A comment (if any) and the end of the line or of the text.
    fn line_end(&mut self) -> Option<()> {
        if self.peek() == Some(b'#') {
            self.at += 1;
            while let Some(b) = self.peek() {
                if b == b'\n' || b == b'\r' {
                    break;
                }
                if !comment_byte(b) {
                    return None;
                }
                self.at += 1;
            }
        }
        match self.peek() {
            None => Some(()),
            Some(b'\n') => {
                self.at += 1;
                Some(())
            }
            Some(b'\r') if self.bytes.get(self.at + 1) == Some(&b'\n') => {
                self.at += 2;
                Some(())
            }
            Some(_) => None,
        }
    }

    /// Spaces, line ends and comments between the elements of an array.
    fn array_gap(&mut self) -> Option<()> {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'\n' | b'\r' | b'#') => self.line_end()?,
                _ => return Some(()),
            }
        }
    }

    /// `key = value`, the spaces around `=` included.
    fn key_value(&mut self, depth: u8) -> Option<Entry<'a>> {
        let start = self.at;
        while self.peek().is_some_and(bare_key_byte) {
            self.at += 1;
        }
        if self.at == start {
            return None;
        }
        let key_span = start..self.at;
        self.spaces();
        if self.peek() != Some(b'=') {
            return None;
        }
        self.at += 1;
        self.spaces();
        let node = self.value(depth)?;
        Some(Entry { key: Cow::Borrowed(&self.text[key_span.clone()]), key_span: Some(key_span), node })
    }

    fn value(&mut self, depth: u8) -> Option<Node<'a>> {
        if depth >= MAX_DEPTH {
            return None;
        }
        let start = self.at;
        let value = match self.peek()? {
            quote @ (b'"' | b'\'') => self.string(quote)?,
            b'[' => self.array(depth)?,
            b'{' => self.inline_table(depth)?,
            b'0'..=b'9' => self.integer()?,
            b't' | b'f' => self.boolean()?,
            _ => return None,
        };
        Some(Node { value, span: Some(start..self.at) })
    }

    /// A one-line string without escapes, basic or literal.
    fn string(&mut self, quote: u8) -> Option<Value<'a>> {
        let start = self.at + 1;
        let mut end = start;
        // One look-up per byte between the quotes; of the bytes that stop
        // the scan, only the closing quote is read here.
        let stops = if quote == b'"' { &BASIC_STOPS } else { &LITERAL_STOPS };
        end = plain_words(self.bytes, end, quote);
        while !stops[usize::from(*self.bytes.get(end)?)] {
            end += 1;
        }
        if self.bytes[end] != quote {
            return None;
        }
        // `""` then a quote opens a multi-line string.
        if end == start && self.bytes.get(end + 1) == Some(&quote) {
            return None;
        }
        self.at = end + 1;
        Some(Value::String(Cow::Borrowed(&self.text[start..end])))
    }

    fn array(&mut self, depth: u8) -> Option<Value<'a>> {
        self.at += 1;
        let mut values = Vec::new();
        loop {
            self.array_gap()?;
            if self.peek()? == b']' {
                break;
            }
            values.push(self.value(depth + 1)?);
            self.array_gap()?;
            match self.peek()? {
                b',' => self.at += 1,
                b']' => break,
                _ => return None,
            }
        }
        self.at += 1;
        Some(Value::Array(values))
    }

    /// `{ key = value, … }` on one line, without a trailing comma.
    fn inline_table(&mut self, depth: u8) -> Option<Value<'a>> {
        self.at += 1;
        let mut table = Table::default();
        self.spaces();
        if self.peek()? != b'}' {
            loop {
                let entry = self.key_value(depth + 1)?;
                insert(&mut table, entry)?;
                self.spaces();
                match self.peek()? {
                    b',' => {
                        self.at += 1;
                        self.spaces();
                    }
                    b'}' => break,
                    _ => return None,
                }
            }
        }
        self.at += 1;
        Some(Value::InlineTable(table))
    }

    /// A decimal integer without sign, underscores or leading zeros.
    fn integer(&mut self) -> Option<Value<'a>> {
        let start = self.at;
        while self.peek().is_some_and(|b| b.is_ascii_digit()) {
            self.at += 1;
        }
        let digits = &self.text[start..self.at];
        if digits.len() > 1 && digits.starts_with('0') || !self.at_value_end() {
            return None;
        }
        digits.parse().ok().map(Value::Integer)
    }

    fn boolean(&mut self) -> Option<Value<'a>> {
        let rest = &self.bytes[self.at..];
        let (value, len) = if rest.starts_with(b"true") {
            (true, 4)
        } else if rest.starts_with(b"false") {
            (false, 5)
        } else {
            return None;
        };
        self.at += len;
        self.at_value_end().then_some(Value::Boolean(value))
    }

    /// Whether what follows ends a bare value (so `2022-07-01`, `1.5` and
    /// `trueish` are not read as their first part).
    fn at_value_end(&self) -> bool {
        matches!(self.peek(), None | Some(b' ' | b'\t' | b'\n' | b'\r' | b'#' | b',' | b']' | b'}'))
    }
}

/// The bytes that end a one-line string without escapes, or that such a
/// string cannot hold: its quote, control characters but the tab, DEL,
/// and in a basic string the backslash that starts an escape.
pub(super) const BASIC_STOPS: [bool; 256] = string_stops(b'"');
pub(super) const LITERAL_STOPS: [bool; 256] = string_stops(b'\'');

const fn string_stops(quote: u8) -> [bool; 256] {
    let mut stops = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        stops[b] = b != b'\t' as usize;
        b += 1;
    }
    stops[0x7f] = true;
    stops[quote as usize] = true;
    if quote == b'"' {
        stops[b'\\' as usize] = true;
    }
    stops
}

/// `at`, moved past every eight bytes from it that hold no byte that may
/// stop a string opened by `quote` (`string_stops`; a tab, a backslash in a
/// literal string or any byte past ASCII makes a word be read a byte at a
/// time): a plan file is mostly the text of its strings, and a word is
/// tested in a dozen instructions where the table took three a byte.
pub(super) fn plain_words(bytes: &[u8], mut at: usize, quote: u8) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    // Whether a byte of `w` is zero; below 0x80, whether one is below `n`.
    let zero = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    while let Some(word) = bytes.get(at..at + 8) {
        let w = u64::from_ne_bytes(word.try_into().unwrap_or_default());
        let may_stop = (w & HIGH)
            | below(w, 0x20)
            | zero(w ^ (ONES * 0x7f))
            | zero(w ^ (ONES * u64::from(quote)))
            | zero(w ^ (ONES * u64::from(b'\\')));
        if may_stop != 0 {
            break;
        }
        at += 8;
    }
    at
}

fn bare_key_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// What a comment may hold: tabs, printable ASCII and any non-ASCII text.
fn comment_byte(b: u8) -> bool {
    b == b'\t' || (0x20..0x7f).contains(&b) || b >= 0x80
}
