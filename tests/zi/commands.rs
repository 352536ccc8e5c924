//! Command-line behaviour: finding the repository, the date, exit codes,
//! selection by id or path, and `check` on small plans.
//!
//! No zi.toml, bad flags and bad dates are pinned in `snapshots.rs`.

use crate::harness::{Repo, Zi};

#[test]
fn the_root_is_found_from_a_subfolder_and_with_dash_c() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Juli 2022");
    let csv = "ID,Area,Component,Indicator,Person in charge,Status,Next deadline,\
               To date (present),To date (required),Year (present),Year (required),File\n\
               I.1.1,Manajemen Perubahan,Tim Kerja,Indikator 1-a,,on track,2022-07,0,0,0,1,plan/1-area/1-comp/1-a.toml\n";
    let deep = repo.at("evidence/1-area/1-comp/1-a");
    std::fs::create_dir_all(&deep).unwrap();
    let from_below = Zi::new(&deep, "2022-01-01", &["status", "--format", "csv"]).run();
    assert_eq!((from_below.code, from_below.stdout.as_str()), (0, csv));
    let elsewhere = tempfile::tempdir().unwrap();
    let path = repo.root().to_str().unwrap();
    let with_c = Zi::new(elsewhere.path(), "2022-01-01", &["-C", path, "status", "--format", "csv"]).run();
    assert_eq!((with_c.code, with_c.stdout.as_str()), (0, csv));
}

#[test]
fn as_of_flag_wins_over_zi_today() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Januari 2022");
    let late = repo.run("2022-01-15", &["overdue", "--as-of", "2022-03-01"]);
    assert_eq!(
        (late.code, late.stdout.as_str()),
        (
            1,
            "I.1.1  January 2022  29 days late  Indikator 1-a  missing: A\n\
             1 overdue period in 1 indicator as of 2022-03-01; `zi show ID` shows one in full\n"
        )
    );
    let early = repo.run("2022-03-01", &["overdue", "--as-of", "2022-01-15"]);
    assert_eq!((early.code, early.stdout.as_str()), (0, "nothing overdue as of 2022-01-15\n"));
}

#[test]
fn ids_select_areas_components_indicators_and_paths() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\"]", "Juli 2022");
    repo.indicator("2-b", "[\"B\"]", "Juli 2022");
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["status", "--format", "csv"];
        all.extend(args);
        let run = repo.run("2022-01-01", &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        run.stdout.lines().skip(1).map(|l| l.split(',').next().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&["I"]), ["I.1.1", "I.1.2"]);
    assert_eq!(ids(&["I.1"]), ["I.1.1", "I.1.2"]);
    assert_eq!(ids(&["I.1.2"]), ["I.1.2"]);
    assert_eq!(ids(&["plan/1-area/1-comp/2-b.toml"]), ["I.1.2"]);
    assert_eq!(ids(&["evidence/1-area/1-comp/1-a/"]), ["I.1.1"]);
    let unknown = repo.run("2022-01-01", &["status", "IV.9"]);
    assert_eq!(
        (unknown.code, unknown.stdout.as_str(), unknown.stderr.as_str()),
        (
            2,
            "",
            "error: no indicator matches `IV.9`\n   = hint: ids look like III, III.3 or III.3.4; `zi status` lists them\n"
        )
    );
    let ambiguous = repo.run("2022-01-01", &["show", "I.1"]);
    assert_eq!(
        (ambiguous.code, ambiguous.stdout.as_str(), ambiguous.stderr.as_str()),
        (
            2,
            "",
            "error: `I.1` matches 2 indicators (I.1.1, I.1.2); `zi show` takes one\n   = hint: `zi status I.1` lists them\n"
        )
    );
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
    let found: Vec<(&str, &str)> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["code"].as_str().unwrap(), d["path"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [
            ("bad-month-folder", "evidence/1-area/1-comp/1-a/2022-13"),
            ("orphan-evidence", "evidence/1-area/1-comp/9-hilang"),
            ("wrong-type", "plan/1-area/1-comp/2-b.toml"),
            ("toml-syntax", "plan/1-area/1-comp/3-c.toml"),
            ("no-number", "plan/1-area/1-comp/tanpa-nomor.toml"),
            ("no-actions", "plan/2-tanpa-nama/1-k/1-x.toml"),
            ("missing-name-file", "plan/2-tanpa-nama/1-k/component.toml"),
            ("missing-name-file", "plan/2-tanpa-nama/area.toml"),
        ]
    );
    assert_run!("check-every-problem-text", repo.run("2022-01-01", &["check"]));
    let status = repo.run("2022-01-01", &["status", "--format", "json"]).json();
    assert_eq!(status["totals"]["indicators"], 4, "every readable indicator is still reported");
}

#[test]
fn the_interface_speaks_indonesian_from_zi_toml_and_english_with_lang_en() {
    let repo = Repo::new();
    repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nlang = \"id\"\n");
    repo.indicator("1-a", "[\"Laporan\"]", "Juli 2022");
    let id = repo.run("2022-08-01", &["overdue"]);
    assert_eq!(
        id.stdout,
        "I.1.1  Juli 2022  terlambat 1 hari  Indikator 1-a  kurang: Laporan\n\
         1 periode terlambat pada 1 indikator per 2022-08-01; `zi show ID` menampilkan rinciannya\n"
    );
    let en = repo.run("2022-08-01", &["overdue", "--lang", "en"]);
    assert_eq!(
        en.stdout,
        "I.1.1  July 2022  1 day late  Indikator 1-a  missing: Laporan\n\
         1 overdue period in 1 indicator as of 2022-08-01; `zi show ID` shows one in full\n"
    );
    assert_run!("status-table-lang-from-zi-toml", repo.run("2022-08-01", &["status"]));
}

#[test]
fn every_format_is_byte_stable_and_free_of_absolute_paths() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\", \"B\"]", "Juli, Desember 2022");
    repo.file("evidence/1-area/1-comp/1-a/2022-03/a.pdf");
    for format in ["markdown", "csv", "json", "table"] {
        let first = repo.run("2022-09-01", &["status", "--format", format]);
        let second = repo.run("2022-09-01", &["status", "--format", format]);
        assert_eq!(first.stdout, second.stdout, "{format}");
        first.assert_no_absolute_path();
    }
    assert_run!("status-markdown-half-done", repo.run("2022-09-01", &["status", "--format", "markdown"]));
}
