//! A tree read from git, listed as the disk is: its folders for the walk of
//! the plan (`Folders`) and its evidence folders (`Listing`), with every
//! entry classified by the disk's own rules (`tree::entry`,
//! `evidence::entry`). Links are followed inside the tree only.

use std::io;
use std::ops::Bound;

use std::path::Path;

use super::{CommitTree, Node};
use crate::load::evidence::{self, Listed, Listing, Meta, Probe};
use crate::load::folders::Folders;
use crate::load::git::Odd;
use crate::load::source::Source;
use crate::load::tree::{self, Entry, Found};
use crate::problem::{Kind, Problem, Severity};

/// How many links in a row are followed before a link counts as broken.
const MAX_LINKS: usize = 40;

/// Where a path leads once its links are followed.
#[derive(Clone, Copy, Debug)]
enum Target {
    File {
        size: u64,
    },
    Dir,
    /// Nothing is there: a broken link.
    Missing,
    /// Links that go round in circles.
    Loop,
    /// A link that is absolute or leaves the root: what it leads to is no
    /// part of the tree.
    Outside,
    /// What git holds and no disk does.
    Odd(Odd),
}

/// An entry of a folder of the tree.
#[derive(Clone, Copy)]
enum Child<'a> {
    Dir,
    Node(&'a Node),
}

impl CommitTree {
    fn is_folder(&self, rel: &str) -> bool {
        rel.is_empty() || self.folders.contains(rel)
    }

    /// The entries of the folder `rel` (its links followed), sorted by
    /// name; `None` when it is no folder of the tree.
    fn children(&self, rel: &str) -> Option<Vec<(&str, Child<'_>)>> {
        let rel = self.walk(rel, true).ok()?;
        if !self.is_folder(&rel) {
            return None;
        }
        let prefix = if rel.is_empty() { String::new() } else { format!("{rel}/") };
        let mut children = Vec::new();
        // Where the next child starts: a folder's end, or past a file.
        let mut past_folder = String::with_capacity(prefix.len() + 64);
        let mut from: Bound<&str> = Bound::Included(&prefix);
        while let Some((path, node)) = self.files.range::<str, _>((from, Bound::Unbounded)).next() {
            let Some(rest) = path.strip_prefix(&prefix) else { break };
            match rest.split_once('/') {
                Some((folder, _)) => {
                    children.push((folder, Child::Dir));
                    // Past every file of that folder: '0' follows '/'.
                    past_folder.clear();
                    past_folder.push_str(&path[..prefix.len() + folder.len()]);
                    past_folder.push('0');
                    from = Bound::Included(&past_folder);
                }
                None => {
                    children.push((rest, Child::Node(node)));
                    from = Bound::Excluded(path);
                }
            }
        }
        // `a.b` sorts before `a/…` in the map, so names are sorted again.
        children.sort_by(|a, b| a.0.cmp(b.0));
        Some(children)
    }

    /// The path `path` is at once the links in it are followed, name by
    /// name as the disk follows them (the last one only when `last`): a
    /// path of the tree with no link in it, or why there is none.
    fn walk(&self, path: &str, last: bool) -> Result<String, Target> {
        if !self.links {
            // Nothing to follow: the path is there, or it is not.
            let there = self.files.contains_key(path) || self.is_folder(path);
            return if there { Ok(path.to_string()) } else { Err(Target::Missing) };
        }
        // The names still to walk, the next one last.
        let mut todo: Vec<String> = path.rsplit('/').map(str::to_string).collect();
        let mut at: Vec<String> = Vec::new();
        let mut links = 0;
        while let Some(name) = todo.pop() {
            match name.as_str() {
                "" | "." => continue,
                ".." => {
                    at.pop().ok_or(Target::Outside)?;
                    continue;
                }
                _ => {}
            }
            let here = if at.is_empty() { name.clone() } else { format!("{}/{name}", at.join("/")) };
            match self.files.get(&here) {
                Some(Node::Link) if last || !todo.is_empty() => {
                    links += 1;
                    if links > MAX_LINKS {
                        return Err(Target::Loop);
                    }
                    let target = self.contents.get(&here).and_then(|b| std::str::from_utf8(b).ok());
                    let target = target.ok_or(Target::Missing)?;
                    let target = match target.strip_prefix('/') {
                        Some(_) => {
                            // Back into the root, or out of the tree.
                            let inside = Path::new(target).strip_prefix(&self.root).ok();
                            at.clear();
                            inside.and_then(Path::to_str).ok_or(Target::Outside)?
                        }
                        None => target,
                    };
                    todo.extend(target.rsplit('/').map(str::to_string));
                }
                Some(_) if !todo.is_empty() => return Err(Target::Missing),
                Some(_) => at.push(name),
                None if self.is_folder(&here) => at.push(name),
                None => return Err(Target::Missing),
            }
        }
        Ok(at.join("/"))
    }

    /// Where `path` leads after its links are followed.
    fn follow(&self, path: &str) -> Target {
        match self.walk(path, true) {
            Ok(path) => match self.files.get(&path) {
                Some(Node::File { size }) => Target::File { size: *size },
                Some(Node::Odd(odd)) => Target::Odd(*odd),
                Some(Node::Link) => Target::Missing,
                None => Target::Dir,
            },
            Err(target) => target,
        }
    }

    /// The path `path` leads to, when it is a file of the tree.
    pub(super) fn resolve(&self, path: &str) -> Option<String> {
        let path = self.walk(path, true).ok()?;
        matches!(self.files.get(&path), Some(Node::File { .. })).then_some(path)
    }
}

/// The problem an entry git holds and no disk does is, at `severity`
/// where the disk would skip it (`None`: a hidden name that is not UTF-8,
/// which the disk skips silently).
pub(super) fn odd(odd: Odd, path: &str, severity: Severity) -> Option<Problem> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let problem = match odd {
        Odd::NonUtf8 if name.starts_with('.') => return None,
        Odd::NonUtf8 => Problem::new(Kind::NonUtf8Name, path).with_severity(severity),
        Odd::Conflicted => Problem::new(Kind::Conflicted, path),
        Odd::IntentToAdd => Problem::new(Kind::IntentToAdd, path),
        Odd::Submodule => Problem::new(Kind::Submodule, path).with_severity(severity),
    };
    Some(problem)
}

/// The error the disk gives for a link to nothing, or round in circles.
fn broken(target: Target) -> io::Error {
    #[cfg(unix)]
    if matches!(target, Target::Loop) {
        return io::Error::from_raw_os_error(libc::ELOOP);
    }
    let _ = target;
    io::Error::from_raw_os_error(libc::ENOENT)
}

impl Folders for CommitTree {
    fn list(&self, rel: &str, skipped: Severity, out: &mut Vec<Problem>) -> io::Result<Vec<Entry>> {
        let children = self.children(rel).ok_or_else(|| broken(Target::Missing))?;
        let mut entries = Vec::with_capacity(children.len());
        for (name, child) in children {
            match child {
                // Read (and reported) as the file it is on disk, with its
                // conflict markers.
                Child::Node(Node::Odd(Odd::Conflicted)) => {}
                Child::Node(Node::Odd(kind)) => {
                    out.extend(odd(*kind, &tree::join(rel, name), skipped));
                    continue;
                }
                _ => {}
            }
            let found = || match child {
                Child::Dir => Found::Dir,
                Child::Node(Node::File { .. } | Node::Odd(_)) => Found::File,
                Child::Node(Node::Link) => match self.follow(&tree::join(rel, name)) {
                    Target::File { .. } => Found::LinkToFile,
                    Target::Dir => Found::LinkToDir,
                    // What the commit does not hold is where the disk has it.
                    Target::Outside => match std::fs::metadata(self.root.join(tree::join(rel, name))) {
                        Ok(meta) if meta.is_file() => Found::LinkToFile,
                        Ok(meta) if meta.is_dir() => Found::LinkToDir,
                        Ok(_) => Found::Special,
                        Err(e) => Found::BrokenLink(e),
                    },
                    other => Found::BrokenLink(broken(other)),
                },
            };
            entries.extend(tree::entry(rel, name, found, skipped, out));
        }
        tree::sort(&mut entries);
        Ok(entries)
    }

    fn is_dir(&self, rel: &str) -> bool {
        matches!(self.follow(rel), Target::Dir)
    }

    fn exists(&self, rel: &str) -> bool {
        matches!(self.follow(rel), Target::Dir | Target::File { .. })
    }

    fn is_missing(&self, rel: &str) -> bool {
        matches!(self.walk(rel, false), Err(Target::Missing))
    }

    fn read(&self, rel: &str) -> Result<Source, Problem> {
        match self.follow(rel) {
            Target::File { .. } => match self.resolve(rel).and_then(|path| self.source(&path)) {
                Some(Ok(source)) => Ok(Source { path: rel.to_string(), ..source }),
                Some(Err(problem)) => Err(Problem { path: rel.to_string(), ..problem }),
                None => Err(unreadable(rel, Target::Missing)),
            },
            Target::Dir => Err(Problem::new(Kind::FolderNotFile, rel).with_severity(Severity::Error)),
            Target::Odd(kind) => {
                Err(odd(kind, rel, Severity::Error).unwrap_or_else(|| unreadable(rel, Target::Missing)))
            }
            Target::Outside => Source::read(&self.root.join(rel), rel.to_string()),
            other => Err(unreadable(rel, other)),
        }
    }

    fn stale_at_root(&self) -> Vec<String> {
        let names = self.children("").unwrap_or_default().into_iter().map(|(name, _)| name);
        names.filter(|name| crate::load::leftovers::is_stale(name.as_ref())).map(str::to_string).collect()
    }
}

fn unreadable(rel: &str, target: Target) -> Problem {
    Problem::new(Kind::UnreadableFile { error: broken(target).to_string() }, rel)
}

/// An entry of an evidence folder of the tree.
struct InTree<'a> {
    tree: &'a CommitTree,
    path: String,
    child: Child<'a>,
}

impl Probe for InTree<'_> {
    fn is_dir(&self) -> bool {
        matches!(self.child, Child::Dir)
    }

    fn is_link(&self) -> bool {
        matches!(self.child, Child::Node(Node::Link))
    }

    fn followed(&self, _name: &str) -> io::Result<Meta> {
        match self.tree.follow(&self.path) {
            Target::File { size } => Ok(Meta { is_dir: false, is_file: true, len: size }),
            Target::Dir => Ok(Meta { is_dir: true, is_file: false, len: 0 }),
            // Whatever it leads to, it is no part of the repository.
            Target::Outside => Ok(Meta { is_dir: false, is_file: true, len: 1 }),
            // A conflicted file is there, on disk with its markers.
            Target::Odd(Odd::Conflicted) => Ok(Meta { is_dir: false, is_file: true, len: 1 }),
            other => Err(broken(other)),
        }
    }

    fn leaves(&self, _name: &str) -> bool {
        matches!(self.tree.follow(&self.path), Target::Outside)
    }

    /// Only a file's name and emptiness are read from git: a pointer
    /// counts like the document it stands for, so only its label is lost.
    fn is_pointer(&self, _name: &str, _len: u64) -> bool {
        false
    }
}

impl Listing for CommitTree {
    fn list(&self, rel: &str, out: &mut Vec<Problem>) -> io::Result<Vec<Listed>> {
        let children = self.children(rel).ok_or_else(|| broken(Target::Missing))?;
        let mut listed = Vec::with_capacity(children.len());
        for (name, child) in children {
            if let Child::Node(Node::Odd(kind)) = child {
                // Under `evidence/` what is skipped only hides a document.
                out.extend(odd(*kind, &tree::join(rel, name), Severity::Warning));
                continue;
            }
            let probe = InTree { tree: self, path: tree::join(rel, name), child };
            listed.extend(evidence::entry(rel, name.to_string(), &probe, out));
        }
        Ok(listed)
    }

    fn is_dir(&self, rel: &str) -> bool {
        matches!(self.follow(rel), Target::Dir)
    }

    fn has_entries(&self, rel: &str) -> bool {
        self.walk(rel, true).is_ok_and(|rel| rel.is_empty() || self.folders.contains(&rel))
    }
}

impl CommitTree {
    /// The problem of what git holds at `path` and no disk does, as an error.
    pub(super) fn odd_at(&self, path: &str) -> Option<Problem> {
        match self.files.get(path)? {
            Node::Odd(kind) => odd(*kind, path, Severity::Error),
            _ => None,
        }
    }

    /// Whether `path` is read as a file: one of the tree, a conflicted one,
    /// or one a link leads to outside it.
    pub(super) fn is_file(&self, path: &str) -> bool {
        matches!(self.follow(path), Target::File { .. } | Target::Odd(Odd::Conflicted) | Target::Outside)
    }
}
