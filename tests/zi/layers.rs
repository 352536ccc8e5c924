//! The shape of the code, checked: data flows one way between the source
//! files of `src/` (no file imports, directly or through others, a file that
//! imports it back), and only the presentation layer, the settings and the
//! command line name a language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, by module path (`crate::load::tree`).
fn modules() -> BTreeMap<String, PathBuf> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut found = BTreeMap::new();
    for entry in walkdir::WalkDir::new(&src).sort_by_file_name() {
        let entry = entry.unwrap();
        let path = entry.path();
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let rel = path.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = rel.iter().map(|p| p.to_string_lossy().into_owned()).collect();
        if matches!(parts.last().map(String::as_str), Some("mod" | "lib")) {
            parts.pop();
        }
        if parts == ["main"] {
            continue; // the binary, not the library's module tree
        }
        let module = std::iter::once("crate".to_string()).chain(parts).collect::<Vec<_>>().join("::");
        found.insert(module, path.to_path_buf());
    }
    found
}

/// The code of a file without comments and string literals, so that a path
/// in a doc comment or a message is not taken for an import.
fn code_only(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                while let Some(c) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
                out.push_str("\"\"");
            }
            _ => out.push(c),
        }
    }
    out
}

/// The module paths a file refers to: `crate::a::b`, `super::c`, and every
/// item of a `use …::{…}` group, resolved against the file's own module.
fn references(module: &str, is_mod_file: bool, code: &str) -> Vec<Vec<String>> {
    let own: Vec<String> = module.split("::").map(str::to_string).collect();
    // `super` of `crate::a::b` (file a/b.rs) is `crate::a`; of a `mod.rs`
    // (`crate::a`, file a/mod.rs) it is `crate`.
    let parent = if is_mod_file || own.len() == 1 {
        own[..own.len().saturating_sub(1)].to_vec()
    } else {
        own[..own.len() - 1].to_vec()
    };
    let mut refs = Vec::new();
    let bytes: Vec<char> = code.chars().collect();
    let text: String = bytes.iter().collect();
    for start in ["crate::", "super::"] {
        let mut from = 0;
        while let Some(i) = text[from..].find(start).map(|i| i + from) {
            from = i + start.len();
            let before = text[..i].chars().next_back();
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let base = if start == "crate::" { vec!["crate".to_string()] } else { parent.clone() };
            let rest = &text[from..];
            let path_end =
                rest.find(|c: char| !(c.is_alphanumeric() || c == '_' || c == ':')).unwrap_or(rest.len());
            let path: Vec<String> =
                rest[..path_end].split("::").filter(|s| !s.is_empty()).map(str::to_string).collect();
            let mut full = base.clone();
            full.extend(path.iter().cloned());
            if rest[path_end..].starts_with('{') {
                let group_end = rest[path_end..].find('}').map_or(rest.len(), |j| path_end + j);
                for item in rest[path_end + 1..group_end].split(',') {
                    let item = item.trim();
                    let first: Vec<String> = item
                        .split("::")
                        .map(|s| s.split_whitespace().next().unwrap_or("").to_string())
                        .filter(|s| !s.is_empty() && s != "self")
                        .collect();
                    let mut each = full.clone();
                    each.extend(first);
                    refs.push(each);
                }
            }
            refs.push(full);
        }
    }
    refs
}

/// The module file a path lands in: its longest prefix that is a module.
fn resolve(path: &[String], modules: &BTreeMap<String, PathBuf>) -> Option<String> {
    (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains_key(m))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    let mut edges = BTreeMap::new();
    for (module, path) in &modules {
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        // An inline `mod tests { … }` closes a file; its `super` is the file.
        let code = match code.find("#[cfg(test)]\nmod tests {") {
            Some(at) => &code[..at],
            None => &code[..],
        };
        let is_mod_file = path.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs");
        let targets: BTreeSet<String> = references(module, is_mod_file, code)
            .iter()
            .filter_map(|r| resolve(r, &modules))
            .filter(|t| t != module)
            .collect();
        edges.insert(module.clone(), targets);
    }
    edges
}

#[test]
fn no_source_file_imports_one_that_imports_it_back() {
    let edges = graph();
    // Depth-first search for a back edge; report the cycle it closes.
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        cycles: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| s == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            cycles.push(cycle.join(" → "));
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, cycles);
        }
        stack.pop();
        done.insert(node.to_string());
    }
    let (mut done, mut cycles) = (BTreeSet::new(), Vec::new());
    for node in edges.keys() {
        visit(node, &edges, &mut Vec::new(), &mut done, &mut cycles);
    }
    assert!(cycles.is_empty(), "import cycles between source files:\n{}", cycles.join("\n"));
    assert!(edges["crate::render::table"].contains("crate::judge::view"), "the graph sees imports");
}

#[test]
fn only_the_presentation_the_settings_and_the_command_line_name_a_language() {
    let allowed = |module: &str| {
        ["crate::text", "crate::render", "crate::settings", "crate::cli"]
            .iter()
            .any(|a| module == *a || module.starts_with(&format!("{a}::")))
    };
    let named: Vec<String> = modules()
        .into_iter()
        .filter(|(_, path)| {
            let text = std::fs::read_to_string(path).unwrap();
            text.match_indices("Lang")
                .any(|(i, _)| !text[i + 4..].starts_with(|c: char| c.is_alphanumeric() || c == '_'))
        })
        .map(|(module, _)| module)
        .filter(|module| !allowed(module))
        .collect();
    assert!(named.is_empty(), "modules below the presentation that name a language: {named:?}");
}

/// The layers in order: a module may import only its own layer and those
/// listed before it.
#[test]
fn imports_point_down_the_layers() {
    let layer = |module: &str| -> usize {
        let top = module.split("::").nth(1).unwrap_or("");
        ["model", "problem", "load", "judge", "text", "render", "write", "cli", "settings", "commands"]
            .iter()
            .position(|l| *l == top)
            .unwrap_or(usize::MAX)
    };
    let mut upward = Vec::new();
    for (from, targets) in graph() {
        for to in targets {
            if layer(&to) > layer(&from) && layer(&from) != usize::MAX {
                upward.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(upward.is_empty(), "imports that point up the layers:\n{}", upward.join("\n"));
}
