//! Renderers. Commands compute; these modules only lay out what was
//! computed, as a terminal table, JSON, CSV, markdown or an HTML page. Everything here is
//! sorted by the plan's order and free of timestamps and absolute paths, so
//! a committed report diffs cleanly.

pub mod csv;
pub mod html;
pub mod json;
pub mod markdown;
pub mod table;

use serde::Serialize;

use crate::judge::changes::{
    Changes, FileChange, FileChangeKind, Named, PeriodChange, PeriodChangeKind, TargetChange,
};
use crate::judge::evaluate::{Evaluation, IndicatorReport, PeriodState, Progress, Status};
use crate::load::plan::{Area, Component};
use crate::model::month::YearMonth;
use crate::model::schedule::Period;
use crate::text::Lang;

/// Counts over a group of indicators.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Totals {
    pub indicators: usize,
    pub statuses: StatusCounts,
    pub to_date: Progress,
    pub year: Progress,
}

/// How many indicators have each status.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub struct StatusCounts {
    pub invalid: usize,
    pub overdue: usize,
    pub due: usize,
    pub on_track: usize,
    pub done: usize,
    pub occurrences: usize,
}

impl StatusCounts {
    pub fn get(&self, status: Status) -> usize {
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

    /// "2 terlambat, 1 jatuh tempo, 3 selesai", most urgent first.
    pub fn summary(&self, lang: Lang) -> String {
        Status::ALL
            .iter()
            .filter(|s| self.get(**s) > 0)
            .map(|s| format!("{} {}", self.get(*s), s.label(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    }
}

impl Totals {
    fn add(&mut self, report: &IndicatorReport) {
        self.indicators += 1;
        self.statuses.count(report.status);
        self.to_date.add(report.to_date);
        self.year.add(report.year);
    }

    fn merge(&mut self, other: &Totals) {
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

pub struct ComponentView<'a> {
    pub component: &'a Component,
    pub totals: Totals,
    pub indicators: Vec<&'a IndicatorReport>,
}

pub struct AreaView<'a> {
    pub area: &'a Area,
    pub totals: Totals,
    pub components: Vec<ComponentView<'a>>,
}

/// The plan as area → component → indicator, restricted to the selected
/// indicators, with totals at every level.
pub struct StatusView<'a> {
    pub eval: &'a Evaluation,
    pub areas: Vec<AreaView<'a>>,
    pub totals: Totals,
}

impl<'a> StatusView<'a> {
    pub fn new(eval: &'a Evaluation, selected: impl Fn(&IndicatorReport) -> bool) -> StatusView<'a> {
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

/// The header every report starts with: title, unit, year, as-of date.
pub struct Heading {
    pub title: String,
    pub unit: String,
    pub year: i32,
    pub as_of: String,
}

impl Heading {
    pub fn of(eval: &Evaluation, lang: Lang) -> Heading {
        let config = &eval.plan.config;
        Heading {
            title: config.title.clone().unwrap_or_else(|| lang.labels().default_title.to_string()),
            unit: config.unit.clone().unwrap_or_else(|| "?".to_string()),
            year: eval.plan.year,
            as_of: eval.as_of.format("%Y-%m-%d").to_string(),
        }
    }
}

/// `present/required`, or a dash when nothing is required.
pub fn fraction(p: Progress, lang: Lang) -> String {
    if p.required == 0 {
        lang.labels().none.to_string()
    } else {
        format!("{}/{}", p.present, p.required)
    }
}

/// The status as a person reads it; occurrences carry their count.
pub fn status_text(report: &IndicatorReport, lang: Lang) -> String {
    match report.status {
        Status::Occurrences => {
            format!(
                "{} ({})",
                report.status.label(lang),
                report.occurrences.iter().filter(|o| o.has_files()).count()
            )
        }
        s => s.label(lang).to_string(),
    }
}

pub fn next_deadline_text(report: &IndicatorReport, lang: Lang) -> String {
    report.next_deadline.map_or_else(|| lang.labels().none.to_string(), |m| lang.month(m))
}

/// "Juli 2022", "Agustus – Desember 2022", "November 2022 – Februari 2023".
pub fn period_text(period: Period, lang: Lang) -> String {
    let (first, last) = (period.first, period.last);
    if first == last {
        lang.month(last)
    } else if first.year() == last.year() {
        format!("{} – {}", lang.month_name(first.month()), lang.month(last))
    } else {
        format!("{} – {}", lang.month(first), lang.month(last))
    }
}

/// `present` out of `required` in whole percent, rounded down so that 100%
/// means complete.
pub fn percent(p: Progress) -> usize {
    (p.present * 100).checked_div(p.required).unwrap_or(0)
}

pub fn state_label(state: PeriodState, lang: Lang) -> &'static str {
    let l = lang.labels();
    match state {
        PeriodState::Complete => l.complete,
        PeriodState::Open => l.open,
        PeriodState::Due => l.due,
        PeriodState::Overdue => l.overdue,
    }
}

/// The indicator's text, or its path when the file could not be read.
pub fn indicator_text(report: &IndicatorReport) -> &str {
    report.indicator.as_ref().map_or(report.file.path.as_str(), |i| i.text.as_str())
}

/// At most `max` characters, cut at a word and marked with `…`.
pub fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut: String = text.chars().take(max.saturating_sub(1)).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', ';', ' ']))
}

/// `zi diff`'s report: the changes, the two sides as the user named them,
/// and the later side's evaluation for the heading.
pub struct DiffView<'a> {
    pub eval: &'a Evaluation,
    pub from: String,
    /// `None` for the working tree.
    pub to: Option<String>,
    pub changes: &'a Changes,
}

impl DiffView<'_> {
    /// The later side as a person reads it.
    pub fn to_text(&self, lang: Lang) -> &str {
        self.to.as_deref().unwrap_or(lang.labels().working_tree)
    }
}

/// One titled list of changes, as the table and markdown reports print it.
pub struct DiffSection<'a> {
    pub title: &'static str,
    /// Deadlines moved later: printed first and marked.
    pub prominent: bool,
    pub rows: Vec<DiffRow<'a>>,
}

pub struct DiffRow<'a> {
    pub id: &'a str,
    pub change: String,
    pub indicator: &'a str,
}

/// The non-empty sections of `changes`, slipped deadlines first.
pub fn diff_sections<'a>(changes: &'a Changes, lang: Lang) -> Vec<DiffSection<'a>> {
    let l = lang.labels();
    let row =
        |named: &'a Named, change: String| DiffRow { id: &named.id, change, indicator: &named.indicator };
    let due =
        |text: &str| if text.trim().is_empty() { l.no_target.to_string() } else { format!("\"{text}\"") };
    let target =
        |c: &'a TargetChange| row(&c.named, format!("{} → {}", due(&c.due_before), due(&c.due_after)));
    let period =
        |c: &'a PeriodChange| row(&c.named, period_text(Period { first: c.first, last: c.last }, lang));
    let file = |c: &'a FileChange| {
        let counted = if c.documents.is_empty() {
            l.matches_no_document.to_string()
        } else {
            c.documents
                .iter()
                .map(|d| format!("{}, {}", d.document, counted_period_text(&d.period, lang)))
                .collect::<Vec<_>>()
                .join("; ")
        };
        row(&c.named, format!("{} ({counted})", c.file))
    };
    let sections = vec![
        DiffSection { title: l.slipped, prominent: true, rows: changes.slipped.iter().map(target).collect() },
        DiffSection {
            title: l.target_changed,
            prominent: false,
            rows: changes.target_changed.iter().map(target).collect(),
        },
        DiffSection {
            title: l.status_changed,
            prominent: false,
            rows: changes
                .status
                .iter()
                .map(|c| row(&c.named, format!("{} → {}", c.before.label(lang), c.after.label(lang))))
                .collect(),
        },
        DiffSection {
            title: l.periods_completed,
            prominent: false,
            rows: changes
                .periods
                .iter()
                .filter(|c| c.change == PeriodChangeKind::Completed)
                .map(period)
                .collect(),
        },
        DiffSection {
            title: l.periods_reopened,
            prominent: false,
            rows: changes
                .periods
                .iter()
                .filter(|c| c.change == PeriodChangeKind::Reopened)
                .map(period)
                .collect(),
        },
        DiffSection {
            title: l.documents_added,
            prominent: false,
            rows: changes.documents.iter().filter(|c| c.change == FileChangeKind::Added).map(file).collect(),
        },
        DiffSection {
            title: l.documents_removed,
            prominent: false,
            rows: changes
                .documents
                .iter()
                .filter(|c| c.change == FileChangeKind::Removed)
                .map(file)
                .collect(),
        },
        DiffSection {
            title: l.indicators_added,
            prominent: false,
            rows: changes.indicators_added.iter().map(|n| row(n, n.path.clone())).collect(),
        },
        DiffSection {
            title: l.indicators_removed,
            prominent: false,
            rows: changes.indicators_removed.iter().map(|n| row(n, n.path.clone())).collect(),
        },
    ];
    sections.into_iter().filter(|s| !s.rows.is_empty()).collect()
}

/// A `Counted` period: `2022-01..2022-07` in words, or a dated folder's name.
fn counted_period_text(period: &str, lang: Lang) -> String {
    let months = period
        .split_once("..")
        .and_then(|(a, b)| Some((YearMonth::parse_folder(a)?, YearMonth::parse_folder(b)?)));
    match months {
        Some((first, last)) => period_text(Period { first, last }, lang),
        None => period.to_string(),
    }
}
