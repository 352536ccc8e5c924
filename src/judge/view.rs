//! What the reports show, computed once for every format: the plan as
//! area → component → indicator with totals, one indicator in full, the
//! overdue list, the problems, the changes. Renderers lay these out.

use serde::Serialize;

use crate::judge::changes::Changes;
use crate::judge::evaluate::{Evaluation, IndicatorReport, Progress, Status};
use crate::judge::overdue::Entry;
use crate::model::plan::{Area, Component};
use crate::problem::{Excerpts, Problem};

/// Counts over a group of indicators.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Totals {
    pub(crate) indicators: usize,
    pub(crate) statuses: StatusCounts,
    pub(crate) to_date: Progress,
    pub(crate) year: Progress,
}

/// How many indicators have each status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) struct StatusCounts {
    pub(crate) invalid: usize,
    pub(crate) overdue: usize,
    pub(crate) due: usize,
    pub(crate) on_track: usize,
    pub(crate) done: usize,
    pub(crate) occurrences: usize,
}

impl StatusCounts {
    pub(crate) fn get(&self, status: Status) -> usize {
        match status {
            Status::Invalid => self.invalid,
            Status::Overdue => self.overdue,
            Status::Due => self.due,
            Status::OnTrack => self.on_track,
            Status::Done => self.done,
            Status::Occurrences => self.occurrences,
        }
    }

    fn count(&mut self, status: Status) {
        *match status {
            Status::Invalid => &mut self.invalid,
            Status::Overdue => &mut self.overdue,
            Status::Due => &mut self.due,
            Status::OnTrack => &mut self.on_track,
            Status::Done => &mut self.done,
            Status::Occurrences => &mut self.occurrences,
        } += 1;
    }
}

impl Totals {
    fn add(&mut self, report: &IndicatorReport) {
        self.indicators += 1;
        self.statuses.count(report.status);
        self.to_date.add(report.to_date);
        self.year.add(report.year);
    }

    pub(crate) fn merge(&mut self, other: &Totals) {
        self.indicators += other.indicators;
        self.to_date.add(other.to_date);
        self.year.add(other.year);
        for status in Status::ALL {
            for _ in 0..other.statuses.get(status) {
                self.statuses.count(status);
            }
        }
    }
}

pub(crate) struct ComponentView<'a> {
    pub(crate) component: &'a Component,
    pub(crate) totals: Totals,
    pub(crate) indicators: Vec<&'a IndicatorReport>,
}

pub(crate) struct AreaView<'a> {
    pub(crate) area: &'a Area,
    pub(crate) totals: Totals,
    pub(crate) components: Vec<ComponentView<'a>>,
}

/// The plan as area → component → indicator, restricted to the selected
/// indicators, with totals at every level.
pub(crate) struct StatusView<'a> {
    pub(crate) eval: &'a Evaluation,
    pub(crate) areas: Vec<AreaView<'a>>,
    pub(crate) totals: Totals,
}

impl<'a> StatusView<'a> {
    pub(crate) fn new(eval: &'a Evaluation, selected: impl Fn(&IndicatorReport) -> bool) -> StatusView<'a> {
        let mut reports = eval.indicators.iter();
        let mut areas = Vec::new();
        let mut totals = Totals::default();
        for area in &eval.plan.areas {
            let mut view = AreaView { area, totals: Totals::default(), components: Vec::new() };
            for component in &area.components {
                let mut cv = ComponentView { component, totals: Totals::default(), indicators: Vec::new() };
                for report in reports.by_ref().take(component.indicators.len()).filter(|r| selected(r)) {
                    cv.totals.add(report);
                    cv.indicators.push(report);
                }
                if !cv.indicators.is_empty() {
                    view.totals.merge(&cv.totals);
                    view.components.push(cv);
                }
            }
            if !view.components.is_empty() {
                totals.merge(&view.totals);
                areas.push(view);
            }
        }
        StatusView { eval, areas, totals }
    }
}

/// `zi diff`'s report: the changes, the two sides as the user named them,
/// and the later side's evaluation for the heading.
pub(crate) struct DiffView<'a> {
    pub(crate) eval: &'a Evaluation,
    pub(crate) from: String,
    /// `None` for the working tree.
    pub(crate) to: Option<String>,
    pub(crate) changes: &'a Changes,
}

/// `zi overdue`'s report.
pub(crate) struct OverdueView<'a> {
    pub(crate) eval: &'a Evaluation,
    pub(crate) entries: Vec<Entry<'a>>,
}

/// `zi show`'s report: one indicator and the problems in its files.
pub(crate) struct ShowView<'a> {
    pub(crate) eval: &'a Evaluation,
    pub(crate) report: &'a IndicatorReport,
    pub(crate) problems: Vec<&'a Problem>,
    pub(crate) excerpts: Excerpts,
}

impl<'a> ShowView<'a> {
    /// The indicator `report` and the problems in its plan file and
    /// evidence folder; the lines they quote are the caller's to read.
    pub(crate) fn new(eval: &'a Evaluation, report: &'a IndicatorReport) -> ShowView<'a> {
        let folder = format!("{}/", report.file.evidence);
        let problems: Vec<&Problem> = eval
            .problems
            .iter()
            .filter(|d| d.path == report.file.path || d.path.starts_with(&folder))
            .collect();
        ShowView { eval, report, problems, excerpts: Excerpts::default() }
    }
}

/// `zi check`'s report, or one part of it (a large check is written as it
/// is judged): problems in order, the files they point into, and where the
/// part stands in the whole.
pub(crate) struct CheckView<'a> {
    pub(crate) problems: &'a [Problem],
    pub(crate) excerpts: Excerpts,
    /// Whether this is the first part.
    pub(crate) first: bool,
    /// How many problems the parts before this one listed.
    pub(crate) before: usize,
    /// The count of errors and of warnings of the whole check, given with
    /// its last part only. JSON, which writes the counts before the
    /// problems, is always given the whole check in one part.
    pub(crate) totals: Option<(usize, usize)>,
}

impl<'a> CheckView<'a> {
    /// A whole check in one part.
    pub(crate) fn whole(problems: &'a [Problem], excerpts: Excerpts) -> CheckView<'a> {
        CheckView {
            problems,
            excerpts,
            first: true,
            before: 0,
            totals: Some(crate::problem::count(problems)),
        }
    }

    /// The counts to print after the last part; `None` on the parts before
    /// and when the check found nothing.
    pub(crate) fn closing_totals(&self) -> Option<(usize, usize)> {
        self.totals.filter(|totals| *totals != (0, 0))
    }
}
