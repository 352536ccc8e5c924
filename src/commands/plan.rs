//! The plan judged: read from disk, then every indicator judged on the
//! as-of date.

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use chrono::{Datelike, NaiveDate};

use crate::judge::evaluate::{Detail, Evaluation, IndicatorReport, Keep};
use crate::load::git_tree::CommitTree;
use crate::load::{config, plan};
use crate::model::plan::{Config, IndicatorFile, Plan};
use crate::problem::{Note, Problem};
use crate::render;
use crate::settings::Settings;

/// What of the plan a command judges and keeps: the problems, the part of
/// the plan (the areas and components that may hold an indicator the IDs
/// select; all of it when there are none) and how much of each indicator.
#[derive(Clone, Copy)]
pub(super) struct Want<'a, D> {
    pub(super) keep: Keep,
    pub(super) ids: &'a [String],
    pub(super) detail: D,
}

impl<'a, D: Fn(&IndicatorFile) -> Detail + Sync> Want<'a, D> {
    pub(super) fn new(keep: Keep, ids: &'a [String], detail: D) -> Self {
        Want { keep, ids, detail }
    }

    /// The whole plan, every problem.
    pub(super) fn all(detail: D) -> Self {
        Want::new(Keep::Every, &[], detail)
    }
}

/// The plan under the settings' root judged on the settings' date, with
/// `zi.toml` as the settings read it.
pub(super) fn evaluate_settings(
    settings: &Settings,
    want: Want<impl Fn(&IndicatorFile) -> Detail + Sync>,
) -> Evaluation {
    evaluate_each(settings, want, &|_, _, _| {})
}

/// `evaluate_settings`, handing each report and its index in the plan to
/// `each` as it is judged (`Evaluation::each`).
pub(super) fn evaluate_each(
    settings: &Settings,
    want: Want<impl Fn(&IndicatorFile) -> Detail + Sync>,
    each: &(dyn Fn(&Plan, usize, &mut IndicatorReport) + Sync),
) -> Evaluation {
    let problems = settings.config_problems.clone();
    evaluate(&settings.root, settings.config.clone(), problems, settings.as_of, want, each)
}

/// The plan under the settings' root, not judged, and the problems found
/// reading it (`zi.toml`'s first).
pub(super) fn discover_settings(settings: &Settings) -> (Plan, Vec<Problem>) {
    let mut problems = settings.config_problems.clone();
    let config = settings.config.clone();
    let year = config.year.unwrap_or_else(|| settings.as_of.year());
    let plan = plan::discover_part(&settings.root, config, year, &[], &mut problems);
    (plan, problems)
}

/// Reads the plan and evidence under `root` and judges them on `as_of`.
fn evaluate(
    root: &Path,
    config: Config,
    mut problems: Vec<Problem>,
    as_of: NaiveDate,
    want: Want<impl Fn(&IndicatorFile) -> Detail + Sync>,
    each: &(dyn Fn(&Plan, usize, &mut IndicatorReport) + Sync),
) -> Evaluation {
    let year = config.year.unwrap_or_else(|| as_of.year());
    let plan = plan::discover_part(root, config, year, want.ids, &mut problems);
    Evaluation::each(plan, as_of, want.detail, want.keep, crate::load::indicator, problems, each)
}

/// A plan read from git into memory (the index, or a commit's tree), its
/// own `zi.toml` included, walked and checked as the disk's is. Every path
/// comes from the tree: the root is never read.
pub(super) fn evaluate_tree(
    tree: &CommitTree,
    as_of: NaiveDate,
    want: Want<impl Fn(&IndicatorFile) -> Detail + Sync>,
) -> Evaluation {
    let mut problems = Vec::new();
    let (config, _) = config::load_from(tree, &mut problems);
    let year = config.year.unwrap_or_else(|| as_of.year());
    let plan = plan::discover_in(tree, Path::new(""), config, year, want.ids, &mut problems);
    let read = |plan: &_, file: &_, part, out: &mut _| tree.indicator(plan, file, part, out);
    Evaluation::new(plan, as_of, want.detail, want.keep, read, problems)
}

/// A report on the judged plan, written to the (buffered) output.
pub(super) type Report<'a> = &'a dyn Fn(&Evaluation, &mut dyn Write) -> Result<ExitCode>;

/// Runs `report` on a judged plan, and notes its problems (with `note_problems`, a line on standard error when plan files have errors).
pub(super) fn report_on(
    settings: &Settings,
    eval: &Evaluation,
    note_problems: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
    report: Report,
) -> Result<ExitCode> {
    // Standard output is line-buffered; a report of 100,000 indicators
    // would cost a write per line without this buffer.
    let mut buffered = BufWriter::with_capacity(64 * 1024, out);
    let code = report(eval, &mut buffered)?;
    buffered.flush()?;
    let (errors, _) = eval.counts();
    if note_problems && errors > 0 {
        let _ = writeln!(err, "zi: {}", render::note(&Note::ProblemsInPlan { errors }, settings.style()));
    }
    let places = eval.misfiled();
    if note_problems && places > 0 {
        let _ = writeln!(err, "zi: {}", render::note(&Note::Misfiled { places }, settings.style()));
    }
    Ok(code)
}

/// Evaluations of this many indicators or more are freed on another thread.
const FREE_IN_BACKGROUND_FROM: usize = 10_000;

/// Freeing a large evaluation allocation by allocation takes about a twentieth
/// of the run, and nobody waits for it: the report is out (or, for `zi
/// check`, made from what was taken out of it), and when the process exits
/// first the system takes the memory back whole.
pub(super) fn free_in_background(eval: Evaluation) {
    if eval.indicators.len() >= FREE_IN_BACKGROUND_FROM {
        std::thread::spawn(move || drop(eval));
    }
}
