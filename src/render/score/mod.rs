//! `zi score` in every format: the rekap, hasil, the verdict, the points
//! lost and readiness, or the questions of the LKE. The numbers the
//! formats share are worded here: two decimals, rounded half away from
//! zero, with a decimal comma in Indonesian.

pub(crate) mod csv;
pub(crate) mod html;
pub(crate) mod json;
pub(crate) mod markdown;
pub(crate) mod table;
pub(crate) mod units_xlsx;
pub(crate) mod xlsx;

use rust_decimal::Decimal;

use crate::judge::score::{Miss, QuestionScore, Score};
use crate::model::assessment::{Assessment, Given};
use crate::model::lke::{AnswerKind, Lke, Question};
use crate::render::renderer::Format;
use crate::render::words::date_text;
use crate::render::words::StatusLabel;
use crate::text::Lang;

/// The formats of `zi score`: every report's, and the LKE workbook.
#[derive(Clone, Copy, Debug, PartialEq, Eq, clap::ValueEnum)]
pub(crate) enum ScoreFormat {
    #[value(alias = "text")]
    Table,
    Json,
    Csv,
    Markdown,
    Xlsx,
}

impl ScoreFormat {
    /// The report format, or `None` for the workbook.
    pub(crate) fn report(self) -> Option<Format> {
        match self {
            ScoreFormat::Table => Some(Format::Table),
            ScoreFormat::Json => Some(Format::Json),
            ScoreFormat::Csv => Some(Format::Csv),
            ScoreFormat::Markdown => Some(Format::Markdown),
            ScoreFormat::Xlsx => None,
        }
    }
}

/// `12.50` / `12,50`: printed with two decimals, compared unrounded elsewhere.
pub(crate) fn two(value: Decimal, lang: Lang) -> String {
    crate::render::words::decimal(value, lang)
}

/// A ratio as a percentage with two decimals: `87.50`.
pub(crate) fn percent(ratio: Decimal, lang: Lang) -> String {
    two(ratio * Decimal::ONE_HUNDRED, lang)
}

/// Whether `text` begins as a score zi wrote in a text format (so `-o`
/// may replace it without `--force`).
pub(crate) fn is_score_text(text: &str) -> bool {
    let first = text.lines().next().unwrap_or_default();
    let json = first == "{" && text.lines().nth(1).is_some_and(|l| l.starts_with("  \"lke\": "));
    json || crate::text::LANGUAGES.iter().any(|lang| {
        let l = lang.score().labels();
        first.starts_with(&format!("{} — ", l.title))
            || first.starts_with(&format!("# {} — ", l.title))
            || first.starts_with(&format!("{},id,", l.kind))
    })
}

/// An answer as a table shows it: `B`, `agen=10 perubahan=12`, `3.71`.
pub(crate) fn given_text(question: Option<&Question>, given: &Given, lang: Lang) -> String {
    match given {
        Given::Choice(answer) => answer.clone(),
        Given::Index(index) => two(*index, lang),
        Given::Inputs(values) => match question.map(|q| &q.answer) {
            Some(AnswerKind::Percentage(p)) => p
                .inputs
                .iter()
                .zip(values)
                .map(|(i, v)| format!("{}={}", i.name, v.normalize()))
                .collect::<Vec<_>>()
                .join(" "),
            _ => String::new(),
        },
    }
}

/// A question's answer, or what stands in for it in a projection.
pub(crate) fn answer_text(score: &Score, q: &QuestionScore, lang: Lang) -> String {
    let l = lang.score().labels();
    match (q.given, score.projection()) {
        (Some(given), _) => given_text(Some(q.question), given, lang),
        (None, true) if q.serving.is_empty() => lang.labels().none.to_string(),
        (None, true) => format!("{}%", percent(q.value, lang)),
        (None, false) => l.unanswered.to_string(),
    }
}

/// The name of a verdict's criterion: `Total`, `Area V`, or the LKE's name
/// of a result.
pub(crate) fn criterion_name(lke: &Lke, criterion: &str, lang: Lang) -> String {
    let l = lang.score().labels();
    match criterion {
        "total" => l.total.to_string(),
        "pengungkit" => l.pengungkit.to_string(),
        other => match other.strip_prefix("area.") {
            Some(area) => format!("{} {area}", l.area),
            None => lke
                .result_groups
                .iter()
                .find(|g| g.id == other)
                .map(|g| g.name.clone())
                .or_else(|| lke.result(other).map(|r| r.name.clone()))
                .unwrap_or_else(|| other.to_string()),
        },
    }
}

/// `Total 81.25 < 85.00, short by 3.75`.
pub(crate) fn miss_text(lke: &Lke, miss: &Miss, lang: Lang) -> String {
    format!(
        "{} {} < {}, {}",
        criterion_name(lke, &miss.criterion, lang),
        two(miss.value, lang),
        two(miss.minimum, lang),
        lang.score().short_by(&two(miss.short_by(), lang))
    )
}

/// `assessments/2022-10.toml (self-assessment, 2022-10-15)`.
pub(crate) fn assessment_text(a: &Assessment, lang: Lang) -> String {
    let about: Vec<String> = a
        .assessor
        .map(|x| lang.score().assessor(x).to_string())
        .into_iter()
        .chain(a.date.map(date_text))
        .collect();
    if about.is_empty() {
        a.path.clone()
    } else {
        format!("{} ({})", a.path, about.join(", "))
    }
}

/// The ids of the indicators serving a question, with the status of those
/// that are not ready: `I.3.1 (terlambat), I.3.2`.
pub(crate) fn serving_text(q: &QuestionScore, lang: Lang, with_status: bool) -> String {
    q.serving
        .iter()
        .map(|r| {
            if with_status {
                format!("{} ({})", r.file.id, r.status.label(lang))
            } else {
                r.file.id.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The serving indicators that are overdue or invalid, with their status:
/// `I.3.1 (overdue), I.3.2 (invalid)`.
pub(crate) fn not_ready_text(q: &QuestionScore, lang: Lang) -> String {
    q.not_ready()
        .iter()
        .map(|r| format!("{} ({})", r.file.id, r.status.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The scale of a question as `--questions` lists it: `A/B/C/D` or the
/// input names of a percentage item.
pub(crate) fn scale_text(question: &Question) -> String {
    match &question.answer {
        AnswerKind::Choice { scale, .. } => scale.id.clone(),
        AnswerKind::Percentage(p) => {
            format!("% ({})", p.inputs.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(", "))
        }
    }
}

/// What a row of the rekap is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum RowKind {
    Area,
    Pengungkit,
    Group,
    Result,
    Hasil,
    Total,
}

impl RowKind {
    /// The key CSV and JSON write.
    pub(crate) fn key(self) -> &'static str {
        match self {
            RowKind::Area => "area",
            RowKind::Pengungkit => "pengungkit",
            RowKind::Group => "group",
            RowKind::Result => "result",
            RowKind::Hasil => "hasil",
            RowKind::Total => "total",
        }
    }

    /// Rows that sum others, printed bold.
    pub(crate) fn is_sum(self) -> bool {
        matches!(self, RowKind::Pengungkit | RowKind::Hasil | RowKind::Total)
    }
}

/// One row of the rekap, as every format lays it out.
pub(crate) struct RekapRow {
    pub(crate) kind: RowKind,
    pub(crate) id: String,
    /// `I MANAJEMEN PERUBAHAN`, `IPAK (3.71)`.
    pub(crate) name: String,
    pub(crate) weight: Decimal,
    pub(crate) pemenuhan: Option<Decimal>,
    pub(crate) reform: Option<Decimal>,
    pub(crate) value: Decimal,
    /// value ÷ weight; `None` for a weight of 0.
    pub(crate) ratio: Option<Decimal>,
    /// Whether the selected target's minimum is met, where it sets one.
    pub(crate) met: Option<bool>,
}

/// The rekap: the areas, pengungkit, the hasil groups with their results,
/// hasil, total.
pub(crate) fn rekap_rows(s: &Score, lang: Lang) -> Vec<RekapRow> {
    let l = lang.score().labels();
    let ratio = |value: Decimal, weight: Decimal| (!weight.is_zero()).then(|| value / weight);
    let mut rows = Vec::new();
    for a in &s.areas {
        rows.push(RekapRow {
            kind: RowKind::Area,
            id: a.id.clone(),
            name: format!("{} {}", a.id, a.name),
            weight: a.weight,
            pemenuhan: Some(a.pemenuhan),
            reform: Some(a.reform),
            value: a.value,
            ratio: Some(a.ratio),
            met: s.meets(&format!("area.{}", a.id)),
        });
    }
    let weight: Decimal = s.areas.iter().map(|a| a.weight).sum();
    rows.push(RekapRow {
        kind: RowKind::Pengungkit,
        id: "pengungkit".into(),
        name: l.pengungkit.to_uppercase(),
        weight,
        pemenuhan: Some(s.pemenuhan),
        reform: Some(s.reform),
        value: s.pengungkit,
        ratio: ratio(s.pengungkit, weight),
        met: s.meets("pengungkit"),
    });
    for g in &s.groups {
        rows.push(RekapRow {
            kind: RowKind::Group,
            id: g.id.clone(),
            name: g.name.clone(),
            weight: g.weight,
            pemenuhan: None,
            reform: None,
            value: g.value,
            ratio: ratio(g.value, g.weight),
            met: s.meets(&g.id),
        });
        for r in &g.results {
            let given =
                r.given.as_ref().map(|g| format!(" ({})", given_text(None, g, lang))).unwrap_or_default();
            rows.push(RekapRow {
                kind: RowKind::Result,
                id: r.id.clone(),
                name: format!("{}{given}", r.name),
                weight: r.weight,
                pemenuhan: None,
                reform: None,
                value: r.value,
                ratio: ratio(r.value, r.weight),
                met: s.meets(&r.id),
            });
        }
    }
    let hasil_weight: Decimal = s.groups.iter().map(|g| g.weight).sum();
    rows.push(RekapRow {
        kind: RowKind::Hasil,
        id: "hasil".into(),
        name: l.hasil.to_uppercase(),
        weight: hasil_weight,
        pemenuhan: None,
        reform: None,
        value: s.hasil,
        ratio: ratio(s.hasil, hasil_weight),
        met: None,
    });
    rows.push(RekapRow {
        kind: RowKind::Total,
        id: "total".into(),
        name: l.total.to_uppercase(),
        weight: weight + hasil_weight,
        pemenuhan: None,
        reform: None,
        value: s.total,
        ratio: ratio(s.total, weight + hasil_weight),
        met: s.meets("total"),
    });
    rows
}

/// `✓`, `✗` or nothing.
pub(crate) fn mark(met: Option<bool>) -> &'static str {
    match met {
        Some(true) => "✓",
        Some(false) => "✗",
        None => "",
    }
}
