//! `zi import` and `zi export`: workbooks built here as units build their
//! RKT tables (title blocks, merged cells, hidden columns and sheets, date
//! cells, repeated headers, bullets, signature blocks), CSV as Indonesian
//! Excel saves it, and the round trip of the shipped plan, byte for byte.

use std::collections::BTreeMap;
use std::path::Path;

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};

use crate::harness::{Repo, AUGUST};

/// Every file under `root` (plan, evidence, `zi.toml`) with its bytes.
pub fn files_under(root: &Path) -> BTreeMap<String, Vec<u8>> {
    let mut files = BTreeMap::new();
    for entry in walkdir::WalkDir::new(root).sort_by_file_name() {
        let entry = entry.unwrap();
        if !entry.file_type().is_file() {
            continue;
        }
        let rel = entry.path().strip_prefix(root).unwrap().to_string_lossy().replace('\\', "/");
        if rel == "zi.toml" || rel.starts_with("plan/") || rel.starts_with("evidence/") {
            files.insert(rel, std::fs::read(entry.path()).unwrap());
        }
    }
    files
}

/// The plan files `zi import` wrote, one after the other, for a snapshot.
pub fn written(repo: &Repo) -> String {
    let mut text = String::new();
    for (path, bytes) in files_under(repo.root()) {
        if path.ends_with(".gitkeep") {
            text.push_str(&format!("=== {path}\n"));
        } else {
            text.push_str(&format!("=== {path}\n{}", String::from_utf8(bytes).unwrap()));
        }
    }
    text
}

#[test]
fn the_shipped_plan_comes_back_byte_for_byte_through_a_workbook_and_through_csv() {
    let shipped = Repo::shipped();
    let expected = files_under(shipped.root());
    for (name, status) in
        [("rkt.xlsx", false), ("rkt.csv", false), ("status.xlsx", true), ("status.csv", true)]
    {
        let args =
            if status { vec!["export", "-o", name, "--with-status"] } else { vec!["export", "-o", name] };
        let export = shipped.run(AUGUST, &args);
        assert_eq!(export.code, 0, "{}", export.stderr);
        let target = Repo::empty();
        let import = target.run(AUGUST, &["import", shipped.at(name).to_str().unwrap()]);
        assert_eq!(import.code, 0, "{}", import.stderr);
        let got = files_under(target.root());
        let differing: Vec<&String> =
            expected.keys().chain(got.keys()).filter(|k| expected.get(*k) != got.get(*k)).collect();
        assert!(differing.is_empty(), "{name}: files that differ after the round trip: {differing:?}");
    }
}

#[test]
fn the_same_plan_exports_the_same_bytes() {
    let shipped = Repo::shipped();
    for (format, args) in [("xlsx", &["export"][..]), ("csv", &["export", "--format", "csv"][..])] {
        let first = shipped.zi(AUGUST, args).run();
        let second = shipped.zi("2023-01-31", args).run();
        assert_eq!(first.code, 0);
        assert!(first.stdout == second.stdout && !first.stdout.is_empty(), "{format} differs between runs");
    }
}

#[test]
fn the_csv_export_is_the_rkt_table_for_indonesian_excel() {
    let repo = crate::fixture::small();
    let run = repo.run(AUGUST, &["export", "--format", "csv", "--with-status", "--lang", "id"]);
    assert!(run.stdout.starts_with('\u{feff}'), "a byte order mark first, for Excel");
    assert!(run.stdout.contains("\r\n"), "CRLF line ends");
    assert_run!("csv_with_status", run);
}

/// A workbook laid out as units lay out their RKT: a title block, the
/// header twice (the second on a "new page"), a row of column numbers,
/// merged NO and KOMPONEN cells, an indicator over two rows, bullets and
/// numbering, a date cell, a hidden column, a component without its number,
/// a row above every area, a signature block, and a hidden sheet.
///
/// It is also `examples/rkt-contoh.xlsx`, the workbook the README imports
/// (fixed document properties, so the same code gives the same bytes).
pub fn real_rkt_workbook(path: &Path) {
    let mut book = Workbook::new();
    let created = ExcelDateTime::from_ymd(2023, 1, 2).unwrap();
    book.set_properties(
        &rust_xlsxwriter::DocProperties::new().set_author("Tim Kerja ZI").set_creation_datetime(&created),
    );
    let wrap = Format::new().set_text_wrap();
    let date = Format::new().set_num_format("mmmm yyyy");
    let hidden = book.add_worksheet();
    hidden.set_name("Lama").unwrap();
    hidden.set_hidden(true);
    hidden.write(0, 0, "INDIKATOR").unwrap();
    let sheet = book.add_worksheet();
    sheet.set_name("RKT ZI").unwrap();
    sheet.merge_range(0, 0, 0, 7, "RENCANA KERJA TAHUNAN PEMBANGUNAN ZONA INTEGRITAS", &wrap).unwrap();
    sheet.merge_range(1, 0, 1, 7, "BALAI PENGUJIAN MUTU BENIH TANAMAN PANGAN TAHUN 2023", &wrap).unwrap();
    sheet.write(2, 7, "Catatan: tabel hasil rapat").unwrap(); // text in a title row, far right
    let header = [
        "No.",
        "KOMPONEN",
        "INDIKATOR",
        "CATATAN LAMA",
        "RENCANA AKSI",
        "BUKTI FISIK / OUTPUT",
        "TARGET\nWAKTU",
        "PENANGGUNG JAWAB",
    ];
    for (col, title) in header.iter().enumerate() {
        sheet.write(4, col as u16, *title).unwrap();
    }
    sheet.set_column_hidden(3).unwrap();
    for col in 0..8u16 {
        sheet.write(5, col, format!("({})", col + 1)).unwrap();
    }
    sheet.write(6, 2, "Pimpinan menetapkan kebijakan").unwrap(); // above any area: unplaced
    sheet.write(7, 0, "I").unwrap();
    sheet.merge_range(7, 1, 7, 7, "MANAJEMEN PERUBAHAN", &wrap).unwrap();
    sheet.merge_range(8, 0, 10, 0, "1", &wrap).unwrap();
    sheet.merge_range(8, 1, 10, 1, "Tim Kerja", &wrap).unwrap();
    sheet.write(8, 2, "SK Tim Kerja ZI telah dibuat sesuai prosedur").unwrap();
    sheet.write(8, 3, "jangan dibaca").unwrap();
    sheet.write(8, 4, "1. Menyusun SOP pemilihan tim\n2. Menyusun SK Tim").unwrap();
    sheet.write(8, 5, "• SOP Pemilihan Tim Kerja ZI\n• SK Tim Kerja, ditandatangani Kepala").unwrap();
    sheet.write_datetime_with_format(8, 6, ExcelDateTime::from_ymd(2023, 1, 31).unwrap(), &date).unwrap();
    sheet.write(8, 7, "Ketua Tim ZI").unwrap();
    sheet.merge_range(9, 2, 10, 2, "Pemantauan pembangunan ZI secara berkala", &wrap).unwrap();
    sheet.write(9, 4, "Rapat evaluasi; Tindak lanjut hasil monev").unwrap();
    sheet.write(9, 5, "Undangan rapat").unwrap();
    sheet.merge_range(9, 6, 10, 6, "Juni dan Desember 2023", &wrap).unwrap();
    sheet.write(10, 5, "- Daftar hadir\n- Notulen rapat").unwrap();
    // The header again, as on a second printed page.
    for (col, title) in header.iter().enumerate() {
        sheet.write(11, col as u16, *title).unwrap();
    }
    sheet.write(12, 1, "Perubahan Pola Pikir").unwrap(); // a component whose number was lost
    sheet.write(12, 2, "Agen perubahan sudah ditetapkan").unwrap();
    sheet.write(12, 4, "Menetapkan agen perubahan").unwrap();
    sheet.write(12, 5, "SK Agen Perubahan").unwrap();
    sheet.write(12, 6, "Maret 2023").unwrap();
    sheet.write(14, 0, "II.").unwrap();
    sheet.write(14, 1, "PENATAAN TATA LAKSANA").unwrap();
    sheet.write(15, 0, 1).unwrap();
    sheet.write(15, 1, "Prosedur Operasional Tetap (SOP)").unwrap();
    sheet.write(15, 2, "SOP telah mengacu pada peta proses bisnis").unwrap();
    sheet.write(15, 4, "a. Menyusun peta proses bisnis\nb. Mereviu SOP").unwrap();
    sheet.write(15, 5, "Peta proses bisnis; SOP yang direviu").unwrap();
    sheet.write(15, 6, "Setiap semester").unwrap();
    sheet.write(17, 5, "Bogor, 2 Januari 2023").unwrap();
    sheet.write(18, 5, "Kepala Balai,").unwrap();
    sheet.write(21, 5, "Dr. Ir. Nama Kepala").unwrap();
    sheet.write(22, 5, "NIP. 19700101 199503 1 001").unwrap();
    book.save(path).unwrap();
}

#[test]
fn a_real_rkt_workbook_is_imported_row_by_row_and_what_it_cannot_read_is_named_by_cell() {
    let repo = Repo::empty();
    real_rkt_workbook(&repo.at("rkt.xlsx"));
    let run = repo.run(AUGUST, &["import", "rkt.xlsx"]);
    assert_run!("real_rkt_workbook", run);
    assert_text!("real_rkt_workbook_files", written(&repo));
    let check = repo.run(AUGUST, &["check"]);
    assert_run!("real_rkt_workbook_check", check);
}

/// The example of the README is the workbook above, not a binary of
/// unknown make: `ZI_WRITE_EXAMPLES=1 cargo test --test zi example_workbook`
/// writes it again after a change.
#[test]
fn the_example_workbook_is_the_one_this_test_builds() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/rkt-contoh.xlsx");
    let built = tempfile::tempdir().unwrap();
    real_rkt_workbook(&built.path().join("rkt.xlsx"));
    let bytes = std::fs::read(built.path().join("rkt.xlsx")).unwrap();
    if std::env::var_os("ZI_WRITE_EXAMPLES").is_some() {
        std::fs::write(&example, &bytes).unwrap();
    }
    assert!(
        std::fs::read(&example).ok() == Some(bytes),
        "examples/rkt-contoh.xlsx is not what real_rkt_workbook builds"
    );
}

#[test]
fn a_semicolon_csv_with_a_byte_order_mark_crlf_and_quoted_line_breaks() {
    let repo = Repo::empty();
    let csv = "\u{feff}RENCANA KERJA TAHUNAN ZONA INTEGRITAS TAHUN 2024;;;;;\r\n\
               Balai Uji Standar;;;;;\r\n\
               ;;;;;\r\n\
               NO;KOMPONEN;INDIKATOR;LANGKAH AKSI;BUKTI FISIK;TARGET WAKTU\r\n\
               I;MANAJEMEN PERUBAHAN;;;;\r\n\
               1;Tim Kerja;\"SK Tim \"\"ZI\"\" dibuat\";\"Menyusun SOP\r\nMenyusun SK\";\"Undangan, daftar hadir; notulen\";menyesuaikan jadwal pimpinan\r\n\
               ;;;Rapat tim;Foto;\r\n";
    repo.write("rkt.csv", csv);
    let run = repo.run(AUGUST, &["import", "rkt.csv", "--dry-run"]);
    assert_run!("semicolon_csv_dry_run", run);
    assert!(!repo.at("plan").exists() && !repo.at("zi.toml").exists(), "--dry-run writes nothing");
    let run = repo.run(AUGUST, &["import", "rkt.csv"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_text!("semicolon_csv_files", written(&repo));
}

#[test]
fn import_refuses_a_folder_that_holds_a_plan_unless_forced_and_never_touches_evidence() {
    let shipped = Repo::shipped();
    shipped.run(AUGUST, &["export", "-o", "rkt.xlsx"]);
    shipped.write(
        "evidence/1-manajemen-perubahan/1-tim-kerja/1-sk-tim-kerja-dibuat-sesuai-prosedur/sop.pdf",
        "pdf",
    );
    shipped.write("plan/1-manajemen-perubahan/area.toml", "name = \"Diubah\"\n");
    let refused = shipped.run(AUGUST, &["import", "rkt.xlsx"]);
    assert_run!("import_into_a_plan", refused);
    assert_eq!(shipped.read("plan/1-manajemen-perubahan/area.toml"), "name = \"Diubah\"\n");
    let forced = shipped.run(AUGUST, &["import", "rkt.xlsx", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(shipped.read("plan/1-manajemen-perubahan/area.toml"), "name = \"Manajemen Perubahan\"\n");
    let evidence = "evidence/1-manajemen-perubahan/1-tim-kerja/1-sk-tim-kerja-dibuat-sesuai-prosedur";
    assert_eq!(shipped.read(&format!("{evidence}/sop.pdf")), "pdf");
}

#[test]
fn export_replaces_only_a_file_it_wrote() {
    let repo = crate::fixture::small();
    repo.write("rkt.xlsx", "someone's workbook");
    let refused = repo.run(AUGUST, &["export", "-o", "rkt.xlsx"]);
    assert_run!("export_over_a_foreign_file", refused);
    assert_eq!(repo.read("rkt.xlsx"), "someone's workbook");
    assert_eq!(repo.run(AUGUST, &["export", "-o", "rkt.xlsx", "--force"]).code, 0);
    assert_eq!(repo.run(AUGUST, &["export", "-o", "rkt.xlsx"]).code, 0, "a file zi wrote is replaced");
}

#[test]
fn a_sheet_without_a_header_or_a_file_that_is_no_spreadsheet() {
    let repo = Repo::empty();
    repo.write("notes.csv", "a,b,c\n1,2,3\n");
    assert_run!("no_header", repo.run(AUGUST, &["import", "notes.csv"]));
    repo.write("plan.docx", "not a table");
    assert_run!("not_a_spreadsheet", repo.run(AUGUST, &["import", "plan.docx"]));
    assert!(!repo.at("zi.toml").exists());
}

mod generated {
    //! The round trip on generated plans: text with quotes, commas,
    //! semicolons and line breaks inside items, bullets and numbers at the
    //! start of an item, emoji, long cells, comments, `file` patterns and
    //! keys zi does not read in the table.

    use proptest::prelude::*;

    use super::files_under;
    use crate::harness::{Repo, AUGUST};

    /// Text a plan may hold: never empty once trimmed (an empty indicator
    /// or name is a problem of its own, not a round trip).
    fn text() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "Laporan",
            "rapat",
            " ",
            ", ",
            "; ",
            "\n",
            "\"kutip\"",
            "'",
            "\\",
            "• ",
            "1. ",
            "- ",
            "😀",
            "é",
            "#",
            "[x]",
            "a = b",
            "s/d",
            "\t",
            "Tim ZI",
            "…",
        ]);
        (prop::collection::vec(pieces, 1..8), any::<bool>()).prop_map(|(parts, long)| {
            let mut text = format!("Teks {}", parts.concat());
            if long {
                text.push_str(&"panjang ".repeat(400));
            }
            text
        })
    }

    fn toml_string(text: &str) -> String {
        let mut out = String::from("\"");
        for c in text.chars() {
            match c {
                '"' => out.push_str("\\\""),
                '\\' => out.push_str("\\\\"),
                '\n' => out.push_str("\\n"),
                '\t' => out.push_str("\\t"),
                c => out.push(c),
            }
        }
        out.push('"');
        out
    }

    fn list(items: &[String]) -> String {
        items.iter().map(|i| toml_string(i)).collect::<Vec<_>>().join(", ")
    }

    #[derive(Debug, Clone)]
    struct Indicator {
        text: String,
        actions: Vec<String>,
        evidence: Vec<String>,
        due: String,
        pic: Option<String>,
        pattern: bool,
        comment: bool,
    }

    fn indicator() -> impl Strategy<Value = Indicator> {
        (
            text(),
            prop::collection::vec(text(), 0..3),
            prop::collection::vec(text(), 0..3),
            prop::sample::select(vec![
                "Januari 2022",
                "Juli, Desember 2022",
                "",
                "Triwulan I",
                "setiap ada rapat",
            ]),
            prop::option::of(text()),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(text, actions, evidence, due, pic, pattern, comment)| Indicator {
                text,
                actions,
                evidence,
                due: due.to_string(),
                pic,
                pattern,
                comment,
            })
    }

    fn indicator_file(i: &Indicator) -> String {
        let mut evidence: Vec<String> = i.evidence.iter().map(|e| toml_string(e)).collect();
        if i.pattern {
            evidence.push(format!("{{ name = {}, file = [\"*.pdf\", \"sk*\"] }}", toml_string("Dokumen SK")));
        }
        let mut file = String::new();
        if i.comment {
            file.push_str("# dari RKT 2022; \"catatan\"\n");
        }
        file.push_str(&format!(
            "indicator = {}\nactions = [{}]\nevidence = [{}]\ndue = {}\n",
            toml_string(&i.text),
            list(&i.actions),
            evidence.join(", "),
            toml_string(&i.due)
        ));
        if let Some(pic) = &i.pic {
            file.push_str(&format!("pic = {}\n", toml_string(pic)));
        }
        if i.comment {
            file.push_str("lke = [\"P.I.i.a\"]  # pertanyaan LKE\n");
        }
        file
    }

    type Plan = Vec<(String, Vec<(String, Vec<Indicator>)>)>;

    fn plan() -> impl Strategy<Value = Plan> {
        let component = (text(), prop::collection::vec(indicator(), 0..3));
        prop::collection::vec((text(), prop::collection::vec(component, 1..3)), 1..3)
    }

    fn write_plan(repo: &Repo, plan: &Plan) {
        repo.write("zi.toml", "# rencana\nunit = \"Balai \\\"Uji\\\" 😀\"\nyear = 2022\n");
        for (a, (area, components)) in plan.iter().enumerate() {
            let area_dir = format!("plan/{}-area", a + 1);
            repo.write(&format!("{area_dir}/area.toml"), format!("name = {}\n", toml_string(area)));
            for (c, (component, indicators)) in components.iter().enumerate() {
                let dir = format!("{area_dir}/{}-komponen", c + 1);
                repo.write(
                    &format!("{dir}/component.toml"),
                    format!("name = {}  # nama\n", toml_string(component)),
                );
                for (i, indicator) in indicators.iter().enumerate() {
                    repo.write(
                        &format!("{dir}/{}-indikator-{}.toml", i + 1, i * 7),
                        indicator_file(indicator),
                    );
                    repo.mkdir(&format!(
                        "evidence/{}-area/{}-komponen/{}-indikator-{}",
                        a + 1,
                        c + 1,
                        i + 1,
                        i * 7
                    ));
                    repo.write(
                        &format!(
                            "evidence/{}-area/{}-komponen/{}-indikator-{}/.gitkeep",
                            a + 1,
                            c + 1,
                            i + 1,
                            i * 7
                        ),
                        "",
                    );
                }
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 24, ..ProptestConfig::default() })]

        #[test]
        fn export_then_import_gives_back_every_file(plan in plan(), csv in any::<bool>()) {
            let source = Repo::empty();
            write_plan(&source, &plan);
            // The plan as zi keeps it: in the canonical layout.
            let fmt = source.run(AUGUST, &["fmt"]);
            prop_assert_eq!(fmt.code, 0, "{}", fmt.stderr);
            let name = if csv { "rkt.csv" } else { "rkt.xlsx" };
            let export = source.run(AUGUST, &["export", "-o", name]);
            prop_assert!(export.code <= 1, "{}", export.stderr);
            let target = Repo::empty();
            let import = target.run(AUGUST, &["import", source.at(name).to_str().unwrap()]);
            prop_assert!(import.code <= 1, "{}", import.stderr);
            let (expected, got) = (files_under(source.root()), files_under(target.root()));
            for path in expected.keys().chain(got.keys()) {
                let text = |files: &std::collections::BTreeMap<String, Vec<u8>>| {
                    files.get(path).map(|b| String::from_utf8_lossy(b).into_owned())
                };
                prop_assert_eq!(text(&expected), text(&got), "{} after the round trip through {}", path, name);
            }
        }
    }
}

/// A part of a workbook (a zip of XML files), as text.
fn workbook_part(xlsx: &[u8], name: &str) -> String {
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(xlsx)).unwrap();
    let mut part = archive.by_name(name).unwrap_or_else(|_| panic!("no {name}"));
    let mut text = String::new();
    std::io::Read::read_to_string(&mut part, &mut text).unwrap();
    text
}

#[test]
fn the_workbook_prints_on_a4_landscape_with_the_header_frozen_and_repeated_and_no_of_components_merged() {
    let repo = crate::fixture::small();
    let export = repo.run(AUGUST, &["export", "-o", "rkt.xlsx"]);
    assert_eq!(export.code, 0, "{}", export.stderr);
    let xlsx = std::fs::read(repo.at("rkt.xlsx")).unwrap();
    let sheet = workbook_part(&xlsx, "xl/worksheets/sheet1.xml");
    let workbook = workbook_part(&xlsx, "xl/workbook.xml");
    let core = workbook_part(&xlsx, "docProps/core.xml");
    // The header is row 5: frozen below it, repeated on every page.
    assert!(
        sheet.contains(r#"<pane ySplit="5" topLeftCell="A6" activePane="bottomLeft" state="frozen"/>"#),
        "{sheet}"
    );
    assert!(
        workbook
            .contains(r#"<definedName name="_xlnm.Print_Titles" localSheetId="0">RKT!$5:$5</definedName>"#),
        "{workbook}"
    );
    assert!(sheet.contains(r#"<pageSetup paperSize="9" fitToHeight="0" orientation="landscape""#), "{sheet}");
    // NO, KOMPONEN and the hidden component file merged over the component's two indicators;
    // the title rows and the area row across the visible columns.
    assert!(
        sheet.contains(r#"<mergeCell ref="A7:A8"/><mergeCell ref="B7:B8"/><mergeCell ref="J7:J8"/>"#),
        "{sheet}"
    );
    assert!(sheet.contains(r#"<mergeCell ref="A1:G1"/>"#) && sheet.contains(r#"<mergeCell ref="B6:G6"/>"#));
    assert!(
        sheet.contains(r#"<col min="8" max="10" width="20.7109375" hidden="1" customWidth="1"/>"#),
        "{sheet}"
    );
    // --with-status: a second, flat sheet with a filter.
    repo.run(AUGUST, &["export", "-o", "status.xlsx", "--with-status"]);
    let status = std::fs::read(repo.at("status.xlsx")).unwrap();
    let flat = workbook_part(&status, "xl/worksheets/sheet2.xml");
    assert!(flat.contains(r#"<autoFilter ref="A1:I3"/>"#), "{flat}");
    assert!(workbook_part(&status, "xl/workbook.xml")
        .contains(r#"<sheet name="Status" sheetId="2" r:id="rId2"/>"#));
    // Fixed properties: no clock in the bytes.
    assert!(
        core.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2000-01-01T00:00:00Z</dcterms:created>"),
        "{core}"
    );
}

#[test]
fn without_a_title_block_the_unit_and_year_come_from_the_flags_or_are_asked_for() {
    let table = "INDIKATOR,KOMPONEN,NO,BUKTI FISIK\nI,MANAJEMEN PERUBAHAN,,\nSK Tim,Tim Kerja,1,SK\n";
    let repo = Repo::empty();
    repo.write("rkt.csv", table);
    assert_run!("no_unit_no_year", repo.run(AUGUST, &["import", "rkt.csv", "--dry-run"]));
    let run = repo.run(AUGUST, &["import", "rkt.csv", "--unit", "Loka Uji", "--year", "2025"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(repo.read("zi.toml"), "unit = \"Loka Uji\"\nyear = 2025\nlang = \"id\"\n");
}
