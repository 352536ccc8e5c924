//! One indicator file: its text, actions, evidence documents and target
//! time. Validation collects every problem in the file instead of stopping
//! at the first, and keeps whatever could be read.

use std::ops::Range;

use toml_edit::{Item, Value};

use crate::load::source::{missing_key, string_at, unknown_key, unknown_keys, wrong_type, Source};
use crate::model::due::{self, Due};
use crate::problem::Diagnostic;
use crate::text::{tr, Lang};

/// The keys of an indicator file, in canonical order.
pub const KEYS: [&str; 5] = ["indicator", "actions", "evidence", "due", "pic"];
pub const ITEM_KEYS: [&str; 2] = ["name", "file"];

/// An evidence document (bukti fisik) and the file-name globs that satisfy it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct EvidenceItem {
    pub name: String,
    /// Lowercase globs; the derived default when the plan gives no `file`.
    pub patterns: Vec<String>,
    /// Whether `patterns` came from the plan's `file` rather than the name.
    pub explicit: bool,
}

impl EvidenceItem {
    pub fn new(name: String, file: Option<Vec<String>>) -> Self {
        match file {
            Some(patterns) => EvidenceItem { name, patterns, explicit: true },
            None => {
                let patterns = vec![default_pattern(&name)];
                EvidenceItem { name, patterns, explicit: false }
            }
        }
    }
}

/// The pattern a document's name implies: its words in order, each anywhere
/// in the file name. "Daftar hadir" → `*daftar*hadir*`.
pub fn default_pattern(name: &str) -> String {
    let words: Vec<String> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    if words.is_empty() {
        "*".to_string()
    } else {
        format!("*{}*", words.join("*"))
    }
}

/// What an indicator file says, as far as it could be read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Indicator {
    pub text: String,
    pub actions: Vec<String>,
    pub evidence: Vec<EvidenceItem>,
    pub due_text: String,
    /// `None` when the plan names no target, or the target could not be read
    /// (then an error diagnostic says why).
    pub due: Option<Due>,
    pub pic: Option<String>,
}

impl Indicator {
    /// Reads an indicator from its source. Problems go to `out`; the result
    /// holds everything that could be read.
    pub fn parse(
        source: &Source,
        plan_year: i32,
        lang: Lang,
        out: &mut Vec<Diagnostic>,
    ) -> Option<Indicator> {
        let doc = source.parse(lang).map_err(|d| out.push(d)).ok()?;
        let table = doc.as_table();
        unknown_keys(source, table, &KEYS, lang, out);
        let mut indicator = Indicator::default();

        match string_at(source, table, "indicator", lang) {
            Ok(Some((text, span))) => {
                indicator.text = text.trim().to_string();
                if indicator.text.is_empty() {
                    out.push(empty_text(source, "indicator", span, lang));
                }
            }
            Ok(None) => out.push(missing_key(source, "indicator", "indicator = \"…\"", lang)),
            Err(d) => out.push(d),
        }

        match table.get("actions") {
            None => out.push(missing_key(source, "actions", "actions = [\"…\"]", lang)),
            Some(item) => {
                indicator.actions = strings(source, "actions", item, lang, out);
                if item.as_array().is_some_and(|a| a.is_empty()) {
                    out.push(
                        source
                            .warning(
                                "no-actions",
                                item.span(),
                                tr(
                                    lang,
                                    "the plan lists no actions",
                                    "rencana tidak mencantumkan langkah aksi",
                                ),
                            )
                            .with_hint(tr(
                                lang,
                                "write the actions (LANGKAH AKSI) as the unit's plan states them",
                                "tulis langkah aksi sebagaimana tercantum dalam rencana unit",
                            )),
                    );
                }
            }
        }

        match table.get("evidence") {
            None => out.push(missing_key(source, "evidence", "evidence = [\"…\"]", lang)),
            Some(item) => {
                indicator.evidence = evidence_items(source, item, lang, out);
                let well_formed = item.as_array().is_some() || item.as_array_of_tables().is_some();
                if indicator.evidence.is_empty() && well_formed {
                    out.push(
                        source
                            .warning(
                                "no-evidence",
                                item.span(),
                                tr(
                                    lang,
                                    "the plan lists no evidence documents; any one file will count",
                                    "rencana tidak mencantumkan bukti fisik; satu berkas apa pun akan dihitung",
                                ),
                            )
                            .with_hint(tr(
                                lang,
                                "name the evidence (BUKTI FISIK) the evaluators will ask for",
                                "sebutkan bukti fisik yang akan diminta evaluator",
                            )),
                    );
                }
            }
        }

        match string_at(source, table, "due", lang) {
            Ok(Some((text, span))) => {
                indicator.due_text = text.to_string();
                indicator.due = parse_due(source, text, span, plan_year, lang, out);
            }
            Ok(None) => out.push(missing_key(source, "due", "due = \"Juli, Desember 2022\"", lang)),
            Err(d) => out.push(d),
        }

        match string_at(source, table, "pic", lang) {
            Ok(pic) => indicator.pic = pic.map(|(s, _)| s.to_string()),
            Err(d) => out.push(d),
        }
        Some(indicator)
    }
}

fn empty_text(source: &Source, key: &str, span: Option<Range<usize>>, lang: Lang) -> Diagnostic {
    source
        .warning("empty-text", span, tr(lang, format!("`{key}` is empty"), format!("`{key}` kosong")))
        .with_hint(tr(lang, "write the text from the plan", "tulis teks dari rencana"))
}

fn parse_due(
    source: &Source,
    text: &str,
    span: Option<Range<usize>>,
    plan_year: i32,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Option<Due> {
    if text.trim().is_empty() {
        out.push(
            source
                .warning(
                    "no-due",
                    span,
                    tr(lang, "the plan names no target time", "rencana tidak menyebutkan target waktu"),
                )
                .with_hint(tr(
                    lang,
                    "write the target month (TARGET WAKTU), e.g. due = \"Juli 2022\"; until then it has no deadline",
                    "tulis bulan target, mis. due = \"Juli 2022\"; sampai saat itu indikator ini tanpa tenggat",
                )),
        );
        return None;
    }
    match due::parse(text, plan_year) {
        Ok(due) => Some(due),
        Err(e) => {
            let at = span.map(|s| string_content_span(&source.text, s, text, e.span.clone()));
            out.push(source.error("bad-due", at, e.message(text, lang)).with_hint(e.hint(lang)));
            None
        }
    }
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

/// An array of strings; problems with single elements are reported and the
/// rest kept.
fn strings(source: &Source, key: &str, item: &Item, lang: Lang, out: &mut Vec<Diagnostic>) -> Vec<String> {
    let Some(array) = item.as_array() else {
        out.push(wrong_type(source, key, item, ("an array of strings", "larik teks"), lang));
        return Vec::new();
    };
    let mut values = Vec::with_capacity(array.len());
    for value in array.iter() {
        match value.as_str() {
            Some(s) if !s.trim().is_empty() => values.push(s.trim().to_string()),
            Some(_) => out.push(empty_text(source, key, value.span(), lang)),
            None => out.push(element_type(source, key, value, lang)),
        }
    }
    values
}

fn element_type(source: &Source, key: &str, value: &Value, lang: Lang) -> Diagnostic {
    wrong_type(source, key, &Item::Value(value.clone()), ("a string", "teks"), lang).with_hint(tr(
        lang,
        format!("every item of `{key}` is a quoted string"),
        format!("setiap butir `{key}` berupa teks dalam tanda kutip"),
    ))
}

/// `evidence`: strings, `{ name, file }` tables, or `[[evidence]]` tables.
fn evidence_items(source: &Source, item: &Item, lang: Lang, out: &mut Vec<Diagnostic>) -> Vec<EvidenceItem> {
    let mut items = Vec::new();
    if let Some(tables) = item.as_array_of_tables() {
        for table in tables.iter() {
            let entries = table.iter().map(|(k, v)| (k, v.clone())).collect();
            items.extend(evidence_table(
                source,
                entries,
                |k| table.key(k).and_then(|k| k.span()),
                table.span(),
                lang,
                out,
            ));
        }
        return items;
    }
    let Some(array) = item.as_array() else {
        out.push(wrong_type(source, "evidence", item, ("an array", "larik"), lang));
        return items;
    };
    for value in array.iter() {
        match value {
            Value::String(s) if !s.value().trim().is_empty() => {
                items.push(EvidenceItem::new(s.value().trim().to_string(), None))
            }
            Value::String(_) => out.push(empty_text(source, "evidence", value.span(), lang)),
            Value::InlineTable(t) => {
                let entries = t.iter().map(|(k, v)| (k, Item::Value(v.clone()))).collect();
                items.extend(evidence_table(
                    source,
                    entries,
                    |k| t.key(k).and_then(|k| k.span()),
                    t.span(),
                    lang,
                    out,
                ));
            }
            other => out.push(wrong_type(
                source,
                "evidence",
                &Item::Value(other.clone()),
                ("a string or { name, file }", "teks atau { name, file }"),
                lang,
            )),
        }
    }
    items
}

fn evidence_table(
    source: &Source,
    entries: Vec<(&str, Item)>,
    key_span: impl Fn(&str) -> Option<Range<usize>>,
    span: Option<Range<usize>>,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Option<EvidenceItem> {
    let mut name = None;
    let mut file = None;
    let mut ok = true;
    for (key, value) in &entries {
        let key = *key;
        match key {
            "name" => match value.as_str() {
                Some(s) if !s.trim().is_empty() => name = Some(s.trim().to_string()),
                Some(_) => {
                    out.push(empty_text(source, "name", value.span(), lang));
                    ok = false;
                }
                None => {
                    out.push(wrong_type(source, "name", value, ("a string", "teks"), lang));
                    ok = false;
                }
            },
            "file" => match globs(source, value, lang, out) {
                Some(g) => file = Some(g),
                None => ok = false,
            },
            other => {
                out.push(unknown_key(source, other, key_span(other), &ITEM_KEYS, lang));
            }
        }
    }
    if name.is_none() && ok {
        out.push(
            source
                .error(
                    "missing-key",
                    span,
                    tr(lang, "evidence item has no `name`", "butir bukti tidak punya `name`"),
                )
                .with_hint(tr(
                    lang,
                    "write { name = \"Daftar hadir\", file = \"daftar*hadir*\" }",
                    "tulis { name = \"Daftar hadir\", file = \"daftar*hadir*\" }",
                )),
        );
    }
    Some(EvidenceItem::new(name?, file))
}

/// `file`: one glob or a list; globs name files inside the indicator's
/// folder, so separators, `..` and absolute paths are refused.
fn globs(source: &Source, item: &Item, lang: Lang, out: &mut Vec<Diagnostic>) -> Option<Vec<String>> {
    let values: Vec<(&str, Option<Range<usize>>)> = match item {
        Item::Value(Value::String(s)) => vec![(s.value().as_str(), item.span())],
        Item::Value(Value::Array(a)) if a.iter().all(|v| v.as_str().is_some()) && !a.is_empty() => {
            a.iter().map(|v| (v.as_str().unwrap_or_default(), v.span())).collect()
        }
        _ => {
            out.push(wrong_type(
                source,
                "file",
                item,
                ("a glob or a list of globs", "pola atau daftar pola"),
                lang,
            ));
            return None;
        }
    };
    let mut patterns = Vec::with_capacity(values.len());
    for (glob, span) in values {
        if let Some(problem) = glob_problem(glob, lang) {
            out.push(
                source
                    .error(
                        "bad-glob",
                        span,
                        tr(
                            lang,
                            format!("bad file pattern \"{glob}\": {problem}"),
                            format!("pola berkas \"{glob}\" salah: {problem}"),
                        ),
                    )
                    .with_hint(tr(
                        lang,
                        "a pattern names files inside the indicator's evidence folder, e.g. \"notul*\"",
                        "pola menyebut nama berkas di dalam folder bukti indikator, mis. \"notul*\"",
                    )),
            );
            return None;
        }
        patterns.push(glob.to_lowercase());
    }
    Some(patterns)
}

fn glob_problem(glob: &str, lang: Lang) -> Option<String> {
    if glob.trim().is_empty() {
        return Some(tr(lang, "it is empty", "pola kosong"));
    }
    if glob.contains('/') || glob.contains('\\') || glob.contains("..") {
        return Some(tr(
            lang,
            "it leaves the file name (/, \\ or ..)",
            "pola keluar dari nama berkas (/, \\ atau ..)",
        ));
    }
    glob::Pattern::new(glob).err().map(|e| e.msg.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Option<Indicator>, Vec<Diagnostic>) {
        let source = Source { path: "plan/1-a/1-b/1-c.toml".into(), text: text.into() };
        let mut out = Vec::new();
        (Indicator::parse(&source, 2022, Lang::En, &mut out), out)
    }

    fn codes(d: &[Diagnostic]) -> Vec<(&str, usize, usize)> {
        d.iter()
            .map(|d| {
                (
                    d.code,
                    d.location.as_ref().map_or(0, |l| l.line),
                    d.location.as_ref().map_or(0, |l| l.column),
                )
            })
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
        let (ind, diags) = parse(
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
        let (ind, diags) = parse(
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
        assert_eq!(diags[0].hint, "did you mean `actions`?");
        assert_eq!(ind.unwrap().text, "x");
    }

    #[test]
    fn globs_that_leave_the_indicator_folder_are_refused() {
        for glob in ["../*", "/etc/passwd", "a/b*", "..", "[a"] {
            let (_, diags) = parse(&format!(
                "indicator = \"x\"\nactions = []\nevidence = [{{ name = \"A\", file = {glob:?} }}, \"B\"]\ndue = \"Juli 2022\"\n"
            ));
            assert!(diags.iter().any(|d| d.code == "bad-glob"), "{glob}: {diags:?}");
        }
    }

    #[test]
    fn empty_due_and_empty_evidence_are_warnings_not_errors() {
        let (ind, diags) = parse("indicator = \"x\"\nactions = [\"a\"]\nevidence = []\ndue = \"\"\n");
        assert_eq!(codes(&diags), [("no-evidence", 3, 12), ("no-due", 4, 7)]);
        assert!(diags.iter().all(|d| !d.is_error()));
        assert_eq!(ind.unwrap().due, None);
    }

    #[test]
    fn syntax_errors_point_at_the_broken_line() {
        let (ind, diags) = parse("indicator = \"x\"\nactions = [\"a\"\n");
        assert!(ind.is_none());
        assert_eq!(diags[0].code, "toml-syntax");
        assert!(diags[0].location.as_ref().unwrap().line >= 2);
    }

    // --- properties --------------------------------------------------------------

    use proptest::prelude::*;

    /// Loads `text` as an indicator in both languages. Whatever it holds: no
    /// panic, every diagnostic in this file with a hint and a place inside
    /// the text, and a file without errors read into an indicator.
    fn load_checked(text: &str) -> Result<(), TestCaseError> {
        let source = Source { path: "plan/1-a/1-b/1-c.toml".into(), text: text.into() };
        for lang in [Lang::En, Lang::Id] {
            let mut out = Vec::new();
            let indicator = Indicator::parse(&source, 2022, lang, &mut out);
            for d in &out {
                prop_assert_eq!(&d.path, &source.path);
                prop_assert!(!d.hint.is_empty(), "{:?}", d);
                prop_assert!(!d.render(lang).is_empty());
                if let Some(l) = &d.location {
                    prop_assert!(l.line >= 1 && l.line <= text.matches('\n').count() + 1, "{:?}", d);
                    prop_assert!(l.column >= 1);
                }
            }
            if !out.iter().any(Diagnostic::is_error) {
                let indicator = indicator.expect("a file without errors is read");
                prop_assert!(!indicator.text.is_empty() || out.iter().any(|d| d.code == "empty-text"));
            }
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
            match Source::from_bytes(bytes.clone(), "plan/x.toml".into(), Lang::En) {
                Ok(source) => {
                    prop_assert_eq!(source.text.as_bytes(), &bytes[..]);
                    load_checked(&source.text)?;
                }
                Err(d) => {
                    prop_assert!(d.code == "binary-file" || d.code == "not-utf8");
                    prop_assert!(d.location.is_some());
                }
            }
        }
    }
}
