//! The RKT table as CSV.

use anyhow::Result;

use super::layout::{clip, Export};

/// The table as CSV for Indonesian Excel: UTF-8 with a byte order mark (or
/// Excel takes it for the local code page), `;` between fields (the list
/// separator of an Indonesian Windows, whose decimal separator is the
/// comma), CRLF line ends, fields quoted when they must be; merged cells
/// hold their value in the top-left cell and nothing elsewhere.
pub(crate) fn csv(export: &Export) -> Result<Vec<u8>> {
    let layout = export.layout();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new()
            .delimiter(b';')
            .terminator(::csv::Terminator::CRLF)
            .flexible(true)
            .from_writer(&mut out);
        for row in &layout.rows {
            writer.write_record(row.cells.iter().map(|c| clip(c)))?;
        }
        writer.flush()?;
    }
    Ok(out)
}
