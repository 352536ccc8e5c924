//! Problems in the user's plan and evidence are data, not errors: a code
//! from the registry, a severity, a path, a place in the file and a kind
//! that carries the values explaining it. They are collected across the
//! whole tree, so one run reports every problem, and put into words only
//! when they are shown (`crate::text`, `crate::render::problems`).

mod code;
mod fatal;
mod kind;
mod lke;
mod note;
mod usage;

use std::collections::HashMap;

pub(crate) use crate::model::place::At;
pub(crate) use code::{Code, Severity};
pub(crate) use fatal::{Fatal, GitTrouble, HookMessage};
pub(crate) use kind::{Entry, Expected, GlobProblem, Kind, LooksLike, Place, UnsafeLayout, ValueKind};
pub(crate) use lke::LkeKind;
pub(crate) use note::Note;
pub(crate) use usage::{Tip, UsageError, UsageKind, Wanted};

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

    /// The order `sort` puts problems in: by place, then code.
    pub(crate) fn cmp_place(&self, other: &Problem) -> std::cmp::Ordering {
        self.sort_key().cmp(&other.sort_key())
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
    problems.sort_by(Problem::cmp_place);
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
    /// Path → line number → the line, for every line a problem points at.
    lines: HashMap<String, HashMap<u32, String>>,
}

impl Excerpts {
    /// The line a problem points at, as the file holds it now.
    pub(crate) fn line(&self, problem: &Problem) -> Option<&str> {
        let at = problem.at?;
        self.lines.get(&problem.path)?.get(&at.line).map(String::as_str)
    }

    /// Keeps the lines of `text` (the file at `path`) that `wanted` names.
    pub(crate) fn keep(&mut self, path: &str, text: &str, wanted: &std::collections::BTreeSet<u32>) {
        let kept = self.lines.entry(path.to_string()).or_default();
        for (number, line) in (1..).zip(text.split('\n')) {
            if wanted.contains(&number) {
                kept.insert(number, line.trim_end_matches('\r').to_string());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
