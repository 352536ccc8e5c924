//! `zi report`: one self-contained HTML page, its links, its timeline
//! against `zi status`, and how `-o` treats files that are already there.
//!
//! The whole page of the realistic and the shipped plans, in both
//! languages, is pinned in `snapshots.rs`; the tests here hold the
//! properties a snapshot update must never lose (no script, nothing from
//! the network, escaped plan text, links that lead somewhere).

use crate::fixture::{realistic, AS_OF, IDS};
use crate::harness::{Zi, AUGUST};
use crate::html::{attribute_values, external_urls, link_targets, structure_problems, tags, visible_text};

/// What zi says on standard error about the realistic plan's invalid
/// indicator, whatever it prints.
const PROBLEMS: &str = "zi: 2 masalah dalam berkas rencana; jalankan `zi check` untuk rinciannya\n";

fn page(args: &[&str]) -> String {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    let run = realistic().run(AS_OF, &all);
    assert_eq!(run.code, 0, "{}", run.stderr);
    run.stdout
}

#[test]
fn the_report_is_one_well_formed_page_with_no_script_and_nothing_from_the_network() {
    for lang in ["id", "en"] {
        let html = page(&["--lang", lang]);
        assert_eq!(structure_problems(&html), Vec::<String>::new(), "--lang {lang}");
        let lower = html.to_ascii_lowercase();
        assert!(!lower.contains("<script") && !lower.contains("<iframe"), "no script");
        assert_eq!(external_urls(&html), Vec::<String>::new(), "nothing may be fetched");
        assert!(!html.contains("http://") && !html.contains("https://"));
        let ids = attribute_values(&html, "id");
        let hrefs = attribute_values(&html, "href");
        for id in IDS {
            assert!(ids.iter().any(|i| i == id), "indicator {id} has its own section");
            assert!(hrefs.iter().any(|h| *h == format!("#{id}")), "the timeline links to {id}");
        }
    }
}

#[test]
fn the_page_forbids_loads_and_prints_on_a4() {
    let html = page(&[]);
    let head: Vec<&str> = html.lines().take(6).collect();
    assert_eq!(
        head,
        [
            "<!DOCTYPE html>",
            "<html lang=\"id\">",
            "<head>",
            "<meta charset=\"utf-8\">",
            "<meta name=\"generator\" content=\"zi\">",
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">",
        ]
    );
    let style = html.split("<style>").nth(1).and_then(|s| s.split("</style>").next()).unwrap();
    assert!(style.lines().any(|l| l.trim_start().starts_with("@page { size: A4;")), "printable on A4");
    assert!(style.lines().any(|l| l.trim_start().starts_with("@media print")), "a print style");
}

#[test]
fn the_page_shows_unit_year_date_areas_and_the_overdue_documents() {
    // Unit, year, date, the areas, the timeline, the overdue documents
    // (Lembar Monev ZI, Kuesioner), the invalid indicator's problem, and
    // the unit's totals: 22 of 26 documents due so far (84%), 23 of 49 for
    // the year (46%).
    assert_text!("realistic-visible-text-id", visible_text(&page(&[])));
    assert_text!("realistic-visible-text-en", visible_text(&page(&["--lang", "en"])));
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
    let repo = realistic();
    let first = repo.run(AS_OF, &["report"]);
    let second = repo.run(AS_OF, &["report"]);
    assert_eq!(first.stdout, second.stdout);
    first.assert_no_absolute_path();
    assert!(!first.stdout.contains("file:"));
}

/// Every cell of the timeline says what `zi status --format json` says:
/// a deadline cell carries its period's state, the other months of a period
/// its pale tint, and the status chip the indicator's status.
#[test]
fn the_timeline_matches_zi_status() {
    let repo = realistic();
    let html = repo.run(AS_OF, &["report"]).stdout;
    let json = repo.run(AS_OF, &["status", "--format", "json"]).json();
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
        let chips: Vec<String> =
            attribute_values(row, "class").into_iter().filter(|c| c.starts_with("chip")).collect();
        assert_eq!(chips, [format!("chip {status}")], "{id}: {row}");
        if status == "invalid" {
            assert_eq!(attribute_values(row, "colspan"), ["12"], "{id}: {row}");
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
            let marked = class.split(' ').any(|w| w == "now");
            assert_eq!(marked, month == AS_OF[..7], "{id} {month}: this month is marked");
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
        .filter(|(_, c)| c.split(' ').any(|w| w == "occ"))
        .map(|(i, _)| i + 1)
        .collect();
    assert_eq!(occurrences, [3, 6]);
}

#[test]
fn file_links_are_relative_to_the_page_and_lead_to_the_files() {
    let repo = realistic();
    // On standard output the page is assumed to sit at the root.
    let html = repo.run(AS_OF, &["report"]).stdout;
    let targets = link_targets(&html, repo.root());
    assert!(targets.len() > 40, "plan files, evidence folders and files are linked");
    for target in &targets {
        assert!(target.exists(), "{} does not exist", target.display());
    }
    let hrefs = attribute_values(&html, "href");
    let monev = "evidence/1-manajemen-perubahan/2-pemantauan-evaluasi/1-monev-semester/2022-07";
    assert!(
        hrefs.iter().any(|h| *h == format!("{monev}/daftar%20hadir%20rapat%20%231.pdf")),
        "spaces and # are encoded"
    );
    // Two folders down, the links climb back to the root.
    repo.mkdir("laporan/2022");
    let run = repo.run(AS_OF, &["report", "-o", "laporan/2022/rkt.html"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, "", PROBLEMS),
        "the page goes to the file"
    );
    let html = repo.read("laporan/2022/rkt.html");
    assert!(attribute_values(&html, "href").iter().any(|h| h.starts_with("../../plan/")));
    for target in link_targets(&html, &repo.at("laporan/2022")) {
        assert!(target.exists(), "{} does not exist", target.display());
    }
}

#[test]
fn dash_o_is_taken_from_the_dash_c_folder_and_replaces_only_pages_zi_wrote() {
    let repo = realistic();
    let outside = tempfile::tempdir().unwrap();
    let root = repo.root().to_str().unwrap();
    let written = Zi::new(outside.path(), AUGUST, &["-C", root, "report", "-o", "rkt.html"]).run();
    assert_eq!((written.code, written.stdout.as_str(), written.stderr.as_str()), (0, "", PROBLEMS));
    assert_eq!(repo.read("rkt.html"), repo.run(AS_OF, &["report"]).stdout, "written under -C");

    let again = repo.run(AS_OF, &["report", "-o", "rkt.html", "--lang", "en"]);
    assert_eq!(again.code, 0, "zi replaces its own page: {}", again.stderr);
    assert_eq!(repo.read("rkt.html"), repo.run(AS_OF, &["report", "--lang", "en"]).stdout);

    let notes = "<html><body>catatan rapat</body></html>\n";
    repo.write("notes.html", notes);
    // "notes.html sudah ada dan bukan dibuat oleh zi", and --force.
    assert_run!("refuses-a-page-zi-did-not-write", repo.run(AS_OF, &["report", "-o", "notes.html"]));
    assert_eq!(repo.read("notes.html"), notes, "the file is untouched");

    let forced = repo.run(AS_OF, &["report", "-o", "notes.html", "--force"]);
    assert_eq!(forced.code, 0, "{}", forced.stderr);
    assert_eq!(repo.read("notes.html"), repo.run(AS_OF, &["report"]).stdout);

    assert_run!("no-such-folder", repo.run(AS_OF, &["report", "-o", "tidak-ada/rkt.html"]));
    assert!(!repo.at("tidak-ada").exists(), "a missing folder is an error, not created");
    assert_run!("output-is-a-folder", repo.run(AS_OF, &["report", "-o", "plan"]));

    let leftovers: Vec<String> = std::fs::read_dir(repo.root())
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
    // The overdue list is narrowed too: no Lembar Monev ZI of I.2.1.
    assert_text!("realistic-III-visible-text", visible_text(&html));
    assert_run!("unknown-id", realistic().run(AS_OF, &["report", "IX"]));
}

/// The head of the unit signs under "Mengetahui,": position, room for the
/// signature, name and NIP from zi.toml's `head`; without it, blank lines.
#[test]
fn the_signature_block_names_the_head_from_zi_toml() {
    let repo = realistic();
    let with_head = "unit = \"Balai Uji Tanaman & Kebun\"\nyear = 2022\nlang = \"id\"\n\
                     head = { name = \"Dr. Siti Aminah\", nip = \"19700101 199503 2 001\", title = \"Kepala Balai Uji\" }\n";
    repo.write("zi.toml", with_head);
    let signed = visible_text(&repo.run(AS_OF, &["report", "VI.1"]).stdout);
    let block = |text: &str| {
        text[text.find("15 Agustus 2022 \n Mengetahui,").expect("the signature block")..].to_string()
    };
    assert_text!("signature-with-head", block(&signed));
    repo.write("zi.toml", "unit = \"Balai Uji Tanaman & Kebun\"\nyear = 2022\nlang = \"en\"\n");
    let blank = visible_text(&repo.run(AS_OF, &["report", "VI.1"]).stdout);
    assert!(blank.contains("Acknowledged,"), "{blank}");
    let check = repo.run(AS_OF, &["check"]);
    assert_eq!(check.code, 1, "the realistic plan has its own errors");
    repo.write("zi.toml", format!("{with_head}[extra]\n").replace("nip =", "nipp ="));
    let typo = repo.run(AS_OF, &["check", "--format", "json"]).json();
    let codes: Vec<&str> = typo["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "zi.toml")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(codes, ["kunci `nipp` tidak dikenal", "kunci `extra` tidak dikenal"]);
}

#[test]
fn a_report_of_a_plan_with_nothing_overdue_says_so() {
    let repo = realistic();
    let run = repo.run(AS_OF, &["report", "VI.1"]);
    // "tidak ada yang terlambat per 2022-08-15".
    assert_text!("realistic-VI.1-visible-text", visible_text(&run.stdout));
    assert!(!repo.at("report.html").exists());
}

/// The names in `dir`, sorted.
fn names_in(dir: &std::path::Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// `args` run under `sh`, with `prelude` first (a `ulimit`, a `trap`).
fn under_sh(prelude: &str, args: &[&str]) -> Vec<String> {
    let mut all = vec!["sh".to_string(), "-c".to_string(), format!("{prelude}; exec \"$0\" \"$@\"")];
    all.extend(args.iter().map(|a| a.to_string()));
    all
}

#[cfg(unix)]
#[test]
fn a_page_that_cannot_be_written_whole_leaves_nothing_and_the_old_page_as_it_was() {
    let repo = realistic();
    let old = repo.run(AS_OF, &["report", "-o", "rkt.html", "--lang", "en"]);
    assert_eq!(old.code, 0, "{}", old.stderr);
    let before = (repo.read("rkt.html"), names_in(repo.root()));
    // Files of at most 8 KiB (16 of sh's 512-byte blocks, or 16 KiB in
    // 1024-byte ones): the page and the spool of its cards fail midway,
    // with "File too large" rather than a signal.
    let limited = under_sh("trap '' XFSZ; ulimit -f 16", &[]);
    let prefix: Vec<&str> = limited.iter().map(String::as_str).collect();
    let run = repo.zi(AS_OF, &["report", "-o", "rkt.html"]).prefix(&prefix).run();
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "the page is larger than the limit: {}", run.stderr);
    assert_eq!(
        run.stderr, "kesalahan: tidak dapat menulis rkt.html: berkas terlalu besar (kesalahan OS 27)\n",
        "an error, and not the plan's problems, which follow a page written"
    );
    assert_eq!((repo.read("rkt.html"), names_in(repo.root())), before, "nothing left, nothing replaced");
}

#[cfg(unix)]
#[test]
fn a_page_into_a_folder_zi_cannot_write_is_an_error_that_leaves_nothing() {
    use std::os::unix::fs::PermissionsExt;
    let repo = realistic();
    repo.mkdir("laporan");
    std::fs::set_permissions(repo.at("laporan"), std::fs::Permissions::from_mode(0o555)).unwrap();
    // Root writes into a read-only folder unless setpriv drops the
    // capability that lets it.
    let setpriv = ["setpriv", "--inh-caps=-dac_override", "--bounding-set=-dac_override"];
    let probe = std::process::Command::new(setpriv[0])
        .args(&setpriv[1..])
        .arg("touch")
        .arg(repo.at("laporan/x"))
        .output();
    let prefix: &[&str] = match probe {
        Ok(p) if !p.status.success() => &setpriv,
        _ if std::fs::write(repo.at("laporan/x"), "").is_err() => &[],
        _ => panic!(
            "this user writes into a read-only folder, and setpriv (util-linux) could not drop the \
             capability that lets it: nothing would be tested"
        ),
    };
    let run = repo.zi(AS_OF, &["report", "-o", "laporan/rkt.html"]).prefix(prefix).run();
    assert_eq!((run.code, run.stdout.as_str()), (2, ""), "{}", run.stderr);
    assert_eq!(
        run.stderr, "kesalahan: tidak dapat menulis laporan/rkt.html: akses ditolak (kesalahan OS 13)\n",
        "the temporary file's random name is not part of the message"
    );
    assert_eq!(names_in(&repo.at("laporan")), Vec::<String>::new(), "nothing left in the folder");
    std::fs::set_permissions(repo.at("laporan"), std::fs::Permissions::from_mode(0o755)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_report_interrupted_by_a_signal_leaves_no_temporary_file() {
    use std::os::unix::process::ExitStatusExt;
    // The page's temporary file is made only once the plan is judged, so
    // the signal is sent when it is seen, not after a fixed delay. Enough
    // indicators for the page to take a while to write.
    let repo = realistic();
    let component = "plan/1-manajemen-perubahan/9-banyak";
    repo.write(&format!("{component}/component.toml"), "name = \"Banyak\"\n");
    for i in 0..2000 {
        let text = crate::harness::indicator_text("Rapat", "[\"Notulen\"]", "Juli 2022");
        repo.write(&format!("{component}/{}-rapat.toml", i + 1), text);
    }
    let is_temporary = |name: &String| name.starts_with(".zi-tmp-");
    let before = names_in(repo.root());
    for signal in [libc::SIGINT, libc::SIGTERM] {
        // A run that ends before the signal lands proves nothing: try again.
        let caught = (0..20).any(|_| {
            let mut child = repo.zi(AS_OF, &["report", "-o", "rkt.html"]).spawn(std::process::Stdio::null());
            while child.try_wait().unwrap().is_none() && !names_in(repo.root()).iter().any(is_temporary) {}
            // SAFETY: kill has no memory effects; the child is not yet
            // waited for, so its id is still its own.
            unsafe { libc::kill(child.id() as libc::pid_t, signal) };
            let status = child.wait().unwrap();
            let mut after = names_in(repo.root());
            after.retain(|n| n != "rkt.html");
            assert_eq!(after, before, "signal {signal}: nothing left behind");
            status.signal() == Some(signal)
        });
        assert!(caught, "signal {signal} never landed while the page was written");
    }
}

/// A page written to a file copies its cards from where they waited, and
/// the headings before them where they waited with them: the same bytes
/// as the page printed, whichever indicators it shows (a component, an
/// area or a plan's first indicator left out).
#[test]
fn a_page_written_to_a_file_is_the_page_printed_whatever_it_shows() {
    let repo = realistic();
    let shown: [&[&str]; 5] =
        [&[], &["III"], &["I.1.2", "IV", "VI.2"], &["--pic", "tim kerja"], &["--pic", "kepala"]];
    for args in shown {
        let printed = repo.run(AS_OF, &[&["report"], args].concat());
        let written = repo.run(AS_OF, &[&["report", "-o", "rkt.html", "--force"], args].concat());
        assert_eq!((written.code, written.stdout.as_str()), (0, ""), "{args:?}: {}", written.stderr);
        let cards = printed.stdout.matches("<article class=\"ind\"").count();
        assert!((1..15).contains(&cards) || args.is_empty() && cards == 15, "{args:?}: {cards} cards");
        assert_eq!(repo.read("rkt.html"), printed.stdout, "{args:?}");
    }
}
