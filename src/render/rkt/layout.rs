//! The RKT table cell by cell, the same for every format: title block,
//! header, area rows, components beside their indicators, merges.

use std::collections::HashMap;

use crate::judge::evaluate::{Evaluation, IndicatorReport, PeriodState};
use crate::model::plan::CONFIG_FILE;
use crate::model::rkt::{items_cell, roman, Column, Rkt, COMPONENT_TEXT_TITLE, PATH_TITLE, TEXT_TITLE};
use crate::render::words::{document_name, fraction, status_text};
use crate::text::Lang;

/// What to export.
pub(crate) struct Export<'a> {
    pub(crate) rkt: &'a Rkt,
    /// The judged plan, for `--with-status`.
    pub(crate) status: Option<&'a Evaluation>,
    pub(crate) lang: Lang,
}

/// The kind of a row, which sets its look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum RowKind {
    Title,
    Blank,
    Header,
    Area,
    Indicator,
}

pub(super) struct Row {
    pub(super) kind: RowKind,
    pub(super) cells: Vec<String>,
}

/// A block of cells shown as one; its value sits in the top-left cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Merge {
    pub(super) first_row: usize,
    pub(super) last_row: usize,
    pub(super) first_col: usize,
    pub(super) last_col: usize,
}

/// The table, cell by cell.
pub(super) struct Layout {
    pub(super) columns: Vec<Column>,
    pub(super) rows: Vec<Row>,
    pub(super) merges: Vec<Merge>,
    pub(super) header_row: usize,
}

/// Excel's limit on a cell's text; longer cells are cut (the hidden text
/// column keeps the whole file when it fits).
pub(crate) const MAX_CELL_CHARS: usize = 32_767;

impl Export<'_> {
    fn columns(&self) -> Vec<Column> {
        use Column::*;
        let mut columns = vec![No, Component, Indicator, Actions, Evidence, Due, Pic];
        if self.status.is_some() {
            columns.extend([Status, Documents, Remarks]);
        }
        columns.extend([Path, Text, ComponentText]);
        columns
    }

    fn title(&self, column: Column) -> &'static str {
        let l = self.lang.rkt();
        match column {
            Column::No => l.no,
            Column::Component => l.component,
            Column::Indicator => l.indicator,
            Column::Actions => l.actions,
            Column::Evidence => l.evidence,
            Column::Due => l.due,
            Column::Pic => l.pic,
            Column::Status => l.status,
            Column::Documents => l.documents,
            Column::Remarks => l.remarks,
            Column::Path => PATH_TITLE,
            Column::Text => TEXT_TITLE,
            Column::ComponentText => COMPONENT_TEXT_TITLE,
        }
    }

    /// The title block: the plan's title, the unit, the year.
    pub(super) fn title_lines(&self) -> Vec<String> {
        let title = self.rkt.title.clone().unwrap_or_else(|| self.lang.labels().default_title.to_uppercase());
        let mut lines = vec![title];
        lines.extend(self.rkt.unit.clone());
        lines.extend(self.rkt.year.map(|y| format!("{} {y}", self.lang.rkt().year)));
        lines
    }

    pub(super) fn layout(&self) -> Layout {
        let columns = self.columns();
        let width = columns.len();
        let at = |c: Column| columns.iter().position(|x| *x == c).unwrap_or(0);
        let blank = || vec![String::new(); width];
        let mut rows = Vec::new();
        let mut merges = Vec::new();
        let visible_last = at(Column::Path) - 1;
        for (i, line) in self.title_lines().into_iter().enumerate() {
            let mut cells = blank();
            cells[0] = line;
            if i == 0 {
                cells[at(Column::Path)] = CONFIG_FILE.to_string();
                cells[at(Column::Text)] = carried(self.rkt.config.as_deref());
            }
            merges.push(Merge {
                first_row: rows.len(),
                last_row: rows.len(),
                first_col: 0,
                last_col: visible_last,
            });
            rows.push(Row { kind: RowKind::Title, cells });
        }
        rows.push(Row { kind: RowKind::Blank, cells: blank() });
        let header_row = rows.len();
        rows.push(Row {
            kind: RowKind::Header,
            cells: columns.iter().map(|c| self.title(*c).to_string()).collect(),
        });
        let reports = self.reports();
        for area in &self.rkt.areas {
            let mut cells = blank();
            cells[at(Column::No)] = roman(area.number);
            cells[at(Column::Component)] = area.name.clone();
            cells[at(Column::Path)] = area.carried.path.clone().unwrap_or_default();
            cells[at(Column::Text)] = carried(area.carried.text.as_deref());
            let row = rows.len();
            merges.push(Merge { first_row: row, last_row: row, first_col: 1, last_col: visible_last });
            rows.push(Row { kind: RowKind::Area, cells });
            for component in &area.components {
                let first = rows.len();
                let count = component.indicators.len().max(1);
                for (i, indicator) in component.indicators.iter().enumerate() {
                    let mut cells = blank();
                    if i == 0 {
                        cells[at(Column::No)] = component.number.to_string();
                        cells[at(Column::Component)] = component.name.clone();
                        cells[at(Column::ComponentText)] = carried(component.carried.text.as_deref());
                    }
                    cells[at(Column::Indicator)] = indicator.text.clone();
                    cells[at(Column::Actions)] = items_cell(&indicator.actions);
                    cells[at(Column::Evidence)] = items_cell(&indicator.evidence);
                    cells[at(Column::Due)] = indicator.due.clone();
                    cells[at(Column::Pic)] = indicator.pic.clone().unwrap_or_default();
                    let path = indicator.carried.path.clone().unwrap_or_default();
                    if let Some(report) = reports.get(path.as_str()) {
                        cells[at(Column::Status)] = status_text(report, self.lang);
                        cells[at(Column::Documents)] = fraction(report.to_date, self.lang);
                        cells[at(Column::Remarks)] = missing_to_date(report, self.lang);
                    }
                    cells[at(Column::Path)] = path;
                    cells[at(Column::Text)] = carried(indicator.carried.text.as_deref());
                    rows.push(Row { kind: RowKind::Indicator, cells });
                }
                if component.indicators.is_empty() {
                    let mut cells = blank();
                    cells[at(Column::No)] = component.number.to_string();
                    cells[at(Column::Component)] = component.name.clone();
                    cells[at(Column::ComponentText)] = carried(component.carried.text.as_deref());
                    cells[at(Column::Path)] = component.carried.path.clone().unwrap_or_default();
                    rows.push(Row { kind: RowKind::Indicator, cells });
                }
                if count > 1 {
                    for col in [at(Column::No), at(Column::Component), at(Column::ComponentText)] {
                        merges.push(Merge {
                            first_row: first,
                            last_row: first + count - 1,
                            first_col: col,
                            last_col: col,
                        });
                    }
                }
            }
        }
        Layout { columns, rows, merges, header_row }
    }

    /// The judged indicators by plan path.
    fn reports(&self) -> HashMap<&str, &IndicatorReport> {
        self.status
            .map(|eval| eval.indicators.iter().map(|r| (r.file.path.as_str(), r)).collect())
            .unwrap_or_default()
    }
}

/// The documents missing in the periods that have ended, one per line.
fn missing_to_date(report: &IndicatorReport, lang: Lang) -> String {
    let mut names: Vec<String> = Vec::new();
    for period in report.periods.iter().filter(|p| p.state == PeriodState::Overdue) {
        for name in &period.missing {
            let name = document_name(name, lang).to_string();
            if !names.contains(&name) {
                names.push(name);
            }
        }
    }
    names.join("\n")
}

/// A plan file's text for its hidden cell: whole, or not at all when it
/// is longer than a cell holds (the row's cells then stand for it alone).
fn carried(text: Option<&str>) -> String {
    text.filter(|t| t.chars().count() <= MAX_CELL_CHARS).unwrap_or_default().to_string()
}

/// `text` cut to what a cell holds.
pub(super) fn clip(text: &str) -> &str {
    match text.char_indices().nth(MAX_CELL_CHARS) {
        Some((at, _)) => &text[..at],
        None => text,
    }
}

/// The flat sheet of `--with-status`: one row per indicator, for filtering.
pub(super) fn flat_rows(export: &Export) -> Vec<Vec<String>> {
    let l = export.lang.rkt();
    let mut rows =
        vec![[l.id, l.area, l.component, l.indicator, l.due, l.pic, l.status, l.documents, l.remarks]
            .map(str::to_string)
            .to_vec()];
    let reports = export.reports();
    for area in &export.rkt.areas {
        for component in &area.components {
            for (i, indicator) in component.indicators.iter().enumerate() {
                let path = indicator.carried.path.as_deref().unwrap_or_default();
                let report = reports.get(path);
                let id = report.map_or_else(
                    || format!("{}.{}.{}", roman(area.number), component.number, i + 1),
                    |r| r.file.id.clone(),
                );
                rows.push(vec![
                    id,
                    area.name.clone(),
                    component.name.clone(),
                    indicator.text.clone(),
                    indicator.due.clone(),
                    indicator.pic.clone().unwrap_or_default(),
                    report.map(|r| status_text(r, export.lang)).unwrap_or_default(),
                    report.map(|r| fraction(r.to_date, export.lang)).unwrap_or_default(),
                    report.map(|r| missing_to_date(r, export.lang)).unwrap_or_default(),
                ]);
            }
        }
    }
    rows
}
