//! The plan as data: repository settings, areas, components, indicator
//! files and what an indicator file says. Built by `crate::load`.

use std::path::PathBuf;
use std::sync::Arc;

use crate::model::due::Due;
use crate::model::place::At;

pub(crate) const CONFIG_FILE: &str = "zi.toml";
pub(crate) const PLAN_DIR: &str = "plan";
pub(crate) const EVIDENCE_DIR: &str = "evidence";
/// The empty file every evidence folder holds so that git keeps it; never a document.
pub(crate) const GITKEEP: &str = ".gitkeep";

/// `rel/name`, with `/` whatever the platform.
pub(crate) fn join(rel: &str, name: &str) -> String {
    if rel.is_empty() {
        return name.to_string();
    }
    if name.is_empty() {
        return rel.to_string();
    }
    // Sized exactly: a large plan keeps hundreds of thousands of these.
    let mut path = String::with_capacity(rel.len() + 1 + name.len());
    path.push_str(rel);
    path.push('/');
    path.push_str(name);
    path
}

/// The number of a `N-slug` name: digits, a dash, then at least one character.
pub(crate) fn number_prefix(name: &str) -> Option<u32> {
    let digits = name.bytes().take_while(u8::is_ascii_digit).count();
    if digits == 0 || name.as_bytes().get(digits) != Some(&b'-') || name.len() == digits + 1 {
        return None;
    }
    name[..digits].parse().ok().filter(|n| *n > 0)
}

/// The repository settings (`zi.toml`). Fields the file lacks or gets
/// wrong are `None` and reported; the run goes on with fallbacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Config {
    pub(crate) unit: Option<String>,
    pub(crate) year: Option<i32>,
    pub(crate) title: Option<String>,
    /// The language of output labels as written, and where.
    pub(crate) lang: Option<(String, At)>,
    /// The LKE to score against as written (a built-in id or a path), and where.
    pub(crate) lke: Option<(String, At)>,
    /// `[hook] gate`: what refuses a commit (`Gate::New` when unset).
    pub(crate) gate: Option<Gate>,
    /// `head = { name, nip, title }`: who signs the report, when set.
    pub(crate) head: Option<Head>,
    /// `[workspace]`: the root of many units rather than one unit's plan.
    pub(crate) workspace: Option<Workspace>,
}

/// `[workspace] units = ["units/*"]`: the globs of the units' folders,
/// relative to the workspace root, in the order written.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Workspace {
    pub(crate) units: Vec<String>,
}

/// The head of the unit, as the report's signature block names them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Head {
    pub(crate) name: Option<String>,
    /// The civil-service number (Nomor Induk Pegawai).
    pub(crate) nip: Option<String>,
    /// The position: "Kepala Balai Penelitian Tanaman Palma".
    pub(crate) title: Option<String>,
}

/// What the pre-commit hook refuses a commit for (`[hook] gate`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Gate {
    /// Only what the commit makes worse: a period overdue in the staged
    /// plan that was not in `HEAD`, or a plan file made invalid.
    #[default]
    New,
    /// Anything overdue or invalid in the staged plan.
    All,
    /// Nothing: the hook only prints.
    None,
}

impl Gate {
    pub(crate) fn from_name(name: &str) -> Option<Gate> {
        match name {
            "new" => Some(Gate::New),
            "all" => Some(Gate::All),
            "none" => Some(Gate::None),
            _ => None,
        }
    }
}

#[derive(Clone, Debug)]
pub(crate) struct Plan {
    pub(crate) root: PathBuf,
    pub(crate) config: Config,
    /// The plan year: `zi.toml`'s, or the as-of year when it has none.
    pub(crate) year: i32,
    pub(crate) areas: Vec<Area>,
    /// Links (and other unusable entries) in the evidence tree above the
    /// indicator folders: reported once and never followed, so no evidence
    /// below them is counted.
    pub(crate) unfollowed_evidence: Vec<String>,
}

#[derive(Clone, Debug)]
pub(crate) struct Area {
    pub(crate) number: u32,
    pub(crate) id: String,
    /// `plan/<dir>`
    pub(crate) path: String,
    pub(crate) name: String,
    pub(crate) components: Vec<Component>,
}

#[derive(Clone, Debug)]
pub(crate) struct Component {
    pub(crate) number: u32,
    pub(crate) id: String,
    pub(crate) path: String,
    pub(crate) name: String,
    pub(crate) indicators: Vec<Arc<IndicatorFile>>,
}

/// Where an indicator's plan file and evidence folder are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct IndicatorFile {
    pub(crate) id: String,
    /// `plan/…/N-slug.toml`
    pub(crate) path: String,
    /// `evidence/…/N-slug`
    pub(crate) evidence: String,
}

/// An ID as the command line gives it, without `./` before it or `/` after.
pub(crate) fn trim_id(id: &str) -> &str {
    id.trim().trim_start_matches("./").trim_end_matches('/')
}

/// How much of an area or component an ID reaches.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Reach {
    /// No indicator below it.
    None,
    /// Maybe some indicators below it: the ID names something inside.
    Part,
    /// All of it: the ID names the folder itself or one above it.
    Whole,
}

/// How much of the area or component `folder_id` (with its plan and
/// evidence folders `paths`) the ID `id` selects, by the rules of
/// `judge::select::selects`: never less than that selects.
pub(crate) fn reach(id: &str, folder_id: &str, paths: [&str; 2]) -> Reach {
    let id = trim_id(id);
    let upper = id.to_ascii_uppercase();
    let below =
        |outer: &str, inner: &str| inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('/'));
    let dotted_below =
        |outer: &str, inner: &str| inner.strip_prefix(outer).is_some_and(|rest| rest.starts_with('.'));
    if upper == folder_id || dotted_below(&upper, folder_id) || paths.iter().any(|p| *p == id || below(id, p))
    {
        Reach::Whole
    } else if dotted_below(folder_id, &upper) || paths.iter().any(|p| below(p, id)) {
        Reach::Part
    } else {
        Reach::None
    }
}

impl Plan {
    /// Whether the evidence folder `rel` lies at or below an entry the
    /// evidence tree check did not follow.
    pub(crate) fn evidence_unfollowed(&self, rel: &str) -> bool {
        self.unfollowed_evidence.iter().any(|skipped| {
            rel.strip_prefix(skipped.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }

    pub(crate) fn indicators(&self) -> impl Iterator<Item = &Arc<IndicatorFile>> {
        self.areas.iter().flat_map(|a| a.components.iter().flat_map(|c| c.indicators.iter()))
    }
}

/// An evidence document (bukti fisik) and the file-name globs that satisfy it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct EvidenceItem {
    pub(crate) name: String,
    /// Lowercase globs; the derived default when the plan gives no `file`.
    pub(crate) patterns: Vec<String>,
    /// Whether `patterns` came from the plan's `file` rather than the name.
    pub(crate) explicit: bool,
}

impl EvidenceItem {
    pub(crate) fn new(name: String, file: Option<Vec<String>>) -> Self {
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
pub(crate) fn default_pattern(name: &str) -> String {
    // Built in one buffer: this runs for most documents of every plan file.
    let mut pattern = String::with_capacity(name.len() + 2);
    pattern.push('*');
    if name.is_ascii() {
        // A byte at a time: splitting by `char` costs more than the rest.
        let mut in_word = false;
        for b in name.bytes() {
            if b.is_ascii_alphanumeric() {
                pattern.push(char::from(b.to_ascii_lowercase()));
            } else if in_word {
                pattern.push('*');
            }
            in_word = b.is_ascii_alphanumeric();
        }
        if in_word {
            pattern.push('*');
        }
        return pattern;
    }
    words_pattern(name, pattern)
}

/// `default_pattern` by whole words, after `pattern`'s leading star.
fn words_pattern(name: &str, mut pattern: String) -> String {
    for word in name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if word.is_ascii() {
            pattern.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
        } else {
            // Whole words, so that a final sigma lowercases as a word's last letter.
            pattern.push_str(&word.to_lowercase());
        }
        pattern.push('*');
    }
    pattern
}

/// What an indicator file says, as far as it could be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Indicator {
    pub(crate) text: String,
    pub(crate) actions: Vec<String>,
    pub(crate) evidence: Vec<EvidenceItem>,
    pub(crate) due_text: String,
    /// `None` when the plan names no target, or the target could not be read
    /// (then an error says why).
    pub(crate) due: Option<Due>,
    pub(crate) pic: Option<String>,
    /// The LKE questions the indicator serves, as written.
    pub(crate) lke: Vec<LkeRef>,
}

/// An LKE question id an indicator names, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct LkeRef {
    pub(crate) id: String,
    pub(crate) at: At,
}

/// What the disk holds for one indicator: what its plan file says (`None`
/// when it cannot be read at all) and its evidence folder.
pub(crate) struct Loaded {
    pub(crate) indicator: Option<Indicator>,
    pub(crate) folder: crate::model::evidence::Folder,
}

/// How much of an indicator a reader reads.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Part {
    /// The plan file and the evidence folder.
    Whole,
    /// The plan file alone: the folder is left empty and unread.
    PlanFile,
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn an_ascii_name_implies_the_pattern_its_words_do(name in "[a-zA-Z0-9 ._()-]{0,16}") {
            let by_words = super::words_pattern(&name, String::from("*"));
            prop_assert_eq!(super::default_pattern(&name), by_words);
        }
    }
}
