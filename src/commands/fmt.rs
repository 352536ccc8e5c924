//! `zi fmt [--check] [PATH…]`: plan files in the canonical layout
//! (`crate::write::canonical`), so that a diff shows changes to the plan and
//! never to its spacing. Files that cannot be read or parsed are reported
//! and left alone; the run goes on with the rest.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::load::source::{self, Source, MAX_PLAN_FILE_BYTES};
use crate::load::tree::{self, EntryKind};
use crate::model::plan::{CONFIG_FILE, EVIDENCE_DIR, PLAN_DIR};
use crate::problem::{self, Fatal, Kind, Note, Place, Problem, Severity};
use crate::render::{self, problems};
use crate::settings::Settings;
use crate::write::atomic;
use crate::write::canonical::{canonical, FileKind, LayoutError};

/// A file to lay out: where it is, and how it is shown.
struct Target {
    path: PathBuf,
    shown: String,
}

pub(super) fn run(
    settings: &Settings,
    check: bool,
    paths: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let root = &settings.root;
    let mut diagnostics = Vec::new();
    let targets = if paths.is_empty() {
        plan_files(root, &mut diagnostics)
    } else {
        named_files(root, &settings.base, paths, &mut diagnostics)?
    };
    lay_out(settings, targets, diagnostics, check, out, err)
}

/// `zi fmt [--check]` at a workspace root: the plan files of every unit
/// (each folder of `units`, from the root), shown from the root.
pub(super) fn run_units(
    settings: &Settings,
    check: bool,
    units: &[String],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let mut diagnostics = Vec::new();
    let mut targets = Vec::new();
    for rel in units {
        let mut found = Vec::new();
        for target in plan_files(&settings.root.join(rel), &mut found) {
            targets.push(Target { path: target.path, shown: tree::join(rel, &target.shown) });
        }
        crate::judge::workspace::prefix_problems(&mut found, rel);
        diagnostics.extend(found);
    }
    lay_out(settings, targets, diagnostics, check, out, err)
}

/// Lays `targets` out (with `check`, only says which differ), and reports
/// what could not be, with `diagnostics` found on the way.
fn lay_out(
    settings: &Settings,
    targets: Vec<Target>,
    mut diagnostics: Vec<Problem>,
    check: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let root = &settings.root;
    if !check {
        // What a killed run left goes with the next write (`atomic`).
        let folders: std::collections::BTreeSet<&Path> =
            targets.iter().filter_map(|t| t.path.parent()).collect();
        folders.into_iter().for_each(atomic::remove_stale);
    }
    let mut differing = 0;
    for target in &targets {
        let source = match Source::read(&target.path, target.shown.clone()) {
            Ok(source) => source,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let text = match canonical(&source.text, FileKind::of(&target.path)) {
            Ok(text) => text,
            Err(e) => {
                diagnostics.push(layout_problem(&source, e));
                continue;
            }
        };
        if text == source.text {
            continue;
        }
        if text.len() as u64 > MAX_PLAN_FILE_BYTES {
            // zi would refuse to read what it wrote: the file stays as it is.
            let kind = Kind::FmtTooLarge { size: text.len() as u64, limit: MAX_PLAN_FILE_BYTES };
            diagnostics.push(Problem::new(kind, target.shown.as_str()));
            continue;
        }
        differing += 1;
        if !check && is_read_only(&target.path) {
            diagnostics.push(Problem::new(Kind::ReadOnly, target.shown.as_str()));
            continue;
        }
        if !check {
            // Through a link, the file it points at is the one rewritten.
            let real = std::fs::canonicalize(&target.path).unwrap_or_else(|_| target.path.clone());
            if let Err(e) = atomic::write(&real, text.as_bytes()) {
                diagnostics
                    .push(Problem::new(Kind::Unwritable { error: e.to_string() }, target.shown.as_str()));
                continue;
            }
        }
        writeln!(out, "{}", target.shown)?;
    }
    problem::sort(&mut diagnostics);
    let excerpts = source::excerpts(root, &diagnostics, &[]);
    for d in &diagnostics {
        // One blank line after each, as `zi check` lays them out.
        writeln!(err, "{}", problems::problem(d, excerpts.line(d), settings.style().lang))?;
    }
    if check && differing > 0 {
        writeln!(err, "zi: {}", render::note(&Note::NotCanonical { files: differing }, settings.style()))?;
    }
    let failed = diagnostics.iter().any(Problem::is_error) || (check && differing > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Whether the file (or the file a link at it leads to) may not be written
/// by its owner: `zi fmt` reports it rather than replace it by a rename,
/// which the folder's permissions would allow.
fn is_read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|m| m.permissions().readonly())
}

/// `zi.toml` and every `.toml` file under `plan/`, in plan order.
fn plan_files(root: &Path, out: &mut Vec<Problem>) -> Vec<Target> {
    let mut targets = Vec::new();
    if root.join(CONFIG_FILE).is_file() {
        targets.push(Target { path: root.join(CONFIG_FILE), shown: CONFIG_FILE.to_string() });
    }
    if root.join(PLAN_DIR).is_dir() {
        toml_files_below(root, PLAN_DIR, out, &mut targets);
    }
    targets
}

/// The `.toml` files under `root/rel`, in plan order. Only errors
/// of the listing are kept: `zi check` reports the rest.
fn toml_files_below(root: &Path, rel: &str, out: &mut Vec<Problem>, targets: &mut Vec<Target>) {
    let mut found = Vec::new();
    // What the listing skips (a pipe, a link to a folder) is an error here:
    // the user asked for every plan file to be laid out.
    let mut entries = tree::list(&root.join(rel), rel, Severity::Error, &mut found);
    out.extend(found.into_iter().filter(Problem::is_error));
    // A folder's own area.toml or component.toml before what it holds.
    entries.sort_by_key(|e| e.number.is_some());
    for entry in entries {
        let shown = tree::join(rel, &entry.name);
        match entry.kind {
            EntryKind::Dir => toml_files_below(root, &shown, out, targets),
            EntryKind::File if entry.name.ends_with(".toml") => {
                targets.push(Target { path: root.join(&shown), shown })
            }
            EntryKind::File => {}
        }
    }
}

/// The files the user named, folders searched for `.toml` files. Paths are
/// relative to `-C DIR` when given, as every path zi is told.
fn named_files(
    root: &Path,
    base: &Path,
    paths: &[PathBuf],
    out: &mut Vec<Problem>,
) -> Result<Vec<Target>, Fatal> {
    let mut targets = Vec::new();
    for path in paths {
        let full = base.join(path);
        if !full.exists() {
            return Err(Fatal::NoSuchPath { path: path.display().to_string() });
        }
        let real = std::fs::canonicalize(&full)
            .map_err(|e| Fatal::CannotOpen { path: path.display().to_string(), error: e.to_string() })?;
        let shown = match real.strip_prefix(root) {
            Ok(rel) => {
                rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
            }
            Err(_) => path.display().to_string(),
        };
        // Only zi.toml and plan/ hold plan files: evidence, seeds and
        // anything outside the repository are never opened.
        let inside_plan = shown == CONFIG_FILE || shown == PLAN_DIR || shown.starts_with("plan/");
        let above_plan = real.is_dir() && root.starts_with(&real);
        if above_plan {
            targets.extend(plan_files(root, out));
        } else if !inside_plan || real.strip_prefix(root).is_err() {
            let evidence = shown == EVIDENCE_DIR || shown.starts_with("evidence/");
            let place = if evidence { Place::Evidence } else { Place::Elsewhere };
            out.push(Problem::new(Kind::NotPlanFile { place }, shown));
        } else if real.is_dir() {
            let mut below = Vec::new();
            toml_files_below(&real, "", out, &mut below);
            for target in below {
                let shown = if shown.is_empty() { target.shown } else { tree::join(&shown, &target.shown) };
                targets.push(Target { path: target.path, shown });
            }
        } else {
            targets.push(Target { path: full, shown });
        }
    }
    let mut seen = std::collections::HashSet::new();
    targets.retain(|t| seen.insert(t.shown.clone()));
    Ok(targets)
}

fn layout_problem(source: &Source, error: LayoutError) -> Problem {
    match error {
        LayoutError::Syntax => match source.parse() {
            Err(d) => Problem { kind: Kind::LeftAsIs(Box::new(d.kind)), ..d },
            Ok(_) => Problem::new(Kind::InvalidToml, source.path.clone()),
        },
        LayoutError::Unsafe(reason) => Problem::new(Kind::FmtUnsafe { reason }, source.path.clone()),
    }
}
