//! Proves that the shipped plan (`plan/`, `evidence/`) is a faithful
//! conversion of the seed in `seeds/`: the 2022 RKT of Balai Penelitian
//! Tanaman Palma, extracted from a PDF table.
//!
//! - every plan file parses, and the indicators per area and per component
//!   are exactly the rows of the seed's table, in the seed's order;
//! - every indicator text, action and evidence document occurs in the seed
//!   text (whitespace collapsed, case ignored); a text whose word the PDF
//!   split is accepted by a counted fallback that ignores whitespace;
//! - every indicator has an evidence folder holding only a `.gitkeep`;
//! - every plan file is in the canonical layout (`zi fmt`-ready);
//! - `zi overdue` on it gives the target months read off the seed by hand.
//!
//! The plan files are read, never written, in the checkout; zi runs on a
//! copy (`Repo::shipped`).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use toml::{Table, Value};
use walkdir::WalkDir;

use crate::harness::Repo;

const SEED: &str = "seeds/rkt-zi-2022-balit-palma.txt";

/// The seed's table, counted row by row: area, component id, component name
/// (PDF-split words rejoined) and its number of indicator rows.
const AREAS: [&str; 6] = [
    "Manajemen Perubahan",
    "Penataan Tata Laksana",
    "Penataan Sistem Manajemen SDM",
    "Penguatan Akuntabilitas",
    "Penguatan Pengawasan",
    "Peningkatan Kualitas Pelayanan Publik",
];

const COMPONENTS: [(&str, &str, usize); 23] = [
    ("I.1", "Tim Kerja", 3),
    ("I.2", "Dokumen Rencana Pembangunan ZI", 1),
    ("I.3", "Pemantauan dan Evaluasi pembangunan WBK/WBBM", 1),
    ("I.4", "Perubahan pola pikir dan budaya kerja", 4),
    ("II.1", "Prosedur operasional tetap (SOP) kegiatan utama", 1),
    ("II.2", "E-Office", 3),
    ("II.3", "Keterbukaan informasi Publik", 2),
    ("III.1", "Perencanaan kebutuhan pegawai sesuai dengan kebutuhan", 3),
    ("III.2", "Pola Mutasi Internal", 3),
    ("III.3", "Pengembangan pegawai berbasis kompetensi", 6),
    ("III.4", "Penetapan Kinerja Individu", 4),
    ("III.5", "Penegakan aturan disiplin/kode etik/kode perilaku pegawai", 1),
    ("III.6", "Sistem Informasi kepegawaian", 1),
    ("IV.1", "Keterlibatan Pimpinan", 3),
    ("IV.2", "Pengelolaan Akuntabilitas Kinerja", 8),
    ("V.1", "Pengendalian Gratifikasi", 2),
    ("V.2", "Penerapan SPIP", 4),
    ("V.3", "Pengaduan Masyarakat", 4),
    ("V.4", "Whistle Blowing System", 3),
    ("V.5", "Penanganan Benturan Kepentingan", 5),
    ("VI.1", "Standar Pelayanan", 4),
    ("VI.2", "Budaya Pelayanan Prima", 3),
    ("VI.3", "Penilaian Kepuasan Pelayanan", 3),
];

/// Per area totals, from the same count.
const AREA_TOTALS: [(&str, usize); 6] = [("I", 9), ("II", 6), ("III", 18), ("IV", 11), ("V", 18), ("VI", 10)];
const TOTAL_INDICATORS: usize = 72;

/// Texts whose PDF-split word was rejoined, so they match the seed only when
/// whitespace is ignored: "E- Office", "masing- -masing",
/// "diimplementa sikan". A change here is a regression to look at.
const WHITESPACE_FALLBACKS: usize = 3;

/// Target times that are not the seed's cell as written, with the seed's
/// wording kept in a `# seed: "…"` comment on the line: three misspelt months
/// ("Pebuari 2022" → "Februari 2022") and IV.2.7, whose target cell holds
/// words that are no target time (written `due = ""`, a gap `zi check`
/// reports).
const CORRECTED_DUES: usize = 4;

const ROMAN: [&str; 6] = ["I", "II", "III", "IV", "V", "VI"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(path: &Path) -> String {
    fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()))
}

fn parse(path: &Path) -> Table {
    read(path).parse::<Table>().unwrap_or_else(|e| panic!("{} does not parse: {e}", path.display()))
}

/// Lowercase, every run of whitespace one space.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Lowercase, no whitespace at all.
fn squeeze(text: &str) -> String {
    text.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase()
}

/// Words of a name: maximal runs of letters and digits, lowercased.
fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase).collect()
}

/// The numbered entries (`<n>-<slug>`) of a folder, by number; asserts the
/// numbers run 1, 2, 3… and the slug is 2–6 lowercase ASCII words of `name`.
fn numbered(dir: &Path, files: bool) -> Vec<(usize, String, PathBuf)> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir).unwrap_or_else(|e| panic!("cannot list {}: {e}", dir.display())) {
        let entry = entry.unwrap();
        let path = entry.path();
        let name = entry.file_name().to_string_lossy().to_string();
        if path.is_dir() == files {
            continue;
        }
        let stem = if files {
            if name == "area.toml" || name == "component.toml" {
                continue;
            }
            name.strip_suffix(".toml")
                .unwrap_or_else(|| panic!("{} is not a .toml file", path.display()))
                .to_string()
        } else {
            name.clone()
        };
        let (number, slug) =
            stem.split_once('-').unwrap_or_else(|| panic!("{} is not named <n>-<slug>", path.display()));
        let number: usize =
            number.parse().unwrap_or_else(|_| panic!("{} does not start with a number", path.display()));
        entries.push((number, slug.to_string(), path));
    }
    entries.sort();
    let numbers: Vec<usize> = entries.iter().map(|e| e.0).collect();
    let expected: Vec<usize> = (1..=entries.len()).collect();
    assert_eq!(numbers, expected, "numbers in {} must run 1, 2, 3…", dir.display());
    entries
}

fn assert_slug(slug: &str, name: &str, path: &Path) {
    let parts: Vec<&str> = slug.split('-').collect();
    assert!(
        (2..=6).contains(&parts.len())
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())),
        "{}: slug `{slug}` must be 2–6 lowercase ASCII words",
        path.display()
    );
    let name_words = words(name);
    for part in parts {
        assert!(
            name_words.iter().any(|w| w == part),
            "{}: slug word `{part}` is not a word of \"{name}\"",
            path.display()
        );
    }
}

fn string<'a>(table: &'a Table, key: &str, path: &Path) -> &'a str {
    table
        .get(key)
        .and_then(Value::as_str)
        .unwrap_or_else(|| panic!("{}: `{key}` must be a string", path.display()))
}

/// One indicator as read from its plan file.
struct Indicator {
    id: String,
    path: PathBuf,
    text: String,
    actions: Vec<String>,
    evidence: Vec<(String, Option<Vec<String>>)>,
    due: String,
}

fn indicator(id: String, path: &Path) -> Indicator {
    let table = parse(path);
    for key in table.keys() {
        assert!(
            ["indicator", "actions", "evidence", "due", "pic", "lke"].contains(&key.as_str()),
            "{}: unknown key `{key}`",
            path.display()
        );
    }
    let list = |key: &str| -> &Vec<Value> {
        table
            .get(key)
            .and_then(Value::as_array)
            .unwrap_or_else(|| panic!("{}: `{key}` must be an array", path.display()))
    };
    let actions = list("actions")
        .iter()
        .map(|v| {
            v.as_str().unwrap_or_else(|| panic!("{}: actions must be strings", path.display())).to_string()
        })
        .collect();
    let evidence = list("evidence")
        .iter()
        .map(|v| match v {
            Value::String(s) => (s.clone(), None),
            Value::Table(t) => {
                for key in t.keys() {
                    assert!(
                        key == "name" || key == "file",
                        "{}: unknown evidence key `{key}`",
                        path.display()
                    );
                }
                let name = string(t, "name", path).to_string();
                let file = match t.get("file") {
                    Some(Value::String(g)) => vec![g.clone()],
                    Some(Value::Array(gs)) => gs
                        .iter()
                        .map(|g| {
                            g.as_str()
                                .unwrap_or_else(|| panic!("{}: file globs are strings", path.display()))
                                .to_string()
                        })
                        .collect(),
                    other => {
                        panic!("{}: `{name}` needs a file glob or a list, not {other:?}", path.display())
                    }
                };
                (name, Some(file))
            }
            other => {
                panic!("{}: evidence item {other:?} is neither a string nor {{ name, file }}", path.display())
            }
        })
        .collect();
    Indicator {
        id,
        path: path.to_path_buf(),
        text: string(&table, "indicator", path).to_string(),
        actions,
        evidence,
        due: string(&table, "due", path).to_string(),
    }
}

/// Walks `plan/`: (area dir, area name, [(component dir, component name,
/// indicators)]), in order.
#[allow(clippy::type_complexity)]
fn load_plan() -> Vec<(PathBuf, String, Vec<(PathBuf, String, Vec<Indicator>)>)> {
    let plan = root().join("plan");
    let mut areas = Vec::new();
    for (a, area_slug, area_dir) in numbered(&plan, false) {
        let area_name = string(&parse(&area_dir.join("area.toml")), "name", &area_dir).to_string();
        assert_slug(&area_slug, &area_name, &area_dir);
        let mut components = Vec::new();
        for (c, comp_slug, comp_dir) in numbered(&area_dir, false) {
            let comp_name = string(&parse(&comp_dir.join("component.toml")), "name", &comp_dir).to_string();
            assert_slug(&comp_slug, &comp_name, &comp_dir);
            let mut indicators = Vec::new();
            for (i, slug, file) in numbered(&comp_dir, true) {
                let ind = indicator(format!("{}.{c}.{i}", ROMAN[a - 1]), &file);
                assert_slug(&slug, &ind.text, &file);
                indicators.push(ind);
            }
            components.push((comp_dir, comp_name, indicators));
        }
        areas.push((area_dir, area_name, components));
    }
    areas
}

#[test]
fn plan_has_the_seeds_areas_components_and_indicator_counts() {
    let areas = load_plan();
    let names: Vec<&str> = areas.iter().map(|a| a.1.as_str()).collect();
    assert_eq!(names, AREAS, "areas, in order");

    let mut actual = Vec::new();
    let mut totals = Vec::new();
    for (a, (_, _, components)) in areas.iter().enumerate() {
        let mut total = 0;
        for (c, (_, name, indicators)) in components.iter().enumerate() {
            actual.push((format!("{}.{}", ROMAN[a], c + 1), name.clone(), indicators.len()));
            total += indicators.len();
        }
        totals.push((ROMAN[a], total));
    }
    let expected: Vec<(String, String, usize)> =
        COMPONENTS.iter().map(|(id, name, n)| (id.to_string(), name.to_string(), *n)).collect();
    assert_eq!(actual, expected, "components and indicators per component");
    assert_eq!(totals, AREA_TOTALS, "indicators per area");
    assert_eq!(actual.iter().map(|c| c.2).sum::<usize>(), TOTAL_INDICATORS);
}

#[test]
fn every_text_of_the_plan_occurs_in_the_seed() {
    let seed = read(&root().join(SEED));
    let seed_collapsed = collapse(&seed);
    // Whitespace ignored; a hyphen the PDF doubled across a break
    // ("masing- -masing") counts once.
    let seed_squeezed = squeeze(&seed).replace("--", "-");

    let mut fallbacks = Vec::new();
    let mut missing = Vec::new();
    let mut check = |what: &str, id: &str, text: &str| {
        assert_eq!(text, text.trim(), "{id}: {what} has surrounding whitespace");
        assert!(!text.contains("  "), "{id}: {what} has a double space: {text:?}");
        if seed_collapsed.contains(&collapse(text)) {
            return;
        }
        if seed_squeezed.contains(&squeeze(text)) {
            fallbacks.push(format!("{id} {what}: {text}"));
        } else {
            missing.push(format!("{id} {what}: {text}"));
        }
    };

    let mut corrected = Vec::new();
    for (a, (_, area, components)) in load_plan().iter().enumerate() {
        check("area", ROMAN[a], area);
        for (c, (_, component, indicators)) in components.iter().enumerate() {
            check("component", &format!("{}.{}", ROMAN[a], c + 1), component);
            for ind in indicators {
                check("indicator", &ind.id, &ind.text);
                for action in &ind.actions {
                    check("action", &ind.id, action);
                }
                for (name, _) in &ind.evidence {
                    check("evidence", &ind.id, name);
                }
                // The target is the seed's wording, or a corrected month with
                // the seed's wording in a comment.
                match seed_comment(&ind.path) {
                    Some(original) => {
                        check("due (seed comment)", &ind.id, &original);
                        assert_ne!(
                            original, ind.due,
                            "{}: a seed comment only marks a corrected target",
                            ind.id
                        );
                        corrected.push(format!("{}: {original} → {}", ind.id, ind.due));
                    }
                    None if ind.due.is_empty() => {}
                    None => check("due", &ind.id, &ind.due),
                }
            }
        }
    }
    assert!(missing.is_empty(), "not in the seed:\n{}", missing.join("\n"));
    assert_eq!(
        fallbacks.len(),
        WHITESPACE_FALLBACKS,
        "texts matched only with whitespace ignored:\n{}",
        fallbacks.join("\n")
    );
    assert_eq!(corrected.len(), CORRECTED_DUES, "corrected target months:\n{}", corrected.join("\n"));
}

/// The `# seed: "…"` comment of the `due` line, if any.
fn seed_comment(path: &Path) -> Option<String> {
    let text = read(path);
    let line = text.lines().find(|l| l.starts_with("due = "))?;
    let (_, comment) = line.split_once("  # seed: ")?;
    Some(comment.trim_matches('"').to_string())
}

#[test]
fn evidence_file_globs_are_file_name_globs_and_items_are_distinguishable() {
    for (_, _, components) in load_plan() {
        for (_, _, indicators) in components {
            for ind in indicators {
                let mut patterns = BTreeSet::new();
                for (name, file) in &ind.evidence {
                    let globs = match file {
                        Some(globs) => {
                            assert!(!globs.is_empty(), "{}: `{name}` has an empty file list", ind.id);
                            for g in globs {
                                assert!(
                                    !g.is_empty()
                                        && !g.contains('/')
                                        && !g.contains('\\')
                                        && !g.contains(".."),
                                    "{}: `{g}` is not a file-name glob",
                                    ind.id
                                );
                            }
                            globs.join("|")
                        }
                        None => format!("*{}*", words(name).join("*")),
                    };
                    if ind.evidence.len() > 1 {
                        assert!(
                            patterns.insert(globs.clone()),
                            "{}: two documents share the pattern {globs}",
                            ind.id
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn every_indicator_has_an_empty_evidence_folder_and_nothing_else_is_there() {
    let root = root();
    let mut expected = BTreeSet::new();
    for (_, _, components) in load_plan() {
        for (_, _, indicators) in components {
            for ind in indicators {
                let rel = ind.path.strip_prefix(root.join("plan")).unwrap().with_extension("");
                expected.insert(root.join("evidence").join(rel));
            }
        }
    }
    assert_eq!(expected.len(), TOTAL_INDICATORS);

    let mut found = BTreeSet::new();
    for entry in WalkDir::new(root.join("evidence")).min_depth(1) {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().is_dir() {
            assert!(
                expected.iter().any(|e| e.starts_with(path)),
                "{} is not the evidence folder of an indicator",
                path.display()
            );
        } else {
            assert_eq!(
                entry.file_name(),
                ".gitkeep",
                "{} is not a .gitkeep: no evidence is shipped",
                path.display()
            );
            assert_eq!(fs::metadata(path).unwrap().len(), 0, "{} must be empty", path.display());
            let folder = path.parent().unwrap().to_path_buf();
            assert!(
                expected.contains(&folder),
                "{} is not in an indicator's evidence folder",
                path.display()
            );
            found.insert(folder);
        }
    }
    let lacking: Vec<_> = expected.difference(&found).map(|p| p.display().to_string()).collect();
    assert!(lacking.is_empty(), "evidence folders without .gitkeep:\n{}", lacking.join("\n"));
}

/// `key = "…"` with a plain basic string (no escapes needed by the seed).
fn is_string_line(line: &str, key: &str) -> bool {
    line.strip_prefix(key)
        .and_then(|rest| rest.strip_prefix(" = \""))
        .and_then(|rest| rest.strip_suffix('"'))
        .is_some_and(|s| !s.contains('"') && !s.contains('\\'))
}

fn is_quoted(text: &str) -> bool {
    text.len() >= 2
        && text.starts_with('"')
        && text.ends_with('"')
        && !text[1..text.len() - 1].contains(['"', '\\'])
}

/// `  "…",` or `  { name = "…", file = "…" },` / `file = ["…", "…"]`.
fn is_item_line(line: &str, evidence: bool) -> bool {
    let Some(item) = line.strip_prefix("  ").and_then(|l| l.strip_suffix(',')) else {
        return false;
    };
    if is_quoted(item) {
        return true;
    }
    if !evidence {
        return false;
    }
    let Some(inner) = item.strip_prefix("{ name = ").and_then(|i| i.strip_suffix(" }")) else {
        return false;
    };
    let Some((name, file)) = inner.split_once(", file = ") else {
        return false;
    };
    if !is_quoted(name) {
        return false;
    }
    if is_quoted(file) {
        return true;
    }
    file.strip_prefix('[')
        .and_then(|f| f.strip_suffix(']'))
        .is_some_and(|globs| globs.split(", ").all(is_quoted))
}

/// Reads an array written `key = []` or one item per line; returns the lines
/// consumed, or None.
fn array_lines(lines: &[&str], key: &str, evidence: bool) -> Option<usize> {
    let first = lines.first()?;
    if *first == format!("{key} = []") {
        return Some(1);
    }
    if *first != format!("{key} = [") {
        return None;
    }
    let mut n = 1;
    while n < lines.len() && is_item_line(lines[n], evidence) {
        n += 1;
    }
    (n > 1 && lines.get(n) == Some(&"]")).then_some(n + 1)
}

#[test]
fn every_plan_file_is_in_the_canonical_layout() {
    let mut bad = Vec::new();
    for entry in WalkDir::new(root().join("plan")).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if entry.file_type().is_dir() {
            continue;
        }
        let text = read(path);
        let name = entry.file_name().to_string_lossy();
        assert!(name.ends_with(".toml"), "{}: only .toml files belong in plan/", path.display());
        let ok = text.ends_with('\n') && !text.ends_with("\n\n") && !text.contains('\r') && {
            let lines: Vec<&str> = text.lines().collect();
            if name == "area.toml" || name == "component.toml" {
                lines.len() == 1 && is_string_line(lines[0], "name")
            } else {
                canonical_indicator(&lines)
            }
        };
        if !ok {
            bad.push(path.display().to_string());
        }
    }
    assert!(bad.is_empty(), "not in the canonical layout:\n{}", bad.join("\n"));
}

fn canonical_indicator(lines: &[&str]) -> bool {
    let mut at = 0;
    if !lines.first().is_some_and(|l| is_string_line(l, "indicator")) {
        return false;
    }
    at += 1;
    let Some(n) = array_lines(&lines[at..], "actions", false) else {
        return false;
    };
    at += n;
    let Some(n) = array_lines(&lines[at..], "evidence", true) else {
        return false;
    };
    at += n;
    let Some(due) = lines.get(at) else {
        return false;
    };
    let due_ok = match due.split_once("  # seed: ") {
        Some((value, comment)) => is_string_line(value, "due") && is_quoted(comment),
        None => is_string_line(due, "due"),
    };
    if !due_ok {
        return false;
    }
    at += 1;
    if lines.get(at).is_some_and(|l| is_string_line(l, "pic")) {
        at += 1;
    }
    // The LKE questions served, on one line, a comment above when the
    // mapping needs explaining.
    while lines.get(at).is_some_and(|l| l.starts_with("# ")) {
        at += 1;
    }
    if lines.get(at).is_some_and(|l| is_lke_line(l)) {
        at += 1;
    }
    at == lines.len()
}

/// `lke = ["P.I.i.a", "P.I.i.b"]` or `lke = []`.
fn is_lke_line(line: &str) -> bool {
    let Some(list) = line.strip_prefix("lke = [").and_then(|l| l.strip_suffix(']')) else {
        return false;
    };
    list.is_empty() || list.split(", ").all(is_quoted)
}

// --- zi overdue on the shipped plan ------------------------------------------

/// `zi overdue --format json` on `date`: the exit code and the ids listed.
fn overdue_ids(repo: &Repo, date: &str) -> (i32, Vec<String>) {
    let run = repo.run(date, &["overdue", "--format", "json"]);
    let mut ids: Vec<String> = run.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["id"].as_str().unwrap().to_string())
        .collect();
    ids.dedup();
    (run.code, ids)
}

#[test]
fn nothing_in_the_2022_plan_is_overdue_during_january() {
    let repo = Repo::shipped();
    assert_eq!(overdue_ids(&repo, "2022-01-01"), (0, vec![]));
    assert_eq!(overdue_ids(&repo, "2022-01-31"), (0, vec![]));
}

#[test]
fn on_the_first_of_february_exactly_the_january_targets_are_overdue() {
    // "Januari 2022" in the seed, plus III.3.4 ("Setiap bulan").
    let january = [
        "I.1.1", "I.1.2", "I.1.3", "I.4.2", "III.3.2", "III.3.4", "IV.2.8", "V.1.1", "V.2.1", "V.5.1",
        "V.5.2", "VI.1.1", "VI.1.2",
    ];
    assert_eq!(overdue_ids(&Repo::shipped(), "2022-02-01"), (1, january.map(String::from).to_vec()));
}

#[test]
fn indicators_without_a_deadline_never_appear() {
    // I.4.4 ("setiap ada pertemuan") and IV.2.7 (no target time in the seed).
    let (_, ids) = overdue_ids(&Repo::shipped(), "2023-01-01");
    let without_deadline: Vec<&String> = ids.iter().filter(|id| *id == "I.4.4" || *id == "IV.2.7").collect();
    assert_eq!(without_deadline, Vec::<&String>::new());
    assert_eq!(ids.len(), 70, "every other indicator is late with no evidence filed");
}
