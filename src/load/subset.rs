//! A plan of some of its indicators only, named by the paths of their plan
//! files: what `zi diff` judges again when only a few paths changed. An
//! indicator's place follows from its path alone (the numbers of its area,
//! component and file name, as `crate::load::plan` numbers them), and its
//! judgement from its plan file and evidence folder alone, so the
//! indicators no changed path touches need not be read on either side.

use std::path::Path;
use std::sync::Arc;

use crate::load::tree::{is_ignored, join, number_prefix};
use crate::model::plan::{Area, Component, Config, IndicatorFile, Plan, CONFIG_FILE, EVIDENCE_DIR, PLAN_DIR};

/// What a changed path (relative to the plan root) can change.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Touched {
    /// Nothing an indicator is judged by (a name file, a stray file).
    Nothing,
    /// The indicator whose plan file is at this path.
    Indicator(String),
    /// Any indicator: `zi.toml` (the plan year, the unit). A file or link
    /// where an area's or a component's folder was needs no more: every
    /// file below that folder is then changed too, and an indicator folder
    /// with no file in it reads as empty on both sides.
    Every,
}

/// What changing `path` can change.
pub(crate) fn touched(path: &str) -> Touched {
    if path == CONFIG_FILE {
        return Touched::Every;
    }
    match path.split('/').collect::<Vec<_>>()[..] {
        [PLAN_DIR, _, _, _] if indicator_at(path).is_some() => Touched::Indicator(path.to_string()),
        [EVIDENCE_DIR, area, component, folder, ..] => {
            let plan_file = format!("{PLAN_DIR}/{area}/{component}/{folder}.toml");
            match indicator_at(&plan_file) {
                Some(_) => Touched::Indicator(plan_file),
                None => Touched::Nothing,
            }
        }
        _ => Touched::Nothing,
    }
}

/// The indicator whose plan file is at `path`, when the layout makes one of
/// it: `plan/<N-area>/<N-component>/<N-slug>.toml`, numbered folders and
/// file, none of them hidden or a `README`.
pub(crate) fn indicator_at(path: &str) -> Option<IndicatorFile> {
    let [PLAN_DIR, area, component, file] = path.split('/').collect::<Vec<_>>()[..] else { return None };
    let stem = file.strip_suffix(".toml").filter(|_| file != "component.toml")?;
    let numbered = |name: &str| number_prefix(name).filter(|_| !is_ignored(name));
    let (a, c, i) = (numbered(area)?, numbered(component)?, numbered(file)?);
    let id = format!("{}.{c}.{i}", crate::model::rkt::roman(a));
    let evidence = join(&format!("{EVIDENCE_DIR}/{area}/{component}"), stem);
    Some(IndicatorFile { id, path: path.to_string(), evidence })
}

/// Of the indicators at `plan_files`, those the working tree at `root`
/// holds (in real folders, as the plan's walk finds them: links to folders
/// are not followed), and the evidence folders above or at theirs that are
/// no real folder, whose evidence is never counted.
pub(crate) fn on_disk(root: &Path, plan_files: &[String]) -> (Vec<IndicatorFile>, Vec<String>) {
    let real_folder = |rel: &str| std::fs::symlink_metadata(root.join(rel)).is_ok_and(|m| m.is_dir());
    let mut unfollowed = Vec::new();
    let mut files = Vec::new();
    for file in plan_files.iter().filter_map(|p| indicator_at(p)) {
        let (component, _) = file.path.rsplit_once('/').unwrap_or_default();
        let (area, _) = component.rsplit_once('/').unwrap_or_default();
        let is_file = std::fs::metadata(root.join(&file.path)).is_ok_and(|m| m.is_file());
        if !(real_folder(area) && real_folder(component) && is_file) {
            continue;
        }
        let mut folder = file.evidence.as_str();
        while let Some((parent, _)) = folder.rsplit_once('/') {
            if std::fs::symlink_metadata(root.join(folder)).is_ok_and(|m| !m.is_dir()) {
                unfollowed.push(folder.to_string());
            }
            folder = parent;
        }
        files.push(file);
    }
    (files, unfollowed)
}

/// A plan of the indicators `files`, in their areas and components, in the
/// order `crate::load::plan::discover` would list them. Areas and
/// components are named by their folders: no judgement reads their names.
pub(crate) fn plan(
    root: &Path,
    config: Config,
    year: i32,
    mut files: Vec<IndicatorFile>,
    unfollowed_evidence: Vec<String>,
) -> Plan {
    files.sort_by_cached_key(|f| {
        f.path
            .split('/')
            .skip(1)
            .map(|name| (number_prefix(name).is_none(), number_prefix(name), name.to_string()))
            .collect::<Vec<_>>()
    });
    let mut areas: Vec<Area> = Vec::new();
    for file in files {
        let mut parts = file.path.split('/').skip(1);
        let (Some(area), Some(component)) = (parts.next(), parts.next()) else { continue };
        let (area_path, component_path) =
            (format!("{PLAN_DIR}/{area}"), format!("{PLAN_DIR}/{area}/{component}"));
        if areas.last().is_none_or(|a| a.path != area_path) {
            let number = number_prefix(area).unwrap_or(0);
            let id = crate::model::rkt::roman(number);
            areas.push(Area { number, id, path: area_path, name: area.to_string(), components: Vec::new() });
        }
        let Some(last_area) = areas.last_mut() else { continue };
        if last_area.components.last().is_none_or(|c| c.path != component_path) {
            let number = number_prefix(component).unwrap_or(0);
            let id = format!("{}.{number}", last_area.id);
            let name = component.to_string();
            last_area.components.push(Component {
                number,
                id,
                path: component_path,
                name,
                indicators: Vec::new(),
            });
        }
        if let Some(last_component) = last_area.components.last_mut() {
            last_component.indicators.push(Arc::new(file));
        }
    }
    Plan { root: root.to_path_buf(), config, year, areas, unfollowed_evidence }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicator_is_placed_by_its_path_alone() {
        let file = indicator_at("plan/3-sdm/2-seleksi/10-terbuka.toml").unwrap();
        assert_eq!(
            (file.id.as_str(), file.evidence.as_str()),
            ("III.2.10", "evidence/3-sdm/2-seleksi/10-terbuka")
        );
        for path in [
            "plan/3-sdm/2-seleksi/component.toml",
            "plan/3-sdm/2-seleksi/terbuka.toml",
            "plan/3-sdm/.2-seleksi/1-a.toml",
            "plan/3-sdm/2-seleksi/1-a.txt",
            "plan/3-sdm/2-seleksi/x/1-a.toml",
            "plan/3-sdm/1-a.toml",
            "evidence/3-sdm/2-seleksi/1-a.toml",
        ] {
            assert_eq!(indicator_at(path), None, "{path}");
        }
    }

    #[test]
    fn a_changed_path_touches_its_indicator_or_every_one() {
        let one = |p: &str| Touched::Indicator(p.to_string());
        for (path, touched_) in [
            ("plan/1-a/2-b/3-c.toml", one("plan/1-a/2-b/3-c.toml")),
            ("evidence/1-a/2-b/3-c/2022-07/notulen.pdf", one("plan/1-a/2-b/3-c.toml")),
            ("evidence/1-a/2-b/3-c", one("plan/1-a/2-b/3-c.toml")),
            ("plan/1-a/area.toml", Touched::Nothing),
            ("plan/1-a/2-b/component.toml", Touched::Nothing),
            ("evidence/1-a/2-b", Touched::Nothing),
            ("zi.toml", Touched::Every),
            ("evidence/1-a/2-b/lain/x.pdf", Touched::Nothing),
            ("assessments/2022.toml", Touched::Nothing),
        ] {
            assert_eq!(touched(path), touched_, "{path}");
        }
    }
}
