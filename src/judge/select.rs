//! Selecting indicators by ID or path, as every command that takes `ID…`
//! does: an area (`III`), a component (`III.3`), an indicator (`III.3.4`),
//! or a plan or evidence path.

use crate::judge::evaluate::{Evaluation, IndicatorReport, Status};
use crate::model::plan::{trim_id, IndicatorFile};
use crate::problem::Fatal;

/// Whether `file` is selected by `id`. In a workspace, where IDs carry
/// their unit (`balit-palma:III.2.1`), `balit-palma:III.2` selects in that
/// unit and `III.2` in every unit.
pub(crate) fn selects(id: &str, file: &IndicatorFile) -> bool {
    let id = trim_id(id);
    // IDs never hold a `:`, unit folders may: the unit is all before the last.
    let (own_unit, own) = file.id.rsplit_once(':').map_or((None, file.id.as_str()), |(u, i)| (Some(u), i));
    let in_unit = match (own_unit, id.rsplit_once(':')) {
        (Some(unit), Some((wanted, rest))) => (wanted == unit).then_some(rest),
        _ => Some(id),
    };
    let id_upper = in_unit.map(str::to_ascii_uppercase);
    let by_id = id_upper.as_deref().is_some_and(|wanted| {
        own == wanted || own.strip_prefix(wanted).is_some_and(|rest| rest.starts_with('.'))
    });
    let under = |path: &str, prefix: &str| {
        path == prefix || path.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'))
    };
    by_id
        || under(&file.path, id)
        || under(file.path.trim_end_matches(".toml"), id)
        || under(&file.evidence, id)
}

/// Whether `file` is selected by any of `ids` (all of them when none).
pub(crate) fn selected(ids: &[String], file: &IndicatorFile) -> bool {
    ids.is_empty() || ids.iter().any(|id| selects(id, file))
}

/// What a report keeps of the plan: indicators selected by `ids` (all when
/// none), whose person in charge contains `pic` (any case), with one of
/// the statuses `only` (any when none).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Filter<'a> {
    pub(crate) ids: &'a [String],
    pub(crate) pic: Option<&'a str>,
    pub(crate) only: &'a [Status],
}

impl Filter<'_> {
    pub(crate) fn keeps(&self, report: &IndicatorReport) -> bool {
        selected(self.ids, &report.file)
            && self.pic.is_none_or(|wanted| {
                let pic = report.pic();
                pic.is_some_and(|pic| pic.to_lowercase().contains(&wanted.trim().to_lowercase()))
            })
            && (self.only.is_empty() || self.only.contains(&report.status))
    }
}

/// Refuses IDs that select nothing, naming them.
pub(crate) fn require_matches(ids: &[String], eval: &Evaluation) -> Result<(), Fatal> {
    let unknown: Vec<String> = ids.iter().filter(|id| !selects_any(id, eval)).cloned().collect();
    if unknown.is_empty() {
        Ok(())
    } else {
        Err(Fatal::NoIndicatorMatches { ids: unknown })
    }
}

/// Whether `id` selects any indicator of `eval`.
pub(crate) fn selects_any(id: &str, eval: &Evaluation) -> bool {
    eval.indicators.iter().any(|r| selects(id, &r.file))
}

/// The one indicator `id` selects, for `zi show`.
pub(crate) fn one<'a>(id: &str, eval: &'a Evaluation) -> Result<&'a IndicatorReport, Fatal> {
    require_matches(std::slice::from_ref(&id.to_string()), eval)?;
    let matches: Vec<&IndicatorReport> = eval.indicators.iter().filter(|r| selects(id, &r.file)).collect();
    match matches.as_slice() {
        [report] => Ok(report),
        _ => Err(Fatal::ShowTakesOne {
            id: id.to_string(),
            count: matches.len(),
            listed: matches.iter().take(8).map(|r| r.file.id.clone()).collect(),
            more: matches.len() > 8,
        }),
    }
}
