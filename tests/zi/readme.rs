//! The examples of `README.md` and `docs/*.md`, run as written.
//!
//! A ```` ```console ```` block holds `$ zi …` lines, each followed by what
//! zi prints (standard output, then standard error). Each command runs in
//! a copy of the shipped plan (`zi.toml`, `plan/`, `evidence/`, `seeds/`),
//! piped, with `LANG=C` and `NO_COLOR=1`. A line that is just `…` stands
//! for any number of lines. A command whose output depends on the date must
//! say the date itself (`--as-of 2022-08-15`): each runs on two different
//! days, and must print the same on both, so the example reads the same
//! on the reader's machine. Other blocks (`sh`, `text`, `toml`) are not run.

use std::path::Path;

use crate::harness::Repo;

/// One `$ zi …` line of a console block and the output written under it.
struct Example {
    place: String,
    args: Vec<String>,
    expected: Vec<String>,
}

fn examples(file: &Path) -> Vec<Example> {
    let text = std::fs::read_to_string(file).expect("read the document");
    let name = file.file_name().unwrap().to_string_lossy().into_owned();
    let mut found: Vec<Example> = Vec::new();
    let mut in_console = false;
    for (n, line) in text.lines().enumerate() {
        let place = format!("{name}:{}", n + 1);
        if line.starts_with("```") {
            in_console = line == "```console";
            continue;
        }
        if !in_console {
            continue;
        }
        if let Some(command) = line.strip_prefix("$ ") {
            let args = words(command);
            assert_eq!(args.first().map(String::as_str), Some("zi"), "{place}: a console block runs zi only");
            found.push(Example { place, args: args[1..].to_vec(), expected: Vec::new() });
        } else {
            let example =
                found.last_mut().unwrap_or_else(|| panic!("{place}: output before any `$ zi` line"));
            example.expected.push(line.to_string());
        }
    }
    found
}

/// A command line split as a shell would split a simple one: spaces, and
/// single or double quotes around words that hold spaces.
pub fn words(line: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote = None;
    for c in line.chars() {
        match (quote, c) {
            (None, '\'' | '"') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (Some(q), c) if c == q => quote = None,
            (None, ' ') => words.extend(word.take()),
            (_, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    words.extend(word);
    words
}

/// Whether `actual` is `expected`, where a `…` line of `expected` stands
/// for any number of lines.
pub fn matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "…" => {
            (0..=actual.len()).any(|skip| matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual.first() == Some(&first.as_str()) && matches(rest, &actual[1..]),
    }
}

/// The documents whose console blocks are run.
fn documents() -> Vec<std::path::PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut docs = vec![root.join("README.md")];
    let mut more: Vec<_> = std::fs::read_dir(root.join("docs"))
        .expect("docs/")
        .map(|e| e.expect("docs entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    more.sort();
    docs.extend(more);
    docs
}

#[test]
fn every_console_example_in_the_docs_prints_what_it_shows() {
    let repo = Repo::shipped();
    let mut wrong = Vec::new();
    let mut count = 0;
    for doc in documents() {
        for example in examples(&doc) {
            count += 1;
            let args: Vec<&str> = example.args.iter().map(String::as_str).collect();
            let run = repo.run("2022-08-15", &args);
            let printed = format!("{}{}", run.stdout, run.stderr);
            let lines: Vec<&str> = printed.lines().collect();
            if !matches(&example.expected, &lines) {
                wrong.push(format!(
                    "{}: `zi {}` prints:\n{printed}\nnot what the document shows:\n{}\n",
                    example.place,
                    example.args.join(" "),
                    example.expected.join("\n")
                ));
            }
            let later = repo.run("2031-01-01", &args);
            if (later.stdout.as_str(), later.stderr.as_str()) != (run.stdout.as_str(), run.stderr.as_str()) {
                wrong.push(format!(
                    "{}: `zi {}` prints differently on another day: write the date with --as-of",
                    example.place,
                    example.args.join(" ")
                ));
            }
        }
    }
    assert!(count >= 5, "the README lost its examples ({count} found)");
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn an_elision_stands_for_any_lines_and_only_there() {
    let lines = |text: &str| text.lines().map(String::from).collect::<Vec<_>>();
    assert!(matches(&lines("a\n…\nd"), &["a", "b", "c", "d"]));
    assert!(matches(&lines("a\n…\nd"), &["a", "d"]));
    assert!(!matches(&lines("a\n…\nd"), &["a", "b", "c"]));
    assert!(!matches(&lines("a\nb"), &["a", "b", "c"]));
    assert_eq!(words(r#"zi status "III 2" --lang 'en'"#), ["zi", "status", "III 2", "--lang", "en"]);
}
