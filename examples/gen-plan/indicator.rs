//! One indicator: its target time, its plan file and its evidence folder.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::Result;

use crate::vocabulary::{
    ACTION_VERBS, DOCUMENTS, EVIDENCE_BYTES, EXTENSIONS, INDICATOR_HEADS, INDICATOR_OBJECTS, INDICATOR_TAILS,
    MONTHS, MONTH_VARIANTS, STRAY_NAMES,
};
use crate::{write, Rng};

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
pub(crate) struct Indicator {
    pub(crate) text: String,
    pub(crate) toml: String,
    /// Indexes into `DOCUMENTS`.
    documents: Vec<usize>,
    due: Due,
    pub(crate) planted_error: bool,
}

impl Indicator {
    pub(crate) fn random(rng: &mut Rng, year: i32) -> Indicator {
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
        let wanted = rng.between(1, 4);
        let mut documents = Vec::new();
        while documents.len() < wanted {
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

    /// Writes the evidence folder and returns how many files it wrote:
    /// month folders inside the indicator's periods, three to eight files
    /// in all within the periods, periods that end after October (the benchmark's as-of
    /// month) half empty and earlier ones with one document in ten missing,
    /// revisions, stray scans and photos that satisfy no document, and now
    /// and then a document filed in a month after the last deadline.
    pub(crate) fn write_evidence(&self, rng: &mut Rng, dir: &Path, year: i32) -> Result<usize> {
        let mut files = Files { dir, written: 0 };
        let mut budget = rng.between(3, 9);
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
                        files.write(&folder, &document_file(rng, d, month))?;
                        budget -= 1;
                    }
                }
            }
            return Ok(files.written);
        }
        let single = self.due.periods.len() == 1;
        for &(first, last) in &self.due.periods {
            if budget == 0 {
                break;
            }
            let month = rng.between(first as usize, last as usize) as u32;
            let folder = format!("{year}-{month:02}");
            let missing = if last > 10 { 50 } else { 10 };
            for &d in &self.documents {
                if budget == 0 || rng.chance(missing) {
                    continue; // a gap: the document is missing
                }
                // Named as the phone or scanner named it, one in four: the
                // document stays missing and the file matches nothing.
                let name = if rng.chance(25) { stray_file(rng) } else { document_file(rng, d, month) };
                // A single period also counts files directly in the folder.
                if single && !self.planted_error && rng.one_in(10) {
                    files.write("", &name)?;
                } else if rng.one_in(20) {
                    files.write(&format!("{folder}/lampiran"), &name)?;
                } else {
                    files.write(&folder, &name)?;
                }
                budget -= 1;
                if budget > 0 && rng.chance(40) {
                    // A second file for the same document: a revision.
                    let stem = name.rsplit_once('.').map_or(name.as_str(), |(stem, _)| stem);
                    files.write(&folder, &format!("{stem}_rev1.pdf"))?;
                    budget -= 1;
                }
            }
            if rng.chance(60) {
                files.write(&folder, &stray_file(rng))?;
            }
        }
        // Done after the deadline and filed in the month it was done: a
        // month folder in no period.
        let end = self.due.periods.last().map_or(12, |&(_, last)| last);
        if end < 12 && rng.chance(80) {
            let month = rng.between(end as usize + 1, 12) as u32;
            for &d in &self.documents {
                if rng.chance(60) {
                    files.write(&format!("{year}-{month:02}"), &document_file(rng, d, month))?;
                }
            }
        }
        Ok(files.written)
    }
}

/// A file name that satisfies document `d` (an index into `DOCUMENTS`),
/// dated by its month.
fn document_file(rng: &mut Rng, d: usize, month: u32) -> String {
    let (name, _, stem) = DOCUMENTS[d];
    let ext = if name == "Foto kegiatan" { "jpg" } else { rng.pick(EXTENSIONS) };
    format!("{stem}_{}.{ext}", MONTHS[month as usize - 1].to_lowercase())
}

/// A file name that satisfies no document of an indicator that names
/// several.
fn stray_file(rng: &mut Rng) -> String {
    rng.pick(STRAY_NAMES).replace("{}", &format!("{:04}", rng.between(1, 9999)))
}

/// Evidence files written below one indicator's folder, counted.
struct Files<'a> {
    dir: &'a Path,
    written: usize,
}

impl Files<'_> {
    /// Writes `name` into `folder` (relative to the indicator's folder;
    /// empty for the folder itself).
    fn write(&mut self, folder: &str, name: &str) -> Result<()> {
        write(&self.dir.join(folder).join(name), EVIDENCE_BYTES)?;
        self.written += 1;
        Ok(())
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
