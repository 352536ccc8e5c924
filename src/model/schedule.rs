//! Target times → periods. Each deadline closes a period, and a period's
//! evidence may sit in any of its months: this is what lets a document filed
//! in March count for a July deadline.

use chrono::NaiveDate;
use serde::Serialize;

use crate::model::due::{Due, Recurrence};
use crate::model::month::YearMonth;

/// Months `first..=last`; the deadline is the end of `last`, or its `day`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub(crate) struct Period {
    #[serde(serialize_with = "crate::model::month::serialize")]
    pub(crate) first: YearMonth,
    #[serde(serialize_with = "crate::model::month::serialize")]
    pub(crate) last: YearMonth,
    /// A day deadline in `last` ("31 Juli 2022"): overdue from the next day.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) day: Option<u32>,
}

impl Period {
    /// Months `first..=last`, due at the end of `last`.
    pub(crate) fn months(first: YearMonth, last: YearMonth) -> Period {
        Period { first, last, day: None }
    }

    pub(crate) fn contains(&self, month: YearMonth) -> bool {
        self.first <= month && month <= self.last
    }

    /// The last day evidence is on time: the deadline day, or the last day
    /// of `last`.
    pub(crate) fn deadline(&self) -> NaiveDate {
        let end_of_month = || {
            let next = self.last.next();
            NaiveDate::from_ymd_opt(next.year(), next.month(), 1).and_then(|d| d.pred_opt())
        };
        self.day
            .and_then(|day| NaiveDate::from_ymd_opt(self.last.year(), self.last.month(), day))
            .or_else(end_of_month)
            .unwrap_or(NaiveDate::MAX)
    }

    /// Whether the period is over on `as_of`: from the next month for a
    /// month deadline, from the next day for a day deadline.
    pub(crate) fn has_ended(&self, as_of: NaiveDate) -> bool {
        match self.day {
            Some(_) => as_of > self.deadline(),
            None => self.last < YearMonth::of(as_of),
        }
    }
}

/// When evidence is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Schedule {
    /// Deadlines, sorted, each closing one period.
    Periods(Vec<Period>),
    /// No deadline: evidence is kept per occurrence. Also what an indicator
    /// without any target time gets, since nothing about it can be late.
    Occurrences,
}

impl Schedule {
    /// The schedule of `due` in plan year `year`. A year outside 1..=9999
    /// is clamped into it rather than trusted: callers validate the plan
    /// year, and a schedule must never be the place a bad one panics.
    pub(crate) fn of(due: Option<&Due>, year: i32) -> Schedule {
        let year = year.clamp(1, 9999);
        let month = |m| YearMonth::new(year, m).unwrap_or_else(|| unreachable!("month {m} of year {year}"));
        let every = |step: u32| {
            (1..=12 / step).map(|i| Period::months(month(i * step - step + 1), month(i * step))).collect()
        };
        match due {
            None | Some(Due::AsNeeded) => Schedule::Occurrences,
            Some(Due::Every(Recurrence::Monthly)) => Schedule::Periods(every(1)),
            Some(Due::Every(Recurrence::Quarterly)) => Schedule::Periods(every(3)),
            Some(Due::Every(Recurrence::Semiannual)) => Schedule::Periods(every(6)),
            Some(Due::Dated(terms)) => Schedule::Periods(dated_periods(terms, month(1))),
        }
    }

    pub(crate) fn periods(&self) -> &[Period] {
        match self {
            Schedule::Periods(p) => p,
            Schedule::Occurrences => &[],
        }
    }
}

/// A window is its own period; a single month's period starts the month
/// after the previous deadline, or in January of the plan year.
fn dated_periods(terms: &[crate::model::due::Term], january: YearMonth) -> Vec<Period> {
    let mut terms = terms.to_vec();
    terms.sort_by_key(|t| (t.last, t.first));
    terms.dedup_by_key(|t| t.last);
    let mut periods = Vec::with_capacity(terms.len());
    let mut previous: Option<YearMonth> = None;
    for term in terms {
        let first = if term.first < term.last {
            term.first
        } else {
            let start = previous.map_or(january, YearMonth::next);
            if start <= term.last {
                start
            } else {
                term.last
            }
        };
        periods.push(Period { first, last: term.last, day: term.day });
        previous = Some(term.last);
    }
    periods
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::due::Term;

    fn ym(m: u32) -> YearMonth {
        YearMonth::new(2022, m).unwrap()
    }

    fn spans(schedule: &Schedule) -> Vec<(String, String)> {
        schedule.periods().iter().map(|p| (p.first.to_string(), p.last.to_string())).collect()
    }

    fn single(m: u32) -> Term {
        Term::month(ym(m))
    }

    #[test]
    fn two_deadlines_split_the_year_after_the_first() {
        let s = Schedule::of(Some(&Due::Dated(vec![single(12), single(7)])), 2022);
        assert_eq!(spans(&s), [("2022-01".into(), "2022-07".into()), ("2022-08".into(), "2022-12".into())]);
    }

    #[test]
    fn a_window_is_its_own_period() {
        let s = Schedule::of(Some(&Due::Dated(vec![Term::window(ym(1), ym(3)), single(7)])), 2022);
        assert_eq!(spans(&s), [("2022-01".into(), "2022-03".into()), ("2022-04".into(), "2022-07".into())]);
    }

    #[test]
    fn quarterly_and_semiannual_periods() {
        let q = Schedule::of(Some(&Due::Every(Recurrence::Quarterly)), 2022);
        assert_eq!(q.periods().iter().map(|p| p.last.month()).collect::<Vec<_>>(), [3, 6, 9, 12]);
        assert_eq!(q.periods()[1].first, ym(4));
        let s = Schedule::of(Some(&Due::Every(Recurrence::Semiannual)), 2022);
        assert_eq!(spans(&s), [("2022-01".into(), "2022-06".into()), ("2022-07".into(), "2022-12".into())]);
        assert_eq!(Schedule::of(Some(&Due::Every(Recurrence::Monthly)), 2022).periods().len(), 12);
    }

    #[test]
    fn a_deadline_before_the_plan_year_is_a_one_month_period() {
        let dec = Term::month(YearMonth::new(2021, 12).unwrap());
        let s = Schedule::of(Some(&Due::Dated(vec![dec])), 2022);
        assert_eq!(spans(&s), [("2021-12".into(), "2021-12".into())]);
    }

    #[test]
    fn a_plan_year_outside_the_calendar_is_clamped_not_a_panic() {
        for year in [i32::MIN, -1, 0, 10_000, i32::MAX] {
            let s = Schedule::of(Some(&Due::Every(Recurrence::Monthly)), year);
            assert_eq!(s.periods().len(), 12, "{year}");
        }
    }

    #[test]
    fn no_target_and_as_needed_have_occurrences_not_periods() {
        assert_eq!(Schedule::of(None, 2022), Schedule::Occurrences);
        assert_eq!(Schedule::of(Some(&Due::AsNeeded), 2022), Schedule::Occurrences);
    }
}
