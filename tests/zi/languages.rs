//! `--lang id|en` covers every label of every format: each command renders
//! the realistic plan in both languages, and no label word of the other
//! language may appear. The plan's own text avoids those words, so a hit can
//! only be a label left untranslated.
//!
//! That months print as names in the chosen language is pinned by the
//! `realistic-*` snapshots of `snapshots.rs`.

use crate::fixture::{realistic, AS_OF};
use crate::harness::Repo;
use crate::html::visible_text;

/// English label words that must never show in `--lang id` output. Words
/// that are the same in both languages (Status, Total, Area, ID, April,
/// September, November) are left out.
const ENGLISH: &[&str] = &[
    "overdue",
    "due",
    "done",
    "on track",
    "upcoming",
    "missing",
    "complete",
    "open",
    "invalid",
    "occurrences",
    "Indicator",
    "Indicators",
    "Next deadline",
    "To date",
    "Year",
    "Period",
    "Document",
    "Documents",
    "Files",
    "Actions",
    "Responsible",
    "State",
    "Month",
    "Progress",
    "Timeline",
    "Legend",
    "Contents",
    "Problem",
    "this month",
    "as of",
    "plan year",
    "error",
    "errors",
    "warning",
    "warnings",
    "hint",
    "nothing",
    "January",
    "February",
    "March",
    "May",
    "June",
    "July",
    "August",
    "October",
    "December",
    "Work Plan",
];

/// Indonesian label words that must never show in `--lang en` output.
const INDONESIAN: &[&str] = &[
    "terlambat",
    "jatuh tempo",
    "selesai",
    "sesuai jadwal",
    "insidental",
    "tidak valid",
    "akan datang",
    "kurang",
    "lengkap",
    "berjalan",
    "Indikator",
    "Tenggat",
    "kini",
    "Setahun",
    "Periode",
    "Dokumen",
    "Berkas",
    "Langkah",
    "Bukti",
    "Keadaan",
    "Penanggung",
    "Kemajuan",
    "Linimasa",
    "Keterangan",
    "Masalah",
    "bulan ini",
    "tahun rencana",
    "galat",
    "peringatan",
    "saran",
    "lihat",
    "Januari",
    "Februari",
    "Maret",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "Oktober",
    "Desember",
    "Rencana Kerja",
];

/// What remains to check of an output: diagnostics quote the plan file's
/// source line (`indicator = "…"`), and the English hints name the RKT's
/// column headings as the plan's readers know them (BUKTI FISIK); neither
/// is a label.
fn readable(text: &str) -> String {
    let source_line = |line: &str| {
        let t = line.trim_start();
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        digits > 0 && t[digits..].starts_with(" | ")
    };
    let mut out: String = text.lines().filter(|l| !source_line(l)).collect::<Vec<_>>().join("\n");
    for heading in ["BUKTI FISIK", "LANGKAH AKSI", "TARGET WAKTU"] {
        out = out.replace(heading, "");
    }
    out
}

/// Whole-word, case-insensitive occurrences of `word` in `text`.
fn has_word(text: &str, word: &str) -> bool {
    let text = text.to_lowercase();
    let word = word.to_lowercase();
    let is_letter =
        |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == '-' || c == '/');
    text.match_indices(&word).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + word.len()..].chars().next();
        !is_letter(before) && !is_letter(after)
    })
}

/// Every format of every command, as a reader sees it.
fn outputs(repo: &Repo, lang: &str) -> Vec<(String, String)> {
    let mut outputs = Vec::new();
    let formats = ["table", "csv", "markdown", "json"];
    let commands: Vec<Vec<&str>> = vec![
        vec!["status"],
        vec!["overdue", "--within", "30"],
        vec!["show", "I.2.1"],
        vec!["show", "IV.2.1"],
        vec!["show", "III.2.2"],
    ];
    for command in &commands {
        for format in formats {
            let mut args = vec!["--lang", lang];
            args.extend(command);
            args.extend(["--format", format]);
            let run = repo.run(AS_OF, &args);
            assert!(run.code <= 1, "{args:?}: {}", run.stderr);
            let text = if format == "json" { json_labels(&run.stdout) } else { run.stdout };
            outputs.push((format!("{args:?}"), format!("{text}\n{}", run.stderr)));
        }
    }
    for format in ["text", "json"] {
        let args = ["--lang", lang, "check", "--format", format];
        let run = repo.run(AS_OF, &args);
        let text = if format == "json" { json_labels(&run.stdout) } else { run.stdout };
        outputs.push((format!("{args:?}"), text));
    }
    let report = repo.run(AS_OF, &["--lang", lang, "report"]);
    outputs.push((format!("report --lang {lang}"), visible_text(&report.stdout)));
    let refused = repo.run(AS_OF, &["--lang", lang, "status", "IX"]);
    outputs.push((format!("status IX --lang {lang}"), refused.stderr));
    outputs
}

/// JSON keys and enum values are English on purpose (a stable format);
/// what a person reads is in the `*_label` fields and the diagnostics.
fn json_labels(json: &str) -> String {
    fn walk(value: &serde_json::Value, key: &str, out: &mut String) {
        match value {
            serde_json::Value::Object(map) => map.iter().for_each(|(k, v)| walk(v, k, out)),
            serde_json::Value::Array(items) => items.iter().for_each(|v| walk(v, key, out)),
            serde_json::Value::String(s) if key.ends_with("_label") || key == "message" || key == "hint" => {
                out.push_str(s);
                out.push('\n');
            }
            _ => {}
        }
    }
    let mut out = String::new();
    walk(&serde_json::from_str(json).expect("JSON"), "", &mut out);
    out
}

#[test]
fn every_format_in_indonesian_has_no_english_label() {
    let repo = realistic();
    for (what, text) in outputs(&repo, "id") {
        let text = readable(&text);
        let leaks: Vec<&&str> = ENGLISH.iter().filter(|w| has_word(&text, w)).collect();
        assert!(leaks.is_empty(), "{what} shows English {leaks:?}:\n{text}");
    }
}

#[test]
fn every_format_in_english_has_no_indonesian_label() {
    let repo = realistic();
    for (what, text) in outputs(&repo, "en") {
        let text = readable(&text);
        let leaks: Vec<&&str> = INDONESIAN.iter().filter(|w| has_word(&text, w)).collect();
        assert!(leaks.is_empty(), "{what} shows Indonesian {leaks:?}:\n{text}");
    }
}

#[test]
fn the_leak_check_would_catch_a_label_in_the_wrong_language() {
    assert!(has_word("I.1.2  overdue  Januari 2022", "overdue"));
    assert!(has_word("Status: Jatuh Tempo", "jatuh tempo"));
    assert!(!has_word("evidence/1-due-diligence/", "due"), "parts of paths are not words");
    assert!(!has_word("sesuai jadwal", "jadwal sesuai"));
}

#[test]
fn the_language_comes_from_the_flag_then_zi_toml_then_lang() {
    let repo = realistic();
    // zi.toml says lang = "id"; the `--lang` runs are pinned in snapshots.rs.
    for command in ["status", "report"] {
        let indonesian = repo.run(AS_OF, &["--lang", "id", command]).stdout;
        assert_eq!(repo.run(AS_OF, &[command]).stdout, indonesian, "{command}");
        let over_lang = repo.zi(AS_OF, &[command]).lang_env(Some("en_US.UTF-8")).run();
        assert_eq!(over_lang.stdout, indonesian, "{command}: zi.toml wins over LANG");
        let english = repo.zi(AS_OF, &["--lang", "en", command]).lang_env(Some("id_ID.UTF-8")).run();
        assert_eq!(english.stdout, repo.run(AS_OF, &["--lang", "en", command]).stdout, "{command}");
    }
}

#[test]
fn without_lang_in_zi_toml_the_language_comes_from_lang_then_english() {
    let repo = realistic();
    repo.write("zi.toml", "unit = \"Balai Uji Tanaman & Kebun\"\nyear = 2022\n");
    let status = |lang: Option<&str>| repo.zi(AS_OF, &["status"]).lang_env(lang).run().stdout;
    let indonesian = repo.run(AS_OF, &["--lang", "id", "status"]).stdout;
    let english = repo.run(AS_OF, &["--lang", "en", "status"]).stdout;
    assert_eq!(status(Some("id_ID.UTF-8")), indonesian);
    assert_eq!(status(Some("id")), indonesian);
    assert_eq!(status(Some("en_US.UTF-8")), english);
    assert_eq!(status(Some("C")), english);
    assert_eq!(status(Some("")), english);
    assert_eq!(status(None), english);
}
