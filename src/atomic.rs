//! Writing files so that nothing a user wrote is ever lost: the new content
//! goes to a temporary file in the same folder, which replaces the target
//! by a rename only once it is complete and flushed. A failure at any point
//! before the rename leaves the old file exactly as it was.

use std::io::{self, Write};
use std::path::Path;

/// Replaces `path` with `contents` atomically.
pub fn write(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_with(path, |file| file.write_all(contents))
}

/// Replaces `path` with `contents` atomically; the result is executable
/// (`rwxr-xr-x`) whatever was there before: for git hooks.
pub fn write_executable(path: &Path, contents: &[u8]) -> io::Result<()> {
    write_as(path, Some(0o755), |file| file.write_all(contents))
}

/// Replaces `path` with what `fill` writes, atomically. If `fill` fails,
/// the temporary file is removed and `path` is untouched.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    write_as(path, None, fill)
}

/// `write_with`, with unix permissions `mode` instead of the old file's.
fn write_as(
    path: &Path,
    mode: Option<u32>,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
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
            if let Ok(meta) = std::fs::metadata(path) {
                // Keep the replaced file's permissions (an executable hook stays executable).
                temp.as_file().set_permissions(meta.permissions())?;
            }
        }
    }
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
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
