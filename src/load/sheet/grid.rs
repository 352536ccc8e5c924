//! A sheet as a person sees it: rows of cells as text.

/// One cell as shown.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Cell {
    pub(crate) text: String,
    /// Whether the cell holds its own value: it is not merged, or it is the
    /// top-left cell of its merge. The others repeat that value.
    pub(crate) origin: bool,
}

/// One sheet as shown.
#[derive(Clone, Debug, Default)]
pub(crate) struct Grid {
    pub(crate) name: String,
    pub(crate) hidden: bool,
    /// Row by row from the sheet's first row (`A1`), so that a cell's place
    /// in the grid is its place in the sheet.
    pub(crate) rows: Vec<Vec<Cell>>,
}

impl Grid {
    pub(crate) fn cell(&self, row: usize, col: usize) -> Option<&Cell> {
        self.rows.get(row).and_then(|r| r.get(col))
    }
}
