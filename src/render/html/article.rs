//! Each indicator in full, its card in the page's last section: what it
//! asks, and which file satisfies which document in each period.
//!
//! The cards are written while the plan is judged, from each report in
//! full, to a spool (an unnamed temporary file beside the page), and the
//! page copies them in its order once the sections before them are
//! written: every evidence folder is read once, the evaluation keeps each
//! indicator in summary, and the page's sections cannot disagree about a
//! file added while it is made.

use std::fs::File;
use std::io;
use std::sync::OnceLock;

use super::markup::{
    put, put_esc, put_fraction, put_month, put_number, put_period, put_status, state_key, write_esc,
    write_url,
};
use super::page_file::PageFile;
use super::spool::{Copier, Placed, Spool, Written};
use crate::judge::evaluate::{Document, IndicatorReport, PeriodState};
use crate::model::lke::Lke;
use crate::model::plan::Plan;
use crate::render::problems;
use crate::render::score::html as score_html;
use crate::render::words::{document_name, pic, state_label};
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
    spool: Spool,
    /// The page's text before the first card of each component, by the
    /// index of its indicator in the plan, when every indicator is shown.
    leads: OnceLock<Vec<(usize, String)>>,
}

/// The index of `report` in `all`, the evaluation's reports it is one of
/// (the page's views hold references into them); `None` for a report
/// that is not one of them.
fn index_in(all: &[IndicatorReport], report: &IndicatorReport) -> Option<usize> {
    let size = std::mem::size_of::<IndicatorReport>();
    let offset = (report as *const IndicatorReport as usize).checked_sub(all.as_ptr() as usize)?;
    let index = offset / size;
    all.get(index).filter(|r| std::ptr::eq(*r, report)).map(|_| index)
}

impl<'a> Articles<'a> {
    /// Cards written to `file`, an empty temporary file.
    pub(crate) fn new(lang: Lang, links: &'a Links<'a>, lke: &'a Lke, file: File) -> Self {
        Articles { lang, links, lke, spool: Spool::new(file), leads: OnceLock::new() }
    }

    /// Writes the card of `report`, judged in full, to the spool; `index`
    /// is the indicator's index in `plan`. The first card of a component
    /// follows the headings the page writes before it, so that a page of
    /// every indicator copies its cards in one run per piece of the spool
    /// (one, on one thread).
    pub(crate) fn add(&self, plan: &Plan, index: usize, report: &IndicatorReport) {
        let leads = self.leads.get_or_init(|| super::headings::leads(plan));
        self.spool.add_with(index, lead_of(leads, index), |out| self.card(report, out));
    }

    /// Appends the card of `report` (in full, or in summary when it was
    /// not judged in full) to `out`.
    fn card(&self, report: &IndicatorReport, out: &mut String) {
        let mut card =
            Card { out, lang: self.lang, l: self.lang.labels(), links: self.links, folder: String::new() };
        card.indicator(report, self.lke);
    }

    /// Appends the cards of `reports`, which are among `all`, to `out` in
    /// their order, read back from the spool. A report whose card was not
    /// written is an error, never a card made again from what the
    /// evaluation kept of it.
    pub(super) fn copy<'r>(
        &self,
        all: &[IndicatorReport],
        reports: impl Iterator<Item = &'r IndicatorReport>,
        out: &mut Vec<u8>,
    ) -> io::Result<()> {
        let mut written = self.spool.finish()?;
        for report in reports {
            let (_, placed) = placed(&written, all, report)?;
            out.extend_from_slice(self.spool.read(&mut written, placed)?);
        }
        Ok(())
    }

    /// A copier of the cards to the end of the file `page`, straight from
    /// the spool.
    pub(super) fn copier<'s>(&'s self, page: &'s PageFile<'s>) -> io::Result<Cards<'s>> {
        let written = self.spool.finish()?;
        Ok(Cards { written, copier: self.spool.copier(page), leads: self.leads.get().map(Vec::as_slice) })
    }

    /// Empties the spool once the page holds its cards: freeing a large
    /// file's pages and blocks takes a while, which a thread of its own
    /// spends while the page is flushed to disk.
    pub(crate) fn discard(&self) {
        self.spool.discard();
    }
}

/// The lead of the indicator at `index`: `""` for none.
fn lead_of(leads: &[(usize, String)], index: usize) -> &str {
    leads.binary_search_by_key(&index, |(at, _)| *at).map_or("", |found| &leads[found].1)
}

/// The cards, copied to a page in its order.
pub(super) struct Cards<'s> {
    written: std::sync::MutexGuard<'s, Written>,
    copier: Copier<'s>,
    leads: Option<&'s [(usize, String)]>,
}

impl Cards<'_> {
    /// Appends the card of `report`, one of `all`, to the page after
    /// `text`, the page's text since the card before, which is emptied.
    pub(super) fn card(
        &mut self,
        all: &[IndicatorReport],
        report: &IndicatorReport,
        text: &mut String,
    ) -> io::Result<()> {
        let (index, placed) = placed(&self.written, all, report)?;
        let lead = self.leads.map_or("", |leads| lead_of(leads, index));
        self.copier.card(text, lead, placed)
    }

    /// Copies what is not yet copied.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.copier.flush()
    }
}

/// The index of `report`, one of `all`, and where its card is in the spool.
fn placed(
    written: &Written,
    all: &[IndicatorReport],
    report: &IndicatorReport,
) -> io::Result<(usize, Placed)> {
    index_in(all, report).and_then(|index| Some((index, written.at(index)?))).ok_or_else(|| {
        let message = format!("the card of {} was not written", report.file.id);
        io::Error::new(io::ErrorKind::InvalidData, message)
    })
}

/// One card being made, at the end of `out`.
struct Card<'a> {
    out: &'a mut String,
    lang: Lang,
    l: &'static Labels,
    links: &'a Links<'a>,
    /// The `href` of the indicator's evidence folder, with its `/`: made
    /// once, as every file link of the card begins with it.
    folder: String,
}

impl Card<'_> {
    fn indicator(&mut self, report: &IndicatorReport, lke: &Lke) {
        let l = self.l;
        let lang = self.lang;
        let id = &report.file.id;
        self.out.push_str("<article class=\"ind\" id=\"");
        self.esc(id);
        put(self.out, &["\">\n<p class=\"head\"><span class=\"chip ", report.status.key(), "\">"]);
        put_status(self.out, report, lang);
        self.out.push_str("</span> <b>");
        self.esc(id);
        self.out.push_str("</b> ");
        self.esc(report.text());
        self.out.push_str("</p>\n<p class=\"meta\">");
        if let Some(indicator) = report.whole() {
            let due = if indicator.due_text.trim().is_empty() { l.no_target } else { &indicator.due_text };
            self.label(l.target);
            self.esc(due);
            self.out.push_str("</span> ");
        }
        self.label(l.next_deadline);
        match report.next_deadline {
            Some(month) => put_month(self.out, month, lang),
            None => self.esc(l.none),
        }
        self.out.push_str("</span> ");
        for (label, progress) in [(l.to_date, report.to_date), (l.year, report.year)] {
            self.label(label);
            put_fraction(self.out, progress, lang);
            put(self.out, &[" ", l.documents, "</span> "]);
        }
        if let Some(pic) = pic(report) {
            self.label(l.pic);
            self.esc(pic);
            self.out.push_str("</span> ");
        }
        self.label(l.plan_file);
        self.link(&report.file.path);
        self.out.push_str("</span> ");
        self.label(l.evidence_folder);
        let evidence = &report.file.evidence;
        if report.evidence_exists {
            self.out.push_str("<a href=\"");
            self.fill_folder(report);
            self.out.push_str(&self.folder);
            self.out.push_str("\">");
            self.esc(evidence);
            self.out.push_str("/</a>");
        } else {
            self.esc(evidence);
            self.out.push('/');
        }
        self.out.push_str("</span> </p>\n");
        self.out.push_str(&score_html::served(lke, report, lang));
        if let Some(problem) = &report.problem {
            put(self.out, &["<p class=\"problem\">", l.problem, ": "]);
            self.esc(&problems::message(problem, lang));
            self.out.push_str("</p>\n");
        }
        if let Some(indicator) = report.whole().filter(|i| !i.actions.is_empty()) {
            put(self.out, &["<p class=\"label\">", l.actions, "</p>\n<ul class=\"actions\">"]);
            for action in &indicator.actions {
                self.out.push_str("<li>");
                self.esc(action);
                self.out.push_str("</li>");
            }
            self.out.push_str("</ul>\n");
        }
        if report.periods.is_empty() && report.occurrences.is_empty() {
            self.out.push_str("</article>\n");
            return;
        }
        let head = ["<table class=\"docs\">\n<thead><tr><th>", l.period, "</th><th>", l.state, "</th>"];
        put(self.out, &head);
        put(self.out, &["<th>", l.document, "</th><th>", l.files, "</th></tr></thead>\n<tbody>\n"]);
        let mut when = String::with_capacity(48);
        for period in &report.periods {
            when.clear();
            put_period(&mut when, period.period, lang);
            let state = (state_key(period.state), state_label(period.state, lang));
            let files = (&period.documents[..], &period.unmatched[..]);
            self.document_rows(report, &when, state, Some(period.state), files);
        }
        for occurrence in &report.occurrences {
            when.clear();
            put_esc(&mut when, &occurrence.folder);
            let state = if occurrence.complete { ("done", l.complete) } else { ("overdue", l.missing) };
            let files = (&occurrence.documents[..], &occurrence.unmatched[..]);
            self.document_rows(report, &when, state, None, files);
        }
        if !report.loose.is_empty() && report.periods.len() != 1 {
            put(self.out, &["<tr class=\"extra\"><td colspan=\"3\">", l.loose_files, "</td><td>"]);
            self.file_list(report, &report.loose);
            self.out.push_str("</td></tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n</article>\n");
    }

    /// `text`, escaped.
    fn esc(&mut self, text: &str) {
        put_esc(self.out, text);
    }

    /// Opens a labelled piece of the card's line of facts.
    fn label(&mut self, label: &str) {
        put(self.out, &["<span><b>", label, "</b> "]);
    }

    /// One row per document; the period (`when`, escaped) and its state
    /// span them all. A document without a file is missing (red) once its
    /// period has ended, due (orange) in its last month, and not due yet
    /// (grey) before.
    fn document_rows(
        &mut self,
        report: &IndicatorReport,
        when: &str,
        (key, label): (&str, &str),
        period: Option<PeriodState>,
        (documents, unmatched): (&[Document], &[String]),
    ) {
        let rows = documents.len() + usize::from(!unmatched.is_empty());
        for (i, document) in documents.iter().enumerate() {
            self.out.push_str("<tr>");
            if i == 0 && rows > 1 {
                self.out.push_str("<td rowspan=\"");
                put_number(self.out, rows as u64);
                put(self.out, &["\" class=\"when\">", when, "</td><td rowspan=\""]);
                put_number(self.out, rows as u64);
                put(self.out, &["\"><span class=\"chip ", key, "\">", label, "</span></td>"]);
            } else if i == 0 {
                let cells = ["<td class=\"when\">", when, "</td><td><span class=\"chip ", key, "\">", label];
                put(self.out, &cells);
                self.out.push_str("</span></td>");
            }
            self.out.push_str("<td>");
            self.esc(document_name(&document.name, self.lang));
            self.out.push_str("</td>");
            if document.files.is_empty() {
                let (class, mark, label) = match period {
                    Some(PeriodState::Open) => ("not-yet", "○", self.l.not_due_yet),
                    Some(PeriodState::Due) => ("due", "•", self.l.missing),
                    _ => ("no", "✗", self.l.missing),
                };
                put(self.out, &["<td class=\"", class, "\">", mark, " ", label, "</td></tr>\n"]);
            } else {
                self.out.push_str("<td>");
                self.file_list(report, &document.files);
                self.out.push_str("</td></tr>\n");
            }
        }
        if !unmatched.is_empty() {
            put(self.out, &["<tr class=\"extra\"><td>", self.l.unmatched, "</td><td>"]);
            self.file_list(report, unmatched);
            self.out.push_str("</td></tr>\n");
        }
    }

    /// Files relative to the indicator's evidence folder, each a link.
    fn file_list(&mut self, report: &IndicatorReport, files: &[String]) {
        self.out.push_str("<ul class=\"files\">");
        self.fill_folder(report);
        for file in files {
            self.out.push_str("<li><a href=\"");
            self.out.push_str(&self.folder);
            let _ = write_url(self.out, file);
            self.out.push_str("\">");
            let _ = write_esc(self.out, file);
            self.out.push_str("</a>");
            if report.in_lfs_files.binary_search(file).is_ok() {
                put(self.out, &[" <span class=\"lfs\">", self.l.in_lfs, "</span>"]);
            }
            self.out.push_str("</li>");
        }
        self.out.push_str("</ul>");
    }

    /// Makes `folder`, the `href` of the evidence folder of `report`, if
    /// it is not made yet.
    fn fill_folder(&mut self, report: &IndicatorReport) {
        if self.folder.is_empty() {
            self.folder.push_str(self.links.to_root);
            let _ = write_url(&mut self.folder, &report.file.evidence);
            self.folder.push('/');
        }
    }

    /// A link to `path`, relative to the repository root, showing it.
    fn link(&mut self, path: &str) {
        // The prefix is `../` and names already percent-encoded.
        put(self.out, &["<a href=\"", self.links.to_root]);
        let _ = write_url(self.out, path);
        self.out.push_str("\">");
        self.esc(path);
        self.out.push_str("</a>");
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Mutex;

    use chrono::NaiveDate;

    use super::*;
    use crate::judge::evaluate::{Detail, Evaluation, Keep};
    use crate::load::{config, lke, plan};

    /// A plan of three indicators judged in full, and each report as it
    /// was handed over, with its index.
    fn judged() -> (Evaluation, Vec<(usize, IndicatorReport)>, Lke) {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path();
        let write = |path: &str, text: &str| {
            let path = root.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        };
        write("zi.toml", "unit = \"U\"\nyear = 2022\n");
        write("plan/1-a/area.toml", "name = \"A\"\n");
        write("plan/1-a/1-b/component.toml", "name = \"B\"\n");
        for (n, name) in ["Rapat", "Temu", "Apel"].iter().enumerate() {
            let text = format!("indicator = \"{name}\"\nevidence = [\"Foto\"]\ndue = \"Maret 2022\"\n");
            write(&format!("plan/1-a/1-b/{}-{name}.toml", n + 1), &text);
            write(&format!("evidence/1-a/1-b/{}-{name}/2022-03/foto {name}.jpg", n + 1), "%PDF");
        }
        let mut problems = Vec::new();
        let (config, _) = config::load(root, &mut problems);
        let lke = lke::for_config(root, &config, &mut problems).into_owned();
        let plan = plan::discover(root, config, 2022, &mut problems);
        let as_of = NaiveDate::from_ymd_opt(2022, 7, 1).unwrap();
        let handed = Mutex::new(Vec::new());
        let each = |_: &Plan, index: usize, report: &mut IndicatorReport| {
            handed.lock().unwrap().push((index, report.clone()));
            report.keep_summary();
        };
        let eval = Evaluation::each(
            plan,
            as_of,
            |_| Detail::Files,
            Keep::Errors,
            crate::load::indicator,
            problems,
            &each,
        );
        (eval, handed.into_inner().unwrap(), lke)
    }

    #[test]
    fn each_card_is_found_by_its_index_in_the_plan_whatever_order_they_were_written_in() {
        let (eval, mut handed, lke) = judged();
        let links = Links { to_root: "" };
        let articles = Articles::new(Lang::En, &links, &lke, tempfile::tempfile().unwrap());
        handed.sort_by_key(|(index, _)| std::cmp::Reverse(*index));
        for (index, report) in &handed {
            articles.add(&eval.plan, *index, report);
        }
        let mut page = Vec::new();
        articles.copy(&eval.indicators, eval.indicators.iter(), &mut page).unwrap();
        handed.reverse();
        let mut expected = String::new();
        handed.iter().for_each(|(_, report)| articles.card(report, &mut expected));
        assert_eq!(String::from_utf8(page).unwrap(), expected);
        assert!(expected.contains("foto Temu.jpg"), "cards in full, with their files:\n{expected}");
        let names: Vec<&str> = handed.iter().map(|(_, r)| r.text()).collect();
        assert_eq!(names, ["Rapat", "Temu", "Apel"]);
    }

    #[test]
    fn a_report_without_a_card_is_an_error_not_a_card_made_from_its_summary() {
        let (eval, handed, lke) = judged();
        let links = Links { to_root: "" };
        let articles = Articles::new(Lang::En, &links, &lke, tempfile::tempfile().unwrap());
        let (index, report) = &handed.iter().find(|(i, _)| *i == 0).unwrap();
        articles.add(&eval.plan, *index, report);
        let mut page = Vec::new();
        assert!(articles.copy(&eval.indicators, eval.indicators[..1].iter(), &mut page).is_ok());
        let missing = articles.copy(&eval.indicators, eval.indicators[1..].iter(), &mut page).unwrap_err();
        assert_eq!(missing.to_string(), "the card of I.1.2 was not written");
        // A copy of a report is not the report the page lists.
        let copy = eval.indicators[0].clone();
        assert!(articles.copy(&eval.indicators, std::iter::once(&copy), &mut page).is_err());
    }
}
