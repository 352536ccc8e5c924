//! Cells and rows as the text formats write them, shared by every report
//! in those formats.

use std::io::Write;

use anyhow::Result;

/// One CSV field, quoted when it must be (RFC 4180).
pub(crate) fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

pub(crate) fn row<S: AsRef<str>>(out: &mut dyn Write, fields: &[S]) -> Result<()> {
    let line: Vec<String> = fields.iter().map(|f| field(f.as_ref())).collect();
    writeln!(out, "{}", line.join(","))?;
    Ok(())
}

/// A table cell: pipes escaped, line breaks flattened.
pub(crate) fn cell(text: &str) -> String {
    text.replace('|', "\\|").replace(['\n', '\r'], " ")
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
