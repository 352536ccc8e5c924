//! The rows a large plan has many of, written by hand through `Pretty`:
//! `zi status --format json`'s indicators with their periods and missing
//! documents, and the problems of `zi check --format json`. The shape is
//! the one docs/format.md documents; `super::reference` keeps the serde
//! version these are tested against, byte for byte.

use std::io;

use crate::judge::evaluate::{Evaluation, IndicatorReport, PeriodReport, PeriodState, Progress, Status};
use crate::judge::view::{StatusCounts, Totals};
use crate::problem::{Problem, Severity};
use crate::render::json::pretty::Pretty;
use crate::render::problems;
use crate::render::words::{pic, Heading, StatusLabel};
use crate::text::Lang;

/// The members every report starts with (its object already open).
pub(super) fn header(w: &mut Pretty, eval: &Evaluation, lang: Lang) {
    let h = Heading::of(eval, lang);
    w.key("unit");
    w.opt_str(eval.plan.config.unit.as_deref());
    w.key("title");
    w.opt_str(eval.plan.config.title.as_deref());
    w.key("title_label");
    w.str(&h.title);
    w.key("year");
    w.int(h.year);
    w.key("as_of");
    w.str(&h.as_of);
}

/// A problem: the code and place are data, `message` and `hint` words.
/// Its words are asked of `said`, which a run of problems shares.
pub(super) fn problem(w: &mut Pretty, p: &Problem, said: &mut problems::Said) -> io::Result<()> {
    w.object();
    w.key("code");
    w.str(p.code().name());
    w.key("severity");
    w.str(match p.severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    });
    w.key("path");
    w.str(&p.path);
    if let Some(at) = p.at {
        w.key("line");
        w.int(at.line);
        w.key("column");
        w.int(at.column);
    }
    let (message, hint) = said.of(p);
    w.key("message");
    w.str(message);
    w.key("hint");
    w.str(hint);
    w.end_object()
}

fn progress(w: &mut Pretty, key: &'static str, p: Progress) -> io::Result<()> {
    w.key(key);
    w.object();
    w.key("present");
    w.count(p.present);
    w.key("required");
    w.count(p.required);
    w.end_object()
}

/// The `totals` member of a group.
pub(super) fn totals(w: &mut Pretty, t: &Totals) -> io::Result<()> {
    w.key("totals");
    w.object();
    w.key("indicators");
    w.count(t.indicators);
    w.key("statuses");
    w.object();
    let StatusCounts { invalid, overdue, due, on_track, done, occurrences } = &t.statuses;
    for (key, n) in [
        ("invalid", invalid),
        ("overdue", overdue),
        ("due", due),
        ("on-track", on_track),
        ("done", done),
        ("occurrences", occurrences),
    ] {
        w.key(key);
        w.count(*n);
    }
    w.end_object()?;
    progress(w, "to_date", t.to_date)?;
    progress(w, "year", t.year)?;
    w.end_object()
}

/// An indicator as `zi status --format json` lists it.
pub(super) fn indicator(w: &mut Pretty, r: &IndicatorReport, lang: Lang) -> io::Result<()> {
    w.object();
    w.key("id");
    w.str(&r.file.id);
    w.key("path");
    w.str(&r.file.path);
    w.key("evidence_dir");
    w.str(&r.file.evidence);
    w.key("indicator");
    w.str(r.text());
    w.key("status");
    w.str(r.status.key());
    w.key("status_label");
    let occurrences =
        (r.status == Status::Occurrences).then(|| r.occurrences.iter().filter(|o| o.has_files()).count());
    match occurrences {
        Some(n) => w.display(format_args!("{} ({n})", r.status.label(lang))),
        None => w.str(r.status.label(lang)),
    }
    w.key("due");
    w.opt_str(r.due_text());
    w.key("pic");
    w.opt_str(pic(r));
    w.key("next_deadline");
    match r.next_deadline {
        Some(m) => w.month(m),
        None => w.null(),
    }
    progress(w, "to_date", r.to_date)?;
    progress(w, "year", r.year)?;
    w.key("occurrences");
    match occurrences {
        Some(n) => w.count(n),
        None => w.null(),
    }
    w.key("periods");
    w.array();
    for p in &r.periods {
        w.item();
        period(w, p)?;
    }
    w.end_array()?;
    w.key("in_lfs");
    w.count(r.in_lfs);
    w.key("problem");
    match r.problem.as_deref() {
        Some(p) => problem(w, p, &mut problems::Said::raw(lang))?,
        None => w.null(),
    }
    w.end_object()
}

fn period(w: &mut Pretty, p: &PeriodReport) -> io::Result<()> {
    w.object();
    w.key("first");
    w.month(p.period.first);
    w.key("last");
    w.month(p.period.last);
    w.key("state");
    w.str(match p.state {
        PeriodState::Complete => "complete",
        PeriodState::Open => "open",
        PeriodState::Due => "due",
        PeriodState::Overdue => "overdue",
    });
    w.key("missing");
    w.array();
    for name in p.missing() {
        w.item();
        w.opt_str(name);
    }
    w.end_array()?;
    w.end_object()
}
