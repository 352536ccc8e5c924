//! `zi score --format json`: the documented shape (docs/format.md, "zi
//! score"). Values are unrounded numbers; only `*_label` fields change with
//! the language.

use std::io::Write;

use anyhow::Result;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::Serialize;

use super::scale_text;
use crate::judge::score::{QuestionScore, QuestionsView, Score, ScoreView};
use crate::model::assessment::Given;
use crate::model::lke::{AnswerKind, Measure, Part};
use crate::render::words::date_text;
use crate::render::words::StatusLabel;
use crate::text::Lang;

/// A value as a JSON number: the decimal's nearest double, unrounded.
fn n(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

#[derive(Serialize)]
struct Body<'a> {
    lke: &'a str,
    assessment: Option<&'a str>,
    projection: bool,
    projection_label: Option<&'static str>,
    assessor: Option<&'static str>,
    date: Option<String>,
    target: &'a str,
    total: f64,
    pengungkit: f64,
    pemenuhan: f64,
    reform: f64,
    hasil: f64,
    areas: Vec<AreaJson<'a>>,
    results: Vec<GroupJson<'a>>,
    targets: Vec<TargetJson<'a>>,
    most_lost: Vec<LostJson<'a>>,
    readiness: ReadinessJson<'a>,
    #[serde(skip_serializing_if = "Option::is_none")]
    questions: Option<Vec<QuestionJson<'a>>>,
}

#[derive(Serialize)]
struct AreaJson<'a> {
    id: &'a str,
    name: &'a str,
    weight: f64,
    pemenuhan: f64,
    reform: f64,
    value: f64,
    ratio: f64,
}

#[derive(Serialize)]
struct GroupJson<'a> {
    id: &'a str,
    name: &'a str,
    weight: f64,
    value: f64,
    results: Vec<ResultJson<'a>>,
}

#[derive(Serialize)]
struct ResultJson<'a> {
    id: &'a str,
    name: &'a str,
    weight: f64,
    value: f64,
    answer: Option<AnswerJson>,
}

#[derive(Serialize)]
#[serde(untagged)]
enum AnswerJson {
    Choice(String),
    Number(f64),
    Inputs(serde_json::Map<String, serde_json::Value>),
}

#[derive(Serialize)]
struct TargetJson<'a> {
    target: &'a str,
    met: bool,
    met_label: &'static str,
    missed: Vec<&'a str>,
    misses: Vec<MissJson<'a>>,
}

#[derive(Serialize)]
struct MissJson<'a> {
    criterion: &'a str,
    value: f64,
    minimum: f64,
    short_by: f64,
}

#[derive(Serialize)]
struct LostJson<'a> {
    id: &'a str,
    weight: f64,
    value: f64,
    lost: f64,
}

#[derive(Serialize)]
struct ReadinessJson<'a> {
    at_risk: Vec<AtRiskJson<'a>>,
    unserved: Vec<&'a str>,
}

#[derive(Serialize)]
struct AtRiskJson<'a> {
    id: &'a str,
    indicators: Vec<IndicatorJson<'a>>,
}

#[derive(Serialize)]
struct IndicatorJson<'a> {
    id: &'a str,
    status: &'static str,
    status_label: &'static str,
}

#[derive(Serialize)]
struct QuestionJson<'a> {
    id: &'a str,
    part: &'static str,
    area: &'a str,
    sub_component: &'a str,
    weight: f64,
    value: f64,
    points: f64,
    answer: Option<AnswerJson>,
    note: Option<&'a str>,
    indicators: Vec<&'a str>,
}

fn answer(q: Option<&QuestionScore>, given: &Given) -> AnswerJson {
    match given {
        Given::Choice(a) => AnswerJson::Choice(a.clone()),
        Given::Index(i) => AnswerJson::Number(n(*i)),
        Given::Inputs(values) => {
            let mut map = serde_json::Map::new();
            if let Some(AnswerKind::Percentage(p)) = q.map(|q| &q.question.answer) {
                for (input, v) in p.inputs.iter().zip(values) {
                    map.insert(input.name.clone(), serde_json::json!(n(*v)));
                }
            }
            AnswerJson::Inputs(map)
        }
    }
}

pub(crate) fn score(view: &ScoreView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    let s: &Score = view.score;
    let l = lang.score().labels();
    let body = Body {
        lke: &s.lke.id,
        assessment: s.assessment.map(|a| a.path.as_str()),
        projection: s.projection(),
        projection_label: s.projection().then_some(l.projection),
        assessor: s.assessment.and_then(|a| a.assessor).map(|a| a.key()),
        date: s.assessment.and_then(|a| a.date).map(date_text),
        target: &s.target,
        total: n(s.total),
        pengungkit: n(s.pengungkit),
        pemenuhan: n(s.pemenuhan),
        reform: n(s.reform),
        hasil: n(s.hasil),
        areas: s
            .areas
            .iter()
            .map(|a| AreaJson {
                id: &a.id,
                name: &a.name,
                weight: n(a.weight),
                pemenuhan: n(a.pemenuhan),
                reform: n(a.reform),
                value: n(a.value),
                ratio: n(a.ratio),
            })
            .collect(),
        results: s
            .groups
            .iter()
            .map(|g| GroupJson {
                id: &g.id,
                name: &g.name,
                weight: n(g.weight),
                value: n(g.value),
                results: g
                    .results
                    .iter()
                    .map(|r| ResultJson {
                        id: &r.id,
                        name: &r.name,
                        weight: n(r.weight),
                        value: n(r.value),
                        answer: r.given.as_ref().map(|g| answer(None, g)),
                    })
                    .collect(),
            })
            .collect(),
        targets: s
            .targets
            .iter()
            .map(|v| TargetJson {
                target: &v.target,
                met: v.met,
                met_label: if v.met { l.met } else { l.not_met },
                missed: v.missed.iter().map(|m| m.criterion.as_str()).collect(),
                misses: v
                    .missed
                    .iter()
                    .map(|m| MissJson {
                        criterion: &m.criterion,
                        value: n(m.value),
                        minimum: n(m.minimum),
                        short_by: n(m.short_by()),
                    })
                    .collect(),
            })
            .collect(),
        most_lost: s
            .most_lost()
            .iter()
            .map(|q| LostJson {
                id: &q.question.id,
                weight: n(q.weight),
                value: n(q.value),
                lost: n(q.lost()),
            })
            .collect(),
        readiness: ReadinessJson {
            at_risk: s
                .at_risk()
                .iter()
                .map(|q| AtRiskJson {
                    id: &q.question.id,
                    indicators: q
                        .not_ready()
                        .iter()
                        .map(|r| IndicatorJson {
                            id: &r.file.id,
                            status: r.status.key(),
                            status_label: r.status.label(lang),
                        })
                        .collect(),
                })
                .collect(),
            unserved: s.unserved().iter().map(|q| q.question.id.as_str()).collect(),
        },
        questions: view.detail.then(|| s.questions.iter().map(|q| question(s, q)).collect()),
    };
    serde_json::to_writer_pretty(&mut *out, &body)?;
    writeln!(out)?;
    Ok(())
}

fn question<'a>(s: &'a Score, q: &'a QuestionScore) -> QuestionJson<'a> {
    let note = s.assessment.and_then(|a| a.answers.get(&q.question.id)).and_then(|a| a.note.as_deref());
    QuestionJson {
        id: &q.question.id,
        part: match q.sub.part {
            Part::Pemenuhan => "pemenuhan",
            Part::Reform => "reform",
        },
        area: q.area,
        sub_component: &q.sub.id,
        weight: n(q.weight),
        value: n(q.value),
        points: n(q.points()),
        answer: q.given.map(|g| answer(Some(q), g)),
        note,
        indicators: q.serving.iter().map(|r| r.file.id.as_str()).collect(),
    }
}

#[derive(Serialize)]
struct LkeJson<'a> {
    lke: &'a str,
    name: &'a str,
    questions: Vec<LkeQuestionJson<'a>>,
    results: Vec<LkeResultJson<'a>>,
}

#[derive(Serialize)]
struct LkeQuestionJson<'a> {
    id: &'a str,
    sub_component: &'a str,
    weight: f64,
    scale: String,
    answers: Vec<&'a str>,
    inputs: Vec<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct LkeResultJson<'a> {
    id: &'a str,
    weight: f64,
    max: Option<f64>,
    answers: Vec<&'a str>,
    name: &'a str,
}

pub(crate) fn questions(view: &QuestionsView, _lang: Lang, out: &mut dyn Write) -> Result<()> {
    let lke = view.lke;
    let body = LkeJson {
        lke: &lke.id,
        name: &lke.name,
        questions: lke
            .questions()
            .map(|(_, sub, q)| {
                let (answers, inputs) = match &q.answer {
                    AnswerKind::Choice { scale, .. } => {
                        (scale.options.iter().map(|(a, _)| a.as_str()).collect(), vec![])
                    }
                    AnswerKind::Percentage(p) => (vec![], p.inputs.iter().map(|i| i.name.as_str()).collect()),
                };
                LkeQuestionJson {
                    id: &q.id,
                    sub_component: &sub.id,
                    weight: n(sub.weight / Decimal::from(sub.questions.len().max(1))),
                    scale: scale_text(q),
                    answers,
                    inputs,
                    text: &q.text,
                }
            })
            .collect(),
        results: lke
            .results()
            .map(|(_, r)| {
                let (max, answers) = match &r.measure {
                    Measure::Index { max, .. } => (Some(n(*max)), vec![]),
                    Measure::Choice { scale, .. } => {
                        (None, scale.options.iter().map(|(a, _)| a.as_str()).collect())
                    }
                };
                LkeResultJson { id: &r.id, weight: n(r.weight), max, answers, name: &r.name }
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &body)?;
    writeln!(out)?;
    Ok(())
}
