//! Command-line behaviour: finding the repository, exit codes, selection by
//! id or path, formats and languages.

mod common;

use common::{run_in, Repo};

#[test]
fn no_zi_toml_anywhere_up_the_tree_is_exit_2_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_in(dir.path(), "2022-01-01", &["status"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("no zi.toml found"), "{}", run.stderr);
    assert!(run.stderr.contains("-C DIR"), "{}", run.stderr);
}

#[test]
fn the_root_is_found_from_a_subfolder_and_with_dash_c() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Juli 2022");
    let deep = repo.path().join("evidence/1-area/1-comp/1-a");
    std::fs::create_dir_all(&deep).unwrap();
    assert_eq!(run_in(&deep, "2022-01-01", &["status", "--format", "csv"]).stdout.lines().count(), 2);
    let elsewhere = tempfile::tempdir().unwrap();
    let path = repo.path().to_str().unwrap();
    let run = run_in(elsewhere.path(), "2022-01-01", &["-C", path, "status", "--format", "csv"]);
    assert_eq!((run.code, run.stdout.lines().count()), (0, 2));
}

#[test]
fn usage_errors_and_bad_dates_exit_2() {
    let repo = Repo::new();
    assert_eq!(repo.run("2022-01-01", &["status", "--format", "yaml"]).code, 2);
    assert_eq!(repo.run("2022-01-01", &["frobnicate"]).code, 2);
    assert_eq!(repo.run("2022-01-01", &["status", "--as-of", "31-01-2022"]).code, 2);
    let bad_env = repo.run("kemarin", &["status"]);
    assert_eq!(bad_env.code, 2);
    assert!(bad_env.stderr.contains("YYYY-MM-DD"), "{}", bad_env.stderr);
}

#[test]
fn as_of_flag_wins_over_zi_today() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Januari 2022");
    assert_eq!(repo.run("2022-01-15", &["overdue", "--as-of", "2022-03-01"]).code, 1);
    assert_eq!(repo.run("2022-03-01", &["overdue", "--as-of", "2022-01-15"]).code, 0);
}

#[test]
fn ids_select_areas_components_indicators_and_paths() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Juli 2022");
    repo.indicator("2-b", "[\"B\"]", "Juli 2022");
    let count = |args: &[&str]| repo.run("2022-01-01", args).stdout.lines().count() - 1;
    assert_eq!(count(&["status", "--format", "csv", "I"]), 2);
    assert_eq!(count(&["status", "--format", "csv", "I.1"]), 2);
    assert_eq!(count(&["status", "--format", "csv", "I.1.2"]), 1);
    assert_eq!(count(&["status", "--format", "csv", "plan/1-area/1-comp/2-b.toml"]), 1);
    assert_eq!(count(&["status", "--format", "csv", "evidence/1-area/1-comp/1-a/"]), 1);
    let unknown = repo.run("2022-01-01", &["status", "IV.9"]);
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("no indicator matches `IV.9`"), "{}", unknown.stderr);
    let ambiguous = repo.run("2022-01-01", &["show", "I.1"]);
    assert_eq!(ambiguous.code, 2);
    assert!(ambiguous.stderr.contains("matches 2 indicators"), "{}", ambiguous.stderr);
}

#[test]
fn check_is_silent_and_exit_0_on_a_clean_plan() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Juli 2022");
    let run = repo.run("2022-01-01", &["check"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""));
}

#[test]
fn check_reports_every_problem_in_one_run() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Juli 2022");
    repo.write(
        "plan/1-area/1-comp/2-b.toml",
        "indicator = \"x\"\nactions = [1]\nevidence = [\"A\"]\ndue = \"Juli 2022\"\n",
    );
    repo.write("plan/1-area/1-comp/3-c.toml", "indicator = \n");
    repo.write(
        "plan/2-tanpa-nama/1-k/1-x.toml",
        "indicator = \"x\"\nactions = []\nevidence = [\"A\"]\ndue = \"Maret 2022\"\n",
    );
    repo.write("plan/1-area/1-comp/tanpa-nomor.toml", "indicator = \"x\"\n");
    repo.file("evidence/1-area/1-comp/9-hilang/2022-01/a.pdf");
    repo.file("evidence/1-area/1-comp/1-a/2022-13/a.pdf");
    let json = repo.run("2022-01-01", &["check", "--format", "json"]).json();
    let found: Vec<(String, String)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap().to_string(), d["path"].as_str().unwrap().to_string()))
        .collect();
    let expect = [
        ("bad-month-folder", "evidence/1-area/1-comp/1-a/2022-13"),
        ("orphan-evidence", "evidence/1-area/1-comp/9-hilang"),
        ("wrong-type", "plan/1-area/1-comp/2-b.toml"),
        ("toml-syntax", "plan/1-area/1-comp/3-c.toml"),
        ("no-number", "plan/1-area/1-comp/tanpa-nomor.toml"),
        ("missing-name-file", "plan/2-tanpa-nama/area.toml"),
        ("missing-name-file", "plan/2-tanpa-nama/1-k/component.toml"),
        ("no-actions", "plan/2-tanpa-nama/1-k/1-x.toml"),
    ];
    for (code, path) in expect {
        assert!(found.contains(&(code.to_string(), path.to_string())), "{code} {path} not in {found:#?}");
    }
    assert_eq!(found.len(), expect.len(), "{found:#?}");
    let status = repo.run("2022-01-01", &["status", "--format", "json"]).json();
    assert_eq!(status["totals"]["indicators"], 4, "every readable indicator is still reported");
}

#[test]
fn the_interface_speaks_indonesian_from_zi_toml_and_english_with_lang_en() {
    let repo = Repo::new();
    repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nlang = \"id\"\n");
    repo.indicator("1-a", "[\"Laporan\"]", "Juli 2022");
    let id = repo.run("2022-08-01", &["overdue"]);
    assert!(id.stdout.starts_with("I.1.1  Juli 2022  Indikator 1-a  kurang: Laporan\n"), "{}", id.stdout);
    assert!(id.stdout.contains("1 periode terlambat pada 1 indikator per 2022-08-01"), "{}", id.stdout);
    let en = repo.run("2022-08-01", &["overdue", "--lang", "en"]);
    assert!(en.stdout.starts_with("I.1.1  July 2022  Indikator 1-a  missing: Laporan\n"), "{}", en.stdout);
    let table = repo.run("2022-08-01", &["status"]);
    assert!(
        table.stdout.contains("terlambat") && table.stdout.contains("Tenggat berikut"),
        "{}",
        table.stdout
    );
}

#[test]
fn markdown_and_csv_reports_are_byte_stable_and_free_of_absolute_paths() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\", \"B\"]", "Juli, Desember 2022");
    repo.file("evidence/1-area/1-comp/1-a/2022-03/a.pdf");
    let root = repo.path().to_str().unwrap();
    for format in ["markdown", "csv", "json", "table"] {
        let first = repo.run("2022-09-01", &["status", "--format", format]).stdout;
        let second = repo.run("2022-09-01", &["status", "--format", format]).stdout;
        assert_eq!(first, second, "{format}");
        assert!(!first.contains(root), "{format} output holds an absolute path");
    }
    let md = repo.run("2022-09-01", &["status", "--format", "markdown"]).stdout;
    assert!(md.contains("| I.1.1 | Indikator 1-a | overdue | July 2022 | 1/2 | 1/4 |"), "{md}");
}
