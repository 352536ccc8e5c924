//! The commit gate at a workspace root. A workspace is one repository, so
//! its one pre-commit hook runs at the root: each unit is judged on what is
//! staged of it (and with `--new-since` against the unit in that revision),
//! as `zi overdue --staged` judges a unit alone, its IDs prefixed; the
//! exit status is the worst of the units'. In the hook each unit is gated
//! by its own `[hook] gate`: the root's `zi.toml` has no `[hook]`.

use std::collections::HashMap;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Mutex;

use anyhow::Result;

use super::judged::{judge_with, Evaluate, Unit, Workspace};
use super::reports::{overdue_of, Fails};
use crate::commands::overdue::{self as unit_overdue, Scope, Since};
use crate::judge::evaluate::{Detail, Evaluation, Keep};
use crate::judge::overdue;
use crate::judge::select::Filter;
use crate::model::plan::Gate;
use crate::problem::{HookMessage, Note};
use crate::render::{self, CheckFormat};
use crate::settings::Settings;

/// How a unit is gated: staged or not, measured against a revision or not.
struct Gating {
    /// `None` for a unit that refuses nothing (`gate = "none"`).
    gate: Option<Gate>,
    since: Option<Since>,
}

/// The units judged as the gate judges them, and how each is gated, by
/// the unit's root.
struct Gated<'s> {
    ws: Workspace<'s>,
    gating: HashMap<PathBuf, Gating>,
}

impl Gated<'_> {
    fn of(&self, unit: &Unit) -> Option<&Gating> {
        self.gating.get(&self.ws.settings.root.join(&unit.dir.rel))
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

/// How a unit is to be judged: what is staged or the working tree, with
/// the gate it has, against a revision or not.
struct Ask<'r> {
    staged: bool,
    gate: Option<Gate>,
    new_since: Option<&'r str>,
}

/// Judges the units `wanted` selects, each as `ask` says of its settings.
fn judge<'s, 'r>(
    settings: &'s Settings,
    wanted: &[String],
    ask: &(dyn Fn(&Settings) -> Ask<'r> + Sync),
) -> Result<Gated<'s>> {
    let gated = Mutex::new(HashMap::new());
    let evaluate: Evaluate = &|unit, _want| {
        let Ask { staged, gate, new_since } = ask(unit);
        let scope = Scope { staged, new_since, ids: &[] };
        let eval = unit_overdue::judged(unit, scope)?;
        let rel = unit.root.strip_prefix(&settings.root).map(|r| r.to_string_lossy().replace('\\', "/"));
        let since = match new_since {
            Some(rev) => Some(Since::read(unit, rev, &[])?.prefixed(&rel.unwrap_or_default())),
            None => None,
        };
        let mut gated = gated.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        gated.insert(unit.root.clone(), Gating { gate, since });
        Ok(eval)
    };
    let ws = judge_with(settings, wanted, Keep::Errors, &|_| Detail::Summary, evaluate)?;
    let gating = gated.into_inner().unwrap_or_else(std::sync::PoisonError::into_inner);
    Ok(Gated { ws, gating })
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
    let ask = |_: &Settings| Ask { staged: scope.staged, gate: Some(Gate::All), new_since: scope.new_since };
    let gated = judge(settings, wanted, &ask)?;
    let fails: Fails = &|unit, eval, entries| gated.fails(unit, eval, entries);
    let code = overdue_of(&gated.ws, (filter, within), format, fails, out, err)?;
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
    let ask = |unit: &Settings| {
        let gate = unit.config.gate.unwrap_or_default();
        let new_since = (gate == Gate::New).then_some("HEAD");
        Ask { staged: true, gate: (gate != Gate::None).then_some(gate), new_since }
    };
    let gated = judge(settings, &[], &ask)?;
    let fails: Fails = &|unit, eval, entries| gated.fails(unit, eval, entries);
    let mut notes = Vec::new();
    overdue_of(&gated.ws, (Filter::default(), None), CheckFormat::Table, fails, out, &mut notes)?;
    err.write_all(&notes)?;
    let any_new = gated.gating.values().any(|g| g.since.is_some());
    if let Some(note) = gated.note(Filter::default(), None).filter(|_| any_new) {
        writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
    }
    let refusing: Vec<Gate> = gated
        .ws
        .units
        .iter()
        .filter_map(|unit| {
            let judged = unit.judged.as_ref()?;
            let entries = overdue::entries(&judged.eval, None);
            let gating = gated.of(unit)?;
            gated.fails(unit, &judged.eval, &entries).then_some(gating.gate).flatten()
        })
        .collect();
    if refusing.is_empty() {
        return Ok(ExitCode::SUCCESS);
    }
    let all = refusing.contains(&Gate::All);
    let message = if all { HookMessage::Refused } else { HookMessage::RefusedNew };
    writeln!(err, "{}", render::hook_message(message, settings.style()))?;
    Ok(ExitCode::FAILURE)
}
