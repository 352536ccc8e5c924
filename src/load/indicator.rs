//! Reading one indicator file: its text, actions, evidence documents and
//! target time. Validation collects every problem in the file instead of
//! stopping at the first, and keeps whatever could be read.

use std::ops::Range;

use crate::load::source::{missing_key, string_at, unknown_key, unknown_keys, wrong_type, Source};
use crate::load::toml_tree::{Entry, Node, Span, Value};
use crate::model::due::{self, Due};
use crate::model::plan::{EvidenceItem, Indicator, LkeRef};
use crate::problem::{Expected, GlobProblem, Kind, Problem};

/// The keys of an indicator file, in canonical order.
pub(crate) const KEYS: [&str; 6] = ["indicator", "actions", "evidence", "due", "pic", "lke"];
pub(crate) const ITEM_KEYS: [&str; 2] = ["name", "file"];

/// Reads an indicator from its source. Problems go to `out`; the result
/// holds everything that could be read.
pub(crate) fn parse(source: &Source, plan_year: i32, out: &mut Vec<Problem>) -> Option<Indicator> {
    let table = source.parse().map_err(|d| out.push(d)).ok()?;
    let table = &table;
    unknown_keys(source, table, &KEYS, out);
    let mut indicator = Indicator::default();

    match string_at(source, table, "indicator") {
        Ok(Some((text, span))) => {
            indicator.text = text.trim().to_string();
            if indicator.text.is_empty() {
                out.push(empty_text(source, "indicator", span));
            }
        }
        Ok(None) => out.push(missing_key(source, "indicator", "indicator = \"…\"")),
        Err(d) => out.push(d),
    }

    match table.get("actions") {
        None => out.push(missing_key(source, "actions", "actions = [\"…\"]")),
        Some(item) => {
            indicator.actions = strings(source, "actions", item, out);
            if item.as_array().is_some_and(|a| a.is_empty()) {
                out.push(source.problem(Kind::NoActions, item.span()));
            }
        }
    }

    match table.get("evidence") {
        None => out.push(missing_key(source, "evidence", "evidence = [\"…\"]")),
        Some(item) => {
            indicator.evidence = evidence_items(source, item, out);
            let well_formed = item.as_array().is_some() || item.as_array_of_tables().is_some();
            if indicator.evidence.is_empty() && well_formed {
                out.push(source.problem(Kind::NoEvidence, item.span()));
            }
        }
    }

    match string_at(source, table, "due") {
        Ok(Some((text, span))) => {
            indicator.due_text = text.to_string();
            indicator.due = parse_due(source, text, span, plan_year, out);
        }
        Ok(None) => out.push(missing_key(source, "due", "due = \"Juli, Desember\"")),
        Err(d) => out.push(d),
    }

    match string_at(source, table, "pic") {
        Ok(pic) => indicator.pic = pic.map(|(s, _)| s.to_string()),
        Err(d) => out.push(d),
    }
    if let Some(item) = table.get("lke") {
        indicator.lke = lke_refs(source, item, out);
    }
    Some(indicator)
}

fn empty_text(source: &Source, key: &str, span: Span) -> Problem {
    source.problem(Kind::EmptyText { key: key.to_string() }, span)
}

fn parse_due(
    source: &Source,
    text: &str,
    span: Option<Range<usize>>,
    plan_year: i32,
    out: &mut Vec<Problem>,
) -> Option<Due> {
    if text.trim().is_empty() {
        out.push(source.problem(Kind::NoDue, span));
        return None;
    }
    match parse_due_cached(text, plan_year) {
        Ok(due) => Some(due),
        Err(error) => {
            let at = span.map(|s| string_content_span(&source.text, s, text, error.span.clone()));
            out.push(
                source
                    .problem(Kind::BadDue { text: text.to_string(), error: Box::new(error), plan_year }, at),
            );
            None
        }
    }
}

/// How many `due` texts each thread keeps read.
const DUE_CACHE: usize = 1024;

thread_local! {
    /// `due` texts already read by this thread, with the plan year they
    /// were read for: a plan writes the same few dozen targets on thousands
    /// of indicators, and reading one costs as much as a third of the file's TOML.
    static DUE_READ: std::cell::RefCell<DueCache> = std::cell::RefCell::new(DueCache::default());
}

type DueCache = rustc_hash::FxHashMap<Box<str>, (i32, Result<Due, due::DueError>)>;

/// `due::parse`, remembered (the reading depends on nothing else).
fn parse_due_cached(text: &str, plan_year: i32) -> Result<Due, due::DueError> {
    DUE_READ.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((year, read)) = cache.get(text) {
            if *year == plan_year {
                return read.clone();
            }
        }
        let read = due::parse(text, plan_year);
        if cache.len() < DUE_CACHE || cache.contains_key(text) {
            cache.insert(Box::from(text), (plan_year, read.clone()));
        }
        read
    })
}

/// Maps a span inside a string's value to a span in the file. Exact for
/// strings written without escapes; otherwise the whole value.
fn string_content_span(
    file: &str,
    value_span: Range<usize>,
    value: &str,
    inner: Range<usize>,
) -> Range<usize> {
    let raw = file.get(value_span.clone()).unwrap_or("");
    let quote = if raw.starts_with("\"\"\"") || raw.starts_with("'''") { 3 } else { 1 };
    match raw.get(quote..raw.len().saturating_sub(quote)) {
        Some(content) if content == value => {
            value_span.start + quote + inner.start..value_span.start + quote + inner.end
        }
        _ => value_span,
    }
}

/// `lke`: the ids of the LKE questions the indicator serves, each with its
/// place (they are checked against the LKE when it is known).
fn lke_refs(source: &Source, item: &Node, out: &mut Vec<Problem>) -> Vec<LkeRef> {
    let Some(array) = item.as_array() else {
        out.push(wrong_type(source, "lke", item, Expected::ArrayOfStrings));
        return Vec::new();
    };
    let mut refs = Vec::with_capacity(array.len());
    for value in array {
        match value.as_str() {
            Some(id) => refs.push(LkeRef { id: id.trim().to_string(), at: source.at(value.span()) }),
            None => out.push(wrong_element(source, "lke", value)),
        }
    }
    refs
}

/// An array of strings; problems with single elements are reported and the
/// rest kept.
fn strings(source: &Source, key: &str, item: &Node, out: &mut Vec<Problem>) -> Vec<String> {
    let Some(array) = item.as_array() else {
        out.push(wrong_type(source, key, item, Expected::ArrayOfStrings));
        return Vec::new();
    };
    let mut values = Vec::with_capacity(array.len());
    for value in array {
        match value.as_str() {
            Some(s) if !s.trim().is_empty() => values.push(s.trim().to_string()),
            Some(_) => out.push(empty_text(source, key, value.span())),
            None => out.push(wrong_element(source, key, value)),
        }
    }
    values
}

fn wrong_element(source: &Source, key: &str, value: &Node) -> Problem {
    source.problem(Kind::WrongElement { key: key.to_string(), found: value.kind() }, value.span())
}

/// `evidence`: strings, `{ name, file }` tables, or `[[evidence]]` tables.
fn evidence_items(source: &Source, item: &Node, out: &mut Vec<Problem>) -> Vec<EvidenceItem> {
    let mut items = Vec::new();
    if let Some(tables) = item.as_array_of_tables() {
        for table in tables {
            items.extend(
                table.as_table_like().and_then(|t| evidence_table(source, &t.entries, table.span(), out)),
            );
        }
        return items;
    }
    let Some(array) = item.as_array() else {
        out.push(wrong_type(source, "evidence", item, Expected::Array));
        return items;
    };
    items.reserve(array.len());
    for value in array {
        match &value.value {
            Value::String(s) if !s.trim().is_empty() => {
                items.push(EvidenceItem::new(s.trim().to_string(), None))
            }
            Value::String(_) => out.push(empty_text(source, "evidence", value.span())),
            Value::InlineTable(t) => items.extend(evidence_table(source, &t.entries, value.span(), out)),
            _ => out.push(wrong_type(source, "evidence", value, Expected::StringOrItem)),
        }
    }
    items
}

fn evidence_table(
    source: &Source,
    entries: &[Entry],
    span: Span,
    out: &mut Vec<Problem>,
) -> Option<EvidenceItem> {
    let mut name = None;
    let mut file = None;
    let mut ok = true;
    for Entry { key, key_span, node: value } in entries {
        match key.as_ref() {
            "name" => match value.as_str() {
                Some(s) if !s.trim().is_empty() => name = Some(s.trim().to_string()),
                Some(_) => {
                    out.push(empty_text(source, "name", value.span()));
                    ok = false;
                }
                None => {
                    out.push(wrong_type(source, "name", value, Expected::String));
                    ok = false;
                }
            },
            "file" => match globs(source, value, out) {
                Some(g) => file = Some(g),
                None => ok = false,
            },
            // `due = …` written below `[[evidence]]` belongs to that table in TOML.
            other if KEYS.contains(&other) && other != "evidence" => {
                let key = KEYS.iter().find(|k| **k == other).copied().unwrap_or("due");
                out.push(source.problem(Kind::KeyInEvidenceItem { key }, key_span.clone()))
            }
            other => out.push(unknown_key(source, other, key_span.clone(), &ITEM_KEYS)),
        }
    }
    if name.is_none() && ok {
        out.push(source.problem(Kind::EvidenceWithoutName, span));
    }
    Some(EvidenceItem::new(name?, file))
}

/// `file`: one glob or a list; globs name files inside the indicator's
/// folder, so separators, `..` and absolute paths are refused.
fn globs(source: &Source, item: &Node, out: &mut Vec<Problem>) -> Option<Vec<String>> {
    let values = match &item.value {
        Value::String(_) => std::slice::from_ref(item),
        Value::Array(a) if a.iter().all(|v| v.as_str().is_some()) && !a.is_empty() => a.as_slice(),
        _ => {
            out.push(wrong_type(source, "file", item, Expected::Globs));
            return None;
        }
    };
    let mut patterns = Vec::with_capacity(values.len());
    for value in values {
        let glob = value.as_str().unwrap_or_default();
        if let Some(problem) = glob_problem(glob) {
            out.push(source.problem(Kind::BadGlob { glob: glob.to_string(), problem }, value.span()));
            return None;
        }
        patterns.push(glob.to_lowercase());
    }
    Some(patterns)
}

fn glob_problem(glob: &str) -> Option<GlobProblem> {
    if glob.trim().is_empty() {
        return Some(GlobProblem::Empty);
    }
    if glob.contains('/') || glob.contains('\\') || glob.contains("..") {
        return Some(GlobProblem::LeavesName);
    }
    // A glob of words and stars is never refused: not compiled here.
    if crate::model::glob::is_plain(glob) {
        return None;
    }
    crate::model::glob::Glob::new(glob).err().map(|e| GlobProblem::Syntax(e.msg))
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::model::plan::default_pattern;

    fn read(text: &str) -> (Option<Indicator>, Vec<Problem>) {
        let source = Source { path: "plan/1-a/1-b/1-c.toml".into(), text: text.into() };
        let mut out = Vec::new();
        (parse(&source, 2022, &mut out), out)
    }

    fn codes(d: &[Problem]) -> Vec<(&str, u32, u32)> {
        d.iter()
            .map(|d| (d.code().name(), d.at.map_or(0, |at| at.line), d.at.map_or(0, |at| at.column)))
            .collect()
    }

    #[test]
    fn default_pattern_is_every_word_of_the_name_in_order() {
        assert_eq!(default_pattern("Daftar hadir"), "*daftar*hadir*");
        assert_eq!(default_pattern("SK. Tim Kerja (ZI)"), "*sk*tim*kerja*zi*");
        assert_eq!(default_pattern("..."), "*");
    }

    #[test]
    fn evidence_takes_strings_tables_and_glob_lists() {
        let (ind, diags) = read(
            "indicator = \"x\"\nactions = [\"a\"]\nevidence = [\n  \"Undangan rapat\",\n  { name = \"Notulasi rapat\", file = \"notul*\" },\n  { name = \"Foto\", file = [\"*.JPG\", \"foto*\"] },\n]\ndue = \"Juli 2022\"\n",
        );
        assert!(diags.is_empty(), "{diags:?}");
        let ind = ind.unwrap();
        let patterns: Vec<_> = ind.evidence.iter().map(|e| e.patterns.clone()).collect();
        assert_eq!(patterns, [vec!["*undangan*rapat*"], vec!["notul*"], vec!["*.jpg", "foto*"]]);
        assert!(!ind.evidence[0].explicit && ind.evidence[1].explicit);
    }

    #[test]
    fn every_problem_in_a_file_is_reported_with_its_line_and_column() {
        let (ind, diags) = read(
            "indicator = \"x\"\nactons = [\"a\"]\nevidence = [{ name = \"A\", fiel = \"a*\" }, 3]\ndue = \"Pebuari 2022\"\npic = 7\n",
        );
        assert_eq!(
            codes(&diags),
            [
                ("unknown-key", 2, 1),
                ("missing-key", 1, 1),
                ("unknown-key", 3, 27),
                ("wrong-type", 3, 42),
                ("bad-due", 4, 8),
                ("wrong-type", 5, 7),
            ]
        );
        assert!(
            matches!(diags[0].kind, Kind::UnknownKey { suggestion: Some("actions"), .. }),
            "{:?}",
            diags[0]
        );
        assert_eq!(ind.unwrap().text, "x");
    }

    #[test]
    fn globs_that_leave_the_indicator_folder_are_refused() {
        for glob in ["../*", "/etc/passwd", "a/b*", "..", "[a"] {
            let (_, diags) = read(&format!(
                "indicator = \"x\"\nactions = []\nevidence = [{{ name = \"A\", file = {glob:?} }}, \"B\"]\ndue = \"Juli 2022\"\n"
            ));
            assert!(diags.iter().any(|d| matches!(d.kind, Kind::BadGlob { .. })), "{glob}: {diags:?}");
        }
    }

    #[test]
    fn empty_due_and_empty_evidence_are_warnings_not_errors() {
        let (ind, diags) = read("indicator = \"x\"\nactions = [\"a\"]\nevidence = []\ndue = \"\"\n");
        assert_eq!(codes(&diags), [("no-evidence", 3, 12), ("no-due", 4, 7)]);
        assert!(diags.iter().all(|d| !d.is_error()));
        assert_eq!(ind.unwrap().due, None);
    }

    #[test]
    fn syntax_errors_point_at_the_broken_line() {
        let (ind, diags) = read("indicator = \"x\"\nactions = [\"a\"\n");
        assert!(ind.is_none());
        assert!(matches!(diags[0].kind, Kind::TomlSyntax { .. }));
        assert!(diags[0].at.unwrap().line >= 2);
    }

    // --- properties --------------------------------------------------------------

    use proptest::prelude::*;

    /// Loads `text` as an indicator. Whatever it holds: no panic, every
    /// problem in this file with a place inside the text, and a file without
    /// errors read into an indicator. (That every problem has words in both
    /// languages is `crate::text`'s test.)
    fn load_checked(text: &str) -> Result<(), TestCaseError> {
        let source = Source { path: "plan/1-a/1-b/1-c.toml".into(), text: text.into() };
        let mut out = Vec::new();
        let indicator = parse(&source, 2022, &mut out);
        for d in &out {
            prop_assert_eq!(&d.path, &source.path);
            if let Some(at) = &d.at {
                prop_assert!(at.line >= 1 && at.line as usize <= text.matches('\n').count() + 1, "{:?}", d);
                prop_assert!(at.column >= 1);
            }
        }
        if !out.iter().any(Problem::is_error) {
            let indicator = indicator.expect("a file without errors is read");
            let empty_reported = out.iter().any(|d| matches!(d.kind, Kind::EmptyText { .. }));
            prop_assert!(!indicator.text.is_empty() || empty_reported);
        }
        Ok(())
    }

    const KEYS_AND_TYPOS: &[&str] =
        &["indicator", "actions", "evidence", "due", "pic", "evidnce", "name", "file", "\"due\"", "a.b", "é"];

    /// Values of every TOML kind, including the awkward ones.
    fn toml_value() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            "[^\"\\\\\n]{0,12}".prop_map(|s| format!("\"{s}\"")),
            prop::sample::select(vec![
                "\"Juli, Desember 2022\"",
                "\"Setiap triwulan\"",
                "\"Pebuari 0\"",
                "\"../*\"",
                "\"[\"",
                "\"\"",
                "'C:\\x'",
                "\"\"\"multi\nline\"\"\"",
                "\"\\u00e9\\t\"",
                "1",
                "-0",
                "1e400",
                "nan",
                "true",
                "2022-07-01",
                "07:30:00",
                "[]",
                "{}",
            ])
            .prop_map(str::to_string),
        ];
        leaf.prop_recursive(3, 16, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(|v| format!("[{}]", v.join(", "))),
                prop::collection::vec((prop::sample::select(vec!["name", "file", "nam", "x"]), inner), 0..3)
                    .prop_map(|kv| {
                        let pairs: Vec<String> = kv.iter().map(|(k, v)| format!("{k} = {v}")).collect();
                        format!("{{ {} }}", pairs.join(", "))
                    }),
            ]
        })
    }

    /// Text shaped like an indicator file: key lines, table headers, comments
    /// and the odd broken line.
    fn toml_text() -> impl Strategy<Value = String> {
        let line = prop_oneof![
            6 => (prop::sample::select(KEYS_AND_TYPOS), toml_value()).prop_map(|(k, v)| format!("{k} = {v}")),
            1 => prop::sample::select(vec!["[[evidence]]", "[evidence]", "[x]", "# comment", "", "key =", "= 1", "[[", "\u{feff}"])
                .prop_map(str::to_string),
        ];
        prop::collection::vec(line, 0..10).prop_map(|lines| lines.join("\n"))
    }

    proptest! {
        #[test]
        fn any_text_loads_as_an_indicator_or_is_reported_never_a_panic(text in "\\PC*") {
            load_checked(&text)?;
        }

        #[test]
        fn toml_shaped_text_loads_as_an_indicator_or_is_reported(text in toml_text()) {
            load_checked(&text)?;
        }

        #[test]
        fn any_bytes_become_text_or_a_diagnostic_with_a_place(bytes in prop::collection::vec(any::<u8>(), 0..256)) {
            match Source::from_bytes(bytes.clone(), "plan/x.toml".into()) {
                Ok(source) => {
                    prop_assert_eq!(source.text.as_bytes(), &bytes[..]);
                    load_checked(&source.text)?;
                }
                Err(d) => {
                    prop_assert!(matches!(d.kind, Kind::BinaryFile | Kind::NotUtf8));
                    prop_assert!(d.at.is_some());
                }
            }
        }
    }
}
