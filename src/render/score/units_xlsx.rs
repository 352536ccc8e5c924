//! `zi score --format xlsx` at a workspace root: one workbook for the
//! inspectorate, each sheet one table whose first column is the unit's
//! folder, so that a spreadsheet filters it by unit: the units (target,
//! total, verdict), the rekap of every unit, and every unit's questions.
//! A unit's own LKE workbook, in the layout of the official answer sheet,
//! is `zi score --format xlsx` in the unit's folder. Fixed document
//! properties: the same inputs give the same bytes.

use anyhow::Result;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Workbook, Worksheet};

use super::xlsx::{clip, n, Formats, ID_TITLE};
use super::{answer_text, mark, miss_text, rekap_rows, serving_text};
use crate::judge::score::Score;
use crate::text::Lang;

/// One unit of the workbook: its folder, name and year, and its score
/// (`None` for a folder that is no unit).
pub(crate) struct UnitScore<'a> {
    pub(crate) tag: &'a str,
    pub(crate) unit: Option<&'a str>,
    pub(crate) year: Option<i32>,
    pub(crate) score: Option<&'a Score<'a>>,
}

/// The workbook's bytes; `title` is the workspace's.
pub(crate) fn xlsx(title: &str, units: &[UnitScore], lang: Lang) -> Result<Vec<u8>> {
    let l = lang.score().labels();
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!("{} — {title}", l.title))
            .set_author("zi")
            .set_creation_datetime(&ExcelDateTime::from_ymd(2000, 1, 1)?),
    );
    let f = Formats::new();
    let sheet = workbook.add_worksheet();
    sheet.set_name(lang.workspace().units)?;
    units_sheet(sheet, units, lang, &f)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(l.sheet_rekap)?;
    rekap_sheet(sheet, units, lang, &f)?;
    let sheet = workbook.add_worksheet();
    sheet.set_name(l.sheet_answers)?;
    questions_sheet(sheet, units, lang, &f)?;
    Ok(workbook.save_to_buffer()?)
}

/// A header row, its widths, a frozen first row and a filter over `rows`.
fn table(sheet: &mut Worksheet, header: &[(&str, f64)], rows: u32, f: &Formats) -> Result<()> {
    for (col, (title, width)) in header.iter().enumerate() {
        let col = u16::try_from(col)?;
        sheet.write_string_with_format(0, col, *title, &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, rows, u16::try_from(header.len() - 1)?)?;
    sheet.set_landscape().set_paper_size(9).set_print_fit_to_pages(1, 0);
    Ok(())
}

fn text(sheet: &mut Worksheet, r: u32, c: u16, value: &str, f: &Formats) -> Result<()> {
    sheet.write_string_with_format(r, c, clip(value), &f.text)?;
    Ok(())
}

fn number(sheet: &mut Worksheet, r: u32, c: u16, value: rust_decimal::Decimal, f: &Formats) -> Result<()> {
    sheet.write_number_with_format(r, c, n(value), &f.number)?;
    Ok(())
}

fn units_sheet(sheet: &mut Worksheet, units: &[UnitScore], lang: Lang, f: &Formats) -> Result<()> {
    let (l, w) = (lang.score().labels(), lang.workspace());
    let header = [
        (w.folder, 20.0),
        (w.unit, 36.0),
        (lang.labels().year, 8.0),
        (l.target, 10.0),
        (l.assessment, 36.0),
        (l.pengungkit, 12.0),
        (l.hasil, 12.0),
        (l.total, 12.0),
        (l.verdict, 60.0),
    ];
    table(sheet, &header, u32::try_from(units.len())?, f)?;
    for (i, u) in units.iter().enumerate() {
        let r = 1 + u32::try_from(i)?;
        text(sheet, r, 0, u.tag, f)?;
        let Some(s) = u.score else {
            text(sheet, r, 1, w.not_a_unit, f)?;
            continue;
        };
        text(sheet, r, 1, u.unit.unwrap_or(lang.labels().none), f)?;
        if let Some(year) = u.year {
            sheet.write_number_with_format(r, 2, f64::from(year), &f.text)?;
        }
        text(sheet, r, 3, &s.target, f)?;
        let about = match s.assessment {
            Some(a) => super::assessment_text(a, lang),
            None => l.projection.to_string(),
        };
        text(sheet, r, 4, &about, f)?;
        number(sheet, r, 5, s.pengungkit, f)?;
        number(sheet, r, 6, s.hasil, f)?;
        number(sheet, r, 7, s.total, f)?;
        if let Some(v) = s.verdict() {
            let missed: Vec<String> = v.missed.iter().map(|m| miss_text(s.lke, m, lang)).collect();
            let verdict =
                if v.met { l.met.to_string() } else { format!("{}: {}", l.not_met, missed.join("; ")) };
            text(sheet, r, 8, &verdict, f)?;
        }
    }
    Ok(())
}

fn rekap_sheet(sheet: &mut Worksheet, units: &[UnitScore], lang: Lang, f: &Formats) -> Result<()> {
    let l = lang.score().labels();
    let header = [
        (lang.workspace().folder, 20.0),
        (l.target, 10.0),
        (l.area, 48.0),
        (l.weight, 10.0),
        (l.pemenuhan, 12.0),
        (l.reform, 10.0),
        (l.value, 10.0),
        (l.percent, 10.0),
        (l.minimum, 8.0),
    ];
    let mut r = 0;
    for u in units {
        let Some(s) = u.score else { continue };
        for row in rekap_rows(s, lang) {
            r += 1;
            let format = if row.kind.is_sum() { &f.bold } else { &f.text };
            sheet.write_string_with_format(r, 0, clip(u.tag), format)?;
            sheet.write_string_with_format(r, 1, clip(&s.target), format)?;
            sheet.write_string_with_format(r, 2, clip(&row.name), format)?;
            number(sheet, r, 3, row.weight, f)?;
            for (col, value) in [(4, row.pemenuhan), (5, row.reform)] {
                match value {
                    Some(v) => number(sheet, r, col, v, f)?,
                    None => sheet.write_blank(r, col, &f.text).map(|_| ())?,
                }
            }
            number(sheet, r, 6, row.value, f)?;
            match row.ratio {
                Some(ratio) => sheet.write_number_with_format(r, 7, n(ratio), &f.percent)?,
                None => sheet.write_blank(r, 7, &f.text)?,
            };
            text(sheet, r, 8, mark(row.met), f)?;
        }
    }
    table(sheet, &header, r, f)
}

/// Every unit's questions; the hidden last column holds the question's id
/// under `zi:lke`, which marks the workbook as one zi wrote.
fn questions_sheet(sheet: &mut Worksheet, units: &[UnitScore], lang: Lang, f: &Formats) -> Result<()> {
    let l = lang.score().labels();
    let header = [
        (lang.workspace().folder, 20.0),
        ("ID", 12.0),
        (l.question, 60.0),
        (l.weight, 10.0),
        (l.answer, 14.0),
        (l.points, 10.0),
        (l.percent, 10.0),
        (l.indicators, 30.0),
        (ID_TITLE, 12.0),
    ];
    let mut r = 0;
    for u in units {
        let Some(s) = u.score else { continue };
        for q in &s.questions {
            r += 1;
            text(sheet, r, 0, u.tag, f)?;
            text(sheet, r, 1, &q.question.id, f)?;
            text(sheet, r, 2, &q.question.text, f)?;
            number(sheet, r, 3, q.weight, f)?;
            text(sheet, r, 4, &answer_text(s, q, lang), f)?;
            number(sheet, r, 5, q.points(), f)?;
            sheet.write_number_with_format(r, 6, n(q.value), &f.percent)?;
            text(sheet, r, 7, &serving_text(q, lang, false), f)?;
            text(sheet, r, 8, &q.question.id, f)?;
        }
    }
    table(sheet, &header, r, f)?;
    sheet.set_column_hidden(8)?;
    Ok(())
}
