//! `zi hook install [--force]`, `zi hook uninstall` (`crate::write::hook`),
//! and `zi hook run`, what the installed hook runs: the staged plan judged
//! as `[hook] gate` says, its overdue list in short, and the verdict, all
//! in the language of the plan as it is at commit time.

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use super::overdue::{self, Scope, Since};
use crate::cli::HookAction;
use crate::judge::select::Filter;
use crate::load::git::Repo;
use crate::load::source::Source;
use crate::model::plan::Gate;
use crate::model::plan::CONFIG_FILE;
use crate::problem::{Fatal, HookMessage, Note};
use crate::render::{self, CheckFormat};
use crate::settings::Settings;
use crate::write::hook;

pub(super) fn run(
    settings: &Settings,
    action: &HookAction,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let notes = match action {
        HookAction::Install { force } => {
            let repo = outside_a_workspace(Repo::containing(&settings.root)?, settings)?;
            // zi cannot choose a language when it is not there to run.
            let not_found = render::hook_message_in_every_language(HookMessage::NotFound);
            hook::install(&repo, *force, &not_found)?
        }
        HookAction::Uninstall => {
            vec![hook::uninstall(&outside_a_workspace(Repo::containing(&settings.root)?, settings)?)?]
        }
        HookAction::Run => return gate(settings, out, err),
    };
    for note in &notes {
        writeln!(out, "{}", render::note(note, settings.style()))?;
    }
    Ok(ExitCode::SUCCESS)
}

/// `repo`, unless the plan root is a unit of a workspace in it (a folder
/// above the root, up to the repository's top, holds a workspace's
/// `zi.toml`): the workspace's one hook, at its root, gates every unit, so
/// a unit's install would replace it and its uninstall remove it.
fn outside_a_workspace(repo: Repo, settings: &Settings) -> Result<Repo, Fatal> {
    let top = std::fs::canonicalize(&repo.top).unwrap_or_else(|_| repo.top.clone());
    let above = settings.root.ancestors().skip(1).take_while(|dir| dir.starts_with(&top));
    for (up, dir) in above.enumerate() {
        let Ok(source) = Source::read(&dir.join(CONFIG_FILE), CONFIG_FILE.to_string()) else { continue };
        if crate::load::config::parse(&source, &mut Vec::new()).workspace.is_some() {
            return Err(Fatal::HookInAUnit { root: "../".repeat(up + 1).trim_end_matches('/').to_string() });
        }
    }
    Ok(repo)
}

/// Entries of the overdue list the hook shows before "… and N more".
const SHOWN_LINES: usize = 10;

/// `zi hook run`. When zi cannot judge the plan, it says why and that the
/// commit is refused for it (exit 2).
fn gate(settings: &Settings, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    let style = settings.style();
    let judged = match settings.config.workspace {
        Some(_) => super::workspace::hook_run(settings, out, err),
        None => judge_staged(settings, out, err),
    };
    match judged {
        Err(e) => match e.downcast::<Fatal>() {
            Ok(fatal) => {
                write!(err, "{}", render::problems::fatal(&fatal, style.lang))?;
                writeln!(err, "{}", render::hook_message(HookMessage::Failed, style))?;
                Ok(ExitCode::from(fatal.exit_code()))
            }
            Err(e) => Err(e),
        },
        Ok(code) => Ok(code),
    }
}

fn judge_staged(settings: &Settings, out: &mut dyn Write, err: &mut dyn Write) -> Result<ExitCode> {
    // The gate and the language are the commit's: the staged `zi.toml`.
    let settings = &settings.with_config(Repo::find(&settings.root, settings.git_located)?.staged_config());
    let style = settings.style();
    let gate = settings.config.gate.unwrap_or_default();
    let scope = Scope { staged: true, new_since: (gate == Gate::New).then_some("HEAD"), ids: &[] };
    let eval = overdue::judged(settings, scope)?;
    let since = scope.new_since.map(|rev| Since::read(settings, rev, scope.ids)).transpose()?;
    let (mut listing, mut notes) = (Vec::new(), Vec::new());
    let code = super::plan::report_on(settings, &eval, true, &mut listing, &mut notes, &|eval, out| {
        overdue::run(
            eval,
            Filter::default(),
            None,
            since.as_ref(),
            &mut *render::findings(CheckFormat::Table, style, "", out),
        )
    })?;
    let listing = String::from_utf8_lossy(&listing);
    let lines: Vec<&str> = listing.lines().collect();
    // The entries, then the count: keep the first entries and the count. An
    // entry is a line and the indented lines that continue it.
    let starts: Vec<usize> = lines[..lines.len().saturating_sub(1)]
        .iter()
        .enumerate()
        .filter(|(_, l)| !l.starts_with(' '))
        .map(|(i, _)| i)
        .collect();
    if starts.len() > SHOWN_LINES {
        for line in &lines[..starts[SHOWN_LINES]] {
            writeln!(out, "{line}")?;
        }
        let more = starts.len() - SHOWN_LINES;
        writeln!(out, "{}", render::note(&Note::MoreOverdue { more }, style))?;
        writeln!(out, "{}", lines[lines.len() - 1])?;
    } else {
        write!(out, "{listing}")?;
    }
    err.write_all(&notes)?;
    if let Some(since) = &since {
        writeln!(err, "zi: {}", render::note(&since.note(&eval, Filter::default(), None), style))?;
    }
    let refused = code == ExitCode::FAILURE && gate != Gate::None;
    if !refused {
        return Ok(ExitCode::SUCCESS);
    }
    let message = if gate == Gate::New { HookMessage::RefusedNew } else { HookMessage::Refused };
    writeln!(err, "{}", render::hook_message(message, style))?;
    Ok(ExitCode::FAILURE)
}
