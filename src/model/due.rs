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
use crate::model::month::{name_in, NAMES_EN, NAMES_ID};
use crate::model::quote::clip;

/// When an indicator's evidence is due.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Due {
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
pub(crate) struct Term {
    pub(crate) first: YearMonth,
    pub(crate) last: YearMonth,
}

impl Term {
    /// A single deadline month.
    #[cfg(test)]
    pub(crate) fn month(at: YearMonth) -> Self {
        Self { first: at, last: at }
    }

    /// Whether the term covers more than one month.
    pub(crate) fn is_window(self) -> bool {
        self.first != self.last
    }
}

/// How often a recurring target time falls due within the plan year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Recurrence {
    Monthly,
    Quarterly,
    Semiannual,
}

impl Recurrence {
    /// The canonical Indonesian phrase; `parse` reads it back.
    pub(crate) fn phrase(self) -> &'static str {
        match self {
            Recurrence::Monthly => "Setiap bulan",
            Recurrence::Quarterly => "Setiap triwulan",
            Recurrence::Semiannual => "Setiap semester",
        }
    }
}

/// Why a `due` text could not be read, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct DueError {
    pub(crate) kind: DueErrorKind,
    /// Byte range in the input text of the offending word (the whole text for `Empty`).
    pub(crate) span: Range<usize>,
}

/// What is wrong with a `due` text; each kind has its own message and hint.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DueErrorKind {
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
}

/// `text` as a message quotes it: on one line, cut to a readable length.
pub(crate) fn quoted(text: &str) -> String {
    clip(&one_line(text), MAX_QUOTED_TEXT)
}

/// Reads a `due` text. Months without a year take `plan_year`.
pub(crate) fn parse(text: &str, plan_year: i32) -> Result<Due, DueError> {
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
            write!(f, "{} s/d {}", month_year(self.first), month_year(self.last))
        } else {
            f.write_str(&month_year(self.first))
        }
    }
}

/// `Juli 2022`; four-digit years so that early years read back too.
fn month_year(at: YearMonth) -> String {
    format!("{} {:04}", name_in(&NAMES_ID, at.month()), at.year())
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

/// Every accepted month spelling, and the names (Indonesian or English)
/// that a misspelling close to it is corrected to.
const MONTH_SPELLINGS: &[(&str, u32, &[&str; 12])] = &[
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
const MONTH_ABBREVIATIONS: &[(&str, u32, &[&str; 12])] = &[
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
mod tests;
