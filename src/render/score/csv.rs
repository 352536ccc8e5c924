//! `zi score --format csv`: the rekap, one row per line of the summary
//! sheet; with `--detail`, one row per question after it. Numbers have two
//! decimals, with a decimal comma (in a quoted field) in Indonesian.

use std::io::Write;

use anyhow::Result;

use super::{answer_text, mark, percent, rekap_rows, scale_text, serving_text, two};
use crate::judge::score::{QuestionsView, ScoreView};
use crate::render::escape::escape;
use crate::render::fields::row;
use crate::text::Lang;

pub(crate) fn score(view: &ScoreView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let s = view.score;
    let l = lang.score().labels();
    let optional = |v: Option<rust_decimal::Decimal>| v.map(|v| two(v, lang)).unwrap_or_default();
    let min = format!("{} {}", l.minimum, s.target);
    row(
        out,
        &[
            l.kind,
            "id",
            l.area,
            l.weight,
            l.pemenuhan,
            l.reform,
            l.value,
            l.percent,
            &min,
            l.answer,
            l.indicators,
        ],
    )?;
    for r in rekap_rows(s, lang) {
        row(
            out,
            &[
                r.kind.key().to_string(),
                r.id,
                escape(&r.name).into_owned(),
                two(r.weight, lang),
                optional(r.pemenuhan),
                optional(r.reform),
                two(r.value, lang),
                r.ratio.map(|v| percent(v, lang)).unwrap_or_default(),
                mark(r.met).to_string(),
                String::new(),
                String::new(),
            ],
        )?;
    }
    if view.detail {
        for q in &s.questions {
            row(
                out,
                &[
                    "question".to_string(),
                    q.question.id.clone(),
                    escape(&q.question.text).into_owned(),
                    two(q.weight, lang),
                    String::new(),
                    String::new(),
                    two(q.points(), lang),
                    percent(q.value, lang),
                    String::new(),
                    answer_text(s, q, lang),
                    serving_text(q, lang, false),
                ],
            )?;
        }
    }
    Ok(())
}

pub(crate) fn questions(view: &QuestionsView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.score().labels();
    row(out, &[l.question, l.sub_component, l.weight, l.scale, l.text])?;
    for (_, sub, q) in view.lke.questions() {
        let weight = sub.weight / rust_decimal::Decimal::from(sub.questions.len().max(1));
        row(
            out,
            &[q.id.clone(), sub.id.clone(), two(weight, lang), scale_text(q), escape(&q.text).into_owned()],
        )?;
    }
    Ok(())
}
