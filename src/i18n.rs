//! Labels in Indonesian and English. Every word the interface prints comes
//! from here, so `--lang id|en` covers every format.

use serde::Serialize;

/// The language of output labels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Id,
    En,
}

/// Indonesian month names, January first.
pub const MONTHS_ID: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// English month names, January first.
pub const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Lang {
    /// The full name of `month` (1..=12).
    pub fn month_name(self, month: u32) -> &'static str {
        let names = match self {
            Lang::Id => &MONTHS_ID,
            Lang::En => &MONTHS_EN,
        };
        names[(month.clamp(1, 12) - 1) as usize]
    }
}

/// Picks the English or Indonesian form of a message.
pub fn tr<T: Into<String>>(lang: Lang, en: T, id: T) -> String {
    match lang {
        Lang::En => en.into(),
        Lang::Id => id.into(),
    }
}

/// Every fixed label of the reports, in one language.
pub struct Labels {
    pub id: &'static str,
    pub indicator: &'static str,
    pub status: &'static str,
    pub next_deadline: &'static str,
    pub to_date: &'static str,
    pub year: &'static str,
    pub total: &'static str,
    pub area: &'static str,
    pub component: &'static str,
    pub as_of: &'static str,
    pub plan_year: &'static str,
    pub target: &'static str,
    pub actions: &'static str,
    pub evidence: &'static str,
    pub period: &'static str,
    pub document: &'static str,
    pub files: &'static str,
    pub state: &'static str,
    pub missing: &'static str,
    pub unmatched: &'static str,
    pub occurrences: &'static str,
    pub pic: &'static str,
    pub path: &'static str,
    pub month: &'static str,
    pub none: &'static str,
    pub complete: &'static str,
    pub open: &'static str,
    pub due: &'static str,
    pub overdue: &'static str,
    pub due_within: &'static str,
    pub default_title: &'static str,
    pub no_target: &'static str,
    pub loose_files: &'static str,
    pub changes: &'static str,
    pub working_tree: &'static str,
    pub change: &'static str,
    pub slipped: &'static str,
    pub target_changed: &'static str,
    pub status_changed: &'static str,
    pub periods_completed: &'static str,
    pub periods_reopened: &'static str,
    pub documents_added: &'static str,
    pub documents_removed: &'static str,
    pub indicators_added: &'static str,
    pub indicators_removed: &'static str,
    pub no_changes: &'static str,
    pub matches_no_document: &'static str,
}

pub static EN: Labels = Labels {
    id: "ID",
    indicator: "Indicator",
    status: "Status",
    next_deadline: "Next deadline",
    to_date: "To date",
    year: "Year",
    total: "Total",
    area: "Area",
    component: "Component",
    as_of: "as of",
    plan_year: "plan year",
    target: "Target",
    actions: "Actions",
    evidence: "Evidence",
    period: "Period",
    document: "Document",
    files: "Files",
    state: "State",
    missing: "missing",
    unmatched: "files matching no document",
    occurrences: "occurrences",
    pic: "Responsible",
    path: "File",
    month: "Month",
    none: "—",
    complete: "complete",
    open: "open",
    due: "due",
    overdue: "overdue",
    due_within: "due soon",
    default_title: "Integrity Zone Work Plan",
    no_target: "(no target time)",
    loose_files: "files outside month folders",
    changes: "What changed",
    working_tree: "working tree",
    change: "Change",
    slipped: "Deadlines moved later",
    target_changed: "Target times changed",
    status_changed: "Status changed",
    periods_completed: "Periods completed",
    periods_reopened: "Periods no longer complete",
    documents_added: "Documents added",
    documents_removed: "Documents removed",
    indicators_added: "Indicators added",
    indicators_removed: "Indicators removed",
    no_changes: "no change in status",
    matches_no_document: "matches no document",
};

pub static ID: Labels = Labels {
    id: "ID",
    indicator: "Indikator",
    status: "Status",
    next_deadline: "Tenggat berikut",
    to_date: "S.d. kini",
    year: "Setahun",
    total: "Total",
    area: "Area",
    component: "Komponen",
    as_of: "per",
    plan_year: "tahun rencana",
    target: "Target waktu",
    actions: "Langkah aksi",
    evidence: "Bukti fisik",
    period: "Periode",
    document: "Dokumen",
    files: "Berkas",
    state: "Keadaan",
    missing: "kurang",
    unmatched: "berkas yang tidak cocok dengan dokumen mana pun",
    occurrences: "kejadian",
    pic: "Penanggung jawab",
    path: "Berkas",
    month: "Bulan",
    none: "—",
    complete: "lengkap",
    open: "berjalan",
    due: "jatuh tempo",
    overdue: "terlambat",
    due_within: "segera jatuh tempo",
    default_title: "Rencana Kerja Tahunan Pembangunan Zona Integritas",
    no_target: "(tanpa target waktu)",
    loose_files: "berkas di luar folder bulan",
    changes: "Perubahan",
    working_tree: "direktori kerja",
    change: "Perubahan",
    slipped: "Tenggat diundur",
    target_changed: "Target waktu berubah",
    status_changed: "Status berubah",
    periods_completed: "Periode menjadi lengkap",
    periods_reopened: "Periode tidak lagi lengkap",
    documents_added: "Dokumen ditambahkan",
    documents_removed: "Dokumen dihapus",
    indicators_added: "Indikator ditambahkan",
    indicators_removed: "Indikator dihapus",
    no_changes: "tidak ada perubahan status",
    matches_no_document: "tidak cocok dengan dokumen mana pun",
};

impl Lang {
    pub fn labels(self) -> &'static Labels {
        match self {
            Lang::Id => &ID,
            Lang::En => &EN,
        }
    }

    /// "Juli 2022" / "July 2022".
    pub fn month(self, month: crate::month::YearMonth) -> String {
        format!("{} {}", self.month_name(month.month()), month.year())
    }

    /// The language `LANG` asks for: Indonesian for `id*`/`in*`, else English.
    pub fn from_env_value(value: &str) -> Lang {
        let lower = value.to_ascii_lowercase();
        if lower.starts_with("id") || lower.starts_with("in_") {
            Lang::Id
        } else {
            Lang::En
        }
    }
}
