//! The words of due errors in both languages: the grammar's errors as a
//! person reads them.

use crate::model::due::tests::{dated, error, on, unknown, ym, PLAN_YEAR};
use crate::model::due::{parse, DueErrorKind, Recurrence};
use crate::text::{Catalogue, Lang};
use proptest::prelude::*;

fn en() -> &'static dyn Catalogue {
    Lang::En.catalogue()
}

fn id() -> &'static dyn Catalogue {
    Lang::Id.catalogue()
}

const ACCEPTED_FORMS_EN: &str = "write a month and year (\"Juli 2022\"), a window (\"Januari s/d Maret \
    2022\"), \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" or \"setiap ada …\"";
const ACCEPTED_FORMS_ID: &str = "tulis bulan dan tahun (\"Juli 2022\"), rentang (\"Januari s/d Maret \
    2022\"), \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" atau \"setiap ada …\"";

#[test]
fn a_recurring_phrase_followed_by_another_year_is_an_error_on_that_year() {
    let text = "Setiap bulan 2023";
    let e = error(text);
    assert_eq!(
        e.kind,
        DueErrorKind::RecurrenceOutsidePlanYear {
            recurrence: Recurrence::Monthly,
            year: 2023,
            plan_year: 2022
        }
    );
    assert_eq!(e.span, 13..17);
    assert_eq!(
        en().due_message(&e, text),
        "a recurring target time belongs to the plan year 2022, not 2023, in \"Setiap bulan 2023\""
    );
    assert_eq!(
        en().due_hint(&e, 2022),
        "drop the year (\"Setiap bulan\") or move the indicator to the 2023 plan"
    );
    assert_eq!(
        id().due_message(&e, text),
        "waktu target berulang berlaku untuk tahun rencana 2022, bukan 2023, dalam \"Setiap bulan 2023\""
    );
    assert_eq!(
        id().due_hint(&e, 2022),
        "hapus tahunnya (\"Setiap bulan\") atau pindahkan indikator ke rencana 2023"
    );
}

#[test]
fn empty_or_whitespace_only_text_is_empty_over_the_whole_text() {
    for text in ["", "   ", "\n\t", ".", " . ", "\u{a0}"] {
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::Empty, "{text:?}");
        assert_eq!(e.span, 0..text.len(), "{text:?}");
    }
    let e = error("");
    assert_eq!(en().due_message(&e, ""), "the target time is empty");
    assert_eq!(id().due_message(&e, ""), "waktu target kosong");
    assert_eq!(en().due_hint(&e, 2022), ACCEPTED_FORMS_EN);
    assert_eq!(id().due_hint(&e, 2022), ACCEPTED_FORMS_ID);
}

#[test]
fn a_misspelt_month_is_unknown_with_did_you_mean_in_both_languages() {
    let text = "Pebuari 2022";
    let e = error(text);
    assert_eq!(e.kind, unknown("Pebuari", Some("Februari")));
    assert_eq!(e.span, 0..7);
    assert_eq!(en().due_message(&e, text), "unknown word \"Pebuari\" in \"Pebuari 2022\"");
    assert_eq!(en().due_hint(&e, 2022), "did you mean \"Februari\"?");
    assert_eq!(id().due_message(&e, text), "kata tidak dikenal \"Pebuari\" dalam \"Pebuari 2022\"");
    assert_eq!(id().due_hint(&e, 2022), "maksud Anda \"Februari\"?");
}

#[test]
fn a_word_nowhere_near_a_month_is_unknown_without_suggestion_and_hints_the_accepted_forms() {
    let text = "besok";
    let e = error(text);
    assert_eq!(e.kind, unknown("besok", None));
    assert_eq!(e.span, 0..5);
    assert_eq!(en().due_message(&e, text), "unknown word \"besok\" in \"besok\"");
    assert_eq!(en().due_hint(&e, 2022), ACCEPTED_FORMS_EN);
    assert_eq!(id().due_message(&e, text), "kata tidak dikenal \"besok\" dalam \"besok\"");
    assert_eq!(id().due_hint(&e, 2022), ACCEPTED_FORMS_ID);
}

#[test]
fn a_sentence_is_rejected_at_its_first_unknown_word() {
    let text = "Adanya undangan Worshop penyusunan LAKIN setiap";
    let e = error(text);
    assert_eq!(e.kind, unknown("Adanya", None));
    assert_eq!(e.span, 0..6);
    assert_eq!(en().due_message(&e, text), format!("unknown word \"Adanya\" in \"{text}\""));
}

#[test]
fn the_message_quotes_the_text_on_one_line() {
    let text = "  Pebuari\n\n2022 ";
    assert_eq!(en().due_message(&error(text), text), "unknown word \"Pebuari\" in \"Pebuari 2022\"");
}

#[test]
fn a_year_alone_is_missing_its_month() {
    let text = "2022";
    let e = error(text);
    assert_eq!(e.kind, DueErrorKind::MissingMonth { year: 2022 });
    assert_eq!(e.span, 0..4);
    assert_eq!(en().due_message(&e, text), "year 2022 has no month in \"2022\"");
    assert_eq!(en().due_hint(&e, 2022), "write the month, then its year (\"Juli 2022\")");
    assert_eq!(id().due_message(&e, text), "tahun 2022 tanpa bulan dalam \"2022\"");
    assert_eq!(id().due_hint(&e, 2022), "tulis bulan, lalu tahunnya (\"Juli 2022\")");
}

#[test]
fn a_range_word_with_nothing_after_it_is_dangling() {
    let text = "Januari s/d";
    let e = error(text);
    assert_eq!(e.kind, DueErrorKind::DanglingRange { word: "s/d".into() });
    assert_eq!(e.span, 8..11);
    assert_eq!(en().due_message(&e, text), "\"s/d\" needs a month on both sides in \"Januari s/d\"");
    assert_eq!(en().due_hint(&e, 2022), "write a window as \"Januari s/d Maret 2022\"");
    assert_eq!(id().due_message(&e, text), "\"s/d\" perlu bulan di kedua sisinya dalam \"Januari s/d\"");
    assert_eq!(id().due_hint(&e, 2022), "tulis rentang seperti \"Januari s/d Maret 2022\"");
}

#[test]
fn a_window_that_ends_before_it_starts_is_backwards() {
    let text = "Maret s/d Januari 2022";
    let e = error(text);
    assert_eq!(e.kind, DueErrorKind::WindowBackwards { first: ym(2022, 3), last: ym(2022, 1) });
    assert_eq!(e.span, 0..17);
    assert_eq!(
        en().due_message(&e, text),
        "the window from March 2022 to January 2022 ends before it starts in \"Maret s/d Januari 2022\""
    );
    assert_eq!(
        en().due_hint(&e, 2022),
        "put the earlier month first; a window across a year end needs both years \
         (\"Desember 2022 s/d Februari 2023\")"
    );
    assert_eq!(
        id().due_message(&e, text),
        "rentang Maret 2022 s/d Januari 2022 berakhir sebelum dimulai dalam \"Maret s/d Januari 2022\""
    );
    assert_eq!(
        id().due_hint(&e, 2022),
        "tulis bulan yang lebih awal dulu; rentang yang melewati akhir tahun perlu kedua tahunnya \
         (\"Desember 2022 s/d Februari 2023\")"
    );
}

#[test]
fn a_year_that_is_not_four_digits_from_0001_to_9999_is_a_bad_year() {
    for (text, digits, span) in [
        ("Januari 0", "0", 8..9),
        ("Januari 0000", "0000", 8..12),
        ("Januari 22", "22", 8..10),
        ("Januari 20222", "20222", 8..13),
        ("Januari 99999999999999999999", "99999999999999999999", 8..28),
        ("99999999999999999999", "99999999999999999999", 0..20),
    ] {
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::BadYear { digits: digits.into() }, "{text}");
        assert_eq!(e.span, span, "{text}");
    }
    let e = error("Januari 0");
    assert_eq!(en().due_message(&e, "Januari 0"), "\"0\" is not a year in \"Januari 0\"");
    assert_eq!(en().due_hint(&e, 2022), "write the year with four digits, from 0001 to 9999 (\"Juli 2022\")");
    assert_eq!(id().due_message(&e, "Januari 0"), "\"0\" bukan tahun dalam \"Januari 0\"");
    assert_eq!(id().due_hint(&e, 2022), "tulis tahun dengan empat angka, 0001 sampai 9999 (\"Juli 2022\")");
}

#[test]
fn known_words_out_of_place_are_misplaced() {
    for (text, word, span) in [
        (", Juli 2022", ",", 0..1),
        ("dan Juli 2022", "dan", 0..3),
        ("Juli, , Desember", ",", 6..7),
        ("Juli, Desember 2022,", ",", 19..20),
        ("Juli 2022 dan", "dan", 10..13),
        ("Januari s/d Maret s/d Mei", "s/d", 18..21),
        ("Juli setiap bulan", "setiap", 5..11),
        ("Juli/Desember 2022", "/", 4..5),
        ("Januari dengan Maret", "dengan", 8..14),
    ] {
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::Misplaced { word: word.into() }, "{text}");
        assert_eq!(e.span, span, "{text}");
    }
    let text = "Juli setiap bulan";
    let e = error(text);
    assert_eq!(en().due_message(&e, text), "\"setiap\" is out of place in \"Juli setiap bulan\"");
    assert_eq!(id().due_message(&e, text), "\"setiap\" tidak pada tempatnya dalam \"Juli setiap bulan\"");
    assert_eq!(en().due_hint(&e, 2022), ACCEPTED_FORMS_EN);
}

#[test]
fn a_month_without_year_under_an_invalid_plan_year_is_an_error_not_a_panic() {
    let text = "Januari, Juli";
    let e = parse(text, 0).unwrap_err();
    assert_eq!(e.kind, DueErrorKind::PlanYearOutOfRange { plan_year: 0 });
    assert_eq!(e.span, 0..7);
    assert!(en().due_message(&e, text).contains("0 is not a valid year"));
    assert_eq!(parse("Januari 2022", 0), Ok(dated(&[on(2022, 1)])));
}

#[test]
fn message_with_a_mismatched_text_does_not_panic() {
    let e = error("Januari 2022 2023");
    assert_eq!(en().due_message(&e, ""), "year 2023 has no month in \"\"");
}

proptest! {
    /// Every error of any text has words in both languages.
    #[test]
    fn every_due_error_has_a_message_and_a_hint_in_both_languages(text in ".{0,40}") {
        if let Err(e) = parse(&text, PLAN_YEAR) {
            for catalogue in [en(), id()] {
                prop_assert!(!catalogue.due_message(&e, &text).is_empty());
                prop_assert!(!catalogue.due_hint(&e, 2022).is_empty());
            }
        }
    }
}
