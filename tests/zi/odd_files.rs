//! Evidence as a new team files it: the leftovers of systems and programs,
//! empty files, links out of the repository and names typed on a Mac never
//! make a period done, and each is said for what it is. Every case sits
//! beside the good indicator (`I.1.1`, done), which must still be reported.

use crate::fixture::good;
use crate::harness::{indicator_text as indicator, Repo};

const TODAY: &str = "2022-09-01";

/// `zi status`, `zi check` and `zi show ID` of `repo`, in one snapshot text.
fn status_check_show(repo: &Repo, id: &str) -> String {
    [repo.run(TODAY, &["status"]), repo.run(TODAY, &["check"]), repo.run(TODAY, &["show", id])]
        .iter()
        .map(|run| format!("$ {}\n{}", run.command, run.snapshot()))
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn leftovers_of_systems_and_programs_never_make_a_period_done() {
    let repo = good();
    repo.write("plan/1-area/1-comp/2-notulen.toml", indicator("Rapat", "[\"Notulen\"]", "Juli 2022"));
    let month = "evidence/1-area/1-comp/2-notulen/2022-07";
    for name in [
        "Thumbs.db",
        "desktop.ini",
        "~$notulen.docx",
        ".~lock.notulen.docx#",
        "notulen.docx.tmp",
        "notulen.pdf.crdownload",
        "notulen.pdf.part",
        ".DS_Store",
        "README.txt",
    ] {
        repo.file(&format!("{month}/{name}"));
    }
    repo.file("evidence/1-area/1-comp/2-notulen/.gitkeep");
    assert_text!("leftovers-never-count", status_check_show(&repo, "I.1.2"));
}

#[test]
fn an_office_owner_file_does_not_satisfy_the_document_it_is_named_after() {
    let repo = good();
    repo.write(
        "plan/1-area/1-comp/2-rapat.toml",
        indicator("Rapat", "[\"Undangan\", \"Notulen\"]", "Juli 2022"),
    );
    repo.file("evidence/1-area/1-comp/2-rapat/2022-07/undangan.pdf");
    repo.file("evidence/1-area/1-comp/2-rapat/2022-07/~$notulen.docx");
    let run = repo.run(TODAY, &["overdue"]);
    assert_run!("owner-file-is-not-notulen", run);
}

#[cfg(unix)]
#[test]
fn an_empty_file_and_a_link_out_of_the_repository_are_reported_and_never_count() {
    let repo = good();
    repo.write("plan/1-area/1-comp/2-kosong.toml", indicator("Kosong", "[\"Laporan\"]", "Juli 2022"));
    repo.write("evidence/1-area/1-comp/2-kosong/2022-07/laporan.pdf", "");
    repo.write("plan/1-area/1-comp/3-tautan.toml", indicator("Tautan", "[\"Laporan\"]", "Juli 2022"));
    repo.symlink("/etc/hostname", "evidence/1-area/1-comp/3-tautan/2022-07/hostname.pdf");
    // A link that stays inside the repository is the file it leads to.
    repo.write("plan/1-area/1-comp/4-salinan.toml", indicator("Salinan", "[\"Laporan\"]", "Juli 2022"));
    repo.symlink("../../1-good/2022-07/laporan.pdf", "evidence/1-area/1-comp/4-salinan/2022-07/laporan.pdf");
    assert_text!("empty-and-outside-never-count", status_check_show(&repo, "I.1.2"));
    let show = repo.run(TODAY, &["show", "I.1.3", "--format", "json"]);
    assert_eq!(show.json()["ignored_files"], serde_json::json!(["2022-07/hostname.pdf"]));
}

#[test]
fn a_name_typed_on_a_mac_matches_the_same_name_typed_on_windows() {
    let repo = good();
    // Composed é (as Windows and most keyboards write it) in the plan...
    repo.write(
        "plan/1-area/1-comp/2-kinerja.toml",
        indicator("Evaluasi", "[\"Undangan\", \"Notulen evaluasi kin\u{e9}rja\"]", "Juli 2022"),
    );
    repo.file("evidence/1-area/1-comp/2-kinerja/2022-07/undangan.pdf");
    // ...and e + combining acute (as macOS stores it) in the file name.
    repo.file("evidence/1-area/1-comp/2-kinerja/2022-07/Notulen Evaluasi Kine\u{301}rja.pdf");
    let run = repo.run(TODAY, &["status"]);
    assert_run!("nfd-name-matches-nfc-document", run);
}

/// `zi COMMAND` with standard output closed before zi writes a byte, as
/// `zi overdue | head -0` leaves it: the exit status.
fn code_with_stdout_closed(repo: &Repo, args: &[&str]) -> i32 {
    let mut child = repo.zi(TODAY, args).spawn(std::process::Stdio::piped());
    drop(child.stdout.take());
    child.wait().unwrap().code().expect("zi ends by itself, not by a signal")
}

#[test]
fn a_reader_that_closes_the_pipe_early_does_not_change_the_exit_status() {
    let repo = crate::fixture::broken();
    for args in [&["overdue"][..], &["check"], &["status"], &["overdue", "--format", "json"]] {
        let read_to_the_end = repo.run(TODAY, args).code;
        assert_eq!(code_with_stdout_closed(&repo, args), read_to_the_end, "zi {args:?}");
    }
    assert_eq!(repo.run(TODAY, &["overdue"]).code, 1, "the case that matters: a failing overdue");
}

#[test]
fn misfiled_evidence_is_named_by_status_and_overdue_and_check_says_how_to_fix_it() {
    let repo = good();
    repo.write("plan/1-area/1-comp/2-rapat.toml", indicator("Rapat", "[\"Notulen\"]", "Maret, Juli 2022"));
    for folder in ["Juli 2022", "07-2022", "2022-7", "2022-03 Rapat Maret"] {
        repo.file(&format!("evidence/1-area/1-comp/2-rapat/{folder}/notulen.pdf"));
    }
    // Beside the month folders of an indicator with two periods.
    repo.file("evidence/1-area/1-comp/2-rapat/notulen-juli.pdf");
    // One letter off the indicator's folder.
    repo.file("evidence/1-area/1-comp/2-rpat/2022-07/notulen.pdf");
    assert_text!("misfiled-evidence-named", status_check_show(&repo, "I.1.2"));
    let overdue = repo.run(TODAY, &["overdue"]);
    assert_run!("misfiled-evidence-overdue", overdue);
}

#[test]
fn the_report_has_a_section_on_misfiled_evidence_and_a_line_pointing_to_it() {
    let repo = good();
    repo.write("plan/1-area/1-comp/2-rapat.toml", indicator("Rapat", "[\"Notulen\"]", "Maret, Juli 2022"));
    repo.file("evidence/1-area/1-comp/2-rapat/Juli 2022/notulen.pdf");
    repo.file("evidence/1-area/1-comp/2-rpat/2022-07/notulen <b>.pdf");
    for lang in ["en", "id"] {
        let run = repo.run(TODAY, &["report", "-o", "laporan.html", "--force", "--lang", lang]);
        assert_eq!(run.code, 0, "{run:?}");
        let page = repo.read("laporan.html");
        let start = page.find("<section id=\"misfiled\">").expect("the section is there");
        let end = start + page[start..].find("</section>").unwrap() + "</section>".len();
        let pointer =
            page.lines().find(|l| l.contains("href=\"#misfiled\"")).expect("the header points to it");
        assert_text!(format!("report-misfiled-section-{lang}"), format!("{pointer}\n{}", &page[start..end]));
    }
    let clean = good();
    clean.run(TODAY, &["report", "-o", "laporan.html"]);
    assert!(!clean.read("laporan.html").contains("misfiled"), "no section when nothing is misfiled");
}

#[test]
fn a_file_filed_under_the_wrong_sibling_is_named_as_that_siblings_document() {
    let repo = good();
    repo.write(
        "plan/1-area/1-comp/2-rapat.toml",
        indicator("Rapat", "[\"Undangan rapat\", \"Notulen rapat\"]", "Juli 2022"),
    );
    repo.write(
        "plan/1-area/1-comp/3-monev.toml",
        indicator("Monev", "[\"Lembar monev\", \"Laporan monev\"]", "Juli 2022"),
    );
    repo.file("evidence/1-area/1-comp/2-rapat/2022-07/undangan-rapat.pdf");
    // The minutes went into the monitoring indicator's folder, and a photo
    // that is nobody's document beside them.
    repo.file("evidence/1-area/1-comp/3-monev/2022-07/Notulen_Rapat_Juli.pdf");
    repo.file("evidence/1-area/1-comp/3-monev/2022-07/foto.jpg");
    for lang in ["en", "id"] {
        let run = repo.run(TODAY, &["--lang", lang, "check"]);
        assert_run!(&format!("looks-like-a-sibling-{lang}"), run);
    }
}

#[test]
fn the_hint_for_a_folder_zi_cannot_read_as_a_month_shows_the_plans_own_year() {
    let repo = crate::harness::Repo::new();
    repo.write("zi.toml", "unit = \"Balai\"\nyear = 2027\n")
        .write("plan/1-area/area.toml", "name = \"Manajemen Perubahan\"\n")
        .write("plan/1-area/1-comp/component.toml", "name = \"Tim Kerja\"\n")
        .write("plan/1-area/1-comp/1-good.toml", indicator("Laporan tim", "[\"Laporan\"]", "Juli"))
        .file("evidence/1-area/1-comp/1-good/2027-07/laporan.pdf")
        .file("evidence/1-area/1-comp/1-good/foto kegiatan/foto.jpg");
    assert_run!("bad-month-folder-plan-year", repo.run("2027-09-01", &["check"]));
}
