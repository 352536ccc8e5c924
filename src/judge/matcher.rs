//! The rule that matches files to documents, and where files do not count.
//!
//! A file satisfies a document when its name matches one of the document's
//! globs, case-insensitively, with space, `_`, `-` and `.` counting as the
//! same character. The rule is small on purpose: `zi show` must be able to
//! explain every match.

use crate::model::evidence::{normalise, EvidenceFile, Folder};
use crate::model::glob::{Bytes, Glob};
use crate::model::plan::{join, EvidenceItem};
use crate::model::schedule::Schedule;
use crate::problem::{Kind, Problem};

/// Files the schedule cannot count where they are: loose files when there
/// are several periods, and dated folders outside every period.
pub(crate) fn layout_problems(folder: &Folder, schedule: &Schedule, rel: &str, out: &mut Vec<Problem>) {
    let periods = schedule.periods();
    if periods.len() != 1 {
        for file in &folder.loose {
            let kind =
                Kind::LooseEvidence { periods: periods.len(), example: periods.first().map(|p| p.last) };
            out.push(Problem::new(kind, join(rel, &file.path)));
        }
    }
    if periods.is_empty() {
        return;
    }
    let (first, last) = (periods[0].first, periods[periods.len() - 1].last);
    for occasion in folder.dated.keys().filter(|o| !periods.iter().any(|p| p.contains(o.month))) {
        let kind = Kind::MonthOutsidePlan { folder: occasion.name.clone(), first, last };
        out.push(Problem::new(kind, join(rel, &occasion.name)));
    }
}

/// Matches files to an indicator's documents.
pub(crate) struct Matcher {
    /// Every document's patterns, one document after another; a single
    /// catch-all when the plan names one document or none, since then any
    /// file is that document. (In one vector: a vector per document cost an
    /// allocation per document of every indicator.)
    globs: Vec<Glob>,
    /// Where each document's patterns end in `globs`.
    ends: Vec<usize>,
}

/// Which files satisfied which document, by index into the files given.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Assignment {
    pub(crate) per_item: Vec<Vec<usize>>,
    pub(crate) unmatched: Vec<usize>,
}

impl Assignment {
    pub(crate) fn present(&self) -> usize {
        self.per_item.iter().filter(|f| !f.is_empty()).count()
    }

    pub(crate) fn is_complete(&self) -> bool {
        self.per_item.iter().all(|f| !f.is_empty())
    }
}

impl Matcher {
    pub(crate) fn new(items: &[EvidenceItem]) -> Matcher {
        if items.len() <= 1 {
            return Matcher { globs: vec![Glob::Any], ends: vec![1] };
        }
        let mut globs = Vec::with_capacity(items.iter().map(|item| item.patterns.len()).sum());
        let mut ends = Vec::with_capacity(items.len());
        for item in items {
            globs.extend(item.patterns.iter().filter_map(|p| Glob::of_string(normalise(p)).ok()));
            ends.push(globs.len());
        }
        Matcher { globs, ends }
    }

    /// Each document's patterns, in order.
    fn items(&self) -> impl Iterator<Item = &[Glob]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts.zip(&self.ends).map(|(start, &end)| &self.globs[start..end])
    }

    /// The first document whose own pattern `key` matches; never the
    /// catch-all of a one-document indicator, which matches every file.
    /// `held` is `Bytes::of(key)`, found once for every sibling a stray
    /// file is tried against.
    pub(crate) fn item_matching(&self, key: &str, held: Bytes) -> Option<usize> {
        if self.ends.len() <= 1 {
            return None;
        }
        self.items().position(|patterns| patterns.iter().any(|p| p.matches_holding(key, held)))
    }

    /// Documents required per period.
    pub(crate) fn required(&self) -> usize {
        self.ends.len()
    }

    pub(crate) fn assign(&self, files: &[&EvidenceFile]) -> Assignment {
        let mut assignment =
            Assignment { per_item: vec![Vec::new(); self.ends.len()], unmatched: Vec::new() };
        let catch_all = self.ends.len() <= 1;
        for (index, file) in files.iter().enumerate() {
            let mut matched = false;
            let held = if catch_all { Bytes::default() } else { Bytes::of(&file.key) };
            for (item, patterns) in self.items().enumerate() {
                if patterns.iter().any(|p| p.matches_holding(&file.key, held)) {
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
}
