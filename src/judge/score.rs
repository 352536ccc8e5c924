//! The LKE score of an assessment, or its projection from the evidence:
//! the rekap per area, hasil, the verdict for each target, where the points
//! are lost and how ready the answers are. Arithmetic on exact decimals:
//! values are compared unrounded and rounded only when printed.

use std::collections::BTreeMap;

use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use serde::ser::{SerializeMap, Serializer};
use serde::Serialize;

use crate::judge::evaluate::{Evaluation, IndicatorReport, Status};
use crate::model::assessment::{Assessment, Given};
use crate::model::lke::{nearest, AnswerKind, Lke, Measure, Part, Question, SubComponent};
use crate::problem::{Kind, LkeKind, Problem};

/// How many questions the list of lost points names.
pub(crate) const MOST_LOST: usize = 10;

pub(crate) struct Score<'a> {
    pub(crate) lke: &'a Lke,
    /// `None` for a projection.
    pub(crate) assessment: Option<&'a Assessment>,
    pub(crate) total: Decimal,
    pub(crate) pengungkit: Decimal,
    pub(crate) pemenuhan: Decimal,
    pub(crate) reform: Decimal,
    pub(crate) hasil: Decimal,
    pub(crate) areas: Vec<AreaScore>,
    pub(crate) groups: Vec<GroupScore>,
    /// Every question, in the LKE's order.
    pub(crate) questions: Vec<QuestionScore<'a>>,
    /// One per target of the LKE, in its order.
    pub(crate) targets: Vec<Verdict>,
    /// The target `--check` checks: `--target`, else the assessment's, else the first.
    pub(crate) target: String,
}

pub(crate) struct AreaScore {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) weight: Decimal,
    pub(crate) pemenuhan: Decimal,
    pub(crate) reform: Decimal,
    pub(crate) value: Decimal,
    /// value ÷ weight.
    pub(crate) ratio: Decimal,
}

pub(crate) struct GroupScore {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) weight: Decimal,
    pub(crate) value: Decimal,
    pub(crate) results: Vec<ResultScore>,
}

pub(crate) struct ResultScore {
    pub(crate) id: String,
    pub(crate) name: String,
    pub(crate) weight: Decimal,
    pub(crate) given: Option<Given>,
    pub(crate) value: Decimal,
}

pub(crate) struct QuestionScore<'a> {
    pub(crate) question: &'a Question,
    pub(crate) sub: &'a SubComponent,
    pub(crate) area: &'a str,
    /// The question's share of its sub-component's weight.
    pub(crate) weight: Decimal,
    /// 0–1: the answer's value, or the projection's share of documents.
    pub(crate) value: Decimal,
    pub(crate) given: Option<&'a Given>,
    /// The indicators that serve the question (by `lke`), in plan order.
    pub(crate) serving: Vec<&'a IndicatorReport>,
}

impl QuestionScore<'_> {
    /// weight × value.
    pub(crate) fn points(&self) -> Decimal {
        self.weight * self.value
    }

    pub(crate) fn lost(&self) -> Decimal {
        self.weight - self.points()
    }

    /// Serving indicators that are overdue or invalid.
    pub(crate) fn not_ready(&self) -> Vec<&IndicatorReport> {
        self.serving
            .iter()
            .copied()
            .filter(|r| matches!(r.status, Status::Overdue | Status::Invalid))
            .collect()
    }
}

/// What `zi score` shows: the score, on the plan it was judged with.
pub(crate) struct ScoreView<'a> {
    pub(crate) score: &'a Score<'a>,
    pub(crate) eval: &'a Evaluation,
    /// One row per question too.
    pub(crate) detail: bool,
}

/// What `zi score --questions` lists: the LKE itself.
pub(crate) struct QuestionsView<'a> {
    pub(crate) lke: &'a Lke,
}

/// Whether a target is met, and each minimum missed.
pub(crate) struct Verdict {
    pub(crate) target: String,
    pub(crate) met: bool,
    pub(crate) missed: Vec<Miss>,
}

pub(crate) struct Miss {
    /// `total`, `pengungkit`, `area.III`, `bersih`, `ipak`, …
    pub(crate) criterion: String,
    pub(crate) value: Decimal,
    /// In points (an area's ratio times its weight).
    pub(crate) minimum: Decimal,
}

impl Miss {
    pub(crate) fn short_by(&self) -> Decimal {
        self.minimum - self.value
    }
}

/// An answer (or hasil result) that differs between two commits of an
/// assessment file; `None` where it is not answered.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub(crate) struct AnswerChange {
    pub(crate) assessment: String,
    /// A question id or a result id (`ipak`).
    pub(crate) id: String,
    pub(crate) before: Option<AnswerValue>,
    pub(crate) after: Option<AnswerValue>,
}

/// An answer as a diff shows it: JSON writes a word, a number, or the
/// inputs by name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum AnswerValue {
    Choice(String),
    Number(Decimal),
    Inputs(Vec<(String, Decimal)>),
}

impl Serialize for AnswerValue {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            AnswerValue::Choice(answer) => s.serialize_str(answer),
            AnswerValue::Number(n) => s.serialize_f64(n.to_f64().unwrap_or_default()),
            AnswerValue::Inputs(inputs) => {
                let mut map = s.serialize_map(Some(inputs.len()))?;
                for (name, value) in inputs {
                    map.serialize_entry(name, &value.to_f64().unwrap_or_default())?;
                }
                map.end()
            }
        }
    }
}

fn answer_value(lke: &Lke, id: &str, given: &Given) -> AnswerValue {
    match given {
        Given::Choice(answer) => AnswerValue::Choice(answer.clone()),
        Given::Index(index) => AnswerValue::Number(*index),
        Given::Inputs(values) => {
            let names = match lke.question(id).map(|q| &q.answer) {
                Some(AnswerKind::Percentage(p)) => p.inputs.iter().map(|i| i.name.clone()).collect(),
                _ => Vec::new(),
            };
            AnswerValue::Inputs(names.into_iter().zip(values.iter().copied()).collect())
        }
    }
}

/// The answers and results that differ between the assessments of two
/// commits, file by file (a file on one side only counts as empty on the
/// other), in the LKE's order.
pub(crate) fn answer_changes(
    (lke_before, before): (&Lke, &[Assessment]),
    (lke_after, after): (&Lke, &[Assessment]),
) -> Vec<AnswerChange> {
    let mut paths: Vec<&str> = before.iter().chain(after).map(|a| a.path.as_str()).collect();
    paths.sort_unstable();
    paths.dedup();
    let mut order: Vec<String> = lke_after.question_ids();
    order.extend(lke_after.results().map(|(_, r)| r.id.clone()));
    let mut changes = Vec::new();
    for path in paths {
        let find = |all: &'_ [Assessment]| all.iter().find(|a| a.path == path).cloned().unwrap_or_default();
        let (old, new) = (find(before), find(after));
        let given = |a: &Assessment, id: &str| {
            a.answers.get(id).map(|x| &x.given).or_else(|| a.results.get(id)).cloned()
        };
        let mut ids: Vec<&str> = old.answers.keys().chain(new.answers.keys()).map(String::as_str).collect();
        ids.extend(old.results.keys().chain(new.results.keys()).map(String::as_str));
        ids.sort_by_key(|id| (order.iter().position(|o| o == id).unwrap_or(usize::MAX), id.to_string()));
        ids.dedup();
        for id in ids {
            let (b, a) = (given(&old, id), given(&new, id));
            if b != a {
                changes.push(AnswerChange {
                    assessment: path.to_string(),
                    id: id.to_string(),
                    before: b.map(|g| answer_value(lke_before, id, &g)),
                    after: a.map(|g| answer_value(lke_after, id, &g)),
                });
            }
        }
    }
    changes
}

/// The questions each indicator's `lke` names, checked against the LKE.
pub(crate) fn lke_ref_problems(eval: &Evaluation, lke: &Lke) -> Vec<Problem> {
    let questions = KnownQuestions::of(lke);
    let mut out = Vec::new();
    for report in &eval.indicators {
        questions.check(report, &mut out);
    }
    out
}

/// The question IDs of an LKE, to check what indicators name against.
pub(crate) struct KnownQuestions {
    ids: Vec<String>,
    // `zi check` runs this on every indicator: one set, not a walk of the
    // LKE per reference; the list for a did-you-mean only when one is wrong.
    known: std::collections::HashSet<String>,
}

impl KnownQuestions {
    pub(crate) fn of(lke: &Lke) -> KnownQuestions {
        let ids = lke.question_ids();
        let known = ids.iter().cloned().collect();
        KnownQuestions { ids, known }
    }

    /// An `unknown-question` problem for each question `report` names that
    /// the LKE does not have, in the order it names them.
    pub(crate) fn check(&self, report: &IndicatorReport, out: &mut Vec<Problem>) {
        for r in report.lke() {
            if !self.known.contains(r.id.as_str()) {
                let suggestion = nearest(&r.id, &self.ids);
                let kind = LkeKind::UnknownQuestion { id: r.id.clone(), suggestion };
                out.push(Problem::new(Kind::Lke(Box::new(kind)), report.file.path.clone()).at(r.at));
            }
        }
    }
}

/// The indicators serving each question, by question id.
fn serving(eval: &Evaluation) -> BTreeMap<&str, Vec<&IndicatorReport>> {
    let mut map: BTreeMap<&str, Vec<&IndicatorReport>> = BTreeMap::new();
    for report in &eval.indicators {
        for r in report.lke() {
            let list = map.entry(r.id.as_str()).or_default();
            // Indicators come in order, so a repeat can only be the last one.
            if !list.last().is_some_and(|other| std::ptr::eq(*other, report)) {
                list.push(report);
            }
        }
    }
    map
}

/// The projection's value of a question: the share of its serving
/// indicators' documents present to date (over the year while no period
/// has ended; an indicator without deadlines counts one document, present
/// once an occurrence is complete; an unreadable one counts one, missing).
fn projected(serving: &[&IndicatorReport]) -> Decimal {
    let (mut present, mut required) = (0usize, 0usize);
    for r in serving {
        let (p, q) = if r.status == Status::Invalid {
            (0, 1)
        } else if r.to_date.required > 0 {
            (r.to_date.present, r.to_date.required)
        } else if r.year.required > 0 && r.occurrences.is_empty() && r.status != Status::Occurrences {
            (r.year.present, r.year.required)
        } else {
            (usize::from(r.occurrences.iter().any(|o| o.complete)), 1)
        };
        present += p;
        required += q;
    }
    if required == 0 {
        return Decimal::ZERO;
    }
    Decimal::from(present) / Decimal::from(required)
}

/// The value (0–1) an answer gives a question.
fn answer_score(question: &Question, given: &Given) -> Decimal {
    match (&question.answer, given) {
        (AnswerKind::Choice { scale, .. }, Given::Choice(answer)) => {
            scale.option(answer).map_or(Decimal::ZERO, |o| o.1)
        }
        (AnswerKind::Percentage(p), Given::Inputs(values)) => p.value(values),
        _ => Decimal::ZERO,
    }
}

/// Scores `assessment` against `lke`, or projects the pemenuhan from the
/// evidence when there is none.
pub(crate) fn score<'a>(
    lke: &'a Lke,
    assessment: Option<&'a Assessment>,
    eval: &'a Evaluation,
    target: Option<&str>,
) -> Score<'a> {
    let serving = serving(eval);
    let mut questions = Vec::new();
    let mut areas = Vec::new();
    for area in &lke.areas {
        let mut parts = [Decimal::ZERO; 2];
        for sub in &area.subcomponents {
            let n = Decimal::from(sub.questions.len().max(1));
            let mut sum = Decimal::ZERO;
            for question in &sub.questions {
                let given = assessment.and_then(|a| a.answers.get(&question.id)).map(|a| &a.given);
                let serving = serving.get(question.id.as_str()).cloned().unwrap_or_default();
                let value = match (assessment, given) {
                    (Some(_), Some(given)) => answer_score(question, given),
                    (Some(_), None) => Decimal::ZERO,
                    (None, _) if sub.part == Part::Pemenuhan => projected(&serving),
                    (None, _) => Decimal::ZERO,
                };
                sum += value;
                questions.push(QuestionScore {
                    question,
                    sub,
                    area: &area.id,
                    weight: sub.weight / n,
                    value,
                    given,
                    serving,
                });
            }
            // Multiplied before divided: 1,5 × (1 + 0,5 + 0,5) ÷ 3 is exactly 1.
            parts[usize::from(sub.part == Part::Reform)] += sub.weight * sum / n;
        }
        let value = parts[0] + parts[1];
        let ratio = if area.weight.is_zero() { Decimal::ZERO } else { value / area.weight };
        areas.push(AreaScore {
            id: area.id.clone(),
            name: area.name.clone(),
            weight: area.weight,
            pemenuhan: parts[0],
            reform: parts[1],
            value,
            ratio,
        });
    }
    let groups = results(lke, assessment);
    let pemenuhan: Decimal = areas.iter().map(|a| a.pemenuhan).sum();
    let reform: Decimal = areas.iter().map(|a| a.reform).sum();
    let hasil: Decimal = groups.iter().map(|g| g.value).sum();
    let mut score = Score {
        lke,
        assessment,
        total: pemenuhan + reform + hasil,
        pengungkit: pemenuhan + reform,
        pemenuhan,
        reform,
        hasil,
        areas,
        groups,
        questions,
        targets: Vec::new(),
        target: String::new(),
    };
    score.targets = lke.targets.iter().map(|t| verdict(&score, t)).collect();
    score.target = target
        .and_then(|t| lke.target(t))
        .or_else(|| assessment.and_then(|a| a.target.as_deref()).and_then(|t| lke.target(t)))
        .or(lke.targets.first())
        .map(|t| t.id.clone())
        .unwrap_or_default();
    score
}

fn results(lke: &Lke, assessment: Option<&Assessment>) -> Vec<GroupScore> {
    lke.result_groups
        .iter()
        .map(|group| {
            let results: Vec<ResultScore> = group
                .results
                .iter()
                .map(|r| {
                    let given = assessment.and_then(|a| a.results.get(&r.id)).cloned();
                    let value = match (&r.measure, &given) {
                        (Measure::Index { max, .. }, Some(Given::Index(index))) if !max.is_zero() => {
                            index * r.weight / max
                        }
                        (Measure::Choice { scale, .. }, Some(Given::Choice(answer))) => {
                            scale.option(answer).map_or(Decimal::ZERO, |o| o.1) * r.weight
                        }
                        _ => Decimal::ZERO,
                    };
                    ResultScore { id: r.id.clone(), name: r.name.clone(), weight: r.weight, given, value }
                })
                .collect();
            let value = results.iter().map(|r| r.value).sum();
            GroupScore {
                id: group.id.clone(),
                name: group.name.clone(),
                weight: group.weight,
                value,
                results,
            }
        })
        .collect()
}

fn verdict(score: &Score, target: &crate::model::lke::Target) -> Verdict {
    let mut missed = Vec::new();
    let mut check = |criterion: String, value: Decimal, minimum: Decimal| {
        if value < minimum {
            missed.push(Miss { criterion, value, minimum });
        }
    };
    check("total".into(), score.total, target.total);
    check("pengungkit".into(), score.pengungkit, target.pengungkit);
    for area in &score.areas {
        check(format!("area.{}", area.id), area.value, area.weight * target.area_ratio);
    }
    for group in &score.groups {
        let minimum = |id: &str| target.results.iter().find(|(k, _)| k == id).map(|(_, v)| *v);
        if let Some(m) = minimum(&group.id) {
            check(group.id.clone(), group.value, m);
        }
        for r in &group.results {
            if let Some(m) = minimum(&r.id) {
                check(r.id.clone(), r.value, m);
            }
        }
    }
    Verdict { target: target.id.clone(), met: missed.is_empty(), missed }
}

impl Score<'_> {
    pub(crate) fn projection(&self) -> bool {
        self.assessment.is_none()
    }

    /// The questions where the most points are lost, most first (the LKE's
    /// order among equals); none that loses nothing. A projection projects
    /// only pemenuhan, so only pemenuhan questions count there.
    pub(crate) fn most_lost(&self) -> Vec<&QuestionScore<'_>> {
        let mut lost: Vec<&QuestionScore> = self
            .questions
            .iter()
            .filter(|q| q.lost() > Decimal::ZERO)
            .filter(|q| !self.projection() || q.sub.part == Part::Pemenuhan)
            .collect();
        lost.sort_by_key(|q| std::cmp::Reverse(q.lost()));
        lost.truncate(MOST_LOST);
        lost
    }

    /// Answered (or, in a projection, projected) questions with a serving
    /// indicator that is overdue or invalid.
    pub(crate) fn at_risk(&self) -> Vec<&QuestionScore<'_>> {
        self.questions
            .iter()
            .filter(|q| if self.projection() { q.value > Decimal::ZERO } else { q.given.is_some() })
            .filter(|q| !q.not_ready().is_empty())
            .collect()
    }

    /// Questions no indicator serves.
    pub(crate) fn unserved(&self) -> Vec<&QuestionScore<'_>> {
        self.questions.iter().filter(|q| q.serving.is_empty()).collect()
    }

    pub(crate) fn verdict(&self) -> Option<&Verdict> {
        self.targets.iter().find(|v| v.target == self.target)
    }

    /// Whether the selected target's minimum for `criterion` is met; `None`
    /// when the target sets none for it.
    pub(crate) fn meets(&self, criterion: &str) -> Option<bool> {
        let target = self.lke.target(&self.target)?;
        let set = matches!(criterion, "total" | "pengungkit")
            || criterion.starts_with("area.")
            || target.results.iter().any(|(k, _)| k == criterion);
        if !set {
            return None;
        }
        Some(!self.verdict()?.missed.iter().any(|m| m.criterion == criterion))
    }
}
