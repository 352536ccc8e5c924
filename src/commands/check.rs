//! `zi check`: every problem in plan, evidence, assessments and the LKE the
//! plan is scored against, all in one run. Silent and exit 0 when there is nothing
//! to say.

use std::io::{BufWriter, Write};
use std::process::ExitCode;

use anyhow::Result;

use crate::judge::view::CheckView;
use crate::judge::{checked, score};
use crate::load::{assessment, lke, source};
use crate::problem::{self, Excerpts};
use crate::render::{self, CheckFormat, Output};
use crate::settings::Settings;

/// Writes the problems as they are judged, a part at a time, and keeps
/// only their counts: a large plan's warnings are never all held. JSON,
/// which gives the counts first, waits for the last.
pub(super) fn run(
    settings: &Settings,
    strict: bool,
    format: CheckFormat,
    out: &mut dyn Write,
) -> Result<ExitCode> {
    let (plan, before) = super::plan::discover_settings(settings);
    let mut after = Vec::new();
    let lke = lke::for_config(&settings.root, &settings.config, &mut after);
    let questions = score::KnownQuestions::of(&lke);
    assessment::load_all(&settings.root, &lke, &mut after);
    let prefix = repository_prefix(settings, format);
    let known = settings.known_texts();
    // Standard output is line-buffered; a problem a line would cost a write each.
    let mut buffered = BufWriter::with_capacity(64 * 1024, out);
    let mut renderer = render::findings(format, settings.style(), &prefix, &mut buffered);
    let whole = format == CheckFormat::Json;
    let mut held = Vec::new();
    let (mut errors, mut warnings, mut listed) = (0, 0, 0);
    let beside = checked::Beside { before, after };
    let of_report = |report: &_, out: &mut _| questions.check(report, out);
    checked::problems_in_order(&plan, settings.as_of, crate::load::indicator, of_report, beside, |part| {
        let (e, w) = problem::count(&part);
        (errors, warnings) = (errors + e, warnings + w);
        if whole {
            held.extend(part);
            return Ok(());
        }
        let excerpts = source::excerpts(&settings.root, &part, &known);
        let view = CheckView { problems: &part, excerpts, first: listed == 0, before: listed, totals: None };
        renderer.check(&view)?;
        listed += part.len();
        anyhow::Ok(())
    })?;
    let view = if whole {
        CheckView::whole(&held, Excerpts::default())
    } else {
        let totals = Some((errors, warnings));
        CheckView { problems: &[], excerpts: Excerpts::default(), first: listed == 0, before: listed, totals }
    };
    renderer.check(&view)?;
    renderer.finish()?;
    drop(renderer);
    buffered.flush()?;
    let failed = errors > 0 || (strict && warnings > 0);
    Ok(if failed { ExitCode::FAILURE } else { ExitCode::SUCCESS })
}

/// The plan root's folder below the top of its git repository (`units/a/`),
/// which a forge's annotations put before every path; empty at the top,
/// outside git, and for every other format (git is not even asked).
pub(crate) fn repository_prefix(settings: &Settings, format: CheckFormat) -> String {
    if matches!(format.output(), Output::Report(_)) {
        return String::new();
    }
    crate::load::git::Repo::find(&settings.root, settings.git_located)
        .map(|repo| repo.prefix)
        .unwrap_or_default()
}
