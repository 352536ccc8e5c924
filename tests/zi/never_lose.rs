//! `zi fmt` never loses work: it never opens evidence or anything outside
//! the plan, never writes a file zi would refuse to read, reports
//! read-only files and pipes instead of replacing or skipping them, leaves
//! no temporary file when interrupted, and removes what a killed run left.

use crate::fixture::{self, MONEV_PATH, SK_PATH};
use crate::harness::{Repo, AUGUST};

/// An indicator file that is valid but not in the canonical layout.
const MANGLED: &str = "indicator='Rapat'\nactions=['Rapat']\nevidence=['Notulen']\ndue='Juli 2022'\n";

fn snapshot_of(repo: &Repo, rels: &[&str]) -> Vec<(String, Vec<u8>)> {
    rels.iter().map(|r| (r.to_string(), std::fs::read(repo.at(r)).unwrap())).collect()
}

#[test]
fn fmt_never_opens_evidence_even_when_named_or_under_the_folder_it_is_given() {
    let repo = fixture::small();
    let evidence = "evidence/1-manajemen-perubahan/1-tim-kerja/2-monev/2022-07/daftar.toml";
    repo.write(evidence, MANGLED);
    repo.write(SK_PATH, MANGLED);
    let dot = repo.run(AUGUST, &["fmt", "."]);
    assert_eq!((dot.code, dot.stdout.as_str()), (0, format!("{SK_PATH}\n").as_str()), "{dot:?}");
    assert_eq!(repo.read(evidence), MANGLED, "a .toml file under evidence/ is never rewritten");
    let named = repo.run(AUGUST, &["fmt", evidence, "evidence"]);
    assert_run!("fmt-named-evidence", named);
    assert_eq!(repo.read(evidence), MANGLED);
}

#[test]
fn fmt_leaves_a_file_it_would_make_too_large_to_read() {
    let repo = fixture::small();
    // 120,000 actions on one line: about 840 KB, readable; laid out one per
    // line, over 1 MiB, which zi would refuse to read.
    let actions: Vec<String> = (0..120_000).map(|_| "\"Rapat\"".to_string()).collect();
    let big = format!(
        "indicator='Rapat'\nactions=[{}]\nevidence=['Notulen']\ndue='Juli 2022'\n",
        actions.join(",")
    );
    assert!(big.len() < 1024 * 1024);
    repo.write(MONEV_PATH, &big);
    assert_eq!(repo.run(AUGUST, &["check"]).code, 0, "the file reads as it is");
    let run = repo.run(AUGUST, &["fmt"]);
    assert_run!("fmt-would-grow-past-the-limit", run);
    assert_eq!(repo.read(MONEV_PATH), big);
}

#[cfg(unix)]
#[test]
fn fmt_reports_a_read_only_file_and_a_pipe_and_exits_1() {
    use std::os::unix::fs::PermissionsExt;
    let repo = fixture::small();
    repo.write(SK_PATH, MANGLED);
    std::fs::set_permissions(repo.at(SK_PATH), std::fs::Permissions::from_mode(0o444)).unwrap();
    let fifo = repo.at("plan/1-manajemen-perubahan/1-tim-kerja/3-pipa.toml");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    let run = repo.run(AUGUST, &["fmt"]);
    assert_run!("fmt-read-only-and-pipe", run);
    assert_eq!(repo.read(SK_PATH), MANGLED, "a read-only file is left as it is");
    assert_eq!(std::fs::metadata(repo.at(SK_PATH)).unwrap().permissions().mode() & 0o777, 0o444);
}

#[test]
fn a_temporary_file_left_by_a_killed_run_is_reported_and_the_next_fmt_removes_it() {
    let repo = fixture::small();
    // Process ids never reach this number: no running zi owns these files.
    let leftovers =
        ["plan/1-manajemen-perubahan/1-tim-kerja/.zi-tmp-999999999-AbCdEf", ".zi-tmp-999999999-zitoml"];
    for rel in leftovers {
        repo.write(rel, "indicator = \"setengah");
    }
    let before = snapshot_of(&repo, &[SK_PATH, MONEV_PATH, "zi.toml"]);
    assert_run!("stale-temporary-reported", repo.run(AUGUST, &["check"]));
    let run = repo.run(AUGUST, &["fmt"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""));
    for rel in leftovers {
        assert!(!repo.at(rel).exists(), "{rel} is removed by the next write");
    }
    assert_eq!(snapshot_of(&repo, &[SK_PATH, MONEV_PATH, "zi.toml"]), before);
    assert_eq!(repo.run(AUGUST, &["check"]).stdout, "");
}

#[cfg(unix)]
#[test]
fn fmt_interrupted_by_a_signal_leaves_no_temporary_file() {
    // A plan of many mangled files, so that a signal lands mid-run.
    let repo = fixture::small();
    for i in 0..400 {
        repo.write(&format!("plan/1-manajemen-perubahan/1-tim-kerja/{}-rapat.toml", i + 3), MANGLED);
    }
    for signal in [libc_signal::SIGINT, libc_signal::SIGTERM] {
        let mut child = std::process::Command::new(crate::harness::ZI)
            .arg("fmt")
            .current_dir(repo.root())
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(15));
        let _ =
            std::process::Command::new("kill").args([format!("-{signal}"), child.id().to_string()]).status();
        let _ = child.wait();
        let leftovers: Vec<_> = walkdir::WalkDir::new(repo.root())
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().starts_with(".zi-tmp-"))
            .map(|e| e.path().display().to_string())
            .collect();
        assert!(leftovers.is_empty(), "signal {signal}: {leftovers:?}");
        for i in 0..400 {
            repo.write(&format!("plan/1-manajemen-perubahan/1-tim-kerja/{}-rapat.toml", i + 3), MANGLED);
        }
    }
}

/// The two signal numbers, as `kill -N` takes them (the same on Linux and macOS).
mod libc_signal {
    pub const SIGINT: i32 = 2;
    pub const SIGTERM: i32 = 15;
}
