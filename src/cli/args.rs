//! The commands and flags, as clap's derive reads them. Their words are
//! not here but in the catalogues (see `crate::cli` on adding one).

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand};

use crate::render::score::ScoreFormat;
use crate::render::{CheckFormat, Format};
use crate::text::Lang;

#[derive(Debug, Parser)]
#[command(name = "zi", version, propagate_version = true)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub(crate) dir: Option<PathBuf>,
    #[arg(long, value_name = "YYYY-MM-DD", global = true, value_parser = parse_date)]
    pub(crate) as_of: Option<NaiveDate>,
    #[arg(long, value_enum, global = true)]
    pub(crate) lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    Status {
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        units: Units,
        #[arg(long, value_name = "STATUS", num_args = 1.., value_delimiter = ',', value_parser = STATUSES)]
        only: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Overdue {
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        units: Units,
        #[arg(long, value_name = "DAYS")]
        within: Option<u32>,
        // The plan as staged in git's index (what a commit would hold),
        // not the working tree.
        #[arg(long)]
        staged: bool,
        // Only what is overdue or invalid now and was not in REV counts in
        // the exit status; everything is still listed.
        #[arg(long, value_name = "REV")]
        new_since: Option<String>,
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
    },
    Check {
        #[command(flatten)]
        units: Units,
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = CheckFormat::Table)]
        format: CheckFormat,
    },
    Report {
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        filter: Filter,
        #[command(flatten)]
        units: Units,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
    Show {
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    Fmt {
        #[arg(long)]
        check: bool,
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    Init {
        // Not `dir`: that is the id of the global `-C DIR`, and clap would
        // read one into the other.
        #[arg(value_name = "DIR")]
        folder: Option<PathBuf>,
        #[arg(long, value_name = "TEXT", required_unless_present_any = ["from", "evidence_folders", "workspace"])]
        unit: Option<String>,
        #[arg(long, value_name = "YEAR", required_unless_present_any = ["from", "evidence_folders", "workspace"], value_parser = clap::value_parser!(i32).range(1..=9999))]
        year: Option<i32>,
        #[arg(long, value_name = "PLAN_DIR")]
        from: Option<PathBuf>,
        #[arg(long, conflicts_with_all = ["from", "unit", "year", "folder"])]
        evidence_folders: bool,
        // A workspace root rather than a unit's plan.
        #[arg(long, conflicts_with_all = ["from", "unit", "year", "evidence_folders"])]
        workspace: bool,
    },
    Import {
        #[arg(value_name = "FILE")]
        file: PathBuf,
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        force: bool,
        #[arg(long, value_name = "TEXT")]
        unit: Option<String>,
        #[arg(long, value_name = "YEAR", value_parser = clap::value_parser!(i32).range(1..=9999))]
        year: Option<i32>,
    },
    Export {
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        #[arg(long)]
        with_status: bool,
        #[arg(long)]
        force: bool,
    },
    Diff {
        #[arg(value_name = "REV[..REV]")]
        range: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Score {
        #[arg(value_name = "FILE")]
        file: Option<PathBuf>,
        #[command(flatten)]
        units: Units,
        #[arg(long, value_enum)]
        target: Option<TargetArg>,
        #[arg(long)]
        detail: bool,
        #[arg(long)]
        questions: bool,
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, default_value_t = ScoreFormat::Table)]
        format: ScoreFormat,
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        #[arg(long)]
        force: bool,
    },
}

// The predicates of PermenPANRB 90/2021 (an LKE file names its own; these
// are the ones the command line offers).
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum TargetArg {
    Wbk,
    Wbbm,
}

impl TargetArg {
    pub(crate) fn id(self) -> &'static str {
        match self {
            TargetArg::Wbk => "WBK",
            TargetArg::Wbbm => "WBBM",
        }
    }
}

impl Command {
    /// `--unit`, for the commands that take it.
    pub(crate) fn units(&self) -> Option<&[String]> {
        match self {
            Command::Status { units, .. }
            | Command::Overdue { units, .. }
            | Command::Check { units, .. }
            | Command::Report { units, .. }
            | Command::Score { units, .. } => Some(&units.units),
            _ => None,
        }
    }

    /// Where a command that makes a plan makes it (`Some(None)`: the base
    /// folder); `None` for the commands that work on an existing plan.
    pub(crate) fn new_plan_at(&self) -> Option<Option<&std::path::Path>> {
        match self {
            Command::Init { folder, evidence_folders: false, .. } => Some(folder.as_deref()),
            Command::Import { .. } => Some(None),
            _ => None,
        }
    }
}

// The formats `zi export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    Xlsx,
    Csv,
}

// `--pic TEXT`: only the indicators whose person in charge contains TEXT.
#[derive(Debug, Args)]
pub(crate) struct Filter {
    #[arg(long, value_name = "TEXT")]
    pub(crate) pic: Option<String>,
}

// `--unit TEXT`: at a workspace root, only the units it selects.
#[derive(Debug, Args)]
pub(crate) struct Units {
    #[arg(long = "unit", value_name = "TEXT")]
    pub(crate) units: Vec<String>,
}

/// The statuses `--only` takes, as JSON names them (`judge::evaluate::Status::key`;
/// a test in `commands` keeps the two lists equal).
pub(crate) const STATUSES: [&str; 6] = ["invalid", "overdue", "due", "on-track", "done", "occurrences"];

#[derive(Debug, Subcommand)]
pub(crate) enum HookAction {
    Install {
        #[arg(long)]
        force: bool,
    },
    Uninstall,
    // What the installed hook runs: the staged plan judged by `[hook] gate`.
    Run,
}

/// A date for `--as-of` or `ZI_TODAY`. Years outside 0001–9999 are refused:
/// a plan year is four digits, and a repository without one takes the as-of
/// year as its plan year.
///
/// Exactly `YYYY-MM-DD`: chrono alone would read `27-08-15` as the year 27
/// and `2022-8-1` as a date, and a hook judging on the year 27 passes.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, BadDate> {
    let text = text.trim();
    let shaped = text.len() == 10
        && text
            .bytes()
            .enumerate()
            .all(|(i, b)| if i == 4 || i == 7 { b == b'-' } else { b.is_ascii_digit() });
    if !shaped {
        return Err(BadDate);
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d").ok().filter(|d| (1..=9999).contains(&d.year())).ok_or(BadDate)
}

/// A refused date; `errors` words it in the user's language.
#[derive(Debug)]
pub(crate) struct BadDate;

impl std::fmt::Display for BadDate {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("expected a date as YYYY-MM-DD (year 0001 to 9999)")
    }
}

impl std::error::Error for BadDate {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_date_is_exactly_four_digits_two_and_two() {
        assert_eq!(parse_date("2022-09-01").ok(), NaiveDate::from_ymd_opt(2022, 9, 1));
        assert_eq!(parse_date(" 0001-01-01 ").ok(), NaiveDate::from_ymd_opt(1, 1, 1));
        for bad in [
            "27-08-15",
            "0027-8-15",
            "2022-8-1",
            "2022/09/01",
            "20220901",
            "+2022-09-01",
            "2022-02-30",
            "0000-01-01",
            "",
            "２０２２-09-01",
        ] {
            assert!(parse_date(bad).is_err(), "{bad:?} must be refused");
        }
    }
}
