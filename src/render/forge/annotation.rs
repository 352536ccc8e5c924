//! One annotation, whatever the forge: what it is about, where, and what
//! it says in the chosen language.

use crate::judge::overdue::{Entry, Lateness};
use crate::problem::Problem;
use crate::render::problems;
use crate::render::words::{entry_missing, entry_when, lateness_label};
use crate::text::Lang;

/// How much an annotation matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Level {
    /// A plan error, or an indicator that cannot be judged.
    Error,
    /// A warning of `zi check`, or a period that passed its deadline.
    Warning,
    /// A period due soon (`zi overdue --within`).
    Notice,
}

/// One annotation, in the words of the chosen language.
pub(super) struct Annotation {
    pub(super) level: Level,
    /// Relative to the top of the repository.
    pub(super) path: String,
    pub(super) line: Option<u32>,
    pub(super) column: Option<u32>,
    /// The problem's code, or `overdue` / `due-soon`.
    pub(super) check: &'static str,
    pub(super) title: String,
    pub(super) message: String,
    /// What identifies the annotation from run to run and in every
    /// language: its check, place and the English message.
    pub(super) identity: String,
}

impl Annotation {
    /// A problem of `zi check`, or the error that makes an indicator invalid.
    pub(super) fn of_problem(p: &Problem, level: Level, lang: Lang, prefix: &str) -> Annotation {
        let (line, column) = (p.at.map(|at| at.line), p.at.map(|at| at.column));
        let path = format!("{}{}", prefix, p.path);
        let code = p.code().name();
        let l = lang.labels();
        let message = format!("{}\n{}: {}", problems::message(p, lang), l.hint, problems::hint(p, lang));
        // Not the line: a problem keeps its fingerprint when lines above it move.
        let identity = format!("{code}\0{path}\0{}", problems::message(p, Lang::En));
        Annotation { level, path, line, column, check: code, title: format!("zi {code}"), message, identity }
    }

    /// An entry of `zi overdue`.
    pub(super) fn of_entry(e: &Entry, lang: Lang, prefix: &str) -> Annotation {
        let report = e.report;
        if let (Lateness::Invalid, Some(problem)) = (e.lateness, report.problem.as_deref()) {
            let annotation = Annotation::of_problem(problem, Level::Error, lang, prefix);
            let title =
                format!("{} {} ({})", report.file.id, lateness_label(e.lateness, lang), annotation.check);
            return Annotation { title, ..annotation };
        }
        let (level, check) = match e.lateness {
            Lateness::DueSoon => (Level::Notice, "due-soon"),
            Lateness::Overdue => (Level::Warning, "overdue"),
            Lateness::Invalid => (Level::Error, "invalid"),
        };
        let l = lang.labels();
        let month = e.period.map(|p| p.period.last);
        let when = month.map(|m| format!(" ({})", lang.month(m))).unwrap_or_default();
        let title = format!("{} {}{when}", report.file.id, lateness_label(e.lateness, lang));
        let message = format!(
            "{}\n{}: {}\n{}",
            report.text(),
            l.missing,
            entry_missing(e, lang, ", "),
            entry_when(e, lang)
        );
        let path = format!("{}{}", prefix, report.file.path);
        let identity = format!("{check}\0{path}\0{}", month.map(|m| m.to_string()).unwrap_or_default());
        Annotation { level, path, line: None, column: None, check, title, message, identity }
    }
}
