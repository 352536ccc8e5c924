//! English.

use super::words::{names, ScoreLabels, ScoreWords};
use crate::model::assessment::Assessor;
use crate::model::lke::FaultKind;
use crate::problem::LkeKind;

pub(crate) struct En;
pub(crate) static EN: En = En;

impl ScoreWords for En {
    fn problem(&self, kind: &LkeKind) -> String {
        match kind {
            LkeKind::UnknownLke { name, .. } => format!("no built-in LKE and no file is named \"{name}\""),
            LkeKind::Fault(fault) => self.fault(fault),
            LkeKind::UnknownQuestion { id, .. } => format!("the LKE has no question `{id}`"),
            LkeKind::AnswerOutsideScale { question, answer, scale } => {
                format!("\"{answer}\" is not an answer of `{question}` (scale {scale})")
            }
            LkeKind::InputsExpected { question, .. } => {
                format!("`{question}` is a percentage item: it takes its inputs, not an answer")
            }
            LkeKind::AnswerExpected { question, scale } => {
                format!("`{question}` takes one answer of {scale}, not inputs")
            }
            LkeKind::MissingInput { question, input } => format!("`{question}` lacks its input `{input}`"),
            LkeKind::UnknownInput { question, input, .. } => format!("`{question}` has no input `{input}`"),
            LkeKind::BadInput { question, input, value } => {
                format!("input `{input}` of `{question}` is {value}, not a count of zero or more")
            }
            LkeKind::UnknownResult { key, .. } => format!("the LKE has no result `{key}`"),
            LkeKind::ResultOutOfRange { key, value, range } => {
                format!("`{key}` = {value} is outside {range}")
            }
            LkeKind::OtherLke { found, expected } => {
                format!(
                    "this assessment is for the LKE \"{found}\", the plan is scored against \"{expected}\""
                )
            }
            LkeKind::UnknownValue { key, value, .. } => format!("unknown `{key}` \"{value}\""),
        }
    }

    fn hint(&self, kind: &LkeKind) -> String {
        match kind {
            LkeKind::UnknownLke { builtin, .. } => {
                format!("write lke = \"{builtin}\" (built in), or the path of an LKE file from the repository root")
            }
            LkeKind::Fault(_) => {
                "see \"The LKE file\" in docs/format.md; zi scores with the built-in LKE until then".into()
            }
            LkeKind::UnknownQuestion { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            LkeKind::UnknownQuestion { suggestion: None, .. } => {
                "ids are written as printed in the LKE, e.g. P.I.i.a; `zi score --questions` lists them"
                    .into()
            }
            LkeKind::AnswerOutsideScale { scale, .. } | LkeKind::AnswerExpected { scale, .. } => {
                format!("answer one of {}", scale.replace('/', ", "))
            }
            LkeKind::InputsExpected { question, inputs } => {
                let example: Vec<String> = inputs.iter().map(|i| format!("{i} = 0")).collect();
                format!("write \"{question}\" = {{ {} }}", example.join(", "))
            }
            LkeKind::MissingInput { input, .. } => {
                format!("add {input} = … (a count); until then the item scores 0")
            }
            LkeKind::UnknownInput { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            LkeKind::UnknownInput { known, .. } => format!("its inputs: {}", names(known)),
            LkeKind::BadInput { .. } => "write a count: 0, 1, 2, …".into(),
            LkeKind::UnknownResult { suggestion: Some(s), .. } => format!("did you mean `{s}`?"),
            LkeKind::UnknownResult { known, .. } => format!("the results: {}", names(known)),
            LkeKind::ResultOutOfRange { range, .. } => format!("write a value of {range}"),
            LkeKind::OtherLke { expected, .. } => {
                format!("remove `lke` from the assessment, or write lke = \"{expected}\" if it was made for this one")
            }
            LkeKind::UnknownValue { known, .. } => format!("write one of {}", known.join(", ")),
        }
    }

    fn fault(&self, fault: &FaultKind) -> String {
        match fault {
            FaultKind::Shape { message } => format!("not an LKE file: {message}"),
            FaultKind::BadId { id } => format!("`{id}` is not an id of the LKE's form"),
            FaultKind::DuplicateId { id } => format!("`{id}` is declared twice"),
            FaultKind::NoParent { id } => format!("`{id}` belongs to nothing declared above it"),
            FaultKind::UnknownScale { scale } => format!("unknown scale \"{scale}\""),
            FaultKind::UnknownInput { question, input } => {
                format!("`{question}`'s formula names no input `{input}`")
            }
            FaultKind::BadNumber { value } => format!("{value} is not a usable number"),
            FaultKind::ScaleLength { scale, answers: 0, .. } => format!("scale \"{scale}\" has no answers"),
            FaultKind::ScaleLength { scale, answers, values } => {
                format!("scale \"{scale}\" has {answers} answers but {values} values")
            }
            FaultKind::Weights { what, expected, found } => {
                format!("the weights of {what} add up to {found}, not {expected}")
            }
        }
    }

    fn labels(&self) -> &'static ScoreLabels {
        &LABELS
    }

    fn assessor(&self, assessor: Assessor) -> &'static str {
        match assessor {
            Assessor::Unit => "self-assessment",
            Assessor::Tpi => "TPI",
            Assessor::Tpn => "TPN",
        }
    }

    fn unserved(&self, n: usize) -> String {
        match n {
            1 => "1 question no indicator serves".into(),
            n => format!("{n} questions no indicator serves"),
        }
    }

    fn short_by(&self, amount: &str) -> String {
        format!("short by {amount}")
    }
}

static LABELS: ScoreLabels = ScoreLabels {
    title: "LKE score",
    lke: "LKE",
    assessment: "Assessment",
    projection: "PROJECTION from the evidence (no assessment)",
    projected: "projected",
    projection_note: "pemenuhan only: each question is worth the share of its indicators' documents present to date; reform and hasil are not projected",
    area: "Area",
    weight: "Weight",
    pemenuhan: "Pemenuhan",
    reform: "Reform",
    value: "Value",
    percent: "%",
    minimum: "Min.",
    pengungkit: "Pengungkit",
    hasil: "Hasil",
    total: "Total",
    verdict: "Verdict",
    met: "met",
    not_met: "not met",
    most_lost: "Where the most points are lost",
    lost: "Lost",
    answer: "Answer",
    unanswered: "unanswered",
    readiness: "Readiness",
    at_risk: "Answered, but a serving indicator is overdue or invalid",
    nothing_at_risk: "No answered question has an overdue or invalid indicator.",
    question: "Question",
    text: "Text",
    sub_component: "Sub-component",
    scale: "Scale",
    indicators: "Indicators",
    points: "Points",
    kind: "Row",
    target: "Target",
    questions_title: "The questions of the LKE",
    questions_served: "LKE questions",
    answers_changed: "LKE answers changed",
    sheet_answers: "Answers",
    sheet_rekap: "Rekap",
    col_assessment: "Assessment",
    col_criteria: "Criteria",
    col_options: "Answer options",
    col_unit_answer: "Unit's answer",
    col_unit_note: "Notes (unit)",
    col_evidence: "Evidence (unit)",
    col_links: "New evidence links",
    col_tpi_answer: "TPI's answer",
    col_tpi_note: "Notes (TPI)",
    count: "Count",
    index: "Index (0–4)",
    total_pengungkit: "TOTAL PENGUNGKIT",
    total_hasil: "TOTAL HASIL",
    grand_total: "ZONA INTEGRITAS SCORE",
    results: "Results",
};
