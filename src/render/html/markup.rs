//! The small pieces of the page: escaping, links, the marks and classes of
//! period states, and progress bars.

use std::fmt;

use crate::judge::evaluate::{IndicatorReport, PeriodState, Progress, Status};
use crate::model::month::YearMonth;
use crate::model::schedule::Period;
use crate::render::words::{fraction, fraction_in, month_in, percent, period_in, status_text, StatusLabel};
use crate::text::Lang;

/// The CSS class of a period state, shared with the status classes.
pub(super) fn state_key(state: PeriodState) -> &'static str {
    match state {
        PeriodState::Complete => "done",
        PeriodState::Open => "upcoming",
        PeriodState::Due => "due",
        PeriodState::Overdue => "overdue",
    }
}

/// A mark that survives black-and-white printing.
pub(super) fn state_mark(state: PeriodState) -> &'static str {
    match state {
        PeriodState::Complete => "✓",
        PeriodState::Open => "○",
        PeriodState::Due => "•",
        PeriodState::Overdue => "!",
    }
}

/// A progress bar in SVG (prints where CSS backgrounds may not), its
/// fraction of documents and percentage. The missing part takes the class
/// `missing`: red for documents already late, grey for those still to come.
pub(super) fn bar(p: Progress, missing: &str, lang: Lang) -> String {
    let documents = lang.labels().documents;
    if p.required == 0 {
        return format!("<span class=\"frac\">{}</span>", fraction(p, lang));
    }
    // Tenths of a percent, in integers, so the bytes never depend on float printing.
    let width = (p.present * 1000 / p.required).min(1000);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" width=\"140\" height=\"12\" aria-hidden=\"true\">\
<rect class=\"{missing}\" width=\"1000\" height=\"10\"/><rect class=\"have\" width=\"{width}\" height=\"10\"/></svg> \
<span class=\"frac\">{} {documents}</span> <span class=\"pct\">{}%</span>",
        fraction(p, lang),
        percent(p)
    )
}

/// Escapes text for HTML content and quoted attribute values.
pub(crate) use crate::render::escape::html as esc;

/// Text escaped for HTML content and quoted attribute values as it is
/// written (`esc` without a `String` of its own): the page writes a few
/// million pieces of plan text and file names.
pub(crate) struct Esc<'a>(pub(crate) &'a str);

impl fmt::Display for Esc<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write_esc(f, self.0)
    }
}

/// Writes `text` escaped to `w`: to a `String`, without the formatting
/// machinery.
pub(crate) use crate::render::escape::write_html as write_esc;

/// A relative path percent-encoded for an `href` as it is written: every
/// byte except unreserved characters and `/`, so names with spaces, `#`,
/// `?` or `%` open the right file. What it writes needs no HTML escaping.
pub(crate) struct Url<'a>(pub(crate) &'a str);

impl fmt::Display for Url<'_> {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write_url(f, self.0)
    }
}

/// The bytes a link keeps as they are: unreserved characters and `/`.
const KEPT: [bool; 256] = {
    let mut kept = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        kept[b] = c.is_ascii_alphanumeric() || matches!(c, b'-' | b'.' | b'_' | b'~' | b'/');
        b += 1;
    }
    kept
};

/// Writes `path` percent-encoded to `w`: the runs of kept bytes whole.
pub(crate) fn write_url<W: fmt::Write + ?Sized>(w: &mut W, path: &str) -> fmt::Result {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = path.as_bytes();
    let mut start = 0;
    while let Some(skip) = find_unkept(&bytes[start..]) {
        let at = start + skip;
        // Kept bytes are ASCII: a run of them lies on char boundaries (an
        // empty one may not: between the bytes of one character).
        if start < at {
            w.write_str(&path[start..at])?;
        }
        let b = bytes[at];
        let escape = [b'%', HEX[usize::from(b >> 4)], HEX[usize::from(b & 15)]];
        w.write_str(std::str::from_utf8(&escape).unwrap_or_default())?;
        start = at + 1;
    }
    w.write_str(&path[start..])
}

/// Where the first byte a link encodes is: sixteen bytes at a time where
/// the processor has SSE2 (every x86-64 does), as file links are a
/// quarter of the page. The last block ends at the last byte and may
/// overlap the one before it, where nothing was found.
fn find_unkept(bytes: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if bytes.len() >= 16 {
        return crate::render::escape::first_in_blocks(bytes, unkept_in_block);
    }
    bytes.iter().position(|&b| !KEPT[usize::from(b)])
}

/// `find_unkept` in one block of sixteen bytes, with SSE2: bytes compare
/// as signed, so those from 0x80 up fall outside every ASCII range.
#[cfg(target_arch = "x86_64")]
fn unkept_in_block(block: &[u8]) -> Option<usize> {
    use std::arch::x86_64::{
        _mm_and_si128, _mm_cmpeq_epi8, _mm_cmpgt_epi8, _mm_cmplt_epi8, _mm_loadu_si128, _mm_movemask_epi8,
        _mm_or_si128, _mm_set1_epi8,
    };
    assert_eq!(block.len(), 16, "a block is sixteen bytes");
    // SAFETY: `block` holds sixteen bytes, which the unaligned load reads;
    // SSE2 is part of x86-64, so these instructions always exist (the
    // block is for Rust before 1.87, where they are unsafe to call).
    let kept = unsafe {
        let byte = |b: u8| _mm_set1_epi8(i8::from_ne_bytes([b]));
        let x = _mm_loadu_si128(block.as_ptr().cast());
        let within = |x, low: u8, high: u8| {
            _mm_and_si128(_mm_cmpgt_epi8(x, byte(low - 1)), _mm_cmplt_epi8(x, byte(high + 1)))
        };
        // `-`, `.`, `/` and the digits are one run; a letter of either
        // case is a small letter once bit 5 is set.
        let runs = _mm_or_si128(within(x, b'-', b'9'), within(_mm_or_si128(x, byte(0x20)), b'a', b'z'));
        let marks = _mm_or_si128(_mm_cmpeq_epi8(x, byte(b'_')), _mm_cmpeq_epi8(x, byte(b'~')));
        _mm_movemask_epi8(_mm_or_si128(runs, marks))
    };
    let unkept = !kept & 0xffff;
    (unkept != 0).then(|| unkept.trailing_zeros() as usize)
}

/// Appends `pieces` to `out` in their order: the page's cells without the
/// formatting machinery, which cost more than the bytes it wrote.
pub(super) fn put(out: &mut String, pieces: &[&str]) {
    for piece in pieces {
        out.push_str(piece);
    }
}

/// Appends `text` escaped (`Esc` without the formatting machinery).
pub(super) fn put_esc(out: &mut String, text: &str) {
    let _ = write_esc(out, text);
}

/// Appends `n` in decimal digits.
pub(super) use crate::render::words::push_number as put_number;

/// Appends `fraction(p, lang)`, escaped.
pub(super) fn put_fraction(out: &mut String, p: Progress, lang: Lang) {
    fraction_in(p, lang, &mut |piece| put_esc(out, piece));
}

/// Appends `lang.month(month)`, escaped: "Juli 2022".
pub(super) fn put_month(out: &mut String, month: YearMonth, lang: Lang) {
    month_in(month, lang, &mut |piece| put_esc(out, piece));
}

/// Appends `period_text(period, lang)`, escaped.
pub(super) fn put_period(out: &mut String, period: Period, lang: Lang) {
    period_in(period, lang, &mut |piece| put_esc(out, piece));
}

/// Appends `status_text(report, lang)`, escaped.
pub(super) fn put_status(out: &mut String, report: &IndicatorReport, lang: Lang) {
    match report.status {
        Status::Occurrences => put_esc(out, &status_text(report, lang)),
        status => put_esc(out, status.label(lang)),
    }
}

/// `Url` as a `String`.
pub(crate) fn url_path(path: &str) -> String {
    Url(path).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_cannot_open_a_tag_or_close_an_attribute() {
        assert_eq!(esc(r#"<b>SOP & "baru" 'x'"#), "&lt;b&gt;SOP &amp; &quot;baru&quot; &#39;x&#39;");
        for text in [r#"<b>SOP & "baru" 'x'"#, "é<ü>", "", "&&", "plain"] {
            assert_eq!(Esc(text).to_string(), esc(text), "{text}");
        }
    }

    #[test]
    fn months_periods_and_fractions_are_written_as_the_words_make_them() {
        use crate::render::words::period_text;
        let m = |year, month| YearMonth::new(year, month).unwrap();
        let periods = [(m(2022, 7), m(2022, 7)), (m(2022, 8), m(2022, 12)), (m(2022, 11), m(2023, 2))];
        for lang in [Lang::Id, Lang::En] {
            for (first, last) in periods {
                let period = Period::months(first, last);
                let mut out = String::new();
                put_period(&mut out, period, lang);
                assert_eq!(out, esc(&period_text(period, lang)));
            }
            for (present, required) in [(0, 0), (0, 3), (12, 345), (usize::MAX, usize::MAX)] {
                let p = Progress { present, required };
                let mut out = String::new();
                put_fraction(&mut out, p, lang);
                assert_eq!(out, esc(&fraction(p, lang)));
            }
        }
    }

    #[test]
    fn the_block_scan_finds_the_first_byte_a_link_encodes_wherever_it_is() {
        // With and without a later encoded byte, against the table.
        crate::render::escape::every_byte_in_every_place(b' ', |path| {
            let expected = path.iter().position(|&b| !KEPT[usize::from(b)]);
            assert_eq!(find_unkept(path), expected, "{path:?}");
        });
    }

    #[test]
    fn links_encode_spaces_hashes_and_non_ascii_but_keep_slashes() {
        assert_eq!(
            url_path("evidence/1-a/2022-07/Daftar hadir #1.pdf"),
            "evidence/1-a/2022-07/Daftar%20hadir%20%231.pdf"
        );
        assert_eq!(url_path("é?%"), "%C3%A9%3F%25");
        assert_eq!(url_path("a/é b/ü.pdf"), "a/%C3%A9%20b/%C3%BC.pdf");
        assert_eq!(url_path("日本"), "%E6%97%A5%E6%9C%AC");
    }

    #[test]
    fn a_bar_is_full_only_when_every_document_is_there_and_says_documents() {
        let bar_width = |present, required| {
            let svg = bar(Progress { present, required }, "rest", Lang::En);
            let start = svg.find("class=\"have\" width=\"").unwrap() + 20;
            svg[start..].split('"').next().unwrap().to_string()
        };
        assert_eq!(bar_width(2, 3), "666");
        assert_eq!(bar_width(999, 1000), "999");
        assert_eq!(bar_width(3, 3), "1000");
        assert!(!bar(Progress::default(), "rest", Lang::En).contains("<svg"));
        assert!(bar(Progress { present: 8, required: 16 }, "rest", Lang::Id).contains(">8/16 dokumen<"));
    }
}
