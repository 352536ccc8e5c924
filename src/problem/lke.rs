//! Problems with the LKE a plan is scored against, with assessments and
//! with the `lke` keys of indicators. Values only; `crate::text` words them.

use super::code::Code;
use crate::model::lke::FaultKind;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum LkeKind {
    /// `zi.toml`'s `lke` names neither a built-in LKE nor a file.
    UnknownLke {
        name: String,
        builtin: &'static str,
    },
    /// A fault in an LKE file.
    Fault(FaultKind),
    /// An id the LKE does not have (with the nearest one it has).
    UnknownQuestion {
        id: String,
        suggestion: Option<String>,
    },
    /// An answer outside the question's scale.
    AnswerOutsideScale {
        question: String,
        answer: String,
        scale: String,
    },
    /// A percentage item answered with a word instead of its inputs.
    InputsExpected {
        question: String,
        inputs: Vec<String>,
    },
    /// A choice question answered with inputs (a table) instead of a word.
    AnswerExpected {
        question: String,
        scale: String,
    },
    MissingInput {
        question: String,
        input: String,
    },
    UnknownInput {
        question: String,
        input: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// An input that is negative or not a number.
    BadInput {
        question: String,
        input: String,
        value: String,
    },
    UnknownResult {
        key: String,
        suggestion: Option<String>,
        known: Vec<String>,
    },
    /// A survey index outside 0–max, or a result's answer outside its scale.
    ResultOutOfRange {
        key: String,
        value: String,
        range: String,
    },
    /// `lke = "…"` in an assessment that is not the plan's LKE.
    OtherLke {
        found: String,
        expected: String,
    },
    /// `assessor` or `target` with a value zi does not know.
    UnknownValue {
        key: &'static str,
        value: String,
        known: Vec<String>,
    },
}

impl LkeKind {
    pub(crate) fn code(&self) -> Code {
        match self {
            LkeKind::UnknownLke { .. } | LkeKind::Fault(_) => Code::BadLke,
            LkeKind::UnknownQuestion { .. } => Code::UnknownQuestion,
            LkeKind::AnswerOutsideScale { .. }
            | LkeKind::InputsExpected { .. }
            | LkeKind::AnswerExpected { .. }
            | LkeKind::ResultOutOfRange { .. }
            | LkeKind::UnknownResult { .. }
            | LkeKind::UnknownValue { .. } => Code::BadAnswer,
            LkeKind::MissingInput { .. } | LkeKind::UnknownInput { .. } | LkeKind::BadInput { .. } => {
                Code::BadInput
            }
            LkeKind::OtherLke { .. } => Code::OtherLke,
        }
    }
}
