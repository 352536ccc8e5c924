//! The target-time grammar: the `due` text of an RKT row ("Juli, Desember
//! 2022", "Januari s/d Maret 2022", "Setiap triwulan", "setiap ada
//! pertemuan") read into deadlines, windows or a recurrence.
//!
//! RKT tables are typed by hand, mostly in Indonesian, sometimes in English,
//! with old spellings and loose punctuation. So the grammar forgives case,
//! spacing, separators and abbreviations, but never guesses at meaning: an
//! unknown word, a year without a month or a window that runs backwards is an
//! error that points at the word, with a did-you-mean for misspelt months.
//!
//! Reading is three small steps over byte spans of the original text, so
//! errors can point into it: `lex` cuts words, digit runs and punctuation;
//! `classify` names them (month, year, list separator, range word) and
//! rejects unknown words; `parse_dated` binds years to months and months into
//! terms. Recurring and no-deadline phrases describe the whole text and are
//! matched before that.

use std::fmt;
use std::ops::Range;

use crate::model::month::YearMonth;
use crate::problem::clip;
use crate::text::Lang;

/// When an indicator's evidence is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Due {
    /// Deadlines as written: single months or windows, in written order.
    Dated(Vec<Term>),
    /// Recurs through the plan year.
    Every(Recurrence),
    /// No deadline: evidence is kept per occurrence ("setiap ada pertemuan", "sewaktu-waktu", "as needed").
    AsNeeded,
}

/// One deadline month (`first == last`) or a window of months (`first < last`);
/// either way the deadline is the end of `last`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    pub first: YearMonth,
    pub last: YearMonth,
}

impl Term {
    /// A single deadline month.
    pub fn month(at: YearMonth) -> Self {
        Self { first: at, last: at }
    }

    /// Whether the term covers more than one month.
    pub fn is_window(self) -> bool {
        self.first != self.last
    }
}

/// How often a recurring target time falls due within the plan year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recurrence {
    Monthly,
    Quarterly,
    Semiannual,
}

impl Recurrence {
    /// The deadline months (1 = January) of one plan year.
    pub fn months(self) -> &'static [u32] {
        match self {
            Recurrence::Monthly => &[1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
            Recurrence::Quarterly => &[3, 6, 9, 12],
            Recurrence::Semiannual => &[6, 12],
        }
    }

    /// The canonical Indonesian phrase; `parse` reads it back.
    pub fn phrase(self) -> &'static str {
        match self {
            Recurrence::Monthly => "Setiap bulan",
            Recurrence::Quarterly => "Setiap triwulan",
            Recurrence::Semiannual => "Setiap semester",
        }
    }
}

/// Why a `due` text could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DueError {
    pub kind: DueErrorKind,
    /// Byte range in the input text of the offending word (the whole text for `Empty`).
    pub span: Range<usize>,
}

/// What is wrong with a `due` text; each kind has its own message and hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DueErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// A word that is no month, year or word of the grammar; `suggestion` is
    /// the month (or grammar word) it most likely meant.
    UnknownWord { word: String, suggestion: Option<String> },
    /// A known word where it makes no sense: a separator with no month before
    /// it, a window chained onto a window, a recurrence word among months.
    Misplaced { word: String },
    /// Digits that are not a four-digit year from 0001 to 9999.
    BadYear { digits: String },
    /// A year with no month of its own before it ("2022", "Januari 2022 2023").
    MissingMonth { year: i32 },
    /// A range word ("s/d", "-", "sampai") without a month on one side.
    DanglingRange { word: String },
    /// A window whose last month comes before its first.
    WindowBackwards { first: YearMonth, last: YearMonth },
    /// A recurring time that names a year other than the plan year. A
    /// recurrence has no year of its own, so accepting it would silently
    /// move the row into the plan year.
    RecurrenceOutsidePlanYear { recurrence: Recurrence, year: i32, plan_year: i32 },
    /// A month without a year, when the plan year it would take is itself no
    /// valid year. Points at the month.
    PlanYearOutOfRange { plan_year: i32 },
}

impl DueError {
    fn new(kind: DueErrorKind, span: Range<usize>) -> Self {
        Self { kind, span }
    }

    /// What is wrong, quoting the whole text (on one line) and the bad word.
    pub fn message(&self, text: &str, lang: Lang) -> String {
        use DueErrorKind::*;
        let quoted = clip(&one_line(text), MAX_QUOTED_TEXT);
        match (&self.kind, lang) {
            (Empty, Lang::En) => "the target time is empty".to_string(),
            (Empty, Lang::Id) => "waktu target kosong".to_string(),
            (UnknownWord { word, .. }, Lang::En) => format!("unknown word \"{word}\" in \"{quoted}\""),
            (UnknownWord { word, .. }, Lang::Id) => format!("kata tidak dikenal \"{word}\" dalam \"{quoted}\""),
            (Misplaced { word }, Lang::En) => format!("\"{word}\" is out of place in \"{quoted}\""),
            (Misplaced { word }, Lang::Id) => format!("\"{word}\" tidak pada tempatnya dalam \"{quoted}\""),
            (BadYear { digits }, Lang::En) => format!("\"{digits}\" is not a year in \"{quoted}\""),
            (BadYear { digits }, Lang::Id) => format!("\"{digits}\" bukan tahun dalam \"{quoted}\""),
            (MissingMonth { year }, Lang::En) => format!("year {year:04} has no month in \"{quoted}\""),
            (MissingMonth { year }, Lang::Id) => format!("tahun {year:04} tanpa bulan dalam \"{quoted}\""),
            (DanglingRange { word }, Lang::En) => {
                format!("\"{word}\" needs a month on both sides in \"{quoted}\"")
            }
            (DanglingRange { word }, Lang::Id) => {
                format!("\"{word}\" perlu bulan di kedua sisinya dalam \"{quoted}\"")
            }
            (WindowBackwards { first, last }, Lang::En) => format!(
                "the window from {} to {} ends before it starts in \"{quoted}\"",
                month_year(*first, Lang::En),
                month_year(*last, Lang::En)
            ),
            (WindowBackwards { first, last }, Lang::Id) => format!(
                "rentang {} s/d {} berakhir sebelum dimulai dalam \"{quoted}\"",
                month_year(*first, Lang::Id),
                month_year(*last, Lang::Id)
            ),
            (RecurrenceOutsidePlanYear { year, plan_year, .. }, Lang::En) => format!(
                "a recurring target time belongs to the plan year {plan_year:04}, not {year:04}, in \"{quoted}\""
            ),
            (RecurrenceOutsidePlanYear { year, plan_year, .. }, Lang::Id) => format!(
                "waktu target berulang berlaku untuk tahun rencana {plan_year:04}, bukan {year:04}, dalam \"{quoted}\""
            ),
            (PlanYearOutOfRange { plan_year }, Lang::En) => format!(
                "a month without a year takes the plan year, but {plan_year} is not a valid year, in \"{quoted}\""
            ),
            (PlanYearOutOfRange { plan_year }, Lang::Id) => format!(
                "bulan tanpa tahun memakai tahun rencana, tetapi {plan_year} bukan tahun yang sah, dalam \"{quoted}\""
            ),
        }
    }

    /// How to fix it: a did-you-mean when there is one, else the forms that work.
    pub fn hint(&self, lang: Lang) -> String {
        use DueErrorKind::*;
        match (&self.kind, lang) {
            (UnknownWord { suggestion: Some(s), .. }, Lang::En) => format!("did you mean \"{s}\"?"),
            (UnknownWord { suggestion: Some(s), .. }, Lang::Id) => format!("maksud Anda \"{s}\"?"),
            (Empty | UnknownWord { suggestion: None, .. } | Misplaced { .. }, Lang::En) => {
                "write a month and year (\"Juli 2022\"), a window (\"Januari s/d Maret 2022\"), \
                 \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" or \"setiap ada …\""
                    .to_string()
            }
            (Empty | UnknownWord { suggestion: None, .. } | Misplaced { .. }, Lang::Id) => {
                "tulis bulan dan tahun (\"Juli 2022\"), rentang (\"Januari s/d Maret 2022\"), \
                 \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" atau \"setiap ada …\""
                    .to_string()
            }
            (BadYear { .. }, Lang::En) => {
                "write the year with four digits, from 0001 to 9999 (\"Juli 2022\")".to_string()
            }
            (BadYear { .. }, Lang::Id) => {
                "tulis tahun dengan empat angka, 0001 sampai 9999 (\"Juli 2022\")".to_string()
            }
            (MissingMonth { .. } | PlanYearOutOfRange { .. }, Lang::En) => {
                "write the month, then its year (\"Juli 2022\")".to_string()
            }
            (MissingMonth { .. } | PlanYearOutOfRange { .. }, Lang::Id) => {
                "tulis bulan, lalu tahunnya (\"Juli 2022\")".to_string()
            }
            (DanglingRange { .. }, Lang::En) => "write a window as \"Januari s/d Maret 2022\"".to_string(),
            (DanglingRange { .. }, Lang::Id) => {
                "tulis rentang seperti \"Januari s/d Maret 2022\"".to_string()
            }
            (WindowBackwards { .. }, Lang::En) => "put the earlier month first; a window across a year end \
                 needs both years (\"Desember 2022 s/d Februari 2023\")"
                .to_string(),
            (WindowBackwards { .. }, Lang::Id) => "tulis bulan yang lebih awal dulu; rentang yang melewati \
                 akhir tahun perlu kedua tahunnya (\"Desember 2022 s/d Februari 2023\")"
                .to_string(),
            (RecurrenceOutsidePlanYear { recurrence, year, .. }, Lang::En) => format!(
                "drop the year (\"{}\") or move the indicator to the {year:04} plan",
                recurrence.phrase()
            ),
            (RecurrenceOutsidePlanYear { recurrence, year, .. }, Lang::Id) => format!(
                "hapus tahunnya (\"{}\") atau pindahkan indikator ke rencana {year:04}",
                recurrence.phrase()
            ),
        }
    }
}

/// Reads a `due` text. Months without a year take `plan_year`.
pub fn parse(text: &str, plan_year: i32) -> Result<Due, DueError> {
    let body = body_of(text);
    if body.is_empty() {
        return Err(DueError::new(DueErrorKind::Empty, 0..text.len()));
    }
    let lexemes = lex(text, body);
    let words = spelled(text, &lexemes);
    if is_as_needed(&words) {
        return Ok(Due::AsNeeded);
    }
    if let Some(recurrence) = recurrence(text, &lexemes, &words, plan_year)? {
        return Ok(Due::Every(recurrence));
    }
    let tokens = classify(text, &lexemes)?;
    parse_dated(text, &tokens, plan_year).map(Due::Dated)
}

impl fmt::Display for Due {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Due::Dated(terms) => {
                for (i, term) in terms.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "{term}")?;
                }
                Ok(())
            }
            Due::Every(recurrence) => f.write_str(recurrence.phrase()),
            Due::AsNeeded => f.write_str("Sewaktu-waktu"),
        }
    }
}

impl fmt::Display for Term {
    /// `Juli 2022`, or `Januari 2022 s/d Maret 2022` with both years so the
    /// text reads back the same whatever the plan year.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_window() {
            write!(f, "{} s/d {}", month_year(self.first, Lang::Id), month_year(self.last, Lang::Id))
        } else {
            f.write_str(&month_year(self.first, Lang::Id))
        }
    }
}

/// `Juli 2022`; four-digit years so that early years read back too.
fn month_year(at: YearMonth, lang: Lang) -> String {
    format!("{} {:04}", lang.month_name(at.month()), at.year())
}

/// Messages quote what the user wrote, but a 10,000-character cell would
/// drown the message: quotes are cut to these many characters.
const MAX_QUOTED_TEXT: usize = 80;
const MAX_QUOTED_WORD: usize = 40;

/// The text trimmed and with whitespace runs collapsed, for quoting in a one-line message.
fn one_line(text: &str) -> String {
    text.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

// ---------------------------------------------------------------------------
// Vocabulary

/// Every accepted month spelling. The language says which full name a
/// misspelling close to it is corrected to.
const MONTH_SPELLINGS: &[(&str, u32, Lang)] = &[
    ("januari", 1, Lang::Id),
    ("january", 1, Lang::En),
    ("februari", 2, Lang::Id),
    ("february", 2, Lang::En),
    ("pebruari", 2, Lang::Id),
    ("maret", 3, Lang::Id),
    ("march", 3, Lang::En),
    ("april", 4, Lang::Id),
    ("mei", 5, Lang::Id),
    ("may", 5, Lang::En),
    ("juni", 6, Lang::Id),
    ("june", 6, Lang::En),
    ("juli", 7, Lang::Id),
    ("july", 7, Lang::En),
    ("agustus", 8, Lang::Id),
    ("august", 8, Lang::En),
    ("september", 9, Lang::Id),
    ("oktober", 10, Lang::Id),
    ("october", 10, Lang::En),
    ("november", 11, Lang::Id),
    ("nopember", 11, Lang::Id),
    ("desember", 12, Lang::Id),
    ("december", 12, Lang::En),
];

/// Abbreviations. Kept apart from the full spellings so that a typo equally
/// close to both is corrected to the full name.
const MONTH_ABBREVIATIONS: &[(&str, u32, Lang)] = &[
    ("jan", 1, Lang::Id),
    ("feb", 2, Lang::Id),
    ("mar", 3, Lang::Id),
    ("apr", 4, Lang::Id),
    ("jun", 6, Lang::Id),
    ("jul", 7, Lang::Id),
    ("aug", 8, Lang::En),
    ("agt", 8, Lang::Id),
    ("agu", 8, Lang::Id),
    ("ags", 8, Lang::Id),
    ("sep", 9, Lang::Id),
    ("sept", 9, Lang::Id),
    ("oct", 10, Lang::En),
    ("okt", 10, Lang::Id),
    ("nov", 11, Lang::Id),
    ("nop", 11, Lang::Id),
    ("dec", 12, Lang::En),
    ("des", 12, Lang::Id),
];

/// Words joining list items, besides `,`, `;` and `&`.
const LIST_WORDS: &[&str] = &["dan", "and"];

/// One-word range words; `s/d`, `s.d.` and `sampai dengan` are matched in `range_len`.
const RANGE_WORDS: &[&str] = &["sd", "sampai", "hingga", "to", "until", "through", "thru", "till"];

/// Recurring phrases, as lowercase words; digits stand for themselves. Any of
/// them may be followed by the plan year.
const RECURRING: &[(&[&str], Recurrence)] = &[
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
const AS_NEEDED: &[&[&str]] = &[
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
const AS_NEEDED_OPENINGS: &[&[&str]] = &[&["setiap", "ada"], &["tiap", "ada"]];

/// The words of the recurring and no-deadline phrases. Out of place they are
/// `Misplaced`, not unknown, so that "setiap minggu" blames "minggu".
const PHRASE_WORDS: &[&str] = &[
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
];

fn month_number(lower: &str) -> Option<u32> {
    MONTH_SPELLINGS.iter().chain(MONTH_ABBREVIATIONS).find(|(s, ..)| *s == lower).map(|&(_, m, _)| m)
}

/// The month, or failing that the grammar word, closest to an unknown word.
///
/// Damerau–Levenshtein because typing slips are mostly a dropped, doubled or
/// swapped letter ("Agustsu"). A month may be two slips away once the word
/// has five letters; grammar words, being ordinary Indonesian words, only
/// one, so that "minggu" is not taken for "hingga".
fn suggestion(lower: &str) -> Option<String> {
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
        .map(|&(spelling, month, lang)| (spelling, lang.month_name(month), month_limit));
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

// ---------------------------------------------------------------------------
// Lexing

/// Whitespace, plus the zero-width characters that spreadsheets leave behind.
fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{200b}' | '\u{feff}')
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}' | '\u{2012}' | '–' | '—' | '\u{2212}')
}

fn is_separator(c: char) -> bool {
    matches!(c, ',' | ';' | '&')
}

/// Characters that are neither space, letter, digit nor punctuation of the grammar.
fn is_other(c: char) -> bool {
    !(is_space(c) || c.is_alphabetic() || c.is_ascii_digit() || is_separator(c) || is_dash(c) || c == '/')
}

/// The byte range of `text` worth reading: without surrounding whitespace and one trailing `.`.
fn body_of(text: &str) -> Range<usize> {
    let start = text.len() - text.trim_start_matches(is_space).len();
    let trimmed = text.trim_end_matches(is_space);
    let trimmed = trimmed.strip_suffix('.').unwrap_or(trimmed).trim_end_matches(is_space);
    start..trimmed.len().max(start)
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Raw {
    /// A run of letters, lowercased; `dotted` when a `.` follows directly
    /// ("Jan.", the parts of "s.d."). The span includes the dot.
    Word {
        lower: String,
        dotted: bool,
    },
    Digits,
    Separator,
    Dash,
    Slash,
    /// A run of anything else ("(", "🙂", "?!").
    Other,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Lexeme {
    raw: Raw,
    span: Range<usize>,
}

impl Lexeme {
    fn word(&self) -> Option<&str> {
        match &self.raw {
            Raw::Word { lower, .. } => Some(lower),
            _ => None,
        }
    }

    /// The span without a trailing dot: what a message should quote.
    fn bare_span(&self) -> Range<usize> {
        match self.raw {
            Raw::Word { dotted: true, .. } => self.span.start..self.span.end - 1,
            _ => self.span.clone(),
        }
    }
}

/// Cuts `text[body]` into lexemes, skipping whitespace. Never fails: what it
/// cannot name becomes `Other` for the parser to report.
fn lex(text: &str, body: Range<usize>) -> Vec<Lexeme> {
    let mut lexemes = Vec::new();
    let mut at = body.start;
    while let Some(c) = text[at..body.end].chars().next() {
        let rest = &text[at..body.end];
        let run = |keep: fn(char) -> bool| rest.find(|d: char| !keep(d)).unwrap_or(rest.len());
        let (raw, len) = if is_space(c) {
            (None, run(is_space))
        } else if c.is_alphabetic() {
            let letters = run(char::is_alphabetic);
            let dotted = rest[letters..].starts_with('.');
            let lower = rest[..letters].to_lowercase();
            (Some(Raw::Word { lower, dotted }), letters + usize::from(dotted))
        } else if c.is_ascii_digit() {
            (Some(Raw::Digits), run(|d| d.is_ascii_digit()))
        } else if is_separator(c) {
            (Some(Raw::Separator), c.len_utf8())
        } else if is_dash(c) {
            (Some(Raw::Dash), c.len_utf8())
        } else if c == '/' {
            (Some(Raw::Slash), 1)
        } else {
            (Some(Raw::Other), run(is_other))
        };
        if let Some(raw) = raw {
            lexemes.push(Lexeme { raw, span: at..at + len });
        }
        at += len;
    }
    lexemes
}

/// The lexemes as words for phrase matching: letters lowercased, every dash `-`.
fn spelled<'a>(text: &'a str, lexemes: &'a [Lexeme]) -> Vec<&'a str> {
    lexemes
        .iter()
        .map(|l| match &l.raw {
            Raw::Word { lower, .. } => lower.as_str(),
            Raw::Separator | Raw::Slash | Raw::Digits | Raw::Other => &text[l.span.clone()],
            Raw::Dash => "-",
        })
        .collect()
}

// ---------------------------------------------------------------------------
// Whole-text phrases

fn is_as_needed(words: &[&str]) -> bool {
    AS_NEEDED.contains(&words) || AS_NEEDED_OPENINGS.iter().any(|opening| words.starts_with(opening))
}

/// The recurrence the whole text names, if it is a recurring phrase with at
/// most the plan year after it.
fn recurrence(
    text: &str,
    lexemes: &[Lexeme],
    words: &[&str],
    plan_year: i32,
) -> Result<Option<Recurrence>, DueError> {
    for &(phrase, recurrence) in RECURRING {
        if words == phrase {
            return Ok(Some(recurrence));
        }
        // The phrase and then one run of digits.
        let last = match lexemes.get(phrase.len()) {
            Some(last) if lexemes.len() == phrase.len() + 1 && last.raw == Raw::Digits => last,
            _ => continue,
        };
        if !words.starts_with(phrase) {
            continue;
        }
        let digits = &text[last.span.clone()];
        let year = year_of(digits).ok_or_else(|| bad_year(digits, last.span.clone()))?;
        if year != plan_year {
            let kind = DueErrorKind::RecurrenceOutsidePlanYear { recurrence, year, plan_year };
            return Err(DueError::new(kind, last.span.clone()));
        }
        return Ok(Some(recurrence));
    }
    Ok(None)
}

/// A year as written in RKT tables: exactly four digits, 0001..=9999.
fn year_of(digits: &str) -> Option<i32> {
    if digits.len() != 4 {
        return None;
    }
    digits.parse().ok().filter(|&year| year >= 1)
}

fn bad_year(digits: &str, span: Range<usize>) -> DueError {
    DueError::new(DueErrorKind::BadYear { digits: clip(digits, MAX_QUOTED_WORD) }, span)
}

// ---------------------------------------------------------------------------
// Dated terms

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Month(u32),
    /// Digits, with the year they spell if they are one.
    Number(Option<i32>),
    /// `,` `;` `&` `dan` `and`
    Separator,
    /// `s/d` `-` `sampai dengan` `to` …
    Range,
    /// A word of the grammar that has no place among dated terms.
    Keyword,
}

#[derive(Clone, Debug, PartialEq, Eq)]
struct Token {
    tok: Tok,
    span: Range<usize>,
}

/// How many lexemes at the start of `rest` make one range word.
fn range_len(rest: &[Lexeme]) -> Option<usize> {
    let first = rest.first()?;
    if first.raw == Raw::Dash {
        return Some(1);
    }
    let word = |i: usize| rest.get(i).and_then(Lexeme::word);
    let dotted = matches!(first.raw, Raw::Word { dotted: true, .. });
    let slash = matches!(rest.get(1), Some(Lexeme { raw: Raw::Slash, .. }));
    match first.word()? {
        "s" if dotted && word(1) == Some("d") => Some(2),
        "s" if slash && word(2) == Some("d") => Some(3),
        "sampai" if word(1) == Some("dengan") => Some(2),
        w if RANGE_WORDS.contains(&w) => Some(1),
        _ => None,
    }
}

/// Names every lexeme, or fails on the first word the grammar does not know.
fn classify(text: &str, lexemes: &[Lexeme]) -> Result<Vec<Token>, DueError> {
    let mut tokens = Vec::new();
    let mut i = 0;
    while let Some(lexeme) = lexemes.get(i) {
        let (tok, len) = match (range_len(&lexemes[i..]), &lexeme.raw) {
            (Some(len), _) => (Tok::Range, len),
            (None, Raw::Word { lower, .. }) => match month_number(lower) {
                Some(month) => (Tok::Month(month), 1),
                None if LIST_WORDS.contains(&lower.as_str()) => (Tok::Separator, 1),
                None if PHRASE_WORDS.contains(&lower.as_str()) => (Tok::Keyword, 1),
                None => return Err(unknown_word(text, lexeme, suggestion(lower))),
            },
            (None, Raw::Digits) => (Tok::Number(year_of(&text[lexeme.span.clone()])), 1),
            (None, Raw::Separator) => (Tok::Separator, 1),
            (None, Raw::Dash | Raw::Slash) => (Tok::Keyword, 1),
            (None, Raw::Other) => return Err(unknown_word(text, lexeme, None)),
        };
        let end = lexemes.get(i + len - 1).map_or(lexeme.span.end, |l| l.span.end);
        tokens.push(Token { tok, span: lexeme.span.start..end });
        i += len;
    }
    Ok(tokens)
}

fn unknown_word(text: &str, lexeme: &Lexeme, suggestion: Option<String>) -> DueError {
    let span = lexeme.bare_span();
    DueError::new(
        DueErrorKind::UnknownWord { word: clip(&text[span.clone()], MAX_QUOTED_WORD), suggestion },
        span,
    )
}

/// A month as written, before years are bound.
struct Mark {
    month: u32,
    year: Option<i32>,
    span: Range<usize>,
}

/// A term as indices into the marks.
struct Item {
    first: usize,
    last: usize,
}

/// Reads `items := item ([separator] item)*`, `item := month [year] [range month [year]]`.
///
/// Separators between items are optional because tables often drop the
/// comma ("Maret Juni September Desember 2022"). A year is bound to every
/// month since the previous year, so "Juli, Desember 2022" is two 2022
/// deadlines; months after the last year take the plan year.
fn parse_dated(text: &str, tokens: &[Token], plan_year: i32) -> Result<Vec<Term>, DueError> {
    let word = |span: &Range<usize>| clip(&text[span.clone()], MAX_QUOTED_WORD);
    let misplaced =
        |span: &Range<usize>| DueError::new(DueErrorKind::Misplaced { word: word(span) }, span.clone());
    let dangling =
        |span: &Range<usize>| DueError::new(DueErrorKind::DanglingRange { word: word(span) }, span.clone());

    let mut marks: Vec<Mark> = Vec::new();
    let mut items: Vec<Item> = Vec::new();
    // The first mark of a window whose range word has been read, and that word.
    let mut open: Option<(usize, &Range<usize>)> = None;
    let mut unyeared = 0;
    let mut previous: Option<&Tok> = None;
    for Token { tok, span } in tokens {
        if let (Some((_, range)), false) = (open, matches!(tok, Tok::Month(_))) {
            return Err(dangling(range));
        }
        let after_item = matches!(previous, Some(Tok::Month(_) | Tok::Number(_)));
        match tok {
            Tok::Month(month) => {
                marks.push(Mark { month: *month, year: None, span: span.clone() });
                let at = marks.len() - 1;
                let first = open.take().map_or(at, |(first, _)| first);
                items.push(Item { first, last: at });
            }
            Tok::Number(year) => {
                let year = year.ok_or_else(|| bad_year(&text[span.clone()], span.clone()))?;
                if !matches!(previous, Some(Tok::Month(_))) {
                    return Err(DueError::new(DueErrorKind::MissingMonth { year }, span.clone()));
                }
                marks[unyeared..].iter_mut().for_each(|mark| mark.year = Some(year));
                unyeared = marks.len();
            }
            Tok::Separator if after_item => {}
            Tok::Range if after_item => match items.pop() {
                Some(item) if item.first == item.last => open = Some((item.first, span)),
                _ => return Err(misplaced(span)),
            },
            Tok::Range => return Err(dangling(span)),
            Tok::Separator | Tok::Keyword => return Err(misplaced(span)),
        }
        previous = Some(tok);
    }
    if let Some((_, range)) = open {
        return Err(dangling(range));
    }
    if let (Some(Tok::Separator), Some(last)) = (previous, tokens.last()) {
        return Err(misplaced(&last.span));
    }

    let resolved = |mark: &Mark| {
        YearMonth::new(mark.year.unwrap_or(plan_year), mark.month)
            .ok_or_else(|| DueError::new(DueErrorKind::PlanYearOutOfRange { plan_year }, mark.span.clone()))
    };
    items
        .iter()
        .map(|item| {
            let (first, last) = (&marks[item.first], &marks[item.last]);
            let term = Term { first: resolved(first)?, last: resolved(last)? };
            if term.last < term.first {
                let kind = DueErrorKind::WindowBackwards { first: term.first, last: term.last };
                return Err(DueError::new(kind, first.span.start..last.span.end));
            }
            Ok(term)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::{MONTHS_EN, MONTHS_ID};
    use proptest::prelude::*;

    const PLAN_YEAR: i32 = 2022;

    fn ym(year: i32, month: u32) -> YearMonth {
        YearMonth::new(year, month).unwrap()
    }

    fn on(year: i32, month: u32) -> Term {
        Term::month(ym(year, month))
    }

    fn window(first: (i32, u32), last: (i32, u32)) -> Term {
        Term { first: ym(first.0, first.1), last: ym(last.0, last.1) }
    }

    fn dated(terms: &[Term]) -> Due {
        Due::Dated(terms.to_vec())
    }

    fn read(text: &str) -> Due {
        parse(text, PLAN_YEAR).unwrap_or_else(|e| panic!("{text:?}: {}", e.message(text, Lang::En)))
    }

    fn error(text: &str) -> DueError {
        match parse(text, PLAN_YEAR) {
            Ok(due) => panic!("{text:?} should fail, read {due:?}"),
            Err(e) => e,
        }
    }

    fn unknown(word: &str, suggestion: Option<&str>) -> DueErrorKind {
        DueErrorKind::UnknownWord { word: word.to_string(), suggestion: suggestion.map(str::to_string) }
    }

    const ACCEPTED_FORMS_EN: &str = "write a month and year (\"Juli 2022\"), a window (\"Januari s/d Maret \
        2022\"), \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" or \"setiap ada …\"";
    const ACCEPTED_FORMS_ID: &str = "tulis bulan dan tahun (\"Juli 2022\"), rentang (\"Januari s/d Maret \
        2022\"), \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" atau \"setiap ada …\"";

    // --- single months -----------------------------------------------------

    #[test]
    fn one_month_reads_in_indonesian_english_and_abbreviated_form() {
        for text in ["Januari 2022", "Jan 2022", "January 2022", "JANUARI 2022", "jAnUaRi 2022"] {
            assert_eq!(read(text), dated(&[on(2022, 1)]), "{text}");
        }
    }

    #[test]
    fn every_indonesian_and_english_full_month_name_reads_as_its_month() {
        for month in 1..=12u32 {
            for name in [MONTHS_ID[month as usize - 1], MONTHS_EN[month as usize - 1]] {
                assert_eq!(read(&format!("{name} 2023")), dated(&[on(2023, month)]), "{name}");
            }
        }
    }

    #[test]
    fn every_listed_abbreviation_reads_as_its_month() {
        let table = [
            ("Jan", 1),
            ("Feb", 2),
            ("Mar", 3),
            ("Apr", 4),
            ("Jun", 6),
            ("Jul", 7),
            ("Aug", 8),
            ("Agt", 8),
            ("Agu", 8),
            ("Ags", 8),
            ("Sep", 9),
            ("Sept", 9),
            ("Oct", 10),
            ("Okt", 10),
            ("Nov", 11),
            ("Nop", 11),
            ("Dec", 12),
            ("Des", 12),
        ];
        for (abbreviation, month) in table {
            assert_eq!(read(&format!("{abbreviation} 2022")), dated(&[on(2022, month)]), "{abbreviation}");
        }
    }

    #[test]
    fn old_spellings_pebruari_and_nopember_read_as_february_and_november() {
        assert_eq!(read("Pebruari 2022"), dated(&[on(2022, 2)]));
        assert_eq!(read("Nopember 2022"), dated(&[on(2022, 11)]));
        assert_eq!(read("Nop 2022"), dated(&[on(2022, 11)]));
    }

    #[test]
    fn an_abbreviation_may_carry_a_trailing_dot() {
        assert_eq!(read("Jan. 2022"), dated(&[on(2022, 1)]));
        assert_eq!(read("Sept. 2022"), dated(&[on(2022, 9)]));
        assert_eq!(read("Agt. dan Des. 2022"), dated(&[on(2022, 8), on(2022, 12)]));
        assert_eq!(read("Jan.-Mar. 2022"), dated(&[window((2022, 1), (2022, 3))]));
    }

    #[test]
    fn a_month_without_any_year_takes_the_plan_year() {
        assert_eq!(read("Juli"), dated(&[on(2022, 7)]));
        assert_eq!(parse("Juli", 2031), Ok(dated(&[on(2031, 7)])));
    }

    #[test]
    fn a_four_digit_year_with_leading_zeros_is_read() {
        assert_eq!(read("Juli 0005"), dated(&[on(5, 7)]));
        assert_eq!(read("Desember 9999"), dated(&[on(9999, 12)]));
    }

    // --- lists ---------------------------------------------------------------

    #[test]
    fn two_deadlines_joined_by_comma_semicolon_ampersand_dan_or_and() {
        let expected = dated(&[on(2022, 7), on(2022, 12)]);
        for text in [
            "Juli, Desember 2022",
            "Juli; Desember 2022",
            "Juli & Desember 2022",
            "Juli dan Desember 2022",
            "July and December 2022",
            "Juli , Desember 2022",
            "Juli,Desember 2022",
        ] {
            assert_eq!(read(text), expected, "{text}");
        }
        assert_eq!(read("Juni dan Desember 2022"), dated(&[on(2022, 6), on(2022, 12)]));
    }

    #[test]
    fn each_month_may_carry_its_own_year() {
        assert_eq!(read("Maret 2022, Juni 2022"), dated(&[on(2022, 3), on(2022, 6)]));
        assert_eq!(read("Desember 2021, Juni 2022"), dated(&[on(2021, 12), on(2022, 6)]));
    }

    #[test]
    fn a_year_binds_to_every_month_before_it_back_to_the_previous_year() {
        assert_eq!(
            read("Maret, Juni 2021, September dan Desember 2023"),
            dated(&[on(2021, 3), on(2021, 6), on(2023, 9), on(2023, 12)])
        );
    }

    #[test]
    fn months_after_the_last_year_take_the_plan_year() {
        assert_eq!(read("Juli 2021, Desember"), dated(&[on(2021, 7), on(2022, 12)]));
    }

    #[test]
    fn months_written_side_by_side_without_a_separator_are_a_list() {
        assert_eq!(
            read("Maret Juni September Desember 2022"),
            dated(&[on(2022, 3), on(2022, 6), on(2022, 9), on(2022, 12)])
        );
        assert_eq!(read("Juni 2022 Desember 2022"), dated(&[on(2022, 6), on(2022, 12)]));
    }

    #[test]
    fn terms_keep_their_written_order() {
        assert_eq!(read("Desember, Juli 2022"), dated(&[on(2022, 12), on(2022, 7)]));
    }

    // --- windows -------------------------------------------------------------

    #[test]
    fn a_window_reads_with_every_range_word() {
        let expected = dated(&[window((2022, 1), (2022, 3))]);
        for word in [
            "s/d",
            "S/D",
            "s.d.",
            "S.D.",
            "s.d",
            "sd",
            "s/ d",
            "s /d",
            "s / d",
            "s. d.",
            "sampai",
            "sampai dengan",
            "Sampai  Dengan",
            "hingga",
            "-",
            "–",
            "—",
            "to",
            "until",
            "through",
        ] {
            assert_eq!(read(&format!("Januari {word} Maret 2022")), expected, "{word}");
        }
    }

    #[test]
    fn a_dash_window_reads_with_or_without_spaces_around_the_dash() {
        let expected = dated(&[window((2022, 1), (2022, 2))]);
        for text in
            ["Januari -Februari 2022", "Januari- Februari 2022", "Januari-Februari 2022", "Jan–Feb 2022"]
        {
            assert_eq!(read(text), expected, "{text}");
        }
        assert_eq!(read("Jan-Mar 2022"), dated(&[window((2022, 1), (2022, 3))]));
    }

    #[test]
    fn the_seed_window_with_a_space_inside_s_slash_d_reads() {
        assert_eq!(read("Januari s/ d Desember 2022"), dated(&[window((2022, 1), (2022, 12))]));
    }

    #[test]
    fn spec_table_windows_read_as_one_window_each() {
        assert_eq!(read("Januari s/d Desember 2022"), dated(&[window((2022, 1), (2022, 12))]));
        assert_eq!(read("Januari s.d. Maret 2022"), dated(&[window((2022, 1), (2022, 3))]));
        assert_eq!(read("Januari - Februari 2022"), dated(&[window((2022, 1), (2022, 2))]));
        assert_eq!(read("Januari sampai Juni 2022"), dated(&[window((2022, 1), (2022, 6))]));
    }

    #[test]
    fn a_window_may_cross_a_year_end_when_each_side_has_its_year() {
        assert_eq!(read("Januari 2022 s/d Maret 2023"), dated(&[window((2022, 1), (2023, 3))]));
        assert_eq!(read("Desember 2022 - Februari 2023"), dated(&[window((2022, 12), (2023, 2))]));
    }

    #[test]
    fn a_window_without_years_takes_the_plan_year() {
        assert_eq!(read("April s/d Juni"), dated(&[window((2022, 4), (2022, 6))]));
    }

    #[test]
    fn windows_and_single_months_mix_in_one_list() {
        assert_eq!(
            read("Januari s/d Maret 2022, Juni 2022 dan Juli - Desember"),
            dated(&[window((2022, 1), (2022, 3)), on(2022, 6), window((2022, 7), (2022, 12))])
        );
    }

    #[test]
    fn a_window_from_a_month_to_itself_is_that_month() {
        assert_eq!(read("Juli s/d Juli 2022"), dated(&[on(2022, 7)]));
    }

    // --- spacing and punctuation -------------------------------------------

    #[test]
    fn whitespace_runs_newlines_non_breaking_spaces_and_a_trailing_dot_are_ignored() {
        let expected = dated(&[on(2022, 7), on(2022, 12)]);
        for text in [
            "  Juli,\n\tDesember\u{a0}2022.  ",
            "Juli,\r\nDesember 2022",
            "Juli,\u{200b} Desember\u{202f}2022",
            "Juli, Desember 2022 .",
        ] {
            assert_eq!(read(text), expected, "{text:?}");
        }
        assert_eq!(read("Setiap   bulan."), Due::Every(Recurrence::Monthly));
    }

    // --- recurring ------------------------------------------------------------

    #[test]
    fn monthly_forms_read_as_every_month() {
        for text in
            ["Setiap bulan", "setiap bulan", "Tiap bulan", "per bulan", "Bulanan", "monthly", "Every month"]
        {
            assert_eq!(read(text), Due::Every(Recurrence::Monthly), "{text}");
        }
    }

    #[test]
    fn quarterly_forms_read_as_every_quarter() {
        for text in
            ["Setiap triwulan", "tiap triwulan", "Per Triwulan", "triwulanan", "Quarterly", "every quarter"]
        {
            assert_eq!(read(text), Due::Every(Recurrence::Quarterly), "{text}");
        }
    }

    #[test]
    fn semiannual_forms_read_as_every_semester() {
        for text in [
            "Setiap semester",
            "tiap semester",
            "per semester",
            "Semesteran",
            "every semester",
            "semiannually",
            "setiap 6 bulan",
            "every 6 months",
        ] {
            assert_eq!(read(text), Due::Every(Recurrence::Semiannual), "{text}");
        }
    }

    #[test]
    fn a_recurring_phrase_may_be_followed_by_the_plan_year() {
        assert_eq!(read("Setiap bulan 2022"), Due::Every(Recurrence::Monthly));
        assert_eq!(read("Quarterly 2022"), Due::Every(Recurrence::Quarterly));
        assert_eq!(read("setiap 6 bulan 2022"), Due::Every(Recurrence::Semiannual));
    }

    #[test]
    fn a_recurring_phrase_followed_by_another_year_is_an_error_on_that_year() {
        let text = "Setiap bulan 2023";
        let e = error(text);
        assert_eq!(
            e.kind,
            DueErrorKind::RecurrenceOutsidePlanYear {
                recurrence: Recurrence::Monthly,
                year: 2023,
                plan_year: 2022
            }
        );
        assert_eq!(e.span, 13..17);
        assert_eq!(
            e.message(text, Lang::En),
            "a recurring target time belongs to the plan year 2022, not 2023, in \"Setiap bulan 2023\""
        );
        assert_eq!(
            e.hint(Lang::En),
            "drop the year (\"Setiap bulan\") or move the indicator to the 2023 plan"
        );
        assert_eq!(
            e.message(text, Lang::Id),
            "waktu target berulang berlaku untuk tahun rencana 2022, bukan 2023, dalam \"Setiap bulan 2023\""
        );
        assert_eq!(
            e.hint(Lang::Id),
            "hapus tahunnya (\"Setiap bulan\") atau pindahkan indikator ke rencana 2023"
        );
    }

    #[test]
    fn a_recurring_phrase_followed_by_a_bad_year_is_a_bad_year() {
        let e = error("Setiap triwulan 22");
        assert_eq!(e.kind, DueErrorKind::BadYear { digits: "22".into() });
        assert_eq!(e.span, 16..18);
    }

    #[test]
    fn recurrences_list_their_deadline_months() {
        assert_eq!(Recurrence::Monthly.months().len(), 12);
        assert_eq!(Recurrence::Quarterly.months(), [3, 6, 9, 12]);
        assert_eq!(Recurrence::Semiannual.months(), [6, 12]);
    }

    // --- no deadline -----------------------------------------------------------

    #[test]
    fn setiap_ada_followed_by_anything_is_as_needed() {
        for text in [
            "setiap ada pertemuan",
            "Setiap ada     pertemuan",
            "setiap ada kegiatan",
            "Setiap Ada\nundangan rapat (2022) !!",
            "tiap ada 🙂",
            "setiap ada",
        ] {
            assert_eq!(read(text), Due::AsNeeded, "{text:?}");
        }
    }

    #[test]
    fn sewaktu_waktu_insidental_and_as_needed_are_as_needed() {
        for text in [
            "sewaktu-waktu",
            "Sewaktu-Waktu",
            "sewaktu waktu",
            "sewaktu – waktu",
            "Insidental",
            "as needed",
            "When needed",
            "sesuai kebutuhan",
        ] {
            assert_eq!(read(text), Due::AsNeeded, "{text}");
        }
    }

    // --- display ---------------------------------------------------------------

    #[test]
    fn display_writes_canonical_indonesian() {
        assert_eq!(read("Jul, Dec 2022").to_string(), "Juli 2022, Desember 2022");
        assert_eq!(read("jan-mar 2022").to_string(), "Januari 2022 s/d Maret 2022");
        assert_eq!(read("December 2022 to Feb 2023").to_string(), "Desember 2022 s/d Februari 2023");
        assert_eq!(read("monthly").to_string(), "Setiap bulan");
        assert_eq!(read("per triwulan").to_string(), "Setiap triwulan");
        assert_eq!(read("semesteran").to_string(), "Setiap semester");
        assert_eq!(read("setiap ada pertemuan").to_string(), "Sewaktu-waktu");
        assert_eq!(read("Juli 0005").to_string(), "Juli 0005");
    }

    #[test]
    fn display_reads_back_to_the_same_value_for_the_spec_examples() {
        for text in [
            "Januari 2022",
            "Juli, Desember 2022",
            "Januari s/d Desember 2022",
            "Januari 2022 s/d Maret 2023",
            "Setiap bulan",
            "Setiap triwulan",
            "Setiap semester",
            "setiap ada pertemuan",
        ] {
            let due = read(text);
            assert_eq!(parse(&due.to_string(), 1999), Ok(due), "{text}");
        }
    }

    // --- errors ----------------------------------------------------------------

    #[test]
    fn empty_or_whitespace_only_text_is_empty_over_the_whole_text() {
        for text in ["", "   ", "\n\t", ".", " . ", "\u{a0}"] {
            let e = error(text);
            assert_eq!(e.kind, DueErrorKind::Empty, "{text:?}");
            assert_eq!(e.span, 0..text.len(), "{text:?}");
        }
        let e = error("");
        assert_eq!(e.message("", Lang::En), "the target time is empty");
        assert_eq!(e.message("", Lang::Id), "waktu target kosong");
        assert_eq!(e.hint(Lang::En), ACCEPTED_FORMS_EN);
        assert_eq!(e.hint(Lang::Id), ACCEPTED_FORMS_ID);
    }

    #[test]
    fn a_misspelt_month_is_unknown_with_did_you_mean_in_both_languages() {
        let text = "Pebuari 2022";
        let e = error(text);
        assert_eq!(e.kind, unknown("Pebuari", Some("Februari")));
        assert_eq!(e.span, 0..7);
        assert_eq!(e.message(text, Lang::En), "unknown word \"Pebuari\" in \"Pebuari 2022\"");
        assert_eq!(e.hint(Lang::En), "did you mean \"Februari\"?");
        assert_eq!(e.message(text, Lang::Id), "kata tidak dikenal \"Pebuari\" dalam \"Pebuari 2022\"");
        assert_eq!(e.hint(Lang::Id), "maksud Anda \"Februari\"?");
    }

    #[test]
    fn misspellings_suggest_the_full_name_in_the_language_they_are_close_to() {
        for (text, word, suggestion, span) in [
            ("Agustsu 2022", "Agustsu", "Agustus", 0..7),
            ("Juli, Desembr 2022", "Desembr", "Desember", 6..13),
            ("Juney 2022", "Juney", "June", 0..5),
            ("Septmber 2022", "Septmber", "September", 0..8),
            ("Ocotber 2022", "Ocotber", "October", 0..7),
            ("Agst 2022", "Agst", "Agustus", 0..4),
            ("Mie 2022", "Mie", "Mei", 0..3),
        ] {
            let e = error(text);
            assert_eq!(e.kind, unknown(word, Some(suggestion)), "{text}");
            assert_eq!(e.span, span, "{text}");
        }
    }

    #[test]
    fn a_three_letter_word_is_not_taken_for_an_abbreviation() {
        assert_eq!(error("Yes 2022").kind, unknown("Yes", None));
    }

    #[test]
    fn a_misspelt_grammar_word_suggests_that_word() {
        let e = error("Setiap bulna");
        assert_eq!(e.kind, unknown("bulna", Some("bulan")));
        assert_eq!(e.span, 7..12);
        assert_eq!(error("Januari sampi Maret").kind, unknown("sampi", Some("sampai")));
    }

    #[test]
    fn a_word_nowhere_near_a_month_is_unknown_without_suggestion_and_hints_the_accepted_forms() {
        let text = "besok";
        let e = error(text);
        assert_eq!(e.kind, unknown("besok", None));
        assert_eq!(e.span, 0..5);
        assert_eq!(e.message(text, Lang::En), "unknown word \"besok\" in \"besok\"");
        assert_eq!(e.hint(Lang::En), ACCEPTED_FORMS_EN);
        assert_eq!(e.message(text, Lang::Id), "kata tidak dikenal \"besok\" dalam \"besok\"");
        assert_eq!(e.hint(Lang::Id), ACCEPTED_FORMS_ID);
    }

    #[test]
    fn a_sentence_is_rejected_at_its_first_unknown_word() {
        let text = "Adanya undangan Worshop penyusunan LAKIN setiap";
        let e = error(text);
        assert_eq!(e.kind, unknown("Adanya", None));
        assert_eq!(e.span, 0..6);
        assert_eq!(e.message(text, Lang::En), format!("unknown word \"Adanya\" in \"{text}\""));
    }

    #[test]
    fn an_unknown_word_after_a_recurrence_word_is_blamed_not_the_recurrence_word() {
        let e = error("setiap minggu");
        assert_eq!(e.kind, unknown("minggu", None));
        assert_eq!(e.span, 7..13);
    }

    #[test]
    fn an_unknown_word_span_leaves_out_its_trailing_dot() {
        let e = error("Pebuari. 2022");
        assert_eq!(e.kind, unknown("Pebuari", Some("Februari")));
        assert_eq!(e.span, 0..7);
    }

    #[test]
    fn an_unknown_multibyte_word_is_spanned_on_char_boundaries() {
        let text = "Pébruari 2022";
        let e = error(text);
        assert_eq!(e.kind, unknown("Pébruari", Some("Februari")));
        assert_eq!(e.span, 0..9);
        let text = "Juli 🙂 2022";
        let e = error(text);
        assert_eq!(e.kind, unknown("🙂", None));
        assert_eq!(&text[e.span.clone()], "🙂");
    }

    #[test]
    fn the_message_quotes_the_text_on_one_line() {
        let text = "  Pebuari\n\n2022 ";
        assert_eq!(error(text).message(text, Lang::En), "unknown word \"Pebuari\" in \"Pebuari 2022\"");
    }

    #[test]
    fn a_year_alone_is_missing_its_month() {
        let text = "2022";
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::MissingMonth { year: 2022 });
        assert_eq!(e.span, 0..4);
        assert_eq!(e.message(text, Lang::En), "year 2022 has no month in \"2022\"");
        assert_eq!(e.hint(Lang::En), "write the month, then its year (\"Juli 2022\")");
        assert_eq!(e.message(text, Lang::Id), "tahun 2022 tanpa bulan dalam \"2022\"");
        assert_eq!(e.hint(Lang::Id), "tulis bulan, lalu tahunnya (\"Juli 2022\")");
    }

    #[test]
    fn a_second_year_in_a_row_is_missing_its_month() {
        let e = error("Januari 2022 2023");
        assert_eq!(e.kind, DueErrorKind::MissingMonth { year: 2023 });
        assert_eq!(e.span, 13..17);
        assert_eq!(error("Juli, 2022").kind, DueErrorKind::MissingMonth { year: 2022 });
    }

    #[test]
    fn a_range_word_with_nothing_after_it_is_dangling() {
        let text = "Januari s/d";
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::DanglingRange { word: "s/d".into() });
        assert_eq!(e.span, 8..11);
        assert_eq!(e.message(text, Lang::En), "\"s/d\" needs a month on both sides in \"Januari s/d\"");
        assert_eq!(e.hint(Lang::En), "write a window as \"Januari s/d Maret 2022\"");
        assert_eq!(e.message(text, Lang::Id), "\"s/d\" perlu bulan di kedua sisinya dalam \"Januari s/d\"");
        assert_eq!(e.hint(Lang::Id), "tulis rentang seperti \"Januari s/d Maret 2022\"");
    }

    #[test]
    fn a_range_word_without_a_month_on_one_side_is_dangling_at_that_word() {
        for (text, word, span) in [
            ("s/d Maret 2022", "s/d", 0..3),
            ("Januari sampai dengan", "sampai dengan", 8..21),
            ("Januari s/d 2022", "s/d", 8..11),
            ("Januari -, Maret", "-", 8..9),
            ("Juli, - Desember", "-", 6..7),
            ("Januari s.d.", "s.d", 8..11),
        ] {
            let e = error(text);
            assert_eq!(e.kind, DueErrorKind::DanglingRange { word: word.into() }, "{text}");
            assert_eq!(e.span, span, "{text}");
        }
    }

    #[test]
    fn a_window_that_ends_before_it_starts_is_backwards() {
        let text = "Maret s/d Januari 2022";
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::WindowBackwards { first: ym(2022, 3), last: ym(2022, 1) });
        assert_eq!(e.span, 0..17);
        assert_eq!(
            e.message(text, Lang::En),
            "the window from March 2022 to January 2022 ends before it starts in \"Maret s/d Januari 2022\""
        );
        assert_eq!(
            e.hint(Lang::En),
            "put the earlier month first; a window across a year end needs both years \
             (\"Desember 2022 s/d Februari 2023\")"
        );
        assert_eq!(
            e.message(text, Lang::Id),
            "rentang Maret 2022 s/d Januari 2022 berakhir sebelum dimulai dalam \"Maret s/d Januari 2022\""
        );
        assert_eq!(
            e.hint(Lang::Id),
            "tulis bulan yang lebih awal dulu; rentang yang melewati akhir tahun perlu kedua tahunnya \
             (\"Desember 2022 s/d Februari 2023\")"
        );
    }

    #[test]
    fn a_window_across_a_year_end_with_one_year_is_backwards() {
        let e = error("Desember s/d Februari 2023");
        assert_eq!(e.kind, DueErrorKind::WindowBackwards { first: ym(2023, 12), last: ym(2023, 2) });
        assert_eq!(error("Maret 2023 s/d Januari 2022").span, 0..22);
    }

    #[test]
    fn a_year_that_is_not_four_digits_from_0001_to_9999_is_a_bad_year() {
        for (text, digits, span) in [
            ("Januari 0", "0", 8..9),
            ("Januari 0000", "0000", 8..12),
            ("Januari 22", "22", 8..10),
            ("Januari 20222", "20222", 8..13),
            ("Januari 99999999999999999999", "99999999999999999999", 8..28),
            ("99999999999999999999", "99999999999999999999", 0..20),
        ] {
            let e = error(text);
            assert_eq!(e.kind, DueErrorKind::BadYear { digits: digits.into() }, "{text}");
            assert_eq!(e.span, span, "{text}");
        }
        let e = error("Januari 0");
        assert_eq!(e.message("Januari 0", Lang::En), "\"0\" is not a year in \"Januari 0\"");
        assert_eq!(e.hint(Lang::En), "write the year with four digits, from 0001 to 9999 (\"Juli 2022\")");
        assert_eq!(e.message("Januari 0", Lang::Id), "\"0\" bukan tahun dalam \"Januari 0\"");
        assert_eq!(e.hint(Lang::Id), "tulis tahun dengan empat angka, 0001 sampai 9999 (\"Juli 2022\")");
    }

    #[test]
    fn known_words_out_of_place_are_misplaced() {
        for (text, word, span) in [
            (", Juli 2022", ",", 0..1),
            ("dan Juli 2022", "dan", 0..3),
            ("Juli, , Desember", ",", 6..7),
            ("Juli, Desember 2022,", ",", 19..20),
            ("Juli 2022 dan", "dan", 10..13),
            ("Januari s/d Maret s/d Mei", "s/d", 18..21),
            ("Juli setiap bulan", "setiap", 5..11),
            ("Juli/Desember 2022", "/", 4..5),
            ("Januari dengan Maret", "dengan", 8..14),
        ] {
            let e = error(text);
            assert_eq!(e.kind, DueErrorKind::Misplaced { word: word.into() }, "{text}");
            assert_eq!(e.span, span, "{text}");
        }
        let text = "Juli setiap bulan";
        let e = error(text);
        assert_eq!(e.message(text, Lang::En), "\"setiap\" is out of place in \"Juli setiap bulan\"");
        assert_eq!(e.message(text, Lang::Id), "\"setiap\" tidak pada tempatnya dalam \"Juli setiap bulan\"");
        assert_eq!(e.hint(Lang::En), ACCEPTED_FORMS_EN);
    }

    #[test]
    fn a_month_without_year_under_an_invalid_plan_year_is_an_error_not_a_panic() {
        let text = "Januari, Juli";
        let e = parse(text, 0).unwrap_err();
        assert_eq!(e.kind, DueErrorKind::PlanYearOutOfRange { plan_year: 0 });
        assert_eq!(e.span, 0..7);
        assert!(e.message(text, Lang::En).contains("0 is not a valid year"));
        assert_eq!(parse("Januari 2022", 0), Ok(dated(&[on(2022, 1)])));
    }

    #[test]
    fn message_with_a_mismatched_text_does_not_panic() {
        let e = error("Januari 2022 2023");
        assert_eq!(e.message("", Lang::En), "year 2023 has no month in \"\"");
    }

    // --- properties --------------------------------------------------------------

    /// Err spans lie inside the text, on char boundaries; Ok values read back.
    fn check(text: &str, plan_year: i32) -> Result<(), TestCaseError> {
        match parse(text, plan_year) {
            Ok(due) => prop_assert_eq!(parse(&due.to_string(), plan_year), Ok(due)),
            Err(e) => {
                prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{:?}", e);
                prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
                prop_assert!(!e.message(text, Lang::En).is_empty());
                prop_assert!(!e.hint(Lang::Id).is_empty());
            }
        }
        Ok(())
    }

    const TOKENS: &[&str] = &[
        "Januari",
        "jan.",
        "Pebruari",
        "Mei",
        "June",
        "Agt",
        "Sept.",
        "Nopember",
        "Des",
        "Pebuari",
        "2022",
        "2023",
        "0000",
        "0",
        "22",
        "99999999999999999999",
        ",",
        ";",
        "&",
        "dan",
        "and",
        "s/d",
        "s/",
        "d",
        "s.d.",
        "s.",
        "sd",
        "sampai",
        "dengan",
        "hingga",
        "-",
        "–",
        "—",
        "to",
        "/",
        ".",
        "setiap",
        "tiap",
        "per",
        "ada",
        "bulan",
        "triwulan",
        "semester",
        "6",
        "every",
        "month",
        "sewaktu",
        "waktu",
        "as",
        "needed",
        "é",
        "🙂",
        "İ",
        "\u{200b}",
        "\u{301}",
    ];
    const GAPS: &[&str] = &["", " ", "  ", "\n", "\u{a0}", "\t"];

    fn grammar_text() -> impl Strategy<Value = String> {
        prop::collection::vec((prop::sample::select(TOKENS), prop::sample::select(GAPS)), 0..8)
            .prop_map(|parts| parts.into_iter().map(|(token, gap)| format!("{token}{gap}")).collect())
    }

    fn year_month() -> impl Strategy<Value = YearMonth> {
        // Not past 9997 so that a window's end, up to 24 months on, is still a valid year.
        (1..=9997i32, 1..=12u32).prop_map(|(year, month)| ym(year, month))
    }

    fn term() -> impl Strategy<Value = Term> {
        (year_month(), 0..24usize).prop_map(|(first, length)| Term {
            first,
            last: first.through(ym(9999, 12)).nth(length).unwrap_or(first),
        })
    }

    fn due() -> impl Strategy<Value = Due> {
        prop_oneof![
            prop::collection::vec(term(), 1..6).prop_map(Due::Dated),
            prop::sample::select(vec![Recurrence::Monthly, Recurrence::Quarterly, Recurrence::Semiannual])
                .prop_map(Due::Every),
            Just(Due::AsNeeded),
        ]
    }

    proptest! {
        #[test]
        fn any_text_parses_or_fails_with_a_span_on_char_boundaries(text in ".*", plan_year in -3..10_003i32) {
            check(&text, plan_year)?;
        }

        #[test]
        fn texts_built_from_grammar_tokens_parse_or_fail_cleanly(text in grammar_text()) {
            check(&text, PLAN_YEAR)?;
        }

        #[test]
        fn any_value_displays_as_text_that_reads_back_to_it(due in due(), plan_year in 1..=9999i32) {
            prop_assert_eq!(parse(&due.to_string(), plan_year), Ok(due));
        }

        /// The printed form names every year, so it means the same deadlines
        /// in any plan (a recurrence has none of its own and is printed bare).
        #[test]
        fn a_text_read_and_printed_gives_the_same_deadlines_under_any_plan_year(
            text in grammar_text(),
            other_year in 1..=9999i32,
        ) {
            if let Ok(due) = parse(&text, PLAN_YEAR) {
                let printed = due.to_string();
                let again = parse(&printed, other_year);
                prop_assert_eq!(&again, &Ok(due), "{:?} printed as {:?}", text, printed);
            }
        }
    }
}
