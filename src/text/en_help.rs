//! `--help` in English: what each command and flag does, and the words
//! around them. Keys are explained in `crate::cli`.

use super::catalogue::{indented, plural, quoted, HelpWords};
use crate::problem::{Tip, UsageKind, Wanted};

pub(super) static WORDS: HelpWords = HelpWords {
    usage: "Usage:",
    commands: "Commands",
    arguments: "Arguments",
    options: "Options",
    options_tag: "[OPTIONS]",
    command_tag: "COMMAND",
    default: "default",
    possible_values: "possible values",
    tip: "tip",
    more_information: "For more information, try '--help'.",
};

/// The help of each command and flag, by key.
pub(super) static HELP: &[(&str, &str)] = &[
    ("zi", "Keeps a Zona Integritas work plan (RKT) honest, on time and ready for evaluation"),
    ("zi.dir", "Run as if started in DIR"),
    ("zi.as_of", "Judge the plan as of this date instead of today [env: ZI_TODAY=]"),
    ("zi.lang", "Language of labels and messages (zi.toml's `lang`, else LANG, else en)"),
    ("zi.help", "Print help"),
    ("zi.version", "Print version"),
    ("format", "Output format"),
    ("pic", "Only indicators whose person in charge contains TEXT (any case)"),
    ("units", "At a workspace root: only the unit in the folder named TEXT, else the units whose folder or name contains TEXT (any case); repeatable"),
    ("help", "Print this message or the help of the given command"),
    ("help.subcommand", "The command to explain"),
    ("status", "Status of every indicator, by area and component, with totals"),
    ("status.only", "Only indicators with one of these statuses (e.g. --only overdue due)"),
    ("status.ids", "Areas, components or indicators to show (III, III.3, III.3.4 or a path)"),
    ("overdue", "Periods past their deadline without complete evidence (exit 1 if any)"),
    ("overdue.ids", "Areas, components or indicators to list (III, III.3, III.3.4 or a path)"),
    ("overdue.within", "Also list periods due within DAYS (they do not change the exit status)"),
    ("overdue.staged", "Judge the plan as staged in git's index (what the commit holds), not the working tree"),
    (
        "overdue.new_since",
        "List everything, but count in the exit status only what was not overdue or invalid in REV (e.g. HEAD)",
    ),
    ("check", "Every problem in plan and evidence, with file:line:column and a hint"),
    ("check.strict", "Fail on warnings too"),
    (
        "report",
        "One self-contained HTML page: progress per area, the year's timeline, what is overdue, \
         and every document with the files that satisfy it",
    ),
    ("report.ids", "Areas, components or indicators to include (III, III.3, III.3.4 or a path)"),
    ("report.output", "Write the page to FILE (atomically) instead of standard output"),
    ("report.force", "Replace FILE even when zi did not write it"),
    ("show", "One indicator in full: actions, periods × documents, matching files"),
    ("show.id", "The indicator (III.3.4 or its path)"),
    ("hook", "Install or remove the git pre-commit hook that runs `zi overdue`"),
    ("hook.install", "Install the pre-commit hook (never replaces a hook zi did not write, unless --force)"),
    ("hook.install.force", "Replace a pre-commit hook zi did not write (it is kept as pre-commit.before-zi)"),
    ("hook.uninstall", "Remove the pre-commit hook zi installed (and put back the one it replaced)"),
    ("hook.run", "What the pre-commit hook runs: the staged plan, refused as zi.toml's [hook] gate says"),
    ("fmt", "Rewrite plan files in the canonical layout (exit 1 with --check if any differ)"),
    ("fmt.check", "Write nothing; name the files that are not in the canonical layout"),
    ("fmt.paths", "Files or folders to format (if none: zi.toml and every .toml file under plan/)"),
    ("diff", "What changed in status between two commits (if none: HEAD against the working tree)"),
    ("diff.range", "A commit (against the working tree) or a range A..B"),
    ("init", "Start a plan: zi.toml, the six areas and the LKE's pemenuhan questions as indicators, evidence folders"),
    ("init.folder", "The folder to start the plan in (if none: the current folder)"),
    ("init.unit", "The work unit (satuan kerja)"),
    ("init.year", "The plan year"),
    ("init.from", "Start from last year's plan in PLAN_DIR: the same files, target years moved, no evidence"),
    ("init.evidence_folders", "Only create the evidence folders the indicators of this plan lack"),
    ("init.workspace", "Start a workspace of many units: a zi.toml with [workspace] units = [\"units/*\"] and the units/ folder"),
    (
        "score",
        "The LKE score: rekap per area, hasil, the WBK/WBBM verdict, where points are lost, readiness \
         (a projection from the evidence when there is no assessment)",
    ),
    ("score.file", "The assessment to score (if none: the newest under assessments/)"),
    ("score.target", "The target --check checks and the rekap marks (if none: the assessment's, else WBK)"),
    ("score.detail", "Also one row per question"),
    ("score.questions", "List the LKE's questions: ids, weights, scales and the inputs of percentage items"),
    ("score.check", "Exit 1 when the target is missed"),
    ("score.output", "Write to FILE (atomically) instead of standard output"),
    ("score.force", "Replace FILE even when zi did not write it"),
    ("import", "Read an RKT table (.xlsx, .xls, .ods, .csv) and write the plan's files"),
    ("import.file", "The spreadsheet"),
    ("import.sheet", "Read this sheet (if none: the first whose header zi recognises)"),
    ("import.dry_run", "Write nothing; list the files it would write"),
    ("import.force", "Replace the plan files of a folder that already holds a plan"),
    ("import.unit", "The work unit, when the title block does not name it (or to replace it)"),
    ("import.year", "The plan year, when the title block does not name it (or to replace it)"),
    ("export", "Write the plan as the RKT table evaluators know (.xlsx or .csv)"),
    ("export.output", "Write to FILE (atomically) instead of standard output"),
    ("export.format", "The format (if none: FILE's extension, else xlsx)"),
    ("export.with_status", "Add STATUS, DOKUMEN and KETERANGAN as of --as-of, and a flat sheet"),
    ("export.force", "Replace FILE even when zi did not write it"),
];

/// What is wrong with a command line.
pub(super) fn usage_message(kind: &UsageKind) -> String {
    match kind {
        UsageKind::UnknownCommand { name } => format!("unrecognized command '{name}'"),
        UsageKind::UnknownArgument { arg } => format!("unexpected argument '{arg}' found"),
        UsageKind::NotAChoice { arg, value, choices } => {
            format!("invalid value '{value}' for '{arg}'{}", choices_list(choices))
        }
        UsageKind::MissingValue { arg, choices } => {
            format!("a value is required for '{arg}' but none was supplied{}", choices_list(choices))
        }
        UsageKind::BadValue { arg, value, wanted } => {
            let wanted = match wanted {
                Wanted::Date => ": expected a date as YYYY-MM-DD (year 0001 to 9999)",
                Wanted::Count => ": expected a whole number, 0 or more",
                Wanted::Other => "",
            };
            format!("invalid value '{value}' for '{arg}'{wanted}")
        }
        UsageKind::Conflict { arg, with: Some(with) } => {
            format!("the argument '{arg}' cannot be used with '{with}'")
        }
        UsageKind::Conflict { arg, with: None } => {
            format!("the argument '{arg}' cannot be used with one or more of the other arguments")
        }
        UsageKind::Repeated { arg } => format!("the argument '{arg}' cannot be used more than once"),
        UsageKind::MissingArguments { args } => {
            format!("the following required arguments were not provided:{}", indented(args))
        }
        UsageKind::MissingCommand { command, commands } => {
            format!("'{command}' needs a command but none was given\n  [commands: {}]", commands.join(", "))
        }
        UsageKind::UnexpectedValue { arg, value } => {
            format!("unexpected value '{value}' for '{arg}' found; no more were expected")
        }
        UsageKind::WrongNumberOfValues { arg, expected, actual } => {
            format!("{expected} value{} required for '{arg}' but {actual} given", plural(*expected))
        }
        UsageKind::NeedsEquals { arg } => {
            format!("write the value of '{arg}' after an equals sign: {arg}=VALUE")
        }
        UsageKind::InvalidUtf8 => "an argument is not valid UTF-8".into(),
        UsageKind::Unreadable => "zi cannot read this command line".into(),
    }
}

/// A next step for a command line zi cannot read.
pub(super) fn usage_tip(tip: &Tip) -> String {
    match tip {
        Tip::SimilarCommands(names) if names.len() == 1 => {
            format!("a similar command exists: {}", quoted(names))
        }
        Tip::SimilarCommands(names) => format!("some similar commands exist: {}", quoted(names)),
        Tip::SimilarArgument(arg) => format!("a similar argument exists: '{arg}'"),
        Tip::SimilarValues(values) if values.len() == 1 => {
            format!("a similar value exists: {}", quoted(values))
        }
        Tip::SimilarValues(values) => format!("some similar values exist: {}", quoted(values)),
        Tip::PassAsValue { value, written } => format!("to pass '{value}' as a value, write '{written}'"),
        Tip::RemoveDashes { command } => {
            format!("the command '{command}' exists; to use it, remove the '--' before it")
        }
        Tip::BelongsTo { written } => format!("'{written}' exists"),
    }
}

fn choices_list(choices: &[String]) -> String {
    if choices.is_empty() {
        String::new()
    } else {
        format!("\n  [possible values: {}]", choices.join(", "))
    }
}
