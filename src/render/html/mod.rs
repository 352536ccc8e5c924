//! The HTML report: one self-contained page for the head of the unit and
//! the evaluators, who would rather look than read. Inline CSS and SVG only:
//! no script, no font, nothing fetched from anywhere (a Content-Security-
//! Policy says so to the browser too), so it opens offline, prints on A4 and
//! can be mailed as one file. Links to plan and evidence files are relative,
//! so the page opened inside the repository opens the files.
//!
//! Everything the plan wrote is escaped; the page carries no timestamp, so
//! the same plan, evidence and date give the same bytes.

mod article;
mod headings;
mod markup;
mod misfiled;
mod page;
mod page_file;
mod spool;
mod timeline;
pub(crate) mod workspace;

use std::fmt::Write as _;
use std::fs::File;
use std::io;

use crate::judge::evaluate::Status;
use crate::judge::overdue::{Entry, Lateness};
use crate::judge::score::Score;
use crate::judge::view::{StatusView, Totals};
use crate::model::plan::Head;
use crate::problem::Note;
use crate::render::problems;
use crate::render::score::html as score_html;
use crate::render::words::{document_name, entry_when, pic, status_count, Heading};
use crate::text::{Labels, Lang};
pub(crate) use article::{Articles, Links};
use headings::Headings;
use markup::{bar, put_esc, put_month};
pub(crate) use markup::{esc, url_path};
use page::{Page, CHUNK};
use page_file::PageFile;

/// Marks a page as written by zi: `zi report -o` replaces an existing file
/// only when it carries this line (or with `--force`).
pub(crate) const GENERATOR: &str = r#"<meta name="generator" content="zi">"#;

/// Writes the whole page to `sink`, as it is made: a page of 100,000
/// indicators is never held whole. `entries` is the overdue list (`zi
/// overdue`'s); `score` the LKE score (or its projection), shown in its own
/// section; `articles` holds each indicator's card.
pub(crate) fn report(
    view: &StatusView,
    entries: &[Entry],
    score: &Score,
    lang: Lang,
    articles: &Articles,
    sink: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    write_page(view, entries, (score, lang, articles), sink, None)
}

/// `report`, to the file `page`: the cards are copied into it from their
/// spool inside the kernel, not through this process.
pub(crate) fn report_to_file(
    view: &StatusView,
    entries: &[Entry],
    score: &Score,
    lang: Lang,
    articles: &Articles,
    page: &File,
) -> std::io::Result<()> {
    let page = PageFile::new(page);
    write_page(view, entries, (score, lang, articles), &mut &page, Some(&page))
}

fn write_page(
    view: &StatusView,
    entries: &[Entry],
    (score, lang, articles): (&Score, Lang, &Articles),
    sink: &mut dyn std::io::Write,
    file: Option<&PageFile>,
) -> std::io::Result<()> {
    let mut page = Page {
        out: String::with_capacity(2 * CHUNK),
        sink,
        file,
        failed: None,
        lang,
        l: lang.labels(),
        score,
        articles,
    };
    page.document(view, entries);
    page.spill(0);
    page.failed.map_or(Ok(()), Err)
}

/// Writes to the page's buffer; writing to a `String` cannot fail.
macro_rules! w {
    ($page:expr, $($arg:tt)*) => {
        let _ = write!($page.out, $($arg)*);
    };
}

impl Page<'_> {
    fn document(&mut self, view: &StatusView, entries: &[Entry]) {
        let h = Heading::of(view.eval, self.lang);
        let l = self.l;
        w!(self, "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n", self.lang.code());
        w!(self, "<meta charset=\"utf-8\">\n{GENERATOR}\n");
        // Belt and braces: even if text slipped through unescaped, the
        // browser would load nothing from anywhere.
        w!(
            self,
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\n"
        );
        w!(self, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        w!(self, "<title>{} — {} {}</title>\n", esc(&h.unit), esc(&h.title), h.year);
        w!(self, "<style>\n{STYLE}{}</style>\n</head>\n<body>\n", score_html::STYLE);
        w!(self, "<header>\n<h1>{}</h1>\n", esc(&h.title));
        w!(self, "<p class=\"unit\">{}</p>\n", esc(&h.unit));
        let as_of = self.lang.long_date(view.eval.as_of);
        w!(self, "<p class=\"when\">{} {} · {} {as_of}</p>\n", l.plan_year, h.year, l.as_of);
        let (errors, _) = crate::problem::count(&view.eval.problems);
        if errors > 0 {
            let note = self.lang.catalogue().note(&Note::ProblemsInPlan { errors });
            w!(self, "<p class=\"problems\">⚠ {}</p>\n", esc(&note));
        }
        let places = view.eval.misfiled();
        if places > 0 {
            let note = self.lang.catalogue().note(&Note::Misfiled { places });
            w!(self, "<p class=\"problems\">⚠ <a href=\"#misfiled\">{}</a></p>\n", esc(&note));
        }
        w!(
            self,
            "<nav>{}: <a href=\"#progress\">{}</a> · <a href=\"#score\">{}</a> · <a href=\"#timeline\">{}</a> · <a href=\"#overdue\">{}</a> · <a href=\"#indicators\">{}</a></nav>\n",
            l.contents,
            l.progress_per_area,
            self.lang.score().labels().title,
            l.timeline,
            l.overdue_documents,
            l.documents_and_files
        );
        w!(self, "</header>\n");
        // The sections in page order. A new one is a method writing one
        // `<section id="…">` (and, for the contents line above, a link).
        self.progress(view);
        self.out.push_str(&score_html::section(self.score, view.eval.as_of, self.lang));
        timeline::section(self, view);
        self.spill(CHUNK);
        self.overdue(entries, &as_of);
        misfiled::section(self, view.eval);
        self.spill(CHUNK);
        self.indicators(view);
        self.signature(view.eval.plan.config.head.as_ref(), &as_of);
        w!(self, "</body>\n</html>\n");
    }

    /// Per area: two bars (documents to date, for the year) and the count
    /// of indicators in each status; then the unit's total.
    fn progress(&mut self, view: &StatusView) {
        let l = self.l;
        w!(self, "<section id=\"progress\">\n<h2>{}</h2>\n", l.progress_per_area);
        progress_head(&mut self.out, l);
        for area in &view.areas {
            let name = format!(
                "<a href=\"#area-{}\"><b>{}</b> {}</a>",
                esc(&area.area.id),
                esc(&area.area.id),
                esc(&area.area.name)
            );
            self.progress_row(&name, &area.totals, "");
        }
        self.progress_row(&format!("<b>{}</b>", l.total), &view.totals, " class=\"total\"");
        w!(self, "</tbody>\n</table>\n</section>\n");
    }

    fn progress_row(&mut self, name: &str, totals: &Totals, class: &str) {
        progress_row(&mut self.out, name, totals, class, self.lang);
    }

    /// `zi overdue`'s list: each overdue period with its missing documents,
    /// and each indicator that could not be read.
    fn overdue(&mut self, entries: &[Entry], as_of: &str) {
        let l = self.l;
        w!(self, "<section id=\"overdue\">\n<h2>{}</h2>\n", l.overdue_documents);
        let late: Vec<&Entry> = entries.iter().filter(|e| e.lateness != Lateness::DueSoon).collect();
        if late.is_empty() {
            w!(
                self,
                "<p class=\"none\">✓ {}</p>\n</section>\n",
                esc(&self.lang.catalogue().nothing_overdue(as_of))
            );
            return;
        }
        w!(
            self,
            "<table class=\"overdue\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>",
            l.id,
            l.month,
            l.late
        );
        w!(
            self,
            "<th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
            l.indicator,
            l.pic,
            l.missing_documents
        );
        let lang = self.lang;
        self.rows(&late, |out, entry| overdue_row(out, entry, lang));
        w!(self, "</tbody>\n</table>\n</section>\n");
    }

    /// Every indicator in full: their cards, written while the plan was
    /// judged, after the headings of their areas and components.
    fn indicators(&mut self, view: &StatusView) {
        w!(self, "<section id=\"indicators\">\n<h2>{}</h2>\n", self.l.documents_and_files);
        self.spill(0);
        if let Some(file) = self.file {
            if self.failed.is_none() {
                self.failed = self.copy_cards(view, file).err();
            }
            w!(self, "</section>\n");
            return;
        }
        // The headings join the cards in a buffer of bytes.
        let mut bytes = Vec::with_capacity(2 * CHUNK);
        let mut headings = Headings::default();
        for area in &view.areas {
            for component in &area.components {
                headings.before(&mut self.out, area.area, component.component);
                bytes.extend_from_slice(self.out.as_bytes());
                self.out.clear();
                let cards = component.indicators.iter().copied();
                if self.failed.is_none() {
                    self.failed = self.articles.copy(&view.eval.indicators, cards, &mut bytes).err();
                }
                if bytes.len() >= CHUNK {
                    self.write_bytes(&mut bytes);
                }
            }
        }
        self.write_bytes(&mut bytes);
        headings.end(&mut self.out);
        w!(self, "</section>\n");
    }

    /// The cards and their headings, to the file `page` straight from the
    /// spool: where the headings are the cards' leads, with them.
    fn copy_cards(&mut self, view: &StatusView, page: &PageFile) -> io::Result<()> {
        let mut cards = self.articles.copier(page)?;
        let mut headings = Headings::default();
        for area in &view.areas {
            for component in &area.components {
                headings.before(&mut self.out, area.area, component.component);
                for &report in &component.indicators {
                    cards.card(&view.eval.indicators, report, &mut self.out)?;
                }
            }
        }
        cards.flush()?;
        headings.end(&mut self.out);
        Ok(())
    }

    /// Where the head of the unit signs: "Mengetahui," their position,
    /// room for the signature, their name and NIP (`head` in zi.toml). A
    /// plan without `head` gets the block with blank lines to fill in.
    fn signature(&mut self, head: Option<&Head>, as_of: &str) {
        let blank = Head::default();
        let head = head.unwrap_or(&blank);
        let line = |text: &Option<String>| text.as_deref().map_or_else(|| "&nbsp;".to_string(), esc);
        w!(self, "<section id=\"signature\" class=\"signature\">\n<div class=\"sign\">\n");
        w!(self, "<p>{as_of}</p>\n<p>{}</p>\n", self.l.acknowledged);
        w!(self, "<p class=\"position\">{}</p>\n<p class=\"room\"></p>\n", line(&head.title));
        w!(self, "<p class=\"name\">{}</p>\n", line(&head.name));
        w!(self, "<p>{} {}</p>\n</div>\n</section>\n", self.l.nip, line(&head.nip));
    }
}

/// A row of the overdue list: an overdue period with its missing
/// documents, or an indicator that could not be read.
fn overdue_row(out: &mut String, entry: &Entry, lang: Lang) {
    let id = &entry.report.file.id;
    out.push_str("<tr><td class=\"id\"><a href=\"#");
    put_esc(out, id);
    out.push_str("\">");
    put_esc(out, id);
    out.push_str("</a></td>");
    let who = pic(entry.report).unwrap_or("");
    match entry.period {
        Some(period) => {
            out.push_str("<td class=\"when\">");
            put_month(out, period.period.last, lang);
            out.push_str("</td><td class=\"late\">");
            put_esc(out, &entry_when(entry, lang));
            out.push_str("</td><td>");
            put_esc(out, entry.report.text());
            out.push_str("</td><td>");
            put_esc(out, who);
            out.push_str("</td><td><ul class=\"missing\">");
            for name in &period.missing {
                out.push_str("<li>");
                put_esc(out, document_name(name, lang));
                out.push_str("</li>");
            }
            out.push_str("</ul></td></tr>\n");
        }
        None => {
            let problem =
                entry.report.problem.as_ref().map(|p| problems::message(p, lang)).unwrap_or_default();
            let _ = write!(
                out,
                "<td colspan=\"2\"><span class=\"chip invalid\">{}</span></td>",
                lang.labels().status_invalid
            );
            let _ = writeln!(
                out,
                "<td>{}</td><td>{}</td><td>{}</td></tr>",
                esc(entry.report.text()),
                esc(who),
                esc(&problem)
            );
        }
    }
}

/// The page's style sheet, inlined: the page must stand alone.
const STYLE: &str = include_str!("../report.css");

/// The cells of a progress table's row, the row left open: `name`, the
/// count of indicators, the bars of documents to date and for the year,
/// and a chip per status (the workspace page's rows of units add cells).
fn progress_cells(out: &mut String, name: &str, totals: &Totals, class: &str, lang: Lang) {
    let _ = write!(out, "<tr{class}><td>{name}</td><td class=\"num\">{}</td>", totals.indicators);
    let _ = write!(out, "<td class=\"bar\">{}</td>", bar(totals.to_date, "overdue", lang));
    let _ = write!(out, "<td class=\"bar\">{}</td><td>", bar(totals.year, "rest", lang));
    for status in Status::ALL {
        let n = totals.statuses.get(status);
        if n > 0 {
            let _ = write!(
                out,
                "<span class=\"chip {}\">{}</span> ",
                status.key(),
                status_count(status, n, lang)
            );
        }
    }
    out.push_str("</td>");
}

/// A whole row of a progress table.
/// The head of a progress table: area, indicators, the two bars, statuses.
fn progress_head(out: &mut String, l: &Labels) {
    let _ = write!(
        out,
        "<table class=\"progress\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th>",
        l.area, l.indicators
    );
    let _ = write!(
        out,
        "<th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n",
        l.to_date, l.year, l.by_status
    );
}

fn progress_row(out: &mut String, name: &str, totals: &Totals, class: &str, lang: Lang) {
    progress_cells(out, name, totals, class, lang);
    out.push_str("</tr>\n");
}
