//! `zi check`: every problem in plan and evidence, all in one run. Silent
//! and exit 0 when there is nothing to say.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::cli::CheckFormat;
use crate::diagnostic::Diagnostic;
use crate::status::Evaluation;

#[derive(Serialize)]
struct CheckJson<'a> {
    errors: usize,
    warnings: usize,
    diagnostics: &'a [Diagnostic],
}

pub fn run(
    eval: &Evaluation,
    ctx: Context,
    strict: bool,
    format: CheckFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let diagnostics = &eval.diagnostics;
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    let warnings = diagnostics.len() - errors;
    match format {
        CheckFormat::Json => {
            serde_json::to_writer_pretty(&mut *out, &CheckJson { errors, warnings, diagnostics })?;
            writeln!(out)?;
        }
        CheckFormat::Text if diagnostics.is_empty() => {}
        CheckFormat::Text => {
            for d in diagnostics {
                writeln!(out, "{}", d.render(ctx.lang))?;
            }
            writeln!(out, "{}", summary(errors, warnings, ctx))?;
        }
    }
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

fn summary(errors: usize, warnings: usize, ctx: Context) -> String {
    match ctx.lang {
        crate::i18n::Lang::En => format!(
            "{errors} error{}, {warnings} warning{}",
            if errors == 1 { "" } else { "s" },
            if warnings == 1 { "" } else { "s" }
        ),
        crate::i18n::Lang::Id => format!("{errors} galat, {warnings} peringatan"),
    }
}
