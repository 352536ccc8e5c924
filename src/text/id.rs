//! Bahasa Indonesia.

use super::catalogue::{few, listed, quoted_key, quoted_list, Catalogue, HelpWords, Labels, RktLabels};
use super::os;
use super::score::ScoreWords;
use crate::model::due::{quoted, DueError, DueErrorKind};
use crate::model::month::{name_in, NAMES_ID};
use crate::problem::{
    Entry, Expected, Fatal, GitTrouble, GlobProblem, HookMessage, Kind, Note, Place, Tip, UnsafeLayout,
    UsageKind, ValueKind,
};

pub(super) struct Id;

const SHORT: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"];

const LAYOUT: &str =
    "plan/ berisi <N-area>/area.toml, <N-area>/<N-komponen>/component.toml dan berkas <N-indikator>.toml";
const LEFT_AS_IS: &str = "berkas dibiarkan apa adanya";
/// Bentuk waktu target yang dibaca, dengan tahun rencana itu sendiri.
fn accepted_forms(year: i32) -> String {
    format!(
        "tulis bulan dan tahun (\"Juli {year}\"), rentang (\"Januari s/d Maret {year}\"), \
         \"Setiap bulan\", \"Setiap triwulan\", \"Setiap semester\" atau \"setiap ada …\""
    )
}

fn value_kind(kind: ValueKind) -> &'static str {
    match kind {
        ValueKind::Table => "tabel",
        ValueKind::ArrayOfTables => "daftar tabel",
        ValueKind::String => "teks",
        ValueKind::Integer => "bilangan bulat",
        ValueKind::Float => "bilangan",
        ValueKind::Boolean => "boolean",
        ValueKind::Datetime => "tanggal",
        ValueKind::Array => "daftar",
    }
}

fn expected(expected: Expected) -> &'static str {
    match expected {
        Expected::String => "teks",
        Expected::Integer => "bilangan seperti 2022",
        Expected::Array => "daftar",
        Expected::ArrayOfStrings => "daftar teks",
        Expected::StringOrItem => "teks atau { name, file }",
        Expected::Globs => "pola atau daftar pola",
        Expected::Date => "tanggal, mis. 2022-10-15",
        Expected::Table => "tabel, misalnya [hook] pada barisnya sendiri",
    }
}

fn month_year(at: crate::model::month::YearMonth) -> String {
    format!("{} {:04}", name_in(&NAMES_ID, at.month()), at.year())
}

impl Catalogue for Id {
    fn labels(&self) -> &'static Labels {
        &LABELS
    }

    fn rkt(&self) -> &'static RktLabels {
        &RKT
    }

    fn month_names(&self) -> &'static [&'static str; 12] {
        &NAMES_ID
    }

    fn month_short_names(&self) -> &'static [&'static str; 12] {
        &SHORT
    }

    fn problem(&self, kind: &Kind) -> String {
        match kind {
            Kind::TomlSyntax { message } => format!("TOML tidak sah: {message}"),
            Kind::DuplicateKey { key, first: Some(line) } => format!("`{key}` ditulis dua kali: di baris {line} dan di sini"),
            Kind::DuplicateKey { key, first: None } => format!("`{key}` ditulis dua kali dalam tabel yang sama"),
            Kind::NestingTooDeep => "daftar atau tabel bersarang lebih dalam daripada yang dibaca zi".into(),
            Kind::KeyInEvidenceItem { key } => format!("`{key}` terbaca sebagai bagian dari butir bukti"),
            Kind::UnknownKey { key, .. } => format!("kunci `{}` tidak dikenal", quoted_key(key)),
            Kind::WrongType { key, expected: e, found } => {
                format!("`{key}` harus berupa {}, ditemukan {}", expected(*e), value_kind(*found))
            }
            Kind::WrongElement { key, found } => {
                format!(
                    "`{key}` harus berupa {}, ditemukan {}",
                    expected(Expected::String),
                    value_kind(*found)
                )
            }
            Kind::MissingKey { key, .. } => format!("kunci `{key}` tidak ada"),
            Kind::EvidenceWithoutName => "butir bukti tidak punya `name`".into(),
            Kind::UnreadableFile { error } => format!("berkas tidak dapat dibaca: {}", os::indonesian(error)),
            Kind::FolderNotFile => "berupa folder, bukan berkas".into(),
            Kind::FileTooLarge { size, limit } => {
                format!("berkas berukuran {size} byte; berkas rencana dibaca hingga {limit} byte")
            }
            Kind::BinaryFile => "berkas berisi data biner, bukan teks TOML".into(),
            Kind::NotUtf8 => "berkas bukan teks UTF-8 yang sah".into(),
            Kind::BadYear { year } => format!("tahun {year} di luar rentang"),
            Kind::UnknownLanguage { text } => format!("bahasa \"{text}\" tidak dikenal"),
            Kind::UnknownGate { text } => format!("gerbang commit \"{text}\" tidak dikenal"),
            Kind::MissingNameFile { file } => format!("{file} tidak ada"),
            Kind::NoActions => "rencana tidak mencantumkan langkah aksi".into(),
            Kind::NoEvidence => {
                "rencana tidak mencantumkan bukti fisik; satu berkas apa pun akan dihitung".into()
            }
            Kind::EmptyText { key } => format!("`{key}` kosong"),
            Kind::NoDue => "rencana tidak menyebutkan target waktu".into(),
            Kind::BadDue { text, error, .. } => self.due_message(error, text),
            Kind::BadGlob { glob, problem } => {
                let why = match problem {
                    GlobProblem::Empty => "pola kosong",
                    GlobProblem::LeavesName => "pola keluar dari nama berkas (/, \\, atau ..)",
                    GlobProblem::Syntax(why) => why,
                };
                format!("pola berkas \"{glob}\" salah: {why}")
            }
            Kind::NoPlan { exists: true } => "plan/ bukan folder".into(),
            Kind::NoPlan { exists: false } => "folder plan/ tidak ada".into(),
            Kind::EmptyPlan => "rencana tidak memiliki indikator".into(),
            Kind::NotAUnit => "folder ini cocok dengan units ruang kerja tetapi tidak memuat zi.toml".into(),
            Kind::NoUnitMatches { glob: Some(glob) } => {
                format!("pola units \"{glob}\" tidak cocok dengan folder mana pun")
            }
            Kind::NoUnitMatches { glob: None } => "daftar units ruang kerja kosong: tidak ada unit".into(),
            Kind::UnitsOutside { glob } => {
                format!("pola units \"{glob}\" keluar dari akar ruang kerja; zi tidak membaca di sana")
            }
            Kind::UnitNotJudged { fatal } => format!("zi tidak dapat menilai unit ini: {}", self.fatal(fatal).0),
            Kind::UnitOwnRepository => {
                "unit ini repositori git tersendiri: commit ruang kerja tidak memuat berkasnya".into()
            }
            Kind::UnitNotStaged => "zi.toml unit ini belum di-stage: gerbang commit tidak menyertakan unit ini".into(),
            Kind::OtherYear { year, workspace } => {
                format!("unit ini merencanakan tahun {year}, ruang kerja tahun {workspace}")
            }
            Kind::NoNumber => "nama tidak diawali angka dan tanda hubung; dilewati".into(),
            Kind::DuplicateNumber { number, first } => format!("nomor {number} juga dipakai oleh {first}"),
            Kind::MisplacedPlanFile { entry: Entry::Folder } => {
                "folder bernama seperti berkas rencana tidak dibaca; dilewati".into()
            }
            Kind::MisplacedPlanFile { entry: Entry::File } => {
                "berkas rencana tidak berada di tempat zi membacanya; dilewati".into()
            }
            Kind::StrayFile { entry: Entry::Folder } => "folder bukan bagian dari susunan rencana".into(),
            Kind::StrayFile { entry: Entry::File } => "berkas bukan bagian dari susunan rencana".into(),
            Kind::UnreadableFolder { error } => format!("folder tidak dapat dibaca: {}", os::indonesian(error)),
            Kind::NonUtf8Name => "nama bukan UTF-8 yang sah; dilewati".into(),
            Kind::LinkNotFollowed => "tautan ke folder tidak diikuti; isinya dilewati".into(),
            Kind::BrokenLink { error } => format!("tautan tidak dapat diikuti: {}", os::indonesian(error)),
            Kind::SpecialFile => {
                "bukan berkas maupun folder (perangkat, pipe, atau soket); tidak dibaca".into()
            }
            Kind::EvidenceNotAFolder => "evidence bukan folder; tidak ada bukti yang dapat dihitung".into(),
            Kind::IndicatorEvidenceIsFile => {
                "bukti indikator harus berupa folder, bukan berkas; tidak ada yang dihitung".into()
            }
            Kind::OrphanEvidence { .. } => "folder bukti tidak milik indikator mana pun di plan/".into(),
            Kind::StrayEvidence => "berkas tidak berada di folder bukti indikator".into(),
            Kind::LooseEvidence { .. } => "berkas di luar folder bulan dan tidak dihitung".into(),
            Kind::BadMonthFolder { name, .. } => {
                format!("\"{name}\" bukan folder bulan; berkasnya tidak dihitung")
            }
            Kind::MonthOutsidePlan { folder, .. } => {
                format!("{folder} tidak termasuk periode mana pun indikator ini; berkasnya tidak dihitung")
            }
            Kind::TooDeep { limit } => {
                format!("folder lebih dari {limit} tingkat di dalam folder bulannya; isinya tidak dihitung")
            }
            Kind::UnmatchedFile { .. } => "berkas tidak memenuhi dokumen mana pun dari indikator ini".into(),
            Kind::EmptyFile => "berkas kosong (0 bita): bukan dokumen dan tidak dihitung".into(),
            Kind::LinkOutside => "tautan mengarah ke luar repositori; tidak dihitung".into(),
            Kind::Conflicted => "git menyimpan berkas ini belum digabung (konflik); tidak ada sisi yang dibaca".into(),
            Kind::IntentToAdd => "hanya ditandai dengan `git add -N`: commit tidak akan memuatnya; dilewati".into(),
            Kind::Submodule => "submodul git: berkasnya bukan bagian repositori ini; tidak dihitung".into(),
            Kind::LeftAsIs(inner) => self.problem(inner),
            Kind::InvalidToml => "TOML tidak sah".into(),
            Kind::FmtUnsafe { reason } => {
                let why = match reason {
                    UnsafeLayout::ChangesData => "tata letak akan mengubah data berkas",
                    UnsafeLayout::LosesComment => "tata letak akan menghilangkan atau mengubah komentar",
                    UnsafeLayout::Unstable => "tata letak tidak stabil",
                };
                format!("berkas ini tidak dapat dirapikan: {why}")
            }
            Kind::Unwritable { error } => format!("berkas tidak dapat ditulis: {}", os::indonesian(error)),
            Kind::FmtTooLarge { size, limit } => format!(
                "setelah ditata, berkas akan berukuran {size} bita, melebihi {limit} bita yang dibaca zi; berkas dibiarkan"
            ),
            Kind::ReadOnly => "berkas hanya-baca; berkas dibiarkan".into(),
            Kind::StaleTemporary => "berkas sementara dari zi yang dihentikan sebelum selesai".into(),
            Kind::NotPlanFile { place: Place::Evidence } => {
                "berada di bawah evidence/, yang tidak pernah dibuka zi fmt".into()
            }
            Kind::NotPlanFile { place: Place::Elsewhere } => {
                "bukan zi.toml dan tidak di bawah plan/; zi fmt hanya menata berkas rencana".into()
            }
            Kind::Lke(kind) => super::score::ID.problem(kind),
            Kind::NoHeader => "tidak ada baris yang berisi judul kolom tabel RKT".into(),
            Kind::DuplicateColumn { title } => {
                format!("kolom kedua berjudul \"{}\" (tidak dibaca)", quoted_key(title))
            }
            Kind::RowOutsideArea => {
                "baris ini ada sebelum baris area mana pun (I, II, …); tidak diimpor".into()
            }
            Kind::RowOutsideComponent => {
                "indikator ini ada sebelum komponen mana pun di areanya; tidak diimpor".into()
            }
            Kind::RowOutsideIndicator => {
                "langkah aksi atau bukti fisik ini ada sebelum indikator mana pun; tidak diimpor".into()
            }
            Kind::UnnumberedComponent { number } => {
                format!("komponen ini tidak bernomor; diberi nomor {number}")
            }
            Kind::NoUnit => "blok judul tidak menyebut satuan kerja".into(),
            Kind::NoYear => "blok judul maupun target waktu tidak menyebut tahun rencana".into(),
        }
    }

    fn hint(&self, kind: &Kind) -> String {
        match kind {
            Kind::TomlSyntax { message } if message.contains("quoted") || message.contains("string") => {
                "teks perlu tanda kutip ganda dan daftar kurung siku: kunci = \"teks\", daftar = [\"a\", \"b\"]"
                    .into()
            }
            Kind::TomlSyntax { .. } => {
                "tulis satu kunci = nilai per baris, teks dalam tanda kutip ganda, daftar dalam [ ], tabel sebagai [nama] pada barisnya sendiri"
                    .into()
            }
            Kind::KeyInEvidenceItem { key } => format!(
                "kunci di bawah [[evidence]] termasuk butir itu: pindahkan `{key} = …` ke atas [[evidence]] pertama"
            ),
            Kind::DuplicateKey { .. } => "pertahankan salah satu baris (satu kunci memuat satu nilai; daftar memuat banyak)".into(),
            Kind::NestingTooDeep => "berkas rencana paling banyak memuat daftar butir { name, file }: ratakan susunannya".into(),
            Kind::UnknownKey { suggestion: Some(k), .. } => format!("maksud Anda `{k}`?"),
            Kind::UnknownKey { suggestion: None, known, .. } => format!("kunci yang dikenal: {}", known.join(", ")),
            Kind::WrongType { key, expected: e, .. } => format!("tulis `{key}` sebagai {}", expected(*e)),
            Kind::WrongElement { key, .. } => format!("setiap butir `{key}` berupa teks dalam tanda kutip"),
            Kind::MissingKey { example, .. } => format!("tambahkan baris seperti: {example}"),
            Kind::EvidenceWithoutName => "tulis { name = \"Daftar hadir\", file = \"daftar*hadir*\" }".into(),
            Kind::UnreadableFile { .. } => "periksa izin akses berkas".into(),
            Kind::FolderNotFile => "ganti dengan berkas teks TOML, atau pindahkan".into(),
            Kind::FileTooLarge { .. } => "satu berkas rencana berisi satu indikator; pindahkan data lain keluar dari plan/".into(),
            Kind::BinaryFile => {
                "berkas rencana berupa teks TOML; dokumen pindaian dan bukti lain disimpan di evidence/".into()
            }
            Kind::NotUtf8 => "simpan berkas sebagai teks UTF-8".into(),
            Kind::BadYear { .. } => "tulis tahun rencana, mis. year = 2022".into(),
            Kind::UnknownLanguage { .. } => "tulis lang = \"id\" atau lang = \"en\"".into(),
            Kind::UnknownGate { .. } => {
                "tulis gate = \"new\" (tolak yang diperburuk commit), \"all\" (tolak selama ada yang terlambat) atau \"none\" (hanya tampilkan)".into()
            }
            Kind::MissingNameFile { file } => format!("buat {file} berisi baris: name = \"…\""),
            Kind::NoActions => "tulis langkah aksi sebagaimana tercantum dalam rencana unit".into(),
            Kind::NoEvidence => "sebutkan bukti fisik yang akan diminta evaluator".into(),
            Kind::EmptyText { .. } => "tulis teks dari rencana".into(),
            Kind::NoDue => {
                "tulis bulan target, mis. due = \"Juli\" (bulan tanpa tahun berada di tahun rencana); sampai saat itu indikator ini tanpa tenggat"
                    .into()
            }
            Kind::BadDue { error, plan_year, .. } => self.due_hint(error, *plan_year),
            Kind::BadGlob { .. } => {
                "pola menyebut nama berkas di dalam folder bukti indikator, mis. \"notul*\"".into()
            }
            Kind::NoPlan { .. } => "buat plan/<N-area>/<N-komponen>/<N-indikator>.toml".into(),
            Kind::EmptyPlan => "tambahkan berkas indikator: plan/1-area/1-komponen/1-indikator.toml".into(),
            Kind::NotAUnit => "mulai rencana di sana dengan `zi init` di akar ruang kerja, atau persempit pola units di zi.toml".into(),
            Kind::NoUnitMatches { .. } => "pola relatif terhadap akar ruang kerja, mis. \"units/*\"".into(),
            Kind::UnitsOutside { .. } => {
                "simpan unit di dalam ruang kerja: pola dari akarnya tanpa `..`, mis. \"units/*\"".into()
            }
            Kind::UnitNotJudged { fatal } => self.fatal(fatal).1,
            Kind::UnitOwnRepository => {
                "commit di dalam unit itu sendiri (`zi hook install` miliknya menjaganya), atau jadikan folder biasa ruang kerja".into()
            }
            Kind::UnitNotStaged => "`git add` folder unit itu agar ikut dijaga".into(),
            Kind::OtherYear { .. } => "atur year unit di zi.toml-nya, atau year ruang kerja di zi.toml akar".into(),
            Kind::NoNumber => {
                "awali nama dengan angka dan tanda hubung, mis. 2-pola-mutasi-internal (angkanya menentukan urutan dan ID)".into()
            }
            Kind::DuplicateNumber { .. } => "beri nomor yang berbeda pada setiap berkas atau folder di folder yang sama".into(),
            Kind::MisplacedPlanFile { .. } | Kind::StrayFile { .. } => LAYOUT.into(),
            Kind::UnreadableFolder { .. } => "periksa izin akses folder".into(),
            Kind::NonUtf8Name => "ganti nama dengan huruf dan angka biasa (UTF-8)".into(),
            Kind::LinkNotFollowed => "ganti tautan dengan folder sungguhan".into(),
            Kind::BrokenLink { .. } => "hapus tautan atau pulihkan tujuannya".into(),
            Kind::SpecialFile => "hapus atau ganti dengan berkas".into(),
            Kind::EvidenceNotAFolder => {
                "evidence/ adalah folder yang mencerminkan plan/: pindahkan berkas itu dan buat foldernya".into()
            }
            Kind::IndicatorEvidenceIsFile => {
                "ganti dengan folder yang berisi folder bulan (YYYY-MM) tempat dokumen disimpan".into()
            }
            Kind::OrphanEvidence { suggestion: Some(name) } => {
                format!("maksud Anda {name}? ganti nama folder itu, maka berkasnya dihitung untuk indikator tersebut")
            }
            Kind::OrphanEvidence { suggestion: None } => {
                "evidence/ mencerminkan plan/: samakan nama folder dengan berkas indikatornya, atau pindahkan berkasnya".into()
            }
            Kind::StrayEvidence => "pindahkan ke evidence/<area>/<komponen>/<indikator>/YYYY-MM/".into(),
            Kind::LooseEvidence { periods, example: Some(month) } => format!(
                "indikator ini punya {periods} periode: pindahkan ke folder bulan periodenya, mis. {month}/"
            ),
            Kind::LooseEvidence { example: None, .. } => {
                "indikator ini tanpa tenggat: simpan berkas tiap kejadian di folder YYYY-MM atau YYYY-MM-DD"
                    .into()
            }
            Kind::BadMonthFolder { guess: Some(guess), .. } => format!("ganti namanya menjadi {guess}"),
            Kind::BadMonthFolder { guess: None, year, .. } => {
                format!("bukti disimpan di folder bulan bernama YYYY-MM (mis. {year}-07), atau YYYY-MM-DD untuk satu kejadian")
            }
            Kind::MonthOutsidePlan { first, last, .. } => {
                format!("periodenya dari {first} sampai {last}: pindahkan berkas ke salah satu bulan itu")
            }
            Kind::TooDeep { .. } => "pindahkan dokumen ke atas, lebih dekat ke folder bulan".into(),
            Kind::UnmatchedFile { looks_like: Some(like), .. } => format!(
                "tampaknya ini \"{}\" milik {}: pindahkan ke {}/",
                like.document, like.id, like.folder
            ),
            Kind::UnmatchedFile { documents, plan_file, looks_like: None } => format!(
                "beri nama sesuai salah satu dari: {}; atau beri dokumen pola `file` di {plan_file}",
                few(documents, |n| format!(" dan {n} lainnya"))
            ),
            Kind::EmptyFile => "isi berkas dengan dokumennya, atau hapus berkas itu (unggahan gagal?)".into(),
            Kind::LinkOutside => "salin dokumennya ke dalam repositori sebagai ganti tautan".into(),
            Kind::Conflicted => "selesaikan konfliknya, lalu `git add` berkas itu".into(),
            Kind::IntentToAdd => "`git add` berkas itu agar ikut di-commit".into(),
            Kind::Submodule => "salin berkasnya ke dalam repositori sebagai ganti submodul".into(),
            Kind::LeftAsIs(inner) => format!("{}; {LEFT_AS_IS}", self.hint(inner)),
            Kind::InvalidToml => LEFT_AS_IS.into(),
            Kind::FmtUnsafe { .. } => format!("{LEFT_AS_IS}; ini kesalahan zi, mohon laporkan beserta berkasnya"),
            Kind::Unwritable { .. } => "periksa izin akses berkas; berkas tidak berubah".into(),
            Kind::FmtTooLarge { .. } => {
                "satu berkas rencana memuat satu indikator; pindahkan data lain keluar dari plan/, lalu jalankan zi fmt lagi".into()
            }
            Kind::ReadOnly => "jadikan dapat ditulis (chmod u+w) agar ditata, atau biarkan".into(),
            Kind::StaleTemporary => {
                "zi fmt berikutnya menghapusnya (atau hapus sendiri); berkas ini bukan bagian rencana, jangan di-commit".into()
            }
            Kind::NotPlanFile { .. } => "sebut zi.toml, plan/ atau berkas di bawahnya; bukti tidak pernah ditulis ulang".into(),
            Kind::Lke(kind) => super::score::ID.hint(kind),
            Kind::NoHeader => "beri judul kolom tabel dalam satu baris: INDIKATOR dan sedikitnya dua dari NO, KOMPONEN, LANGKAH AKSI, BUKTI FISIK, TARGET WAKTU, PIC (`docs/format.md` memuat semua judul yang dikenal zi); atau sebut lembarnya dengan --sheet".into(),
            Kind::DuplicateColumn { .. } => "ganti nama atau hapus salah satu dari kedua kolom itu".into(),
            Kind::RowOutsideArea => "tulis baris areanya di atasnya: angka Romawi di NO dan namanya di sebelahnya".into(),
            Kind::RowOutsideComponent => "tulis nomor komponen di NO dan namanya di KOMPONEN, pada baris ini atau di atasnya".into(),
            Kind::RowOutsideIndicator => "tulis indikatornya di INDIKATOR, pada baris ini atau di atasnya".into(),
            Kind::UnnumberedComponent { .. } => "tulis nomor komponen di NO, atau periksa nomor komponen sesudahnya".into(),
            Kind::NoUnit => "sebutkan dengan --unit \"Balai …\", atau tulis di atas judul kolom tabel".into(),
            Kind::NoYear => "sebutkan dengan --year 2023, atau tulis \"TAHUN 2023\" di atas judul kolom tabel".into(),
        }
    }

    fn due_message(&self, error: &DueError, text: &str) -> String {
        use DueErrorKind::*;
        let quoted = quoted(text);
        match &error.kind {
            Empty => "waktu target kosong".to_string(),
            UnknownWord { word, .. } => format!("kata tidak dikenal \"{word}\" dalam \"{quoted}\""),
            Misplaced { word } => format!("\"{word}\" tidak pada tempatnya dalam \"{quoted}\""),
            BadYear { digits } => format!("\"{digits}\" bukan tahun dalam \"{quoted}\""),
            MissingMonth { year } => format!("tahun {year:04} tanpa bulan dalam \"{quoted}\""),
            DanglingRange { word } => format!("\"{word}\" perlu bulan di kedua sisinya dalam \"{quoted}\""),
            WindowBackwards { first, last } => format!(
                "rentang {} s/d {} berakhir sebelum dimulai dalam \"{quoted}\"",
                month_year(*first),
                month_year(*last)
            ),
            RecurrenceOutsidePlanYear { year, plan_year, .. } => format!(
                "waktu target berulang berlaku untuk tahun rencana {plan_year:04}, bukan {year:04}, dalam \"{quoted}\""
            ),
            PlanYearOutOfRange { plan_year } => format!(
                "bulan tanpa tahun memakai tahun rencana, tetapi {plan_year} bukan tahun yang sah, dalam \"{quoted}\""
            ),
            NoSuchDay { day, month } => format!("{} tidak punya tanggal {day}, dalam \"{quoted}\"", month_year(*month)),
            NoSuchPart { word, parts } => {
                format!("\"{word}\" menyebut bagian tahun yang tidak ada (hanya ada {parts}), dalam \"{quoted}\"")
            }
        }
    }

    fn due_hint(&self, error: &DueError, year: i32) -> String {
        use DueErrorKind::*;
        match &error.kind {
            UnknownWord { suggestion: Some(s), .. } => format!("maksud Anda \"{s}\"?"),
            Empty | UnknownWord { suggestion: None, .. } | Misplaced { .. } => accepted_forms(year),
            BadYear { .. } => format!("tulis tahun dengan empat angka, 0001 sampai 9999 (\"Juli {year}\")"),
            MissingMonth { .. } | PlanYearOutOfRange { .. } => format!("tulis bulan, lalu tahunnya (\"Juli {year}\")"),
            DanglingRange { .. } => format!("tulis rentang seperti \"Januari s/d Maret {year}\""),
            WindowBackwards { .. } => format!(
                "tulis bulan yang lebih awal dulu; rentang yang melewati akhir tahun perlu kedua tahunnya (\"Desember {year} s/d Februari {}\")",
                year + 1
            ),
            RecurrenceOutsidePlanYear { recurrence, year, .. } => format!(
                "hapus tahunnya (\"{}\") atau pindahkan indikator ke rencana {year:04}",
                recurrence.phrase()
            ),
            NoSuchDay { month, .. } => format!(
                "tulis tanggal yang ada di {} (\"15 {}\"), atau bulannya saja untuk akhir bulan",
                month_year(*month),
                month_year(*month)
            ),
            NoSuchPart { parts: 4, .. } => {
                "triwulan adalah I sampai IV (\"Triwulan II\", \"TW 3\", \"Q4\")".to_string()
            }
            NoSuchPart { .. } => "semester adalah I dan II (\"Semester I\", \"S2\")".to_string(),
        }
    }

    fn fatal(&self, fatal: &Fatal) -> (String, String) {
        let plain = |message: String| (message, String::new());
        match fatal {
            Fatal::NoRoot { start } => (
                format!("tidak ada zi.toml di {start} atau folder induknya"),
                "jalankan zi di dalam repositori rencana, atau tunjuk dengan -C DIR".into(),
            ),
            Fatal::CannotOpen { path, error } => plain(format!("tidak dapat membuka {path}: {}", os::indonesian(error))),
            Fatal::NotAFolder { path } => plain(format!("{path} bukan folder")),
            Fatal::NoUnitSelected { text, units } => (
                format!("tidak ada unit ruang kerja yang cocok dengan \"{text}\""),
                format!("unit yang ada: {}", units.join(", ")),
            ),
            Fatal::NotAWorkspace => (
                "--unit memilih unit sebuah ruang kerja, dan ini rencana satu unit".into(),
                "jalankan di akar ruang kerja (folder yang zi.toml-nya memuat [workspace])".into(),
            ),
            Fatal::OneUnitOnly { command } => (
                format!("zi {command} bekerja pada satu unit, dan ini akar ruang kerja"),
                format!("jalankan di folder unit, mis. zi -C units/NAMA {command}"),
            ),
            Fatal::FileInNoUnit { path } => (
                format!("{path} tidak berada di unit mana pun dalam ruang kerja ini"),
                "berikan penilaian di folder sebuah unit, mis. units/NAMA/assessments/2022-10.toml".into(),
            ),
            Fatal::UnitFolderUnnamed => (
                "zi init di akar ruang kerja memerlukan folder unit yang baru".into(),
                "sebutkan foldernya: zi init NAMA --from FOLDER_RENCANA (atau nama unit dengan --unit TEKS)".into(),
            ),
            Fatal::OutsideUnits { path, globs } => (
                format!("{path} bukan folder yang dicakup units ruang kerja, jadi tidak akan menjadi unit"),
                if globs.is_empty() {
                    "zi.toml ruang kerja tidak memuat pola units: tambahkan pola yang cocok dengan folder itu".into()
                } else {
                    format!(
                        "pola units di zi.toml adalah {}: sebutkan folder yang cocok, atau tambahkan pola",
                        quoted_list(globs)
                    )
                },
            ),
            Fatal::NoIndicatorMatches { ids } => (
                format!("tidak ada indikator yang cocok dengan {}", quoted_list(ids)),
                "ID berbentuk III, III.3, atau III.3.4; `zi status` menampilkan daftarnya".into(),
            ),
            Fatal::ShowTakesOne { id, count, listed: ids, more } => (
                format!(
                    "`{id}` cocok dengan {count} indikator ({}); `zi show` hanya menerima satu",
                    listed(ids, *more)
                ),
                format!("`zi status {id}` menampilkan daftarnya"),
            ),
            Fatal::NotWrittenByZi { path } => (
                format!("{path} sudah ada dan bukan dibuat oleh zi; tidak ditimpa"),
                "pilih berkas lain, atau tambahkan --force untuk menimpanya".into(),
            ),
            Fatal::WorkbookToTerminal => (
                "buku kerja berformat biner: zi tidak menuliskannya ke terminal".into(),
                "tulis ke berkas dengan -o BERKAS.xlsx, atau alihkan: > BERKAS.xlsx".into(),
            ),
            Fatal::OutputIsFolder { path } => {
                (format!("{path} adalah folder"), format!("tulis nama berkas, mis. {path}/laporan.html"))
            }
            Fatal::CannotRead { path, error } => plain(format!("tidak dapat membaca {path}: {}", os::indonesian(error))),
            Fatal::CannotWrite { path, error } => plain(format!("tidak dapat menulis {path}: {}", os::indonesian(error))),
            Fatal::CannotCreate { path, error } => plain(format!("tidak dapat membuat {path}: {}", os::indonesian(error))),
            Fatal::CannotRemove { path, error } => plain(format!("tidak dapat menghapus {path}: {}", os::indonesian(error))),
            Fatal::CannotKeepOldHook { backup, error } => {
                plain(format!("hook lama tidak dapat disimpan sebagai {backup}: {}", os::indonesian(error)))
            }
            Fatal::CannotRestoreHook { backup, error } => plain(format!("{backup} tidak dapat dikembalikan: {}", os::indonesian(error))),
            Fatal::NoSuchPath { path } => plain(format!("berkas atau folder tidak ada: {path}")),
            Fatal::NotInGit { path, error } => {
                (format!("{path} tidak berada di dalam repositori git ({})", os::indonesian(error)), "`git init` menjadikannya repositori".into())
            }
            Fatal::NotARevision { rev } => plain(format!("`{rev}` bukan revisi")),
            Fatal::DanglingConfig { path } => (
                format!("{path} adalah tautan ke berkas yang tidak ada"),
                "arahkan tautan ke zi.toml rencana, atau ganti dengan berkasnya".into(),
            ),
            Fatal::BareRepository { path } => (
                format!("{path} adalah repositori git bare: tidak ada pohon kerja berisi rencana untuk dibaca"),
                "jalankan zi di hasil clone-nya (git clone), atau tunjuk dengan -C DIR".into(),
            ),
            Fatal::NoCommitsYet { rev } => (
                format!("repositori belum punya commit, jadi `{rev}` tidak menunjuk apa pun"),
                "commit rencananya dulu (git add -A && git commit)".into(),
            ),
            Fatal::ShallowClone { rev } => (
                format!("`{rev}` tidak ada di clone dangkal ini"),
                "ambil riwayat yang diperlukan: git fetch --unshallow (atau --deepen N)".into(),
            ),
            Fatal::UnknownRevision { rev } => (
                format!("revisi `{rev}` tidak dikenal"),
                "sebutkan commit, mis. HEAD~1, nama cabang, tag, atau hash (`git log --oneline`)".into(),
            ),
            Fatal::SymmetricRange { range } => {
                plain(format!("`{range}`: zi diff membandingkan dua commit, A..B; A...B tidak didukung"))
            }
            Fatal::GitMissing => plain("git tidak terpasang atau tidak ada di PATH".into()),
            Fatal::GitCannotRun { error } => plain(format!("git tidak dapat dijalankan: {}", os::indonesian(error))),
            Fatal::GitFailed { command, message } => plain(format!("git {command} gagal: {message}")),
            Fatal::GitUnexpected { trouble } => plain(match trouble {
                GitTrouble::NoTop => "git tidak menyebutkan folder teratas direktori kerja".into(),
                GitTrouble::NoPipe => "git cat-file tidak dapat diberi masukan atau dibaca".into(),
                GitTrouble::ReadObject { object, error } => format!("jawaban git tidak terduga untuk objek {object}: {}", os::indonesian(error)),
                GitTrouble::Write { error } => format!("tidak dapat menulis ke git cat-file: {}", os::indonesian(error)),
                GitTrouble::Wait { error } => format!("gagal menunggu git: {}", os::indonesian(error)),
            }),
            Fatal::ForeignHook { shown, chain, backup } => (
                format!("{shown} sudah ada dan tidak ditulis oleh zi; berkas itu dibiarkan"),
                format!(
                    "agar pemeriksaan zi ikut berjalan, tambahkan baris ini ke hook tersebut: `{chain} || exit 1`; \
                     atau ganti dengan `zi hook install --force` (hook lama disimpan sebagai {backup})"
                ),
            ),
            Fatal::BackupInTheWay { path } => {
                plain(format!("{path} sudah ada; pindahkan dulu agar tidak ada hook yang hilang"))
            }
            Fatal::NotOurHook { shown } => plain(format!("{shown} tidak ditulis oleh zi; berkas itu dibiarkan")),
            Fatal::HookInAUnit { root } => (
                format!("rencana ini unit dari ruang kerja di {root}: satu hook ruang kerja menjaga setiap unit"),
                format!("jalankan `zi hook install` atau `zi hook uninstall` di akar ruang kerja ({root})"),
            ),
            Fatal::TodayNotUtf8 { text } => (
                format!("ZI_TODAY bukan teks UTF-8: \"{text}\""),
                "isi dengan tanggal berbentuk YYYY-MM-DD, atau hapus variabelnya".into(),
            ),
            Fatal::BadToday { text } => (
                format!("ZI_TODAY bukan tanggal: \"{text}\""),
                "tulis sebagai YYYY-MM-DD (tahun 0001 sampai 9999), atau hapus variabelnya".into(),
            ),
            Fatal::Output { error } => plain(format!("keluaran tidak dapat ditulis: {}", os::indonesian(error))),
            Fatal::PlanExists { path, force_helps: true } => (
                format!("{path} sudah berisi rencana; tidak menulis ke sana"),
                "impor ke folder kosong (-C DIR), atau pakai --force untuk mengganti berkas rencananya".into(),
            ),
            Fatal::PlanExists { path, force_helps: false } => (
                format!("{path} sudah berisi rencana; tidak menulis ke sana"),
                "mulai rencana baru di folder kosong: zi init DIR".into(),
            ),
            Fatal::NotASpreadsheet { path } => (
                format!("{path} bukan lembar kerja yang dapat dibaca zi"),
                "zi mengimpor berkas .xlsx, .xls, .ods dan .csv".into(),
            ),
            Fatal::UnreadableSpreadsheet { path, error } => plain(format!("{path} tidak dapat dibaca: {}", os::indonesian(error))),
            Fatal::NoSuchSheet { name, sheets } => (
                format!("tidak ada lembar bernama \"{name}\""),
                format!("lembar yang ada: {}", sheets.join(", ")),
            ),
            Fatal::UnknownExportFormat { path } => (
                format!("format {path} tidak dapat ditentukan"),
                "beri nama berkas .xlsx atau .csv, atau pakai --format xlsx|csv".into(),
            ),
        }
    }

    fn note(&self, note: &Note) -> String {
        match note {
            Note::ProblemsInPlan { errors } => {
                format!("{errors} masalah dalam berkas rencana; jalankan `zi check` untuk rinciannya")
            }
            Note::NotCanonical { files } => {
                format!("{files} berkas belum tertata rapi; jalankan `zi fmt` untuk merapikannya")
            }
            Note::HookAlreadyInstalled { shown } => format!("hook pre-commit zi sudah terpasang: {shown}"),
            Note::HookInstalled { shown, backup: Some(backup) } => {
                format!("hook pre-commit zi terpasang: {shown} (hook lama disimpan sebagai {backup})")
            }
            Note::HookInstalled { shown, backup: None } => format!("hook pre-commit zi terpasang: {shown}"),
            Note::HookUpdated { shown } => format!("hook pre-commit zi diperbarui: {shown}"),
            Note::HookRuns => {
                "hook ini menjalankan `zi overdue` sebelum setiap commit; untuk tetap commit sekali ini: git commit --no-verify".into()
            }
            Note::NoHookToRemove { shown } => format!("tidak ada hook pre-commit untuk dihapus: {shown}"),
            Note::HookRemoved { shown, restored: true } => {
                format!("hook pre-commit zi dihapus dan hook yang digantikannya dikembalikan: {shown}")
            }
            Note::HookRemoved { shown, restored: false } => format!("hook pre-commit zi dihapus: {shown}"),
            Note::BrokenConfig { place, kind } => {
                format!("{place}: {}; zi tetap berjalan tanpanya (`zi check` menjelaskan lebih lanjut)", self.problem(kind))
            }
            Note::Misfiled { places } => format!(
                "{places} berkas atau folder bukti disimpan di tempat yang tidak dihitung; `zi check` menunjukkan letaknya"
            ),
            Note::NewSince { rev, new: 0 } => format!("tidak ada yang baru sejak {rev}"),
            Note::NewSince { rev, new } => {
                format!("{new} baru sejak {rev}: periode terlambat atau galat rencana yang belum ada di {rev}")
            }
            Note::NothingBeforeFirstCommit => "belum ada commit, jadi tidak ada yang baru".into(),
            Note::MoreOverdue { more } => {
                format!("… dan {more} lainnya: `zi overdue --staged` menampilkan semuanya")
            }
            Note::Imported { indicators, components, areas, from, files, dry_run } => {
                let verb = if *dry_run { "akan menulis" } else { "menulis" };
                format!(
                    "membaca {indicators} indikator dalam {components} komponen dan {areas} area dari {from}; \
                     {verb} {files} berkas; `zi check` menunjukkan apa yang masih kurang dari rencananya"
                )
            }
            Note::Initialised { unit, year, areas, indicators, path, git } => format!(
                "rencana {year} {unit} dimulai di {path}{}: {areas} area, {indicators} indikator untuk direncanakan; \
                 `zi check` menunjukkan apa yang masih kurang dari masing-masing",
                if *git { " (repositori git baru)" } else { "" }
            ),
            Note::WorkspaceStarted { path, units, git } => format!(
                "ruang kerja dimulai di {path}{}: tambahkan unit dengan `zi init NAMA --unit TEKS --year TAHUN` di sana (masuk ke {units}/NAMA)",
                if *git { " (repositori git baru)" } else { "" }
            ),
            Note::EvidenceFolders { made: 0 } => "setiap indikator sudah punya folder bukti".into(),
            Note::EvidenceFolders { made } => format!("membuat {made} folder bukti"),
            Note::Exported { indicators, path } => format!("menulis {indicators} indikator ke {path}"),
        }
    }

    fn hook_message(&self, message: HookMessage) -> &'static str {
        match message {
            HookMessage::NotFound => "hook pre-commit zi: zi tidak ada di PATH, jadi rencana kerja tidak diperiksa dan commit ditolak.\n  Pasang zi (cargo install), atau commit tanpa pemeriksaan, sekali ini: git commit --no-verify",
            HookMessage::Refused => "hook pre-commit zi: commit ditolak, ada yang terlambat dalam rencana kerja (lihat di atas).\n  Lengkapi bukti yang kurang, atau tetap commit sekali ini: git commit --no-verify",
            HookMessage::RefusedNew => "hook pre-commit zi: commit ditolak, commit ini memperburuk rencana kerja (lihat di atas).\n  Kembalikan atau lengkapi bukti yang kurang, perbaiki berkas rencana, atau tetap commit sekali ini: git commit --no-verify",
            HookMessage::RefusedUnjudged => "hook pre-commit zi: commit ditolak, zi tidak dapat menilai sebuah unit ruang kerja (lihat di atas).\n  Perbaiki yang disebut kesalahannya, atau tetap commit sekali ini: git commit --no-verify",
            HookMessage::Failed => "hook pre-commit zi: zi tidak dapat memeriksa rencana kerja (lihat di atas), jadi commit ditolak.\n  Perbaiki masalahnya, atau tetap commit sekali ini: git commit --no-verify",
        }
    }

    // Indonesian nouns do not inflect for number.
    fn errors_and_warnings(&self, errors: usize, warnings: usize) -> String {
        format!("{errors} kesalahan, {warnings} peringatan")
    }

    fn due_in_days(&self, days: i64) -> String {
        format!("jatuh tempo {days} hari lagi")
    }

    fn days_late(&self, days: i64) -> String {
        format!("terlambat {days} hari")
    }

    fn indicator_count(&self, n: usize) -> String {
        format!("{n} indikator")
    }

    fn beyond_annotation_limit(
        &self,
        limit: usize,
        errors: usize,
        warnings: usize,
        notices: usize,
    ) -> String {
        format!(
            "zi menemukan {errors} kesalahan, {warnings} peringatan, dan {notices} catatan; GitHub menampilkan paling banyak {limit} anotasi per jenis per langkah, jadi sebagian hanya ada di log langkah ini (semuanya ada di sana)"
        )
    }

    fn nothing_overdue(&self, as_of: &str) -> String {
        format!("tidak ada yang terlambat per {as_of}")
    }

    fn overdue_periods(&self, periods: usize, indicators: usize, as_of: &str) -> String {
        format!("{periods} periode terlambat pada {indicators} indikator per {as_of}")
    }

    fn invalid_indicators(&self, n: usize) -> String {
        format!("{n} indikator tidak valid (lihat `zi check`)")
    }

    fn periods_due_soon(&self, n: usize) -> String {
        format!("{n} periode segera jatuh tempo")
    }

    fn show_one_hint(&self) -> &'static str {
        "`zi show ID` menampilkan rinciannya"
    }

    fn help_texts(&self) -> &'static [(&'static str, &'static str)] {
        super::id_help::HELP
    }

    fn help_words(&self) -> &'static HelpWords {
        &super::id_help::WORDS
    }

    fn usage_message(&self, kind: &UsageKind) -> String {
        super::id_help::usage_message(kind)
    }

    fn usage_tip(&self, tip: &Tip) -> String {
        super::id_help::usage_tip(tip)
    }
}

pub(super) static LABELS: Labels = Labels {
    id: "ID",
    indicator: "Indikator",
    status: "Status",
    next_deadline: "Tenggat berikut",
    to_date: "S.d. hari ini",
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
    ignored_files: "berkas yang tidak pernah dihitung",
    in_lfs: "di LFS",
    in_lfs_files: "Berkas bukti di Git LFS, belum diunduh (tetap dihitung)",
    status_done: "selesai",
    status_on_track: "sesuai jadwal",
    status_due: "jatuh tempo",
    status_overdue: "terlambat",
    status_occurrences: "insidental",
    status_occurrences_count: "insidental",
    status_invalid: "tidak valid",
    error: "kesalahan",
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
    occurrence_with_files: "kejadian yang sudah ada berkasnya",
    this_month: "bulan ini",
    overdue_documents: "Terlambat: dokumen yang kurang",
    misfiled_evidence: "Bukti yang disimpan di tempat yang tidak dihitung",
    misfiled_why: "Berkas ini ada di repositori, tetapi di tempat yang tidak dapat dihitung zi: dokumen yang tercatat kurang di atas mungkin salah satunya. Pindahkan atau ganti namanya sesuai saran.",
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
    any_document: "(dokumen apa pun)",
    severity: "Tingkat",
    code: "Kode",
    line: "Baris",
    column: "Kolom",
    hint_column: "Saran",
    change_kind: "Jenis perubahan",
    present: "ada",
    required: "wajib",
    days_late: "Hari terlambat",
    documents: "dokumen",
    not_due_yet: "belum jatuh tempo",
    acknowledged: "Mengetahui,",
    nip: "NIP",
    late: "Keterlambatan",
};

pub(super) static RKT: RktLabels = RktLabels {
    no: "NO",
    component: "KOMPONEN",
    indicator: "INDIKATOR",
    actions: "LANGKAH AKSI",
    evidence: "BUKTI FISIK",
    due: "TARGET WAKTU",
    pic: "PENANGGUNG JAWAB",
    status: "STATUS",
    documents: "DOKUMEN",
    remarks: "KETERANGAN",
    id: "ID",
    area: "AREA",
    year: "TAHUN",
    sheet: "RKT",
    flat_sheet: "Status",
};
