//! A tree read from git, listed as the disk is: its folders for the walk of
//! the plan (`Folders`) and its evidence folders (`Listing`), with every
//! entry classified by the disk's own rules (`tree::entry`,
//! `evidence::entry`). Links are followed inside the tree only.

use std::io;

use super::{CommitTree, Node};
use crate::load::evidence::{self, Listed, Listing, Meta, Probe};
use crate::load::folders::Folders;
use crate::load::source::Source;
use crate::load::tree::{self, Entry, Found};
use crate::problem::{Kind, Problem, Severity};

/// How many links in a row are followed before a link counts as broken.
const MAX_LINKS: usize = 40;

/// Where a path leads once its links are followed.
#[derive(Clone, Copy)]
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

    /// The entries of the folder `rel`, sorted by name; `None` when it is
    /// no folder of the tree.
    fn children(&self, rel: &str) -> Option<Vec<(&str, Child<'_>)>> {
        if !self.is_folder(rel) {
            return None;
        }
        let prefix = if rel.is_empty() { String::new() } else { format!("{rel}/") };
        let mut children = Vec::new();
        let mut from = prefix.clone();
        while let Some((path, node)) = self.files.range(from.clone()..).next() {
            let Some(rest) = path.strip_prefix(&prefix) else { break };
            match rest.split_once('/') {
                Some((folder, _)) => {
                    children.push((folder, Child::Dir));
                    // Past every file of that folder: '0' follows '/'.
                    from = format!("{prefix}{folder}0");
                }
                None => {
                    children.push((rest, Child::Node(node)));
                    from = format!("{path}\0");
                }
            }
        }
        // `a.b` sorts before `a/…` in the map, so names are sorted again.
        children.sort_by(|a, b| a.0.cmp(b.0));
        Some(children)
    }

    /// Where `path` leads after its links are followed.
    fn follow(&self, path: &str) -> Target {
        let mut path = path.to_string();
        for _ in 0..MAX_LINKS {
            match self.files.get(&path) {
                Some(Node::File { size }) => return Target::File { size: *size },
                Some(Node::Link) => {
                    let Some(target) = self.contents.get(&path).and_then(|b| std::str::from_utf8(b).ok())
                    else {
                        return Target::Missing;
                    };
                    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
                    match normalise(folder, target) {
                        Some(next) => path = next,
                        None => return Target::Outside,
                    }
                }
                None if self.is_folder(&path) => return Target::Dir,
                None => return Target::Missing,
            }
        }
        Target::Loop
    }

    /// The path `path` leads to, when it is a file of the tree.
    pub(super) fn resolve(&self, path: &str) -> Option<String> {
        let mut path = path.to_string();
        for _ in 0..MAX_LINKS {
            match self.files.get(&path)? {
                Node::File { .. } => return Some(path),
                Node::Link => {
                    let target = std::str::from_utf8(self.contents.get(&path)?).ok()?;
                    let folder = path.rsplit_once('/').map_or("", |(folder, _)| folder);
                    path = normalise(folder, target)?;
                }
            }
        }
        None
    }
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

/// `target` read from the folder `folder` (both relative to the root);
/// `None` when it is absolute or leaves the root.
pub(super) fn normalise(folder: &str, target: &str) -> Option<String> {
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

impl Folders for CommitTree {
    fn list(&self, rel: &str, skipped: Severity, out: &mut Vec<Problem>) -> io::Result<Vec<Entry>> {
        let children = self.children(rel).ok_or_else(|| broken(Target::Missing))?;
        let mut entries = Vec::with_capacity(children.len());
        for (name, child) in children {
            let found = || match child {
                Child::Dir => Found::Dir,
                Child::Node(Node::File { .. }) => Found::File,
                Child::Node(Node::Link) => match self.follow(&tree::join(rel, name)) {
                    Target::File { .. } => Found::LinkToFile,
                    Target::Dir => Found::LinkToDir,
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
        !self.files.contains_key(rel) && !self.is_folder(rel)
    }

    fn read(&self, rel: &str) -> Result<Source, Problem> {
        match self.follow(rel) {
            Target::File { .. } => match self.resolve(rel).and_then(|path| self.source(&path)) {
                Some(Ok(source)) => Ok(Source { path: rel.to_string(), ..source }),
                Some(Err(problem)) => Err(Problem { path: rel.to_string(), ..problem }),
                None => Err(unreadable(rel, Target::Missing)),
            },
            Target::Dir => Err(Problem::new(Kind::FolderNotFile, rel).with_severity(Severity::Error)),
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

    fn followed(&self) -> io::Result<Meta> {
        match self.tree.follow(&self.path) {
            Target::File { size } => Ok(Meta { is_dir: false, is_file: true, len: size }),
            Target::Dir => Ok(Meta { is_dir: true, is_file: false, len: 0 }),
            // Whatever it leads to, it is no part of the repository.
            Target::Outside => Ok(Meta { is_dir: false, is_file: true, len: 1 }),
            other => Err(broken(other)),
        }
    }

    fn leaves(&self) -> bool {
        matches!(self.tree.follow(&self.path), Target::Outside)
    }

    /// Only a file's name and emptiness are read from git: a pointer
    /// counts like the document it stands for, so only its label is lost.
    fn is_pointer(&self, _len: u64) -> bool {
        false
    }
}

impl Listing for CommitTree {
    fn list(&self, rel: &str, out: &mut Vec<Problem>) -> io::Result<Vec<Listed>> {
        let children = self.children(rel).ok_or_else(|| broken(Target::Missing))?;
        let mut listed = Vec::with_capacity(children.len());
        for (name, child) in children {
            let probe = InTree { tree: self, path: tree::join(rel, name), child };
            listed.extend(evidence::entry(rel, name, &probe, out));
        }
        Ok(listed)
    }

    fn is_dir(&self, rel: &str) -> bool {
        self.is_folder(rel)
    }

    fn has_entries(&self, rel: &str) -> bool {
        self.folders.contains(rel)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
