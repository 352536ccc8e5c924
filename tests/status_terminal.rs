//! `zi status` in a terminal: a head with progress bars per area, coloured
//! statuses only when colour is on, and every line within 100 columns.

mod report_fixture;

use std::path::PathBuf;

use chrono::NaiveDate;
use report_fixture::{realistic, AS_OF};
use zi::cli::{Format, GlobalArgs};
use zi::text::Lang;

/// Display columns of a line: ANSI escapes take none, and every character
/// zi prints (Latin text, box drawing, blocks, dashes) takes one.
fn columns(line: &str) -> usize {
    strip_ansi(line).chars().count()
}

fn strip_ansi(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for c in chars.by_ref() {
                if c.is_ascii_alphabetic() {
                    break;
                }
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// `zi status` rendered through the library with colour forced on or off.
fn status_with_color(root: PathBuf, lang: Lang, color: bool) -> String {
    let global = GlobalArgs {
        dir: Some(root),
        as_of: Some(NaiveDate::parse_from_str(AS_OF, "%Y-%m-%d").unwrap()),
        lang: Some(lang),
    };
    let (eval, ctx) =
        zi::commands::load(&global, color, |_| zi::judge::evaluate::Detail::Summary).expect("load the plan");
    let mut out = Vec::new();
    zi::commands::status::run(&eval, ctx, &[], Format::Table, &mut out).expect("render");
    String::from_utf8(out).expect("UTF-8")
}

#[test]
fn every_line_of_the_status_table_fits_in_100_columns() {
    let fixture = realistic();
    for lang in ["id", "en"] {
        let run = fixture.zi(&["--lang", lang, "status"]);
        let wide: Vec<&str> = run.stdout.lines().filter(|l| columns(l) > 100).collect();
        assert!(wide.is_empty(), "--lang {lang}: lines wider than 100 columns:\n{}", wide.join("\n"));
        // The long indicator text of III.2.1 wraps inside its cell.
        assert!(run.stdout.lines().filter(|l| l.contains("┆")).count() > 40);
    }
}

#[test]
fn each_area_has_a_head_with_bars_for_the_documents_to_date_and_for_the_year() {
    let out = realistic().zi(&["status"]).stdout;
    let lines: Vec<&str> = out.lines().collect();
    let head = lines.iter().position(|l| *l == "I. MANAJEMEN PERUBAHAN").expect("area I head");
    // 12 of 14 documents due so far (17 of 20 cells), 12 of 23 for the year.
    assert_eq!(
        lines[head + 1],
        "  S.d. kini █████████████████░░░   12/14  85%   Setahun   ██████████░░░░░░░░░░   12/23  52%"
    );
    assert_eq!(lines[head + 2], "  4 indikator: 2 terlambat · 1 jatuh tempo · 1 selesai");
    assert!(lines[head + 3].starts_with('┌'), "the area's table follows its head");
    let total = lines.iter().position(|l| *l == "TOTAL").expect("the unit's total");
    assert!(lines[total + 1].contains("22/26") && lines[total + 1].contains("23/49"), "{}", lines[total + 1]);
    // Six statuses do not fit on one line: the counts wrap, within 100 columns.
    assert!(
        lines[total + 2].starts_with("  15 indikator: 1 tidak valid · 3 terlambat"),
        "{}",
        lines[total + 2]
    );
    assert_eq!(lines[total + 3], "   1 insidental");
}

#[test]
fn piped_output_and_no_color_get_no_colour_codes() {
    let fixture = realistic();
    let piped = fixture.zi(&["status"]);
    assert!(!piped.stdout.contains('\u{1b}'), "standard output is a pipe here");
    let no_color = std::process::Command::new(report_fixture::binary())
        .arg("status")
        .current_dir(fixture.path())
        .env("ZI_TODAY", AS_OF)
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!no_color.stdout.contains(&0x1b));
}

#[test]
fn with_colour_on_statuses_and_bars_are_coloured_and_the_layout_is_unchanged() {
    let fixture = realistic();
    for lang in [Lang::Id, Lang::En] {
        let plain = status_with_color(fixture.path().to_path_buf(), lang, false);
        let colored = status_with_color(fixture.path().to_path_buf(), lang, true);
        assert!(!plain.contains('\u{1b}'));
        let overdue = lang.labels().status_overdue;
        let row = colored.lines().find(|l| l.contains("I.1.2")).expect("row of I.1.2");
        let cell = row.split('┆').find(|c| c.contains(overdue)).expect("status cell");
        assert!(cell.contains("\u{1b}[38;5;1m"), "overdue in red: {cell:?}");
        assert!(colored.contains("\u{1b}[32m█"), "bars in green");
        assert_eq!(strip_ansi(&colored), plain, "colour adds no column");
    }
}
