//! The year's timeline: indicators × months. A deadline cell takes the
//! colour of its period's state; the other months of the period a pale
//! tint of it, so windows and semesters read as spans. The indicator's
//! text wraps in its column (on A4 too) and the person in charge is under it.

use std::fmt::Write as _;

use super::markup::{esc, put, put_esc, put_fraction, put_period, put_status, state_key, state_mark, Esc};
use super::page::{Page, CHUNK};
use crate::judge::evaluate::{IndicatorReport, Status};
use crate::judge::view::StatusView;
use crate::model::month::YearMonth;
use crate::render::problems;
use crate::render::words::{pic, state_label};
use crate::text::Lang;

/// The timeline section, written to the page row by row: a large plan's
/// timeline is a row per indicator, and was once a third of the page held
/// whole twice over.
pub(super) fn section(page: &mut Page, view: &StatusView) {
    let lang = page.lang;
    let l = lang.labels();
    let year = view.eval.plan.year;
    let now = YearMonth::of(view.eval.as_of);
    // Each month's title, escaped, for the cells of no period.
    let months: Vec<(YearMonth, String)> = (1..=12)
        .filter_map(|m| YearMonth::new(year, m))
        .map(|m| (m, Esc(&lang.month(m)).to_string()))
        .collect();
    let out = &mut page.out;
    let _ = writeln!(out, "<section id=\"timeline\">\n<h2>{} {year}</h2>", l.timeline);
    legend(out, lang);
    out.push_str(
        "<table class=\"timeline\">\n<colgroup><col class=\"id\"><col class=\"text\"><col class=\"st\">",
    );
    for _ in 1..=12 {
        out.push_str("<col class=\"m\">");
    }
    let _ =
        write!(out, "</colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>", l.id, l.indicator, l.status);
    for month in 1..=12 {
        let class = if YearMonth::new(year, month) == Some(now) { " class=\"now\"" } else { "" };
        let _ = write!(out, "<th{class}>{}</th>", lang.month_short(month));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for area in &view.areas {
        let _ = writeln!(
            page.out,
            "<tr class=\"group\"><th colspan=\"15\">{}. {}</th></tr>",
            esc(&area.area.id),
            esc(&area.area.name)
        );
        let reports: Vec<&IndicatorReport> =
            area.components.iter().flat_map(|c| c.indicators.iter().copied()).collect();
        page.rows(&reports, |out, report| row(out, report, &months, now, lang));
        page.spill(CHUNK);
    }
    page.out.push_str("</tbody>\n</table>\n</section>\n");
}

fn legend(out: &mut String, lang: Lang) {
    let l = lang.labels();
    let _ = write!(out, "<p class=\"legend\">{}: ", l.legend);
    let items = [
        ("m done", "✓", l.status_done),
        ("m due", "•", l.status_due),
        ("m overdue", "!", l.status_overdue),
        ("m upcoming", "○", l.upcoming),
        ("m span-upcoming", "", l.period_months),
        ("m occ", "●", l.occurrence_with_files),
        ("m now", "", l.this_month),
    ];
    for (class, mark, label) in items {
        let _ = write!(out, "<span class=\"key\"><span class=\"{class}\">{mark}</span> {label}</span> ");
    }
    out.push_str("</p>\n");
}

fn row(
    out: &mut String,
    report: &IndicatorReport,
    months: &[(YearMonth, String)],
    now: YearMonth,
    lang: Lang,
) {
    let id = &report.file.id;
    out.push_str("<tr><td class=\"id\"><a href=\"#");
    put_esc(out, id);
    out.push_str("\">");
    put_esc(out, id);
    out.push_str("</a></td><td class=\"text\">");
    put_esc(out, report.text());
    if let Some(pic) = pic(report) {
        out.push_str("<span class=\"pic\">");
        put_esc(out, pic);
        out.push_str("</span>");
    }
    put(out, &["</td><td><span class=\"chip ", report.status.key(), "\">"]);
    put_status(out, report, lang);
    out.push_str("</span></td>");
    if report.status == Status::Invalid {
        let problem = report.problem.as_ref().map(|p| problems::message(p, lang)).unwrap_or_default();
        let _ = writeln!(out, "<td colspan=\"12\" class=\"invalid\">{}</td></tr>", Esc(&problem));
        return;
    }
    // A period's title, escaped, made once for all its months.
    let mut titled: Option<(usize, String)> = None;
    for (month, month_title) in months {
        let month = *month;
        let now = if month == now { " now" } else { "" };
        let found = report.periods.iter().position(|p| p.period.contains(month));
        let Some(index) = found else {
            if report.occurrences.iter().any(|o| o.has_files() && o.month() == Some(month)) {
                put(out, &["<td class=\"m occ", now, "\" title=\"", month_title, "\">●</td>"]);
            } else {
                put(out, &["<td class=\"m", now, "\" title=\"", month_title, "\"></td>"]);
            }
            continue;
        };
        let period = &report.periods[index];
        if titled.as_ref().is_none_or(|(i, _)| *i != index) {
            let mut title = String::with_capacity(48);
            put_period(&mut title, period.period, lang);
            title.push_str(" · ");
            put_esc(&mut title, state_label(period.state, lang));
            titled = Some((index, title));
        }
        let title = titled.as_ref().map_or("", |(_, t)| t);
        let key = state_key(period.state);
        if period.period.last == month {
            put(out, &["<td class=\"m ", key, now, "\" title=\"", title, " · "]);
            put_fraction(out, period.progress(), lang);
            let mark = state_mark(period.state);
            put(out, &[" ", lang.labels().documents, "\">", mark, "</td>"]);
        } else {
            put(out, &["<td class=\"m span-", key, now, "\" title=\"", title, "\"></td>"]);
        }
    }
    out.push_str("</tr>\n");
}
