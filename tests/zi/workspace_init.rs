//! `zi init` at a workspace root: a unit goes where the user names it and
//! only where the `units` globs see it; `--evidence-folders` works in every
//! unit.

use crate::fixture::{AS_OF, SK};
use crate::harness::Repo;

fn root(units: &str) -> Repo {
    let ws = Repo::empty();
    ws.write("zi.toml", format!("[workspace]\nunits = {units}\n"));
    ws
}

fn at_root(ws: &Repo, args: &[&str]) -> crate::harness::Run {
    let mut all = vec!["--lang", "en", "init"];
    all.extend_from_slice(args);
    ws.run(AS_OF, &all)
}

#[test]
fn init_from_last_years_plan_at_a_root_writes_the_folder_the_user_names() {
    let ws = root("[\"units/*\"]");
    // Last year's plan, beside the units.
    ws.write("lama/zi.toml", "unit = \"Balai Lama\"\nyear = 2021\n");
    ws.write("lama/plan/1-area/area.toml", "name = \"Area\"\n");
    ws.write("lama/plan/1-area/1-comp/component.toml", "name = \"Komponen\"\n");
    ws.write("lama/plan/1-area/1-comp/1-sk.toml", SK);
    let from = "lama".to_string();
    let unnamed = at_root(&ws, &["--from", &from]);
    assert_run!("root-init-from-unnamed", unnamed);
    assert!(!ws.at("units").exists(), "nothing written");
    let named = at_root(&ws, &["sawit", "--from", &from]);
    assert_eq!(named.code, 0, "{named:?}");
    assert!(ws.at("units/sawit/zi.toml").is_file() && !ws.at("units/unit").exists());
    let by_name = at_root(&ws, &["--from", &from, "--unit", "Balai Kopi"]);
    assert_eq!(by_name.code, 0, "{by_name:?}");
    assert!(ws.at("units/balai-kopi/zi.toml").is_file());
}

#[test]
fn init_at_a_root_never_makes_a_unit_the_globs_do_not_cover() {
    let ws = root("[\"units/balai-*\"]");
    let outside = at_root(&ws, &["sawit", "--unit", "Balai Sawit", "--year", "2022"]);
    assert_run!("root-init-outside-globs", outside);
    assert!(!ws.at("units/sawit").exists());
    let path = at_root(&ws, &["arsip/balai-teh", "--unit", "Balai Teh", "--year", "2022"]);
    assert_eq!(path.code, 2, "{path:?}");
    assert!(!ws.at("arsip").exists());
    let inside = at_root(&ws, &["--unit", "Balai Sawit", "--year", "2022"]);
    assert_eq!(inside.code, 0, "{inside:?}");
    let by_path = at_root(&ws, &["units/balai-teh", "--unit", "Balai Teh", "--year", "2022"]);
    assert_eq!(by_path.code, 0, "{by_path:?}");
    let status = ws.run(AS_OF, &["status", "--format", "json"]).json();
    let folders: Vec<&str> =
        status["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap()).collect();
    assert_eq!(folders, ["balai-sawit", "balai-teh"], "the workspace sees every unit zi init made");
}

#[test]
fn evidence_folders_at_a_root_are_made_in_every_unit() {
    let ws = root("[\"units/*\"]");
    for unit in ["a", "b"] {
        ws.write(&format!("units/{unit}/zi.toml"), "unit = \"Balai\"\nyear = 2022\n");
        ws.write(&format!("units/{unit}/plan/1-area/area.toml"), "name = \"Area\"\n");
        ws.write(&format!("units/{unit}/plan/1-area/1-comp/component.toml"), "name = \"Komponen\"\n");
        ws.write(&format!("units/{unit}/plan/1-area/1-comp/1-sk.toml"), SK);
    }
    ws.file("units/b/evidence/1-area/1-comp/1-sk/sk.pdf");
    ws.mkdir("units/catatan");
    let run = at_root(&ws, &["--evidence-folders"]);
    assert_run!("root-init-evidence-folders", run);
    assert!(ws.at("units/a/evidence/1-area/1-comp/1-sk/.gitkeep").is_file());
    assert!(!ws.at("units/b/evidence/1-area/1-comp/1-sk/.gitkeep").exists(), "b had its folder");
    assert!(!ws.at("evidence").exists(), "nothing at the root");
    assert_eq!(at_root(&ws, &["--evidence-folders"]).stdout, "", "every folder is there now");
}

/// `zi import` at a root would write a unit's `zi.toml` over the
/// workspace's (with `--force`): it is refused, and the root is untouched.
#[test]
fn import_at_a_root_is_refused_even_with_force() {
    let ws = root("[\"units/*\"]");
    ws.write("rkt.csv", "NO,KOMPONEN,RENCANA AKSI,BUKTI FISIK,TARGET WAKTU\n");
    for args in
        [&["import", "rkt.csv"][..], &["import", "rkt.csv", "--force", "--unit", "X", "--year", "2022"]]
    {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let run = ws.run(AS_OF, &all);
        assert_eq!(run.code, 2, "{run:?}");
        assert!(run.stderr.starts_with("error: zi import works on one unit"), "{run:?}");
    }
    assert_eq!(ws.read("zi.toml"), "[workspace]\nunits = [\"units/*\"]\n");
    assert!(!ws.at("plan").exists());
}

/// A folder the globs match that links outside the workspace is not read.
#[cfg(unix)]
#[test]
fn a_unit_folder_that_links_outside_the_workspace_is_not_read() {
    let top = Repo::empty();
    top.write("ws/zi.toml", "[workspace]\nunits = [\"units/*\"]\n");
    top.write("ws/units/a/zi.toml", "unit = \"Balai A\"\nyear = 2022\n");
    top.write("luar/zi.toml", "unit = \"Di Luar\"\nyear = 2022\n");
    std::os::unix::fs::symlink(top.at("luar"), top.at("ws/units/luar")).unwrap();
    let run = top.zi(AS_OF, &["--lang", "en", "check", "--format", "json"]).current_dir(&top.at("ws")).run();
    let json = run.json();
    let folders: Vec<&str> =
        json["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap()).collect();
    assert_eq!(folders, ["a"], "{}", run.stdout);
    assert!(!run.stdout.contains("Di Luar"));
    let codes: Vec<&str> =
        json["diagnostics"].as_array().unwrap().iter().map(|d| d["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"units-outside"), "{codes:?}");
}
