//! What an evaluation says of one indicator: its status, progress, periods
//! or occurrences, and as much of its plan file as the detail asked for.

use std::sync::Arc;

use serde::Serialize;

use crate::judge::listed::Listed;
pub(crate) use crate::judge::missing::{DocumentName, Missing};
use crate::model::month::YearMonth;
use crate::model::plan::{Indicator, IndicatorFile, LkeRef};
use crate::model::schedule::Period;
use crate::problem::Problem;

/// Exactly one per indicator; declared from most to least urgent, so the
/// derived order picks the status that wins.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum Status {
    Invalid,
    Overdue,
    Due,
    OnTrack,
    Done,
    Occurrences,
}

impl Status {
    pub(crate) const ALL: [Status; 6] =
        [Status::Invalid, Status::Overdue, Status::Due, Status::OnTrack, Status::Done, Status::Occurrences];

    /// The kebab-case name JSON uses; also the CSS class of the HTML report.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Status::Done => "done",
            Status::OnTrack => "on-track",
            Status::Due => "due",
            Status::Overdue => "overdue",
            Status::Occurrences => "occurrences",
            Status::Invalid => "invalid",
        }
    }
}

/// Where one period stands on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub(crate) enum PeriodState {
    Complete,
    /// Ends after this month.
    Open,
    /// Ends this month, incomplete.
    Due,
    /// Ended before this month, incomplete.
    Overdue,
}

/// Documents present out of documents required.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Progress {
    pub(crate) present: usize,
    pub(crate) required: usize,
}

impl Progress {
    pub(crate) fn add(&mut self, other: Progress) {
        self.present += other.present;
        self.required += other.required;
    }
}

/// One document in one period and the files that satisfy it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Document {
    /// Shared by the document's every period.
    pub(crate) name: DocumentName,
    pub(crate) files: Vec<String>,
}

/// One period of an indicator. A large plan holds a dozen per indicator, so
/// it keeps no more than the summaries read: its progress is counted from
/// the missing documents, and its file lists take a word each when empty.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct PeriodReport {
    #[serde(flatten)]
    pub(crate) period: Period,
    pub(crate) state: PeriodState,
    /// Every document and its files; empty unless evaluated with
    /// `Detail::Files`.
    pub(crate) documents: Listed<Document>,
    /// Files in the period that satisfy no document.
    pub(crate) unmatched: Listed<String>,
    /// The documents no file satisfies, in the plan's order.
    #[serde(skip)]
    pub(crate) missing: Missing,
}

impl PeriodReport {
    /// The missing documents' names; `None` for the unnamed one.
    pub(crate) fn missing(&self) -> impl Iterator<Item = Option<&str>> {
        self.missing.iter().map(|name| name.as_deref())
    }

    /// Documents present out of documents required: each document is
    /// required once, and present unless missing.
    pub(crate) fn progress(&self) -> Progress {
        let required = self.missing.documents();
        Progress { present: required - self.missing.iter().count(), required }
    }
}

/// One dated folder of an indicator without deadlines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct OccurrenceReport {
    pub(crate) folder: String,
    /// Every document and its files; empty unless evaluated with
    /// `Detail::Files`.
    pub(crate) documents: Listed<Document>,
    pub(crate) unmatched: Listed<String>,
    pub(crate) complete: bool,
    /// How many files the folder holds.
    #[serde(skip)]
    pub(crate) files: usize,
}

impl OccurrenceReport {
    /// Whether the folder holds any file at all.
    pub(crate) fn has_files(&self) -> bool {
        self.files > 0
    }

    /// The month the folder is dated in (`2022-03` of `2022-03-10`).
    pub(crate) fn month(&self) -> Option<YearMonth> {
        self.folder.get(..7).and_then(YearMonth::parse_folder)
    }
}

/// Everything zi knows about one indicator on the as-of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IndicatorReport {
    /// Shared with the plan, not copied.
    pub(crate) file: Arc<IndicatorFile>,
    /// What the plan file says, as much as the detail asks for.
    pub(crate) indicator: Kept,
    pub(crate) status: Status,
    /// The deadline of the first incomplete period.
    pub(crate) next_deadline: Option<YearMonth>,
    /// Over the periods that have ended.
    pub(crate) to_date: Progress,
    /// Over every period of the year.
    pub(crate) year: Progress,
    pub(crate) periods: Vec<PeriodReport>,
    pub(crate) occurrences: Listed<OccurrenceReport>,
    /// Files directly in the indicator folder; empty unless evaluated
    /// with `Detail::Files`, like the lists below.
    pub(crate) loose: Listed<String>,
    /// Files in the evidence folder that never count (system leftovers,
    /// empty files, links out of the repository).
    pub(crate) ignored: Listed<String>,
    /// Whether the evidence folder exists (reports link to it only then).
    pub(crate) evidence_exists: bool,
    /// How many of the folder's files are Git LFS pointers not pulled.
    pub(crate) in_lfs: usize,
    /// Those files, sorted; empty unless evaluated with `Detail::Files`.
    pub(crate) in_lfs_files: Listed<String>,
    /// The first error that made the indicator invalid.
    pub(crate) problem: Option<Box<Problem>>,
}

/// What a report keeps of its indicator's plan file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Kept {
    /// The file could not be read at all.
    Nothing,
    /// `Detail::Summary`: what the summaries show. Actions, patterns and
    /// the parsed target time would otherwise be most of the memory a
    /// large plan takes.
    Brief(Brief),
    /// `Detail::Files`: all of it.
    Whole(Box<Indicator>),
    /// `Detail::Problems`: the LKE questions the indicator names.
    Questions(Box<[LkeRef]>),
}

/// An indicator's text, target time as written, person in charge and LKE
/// questions, sized exactly.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Brief {
    text: Box<str>,
    due_text: Box<str>,
    pic: Option<Box<str>>,
    lke: Box<[LkeRef]>,
}

impl Brief {
    pub(super) fn of(indicator: Indicator) -> Brief {
        Brief {
            text: indicator.text.into(),
            due_text: indicator.due_text.into(),
            pic: indicator.pic.map(Into::into),
            lke: indicator.lke.into(),
        }
    }
}

impl IndicatorReport {
    /// Keeps only what an evaluation with `Detail::Summary` keeps: the
    /// report of an indicator judged in full becomes the one judged in
    /// summary.
    pub(crate) fn keep_summary(&mut self) {
        for period in &mut self.periods {
            period.documents = Listed::default();
            period.unmatched = Listed::default();
        }
        for occurrence in self.occurrences.iter_mut() {
            occurrence.documents = Listed::default();
            occurrence.unmatched = Listed::default();
        }
        self.loose = Listed::default();
        self.ignored = Listed::default();
        self.in_lfs_files = Listed::default();
        self.indicator = match std::mem::replace(&mut self.indicator, Kept::Nothing) {
            Kept::Whole(indicator) => Kept::Brief(Brief::of(*indicator)),
            kept => kept,
        };
    }

    /// The whole indicator, when evaluated with `Detail::Files`.
    pub(crate) fn whole(&self) -> Option<&Indicator> {
        match &self.indicator {
            Kept::Whole(indicator) => Some(indicator),
            Kept::Nothing | Kept::Brief(_) | Kept::Questions(_) => None,
        }
    }

    /// The indicator's text, or its path when the file could not be read
    /// (or its text was not kept).
    pub(crate) fn text(&self) -> &str {
        match &self.indicator {
            Kept::Nothing | Kept::Questions(_) => self.file.path.as_str(),
            Kept::Brief(brief) => &brief.text,
            Kept::Whole(indicator) => &indicator.text,
        }
    }

    /// The target time as written; `None` when the file could not be read
    /// (or its text was not kept).
    pub(crate) fn due_text(&self) -> Option<&str> {
        match &self.indicator {
            Kept::Nothing | Kept::Questions(_) => None,
            Kept::Brief(brief) => Some(&brief.due_text),
            Kept::Whole(indicator) => Some(&indicator.due_text),
        }
    }

    /// The person in charge as written, when the plan names one.
    pub(crate) fn pic(&self) -> Option<&str> {
        match &self.indicator {
            Kept::Nothing | Kept::Questions(_) => None,
            Kept::Brief(brief) => brief.pic.as_deref(),
            Kept::Whole(indicator) => indicator.pic.as_deref(),
        }
    }

    /// The LKE questions the indicator names.
    pub(crate) fn lke(&self) -> &[LkeRef] {
        match &self.indicator {
            Kept::Nothing => &[],
            Kept::Brief(brief) => &brief.lke,
            Kept::Whole(indicator) => &indicator.lke,
            Kept::Questions(lke) => lke,
        }
    }
}
