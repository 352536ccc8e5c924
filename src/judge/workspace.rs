//! A workspace judged: each unit's evaluation with its IDs prefixed by the
//! unit's tag (`balit-palma:III.2.1`) and its paths taken from the
//! workspace root, and the table of units that heads every report at the
//! root. The units themselves are judged exactly as they would be alone.

use std::cmp::Reverse;
use std::sync::Arc;

use rust_decimal::Decimal;

use crate::judge::evaluate::Evaluation;
use crate::judge::view::Totals;
use crate::model::plan::{join, IndicatorFile};
use crate::problem::Problem;

/// Gives every ID of `eval` the prefix `tag:` and every path (of the plan,
/// of the evidence, of the problems) the folder `rel`, so that reports at
/// the workspace root name things as seen from there.
pub(crate) fn prefix(eval: &mut Evaluation, tag: &str, rel: &str) {
    let tagged = |id: &str| format!("{tag}:{id}");
    let mut files = Vec::with_capacity(eval.indicators.len());
    for area in &mut eval.plan.areas {
        area.id = tagged(&area.id);
        area.path = join(rel, &area.path);
        for component in &mut area.components {
            component.id = tagged(&component.id);
            component.path = join(rel, &component.path);
            for file in &mut component.indicators {
                *file = Arc::new(IndicatorFile {
                    id: tagged(&file.id),
                    path: join(rel, &file.path),
                    evidence: join(rel, &file.evidence),
                });
                files.push(Arc::clone(file));
            }
        }
    }
    // The reports are the plan's indicators, one each, in the plan's order.
    for (report, file) in eval.indicators.iter_mut().zip(files) {
        report.file = file;
        if let Some(problem) = &mut report.problem {
            problem.path = join(rel, &problem.path);
        }
    }
    for skipped in &mut eval.plan.unfollowed_evidence {
        *skipped = join(rel, skipped);
    }
    prefix_problems(&mut eval.problems, rel);
}

/// `problems` with their paths taken from the workspace root.
pub(crate) fn prefix_problems(problems: &mut [Problem], rel: &str) {
    for problem in problems {
        problem.path = join(rel, &problem.path);
    }
}

/// A unit's LKE score, when it has been assessed (or, where a report asks
/// for it, projected from the evidence).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct UnitScore {
    pub(crate) total: Decimal,
    pub(crate) projection: bool,
}

/// One line of the table of units.
#[derive(Clone, Debug)]
pub(crate) struct UnitRow<'a> {
    pub(crate) tag: &'a str,
    /// The unit's folder from the workspace root.
    pub(crate) rel: &'a str,
    /// `zi.toml`'s `unit`; `None` when it names none, or there is no `zi.toml`.
    pub(crate) unit: Option<&'a str>,
    pub(crate) year: Option<i32>,
    /// `None` when nothing was judged: a folder that is no unit (no
    /// `zi.toml`, then `no_zi_toml`), or a unit zi could not judge.
    pub(crate) totals: Option<Totals>,
    /// Whether the folder holds no `zi.toml` (`not-a-unit`).
    pub(crate) no_zi_toml: bool,
    pub(crate) score: Option<UnitScore>,
    pub(crate) errors: usize,
    pub(crate) warnings: usize,
}

impl UnitRow<'_> {
    /// The row of a judged unit: its totals over what the report keeps.
    pub(crate) fn judged<'a>(
        tag: &'a str,
        rel: &'a str,
        eval: &'a Evaluation,
        totals: Totals,
        score: Option<UnitScore>,
    ) -> UnitRow<'a> {
        let (errors, warnings) = eval.counts();
        UnitRow {
            tag,
            rel,
            unit: eval.plan.config.unit.as_deref(),
            year: eval.plan.config.year,
            totals: Some(totals),
            no_zi_toml: false,
            score,
            errors,
            warnings,
        }
    }

    /// What comes first in a table sorted by what needs attention: a folder
    /// that is no unit, then the units with errors (a file zi cannot read:
    /// what it says of the unit is not the whole story), the most first,
    /// then the most invalid, overdue and due indicators, the smallest
    /// share of documents to date, and then the folder's name.
    fn attention(&self) -> impl Ord + '_ {
        let statuses = self.totals.as_ref().map(|t| {
            let s = &t.statuses;
            (Reverse(s.invalid), Reverse(s.overdue), Reverse(s.due))
        });
        let share = self.totals.as_ref().map(|t| Share(t.to_date.present, t.to_date.required));
        (self.totals.is_some(), Reverse(self.errors), statuses, share, self.tag)
    }
}

/// A share `present / required`, ordered by its value (an empty one is whole).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Share(usize, usize);

impl Share {
    fn ratio(self) -> (u128, u128) {
        if self.1 == 0 {
            (1, 1)
        } else {
            (self.0 as u128, self.1 as u128)
        }
    }
}

impl Ord for Share {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        let ((a, b), (c, d)) = (self.ratio(), other.ratio());
        (a * d).cmp(&(c * b))
    }
}

impl PartialOrd for Share {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

/// The table of units, and the totals over all of them.
pub(crate) struct UnitsView<'a> {
    /// Sorted by what needs attention (`UnitRow::attention`).
    pub(crate) rows: Vec<UnitRow<'a>>,
    pub(crate) totals: Totals,
}

impl<'a> UnitsView<'a> {
    pub(crate) fn new(mut rows: Vec<UnitRow<'a>>) -> UnitsView<'a> {
        rows.sort_by(|a, b| a.attention().cmp(&b.attention()));
        let mut totals = Totals::default();
        for row in rows.iter().filter_map(|r| r.totals.as_ref()) {
            totals.merge(row);
        }
        UnitsView { rows, totals }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::view::StatusCounts;

    fn row(tag: &str, overdue: usize, present: usize, judged: bool) -> UnitRow<'_> {
        let totals = Totals {
            indicators: 4,
            statuses: StatusCounts { overdue, done: 4 - overdue, ..StatusCounts::default() },
            to_date: crate::judge::evaluate::Progress { present, required: 10 },
            year: crate::judge::evaluate::Progress { present, required: 20 },
        };
        UnitRow {
            tag,
            rel: tag,
            unit: None,
            year: Some(2022),
            totals: judged.then_some(totals),
            no_zi_toml: !judged,
            score: None,
            errors: 0,
            warnings: 0,
        }
    }

    #[test]
    fn a_unit_with_errors_comes_before_an_overdue_one() {
        let mut broken = row("broken", 0, 0, true);
        broken.totals.as_mut().unwrap().indicators = 0;
        broken.errors = 1;
        let view = UnitsView::new(vec![row("late", 4, 0, true), broken, row("none", 0, 0, false)]);
        let order: Vec<&str> = view.rows.iter().map(|r| r.tag).collect();
        assert_eq!(order, ["none", "broken", "late"]);
    }

    #[test]
    fn units_that_need_attention_come_first() {
        let rows =
            vec![row("a", 0, 9, true), row("b", 2, 9, true), row("c", 0, 3, true), row("d", 0, 0, false)];
        let view = UnitsView::new(rows);
        let order: Vec<&str> = view.rows.iter().map(|r| r.tag).collect();
        assert_eq!(order, ["d", "b", "c", "a"]);
        assert_eq!(view.totals.indicators, 12);
        assert_eq!(view.totals.statuses.overdue, 2);
        assert_eq!(view.totals.to_date.present, 21);
    }
}
