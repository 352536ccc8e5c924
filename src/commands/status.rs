//! `zi status`: the plan by area → component → indicator, with totals.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::Context;
use crate::cli::Format;
use crate::judge::evaluate::Evaluation;
use crate::render::{self, StatusView};

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
        Format::Table => render::table::status(&view, ctx, out)?,
        Format::Json => render::json::status(&view, ctx.lang, out)?,
        Format::Csv => render::csv::status(&view, ctx.lang, out)?,
        Format::Markdown => render::markdown::status(&view, ctx.lang, out)?,
    }
    Ok(ExitCode::SUCCESS)
}
