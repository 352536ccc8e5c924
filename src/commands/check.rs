//! `zi check`: every problem in plan and evidence, all in one run. Silent
//! and exit 0 when there is nothing to say.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;
use serde::Serialize;

use super::Context;
use crate::cli::CheckFormat;
use crate::judge::evaluate::Evaluation;
use crate::problem::Diagnostic;

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
            writeln!(out, "{}", ctx.lang.errors_and_warnings(errors, warnings))?;
        }
    }
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}
