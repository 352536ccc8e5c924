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
    let l = lang.score().labels();
    let min = format!("{} {}", l.minimum, view.score.target);
    row(out, &header(lang, &min))?;
    rows(view, lang, &[], out)
}

/// The head of the CSV at a workspace root: the unit's folder and its
/// target first, then the columns of a unit's CSV (the minimum column
/// named for no target: each unit's row says which).
pub(crate) fn units_header(lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.score().labels();
    let mut head = vec![lang.workspace().folder, l.target];
    head.extend(header(lang, l.minimum));
    row(out, &head)
}

/// One unit's rows at a workspace root, under `units_header`.
pub(crate) fn unit_rows(view: &ScoreView, tag: &str, lang: Lang, out: &mut dyn Write) -> Result<()> {
    rows(view, lang, &[tag, &view.score.target], out)
}

fn header(lang: Lang, min: &str) -> [&str; 11] {
    let l = lang.score().labels();
    [l.kind, "id", l.area, l.weight, l.pemenuhan, l.reform, l.value, l.percent, min, l.answer, l.indicators]
}

/// The rekap's rows and, with `--detail`, the questions', each after the
/// cells of `before`.
fn rows(view: &ScoreView, lang: Lang, before: &[&str], out: &mut dyn Write) -> Result<()> {
    let s = view.score;
    let optional = |v: Option<rust_decimal::Decimal>| v.map(|v| two(v, lang)).unwrap_or_default();
    let line = |out: &mut dyn Write, cells: [String; 11]| -> Result<()> {
        let mut all: Vec<String> = before.iter().map(|c| c.to_string()).collect();
        all.extend(cells);
        row(out, &all)
    };
    for r in rekap_rows(s, lang) {
        line(
            out,
            [
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
            line(
                out,
                [
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
