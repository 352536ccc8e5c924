//! `zi check`'s judging: the indicators judged for their problems a part at
//! a time, and the problems handed on in the order `problem::sort` gives
//! the whole, as soon as no later part can come before them. A large plan
//! has a warning for every third evidence file; held until the end, they
//! would be most of a check's memory.
//!
//! An indicator's problems lie at its plan file or in its evidence folder,
//! so none comes before the lower of the two paths. Indicators are judged
//! in the order of that path, and after each part every problem before the
//! next part's lowest path is ready. With the usual layout (`evidence/`
//! before `plan/`) the few problems of plan files wait for the end, and
//! those of evidence go out part by part.

use std::cmp::Ordering;
use std::sync::Arc;

use chrono::NaiveDate;

use crate::judge::evaluate::{evaluate_keeping_documents, Detail, IndicatorReport};
use crate::judge::looks_like::{self, Known};
use crate::model::plan::{Component, IndicatorFile, Loaded, Part, Plan};
use crate::parallel;
use crate::problem::Problem;
use rustc_hash::FxHashMap as FastMap;

/// Indicators judged together: enough to keep every core busy, few enough
/// that their problems are a small part of a large plan's.
const PART: usize = 512;

/// Which problems come first among those at the same place: the order they
/// are found in when the plan is judged whole.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Found {
    /// Before the indicators are judged (`zi.toml`, the plan's layout).
    Before(u32),
    /// By an indicator's own reading and judging: its place in the plan,
    /// then the problem's place in what it found.
    Own(u32, u32),
    /// Of an indicator's report, once judged (its LKE questions).
    OfReport(u32, u32),
    /// After the plan is judged (the LKE, the assessments).
    After(u32),
}

/// A problem not yet handed on, ordered as it is handed on.
struct Pending {
    problem: Problem,
    found: Found,
}

impl Ord for Pending {
    fn cmp(&self, other: &Pending) -> Ordering {
        self.problem.cmp_place(&other.problem).then(self.found.cmp(&other.found))
    }
}

impl PartialOrd for Pending {
    fn partial_cmp(&self, other: &Pending) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl PartialEq for Pending {
    fn eq(&self, other: &Pending) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Pending {}

/// The problems of a check, `before` and `after` the plan's own.
pub(crate) struct Beside {
    pub(crate) before: Vec<Problem>,
    pub(crate) after: Vec<Problem>,
}

/// Judges every indicator of `plan` on `as_of` for its problems (read with
/// `read`, each part on every core), adds those `of_report` finds in each
/// indicator's report and those `beside` it, and hands them to `emit` in
/// order, in parts, each repeat dropped: together, what `problem::sort`
/// makes of them all.
pub(crate) fn problems_in_order<E>(
    plan: &Plan,
    as_of: NaiveDate,
    read: impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync,
    of_report: impl Fn(&IndicatorReport, &mut Vec<Problem>) + Sync,
    beside: Beside,
    emit: impl FnMut(Vec<Problem>) -> Result<(), E>,
) -> Result<(), E> {
    in_parts(PART, plan, as_of, read, of_report, beside, emit)
}

/// `problems_in_order`, `size` indicators a part.
fn in_parts<E>(
    size: usize,
    plan: &Plan,
    as_of: NaiveDate,
    read: impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync,
    of_report: impl Fn(&IndicatorReport, &mut Vec<Problem>) + Sync,
    beside: Beside,
    mut emit: impl FnMut(Vec<Problem>) -> Result<(), E>,
) -> Result<(), E> {
    // Each indicator with its place in the plan and its component.
    let mut files: Vec<(u32, &Component, &Arc<IndicatorFile>)> = (0..)
        .zip(
            plan.areas
                .iter()
                .flat_map(|a| &a.components)
                .flat_map(|c| c.indicators.iter().map(move |f| (c, f))),
        )
        .map(|(index, (component, file))| (index, component, file))
        .collect();
    // A stable sort: indicators at the same place keep the plan's order.
    files.sort_by(|(_, _, a), (_, _, b)| lowest(a).cmp(lowest(b)));
    // Sorted when a part is ready: the part's own problems come in runs
    // already in order, which a stable sort merges rather than sorts.
    let mut pending = Vec::new();
    let mut hold = |problem: Problem, found: Found| pending.push(Pending { problem, found });
    (0..).zip(beside.before).for_each(|(i, p)| hold(p, Found::Before(i)));
    (0..).zip(beside.after).for_each(|(i, p)| hold(p, Found::After(i)));
    let mut last: Option<Problem> = None;
    let shared = parallel::pays(files.len(), parallel::INDICATORS);
    let judge = |(index, _, file): &(u32, &Component, &Arc<IndicatorFile>)| {
        let (report, found, documents) =
            evaluate_keeping_documents(plan, file, as_of, Detail::Problems, &read);
        let mut of = Vec::new();
        of_report(&report, &mut of);
        (*index, found, of, documents)
    };
    let mut rest = &files[..];
    while !rest.is_empty() {
        let part;
        (part, rest) = rest.split_at(part_end(rest, size));
        let judged: Vec<_> = parallel::map(shared, part, judge);
        let mut own = Vec::new();
        let mut found_by = Vec::new();
        // How many problems each indicator found, in the order of `own`.
        let mut counts = Vec::with_capacity(part.len());
        let mut known = FastMap::with_capacity_and_hasher(part.len(), Default::default());
        for ((index, component, file), (_, found, of, documents)) in part.iter().zip(judged) {
            found_by.extend((0..).take(found.len()).map(|i| Found::Own(*index, i)));
            counts.push(found.len());
            own.extend(found);
            for (i, problem) in (0..).zip(of) {
                pending.push(Pending { problem, found: Found::OfReport(*index, i) });
            }
            known.insert(file.path.as_str(), Known { component, documents: Some(documents) });
        }
        looks_like::name_siblings_known(plan, &mut own, &known, &read);
        drop(known);
        // Each indicator's problems sorted on their own: indicators come in
        // the order of their paths, so the part is then nearly one run,
        // which the sort of `take_ready` passes over instead of merging
        // a run or two per indicator.
        let mut own = own.into_iter().zip(found_by).map(|(problem, found)| Pending { problem, found });
        for count in counts {
            let start = pending.len();
            pending.extend(own.by_ref().take(count));
            // No two are equal (`found` tells each apart): an unstable sort
            // gives the same order, without a stable sort's buffer.
            pending[start..].sort_unstable();
        }
        // No later problem comes before the next part's lowest path.
        let next = rest.first().map(|(_, _, file)| lowest(file));
        let ready = take_ready(&mut pending, next, &mut last);
        if !ready.is_empty() {
            emit(ready)?;
        }
    }
    let ready = take_ready(&mut pending, None, &mut last);
    if !ready.is_empty() {
        emit(ready)?;
    }
    Ok(())
}

/// Where the next part of `files` ends: after `size` indicators, and after
/// the last of its last component's indicators that follow, so that a
/// component's documents are compiled once for its siblings' stray files.
fn part_end(files: &[(u32, &Component, &Arc<IndicatorFile>)], size: usize) -> usize {
    let mut end = size.min(files.len());
    while end < files.len() && std::ptr::eq(files[end].1, files[end - 1].1) {
        end += 1;
    }
    end
}

/// The lower of an indicator's plan file and evidence folder, before
/// every place its problems lie at.
fn lowest(file: &IndicatorFile) -> &str {
    file.path.as_str().min(file.evidence.as_str())
}

/// The pending problems at paths before `next` (all of them without it),
/// in order, without repeats of each other or of the `last` handed on.
fn take_ready(pending: &mut Vec<Pending>, next: Option<&str>, last: &mut Option<Problem>) -> Vec<Problem> {
    pending.sort();
    let end = next.map_or(pending.len(), |next| pending.partition_point(|p| p.problem.path.as_str() < next));
    let mut ready: Vec<Problem> = Vec::with_capacity(end);
    for Pending { problem, .. } in pending.drain(..end) {
        if ready.last().or(last.as_ref()) != Some(&problem) {
            ready.push(problem);
        }
    }
    if let Some(end) = ready.last() {
        *last = Some(end.clone());
    }
    ready
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::judge::evaluate::{Evaluation, Keep};
    use crate::load::{config, plan};
    use crate::problem::{self, Kind};

    /// Areas and indicators numbered so that the plan's order (by number)
    /// is not the order of their paths (`10-` before `2-`), with problems
    /// in plan files and evidence folders, and files a sibling claims.
    fn repo() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("zi.toml", "unit = \"U\"\nyear = 2022\n");
        for area in ["1-a", "2-b", "10-c"] {
            write(&format!("plan/{area}/area.toml"), "name = \"A\"\n");
            write(&format!("plan/{area}/1-k/component.toml"), "name = \"K\"\n");
            for (n, slug) in [(1, "rapat"), (2, "notulen"), (10, "temu")] {
                let id = format!("{n}-{slug}");
                let text = match slug {
                    "rapat" => "indicator = \"Rapat\"\nactions = [\"a\"]\nevidence = [\"Undangan\", \"Daftar hadir\"]\ndue = \"Maret, Juni 2022\"\n",
                    "notulen" => "indicator = \"Notulen\"\nactions = [\"a\"]\nevidnce = []\nevidence = [\"Notulen\", \"Foto\"]\ndue = \"Juni 2022\"\n",
                    _ => "indicator = \"Temu\"\nactions = [\"a\"]\nevidence = [\"Foto\"]\ndue = \"setiap bulan purnama\"\n",
                };
                write(&format!("plan/{area}/1-k/{id}.toml"), text);
                let evidence = format!("evidence/{area}/1-k/{id}");
                write(&format!("{evidence}/2022-03/undangan.pdf"), "%PDF");
                write(&format!("{evidence}/2022-03/notulen.pdf"), "%PDF");
                write(&format!("{evidence}/2021-06/undangan.pdf"), "%PDF");
                write(&format!("{evidence}/lepas.pdf"), "%PDF");
            }
        }
        dir
    }

    fn of_report(report: &IndicatorReport, out: &mut Vec<Problem>) {
        out.push(Problem::new(Kind::NoDue, report.file.path.clone()));
    }

    #[test]
    fn the_problems_come_in_the_order_of_the_whole_plan_judged_at_once_in_parts_of_any_size() {
        let dir = repo();
        let as_of = NaiveDate::from_ymd_opt(2022, 7, 1).unwrap();
        let discover = || {
            let mut before = Vec::new();
            let (config, _) = config::load(dir.path(), &mut before);
            (plan::discover(dir.path(), config, 2022, &mut before), before)
        };
        let after = || {
            let repeat = Problem::new(Kind::NoDue, "evidence/2-b/1-k/1-rapat/lepas.pdf");
            vec![Problem::new(Kind::NoDue, "zi.toml"), repeat.clone(), repeat]
        };
        let (plan, before) = discover();
        let eval =
            Evaluation::new(plan, as_of, |_| Detail::Problems, Keep::Every, crate::load::indicator, before);
        let mut expected = eval.problems.clone();
        eval.indicators.iter().for_each(|r| of_report(r, &mut expected));
        expected.extend(after());
        problem::sort(&mut expected);
        let codes: std::collections::BTreeSet<&str> = expected.iter().map(|p| p.code().name()).collect();
        assert!(
            codes.is_superset(&["unknown-key", "unmatched-file", "month-outside-plan", "bad-due"].into()),
            "{codes:?}"
        );
        let named = |p: &Problem| matches!(&p.kind, Kind::UnmatchedFile { looks_like: Some(_), .. });
        assert!(expected.iter().any(named), "a stray file a sibling's document names");
        let (plan, before) = discover();
        for size in 1..=10 {
            let mut parts: Vec<Vec<Problem>> = Vec::new();
            let beside = Beside { before: before.clone(), after: after() };
            let read = crate::load::indicator;
            in_parts(size, &plan, as_of, read, of_report, beside, |part| {
                parts.push(part);
                anyhow::Ok(())
            })
            .unwrap();
            // Three components of three indicators, each in one part: one
            // part for all once a part reaches into the third component.
            assert_eq!(parts.len() > 1, size <= 6, "{size}");
            assert_eq!(parts.concat(), expected, "{size}");
        }
    }
}
