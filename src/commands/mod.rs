//! One module per command, each thin: settings → load → judge → render →
//! exit code. A command hands its view to the renderer it was given and
//! never asks which format that is.

mod check;
mod diff;
mod fmt;
mod hook;
mod overdue;
mod plan;
mod report;
mod show;
mod status;

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::judge::evaluate::{Detail, Evaluation};
use crate::judge::select;
use crate::model::plan::IndicatorFile;
use crate::problem::Note;
use crate::render;
use crate::settings::Settings;

pub(crate) fn run(
    cli: &Cli,
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    // Commands that work on files and git rather than on one judgement of the plan.
    match &cli.command {
        Command::Hook { action } => return hook::run(settings, action, out, err),
        Command::Fmt { check, paths } => return fmt::run(settings, *check, paths, out, err),
        Command::Diff { range, format } => return diff::run(settings, range.as_deref(), *format, out),
        _ => {}
    }
    // The summaries need no file lists, actions or patterns, which at
    // ministry scale would be most of the memory; `zi show` needs them for
    // the indicator it shows. Any other command gets everything.
    let detail = |file: &IndicatorFile| match &cli.command {
        Command::Status { .. } | Command::Overdue { .. } | Command::Check { .. } => Detail::Summary,
        Command::Show { id, .. } if !select::selects(id, file) => Detail::Summary,
        _ => Detail::Files,
    };
    let eval = plan::evaluate_settings(settings, detail);
    // Standard output is line-buffered; a report of 100,000 indicators
    // would cost a write per line without this buffer.
    let mut buffered = BufWriter::with_capacity(64 * 1024, out);
    let style = settings.style();
    let code = {
        let out: &mut dyn Write = &mut buffered;
        match &cli.command {
            Command::Status { ids, format } => {
                status::run(&eval, ids, &mut *render::renderer(*format, style, out))
            }
            Command::Overdue { within, format } => {
                overdue::run(&eval, *within, &mut *render::renderer(*format, style, out))
            }
            Command::Check { strict, format } => {
                check::run(&eval, &settings.root, *strict, &mut *render::renderer(*format, style, out))
            }
            Command::Show { id, format } => {
                show::run(&eval, &settings.root, id, &mut *render::renderer(*format, style, out))
            }
            Command::Report { ids, output, force } => {
                let output = report::Output { file: output.as_deref(), force: *force };
                report::run(&eval, settings, ids, output, out)
            }
            Command::Hook { .. } | Command::Fmt { .. } | Command::Diff { .. } => {
                unreachable!("dispatched above")
            }
        }
    }?;
    buffered.flush()?;
    if !matches!(cli.command, Command::Check { .. }) {
        let errors = eval.problems.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            let _ = writeln!(err, "zi: {}", render::note(&Note::ProblemsInPlan { errors }, style));
        }
    }
    free_in_background(eval);
    Ok(code)
}

/// Evaluations of this many indicators or more are freed on another thread.
const FREE_IN_BACKGROUND_FROM: usize = 10_000;

/// Freeing a large evaluation allocation by allocation takes about a twentieth
/// of the run, and nobody waits for it: the report is out, and when the
/// process exits first the system takes the memory back whole.
fn free_in_background(eval: Evaluation) {
    if eval.indicators.len() >= FREE_IN_BACKGROUND_FROM {
        std::thread::spawn(move || drop(eval));
    }
}
