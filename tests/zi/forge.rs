//! `zi check` and `zi overdue` as a forge's CI shows them: GitHub Actions
//! workflow commands and GitLab's code quality report. The broken plan's
//! output is pinned whole, and each line or issue is checked against the
//! shape the forge documents: GitHub's "Workflow commands for GitHub
//! Actions" (`::error file=…,line=…,col=…,title=…::message`, `%`, CR, LF
//! escaped in the message and also `:` and `,` in properties) and GitLab's
//! "Code Quality report format" (an array of `description`, `check_name`,
//! `fingerprint`, `severity`, `location.path`, `location.lines.begin`).

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::fixture::{broken, small_below};
use crate::harness::{indicator_text as indicator, Repo, AUGUST};

/// The broken plan, plus a file whose name holds every character GitHub
/// wants escaped in a property (`,` `:` `%`), matching none of its
/// indicator's documents.
fn broken_with_odd_name() -> Repo {
    let repo = broken();
    repo.write(
        "plan/1-area/1-comp/14-dua.toml",
        indicator("Dua", "[\"Undangan\", \"Notulen\"]", "Juli 2022"),
    );
    repo.file("evidence/1-area/1-comp/14-dua/2022-07/undangan.pdf");
    repo.file("evidence/1-area/1-comp/14-dua/2022-07/foto, 100%: rapat.jpg");
    repo
}

/// Problems whose path is not a file that is there: a file that should be
/// (`missing-name-file`, `no-plan`), and a name that is not UTF-8, which can only be
/// written with a replacement character.
const NOT_THERE: [&str; 3] = ["missing-name-file", "no-plan", "non-utf8-name"];

/// A GitHub workflow command, split as the runner reads it.
#[derive(Debug)]
pub struct Command {
    pub name: String,
    pub properties: Vec<(String, String)>,
    pub message: String,
}

/// `%XX` escapes decoded, after checking that only `allowed` ones occur.
fn decode(text: &str, allowed: &[&str], line: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find('%') {
        out.push_str(&rest[..at]);
        let code = rest.get(at + 1..at + 3).unwrap_or_else(|| panic!("a lone % in {line:?}"));
        assert!(allowed.contains(&code), "%{code} is not an escape GitHub decodes here: {line:?}");
        out.push(char::from(u8::from_str_radix(code, 16).unwrap()));
        rest = &rest[at + 3..];
    }
    out.push_str(rest);
    out
}

pub fn parse_command(line: &str) -> Command {
    assert!(!line.contains('\r'), "a raw carriage return: {line:?}");
    let body = line.strip_prefix("::").unwrap_or_else(|| panic!("not a workflow command: {line:?}"));
    let (head, message) = body.split_once("::").unwrap_or_else(|| panic!("no message: {line:?}"));
    let (name, properties) = head.split_once(' ').unwrap_or((head, ""));
    let properties = properties
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (key, value) = p.split_once('=').unwrap_or_else(|| panic!("property without '=': {line:?}"));
            assert!(!value.contains(':'), "a raw ':' in a property: {line:?}");
            (key.to_string(), decode(value, &["25", "0D", "0A", "3A", "2C"], line))
        })
        .collect();
    Command { name: name.to_string(), properties, message: decode(message, &["25", "0D", "0A"], line) }
}

/// Every line is an annotation GitHub reads: a known command, the file
/// first (a file of the repository, relative to its top), a line and
/// column in that file when given, a title, a message. The annotations
/// about a file are returned; the count past GitHub's limit is checked and
/// left out.
fn assert_github_annotations(stdout: &str, top: &Path) -> Vec<Command> {
    let mut commands: Vec<Command> = stdout.lines().map(parse_command).collect();
    for c in &commands {
        assert!(["error", "warning", "notice"].contains(&c.name.as_str()), "{c:?}");
        let keys: Vec<&str> = c.properties.iter().map(|(k, _)| k.as_str()).collect();
        if c.name == "notice" && keys == ["title"] {
            // The count past GitHub's limit, about no file.
            assert_eq!(c.properties[0].1, "zi", "{c:?}");
            continue;
        }
        assert!(
            [&["file", "title"][..], &["file", "line", "title"], &["file", "line", "col", "title"]]
                .contains(&&keys[..]),
            "properties in the documented order: {c:?}"
        );
        let value = |key: &str| c.properties.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str());
        let file = top.join(value("file").unwrap());
        let elsewhere =
            value("title").is_some_and(|t| NOT_THERE.iter().any(|code| t == format!("zi {code}")));
        assert!(elsewhere || file.symlink_metadata().is_ok(), "file= names a path of the repository: {c:?}");
        if let Some(line) = value("line") {
            let line: usize = line.parse().unwrap();
            let lines = std::fs::read(&file).map(|b| b.split(|&c| c == b'\n').count()).unwrap_or(0);
            assert!(line >= 1 && line <= lines.max(1), "line {line} is in {file:?}: {c:?}");
        }
        if let Some(col) = value("col") {
            assert!(col.parse::<u32>().unwrap() >= 1, "{c:?}");
        }
        assert!(!value("title").unwrap().is_empty() && !c.message.is_empty(), "{c:?}");
    }
    commands.retain(|c| c.properties[0].0 == "file");
    commands
}

/// The report is what GitLab's code quality widget reads: an array of
/// issues with exactly the documented fields, of the documented types,
/// each fingerprint unique, each path a file of the repository.
pub fn assert_gitlab_report(report: &Value, top: &Path) -> Vec<String> {
    let issues = report.as_array().expect("an array of issues");
    let mut fingerprints = Vec::new();
    for issue in issues {
        let keys: BTreeSet<&str> = issue.as_object().expect("an object").keys().map(String::as_str).collect();
        assert_eq!(
            keys,
            BTreeSet::from(["description", "check_name", "fingerprint", "severity", "location"])
        );
        assert!(issue["description"].as_str().is_some_and(|d| !d.is_empty()), "{issue}");
        assert!(issue["check_name"].as_str().is_some_and(|d| !d.is_empty()), "{issue}");
        let severity = issue["severity"].as_str().unwrap();
        assert!(["info", "minor", "major", "critical", "blocker"].contains(&severity), "{issue}");
        let fingerprint = issue["fingerprint"].as_str().unwrap();
        assert!(fingerprint.len() == 64 && fingerprint.bytes().all(|b| b.is_ascii_hexdigit()), "{issue}");
        fingerprints.push(fingerprint.to_string());
        let location = issue["location"].as_object().unwrap();
        assert_eq!(location.keys().map(String::as_str).collect::<Vec<_>>(), ["lines", "path"]);
        let elsewhere = NOT_THERE.contains(&issue["check_name"].as_str().unwrap());
        assert!(
            elsewhere || top.join(location["path"].as_str().unwrap()).symlink_metadata().is_ok(),
            "{issue}"
        );
        let lines = location["lines"].as_object().unwrap();
        assert_eq!(lines.keys().map(String::as_str).collect::<Vec<_>>(), ["begin"]);
        assert!(lines["begin"].as_u64().is_some_and(|b| b >= 1), "{issue}");
    }
    let unique: BTreeSet<&String> = fingerprints.iter().collect();
    assert_eq!(unique.len(), fingerprints.len(), "fingerprints are unique");
    fingerprints
}

#[test]
fn check_on_a_broken_plan_annotates_every_problem_as_github_documents_workflow_commands() {
    let repo = broken_with_odd_name();
    let run = repo.run(AUGUST, &["check", "--format", "github"]);
    assert_run!("broken-check-github", run);
    assert_eq!(run.code, 1, "errors fail the step");
    let commands = assert_github_annotations(&run.stdout, repo.root());
    let table = repo.run(AUGUST, &["check", "--format", "json"]).json();
    let problems = table["diagnostics"].as_array().unwrap();
    assert_eq!(commands.len(), problems.len(), "one annotation per problem");
    for (c, p) in commands.iter().zip(problems) {
        let level = if p["severity"] == "error" { "error" } else { "warning" };
        assert_eq!((c.name.as_str(), c.properties[0].1.as_str()), (level, p["path"].as_str().unwrap()));
        assert_eq!(
            c.message,
            format!("{}\nhint: {}", p["message"].as_str().unwrap(), p["hint"].as_str().unwrap())
        );
    }
    let odd = commands.iter().find(|c| c.properties[0].1.ends_with("rapat.jpg")).unwrap();
    assert_eq!(odd.properties[0].1, "evidence/1-area/1-comp/14-dua/2022-07/foto, 100%: rapat.jpg");
}

#[test]
fn check_on_a_broken_plan_writes_a_code_quality_report_as_gitlab_documents_it() {
    let repo = broken_with_odd_name();
    let run = repo.run(AUGUST, &["check", "--format", "gitlab"]);
    assert_run!("broken-check-gitlab", run);
    assert_eq!(run.code, 1);
    let fingerprints = assert_gitlab_report(&run.json(), repo.root());
    let problems =
        repo.run(AUGUST, &["check", "--format", "json"]).json()["diagnostics"].as_array().unwrap().len();
    assert_eq!(fingerprints.len(), problems);
    // The same problems keep their fingerprints in the other language.
    let id = repo.run(AUGUST, &["--lang", "id", "check", "--format", "gitlab"]);
    assert_eq!(assert_gitlab_report(&id.json(), repo.root()), fingerprints);
    assert_ne!(id.stdout, run.stdout, "the descriptions are in Indonesian");
    // A line added above a problem moves it, and it keeps its fingerprint.
    let report = run.json();
    let moved = report.as_array().unwrap().iter().find(|i| {
        i["location"]["lines"]["begin"].as_u64() > Some(1)
            && i["location"]["path"].as_str().unwrap().ends_with(".toml")
    });
    let path = moved.expect("a problem at a line of a plan file")["location"]["path"].as_str().unwrap();
    let text = std::fs::read_to_string(repo.root().join(path)).unwrap();
    repo.write(path, format!("# catatan\n{text}"));
    let again = repo.run(AUGUST, &["check", "--format", "gitlab"]);
    let mut before = fingerprints.clone();
    let mut after = assert_gitlab_report(&again.json(), repo.root());
    before.sort();
    after.sort();
    assert_eq!(after, before);
    assert_ne!(again.stdout, run.stdout, "the lines moved");
}

#[test]
fn overdue_periods_are_warnings_soon_due_notices_and_invalid_indicators_errors() {
    let repo = broken_with_odd_name();
    let github = repo.run(AUGUST, &["overdue", "--format", "github", "--within", "200"]);
    assert_run!("broken-overdue-github", github);
    let commands = assert_github_annotations(&github.stdout, repo.root());
    let names: BTreeSet<&str> = commands.iter().map(|c| c.name.as_str()).collect();
    assert_eq!(names, BTreeSet::from(["error", "warning", "notice"]));
    let gitlab = repo.run(AUGUST, &["overdue", "--format", "gitlab", "--within", "200"]);
    assert_run!("broken-overdue-gitlab", gitlab);
    assert_eq!((github.code, gitlab.code), (1, 1));
    let report = gitlab.json();
    assert_eq!(assert_gitlab_report(&report, repo.root()).len(), commands.len());
    let severities: BTreeSet<&str> =
        report.as_array().unwrap().iter().map(|i| i["severity"].as_str().unwrap()).collect();
    assert_eq!(severities, BTreeSet::from(["info", "major", "minor"]));
}

#[test]
fn paths_are_relative_to_the_top_of_the_repository_when_the_plan_is_in_a_subfolder() {
    let repo = small_below("units/balai");
    repo.write("plan/1-manajemen-perubahan/1-tim-kerja/3-rusak.toml", "indicator = \"Rusak\"\nactions = [\n");
    let top = repo.root().parent().unwrap().parent().unwrap().to_path_buf();
    crate::harness::git(&top, &["init", "-q"], &crate::harness::path_with_zi(), AUGUST);
    let github = repo.run(AUGUST, &["check", "--format", "github"]);
    let commands = assert_github_annotations(&github.stdout, &top);
    let files: Vec<&str> = commands.iter().map(|c| c.properties[0].1.as_str()).collect();
    assert_eq!(files, ["units/balai/plan/1-manajemen-perubahan/1-tim-kerja/3-rusak.toml"]);
    let gitlab = repo.run(AUGUST, &["check", "--format", "gitlab"]).json();
    assert_gitlab_report(&gitlab, &top);
    assert_eq!(gitlab[0]["location"]["path"], files[0]);
    let overdue = repo.run(AUGUST, &["overdue", "--format", "github"]);
    for c in assert_github_annotations(&overdue.stdout, &top) {
        assert!(c.properties[0].1.starts_with("units/balai/plan/"), "{c:?}");
    }
}

#[test]
fn a_plan_without_problems_gets_no_annotation_and_an_empty_report() {
    let repo = crate::fixture::good();
    let github = repo.run(AUGUST, &["check", "--format", "github"]);
    assert_eq!((github.code, github.stdout.as_str(), github.stderr.as_str()), (0, "", ""));
    let gitlab = repo.run(AUGUST, &["check", "--format", "gitlab"]);
    assert_eq!((gitlab.code, gitlab.json()), (0, serde_json::json!([])));
    let status = repo.run(AUGUST, &["status", "--format", "github"]);
    assert_eq!(status.code, 2, "status has no annotations: {}", status.stderr);
}

#[test]
fn at_a_workspace_root_every_units_findings_make_one_report_with_paths_from_the_root() {
    let ws = crate::workspace::workspace();
    let github = ws.run(crate::fixture::AS_OF, &["--lang", "en", "check", "--format", "github"]);
    assert_run!("workspace-check-github", github);
    assert_eq!(github.code, 1);
    let commands = assert_github_annotations(&github.stdout, ws.root());
    let units: BTreeSet<&str> =
        commands.iter().map(|c| c.properties[0].1.split('/').take(2).last().unwrap()).collect();
    let root_and_units = ["zi.toml", "balit-kopi", "balit-sawit", "catatan", "tanpa-plan", "toml-rusak"];
    assert_eq!(units, BTreeSet::from(root_and_units), "the root's zi.toml, then every unit with problems");
    let gitlab = ws.run(crate::fixture::AS_OF, &["--lang", "en", "check", "--format", "gitlab"]);
    assert_eq!(gitlab.code, 1);
    assert_eq!(
        assert_gitlab_report(&gitlab.json(), ws.root()).len(),
        commands.len(),
        "one array for all units"
    );
    let overdue = ws.run(crate::fixture::AS_OF, &["--lang", "en", "overdue", "--format", "gitlab"]);
    let report = overdue.json();
    assert_gitlab_report(&report, ws.root());
    assert!(report.as_array().unwrap().iter().any(|i| i["check_name"] == "overdue"), "{report}");
}

/// `zi overdue` at a root fails on a folder that is no unit and on a unit's
/// errors: each has its annotation, so a failing job says why.
#[test]
fn every_error_that_fails_overdue_at_a_workspace_root_is_annotated() {
    let ws = crate::workspace::workspace();
    let github = ws.run(crate::fixture::AS_OF, &["--lang", "en", "overdue", "--format", "github"]);
    assert_eq!(github.code, 1);
    let commands = assert_github_annotations(&github.stdout, ws.root());
    let failing: BTreeSet<&str> = commands
        .iter()
        .filter(|c| c.name == "error")
        .map(|c| c.properties[0].1.split('/').take(2).last().unwrap())
        .collect();
    assert_eq!(failing, BTreeSet::from(["balit-sawit", "catatan", "tanpa-plan", "toml-rusak"]));
    let gitlab = ws.run(crate::fixture::AS_OF, &["--lang", "en", "overdue", "--format", "gitlab"]);
    let checks: BTreeSet<String> =
        gitlab.json().as_array().unwrap().iter().map(|i| i["check_name"].to_string()).collect();
    assert!(checks.contains("\"not-a-unit\"") && checks.contains("\"no-plan\""), "{checks:?}");
}

/// GitHub shows 10 annotations of each kind per step: past that, a first
/// notice says how many there are and that the log has every one.
#[test]
fn past_githubs_ten_annotations_of_a_kind_a_first_notice_counts_them() {
    let repo = Repo::new();
    repo.write("plan/1-area/area.toml", "name = \"Area\"\n");
    repo.write("plan/1-area/1-comp/component.toml", "name = \"Komponen\"\n");
    let eleven = |repo: &Repo, n: usize| {
        for i in 1..=n {
            let text = format!("indicator = \"Laporan {i}\"\nactions = [\"A\"]\nevidence = [\"Laporan\"]\ndue = \"Januari 2022\"\ncatatan = \"x\"\n");
            repo.write(&format!("plan/1-area/1-comp/{i}-laporan.toml"), text);
        }
    };
    eleven(&repo, 10);
    let ten = repo.run(AUGUST, &["check", "--format", "github"]);
    let commands = assert_github_annotations(&ten.stdout, repo.root());
    assert_eq!(commands.len(), 10, "{}", ten.stdout);
    assert!(ten.stdout.starts_with("::error file="), "ten of a kind: no count");
    eleven(&repo, 11);
    let run = repo.run(AUGUST, &["check", "--format", "github"]);
    let commands = assert_github_annotations(&run.stdout, repo.root());
    assert_eq!(commands.len(), 11, "the count, then every annotation: {}", run.stdout);
    assert_eq!(
        run.stdout.lines().next().unwrap(),
        "::notice title=zi::zi found 11 errors, 0 warnings and 0 notices; GitHub shows at most 10 annotations of each kind per step, so some are only in this step's log (every one is there)"
    );
    let id = repo.run(AUGUST, &["--lang", "id", "check", "--format", "github"]);
    assert!(id
        .stdout
        .lines()
        .next()
        .unwrap()
        .starts_with("::notice title=zi::zi menemukan 11 kesalahan, 0 peringatan"));
}

/// GitLab's widget shows the decoded description: control characters from
/// plan text are escaped as a terminal gets them.
#[test]
fn gitlab_descriptions_carry_no_control_character_from_the_plan() {
    let repo = Repo::new();
    repo.write("plan/1-area/area.toml", "name = \"Area\"\n");
    repo.write("plan/1-area/1-comp/component.toml", "name = \"Komponen\"\n");
    repo.write(
        "plan/1-area/1-comp/1-sk.toml",
        indicator("SK \\u001b[31mmerah\\u0007", "[\"SK\"]", "Januari 2022"),
    );
    let run = repo.run(AUGUST, &["--lang", "en", "overdue", "--format", "gitlab"]);
    let report = run.json();
    assert_gitlab_report(&report, repo.root());
    let description = report[0]["description"].as_str().unwrap();
    assert!(!description.chars().any(char::is_control), "{description:?}");
    assert_eq!(
        description,
        "I.1.1 overdue (January 2022): SK \\x1b[31mmerah\\x07 · missing: SK · 196 days late"
    );
}
