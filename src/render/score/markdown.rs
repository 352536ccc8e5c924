//! `zi score --format markdown`: the rekap table, the verdict and the
//! lists, for a wiki page or a merge request.

use std::io::Write;

use anyhow::Result;

use super::{
    answer_text, assessment_text, mark, miss_text, not_ready_text, percent, rekap_rows, scale_text,
    serving_text, two,
};
use crate::judge::score::{QuestionsView, ScoreView};
use crate::render::escape::escape;
use crate::render::fields;

/// A cell with control characters made visible.
fn cell(text: &str) -> String {
    fields::cell(&escape(text)).into_owned()
}
use crate::render::words::{date_text, Heading};
use crate::text::Lang;

pub(crate) fn score(view: &ScoreView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let s = view.score;
    let l = lang.score().labels();
    let h = Heading::of(view.eval, lang);
    writeln!(out, "# {} — {} {}\n", l.title, cell(&h.unit), h.year)?;
    writeln!(out, "{}: {} · {}: {}\n", l.lke, s.lke.id, l.target, s.target)?;
    match s.assessment {
        Some(a) => writeln!(out, "{}: {}\n", l.assessment, cell(&assessment_text(a, lang)))?,
        None => writeln!(
            out,
            "**{}** · {} {}\n\n{}\n",
            l.projection,
            lang.labels().as_of,
            date_text(view.eval.as_of),
            l.projection_note
        )?,
    }
    let optional = |v: Option<rust_decimal::Decimal>| v.map(|v| two(v, lang)).unwrap_or_default();
    writeln!(
        out,
        "| {} | {} | {} | {} | {} | {} | {} {} |",
        l.area, l.weight, l.pemenuhan, l.reform, l.value, l.percent, l.minimum, s.target
    )?;
    writeln!(out, "|---|--:|--:|--:|--:|--:|:-:|")?;
    for r in rekap_rows(s, lang) {
        let (name, value) = if r.kind.is_sum() {
            (format!("**{}**", cell(&r.name)), format!("**{}**", two(r.value, lang)))
        } else {
            (cell(&r.name), two(r.value, lang))
        };
        writeln!(
            out,
            "| {name} | {} | {} | {} | {value} | {} | {} |",
            two(r.weight, lang),
            optional(r.pemenuhan),
            optional(r.reform),
            r.ratio.map(|v| percent(v, lang)).unwrap_or_default(),
            mark(r.met)
        )?;
    }
    writeln!(out, "\n## {}\n", l.verdict)?;
    for v in &s.targets {
        let word = if v.met { l.met } else { l.not_met };
        let projected = if s.projection() { format!(" ({})", l.projected) } else { String::new() };
        writeln!(out, "- {} **{}**: {word}{projected}", mark(Some(v.met)), v.target)?;
        for miss in &v.missed {
            writeln!(out, "  - {}", cell(&miss_text(s.lke, miss, lang)))?;
        }
    }
    let lost = s.most_lost();
    if !lost.is_empty() {
        writeln!(out, "\n## {}\n", l.most_lost)?;
        writeln!(out, "| {} | {} | {} | {} |\n|---|--:|---|---|", l.question, l.lost, l.answer, l.text)?;
        for q in lost {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                q.question.id,
                two(q.lost(), lang),
                cell(&answer_text(s, q, lang)),
                cell(&q.question.text)
            )?;
        }
    }
    writeln!(out, "\n## {}\n", l.readiness)?;
    let at_risk = s.at_risk();
    if at_risk.is_empty() {
        writeln!(out, "{}", l.nothing_at_risk)?;
    } else {
        writeln!(out, "{}:\n", l.at_risk)?;
        for q in at_risk {
            writeln!(
                out,
                "- {} [{}]: {}",
                q.question.id,
                cell(&answer_text(s, q, lang)),
                not_ready_text(q, lang)
            )?;
        }
    }
    let unserved = s.unserved();
    if !unserved.is_empty() {
        let ids: Vec<&str> = unserved.iter().map(|q| q.question.id.as_str()).collect();
        writeln!(out, "\n{}: {}", lang.score().unserved(ids.len()), ids.join(", "))?;
    }
    if view.detail {
        writeln!(
            out,
            "\n| {} | {} | {} | {} | {} | {} |",
            l.question, l.weight, l.answer, l.value, l.points, l.indicators
        )?;
        writeln!(out, "|---|--:|---|--:|--:|---|")?;
        for q in &s.questions {
            writeln!(
                out,
                "| {} | {} | {} | {} | {} | {} |",
                q.question.id,
                two(q.weight, lang),
                cell(&answer_text(s, q, lang)),
                percent(q.value, lang),
                two(q.points(), lang),
                serving_text(q, lang, false)
            )?;
        }
    }
    Ok(())
}

pub(crate) fn questions(view: &QuestionsView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.score().labels();
    writeln!(out, "# {} — {}\n", l.questions_title, view.lke.id)?;
    writeln!(out, "| {} | {} | {} | {} |\n|---|--:|---|---|", l.question, l.weight, l.scale, l.text)?;
    for (_, sub, q) in view.lke.questions() {
        let weight = sub.weight / rust_decimal::Decimal::from(sub.questions.len().max(1));
        writeln!(out, "| {} | {} | {} | {} |", q.id, two(weight, lang), cell(&scale_text(q)), cell(&q.text))?;
    }
    Ok(())
}
