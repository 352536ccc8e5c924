//! The words reports share: labels of statuses and states, dates, periods,
//! fractions, the overdue summary, the sections of a diff.

use crate::judge::changes::{
    Changes, FileChange, FileChangeKind, Named, PeriodChange, PeriodChangeKind, TargetChange,
};
use crate::judge::evaluate::{DocumentName, Evaluation, IndicatorReport, PeriodState, Progress, Status};
use crate::judge::overdue::{Entry, Lateness};
use crate::judge::score::AnswerValue;
use crate::judge::view::{DiffView, StatusCounts};
use crate::model::month::YearMonth;
use crate::model::schedule::Period;
use crate::problem::{HookMessage, Note};
use crate::render::problems;
use crate::render::renderer::Style;
use crate::text::Lang;

/// The label of a status in a language.
pub(crate) trait StatusLabel {
    fn label(self, lang: Lang) -> &'static str;
}

impl StatusLabel for Status {
    fn label(self, lang: Lang) -> &'static str {
        let l = lang.labels();
        match self {
            Status::Done => l.status_done,
            Status::OnTrack => l.status_on_track,
            Status::Due => l.status_due,
            Status::Overdue => l.status_overdue,
            Status::Occurrences => l.status_occurrences,
            Status::Invalid => l.status_invalid,
        }
    }
}

/// "2 overdue", "1 as needed": a count of indicators with a status.
pub(crate) fn status_count(status: Status, n: usize, lang: Lang) -> String {
    let label = match status {
        Status::Occurrences => lang.labels().status_occurrences_count,
        other => other.label(lang),
    };
    format!("{n} {label}")
}

/// "2 terlambat, 1 jatuh tempo, 3 selesai", most urgent first.
pub(crate) fn counts_summary(counts: &StatusCounts, lang: Lang) -> String {
    Status::ALL
        .iter()
        .filter(|s| counts.get(**s) > 0)
        .map(|s| status_count(*s, counts.get(*s), lang))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A document as a person reads it: its name, or "(any document)" for the
/// one unnamed document of an indicator whose plan lists none.
pub(crate) fn document_name(name: &DocumentName, lang: Lang) -> &str {
    name.as_deref().unwrap_or(lang.labels().any_document)
}

/// An evidence file as the reports list it: its path, marked "in LFS" when
/// it is a Git LFS pointer whose content was not pulled (`in_lfs`, sorted).
pub(crate) fn file_text(path: &str, in_lfs: &[String], lang: Lang) -> String {
    if in_lfs.binary_search_by(|p| p.as_str().cmp(path)).is_ok() {
        format!("{path} ({})", lang.labels().in_lfs)
    } else {
        path.to_string()
    }
}

/// The later side of a diff as a person reads it.
pub(crate) fn diff_to<'a>(view: &'a DiffView, lang: Lang) -> &'a str {
    view.to.as_deref().unwrap_or(lang.labels().working_tree)
}

/// `YYYY-MM-DD`.
pub(crate) fn date_text(date: chrono::NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}

/// How an overdue-list line is labelled.
pub(crate) fn lateness_label(lateness: Lateness, lang: Lang) -> &'static str {
    let l = lang.labels();
    match lateness {
        Lateness::Invalid => Status::Invalid.label(lang),
        Lateness::Overdue => l.overdue,
        Lateness::DueSoon => l.due_within,
    }
}

/// How late an overdue-list line is ("226 days late"), in how many days it
/// is due ("due in 3 days"), or that its indicator is invalid.
pub(crate) fn entry_when(entry: &Entry, lang: Lang) -> String {
    match entry.lateness {
        Lateness::Overdue => lang.catalogue().days_late(-entry.days),
        Lateness::DueSoon => lang.catalogue().due_in_days(entry.days),
        Lateness::Invalid => Status::Invalid.label(lang).to_string(),
    }
}

/// The person in charge of an indicator, when its plan names one.
pub(crate) fn pic(report: &IndicatorReport) -> Option<&str> {
    report.pic().filter(|p| !p.trim().is_empty())
}

/// What an overdue-list line lacks: the missing documents, joined by
/// `separator`, or why the indicator is invalid.
pub(crate) fn entry_missing(entry: &Entry, lang: Lang, separator: &str) -> String {
    match entry.period {
        Some(p) => p.missing.iter().map(|name| document_name(name, lang)).collect::<Vec<_>>().join(separator),
        None => entry.report.problem.as_ref().map(|p| problems::message(p, lang)).unwrap_or_default(),
    }
}

/// The closing line of `zi overdue`: counts and where to look next.
pub(crate) fn overdue_summary(eval: &Evaluation, entries: &[Entry], lang: Lang) -> String {
    let count = |kind: Lateness| entries.iter().filter(|e| e.lateness == kind).count();
    let (overdue, invalid, soon) =
        (count(Lateness::Overdue), count(Lateness::Invalid), count(Lateness::DueSoon));
    let mut indicators: Vec<&str> = entries
        .iter()
        .filter(|e| e.lateness == Lateness::Overdue)
        .map(|e| e.report.file.id.as_str())
        .collect();
    indicators.dedup();
    let as_of = date_text(eval.as_of);
    let mut parts = Vec::new();
    if overdue + invalid == 0 {
        parts.push(lang.catalogue().nothing_overdue(&as_of));
    }
    if overdue > 0 {
        parts.push(lang.catalogue().overdue_periods(overdue, indicators.len(), &as_of));
    }
    if invalid > 0 {
        parts.push(lang.catalogue().invalid_indicators(invalid));
    }
    if soon > 0 {
        parts.push(lang.catalogue().periods_due_soon(soon));
    }
    if overdue + soon > 0 {
        parts.push(lang.catalogue().show_one_hint().to_string());
    }
    parts.join("; ")
}

/// The header every report starts with: title, unit, year, as-of date.
pub(crate) struct Heading {
    pub(crate) title: String,
    pub(crate) unit: String,
    pub(crate) year: i32,
    pub(crate) as_of: String,
}

impl Heading {
    pub(crate) fn of(eval: &Evaluation, lang: Lang) -> Heading {
        let config = &eval.plan.config;
        Heading {
            title: config.title.clone().unwrap_or_else(|| lang.labels().default_title.to_string()),
            unit: config.unit.clone().unwrap_or_else(|| "?".to_string()),
            year: eval.plan.year,
            as_of: date_text(eval.as_of),
        }
    }
}

/// `present/required`, or a dash when nothing is required.
pub(crate) fn fraction(p: Progress, lang: Lang) -> String {
    // Made by hand: `format!` costs more than the rest of a table cell.
    let mut text = String::with_capacity(12);
    fraction_in(p, lang, &mut |piece| text.push_str(piece));
    text
}

/// Hands the pieces of `fraction(p, lang)` to `put` in order: to a
/// `String` as they are, or to the report, which escapes each.
pub(crate) fn fraction_in(p: Progress, lang: Lang, put: &mut impl FnMut(&str)) {
    if p.required == 0 {
        put(lang.labels().none);
    } else {
        digits_in(p.present as u64, put);
        put("/");
        digits_in(p.required as u64, put);
    }
}

/// Appends `n` in decimal digits.
pub(crate) fn push_number(text: &mut String, n: u64) {
    digits_in(n, &mut |digits| text.push_str(digits));
}

/// Hands `n` in decimal digits to `put`.
fn digits_in(n: u64, put: &mut impl FnMut(&str)) {
    let mut digits = [0u8; 20];
    put(std::str::from_utf8(digits_of(n, &mut digits)).unwrap_or_default());
}

/// `n` in decimal digits, written at the end of `digits` (the JSON writer
/// and the fractions of the terminal share it: neither wants `format!`).
pub(crate) fn digits_of(mut n: u64, digits: &mut [u8; 20]) -> &[u8] {
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    &digits[at..]
}

/// `12.50` / `12,50`: a value with two decimals, rounded half away from
/// zero, with a decimal comma in Indonesian (the LKE's numbers).
pub(crate) fn decimal(value: rust_decimal::Decimal, lang: Lang) -> String {
    let rounded = value.round_dp_with_strategy(2, rust_decimal::RoundingStrategy::MidpointAwayFromZero);
    let text = format!("{rounded:.2}");
    match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    }
}

/// An answer in a diff: `B`, `3.71`, `agen=10 perubahan=12`, or a dash.
fn answer_change_text(value: Option<&AnswerValue>, lang: Lang) -> String {
    match value {
        None => lang.labels().none.to_string(),
        Some(AnswerValue::Choice(answer)) => answer.clone(),
        Some(AnswerValue::Number(n)) => decimal(*n, lang),
        Some(AnswerValue::Inputs(inputs)) => {
            inputs.iter().map(|(name, v)| format!("{name}={}", v.normalize())).collect::<Vec<_>>().join(" ")
        }
    }
}

/// The status as a person reads it; occurrences carry their count.
pub(crate) fn status_text(report: &IndicatorReport, lang: Lang) -> String {
    match report.status {
        Status::Occurrences => {
            format!(
                "{} ({})",
                report.status.label(lang),
                report.occurrences.iter().filter(|o| o.has_files()).count()
            )
        }
        s => s.label(lang).to_string(),
    }
}

pub(crate) fn next_deadline_text(report: &IndicatorReport, lang: Lang) -> String {
    report.next_deadline.map_or_else(|| lang.labels().none.to_string(), |m| lang.month(m))
}

/// "Juli 2022", "Agustus – Desember 2022", "November 2022 – Februari 2023".
pub(crate) fn period_text(period: Period, lang: Lang) -> String {
    let mut text = String::with_capacity(32);
    period_in(period, lang, &mut |piece| text.push_str(piece));
    text
}

/// Hands the pieces of `period_text(period, lang)` to `put` in order.
pub(crate) fn period_in(period: Period, lang: Lang, put: &mut impl FnMut(&str)) {
    let (first, last) = (period.first, period.last);
    if first != last {
        if first.year() == last.year() {
            put(lang.month_name(first.month()));
        } else {
            month_in(first, lang, put);
        }
        put(" – ");
    }
    month_in(last, lang, put);
}

/// Hands the pieces of `lang.month(month)` to `put` in order: "Juli 2022".
pub(crate) fn month_in(month: YearMonth, lang: Lang, put: &mut impl FnMut(&str)) {
    put(lang.month_name(month.month()));
    put(" ");
    if month.year() < 0 {
        put("-");
    }
    digits_in(u64::from(month.year().unsigned_abs()), put);
}

/// `present` out of `required` in whole percent, rounded down so that 100%
/// means complete.
pub(crate) fn percent(p: Progress) -> usize {
    (p.present * 100).checked_div(p.required).unwrap_or(0)
}

pub(crate) fn state_label(state: PeriodState, lang: Lang) -> &'static str {
    let l = lang.labels();
    match state {
        PeriodState::Complete => l.complete,
        PeriodState::Open => l.open,
        PeriodState::Due => l.due,
        PeriodState::Overdue => l.overdue,
    }
}

/// At most `max` characters, cut at a word and marked with `…`.
pub(crate) fn shorten(text: &str, max: usize) -> String {
    shortened(text, max).into_owned()
}

/// `shorten`, borrowing `text` when it is short enough already. The text
/// is walked once, up to the character after the `max`th.
pub(crate) fn shortened(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    use std::borrow::Cow;
    match shortened_cut(text, max) {
        (cut, false) => Cow::Borrowed(cut),
        (cut, true) => {
            let mut short = String::with_capacity(cut.len() + '…'.len_utf8());
            short.push_str(cut);
            short.push('…');
            Cow::Owned(short)
        }
    }
}

/// What `shortened` keeps of `text`, and whether it adds "…" after it:
/// the cut borrowed, for a writer that needs no `String` of its own.
pub(crate) fn shortened_cut(text: &str, max: usize) -> (&str, bool) {
    if text.len() <= max {
        return (text, false);
    }
    let Some(keep) = max.checked_sub(1) else {
        return ("", true);
    };
    // `max` ASCII bytes are `max` characters, and the longer text has one
    // more after them: the cut is at byte `keep`, with no walk.
    let end = if text.as_bytes()[..max].is_ascii() {
        keep
    } else {
        let mut starts = text.char_indices().map(|(at, _)| at);
        // Where the `max`th character starts, and whether one follows it.
        let Some(end) = starts.nth(keep) else {
            return (text, false);
        };
        if starts.next().is_none() {
            return (text, false);
        }
        end
    };
    let cut = &text[..end];
    let cut = match cut.rfind(' ') {
        Some(i) if i > max / 2 => &cut[..i],
        _ => cut,
    };
    (cut.trim_end_matches([',', ';', ' ']), true)
}

/// One titled list of changes, as the table and markdown reports print it.
pub(crate) struct DiffSection<'a> {
    pub(crate) title: &'static str,
    /// Deadlines moved later: printed first and marked.
    pub(crate) prominent: bool,
    pub(crate) rows: Vec<DiffRow<'a>>,
}

pub(crate) struct DiffRow<'a> {
    pub(crate) id: &'a str,
    pub(crate) change: String,
    pub(crate) indicator: &'a str,
}

/// The non-empty sections of `changes`, slipped deadlines first.
pub(crate) fn diff_sections<'a>(changes: &'a Changes, lang: Lang) -> Vec<DiffSection<'a>> {
    let l = lang.labels();
    let row =
        |named: &'a Named, change: String| DiffRow { id: &named.id, change, indicator: &named.indicator };
    let due =
        |text: &str| if text.trim().is_empty() { l.no_target.to_string() } else { format!("\"{text}\"") };
    let target =
        |c: &'a TargetChange| row(&c.named, format!("{} → {}", due(&c.due_before), due(&c.due_after)));
    let period = |c: &'a PeriodChange| row(&c.named, period_text(Period::months(c.first, c.last), lang));
    let file = |c: &'a FileChange| {
        let counted = if c.documents.is_empty() {
            l.matches_no_document.to_string()
        } else {
            c.documents
                .iter()
                .map(|d| {
                    format!("{}, {}", document_name(&d.document, lang), counted_period_text(&d.period, lang))
                })
                .collect::<Vec<_>>()
                .join("; ")
        };
        row(&c.named, format!("{} ({counted})", c.file))
    };
    let sections = vec![
        DiffSection { title: l.slipped, prominent: true, rows: changes.slipped.iter().map(target).collect() },
        DiffSection {
            title: l.target_changed,
            prominent: false,
            rows: changes.target_changed.iter().map(target).collect(),
        },
        DiffSection {
            title: l.status_changed,
            prominent: false,
            rows: changes
                .status
                .iter()
                .map(|c| row(&c.named, format!("{} → {}", c.before.label(lang), c.after.label(lang))))
                .collect(),
        },
        DiffSection {
            title: l.periods_completed,
            prominent: false,
            rows: changes
                .periods
                .iter()
                .filter(|c| c.change == PeriodChangeKind::Completed)
                .map(period)
                .collect(),
        },
        DiffSection {
            title: l.periods_reopened,
            prominent: false,
            rows: changes
                .periods
                .iter()
                .filter(|c| c.change == PeriodChangeKind::Reopened)
                .map(period)
                .collect(),
        },
        DiffSection {
            title: l.documents_added,
            prominent: false,
            rows: changes.documents.iter().filter(|c| c.change == FileChangeKind::Added).map(file).collect(),
        },
        DiffSection {
            title: l.documents_removed,
            prominent: false,
            rows: changes
                .documents
                .iter()
                .filter(|c| c.change == FileChangeKind::Removed)
                .map(file)
                .collect(),
        },
        DiffSection {
            title: l.indicators_added,
            prominent: false,
            rows: changes.indicators_added.iter().map(|n| row(n, n.path.clone())).collect(),
        },
        DiffSection {
            title: l.indicators_removed,
            prominent: false,
            rows: changes.indicators_removed.iter().map(|n| row(n, n.path.clone())).collect(),
        },
        DiffSection {
            title: lang.score().labels().answers_changed,
            prominent: false,
            rows: changes
                .answers
                .iter()
                .map(|c| DiffRow {
                    id: &c.id,
                    change: format!(
                        "{} → {}",
                        answer_change_text(c.before.as_ref(), lang),
                        answer_change_text(c.after.as_ref(), lang)
                    ),
                    indicator: &c.assessment,
                })
                .collect(),
        },
    ];
    sections.into_iter().filter(|s| !s.rows.is_empty()).collect()
}

/// A `Counted` period: `2022-01..2022-07` in words, or a dated folder's name.
fn counted_period_text(period: &str, lang: Lang) -> String {
    let months = period
        .split_once("..")
        .and_then(|(a, b)| Some((YearMonth::parse_folder(a)?, YearMonth::parse_folder(b)?)));
    match months {
        Some((first, last)) => period_text(Period::months(first, last), lang),
        None => period.to_string(),
    }
}

/// A note a command prints, in words.
pub(crate) fn note(note: &Note, style: Style) -> String {
    style.lang.catalogue().note(note)
}

/// A message of the pre-commit hook, in words.
pub(crate) fn hook_message(message: HookMessage, style: Style) -> &'static str {
    style.lang.catalogue().hook_message(message)
}

/// A message of the pre-commit hook in every language zi speaks, for what
/// the script says before zi can choose one.
pub(crate) fn hook_message_in_every_language(message: HookMessage) -> Vec<&'static str> {
    crate::text::LANGUAGES.iter().map(|lang| lang.catalogue().hook_message(message)).collect()
}

#[cfg(test)]
mod tests {
    /// `shortened` as it was first written: characters counted, then collected.
    fn shortened_by_counting(text: &str, max: usize) -> String {
        if text.chars().count() <= max {
            return text.to_string();
        }
        let cut: String = text.chars().take(max.saturating_sub(1)).collect();
        let cut = match cut.rfind(' ') {
            Some(i) if i > max / 2 => &cut[..i],
            _ => cut.as_str(),
        };
        format!("{}…", cut.trim_end_matches([',', ';', ' ']))
    }

    #[test]
    fn shortening_walks_the_text_once_and_agrees_with_counting_characters() {
        let texts =
            ["", "a", "Tim Kerja ZI", "Sosialisasi manajemen perubahan, kepada; pegawai", "é – ✓ ééé ééé"];
        for text in texts {
            for max in 0..=text.chars().count() + 2 {
                assert_eq!(super::shortened(text, max), shortened_by_counting(text, max), "{text:?} {max}");
            }
        }
    }

    #[test]
    fn fractions_are_written_in_decimal_digits_as_format_writes_them() {
        for (present, required) in
            [(0, 1), (9, 10), (249, 728), (100_000, 1_000_000), (usize::MAX, usize::MAX)]
        {
            let p = crate::judge::evaluate::Progress { present, required };
            assert_eq!(super::fraction(p, crate::text::Lang::En), format!("{present}/{required}"));
        }
    }
}
