//! `zi overdue` on the shipped 2022 plan (its evidence folders are empty),
//! against target months read off the seed by hand.

use std::process::Command;

fn overdue_ids(date: &str) -> (i32, Vec<String>) {
    let out = Command::new(env!("CARGO_BIN_EXE_zi"))
        .args(["-C", env!("CARGO_MANIFEST_DIR"), "overdue", "--format", "json", "--as-of", date])
        .output()
        .expect("run zi");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let mut ids: Vec<String> =
        json["items"].as_array().unwrap().iter().map(|i| i["id"].as_str().unwrap().to_string()).collect();
    ids.dedup();
    (out.status.code().unwrap_or(-1), ids)
}

#[test]
fn nothing_in_the_2022_plan_is_overdue_during_january() {
    assert_eq!(overdue_ids("2022-01-01"), (0, vec![]));
    assert_eq!(overdue_ids("2022-01-31"), (0, vec![]));
}

#[test]
fn on_the_first_of_february_exactly_the_january_targets_are_overdue() {
    // "Januari 2022" in the seed, plus III.3.4 ("Setiap bulan").
    let january = [
        "I.1.1", "I.1.2", "I.1.3", "I.4.2", "III.3.2", "III.3.4", "IV.2.8", "V.1.1", "V.2.1", "V.5.1",
        "V.5.2", "VI.1.1", "VI.1.2",
    ];
    assert_eq!(overdue_ids("2022-02-01"), (1, january.map(String::from).to_vec()));
}

#[test]
fn indicators_without_a_deadline_never_appear() {
    // I.4.4 ("setiap ada pertemuan") and IV.2.7 (no target time in the seed).
    let (_, ids) = overdue_ids("2023-01-01");
    assert!(!ids.contains(&"I.4.4".to_string()) && !ids.contains(&"IV.2.7".to_string()), "{ids:?}");
    assert_eq!(ids.len(), 70, "every other indicator is late with no evidence filed");
}
