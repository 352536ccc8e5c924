//! The plan as the RKT table people know, for `zi export`: a title block
//! with the unit and the year, the header, a row per area, the component's
//! number and name beside its indicators, one item per line in each cell;
//! with `--with-status` the status columns. Three hidden columns carry the
//! plan file behind each row (path and text), so that `zi import` gives the
//! same files back. The layout is built once (`Layout`) and written as a
//! workbook (`xlsx`) or as CSV (`csv`).

mod csv;
mod layout;
mod xlsx;

pub(crate) use csv::csv;
pub(crate) use layout::Export;
pub(crate) use xlsx::xlsx;
