//! The plan on disk as the RKT table (`crate::model::rkt`), for `zi export`:
//! the words of every area, component and indicator as their files hold
//! them, each with the file's path and text carried along.

use toml_edit::{Item, Value};

use crate::load::source::Source;
use crate::model::plan::{Plan, CONFIG_FILE};
use crate::model::rkt::{Carried, Rkt, RktArea, RktComponent, RktIndicator};
use crate::problem::Problem;

/// The table of `plan`. Files that cannot be read are reported in `out`
/// and give rows with what could be read.
pub(crate) fn table(plan: &Plan, out: &mut Vec<Problem>) -> Rkt {
    let read =
        |path: &str, out: &mut Vec<Problem>| match Source::read(&plan.root.join(path), path.to_string()) {
            Ok(source) => Some(source.text),
            Err(problem) => {
                out.push(problem);
                None
            }
        };
    let config = plan.root.join(CONFIG_FILE).is_file().then(|| read(CONFIG_FILE, out)).flatten();
    let areas = plan
        .areas
        .iter()
        .map(|area| {
            let components = area
                .components
                .iter()
                .map(|component| {
                    let indicators = component
                        .indicators
                        .iter()
                        .map(|file| indicator(read(&file.path, out), &file.path))
                        .collect();
                    let path = format!("{}/component.toml", component.path);
                    RktComponent {
                        number: component.number,
                        name: component.name.clone(),
                        carried: Carried { text: read(&path, out), path: Some(path) },
                        indicators,
                    }
                })
                .collect();
            let path = format!("{}/area.toml", area.path);
            RktArea {
                number: area.number,
                name: area.name.clone(),
                carried: Carried { text: read(&path, out), path: Some(path) },
                components,
            }
        })
        .collect();
    Rkt {
        unit: plan.config.unit.clone(),
        year: Some(plan.year),
        title: plan.config.title.clone(),
        config,
        areas,
    }
}

/// An indicator's row: the values of its file's keys, as written.
pub(crate) fn indicator(text: Option<String>, path: &str) -> RktIndicator {
    let doc = text.as_deref().and_then(|t| t.parse::<toml_edit::DocumentMut>().ok());
    let table = doc.as_ref().map(|d| d.as_table());
    let string = |key: &str| table.and_then(|t| t.get(key)).and_then(Item::as_str).map(str::to_string);
    let list = |key: &str| -> Vec<String> {
        let Some(item) = table.and_then(|t| t.get(key)) else { return Vec::new() };
        if let Some(tables) = item.as_array_of_tables() {
            return tables
                .iter()
                .filter_map(|t| t.get("name").and_then(Item::as_str))
                .map(str::to_string)
                .collect();
        }
        item.as_array().map(|a| a.iter().filter_map(item_name).collect()).unwrap_or_default()
    };
    RktIndicator {
        text: string("indicator").unwrap_or_default(),
        actions: list("actions"),
        evidence: list("evidence"),
        due: string("due").unwrap_or_default(),
        pic: string("pic"),
        carried: Carried { path: Some(path.to_string()), text },
    }
}

/// The words of an array item: a string, or an evidence table's `name`.
pub(crate) fn item_name(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.value().clone()),
        Value::InlineTable(t) => t.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    }
}
