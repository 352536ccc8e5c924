//! Spreadsheets → grids of text: `.xlsx`, `.xls`, `.ods` through calamine,
//! `.csv` through the csv crate. A grid is what a person sees: every cell
//! as text (numbers without a stray `.0`, dates as month text), merged
//! cells filled with the value of their top-left cell and marked as such,
//! so that the table reader (`table`) never asks which program wrote it.

mod grid;
mod read;
mod table;

pub(crate) use grid::Grid;
pub(crate) use read::{read, SheetError};
pub(crate) use table::{read_table, Imported};
