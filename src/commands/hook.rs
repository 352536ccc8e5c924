//! `zi hook install [--force]` and `zi hook uninstall` (`crate::write::hook`).

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::HookAction;
use crate::load::git::Repo;
use crate::problem::HookMessage;
use crate::render;
use crate::settings::Settings;
use crate::write::hook;

pub(super) fn run(settings: &Settings, action: &HookAction, out: &mut dyn Write) -> Result<ExitCode> {
    let repo = Repo::containing(&settings.root)?;
    let style = settings.style();
    let notes = match action {
        HookAction::Install { force } => {
            let words = |message: HookMessage| render::hook_message(message, style);
            hook::install(&repo, *force, &words)?
        }
        HookAction::Uninstall => vec![hook::uninstall(&repo)?],
    };
    for note in &notes {
        writeln!(out, "{}", render::note(note, style))?;
    }
    Ok(ExitCode::SUCCESS)
}
