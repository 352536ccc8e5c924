//! Disk → model: the repository walk, TOML sources, evidence folders, git.
//! Problems found on the way are collected, never raised.

pub(crate) mod assessment;
pub(crate) mod config;
pub(crate) mod dir;
pub(crate) mod evidence;
pub(crate) mod folders;
pub(crate) mod git;
pub(crate) mod git_tree;
pub(crate) mod indicator;
pub(crate) mod leftovers;
pub(crate) mod lfs;
pub(crate) mod lke;
pub(crate) mod near;
pub(crate) mod plan;
pub(crate) mod rkt;
pub(crate) mod sheet;
pub(crate) mod source;
pub(crate) mod subset;
pub(crate) mod toml_tree;
pub(crate) mod tree;
pub(crate) mod workspace;

use crate::model::evidence::Folder;
use crate::model::plan::{IndicatorFile, Loaded, Part, Plan};
use crate::problem::Problem;

/// Reads one indicator's plan file and, for `Part::Whole`, its evidence
/// folder; problems go to `out`. Folders below a link the evidence tree
/// check did not follow are not read.
pub(crate) fn indicator(plan: &Plan, file: &IndicatorFile, part: Part, out: &mut Vec<Problem>) -> Loaded {
    // The plan's walk listed the file as a regular file (or a link to one).
    let read = match near::inside(near::Side::Plan, &plan.root, &file.path, |dir, name| dir.open_file(name)) {
        Some(opened) => source::Source::read_opened(opened, file.path.clone()),
        None => source::Source::read_listed(&plan.root.join(&file.path), file.path.clone()),
    };
    let indicator = match read {
        Ok(source) => indicator::parse(&source, plan.year, out),
        Err(d) => {
            out.push(d);
            None
        }
    };
    let folder = if part == Part::PlanFile || plan.evidence_unfollowed(&file.evidence) {
        Folder::default()
    } else {
        evidence::scan(&plan.root, &file.evidence, plan.year, out)
    };
    Loaded { indicator, folder }
}
