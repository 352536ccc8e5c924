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

/// Three-letter month names for narrow columns, January first.
const MONTHS_SHORT_ID: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];
const MONTHS_SHORT_EN: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

impl Lang {
    /// The short name of `month` (1..=12), for timeline columns.
    pub fn month_short(self, month: u32) -> &'static str {
        let names = match self {
            Lang::Id => &MONTHS_SHORT_ID,
            Lang::En => &MONTHS_SHORT_EN,
        };
        names[(month.clamp(1, 12) - 1) as usize]
    }

    /// The `lang` attribute of an HTML page.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
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
    // Statuses of indicators (SPEC "Status").
    pub status_done: &'static str,
    pub status_on_track: &'static str,
    pub status_due: &'static str,
    pub status_overdue: &'static str,
    pub status_occurrences: &'static str,
    pub status_invalid: &'static str,
    // Diagnostics.
    pub error: &'static str,
    pub warning: &'static str,
    pub hint: &'static str,
    // The HTML report.
    pub contents: &'static str,
    pub progress_per_area: &'static str,
    pub indicators: &'static str,
    pub by_status: &'static str,
    pub timeline: &'static str,
    pub legend: &'static str,
    pub upcoming: &'static str,
    pub period_months: &'static str,
    pub occurrence_with_files: &'static str,
    pub this_month: &'static str,
    pub overdue_documents: &'static str,
    pub missing_documents: &'static str,
    pub documents_and_files: &'static str,
    pub plan_file: &'static str,
    pub evidence_folder: &'static str,
    pub problem: &'static str,
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
    status_done: "done",
    status_on_track: "on track",
    status_due: "due",
    status_overdue: "overdue",
    status_occurrences: "occurrences",
    status_invalid: "invalid",
    error: "error",
    warning: "warning",
    hint: "hint",
    contents: "Contents",
    progress_per_area: "Progress per area",
    indicators: "Indicators",
    by_status: "Indicators by status",
    timeline: "Timeline",
    legend: "Legend",
    upcoming: "upcoming",
    period_months: "earlier months of the period",
    occurrence_with_files: "occurrence with files",
    this_month: "this month",
    overdue_documents: "Overdue: missing documents",
    missing_documents: "Missing documents",
    documents_and_files: "Documents and files per indicator",
    plan_file: "Plan file",
    evidence_folder: "Evidence folder",
    problem: "Problem",
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
    status_done: "selesai",
    status_on_track: "sesuai jadwal",
    status_due: "jatuh tempo",
    status_overdue: "terlambat",
    status_occurrences: "insidental",
    status_invalid: "tidak valid",
    error: "galat",
    warning: "peringatan",
    hint: "saran",
    contents: "Isi",
    progress_per_area: "Kemajuan per area",
    indicators: "Indikator",
    by_status: "Indikator per status",
    timeline: "Linimasa",
    legend: "Keterangan",
    upcoming: "akan datang",
    period_months: "bulan sebelumnya dalam periode",
    occurrence_with_files: "kejadian yang berberkas",
    this_month: "bulan ini",
    overdue_documents: "Terlambat: dokumen yang kurang",
    missing_documents: "Dokumen yang kurang",
    documents_and_files: "Dokumen dan berkas per indikator",
    plan_file: "Berkas rencana",
    evidence_folder: "Folder bukti",
    problem: "Masalah",
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
    pub fn month(self, month: crate::model::month::YearMonth) -> String {
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

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Sentences that carry numbers. Indonesian nouns do not inflect for number,
/// so only the English forms count.
impl Lang {
    /// The closing line of `zi check`: "2 errors, 1 warning".
    pub fn errors_and_warnings(self, errors: usize, warnings: usize) -> String {
        match self {
            Lang::En => format!("{errors} error{}, {warnings} warning{}", plural(errors), plural(warnings)),
            Lang::Id => format!("{errors} galat, {warnings} peringatan"),
        }
    }

    /// The note on standard error when plan files have errors.
    pub fn problems_in_plan(self, errors: usize) -> String {
        match self {
            Lang::En => format!("{errors} problem(s) in plan files; run `zi check` for details"),
            Lang::Id => {
                format!("{errors} masalah dalam berkas rencana; jalankan `zi check` untuk rinciannya")
            }
        }
    }

    /// How long until a period ends: "due in 3 days".
    pub fn due_in_days(self, days: i64) -> String {
        match self {
            Lang::En => format!("due in {days} day{}", if days == 1 { "" } else { "s" }),
            Lang::Id => format!("jatuh tempo {days} hari lagi"),
        }
    }

    pub fn nothing_overdue(self, as_of: &str) -> String {
        match self {
            Lang::En => format!("nothing overdue as of {as_of}"),
            Lang::Id => format!("tidak ada yang terlambat per {as_of}"),
        }
    }

    /// "3 overdue periods in 2 indicators as of 2022-08-15".
    pub fn overdue_periods(self, periods: usize, indicators: usize, as_of: &str) -> String {
        match self {
            Lang::En => format!(
                "{periods} overdue period{} in {indicators} indicator{} as of {as_of}",
                plural(periods),
                plural(indicators)
            ),
            Lang::Id => format!("{periods} periode terlambat pada {indicators} indikator per {as_of}"),
        }
    }

    pub fn invalid_indicators(self, n: usize) -> String {
        match self {
            Lang::En => format!("{n} invalid indicator{} (see `zi check`)", plural(n)),
            Lang::Id => format!("{n} indikator tidak valid (lihat `zi check`)"),
        }
    }

    pub fn periods_due_soon(self, n: usize) -> String {
        match self {
            Lang::En => format!("{n} period{} due soon", plural(n)),
            Lang::Id => format!("{n} periode segera jatuh tempo"),
        }
    }

    /// Where to look after `zi overdue`.
    pub fn show_one_hint(self) -> &'static str {
        match self {
            Lang::En => "`zi show ID` shows one in full",
            Lang::Id => "`zi show ID` menampilkan rinciannya",
        }
    }

    /// Refusal of IDs that select nothing; `ids` are already quoted.
    pub fn no_indicator_matches(self, ids: &str) -> String {
        match self {
            Lang::En => format!(
                "no indicator matches {ids}\n  hint: ids look like III, III.3 or III.3.4; `zi status` lists them"
            ),
            Lang::Id => format!(
                "tidak ada indikator yang cocok dengan {ids}\n  saran: id berbentuk III, III.3 atau III.3.4; `zi status` mencantumkannya"
            ),
        }
    }

    /// Refusal of `zi show` for an ID that selects several indicators.
    pub fn show_takes_one(self, id: &str, count: usize, listed: &str) -> String {
        match self {
            Lang::En => format!(
                "`{id}` matches {count} indicators ({listed}); `zi show` takes one\n  hint: `zi status {id}` lists them"
            ),
            Lang::Id => format!(
                "`{id}` cocok dengan {count} indikator ({listed}); `zi show` hanya menerima satu\n  saran: `zi status {id}` mencantumkannya"
            ),
        }
    }

    /// Refusal to replace a file that zi did not write.
    pub fn not_written_by_zi(self, path: &str) -> String {
        match self {
            Lang::En => format!(
                "{path} exists and was not written by zi; not replacing it\n  hint: choose another file, or pass --force to replace it"
            ),
            Lang::Id => format!(
                "{path} sudah ada dan bukan dibuat oleh zi; tidak ditimpa\n  saran: pilih berkas lain, atau tambahkan --force untuk menimpanya"
            ),
        }
    }

    /// Refusal to write a report into a folder.
    pub fn output_is_folder(self, path: &str) -> String {
        match self {
            Lang::En => format!("{path} is a folder\n  hint: name a file, e.g. {path}/laporan.html"),
            Lang::Id => format!("{path} adalah folder\n  saran: sebutkan berkas, mis. {path}/laporan.html"),
        }
    }
}
