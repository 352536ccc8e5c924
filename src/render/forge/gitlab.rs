//! GitLab's code quality report (the `artifacts:reports:codequality` JSON,
//! a subset of Code Climate's): an array of issues, each with
//! `description`, `check_name`, `fingerprint`, `severity` (`info`,
//! `minor`, `major`, `critical` or `blocker`) and `location` (`path`, and
//! `lines.begin`, which GitLab requires: 1 for a problem with a whole file
//! or folder). The fingerprint is the SHA-256 of what identifies the
//! issue (its check, file and English message, not its line), so the same problem keeps
//! it from run to run and in every language, and GitLab can tell new
//! problems from old ones in a merge request.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use serde::Serialize;
use sha2::{Digest, Sha256};

use super::annotation::{Annotation, Level};
use crate::render::escape::escape;

#[derive(Serialize)]
struct Issue<'a> {
    description: String,
    check_name: &'a str,
    fingerprint: String,
    severity: &'static str,
    location: Location<'a>,
}

#[derive(Serialize)]
struct Location<'a> {
    path: &'a str,
    lines: Lines,
}

#[derive(Serialize)]
struct Lines {
    begin: u32,
}

pub(super) fn write(annotations: &[Annotation], out: &mut dyn Write) -> Result<()> {
    // The same problem twice in one file (at two lines) is two issues: the
    // second and later ones count their place among the same.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let issues: Vec<Issue> = annotations
        .iter()
        .map(|a| {
            let n = seen.entry(a.identity.as_str()).or_default();
            *n += 1;
            (a, *n)
        })
        .map(|(a, n)| Issue {
            // What the merge request's widget shows, escaped as the
            // terminal's text is: no control character reaches the page.
            description: format!(
                "{}: {}",
                escape(&a.title),
                a.message.split('\n').map(|l| escape(l).into_owned()).collect::<Vec<_>>().join(" · ")
            ),
            check_name: a.check,
            fingerprint: fingerprint(&if n == 1 {
                a.identity.clone()
            } else {
                format!("{}\0{n}", a.identity)
            }),
            severity: match a.level {
                Level::Error => "major",
                Level::Warning => "minor",
                Level::Notice => "info",
            },
            location: Location { path: &a.path, lines: Lines { begin: a.line.unwrap_or(1) } },
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)?;
    Ok(())
}

fn fingerprint(identity: &str) -> String {
    Sha256::digest(identity.as_bytes()).iter().map(|b| format!("{b:02x}")).collect()
}
