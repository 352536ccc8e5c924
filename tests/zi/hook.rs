//! `zi hook install` / `uninstall` with real git: where the hook goes, and
//! with `[hook] gate = "all"`, commits refused while something is overdue
//! and accepted once the evidence is there. The default gate (`new`) is
//! `gate.rs`'s.

use crate::fixture::{self, MONEV_EVIDENCE, SK_EVIDENCE};
use crate::harness::{git, path_with_zi, path_without_zi, Repo, Zi, AUGUST};

const FOREIGN: &str = "#!/bin/sh\necho 'lint runs here'\n";

/// `[hook] gate = "all"` in the plan's `zi.toml`: refuse while anything is overdue.
fn gate_all(repo: &Repo) -> &Repo {
    let config = repo.read("zi.toml");
    repo.write("zi.toml", format!("{config}\n[hook]\ngate = \"all\"\n"))
}

fn hook_text(repo: &Repo, rel: &str) -> String {
    std::fs::read_to_string(repo.top().join(rel)).unwrap()
}

#[test]
fn a_commit_is_refused_while_something_is_overdue_and_accepted_once_the_evidence_is_committed() {
    let repo = fixture::small();
    gate_all(&repo);
    repo.init_and_commit();
    // Names .git/hooks/pre-commit and `git commit --no-verify`.
    assert_run!("install", repo.run(AUGUST, &["hook", "install"]));

    repo.write("notes.txt", "agenda\n");
    // Both overdue periods, and `git commit --no-verify` to commit anyway.
    assert_run!("refused", repo.commit_all("notes", AUGUST));
    assert_eq!(repo.commit_count(), 1);

    // Before the deadlines the same commit goes through.
    let early = repo.commit_all("notes in January", "2022-01-10");
    assert_eq!(early.code, 0, "{early:?}");
    assert_eq!(repo.commit_count(), 2);

    repo.file(&format!("{SK_EVIDENCE}/2022-01/daftar hadir.pdf"));
    repo.file(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    repo.write("notes.txt", "agenda, minutes\n");
    // Only I.1.2's July period is left.
    assert_run!("refused-half-the-evidence", repo.commit_all("half the evidence", AUGUST));

    repo.file(&format!("{MONEV_EVIDENCE}/2022-06/notulen rapat.pdf"));
    let accepted = repo.commit_all("evidence", AUGUST);
    assert_eq!(accepted.code, 0, "{accepted:?}");
    assert_eq!(repo.commit_count(), 3);
}

#[test]
fn no_verify_skips_the_hook() {
    let repo = fixture::small();
    repo.init_and_commit();
    assert_eq!(repo.run(AUGUST, &["hook", "install"]).code, 0);
    repo.write("notes.txt", "x\n");
    repo.git(&["add", "-A"]);
    let run = repo.git_run(&["commit", "-q", "--no-verify", "-m", "anyway"], &path_with_zi(), AUGUST);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.commit_count(), 2);
}

#[test]
fn without_zi_on_path_the_hook_says_so_and_refuses_the_commit() {
    let repo = fixture::small();
    repo.init_and_commit();
    assert_eq!(repo.run(AUGUST, &["hook", "install"]).code, 0);
    repo.write("notes.txt", "x\n");
    repo.git(&["add", "-A"]);
    let run = repo.git_run(&["commit", "-q", "-m", "x"], &path_without_zi(), "2022-01-10");
    // "zi is not on PATH" and `git commit --no-verify`.
    assert_run!("without-zi-on-path", run);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn installing_twice_changes_nothing() {
    use std::os::unix::fs::MetadataExt;
    let repo = fixture::small();
    repo.init_and_commit();
    assert_eq!(repo.run(AUGUST, &["hook", "install"]).code, 0);
    let hook = repo.top().join(".git/hooks/pre-commit");
    let (text, inode) = (hook_text(&repo, ".git/hooks/pre-commit"), std::fs::metadata(&hook).unwrap().ino());
    assert_run!("install-again", repo.run(AUGUST, &["hook", "install"]));
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), text);
    assert_eq!(std::fs::metadata(&hook).unwrap().ino(), inode, "the hook must not be rewritten");
    assert_eq!(std::fs::metadata(&hook).unwrap().mode() & 0o111, 0o111, "the hook must be executable");
    assert_text!("pre-commit", text);
}

#[test]
fn a_foreign_hook_is_left_intact_and_the_refusal_explains_how_to_chain() {
    let repo = fixture::small();
    repo.init_and_commit();
    repo.write(".git/hooks/pre-commit", FOREIGN);
    // "zi did not write it", `zi overdue || exit 1` to chain, and --force.
    assert_run!("install-over-a-foreign-hook", repo.run(AUGUST, &["hook", "install"]));
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), FOREIGN);

    assert_run!("uninstall-a-foreign-hook", repo.run(AUGUST, &["hook", "uninstall"]));
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), FOREIGN);
}

#[test]
fn force_keeps_the_foreign_hook_beside_and_uninstall_puts_it_back() {
    let repo = fixture::small();
    repo.init_and_commit();
    repo.write(".git/hooks/pre-commit", FOREIGN);
    let run = repo.run(AUGUST, &["hook", "install", "--force"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit.before-zi"), FOREIGN);
    assert_text!("pre-commit-after-force", hook_text(&repo, ".git/hooks/pre-commit"));

    let run = repo.run(AUGUST, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(hook_text(&repo, ".git/hooks/pre-commit"), FOREIGN);
    assert!(!repo.top().join(".git/hooks/pre-commit.before-zi").exists());
}

#[test]
fn uninstall_removes_only_zi_hook() {
    let repo = fixture::small();
    repo.init_and_commit();
    assert_eq!(repo.run(AUGUST, &["hook", "install"]).code, 0);
    let run = repo.run(AUGUST, &["hook", "uninstall"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(!repo.top().join(".git/hooks/pre-commit").exists());
    assert_run!("uninstall-again", repo.run(AUGUST, &["hook", "uninstall"]));
}

#[test]
fn core_hooks_path_is_where_the_hook_goes() {
    let repo = fixture::small();
    gate_all(&repo);
    repo.init_and_commit();
    repo.git(&["config", "core.hooksPath", "team-hooks"]);
    assert_run!("install-in-core-hooks-path", repo.run(AUGUST, &["hook", "install"]));
    assert!(repo.top().join("team-hooks/pre-commit").is_file());
    assert!(!repo.top().join(".git/hooks/pre-commit").exists());

    repo.write("notes.txt", "x\n");
    assert_run!("refused-from-core-hooks-path", repo.commit_all("x", AUGUST));
}

#[test]
fn a_plan_in_a_subfolder_is_checked_from_the_top_of_the_repository() {
    let repo = fixture::small_below("rencana kerja");
    gate_all(&repo);
    repo.init_and_commit();
    let run = repo.run(AUGUST, &["hook", "install"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_text!("pre-commit-in-a-subfolder", hook_text(&repo, ".git/hooks/pre-commit"));
    repo.write("notes.txt", "x\n");
    assert_run!("refused-plan-in-a-subfolder", repo.commit_all("x", AUGUST));
    assert_eq!(repo.commit_all("x", "2022-01-10").code, 0);
}

#[test]
fn a_linked_worktree_shares_the_hook_of_its_repository() {
    let repo = fixture::small();
    gate_all(&repo);
    repo.init_and_commit();
    let linked = tempfile::tempdir().unwrap();
    let linked_dir = linked.path().join("wt");
    repo.git(&["worktree", "add", "-q", "-b", "side", linked_dir.to_str().unwrap()]);
    let run = Zi::new(&linked_dir, AUGUST, &["hook", "install"]).run();
    assert_eq!(run.code, 0, "{run:?}");
    assert!(repo.top().join(".git/hooks/pre-commit").is_file(), "{run:?}");

    std::fs::write(linked_dir.join("notes.txt"), "x\n").unwrap();
    let path = path_with_zi();
    assert_eq!(git(&linked_dir, &["add", "-A"], &path, AUGUST).code, 0);
    assert_run!(
        "refused-in-a-linked-worktree",
        git(&linked_dir, &["commit", "-q", "-m", "x"], &path, AUGUST)
    );
}

#[test]
fn outside_a_git_repository_install_fails_with_exit_2() {
    assert_run!("install-outside-git", fixture::small().run(AUGUST, &["hook", "install"]));
}
