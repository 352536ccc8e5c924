//! JSON is data: `--lang id` and `--lang en` give the same document except
//! for the words, which live only in fields named `*_label`, `message` and
//! `hint`.

use serde_json::Value;

use crate::fixture::{self, AS_OF};
use crate::harness::Repo;

/// `value` with every word-carrying field blanked.
fn without_words(value: &Value) -> Value {
    match value {
        Value::Object(map) => Value::Object(
            map.iter()
                .map(|(key, v)| {
                    let words = key.ends_with("_label") || key == "message" || key == "hint";
                    (key.clone(), if words { Value::Null } else { without_words(v) })
                })
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_words).collect()),
        other => other.clone(),
    }
}

/// Every JSON report of `repo` in both languages, compared without words.
pub(crate) fn same_but_for_the_words(repo: &Repo, commands: &[&[&str]]) {
    for args in commands {
        let run = |lang: &str| {
            let mut all = vec!["--lang", lang];
            all.extend_from_slice(args);
            all.extend_from_slice(&["--format", "json"]);
            repo.run(AS_OF, &all).json()
        };
        let (id, en) = (run("id"), run("en"));
        assert_ne!(id, en, "zi {args:?}: the words should differ, or this compares nothing");
        assert_eq!(without_words(&id), without_words(&en), "zi {args:?}");
    }
}

#[test]
fn json_differs_between_languages_only_in_labels_messages_and_hints() {
    let reports: &[&[&str]] =
        &[&["status"], &["overdue", "--within", "60"], &["check"], &["show", "III.3.4"]];
    same_but_for_the_words(&Repo::shipped(), reports);
    let broken: &[&[&str]] = &[&["status"], &["overdue"], &["check"], &["show", "I.1.2"]];
    same_but_for_the_words(&fixture::broken(), broken);
}

/// An indicator whose plan lists no documents needs one unnamed document:
/// it is `null` in JSON, in both languages, never a translated placeholder.
#[test]
fn the_unnamed_document_of_an_indicator_without_evidence_is_null_in_both_languages() {
    let repo = Repo::new();
    repo.indicator("1-a", "[]", "Juli 2022");
    repo.indicator("2-b", "[\"Laporan\"]", "Juli 2022");
    same_but_for_the_words(&repo, &[&["status"], &["overdue"], &["show", "I.1.1"]]);
    let status = repo.run(AS_OF, &["status", "--format", "json"]).json();
    let a = &status["areas"][0]["components"][0]["indicators"][0];
    assert_eq!(a["periods"][0]["missing"], serde_json::json!([null]));
}
