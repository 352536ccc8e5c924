//! The HTML report: one self-contained page for the head of the unit and
//! the evaluators, who would rather look than read. Inline CSS and SVG only:
//! no script, no font, nothing fetched from anywhere (a Content-Security-
//! Policy says so to the browser too), so it opens offline, prints on A4 and
//! can be mailed as one file. Links to plan and evidence files are relative,
//! so the page opened inside the repository opens the files.
//!
//! Everything the plan wrote is escaped; the page carries no timestamp, so
//! the same plan, evidence and date give the same bytes.

use std::fmt::Write as _;

use crate::judge::evaluate::{Document, IndicatorReport, PeriodState, Progress, Status};
use crate::judge::overdue::{Entry, Lateness};
use crate::judge::score::Score;
use crate::judge::view::{StatusView, Totals};
use crate::model::month::YearMonth;
use crate::problem::Note;
use crate::render::problems;
use crate::render::score::html as score_html;
use crate::render::words::{
    document_name, fraction, next_deadline_text, percent, period_text, state_label, status_text, Heading,
    StatusLabel,
};
use crate::text::{Labels, Lang};

/// Marks a page as written by zi: `zi report -o` replaces an existing file
/// only when it carries this line (or with `--force`).
pub(crate) const GENERATOR: &str = r#"<meta name="generator" content="zi">"#;

/// What the HTML renderer needs to know about where the page will live.
pub(crate) struct Links<'a> {
    /// Prefix from the page's folder to the repository root: `""` when the
    /// page sits at the root, `"../"` one folder down, and so on.
    pub(crate) to_root: &'a str,
}

/// Renders the whole page. `entries` is the overdue list (`zi overdue`'s);
/// `score` the LKE score (or its projection), shown in its own section.
pub(crate) fn report(
    view: &StatusView,
    entries: &[Entry],
    links: &Links,
    score: &Score,
    lang: Lang,
) -> String {
    let mut page = Page { out: String::with_capacity(64 * 1024), lang, l: lang.labels(), links, score };
    page.document(view, entries);
    page.out
}

struct Page<'a> {
    out: String,
    lang: Lang,
    l: &'static Labels,
    links: &'a Links<'a>,
    score: &'a Score<'a>,
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
        w!(self, "<p class=\"when\">{} {} · {} {}</p>\n", l.plan_year, h.year, l.as_of, h.as_of);
        let errors = view.eval.problems.iter().filter(|d| d.is_error()).count();
        if errors > 0 {
            let note = self.lang.catalogue().note(&Note::ProblemsInPlan { errors });
            w!(self, "<p class=\"problems\">⚠ {}</p>\n", esc(&note));
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
        self.progress(view);
        self.out.push_str(&score_html::section(self.score, view.eval.as_of, self.lang));
        self.timeline(view);
        self.overdue(entries, &h.as_of);
        self.indicators(view);
        w!(self, "</body>\n</html>\n");
    }

    /// Per area: two bars (documents to date, for the year) and the count
    /// of indicators in each status; then the unit's total.
    fn progress(&mut self, view: &StatusView) {
        let l = self.l;
        w!(self, "<section id=\"progress\">\n<h2>{}</h2>\n", l.progress_per_area);
        w!(
            self,
            "<table class=\"progress\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th>",
            l.area,
            l.indicators
        );
        w!(self, "<th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", l.to_date, l.year, l.by_status);
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
        w!(self, "<tr{class}><td>{name}</td><td class=\"num\">{}</td>", totals.indicators);
        w!(self, "<td class=\"bar\">{}</td>", bar(totals.to_date, "overdue", self.lang));
        w!(self, "<td class=\"bar\">{}</td><td>", bar(totals.year, "rest", self.lang));
        for status in Status::ALL {
            let n = totals.statuses.get(status);
            if n > 0 {
                w!(self, "<span class=\"chip {}\">{n} {}</span> ", status.key(), status.label(self.lang));
            }
        }
        w!(self, "</td></tr>\n");
    }

    /// Indicators × months of the plan year. A deadline cell takes the
    /// colour of its period's state; the other months of the period a pale
    /// tint of it, so windows and semesters read as spans.
    fn timeline(&mut self, view: &StatusView) {
        let l = self.l;
        let year = view.eval.plan.year;
        let now = YearMonth::of(view.eval.as_of);
        w!(self, "<section id=\"timeline\">\n<h2>{} {year}</h2>\n", l.timeline);
        self.legend();
        w!(
            self,
            "<table class=\"timeline\">\n<colgroup><col class=\"id\"><col class=\"text\"><col class=\"st\">"
        );
        for _ in 1..=12 {
            w!(self, "<col class=\"m\">");
        }
        w!(self, "</colgroup>\n<thead><tr><th>{}</th><th>{}</th><th>{}</th>", l.id, l.indicator, l.status);
        for month in 1..=12 {
            let class = if YearMonth::new(year, month) == Some(now) { " class=\"now\"" } else { "" };
            w!(self, "<th{class}>{}</th>", self.lang.month_short(month));
        }
        w!(self, "</tr></thead>\n<tbody>\n");
        for area in &view.areas {
            w!(
                self,
                "<tr class=\"group\"><th colspan=\"15\">{}. {}</th></tr>\n",
                esc(&area.area.id),
                esc(&area.area.name)
            );
            for report in area.components.iter().flat_map(|c| &c.indicators) {
                self.timeline_row(report, year, now);
            }
        }
        w!(self, "</tbody>\n</table>\n</section>\n");
    }

    fn legend(&mut self) {
        let l = self.l;
        w!(self, "<p class=\"legend\">{}: ", l.legend);
        let items = [
            ("m done", "✓", l.status_done),
            ("m due", "•", l.status_due),
            ("m overdue", "!", l.status_overdue),
            ("m upcoming", "○", l.upcoming),
            ("m span-upcoming", "", l.period_months),
            ("m occ", "●", l.occurrence_with_files),
            ("m now", "", l.this_month),
        ];
        for (class, mark, label) in items {
            w!(self, "<span class=\"key\"><span class=\"{class}\">{mark}</span> {label}</span> ");
        }
        w!(self, "</p>\n");
    }

    fn timeline_row(&mut self, report: &IndicatorReport, year: i32, now: YearMonth) {
        let id = esc(&report.file.id);
        let text = esc(report.text());
        w!(self, "<tr><td class=\"id\"><a href=\"#{id}\">{id}</a></td><td class=\"text\" title=\"{text}\">{text}</td>");
        w!(
            self,
            "<td><span class=\"chip {}\">{}</span></td>",
            report.status.key(),
            esc(&status_text(report, self.lang))
        );
        if report.status == Status::Invalid {
            let problem =
                report.problem.as_ref().map(|p| problems::message(p, self.lang)).unwrap_or_default();
            w!(self, "<td colspan=\"12\" class=\"invalid\">{}</td></tr>\n", esc(&problem));
            return;
        }
        for month in (1..=12).filter_map(|m| YearMonth::new(year, m)) {
            let mut class = String::from("m");
            let mut mark = "";
            let mut title = self.lang.month(month);
            if let Some(period) = report.periods.iter().find(|p| p.period.contains(month)) {
                let key = state_key(period.state);
                title = format!(
                    "{} · {}",
                    period_text(period.period, self.lang),
                    state_label(period.state, self.lang)
                );
                if period.period.last == month {
                    let _ = write!(class, " {key}");
                    let _ = write!(title, " · {}", fraction(period.progress, self.lang));
                    mark = state_mark(period.state);
                } else {
                    let _ = write!(class, " span-{key}");
                }
            } else if report.occurrences.iter().any(|o| o.has_files() && o.month() == Some(month)) {
                class.push_str(" occ");
                mark = "●";
            }
            if month == now {
                class.push_str(" now");
            }
            w!(self, "<td class=\"{class}\" title=\"{}\">{mark}</td>", esc(&title));
        }
        w!(self, "</tr>\n");
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
        w!(self, "<table class=\"overdue\">\n<thead><tr><th>{}</th><th>{}</th>", l.id, l.month);
        w!(self, "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", l.indicator, l.missing_documents);
        for entry in late {
            let id = esc(&entry.report.file.id);
            w!(self, "<tr><td class=\"id\"><a href=\"#{id}\">{id}</a></td>");
            match entry.period {
                Some(period) => {
                    w!(self, "<td class=\"when\">{}</td>", self.lang.month(period.period.last));
                    w!(self, "<td>{}</td><td><ul class=\"missing\">", esc(entry.report.text()));
                    for name in &period.missing {
                        w!(self, "<li>{}</li>", esc(document_name(name, self.lang)));
                    }
                    w!(self, "</ul></td></tr>\n");
                }
                None => {
                    let problem = entry
                        .report
                        .problem
                        .as_ref()
                        .map(|p| problems::message(p, self.lang))
                        .unwrap_or_default();
                    w!(self, "<td><span class=\"chip invalid\">{}</span></td>", l.status_invalid);
                    w!(self, "<td>{}</td><td>{}</td></tr>\n", esc(entry.report.text()), esc(&problem));
                }
            }
        }
        w!(self, "</tbody>\n</table>\n</section>\n");
    }

    /// Every indicator in full: what it asks, and which file satisfies
    /// which document in each period.
    fn indicators(&mut self, view: &StatusView) {
        w!(self, "<section id=\"indicators\">\n<h2>{}</h2>\n", self.l.documents_and_files);
        for area in &view.areas {
            w!(
                self,
                "<section class=\"area\" id=\"area-{}\">\n<h3>{}. {}</h3>\n",
                esc(&area.area.id),
                esc(&area.area.id),
                esc(&area.area.name)
            );
            for component in &area.components {
                w!(self, "<h4>{} {}</h4>\n", esc(&component.component.id), esc(&component.component.name));
                for report in &component.indicators {
                    self.indicator(report);
                }
            }
            w!(self, "</section>\n");
        }
        w!(self, "</section>\n");
    }

    fn indicator(&mut self, report: &IndicatorReport) {
        let l = self.l;
        let lang = self.lang;
        let id = esc(&report.file.id);
        w!(
            self,
            "<article class=\"ind\" id=\"{id}\">\n<p class=\"head\"><span class=\"chip {}\">",
            report.status.key()
        );
        w!(
            self,
            "{}</span> <b>{id}</b> {}</p>\n<p class=\"meta\">",
            esc(&status_text(report, lang)),
            esc(report.text())
        );
        if let Some(indicator) = &report.indicator {
            let due = if indicator.due_text.trim().is_empty() { l.no_target } else { &indicator.due_text };
            self.meta(l.target, &esc(due));
        }
        self.meta(l.next_deadline, &esc(&next_deadline_text(report, lang)));
        self.meta(l.to_date, &fraction(report.to_date, lang));
        self.meta(l.year, &fraction(report.year, lang));
        if let Some(pic) = report.indicator.as_ref().and_then(|i| i.pic.as_deref()) {
            self.meta(l.pic, &esc(pic));
        }
        self.meta(l.plan_file, &self.link(&report.file.path, &report.file.path));
        let folder = format!("{}/", report.file.evidence);
        let folder = if report.evidence_exists { self.link(&folder, &folder) } else { esc(&folder) };
        self.meta(l.evidence_folder, &folder);
        w!(self, "</p>\n");
        self.out.push_str(&score_html::served(self.score, report, lang));
        if let Some(problem) = &report.problem {
            w!(self, "<p class=\"problem\">{}: {}</p>\n", l.problem, esc(&problems::message(problem, lang)));
        }
        if let Some(indicator) = report.indicator.as_ref().filter(|i| !i.actions.is_empty()) {
            w!(self, "<p class=\"label\">{}</p>\n<ul class=\"actions\">", l.actions);
            for action in &indicator.actions {
                w!(self, "<li>{}</li>", esc(action));
            }
            w!(self, "</ul>\n");
        }
        if report.periods.is_empty() && report.occurrences.is_empty() {
            w!(self, "</article>\n");
            return;
        }
        w!(self, "<table class=\"docs\">\n<thead><tr><th>{}</th><th>{}</th>", l.period, l.state);
        w!(self, "<th>{}</th><th>{}</th></tr></thead>\n<tbody>\n", l.document, l.files);
        let evidence = &report.file.evidence;
        for period in &report.periods {
            let state = format!(
                "<span class=\"chip {}\">{}</span>",
                state_key(period.state),
                state_label(period.state, lang)
            );
            let when = period_text(period.period, lang);
            self.document_rows(&when, &state, &period.documents, &period.unmatched, evidence);
        }
        for occurrence in &report.occurrences {
            let (key, label) =
                if occurrence.complete { ("done", l.complete) } else { ("overdue", l.missing) };
            let state = format!("<span class=\"chip {key}\">{label}</span>");
            self.document_rows(
                &esc(&occurrence.folder),
                &state,
                &occurrence.documents,
                &occurrence.unmatched,
                evidence,
            );
        }
        if !report.loose.is_empty() && report.periods.len() != 1 {
            w!(self, "<tr class=\"extra\"><td colspan=\"3\">{}</td><td>", l.loose_files);
            self.file_list(&report.loose, evidence);
            w!(self, "</td></tr>\n");
        }
        w!(self, "</tbody>\n</table>\n</article>\n");
    }

    fn meta(&mut self, label: &str, value: &str) {
        w!(self, "<span><span class=\"k\">{label}</span> {value}</span> ");
    }

    /// One row per document; the period and its state span them all.
    fn document_rows(
        &mut self,
        when: &str,
        state: &str,
        documents: &[Document],
        unmatched: &[String],
        evidence: &str,
    ) {
        let rows = documents.len() + usize::from(!unmatched.is_empty());
        for (i, document) in documents.iter().enumerate() {
            w!(self, "<tr>");
            if i == 0 {
                w!(
                    self,
                    "<td rowspan=\"{rows}\" class=\"when\">{when}</td><td rowspan=\"{rows}\">{state}</td>"
                );
            }
            w!(self, "<td>{}</td><td>", esc(document_name(&document.name, self.lang)));
            if document.files.is_empty() {
                w!(self, "<span class=\"no\">✗ {}</span>", self.l.missing);
            } else {
                self.file_list(&document.files, evidence);
            }
            w!(self, "</td></tr>\n");
        }
        if !unmatched.is_empty() {
            w!(self, "<tr class=\"extra\"><td>{}</td><td>", self.l.unmatched);
            self.file_list(unmatched, evidence);
            w!(self, "</td></tr>\n");
        }
    }

    /// Files relative to the indicator's evidence folder, each a link.
    fn file_list(&mut self, files: &[String], evidence: &str) {
        w!(self, "<ul class=\"files\">");
        for file in files {
            let link = self.link(&format!("{evidence}/{file}"), file);
            w!(self, "<li>{link}</li>");
        }
        w!(self, "</ul>");
    }

    /// A link to `path` (relative to the repository root) showing `text`.
    fn link(&self, path: &str, text: &str) -> String {
        format!("<a href=\"{}{}\">{}</a>", esc(self.links.to_root), esc(&url_path(path)), esc(text))
    }
}

/// The CSS class of a period state, shared with the status classes.
fn state_key(state: PeriodState) -> &'static str {
    match state {
        PeriodState::Complete => "done",
        PeriodState::Open => "upcoming",
        PeriodState::Due => "due",
        PeriodState::Overdue => "overdue",
    }
}

/// A mark that survives black-and-white printing.
fn state_mark(state: PeriodState) -> &'static str {
    match state {
        PeriodState::Complete => "✓",
        PeriodState::Open => "○",
        PeriodState::Due => "•",
        PeriodState::Overdue => "!",
    }
}

/// A progress bar in SVG (prints where CSS backgrounds may not), its
/// fraction and percentage. The missing part takes the class `missing`:
/// red for documents already late, grey for those still to come.
fn bar(p: Progress, missing: &str, lang: Lang) -> String {
    if p.required == 0 {
        return format!("<span class=\"frac\">{}</span>", fraction(p, lang));
    }
    // Tenths of a percent, in integers, so the bytes never depend on float printing.
    let width = (p.present * 1000 / p.required).min(1000);
    format!(
        "<svg class=\"bar\" viewBox=\"0 0 1000 10\" preserveAspectRatio=\"none\" width=\"140\" height=\"12\" aria-hidden=\"true\">\
<rect class=\"{missing}\" width=\"1000\" height=\"10\"/><rect class=\"have\" width=\"{width}\" height=\"10\"/></svg> \
<span class=\"frac\">{}</span> <span class=\"pct\">{}%</span>",
        fraction(p, lang),
        percent(p)
    )
}

/// Escapes text for HTML content and quoted attribute values.
pub(crate) fn esc(text: &str) -> String {
    crate::render::escape::html(text)
}

/// Percent-encodes a relative path for an `href`: every byte except
/// unreserved characters and `/`, so names with spaces, `#`, `?` or `%`
/// open the right file.
pub(crate) fn url_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// The page's style sheet, inlined: the page must stand alone.
const STYLE: &str = include_str!("report.css");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_text_cannot_open_a_tag_or_close_an_attribute() {
        assert_eq!(esc(r#"<b>SOP & "baru" 'x'"#), "&lt;b&gt;SOP &amp; &quot;baru&quot; &#39;x&#39;");
    }

    #[test]
    fn links_encode_spaces_hashes_and_non_ascii_but_keep_slashes() {
        assert_eq!(
            url_path("evidence/1-a/2022-07/Daftar hadir #1.pdf"),
            "evidence/1-a/2022-07/Daftar%20hadir%20%231.pdf"
        );
        assert_eq!(url_path("é?%"), "%C3%A9%3F%25");
    }

    #[test]
    fn a_bar_is_full_only_when_every_document_is_there() {
        let bar_width = |present, required| {
            let svg = bar(Progress { present, required }, "rest", Lang::En);
            let start = svg.find("class=\"have\" width=\"").unwrap() + 20;
            svg[start..].split('"').next().unwrap().to_string()
        };
        assert_eq!(bar_width(2, 3), "666");
        assert_eq!(bar_width(999, 1000), "999");
        assert_eq!(bar_width(3, 3), "1000");
        assert!(!bar(Progress::default(), "rest", Lang::En).contains("<svg"));
    }
}
