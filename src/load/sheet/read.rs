//! Opening a spreadsheet: calamine for workbooks, the csv crate for CSV.

use std::path::Path;

use calamine::{Data, Dimensions, Reader, SheetVisible, Sheets};

use super::grid::{Cell, Grid};
use super::table;
use crate::model::month::{name_in, NAMES_ID};

/// Why a spreadsheet could not be read at all.
#[derive(Debug)]
pub(crate) enum SheetError {
    /// Not a format zi reads (by its extension).
    UnknownFormat,
    /// The file could not be opened or parsed; the reader's words.
    Unreadable(String),
}

/// Every sheet of the workbook at `path` (a CSV file is one sheet named
/// after the file).
pub(crate) fn read(path: &Path) -> Result<Vec<Grid>, SheetError> {
    let extension = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    match extension.as_deref() {
        Some("csv") => {
            let bytes = std::fs::read(path).map_err(|e| SheetError::Unreadable(e.to_string()))?;
            let name = path.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
            Ok(vec![csv_grid(&bytes, name)])
        }
        Some("xlsx" | "xlsm" | "xls" | "ods") => workbook(path),
        _ => Err(SheetError::UnknownFormat),
    }
}

fn workbook(path: &Path) -> Result<Vec<Grid>, SheetError> {
    let mut book = calamine::open_workbook_auto(path).map_err(|e| SheetError::Unreadable(e.to_string()))?;
    let sheets: Vec<(String, bool)> =
        book.sheets_metadata().iter().map(|s| (s.name.clone(), s.visible != SheetVisible::Visible)).collect();
    let mut grids = Vec::new();
    for (name, hidden) in sheets {
        let range = match book.worksheet_range(&name) {
            Ok(range) => range,
            // A chart sheet or a broken one: nothing to import from it.
            Err(_) => continue,
        };
        let merges = merged_regions(&mut book, &name);
        let mut rows: Vec<Vec<Cell>> = Vec::new();
        if let Some((top, left)) = range.start() {
            let (height, width) = range.get_size();
            let (top, left) = (top as usize, left as usize);
            rows = vec![vec![Cell::default(); left + width]; top + height];
            for (r, row) in range.rows().enumerate() {
                for (c, data) in row.iter().enumerate() {
                    rows[top + r][left + c] = Cell { text: cell_text(data), origin: true };
                }
            }
            for row in &mut rows {
                for cell in row.iter_mut().take(left) {
                    cell.origin = true;
                }
            }
            for row in rows.iter_mut().take(top) {
                for cell in row.iter_mut() {
                    cell.origin = true;
                }
            }
        }
        fill_merges(&mut rows, &merges);
        grids.push(Grid { name, hidden, rows });
    }
    Ok(grids)
}

/// The merged regions of a sheet, where the format keeps them (xlsx, xls);
/// an ODS sheet leaves the covered cells empty, which reads the same.
fn merged_regions<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Vec<Dimensions> {
    match book {
        Sheets::Xlsx(x) => x.worksheet_merge_cells(name).and_then(Result::ok).unwrap_or_default(),
        Sheets::Xls(x) => x.worksheet_merge_cells(name).unwrap_or_default(),
        _ => Vec::new(),
    }
}

/// Gives every cell of a merge its top-left cell's value, marked as not
/// its own. Merges reaching past the used range are cut to it.
fn fill_merges(rows: &mut [Vec<Cell>], merges: &[Dimensions]) {
    for m in merges {
        let (top, left) = (m.start.0 as usize, m.start.1 as usize);
        let Some(text) = rows.get(top).and_then(|r| r.get(left)).map(|c| c.text.clone()) else { continue };
        for r in top..=(m.end.0 as usize).min(rows.len().saturating_sub(1)) {
            let row = &mut rows[r];
            for c in left..=(m.end.1 as usize).min(row.len().saturating_sub(1)) {
                if (r, c) != (top, left) {
                    row[c] = Cell { text: text.clone(), origin: false };
                }
            }
        }
    }
}

/// A cell as a person reads it. Whole numbers lose Excel's `.0`; a date
/// becomes its month as an RKT writes it ("Juli 2022").
fn cell_text(data: &Data) -> String {
    match data {
        Data::Empty | Data::Error(_) => String::new(),
        Data::String(s) => s.clone(),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => number_text(*f),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(d) if d.is_datetime() => {
            let (year, month, ..) = d.to_ymd_hms_milli();
            month_text(i32::from(year), u32::from(month))
        }
        Data::DateTime(d) => number_text(d.as_f64()),
        Data::DateTimeIso(s) => iso_month(s).unwrap_or_else(|| s.clone()),
        Data::DurationIso(s) => s.clone(),
    }
}

fn number_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else {
        f.to_string()
    }
}

/// The month of an ISO date (`2022-07-31`, `2022-07-31T00:00:00`).
fn iso_month(text: &str) -> Option<String> {
    let year: i32 = text.get(..4)?.parse().ok()?;
    let month: u32 = text.get(5..7)?.parse().ok()?;
    (text.as_bytes().get(4) == Some(&b'-')).then(|| month_text(year, month))
}

/// A month as an RKT writes it in a target time: in Indonesian, the
/// plan's own language ("Juli 2022").
fn month_text(year: i32, month: u32) -> String {
    if (1..=12).contains(&month) {
        format!("{} {year}", name_in(&NAMES_ID, month))
    } else {
        format!("{year}-{month:02}")
    }
}

/// A CSV file as a grid: UTF-8 with or without a byte order mark (else
/// Windows-1252, what Excel writes on a Western or Indonesian Windows),
/// fields separated by `;` or `,`, whichever makes the header row (and
/// otherwise the most fields per line); quoted fields may hold line breaks.
fn csv_grid(bytes: &[u8], name: String) -> Grid {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => encoding_rs::WINDOWS_1252.decode(bytes).0.into_owned(),
    };
    let parse = |delimiter: u8| -> Vec<Vec<Cell>> {
        let mut reader = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        reader
            .records()
            .map(|record| match record {
                Ok(record) => record.iter().map(|f| Cell { text: f.to_string(), origin: true }).collect(),
                Err(_) => Vec::new(),
            })
            .collect()
    };
    let (semicolon, comma) = (parse(b';'), parse(b','));
    let score =
        |rows: &[Vec<Cell>]| (table::header_score(rows), rows.iter().map(Vec::len).max().unwrap_or(0));
    let rows = if score(&comma) > score(&semicolon) { comma } else { semicolon };
    Grid { name, hidden: false, rows }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(grid: &Grid) -> Vec<Vec<String>> {
        grid.rows.iter().map(|r| r.iter().map(|c| c.text.clone()).collect()).collect()
    }

    #[test]
    fn a_csv_is_read_with_the_separator_that_makes_its_header() {
        let semicolon =
            csv_grid(b"\xEF\xBB\xBFNO;INDIKATOR;BUKTI FISIK\r\n1;\"A, B\";\"C\r\nD\"\r\n", "x".into());
        assert_eq!(texts(&semicolon), [vec!["NO", "INDIKATOR", "BUKTI FISIK"], vec!["1", "A, B", "C\r\nD"]]);
        let comma = csv_grid(b"NO,INDIKATOR,BUKTI FISIK\n1,\"A; B\",C\n", "x".into());
        assert_eq!(texts(&comma), [vec!["NO", "INDIKATOR", "BUKTI FISIK"], vec!["1", "A; B", "C"]]);
    }

    #[test]
    fn a_csv_that_is_not_utf8_is_read_as_windows_1252() {
        let grid = csv_grid(b"INDIKATOR;KOMPONEN;NO\nKafe \xE9 \x96 ok;x;1\n", "x".into());
        assert_eq!(grid.rows[1][0].text, "Kafe é – ok");
    }

    #[test]
    fn numbers_lose_a_stray_fraction_and_dates_become_months() {
        assert_eq!(number_text(3.0), "3");
        assert_eq!(number_text(2.5), "2.5");
        assert_eq!(iso_month("2023-07-31T00:00:00"), Some("Juli 2023".to_string()));
        assert_eq!(iso_month("31/07/2023"), None);
    }
}
