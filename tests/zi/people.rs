//! What each person reads: `--pic`, `--only`, `zi overdue ID…`, and text
//! with control characters from plan files and file names, which never
//! reaches a terminal raw.

use crate::fixture::{realistic, AS_OF};
use crate::harness::Repo;

fn ids(run: &crate::harness::Run) -> Vec<String> {
    run.stdout.lines().skip(1).map(|l| l.split(',').next().unwrap_or("").to_string()).collect()
}

#[test]
fn pic_keeps_the_indicators_whose_person_in_charge_contains_the_text_in_any_case() {
    let fixture = realistic();
    let status = fixture.run(AS_OF, &["--lang", "en", "status", "--pic", "tim kerja", "--format", "csv"]);
    assert_eq!(ids(&status), ["I.2.1"]);
    let overdue = fixture.run(AS_OF, &["--lang", "en", "overdue", "--pic", "KEPALA", "--format", "csv"]);
    assert_eq!(
        overdue.stdout.lines().count(),
        1,
        "I.1.1 is done, so nothing is overdue for it:\n{}",
        overdue.stdout
    );
    let nobody =
        fixture.run(AS_OF, &["--lang", "en", "status", "--pic", "Subbag Keuangan", "--format", "csv"]);
    assert_eq!(ids(&nobody), Vec::<String>::new());
    assert_run!("overdue-pic", fixture.run(AS_OF, &["--lang", "id", "overdue", "--pic", "tim"]));
}

#[test]
fn only_keeps_the_indicators_with_the_statuses_named() {
    let fixture = realistic();
    let run = fixture.run(AS_OF, &["status", "--only", "overdue", "due", "--format", "csv"]);
    let json = fixture.run(AS_OF, &["status", "--format", "json"]).json();
    let mut expected = Vec::new();
    for area in json["areas"].as_array().unwrap() {
        for component in area["components"].as_array().unwrap() {
            for indicator in component["indicators"].as_array().unwrap() {
                if ["overdue", "due"].contains(&indicator["status"].as_str().unwrap()) {
                    expected.push(indicator["id"].as_str().unwrap().to_string());
                }
            }
        }
    }
    assert!(expected.len() >= 3, "the realistic plan has overdue and due indicators");
    assert_eq!(ids(&run), expected);
    let comma = fixture.run(AS_OF, &["status", "--only", "overdue,due", "--format", "csv"]);
    assert_eq!(comma.stdout, run.stdout);
    assert_run!("only-a-typo", fixture.run(AS_OF, &["--lang", "id", "status", "--only", "telat"]));
}

#[test]
fn overdue_takes_ids_like_status() {
    let fixture = realistic();
    let one = fixture.run(AS_OF, &["--lang", "en", "overdue", "I.2", "--format", "csv"]);
    assert_eq!(ids(&one), ["I.2.1"]);
    let unknown = fixture.run(AS_OF, &["--lang", "en", "overdue", "IX"]);
    assert_eq!(unknown.code, 2, "{unknown:?}");
}

/// A narrow ID reads only the areas and components that may hold what it
/// selects: the errors of III.2.2 and a folder of II that nothing owns are
/// outside `I.2`, so they are neither read nor said, and do not fail it.
/// By ID or by path, the same indicators.
#[test]
fn a_narrow_id_reads_only_its_part_of_the_plan() {
    let fixture = realistic();
    fixture.file("evidence/2-penataan-tata-laksana/9-nobody/2022-01/x.pdf");
    let whole = fixture.run(AS_OF, &["--lang", "en", "overdue", "--format", "csv"]);
    assert!(whole.stderr.contains("2 problems in plan files"), "{whole:?}");
    assert!(whole.stderr.contains("1 evidence file or folder is filed where"), "{whole:?}");
    let part = fixture.run(AS_OF, &["--lang", "en", "overdue", "I.2", "--format", "csv"]);
    assert_eq!((ids(&part), part.stderr.as_str(), part.code), (vec!["I.2.1".to_string()], "", 1));
    let fine = fixture.run(AS_OF, &["--lang", "en", "overdue", "IV.1", "--format", "csv"]);
    assert_eq!((fine.stderr.as_str(), fine.code), ("", 0), "{fine:?}");
    let broken = fixture.run(AS_OF, &["--lang", "en", "status", "III.2.2", "--format", "csv"]);
    assert!(broken.stderr.contains("2 problems in plan files"), "{broken:?}");
    let by_id = fixture.run(AS_OF, &["--lang", "en", "status", "I", "--format", "csv"]);
    for path in ["plan/1-manajemen-perubahan/", "./evidence/1-manajemen-perubahan", "plan", "evidence"] {
        let by_path = fixture.run(AS_OF, &["--lang", "en", "status", path, "--format", "csv"]);
        let expected = if path.contains('/') { ids(&by_id) } else { ids(&whole_status(&fixture)) };
        assert_eq!(ids(&by_path), expected, "{path}");
    }
    let file = "plan/1-manajemen-perubahan/2-pemantauan-evaluasi/1-monev-semester.toml";
    let by_file = fixture.run(AS_OF, &["--lang", "en", "status", file, "--format", "csv"]);
    assert_eq!(ids(&by_file), ["I.2.1"]);
}

fn whole_status(fixture: &Repo) -> crate::harness::Run {
    fixture.run(AS_OF, &["--lang", "en", "status", "--format", "csv"])
}

/// Every control character a name or a text can carry: ESC (a colour
/// code), BEL, CR, newline, tab, and a right-to-left override.
const NASTY: &str = "lap\u{1b}[31mMERAH\u{7}\r\n\tx\u{202e}fdp";

fn nasty_repo() -> Repo {
    let repo = Repo::new();
    let toml_text: String = NASTY.chars().map(|c| format!("\\u{:04x}", u32::from(c))).collect();
    repo.write("plan/1-area/area.toml", "name = \"Manajemen Perubahan\"\n");
    repo.write("plan/1-area/1-comp/component.toml", "name = \"Tim Kerja\"\n");
    repo.write(
        "plan/1-area/1-comp/1-a.toml",
        format!(
            "indicator = \"Teks {toml_text}\"\nactions = [\"Aksi {toml_text}\"]\n\
             evidence = [{{ name = \"Dok {toml_text}\", file = \"*\" }}]\ndue = \"Januari 2022\"\npic = \"PJ {toml_text}\"\n"
        ),
    );
    repo.file(&format!("evidence/1-area/1-comp/1-a/2022-01/{NASTY}.pdf"));
    repo.file(&format!("evidence/1-area/1-comp/1-a/2022-03/{NASTY}.pdf"));
    repo
}

#[test]
fn control_characters_in_names_and_text_are_escaped_everywhere_but_json() {
    let repo = nasty_repo();
    let commands: [&[&str]; 4] = [&["status"], &["overdue"], &["show", "I.1.1"], &["check"]];
    for command in commands {
        for format in ["table", "markdown", "csv"] {
            let mut args = vec!["--lang", "en"];
            args.extend(command);
            args.extend(["--format", format]);
            let run = repo.run("2022-08-15", &args);
            for (stream, text) in [("stdout", &run.stdout), ("stderr", &run.stderr)] {
                let raw: Vec<char> =
                    text.chars().filter(|c| c.is_control() && *c != '\n' || *c == '\u{202e}').collect();
                assert!(raw.is_empty(), "zi {args:?} wrote {raw:?} raw on {stream}:\n{text}");
            }
        }
    }
    assert_run!("nasty-show", repo.run("2022-08-15", &["--lang", "en", "show", "I.1.1"]));
    assert_run!("nasty-status", repo.run("2022-08-15", &["--lang", "en", "status"]));
    let json = repo.run("2022-08-15", &["status", "--format", "json"]).json();
    let indicator = &json["areas"][0]["components"][0]["indicators"][0];
    assert_eq!(indicator["indicator"], format!("Teks {NASTY}"), "JSON carries the text as it is");
    assert_eq!(indicator["pic"], format!("PJ {NASTY}"));
}

/// The page too: `zi report` without `-o` may write it to a terminal, and
/// in HTML a control character is a parse error. Line feed and tab are
/// HTML's whitespace and stay; everything else shows as on a terminal.
#[test]
fn the_report_shows_control_characters_as_visible_escapes() {
    let repo = nasty_repo();
    let shown = "lap\\x1b[31mMERAH\\x07\\r\n\tx\\u{202e}fdp";
    for lang in ["en", "id"] {
        let run = repo.run("2022-08-15", &["--lang", lang, "report"]);
        assert_eq!(run.code, 0, "{run:?}");
        let raw: Vec<char> = run
            .stdout
            .chars()
            .filter(|&c| c.is_control() && !matches!(c, '\n' | '\t') || c == '\u{202e}')
            .collect();
        assert!(raw.is_empty(), "zi report wrote {raw:?} raw");
        for text in [
            format!("Teks {shown}"),
            format!("Aksi {shown}"),
            format!("PJ {shown}"),
            format!("2022-01/{shown}.pdf"),
        ] {
            assert!(run.stdout.contains(&text), "{lang}: the page shows {text:?}");
        }
    }
}
