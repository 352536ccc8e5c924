//! The safety net: today's exact bytes of every report command, in every
//! format and both languages, on the shipped plan and on the realistic
//! fixture, and of `check`, `diff`, `fmt --check` and the errors that stop
//! a run. A change to any of them shows as a snapshot diff to read.
//!
//! Update with `INSTA_UPDATE=always cargo test --test zi` and read
//! `git diff tests/zi/snapshots/`; under `CI=true` insta writes nothing
//! and a difference fails.

use crate::fixture::{self, AS_OF, MONEV, MONEV_PATH};
use crate::harness::Repo;

const LANGS: [&str; 2] = ["id", "en"];
const REPORT_FORMATS: [&str; 4] = ["table", "json", "csv", "markdown"];

/// `zi --lang L <command> --format F` for each language and format, as
/// `<plan>-<slug>-<format>-<lang>`; an empty format is the default one.
fn each_language_and_format(repo: &Repo, plan: &str, slug: &str, command: &[&str], formats: &[&str]) {
    for lang in LANGS {
        for format in formats {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            if !format.is_empty() {
                args.extend(["--format", format]);
            }
            let run = repo.run(AS_OF, &args);
            let format = if format.is_empty() { "html" } else { format };
            assert_run!(format!("{plan}-{slug}-{format}-{lang}"), run);
        }
    }
}

/// Every report command on `repo`; `status` of the component `component`
/// (one the plan has), `show` of each of `ids`.
fn every_report(repo: &Repo, plan: &str, component: &str, ids: &[&str]) {
    each_language_and_format(repo, plan, "status", &["status"], &REPORT_FORMATS);
    each_language_and_format(repo, plan, "status-III", &["status", "III"], &REPORT_FORMATS);
    each_language_and_format(
        repo,
        plan,
        &format!("status-{component}"),
        &["status", component],
        &REPORT_FORMATS,
    );
    each_language_and_format(repo, plan, "overdue", &["overdue"], &REPORT_FORMATS);
    each_language_and_format(
        repo,
        plan,
        "overdue-within-30",
        &["overdue", "--within", "30"],
        &REPORT_FORMATS,
    );
    each_language_and_format(repo, plan, "check", &["check"], &["text", "json"]);
    for id in ids {
        each_language_and_format(repo, plan, &format!("show-{id}"), &["show", id], &REPORT_FORMATS);
    }
    each_language_and_format(repo, plan, "report", &["report"], &[""]);
}

#[test]
fn the_shipped_plan_in_every_command_format_and_language() {
    every_report(&Repo::shipped(), "shipped", "III.3", &["III.3.4", "I.4.4", "IV.2.7"]);
}

#[test]
fn the_realistic_plan_in_every_command_format_and_language() {
    every_report(&fixture::realistic(), "realistic", "III.2", &["I.2.1", "IV.2.1", "III.2.2"]);
}

#[test]
fn an_indicator_with_no_evidence_listed() {
    let repo = Repo::new();
    repo.indicator("1-a", "[]", "Juli 2022");
    repo.indicator("2-b", "[\"Laporan\"]", "Juli 2022");
    repo.file("evidence/1-area/1-comp/1-a/2022-07/apa saja.pdf");
    each_language_and_format(&repo, "no-evidence", "status", &["status"], &["json"]);
}

#[test]
fn check_on_a_broken_plan() {
    let repo = fixture::broken();
    each_language_and_format(&repo, "broken", "check", &["check"], &["text", "json", "csv", "markdown"]);
    // Every other command still reports the readable rest.
    each_language_and_format(&repo, "broken", "status", &["status"], &["table"]);
    each_language_and_format(&repo, "broken", "overdue", &["overdue"], &["table"]);
}

#[test]
fn diff_of_two_commits() {
    let repo = fixture::small_with_two_commits();
    each_language_and_format(
        &repo,
        "small",
        "diff",
        &["diff", "HEAD~1..HEAD"],
        &["table", "json", "csv", "markdown"],
    );
}

#[test]
fn fmt_check_names_a_badly_laid_out_file() {
    let repo = fixture::small();
    repo.write(MONEV_PATH, MONEV.replace("\n  ", "\n").replace(" = ", "="));
    for lang in LANGS {
        let args = ["--lang", lang, "fmt", "--check"];
        assert_run!(format!("small-fmt-check-{lang}"), repo.run(AS_OF, &args));
    }
}

#[test]
fn usage_errors_in_both_languages() {
    let repo = fixture::small();
    let cases: [(&str, &[&str]); 10] = [
        ("unknown-command", &["frobnicate"]),
        ("typo-command", &["statsu"]),
        ("typo-flag", &["status", "--formt", "csv"]),
        ("missing-value", &["overdue", "--within"]),
        ("negative-value", &["show", "-3"]),
        ("flag-without-command", &["--format", "json"]),
        ("bad-format", &["status", "--format", "nope"]),
        ("bad-as-of", &["status", "--as-of", "31-01-2022"]),
        ("unknown-id", &["status", "IX.9"]),
        ("ambiguous-id", &["show", "I.1"]),
    ];
    for lang in LANGS {
        for (slug, command) in cases {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            assert_run!(format!("usage-{slug}-{lang}"), repo.run(AS_OF, &args));
        }
        let args = ["--lang", lang, "status"];
        assert_run!(format!("usage-bad-zi-today-{lang}"), repo.run("kemarin", &args));
    }
}

/// `--help` of every command, in both languages: every word from the catalogue.
#[test]
fn help_in_both_languages() {
    let repo = fixture::small();
    let commands: [&[&str]; 11] = [
        &[],
        &["status"],
        &["overdue"],
        &["check"],
        &["report"],
        &["show"],
        &["hook"],
        &["hook", "install"],
        &["hook", "uninstall"],
        &["fmt"],
        &["diff"],
    ];
    for lang in LANGS {
        for command in commands {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            args.push("--help");
            let slug = if command.is_empty() { "zi".to_string() } else { command.join("-") };
            assert_run!(format!("help-{slug}-{lang}"), repo.run(AS_OF, &args));
        }
    }
}

/// Without `--lang`, a refused command line speaks the language of `zi.toml`,
/// then `LANG`, like every other message.
#[test]
fn a_refused_command_line_speaks_the_language_of_the_plan() {
    let repo = fixture::small();
    repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nlang = \"id\"\n");
    assert_run!("usage-typo-lang-from-zi-toml", repo.run(AS_OF, &["statsu"]));
    assert_run!("usage-help-lang-from-zi-toml", repo.run(AS_OF, &["overdue", "-h"]));
    assert_run!("usage-typo-lang-flag-over-zi-toml", repo.run(AS_OF, &["--lang", "en", "statsu"]));
}

#[test]
fn cannot_run_without_zi_toml_in_both_languages() {
    let repo = Repo::empty();
    for lang in LANGS {
        for command in ["status", "overdue", "check", "report"] {
            let args = ["--lang", lang, command];
            assert_run!(format!("no-zi-toml-{command}-{lang}"), repo.run(AS_OF, &args));
        }
    }
}
