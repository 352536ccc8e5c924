//! The words of a workspace's reports: the table of units that heads them
//! and the page of the inspectorate, in each language. One struct, filled
//! once per language, so the compiler makes both say everything.

/// Every fixed word of the workspace reports.
pub(crate) struct WorkspaceLabels {
    /// The heading of the table of units.
    pub(crate) units: &'static str,
    /// The column of a unit's folder (its tag).
    pub(crate) folder: &'static str,
    /// The column of the unit's name (`zi.toml`'s `unit`).
    pub(crate) unit: &'static str,
    pub(crate) score: &'static str,
    /// After a projected score.
    pub(crate) projection: &'static str,
    pub(crate) problems: &'static str,
    pub(crate) errors: &'static str,
    pub(crate) warnings: &'static str,
    /// A folder matched by the globs that holds no `zi.toml`.
    pub(crate) not_a_unit: &'static str,
    /// A unit zi could not judge (its `zi.toml` is broken, git fails on it,
    /// it is its own repository, it is not staged): its problems say why.
    pub(crate) not_judged: &'static str,
    /// The default title of a workspace report.
    pub(crate) default_title: &'static str,
    /// "3 units", "1 unit".
    pub(crate) units_count: fn(usize) -> String,
    /// The link from a unit's section back to the table.
    pub(crate) back_to_units: &'static str,
}

pub(super) static EN: WorkspaceLabels = WorkspaceLabels {
    units: "Units",
    folder: "Folder",
    unit: "Unit",
    score: "Score",
    projection: "projection",
    problems: "Problems",
    errors: "Errors",
    warnings: "Warnings",
    not_a_unit: "not a unit: no zi.toml",
    not_judged: "not judged: see its problems",
    default_title: "Integrity Zone work plans",
    units_count: |n| format!("{n} unit{}", if n == 1 { "" } else { "s" }),
    back_to_units: "back to the units",
};

pub(super) static ID: WorkspaceLabels = WorkspaceLabels {
    units: "Unit",
    folder: "Folder",
    unit: "Unit kerja",
    score: "Nilai",
    projection: "proyeksi",
    problems: "Masalah",
    errors: "Kesalahan",
    warnings: "Peringatan",
    not_a_unit: "bukan unit: tidak ada zi.toml",
    not_judged: "tidak dinilai: lihat masalahnya",
    default_title: "Rencana kerja Zona Integritas",
    units_count: |n| format!("{n} unit"),
    back_to_units: "kembali ke daftar unit",
};
