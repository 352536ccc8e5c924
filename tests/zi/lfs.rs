//! Scans kept in Git LFS, as a team's repository holds them: a clone made
//! without pulling their content (`GIT_LFS_SKIP_SMUDGE=1`, as many CI
//! checkouts are) has small pointer files in their place. Each stands for
//! its document: it counts, and is shown "in LFS", never as an odd file.
//! Real `git lfs` (Debian's `git-lfs`) writes the pointers.

use std::path::Path;
use std::process::Command;

use crate::fixture::good;
use crate::harness::{indicator_text as indicator, Repo};

const TODAY: &str = "2022-09-01";
const SCANS: &str = "evidence/1-area/1-comp/2-rapat/2022-07";

/// A scan's bytes: not text, and larger than any pointer.
fn scan(seed: u8) -> Vec<u8> {
    (0..4096u32).map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed)).collect()
}

/// `git` in `dir` without the user's or system's configuration, with
/// `GIT_LFS_SKIP_SMUDGE` set as given; panics when it fails.
fn git(dir: &Path, args: &[&str], skip_smudge: bool) -> String {
    let mut command = Command::new("git");
    command
        .args(["-c", "user.name=Tim Kerja ZI", "-c", "user.email=zi@example.org"])
        .args(["-c", "init.defaultBranch=main"])
        .args(args)
        .current_dir(dir)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("LANG", "C");
    if skip_smudge {
        command.env("GIT_LFS_SKIP_SMUDGE", "1");
    }
    let output = command.output().expect("run git");
    assert!(
        output.status.success(),
        "git {args:?} failed (git-lfs is needed: `apt-get install git-lfs`):\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The good plan beside a meeting whose invitation and minutes are scans
/// tracked by LFS, committed; and a clone of it that has only the pointers.
fn team_repository_and_pointer_clone() -> (Repo, Repo) {
    let team = good();
    team.write(
        "plan/1-area/1-comp/2-rapat.toml",
        indicator("Rapat", "[\"Undangan\", \"Notulen\"]", "Juli 2022"),
    );
    team.write(&format!("{SCANS}/undangan.pdf"), scan(1));
    team.write(&format!("{SCANS}/Notulen Rapat.jpg"), scan(2));
    team.write(&format!("{SCANS}/foto kegiatan.png"), scan(3));
    let root = team.root();
    git(root, &["init", "-q"], false);
    // The README's steps: hooks and filters in this repository, then the patterns.
    git(root, &["lfs", "install", "--local"], false);
    git(root, &["lfs", "track", "*.pdf", "*.jpg", "*.jpeg", "*.png", "*.docx", "*.xlsx"], false);
    git(root, &["add", "-A"], false);
    git(root, &["commit", "-q", "-m", "plan and scans"], false);
    let tracked = git(root, &["lfs", "ls-files", "--name-only"], false);
    assert_eq!(
        tracked.lines().collect::<Vec<_>>(),
        [
            "evidence/1-area/1-comp/1-good/2022-07/laporan.pdf".to_string(),
            format!("{SCANS}/Notulen Rapat.jpg"),
            format!("{SCANS}/foto kegiatan.png"),
            format!("{SCANS}/undangan.pdf")
        ],
        "git lfs tracks the scans"
    );
    let clone = Repo::empty();
    git(clone.root(), &["clone", "-q", &root.to_string_lossy(), "."], true);
    (team, clone)
}

#[test]
fn a_clone_with_lfs_pointers_only_counts_each_scan_as_the_document_it_stands_for() {
    let (team, clone) = team_repository_and_pointer_clone();
    let pointer = clone.read(&format!("{SCANS}/undangan.pdf"));
    assert!(
        pointer.starts_with("version https://git-lfs.github.com/spec/v1\noid sha256:") && pointer.len() < 200,
        "the clone holds a pointer, not the scan: {pointer:?}"
    );
    let status = clone.run(TODAY, &["status"]);
    assert_run!("pointers-status", status);
    assert_run!("pointers-show", clone.run(TODAY, &["show", "I.1.2"]));
    assert_run!("pointers-show-markdown", clone.run(TODAY, &["show", "I.1.2", "--format", "markdown"]));
    // The photo matches no document, and is said to for that alone.
    assert_run!("pointers-check", clone.run(TODAY, &["check"]));

    let show = clone.run(TODAY, &["show", "I.1.2", "--format", "json"]).json();
    assert_eq!(show["status"], "done");
    assert_eq!(show["in_lfs"], 3);
    assert_eq!(
        show["in_lfs_files"],
        serde_json::json!(["2022-07/Notulen Rapat.jpg", "2022-07/foto kegiatan.png", "2022-07/undangan.pdf"])
    );
    assert_eq!(show["ignored_files"], serde_json::json!([]));
    let listed = clone.run(TODAY, &["status", "--format", "json"]).json();
    let in_lfs: Vec<(String, u64)> = listed["areas"][0]["components"][0]["indicators"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_str().unwrap().to_string(), i["in_lfs"].as_u64().unwrap()))
        .collect();
    assert_eq!(in_lfs, [("I.1.1".to_string(), 1), ("I.1.2".to_string(), 3)]);

    // Where the scans were pulled, the same plan is judged the same, and
    // nothing is said to be in LFS.
    let pulled = team.run(TODAY, &["show", "I.1.2", "--format", "json"]).json();
    assert_eq!((pulled["status"].as_str(), pulled["in_lfs"].as_u64()), (Some("done"), Some(0)));
    assert_eq!(pulled["period_files"], show["period_files"]);
    assert!(!team.run(TODAY, &["status"]).stdout.contains("LFS"), "no pointer in the team's own copy");
}

#[test]
fn the_report_of_a_pointer_clone_marks_each_scan_in_lfs() {
    let (_team, clone) = team_repository_and_pointer_clone();
    let run = clone.run(TODAY, &["report", "-o", "laporan.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let page = clone.read("laporan.html");
    let lists: Vec<&str> =
        page.split("<ul class=\"files\">").skip(1).map(|rest| &rest[..rest.find("</ul>").unwrap()]).collect();
    let lfs = |folder: &str, name: &str| {
        let href = format!("evidence/1-area/1-comp/{folder}/2022-07/{}", name.replace(' ', "%20"));
        format!("<li><a href=\"{href}\">2022-07/{name}</a> <span class=\"lfs\">in LFS</span></li>")
    };
    assert_eq!(
        lists,
        [
            lfs("1-good", "laporan.pdf"),
            lfs("2-rapat", "undangan.pdf"),
            lfs("2-rapat", "Notulen Rapat.jpg"),
            lfs("2-rapat", "foto kegiatan.png")
        ]
    );
}
