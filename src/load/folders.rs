//! Where a plan's folders and files are read from: the disk, or git's
//! index or a commit read into memory (`crate::load::git_tree`). The walk
//! of the plan (`crate::load::plan`) asks only this, so that a plan is laid
//! out by the same rules wherever it is read from, and each source
//! classifies its entries by the same rules (`crate::load::tree::entry`).

use std::path::Path;

use crate::load::source::Source;
use crate::load::tree::{self, Entry};
use crate::problem::{Problem, Severity};

/// A plan's files, by paths relative to its root (`""` is the root).
pub(crate) trait Folders: Sync {
    /// The entries of the folder `rel`, as `crate::load::tree::try_list`
    /// gives them.
    fn list(&self, rel: &str, skipped: Severity, out: &mut Vec<Problem>) -> std::io::Result<Vec<Entry>>;
    /// Whether `rel` is a folder, through links.
    fn is_dir(&self, rel: &str) -> bool;
    /// Whether anything is at `rel`, through links.
    fn exists(&self, rel: &str) -> bool;
    /// Whether nothing at all is at `rel`, not even a broken link.
    fn is_missing(&self, rel: &str) -> bool;
    /// The text of the plan file at `rel`.
    fn read(&self, rel: &str) -> Result<Source, Problem>;
    /// `read`, of a file that `list` has just given as a file: on disk it
    /// is opened without a stat first (`Source::read_listed`).
    fn read_listed(&self, rel: &str) -> Result<Source, Problem> {
        self.read(rel)
    }
    /// The temporary files a killed zi left at the root, by name.
    fn stale_at_root(&self) -> Vec<String>;
}

/// `Folders::list`, with a folder that cannot be listed reported.
pub(crate) fn list(
    folders: &dyn Folders,
    rel: &str,
    skipped: Severity,
    out: &mut Vec<Problem>,
) -> Vec<Entry> {
    folders.list(rel, skipped, out).unwrap_or_else(|e| {
        out.push(tree::unreadable(rel, &e));
        Vec::new()
    })
}

/// The plan on disk at `root`.
pub(crate) struct Disk<'a> {
    root: &'a Path,
}

impl<'a> Disk<'a> {
    pub(crate) fn new(root: &'a Path) -> Disk<'a> {
        Disk { root }
    }
}

impl Folders for Disk<'_> {
    fn list(&self, rel: &str, skipped: Severity, out: &mut Vec<Problem>) -> std::io::Result<Vec<Entry>> {
        tree::try_list(&self.root.join(rel), rel, skipped, out)
    }

    fn is_dir(&self, rel: &str) -> bool {
        self.root.join(rel).is_dir()
    }

    fn exists(&self, rel: &str) -> bool {
        self.root.join(rel).exists()
    }

    fn is_missing(&self, rel: &str) -> bool {
        std::fs::symlink_metadata(self.root.join(rel))
            .is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound)
    }

    fn read(&self, rel: &str) -> Result<Source, Problem> {
        Source::read(&self.root.join(rel), rel.to_string())
    }

    fn read_listed(&self, rel: &str) -> Result<Source, Problem> {
        Source::read_listed(&self.root.join(rel), rel.to_string())
    }

    fn stale_at_root(&self) -> Vec<String> {
        let stale = crate::load::leftovers::stale_names(self.root);
        stale.iter().map(|name| name.to_string_lossy().into_owned()).collect()
    }
}
