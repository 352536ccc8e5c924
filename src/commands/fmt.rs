//! `zi fmt [--check] [PATH…]`: plan files in the canonical layout
//! (`crate::write::canonical`), so that a diff shows changes to the plan and
//! never to its spacing. Files that cannot be read or parsed are reported
//! and left alone; the run goes on with the rest.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::{bail, Context as _, Result};

use crate::cli::GlobalArgs;
use crate::load::config::CONFIG_FILE;
use crate::load::plan::PLAN_DIR;
use crate::load::source::Source;
use crate::load::tree::{self, Kind};
use crate::problem::{self, Diagnostic, Severity};
use crate::text::{tr, Lang};
use crate::write::atomic;
use crate::write::canonical::{canonical, FileKind, LayoutError};

/// A file to lay out: where it is, and how it is shown.
struct Target {
    path: PathBuf,
    shown: String,
}

pub fn run(
    global: &GlobalArgs,
    check: bool,
    paths: &[PathBuf],
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let (root, lang) = super::locate(global)?;
    let mut diagnostics = Vec::new();
    let targets = if paths.is_empty() {
        plan_files(&root, lang, &mut diagnostics)
    } else {
        let base = global.dir.clone().unwrap_or_else(|| PathBuf::from("."));
        named_files(&root, &base, paths, lang, &mut diagnostics)?
    };
    let mut differing = 0;
    for target in &targets {
        let source = match Source::read(&target.path, target.shown.clone(), lang) {
            Ok(source) => source,
            Err(d) => {
                diagnostics.push(d);
                continue;
            }
        };
        let text = match canonical(&source.text, FileKind::of(&target.path)) {
            Ok(text) => text,
            Err(e) => {
                diagnostics.push(layout_problem(&source, e, lang));
                continue;
            }
        };
        if text == source.text {
            continue;
        }
        differing += 1;
        if !check {
            // Through a link, the file it points at is the one rewritten.
            let real = std::fs::canonicalize(&target.path).unwrap_or_else(|_| target.path.clone());
            if let Err(e) = atomic::write(&real, text.as_bytes()) {
                diagnostics.push(unwritable(&target.shown, &e, lang));
                continue;
            }
        }
        writeln!(out, "{}", target.shown)?;
    }
    problem::sort(&mut diagnostics);
    for d in &diagnostics {
        write!(err, "{}", d.render(lang))?;
    }
    if check && differing > 0 {
        writeln!(
            err,
            "{}",
            tr(
                lang,
                format!("zi: {differing} file(s) not in the canonical layout; `zi fmt` rewrites them"),
                format!("zi: {differing} berkas belum bertata letak kanonik; `zi fmt` menulis ulang"),
            )
        )?;
    }
    let failed = diagnostics.iter().any(Diagnostic::is_error) || (check && differing > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// `zi.toml` and every `.toml` file under `plan/`, in plan order.
fn plan_files(root: &Path, lang: Lang, out: &mut Vec<Diagnostic>) -> Vec<Target> {
    let mut targets = Vec::new();
    if root.join(CONFIG_FILE).is_file() {
        targets.push(Target { path: root.join(CONFIG_FILE), shown: CONFIG_FILE.to_string() });
    }
    if root.join(PLAN_DIR).is_dir() {
        toml_files_below(root, PLAN_DIR, lang, out, &mut targets);
    }
    targets
}

/// The `.toml` files under `root/rel`, in plan order. Only errors
/// of the listing are kept: `zi check` reports the rest.
fn toml_files_below(
    root: &Path,
    rel: &str,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
    targets: &mut Vec<Target>,
) {
    let mut found = Vec::new();
    let mut entries = tree::list(&root.join(rel), rel, Severity::Warning, lang, &mut found);
    out.extend(found.into_iter().filter(Diagnostic::is_error));
    // A folder's own area.toml or component.toml before what it holds.
    entries.sort_by_key(|e| e.number.is_some());
    for entry in entries {
        let shown = tree::join(rel, &entry.name);
        match entry.kind {
            Kind::Dir => toml_files_below(root, &shown, lang, out, targets),
            Kind::File if entry.name.ends_with(".toml") => {
                targets.push(Target { path: root.join(&shown), shown })
            }
            Kind::File => {}
        }
    }
}

/// The files the user named, folders searched for `.toml` files. Paths are
/// relative to `-C DIR` when given, as every path zi is told.
fn named_files(
    root: &Path,
    base: &Path,
    paths: &[PathBuf],
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Result<Vec<Target>> {
    let mut targets = Vec::new();
    for path in paths {
        let full = base.join(path);
        if !full.exists() {
            bail!("no such file or folder: {}", path.display());
        }
        let real = std::fs::canonicalize(&full).with_context(|| format!("cannot open {}", path.display()))?;
        let shown = match real.strip_prefix(root) {
            Ok(rel) => {
                rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/")
            }
            Err(_) => path.display().to_string(),
        };
        if real.is_dir() {
            let mut below = Vec::new();
            toml_files_below(&real, "", lang, out, &mut below);
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

fn layout_problem(source: &Source, error: LayoutError, lang: Lang) -> Diagnostic {
    let left_alone = tr(lang, "the file is left as it is", "berkas dibiarkan apa adanya");
    match error {
        LayoutError::Syntax(_) => match source.parse(lang) {
            Err(d) => Diagnostic { hint: format!("{}; {left_alone}", d.hint), ..d },
            Ok(_) => Diagnostic::error(
                "toml-syntax",
                source.path.clone(),
                tr(lang, "invalid TOML", "TOML tidak sah"),
            )
            .with_hint(left_alone),
        },
        LayoutError::Unsafe(reason) => Diagnostic::error(
            "fmt-unsafe",
            source.path.clone(),
            tr(
                lang,
                format!("cannot lay this file out: {reason}"),
                format!("berkas ini tidak dapat ditata: {reason}"),
            ),
        )
        .with_hint(tr(
            lang,
            format!("{left_alone}; this is a bug in zi, please report it with the file"),
            format!("{left_alone}; ini kesalahan zi, mohon laporkan beserta berkasnya"),
        )),
    }
}

fn unwritable(shown: &str, e: &std::io::Error, lang: Lang) -> Diagnostic {
    Diagnostic::error(
        "unwritable",
        shown,
        tr(lang, format!("cannot write file: {e}"), format!("berkas tidak dapat ditulis: {e}")),
    )
    .with_hint(tr(
        lang,
        "check the file's permissions; the file is unchanged",
        "periksa izin akses berkas; berkas tidak berubah",
    ))
}
