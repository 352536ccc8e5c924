//! The README's "Start your own plan", run as written: each `text` block
//! of that section is a session in a fresh temporary folder that holds a
//! copy of `examples/` (as the repository's folder does), its `$ zi …`,
//! `$ cd DIR` and `$ mkdir DIR` lines run one after the other, and what zi
//! prints (standard output, then standard error; `…` for any lines) must
//! be what the README shows. The console examples of `tests/zi/readme.rs`
//! each run on their own in the shipped plan; these write files, and each
//! command needs the ones before it.

use std::path::{Path, PathBuf};

use crate::harness::Zi;
use crate::readme::{matches, words};

/// A session: its place in the README and its lines.
struct Session {
    line: usize,
    lines: Vec<String>,
}

fn sessions() -> Vec<Session> {
    let readme = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md")).unwrap();
    let mut found = Vec::new();
    let mut in_section = false;
    let mut block: Option<Session> = None;
    for (n, line) in readme.lines().enumerate() {
        if line.starts_with("## ") {
            in_section = line == "## Start your own plan";
        }
        if !in_section {
            continue;
        }
        match (&mut block, line) {
            (None, "```text") => block = Some(Session { line: n + 1, lines: Vec::new() }),
            (Some(_), "```") => found.extend(block.take()),
            (Some(session), line) => session.lines.push(line.to_string()),
            (None, _) => {}
        }
    }
    found
}

fn copy_examples(to: &Path) {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    std::fs::create_dir_all(to.join("examples")).unwrap();
    std::fs::copy(examples.join("rkt-contoh.xlsx"), to.join("examples/rkt-contoh.xlsx")).unwrap();
}

#[test]
fn the_readme_sessions_that_start_a_plan_print_what_they_show() {
    let sessions = sessions();
    assert_eq!(sessions.len(), 2, "the section lost a session");
    let mut wrong = Vec::new();
    for session in sessions {
        let top = tempfile::tempdir().unwrap();
        copy_examples(top.path());
        let mut cwd: PathBuf = top.path().to_path_buf();
        let mut current: Option<(usize, Vec<String>, Vec<String>)> = None;
        let mut commands = Vec::new();
        for (i, line) in session.lines.iter().enumerate() {
            match line.strip_prefix("$ ") {
                Some(command) => {
                    commands.extend(current.replace((session.line + 1 + i, words(command), Vec::new())))
                }
                None => current.as_mut().expect("output before a command").2.push(line.clone()),
            }
        }
        commands.extend(current);
        for (line, args, expected) in commands {
            match args.first().map(String::as_str) {
                Some("cd") => cwd = cwd.join(&args[1]),
                Some("mkdir") => std::fs::create_dir(cwd.join(&args[1])).unwrap(),
                Some("zi") => {
                    let rest: Vec<&str> = args[1..].iter().map(String::as_str).collect();
                    let run = Zi::new(&cwd, "2023-01-15", &rest).run();
                    let printed = format!("{}{}", run.stdout, run.stderr);
                    let lines: Vec<&str> = printed.lines().collect();
                    if !matches(&expected, &lines) {
                        wrong.push(format!("README.md:{line}: `{}` prints:\n{printed}", args.join(" ")));
                    }
                }
                other => panic!("README.md:{line}: a session runs zi, cd and mkdir only, not {other:?}"),
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}
