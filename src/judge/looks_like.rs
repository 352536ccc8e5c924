//! A file that satisfies none of its indicator's documents is often one of
//! a sibling's documents, filed in the folder next door. Saying which
//! sibling ("looks like I.1.2's Notulen") beats telling the user to rename
//! a file that is named right.
//!
//! Only components that hold such a file are read again (their plan files,
//! not their evidence), and only their indicators with several documents: a one-document indicator takes any
//! file, so matching it would say nothing.

use std::collections::HashMap;

use rayon::prelude::*;

use crate::judge::matcher::Matcher;
use crate::model::evidence::normalise;
use crate::model::plan::{Component, IndicatorFile, Loaded, Part, Plan};
use crate::problem::{Kind, LooksLike, Problem};

/// Fills `looks_like` of every `unmatched-file` problem whose file matches
/// a document of another indicator in the same component.
pub(crate) fn name_siblings(
    plan: &Plan,
    problems: &mut [Problem],
    read: &(impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync),
) {
    if !problems.iter().any(|p| matches!(p.kind, Kind::UnmatchedFile { .. })) {
        return;
    }
    let owner: HashMap<&str, &Component> = plan
        .areas
        .iter()
        .flat_map(|a| &a.components)
        .flat_map(|c| c.indicators.iter().map(move |i| (i.path.as_str(), c)))
        .collect();
    // Problem indices by component, in the plan's order of components.
    let mut wanted: Vec<(&Component, Vec<usize>)> = Vec::new();
    for (index, problem) in problems.iter().enumerate() {
        let Kind::UnmatchedFile { plan_file, .. } = &problem.kind else { continue };
        let Some(component) = owner.get(&**plan_file) else { continue };
        match wanted.iter_mut().find(|(c, _)| std::ptr::eq(*c, *component)) {
            Some((_, indices)) => indices.push(index),
            None => wanted.push((component, vec![index])),
        }
    }
    if wanted.is_empty() {
        return;
    }
    let found: Vec<(usize, LooksLike)> = wanted
        .par_iter()
        .flat_map_iter(|(component, indices)| {
            let siblings = documents_of(plan, component, read);
            indices
                .iter()
                .filter_map(|&index| {
                    let Kind::UnmatchedFile { plan_file, .. } = &problems[index].kind else { return None };
                    let path = problems[index].path.as_str();
                    let (_, name) = path.rsplit_once('/')?;
                    let key = normalise(name);
                    // The month folder it sits in, kept in the sibling's folder.
                    let own = component.indicators.iter().find(|i| i.path == **plan_file)?;
                    let inside = path.strip_prefix(own.evidence.as_str())?.trim_start_matches('/');
                    let month = inside.rsplit_once('/').map_or("", |(folder, _)| folder);
                    siblings.iter().filter(|s| s.file.path != **plan_file).find_map(|s| {
                        let item = s.matcher.item_matching(&key)?;
                        Some((
                            index,
                            LooksLike {
                                id: s.file.id.clone(),
                                document: s.names[item].clone(),
                                folder: if month.is_empty() {
                                    s.file.evidence.clone()
                                } else {
                                    format!("{}/{month}", s.file.evidence)
                                },
                            },
                        ))
                    })
                })
                .collect::<Vec<_>>()
        })
        .collect();
    for (index, like) in found {
        if let Kind::UnmatchedFile { looks_like, .. } = &mut problems[index].kind {
            *looks_like = Some(Box::new(like));
        }
    }
}

/// One sibling's documents, compiled.
struct Sibling<'a> {
    file: &'a IndicatorFile,
    names: Vec<String>,
    matcher: Matcher,
}

/// The indicators of `component` that name several documents.
fn documents_of<'a>(
    plan: &Plan,
    component: &'a Component,
    read: &(impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync),
) -> Vec<Sibling<'a>> {
    let mut ignored = Vec::new();
    component
        .indicators
        .iter()
        .filter_map(|file| {
            // Only the documents are wanted: the sibling's evidence stays unread.
            let indicator = read(plan, file, Part::PlanFile, &mut ignored).indicator?;
            ignored.clear();
            (indicator.evidence.len() > 1).then(|| Sibling {
                file,
                names: indicator.evidence.iter().map(|e| e.name.clone()).collect(),
                matcher: Matcher::new(&indicator.evidence),
            })
        })
        .collect()
}
