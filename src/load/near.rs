//! The folders that hold the indicator a thread read last, kept open: the
//! plan files of one component and their evidence folders sit side by
//! side, and the judging reads a component's indicators one after another
//! on each thread. Opened by name inside their folder, a plan file or an
//! evidence folder costs the kernel one name to look up instead of every
//! folder from `/` down (at 10,000 indicators, a fifth of the run was the
//! kernel's path walk).
//!
//! A folder kept open is used only within the walk of the plan that found
//! it (`new_walk`, called by each walk): a later run in the same process
//! (the tests run many) opens its folders anew.

use std::cell::RefCell;
use std::ffi::OsStr;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use crate::load::dir::Dir;

/// Which folder of an indicator: its plan file's, or its evidence folder's parent.
#[derive(Clone, Copy)]
pub(crate) enum Side {
    Plan = 0,
    Evidence = 1,
}

/// Bumped by every walk of a plan; a folder kept open by an earlier walk is not used.
static WALK: AtomicU64 = AtomicU64::new(0);

struct Kept {
    walk: u64,
    root: PathBuf,
    folder: String,
    /// `None` when the folder could not be opened: not tried again.
    dir: Option<Dir>,
}

thread_local! {
    static KEPT: RefCell<[Option<Kept>; 2]> = const { RefCell::new([None, None]) };
}

/// Starts a walk of a plan: folders kept open before are not used again.
pub(crate) fn new_walk() {
    WALK.fetch_add(1, Ordering::Relaxed);
}

/// `open` of the entry `rel` below `root` (a path of `/`-separated names),
/// from its folder kept open on `side` (opened and kept when it is another),
/// or `None` when `rel` has no folder or the folder cannot be opened: the
/// caller then opens `rel` by its whole path, and reports what that says.
pub(crate) fn inside<T>(
    side: Side,
    root: &Path,
    rel: &str,
    open: impl FnOnce(&Dir, &OsStr) -> io::Result<T>,
) -> Option<io::Result<T>> {
    let (folder, name) = rel.rsplit_once('/')?;
    let walk = WALK.load(Ordering::Relaxed);
    KEPT.with(|kept| {
        let mut kept = kept.borrow_mut();
        let slot = &mut kept[side as usize];
        let current = slot
            .as_ref()
            .is_some_and(|k| k.walk == walk && k.folder == folder && k.root.as_os_str() == root.as_os_str());
        if !current {
            let dir = Dir::open(&root.join(folder)).ok();
            *slot = Some(Kept { walk, root: root.to_path_buf(), folder: folder.to_string(), dir });
        }
        let dir = slot.as_ref()?.dir.as_ref()?;
        Some(open(dir, OsStr::new(name)))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_opened_inside_the_folder_kept_open_and_a_new_walk_opens_it_anew() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("plan/1-a")).unwrap();
        std::fs::write(dir.path().join("plan/1-a/1-x.toml"), "x").unwrap();
        new_walk();
        let open = |rel: &str| {
            inside(Side::Plan, dir.path(), rel, |d, name| d.open_file(name))
                .map(|r| r.map(|_| ()).map_err(|e| e.kind()))
        };
        assert_eq!(open("plan/1-a/1-x.toml"), Some(Ok(())));
        assert_eq!(open("plan/1-a/2-y.toml"), Some(Err(io::ErrorKind::NotFound)));
        // The folder replaced under the same name: the next walk sees the new one.
        std::fs::rename(dir.path().join("plan/1-a"), dir.path().join("plan/old")).unwrap();
        std::fs::create_dir_all(dir.path().join("plan/1-a")).unwrap();
        std::fs::write(dir.path().join("plan/1-a/2-y.toml"), "y").unwrap();
        new_walk();
        assert_eq!(open("plan/1-a/1-x.toml"), Some(Err(io::ErrorKind::NotFound)));
        assert_eq!(open("plan/1-a/2-y.toml"), Some(Ok(())));
        assert_eq!(open("plan/1-b/1-x.toml"), None, "a folder that is not there is the caller's to report");
        assert_eq!(open("zi.toml"), None);
    }
}
