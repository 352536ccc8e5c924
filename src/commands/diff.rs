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
use crate::judge::view::DiffView;
use crate::load::git::Repo;
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
    let before = judge(&repo, settings, Some(&from_commit))?;
    let after = judge(&repo, settings, to_commit.as_deref())?;
    let changes = Changes::between(&before, &after);
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

/// The plan judged as it is in `commit`, or in the working tree.
fn judge(repo: &Repo, settings: &Settings, commit: Option<&str>) -> Result<Evaluation, Fatal> {
    let Some(commit) = commit else { return Ok(plan::evaluate_settings(settings, |_| Detail::Files)) };
    let scratch = tempfile::Builder::new()
        .prefix("zi-diff-")
        .tempdir()
        .map_err(|e| Fatal::TempFolder { error: e.to_string() })?;
    repo.export(commit, scratch.path())?;
    Ok(judge_folder(scratch.path(), settings.as_of))
}

fn judge_folder(root: &Path, as_of: NaiveDate) -> Evaluation {
    plan::evaluate_other(root, as_of, |_| Detail::Files)
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
