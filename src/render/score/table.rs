//! `zi score` on a terminal: the rekap as the LKE's summary sheet lays it
//! out, then the verdict, the points lost and readiness.

use std::io::Write;

use anyhow::Result;
use comfy_table::{presets, Attribute, Cell, CellAlignment, ContentArrangement, Table};

use super::{
    answer_text, assessment_text, mark, miss_text, not_ready_text, percent, rekap_rows, scale_text,
    serving_text, two, RowKind,
};
use crate::judge::score::{QuestionsView, Score, ScoreView};
use crate::render::escape::escape;
use crate::render::renderer::Style;
use crate::render::words::{date_text, shorten, Heading};
use crate::text::Lang;

/// The width of piped output, as the other tables.
const WIDTH: u16 = 100;

fn new_table(header: Vec<&str>, style: Style) -> Table {
    let mut table = Table::new();
    table
        .load_preset(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic)
        .set_width(WIDTH);
    if style.color {
        table.enforce_styling();
    } else {
        table.force_no_tty();
    }
    table.set_header(header);
    table
}

fn number(value: String) -> Cell {
    Cell::new(value).set_alignment(CellAlignment::Right)
}

pub(crate) fn score(view: &ScoreView, style: Style, out: &mut dyn Write) -> Result<()> {
    let lang = style.lang;
    let s = view.score;
    heading(view, lang, out)?;
    writeln!(out, "{}", rekap(s, style))?;
    verdict(s, lang, out)?;
    most_lost(s, style, out)?;
    readiness(s, lang, out)?;
    if view.detail {
        detail(s, style, out)?;
    }
    Ok(())
}

fn heading(view: &ScoreView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let s = view.score;
    let l = lang.score().labels();
    let h = Heading::of(view.eval, lang);
    writeln!(out, "{} — {} {}", l.title, escape(&h.unit), h.year)?;
    writeln!(out, "{}: {} · {}: {}", l.lke, s.lke.id, l.target, s.target)?;
    match s.assessment {
        Some(a) => writeln!(out, "{}: {}", l.assessment, escape(&assessment_text(a, lang)))?,
        None => {
            writeln!(out, "{} · {} {}", l.projection, lang.labels().as_of, date_text(view.eval.as_of))?;
            writeln!(out, "  {}", l.projection_note)?;
        }
    }
    writeln!(out)?;
    Ok(())
}

fn rekap(s: &Score, style: Style) -> Table {
    let lang = style.lang;
    let l = lang.score().labels();
    let min = format!("{} {}", l.minimum, s.target);
    let mut table = new_table(vec![l.area, l.weight, l.pemenuhan, l.reform, l.value, l.percent, &min], style);
    let optional =
        |value: Option<rust_decimal::Decimal>| number(value.map(|v| two(v, lang)).unwrap_or_default());
    for row in rekap_rows(s, lang) {
        let indent = if row.kind == RowKind::Result { "· " } else { "" };
        let mut name = Cell::new(format!("{indent}{}", escape(&row.name)));
        let mut value = number(two(row.value, lang));
        if row.kind.is_sum() {
            name = name.add_attribute(Attribute::Bold);
            value = value.add_attribute(Attribute::Bold);
        }
        table.add_row(vec![
            name,
            number(two(row.weight, lang)),
            optional(row.pemenuhan),
            optional(row.reform),
            value,
            number(row.ratio.map(|r| percent(r, lang)).unwrap_or_default()),
            Cell::new(mark(row.met)).set_alignment(CellAlignment::Center),
        ]);
    }
    table
}

fn verdict(s: &Score, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.score().labels();
    writeln!(out, "\n{}", l.verdict)?;
    for v in &s.targets {
        let word = if v.met { l.met } else { l.not_met };
        let projected = if s.projection() { format!(" ({})", l.projected) } else { String::new() };
        writeln!(out, "  {} {}: {word}{projected}", if v.met { "✓" } else { "✗" }, v.target)?;
        for miss in &v.missed {
            writeln!(out, "      {}", escape(&miss_text(s.lke, miss, lang)))?;
        }
    }
    Ok(())
}

fn most_lost(s: &Score, style: Style, out: &mut dyn Write) -> Result<()> {
    let lang = style.lang;
    let l = lang.score().labels();
    let lost = s.most_lost();
    if lost.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{}", l.most_lost)?;
    let mut table = new_table(vec![l.question, l.lost, l.answer, l.text], style);
    for q in lost {
        table.add_row(vec![
            Cell::new(&q.question.id),
            number(two(q.lost(), lang)),
            Cell::new(answer_text(s, q, lang)),
            Cell::new(shorten(&escape(&q.question.text), 60)),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

fn readiness(s: &Score, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let l = lang.score().labels();
    writeln!(out, "\n{}", l.readiness)?;
    let at_risk = s.at_risk();
    if at_risk.is_empty() {
        writeln!(out, "  {}", l.nothing_at_risk)?;
    } else {
        writeln!(out, "  {}:", l.at_risk)?;
        for q in at_risk {
            writeln!(
                out,
                "    {} [{}]: {}",
                q.question.id,
                answer_text(s, q, lang),
                not_ready_text(q, lang)
            )?;
        }
    }
    let unserved = s.unserved();
    if !unserved.is_empty() {
        writeln!(out, "  {}:", lang.score().unserved(unserved.len()))?;
        let ids: Vec<&str> = unserved.iter().map(|q| q.question.id.as_str()).collect();
        for line in wrap_ids(&ids, usize::from(WIDTH) - 4) {
            writeln!(out, "    {line}")?;
        }
    }
    Ok(())
}

/// Ids joined by `, `, in lines of at most `width` characters.
fn wrap_ids(ids: &[&str], width: usize) -> Vec<String> {
    let mut lines = vec![String::new()];
    for (i, id) in ids.iter().enumerate() {
        let piece = if i + 1 < ids.len() { format!("{id},") } else { id.to_string() };
        let line = lines.last_mut().expect("one line at least");
        if !line.is_empty() && line.chars().count() + 1 + piece.chars().count() > width {
            lines.push(piece);
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(&piece);
        }
    }
    lines
}

fn detail(s: &Score, style: Style, out: &mut dyn Write) -> Result<()> {
    let lang = style.lang;
    let l = lang.score().labels();
    writeln!(out)?;
    let mut table = new_table(vec![l.question, l.weight, l.answer, l.value, l.points, l.indicators], style);
    for q in &s.questions {
        table.add_row(vec![
            Cell::new(&q.question.id),
            number(two(q.weight, lang)),
            Cell::new(answer_text(s, q, lang)),
            number(percent(q.value, lang)),
            number(two(q.points(), lang)),
            Cell::new(serving_text(q, lang, false)),
        ]);
    }
    writeln!(out, "{table}")?;
    Ok(())
}

pub(crate) fn questions(view: &QuestionsView, style: Style, out: &mut dyn Write) -> Result<()> {
    let lang = style.lang;
    let l = lang.score().labels();
    writeln!(out, "{} — {}", l.questions_title, view.lke.id)?;
    let mut table = new_table(vec![l.question, l.weight, l.scale, l.text], style);
    for (_, sub, q) in view.lke.questions() {
        let n = rust_decimal::Decimal::from(sub.questions.len().max(1));
        table.add_row(vec![
            Cell::new(&q.id),
            number(two(sub.weight / n, lang)),
            Cell::new(scale_text(q)),
            Cell::new(escape(&q.text)),
        ]);
    }
    writeln!(out, "{table}")?;
    let mut results = new_table(vec![l.results, l.weight, l.scale, l.text], style);
    for (_, r) in view.lke.results() {
        let scale = match &r.measure {
            crate::model::lke::Measure::Index { max, .. } => format!("0–{}", two(*max, lang)),
            crate::model::lke::Measure::Choice { scale, .. } => scale.id.clone(),
        };
        results.add_row(vec![
            Cell::new(&r.id),
            number(two(r.weight, lang)),
            Cell::new(scale),
            Cell::new(escape(&r.name)),
        ]);
    }
    writeln!(out, "{results}")?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_wrap_at_the_width_and_keep_their_commas() {
        assert_eq!(wrap_ids(&["P.I.i.a", "P.I.i.b", "R.I.i.a"], 16), ["P.I.i.a,", "P.I.i.b, R.I.i.a"]);
        assert_eq!(wrap_ids(&["P.I.i.a", "P.I.i.b"], 40), ["P.I.i.a, P.I.i.b"]);
    }
}
