//! `assessments/*.toml` → `model::assessment::Assessment`, checked against
//! the LKE: an answer that does not fit is reported at its place and left
//! out (it scores 0, as an unanswered question does).

use std::ops::Range;
use std::path::Path;

use chrono::NaiveDate;
use rust_decimal::Decimal;
use toml_edit::{Item, TableLike, Value};

use crate::load::lke::decimal;
use crate::load::source::{string_at, unknown_keys, wrong_type, Source};
use crate::load::toml_tree::{self, Node};
use crate::model::assessment::{Answer, Assessment, Assessor, Given, ASSESSMENTS_DIR};
use crate::model::lke::{nearest, AnswerKind, Lke, Measure, Percentage, Scale};
use crate::problem::{Expected, Kind, LkeKind, Problem};

const KEYS: [&str; 6] = ["assessor", "date", "target", "lke", "answers", "results"];
const ANSWER_KEYS: [&str; 2] = ["answer", "note"];

/// The assessment files under `root`, by path (`assessments/…toml`), sorted.
pub(crate) fn files(root: &Path) -> Vec<String> {
    let Ok(entries) = std::fs::read_dir(root.join(ASSESSMENTS_DIR)) else { return Vec::new() };
    let mut found: Vec<String> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|name| name.ends_with(".toml") && !name.starts_with('.'))
        .map(|name| format!("{ASSESSMENTS_DIR}/{name}"))
        .collect();
    found.sort();
    found
}

/// Every assessment under `root`, read and checked against `lke`.
pub(crate) fn load_all(root: &Path, lke: &Lke, out: &mut Vec<Problem>) -> Vec<Assessment> {
    files(root).into_iter().filter_map(|path| load(root, &path, lke, out)).collect()
}

/// The assessment at `path` (relative to `root`); `None` when it cannot be read.
pub(crate) fn load(root: &Path, path: &str, lke: &Lke, out: &mut Vec<Problem>) -> Option<Assessment> {
    match Source::read(&root.join(path), path.to_string()) {
        Ok(source) => parse(&source, lke, out),
        Err(problem) => {
            out.push(problem);
            None
        }
    }
}

fn lke_problem(source: &Source, kind: LkeKind, span: Option<Range<usize>>) -> Problem {
    source.problem(Kind::Lke(Box::new(kind)), span)
}

pub(crate) fn parse(source: &Source, lke: &Lke, out: &mut Vec<Problem>) -> Option<Assessment> {
    // Answers are quoted in messages as `toml_edit` writes them, so they are
    // read from its tree; the rest from the loaders' common one.
    let doc = source.parse_document().map_err(|d| out.push(d)).ok()?;
    let tree = toml_tree::from_document(&doc);
    let table = &tree;
    unknown_keys(source, table, &KEYS, out);
    let mut assessment = Assessment { path: source.path.clone(), ..Assessment::default() };
    match string_at(source, table, "assessor") {
        Ok(Some((text, span))) => match Assessor::from_key(text) {
            Some(a) => assessment.assessor = Some(a),
            None => out.push(unknown_value(source, "assessor", text, span, &Assessor::NAMES)),
        },
        Ok(None) => {}
        Err(p) => out.push(p),
    }
    if let Some(item) = table.get("date") {
        match date(item) {
            Some(d) => assessment.date = Some(d),
            None => out.push(wrong_type(source, "date", item, Expected::Date)),
        }
    }
    match string_at(source, table, "target") {
        Ok(Some((text, span))) => match lke.target(text.trim()) {
            Some(t) => assessment.target = Some(t.id.clone()),
            None => {
                let known: Vec<&str> = lke.targets.iter().map(|t| t.id.as_str()).collect();
                out.push(unknown_value(source, "target", text, span, &known));
            }
        },
        Ok(None) => {}
        Err(p) => out.push(p),
    }
    match string_at(source, table, "lke") {
        Ok(Some((text, span))) if text.trim() != lke.id => {
            let kind = LkeKind::OtherLke { found: text.to_string(), expected: lke.id.clone() };
            out.push(lke_problem(source, kind, span));
        }
        Ok(_) => {}
        Err(p) => out.push(p),
    }
    let edit = doc.as_table();
    match edit.get("answers").zip(table.get("answers")).map(|(item, node)| (node, item.as_table_like())) {
        None => {}
        Some((_, Some(answers))) => {
            let mut entries = Vec::new();
            answer_entries(answers, "", &mut entries);
            for (id, item, span) in entries {
                if let Some(answer) = read_answer(source, lke, &id, item, span, out) {
                    assessment.answers.insert(id, answer);
                }
            }
        }
        Some((item, None)) => out.push(wrong_type(source, "answers", item, Expected::Table)),
    }
    match edit.get("results").zip(table.get("results")).map(|(item, node)| (node, item.as_table_like())) {
        None => {}
        Some((_, Some(results))) => {
            for (key, item) in results.iter() {
                let span = results.key(key).and_then(|k| k.span());
                if let Some(given) = read_result(source, lke, key, item, span, out) {
                    assessment.results.insert(key.to_string(), given);
                }
            }
        }
        Some((item, None)) => out.push(wrong_type(source, "results", item, Expected::Table)),
    }
    Some(assessment)
}

fn unknown_value(
    source: &Source,
    key: &'static str,
    value: &str,
    span: Option<Range<usize>>,
    known: &[&str],
) -> Problem {
    let known = known.iter().map(|k| k.to_string()).collect();
    lke_problem(source, LkeKind::UnknownValue { key, value: value.to_string(), known }, span)
}

/// `date = 2022-10-15` (a TOML date) or `date = "2022-10-15"`.
fn date(node: &Node) -> Option<NaiveDate> {
    if let toml_tree::Value::Datetime(toml_edit::Datetime { date: Some(d), .. }) = node.value {
        return NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day));
    }
    NaiveDate::parse_from_str(node.as_str()?.trim(), "%Y-%m-%d").ok()
}

/// The answers under `[answers]`, by id. An id written without quotes
/// (`P.I.i.a = "Ya"`) is a dotted key, tables inside tables: those are
/// joined back into the id, down to its four parts.
fn answer_entries<'a>(
    table: &'a dyn TableLike,
    prefix: &str,
    out: &mut Vec<(String, &'a Item, Option<Range<usize>>)>,
) {
    for (key, item) in table.iter() {
        let id = if prefix.is_empty() { key.to_string() } else { format!("{prefix}.{key}") };
        let span = table.key(key).and_then(|k| k.span()).or_else(|| item.span());
        match item.as_table_like() {
            Some(inner) if id.split('.').count() < 4 => answer_entries(inner, &id, out),
            _ => out.push((id, item, span)),
        }
    }
}

/// A number as written: an integer or a float, exactly.
fn number(value: &Value) -> Option<Decimal> {
    match value {
        Value::Integer(i) => Some(Decimal::from(*i.value())),
        Value::Float(f) => decimal(*f.value()),
        _ => None,
    }
}

/// A value as a message quotes it.
fn shown(item: &Item) -> String {
    match item.as_value() {
        Some(Value::String(s)) => s.value().clone(),
        Some(v) => v.to_string().trim().to_string(),
        None => "[…]".to_string(),
    }
}

fn read_answer(
    source: &Source,
    lke: &Lke,
    id: &str,
    item: &Item,
    span: Option<Range<usize>>,
    out: &mut Vec<Problem>,
) -> Option<Answer> {
    let Some(question) = lke.question(id) else {
        let kind =
            LkeKind::UnknownQuestion { id: id.to_string(), suggestion: nearest(id, &lke.question_ids()) };
        out.push(lke_problem(source, kind, span));
        return None;
    };
    let at = source.at(span.clone());
    let table = item.as_table_like();
    let note = table.and_then(|t| t.get("note")).and_then(Item::as_str).map(str::to_string);
    let given = match (&question.answer, table) {
        (AnswerKind::Choice { scale, .. }, None) => choice(source, id, scale, item, out)?,
        (AnswerKind::Choice { scale, .. }, Some(t)) => {
            for (key, _) in t.iter().filter(|(k, _)| !ANSWER_KEYS.contains(k)) {
                out.push(crate::load::source::unknown_key(
                    source,
                    key,
                    t.key(key).and_then(|k| k.span()),
                    &ANSWER_KEYS,
                ));
            }
            match t.get("answer") {
                Some(answer) => choice(source, id, scale, answer, out)?,
                None => {
                    let kind = LkeKind::AnswerExpected { question: id.to_string(), scale: scale.id.clone() };
                    out.push(lke_problem(source, kind, span));
                    return None;
                }
            }
        }
        (AnswerKind::Percentage(p), Some(t)) => inputs(source, id, p, t, span, out)?,
        (AnswerKind::Percentage(p), None) => {
            let inputs = p.inputs.iter().map(|i| i.name.clone()).collect();
            out.push(lke_problem(
                source,
                LkeKind::InputsExpected { question: id.to_string(), inputs },
                item.span(),
            ));
            return None;
        }
    };
    Some(Answer { given, note, at })
}

fn choice(source: &Source, id: &str, scale: &Scale, item: &Item, out: &mut Vec<Problem>) -> Option<Given> {
    match item.as_str().and_then(|a| scale.option(a)) {
        Some((answer, _)) => Some(Given::Choice(answer.to_string())),
        None => {
            let kind = LkeKind::AnswerOutsideScale {
                question: id.to_string(),
                answer: shown(item),
                scale: scale.id.clone(),
            };
            out.push(lke_problem(source, kind, item.span()));
            None
        }
    }
}

/// A percentage item's inputs. `None` unless every input is written as a
/// count: an item with a missing or wrong input is reported and left out
/// (it scores 0, as unanswered), never scored on a guess.
fn inputs(
    source: &Source,
    id: &str,
    p: &Percentage,
    table: &dyn TableLike,
    span: Option<Range<usize>>,
    out: &mut Vec<Problem>,
) -> Option<Given> {
    let mut values = vec![Decimal::ZERO; p.inputs.len()];
    let mut written = vec![false; p.inputs.len()];
    let mut usable = true;
    for (key, item) in table.iter().filter(|(k, _)| *k != "note") {
        let key_span = table.key(key).and_then(|k| k.span());
        let Some(index) = p.input(key) else {
            let known: Vec<String> = p.inputs.iter().map(|i| i.name.clone()).collect();
            let suggestion = nearest(key, &known);
            let kind =
                LkeKind::UnknownInput { question: id.to_string(), input: key.to_string(), suggestion, known };
            out.push(lke_problem(source, kind, key_span));
            usable = false;
            continue;
        };
        written[index] = true;
        match item.as_value().and_then(number) {
            Some(v) if v >= Decimal::ZERO => values[index] = v,
            _ => {
                let kind = LkeKind::BadInput {
                    question: id.to_string(),
                    input: key.to_string(),
                    value: shown(item),
                };
                out.push(lke_problem(source, kind, item.span()));
                usable = false;
            }
        }
    }
    if !written.contains(&true) {
        let inputs = p.inputs.iter().map(|i| i.name.clone()).collect();
        out.push(lke_problem(source, LkeKind::InputsExpected { question: id.to_string(), inputs }, span));
        return None;
    }
    for (input, _) in p.inputs.iter().zip(&written).filter(|(_, w)| !**w) {
        let kind = LkeKind::MissingInput { question: id.to_string(), input: input.name.clone() };
        out.push(lke_problem(source, kind, span.clone()));
        usable = false;
    }
    usable.then_some(Given::Inputs(values))
}

fn read_result(
    source: &Source,
    lke: &Lke,
    key: &str,
    item: &Item,
    span: Option<Range<usize>>,
    out: &mut Vec<Problem>,
) -> Option<Given> {
    let Some(result) = lke.result(key) else {
        let known: Vec<String> = lke.results().map(|(_, r)| r.id.clone()).collect();
        let suggestion = nearest(key, &known);
        out.push(lke_problem(
            source,
            LkeKind::UnknownResult { key: key.to_string(), suggestion, known },
            span,
        ));
        return None;
    };
    match &result.measure {
        Measure::Index { max, .. } => match item.as_value().and_then(number) {
            Some(v) if v >= Decimal::ZERO && v <= *max => Some(Given::Index(v)),
            _ => {
                let range = format!("0–{max}");
                let kind = LkeKind::ResultOutOfRange { key: key.to_string(), value: shown(item), range };
                out.push(lke_problem(source, kind, item.span()));
                None
            }
        },
        Measure::Choice { scale, .. } => choice(source, key, scale, item, out),
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::load::lke::builtin;

    fn read(text: &str) -> (Option<Assessment>, Vec<Problem>) {
        let source = Source { path: "assessments/x.toml".into(), text: text.to_string() };
        let mut out = Vec::new();
        (parse(&source, builtin(), &mut out), out)
    }

    #[test]
    fn an_unquoted_id_is_the_same_answer_as_a_quoted_one() {
        let (quoted, _) =
            read("[answers]\n\"P.I.i.a\" = \"Ya\"\n\"R.I.i.a\" = { agen = 2, perubahan = 1 }\n");
        let (dotted, problems) = read("[answers]\nP.I.i.a = \"ya\"\nR.I.i.a = { agen = 2, perubahan = 1 }\n");
        assert_eq!(problems, []);
        let answers = |a: Option<Assessment>| {
            a.unwrap().answers.into_iter().map(|(k, v)| (k, v.given)).collect::<Vec<_>>()
        };
        assert_eq!(answers(quoted), answers(dotted));
    }

    const IDS: &[&str] =
        &["P.I.i.a", "p.i.i.a", "P.I.i.z", "R.I.i.a", "R.V.iii.b", "X", "P.I", "ipak", "\"\""];
    const VALUES: &[&str] = &[
        "\"Ya\"",
        "\"B\"",
        "\"E\"",
        "1",
        "-3",
        "2.5e308",
        "nan",
        "[1, 2]",
        "{ answer = \"A\" }",
        "{ agen = 1 }",
        "{ agen = -1, perubahan = \"x\" }",
        "{ note = 1 }",
        "{}",
        "2022-10-15",
    ];

    proptest! {
        /// Whatever an assessment holds, reading it reports problems and never panics.
        #[test]
        fn any_assessment_is_read_without_panicking(
            text in ".{0,300}",
            lines in prop::collection::vec((prop::sample::select(IDS), prop::sample::select(VALUES)), 0..12),
            section in prop::sample::select(&["[answers]", "[results]", "", "[answers.P]"][..]),
        ) {
            let _ = read(&text);
            let body: String = lines.iter().map(|(k, v)| format!("{k} = {v}\n")).collect();
            let _ = read(&format!("date = 2022-10-15\n{section}\n{body}"));
        }
    }
}
