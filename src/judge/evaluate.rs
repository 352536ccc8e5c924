//! As-of date + plan + evidence → each indicator's status and progress.
//! Indicators are independent, so they are read (by the reader the caller
//! gives, `crate::load::indicator`) and judged in parallel; the result keeps
//! the plan's order. What each indicator's report holds is in
//! `crate::judge::report`.

use std::sync::Arc;

use chrono::NaiveDate;

use crate::judge::listed::Listed;
use crate::judge::looks_like::{self, Documents};
use crate::judge::matcher::{self, Assignment, Matcher};
use crate::judge::missing::document_names;
pub(crate) use crate::judge::report::{
    Brief, Document, DocumentName, IndicatorReport, Kept, Missing, OccurrenceReport, PeriodReport,
    PeriodState, Progress, Status,
};
use crate::model::evidence::{EvidenceFile, Folder};
use crate::model::month::YearMonth;
use crate::model::plan::{join, Indicator, IndicatorFile, Loaded, Part, Plan};
use crate::model::schedule::Schedule;
use crate::parallel;
use crate::problem::{self, Kind, Problem};

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
    /// Less: the problems, and of each indicator its status and the LKE
    /// questions it names, but no period and no text: what `zi check`
    /// reads, which at 100,000 indicators holds a warning for every third
    /// evidence file beside the evaluation.
    Problems,
}

/// Which problems an evaluation keeps. A large plan may have a warning
/// for every other evidence file, and the summaries that only count them
/// need not hold them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Keep {
    /// Every problem: what `zi check`, `zi show` and the report list.
    Every,
    /// Errors (they decide exit statuses and are named); warnings are only
    /// counted: what `zi status` and `zi overdue` say of them.
    Errors,
    /// Errors and misfiled evidence (`Code::is_misfiled`); the other
    /// warnings only counted: what the report lists. Unlike `Every`, no
    /// plan file is read again to name the sibling an unmatched file looks
    /// like, since the report never shows it.
    Misfiled,
}

/// Warnings an evaluation counted instead of keeping (`Keep::Errors`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Counted {
    pub(crate) warnings: usize,
    /// Of them, misfiled evidence (`Code::is_misfiled`).
    pub(crate) misfiled: usize,
}

impl Counted {
    fn add(&mut self, other: Counted) {
        self.warnings += other.warnings;
        self.misfiled += other.misfiled;
    }

    /// Counts the warnings of `problems` that `keep` does not keep, sorted,
    /// and drops them.
    fn drop_warnings(problems: &mut Vec<Problem>, keep: Keep) -> Counted {
        problem::sort(problems);
        let mut counted = Counted::default();
        problems.retain(|p| {
            if p.is_error() || (keep == Keep::Misfiled && p.code().is_misfiled()) {
                return true;
            }
            counted.warnings += 1;
            counted.misfiled += usize::from(p.code().is_misfiled());
            false
        });
        // Held until the plan is judged whole: a buffer of warnings dropped
        // would be a seventh of the memory of a large plan.
        problems.shrink_to_fit();
        counted
    }
}

/// The whole plan judged on one date.
pub(crate) struct Evaluation {
    pub(crate) plan: Plan,
    pub(crate) as_of: NaiveDate,
    pub(crate) indicators: Vec<IndicatorReport>,
    /// Every problem found, sorted by place; with `Keep::Errors` only the
    /// errors.
    pub(crate) problems: Vec<Problem>,
    /// The warnings counted instead of kept.
    pub(crate) counted: Counted,
}

impl Evaluation {
    /// Judges every indicator of `plan` on `as_of`, reading each with
    /// `read` (on every core: an indicator is read, judged and reduced to
    /// its report before the next, so a large plan is never held whole).
    pub(crate) fn new(
        plan: Plan,
        as_of: NaiveDate,
        detail: impl Fn(&IndicatorFile) -> Detail + Sync,
        keep: Keep,
        read: impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync,
        problems: Vec<Problem>,
    ) -> Evaluation {
        Evaluation::each(plan, as_of, detail, keep, read, problems, &|_, _, _| {})
    }

    /// `new`, handing each report to `each` as soon as it is judged, before
    /// it is kept: the report writes each indicator's part of the page from
    /// its report in full, then keeps it in summary (`keep_summary`), so that
    /// every evidence folder is read once. `each` is given the plan and the
    /// report's index in it, which is its index in `indicators`.
    pub(crate) fn each(
        plan: Plan,
        as_of: NaiveDate,
        detail: impl Fn(&IndicatorFile) -> Detail + Sync,
        keep: Keep,
        read: impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync,
        mut problems: Vec<Problem>,
        each: &(dyn Fn(&Plan, usize, &mut IndicatorReport) + Sync),
    ) -> Evaluation {
        let files: Vec<&Arc<IndicatorFile>> = plan.indicators().collect();
        // Reports and their problems go straight into separate vectors: a
        // vector of pairs would hold every report twice while it is split.
        // Warnings not kept are dropped indicator by indicator, so that they
        // are never all held at once.
        let judge = |index: usize| {
            let file = files[index];
            let (mut report, mut found) = evaluate(&plan, file, as_of, detail(file), &read);
            each(&plan, index, &mut report);
            let counted = if keep != Keep::Every {
                Counted::drop_warnings(&mut found, keep)
            } else {
                // Held until they are gathered into one vector: what
                // they grew by would be held too.
                found.shrink_to_fit();
                Counted::default()
            };
            (report, (found, counted))
        };
        let shared = parallel::pays(files.len(), parallel::INDICATORS);
        let (indicators, found): (Vec<IndicatorReport>, Vec<(Vec<Problem>, Counted)>) =
            parallel::map(shared, 0..files.len(), judge);
        let mut counted = Counted::default();
        // Sized once: grown by doubling, the vector of a large plan's
        // problems would hold a third more than it needs.
        problems.reserve_exact(found.iter().map(|(found, _)| found.len()).sum());
        for (found, count) in found {
            problems.extend(found);
            counted.add(count);
        }
        // The names of siblings only reword warnings, which are counted the same.
        if keep == Keep::Every {
            looks_like::name_siblings(&plan, &mut problems, &read);
        }
        problem::sort(&mut problems);
        if keep != Keep::Every {
            counted.add(Counted::drop_warnings(&mut problems, keep));
        }
        Evaluation { plan, as_of, indicators, problems, counted }
    }

    pub(crate) fn has_errors(&self) -> bool {
        self.problems.iter().any(Problem::is_error)
    }

    /// The count of errors and of warnings, kept or counted.
    pub(crate) fn counts(&self) -> (usize, usize) {
        let (errors, warnings) = problem::count(&self.problems);
        (errors, warnings + self.counted.warnings)
    }

    /// How many problems say that evidence is misfiled, kept or counted.
    pub(crate) fn misfiled(&self) -> usize {
        self.problems.iter().filter(|p| p.code().is_misfiled()).count() + self.counted.misfiled
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
    let (report, found, _) = evaluate_keeping_documents(plan, file, as_of, detail, read);
    (report, found)
}

/// `evaluate`, and the indicator's documents as compiled to judge it, when
/// it names several: what its siblings' stray files are matched against
/// (`looks_like`), without reading its plan file again.
pub(crate) fn evaluate_keeping_documents(
    plan: &Plan,
    file: &Arc<IndicatorFile>,
    as_of: NaiveDate,
    detail: Detail,
    read: &(impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync),
) -> (IndicatorReport, Vec<Problem>, Option<Documents>) {
    let now = YearMonth::of(as_of);
    let mut found = Vec::new();
    let Loaded { indicator, mut folder } = read(plan, file, Part::Whole, &mut found);
    let mut report = IndicatorReport {
        file: Arc::clone(file),
        indicator: Kept::Nothing,
        status: Status::Invalid,
        next_deadline: None,
        to_date: Progress::default(),
        year: Progress::default(),
        periods: Vec::new(),
        occurrences: Listed::default(),
        loose: match detail {
            Detail::Files => folder.loose.iter().map(|f| f.path.clone()).collect(),
            Detail::Summary | Detail::Problems => Listed::default(),
        },
        ignored: match detail {
            Detail::Files => std::mem::take(&mut folder.ignored).into(),
            Detail::Summary | Detail::Problems => Listed::default(),
        },
        evidence_exists: folder.exists,
        in_lfs: 0,
        in_lfs_files: Listed::default(),
        problem: found.iter().find(|d| d.is_error()).map(|d| Box::new(d.clone())),
    };
    (report.in_lfs, report.in_lfs_files) = lfs_pointers(&folder, detail);
    let Some(indicator) = indicator else { return (report, found, None) };
    let invalid = report.problem.is_some();
    let schedule = Schedule::of(indicator.due.as_ref(), plan.year);
    let matcher = Matcher::new(&indicator.evidence);
    let names = document_names(&indicator);
    matcher::layout_problems(&folder, &schedule, &file.evidence, &mut found);
    // Files that satisfy no document, for their problems; reports keep them
    // only when they list files.
    let mut strays: Vec<&str> = Vec::new();
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
                    unmatched: unmatched(&assignment, &files, detail, &mut strays),
                    missing: Missing::of(&names, |i| assignment.per_item[i].is_empty()),
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
            let mut occurrences = Vec::with_capacity(folder.dated.len());
            for (occasion, files) in &folder.dated {
                let files: Vec<_> = files.iter().collect();
                let assignment = matcher.assign(&files);
                occurrences.push(OccurrenceReport {
                    folder: occasion.name.clone(),
                    documents: documents(&names, &assignment, &files, detail),
                    unmatched: unmatched(&assignment, &files, detail, &mut strays),
                    complete: assignment.is_complete(),
                    files: files.len(),
                });
            }
            report.occurrences = occurrences.into();
            report.status = Status::Occurrences;
        }
    }
    unmatched_files(&report.file, &strays, &indicator, &mut found);
    if invalid {
        report.status = Status::Invalid;
        report.next_deadline = None;
    }
    report.indicator = match detail {
        Detail::Files => Kept::Whole(Box::new(indicator)),
        Detail::Summary => Kept::Brief(Brief::of(indicator)),
        Detail::Problems => {
            report.periods = Vec::new();
            report.occurrences = Listed::default();
            Kept::Questions(indicator.lke.into())
        }
    };
    (report, found, Documents::of(&names, matcher))
}

/// The files of `assignment` that satisfy no document, added to `strays`;
/// returned too when `detail` lists files.
fn unmatched<'f>(
    assignment: &Assignment,
    files: &[&'f EvidenceFile],
    detail: Detail,
    strays: &mut Vec<&'f str>,
) -> Listed<String> {
    let start = strays.len();
    strays.extend(assignment.unmatched.iter().map(|i| files[*i].path.as_str()));
    match detail {
        Detail::Files => strays[start..].iter().map(|p| p.to_string()).collect(),
        Detail::Summary | Detail::Problems => Listed::default(),
    }
}

/// How many of the folder's files are LFS pointers, and which when
/// `detail` asks.
fn lfs_pointers(folder: &Folder, detail: Detail) -> (usize, Listed<String>) {
    let pointers = folder.dated.values().flatten().chain(&folder.loose).filter(|f| f.in_lfs);
    if detail != Detail::Files {
        return (pointers.count(), Listed::default());
    }
    let mut paths: Vec<String> = pointers.map(|f| f.path.clone()).collect();
    paths.sort_unstable();
    (paths.len(), paths.into())
}

/// Files that satisfy no document usually carry a name the document's
/// pattern does not expect; saying so beats counting the document missing.
fn unmatched_files(file: &IndicatorFile, strays: &[&str], indicator: &Indicator, out: &mut Vec<Problem>) {
    if strays.is_empty() {
        return;
    }
    // Shared by every file's problem: an indicator may have hundreds.
    let documents: Arc<[Arc<str>]> = indicator.evidence.iter().map(|e| Arc::from(e.name.as_str())).collect();
    let plan_file: Arc<str> = Arc::from(file.path.as_str());
    for stray in strays {
        let kind = Kind::UnmatchedFile {
            documents: Arc::clone(&documents),
            plan_file: Arc::clone(&plan_file),
            looks_like: None,
        };
        out.push(Problem::new(kind, join(&file.evidence, stray)));
    }
}

/// Each document of a period or occurrence and the files that satisfy it,
/// when `detail` asks for them.
fn documents(
    names: &[DocumentName],
    assignment: &Assignment,
    files: &[&EvidenceFile],
    detail: Detail,
) -> Listed<Document> {
    if detail != Detail::Files {
        return Listed::default();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::{config, plan};

    fn evaluate_repo(detail: Detail, keep: Keep) -> Evaluation {
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
        // Warnings: a file matching no document, one in a month outside the
        // plan (misfiled), one loose beside the month folders (misfiled).
        write("evidence/1-a/1-b/1-rapat/2022-06/foto.jpg", "%PDF");
        write("evidence/1-a/1-b/1-rapat/2021-06/undangan.pdf", "%PDF");
        write("evidence/1-a/1-b/1-rapat/notulen.pdf", "%PDF");
        let mut problems = Vec::new();
        let (config, _) = config::load(root, &mut problems);
        let plan = plan::discover(root, config, 2022, &mut problems);
        let as_of = NaiveDate::from_ymd_opt(2022, 7, 1).unwrap();
        Evaluation::new(plan, as_of, |_| detail, keep, crate::load::indicator, problems)
    }

    #[test]
    fn a_summary_judges_exactly_as_the_full_evaluation_without_listing_files() {
        let (summary, full) =
            (evaluate_repo(Detail::Summary, Keep::Every), evaluate_repo(Detail::Files, Keep::Every));
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
            assert_eq!(s.text(), f.text());
            assert!(s.whole().is_none());
            assert!(s.periods.iter().all(|p| p.documents.is_empty()));
        }
        let rapat = &full.indicators[0];
        let mut year = Progress::default();
        rapat.periods.iter().for_each(|p| year.add(p.progress()));
        assert_eq!((year, rapat.periods[1].progress()), (rapat.year, Progress { present: 1, required: 2 }));
        assert_eq!(rapat.status, Status::Overdue);
        assert_eq!(rapat.periods[0].documents[0].files, ["2022-02/undangan.pdf"]);
        assert_eq!(rapat.periods[0].state, PeriodState::Complete);
        assert_eq!(rapat.periods[1].missing().collect::<Vec<_>>(), [Some("Daftar hadir")]);
        assert_eq!(rapat.whole().unwrap().actions, ["Rapat"]);
        let temu = &summary.indicators[1];
        assert_eq!(temu.occurrences.iter().map(|o| o.has_files()).collect::<Vec<_>>(), [true, false]);
    }

    #[test]
    fn judging_for_the_problems_finds_the_same_and_keeps_no_period() {
        let (problems, summary) =
            (evaluate_repo(Detail::Problems, Keep::Every), evaluate_repo(Detail::Summary, Keep::Every));
        assert_eq!(problems.problems, summary.problems);
        for (p, s) in problems.indicators.iter().zip(&summary.indicators) {
            assert_eq!((p.status, p.lke(), p.text()), (s.status, s.lke(), p.file.path.as_str()));
            assert!(p.periods.is_empty() && p.occurrences.is_empty() && p.due_text().is_none());
        }
        assert!(!summary.indicators[0].periods.is_empty());
    }

    /// A large plan holds a dozen periods per indicator.
    #[test]
    fn a_period_stays_small() {
        assert!(std::mem::size_of::<PeriodReport>() <= 80, "{}", std::mem::size_of::<PeriodReport>());
    }

    #[test]
    fn counting_warnings_instead_of_keeping_them_counts_the_same() {
        let every = evaluate_repo(Detail::Summary, Keep::Every);
        let errors = evaluate_repo(Detail::Summary, Keep::Errors);
        let codes = |e: &Evaluation| -> Vec<&str> { e.problems.iter().map(|p| p.code().name()).collect() };
        assert_eq!(
            codes(&every),
            ["month-outside-plan", "unmatched-file", "loose-evidence"],
            "{:?}",
            every.problems
        );
        assert_eq!((every.counts(), every.misfiled()), ((0, 3), 2));
        assert_eq!((errors.counts(), errors.misfiled()), ((0, 3), 2));
        assert!(errors.problems.is_empty());
        assert_eq!(errors.indicators, every.indicators);
        let misfiled = evaluate_repo(Detail::Summary, Keep::Misfiled);
        assert_eq!(codes(&misfiled), ["month-outside-plan", "loose-evidence"]);
        assert_eq!((misfiled.counts(), misfiled.misfiled()), ((0, 3), 2));
    }

    #[test]
    fn a_report_judged_in_full_then_kept_in_summary_is_the_summary() {
        let summary = evaluate_repo(Detail::Summary, Keep::Every);
        let mut full = evaluate_repo(Detail::Files, Keep::Every);
        assert!(full.indicators.iter().any(|r| r.whole().is_some()));
        full.indicators.iter_mut().for_each(IndicatorReport::keep_summary);
        assert_eq!(full.indicators, summary.indicators);
    }
}
