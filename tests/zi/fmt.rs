//! `zi fmt` round trips on files in a plan repository.

use crate::fixture::{self, MONEV_PATH, SK, SK_PATH, ZI_TOML};
use crate::harness::{Zi, AUGUST};

/// The layout a plan is shipped in, with a comment the seed left behind.
const CANONICAL: &str = r#"indicator = "Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester"
actions = [
  "Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali",
  "Tindak lanjut hasil Monev sebelumnya",
]
evidence = [
  "Undangan rapat",
  { name = "Notulasi rapat", file = "notul*" },
  { name = "Foto", file = ["*.jpg", "foto*"] },
]
due = "Februari 2022"  # seed: "Pebuari 2022"
"#;

/// The same indicator as someone's editor might leave it.
const MANGLED: &str = "due='Februari 2022'   # seed: \"Pebuari 2022\"\n\n\
evidence=[\"Undangan rapat\",{file='notul*',name=\"Notulasi rapat\"},\n    {  name = 'Foto' , file = [ \"*.jpg\",\n 'foto*' ] }]\n\
actions = [ \"Rapat Evaluasi pembangunan WBK/WBBM setiap 6 bulan sekali\",\n\"Tindak lanjut hasil Monev sebelumnya\" ]\n\
indicator   =   \"\"\"Pemantauan dan Evaluasi pembangunan WBK/WBBM secara berkala per semester\"\"\"";

#[test]
fn the_fixture_plan_is_canonical_and_formatting_it_changes_nothing() {
    let repo = fixture::small();
    repo.write(MONEV_PATH, CANONICAL);
    let check = repo.run(AUGUST, &["fmt", "--check"]);
    assert_eq!((check.code, check.stdout.as_str(), check.stderr.as_str()), (0, "", ""));
    let run = repo.run(AUGUST, &["fmt"]);
    assert_eq!((run.code, run.stdout.as_str(), run.stderr.as_str()), (0, "", ""));
    assert_eq!(repo.read(MONEV_PATH), CANONICAL);
    assert_eq!(repo.read(SK_PATH), SK);
    assert_eq!(repo.read("zi.toml"), ZI_TOML);
}

#[test]
fn check_names_a_mangled_file_writes_nothing_and_fmt_then_fixes_it() {
    let repo = fixture::small();
    repo.write(MONEV_PATH, MANGLED);
    repo.write("plan/1-manajemen-perubahan/area.toml", "name='Manajemen Perubahan'");
    let check = repo.run(AUGUST, &["fmt", "--check"]);
    assert_eq!(
        (check.code, check.stdout.as_str(), check.stderr.as_str()),
        (
            1,
            format!("plan/1-manajemen-perubahan/area.toml\n{MONEV_PATH}\n").as_str(),
            "zi: 2 files not in the canonical layout; `zi fmt` rewrites them\n"
        )
    );
    assert_eq!(repo.read(MONEV_PATH), MANGLED);

    let run = repo.run(AUGUST, &["fmt"]);
    assert_eq!(
        (run.code, run.stdout.as_str(), run.stderr.as_str()),
        (0, format!("plan/1-manajemen-perubahan/area.toml\n{MONEV_PATH}\n").as_str(), "")
    );
    assert_eq!(repo.read(MONEV_PATH), CANONICAL);
    assert_eq!(repo.read("plan/1-manajemen-perubahan/area.toml"), "name = \"Manajemen Perubahan\"\n");
    assert_eq!(repo.run(AUGUST, &["fmt", "--check"]).code, 0);
    // What the plan says is the same after formatting.
    let status = repo.run(AUGUST, &["status", "--format", "json"]).json();
    assert_eq!(status["areas"][0]["components"][0]["indicators"][1]["due"], "Februari 2022");
}

#[test]
fn comments_and_unknown_keys_survive_formatting() {
    let repo = fixture::small();
    let text = "# Sumber: RKT 2022 halaman 4\n\nevidence = [\"SK Tim\", # ditandatangani Kepala Balai\n  \"Daftar hadir\"]\n# kata-kata dari RKT\nindicator = 'Penyusunan SK Tim Kerja ZI'\nbobot = 2.5 # LKE\nactions = [\"Menyusun SK\"]\ndue = \"Januari 2022\"\n";
    repo.write(SK_PATH, text);
    assert_eq!(repo.run(AUGUST, &["fmt"]).code, 0);
    assert_eq!(
        repo.read(SK_PATH),
        "# Sumber: RKT 2022 halaman 4\n\n\
         # kata-kata dari RKT\n\
         indicator = \"Penyusunan SK Tim Kerja ZI\"\n\
         actions = [\n  \"Menyusun SK\",\n]\n\
         evidence = [\n  \"SK Tim\",  # ditandatangani Kepala Balai\n  \"Daftar hadir\",\n]\n\
         due = \"Januari 2022\"\n\
         bobot = 2.5  # LKE\n"
    );
}

#[test]
fn a_file_that_does_not_parse_is_reported_and_left_alone_while_the_rest_are_formatted() {
    let repo = fixture::small();
    let broken = "indicator = \"Penyusunan SK\nactions = []\n";
    repo.write(SK_PATH, broken);
    repo.write(MONEV_PATH, MANGLED);
    // error[toml-syntax] --> the SK file:1:…, and only the MONEV file rewritten.
    assert_run!("unparsable-file", repo.run(AUGUST, &["fmt"]));
    assert_eq!(repo.read(SK_PATH), broken);
    assert_eq!(repo.read(MONEV_PATH), CANONICAL);
}

#[test]
fn named_paths_limit_formatting_to_them() {
    let repo = fixture::small();
    repo.write(MONEV_PATH, MANGLED);
    let sk = "indicator='x'\nactions=[]\nevidence=[]\ndue='Juli 2022'\n";
    repo.write(SK_PATH, sk);
    let run = repo.run(AUGUST, &["fmt", MONEV_PATH]);
    assert_eq!((run.code, run.stdout.as_str()), (0, format!("{MONEV_PATH}\n").as_str()), "{run:?}");
    assert_eq!(repo.read(MONEV_PATH), CANONICAL);
    assert_eq!(repo.read(SK_PATH), sk);

    // A folder, from a subfolder of the repository.
    let component = repo.at("plan/1-manajemen-perubahan");
    let run = Zi::new(&component, AUGUST, &["fmt", "--check", "1-tim-kerja"]).run();
    assert_eq!((run.code, run.stdout.as_str()), (1, format!("{SK_PATH}\n").as_str()), "{run:?}");

    assert_run!("missing-path", repo.run(AUGUST, &["fmt", "plan/nope.toml"]));
}

#[cfg(unix)]
#[test]
fn formatting_keeps_file_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let repo = fixture::small();
    repo.write(MONEV_PATH, MANGLED);
    let path = repo.at(MONEV_PATH);
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    assert_eq!(repo.run(AUGUST, &["fmt"]).code, 0);
    assert_eq!(std::fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o640);
}
