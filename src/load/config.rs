//! `zi.toml` (the repository settings) and the `name = "…"` files of areas
//! and components.

use std::path::Path;

use crate::load::folders::Folders;
use crate::load::source::{missing_key, string_at, unknown_keys, wrong_type, Source};
use crate::load::toml_tree::Table;
use crate::model::plan::{Config, Gate, Head, Workspace, CONFIG_FILE};
use crate::problem::{Expected, Kind, Problem};

const CONFIG_KEYS: [&str; 8] = ["unit", "year", "title", "lang", "lke", "hook", "head", "workspace"];
/// A workspace root holds no plan: only what the workspace's reports say.
const WORKSPACE_KEYS: [&str; 4] = ["workspace", "year", "title", "lang"];
const WORKSPACE_TABLE_KEYS: [&str; 1] = ["units"];
const HEAD_KEYS: [&str; 3] = ["name", "nip", "title"];
const HOOK_KEYS: [&str; 1] = ["gate"];

/// Reads `zi.toml` at `root`, and keeps its text for quoting. Its problems
/// go to `out`.
pub(crate) fn load(root: &Path, out: &mut Vec<Problem>) -> (Config, Option<String>) {
    load_from(&crate::load::folders::Disk::new(root), out)
}

/// `load`, of the `zi.toml` that `crate::load::tree::find_root_seen` has
/// just found, and seen to be a regular file when `regular`: it is then
/// read without a stat again.
pub(crate) fn load_seen(root: &Path, regular: bool, out: &mut Vec<Problem>) -> (Config, Option<String>) {
    let disk = crate::load::folders::Disk::new(root);
    of_read(if regular { disk.read_listed(CONFIG_FILE) } else { disk.read(CONFIG_FILE) }, out)
}

/// `load`, with `zi.toml` read from `folders` (the disk, or git).
pub(crate) fn load_from(folders: &dyn Folders, out: &mut Vec<Problem>) -> (Config, Option<String>) {
    of_read(folders.read(CONFIG_FILE), out)
}

/// The settings of `zi.toml` as `read`, and its text.
fn of_read(read: Result<Source, Problem>, out: &mut Vec<Problem>) -> (Config, Option<String>) {
    let source = match read {
        Ok(source) => source,
        Err(d) => {
            out.push(d);
            return (Config::default(), None);
        }
    };
    let config = parse(&source, out);
    (config, Some(source.text))
}

pub(crate) fn parse(source: &Source, out: &mut Vec<Problem>) -> Config {
    let table = match source.parse() {
        Ok(table) => table,
        Err(d) => {
            out.push(d);
            return Config::default();
        }
    };
    let table = &table;
    let workspace = workspace(source, table, out);
    let keys: &[&str] = if workspace.is_some() { &WORKSPACE_KEYS } else { &CONFIG_KEYS };
    unknown_keys(source, table, keys, out);
    let mut config = Config { workspace, ..Config::default() };
    let take_string = |key: &str, out: &mut Vec<Problem>| match string_at(source, table, key) {
        Ok(v) => v.map(|(s, _)| s.to_string()),
        Err(d) => {
            out.push(d);
            None
        }
    };
    config.unit = take_string("unit", out);
    config.title = take_string("title", out);
    let lang = take_string("lang", out);
    let lke = take_string("lke", out);
    let unit_required = config.workspace.is_none();
    if unit_required && config.unit.is_none() && table.get("unit").is_none() {
        out.push(missing_key(source, "unit", "unit = \"Balai Penelitian Tanaman Palma\""));
    }
    match table.get("year") {
        None if !unit_required => {}
        None => out.push(missing_key(source, "year", "year = 2022")),
        Some(item) => match item.as_integer() {
            Some(y) if (1..=9999).contains(&y) => config.year = Some(y as i32),
            Some(year) => out.push(source.problem(Kind::BadYear { year }, item.span())),
            None => out.push(wrong_type(source, "year", item, Expected::Integer)),
        },
    }
    // Which languages exist is the presentation's to say (`Settings`).
    config.lang = lang.map(|text| (text, source.at(table.get("lang").and_then(|i| i.span()))));
    config.lke = lke.map(|text| (text, source.at(table.get("lke").and_then(|i| i.span()))));
    config.gate = gate(source, table, out);
    config.head = head(source, table, out);
    config
}

/// `[workspace] units = ["units/*"]`: the folders of the units. A
/// workspace without a readable `units` list is still one (with no units),
/// so that its problem is said rather than a missing `unit`.
fn workspace(source: &Source, table: &Table, out: &mut Vec<Problem>) -> Option<Workspace> {
    let item = table.get("workspace")?;
    let Some(ws) = item.as_table() else {
        out.push(wrong_type(source, "workspace", item, Expected::Table));
        return Some(Workspace::default());
    };
    unknown_keys(source, ws, &WORKSPACE_TABLE_KEYS, out);
    let Some(units) = ws.get("units") else {
        out.push(missing_key(source, "units", "units = [\"units/*\"]"));
        return Some(Workspace::default());
    };
    let Some(array) = units.as_array() else {
        out.push(wrong_type(source, "units", units, Expected::ArrayOfStrings));
        return Some(Workspace::default());
    };
    if array.is_empty() {
        out.push(source.problem(Kind::NoUnitMatches { glob: None }, units.span()));
    }
    let mut globs = Vec::new();
    for value in array {
        match value.as_str() {
            Some(glob) if reaches_outside(glob) => {
                out.push(source.problem(Kind::UnitsOutside { glob: glob.to_string() }, value.span()));
            }
            Some(glob) => globs.push(glob.to_string()),
            None => {
                let found = value.kind();
                out.push(source.problem(Kind::WrongElement { key: "units".into(), found }, value.span()))
            }
        }
    }
    Some(Workspace { units: globs })
}

/// Whether a `units` glob leaves the workspace root: an absolute path (or
/// a drive), or a `..` anywhere in it.
fn reaches_outside(glob: &str) -> bool {
    let glob = glob.trim();
    let b = glob.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && b.get(2).is_none_or(|c| b"/\\".contains(c));
    glob.starts_with(['/', '\\']) || drive || glob.split(['/', '\\']).any(|part| part == "..")
}

/// `head = { name = "…", nip = "…", title = "…" }` (or a `[head]` table),
/// every key optional.
fn head(source: &Source, table: &Table, out: &mut Vec<Problem>) -> Option<Head> {
    let item = table.get("head")?;
    let Some(head) = item.as_table_like() else {
        out.push(wrong_type(source, "head", item, Expected::Table));
        return None;
    };
    unknown_keys(source, head, &HEAD_KEYS, out);
    let mut take = |key: &str| match string_at(source, head, key) {
        Ok(v) => v.map(|(s, _)| s.to_string()).filter(|s| !s.trim().is_empty()),
        Err(d) => {
            out.push(d);
            None
        }
    };
    Some(Head { name: take("name"), nip: take("nip"), title: take("title") })
}

/// `[hook] gate = "new" | "all" | "none"`.
fn gate(source: &Source, table: &Table, out: &mut Vec<Problem>) -> Option<Gate> {
    let item = table.get("hook")?;
    let Some(hook) = item.as_table() else {
        out.push(wrong_type(source, "hook", item, Expected::Table));
        return None;
    };
    unknown_keys(source, hook, &HOOK_KEYS, out);
    let (text, span) = match string_at(source, hook, "gate") {
        Ok(Some(found)) => found,
        Ok(None) => return None,
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let gate = Gate::from_name(text.trim());
    if gate.is_none() {
        out.push(source.problem(Kind::UnknownGate { text: crate::model::quote::clip(text, 40) }, span));
    }
    gate
}

/// Reads the `name` of an `area.toml` or `component.toml` (`file`) in the
/// folder `rel` of `folders`, whose listing has just given `file` as a
/// file when `listed` (it is then read without a stat first). `None` when
/// the file is missing or broken (reported in `out`).
pub(crate) fn load_name(
    folders: &dyn Folders,
    (rel, listed): (&str, bool),
    file: &'static str,
    out: &mut Vec<Problem>,
) -> Option<String> {
    let path = crate::load::tree::join(rel, file);
    // Most name files exist: read first, and only ask why when that fails.
    let read = if listed { folders.read_listed(&path) } else { folders.read(&path) };
    let source = match read {
        Ok(source) => source,
        Err(_) if folders.is_missing(&path) => {
            out.push(Problem::new(Kind::MissingNameFile { file }, path));
            return None;
        }
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let table = source.parse().map_err(|d| out.push(d)).ok()?;
    unknown_keys(&source, &table, &["name"], out);
    match string_at(&source, &table, "name") {
        Ok(Some((name, _))) => Some(name.to_string()),
        Ok(None) => {
            out.push(missing_key(&source, "name", "name = \"Manajemen Perubahan\""));
            None
        }
        Err(d) => {
            out.push(d);
            None
        }
    }
}
