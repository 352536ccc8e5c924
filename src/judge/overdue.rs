//! The overdue list: what passed its deadline without complete evidence,
//! and, on request, what is due soon. `zi overdue`, the HTML report and
//! the commit hook all read it from here.

use serde::Serialize;

use crate::model::month::YearMonth;
use crate::problem::{Code, Problem};

use crate::judge::evaluate::{Evaluation, IndicatorReport, PeriodReport, PeriodState, Status};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Lateness {
    /// The file cannot be read or understood.
    Invalid,
    /// The period ended before this month.
    Overdue,
    /// The period ends within the `--within` window; listed, not counted.
    DueSoon,
}

/// One line of the overdue list.
pub(crate) struct Entry<'a> {
    pub(crate) report: &'a IndicatorReport,
    pub(crate) period: Option<&'a PeriodReport>,
    pub(crate) lateness: Lateness,
    /// Days from the as-of date to the end of the period (negative when late).
    pub(crate) days: i64,
}

/// Overdue periods and invalid indicators in plan order, then, with
/// `within`, periods ending in the next `within` days.
pub(crate) fn entries(eval: &Evaluation, within: Option<u32>) -> Vec<Entry<'_>> {
    let mut late = Vec::new();
    let mut soon = Vec::new();
    for report in &eval.indicators {
        if report.status == Status::Invalid {
            late.push(Entry { report, period: None, lateness: Lateness::Invalid, days: 0 });
            continue;
        }
        for period in &report.periods {
            let days = (period.period.deadline() - eval.as_of).num_days();
            match period.state {
                PeriodState::Overdue => {
                    late.push(Entry { report, period: Some(period), lateness: Lateness::Overdue, days })
                }
                PeriodState::Due | PeriodState::Open if within.is_some_and(|w| days <= i64::from(w)) => {
                    soon.push(Entry { report, period: Some(period), lateness: Lateness::DueSoon, days })
                }
                _ => {}
            }
        }
    }
    late.extend(soon);
    late
}

/// Whether the list fails a hook: anything overdue or invalid, or any error
/// in the plan. "Anything invalid" is any error, not only an unreadable
/// indicator: a misnamed indicator file or a broken zi.toml is skipped or
/// guessed around, and a hook that passed over it would hide it.
pub(crate) fn fails(eval: &Evaluation, entries: &[Entry]) -> bool {
    entries.iter().any(|e| e.lateness != Lateness::DueSoon) || eval.has_errors()
}

/// What was already late in an earlier state of the plan (a commit): each
/// document missing from an overdue period and each invalid indicator, by
/// plan file, and the errors by code and place. The commit gate counts only
/// what is not in it: a period that became overdue, and also a document
/// removed from a period that was overdue already.
#[derive(Debug, Default)]
pub(crate) struct Baseline {
    late: std::collections::HashSet<Late>,
    errors: std::collections::HashSet<(Code, String)>,
}

/// `(plan file, deadline, missing document)`; the deadline and document
/// are `None` for an invalid indicator, the document for the unnamed one.
type Late = (String, Option<YearMonth>, Option<String>);

impl Baseline {
    /// What is late in `eval`.
    pub(crate) fn of(eval: &Evaluation) -> Baseline {
        let mut baseline = Baseline::default();
        for entry in entries(eval, None) {
            baseline.late.extend(keys(&entry));
        }
        baseline.errors = eval.problems.iter().filter(|p| p.is_error()).map(error_key).collect();
        baseline
    }

    /// The baseline of a unit whose paths are taken from the workspace
    /// root, the unit's folder being `rel` (as `crate::judge::workspace::prefix`
    /// takes a unit's evaluation).
    pub(crate) fn prefixed(self, rel: &str) -> Baseline {
        let join = |path: String| crate::model::plan::join(rel, &path);
        Baseline {
            late: self.late.into_iter().map(|(path, last, doc)| (join(path), last, doc)).collect(),
            errors: self.errors.into_iter().map(|(code, path)| (code, join(path))).collect(),
        }
    }

    /// Whether `entry` (overdue or invalid) was not so in the baseline.
    /// Periods due soon are never new: they do not count at all.
    pub(crate) fn is_new(&self, entry: &Entry) -> bool {
        entry.lateness != Lateness::DueSoon && keys(entry).iter().any(|k| !self.late.contains(k))
    }
}

fn keys(entry: &Entry) -> Vec<Late> {
    let path = &entry.report.file.path;
    match entry.period {
        None => vec![(path.clone(), None, None)],
        Some(period) => period
            .missing()
            .map(|doc| (path.clone(), Some(period.period.last), doc.map(str::to_string)))
            .collect(),
    }
}

fn error_key(problem: &Problem) -> (Code, String) {
    (problem.code(), problem.path.clone())
}

/// How many things are new since `baseline`: listed entries, and errors in
/// files no new entry names (an indicator made invalid is one thing, however
/// many errors its file has). With no baseline (no commit yet) nothing is.
pub(crate) fn new_since(eval: &Evaluation, entries: &[Entry], baseline: Option<&Baseline>) -> usize {
    let Some(baseline) = baseline else { return 0 };
    let new: Vec<&Entry> = entries.iter().filter(|e| baseline.is_new(e)).collect();
    let named: std::collections::HashSet<&str> = new.iter().map(|e| e.report.file.path.as_str()).collect();
    let errors = eval
        .problems
        .iter()
        .filter(|p| p.is_error() && !named.contains(p.path.as_str()))
        .filter(|p| !baseline.errors.contains(&error_key(p)))
        .count();
    new.len() + errors
}
