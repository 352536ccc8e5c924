//! The plan as folders: areas, components and indicator files under
//! `plan/`, numbered by their name prefixes, and the evidence tree above the
//! indicator folders. This module finds them; each indicator's file and
//! folder are read later (`crate::load::indicator`), in parallel, as the
//! judging asks for them.

use std::collections::BTreeMap;
use std::path::Path;
use std::sync::Arc;

use crate::load::config;
use crate::load::folders::{self, Disk, Folders};
use crate::load::tree::{self, Entry, EntryKind};
use crate::model::plan::{
    self as model, Area, Component, Config, IndicatorFile, Plan, Reach, EVIDENCE_DIR, PLAN_DIR,
};
use crate::parallel;
use crate::problem::{self, Kind, Problem, Severity};
use rustc_hash::FxHashMap;

/// How much of the folder with an id and a plan path the IDs asked for reach.
type ReachOf<'a> = dyn Fn(&str, &str) -> Reach + Sync + 'a;

/// Finds every area, component and indicator file under `root/plan`.
pub(crate) fn discover(root: &Path, config: Config, year: i32, out: &mut Vec<Problem>) -> Plan {
    discover_part(root, config, year, &[], out)
}

/// Like `discover`, but only the areas and components that may hold an
/// indicator `ids` select (all of them when `ids` is empty) are read, with
/// their evidence folders: `zi show I.1.1` in a plan of 100,000 indicators
/// reads one component. The checks of the tree above it (entries of
/// `plan/` and `evidence/` that belong to no area, of an area that belong
/// to no component) are made only where an ID takes a folder whole.
pub(crate) fn discover_part(
    root: &Path,
    config: Config,
    year: i32,
    ids: &[String],
    out: &mut Vec<Problem>,
) -> Plan {
    discover_in(&Disk::new(root), root, config, year, ids, out)
}

/// Like `discover_part`, with the folders read from `folders` (the disk,
/// or git), and `root` the plan's root as the plan names it.
pub(crate) fn discover_in(
    folders: &dyn Folders,
    root: &Path,
    config: Config,
    year: i32,
    ids: &[String],
    out: &mut Vec<Problem>,
) -> Plan {
    let reach = |folder_id: &str, path: &str| -> Reach {
        if ids.is_empty() {
            return Reach::Whole;
        }
        let evidence = evidence_of(path);
        ids.iter().map(|id| model::reach(id, folder_id, [path, &evidence])).max().unwrap_or(Reach::None)
    };
    crate::load::near::new_walk();
    // A killed `zi fmt` of zi.toml leaves its temporary file at the root.
    for name in folders.stale_at_root() {
        out.push(Problem::new(Kind::StaleTemporary, name));
    }
    let mut areas = Vec::new();
    // Most plans have `plan/`: list it first, and only ask why when that fails.
    let listed = folders.list(PLAN_DIR, Severity::Error, out);
    let plan_is_dir = listed.is_ok() || folders.is_dir(PLAN_DIR);
    if !plan_is_dir {
        out.push(Problem::new(Kind::NoPlan { exists: folders.exists(PLAN_DIR) }, PLAN_DIR));
    } else {
        let mut entries = listed.unwrap_or_else(|e| {
            out.push(tree::unreadable(PLAN_DIR, &e));
            Vec::new()
        });
        if !ids.is_empty() {
            // Only numbered folders have IDs; the rest is said when the plan is read whole.
            entries.retain(|e| {
                let path = tree::join(PLAN_DIR, &e.name);
                e.kind == EntryKind::Dir
                    && e.number.is_some_and(|n| reach(&crate::model::rkt::roman(n), &path) != Reach::None)
            });
        }
        areas = par_map(entries, out, |entry, out| {
            let path = tree::join(PLAN_DIR, &entry.name);
            let number = numbered_dir(&entry, &path, out)?;
            let id = crate::model::rkt::roman(number);
            let whole = reach(&id, &path) == Reach::Whole;
            let (name, components) = discover_components(folders, &path, &id, (whole, &reach), out);
            let name = name.unwrap_or_else(|| entry.name.clone());
            Some(Area { number, id, path, name, components })
        })
        .into_iter()
        .flatten()
        .collect();
    }
    duplicate_numbers(areas.iter().map(|a| (a.number, &a.path)), out);
    let mut plan = Plan { root: root.to_path_buf(), config, year, areas, unfollowed_evidence: Vec::new() };
    if plan.indicators().next().is_none() && plan_is_dir && ids.is_empty() {
        out.push(Problem::new(Kind::EmptyPlan, PLAN_DIR));
    }
    let before = out.len();
    check_evidence_tree(folders, &plan, &reach, out);
    plan.unfollowed_evidence = out[before..]
        .iter()
        .filter(|d| matches!(d.kind, Kind::LinkNotFollowed | Kind::BrokenLink { .. } | Kind::SpecialFile))
        .map(|d| d.path.clone())
        .collect();
    plan
}

/// The evidence folder of a plan folder: `evidence/1-a` of `plan/1-a`.
fn evidence_of(plan_path: &str) -> String {
    tree::join(EVIDENCE_DIR, plan_path.strip_prefix(PLAN_DIR).unwrap_or(plan_path).trim_start_matches('/'))
}

/// Reports evidence folders and files that belong to no indicator, so
/// evidence filed under a renamed or mistyped folder is not silently lost:
/// below `evidence/` when `reach` takes the plan whole, else below each
/// area it takes whole and each component read.
fn check_evidence_tree(folders: &dyn Folders, plan: &Plan, reach: &ReachOf<'_>, out: &mut Vec<Problem>) {
    if !folders.is_dir(EVIDENCE_DIR) {
        if folders.exists(EVIDENCE_DIR) {
            out.push(Problem::new(Kind::EvidenceNotAFolder, EVIDENCE_DIR).with_severity(Severity::Error));
        }
        return;
    }
    let mut known: FxHashMap<&str, u8> = FxHashMap::default();
    known.reserve(
        plan.indicators().count() + plan.areas.iter().map(|a| 1 + a.components.len()).sum::<usize>(),
    );
    for area in &plan.areas {
        known.insert(&area.path[PLAN_DIR.len() + 1..], 1);
        for component in &area.components {
            known.insert(&component.path[PLAN_DIR.len() + 1..], 2);
            for indicator in &component.indicators {
                known.insert(&indicator.evidence[EVIDENCE_DIR.len() + 1..], 3);
            }
        }
    }
    if reach("", PLAN_DIR) == Reach::Whole {
        return check_evidence_dir(folders, String::new(), 0, &known, out);
    }
    let mut wholes = Vec::new();
    for area in &plan.areas {
        let rel = |path: &str| path[PLAN_DIR.len() + 1..].to_string();
        if reach(&area.id, &area.path) == Reach::Whole {
            wholes.push((rel(&area.path), 1));
            continue;
        }
        // A component is read whole even for one indicator: a misnamed
        // folder beside the indicator's is most likely its evidence.
        wholes.extend(area.components.iter().map(|c| (rel(&c.path), 2)));
    }
    // A folder with no evidence yet is no problem; the walk from the root
    // never comes to it.
    wholes.retain(|(rel, _)| folders.is_dir(&tree::join(EVIDENCE_DIR, rel)));
    par_map(wholes, out, |(rel, depth), out| check_evidence_dir(folders, rel, depth, &known, out));
}

/// Checks the evidence folder `rel` at `depth` (0 for `evidence/`, 1 for
/// an area, 2 for a component), and the known folders below it in
/// parallel. Indicator folders are left to the indicators.
fn check_evidence_dir(
    folders: &dyn Folders,
    rel: String,
    depth: u8,
    known: &FxHashMap<&str, u8>,
    out: &mut Vec<Problem>,
) {
    let dir_rel = tree::join(EVIDENCE_DIR, &rel);
    let mut below = Vec::new();
    // Each entry's path below `evidence/`, made in one buffer: most entries
    // are indicator folders, only looked up.
    let mut child = String::new();
    for entry in folders::list(folders, &dir_rel, Severity::Warning, out) {
        child.clear();
        if !rel.is_empty() {
            child.push_str(&rel);
            child.push('/');
        }
        child.push_str(&entry.name);
        let shown = || tree::join(EVIDENCE_DIR, &child);
        match (entry.kind, known.get(child.as_str())) {
            (EntryKind::Dir, Some(3)) => {}
            (EntryKind::Dir, Some(level)) if *level == depth + 1 => below.push(child.clone()),
            (EntryKind::Dir, _) => {
                let suggestion = nearest_folder(&rel, &entry.name, depth + 1, known);
                out.push(Problem::new(Kind::OrphanEvidence { suggestion }, shown()))
            }
            (EntryKind::File, Some(3)) => out.push(Problem::new(Kind::IndicatorEvidenceIsFile, shown())),
            (EntryKind::File, _) => out.push(Problem::new(Kind::StrayEvidence, shown())),
        }
    }
    par_map(below, out, |child, out| check_evidence_dir(folders, child, depth + 1, known, out));
}

/// The folder at `level` below `parent` one edit (a typo, a changed
/// number) from `name`, when there is exactly one: what the orphan was
/// most likely meant to be.
fn nearest_folder(parent: &str, name: &str, level: u8, known: &FxHashMap<&str, u8>) -> Option<String> {
    let lower = name.to_lowercase();
    let mut near = known.iter().filter(|(_, l)| **l == level).filter_map(|(path, _)| {
        let (dir, last) = path.rsplit_once('/').unwrap_or(("", path));
        (dir == parent && strsim::damerau_levenshtein(&lower, &last.to_lowercase()) <= 1).then_some(*path)
    });
    let first = near.next()?;
    near.next().is_none().then(|| tree::join(EVIDENCE_DIR, first))
}

/// Maps `items`, in parallel where that pays (folders of a large plan are
/// listed on every core), keeping the order of the results and of the
/// problems each item produced, as a plain loop would.
fn par_map<T, R, F>(items: Vec<T>, out: &mut Vec<Problem>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T, &mut Vec<Problem>) -> R + Sync + Send,
{
    let each = |item| {
        let mut found = Vec::new();
        let result = f(item, &mut found);
        (result, found)
    };
    let results: Vec<(R, Vec<Problem>)> =
        parallel::map(parallel::pays(items.len(), parallel::FOLDERS), items, each);
    results
        .into_iter()
        .map(|(result, found)| {
            out.extend(found);
            result
        })
        .collect()
}

/// The components of an area, all of them when the area is read `whole`,
/// else those `reach` takes.
fn discover_components(
    folders: &dyn Folders,
    area_path: &str,
    area_id: &str,
    (whole, reach): (bool, &ReachOf<'_>),
    out: &mut Vec<Problem>,
) -> (Option<String>, Vec<Component>) {
    let mut entries = folders::list(folders, area_path, Severity::Error, out);
    let name = config::load_name(folders, (area_path, lists(&entries, "area.toml")), "area.toml", out);
    if !whole {
        entries.retain(|e| {
            let path = tree::join(area_path, &e.name);
            e.kind == EntryKind::Dir
                && e.number.is_some_and(|n| reach(&format!("{area_id}.{n}"), &path) != Reach::None)
        });
    }
    let components: Vec<Component> = par_map(entries, out, |entry, out| {
        let path = tree::join(area_path, &entry.name);
        if entry.kind == EntryKind::File && entry.name == "area.toml" {
            return None;
        }
        let number = numbered_dir(&entry, &path, out)?;
        let id = child_id(area_id, number);
        let (name, indicators) = discover_indicators(folders, &path, &id, out);
        let name = name.unwrap_or_else(|| entry.name.clone());
        Some(Component { number, id, path, name, indicators })
    })
    .into_iter()
    .flatten()
    .collect();
    duplicate_numbers(components.iter().map(|c| (c.number, &c.path)), out);
    (name, components)
}

/// Whether a folder's `entries` give `name` as a file: its name file is
/// then read without a stat (the listing just said what it is).
fn lists(entries: &[Entry], name: &str) -> bool {
    entries.iter().any(|e| e.kind == EntryKind::File && e.name == name)
}

fn discover_indicators(
    folders: &dyn Folders,
    component_path: &str,
    component_id: &str,
    out: &mut Vec<Problem>,
) -> (Option<String>, Vec<Arc<IndicatorFile>>) {
    let mut indicators = Vec::new();
    let mut numbers = Vec::new();
    let evidence_dir = tree::join(EVIDENCE_DIR, &component_path[PLAN_DIR.len() + 1..]);
    let entries = folders::list(folders, component_path, Severity::Error, out);
    let listed = (component_path, lists(&entries, "component.toml"));
    let name = config::load_name(folders, listed, "component.toml", out);
    for entry in entries {
        let path = tree::join(component_path, &entry.name);
        if entry.kind == EntryKind::File && entry.name == "component.toml" {
            continue;
        }
        let Some(stem) = entry.name.strip_suffix(".toml").filter(|_| entry.kind == EntryKind::File) else {
            out.push(stray(&path, entry.kind));
            continue;
        };
        let Some(number) = entry.number else {
            out.push(Problem::new(Kind::NoNumber, path));
            continue;
        };
        let evidence = tree::join(&evidence_dir, stem);
        indicators.push(Arc::new(IndicatorFile { id: child_id(component_id, number), path, evidence }));
        numbers.push(number);
    }
    duplicate_numbers(numbers.into_iter().zip(indicators.iter().map(|i| &i.path)), out);
    (name, indicators)
}

/// `parent.number`, in a string of exactly that size (`format!` would
/// cost more than the rest of the indicator's entry).
fn child_id(parent: &str, number: u32) -> String {
    let digits = number.checked_ilog10().unwrap_or(0) as usize + 1;
    let mut id = String::with_capacity(parent.len() + 1 + digits);
    id.push_str(parent);
    id.push('.');
    let start = id.len();
    let mut rest = number;
    for _ in 0..digits {
        id.insert(start, char::from(b'0' + (rest % 10) as u8));
        rest /= 10;
    }
    id
}

/// The number of an area or component folder; anything else is reported.
fn numbered_dir(entry: &Entry, path: &str, out: &mut Vec<Problem>) -> Option<u32> {
    if entry.kind != EntryKind::Dir {
        out.push(stray(path, entry.kind));
        return None;
    }
    if entry.number.is_none() {
        out.push(Problem::new(Kind::NoNumber, path));
    }
    entry.number
}

/// An entry where the layout has no place for it. A `.toml` name is an
/// error, since it most likely holds plan data that would go unread (an
/// indicator one level too high, a folder named like an indicator file);
/// anything else is a warning.
fn stray(path: &str, kind: EntryKind) -> Problem {
    let entry = match kind {
        EntryKind::Dir => problem::Entry::Folder,
        EntryKind::File => problem::Entry::File,
    };
    if path.to_ascii_lowercase().ends_with(".toml") {
        Problem::new(Kind::MisplacedPlanFile { entry }, path)
    } else {
        Problem::new(Kind::StrayFile { entry }, path)
    }
}

fn duplicate_numbers<'a>(items: impl Iterator<Item = (u32, &'a String)>, out: &mut Vec<Problem>) {
    let mut seen: BTreeMap<u32, &String> = BTreeMap::new();
    for (number, path) in items {
        if let Some(first) = seen.insert(number, path) {
            out.push(Problem::new(Kind::DuplicateNumber { number, first: first.clone() }, path.clone()));
            seen.insert(number, first);
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_child_id_is_its_parents_and_its_number() {
        for (parent, number, id) in
            [("I", 1, "I.1"), ("II.3", 10, "II.3.10"), ("V", 4_000_000_000, "V.4000000000")]
        {
            assert_eq!(super::child_id(parent, number), id);
        }
    }
}
