//! Writing the files of a plan as one change, through one atomic `Batch`
//! (`crate::write::atomic`): every file is staged before the first one is
//! renamed into place, and a failure (or Ctrl-C) at any point leaves the
//! tree as it was, with no temporary file and no new folder.

use std::path::Path;

use crate::model::plan::EVIDENCE_DIR;
use crate::problem::Fatal;
use crate::write::atomic::Batch;
use crate::write::plan_files::PlanFile;

/// Writes `files` under `root`. An existing file that differs is replaced
/// only with `force`; evidence is never touched: an evidence file (a
/// `.gitkeep`) is written only into a folder that does not exist yet.
pub(crate) fn write_all(root: &Path, files: &[PlanFile], force: bool) -> Result<(), Fatal> {
    let mut batch = Batch::for_many();
    for file in files {
        let path = root.join(&file.path);
        let folder = path.parent().unwrap_or(root);
        if file.path.starts_with(EVIDENCE_DIR) && folder.exists() {
            continue;
        }
        match std::fs::read(&path) {
            Ok(old) if old == file.contents.as_bytes() => continue,
            Ok(_) if !force => return Err(Fatal::PlanExists { path: file.path.clone(), force_helps: true }),
            _ => {}
        }
        let shown =
            || folder.strip_prefix(root).map_or_else(|_| file.path.clone(), |p| p.display().to_string());
        batch
            .create_dir_all(folder)
            .map_err(|e| Fatal::CannotCreate { path: shown(), error: e.to_string() })?;
        batch
            .add(&path, file.contents.as_bytes())
            .map_err(|e| Fatal::CannotWrite { path: file.path.clone(), error: e.to_string() })?;
    }
    batch.commit().map_err(|e| Fatal::CannotWrite { path: root.display().to_string(), error: e.to_string() })
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
