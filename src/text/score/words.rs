//! What the score's words must say, in every language.

use crate::model::assessment::Assessor;
use crate::model::lke::FaultKind;
use crate::problem::LkeKind;

/// Everything the score says, in one language.
pub(crate) trait ScoreWords: Sync {
    fn problem(&self, kind: &LkeKind) -> String;
    fn hint(&self, kind: &LkeKind) -> String;
    fn fault(&self, fault: &FaultKind) -> String;
    fn labels(&self) -> &'static ScoreLabels;
    fn assessor(&self, assessor: Assessor) -> &'static str;
    /// "3 questions no indicator serves".
    fn unserved(&self, n: usize) -> String;
    /// "short by 2.90".
    fn short_by(&self, amount: &str) -> String;
}

/// The fixed words of `zi score`.
pub(crate) struct ScoreLabels {
    pub(crate) title: &'static str,
    pub(crate) lke: &'static str,
    pub(crate) assessment: &'static str,
    pub(crate) projection: &'static str,
    /// A projection's verdict, in brackets.
    pub(crate) projected: &'static str,
    /// What a projection is, under its title.
    pub(crate) projection_note: &'static str,
    pub(crate) area: &'static str,
    pub(crate) weight: &'static str,
    pub(crate) pemenuhan: &'static str,
    pub(crate) reform: &'static str,
    pub(crate) value: &'static str,
    pub(crate) percent: &'static str,
    pub(crate) minimum: &'static str,
    pub(crate) pengungkit: &'static str,
    pub(crate) hasil: &'static str,
    pub(crate) total: &'static str,
    pub(crate) verdict: &'static str,
    pub(crate) met: &'static str,
    pub(crate) not_met: &'static str,
    pub(crate) most_lost: &'static str,
    pub(crate) lost: &'static str,
    pub(crate) answer: &'static str,
    pub(crate) unanswered: &'static str,
    pub(crate) readiness: &'static str,
    pub(crate) at_risk: &'static str,
    pub(crate) nothing_at_risk: &'static str,
    pub(crate) question: &'static str,
    /// The column of a question's words.
    pub(crate) text: &'static str,
    pub(crate) sub_component: &'static str,
    pub(crate) scale: &'static str,
    pub(crate) indicators: &'static str,
    pub(crate) points: &'static str,
    pub(crate) kind: &'static str,
    pub(crate) target: &'static str,
    pub(crate) questions_title: &'static str,
    /// The LKE questions an indicator serves, on its card in the report.
    pub(crate) questions_served: &'static str,
    /// The section of `zi diff` on assessments.
    pub(crate) answers_changed: &'static str,
    /// The columns of the LKE sheet (`--format xlsx`), as evaluators title them.
    pub(crate) sheet_answers: &'static str,
    pub(crate) sheet_rekap: &'static str,
    pub(crate) col_assessment: &'static str,
    pub(crate) col_criteria: &'static str,
    pub(crate) col_options: &'static str,
    pub(crate) col_unit_answer: &'static str,
    pub(crate) col_unit_note: &'static str,
    pub(crate) col_evidence: &'static str,
    pub(crate) col_links: &'static str,
    pub(crate) col_tpi_answer: &'static str,
    pub(crate) col_tpi_note: &'static str,
    pub(crate) count: &'static str,
    pub(crate) index: &'static str,
    pub(crate) total_pengungkit: &'static str,
    pub(crate) total_hasil: &'static str,
    pub(crate) grand_total: &'static str,
    pub(crate) results: &'static str,
}

/// `a`, `b` and `c` as a message lists names.
pub(super) fn names(items: &[String]) -> String {
    items.iter().map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
}
