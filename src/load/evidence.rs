//! Reading an indicator's evidence folder: month folders (`YYYY-MM`, or
//! `YYYY-MM-DD` for one occurrence) and, when the indicator has a single
//! period, files directly in it. Folders that are not dated are reported
//! with the fix when it can be guessed.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::load::dir::{Dir, Type};
use crate::load::lfs;
use crate::load::near;
use crate::load::tree;
use crate::model::evidence::{is_never_evidence, EvidenceFile, Folder, Occasion};
use crate::model::month::YearMonth;
use crate::model::plan::{EVIDENCE_DIR, GITKEEP};
use crate::problem::{Kind, Problem};

/// How deep files inside a month folder are still found.
const MAX_DEPTH_IN_MONTH: usize = 8;

/// Lists `root/rel`. A missing folder is simply empty: no evidence yet. A
/// folder reached through a link below `evidence/` is not scanned at all:
/// the caller asks `Plan::evidence_unfollowed` first.
/// `year` is the plan's: the hint of a misnamed folder shows its months.
pub(crate) fn scan(root: &Path, rel: &str, year: i32, out: &mut Vec<Problem>) -> Folder {
    scan_listing(&Repository::new(root), rel, year, out)
}

/// Where an evidence folder's entries come from: the disk (`scan`), or a
/// commit's tree read from git into memory (`crate::load::git_tree`), so
/// that both are counted by the same rules.
pub(crate) trait Listing {
    /// The entries of the folder `rel` (relative to the root, and shown as
    /// it is), sorted by name, as `Listed` says which count; what cannot be
    /// used is reported to `out` and left out.
    fn list(&self, rel: &str, out: &mut Vec<Problem>) -> std::io::Result<Vec<Listed>>;
    /// Whether `rel` is a folder (asked when it could not be listed).
    fn is_dir(&self, rel: &str) -> bool;
    /// Whether the folder `rel` holds anything at all.
    fn has_entries(&self, rel: &str) -> bool;
}

/// `scan`, with the folders listed by `listing`.
pub(crate) fn scan_listing(listing: &dyn Listing, rel: &str, year: i32, out: &mut Vec<Problem>) -> Folder {
    let mut folder = Folder::default();
    // Most folders exist: open first, and only ask why when that fails.
    let entries = match listing.list(rel, out) {
        Ok(entries) => entries,
        // Nothing there: no evidence yet, and no need to ask why.
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return folder,
        Err(e) => {
            if listing.is_dir(rel) {
                out.push(tree::unreadable(rel, &e));
            }
            return folder;
        }
    };
    folder.exists = true;
    // The path of each folder listed below, in one buffer for them all,
    // with room for a dated folder and a few below it (it grew twice per
    // indicator from empty).
    let mut shown = String::with_capacity(rel.len() + 64);
    for entry in entries {
        match entry {
            Listed::File(name, in_lfs) => folder.loose.push(EvidenceFile::loose(name).in_lfs(in_lfs)),
            Listed::Ignored(name) => folder.ignored.push(name),
            Listed::Dir(name) => match parse_occasion(&name) {
                Some(month) => {
                    let files = files_below(listing, rel, &name, out, &mut folder.ignored, &mut shown);
                    folder.dated.insert(Occasion { name, month }, files);
                }
                None => out.push(bad_folder(&tree::join(rel, &name), &name, year)),
            },
        }
    }
    folder
}

/// The repository an evidence file must stay inside, to be counted
/// through a link: the root, and `evidence/` where that is a link itself.
/// Asked only when a link is met.
struct Repository<'a> {
    root: &'a Path,
    inside: std::cell::OnceCell<Vec<PathBuf>>,
    /// The folders listed last that may hold the next one, outermost
    /// first, by path and kept open: the walk goes depth first, so a month
    /// folder is opened by its name inside its indicator folder, and the
    /// kernel does not look up every folder from the root again.
    open: std::cell::RefCell<Vec<(String, Dir)>>,
}

impl<'a> Repository<'a> {
    fn new(root: &'a Path) -> Repository<'a> {
        Repository { root, inside: std::cell::OnceCell::new(), open: std::cell::RefCell::new(Vec::new()) }
    }

    /// The folder `rel`, read inside the nearest open folder that holds it.
    fn read(&self, rel: &str) -> std::io::Result<Dir> {
        let mut open = self.open.borrow_mut();
        let holds = |path: &str| {
            rel.len() > path.len() && rel.starts_with(path) && rel.as_bytes()[path.len()] == b'/'
        };
        while open.last().is_some_and(|(path, _)| !holds(path)) {
            open.pop();
        }
        match open.last() {
            Some((path, dir)) => dir.read_inside(std::ffi::OsStr::new(&rel[path.len() + 1..])),
            // An indicator's folder, from its component's kept open; a
            // folder that is not there is not there either way.
            None => match near::inside(near::Side::Evidence, self.root, rel, |dir, name| {
                dir.read_inside(name)
            }) {
                Some(Err(e)) if e.kind() != std::io::ErrorKind::NotFound => Dir::read(&self.root.join(rel)),
                Some(read) => read,
                None => Dir::read(&self.root.join(rel)),
            },
        }
    }

    /// Keeps `dir`, the folder `rel` just listed, open for the folders inside it.
    fn keep(&self, rel: &str, dir: Dir) {
        self.open.borrow_mut().push((rel.to_string(), dir));
    }

    /// Whether `target` (a link's destination, resolved) is inside.
    fn holds(&self, target: &Path) -> bool {
        let inside = self.inside.get_or_init(|| {
            [self.root.to_path_buf(), self.root.join(EVIDENCE_DIR)]
                .iter()
                .filter_map(|p| std::fs::canonicalize(p).ok())
                .collect()
        });
        inside.iter().any(|dir| target.starts_with(dir))
    }
}

impl Listing for Repository<'_> {
    fn list(&self, rel: &str, out: &mut Vec<Problem>) -> std::io::Result<Vec<Listed>> {
        let (listed, dir) = list(self.read(rel)?, rel, self, out);
        if listed.iter().any(|entry| matches!(entry, Listed::Dir(_))) {
            self.keep(rel, dir);
        }
        Ok(listed)
    }

    fn is_dir(&self, rel: &str) -> bool {
        self.root.join(rel).is_dir()
    }

    fn has_entries(&self, rel: &str) -> bool {
        std::fs::read_dir(self.root.join(rel)).is_ok_and(|mut entries| entries.next().is_some())
    }
}

/// An entry of an evidence folder, as far as counting goes.
pub(crate) enum Listed {
    /// A folder.
    Dir(String),
    /// A file that may be a document, and whether it is a Git LFS pointer.
    File(String, bool),
    /// A file that is there but never counts (reported when it says why).
    Ignored(String),
}

/// The entries of `dir` (shown as `shown`), sorted by name, as `entry`
/// takes them. The type of each entry is the directory entry's; a file
/// that may be a document costs one stat relative to the folder (its size:
/// an empty file and a Git LFS pointer are told by it), a link one more
/// (what it leads to), and a file of an LFS pointer's size is also opened,
/// to tell whether it is one.
/// `listing` is the folder read, `shown` its path below the root; the
/// folder is given back.
fn list(
    mut listing: Dir,
    shown: &str,
    repository: &Repository,
    out: &mut Vec<Problem>,
) -> (Vec<Listed>, Dir) {
    if let Some(e) = &listing.error {
        out.push(tree::unreadable(shown, e));
    }
    let mut entries = std::mem::take(&mut listing.entries);
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    if entries.iter().any(|(name, kind)| name == ".git" && matches!(kind, Ok(Type::File))) {
        // A submodule as git checks one out (`.git` a file naming its git
        // folder): its files are no part of this repository, which holds
        // only a commit id here, so the staged reading counts nothing.
        out.push(Problem::new(Kind::Submodule, shown));
        return (Vec::new(), listing);
    }
    let mut listed = Vec::with_capacity(entries.len());
    for (os_name, kind) in entries {
        let name = match crate::load::dir::into_utf8(os_name) {
            Ok(name) => name,
            Err(os_name) => {
                if !os_name.as_encoded_bytes().starts_with(b".") {
                    out.push(Problem::new(Kind::NonUtf8Name, tree::join(shown, &os_name.to_string_lossy())));
                }
                continue;
            }
        };
        let kind = match kind {
            Ok(kind) => kind,
            Err(e) => {
                out.push(tree::unreadable(&tree::join(shown, &name), &e));
                continue;
            }
        };
        let probe = OnDisk { dir: shown, listing: &listing, kind, repository };
        listed.extend(entry(shown, name, &probe, out));
    }
    (listed, listing)
}

/// What `entry` asks of an entry of an evidence folder, each only when it
/// has to.
pub(crate) trait Probe {
    /// The entry is a folder (itself, not through a link).
    fn is_dir(&self) -> bool;
    fn is_link(&self) -> bool;
    /// What the entry `name` is, through its link when it is one.
    fn followed(&self, name: &str) -> std::io::Result<Meta>;
    /// Whether the link `name` leads out of the repository.
    fn leaves(&self, name: &str) -> bool;
    /// Whether the file `name`, of `len` bytes, is a Git LFS pointer.
    fn is_pointer(&self, name: &str, len: u64) -> bool;
}

/// What a stat says of an entry.
pub(crate) struct Meta {
    pub(crate) is_dir: bool,
    pub(crate) is_file: bool,
    pub(crate) len: u64,
}

/// The entry `name` of the folder shown as `shown`, wherever it is listed
/// from. Names that are never evidence are `Ignored`, and so are empty
/// files and links that leave the repository, which are also reported;
/// links to folders, broken links and pipes are reported and left out.
/// Hidden folders are left out silently.
pub(crate) fn entry(shown: &str, name: String, probe: &dyn Probe, out: &mut Vec<Problem>) -> Option<Listed> {
    let path = || tree::join(shown, &name);
    if probe.is_dir() {
        return (!name.starts_with('.')).then_some(Listed::Dir(name));
    }
    if crate::load::leftovers::is_stale(std::ffi::OsStr::new(&name)) {
        out.push(Problem::new(Kind::StaleTemporary, path()));
        return None;
    }
    if name == GITKEEP {
        // The placeholder that keeps an empty folder in git: never a
        // document, and too common to be worth listing.
        return None;
    }
    let link = probe.is_link();
    let never = is_never_evidence(&name);
    if never && !link {
        return Some(Listed::Ignored(name));
    }
    let meta = match probe.followed(&name) {
        Ok(m) if link && m.is_dir => {
            out.push(Problem::new(Kind::LinkNotFollowed, path()));
            return None;
        }
        Ok(m) => {
            if link && !never && probe.leaves(&name) {
                out.push(Problem::new(Kind::LinkOutside, path()));
                return Some(Listed::Ignored(name));
            }
            m
        }
        Err(e) if link => {
            out.push(Problem::new(Kind::BrokenLink { error: e.to_string() }, path()));
            return None;
        }
        Err(e) => {
            out.push(Problem::new(Kind::UnreadableFile { error: e.to_string() }, path()));
            return None;
        }
    };
    if never {
        Some(Listed::Ignored(name))
    } else if !meta.is_file {
        out.push(Problem::new(Kind::SpecialFile, path()));
        None
    } else if meta.len == 0 {
        out.push(Problem::new(Kind::EmptyFile, path()));
        Some(Listed::Ignored(name))
    } else {
        let pointer = probe.is_pointer(&name, meta.len);
        Some(Listed::File(name, pointer))
    }
}

/// An entry of a folder on disk.
struct OnDisk<'a> {
    /// The folder, below the repository's root.
    dir: &'a str,
    listing: &'a Dir,
    kind: Type,
    repository: &'a Repository<'a>,
}

impl Probe for OnDisk<'_> {
    fn is_dir(&self) -> bool {
        self.kind == Type::Dir
    }

    fn is_link(&self) -> bool {
        self.kind == Type::Link
    }

    fn followed(&self, name: &str) -> std::io::Result<Meta> {
        let stat = self.listing.stat(std::ffi::OsStr::new(name), self.is_link())?;
        Ok(Meta { is_dir: stat.kind == Type::Dir, is_file: stat.kind == Type::File, len: stat.len })
    }

    fn leaves(&self, name: &str) -> bool {
        std::fs::canonicalize(self.path(name)).map_or(true, |t| !self.repository.holds(&t))
    }

    fn is_pointer(&self, name: &str, len: u64) -> bool {
        // Only a file of a pointer's size is opened, so only then its path is made.
        lfs::may_be_pointer(len) && lfs::is_pointer(&self.path(name), len)
    }
}

impl OnDisk<'_> {
    /// The entry's path, made only for the rare entry that needs one.
    fn path(&self, name: &str) -> PathBuf {
        self.repository.root.join(self.dir).join(name)
    }
}

/// `folder/name`, in a string of exactly that size (`format!` costs a
/// tenth of the walk: it is made for every evidence file).
fn below(folder: &str, name: &str) -> String {
    let mut path = String::with_capacity(folder.len() + 1 + name.len());
    path.push_str(folder);
    path.push('/');
    path.push_str(name);
    path
}

/// `YYYY-MM`, or a real date `YYYY-MM-DD`.
fn parse_occasion(name: &str) -> Option<YearMonth> {
    if let Some(month) = YearMonth::parse_folder(name) {
        return Some(month);
    }
    let date = NaiveDate::parse_from_str(name, "%Y-%m-%d").ok()?;
    YearMonth::parse_folder(name.get(..7)?).filter(|_| date.format("%Y-%m-%d").to_string() == name)
}

fn bad_folder(path: &str, name: &str, year: i32) -> Problem {
    Problem::new(Kind::BadMonthFolder { name: name.to_string(), guess: guess_month_folder(name), year }, path)
}

/// The fix for a month folder written as people write dates: `2022-1` →
/// `2022-01`, `22-01` → `2022-01`, `Juli 2027` → `2027-07`, `07-2027` →
/// `2027-07`, `2027-04 Rapat April` → `2027-04`, `2027-7-15` →
/// `2027-07-15`. Any month spelling the target times read counts.
fn guess_month_folder(name: &str) -> Option<String> {
    let parts: Vec<&str> = name.split(|c: char| !c.is_alphanumeric()).filter(|p| !p.is_empty()).collect();
    let number = |p: &str| p.bytes().all(|b| b.is_ascii_digit()).then(|| p.parse::<u32>().ok()).flatten();
    let month_of = |p: &str| match number(p) {
        Some(n) if p.len() <= 2 => YearMonth::new(2000, n).map(|_| n),
        Some(_) => None,
        None => crate::model::due::month_of_word(p),
    };
    let year_of = |p: &str| match (number(p), p.len()) {
        (Some(y), 4) if y >= 1 => Some(y as i32),
        (Some(y), 2) => Some(2000 + y as i32),
        _ => None,
    };
    // A dated prefix and words after it: "2027-04 Rapat April".
    let prefix = |len: usize| {
        let rest = name.get(len..)?;
        let words_follow = rest.starts_with([' ', '_'])
            || (rest.starts_with('-') && !rest[1..].starts_with(|c: char| c.is_ascii_digit()));
        name.get(..len).filter(|p| words_follow && parse_occasion(p).is_some()).map(str::to_string)
    };
    if let Some(dated) = prefix(10).or_else(|| prefix(7)) {
        return Some(dated).filter(|g| g != name);
    }
    let guess = match parts.as_slice() {
        // 2022-7, 22-07, 2022-7-15
        [y, m, rest @ ..]
            if year_of(y).is_some() && number(m).is_some() && m.len() <= 2 && rest.len() <= 1 =>
        {
            let at = YearMonth::new(year_of(y)?, month_of(m)?)?;
            match rest {
                [d] => day_folder(at, number(d)?)?,
                _ => at.to_string(),
            }
        }
        // Juli 2027, 07-2027, 7 2027
        [m, y] if y.len() == 4 && year_of(y).is_some() => {
            YearMonth::new(year_of(y)?, month_of(m)?)?.to_string()
        }
        // 2027 Juli
        [y, m] if y.len() == 4 && year_of(y).is_some() => {
            YearMonth::new(year_of(y)?, month_of(m)?)?.to_string()
        }
        // 15 Juli 2027
        [d, m, y] if number(d).is_some() && month_of(m).is_some() => {
            day_folder(YearMonth::new(year_of(y)?, month_of(m)?)?, number(d)?)?
        }
        _ => return None,
    };
    Some(guess).filter(|g| g != name)
}

/// `YYYY-MM-DD`, when the month has that day.
fn day_folder(at: YearMonth, day: u32) -> Option<String> {
    NaiveDate::from_ymd_opt(at.year(), at.month(), day).map(|d| d.format("%Y-%m-%d").to_string())
}

/// Every file below a dated folder, depth first with siblings in name
/// order (`list` says which count). Links to folders are reported and not
/// followed (a link loop cannot trap the walk), and folders deeper than
/// `MAX_DEPTH_IN_MONTH` are reported and not searched. Files that never
/// count go to `ignored`, as paths inside the indicator folder. `shown`
/// is room for the paths of the folders listed.
fn files_below(
    listing: &dyn Listing,
    indicator_rel: &str,
    folder: &str,
    out: &mut Vec<Problem>,
    ignored: &mut Vec<String>,
    shown: &mut String,
) -> Vec<EvidenceFile> {
    let mut files = Vec::new();
    let mut walk = Walk { listing, indicator_rel, out, files: &mut files, ignored, shown };
    walk.dated(folder, 1);
    files
}

/// What a walk of one dated folder collects.
struct Walk<'a> {
    listing: &'a dyn Listing,
    indicator_rel: &'a str,
    out: &'a mut Vec<Problem>,
    files: &'a mut Vec<EvidenceFile>,
    ignored: &'a mut Vec<String>,
    /// The path of the folder listed, made in one buffer for the walk.
    shown: &'a mut String,
}

impl Walk<'_> {
    /// Lists `inner` below the indicator folder, whose entries are at
    /// `depth` below the dated folder.
    fn dated(&mut self, inner: &str, depth: usize) {
        self.shown.clear();
        self.shown.push_str(self.indicator_rel);
        self.shown.push('/');
        self.shown.push_str(inner);
        let entries = match self.listing.list(self.shown, self.out) {
            Ok(entries) => entries,
            Err(e) => {
                self.out.push(tree::unreadable(self.shown, &e));
                return;
            }
        };
        self.files.reserve(entries.len());
        for entry in entries {
            match entry {
                Listed::Dir(name) => {
                    let child = below(inner, &name);
                    if depth < MAX_DEPTH_IN_MONTH {
                        self.dated(&child, depth + 1);
                    } else {
                        let at = tree::join(self.indicator_rel, &child);
                        if self.listing.has_entries(&at) {
                            self.out.push(Problem::new(Kind::TooDeep { limit: MAX_DEPTH_IN_MONTH }, at));
                        }
                    }
                }
                Listed::File(name, in_lfs) => {
                    self.files.push(EvidenceFile::new(below(inner, &name), &name).in_lfs(in_lfs))
                }
                Listed::Ignored(name) => self.ignored.push(below(inner, &name)),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_month_folder_names_get_a_suggested_fix() {
        for (name, fix) in [
            ("2022-1", "2022-01"),
            ("22-01", "2022-01"),
            ("2022_07", "2022-07"),
            ("Juli 2027", "2027-07"),
            ("juli-2027", "2027-07"),
            ("Agt 2027", "2027-08"),
            ("Pebruari 2027", "2027-02"),
            ("December 2027", "2027-12"),
            ("07-2027", "2027-07"),
            ("7 2027", "2027-07"),
            ("2027 Juli", "2027-07"),
            ("2027-04 Rapat April", "2027-04"),
            ("2027-04-05 Rapat", "2027-04-05"),
            ("2027-7-5", "2027-07-05"),
            ("15 Juli 2027", "2027-07-15"),
        ] {
            assert_eq!(guess_month_folder(name).as_deref(), Some(fix), "{name}");
        }
        for name in
            ["2022-13", "foto", "Juli", "2027", "31 Juni 2027", "Rapat 2027-04", "Juli 27", "2022-02-30"]
        {
            assert_eq!(guess_month_folder(name), None, "{name}");
        }
    }

    #[test]
    fn dated_folders_are_walked_depth_first_in_name_order_without_following_folder_links() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("evidence/1-a/1-b/1-c/2022-07");
        for sub in ["b-sub/deeper", ".hidden", "a-sub"] {
            std::fs::create_dir_all(month.join(sub)).unwrap();
        }
        for file in
            ["z.pdf", "a.pdf", "b-sub/deeper/x.pdf", "b-sub/c.pdf", ".hidden/h.pdf", ".dot.pdf", "README.md"]
        {
            std::fs::write(month.join(file), "%PDF").unwrap();
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(month.join("a.pdf"), month.join("link.pdf")).unwrap();
            std::os::unix::fs::symlink(month.join("b-sub"), month.join("loop")).unwrap();
        }
        let mut out = Vec::new();
        let mut ignored = Vec::new();
        let repository = Repository::new(dir.path());
        let files = files_below(
            &repository,
            "evidence/1-a/1-b/1-c",
            "2022-07",
            &mut out,
            &mut ignored,
            &mut String::new(),
        );
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let mut expected = vec!["2022-07/a.pdf", "2022-07/b-sub/c.pdf", "2022-07/b-sub/deeper/x.pdf"];
        if cfg!(unix) {
            expected.push("2022-07/link.pdf");
        }
        expected.push("2022-07/z.pdf");
        assert_eq!(paths, expected);
        let codes: Vec<&str> = out.iter().map(|d| d.code().name()).collect();
        let expected_codes: &[&str] = if cfg!(unix) { &["link-not-followed"] } else { &[] };
        assert_eq!(codes, expected_codes, "the link to a folder is reported, not followed");
        assert_eq!(ignored, ["2022-07/.dot.pdf", "2022-07/README.md"], "hidden folders are not even listed");
    }

    #[test]
    fn files_deeper_than_the_limit_in_a_dated_folder_are_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("e/2022-07");
        let deep: std::path::PathBuf = (1..=MAX_DEPTH_IN_MONTH).map(|d| format!("d{d}")).collect();
        std::fs::create_dir_all(month.join(&deep)).unwrap();
        std::fs::write(month.join(&deep).join("too-deep.pdf"), "%PDF").unwrap();
        std::fs::write(month.join(deep.parent().unwrap()).join("deepest.pdf"), "%PDF").unwrap();
        let repository = Repository::new(dir.path());
        let files =
            files_below(&repository, "e", "2022-07", &mut Vec::new(), &mut Vec::new(), &mut String::new());
        let names: Vec<&str> = files.iter().map(|f| f.path.rsplit('/').next().unwrap()).collect();
        assert_eq!(names, ["deepest.pdf"]);
    }

    #[cfg(unix)]
    #[test]
    fn empty_files_and_links_out_of_the_repository_are_reported_and_never_count() {
        let outside = tempfile::tempdir().unwrap();
        std::fs::write(outside.path().join("hostname"), "host\n").unwrap();
        let dir = tempfile::tempdir().unwrap();
        let root = std::fs::canonicalize(dir.path()).unwrap();
        let month = root.join("evidence/1-a/1-b/1-c/2022-07");
        std::fs::create_dir_all(&month).unwrap();
        std::fs::write(month.join("kosong.pdf"), "").unwrap();
        std::fs::write(month.join("notulen.pdf"), "%PDF").unwrap();
        std::fs::write(month.join("Thumbs.db"), "x").unwrap();
        std::os::unix::fs::symlink(outside.path().join("hostname"), month.join("hostname.pdf")).unwrap();
        std::os::unix::fs::symlink(month.join("notulen.pdf"), month.join("salinan.pdf")).unwrap();
        let mut out = Vec::new();
        let folder = scan(&root, "evidence/1-a/1-b/1-c", 2022, &mut out);
        let files: Vec<&str> = folder.dated.values().flatten().map(|f| f.path.as_str()).collect();
        assert_eq!(files, ["2022-07/notulen.pdf", "2022-07/salinan.pdf"]);
        assert_eq!(folder.ignored, ["2022-07/Thumbs.db", "2022-07/hostname.pdf", "2022-07/kosong.pdf"]);
        let problems: Vec<(&str, &str)> = out.iter().map(|d| (d.code().name(), d.path.as_str())).collect();
        assert_eq!(
            problems,
            [
                ("link-outside", "evidence/1-a/1-b/1-c/2022-07/hostname.pdf"),
                ("empty-file", "evidence/1-a/1-b/1-c/2022-07/kosong.pdf")
            ]
        );
    }

    #[test]
    fn occasions_are_month_or_real_day_folders() {
        assert_eq!(parse_occasion("2022-07"), YearMonth::new(2022, 7));
        assert_eq!(parse_occasion("2022-07-31"), YearMonth::new(2022, 7));
        assert_eq!(parse_occasion("2022-02-30"), None);
        assert_eq!(parse_occasion("2022-7-01"), None);
    }
}
