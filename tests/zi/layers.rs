//! The shape of the code, checked: data flows one way between the source
//! files of `src/` (no file refers, directly or through others, to a file
//! that refers back to it), each layer uses only the layers it is meant to,
//! and only the presentation layer, the settings and the command line name a
//! language.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// A module file of `src/`: its path as a module, `crate::load::tree`.
struct Module {
    file: PathBuf,
    /// The code, without comments, string and char literals, or a closing
    /// `#[cfg(test)] mod tests { … }`.
    code: String,
    /// The module `super` names from this file.
    parent: Vec<String>,
    /// The module this file is (`self`).
    own: Vec<String>,
}

fn modules() -> BTreeMap<String, Module> {
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
        let own: Vec<String> = std::iter::once("crate".to_string()).chain(parts).collect();
        let parent = own[..own.len().saturating_sub(1)].to_vec();
        let code = code_only(&std::fs::read_to_string(path).unwrap());
        let code = match code.find("#[cfg(test)]\nmod tests {") {
            Some(at) => code[..at].to_string(),
            None => code,
        };
        found.insert(own.join("::"), Module { file: path.to_path_buf(), code, parent, own });
    }
    found
}

/// `text` without comments, string literals and char literals (a `'"'`
/// would otherwise open a string), so that a path in a doc comment or a
/// message is not taken for a reference.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        match chars[i] {
            '/' if chars.get(i + 1) == Some(&'/') => {
                while i < chars.len() && chars[i] != '\n' {
                    i += 1;
                }
            }
            '/' if chars.get(i + 1) == Some(&'*') => {
                i += 2;
                while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                    i += 1;
                }
                i += 2;
            }
            'r' if chars.get(i + 1) == Some(&'#')
                || (chars.get(i + 1) == Some(&'"') && !ident_before(&chars, i)) =>
            {
                // A raw string: r"…", r#"…"#.
                let hashes = chars[i + 1..].iter().take_while(|c| **c == '#').count();
                if chars.get(i + 1 + hashes) != Some(&'"') {
                    out.push('r');
                    i += 1;
                    continue;
                }
                i += 2 + hashes;
                let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                while i < chars.len() && chars[i..].iter().take(close.len()).ne(close.iter()) {
                    i += 1;
                }
                i += close.len();
                out.push_str("\"\"");
            }
            '"' => {
                i += 1;
                while i < chars.len() && chars[i] != '"' {
                    i += if chars[i] == '\\' { 2 } else { 1 };
                }
                i += 1;
                out.push_str("\"\"");
            }
            '\'' if chars.get(i + 1) == Some(&'\\') => {
                // An escaped char literal: '\'', '\\', '\u{1b}'.
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
                out.push_str("' '");
            }
            '\'' if chars.get(i + 2) == Some(&'\'') => {
                i += 3;
                out.push_str("' '");
            }
            c => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The names a file declares as child modules (`mod x;`, `pub(crate) mod x;`).
fn children(code: &str) -> BTreeSet<String> {
    code.lines()
        .filter_map(|line| {
            let line = line.trim();
            let rest = line
                .strip_prefix("pub(crate) mod ")
                .or_else(|| line.strip_prefix("pub mod "))
                .or_else(|| line.strip_prefix("mod "))?;
            rest.strip_suffix(';').map(|name| name.trim().to_string())
        })
        .collect()
}

/// Every path a file names: `crate::a::b`, `super::c`, `self::d`, `child::e`
/// (a declared child module), and each item of a `use` group, nested ones
/// included, as absolute module paths.
fn references(module: &Module) -> Vec<Vec<String>> {
    let children = children(&module.code);
    let chars: Vec<char> = module.code.chars().collect();
    let mut refs = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        if !is_ident(chars[i]) || (i > 0 && (is_ident(chars[i - 1]) || chars[i - 1] == ':')) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && is_ident(chars[i]) {
            i += 1;
        }
        let first: String = chars[start..i].iter().collect();
        let followed = chars.get(i) == Some(&':') && chars.get(i + 1) == Some(&':');
        let base = match first.as_str() {
            "crate" if followed => vec!["crate".to_string()],
            "super" if followed => module.parent.clone(),
            "self" if followed => module.own.clone(),
            name if followed && children.contains(name) => {
                let mut base = module.own.clone();
                base.push(name.to_string());
                base
            }
            _ => continue,
        };
        i = path_tail(&chars, i, base, &mut refs);
    }
    refs
}

/// Reads `::a::b` or `::{a, b::{c}}` after `base`, from `at`; records every
/// full path in `refs` and returns where it stopped.
fn path_tail(chars: &[char], mut at: usize, mut base: Vec<String>, refs: &mut Vec<Vec<String>>) -> usize {
    loop {
        if !(chars.get(at) == Some(&':') && chars.get(at + 1) == Some(&':')) {
            refs.push(base);
            return at;
        }
        at += 2;
        if chars.get(at) == Some(&'{') {
            at += 1;
            loop {
                while chars.get(at).is_some_and(|c| c.is_whitespace() || *c == ',') {
                    at += 1;
                }
                match chars.get(at) {
                    None => return at,
                    Some('}') => {
                        refs.push(base);
                        return at + 1;
                    }
                    _ => {}
                }
                let start = at;
                while chars.get(at).is_some_and(|c| is_ident(*c) || *c == '*') {
                    at += 1;
                }
                let name: String = chars[start..at].iter().collect();
                if name.is_empty() {
                    at += 1; // `as x`, stray characters: skip
                    continue;
                }
                let mut item = base.clone();
                if name != "self" && name != "*" {
                    item.push(name);
                }
                at = path_tail(chars, at, item, refs);
                // `as name` after an item
                while chars.get(at).is_some_and(|c| *c != ',' && *c != '}') {
                    at += 1;
                }
            }
        }
        let start = at;
        while chars.get(at).is_some_and(|c| is_ident(*c)) {
            at += 1;
        }
        if start == at {
            refs.push(base);
            return at;
        }
        base.push(chars[start..at].iter().collect());
    }
}

/// The module file a path lands in: its longest prefix that is a module.
fn resolve(path: &[String], modules: &BTreeMap<String, Module>) -> Option<String> {
    (1..=path.len()).rev().map(|n| path[..n].join("::")).find(|m| modules.contains_key(m))
}

fn graph() -> BTreeMap<String, BTreeSet<String>> {
    let modules = modules();
    modules
        .iter()
        .map(|(name, module)| {
            let targets = references(module)
                .iter()
                .filter_map(|r| resolve(r, &modules))
                .filter(|t| t != name)
                .collect();
            (name.clone(), targets)
        })
        .collect()
}

/// The cycles of `edges`, each as `a → b → a`.
fn cycles(edges: &BTreeMap<String, BTreeSet<String>>) -> Vec<String> {
    fn visit(
        node: &str,
        edges: &BTreeMap<String, BTreeSet<String>>,
        stack: &mut Vec<String>,
        done: &mut BTreeSet<String>,
        found: &mut Vec<String>,
    ) {
        if done.contains(node) {
            return;
        }
        if let Some(at) = stack.iter().position(|s| s == node) {
            let mut cycle = stack[at..].to_vec();
            cycle.push(node.to_string());
            found.push(cycle.join(" → "));
            return;
        }
        stack.push(node.to_string());
        for next in edges.get(node).into_iter().flatten() {
            visit(next, edges, stack, done, found);
        }
        stack.pop();
        done.insert(node.to_string());
    }
    let (mut done, mut found) = (BTreeSet::new(), Vec::new());
    for node in edges.keys() {
        visit(node, edges, &mut Vec::new(), &mut done, &mut found);
    }
    found
}

#[test]
fn no_source_file_refers_to_one_that_refers_back() {
    let edges = graph();
    let found = cycles(&edges);
    assert!(found.is_empty(), "cycles between source files:\n{}", found.join("\n"));
    // The graph sees every kind of reference the code uses.
    for (from, to) in [
        ("crate::render::table", "crate::judge::view"), // use crate::…::{…}
        ("crate::render", "crate::render::table"),      // table::Terminal, a child
        ("crate::problem::kind", "crate::problem::code"), // use super::code::…
        ("crate::model::due", "crate::model::due::words"), // use words::*
        ("crate::text::en", "crate::text::catalogue"),  // use super::catalogue::{…}
    ] {
        assert!(edges[from].contains(to), "the graph misses {from} → {to}: {:?}", edges[from]);
    }
}

#[test]
fn the_cycle_finder_finds_a_parent_and_child_that_refer_to_each_other() {
    let mut edges = graph();
    edges.get_mut("crate::render::table").unwrap().insert("crate::render".to_string());
    assert!(cycles(&edges).iter().any(|c| c.contains("crate::render::table → crate::render")));
    let planted = Module {
        file: PathBuf::from("planted.rs"),
        code: code_only("use crate::render::{Renderer, Style};\nlet c = '\"'; let s = \"crate::judge\";"),
        parent: vec!["crate".into(), "render".into()],
        own: vec!["crate".into(), "render".into(), "table".into()],
    };
    let modules = modules();
    let seen: BTreeSet<String> = references(&planted).iter().filter_map(|r| resolve(r, &modules)).collect();
    assert_eq!(seen, BTreeSet::from(["crate::render".to_string()]), "{:?}", references(&planted));
}

/// What each layer may use. Tests inside a file and `crate::fuzzing` (the
/// fuzz targets' driver) are left out of this.
#[test]
fn each_layer_uses_only_the_layers_below_it() {
    let allowed: BTreeMap<&str, &[&str]> = BTreeMap::from([
        ("parallel", &[][..]),
        ("model", &[][..]),
        ("problem", &["model"][..]),
        ("load", &["model", "problem", "parallel"][..]),
        ("judge", &["model", "problem", "parallel"][..]),
        ("text", &["model", "problem"][..]),
        ("render", &["model", "problem", "judge", "text", "parallel"][..]),
        ("write", &["model", "problem", "load"][..]),
        ("cli", &["problem", "render", "text"][..]),
        ("settings", &["model", "problem", "load", "render", "text", "cli"][..]),
        (
            "commands",
            &["model", "problem", "load", "judge", "render", "write", "cli", "settings", "parallel"][..],
        ),
    ]);
    let layer = |module: &str| module.split("::").nth(1).unwrap_or("").to_string();
    let mut wrong = Vec::new();
    for (from, targets) in graph() {
        let Some(may) = allowed.get(layer(&from).as_str()) else { continue };
        for to in targets {
            let to_layer = layer(&to);
            if to_layer != layer(&from) && !may.contains(&to_layer.as_str()) {
                wrong.push(format!("{from} → {to}"));
            }
        }
    }
    assert!(wrong.is_empty(), "references a layer may not make:\n{}", wrong.join("\n"));
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
        .filter(|(_, m)| {
            let text = std::fs::read_to_string(&m.file).unwrap();
            text.match_indices("Lang").any(|(i, _)| !text[i + 4..].starts_with(is_ident))
        })
        .map(|(module, _)| module)
        .filter(|module| !allowed(module))
        .collect();
    assert!(named.is_empty(), "modules below the presentation that name a language: {named:?}");
}
