//! Each indicator in full, its card in the page's last section: what it
//! asks, and which file satisfies which document in each period.
//!
//! The cards are written while the plan is judged, from each report in
//! full, to a spool (an unnamed temporary file beside the page), and the
//! page copies them in its order once the sections before them are
//! written: every evidence folder is read once, the evaluation keeps each
//! indicator in summary, and the page's sections cannot disagree about a
//! file added while it is made.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::{Arc, Mutex, PoisonError};

use super::markup::{state_key, write_esc, write_url, Esc};
use crate::judge::evaluate::{Document, IndicatorReport, PeriodState};
use crate::model::lke::Lke;
use crate::render::problems;
use crate::render::score::html as score_html;
use crate::render::words::{
    document_name, fraction, next_deadline_text, period_text, pic, state_label, status_text,
};
use crate::text::{Labels, Lang};

/// What the HTML renderer needs to know about where the page will live.
pub(crate) struct Links<'a> {
    /// Prefix from the page's folder to the repository root: `""` when the
    /// page sits at the root, `"../"` one folder down, and so on.
    pub(crate) to_root: &'a str,
}

/// The cards of the indicators judged so far, in the order they were
/// judged, and where each is.
pub(crate) struct Articles<'a> {
    lang: Lang,
    links: &'a Links<'a>,
    lke: &'a Lke,
    spool: Mutex<Spool>,
}

/// The cards are written and read back this many bytes at a time.
const PIECE: usize = 256 * 1024;

struct Spool {
    file: File,
    /// Bytes written to `file`.
    written: u64,
    /// Cards made and not yet written.
    pending: Vec<u8>,
    /// Where each card is, by its indicator file (the report's `Arc`).
    at: HashMap<usize, (u64, usize)>,
    /// The first error writing the spool; reported when the page is made.
    failed: Option<io::Error>,
    /// Bytes of `file` read back, from `window_at`.
    window: Vec<u8>,
    window_at: u64,
}

impl Spool {
    fn add(&mut self, key: usize, card: &str) {
        self.at.insert(key, (self.written + self.pending.len() as u64, card.len()));
        self.pending.extend_from_slice(card.as_bytes());
        if self.pending.len() >= PIECE {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.failed.is_none() && !self.pending.is_empty() {
            self.failed = self.file.write_all(&self.pending).err();
        }
        self.written += self.pending.len() as u64;
        self.pending.clear();
    }

    /// Bytes `at..at + len` of the file, read back a piece at a time.
    fn read(&mut self, at: u64, len: usize) -> io::Result<&[u8]> {
        let end = at + len as u64;
        if at < self.window_at || end > self.window_at + self.window.len() as u64 {
            let size = len.max(PIECE).min(usize::try_from(self.written - at).unwrap_or(usize::MAX));
            self.window.resize(size, 0);
            self.file.seek(SeekFrom::Start(at))?;
            self.file.read_exact(&mut self.window)?;
            self.window_at = at;
        }
        let start = usize::try_from(at - self.window_at).unwrap_or(0);
        Ok(&self.window[start..start + len])
    }
}

fn key(report: &IndicatorReport) -> usize {
    Arc::as_ptr(&report.file) as usize
}

impl<'a> Articles<'a> {
    /// Cards written to `file`, an empty temporary file.
    pub(crate) fn new(lang: Lang, links: &'a Links<'a>, lke: &'a Lke, file: File) -> Self {
        let spool = Spool {
            file,
            written: 0,
            pending: Vec::with_capacity(PIECE + PIECE / 8),
            at: HashMap::new(),
            failed: None,
            window: Vec::new(),
            window_at: 0,
        };
        Articles { lang, links, lke, spool: Mutex::new(spool) }
    }

    /// Writes the card of `report`, judged in full, to the spool.
    pub(crate) fn add(&self, report: &IndicatorReport) {
        let card = self.card(report);
        self.spool.lock().unwrap_or_else(PoisonError::into_inner).add(key(report), &card);
    }

    /// The card of `report` (in full, or in summary when it was not judged
    /// in full).
    pub(super) fn card(&self, report: &IndicatorReport) -> String {
        let mut card = Card {
            out: String::with_capacity(4096),
            lang: self.lang,
            l: self.lang.labels(),
            links: self.links,
        };
        card.indicator(report, self.lke);
        card.out
    }

    /// Appends the cards of `reports` to `out` in their order, read back
    /// from the spool; a report without a card gets one made now.
    pub(super) fn copy<'r>(
        &self,
        reports: impl Iterator<Item = &'r IndicatorReport>,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let mut spool = self.spool.lock().unwrap_or_else(PoisonError::into_inner);
        spool.flush();
        if let Some(e) = spool.failed.take() {
            return Err(e);
        }
        for report in reports {
            match spool.at.get(&key(report)).copied() {
                Some((at, len)) => out.extend_from_slice(spool.read(at, len)?),
                None => out.extend_from_slice(self.card(report).as_bytes()),
            }
        }
        Ok(())
    }
}

/// One card being made.
struct Card<'a> {
    out: String,
    lang: Lang,
    l: &'static Labels,
    links: &'a Links<'a>,
}

/// Writes to the card; writing to a `String` cannot fail.
macro_rules! w {
    ($card:expr, $($arg:tt)*) => {
        let _ = write!($card.out, $($arg)*);
    };
}

impl Card<'_> {
    fn indicator(&mut self, report: &IndicatorReport, lke: &Lke) {
        let l = self.l;
        let lang = self.lang;
        let id = Esc(&report.file.id);
        w!(
            self,
            "<article class=\"ind\" id=\"{id}\">\n<p class=\"head\"><span class=\"chip {}\">",
            report.status.key()
        );
        w!(
            self,
            "{}</span> <b>{id}</b> {}</p>\n<p class=\"meta\">",
            Esc(&status_text(report, lang)),
            Esc(report.text())
        );
        if let Some(indicator) = report.whole() {
            let due = if indicator.due_text.trim().is_empty() { l.no_target } else { &indicator.due_text };
            w!(self, "<span><b>{}</b> {}</span> ", l.target, Esc(due));
        }
        w!(self, "<span><b>{}</b> {}</span> ", l.next_deadline, Esc(&next_deadline_text(report, lang)));
        w!(self, "<span><b>{}</b> {} {}</span> ", l.to_date, fraction(report.to_date, lang), l.documents);
        w!(self, "<span><b>{}</b> {} {}</span> ", l.year, fraction(report.year, lang), l.documents);
        if let Some(pic) = pic(report) {
            w!(self, "<span><b>{}</b> {}</span> ", l.pic, Esc(pic));
        }
        w!(self, "<span><b>{}</b> ", l.plan_file);
        self.link(&[&report.file.path], &[&report.file.path]);
        w!(self, "</span> <span><b>{}</b> ", l.evidence_folder);
        let evidence = &report.file.evidence;
        if report.evidence_exists {
            self.link(&[evidence, "/"], &[evidence, "/"]);
        } else {
            w!(self, "{}/", Esc(evidence));
        }
        w!(self, "</span> </p>\n");
        self.out.push_str(&score_html::served(lke, report, lang));
        if let Some(problem) = &report.problem {
            w!(self, "<p class=\"problem\">{}: {}</p>\n", l.problem, Esc(&problems::message(problem, lang)));
        }
        if let Some(indicator) = report.whole().filter(|i| !i.actions.is_empty()) {
            w!(self, "<p class=\"label\">{}</p>\n<ul class=\"actions\">", l.actions);
            for action in &indicator.actions {
                w!(self, "<li>{}</li>", Esc(action));
            }
            w!(self, "</ul>\n");
        }
        if report.periods.is_empty() && report.occurrences.is_empty() {
            w!(self, "</article>\n");
            return;
        }
        w!(self, "<table class=\"docs\">\n<thead><tr><th>{}</th><th>{}</th>", l.period, l.state);
        w!(self, "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", l.document, l.files);
        for period in &report.periods {
            let when = period_text(period.period, lang);
            let state = (state_key(period.state), state_label(period.state, lang));
            let files = (&period.documents[..], &period.unmatched[..]);
            self.document_rows(report, Esc(&when), state, Some(period.state), files);
        }
        for occurrence in &report.occurrences {
            let state = if occurrence.complete { ("done", l.complete) } else { ("overdue", l.missing) };
            let files = (&occurrence.documents[..], &occurrence.unmatched[..]);
            self.document_rows(report, Esc(&occurrence.folder), state, None, files);
        }
        if !report.loose.is_empty() && report.periods.len() != 1 {
            w!(self, "<tr class=\"extra\"><td colspan=\"3\">{}</td><td>", l.loose_files);
            self.file_list(report, &report.loose);
            w!(self, "</td></tr>\n");
        }
        w!(self, "</tbody>\n</table>\n</article>\n");
    }

    /// One row per document; the period and its state span them all. A
    /// document without a file is missing (red) once its period has ended,
    /// due (orange) in its last month, and not due yet (grey) before.
    fn document_rows(
        &mut self,
        report: &IndicatorReport,
        when: Esc,
        (key, label): (&str, &str),
        period: Option<PeriodState>,
        (documents, unmatched): (&[Document], &[String]),
    ) {
        let rows = documents.len() + usize::from(!unmatched.is_empty());
        for (i, document) in documents.iter().enumerate() {
            self.out.push_str("<tr>");
            if i == 0 && rows > 1 {
                w!(
                    self,
                    "<td rowspan=\"{rows}\" class=\"when\">{when}</td><td rowspan=\"{rows}\"><span class=\"chip {key}\">{label}</span></td>"
                );
            } else if i == 0 {
                w!(self, "<td class=\"when\">{when}</td><td><span class=\"chip {key}\">{label}</span></td>");
            }
            self.out.push_str("<td>");
            let _ = write_esc(&mut self.out, document_name(&document.name, self.lang));
            self.out.push_str("</td>");
            if document.files.is_empty() {
                let (class, mark, label) = match period {
                    Some(PeriodState::Open) => ("not-yet", "○", self.l.not_due_yet),
                    Some(PeriodState::Due) => ("due", "•", self.l.missing),
                    _ => ("no", "✗", self.l.missing),
                };
                for piece in ["<td class=\"", class, "\">", mark, " ", label, "</td></tr>\n"] {
                    self.out.push_str(piece);
                }
            } else {
                self.out.push_str("<td>");
                self.file_list(report, &document.files);
                self.out.push_str("</td></tr>\n");
            }
        }
        if !unmatched.is_empty() {
            w!(self, "<tr class=\"extra\"><td>{}</td><td>", self.l.unmatched);
            self.file_list(report, unmatched);
            w!(self, "</td></tr>\n");
        }
    }

    /// Files relative to the indicator's evidence folder, each a link.
    fn file_list(&mut self, report: &IndicatorReport, files: &[String]) {
        self.out.push_str("<ul class=\"files\">");
        let evidence = &report.file.evidence;
        for file in files {
            self.out.push_str("<li>");
            self.link(&[evidence, "/", file], &[file]);
            if report.in_lfs_files.binary_search(file).is_ok() {
                w!(self, " <span class=\"lfs\">{}</span>", self.l.in_lfs);
            }
            self.out.push_str("</li>");
        }
        self.out.push_str("</ul>");
    }

    /// A link to the path made of `href`'s parts (relative to the
    /// repository root) showing `shown`'s: no part is joined first.
    fn link(&mut self, href: &[&str], shown: &[&str]) {
        // The prefix is `../` and names already percent-encoded.
        self.out.push_str("<a href=\"");
        self.out.push_str(self.links.to_root);
        for part in href {
            let _ = write_url(&mut self.out, part);
        }
        self.out.push_str("\">");
        for part in shown {
            let _ = write_esc(&mut self.out, part);
        }
        self.out.push_str("</a>");
    }
}
