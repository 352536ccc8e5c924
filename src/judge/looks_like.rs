//! A file that satisfies none of its indicator's documents is often one of
//! a sibling's documents, filed in the folder next door. Saying which
//! sibling ("looks like I.1.2's Notulen") beats telling the user to rename
//! a file that is named right.
//!
//! Only components that hold such a file are read again (their plan files,
//! not their evidence), and only their indicators with several documents: a one-document indicator takes any
//! file, so matching it would say nothing.

use std::sync::Arc;

use crate::judge::matcher::Matcher;
use crate::judge::missing::{document_names, DocumentName};
use crate::model::evidence::normalise;
use crate::model::glob::Bytes;
use crate::model::plan::{Component, IndicatorFile, Loaded, Part, Plan};
use crate::parallel;
use crate::problem::{Kind, LooksLike, Problem};
use rustc_hash::FxHashMap as FastMap;

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
    let known: FastMap<&str, Known> = plan
        .areas
        .iter()
        .flat_map(|a| &a.components)
        .flat_map(|c| {
            c.indicators.iter().map(move |i| (i.path.as_str(), Known { component: c, documents: None }))
        })
        .collect();
    name_siblings_known(plan, problems, &known, read);
}

/// What is known of an indicator before its siblings' stray files are
/// named: its component, and its documents when they were compiled already
/// (`None`: read them again).
pub(crate) struct Known<'p> {
    pub(crate) component: &'p Component,
    pub(crate) documents: Option<Option<Documents>>,
}

/// The documents of an indicator that names several, compiled: what a
/// sibling's stray file is matched against.
pub(crate) struct Documents {
    names: Arc<[DocumentName]>,
    matcher: Matcher,
}

impl Documents {
    /// `None` when the indicator names one document or none: it would take
    /// any file, so matching it would say nothing.
    pub(crate) fn of(names: &Arc<[DocumentName]>, matcher: Matcher) -> Option<Documents> {
        (names.len() > 1).then(|| Documents { names: Arc::clone(names), matcher })
    }
}

/// `name_siblings` of the problems of indicators `known` names (by plan
/// file), with their documents where it has them; the other indicators of
/// their components are read again.
pub(crate) fn name_siblings_known(
    plan: &Plan,
    problems: &mut [Problem],
    known: &FastMap<&str, Known>,
    read: &(impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync),
) {
    // Problem indices by component, in the plan's order of components.
    let mut wanted: Vec<(&Component, Vec<usize>)> = Vec::new();
    for (index, problem) in problems.iter().enumerate() {
        let Kind::UnmatchedFile { plan_file, .. } = &problem.kind else { continue };
        let Some(component) = known.get(&**plan_file).map(|k| k.component) else { continue };
        match wanted.iter_mut().find(|(c, _)| std::ptr::eq(*c, component)) {
            Some((_, indices)) => indices.push(index),
            None => wanted.push((component, vec![index])),
        }
    }
    if wanted.is_empty() {
        return;
    }
    let of_component = |(component, indices): &(&Component, Vec<usize>)| {
        let siblings = documents_of(plan, component, known, read);
        // An indicator's stray files come together: its file is looked
        // up once for them, and skipped among the siblings by address.
        let mut last_own: Option<(&str, &IndicatorFile)> = None;
        indices
            .iter()
            .filter_map(|&index| {
                let Kind::UnmatchedFile { plan_file, .. } = &problems[index].kind else { return None };
                let path = problems[index].path.as_str();
                let (_, name) = path.rsplit_once('/')?;
                let own = match last_own {
                    Some((file, own)) if file == &**plan_file => own,
                    _ => {
                        let own: &IndicatorFile =
                            component.indicators.iter().find(|i| i.path == **plan_file)?;
                        last_own = Some((own.path.as_str(), own));
                        own
                    }
                };
                let key = normalise(name);
                let held = Bytes::of(&key);
                // The month folder it sits in, kept in the sibling's folder.
                let inside = path.strip_prefix(own.evidence.as_str())?.trim_start_matches('/');
                let month = inside.rsplit_once('/').map_or("", |(folder, _)| folder);
                siblings.iter().filter(|s| !std::ptr::eq(s.file, own)).find_map(|s| {
                    let documents = s.documents.get();
                    let item = documents.matcher.item_matching(&key, held)?;
                    Some((
                        index,
                        LooksLike {
                            id: s.file.id.clone(),
                            document: documents.names[item].as_deref().unwrap_or_default().to_string(),
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
    };
    let found: Vec<Vec<(usize, LooksLike)>> =
        parallel::map(parallel::pays(wanted.len(), parallel::FOLDERS), &wanted, of_component);
    for (index, like) in found.into_iter().flatten() {
        if let Kind::UnmatchedFile { looks_like, .. } = &mut problems[index].kind {
            *looks_like = Some(Box::new(like));
        }
    }
}

/// One sibling's documents, compiled.
struct Sibling<'a> {
    file: &'a IndicatorFile,
    documents: Compiled<'a>,
}

/// Documents compiled before, or just now.
enum Compiled<'a> {
    Before(&'a Documents),
    Now(Documents),
}

impl Compiled<'_> {
    fn get(&self) -> &Documents {
        match self {
            Compiled::Before(documents) => documents,
            Compiled::Now(documents) => documents,
        }
    }
}

/// The indicators of `component` that name several documents.
fn documents_of<'a>(
    plan: &Plan,
    component: &'a Component,
    known: &'a FastMap<&str, Known>,
    read: &(impl Fn(&Plan, &IndicatorFile, Part, &mut Vec<Problem>) -> Loaded + Sync),
) -> Vec<Sibling<'a>> {
    let mut ignored = Vec::new();
    component
        .indicators
        .iter()
        .filter_map(|file| {
            if let Some(documents) = known.get(file.path.as_str()).and_then(|k| k.documents.as_ref()) {
                return Some(Sibling { file, documents: Compiled::Before(documents.as_ref()?) });
            }
            // Only the documents are wanted: the sibling's evidence stays unread.
            let indicator = read(plan, file, Part::PlanFile, &mut ignored).indicator?;
            ignored.clear();
            let names = document_names(&indicator);
            let documents = Documents::of(&names, Matcher::new(&indicator.evidence))?;
            Some(Sibling { file, documents: Compiled::Now(documents) })
        })
        .collect()
}
