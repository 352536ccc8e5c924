//! What a catalogue of words must say: every label, problem, note and
//! sentence, in one language. `en` and `id` each implement it whole.

use crate::model::due::DueError;
use crate::problem::{Fatal, HookMessage, Kind, Note, Tip, UsageKind};

/// Everything zi says, in one language.
pub(crate) trait Catalogue: Sync {
    fn labels(&self) -> &'static Labels;
    /// The column titles and words of the RKT table `zi export` writes.
    fn rkt(&self) -> &'static RktLabels;
    /// Full month names, January first.
    fn month_names(&self) -> &'static [&'static str; 12];
    /// Three-letter month names for narrow columns, January first.
    fn month_short_names(&self) -> &'static [&'static str; 12];

    /// What a problem in a user's file is.
    fn problem(&self, kind: &Kind) -> String;
    /// The next step to fix it.
    fn hint(&self, kind: &Kind) -> String;
    fn due_message(&self, error: &DueError, text: &str) -> String;
    /// With the plan's year, for the examples.
    fn due_hint(&self, error: &DueError, plan_year: i32) -> String;

    /// Why a command cannot run, and what to do (empty when nothing helps).
    fn fatal(&self, fatal: &Fatal) -> (String, String);
    fn note(&self, note: &Note) -> String;
    fn hook_message(&self, message: HookMessage) -> &'static str;

    /// The closing line of `zi check`: "2 errors, 1 warning".
    fn errors_and_warnings(&self, errors: usize, warnings: usize) -> String;
    /// How long until a period ends: "due in 3 days".
    fn due_in_days(&self, days: i64) -> String;
    /// How long ago an overdue period ended: "226 days late".
    fn days_late(&self, days: i64) -> String;
    /// "1 indicator", "4 indicators".
    fn indicator_count(&self, n: usize) -> String;
    fn nothing_overdue(&self, as_of: &str) -> String;
    /// "3 overdue periods in 2 indicators as of 2022-08-15".
    fn overdue_periods(&self, periods: usize, indicators: usize, as_of: &str) -> String;
    fn invalid_indicators(&self, n: usize) -> String;
    fn periods_due_soon(&self, n: usize) -> String;
    /// Where to look after `zi overdue`.
    fn show_one_hint(&self) -> &'static str;
    /// The first GitHub annotation when there are more of a kind than a
    /// step shows (`limit`).
    fn beyond_annotation_limit(&self, limit: usize, errors: usize, warnings: usize, notices: usize)
        -> String;

    /// The help of every command and flag, by key (keys: `crate::cli`).
    fn help_texts(&self) -> &'static [(&'static str, &'static str)];
    /// The help of a command or flag, none when the command line has one
    /// the catalogue does not know yet (a test keeps that from landing).
    fn help(&self, key: &str) -> Option<&'static str> {
        self.help_texts().iter().find(|(k, _)| *k == key).map(|(_, text)| *text)
    }
    /// The words of `--help` and of usage errors around the help texts.
    fn help_words(&self) -> &'static HelpWords;
    fn usage_message(&self, kind: &UsageKind) -> String;
    fn usage_tip(&self, tip: &Tip) -> String;
}

/// The fixed words of `--help` and of usage errors.
pub(crate) struct HelpWords {
    /// The heading of the usage line, with its colon.
    pub(crate) usage: &'static str,
    pub(crate) commands: &'static str,
    pub(crate) arguments: &'static str,
    pub(crate) options: &'static str,
    /// What a usage line writes for "some options".
    pub(crate) options_tag: &'static str,
    /// What a usage line writes for "a command" (without the brackets).
    pub(crate) command_tag: &'static str,
    pub(crate) default: &'static str,
    pub(crate) possible_values: &'static str,
    /// The label of a suggestion in a usage error.
    pub(crate) tip: &'static str,
    pub(crate) more_information: &'static str,
}

/// `'a', 'b'`: names as a tip quotes them.
pub(super) fn quoted(names: &[String]) -> String {
    names.iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
}

/// Each item on its own indented line.
pub(super) fn indented(items: &[String]) -> String {
    items.iter().map(|item| format!("\n  {item}")).collect()
}

/// A key as a message quotes it: a 10,000-character key would drown it.
pub(super) fn quoted_key(key: &str) -> String {
    crate::model::quote::clip(key, 40)
}

/// `` `III.9`, `X` ``: IDs as a refusal names them.
pub(super) fn quoted_list(ids: &[String]) -> String {
    ids.iter().map(|id| format!("`{id}`")).collect::<Vec<_>>().join(", ")
}

/// The first few of many, and `…` when there are more.
pub(super) fn listed(items: &[String], more: bool) -> String {
    let mut text = items.join(", ");
    if more {
        text.push_str(", …");
    }
    text
}

/// At most `FEW` names, then `and_more(n)` for the `n` left out: a hint
/// stays short when a plan names 2,000 documents.
pub(super) fn few(names: &[impl AsRef<str>], and_more: impl Fn(usize) -> String) -> String {
    const FEW: usize = 5;
    // Pushed into one string: `zi check` names the documents in the hint
    // of every stray file.
    let mut text = String::with_capacity(names.iter().take(FEW).map(|n| n.as_ref().len() + 2).sum());
    for (i, name) in names.iter().take(FEW).enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(name.as_ref());
    }
    if names.len() > FEW {
        text.push_str(&and_more(names.len() - FEW));
    }
    text
}

/// English plural ending.
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Every fixed label of the reports, in one language.
pub(crate) struct Labels {
    pub(crate) id: &'static str,
    pub(crate) indicator: &'static str,
    pub(crate) status: &'static str,
    pub(crate) next_deadline: &'static str,
    pub(crate) to_date: &'static str,
    pub(crate) year: &'static str,
    pub(crate) total: &'static str,
    pub(crate) area: &'static str,
    pub(crate) component: &'static str,
    pub(crate) as_of: &'static str,
    pub(crate) plan_year: &'static str,
    pub(crate) target: &'static str,
    pub(crate) actions: &'static str,
    pub(crate) evidence: &'static str,
    pub(crate) period: &'static str,
    pub(crate) document: &'static str,
    pub(crate) files: &'static str,
    pub(crate) state: &'static str,
    pub(crate) missing: &'static str,
    pub(crate) unmatched: &'static str,
    pub(crate) pic: &'static str,
    pub(crate) path: &'static str,
    pub(crate) month: &'static str,
    pub(crate) none: &'static str,
    pub(crate) complete: &'static str,
    pub(crate) open: &'static str,
    pub(crate) due: &'static str,
    pub(crate) overdue: &'static str,
    pub(crate) due_within: &'static str,
    pub(crate) default_title: &'static str,
    pub(crate) no_target: &'static str,
    pub(crate) loose_files: &'static str,
    /// Files in an evidence folder that never count.
    pub(crate) ignored_files: &'static str,
    /// After a file that is a Git LFS pointer whose content was not pulled.
    pub(crate) in_lfs: &'static str,
    /// Before the number of such files under `zi status`.
    pub(crate) in_lfs_files: &'static str,
    // Statuses of indicators (SPEC "Status").
    pub(crate) status_done: &'static str,
    pub(crate) status_on_track: &'static str,
    pub(crate) status_due: &'static str,
    pub(crate) status_overdue: &'static str,
    pub(crate) status_occurrences: &'static str,
    /// The occurrences status after a count: "1 as needed".
    pub(crate) status_occurrences_count: &'static str,
    pub(crate) status_invalid: &'static str,
    // Diagnostics.
    pub(crate) error: &'static str,
    pub(crate) warning: &'static str,
    pub(crate) hint: &'static str,
    // The HTML report.
    pub(crate) contents: &'static str,
    pub(crate) progress_per_area: &'static str,
    pub(crate) indicators: &'static str,
    pub(crate) by_status: &'static str,
    pub(crate) timeline: &'static str,
    pub(crate) legend: &'static str,
    pub(crate) upcoming: &'static str,
    pub(crate) period_months: &'static str,
    pub(crate) occurrence_with_files: &'static str,
    pub(crate) this_month: &'static str,
    pub(crate) overdue_documents: &'static str,
    /// The report's section on evidence filed where it does not count.
    pub(crate) misfiled_evidence: &'static str,
    pub(crate) misfiled_why: &'static str,
    pub(crate) missing_documents: &'static str,
    pub(crate) documents_and_files: &'static str,
    pub(crate) plan_file: &'static str,
    pub(crate) evidence_folder: &'static str,
    pub(crate) problem: &'static str,
    pub(crate) changes: &'static str,
    pub(crate) working_tree: &'static str,
    pub(crate) change: &'static str,
    pub(crate) slipped: &'static str,
    pub(crate) target_changed: &'static str,
    pub(crate) status_changed: &'static str,
    pub(crate) periods_completed: &'static str,
    pub(crate) periods_reopened: &'static str,
    pub(crate) documents_added: &'static str,
    pub(crate) documents_removed: &'static str,
    pub(crate) indicators_added: &'static str,
    pub(crate) indicators_removed: &'static str,
    pub(crate) no_changes: &'static str,
    pub(crate) matches_no_document: &'static str,
    /// The one document of an indicator whose plan lists none.
    pub(crate) any_document: &'static str,
    // Columns of `zi check` in CSV and markdown.
    pub(crate) severity: &'static str,
    pub(crate) code: &'static str,
    pub(crate) line: &'static str,
    pub(crate) column: &'static str,
    pub(crate) hint_column: &'static str,
    /// The column of `zi diff --format csv` that names the kind of change.
    pub(crate) change_kind: &'static str,
    // Columns of CSV counts: "To date (present)", "To date (required)".
    pub(crate) present: &'static str,
    pub(crate) required: &'static str,
    /// The CSV column of how many days a period is late.
    pub(crate) days_late: &'static str,
    // The HTML report for the head of the unit.
    /// After a count of documents: "8/16 documents".
    pub(crate) documents: &'static str,
    /// A document of a period that has not ended: not missing yet.
    pub(crate) not_due_yet: &'static str,
    /// Above the head's signature: "Mengetahui,".
    pub(crate) acknowledged: &'static str,
    /// Before the head's civil-service number.
    pub(crate) nip: &'static str,
    /// The column of how late an overdue period is.
    pub(crate) late: &'static str,
}

/// The RKT table's words, as units title their columns (`zi import`
/// recognises every one of them).
pub(crate) struct RktLabels {
    pub(crate) no: &'static str,
    pub(crate) component: &'static str,
    pub(crate) indicator: &'static str,
    pub(crate) actions: &'static str,
    pub(crate) evidence: &'static str,
    pub(crate) due: &'static str,
    pub(crate) pic: &'static str,
    pub(crate) status: &'static str,
    pub(crate) documents: &'static str,
    pub(crate) remarks: &'static str,
    /// The flat sheet's column of indicator ids.
    pub(crate) id: &'static str,
    pub(crate) area: &'static str,
    /// "TAHUN 2022": the word before the year in the title block.
    pub(crate) year: &'static str,
    /// The sheet of the table, and the flat sheet of `--with-status`.
    pub(crate) sheet: &'static str,
    pub(crate) flat_sheet: &'static str,
}
