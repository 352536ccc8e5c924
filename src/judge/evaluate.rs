//! As-of date + plan + evidence → each indicator's status and progress.
//! Indicators are independent, so they are read (by the reader the caller
//! gives, `crate::load::indicator`) and judged in parallel; the result keeps
//! the plan's order.

use std::sync::Arc;

use chrono::NaiveDate;
use rayon::prelude::*;
use serde::Serialize;

use crate::judge::looks_like;
use crate::judge::matcher::{self, Assignment, Matcher};
use crate::model::evidence::{EvidenceFile, Folder};
use crate::model::month::YearMonth;
use crate::model::plan::{Indicator, IndicatorFile, Loaded, Part, Plan};
use crate::model::schedule::{Period, Schedule};
use crate::problem::{self, Kind, Problem};

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

/// How much of each indicator an evaluation keeps. A plan of 100,000
/// indicators holds about half a million evidence files, and a document
/// is judged in every period; only `zi show` lists all that.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Detail {
    /// Statuses, progress and which documents are missing: what `zi
    /// status`, `zi overdue` and `zi check` report.
    Summary,
    /// Also every document of every period, the files that satisfy it, and
    /// the indicator's actions and patterns: what `zi show` reports, and
    /// what any command gets that does not ask for less.
    Files,
}

/// A document's name as the plan writes it; `None` for the one unnamed
/// document of an indicator whose plan lists none (any file satisfies it).
pub(crate) type DocumentName = Option<Arc<str>>;

/// One document in one period and the files that satisfy it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct Document {
    /// Shared by the document's every period.
    pub(crate) name: DocumentName,
    pub(crate) files: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct PeriodReport {
    #[serde(flatten)]
    pub(crate) period: Period,
    pub(crate) state: PeriodState,
    /// Every document and its files; empty unless evaluated with
    /// `Detail::Files`.
    pub(crate) documents: Vec<Document>,
    /// Files in the period that satisfy no document.
    pub(crate) unmatched: Vec<String>,
    #[serde(skip)]
    pub(crate) progress: Progress,
    /// The documents no file satisfies, in the plan's order.
    #[serde(skip)]
    pub(crate) missing: Vec<DocumentName>,
}

impl PeriodReport {
    /// The missing documents' names; `None` for the unnamed one.
    pub(crate) fn missing(&self) -> impl Iterator<Item = Option<&str>> {
        self.missing.iter().map(|name| name.as_deref())
    }
}

/// One dated folder of an indicator without deadlines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct OccurrenceReport {
    pub(crate) folder: String,
    /// Every document and its files; empty unless evaluated with
    /// `Detail::Files`.
    pub(crate) documents: Vec<Document>,
    pub(crate) unmatched: Vec<String>,
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
    /// `None` when the file could not be read at all. With
    /// `Detail::Summary` only its `text`, `due_text` and `pic` are kept: that is
    /// all the summaries show, and actions and patterns would otherwise be
    /// most of the memory a large plan takes.
    pub(crate) indicator: Option<Box<Indicator>>,
    pub(crate) status: Status,
    /// The deadline of the first incomplete period.
    pub(crate) next_deadline: Option<YearMonth>,
    /// Over the periods that have ended.
    pub(crate) to_date: Progress,
    /// Over every period of the year.
    pub(crate) year: Progress,
    pub(crate) periods: Vec<PeriodReport>,
    pub(crate) occurrences: Vec<OccurrenceReport>,
    /// Files directly in the indicator folder.
    pub(crate) loose: Vec<String>,
    /// Files in the evidence folder that never count (system leftovers,
    /// empty files, links out of the repository).
    pub(crate) ignored: Vec<String>,
    /// Whether the evidence folder exists (reports link to it only then).
    pub(crate) evidence_exists: bool,
    /// How many of the folder's files are Git LFS pointers not pulled.
    pub(crate) in_lfs: usize,
    /// Those files, sorted; empty unless evaluated with `Detail::Files`.
    pub(crate) in_lfs_files: Vec<String>,
    /// The first error that made the indicator invalid.
    pub(crate) problem: Option<Box<Problem>>,
}

impl IndicatorReport {
    /// The indicator's text, or its path when the file could not be read.
    pub(crate) fn text(&self) -> &str {
        self.indicator.as_ref().map_or(self.file.path.as_str(), |i| i.text.as_str())
    }
}

/// The whole plan judged on one date.
pub(crate) struct Evaluation {
    pub(crate) plan: Plan,
    pub(crate) as_of: NaiveDate,
    pub(crate) indicators: Vec<IndicatorReport>,
    /// Every problem found, sorted by place.
    pub(crate) problems: Vec<Problem>,
}

impl Evaluation {
    /// Judges every indicator of `plan` on `as_of`, reading each with
    /// `read` (on every core: an indicator is read, judged and reduced to
    /// its report before the next, so a large plan is never held whole).
    pub(crate) fn new(
        plan: Plan,
        as_of: NaiveDate,
        detail: impl Fn(&IndicatorFile) -> Detail + Sync,
        read: impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync,
        mut problems: Vec<Problem>,
    ) -> Evaluation {
        let files: Vec<&Arc<IndicatorFile>> = plan.indicators().collect();
        // Reports and their problems go straight into separate vectors: a
        // vector of pairs would hold every report twice while it is split.
        let (indicators, found): (Vec<IndicatorReport>, Vec<Vec<Problem>>) =
            files.par_iter().map(|file| evaluate(&plan, file, as_of, detail(file), &read)).unzip();
        problems.extend(found.into_iter().flatten());
        looks_like::name_siblings(&plan, &mut problems, &read);
        problem::sort(&mut problems);
        Evaluation { plan, as_of, indicators, problems }
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }
}

/// Reads, schedules and judges one indicator.
pub(crate) fn evaluate(
    plan: &Plan,
    file: &Arc<IndicatorFile>,
    as_of: NaiveDate,
    detail: Detail,
    read: &(impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync),
) -> (IndicatorReport, Vec<Problem>) {
    let now = YearMonth::of(as_of);
    let mut found = Vec::new();
    let Loaded { indicator, mut folder } = read(plan, file, Part::Whole, &mut found);
    let mut report = IndicatorReport {
        file: Arc::clone(file),
        indicator: None,
        status: Status::Invalid,
        next_deadline: None,
        to_date: Progress::default(),
        year: Progress::default(),
        periods: Vec::new(),
        occurrences: Vec::new(),
        loose: folder.loose.iter().map(|f| f.path.clone()).collect(),
        ignored: std::mem::take(&mut folder.ignored),
        evidence_exists: folder.exists,
        in_lfs: 0,
        in_lfs_files: Vec::new(),
        problem: found.iter().find(|d| d.is_error()).map(|d| Box::new(d.clone())),
    };
    (report.in_lfs, report.in_lfs_files) = lfs_pointers(&folder, detail);
    let Some(indicator) = indicator else { return (report, found) };
    let invalid = report.problem.is_some();
    let schedule = Schedule::of(indicator.due.as_ref(), plan.year);
    let matcher = Matcher::new(&indicator.evidence);
    let names = document_names(&indicator);
    matcher::layout_problems(&folder, &schedule, &file.evidence, &mut found);
    match &schedule {
        Schedule::Periods(periods) => {
            let single = periods.len() == 1;
            report.periods.reserve_exact(periods.len());
            for period in periods {
                let files = folder.files_between(period.first, period.last, single);
                let assignment = matcher.assign(&files);
                let progress = Progress { present: assignment.present(), required: matcher.required() };
                let state = if assignment.is_complete() {
                    PeriodState::Complete
                } else if period.has_ended(as_of) {
                    PeriodState::Overdue
                } else if period.last == now {
                    PeriodState::Due
                } else {
                    PeriodState::Open
                };
                report.year.add(progress);
                if period.has_ended(as_of) {
                    report.to_date.add(progress);
                }
                report.periods.push(PeriodReport {
                    period: *period,
                    state,
                    documents: documents(&names, &assignment, &files, detail),
                    unmatched: assignment.unmatched.iter().map(|i| files[*i].path.clone()).collect(),
                    progress,
                    missing: missing(&names, &assignment),
                });
            }
            report.next_deadline =
                report.periods.iter().find(|p| p.state != PeriodState::Complete).map(|p| p.period.last);
            report.status = report
                .periods
                .iter()
                .map(|p| match p.state {
                    PeriodState::Complete => Status::Done,
                    PeriodState::Open => Status::OnTrack,
                    PeriodState::Due => Status::Due,
                    PeriodState::Overdue => Status::Overdue,
                })
                .min()
                .unwrap_or(Status::Done);
        }
        Schedule::Occurrences => {
            for (occasion, files) in &folder.dated {
                let files: Vec<_> = files.iter().collect();
                let assignment = matcher.assign(&files);
                report.occurrences.push(OccurrenceReport {
                    folder: occasion.name.clone(),
                    documents: documents(&names, &assignment, &files, detail),
                    unmatched: assignment.unmatched.iter().map(|i| files[*i].path.clone()).collect(),
                    complete: assignment.is_complete(),
                    files: files.len(),
                });
            }
            report.status = Status::Occurrences;
        }
    }
    unmatched_files(&report, &indicator, &mut found);
    if invalid {
        report.status = Status::Invalid;
        report.next_deadline = None;
    }
    report.indicator = Some(Box::new(match detail {
        Detail::Files => indicator,
        Detail::Summary => Indicator {
            text: indicator.text,
            due_text: indicator.due_text,
            pic: indicator.pic,
            lke: indicator.lke,
            ..Indicator::default()
        },
    }));
    (report, found)
}

/// How many of the folder's files are LFS pointers, and which when
/// `detail` asks.
fn lfs_pointers(folder: &Folder, detail: Detail) -> (usize, Vec<String>) {
    let pointers = folder.dated.values().flatten().chain(&folder.loose).filter(|f| f.in_lfs);
    if detail == Detail::Summary {
        return (pointers.count(), Vec::new());
    }
    let mut paths: Vec<String> = pointers.map(|f| f.path.clone()).collect();
    paths.sort_unstable();
    (paths.len(), paths)
}

/// Files that satisfy no document usually carry a name the document's
/// pattern does not expect; saying so beats counting the document missing.
fn unmatched_files(report: &IndicatorReport, indicator: &Indicator, out: &mut Vec<Problem>) {
    let mut unmatched = report
        .periods
        .iter()
        .flat_map(|p| &p.unmatched)
        .chain(report.occurrences.iter().flat_map(|o| &o.unmatched))
        .peekable();
    if unmatched.peek().is_none() {
        return;
    }
    // Shared by every file's problem: an indicator may have hundreds.
    let documents: Arc<[Arc<str>]> = indicator.evidence.iter().map(|e| Arc::from(e.name.as_str())).collect();
    let plan_file: Arc<str> = Arc::from(report.file.path.as_str());
    for file in unmatched {
        let kind = Kind::UnmatchedFile {
            documents: Arc::clone(&documents),
            plan_file: Arc::clone(&plan_file),
            looks_like: None,
        };
        out.push(Problem::new(kind, format!("{}/{file}", report.file.evidence)));
    }
}

/// The documents as counted: the plan's, or one unnamed document when the
/// plan lists none.
fn document_names(indicator: &Indicator) -> Vec<DocumentName> {
    if indicator.evidence.is_empty() {
        return vec![None];
    }
    indicator.evidence.iter().map(|e| Some(e.name.as_str().into())).collect()
}

/// Each document of a period or occurrence and the files that satisfy it,
/// when `detail` asks for them.
fn documents(
    names: &[DocumentName],
    assignment: &Assignment,
    files: &[&EvidenceFile],
    detail: Detail,
) -> Vec<Document> {
    if detail == Detail::Summary {
        return Vec::new();
    }
    names
        .iter()
        .zip(&assignment.per_item)
        .map(|(name, hits)| Document {
            name: name.clone(),
            files: hits.iter().map(|i| files[*i].path.clone()).collect(),
        })
        .collect()
}

/// The documents no file satisfies.
fn missing(names: &[DocumentName], assignment: &Assignment) -> Vec<DocumentName> {
    names
        .iter()
        .zip(&assignment.per_item)
        .filter(|(_, hits)| hits.is_empty())
        .map(|(n, _)| n.clone())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{config, plan};

    fn evaluate_repo(detail: Detail) -> Evaluation {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("zi.toml", "unit = \"U\"\nyear = 2022\n");
        write("plan/1-a/area.toml", "name = \"A\"\n");
        write("plan/1-a/1-b/component.toml", "name = \"B\"\n");
        write(
            "plan/1-a/1-b/1-rapat.toml",
            "indicator = \"Rapat\"\nactions = [\"Rapat\"]\nevidence = [\"Undangan\", \"Daftar hadir\"]\ndue = \"Maret, Juni 2022\"\n",
        );
        write("plan/1-a/1-b/2-temu.toml", "indicator = \"Temu\"\nactions = [\"a\"]\nevidence = [\"Foto\"]\ndue = \"setiap ada pertemuan\"\n");
        write("evidence/1-a/1-b/1-rapat/2022-02/undangan.pdf", "%PDF");
        write("evidence/1-a/1-b/1-rapat/2022-03/daftar_hadir.pdf", "%PDF");
        write("evidence/1-a/1-b/1-rapat/2022-05/undangan.pdf", "%PDF");
        write("evidence/1-a/1-b/2-temu/2022-04-02/x.jpg", "%PDF");
        std::fs::create_dir_all(root.join("evidence/1-a/1-b/2-temu/2022-05")).unwrap();
        let mut problems = Vec::new();
        let (config, _) = config::load(root, &mut problems);
        let plan = plan::discover(root, config, 2022, &mut problems);
        let as_of = NaiveDate::from_ymd_opt(2022, 7, 1).unwrap();
        Evaluation::new(plan, as_of, |_| detail, crate::load::indicator, problems)
    }

    #[test]
    fn a_summary_judges_exactly_as_the_full_evaluation_without_listing_files() {
        let (summary, full) = (evaluate_repo(Detail::Summary), evaluate_repo(Detail::Files));
        assert_eq!(summary.problems, full.problems);
        for (s, f) in summary.indicators.iter().zip(&full.indicators) {
            assert_eq!(
                (s.status, s.next_deadline, s.to_date, s.year),
                (f.status, f.next_deadline, f.to_date, f.year)
            );
            let missing = |r: &IndicatorReport| -> Vec<Vec<Option<String>>> {
                r.periods.iter().map(|p| p.missing().map(|m| m.map(str::to_string)).collect()).collect()
            };
            assert_eq!(missing(s), missing(f));
            let occurrences =
                |r: &IndicatorReport| -> Vec<bool> { r.occurrences.iter().map(|o| o.has_files()).collect() };
            assert_eq!(occurrences(s), occurrences(f));
            assert_eq!(s.indicator.as_ref().map(|i| &i.text), f.indicator.as_ref().map(|i| &i.text));
            assert!(s.periods.iter().all(|p| p.documents.is_empty()));
        }
        let rapat = &full.indicators[0];
        assert_eq!(rapat.status, Status::Overdue);
        assert_eq!(rapat.periods[0].documents[0].files, ["2022-02/undangan.pdf"]);
        assert_eq!(rapat.periods[0].state, PeriodState::Complete);
        assert_eq!(rapat.periods[1].missing().collect::<Vec<_>>(), [Some("Daftar hadir")]);
        assert_eq!(rapat.indicator.as_ref().unwrap().actions, ["Rapat"]);
        let temu = &summary.indicators[1];
        assert_eq!(temu.occurrences.iter().map(|o| o.has_files()).collect::<Vec<_>>(), [true, false]);
    }
}
