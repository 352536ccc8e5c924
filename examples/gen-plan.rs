//! Writes a synthetic plan repository for benchmarks: many units' worth of
//! areas, components and indicators laid out as SPEC.md says, with every
//! form of `due`, about five evidence files per indicator in month folders,
//! gaps, and a few planted plan errors.
//!
//! ```text
//! cargo run --release --example gen-plan -- --indicators 100000 target/bench/plan-100000
//! ```
//!
//! The same arguments always give the same files: a small seeded PRNG picks
//! every choice, and nothing reads the clock. The generator follows SPEC.md
//! and does not use zi's own modules, so the data it writes is not shaped by
//! the code it is meant to exercise. Evidence files are empty: zi reads their
//! names, never their contents.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Parser;

#[derive(Debug, Parser)]
#[command(about = "Writes a synthetic zi plan repository (plan/, evidence/, zi.toml) into DIR")]
struct Args {
    /// How many indicators to write
    #[arg(long, value_name = "N")]
    indicators: usize,
    /// Seed of the pseudo-random choices; the same seed gives the same files
    #[arg(long, default_value_t = 2022)]
    seed: u64,
    /// The plan year
    #[arg(long, default_value_t = 2022)]
    year: i32,
    /// Where to write; must not exist yet, or be empty
    dir: PathBuf,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let written = generate(&args.dir, args.indicators, args.seed, args.year)?;
    println!(
        "{}: {} indicators in {} areas and {} components, {} evidence files, {} planted plan errors",
        args.dir.display(),
        written.indicators,
        written.areas,
        written.components,
        written.evidence_files,
        written.planted_errors,
    );
    Ok(())
}

/// What `generate` wrote.
#[derive(Debug, Default, PartialEq, Eq)]
struct Written {
    areas: usize,
    components: usize,
    indicators: usize,
    evidence_files: usize,
    planted_errors: usize,
}

fn generate(dir: &Path, indicators: usize, seed: u64, year: i32) -> Result<Written> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        bail!("{} exists and is not empty; the generator writes only into a new folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut rng = Rng::new(seed);
    let mut written = Written::default();
    write(
        &dir.join("zi.toml"),
        &format!(
            "unit = \"Inspektorat Jenderal (data sintetis, {indicators} indikator)\"\nyear = {year}\n\
             title = \"Rencana Kerja Tahunan Pembangunan Zona Integritas\"\nlang = \"id\"\n"
        ),
    )?;
    let mut area = 0;
    while written.indicators < indicators {
        area += 1;
        written.areas += 1;
        let (area_name, area_components) = AREAS[(area - 1) % AREAS.len()];
        let unit = (area - 1) / AREAS.len() + 1;
        let area_name = format!("{area_name} Satker {unit}");
        let area_dir = format!("{area}-{}", slug(&area_name));
        write(&dir.join("plan").join(&area_dir).join("area.toml"), &format!("name = \"{area_name}\"\n"))?;
        let components = rng.between(4, 16);
        for component in 1..=components {
            if written.indicators == indicators {
                break;
            }
            written.components += 1;
            let name = match area_components.get(component - 1) {
                Some(name) => name.to_string(),
                None => format!("{} {component}", rng.pick(area_components)),
            };
            let rel = format!("{area_dir}/{component}-{}", slug(&name));
            write(&dir.join("plan").join(&rel).join("component.toml"), &format!("name = \"{name}\"\n"))?;
            let count = rng.between(2, 18).min(indicators - written.indicators);
            for number in 1..=count {
                let indicator = Indicator::random(&mut rng, year);
                let stem = format!("{number}-{}", slug_words(&indicator.text, 5));
                write(&dir.join("plan").join(&rel).join(format!("{stem}.toml")), &indicator.toml)?;
                written.planted_errors += usize::from(indicator.planted_error);
                let evidence = dir.join("evidence").join(&rel).join(&stem);
                written.evidence_files += indicator.write_evidence(&mut rng, &evidence, year)?;
                written.indicators += 1;
            }
        }
    }
    Ok(written)
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// SplitMix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// True with probability 1/`n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next() % n == 0
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.between(0, items.len() - 1)]
    }
}

// ---------------------------------------------------------------------------
// Vocabulary: the six areas of a ZI plan and the words RKT tables use.

/// What every evidence file holds: a few bytes, since an empty file is not
/// a document and zi does not count it.
const EVIDENCE_BYTES: &str = "%PDF-1.4\n";

const AREAS: &[(&str, &[&str])] = &[
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

const INDICATOR_HEADS: &[&str] = &[
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

const INDICATOR_OBJECTS: &[&str] = &[
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

const INDICATOR_TAILS: &[&str] = &[
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

const ACTION_VERBS: &[&str] = &[
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
const DOCUMENTS: &[(&str, Option<&[&str]>, &str)] = &[
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

const MONTHS: [&str; 12] = [
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
const MONTH_VARIANTS: [&[&str]; 12] = [
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

const EXTENSIONS: &[&str] = &["pdf", "pdf", "pdf", "docx", "jpg", "xlsx", "png"];

// ---------------------------------------------------------------------------
// Target times

/// A target time and the months its periods span, computed from SPEC: each
/// deadline closes a period that starts after the previous one.
struct Due {
    text: String,
    /// `(first, last)` months of each period; empty for no deadline.
    periods: Vec<(u32, u32)>,
}

impl Due {
    fn random(rng: &mut Rng, year: i32) -> Due {
        let month = |rng: &mut Rng, m: u32| -> String {
            if rng.chance(80) {
                MONTHS[m as usize - 1].to_string()
            } else {
                rng.pick(MONTH_VARIANTS[m as usize - 1]).to_string()
            }
        };
        let recurring = |text: &str, step: u32| Due {
            text: text.to_string(),
            periods: (1..=12 / step).map(|i| (i * step - step + 1, i * step)).collect(),
        };
        match rng.between(0, 99) {
            0..=29 => {
                let m = rng.between(1, 12) as u32;
                Due { text: format!("{} {year}", month(rng, m)), periods: vec![(1, m)] }
            }
            30..=49 => {
                let mut months: Vec<u32> =
                    (0..rng.between(2, 4)).map(|_| rng.between(1, 12) as u32).collect();
                months.sort_unstable();
                months.dedup();
                let names: Vec<String> = months.iter().map(|m| month(rng, *m)).collect();
                let text = match names.len() {
                    2 if rng.chance(50) => format!("{} dan {} {year}", names[0], names[1]),
                    _ if rng.chance(20) => names.join(", "),
                    _ => format!("{} {year}", names.join(", ")),
                };
                let mut periods = Vec::new();
                let mut start = 1;
                for m in months {
                    periods.push((start, m));
                    start = m + 1;
                }
                Due { text, periods }
            }
            50..=64 => {
                let first = rng.between(1, 11) as u32;
                let last = rng.between(first as usize + 1, 12) as u32;
                let word = rng.pick(&["s/d", "s.d.", "-", "sampai", "s/d"]);
                let text = format!("{} {word} {} {year}", month(rng, first), month(rng, last));
                Due { text, periods: vec![(first, last)] }
            }
            65..=72 => recurring(rng.pick(&["Setiap bulan", "bulanan", "Setiap Bulan", "monthly"]), 1),
            73..=82 => recurring(rng.pick(&["per triwulan", "Setiap triwulan", "quarterly"]), 3),
            83..=91 => recurring(rng.pick(&["per semester", "Setiap semester", "semesteran"]), 6),
            _ => Due {
                text: rng
                    .pick(&["setiap ada pertemuan", "Setiap ada kegiatan", "sewaktu-waktu", "as needed"])
                    .to_string(),
                periods: Vec::new(),
            },
        }
    }
}

// ---------------------------------------------------------------------------
// Indicators

/// One indicator file's text and what its evidence folder should hold.
struct Indicator {
    text: String,
    toml: String,
    /// Indexes into `DOCUMENTS`.
    documents: Vec<usize>,
    due: Due,
    planted_error: bool,
}

impl Indicator {
    fn random(rng: &mut Rng, year: i32) -> Indicator {
        let length = rng.between(80, 200);
        let head = format!("{} {}", rng.pick(INDICATOR_HEADS), rng.pick(INDICATOR_OBJECTS));
        let text = lengthen(rng, head, length, 200);
        let actions: Vec<String> = (0..rng.between(1, 4))
            .map(|_| {
                let length = rng.between(30, 120);
                let action = format!("{} {}", rng.pick(ACTION_VERBS), rng.pick(INDICATOR_OBJECTS));
                lengthen(rng, action, length, 160)
            })
            .collect();
        let mut documents = Vec::new();
        for _ in 0..rng.between(1, 6) {
            let d = rng.between(0, DOCUMENTS.len() - 1);
            if !documents.contains(&d) {
                documents.push(d);
            }
        }
        let due = Due::random(rng, year);

        let mut toml = String::new();
        let _ = writeln!(toml, "indicator = \"{text}\"");
        let _ = writeln!(toml, "actions = [");
        for action in &actions {
            let _ = writeln!(toml, "  \"{action}\",");
        }
        let _ = writeln!(toml, "]");
        let _ = writeln!(toml, "evidence = [");
        for &d in &documents {
            let (name, file, _) = DOCUMENTS[d];
            match file {
                None => {
                    let _ = writeln!(toml, "  \"{name}\",");
                }
                Some([glob]) => {
                    let _ = writeln!(toml, "  {{ name = \"{name}\", file = \"{glob}\" }},");
                }
                Some(globs) => {
                    let list: Vec<String> = globs.iter().map(|g| format!("\"{g}\"")).collect();
                    let _ = writeln!(toml, "  {{ name = \"{name}\", file = [{}] }},", list.join(", "));
                }
            }
        }
        let _ = writeln!(toml, "]");

        // A few planted problems, at most one per file, each of a kind a
        // checker must report: a misspelt or meaningless target time, an
        // unknown key, a file that is not TOML at all.
        let planted = rng.between(0, 1999);
        let planted_error = planted <= 10;
        let due_text = if planted <= 4 {
            rng.pick(&["Pebuari 2022", "Juli 2O22", "minggu ke-2", "Desember s/d"]).to_string()
        } else {
            due.text.clone()
        };
        let _ = writeln!(toml, "due = \"{due_text}\"");
        if rng.chance(60) {
            let pic = rng.pick(&[
                "Tim Kerja ZI",
                "Subbag Umum",
                "Kepala Seksi Pelayanan",
                "Tim Pokja Manajemen Perubahan",
            ]);
            let _ = writeln!(toml, "pic = \"{pic}\"");
        }
        match planted {
            5..=9 => {
                let _ =
                    writeln!(toml, "keterangan = \"{}\"", rng.pick(&["lihat lampiran", "menunggu arahan"]));
            }
            10 => toml.push_str("catatan = \"kutip tidak ditutup\n"),
            _ => {}
        }
        Indicator { text, toml, documents, due, planted_error }
    }

    /// Writes the evidence folder: month folders inside the indicator's
    /// periods, about five files in all, earlier periods fuller than later
    /// ones, and some documents missing. Returns how many files it wrote.
    fn write_evidence(&self, rng: &mut Rng, dir: &Path, year: i32) -> Result<usize> {
        let mut budget = rng.between(4, 9);
        let mut files = 0;
        let file_name = |rng: &mut Rng, d: usize, month: u32| {
            let stem = DOCUMENTS[d].2;
            let ext = if DOCUMENTS[d].0 == "Foto kegiatan" { "jpg" } else { rng.pick(EXTENSIONS) };
            format!("{stem}_{}.{ext}", MONTHS[month as usize - 1].to_lowercase())
        };
        if self.due.periods.is_empty() {
            // No deadline: one dated folder per occurrence.
            let mut folders = std::collections::BTreeSet::new();
            for _ in 0..rng.between(0, 3) {
                let month = rng.between(1, 12) as u32;
                let folder = if rng.chance(50) {
                    format!("{year}-{month:02}")
                } else {
                    format!("{year}-{month:02}-{:02}", rng.between(1, 28))
                };
                if !folders.insert(folder.clone()) {
                    continue;
                }
                for &d in &self.documents {
                    if budget > 0 && rng.chance(85) {
                        write(&dir.join(&folder).join(file_name(rng, d, month)), EVIDENCE_BYTES)?;
                        budget -= 1;
                        files += 1;
                    }
                }
            }
            return Ok(files);
        }
        let single = self.due.periods.len() == 1;
        for &(first, last) in &self.due.periods {
            if budget == 0 {
                break;
            }
            let month = rng.between(first as usize, last as usize) as u32;
            let folder = format!("{year}-{month:02}");
            for &d in &self.documents {
                if budget == 0 || rng.chance(12) {
                    continue; // a gap: the document is missing
                }
                let name = file_name(rng, d, month);
                // A single period also counts files directly in the folder.
                let path = if single && !self.planted_error && rng.one_in(10) {
                    dir.join(&name)
                } else if rng.one_in(20) {
                    dir.join(&folder).join("lampiran").join(&name)
                } else {
                    dir.join(&folder).join(&name)
                };
                write(&path, EVIDENCE_BYTES)?;
                budget -= 1;
                files += 1;
                if budget > 0 && rng.chance(40) {
                    // A second file for the same document: a revision, a scan.
                    let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
                    write(&dir.join(&folder).join(format!("{stem}_rev1.pdf")), EVIDENCE_BYTES)?;
                    budget -= 1;
                    files += 1;
                }
            }
            if rng.one_in(15) {
                write(
                    &dir.join(&folder).join(format!("scan_{:04}.pdf", rng.between(1, 9999))),
                    EVIDENCE_BYTES,
                )?;
                files += 1;
            }
        }
        Ok(files)
    }
}

/// Words appended to `text`, each phrase at most once, until it is about
/// `length` characters (never more than `max`).
fn lengthen(rng: &mut Rng, mut text: String, length: usize, max: usize) -> String {
    let mut tails: Vec<&str> = INDICATOR_TAILS.to_vec();
    while text.chars().count() < length && !tails.is_empty() {
        let next = tails.swap_remove(rng.between(0, tails.len() - 1));
        if text.len() + next.len() + 1 > max {
            break;
        }
        text.push(' ');
        text.push_str(next);
    }
    text
}

fn slug(text: &str) -> String {
    slug_words(text, usize::MAX)
}

/// The first `max` words of `text`, lowercase, joined by dashes.
fn slug_words(text: &str, max: usize) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file below `dir` with its contents, sorted.
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                (rel, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_same_arguments_write_the_same_files() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let first = generate(a.path(), 300, 7, 2022).unwrap();
        let second = generate(b.path(), 300, 7, 2022).unwrap();
        assert_eq!(first, second);
        assert_eq!(first.indicators, 300);
        assert_eq!(tree(a.path()), tree(b.path()));
        let other = tempfile::tempdir().unwrap();
        generate(other.path(), 300, 8, 2022).unwrap();
        assert_ne!(tree(a.path()), tree(other.path()));
    }

    #[test]
    fn refuses_a_folder_that_already_holds_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        assert!(generate(dir.path(), 10, 1, 2022).is_err());
        assert_eq!(std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(), "mine");
    }

    #[test]
    fn the_plan_reads_cleanly_except_for_the_planted_errors() {
        let dir = tempfile::tempdir().unwrap();
        let written = generate(dir.path(), 1000, 2022, 2022).unwrap();
        assert!(written.planted_errors > 0, "{written:?}");
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let args =
            ["zi", "-C", dir.path().to_str().unwrap(), "--as-of", "2022-10-15", "check", "--format", "json"];
        zi::run(args, &zi::Env::default(), &mut out, &mut err);
        let report: serde_json::Value = serde_json::from_slice(&out).unwrap();
        let diagnostics = report["diagnostics"].as_array().unwrap();
        let mut codes: Vec<&str> = diagnostics.iter().map(|d| d["code"].as_str().unwrap()).collect();
        codes.sort_unstable();
        codes.dedup();
        let planted = ["bad-due", "toml-syntax", "unknown-key"];
        assert!(codes.iter().all(|c| planted.contains(c) || *c == "unmatched-file"), "{codes:?}");
        let errors = diagnostics.iter().filter(|d| d["severity"] == "error").count();
        assert_eq!(errors, written.planted_errors);
    }
}
