//! The report's section on evidence filed where it does not count (a month
//! folder named `Juli 2022`, a file beside the month folders, a folder of
//! no indicator): each place, what is wrong and the fix, so that nobody
//! reading the page takes a misfiled document for a missing one. Empty,
//! the section is not written at all. Its style rules travel with it.

use std::fmt::Write as _;

use super::markup::esc;
use super::page::{Page, CHUNK};
use crate::judge::evaluate::Evaluation;
use crate::problem::Problem;
use crate::render::problems;

/// The section's own rules, scoped to it.
const CSS: &str = "#misfiled td.place { font-family: monospace; word-break: break-all; }\n\
#misfiled td.fix { color: #1b5e20; }\n\
#misfiled p.why { margin: 0.2em 0 0.6em; }\n";

/// The problems of `eval` that say evidence is misfiled, in place order.
pub(super) fn misfiled(eval: &Evaluation) -> Vec<&Problem> {
    eval.problems.iter().filter(|p| p.code().is_misfiled()).collect()
}

/// The section, written to the page a row at a time; nothing when all
/// evidence is filed where it counts.
pub(super) fn section(page: &mut Page, eval: &Evaluation) {
    let found = misfiled(eval);
    if found.is_empty() {
        return;
    }
    let lang = page.lang;
    let l = lang.labels();
    let out = &mut page.out;
    let _ =
        writeln!(out, "<section id=\"misfiled\">\n<style>\n{CSS}</style>\n<h2>{}</h2>", l.misfiled_evidence);
    let _ = writeln!(out, "<p class=\"why\">{}</p>", esc(l.misfiled_why));
    let _ = writeln!(
        out,
        "<table>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>",
        l.path, l.problem, l.hint_column
    );
    for p in found {
        let _ = writeln!(
            page.out,
            "<tr><td class=\"place\">{}</td><td>{}</td><td class=\"fix\">{}</td></tr>",
            esc(&p.path),
            esc(&problems::message(p, lang)),
            esc(&problems::hint(p, lang))
        );
        page.spill(CHUNK);
    }
    page.out.push_str("</tbody>\n</table>\n</section>\n");
}
