//! `zi diff [REV[..REV]]`: what changed in status between two commits, or
//! between a commit and the working tree. A commit is read from git into
//! memory (never the work tree or the index; nothing is written anywhere)
//! and judged exactly as `zi status` judges the working tree, on the same
//! date. Only the indicators whose files changed are read and judged, on
//! both sides: git says which paths differ.

use std::collections::BTreeSet;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::plan;
use crate::judge::changes::Changes;
use crate::judge::evaluate::{Detail, Evaluation, Keep};
use crate::judge::score;
use crate::judge::view::DiffView;
use crate::load::git::Repo;
use crate::load::git_tree::CommitTree;
use crate::load::subset::{self, Touched};
use crate::load::{assessment, lke};
use crate::model::assessment::Assessment;
use crate::model::lke::Lke;
use crate::problem::Fatal;
use crate::render::{self, Format};
use crate::settings::Settings;

pub(super) fn run(
    settings: &Settings,
    range: Option<&str>,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let repo = Repo::containing(&settings.root)?;
    let (from, to) = parse_range(range)?;
    // Both revisions are checked before anything is read.
    let from_commit = repo.commit(from)?;
    let to_commit = to.map(|rev| repo.commit(rev)).transpose()?;
    let only = touched(&repo.changed(&from_commit, to_commit.as_deref())?);
    let (before, before_answers) = judge_commit(&repo, &from_commit, settings.as_of, only.as_deref())?;
    let (after, after_answers) = match &to_commit {
        Some(commit) => judge_commit(&repo, commit, settings.as_of, only.as_deref())?,
        None => judge_working_tree(settings, only.as_deref()),
    };
    let mut changes = Changes::between(&before, &after);
    changes.answers =
        score::answer_changes((&before_answers.0, &before_answers.1), (&after_answers.0, &after_answers.1));
    let view =
        DiffView { eval: &after, from: from.to_string(), to: to.map(str::to_string), changes: &changes };
    render::renderer(format, settings.style(), out).diff(&view)?;
    Ok(ExitCode::SUCCESS)
}

/// The plan files of the indicators the changed `paths` touch, the only
/// ones whose judgement can differ between the two sides (the others are
/// the same files, judged on the same date); `None` when every indicator
/// may differ (`zi.toml` changed).
fn touched(paths: &[String]) -> Option<Vec<String>> {
    let mut plan_files = BTreeSet::new();
    for path in paths {
        match subset::touched(path) {
            Touched::Nothing => {}
            Touched::Indicator(plan_file) => {
                plan_files.insert(plan_file);
            }
            Touched::Every => return None,
        }
    }
    Some(plan_files.into_iter().collect())
}

/// The revision to start from and the one to end at (`None`: the working
/// tree): `REV` (against the working tree), `A..B`, `A..` (to HEAD) or
/// `..B` (from HEAD), as git reads ranges; nothing means `HEAD`.
fn parse_range(range: Option<&str>) -> Result<(&str, Option<&str>), Fatal> {
    let Some(range) = range.map(str::trim) else { return Ok(("HEAD", None)) };
    if range.contains("...") {
        return Err(Fatal::SymmetricRange { range: range.to_string() });
    }
    Ok(match range.split_once("..") {
        Some((from, to)) => {
            (if from.is_empty() { "HEAD" } else { from }, Some(if to.is_empty() { "HEAD" } else { to }))
        }
        None => (range, None),
    })
}

/// An LKE and the assessments made against it.
type Answers = (Lke, Vec<Assessment>);

/// The plan as it is in the working tree, of the indicators at
/// `plan_files` only when given, and its assessments (their problems are
/// `zi check`'s to list).
fn judge_working_tree(settings: &Settings, plan_files: Option<&[String]>) -> (Evaluation, Answers) {
    let eval = match plan_files {
        None => plan::evaluate_settings(settings, plan::Want::new(Keep::Errors, &[], |_| Detail::Files)),
        Some(plan_files) => {
            let year = settings.config.year.unwrap_or_else(|| settings.as_of.year());
            let (files, unfollowed) = subset::on_disk(&settings.root, plan_files);
            let plan = subset::plan(&settings.root, settings.config.clone(), year, files, unfollowed);
            Evaluation::new(
                plan,
                settings.as_of,
                |_| Detail::Files,
                Keep::Errors,
                crate::load::indicator,
                Vec::new(),
            )
        }
    };
    let mut problems = Vec::new();
    let lke = lke::for_config(&settings.root, &eval.plan.config, &mut problems).into_owned();
    let all = assessment::load_all(&settings.root, &lke, &mut problems);
    (eval, (lke, all))
}

/// The plan as it is in `commit`, read from git into memory, as
/// `judge_working_tree` judges the working tree.
fn judge_commit(
    repo: &Repo,
    commit: &str,
    as_of: NaiveDate,
    plan_files: Option<&[String]>,
) -> Result<(Evaluation, Answers), Fatal> {
    let tree = CommitTree::read(repo, commit, plan_files)?;
    let mut problems = Vec::new();
    let config = tree.config(&mut problems);
    let year = config.year.unwrap_or_else(|| as_of.year());
    let lke = tree.lke(repo, commit, &config, &mut problems);
    let assessments = tree.assessments(&lke, &mut problems);
    // Every path of the plan comes from the tree: the root is never read.
    let plan = subset::plan(Path::new(""), config, year, tree.indicators(plan_files), Vec::new());
    let read = |plan: &_, file: &_, part, out: &mut _| tree.indicator(plan, file, part, out);
    let eval = Evaluation::new(plan, as_of, |_| Detail::Files, Keep::Errors, read, problems);
    Ok((eval, (lke, assessments)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_read_as_git_reads_them() {
        assert_eq!(parse_range(None).unwrap(), ("HEAD", None));
        assert_eq!(parse_range(Some("v1")).unwrap(), ("v1", None));
        assert_eq!(parse_range(Some("a..b")).unwrap(), ("a", Some("b")));
        assert_eq!(parse_range(Some("a..")).unwrap(), ("a", Some("HEAD")));
        assert_eq!(parse_range(Some("..b")).unwrap(), ("HEAD", Some("b")));
        assert!(parse_range(Some("a...b")).is_err());
    }
}
