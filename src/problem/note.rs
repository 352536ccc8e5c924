//! What a command says it did (`Note`), which a problem's kind may explain.

use super::kind::Kind;

/// A line a command prints about what it did.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Note {
    /// On standard error when plan files have errors.
    ProblemsInPlan {
        errors: usize,
    },
    /// `zi.toml` has an error: said by every command but `zi check`, which
    /// lists it, so that nobody reads "?" as the unit without knowing why.
    BrokenConfig {
        place: String,
        kind: Box<Kind>,
    },
    /// Evidence filed where it does not count (`Code::is_misfiled`).
    Misfiled {
        places: usize,
    },
    /// `zi fmt --check` found files to rewrite.
    NotCanonical {
        files: usize,
    },
    HookAlreadyInstalled {
        shown: String,
    },
    HookInstalled {
        shown: String,
        backup: Option<&'static str>,
    },
    HookUpdated {
        shown: String,
    },
    /// What the installed hook does, and the escape hatch.
    HookRuns,
    NoHookToRemove {
        shown: String,
    },
    HookRemoved {
        shown: String,
        restored: bool,
    },
    /// `--new-since REV`: how much of the list is new, and so counts.
    NewSince {
        rev: String,
        new: usize,
    },
    /// `--new-since` in a repository without commits: nothing is new.
    NothingBeforeFirstCommit,
    /// The hook lists the first lines only.
    MoreOverdue {
        more: usize,
    },
    /// `zi import` read a table (or, with `--dry-run`, would write it).
    Imported {
        indicators: usize,
        components: usize,
        areas: usize,
        from: String,
        files: usize,
        dry_run: bool,
    },
    /// `zi init` started a plan.
    Initialised {
        unit: String,
        year: i32,
        areas: usize,
        indicators: usize,
        path: String,
        /// Whether `git init` made the folder a repository.
        git: bool,
    },
    /// `zi init --workspace` started a workspace.
    WorkspaceStarted {
        path: String,
        /// The folder its units go in.
        units: &'static str,
        git: bool,
    },
    /// `zi init --evidence-folders` made the folders it lists.
    EvidenceFolders {
        made: usize,
    },
    /// `zi export -o FILE` wrote the table.
    Exported {
        indicators: usize,
        path: String,
    },
}
