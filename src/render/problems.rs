//! The one renderer of problems and of "cannot run" errors: a headline with
//! the severity and code, the place, the source line with a caret under the
//! part that is wrong, and the hint — the same shape for every problem zi
//! reports, in the chosen language.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::sync::Arc;

use crate::problem::{Fatal, Kind, Problem, Severity, UsageError};
use crate::render::escape::escape;
use crate::text::Lang;

/// What is wrong, in words.
pub(crate) fn message(problem: &Problem, lang: Lang) -> String {
    lang.catalogue().problem(&problem.kind)
}

/// The next step, in words.
pub(crate) fn hint(problem: &Problem, lang: Lang) -> String {
    lang.catalogue().hint(&problem.kind)
}

pub(crate) fn severity_label(severity: Severity, lang: Lang) -> &'static str {
    let l = lang.labels();
    match severity {
        Severity::Error => l.error,
        Severity::Warning => l.warning,
    }
}

/// Renders like a compiler: headline, place, source line with a caret, hint.
/// `line` is the source line the problem points at, when it can be quoted.
pub(crate) fn problem(problem: &Problem, line: Option<&str>, lang: Lang) -> String {
    let mut out = String::with_capacity(256);
    push_problem(&mut out, problem, line, &mut Said::escaped(lang));
    out
}

/// `problem` pushed onto `out`, its words asked of `said`: `zi check`
/// renders a problem for every third evidence file of a large plan, and a
/// part's problems share one buffer and the words they have in common.
pub(crate) fn push_problem(out: &mut String, problem: &Problem, line: Option<&str>, said: &mut Said) {
    let lang = said.lang;
    let (message, hint) = said.of(problem);
    out.push_str(severity_label(problem.severity, lang));
    out.push('[');
    out.push_str(problem.code().name());
    out.push_str("]: ");
    out.push_str(message);
    out.push_str("\n  --> ");
    // The place as `Problem::place` gives it: digits and colons need no escape.
    out.push_str(&escape(&problem.path));
    if let Some(at) = problem.at {
        let _ = write!(out, ":{}:{}", at.line, at.column);
    }
    out.push('\n');
    if let (Some(at), Some(line)) = (problem.at, line) {
        let number = at.line.to_string();
        let pad = " ".repeat(number.len());
        let (shown, caret_at) = excerpt(line, at.column.saturating_sub(1) as usize);
        // The caret stays under its place when what comes before it is escaped.
        let caret_at = escape(&shown.chars().take(caret_at).collect::<String>()).chars().count();
        let shown = escape(&shown);
        let _ = writeln!(out, " {pad} |\n {number} | {shown}");
        let _ =
            writeln!(out, " {pad} | {}{}", " ".repeat(caret_at), "^".repeat(at.width.clamp(1, 80) as usize));
    }
    push_hint(out, hint, lang);
}

/// What the stray files of one indicator share: its documents and plan file.
type Shared = (Arc<[Arc<str>]>, Arc<str>);

/// A problem's message and hint in one language, made once for a run of
/// problems that say the same: the stray files of one indicator share
/// their kind's document list and plan file (the same `Arc`s), and so
/// their words, which name every document.
pub(crate) struct Said {
    lang: Lang,
    /// Whether the words are escaped for a terminal (JSON carries them as
    /// they are).
    escaped: bool,
    /// The shared lists of the last `unmatched-file` problem said, held
    /// so that their addresses cannot be taken by other lists.
    last: Option<Shared>,
    message: String,
    hint: String,
}

impl Said {
    /// Words escaped for a terminal.
    pub(crate) fn escaped(lang: Lang) -> Said {
        Said { lang, escaped: true, last: None, message: String::new(), hint: String::new() }
    }

    /// Words as they are.
    pub(crate) fn raw(lang: Lang) -> Said {
        Said { escaped: false, ..Said::escaped(lang) }
    }

    /// The message and hint of `problem`.
    pub(crate) fn of(&mut self, problem: &Problem) -> (&str, &str) {
        let key = match &problem.kind {
            Kind::UnmatchedFile { documents, plan_file, looks_like: None } => Some((documents, plan_file)),
            _ => None,
        };
        let same = match (key, &self.last) {
            (Some((documents, plan_file)), Some((last_documents, last_plan_file))) => {
                Arc::ptr_eq(documents, last_documents) && Arc::ptr_eq(plan_file, last_plan_file)
            }
            _ => false,
        };
        if !same {
            self.last = key.map(|(documents, plan_file)| (documents.clone(), plan_file.clone()));
            self.message = self.words(message(problem, self.lang));
            self.hint = self.words(hint(problem, self.lang));
        }
        (&self.message, &self.hint)
    }

    fn words(&self, text: String) -> String {
        match self.escaped.then(|| escape(&text)) {
            Some(Cow::Owned(escaped)) => escaped,
            _ => text,
        }
    }
}

/// A reason zi cannot run, in the same shape: headline and hint.
pub(crate) fn fatal(fatal: &Fatal, lang: Lang) -> String {
    let (message, hint) = lang.catalogue().fatal(fatal);
    let mut out = format!("{}: {}\n", lang.labels().error, escape(&message));
    push_hint(&mut out, &escape(&hint), lang);
    out
}

/// A command line zi cannot read: what is wrong, what may have been meant,
/// the usage line and where to read more.
pub(crate) fn usage(error: &UsageError, lang: Lang) -> String {
    let catalogue = lang.catalogue();
    let words = catalogue.help_words();
    // The message's own line breaks stay; what the user typed is escaped.
    let message: Vec<String> =
        catalogue.usage_message(&error.kind).lines().map(|l| escape(l).into_owned()).collect();
    let mut out = format!("{}: {}\n", lang.labels().error, message.join("\n"));
    if !error.tips.is_empty() {
        out.push('\n');
        for tip in &error.tips {
            let _ = writeln!(out, "  {}: {}", words.tip, escape(&catalogue.usage_tip(tip)));
        }
    }
    if let Some(usage) = &error.usage {
        let _ = write!(out, "\n{} {usage}\n", words.usage);
    }
    let _ = write!(out, "\n{}\n", words.more_information);
    out
}

fn push_hint(out: &mut String, hint: &str, lang: Lang) {
    if !hint.is_empty() {
        out.push_str("   = ");
        out.push_str(lang.labels().hint);
        out.push_str(": ");
        out.push_str(hint);
        out.push('\n');
    }
}

/// How many characters of a source line a rendered problem shows.
const EXCERPT_CHARS: usize = 120;

/// The part of `line` around character `column` (0-based) that fits in
/// `EXCERPT_CHARS`, with `…` where it was cut, and where the caret goes in it.
/// A 10,000-character line still shows the place that is wrong.
fn excerpt(line: &str, column: usize) -> (String, usize) {
    let chars: Vec<char> = line.chars().collect();
    if chars.len() <= EXCERPT_CHARS {
        return (line.to_string(), column.min(chars.len()));
    }
    let column = column.min(chars.len());
    let start = column.saturating_sub(EXCERPT_CHARS / 2).min(chars.len() - EXCERPT_CHARS);
    let end = start + EXCERPT_CHARS;
    let mut shown = String::new();
    if start > 0 {
        shown.push('…');
    }
    shown.extend(&chars[start..end]);
    if end < chars.len() {
        shown.push('…');
    }
    (shown, column - start + usize::from(start > 0))
}

/// Problems without excerpts (of a spreadsheet, of last year's plan), one
/// after the other as `zi check` shows them.
pub(crate) fn write_all(
    problems: &[Problem],
    lang: Lang,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    for p in problems {
        writeln!(out, "{}", problem(p, None, lang))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::problem::{At, Kind};

    #[test]
    fn a_problem_shows_place_source_line_caret_and_hint() {
        let text = "indicator = \"x\"\nevidnce = []\n";
        let kind =
            Kind::UnknownKey { key: "evidnce".into(), suggestion: Some("evidence"), known: &["evidence"] };
        let p = Problem::new(kind, "plan/1-a/1-b/1-c.toml").at(At::of_span(text, 16..23));
        assert_eq!(
            problem(&p, Some("evidnce = []"), Lang::En),
            "error[unknown-key]: unknown key `evidnce`\n  --> plan/1-a/1-b/1-c.toml:2:1\n   |\n 2 | evidnce = []\n   | ^^^^^^^\n   = hint: did you mean `evidence`?\n"
        );
    }

    #[test]
    fn a_long_line_shows_the_part_around_the_column_with_the_caret_under_it() {
        let line = format!("{}bad = 1", " ".repeat(5_000));
        let p = Problem::new(Kind::NoDue, "p.toml").at(At { line: 3, column: 5_001, width: 3 });
        let rendered = problem(&p, Some(&line), Lang::En);
        let lines: Vec<&str> = rendered.lines().collect();
        let source = lines.iter().find(|l| l.starts_with(" 3 | ")).unwrap();
        let caret = lines.iter().find(|l| l.trim_end().ends_with('^')).unwrap();
        assert!(source.chars().count() < 200, "{source}");
        let caret_column = caret.chars().position(|c| c == '^').unwrap();
        let under: String = source.chars().skip(caret_column).take(3).collect();
        assert_eq!(under, "bad");
    }

    #[test]
    fn excerpt_keeps_short_lines_whole_and_cuts_long_ones_at_both_ends() {
        assert_eq!(excerpt("abc", 1), ("abc".to_string(), 1));
        let long = "é".repeat(1_000);
        let (shown, caret) = excerpt(&long, 500);
        assert!(shown.starts_with('…') && shown.ends_with('…'));
        assert_eq!(shown.chars().count(), EXCERPT_CHARS + 2);
        assert_eq!(caret, 500 - (500 - EXCERPT_CHARS / 2) + 1);
        let (shown, caret) = excerpt(&long, 999);
        assert!(shown.starts_with('…') && !shown.ends_with('…'));
        assert_eq!(shown.chars().nth(caret), Some('é'));
    }

    #[test]
    fn a_reason_not_to_run_has_the_same_hint_line_in_both_languages() {
        let fatal_ = Fatal::UnknownRevision { rev: "v9".into() };
        assert_eq!(
            fatal(&fatal_, Lang::En),
            "error: unknown revision `v9`\n   = hint: name a commit, e.g. HEAD~1, a branch, a tag or a hash (`git log --oneline`)\n"
        );
        assert!(fatal(&fatal_, Lang::Id).starts_with("kesalahan: revisi `v9` tidak dikenal\n   = saran: "));
    }
}
