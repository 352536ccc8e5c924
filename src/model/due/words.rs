//! The words of the grammar: month spellings (Indonesian and English, old
//! and abbreviated), list and range words, recurring and no-deadline
//! phrases, and the did-you-mean for a misspelt month.

use super::value::Recurrence;
use crate::model::month::{name_in, NAMES_EN, NAMES_ID};

/// Every accepted month spelling, and the names (Indonesian or English)
/// that a misspelling close to it is corrected to.
pub(super) const MONTH_SPELLINGS: &[(&str, u32, &[&str; 12])] = &[
    ("januari", 1, &NAMES_ID),
    ("january", 1, &NAMES_EN),
    ("februari", 2, &NAMES_ID),
    ("february", 2, &NAMES_EN),
    ("pebruari", 2, &NAMES_ID),
    ("maret", 3, &NAMES_ID),
    ("march", 3, &NAMES_EN),
    ("april", 4, &NAMES_ID),
    ("mei", 5, &NAMES_ID),
    ("may", 5, &NAMES_EN),
    ("juni", 6, &NAMES_ID),
    ("june", 6, &NAMES_EN),
    ("juli", 7, &NAMES_ID),
    ("july", 7, &NAMES_EN),
    ("agustus", 8, &NAMES_ID),
    ("august", 8, &NAMES_EN),
    ("september", 9, &NAMES_ID),
    ("oktober", 10, &NAMES_ID),
    ("october", 10, &NAMES_EN),
    ("november", 11, &NAMES_ID),
    ("nopember", 11, &NAMES_ID),
    ("desember", 12, &NAMES_ID),
    ("december", 12, &NAMES_EN),
];

/// Abbreviations. Kept apart from the full spellings so that a typo equally
/// close to both is corrected to the full name.
pub(super) const MONTH_ABBREVIATIONS: &[(&str, u32, &[&str; 12])] = &[
    ("jan", 1, &NAMES_ID),
    ("feb", 2, &NAMES_ID),
    ("mar", 3, &NAMES_ID),
    ("apr", 4, &NAMES_ID),
    ("jun", 6, &NAMES_ID),
    ("jul", 7, &NAMES_ID),
    ("aug", 8, &NAMES_EN),
    ("agt", 8, &NAMES_ID),
    ("agu", 8, &NAMES_ID),
    ("ags", 8, &NAMES_ID),
    ("sep", 9, &NAMES_ID),
    ("sept", 9, &NAMES_ID),
    ("oct", 10, &NAMES_EN),
    ("okt", 10, &NAMES_ID),
    ("nov", 11, &NAMES_ID),
    ("nop", 11, &NAMES_ID),
    ("dec", 12, &NAMES_EN),
    ("des", 12, &NAMES_ID),
];

/// Words naming a quarter (`Triwulan I`, `TW 2`, `Q3`) or a half year
/// (`Semester I`, `S2`), before its number.
pub(super) const QUARTER_WORDS: &[&str] =
    &["triwulan", "tw", "kuartal", "kwartal", "quarter", "q", "trimester"];
pub(super) const SEMESTER_WORDS: &[&str] = &["semester", "smt", "s", "half", "h"];

/// Words naming the whole plan year as one window.
pub(super) const YEAR_WORDS: &[&[&str]] =
    &[&["sepanjang", "tahun"], &["selama", "tahun"], &["setahun"], &["tahun"], &["whole", "year"], &["year"]];

/// Words before a month that say "by the end of it", which every month
/// deadline already means: `Akhir Juni`, `akhir bulan Juni`, `end of June`.
pub(super) const END_OF: &[&[&str]] = &[&["akhir", "bulan"], &["akhir"], &["end", "of"]];

/// A quarter's or half year's number: Roman or Arabic, up to 12 so that
/// "Triwulan V" is refused as a quarter the year does not have.
pub(super) fn ordinal(word: &str) -> Option<u32> {
    const ROMAN: [&str; 12] = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii"];
    match ROMAN.iter().position(|r| *r == word) {
        Some(i) => Some(i as u32 + 1),
        None if word.len() <= 2 => word.parse().ok().filter(|n| (1..=12).contains(n)),
        None => None,
    }
}

/// Words joining list items, besides `,`, `;` and `&`.
pub(super) const LIST_WORDS: &[&str] = &["dan", "and"];

/// One-word range words; `s/d`, `s.d.` and `sampai dengan` are matched in `range_len`.
pub(super) const RANGE_WORDS: &[&str] = &["sd", "sampai", "hingga", "to", "until", "through", "thru", "till"];

/// Recurring phrases, as lowercase words; digits stand for themselves. Any of
/// them may be followed by the plan year.
pub(super) const RECURRING: &[(&[&str], Recurrence)] = &[
    (&["setiap", "bulan"], Recurrence::Monthly),
    (&["tiap", "bulan"], Recurrence::Monthly),
    (&["per", "bulan"], Recurrence::Monthly),
    (&["bulanan"], Recurrence::Monthly),
    (&["monthly"], Recurrence::Monthly),
    (&["every", "month"], Recurrence::Monthly),
    (&["setiap", "triwulan"], Recurrence::Quarterly),
    (&["tiap", "triwulan"], Recurrence::Quarterly),
    (&["per", "triwulan"], Recurrence::Quarterly),
    (&["triwulanan"], Recurrence::Quarterly),
    (&["quarterly"], Recurrence::Quarterly),
    (&["every", "quarter"], Recurrence::Quarterly),
    (&["setiap", "semester"], Recurrence::Semiannual),
    (&["tiap", "semester"], Recurrence::Semiannual),
    (&["per", "semester"], Recurrence::Semiannual),
    (&["semesteran"], Recurrence::Semiannual),
    (&["every", "semester"], Recurrence::Semiannual),
    (&["semiannually"], Recurrence::Semiannual),
    (&["setiap", "6", "bulan"], Recurrence::Semiannual),
    (&["every", "6", "months"], Recurrence::Semiannual),
];

/// No-deadline phrases, matched against the whole text.
pub(super) const AS_NEEDED: &[&[&str]] = &[
    &["sewaktu", "-", "waktu"],
    &["sewaktu", "waktu"],
    &["insidental"],
    &["incidental"],
    &["sesuai", "kebutuhan"],
    &["as", "needed"],
    &["when", "needed"],
];

/// No-deadline openings: "setiap ada pertemuan", "setiap ada kegiatan", … —
/// whatever follows names the occasion, so it is not read.
pub(super) const AS_NEEDED_OPENINGS: &[&[&str]] = &[&["setiap", "ada"], &["tiap", "ada"]];

/// The words of the recurring and no-deadline phrases. Out of place they are
/// `Misplaced`, not unknown, so that "setiap minggu" blames "minggu".
pub(super) const PHRASE_WORDS: &[&str] = &[
    "setiap",
    "tiap",
    "per",
    "every",
    "bulan",
    "bulanan",
    "triwulan",
    "triwulanan",
    "semester",
    "semesteran",
    "month",
    "months",
    "monthly",
    "quarter",
    "quarterly",
    "semiannually",
    "ada",
    "sewaktu",
    "waktu",
    "insidental",
    "incidental",
    "sesuai",
    "kebutuhan",
    "as",
    "when",
    "needed",
    "dengan",
    "sepanjang",
    "selama",
    "akhir",
    "end",
    "of",
    "tw",
    "kuartal",
    "kwartal",
];

pub(super) fn month_number(lower: &str) -> Option<u32> {
    MONTH_SPELLINGS.iter().chain(MONTH_ABBREVIATIONS).find(|(s, ..)| *s == lower).map(|&(_, m, _)| m)
}

/// The month, or failing that the grammar word, closest to an unknown word.
///
/// Damerau–Levenshtein because typing slips are mostly a dropped, doubled or
/// swapped letter ("Agustsu"). A month may be two slips away once the word
/// has five letters; grammar words, being ordinary Indonesian words, only
/// one, so that "minggu" is not taken for "hingga".
pub(super) fn suggestion(lower: &str) -> Option<String> {
    let length = lower.chars().count();
    if length < 3 {
        return None;
    }
    let month_limit = if length <= 4 { 1 } else { 2 };
    // Three-letter words are too often near some abbreviation ("yes", "des").
    let abbreviations = MONTH_ABBREVIATIONS.iter().filter(|_| length >= 4);
    let months = MONTH_SPELLINGS
        .iter()
        .chain(abbreviations)
        .map(|&(spelling, month, names)| (spelling, name_in(names, month), month_limit));
    let words = RANGE_WORDS.iter().chain(PHRASE_WORDS).filter(|w| w.len() >= 5).map(|&w| (w, w, 1));
    // Lengths further apart than the limit cannot be within it; skipping them
    // keeps a megabyte-long "word" from costing a megabyte-sized distance table.
    months
        .chain(words)
        .filter(|&(spelling, _, limit)| spelling.chars().count().abs_diff(length) <= limit)
        .map(|(spelling, canonical, limit)| (strsim::damerau_levenshtein(lower, spelling), canonical, limit))
        .filter(|&(distance, _, limit)| distance <= limit)
        .min_by_key(|&(distance, ..)| distance)
        .map(|(_, canonical, _)| canonical.to_string())
}
