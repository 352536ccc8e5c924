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

use crate::diagnostic::{Diagnostic, Severity};
use crate::i18n::{tr, Lang};
use crate::month::YearMonth;
use crate::plan::indicator::EvidenceItem;
use crate::plan::EVIDENCE_DIR;
use crate::repo::{self, Kind};
use crate::schedule::Schedule;

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
    /// So is a folder reached through a link below `evidence/`, which is not
    /// followed (the evidence tree check reports the link).
    pub fn scan(root: &Path, rel: &str, lang: Lang, out: &mut Vec<Diagnostic>) -> Folder {
        let dir = root.join(rel);
        let mut folder = Folder::default();
        let inside = rel.strip_prefix(EVIDENCE_DIR).unwrap_or(rel);
        if !dir.is_dir() || repo::passes_a_link(&root.join(EVIDENCE_DIR), inside) {
            return folder;
        }
        folder.exists = true;
        for entry in repo::list(&dir, rel, Severity::Warning, lang, out) {
            match entry.kind {
                Kind::File => folder.loose.push(EvidenceFile::new(entry.name.clone(), &entry.name)),
                Kind::Dir => match parse_occasion(&entry.name) {
                    Some(month) => {
                        let files = files_below(root, rel, &entry.name, lang, out);
                        folder.dated.insert(Occasion { name: entry.name, month }, files);
                    }
                    None => out.push(bad_folder(&repo::join(rel, &entry.name), &entry.name, lang)),
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
                        repo::join(rel, &file.path),
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
                    repo::join(rel, &occasion.name),
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

/// Every file below a dated folder, sorted, skipping hidden entries. Links
/// to files count; links to folders are reported and not followed (a link
/// loop cannot trap the walk), and folders deeper than `MAX_DEPTH_IN_MONTH`
/// are reported and not searched.
fn files_below(
    root: &Path,
    indicator_rel: &str,
    folder: &str,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Vec<EvidenceFile> {
    let dir = root.join(indicator_rel).join(folder);
    let shown =
        |path: &Path| path.strip_prefix(root).map_or_else(|_| repo::join(indicator_rel, folder), display);
    let mut files = Vec::new();
    let walker = walkdir::WalkDir::new(&dir)
        .min_depth(1)
        .max_depth(MAX_DEPTH_IN_MONTH)
        .sort_by_file_name()
        .into_iter()
        .filter_entry(|e| e.file_name().to_str().is_none_or(|n| !repo::is_ignored(n)));
    for entry in walker {
        let entry = match entry {
            Ok(e) => e,
            Err(e) => {
                // walkdir's own message names the absolute path; the OS error alone does not.
                let reason = e.io_error().map_or_else(|| e.to_string(), ToString::to_string);
                out.push(
                    Diagnostic::error(
                        "unreadable",
                        e.path().map_or_else(|| repo::join(indicator_rel, folder), shown),
                        tr(lang, format!("cannot read: {reason}"), format!("tidak dapat dibaca: {reason}")),
                    )
                    .with_hint(tr(
                        lang,
                        "check the permissions of the folder and the files in it",
                        "periksa izin akses folder dan berkas di dalamnya",
                    )),
                );
                continue;
            }
        };
        let path = entry.path();
        let is_file = if entry.path_is_symlink() {
            match std::fs::metadata(path) {
                Ok(m) if m.is_file() => true,
                Ok(m) if m.is_dir() => {
                    out.push(repo::link_not_followed(shown(path), lang));
                    false
                }
                Ok(_) => false,
                Err(e) => {
                    out.push(repo::broken_link(shown(path), &e, lang));
                    false
                }
            }
        } else {
            if entry.file_type().is_dir() && entry.depth() == MAX_DEPTH_IN_MONTH && has_entries(path) {
                out.push(too_deep(shown(path), lang));
            }
            entry.file_type().is_file()
        };
        if !is_file {
            continue;
        }
        let Some(name) = entry.file_name().to_str() else {
            out.push(repo::non_utf8_name(shown(path), lang));
            continue;
        };
        let inner = path.strip_prefix(root.join(indicator_rel)).map(display).unwrap_or_default();
        files.push(EvidenceFile::new(inner, name));
    }
    files
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

fn display(path: &Path) -> String {
    path.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
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
    fn occasions_are_month_or_real_day_folders() {
        assert_eq!(parse_occasion("2022-07"), YearMonth::new(2022, 7));
        assert_eq!(parse_occasion("2022-07-31"), YearMonth::new(2022, 7));
        assert_eq!(parse_occasion("2022-02-30"), None);
        assert_eq!(parse_occasion("2022-7-01"), None);
    }
}
