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

mod value;
mod words;

use std::ops::Range;

use crate::model::month::YearMonth;
use crate::model::quote::clip;
pub(crate) use value::{Due, DueError, DueErrorKind, Recurrence, Term};
use words::*;

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

/// Messages quote what the user wrote, but a 10,000-character cell would
/// drown the message: quotes are cut to these many characters.
const MAX_QUOTED_TEXT: usize = 80;
const MAX_QUOTED_WORD: usize = 40;

/// The text trimmed and with whitespace runs collapsed, for quoting in a one-line message.
fn one_line(text: &str) -> String {
    text.split(is_space).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
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
pub(crate) mod tests;
