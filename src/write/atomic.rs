//! Writing files so that nothing a user wrote is ever lost: the new content
//! goes to a temporary file in the same folder, which replaces the target
//! by a rename only once it is complete and flushed. A failure at any point
//! before the rename leaves the old file exactly as it was.

use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// Replaces `path` with `contents` atomically.
pub(crate) fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(contents))
}

/// Replaces `path` with `contents` atomically; the result is executable
/// (`rwxr-xr-x`) whatever was there before: for git hooks.
pub(crate) fn write_executable(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_as(path, Some(0o755), |file| file.write_all(contents))
}

/// Replaces `path` with what `fill` writes, atomically. If `fill` fails,
/// the temporary file is removed and `path` is untouched.
///
/// When `path` is a link, its target is replaced and the link kept. A new
/// file gets the permissions any new file would (0666 less the umask), not
/// the private ones of a temporary file; a replaced file keeps its own.
pub(crate) fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    write_as(path, None, fill)
}

/// `write_with`, with unix permissions `mode` instead of the old file's.
fn write_as(
    path: &Path,
    mode: Option<u32>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let target = resolve_link(path)?;
    let dir = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".zi-tmp-");
    #[cfg(unix)]
    {
        // A new file gets the permissions any program gives it (0666 less
        // the umask), not the owner-only ones of a temporary file.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir)?;
    fill(temp.as_file_mut())?;
    temp.as_file_mut().sync_all()?;
    match mode {
        #[cfg(unix)]
        Some(mode) => {
            use std::os::unix::fs::PermissionsExt;
            temp.as_file().set_permissions(std::fs::Permissions::from_mode(mode))?;
        }
        _ => {
            if let Ok(meta) = std::fs::metadata(&target) {
                // Keep the replaced file's permissions (an executable hook stays executable).
                temp.as_file().set_permissions(meta.permissions())?;
            }
        }
    }
    temp.persist(&target).map_err(|e| e.error)?;
    sync_dir(dir);
    Ok(())
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
