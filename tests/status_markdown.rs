//! `zi status --format markdown` is meant to be committed as STATUS.md:
//! the same plan, evidence and date must give the same bytes, wherever and
//! however the files were made.

mod plan_repo;

use plan_repo::*;

#[test]
fn status_markdown_is_byte_stable_for_the_same_inputs_and_date() {
    let first = PlanRepo::new();
    first.touch(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    first.touch(&format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf"));

    // The same files created in the opposite order, in a plan below a subfolder.
    let second = tempfile::tempdir().unwrap();
    let root = second.path().join("elsewhere");
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
        files.push((evidence, String::new()));
    }
    files.reverse();
    for (rel, text) in &files {
        let path = root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    let a = first.zi(AUGUST, &["status", "--format", "markdown"]);
    let again = first.zi(AUGUST, &["status", "--format", "markdown"]);
    let b = zi_in(second.path(), AUGUST, &["-C", "elsewhere", "status", "--format", "markdown"]);
    assert_eq!(a.code, 0, "{a:?}");
    assert_eq!(a.stdout, again.stdout);
    assert_eq!(a.stdout, b.stdout);
    for dir in [first.root(), second.path()] {
        assert!(!a.stdout.contains(dir.to_str().unwrap()), "no absolute paths in a committed report");
    }
    assert!(a.stdout.contains("as of 2022-08-15"));
    assert!(a.stdout.contains("| I.1.2 |"), "{}", a.stdout);

    // A different date is a different report; the same date, the same report.
    let later = first.zi("2022-09-01", &["status", "--format", "markdown"]);
    assert_ne!(later.stdout, a.stdout);
}
