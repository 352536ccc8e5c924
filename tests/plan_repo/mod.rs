//! A small plan repository in a temporary folder, the real `zi` binary run
//! against it with a pinned date, and real `git` with settings of its own
//! (so that a developer's or CI machine's git configuration cannot leak in).

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const ZI: &str = env!("CARGO_BIN_EXE_zi");

/// A date when January's and July's deadlines have passed.
pub const AUGUST: &str = "2022-08-15";

pub const ZI_TOML: &str = "unit = \"Balai Uji\"\nyear = 2022\n";

/// Two documents by January.
pub const SK: &str = "indicator = \"Penyusunan SK Tim Kerja ZI\"\nactions = [\n  \"Menyusun SK\",\n]\nevidence = [\n  \"SK Tim\",\n  \"Daftar hadir\",\n]\ndue = \"Januari 2022\"\n";

/// One document by July and one by December.
pub const MONEV: &str = "indicator = \"Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester\"\nactions = [\n  \"Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali\",\n]\nevidence = [\n  \"Undangan rapat\",\n  { name = \"Notulasi rapat\", file = \"notul*\" },\n]\ndue = \"Juli, Desember 2022\"\n";

pub const SK_PATH: &str = "plan/1-manajemen-perubahan/1-tim-kerja/1-sk-tim.toml";
pub const MONEV_PATH: &str = "plan/1-manajemen-perubahan/1-tim-kerja/2-monev.toml";
pub const SK_EVIDENCE: &str = "evidence/1-manajemen-perubahan/1-tim-kerja/1-sk-tim";
pub const MONEV_EVIDENCE: &str = "evidence/1-manajemen-perubahan/1-tim-kerja/2-monev";

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl From<Output> for Run {
    fn from(output: Output) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
        }
    }
}

pub struct PlanRepo {
    dir: tempfile::TempDir,
    /// Where the plan root is inside the temporary folder.
    root: PathBuf,
}

impl PlanRepo {
    /// `zi.toml` and two indicators; January's SK is half there.
    pub fn new() -> PlanRepo {
        PlanRepo::below("")
    }

    /// The same plan in a subfolder `sub` of the temporary folder.
    pub fn below(sub: &str) -> PlanRepo {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join(sub);
        let repo = PlanRepo { dir, root };
        repo.write("zi.toml", ZI_TOML);
        repo.write("plan/1-manajemen-perubahan/area.toml", "name = \"Manajemen Perubahan\"\n");
        repo.write(
            "plan/1-manajemen-perubahan/1-tim-kerja/component.toml",
            "name = \"Penyusunan Tim Kerja\"\n",
        );
        repo.write(SK_PATH, SK);
        repo.write(MONEV_PATH, MONEV);
        repo.touch(&format!("{SK_EVIDENCE}/2022-01/SK Tim ZI.pdf"));
        repo
    }

    /// The plan root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temporary folder (the git repository's top when `below` was used).
    pub fn top(&self) -> &Path {
        self.dir.path()
    }

    pub fn write(&self, rel: &str, text: &str) {
        let path = self.root.join(rel);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.root.join(rel)).unwrap()
    }

    pub fn touch(&self, rel: &str) {
        self.write(rel, "");
    }

    /// `zi args…` in the plan root on `date`, in English.
    pub fn zi(&self, date: &str, args: &[&str]) -> Run {
        zi_in(&self.root, date, args)
    }

    /// Runs git in the top folder; panics when git fails.
    pub fn git(&self, args: &[&str]) -> String {
        let run = self.git_run(args, &path_with_zi(), AUGUST);
        assert_eq!(run.code, 0, "git {args:?} failed: {run:?}");
        run.stdout
    }

    /// Runs git in the top folder with `PATH` and `ZI_TODAY` as given.
    pub fn git_run(&self, args: &[&str], path: &OsString, date: &str) -> Run {
        git(self.top(), args, path, date)
    }

    /// `git init` and a first commit of everything, made before any hook exists.
    pub fn init_and_commit(&self) {
        self.git(&["init", "-q"]);
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", "plan"]);
    }

    /// `git commit -a` of everything on `date`, with the test's `zi` on PATH.
    pub fn commit_all(&self, message: &str, date: &str) -> Run {
        self.git(&["add", "-A"]);
        self.git_run(&["commit", "-q", "-m", message], &path_with_zi(), date)
    }

    pub fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"]).trim().parse().unwrap()
    }
}

/// `zi args…` in `dir` on `date`, in English, without colour.
pub fn zi_in(dir: &Path, date: &str, args: &[&str]) -> Run {
    Command::new(ZI)
        .args(args)
        .current_dir(dir)
        .env("ZI_TODAY", date)
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
        .into()
}

/// Real git with this test's identity and no user or system configuration.
pub fn git(dir: &Path, args: &[&str], path: &OsString, date: &str) -> Run {
    Command::new("git")
        .args([
            "-c",
            "user.name=Tim Kerja ZI",
            "-c",
            "user.email=zi@example.org",
            "-c",
            "init.defaultBranch=main",
        ])
        .args(args)
        .current_dir(dir)
        .env("PATH", path)
        .env("GIT_CONFIG_NOSYSTEM", "1")
        .env("GIT_CONFIG_GLOBAL", "/dev/null")
        .env("GIT_AUTHOR_NAME", "Tim Kerja ZI")
        .env("GIT_AUTHOR_EMAIL", "zi@example.org")
        .env("GIT_COMMITTER_NAME", "Tim Kerja ZI")
        .env("GIT_COMMITTER_EMAIL", "zi@example.org")
        .env("ZI_TODAY", date)
        .env_remove("LANG")
        .env("NO_COLOR", "1")
        .output()
        .unwrap()
        .into()
}

/// PATH with the folder of the `zi` under test first, as a hook finds it.
pub fn path_with_zi() -> OsString {
    let dir = Path::new(ZI).parent().unwrap().to_path_buf();
    let rest = std::env::var_os("PATH").unwrap_or_default();
    std::env::join_paths(std::iter::once(dir).chain(std::env::split_paths(&rest))).unwrap()
}

/// PATH without any folder that holds a `zi`.
pub fn path_without_zi() -> OsString {
    let rest = std::env::var_os("PATH").unwrap_or_default();
    let dirs = std::env::split_paths(&rest).filter(|d| !d.join("zi").exists());
    std::env::join_paths(dirs).unwrap()
}
