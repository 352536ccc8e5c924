//! The score in the HTML report: its own section (the rekap and the
//! verdict, or the projection, labelled as such) and, for each indicator,
//! the LKE questions it serves. Self-contained, with its own CSS, so the
//! rest of the page can change without it.

use std::fmt::Write as _;

use super::{answer_text, assessment_text, mark, miss_text, percent, rekap_rows, two};
use crate::judge::evaluate::IndicatorReport;
use crate::judge::score::Score;
use crate::model::lke::Lke;
use crate::render::escape::html as esc;
use crate::render::words::date_text;
use crate::text::Lang;

/// The section's CSS, added to the page's.
pub(crate) const STYLE: &str = "
#score table.rekap { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
#score table.rekap th, #score table.rekap td { border: 1px solid #ccc; padding: .15rem .5rem; }
#score table.rekap td.n { text-align: right; font-variant-numeric: tabular-nums; }
#score table.rekap tr.sum td { font-weight: bold; background: #f4f4f4; }
#score table.rekap tr.result td:first-child { padding-left: 1.5rem; }
#score .projection { border-left: 4px solid #c90; padding: .25rem .75rem; background: #fff8e6; }
#score .met { color: #176117; } #score .missed { color: #a11; }
#score ul.lost li, #score ul.risk li { margin: .15rem 0; }
.lke { font-size: .85rem; color: #333; margin: .25rem 0; }
.lke .qid { font-family: ui-monospace, monospace; font-weight: bold; }
";

/// The score section: `<section id="score">…</section>`.
pub(crate) fn section(s: &Score, as_of: chrono::NaiveDate, lang: Lang) -> String {
    let l = lang.score().labels();
    let mut out = String::with_capacity(16 * 1024);
    let _ = writeln!(out, "<section id=\"score\">\n<h2>{}</h2>", esc(l.title));
    let _ = writeln!(out, "<p>{}: {} · {}: {}</p>", l.lke, esc(&s.lke.id), l.target, esc(&s.target));
    match s.assessment {
        Some(a) => {
            let _ = writeln!(out, "<p>{}: {}</p>", l.assessment, esc(&assessment_text(a, lang)));
        }
        None => {
            let _ = writeln!(
                out,
                "<p class=\"projection\"><b>{}</b> · {} {}<br>{}</p>",
                esc(l.projection),
                esc(lang.labels().as_of),
                date_text(as_of),
                esc(l.projection_note)
            );
        }
    }
    rekap(&mut out, s, lang);
    verdict(&mut out, s, lang);
    most_lost(&mut out, s, lang);
    readiness(&mut out, s, lang);
    out.push_str("</section>\n");
    out
}

fn rekap(out: &mut String, s: &Score, lang: Lang) {
    let l = lang.score().labels();
    let _ = writeln!(
        out,
        "<table class=\"rekap\"><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{} {}</th></tr></thead><tbody>",
        l.area, l.weight, l.pemenuhan, l.reform, l.value, l.percent, l.minimum, esc(&s.target)
    );
    let optional = |v: Option<rust_decimal::Decimal>| v.map(|v| two(v, lang)).unwrap_or_default();
    for r in rekap_rows(s, lang) {
        let class = if r.kind.is_sum() {
            " class=\"sum\""
        } else if r.kind == super::RowKind::Result {
            " class=\"result\""
        } else {
            ""
        };
        let _ = writeln!(
            out,
            "<tr{class}><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}</td></tr>",
            esc(&r.name),
            two(r.weight, lang),
            optional(r.pemenuhan),
            optional(r.reform),
            two(r.value, lang),
            r.ratio.map(|v| percent(v, lang)).unwrap_or_default(),
            mark(r.met)
        );
    }
    out.push_str("</tbody></table>\n");
}

fn verdict(out: &mut String, s: &Score, lang: Lang) {
    let l = lang.score().labels();
    let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"verdict\">", l.verdict);
    for v in &s.targets {
        let (class, word) = if v.met { ("met", l.met) } else { ("missed", l.not_met) };
        let projected = if s.projection() { format!(" ({})", l.projected) } else { String::new() };
        let _ = write!(
            out,
            "<li class=\"{class}\">{} <b>{}</b>: {word}{projected}",
            mark(Some(v.met)),
            esc(&v.target)
        );
        if !v.missed.is_empty() {
            out.push_str("<ul>");
            for miss in &v.missed {
                let _ = write!(out, "<li>{}</li>", esc(&miss_text(s.lke, miss, lang)));
            }
            out.push_str("</ul>");
        }
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn most_lost(out: &mut String, s: &Score, lang: Lang) {
    let l = lang.score().labels();
    let lost = s.most_lost();
    if lost.is_empty() {
        return;
    }
    let _ = writeln!(out, "<h3>{}</h3>\n<ul class=\"lost\">", l.most_lost);
    for q in lost {
        let _ = writeln!(
            out,
            "<li><span class=\"qid\">{}</span> −{} ({}) {}</li>",
            esc(&q.question.id),
            two(q.lost(), lang),
            esc(&answer_text(s, q, lang)),
            esc(&q.question.text)
        );
    }
    out.push_str("</ul>\n");
}

fn readiness(out: &mut String, s: &Score, lang: Lang) {
    let l = lang.score().labels();
    let _ = writeln!(out, "<h3>{}</h3>", l.readiness);
    let at_risk = s.at_risk();
    if at_risk.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(l.nothing_at_risk));
    } else {
        let _ = writeln!(out, "<p>{}:</p>\n<ul class=\"risk\">", esc(l.at_risk));
        for q in at_risk {
            let links: Vec<String> = q
                .not_ready()
                .iter()
                .map(|r| {
                    let id = esc(&r.file.id);
                    format!(
                        "<a href=\"#{id}\">{id}</a> ({})",
                        esc(crate::render::words::StatusLabel::label(r.status, lang))
                    )
                })
                .collect();
            let _ = writeln!(
                out,
                "<li><span class=\"qid\">{}</span>: {}</li>",
                esc(&q.question.id),
                links.join(", ")
            );
        }
        out.push_str("</ul>\n");
    }
    let unserved = s.unserved();
    if !unserved.is_empty() {
        let ids: Vec<String> = unserved.iter().map(|q| esc(&q.question.id)).collect();
        let _ = writeln!(out, "<p>{}: {}</p>", esc(&lang.score().unserved(ids.len())), ids.join(", "));
    }
}

/// The LKE questions an indicator serves, with their words: a line for its
/// card in the report; empty when it serves none.
pub(crate) fn served(lke: &Lke, report: &IndicatorReport, lang: Lang) -> String {
    if report.lke().is_empty() {
        return String::new();
    }
    let l = lang.score().labels();
    let items: Vec<String> = report
        .lke()
        .iter()
        .map(|r| match lke.question(&r.id) {
            Some(q) => format!("<span class=\"qid\" title=\"{}\">{}</span>", esc(&q.text), esc(&r.id)),
            None => esc(&r.id),
        })
        .collect();
    format!("<p class=\"lke\">{}: {}</p>\n", esc(l.questions_served), items.join(", "))
}
