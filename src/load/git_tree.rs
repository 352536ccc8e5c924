//! A commit's plan read from git into memory, for `zi diff`: the files
//! below the plan root as `git ls-tree` lists them, and the contents of
//! `zi.toml`, the plan files, the assessments and the links (one `git
//! cat-file --batch`). Evidence folders are listed from the tree by the
//! same rules as from the disk (`evidence::Listing`): only names count
//! there, and whether a file is empty, so no evidence is read. Nothing is
//! written anywhere.

use std::collections::{BTreeMap, HashMap, HashSet};

use crate::load::evidence::{self, Listed, Listing};
use crate::load::git::{under, Repo, TreeFile};
use crate::load::source::{Source, MAX_PLAN_FILE_BYTES};
use crate::load::{config, indicator, leftovers, lke, subset};
use crate::model::assessment::{Assessment, ASSESSMENTS_DIR};
use crate::model::evidence::{is_never_evidence, Folder};
use crate::model::lke::Lke;
use crate::model::plan::{Config, IndicatorFile, Loaded, Part, Plan, CONFIG_FILE, GITKEEP, PLAN_DIR};
use crate::problem::{Fatal, Kind, Problem};

/// How many links in a row are followed before a link counts as broken.
const MAX_LINKS: usize = 40;

/// Above this many indicators to read, the whole tree is listed at once
/// rather than each indicator's paths named to git.
const MAX_NAMED: usize = 2_000;

/// What a commit holds below the plan root.
pub(crate) struct CommitTree {
    /// Every file read, by its path relative to the plan root.
    files: BTreeMap<String, Node>,
    /// Every folder those files are in.
    folders: HashSet<String>,
    /// The contents of `zi.toml`, plan files, assessments and links.
    contents: HashMap<String, Vec<u8>>,
}

enum Node {
    File { size: u64 },
    Link,
}

impl CommitTree {
    /// `commit`'s `zi.toml` and assessments, and of the plan files and
    /// evidence the indicators at `plan_files` only (every one when `None`).
    pub(crate) fn read(
        repo: &Repo,
        commit: &str,
        plan_files: Option<&[String]>,
    ) -> Result<CommitTree, Fatal> {
        let named: Option<Vec<String>> = plan_files.filter(|p| p.len() <= MAX_NAMED).map(|paths| {
            let evidence = paths.iter().filter_map(|p| subset::indicator_at(p)).map(|f| f.evidence);
            [CONFIG_FILE, ASSESSMENTS_DIR]
                .map(str::to_string)
                .into_iter()
                .chain(paths.iter().cloned())
                .chain(evidence)
                .collect()
        });
        let listed = repo.files_of(commit, named.as_deref())?;
        let wanted = |f: &TreeFile| {
            f.link || f.path == CONFIG_FILE || under(&f.path, PLAN_DIR) || under(&f.path, ASSESSMENTS_DIR)
        };
        // Larger files are refused unread, as on disk.
        let objects: Vec<&String> =
            listed.iter().filter(|f| wanted(f) && f.size <= MAX_PLAN_FILE_BYTES).map(|f| &f.object).collect();
        let blobs = repo.blobs(&objects)?;
        let mut tree =
            CommitTree { files: BTreeMap::new(), folders: HashSet::new(), contents: HashMap::new() };
        for file in listed {
            if let Some(bytes) = blobs.get(&file.object).filter(|_| wanted(&file)) {
                tree.contents.insert(file.path.clone(), bytes.clone());
            }
            let mut folder = file.path.as_str();
            while let Some((parent, _)) = folder.rsplit_once('/') {
                if !tree.folders.insert(parent.to_string()) {
                    break;
                }
                folder = parent;
            }
            let node = if file.link { Node::Link } else { Node::File { size: file.size } };
            tree.files.insert(file.path, node);
        }
        Ok(tree)
    }

    /// The commit's `zi.toml`, or the defaults when it has none.
    pub(crate) fn config(&self, out: &mut Vec<Problem>) -> Config {
        match self.source(CONFIG_FILE) {
            Some(Ok(source)) => config::parse(&source, out),
            Some(Err(problem)) => {
                out.push(problem);
                Config::default()
            }
            None => Config::default(),
        }
    }

    /// The indicators whose plan files the tree holds, of `only` when given.
    pub(crate) fn indicators(&self, only: Option<&[String]>) -> Vec<IndicatorFile> {
        let is_plan_file = |path: &String| {
            self.resolve(path).is_some_and(|p| matches!(self.files.get(&p), Some(Node::File { .. })))
        };
        let paths: Vec<&String> = match only {
            Some(only) => only.iter().filter(|p| self.files.contains_key(*p)).collect(),
            None => self.files.keys().filter(|p| under(p, PLAN_DIR)).collect(),
        };
        paths.into_iter().filter(|p| is_plan_file(p)).filter_map(|p| subset::indicator_at(p)).collect()
    }

    /// The LKE the commit's `zi.toml` names, read from the commit.
    pub(crate) fn lke(&self, repo: &Repo, commit: &str, config: &Config, out: &mut Vec<Problem>) -> Lke {
        lke::named_in(config, out, |name| {
            let bytes = repo.file_at(commit, &name.replace('\\', "/"))?;
            Some(Source::from_bytes(bytes, name.replace('\\', "/")))
        })
        .into_owned()
    }

    /// The assessments of the commit (`assessments/*.toml`), checked against `lke`.
    pub(crate) fn assessments(&self, lke: &Lke, out: &mut Vec<Problem>) -> Vec<Assessment> {
        let dir = format!("{ASSESSMENTS_DIR}/");
        let names = self.files.range(dir.clone()..).take_while(|(p, _)| p.starts_with(&dir));
        let paths = names.filter(|(p, node)| {
            let name = &p[dir.len()..];
            matches!(node, Node::File { .. })
                && !name.contains('/')
                && name.ends_with(".toml")
                && !name.starts_with('.')
        });
        paths
            .filter_map(|(path, _)| match self.source(path)? {
                Ok(source) => crate::load::assessment::parse(&source, lke, out),
                Err(problem) => {
                    out.push(problem);
                    None
                }
            })
            .collect()
    }

    /// Reads an indicator as `crate::load::indicator` reads it from disk.
    pub(crate) fn indicator(
        &self,
        plan: &Plan,
        file: &IndicatorFile,
        part: Part,
        out: &mut Vec<Problem>,
    ) -> Loaded {
        let indicator = match self.resolve(&file.path).and_then(|p| self.source(&p)) {
            Some(Ok(source)) => indicator::parse(&source, plan.year, out),
            Some(Err(problem)) => {
                out.push(problem);
                None
            }
            None => None,
        };
        let folder = match part {
            Part::PlanFile => Folder::default(),
            Part::Whole => evidence::scan_listing(self, &file.evidence, plan.year, out),
        };
        Loaded { indicator, folder }
    }

    /// The text of the file at `path`; `None` when it was not read.
    fn source(&self, path: &str) -> Option<Result<Source, Problem>> {
        if let Some(Node::File { size }) = self.files.get(path).filter(|_| !self.contents.contains_key(path))
        {
            let kind = Kind::FileTooLarge { size: *size, limit: MAX_PLAN_FILE_BYTES };
            return Some(Err(Problem::new(kind, path.to_string())));
        }
        let bytes = self.contents.get(path)?;
        Some(Source::from_bytes(bytes.clone(), path.to_string()))
    }

    /// Where `path` leads after its links are followed, inside the tree;
    /// `None` for a link that leaves the tree or goes round in circles.
    fn resolve(&self, path: &str) -> Option<String> {
        let mut path = path.to_string();
        for _ in 0..MAX_LINKS {
            if !matches!(self.files.get(&path), Some(Node::Link)) {
                return Some(path);
            }
            let target = std::str::from_utf8(self.contents.get(&path)?).ok()?;
            let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
            path = normalise(folder, target)?;
        }
        None
    }
}

/// `target` read from the folder `folder` (both relative to the root);
/// `None` when it is absolute or leaves the root.
fn normalise(folder: &str, target: &str) -> Option<String> {
    if target.starts_with('/') {
        return None;
    }
    let mut parts: Vec<&str> = folder.split('/').filter(|p| !p.is_empty()).collect();
    for part in target.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            part => parts.push(part),
        }
    }
    Some(parts.join("/"))
}

impl Listing for CommitTree {
    fn list(&self, rel: &str, _out: &mut Vec<Problem>) -> std::io::Result<Vec<Listed>> {
        if !self.folders.contains(rel) {
            return Err(std::io::ErrorKind::NotFound.into());
        }
        let prefix = format!("{rel}/");
        let mut names: Vec<(&str, Option<&Node>)> = Vec::new();
        for (path, node) in self.files.range(prefix.clone()..).take_while(|(p, _)| p.starts_with(&prefix)) {
            match path[prefix.len()..].split_once('/') {
                Some((folder, _)) if names.last().is_some_and(|(n, kind)| *n == folder && kind.is_none()) => {
                }
                Some((folder, _)) => names.push((folder, None)),
                None => names.push((&path[prefix.len()..], Some(node))),
            }
        }
        // A folder's files are consecutive in the map, so the guard above
        // names it once; `a.b` sorts before `a/…`, so names are sorted again.
        names.sort_by(|a, b| a.0.cmp(b.0));
        let mut listed = Vec::with_capacity(names.len());
        for (name, node) in names {
            let Some(node) = node else {
                if !name.starts_with('.') {
                    listed.push(Listed::Dir(name.to_string()));
                }
                continue;
            };
            if leftovers::is_stale(std::ffi::OsStr::new(name)) || name == GITKEEP {
                continue;
            }
            let size = match node {
                Node::File { size } => Some(*size),
                Node::Link => match self.resolve(&format!("{prefix}{name}")).and_then(|p| self.files.get(&p))
                {
                    Some(Node::File { size }) => Some(*size),
                    // A link to a folder, a broken one, or one leaving the tree.
                    _ => None,
                },
            };
            match size {
                None => {}
                Some(0) => listed.push(Listed::Ignored(name.to_string())),
                Some(_) if is_never_evidence(name) => listed.push(Listed::Ignored(name.to_string())),
                // Whether a file is an LFS pointer only labels it: it counts
                // either way, and no change is made of the label.
                Some(_) => listed.push(Listed::File(name.to_string(), false)),
            }
        }
        Ok(listed)
    }

    fn is_dir(&self, rel: &str) -> bool {
        self.folders.contains(rel)
    }

    fn has_entries(&self, rel: &str) -> bool {
        self.folders.contains(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A tree of `(path, size)` files and `(path, target)` links.
    fn tree(files: &[(&str, u64)], links: &[(&str, &str)]) -> CommitTree {
        let mut tree =
            CommitTree { files: BTreeMap::new(), folders: HashSet::new(), contents: HashMap::new() };
        let all = files.iter().map(|(p, size)| (*p, Node::File { size: *size }));
        for (path, node) in all.chain(links.iter().map(|(p, _)| (*p, Node::Link))) {
            let mut folder = path;
            while let Some((parent, _)) = folder.rsplit_once('/') {
                tree.folders.insert(parent.to_string());
                folder = parent;
            }
            tree.files.insert(path.to_string(), node);
        }
        for (path, target) in links {
            tree.contents.insert(path.to_string(), target.as_bytes().to_vec());
        }
        tree
    }

    #[test]
    fn a_commit_folder_is_counted_by_the_rules_of_a_disk_folder() {
        let e = "evidence/1-a/1-b/1-c";
        let tree = tree(
            &[
                (&format!("{e}/2022-07/notulen.pdf"), 10),
                (&format!("{e}/2022-07/kosong.pdf"), 0),
                (&format!("{e}/2022-07/Thumbs.db"), 10),
                (&format!("{e}/2022-07/.gitkeep"), 0),
                (&format!("{e}/2022-07/sub/foto.jpg"), 10),
                (&format!("{e}/.hidden/x.pdf"), 10),
                (&format!("{e}/loose.pdf"), 10),
            ],
            &[
                (&format!("{e}/2022-07/salinan.pdf"), "notulen.pdf"),
                (&format!("{e}/2022-07/folder"), "sub"),
                (&format!("{e}/2022-07/patah.pdf"), "tidak-ada.pdf"),
                (&format!("{e}/2022-07/luar.pdf"), "/etc/hostname"),
            ],
        );
        let folder = evidence::scan_listing(&tree, e, 2022, &mut Vec::new());
        let dated: Vec<&str> = folder.dated.values().flatten().map(|f| f.path.as_str()).collect();
        assert_eq!(dated, ["2022-07/notulen.pdf", "2022-07/salinan.pdf", "2022-07/sub/foto.jpg"]);
        let loose: Vec<&str> = folder.loose.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(loose, ["loose.pdf"]);
        assert_eq!(folder.ignored, ["2022-07/Thumbs.db", "2022-07/kosong.pdf"]);
        assert!(folder.exists);
        assert!(!evidence::scan_listing(&tree, "evidence/1-a/1-b/2-d", 2022, &mut Vec::new()).exists);
    }

    #[test]
    fn link_targets_are_read_from_their_folder_and_never_leave_the_root() {
        assert_eq!(
            normalise("evidence/a/2022-07", "../2022-06/x.pdf").as_deref(),
            Some("evidence/a/2022-06/x.pdf")
        );
        assert_eq!(normalise("evidence", "./a//b"), Some("evidence/a/b".to_string()));
        assert_eq!(normalise("evidence", "../../x"), None);
        assert_eq!(normalise("evidence", "/etc/hostname"), None);
    }
}
