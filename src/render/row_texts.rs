//! The short texts of the status table's rows (fractions, months, the
//! occurrence status), each made once for the whole table: the table makes
//! every row twice (measured, then written), and a plan of 10,000
//! indicators has a few hundred distinct values of each, not 40,000.

use rustc_hash::FxHashMap;

use crate::judge::evaluate::{IndicatorReport, Progress, Status};
use crate::judge::view::AreaView;
use crate::model::month::YearMonth;
use crate::render::words::{fraction, status_text, StatusLabel};
use crate::text::Lang;

/// Every fraction, month and occurrence status of the rows of `areas`.
pub(crate) struct RowTexts {
    lang: Lang,
    fractions: FxHashMap<(usize, usize), String>,
    months: FxHashMap<YearMonth, String>,
    /// The status of an indicator of occurrences, by how many have files.
    occurrences: FxHashMap<usize, String>,
}

impl RowTexts {
    pub(crate) fn of(areas: &[AreaView], lang: Lang) -> RowTexts {
        let mut texts = RowTexts {
            lang,
            fractions: FxHashMap::default(),
            months: FxHashMap::default(),
            occurrences: FxHashMap::default(),
        };
        for component in areas.iter().flat_map(|a| &a.components) {
            texts.add_fraction(component.totals.to_date);
            texts.add_fraction(component.totals.year);
            for report in &component.indicators {
                texts.add_fraction(report.to_date);
                texts.add_fraction(report.year);
                if let Some(month) = report.next_deadline {
                    texts.months.entry(month).or_insert_with(|| lang.month(month));
                }
                if report.status == Status::Occurrences {
                    texts.occurrences.entry(with_files(report)).or_insert_with(|| status_text(report, lang));
                }
            }
        }
        texts
    }

    pub(crate) fn lang(&self) -> Lang {
        self.lang
    }

    fn add_fraction(&mut self, p: Progress) {
        if p.required > 0 {
            let lang = self.lang;
            self.fractions.entry((p.present, p.required)).or_insert_with(|| fraction(p, lang));
        }
    }

    /// `fraction(p)`: the dash of none when nothing is required.
    pub(crate) fn fraction(&self, p: Progress) -> &str {
        match p.required {
            0 => self.lang.labels().none,
            _ => self.fractions.get(&(p.present, p.required)).map_or("", String::as_str),
        }
    }

    /// `lang.month(month)`.
    pub(crate) fn month(&self, month: YearMonth) -> &str {
        self.months.get(&month).map_or("", String::as_str)
    }

    /// `status_text(report)`.
    pub(crate) fn status(&self, report: &IndicatorReport) -> &str {
        match report.status {
            Status::Occurrences => self.occurrences.get(&with_files(report)).map_or("", String::as_str),
            status => status.label(self.lang),
        }
    }
}

/// How many of an indicator's occurrences have files: what its status says.
fn with_files(report: &IndicatorReport) -> usize {
    report.occurrences.iter().filter(|o| o.has_files()).count()
}
