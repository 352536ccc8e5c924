//! The commit gate with real git: the hook judges what is staged (git's
//! index), not the working tree, and with the default `[hook] gate = "new"`
//! refuses only a commit that makes the plan worse than `HEAD`, so a team
//! can keep it switched on while things are overdue. On 2022-08-15 the
//! small plan has I.1.1's January period (one of two documents filed) and
//! I.1.2's July period overdue.

use crate::fixture::{self, MONEV_EVIDENCE, MONEV_PATH, SK_EVIDENCE};
use crate::harness::{Repo, AUGUST};

/// The small plan committed, with the hook installed.
fn committed_with_hook() -> Repo {
    committed(fixture::small(), true)
}

/// `repo` committed (the hook installed first when `hook`).
fn committed(repo: Repo, hook: bool) -> Repo {
    repo.init_and_commit();
    if hook {
        assert_eq!(repo.run(AUGUST, &["hook", "install"]).code, 0);
    }
    repo
}

/// The small plan with I.1.2's July documents filed, so that only I.1.1's
/// January period is overdue, and `[hook] gate` as given.
fn july_filed(gate: Option<&str>) -> Repo {
    let repo = fixture::small();
    if let Some(gate) = gate {
        set_gate(&repo, gate);
    }
    repo.file(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf"));
    repo.file(&format!("{MONEV_EVIDENCE}/2022-07/{NOTULEN}"));
    repo
}

const NOTULEN: &str = "notulen.pdf";

fn set_gate(repo: &Repo, gate: &str) {
    repo.write("zi.toml", format!("{}\n[hook]\ngate = \"{gate}\"\n", fixture::ZI_TOML));
}

#[test]
fn a_commit_adding_evidence_passes_while_other_periods_stay_overdue() {
    let repo = committed_with_hook();
    repo.file(&format!("{SK_EVIDENCE}/2022-01/Daftar Hadir.pdf"));
    // I.1.2 is still listed, and nothing of it is new.
    let run = repo.commit_all("January's attendance list", AUGUST);
    assert_run!("adding-evidence-passes", run);
    assert_eq!(repo.commit_count(), 2);
}

#[test]
fn a_commit_unrelated_to_the_plan_passes_while_periods_are_overdue() {
    let repo = committed_with_hook();
    repo.write("STATUS.md", "# Status\n");
    let run = repo.commit_all("status report", AUGUST);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(repo.commit_count(), 2);
}

#[test]
fn a_commit_removing_the_evidence_of_an_ended_period_is_refused() {
    let repo = committed(july_filed(None), true);
    repo.git(&["rm", "-q", &format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf")]);
    // I.1.2's July period is new: refused, and the way out named.
    let run = repo.commit_all("tidy up", AUGUST);
    assert_run!("removing-evidence-refused", run);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn a_commit_removing_evidence_of_a_period_already_overdue_is_refused() {
    let repo = committed_with_hook();
    // I.1.1's January period lacks its attendance list; now its SK goes too.
    repo.git(&["rm", "-q", &format!("{SK_EVIDENCE}/2022-01/SK Tim ZI.pdf")]);
    let run = repo.commit_all("tidy up", AUGUST);
    assert_run!("removing-evidence-of-an-overdue-period-refused", run);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn the_first_commit_of_a_plan_adopted_late_passes() {
    let repo = fixture::small();
    repo.git(&["init", "-q"]);
    assert_eq!(repo.run(AUGUST, &["hook", "install"]).code, 0);
    let run = repo.commit_all("plan", AUGUST);
    assert_run!("first-commit-passes", run);
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn an_indicator_made_invalid_is_refused() {
    let repo = committed_with_hook();
    repo.write(
        MONEV_PATH,
        "indicator = \"Monev\"\ndue = \"Juli, Desember 2022\"\nbukti_fisik = [\"Notulen\"]\n",
    );
    let run = repo.commit_all("monitoring", AUGUST);
    assert_run!("invalid-indicator-refused", run);
    assert_eq!(repo.commit_count(), 1);
}

/// An error of the plan's layout (here a plan file in an area folder, under
/// no component) is new in what is staged, so the gate refuses it.
#[test]
fn a_plan_file_laid_out_wrong_is_refused() {
    let repo = committed_with_hook();
    repo.write("plan/1-manajemen-perubahan/3-sk.toml", fixture::SK);
    let run = repo.commit_all("misplaced", AUGUST);
    assert_run!("misplaced-plan-file-refused", run);
    assert_eq!(repo.commit_count(), 1);
}

/// The same layout error committed already is nothing new: `--new-since
/// HEAD` on an unchanged plan passes, while the list stays.
#[test]
fn a_layout_error_committed_already_is_not_new() {
    let repo = fixture::small();
    repo.write("plan/1-manajemen-perubahan/3-sk.toml", fixture::SK);
    let repo = committed(repo, false);
    let run = repo.run(AUGUST, &["overdue", "--new-since", "HEAD"]);
    assert_run!("committed-layout-error-not-new", run);
    assert_eq!(run.code, 0);
    let staged = repo.run(AUGUST, &["overdue", "--staged", "--new-since", "HEAD"]);
    assert_eq!((staged.code, &staged.stdout, &staged.stderr), (run.code, &run.stdout, &run.stderr));
}

#[test]
fn evidence_removed_from_the_index_but_left_on_disk_is_refused() {
    let repo = committed(july_filed(None), true);
    repo.git(&["rm", "-q", "--cached", &format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf")]);
    let run = repo.git_run(&["commit", "-q", "-m", "untrack"], &crate::harness::path_with_zi(), AUGUST);
    assert_eq!(run.code, 1, "the working tree still has the file, the commit does not: {run:?}");
    assert_eq!(repo.commit_count(), 1);
}

#[test]
fn with_gate_all_an_unstaged_document_does_not_make_the_hook_pass() {
    let repo = committed(july_filed(Some("all")), true);
    // The missing January document is in the working tree, not staged.
    repo.file(&format!("{SK_EVIDENCE}/2022-01/Daftar Hadir.pdf"));
    repo.write("STATUS.md", "# Status\n");
    repo.git(&["add", "STATUS.md"]);
    let run = repo.git_run(&["commit", "-q", "-m", "status"], &crate::harness::path_with_zi(), AUGUST);
    assert_run!("all-unstaged-document-refused", run);
    assert_eq!(repo.commit_count(), 1);
    // Staged, it counts.
    let run = repo.commit_all("attendance list", AUGUST);
    assert_eq!(run.code, 0, "{run:?}");
}

#[test]
fn with_gate_none_the_hook_only_prints() {
    let repo = fixture::small();
    set_gate(&repo, "none");
    let repo = committed(repo, true);
    repo.write(MONEV_PATH, "not toml [");
    let run = repo.commit_all("broken", AUGUST);
    assert_eq!(run.code, 0, "{run:?}");
    assert!(run.stderr.contains("I.1.2"), "the list is printed: {run:?}");
}

#[test]
fn the_hook_speaks_the_language_of_the_plan_at_commit_time() {
    let repo = committed_with_hook();
    repo.write("zi.toml", format!("{}lang = \"id\"\n", fixture::ZI_TOML));
    repo.git(&["rm", "-q", &format!("{SK_EVIDENCE}/2022-01/SK Tim ZI.pdf")]);
    repo.write(MONEV_PATH, "indicator = \"Monev\"\n");
    let run = repo.commit_all("bahasa", AUGUST);
    assert_run!("refused-in-the-plans-language", run);
}

#[test]
fn overdue_staged_new_since_head_lists_everything_and_counts_only_what_is_new() {
    let repo = committed(july_filed(None), false);
    repo.git(&["rm", "-q", "--cached", &format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf")]);
    // I.1.1's January period was overdue in HEAD already; I.1.2's July is new.
    let new = repo.run(AUGUST, &["overdue", "--staged", "--new-since", "HEAD"]);
    assert_run!("overdue-staged-new-since-head", new);
    // The working tree still has it; the index does not.
    let staged = repo.run(AUGUST, &["overdue", "--staged", "--format", "json"]);
    let worktree = repo.run(AUGUST, &["overdue", "--format", "json"]);
    assert_ne!(staged.stdout, worktree.stdout);
    assert_eq!((staged.code, worktree.code), (1, 1));
    let unknown = repo.run(AUGUST, &["overdue", "--new-since", "no-such-rev"]);
    assert_run!("overdue-new-since-unknown-revision", unknown);
}

/// What is new is counted in the list the IDs ask for, as the list is:
/// I.1.2's July period is new, but `zi overdue I.1.1` does not list it.
#[test]
fn new_since_counts_only_what_the_ids_select() {
    let repo = committed(july_filed(None), false);
    repo.git(&["rm", "-q", "--cached", &format!("{MONEV_EVIDENCE}/2022-07/notulen.pdf")]);
    let one = repo.run(AUGUST, &["overdue", "I.1.1", "--staged", "--new-since", "HEAD"]);
    assert_run!("overdue-new-since-one-indicator", one);
    let other = repo.run(AUGUST, &["overdue", "I.1.2", "--staged", "--new-since", "HEAD"]);
    assert_run!("overdue-new-since-the-other-indicator", other);
}

#[test]
fn an_unknown_gate_is_named_with_its_line() {
    let repo = fixture::small();
    set_gate(&repo, "sometimes");
    assert_run!("unknown-gate", repo.run(AUGUST, &["check"]));
}

/// A plan file is judged as it is staged, whatever the working tree holds
/// since (zi reads a file from the working tree only when it is the very
/// object staged).
#[test]
fn a_plan_file_is_judged_as_staged_not_as_edited_since() {
    let repo = committed(fixture::small(), false);
    repo.write(MONEV_PATH, "not toml [");
    repo.git(&["add", MONEV_PATH]);
    repo.write(MONEV_PATH, fixture::MONEV);
    let staged = repo.run(AUGUST, &["overdue", "--staged", "--new-since", "HEAD"]);
    assert_run!("plan-file-judged-as-staged", staged);
    assert_eq!(staged.code, 1);
    assert_eq!(repo.run(AUGUST, &["overdue", "--new-since", "HEAD"]).code, 0);
    // Staged whole again, it is judged as the working tree is.
    repo.git(&["add", MONEV_PATH]);
    let staged = repo.run(AUGUST, &["overdue", "--staged", "--new-since", "HEAD"]);
    let worktree = repo.run(AUGUST, &["overdue", "--new-since", "HEAD"]);
    assert_eq!(
        (staged.code, &staged.stdout, &staged.stderr),
        (worktree.code, &worktree.stdout, &worktree.stderr)
    );
}

// The gate at a workspace root: one repository, one hook, every unit.

/// The root of a workspace of the units below `units/`.
const WORKSPACE: &str = "[workspace]\nunits = [\"units/*\"]\n";

/// A workspace of two units, `palma` and `sawit`, each the small plan with
/// I.1.2's July documents filed (only I.1.1's January period is overdue),
/// committed with the hook installed at the root.
fn workspace(root_toml: &str) -> Repo {
    let ws = Repo::empty();
    ws.write("zi.toml", root_toml);
    for unit in ["palma", "sawit"] {
        let at = |rel: &str| format!("units/{unit}/{rel}");
        ws.write(&at("zi.toml"), fixture::ZI_TOML)
            .write(&at("plan/1-manajemen-perubahan/area.toml"), "name = \"Manajemen Perubahan\"\n")
            .write(&at("plan/1-manajemen-perubahan/1-tim-kerja/component.toml"), "name = \"Tim Kerja\"\n")
            .write(&at(fixture::SK_PATH), fixture::SK)
            .write(&at(MONEV_PATH), fixture::MONEV)
            .file(&at(&format!("{SK_EVIDENCE}/2022-01/SK Tim ZI.pdf")))
            .file(&at(&format!("{MONEV_EVIDENCE}/2022-07/undangan rapat.pdf")))
            .file(&at(&format!("{MONEV_EVIDENCE}/2022-07/{NOTULEN}")));
    }
    let ws = committed(ws, true);
    assert!(ws.at(".git/hooks/pre-commit").is_file(), "one hook, at the root");
    ws
}

fn palma_notulen() -> String {
    format!("units/palma/{MONEV_EVIDENCE}/2022-07/{NOTULEN}")
}

#[test]
fn at_a_workspace_root_evidence_removed_in_one_unit_is_refused() {
    let ws = workspace(WORKSPACE);
    ws.git(&["rm", "-q", &palma_notulen()]);
    let staged = ws.run(AUGUST, &["overdue", "--staged", "--new-since", "HEAD"]);
    assert_run!("workspace-staged-new-since-head", staged);
    assert_eq!(staged.code, 1);
    // The other unit alone has nothing new.
    let sawit = ws.run(AUGUST, &["overdue", "--staged", "--new-since", "HEAD", "--unit", "sawit"]);
    assert_eq!(sawit.code, 0, "{sawit:?}");
    let run = ws.commit_all("tidy up", AUGUST);
    assert_run!("workspace-removing-evidence-refused", run);
    assert_eq!(ws.commit_count(), 1);
}

#[test]
fn at_a_workspace_root_a_broken_unit_never_hides_the_other() {
    let ws = workspace(WORKSPACE);
    ws.write(&format!("units/sawit/{MONEV_PATH}"), "not toml [");
    ws.git(&["add", "-A"]);
    ws.git(&["rm", "-q", &palma_notulen()]);
    let staged = ws.run(AUGUST, &["overdue", "--staged", "--format", "json"]);
    let json = staged.json();
    let units: Vec<&str> =
        json["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap()).collect();
    assert_eq!(units, ["palma", "sawit"], "{json}");
    assert_eq!(staged.code, 1);
    let run = ws.commit_all("two things", AUGUST);
    assert_run!("workspace-broken-unit-refused", run);
    assert_eq!(ws.commit_count(), 1);
}

/// Each unit is gated by its own `[hook] gate`: a unit that only prints
/// refuses nothing, and the other unit still does.
#[test]
fn at_a_workspace_root_each_unit_keeps_its_own_gate() {
    let ws = workspace(WORKSPACE);
    ws.write("units/sawit/zi.toml", format!("{}\n[hook]\ngate = \"none\"\n", fixture::ZI_TOML));
    ws.write(&format!("units/sawit/{MONEV_PATH}"), "not toml [");
    let run = ws.commit_all("sawit only prints", AUGUST);
    assert_run!("workspace-unit-gate-none-only-prints", run);
    assert_eq!(ws.commit_count(), 2);
    ws.git(&["rm", "-q", &palma_notulen()]);
    let run = ws.commit_all("palma refuses", AUGUST);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(ws.commit_count(), 2);
}

/// What was committed already is nothing new, in every unit; the hook
/// speaks the root's language.
#[test]
fn at_a_workspace_root_new_since_counts_only_what_is_new() {
    let ws = workspace(&format!("lang = \"id\"\n{WORKSPACE}"));
    let run = ws.run(AUGUST, &["overdue", "--new-since", "HEAD"]);
    assert_run!("workspace-new-since-nothing-new", run);
    assert_eq!(run.code, 0);
    ws.git(&["rm", "-q", &palma_notulen()]);
    let run = ws.commit_all("rapikan", AUGUST);
    assert_run!("workspace-refused-in-the-roots-language", run);
    assert_eq!(ws.commit_count(), 1);
}

/// The workspace with `units/sawit` a repository of its own (a `.git`
/// inside): git runs the hook with the workspace's index, which holds no
/// file of sawit's, so sawit is named and refuses nothing; palma is gated.
#[test]
fn at_a_workspace_root_a_unit_that_is_its_own_repository_is_named_not_fatal() {
    let ws = workspace(WORKSPACE);
    ws.git(&["-C", "units/sawit", "init", "-q"]);
    ws.write("STATUS.md", "# Status\n");
    let run = ws.commit_all("status", AUGUST);
    assert_run!("workspace-own-repository-unit-passes", run);
    assert_eq!(ws.commit_count(), 2);
    ws.git(&["rm", "-q", &palma_notulen()]);
    let run = ws.commit_all("palma refuses", AUGUST);
    assert_run!("workspace-own-repository-unit-palma-refuses", run);
    assert_eq!(ws.commit_count(), 2);
}

/// A unit folder made but not yet added: the gate leaves it out and says
/// so in one line, whatever its gate; once added it is gated.
#[test]
fn at_a_workspace_root_a_unit_not_yet_staged_is_left_out() {
    let ws = workspace(WORKSPACE);
    ws.write("units/kelapa/zi.toml", format!("{}\n[hook]\ngate = \"all\"\n", fixture::ZI_TOML));
    ws.write("units/kelapa/plan/1-a/area.toml", "name = \"A\"\n");
    ws.write("units/kelapa/plan/1-a/1-b/component.toml", "name = \"B\"\n");
    ws.write("units/kelapa/plan/1-a/1-b/1-c.toml", "not toml [");
    ws.write("STATUS.md", "# Status\n");
    ws.git(&["add", "STATUS.md"]);
    let run = ws.git_run(&["commit", "-q", "-m", "status"], &crate::harness::path_with_zi(), AUGUST);
    assert_run!("workspace-unit-not-staged-left-out", run);
    assert_eq!(ws.commit_count(), 2);
    let run = ws.commit_all("kelapa", AUGUST);
    assert_run!("workspace-unit-staged-gated", run);
    assert_eq!(ws.commit_count(), 2);
}

/// A unit zi cannot judge (here a staged plan file whose object is gone)
/// is that unit's problem: the other unit is judged all the same, and the
/// commit is refused, since the broken unit's gate cannot be known.
#[test]
fn at_a_workspace_root_a_units_fatal_error_is_its_own_problem() {
    let ws = workspace(WORKSPACE);
    let path = format!("units/sawit/{MONEV_PATH}");
    ws.write(&path, format!("{}# staged\n", fixture::MONEV));
    ws.git(&["add", &path]);
    let object = ws.git(&["rev-parse", &format!(":{path}")]);
    let object = object.trim();
    std::fs::remove_file(ws.at(&format!(".git/objects/{}/{}", &object[..2], &object[2..]))).unwrap();
    ws.write(&path, fixture::MONEV);
    let staged = ws.run(AUGUST, &["overdue", "--staged"]);
    assert_run!("workspace-unit-fatal-staged", staged);
    assert_eq!(staged.code, 1);
    let run = ws.git_run(&["commit", "-q", "-m", "sawit"], &crate::harness::path_with_zi(), AUGUST);
    assert_run!("workspace-unit-fatal-refused", run);
    assert_eq!(ws.commit_count(), 1);
}

/// The root's own problems (a folder the globs match that is no unit) are
/// listed but refuse nothing: the root has no gate of its own.
#[test]
fn at_a_workspace_root_the_roots_own_problems_refuse_nothing() {
    let ws = workspace(WORKSPACE);
    ws.file("units/notes/README.md");
    let run = ws.commit_all("notes", AUGUST);
    assert_run!("workspace-root-problems-refuse-nothing", run);
    assert_eq!(ws.commit_count(), 2);
}
