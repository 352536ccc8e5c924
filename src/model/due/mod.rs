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

/// The month a word names, in any spelling the grammar reads ("Juli",
/// "Agt", "Pebruari", "December"), whatever its case.
pub(crate) fn month_of_word(word: &str) -> Option<u32> {
    month_number(&word.to_lowercase())
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

/// A part of the year a window can be named by.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Part {
    Quarter,
    Half,
}

impl Part {
    fn count(self) -> u32 {
        match self {
            Part::Quarter => 4,
            Part::Half => 2,
        }
    }

    /// The months of part `n` (1-based).
    fn months(self, n: u32) -> (u32, u32) {
        let length = 12 / self.count();
        (n * length - length + 1, n * length)
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Tok {
    Month(u32),
    /// A window of months named as a whole: a quarter or half year (with
    /// its part and number, so that `TW I s/d IV` can count on), or the
    /// year.
    Window {
        first: u32,
        last: u32,
        part: Option<(Part, u32)>,
    },
    /// A day of the month that follows ("31 Juli").
    Day(u32),
    /// A whole date, `2022-07-31`.
    Date {
        year: i32,
        month: u32,
        day: u32,
    },
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
    let mut tokens: Vec<Token> = Vec::new();
    let mut i = 0;
    // The part the last window was named by, for a bare number after a
    // list or range word: "Triwulan I dan III", "TW I s/d IV".
    let mut part: Option<Part> = None;
    while let Some(lexeme) = lexemes.get(i) {
        if let Some((tok, len)) = named(text, &lexemes[i..], part, tokens.last())? {
            let end = lexemes[i + len - 1].span.end;
            let span = lexeme.span.start..end;
            i += len;
            match tok {
                // Words that only say what a month deadline means already.
                None => {}
                Some(tok) => {
                    part = match tok {
                        Tok::Window { part: Some((p, _)), .. } => Some(p),
                        _ => None,
                    };
                    push_window(&mut tokens, tok, span)?;
                }
            }
            continue;
        }
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
        if !matches!(tok, Tok::Range | Tok::Separator) {
            part = None;
        }
        let end = lexemes.get(i + len - 1).map_or(lexeme.span.end, |l| l.span.end);
        tokens.push(Token { tok, span: lexeme.span.start..end });
        i += len;
    }
    Ok(tokens)
}

/// Pushes `tok`; a numbered window after a range word from a window of the
/// same part becomes every part in between, each its own window.
fn push_window(tokens: &mut Vec<Token>, tok: Tok, span: Range<usize>) -> Result<(), DueError> {
    let Tok::Window { part: Some((part, to)), .. } = tok else {
        tokens.push(Token { tok, span });
        return Ok(());
    };
    let from = match tokens.as_slice() {
        [.., Token { tok: Tok::Window { part: Some((p, from)), .. }, .. }, Token { tok: Tok::Range, span: range }]
            if *p == part =>
        {
            if to <= *from {
                let word = clip(&format!("{from}–{to}"), MAX_QUOTED_WORD);
                return Err(DueError::new(DueErrorKind::Misplaced { word }, range.clone()));
            }
            *from
        }
        _ => {
            tokens.push(Token { tok, span });
            return Ok(());
        }
    };
    tokens.pop();
    for n in from + 1..=to {
        let (first, last) = part.months(n);
        tokens.push(Token { tok: Tok::Separator, span: span.clone() });
        tokens.push(Token { tok: Tok::Window { first, last, part: Some((part, n)) }, span: span.clone() });
    }
    Ok(())
}

/// What the lexemes at the start of `rest` name beyond single words: a
/// date, a day before a month, a quarter, a half year, the whole year, or
/// words meaning "the end of" before a month (`Some((None, len))`). `part`
/// is the part a bare number continues, after a list or range word.
#[allow(clippy::type_complexity)]
fn named(
    text: &str,
    rest: &[Lexeme],
    part: Option<Part>,
    previous: Option<&Token>,
) -> Result<Option<(Option<Tok>, usize)>, DueError> {
    let digits = |i: usize| rest.get(i).filter(|l| l.raw == Raw::Digits).map(|l| &text[l.span.clone()]);
    let dash = |i: usize| rest.get(i).is_some_and(|l| l.raw == Raw::Dash);
    let word = |i: usize| rest.get(i).and_then(Lexeme::word);
    let is_month = |i: usize| word(i).is_some_and(|w| month_number(w).is_some());
    // 2022-07-31
    if let (Some(y), true, Some(m), true, Some(d)) = (digits(0), dash(1), digits(2), dash(3), digits(4)) {
        if y.len() == 4 && (1..=2).contains(&m.len()) && (1..=2).contains(&d.len()) {
            let span = rest[0].span.start..rest[4].span.end;
            let year = year_of(y).ok_or_else(|| bad_year(y, rest[0].span.clone()))?;
            let (month, day) = (m.parse().unwrap_or(0), d.parse().unwrap_or(0));
            let at = YearMonth::new(year, month).ok_or_else(|| {
                DueError::new(
                    DueErrorKind::UnknownWord {
                        word: clip(&text[span.clone()], MAX_QUOTED_WORD),
                        suggestion: None,
                    },
                    span.clone(),
                )
            })?;
            if !day_exists(at, day) {
                return Err(DueError::new(DueErrorKind::NoSuchDay { day, month: at }, span));
            }
            return Ok(Some((Some(Tok::Date { year, month, day }), 5)));
        }
    }
    // 31 Juli
    if let Some(d) = digits(0).filter(|d| d.len() <= 2) {
        if is_month(1) {
            return Ok(Some((Some(Tok::Day(d.parse().unwrap_or(0))), 1)));
        }
    }
    // Akhir Juni, akhir bulan Juni, end of June
    for phrase in END_OF {
        if (0..phrase.len()).all(|i| word(i) == Some(phrase[i])) && is_month(phrase.len()) {
            return Ok(Some((None, phrase.len())));
        }
    }
    // Triwulan I, TW 2, Q3, Semester II, S1; and a bare number continuing them.
    let ordinal_at = |i: usize| word(i).or(digits(i)).and_then(ordinal);
    let named_part = word(0).and_then(|w| {
        if QUARTER_WORDS.contains(&w) {
            Some(Part::Quarter)
        } else if SEMESTER_WORDS.contains(&w) {
            Some(Part::Half)
        } else {
            None
        }
    });
    let after_joint = matches!(previous, Some(Token { tok: Tok::Range | Tok::Separator, .. }));
    let (found, number, len) = match (named_part, part) {
        (Some(p), _) if ordinal_at(1).is_some() => (p, ordinal_at(1), 2),
        (None, Some(p)) if after_joint && ordinal_at(0).is_some() => (p, ordinal_at(0), 1),
        _ => (Part::Quarter, None, 0),
    };
    if let Some(n) = number {
        if n > found.count() {
            let span = rest[0].span.start..rest[len - 1].span.end;
            let word = clip(&text[span.clone()], MAX_QUOTED_WORD);
            return Err(DueError::new(DueErrorKind::NoSuchPart { word, parts: found.count() }, span));
        }
        let (first, last) = found.months(n);
        return Ok(Some((Some(Tok::Window { first, last, part: Some((found, n)) }), len)));
    }
    // Tahun 2022, sepanjang tahun
    for phrase in YEAR_WORDS {
        if (0..phrase.len()).all(|i| word(i) == Some(phrase[i])) {
            return Ok(Some((Some(Tok::Window { first: 1, last: 12, part: None }), phrase.len())));
        }
    }
    Ok(None)
}

fn day_exists(month: YearMonth, day: u32) -> bool {
    chrono::NaiveDate::from_ymd_opt(month.year(), month.month(), day).is_some()
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
    /// A deadline day in the month ("31 Juli").
    day: Option<u32>,
    /// A whole date's: no later year applies to it.
    dated: bool,
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
    // A day read before its month, and where.
    let mut day: Option<(u32, &Range<usize>)> = None;
    let mut unyeared = 0;
    let mut previous: Option<&Tok> = None;
    for Token { tok, span } in tokens {
        if let (Some((_, range)), false) = (open, matches!(tok, Tok::Month(_) | Tok::Day(_))) {
            return Err(dangling(range));
        }
        if let (Some((_, at)), false) = (day, matches!(tok, Tok::Month(_))) {
            return Err(misplaced(at));
        }
        let after_item =
            matches!(previous, Some(Tok::Month(_) | Tok::Number(_) | Tok::Window { .. } | Tok::Date { .. }));
        match tok {
            Tok::Month(month) => {
                let day = day.take().map(|(d, _)| d);
                marks.push(Mark { month: *month, year: None, day, dated: false, span: span.clone() });
                let at = marks.len() - 1;
                let first = open.take().map_or(at, |(first, _)| first);
                items.push(Item { first, last: at });
            }
            Tok::Day(d) => day = Some((*d, span)),
            Tok::Window { first, last, .. } => {
                for month in [*first, *last] {
                    marks.push(Mark { month, year: None, day: None, dated: false, span: span.clone() });
                }
                items.push(Item { first: marks.len() - 2, last: marks.len() - 1 });
            }
            Tok::Date { year, month, day } => {
                let mark = Mark {
                    month: *month,
                    year: Some(*year),
                    day: Some(*day),
                    dated: true,
                    span: span.clone(),
                };
                marks.push(mark);
                items.push(Item { first: marks.len() - 1, last: marks.len() - 1 });
            }
            Tok::Number(year) => {
                let year = year.ok_or_else(|| bad_year(&text[span.clone()], span.clone()))?;
                if !matches!(previous, Some(Tok::Month(_) | Tok::Window { .. })) {
                    return Err(DueError::new(DueErrorKind::MissingMonth { year }, span.clone()));
                }
                marks[unyeared..].iter_mut().filter(|m| !m.dated).for_each(|mark| mark.year = Some(year));
                unyeared = marks.len();
            }
            Tok::Separator if after_item => {}
            Tok::Range if after_item => match items.pop() {
                Some(item) if item.first == item.last && !marks[item.first].dated => {
                    open = Some((item.first, span))
                }
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
    if let Some((_, at)) = day {
        return Err(misplaced(at));
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
            let term = Term { first: resolved(first)?, last: resolved(last)?, day: last.day };
            if term.last < term.first {
                let kind = DueErrorKind::WindowBackwards { first: term.first, last: term.last };
                return Err(DueError::new(kind, first.span.start..last.span.end));
            }
            if let Some(day) = term.day.filter(|&d| !day_exists(term.last, d)) {
                return Err(DueError::new(
                    DueErrorKind::NoSuchDay { day, month: term.last },
                    last.span.clone(),
                ));
            }
            Ok(term)
        })
        .collect()
}

#[cfg(test)]
mod named_tests;
#[cfg(test)]
pub(crate) mod tests;
