//! The CI pipelines zi ships (`ci/github-actions.yml`, `ci/gitlab-ci.yml`):
//! their YAML parsed and their jobs and steps checked, then their shell
//! steps run as a runner would, on a clone of the shipped plan (and of a
//! broken one). The forges cannot be reached from here, so what a runner
//! adds is played by this test: the cache of the installed zi (the zi
//! under test, put where the install step looks first), GitHub's
//! `GITHUB_PATH` and `GITHUB_STEP_SUMMARY` files, GitLab's `CI_*`
//! variables, the shell each forge runs steps in.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use serde_yaml::Value;

use crate::forge::{assert_gitlab_report, parse_command};
use crate::harness::{path_without_zi, Repo, ZI};

fn pipeline(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("ci").join(name);
    serde_yaml::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text(value: &Value) -> &str {
    value.as_str().unwrap_or_else(|| panic!("not a string: {value:?}"))
}

/// A string-keyed map of `value`, for looking keys up by name.
fn map(value: &Value) -> BTreeMap<&str, &Value> {
    value
        .as_mapping()
        .unwrap_or_else(|| panic!("not a mapping: {value:?}"))
        .iter()
        .map(|(k, v)| (text(k), v))
        .collect()
}

/// The runner's checkout: a clone of `plan` (committed first), as CI
/// clones the pushed repository.
fn checkout(plan: &Repo) -> Repo {
    plan.init_and_commit();
    let clone = Repo::empty();
    plan.git(&["clone", "-q", &plan.root().to_string_lossy(), &clone.root().to_string_lossy()]);
    clone
}

/// zi where the pipelines' cache puts it (`DIR/bin/zi`): a cache hit, so
/// the install step finds it and builds nothing.
fn restore_cache(dir: &Path) {
    std::fs::create_dir_all(dir.join("bin")).unwrap();
    std::os::unix::fs::symlink(ZI, dir.join("bin/zi")).unwrap();
}

/// Runs `script` as the forge's shell does, in `dir`, with `env`;
/// returns the exit code, standard output and standard error.
fn shell(shell: &[&str], script: &str, dir: &Path, env: &BTreeMap<String, String>) -> (i32, String, String) {
    let file = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(file.path(), script).unwrap();
    let output = Command::new(shell[0])
        .args(&shell[1..])
        .arg(file.path())
        .current_dir(dir)
        .env_clear()
        .envs(env)
        .output()
        .unwrap();
    let text = |b: &[u8]| String::from_utf8_lossy(b).into_owned();
    (output.status.code().unwrap_or(-1), text(&output.stdout), text(&output.stderr))
}

/// What every step sees: no zi on PATH but the one the pipeline installs,
/// a fixed date so the plan is judged alike on every day, no colour.
fn base_env(home: &Path) -> BTreeMap<String, String> {
    let mut env = BTreeMap::new();
    env.insert("PATH".to_string(), path_without_zi().to_string_lossy().into_owned());
    env.insert("HOME".to_string(), home.to_string_lossy().into_owned());
    env.insert("ZI_TODAY".to_string(), "2022-08-15".to_string());
    env.insert("LANG".to_string(), "C".to_string());
    env.insert("CI".to_string(), "true".to_string());
    env
}

#[test]
fn the_github_workflow_runs_on_every_push_and_pull_request_and_publishes_the_report() {
    let workflow = pipeline("github-actions.yml");
    let top = map(&workflow);
    let on: Vec<&str> = map(top["on"]).keys().copied().collect();
    assert_eq!(on, ["pull_request", "push"]);
    assert_eq!(text(map(map(top["defaults"])["run"])["shell"]), "bash");
    let jobs = map(top["jobs"]);
    assert_eq!(jobs.keys().copied().collect::<Vec<_>>(), ["check", "pages", "report"]);
    let uses = |job: &str| -> Vec<String> {
        map(jobs[job])["steps"]
            .as_sequence()
            .unwrap()
            .iter()
            .filter_map(|s| map(s).get("uses").map(|u| text(u).to_string()))
            .collect()
    };
    assert_eq!(uses("check"), ["actions/checkout@v4", "actions/cache@v4"]);
    assert_eq!(
        uses("report"),
        [
            "actions/checkout@v4",
            "actions/cache@v4",
            "actions/upload-artifact@v4",
            "actions/upload-pages-artifact@v3"
        ]
    );
    assert_eq!(uses("pages"), ["actions/deploy-pages@v4"]);
    let pages = map(jobs["pages"]);
    assert_eq!(text(pages["needs"]), "report");
    let permissions = map(pages["permissions"]);
    assert_eq!((text(permissions["pages"]), text(permissions["id-token"])), ("write", "write"));
    assert_eq!(text(map(pages["environment"])["name"]), "github-pages");
    let runs = run_steps(&workflow, "check");
    assert!(runs.iter().any(|r| r.contains("zi check --format github")), "{runs:?}");
    assert!(runs.iter().any(|r| r.contains("zi overdue --format github")), "{runs:?}");
    assert!(run_steps(&workflow, "report").iter().any(|r| r.contains("zi report -o public/index.html")));
}

/// The `run:` scripts of `job`, in order.
fn run_steps(workflow: &Value, job: &str) -> Vec<String> {
    let steps = map(map(map(workflow)["jobs"])[job])["steps"].as_sequence().unwrap().clone();
    steps.iter().filter_map(|s| map(s).get("run").map(|r| text(r).to_string())).collect()
}

/// Runs the `run:` steps of `job` as the Actions runner does: each in
/// `bash --noprofile --norc -eo pipefail` (the workflow's `shell: bash`),
/// the workflow's `env`, folders added to `GITHUB_PATH` put first on PATH
/// for the steps after. Returns each step's (exit code, stdout).
fn run_github_job(workflow: &Value, job: &str, checkout: &Path, home: &Path) -> Vec<(i32, String)> {
    let mut env = base_env(home);
    for (key, value) in map(map(workflow)["env"]) {
        env.insert(key.to_string(), text(value).to_string());
    }
    let github_path = home.join("github_path");
    let summary = home.join("step_summary.md");
    std::fs::write(&github_path, "").unwrap();
    env.insert("GITHUB_PATH".to_string(), github_path.to_string_lossy().into_owned());
    env.insert("GITHUB_STEP_SUMMARY".to_string(), summary.to_string_lossy().into_owned());
    let system_path = env["PATH"].clone();
    let mut results = Vec::new();
    for script in run_steps(workflow, job) {
        let added: Vec<String> =
            std::fs::read_to_string(&github_path).unwrap().lines().rev().map(String::from).collect();
        env.insert(
            "PATH".to_string(),
            added.into_iter().chain([system_path.clone()]).collect::<Vec<_>>().join(":"),
        );
        let (code, stdout, stderr) =
            shell(&["bash", "--noprofile", "--norc", "-eo", "pipefail"], &script, checkout, &env);
        assert!(!stderr.contains("command not found"), "{script}\n{stderr}");
        results.push((code, stdout));
    }
    results
}

#[test]
fn the_github_workflows_steps_run_on_the_shipped_plan_as_a_runner_runs_them() {
    let workflow = pipeline("github-actions.yml");
    let clone = checkout(&Repo::shipped());
    let home = tempfile::tempdir().unwrap();
    restore_cache(&home.path().join(".zi"));
    let check = run_github_job(&workflow, "check", clone.root(), home.path());
    let codes: Vec<i32> = check.iter().map(|(code, _)| *code).collect();
    assert_eq!(codes, [0, 0, 0, 0], "install, check, overdue (overdue periods do not fail), summary");
    let (_, overdue) = &check[2];
    let mut commands: Vec<_> = overdue.lines().map(parse_command).collect();
    // Past GitHub's 10 warnings a step, a first notice counts them.
    assert!(commands[0].name == "notice" && commands[0].properties.len() == 1, "{overdue}");
    commands.remove(0);
    assert!(!commands.is_empty() && commands.iter().all(|c| c.name == "warning"), "{overdue}");
    assert!(commands.iter().all(|c| clone.root().join(&c.properties[0].1).is_file()), "{overdue}");
    let summary = std::fs::read_to_string(home.path().join("step_summary.md")).unwrap();
    assert!(summary.starts_with("# "), "the status as markdown: {summary}");

    let report = run_github_job(&workflow, "report", clone.root(), home.path());
    assert_eq!(report.iter().map(|(code, _)| *code).collect::<Vec<_>>(), [0, 0]);
    let page = clone.read("public/index.html");
    assert!(page.starts_with("<!DOCTYPE html>"), "{}", &page[..page.len().min(200)]);
}

#[test]
fn the_github_check_step_fails_on_a_broken_plan_and_annotates_it() {
    let workflow = pipeline("github-actions.yml");
    let clone = checkout(&crate::fixture::broken());
    let home = tempfile::tempdir().unwrap();
    restore_cache(&home.path().join(".zi"));
    let check = run_github_job(&workflow, "check", clone.root(), home.path());
    assert_eq!((check[1].0, check[2].0), (1, 0), "check fails the job; overdue only annotates");
    let errors = check[1].1.lines().map(parse_command).filter(|c| c.name == "error").count();
    assert!(errors > 10, "{}", check[1].1);
}

#[test]
fn the_gitlab_pipeline_runs_on_every_push_and_merge_request_and_publishes_the_report() {
    let pipeline = pipeline("gitlab-ci.yml");
    let top = map(&pipeline);
    let rules: Vec<&str> =
        map(top["workflow"])["rules"].as_sequence().unwrap().iter().map(|r| text(map(r)["if"])).collect();
    assert_eq!(
        rules,
        [
            "$CI_PIPELINE_SOURCE == \"merge_request_event\"",
            "$CI_COMMIT_BRANCH && $CI_OPEN_MERGE_REQUESTS",
            "$CI_COMMIT_BRANCH"
        ]
    );
    let jobs = gitlab_jobs(&pipeline);
    assert_eq!(jobs.keys().copied().collect::<Vec<_>>(), ["pages", "zi-check", "zi-overdue", "zi-report"]);
    let reports = |job: &str| map(map(map(jobs[job])["artifacts"])["reports"])["codequality"];
    assert_eq!(
        (text(reports("zi-check")), text(reports("zi-overdue"))),
        ("zi-check.json", "zi-overdue.json")
    );
    for job in ["zi-check", "zi-overdue"] {
        assert_eq!(
            text(map(map(jobs[job])["artifacts"])["when"]),
            "always",
            "{job}: the widget gets the report on failure too"
        );
    }
    let pages = map(jobs["pages"]);
    assert_eq!(text(pages["stage"]), "deploy");
    let paths: Vec<&str> = map(pages["artifacts"])["paths"].as_sequence().unwrap().iter().map(text).collect();
    assert_eq!(paths, ["public"]);
    let rule = text(map(&pages["rules"][0])["if"]);
    assert_eq!(rule, "$CI_COMMIT_BRANCH == $CI_DEFAULT_BRANCH");
    let stages: Vec<&str> = top["stages"].as_sequence().unwrap().iter().map(text).collect();
    for job in jobs.values() {
        assert!(stages.contains(&text(map(job)["stage"])), "{job:?}");
    }
}

/// The jobs: every top-level key that is not a keyword.
fn gitlab_jobs(pipeline: &Value) -> BTreeMap<&str, &Value> {
    const KEYWORDS: [&str; 5] = ["workflow", "variables", "stages", "default", "include"];
    map(pipeline).into_iter().filter(|(k, _)| !KEYWORDS.contains(k)).collect()
}

/// Runs `job` as the GitLab runner's bash does: `before_script` of
/// `default` then `script`, one shell, stopping at the first command that
/// fails (`set -eo pipefail`), with the pipeline's variables and the
/// runner's `CI_*` ones for a push to the default branch.
fn run_gitlab_job(pipeline: &Value, job: &str, checkout: &Path, home: &Path) -> (i32, String) {
    let top = map(pipeline);
    let mut env = base_env(home);
    for (key, value) in map(top["variables"]) {
        env.insert(key.to_string(), text(value).to_string());
    }
    for (key, value) in [
        ("CI_PROJECT_DIR", &*checkout.to_string_lossy()),
        ("CI_COMMIT_BRANCH", "main"),
        ("CI_DEFAULT_BRANCH", "main"),
    ] {
        env.insert(key.to_string(), value.to_string());
    }
    let lines = |value: Option<&&Value>| -> Vec<String> {
        value
            .map(|v| v.as_sequence().unwrap().iter().map(|l| text(l).to_string()).collect())
            .unwrap_or_default()
    };
    let mut script = lines(map(top["default"]).get("before_script"));
    script.extend(lines(map(gitlab_jobs(pipeline)[job]).get("script")));
    let (code, stdout, stderr) = shell(&["bash", "-eo", "pipefail"], &script.join("\n"), checkout, &env);
    assert!(!stderr.contains("command not found"), "{job}:\n{stderr}");
    (code, stdout)
}

#[test]
fn the_gitlab_jobs_run_on_the_shipped_plan_as_a_runner_runs_them() {
    let pipeline = pipeline("gitlab-ci.yml");
    let clone = checkout(&Repo::shipped());
    let home = tempfile::tempdir().unwrap();
    restore_cache(&clone.root().join(".zi-bin"));
    for job in ["zi-check", "zi-overdue", "zi-report", "pages"] {
        assert_eq!(run_gitlab_job(&pipeline, job, clone.root(), home.path()).0, 0, "{job}");
    }
    for report in ["zi-check.json", "zi-overdue.json"] {
        let json: serde_json::Value = serde_json::from_str(&clone.read(report)).unwrap();
        assert_gitlab_report(&json, clone.root());
    }
    let overdue: serde_json::Value = serde_json::from_str(&clone.read("zi-overdue.json")).unwrap();
    assert!(overdue.as_array().unwrap().iter().all(|i| i["check_name"] == "overdue"), "{overdue}");
    for page in ["zi-report.html", "public/index.html"] {
        assert!(clone.read(page).starts_with("<!DOCTYPE html>"), "{page}");
    }
}

#[test]
fn the_gitlab_check_job_fails_on_a_broken_plan_and_still_writes_its_report() {
    let pipeline = pipeline("gitlab-ci.yml");
    let clone = checkout(&crate::fixture::broken());
    let home = tempfile::tempdir().unwrap();
    restore_cache(&clone.root().join(".zi-bin"));
    let (code, log) = run_gitlab_job(&pipeline, "zi-check", clone.root(), home.path());
    assert_eq!(code, 1);
    assert!(log.contains("error[toml-syntax]"), "the job's log has the readable list:\n{log}");
    let json: serde_json::Value = serde_json::from_str(&clone.read("zi-check.json")).unwrap();
    assert!(assert_gitlab_report(&json, clone.root()).len() > 10);
    assert_eq!(run_gitlab_job(&pipeline, "zi-overdue", clone.root(), home.path()).0, 0);
}

/// `cargo install --git URL --rev REV` takes a full ref or a commit hash,
/// never a bare branch name (`--rev main` fails with "revspec not found"
/// on the first run, when the cache is empty).
#[test]
fn both_pipelines_install_zi_from_a_revision_cargo_accepts() {
    let github = pipeline("github-actions.yml");
    let gitlab = pipeline("gitlab-ci.yml");
    for (forge, rev) in [
        ("github", text(map(map(&github)["env"])["ZI_REV"])),
        ("gitlab", text(map(map(&gitlab)["variables"])["ZI_REV"])),
    ] {
        let commit = rev.len() >= 7 && rev.bytes().all(|b| b.is_ascii_hexdigit());
        assert!(rev.starts_with("refs/") || commit, "{forge}: ZI_REV = {rev:?}");
    }
}
