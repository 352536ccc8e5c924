//! What is wrong with a command line, as data: `crate::cli` reads clap's
//! errors into it, `crate::text` words it, so that a typo in a command or a
//! flag is answered in the user's language like every other problem.

/// A command line zi cannot read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UsageError {
    pub(crate) kind: UsageKind,
    /// What the user may have meant, most likely first.
    pub(crate) tips: Vec<Tip>,
    /// The usage line of the command, without its heading: `zi status [OPTIONS] [ID]...`.
    pub(crate) usage: Option<String>,
}

/// What is wrong. `arg` is a flag or argument as the usage line writes it
/// (`--format <FORMAT>`, `[ID]...`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum UsageKind {
    UnknownCommand {
        name: String,
    },
    UnknownArgument {
        arg: String,
    },
    /// A value outside a fixed list.
    NotAChoice {
        arg: String,
        value: String,
        choices: Vec<String>,
    },
    MissingValue {
        arg: String,
        choices: Vec<String>,
    },
    /// A value a parser refused; `expected` says what it wanted.
    BadValue {
        arg: String,
        value: String,
        wanted: Wanted,
    },
    Conflict {
        arg: String,
        with: Option<String>,
    },
    Repeated {
        arg: String,
    },
    MissingArguments {
        args: Vec<String>,
    },
    MissingCommand {
        command: String,
        commands: Vec<String>,
    },
    UnexpectedValue {
        arg: String,
        value: String,
    },
    WrongNumberOfValues {
        arg: String,
        expected: usize,
        actual: usize,
    },
    NeedsEquals {
        arg: String,
    },
    InvalidUtf8,
    /// A kind clap has and zi does not know yet.
    Unreadable,
}

/// What a value parser wanted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Wanted {
    /// `YYYY-MM-DD`, year 0001 to 9999.
    Date,
    /// A whole number from 0 up.
    Count,
    /// Something else; the usage line shows it.
    Other,
}

/// A next step clap found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Tip {
    SimilarCommands(Vec<String>),
    SimilarArgument(String),
    SimilarValues(Vec<String>),
    /// A value that starts with `-`: `zi overdue -- -3`.
    PassAsValue {
        value: String,
        written: String,
    },
    /// `zi -- status`: the command exists, without the `--`.
    RemoveDashes {
        command: String,
    },
    /// `zi --format json` without the command that takes it: `zi status --format`.
    BelongsTo {
        written: String,
    },
}
