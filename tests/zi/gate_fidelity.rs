//! The staged reading (`zi overdue --staged`, the commit gate) against the
//! disk's, through real git: for a staged tree equal to the working tree
//! both give the same answer, problems included; what git holds and no
//! disk can (a conflict, `git add -N`) is reported, never dropped.

use std::ffi::OsStr;
#[cfg(unix)]
use std::os::unix::ffi::OsStrExt;

use crate::fixture::{self, SK_EVIDENCE, SK_PATH};
use crate::harness::{Repo, Run, AUGUST};

/// `git add -A`, then `zi overdue --format json` with `--staged` and
/// without: the staged answer, once it is checked to be the disk's.
fn staged_as_on_disk(repo: &Repo, args: &[&str]) -> Run {
    repo.git(&["add", "-A"]);
    let staged = repo.run(AUGUST, &[&["overdue", "--staged", "--format", "json"], args].concat());
    let disk = repo.run(AUGUST, &[&["overdue", "--format", "json"], args].concat());
    assert_eq!(
        (staged.code, &staged.stdout, &staged.stderr),
        (disk.code, &disk.stdout, &disk.stderr),
        "staged and disk differ"
    );
    staged
}

/// The small plan, committed.
fn committed() -> Repo {
    let repo = fixture::small();
    repo.init_and_commit();
    repo
}

#[cfg(unix)]
fn write_bytes(repo: &Repo, rel: &[u8], contents: &str) {
    let path = repo.root().join(OsStr::from_bytes(rel));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, contents).unwrap();
}

#[cfg(unix)]
#[test]
fn a_plan_file_whose_name_is_not_utf8_is_reported_as_on_disk() {
    let repo = committed();
    write_bytes(&repo, b"plan/1-manajemen-perubahan/1-tim-kerja/9-caf\xe9.toml", fixture::SK);
    write_bytes(&repo, b"plan/1-manajemen-perubahan/2-caf\xe9/1-x.toml", fixture::SK);
    let run = staged_as_on_disk(&repo, &[]);
    assert_run!("non-utf8-plan-name", run);
}

#[cfg(unix)]
#[test]
fn an_evidence_file_whose_name_is_not_utf8_counts_as_on_disk() {
    let repo = committed();
    let mut name = format!("{SK_EVIDENCE}/2022-01/").into_bytes();
    name.extend(b"Daftar hadir \xe9.pdf");
    write_bytes(&repo, &name, "%PDF");
    let run = staged_as_on_disk(&repo, &[]);
    assert_run!("non-utf8-evidence-name", run);
}

#[cfg(unix)]
#[test]
fn links_are_followed_as_the_disk_follows_them() {
    let repo = committed();
    let month = format!("{SK_EVIDENCE}/2022-01");
    // A link up to a folder beside the plan, and one through a link to it.
    repo.file("arsip/Daftar Hadir.pdf");
    repo.symlink("../../../../../arsip/Daftar Hadir.pdf", &format!("{month}/Daftar Hadir.pdf"));
    repo.symlink("../../../../../arsip", &format!("{month}/../x"));
    repo.symlink("../x/Daftar Hadir.pdf", &format!("{month}/Hadir lewat x.pdf"));
    // A plan file linked by its absolute path inside the root, and one
    // linked out of the repository.
    let root = std::fs::canonicalize(repo.root()).unwrap();
    repo.symlink(
        &root.join(SK_PATH).to_string_lossy(),
        "plan/1-manajemen-perubahan/1-tim-kerja/3-salinan.toml",
    );
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(outside.path().join("luar.toml"), fixture::MONEV).unwrap();
    let target = outside.path().join("luar.toml");
    repo.symlink(&target.to_string_lossy(), "plan/1-manajemen-perubahan/1-tim-kerja/4-luar.toml");
    let run = staged_as_on_disk(&repo, &[]);
    assert_run!("links-followed", run);
}

#[cfg(unix)]
#[test]
fn evidence_that_is_a_link_to_a_folder_is_read_through_it() {
    let repo = committed();
    repo.git(&["mv", "evidence", "bukti"]);
    repo.symlink("bukti", "evidence");
    repo.file(&format!("bukti/{}/2022-01/Daftar hadir.pdf", &SK_EVIDENCE["evidence/".len()..]));
    let run = staged_as_on_disk(&repo, &[]);
    assert_run!("evidence-through-a-link", run);
}

#[test]
fn a_submodule_as_a_month_folder_is_reported_as_on_disk() {
    let repo = committed();
    let month = format!("{SK_EVIDENCE}/2022-01");
    let inner = tempfile::tempdir().unwrap();
    std::fs::write(inner.path().join("Daftar hadir.pdf"), "%PDF").unwrap();
    for args in [&["init", "-q"][..], &["add", "-A"], &["commit", "-q", "-m", "docs"]] {
        let run = crate::harness::git(inner.path(), args, &crate::harness::path_with_zi(), AUGUST);
        assert_eq!(run.code, 0, "{run:?}");
    }
    repo.git(&["rm", "-q", "-r", &month]);
    let url = inner.path().to_string_lossy();
    repo.git(&["-c", "protocol.file.allow=always", "submodule", "add", "-q", &url, &month]);
    assert!(repo.git(&["ls-files", "--stage", &month]).starts_with("160000"));
    // Both count nothing of it and say why (`zi check`).
    let run = staged_as_on_disk(&repo, &[]);
    assert_run!("submodule-month-folder", run);
    assert_run!("submodule-month-folder-check", repo.run(AUGUST, &["check"]));
}

/// Two branches that change I.1.1's plan file each their own way, merged:
/// the file is conflicted.
fn conflicted() -> Repo {
    let repo = committed();
    repo.git(&["checkout", "-q", "-b", "other"]);
    repo.write(SK_PATH, fixture::SK.replace("Januari 2022", "Maret 2022"));
    repo.git(&["commit", "-q", "-am", "March"]);
    repo.git(&["checkout", "-q", "-"]);
    repo.write(SK_PATH, fixture::SK.replace("Januari 2022", "Februari 2022"));
    repo.git(&["commit", "-q", "-am", "February"]);
    let merge = repo.git_run(&["merge", "-q", "other"], &crate::harness::path_with_zi(), AUGUST);
    assert_ne!(merge.code, 0, "{merge:?}");
    repo
}

#[test]
fn a_conflicted_plan_file_is_an_error_and_never_nothing_overdue() {
    let repo = conflicted();
    let staged = repo.run(AUGUST, &["overdue", "--staged", "--format", "json", "I.1.1"]);
    let disk = repo.run(AUGUST, &["overdue", "--format", "json", "I.1.1"]);
    // Both refuse, and list I.1.1 as invalid; only why differs.
    assert_eq!((staged.code, staged.json()["invalid"].clone()), (disk.code, disk.json()["invalid"].clone()));
    assert_run!("conflicted-plan-file", staged);
    assert_run!("conflicted-plan-file-text", repo.run(AUGUST, &["overdue", "--staged", "I.1.1"]));
}

#[test]
fn a_file_staged_with_intent_to_add_is_left_out_as_the_commit_leaves_it() {
    let repo = committed();
    let new = "plan/1-manajemen-perubahan/1-tim-kerja/9-baru.toml";
    let before = repo.run(AUGUST, &["overdue", "--staged", "--format", "json"]);
    repo.write(new, fixture::SK);
    repo.file(&format!("{SK_EVIDENCE}/2022-01/Daftar hadir.pdf"));
    repo.git(&["add", "-N", new, SK_EVIDENCE]);
    let staged = repo.run(AUGUST, &["overdue", "--staged", "--format", "json"]);
    // What `git commit` would hold: neither the plan file nor the document.
    assert_eq!((staged.code, &staged.stdout, &staged.stderr), (before.code, &before.stdout, &before.stderr));
    assert_run!("intent-to-add", staged);
}

#[test]
fn the_gate_and_its_language_are_the_staged_zi_toml_s() {
    let repo = committed();
    let staged = format!("{}lang = \"id\"\n[hook]\ngate = \"all\"\n", fixture::ZI_TOML);
    repo.write("zi.toml", &staged);
    repo.git(&["add", "zi.toml"]);
    let before = repo.run(AUGUST, &["hook", "run"]);
    // Edited on disk only: the commit would still hold the staged one.
    repo.write("zi.toml", format!("{}lang = \"en\"\n[hook]\ngate = \"none\"\n", fixture::ZI_TOML));
    let after = repo.run(AUGUST, &["hook", "run"]);
    assert_eq!((after.code, &after.stdout, &after.stderr), (before.code, &before.stdout, &before.stderr));
    assert_run!("gate-of-the-staged-zi-toml", after);
}

/// `zi overdue --staged --format json` as zi reads the index itself and as
/// git lists it (zi asks git whenever the environment says where the
/// repository is): the same run. When `zi_reads`, zi runs with no git on
/// its `PATH`, so the run is the same only if zi read the index itself.
fn read_by_zi_and_by_git(repo: &Repo, zi_reads: bool) -> Run {
    let args = ["overdue", "--staged", "--format", "json"];
    let by_zi = if zi_reads {
        repo.zi(AUGUST, &args).env("PATH", repo.top().join("no-git-here")).run()
    } else {
        repo.run(AUGUST, &args)
    };
    let by_git = repo.zi(AUGUST, &args).env("GIT_DIR", repo.top().join(".git")).run();
    assert_eq!((by_zi.code, &by_zi.stdout, &by_zi.stderr), (by_git.code, &by_git.stdout, &by_git.stderr));
    by_zi
}

#[test]
fn an_index_read_by_zi_lists_what_git_lists() {
    // Conflicted, and every version of the index.
    let repo = conflicted();
    for version in ["2", "3", "4"] {
        repo.git(&["update-index", "--index-version", version]);
        let run = read_by_zi_and_by_git(&repo, true);
        assert_eq!(run.code, 1, "{run:?}");
    }
    // Staged with `git add -N`.
    let repo = committed();
    let new = "plan/1-manajemen-perubahan/1-tim-kerja/9-baru.toml";
    repo.write(new, fixture::SK);
    repo.file(&format!("{SK_EVIDENCE}/2022-01/Daftar hadir.pdf"));
    repo.git(&["add", "-N", new, SK_EVIDENCE]);
    read_by_zi_and_by_git(&repo, true);
    // A split index, which only git reads.
    repo.git(&["update-index", "--split-index"]);
    read_by_zi_and_by_git(&repo, false);
}

/// git runs a hook with `GIT_INDEX_FILE` set, to a temporary index for
/// `git commit -a` or `git commit PATH`: that index is the one judged,
/// relative to the top of the work tree or absolute.
#[test]
fn the_index_git_names_is_the_one_judged() {
    let repo = committed();
    repo.file(&format!("{SK_EVIDENCE}/2022-01/Daftar Hadir.pdf"));
    repo.git(&["add", "-A"]);
    let args = ["overdue", "--staged", "--format", "json"];
    let filed = repo.run(AUGUST, &args);
    std::fs::copy(repo.top().join(".git/index"), repo.top().join(".git/filed-index")).unwrap();
    repo.git(&["reset", "-q"]);
    let unfiled = repo.run(AUGUST, &args);
    assert_ne!(filed.stdout, unfiled.stdout);
    for index in [repo.top().join(".git/filed-index"), ".git/filed-index".into()] {
        let run = repo.zi(AUGUST, &args).env("GIT_INDEX_FILE", &index).run();
        assert_eq!(
            (run.code, &run.stdout, &run.stderr),
            (filed.code, &filed.stdout, &filed.stderr),
            "{index:?}"
        );
    }
}
