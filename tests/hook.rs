//! `zi hook install` / `uninstall` with real git: commits refused while
//! something is overdue and accepted once the evidence is there.

mod plan_repo;

use plan_repo::*;

const FOREIGN: &str = "#!/bin/sh\necho 'lint runs here'\n";

fn hook_text(repo: &PlanRepo, rel: &str) -> String {
    std::fs::read_to_string(repo.top().join(rel)).unwrap()
}

#[test]
fn a_commit_is_refused_while_something_is_overdue_and_accepted_once_the_evidence_is_committed() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    let install = repo.zi(AUGUST, &["hook", "install"]);
    assert_eq!(install.code, 0, "{install:?}");
    assert!(install.stdout.contains(".git/hooks/pre-commit"), "{}", install.stdout);
    assert!(install.stdout.contains("git commit --no-verify"), "{}", install.stdout);

    repo.write("notes.txt", "agenda\n");
    let refused = repo.commit_all("notes", AUGUST);
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(refused.stderr.contains("I.1.1  January 2022"), "{}", refused.stderr);
    assert!(refused.stderr.contains("missing: Daftar hadir"), "{}", refused.stderr);
    assert!(refused.stderr.contains("git commit --no-verify"), "{}", refused.stderr);
    assert_eq!(repo.commit_count(), 1);

    // Before the deadlines the same commit goes through.
    let early = repo.commit_all("notes in January", "2022-01-10");
    assert_eq!(early.code, 0, "{early:?}");
    assert_eq!(repo.commit_count(), 2);

    repo.touch(&format!("{SK_EVIDENCE}/2022-01/daftar hadir.pdf"));
    repo.touch(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    repo.write("notes.txt", "agenda, minutes\n");
    let still_missing = repo.commit_all("half the evidence", AUGUST);
    assert_ne!(still_missing.code, 0, "{still_missing:?}");
    assert!(still_missing.stderr.contains("I.1.2  July 2022"), "{}", still_missing.stderr);
    assert!(!still_missing.stderr.contains("I.1.1"), "{}", still_missing.stderr);

    repo.touch(&format!("{MONEV_EVIDENCE}/2022-06/notulen rapat.pdf"));
    let accepted = repo.commit_all("evidence", AUGUST);
    assert_eq!(accepted.code, 0, "{accepted:?}");
    assert_eq!(repo.commit_count(), 3);
}

#[test]
fn no_verify_skips_the_hook() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    assert_eq!(repo.zi(AUGUST, &["hook", "install"]).code, 0);
    repo.write("notes.txt", "x\n");
    repo.git(&["add", "-A"]);
    let run = repo.git_run(&["commit", "-q", "--no-verify", "-m", "anyway"], &path_with_zi(), AUGUST);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.commit_count(), 2);
}

#[test]
fn without_zi_on_path_the_hook_says_so_and_refuses_the_commit() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    assert_eq!(repo.zi(AUGUST, &["hook", "install"]).code, 0);
    repo.write("notes.txt", "x\n");
    repo.git(&["add", "-A"]);
    let run = repo.git_run(&["commit", "-q", "-m", "x"], &path_without_zi(), "2022-01-10");
    assert_ne!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("zi is not on PATH"), "{}", run.stderr);
    assert!(run.stderr.contains("git commit --no-verify"), "{}", run.stderr);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn installing_twice_changes_nothing() {
    use std::os::unix::fs::MetadataExt;
    let repo = PlanRepo::new();
    repo.init_and_commit();
    assert_eq!(repo.zi(AUGUST, &["hook", "install"]).code, 0);
    let hook = repo.top().join(".git/hooks/pre-commit");
    let (text, inode) = (hook_text(&repo, ".git/hooks/pre-commit"), std::fs::metadata(&hook).unwrap().ino());
    let again = repo.zi(AUGUST, &["hook", "install"]);
    assert_eq!(again.code, 0, "{again:?}");
    assert!(again.stdout.contains("already installed"), "{}", again.stdout);
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), text);
    assert_eq!(std::fs::metadata(&hook).unwrap().ino(), inode, "the hook must not be rewritten");
    assert_eq!(std::fs::metadata(&hook).unwrap().mode() & 0o111, 0o111, "the hook must be executable");
}

#[test]
fn a_foreign_hook_is_left_intact_and_the_refusal_explains_how_to_chain() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    repo.write(".git/hooks/pre-commit", FOREIGN);
    let run = repo.zi(AUGUST, &["hook", "install"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert!(run.stderr.contains("zi did not write it"), "{}", run.stderr);
    assert!(run.stderr.contains("zi overdue || exit 1"), "{}", run.stderr);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), FOREIGN);

    let uninstall = repo.zi(AUGUST, &["hook", "uninstall"]);
    assert_eq!(uninstall.code, 1, "{uninstall:?}");
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), FOREIGN);
}

#[test]
fn force_keeps_the_foreign_hook_beside_and_uninstall_puts_it_back() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    repo.write(".git/hooks/pre-commit", FOREIGN);
    let run = repo.zi(AUGUST, &["hook", "install", "--force"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit.before-zi"), FOREIGN);
    assert!(hook_text(&repo, ".git/hooks/pre-commit").contains("zi-managed-hook"));

    let run = repo.zi(AUGUST, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), FOREIGN);
    assert!(!repo.top().join(".git/hooks/pre-commit.before-zi").exists());
}

#[test]
fn uninstall_removes_only_zi_hook() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    assert_eq!(repo.zi(AUGUST, &["hook", "install"]).code, 0);
    let run = repo.zi(AUGUST, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!repo.top().join(".git/hooks/pre-commit").exists());
    let again = repo.zi(AUGUST, &["hook", "uninstall"]);
    assert_eq!(again.code, 0, "{again:?}");
    assert!(again.stdout.contains("no pre-commit hook"), "{}", again.stdout);
}

#[test]
fn core_hooks_path_is_where_the_hook_goes() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    repo.git(&["config", "core.hooksPath", "team-hooks"]);
    let run = repo.zi(AUGUST, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stdout.contains("team-hooks/pre-commit"), "{}", run.stdout);
    assert!(repo.top().join("team-hooks/pre-commit").is_file());
    assert!(!repo.top().join(".git/hooks/pre-commit").exists());

    repo.write("notes.txt", "x\n");
    let refused = repo.commit_all("x", AUGUST);
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(refused.stderr.contains("missing: Daftar hadir"), "{}", refused.stderr);
}

#[test]
fn a_plan_in_a_subfolder_is_checked_from_the_top_of_the_repository() {
    let repo = PlanRepo::below("rencana kerja");
    repo.init_and_commit();
    let run = repo.zi(AUGUST, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(hook_text(&repo, ".git/hooks/pre-commit").contains("zi -C 'rencana kerja' overdue"));
    repo.write("notes.txt", "x\n");
    let refused = repo.commit_all("x", AUGUST);
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(refused.stderr.contains("missing: Daftar hadir"), "{}", refused.stderr);
    assert_eq!(repo.commit_all("x", "2022-01-10").code, 0);
}

#[test]
fn a_linked_worktree_shares_the_hook_of_its_repository() {
    let repo = PlanRepo::new();
    repo.init_and_commit();
    let linked = tempfile::tempdir().unwrap();
    let linked_dir = linked.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "side", linked_dir.to_str().unwrap()]);
    let run = zi_in(&linked_dir, AUGUST, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(repo.top().join(".git/hooks/pre-commit").is_file(), "{run:?}");

    std::fs::write(linked_dir.join("notes.txt"), "x\n").unwrap();
    let path = path_with_zi();
    assert_eq!(git(&linked_dir, &["add", "-A"], &path, AUGUST).code, 0);
    let refused = git(&linked_dir, &["commit", "-q", "-m", "x"], &path, AUGUST);
    assert_ne!(refused.code, 0, "{refused:?}");
    assert!(refused.stderr.contains("missing: Daftar hadir"), "{}", refused.stderr);
}

#[test]
fn outside_a_git_repository_install_fails_with_exit_2() {
    let repo = PlanRepo::new();
    let run = repo.zi(AUGUST, &["hook", "install"]);
    assert_eq!(run.code, 2, "{run:?}");
    assert!(run.stderr.contains("not inside a git repository"), "{}", run.stderr);
}
