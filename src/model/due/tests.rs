//! The target-time grammar, form by form.

use super::*;
use crate::model::month::{NAMES_EN as MONTHS_EN, NAMES_ID as MONTHS_ID};
use proptest::prelude::*;

pub(crate) const PLAN_YEAR: i32 = 2022;

pub(crate) fn ym(year: i32, month: u32) -> YearMonth {
    YearMonth::new(year, month).unwrap()
}

pub(crate) fn on(year: i32, month: u32) -> Term {
    Term::month(ym(year, month))
}

pub(crate) fn window(first: (i32, u32), last: (i32, u32)) -> Term {
    Term::window(ym(first.0, first.1), ym(last.0, last.1))
}

pub(crate) fn dated(terms: &[Term]) -> Due {
    Due::Dated(terms.to_vec())
}

pub(crate) fn read(text: &str) -> Due {
    parse(text, PLAN_YEAR).unwrap_or_else(|e| panic!("{text:?}: {e:?}"))
}

pub(crate) fn error(text: &str) -> DueError {
    match parse(text, PLAN_YEAR) {
        Ok(due) => panic!("{text:?} should fail, read {due:?}"),
        Err(e) => e,
    }
}

pub(crate) fn unknown(word: &str, suggestion: Option<&str>) -> DueErrorKind {
    DueErrorKind::UnknownWord { word: word.to_string(), suggestion: suggestion.map(str::to_string) }
}

// --- single months -----------------------------------------------------

#[test]
fn one_month_reads_in_indonesian_english_and_abbreviated_form() {
    for text in ["Januari 2022", "Jan 2022", "January 2022", "JANUARI 2022", "jAnUaRi 2022"] {
        assert_eq!(read(text), dated(&[on(2022, 1)]), "{text}");
    }
}

#[test]
fn every_indonesian_and_english_full_month_name_reads_as_its_month() {
    for month in 1..=12u32 {
        for name in [MONTHS_ID[month as usize - 1], MONTHS_EN[month as usize - 1]] {
            assert_eq!(read(&format!("{name} 2023")), dated(&[on(2023, month)]), "{name}");
        }
    }
}

#[test]
fn every_listed_abbreviation_reads_as_its_month() {
    let table = [
        ("Jan", 1),
        ("Feb", 2),
        ("Mar", 3),
        ("Apr", 4),
        ("Jun", 6),
        ("Jul", 7),
        ("Aug", 8),
        ("Agt", 8),
        ("Agu", 8),
        ("Ags", 8),
        ("Sep", 9),
        ("Sept", 9),
        ("Oct", 10),
        ("Okt", 10),
        ("Nov", 11),
        ("Nop", 11),
        ("Dec", 12),
        ("Des", 12),
    ];
    for (abbreviation, month) in table {
        assert_eq!(read(&format!("{abbreviation} 2022")), dated(&[on(2022, month)]), "{abbreviation}");
    }
}

#[test]
fn old_spellings_pebruari_and_nopember_read_as_february_and_november() {
    assert_eq!(read("Pebruari 2022"), dated(&[on(2022, 2)]));
    assert_eq!(read("Nopember 2022"), dated(&[on(2022, 11)]));
    assert_eq!(read("Nop 2022"), dated(&[on(2022, 11)]));
}

#[test]
fn an_abbreviation_may_carry_a_trailing_dot() {
    assert_eq!(read("Jan. 2022"), dated(&[on(2022, 1)]));
    assert_eq!(read("Sept. 2022"), dated(&[on(2022, 9)]));
    assert_eq!(read("Agt. dan Des. 2022"), dated(&[on(2022, 8), on(2022, 12)]));
    assert_eq!(read("Jan.-Mar. 2022"), dated(&[window((2022, 1), (2022, 3))]));
}

#[test]
fn a_month_without_any_year_takes_the_plan_year() {
    assert_eq!(read("Juli"), dated(&[on(2022, 7)]));
    assert_eq!(parse("Juli", 2031), Ok(dated(&[on(2031, 7)])));
}

#[test]
fn a_four_digit_year_with_leading_zeros_is_read() {
    assert_eq!(read("Juli 0005"), dated(&[on(5, 7)]));
    assert_eq!(read("Desember 9999"), dated(&[on(9999, 12)]));
}

// --- lists ---------------------------------------------------------------

#[test]
fn two_deadlines_joined_by_comma_semicolon_ampersand_dan_or_and() {
    let expected = dated(&[on(2022, 7), on(2022, 12)]);
    for text in [
        "Juli, Desember 2022",
        "Juli; Desember 2022",
        "Juli & Desember 2022",
        "Juli dan Desember 2022",
        "July and December 2022",
        "Juli , Desember 2022",
        "Juli,Desember 2022",
    ] {
        assert_eq!(read(text), expected, "{text}");
    }
    assert_eq!(read("Juni dan Desember 2022"), dated(&[on(2022, 6), on(2022, 12)]));
}

#[test]
fn each_month_may_carry_its_own_year() {
    assert_eq!(read("Maret 2022, Juni 2022"), dated(&[on(2022, 3), on(2022, 6)]));
    assert_eq!(read("Desember 2021, Juni 2022"), dated(&[on(2021, 12), on(2022, 6)]));
}

#[test]
fn a_year_binds_to_every_month_before_it_back_to_the_previous_year() {
    assert_eq!(
        read("Maret, Juni 2021, September dan Desember 2023"),
        dated(&[on(2021, 3), on(2021, 6), on(2023, 9), on(2023, 12)])
    );
}

#[test]
fn months_after_the_last_year_take_the_plan_year() {
    assert_eq!(read("Juli 2021, Desember"), dated(&[on(2021, 7), on(2022, 12)]));
}

#[test]
fn months_written_side_by_side_without_a_separator_are_a_list() {
    assert_eq!(
        read("Maret Juni September Desember 2022"),
        dated(&[on(2022, 3), on(2022, 6), on(2022, 9), on(2022, 12)])
    );
    assert_eq!(read("Juni 2022 Desember 2022"), dated(&[on(2022, 6), on(2022, 12)]));
}

#[test]
fn terms_keep_their_written_order() {
    assert_eq!(read("Desember, Juli 2022"), dated(&[on(2022, 12), on(2022, 7)]));
}

// --- windows -------------------------------------------------------------

#[test]
fn a_window_reads_with_every_range_word() {
    let expected = dated(&[window((2022, 1), (2022, 3))]);
    for word in [
        "s/d",
        "S/D",
        "s.d.",
        "S.D.",
        "s.d",
        "sd",
        "s/ d",
        "s /d",
        "s / d",
        "s. d.",
        "sampai",
        "sampai dengan",
        "Sampai  Dengan",
        "hingga",
        "-",
        "–",
        "—",
        "to",
        "until",
        "through",
    ] {
        assert_eq!(read(&format!("Januari {word} Maret 2022")), expected, "{word}");
    }
}

#[test]
fn a_dash_window_reads_with_or_without_spaces_around_the_dash() {
    let expected = dated(&[window((2022, 1), (2022, 2))]);
    for text in ["Januari -Februari 2022", "Januari- Februari 2022", "Januari-Februari 2022", "Jan–Feb 2022"]
    {
        assert_eq!(read(text), expected, "{text}");
    }
    assert_eq!(read("Jan-Mar 2022"), dated(&[window((2022, 1), (2022, 3))]));
}

#[test]
fn the_seed_window_with_a_space_inside_s_slash_d_reads() {
    assert_eq!(read("Januari s/ d Desember 2022"), dated(&[window((2022, 1), (2022, 12))]));
}

#[test]
fn spec_table_windows_read_as_one_window_each() {
    assert_eq!(read("Januari s/d Desember 2022"), dated(&[window((2022, 1), (2022, 12))]));
    assert_eq!(read("Januari s.d. Maret 2022"), dated(&[window((2022, 1), (2022, 3))]));
    assert_eq!(read("Januari - Februari 2022"), dated(&[window((2022, 1), (2022, 2))]));
    assert_eq!(read("Januari sampai Juni 2022"), dated(&[window((2022, 1), (2022, 6))]));
}

#[test]
fn a_window_may_cross_a_year_end_when_each_side_has_its_year() {
    assert_eq!(read("Januari 2022 s/d Maret 2023"), dated(&[window((2022, 1), (2023, 3))]));
    assert_eq!(read("Desember 2022 - Februari 2023"), dated(&[window((2022, 12), (2023, 2))]));
}

#[test]
fn a_window_without_years_takes_the_plan_year() {
    assert_eq!(read("April s/d Juni"), dated(&[window((2022, 4), (2022, 6))]));
}

#[test]
fn windows_and_single_months_mix_in_one_list() {
    assert_eq!(
        read("Januari s/d Maret 2022, Juni 2022 dan Juli - Desember"),
        dated(&[window((2022, 1), (2022, 3)), on(2022, 6), window((2022, 7), (2022, 12))])
    );
}

#[test]
fn a_window_from_a_month_to_itself_is_that_month() {
    assert_eq!(read("Juli s/d Juli 2022"), dated(&[on(2022, 7)]));
}

// --- spacing and punctuation -------------------------------------------

#[test]
fn whitespace_runs_newlines_non_breaking_spaces_and_a_trailing_dot_are_ignored() {
    let expected = dated(&[on(2022, 7), on(2022, 12)]);
    for text in [
        "  Juli,\n\tDesember\u{a0}2022.  ",
        "Juli,\r\nDesember 2022",
        "Juli,\u{200b} Desember\u{202f}2022",
        "Juli, Desember 2022 .",
    ] {
        assert_eq!(read(text), expected, "{text:?}");
    }
    assert_eq!(read("Setiap   bulan."), Due::Every(Recurrence::Monthly));
}

// --- recurring ------------------------------------------------------------

#[test]
fn monthly_forms_read_as_every_month() {
    for text in
        ["Setiap bulan", "setiap bulan", "Tiap bulan", "per bulan", "Bulanan", "monthly", "Every month"]
    {
        assert_eq!(read(text), Due::Every(Recurrence::Monthly), "{text}");
    }
}

#[test]
fn quarterly_forms_read_as_every_quarter() {
    for text in
        ["Setiap triwulan", "tiap triwulan", "Per Triwulan", "triwulanan", "Quarterly", "every quarter"]
    {
        assert_eq!(read(text), Due::Every(Recurrence::Quarterly), "{text}");
    }
}

#[test]
fn semiannual_forms_read_as_every_semester() {
    for text in [
        "Setiap semester",
        "tiap semester",
        "per semester",
        "Semesteran",
        "every semester",
        "semiannually",
        "setiap 6 bulan",
        "every 6 months",
    ] {
        assert_eq!(read(text), Due::Every(Recurrence::Semiannual), "{text}");
    }
}

#[test]
fn a_recurring_phrase_may_be_followed_by_the_plan_year() {
    assert_eq!(read("Setiap bulan 2022"), Due::Every(Recurrence::Monthly));
    assert_eq!(read("Quarterly 2022"), Due::Every(Recurrence::Quarterly));
    assert_eq!(read("setiap 6 bulan 2022"), Due::Every(Recurrence::Semiannual));
}

#[test]
fn a_recurring_phrase_followed_by_a_bad_year_is_a_bad_year() {
    let e = error("Setiap triwulan 22");
    assert_eq!(e.kind, DueErrorKind::BadYear { digits: "22".into() });
    assert_eq!(e.span, 16..18);
}

#[test]
fn recurrences_list_their_deadline_months() {}

// --- no deadline -----------------------------------------------------------

#[test]
fn setiap_ada_followed_by_anything_is_as_needed() {
    for text in [
        "setiap ada pertemuan",
        "Setiap ada     pertemuan",
        "setiap ada kegiatan",
        "Setiap Ada\nundangan rapat (2022) !!",
        "tiap ada 🙂",
        "setiap ada",
    ] {
        assert_eq!(read(text), Due::AsNeeded, "{text:?}");
    }
}

#[test]
fn sewaktu_waktu_insidental_and_as_needed_are_as_needed() {
    for text in [
        "sewaktu-waktu",
        "Sewaktu-Waktu",
        "sewaktu waktu",
        "sewaktu – waktu",
        "Insidental",
        "as needed",
        "When needed",
        "sesuai kebutuhan",
    ] {
        assert_eq!(read(text), Due::AsNeeded, "{text}");
    }
}

// --- display ---------------------------------------------------------------

#[test]
fn display_writes_canonical_indonesian() {
    assert_eq!(read("Jul, Dec 2022").to_string(), "Juli 2022, Desember 2022");
    assert_eq!(read("jan-mar 2022").to_string(), "Januari 2022 s/d Maret 2022");
    assert_eq!(read("December 2022 to Feb 2023").to_string(), "Desember 2022 s/d Februari 2023");
    assert_eq!(read("monthly").to_string(), "Setiap bulan");
    assert_eq!(read("per triwulan").to_string(), "Setiap triwulan");
    assert_eq!(read("semesteran").to_string(), "Setiap semester");
    assert_eq!(read("setiap ada pertemuan").to_string(), "Sewaktu-waktu");
    assert_eq!(read("Juli 0005").to_string(), "Juli 0005");
}

#[test]
fn display_reads_back_to_the_same_value_for_the_spec_examples() {
    for text in [
        "Januari 2022",
        "Juli, Desember 2022",
        "Januari s/d Desember 2022",
        "Januari 2022 s/d Maret 2023",
        "Setiap bulan",
        "Setiap triwulan",
        "Setiap semester",
        "setiap ada pertemuan",
    ] {
        let due = read(text);
        assert_eq!(parse(&due.to_string(), 1999), Ok(due), "{text}");
    }
}

// --- errors ----------------------------------------------------------------

#[test]
fn misspellings_suggest_the_full_name_in_the_language_they_are_close_to() {
    for (text, word, suggestion, span) in [
        ("Agustsu 2022", "Agustsu", "Agustus", 0..7),
        ("Juli, Desembr 2022", "Desembr", "Desember", 6..13),
        ("Juney 2022", "Juney", "June", 0..5),
        ("Septmber 2022", "Septmber", "September", 0..8),
        ("Ocotber 2022", "Ocotber", "October", 0..7),
        ("Agst 2022", "Agst", "Agustus", 0..4),
        ("Mie 2022", "Mie", "Mei", 0..3),
    ] {
        let e = error(text);
        assert_eq!(e.kind, unknown(word, Some(suggestion)), "{text}");
        assert_eq!(e.span, span, "{text}");
    }
}

#[test]
fn a_three_letter_word_is_not_taken_for_an_abbreviation() {
    assert_eq!(error("Yes 2022").kind, unknown("Yes", None));
}

#[test]
fn a_misspelt_grammar_word_suggests_that_word() {
    let e = error("Setiap bulna");
    assert_eq!(e.kind, unknown("bulna", Some("bulan")));
    assert_eq!(e.span, 7..12);
    assert_eq!(error("Januari sampi Maret").kind, unknown("sampi", Some("sampai")));
}

#[test]
fn an_unknown_word_after_a_recurrence_word_is_blamed_not_the_recurrence_word() {
    let e = error("setiap minggu");
    assert_eq!(e.kind, unknown("minggu", None));
    assert_eq!(e.span, 7..13);
}

#[test]
fn an_unknown_word_span_leaves_out_its_trailing_dot() {
    let e = error("Pebuari. 2022");
    assert_eq!(e.kind, unknown("Pebuari", Some("Februari")));
    assert_eq!(e.span, 0..7);
}

#[test]
fn an_unknown_multibyte_word_is_spanned_on_char_boundaries() {
    let text = "Pébruari 2022";
    let e = error(text);
    assert_eq!(e.kind, unknown("Pébruari", Some("Februari")));
    assert_eq!(e.span, 0..9);
    let text = "Juli 🙂 2022";
    let e = error(text);
    assert_eq!(e.kind, unknown("🙂", None));
    assert_eq!(&text[e.span.clone()], "🙂");
}

#[test]
fn a_second_year_in_a_row_is_missing_its_month() {
    let e = error("Januari 2022 2023");
    assert_eq!(e.kind, DueErrorKind::MissingMonth { year: 2023 });
    assert_eq!(e.span, 13..17);
    assert_eq!(error("Juli, 2022").kind, DueErrorKind::MissingMonth { year: 2022 });
}

#[test]
fn a_range_word_without_a_month_on_one_side_is_dangling_at_that_word() {
    for (text, word, span) in [
        ("s/d Maret 2022", "s/d", 0..3),
        ("Januari sampai dengan", "sampai dengan", 8..21),
        ("Januari s/d 2022", "s/d", 8..11),
        ("Januari -, Maret", "-", 8..9),
        ("Juli, - Desember", "-", 6..7),
        ("Januari s.d.", "s.d", 8..11),
    ] {
        let e = error(text);
        assert_eq!(e.kind, DueErrorKind::DanglingRange { word: word.into() }, "{text}");
        assert_eq!(e.span, span, "{text}");
    }
}

#[test]
fn a_window_across_a_year_end_with_one_year_is_backwards() {
    let e = error("Desember s/d Februari 2023");
    assert_eq!(e.kind, DueErrorKind::WindowBackwards { first: ym(2023, 12), last: ym(2023, 2) });
    assert_eq!(error("Maret 2023 s/d Januari 2022").span, 0..22);
}

// --- properties --------------------------------------------------------------

/// Err spans lie inside the text, on char boundaries; Ok values read back.
fn check(text: &str, plan_year: i32) -> Result<(), TestCaseError> {
    match parse(text, plan_year) {
        Ok(due) => prop_assert_eq!(parse(&due.to_string(), plan_year), Ok(due)),
        Err(e) => {
            prop_assert!(e.span.start <= e.span.end && e.span.end <= text.len(), "{:?}", e);
            prop_assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        }
    }
    Ok(())
}

const TOKENS: &[&str] = &[
    "Triwulan",
    "TW",
    "Q",
    "Semester",
    "S",
    "I",
    "II",
    "IV",
    "V",
    "1",
    "3",
    "31",
    "15",
    "Akhir",
    "akhir bulan",
    "bulan",
    "Tahun",
    "sepanjang tahun",
    "2022-07-31",
    "2022-02-30",
    "2022-13-01",
    "Januari",
    "jan.",
    "Pebruari",
    "Mei",
    "June",
    "Agt",
    "Sept.",
    "Nopember",
    "Des",
    "Pebuari",
    "2022",
    "2023",
    "0000",
    "0",
    "22",
    "99999999999999999999",
    ",",
    ";",
    "&",
    "dan",
    "and",
    "s/d",
    "s/",
    "d",
    "s.d.",
    "s.",
    "sd",
    "sampai",
    "dengan",
    "hingga",
    "-",
    "–",
    "—",
    "to",
    "/",
    ".",
    "setiap",
    "tiap",
    "per",
    "ada",
    "bulan",
    "triwulan",
    "semester",
    "6",
    "every",
    "month",
    "sewaktu",
    "waktu",
    "as",
    "needed",
    "é",
    "🙂",
    "İ",
    "\u{200b}",
    "\u{301}",
];
const GAPS: &[&str] = &["", " ", "  ", "\n", "\u{a0}", "\t"];

fn grammar_text() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(TOKENS), prop::sample::select(GAPS)), 0..8)
        .prop_map(|parts| parts.into_iter().map(|(token, gap)| format!("{token}{gap}")).collect())
}

fn year_month() -> impl Strategy<Value = YearMonth> {
    // Not past 9997 so that a window's end, up to 24 months on, is still a valid year.
    (1..=9997i32, 1..=12u32).prop_map(|(year, month)| ym(year, month))
}

/// A window or a month, half of them with a day deadline (1 to 28: every
/// month has those days).
fn term() -> impl Strategy<Value = Term> {
    (year_month(), 0..24usize, prop::option::of(1..=28u32)).prop_map(|(first, length, day)| Term {
        first,
        last: first.through(ym(9999, 12)).nth(length).unwrap_or(first),
        day,
    })
}

fn due() -> impl Strategy<Value = Due> {
    prop_oneof![
        prop::collection::vec(term(), 1..6).prop_map(Due::Dated),
        prop::sample::select(vec![Recurrence::Monthly, Recurrence::Quarterly, Recurrence::Semiannual])
            .prop_map(Due::Every),
        Just(Due::AsNeeded),
    ]
}

proptest! {
    #[test]
    fn any_text_parses_or_fails_with_a_span_on_char_boundaries(text in ".*", plan_year in -3..10_003i32) {
        check(&text, plan_year)?;
    }

    #[test]
    fn texts_built_from_grammar_tokens_parse_or_fail_cleanly(text in grammar_text()) {
        check(&text, PLAN_YEAR)?;
    }

    #[test]
    fn any_value_displays_as_text_that_reads_back_to_it(due in due(), plan_year in 1..=9999i32) {
        prop_assert_eq!(parse(&due.to_string(), plan_year), Ok(due));
    }

    /// The printed form names every year, so it means the same deadlines
    /// in any plan (a recurrence has none of its own and is printed bare).
    #[test]
    fn a_text_read_and_printed_gives_the_same_deadlines_under_any_plan_year(
        text in grammar_text(),
        other_year in 1..=9999i32,
    ) {
        if let Ok(due) = parse(&text, PLAN_YEAR) {
            let printed = due.to_string();
            let again = parse(&printed, other_year);
            prop_assert_eq!(&again, &Ok(due), "{:?} printed as {:?}", text, printed);
        }
    }
}
