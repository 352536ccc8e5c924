//! Reads every cell of every sheet of a workbook with calamine and nothing
//! else: the floor `scripts/bench-spreadsheet.sh` measures `zi import`
//! against.
//!
//! ```text
//! cargo run --release --example calamine-read -- rkt.xlsx
//! ```

use anyhow::{Context, Result};
use calamine::{Data, Reader};

fn main() -> Result<()> {
    let path = std::env::args_os().nth(1).context("usage: calamine-read WORKBOOK")?;
    let mut book = calamine::open_workbook_auto(&path)?;
    let mut cells = 0usize;
    let mut bytes = 0usize;
    for name in book.sheet_names() {
        let range = book.worksheet_range(&name)?;
        for cell in range.used_cells() {
            cells += 1;
            if let (_, _, Data::String(s)) = cell {
                bytes += s.len();
            }
        }
    }
    println!("{cells} cells, {bytes} bytes of text");
    Ok(())
}
