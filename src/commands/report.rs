//! `zi report`: the plan as one HTML page, to standard output or, with
//! `-o FILE`, written atomically to a file that zi wrote before (or to a
//! new one). Links in the page are relative to where it is written, so the
//! page opened inside the repository opens the evidence files.

use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};
use std::process::ExitCode;

use anyhow::Result;

use super::plan;
use crate::judge::evaluate::{Detail, Evaluation, IndicatorReport, Keep};
use crate::judge::overdue::{self, Entry};
use crate::judge::score;
use crate::judge::select::{self, Filter};
use crate::judge::view::StatusView;
use crate::load::{assessment, lke};
use crate::model::plan::{IndicatorFile, Plan};
use crate::problem::Fatal;
use crate::render::html::{self, Links};
use crate::settings::Settings;
use crate::write::atomic;

/// Where `zi report` writes, and whether it may replace what is there.
pub(super) struct Output<'a> {
    /// `-o FILE` (relative to `-C DIR`, like every path); `None` for
    /// standard output.
    pub(super) file: Option<&'a Path>,
    pub(super) force: bool,
}

pub(super) fn run(
    settings: &Settings,
    filter: Filter,
    output: Output,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    // Where the page goes, and its links from there, before anything is read.
    let target = match output.file {
        None => None,
        Some(file) => {
            let path = settings.given_path(file);
            refuse_foreign_file(&path, file, output.force)?;
            let folder = match path.parent() {
                Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
                _ => PathBuf::from("."),
            };
            let folder = std::fs::canonicalize(&folder).map_err(|e| Fatal::CannotOpen {
                path: folder.display().to_string(),
                error: e.to_string(),
            })?;
            Some((path, file, folder))
        }
    };
    // Standard output: assume the page is saved at the repository root.
    let to_root =
        target.as_ref().map_or_else(String::new, |(_, _, folder)| relative_dir(folder, &settings.root));
    let links = Links { to_root: &to_root };
    let lang = settings.style().lang;
    // The LKE score of the whole unit (its problems are `zi check`'s to list).
    let mut problems = Vec::new();
    let lke = lke::for_config(&settings.root, &settings.config, &mut problems);
    // The cards wait in an unnamed temporary file, so nothing is left of it
    // however zi stops: beside the page, where zi writes anyway, else in the
    // system's temporary folder (standard output needs no writable
    // repository, and a folder may not hold unnamed files).
    let beside_page = target.as_ref().and_then(|(_, _, folder)| tempfile::tempfile_in(folder).ok());
    let spool = match beside_page {
        Some(spool) => spool,
        None => tempfile::tempfile().map_err(|e| Fatal::CannotWrite {
            path: std::env::temp_dir().display().to_string(),
            error: e.to_string(),
        })?,
    };
    let articles = html::Articles::new(lang, &links, &lke, spool);
    // Each indicator judged in full, its card written, then kept in summary.
    let each = |plan: &Plan, index: usize, report: &mut IndicatorReport| {
        if filter.keeps(report) {
            articles.add(plan, index, report);
        }
        report.keep_summary();
    };
    let want = plan::Want::new(Keep::Misfiled, &[], |_: &IndicatorFile| Detail::Files);
    let eval = plan::evaluate_each(settings, want, &each);
    let page = |eval: &Evaluation, out: &mut dyn Write| -> Result<ExitCode> {
        select::require_matches(filter.ids, eval)?;
        let selected = |r: &IndicatorReport| filter.keeps(r);
        let view = StatusView::new(eval, selected);
        let entries: Vec<Entry> =
            overdue::entries(eval, None).into_iter().filter(|e| selected(e.report)).collect();
        let assessment = super::score::newest(assessment::load_all(&settings.root, &lke, &mut Vec::new()));
        let scored = score::score(&lke, assessment.as_ref(), eval, None);
        let Some((path, file, _)) = &target else {
            html::report(&view, &entries, &scored, lang, &articles, out)?;
            return Ok(ExitCode::SUCCESS);
        };
        // Streamed to the temporary file, which replaces `path` once
        // complete; the spool is emptied on another thread meanwhile.
        std::thread::scope(|threads| {
            let page = |file: &std::fs::File| {
                let written = html::report_to_file(&view, &entries, &scored, lang, &articles, file);
                // Without a thread, the spool goes when it is closed.
                let _ = std::thread::Builder::new().spawn_scoped(threads, || articles.discard());
                written
            };
            atomic::write_file_with(path, page)
        })
        .map_err(|e| Fatal::CannotWrite { path: file.display().to_string(), error: e.to_string() })?;
        Ok(ExitCode::SUCCESS)
    };
    let code = plan::report_on(settings, &eval, true, out, err, &page)?;
    plan::free_in_background(eval);
    Ok(code)
}

/// Never replaces a file zi did not write, unless forced. A page zi wrote
/// carries `html::GENERATOR` in its first lines.
pub(super) fn refuse_foreign_file(path: &Path, shown: &Path, force: bool) -> Result<(), Fatal> {
    let shown = || shown.display().to_string();
    if path.is_dir() {
        return Err(Fatal::OutputIsFolder { path: shown() });
    }
    if force {
        return Ok(());
    }
    let cannot_read = |e: std::io::Error| Fatal::CannotRead { path: shown(), error: e.to_string() };
    let mut head = Vec::new();
    match std::fs::File::open(path) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(()),
        Err(e) => return Err(cannot_read(e)),
        Ok(file) => file.take(4096).read_to_end(&mut head).map_err(cannot_read)?,
    };
    let marker = html::GENERATOR.as_bytes();
    if !head.windows(marker.len()).any(|w| w == marker) {
        return Err(Fatal::NotWrittenByZi { path: shown() });
    }
    Ok(())
}

/// The relative URL prefix that leads from folder `from` to folder `to`
/// (both absolute): `""`, `"../"`, `"../../plan-repo/"`…
fn relative_dir(from: &Path, to: &Path) -> String {
    let names = |p: &Path| -> Vec<String> {
        p.components()
            .filter(|c| matches!(c, Component::Normal(_)))
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect()
    };
    let (from, to) = (names(from), names(to));
    let common = from.iter().zip(&to).take_while(|(a, b)| a == b).count();
    let mut prefix = "../".repeat(from.len() - common);
    for name in &to[common..] {
        prefix.push_str(&html::url_path(name));
        prefix.push('/');
    }
    prefix
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_lead_from_the_page_folder_to_the_repository_root() {
        let root = Path::new("/home/tim/rkt");
        assert_eq!(relative_dir(root, root), "");
        assert_eq!(relative_dir(Path::new("/home/tim/rkt/laporan/2022"), root), "../../");
        assert_eq!(relative_dir(Path::new("/tmp"), root), "../home/tim/rkt/");
        assert_eq!(relative_dir(Path::new("/home/tim"), Path::new("/home/tim/RKT ZI")), "RKT%20ZI/");
    }

    #[test]
    fn a_file_zi_did_not_write_is_kept_unless_forced() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("report.html");
        std::fs::write(&mine, format!("<!DOCTYPE html>\n<html>\n<head>\n{}\n", html::GENERATOR)).unwrap();
        assert!(refuse_foreign_file(&mine, &mine, false).is_ok());
        let theirs = dir.path().join("notes.html");
        std::fs::write(&theirs, "<html><p>my notes</p></html>").unwrap();
        let refusal = refuse_foreign_file(&theirs, Path::new("notes.html"), false).unwrap_err();
        assert_eq!(refusal, Fatal::NotWrittenByZi { path: "notes.html".into() });
        assert!(refuse_foreign_file(&theirs, &theirs, true).is_ok());
        assert!(refuse_foreign_file(&dir.path().join("new.html"), &mine, false).is_ok());
        assert!(refuse_foreign_file(dir.path(), dir.path(), true).is_err(), "a folder is never replaced");
    }
}
