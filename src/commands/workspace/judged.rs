//! The units of a workspace judged: each alone, in parallel, then with
//! its IDs and paths prefixed.

use std::borrow::Cow;
use std::collections::BTreeMap;

use crate::judge::evaluate::{Detail, Evaluation, Keep};
use crate::judge::score::{self, Score};
use crate::judge::workspace::{self as judged, UnitScore};
use crate::load::workspace::UnitDir;
use crate::load::{assessment, lke};
use crate::model::assessment::Assessment;
use crate::model::lke::Lke;
use crate::model::plan::{join, IndicatorFile, CONFIG_FILE};
use crate::parallel;
use crate::problem::{self, Fatal, Kind, Problem};
use crate::settings::Settings;

/// The workspace as judged on the settings' date.
pub(super) struct Workspace<'s> {
    pub(super) settings: &'s Settings,
    /// The root `zi.toml`'s problems and those of its `units` globs.
    pub(super) problems: Vec<Problem>,
    /// The selected units, in the order of their folders.
    pub(super) units: Vec<Unit>,
    /// The root `zi.toml`'s `year`, else the one most units plan for.
    pub(super) year: Option<i32>,
}

/// One folder the globs matched.
pub(super) struct Unit {
    pub(super) dir: UnitDir,
    /// `None` for a folder without `zi.toml`, or a unit that cannot be
    /// judged: its problem is in `problems`.
    pub(super) judged: Option<Judged>,
    /// The problems of the folder itself (no `zi.toml`, not judged).
    pub(super) problems: Vec<Problem>,
}

/// A unit judged, its IDs and paths prefixed.
pub(super) struct Judged {
    pub(super) eval: Evaluation,
    pub(super) lke: Cow<'static, Lke>,
    pub(super) assessment: Option<Assessment>,
    /// The problems of the LKE, the assessments and the `lke` keys, which
    /// only `zi check` lists (the plan's are the evaluation's).
    pub(super) score_problems: Vec<Problem>,
}

impl Judged {
    /// The unit's score as its line in the table shows it: the newest
    /// assessment's, or with `projected` the projection from the evidence
    /// when there is none.
    pub(super) fn score(&self, projected: bool) -> Option<UnitScore> {
        if self.assessment.is_none() && !projected {
            return None;
        }
        let scored = self.scored(None);
        Some(UnitScore { total: scored.total, projection: scored.projection() })
    }

    pub(super) fn scored(&self, target: Option<&str>) -> Score<'_> {
        score::score(&self.lke, self.assessment.as_ref(), &self.eval, target)
    }

    /// Every problem `zi check` lists for the unit.
    pub(super) fn all_problems(&self) -> Vec<Problem> {
        let mut problems = self.eval.problems.clone();
        problems.extend(self.score_problems.iter().cloned());
        problem::sort(&mut problems);
        problems
    }
}

/// Judges the units `wanted` selects (every unit when none), keeping the
/// problems `keep` asks for and of each indicator what `detail` asks for.
pub(super) fn judge<'s>(
    settings: &'s Settings,
    wanted: &[String],
    keep: Keep,
    detail: &(dyn Fn(&IndicatorFile) -> Detail + Sync),
) -> Result<Workspace<'s>, Fatal> {
    judge_with(settings, wanted, keep, detail, &|_, unit, want| {
        Ok(crate::commands::plan::evaluate_settings(unit, want))
    })
}

/// How a unit's plan is judged: its working tree (`judge`), or as the
/// commit gate judges it (`super::gate`). An error is the unit's problem
/// (a `Fatal` becomes `Kind::UnitNotJudged`): the others are judged.
pub(super) type Evaluate<'a> = &'a (dyn Fn(&UnitDir, &Settings, Want) -> Result<Evaluation, Kind> + Sync);

/// What a unit's plan is judged for.
pub(super) type Want<'a> = crate::commands::plan::Want<'a, &'a (dyn Fn(&IndicatorFile) -> Detail + Sync)>;

/// `judge`, with each unit's plan judged by `evaluate`.
pub(super) fn judge_with<'s>(
    settings: &'s Settings,
    wanted: &[String],
    keep: Keep,
    detail: &(dyn Fn(&IndicatorFile) -> Detail + Sync),
    evaluate: Evaluate,
) -> Result<Workspace<'s>, Fatal> {
    let mut problems = settings.config_problems.clone();
    let dirs = unit_dirs(settings, &mut problems);
    // A folder without zi.toml is the folder's own problem, shown with it.
    let (folder_problems, root_problems): (Vec<Problem>, Vec<Problem>) =
        problems.into_iter().partition(|p| matches!(p.kind, Kind::NotAUnit));
    let config = |dir: UnitDir| {
        let unit = dir.is_unit.then(|| settings.for_unit(settings.root.join(&dir.rel)));
        (dir, unit)
    };
    let shared = parallel::pays(dirs.iter().filter(|d| d.is_unit).count(), parallel::UNITS);
    let configs: Vec<(UnitDir, Option<Settings>)> = parallel::map(shared, dirs, config);
    // The workspace's year is that of all its units, whichever are selected.
    let year = settings.config.year.or_else(|| common_year(&configs));
    let selected = super::select_units::select(configs, wanted)?;
    let judge = |(dir, unit): (UnitDir, Option<Settings>)| {
        let mut problems: Vec<Problem> =
            folder_problems.iter().filter(|p| p.path == dir.rel).cloned().collect();
        // A unit that cannot be judged never hides the others.
        let judged = match unit.map(|unit| judge_unit(&dir, unit, year, (keep, detail), evaluate)) {
            Some(Err(kind)) => {
                problems.push(Problem::new(kind, dir.rel.clone()));
                None
            }
            judged => judged.and_then(Result::ok),
        };
        Unit { dir, judged, problems }
    };
    let units: Vec<Unit> = parallel::map(parallel::pays(selected.len(), parallel::UNITS), selected, judge);
    Ok(Workspace { settings, problems: root_problems, units, year })
}

/// One unit judged alone, then prefixed.
fn judge_unit(
    dir: &UnitDir,
    unit: Settings,
    year: Option<i32>,
    (keep, detail): (Keep, &(dyn Fn(&IndicatorFile) -> Detail + Sync)),
    evaluate: Evaluate,
) -> Result<Judged, Kind> {
    let want = crate::commands::plan::Want { keep, ids: &[], detail };
    let mut eval = evaluate(dir, &unit, want)?;
    let mut score_problems = Vec::new();
    let lke = lke::for_config(&unit.root, &unit.config, &mut score_problems);
    let mut assessment =
        crate::commands::score::newest(assessment::load_all(&unit.root, &lke, &mut score_problems));
    judged::prefix(&mut eval, &dir.tag, &dir.rel);
    judged::prefix_problems(&mut score_problems, &dir.rel);
    score_problems.extend(score::lke_ref_problems(&eval, &lke));
    if let Some(a) = &mut assessment {
        a.path = join(&dir.rel, &a.path);
    }
    if let (Some(own), Some(workspace)) = (unit.config.year, year) {
        if own != workspace {
            let kind = Kind::OtherYear { year: own, workspace };
            match keep {
                Keep::Every => {
                    eval.problems.push(Problem::new(kind, join(&dir.rel, CONFIG_FILE)));
                    problem::sort(&mut eval.problems);
                }
                Keep::Errors | Keep::Misfiled => eval.counted.warnings += 1,
            }
        }
    }
    Ok(Judged { eval, lke, assessment, score_problems })
}

/// The year most units plan for: the workspace's year when its `zi.toml`
/// names none. On a tie there is none, and no unit is said to differ.
fn common_year(units: &[(UnitDir, Option<Settings>)]) -> Option<i32> {
    let mut counts = BTreeMap::new();
    for year in units.iter().filter_map(|(_, s)| s.as_ref()?.config.year) {
        *counts.entry(year).or_insert(0usize) += 1;
    }
    let most = counts.values().copied().max()?;
    let mut years = counts.into_iter().filter(|(_, n)| *n == most);
    let (year, _) = years.next()?;
    years.next().is_none().then_some(year)
}

/// The folders the root's `units` globs match, each tag made safe to show:
/// a tag is a folder's name, and it heads every ID of its unit in every
/// format, so a control character in it is shown as an escape (`\x1b`)
/// like any other name, and a unit is selected by that tag.
pub(super) fn unit_dirs(settings: &Settings, problems: &mut Vec<Problem>) -> Vec<UnitDir> {
    let globs = settings.config.workspace.as_ref().map_or(&[][..], |w| &w.units);
    let mut dirs = crate::load::workspace::units(&settings.root, globs, problems);
    for dir in &mut dirs {
        if let Cow::Owned(safe) = crate::render::escape::escape(&dir.tag) {
            dir.tag = safe;
        }
    }
    dirs
}
