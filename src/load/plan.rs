//! The plan as folders: areas, components and indicator files under
//! `plan/`, numbered by their name prefixes. This module finds them; reading
//! each indicator file happens later, in parallel (`crate::evaluate`).

use std::collections::{BTreeMap, HashMap};
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rayon::prelude::*;

use crate::load::config::{self, Config};
use crate::load::tree::{self, Entry, Kind};
use crate::problem::{Diagnostic, Severity};
use crate::text::{tr, Lang};

pub const PLAN_DIR: &str = "plan";
pub const EVIDENCE_DIR: &str = "evidence";

#[derive(Clone, Debug)]
pub struct Plan {
    pub root: PathBuf,
    pub config: Config,
    /// The plan year: `zi.toml`'s, or the as-of year when it has none.
    pub year: i32,
    pub areas: Vec<Area>,
    /// Links (and other unusable entries) in the evidence tree above the
    /// indicator folders: reported once and never followed, so no evidence
    /// below them is counted.
    pub unfollowed_evidence: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Area {
    pub number: u32,
    pub id: String,
    /// `plan/<dir>`
    pub path: String,
    pub name: String,
    pub components: Vec<Component>,
}

#[derive(Clone, Debug)]
pub struct Component {
    pub number: u32,
    pub id: String,
    pub path: String,
    pub name: String,
    pub indicators: Vec<Arc<IndicatorFile>>,
}

/// Where an indicator's plan file and evidence folder are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct IndicatorFile {
    pub id: String,
    /// `plan/…/N-slug.toml`
    pub path: String,
    /// `evidence/…/N-slug`
    pub evidence: String,
}

impl Plan {
    /// Finds every area, component and indicator file under `root/plan`.
    pub fn discover(root: &Path, config: Config, year: i32, lang: Lang, out: &mut Vec<Diagnostic>) -> Plan {
        let plan_dir = root.join(PLAN_DIR);
        let mut areas = Vec::new();
        if !plan_dir.is_dir() {
            let (en, id) = if plan_dir.exists() {
                ("plan is not a folder", "plan bukan folder")
            } else {
                ("there is no plan/ folder", "folder plan/ tidak ada")
            };
            out.push(Diagnostic::error("no-plan", PLAN_DIR, tr(lang, en, id)).with_hint(tr(
                lang,
                "create plan/<N-area>/<N-component>/<N-indicator>.toml",
                "buat plan/<N-area>/<N-komponen>/<N-indikator>.toml",
            )));
        } else {
            let entries = tree::list(&plan_dir, PLAN_DIR, Severity::Error, lang, out);
            areas = par_map(entries, out, |entry, out| {
                let path = tree::join(PLAN_DIR, &entry.name);
                let number = numbered_dir(&entry, &path, lang, out)?;
                let id = tree::roman(number);
                let name = config::load_name(
                    &root.join(&path).join("area.toml"),
                    tree::join(&path, "area.toml"),
                    lang,
                    out,
                )
                .unwrap_or_else(|| entry.name.clone());
                let components = discover_components(root, &path, &id, lang, out);
                Some(Area { number, id, path, name, components })
            })
            .into_iter()
            .flatten()
            .collect();
        }
        duplicate_numbers(areas.iter().map(|a| (a.number, &a.path)), lang, out);
        let mut plan =
            Plan { root: root.to_path_buf(), config, year, areas, unfollowed_evidence: Vec::new() };
        if plan.indicators().next().is_none() && plan_dir.is_dir() {
            out.push(
                Diagnostic::warning(
                    "empty-plan",
                    PLAN_DIR,
                    tr(lang, "the plan has no indicators", "rencana tidak memiliki indikator"),
                )
                .with_hint(tr(
                    lang,
                    "add indicator files: plan/1-area/1-component/1-indicator.toml",
                    "tambahkan berkas indikator: plan/1-area/1-komponen/1-indikator.toml",
                )),
            );
        }
        let before = out.len();
        plan.check_evidence_tree(lang, out);
        plan.unfollowed_evidence = out[before..]
            .iter()
            .filter(|d| matches!(d.code, "link-not-followed" | "broken-link" | "not-a-file"))
            .map(|d| d.path.clone())
            .collect();
        plan
    }

    /// Whether the evidence folder `rel` lies at or below an entry the
    /// evidence tree check did not follow.
    pub fn evidence_unfollowed(&self, rel: &str) -> bool {
        self.unfollowed_evidence.iter().any(|skipped| {
            rel.strip_prefix(skipped.as_str()).is_some_and(|rest| rest.is_empty() || rest.starts_with('/'))
        })
    }

    pub fn indicators(&self) -> impl Iterator<Item = &Arc<IndicatorFile>> {
        self.areas.iter().flat_map(|a| a.components.iter().flat_map(|c| c.indicators.iter()))
    }

    /// Reports evidence folders and files that belong to no indicator, so
    /// evidence filed under a renamed or mistyped folder is not silently lost.
    fn check_evidence_tree(&self, lang: Lang, out: &mut Vec<Diagnostic>) {
        let evidence_dir = self.root.join(EVIDENCE_DIR);
        if !evidence_dir.is_dir() {
            if evidence_dir.exists() {
                out.push(
                    Diagnostic::error(
                        "not-a-folder",
                        EVIDENCE_DIR,
                        tr(
                            lang,
                            "evidence is not a folder; no evidence can be counted",
                            "evidence bukan folder; tidak ada bukti yang dapat dihitung",
                        ),
                    )
                    .with_hint(tr(
                        lang,
                        "evidence/ is a folder that mirrors plan/: move the file away and create the folder",
                        "evidence/ adalah folder yang mencerminkan plan/: pindahkan berkas itu dan buat foldernya",
                    )),
                );
            }
            return;
        }
        let mut known: HashMap<&str, u8> = HashMap::new();
        for area in &self.areas {
            known.insert(&area.path[PLAN_DIR.len() + 1..], 1);
            for component in &area.components {
                known.insert(&component.path[PLAN_DIR.len() + 1..], 2);
                for indicator in &component.indicators {
                    known.insert(&indicator.evidence[EVIDENCE_DIR.len() + 1..], 3);
                }
            }
        }
        self.check_evidence_dir(String::new(), 0, &known, lang, out);
    }

    /// Checks the evidence folder `rel` at `depth` (0 for `evidence/`, 1 for
    /// an area, 2 for a component), and the known folders below it in
    /// parallel. Indicator folders are left to the indicators.
    fn check_evidence_dir(
        &self,
        rel: String,
        depth: u8,
        known: &HashMap<&str, u8>,
        lang: Lang,
        out: &mut Vec<Diagnostic>,
    ) {
        let dir_rel = tree::join(EVIDENCE_DIR, &rel);
        let mut below = Vec::new();
        for entry in tree::list(&self.root.join(&dir_rel), &dir_rel, Severity::Warning, lang, out) {
            let child = tree::join(&rel, &entry.name);
            let shown = tree::join(EVIDENCE_DIR, &child);
            match (entry.kind, known.get(child.as_str())) {
                (Kind::Dir, Some(3)) => {}
                (Kind::Dir, Some(level)) if *level == depth + 1 => below.push(child),
                (Kind::Dir, _) => out.push(
                    Diagnostic::warning(
                        "orphan-evidence",
                        shown,
                        tr(lang, "evidence folder belongs to no indicator in plan/", "folder bukti tidak milik indikator mana pun di plan/"),
                    )
                    .with_hint(tr(
                        lang,
                        "evidence/ mirrors plan/: rename the folder to match its indicator file, or move its files",
                        "evidence/ mencerminkan plan/: samakan nama folder dengan berkas indikatornya, atau pindahkan berkasnya",
                    )),
                ),
                (Kind::File, Some(3)) => out.push(
                    Diagnostic::warning(
                        "not-a-folder",
                        shown,
                        tr(
                            lang,
                            "an indicator's evidence must be a folder, not a file; nothing in it is counted",
                            "bukti indikator harus berupa folder, bukan berkas; tidak ada yang dihitung",
                        ),
                    )
                    .with_hint(tr(
                        lang,
                        "make it a folder of month folders (YYYY-MM) holding the documents",
                        "jadikan folder berisi folder bulan (YYYY-MM) yang memuat dokumen",
                    )),
                ),
                (Kind::File, _) => out.push(
                    Diagnostic::warning(
                        "stray-file",
                        shown,
                        tr(lang, "file is not inside an indicator's evidence folder", "berkas tidak berada di folder bukti indikator"),
                    )
                    .with_hint(tr(
                        lang,
                        "move it to evidence/<area>/<component>/<indicator>/YYYY-MM/",
                        "pindahkan ke evidence/<area>/<komponen>/<indikator>/YYYY-MM/",
                    )),
                ),
            }
        }
        par_map(below, out, |child, out| self.check_evidence_dir(child, depth + 1, known, lang, out));
    }
}

/// Maps `items` in parallel (folders of a large plan are listed on every
/// core), keeping the order of the results and of the diagnostics each item
/// produced, as a plain loop would.
fn par_map<T, R, F>(items: Vec<T>, out: &mut Vec<Diagnostic>, f: F) -> Vec<R>
where
    T: Send,
    R: Send,
    F: Fn(T, &mut Vec<Diagnostic>) -> R + Sync + Send,
{
    let results: Vec<(R, Vec<Diagnostic>)> = items
        .into_par_iter()
        .map(|item| {
            let mut found = Vec::new();
            let result = f(item, &mut found);
            (result, found)
        })
        .collect();
    results
        .into_iter()
        .map(|(result, found)| {
            out.extend(found);
            result
        })
        .collect()
}

fn discover_components(
    root: &Path,
    area_path: &str,
    area_id: &str,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Vec<Component> {
    let entries = tree::list(&root.join(area_path), area_path, Severity::Error, lang, out);
    let components: Vec<Component> = par_map(entries, out, |entry, out| {
        let path = tree::join(area_path, &entry.name);
        if entry.kind == Kind::File && entry.name == "area.toml" {
            return None;
        }
        let number = numbered_dir(&entry, &path, lang, out)?;
        let id = format!("{area_id}.{number}");
        let name = config::load_name(
            &root.join(&path).join("component.toml"),
            tree::join(&path, "component.toml"),
            lang,
            out,
        )
        .unwrap_or_else(|| entry.name.clone());
        let indicators = discover_indicators(root, &path, &id, lang, out);
        Some(Component { number, id, path, name, indicators })
    })
    .into_iter()
    .flatten()
    .collect();
    duplicate_numbers(components.iter().map(|c| (c.number, &c.path)), lang, out);
    components
}

fn discover_indicators(
    root: &Path,
    component_path: &str,
    component_id: &str,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) -> Vec<Arc<IndicatorFile>> {
    let mut indicators = Vec::new();
    let mut numbers = Vec::new();
    for entry in tree::list(&root.join(component_path), component_path, Severity::Error, lang, out) {
        let path = tree::join(component_path, &entry.name);
        if entry.kind == Kind::File && entry.name == "component.toml" {
            continue;
        }
        let Some(stem) = entry.name.strip_suffix(".toml").filter(|_| entry.kind == Kind::File) else {
            out.push(stray(&path, entry.kind, lang));
            continue;
        };
        let Some(number) = entry.number else {
            out.push(no_number(&path, lang));
            continue;
        };
        let evidence = tree::join(&tree::join(EVIDENCE_DIR, &component_path[PLAN_DIR.len() + 1..]), stem);
        let mut id = format!("{component_id}.{number}");
        id.shrink_to_fit();
        indicators.push(Arc::new(IndicatorFile { id, path: path.clone(), evidence }));
        numbers.push((number, path));
    }
    duplicate_numbers(numbers.iter().map(|(n, p)| (*n, p)), lang, out);
    indicators
}

/// The number of an area or component folder; anything else is reported.
fn numbered_dir(entry: &Entry, path: &str, lang: Lang, out: &mut Vec<Diagnostic>) -> Option<u32> {
    if entry.kind != Kind::Dir {
        out.push(stray(path, entry.kind, lang));
        return None;
    }
    if entry.number.is_none() {
        out.push(no_number(path, lang));
    }
    entry.number
}

fn no_number(path: &str, lang: Lang) -> Diagnostic {
    Diagnostic::error(
        "no-number",
        path,
        tr(
            lang,
            "name does not start with a number and a dash; it is skipped",
            "nama tidak diawali angka dan tanda hubung; dilewati",
        ),
    )
    .with_hint(tr(
        lang,
        "name it N-slug, e.g. 2-pola-mutasi-internal (the number gives its order and id)",
        "beri nama N-slug, mis. 2-pola-mutasi-internal (angka menentukan urutan dan id)",
    ))
}

/// An entry where the layout has no place for it. A `.toml` name is an
/// error, since it most likely holds plan data that would go unread (an
/// indicator one level too high, a folder named like an indicator file);
/// anything else is a warning.
fn stray(path: &str, kind: Kind, lang: Lang) -> Diagnostic {
    let toml = path.to_ascii_lowercase().ends_with(".toml");
    let (en, id) = match (kind, toml) {
        (Kind::Dir, true) => (
            "folder named like a plan file is not read; it is skipped",
            "folder bernama seperti berkas rencana tidak dibaca; dilewati",
        ),
        (Kind::Dir, false) => {
            ("folder is not part of the plan layout", "folder bukan bagian dari susunan rencana")
        }
        (Kind::File, true) => (
            "plan file is not where zi reads plan files; it is skipped",
            "berkas rencana tidak berada di tempat zi membacanya; dilewati",
        ),
        (Kind::File, false) => {
            ("file is not part of the plan layout", "berkas bukan bagian dari susunan rencana")
        }
    };
    let mut d = Diagnostic::warning("stray-file", path, tr(lang, en, id)).with_hint(tr(
        lang,
        "plan/ holds <N-area>/area.toml, <N-area>/<N-component>/component.toml and <N-indicator>.toml files",
        "plan/ berisi <N-area>/area.toml, <N-area>/<N-komponen>/component.toml dan berkas <N-indikator>.toml",
    ));
    if toml {
        d.severity = Severity::Error;
    }
    d
}

fn duplicate_numbers<'a>(
    items: impl Iterator<Item = (u32, &'a String)>,
    lang: Lang,
    out: &mut Vec<Diagnostic>,
) {
    let mut seen: BTreeMap<u32, &String> = BTreeMap::new();
    for (number, path) in items {
        if let Some(first) = seen.insert(number, path) {
            out.push(
                Diagnostic::error(
                    "duplicate-number",
                    path.clone(),
                    tr(
                        lang,
                        format!("number {number} is also used by {first}"),
                        format!("nomor {number} juga dipakai oleh {first}"),
                    ),
                )
                .with_hint(tr(
                    lang,
                    "give each sibling its own number",
                    "beri setiap saudara nomor sendiri",
                )),
            );
            seen.insert(number, first);
        }
    }
}
