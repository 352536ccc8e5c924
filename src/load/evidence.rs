//! Evidence folders and the rule that matches files to documents.
//!
//! An indicator's folder holds month folders (`YYYY-MM`, or `YYYY-MM-DD`
//! for one occurrence) and, when the indicator has a single period, files
//! directly. A file satisfies a document when its name matches one of the
//! document's globs, case-insensitively, with space, `_`, `-` and `.`
//! counting as the same character. The rule is small on purpose: `zi show`
//! must be able to explain every match.

use std::collections::BTreeMap;
use std::path::Path;

use chrono::NaiveDate;

use crate::load::indicator::EvidenceItem;
use crate::load::tree::{self, Kind};
use crate::model::month::YearMonth;
use crate::model::schedule::Schedule;
use crate::problem::{Diagnostic, Severity};
use crate::text::{tr, Lang};

/// How deep files inside a month folder are still found.
const MAX_DEPTH_IN_MONTH: usize = 8;

/// One evidence file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceFile {
    /// Relative to the indicator's evidence folder: `2022-07/undangan.pdf`.
    pub path: String,
    /// The file name, normalised for matching.
    key: String,
}

impl EvidenceFile {
    fn new(path: String, name: &str) -> Self {
        EvidenceFile { path, key: normalise(name) }
    }
}

/// A dated folder of an indicator: a month, or one day of a month.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Occasion {
    pub name: String,
    pub month: YearMonth,
}

/// What an indicator's evidence folder holds.
#[derive(Clone, Debug, Default)]
pub struct Folder {
    /// Whether the folder is there at all.
    pub exists: bool,
    /// Files directly in the indicator folder.
    pub loose: Vec<EvidenceFile>,
    /// Dated folders and the files in them (recursively), by folder name.
    pub dated: BTreeMap<Occasion, Vec<EvidenceFile>>,
}

impl Folder {
    /// Lists `root/rel`. A missing folder is simply empty: no evidence yet.
    /// A folder reached through a link below `evidence/` is not scanned at
    /// all: the caller asks `Plan::evidence_unfollowed` first.
    pub fn scan(root: &Path, rel: &str, lang: Lang, out: &mut Vec<Diagnostic>) -> Folder {
        let dir = root.join(rel);
        let mut folder = Folder::default();
        // Most folders exist: open first, and only ask why when that fails.
        let entries = match tree::try_list(&dir, rel, Severity::Warning, lang, out) {
            Ok(entries) => entries,
            Err(e) => {
                if dir.is_dir() {
                    out.push(tree::unreadable(rel, &e, lang));
                }
                return folder;
            }
        };
        folder.exists = true;
        for entry in entries {
            match entry.kind {
                Kind::File => folder.loose.push(EvidenceFile::new(entry.name.clone(), &entry.name)),
                Kind::Dir => match parse_occasion(&entry.name) {
                    Some(month) => {
                        let files = files_below(root, rel, &entry.name, lang, out);
                        folder.dated.insert(Occasion { name: entry.name, month }, files);
                    }
                    None => out.push(bad_folder(&tree::join(rel, &entry.name), &entry.name, lang)),
                },
            }
        }
        folder
    }

    /// Files in dated folders whose month is in `first..=last`, and the loose
    /// files when `with_loose`.
    pub fn files_between(&self, first: YearMonth, last: YearMonth, with_loose: bool) -> Vec<&EvidenceFile> {
        let dated =
            self.dated.iter().filter(|(o, _)| first <= o.month && o.month <= last).flat_map(|(_, f)| f);
        let loose = self.loose.iter().filter(|_| with_loose);
        dated.chain(loose).collect()
    }
}

impl Folder {
    /// Files the schedule cannot count where they are: loose files when there
    /// are several periods, and dated folders outside every period.
    pub fn layout_problems(&self, schedule: &Schedule, rel: &str, lang: Lang, out: &mut Vec<Diagnostic>) {
        let periods = schedule.periods();
        if periods.len() != 1 {
            for file in &self.loose {
                let hint = match periods.first() {
                    Some(p) => tr(
                        lang,
                        format!("this indicator has {} periods: move it into the month folder of its period, e.g. {}/", periods.len(), p.last),
                        format!("indikator ini punya {} periode: pindahkan ke folder bulan periodenya, mis. {}/", periods.len(), p.last),
                    ),
                    None => tr(
                        lang,
                        "this indicator has no deadline: put each occurrence's files in a YYYY-MM or YYYY-MM-DD folder",
                        "indikator ini tanpa tenggat: simpan berkas tiap kejadian di folder YYYY-MM atau YYYY-MM-DD",
                    ),
                };
                out.push(
                    Diagnostic::warning(
                        "stray-file",
                        tree::join(rel, &file.path),
                        tr(
                            lang,
                            "file is outside a month folder and is not counted",
                            "berkas di luar folder bulan dan tidak dihitung",
                        ),
                    )
                    .with_hint(hint),
                );
            }
        }
        if periods.is_empty() {
            return;
        }
        for occasion in self.dated.keys().filter(|o| !periods.iter().any(|p| p.contains(o.month))) {
            let (first, last) = (periods[0].first, periods[periods.len() - 1].last);
            out.push(
                Diagnostic::warning(
                    "month-outside-plan",
                    tree::join(rel, &occasion.name),
                    tr(
                        lang,
                        format!(
                            "{} is in no period of this indicator; its files are not counted",
                            occasion.name
                        ),
                        format!(
                            "{} tidak termasuk periode mana pun indikator ini; berkasnya tidak dihitung",
                            occasion.name
                        ),
                    ),
                )
                .with_hint(tr(
                    lang,
                    format!(
                        "its periods run from {first} to {last}: move the files into one of those months"
                    ),
                    format!(
                        "periodenya dari {first} sampai {last}: pindahkan berkas ke salah satu bulan itu"
                    ),
                )),
            );
        }
    }
}

/// `YYYY-MM`, or a real date `YYYY-MM-DD`.
fn parse_occasion(name: &str) -> Option<YearMonth> {
    if let Some(month) = YearMonth::parse_folder(name) {
        return Some(month);
    }
    let date = NaiveDate::parse_from_str(name, "%Y-%m-%d").ok()?;
    YearMonth::parse_folder(name.get(..7)?).filter(|_| date.format("%Y-%m-%d").to_string() == name)
}

fn bad_folder(path: &str, name: &str, lang: Lang) -> Diagnostic {
    let guess = guess_month_folder(name);
    let hint = match guess {
        Some(g) => tr(lang, format!("rename it to {g}"), format!("ganti namanya menjadi {g}")),
        None => tr(
            lang,
            "evidence goes in month folders named YYYY-MM (e.g. 2022-07), or YYYY-MM-DD for one occurrence",
            "bukti disimpan di folder bulan bernama YYYY-MM (mis. 2022-07), atau YYYY-MM-DD untuk satu kejadian",
        ),
    };
    Diagnostic::warning(
        "bad-month-folder",
        path,
        tr(
            lang,
            format!("\"{name}\" is not a month folder; its files are not counted"),
            format!("\"{name}\" bukan folder bulan; berkasnya tidak dihitung"),
        ),
    )
    .with_hint(hint)
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
fn files_below(
    root: &Path,
    indicator_rel: &str,
    folder: &str,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Vec<EvidenceFile> {
    let mut files = Vec::new();
    let dir = root.join(indicator_rel).join(folder);
    walk_dated(&dir, folder, 1, indicator_rel, lang, out, &mut files);
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
    lang: Lang,
    out: &mut Vec<Diagnostic>,
    files: &mut Vec<EvidenceFile>,
) {
    let unreadable = |at: String, e: &std::io::Error| {
        Diagnostic::error(
            "unreadable",
            at,
            tr(lang, format!("cannot read: {e}"), format!("tidak dapat dibaca: {e}")),
        )
        .with_hint(tr(lang, "check permissions and links", "periksa izin akses dan tautan"))
    };
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
                walk_dated(&entry.path(), &child, depth + 1, indicator_rel, lang, out, files);
            } else if has_entries(&entry.path()) {
                out.push(too_deep(shown(), lang));
            }
            continue;
        }
        let is_file = if file_type.is_symlink() {
            match std::fs::metadata(entry.path()) {
                Ok(m) if m.is_file() => true,
                Ok(m) if m.is_dir() => {
                    out.push(tree::link_not_followed(shown(), lang));
                    false
                }
                Ok(_) => false,
                Err(e) => {
                    out.push(tree::broken_link(shown(), &e, lang));
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
            out.push(tree::non_utf8_name(shown(), lang));
            continue;
        };
        files.push(EvidenceFile::new(child, name));
    }
}

fn has_entries(dir: &Path) -> bool {
    std::fs::read_dir(dir).is_ok_and(|mut entries| entries.next().is_some())
}

fn too_deep(path: String, lang: Lang) -> Diagnostic {
    Diagnostic::warning(
        "too-deep",
        path,
        tr(
            lang,
            format!("folder is more than {MAX_DEPTH_IN_MONTH} levels inside its month folder; what is in it is not counted"),
            format!("folder lebih dari {MAX_DEPTH_IN_MONTH} tingkat di dalam folder bulannya; isinya tidak dihitung"),
        ),
    )
    .with_hint(tr(
        lang,
        "move the documents up, closer to the month folder",
        "pindahkan dokumen ke atas, lebih dekat ke folder bulan",
    ))
}

/// Lowercase, and space, `_`, `-` and `.` folded into one space, runs of
/// them into one: `Daftar_Hadir--Rapat.PDF` → `daftar hadir rapat pdf`.
pub fn normalise(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, ' ' | '_' | '-' | '.') || c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// Matches files to an indicator's documents.
pub struct Matcher {
    /// One pattern list per document; a single catch-all when the plan names
    /// one document or none, since then any file is that document.
    items: Vec<Vec<glob::Pattern>>,
}

/// Which files satisfied which document, by index into the files given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Assignment {
    pub per_item: Vec<Vec<usize>>,
    pub unmatched: Vec<usize>,
}

impl Assignment {
    pub fn present(&self) -> usize {
        self.per_item.iter().filter(|f| !f.is_empty()).count()
    }

    pub fn is_complete(&self) -> bool {
        self.per_item.iter().all(|f| !f.is_empty())
    }
}

impl Matcher {
    pub fn new(items: &[EvidenceItem]) -> Matcher {
        if items.len() <= 1 {
            return Matcher { items: vec![vec![glob::Pattern::new("*").expect("* is a glob")]] };
        }
        let compile = |p: &String| glob::Pattern::new(&normalise(p)).ok();
        Matcher {
            items: items.iter().map(|item| item.patterns.iter().filter_map(compile).collect()).collect(),
        }
    }

    /// Documents required per period.
    pub fn required(&self) -> usize {
        self.items.len()
    }

    pub fn assign(&self, files: &[&EvidenceFile]) -> Assignment {
        let mut assignment =
            Assignment { per_item: vec![Vec::new(); self.items.len()], unmatched: Vec::new() };
        for (index, file) in files.iter().enumerate() {
            let mut matched = false;
            for (item, patterns) in self.items.iter().enumerate() {
                if patterns.iter().any(|p| p.matches(&file.key)) {
                    assignment.per_item[item].push(index);
                    matched = true;
                }
            }
            if !matched {
                assignment.unmatched.push(index);
            }
        }
        assignment
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn item(name: &str, file: Option<&[&str]>) -> EvidenceItem {
        EvidenceItem::new(name.into(), file.map(|f| f.iter().map(|s| s.to_string()).collect()))
    }

    fn file(name: &str) -> EvidenceFile {
        EvidenceFile::new(format!("2022-07/{name}"), name)
    }

    #[test]
    fn separators_and_case_do_not_matter_when_matching() {
        let m = Matcher::new(&[item("Daftar hadir", None), item("Notulasi rapat", Some(&["notul*"]))]);
        let files = [file("DAFTAR-HADIR_rapat.Juli.pdf"), file("Notulen.docx"), file("foto.jpg")];
        let a = m.assign(&files.iter().collect::<Vec<_>>());
        assert_eq!(a.per_item, [vec![0], vec![1]]);
        assert_eq!(a.unmatched, [2]);
        assert!(a.is_complete());
    }

    #[test]
    fn a_single_document_takes_any_file() {
        let m = Matcher::new(&[item("Laporan IKM", None)]);
        assert!(m.assign(&[&file("scan001.pdf")]).is_complete());
        assert_eq!(Matcher::new(&[]).required(), 1);
    }

    #[test]
    fn a_document_with_no_matching_file_is_missing() {
        let m = Matcher::new(&[item("Undangan rapat", None), item("Daftar hadir", None)]);
        let a = m.assign(&[&file("undangan_rapat.pdf")]);
        assert_eq!(a.present(), 1);
        assert!(!a.is_complete());
    }

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
        let files = files_below(dir.path(), "evidence/1-a/1-b/1-c", "2022-07", Lang::En, &mut out);
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        let mut expected = vec!["2022-07/a.pdf", "2022-07/b-sub/c.pdf", "2022-07/b-sub/deeper/x.pdf"];
        if cfg!(unix) {
            expected.push("2022-07/link.pdf");
        }
        expected.push("2022-07/z.pdf");
        assert_eq!(paths, expected);
        let codes: Vec<&str> = out.iter().map(|d| d.code).collect();
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
        let files = files_below(dir.path(), "e", "2022-07", Lang::En, &mut Vec::new());
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
