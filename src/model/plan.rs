//! The plan as data: repository settings, areas, components, indicator
//! files and what an indicator file says. Built by `crate::load`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::due::Due;

pub const CONFIG_FILE: &str = "zi.toml";
pub const PLAN_DIR: &str = "plan";
pub const EVIDENCE_DIR: &str = "evidence";

/// The repository settings (`zi.toml`). Fields the file lacks or gets
/// wrong are `None` and reported; the run goes on with fallbacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    /// The language code of output labels, `"id"` or `"en"`, as validated.
    pub lang: Option<&'static str>,
}

#[derive(Clone, Debug)]
pub struct Plan {
    pub root: PathBuf,
    pub config: Config,
    /// The plan year: `zi.toml`'s, or the as-of year when it has none.
    pub year: i32,
    pub areas: Vec<Area>,
    /// Links (and other unusable entries) in the evidence tree above the
    /// indicator folders: reported once and never followed, so no evidence
    /// below them is counted.
    pub unfollowed_evidence: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Area {
    pub number: u32,
    pub id: String,
    /// `plan/<dir>`
    pub path: String,
    pub name: String,
    pub components: Vec<Component>,
}

#[derive(Clone, Debug)]
pub struct Component {
    pub number: u32,
    pub id: String,
    pub path: String,
    pub name: String,
    pub indicators: Vec<Arc<IndicatorFile>>,
}

/// Where an indicator's plan file and evidence folder are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorFile {
    pub id: String,
    /// `plan/…/N-slug.toml`
    pub path: String,
    /// `evidence/…/N-slug`
    pub evidence: String,
}

impl Plan {
    /// Whether the evidence folder `rel` lies at or below an entry the
    /// evidence tree check did not follow.
    pub fn evidence_unfollowed(&self, rel: &str) -> bool {
        self.unfollowed_evidence.iter().any(|skipped| {
            rel.strip_prefix(skipped.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Arc<IndicatorFile>> {
        self.areas.iter().flat_map(|a| a.components.iter().flat_map(|c| c.indicators.iter()))
    }
}

/// An evidence document (bukti fisik) and the file-name globs that satisfy it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceItem {
    pub name: String,
    /// Lowercase globs; the derived default when the plan gives no `file`.
    pub patterns: Vec<String>,
    /// Whether `patterns` came from the plan's `file` rather than the name.
    pub explicit: bool,
}

impl EvidenceItem {
    pub fn new(name: String, file: Option<Vec<String>>) -> Self {
        match file {
            Some(patterns) => EvidenceItem { name, patterns, explicit: true },
            None => {
                let patterns = vec![default_pattern(&name)];
                EvidenceItem { name, patterns, explicit: false }
            }
        }
    }
}

/// The pattern a document's name implies: its words in order, each anywhere
/// in the file name. "Daftar hadir" → `*daftar*hadir*`.
pub fn default_pattern(name: &str) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() {
        "*".to_string()
    } else {
        format!("*{}*", words.join("*"))
    }
}

/// What an indicator file says, as far as it could be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indicator {
    pub text: String,
    pub actions: Vec<String>,
    pub evidence: Vec<EvidenceItem>,
    pub due_text: String,
    /// `None` when the plan names no target, or the target could not be read
    /// (then an error says why).
    pub due: Option<Due>,
    pub pic: Option<String>,
}
