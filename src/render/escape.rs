//! Text from plan files and file names, made safe for a terminal: every
//! control character, and every character that reorders text on screen,
//! is shown as a visible escape (`\x1b`, `\n`, `\t`, `\u{202e}`), so a file
//! named `lap\x1b[31mMERAH.pdf` cannot recolour the screen and a newline in
//! a name cannot split a table row. The one function every terminal,
//! table, markdown and CSV path uses; JSON carries text as it is, since a
//! JSON string escapes control characters itself.

use std::borrow::Cow;
use std::fmt::Write as _;

/// `text` with its control and reordering characters as visible escapes.
pub(crate) fn escape(text: &str) -> Cow<'_, str> {
    if !needs_escape(text) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if u32::from(c) < 0x80 && is_unsafe(c) => {
                let _ = write!(out, "\\x{:02x}", u32::from(c));
            }
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// Whether `text` holds a character `escape` changes, found byte by byte:
/// printable ASCII is passed over without decoding, and only the lead
/// bytes of C1 controls (`0xC2`) and of the reordering marks (`0xE2`) make
/// a character be decoded and asked.
pub(crate) fn needs_escape(text: &str) -> bool {
    if crate::render::columns::printable_ascii(text) {
        return false;
    }
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            0x20..=0x7e => at += 1,
            0x00..=0x1f | 0x7f => return true,
            0xc2 | 0xe2 => {
                let c = text[at..].chars().next().unwrap_or_default();
                if is_unsafe(c) {
                    return true;
                }
                at += c.len_utf8();
            }
            _ => at += 1,
        }
    }
    false
}

/// C0 and C1 controls, DEL, and the bidirectional overrides and isolates
/// (a name can otherwise show `gpj.exe` as `exe.jpg`).
fn is_unsafe(c: char) -> bool {
    c.is_control() || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` for HTML content and quoted attribute values.
pub(crate) fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    write_html(&mut out, text).expect("writing to a String does not fail");
    out
}

/// Writes `text` escaped for HTML content and quoted attribute values to
/// `w`, without a `String` of its own: the report writes a few million
/// pieces of plan text and file names. Control and reordering characters
/// other than line feed and tab are written as the same visible escapes
/// as on a terminal (`\x1b`, `\u{202e}`): the page may be printed to one
/// (`zi report` without `-o`), and in the page they are parse errors or
/// would reorder a file's name on screen.
pub(crate) fn write_html<W: std::fmt::Write + ?Sized>(w: &mut W, text: &str) -> std::fmt::Result {
    let mut rest = text;
    // Every byte the scan stops at is ASCII or the lead byte of a
    // character: the text splits around it on char boundaries.
    while let Some(at) = find_html_special(rest.as_bytes()) {
        w.write_str(&rest[..at])?;
        let len = match rest.as_bytes()[at] {
            b'&' => w.write_str("&amp;").map(|()| 1)?,
            b'<' => w.write_str("&lt;").map(|()| 1)?,
            b'>' => w.write_str("&gt;").map(|()| 1)?,
            b'"' => w.write_str("&quot;").map(|()| 1)?,
            b'\'' => w.write_str("&#39;").map(|()| 1)?,
            _ => {
                let c = rest[at..].chars().next().unwrap_or_default();
                match c {
                    '\n' | '\t' => w.write_char(c)?,
                    c if is_unsafe(c) => w.write_str(&escape(c.encode_utf8(&mut [0; 4])))?,
                    c => w.write_char(c)?,
                }
                c.len_utf8()
            }
        };
        rest = &rest[at + len..];
    }
    w.write_str(rest)
}

/// Whether the HTML scan stops at `b`: the five characters HTML escapes,
/// C0 controls and DEL, and the lead bytes of C1 controls (`0xC2`) and of
/// the reordering marks (`0xE2`), which `write_html` then decodes and asks.
fn is_html_special(b: u8) -> bool {
    matches!(b, b'&' | b'<' | b'>' | b'"' | b'\'' | 0x00..=0x1f | 0x7f | 0xc2 | 0xe2)
}

/// Where the first byte `is_html_special` is: sixteen bytes at a time where
/// the processor has SSE2 (every x86-64 does), then eight at a time, as
/// the report escapes tens of megabytes of plan text and file names.
fn find_html_special(bytes: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= 16 {
        return find_in_blocks(bytes);
    }
    find_in_words(bytes)
}

/// `find_html_special` for at least sixteen bytes, a block of sixteen at
/// a time; the last block ends at the last byte and may overlap the one
/// before it (where nothing was found), so no byte is looked at alone.
#[cfg(target_arch = "x86_64")]
fn find_in_blocks(bytes: &[u8]) -> Option<usize> {
    first_in_blocks(bytes, find_in_block)
}

/// The first byte of `bytes` (sixteen or more) that `block` finds in a
/// block of sixteen, a block at a time; the last block ends at the last
/// byte and may overlap the one before it (where nothing was found), so no
/// byte is looked at alone. The walk of every sixteen-byte scan.
#[cfg(target_arch = "x86_64")]
pub(crate) fn first_in_blocks(bytes: &[u8], block: impl Fn(&[u8]) -> Option<usize>) -> Option<usize> {
    let mut at = 0;
    while at + 16 <= bytes.len() {
        if let Some(i) = block(&bytes[at..at + 16]) {
            return Some(at + i);
        }
        at += 16;
    }
    if at == bytes.len() {
        return None;
    }
    let last = bytes.len() - 16;
    block(&bytes[last..]).map(|i| last + i)
}

/// `find_html_special` in one block of sixteen bytes, with SSE2.
#[cfg(target_arch = "x86_64")]
fn find_in_block(block: &[u8]) -> Option<usize> {
    use std::arch::x86_64::{
        _mm_cmpeq_epi8, _mm_loadu_si128, _mm_max_epu8, _mm_movemask_epi8, _mm_or_si128, _mm_set1_epi8,
    };
    assert_eq!(block.len(), 16, "a block is sixteen bytes");
    // SAFETY: `block` holds sixteen bytes, which the unaligned load reads;
    // SSE2 is part of x86-64, so these instructions always exist (the
    // block is for Rust before 1.87, where they are unsafe to call).
    let mask = unsafe {
        let byte = |b: u8| _mm_set1_epi8(i8::from_ne_bytes([b]));
        let word = _mm_loadu_si128(block.as_ptr().cast());
        // `&` and `'` differ in the lowest bit only, `<` and `>` in the second.
        let html = _mm_or_si128(
            _mm_cmpeq_epi8(word, byte(b'"')),
            _mm_or_si128(
                _mm_cmpeq_epi8(_mm_or_si128(word, byte(1)), byte(b'\'')),
                _mm_cmpeq_epi8(_mm_or_si128(word, byte(2)), byte(b'>')),
            ),
        );
        // A byte at most 0x1f is its own maximum with 0x1f.
        let control = _mm_or_si128(
            _mm_cmpeq_epi8(_mm_max_epu8(word, byte(0x1f)), byte(0x1f)),
            _mm_cmpeq_epi8(word, byte(0x7f)),
        );
        let lead = _mm_or_si128(_mm_cmpeq_epi8(word, byte(0xc2)), _mm_cmpeq_epi8(word, byte(0xe2)));
        let found = _mm_or_si128(html, _mm_or_si128(control, lead));
        _mm_movemask_epi8(found)
    };
    (mask != 0).then(|| mask.trailing_zeros() as usize)
}

/// `find_html_special` eight bytes at a time, in a `u64`; like the
/// blocks, the last word of eight bytes or more ends at the last byte.
fn find_in_words(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < 8 {
        return bytes.iter().position(|&b| is_html_special(b));
    }
    let mut at = 0;
    while at + 8 <= bytes.len() {
        if let Some(i) = find_in_word(&bytes[at..at + 8]) {
            return Some(at + i);
        }
        at += 8;
    }
    let last = bytes.len() - 8;
    if at == bytes.len() {
        return None;
    }
    find_in_word(&bytes[last..]).map(|i| last + i)
}

/// `find_html_special` in eight bytes.
fn find_in_word(chunk: &[u8]) -> Option<usize> {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    // The high bit of each zero byte of `x` (and maybe of bytes above the
    // first zero byte, never below it: the lowest set bit is exact).
    let zero = |x: u64| x.wrapping_sub(ONES) & !x & HIGH;
    let mut word = [0u8; 8];
    word.copy_from_slice(chunk);
    let word = u64::from_le_bytes(word);
    // The high bit of each byte of `x` below 0x20 (exact for the lowest).
    let control = |x: u64| x.wrapping_sub(ONES * 0x20) & !x & HIGH;
    let is = |b: u8| zero(word ^ (ONES * u64::from(b)));
    // `&` and `'` differ in the lowest bit only, `<` and `>` in the second.
    let found = is(b'"')
        | zero((word | ONES) ^ (ONES * u64::from(b'\'')))
        | zero((word | (ONES * 2)) ^ (ONES * u64::from(b'>')))
        | control(word)
        | is(0x7f)
        | is(0xc2)
        | is(0xe2);
    (found != 0).then(|| (found.trailing_zeros() / 8) as usize)
}

/// For the tests of the scans: `check` of every byte value at every place
/// of a text of `x`s of 1 to 39 bytes (past two blocks of sixteen and a
/// word of eight), its last byte an `a` or `later` (the scanned-for byte
/// after the first, which must not be found instead of it).
#[cfg(test)]
pub(crate) fn every_byte_in_every_place(later: u8, check: impl Fn(&[u8])) {
    for len in 1..40 {
        for place in 0..len {
            for b in 0..=255u8 {
                for last in [b'a', later] {
                    let mut text = vec![b'x'; len];
                    text[place] = b;
                    text[len - 1] = if place == len - 1 { b } else { last };
                    check(&text);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn control_characters_become_visible_escapes() {
        assert_eq!(escape("lap\u{1b}[31mMERAH.pdf"), "lap\\x1b[31mMERAH.pdf");
        assert_eq!(escape("a\u{7}b\rc\nd\te\u{7f}"), "a\\x07b\\rc\\nd\\te\\x7f");
        assert_eq!(escape("\u{9b}31m"), "\\u{9b}31m");
        assert_eq!(escape("foto\u{202e}gpj.exe"), "foto\\u{202e}gpj.exe");
    }

    #[test]
    fn the_byte_scan_agrees_with_asking_every_character() {
        let samples = [
            "plain ASCII text",
            "Notulasi – Juli 2022 ✓ é",
            "a\u{1b}b",
            "x\u{7f}",
            "\u{85}next line",
            "\u{a0}no-break space",
            "\u{200d}joiner \u{200e}mark",
            "\u{2013}dash \u{2066}isolate",
            "\u{2028}line separator",
            "",
        ];
        for text in samples {
            assert_eq!(super::needs_escape(text), text.chars().any(super::is_unsafe), "{text:?}");
        }
    }

    #[test]
    fn the_word_scan_finds_the_first_byte_the_html_scan_stops_at_wherever_it_is() {
        // With and without a later special byte, against asking every byte.
        super::every_byte_in_every_place(b'<', |text| {
            let expected = text.iter().position(|&b| super::is_html_special(b));
            assert_eq!(super::find_html_special(text), expected, "{text:?}");
            assert_eq!(super::find_in_words(text), expected, "words: {text:?}");
        });
        assert_eq!(super::find_html_special(b""), None);
    }

    #[test]
    fn html_shows_control_and_reordering_characters_as_visible_escapes() {
        let text = "SK \u{1b}[31mmerah\u{1b}]0;t\u{7} <b>\u{9b}1m foto\u{202e}gpj.exe\r\u{7f}";
        assert_eq!(
            super::html(text),
            "SK \\x1b[31mmerah\\x1b]0;t\\x07 &lt;b&gt;\\u{9b}1m foto\\u{202e}gpj.exe\\r\\x7f"
        );
        // Line feed and tab are HTML's whitespace; other characters led by
        // the bytes the scan stops at are kept.
        let kept = "Notulasi – Juli\n\t2022 ✓ é\u{a0}… [2022-07]";
        assert_eq!(super::html(kept), kept);
        let long = "Laporan pelaksanaan kegiatan – sosialisasi\u{1b}[2J pegawai".repeat(3);
        assert_eq!(super::html(&long), long.replace('\u{1b}', "\\x1b"));
    }

    #[test]
    fn ordinary_text_is_borrowed_as_it_is() {
        let text = "Notulasi rapat – Juli 2022 (final) ✓ é";
        assert!(matches!(escape(text), std::borrow::Cow::Borrowed(t) if t == text));
    }
}
