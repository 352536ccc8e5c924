//! The words the generator writes: the six areas of a ZI plan, the words
//! RKT tables use, the documents they name and the names files get.

/// What every evidence file holds: a few bytes, since an empty file is not
/// a document and zi does not count it.
pub(crate) const EVIDENCE_BYTES: &str = "%PDF-1.4\n";

pub(crate) const AREAS: &[(&str, &[&str])] = &[
    (
        "Manajemen Perubahan",
        &[
            "Penyusunan Tim Kerja",
            "Rencana Pembangunan Zona Integritas",
            "Pemantauan dan Evaluasi Pembangunan WBK/WBBM",
            "Perubahan Pola Pikir dan Budaya Kerja",
        ],
    ),
    (
        "Penataan Tata Laksana",
        &[
            "Prosedur Operasional Tetap (SOP) Kegiatan Utama",
            "Sistem Pemerintahan Berbasis Elektronik",
            "Keterbukaan Informasi Publik",
        ],
    ),
    (
        "Penataan Sistem Manajemen SDM",
        &[
            "Perencanaan Kebutuhan Pegawai",
            "Pola Mutasi Internal",
            "Pengembangan Pegawai Berbasis Kompetensi",
            "Penetapan Kinerja Individu",
            "Penegakan Aturan Disiplin",
            "Sistem Informasi Kepegawaian",
        ],
    ),
    ("Penguatan Akuntabilitas", &["Keterlibatan Pimpinan", "Pengelolaan Akuntabilitas Kinerja"]),
    (
        "Penguatan Pengawasan",
        &[
            "Pengendalian Gratifikasi",
            "Penerapan SPIP",
            "Pengaduan Masyarakat",
            "Whistle-Blowing System",
            "Penanganan Benturan Kepentingan",
        ],
    ),
    (
        "Peningkatan Kualitas Pelayanan Publik",
        &[
            "Standar Pelayanan",
            "Budaya Pelayanan Prima",
            "Penilaian Kepuasan terhadap Pelayanan",
            "Pemanfaatan Teknologi Informasi",
        ],
    ),
];

pub(crate) const INDICATOR_HEADS: &[&str] = &[
    "Penyusunan",
    "Pelaksanaan",
    "Pemantauan dan evaluasi",
    "Sosialisasi",
    "Penetapan",
    "Pembentukan",
    "Peningkatan",
    "Penerapan",
    "Pelaporan",
    "Reviu",
    "Internalisasi",
    "Pembaruan",
];

pub(crate) const INDICATOR_OBJECTS: &[&str] = &[
    "tim kerja pembangunan Zona Integritas",
    "dokumen rencana kerja pembangunan WBK/WBBM",
    "SOP kegiatan utama",
    "standar pelayanan publik",
    "kode etik dan kode perilaku pegawai",
    "pengendalian gratifikasi",
    "whistle blowing system",
    "survei kepuasan masyarakat",
    "penanganan benturan kepentingan",
    "perjanjian kinerja dan sasaran kinerja pegawai",
    "rencana aksi agen perubahan",
    "role model dan agen perubahan",
    "pola mutasi internal",
    "pengembangan kompetensi pegawai",
    "keterbukaan informasi publik",
    "layanan pengaduan masyarakat",
    "e-office dan tata naskah dinas elektronik",
    "manajemen risiko unit kerja",
];

pub(crate) const INDICATOR_TAILS: &[&str] = &[
    "di lingkungan unit kerja",
    "secara berkala",
    "sesuai ketentuan yang berlaku",
    "bagi seluruh pegawai",
    "melalui media sosial dan laman resmi",
    "dengan melibatkan pimpinan",
    "yang ditetapkan oleh kepala satuan kerja",
    "beserta tindak lanjutnya",
    "untuk mendukung pembangunan WBK/WBBM",
    "dan dilaporkan kepada pimpinan",
];

pub(crate) const ACTION_VERBS: &[&str] = &[
    "Rapat koordinasi",
    "Menyusun draf",
    "Menetapkan SK",
    "Melaksanakan",
    "Mendokumentasikan",
    "Mengunggah",
    "Melaporkan hasil",
    "Tindak lanjut hasil",
    "Rapat evaluasi",
    "Menyampaikan undangan",
];

/// Evidence documents as plans name them, with the `file` pattern the plan
/// gives (if any) and a file stem that satisfies the document.
pub(crate) const DOCUMENTS: &[(&str, Option<&[&str]>, &str)] = &[
    ("Undangan rapat", None, "Undangan_Rapat"),
    ("Daftar hadir", None, "daftar-hadir"),
    ("Notulasi rapat", Some(&["notul*"]), "Notulen rapat"),
    ("Foto kegiatan", Some(&["foto*", "*.jpg"]), "foto_kegiatan"),
    ("SK Tim Kerja", Some(&["sk*tim*"]), "SK_Tim_Kerja_ZI"),
    ("Laporan pelaksanaan kegiatan", None, "Laporan Pelaksanaan Kegiatan"),
    ("Dokumen SOP", Some(&["*sop*"]), "SOP_layanan"),
    ("Materi sosialisasi", None, "materi_sosialisasi"),
    ("Lembar Monev ZI", Some(&["*monev*"]), "lembar_monev_zi"),
    ("Bukti pelaksanaan tindak lanjut", Some(&["*tindak*lanjut*"]), "bukti_tindak_lanjut"),
    ("Surat edaran pimpinan", None, "Surat Edaran Pimpinan"),
    ("Laporan survei kepuasan masyarakat", Some(&["*survei*", "*skm*"]), "laporan_skm"),
    ("Rekapitulasi pengaduan", Some(&["rekap*"]), "rekap_pengaduan"),
    ("Tangkapan layar laman", Some(&["*screenshot*", "*tangkapan*layar*"]), "screenshot_laman"),
];

pub(crate) const MONTHS: [&str; 12] = [
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

/// Other spellings SPEC accepts, by month: abbreviations, English, old forms.
pub(crate) const MONTH_VARIANTS: [&[&str]; 12] = [
    &["Jan", "January"],
    &["Feb", "Pebruari", "February"],
    &["Mar", "March"],
    &["Apr"],
    &["May"],
    &["Jun", "June"],
    &["Jul", "July"],
    &["Agt", "Agu", "Ags", "August"],
    &["Sep", "Sept"],
    &["Okt", "Oct", "October"],
    &["Nop", "Nopember", "Nov"],
    &["Des", "Dec", "December"],
];

pub(crate) const EXTENSIONS: &[&str] = &["pdf", "pdf", "pdf", "docx", "jpg", "xlsx", "png"];

/// Names of files that teams drop into evidence folders and that satisfy no
/// document of an indicator that names several: phone photos, scanner
/// output, downloads. Each is a `{}` pattern filled with a number.
pub(crate) const STRAY_NAMES: &[&str] = &[
    "scan_{}.pdf",
    "IMG-2022{}-WA0003.jpeg",
    "WhatsApp Image 2022-03-{} at 09.15.22.jpeg",
    "Dokumen ({}).pdf",
    "Doc{}.docx",
    "CamScanner {}.pdf",
];

/// Kinds of work unit, for the names of a workspace's units: the folder
/// slug and the unit's name.
pub(crate) const UNIT_KINDS: &[(&str, &str)] = &[
    ("balai", "Balai Penelitian"),
    ("kpp", "Kantor Pelayanan Pajak Pratama"),
    ("kanwil", "Kantor Wilayah"),
    ("satker", "Satuan Kerja"),
    ("lapas", "Lembaga Pemasyarakatan Kelas IIA"),
    ("bbpom", "Balai Besar POM"),
];
