//! The commit gate at a workspace root. A workspace is one repository, so
//! its one pre-commit hook runs at the root: each unit is judged on what is
//! staged of it (and with `--new-since` against the unit in that revision),
//! as `zi overdue --staged` judges a unit alone, its IDs prefixed; the
//! exit status is the worst of the units'. In the hook each unit is gated
//! by its own `[hook] gate`: the root's `zi.toml` has no `[hook]`.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Write;
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Result;

use super::judged::{judge_with, Evaluate, Unit, Workspace};
use super::reports::{overdue_of, Fails};
use crate::commands::overdue::{self as unit_overdue, Scope, Since};
use crate::judge::evaluate::{Detail, Evaluation, Keep};
use crate::judge::overdue;
use crate::judge::select::Filter;
use crate::load::git::{Repo, TreeFile};
use crate::model::plan::Gate;
use crate::problem::{HookMessage, Kind, Note};
use crate::render::{self, CheckFormat};
use crate::settings::Settings;

/// How a unit is gated: staged or not, measured against a revision or not.
struct Gating {
    /// `None` for a unit that refuses nothing (`gate = "none"`).
    gate: Option<Gate>,
    since: Option<Since>,
}

/// The units judged as the gate judges them, and how each is gated, by
/// the unit's folder (`UnitDir::rel`). Every judged unit has its gating.
struct Gated<'s> {
    ws: Workspace<'s>,
    gating: HashMap<String, Gating>,
}

impl Gated<'_> {
    fn of(&self, unit: &Unit) -> Option<&Gating> {
        self.gating.get(&unit.dir.rel)
    }

    /// The gate a unit refuses with when its list fails it; a unit with no
    /// gating (which a judged unit always has) is gated "all".
    fn gate(&self, unit: &Unit) -> Option<Gate> {
        self.of(unit).map_or(Some(Gate::All), |g| g.gate)
    }

    /// Whether the unit's list fails it: anything overdue or invalid, or
    /// with a revision to measure against anything new.
    fn fails(&self, unit: &Unit, eval: &Evaluation, entries: &[overdue::Entry]) -> bool {
        match self.of(unit) {
            Some(Gating { gate: None, .. }) => false,
            Some(Gating { since: Some(since), .. }) => since.fails(eval, entries),
            _ => overdue::fails(eval, entries),
        }
    }

    /// What to say on standard error of what is new in the list `filter`
    /// keeps, over every unit measured against a revision.
    fn note(&self, filter: Filter, within: Option<u32>) -> Option<Note> {
        let mut rev = None;
        let mut new = None;
        for unit in &self.ws.units {
            let (Some(judged), Some(Gating { since: Some(since), .. })) = (&unit.judged, self.of(unit))
            else {
                continue;
            };
            rev = Some(since.rev.clone());
            if let Some(count) = since.new_in(&judged.eval, filter, within) {
                new = Some(new.unwrap_or(0) + count);
            }
        }
        Some(match new {
            Some(new) => Note::NewSince { rev: rev?, new },
            None => Note::NothingBeforeFirstCommit,
        })
    }
}

/// What the gate asks of each unit.
#[derive(Clone, Copy)]
enum Ask<'r> {
    /// `zi overdue --staged` or `--new-since` at the root: every unit as
    /// the scope says, gated "all".
    Overdue(Scope<'r>),
    /// `zi hook run`: each unit's staged plan, gated by the `[hook] gate`
    /// of its staged `zi.toml`.
    Hook,
}

/// Judges the units `wanted` selects as `ask` says. The repository is
/// found once, at the root: git runs the hook with the workspace's index,
/// so each unit is the folder at its prefix there. A unit that is its own
/// repository, or (judging what is staged) whose `zi.toml` is not staged,
/// is left out as its problem.
fn judge<'s>(settings: &'s Settings, wanted: &[String], ask: Ask) -> Result<Gated<'s>> {
    let repo = Repo::find(&settings.root, settings.git_located)?;
    // A revision that names no commit is the run's error, not each unit's.
    if let Ask::Overdue(Scope { new_since: Some(rev), .. }) = ask {
        if let Err(e) = repo.commit(rev) {
            if repo.has_commits() {
                return Err(e.into());
            }
        }
    }
    // The index is read once; each unit is given the files below it.
    let mut staged: Vec<TreeFile> = match ask {
        Ask::Overdue(Scope { staged: false, .. }) => Vec::new(),
        _ => repo.staged_files(settings.git_index_file.as_deref())?,
    };
    staged.sort_by(|a, b| a.path.cmp(&b.path));
    let staged_of = |rel: &str| below(&staged, &format!("{rel}/"));
    // And each revision's tree once (the hook's is `HEAD`).
    let at_rev: Mutex<HashMap<String, Option<Vec<TreeFile>>>> = Mutex::new(HashMap::new());
    let at_rev_of = |rev: &str, rel: &str| {
        let mut at_rev = at_rev.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let files = at_rev.entry(rev.to_string()).or_insert_with(|| {
            let mut files = repo.all_files_at(rev)?;
            files.sort_by(|a, b| a.path.cmp(&b.path));
            Some(files)
        });
        // A unit the revision does not hold is read the slow way (git says why).
        files.as_deref().map(|files| below(files, &format!("{rel}/"))).filter(|f| !f.is_empty())
    };
    let gated = Mutex::new(HashMap::new());
    let evaluate: Evaluate = &|dir, unit, _want| {
        if std::fs::symlink_metadata(unit.root.join(".git")).is_ok() {
            return Err(Kind::UnitOwnRepository);
        }
        let repo = Repo {
            top: repo.top.clone(),
            prefix: format!("{}{}/", repo.prefix, dir.rel),
            git_dir: repo.git_dir.clone(),
        };
        let (eval, gate, new_since) = match ask {
            Ask::Overdue(Scope { staged: false, new_since, .. }) => {
                (unit_overdue::judged(unit, Scope::default())?, Some(Gate::All), new_since)
            }
            Ask::Overdue(Scope { new_since, .. }) => {
                let (eval, _) = unit_overdue::staged_unit(unit, &repo, staged_of(&dir.rel))?
                    .ok_or(Kind::UnitNotStaged)?;
                (eval, Some(Gate::All), new_since)
            }
            Ask::Hook => {
                let (eval, config) = unit_overdue::staged_unit(unit, &repo, staged_of(&dir.rel))?
                    .ok_or(Kind::UnitNotStaged)?;
                let gate = config.gate.unwrap_or_default();
                (eval, (gate != Gate::None).then_some(gate), (gate == Gate::New).then_some("HEAD"))
            }
        };
        let since = match new_since {
            Some(rev) => {
                Some(Since::read_in(unit, &repo, rev, &[], at_rev_of(rev, &dir.rel))?.prefixed(&dir.rel))
            }
            None => None,
        };
        let mut gated = gated.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        gated.insert(dir.rel.clone(), Gating { gate, since });
        Ok(eval)
    };
    let ws = judge_with(settings, wanted, Keep::Errors, &|_| Detail::Summary, evaluate)?;
    let gating = gated.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok(Gated { ws, gating })
}

/// Names on standard error, as `zi check` would, each unit the gate left
/// out (not judged, its own repository, not staged): the overview shows
/// such a unit only as no unit.
fn name_left_out(ws: &Workspace, err: &mut dyn Write) -> Result<()> {
    let left_out: Vec<_> = ws
        .units
        .iter()
        .flat_map(|u| &u.problems)
        .filter(|p| {
            matches!(p.kind, Kind::UnitNotJudged { .. } | Kind::UnitOwnRepository | Kind::UnitNotStaged)
        })
        .cloned()
        .collect();
    render::problems::write_all(&left_out, ws.settings.style().lang, err)?;
    Ok(())
}

/// The files of `files` (sorted by path) below `prefix`, their paths
/// taken from there.
fn below(files: &[TreeFile], prefix: &str) -> Vec<TreeFile> {
    let start = files.partition_point(|f| f.path.as_str() < prefix);
    let within = files[start..].iter().take_while(|f| f.path.starts_with(prefix));
    within.map(|f| TreeFile { path: f.path[prefix.len()..].to_string(), ..f.clone() }).collect()
}

/// `zi overdue --staged` and `--new-since REV` at the root.
#[allow(clippy::too_many_arguments)]
pub(crate) fn overdue(
    settings: &Settings,
    wanted: &[String],
    filter: Filter,
    within: Option<u32>,
    scope: Scope,
    format: CheckFormat,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let gated = judge(settings, wanted, Ask::Overdue(scope))?;
    let fails: Fails = &|unit, eval, entries| gated.fails(unit, eval, entries);
    let code = overdue_of(&gated.ws, (filter, within), format, fails, out, err)?;
    name_left_out(&gated.ws, err)?;
    if let Some(note) = scope.new_since.and_then(|_| gated.note(filter, within)) {
        writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
    }
    Ok(code)
}

/// `zi hook run` at the root: every unit's staged plan, each gated by its
/// own `[hook] gate`; the commit is refused when any unit refuses it. The
/// root's own problems (its `zi.toml`, folders the globs match that are no
/// unit) are listed but refuse nothing: the root has no gate of its own.
pub(crate) fn hook_run(settings: &Settings, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let gated = judge(settings, &[], Ask::Hook)?;
    // The gate of each unit whose list refuses the commit, as the list is
    // written (each unit's entries and verdict are worked out once).
    let refusing = RefCell::new(Vec::new());
    let fails: Fails = &|unit, eval, entries| {
        let fails = gated.fails(unit, eval, entries);
        if fails {
            refusing.borrow_mut().extend(gated.gate(unit));
        }
        fails
    };
    let mut notes = Vec::new();
    overdue_of(&gated.ws, (Filter::default(), None), CheckFormat::Table, fails, out, &mut notes)?;
    err.write_all(&notes)?;
    name_left_out(&gated.ws, err)?;
    let any_new = gated.gating.values().any(|g| g.since.is_some());
    if let Some(note) = gated.note(Filter::default(), None).filter(|_| any_new) {
        writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
    }
    let refusing = refusing.into_inner();
    // A unit zi cannot judge has no gate zi could read: it refuses.
    let broken = |unit: &Unit| unit.problems.iter().any(|p| matches!(p.kind, Kind::UnitNotJudged { .. }));
    let any_broken = gated.ws.units.iter().any(broken);
    let message = if refusing.contains(&Gate::All) {
        HookMessage::Refused
    } else if !refusing.is_empty() {
        HookMessage::RefusedNew
    } else if any_broken {
        HookMessage::RefusedUnjudged
    } else {
        return Ok(ExitCode::SUCCESS);
    };
    writeln!(err, "{}", render::hook_message(message, settings.style()))?;
    Ok(ExitCode::FAILURE)
}
