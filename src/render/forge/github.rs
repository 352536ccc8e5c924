//! GitHub Actions workflow commands, as GitHub documents them ("Workflow
//! commands for GitHub Actions"): one line per annotation,
//! `::error file=PATH,line=L,col=C,title=TITLE::MESSAGE` (or `::warning`,
//! `::notice`). In the message `%`, `\r` and `\n` are written `%25`,
//! `%0D`, `%0A`; in the properties also `:` and `,` (`%3A`, `%2C`), as the
//! runner's toolkit escapes them. Other control characters in plan text
//! and file names are made visible first: nothing reaches the log raw.

use std::io::Write;

use anyhow::Result;

use super::annotation::{Annotation, Level};
use crate::render::escape::escape;
use crate::text::Lang;

/// GitHub shows at most this many annotations of each kind (error,
/// warning, notice) per step; the log has every one.
pub(super) const LIMIT_PER_KIND: usize = 10;

pub(super) fn write(annotations: &[Annotation], lang: Lang, out: &mut dyn Write) -> Result<()> {
    let count = |level: Level| annotations.iter().filter(|a| a.level == level).count();
    let (errors, warnings, notices) = (count(Level::Error), count(Level::Warning), count(Level::Notice));
    // First, so that it is shown even when the notices are many.
    if [errors, warnings, notices].iter().any(|n| *n > LIMIT_PER_KIND) {
        let text = lang.catalogue().beyond_annotation_limit(LIMIT_PER_KIND, errors, warnings, notices);
        writeln!(out, "::notice title=zi::{}", data(&text))?;
    }
    for a in annotations {
        let command = match a.level {
            Level::Error => "error",
            Level::Warning => "warning",
            Level::Notice => "notice",
        };
        let mut properties = vec![format!("file={}", property(&a.path))];
        properties.extend(a.line.map(|line| format!("line={line}")));
        properties.extend(a.column.map(|column| format!("col={column}")));
        properties.push(format!("title={}", property(&a.title)));
        let message: Vec<String> = a.message.split('\n').map(|line| escape(line).into_owned()).collect();
        writeln!(out, "::{command} {}::{}", properties.join(","), data(&message.join("\n")))?;
    }
    Ok(())
}

/// A command's message.
fn data(text: &str) -> String {
    text.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A command's property value.
fn property(text: &str) -> String {
    data(&escape(text)).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_signs_line_breaks_colons_and_commas_are_escaped_as_the_toolkit_does() {
        assert_eq!(data("100% done\r\nnext"), "100%25 done%0D%0Anext");
        assert_eq!(property("a:b,c%d"), "a%3Ab%2Cc%25d");
        // A line break in a file name is made visible, never a new command.
        assert_eq!(property("evidence/x\n::error::y.pdf"), "evidence/x\\n%3A%3Aerror%3A%3Ay.pdf");
    }
}
