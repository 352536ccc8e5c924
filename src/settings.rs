//! Everything a run depends on besides the plan, resolved once: the flags,
//! the environment (`LANG`, `ZI_TODAY`, and whether the output takes colour,
//! which the process edge decides), and `zi.toml`, read once. The layers
//! below take these values; none of them reads the environment.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;

use crate::cli::{self, GlobalArgs};
use crate::load::{config, tree};
use crate::model::plan::{Config, CONFIG_FILE};
use crate::problem::{Fatal, Kind, Problem};
use crate::render::Style;
use crate::text::Lang;

/// What the process edge read from the environment.
#[derive(Clone, Debug, Default)]
pub struct Env {
    /// `LANG`.
    pub lang: Option<OsString>,
    /// `ZI_TODAY`: the date to judge on, when `--as-of` is not given.
    pub today: Option<OsString>,
    /// Whether standard output takes colour: a terminal, `NO_COLOR` unset
    /// or empty, `TERM` not `dumb`, or `CLICOLOR_FORCE` set.
    pub color: bool,
    /// The columns of the terminal standard output is, `None` when it is
    /// not one (a pipe, a file): then tables keep a fixed width, so that a
    /// committed report diffs cleanly.
    pub width: Option<u16>,
    /// Whether standard output is a terminal: a workbook's bytes are never
    /// written to one.
    pub terminal: bool,
    /// Whether the environment tells git where the repository is
    /// (`GIT_DIR`, `GIT_WORK_TREE`, `GIT_CEILING_DIRECTORIES`, …): then
    /// only git can say, else zi finds the `.git` above the root itself.
    pub git_located: bool,
    /// `GIT_INDEX_FILE`: the index git is told to use (git sets it for the
    /// hooks a commit runs).
    pub git_index_file: Option<OsString>,
}

impl Env {
    /// The environment of this process.
    pub fn of_process(color: bool, width: Option<u16>, terminal: bool) -> Env {
        let git_located = GIT_LOCATION.iter().any(|name| std::env::var_os(name).is_some());
        Env {
            lang: std::env::var_os("LANG"),
            today: std::env::var_os("ZI_TODAY"),
            color,
            width,
            terminal,
            git_located,
            git_index_file: std::env::var_os("GIT_INDEX_FILE"),
        }
    }
}

/// The variables by which git is told where a repository is, or how far up
/// to look for one.
const GIT_LOCATION: [&str; 5] = [
    "GIT_DIR",
    "GIT_WORK_TREE",
    "GIT_COMMON_DIR",
    "GIT_CEILING_DIRECTORIES",
    "GIT_DISCOVERY_ACROSS_FILESYSTEM",
];

/// The width of tables written anywhere but to a terminal.
pub(crate) const FIXED_WIDTH: usize = 100;

/// One run's settings.
#[derive(Debug)]
pub(crate) struct Settings {
    /// The plan repository's root (the folder of `zi.toml`).
    pub(crate) root: PathBuf,
    /// Where relative paths on the command line start: `-C DIR`, else `.`.
    pub(crate) base: PathBuf,
    pub(crate) config: Config,
    /// `zi.toml`'s text, read once, for quoting its problems.
    pub(crate) config_text: Option<String>,
    /// The problems of `zi.toml`, reported with the plan's.
    pub(crate) config_problems: Vec<Problem>,
    pub(crate) lang: Lang,
    /// `--lang`: the language of a plan `zi init` starts (see `plan_lang`).
    lang_flag: Option<Lang>,
    /// The language when neither `--lang` nor `zi.toml` names one.
    lang_otherwise: Lang,
    pub(crate) as_of: NaiveDate,
    pub(crate) color: bool,
    /// The width tables are laid out for.
    pub(crate) width: usize,
    /// Standard output is a terminal.
    pub(crate) terminal: bool,
    /// `Env::git_located`.
    pub(crate) git_located: bool,
    /// `Env::git_index_file`.
    pub(crate) git_index_file: Option<OsString>,
}

impl Settings {
    /// Finds the root, reads `zi.toml` and settles language and date. A
    /// failure comes with the style to say it in (`--lang`, then `LANG`,
    /// then `zi.toml` once it is read).
    pub(crate) fn resolve(global: &GlobalArgs, env: &Env) -> Result<Settings, (Fatal, Style)> {
        let early = Style {
            lang: global.lang.or_else(|| env_lang(env)).unwrap_or(Lang::En),
            color: env.color,
            width: width(env),
        };
        let base = global.dir.clone().unwrap_or_else(|| PathBuf::from("."));
        let (root, regular) = tree::find_root_seen(&base).map_err(|f| (f, early))?;
        Settings::with_root(global, env, base, (root, regular))
    }

    /// The settings of a command that makes a plan at `target` (relative
    /// to `-C DIR`; the base folder itself when `None`): no `zi.toml` is
    /// looked for above it, and one already at `target` gives only its
    /// language (importing over a plan with `--force` speaks that plan's).
    pub(crate) fn for_new_plan(
        global: &GlobalArgs,
        env: &Env,
        target: Option<&Path>,
    ) -> Result<Settings, (Fatal, Style)> {
        let base = global.dir.clone().unwrap_or_else(|| PathBuf::from("."));
        let root = match (target, &global.dir) {
            (Some(t), Some(dir)) => dir.join(t),
            (Some(t), None) => t.to_path_buf(),
            (None, _) => base.clone(),
        };
        let lang = global.lang.or_else(|| plan_lang(&root)).or_else(|| env_lang(env)).unwrap_or(Lang::En);
        Settings::assemble(global, env, (base, root), (Config::default(), None, Vec::new()), lang)
    }

    fn with_root(
        global: &GlobalArgs,
        env: &Env,
        base: PathBuf,
        (root, regular): (PathBuf, bool),
    ) -> Result<Settings, (Fatal, Style)> {
        let (read, config_lang) = read_config(&root, regular);
        let lang = global.lang.or(config_lang).or_else(|| env_lang(env)).unwrap_or(Lang::En);
        Settings::assemble(global, env, (base, root), read, lang)
    }

    /// The settings of one unit of the workspace these settings are at: its
    /// own `zi.toml`, the workspace's language, date and terminal, so that
    /// every unit of one report speaks alike.
    pub(crate) fn for_unit(&self, root: PathBuf) -> Settings {
        let ((config, config_text, config_problems), _) = read_config(&root, false);
        Settings {
            root,
            base: self.base.clone(),
            config,
            config_text,
            config_problems,
            lang: self.lang,
            lang_flag: self.lang_flag,
            lang_otherwise: self.lang_otherwise,
            as_of: self.as_of,
            color: self.color,
            width: self.width,
            terminal: self.terminal,
            git_located: self.git_located,
            git_index_file: self.git_index_file.clone(),
        }
    }

    /// The settings once the root, `zi.toml` (as read, its text, its
    /// problems) and the language are known: only the date is left.
    fn assemble(
        global: &GlobalArgs,
        env: &Env,
        (base, root): (PathBuf, PathBuf),
        (config, config_text, config_problems): (Config, Option<String>, Vec<Problem>),
        lang: Lang,
    ) -> Result<Settings, (Fatal, Style)> {
        let as_of =
            as_of(global, env).map_err(|f| (f, Style { lang, color: env.color, width: width(env) }))?;
        Ok(Settings {
            root,
            base,
            config,
            config_text,
            config_problems,
            lang,
            lang_flag: global.lang,
            lang_otherwise: env_lang(env).unwrap_or(Lang::En),
            as_of,
            color: env.color,
            width: width(env),
            terminal: env.terminal,
            git_located: env.git_located,
            git_index_file: env.git_index_file.clone(),
        })
    }

    /// The language to say a refused command line or `--help` in: `--lang`,
    /// else `zi.toml`'s `lang` (its problems are left to a run that reads
    /// it), else `LANG`, else English.
    pub(crate) fn usage_style(args: &[OsString], env: &Env) -> Style {
        let (flag, dir) = cli::early_globals(args);
        let config_lang = || plan_lang(&tree::find_root(&dir.unwrap_or_else(|| PathBuf::from("."))).ok()?);
        let lang = flag.or_else(config_lang).or_else(|| env_lang(env)).unwrap_or(Lang::En);
        Style { lang, color: env.color, width: width(env) }
    }

    /// These settings with `config` (the staged `zi.toml`, which the commit
    /// gate judges by) in place of the disk's, and the language it names
    /// unless `--lang` says otherwise. `None` keeps the disk's.
    pub(crate) fn with_config(&self, config: Option<Config>) -> Settings {
        let mut settings = self.for_unit(self.root.clone());
        if let Some(config) = config {
            let named = config.lang.as_ref().and_then(|(text, _)| Lang::from_code(text));
            settings.lang = self.lang_flag.or(named).unwrap_or(self.lang_otherwise);
            settings.config = config;
        }
        settings
    }

    /// Texts already read, for quoting their problems without reading again.
    pub(crate) fn known_texts(&self) -> Vec<(&str, &str)> {
        self.config_text.as_deref().map(|text| (CONFIG_FILE, text)).into_iter().collect()
    }

    /// The language of a plan `zi init` starts from one whose `zi.toml`
    /// says `lang = old` (`None` for a new plan): `--lang`, else `old` when
    /// zi speaks it, else Indonesian, the language of the LKE and of RKT
    /// tables.
    pub(crate) fn plan_lang(&self, old: Option<&str>) -> Lang {
        self.lang_flag.or_else(|| old.and_then(Lang::from_code)).unwrap_or(Lang::Id)
    }

    pub(crate) fn style(&self) -> Style {
        Style { lang: self.lang, color: self.color, width: self.width }
    }

    /// `path` from the command line, taken from `-C DIR` when relative.
    pub(crate) fn given_path(&self, path: &Path) -> PathBuf {
        self.base.join(path)
    }
}

/// `zi.toml` at `root` as read (the settings, its text, its problems), and
/// the language it names when zi speaks it; read without a stat when it
/// was just seen to be a regular file (`regular`).
fn read_config(root: &Path, regular: bool) -> ((Config, Option<String>, Vec<Problem>), Option<Lang>) {
    let mut config_problems = Vec::new();
    let (config, config_text) = config::load_seen(root, regular, &mut config_problems);
    let config_lang = config.lang.as_ref().and_then(|(text, at)| {
        let lang = Lang::from_code(text);
        if lang.is_none() {
            let kind = Kind::UnknownLanguage { text: text.clone() };
            config_problems.push(Problem::new(kind, CONFIG_FILE).at(*at));
        }
        lang
    });
    ((config, config_text, config_problems), config_lang)
}

/// The terminal's width, or the fixed one off a terminal.
fn width(env: &Env) -> usize {
    env.width.map_or(FIXED_WIDTH, usize::from)
}

fn env_lang(env: &Env) -> Option<Lang> {
    let value = env.lang.as_ref()?.to_string_lossy().into_owned();
    (!value.is_empty()).then(|| Lang::from_env_value(&value))
}

/// The date the plan is judged on: `--as-of`, else `ZI_TODAY` (an empty one
/// counts as unset), else today's local date.
fn as_of(global: &GlobalArgs, env: &Env) -> Result<NaiveDate, Fatal> {
    if let Some(date) = global.as_of {
        return Ok(date);
    }
    match env.today.as_ref().filter(|v| !v.is_empty()) {
        None => Ok(chrono::Local::now().date_naive()),
        Some(value) => {
            let text = value.to_str().ok_or_else(|| Fatal::TodayNotUtf8 {
                text: crate::model::quote::clip(&value.to_string_lossy(), 40),
            })?;
            cli::parse_date(text).map_err(|_| Fatal::BadToday { text: crate::model::quote::clip(text, 40) })
        }
    }
}

/// The `lang` of the `zi.toml` at `root`, when there is one that names a
/// language zi speaks; its problems are left to a run that reads it.
fn plan_lang(root: &Path) -> Option<Lang> {
    if !root.join(CONFIG_FILE).is_file() {
        return None;
    }
    let (config, _) = config::load(root, &mut Vec::new());
    config.lang.and_then(|(text, _)| Lang::from_code(&text))
}
