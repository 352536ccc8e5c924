//! A plan repository in a temp dir, and the real `zi` binary run against it
//! with a pinned date.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::Command;

pub struct Repo {
    dir: tempfile::TempDir,
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Run {
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }
}

impl Repo {
    /// A repository with `zi.toml` for year 2022 and the given extra lines.
    pub fn new() -> Repo {
        let repo = Repo { dir: tempfile::tempdir().expect("temp dir") };
        repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nlang = \"en\"\n");
        repo
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, contents: &str) -> &Repo {
        let path = self.dir.path().join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, contents).unwrap();
        self
    }

    /// An evidence file (empty: only its name matters).
    pub fn file(&self, rel: &str) -> &Repo {
        self.write(rel, "")
    }

    /// An indicator at `plan/1-area/1-comp/<name>.toml` with `name = …`
    /// files for its area and component.
    pub fn indicator(&self, name: &str, evidence: &str, due: &str) -> &Repo {
        self.write("plan/1-area/area.toml", "name = \"Manajemen Perubahan\"\n");
        self.write("plan/1-area/1-comp/component.toml", "name = \"Tim Kerja\"\n");
        self.write(
            &format!("plan/1-area/1-comp/{name}.toml"),
            &format!("indicator = \"Indikator {name}\"\nactions = [\"Aksi\"]\nevidence = {evidence}\ndue = \"{due}\"\n"),
        )
    }

    pub fn run(&self, date: &str, args: &[&str]) -> Run {
        run_in(self.dir.path(), date, args)
    }
}

pub fn bin() -> PathBuf {
    PathBuf::from(env!("CARGO_BIN_EXE_zi"))
}

pub fn run_in(dir: &Path, date: &str, args: &[&str]) -> Run {
    let out = Command::new(bin())
        .args(args)
        .current_dir(dir)
        .env("ZI_TODAY", date)
        .env("NO_COLOR", "1")
        .env_remove("LANG")
        .output()
        .expect("run zi");
    let run = Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    };
    assert!(!run.stderr.contains("panicked"), "zi panicked:\n{}", run.stderr);
    run
}

/// The status of one indicator from `zi status --format json`.
pub fn status_of(repo: &Repo, date: &str, id: &str) -> String {
    let json = repo.run(date, &["status", "--format", "json"]).json();
    for area in json["areas"].as_array().unwrap() {
        for component in area["components"].as_array().unwrap() {
            for indicator in component["indicators"].as_array().unwrap() {
                if indicator["id"] == id {
                    return indicator["status"].as_str().unwrap().to_string();
                }
            }
        }
    }
    panic!("{id} not in status output")
}
