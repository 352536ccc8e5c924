//! The commands and flags, as clap's derive reads them. Their words are
//! not here but in the catalogues (see `crate::cli` on adding one).

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand};

use crate::render::Format;
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
        #[arg(long, value_name = "DAYS")]
        within: Option<u32>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Check {
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    Report {
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[command(flatten)]
        filter: Filter,
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
        #[arg(long, value_name = "YEAR")]
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
        #[arg(long, value_enum)]
        target: Option<TargetArg>,
        #[arg(long)]
        detail: bool,
        #[arg(long)]
        questions: bool,
        #[arg(long)]
        check: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
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
    /// Where a command that makes a plan makes it (`Some(None)`: the base
    /// folder); `None` for the commands that work on an existing plan.
    pub(crate) fn new_plan_at(&self) -> Option<Option<&std::path::Path>> {
        match self {
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
}

/// A date for `--as-of` or `ZI_TODAY`. Years outside 0001–9999 are refused:
/// a plan year is four digits, and a repository without one takes the as-of
/// year as its plan year.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, BadDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&d.year()))
        .ok_or(BadDate)
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
