//! The one harness of the integration tests: a plan repository in a temp
//! dir, and the real `zi` binary run against it with the date, the
//! language and the colour pinned on purpose, never left to the machine.
//!
//! Tests drive the binary only, never the library, so that they hold
//! whatever shape `src/` takes.

#![allow(dead_code)]

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

pub const ZI: &str = env!("CARGO_BIN_EXE_zi");

/// The date most tests judge on: January's and July's deadlines have passed.
pub const AUGUST: &str = "2022-08-15";

/// A plan repository in a temp dir. The plan root may sit in a subfolder
/// of the temp dir (`below`), which is then the top of a git repository.
pub struct Repo {
    dir: tempfile::TempDir,
    root: PathBuf,
}

impl Repo {
    /// An empty temp dir: no `zi.toml`, no plan.
    pub fn empty() -> Repo {
        Repo::empty_below("")
    }

    /// An empty plan root in the subfolder `sub` of a temp dir.
    pub fn empty_below(sub: &str) -> Repo {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join(sub);
        std::fs::create_dir_all(&root).expect("plan root");
        Repo { dir, root }
    }

    /// A repository with `zi.toml` for 2022 in English and nothing else.
    pub fn new() -> Repo {
        let repo = Repo::empty();
        repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nlang = \"en\"\n");
        repo
    }

    /// A copy of the repository's own shipped plan (`zi.toml`, `plan/`,
    /// `evidence/`, `seeds/`), so that no test writes into the checkout.
    pub fn shipped() -> Repo {
        let repo = Repo::empty();
        let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
        std::fs::copy(checkout.join("zi.toml"), repo.at("zi.toml")).expect("copy zi.toml");
        for dir in ["plan", "evidence", "seeds"] {
            copy_tree(&checkout.join(dir), &repo.at(dir));
        }
        repo
    }

    /// The plan root.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The temp dir (above the root when `empty_below` was used).
    pub fn top(&self) -> &Path {
        self.dir.path()
    }

    /// `rel` under the plan root.
    pub fn at(&self, rel: &str) -> PathBuf {
        self.root.join(rel)
    }

    pub fn write(&self, rel: &str, contents: impl AsRef<[u8]>) -> &Repo {
        let path = self.at(rel);
        std::fs::create_dir_all(path.parent().expect("a file has a folder")).expect("create folder");
        std::fs::write(path, contents).expect("write file");
        self
    }

    /// An evidence file: a few bytes, since only its name matters (and
    /// that it is not empty: an empty file is not a document).
    pub fn file(&self, rel: &str) -> &Repo {
        self.write(rel, "%PDF-1.4\n")
    }

    pub fn mkdir(&self, rel: &str) -> &Repo {
        std::fs::create_dir_all(self.at(rel)).expect("create folder");
        self
    }

    pub fn read(&self, rel: &str) -> String {
        std::fs::read_to_string(self.at(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
    }

    #[cfg(unix)]
    pub fn symlink(&self, target: &str, rel: &str) -> &Repo {
        std::fs::create_dir_all(self.at(rel).parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, self.at(rel)).unwrap();
        self
    }

    /// An indicator at `plan/1-area/1-comp/<stem>.toml`, with the name
    /// files of its area and component.
    pub fn indicator(&self, stem: &str, evidence: &str, due: &str) -> &Repo {
        self.write("plan/1-area/area.toml", "name = \"Manajemen Perubahan\"\n");
        self.write("plan/1-area/1-comp/component.toml", "name = \"Tim Kerja\"\n");
        self.write(
            &format!("plan/1-area/1-comp/{stem}.toml"),
            indicator_text(&format!("Indikator {stem}"), evidence, due),
        )
    }

    /// `zi args…` in the plan root on `date`, ready to run.
    pub fn zi(&self, date: &str, args: &[&str]) -> Zi {
        Zi::new(self.root(), date, args).mask(self.top(), "[ROOT]")
    }

    /// `zi args…` in the plan root on `date`, with the defaults.
    pub fn run(&self, date: &str, args: &[&str]) -> Run {
        self.zi(date, args).run()
    }

    /// Real git in the top folder; panics when git fails.
    pub fn git(&self, args: &[&str]) -> String {
        let run = self.git_run(args, &path_with_zi(), AUGUST);
        assert_eq!(run.code, 0, "git {args:?} failed:\n{}", run.stderr);
        run.stdout
    }

    /// Real git in the top folder with `PATH` and `ZI_TODAY` as given
    /// (for the `zi` a hook runs), the temp dir masked as `[ROOT]`.
    pub fn git_run(&self, args: &[&str], path: &OsString, date: &str) -> Run {
        let mut run = git(self.top(), args, path, date);
        let top = self.top();
        let canonical = std::fs::canonicalize(top).unwrap_or_else(|_| top.to_path_buf());
        for p in [canonical, top.to_path_buf()] {
            run.masks.push((p.to_string_lossy().into_owned(), "[ROOT]".to_string()));
        }
        run
    }

    /// `git init` and a first commit of everything.
    pub fn init_and_commit(&self) -> &Repo {
        self.git(&["init", "-q"]);
        self.git(&["add", "-A"]);
        self.git(&["commit", "-q", "-m", "plan"]);
        self
    }

    /// `git add -A` and `git commit` on `date` (the date a hook judges on),
    /// with the `zi` under test first on PATH.
    pub fn commit_all(&self, message: &str, date: &str) -> Run {
        self.git(&["add", "-A"]);
        self.git_run(&["commit", "-q", "-m", message], &path_with_zi(), date)
    }

    pub fn commit_count(&self) -> usize {
        self.git(&["rev-list", "--count", "HEAD"]).trim().parse().unwrap()
    }
}

/// An indicator file's text.
pub fn indicator_text(text: &str, evidence: &str, due: &str) -> String {
    format!("indicator = \"{text}\"\nactions = [\"Aksi\"]\nevidence = {evidence}\ndue = \"{due}\"\n")
}

fn copy_tree(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("create folder");
    for entry in std::fs::read_dir(from).expect("read folder") {
        let entry = entry.expect("folder entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_tree(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), target).expect("copy file");
        }
    }
}

/// One run of the real binary, set up by its builder methods, then `run()`.
pub struct Zi {
    command: Command,
    args: Vec<String>,
    masks: Vec<(String, String)>,
}

impl Zi {
    /// `zi args…` in `dir` with `ZI_TODAY=date`, `NO_COLOR=1`, `LANG=C`,
    /// and `CLICOLOR`, `CLICOLOR_FORCE` and `TERM` known.
    pub fn new(dir: &Path, date: &str, args: &[&str]) -> Zi {
        let mut command = Command::new(ZI);
        command
            .args(args)
            .current_dir(dir)
            .env("ZI_TODAY", date)
            .env("NO_COLOR", "1")
            .env("LANG", "C")
            .env_remove("LC_ALL")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env("TERM", "dumb");
        Zi { command, args: args.iter().map(|a| a.to_string()).collect(), masks: Vec::new() }
    }

    /// Leaves `ZI_TODAY` unset: the machine's clock decides.
    pub fn no_date(mut self) -> Zi {
        self.command.env_remove("ZI_TODAY");
        self
    }

    /// Removes `NO_COLOR` (zi still colours only a terminal).
    pub fn color(mut self) -> Zi {
        self.command.env_remove("NO_COLOR");
        self
    }

    /// `LANG` as given, or unset with `None`.
    pub fn lang_env(mut self, lang: Option<&str>) -> Zi {
        match lang {
            Some(lang) => self.command.env("LANG", lang),
            None => self.command.env_remove("LANG"),
        };
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<std::ffi::OsStr>) -> Zi {
        self.command.env(key, value);
        self
    }

    pub fn current_dir(mut self, dir: &Path) -> Zi {
        self.command.current_dir(dir);
        self
    }

    /// Runs zi under `prefix` (a command that runs it with other
    /// privileges), keeping the environment set so far.
    pub fn prefix(mut self, prefix: &[&str]) -> Zi {
        let Some((first, rest)) = prefix.split_first() else {
            return self;
        };
        let mut command = Command::new(first);
        command.args(rest).arg(ZI).args(&self.args);
        for (key, value) in self.command.get_envs() {
            match value {
                Some(value) => command.env(key, value),
                None => command.env_remove(key),
            };
        }
        if let Some(dir) = self.command.get_current_dir() {
            command.current_dir(dir);
        }
        self.command = command;
        self
    }

    /// Replaces `path` (and its canonical form) with `name` in snapshots:
    /// a temp dir's name changes on every run, and a snapshot must not.
    pub fn mask(mut self, path: &Path, name: &str) -> Zi {
        let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        for p in [canonical, path.to_path_buf()] {
            let text = p.to_string_lossy().into_owned();
            if !self.masks.iter().any(|(m, _)| *m == text) {
                self.masks.push((text, name.to_string()));
            }
        }
        self
    }

    /// Starts zi with standard output as given and standard error
    /// discarded, for a test that acts on it while it runs.
    pub fn spawn(mut self, stdout: std::process::Stdio) -> std::process::Child {
        self.command.stdout(stdout).stderr(std::process::Stdio::null()).spawn().expect("start zi")
    }

    /// Runs zi and asserts it did not panic.
    pub fn run(mut self) -> Run {
        let output = self.command.output().expect("run zi");
        let run = Run::from_output(output, format!("zi {}", self.args.join(" ")), self.masks);
        let args = &self.args;
        assert_ne!(run.code, -1, "zi {args:?} was killed by a signal:\n{}", run.stderr);
        assert_ne!(run.code, 101, "zi {args:?} panicked:\n{}", run.stderr);
        assert!(!run.stderr.contains("panicked at"), "zi {args:?} panicked:\n{}", run.stderr);
        run
    }
}

/// What a run printed and how it ended.
#[derive(Debug)]
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
    /// The command line, for a snapshot's header.
    pub command: String,
    masks: Vec<(String, String)>,
}

impl Run {
    fn from_output(output: Output, command: String, masks: Vec<(String, String)>) -> Run {
        Run {
            code: output.status.code().unwrap_or(-1),
            stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
            stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
            command,
            masks,
        }
    }

    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout).unwrap_or_else(|e| panic!("not JSON ({e}):\n{}", self.stdout))
    }

    /// Exit code, standard output and standard error in one text, temp
    /// paths replaced by their masks (`[ROOT]`): what a snapshot pins.
    /// insta trims trailing whitespace, so a last line marks the end.
    pub fn snapshot(&self) -> String {
        let mut text =
            format!("exit: {}\n--- stdout\n{}--- stderr\n{}--- end\n", self.code, self.stdout, self.stderr);
        // Longest first, so that a path is never half replaced by its parent's mask.
        let mut masks = self.masks.clone();
        masks.sort_by_key(|(path, _)| std::cmp::Reverse(path.len()));
        for (path, name) in masks {
            text = text.replace(&path, &name);
        }
        text
    }

    /// Fails when the output holds any of the masked (absolute) paths.
    pub fn assert_no_absolute_path(&self) {
        for (path, _) in &self.masks {
            assert!(
                !self.stdout.contains(path) && !self.stderr.contains(path),
                "the output holds the absolute path {path}:\n{}{}",
                self.stdout,
                self.stderr
            );
        }
    }
}

/// Real git in `dir` with this test's identity and no user or system
/// configuration, `PATH` and `ZI_TODAY` as given (for the hook's `zi`).
pub fn git(dir: &Path, args: &[&str], path: &OsString, date: &str) -> Run {
    let output = Command::new("git")
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
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .expect("run git");
    Run::from_output(output, format!("git {}", args.join(" ")), Vec::new())
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
