//! The only module that knows languages. Every word the interface prints
//! comes from one catalogue per language (`en`, `id`), each a whole
//! implementation of `Catalogue`: the compiler makes sure both languages
//! say everything. The layers below hand over data (problems, notes,
//! reasons a command cannot run); words are made here, when shown.

mod catalogue;
mod en;
mod en_help;
mod id;
mod id_help;
mod os;
pub(crate) mod score;
mod team;
#[cfg(test)]
mod tests;
mod workspace;

use serde::Serialize;

use crate::model::month::{self, YearMonth};
pub(crate) use catalogue::{Catalogue, Labels, RktLabels};
pub(crate) use team::TeamReadme;
pub(crate) use workspace::WorkspaceLabels;

/// The language of labels and messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub(crate) enum Lang {
    Id,
    En,
}

/// Every language zi speaks.
pub(crate) const LANGUAGES: [Lang; 2] = [Lang::Id, Lang::En];

impl Lang {
    pub(crate) fn catalogue(self) -> &'static dyn Catalogue {
        match self {
            Lang::Id => &id::Id,
            Lang::En => &en::En,
        }
    }

    pub(crate) fn labels(self) -> &'static Labels {
        self.catalogue().labels()
    }

    /// The words of the LKE score.
    pub(crate) fn score(self) -> &'static dyn score::ScoreWords {
        match self {
            Lang::Id => &score::ID,
            Lang::En => &score::EN,
        }
    }

    /// The words of a workspace's reports.
    pub(crate) fn workspace(self) -> &'static WorkspaceLabels {
        match self {
            Lang::Id => &workspace::ID,
            Lang::En => &workspace::EN,
        }
    }

    pub(crate) fn rkt(self) -> &'static RktLabels {
        self.catalogue().rkt()
    }

    /// The `README.md` of a new plan, in this language.
    pub(crate) fn team_readme(self, readme: &TeamReadme) -> String {
        match self {
            Lang::Id => team::id(readme),
            Lang::En => team::en(readme),
        }
    }

    /// The full name of `month` (1..=12).
    pub(crate) fn month_name(self, month: u32) -> &'static str {
        month::name_in(self.catalogue().month_names(), month)
    }

    /// The short name of `month` (1..=12), for timeline columns.
    pub(crate) fn month_short(self, month: u32) -> &'static str {
        month::name_in(self.catalogue().month_short_names(), month)
    }

    /// "Juli 2022" / "July 2022".
    pub(crate) fn month(self, month: YearMonth) -> String {
        format!("{} {}", self.month_name(month.month()), month.year())
    }

    /// "15 Agustus 2022" / "15 August 2022": a date as a letter writes it.
    pub(crate) fn long_date(self, date: chrono::NaiveDate) -> String {
        use chrono::Datelike;
        format!("{} {} {}", date.day(), self.month_name(date.month()), date.year())
    }

    /// The `lang` attribute of an HTML page.
    pub(crate) fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// The language of a code as `zi.toml`'s `lang` writes it: `id` or `en`,
    /// in any case.
    pub(crate) fn from_code(code: &str) -> Option<Lang> {
        match code.to_ascii_lowercase().as_str() {
            "id" => Some(Lang::Id),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The language `LANG` asks for: Indonesian for `id*`/`in_*`, else English.
    pub(crate) fn from_env_value(value: &str) -> Lang {
        let lower = value.to_ascii_lowercase();
        if lower.starts_with("id") || lower.starts_with("in_") {
            Lang::Id
        } else {
            Lang::En
        }
    }
}
