//! `zi status` in a terminal: a head with progress bars per area, coloured
//! statuses only when colour is on, and every line within 100 columns.

use crate::fixture::{realistic, AS_OF};
use crate::harness::Zi;

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

#[test]
fn every_line_of_the_status_table_fits_in_100_columns() {
    let fixture = realistic();
    for lang in ["id", "en"] {
        let run = fixture.run(AS_OF, &["--lang", lang, "status"]);
        let wide: Vec<&str> = run.stdout.lines().filter(|l| columns(l) > 100).collect();
        assert!(wide.is_empty(), "--lang {lang}: lines wider than 100 columns:\n{}", wide.join("\n"));
        // The long indicator text of III.2.1 wraps inside its cell.
        assert!(run.stdout.lines().filter(|l| l.contains("┆")).count() > 40);
    }
}

#[test]
fn each_area_has_a_head_with_bars_for_the_documents_to_date_and_for_the_year() {
    let out = realistic().run(AS_OF, &["status"]).stdout;
    let lines: Vec<&str> = out.lines().collect();
    let head = lines.iter().position(|l| *l == "I. MANAJEMEN PERUBAHAN").expect("area I head");
    // 12 of 14 documents due so far (17 of 20 cells), 12 of 23 for the year.
    assert_eq!(
        lines[head + 1],
        "  S.d. hari ini █████████████████░░░   12/14  85%   Setahun       ██████████░░░░░░░░░░   12/23  52%"
    );
    assert_eq!(lines[head + 2], "  4 indikator: 2 terlambat · 1 jatuh tempo · 1 selesai");
    assert!(lines[head + 3].starts_with('┌'), "the area's table follows its head");
    let total = lines.iter().position(|l| *l == "TOTAL").expect("the unit's total");
    assert_eq!(
        lines[total + 1],
        "  S.d. hari ini ████████████████░░░░   22/26  84%   Setahun       █████████░░░░░░░░░░░   23/49  46%"
    );
    // Six statuses do not fit on one line: the counts wrap, within 100 columns.
    assert!(
        lines[total + 2].starts_with("  15 indikator: 1 tidak valid · 3 terlambat"),
        "{}",
        lines[total + 2]
    );
    assert_eq!(lines[total + 3], "   1 insidental");
}

/// Colour is decided for the stream written to: a pipe gets none, and
/// `NO_COLOR` wins even over `CLICOLOR_FORCE`.
#[test]
fn piped_output_and_no_color_get_no_colour_codes() {
    let fixture = realistic();
    let piped = Zi::new(fixture.root(), AS_OF, &["status"]).color().env("TERM", "xterm-256color").run();
    assert!(!piped.stdout.contains('\u{1b}'), "standard output is a pipe here");
    let no_color = Zi::new(fixture.root(), AS_OF, &["status"]).env("CLICOLOR_FORCE", "1").run();
    assert!(!no_color.stdout.contains('\u{1b}'));
}

#[test]
fn with_colour_forced_statuses_and_bars_are_coloured_and_the_layout_is_unchanged() {
    let fixture = realistic();
    for (lang, overdue) in [("id", "terlambat"), ("en", "overdue")] {
        let plain = fixture.run(AS_OF, &["--lang", lang, "status"]).stdout;
        let colored = Zi::new(fixture.root(), AS_OF, &["--lang", lang, "status"])
            .color()
            .env("CLICOLOR_FORCE", "1")
            .run()
            .stdout;
        assert!(!plain.contains('\u{1b}'));
        let row = colored.lines().find(|l| l.contains("I.1.2")).expect("row of I.1.2");
        let cell = row.split('┆').find(|c| c.contains(overdue)).expect("status cell");
        assert!(cell.contains("\u{1b}[31m"), "overdue in red: {cell:?}");
        assert!(colored.contains("\u{1b}[32m█"), "bars in green");
        assert_eq!(strip_ansi(&colored), plain, "colour adds no column");
    }
}
