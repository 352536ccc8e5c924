//! What changed between two judgements of a plan on the same date: the
//! heart of `zi diff`. Indicators are matched by id; everything is listed
//! in plan order, target times moved later first.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use crate::judge::evaluate::{DocumentName, Evaluation, IndicatorReport, PeriodState, Status};
use crate::judge::score::AnswerChange;
use crate::model::month::YearMonth;
use crate::model::plan::{join, number_prefix};

/// An indicator as a change names it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Named {
    pub(crate) id: String,
    pub(crate) path: String,
    pub(crate) indicator: String,
}

/// The target time was rewritten and its deadlines moved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct TargetChange {
    #[serde(flatten)]
    pub(crate) named: Named,
    pub(crate) due_before: String,
    pub(crate) due_after: String,
    #[serde(serialize_with = "months")]
    pub(crate) deadlines_before: Vec<YearMonth>,
    #[serde(serialize_with = "months")]
    pub(crate) deadlines_after: Vec<YearMonth>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct StatusChange {
    #[serde(flatten)]
    pub(crate) named: Named,
    pub(crate) before: Status,
    pub(crate) after: Status,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PeriodChangeKind {
    /// Every document of the period is now there.
    Completed,
    /// It was complete and no longer is.
    Reopened,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct PeriodChange {
    #[serde(flatten)]
    pub(crate) named: Named,
    #[serde(serialize_with = "crate::model::month::serialize")]
    pub(crate) first: YearMonth,
    #[serde(serialize_with = "crate::model::month::serialize")]
    pub(crate) last: YearMonth,
    pub(crate) change: PeriodChangeKind,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum FileChangeKind {
    Added,
    Removed,
}

/// A document the file counts (or counted) for, in one period or dated folder.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) struct Counted {
    /// `2022-01..2022-07`, or the dated folder's name.
    pub(crate) period: String,
    pub(crate) document: DocumentName,
}

/// An evidence file that appeared or disappeared.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct FileChange {
    #[serde(flatten)]
    pub(crate) named: Named,
    /// Relative to the repository root.
    pub(crate) file: String,
    pub(crate) change: FileChangeKind,
    /// What it counts for on the side where it exists; empty when nothing.
    pub(crate) documents: Vec<Counted>,
}

/// Every change between `before` and `after`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Changes {
    /// Deadlines moved later, or dropped: the changes a reviewer must see.
    pub(crate) slipped: Vec<TargetChange>,
    /// Deadlines moved otherwise (earlier, or fewer of them at the end).
    pub(crate) target_changed: Vec<TargetChange>,
    pub(crate) status: Vec<StatusChange>,
    pub(crate) periods: Vec<PeriodChange>,
    pub(crate) documents: Vec<FileChange>,
    pub(crate) indicators_added: Vec<Named>,
    pub(crate) indicators_removed: Vec<Named>,
    /// Answers of assessments changed (filled in by `zi diff`, which reads
    /// the assessments of both sides).
    pub(crate) answers: Vec<AnswerChange>,
}

impl Changes {
    pub(crate) fn between(before: &Evaluation, after: &Evaluation) -> Changes {
        let old: BTreeMap<&str, &IndicatorReport> =
            before.indicators.iter().map(|r| (r.file.id.as_str(), r)).collect();
        let new: BTreeMap<&str, &IndicatorReport> =
            after.indicators.iter().map(|r| (r.file.id.as_str(), r)).collect();
        let mut changes = Changes::default();
        for report in sorted(&after.indicators) {
            match old.get(report.file.id.as_str()) {
                None => changes.indicators_added.push(named(report)),
                Some(previous) => changes.compare(previous, report),
            }
        }
        for report in sorted(&before.indicators) {
            if !new.contains_key(report.file.id.as_str()) {
                changes.indicators_removed.push(named(report));
            }
        }
        changes
    }

    fn compare(&mut self, before: &IndicatorReport, after: &IndicatorReport) {
        if let Some(change) = target_change(before, after) {
            let later = change.deadlines_before.iter().zip(&change.deadlines_after).any(|(b, a)| a > b)
                || (!change.deadlines_before.is_empty() && change.deadlines_after.is_empty());
            if later {
                self.slipped.push(change);
            } else {
                self.target_changed.push(change);
            }
        }
        if before.status != after.status {
            self.status.push(StatusChange {
                named: named(after),
                before: before.status,
                after: after.status,
            });
        }
        for period in &after.periods {
            let Some(previous) = before.periods.iter().find(|p| p.period == period.period) else { continue };
            let was = previous.state == PeriodState::Complete;
            let is = period.state == PeriodState::Complete;
            if was != is {
                self.periods.push(PeriodChange {
                    named: named(after),
                    first: period.period.first,
                    last: period.period.last,
                    change: if is { PeriodChangeKind::Completed } else { PeriodChangeKind::Reopened },
                });
            }
        }
        let (old, new) = (files(before), files(after));
        for (file, documents) in &new {
            if !old.contains_key(file) {
                self.documents.push(file_change(after, file, FileChangeKind::Added, documents));
            }
        }
        for (file, documents) in &old {
            if !new.contains_key(file) {
                self.documents.push(file_change(before, file, FileChangeKind::Removed, documents));
            }
        }
    }
}

fn months<S: serde::Serializer>(months: &[YearMonth], s: S) -> Result<S::Ok, S::Error> {
    s.collect_seq(months.iter().map(YearMonth::to_string))
}

/// Reports in plan order: by the numbers of their path, so that indicators
/// from both sides interleave as the plan lists them.
fn sorted(reports: &[IndicatorReport]) -> Vec<&IndicatorReport> {
    let mut sorted: Vec<&IndicatorReport> = reports.iter().collect();
    sorted.sort_by_key(|r| plan_order(&r.file.path));
    sorted
}

pub(crate) fn plan_order(path: &str) -> (Vec<Option<u32>>, String) {
    (path.split('/').map(number_prefix).collect(), path.to_string())
}

fn named(report: &IndicatorReport) -> Named {
    Named { id: report.file.id.clone(), path: report.file.path.clone(), indicator: report.text().to_string() }
}

/// The target change of an indicator whose target reads on both sides and
/// whose deadlines differ. Rewording alone ("Pebuari" → "Februari") is no
/// change in status.
fn target_change(before: &IndicatorReport, after: &IndicatorReport) -> Option<TargetChange> {
    let (b, a) = (before.whole()?, after.whole()?);
    // A target that no longer reads makes the indicator invalid: a status change.
    let readable = |due_text: &str, parsed: bool| parsed || due_text.trim().is_empty();
    if !readable(&b.due_text, b.due.is_some()) || !readable(&a.due_text, a.due.is_some()) {
        return None;
    }
    let deadlines = |r: &IndicatorReport| r.periods.iter().map(|p| p.period.last).collect::<Vec<_>>();
    let (deadlines_before, deadlines_after) = (deadlines(before), deadlines(after));
    (deadlines_before != deadlines_after).then(|| TargetChange {
        named: named(after),
        due_before: b.due_text.clone(),
        due_after: a.due_text.clone(),
        deadlines_before,
        deadlines_after,
    })
}

/// Every evidence file of an indicator (relative to its evidence folder)
/// and the documents it counts for.
fn files(report: &IndicatorReport) -> BTreeMap<String, BTreeSet<Counted>> {
    let mut files: BTreeMap<String, BTreeSet<Counted>> = BTreeMap::new();
    for file in &report.loose {
        files.entry(file.clone()).or_default();
    }
    let periods = report
        .periods
        .iter()
        .map(|p| (format!("{}..{}", p.period.first, p.period.last), &p.documents, &p.unmatched));
    let occurrences = report.occurrences.iter().map(|o| (o.folder.clone(), &o.documents, &o.unmatched));
    for (period, documents, unmatched) in periods.chain(occurrences) {
        for file in unmatched {
            files.entry(file.clone()).or_default();
        }
        for document in documents {
            for file in &document.files {
                let counted = Counted { period: period.clone(), document: document.name.clone() };
                files.entry(file.clone()).or_default().insert(counted);
            }
        }
    }
    files
}

fn file_change(
    report: &IndicatorReport,
    file: &str,
    change: FileChangeKind,
    documents: &BTreeSet<Counted>,
) -> FileChange {
    FileChange {
        named: named(report),
        file: join(&report.file.evidence, file),
        change,
        documents: documents.iter().cloned().collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_order_sorts_numbers_numerically() {
        let mut paths = vec!["plan/10-a/1-b/1-c.toml", "plan/2-a/1-b/10-c.toml", "plan/2-a/1-b/9-c.toml"];
        paths.sort_by_key(|p| plan_order(p));
        assert_eq!(paths, ["plan/2-a/1-b/9-c.toml", "plan/2-a/1-b/10-c.toml", "plan/10-a/1-b/1-c.toml"]);
    }
}
