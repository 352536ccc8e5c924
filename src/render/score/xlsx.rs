//! `zi score --format xlsx`: the LKE workbook as evaluators exchange it.
//! The answer sheet has the columns of the official one (the question
//! hierarchy in B–G, weight, criteria, answer options, the unit's answer,
//! notes, evidence, the TPI's answer, value, %), the answers and values zi
//! scored, and the evidence of the indicators serving each question; the
//! rekap sheet is the summary sheet. Fixed document properties: the same
//! inputs give the same bytes.

use anyhow::Result;
use rust_decimal::prelude::ToPrimitive;
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::{given_text, mark, rekap_rows, RowKind};
use crate::judge::evaluate::IndicatorReport;
use crate::judge::score::{QuestionScore, ScoreView};
use crate::model::assessment::Assessor;
use crate::model::lke::{AnswerKind, Measure, Part};
use crate::render::words::Heading;
use crate::text::Lang;

/// The title of the hidden column that holds each row's question id; a
/// workbook with it is one zi wrote (and may replace without `--force`).
pub(crate) const ID_TITLE: &str = "zi:lke";

/// Excel's limit on a cell's text.
const MAX_CELL_CHARS: usize = 32_767;

/// A4 in Excel's list of paper sizes.
const A4: u8 = 9;

// The columns of the answer sheet.
const ID: u16 = 0;
const WEIGHT: u16 = 7;
const CRITERIA: u16 = 8;
const OPTIONS: u16 = 9;
const UNIT_ANSWER: u16 = 10;
const UNIT_NOTE: u16 = 11;
const EVIDENCE: u16 = 12;
const LINKS: u16 = 13;
const TPI_ANSWER: u16 = 14;
const VALUE: u16 = 15;
const PERCENT: u16 = 16;
const TPI_NOTE: u16 = 17;
const QUESTION_ID: u16 = 18;

pub(super) fn clip(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

pub(super) fn n(value: Decimal) -> f64 {
    value.to_f64().unwrap_or_default()
}

pub(super) struct Formats {
    pub(super) header: Format,
    pub(super) bold: Format,
    pub(super) text: Format,
    pub(super) number: Format,
    pub(super) percent: Format,
}

impl Formats {
    pub(super) fn new() -> Formats {
        let cell = Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin);
        Formats {
            header: cell
                .clone()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(Color::RGB(0xD9_D9_D9)),
            bold: cell.clone().set_bold().set_background_color(Color::RGB(0xF2_F2_F2)),
            number: cell.clone().set_num_format("0.00"),
            percent: cell.clone().set_num_format("0.00%"),
            text: cell,
        }
    }
}

/// The workbook's bytes.
pub(crate) fn xlsx(view: &ScoreView, lang: Lang) -> Result<Vec<u8>> {
    let l = lang.score().labels();
    let mut workbook = Workbook::new();
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let h = Heading::of(view.eval, lang);
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{} — {} {}", l.title, h.unit, h.year))
            .set_author("zi")
            .set_creation_datetime(&created),
    );
    let formats = Formats::new();
    let rekap = workbook.add_worksheet();
    rekap.set_name(l.sheet_rekap)?;
    rekap_sheet(rekap, view, lang, &formats)?;
    let answers = workbook.add_worksheet();
    answers.set_name(l.sheet_answers)?;
    answer_sheet(answers, view, lang, &formats)?;
    Ok(workbook.save_to_buffer()?)
}

fn rekap_sheet(sheet: &mut Worksheet, view: &ScoreView, lang: Lang, f: &Formats) -> Result<()> {
    let s = view.score;
    let l = lang.score().labels();
    let h = Heading::of(view.eval, lang);
    sheet.set_column_width(0, 48.0)?;
    for col in 1..=6 {
        sheet.set_column_width(col, 12.0)?;
    }
    sheet.write_string_with_format(
        0,
        0,
        clip(&format!("{} {}", h.unit, h.year)),
        &Format::new().set_bold(),
    )?;
    let about = match s.assessment {
        Some(a) => format!("{} · {}: {}", s.target, l.assessment, super::assessment_text(a, lang)),
        None => format!("{} · {} ({})", s.target, l.projection, l.projection_note),
    };
    sheet.write_string(1, 0, clip(&about))?;
    let min = format!("{} {}", l.minimum, s.target);
    let header = [l.area, l.weight, l.pemenuhan, l.reform, l.value, l.percent, min.as_str()];
    for (c, title) in header.iter().enumerate() {
        sheet.write_string_with_format(3, u16::try_from(c)?, *title, &f.header)?;
    }
    for (i, row) in rekap_rows(s, lang).iter().enumerate() {
        let r = 4 + u32::try_from(i)?;
        let name_format = if row.kind.is_sum() { &f.bold } else { &f.text };
        let indent = if row.kind == RowKind::Result { "    " } else { "" };
        sheet.write_string_with_format(r, 0, clip(&format!("{indent}{}", row.name)), name_format)?;
        sheet.write_number_with_format(r, 1, n(row.weight), &f.number)?;
        for (col, value) in [(2, row.pemenuhan), (3, row.reform)] {
            match value {
                Some(v) => sheet.write_number_with_format(r, col, n(v), &f.number)?,
                None => sheet.write_blank(r, col, &f.text)?,
            };
        }
        sheet.write_number_with_format(r, 4, n(row.value), &f.number)?;
        match row.ratio {
            Some(ratio) => sheet.write_number_with_format(r, 5, n(ratio), &f.percent)?,
            None => sheet.write_blank(r, 5, &f.text)?,
        };
        sheet.write_string_with_format(r, 6, mark(row.met), &f.text)?;
    }
    sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0);
    Ok(())
}

/// One row of the answer sheet as it is written.
struct Line<'a> {
    /// The hierarchy's label and its column (1 = B … 6 = G), and the text in the next column.
    level: u16,
    label: String,
    text: &'a str,
    bold: bool,
    weight: Option<Decimal>,
    value: Option<Decimal>,
    ratio: Option<Decimal>,
}

impl Line<'_> {
    fn write(&self, sheet: &mut Worksheet, r: u32, f: &Formats) -> Result<()> {
        let format = if self.bold { &f.bold } else { &f.text };
        sheet.write_number_with_format(r, ID, f64::from(r), format)?;
        for col in 1..=QUESTION_ID {
            sheet.write_blank(r, col, format)?;
        }
        sheet.write_string_with_format(r, self.level, clip(&self.label), format)?;
        sheet.write_string_with_format(r, (self.level + 1).min(6), clip(self.text), format)?;
        if let Some(w) = self.weight {
            sheet.write_number_with_format(r, WEIGHT, n(w), &f.number)?;
        }
        if let Some(v) = self.value {
            sheet.write_number_with_format(r, VALUE, n(v), &f.number)?;
        }
        if let Some(ratio) = self.ratio {
            sheet.write_number_with_format(r, PERCENT, n(ratio), &f.percent)?;
        }
        Ok(())
    }
}

fn ratio(value: Decimal, weight: Decimal) -> Option<Decimal> {
    (!weight.is_zero()).then(|| value / weight)
}

fn answer_sheet(sheet: &mut Worksheet, view: &ScoreView, lang: Lang, f: &Formats) -> Result<()> {
    let s = view.score;
    let l = lang.score().labels();
    let widths = [
        6.0, 4.0, 4.0, 4.0, 4.0, 4.0, 60.0, 10.0, 50.0, 14.0, 14.0, 30.0, 50.0, 20.0, 14.0, 10.0, 10.0, 30.0,
        12.0,
    ];
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(u16::try_from(col)?, *w)?;
    }
    sheet.set_column_hidden(QUESTION_ID)?;
    let titles = [
        (ID, "ID"),
        (1, l.col_assessment),
        (WEIGHT, l.weight),
        (CRITERIA, l.col_criteria),
        (OPTIONS, l.col_options),
        (UNIT_ANSWER, l.col_unit_answer),
        (UNIT_NOTE, l.col_unit_note),
        (EVIDENCE, l.col_evidence),
        (LINKS, l.col_links),
        (TPI_ANSWER, l.col_tpi_answer),
        (VALUE, l.value),
        (PERCENT, l.percent),
        (TPI_NOTE, l.col_tpi_note),
        (QUESTION_ID, ID_TITLE),
    ];
    for (col, title) in titles {
        sheet.write_string_with_format(0, col, title, &f.header)?;
    }
    sheet.merge_range(0, 1, 0, 6, l.col_assessment, &f.header)?;
    // The assessor's columns: the unit's own, or the TPI's (TPN in those too).
    let (answer_col, note_col) = match s.assessment.and_then(|a| a.assessor) {
        Some(Assessor::Tpi | Assessor::Tpn) => (TPI_ANSWER, TPI_NOTE),
        _ => (UNIT_ANSWER, UNIT_NOTE),
    };
    let mut r: u32 = 1;
    let mut line = |sheet: &mut Worksheet, line: Line| -> Result<u32> {
        line.write(sheet, r, f)?;
        r += 1;
        Ok(r - 1)
    };
    let pengungkit_weight: Decimal = s.areas.iter().map(|a| a.weight).sum();
    let hasil_weight: Decimal = s.groups.iter().map(|g| g.weight).sum();
    let heading = |level, label: &str, text, weight, value| Line {
        level,
        label: label.to_string(),
        text,
        bold: true,
        weight: Some(weight),
        value: Some(value),
        ratio: ratio(value, weight),
    };
    line(sheet, heading(1, "A.", "PENGUNGKIT", pengungkit_weight, s.pengungkit))?;
    for (p, part) in Part::ALL.into_iter().enumerate() {
        let (name, value) = match part {
            Part::Pemenuhan => ("PEMENUHAN", s.pemenuhan),
            Part::Reform => ("REFORM", s.reform),
        };
        line(
            sheet,
            heading(2, if p == 0 { "I." } else { "II." }, name, pengungkit_weight / Decimal::TWO, value),
        )?;
        for (a, area) in s.areas.iter().enumerate() {
            let area_value = if part == Part::Pemenuhan { area.pemenuhan } else { area.reform };
            line(
                sheet,
                heading(3, &format!("{}.", a + 1), &area.name, area.weight / Decimal::TWO, area_value),
            )?;
            let mut sub_id = "";
            for q in s.questions.iter().filter(|q| q.area == area.id && q.sub.part == part) {
                if q.sub.id != sub_id {
                    sub_id = &q.sub.id;
                    let value: Decimal =
                        s.questions.iter().filter(|o| o.sub.id == q.sub.id).map(QuestionScore::points).sum();
                    let label = format!("{}.", q.sub.id.rsplit('.').next().unwrap_or_default());
                    line(sheet, heading(4, &label, &q.sub.name, q.sub.weight, value))?;
                }
                question_rows(sheet, &mut line, view, q, (answer_col, note_col), lang, f)?;
            }
        }
    }
    line(sheet, heading(1, "", l.total_pengungkit, pengungkit_weight, s.pengungkit))?;
    line(sheet, heading(1, "B.", "HASIL", hasil_weight, s.hasil))?;
    for (g, group) in s.groups.iter().enumerate() {
        line(sheet, heading(2, if g == 0 { "I." } else { "II." }, &group.name, group.weight, group.value))?;
        for (k, result) in group.results.iter().enumerate() {
            let label = format!("{}.", char::from(b'a' + u8::try_from(k % 26)?));
            let row = line(
                sheet,
                Line {
                    level: 3,
                    label,
                    text: &result.name,
                    bold: false,
                    weight: Some(result.weight),
                    value: Some(result.value),
                    ratio: ratio(result.value, result.weight),
                },
            )?;
            let options = match s.lke.result(&result.id).map(|r| &r.measure) {
                Some(Measure::Choice { scale, .. }) => scale.id.clone(),
                _ => l.index.to_string(),
            };
            sheet.write_string_with_format(row, OPTIONS, &options, &f.text)?;
            if let Some(given) = &result.given {
                sheet.write_string_with_format(row, answer_col, given_text(None, given, lang), &f.text)?;
            }
            sheet.write_string_with_format(row, QUESTION_ID, &result.id, &f.text)?;
        }
    }
    line(sheet, heading(1, "", l.total_hasil, hasil_weight, s.hasil))?;
    line(sheet, heading(1, "", l.grand_total, pengungkit_weight + hasil_weight, s.total))?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_repeat_rows(0, 0)?;
    sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0);
    Ok(())
}

/// A question's row, and the rows of a percentage item's inputs.
fn question_rows(
    sheet: &mut Worksheet,
    line: &mut dyn FnMut(&mut Worksheet, Line) -> Result<u32>,
    view: &ScoreView,
    q: &QuestionScore,
    (answer_col, note_col): (u16, u16),
    lang: Lang,
    f: &Formats,
) -> Result<()> {
    let l = lang.score().labels();
    let letter = format!("{}.", q.question.id.rsplit('.').next().unwrap_or_default());
    let row = line(
        sheet,
        Line {
            level: 5,
            label: letter,
            text: &q.question.text,
            bold: false,
            weight: None,
            value: Some(q.value),
            ratio: Some(q.value),
        },
    )?;
    sheet.write_string_with_format(row, QUESTION_ID, &q.question.id, &f.text)?;
    if let Some(e) = evidence_text(&q.serving) {
        sheet.write_string_with_format(row, EVIDENCE, clip(&e), &f.text)?;
    }
    let note =
        view.score.assessment.and_then(|a| a.answers.get(&q.question.id)).and_then(|a| a.note.as_deref());
    if let Some(note) = note {
        sheet.write_string_with_format(row, note_col, clip(note), &f.text)?;
    }
    match &q.question.answer {
        AnswerKind::Choice { scale, criteria } => {
            let text: Vec<String> = criteria
                .iter()
                .map(|(a, c)| match scale.options.len() {
                    // Ya/Tidak: the LKE writes "Ya, jika …".
                    2 => format!("{a}, {}", lower_first(c)),
                    _ => format!("{}. {c}", a.to_lowercase()),
                })
                .collect();
            sheet.write_string_with_format(row, CRITERIA, clip(&text.join("\n")), &f.text)?;
            sheet.write_string_with_format(row, OPTIONS, &scale.id, &f.text)?;
            if let Some(given) = q.given {
                sheet.write_string_with_format(
                    row,
                    answer_col,
                    given_text(Some(q.question), given, lang),
                    &f.text,
                )?;
            }
        }
        AnswerKind::Percentage(p) => {
            let text =
                [p.explanation.as_deref(), p.reading.as_deref()].into_iter().flatten().collect::<Vec<_>>();
            sheet.write_string_with_format(row, CRITERIA, clip(&text.join("\n\n")), &f.text)?;
            sheet.write_string_with_format(row, OPTIONS, "%", &f.text)?;
            let values = match q.given {
                Some(crate::model::assessment::Given::Inputs(values)) => Some(values),
                _ => None,
            };
            for (k, input) in p.inputs.iter().enumerate() {
                let text = format!("- {}", input.text);
                let r = line(
                    sheet,
                    Line {
                        level: 5,
                        label: String::new(),
                        text: &text,
                        bold: false,
                        weight: None,
                        value: None,
                        ratio: None,
                    },
                )?;
                sheet.write_string_with_format(r, OPTIONS, l.count, &f.text)?;
                if let Some(v) = values.and_then(|v| v.get(k)) {
                    sheet.write_number_with_format(r, answer_col, n(*v), &f.text)?;
                }
                sheet.write_string_with_format(
                    r,
                    QUESTION_ID,
                    format!("{}:{}", q.question.id, input.name),
                    &f.text,
                )?;
            }
        }
    }
    Ok(())
}

/// `Jika …` → `jika …`.
fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Each serving indicator with its evidence folder, and the files counted
/// in it, one per line.
fn evidence_text(serving: &[&IndicatorReport]) -> Option<String> {
    if serving.is_empty() {
        return None;
    }
    let mut lines = Vec::new();
    for r in serving {
        lines.push(format!("{}: {}/", r.file.id, r.file.evidence));
        let mut files: Vec<&str> = r
            .periods
            .iter()
            .flat_map(|p| p.documents.iter())
            .chain(r.occurrences.iter().flat_map(|o| o.documents.iter()))
            .flat_map(|d| d.files.iter().map(String::as_str))
            .collect();
        files.sort_unstable();
        files.dedup();
        lines.extend(files.into_iter().map(|f| format!("  {f}")));
    }
    Some(lines.join("\n"))
}
