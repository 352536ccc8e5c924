//! The serde version of the JSON that `rows` writes by hand, kept for the
//! differential tests: both must write the same bytes.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::{each, indicator_json, with_header, ProblemJson};
use crate::judge::view::{CheckView, StatusView, Totals};
use crate::problem;
use crate::text::Lang;

pub(super) fn check(view: &CheckView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    #[derive(Serialize)]
    struct Body<T> {
        errors: usize,
        warnings: usize,
        diagnostics: T,
    }
    let (errors, warnings) = problem::count(view.problems);
    let diagnostics = each(view.problems, |p| ProblemJson::of(p, lang));
    serde_json::to_writer_pretty(&mut *out, &Body { errors, warnings, diagnostics })?;
    writeln!(out)?;
    Ok(())
}

pub(super) fn status(view: &StatusView, lang: Lang, out: &mut dyn Write) -> Result<()> {
    #[derive(Serialize)]
    struct Group<'a, T> {
        id: &'a str,
        name: &'a str,
        path: &'a str,
        totals: &'a Totals,
        #[serde(flatten)]
        children: T,
    }
    #[derive(Serialize)]
    struct Components<T> {
        components: T,
    }
    #[derive(Serialize)]
    struct Indicators<T> {
        indicators: T,
    }
    #[derive(Serialize)]
    struct Body<'a, T> {
        totals: &'a Totals,
        areas: T,
    }
    let areas = each(&view.areas, |a| Group {
        id: &a.area.id,
        name: &a.area.name,
        path: &a.area.path,
        totals: &a.totals,
        children: Components {
            components: each(&a.components, |c| Group {
                id: &c.component.id,
                name: &c.component.name,
                path: &c.component.path,
                totals: &c.totals,
                children: Indicators { indicators: each(&c.indicators, |r| indicator_json(r, lang)) },
            }),
        },
    });
    with_header(view.eval, lang, Body { totals: &view.totals, areas }, out)
}

#[cfg(test)]
mod tests {
    use std::path::Path;

    use chrono::NaiveDate;
    use proptest::prelude::*;

    use crate::judge::evaluate::{Detail, Evaluation, Keep};
    use crate::judge::view::{CheckView, StatusView};
    use crate::load::{config, plan};
    use crate::problem::Excerpts;
    use crate::text::Lang;

    fn evaluate(root: &Path, as_of: NaiveDate, detail: Detail) -> Evaluation {
        let mut before = Vec::new();
        let (config, _) = config::load(root, &mut before);
        let plan = plan::discover(root, config, 2022, &mut before);
        Evaluation::new(plan, as_of, |_| detail, Keep::Every, crate::load::indicator, before)
    }

    /// `zi status --format json` and `zi check --format json` of `root`,
    /// each written by hand and by serde, in both languages.
    fn both_ways(root: &Path, as_of: NaiveDate) {
        for detail in [Detail::Summary, Detail::Problems] {
            let eval = evaluate(root, as_of, detail);
            let view = StatusView::new(&eval, |_| true);
            let check = CheckView::whole(&eval.problems, Excerpts::default());
            for lang in [Lang::En, Lang::Id] {
                let (mut ours, mut serde) = (Vec::new(), Vec::new());
                super::super::status(&view, lang, &mut ours).unwrap();
                super::status(&view, lang, &mut serde).unwrap();
                assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(serde).unwrap());
                let (mut ours, mut serde) = (Vec::new(), Vec::new());
                super::super::check(&check, lang, &mut ours).unwrap();
                super::check(&check, lang, &mut serde).unwrap();
                assert_eq!(String::from_utf8(ours).unwrap(), String::from_utf8(serde).unwrap());
            }
        }
    }

    #[test]
    fn the_shipped_plan_is_written_as_serde_writes_it() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR"));
        for month in [1, 6, 10, 12] {
            both_ways(root, NaiveDate::from_ymd_opt(2022, month, 15).unwrap());
        }
    }

    /// Any text in the places a plan's own text reaches the JSON: the
    /// unit, the title, an indicator, its person in charge, a document's
    /// name, a target time (which may not parse), and a file's name.
    fn plan_with(texts: &[String; 7]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let write = |path: &str, text: &str| {
            let path = dir.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        let quoted = |t: &str| toml::Value::String(t.to_string()).to_string();
        let [unit, title, indicator, pic, document, due, file] = texts;
        write("zi.toml", &format!("unit = {}\ntitle = {}\nyear = 2022\n", quoted(unit), quoted(title)));
        write("plan/1-a/area.toml", "name = \"A\"\n");
        write("plan/1-a/1-k/component.toml", "name = \"K\"\n");
        for (n, due) in [(1, due.as_str()), (2, "Maret, Juni 2022"), (3, "setiap bulan")] {
            write(
                &format!("plan/1-a/1-k/{n}-x.toml"),
                &format!(
                    "indicator = {}\npic = {}\nactions = [\"a\"]\nevidence = [{}, \"Foto\"]\ndue = {}\n",
                    quoted(indicator),
                    quoted(pic),
                    quoted(document),
                    quoted(due)
                ),
            );
            let name = file.replace(['/', '\0'], "_");
            for folder in ["2022-03", "2021-06", "2022-06-01"] {
                let _ = std::fs::create_dir_all(dir.path().join(format!("evidence/1-a/1-k/{n}-x/{folder}")));
                let _ = std::fs::write(
                    dir.path().join(format!("evidence/1-a/1-k/{n}-x/{folder}/{name}.pdf")),
                    "%PDF",
                );
            }
        }
        dir
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(24))]
        #[test]
        fn any_text_in_a_plan_is_written_as_serde_writes_it(
            texts in proptest::array::uniform7("[\u{0}-\u{1f}\u{7f}\"\\\\a-zA-Z0-9 ,éü\u{85}\u{202e}\u{2028}\u{1F600}]{0,24}"),
        ) {
            let dir = plan_with(&texts);
            both_ways(dir.path(), NaiveDate::from_ymd_opt(2022, 7, 1).unwrap());
        }
    }
}
