//! The realistic plan's content, built by `fixture::realistic`: all six areas,
//! every kind of target time, every status, files with awkward names, plan
//! text with `<`, `&` and quotes, and one indicator that cannot be read.
//! Judged as of 2022-08-15 (`fixture::AS_OF`), these hold:
//!
//! | id     | due                    | status on AS_OF        |
//! |--------|------------------------|------------------------|
//! | I.1.1  | Jan 2022               | done                   |
//! | I.1.2  | Jan 2022               | overdue (Daftar hadir) |
//! | I.2.1  | Jul, Des 2022          | overdue (Lembar Monev) |
//! | I.2.2  | Setiap bulan           | due (Agustus)          |
//! | II.1.1 | Jan s/d Des 2022       | on track               |
//! | II.2.1 | Setiap triwulan        | on track               |
//! | III.1.1| Mar 2022               | done (file in folder)  |
//! | III.2.1| Agt 2022               | due                    |
//! | III.2.2| Des 2022 (`evidnce`)   | invalid                |
//! | IV.1.1 | Jun dan Des 2022       | on track               |
//! | IV.2.1 | setiap ada pertemuan   | occurrences (2)        |
//! | V.1.1  | Setiap semester        | on track               |
//! | V.2.1  | Des 2022               | on track               |
//! | VI.1.1 | Feb 2022               | done                   |
//! | VI.2.1 | Setiap triwulan        | overdue (Juni)         |
//!
//! The plan text avoids the words of both languages' labels, so that a
//! label leaking into the wrong language is the only way such a word can
//! appear in the output.

pub const AREAS: [(&str, &str); 6] = [
    ("1-manajemen-perubahan", "Manajemen Perubahan"),
    ("2-penataan-tata-laksana", "Penataan Tata Laksana"),
    ("3-penataan-sistem-manajemen-sdm", "Penataan Sistem Manajemen SDM"),
    ("4-penguatan-akuntabilitas", "Penguatan Akuntabilitas"),
    ("5-penguatan-pengawasan", "Penguatan Pengawasan"),
    ("6-peningkatan-kualitas-pelayanan-publik", "Peningkatan Kualitas Pelayanan Publik"),
];

/// (area index, component dir, component name, indicator file stem, TOML body, evidence files)
pub type Row = (usize, &'static str, &'static str, &'static str, &'static str, &'static [&'static str]);

pub const ROWS: [Row; 15] = [
    (
        0,
        "1-tim-kerja",
        "Tim Kerja",
        "1-sk-tim-kerja",
        r#"indicator = "SK Tim Kerja ZI telah dibuat sesuai prosedur yang telah ditetapkan"
actions = ["Menyusun SK Tim Kerja ZI"]
evidence = ["SK Tim Kerja"]
due = "Jan 2022"
pic = "Kepala Balai"
"#,
        &["2022-01/SK Tim Kerja ZI 2022.pdf"],
    ),
    (
        0,
        "1-tim-kerja",
        "Tim Kerja",
        "2-pemilihan-anggota",
        r#"indicator = "Pemilihan anggota Tim Kerja ZI sesuai prosedur & kriteria <terbuka>"
actions = ["Rapat pemilihan anggota \"Tim ZI\""]
evidence = ["Nota dinas", "Daftar hadir"]
due = "Jan 2022"
"#,
        &["2022-01/nota_dinas_pemilihan.pdf"],
    ),
    (
        0,
        "2-pemantauan-evaluasi",
        "Pemantauan dan Evaluasi pembangunan WBK/WBBM",
        "1-monev-semester",
        r#"indicator = "Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester"
actions = [
  "Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali",
  "Tindak lanjut hasil Monev sebelumnya",
]
evidence = [
  "Undangan rapat",
  "Daftar hadir",
  { name = "Notulasi rapat", file = "notul*" },
  "Lembar Monev ZI",
]
due = "Jul, Des 2022"
pic = "Tim Kerja ZI"
"#,
        &[
            "2022-07/Undangan Rapat Monev.pdf",
            "2022-07/daftar hadir rapat #1.pdf",
            "2022-07/notulasi 50% & tindak lanjut.docx",
            "2022-07/foto kegiatan.jpg",
        ],
    ),
    (
        0,
        "2-pemantauan-evaluasi",
        "Pemantauan dan Evaluasi pembangunan WBK/WBBM",
        "2-rapat-rutin",
        r#"indicator = "Rapat koordinasi rutin Tim Kerja ZI"
actions = ["Rapat koordinasi"]
evidence = ["Notulen"]
due = "Setiap bulan"
"#,
        &[
            "2022-01/notulen.pdf",
            "2022-02/notulen.pdf",
            "2022-03/notulen.pdf",
            "2022-04/notulen.pdf",
            "2022-05/notulen.pdf",
            "2022-06/notulen.pdf",
            "2022-07/notulen.pdf",
        ],
    ),
    (
        1,
        "1-sop",
        "Prosedur operasional tetap (SOP) kegiatan utama",
        "1-sop-peta-proses",
        r#"indicator = "SOP telah mengacu pada \"peta proses bisnis\" instansi"
actions = ["Reviu SOP", "Penetapan SOP"]
evidence = ["SOP", "SK penetapan SOP"]
due = "Jan s/d Des 2022"
"#,
        &["2022-04/SOP pelayanan.pdf"],
    ),
    (
        1,
        "2-e-office",
        "E-Office",
        "1-sistem-kinerja",
        r#"indicator = "Sistem pengukuran kinerja unit menggunakan teknologi informasi"
actions = ["Mengisi aplikasi kinerja"]
evidence = ["Rekap kinerja triwulan"]
due = "Setiap triwulan"
"#,
        &["2022-03/rekap-kinerja-tw1.xlsx", "2022-06/rekap-kinerja-tw2.xlsx"],
    ),
    (
        2,
        "1-kebutuhan-pegawai",
        "Perencanaan kebutuhan pegawai",
        "1-kebutuhan-per-jabatan",
        r#"indicator = "Kebutuhan pegawai disusun per jabatan"
actions = ["Menyusun analisis jabatan"]
evidence = ["Analisis jabatan"]
due = "Mar 2022"
"#,
        &["anjab 2022.pdf"],
    ),
    (
        2,
        "2-pola-mutasi-internal",
        "Pola Mutasi Internal",
        "1-mutasi-antar-jabatan",
        r#"indicator = "Unit kerja telah melakukan mutasi pegawai antar jabatan sesuai pola mutasi internal yang telah ditetapkan oleh pimpinan, dengan memperhatikan kompetensi, masa kerja dan kebutuhan organisasi, serta diumumkan secara terbuka kepada seluruh pegawai"
actions = ["Menyusun pola mutasi", "Melaksanakan mutasi"]
evidence = ["SK mutasi"]
due = "Agt 2022"
"#,
        &[],
    ),
    (
        2,
        "2-pola-mutasi-internal",
        "Pola Mutasi Internal",
        "2-rotasi",
        r#"indicator = "Rotasi pegawai secara berkala"
actions = ["Rotasi"]
evidnce = ["SK rotasi"]
due = "Des 2022"
"#,
        &[],
    ),
    (
        3,
        "1-keterlibatan-pimpinan",
        "Keterlibatan Pimpinan",
        "1-perjanjian-kinerja",
        r#"indicator = "Pimpinan terlibat dalam penyusunan Perjanjian Kinerja"
actions = ["Penyusunan Perjanjian Kinerja"]
evidence = ["Perjanjian Kinerja", "Notulen"]
due = "Jun dan Des 2022"
"#,
        &["2022-02/perjanjian kinerja 2022.pdf", "2022-02/notulen penyusunan PK.pdf"],
    ),
    (
        3,
        "2-nilai-organisasi",
        "Pengelolaan Akuntabilitas Kinerja",
        "1-sosialisasi-nilai",
        r#"indicator = "Sosialisasi nilai-nilai organisasi kepada pegawai"
actions = ["Sosialisasi pada apel pagi"]
evidence = ["Daftar hadir", "Foto"]
due = "setiap ada pertemuan"
"#,
        &["2022-03-10/daftar_hadir.pdf", "2022-03-10/foto apel.jpg", "2022-06/daftar hadir.jpg"],
    ),
    (
        4,
        "1-gratifikasi",
        "Pengendalian Gratifikasi",
        "1-laporan-gratifikasi",
        r#"indicator = "Pengendalian gratifikasi telah dilaksanakan"
actions = ["Pelaporan gratifikasi ke UPG"]
evidence = ["Laporan gratifikasi"]
due = "Setiap semester"
pic = "Unit Pengendali Gratifikasi"
"#,
        &["2022-05/laporan gratifikasi semester I.pdf"],
    ),
    (
        4,
        "2-pengaduan",
        "Pengaduan Masyarakat",
        "1-penanganan-pengaduan",
        r#"indicator = "Penanganan pengaduan masyarakat"
actions = ["Menindaklanjuti pengaduan"]
evidence = []
due = "Des 2022"
"#,
        &[],
    ),
    (
        5,
        "1-standar-pelayanan",
        "Standar Pelayanan",
        "1-standar-maklumat",
        r#"indicator = "Standar pelayanan telah ditetapkan dan dimaklumatkan"
actions = ["Penetapan standar pelayanan", "Maklumat pelayanan"]
evidence = ["Standar pelayanan", "Maklumat pelayanan"]
due = "Feb 2022"
"#,
        &["2022-02/standar pelayanan.pdf", "2022-02/maklumat pelayanan.pdf"],
    ),
    (
        5,
        "2-kepuasan",
        "Penilaian Kepuasan Pelayanan",
        "1-survei-kepuasan",
        r#"indicator = "Survei kepuasan masyarakat secara berkala"
actions = ["Menyebarkan kuesioner", "Merekap hasil survei"]
evidence = ["Kuesioner", "Rekap survei"]
due = "Setiap triwulan"
"#,
        &["2022-03/kuesioner.pdf", "2022-03/rekap survei tw1.xlsx"],
    ),
];
