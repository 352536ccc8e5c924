//! `zi.toml` (the repository settings) and the `name = "…"` files of areas
//! and components.

use std::path::Path;

use crate::load::source::{missing_key, string_at, unknown_keys, wrong_type, Source};
use crate::problem::Diagnostic;
use crate::text::{tr, Lang};

pub const CONFIG_FILE: &str = "zi.toml";

/// The repository settings. Fields the file lacks or gets wrong are `None`
/// and reported; the run goes on with fallbacks.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Config {
    pub unit: Option<String>,
    pub year: Option<i32>,
    pub title: Option<String>,
    pub lang: Option<Lang>,
}

impl Config {
    /// Reads `zi.toml` at `root`. Its problems go to `out`.
    pub fn load(root: &Path, lang: Lang, out: &mut Vec<Diagnostic>) -> Config {
        let source = match Source::read(&root.join(CONFIG_FILE), CONFIG_FILE.to_string(), lang) {
            Ok(source) => source,
            Err(d) => {
                out.push(d);
                return Config::default();
            }
        };
        let doc = match source.parse(lang) {
            Ok(doc) => doc,
            Err(d) => {
                out.push(d);
                return Config::default();
            }
        };
        let table = doc.as_table();
        unknown_keys(&source, table, &["unit", "year", "title", "lang"], lang, out);
        let mut config = Config::default();
        let take_string = |key: &str, out: &mut Vec<Diagnostic>| match string_at(&source, table, key, lang) {
            Ok(v) => v.map(|(s, _)| s.to_string()),
            Err(d) => {
                out.push(d);
                None
            }
        };
        config.unit = take_string("unit", out);
        config.title = take_string("title", out);
        let lang_text = take_string("lang", out);
        if config.unit.is_none() && table.get("unit").is_none() {
            out.push(missing_key(&source, "unit", "unit = \"Balai Penelitian Tanaman Palma\"", lang));
        }
        match table.get("year") {
            None => out.push(missing_key(&source, "year", "year = 2022", lang)),
            Some(item) => match item.as_integer() {
                Some(y) if (1..=9999).contains(&y) => config.year = Some(y as i32),
                Some(y) => out.push(
                    source
                        .error(
                            "bad-year",
                            item.span(),
                            tr(
                                lang,
                                format!("year {y} is out of range"),
                                format!("tahun {y} di luar rentang"),
                            ),
                        )
                        .with_hint(tr(
                            lang,
                            "write the plan year, e.g. year = 2022",
                            "tulis tahun rencana, mis. year = 2022",
                        )),
                ),
                None => out.push(wrong_type(
                    &source,
                    "year",
                    item,
                    ("an integer such as 2022", "bilangan seperti 2022"),
                    lang,
                )),
            },
        }
        if let Some(text) = lang_text {
            match text.to_ascii_lowercase().as_str() {
                "id" => config.lang = Some(Lang::Id),
                "en" => config.lang = Some(Lang::En),
                _ => out.push(
                    source
                        .error(
                            "bad-lang",
                            table.get("lang").and_then(|i| i.span()),
                            tr(
                                lang,
                                format!("unknown language \"{text}\""),
                                format!("bahasa \"{text}\" tidak dikenal"),
                            ),
                        )
                        .with_hint(tr(
                            lang,
                            "write lang = \"id\" or lang = \"en\"",
                            "tulis lang = \"id\" atau lang = \"en\"",
                        )),
                ),
            }
        }
        config
    }
}

/// Reads the `name` of an `area.toml` or `component.toml`. `None` when the
/// file is missing or broken (reported in `out`).
pub fn load_name(file: &Path, path: String, lang: Lang, out: &mut Vec<Diagnostic>) -> Option<String> {
    // Most name files exist: read first, and only ask why when that fails.
    let source = match Source::read(file, path.clone(), lang) {
        Ok(source) => source,
        Err(_)
            if std::fs::symlink_metadata(file).is_err_and(|e| e.kind() == std::io::ErrorKind::NotFound) =>
        {
            let file_name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            out.push(
                Diagnostic::error(
                    "missing-name-file",
                    path,
                    tr(lang, format!("missing {file_name}"), format!("{file_name} tidak ada")),
                )
                .with_hint(tr(
                    lang,
                    format!("create {file_name} with a line: name = \"…\""),
                    format!("buat {file_name} berisi baris: name = \"…\""),
                )),
            );
            return None;
        }
        Err(d) => {
            out.push(d);
            return None;
        }
    };
    let doc = source.parse(lang).map_err(|d| out.push(d)).ok()?;
    unknown_keys(&source, doc.as_table(), &["name"], lang, out);
    match string_at(&source, doc.as_table(), "name", lang) {
        Ok(Some((name, _))) => Some(name.to_string()),
        Ok(None) => {
            out.push(missing_key(&source, "name", "name = \"Manajemen Perubahan\"", lang));
            None
        }
        Err(d) => {
            out.push(d);
            None
        }
    }
}
