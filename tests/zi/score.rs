//! `zi score` and the assessments `zi check` validates: the worked example
//! of Lampiran III, thresholds met and missed to the hundredth, partial
//! answers, the projection, and every kind of wrong answer.

use crate::harness::Repo;

const DATE: &str = "2022-10-20";

/// The built-in LKE, read as plain TOML: the tests make their assessments
/// from the regulation's data, not from zi's model of it.
fn lke() -> toml::Value {
    toml::from_str(include_str!("../../lke/permenpanrb-90-2021.toml")).unwrap()
}

/// Lampiran III's worked example: the best answer of every question, the
/// printed inputs of every percentage item, both indices at 4 and capaian
/// kinerja A. `change` rewrites single answers (`None` leaves one out).
fn example(change: &[(&str, Option<&str>)], results: &str) -> String {
    let lke = lke();
    let scales = lke["scales"].as_array().unwrap();
    let mut text = String::from("assessor = \"unit\"\ndate = 2022-10-15\ntarget = \"WBK\"\n\n[answers]\n");
    for q in lke["questions"].as_array().unwrap() {
        let id = q["id"].as_str().unwrap();
        let answer = match q["scale"].as_str().unwrap() {
            "%" => {
                let inputs: Vec<String> = q["inputs"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|i| format!("{} = {}", i["name"].as_str().unwrap(), i["example"]))
                    .collect();
                format!("{{ {} }}", inputs.join(", "))
            }
            scale => {
                let s = scales.iter().find(|s| s["id"].as_str() == Some(scale)).unwrap();
                format!("\"{}\"", s["answers"][0].as_str().unwrap())
            }
        };
        match change.iter().find(|(c, _)| *c == id) {
            Some((_, Some(other))) => text.push_str(&format!("\"{id}\" = {other}\n")),
            Some((_, None)) => {}
            None => text.push_str(&format!("\"{id}\" = {answer}\n")),
        }
    }
    text.push_str("\n[results]\n");
    text.push_str(results);
    text
}

const BEST_RESULTS: &str = "ipak = 4.0\nkinerja = \"A\"\nipkp = 4\n";

fn repo_with(assessment: &str) -> Repo {
    let repo = Repo::new();
    repo.indicator("1-tim", "[\"SK Tim\"]", "Januari 2022");
    repo.write("assessments/2022-10.toml", assessment);
    repo
}

fn missed(json: &serde_json::Value, target: usize) -> Vec<(String, f64)> {
    json["targets"][target]["misses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| (m["criterion"].as_str().unwrap().to_string(), m["short_by"].as_f64().unwrap()))
        .collect()
}

#[test]
fn the_worked_example_of_lampiran_iii_scores_exactly_100() {
    let repo = repo_with(&example(&[], BEST_RESULTS));
    let run = repo.run(DATE, &["score", "--format", "json"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let json = run.json();
    let totals: Vec<f64> = ["total", "pengungkit", "pemenuhan", "reform", "hasil"]
        .iter()
        .map(|k| json[*k].as_f64().unwrap())
        .collect();
    assert_eq!(totals, [100.0, 60.0, 30.0, 30.0, 40.0]);
    assert_eq!(json["projection"], false);
    assert_eq!(json["assessment"], "assessments/2022-10.toml");
    let ratios: Vec<f64> =
        json["areas"].as_array().unwrap().iter().map(|a| a["ratio"].as_f64().unwrap()).collect();
    assert_eq!(ratios, [1.0; 6]);
    assert!(json["targets"].as_array().unwrap().iter().all(|t| t["met"] == true));
    assert_eq!(json["most_lost"].as_array().unwrap().len(), 0);
    assert_run!("worked-example-table", repo.run(DATE, &["score", "--check"]));
    assert_eq!(repo.run(DATE, &["check"]).code, 0, "the worked example is a valid assessment");
}

#[test]
fn indices_of_3_60_and_3_20_meet_the_wbk_minimums_exactly_but_not_wbbm() {
    let repo = repo_with(&example(&[], "ipak = 3.6\nkinerja = \"A\"\nipkp = 3.2\n"));
    let json = repo.run(DATE, &["score", "--format", "json"]).json();
    let results = &json["results"];
    assert_eq!(results[0]["results"][0]["value"], 15.75);
    assert_eq!(results[1]["value"], 14.0);
    assert_eq!(json["targets"][0]["met"], true);
    assert_eq!(missed(&json, 1), [("prima".to_string(), 1.75)]);
    assert_eq!(repo.run(DATE, &["score", "--check"]).code, 0, "WBK is the assessment's target");
    assert_eq!(repo.run(DATE, &["score", "--check", "--target", "wbbm"]).code, 1);
    // One hundredth less is below the line: values are compared unrounded.
    repo.write("assessments/2022-10.toml", example(&[], "ipak = 3.599\nkinerja = \"A\"\nipkp = 3.2\n"));
    let json = repo.run(DATE, &["score", "--format", "json"]).json();
    let wbk: Vec<String> = missed(&json, 0).into_iter().map(|(c, _)| c).collect();
    assert_eq!(wbk, ["ipak"]);
    assert_eq!(repo.run(DATE, &["score", "--check"]).code, 1);
}

#[test]
fn a_sub_component_scores_its_weight_times_the_mean_and_unanswered_counts_zero() {
    let change = [
        ("P.I.iii.a", Some("\"C\"")),
        ("P.I.iii.b", Some("{ answer = \"B\", note = \"Monev belum berkala\" }")),
        ("P.I.iii.c", None),
        ("R.I.i.a", Some("{ agen = 4, perubahan = 3 }")),
    ];
    let repo = repo_with(&example(&change, BEST_RESULTS));
    let json = repo.run(DATE, &["score", "--format", "json", "--detail"]).json();
    let area = &json["areas"][0];
    // P.I.iii (weight 1): (0.33 + 0.67 + 0) ÷ 3; R.I.i (weight 2): (0.75 + 1) ÷ 2.
    assert!((area["pemenuhan"].as_f64().unwrap() - (3.0 + 1.0 / 3.0)).abs() < 1e-12);
    assert_eq!(area["reform"], 3.75);
    let lost: Vec<&str> =
        json["most_lost"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(lost, ["P.I.iii.c", "R.I.i.a", "P.I.iii.a", "P.I.iii.b"]);
    let b = json["questions"].as_array().unwrap().iter().find(|q| q["id"] == "P.I.iii.b").unwrap();
    assert_eq!(
        (b["answer"].as_str(), b["note"].as_str(), b["value"].as_f64()),
        (Some("B"), Some("Monev belum berkala"), Some(0.67))
    );
    assert_run!("partial-table-id", repo.run(DATE, &["score", "--lang", "id"]));
}

#[test]
fn below_the_thresholds_each_criterion_missed_is_named_with_how_much() {
    let lke = lke();
    let area_v: Vec<(&str, Option<&str>)> = lke["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .filter(|id| id.starts_with("P.V.") || id.starts_with("R.V."))
        .map(|id| (id, None))
        .collect();
    let repo = repo_with(&example(&area_v, "ipak = 4\nkinerja = \"D\"\nipkp = 4\n"));
    let json = repo.run(DATE, &["score", "--format", "json"]).json();
    assert_eq!(json["total"], 81.25);
    let expected = |pairs: &[(&str, f64)]| pairs.iter().map(|(c, v)| (c.to_string(), *v)).collect::<Vec<_>>();
    assert_eq!(missed(&json, 0), expected(&[("area.V", 9.0), ("kinerja", 1.25)]));
    assert_eq!(
        missed(&json, 1),
        expected(&[
            ("total", 3.75),
            ("pengungkit", 3.0),
            ("area.V", 11.25),
            ("bersih", 0.75),
            ("kinerja", 2.5)
        ])
    );
    assert_eq!(
        json["targets"][1]["missed"],
        serde_json::json!(["total", "pengungkit", "area.V", "bersih", "kinerja"])
    );
    assert_run!(
        "below-thresholds-markdown",
        repo.run(DATE, &["score", "--format", "markdown", "--target", "wbbm"])
    );
}

#[test]
fn check_reports_every_wrong_answer_with_its_place_and_a_hint() {
    let repo = Repo::new();
    repo.write(
        "plan/1-area/1-comp/1-tim.toml",
        "indicator = \"Tim\"\nactions = [\"A\"]\nevidence = [\"SK\"]\ndue = \"Januari 2022\"\nlke = [\"P.I.i.a\", \"P.I.i.z\", 7]\n",
    );
    repo.write("plan/1-area/area.toml", "name = \"A\"\n");
    repo.write("plan/1-area/1-comp/component.toml", "name = \"K\"\n");
    repo.write(
        "assessments/2022-10.toml",
        "assessor = \"pusat\"\ndate = \"kemarin\"\ntarget = \"WBX\"\nlke = \"permenpanrb-99-2099\"\nnilai = 1\n\n[answers]\n\
         \"P.I.i.a\" = \"Mungkin\"\n\"p.i.i.b\" = \"A\"\nP.I.ii.a = \"ya\"\n\"P.I.ii.b\" = { answer = \"B\", catatan = \"x\" }\n\
         \"P.I.ii.c\" = { note = \"x\" }\n\"R.I.i.a\" = { agen = -1 }\n\"R.I.i.b\" = \"100%\"\n\"R.III.iii.a\" = { tahun_lalu = 2, tahun_in = 1, disanksi = \"dua\" }\n\
         \n[results]\nipak = 4.5\nkinerja = \"F\"\nipkq = 3\n",
    );
    let run = repo.run(DATE, &["check"]);
    assert_eq!(run.code, 1);
    assert_run!("check-wrong-answers", run);
    let codes: Vec<String> = repo.run(DATE, &["check", "--format", "json"]).json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_string())
        .collect();
    for code in ["unknown-question", "bad-answer", "bad-input", "other-lke", "unknown-key", "wrong-type"] {
        assert!(codes.iter().any(|c| c == code), "{code} in {codes:?}");
    }
    // What is valid still scores: P.I.ii.a's "ya" is Ya; an item with a
    // missing or wrong input is left out, as unanswered.
    let json = repo.run(DATE, &["score", "FILE", "--format", "json"]);
    assert_eq!(json.code, 2, "a FILE that does not exist cannot be scored");
    let json = repo.run(DATE, &["score", "assessments/2022-10.toml", "--format", "json", "--detail"]).json();
    let value = |id: &str| {
        json["questions"].as_array().unwrap().iter().find(|q| q["id"] == id).unwrap()["value"].clone()
    };
    assert_eq!(
        (value("P.I.ii.a"), value("P.I.i.b"), value("R.III.iii.a")),
        (1.0.into(), 0.0.into(), 0.0.into())
    );
}

#[test]
fn an_lke_that_zi_toml_names_but_does_not_exist_is_reported() {
    let repo = Repo::new();
    repo.indicator("1-tim", "[\"SK Tim\"]", "Januari 2022");
    repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nlke = \"lke/kementerian.toml\"\n");
    assert_run!("check-unknown-lke", repo.run(DATE, &["check"]));
}

#[test]
fn without_an_assessment_the_projection_counts_the_serving_indicators_documents() {
    let repo = Repo::new();
    repo.write("plan/1-area/area.toml", "name = \"Manajemen Perubahan\"\n");
    repo.write("plan/1-area/1-comp/component.toml", "name = \"Tim Kerja\"\n");
    repo.write(
        "plan/1-area/1-comp/1-tim.toml",
        "indicator = \"SK Tim\"\nactions = [\"A\"]\nevidence = [\"SK Tim\", \"Daftar hadir\"]\ndue = \"Januari 2022\"\nlke = [\"P.I.i.a\", \"P.I.i.b\"]\n",
    );
    repo.write(
        "plan/1-area/1-comp/2-monev.toml",
        "indicator = \"Monev\"\nactions = [\"A\"]\nevidence = [\"Laporan\"]\ndue = \"Juli 2022\"\nlke = [\"P.I.iii.b\"]\n",
    );
    repo.file("evidence/1-area/1-comp/1-tim/sk-tim.pdf");
    let json = repo.run(DATE, &["score", "--format", "json", "--detail"]).json();
    assert_eq!(json["projection"], true);
    assert_eq!(json["assessment"], serde_json::Value::Null);
    let value = |id: &str| {
        json["questions"].as_array().unwrap().iter().find(|q| q["id"] == id).unwrap()["value"].as_f64()
    };
    assert_eq!(
        (value("P.I.i.a"), value("P.I.i.b"), value("P.I.iii.b"), value("R.I.i.a")),
        (Some(0.5), Some(0.5), Some(0.0), Some(0.0))
    );
    // P.I.i (weight 0.5): 0.5 × (0.5 + 0.5) ÷ 2; P.I.iii (1): 0 → pemenuhan 0.25.
    assert_eq!(json["pemenuhan"], 0.25);
    let at_risk: Vec<&str> =
        json["readiness"]["at_risk"].as_array().unwrap().iter().map(|q| q["id"].as_str().unwrap()).collect();
    assert_eq!(at_risk, ["P.I.i.a", "P.I.i.b"], "projected, and served by an overdue indicator");
    assert_eq!(json["readiness"]["unserved"].as_array().unwrap().len(), 107);
    assert_run!("projection-table", repo.run(DATE, &["score"]));
}

#[test]
fn the_questions_list_ids_weights_scales_and_input_names() {
    let repo = Repo::new();
    repo.indicator("1-tim", "[\"SK Tim\"]", "Januari 2022");
    assert_run!("questions-csv", repo.run(DATE, &["score", "--questions", "--format", "csv"]));
    let json = repo.run(DATE, &["score", "--questions", "--format", "json"]).json();
    let q = json["questions"].as_array().unwrap().iter().find(|q| q["id"] == "R.V.iii.a").unwrap();
    assert_eq!(q["inputs"], serde_json::json!(["kepala", "pejabat", "lainnya", "sudah"]));
    assert_eq!(q["weight"], 1.0);
}

/// The 2022 plan follows the pemenuhan questions of the LKE before 90/2021:
/// every indicator names the questions it serves (or none, with a comment
/// saying why), and these pemenuhan questions are left without one.
#[test]
fn the_shipped_plan_maps_every_indicator_and_leaves_these_questions_unserved() {
    let repo = Repo::shipped();
    let check = repo.run("2022-08-15", &["check", "--format", "json"]).json();
    let lke_problems: Vec<&serde_json::Value> =
        check["diagnostics"].as_array().unwrap().iter().filter(|d| d["code"] == "unknown-question").collect();
    assert!(lke_problems.is_empty(), "{lke_problems:?}");
    let json = repo.run("2022-08-15", &["score", "--format", "json", "--detail"]).json();
    let unserved: Vec<&str> = json["readiness"]["unserved"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|q| q.as_str())
        .filter(|id| id.starts_with("P."))
        .collect();
    assert_eq!(
        unserved,
        [
            "P.I.ii.b",
            "P.II.ii.a",
            "P.IV.ii.g",
            "P.VI.ii.e",
            "P.VI.ii.f",
            "P.VI.iii.a",
            "P.VI.iii.b",
            "P.VI.iii.c",
            "P.VI.v.a",
            "P.VI.v.b",
            "P.VI.v.c"
        ]
    );
    let served = |id: &str| -> Vec<String> {
        let q = json["questions"].as_array().unwrap().iter().find(|q| q["id"] == id).unwrap();
        q["indicators"].as_array().unwrap().iter().map(|i| i.as_str().unwrap().to_string()).collect()
    };
    assert_eq!(served("P.I.i.b"), ["I.1.1", "I.1.2"]);
    assert_eq!(served("P.IV.ii.h"), ["IV.2.7", "IV.2.8"]);
    assert_eq!(served("P.VI.i.d"), ["VI.1.2"]);
    let mapped = std::fs::read_to_string(
        repo.root().join("plan/6-peningkatan-kualitas-pelayanan-publik/1-standar-pelayanan/3-sop-pelaksana-standar-pelayanan.toml"),
    )
    .unwrap();
    assert!(mapped.ends_with("# SOP for the service standard was a question of the older LKE; 90/2021 has\n# none like it.\nlke = []\n"), "{mapped}");
}

#[test]
fn the_workbook_has_the_lke_sheet_layout_with_answers_values_and_evidence() {
    use calamine::{Data, Reader, Xlsx};
    let change = [
        ("P.I.i.b", Some("{ answer = \"B\", note = \"Tanpa seleksi\" }")),
        ("R.I.i.a", Some("{ agen = 4, perubahan = 3 }")),
    ];
    let repo = repo_with(&example(&change, BEST_RESULTS));
    repo.write(
        "plan/1-area/1-comp/1-tim.toml",
        "indicator = \"Tim\"\nactions = [\"A\"]\nevidence = [\"SK Tim\"]\ndue = \"Januari 2022\"\nlke = [\"P.I.i.b\"]\n",
    );
    repo.file("evidence/1-area/1-comp/1-tim/sk-tim.pdf");
    let run = repo.run(DATE, &["score", "--format", "xlsx", "-o", "lke.xlsx"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""));
    let first = std::fs::read(repo.at("lke.xlsx")).unwrap();
    assert_eq!(
        repo.run(DATE, &["score", "--format", "xlsx", "-o", "lke.xlsx"]).code,
        0,
        "zi replaces its own workbook"
    );
    assert_eq!(std::fs::read(repo.at("lke.xlsx")).unwrap(), first, "the same inputs give the same bytes");
    let mut book: Xlsx<_> = calamine::open_workbook(repo.at("lke.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Rekap", "Answers"]);
    let sheet = book.worksheet_range("Answers").unwrap();
    let text = |r: usize, c: usize| match sheet.get((r, c)) {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        Some(Data::Empty) | None => String::new(),
        Some(other) => format!("{other:?}"),
    };
    let header: Vec<String> = (0..19).map(|c| text(0, c)).filter(|t| !t.is_empty()).collect();
    assert_eq!(
        header,
        [
            "ID",
            "Assessment",
            "Weight",
            "Criteria",
            "Answer options",
            "Unit's answer",
            "Notes (unit)",
            "Evidence (unit)",
            "New evidence links",
            "TPI's answer",
            "Value",
            "%",
            "Notes (TPI)",
            "zi:lke"
        ]
    );
    let row_of = |id: &str| (0..sheet.height()).find(|r| text(*r, 18) == id).unwrap();
    let b = row_of("P.I.i.b");
    assert_eq!(
        (text(b, 5), text(b, 6), text(b, 9), text(b, 10), text(b, 11), text(b, 15)),
        (
            "b.".into(),
            "Penentuan anggota Tim dipilih melalui prosedur/mekanisme yang jelas".into(),
            "A/B/C".into(),
            "B".into(),
            "Tanpa seleksi".into(),
            "0.5".into()
        )
    );
    assert_eq!(text(b, 12), "I.1.1: evidence/1-area/1-comp/1-tim/\n  sk-tim.pdf");
    assert!(text(b, 8).starts_with("a. Jika dengan prosedur/mekanisme yang jelas"), "{}", text(b, 8));
    let agen = row_of("R.I.i.a:agen");
    assert_eq!(
        (text(agen, 6), text(agen, 9), text(agen, 10)),
        ("- Jumlah Agen Perubahan".into(), "Count".into(), "4".into())
    );
    assert_eq!(text(row_of("R.I.i.a"), 15), "0.75");
    let last = sheet.height() - 1;
    assert_eq!(
        (text(last, 1), text(last, 7), text(last, 15)),
        ("".into(), "100".into(), (100.0 - 0.125 - 0.25).to_string())
    );
    // A file zi did not write is left alone without --force.
    repo.write("mine.xlsx", "not a workbook");
    let refused = repo.run(DATE, &["score", "--format", "xlsx", "-o", "mine.xlsx"]);
    assert_eq!(refused.code, 2, "{}", refused.stderr);
    assert_eq!(repo.read("mine.xlsx"), "not a workbook");
    assert_eq!(repo.run(DATE, &["score", "--format", "xlsx", "-o", "mine.xlsx", "--force"]).code, 0);
    // Text reports too: zi's own is replaced, a note of the team's is not.
    for format in ["table", "json", "csv", "markdown"] {
        let file = format!("score.{format}");
        assert_eq!(repo.run(DATE, &["score", "--format", format, "-o", &file]).code, 0);
        assert_eq!(
            repo.run(DATE, &["score", "--format", format, "-o", &file, "--lang", "id"]).code,
            0,
            "{format}"
        );
    }
    repo.write("catatan.md", "# Catatan rapat\n");
    assert_eq!(repo.run(DATE, &["score", "--format", "markdown", "-o", "catatan.md"]).code, 2);
    assert_eq!(repo.read("catatan.md"), "# Catatan rapat\n");
}

#[test]
fn the_report_shows_the_score_and_each_indicators_questions() {
    let change = [("P.I.i.b", Some("\"B\""))];
    let repo = repo_with(&example(&change, BEST_RESULTS));
    repo.write(
        "plan/1-area/1-comp/1-tim.toml",
        "indicator = \"Tim <b>\"\nactions = [\"A\"]\nevidence = [\"SK Tim\"]\ndue = \"Januari 2022\"\nlke = [\"P.I.i.a\", \"P.I.i.b\"]\n",
    );
    let run = repo.run(DATE, &["report"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(crate::html::structure_problems(&run.stdout), Vec::<String>::new());
    let text = crate::html::visible_text(&run.stdout);
    let section: String = text
        .lines()
        .skip_while(|l| l.trim() != "LKE score")
        .take_while(|l| l.trim() != "Timeline 2022")
        .map(|l| format!("{}\n", l.trim()))
        .collect();
    assert_text!("report-score-section", section);
    assert!(
        run.stdout.contains("<p class=\"lke\">LKE questions: <span class=\"qid\" title=\"Unit kerja telah membentuk tim untuk melakukan pembangunan Zona Integritas\">P.I.i.a</span>, <span class=\"qid\" title=\"Penentuan anggota Tim dipilih melalui prosedur/mekanisme yang jelas\">P.I.i.b</span></p>"),
        "{}",
        run.stdout
    );
}
