//! `zi diff` across real commits: the plan of a commit is read from git,
//! judged on the same date as the other side, and compared.

mod plan_repo;

use plan_repo::*;

/// A second commit that adds January's missing document and moves the
/// monitoring's first target from July to September.
fn repo_with_two_commits() -> PlanRepo {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    repo.touch(&format!("{SK_EVIDENCE}/2022-01/Daftar Hadir.pdf"));
    repo.write(MONEV_PATH, &MONEV.replace("Juli, Desember 2022", "September, Desember 2022"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "evidence and a later target"]);
    repo
}

#[test]
fn a_slipped_deadline_comes_first_then_status_periods_and_documents() {
    let repo = repo_with_two_commits();
    let run = repo.zi(AUGUST, &["diff", "HEAD~1..HEAD"]);
    assert_eq!(run.code, 0, "{run:?}");
    let expected = "\
Balai Uji — Integrity Zone Work Plan
plan year 2022 · as of 2022-08-15
What changed: HEAD~1 → HEAD

⚠ Deadlines moved later (1)
  I.1.2  \"Juli, Desember 2022\" → \"September, Desember 2022\"  Pemantauan dan Evaluasi pembangunan WBK/WBBM secara…

Status changed (2)
  I.1.1  overdue → done  Penyusunan SK Tim Kerja ZI
  I.1.2  overdue → on track  Pemantauan dan Evaluasi pembangunan WBK/WBBM secara…

Periods completed (1)
  I.1.1  January 2022  Penyusunan SK Tim Kerja ZI

Documents added (1)
  I.1.1  evidence/1-manajemen-perubahan/1-tim-kerja/1-sk-tim/2022-01/Daftar Hadir.pdf (Daftar hadir, January 2022)  Penyusunan SK Tim Kerja ZI
";
    assert_eq!(run.stdout, expected);
}

#[test]
fn json_lists_every_kind_of_change_and_names_both_sides() {
    let repo = repo_with_two_commits();
    let run = repo.zi(AUGUST, &["diff", "HEAD~1..HEAD", "--format", "json"]);
    assert_eq!(run.code, 0, "{run:?}");
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["from"], "HEAD~1");
    assert_eq!(json["to"], "HEAD");
    assert_eq!(json["as_of"], AUGUST);
    assert_eq!(json["slipped"][0]["id"], "I.1.2");
    assert_eq!(json["slipped"][0]["deadlines_before"], serde_json::json!(["2022-07", "2022-12"]));
    assert_eq!(json["slipped"][0]["deadlines_after"], serde_json::json!(["2022-09", "2022-12"]));
    assert_eq!(json["status"][0]["before"], "overdue");
    assert_eq!(json["status"][0]["after"], "done");
    assert_eq!(json["periods"][0]["change"], "completed");
    assert_eq!(json["documents"][0]["change"], "added");
    assert_eq!(json["documents"][0]["documents"][0]["document"], "Daftar hadir");
    for key in ["target_changed", "indicators_added", "indicators_removed"] {
        assert_eq!(json[key], serde_json::json!([]), "{key}");
    }
}

#[test]
fn markdown_marks_the_slipped_deadlines() {
    let repo = repo_with_two_commits();
    let run = repo.zi(AUGUST, &["diff", "HEAD~1..HEAD", "--format", "markdown"]);
    assert_eq!(run.code, 0, "{run:?}");
    let first_section = run.stdout.lines().find(|l| l.starts_with("## ")).unwrap();
    assert_eq!(first_section, "## ⚠ Deadlines moved later (1)");
    assert!(run.stdout.contains("| I.1.1 | overdue → done | Penyusunan SK Tim Kerja ZI |"), "{}", run.stdout);
}

#[test]
fn without_a_revision_head_is_compared_with_the_working_tree() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    let run = repo.zi(AUGUST, &["diff"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(
        run.stdout.ends_with("What changed: HEAD → working tree\n\nno change in status\n"),
        "{}",
        run.stdout
    );

    // Not yet staged or committed: the working tree is what counts.
    repo.touch(&format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf"));
    repo.write(
        "plan/1-manajemen-perubahan/1-tim-kerja/3-baru.toml",
        "indicator = \"Baru\"\nactions = []\nevidence = []\ndue = \"Desember 2022\"\n",
    );
    std::fs::remove_file(repo.root().join(SK_PATH)).unwrap();
    let run = repo.zi(AUGUST, &["diff", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["to"], serde_json::Value::Null);
    assert_eq!(json["documents"][0]["file"], format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf"));
    assert_eq!(json["documents"][0]["documents"][0]["document"], "Notulasi rapat");
    assert_eq!(json["indicators_added"][0]["id"], "I.1.3");
    assert_eq!(json["indicators_removed"][0]["id"], "I.1.1");
}

#[test]
fn an_earlier_target_is_a_change_but_not_a_slip() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    repo.write(MONEV_PATH, &MONEV.replace("Juli, Desember 2022", "Juni, Desember 2022"));
    let run = repo.zi("2022-05-02", &["diff", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["slipped"], serde_json::json!([]));
    assert_eq!(json["target_changed"][0]["due_after"], "Juni, Desember 2022");
}

#[test]
fn rewording_a_target_without_moving_it_is_no_change() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    repo.write(MONEV_PATH, &MONEV.replace("Juli, Desember 2022", "Jul dan Des 2022"));
    let run = repo.zi(AUGUST, &["diff"]);
    assert!(run.stdout.ends_with("no change in status\n"), "{}", run.stdout);
}

#[test]
fn diff_leaves_the_index_and_the_working_tree_alone() {
    let repo = repo_with_two_commits();
    repo.touch(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    repo.git(&["add", "-A"]);
    repo.write("notes.txt", "not staged\n");
    let status = repo.git(&["status", "--porcelain=v1", "--untracked-files=all"]);
    let staged = repo.git(&["diff", "--cached", "--stat"]);
    let index = std::fs::read(repo.top().join(".git/index")).unwrap();
    for range in ["HEAD~1..HEAD", "HEAD~1", "..HEAD~1"] {
        assert_eq!(repo.zi(AUGUST, &["diff", range]).code, 0);
    }
    assert_eq!(repo.git(&["status", "--porcelain=v1", "--untracked-files=all"]), status);
    assert_eq!(repo.git(&["diff", "--cached", "--stat"]), staged);
    assert_eq!(std::fs::read(repo.top().join(".git/index")).unwrap(), index);
}

#[test]
fn a_plan_in_a_subfolder_is_read_from_that_subfolder_of_each_commit() {
    let repo = PlanRepo::below("rkt");
    repo.init_and_commit();
    repo.touch(&format!("{SK_EVIDENCE}/2022-01/daftar hadir.pdf"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "evidence"]);
    let run = repo.zi(AUGUST, &["diff", "HEAD~1..HEAD", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(json["status"][0]["id"], "I.1.1", "{}", run.stdout);
    assert_eq!(json["indicators_added"], serde_json::json!([]));
}

#[test]
fn an_unknown_revision_or_no_git_repository_exits_2() {
    let repo = PlanRepo::new();
    let outside = repo.zi(AUGUST, &["diff"]);
    assert_eq!(outside.code, 2, "{outside:?}");
    assert!(outside.stderr.contains("not inside a git repository"), "{}", outside.stderr);
    repo.init_and_commit();
    for rev in ["no-such-branch", "HEAD..nope", "--output=x"] {
        let run = repo.zi(AUGUST, &["diff", "--", rev]);
        assert_eq!(run.code, 2, "{rev}: {run:?}");
        assert!(run.stderr.contains("revision"), "{rev}: {}", run.stderr);
    }
    assert!(!repo.root().join("x").exists());
}
