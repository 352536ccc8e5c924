//! The RKT table → the files of a plan repository, in the canonical layout:
//! `zi.toml`, `area.toml` and `component.toml` files, one file per
//! indicator, and an evidence folder (with `.gitkeep`) per indicator.
//!
//! A row that carries its plan file's text keeps that file as it was (its
//! name, comments, `file` patterns, any other key) and takes from the table
//! only the values that differ: an unchanged table gives the same bytes.

use toml_edit::{Array, DocumentMut, Item, Value};

use crate::load::rkt::item_name;
use crate::model::plan::{number_prefix, CONFIG_FILE, EVIDENCE_DIR, GITKEEP, PLAN_DIR};
use crate::model::rkt::{slug, Rkt, RktIndicator};
use crate::write::canonical::{canonical, FileKind};

/// A file to write: its path from the repository root and its contents.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct PlanFile {
    pub(crate) path: String,
    pub(crate) contents: String,
}

/// Every file of the plan `rkt`. `lang` is the `lang` a new `zi.toml` gets.
pub(crate) fn plan_files(rkt: &Rkt, lang: &str) -> Vec<PlanFile> {
    let mut files = vec![PlanFile { path: CONFIG_FILE.to_string(), contents: config(rkt, lang) }];
    for area in &rkt.areas {
        let first_indicator = area.components.iter().flat_map(|c| &c.indicators).next();
        let carried_dir = part(area.carried.path.as_deref(), 1)
            .or_else(|| first_indicator.and_then(|i| part(i.carried.path.as_deref(), 1)));
        let area_dir = format!("{PLAN_DIR}/{}", numbered(area.number, carried_dir, &area.name, "area"));
        let text = name_file(area.carried.text.as_deref(), &area.name);
        files.push(PlanFile { path: format!("{area_dir}/area.toml"), contents: text });
        for component in &area.components {
            let carried_dir = part(component.carried.path.as_deref(), 2)
                .or_else(|| component.indicators.first().and_then(|i| part(i.carried.path.as_deref(), 2)));
            let dir = format!(
                "{area_dir}/{}",
                numbered(component.number, carried_dir, &component.name, "komponen")
            );
            let text = name_file(component.carried.text.as_deref(), &component.name);
            files.push(PlanFile { path: format!("{dir}/component.toml"), contents: text });
            for (i, indicator) in component.indicators.iter().enumerate() {
                let number = u32::try_from(i + 1).unwrap_or(u32::MAX);
                let carried =
                    part(indicator.carried.path.as_deref(), 3).and_then(|f| f.strip_suffix(".toml"));
                let stem = numbered(number, carried, &indicator.text, "indikator");
                let path = format!("{dir}/{stem}.toml");
                let evidence = format!("{EVIDENCE_DIR}{}/{GITKEEP}", &path[PLAN_DIR.len()..path.len() - 5]);
                files.push(PlanFile { path, contents: indicator_file(indicator) });
                files.push(PlanFile { path: evidence, contents: String::new() });
            }
        }
    }
    files
}

/// The `index`th part of a carried `plan/…` path, when it is a name zi
/// would write itself (the table is the user's to edit, its hidden
/// columns too: nothing from them may leave the plan folder).
fn part(path: Option<&str>, index: usize) -> Option<&str> {
    let parts: Vec<&str> = path?.split('/').collect();
    if parts.first() != Some(&PLAN_DIR) {
        return None;
    }
    let name = *parts.get(index)?;
    let safe = number_prefix(name).is_some()
        && !name.contains("..")
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_' || b == b'.');
    safe.then_some(name)
}

/// `N-slug`: the carried name's slug under the table's number, else a slug
/// of `text`.
fn numbered(number: u32, carried: Option<&str>, text: &str, fallback: &str) -> String {
    let rest = carried.and_then(|name| name.split_once('-')).map(|(_, rest)| rest).filter(|r| !r.is_empty());
    match rest {
        Some(rest) => format!("{number}-{rest}"),
        None => format!("{number}-{}", slug(text, fallback)),
    }
}

/// A carried file's document, when it is TOML.
fn carried_doc(text: Option<&str>) -> Option<DocumentMut> {
    text?.parse().ok()
}

/// `doc` in the canonical layout of `kind`; `None` if it cannot be laid out.
fn laid_out(doc: &DocumentMut, kind: FileKind) -> Option<String> {
    canonical(&doc.to_string(), kind).ok()
}

/// Sets `key` to `value`, keeping the comment beside the old value.
fn set_string(doc: &mut DocumentMut, key: &str, value: &str) {
    match doc.get_mut(key).and_then(Item::as_value_mut) {
        Some(old) if old.as_str() == Some(value) => {}
        Some(old) => {
            let decor = old.decor().clone();
            *old = Value::from(value);
            *old.decor_mut() = decor;
        }
        None => doc[key] = toml_edit::value(value),
    }
}

/// `zi.toml`: the carried one with the table's unit and year, or a new one.
fn config(rkt: &Rkt, lang: &str) -> String {
    let mut doc = carried_doc(rkt.config.as_deref()).unwrap_or_else(|| {
        let mut doc = DocumentMut::new();
        if let Some(unit) = &rkt.unit {
            doc["unit"] = toml_edit::value(unit.as_str());
        }
        if let Some(year) = rkt.year {
            doc["year"] = toml_edit::value(i64::from(year));
        }
        doc["lang"] = toml_edit::value(lang);
        doc
    });
    if let Some(unit) = &rkt.unit {
        set_string(&mut doc, "unit", unit);
    }
    if let Some(year) = rkt.year {
        if doc.get("year").and_then(Item::as_integer) != Some(i64::from(year)) {
            doc["year"] = toml_edit::value(i64::from(year));
        }
    }
    laid_out(&doc, FileKind::Config).unwrap_or_else(|| doc.to_string())
}

/// An `area.toml` or `component.toml`.
fn name_file(carried: Option<&str>, name: &str) -> String {
    let mut doc = carried_doc(carried).unwrap_or_default();
    set_string(&mut doc, "name", name);
    laid_out(&doc, FileKind::Name).unwrap_or_else(|| fresh_name_file(name))
}

fn fresh_name_file(name: &str) -> String {
    let mut doc = DocumentMut::new();
    doc["name"] = toml_edit::value(name);
    doc.to_string()
}

/// An indicator file: the carried one with what the table changed, or a
/// new one.
fn indicator_file(indicator: &RktIndicator) -> String {
    let carried = carried_doc(indicator.carried.text.as_deref());
    if let Some(text) = carried.and_then(|mut doc| {
        update_indicator(&mut doc, indicator);
        laid_out(&doc, FileKind::Indicator)
    }) {
        return text;
    }
    let mut doc = DocumentMut::new();
    update_indicator(&mut doc, indicator);
    laid_out(&doc, FileKind::Indicator).unwrap_or_else(|| doc.to_string())
}

fn update_indicator(doc: &mut DocumentMut, indicator: &RktIndicator) {
    set_string(doc, "indicator", &indicator.text);
    let actions: Vec<String> = doc.get("actions").and_then(Item::as_array).map(names).unwrap_or_default();
    if actions != indicator.actions || doc.get("actions").and_then(Item::as_array).is_none() {
        doc["actions"] = toml_edit::value(strings(&indicator.actions));
    }
    let evidence = evidence_array(doc);
    let carried_names = evidence.as_ref().map(names);
    if carried_names.as_ref() != Some(&indicator.evidence) {
        let mut array = Array::new();
        for name in &indicator.evidence {
            // A document kept by name keeps its `file` patterns.
            let kept = evidence
                .iter()
                .flat_map(|a| a.iter())
                .find(|v| item_name(v).as_deref() == Some(name.as_str()));
            array.push_formatted(kept.cloned().unwrap_or_else(|| Value::from(name.as_str())));
        }
        doc["evidence"] = toml_edit::value(array);
    }
    set_string(doc, "due", &indicator.due);
    match &indicator.pic {
        Some(pic) => set_string(doc, "pic", pic),
        None => {
            doc.remove("pic");
        }
    }
}

/// The carried `evidence` as one array: an `[[evidence]]` array of tables
/// becomes inline tables (the canonical layout writes them inline anyway),
/// so a document kept by name keeps its `file` patterns either way.
fn evidence_array(doc: &DocumentMut) -> Option<Array> {
    match doc.get("evidence")? {
        Item::ArrayOfTables(tables) => {
            Some(tables.iter().map(|t| Value::InlineTable(t.clone().into_inline_table())).collect())
        }
        item => item.as_array().cloned(),
    }
}

fn names(array: &Array) -> Vec<String> {
    array.iter().filter_map(item_name).collect()
}

fn strings(items: &[String]) -> Array {
    items.iter().map(String::as_str).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::rkt::{Carried, RktArea, RktComponent};

    fn indicator(text: &str) -> RktIndicator {
        RktIndicator {
            text: text.into(),
            actions: vec!["Menyusun SK".into()],
            evidence: vec!["SK Tim".into(), "Daftar hadir; rapat".into()],
            due: "Januari 2022".into(),
            pic: None,
            carried: Carried::default(),
        }
    }

    fn plan(indicator: RktIndicator) -> Rkt {
        Rkt {
            unit: Some("Balai Uji".into()),
            year: Some(2023),
            areas: vec![RktArea {
                number: 1,
                name: "Manajemen Perubahan".into(),
                components: vec![RktComponent {
                    number: 2,
                    name: "Tim Kerja".into(),
                    indicators: vec![indicator],
                    ..RktComponent::default()
                }],
                ..RktArea::default()
            }],
            ..Rkt::default()
        }
    }

    #[test]
    fn a_new_plan_gets_numbered_slugged_files_in_the_canonical_layout() {
        let files = plan_files(&plan(indicator("SK Tim Kerja telah dibuat")), "id");
        let paths: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        assert_eq!(
            paths,
            [
                "zi.toml",
                "plan/1-manajemen-perubahan/area.toml",
                "plan/1-manajemen-perubahan/2-tim-kerja/component.toml",
                "plan/1-manajemen-perubahan/2-tim-kerja/1-sk-tim-kerja-dibuat.toml",
                "evidence/1-manajemen-perubahan/2-tim-kerja/1-sk-tim-kerja-dibuat/.gitkeep",
            ]
        );
        assert_eq!(files[0].contents, "unit = \"Balai Uji\"\nyear = 2023\nlang = \"id\"\n");
        assert_eq!(
            files[3].contents,
            "indicator = \"SK Tim Kerja telah dibuat\"\nactions = [\n  \"Menyusun SK\",\n]\nevidence = [\n  \"SK Tim\",\n  \"Daftar hadir; rapat\",\n]\ndue = \"Januari 2022\"\n"
        );
    }

    #[test]
    fn a_carried_file_keeps_its_comments_and_patterns_and_takes_the_tables_changes() {
        let mut changed = indicator("Teks baru");
        changed.carried = Carried {
            path: Some("plan/1-a/2-b/7-nama-lama.toml".into()),
            text: Some(
                "# catatan\nindicator = \"Teks lama\"\nactions = [\n  \"Menyusun SK\",\n]\nevidence = [\n  { name = \"SK Tim\", file = \"sk*\" },\n]\ndue = \"Desember 2021\"  # seed\npic = \"Kasubbag\"\nlke = [\"P.I.i.a\"]\n".into(),
            ),
        };
        let files = plan_files(&plan(changed), "id");
        assert_eq!(files[3].path, "plan/1-a/2-b/1-nama-lama.toml");
        // The comment beside the old target stays beside the new one.
        assert_eq!(
            files[3].contents,
            "# catatan\nindicator = \"Teks baru\"\nactions = [\n  \"Menyusun SK\",\n]\nevidence = [\n  { name = \"SK Tim\", file = \"sk*\" },\n  \"Daftar hadir; rapat\",\n]\ndue = \"Januari 2022\"  # seed\nlke = [\"P.I.i.a\"]\n"
        );
    }

    #[test]
    fn an_array_of_evidence_tables_keeps_its_patterns() {
        let carried = "indicator = \"Teks\"\nactions = [\n  \"Menyusun SK\",\n]\ndue = \"Januari 2022\"\n\n[[evidence]]\nname = \"SK Tim\"\nfile = \"sk*\"\n\n[[evidence]]\nname = \"Daftar hadir; rapat\"\nfile = [\"hadir*\", \"*.jpg\"]\n";
        let expected = |extra: &str| {
            format!(
                "indicator = \"Teks\"\nactions = [\n  \"Menyusun SK\",\n]\nevidence = [\n  {{ name = \"SK Tim\", file = \"sk*\" }},\n  {{ name = \"Daftar hadir; rapat\", file = [\"hadir*\", \"*.jpg\"] }},\n{extra}]\ndue = \"Januari 2022\"\n"
            )
        };
        // The same documents: the patterns stay.
        let mut same = indicator("Teks");
        same.carried.text = Some(carried.into());
        assert_eq!(plan_files(&plan(same), "id")[3].contents, expected(""));
        // A document added in the table: the others keep their patterns.
        let mut added = indicator("Teks");
        added.evidence.push("Foto".into());
        added.carried.text = Some(carried.into());
        assert_eq!(plan_files(&plan(added), "id")[3].contents, expected("  \"Foto\",\n"));
    }

    #[test]
    fn carried_names_that_would_leave_the_plan_folder_are_not_used() {
        for path in
            ["plan/../../etc/1-x.toml", "/etc/1-x.toml", "plan/1-a/2-b/1-x/../y.toml", "plan/1-a/2-b/x.toml"]
        {
            let mut i = indicator("Teks");
            i.carried.path = Some(path.into());
            let files = plan_files(&plan(i), "id");
            let inside = |p: &str| p == "zi.toml" || p.starts_with("plan/") || p.starts_with("evidence/");
            assert!(files.iter().all(|f| !f.path.contains("..") && inside(&f.path)), "{path}");
            assert!(files[3].path.ends_with("/1-teks.toml"), "{path}: {}", files[3].path);
        }
    }
}
