//! The headings of the page's section of cards, between the cards: written by
//! the page, and before the first card of each component in the spool, so
//! that the page copies them with the cards.

use std::fmt::Write as _;

use super::markup::esc;
use crate::model::plan::{Area, Component, Plan};

/// The headings between the cards: an area's section and title before
/// its first component's, a component's title before its first card.
#[derive(Default)]
pub(super) struct Headings<'p> {
    /// The ID of the area whose section is open.
    open: Option<&'p str>,
}

impl<'p> Headings<'p> {
    /// The headings before the first card of `component`, of `area`.
    pub(super) fn before(&mut self, out: &mut String, area: &'p Area, component: &Component) {
        if self.open != Some(area.id.as_str()) {
            if self.open.is_some() {
                out.push_str("</section>\n");
            }
            let (id, name) = (esc(&area.id), esc(&area.name));
            let _ = write!(out, "<section class=\"area\" id=\"area-{id}\">\n<h3>{id}. {name}</h3>\n");
            self.open = Some(&area.id);
        }
        let _ = writeln!(out, "<h4>{} {}</h4>", esc(&component.id), esc(&component.name));
    }

    /// Closes the area's section, if one is open.
    pub(super) fn end(self, out: &mut String) {
        if self.open.is_some() {
            out.push_str("</section>\n");
        }
    }
}

/// The headings before the first card of each component of `plan`, by the
/// index of its indicator in the plan: the cards' leads when every
/// indicator is shown.
pub(super) fn leads(plan: &Plan) -> Vec<(usize, String)> {
    let mut leads = Vec::new();
    let mut headings = Headings::default();
    let mut index = 0;
    for area in &plan.areas {
        for component in area.components.iter().filter(|c| !c.indicators.is_empty()) {
            let mut lead = String::new();
            headings.before(&mut lead, area, component);
            leads.push((index, lead));
            index += component.indicators.len();
        }
    }
    leads
}
