//! The plans `zi init` starts: the LKE's *pemenuhan* questions as
//! indicators (text = the question, mapped with `lke`; actions, evidence
//! and target left for the team), or last year's plan with its target
//! years moved to the new year.

use crate::model::lke::{Lke, Part};
use crate::model::rkt::{roman_value, shift_years, Carried, Rkt, RktArea, RktComponent, RktIndicator};
use crate::write::canonical::basic_string;

/// The plan of `lke`: its areas, a component per pemenuhan sub-component,
/// an indicator per question.
pub(crate) fn from_lke(lke: &Lke, unit: &str, year: i32) -> Rkt {
    let areas = lke
        .areas
        .iter()
        .zip(1..)
        .map(|(area, n)| {
            let components = area
                .subcomponents
                .iter()
                .filter(|s| s.part == Part::Pemenuhan)
                .zip(1..)
                .map(|(sub, number)| RktComponent {
                    number,
                    name: sub.name.clone(),
                    carried: Carried::default(),
                    indicators: sub.questions.iter().map(|q| question(&q.id, &q.text)).collect(),
                })
                .collect();
            RktArea {
                number: roman_value(&area.id).unwrap_or(n),
                name: area.name.clone(),
                carried: Carried::default(),
                components,
            }
        })
        .collect();
    Rkt { unit: Some(unit.to_string()), year: Some(year), title: None, config: None, areas }
}

/// An indicator to be planned: the question's words and its id.
fn question(id: &str, text: &str) -> RktIndicator {
    RktIndicator {
        text: text.to_string(),
        carried: Carried { path: None, text: Some(format!("lke = [{}]\n", basic_string(id))) },
        ..RktIndicator::default()
    }
}

/// Last year's plan for `year`: the same files, every target's years moved
/// by the difference, the unit replaced when `unit` is given.
pub(crate) fn rolled_over(mut rkt: Rkt, year: i32, unit: Option<&str>) -> Rkt {
    let delta = rkt.year.map_or(0, |old| year - old);
    for indicator in rkt.areas.iter_mut().flat_map(|a| &mut a.components).flat_map(|c| &mut c.indicators) {
        indicator.due = shift_years(&indicator.due, delta);
    }
    rkt.year = Some(year);
    if let Some(unit) = unit {
        rkt.unit = Some(unit.to_string());
    }
    rkt
}
