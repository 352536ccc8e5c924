//! The RKT table as an Excel workbook: merged NO and KOMPONEN cells,
//! wrapped cells, the header frozen and repeated on every printed page, A4
//! landscape one page wide, fixed document properties (the same plan gives
//! the same bytes), the carried columns hidden.

use anyhow::Result;
use rust_xlsxwriter::{
    Color, DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet,
};

use super::layout::{clip, flat_rows, Export, Layout, RowKind};
use crate::model::rkt::Column;

/// A4 in Excel's list of paper sizes.
const A4: u8 = 9;

/// Column widths in characters: wide enough for the plan's words to wrap
/// into a few lines, narrow enough for A4 landscape.
fn width(column: Column) -> f64 {
    match column {
        Column::No => 5.0,
        Column::Component => 20.0,
        Column::Indicator => 36.0,
        Column::Actions | Column::Evidence => 40.0,
        Column::Due => 16.0,
        Column::Pic => 16.0,
        Column::Status => 14.0,
        Column::Documents => 10.0,
        Column::Remarks => 36.0,
        Column::Path | Column::Text | Column::ComponentText => 20.0,
    }
}

/// The workbook's bytes.
pub(crate) fn xlsx(export: &Export) -> Result<Vec<u8>> {
    let layout = export.layout();
    let mut workbook = Workbook::new();
    // A fixed creation time: Excel's would make every export differ.
    let created = ExcelDateTime::from_ymd(2000, 1, 1)?;
    let title = export.title_lines().join(" — ");
    workbook.set_properties(
        &DocProperties::new().set_title(&title).set_author("zi").set_creation_datetime(&created),
    );
    let sheet = workbook.add_worksheet();
    sheet.set_name(export.lang.rkt().sheet)?;
    table_sheet(sheet, &layout)?;
    if export.status.is_some() {
        let flat = workbook.add_worksheet();
        flat.set_name(export.lang.rkt().flat_sheet)?;
        flat_sheet(flat, &flat_rows(export))?;
    }
    Ok(workbook.save_to_buffer()?)
}

fn cell_format() -> Format {
    Format::new().set_text_wrap().set_align(FormatAlign::Top).set_border(FormatBorder::Thin)
}

fn table_sheet(sheet: &mut Worksheet, layout: &Layout) -> Result<()> {
    let title = Format::new().set_bold().set_align(FormatAlign::Center);
    let header =
        cell_format().set_bold().set_align(FormatAlign::Center).set_background_color(Color::RGB(0xD9_D9_D9));
    let area = cell_format().set_bold().set_background_color(Color::RGB(0xF2_F2_F2));
    let cell = cell_format();
    let format_of = |kind: RowKind| match kind {
        RowKind::Title => &title,
        RowKind::Header => &header,
        RowKind::Area => &area,
        RowKind::Blank | RowKind::Indicator => &cell,
    };
    for (col, column) in layout.columns.iter().enumerate() {
        let col = u16::try_from(col)?;
        sheet.set_column_width(col, width(*column))?;
        if matches!(column, Column::Path | Column::Text | Column::ComponentText) {
            sheet.set_column_hidden(col)?;
        }
    }
    // Each cell's merge, looked up once per cell rather than by a walk of
    // every merge (a large plan has one per area and three per component).
    let mut covering = std::collections::HashMap::new();
    for m in &layout.merges {
        for row in m.first_row..=m.last_row {
            for col in m.first_col..=m.last_col {
                covering.entry((row, col)).or_insert(m);
            }
        }
    }
    let merged = |row: usize, col: usize| covering.get(&(row, col)).copied();
    for (r, row) in layout.rows.iter().enumerate() {
        let format = format_of(row.kind);
        let excel_row = u32::try_from(r)?;
        for (c, text) in row.cells.iter().enumerate() {
            let excel_col = u16::try_from(c)?;
            match merged(r, c) {
                Some(m) if m.first_row == r && m.first_col == c && (m.last_row > r || m.last_col > c) => {
                    let (last_row, last_col) = (u32::try_from(m.last_row)?, u16::try_from(m.last_col)?);
                    sheet.merge_range(excel_row, excel_col, last_row, last_col, clip(text), format)?;
                }
                Some(m) if m.first_row == r && m.first_col == c => {
                    sheet.write_string_with_format(excel_row, excel_col, clip(text), format)?;
                }
                // Inside a merge: Excel keeps only the top-left cell's value.
                Some(_) => {}
                None if text.is_empty() && row.kind != RowKind::Indicator && row.kind != RowKind::Header => {}
                None if text.is_empty() => {
                    sheet.write_blank(excel_row, excel_col, format)?;
                }
                None => {
                    sheet.write_string_with_format(excel_row, excel_col, clip(text), format)?;
                }
            }
        }
    }
    let header_row = u32::try_from(layout.header_row)?;
    sheet.set_freeze_panes(header_row + 1, 0)?;
    sheet.set_repeat_rows(header_row, header_row)?;
    sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0);
    Ok(())
}

fn flat_sheet(sheet: &mut Worksheet, rows: &[Vec<String>]) -> Result<()> {
    let header = cell_format().set_bold().set_background_color(Color::RGB(0xD9_D9_D9));
    let cell = cell_format();
    let widths = [10.0, 24.0, 24.0, 40.0, 16.0, 16.0, 14.0, 10.0, 36.0];
    for (col, w) in widths.iter().enumerate() {
        sheet.set_column_width(u16::try_from(col)?, *w)?;
    }
    for (r, row) in rows.iter().enumerate() {
        let format = if r == 0 { &header } else { &cell };
        for (c, text) in row.iter().enumerate() {
            sheet.write_string_with_format(u32::try_from(r)?, u16::try_from(c)?, clip(text), format)?;
        }
    }
    let last_row = u32::try_from(rows.len().saturating_sub(1))?;
    sheet.autofilter(0, 0, last_row, u16::try_from(widths.len() - 1)?)?;
    sheet.set_freeze_panes(1, 0)?;
    sheet.set_landscape().set_paper_size(A4).set_print_fit_to_pages(1, 0);
    Ok(())
}
