//! One assessment round (`assessments/<name>.toml`): who answered the LKE,
//! when, and the answers, as far as they fit the LKE. Built by
//! `crate::load::assessment`, which reports and leaves out what does not
//! fit, so everything here can be scored.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use rust_decimal::Decimal;

use crate::model::place::At;

pub(crate) const ASSESSMENTS_DIR: &str = "assessments";

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Assessor {
    /// The unit's own self-assessment.
    Unit,
    /// Tim Penilai Internal.
    Tpi,
    /// Tim Penilai Nasional.
    Tpn,
}

impl Assessor {
    pub(crate) const NAMES: [&'static str; 3] = ["unit", "tpi", "tpn"];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Assessor::Unit => "unit",
            Assessor::Tpi => "tpi",
            Assessor::Tpn => "tpn",
        }
    }

    pub(crate) fn from_key(key: &str) -> Option<Assessor> {
        [Assessor::Unit, Assessor::Tpi, Assessor::Tpn]
            .into_iter()
            .find(|a| a.key().eq_ignore_ascii_case(key.trim()))
    }
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Assessment {
    /// `assessments/2022-10.toml`
    pub(crate) path: String,
    pub(crate) assessor: Option<Assessor>,
    pub(crate) date: Option<NaiveDate>,
    /// The target the round aims at, as the LKE names it (`WBK`).
    pub(crate) target: Option<String>,
    /// The answers that fit the LKE, by question id.
    pub(crate) answers: BTreeMap<String, Answer>,
    /// The hasil results that fit the LKE, by id (`ipak`).
    pub(crate) results: BTreeMap<String, Given>,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Answer {
    pub(crate) given: Given,
    pub(crate) note: Option<String>,
    /// Where the answer is written.
    pub(crate) at: At,
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Given {
    /// An answer of the question's scale, spelt as the scale spells it.
    Choice(String),
    /// A percentage item's inputs, one per input of the LKE in its order
    /// (0 for one not written, which is reported).
    Inputs(Vec<Decimal>),
    /// A survey index.
    Index(Decimal),
}
