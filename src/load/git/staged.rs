//! What is staged: git's index, read here when zi reads it as git would
//! (`git_tree::index`), else listed by `git ls-files`.

use std::ffi::OsStr;
use std::path::Path;

use super::{
    belongs_to_this_user, run, run_literal, split_record, utf8_path, Odd, Repo, Result, TreeFile, EMPTY_BLOBS,
};
use crate::load::git_tree::index;

impl Repo {
    /// The files below the plan root as they are staged (git's index, which
    /// is only read), as `files_of` lists a commit's, with paths relative
    /// to the root. The index holds no sizes: only whether a file is the
    /// empty file is known (all that counts of evidence), and the sizes of
    /// the files read once they are. What the index holds that
    /// a commit cannot (a conflict, `git add -N`) is listed as `Odd`.
    /// `index_file` is `GIT_INDEX_FILE` (git sets it for hooks). The index
    /// is read here when zi reads it as git would (`git_tree::index`), else
    /// git lists it.
    pub(crate) fn staged_files(&self, index_file: Option<&OsStr>) -> Result<Vec<TreeFile>> {
        if let Some(entries) = self.own_index(index_file) {
            let mut files: Vec<TreeFile> = Vec::new();
            for entry in &entries {
                let Some(mut file) =
                    self.staged_file(&files, &entry.path, &entry.mode, &entry.object, entry.stage)
                else {
                    continue;
                };
                if entry.intent_to_add && may_be_intent_to_add(&file) {
                    file.odd = Some(Odd::IntentToAdd);
                }
                files.push(file);
            }
            return Ok(files);
        }
        let listing = run(&self.top, &["ls-files", "--stage", "-z", "--full-name", "--", &self.pathspec()])?;
        let mut files: Vec<TreeFile> = Vec::new();
        for record in listing.stdout.split(|b| *b == 0) {
            let Some((info, path)) = split_record(record) else { continue };
            let mut fields = info.split(' ');
            let (Some(mode), Some(object), Some(stage)) = (fields.next(), fields.next(), fields.next())
            else {
                continue;
            };
            let Some(stage) = stage.parse().ok() else { continue };
            let Some(file) = self.staged_file(&files, path, mode, object, stage) else { continue };
            files.push(file);
        }
        self.mark_intent_to_add(&mut files)?;
        Ok(files)
    }

    /// The index's entries, read here, when this process may read them as
    /// git would: zi found the git folder itself, and git would take it and
    /// the work tree as the user's (it refuses a repository someone else
    /// owns; `Repo::find` checked the git folder).
    fn own_index(&self, index_file: Option<&OsStr>) -> Option<Vec<index::Entry>> {
        let git_dir = self.git_dir.as_deref()?;
        if !owned_by_this_user(&self.top) {
            return None;
        }
        // A relative `GIT_INDEX_FILE` is relative to where git runs: the top.
        let index = match index_file {
            Some(file) => self.top.join(file),
            None => git_dir.join("index"),
        };
        index::read(&index, git_dir)
    }

    /// The staged file at `path` (from the top), unless it is not below the
    /// root or is another stage of the conflicted file last in `files`.
    fn staged_file(
        &self,
        files: &[TreeFile],
        path: &[u8],
        mode: &str,
        object: &str,
        stage: u8,
    ) -> Option<TreeFile> {
        let mut file = self.tree_file(path, mode, object, None)?;
        if stage != 0 {
            // Stages 1-3 of one path follow one another.
            if files.last().is_some_and(|f| f.path == file.path) {
                return None;
            }
            file.odd = Some(Odd::Conflicted);
        }
        Some(file)
    }

    /// Marks the files staged with `git add -N`, which the index holds as
    /// the empty file and a commit does not hold at all. Only empty files
    /// can be such (the placeholders `.gitkeep` are never evidence, so they
    /// are not asked about).
    fn mark_intent_to_add(&self, files: &mut [TreeFile]) -> Result<()> {
        let asked: Vec<String> = files
            .iter()
            .filter(|f| may_be_intent_to_add(f))
            .map(|f| format!("{}{}", self.prefix, f.path))
            .collect();
        if asked.is_empty() {
            return Ok(());
        }
        let asked: Vec<&str> = asked.iter().map(String::as_str).collect();
        let listing = run_literal(&self.top, &["ls-files", "--debug", "-z", "--full-name"], &asked)?;
        let mut intent: Vec<String> = Vec::new();
        // `path\0` and then lines of `name: value`, the last `flags: HEX`.
        let mut path: Option<&[u8]> = None;
        for part in listing.stdout.split(|b| *b == 0) {
            let text = String::from_utf8_lossy(part);
            if let (Some(path), Some(flags)) = (path, text.split("flags: ").nth(1)) {
                let flags = u32::from_str_radix(flags.lines().next().unwrap_or("").trim(), 16).unwrap_or(0);
                if flags & INTENT_TO_ADD != 0 {
                    intent.extend(path.strip_prefix(self.prefix.as_bytes()).and_then(utf8_path).map(|p| p.0));
                }
            }
            path = part.rsplit(|b| *b == b'\n').next().filter(|p| !p.is_empty());
        }
        for file in files.iter_mut().filter(|f| intent.contains(&f.path)) {
            file.odd = Some(Odd::IntentToAdd);
        }
        Ok(())
    }
}

/// The flag of an index entry staged with `git add -N`, as `git ls-files
/// --debug` prints the entry's flags.
const INTENT_TO_ADD: u32 = 1 << 29;

/// Whether `file` is one `mark_intent_to_add` asks about: only empty
/// files can be staged with `git add -N` (the placeholders `.gitkeep` are
/// never evidence, so they are not asked about).
fn may_be_intent_to_add(file: &TreeFile) -> bool {
    file.odd.is_none() && EMPTY_BLOBS.contains(&file.object.as_str()) && !file.path.ends_with(".gitkeep")
}

/// Whether `path` belongs to the user zi runs as, as git requires of a
/// repository (`safe.directory` aside: then git is asked).
fn owned_by_this_user(path: &Path) -> bool {
    std::fs::symlink_metadata(path).is_ok_and(|meta| belongs_to_this_user(&meta))
}
