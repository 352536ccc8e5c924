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

use crate::i18n::Lang;
use crate::plan::{Area, Component};
use crate::schedule::Period;
use crate::status::{Evaluation, IndicatorReport, PeriodState, Progress, Status};

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
