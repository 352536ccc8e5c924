//! `zi diff` across real commits: the plan of a commit is read from git,
//! judged on the same date as the other side, and compared.
//!
//! The table, JSON and markdown of a diff of two commits (a slipped
//! deadline, two status changes, a completed period, an added document)
//! are pinned in `snapshots.rs` (`small-diff-*`).

use crate::fixture::{self, MONEV, MONEV_EVIDENCE, MONEV_PATH, SK_EVIDENCE, SK_PATH};
use crate::harness::AUGUST;

#[test]
fn without_a_revision_head_is_compared_with_the_working_tree() {
    let repo = fixture::small();
    repo.init_and_commit();
    let run = repo.run(AUGUST, &["diff"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (
            0,
            "Balai Uji — Integrity Zone Work Plan\n\
             plan year 2022 · as of 2022-08-15\n\
             What changed: HEAD → working tree\n\
             \n\
             no change in status\n",
            ""
        )
    );

    // Not yet staged or committed: the working tree is what counts.
    repo.file(&format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf"));
    repo.write(
        "plan/1-manajemen-perubahan/1-tim-kerja/3-baru.toml",
        "indicator = \"Baru\"\nactions = []\nevidence = []\ndue = \"Desember 2022\"\n",
    );
    std::fs::remove_file(repo.at(SK_PATH)).unwrap();
    // `to` is null; the notulen is a Notulasi rapat; I.1.3 added, I.1.1 removed.
    assert_run!("working-tree-json", repo.run(AUGUST, &["diff", "--format", "json"]));
}

#[test]
fn an_earlier_target_is_a_change_but_not_a_slip() {
    let repo = fixture::small();
    repo.init_and_commit();
    repo.write(MONEV_PATH, MONEV.replace("Juli, Desember 2022", "Juni, Desember 2022"));
    let json = repo.run("2022-05-02", &["diff", "--format", "json"]).json();
    assert_eq!(json["slipped"], serde_json::json!([]));
    assert_eq!(json["target_changed"][0]["due_after"], "Juni, Desember 2022");
    assert_run!("earlier-target-table", repo.run("2022-05-02", &["diff"]));
}

#[test]
fn rewording_a_target_without_moving_it_is_no_change() {
    let repo = fixture::small();
    repo.init_and_commit();
    repo.write(MONEV_PATH, MONEV.replace("Juli, Desember 2022", "Jul dan Des 2022"));
    let run = repo.run(AUGUST, &["diff"]);
    assert_eq!(
        run.stdout,
        "Balai Uji — Integrity Zone Work Plan\n\
         plan year 2022 · as of 2022-08-15\n\
         What changed: HEAD → working tree\n\
         \n\
         no change in status\n"
    );
}

#[test]
fn diff_leaves_the_index_and_the_working_tree_alone() {
    let repo = fixture::small_with_two_commits();
    repo.file(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    repo.git(&["add", "-A"]);
    repo.write("notes.txt", "not staged\n");
    let status = repo.git(&["status", "--porcelain=v1", "--untracked-files=all"]);
    let staged = repo.git(&["diff", "--cached", "--stat"]);
    let index = std::fs::read(repo.top().join(".git/index")).unwrap();
    for range in ["HEAD~1..HEAD", "HEAD~1", "..HEAD~1"] {
        assert_eq!(repo.run(AUGUST, &["diff", range]).code, 0);
    }
    assert_eq!(repo.git(&["status", "--porcelain=v1", "--untracked-files=all"]), status);
    assert_eq!(repo.git(&["diff", "--cached", "--stat"]), staged);
    assert_eq!(std::fs::read(repo.top().join(".git/index")).unwrap(), index);
}

#[test]
fn a_plan_in_a_subfolder_is_read_from_that_subfolder_of_each_commit() {
    let repo = fixture::small_below("rkt");
    repo.init_and_commit();
    repo.file(&format!("{SK_EVIDENCE}/2022-01/daftar hadir.pdf"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "evidence"]);
    // I.1.1 changed status, and nothing was added or removed.
    assert_run!("subfolder-json", repo.run(AUGUST, &["diff", "HEAD~1..HEAD", "--format", "json"]));
}

#[test]
fn an_unknown_revision_or_no_git_repository_exits_2() {
    let repo = fixture::small();
    assert_run!("outside-git", repo.run(AUGUST, &["diff"]));
    repo.init_and_commit();
    for (slug, rev) in
        [("no-such-branch", "no-such-branch"), ("bad-range", "HEAD..nope"), ("option", "--output=x")]
    {
        assert_run!(format!("unknown-revision-{slug}"), repo.run(AUGUST, &["diff", "--", rev]));
    }
    assert!(!repo.at("x").exists());
}

#[test]
fn changed_answers_of_an_assessment_are_listed_between_two_commits() {
    let repo = fixture::small();
    repo.write(
        "assessments/2022-10.toml",
        "assessor = \"unit\"\ndate = 2022-10-15\n[answers]\n\"P.I.i.a\" = \"Ya\"\n\"P.I.i.b\" = \"C\"\n\"R.I.i.a\" = { agen = 4, perubahan = 3 }\n[results]\nipak = 3.2\n",
    );
    repo.init_and_commit();
    repo.write(
        "assessments/2022-10.toml",
        "assessor = \"unit\"\ndate = 2022-10-15\n[answers]\n\"P.I.i.a\" = \"Ya\"\n\"P.I.i.b\" = { answer = \"B\", note = \"seleksi sebagian\" }\n\"P.I.ii.a\" = \"Ya\"\n\"R.I.i.a\" = { agen = 4, perubahan = 4 }\n[results]\nipak = 3.61\n",
    );
    repo.commit_all("Penilaian mandiri direvisi", AUGUST);
    let json = repo.run(AUGUST, &["diff", "HEAD~1..HEAD", "--format", "json"]).json();
    assert_eq!(
        json["answers"],
        serde_json::json!([
            { "assessment": "assessments/2022-10.toml", "id": "P.I.i.b", "before": "C", "after": "B" },
            { "assessment": "assessments/2022-10.toml", "id": "P.I.ii.a", "before": null, "after": "Ya" },
            { "assessment": "assessments/2022-10.toml", "id": "R.I.i.a", "before": { "agen": 4.0, "perubahan": 3.0 }, "after": { "agen": 4.0, "perubahan": 4.0 } },
            { "assessment": "assessments/2022-10.toml", "id": "ipak", "before": 3.2, "after": 3.61 },
        ])
    );
    assert_run!("answers-changed-table-id", repo.run(AUGUST, &["diff", "HEAD~1..HEAD", "--lang", "id"]));
}

/// The small plan with a third indicator and more evidence, committed, then
/// every kind of change a diff must see: a plan file edited, one removed,
/// one renamed with its evidence folder (staged), one added; evidence
/// added, removed, renamed and emptied; an assessment edited; an untracked
/// and an ignored file.
fn every_kind_of_change() -> crate::harness::Repo {
    let repo = fixture::small();
    let old = "plan/1-manajemen-perubahan/1-tim-kerja/3-lama.toml";
    let old_evidence = "evidence/1-manajemen-perubahan/1-tim-kerja/3-lama";
    repo.write(old, crate::harness::indicator_text("Laporan lama", "[\"Laporan\"]", "Juli 2022"))
        .file(&format!("{old_evidence}/2022-07/laporan.pdf"))
        .file(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"))
        .file(&format!("{MONEV_EVIDENCE}/2022-07/rapat.pdf"))
        .file(&format!("{MONEV_EVIDENCE}/2022-12/undangan rapat.pdf"))
        .write(".gitignore", "*.tmp.pdf\n")
        .write("assessments/2022-10.toml", "assessor = \"unit\"\n[answers]\n\"P.I.i.a\" = \"Ya\"\n");
    repo.init_and_commit();
    repo.write(MONEV_PATH, MONEV.replace("Juli, Desember 2022", "Agustus, Desember 2022"));
    std::fs::remove_file(repo.at(SK_PATH)).unwrap();
    repo.git(&[
        "mv",
        "plan/1-manajemen-perubahan/1-tim-kerja/3-lama.toml",
        "plan/1-manajemen-perubahan/1-tim-kerja/3-baru.toml",
    ]);
    repo.git(&["mv", old_evidence, "evidence/1-manajemen-perubahan/1-tim-kerja/3-baru"]);
    repo.write(
        "plan/1-manajemen-perubahan/1-tim-kerja/4-tambah.toml",
        crate::harness::indicator_text("Tambahan", "[\"Notulen\"]", "Juli 2022"),
    )
    .file("evidence/1-manajemen-perubahan/1-tim-kerja/4-tambah/2022-07/notulen.pdf");
    std::fs::remove_file(repo.at(&format!("{MONEV_EVIDENCE}/2022-12/undangan rapat.pdf"))).unwrap();
    std::fs::rename(
        repo.at(&format!("{MONEV_EVIDENCE}/2022-07/rapat.pdf")),
        repo.at(&format!("{MONEV_EVIDENCE}/2022-07/notulen rapat.pdf")),
    )
    .unwrap();
    repo.write(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"), "");
    repo.file("evidence/1-manajemen-perubahan/1-tim-kerja/3-baru/2022-07/laporan revisi.tmp.pdf");
    repo.write("assessments/2022-10.toml", "assessor = \"unit\"\n[answers]\n\"P.I.i.a\" = \"Tidak\"\n");
    repo
}

#[test]
fn a_diff_of_every_kind_of_change_is_pinned_and_writes_nothing() {
    let repo = every_kind_of_change();
    // No temporary folder can be made: a diff needs none.
    let tmp = tempfile::tempdir().unwrap();
    let absent = tmp.path().join("absent");
    let status = repo.git(&["status", "--porcelain=v1", "--untracked-files=all", "--ignored"]);
    let index = std::fs::read(repo.top().join(".git/index")).unwrap();
    let json = repo.zi(AUGUST, &["diff", "--format", "json"]).env("TMPDIR", &absent).run();
    assert_run!("every-kind-of-change-json", json);
    assert_run!("every-kind-of-change-table", repo.zi(AUGUST, &["diff"]).env("TMPDIR", &absent).run());
    assert!(!absent.exists());
    assert_eq!(repo.git(&["status", "--porcelain=v1", "--untracked-files=all", "--ignored"]), status);
    assert_eq!(std::fs::read(repo.top().join(".git/index")).unwrap(), index, "the index is only read");

    // Judging every indicator again (zi.toml changed, to no effect on any
    // judgement) gives the same answer as judging those the changes touch.
    let everything = json.json();
    repo.write("zi.toml", format!("{}# diubah\n", fixture::ZI_TOML));
    assert_eq!(repo.run(AUGUST, &["diff", "--format", "json"]).json(), everything);

    // The same changes committed (but the ignored file, which stays out of
    // the commit): the same answer between the two commits.
    std::fs::remove_file(
        repo.at("evidence/1-manajemen-perubahan/1-tim-kerja/3-baru/2022-07/laporan revisi.tmp.pdf"),
    )
    .unwrap();
    let mut expected = repo.run(AUGUST, &["diff", "--format", "json"]).json();
    assert_ne!(expected, everything, "the ignored file counted");
    repo.commit_all("semua perubahan", AUGUST);
    (expected["from"], expected["to"]) = ("HEAD~1".into(), "HEAD".into());
    assert_eq!(repo.run(AUGUST, &["diff", "HEAD~1..HEAD", "--format", "json"]).json(), expected);
}
