//! The target-time forms of RKT tables that name a part of the year or a
//! day: quarters, half years, the whole year, `akhir <bulan>`, and day
//! deadlines, each with its errors.

use super::tests::{dated, error, on, read, window, ym, PLAN_YEAR};
use super::*;

fn quarter(n: u32, year: i32) -> Term {
    window((year, n * 3 - 2), (year, n * 3))
}

fn half(n: u32, year: i32) -> Term {
    window((year, n * 6 - 5), (year, n * 6))
}

fn on_day(year: i32, month: u32, day: u32) -> Term {
    Term { day: Some(day), ..on(year, month) }
}

#[test]
fn a_quarter_reads_in_every_spelling_with_roman_or_arabic_numbers() {
    for (text, n) in [
        ("Triwulan I 2022", 1),
        ("TW II", 2),
        ("tw 2", 2),
        ("Kuartal III", 3),
        ("Q4 2022", 4),
        ("q4", 4),
        ("Triwulan 1", 1),
        ("TRIWULAN IV 2022", 4),
        ("Quarter 3", 3),
    ] {
        assert_eq!(read(text), dated(&[quarter(n, 2022)]), "{text}");
    }
    assert_eq!(read("Triwulan II 2023"), dated(&[quarter(2, 2023)]));
}

#[test]
fn several_quarters_are_one_window_each() {
    assert_eq!(read("Triwulan I dan III"), dated(&[quarter(1, 2022), quarter(3, 2022)]));
    assert_eq!(read("TW I, TW II 2023"), dated(&[quarter(1, 2023), quarter(2, 2023)]));
    let all: Vec<Term> = (1..=4).map(|n| quarter(n, 2022)).collect();
    assert_eq!(read("TW I s/d IV"), dated(&all));
    assert_eq!(read("Triwulan I s/d Triwulan IV 2022"), dated(&all));
    assert_eq!(read("Triwulan II - III"), dated(&[quarter(2, 2022), quarter(3, 2022)]));
}

#[test]
fn a_half_year_reads_as_semester_or_s() {
    for (text, n) in
        [("Semester I 2022", 1), ("Semester 2", 2), ("S1", 1), ("s2 2022", 2), ("Semester II", 2)]
    {
        assert_eq!(read(text), dated(&[half(n, 2022)]), "{text}");
    }
    assert_eq!(read("Semester I dan II 2023"), dated(&[half(1, 2023), half(2, 2023)]));
}

#[test]
fn the_whole_year_is_one_window() {
    for text in ["Tahun 2022", "sepanjang tahun", "Sepanjang Tahun 2022", "Januari s/d Desember", "tahun"] {
        assert_eq!(read(text), dated(&[window((2022, 1), (2022, 12))]), "{text}");
    }
    assert_eq!(read("Tahun 2023"), dated(&[window((2023, 1), (2023, 12))]));
}

#[test]
fn the_end_of_a_month_is_that_month() {
    for text in ["Akhir Juni 2022", "akhir bulan Juni", "AKHIR JUNI", "end of June 2022"] {
        assert_eq!(read(text), dated(&[on(2022, 6)]), "{text}");
    }
    assert_eq!(read("Akhir Juni dan akhir Desember 2022"), dated(&[on(2022, 6), on(2022, 12)]));
}

#[test]
fn a_day_deadline_keeps_its_day() {
    assert_eq!(read("31 Juli 2022"), dated(&[on_day(2022, 7, 31)]));
    assert_eq!(read("15 Jan 2022"), dated(&[on_day(2022, 1, 15)]));
    assert_eq!(read("2022-07-31"), dated(&[on_day(2022, 7, 31)]));
    assert_eq!(read("2023-1-5"), dated(&[on_day(2023, 1, 5)]));
    assert_eq!(read("15 Juni, 15 Desember 2022"), dated(&[on_day(2022, 6, 15), on_day(2022, 12, 15)]));
    assert_eq!(read("29 Februari 2024"), dated(&[on_day(2024, 2, 29)]));
}

#[test]
fn a_day_deadline_is_printed_so_that_it_reads_back() {
    for text in ["31 Juli 2022", "Januari 2022 s/d 15 Maret 2022"] {
        let due = read(text);
        assert_eq!(due.to_string(), text);
        assert_eq!(parse(&due.to_string(), PLAN_YEAR + 5), Ok(due));
    }
}

#[test]
fn a_day_the_month_does_not_have_is_named() {
    let e = error("31 Juni 2022");
    assert_eq!(e.kind, DueErrorKind::NoSuchDay { day: 31, month: ym(2022, 6) });
    assert_eq!(&"31 Juni 2022"[e.span], "Juni");
    assert_eq!(error("29 Februari 2022").kind, DueErrorKind::NoSuchDay { day: 29, month: ym(2022, 2) });
    let e = error("2022-02-30");
    assert_eq!(e.kind, DueErrorKind::NoSuchDay { day: 30, month: ym(2022, 2) });
    assert_eq!(e.span, 0..10);
    assert!(matches!(error("2022-13-01").kind, DueErrorKind::UnknownWord { .. }));
}

#[test]
fn a_day_without_its_month_is_out_of_place() {
    assert_eq!(error("31 2022").kind, DueErrorKind::BadYear { digits: "31".into() });
    let e = error("Juli 31");
    assert!(matches!(e.kind, DueErrorKind::BadYear { .. } | DueErrorKind::Misplaced { .. }), "{e:?}");
}

#[test]
fn a_quarter_or_half_the_year_does_not_have_is_named() {
    let e = error("Triwulan V 2022");
    assert_eq!(e.kind, DueErrorKind::NoSuchPart { word: "Triwulan V".into(), parts: 4 });
    assert_eq!(&"Triwulan V 2022"[e.span], "Triwulan V");
    assert_eq!(error("Semester 3").kind, DueErrorKind::NoSuchPart { word: "Semester 3".into(), parts: 2 });
    assert_eq!(error("TW 5").kind, DueErrorKind::NoSuchPart { word: "TW 5".into(), parts: 4 });
}

#[test]
fn a_quarter_word_without_its_number_or_a_backwards_range_is_refused() {
    assert_eq!(error("Triwulan 2022").kind, DueErrorKind::Misplaced { word: "Triwulan".into() });
    assert!(matches!(error("TW IV s/d II").kind, DueErrorKind::Misplaced { .. }));
    assert!(matches!(error("Akhir").kind, DueErrorKind::Misplaced { .. }));
}

#[test]
fn ranges_and_lists_of_months_still_read_as_before() {
    assert_eq!(read("Januari s/d Maret 2022"), dated(&[window((2022, 1), (2022, 3))]));
    assert_eq!(read("Juli, Desember 2022"), dated(&[on(2022, 7), on(2022, 12)]));
    assert_eq!(read("Juni s.d. Desember"), dated(&[window((2022, 6), (2022, 12))]));
}
