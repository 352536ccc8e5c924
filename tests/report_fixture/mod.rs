//! Kept only for `tests/status_terminal.rs`, which drives the library and
//! moves with `src/`; delete this folder with it. Every other test uses the
//! same plan from `tests/zi/fixture.rs`; its content is in
//! `tests/zi/realistic_plan.rs`, included here.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

#[path = "../zi/realistic_plan.rs"]
mod realistic_plan;

use realistic_plan::{AREAS, ROWS};

pub const AS_OF: &str = "2022-08-15";

pub const IDS: [&str; 15] = [
    "I.1.1", "I.1.2", "I.2.1", "I.2.2", "II.1.1", "II.2.1", "III.1.1", "III.2.1", "III.2.2", "IV.1.1",
    "IV.2.1", "V.1.1", "V.2.1", "VI.1.1", "VI.2.1",
];

pub struct Fixture {
    dir: tempfile::TempDir,
}

/// One run of the real binary.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Fixture {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, contents: &str) {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
        std::fs::write(path, contents).expect("write fixture file");
    }

    /// Runs `zi` at the repository root with the pinned date, no colour
    /// and no `LANG`, so only `--lang` and `zi.toml` choose the language.
    pub fn zi(&self, args: &[&str]) -> Run {
        self.zi_in(self.path(), args)
    }

    pub fn zi_in(&self, dir: &Path, args: &[&str]) -> Run {
        let output: Output = Command::new(binary())
            .args(args)
            .current_dir(dir)
            .env("ZI_TODAY", AS_OF)
            .env_remove("LANG")
            .env_remove("NO_COLOR")
            .output()
            .expect("run zi");
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8(output.stdout).expect("UTF-8 stdout"),
            stderr: String::from_utf8(output.stderr).expect("UTF-8 stderr"),
        }
    }
}

pub fn binary() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_zi"))
}

/// Builds the realistic plan (see the module's table).
pub fn realistic() -> Fixture {
    let fixture = Fixture { dir: tempfile::tempdir().expect("temp dir") };
    fixture.write("zi.toml", "unit = \"Balai Uji Tanaman & Kebun\"\nyear = 2022\nlang = \"id\"\n");
    for (dir, name) in AREAS {
        fixture.write(&format!("plan/{dir}/area.toml"), &format!("name = \"{name}\"\n"));
    }
    for (area, component, component_name, stem, body, files) in ROWS {
        let area = AREAS[area].0;
        fixture.write(
            &format!("plan/{area}/{component}/component.toml"),
            &format!("name = \"{component_name}\"\n"),
        );
        fixture.write(&format!("plan/{area}/{component}/{stem}.toml"), body);
        for file in files {
            fixture.write(&format!("evidence/{area}/{component}/{stem}/{file}"), "%PDF-1.4 fixture\n");
        }
    }
    fixture
}
