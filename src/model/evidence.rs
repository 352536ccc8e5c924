//! What an indicator's evidence folder holds, and the rule that makes file
//! names comparable: case and the separators space, `_`, `-` and `.` do not
//! matter.

use std::collections::BTreeMap;

use crate::model::month::YearMonth;

/// One evidence file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EvidenceFile {
    /// Relative to the indicator's evidence folder: `2022-07/undangan.pdf`.
    pub(crate) path: String,
    /// The file name, normalised for matching.
    pub(crate) key: String,
}

impl EvidenceFile {
    pub(crate) fn new(path: String, name: &str) -> Self {
        EvidenceFile { path, key: normalise(name) }
    }
}

/// A dated folder of an indicator: a month, or one day of a month.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) struct Occasion {
    pub(crate) name: String,
    pub(crate) month: YearMonth,
}

/// What an indicator's evidence folder holds.
#[derive(Clone, Debug, Default)]
pub(crate) struct Folder {
    /// Whether the folder is there at all.
    pub(crate) exists: bool,
    /// Files directly in the indicator folder.
    pub(crate) loose: Vec<EvidenceFile>,
    /// Dated folders and the files in them (recursively), by folder name.
    pub(crate) dated: BTreeMap<Occasion, Vec<EvidenceFile>>,
}

impl Folder {
    /// Files in dated folders whose month is in `first..=last`, and the loose
    /// files when `with_loose`.
    pub(crate) fn files_between(
        &self,
        first: YearMonth,
        last: YearMonth,
        with_loose: bool,
    ) -> Vec<&EvidenceFile> {
        let dated =
            self.dated.iter().filter(|(o, _)| first <= o.month && o.month <= last).flat_map(|(_, f)| f);
        let loose = self.loose.iter().filter(|_| with_loose);
        dated.chain(loose).collect()
    }
}

/// Lowercase, and space, `_`, `-` and `.` folded into one space, runs of
/// them into one: `Daftar_Hadir--Rapat.PDF` → `daftar hadir rapat pdf`.
pub(crate) fn normalise(text: &str) -> String {
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
