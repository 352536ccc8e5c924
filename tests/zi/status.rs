//! Statuses, deadlines, evidence matching and totals on small plans built
//! in temp dirs, at pinned dates.

use crate::fixture::{self, AS_OF, MONEV_EVIDENCE, MONEV_PATH, SK_EVIDENCE, SK_PATH};
use crate::harness::{Repo, Zi};

const EV: &str = "evidence/1-area/1-comp";

/// The status of one indicator from `zi status --format json`.
fn status_of(repo: &Repo, date: &str, id: &str) -> String {
    let json = repo.run(date, &["status", "--format", "json"]).json();
    for area in json["areas"].as_array().unwrap() {
        for component in area["components"].as_array().unwrap() {
            for indicator in component["indicators"].as_array().unwrap() {
                if indicator["id"] == id {
                    return indicator["status"].as_str().unwrap().to_string();
                }
            }
        }
    }
    panic!("{id} not in status output")
}

#[test]
fn the_last_day_of_the_deadline_month_is_due_and_the_next_day_overdue() {
    let repo = Repo::new();
    repo.indicator("1-sk", "[\"SK Tim\"]", "Januari 2022");
    assert_eq!(status_of(&repo, "2021-12-31", "I.1.1"), "on-track");
    assert_eq!(status_of(&repo, "2022-01-01", "I.1.1"), "due");
    assert_eq!(status_of(&repo, "2022-01-31", "I.1.1"), "due");
    assert_eq!(status_of(&repo, "2022-02-01", "I.1.1"), "overdue");
    assert_eq!(repo.run("2022-01-31", &["overdue"]).code, 0);
    let late = repo.run("2022-02-01", &["overdue"]);
    assert_eq!(late.code, 1);
    assert_eq!(
        late.stdout,
        "I.1.1  January 2022  1 day late  Indikator 1-sk  missing: SK Tim\n\
         1 overdue period in 1 indicator as of 2022-02-01; `zi show ID` shows one in full\n"
    );
}

#[test]
fn evidence_filed_in_an_earlier_month_of_the_period_counts_for_a_later_deadline() {
    let repo = Repo::new();
    repo.indicator("1-monev", "[\"Undangan rapat\", \"Daftar hadir\"]", "Juli, Desember 2022");
    repo.file(&format!("{EV}/1-monev/2022-02/undangan_rapat.pdf"));
    repo.file(&format!("{EV}/1-monev/2022-07/Daftar-Hadir.pdf"));
    assert_eq!(status_of(&repo, "2022-08-01", "I.1.1"), "on-track");
    // The second period (August–December) cannot use the first period's files.
    assert_eq!(status_of(&repo, "2023-01-01", "I.1.1"), "overdue");
    let overdue = repo.run("2023-01-01", &["overdue"]);
    assert_eq!(
        overdue.stdout,
        "I.1.1  December 2022  1 day late  Indikator 1-monev  missing: Undangan rapat, Daftar hadir\n\
         1 overdue period in 1 indicator as of 2023-01-01; `zi show ID` shows one in full\n"
    );
}

#[test]
fn a_monthly_item_with_one_month_missing_is_overdue_for_that_month_only() {
    let repo = Repo::new();
    repo.indicator("1-laporan", "[\"Laporan bulanan\"]", "Setiap bulan");
    for month in ["01", "02", "04", "05"] {
        repo.file(&format!("{EV}/1-laporan/2022-{month}/laporan.pdf"));
    }
    let run = repo.run("2022-05-20", &["overdue"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "I.1.1  March 2022  50 days late  Indikator 1-laporan  missing: Laporan bulanan\n\
         1 overdue period in 1 indicator as of 2022-05-20; `zi show ID` shows one in full\n"
    );
    let json = repo.run("2022-05-20", &["status", "--format", "json"]).json();
    let ind = &json["areas"][0]["components"][0]["indicators"][0];
    assert_eq!(ind["to_date"], serde_json::json!({"present": 3, "required": 4}));
    assert_eq!(ind["year"], serde_json::json!({"present": 4, "required": 12}));
    assert_eq!(ind["next_deadline"], "2022-03");
}

#[test]
fn a_window_is_one_period_whose_deadline_is_its_last_month() {
    let repo = Repo::new();
    repo.indicator("1-renstra", "[\"Renstra\"]", "Januari s.d. Maret 2022");
    assert_eq!(status_of(&repo, "2022-02-15", "I.1.1"), "on-track");
    assert_eq!(status_of(&repo, "2022-03-15", "I.1.1"), "due");
    assert_eq!(status_of(&repo, "2022-04-01", "I.1.1"), "overdue");
    // One period: a file directly in the indicator folder counts.
    repo.file(&format!("{EV}/1-renstra/renstra-2022.pdf"));
    assert_eq!(status_of(&repo, "2022-04-01", "I.1.1"), "done");
    let check = repo.run("2022-04-01", &["check"]);
    assert_eq!((check.code, check.stdout.as_str(), check.stderr.as_str()), (0, "", ""));
}

#[test]
fn quarterly_deadlines_are_march_june_september_december() {
    let repo = Repo::new();
    repo.indicator("1-ikm", "[\"Laporan IKM\"]", "per triwulan");
    repo.file(&format!("{EV}/1-ikm/2022-02/ikm.pdf"));
    repo.file(&format!("{EV}/1-ikm/2022-05/ikm.pdf"));
    assert_eq!(status_of(&repo, "2022-09-10", "I.1.1"), "due");
    assert_eq!(status_of(&repo, "2022-10-01", "I.1.1"), "overdue");
    let json = repo.run("2022-10-01", &["status", "--format", "json"]).json();
    let periods = json["areas"][0]["components"][0]["indicators"][0]["periods"].as_array().unwrap().clone();
    let spans: Vec<(&str, &str, &str)> = periods
        .iter()
        .map(|p| (p["first"].as_str().unwrap(), p["last"].as_str().unwrap(), p["state"].as_str().unwrap()))
        .collect();
    assert_eq!(
        spans,
        [
            ("2022-01", "2022-03", "complete"),
            ("2022-04", "2022-06", "complete"),
            ("2022-07", "2022-09", "overdue"),
            ("2022-10", "2022-12", "open"),
        ]
    );
}

#[test]
fn no_deadline_items_count_occurrences_and_are_never_overdue() {
    let repo = Repo::new();
    repo.indicator("1-rapat", "[\"Daftar hadir\", \"Notulen\"]", "setiap ada   pertemuan");
    repo.file(&format!("{EV}/1-rapat/2022-03-14/daftar_hadir.pdf"));
    repo.file(&format!("{EV}/1-rapat/2022-03-14/notulen.pdf"));
    repo.file(&format!("{EV}/1-rapat/2022-06/daftar hadir.jpg"));
    let run = repo.run("2022-12-31", &["overdue"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "nothing overdue as of 2022-12-31\n"));
    let json = repo.run("2022-12-31", &["status", "--format", "json"]).json();
    let ind = &json["areas"][0]["components"][0]["indicators"][0];
    assert_eq!(ind["status"], "occurrences");
    assert_eq!(ind["occurrences"], 2);
    let show = repo.run("2022-12-31", &["show", "I.1.1", "--format", "json"]).json();
    let complete: Vec<bool> = show["occurrence_folders"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| o["complete"].as_bool().unwrap())
        .collect();
    assert_eq!(complete, [true, false]);
}

#[test]
fn several_documents_are_matched_by_default_patterns_and_by_file_globs() {
    let repo = Repo::new();
    repo.indicator(
        "1-monev",
        "[\"Undangan rapat\", \"Daftar hadir\", { name = \"Notulasi rapat\", file = \"notul*\" }, { name = \"Foto kegiatan\", file = [\"*.jpg\", \"foto*\"] }]",
        "Juli 2022",
    );
    for name in
        ["UNDANGAN.RAPAT.pdf", "daftar_hadir_juli.pdf", "Notulen Rapat.docx", "IMG_0001.JPG", "lain-lain.txt"]
    {
        repo.file(&format!("{EV}/1-monev/2022-07/{name}"));
    }
    let show = repo.run("2022-08-01", &["show", "I.1.1", "--format", "json"]).json();
    let docs = &show["period_files"][0]["documents"];
    let files = |i: usize| docs[i]["files"].clone();
    assert_eq!(files(0), serde_json::json!(["2022-07/UNDANGAN.RAPAT.pdf"]));
    assert_eq!(files(1), serde_json::json!(["2022-07/daftar_hadir_juli.pdf"]));
    assert_eq!(files(2), serde_json::json!(["2022-07/Notulen Rapat.docx"]));
    assert_eq!(files(3), serde_json::json!(["2022-07/IMG_0001.JPG"]));
    assert_eq!(show["period_files"][0]["unmatched"], serde_json::json!(["2022-07/lain-lain.txt"]));
    assert_eq!(show["status"], "done");
    // ✓ before each matched file, and the file that matches no document.
    assert_run!("show-table-four-documents", repo.run("2022-08-01", &["show", "I.1.1"]));
}

#[test]
fn a_missing_document_keeps_the_period_open_and_is_named_in_overdue() {
    let repo = Repo::new();
    repo.indicator("1-monev", "[\"Undangan rapat\", \"Daftar hadir\"]", "Juni 2022");
    repo.file(&format!("{EV}/1-monev/2022-06/undangan rapat.pdf"));
    let run = repo.run("2022-07-01", &["overdue"]);
    assert_eq!(run.code, 1);
    assert_eq!(
        run.stdout,
        "I.1.1  June 2022  1 day late  Indikator 1-monev  missing: Daftar hadir\n\
         1 overdue period in 1 indicator as of 2022-07-01; `zi show ID` shows one in full\n"
    );
}

#[test]
fn files_outside_month_folders_count_only_when_there_is_one_period() {
    let repo = Repo::new();
    repo.indicator("1-dua", "[\"Laporan\"]", "Juni, Desember 2022");
    repo.file(&format!("{EV}/1-dua/laporan.pdf"));
    assert_eq!(status_of(&repo, "2022-07-01", "I.1.1"), "overdue");
    // A loose-evidence warning (exit 0) whose hint names a month folder.
    assert_run!("check-stray-file-in-two-periods", repo.run("2022-07-01", &["check"]));
    assert_eq!(repo.run("2022-07-01", &["check", "--strict"]).code, 1);
}

#[test]
fn unknown_keys_are_reported_with_their_line_and_make_the_indicator_invalid() {
    let repo = Repo::new();
    repo.indicator("1-ok", "[\"Laporan\"]", "Desember 2022");
    repo.write(
        "plan/1-area/1-comp/2-typo.toml",
        "indicator = \"x\"\nactions = []\nevidence = [\"A\"]\nevidnce = [\"B\"]\ndue = \"Juli 2022\"\n",
    );
    // error[unknown-key] at 2-typo.toml:4:1 with "did you mean `evidence`?".
    assert_run!("check-unknown-key", repo.run("2022-03-01", &["check"]));
    assert_eq!(status_of(&repo, "2022-03-01", "I.1.2"), "invalid");
    // The broken file does not stop the rest of the plan being reported.
    assert_eq!(status_of(&repo, "2022-03-01", "I.1.1"), "on-track");
    // Invalid counts in overdue's exit status.
    assert_run!("overdue-with-an-invalid-indicator", repo.run("2022-03-01", &["overdue"]));
}

#[test]
fn a_misspelt_month_is_reported_at_its_column_with_a_suggestion() {
    let repo = Repo::new();
    repo.indicator("1-lakin", "[\"LAKIN\"]", "Pebuari 2022");
    let check = repo.run("2022-03-01", &["check", "--format", "json"]).json();
    let d = &check["diagnostics"][0];
    assert_eq!(d["code"], "bad-due");
    assert_eq!(d["path"], "plan/1-area/1-comp/1-lakin.toml");
    assert_eq!((d["line"].as_u64(), d["column"].as_u64()), (Some(4), Some(8)));
    assert_eq!(d["hint"], "did you mean \"Februari\"?");
    assert_eq!(check["errors"], 1);
}

#[test]
fn within_lists_periods_due_soon_without_failing() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"Laporan\"]", "Juli 2022");
    repo.indicator("2-b", "[\"Laporan\"]", "September 2022");
    let run = repo.run("2022-07-20", &["overdue", "--within", "14"]);
    assert_eq!(
        (run.code, run.stdout.as_str()),
        (
            0,
            "I.1.1  July 2022  due in 11 days  Indikator 1-a  missing: Laporan\n\
             nothing overdue as of 2022-07-20; 1 period due soon; `zi show ID` shows one in full\n"
        )
    );
    let plain = repo.run("2022-07-20", &["overdue"]);
    assert_eq!((plain.code, plain.stdout.as_str()), (0, "nothing overdue as of 2022-07-20\n"));
}

#[test]
fn status_totals_roll_up_per_component_area_and_unit() {
    let repo = Repo::new();
    repo.indicator("1-a", "[\"A\", \"B\"]", "Januari 2022");
    repo.indicator("2-b", "[\"C\"]", "Desember 2022");
    repo.write("plan/2-dua/area.toml", "name = \"Penataan Tata Laksana\"\n");
    repo.write("plan/2-dua/1-sop/component.toml", "name = \"SOP\"\n");
    repo.write(
        "plan/2-dua/1-sop/1-sop.toml",
        "indicator = \"SOP\"\nactions = []\nevidence = [\"SOP\"]\ndue = \"Maret 2022\"\n",
    );
    repo.file(&format!("{EV}/1-a/2022-01/a.pdf"));
    repo.file("evidence/2-dua/1-sop/1-sop/2022-02/sop.pdf");
    let json = repo.run("2022-04-01", &["status", "--format", "json"]).json();
    assert_eq!(json["totals"]["indicators"], 3);
    assert_eq!(json["totals"]["statuses"]["overdue"], 1);
    assert_eq!(json["totals"]["statuses"]["done"], 1);
    assert_eq!(json["totals"]["statuses"]["on-track"], 1);
    assert_eq!(json["totals"]["to_date"], serde_json::json!({"present": 2, "required": 3}));
    assert_eq!(json["areas"][1]["id"], "II");
    assert_eq!(json["areas"][1]["totals"]["year"], serde_json::json!({"present": 1, "required": 1}));
    let only = repo.run("2022-04-01", &["status", "II", "--format", "csv"]);
    assert_eq!(
        only.stdout,
        "ID,Area,Component,Indicator,Person in charge,Status,Next deadline,\
         To date (present),To date (required),Year (present),Year (required),File\n\
         II.1.1,Penataan Tata Laksana,SOP,SOP,,done,,1,1,1,1,plan/2-dua/1-sop/1-sop.toml\n"
    );
}

#[test]
fn areas_components_and_indicators_sort_numerically() {
    let repo = Repo::new();
    for n in [10, 9, 2] {
        repo.write(
            &format!("plan/1-area/1-comp/{n}-x.toml"),
            "indicator = \"x\"\nactions = []\nevidence = [\"A\"]\ndue = \"Juli 2022\"\n",
        );
    }
    repo.write("plan/1-area/area.toml", "name = \"A\"\n");
    repo.write("plan/1-area/1-comp/component.toml", "name = \"C\"\n");
    let csv = repo.run("2022-01-01", &["status", "--format", "csv"]).stdout;
    let ids: Vec<&str> = csv.lines().skip(1).map(|l| l.split(',').next().unwrap()).collect();
    assert_eq!(ids, ["I.1.2", "I.1.9", "I.1.10"]);
}

// --- status.md -------------------------------------------------------------

/// `zi status --format markdown` is meant to be committed as STATUS.md: the
/// same plan, evidence and date must give the same bytes, wherever and
/// however the files were made.
#[test]
fn status_markdown_is_byte_stable_for_the_same_inputs_and_date() {
    let first = fixture::small();
    first.file(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    first.file(&format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf"));

    // The same files created in the opposite order, in a plan below a subfolder.
    let second = Repo::empty_below("elsewhere");
    let mut files: Vec<(String, String)> = [
        "zi.toml",
        "plan/1-manajemen-perubahan/area.toml",
        "plan/1-manajemen-perubahan/1-tim-kerja/component.toml",
        SK_PATH,
        MONEV_PATH,
    ]
    .iter()
    .map(|rel| (rel.to_string(), first.read(rel)))
    .collect();
    for evidence in [
        format!("{SK_EVIDENCE}/2022-01/SK Tim ZI.pdf"),
        format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"),
        format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf"),
    ] {
        files.push((evidence, "%PDF-1.4\n".to_string()));
    }
    files.reverse();
    for (rel, text) in &files {
        second.write(rel, text);
    }

    let a = first.run(AS_OF, &["status", "--format", "markdown"]);
    let again = first.run(AS_OF, &["status", "--format", "markdown"]);
    let b = Zi::new(second.top(), AS_OF, &["-C", "elsewhere", "status", "--format", "markdown"])
        .mask(second.top(), "[ROOT]")
        .run();
    assert_eq!(a.stdout, again.stdout);
    assert_eq!(a.stdout, b.stdout);
    a.assert_no_absolute_path();
    b.assert_no_absolute_path();
    assert_run!("status-markdown-small-plan", a);

    // A different date is a different report; the same date, the same report.
    let later = first.run("2022-09-01", &["status", "--format", "markdown"]);
    assert_ne!(later.stdout, a.stdout);
}
