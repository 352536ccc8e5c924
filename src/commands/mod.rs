//! One module per command: each loads the plan through `load`, computes
//! what it reports, and hands the result to a renderer in `crate::render`.

pub mod check;
pub mod diff;
pub mod fmt;
pub mod hook;
pub mod overdue;
pub mod report;
pub mod show;
pub mod status;

use std::path::{Path, PathBuf};

use anyhow::{bail, Result};
use chrono::{Datelike, NaiveDate};

use crate::cli::GlobalArgs;
use crate::judge::evaluate::{Detail, Evaluation};
use crate::load::config::Config;
use crate::load::plan::IndicatorFile;
use crate::load::plan::Plan;
use crate::load::tree;
use crate::problem::Diagnostic;
use crate::text::Lang;

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
    let (root, lang) = locate(global)?;
    Ok((evaluate(&root, as_of(global), lang, detail), Context { lang, color }))
}

/// The repository's root and the language zi speaks there: `--lang`, then
/// `zi.toml`'s `lang`, then `LANG`, then English.
pub fn locate(global: &GlobalArgs) -> Result<(PathBuf, Lang)> {
    let start = global.dir.clone().unwrap_or_else(|| Path::new(".").to_path_buf());
    let root = tree::find_root(&start)?;
    let env_lang = || std::env::var("LANG").ok().filter(|v| !v.is_empty()).map(|v| Lang::from_env_value(&v));
    let lang = match global.lang {
        Some(lang) => lang,
        None => Config::load(&root, Lang::En, &mut Vec::new()).lang.or_else(env_lang).unwrap_or(Lang::En),
    };
    Ok((root, lang))
}

/// The date the plan is judged on: `--as-of` or `ZI_TODAY`, else today.
pub fn as_of(global: &GlobalArgs) -> NaiveDate {
    global.as_of.unwrap_or_else(|| chrono::Local::now().date_naive())
}

/// Reads the plan and evidence under `root` and judges them on `as_of`.
pub fn evaluate(
    root: &Path,
    as_of: NaiveDate,
    lang: Lang,
    detail: impl Fn(&IndicatorFile) -> Detail + Sync,
) -> Evaluation {
    let mut diagnostics = Vec::new();
    let config = Config::load(root, lang, &mut diagnostics);
    let year = config.year.unwrap_or_else(|| as_of.year());
    let plan = Plan::discover(root, config, year, lang, &mut diagnostics);
    Evaluation::new(plan, as_of, lang, detail, diagnostics)
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
pub fn require_matches(ids: &[String], eval: &Evaluation, lang: Lang) -> Result<()> {
    let unknown: Vec<String> = ids
        .iter()
        .filter(|id| !eval.indicators.iter().any(|r| selects(id, &r.file)))
        .map(|u| format!("`{u}`"))
        .collect();
    if !unknown.is_empty() {
        bail!(lang.no_indicator_matches(&unknown.join(", ")));
    }
    Ok(())
}

/// A one-line note on standard error when plan files have errors, so a
/// report that reads fine still says that something in the plan does not.
pub fn problems_note(diagnostics: &[Diagnostic], lang: Lang) -> Option<String> {
    let errors = diagnostics.iter().filter(|d| d.is_error()).count();
    (errors > 0).then(|| format!("zi: {}", lang.problems_in_plan(errors)))
}

pub fn date_text(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
