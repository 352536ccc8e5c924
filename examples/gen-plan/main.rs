//! Writes a synthetic plan repository for benchmarks, as SPEC.md lays one
//! out: areas, components and indicators with realistic Indonesian text,
//! every form of `due`, one to four documents per indicator, three to eight
//! evidence files each spread over the year's month folders, gaps, the
//! warnings a real plan has (`unmatched-file`, `month-outside-plan`) and a
//! few planted plan errors. With `--workspace UNITS`, a workspace of that
//! many units of `--indicators` each.
//!
//! ```text
//! cargo run --release --example gen-plan -- --indicators 100000 target/bench/plan-100000
//! cargo run --release --example gen-plan -- --workspace 300 --indicators 72 target/bench/workspace-300
//! ```
//!
//! The same arguments always give the same files: a small seeded PRNG picks
//! every choice, and nothing reads the clock. The generator follows SPEC.md
//! and does not use zi's own modules, so the data it writes is not shaped by
//! the code it is meant to exercise. Evidence files hold a few bytes: zi
//! reads their names, never their contents.

mod indicator;
mod vocabulary;

use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};
use clap::Parser;

use indicator::Indicator;
use vocabulary::{AREAS, UNIT_KINDS};

#[derive(Debug, Parser)]
#[command(about = "Writes a synthetic zi plan repository (plan/, evidence/, zi.toml) into DIR")]
struct Args {
    /// How many indicators to write (per unit, with --workspace)
    #[arg(long, value_name = "N")]
    indicators: usize,
    /// Write a workspace of this many units under units/, each a plan
    #[arg(long, value_name = "UNITS")]
    workspace: Option<usize>,
    /// Seed of the pseudo-random choices; the same seed gives the same files
    #[arg(long, default_value_t = 2022)]
    seed: u64,
    /// The plan year
    #[arg(long, default_value_t = 2022)]
    year: i32,
    /// Where to write; must not exist yet, or be empty
    dir: PathBuf,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let written = match args.workspace {
        Some(units) => generate_workspace(&args.dir, units, args.indicators, args.seed, args.year)?,
        None => generate(&args.dir, args.indicators, args.seed, args.year)?,
    };
    println!(
        "{}: {} units, {} indicators in {} areas and {} components, {} evidence files, {} planted plan errors",
        args.dir.display(),
        written.units,
        written.indicators,
        written.areas,
        written.components,
        written.evidence_files,
        written.planted_errors,
    );
    Ok(())
}

/// The most indicators a plan of one unit's size has: such a plan covers
/// the six areas once.
const SMALL_PLAN: usize = 600;

/// What `generate` wrote.
#[derive(Debug, Default, PartialEq, Eq)]
struct Written {
    units: usize,
    areas: usize,
    components: usize,
    indicators: usize,
    evidence_files: usize,
    planted_errors: usize,
}

impl Written {
    fn add(&mut self, other: Written) {
        self.units += other.units;
        self.areas += other.areas;
        self.components += other.components;
        self.indicators += other.indicators;
        self.evidence_files += other.evidence_files;
        self.planted_errors += other.planted_errors;
    }
}

/// Makes `dir`, refusing one that already holds files.
fn new_folder(dir: &Path) -> Result<()> {
    if dir.exists() && std::fs::read_dir(dir)?.next().is_some() {
        bail!("{} exists and is not empty; the generator writes only into a new folder", dir.display());
    }
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))
}

/// One unit's plan repository of `indicators` indicators.
fn generate(dir: &Path, indicators: usize, seed: u64, year: i32) -> Result<Written> {
    new_folder(dir)?;
    let unit = format!("Inspektorat Jenderal (data sintetis, {indicators} indikator)");
    write_unit(dir, &unit, indicators, seed, year)
}

/// A workspace: a root `zi.toml` naming `units/*`, and `units` plan
/// repositories of `indicators` each, every one from its own seed.
fn generate_workspace(dir: &Path, units: usize, indicators: usize, seed: u64, year: i32) -> Result<Written> {
    new_folder(dir)?;
    write(&dir.join("zi.toml"), "[workspace]\nunits = [\"units/*\"]\n")?;
    let mut written = Written::default();
    for number in 1..=units {
        let (slug, kind) = UNIT_KINDS[(number - 1) % UNIT_KINDS.len()];
        let unit = format!("{kind} {number} (data sintetis)");
        let unit_dir = dir.join("units").join(format!("{slug}-{number:03}"));
        written.add(write_unit(&unit_dir, &unit, indicators, seed.wrapping_add(number as u64), year)?);
    }
    Ok(written)
}

fn write_unit(dir: &Path, unit: &str, indicators: usize, seed: u64, year: i32) -> Result<Written> {
    let mut rng = Rng::new(seed);
    let mut written = Written { units: 1, ..Written::default() };
    write(
        &dir.join("zi.toml"),
        &format!(
            "unit = \"{unit}\"\nyear = {year}\n\
             title = \"Rencana Kerja Tahunan Pembangunan Zona Integritas\"\nlang = \"id\"\n"
        ),
    )?;
    // A unit's own plan (a few hundred indicators at most) covers the six
    // areas, as a real RKT does; a larger one repeats them, one set of six
    // per simulated work unit.
    let small = indicators <= SMALL_PLAN;
    let per_area = if small { indicators.div_ceil(AREAS.len()) } else { usize::MAX };
    let mut area = 0;
    while written.indicators < indicators {
        area += 1;
        written.areas += 1;
        let (area_name, area_components) = AREAS[(area - 1) % AREAS.len()];
        let area_name = if small {
            area_name.to_string()
        } else {
            format!("{area_name} Satker {}", (area - 1) / AREAS.len() + 1)
        };
        let area_dir = format!("{area}-{}", slug(&area_name));
        write(&dir.join("plan").join(&area_dir).join("area.toml"), &format!("name = \"{area_name}\"\n"))?;
        // A small plan takes components until its area is full.
        let components = if small { usize::MAX } else { rng.between(4, 16) };
        let mut in_area = 0;
        for component in 1..=components {
            if written.indicators == indicators || in_area == per_area {
                break;
            }
            written.components += 1;
            let name = match area_components.get(component - 1) {
                Some(name) => name.to_string(),
                None => format!("{} {component}", rng.pick(area_components)),
            };
            let rel = format!("{area_dir}/{component}-{}", slug(&name));
            write(&dir.join("plan").join(&rel).join("component.toml"), &format!("name = \"{name}\"\n"))?;
            let count = if small { rng.between(1, 6) } else { rng.between(2, 18) };
            let count = count.min(indicators - written.indicators).min(per_area - in_area);
            for number in 1..=count {
                let indicator = Indicator::random(&mut rng, year);
                let stem = format!("{number}-{}", slug_words(&indicator.text, 5));
                write(&dir.join("plan").join(&rel).join(format!("{stem}.toml")), &indicator.toml)?;
                written.planted_errors += usize::from(indicator.planted_error);
                let evidence = dir.join("evidence").join(&rel).join(&stem);
                written.evidence_files += indicator.write_evidence(&mut rng, &evidence, year)?;
                written.indicators += 1;
                in_area += 1;
            }
        }
    }
    Ok(written)
}

fn write(path: &Path, text: &str) -> Result<()> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).with_context(|| format!("cannot create {}", parent.display()))?;
    }
    std::fs::write(path, text).with_context(|| format!("cannot write {}", path.display()))
}

/// SplitMix64: tiny, fast, and the same on every platform.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `low..=high`.
    fn between(&mut self, low: usize, high: usize) -> usize {
        low + (self.next() % (high - low + 1) as u64) as usize
    }

    /// True with probability `percent`/100.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }

    /// True with probability 1/`n`.
    fn one_in(&mut self, n: u64) -> bool {
        self.next() % n == 0
    }

    fn pick<'a, T: ?Sized>(&mut self, items: &[&'a T]) -> &'a T {
        items[self.between(0, items.len() - 1)]
    }
}

fn slug(text: &str) -> String {
    slug_words(text, usize::MAX)
}

/// The first `max` words of `text`, lowercase, joined by dashes.
fn slug_words(text: &str, max: usize) -> String {
    text.split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(max)
        .map(str::to_ascii_lowercase)
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every file below `dir` with its contents, sorted.
    fn tree(dir: &Path) -> Vec<(String, String)> {
        let mut files: Vec<(String, String)> = walkdir::WalkDir::new(dir)
            .into_iter()
            .map(|e| e.unwrap())
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let rel = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
                (rel, std::fs::read_to_string(e.path()).unwrap())
            })
            .collect();
        files.sort();
        files
    }

    #[test]
    fn the_same_arguments_write_the_same_files() {
        let (a, b) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let first = generate(a.path(), 300, 7, 2022).unwrap();
        let second = generate(b.path(), 300, 7, 2022).unwrap();
        assert_eq!(first, second);
        assert_eq!(first.indicators, 300);
        assert_eq!(tree(a.path()), tree(b.path()));
        let other = tempfile::tempdir().unwrap();
        generate(other.path(), 300, 8, 2022).unwrap();
        assert_ne!(tree(a.path()), tree(other.path()));
    }

    #[test]
    fn refuses_a_folder_that_already_holds_files() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("keep.txt"), "mine").unwrap();
        assert!(generate(dir.path(), 10, 1, 2022).is_err());
        assert_eq!(std::fs::read_to_string(dir.path().join("keep.txt")).unwrap(), "mine");
    }

    /// `zi ARGS --format json` run in `dir`, as JSON.
    fn zi_json(dir: &Path, args: &[&str]) -> serde_json::Value {
        let (mut out, mut err) = (Vec::new(), Vec::new());
        let mut all = vec!["zi", "-C", dir.to_str().unwrap(), "--as-of", "2022-10-15"];
        all.extend_from_slice(args);
        all.extend_from_slice(&["--format", "json"]);
        zi::run(all, &zi::Env::default(), &mut out, &mut err);
        serde_json::from_slice(&out).unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&err)))
    }

    #[test]
    fn the_plan_has_the_warnings_of_a_real_plan_and_only_the_planted_errors() {
        let dir = tempfile::tempdir().unwrap();
        let written = generate(dir.path(), 1000, 2022, 2022).unwrap();
        assert!(written.planted_errors > 0, "{written:?}");
        let report = zi_json(dir.path(), &["check"]);
        let diagnostics = report["diagnostics"].as_array().unwrap();
        let count = |code: &str| diagnostics.iter().filter(|d| d["code"] == code).count();
        let planted = ["bad-due", "toml-syntax", "unknown-key"];
        let warned = ["month-outside-plan", "unmatched-file"];
        let unexpected: Vec<&serde_json::Value> =
            diagnostics.iter().filter(|d| !planted.iter().chain(&warned).any(|c| d["code"] == *c)).collect();
        assert!(unexpected.is_empty(), "{unexpected:?}");
        // As often as in a real plan: every few indicators, not once or on every file.
        for code in warned {
            assert!((200..=2000).contains(&count(code)), "{code}: {} in {written:?}", count(code));
        }
        let errors = diagnostics.iter().filter(|d| d["severity"] == "error").count();
        assert_eq!(errors, written.planted_errors);
    }

    #[test]
    fn every_indicator_names_one_to_four_documents() {
        let dir = tempfile::tempdir().unwrap();
        generate(dir.path(), 300, 5, 2022).unwrap();
        let mut seen = std::collections::BTreeSet::new();
        for (path, text) in tree(dir.path()) {
            let Some(stem) = path.strip_suffix(".toml").filter(|p| p.starts_with("plan/")) else { continue };
            if stem.ends_with("/area") || stem.ends_with("/component") {
                continue;
            }
            // The one planted file that is not TOML at all is left out.
            let Ok(plan) = text.parse::<toml::Table>() else { continue };
            let documents = plan["evidence"].as_array().unwrap().len();
            assert!((1..=4).contains(&documents), "{path}: {documents}");
            seen.insert(documents);
        }
        assert_eq!(seen.into_iter().collect::<Vec<_>>(), [1, 2, 3, 4]);
    }

    #[test]
    fn a_unit_sized_plan_covers_the_six_areas() {
        let dir = tempfile::tempdir().unwrap();
        let written = generate(dir.path(), 72, 3, 2022).unwrap();
        assert_eq!((written.areas, written.indicators), (6, 72));
        let report = zi_json(dir.path(), &["status"]);
        let per_area: Vec<u64> = report["areas"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["totals"]["indicators"].as_u64().unwrap())
            .collect();
        assert_eq!(per_area, [12; 6]);
    }

    #[test]
    fn a_workspace_holds_its_units_under_units() {
        let dir = tempfile::tempdir().unwrap();
        let written = generate_workspace(dir.path(), 3, 72, 9, 2022).unwrap();
        assert_eq!((written.units, written.indicators), (3, 216));
        let files = tree(dir.path());
        let root: Vec<_> = files.iter().filter(|(path, _)| !path.starts_with("units/")).collect();
        assert_eq!(root, [&("zi.toml".to_string(), "[workspace]\nunits = [\"units/*\"]\n".to_string())]);
        let mut units: Vec<String> = std::fs::read_dir(dir.path().join("units"))
            .unwrap()
            .map(|e| e.unwrap().file_name().into_string().unwrap())
            .collect();
        units.sort();
        assert_eq!(units, ["balai-001", "kanwil-003", "kpp-002"]);
        let mut plans = Vec::new();
        for unit in &units {
            let report = zi_json(&dir.path().join("units").join(unit), &["status"]);
            assert_eq!(report["totals"]["indicators"], 72, "{unit}");
            plans.push(tree(&dir.path().join("units").join(unit).join("plan")));
        }
        assert_ne!(plans[0], plans[1], "each unit has its own seed");
    }
}
