//! The columns text takes on a terminal, and writing it padded: the cheap
//! path every terminal layout shares. Printable ASCII takes one column a
//! byte, so only other text is asked of `unicode-width`.

use std::io::{self, Write};

use unicode_width::UnicodeWidthStr;

/// The columns `text` takes: its length when it is printable ASCII.
pub(crate) fn columns(text: &str) -> usize {
    if printable_ascii(text) {
        text.len()
    } else {
        text.width()
    }
}

/// Whether every byte of `text` is printable ASCII (space to `~`), asked
/// 16 bytes at a time without a branch per byte.
pub(crate) fn printable_ascii(text: &str) -> bool {
    text.as_bytes()
        .chunks(16)
        .all(|chunk| chunk.iter().fold(true, |ok, b| ok & (b.wrapping_sub(0x20) < 0x5f)))
}

/// Writes `n` spaces.
pub(crate) fn spaces<W: Write + ?Sized>(out: &mut W, n: usize) -> io::Result<()> {
    const SPACES: &[u8; 64] = &[b' '; 64];
    let mut left = n;
    while left > 0 {
        let step = left.min(SPACES.len());
        out.write_all(&SPACES[..step])?;
        left -= step;
    }
    Ok(())
}

/// Writes `text`, then spaces up to `width` columns; `text` takes
/// `columns` of them.
pub(crate) fn padded<W: Write + ?Sized>(
    out: &mut W,
    text: &str,
    columns: usize,
    width: usize,
) -> io::Result<()> {
    out.write_all(text.as_bytes())?;
    spaces(out, width.saturating_sub(columns))
}

#[cfg(test)]
mod tests {
    use unicode_width::UnicodeWidthStr;

    #[test]
    fn columns_agree_with_unicode_width() {
        for text in ["", "I.1.1", "Juli 2022", "Notulasi – Juli", "日本語", "é", "a\u{301}", "~ !"] {
            assert_eq!(super::columns(text), text.width(), "{text:?}");
        }
    }

    #[test]
    fn printable_ascii_is_space_to_tilde() {
        assert!(super::printable_ascii(" ~ I.1.1 Juli 2022, the longest line of all of them"));
        for odd in ["\u{1f}", "\u{7f}", "é", "tab\there", &format!("{}\u{0}", "x".repeat(40))] {
            assert!(!super::printable_ascii(odd), "{odd:?}");
        }
    }

    #[test]
    fn padding_fills_to_the_width_and_never_cuts() {
        let mut out = Vec::new();
        super::padded(&mut out, "ab", 2, 70).unwrap();
        super::padded(&mut out, "long", 4, 2).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), format!("ab{}long", " ".repeat(68)));
    }
}
