//! The plan judged: read from disk, then every indicator judged on the
//! as-of date.

use std::path::Path;

use chrono::{Datelike, NaiveDate};

use crate::judge::evaluate::{Detail, Evaluation};
use crate::load::{config, plan};
use crate::model::plan::{Config, IndicatorFile};
use crate::problem::Problem;
use crate::settings::Settings;

/// The plan under the settings' root judged on the settings' date, with
/// `zi.toml` as the settings read it.
pub(super) fn evaluate_settings(
    settings: &Settings,
    detail: impl Fn(&IndicatorFile) -> Detail + Sync,
) -> Evaluation {
    let problems = settings.config_problems.clone();
    evaluate(&settings.root, settings.config.clone(), problems, settings.as_of, detail)
}

/// Reads the plan and evidence under `root` and judges them on `as_of`.
fn evaluate(
    root: &Path,
    config: Config,
    mut problems: Vec<Problem>,
    as_of: NaiveDate,
    detail: impl Fn(&IndicatorFile) -> Detail + Sync,
) -> Evaluation {
    let year = config.year.unwrap_or_else(|| as_of.year());
    let plan = plan::discover(root, config, year, &mut problems);
    Evaluation::new(plan, as_of, detail, crate::load::indicator, problems)
}

/// A plan elsewhere (a commit read out of git), its own `zi.toml` included.
pub(super) fn evaluate_other(
    root: &Path,
    as_of: NaiveDate,
    detail: impl Fn(&IndicatorFile) -> Detail + Sync,
) -> Evaluation {
    let mut problems = Vec::new();
    let (config, _) = config::load(root, &mut problems);
    evaluate(root, config, problems, as_of, detail)
}
