//! Reading an indicator's evidence folder: month folders (`YYYY-MM`, or
//! `YYYY-MM-DD` for one occurrence) and, when the indicator has a single
//! period, files directly in it. Folders that are not dated are reported
//! with the fix when it can be guessed.

use std::path::Path;

use chrono::NaiveDate;

use crate::load::tree::{self, EntryKind};
use crate::model::evidence::{EvidenceFile, Folder, Occasion};
use crate::model::month::YearMonth;
use crate::problem::{Kind, Problem, Severity};

/// How deep files inside a month folder are still found.
const MAX_DEPTH_IN_MONTH: usize = 8;

/// Lists `root/rel`. A missing folder is simply empty: no evidence yet. A
/// folder reached through a link below `evidence/` is not scanned at all:
/// the caller asks `Plan::evidence_unfollowed` first.
pub(crate) fn scan(root: &Path, rel: &str, out: &mut Vec<Problem>) -> Folder {
    let dir = root.join(rel);
    let mut folder = Folder::default();
    // Most folders exist: open first, and only ask why when that fails.
    let entries = match tree::try_list(&dir, rel, Severity::Warning, out) {
        Ok(entries) => entries,
        Err(e) => {
            if dir.is_dir() {
                out.push(tree::unreadable(rel, &e));
            }
            return folder;
        }
    };
    folder.exists = true;
    for entry in entries {
        match entry.kind {
            EntryKind::File => folder.loose.push(EvidenceFile::new(entry.name.clone(), &entry.name)),
            EntryKind::Dir => match parse_occasion(&entry.name) {
                Some(month) => {
                    let files = files_below(root, rel, &entry.name, out);
                    folder.dated.insert(Occasion { name: entry.name, month }, files);
                }
                None => out.push(bad_folder(&tree::join(rel, &entry.name), &entry.name)),
            },
        }
    }
    folder
}

/// `YYYY-MM`, or a real date `YYYY-MM-DD`.
fn parse_occasion(name: &str) -> Option<YearMonth> {
    if let Some(month) = YearMonth::parse_folder(name) {
        return Some(month);
    }
    let date = NaiveDate::parse_from_str(name, "%Y-%m-%d").ok()?;
    YearMonth::parse_folder(name.get(..7)?).filter(|_| date.format("%Y-%m-%d").to_string() == name)
}

fn bad_folder(path: &str, name: &str) -> Problem {
    Problem::new(Kind::BadMonthFolder { name: name.to_string(), guess: guess_month_folder(name) }, path)
}

/// `2022-1` → `2022-01`: the fix for a month folder written loosely.
fn guess_month_folder(name: &str) -> Option<String> {
    let (year, month) = name.split_once(['-', '_', '.', ' '])?;
    let year: i32 = year.parse().ok()?;
    let month: u32 = month.parse().ok()?;
    let year = if (0..100).contains(&year) && year.to_string().len() <= 2 { 2000 + year } else { year };
    YearMonth::new(year, month).map(|m| m.to_string()).filter(|g| g != name)
}

/// Every file below a dated folder, depth first with siblings in name
/// order, skipping hidden entries. Links to files count; links to folders
/// are reported and not followed (a link loop cannot trap the walk), and
/// folders deeper than `MAX_DEPTH_IN_MONTH` are reported and not searched.
fn files_below(root: &Path, indicator_rel: &str, folder: &str, out: &mut Vec<Problem>) -> Vec<EvidenceFile> {
    let mut files = Vec::new();
    let dir = root.join(indicator_rel).join(folder);
    walk_dated(&dir, folder, 1, indicator_rel, out, &mut files);
    files
}

/// Lists `dir` (`inner` below the indicator folder, whose entries are at
/// `depth` below the dated folder) into `files`. Each folder costs one open
/// and its reads: entry types come with the listing, so nothing is stat'ed
/// except links.
fn walk_dated(
    dir: &Path,
    inner: &str,
    depth: usize,
    indicator_rel: &str,
    out: &mut Vec<Problem>,
    files: &mut Vec<EvidenceFile>,
) {
    let unreadable = |at: String, e: &std::io::Error| tree::unreadable(&at, e);
    let reader = match std::fs::read_dir(dir) {
        Ok(reader) => reader,
        Err(e) => {
            out.push(unreadable(tree::join(indicator_rel, inner), &e));
            return;
        }
    };
    let mut entries = Vec::new();
    for item in reader {
        match item {
            Ok(item) => entries.push((item.file_name(), item)),
            Err(e) => out.push(unreadable(tree::join(indicator_rel, inner), &e)),
        }
    }
    entries.sort_unstable_by(|a, b| a.0.cmp(&b.0));
    for (name, entry) in entries {
        if name.to_str().is_some_and(tree::is_ignored) {
            continue;
        }
        let child = format!("{inner}/{}", name.to_string_lossy());
        let file_type = match entry.file_type() {
            Ok(t) => t,
            Err(e) => {
                out.push(unreadable(tree::join(indicator_rel, &child), &e));
                continue;
            }
        };
        let shown = || tree::join(indicator_rel, &child);
        if file_type.is_dir() {
            if depth < MAX_DEPTH_IN_MONTH {
                walk_dated(&entry.path(), &child, depth + 1, indicator_rel, out, files);
            } else if has_entries(&entry.path()) {
                out.push(Problem::new(Kind::TooDeep { limit: MAX_DEPTH_IN_MONTH }, shown()));
            }
            continue;
        }
        let is_file = if file_type.is_symlink() {
            match std::fs::metadata(entry.path()) {
                Ok(m) if m.is_file() => true,
                Ok(m) if m.is_dir() => {
                    out.push(Problem::new(Kind::LinkNotFollowed, shown()));
                    false
                }
                Ok(_) => false,
                Err(e) => {
                    out.push(Problem::new(Kind::BrokenLink { error: e.to_string() }, shown()));
                    false
                }
            }
        } else {
            file_type.is_file()
        };
        if !is_file {
            continue;
        }
        let Some(name) = name.to_str() else {
            out.push(Problem::new(Kind::NonUtf8Name, shown()));
            continue;
        };
        files.push(EvidenceFile::new(child, name));
    }
}

fn has_entries(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn loose_month_folder_names_get_a_suggested_fix() {
        assert_eq!(guess_month_folder("2022-1").as_deref(), Some("2022-01"));
        assert_eq!(guess_month_folder("22-01").as_deref(), Some("2022-01"));
        assert_eq!(guess_month_folder("2022-13"), None);
        assert_eq!(guess_month_folder("foto"), None);
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
            std::fs::write(month.join(file), "").unwrap();
        }
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink(month.join("a.pdf"), month.join("link.pdf")).unwrap();
            std::os::unix::fs::symlink(month.join("b-sub"), month.join("loop")).unwrap();
        }
        let mut out = Vec::new();
        let files = files_below(dir.path(), "evidence/1-a/1-b/1-c", "2022-07", &mut out);
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
    }

    #[test]
    fn files_deeper_than_the_limit_in_a_dated_folder_are_not_found() {
        let dir = tempfile::tempdir().unwrap();
        let month = dir.path().join("e/2022-07");
        let deep: std::path::PathBuf = (1..=MAX_DEPTH_IN_MONTH).map(|d| format!("d{d}")).collect();
        std::fs::create_dir_all(month.join(&deep)).unwrap();
        std::fs::write(month.join(&deep).join("too-deep.pdf"), "").unwrap();
        std::fs::write(month.join(deep.parent().unwrap()).join("deepest.pdf"), "").unwrap();
        let files = files_below(dir.path(), "e", "2022-07", &mut Vec::new());
        let names: Vec<&str> = files.iter().map(|f| f.path.rsplit('/').next().unwrap()).collect();
        assert_eq!(names, ["deepest.pdf"]);
    }

    #[test]
    fn occasions_are_month_or_real_day_folders() {
        assert_eq!(parse_occasion("2022-07"), YearMonth::new(2022, 7));
        assert_eq!(parse_occasion("2022-07-31"), YearMonth::new(2022, 7));
        assert_eq!(parse_occasion("2022-02-30"), None);
        assert_eq!(parse_occasion("2022-7-01"), None);
    }
}
