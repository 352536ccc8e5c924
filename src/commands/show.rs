//! `zi show ID`: one indicator in full, and why each file counts.

use std::io::Write;
use std::process::ExitCode;

use anyhow::{bail, Result};

use super::Context;
use crate::cli::Format;
use crate::judge::evaluate::Evaluation;
use crate::render;

pub fn run(
    eval: &Evaluation,
    ctx: Context,
    id: &str,
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    super::require_matches(std::slice::from_ref(&id.to_string()), eval, ctx.lang)?;
    let matches: Vec<_> = eval.indicators.iter().filter(|r| super::selects(id, &r.file)).collect();
    let [report] = matches.as_slice() else {
        let ids: Vec<&str> = matches.iter().take(8).map(|r| r.file.id.as_str()).collect();
        let more = if matches.len() > ids.len() { ", …" } else { "" };
        bail!(ctx.lang.show_takes_one(id, matches.len(), &format!("{}{more}", ids.join(", "))));
    };
    let diagnostics: Vec<_> = eval
        .diagnostics
        .iter()
        .filter(|d| d.path == report.file.path || d.path.starts_with(&format!("{}/", report.file.evidence)))
        .collect();
    match format {
        Format::Table => render::table::show(eval, report, &diagnostics, ctx, out)?,
        Format::Json => render::json::show(eval, report, &diagnostics, ctx.lang, out)?,
        Format::Csv => render::csv::show(report, ctx.lang, out)?,
        Format::Markdown => render::markdown::show(eval, report, &diagnostics, ctx.lang, out)?,
    }
    Ok(ExitCode::SUCCESS)
}
