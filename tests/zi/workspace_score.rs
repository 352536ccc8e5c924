//! `zi score` at a workspace root in every format: CSV with the unit's
//! folder and target first, one workbook for every unit, `-o FILE` as in a
//! unit, and `zi score FILE` for the unit FILE lies in.

use calamine::{Data, Reader, Xlsx};

use crate::fixture::AS_OF;
use crate::workspace::workspace;

const UNITS: [&str; 5] = ["balit-kopi", "balit-palma", "balit-sawit", "tanpa-plan", "toml-rusak"];

fn at_root(ws: &crate::harness::Repo, args: &[&str]) -> crate::harness::Run {
    let mut all = vec!["--lang", "en", "score"];
    all.extend_from_slice(args);
    ws.run(AS_OF, &all)
}

#[test]
fn csv_at_the_root_is_one_table_with_the_units_folder_and_target_first() {
    let ws = workspace();
    let run = at_root(&ws, &["--format", "csv", "--detail"]);
    assert_eq!(run.code, 0, "{run:?}");
    let mut lines = run.stdout.lines();
    assert_eq!(
        lines.next(),
        Some("Folder,Target,Row,id,Area,Weight,Pemenuhan,Reform,Value,%,Min.,Answer,Indicators")
    );
    let mut folders: Vec<&str> = lines.clone().map(|l| l.split(',').next().unwrap()).collect();
    folders.dedup();
    assert_eq!(folders, UNITS, "each judged unit's rows, in folder order");
    let palma = at_root(&ws, &["--format", "csv", "--detail", "--unit", "balit-palma"]);
    let alone = ws
        .zi(AS_OF, &["--lang", "en", "score", "--format", "csv", "--detail"])
        .current_dir(&ws.at("units/balit-palma"))
        .run();
    let unit_rows: Vec<String> =
        alone.stdout.lines().skip(1).map(|l| format!("balit-palma,WBK,{l}")).collect();
    let root_rows: Vec<&str> = palma.stdout.lines().skip(1).collect();
    // The unit's own rows, its indicators' IDs prefixed.
    let unit_rows: Vec<String> = unit_rows.iter().map(|l| l.replace(",I.1.", ",balit-palma:I.1.")).collect();
    assert_eq!(root_rows, unit_rows);
    assert_run!(
        "root-score-csv-id",
        ws.run(AS_OF, &["--lang", "id", "score", "--format", "csv", "--unit", "kopi"])
    );
}

#[test]
fn the_workbook_at_the_root_has_every_unit_in_each_sheet() {
    let ws = workspace();
    let run = at_root(&ws, &["--format", "xlsx", "-o", "lke.xlsx"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, ""), "{run:?}");
    let first = std::fs::read(ws.at("lke.xlsx")).unwrap();
    assert_eq!(at_root(&ws, &["--format", "xlsx", "-o", "lke.xlsx"]).code, 0, "zi replaces its own workbook");
    assert_eq!(std::fs::read(ws.at("lke.xlsx")).unwrap(), first, "the same inputs give the same bytes");
    let mut book: Xlsx<_> = calamine::open_workbook(ws.at("lke.xlsx")).unwrap();
    assert_eq!(book.sheet_names(), ["Units", "Rekap", "Answers"]);
    let text = |d: Option<&Data>| match d {
        Some(Data::String(s)) => s.clone(),
        Some(Data::Float(f)) => f.to_string(),
        _ => String::new(),
    };
    let units = book.worksheet_range("Units").unwrap();
    let table: Vec<Vec<String>> =
        units.rows().map(|r| [0, 1, 2, 3, 7, 8].iter().map(|c| text(r.get(*c))).collect()).collect();
    let palma = ["balit-palma", "Balai Penelitian Tanaman Palma", "2022", "WBK", "0.375"];
    assert_eq!(table[0], ["Folder", "Unit", "Year", "Target", "Total", "Verdict"]);
    assert_eq!(table[2][..5], palma, "{table:?}");
    assert!(table[2][5].starts_with("not met: Total 0.38 < 75.00"), "{table:?}");
    assert_eq!(table[4][..2], ["catatan", "not a unit: no zi.toml"]);
    for sheet in ["Rekap", "Answers"] {
        let range = book.worksheet_range(sheet).unwrap();
        let mut folders: Vec<String> = range.rows().skip(1).map(|r| text(r.first())).collect();
        folders.dedup();
        assert_eq!(folders, UNITS, "{sheet}");
    }
    let answers = book.worksheet_range("Answers").unwrap();
    let answered = answers.rows().find(|r| text(r.first()) == "balit-palma" && text(r.get(1)) == "P.I.i.b");
    let answered: Vec<String> = answered.unwrap().iter().map(|d| text(Some(d))).collect();
    assert_eq!(answered[4], "B");
    assert_eq!(answered[8], "P.I.i.b", "the hidden column of question ids");
    ws.write("mine.xlsx", "not a workbook");
    assert_eq!(at_root(&ws, &["--format", "xlsx", "-o", "mine.xlsx"]).code, 2);
    assert_eq!(ws.read("mine.xlsx"), "not a workbook");
    assert_eq!(at_root(&ws, &["--format", "xlsx", "-o", "mine.xlsx", "--force"]).code, 0);
}

#[test]
fn o_file_at_the_root_writes_what_standard_output_shows_and_never_over_a_foreign_file() {
    let ws = workspace();
    for format in ["table", "json", "csv", "markdown"] {
        let file = format!("skor.{format}");
        let shown = at_root(&ws, &["--format", format]);
        let written = at_root(&ws, &["--format", format, "-o", &file]);
        assert_eq!((written.code, written.stdout.as_str()), (0, ""), "{format}: {written:?}");
        assert_eq!(ws.read(&file), shown.stdout, "{format}");
        let again = ws.run(AS_OF, &["--lang", "id", "score", "--format", format, "-o", &file]);
        assert_eq!(again.code, 0, "zi replaces its own {format} in the other language: {again:?}");
        let unit =
            ws.zi(AS_OF, &["score", "--format", format]).current_dir(&ws.at("units/balit-palma")).run();
        ws.write(&file, &unit.stdout);
        assert_eq!(at_root(&ws, &["--format", format, "-o", &file]).code, 0, "a unit's score is zi's too");
    }
    ws.write("catatan.md", "# Catatan tim\n\nJangan ditimpa.\n");
    let refused = at_root(&ws, &["--format", "markdown", "-o", "catatan.md"]);
    assert_run!("root-score-o-foreign", refused);
    assert_eq!(ws.read("catatan.md"), "# Catatan tim\n\nJangan ditimpa.\n");
    assert_eq!(at_root(&ws, &["-o", "catatan.md", "--force"]).code, 0);
}

#[test]
fn score_file_at_the_root_scores_the_unit_it_lies_in() {
    let ws = workspace();
    ws.write(
        "units/balit-sawit/assessments/2022-08-tpi.toml",
        "assessor = \"tpi\"\ndate = 2022-08-10\ntarget = \"WBK\"\n\n[answers]\n\"P.I.i.a\" = \"Ya\"\n",
    );
    let run = at_root(&ws, &["units/balit-sawit/assessments/2022-08-tpi.toml"]);
    assert_run!("root-score-file", run);
    let json = at_root(&ws, &["units/balit-sawit/assessments/2022-08-tpi.toml", "--format", "json"]).json();
    let units = json["units"].as_array().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0]["report"]["assessment"], "units/balit-sawit/assessments/2022-08-tpi.toml");
    let inside = ws
        .zi(AS_OF, &["--lang", "en", "score", "assessments/2022-08-tpi.toml", "--format", "json"])
        .current_dir(&ws.at("units/balit-sawit"))
        .run()
        .json();
    assert_eq!(units[0]["report"]["total"], inside["total"], "the unit's score with that file");
    ws.write("luar/2022-08.toml", "assessor = \"unit\"\n\n[answers]\n");
    assert_run!("root-score-file-in-no-unit", at_root(&ws, &["luar/2022-08.toml"]));
}
