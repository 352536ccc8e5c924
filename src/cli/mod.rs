//! The command line: commands and the flags every report shares.
//!
//! Every word of `--help` and of a usage error comes from the catalogue of
//! the user's language (`crate::text`), not from doc comments: clap's own
//! English never reaches the user. `localise` puts the words onto clap's
//! command, `errors` reads clap's errors into data the catalogue words.
//!
//! # Adding a command or a flag
//!
//! 1. Add the field or variant here. Write a `//` comment for readers of
//!    the code if it needs one; a `///` doc comment would become clap's
//!    English help, and a test refuses it.
//! 2. Add its help text to both `src/text/en_help.rs` and
//!    `src/text/id_help.rs`, under its key: the command path joined by
//!    `.` for a command's description (`status`, `hook.install`), then
//!    `.` and the field's name for a flag or argument (`status.format`,
//!    `overdue.within`; the global flags are `zi.dir`, `zi.as_of`,
//!    `zi.lang`). Default values and value lists are added by `localise`
//!    in the user's language; do not repeat them in the text.
//! 3. A value parser of your own returns an error `errors` knows
//!    (`BadDate`, or a new one there with a `Wanted` in
//!    `crate::problem`), so its refusal is worded too.
//!
//! `cargo test` fails when a command or flag has no text in a language,
//! when a text has no command or flag, and when a doc comment slipped in
//! (`cli::localise::tests`).

mod args;
mod errors;
mod localise;

use std::ffi::OsString;
use std::path::PathBuf;

use clap::FromArgMatches;

use crate::text::Lang;

#[cfg(test)]
pub(crate) use args::STATUSES;
pub(crate) use args::{parse_date, Cli, Command, ExportFormat, GlobalArgs, HookAction, TargetArg};
pub(crate) use errors::usage_error;
use localise::command;

/// The command line, read without the words of any language: they do not
/// change what it means, only what its refusal or `--help` says, so they
/// are put onto clap's command (a tenth of a small plan's `zi overdue`)
/// only when that is to be said (`parse`).
pub(crate) fn parse_plain(args: &[OsString]) -> Result<Cli, clap::Error> {
    localise::plain().try_get_matches_from(args).and_then(|matches| Cli::from_arg_matches(&matches))
}

/// The command line read with the words of `lang` for its refusal or `--help`.
pub(crate) fn parse(args: &[OsString], lang: Lang) -> Result<Cli, clap::Error> {
    command(lang).try_get_matches_from(args).and_then(|matches| Cli::from_arg_matches(&matches))
}

/// `--lang` and `-C`, as far as a command line clap refused can be read:
/// they decide the language its refusal is said in.
pub(crate) fn early_globals(args: &[OsString]) -> (Option<Lang>, Option<PathBuf>) {
    let (mut lang, mut dir) = (None, None);
    let mut words = args.iter().skip(1).map(|a| a.to_string_lossy());
    while let Some(word) = words.next() {
        match word.as_ref() {
            "--" => break,
            "--lang" => lang = words.next().and_then(|v| Lang::from_code(&v)).or(lang),
            "-C" => dir = words.next().map(|v| PathBuf::from(v.as_ref())),
            other => {
                if let Some(value) = other.strip_prefix("--lang=") {
                    lang = Lang::from_code(value).or(lang);
                } else if let Some(value) = other.strip_prefix("-C").filter(|v| !v.is_empty()) {
                    dir = Some(PathBuf::from(value.strip_prefix('=').unwrap_or(value)));
                }
            }
        }
    }
    (lang, dir)
}
