//! `zi status`: the plan by area → component → indicator, with totals.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::Context;
use crate::cli::Format;
use crate::report::{self, StatusView};
use crate::status::Evaluation;

pub fn run(
    eval: &Evaluation,
    ctx: Context,
    ids: &[String],
    format: Format,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    super::require_matches(ids, eval, ctx.lang)?;
    let view = StatusView::new(eval, |r| ids.is_empty() || ids.iter().any(|id| super::selects(id, &r.file)));
    match format {
        Format::Table => report::table::status(&view, ctx, out)?,
        Format::Json => report::json::status(&view, ctx.lang, out)?,
        Format::Csv => report::csv::status(&view, ctx.lang, out)?,
        Format::Markdown => report::markdown::status(&view, ctx.lang, out)?,
    }
    Ok(ExitCode::SUCCESS)
}
