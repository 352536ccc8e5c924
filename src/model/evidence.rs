//! What an indicator's evidence folder holds, the rule that makes file
//! names comparable (case, Unicode normalisation and the separators space,
//! `_`, `-` and `.` do not matter), and the names that are never evidence.

use std::collections::BTreeMap;

use unicode_normalization::UnicodeNormalization;

use crate::model::month::YearMonth;

/// One evidence file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EvidenceFile {
    /// Relative to the indicator's evidence folder: `2022-07/undangan.pdf`.
    pub(crate) path: String,
    /// The file name, normalised for matching.
    pub(crate) key: String,
    /// A Git LFS pointer whose content was not pulled: it stands for the
    /// document and counts as it would.
    pub(crate) in_lfs: bool,
}

impl EvidenceFile {
    pub(crate) fn new(path: String, name: &str) -> Self {
        EvidenceFile { path, key: normalise(name), in_lfs: false }
    }

    /// A file directly in the indicator folder: its path is its name.
    pub(crate) fn loose(name: String) -> Self {
        EvidenceFile { key: normalise(&name), path: name, in_lfs: false }
    }

    /// The same file, marked as an LFS pointer when `in_lfs`.
    pub(crate) fn in_lfs(self, in_lfs: bool) -> Self {
        EvidenceFile { in_lfs, ..self }
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
    /// Files that are there but never count, relative to the folder: the
    /// leftovers of systems and programs, empty files, links that leave the
    /// repository. `zi show` lists them, so a file that does not count is
    /// never a mystery.
    pub(crate) ignored: Vec<String>,
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

/// Names that are never a document: hidden files (`.gitkeep`, `.DS_Store`,
/// LibreOffice's `.~lock.*#`), `README*`, and what systems and programs
/// leave behind: `Thumbs.db`, `desktop.ini`, Office owner files `~$*`, and
/// unfinished downloads or saves (`*.tmp`, `*.crdownload`, `*.part`).
pub(crate) fn is_never_evidence(name: &str) -> bool {
    const LEFT_BEHIND: [&str; 2] = ["thumbs.db", "desktop.ini"];
    const UNFINISHED: [&str; 3] = [".tmp", ".crdownload", ".part"];
    let ends_with = |suffix: &str| {
        name.len() >= suffix.len()
            && name.as_bytes()[name.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    };
    name.starts_with('.')
        || name.starts_with("~$")
        || name.get(..6).is_some_and(|start| start.eq_ignore_ascii_case("readme"))
        || LEFT_BEHIND.iter().any(|n| name.eq_ignore_ascii_case(n))
        || UNFINISHED.iter().any(|suffix| ends_with(suffix))
}

/// Lowercase, composed (Unicode NFC: `e` + combining acute as typed on a
/// Mac is the `é` typed on Windows), and space, `_`, `-` and `.` folded into one space, runs of
/// them into one: `Daftar_Hadir--Rapat.PDF` → `daftar hadir rapat pdf`.
pub(crate) fn normalise(text: &str) -> String {
    // Nearly every name is ASCII, which is composed already.
    if let Some(folded) = fold_ascii(text.as_bytes()) {
        return folded;
    }
    let mut out = String::with_capacity(text.len());
    fold(text.nfc(), &mut out);
    out
}

/// What `fold` makes of each ASCII byte: the separators (and the ASCII
/// characters `char::is_whitespace` names) a space, letters lowercase.
const FOLD_ASCII: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        table[b] = match b as u8 {
            b' ' | b'_' | b'-' | b'.' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r' => b' ',
            byte => byte.to_ascii_lowercase(),
        };
        b += 1;
    }
    table
};

/// `fold` for ASCII text, a byte at a time (it runs for every evidence
/// file); `None` when the text is not ASCII. Every byte is written and the
/// end moved past it only when it is kept: no branch per byte.
fn fold_ascii(text: &[u8]) -> Option<String> {
    if !text.is_ascii() {
        return None;
    }
    let mut out = Vec::with_capacity(text.len());
    let spare = &mut out.spare_capacity_mut()[..text.len()];
    let (mut len, mut after_space) = (0, false);
    for &b in text {
        let folded = FOLD_ASCII[usize::from(b & 127)];
        let space = folded == b' ';
        spare[len].write(folded);
        len += usize::from(!(space && after_space));
        after_space = space;
    }
    // SAFETY: the first `len` bytes were written above (`len` never
    // passes the bytes written), all of them ASCII from `FOLD_ASCII`.
    unsafe {
        out.set_len(len);
        Some(String::from_utf8_unchecked(out))
    }
}

fn fold(chars: impl Iterator<Item = char>, out: &mut String) {
    for c in chars {
        if matches!(c, ' ' | '_' | '-' | '.') || c.is_whitespace() {
            if !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_typed_on_a_mac_matches_the_same_name_typed_on_windows() {
        let decomposed = "Notulen Rapat Evaluasi Kine\u{301}rja.pdf";
        let composed = "notulen_rapat_evaluasi_kin\u{e9}rja.PDF";
        assert_eq!(normalise(decomposed), normalise(composed));
        assert_eq!(normalise(composed), "notulen rapat evaluasi kin\u{e9}rja pdf");
    }

    #[test]
    fn ascii_names_fold_as_every_other_name_does() {
        for byte in 0u8..128 {
            let name = format!("A{}b{}{}C", byte as char, byte as char, byte as char);
            let mut slow = String::new();
            fold(name.chars(), &mut slow);
            assert_eq!(normalise(&name), slow, "byte {byte}");
            assert_eq!(fold_ascii(name.as_bytes()).as_ref(), Some(&slow), "byte {byte}");
        }
        assert_eq!(normalise("Daftar_Hadir--Rapat.PDF"), "daftar hadir rapat pdf");
    }

    #[test]
    fn what_systems_and_programs_leave_behind_is_never_evidence() {
        for name in [
            ".gitkeep",
            ".DS_Store",
            ".~lock.notulen.docx#",
            "README.md",
            "readme.txt",
            "Thumbs.db",
            "THUMBS.DB",
            "desktop.ini",
            "Desktop.ini",
            "~$notulen.docx",
            "laporan.tmp",
            "undangan.pdf.crdownload",
            "foto.JPG.part",
        ] {
            assert!(is_never_evidence(name), "{name} must never count");
        }
        for name in [
            "notulen.docx",
            "thumbs.db.pdf",
            "partisipasi.pdf",
            "tmp-laporan.pdf",
            "read.pdf",
            "~notulen.docx",
        ] {
            assert!(!is_never_evidence(name), "{name} is a document");
        }
    }
}
