//! What zi says outside the problems of plan files: the reasons it cannot
//! run ("cannot run", exit 2, or 1 when something is in the way) and the
//! notes a command prints. Both are data; `crate::text` words them.

use std::fmt;

/// Why a command could not do its job.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Fatal {
    /// No `zi.toml` at or above the folder.
    NoRoot {
        start: String,
    },
    CannotOpen {
        path: String,
        error: String,
    },
    NotAFolder {
        path: String,
    },
    NoIndicatorMatches {
        ids: Vec<String>,
    },
    ShowTakesOne {
        id: String,
        count: usize,
        listed: Vec<String>,
        more: bool,
    },
    NotWrittenByZi {
        path: String,
    },
    OutputIsFolder {
        path: String,
    },
    /// `--format xlsx` with no `-o FILE`, and standard output a terminal.
    WorkbookToTerminal,
    CannotRead {
        path: String,
        error: String,
    },
    CannotWrite {
        path: String,
        error: String,
    },
    CannotCreate {
        path: String,
        error: String,
    },
    CannotRemove {
        path: String,
        error: String,
    },
    CannotKeepOldHook {
        backup: &'static str,
        error: String,
    },
    CannotRestoreHook {
        backup: &'static str,
        error: String,
    },
    NoSuchPath {
        path: String,
    },
    NotInGit {
        path: String,
        error: String,
    },
    NotARevision {
        rev: String,
    },
    /// `zi.toml` is a link that leads nowhere.
    DanglingConfig {
        path: String,
    },
    /// Started in a bare repository: there is no work tree to read.
    BareRepository {
        path: String,
    },
    /// A revision was asked of a repository with no commit yet.
    NoCommitsYet {
        rev: String,
    },
    /// A revision not in a shallow clone (it may be in the full history).
    ShallowClone {
        rev: String,
    },
    UnknownRevision {
        rev: String,
    },
    SymmetricRange {
        range: String,
    },
    GitMissing,
    GitCannotRun {
        error: String,
    },
    /// A git command failed; `message` is git's own.
    GitFailed {
        command: String,
        message: String,
    },
    /// git answered something zi cannot read, or its pipes failed.
    GitUnexpected {
        trouble: GitTrouble,
    },
    /// Another program's pre-commit hook is installed.
    ForeignHook {
        shown: String,
        chain: String,
        backup: &'static str,
    },
    /// `--force` would replace a hook, but the place kept for it is taken.
    BackupInTheWay {
        path: String,
    },
    /// `zi hook uninstall` found a hook zi did not write.
    NotOurHook {
        shown: String,
    },
    /// `zi hook install` or `uninstall` in a unit of a workspace, whose one
    /// hook is the workspace root's (`root`, from the unit).
    HookInAUnit {
        root: String,
    },
    /// `ZI_TODAY` is not a date.
    BadToday {
        text: String,
    },
    /// `ZI_TODAY` holds bytes that are not UTF-8 (shown with `�`).
    TodayNotUtf8 {
        text: String,
    },
    /// Writing the output failed.
    Output {
        error: String,
    },
    /// `zi init` or `zi import` into a folder that already holds a plan.
    PlanExists {
        path: String,
        force_helps: bool,
    },
    /// A spreadsheet format zi does not read.
    NotASpreadsheet {
        path: String,
    },
    UnreadableSpreadsheet {
        path: String,
        error: String,
    },
    NoSuchSheet {
        name: String,
        sheets: Vec<String>,
    },
    /// `zi export -o FILE` with a name that says neither xlsx nor csv.
    UnknownExportFormat {
        path: String,
    },
    /// `--unit TEXT` selects no unit of the workspace.
    NoUnitSelected {
        text: String,
        units: Vec<String>,
    },
    /// `--unit` outside a workspace root.
    NotAWorkspace,
    /// A command that works on one unit, run at a workspace root.
    OneUnitOnly {
        command: &'static str,
    },
    /// `zi score FILE` at a workspace root with a FILE in no unit's folder.
    FileInNoUnit {
        path: String,
    },
    /// `zi init --from PLAN_DIR` at a workspace root without the new unit's
    /// folder (DIR) or name (`--unit`).
    UnitFolderUnnamed,
    /// `zi init` at a workspace root into a folder no `units` glob matches.
    OutsideUnits {
        path: String,
        globs: Vec<String>,
    },
}

impl Fatal {
    /// 1 when something is in the way (SPEC: `zi hook`), else 2.
    pub(crate) fn exit_code(&self) -> u8 {
        match self {
            Fatal::ForeignHook { .. }
            | Fatal::BackupInTheWay { .. }
            | Fatal::NotOurHook { .. }
            | Fatal::HookInAUnit { .. } => 1,
            _ => 2,
        }
    }
}

/// Only for debugging and `anyhow`'s plumbing: users see the words
/// `crate::text` gives it.
impl fmt::Display for Fatal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:?}")
    }
}

impl std::error::Error for Fatal {}

/// What went wrong in talking to git; `error` is the system's own words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum GitTrouble {
    /// `git rev-parse --show-toplevel` named no folder.
    NoTop,
    /// `git cat-file` could not be given its input or read.
    NoPipe,
    /// An object could not be read from `git cat-file`.
    ReadObject { object: String, error: String },
    /// Writing the object names to `git cat-file` failed.
    Write { error: String },
    /// Waiting for git failed.
    Wait { error: String },
}

/// The messages of the pre-commit hook. `NotFound` is written into the
/// script (in every language: without zi nothing can choose one); the
/// others `zi hook run` says at commit time, in the plan's language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum HookMessage {
    NotFound,
    /// `gate = "all"`: something is overdue.
    Refused,
    /// `gate = "new"`: the commit makes the plan worse.
    RefusedNew,
    /// At a workspace root: only units zi could not judge refuse.
    RefusedUnjudged,
    Failed,
}
