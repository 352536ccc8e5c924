//! `zi overdue`: what passed its deadline without complete evidence. Built
//! for a pre-commit hook: one line per overdue period, exit 1 if any (or if
//! the plan has errors). With `--staged` it judges what a commit would hold
//! (git's index, read into memory, never written), and with
//! `--new-since REV` only what is new since REV counts in the exit status.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::plan;
use crate::judge::evaluate::{Detail, Evaluation, Keep};
use crate::judge::overdue::{self, Baseline};
use crate::judge::select::{self, Filter};
use crate::judge::view::OverdueView;
use crate::load::git::{Repo, TreeFile};
use crate::load::git_tree::CommitTree;
use crate::model::plan::{Config, IndicatorFile, CONFIG_FILE};
use crate::problem::{Fatal, Note};
use crate::render::{self, CheckFormat, Findings};
use crate::settings::Settings;

/// Which plan is judged, and against what.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Scope<'a> {
    /// The staged plan instead of the working tree.
    pub(crate) staged: bool,
    /// Count only what is new since this revision.
    pub(crate) new_since: Option<&'a str>,
    /// The IDs the list is about: only their part of the plan is read.
    pub(crate) ids: &'a [String],
}

impl Scope<'_> {
    /// Whether git is needed: plain `zi overdue` works outside git.
    pub(crate) fn uses_git(&self) -> bool {
        self.staged || self.new_since.is_some()
    }
}

/// The list, and whether it fails: anything overdue or invalid (or any plan
/// error), or with a baseline anything of that that is new.
/// `filter` narrows the list (and what of it is new), but the plan's
/// errors fail the run whatever it keeps: a hook that asks about one area
/// must still not let a broken file through.
pub(super) fn run(
    eval: &Evaluation,
    filter: Filter,
    within: Option<u32>,
    since: Option<&Since>,
    renderer: &mut dyn Findings,
) -> Result<ExitCode> {
    select::require_matches(filter.ids, eval)?;
    let view = OverdueView { eval, entries: listed(eval, filter, within) };
    renderer.overdue(&view)?;
    renderer.finish()?;
    let fails = match since {
        None => overdue::fails(eval, &view.entries),
        Some(since) => overdue::new_since(eval, &view.entries, since.baseline.as_ref()) > 0,
    };
    Ok(if fails { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The entries of the list `filter` keeps.
fn listed<'a>(eval: &'a Evaluation, filter: Filter, within: Option<u32>) -> Vec<overdue::Entry<'a>> {
    overdue::entries(eval, within).into_iter().filter(|e| filter.keeps(e.report)).collect()
}

/// The plan judged as the scope asks: the working tree, or what is staged
/// (read from git's index into memory, and laid out by the same rules).
pub(super) fn judged(settings: &Settings, scope: Scope) -> Result<Evaluation, Fatal> {
    if !scope.staged {
        return Ok(plan::evaluate_settings(settings, summary(scope.ids)));
    }
    staged_in(settings, &Repo::find(&settings.root, settings.git_located)?, scope.ids)
}

/// The plan as it is staged in `repo`, whose prefix is the plan root's.
fn staged_in(settings: &Settings, repo: &Repo, ids: &[String]) -> Result<Evaluation, Fatal> {
    let tree = CommitTree::staged(repo, &settings.root, settings.git_index_file.as_deref())?;
    Ok(plan::evaluate_tree(&tree, settings.as_of, summary(ids)))
}

/// The plan staged in `repo` (whose prefix is the plan root's) and its
/// staged `zi.toml`, of the files `staged` lists of it (as
/// `Repo::staged_files` does); `None` when no
/// `zi.toml` is staged.
pub(super) fn staged_unit(
    settings: &Settings,
    repo: &Repo,
    staged: Vec<TreeFile>,
) -> Result<Option<(Evaluation, Config)>, Fatal> {
    let tree = CommitTree::staged_from(repo, staged, &settings.root)?;
    if !tree.holds(CONFIG_FILE) {
        return Ok(None);
    }
    let config = tree.config(&mut Vec::new());
    Ok(Some((plan::evaluate_tree(&tree, settings.as_of, summary(&[])), config)))
}

/// What the exit status is measured against: the plan in a revision.
pub(super) struct Since {
    pub(super) rev: String,
    /// `None` before the first commit: then nothing is new.
    pub(super) baseline: Option<Baseline>,
}

impl Since {
    /// The plan in `rev`, judged on the settings' date.
    pub(super) fn read(settings: &Settings, rev: &str, ids: &[String]) -> Result<Since, Fatal> {
        Since::read_in(settings, &Repo::find(&settings.root, settings.git_located)?, rev, ids, None)
    }

    /// The same, of the plan root at `repo`'s prefix, of the files
    /// `listed` of it in `rev` when they are known.
    pub(super) fn read_in(
        settings: &Settings,
        repo: &Repo,
        rev: &str,
        ids: &[String],
        listed: Option<Vec<TreeFile>>,
    ) -> Result<Since, Fatal> {
        if let Some(listed) = listed {
            let tree = CommitTree::at_from(repo, listed, &settings.root)?;
            let eval = plan::evaluate_tree(&tree, settings.as_of, summary(ids));
            return Ok(Since { rev: rev.to_string(), baseline: Some(Baseline::of(&eval)) });
        }
        // One `git ls-tree` when the revision has the plan root; else git
        // is asked why.
        let tree = match CommitTree::at(repo, rev, &settings.root) {
            Some(tree) => tree?,
            None => match repo.commit(rev) {
                Ok(commit) => CommitTree::read(repo, &commit, None)?,
                Err(_) if !repo.has_commits() => return Ok(Since { rev: rev.to_string(), baseline: None }),
                Err(e) => return Err(e),
            },
        };
        let eval = plan::evaluate_tree(&tree, settings.as_of, summary(ids));
        Ok(Since { rev: rev.to_string(), baseline: Some(Baseline::of(&eval)) })
    }

    /// The same, for a unit of a workspace whose folder is `rel`, its
    /// evaluation's paths taken from the root.
    pub(super) fn prefixed(self, rel: &str) -> Since {
        Since { rev: self.rev, baseline: self.baseline.map(|b| b.prefixed(rel)) }
    }

    /// Whether anything of `entries` (or an error of `eval`) is new.
    pub(super) fn fails(&self, eval: &Evaluation, entries: &[overdue::Entry]) -> bool {
        overdue::new_since(eval, entries, self.baseline.as_ref()) > 0
    }

    /// How much of the list `filter` keeps is new; `None` before the first commit.
    pub(super) fn new_in(&self, eval: &Evaluation, filter: Filter, within: Option<u32>) -> Option<usize> {
        let baseline = self.baseline.as_ref()?;
        Some(overdue::new_since(eval, &listed(eval, filter, within), Some(baseline)))
    }

    /// What to say on standard error about what is new in the list
    /// `filter` keeps.
    pub(super) fn note(&self, eval: &Evaluation, filter: Filter, within: Option<u32>) -> Note {
        let entries = listed(eval, filter, within);
        match &self.baseline {
            None => Note::NothingBeforeFirstCommit,
            Some(baseline) => Note::NewSince {
                rev: self.rev.clone(),
                new: overdue::new_since(eval, &entries, Some(baseline)),
            },
        }
    }
}

/// What the overdue list needs of the plan: the part the IDs select, each
/// indicator in summary, the errors (warnings only counted).
fn summary(ids: &[String]) -> plan::Want<'_, impl Fn(&IndicatorFile) -> Detail + Sync> {
    plan::Want { keep: Keep::Errors, ids, detail: |_: &IndicatorFile| Detail::Summary }
}

/// `zi overdue [--staged] [--new-since REV]`: the list, then on standard
/// error what of it is new.
pub(super) fn run_scoped(
    settings: &Settings,
    filter: Filter,
    within: Option<u32>,
    scope: Scope,
    format: CheckFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let eval = judged(settings, scope)?;
    let since = scope.new_since.map(|rev| Since::read(settings, rev, scope.ids)).transpose()?;
    let code = plan::report_on(settings, &eval, true, out, err, &|eval, out| {
        let prefix = super::check::repository_prefix(settings, format);
        run(
            eval,
            filter,
            within,
            since.as_ref(),
            &mut *render::findings(format, settings.style(), &prefix, out),
        )
    })?;
    if let Some(since) = &since {
        writeln!(err, "zi: {}", render::note(&since.note(&eval, filter, within), settings.style()))?;
    }
    Ok(code)
}
