//! git's index read in this process, as `git ls-files --stage` would list
//! it, so that the commit gate (`zi overdue --staged`, run by every
//! pre-commit hook) does not start git. Only an index zi reads exactly as
//! git does is read: versions 2 to 4 of a SHA-1 repository, with no
//! extension git requires to be understood (a split or sparse index).
//! Anything else, and any file that is not such an index throughout, is
//! `None`: then git is asked, and says what it would have said.
//!
//! The format: `Documentation/gitformat-index.txt` in git's sources.

use std::path::Path;

/// An entry of the index.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Entry {
    /// From the top of the work tree, as git holds it.
    pub(crate) path: Vec<u8>,
    /// As `git ls-files --stage` writes it (`100644`).
    pub(crate) mode: String,
    /// The object id, in hexadecimal.
    pub(crate) object: String,
    /// 0, or 1-3 for the sides of a conflict.
    pub(crate) stage: u8,
    /// Staged with `git add -N`.
    pub(crate) intent_to_add: bool,
}

/// Bytes of the object ids (SHA-1) and of the checksum that ends the file.
const ID_BYTES: usize = 20;
/// Bytes of an entry before its flags: ten 32-bit fields and the id.
const FIXED_BYTES: usize = 40 + ID_BYTES;
/// The extended flags (version 3 and later): flags bit 14.
const EXTENDED: u16 = 1 << 14;
/// Of the extended flags, `git add -N`.
const INTENT_TO_ADD: u16 = 1 << 13;
/// Of the extended flags, an entry of a sparse checkout that is not in
/// the work tree (listed like any other).
const SKIP_WORKTREE: u16 = 1 << 14;
/// The modes git stages: files, executables, links, gitlinks.
const MODES: [u32; 4] = [0o100644, 0o100755, 0o120000, 0o160000];

/// The entries of the index at `index` of the repository whose git folder
/// is `git_dir`; `None` when zi does not read it exactly as git does.
pub(crate) fn read(index: &Path, git_dir: &Path) -> Option<Vec<Entry>> {
    if !plain_repository(&read_config(&git_dir.join("config"))?) {
        return None;
    }
    parse(&std::fs::read(index).ok()?)
}

/// The repository's `config`, read without asking its size first
/// (`std::fs::read` does, with a stat): it is a few hundred bytes.
fn read_config(path: &Path) -> Option<Vec<u8>> {
    let file = std::fs::File::open(path).ok()?;
    let mut bytes = Vec::with_capacity(4096);
    std::io::Read::read_to_end(&mut std::io::Read::take(file, u64::MAX), &mut bytes).ok()?;
    Some(bytes)
}

/// Whether git reads the repository of this `config` as zi does: objects
/// named by SHA-1, and no extension at all. git refuses a repository whose
/// `core.repositoryformatversion` is above 1, or is 1 with an extension it
/// does not know; zi leaves every repository with an `[extensions]`
/// section, a format version other than 0 or 1, an included config file
/// (which could say either) or a line it does not follow to git.
fn plain_repository(config: &[u8]) -> bool {
    let config = String::from_utf8_lossy(config).to_ascii_lowercase();
    if config.contains("objectformat") {
        return false;
    }
    let mut in_core = false;
    for line in config.lines() {
        let line = line.trim();
        if let Some(header) = line.strip_prefix('[') {
            let Some((name, rest)) = header.split_once(']') else { return false };
            if !(rest.trim().is_empty() || rest.trim_start().starts_with(['#', ';'])) {
                // A key on the header's line.
                return false;
            }
            let section = name.split([' ', '\t', '"', '.']).next().unwrap_or_default();
            if matches!(section, "extensions" | "include" | "includeif") {
                return false;
            }
            in_core = section == "core";
            continue;
        }
        let Some(rest) = line.strip_prefix("repositoryformatversion") else { continue };
        let value =
            rest.trim_start().strip_prefix('=').map(|v| v.split(['#', ';']).next().unwrap_or_default());
        if in_core && !matches!(value.map(str::trim), Some("0" | "1")) {
            return false;
        }
    }
    true
}

/// The entries of the index `bytes`.
pub(crate) fn parse(bytes: &[u8]) -> Option<Vec<Entry>> {
    let end = bytes.len().checked_sub(ID_BYTES)?;
    let body = &bytes[..end];
    if body.get(..4)? != b"DIRC" {
        return None;
    }
    let version = be32(body, 4)?;
    if !(2..=4).contains(&version) {
        return None;
    }
    let count = usize::try_from(be32(body, 8)?).ok()?;
    let mut at = 12;
    let mut entries: Vec<Entry> = Vec::with_capacity(count.min(body.len() / 62));
    for _ in 0..count {
        let (entry, next) = parse_entry(body, at, version, entries.last().map(|e| e.path.as_slice()))?;
        entries.push(entry);
        at = next;
    }
    // Extensions: an optional one's signature starts with a capital letter;
    // any other must be understood, and none is here.
    while at < end {
        let signature = body.get(at..at + 4)?;
        if !signature[0].is_ascii_uppercase() {
            return None;
        }
        let size = usize::try_from(be32(body, at + 4)?).ok()?;
        at = at.checked_add(8)?.checked_add(size)?;
    }
    (at == end).then_some(entries)
}

/// The entry at `at` and where the next starts; `previous` is the path of
/// the entry before (version 4 writes each path as a change of it).
fn parse_entry(body: &[u8], at: usize, version: u32, previous: Option<&[u8]>) -> Option<(Entry, usize)> {
    let mode = be32(body, at + 24)?;
    if !MODES.contains(&mode) {
        return None;
    }
    let id = body.get(at + 40..at + FIXED_BYTES)?;
    let flags = be16(body, at + FIXED_BYTES)?;
    let mut name_at = at + FIXED_BYTES + 2;
    let mut intent_to_add = false;
    if flags & EXTENDED != 0 {
        if version < 3 {
            return None;
        }
        let extended = be16(body, name_at)?;
        // git refuses an entry with any other bit set.
        if extended & !(INTENT_TO_ADD | SKIP_WORKTREE) != 0 {
            return None;
        }
        intent_to_add = extended & INTENT_TO_ADD != 0;
        name_at += 2;
    }
    let (path, next) = if version == 4 {
        let (strip, suffix_at) = varint(body, name_at)?;
        let previous = previous.unwrap_or_default();
        let kept = previous.len().checked_sub(strip)?;
        let suffix_len = body.get(suffix_at..)?.iter().position(|b| *b == 0)?;
        let mut path = previous[..kept].to_vec();
        path.extend_from_slice(&body[suffix_at..suffix_at + suffix_len]);
        // git takes the whole name's length from the flags and trusts it.
        if usize::from(flags & 0xfff) != path.len().min(0xfff) {
            return None;
        }
        (path, suffix_at + suffix_len + 1)
    } else {
        let len = body.get(name_at..)?.iter().position(|b| *b == 0)?;
        // The name's length is in the flags unless it is too long for them.
        let stated = usize::from(flags & 0xfff);
        if stated != len.min(0xfff) {
            return None;
        }
        // Padded with one to eight NULs to a multiple of eight bytes.
        let next = at + ((name_at - at + len + 8) & !7);
        if next > body.len() || body[name_at + len..next].iter().any(|b| *b != 0) {
            return None;
        }
        (body[name_at..name_at + len].to_vec(), next)
    };
    if path.is_empty() {
        return None;
    }
    let entry = Entry {
        path,
        mode: format!("{mode:06o}"),
        object: hex(id),
        stage: u8::try_from((flags >> 12) & 3).ok()?,
        intent_to_add,
    };
    Some((entry, next))
}

/// git's variable-length integer (version 4's bytes to strip of the path
/// before), and where what follows it starts.
fn varint(bytes: &[u8], mut at: usize) -> Option<(usize, usize)> {
    let mut byte = *bytes.get(at)?;
    at += 1;
    let mut value = usize::from(byte & 0x7f);
    while byte & 0x80 != 0 {
        byte = *bytes.get(at)?;
        at += 1;
        value = value.checked_add(1)?.checked_mul(128)? | usize::from(byte & 0x7f);
    }
    Some((value, at))
}

fn be32(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_be_bytes(bytes.get(at..at.checked_add(4)?)?.try_into().ok()?))
}

fn be16(bytes: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_be_bytes(bytes.get(at..at.checked_add(2)?)?.try_into().ok()?))
}

fn hex(bytes: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut id = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        id.push(char::from(HEX[usize::from(byte >> 4)]));
        id.push(char::from(HEX[usize::from(byte & 0xf)]));
    }
    id
}

#[cfg(test)]
mod tests {
    use super::*;

    use std::process::Command;

    fn git(dir: &Path, args: &[&str]) -> Vec<u8> {
        let output = Command::new("git")
            .arg("-C")
            .arg(dir)
            .args(["-c", "user.name=t", "-c", "user.email=t@t", "-c", "init.defaultBranch=main"])
            .args(args)
            .output()
            .unwrap();
        assert!(output.status.success(), "git {args:?}: {}", String::from_utf8_lossy(&output.stderr));
        output.stdout
    }

    /// `git ls-files --stage -z` of `dir`, as `parse` gives it.
    fn listed(dir: &Path) -> Vec<String> {
        let entries = read(&dir.join(".git/index"), &dir.join(".git")).expect("an index zi reads");
        entries
            .iter()
            .map(|e| format!("{} {} {}\t{}", e.mode, e.object, e.stage, String::from_utf8_lossy(&e.path)))
            .collect()
    }

    fn ls_files(dir: &Path) -> Vec<String> {
        let out = git(dir, &["ls-files", "--stage", "-z"]);
        out.split(|b| *b == 0)
            .filter(|r| !r.is_empty())
            .map(|r| String::from_utf8_lossy(r).into_owned())
            .collect()
    }

    /// A repository with files, a link, an executable, a long name, a
    /// conflict and a `git add -N` file.
    fn repository() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        git(root, &["init", "-q"]);
        std::fs::create_dir_all(root.join("plan/I/I.1")).unwrap();
        std::fs::write(root.join("zi.toml"), "x = 1\n").unwrap();
        std::fs::write(root.join("plan/I/I.1/I.1.1.toml"), "a\n").unwrap();
        std::fs::write(root.join("run.sh"), "#!/bin/sh\n").unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(root.join("run.sh"), std::fs::Permissions::from_mode(0o755)).unwrap();
            std::os::unix::fs::symlink("zi.toml", root.join("link")).unwrap();
        }
        std::fs::write(root.join("c.txt"), "base\n").unwrap();
        git(root, &["add", "-A"]);
        // A name too long for an entry's flags to hold its length, which
        // no file system takes: staged without a file.
        let long = format!("plan/{}.toml", vec!["n".repeat(200); 25].join("/"));
        let blob = String::from_utf8(git(root, &["hash-object", "-w", "zi.toml"])).unwrap();
        git(root, &["update-index", "--add", "--cacheinfo", &format!("100644,{},{long}", blob.trim())]);
        git(root, &["commit", "-q", "-m", "one"]);
        git(root, &["checkout", "-q", "-b", "side"]);
        std::fs::write(root.join("c.txt"), "side\n").unwrap();
        git(root, &["commit", "-q", "-am", "side"]);
        git(root, &["checkout", "-q", "main"]);
        std::fs::write(root.join("c.txt"), "main\n").unwrap();
        git(root, &["commit", "-q", "-am", "main"]);
        let merge = Command::new("git").arg("-C").arg(root).args(["merge", "-q", "side"]).output().unwrap();
        assert!(!merge.status.success(), "the merge conflicts");
        std::fs::write(root.join("plan/new.toml"), "new\n").unwrap();
        git(root, &["add", "-N", "plan/new.toml"]);
        dir
    }

    #[test]
    fn every_version_is_read_as_git_lists_it() {
        let dir = repository();
        for version in ["2", "3", "4"] {
            git(dir.path(), &["update-index", "--index-version", version]);
            let listed = listed(dir.path());
            assert_eq!(listed, ls_files(dir.path()), "version {version}");
            assert_eq!(
                listed.iter().filter(|l| l.contains(" 1\tc.txt") || l.contains(" 3\tc.txt")).count(),
                2
            );
        }
        let entries = read(&dir.path().join(".git/index"), &dir.path().join(".git")).unwrap();
        let added: Vec<&[u8]> =
            entries.iter().filter(|e| e.intent_to_add).map(|e| e.path.as_slice()).collect();
        assert_eq!(added, [b"plan/new.toml".as_slice()]);
    }

    #[test]
    fn what_zi_cannot_read_as_git_does_is_left_to_git() {
        let dir = repository();
        let (index, git_dir) = (dir.path().join(".git/index"), dir.path().join(".git"));
        let bytes = std::fs::read(&index).unwrap();
        assert!(parse(&bytes).is_some());
        // Cut short, anywhere.
        for len in [0, 11, 12, 40, bytes.len() / 2, bytes.len() - 21] {
            assert_eq!(parse(&bytes[..len]), None, "{len} bytes");
        }
        // Another signature or version.
        let mut other = bytes.clone();
        other[0] = b'X';
        assert_eq!(parse(&other), None);
        let mut other = bytes.clone();
        other[7] = 5;
        assert_eq!(parse(&other), None);
        // An extension git requires to be understood.
        let mut required = bytes[..bytes.len() - ID_BYTES].to_vec();
        required.extend_from_slice(b"link\0\0\0\0");
        required.extend_from_slice(&[0; ID_BYTES]);
        assert_eq!(parse(&required), None);
        let mut optional = bytes[..bytes.len() - ID_BYTES].to_vec();
        optional.extend_from_slice(b"ZZZZ\0\0\0\x01x");
        optional.extend_from_slice(&[0; ID_BYTES]);
        assert_eq!(parse(&optional), parse(&bytes));
        // A split index, and a SHA-256 repository.
        git(dir.path(), &["update-index", "--split-index"]);
        assert_eq!(read(&index, &git_dir), None);
        let sha256 = tempfile::tempdir().unwrap();
        git(sha256.path(), &["init", "-q", "--object-format=sha256"]);
        std::fs::write(sha256.path().join("a"), "a\n").unwrap();
        git(sha256.path(), &["add", "a"]);
        assert_eq!(read(&sha256.path().join(".git/index"), &sha256.path().join(".git")), None);
        // No index at all.
        assert_eq!(read(&git_dir.join("none"), &git_dir), None);
    }

    #[test]
    fn a_repository_git_would_refuse_or_read_otherwise_is_left_to_git() {
        let readable = [
            "",
            "[core]\n\trepositoryformatversion = 0\n\tbare = false\n",
            "[core]\n\trepositoryformatversion = 1 ; ok\n[remote \"origin\"]\n\turl = x\n",
        ];
        let left = [
            "[core]\n\trepositoryformatversion = 2\n",
            "[core]\n\trepositoryformatversion = x\n",
            "[core]\n\trepositoryformatversion\n",
            "[core] repositoryformatversion = 2\n",
            "[core]\n\trepositoryformatversion = 1\n[extensions]\n\tworktreeConfig = true\n",
            "[core]\n\trepositoryformatversion = 1\n[Extensions]\n\tnoop = true\n",
            "[extensions]\n\tobjectFormat = sha256\n",
            "[include]\n\tpath = more\n",
            "[includeIf \"gitdir:/x/\"]\n\tpath = more\n",
            "[core\n",
        ];
        for config in readable {
            assert!(plain_repository(config.as_bytes()), "{config:?}");
        }
        for config in left {
            assert!(!plain_repository(config.as_bytes()), "{config:?}");
        }
        // End to end: git refuses a repository of format version 2.
        let dir = repository();
        let (index, git_dir) = (dir.path().join(".git/index"), dir.path().join(".git"));
        assert!(read(&index, &git_dir).is_some());
        git(dir.path(), &["config", "core.repositoryformatversion", "2"]);
        assert_eq!(read(&index, &git_dir), None);
    }

    #[test]
    fn an_entry_git_would_refuse_is_left_to_git() {
        let dir = repository();
        let index = dir.path().join(".git/index");
        // Version 3: the `git add -N` entry has extended flags; any bit of
        // them but intent-to-add and skip-worktree makes git refuse it.
        git(dir.path(), &["update-index", "--index-version", "3"]);
        let bytes = std::fs::read(&index).unwrap();
        assert!(parse(&bytes).is_some());
        let mut at = 12;
        while be16(&bytes, at + FIXED_BYTES).unwrap() & EXTENDED == 0 {
            at = parse_entry(&bytes, at, 3, None).unwrap().1;
        }
        let mut unknown = bytes.clone();
        unknown[at + FIXED_BYTES + 2] |= 0x10;
        assert_eq!(parse(&unknown), None);
        let mut skip_worktree = bytes.clone();
        skip_worktree[at + FIXED_BYTES + 2] |= 0x40;
        assert!(parse(&skip_worktree).is_some());
        // Version 4: the first name's length in its flags, one too many.
        git(dir.path(), &["update-index", "--index-version", "4"]);
        let bytes = std::fs::read(&index).unwrap();
        assert!(parse(&bytes).is_some());
        let mut longer = bytes.clone();
        longer[12 + FIXED_BYTES + 1] += 1;
        assert_eq!(parse(&longer), None);
    }
}
