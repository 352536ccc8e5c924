//! `--unit TEXT`: which units of a workspace a report covers. A folder
//! named exactly TEXT selects that unit alone; otherwise every unit whose
//! folder or name (`zi.toml`'s `unit`) contains TEXT, in any case. Several
//! `--unit` add up. A TEXT that selects nothing refuses the run, naming
//! the units there are.

use crate::load::workspace::UnitDir;
use crate::problem::Fatal;
use crate::settings::Settings;

pub(super) fn select(
    units: Vec<(UnitDir, Option<Settings>)>,
    wanted: &[String],
) -> Result<Vec<(UnitDir, Option<Settings>)>, Fatal> {
    if wanted.is_empty() {
        return Ok(units);
    }
    let mut keep = vec![false; units.len()];
    for text in wanted {
        let picked = picks(&units, text.trim());
        if picked.is_empty() {
            let units = units.iter().map(|(dir, _)| dir.tag.clone()).collect();
            return Err(Fatal::NoUnitSelected { text: text.clone(), units });
        }
        for i in picked {
            keep[i] = true;
        }
    }
    Ok(units.into_iter().zip(keep).filter(|(_, k)| *k).map(|(unit, _)| unit).collect())
}

/// The indexes of the units `text` selects.
fn picks(units: &[(UnitDir, Option<Settings>)], text: &str) -> Vec<usize> {
    let exact: Vec<usize> = (0..units.len()).filter(|i| units[*i].0.tag == text).collect();
    if !exact.is_empty() {
        return exact;
    }
    let lower = text.to_lowercase();
    let contains = |s: &str| !lower.is_empty() && s.to_lowercase().contains(&lower);
    (0..units.len())
        .filter(|i| {
            let (dir, settings) = &units[*i];
            let name = settings.as_ref().and_then(|s| s.config.unit.as_deref());
            contains(&dir.tag) || name.is_some_and(contains)
        })
        .collect()
}
