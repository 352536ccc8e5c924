//! What a `due` text means: deadlines, windows, a recurrence or none, and
//! why a text could not be read. Printed back in the canonical Indonesian
//! form that `zi fmt` writes and `parse` reads.

use std::fmt;
use std::ops::Range;

use crate::model::month::{name_in, YearMonth, NAMES_ID};

/// When an indicator's evidence is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Due {
    /// Deadlines as written: single months or windows, in written order.
    Dated(Vec<Term>),
    /// Recurs through the plan year.
    Every(Recurrence),
    /// No deadline: evidence is kept per occurrence ("setiap ada pertemuan", "sewaktu-waktu", "as needed").
    AsNeeded,
}

/// One deadline month (`first == last`) or a window of months (`first < last`);
/// either way the deadline is the end of `last`, or its `day` when one is
/// written ("31 Juli 2022").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Term {
    pub(crate) first: YearMonth,
    pub(crate) last: YearMonth,
    /// The deadline's day in `last`; `None` for the end of the month.
    pub(crate) day: Option<u32>,
}

impl Term {
    /// A single deadline month.
    #[cfg(test)]
    pub(crate) fn month(at: YearMonth) -> Self {
        Self { first: at, last: at, day: None }
    }

    /// A window of months, its deadline the end of `last`.
    #[cfg(test)]
    pub(crate) fn window(first: YearMonth, last: YearMonth) -> Self {
        Self { first, last, day: None }
    }

    /// Whether the term covers more than one month.
    pub(crate) fn is_window(self) -> bool {
        self.first != self.last
    }
}

/// How often a recurring target time falls due within the plan year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Recurrence {
    Monthly,
    Quarterly,
    Semiannual,
}

impl Recurrence {
    /// The canonical Indonesian phrase; `parse` reads it back.
    pub(crate) fn phrase(self) -> &'static str {
        match self {
            Recurrence::Monthly => "Setiap bulan",
            Recurrence::Quarterly => "Setiap triwulan",
            Recurrence::Semiannual => "Setiap semester",
        }
    }
}

/// Why a `due` text could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DueError {
    pub(crate) kind: DueErrorKind,
    /// Byte range in the input text of the offending word (the whole text for `Empty`).
    pub(crate) span: Range<usize>,
}

/// What is wrong with a `due` text; each kind has its own message and hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DueErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// A word that is no month, year or word of the grammar; `suggestion` is
    /// the month (or grammar word) it most likely meant.
    UnknownWord { word: String, suggestion: Option<String> },
    /// A known word where it makes no sense: a separator with no month before
    /// it, a window chained onto a window, a recurrence word among months.
    Misplaced { word: String },
    /// Digits that are not a four-digit year from 0001 to 9999.
    BadYear { digits: String },
    /// A year with no month of its own before it ("2022", "Januari 2022 2023").
    MissingMonth { year: i32 },
    /// A range word ("s/d", "-", "sampai") without a month on one side.
    DanglingRange { word: String },
    /// A window whose last month comes before its first.
    WindowBackwards { first: YearMonth, last: YearMonth },
    /// A recurring time that names a year other than the plan year. A
    /// recurrence has no year of its own, so accepting it would silently
    /// move the row into the plan year.
    RecurrenceOutsidePlanYear { recurrence: Recurrence, year: i32, plan_year: i32 },
    /// A month without a year, when the plan year it would take is itself no
    /// valid year. Points at the month.
    PlanYearOutOfRange { plan_year: i32 },
    /// A day that the month does not have ("31 Juni", "2022-02-30").
    NoSuchDay { day: u32, month: YearMonth },
    /// A quarter or half year with a number it does not have ("Triwulan V").
    NoSuchPart { word: String, parts: u32 },
}

impl DueError {
    pub(super) fn new(kind: DueErrorKind, span: Range<usize>) -> Self {
        Self { kind, span }
    }
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Dated(terms) => {
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{term}")?;
                }
                Ok(())
            }
            Due::Every(recurrence) => f.write_str(recurrence.phrase()),
            Due::AsNeeded => f.write_str("Sewaktu-waktu"),
        }
    }
}

impl fmt::Display for Term {
    /// `Juli 2022`, or `Januari 2022 s/d Maret 2022` with both years so the
    /// text reads back the same whatever the plan year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_window() {
            write!(f, "{} s/d ", month_year(self.first))?;
        }
        if let Some(day) = self.day {
            write!(f, "{day} ")?;
        }
        f.write_str(&month_year(self.last))
    }
}

/// `Juli 2022`; four-digit years so that early years read back too.
fn month_year(at: YearMonth) -> String {
    format!("{} {:04}", name_in(&NAMES_ID, at.month()), at.year())
}
