//! The exported workbook in a real spreadsheet program. Ignored by a plain
//! `cargo test` because it needs LibreOffice; `scripts/libreoffice-test.sh`
//! (run by `.ci/run`, which installs Debian's `libreoffice-calc-nogui`)
//! runs it, and on CI (`CI` set) a missing LibreOffice fails it.
//!
//! LibreOffice converts the shipped plan's export to CSV, headless, and
//! every indicator's cells must be the plan's words; it also converts a
//! workbook built here to `.ods` and `.xls`, and `zi import` must read
//! each into the same plan as the `.xlsx`.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::harness::{Repo, AUGUST};
use crate::spreadsheet::{files_under, real_rkt_workbook, written};

fn soffice() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path).map(|dir| dir.join("soffice")).find(|p| p.is_file())
}

/// `file` converted by LibreOffice to `filter` in `dir`; the path it wrote.
fn convert(soffice: &Path, file: &Path, to: &str, dir: &Path) -> PathBuf {
    let profile = dir.join("lo-profile");
    let status = Command::new(soffice)
        .args(["--headless", "--norestore", "--convert-to", to, "--outdir"])
        .arg(dir)
        .arg(file)
        // A profile of its own, so that no running LibreOffice is asked instead.
        .env("HOME", &profile)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .output()
        .expect("run soffice");
    assert!(status.status.success(), "soffice failed: {}", String::from_utf8_lossy(&status.stderr));
    let stem = file.file_stem().unwrap().to_string_lossy().into_owned();
    let extension = to.split(':').next().unwrap();
    let written = dir.join(format!("{stem}.{extension}"));
    assert!(written.is_file(), "soffice wrote no {}", written.display());
    written
}

fn skip_without_libreoffice() -> Option<PathBuf> {
    let found = soffice();
    if found.is_none() {
        assert!(std::env::var_os("CI").is_none(), "CI must install libreoffice-calc-nogui (see .ci/run)");
        eprintln!("skipped: no soffice (apt-get install libreoffice-calc-nogui)");
    }
    found
}

/// A plan file's value as the table shows it: a string, or a list with one
/// item per line (an evidence table by its `name`).
fn cell_of(file: &toml::Table, key: &str) -> String {
    match file.get(key) {
        Some(toml::Value::String(s)) => s.clone(),
        Some(toml::Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                toml::Value::String(s) => s.clone(),
                other => other.get("name").and_then(toml::Value::as_str).unwrap_or_default().to_string(),
            })
            .collect::<Vec<_>>()
            .join("\n"),
        _ => String::new(),
    }
}

#[test]
#[ignore = "needs LibreOffice; scripts/libreoffice-test.sh runs it"]
fn libreoffice_reads_every_indicator_of_the_exported_shipped_plan() {
    let Some(soffice) = skip_without_libreoffice() else { return };
    let repo = Repo::shipped();
    let export = repo.run(AUGUST, &["export", "-o", "rkt.xlsx", "--with-status"]);
    assert!(export.code <= 1, "{}", export.stderr);
    let csv =
        convert(&soffice, &repo.at("rkt.xlsx"), "csv:Text - txt - csv (StarCalc):44,34,76,1", repo.root());
    let mut reader = csv::ReaderBuilder::new().has_headers(false).flexible(true).from_path(&csv).unwrap();
    let rows: Vec<Vec<String>> =
        reader.records().map(|r| r.unwrap().iter().map(str::to_string).collect()).collect();
    let header = rows.iter().position(|r| r.first().map(String::as_str) == Some("NO")).expect("a header row");
    let col =
        |title: &str| rows[header].iter().position(|c| c == title).unwrap_or_else(|| panic!("no {title}"));
    let (path_col, status_col) = (col("zi:path"), col("STATUS"));
    let columns = [
        ("indicator", col("INDIKATOR")),
        ("actions", col("LANGKAH AKSI")),
        ("evidence", col("BUKTI FISIK")),
        ("due", col("TARGET WAKTU")),
        ("pic", col("PENANGGUNG JAWAB")),
    ];
    let status = repo.run(AUGUST, &["status", "--format", "json"]).json();
    let mut labels = std::collections::BTreeMap::new();
    for area in status["areas"].as_array().unwrap() {
        for component in area["components"].as_array().unwrap() {
            for i in component["indicators"].as_array().unwrap() {
                labels.insert(
                    i["path"].as_str().unwrap().to_string(),
                    i["status_label"].as_str().unwrap().to_string(),
                );
            }
        }
    }
    let mut seen = 0;
    for (path, _) in files_under(repo.root()).iter().filter(|(p, _)| p.starts_with("plan/")) {
        if path.ends_with("/area.toml") || path.ends_with("/component.toml") {
            continue;
        }
        let file: toml::Table = toml::from_str(&repo.read(path)).unwrap();
        let row = rows
            .iter()
            .find(|r| r.get(path_col) == Some(path))
            .unwrap_or_else(|| panic!("no row for {path}"));
        for (key, c) in columns {
            assert_eq!(row[c], cell_of(&file, key), "{path}: {key} as LibreOffice reads it");
        }
        assert!(
            row[status_col].starts_with(&labels[path]),
            "{path}: {} is not {}",
            row[status_col],
            labels[path]
        );
        seen += 1;
    }
    assert_eq!(seen, 72);
    // Merged cells: each component's name once, in the first row of its indicators.
    let names: Vec<&String> = rows[header + 1..].iter().map(|r| &r[1]).filter(|c| !c.is_empty()).collect();
    assert_eq!(names.len(), 6 + 23, "six area names and 23 component names, once each");
}

#[test]
#[ignore = "needs LibreOffice; scripts/libreoffice-test.sh runs it"]
fn a_workbook_saved_as_ods_or_xls_imports_as_the_xlsx_does() {
    let Some(soffice) = skip_without_libreoffice() else { return };
    let work = Repo::empty();
    real_rkt_workbook(&work.at("rkt.xlsx"));
    let from_xlsx = Repo::empty();
    from_xlsx.run(AUGUST, &["import", work.at("rkt.xlsx").to_str().unwrap()]);
    let expected = written(&from_xlsx);
    assert!(expected.contains("Pemantauan pembangunan ZI secara berkala"));
    for format in ["ods", "xls:MS Excel 97"] {
        let converted = convert(&soffice, &work.at("rkt.xlsx"), format, work.root());
        let target = Repo::empty();
        let run = target.run(AUGUST, &["import", converted.to_str().unwrap()]);
        assert_eq!(run.code, 1, "the unplaced row again:\n{}", run.stderr);
        assert_eq!(written(&target), expected, "{format}");
    }
}

/// The workbook of `zi score` at a workspace root: LibreOffice reads each
/// of its sheets, every one a table with the unit's folder first.
#[test]
#[ignore = "needs LibreOffice; scripts/libreoffice-test.sh runs it"]
fn libreoffice_reads_every_sheet_of_the_workspace_score_workbook() {
    let Some(soffice) = skip_without_libreoffice() else { return };
    let ws = crate::workspace::workspace();
    let run = ws.run(AUGUST, &["--lang", "en", "score", "--format", "xlsx", "-o", "lke.xlsx"]);
    assert_eq!(run.code, 0, "{run:?}");
    // Every sheet (the last option, -1), each to `lke-SHEET.csv`.
    let profile = ws.at("lo-profile");
    let status = Command::new(&soffice)
        .args(["--headless", "--norestore", "--convert-to"])
        .arg("csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1")
        .arg("--outdir")
        .arg(ws.root())
        .arg(ws.at("lke.xlsx"))
        .env("HOME", &profile)
        .arg(format!("-env:UserInstallation=file://{}", profile.display()))
        .output()
        .expect("run soffice");
    assert!(status.status.success(), "soffice failed: {}", String::from_utf8_lossy(&status.stderr));
    let folders = |sheet: &str| -> (Vec<String>, Vec<String>) {
        let path = ws.at(&format!("lke-{sheet}.csv"));
        let mut reader = csv::ReaderBuilder::new().flexible(true).from_path(&path).unwrap();
        let header = reader.headers().unwrap().iter().map(str::to_string).collect();
        let mut folders: Vec<String> = reader.records().map(|r| r.unwrap()[0].to_string()).collect();
        folders.dedup();
        (header, folders)
    };
    let judged = ["balit-kopi", "balit-palma", "balit-sawit", "tanpa-plan", "toml-rusak"];
    let (header, units) = folders("Units");
    assert_eq!(header[..4], ["Folder", "Unit", "Year", "Target"]);
    assert_eq!(units, ["balit-kopi", "balit-palma", "balit-sawit", "catatan", "tanpa-plan", "toml-rusak"]);
    let (header, rekap) = folders("Rekap");
    assert_eq!(header[..3], ["Folder", "Target", "Area"]);
    assert_eq!(rekap, judged);
    let (header, answers) = folders("Answers");
    assert_eq!(header[..3], ["Folder", "ID", "Question"]);
    assert_eq!(answers, judged);
}
