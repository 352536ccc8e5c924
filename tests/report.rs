//! `zi report`: one self-contained HTML page, its links, its timeline
//! against `zi status`, and how `-o` treats files that are already there.

mod report_fixture;

use std::path::Path;

use report_fixture::html::{
    attribute_values, external_urls, link_targets, structure_problems, tags, visible_text,
};
use report_fixture::{realistic, AS_OF, IDS};

fn page(args: &[&str]) -> String {
    let fixture = realistic();
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let run = fixture.zi(&all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn the_report_is_one_well_formed_page_with_no_script_and_nothing_from_the_network() {
    for lang in ["id", "en"] {
        let html = page(&["--lang", lang]);
        assert_eq!(structure_problems(&html), Vec::<String>::new(), "--lang {lang}");
        assert!(html.contains(&format!("<html lang=\"{lang}\">")));
        assert!(!html.to_ascii_lowercase().contains("<script"), "no script");
        assert!(!html.to_ascii_lowercase().contains("<iframe"));
        assert_eq!(external_urls(&html), Vec::<String>::new(), "nothing may be fetched");
        assert!(!html.contains("http://") && !html.contains("https://"));
        assert!(html.contains("default-src 'none'"), "the page forbids loads to the browser too");
        assert!(html.contains("@page { size: A4;") && html.contains("@media print"), "printable on A4");
        let ids = attribute_values(&html, "id");
        for id in IDS {
            assert!(ids.iter().any(|i| i == id), "indicator {id} has its own section");
            assert!(
                attribute_values(&html, "href").contains(&format!("#{id}")),
                "the timeline links to {id}"
            );
        }
    }
}

#[test]
fn the_page_shows_unit_year_date_areas_and_the_overdue_documents() {
    let text = visible_text(&page(&[]));
    for expected in [
        "Balai Uji Tanaman & Kebun",
        "tahun rencana 2022",
        &format!("per {AS_OF}"),
        "Kemajuan per area",
        "I. Manajemen Perubahan",
        "VI. Peningkatan Kualitas Pelayanan Publik",
        "Linimasa 2022",
        "Terlambat: dokumen yang kurang",
        "Lembar Monev ZI",
        "Juli 2022",
        "Juni 2022",
        "Kuesioner",
        "kunci `evidnce` tidak dikenal",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in:\n{text}");
    }
    // The unit: 22 of 26 documents due so far, 23 of 49 for the year.
    assert!(text.contains("22/26") && text.contains("84%"), "{text}");
    assert!(text.contains("23/49") && text.contains("46%"), "{text}");
}

#[test]
fn plan_text_is_escaped_so_it_cannot_become_markup() {
    let html = page(&[]);
    assert!(html.contains("sesuai prosedur &amp; kriteria &lt;terbuka&gt;"), "indicator text escaped");
    assert!(html.contains("Balai Uji Tanaman &amp; Kebun"));
    assert!(html.contains("Rapat pemilihan anggota &quot;Tim ZI&quot;"));
    assert!(!html.contains("<terbuka>"));
    assert!(tags(&html).iter().all(|t| t.name != "terbuka"));
}

#[test]
fn the_same_plan_evidence_and_date_give_the_same_bytes_without_absolute_paths() {
    let fixture = realistic();
    let first = fixture.zi(&["report"]).stdout;
    let second = fixture.zi(&["report"]).stdout;
    assert_eq!(first, second);
    let root = fixture.path().to_string_lossy().into_owned();
    assert!(!first.contains(&root), "no absolute path in the page");
    assert!(!first.contains("file:"));
}

/// Every cell of the timeline says what `zi status --format json` says:
/// a deadline cell carries its period's state, the other months of a period
/// its pale tint, and the status chip the indicator's status.
#[test]
fn the_timeline_matches_zi_status() {
    let fixture = realistic();
    let html = fixture.zi(&["report"]).stdout;
    let json: serde_json::Value =
        serde_json::from_str(&fixture.zi(&["status", "--format", "json"]).stdout).expect("JSON");
    let timeline =
        html.split("<section id=\"timeline\">").nth(1).and_then(|s| s.split("</section>").next()).unwrap();
    let indicators = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|a| a["components"].as_array().unwrap())
        .flat_map(|c| c["indicators"].as_array().unwrap());
    let mut checked = 0;
    for indicator in indicators {
        let id = indicator["id"].as_str().unwrap();
        let status = indicator["status"].as_str().unwrap();
        let row_start = timeline.find(&format!("<a href=\"#{id}\">")).unwrap_or_else(|| panic!("row {id}"));
        let row = &timeline[row_start..timeline[row_start..].find("</tr>").unwrap() + row_start];
        assert!(row.contains(&format!("<span class=\"chip {status}\">")), "{id} chip {status}: {row}");
        if status == "invalid" {
            assert!(row.contains("colspan=\"12\""), "{id}: {row}");
            continue;
        }
        let classes: Vec<String> =
            attribute_values(row, "class").into_iter().filter(|c| c.starts_with("m")).collect();
        assert_eq!(classes.len(), 12, "{id}: {row}");
        for (index, class) in classes.iter().enumerate() {
            let month = format!("2022-{:02}", index + 1);
            let period = indicator["periods"].as_array().unwrap().iter().find(|p| {
                p["first"].as_str().unwrap() <= month.as_str()
                    && month.as_str() <= p["last"].as_str().unwrap()
            });
            let words: Vec<&str> = class.split(' ').filter(|w| *w != "now").collect();
            let expected: Vec<String> = match period {
                None if status == "occurrences" => words.iter().map(|w| w.to_string()).collect(),
                None => vec!["m".to_string()],
                Some(p) => {
                    let key = match p["state"].as_str().unwrap() {
                        "complete" => "done",
                        "open" => "upcoming",
                        other => other,
                    };
                    if p["last"] == month.as_str() {
                        vec!["m".to_string(), key.to_string()]
                    } else {
                        vec!["m".to_string(), format!("span-{key}")]
                    }
                }
            };
            assert_eq!(words, expected, "{id} {month}");
            assert_eq!(class.contains("now"), month == AS_OF[..7], "{id} {month}: this month is marked");
            checked += 1;
        }
    }
    assert_eq!(checked, 12 * (IDS.len() - 1));
    // The occurrences of IV.2.1 are in March and June.
    let row = &timeline[timeline.find("<a href=\"#IV.2.1\">").unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    let occurrences: Vec<usize> = attribute_values(row, "class")
        .iter()
        .filter(|c| c.starts_with('m'))
        .enumerate()
        .filter(|(_, c)| c.contains("occ"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(occurrences, [3, 6]);
}

#[test]
fn file_links_are_relative_to_the_page_and_lead_to_the_files() {
    let fixture = realistic();
    // On standard output the page is assumed to sit at the root.
    let html = fixture.zi(&["report"]).stdout;
    let targets = link_targets(&html, fixture.path());
    assert!(targets.len() > 40, "plan files, evidence folders and files are linked");
    for target in &targets {
        assert!(target.exists(), "{} does not exist", target.display());
    }
    assert!(
        attribute_values(&html, "href").contains(
            &"evidence/1-manajemen-perubahan/2-pemantauan-evaluasi/1-monev-semester/2022-07/daftar%20hadir%20rapat%20%231.pdf"
                .to_string()
        ),
        "spaces and # are encoded"
    );
    // Two folders down, the links climb back to the root.
    std::fs::create_dir_all(fixture.path().join("laporan/2022")).unwrap();
    let run = fixture.zi(&["report", "-o", "laporan/2022/rkt.html"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(run.stdout, "", "the page goes to the file, not to standard output");
    let html = std::fs::read_to_string(fixture.path().join("laporan/2022/rkt.html")).unwrap();
    assert!(attribute_values(&html, "href").iter().any(|h| h.starts_with("../../plan/")));
    for target in link_targets(&html, &fixture.path().join("laporan/2022")) {
        assert!(target.exists(), "{} does not exist", target.display());
    }
}

#[test]
fn dash_o_is_taken_from_the_dash_c_folder_and_replaces_only_pages_zi_wrote() {
    let fixture = realistic();
    let outside = tempfile::tempdir().unwrap();
    let written =
        fixture.zi_in(outside.path(), &["-C", fixture.path().to_str().unwrap(), "report", "-o", "rkt.html"]);
    assert_eq!(written.code, 0, "{}", written.stderr);
    let page = fixture.path().join("rkt.html");
    let first = std::fs::read_to_string(&page).expect("written under -C");
    assert!(first.contains(r#"<meta name="generator" content="zi">"#));

    let again = fixture.zi(&["report", "-o", "rkt.html", "--lang", "en"]);
    assert_eq!(again.code, 0, "zi replaces its own page: {}", again.stderr);
    assert!(std::fs::read_to_string(&page).unwrap().contains("<html lang=\"en\">"));

    fixture.write("notes.html", "<html><body>catatan rapat</body></html>\n");
    let refused = fixture.zi(&["report", "-o", "notes.html"]);
    assert_eq!(refused.code, 2);
    assert!(refused.stderr.contains("notes.html sudah ada dan bukan dibuat oleh zi"), "{}", refused.stderr);
    assert!(refused.stderr.contains("--force"), "{}", refused.stderr);
    let kept = std::fs::read_to_string(fixture.path().join("notes.html")).unwrap();
    assert_eq!(kept, "<html><body>catatan rapat</body></html>\n", "the file is untouched");

    let forced = fixture.zi(&["report", "-o", "notes.html", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert!(std::fs::read_to_string(fixture.path().join("notes.html"))
        .unwrap()
        .starts_with("<!DOCTYPE html>"));

    let no_folder = fixture.zi(&["report", "-o", "tidak-ada/rkt.html"]);
    assert_eq!(no_folder.code, 2, "a missing folder is an error, not created");
    assert!(!fixture.path().join("tidak-ada").exists());
    let folder = fixture.zi(&["report", "-o", "plan"]);
    assert_eq!(folder.code, 2);
    assert!(folder.stderr.contains("plan adalah folder"), "{}", folder.stderr);

    let leftovers: Vec<String> = std::fs::read_dir(fixture.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".zi-tmp"))
        .collect();
    assert_eq!(leftovers, Vec::<String>::new(), "no temporary file is left behind");
}

#[test]
fn ids_narrow_the_report_to_an_area() {
    let html = page(&["III"]);
    let ids = attribute_values(&html, "id");
    for id in IDS {
        assert_eq!(ids.iter().any(|i| i == id), id.starts_with("III."), "{id}");
    }
    assert!(!visible_text(&html).contains("Lembar Monev ZI"), "the overdue list is narrowed too");
    let unknown = realistic().zi(&["report", "IX"]);
    assert_eq!(unknown.code, 2);
}

#[test]
fn a_report_of_a_plan_with_nothing_overdue_says_so() {
    let fixture = realistic();
    let run = fixture.zi(&["report", "VI.1"]);
    assert!(
        visible_text(&run.stdout).contains(&format!("tidak ada yang terlambat per {AS_OF}")),
        "{}",
        run.stdout
    );
    assert!(!Path::new(&fixture.path().join("report.html")).exists());
}
