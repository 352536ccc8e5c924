//! Cells and rows as the text formats write them, shared by every report
//! in those formats.

use std::borrow::Cow;
use std::io::Write;

use anyhow::Result;

use crate::render::escape::escape;

/// One CSV field, pushed onto `line`: control characters as visible
/// escapes (a spreadsheet shows them, a terminal would obey them), quoted
/// when it must be (RFC 4180).
fn push_field(line: &mut Vec<u8>, text: &str) {
    let text = escape(text);
    if text.bytes().any(|b| matches!(b, b',' | b'"' | b'\n' | b'\r')) {
        line.push(b'"');
        line.extend_from_slice(text.replace('"', "\"\"").as_bytes());
        line.push(b'"');
    } else {
        line.extend_from_slice(text.as_bytes());
    }
}

/// One CSV record, written with one write for the whole line: no `String`
/// per field unless it must be escaped or quoted.
pub(crate) fn row<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> Result<()> {
    let mut line = Vec::with_capacity(128);
    for (i, text) in fields.iter().enumerate() {
        if i > 0 {
            line.push(b',');
        }
        push_field(&mut line, text.as_ref());
    }
    line.push(b'\n');
    out.write_all(&line)?;
    Ok(())
}

/// Text from the plan in a markdown table: control characters as visible
/// escapes (so a line break cannot end a row), pipes escaped; borrowed
/// when neither changes it.
pub(crate) fn cell(text: &str) -> Cow<'_, str> {
    match escape(text) {
        text if !text.contains('|') => text,
        text => Cow::Owned(text.replace('|', "\\|")),
    }
}

#[cfg(test)]
mod tests {
    fn field(text: &str) -> String {
        let mut line = Vec::new();
        super::push_field(&mut line, text);
        String::from_utf8(line).unwrap()
    }

    #[test]
    fn fields_with_commas_quotes_or_newlines_are_quoted() {
        assert_eq!(field("a, b"), "\"a, b\"");
        assert_eq!(field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("lap\u{1b}[31m\nx"), "lap\\x1b[31m\\nx");
    }

    #[test]
    fn a_row_is_its_fields_joined_by_commas() {
        let mut out = Vec::new();
        super::row(&mut out, &["I.1.1", "a, b", "", "plain"]).unwrap();
        assert_eq!(String::from_utf8(out).unwrap(), "I.1.1,\"a, b\",,plain\n");
    }
}
