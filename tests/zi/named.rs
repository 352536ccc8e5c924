//! Every problem named for what it is: each TOML syntax error with its own
//! hint, RKT column titles mapped to the keys zi reads, a key written below
//! `[[evidence]]`, and a broken `zi.toml` said by every command, each beside
//! the good indicator (`I.1.1`), which is still reported.

use crate::fixture::good;

const TODAY: &str = "2022-09-01";

#[test]
fn syntax_errors_and_misplaced_keys_each_get_their_own_hint() {
    let repo = good();
    let comp = "plan/1-area/1-comp";
    repo.write(
        &format!("{comp}/2-dua-kali.toml"),
        "indicator = \"Dua kali\"\nactions = [\"Aksi\"]\nevidence = [\"Laporan\"]\ndue = \"Juli 2022\"\ndue = \"Agustus 2022\"\n",
    );
    repo.write(
        &format!("{comp}/3-di-bawah.toml"),
        "indicator = \"Di bawah\"\nactions = [\"Aksi\"]\n\n[[evidence]]\nname = \"Notulen\"\ndue = \"Juli 2022\"\n",
    );
    repo.write(
        &format!("{comp}/4-kolom.toml"),
        "indikator = \"Kolom RKT\"\nlangkah_aksi = [\"Aksi\"]\nbukti_fisik = [\"Laporan\"]\ntarget_waktu = \"Juli 2022\"\npenanggung_jawab = \"Tim\"\n",
    );
    let deep = format!("indicator = \"Dalam\"\nactions = {}{}\n", "[".repeat(300), "]".repeat(300));
    repo.write(&format!("{comp}/5-dalam.toml"), deep);
    let check = repo.run(TODAY, &["check"]);
    assert_run!("each-syntax-error-named", check);
    let status = repo.run(TODAY, &["status", "--format", "json"]);
    assert_eq!(status.json()["areas"][0]["components"][0]["indicators"][0]["status"], "done");
}

#[test]
fn a_broken_zi_toml_is_named_by_every_command() {
    let repo = good();
    repo.write("zi.toml", "unit = \"Balai Uji\"\nyear = 2022\nunit = \"Balai Lain\"\n");
    let runs: Vec<String> =
        [&["status"][..], &["overdue"], &["show", "I.1.1"], &["fmt", "--check"], &["report", "-o", "r.html"]]
            .iter()
            .map(|args| {
                let run = repo.run(TODAY, args);
                format!("$ {}\n{}", run.command, run.snapshot())
            })
            .collect();
    assert_text!("broken-zi-toml-named-by-every-command", runs.join("\n"));
}

#[cfg(unix)]
#[test]
fn the_root_problems_are_each_said_plainly() {
    use crate::harness::{git, path_with_zi, Zi};
    let mut said = Vec::new();
    let mut run = |name: &str, dir: &std::path::Path, args: &[&str]| {
        let run = Zi::new(dir, TODAY, args).mask(dir, "[ROOT]").run();
        said.push(format!("# {name}\n{}", run.snapshot()));
    };
    // A dangling zi.toml link.
    let dangling = tempfile::tempdir().unwrap();
    std::os::unix::fs::symlink("../nowhere/zi.toml", dangling.path().join("zi.toml")).unwrap();
    run("dangling zi.toml", dangling.path(), &["status"]);
    // A bare repository.
    let bare = tempfile::tempdir().unwrap();
    assert_eq!(git(bare.path(), &["init", "-q", "--bare"], &path_with_zi(), TODAY).code, 0);
    run("bare repository", bare.path(), &["status"]);
    // No commit yet.
    let fresh = good();
    fresh.git(&["init", "-q"]);
    run("no commit yet", fresh.root(), &["diff"]);
    // A shallow clone asked for history it lacks.
    let full = good();
    full.init_and_commit();
    full.write("notes.txt", "x\n");
    full.commit_all("second", TODAY);
    let shallow = tempfile::tempdir().unwrap();
    let url = format!("file://{}", full.top().display());
    let clone = git(shallow.path(), &["clone", "-q", "--depth", "1", &url, "c"], &path_with_zi(), TODAY);
    assert_eq!(clone.code, 0, "{clone:?}");
    run("shallow clone", &shallow.path().join("c"), &["diff", "HEAD~1"]);
    assert_text!("root-problems", said.join("\n"));
}
