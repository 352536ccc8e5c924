//! An LKE file → `model::lke::Lke`: the built-in one (PermenPANRB 90/2021,
//! compiled into zi) or a ministry's variant of the same shape. Every rule
//! the scoring relies on is checked here, so a variant that breaks one is
//! reported, not scored wrong.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};
use std::ops::Range;
use std::path::Path;
use std::str::FromStr;
use std::sync::OnceLock;

use rust_decimal::Decimal;
use serde::Deserialize;
use toml::Spanned;

use crate::load::source::Source;
use crate::model::lke::{
    is_question_id, roman_value, AnswerKind, Area, Input, Lke, Measure, Part, Percentage, Question,
    ResultGroup, ResultItem, Scale, SubComponent, Target, Term,
};
pub(crate) use crate::model::lke::{Fault, FaultKind};
use crate::model::plan::{Config, CONFIG_FILE};
use crate::problem::{Kind, LkeKind, Problem};

/// The id `zi.toml` names the built-in LKE by.
pub(crate) const BUILTIN_ID: &str = "permenpanrb-90-2021";
const BUILTIN_TEXT: &str = include_str!("../../lke/permenpanrb-90-2021.toml");

/// The LKE of PermenPANRB 90/2021, read once. Its tests keep it valid.
pub(crate) fn builtin() -> &'static Lke {
    static LKE: OnceLock<Lke> = OnceLock::new();
    LKE.get_or_init(|| match parse(BUILTIN_TEXT) {
        Ok(lke) => lke,
        Err(faults) => panic!("the built-in LKE is invalid: {faults:?}"),
    })
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLke {
    id: String,
    name: String,
    scales: Vec<RawScale>,
    areas: Vec<RawArea>,
    subcomponents: Vec<RawSub>,
    questions: Vec<RawQuestion>,
    result_groups: Vec<RawGroup>,
    results: Vec<RawResult>,
    targets: Vec<RawTarget>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawScale {
    id: Spanned<String>,
    answers: Vec<String>,
    values: Vec<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawArea {
    id: Spanned<String>,
    name: String,
    weight: Spanned<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSub {
    id: Spanned<String>,
    name: String,
    weight: Spanned<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawQuestion {
    id: Spanned<String>,
    text: String,
    scale: Spanned<String>,
    #[serde(default)]
    criteria: BTreeMap<String, String>,
    explanation: Option<String>,
    #[serde(default)]
    inputs: Vec<RawInput>,
    #[serde(default)]
    numerator: Vec<Spanned<String>>,
    #[serde(default)]
    denominator: Vec<Spanned<String>>,
    when_zero: Option<Spanned<f64>>,
    reading: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInput {
    name: Spanned<String>,
    text: String,
    example: Spanned<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGroup {
    id: Spanned<String>,
    name: String,
    weight: Spanned<f64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawResult {
    id: Spanned<String>,
    group: Spanned<String>,
    name: String,
    explanation: Option<String>,
    weight: Spanned<f64>,
    max: Option<Spanned<f64>>,
    scale: Option<Spanned<String>>,
    #[serde(default)]
    criteria: BTreeMap<String, String>,
    example: toml::Value,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawTarget {
    id: Spanned<String>,
    total: Spanned<f64>,
    pengungkit: Spanned<f64>,
    area_ratio: Spanned<f64>,
    results: BTreeMap<String, Spanned<f64>>,
}

/// The exact decimal a TOML number was written as (`0.67`, not the binary
/// fraction nearest to it): Rust prints the shortest text that reads back
/// as the same float.
pub(crate) fn decimal(value: f64) -> Option<Decimal> {
    if !value.is_finite() {
        return None;
    }
    Decimal::from_str(&format!("{value}")).ok()
}

/// The LKE `zi.toml` names: the built-in one when it names none (or names
/// it), else the file at that path from `root`. A file that cannot be read
/// or breaks the rules is reported, and the built-in LKE used instead.
pub(crate) fn for_config(root: &Path, config: &Config, out: &mut Vec<Problem>) -> Cow<'static, Lke> {
    named_in(config, out, |name| {
        let file = root.join(name);
        file.is_file().then(|| Source::read(&file, name.replace('\\', "/")))
    })
}

/// `for_config`, with the file `zi.toml` names read by `read` (`None` when
/// there is no such file), as from a commit.
pub(crate) fn named_in(
    config: &Config,
    out: &mut Vec<Problem>,
    read: impl FnOnce(&str) -> Option<Result<Source, Problem>>,
) -> Cow<'static, Lke> {
    let Some((name, at)) = &config.lke else { return Cow::Borrowed(builtin()) };
    if name == BUILTIN_ID {
        return Cow::Borrowed(builtin());
    }
    let Some(read) = read(name) else {
        let kind = LkeKind::UnknownLke { name: name.clone(), builtin: BUILTIN_ID };
        out.push(Problem::new(Kind::Lke(Box::new(kind)), CONFIG_FILE).at(*at));
        return Cow::Borrowed(builtin());
    };
    let source = match read {
        Ok(source) => source,
        Err(problem) => {
            out.push(problem);
            return Cow::Borrowed(builtin());
        }
    };
    match parse(&source.text) {
        Ok(lke) => Cow::Owned(lke),
        Err(faults) => {
            out.extend(
                faults
                    .into_iter()
                    .map(|f| source.problem(Kind::Lke(Box::new(LkeKind::Fault(f.kind))), f.span)),
            );
            Cow::Borrowed(builtin())
        }
    }
}

/// Reads an LKE file's text; every fault found is returned.
pub(crate) fn parse(text: &str) -> Result<Lke, Vec<Fault>> {
    let raw: RawLke = toml::from_str(text).map_err(|e| {
        vec![Fault { span: e.span(), kind: FaultKind::Shape { message: e.message().to_string() } }]
    })?;
    let mut b = Builder { faults: Vec::new(), ids: BTreeSet::new() };
    let lke = b.build(raw);
    if b.faults.is_empty() {
        Ok(lke)
    } else {
        Err(b.faults)
    }
}

struct Builder {
    faults: Vec<Fault>,
    ids: BTreeSet<String>,
}

impl Builder {
    fn fault(&mut self, span: Range<usize>, kind: FaultKind) {
        self.faults.push(Fault { span: Some(span), kind });
    }

    fn number(&mut self, value: &Spanned<f64>) -> Decimal {
        decimal(*value.get_ref()).unwrap_or_else(|| {
            self.fault(value.span(), FaultKind::BadNumber { value: value.get_ref().to_string() });
            Decimal::ZERO
        })
    }

    /// Records `id`, reporting it when taken.
    fn claim(&mut self, id: &Spanned<String>) {
        if !self.ids.insert(id.get_ref().clone()) {
            self.fault(id.span(), FaultKind::DuplicateId { id: id.get_ref().clone() });
        }
    }

    fn build(&mut self, raw: RawLke) -> Lke {
        let scales = self.scales(raw.scales);
        let mut areas: Vec<Area> = Vec::new();
        for a in raw.areas {
            if roman_value(a.id.get_ref(), true).is_none() {
                self.fault(a.id.span(), FaultKind::BadId { id: a.id.get_ref().clone() });
            }
            self.claim(&a.id);
            let weight = self.number(&a.weight);
            areas.push(Area { id: a.id.into_inner(), name: a.name, weight, subcomponents: Vec::new() });
        }
        for s in raw.subcomponents {
            self.claim(&s.id);
            let parsed = sub_id(s.id.get_ref());
            let Some((part, area)) = parsed else {
                self.fault(s.id.span(), FaultKind::BadId { id: s.id.get_ref().clone() });
                continue;
            };
            let weight = self.number(&s.weight);
            match areas.iter_mut().find(|a| a.id == area) {
                Some(a) => a.subcomponents.push(SubComponent {
                    id: s.id.into_inner(),
                    part,
                    name: s.name,
                    weight,
                    questions: Vec::new(),
                }),
                None => self.fault(s.id.span(), FaultKind::NoParent { id: s.id.get_ref().clone() }),
            }
        }
        // Pemenuhan before reform in each area, whatever the file's order.
        for a in &mut areas {
            a.subcomponents.sort_by_key(|s| s.part);
        }
        for q in raw.questions {
            self.question(q, &scales, &mut areas);
        }
        let result_groups = self.result_groups(raw.result_groups, raw.results, &scales);
        let targets = raw.targets.into_iter().map(|t| self.target(t)).collect();
        let lke = Lke { id: raw.id, name: raw.name, areas, result_groups, targets };
        self.check_weights(&lke);
        lke
    }

    fn scales(&mut self, raw: Vec<RawScale>) -> Vec<Scale> {
        raw.into_iter()
            .map(|s| {
                if s.answers.len() != s.values.len() || s.answers.is_empty() {
                    self.fault(
                        s.id.span(),
                        FaultKind::ScaleLength {
                            scale: s.id.get_ref().clone(),
                            answers: s.answers.len(),
                            values: s.values.len(),
                        },
                    );
                }
                let values: Vec<Decimal> = s.values.iter().map(|v| self.number(v)).collect();
                Scale { id: s.id.into_inner(), options: s.answers.into_iter().zip(values).collect() }
            })
            .collect()
    }

    fn scale(&mut self, name: &Spanned<String>, scales: &[Scale]) -> Option<Scale> {
        let found = scales.iter().find(|s| s.id == *name.get_ref()).cloned();
        if found.is_none() {
            self.fault(name.span(), FaultKind::UnknownScale { scale: name.get_ref().clone() });
        }
        found
    }

    fn question(&mut self, q: RawQuestion, scales: &[Scale], areas: &mut [Area]) {
        self.claim(&q.id);
        let id = q.id.get_ref().clone();
        if !is_question_id(&id) {
            self.fault(q.id.span(), FaultKind::BadId { id });
            return;
        }
        let sub_of = id.rsplit_once('.').map(|(sub, _)| sub.to_string()).unwrap_or_default();
        let answer = if q.scale.get_ref() == "%" {
            AnswerKind::Percentage(self.percentage(&q))
        } else {
            let Some(scale) = self.scale(&q.scale, scales) else { return };
            let criteria = scale
                .options
                .iter()
                .filter_map(|(name, _)| q.criteria.get(name).map(|c| (name.clone(), c.clone())))
                .collect();
            AnswerKind::Choice { scale, criteria }
        };
        let sub = areas.iter_mut().flat_map(|a| a.subcomponents.iter_mut()).find(|s| s.id == sub_of);
        match sub {
            Some(sub) => sub.questions.push(Question { id: q.id.into_inner(), text: q.text, answer }),
            None => self.fault(q.id.span(), FaultKind::NoParent { id: q.id.into_inner() }),
        }
    }

    fn percentage(&mut self, q: &RawQuestion) -> Percentage {
        let inputs: Vec<Input> = q
            .inputs
            .iter()
            .map(|i| Input {
                name: i.name.get_ref().clone(),
                text: i.text.clone(),
                example: self.number(&i.example),
            })
            .collect();
        let names: Vec<&str> = inputs.iter().map(|i| i.name.as_str()).collect();
        for (k, i) in q.inputs.iter().enumerate() {
            if names[..k].contains(&i.name.get_ref().as_str()) {
                self.fault(i.name.span(), FaultKind::DuplicateId { id: i.name.get_ref().clone() });
            }
        }
        let mut terms = |list: &[Spanned<String>]| -> Vec<Term> {
            list.iter()
                .filter_map(|t| {
                    let (negative, name) = match t.get_ref().strip_prefix('-') {
                        Some(name) => (true, name.trim()),
                        None => (false, t.get_ref().trim()),
                    };
                    let input = names.iter().position(|n| *n == name);
                    if input.is_none() {
                        self.fault(
                            t.span(),
                            FaultKind::UnknownInput {
                                question: q.id.get_ref().clone(),
                                input: name.to_string(),
                            },
                        );
                    }
                    input.map(|input| Term { input, negative })
                })
                .collect()
        };
        let numerator = terms(&q.numerator);
        let denominator = terms(&q.denominator);
        if q.numerator.is_empty() || q.denominator.is_empty() {
            self.fault(
                q.id.span(),
                FaultKind::UnknownInput {
                    question: q.id.get_ref().clone(),
                    input: "numerator/denominator".into(),
                },
            );
        }
        let when_zero = q.when_zero.as_ref().map(|w| self.number(w)).unwrap_or_default();
        Percentage {
            explanation: q.explanation.clone(),
            inputs,
            numerator,
            denominator,
            when_zero,
            reading: q.reading.clone(),
        }
    }

    fn result_groups(
        &mut self,
        groups: Vec<RawGroup>,
        results: Vec<RawResult>,
        scales: &[Scale],
    ) -> Vec<ResultGroup> {
        let mut out: Vec<ResultGroup> = groups
            .into_iter()
            .map(|g| {
                self.claim(&g.id);
                let weight = self.number(&g.weight);
                ResultGroup { id: g.id.into_inner(), name: g.name, weight, results: Vec::new() }
            })
            .collect();
        for r in results {
            self.claim(&r.id);
            let weight = self.number(&r.weight);
            let measure = match (&r.max, &r.scale) {
                (Some(max), None) => {
                    let example = r.example.as_float().or(r.example.as_integer().map(|i| i as f64));
                    Measure::Index {
                        max: self.number(max),
                        example: example.and_then(decimal).unwrap_or_default(),
                    }
                }
                (None, Some(scale)) => {
                    let Some(scale) = self.scale(scale, scales) else { continue };
                    let criteria = scale
                        .options
                        .iter()
                        .filter_map(|(name, _)| r.criteria.get(name).map(|c| (name.clone(), c.clone())))
                        .collect();
                    let example = r.example.as_str().unwrap_or_default().to_string();
                    Measure::Choice { scale, criteria, example }
                }
                _ => {
                    self.fault(r.id.span(), FaultKind::UnknownScale { scale: "max or scale".into() });
                    continue;
                }
            };
            let item = ResultItem {
                id: r.id.get_ref().clone(),
                name: r.name,
                explanation: r.explanation,
                weight,
                measure,
            };
            match out.iter_mut().find(|g| g.id == *r.group.get_ref()) {
                Some(g) => g.results.push(item),
                None => self.fault(r.group.span(), FaultKind::NoParent { id: r.id.into_inner() }),
            }
        }
        out
    }

    fn target(&mut self, t: RawTarget) -> Target {
        let results = t.results.iter().map(|(k, v)| (k.clone(), self.number(v))).collect();
        Target {
            id: t.id.get_ref().clone(),
            total: self.number(&t.total),
            pengungkit: self.number(&t.pengungkit),
            area_ratio: self.number(&t.area_ratio),
            results,
        }
    }

    /// Sub-components add up to half their area in each part; results to
    /// their group; areas and groups to 100.
    fn check_weights(&mut self, lke: &Lke) {
        let mut weights = |what: String, expected: Decimal, found: Decimal| {
            if expected != found {
                self.faults.push(Fault {
                    span: None,
                    kind: FaultKind::Weights {
                        what,
                        expected: expected.to_string(),
                        found: found.to_string(),
                    },
                });
            }
        };
        for area in &lke.areas {
            for part in Part::ALL {
                let sum = area.subcomponents.iter().filter(|s| s.part == part).map(|s| s.weight).sum();
                weights(format!("{}.{}", part.letter(), area.id), area.weight / Decimal::TWO, sum);
            }
        }
        for group in &lke.result_groups {
            weights(group.id.clone(), group.weight, group.results.iter().map(|r| r.weight).sum());
        }
        let total = lke.areas.iter().map(|a| a.weight).sum::<Decimal>()
            + lke.result_groups.iter().map(|g| g.weight).sum::<Decimal>();
        weights("total".into(), Decimal::ONE_HUNDRED, total);
    }
}

/// `P.III.ii` → (pemenuhan, `III`).
fn sub_id(id: &str) -> Option<(Part, String)> {
    let parts: Vec<&str> = id.split('.').collect();
    match parts.as_slice() {
        [part, area, sub] if roman_value(area, true).is_some() && roman_value(sub, false).is_some() => {
            Part::from_letter(part).map(|p| (p, area.to_string()))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests;
