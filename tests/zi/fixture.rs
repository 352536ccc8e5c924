//! The plans the tests share: a realistic one (its content and a table of
//! what it holds are in `realistic_plan.rs`), a small one of two
//! indicators, a good one and a broken one.

#![allow(dead_code)]

use crate::harness::{indicator_text, Repo};
use crate::realistic_plan::{AREAS, ROWS};

pub const AS_OF: &str = "2022-08-15";

pub const IDS: [&str; 15] = [
    "I.1.1", "I.1.2", "I.2.1", "I.2.2", "II.1.1", "II.2.1", "III.1.1", "III.2.1", "III.2.2", "IV.1.1",
    "IV.2.1", "V.1.1", "V.2.1", "VI.1.1", "VI.2.1",
];

/// Builds the realistic plan (see `realistic_plan.rs`).
pub fn realistic() -> Repo {
    let repo = Repo::empty();
    repo.write("zi.toml", "unit = \"Balai Uji Tanaman & Kebun\"\nyear = 2022\nlang = \"id\"\n");
    for (dir, name) in AREAS {
        repo.write(&format!("plan/{dir}/area.toml"), format!("name = \"{name}\"\n"));
    }
    for (area, component, component_name, stem, body, files) in ROWS {
        let area = AREAS[area].0;
        repo.write(
            &format!("plan/{area}/{component}/component.toml"),
            format!("name = \"{component_name}\"\n"),
        );
        repo.write(&format!("plan/{area}/{component}/{stem}.toml"), body);
        for file in files {
            repo.write(&format!("evidence/{area}/{component}/{stem}/{file}"), "%PDF-1.4 fixture\n");
        }
    }
    repo
}

// --- a small plan -----------------------------------------------------------

/// `zi.toml` of the small plan: no `lang`, so English unless told.
pub const ZI_TOML: &str = "unit = \"Balai Uji\"\nyear = 2022\n";

/// Two documents by January.
pub const SK: &str = "indicator = \"Penyusunan SK Tim Kerja ZI\"\nactions = [\n  \"Menyusun SK\",\n]\nevidence = [\n  \"SK Tim\",\n  \"Daftar hadir\",\n]\ndue = \"Januari 2022\"\n";

/// One document by July and one by December.
pub const MONEV: &str = "indicator = \"Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester\"\nactions = [\n  \"Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali\",\n]\nevidence = [\n  \"Undangan rapat\",\n  { name = \"Notulasi rapat\", file = \"notul*\" },\n]\ndue = \"Juli, Desember 2022\"\n";

pub const SK_PATH: &str = "plan/1-manajemen-perubahan/1-tim-kerja/1-sk-tim.toml";
pub const MONEV_PATH: &str = "plan/1-manajemen-perubahan/1-tim-kerja/2-monev.toml";
pub const SK_EVIDENCE: &str = "evidence/1-manajemen-perubahan/1-tim-kerja/1-sk-tim";
pub const MONEV_EVIDENCE: &str = "evidence/1-manajemen-perubahan/1-tim-kerja/2-monev";

/// `zi.toml` and two indicators (SK, MONEV); January's SK is half there.
pub fn small() -> Repo {
    small_below("")
}

/// The small plan in the subfolder `sub` of the temp dir.
pub fn small_below(sub: &str) -> Repo {
    let repo = Repo::empty_below(sub);
    repo.write("zi.toml", ZI_TOML)
        .write("plan/1-manajemen-perubahan/area.toml", "name = \"Manajemen Perubahan\"\n")
        .write("plan/1-manajemen-perubahan/1-tim-kerja/component.toml", "name = \"Penyusunan Tim Kerja\"\n")
        .write(SK_PATH, SK)
        .write(MONEV_PATH, MONEV)
        .file(&format!("{SK_EVIDENCE}/2022-01/SK Tim ZI.pdf"));
    repo
}

/// The small plan committed, then a second commit that adds January's
/// missing document and moves the monitoring's first target from July to
/// September.
pub fn small_with_two_commits() -> Repo {
    let repo = small();
    repo.init_and_commit();
    repo.file(&format!("{SK_EVIDENCE}/2022-01/Daftar Hadir.pdf"));
    repo.write(MONEV_PATH, MONEV.replace("Juli, Desember 2022", "September, Desember 2022"));
    repo.git(&["add", "-A"]);
    repo.git(&["commit", "-q", "-m", "evidence and a later target"]);
    repo
}

// --- a broken plan ----------------------------------------------------------

/// The good indicator of every broken plan: due July 2022, its single
/// document filed in 2022-07, so done from August on.
pub const GOOD: &str = "plan/1-area/1-comp/1-good.toml";
pub const GOOD_ID: &str = "I.1.1";

/// A repository for 2022 in English holding only the good indicator.
pub fn good() -> Repo {
    let repo = Repo::new();
    repo.write("plan/1-area/area.toml", "name = \"Manajemen Perubahan\"\n")
        .write("plan/1-area/1-comp/component.toml", "name = \"Tim Kerja\"\n")
        .write(GOOD, indicator_text("Laporan tim", "[\"Laporan\"]", "Juli 2022"))
        .file("evidence/1-area/1-comp/1-good/2022-07/laporan.pdf");
    repo
}

/// The good indicator beside one of most things that can be wrong in a
/// plan repository (the cases of `broken.rs`, one each), for snapshots of
/// `zi check`.
pub fn broken() -> Repo {
    let repo = good();
    let comp = "plan/1-area/1-comp";
    repo.write(&format!("{comp}/2-broken.toml"), "indicator = \"Rapat\"\nactions = [\"a\",\ndue = \"Juli\"\n")
        .write(
            &format!("{comp}/3-typo.toml"),
            "indicator = \"Rapat\"\nactions = [\"a\"]\nevidnce = [\"Notulen\"]\ndue = \"Juli\"\nwarna = \"merah\"\n",
        )
        .write(
            &format!("{comp}/4-types.toml"),
            "indicator = 1\nactions = \"a\"\nevidence = { name = \"x\" }\ndue = 2022-07-01\npic = []\n",
        )
        .write(&format!("{comp}/5-due.toml"), indicator_text("Laporan", "[\"LAKIN\"]", "Pebuari 2022"))
        .write(&format!("{comp}/6-latin1.toml"), b"indicator = \"Pemeliharaan \xe9\"\n")
        .write(&format!("{comp}/7-scan.toml"), b"%PDF-1.4\n\x00\x01\x02\xff\xfe binary")
        .write(&format!("{comp}/8-empty.toml"), "")
        .write(
            &format!("{comp}/9-globs.toml"),
            "indicator = \"Glob\"\nactions = [\"a\"]\ndue = \"Juli\"\nevidence = [\n  { name = \"A\", file = \"../*\" },\n  { name = \"B\", file = \"[\" },\n]\n",
        )
        .write(&format!("{comp}/10-monthly.toml"), indicator_text("Bulanan", "[\"Laporan\"]", "Setiap bulan"))
        .write(&format!("{comp}/11-twice.toml"), indicator_text("Dua kali", "[\"Laporan\"]", "Juni, Desember 2022"))
        .write(&format!("{comp}/12-rapat.toml"), indicator_text("Rapat", "[\"Notulen\"]", "Desember"))
        .write(&format!("{comp}/012-rapat-lagi.toml"), indicator_text("Rapat lagi", "[\"Notulen\"]", "Desember"))
        .write(&format!("{comp}/rapat-evaluasi.toml"), indicator_text("Rapat", "[\"Notulen\"]", "Juli"))
        .mkdir(&format!("{comp}/13-folder.toml"))
        .write("plan/1-area/2-rapat.toml", indicator_text("Rapat", "[\"Notulen\"]", "Juli"))
        .write("plan/1-area/catatan.txt", "catatan")
        .write("plan/1-area/komponen/component.toml", "name = \"Komponen\"\n")
        .write("plan/penguatan/area.toml", "name = \"Penguatan\"\n")
        .write("plan/2-area/1-comp/1-x.toml", indicator_text("Tanpa nama area", "[\"Dokumen\"]", "Desember"))
        .write("plan/2-area/1-comp/component.toml", "name = \"K\"\n")
        .write("plan/3-area/area.toml", "nama = \"Salah\"\n")
        .mkdir("plan/3-area/1-comp")
        .write("evidence/1-area/1-comp/9-renamed/2022-07/notulen.pdf", "%PDF")
        .write("evidence/laporan.pdf", "%PDF")
        .write("evidence/1-area/1-comp/11-twice/laporan.pdf", "%PDF");
    for folder in ["2022-13", "2022-1", "22-01", "Juli", "2022-02-30", "2021-12"] {
        repo.file(&format!("evidence/1-area/1-comp/10-monthly/{folder}/laporan.pdf"));
    }
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        let at = |rel: &[u8]| repo.root().join(std::ffi::OsStr::from_bytes(rel));
        std::fs::write(at(b"plan/1-area/1-comp/14-rapat-\xff.toml"), indicator_text("x", "[]", "Juli"))
            .unwrap();
        std::fs::write(at(b"evidence/1-area/1-comp/1-good/2022-07/foto-\xff.jpg"), "%PDF").unwrap();
        repo.symlink("15-loop-b.toml", "plan/1-area/1-comp/15-loop-a.toml")
            .symlink("15-loop-a.toml", "plan/1-area/1-comp/15-loop-b.toml")
            .symlink("nowhere.pdf", "evidence/1-area/1-comp/1-good/2022-07/gone.pdf");
    }
    repo
}
