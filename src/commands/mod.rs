//! One module per command: each loads the plan through `load`, computes
//! what it reports, and hands the result to a renderer in `crate::report`.

pub mod check;
pub mod overdue;
pub mod show;
pub mod status;

use std::path::Path;

use anyhow::{bail, Result};
use chrono::{Datelike, NaiveDate};

use crate::cli::GlobalArgs;
use crate::diagnostic::Diagnostic;
use crate::i18n::Lang;
use crate::plan::config::Config;
use crate::plan::IndicatorFile;
use crate::plan::Plan;
use crate::repo;
use crate::status::{Detail, Evaluation};

/// What every command needs besides the evaluation.
#[derive(Clone, Copy, Debug)]
pub struct Context {
    pub lang: Lang,
    /// Whether standard output is a terminal that accepts colour.
    pub color: bool,
}

/// Finds the repository, reads the plan and evidence and judges them,
/// keeping as much of each indicator as `detail` asks for it.
pub fn load(
    global: &GlobalArgs,
    color: bool,
    detail: impl Fn(&IndicatorFile) -> Detail + Sync,
) -> Result<(Evaluation, Context)> {
    let start = global.dir.clone().unwrap_or_else(|| Path::new(".").to_path_buf());
    let root = repo::find_root(&start)?;
    let as_of = global.as_of.unwrap_or_else(|| chrono::Local::now().date_naive());
    let env_lang = || std::env::var("LANG").ok().filter(|v| !v.is_empty()).map(|v| Lang::from_env_value(&v));
    let mut diagnostics = Vec::new();
    let mut config = Config::load(&root, global.lang.or_else(env_lang).unwrap_or(Lang::En), &mut diagnostics);
    let lang = global.lang.or(config.lang).or_else(env_lang).unwrap_or(Lang::En);
    if lang != Lang::En && global.lang.is_none() {
        // Messages about zi.toml itself in the language it asks for.
        diagnostics.clear();
        config = Config::load(&root, lang, &mut diagnostics);
    }
    let year = config.year.unwrap_or_else(|| as_of.year());
    let plan = Plan::discover(&root, config, year, lang, &mut diagnostics);
    let eval = Evaluation::new(plan, as_of, lang, detail, diagnostics);
    Ok((eval, Context { lang, color }))
}

/// Whether `file` is selected by `id`: an area (`III`), a component
/// (`III.3`), an indicator (`III.3.4`), or a plan or evidence path.
pub fn selects(id: &str, file: &IndicatorFile) -> bool {
    let id = id.trim().trim_start_matches("./").trim_end_matches('/');
    let id_upper = id.to_ascii_uppercase();
    let own = &file.id;
    let under = |path: &str, prefix: &str| {
        path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'))
    };
    *own == id_upper
        || own.strip_prefix(&id_upper).is_some_and(|rest| rest.starts_with('.'))
        || under(&file.path, id)
        || under(file.path.trim_end_matches(".toml"), id)
        || under(&file.evidence, id)
}

/// Refuses IDs that select nothing, naming them.
pub fn require_matches(ids: &[String], eval: &Evaluation) -> Result<()> {
    let unknown: Vec<&str> = ids
        .iter()
        .filter(|id| !eval.indicators.iter().any(|r| selects(id, &r.file)))
        .map(String::as_str)
        .collect();
    if !unknown.is_empty() {
        bail!(
            "no indicator matches {}\n  hint: ids look like III, III.3 or III.3.4; `zi status` lists them",
            unknown.iter().map(|u| format!("`{u}`")).collect::<Vec<_>>().join(", ")
        );
    }
    Ok(())
}

/// A one-line note on standard error when plan files have errors, so a
/// report that reads fine still says that something in the plan does not.
pub fn problems_note(diagnostics: &[Diagnostic], lang: Lang) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors > 0).then(|| match lang {
        Lang::En => format!("zi: {errors} problem(s) in plan files; run `zi check` for details"),
        Lang::Id => {
            format!("zi: {errors} masalah dalam berkas rencana; jalankan `zi check` untuk rinciannya")
        }
    })
}

pub fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
