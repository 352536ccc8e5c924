//! `zi init [DIR]`: a new plan from the LKE, or from last year's plan
//! (`--from`), with an evidence folder per indicator and a README for the
//! team; `zi init --evidence-folders`: the evidence folders an existing
//! plan lacks.

use std::io::Write;
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use crate::load::{self, config, git, plan};
use crate::model::plan::{CONFIG_FILE, EVIDENCE_DIR, GITKEEP, PLAN_DIR};
use crate::model::rkt::Rkt;
use crate::problem::{Fatal, Note, Problem};
use crate::render;
use crate::settings::Settings;
use crate::write::init;
use crate::write::plan_files::{plan_files, PlanFile};
use crate::write::tree_writer;

pub(super) struct Options<'a> {
    /// `DIR` as given.
    pub(super) folder: Option<&'a Path>,
    pub(super) unit: Option<&'a str>,
    pub(super) year: Option<i32>,
    pub(super) from: Option<&'a Path>,
}

/// The team's README at the root of a new plan.
const README: &str = "README.md";

pub(super) fn run(settings: &Settings, options: &Options, err: &mut dyn Write) -> Result<ExitCode> {
    let in_workspace = unit_of_workspace(settings, options)?;
    let root = in_workspace.as_ref().unwrap_or(&settings.root);
    let shown = root.display().to_string();
    if root.join(CONFIG_FILE).exists() || root.join(PLAN_DIR).exists() {
        return Err(Fatal::PlanExists { path: shown, force_helps: false }.into());
    }
    let mut found = Vec::new();
    let (rkt, old_lang) = match options.from {
        Some(from) => last_years(&settings.given_path(from), options, &mut found),
        None => {
            let (unit, year) = (options.unit.unwrap_or_default(), options.year.unwrap_or_default());
            (init::from_lke(load::lke::builtin(), unit, year), None)
        }
    };
    let lang = settings.plan_lang(old_lang.as_deref());
    let mut files = plan_files(&rkt, lang.code());
    let example = files.iter().find(|f| f.path.starts_with(EVIDENCE_DIR)).map(|f| evidence_folder(&f.path));
    let (unit, year) = (rkt.unit.clone().unwrap_or_default(), rkt.year.unwrap_or_default());
    let readme = render::team_readme(lang, &unit, year, example.as_deref());
    files.push(PlanFile { path: README.to_string(), contents: readme });
    tree_writer::write_all(root, &files, false)?;
    let git = git::init_unless_inside(root)?;
    // The old plan's warnings are its own; what could not be read of it is
    // missing from the new one, and is said.
    found.retain(Problem::is_error);
    render::problems::write_all(&found, settings.style().lang, err)?;
    let note = Note::Initialised {
        unit,
        year,
        areas: rkt.areas.len(),
        indicators: rkt.indicator_count(),
        path: shown,
        git,
    };
    writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
    Ok(if found.iter().any(Problem::is_error) { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// Refuses a new plan at `root` (by `zi init` or `zi import` run below a
/// workspace root, not at it) that the workspace around it would not see:
/// the nearest `zi.toml` above `root`, when it is a workspace's, must have
/// a `units` glob that matches `root`. A unit's `zi.toml` above ends the
/// search: that plan is no workspace.
pub(super) fn within_a_workspace_above(root: &Path) -> Result<(), Fatal> {
    let Some(root) = real(root) else { return Ok(()) };
    let Some(above) = root.ancestors().skip(1).find(|dir| dir.join(CONFIG_FILE).is_file()) else {
        return Ok(());
    };
    let Some(workspace) = config::load(above, &mut Vec::new()).0.workspace else { return Ok(()) };
    // `above` is one of `root`'s ancestors, so the path is relative.
    let rel = root.strip_prefix(above).unwrap_or(&root).to_string_lossy().replace('\\', "/");
    if crate::load::workspace::covers(&workspace.units, &rel) {
        Ok(())
    } else {
        Err(Fatal::OutsideUnits { path: rel, globs: workspace.units })
    }
}

/// `path` with its links resolved, though its last folders may not exist
/// yet (the plan `zi init` is about to make); `None` past a `..` that
/// does not exist.
fn real(path: &Path) -> Option<PathBuf> {
    let mut at = std::path::absolute(path).ok()?;
    let mut missing = Vec::new();
    loop {
        if let Ok(real) = std::fs::canonicalize(&at) {
            return Some(missing.iter().rev().fold(real, |path, name| path.join(name)));
        }
        missing.push(at.file_name()?.to_owned());
        at = at.parent()?.to_path_buf();
    }
}

/// Where `zi init` at a workspace root puts the new unit: in the folder of
/// the first `units` glob (`units` of `units/*`), under `DIR` when it is a
/// bare name, else under the unit's name made a folder name
/// (`Balai Penelitian Tanaman Palma` → `balai-penelitian-tanaman-palma`);
/// where `DIR` says when it is a path. `None` outside a workspace root.
/// Refused when nothing names the folder (`--from` alone), or when no
/// `units` glob covers it: the workspace would not see the unit.
fn unit_of_workspace(settings: &Settings, options: &Options) -> Result<Option<PathBuf>, Fatal> {
    let (config, _) = config::load(&settings.base, &mut Vec::new());
    let Some(workspace) = config.workspace else { return Ok(None) };
    let globs = workspace.units;
    let bare = |folder: &Path| {
        let mut parts = folder.components();
        match (parts.next(), parts.next()) {
            (Some(Component::Normal(name)), None) => Some(name.to_string_lossy().into_owned()),
            _ => None,
        }
    };
    let under_first = |name: String| -> Result<PathBuf, Fatal> {
        let first = globs.first().map(|g| g.trim().trim_start_matches("./")).unwrap_or_default();
        let parts: Vec<&str> = first.split('/').filter(|p| !p.is_empty()).collect();
        let literal: Vec<&str> =
            parts.iter().copied().take_while(|p| !p.contains(['*', '?', '[', '{'])).collect();
        // `units/*` puts units in `units`; a glob naming one folder, beside it.
        let parent = if literal.len() == parts.len() {
            &literal[..literal.len().saturating_sub(1)]
        } else {
            &literal[..]
        };
        Ok(parent.iter().fold(settings.base.clone(), |path, p| path.join(p)).join(name))
    };
    let target = match options.folder {
        Some(folder) => match bare(folder) {
            Some(name) => under_first(name)?,
            None => settings.given_path(folder),
        },
        None => match options.unit.map(folder_name).filter(|name| !name.is_empty()) {
            Some(name) => under_first(name)?,
            None => return Err(Fatal::UnitFolderUnnamed),
        },
    };
    let rel = target.strip_prefix(&settings.base).map(|r| r.to_string_lossy().replace('\\', "/"));
    let covered = rel.as_deref().is_ok_and(|rel| crate::load::workspace::covers(&globs, rel));
    if !covered {
        let path = rel.unwrap_or_else(|_| target.display().to_string());
        return Err(Fatal::OutsideUnits { path, globs });
    }
    Ok(Some(target))
}

/// A unit's name as a folder name: lowercase letters and digits, words
/// joined by dashes; empty when the name has none.
fn folder_name(unit: &str) -> String {
    let words: Vec<String> =
        unit.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    words.join("-")
}

/// `zi init --workspace [DIR]`: a workspace root, whose units go in
/// `units/` (`zi init NAME --unit … --year …` there adds one).
pub(super) fn workspace(settings: &Settings, err: &mut dyn Write) -> Result<ExitCode> {
    let root = &settings.root;
    let shown = root.display().to_string();
    if root.join(CONFIG_FILE).exists() || root.join(PLAN_DIR).exists() {
        return Err(Fatal::PlanExists { path: shown, force_helps: false }.into());
    }
    let files = [
        PlanFile { path: CONFIG_FILE.to_string(), contents: WORKSPACE_CONFIG.to_string() },
        PlanFile { path: format!("{WORKSPACE_UNITS}/{GITKEEP}"), contents: String::new() },
    ];
    tree_writer::write_all(root, &files, false)?;
    let git = git::init_unless_inside(root)?;
    let note = Note::WorkspaceStarted { path: shown, units: WORKSPACE_UNITS, git };
    writeln!(err, "zi: {}", render::note(&note, settings.style()))?;
    Ok(ExitCode::SUCCESS)
}

/// The folder of a new workspace's units.
const WORKSPACE_UNITS: &str = "units";

/// The `zi.toml` of a new workspace.
const WORKSPACE_CONFIG: &str = "[workspace]\nunits = [\"units/*\"]\n";

/// The plan at `from` rolled over to the new year (its year + 1 unless
/// `--year` says otherwise), and its `lang`.
fn last_years(from: &Path, options: &Options, out: &mut Vec<Problem>) -> (Rkt, Option<String>) {
    let (config, _) = config::load(from, out);
    let old_year = config.year.unwrap_or_default();
    let old_lang = config.lang.as_ref().map(|(code, _)| code.clone());
    let discovered = plan::discover(from, config, old_year, out);
    let rkt = load::rkt::table(&discovered, out);
    (init::rolled_over(rkt, options.year.unwrap_or(old_year + 1), options.unit), old_lang)
}

/// `evidence/…/N-slug` of its `.gitkeep`.
fn evidence_folder(gitkeep: &str) -> String {
    gitkeep.strip_suffix(GITKEEP).unwrap_or(gitkeep).trim_end_matches('/').to_string()
}

/// `zi init --evidence-folders`: an evidence folder (with `.gitkeep`) for
/// every indicator that has none, in the plan or, at a workspace root, in
/// every unit; the folders made go to `out`, from where zi runs.
pub(super) fn evidence_folders(
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let mut made = 0;
    match &settings.config.workspace {
        None => made += evidence_folders_of(settings, "", out)?,
        Some(workspace) => {
            let units = crate::load::workspace::units(&settings.root, &workspace.units, &mut Vec::new());
            for unit in units.iter().filter(|u| u.is_unit) {
                made +=
                    evidence_folders_of(&settings.for_unit(settings.root.join(&unit.rel)), &unit.rel, out)?;
            }
        }
    }
    writeln!(err, "zi: {}", render::note(&Note::EvidenceFolders { made }, settings.style()))?;
    Ok(ExitCode::SUCCESS)
}

/// The evidence folders one plan lacks, made; each is listed after `rel`
/// (the unit's folder from the workspace root, or empty).
fn evidence_folders_of(settings: &Settings, rel: &str, out: &mut dyn Write) -> Result<usize> {
    let mut found = Vec::new();
    let year = settings.config.year.unwrap_or_default();
    let discovered = plan::discover(&settings.root, settings.config.clone(), year, &mut found);
    let missing: Vec<PlanFile> = discovered
        .indicators()
        .filter(|i| !settings.root.join(&i.evidence).exists())
        .map(|i| PlanFile { path: format!("{}/{GITKEEP}", i.evidence), contents: String::new() })
        .collect();
    tree_writer::write_all(&settings.root, &missing, false)?;
    for file in &missing {
        writeln!(out, "{}", crate::model::plan::join(rel, &evidence_folder(&file.path)))?;
    }
    Ok(missing.len())
}
