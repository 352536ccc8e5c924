//! Problems in the user's plan and evidence are data, not errors: each one is
//! a `Diagnostic` with a stable code, a place and a hint. They are collected
//! across the whole tree, so one run reports every problem, and rendered at
//! the end as text (with the source line and a caret) or as JSON.

use std::fmt::Write as _;
use std::ops::Range;

use serde::Serialize;

use crate::text::Lang;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a problem is: 1-based line and column (in characters),
/// the source line, and how many characters the caret underlines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Location {
    pub line: usize,
    pub column: usize,
    #[serde(skip)]
    pub source_line: String,
    #[serde(skip)]
    pub width: usize,
}

impl Location {
    /// The location of the byte range `span` in `text`. Offsets past the end
    /// or inside a character are clamped, so a bad span never panics.
    pub fn of_span(text: &str, span: Range<usize>) -> Self {
        let start = floor_char_boundary(text, span.start);
        let end = floor_char_boundary(text, span.end.max(start));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let source_line = text[line_start..line_end].trim_end_matches('\r').to_string();
        let width = text[start..end.min(line_end)].chars().count().max(1);
        Location {
            line: text[..start].matches('\n').count() + 1,
            column: text[line_start..start].chars().count() + 1,
            source_line,
            width,
        }
    }
}

/// `text` cut to at most `max` characters, the cut marked with `…`, for
/// quoting user text in a message.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut cut: String = text.chars().take(max.saturating_sub(1)).collect();
    cut.push('…');
    cut
}

fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One problem in a user's file or folder.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    /// Stable kebab-case code, e.g. `unknown-key`.
    pub code: &'static str,
    pub severity: Severity,
    /// Path relative to the repository root, `/`-separated.
    pub path: String,
    #[serde(flatten, skip_serializing_if = "Option::is_none")]
    pub location: Option<Location>,
    pub message: String,
    pub hint: String,
}

impl Diagnostic {
    pub fn error(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Error, path.into(), message.into())
    }

    pub fn warning(code: &'static str, path: impl Into<String>, message: impl Into<String>) -> Self {
        Self::new(code, Severity::Warning, path.into(), message.into())
    }

    fn new(code: &'static str, severity: Severity, path: String, message: String) -> Self {
        Diagnostic { code, severity, path, location: None, message, hint: String::new() }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = hint.into();
        self
    }

    pub fn at(mut self, location: Location) -> Self {
        self.location = Some(location);
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column`, or the path alone for problems with folders.
    pub fn place(&self) -> String {
        match &self.location {
            Some(l) => format!("{}:{}:{}", self.path, l.line, l.column),
            None => self.path.clone(),
        }
    }

    /// The sort key that makes every listing of diagnostics deterministic.
    fn sort_key(&self) -> (&str, usize, usize, &str, &str) {
        let (line, column) = self.location.as_ref().map_or((0, 0), |l| (l.line, l.column));
        (&self.path, line, column, self.code, &self.message)
    }

    /// Renders like a compiler: headline, place, source line with a caret, hint.
    pub fn render(&self, lang: Lang) -> String {
        let l = lang.labels();
        let severity = match self.severity {
            Severity::Error => l.error,
            Severity::Warning => l.warning,
        };
        let mut out = format!("{severity}[{}]: {}\n  --> {}\n", self.code, self.message, self.place());
        if let Some(l) = &self.location {
            let number = l.line.to_string();
            let pad = " ".repeat(number.len());
            let (shown, caret_at) = excerpt(&l.source_line, l.column.saturating_sub(1));
            let _ = writeln!(out, " {pad} |\n {number} | {shown}");
            let caret_pad = " ".repeat(caret_at);
            let _ = writeln!(out, " {pad} | {caret_pad}{}", "^".repeat(l.width.clamp(1, 80)));
        }
        if !self.hint.is_empty() {
            let _ = writeln!(out, "   = {}: {}", l.hint, self.hint);
        }
        out
    }
}

/// How many characters of a source line a rendered diagnostic shows.
const EXCERPT_CHARS: usize = 120;

/// The part of `line` around character `column` (0-based) that fits in
/// `EXCERPT_CHARS`, with `…` where it was cut, and where the caret goes in it.
/// A 10,000-character line still shows the place that is wrong.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return (line.to_string(), column.min(chars.len()));
    }
    let column = column.min(chars.len());
    let start = column.saturating_sub(EXCERPT_CHARS / 2).min(chars.len() - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, column - start + usize::from(start > 0))
}

/// Sorts diagnostics by place and drops exact repeats.
pub fn sort(diagnostics: &mut Vec<Diagnostic>) {
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    diagnostics.dedup();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn location_counts_lines_and_characters_not_bytes() {
        let text = "a = 1\nnamé = \"x\"\nbad = 2\n";
        let start = text.find("bad").unwrap();
        let l = Location::of_span(text, start..start + 3);
        assert_eq!((l.line, l.column, l.width), (3, 1, 3));
        assert_eq!(l.source_line, "bad = 2");
        let start = text.find("= \"x").unwrap();
        assert_eq!(Location::of_span(text, start..start + 1).column, 6);
    }

    #[test]
    fn location_of_a_span_past_the_end_or_inside_a_character_is_clamped() {
        let text = "é";
        let l = Location::of_span(text, 1..99);
        assert_eq!((l.line, l.column), (1, 1));
    }

    #[test]
    fn render_of_a_long_line_shows_the_part_around_the_column_with_the_caret_under_it() {
        let text = format!(
            "indicator = \"{}\"\nfoo{} = 1\n{}bad = 1\n",
            "x".repeat(10_000),
            "y".repeat(9_000),
            " ".repeat(5_000)
        );
        let at = text.find("bad").unwrap();
        let d = Diagnostic::error("unknown-key", "p.toml", "unknown key")
            .at(Location::of_span(&text, at..at + 3));
        let rendered = d.render(Lang::En);
        let lines: Vec<&str> = rendered.lines().collect();
        let source = lines.iter().find(|l| l.starts_with(" 3 | ")).unwrap();
        let caret = lines.iter().find(|l| l.trim_end().ends_with('^')).unwrap();
        assert!(source.chars().count() < 200, "{source}");
        let caret_column = caret.chars().position(|c| c == '^').unwrap();
        let under: String = source.chars().skip(caret_column).take(3).collect();
        assert_eq!(under, "bad");
        assert!(source.contains('…'));
    }

    #[test]
    fn excerpt_keeps_short_lines_whole_and_cuts_long_ones_at_both_ends() {
        assert_eq!(excerpt("abc", 1), ("abc".to_string(), 1));
        let long = "é".repeat(1_000);
        let (shown, caret) = excerpt(&long, 500);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().count(), EXCERPT_CHARS + 2);
        assert_eq!(caret, 500 - (500 - EXCERPT_CHARS / 2) + 1);
        let (shown, caret) = excerpt(&long, 999);
        assert!(shown.starts_with('…') && !shown.ends_with('…'));
        assert_eq!(shown.chars().nth(caret), Some('é'));
    }

    #[test]
    fn clip_cuts_long_quotes_and_keeps_short_ones() {
        assert_eq!(clip("Juli", 40), "Juli");
        let long = "x".repeat(100);
        let clipped = clip(&long, 40);
        assert_eq!(clipped.chars().count(), 40);
        assert!(clipped.ends_with('…'));
    }

    #[test]
    fn render_shows_place_source_line_caret_and_hint() {
        let text = "indicator = \"x\"\nevidnce = []\n";
        let d = Diagnostic::error("unknown-key", "plan/1-a/1-b/1-c.toml", "unknown key `evidnce`")
            .at(Location::of_span(text, 16..23))
            .with_hint("did you mean `evidence`?");
        assert_eq!(
            d.render(Lang::En),
            "error[unknown-key]: unknown key `evidnce`\n  --> plan/1-a/1-b/1-c.toml:2:1\n   |\n 2 | evidnce = []\n   | ^^^^^^^\n   = hint: did you mean `evidence`?\n"
        );
    }
}
