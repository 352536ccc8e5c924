//! Asking git where a repository's top and hooks are, and what a commit
//! holds. zi runs the `git` program and only reads: it never touches the
//! index or the work tree, so it is safe inside a hook and mid-rebase.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use crate::load::source::Source;
use crate::model::assessment::ASSESSMENTS_DIR;
use crate::model::plan::{Config, CONFIG_FILE, EVIDENCE_DIR, PLAN_DIR};
use crate::problem::{Fatal, GitTrouble};

mod staged;

type Result<T> = std::result::Result<T, Fatal>;

fn unexpected(trouble: GitTrouble) -> Fatal {
    Fatal::GitUnexpected { trouble }
}

/// The git repository a plan lives in.
#[derive(Clone, Debug)]
pub(crate) struct Repo {
    /// The top of the work tree.
    pub(crate) top: PathBuf,
    /// Where the plan root is below `top`: empty, or `/`-separated and
    /// ending in `/` (as `git rev-parse --show-prefix` writes it).
    pub(crate) prefix: String,
    /// The git folder, when zi found it itself (`Repo::find`) and it
    /// belongs to the user zi runs as: then its index may be read without
    /// git (`git_tree::index`).
    pub(crate) git_dir: Option<PathBuf>,
}

impl Repo {
    /// The repository that holds the plan root `root`.
    pub(crate) fn containing(root: &Path) -> Result<Repo> {
        let output = run(root, &["rev-parse", "--show-toplevel", "--show-prefix"]).map_err(|e| match e {
            Fatal::GitFailed { message, .. } => {
                Fatal::NotInGit { path: root.display().to_string(), error: message }
            }
            other => other,
        })?;
        let text = String::from_utf8_lossy(&output.stdout);
        let mut lines = text.lines();
        let top = lines.next().filter(|t| !t.is_empty()).ok_or_else(|| unexpected(GitTrouble::NoTop))?;
        let prefix = lines.next().unwrap_or("").to_string();
        Ok(Repo { top: PathBuf::from(top), prefix, git_dir: None })
    }

    /// The repository that holds the plan root `root` (canonical): the
    /// first folder at or above it with a `.git`, as git finds it, unless
    /// `git_located` (the environment tells git where to look: then git is
    /// asked) or none is found (git then says why).
    pub(crate) fn find(root: &Path, git_located: bool) -> Result<Repo> {
        // Only a `.git` git would take: a folder with `HEAD`, or a file
        // `gitdir: …`; on any other git is asked (it climbs past an
        // invalid folder, and says what is wrong with a bad file).
        // The first `.git` at or above the root, stat'ed once: what it is
        // and who owns it are both taken from that one answer.
        let found = root
            .ancestors()
            .find_map(|dir| {
                let dot_git = dir.join(".git");
                std::fs::symlink_metadata(&dot_git).ok().map(|meta| (dir, dot_git, meta))
            })
            .filter(|(_, dot_git, meta)| is_git_entry(dot_git, meta));
        let prefix = found.as_ref().and_then(|(top, _, _)| root.strip_prefix(top).ok()).and_then(|rel| {
            let parts: Option<Vec<&str>> = rel.components().map(|c| c.as_os_str().to_str()).collect();
            Some(parts?.iter().map(|part| format!("{part}/")).collect::<String>())
        });
        match (found, prefix) {
            (Some((top, dot_git, meta)), Some(prefix)) if !git_located => {
                let git_dir = (meta.is_dir() && belongs_to_this_user(&meta)).then_some(dot_git);
                Ok(Repo { top: top.to_path_buf(), prefix, git_dir })
            }
            _ => Repo::containing(root),
        }
    }

    /// Where git looks for hooks: `core.hooksPath` when set, else the
    /// (common) git folder's `hooks`, which linked worktrees share.
    pub(crate) fn hooks_dir(&self) -> Result<PathBuf> {
        // Relative answers (a relative core.hooksPath among them) are
        // relative to the top, where git runs hooks.
        let dir = git(&self.top, &["rev-parse", "--git-path", "hooks"])?;
        Ok(self.top.join(dir))
    }

    /// The commit `rev` names; an error that says so when it names none.
    pub(crate) fn commit(&self, rev: &str) -> Result<String> {
        if rev.is_empty() || rev.starts_with('-') {
            return Err(Fatal::NotARevision { rev: rev.to_string() });
        }
        // `:/text` takes all that follows as the text: it is resolved alone
        // first, then peeled.
        let object = match rev.contains(':') {
            true => {
                git(&self.top, &["rev-parse", "--verify", "--quiet", rev]).unwrap_or_else(|_| rev.to_string())
            }
            false => rev.to_string(),
        };
        git(&self.top, &["rev-parse", "--verify", "--quiet", &format!("{object}^{{commit}}")]).map_err(|_| {
            let rev = rev.to_string();
            if !self.has_commits() {
                Fatal::NoCommitsYet { rev }
            } else if git(&self.top, &["rev-parse", "--is-shallow-repository"]).is_ok_and(|s| s == "true") {
                Fatal::ShallowClone { rev }
            } else {
                Fatal::UnknownRevision { rev }
            }
        })
    }

    /// The pathspec of everything below the plan root, from the top.
    fn pathspec(&self) -> String {
        if self.prefix.is_empty() {
            ".".to_string()
        } else {
            format!(":(literal){}", self.prefix)
        }
    }

    /// The file at `path` (from the top) of mode `mode`, when it is below
    /// the plan root.
    fn tree_file(&self, path: &[u8], mode: &str, object: &str, size: Option<u64>) -> Option<TreeFile> {
        let path = path.strip_prefix(self.prefix.as_bytes())?;
        let (path, non_utf8) = utf8_path(path)?;
        let link = mode == "120000";
        let odd = if non_utf8 {
            Some(Odd::NonUtf8)
        } else if mode == "160000" {
            Some(Odd::Submodule)
        } else {
            None
        };
        // Of a file not read, only whether it is empty counts.
        let size = size.or_else(|| (!link).then(|| u64::from(!EMPTY_BLOBS.contains(&object))));
        Some(TreeFile { path, object: object.to_string(), link, size, odd })
    }

    /// The paths below the plan root (relative to it) of the plan and its
    /// evidence (`zi.toml`, `plan/`, `evidence/`) that differ between
    /// `from` and `to`, or between `from` and the working tree (`None`),
    /// where files that are not tracked count too, ignored ones included:
    /// the working tree is judged as it is on disk.
    pub(crate) fn changed(&self, from: &str, to: Option<&str>) -> Result<Vec<String>> {
        let within: Vec<String> =
            [CONFIG_FILE, PLAN_DIR, EVIDENCE_DIR].iter().map(|p| format!("{}{p}", self.prefix)).collect();
        let within: Vec<&str> = within.iter().map(String::as_str).collect();
        let listings = match to {
            Some(to) => {
                let args =
                    ["diff-tree", "-r", "-z", "--no-commit-id", "--no-renames", "--name-only", from, to];
                vec![run_literal(&self.top, &args, &within)?]
            }
            None => {
                // Plumbing, which never refreshes (writes) the index: a file
                // that only looks changed is judged again, to no effect.
                let tracked = ["diff-index", "--no-renames", "--name-only", "-z", from];
                // Both walk the work tree: side by side, on two cores.
                let (tracked, untracked) = std::thread::scope(|scope| {
                    let untracked =
                        scope.spawn(|| run_literal(&self.top, &["ls-files", "--others", "-z"], &within));
                    let tracked = run_literal(&self.top, &tracked, &within);
                    (tracked, untracked.join().unwrap_or_else(|_| Err(unexpected(GitTrouble::NoPipe))))
                });
                vec![tracked?, untracked?]
            }
        };
        let mut paths: Vec<String> = listings
            .iter()
            .flat_map(|output| output.stdout.split(|b| *b == 0))
            .filter_map(|path| std::str::from_utf8(path).ok())
            .filter_map(|path| path.strip_prefix(self.prefix.as_str()))
            .filter(|path| !path.is_empty())
            .map(str::to_string)
            .collect();
        paths.sort_unstable();
        paths.dedup();
        Ok(paths)
    }

    /// The files of `commit` below the plan root that a plan is made of
    /// (`zi.toml`, `plan/`, `evidence/`, `assessments/`), with paths relative
    /// to the root; only those at or below `within` (relative to the root)
    /// when given. Nothing when the root did not exist in that commit.
    pub(crate) fn files_of(&self, commit: &str, within: Option<&[String]>) -> Result<Vec<TreeFile>> {
        let prefix = self.prefix.trim_end_matches('/');
        // `commit:` with no path is the commit's whole tree.
        let tree = format!("{commit}:{prefix}");
        // (`commit:path^{tree}` would read `^{tree}` as part of the path.)
        if git(&self.top, &["cat-file", "-t", &tree]).ok().as_deref() != Some("tree") {
            return Ok(Vec::new());
        }
        let wanted = [CONFIG_FILE, PLAN_DIR, EVIDENCE_DIR, ASSESSMENTS_DIR].map(str::to_string);
        let within: Vec<&str> = within.unwrap_or(&wanted).iter().map(String::as_str).collect();
        self.list_tree(&tree, &within, true)
    }

    /// The files of the plan in the commit `rev` names, as `staged_files`
    /// lists the index's (no sizes): one `git ls-tree` (two when a link
    /// is met). `None` when that fails (no such commit, no plan root in
    /// it): `commit` and `files_of` then say why.
    pub(crate) fn plan_files_at(&self, rev: &str) -> Option<Vec<TreeFile>> {
        // A revision in `:` syntax (`:/message`) would be read again as
        // part of the path: git is asked the slow way.
        if rev.is_empty() || rev.starts_with('-') || rev.contains(':') {
            return None;
        }
        // `^{commit}`: a tree (or a tag of one) is no baseline.
        let tree = format!("{rev}^{{commit}}:{}", self.prefix.trim_end_matches('/'));
        self.list_tree(&tree, &[CONFIG_FILE, PLAN_DIR, EVIDENCE_DIR, ASSESSMENTS_DIR], false).ok()
    }

    /// Every file below the plan root in the commit `rev` names, as
    /// `plan_files_at` lists a plan's (one `git ls-tree` for the plans of
    /// many folders below). `None` when git cannot list it.
    pub(crate) fn all_files_at(&self, rev: &str) -> Option<Vec<TreeFile>> {
        if rev.is_empty() || rev.starts_with('-') || rev.contains(':') {
            return None;
        }
        let tree = format!("{rev}^{{commit}}:{}", self.prefix.trim_end_matches('/'));
        self.list_tree(&tree, &[], false).ok()
    }

    /// The files at or below `within` of the tree `tree` (the root's in a
    /// commit), with their sizes when `sized`; all of the tree when a link
    /// is among them, as a link may lead anywhere below the root.
    fn list_tree(&self, tree: &str, within: &[&str], sized: bool) -> Result<Vec<TreeFile>> {
        let args: &[&str] =
            if sized { &["ls-tree", "-r", "-l", "-z", tree] } else { &["ls-tree", "-r", "-z", tree] };
        let files = self.parse_tree(&run_literal(&self.top, args, within)?.stdout, sized);
        if files.iter().any(|f| f.link) {
            return Ok(self.parse_tree(&run(&self.top, args)?.stdout, sized));
        }
        Ok(files)
    }

    /// `git ls-tree -r -z` of the root's tree: `<mode> <type> <object>
    /// [<size>]\t<path>`, paths relative to the root.
    fn parse_tree(&self, listing: &[u8], sized: bool) -> Vec<TreeFile> {
        let root = Repo { top: self.top.clone(), prefix: String::new(), git_dir: self.git_dir.clone() };
        let parse = |record: &[u8]| {
            let (info, path) = split_record(record)?;
            let mut fields = info.split_whitespace();
            let (mode, _kind, object) = (fields.next()?, fields.next()?, fields.next()?);
            // A submodule (a commit) has no size: `-`.
            let size = if sized { Some(fields.next()?.parse().unwrap_or(0)) } else { None };
            root.tree_file(path, mode, object, size)
        };
        listing.split(|b| *b == 0).filter_map(parse).collect()
    }

    /// The contents of `objects`, by object id.
    pub(crate) fn blobs(&self, objects: &[&String]) -> Result<BTreeMap<String, Vec<u8>>> {
        cat_blobs(&self.top, objects)
    }

    /// The file at `path` (relative to the plan root) in `commit`, when
    /// there is one.
    pub(crate) fn file_at(&self, commit: &str, path: &str) -> Option<Vec<u8>> {
        let spec = format!("{commit}:{}{path}", self.prefix);
        run(&self.top, &["cat-file", "blob", &spec]).ok().map(|output| output.stdout)
    }

    /// The staged `zi.toml` (git's index), as read: `None` when none is
    /// staged (or it is conflicted), its defaults when it cannot be read.
    pub(crate) fn staged_config(&self) -> Option<Config> {
        let bytes = self.file_at("", CONFIG_FILE)?;
        let source = Source::from_bytes(bytes, CONFIG_FILE.to_string()).ok()?;
        Some(crate::load::config::parse(&source, &mut Vec::new()))
    }

    /// Whether the repository has a commit yet (`HEAD` names one).
    pub(crate) fn has_commits(&self) -> bool {
        git(&self.top, &["rev-parse", "--verify", "--quiet", "HEAD^{commit}"]).is_ok()
    }
}

/// A file of a commit's tree, as `git ls-tree -r -l -z` lists it.
#[derive(Clone)]
pub(crate) struct TreeFile {
    /// Relative to the plan root; where a name on the way is not UTF-8,
    /// the path up to that name, shown as UTF-8 (`Odd::NonUtf8`).
    pub(crate) path: String,
    pub(crate) object: String,
    /// A symbolic link, whose contents are its target.
    pub(crate) link: bool,
    /// Its size in bytes, when git said (the index does not).
    pub(crate) size: Option<u64>,
    /// What no folder on disk holds, when it is such.
    pub(crate) odd: Option<Odd>,
}

/// An entry git holds that is no plain file or link.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Odd {
    /// A name that is not UTF-8, as on disk.
    NonUtf8,
    /// Unmerged (stages 1-3 of the index).
    Conflicted,
    /// Staged with `git add -N`: no commit holds it.
    IntentToAdd,
    /// A gitlink (mode 160000): a commit of another repository.
    Submodule,
}

/// The object ids of the empty file, in SHA-1 and SHA-256 repositories.
const EMPTY_BLOBS: [&str; 2] = [
    "e69de29bb2d1d6434b8b29ae775ad8c2e48c5391",
    "473a0f4c3be8a93681a267e3b1e9a7dcda1185436fe141f7749120a303721813",
];

/// `<info>\t<path>`: the info (ASCII), and the path as git wrote it.
fn split_record(record: &[u8]) -> Option<(&str, &[u8])> {
    let tab = record.iter().position(|b| *b == b'\t')?;
    Some((std::str::from_utf8(&record[..tab]).ok()?, &record[tab + 1..]))
}

/// `path` as text, and whether a name in it is not UTF-8: then only the
/// path up to that name, which is shown as the disk shows such a name.
fn utf8_path(path: &[u8]) -> Option<(String, bool)> {
    if path.is_empty() {
        return None;
    }
    if let Ok(text) = std::str::from_utf8(path) {
        return Some((text.to_string(), false));
    }
    let mut shown = Vec::new();
    for name in path.split(|b| *b == b'/') {
        match std::str::from_utf8(name) {
            Ok(name) => shown.push(name.to_string()),
            Err(_) => {
                shown.push(String::from_utf8_lossy(name).into_owned());
                break;
            }
        }
    }
    Some((shown.join("/"), true))
}

/// Whether `path` is below the folder `dir` (both relative, `/`-separated).
pub(crate) fn under(path: &str, dir: &str) -> bool {
    path.strip_prefix(dir).is_some_and(|rest| rest.starts_with('/'))
}

/// The id git gives a file of contents `bytes`, in the hash of the id
/// `like` (SHA-1, or SHA-256); `None` for ids of neither.
pub(crate) fn blob_id(bytes: &[u8], like: &str) -> Option<String> {
    fn hex<D: sha2::Digest>(bytes: &[u8]) -> String {
        let mut digest = D::new();
        digest.update(format!("blob {}\0", bytes.len()).as_bytes());
        digest.update(bytes);
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let digest = digest.finalize();
        let mut id = String::with_capacity(digest.len() * 2);
        for byte in digest {
            id.push(char::from(HEX[usize::from(byte >> 4)]));
            id.push(char::from(HEX[usize::from(byte & 0xf)]));
        }
        id
    }
    match like.len() {
        40 => Some(hex::<sha1::Sha1>(bytes)),
        64 => Some(hex::<sha2::Sha256>(bytes)),
        _ => None,
    }
}

/// Whether `dot_git` (of metadata `meta`, not following a link) is a
/// `.git` that git would take: a folder holding `HEAD`, or a file that
/// starts `gitdir: `.
fn is_git_entry(dot_git: &Path, meta: &std::fs::Metadata) -> bool {
    match meta {
        meta if meta.is_dir() => dot_git.join("HEAD").is_file(),
        meta if meta.is_file() => {
            let mut start = [0u8; 8];
            std::fs::File::open(dot_git)
                .and_then(|mut file| std::io::Read::read_exact(&mut file, &mut start))
                .is_ok_and(|()| &start == b"gitdir: ")
        }
        _ => false,
    }
}

/// The contents of `objects`, read in one `git cat-file --batch`.
fn cat_blobs(dir: &Path, objects: &[&String]) -> Result<BTreeMap<String, Vec<u8>>> {
    let mut blobs = BTreeMap::new();
    if objects.is_empty() {
        return Ok(blobs);
    }
    let mut child = git_command(dir)
        .args(["cat-file", "--batch"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(not_found)?;
    let mut stdin = child.stdin.take().ok_or_else(|| unexpected(GitTrouble::NoPipe))?;
    let stdout = child.stdout.take().ok_or_else(|| unexpected(GitTrouble::NoPipe))?;
    let request: String = objects.iter().map(|o| format!("{o}\n")).collect();
    let read = std::thread::scope(|scope| {
        // Written from another thread so that neither side waits on a full pipe.
        let writer = scope.spawn(move || stdin.write_all(request.as_bytes()));
        let mut reader = BufReader::new(stdout);
        let mut read = Ok(());
        for object in objects {
            match read_blob(&mut reader) {
                Ok(bytes) => {
                    blobs.insert((*object).clone(), bytes);
                }
                Err(e) => {
                    read = Err(unexpected(GitTrouble::ReadObject {
                        object: (*object).clone(),
                        error: e.to_string(),
                    }));
                    break;
                }
            }
        }
        let written = writer.join().map_err(|_| unexpected(GitTrouble::NoPipe))?;
        read.and(written.map_err(|e| unexpected(GitTrouble::Write { error: e.to_string() })))
    });
    let status = child.wait().map_err(|e| unexpected(GitTrouble::Wait { error: e.to_string() }))?;
    read?;
    if !status.success() {
        return Err(Fatal::GitFailed { command: "cat-file".into(), message: String::new() });
    }
    Ok(blobs)
}

fn read_blob(reader: &mut impl BufRead) -> std::io::Result<Vec<u8>> {
    let mut header = String::new();
    reader.read_line(&mut header)?;
    let size: usize = header.trim_end().rsplit(' ').next().and_then(|s| s.parse().ok()).ok_or_else(|| {
        std::io::Error::new(std::io::ErrorKind::InvalidData, format!("\"{}\"", header.trim_end()))
    })?;
    let mut bytes = vec![0; size];
    reader.read_exact(&mut bytes)?;
    let mut newline = [0; 1];
    reader.read_exact(&mut newline)?;
    Ok(bytes)
}

fn git_command(dir: &Path) -> Command {
    let mut command = Command::new("git");
    command.arg("-C").arg(dir);
    command
}

fn not_found(e: std::io::Error) -> Fatal {
    if e.kind() == std::io::ErrorKind::NotFound {
        Fatal::GitMissing
    } else {
        Fatal::GitCannotRun { error: e.to_string() }
    }
}

/// Makes the new plan at `dir` a git repository, unless it is inside one
/// already (a workspace, a unit's folder in a larger repository): the one
/// thing zi asks git to write, for `zi init`, so that `zi hook install`
/// works from the start. `Ok(false)` when nothing was to be done, or git is
/// not installed.
pub(crate) fn init_unless_inside(dir: &Path) -> Result<bool> {
    match Repo::containing(dir) {
        Ok(_) => Ok(false),
        Err(Fatal::GitMissing) => Ok(false),
        Err(_) => run(dir, &["init", "--quiet"]).map(|_| true),
    }
}

fn run(dir: &Path, args: &[&str]) -> Result<Output> {
    output_of(git_command(dir).args(args), args)
}

/// `git args… -- paths…` in `dir`, with the paths taken as they are
/// (never as patterns).
fn run_literal(dir: &Path, args: &[&str], paths: &[&str]) -> Result<Output> {
    output_of(git_command(dir).env("GIT_LITERAL_PATHSPECS", "1").args(args).arg("--").args(paths), args)
}

fn output_of(command: &mut Command, args: &[&str]) -> Result<Output> {
    let output = command.stdin(Stdio::null()).output().map_err(not_found)?;
    if !output.status.success() {
        let message = String::from_utf8_lossy(&output.stderr).trim().to_string();
        return Err(Fatal::GitFailed { command: args.first().copied().unwrap_or("").to_string(), message });
    }
    Ok(output)
}

/// The first line `git args…` prints in `dir`.
fn git(dir: &Path, args: &[&str]) -> Result<String> {
    let output = run(dir, args)?;
    Ok(String::from_utf8_lossy(&output.stdout).lines().next().unwrap_or("").to_string())
}

/// Whether the file of `meta` belongs to the user zi runs as.
#[cfg(unix)]
fn belongs_to_this_user(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    // SAFETY: geteuid has no preconditions and cannot fail.
    meta.uid() == unsafe { libc::geteuid() }
}

#[cfg(not(unix))]
fn belongs_to_this_user(_: &std::fs::Metadata) -> bool {
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_git_folder_with_head_or_a_gitdir_file_is_taken_for_a_repository() {
        let dir = tempfile::tempdir().unwrap();
        let dot = dir.path().join(".git");
        // As `Repo::find` asks: a `.git` that is there, then what it is.
        let taken = |dot: &Path| std::fs::symlink_metadata(dot).is_ok_and(|meta| is_git_entry(dot, &meta));
        assert!(!taken(&dot), "nothing there");
        std::fs::create_dir(&dot).unwrap();
        assert!(!taken(&dot), "an empty folder");
        std::fs::write(dot.join("HEAD"), "ref: refs/heads/main\n").unwrap();
        assert!(taken(&dot));
        std::fs::remove_dir_all(&dot).unwrap();
        std::fs::write(&dot, "not a gitfile\n").unwrap();
        assert!(!taken(&dot), "a file that is no gitfile");
        std::fs::write(&dot, "gitdir: ../elsewhere/.git\n").unwrap();
        assert!(taken(&dot));
        std::fs::write(&dot, "gitdir").unwrap();
        assert!(!taken(&dot), "too short");
    }

    #[test]
    fn a_blob_id_is_the_one_git_gives() {
        // `printf 'a\n' | git hash-object --stdin`; the empty file in both hashes.
        assert_eq!(blob_id(b"a\n", EMPTY_BLOBS[0]).unwrap(), "78981922613b2afb6025042ff6bd878ac1994e85");
        assert_eq!(blob_id(b"", EMPTY_BLOBS[0]).unwrap(), EMPTY_BLOBS[0]);
        assert_eq!(blob_id(b"", EMPTY_BLOBS[1]).unwrap(), EMPTY_BLOBS[1]);
        assert_eq!(blob_id(b"", "abc"), None);
    }
}
