//! What a catalogue of words must say: every label, problem, note and
//! sentence, in one language. `en` and `id` each implement it whole.

use crate::model::due::DueError;
use crate::problem::{Fatal, HookMessage, Kind, Note};

/// Everything zi says, in one language.
pub trait Catalogue: Sync {
    fn labels(&self) -> &'static Labels;
    /// Full month names, January first.
    fn month_names(&self) -> &'static [&'static str; 12];
    /// Three-letter month names for narrow columns, January first.
    fn month_short_names(&self) -> &'static [&'static str; 12];

    /// What a problem in a user's file is.
    fn problem(&self, kind: &Kind) -> String;
    /// The next step to fix it.
    fn hint(&self, kind: &Kind) -> String;
    fn due_message(&self, error: &DueError, text: &str) -> String;
    fn due_hint(&self, error: &DueError) -> String;

    /// Why a command cannot run, and what to do (empty when nothing helps).
    fn fatal(&self, fatal: &Fatal) -> (String, String);
    fn note(&self, note: &Note) -> String;
    fn hook_message(&self, message: HookMessage) -> &'static str;

    /// The closing line of `zi check`: "2 errors, 1 warning".
    fn errors_and_warnings(&self, errors: usize, warnings: usize) -> String;
    /// How long until a period ends: "due in 3 days".
    fn due_in_days(&self, days: i64) -> String;
    fn nothing_overdue(&self, as_of: &str) -> String;
    /// "3 overdue periods in 2 indicators as of 2022-08-15".
    fn overdue_periods(&self, periods: usize, indicators: usize, as_of: &str) -> String;
    fn invalid_indicators(&self, n: usize) -> String;
    fn periods_due_soon(&self, n: usize) -> String;
    /// Where to look after `zi overdue`.
    fn show_one_hint(&self) -> &'static str;
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

/// English plural ending.
pub(super) fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Every fixed label of the reports, in one language.
pub struct Labels {
    pub id: &'static str,
    pub indicator: &'static str,
    pub status: &'static str,
    pub next_deadline: &'static str,
    pub to_date: &'static str,
    pub year: &'static str,
    pub total: &'static str,
    pub area: &'static str,
    pub component: &'static str,
    pub as_of: &'static str,
    pub plan_year: &'static str,
    pub target: &'static str,
    pub actions: &'static str,
    pub evidence: &'static str,
    pub period: &'static str,
    pub document: &'static str,
    pub files: &'static str,
    pub state: &'static str,
    pub missing: &'static str,
    pub unmatched: &'static str,
    pub occurrences: &'static str,
    pub pic: &'static str,
    pub path: &'static str,
    pub month: &'static str,
    pub none: &'static str,
    pub complete: &'static str,
    pub open: &'static str,
    pub due: &'static str,
    pub overdue: &'static str,
    pub due_within: &'static str,
    pub default_title: &'static str,
    pub no_target: &'static str,
    pub loose_files: &'static str,
    // Statuses of indicators (SPEC "Status").
    pub status_done: &'static str,
    pub status_on_track: &'static str,
    pub status_due: &'static str,
    pub status_overdue: &'static str,
    pub status_occurrences: &'static str,
    pub status_invalid: &'static str,
    // Diagnostics.
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
    // The HTML report.
    pub contents: &'static str,
    pub progress_per_area: &'static str,
    pub indicators: &'static str,
    pub by_status: &'static str,
    pub timeline: &'static str,
    pub legend: &'static str,
    pub upcoming: &'static str,
    pub period_months: &'static str,
    pub occurrence_with_files: &'static str,
    pub this_month: &'static str,
    pub overdue_documents: &'static str,
    pub missing_documents: &'static str,
    pub documents_and_files: &'static str,
    pub plan_file: &'static str,
    pub evidence_folder: &'static str,
    pub problem: &'static str,
    pub changes: &'static str,
    pub working_tree: &'static str,
    pub change: &'static str,
    pub slipped: &'static str,
    pub target_changed: &'static str,
    pub status_changed: &'static str,
    pub periods_completed: &'static str,
    pub periods_reopened: &'static str,
    pub documents_added: &'static str,
    pub documents_removed: &'static str,
    pub indicators_added: &'static str,
    pub indicators_removed: &'static str,
    pub no_changes: &'static str,
    pub matches_no_document: &'static str,
    /// The one document of an indicator whose plan lists none.
    pub any_document: &'static str,
    // Columns of `zi check` in CSV and markdown.
    pub severity: &'static str,
    pub code: &'static str,
    pub line: &'static str,
    pub column: &'static str,
}
