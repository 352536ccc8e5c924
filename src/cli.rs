//! The command line: commands and the flags every report shares.

use std::path::PathBuf;

use chrono::{Datelike, NaiveDate};
use clap::{Args, Parser, Subcommand};

use crate::render::Format;
use crate::text::Lang;

#[derive(Debug, Parser)]
#[command(
    name = "zi",
    version,
    about = "Keeps a Zona Integritas work plan (RKT) honest, on time and ready for evaluation",
    propagate_version = true
)]
pub(crate) struct Cli {
    #[command(flatten)]
    pub(crate) global: GlobalArgs,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Debug, Args)]
pub(crate) struct GlobalArgs {
    /// Run as if started in DIR
    #[arg(short = 'C', value_name = "DIR", global = true)]
    pub(crate) dir: Option<PathBuf>,
    /// Judge the plan as of this date instead of today [env: ZI_TODAY=]
    #[arg(long, value_name = "YYYY-MM-DD", global = true, value_parser = parse_date)]
    pub(crate) as_of: Option<NaiveDate>,
    /// Language of labels and messages [default: zi.toml's `lang`, then LANG, then en]
    #[arg(long, value_enum, global = true)]
    pub(crate) lang: Option<Lang>,
}

#[derive(Debug, Subcommand)]
pub(crate) enum Command {
    /// Status of every indicator, by area and component, with totals
    Status {
        /// Areas, components or indicators to show (III, III.3, III.3.4 or a path)
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Periods past their deadline without complete evidence (exit 1 if any)
    Overdue {
        /// Also list periods due within DAYS (they do not change the exit status)
        #[arg(long, value_name = "DAYS")]
        within: Option<u32>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Every problem in plan and evidence, with file:line:column and a hint
    Check {
        /// Fail on warnings too
        #[arg(long)]
        strict: bool,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// One self-contained HTML page: progress per area, the year's timeline,
    /// what is overdue, and every document with the files that satisfy it
    Report {
        /// Areas, components or indicators to include (III, III.3, III.3.4 or a path)
        #[arg(value_name = "ID")]
        ids: Vec<String>,
        /// Write the page to FILE (atomically) instead of standard output
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// Replace FILE even when zi did not write it
        #[arg(long)]
        force: bool,
    },
    /// One indicator in full: actions, periods × documents, matching files
    Show {
        /// The indicator (III.3.4 or its path)
        #[arg(value_name = "ID")]
        id: String,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Install or remove the git pre-commit hook that runs `zi overdue`
    Hook {
        #[command(subcommand)]
        action: HookAction,
    },
    /// Rewrite plan files in the canonical layout (exit 1 with --check if any differ)
    Fmt {
        /// Write nothing; name the files that are not in the canonical layout
        #[arg(long)]
        check: bool,
        /// Files or folders to format [default: zi.toml and every .toml file under plan/]
        #[arg(value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Read an RKT table (.xlsx, .xls, .ods, .csv) and write the plan files
    Import {
        /// The spreadsheet
        #[arg(value_name = "FILE")]
        file: PathBuf,
        /// Read this sheet [default: the first whose header zi recognises]
        #[arg(long, value_name = "NAME")]
        sheet: Option<String>,
        /// Write nothing; list the files it would write
        #[arg(long)]
        dry_run: bool,
        /// Replace the plan files of a folder that already holds a plan
        #[arg(long)]
        force: bool,
        /// The work unit, when the title block does not name it (or to replace it)
        #[arg(long, value_name = "TEXT")]
        unit: Option<String>,
        /// The plan year, when the title block does not name it (or to replace it)
        #[arg(long, value_name = "YEAR")]
        year: Option<i32>,
    },
    /// Write the plan as the RKT table (.xlsx or .csv) evaluators know
    Export {
        /// Write to FILE [default: standard output]
        #[arg(short = 'o', long = "output", value_name = "FILE")]
        output: Option<PathBuf>,
        /// The format [default: from FILE's extension, else xlsx]
        #[arg(long, value_enum)]
        format: Option<ExportFormat>,
        /// Add STATUS, DOKUMEN and KETERANGAN as of --as-of, and a flat sheet
        #[arg(long)]
        with_status: bool,
        /// Replace FILE even when zi did not write it
        #[arg(long)]
        force: bool,
    },
    /// What changed in status between two commits [default: HEAD against the working tree]
    Diff {
        /// A commit (against the working tree) or a range A..B
        #[arg(value_name = "REV[..REV]")]
        range: Option<String>,
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
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

/// The formats `zi export` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ExportFormat {
    Xlsx,
    Csv,
}

#[derive(Debug, Subcommand)]
pub(crate) enum HookAction {
    /// Install the pre-commit hook (never replaces a hook zi did not write, unless --force)
    Install {
        /// Replace a pre-commit hook zi did not write (it is kept as pre-commit.before-zi)
        #[arg(long)]
        force: bool,
    },
    /// Remove the pre-commit hook zi installed (and put back the one it replaced)
    Uninstall,
}

/// A date for `--as-of` or `ZI_TODAY`. Years outside 0001–9999 are refused:
/// a plan year is four digits, and a repository without one takes the as-of
/// year as its plan year.
pub(crate) fn parse_date(text: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .ok()
        .filter(|d| (1..=9999).contains(&d.year()))
        .ok_or_else(|| format!("expected a date as YYYY-MM-DD (year 0001 to 9999); got \"{text}\""))
}
