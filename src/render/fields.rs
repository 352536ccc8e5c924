//! Cells and rows as the text formats write them, shared by every report
//! in those formats.

use std::io::Write;

use anyhow::Result;

use crate::render::escape::escape;

/// One CSV field: control characters as visible escapes (a spreadsheet
/// shows them, a terminal would obey them), quoted when it must be (RFC 4180).
pub(crate) fn field(text: &str) -> String {
    let text = escape(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

pub(crate) fn row<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    writeln!(out, "{}", line.join(","))?;
    Ok(())
}

/// Text from the plan in a markdown table: control characters as visible
/// escapes (so a line break cannot end a row), pipes escaped.
pub(crate) fn cell(text: &str) -> String {
    escape(text).replace('|', "\\|")
}

#[cfg(test)]
mod tests {
    #[test]
    fn fields_with_commas_quotes_or_newlines_are_quoted() {
        assert_eq!(super::field("a, b"), "\"a, b\"");
        assert_eq!(super::field("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(super::field("plain"), "plain");
    }
}
