//! `zi diff [REV[..REV]]`: what changed in status between two commits, or
//! between a commit and the working tree. A commit is read from git into a
//! temporary folder (never the work tree or the index) and judged exactly
//! as `zi status` judges the working tree, on the same date.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};
use chrono::NaiveDate;

use crate::cli::{DiffFormat, GlobalArgs};
use crate::judge::changes::Changes;
use crate::judge::evaluate::{Detail, Evaluation};
use crate::load::git::Repo;
use crate::render::{self, DiffView};
use crate::text::Lang;

pub fn run(
    global: &GlobalArgs,
    range: Option<&str>,
    format: DiffFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (root, lang) = super::locate(global)?;
    let repo = Repo::containing(&root)?;
    let (from, to) = parse_range(range)?;
    // Both revisions are checked before anything is read.
    let from_commit = repo.commit(from)?;
    let to_commit = to.map(|rev| repo.commit(rev)).transpose()?;
    let as_of = super::as_of(global);
    let before = judge(&repo, &root, Some(&from_commit), as_of, lang)?;
    let after = judge(&repo, &root, to_commit.as_deref(), as_of, lang)?;
    let changes = Changes::between(&before, &after);
    let view =
        DiffView { eval: &after, from: from.to_string(), to: to.map(str::to_string), changes: &changes };
    match format {
        DiffFormat::Table => render::table::diff(&view, lang, out)?,
        DiffFormat::Json => render::json::diff(&view, lang, out)?,
        DiffFormat::Markdown => render::markdown::diff(&view, lang, out)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// The revision to start from and the one to end at (`None`: the working
/// tree): `REV` (against the working tree), `A..B`, `A..` (to HEAD) or
/// `..B` (from HEAD), as git reads ranges; nothing means `HEAD`.
fn parse_range(range: Option<&str>) -> Result<(&str, Option<&str>)> {
    let Some(range) = range.map(str::trim) else { return Ok(("HEAD", None)) };
    if range.contains("...") {
        bail!("`{range}`: zi diff compares two commits, A..B; A...B is not supported");
    }
    Ok(match range.split_once("..") {
        Some((from, to)) => {
            (if from.is_empty() { "HEAD" } else { from }, Some(if to.is_empty() { "HEAD" } else { to }))
        }
        None => (range, None),
    })
}

/// The plan judged as it is in `commit`, or in the working tree.
fn judge(repo: &Repo, root: &Path, commit: Option<&str>, as_of: NaiveDate, lang: Lang) -> Result<Evaluation> {
    let Some(commit) = commit else { return Ok(super::evaluate(root, as_of, lang, |_| Detail::Files)) };
    let scratch =
        tempfile::Builder::new().prefix("zi-diff-").tempdir().context("cannot create a temporary folder")?;
    repo.export(commit, scratch.path())?;
    Ok(super::evaluate(scratch.path(), as_of, lang, |_| Detail::Files))
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
