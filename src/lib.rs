//! `zi` keeps a Zona Integritas work plan (RKT) as plain text in git and
//! tells a team, at any date, what is done, due, overdue and missing.
//!
//! Data flows one way: files → plan model (`plan`) → schedule (`due`,
//! `schedule`) → evidence and status (`evidence`, `status`) → reports
//! (`report`). `run` is the whole program; `main` only turns its result into
//! an exit code.

#![warn(clippy::print_stdout, clippy::print_stderr)]
// A `Diagnostic` is the error value of reading user files: it travels once
// per problem, off the hot path, so its size is not worth boxing.
#![allow(clippy::result_large_err)]

pub mod cli;
pub mod commands;
pub mod judge;
pub mod load;
pub mod model;
pub mod problem;
pub mod render;
pub mod text;
pub mod write;

use std::ffi::OsString;
use std::io::{BufWriter, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;

use cli::{Cli, Command};

/// Runs `zi` with `args`, writing reports to `out` and notes to `err`.
/// Problems in plan files are reported, never returned as errors; an error
/// means zi could not run at all (exit status 2).
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode>
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            if e.use_stderr() {
                write!(err, "{}", e.render())?;
                return Ok(ExitCode::from(2));
            }
            write!(out, "{}", e.render())?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    // Commands that work on files and git rather than on one judgement of the plan.
    let result = match &cli.command {
        Command::Hook { action } => commands::hook::run(&cli.global, action, out, err),
        Command::Fmt { check, paths } => commands::fmt::run(&cli.global, *check, paths, out, err),
        Command::Diff { range, format } => commands::diff::run(&cli.global, range.as_deref(), *format, out),
        _ => return run_report(&cli, out, err),
    };
    match result {
        Err(e) if is_broken_pipe(&e) => Ok(ExitCode::SUCCESS),
        other => other,
    }
}

/// The reports on the plan as it stands: status, overdue, check, show.
fn run_report(cli: &Cli, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let color = wants_color(std::io::stdout().is_terminal(), std::env::var_os("NO_COLOR"));
    // The summaries need no file lists, actions or patterns, which at
    // ministry scale would be most of the memory; `zi show` needs them for
    // the indicator it shows. Any other command gets everything.
    let detail = |file: &load::plan::IndicatorFile| match &cli.command {
        Command::Status { .. } | Command::Overdue { .. } | Command::Check { .. } => {
            judge::evaluate::Detail::Summary
        }
        Command::Show { id, .. } if !commands::selects(id, file) => judge::evaluate::Detail::Summary,
        _ => judge::evaluate::Detail::Files,
    };
    let (eval, ctx) = commands::load(&cli.global, color, detail)?;
    // Standard output is line-buffered; a report of 100,000 indicators
    // would cost a write per line without this buffer.
    let mut buffered = BufWriter::with_capacity(64 * 1024, out);
    let out: &mut dyn Write = &mut buffered;
    let result = match &cli.command {
        Command::Status { ids, format } => commands::status::run(&eval, ctx, ids, *format, out),
        Command::Overdue { within, format } => commands::overdue::run(&eval, ctx, *within, *format, out),
        Command::Check { strict, format } => commands::check::run(&eval, ctx, *strict, *format, out),
        Command::Show { id, format } => commands::show::run(&eval, ctx, id, *format, out),
        Command::Report { ids, output, force } => {
            let output = commands::report::Output {
                file: output.as_deref(),
                base: cli.global.dir.as_deref(),
                force: *force,
            };
            commands::report::run(&eval, ctx, ids, output, out)
        }
        Command::Hook { .. } | Command::Fmt { .. } | Command::Diff { .. } => {
            unreachable!("dispatched by run")
        }
    };
    let result = result.and_then(|code| Ok(buffered.flush().map(|()| code)?));
    let code = match result {
        Err(e) if is_broken_pipe(&e) => return Ok(ExitCode::SUCCESS),
        other => other?,
    };
    if !matches!(cli.command, Command::Check { .. }) {
        if let Some(note) = commands::problems_note(&eval.diagnostics, ctx.lang) {
            let _ = writeln!(err, "{note}");
        }
    }
    free_in_background(eval);
    Ok(code)
}

/// Colour only on a terminal, and never when `NO_COLOR` is set to anything
/// (<https://no-color.org>).
fn wants_color(terminal: bool, no_color: Option<OsString>) -> bool {
    terminal && no_color.is_none_or(|v| v.is_empty())
}

/// Evaluations of this many indicators or more are freed on another thread.
const FREE_IN_BACKGROUND_FROM: usize = 10_000;

/// Freeing a large evaluation allocation by allocation takes about a twentieth
/// of the run, and nobody waits for it: the report is out, and when the
/// process exits first the system takes the memory back whole.
fn free_in_background(eval: judge::evaluate::Evaluation) {
    if eval.indicators.len() >= FREE_IN_BACKGROUND_FROM {
        std::thread::spawn(move || drop(eval));
    }
}

/// `zi status | head` closes the pipe early; that is not a failure.
fn is_broken_pipe(e: &anyhow::Error) -> bool {
    let broken = Some(std::io::ErrorKind::BrokenPipe);
    e.chain().any(|cause| {
        cause.downcast_ref::<std::io::Error>().map(std::io::Error::kind) == broken
            || cause.downcast_ref::<serde_json::Error>().and_then(serde_json::Error::io_error_kind) == broken
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_needs_a_terminal_and_no_no_color() {
        assert!(wants_color(true, None));
        assert!(!wants_color(false, None), "piped output is never coloured");
        assert!(!wants_color(true, Some("1".into())));
        assert!(wants_color(true, Some("".into())), "an empty NO_COLOR does not count");
    }
}
