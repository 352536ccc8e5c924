//! A workspace's units: the folders its `[workspace] units` globs match,
//! each a plan repository with its own `zi.toml`. A folder without one is
//! reported and left out; the others are read as they would be alone.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use crate::model::plan::CONFIG_FILE;
use crate::problem::{GlobProblem, Kind, Problem};

/// One folder a `units` glob matched.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct UnitDir {
    /// What the unit's IDs are prefixed with (`balit-palma` of
    /// `balit-palma:III.2.1`): the folder's name, or its path from the
    /// root when two matched folders share a name.
    pub(crate) tag: String,
    /// The folder from the workspace root, with `/`.
    pub(crate) rel: String,
    /// Whether it holds a `zi.toml` (else it is reported, not judged).
    pub(crate) is_unit: bool,
}

/// The folders the `globs` match under `root`, sorted by path, each once.
/// A glob that matches nothing, or cannot be read, is reported in `out`,
/// and so is each folder without a `zi.toml`.
pub(crate) fn units(root: &Path, globs: &[String], out: &mut Vec<Problem>) -> Vec<UnitDir> {
    let options = glob::MatchOptions { require_literal_leading_dot: true, ..glob::MatchOptions::new() };
    let base = glob::Pattern::escape(&root.to_string_lossy());
    let real_root = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let mut found = BTreeSet::new();
    for pattern in globs {
        let trimmed = pattern.trim().trim_start_matches("./").trim_end_matches('/');
        let paths = match glob::glob_with(&format!("{base}/{trimmed}"), options) {
            Ok(paths) => paths,
            Err(e) => {
                let kind = Kind::BadGlob { glob: pattern.clone(), problem: GlobProblem::Syntax(e.msg) };
                out.push(Problem::new(kind, CONFIG_FILE));
                continue;
            }
        };
        let mut matched = false;
        let mut outside = false;
        for path in paths.flatten() {
            let rel = path.strip_prefix(root).ok().and_then(Path::to_str).map(|r| r.replace('\\', "/"));
            if let Some(rel) = rel.filter(|r| !r.is_empty() && path.is_dir()) {
                matched = true;
                // A link to a folder elsewhere: not read.
                if std::fs::canonicalize(&path).is_ok_and(|real| real.starts_with(&real_root)) {
                    found.insert(rel);
                } else {
                    outside = true;
                }
            }
        }
        if outside {
            out.push(Problem::new(Kind::UnitsOutside { glob: pattern.clone() }, CONFIG_FILE));
        } else if !matched {
            out.push(Problem::new(Kind::NoUnitMatches { glob: Some(pattern.clone()) }, CONFIG_FILE));
        }
    }
    let names = found.iter().fold(BTreeMap::<&str, usize>::new(), |mut names, rel| {
        *names.entry(last_name(rel)).or_default() += 1;
        names
    });
    found
        .iter()
        .map(|rel| {
            let name = last_name(rel);
            let tag = if names[name] > 1 { rel.clone() } else { name.to_string() };
            let is_unit = root.join(rel).join(CONFIG_FILE).is_file();
            if !is_unit {
                out.push(Problem::new(Kind::NotAUnit, rel.clone()));
            }
            UnitDir { tag, rel: rel.clone(), is_unit }
        })
        .collect()
}

/// Whether a folder (from the workspace root, with `/`) is one the `globs`
/// match, as `units` matches them: `*` never crosses a `/`, hidden folders
/// are matched only by name.
pub(crate) fn covers(globs: &[String], rel: &str) -> bool {
    let options = glob::MatchOptions {
        require_literal_separator: true,
        require_literal_leading_dot: true,
        ..glob::MatchOptions::new()
    };
    globs.iter().any(|g| {
        let trimmed = g.trim().trim_start_matches("./").trim_end_matches('/');
        glob::Pattern::new(trimmed).is_ok_and(|p| p.matches_with(rel, options))
    })
}

fn last_name(rel: &str) -> &str {
    rel.rsplit('/').next().unwrap_or(rel)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_are_the_matched_folders_and_a_folder_without_zi_toml_is_reported() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        for unit in ["units/a", "units/b", "more/a"] {
            std::fs::create_dir_all(root.join(unit)).unwrap();
            std::fs::write(root.join(unit).join("zi.toml"), "unit = \"U\"\nyear = 2022\n").unwrap();
        }
        std::fs::create_dir_all(root.join("units/empty")).unwrap();
        std::fs::create_dir_all(root.join("units/.hidden")).unwrap();
        std::fs::write(root.join("units/notes.txt"), "x").unwrap();
        let mut out = Vec::new();
        let globs = ["units/*".to_string(), "more/*".into(), "none/*".into(), "units/b".into()];
        let units = units(root, &globs, &mut out);
        let shown: Vec<(&str, &str, bool)> =
            units.iter().map(|u| (u.tag.as_str(), u.rel.as_str(), u.is_unit)).collect();
        assert_eq!(
            shown,
            [
                ("more/a", "more/a", true),
                ("units/a", "units/a", true),
                ("b", "units/b", true),
                ("empty", "units/empty", false)
            ]
        );
        let kinds: Vec<(&Kind, &str)> = out.iter().map(|p| (&p.kind, p.path.as_str())).collect();
        assert_eq!(
            kinds,
            [
                (&Kind::NoUnitMatches { glob: Some("none/*".into()) }, "zi.toml"),
                (&Kind::NotAUnit, "units/empty")
            ]
        );
    }
}

#[cfg(test)]
mod covers_tests {
    #[test]
    fn a_glob_covers_the_folders_it_would_match() {
        let globs = ["units/balai-*".to_string(), "./arsip/x/".into()];
        assert!(super::covers(&globs, "units/balai-teh"));
        assert!(super::covers(&globs, "arsip/x"));
        assert!(!super::covers(&globs, "units/sawit"));
        assert!(!super::covers(&globs, "units/balai-a/b"), "* never crosses a /");
        assert!(!super::covers(&["units/*".to_string()], "units/.hidden"));
    }
}
