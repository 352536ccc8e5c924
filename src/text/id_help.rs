//! `--help` dalam bahasa Indonesia: what each command and flag does, and
//! the words around them. Keys are explained in `crate::cli`.

use super::catalogue::{indented, quoted, HelpWords};
use crate::problem::{Tip, UsageKind, Wanted};

pub(super) static WORDS: HelpWords = HelpWords {
    usage: "Penggunaan:",
    commands: "Perintah",
    arguments: "Argumen",
    options: "Opsi",
    options_tag: "[OPSI]",
    command_tag: "PERINTAH",
    default: "bawaan",
    possible_values: "pilihan",
    tip: "saran",
    more_information: "Untuk keterangan lebih lanjut, jalankan dengan '--help'.",
};

/// The help of each command and flag, by key.
pub(super) static HELP: &[(&str, &str)] = &[
    ("zi", "Menjaga rencana kerja Zona Integritas (RKT) tetap jujur, tepat waktu, dan siap dievaluasi"),
    ("zi.dir", "Jalankan seolah-olah dimulai di folder DIR"),
    ("zi.as_of", "Nilai rencana per tanggal ini, bukan hari ini [env: ZI_TODAY=]"),
    ("zi.lang", "Bahasa label dan pesan (`lang` di zi.toml, jika tidak ada LANG, jika tidak ada en)"),
    ("zi.help", "Tampilkan bantuan"),
    ("zi.version", "Tampilkan versi"),
    ("format", "Format keluaran"),
    ("pic", "Hanya indikator yang penanggung jawabnya memuat TEXT (huruf besar/kecil sama saja)"),
    ("units", "Di akar ruang kerja: hanya unit di folder bernama TEXT, atau unit yang folder atau namanya memuat TEXT (huruf besar/kecil sama saja); boleh berulang"),
    ("help", "Tampilkan pesan ini atau bantuan untuk perintah yang disebut"),
    ("help.subcommand", "Perintah yang dijelaskan"),
    ("status", "Status setiap indikator, per area dan komponen, beserta jumlahnya"),
    ("status.only", "Hanya indikator dengan salah satu status ini (mis. --only overdue due)"),
    ("status.ids", "Area, komponen, atau indikator yang ditampilkan (III, III.3, III.3.4, atau path berkas)"),
    ("overdue", "Periode yang lewat tenggat tanpa bukti lengkap (status keluar 1 jika ada)"),
    ("overdue.ids", "Area, komponen, atau indikator yang didaftar (III, III.3, III.3.4, atau path berkas)"),
    ("overdue.within", "Tampilkan juga periode yang jatuh tempo dalam DAYS hari (tidak mengubah status keluar)"),
    ("overdue.staged", "Nilai rencana sebagaimana di-stage di indeks git (isi commit), bukan pohon kerja"),
    (
        "overdue.new_since",
        "Tampilkan semua, tetapi status keluar hanya menghitung yang belum terlambat atau tidak valid di REV (mis. HEAD)",
    ),
    ("check", "Setiap masalah di rencana dan bukti, dengan berkas:baris:kolom dan saran"),
    ("check.strict", "Gagal juga bila ada peringatan"),
    (
        "report",
        "Satu halaman HTML mandiri: kemajuan per area, linimasa setahun, yang terlambat, \
         dan setiap dokumen beserta berkas yang memenuhinya",
    ),
    ("report.ids", "Area, komponen, atau indikator yang dimuat (III, III.3, III.3.4, atau path berkas)"),
    ("report.output", "Tulis halaman ke FILE (secara atomik), bukan ke keluaran standar"),
    ("report.force", "Timpa FILE meskipun bukan zi yang menulisnya"),
    ("show", "Satu indikator secara lengkap: aksi, periode × dokumen, berkas yang cocok"),
    ("show.id", "Indikatornya (III.3.4 atau path berkasnya)"),
    ("hook", "Pasang atau lepas hook pre-commit git yang menjalankan `zi overdue`"),
    ("hook.install", "Pasang hook pre-commit (hook yang bukan buatan zi tidak diganti, kecuali dengan --force)"),
    ("hook.install.force", "Ganti hook pre-commit yang bukan buatan zi (hook lama disimpan sebagai pre-commit.before-zi)"),
    ("hook.uninstall", "Lepas hook pre-commit yang dipasang zi (dan kembalikan hook yang digantikannya)"),
    ("hook.run", "Yang dijalankan hook pre-commit: rencana yang di-stage, ditolak sesuai [hook] gate di zi.toml"),
    ("fmt", "Tulis ulang berkas rencana dalam tata letak baku (dengan --check: status keluar 1 jika ada yang berbeda)"),
    ("fmt.check", "Jangan menulis apa pun; sebutkan berkas yang belum dalam tata letak baku"),
    ("fmt.paths", "Berkas atau folder yang dirapikan (jika tidak ada: zi.toml dan setiap berkas .toml di bawah plan/)"),
    ("diff", "Apa yang berubah pada status di antara dua commit (jika tidak ada: HEAD terhadap working tree)"),
    ("init", "Mulai rencana: zi.toml, enam area dan pertanyaan pemenuhan LKE sebagai indikator, folder bukti"),
    ("init.folder", "Folder tempat rencana dimulai (jika tidak ada: folder ini)"),
    ("init.unit", "Satuan kerja"),
    ("init.year", "Tahun rencana"),
    ("init.from", "Mulai dari rencana tahun lalu di PLAN_DIR: berkas yang sama, tahun target dimajukan, tanpa bukti"),
    ("init.evidence_folders", "Hanya buat folder bukti yang belum dimiliki indikator rencana ini"),
    ("init.workspace", "Mulai ruang kerja banyak unit: zi.toml dengan [workspace] units = [\"units/*\"] dan folder units/"),
    ("import", "Membaca tabel RKT (.xlsx, .xls, .ods, .csv) dan menulis berkas rencananya"),
    ("import.file", "Lembar kerjanya"),
    ("import.sheet", "Baca lembar ini (jika tidak ada: lembar pertama yang judul kolomnya dikenal zi)"),
    ("import.dry_run", "Tidak menulis apa pun; sebutkan berkas yang akan ditulis"),
    ("import.force", "Ganti berkas rencana di folder yang sudah berisi rencana"),
    ("import.unit", "Satuan kerja, bila blok judul tidak menyebutnya (atau untuk menggantinya)"),
    ("import.year", "Tahun rencana, bila blok judul tidak menyebutnya (atau untuk menggantinya)"),
    ("export", "Menulis rencana sebagai tabel RKT yang dikenal evaluator (.xlsx atau .csv)"),
    ("export.output", "Tulis ke FILE (secara atomik), bukan ke keluaran standar"),
    ("export.format", "Formatnya (jika tidak ada: dari ekstensi FILE, atau xlsx)"),
    ("export.with_status", "Tambahkan STATUS, DOKUMEN dan KETERANGAN per --as-of, dan lembar datar"),
    ("export.force", "Ganti FILE meskipun bukan zi yang menulisnya"),
    ("diff.range", "Satu commit (terhadap working tree) atau rentang A..B"),
    (
        "score",
        "Nilai LKE: rekap per area, hasil, kesimpulan WBK/WBBM, nilai yang hilang, kesiapan \
         (proyeksi dari bukti dukung bila belum ada penilaian)",
    ),
    ("score.file", "Penilaian yang dinilai (bila tidak ada: yang terbaru di assessments/)"),
    ("score.target", "Target yang diperiksa --check dan ditandai di rekap (bila tidak ada: target penilaian, atau WBK)"),
    ("score.detail", "Juga satu baris per pertanyaan"),
    ("score.questions", "Daftar pertanyaan LKE: id, bobot, skala, dan data butir persentase"),
    ("score.check", "Keluar dengan status 1 bila target tidak tercapai"),
    ("score.output", "Tulis ke FILE (secara atomik), bukan ke keluaran standar"),
    ("score.force", "Ganti FILE meskipun bukan zi yang menulisnya"),
];

/// What is wrong with a command line.
pub(super) fn usage_message(kind: &UsageKind) -> String {
    match kind {
        UsageKind::UnknownCommand { name } => format!("perintah '{name}' tidak dikenal"),
        UsageKind::UnknownArgument { arg } => format!("argumen '{arg}' tidak dikenal"),
        UsageKind::NotAChoice { arg, value, choices } => {
            format!("nilai '{value}' tidak berlaku untuk '{arg}'{}", choices_list(choices))
        }
        UsageKind::MissingValue { arg, choices } => {
            format!("'{arg}' memerlukan nilai, tetapi tidak ada yang diberikan{}", choices_list(choices))
        }
        UsageKind::BadValue { arg, value, wanted } => {
            let wanted = match wanted {
                Wanted::Date => ": tulis tanggal sebagai YYYY-MM-DD (tahun 0001 s.d. 9999)",
                Wanted::Count => ": tulis bilangan bulat, 0 atau lebih",
                Wanted::Other => "",
            };
            format!("nilai '{value}' tidak berlaku untuk '{arg}'{wanted}")
        }
        UsageKind::Conflict { arg, with: Some(with) } => {
            format!("argumen '{arg}' tidak dapat dipakai bersama '{with}'")
        }
        UsageKind::Conflict { arg, with: None } => {
            format!("argumen '{arg}' tidak dapat dipakai bersama argumen lain yang diberikan")
        }
        UsageKind::Repeated { arg } => format!("argumen '{arg}' hanya boleh dipakai sekali"),
        UsageKind::MissingArguments { args } => format!("argumen berikut wajib diberikan:{}", indented(args)),
        UsageKind::MissingCommand { command, commands } => {
            format!(
                "'{command}' memerlukan perintah, tetapi tidak ada yang diberikan\n  [perintah: {}]",
                commands.join(", ")
            )
        }
        UsageKind::UnexpectedValue { arg, value } => {
            format!("nilai '{value}' untuk '{arg}' tidak diharapkan; tidak ada nilai lagi yang diperlukan")
        }
        UsageKind::WrongNumberOfValues { arg, expected, actual } => {
            format!("'{arg}' memerlukan {expected} nilai, tetapi diberikan {actual}")
        }
        UsageKind::NeedsEquals { arg } => {
            format!("tulis nilai '{arg}' setelah tanda sama dengan: {arg}=NILAI")
        }
        UsageKind::InvalidUtf8 => "ada argumen yang bukan UTF-8 yang sah".into(),
        UsageKind::Unreadable => "zi tidak dapat membaca baris perintah ini".into(),
    }
}

/// A next step for a command line zi cannot read.
pub(super) fn usage_tip(tip: &Tip) -> String {
    match tip {
        Tip::SimilarCommands(names) => format!("mungkin maksud Anda: {}", quoted(names)),
        Tip::SimilarArgument(arg) => format!("mungkin maksud Anda: '{arg}'"),
        Tip::SimilarValues(values) => format!("mungkin maksud Anda: {}", quoted(values)),
        Tip::PassAsValue { value, written } => {
            format!("untuk memberikan '{value}' sebagai nilai, tulis '{written}'")
        }
        Tip::RemoveDashes { command } => {
            format!("perintah '{command}' ada; hapus '--' di depannya untuk memakainya")
        }
        Tip::BelongsTo { written } => format!("yang ada: '{written}'"),
    }
}

fn choices_list(choices: &[String]) -> String {
    if choices.is_empty() {
        String::new()
    } else {
        format!("\n  [pilihan: {}]", choices.join(", "))
    }
}
