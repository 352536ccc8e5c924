//! A commit's plan, or the staged one, read from git into memory: the
//! files below the plan root as `git ls-tree` (or `git ls-files --stage`)
//! lists them, and the contents of `zi.toml`, the plan files, the
//! assessments and the links (one `git cat-file --batch`). The tree is
//! listed by the disk's rules (`listing`): the plan's walk and its layout
//! checks (`crate::load::plan::discover_in`) and the evidence folders
//! (`evidence::Listing`) run on it as on a folder. Only names count in
//! evidence, and whether a file is empty, so no evidence is read. Nothing
//! is written anywhere.

pub(in crate::load) mod index;
mod listing;

use std::collections::{BTreeMap, HashMap, HashSet};
use std::ffi::OsStr;
use std::io::Read;
use std::path::{Path, PathBuf};

use crate::load::evidence;
use crate::load::folders::Folders;
use crate::load::git::{self, under, Odd, Repo, TreeFile};
use crate::load::source::{Source, MAX_PLAN_FILE_BYTES};
use crate::load::{config, indicator, lke, subset};
use crate::model::assessment::{Assessment, ASSESSMENTS_DIR};
use crate::model::evidence::Folder;
use crate::model::lke::Lke;
use crate::model::plan::{Config, IndicatorFile, Loaded, Part, Plan, CONFIG_FILE, PLAN_DIR};
use crate::parallel;
use crate::problem::{Fatal, Kind, Problem};

/// Above this many indicators to read, the whole tree is listed at once
/// rather than each indicator's paths named to git.
const MAX_NAMED: usize = 2_000;

/// What a commit (or the index) holds below the plan root.
pub(crate) struct CommitTree {
    /// Every file read, by its path relative to the plan root.
    files: BTreeMap<String, Node>,
    /// Every folder those files are in.
    folders: HashSet<String>,
    /// The contents of `zi.toml`, plan files, assessments and links.
    contents: HashMap<String, Vec<u8>>,
    /// The plan root on disk, where an absolute link may lead back in.
    root: PathBuf,
    /// Whether any file is a link (else no path needs following).
    links: bool,
}

enum Node {
    File {
        size: u64,
    },
    Link,
    /// What git holds that no folder on disk does.
    Odd(Odd),
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
        CommitTree::of_files(repo, repo.files_of(commit, named.as_deref())?, None)
    }

    /// The plan in the commit `rev` names, as `staged` reads the index's;
    /// `None` when git cannot list it (`Repo::plan_files_at`).
    pub(crate) fn at(repo: &Repo, rev: &str, root: &Path) -> Option<Result<CommitTree, Fatal>> {
        Some(CommitTree::of_files(repo, repo.plan_files_at(rev)?, Some(root)))
    }

    /// The plan as it is staged, read from git's index (which is only read).
    /// A file the working tree at `root` holds unchanged (its contents are
    /// the staged object) is read from there rather than from git.
    /// `index_file` is `GIT_INDEX_FILE`, when set.
    pub(crate) fn staged(repo: &Repo, root: &Path, index_file: Option<&OsStr>) -> Result<CommitTree, Fatal> {
        CommitTree::of_files(repo, repo.staged_files(index_file)?, Some(root))
    }

    /// The plan in a commit, of the files `listed` (of a folder above, as
    /// `Repo::all_files_at` lists them, split by the plan root's path).
    pub(crate) fn at_from(repo: &Repo, listed: Vec<TreeFile>, root: &Path) -> Result<CommitTree, Fatal> {
        CommitTree::of_files(repo, listed, Some(root))
    }

    /// The same, of the files `staged` already listed (`Repo::staged_files`
    /// of a folder above, split by the plan root's path): the index is
    /// read once for many plan roots.
    pub(crate) fn staged_from(repo: &Repo, staged: Vec<TreeFile>, root: &Path) -> Result<CommitTree, Fatal> {
        CommitTree::of_files(repo, staged, Some(root))
    }

    /// The tree of `listed`, with the contents of its plan files, `zi.toml`,
    /// assessments and links: from the working tree at `unchanged_in` where
    /// a file there is the very object listed, else from git. Files larger
    /// than a plan file may be are refused unread where their size is known
    /// (a commit's), else once read (the index gives no sizes), as on disk.
    fn of_files(
        repo: &Repo,
        listed: Vec<TreeFile>,
        unchanged_in: Option<&Path>,
    ) -> Result<CommitTree, Fatal> {
        let wanted = |f: &TreeFile| {
            f.odd.is_none()
                && (f.link
                    || f.path == CONFIG_FILE
                    || under(&f.path, PLAN_DIR)
                    || under(&f.path, ASSESSMENTS_DIR))
        };
        let unread = |f: &TreeFile| f.size.is_none_or(|size| size <= MAX_PLAN_FILE_BYTES);
        let to_read: Vec<&TreeFile> = listed.iter().filter(|f| wanted(f) && unread(f)).collect();
        let mut blobs: HashMap<String, Vec<u8>> = match unchanged_in {
            Some(root) => {
                let unchanged = |f: &&TreeFile| {
                    let bytes = read_working(&root.join(&f.path))?;
                    (git::blob_id(&bytes, &f.object)? == f.object).then(|| (f.object.clone(), bytes))
                };
                let on_disk: Vec<&TreeFile> = to_read.iter().copied().filter(|f| !f.link).collect();
                let shared = parallel::pays(on_disk.len(), parallel::FILES);
                let read: Vec<Option<(String, Vec<u8>)>> = parallel::map(shared, &on_disk, unchanged);
                read.into_iter().flatten().collect()
            }
            None => HashMap::new(),
        };
        let objects: Vec<&String> =
            to_read.iter().map(|f| &f.object).filter(|o| !blobs.contains_key(*o)).collect();
        blobs.extend(repo.blobs(&objects)?);
        let root = repo.top.join(&repo.prefix);
        let mut tree = CommitTree {
            files: BTreeMap::new(),
            folders: HashSet::new(),
            contents: HashMap::new(),
            root,
            links: false,
        };
        for file in listed {
            let mut size = file.size.unwrap_or(0);
            if let Some(bytes) = blobs.get(&file.object).filter(|_| wanted(&file)) {
                size = bytes.len() as u64;
                if file.link || size <= MAX_PLAN_FILE_BYTES {
                    tree.contents.insert(file.path.clone(), bytes.clone());
                }
            }
            let mut folder = file.path.as_str();
            while let Some((parent, _)) = folder.rsplit_once('/') {
                if !tree.folders.insert(parent.to_string()) {
                    break;
                }
                folder = parent;
            }
            let node = match file.odd {
                Some(odd) => Node::Odd(odd),
                None if file.link => {
                    tree.links = true;
                    Node::Link
                }
                None => Node::File { size },
            };
            tree.files.insert(file.path, node);
        }
        Ok(tree)
    }

    /// Whether the tree holds `path` (relative to the plan root), of
    /// whatever kind.
    pub(crate) fn holds(&self, path: &str) -> bool {
        self.files.contains_key(path)
    }

    /// The commit's `zi.toml`, or the defaults when it has none.
    pub(crate) fn config(&self, out: &mut Vec<Problem>) -> Config {
        out.extend(self.odd_at(CONFIG_FILE));
        match self.resolve(CONFIG_FILE).and_then(|path| self.source(&path)) {
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
        let is_plan_file = |path: &String| self.is_file(path);
        let paths: Vec<&String> = match only {
            Some(only) => only.iter().collect(),
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
        let indicator = match self.read(&file.path) {
            Ok(source) => indicator::parse(&source, plan.year, out),
            Err(problem) => {
                out.push(problem);
                None
            }
        };
        let folder = if part == Part::PlanFile || plan.evidence_unfollowed(&file.evidence) {
            Folder::default()
        } else {
            evidence::scan_listing(self, &file.evidence, plan.year, out)
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
}

/// The bytes of the file at `path` in the working tree, to compare with a
/// staged object: read without a stat (`std::fs::read` asks the size
/// first), without blocking on a pipe, and no further than a plan file may
/// be. A failed or short read only means the object is read from git.
fn read_working(path: &Path) -> Option<Vec<u8>> {
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    let file = options.open(path).ok()?;
    let mut bytes = Vec::with_capacity(8192);
    (&file).take(MAX_PLAN_FILE_BYTES + 1).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::plan;

    /// The tree git would hold of the folder `root`: every file and link
    /// below it, the contents of all but evidence files.
    fn tree_of(root: &Path) -> CommitTree {
        let mut tree = CommitTree {
            files: BTreeMap::new(),
            folders: HashSet::new(),
            contents: HashMap::new(),
            root: root.to_path_buf(),
            links: false,
        };
        let mut folders = vec![root.to_path_buf()];
        while let Some(dir) = folders.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().map(Result::unwrap) {
                let path = entry.path();
                let rel = path.strip_prefix(root).unwrap().to_str().unwrap().to_string();
                let meta = std::fs::symlink_metadata(&path).unwrap();
                let node = if meta.is_dir() {
                    folders.push(path);
                    continue;
                } else if meta.is_symlink() {
                    let target = std::fs::read_link(&path).unwrap();
                    tree.contents.insert(rel.clone(), target.to_str().unwrap().as_bytes().to_vec());
                    tree.links = true;
                    Node::Link
                } else {
                    if !under(&rel, crate::model::plan::EVIDENCE_DIR) {
                        tree.contents.insert(rel.clone(), std::fs::read(&path).unwrap());
                    }
                    Node::File { size: meta.len() }
                };
                let mut folder = rel.as_str();
                while let Some((parent, _)) = folder.rsplit_once('/') {
                    tree.folders.insert(parent.to_string());
                    folder = parent;
                }
                tree.files.insert(rel, node);
            }
        }
        tree
    }

    fn write(root: &Path, files: &[(&str, &str)], links: &[(&str, &str)]) {
        for (path, text) in files {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        for (path, target) in links {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            #[cfg(unix)]
            std::os::unix::fs::symlink(target, path).unwrap();
        }
    }

    #[test]
    fn a_commit_folder_is_counted_by_the_rules_of_a_disk_folder() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let e = "evidence/1-a/1-b/1-c";
        write(
            &root,
            &[
                (&format!("{e}/2022-07/notulen.pdf"), "%PDF"),
                (&format!("{e}/2022-07/kosong.pdf"), ""),
                (&format!("{e}/2022-07/Thumbs.db"), "x"),
                (&format!("{e}/2022-07/.gitkeep"), ""),
                (&format!("{e}/2022-07/sub/foto.jpg"), "jpg"),
                (&format!("{e}/.hidden/x.pdf"), "%PDF"),
                (&format!("{e}/Juli 2022/x.pdf"), "%PDF"),
                (&format!("{e}/loose.pdf"), "%PDF"),
            ],
            &[
                (&format!("{e}/2022-07/salinan.pdf"), "notulen.pdf"),
                (&format!("{e}/2022-07/naik.pdf"), "../loose.pdf"),
                (&format!("{e}/2022-07/folder"), "sub"),
                (&format!("{e}/2022-07/patah.pdf"), "tidak-ada.pdf"),
                (&format!("{e}/2022-07/luar.pdf"), "/etc/hostname"),
                (&format!("{e}/2022-07/putar.pdf"), "putar.pdf"),
            ],
        );
        let tree = tree_of(&root);
        let (mut on_disk, mut in_git) = (Vec::new(), Vec::new());
        let disk = evidence::scan(&root, e, 2022, &mut on_disk);
        let git = evidence::scan_listing(&tree, e, 2022, &mut in_git);
        assert_eq!(format!("{git:?}"), format!("{disk:?}"));
        assert_eq!(format!("{in_git:?}"), format!("{on_disk:?}"));
        let dated: Vec<&str> = git.dated.values().flatten().map(|f| f.path.as_str()).collect();
        if cfg!(unix) {
            assert_eq!(
                dated,
                ["2022-07/naik.pdf", "2022-07/notulen.pdf", "2022-07/salinan.pdf", "2022-07/sub/foto.jpg"]
            );
            let codes: Vec<&str> = in_git.iter().map(|p| p.code().name()).collect();
            assert_eq!(
                codes,
                [
                    "link-not-followed",
                    "empty-file",
                    "link-outside",
                    "broken-link",
                    "broken-link",
                    "bad-month-folder"
                ]
            );
        }
        assert!(!evidence::scan_listing(&tree, "evidence/1-a/1-b/2-d", 2022, &mut Vec::new()).exists);
    }

    #[test]
    fn a_tree_from_git_is_laid_out_by_the_rules_of_the_disk() {
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let name = "name = \"Nama\"\n";
        let indicator = "indikator = \"Ada\"\ntarget_waktu = \"Juli\"\ndokumen = [\"Notulen\"]\n";
        write(
            &root,
            &[
                ("zi.toml", "unit = \"Balai\"\nyear = 2022\n"),
                ("plan/1-a/area.toml", name),
                ("plan/1-a/1-b/component.toml", name),
                ("plan/1-a/1-b/1-c.toml", indicator),
                ("plan/1-a/1-b/tanpa-nomor.toml", indicator),
                ("plan/1-a/1-b/2-d.toml/isi.toml", indicator),
                ("plan/1-a/1-b/README.md", "x"),
                ("plan/1-a/1-b/catatan.txt", "x"),
                ("plan/1-a/2-e.toml", indicator),
                ("plan/1-dua/area.toml", name),
                ("plan/2-f/1-g/1-h.toml", "indikator = [\n"),
                ("plan/.tersembunyi/1-x.toml", indicator),
                ("plan/lepas.toml", indicator),
                ("evidence/1-a/1-b/1-c/2022-07/notulen.pdf", "%PDF"),
                ("evidence/1-a/1-b/1-cc/2022-07/notulen.pdf", "%PDF"),
                ("evidence/1-a/1-b/9-lain/x.pdf", "%PDF"),
                ("evidence/1-a/lepas.pdf", "%PDF"),
                ("evidence/3-tidak/x.pdf", "%PDF"),
            ],
            &[
                ("plan/1-a/1-b/3-salin.toml", "1-c.toml"),
                ("plan/1-a/1-b/4-patah.toml", "tidak-ada.toml"),
                ("plan/1-a/3-tautan", "../2-f"),
                ("evidence/1-a/1-b/2-tautan", "1-c"),
            ],
        );
        let tree = tree_of(&root);
        let (mut on_disk, mut in_git) = (Vec::new(), Vec::new());
        let disk = plan::discover(&root, Config::default(), 2022, &mut on_disk);
        let git = plan::discover_in(&tree, Path::new(""), Config::default(), 2022, &[], &mut in_git);
        assert_eq!(format!("{:?}", git.areas), format!("{:?}", disk.areas));
        assert_eq!(git.unfollowed_evidence, disk.unfollowed_evidence);
        assert_eq!(format!("{in_git:?}"), format!("{on_disk:?}"));
        let codes: Vec<&str> = in_git.iter().map(|p| p.code().name()).collect();
        let expected = [
            "link-not-followed",
            "broken-link",
            "misplaced-plan-file",
            "stray-file",
            "no-number",
            "misplaced-plan-file",
            "missing-name-file",
            "missing-name-file",
            "misplaced-plan-file",
            "duplicate-number",
            "orphan-evidence",
            "stray-evidence",
            "link-not-followed",
            "orphan-evidence",
            "orphan-evidence",
        ];
        if cfg!(unix) {
            assert_eq!(codes, expected);
        }
        let read = |file: &IndicatorFile, out: &mut Vec<Problem>| {
            let loaded = tree.indicator(&git, file, Part::Whole, out);
            format!("{:?}", (loaded.indicator.is_some(), loaded.folder))
        };
        for file in disk.indicators() {
            let (mut on_disk, mut in_git) = (Vec::new(), Vec::new());
            let loaded = crate::load::indicator(&disk, file, Part::Whole, &mut on_disk);
            let expected = format!("{:?}", (loaded.indicator.is_some(), loaded.folder));
            assert_eq!(read(file, &mut in_git), expected, "{}", file.path);
            assert_eq!(format!("{in_git:?}"), format!("{on_disk:?}"), "{}", file.path);
        }
        let (mut on_disk, mut in_git) = (Vec::new(), Vec::new());
        let (config, _) = config::load(&root, &mut on_disk);
        assert_eq!(format!("{:?}", config::load_from(&tree, &mut in_git).0), format!("{config:?}"));
        assert_eq!(format!("{in_git:?}"), format!("{on_disk:?}"));
    }
}
