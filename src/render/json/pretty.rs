//! A JSON writer for the rows a large plan has many of (indicators,
//! periods, documents, problems): byte for byte what
//! `serde_json::to_writer_pretty` writes (two-space indent, `"key": value`,
//! `[]` and `{}` when empty, the same string escapes), without serde's
//! per-field machinery. Bytes gather in a buffer of its own, handed to the
//! output a large piece at a time.

use std::io::{self, Write};

use crate::model::month::YearMonth;

/// How much is gathered before it is written out: no less than the 64 KiB
/// buffer the commands write through (`BufWriter`), which then passes each
/// piece straight on instead of copying it (18 MB of JSON at 10,000
/// indicators).
const FLUSH_AT: usize = 64 * 1024;

pub(crate) struct Pretty<'w> {
    buf: Vec<u8>,
    /// Where `display` writes before its text is escaped.
    scratch: String,
    out: &'w mut dyn Write,
    depth: usize,
    /// Whether the innermost open object or array has a value yet (as
    /// serde_json's `PrettyFormatter` keeps it).
    has_value: bool,
}

impl<'w> Pretty<'w> {
    pub(crate) fn new(out: &'w mut dyn Write) -> Pretty<'w> {
        Pretty {
            buf: Vec::with_capacity(FLUSH_AT + 4096),
            scratch: String::new(),
            out,
            depth: 0,
            has_value: false,
        }
    }

    /// Opens an object.
    pub(crate) fn object(&mut self) {
        self.open(b'{');
    }

    /// Opens an array.
    pub(crate) fn array(&mut self) {
        self.open(b'[');
    }

    /// Closes the innermost object.
    pub(crate) fn end_object(&mut self) -> io::Result<()> {
        self.close(b'}')
    }

    /// Closes the innermost array.
    pub(crate) fn end_array(&mut self) -> io::Result<()> {
        self.close(b']')
    }

    fn open(&mut self, bracket: u8) {
        self.depth += 1;
        self.has_value = false;
        self.buf.push(bracket);
    }

    fn close(&mut self, bracket: u8) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.newline();
        }
        self.buf.push(bracket);
        self.has_value = true;
        if self.buf.len() >= FLUSH_AT {
            self.out.write_all(&self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    /// Starts the next element of the innermost array.
    pub(crate) fn item(&mut self) {
        if self.has_value {
            self.buf.push(b',');
        }
        self.newline();
    }

    /// Starts the member `key` of the innermost object: its value follows.
    /// Keys are the documented names, which need no escape.
    pub(crate) fn key(&mut self, key: &'static str) {
        debug_assert!(key.bytes().all(|b| b >= 0x20 && b != b'"' && b != b'\\'));
        self.item();
        self.buf.push(b'"');
        self.buf.extend_from_slice(key.as_bytes());
        self.buf.extend_from_slice(b"\": ");
    }

    fn newline(&mut self) {
        /// A newline and the indent of up to 31 levels.
        const INDENT: &[u8; 63] = b"\n                                                              ";
        match INDENT.get(..1 + 2 * self.depth) {
            Some(indent) => self.buf.extend_from_slice(indent),
            None => {
                self.buf.push(b'\n');
                for _ in 0..self.depth {
                    self.buf.extend_from_slice(b"  ");
                }
            }
        }
    }

    /// A string value.
    pub(crate) fn str(&mut self, text: &str) {
        self.string_bytes(text);
        self.has_value = true;
    }

    /// A string value, or `null`.
    pub(crate) fn opt_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => self.str(text),
            None => self.null(),
        }
    }

    pub(crate) fn null(&mut self) {
        self.buf.extend_from_slice(b"null");
        self.has_value = true;
    }

    /// A whole number.
    pub(crate) fn int(&mut self, n: impl Into<i64>) {
        let n: i64 = n.into();
        if n < 0 {
            self.buf.push(b'-');
        }
        self.digits(n.unsigned_abs());
        self.has_value = true;
    }

    /// A count.
    pub(crate) fn count(&mut self, n: usize) {
        self.digits(n as u64);
        self.has_value = true;
    }

    fn digits(&mut self, n: u64) {
        let mut digits = [0u8; 20];
        self.buf.extend_from_slice(crate::render::words::digits_of(n, &mut digits));
    }

    /// A string value written by `Display`, escaped.
    pub(crate) fn display(&mut self, value: impl std::fmt::Display) {
        use std::fmt::Write as _;
        let mut scratch = std::mem::take(&mut self.scratch);
        scratch.clear();
        let _ = write!(scratch, "{value}");
        self.str(&scratch);
        self.scratch = scratch;
    }

    /// A month as `"YYYY-MM"`, as `YearMonth`'s `Display` writes it.
    pub(crate) fn month(&mut self, month: YearMonth) {
        let (year, m) = (month.year(), month.month());
        if !(0..=9999).contains(&year) || !(1..=12).contains(&m) {
            return self.display(month);
        }
        let year = year as u32;
        let digit = |n: u32| b'0' + (n % 10) as u8;
        self.buf.extend_from_slice(&[
            b'"',
            digit(year / 1000),
            digit(year / 100),
            digit(year / 10),
            digit(year),
            b'-',
            digit(m / 10),
            digit(m),
            b'"',
        ]);
        self.has_value = true;
    }

    /// `text` quoted, with serde_json's escapes: `\"`, `\\`, the short
    /// forms of backspace, form feed, newline, return and tab, `\u00XX` for
    /// the other controls below a space; everything else as it is.
    fn string_bytes(&mut self, text: &str) {
        self.buf.push(b'"');
        let bytes = text.as_bytes();
        let mut start = 0;
        let mut at = 0;
        while at < bytes.len() {
            // Eight bytes at a time while none needs an escape.
            if let Some(word) = bytes.get(at..at + 8) {
                if !needs_escape(u64::from_le_bytes(word.try_into().unwrap_or_default())) {
                    at += 8;
                    continue;
                }
            }
            let byte = bytes[at];
            at += 1;
            let escape: &[u8] = match byte {
                b'"' => b"\\\"",
                b'\\' => b"\\\\",
                0x08 => b"\\b",
                0x0c => b"\\f",
                b'\n' => b"\\n",
                b'\r' => b"\\r",
                b'\t' => b"\\t",
                0x00..=0x1f => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    &[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 0xf)]]
                }
                _ => continue,
            };
            self.buf.extend_from_slice(&bytes[start..at - 1]);
            self.buf.extend_from_slice(escape);
            start = at;
        }
        self.buf.extend_from_slice(&bytes[start..]);
        self.buf.push(b'"');
    }

    /// Writes out what is gathered, and the final newline of a document.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.buf.push(b'\n');
        self.out.write_all(&self.buf)
    }
}

/// Whether any of the eight bytes of `word` is a control character below
/// a space, `"` or `\\`: exact for the word as a whole (a borrow can flag
/// a byte beside one that is, never a word without one).
fn needs_escape(word: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_in = |w: u64| w.wrapping_sub(ONES) & !w & HIGH;
    // Bytes below 0x20, among those without their high bit.
    let below_space = word.wrapping_sub(ONES * 0x20) & !word & HIGH;
    below_space | zero_in(word ^ (ONES * u64::from(b'"'))) | zero_in(word ^ (ONES * u64::from(b'\\'))) != 0
}

#[cfg(test)]
mod tests {
    use super::Pretty;
    use proptest::prelude::*;

    fn written(f: impl FnOnce(&mut Pretty)) -> String {
        let mut out = Vec::new();
        let mut w = Pretty::new(&mut out);
        f(&mut w);
        w.finish().unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn nesting_and_empty_containers_are_laid_out_as_serde_json_lays_them_out() {
        let value = serde_json::json!({"a": [], "b": {}, "c": [1, {"d": null, "e": [[]]}], "f": -3});
        let ours = written(|w| {
            w.object();
            w.key("a");
            w.array();
            w.end_array().unwrap();
            w.key("b");
            w.object();
            w.end_object().unwrap();
            w.key("c");
            w.array();
            w.item();
            w.count(1);
            w.item();
            w.object();
            w.key("d");
            w.null();
            w.key("e");
            w.array();
            w.item();
            w.array();
            w.end_array().unwrap();
            w.end_array().unwrap();
            w.end_object().unwrap();
            w.end_array().unwrap();
            w.key("f");
            w.int(-3);
            w.end_object().unwrap();
        });
        assert_eq!(ours, serde_json::to_string_pretty(&value).unwrap() + "\n");
    }

    proptest! {
        #[test]
        fn any_string_and_number_is_written_as_serde_json_writes_it(
            text in any::<String>(),
            controls in "[\u{0}-\u{1f}\u{7f}\"\\\\a-zé\u{85}\u{2028}]{0,40}",
            n in any::<i64>(),
            u in any::<usize>(),
        ) {
            let ours = written(|w| {
                w.object();
                w.key("key");
                w.array();
                for s in [&text, &controls] {
                    w.item();
                    w.str(s);
                }
                w.item();
                w.int(n);
                w.item();
                w.count(u);
                w.end_array().unwrap();
                w.end_object().unwrap();
            });
            let mut map = serde_json::Map::new();
            map.insert("key".to_string(), serde_json::json!([text, controls, n, u]));
            prop_assert_eq!(ours, serde_json::to_string_pretty(&map).unwrap() + "\n");
        }

        #[test]
        fn a_word_needs_an_escape_exactly_when_one_of_its_bytes_does(word in any::<[u8; 8]>()) {
            let byte_wise = word.iter().any(|&b| b < 0x20 || b == b'"' || b == b'\\');
            prop_assert_eq!(super::needs_escape(u64::from_le_bytes(word)), byte_wise);
        }
    }

    #[test]
    fn every_byte_in_every_place_of_a_word_is_flagged_when_it_needs_an_escape() {
        for filler in [b'a', 0x80, 0xff, b' ', b'!'] {
            for byte in 0..=255u8 {
                for place in 0..8 {
                    let mut word = [filler; 8];
                    word[place] = byte;
                    let expected = byte < 0x20 || byte == b'"' || byte == b'\\';
                    assert_eq!(
                        super::needs_escape(u64::from_le_bytes(word)),
                        expected,
                        "{filler} {byte} {place}"
                    );
                }
            }
        }
    }
}
