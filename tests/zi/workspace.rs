//! Workspaces: a root `zi.toml` with `[workspace] units = [globs]`, and
//! every command at its root and in a unit. The fixture is built here: a
//! healthy unit (assessed), a unit with broken files, a unit of another
//! year, a folder without `zi.toml`, a unit without `plan/`, a unit whose
//! `zi.toml` is broken, and a glob that matches nothing.

use crate::fixture::{AS_OF, MONEV, SK};
use crate::harness::{indicator_text, Repo};

const ROOT_TOML: &str = "title = \"Inspektorat Uji\"\n\n[workspace]\nunits = [\"units/*\", \"arsip/*\"]\n";

/// One unit's small plan under `units/<folder>`.
fn unit(ws: &Repo, folder: &str, zi_toml: &str) {
    let at = |rel: &str| format!("units/{folder}/{rel}");
    ws.write(&at("zi.toml"), zi_toml);
    ws.write(&at("plan/1-manajemen-perubahan/area.toml"), "name = \"Manajemen Perubahan\"\n");
    ws.write(&at("plan/1-manajemen-perubahan/1-tim-kerja/component.toml"), "name = \"Tim Kerja\"\n");
    ws.write(&at("plan/1-manajemen-perubahan/1-tim-kerja/1-sk.toml"), SK);
    ws.write(&at("plan/1-manajemen-perubahan/1-tim-kerja/2-monev.toml"), MONEV);
}

pub fn workspace() -> Repo {
    let ws = Repo::empty();
    ws.write("zi.toml", ROOT_TOML);
    unit(&ws, "balit-palma", "unit = \"Balai Penelitian Tanaman Palma\"\nyear = 2022\n");
    ws.file("units/balit-palma/evidence/1-manajemen-perubahan/1-tim-kerja/1-sk/sk_tim.pdf");
    ws.file("units/balit-palma/evidence/1-manajemen-perubahan/1-tim-kerja/1-sk/daftar_hadir.pdf");
    ws.write(
        "units/balit-palma/assessments/2022-07.toml",
        "assessor = \"unit\"\ndate = 2022-07-30\ntarget = \"WBK\"\n\n[answers]\n\"P.I.i.a\" = \"Ya\"\n\"P.I.i.b\" = \"B\"\n",
    );
    unit(&ws, "balit-sawit", "unit = \"Balai Sawit\"\nyear = 2022\n");
    ws.write(
        "units/balit-sawit/plan/1-manajemen-perubahan/1-tim-kerja/3-rusak.toml",
        "indicator = \"Rusak\n",
    );
    ws.write(
        "units/balit-sawit/plan/1-manajemen-perubahan/1-tim-kerja/4-bulan.toml",
        indicator_text("Bulan salah", "[\"Laporan\"]", "Pebuari 2022"),
    );
    ws.file("units/balit-sawit/evidence/1-manajemen-perubahan/1-tim-kerja/2-monev/Juli 2022/undangan.pdf");
    unit(&ws, "balit-kopi", "unit = \"Balai Kopi\"\nyear = 2023\n");
    ws.mkdir("units/catatan/plan");
    ws.write("units/catatan/README.md", "Bukan unit.\n");
    ws.write("units/tanpa-plan/zi.toml", "unit = \"Balai Tanpa Rencana\"\nyear = 2022\n");
    unit(&ws, "toml-rusak", "unit = \"Balai Rusak\nyear = 2022\n");
    ws
}

/// `zi --lang en ARGS` at the root.
fn at_root(ws: &Repo, args: &[&str]) -> crate::harness::Run {
    let mut all = vec!["--lang", "en"];
    all.extend_from_slice(args);
    ws.run(AS_OF, &all)
}

#[test]
fn every_report_at_the_root_covers_every_unit_in_every_format() {
    let ws = workspace();
    for command in ["status", "overdue", "check", "score"] {
        for format in ["table", "json", "csv", "markdown"] {
            let run = at_root(&ws, &[command, "--format", format]);
            run.assert_no_absolute_path();
            if format == "json" {
                let json = run.json();
                let folders: Vec<&str> =
                    json["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap()).collect();
                assert_eq!(
                    folders,
                    ["balit-kopi", "balit-palma", "balit-sawit", "catatan", "tanpa-plan", "toml-rusak"],
                    "zi {command}: the units, by folder"
                );
            }
            assert_run!(format!("root-{command}-{format}"), run);
        }
    }
    assert_run!("root-status-id", ws.run(AS_OF, &["--lang", "id", "status"]));
}

#[test]
fn ids_carry_the_unit_and_select_in_one_unit_or_in_every_unit() {
    let ws = workspace();
    let ids = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["status", "--format", "csv"];
        all.extend_from_slice(args);
        let run = at_root(&ws, &all);
        assert_eq!(run.code, 0, "{run:?}");
        run.stdout.lines().skip(1).map(|l| l.split(',').next().unwrap().to_string()).collect()
    };
    assert_eq!(ids(&["balit-palma:I.1"]), ["balit-palma:I.1.1", "balit-palma:I.1.2"]);
    assert_eq!(
        ids(&["I.1.2"]),
        ["balit-kopi:I.1.2", "balit-palma:I.1.2", "balit-sawit:I.1.2", "toml-rusak:I.1.2"]
    );
    assert_eq!(
        ids(&["units/balit-sawit/plan/1-manajemen-perubahan/1-tim-kerja/3-rusak.toml"]),
        ["balit-sawit:I.1.3"]
    );
    assert_run!("root-unknown-id", at_root(&ws, &["status", "balit-palma:I.1.3", "IX"]));
}

#[test]
fn unit_selects_by_exact_folder_else_by_folder_or_name_and_says_when_nothing_matches() {
    let ws = workspace();
    let folders = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["status", "--format", "json"];
        all.extend_from_slice(args);
        let json = at_root(&ws, &all).json();
        json["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap().to_string()).collect()
    };
    assert_eq!(folders(&["--unit", "balit-palma"]), ["balit-palma"]);
    assert_eq!(folders(&["--unit", "BALIT"]), ["balit-kopi", "balit-palma", "balit-sawit"]);
    assert_eq!(folders(&["--unit", "sawit"]), ["balit-sawit"]);
    assert_eq!(folders(&["--unit", "tanaman palma", "--unit", "kopi"]), ["balit-kopi", "balit-palma"]);
    assert_run!("root-unit-matches-nothing", at_root(&ws, &["overdue", "--unit", "teh"]));
    let only_palma = at_root(&ws, &["overdue", "--unit", "balit-palma"]);
    assert_run!("root-overdue-one-unit", only_palma);
}

#[test]
fn the_exit_status_is_the_worst_of_the_units() {
    let ws = workspace();
    assert_eq!(at_root(&ws, &["status"]).code, 0);
    assert_eq!(at_root(&ws, &["overdue"]).code, 1, "a unit is overdue, another broken");
    assert_eq!(at_root(&ws, &["check"]).code, 1);
    assert_eq!(at_root(&ws, &["check", "--unit", "balit-palma"]).code, 0, "the palma plan is whole");
    assert_eq!(
        at_root(&ws, &["check", "--unit", "balit-palma", "--strict"]).code,
        1,
        "the arsip glob matches nothing"
    );
    let done = workspace();
    done.file("units/balit-kopi/evidence/1-manajemen-perubahan/1-tim-kerja/1-sk/sk_tim.pdf");
    done.file("units/balit-kopi/evidence/1-manajemen-perubahan/1-tim-kerja/1-sk/daftar_hadir.pdf");
    let kopi = done.run("2023-01-15", &["--lang", "en", "overdue", "--unit", "balit-kopi"]);
    assert_eq!(kopi.code, 1, "the 2023 plan's July 2022 targets are long past:\n{}", kopi.stdout);
}

#[test]
fn inside_a_unit_nothing_changes() {
    let ws = workspace();
    let alone = Repo::empty();
    unit(&alone, "x", "unit = \"Balai Penelitian Tanaman Palma\"\nyear = 2022\n");
    alone.file("units/x/evidence/1-manajemen-perubahan/1-tim-kerja/1-sk/sk_tim.pdf");
    alone.file("units/x/evidence/1-manajemen-perubahan/1-tim-kerja/1-sk/daftar_hadir.pdf");
    for args in [&["status"][..], &["overdue", "--format", "json"], &["check"], &["show", "I.1.2"]] {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let inside = ws.zi(AS_OF, &all).current_dir(&ws.at("units/balit-palma")).run();
        let own = alone.zi(AS_OF, &all).current_dir(&alone.at("units/x")).run();
        assert_eq!((inside.code, &inside.stdout), (own.code, &own.stdout), "zi {args:?}");
    }
}

#[test]
fn show_takes_unit_and_id_and_the_commands_of_one_unit_say_where_to_run() {
    let ws = workspace();
    assert_run!("root-show-unit-id", at_root(&ws, &["show", "balit-sawit:I.1.2"]));
    assert_run!("root-show-ambiguous", at_root(&ws, &["show", "I.1.2"]));
    assert_run!("root-show-unknown-unit", at_root(&ws, &["show", "teh:I.1.2"]));
    for args in
        [&["fmt", "units"][..], &["diff"], &["export"], &["hook", "install"], &["overdue", "--staged"]]
    {
        let run = at_root(&ws, args);
        assert_eq!(run.code, 2, "zi {args:?}: {run:?}");
    }
    assert_run!("root-fmt-path-refused", at_root(&ws, &["fmt", "units/balit-palma/plan"]));
    let unit = Repo::new();
    assert_run!("unit-outside-a-workspace", unit.run(AS_OF, &["status", "--unit", "x"]));
}

#[test]
fn fmt_at_the_root_lays_out_every_unit() {
    let ws = workspace();
    let area = "units/balit-kopi/plan/1-manajemen-perubahan/area.toml";
    ws.write(area, "name='Manajemen Perubahan'\n");
    assert_run!("root-fmt-check", at_root(&ws, &["fmt", "--check"]));
    assert_eq!(ws.read(area), "name='Manajemen Perubahan'\n", "--check writes nothing");
    let run = at_root(&ws, &["fmt"]);
    assert_eq!(run.code, 1, "the broken files are left as they are: {run:?}");
    assert_eq!(ws.read(area), "name = \"Manajemen Perubahan\"\n");
    assert_eq!(at_root(&ws, &["fmt", "--check"]).stdout, "", "every unit laid out");
}

#[test]
fn the_workspace_report_is_one_page_with_every_unit_linked() {
    let ws = workspace();
    let run = at_root(&ws, &["report"]);
    assert_eq!(run.code, 0, "{run:?}");
    let page = &run.stdout;
    for tag in ["balit-kopi", "balit-palma", "balit-sawit", "catatan", "tanpa-plan", "toml-rusak"] {
        assert!(page.contains(&format!("href=\"#unit-{tag}\"")), "{tag} is linked from the table");
        assert!(page.contains(&format!("id=\"unit-{tag}\"")), "{tag} has its section");
    }
    assert!(!page.contains("src=") && !page.contains("<script"), "self-contained");
    assert_run!("root-report-html", run);
    let written = at_root(&ws, &["report", "-o", "laporan.html"]);
    assert_eq!(written.code, 0, "{written:?}");
    assert_eq!(ws.read("laporan.html"), *page);
    ws.write("catatan.html", "<p>mine</p>");
    assert_eq!(at_root(&ws, &["report", "-o", "catatan.html"]).code, 2, "never over a file zi did not write");
}

#[test]
fn init_starts_a_workspace_and_adds_units_under_its_first_glob() {
    let top = Repo::empty();
    let started = top.run(AS_OF, &["--lang", "en", "init", "--workspace", "inspektorat"]);
    assert_run!("init-workspace", started);
    assert_eq!(top.read("inspektorat/zi.toml"), "[workspace]\nunits = [\"units/*\"]\n");
    let root = top.at("inspektorat");
    let add = |args: &[&str]| top.zi(AS_OF, args).current_dir(&root).run();
    let named = add(&["--lang", "en", "init", "--unit", "Balai Penelitian Tanaman Palma", "--year", "2022"]);
    assert_eq!(named.code, 0, "{named:?}");
    assert!(root.join("units/balai-penelitian-tanaman-palma/zi.toml").is_file());
    let folder = add(&["--lang", "en", "init", "sawit", "--unit", "Balai Sawit", "--year", "2022"]);
    assert_eq!(folder.code, 0, "{folder:?}");
    assert!(root.join("units/sawit/plan").is_dir());
    let again = add(&["--lang", "en", "init", "sawit", "--unit", "Balai Sawit", "--year", "2022"]);
    assert_eq!(again.code, 2, "never over a unit that exists: {again:?}");
    let status =
        top.zi(AS_OF, &["--lang", "en", "status", "--format", "json"]).current_dir(&root).run().json();
    let folders: Vec<&str> =
        status["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap()).collect();
    assert_eq!(folders, ["balai-penelitian-tanaman-palma", "sawit"]);
}

#[test]
fn workspace_json_differs_between_languages_only_in_the_words() {
    let ws = workspace();
    crate::json::same_but_for_the_words(&ws, &[&["status"], &["overdue"], &["check"], &["score"]]);
}

/// `zi show` at the root by a path from the root shows what the ID shows.
#[test]
fn show_by_path_at_the_root_is_show_by_id() {
    let ws = workspace();
    let by_id = at_root(&ws, &["show", "balit-palma:I.1.1", "--format", "json"]);
    let path = "units/balit-palma/plan/1-manajemen-perubahan/1-tim-kerja/1-sk.toml";
    let by_path = at_root(&ws, &["show", path, "--format", "json"]);
    assert_eq!(by_id.code, 0, "{by_id:?}");
    assert_eq!((by_path.code, &by_path.stdout, &by_path.stderr), (by_id.code, &by_id.stdout, &by_id.stderr));
}

/// Unit folders may hold a `:`, IDs never do: the unit is all before the last.
#[test]
fn a_unit_folder_with_a_colon_is_selected_by_its_ids() {
    let ws = Repo::empty();
    ws.write("zi.toml", "[workspace]\nunits = [\"units/*\"]\n");
    unit(&ws, "balai:uji", "unit = \"Balai Uji\"\nyear = 2022\n");
    let run = at_root(&ws, &["status", "balai:uji:I.1.1", "--format", "csv"]);
    assert_run!("unit-folder-with-colon", run);
    assert_eq!(at_root(&ws, &["show", "balai:uji:I.1.1"]).code, 0);
}

/// Selecting a unit does not change the workspace's year: the unit of 2023
/// is still told it plans for another year than the workspace.
#[test]
fn the_year_of_the_workspace_does_not_follow_the_selection() {
    let ws = workspace();
    let all = at_root(&ws, &["check", "--format", "json"]).json();
    let one = at_root(&ws, &["check", "--unit", "balit-kopi", "--format", "json"]).json();
    assert_eq!((all["year"].as_i64(), one["year"].as_i64()), (Some(2022), Some(2022)));
    let other_year = |json: &serde_json::Value| json.to_string().contains("\"other-year\"");
    assert!(other_year(&all) && other_year(&one));
}

/// A glob that reaches outside the workspace (`..`, an absolute path) is a
/// problem of the root `zi.toml` at its line and column, and nothing there
/// is read; an empty `units` list says the workspace has no units.
#[test]
fn globs_outside_the_workspace_and_an_empty_list_are_reported() {
    let top = Repo::empty();
    let ws_toml = "[workspace]\nunits = [\"units/*\", \"../luar/*\", \"/tmp/*\", \"units/../../luar/*\"]\n";
    top.write("ws/zi.toml", ws_toml);
    unit(&top, "../luar/x", "unit = \"Di Luar\"\nyear = 2022\n");
    top.write("ws/units/a/zi.toml", "unit = \"Balai A\"\nyear = 2022\n");
    let root = top.at("ws");
    let check = top.zi(AS_OF, &["--lang", "en", "check"]).current_dir(&root).run();
    assert!(!check.stdout.contains("Di Luar") && !check.stdout.contains("luar/x"), "{}", check.stdout);
    assert_run!("root-globs-outside", check);
    let ws = Repo::empty();
    ws.write("zi.toml", "[workspace]\nunits = []\n");
    assert_run!("root-units-empty", at_root(&ws, &["check"]));
}

#[test]
fn the_totals_line_says_one_indicator() {
    let ws = Repo::empty();
    ws.write("zi.toml", "[workspace]\nunits = [\"units/*\"]\n");
    ws.write("units/a/zi.toml", "unit = \"Balai A\"\nyear = 2022\n");
    ws.write("units/a/plan/1-manajemen-perubahan/area.toml", "name = \"Manajemen Perubahan\"\n");
    ws.write("units/a/plan/1-manajemen-perubahan/1-tim-kerja/component.toml", "name = \"Tim Kerja\"\n");
    ws.write("units/a/plan/1-manajemen-perubahan/1-tim-kerja/1-sk.toml", SK);
    let totals = |lang: &str| {
        let run = ws.run(AS_OF, &["--lang", lang, "status", "--format", "markdown"]);
        run.stdout.lines().find(|l| l.contains("1 ind")).map(str::to_string)
    };
    assert_eq!(totals("en").as_deref(), Some("1 indicator: 1 overdue · To date 0/2 0%"));
    assert_eq!(totals("id").as_deref(), Some("1 indikator: 1 terlambat · S.d. hari ini 0/2 0%"));
}

/// A unit folder's name heads every ID of the unit: a control character in
/// it reaches no terminal raw, in the markdown, the score table or JSON.
#[test]
fn a_control_character_in_a_unit_folder_is_shown_as_an_escape() {
    let ws = Repo::empty();
    ws.write("zi.toml", "[workspace]\nunits = [\"units/*\"]\n");
    unit(&ws, "balai\x1b[31muji", "unit = \"Balai Uji\"\nyear = 2022\n");
    let markdown = at_root(&ws, &["status", "--format", "markdown"]);
    let score = at_root(&ws, &["score"]);
    for run in [&markdown, &score] {
        assert!(!run.stdout.contains('\x1b') && !run.stderr.contains('\x1b'), "{run:?}");
    }
    // JSON escapes a raw control character itself; the tag is the escape's text.
    let json = at_root(&ws, &["status", "--format", "json"]).json();
    assert_eq!(json["units"][0]["folder"], "balai\\x1b[31muji");
    assert_run!("unit-folder-with-escape-markdown", markdown);
    assert_run!("unit-folder-with-escape-score", score);
}

/// Below a workspace root, `zi init` and `zi import` make a plan only where
/// the root's globs look for units: elsewhere the workspace would never see
/// it, so nothing is written and the refusal names the globs.
#[test]
fn init_below_the_root_makes_a_unit_only_where_the_globs_look() {
    let ws = Repo::empty();
    ws.write("zi.toml", "[workspace]\nunits = [\"units/*\"]\n");
    ws.mkdir("units");
    ws.mkdir("lain");
    let from = |dir: &str, args: &[&str]| ws.zi(AS_OF, args).current_dir(&ws.at(dir)).run();
    let args = ["--lang", "en", "init", "--unit", "Balai Uji", "--year", "2022"];
    let in_units = from("units", &args);
    assert_run!("init-below-root-in-units", in_units);
    assert!(!ws.at("units/zi.toml").exists() && !ws.at("units/plan").exists());
    let elsewhere = from("lain", &["--lang", "en", "init", "baru", "--unit", "Balai Uji", "--year", "2022"]);
    assert_run!("init-below-root-elsewhere", elsewhere);
    assert!(!ws.at("lain/baru").exists());
    let covered = from("units", &["--lang", "en", "init", "uji", "--unit", "Balai Uji", "--year", "2022"]);
    assert_eq!(covered.code, 0, "{covered:?}");
    let status = ws.run(AS_OF, &["status", "--format", "json"]).json();
    let folders: Vec<&str> =
        status["units"].as_array().unwrap().iter().map(|u| u["folder"].as_str().unwrap()).collect();
    assert_eq!(folders, ["uji"]);
}
