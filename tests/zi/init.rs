//! `zi init`: a plan from the LKE's pemenuhan questions, from last year's
//! plan, and the evidence folders an existing plan lacks.

use std::collections::BTreeMap;

use crate::harness::{Repo, AUGUST};
use crate::spreadsheet::files_under;

/// The pemenuhan questions of the built-in LKE: id → text.
fn pemenuhan_questions() -> BTreeMap<String, String> {
    let lke = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/lke/permenpanrb-90-2021.toml"))
        .unwrap();
    let lke: toml::Table = toml::from_str(&lke).unwrap();
    lke["questions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| (q["id"].as_str().unwrap().to_string(), q["text"].as_str().unwrap().to_string()))
        .filter(|(id, _)| id.starts_with("P."))
        .collect()
}

#[test]
fn a_new_plan_holds_every_pemenuhan_question_once_and_check_finds_only_gaps_to_fill() {
    let top = Repo::empty();
    let run = top.run(AUGUST, &["init", "rencana", "--unit", "Balai Uji Standar", "--year", "2023"]);
    assert_run!("init", run);
    let root = top.at("rencana");
    let files = files_under(&root);
    let mut mapped = BTreeMap::new();
    for (path, bytes) in &files {
        if !path.starts_with("plan/") || path.ends_with("/area.toml") || path.ends_with("/component.toml") {
            continue;
        }
        let file: toml::Table = toml::from_str(std::str::from_utf8(bytes).unwrap()).unwrap();
        let ids = file["lke"].as_array().unwrap();
        assert_eq!(ids.len(), 1, "{path}");
        assert_eq!(file["actions"].as_array().unwrap().len() + file["evidence"].as_array().unwrap().len(), 0);
        assert_eq!(file["due"].as_str(), Some(""), "{path}: the target is the team's to set");
        let evidence = format!("evidence{}/.gitkeep", &path["plan".len()..path.len() - ".toml".len()]);
        assert!(files.contains_key(&evidence), "{path}: no {evidence}");
        let previous = mapped
            .insert(ids[0].as_str().unwrap().to_string(), file["indicator"].as_str().unwrap().to_string());
        assert!(previous.is_none(), "{path}: a question mapped twice");
    }
    assert_eq!(
        mapped,
        pemenuhan_questions(),
        "one indicator per pemenuhan question, its text the question's"
    );
    let areas: Vec<&String> = files.keys().filter(|p| p.ends_with("/area.toml")).collect();
    assert_eq!(areas.len(), 6);
    assert_text!(
        "init_zi_toml_and_readme",
        format!("{}\n{}", top.read("rencana/zi.toml"), top.read("rencana/README.md"))
    );

    let check = crate::harness::Zi::new(&root, AUGUST, &["check", "--format", "json"]).run();
    assert_eq!(check.code, 0, "warnings only:\n{}", check.stdout);
    let codes: std::collections::BTreeSet<String> = check.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["code"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(codes, ["no-actions", "no-due", "no-evidence"].map(String::from).into());
    let status = crate::harness::Zi::new(&root, "2023-03-01", &["status"]).run();
    assert_eq!(status.code, 0, "{}", status.stderr);
    let hook = crate::harness::Zi::new(&root, AUGUST, &["hook", "install"]).run();
    assert_eq!(hook.code, 0, "the new plan is a git repository: {}", hook.stderr);
    assert!(root.join(".git/hooks/pre-commit").is_file());
}

#[test]
fn init_in_english_and_never_into_a_plan() {
    let top = Repo::empty();
    let run = top.run(AUGUST, &["init", "plan-en", "--unit", "Balai Uji", "--year", "2024", "--lang", "en"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_text!("init_readme_en", top.read("plan-en/README.md"));
    assert!(top.read("plan-en/zi.toml").contains("lang = \"en\""));
    let again =
        top.run(AUGUST, &["init", "plan-en", "--unit", "Balai Uji", "--year", "2024", "--lang", "en"]);
    assert_run!("init_into_a_plan", again);
    let shipped = Repo::shipped();
    assert_eq!(shipped.run(AUGUST, &["init", "--unit", "X", "--year", "2023"]).code, 2);
}

#[test]
fn from_last_years_plan_the_same_files_with_the_targets_a_year_on_and_no_evidence() {
    let shipped = Repo::shipped();
    shipped.write(
        "evidence/1-manajemen-perubahan/1-tim-kerja/1-sk-tim-kerja-dibuat-sesuai-prosedur/2022-01/sop.pdf",
        "pdf",
    );
    let top = Repo::empty();
    let run = top.run(AUGUST, &["init", "rkt-2023", "--from", shipped.root().to_str().unwrap()]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let (old, new) = (files_under(shipped.root()), files_under(&top.at("rkt-2023")));
    let old_plan: Vec<&String> = old.keys().filter(|p| p.starts_with("plan/")).collect();
    let new_plan: Vec<&String> = new.keys().filter(|p| p.starts_with("plan/")).collect();
    assert_eq!(old_plan, new_plan, "the same plan files");
    assert!(!new.keys().any(|p| p.ends_with(".pdf")), "no evidence comes along");
    assert_eq!(top.read("rkt-2023/zi.toml"), shipped.read("zi.toml").replace("2022", "2023"));
    assert!(top
        .read("rkt-2023/README.md")
        .starts_with("# Rencana kerja Zona Integritas 2023: Balai Penelitian Tanaman Palma\n"));
    let english =
        top.run(AUGUST, &["init", "rkt-2023-en", "--from", shipped.root().to_str().unwrap(), "--lang", "en"]);
    assert_eq!(english.code, 0, "{}", english.stderr);
    assert!(
        top.read("rkt-2023-en/README.md").starts_with("# Integrity Zone work plan 2023"),
        "--lang wins over the old plan's"
    );
    let pimpinan =
        "plan/4-penguatan-akuntabilitas/1-keterlibatan-pimpinan/3-pimpinan-memantau-pencapaian-kinerja.toml";
    assert_eq!(
        top.read(&format!("rkt-2023/{pimpinan}")),
        shipped.read(pimpinan).replace("due = \"Februari 2022\"", "due = \"Februari 2023\""),
        "the target moves; the seed's comment stays"
    );
    let monev = "plan/1-manajemen-perubahan/3-pemantauan-evaluasi-pembangunan-wbk-wbbm/1-pemantauan-evaluasi-berkala-per-semester.toml";
    assert!(top.read(&format!("rkt-2023/{monev}")).contains("due = \"Juli, Desember 2023\""));
    let status =
        crate::harness::Zi::new(&top.at("rkt-2023"), "2023-03-10", &["status", "--format", "json"]).run();
    assert_eq!(status.json()["totals"]["statuses"]["invalid"], 0);
}

#[test]
fn evidence_folders_for_the_indicators_that_lack_one() {
    let shipped = Repo::shipped();
    let folder = "evidence/1-manajemen-perubahan/1-tim-kerja/2-pemilihan-calon-anggota-tim-kerja";
    std::fs::remove_dir_all(shipped.at(folder)).unwrap();
    let run = shipped.run(AUGUST, &["init", "--evidence-folders", "--lang", "en"]);
    assert_run!("init_evidence_folders", run);
    assert!(shipped.at(&format!("{folder}/.gitkeep")).is_file());
    let again = shipped.run(AUGUST, &["init", "--evidence-folders", "--lang", "en"]);
    assert_eq!(
        (again.stdout.as_str(), again.stderr.as_str()),
        ("", "zi: every indicator has its evidence folder\n")
    );
}
