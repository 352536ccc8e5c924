//! Finding the repository root and listing its folders: sorted the same way
//! on every machine, with the entries that are never plan or evidence
//! (hidden files, `.gitkeep`, `README*`) left out, and with links and odd
//! names reported rather than followed into loops or crashes.

use std::io;
use std::path::{Path, PathBuf};

use crate::load::dir::{Dir, Type};
use crate::model::plan::CONFIG_FILE;
pub(crate) use crate::model::plan::{join, number_prefix};
use crate::problem::{Fatal, Kind, Problem, Severity};

/// The first folder at or above `start` that holds `zi.toml`.
pub(crate) fn find_root(start: &Path) -> Result<PathBuf, Fatal> {
    find_root_seen(start).map(|(root, _)| root)
}

/// `find_root`, and whether its `zi.toml` was a regular file (or a link
/// to one) when it was found: it is then read without a stat again
/// (`crate::load::config::load_seen`).
pub(crate) fn find_root_seen(start: &Path) -> Result<(PathBuf, bool), Fatal> {
    let shown = || start.display().to_string();
    let start = std::fs::canonicalize(start)
        .map_err(|e| Fatal::CannotOpen { path: shown(), error: e.to_string() })?;
    for dir in start.ancestors() {
        let config = dir.join(CONFIG_FILE);
        // A folder zi may not look into is said as such: walking on past it
        // would end in "no zi.toml found", which is not what is wrong.
        // `try_exists`, with the type kept from the same stat; a start
        // that is no folder is told by it too (no stat of its own).
        match std::fs::metadata(&config) {
            Ok(meta) => return Ok((dir.to_path_buf(), meta.is_file())),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) if e.kind() == io::ErrorKind::NotADirectory && dir == start => {
                return Err(Fatal::NotAFolder { path: start.display().to_string() })
            }
            Err(e) => {
                return Err(Fatal::CannotOpen { path: dir.display().to_string(), error: e.to_string() })
            }
        }
        if std::fs::symlink_metadata(&config).is_ok_and(|m| m.file_type().is_symlink()) {
            return Err(Fatal::DanglingConfig { path: config.display().to_string() });
        }
        if is_bare_repository(dir) {
            return Err(Fatal::BareRepository { path: dir.display().to_string() });
        }
    }
    Err(Fatal::NoRoot { start: start.display().to_string() })
}

/// A bare git repository: `HEAD`, `objects/` and `refs/` with no work tree
/// (a `.git` folder is no bare repository: its parent is the work tree).
fn is_bare_repository(dir: &Path) -> bool {
    dir.file_name().is_some_and(|n| n != ".git")
        && dir.join("HEAD").is_file()
        && dir.join("objects").is_dir()
        && dir.join("refs").is_dir()
        && dir.join("config").is_file()
}

/// What a listed entry is, after following a link to a file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum EntryKind {
    Dir,
    File,
}

#[derive(Clone, Debug)]
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) kind: EntryKind,
    /// The number before the first dash, as in `3-penataan-sdm`.
    pub(crate) number: Option<u32>,
}

/// Names that are never plan or evidence.
pub(crate) fn is_ignored(name: &str) -> bool {
    name.starts_with('.') || name.starts_with("README") || name.starts_with("readme")
}

/// The entries of `dir` (shown as `rel`), numbered ones first by number, the
/// rest by name. Links to folders are reported and not followed, so a link
/// loop cannot trap the walk; links to files count as files.
///
/// Entries that cannot be used (a name that is not UTF-8, a link to a folder
/// or to nothing, a device or pipe) are reported at `skipped` severity: an
/// error under `plan/`, where each one hides part of the plan, a warning
/// under `evidence/`, where it only hides a document.
pub(crate) fn list(dir: &Path, rel: &str, skipped: Severity, out: &mut Vec<Problem>) -> Vec<Entry> {
    try_list(dir, rel, skipped, out).unwrap_or_else(|e| {
        out.push(unreadable(rel, &e));
        Vec::new()
    })
}

/// Like `list`, but a folder that cannot be opened is the caller's to judge:
/// a missing folder is often no problem at all.
pub(crate) fn try_list(
    dir: &Path,
    rel: &str,
    skipped: Severity,
    out: &mut Vec<Problem>,
) -> io::Result<Vec<Entry>> {
    let mut listing = Dir::read(dir)?;
    if let Some(e) = &listing.error {
        out.push(unreadable(rel, e));
    }
    let listed = std::mem::take(&mut listing.entries);
    let mut entries = Vec::with_capacity(listed.len());
    for (os_name, kind) in listed {
        let Some(name) = crate::load::dir::as_utf8(&os_name) else {
            let shown = os_name.to_string_lossy();
            if !shown.starts_with('.') {
                out.push(Problem::new(Kind::NonUtf8Name, join(rel, &shown)).with_severity(skipped));
            }
            continue;
        };
        // The entry's own type is the directory entry's; only a link is
        // stat'ed, to know what it leads to.
        let found = || match kind {
            Err(e) => Found::Unreadable(e),
            Ok(Type::Link) => match listing.stat(&os_name, true) {
                Ok(s) if s.kind == Type::File => Found::LinkToFile,
                Ok(s) if s.kind == Type::Dir => Found::LinkToDir,
                Ok(_) => Found::Special,
                Err(e) => Found::BrokenLink(e),
            },
            Ok(Type::Dir) => Found::Dir,
            Ok(Type::File) => Found::File,
            Ok(Type::Other) => Found::Special,
        };
        entries.extend(entry(rel, name, found, skipped, out));
    }
    sort(&mut entries);
    Ok(entries)
}

/// What a folder's entry is: its own type, and for a link what it leads to.
pub(crate) enum Found {
    Dir,
    File,
    /// A device, a pipe, or a link to one.
    Special,
    LinkToDir,
    LinkToFile,
    BrokenLink(io::Error),
    Unreadable(io::Error),
}

/// The entry `name` of the folder `rel`, by the rules of `list`, wherever
/// the folder is listed from (the disk, or git: `crate::load::git_tree`).
/// `found` is asked only of names that may be plan.
pub(crate) fn entry(
    rel: &str,
    name: &str,
    found: impl FnOnce() -> Found,
    skipped: Severity,
    out: &mut Vec<Problem>,
) -> Option<Entry> {
    if crate::load::leftovers::is_stale(std::ffi::OsStr::new(name)) {
        out.push(Problem::new(Kind::StaleTemporary, join(rel, name)));
        return None;
    }
    if is_ignored(name) {
        return None;
    }
    // The entry's path is made only for a problem.
    let path = || join(rel, name);
    let skip = |kind: Kind| Problem::new(kind, path()).with_severity(skipped);
    let kind = match found() {
        Found::Dir => EntryKind::Dir,
        Found::File | Found::LinkToFile => EntryKind::File,
        Found::LinkToDir => {
            out.push(skip(Kind::LinkNotFollowed));
            return None;
        }
        Found::Special => {
            out.push(skip(Kind::SpecialFile));
            return None;
        }
        Found::BrokenLink(e) => {
            out.push(skip(Kind::BrokenLink { error: e.to_string() }));
            return None;
        }
        Found::Unreadable(e) => {
            out.push(unreadable(&path(), &e));
            return None;
        }
    };
    Some(Entry { name: name.to_string(), kind, number: number_prefix(name) })
}

/// Numbered entries first by number, the rest by name.
pub(crate) fn sort(entries: &mut [Entry]) {
    entries.sort_by(|a, b| {
        (a.number.is_none(), a.number, &a.name).cmp(&(b.number.is_none(), b.number, &b.name))
    });
}

/// A folder that exists but cannot be listed (always an error, whatever
/// the tree: what it holds is unknown).
pub(crate) fn unreadable(rel: &str, e: &io::Error) -> Problem {
    Problem::new(Kind::UnreadableFolder { error: e.to_string() }, rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_prefix_needs_digits_a_dash_and_a_slug() {
        assert_eq!(number_prefix("3-penataan-sdm"), Some(3));
        assert_eq!(number_prefix("10-x.toml"), Some(10));
        assert_eq!(number_prefix("penataan"), None);
        assert_eq!(number_prefix("3"), None);
        assert_eq!(number_prefix("3-"), None);
        assert_eq!(number_prefix("0-nol"), None);
        assert_eq!(number_prefix("99999999999999999999-x"), None);
    }

    #[test]
    fn join_never_doubles_or_trails_a_slash() {
        assert_eq!(join("", "plan"), "plan");
        assert_eq!(join("evidence", ""), "evidence");
        assert_eq!(join("evidence", "1-a"), "evidence/1-a");
    }

    #[test]
    fn numbered_entries_sort_numerically_before_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        for name in ["10-j", "9-i", "2-b", "zzz", ".hidden", "README.md", ".gitkeep"] {
            std::fs::create_dir(dir.path().join(name)).unwrap();
        }
        let mut out = Vec::new();
        let names: Vec<String> =
            list(dir.path(), "plan", Severity::Warning, &mut out).into_iter().map(|e| e.name).collect();
        assert_eq!(names, ["2-b", "9-i", "10-j", "zzz"]);
        assert!(out.is_empty());
    }
}
