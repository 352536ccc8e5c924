//! One module per command, each thin: settings → load → judge → render →
//! exit code. A command hands its view to the renderer it was given and
//! never asks which format that is.

mod check;
mod diff;
mod export;
mod fmt;
mod hook;
mod import;
mod init;
mod overdue;
mod plan;
mod report;
mod score;
mod show;
mod status;
mod workspace;

use std::io::Write;
use std::process::ExitCode;

use anyhow::Result;

use crate::cli::{Cli, Command};
use crate::judge::evaluate::{Detail, Keep, Status};
use crate::judge::select::{self, Filter};
use crate::model::plan::IndicatorFile;
use crate::problem::Fatal;
use crate::render;
use crate::settings::Settings;

pub(crate) fn run(
    cli: &Cli,
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let style = settings.style();
    let mut on_plan = |want: Want, report: plan::Report| on_the_plan(settings, want, report, out, err);
    // `zi init` makes a plan where the settings say, and the LKE's
    // questions are the same at every root.
    let anywhere = matches!(cli.command, Command::Init { .. } | Command::Score { questions: true, .. });
    if settings.config.workspace.is_some() && !anywhere {
        return at_workspace_root(cli, settings, out, err);
    }
    // A command that makes a plan reads no zi.toml where it runs.
    if cli.command.new_plan_at().is_some() {
        if is_workspace_root(&settings.base) {
            // `zi import` writes where it runs: over a workspace root's
            // zi.toml it would write the unit's (with --force).
            if matches!(cli.command, Command::Import { .. }) {
                return Err(Fatal::OneUnitOnly { command: "import" }.into());
            }
        } else {
            // Below a workspace root (in `units/`, say), a new plan is a
            // unit only where the root's globs look for one.
            init::within_a_workspace_above(&settings.root)?;
        }
    }
    if cli.command.units().is_some_and(|u| !u.is_empty()) {
        return Err(Fatal::NotAWorkspace.into());
    }
    match &cli.command {
        // Commands that work on files and git rather than on one judgement of the plan.
        Command::Hook { action } => hook::run(settings, action, out, err),
        Command::Fmt { check, paths } => fmt::run(settings, *check, paths, out, err),
        Command::Diff { range, format } => diff::run(settings, range.as_deref(), *format, out),
        Command::Init { evidence_folders: true, .. } => init::evidence_folders(settings, out, err),
        Command::Init { workspace: true, .. } => init::workspace(settings, err),
        Command::Init { folder, unit, year, from, .. } => {
            let options = init::Options {
                folder: folder.as_deref(),
                unit: unit.as_deref(),
                year: *year,
                from: from.as_deref(),
            };
            init::run(settings, &options, err)
        }
        Command::Score { .. } => score::run(settings, &score::Ask::of(&cli.command), out, err),
        Command::Import { file, sheet, dry_run, force, unit, year } => {
            let options = import::Options {
                file,
                sheet: sheet.as_deref(),
                dry_run: *dry_run,
                force: *force,
                unit: unit.as_deref(),
                year: *year,
            };
            import::run(settings, &options, out, err)
        }
        Command::Export { output, format, with_status, force } => {
            let options = export::Options {
                output: output.as_deref(),
                format: *format,
                with_status: *with_status,
                force: *force,
            };
            export::run(settings, &options, out, err)
        }
        // The summaries need no file lists, actions or patterns, which at
        // ministry scale would be most of the memory; `zi show` needs them
        // for the indicator it shows, `zi report` for every one. `zi status`
        // and `zi overdue` only count warnings.
        Command::Status { ids, filter, only, format, .. } => {
            let only = statuses(only);
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &only };
            on_plan(summary(Keep::Errors, ids), &|eval, out| {
                status::run(eval, filter, &mut *render::renderer(*format, style, out))
            })
        }
        Command::Overdue { ids, filter, within, format, staged, new_since, .. } => {
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &[] };
            let scope = overdue::Scope { staged: *staged, new_since: new_since.as_deref(), ids };
            if scope.uses_git() {
                return overdue::run_scoped(settings, filter, *within, scope, *format, out, err);
            }
            let prefix = check::repository_prefix(settings, *format);
            on_plan(summary(Keep::Errors, ids), &|eval, out| {
                overdue::run(
                    eval,
                    filter,
                    *within,
                    None,
                    &mut *render::findings(*format, style, &prefix, out),
                )
            })
        }
        // A check judges on its own, writing problems as they are found.
        Command::Check { strict, format, .. } => check::run(settings, *strict, *format, out),
        Command::Show { id, format } => {
            let detail = |file: &IndicatorFile| {
                if select::selects(id, file) {
                    Detail::Files
                } else {
                    Detail::Summary
                }
            };
            let ids = std::slice::from_ref(id);
            on_plan(plan::Want { keep: Keep::Every, ids, detail: &detail }, &|eval, out| {
                show::run(eval, settings, id, &mut *render::renderer(*format, style, out))
            })
        }
        // A report judges each indicator in full, writes its part of the
        // page and keeps it in summary (`report::run`).
        Command::Report { ids, filter, output, force, .. } => {
            let output = report::Output { file: output.as_deref(), force: *force };
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &[] };
            report::run(settings, filter, output, out, err)
        }
    }
}

/// A command at a workspace root: the reports cover every unit (or those
/// `--unit` selects), `zi show` takes `UNIT:ID`; the commands that work on
/// one unit's files or history are refused, with a hint to run them in
/// the unit's folder.
fn at_workspace_root(
    cli: &Cli,
    settings: &Settings,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let one_unit = |command: &'static str| Err(Fatal::OneUnitOnly { command }.into());
    let none: &[String] = &[];
    let wanted = cli.command.units().unwrap_or(none);
    match &cli.command {
        Command::Status { ids, filter, only, format, .. } => {
            let only = statuses(only);
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &only };
            workspace::status(settings, wanted, filter, *format, out, err)
        }
        Command::Overdue { ids, filter, within, format, staged, new_since, .. }
            if *staged || new_since.is_some() =>
        {
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &[] };
            let scope = overdue::Scope { staged: *staged, new_since: new_since.as_deref(), ids };
            workspace::overdue_gated(settings, wanted, filter, *within, scope, *format, out, err)
        }
        Command::Overdue { ids, filter, within, format, .. } => {
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &[] };
            workspace::overdue(settings, wanted, filter, *within, *format, out, err)
        }
        Command::Check { strict, format, .. } => workspace::check(settings, wanted, *strict, *format, out),
        Command::Report { ids, filter, output, force, .. } => {
            let filter = Filter { ids, pic: filter.pic.as_deref(), only: &[] };
            workspace::report(settings, wanted, filter, output.as_deref(), *force, out, err)
        }
        Command::Score { .. } => workspace::score(settings, wanted, &score::Ask::of(&cli.command), out, err),
        Command::Show { id, format } => workspace::show(settings, id, *format, out),
        Command::Fmt { check, paths } if paths.is_empty() => {
            let globs = settings.config.workspace.as_ref().map_or(&[][..], |w| &w.units);
            let dirs = crate::load::workspace::units(&settings.root, globs, &mut Vec::new());
            let units: Vec<String> = dirs.into_iter().filter(|d| d.is_unit).map(|d| d.rel).collect();
            fmt::run_units(settings, *check, &units, out, err)
        }
        Command::Fmt { .. } => one_unit("fmt PATH"),
        Command::Diff { .. } => one_unit("diff"),
        Command::Export { .. } => one_unit("export"),
        Command::Import { .. } => one_unit("import"),
        // One repository, one hook: it judges every unit.
        Command::Hook { action } => hook::run(settings, action, out, err),
        Command::Init { .. } => one_unit("init"),
    }
}

/// Whether `root` holds the `zi.toml` of a workspace.
fn is_workspace_root(root: &std::path::Path) -> bool {
    crate::load::config::load(root, &mut Vec::new()).0.workspace.is_some()
}

/// What a command judges of the plan, with its detail chosen per indicator.
type Want<'a> = plan::Want<'a, &'a (dyn Fn(&IndicatorFile) -> Detail + Sync)>;

/// The part of the plan `ids` select, each indicator in summary.
fn summary(keep: Keep, ids: &[String]) -> Want<'_> {
    plan::Want { keep, ids, detail: &|_| Detail::Summary }
}

/// The statuses `--only` names (`cli::STATUSES`, which clap has checked).
fn statuses(names: &[String]) -> Vec<Status> {
    Status::ALL.into_iter().filter(|s| names.iter().any(|n| n == s.key())).collect()
}

/// Judges the plan, keeping of each indicator what `detail` asks for, and
/// runs `report` on it; a note on standard error follows when plan files
/// have errors, so a report that reads fine still says that something in
/// the plan does not (`zi check`, which lists them, judges on its own).
fn on_the_plan(
    settings: &Settings,
    want: Want,
    report: plan::Report,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let eval = plan::evaluate_settings(settings, want);
    let code = plan::report_on(settings, &eval, true, out, err, report)?;
    plan::free_in_background(eval);
    Ok(code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_takes_every_status_by_its_json_name() {
        let keys: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
        assert_eq!(keys, crate::cli::STATUSES);
        assert_eq!(statuses(&["due".into(), "overdue".into()]), [Status::Overdue, Status::Due]);
    }
}
