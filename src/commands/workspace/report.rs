//! `zi report` at a workspace root: one page for every unit, to standard
//! output or, with `-o FILE`, written atomically to a file zi wrote before
//! (or a new one), as the unit's report is.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use anyhow::Result;

use super::judged::{judge, Unit};
use super::reports::{notes, require_ids, rows};
use crate::judge::evaluate::{Detail, IndicatorReport, Keep};
use crate::judge::overdue;
use crate::judge::select::Filter;
use crate::judge::view::StatusView;
use crate::judge::workspace::UnitsView;
use crate::problem::{Fatal, Problem};
use crate::render::html::workspace::{page, Section};
use crate::render::units::UnitsHeading;
use crate::settings::Settings;
use crate::write::atomic;

pub(crate) fn report(
    settings: &Settings,
    wanted: &[String],
    filter: Filter,
    output: Option<&Path>,
    force: bool,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> Result<ExitCode> {
    let ws = judge(settings, wanted, Keep::Every, &|_| Detail::Summary)?;
    require_ids(&ws, filter.ids)?;
    let keeps = |r: &IndicatorReport| filter.keeps(r);
    let units = UnitsView::new(rows(&ws, &keeps, true));
    let sections: Vec<Section> = ws.units.iter().map(|unit| section(unit, &keeps)).collect();
    let heading = UnitsHeading { title: settings.config.title.as_deref(), as_of: settings.as_of };
    let html = page(&units, &sections, &heading, settings.lang);
    match output {
        None => out.write_all(html.as_bytes())?,
        Some(file) => {
            let path = settings.given_path(file);
            crate::commands::report::refuse_foreign_file(&path, file, force)?;
            atomic::write(&path, html.as_bytes())
                .map_err(|e| Fatal::CannotWrite { path: file.display().to_string(), error: e.to_string() })?;
        }
    }
    notes(&ws, err)?;
    Ok(ExitCode::SUCCESS)
}

fn section<'a>(unit: &'a Unit, keeps: &(dyn Fn(&IndicatorReport) -> bool + Sync)) -> Section<'a> {
    let Some(judged) = &unit.judged else {
        return Section {
            tag: &unit.dir.tag,
            rel: &unit.dir.rel,
            view: None,
            entries: Vec::new(),
            problems: unit.problems.iter().collect(),
        };
    };
    let eval = &judged.eval;
    let problems: Vec<&Problem> = eval.problems.iter().collect();
    Section {
        tag: &unit.dir.tag,
        rel: &unit.dir.rel,
        view: Some(StatusView::new(eval, keeps)),
        entries: overdue::entries(eval, None).into_iter().filter(|e| keeps(e.report)).collect(),
        problems,
    }
}
