//! Problems in the user's plan and evidence are data, not errors: a code
//! from the registry, a severity, a path, a place in the file and a kind
//! that carries the values explaining it. They are collected across the
//! whole tree, so one run reports every problem, and put into words only
//! when they are shown (`crate::text`, `crate::render::problems`).

mod code;
mod fatal;
mod kind;

use std::collections::HashMap;
use std::ops::Range;

pub(crate) use code::{Code, Severity};
pub(crate) use fatal::{Fatal, HookMessage, Note};
pub(crate) use kind::{Entry, Expected, GlobProblem, Kind, UnsafeLayout, ValueKind};

/// Where in a file a problem is: 1-based line and column (in characters),
/// and how many characters the caret underlines. The source line itself is
/// read again when a problem is rendered with its excerpt, so a plan with
/// many problems does not keep a copy of every line.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct At {
    pub(crate) line: u32,
    pub(crate) column: u32,
    pub(crate) width: u32,
}

impl At {
    /// The place of the byte range `span` in `text`. Offsets past the end or
    /// inside a character are clamped, so a bad span never panics.
    pub(crate) fn of_span(text: &str, span: Range<usize>) -> At {
        let start = floor_char_boundary(text, span.start);
        let end = floor_char_boundary(text, span.end.max(start));
        let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        // A plan file is at most 1 MiB, so its counts fit; saturate anyway.
        let count = |n: usize| u32::try_from(n).unwrap_or(u32::MAX);
        At {
            line: count(text[..start].matches('\n').count() + 1),
            column: count(text[line_start..start].chars().count() + 1),
            width: count(text[start..end.min(line_end)].chars().count().max(1)),
        }
    }
}

pub(crate) fn floor_char_boundary(text: &str, mut offset: usize) -> usize {
    offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    offset
}

/// One problem in a user's file or folder.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub(crate) kind: Kind,
    pub(crate) severity: Severity,
    /// Path relative to the repository root, `/`-separated.
    pub(crate) path: String,
    pub(crate) at: Option<At>,
}

impl Problem {
    /// A problem at its code's severity.
    pub(crate) fn new(kind: Kind, path: impl Into<String>) -> Problem {
        let severity = kind.code().severity();
        Problem { kind, severity, path: path.into(), at: None }
    }

    pub(crate) fn at(mut self, at: At) -> Problem {
        self.at = Some(at);
        self
    }

    pub(crate) fn with_severity(mut self, severity: Severity) -> Problem {
        self.severity = severity;
        self
    }

    pub(crate) fn code(&self) -> Code {
        self.kind.code()
    }

    pub(crate) fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }

    /// `path:line:column`, or the path alone for problems with folders.
    pub(crate) fn place(&self) -> String {
        match &self.at {
            Some(at) => format!("{}:{}:{}", self.path, at.line, at.column),
            None => self.path.clone(),
        }
    }

    fn sort_key(&self) -> (&str, u32, u32, Code) {
        let (line, column) = self.at.map_or((0, 0), |at| (at.line, at.column));
        (&self.path, line, column, self.code())
    }
}

/// Sorts problems by place (a stable sort: problems at the same place keep
/// the order they were found in, which is the same on every run) and drops
/// exact repeats.
pub(crate) fn sort(problems: &mut Vec<Problem>) {
    problems.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    problems.dedup();
}

/// The count of errors and of warnings.
pub(crate) fn count(problems: &[Problem]) -> (usize, usize) {
    let errors = problems.iter().filter(|p| p.is_error()).count();
    (errors, problems.len() - errors)
}

/// The texts of the files problems point into, so that a rendering can
/// quote the line (problems keep only line and column).
#[derive(Debug, Default)]
pub(crate) struct Excerpts {
    /// Path → text, for the files with a problem at a line.
    pub(crate) texts: HashMap<String, String>,
}

impl Excerpts {
    /// The line a problem points at, as the file holds it now.
    pub(crate) fn line(&self, problem: &Problem) -> Option<&str> {
        let at = problem.at?;
        let text = self.texts.get(&problem.path)?;
        text.split('\n').nth(usize::try_from(at.line.checked_sub(1)?).ok()?).map(|l| l.trim_end_matches('\r'))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_place_counts_lines_and_characters_not_bytes() {
        let text = "a = 1\nnamé = \"x\"\nbad = 2\n";
        let start = text.find("bad").unwrap();
        assert_eq!(At::of_span(text, start..start + 3), At { line: 3, column: 1, width: 3 });
        let start = text.find("= \"x").unwrap();
        assert_eq!(At::of_span(text, start..start + 1).column, 6);
    }

    #[test]
    fn a_span_past_the_end_or_inside_a_character_is_clamped() {
        let at = At::of_span("é", 1..99);
        assert_eq!((at.line, at.column), (1, 1));
    }

    /// Large plans hold a problem per misfiled or unmatched file.
    #[test]
    fn a_problem_stays_small() {
        assert!(std::mem::size_of::<Problem>() <= 112, "{}", std::mem::size_of::<Problem>());
    }

    #[test]
    fn a_problem_takes_its_codes_severity_unless_told_otherwise() {
        let p = Problem::new(Kind::NoDue, "plan/x.toml");
        assert_eq!((p.code(), p.severity), (Code::NoDue, Severity::Warning));
        assert!(Problem::new(Kind::LinkNotFollowed, "plan/x").with_severity(Severity::Error).is_error());
    }
}
