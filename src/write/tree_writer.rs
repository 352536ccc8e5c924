//! Writing many files as one change: each file atomically
//! (`crate::write::atomic`), and when one fails, every file written before
//! it is taken back (a new one removed, a replaced one restored) and the
//! folders made for them removed, so that a failed run leaves the tree as
//! it was.

use std::path::{Path, PathBuf};

use crate::model::plan::EVIDENCE_DIR;
use crate::problem::Fatal;
use crate::write::atomic;
use crate::write::plan_files::PlanFile;

/// What a write changed, to take it back.
enum Undo {
    Remove(PathBuf),
    Restore(PathBuf, Vec<u8>),
    RemoveFolder(PathBuf),
}

/// Writes `files` under `root`. An existing file is replaced only with
/// `force`; evidence is never touched: an evidence file (a `.gitkeep`) is
/// written only into a folder that does not exist yet.
pub(crate) fn write_all(root: &Path, files: &[PlanFile], force: bool) -> Result<(), Fatal> {
    let mut undo = Vec::new();
    for file in files {
        if let Err(fatal) = write_one(root, file, force, &mut undo) {
            take_back(undo);
            return Err(fatal);
        }
    }
    Ok(())
}

fn write_one(root: &Path, file: &PlanFile, force: bool, undo: &mut Vec<Undo>) -> Result<(), Fatal> {
    let path = root.join(&file.path);
    let folder = path.parent().unwrap_or(root);
    let evidence = file.path.starts_with(EVIDENCE_DIR);
    if evidence && folder.exists() {
        return Ok(());
    }
    make_folders(folder, undo)
        .map_err(|e| Fatal::CannotCreate { path: shown(&file.path, folder, root), error: e.to_string() })?;
    match std::fs::read(&path) {
        Ok(old) if old == file.contents.as_bytes() => return Ok(()),
        Ok(_) if !force => return Err(Fatal::PlanExists { path: file.path.clone(), force_helps: true }),
        Ok(old) => undo.push(Undo::Restore(path.clone(), old)),
        Err(_) => undo.push(Undo::Remove(path.clone())),
    }
    atomic::write(&path, file.contents.as_bytes())
        .map_err(|e| Fatal::CannotWrite { path: file.path.clone(), error: e.to_string() })
}

/// `folder` as the user named it: relative to the root.
fn shown(file: &str, folder: &Path, root: &Path) -> String {
    folder.strip_prefix(root).map_or_else(|_| file.to_string(), |p| p.display().to_string())
}

/// Makes `folder` and the folders above it that are missing, noting each.
fn make_folders(folder: &Path, undo: &mut Vec<Undo>) -> std::io::Result<()> {
    let mut missing = Vec::new();
    let mut at = Some(folder);
    while let Some(dir) = at {
        if dir.as_os_str().is_empty() || dir.exists() {
            break;
        }
        missing.push(dir.to_path_buf());
        at = dir.parent();
    }
    for dir in missing.into_iter().rev() {
        std::fs::create_dir(&dir)?;
        undo.push(Undo::RemoveFolder(dir));
    }
    Ok(())
}

/// Takes back what was written, last first. Best effort: what cannot be
/// taken back stays, and the error that stopped the run is the one told.
fn take_back(undo: Vec<Undo>) {
    for step in undo.into_iter().rev() {
        let _ = match step {
            Undo::Remove(path) => std::fs::remove_file(path),
            Undo::Restore(path, old) => atomic::write(&path, &old),
            Undo::RemoveFolder(dir) => std::fs::remove_dir(dir),
        };
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(path: &str, contents: &str) -> PlanFile {
        PlanFile { path: path.into(), contents: contents.into() }
    }

    #[test]
    fn a_failure_takes_back_every_file_and_folder_written_before_it() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("zi.toml"), "old").unwrap();
        // A file where a folder must go makes the third write fail.
        std::fs::write(dir.path().join("blocker"), "").unwrap();
        let files = [
            file("zi.toml", "new"),
            file("plan/1-a/area.toml", "name = \"A\"\n"),
            file("blocker/x/area.toml", "name = \"B\"\n"),
        ];
        assert!(write_all(dir.path(), &files, true).is_err());
        assert_eq!(std::fs::read_to_string(dir.path().join("zi.toml")).unwrap(), "old");
        assert!(!dir.path().join("plan").exists());
        let mut left: Vec<String> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into())
            .collect();
        left.sort();
        assert_eq!(left, ["blocker", "zi.toml"]);
    }

    #[test]
    fn without_force_an_existing_different_file_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("zi.toml"), "old").unwrap();
        let result = write_all(dir.path(), &[file("plan/1-a/area.toml", "x"), file("zi.toml", "new")], false);
        assert!(matches!(result, Err(Fatal::PlanExists { .. })));
        assert_eq!(std::fs::read_to_string(dir.path().join("zi.toml")).unwrap(), "old");
        assert!(!dir.path().join("plan").exists());
    }

    #[test]
    fn evidence_folders_that_exist_get_no_gitkeep() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("evidence/1-a/1-b/1-c")).unwrap();
        std::fs::write(dir.path().join("evidence/1-a/1-b/1-c/sk.pdf"), "pdf").unwrap();
        let files = [file("evidence/1-a/1-b/1-c/.gitkeep", ""), file("evidence/1-a/1-b/2-d/.gitkeep", "")];
        write_all(dir.path(), &files, false).unwrap();
        assert!(!dir.path().join("evidence/1-a/1-b/1-c/.gitkeep").exists());
        assert!(dir.path().join("evidence/1-a/1-b/2-d/.gitkeep").exists());
    }
}
