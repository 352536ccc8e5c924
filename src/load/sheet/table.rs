//! A grid → the RKT table: the header row found by its titles wherever it
//! is, the title block above it (unit, year), then row by row: area rows by
//! their Roman numeral, components by their number and name, indicators,
//! and the rows that continue an indicator. Repeated headers, column-number
//! rows and spacer rows are skipped; a signature block ends the table.
//! Every row that fits nowhere is a problem at its cell, and the rest is
//! still read.

use std::collections::HashMap;

use super::grid::{Cell, Grid};
use crate::load::rkt;
use crate::model::rkt::{
    column_of, items_cell, roman_value, split_items, Carried, Column, Rkt, RktArea, RktComponent,
    RktIndicator,
};
use crate::problem::{Kind, Problem};

/// What a sheet gave.
pub(crate) struct Imported {
    pub(crate) rkt: Rkt,
    /// The sheet the table was read from.
    pub(crate) sheet: String,
    /// Whether the header was written in English (the plan's `lang`).
    pub(crate) english: bool,
}

/// The highest Roman numeral read as an area's.
const MAX_AREA: u32 = 39;

/// Header titles written in English (the rest are Indonesian or shared).
const ENGLISH_TITLES: &[&str] =
    &["COMPONENT", "INDICATOR", "ACTIONS", "ACTION", "EVIDENCE", "TARGET TIME", "PERSON IN CHARGE"];

/// How much a row looks like a header: the columns it names.
fn header_columns(row: &[Cell]) -> Vec<(usize, Column)> {
    let mut seen = Vec::new();
    let mut found = Vec::new();
    for (i, cell) in row.iter().enumerate() {
        if let Some(column) = column_of(&cell.text) {
            if !seen.contains(&column) {
                seen.push(column);
                found.push((i, column));
            }
        }
    }
    found
}

fn is_header(row: &[Cell]) -> bool {
    let columns = header_columns(row);
    let named = |c: Column| columns.iter().any(|(_, x)| *x == c);
    let table_columns =
        [Column::No, Column::Component, Column::Actions, Column::Evidence, Column::Due, Column::Pic];
    named(Column::Indicator) && table_columns.iter().filter(|c| named(**c)).count() >= 2
}

/// How well `rows` show a header: the most columns one header row names.
pub(crate) fn header_score(rows: &[Vec<Cell>]) -> usize {
    rows.iter().filter(|r| is_header(r)).map(|r| header_columns(r).len()).max().unwrap_or(0)
}

/// `C12`: a cell's name as a spreadsheet shows it.
pub(crate) fn cell_name(row: usize, col: usize) -> String {
    let mut letters = Vec::new();
    let mut n = col + 1;
    while n > 0 {
        letters.push(b'A' + ((n - 1) % 26) as u8);
        n = (n - 1) / 26;
    }
    letters.reverse();
    format!("{}{}", String::from_utf8_lossy(&letters), row + 1)
}

/// Reads the table of `grid`; `file` is the spreadsheet as problems name it.
/// `None` (with a problem) when no row is a header.
pub(crate) fn read_table(grid: &Grid, file: &str, out: &mut Vec<Problem>) -> Option<Imported> {
    let header = grid.rows.iter().position(|r| is_header(r))?;
    let mut reader = TableReader::new(grid, file, header, out);
    reader.title_block();
    for row in header + 1..grid.rows.len() {
        if reader.row(row).is_break() {
            break;
        }
    }
    let english = reader.english;
    Some(Imported { rkt: reader.finish(), sheet: grid.name.clone(), english })
}

/// Whether the table goes on after a row.
enum Next {
    Continue,
    Break,
}

impl Next {
    fn is_break(&self) -> bool {
        matches!(self, Next::Break)
    }
}

/// The cells of an indicator as the sheet holds them, over all its rows,
/// to tell whether the sheet left a carried value as it was exported.
#[derive(Default)]
struct RawCells {
    actions: Vec<String>,
    evidence: Vec<String>,
}

struct TableReader<'a> {
    grid: &'a Grid,
    file: &'a str,
    columns: HashMap<Column, usize>,
    english: bool,
    rkt: Rkt,
    raw: RawCells,
    out: &'a mut Vec<Problem>,
}

impl<'a> TableReader<'a> {
    fn new(grid: &'a Grid, file: &'a str, header: usize, out: &'a mut Vec<Problem>) -> TableReader<'a> {
        let row = &grid.rows[header];
        let mut columns = HashMap::new();
        for (i, cell) in row.iter().enumerate() {
            let Some(column) = column_of(&cell.text) else { continue };
            if let std::collections::hash_map::Entry::Vacant(entry) = columns.entry(column) {
                entry.insert(i);
            } else {
                let kind = Kind::DuplicateColumn { title: cell.text.clone() };
                out.push(Problem::new(kind, place(file, &grid.name, header, i)));
            }
        }
        let english = row.iter().any(|c| ENGLISH_TITLES.contains(&c.text.trim().to_uppercase().as_str()));
        TableReader { grid, file, columns, english, rkt: Rkt::default(), raw: RawCells::default(), out }
    }

    fn at(&self, row: usize, column: Column) -> Option<&'a Cell> {
        let col = *self.columns.get(&column)?;
        self.grid.cell(row, col)
    }

    /// The text of a cell that holds its own value (not a merge's copy).
    fn own(&self, row: usize, column: Column) -> &'a str {
        self.at(row, column).filter(|c| c.origin).map_or("", |c| c.text.trim())
    }

    /// The text of a cell, a merge's copy included.
    fn shown(&self, row: usize, column: Column) -> &'a str {
        self.at(row, column).map_or("", |c| c.text.trim())
    }

    fn problem(&mut self, kind: Kind, row: usize, column: Column) {
        let col = self.columns.get(&column).copied().unwrap_or(0);
        self.out.push(Problem::new(kind, place(self.file, &self.grid.name, row, col)));
    }

    /// The unit and the year from the rows above the header, and `zi.toml`
    /// when the sheet carries it.
    fn title_block(&mut self) {
        let header = self.grid.rows.iter().position(|r| is_header(r)).unwrap_or(0);
        let mut lines = Vec::new();
        for row in 0..header {
            if self.shown(row, Column::Path) == crate::model::plan::CONFIG_FILE {
                let text = self.at(row, Column::Text).map(|c| c.text.clone()).filter(|t| !t.is_empty());
                self.rkt.config = text;
            }
            for (col, cell) in self.grid.rows[row].iter().enumerate() {
                let carried = [Column::Path, Column::Text, Column::ComponentText]
                    .iter()
                    .any(|c| self.columns.get(c) == Some(&col));
                if cell.origin && !carried {
                    lines.extend(
                        cell.text.lines().map(str::trim).filter(|l| !l.is_empty()).map(str::to_string),
                    );
                }
            }
        }
        let (unit, year) = unit_and_year(&lines);
        self.rkt.unit = unit;
        self.rkt.year = year;
    }

    fn row(&mut self, row: usize) -> Next {
        let cells = &self.grid.rows[row];
        if cells.iter().all(|c| c.text.trim().is_empty()) || is_header(cells) || is_column_numbers(cells) {
            return Next::Continue;
        }
        if self.own(row, Column::No).is_empty() && is_signature(cells) {
            return Next::Break;
        }
        if let Some((number, name)) = self.area_row(row) {
            let carried = self.carried(row);
            self.close_indicator();
            let name = as_carried(name, carried.text.as_deref());
            self.rkt.areas.push(RktArea { number, name, carried, components: Vec::new() });
            return Next::Continue;
        }
        let component = self.own(row, Column::Component);
        let number = whole_number(self.own(row, Column::No));
        let current_name = self.current_component().map(|c| c.name.clone());
        let new_component =
            !component.is_empty() && (number.is_some() || current_name.as_deref() != Some(component));
        if new_component && !self.start_component(row, number, component) {
            return Next::Continue;
        }
        let indicator = self.own(row, Column::Indicator);
        // A row that carries an indicator file is one, even with its text emptied.
        let carries_indicator = {
            let path = self.own(row, Column::Path);
            path.ends_with(".toml") && !path.ends_with("/area.toml") && !path.ends_with("/component.toml")
        };
        if !indicator.is_empty() || carries_indicator {
            self.start_indicator(row, indicator);
        } else if self.has_indicator_cells(row) {
            self.continue_indicator(row);
        }
        Next::Continue
    }

    /// `(number, name)` of an area row: a Roman numeral in NO (or leading
    /// the first cell), its name beside it, and nothing in the indicator's
    /// cells that is not the name's merge.
    fn area_row(&self, row: usize) -> Option<(u32, String)> {
        let cells = &self.grid.rows[row];
        let first = cells.iter().position(|c| c.origin && !c.text.trim().is_empty())?;
        if first > self.columns.get(&Column::Component).copied().unwrap_or(1) {
            return None;
        }
        let text = cells[first].text.trim();
        let (numeral, rest) = match text.split_once(|c: char| c.is_whitespace()) {
            Some((n, rest)) => (n, rest.trim()),
            None => (text, ""),
        };
        let numeral = numeral.trim_end_matches(['.', ')']);
        // Areas are few: `DI` or `MI` opening a sentence are words, not 501 or 1001.
        let number = roman_value(numeral)
            .filter(|n| *n <= MAX_AREA && numeral.bytes().all(|b| b.is_ascii_uppercase()))?;
        let name = if rest.is_empty() {
            cells[first + 1..].iter().find(|c| c.origin && !c.text.trim().is_empty())?.text.trim().to_string()
        } else {
            rest.to_string()
        };
        let own_cells = cells.iter().filter(|c| c.origin && !c.text.trim().is_empty()).count();
        let carried = [Column::Path, Column::Text].iter().filter(|c| !self.own(row, **c).is_empty()).count();
        (own_cells - carried <= 2).then_some((number, name))
    }

    fn current_component(&self) -> Option<&RktComponent> {
        self.rkt.areas.last()?.components.last()
    }

    fn carried(&self, row: usize) -> Carried {
        let text = self.at(row, Column::Text).map(|c| c.text.clone()).filter(|t| !t.is_empty());
        let path = Some(self.own(row, Column::Path).to_string()).filter(|p| !p.is_empty());
        Carried { path, text }
    }

    /// Starts a component; false (with a problem) when no area is open.
    fn start_component(&mut self, row: usize, number: Option<u32>, name: &str) -> bool {
        self.close_indicator();
        let component_text =
            self.at(row, Column::ComponentText).map(|c| c.text.clone()).filter(|t| !t.is_empty());
        let own_path = self.own(row, Column::Path);
        let path = (self.own(row, Column::Indicator).is_empty() && own_path.ends_with("/component.toml"))
            .then(|| own_path.to_string());
        let Some(area) = self.rkt.areas.last() else {
            self.problem(Kind::RowOutsideArea, row, Column::Component);
            return false;
        };
        let next = area.components.last().map_or(1, |c| c.number + 1);
        let number = number.unwrap_or_else(|| {
            self.problem(Kind::UnnumberedComponent { number: next }, row, Column::No);
            next
        });
        let component = RktComponent {
            number,
            name: as_carried(name.to_string(), component_text.as_deref()),
            carried: Carried { path, text: component_text },
            indicators: Vec::new(),
        };
        if let Some(area) = self.rkt.areas.last_mut() {
            area.components.push(component);
        }
        true
    }

    fn has_indicator_cells(&self, row: usize) -> bool {
        [Column::Actions, Column::Evidence, Column::Due, Column::Pic]
            .iter()
            .any(|c| !self.own(row, *c).is_empty())
    }

    fn start_indicator(&mut self, row: usize, text: &str) {
        self.close_indicator();
        if self.current_component().is_none() {
            let kind =
                if self.rkt.areas.is_empty() { Kind::RowOutsideArea } else { Kind::RowOutsideComponent };
            self.problem(kind, row, Column::Indicator);
            return;
        }
        let indicator = RktIndicator {
            text: text.to_string(),
            due: self.shown(row, Column::Due).to_string(),
            pic: Some(self.shown(row, Column::Pic).to_string()).filter(|p| !p.is_empty()),
            carried: self.carried(row),
            ..RktIndicator::default()
        };
        self.raw = RawCells::default();
        if let Some(component) = self.rkt.areas.last_mut().and_then(|a| a.components.last_mut()) {
            component.indicators.push(indicator);
        }
        self.add_items(row);
    }

    /// A row below an indicator that adds actions, documents, a target or
    /// a person in charge to it.
    fn continue_indicator(&mut self, row: usize) {
        let due = self.own(row, Column::Due).to_string();
        let pic = self.own(row, Column::Pic).to_string();
        let Some(indicator) = self.last_indicator() else {
            let kind =
                if self.rkt.areas.is_empty() { Kind::RowOutsideArea } else { Kind::RowOutsideIndicator };
            let column =
                if self.own(row, Column::Actions).is_empty() { Column::Evidence } else { Column::Actions };
            self.problem(kind, row, column);
            return;
        };
        if !due.is_empty() && indicator.due != due {
            indicator.due = if indicator.due.is_empty() { due } else { format!("{}, {due}", indicator.due) };
        }
        if !pic.is_empty() && indicator.pic.as_deref() != Some(pic.as_str()) {
            indicator.pic = Some(indicator.pic.take().map_or(pic.clone(), |p| format!("{p}, {pic}")));
        }
        self.add_items(row);
    }

    fn last_indicator(&mut self) -> Option<&mut RktIndicator> {
        self.rkt.areas.last_mut()?.components.last_mut()?.indicators.last_mut()
    }

    fn add_items(&mut self, row: usize) {
        let actions = self.own(row, Column::Actions);
        let evidence = self.own(row, Column::Evidence);
        for (raw, cell) in [(&mut self.raw.actions, actions), (&mut self.raw.evidence, evidence)] {
            if !cell.is_empty() {
                raw.push(cell.to_string());
            }
        }
    }

    /// Settles the open indicator's items: a cell the sheet left as it was
    /// exported keeps the carried items exactly (a semicolon or a line break
    /// inside an item included); any other cell is split into items.
    fn close_indicator(&mut self) {
        let raw = std::mem::take(&mut self.raw);
        let Some(indicator) = self.last_indicator() else { return };
        if !indicator.actions.is_empty() || !indicator.evidence.is_empty() {
            return;
        }
        let from_file = indicator.carried.text.as_deref().map(|t| rkt::indicator(Some(t.to_string()), ""));
        let settle = |raw: &[String], carried: Option<&Vec<String>>| -> Vec<String> {
            let cell = raw.join("\n");
            match carried {
                Some(items) if items_cell(items).trim() == cell => items.clone(),
                _ => split_items(&cell),
            }
        };
        indicator.actions = settle(&raw.actions, from_file.as_ref().map(|f| &f.actions));
        indicator.evidence = settle(&raw.evidence, from_file.as_ref().map(|f| &f.evidence));
        if let Some(file) = from_file {
            // Cells trimmed by the reader compare with the file's words trimmed.
            if file.text.trim() == indicator.text {
                indicator.text = file.text;
            }
            if file.due.trim() == indicator.due {
                indicator.due = file.due;
            }
            if file.pic.as_deref().map(str::trim) == indicator.pic.as_deref() {
                indicator.pic = file.pic;
            }
        }
    }

    fn finish(mut self) -> Rkt {
        self.close_indicator();
        self.rkt
    }
}

/// The name of a carried `area.toml` or `component.toml` when the sheet
/// shows it unchanged (cells are read trimmed), else `shown`.
fn as_carried(shown: String, carried: Option<&str>) -> String {
    let name = carried
        .and_then(|text| text.parse::<toml_edit::DocumentMut>().ok())
        .and_then(|doc| doc.get("name").and_then(toml_edit::Item::as_str).map(str::to_string));
    match name {
        Some(name) if name.trim() == shown => name,
        _ => shown,
    }
}

/// `FILE!Sheet!C12`.
fn place(file: &str, sheet: &str, row: usize, col: usize) -> String {
    format!("{file}!{sheet}!{}", cell_name(row, col))
}

/// A number as NO writes a component's: `1`, `1.`, `1)`.
fn whole_number(text: &str) -> Option<u32> {
    text.trim_end_matches(['.', ')']).trim().parse().ok().filter(|n| *n > 0)
}

/// A row of column numbers under the header: `1 2 3 …` or `(1) (2) (3) …`.
fn is_column_numbers(cells: &[Cell]) -> bool {
    let numbers: Vec<Option<u32>> = cells
        .iter()
        .map(|c| c.text.trim())
        .filter(|t| !t.is_empty())
        .map(|t| t.trim_start_matches('(').trim_end_matches(')').parse().ok())
        .collect();
    numbers.len() >= 3 && numbers.iter().all(Option::is_some) && numbers.windows(2).all(|w| w[0] < w[1])
}

/// Words that open a signature block under an RKT table.
const SIGNATURE_WORDS: &[&str] = &[
    "mengetahui",
    "menyetujui",
    "disetujui",
    "ditetapkan",
    "disahkan",
    "dibuat oleh",
    "disusun oleh",
    "kepala ",
    "ketua ",
    "plt.",
    "plt ",
    "plh.",
    "plh ",
    "a.n.",
    "an.",
    "nip",
    "tanda tangan",
    "ttd",
];

/// Whether a row opens a signature block: few cells, the first of which
/// starts with a signature word or is a place and date ("Bogor, 3 Januari 2022").
fn is_signature(cells: &[Cell]) -> bool {
    let texts: Vec<&str> =
        cells.iter().filter(|c| c.origin).map(|c| c.text.trim()).filter(|t| !t.is_empty()).collect();
    let Some(first) = texts.first() else { return false };
    let lower = first.to_lowercase();
    let worded = SIGNATURE_WORDS.iter().any(|w| lower.starts_with(w));
    let place_and_date = lower.split_once(',').is_some_and(|(place, date)| {
        !place.trim().is_empty()
            && place.split_whitespace().count() <= 3
            && date
                .split_whitespace()
                .last()
                .is_some_and(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            && date.split_whitespace().count() <= 4
    });
    texts.len() <= 3 && (worded || place_and_date)
}

/// Words of an RKT title that are not the unit's name.
const TITLE_WORDS: &[&str] = &[
    "RENCANA KERJA TAHUNAN",
    "RENCANA KERJA",
    "RENCANA AKSI",
    "(RKT)",
    "RKT",
    "PEMBANGUNAN ZONA INTEGRITAS",
    "ZONA INTEGRITAS",
    "MENUJU WBK/WBBM",
    "MENUJU WBK",
    "MENUJU WILAYAH BEBAS DARI KORUPSI",
    "WBK/WBBM",
    "INTEGRITY ZONE WORK PLAN",
    "WORK PLAN",
    "TIM KERJA ZI",
    "DI LINGKUNGAN",
    "PADA",
];

/// The unit and the year a title block names: the year after `TAHUN` (or
/// `YEAR`), else the first four-digit year; the unit is the first line
/// left once the words of a title and the year are taken out.
fn unit_and_year(lines: &[String]) -> (Option<String>, Option<i32>) {
    let mut year = None;
    let mut unit = None;
    for line in lines {
        let (rest, found) = take_year(line);
        year = year.or(found);
        let mut rest = rest.trim().to_string();
        loop {
            let upper = rest.to_uppercase();
            let Some(word) = TITLE_WORDS.iter().find(|w| upper.starts_with(**w)) else { break };
            rest = rest[word.len()..].trim_start_matches([' ', ',', '-', ':']).to_string();
        }
        let rest = rest.trim_matches([' ', ',', '-', ':', '.']).to_string();
        if unit.is_none() && rest.chars().filter(|c| c.is_alphabetic()).count() >= 3 {
            unit = Some(rest);
        }
    }
    (unit, year)
}

/// `line` without its year phrase (`TAHUN 2022`, `TAHUN ANGGARAN 2022`,
/// `YEAR 2022`, or a lone year at the end), and the year.
fn take_year(line: &str) -> (String, Option<i32>) {
    let words: Vec<&str> = line.split_whitespace().collect();
    let is_year = |w: &str| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit());
    let Some(at) = words.iter().rposition(|w| is_year(w)) else { return (line.to_string(), None) };
    let year = words[at].parse().ok();
    let mut start = at;
    while start > 0
        && ["TAHUN", "ANGGARAN", "YEAR", "TA", "TA."].contains(&words[start - 1].to_uppercase().as_str())
    {
        start -= 1;
    }
    let mut kept: Vec<&str> = words[..start].to_vec();
    kept.extend(&words[at + 1..]);
    (kept.join(" "), year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_spreadsheets_name_them() {
        assert_eq!(cell_name(0, 0), "A1");
        assert_eq!(cell_name(11, 2), "C12");
        assert_eq!(cell_name(0, 25), "Z1");
        assert_eq!(cell_name(0, 26), "AA1");
        assert_eq!(cell_name(0, 701), "ZZ1");
        assert_eq!(cell_name(0, 702), "AAA1");
    }

    fn lines(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|t| t.to_string()).collect()
    }

    #[test]
    fn the_title_block_names_the_unit_and_the_year() {
        let one = lines(&["RENCANA KERJA TAHUNAN BALAI PENELIIAN TANAMAN PALMA TAHUN 2022"]);
        assert_eq!(unit_and_year(&one), (Some("BALAI PENELIIAN TANAMAN PALMA".into()), Some(2022)));
        let three = lines(&["RENCANA KERJA TAHUNAN PEMBANGUNAN ZONA INTEGRITAS", "Balai Uji", "TAHUN 2023"]);
        assert_eq!(unit_and_year(&three), (Some("Balai Uji".into()), Some(2023)));
        let english = lines(&["INTEGRITY ZONE WORK PLAN", "Balai Uji", "YEAR 2023"]);
        assert_eq!(unit_and_year(&english), (Some("Balai Uji".into()), Some(2023)));
        assert_eq!(unit_and_year(&lines(&["RKT ZONA INTEGRITAS"])), (None, None));
    }

    #[test]
    fn signature_blocks_are_told_from_rows_of_the_plan() {
        let row = |texts: &[&str]| -> Vec<Cell> {
            texts.iter().map(|t| Cell { text: t.to_string(), origin: true }).collect()
        };
        assert!(is_signature(&row(&["", "Mengetahui,"])));
        assert!(is_signature(&row(&["Bogor, 3 Januari 2022"])));
        assert!(is_signature(&row(&["", "", "NIP. 19650101 199003 1 001"])));
        assert!(!is_signature(&row(&[
            "",
            "",
            "Kepala Balai menetapkan SK",
            "Menyusun SK",
            "SK",
            "Januari 2022"
        ])));
        assert!(!is_signature(&row(&["", "", "Laporan, notulen, foto"])));
    }

    #[test]
    fn column_number_rows_count_up() {
        let row = |texts: &[&str]| -> Vec<Cell> {
            texts.iter().map(|t| Cell { text: t.to_string(), origin: true }).collect()
        };
        assert!(is_column_numbers(&row(&["1", "2", "3", "4"])));
        assert!(is_column_numbers(&row(&["(1)", "(2)", "(3)"])));
        assert!(!is_column_numbers(&row(&["1", "Tim Kerja", "3"])));
        assert!(!is_column_numbers(&row(&["3", "2", "1"])));
    }
}
