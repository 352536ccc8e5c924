//! `zi` keeps a Zona Integritas work plan (RKT) as plain text in git and
//! tells a team, at any date, what is done, due, overdue and missing.
//!
//! Data flows one way, and the folders say so:
//!
//! - `parallel`: when a step uses the other cores (for `load`, `judge`,
//!   `render` and `commands`; it uses no other layer);
//! - `model`: pure types and rules (months, the target-time grammar,
//!   schedules, the plan), no input or output, no language;
//! - `problem`: problems as data (a registry of codes, kinds with values),
//!   the reasons a command cannot run, and the notes it prints;
//! - `load`: disk → model, collecting problems (the repository walk, TOML
//!   sources, evidence folders, git);
//! - `judge`: model + date → results (matching, status, the overdue list,
//!   selection, the views reports show, changes between commits);
//! - `text`: the only module that knows languages, one catalogue each;
//! - `render`: one renderer per format behind one interface, and the one
//!   renderer of problems;
//! - `write`: what writes files (atomic replacement, the canonical layout,
//!   the hook script);
//! - `settings`: flags, environment and `zi.toml`, resolved once;
//! - `commands`: thin, settings → load → judge → render → exit code.
//!
//! `run` is the whole program; `main` reads the environment and turns the
//! result into an exit code.

#![warn(clippy::print_stdout, clippy::print_stderr)]

mod cli;
mod commands;
pub mod fuzzing;
mod judge;
mod load;
mod model;
mod parallel;
mod problem;
mod render;
mod settings;
mod text;
mod write;

pub use settings::Env;

use std::ffi::OsString;
use std::io::Write;
use std::process::ExitCode;

use problem::Fatal;
use settings::Settings;

/// Runs `zi` with `args` in the environment `env`, writing reports to `out`
/// and notes to `err`. Problems in plan files are reported, never returned:
/// only a reason not to run at all gives exit status 2 (or 1 when something
/// is in the way), and it is said on `err` in the user's language.
pub fn run<I, T>(args: I, env: &Env, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    // The words of the command line do not change what it means: it is read
    // in English, and again in the user's language only to say what is wrong.
    let cli = match cli::parse_plain(&args) {
        Ok(cli) => cli,
        Err(_) => {
            let style = Settings::usage_style(&args, env);
            match cli::parse(&args, style.lang) {
                Ok(cli) => cli,
                Err(error) => return usage(&error, style, out, err),
            }
        }
    };
    let settings = match cli.command.new_plan_at() {
        Some(target) => Settings::for_new_plan(&cli.global, env, target),
        None => Settings::resolve(&cli.global, env),
    };
    let settings = match settings {
        Ok(settings) => settings,
        Err((fatal, style)) => return refuse(&fatal, style, err),
    };
    // A broken zi.toml is named by every command (`zi check` and `zi fmt`
    // report it in full themselves).
    if !matches!(cli.command, cli::Command::Check { .. } | cli::Command::Fmt { .. }) {
        if let Some(broken) = settings.config_problems.iter().find(|p| p.is_error()) {
            let note =
                problem::Note::BrokenConfig { place: broken.place(), kind: Box::new(broken.kind.clone()) };
            let _ = writeln!(err, "zi: {}", render::note(&note, settings.style()));
        }
    }
    // A reader that stops early (`zi overdue | head -1`) must not change
    // the exit status: output to a closed pipe is dropped, and the command
    // runs to its end and decides as it would have.
    let (mut out, mut err) = (UntilClosed::new(out), UntilClosed::new(err));
    let (out, err) = (&mut out, &mut err);
    match commands::run(&cli, &settings, out, err) {
        Ok(code) => code,
        Err(e) => {
            let fatal = match e.downcast::<Fatal>() {
                Ok(fatal) => fatal,
                Err(e) => Fatal::Output { error: format!("{e:#}") },
            };
            refuse(&fatal, settings.style(), err)
        }
    }
}

/// A stream that drops what is written once its reader has gone (a broken
/// pipe), instead of failing the command.
struct UntilClosed<'a> {
    inner: &'a mut dyn Write,
    closed: bool,
}

impl<'a> UntilClosed<'a> {
    fn new(inner: &'a mut dyn Write) -> UntilClosed<'a> {
        UntilClosed { inner, closed: false }
    }

    fn closed<T>(&mut self, result: std::io::Result<T>, done: T) -> std::io::Result<T> {
        match result {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(done)
            }
            other => other,
        }
    }
}

impl Write for UntilClosed<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        let result = self.inner.write(buf);
        self.closed(result, buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        if self.closed {
            return Ok(());
        }
        let result = self.inner.flush();
        self.closed(result, ())
    }
}

/// Help, the version, or why the command line cannot be read, in the style's language.
fn usage(error: &clap::Error, style: render::Style, out: &mut dyn Write, err: &mut dyn Write) -> ExitCode {
    match cli::usage_error(error) {
        Some(usage) => {
            let _ = write!(err, "{}", render::problems::usage(&usage, style.lang));
            ExitCode::from(2)
        }
        None => {
            let (to, code): (&mut dyn Write, u8) = if error.use_stderr() { (err, 2) } else { (out, 0) };
            let _ = write!(to, "{}", error.render());
            ExitCode::from(code)
        }
    }
}

/// Says why zi cannot run, and exits accordingly.
fn refuse(fatal: &Fatal, style: render::Style, err: &mut dyn Write) -> ExitCode {
    let _ = write!(err, "{}", render::problems::fatal(fatal, style.lang));
    ExitCode::from(fatal.exit_code())
}
