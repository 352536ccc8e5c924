//! The canonical layout, rule by rule, and its properties.

use super::*;

const CANONICAL: &str = r#"indicator = "Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester"
actions = [
  "Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali",
  "Tindak lanjut hasil Monev sebelumnya",
]
evidence = [
  "Undangan rapat",
  { name = "Notulasi rapat", file = "notul*" },
  { name = "Foto", file = ["*.jpg", "foto*"] },
]
due = "Februari 2022"  # seed: "Pebuari 2022"
"#;

fn fmt(text: &str) -> String {
    match canonical(text, FileKind::Indicator) {
        Ok(t) => t,
        Err(e) => panic!("{e:?} for:\n{text}"),
    }
}

#[test]
fn a_canonical_indicator_file_is_left_exactly_as_it_is() {
    assert_eq!(fmt(CANONICAL), CANONICAL);
}

#[test]
fn a_mangled_indicator_file_comes_out_canonical() {
    let mangled = "due='Februari 2022' # seed: \"Pebuari 2022\"\n\n\n\
            evidence=[\"Undangan rapat\",{file='notul*',name=\"Notulasi rapat\"},\n\
            {  name = 'Foto' , file = [ \"*.jpg\",\n 'foto*' ] }]\n\
            actions = [ \"Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali\", \"Tindak lanjut hasil Monev sebelumnya\" ]\n\
            \"indicator\"   =   \"\"\"Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester\"\"\"\n";
    assert_eq!(fmt(mangled), CANONICAL);
}

#[test]
fn comments_stay_next_to_what_they_describe() {
    let text = "# From RKT 2022, page 3\n\n\
            due = \"Juli 2022\"  # moved from Juni\n\
            # what the unit does\n\
            actions = [ # first the meeting\n  \"Rapat\",  # monthly\n  # then\n  \"Laporan\"\n  # end of actions\n]\n\
            indicator = \"x\"\nevidence = []\n";
    let expected = "# From RKT 2022, page 3\n\n\
            indicator = \"x\"\n\
            # what the unit does\n\
            actions = [  # first the meeting\n  \"Rapat\",  # monthly\n  # then\n  \"Laporan\",\n  # end of actions\n]\n\
            evidence = []\n\
            due = \"Juli 2022\"  # moved from Juni\n";
    assert_eq!(fmt(text), expected);
    assert_eq!(fmt(expected), expected);
}

#[test]
fn blank_lines_between_keys_and_items_are_dropped_but_a_header_keeps_its_own() {
    let text = "# header\n\n\n# about x\nindicator = \"x\"\n\n\nactions = [\n\n  \"a\",\n\n  \"b\",\n\n]\n\n# footer\n\n";
    let expected =
        "# header\n\n# about x\nindicator = \"x\"\nactions = [\n  \"a\",\n  \"b\",\n]\n\n# footer\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn comments_inside_one_line_values_move_above_their_line() {
    let text = "indicator = \"x\"\nactions = []\nevidence = [\n  { name = \"Foto\", file = [\n    \"*.jpg\", # photos\n  ] },\n]\ndue = \"Juli 2022\"\n";
    let expected = "indicator = \"x\"\nactions = []\nevidence = [\n  # photos\n  { name = \"Foto\", file = [\"*.jpg\"] },\n]\ndue = \"Juli 2022\"\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn evidence_tables_become_inline_items() {
    let text = "indicator = \"x\"\nactions = [\"a\"]\ndue = \"Juli 2022\"\n\n# the minutes\n[[evidence]]\nfile = \"notul*\"\nname = \"Notulasi rapat\"\n\n[[evidence]]  # photos\nname = \"Foto\"\n";
    let expected = "indicator = \"x\"\nactions = [\n  \"a\",\n]\nevidence = [\n  # the minutes\n  { name = \"Notulasi rapat\", file = \"notul*\" },\n  { name = \"Foto\" },  # photos\n]\ndue = \"Juli 2022\"\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn unknown_keys_and_tables_are_kept_after_the_known_ones() {
    let text = "note = 'kept'\nindicator = \"x\"\nweight.lke = 2.5\n[extra]\nb = 1\na = [1,2]\n";
    let expected =
        "indicator = \"x\"\nnote = \"kept\"\nweight.lke = 2.5\n\n[extra]\nb = 1\na = [\n  1,\n  2,\n]\n";
    assert_eq!(fmt(text), expected);
}

#[test]
fn strings_are_double_quoted_with_escapes() {
    let text = "indicator = 'C:\\dokumen \"final\"'\nactions = [\"\"\"two\nlines\"\"\"]\n";
    let out = fmt(text);
    assert_eq!(out, "indicator = \"C:\\\\dokumen \\\"final\\\"\"\nactions = [\n  \"two\\nlines\",\n]\n");
}

#[test]
fn config_and_name_files_have_their_own_key_order() {
    let config = "lang = \"id\"\ntitle = \"T\"\nyear = 2022\nunit = \"Balai\"\n";
    assert_eq!(
        canonical(config, FileKind::Config).unwrap(),
        "unit = \"Balai\"\nyear = 2022\ntitle = \"T\"\nlang = \"id\"\n"
    );
    assert_eq!(canonical("name='Area'\n", FileKind::Name).unwrap(), "name = \"Area\"\n");
}

#[test]
fn crlf_files_and_files_without_a_final_newline_come_out_with_plain_newlines() {
    assert_eq!(fmt("indicator = \"x\"\r\n# c\r\ndue = \"Juli\""), "indicator = \"x\"\n# c\ndue = \"Juli\"\n");
}

#[test]
fn a_syntax_error_is_reported_not_laid_out() {
    assert!(matches!(canonical("actions = [\"a\"\n", FileKind::Indicator), Err(LayoutError::Syntax)));
}

#[test]
fn comment_scanner_skips_hashes_inside_strings() {
    let text = "a = \"#no\" # yes\nb = '#no'\nc = \"\"\"\n# no \\\" \"\"\" # yes2\nd = '''#no''''' #yes3\n";
    assert_eq!(comments(text), ["# yes", "# yes2", "#yes3"]);
}

mod properties {
    use super::super::*;
    use proptest::prelude::*;

    fn text() -> impl Strategy<Value = String> {
        "[a-zA-Z #'\"\\\\é/*.\t-]{0,12}"
    }

    fn value() -> impl Strategy<Value = String> {
        let leaf = prop_oneof![
            text().prop_map(|s| basic_string(&s)),
            "[a-z #\"é]{0,8}".prop_map(|s| format!("'{s}'")),
            (0i64..3000).prop_map(|n| n.to_string()),
            Just("true".to_string()),
        ];
        leaf.prop_recursive(2, 8, 4, |inner| {
            prop_oneof![
                (prop::collection::vec((inner.clone(), gap()), 0..4), gap()).prop_map(|(items, end)| {
                    let body: Vec<String> = items.into_iter().map(|(v, g)| format!("{g}{v}")).collect();
                    format!("[{}{end}]", body.join(","))
                }),
                prop::collection::vec(inner, 0..3).prop_map(|items| {
                    let body: Vec<String> =
                        items.into_iter().enumerate().map(|(i, v)| format!("k{i} = {v}")).collect();
                    format!("{{ {} }}", body.join(", "))
                }),
            ]
        })
    }

    /// Whitespace, newlines and comments that may stand between array items.
    fn gap() -> impl Strategy<Value = String> {
        prop_oneof![
            Just(String::new()),
            Just(" ".to_string()),
            Just("\n  ".to_string()),
            Just(" # note\n".to_string()),
            Just("\n\n  # own line\n  ".to_string()),
        ]
    }

    fn document() -> impl Strategy<Value = String> {
        let key = prop_oneof![
            Just("indicator"),
            Just("actions"),
            Just("evidence"),
            Just("due"),
            Just("pic"),
            Just("extra"),
            Just("\"odd key\""),
        ];
        let line = (
            key,
            value(),
            prop_oneof![Just(""), Just("  # after")],
            prop_oneof![Just(""), Just("# above\n"), Just("\n"),],
        );
        prop::collection::vec(line, 0..6).prop_map(|lines| {
            let mut seen = std::collections::HashSet::new();
            let mut out = String::new();
            for (key, value, after, above) in lines {
                if seen.insert(key) {
                    out.push_str(&format!("{above}{key} = {value}{after}\n"));
                }
            }
            out
        })
    }

    proptest! {
        #[test]
        fn layout_keeps_data_and_comments_and_is_stable(doc in document()) {
            prop_assume!(doc.parse::<DocumentMut>().is_ok());
            let once = canonical(&doc, FileKind::Indicator);
            prop_assert!(once.is_ok(), "{:?}\n{}", once, doc);
            let once = once.unwrap();
            prop_assert_eq!(canonical(&once, FileKind::Indicator).unwrap(), once);
        }
    }
}

#[test]
fn lke_ids_come_last_on_one_line_with_their_comment_above() {
    let mangled =
        "lke = [\n  \"P.I.iii.a\", # rapat\n  'P.I.iii.b',\n]\npic = \"Tim ZI\"\n".to_string() + CANONICAL;
    let expected =
        CANONICAL.to_string() + "pic = \"Tim ZI\"\n# rapat\nlke = [\"P.I.iii.a\", \"P.I.iii.b\"]\n";
    assert_eq!(fmt(&mangled), expected);
    assert_eq!(fmt(&expected), expected);
}
