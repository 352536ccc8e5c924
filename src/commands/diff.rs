//! `zi diff [REV[..REV]]`: what changed in status between two commits, or
//! between a commit and the working tree. A commit is read from git into a
//! temporary folder (never the work tree or the index) and judged exactly
//! as `zi status` judges the working tree, on the same date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;
use chrono::NaiveDate;

use super::plan;
use crate::judge::changes::Changes;
use crate::judge::evaluate::{Detail, Evaluation};
use crate::judge::score;
use crate::judge::view::DiffView;
use crate::load::git::Repo;
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
    let (before, before_answers) = judge(&repo, settings, Some(&from_commit))?;
    let (after, after_answers) = judge(&repo, settings, to_commit.as_deref())?;
    let mut changes = Changes::between(&before, &after);
    changes.answers =
        score::answer_changes((&before_answers.0, &before_answers.1), (&after_answers.0, &after_answers.1));
    let view =
        DiffView { eval: &after, from: from.to_string(), to: to.map(str::to_string), changes: &changes };
    render::renderer(format, settings.style(), out).diff(&view)?;
    Ok(ExitCode::SUCCESS)
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

/// The plan judged as it is in `commit`, or in the working tree, and its
/// assessments (their problems are `zi check`'s to list).
fn judge(repo: &Repo, settings: &Settings, commit: Option<&str>) -> Result<(Evaluation, Answers), Fatal> {
    let Some(commit) = commit else {
        let eval = plan::evaluate_settings(settings, plan::Want::all(|_| Detail::Files));
        let answers = answers(&settings.root, &eval);
        return Ok((eval, answers));
    };
    let scratch = tempfile::Builder::new()
        .prefix("zi-diff-")
        .tempdir()
        .map_err(|e| Fatal::TempFolder { error: e.to_string() })?;
    repo.export(commit, scratch.path())?;
    let eval = judge_folder(scratch.path(), settings.as_of);
    let answers = answers(scratch.path(), &eval);
    Ok((eval, answers))
}

fn answers(root: &Path, eval: &Evaluation) -> Answers {
    let mut problems = Vec::new();
    let lke = lke::for_config(root, &eval.plan.config, &mut problems).into_owned();
    let all = assessment::load_all(root, &lke, &mut problems);
    (lke, all)
}

fn judge_folder(root: &Path, as_of: NaiveDate) -> Evaluation {
    plan::evaluate_other(root, as_of, plan::Want::all(|_| Detail::Files))
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
