//! The fast path against `toml_edit`: whatever the fast path reads, it reads
//! as `toml_edit` does (values, kinds, key and value spans, order); what it
//! leaves to `toml_edit` it must leave whenever `toml_edit` refuses.

use proptest::prelude::*;

use super::*;

/// Fails when the fast path reads `text` and `toml_edit` reads it otherwise
/// or not at all. Says whether the fast path read it.
fn agree(text: &str) -> Result<bool, TestCaseError> {
    let Some(fast) = parse_fast(text) else { return Ok(false) };
    let doc = toml_edit::Document::parse(text);
    prop_assert!(doc.is_ok(), "the fast path read what toml_edit refuses: {text:?}");
    prop_assert_eq!(&fast, &from_document(&doc.unwrap()), "{:?}", text);
    Ok(true)
}

/// Every `.toml` file of the shipped plan, with its text.
fn shipped() -> Vec<(String, String)> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = vec![("zi.toml".to_string(), std::fs::read_to_string(root.join("zi.toml")).unwrap())];
    let mut folders = vec![root.join("plan")];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else if path.extension().is_some_and(|e| e == "toml") {
                let name = path.strip_prefix(root).unwrap().to_string_lossy().into_owned();
                files.push((name, std::fs::read_to_string(&path).unwrap()));
            }
        }
    }
    files.sort();
    files
}

#[test]
fn the_fast_path_reads_every_shipped_file_as_toml_edit_does() {
    let files = shipped();
    assert!(files.len() > 100, "{}", files.len());
    for (name, text) in files {
        assert!(agree(&text).unwrap(), "{name}");
    }
}

#[test]
fn spans_are_those_of_the_value_as_written() {
    let text = "a = \"x\"  # c\nb = [\n  'y', # c\n  { n = \"z\", f = [\"*\"] },\n]\nc = 0\nd = true\n";
    let table = parse_fast(text).unwrap();
    let span = |key: &str| table.get(key).unwrap().span().map(|s| &text[s]);
    assert_eq!(span("a"), Some("\"x\""));
    assert_eq!(span("c"), Some("0"));
    assert_eq!(span("d"), Some("true"));
    let b = table.get("b").unwrap().as_array().unwrap();
    assert_eq!(b[0].span().map(|s| &text[s]), Some("'y'"));
    assert_eq!(b[1].span().map(|s| &text[s]), Some("{ n = \"z\", f = [\"*\"] }"));
    assert!(agree(text).unwrap());
}

#[test]
fn the_other_quote_and_a_backslash_in_a_literal_string_are_text() {
    let text = "a = \"it's\"\nb = 'C:\\x \"y\"'\nc = \"\tz\"\n";
    let table = parse_fast(text).unwrap();
    let strings: Vec<_> = ["a", "b", "c"].iter().map(|k| table.get(k).unwrap().as_str().unwrap()).collect();
    assert_eq!(strings, ["it's", "C:\\x \"y\"", "\tz"]);
    assert!(agree(text).unwrap());
}

#[test]
fn what_the_fast_path_does_not_read_is_left_to_toml_edit() {
    let valid = [
        "a = \"\\u00e9\"",
        "a = \"\"\"x\"\"\"",
        "a = '''x'''",
        "a = 1.5",
        "a = -1",
        "a = 1_000",
        "a = 2022-07-01",
        "a.b = 1",
        "\"a\" = 1",
        "[a]\nb = 1",
        "[[a]]\nb = 1",
        "a = { b = 1, }",
        "a = {\nb = 1 }",
        "a = [[[[1]]]]",
        "a = inf",
        "\u{feff}a = 1",
    ];
    for text in valid {
        assert!(!agree(text).unwrap(), "{text:?}");
        assert!(toml_edit::Document::parse(text).is_ok(), "{text:?}");
    }
    let invalid = [
        "a = 1\na = 2",
        "a = { b = 1, b = 2 }",
        "a = \"x",
        "a = \"x\ny\"",
        "a = 01",
        "a = 1 b = 2",
        "a = [1 2]",
        "a = [,]",
        "a = { b = 1 c = 2 }",
        "a = \"\u{7f}\"",
        "# \u{1}",
        "a = 1\r",
        "= 1",
        "a =",
        "a = truex",
    ];
    for text in invalid {
        assert!(!agree(text).unwrap(), "{text:?}");
        assert!(toml_edit::Document::parse(text).is_err(), "{text:?}");
    }
}

/// The bytes mutations draw from: every one the fast path decides on.
const EDGES: &[&str] = &[
    "\"", "'", "\\", "\n", "\r", "\r\n", "\t", " ", "#", ",", "[", "]", "{", "}", "=", ".", "0", "1", "-",
    "+", "_", "e", "t", "true", "false", "\u{7f}", "\u{1}", "é", "\u{feff}", "\"\"", "''", "a",
];

/// `text` with a few bytes inserted, removed or replaced (at character
/// boundaries, so that it stays text).
fn mutated(text: String, edits: Vec<(usize, u8, &'static str)>) -> String {
    let mut text = text;
    for (at, op, edge) in edits {
        let mut at = at % (text.len() + 1);
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        let end = text[at..].chars().next().map_or(at, |c| at + c.len_utf8());
        match op % 3 {
            0 => text.insert_str(at, edge),
            1 => text.replace_range(at..end, ""),
            _ => text.replace_range(at..end, edge),
        }
    }
    text
}

fn edits() -> impl Strategy<Value = Vec<(usize, u8, &'static str)>> {
    prop::collection::vec((any::<usize>(), any::<u8>(), prop::sample::select(EDGES)), 1..4)
}

/// Lines in the plan file's shape, and near it.
fn plan_text() -> impl Strategy<Value = String> {
    let scalar = prop_oneof![
        "[a-zA-Z é,.()-]{0,12}".prop_map(|s| format!("\"{s}\"")),
        "[a-z ]{0,6}".prop_map(|s| format!("'{s}'")),
        "(0|[1-9][0-9]{0,3})",
        prop::sample::select(vec!["true", "false", "\"\"", "\"a\\\"b\"", "1.0", "-1", "2022-07-01"])
            .prop_map(str::to_string),
    ];
    let value = scalar.prop_recursive(2, 12, 4, |inner| {
        prop_oneof![
            (
                prop::collection::vec(inner.clone(), 0..4),
                prop::sample::select(vec![", ", ",\n  ", " ,", ", # c\n"]),
                any::<bool>()
            )
                .prop_map(|(v, sep, trailing)| {
                    let comma = if trailing && !v.is_empty() { "," } else { "" };
                    format!("[{}{comma}]", v.join(sep))
                }),
            prop::collection::vec((prop::sample::select(vec!["name", "file", "x-1", "name"]), inner), 0..3)
                .prop_map(|kv| {
                    let pairs: Vec<String> = kv.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                    format!("{{ {} }}", pairs.join(", "))
                }),
        ]
    });
    let key = prop::sample::select(vec![
        "indicator",
        "actions",
        "evidence",
        "due",
        "pic",
        "lke",
        "a_b",
        "1",
        "due",
    ]);
    let line = prop_oneof![
        6 => (key, prop::sample::select(vec![" = ", "=", " =\t"]), value, prop::sample::select(vec!["", "  # note", "\t"]))
            .prop_map(|(k, eq, v, tail)| format!("{k}{eq}{v}{tail}")),
        1 => prop::sample::select(vec!["", "# comment", "  ", "[x]", "\t# é"]).prop_map(str::to_string),
    ];
    (prop::collection::vec(line, 0..8), prop::sample::select(vec!["\n", "\r\n"]))
        .prop_map(|(lines, end)| lines.join(end))
}

proptest! {
    #[test]
    fn plan_shaped_text_is_read_as_toml_edit_reads_it(text in plan_text()) {
        agree(&text)?;
    }

    #[test]
    fn mutated_shipped_files_are_read_as_toml_edit_reads_them(
        index in any::<prop::sample::Index>(),
        edits in edits(),
    ) {
        let files = shipped();
        let (_, text) = &files[index.index(files.len())];
        agree(&mutated(text.clone(), edits))?;
    }

    #[test]
    fn mutated_plan_shaped_text_is_read_as_toml_edit_reads_it(text in plan_text(), edits in edits()) {
        agree(&mutated(text, edits))?;
    }

    #[test]
    fn any_text_is_read_as_toml_edit_reads_it(text in "\\PC{0,64}") {
        agree(&text)?;
    }
}

proptest! {
    #[test]
    fn whole_words_are_skipped_only_before_the_first_byte_that_may_stop(
        bytes in proptest::collection::vec(any::<u8>(), 0..40),
        basic in any::<bool>(),
    ) {
        let (quote, stops) = if basic { (b'"', &fast::BASIC_STOPS) } else { (b'\'', &fast::LITERAL_STOPS) };
        let first_stop = bytes.iter().position(|&b| stops[usize::from(b)]).unwrap_or(bytes.len());
        let skipped = fast::plain_words(&bytes, 0, quote);
        prop_assert!(skipped <= first_stop);
        prop_assert_eq!(skipped % 8, 0);
        let word_may_stop = |at: usize| bytes[at..at + 8].iter().any(|&b| b >= 0x80 || b == b'\t' || b == b'\\');
        prop_assert!(first_stop - skipped < 8 || skipped + 8 > bytes.len() || word_may_stop(skipped));
    }
}
