//! Calendar months, the unit every deadline and evidence folder is counted in.

use std::fmt;

/// A month of a year, ordered by time. Displays as `YYYY-MM`, the name of an
/// evidence month folder.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) struct YearMonth {
    year: i32,
    /// 1..=12
    month: u32,
}

impl YearMonth {
    /// `None` unless `month` is 1..=12 and `year` is 1..=9999.
    pub(crate) fn new(year: i32, month: u32) -> Option<Self> {
        ((1..=9999).contains(&year) && (1..=12).contains(&month)).then_some(Self { year, month })
    }

    pub(crate) fn year(self) -> i32 {
        self.year
    }

    /// 1 for January … 12 for December.
    pub(crate) fn month(self) -> u32 {
        self.month
    }

    /// The month after this one.
    pub(crate) fn next(self) -> Self {
        if self.month == 12 {
            Self { year: self.year + 1, month: 1 }
        } else {
            Self { year: self.year, month: self.month + 1 }
        }
    }

    /// Months in `self..=last`, empty when `last` is earlier.
    #[cfg(test)]
    pub(crate) fn through(self, last: Self) -> impl Iterator<Item = Self> {
        std::iter::successors(Some(self), |m| Some(m.next())).take_while(move |m| *m <= last)
    }

    /// The month a date falls in.
    pub(crate) fn of(date: chrono::NaiveDate) -> Self {
        use chrono::Datelike;
        Self { year: date.year(), month: date.month() }
    }

    /// Reads a month folder name: exactly `YYYY-MM`.
    pub(crate) fn parse_folder(name: &str) -> Option<Self> {
        let b = name.as_bytes();
        if b.len() != 7 || b[4] != b'-' || !b.iter().enumerate().all(|(i, c)| i == 4 || c.is_ascii_digit()) {
            return None;
        }
        Self::new(name[..4].parse().ok()?, name[5..].parse().ok()?)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// Indonesian month names, January first: the plan's own language, in
/// which `zi fmt` writes target times back.
pub(crate) const NAMES_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// English month names, January first.
pub(crate) const NAMES_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// The name of `month` (1..=12) in `names`, clamped into range.
pub(crate) fn name_in(names: &'static [&'static str; 12], month: u32) -> &'static str {
    names[(month.clamp(1, 12) - 1) as usize]
}

/// Serialises a month as `"YYYY-MM"` in JSON.
pub(crate) fn serialize<S: serde::Serializer>(month: &YearMonth, s: S) -> Result<S::Ok, S::Error> {
    s.collect_str(month)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn december_is_followed_by_january_of_the_next_year() {
        assert_eq!(YearMonth::new(2022, 12).unwrap().next(), YearMonth::new(2023, 1).unwrap());
    }

    #[test]
    fn month_folders_must_be_four_digit_year_dash_two_digit_month() {
        assert_eq!(YearMonth::parse_folder("2022-07"), YearMonth::new(2022, 7));
        for bad in ["2022-13", "2022-1", "22-01", "2022-00", "2022_07", "0000-01", "2022-07-01"] {
            assert_eq!(YearMonth::parse_folder(bad), None, "{bad}");
        }
    }

    #[test]
    fn through_lists_every_month_of_a_window_across_a_year_end() {
        let first = YearMonth::new(2022, 11).unwrap();
        let last = YearMonth::new(2023, 2).unwrap();
        let names: Vec<String> = first.through(last).map(|m| m.to_string()).collect();
        assert_eq!(names, ["2022-11", "2022-12", "2023-01", "2023-02"]);
        assert_eq!(last.through(first).count(), 0);
    }
}
