//! The presentation of reports: one renderer per format behind one
//! interface (`Renderer`), chosen once from `Format`. Renderers lay out what
//! `crate::judge` computed, in the language of `Style`; everything here is
//! sorted by the plan's order and free of timestamps and absolute paths, so
//! a committed report diffs cleanly.

#[macro_use]
mod renderer;

pub(crate) mod columns;
pub(crate) mod csv;
pub(crate) mod escape;
mod fields;
mod forge;
pub(crate) mod grid;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
mod overdue;
pub(crate) mod problems;
pub(crate) mod rkt;
mod row_texts;
pub(crate) mod score;
pub(crate) mod table;
pub(crate) mod units;
mod words;
mod wrap;

use std::io::Write;

use crate::text::Lang;

pub(crate) use renderer::{CheckFormat, Findings, Format, Output, Renderer, Reported, Style};
pub(crate) use words::{hook_message, hook_message_in_every_language, note};

/// The renderer of `format`, writing to `out`.
pub(crate) fn renderer<'w>(format: Format, style: Style, out: &'w mut dyn Write) -> Box<dyn Renderer + 'w> {
    match format {
        Format::Table => Box::new(table::Terminal { style, out }),
        Format::Json => Box::new(json::Json { lang: style.lang, out }),
        Format::Csv => Box::new(csv::Csv { lang: style.lang, out }),
        Format::Markdown => Box::new(markdown::Markdown { lang: style.lang, out }),
    }
}

/// The writer of `zi check` and `zi overdue` in `format`; a forge's
/// annotations name files below `prefix`, the plan root's folder in its
/// git repository (`""` at the top).
pub(crate) fn findings<'w>(
    format: CheckFormat,
    style: Style,
    prefix: &str,
    out: &'w mut dyn Write,
) -> Box<dyn Findings + 'w> {
    match format.output() {
        Output::Report(format) => Box::new(Reported(renderer(format, style, out))),
        Output::Annotations(forge) => Box::new(forge::Annotations::new(forge, style.lang, prefix, out)),
    }
}

/// The `README.md` `zi init` writes for the team, in the plan's language.
pub(crate) fn team_readme(lang: Lang, unit: &str, year: i32, example_folder: Option<&str>) -> String {
    lang.team_readme(&crate::text::TeamReadme { unit, year, example_folder })
}
