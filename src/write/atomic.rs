//! Writing files so that nothing a user wrote is ever lost: the new content
//! goes to a temporary file in the same folder, which replaces the target
//! by a rename only once it is complete and flushed. A failure at any point
//! before the rename leaves the old file exactly as it was, and an
//! interruption (Ctrl-C, SIGTERM, SIGHUP) removes every temporary file
//! before the process ends (`signals`).
//!
//! A command that writes many files stages them all in one `Batch` and
//! commits it: every file is written and flushed before the first rename,
//! and a rename that fails puts back the files replaced before it, so the
//! tree holds all the new files or none of them.
//!
//! A temporary file is named `.zi-tmp-<pid>-<random>`. One left by a run
//! that was killed outright (SIGKILL, a power cut) belongs to no running
//! process: `stale` finds it for `zi check`, and the next write into its
//! folder removes it.

mod signals;

use std::fs::File;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use signals::Created;

pub(crate) use crate::load::leftovers::{stale, TEMP_PREFIX};

/// Replaces `path` with `contents` atomically.
pub(crate) fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(contents))
}

/// Replaces `path` with `contents` atomically; the result is executable
/// (`rwxr-xr-x`) whatever was there before: for git hooks.
pub(crate) fn write_executable(path: &Path, contents: &[u8]) -> io::Result<()> {
    let mut batch = Batch::new();
    batch.add_as(path, Some(0o755), |mut file| file.write_all(contents))?;
    batch.commit()
}

/// Replaces `path` with what `fill` writes, atomically. If `fill` fails,
/// the temporary file is removed and `path` is untouched.
///
/// When `path` is a link, its target is replaced and the link kept. A new
/// file gets the permissions any new file would (0666 less the umask), not
/// the private ones of a temporary file; a replaced file keeps its own.
pub(crate) fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    write_file_with(path, |mut file| fill(&mut file))
}

/// `write_with`, handing `fill` the temporary file itself: for a writer
/// that copies from another file in the kernel (`copy_file_range`).
pub(crate) fn write_file_with(path: &Path, fill: impl FnOnce(&File) -> io::Result<()>) -> io::Result<()> {
    let mut batch = Batch::new();
    batch.add_as(path, None, fill)?;
    batch.commit()
}

/// Files written together: staged one by one, then all renamed into place
/// by `commit`. Dropping a batch without committing it removes what it
/// staged and the folders it created, and leaves every target untouched.
#[derive(Default)]
pub(crate) struct Batch {
    staged: Vec<Staged>,
    /// Folders `create_dir_all` made, outermost first.
    dirs: Vec<PathBuf>,
    /// Folders already cleared of stale temporary files by this batch.
    cleared: std::collections::HashSet<PathBuf>,
    /// Whether the staged files are flushed together at `commit` (see
    /// `for_many`) rather than each as it is staged.
    flush_at_commit: bool,
}

/// A complete temporary file and the file it is to replace.
struct Staged {
    temp: PathBuf,
    target: PathBuf,
}

impl Batch {
    pub(crate) fn new() -> Batch {
        Batch::default()
    }

    /// A batch of many files (a whole plan): each is still complete before
    /// any is renamed into place, but they are flushed to disk together,
    /// once, at `commit` (one `syncfs` on Linux), not with a flush each —
    /// which for the 20,000 files of a large plan is most of the time.
    pub(crate) fn for_many() -> Batch {
        let mut batch = Batch::default();
        batch.flush_at_commit = true;
        batch
    }

    /// Stages `contents` for `path`.
    pub(crate) fn add(&mut self, path: &Path, contents: &[u8]) -> io::Result<()> {
        self.add_with(path, |file| file.write_all(contents))
    }

    /// Stages what `fill` writes for `path`. An error leaves nothing of it.
    pub(crate) fn add_with(
        &mut self,
        path: &Path,
        fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
    ) -> io::Result<()> {
        self.add_as(path, None, |mut file| fill(&mut file))
    }

    /// Creates `dir` and its missing parents. The folders it creates are
    /// removed again if the batch is dropped uncommitted or interrupted
    /// (when they hold nothing else by then).
    pub(crate) fn create_dir_all(&mut self, dir: &Path) -> io::Result<()> {
        let mut missing = Vec::new();
        let mut at = Some(dir);
        while let Some(d) = at.filter(|d| !d.as_os_str().is_empty() && !d.exists()) {
            missing.push(d.to_path_buf());
            at = d.parent();
        }
        for d in missing.into_iter().rev() {
            let mut pending = signals::pending();
            std::fs::create_dir(&d)?;
            pending.insert(Created::Dir(d.clone()));
            self.dirs.push(d);
        }
        Ok(())
    }

    /// `add_with`, with unix permissions `mode` instead of the old file's.
    fn add_as(
        &mut self,
        path: &Path,
        mode: Option<u32>,
        fill: impl FnOnce(&File) -> io::Result<()>,
    ) -> io::Result<()> {
        let target = resolve_link(path)?;
        let dir = folder_of(&target);
        if self.cleared.insert(dir.to_path_buf()) {
            remove_stale(dir);
        }
        let (file, temp) = create_temporary(dir)?;
        let staged = Staged { temp, target };
        // Pushed before it is filled, so that a failure below removes it.
        self.staged.push(staged);
        let staged = &self.staged[self.staged.len() - 1];
        let flush_now = !self.flush_at_commit;
        let result = fill(&file)
            .and_then(|()| if flush_now { file.sync_all() } else { Ok(()) })
            .and_then(|()| set_mode(&file, mode, &staged.target));
        if let Err(e) = result {
            if let Some(failed) = self.staged.pop() {
                discard(&failed.temp);
            }
            return Err(e);
        }
        Ok(())
    }

    /// Renames every staged file into place. If one rename fails, the
    /// files renamed before it are put back as they were (the new ones
    /// removed, the replaced ones restored) and the error is returned.
    /// A signal arriving meanwhile waits until the tree is whole again.
    pub(crate) fn commit(mut self) -> io::Result<()> {
        if self.flush_at_commit {
            // Dropped on failure: the staged files are removed.
            flush_all(&self.staged)?;
        }
        let staged = std::mem::take(&mut self.staged);
        let many = staged.len() > 1;
        let mut pending = signals::pending();
        let mut done: Vec<(PathBuf, Option<PathBuf>)> = Vec::new();
        let mut failure = None;
        let mut rest = staged.into_iter();
        for file in rest.by_ref() {
            // One rename is atomic by itself; only a batch needs a way back.
            let backup = match many.then(|| backup(&file.target, &mut pending)).transpose() {
                Ok(backup) => backup.flatten(),
                Err(e) => {
                    failure = Some((e, file));
                    break;
                }
            };
            match std::fs::rename(&file.temp, &file.target) {
                Ok(()) => {
                    pending.remove(&Created::File(file.temp));
                    done.push((file.target, backup));
                }
                Err(e) => {
                    if let Some(b) = backup {
                        let _ = std::fs::remove_file(&b);
                        pending.remove(&Created::File(b));
                    }
                    failure = Some((e, file));
                    break;
                }
            }
        }
        if let Some((error, failed)) = failure {
            for (target, backup) in done.into_iter().rev() {
                match backup {
                    Some(b) => {
                        let _ = std::fs::rename(&b, &target);
                        pending.remove(&Created::File(b));
                    }
                    None => {
                        let _ = std::fs::remove_file(&target);
                    }
                }
            }
            for file in std::iter::once(failed).chain(rest) {
                let _ = std::fs::remove_file(&file.temp);
                pending.remove(&Created::File(file.temp));
            }
            drop(pending);
            return Err(error);
        }
        // The renames reach the disk like the files: together when the
        // file system can be flushed at once, else folder by folder.
        let flushed = self.flush_at_commit && done.first().is_some_and(|(t, _)| sync_fs(folder_of(t)));
        let mut synced = std::collections::HashSet::new();
        for (target, backup) in done {
            if let Some(b) = backup {
                let _ = std::fs::remove_file(&b);
                pending.remove(&Created::File(b));
            }
            let dir = folder_of(&target);
            if !flushed && synced.insert(dir.to_path_buf()) {
                sync_dir(dir);
            }
        }
        for dir in std::mem::take(&mut self.dirs) {
            pending.remove(&Created::Dir(dir));
        }
        Ok(())
    }
}

impl Drop for Batch {
    fn drop(&mut self) {
        if self.staged.is_empty() && self.dirs.is_empty() {
            return;
        }
        let mut pending = signals::pending();
        for file in self.staged.drain(..) {
            let _ = std::fs::remove_file(&file.temp);
            pending.remove(&Created::File(file.temp));
        }
        for dir in self.dirs.drain(..).rev() {
            let _ = std::fs::remove_dir(&dir);
            pending.remove(&Created::Dir(dir));
        }
    }
}

/// A new, registered temporary file in `dir`.
fn create_temporary(dir: &Path) -> io::Result<(std::fs::File, PathBuf)> {
    let prefix = format!("{TEMP_PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix);
    #[cfg(unix)]
    {
        // A new file gets the permissions any program gives it (0666 less
        // the umask), not the owner-only ones of a temporary file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut pending = signals::pending();
    let (file, path) = builder.tempfile_in(dir).map_err(without_temporary_name)?.into_parts();
    let path = path.keep().map_err(|e| e.error)?;
    pending.insert(Created::File(path.clone()));
    Ok((file, path))
}

/// `error` without the ` at path "…"` that `tempfile` adds, which names
/// the temporary file's random name (its system error keeps no number to
/// take instead): a message names the file zi was asked to write, the
/// same on every run.
fn without_temporary_name(error: io::Error) -> io::Error {
    let text = error.to_string();
    match text.rsplit_once(" at path \"") {
        Some((plain, _)) if error.get_ref().is_some() => io::Error::new(error.kind(), plain),
        _ => error,
    }
}

/// Removes a temporary file and forgets it.
fn discard(temp: &Path) {
    let mut pending = signals::pending();
    let _ = std::fs::remove_file(temp);
    pending.remove(&Created::File(temp.to_path_buf()));
}

/// A registered copy of `target` (a second link to it when the file system
/// allows), to put back if the batch fails; `None` when there is no file.
fn backup(target: &Path, pending: &mut std::collections::BTreeSet<Created>) -> io::Result<Option<PathBuf>> {
    if !target.is_file() {
        return Ok(None);
    }
    let dir = folder_of(target);
    let name = tempfile::Builder::new()
        .prefix(&format!("{TEMP_PREFIX}{}-", std::process::id()))
        .make_in(dir, |p| std::fs::hard_link(target, p).or_else(|_| std::fs::copy(target, p).map(drop)))?;
    let (_, path) = name.keep().map_err(|e| e.error)?;
    pending.insert(Created::File(path.clone()));
    Ok(Some(path))
}

/// Gives the temporary file the permissions the result must have:
/// `mode`, else those of the file it replaces.
fn set_mode(file: &std::fs::File, mode: Option<u32>, target: &Path) -> io::Result<()> {
    match mode {
        #[cfg(unix)]
        Some(mode) => {
            use std::os::unix::fs::PermissionsExt;
            file.set_permissions(std::fs::Permissions::from_mode(mode))
        }
        _ => match std::fs::metadata(target) {
            // Keep the replaced file's permissions (an executable hook stays executable).
            Ok(meta) => file.set_permissions(meta.permissions()),
            Err(_) => Ok(()),
        },
    }
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The stale temporary files of `dir`, removed (best effort): what a run
/// killed outright left behind.
pub(crate) fn remove_stale(dir: &Path) {
    for path in stale(dir) {
        let _ = std::fs::remove_file(path);
    }
}

/// The file a write to `path` should replace: `path` itself, or the file a
/// link at `path` points to, so that writing never turns a link into a copy.
fn resolve_link(path: &Path) -> io::Result<PathBuf> {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => std::fs::canonicalize(path),
        _ => Ok(path.to_path_buf()),
    }
}

/// Flushes the folder entry of a rename to disk, so that after a power cut
/// the folder holds the old file or the new one. Best effort: not every
/// platform or file system can open a folder for syncing, and the rename
/// itself already succeeded.
/// Flushes the staged files to disk: the whole file system at once where
/// the platform can (Linux), else file by file.
fn flush_all(staged: &[Staged]) -> io::Result<()> {
    if staged.first().is_some_and(|first| sync_fs(folder_of(&first.temp))) {
        return Ok(());
    }
    for file in staged {
        std::fs::File::open(&file.temp)?.sync_all()?;
    }
    Ok(())
}

/// Flushes the whole file system that holds `dir` (Linux `syncfs`); false
/// where that cannot be done, so the caller flushes file by file.
fn sync_fs(dir: &Path) -> bool {
    #[cfg(target_os = "linux")]
    if let Ok(d) = std::fs::File::open(dir) {
        use std::os::fd::AsRawFd;
        // SAFETY: syncfs only reads the descriptor, which `d` keeps open.
        return unsafe { libc::syncfs(d.as_raw_fd()) } == 0;
    }
    let _ = dir;
    false
}

fn sync_dir(dir: &Path) {
    #[cfg(unix)]
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    #[cfg(not(unix))]
    let _ = dir;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failure_in_the_middle_of_a_write_leaves_the_old_file_intact() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.toml");
        std::fs::write(&path, "old = true\n").unwrap();
        let result = write_with(&path, |w| {
            w.write_all(b"new = ")?;
            Err(io::Error::other("disk full"))
        });
        assert!(result.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old = true\n");
        let leftovers: Vec<_> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(
            leftovers,
            [std::ffi::OsString::from("plan.toml")],
            "temporary file must not be left behind"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_write_through_a_link_replaces_its_target_and_keeps_the_link() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("real.toml");
        let link = dir.path().join("link.toml");
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink("real.toml", &link).unwrap();
        write(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink());
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_is_not_left_private_like_a_temporary_file() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("new.toml");
        write(&path, b"x").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        // Whatever the umask, a temporary file's 0600 would lack these bits
        // unless the umask removes them from every new file too.
        let probe = dir.path().join("probe");
        std::fs::write(&probe, "").unwrap();
        let ordinary = std::fs::metadata(&probe).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, ordinary);
    }

    #[cfg(unix)]
    #[test]
    fn a_completed_write_replaces_the_file_and_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pre-commit");
        std::fs::write(&path, "old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        write(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o755);
    }

    #[cfg(unix)]
    #[test]
    fn a_new_file_gets_the_usual_permissions_not_the_temporary_files_owner_only_ones() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let ours = dir.path().join("laporan.html");
        write(&ours, b"new").unwrap();
        let usual = dir.path().join("usual.html");
        std::fs::write(&usual, b"x").unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&ours), mode(&usual));
    }

    #[cfg(unix)]
    #[test]
    fn a_new_hook_is_written_executable() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("pre-commit");
        write_executable(&path, b"#!/bin/sh\n").unwrap();
        assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o755);
    }
}

#[cfg(test)]
mod failures;
#[cfg(test)]
mod interrupted;
