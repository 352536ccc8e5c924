//! The target times RKT tables write beyond months and windows: quarters,
//! half years, the whole year, `akhir <bulan>` and day deadlines, judged by
//! the real binary on dates around their deadlines.

use crate::fixture::good;
use crate::harness::{indicator_text as indicator, Repo};

fn plan() -> Repo {
    let repo = good();
    let rows = [
        ("2-triwulan", "Triwulan I dan III 2022"),
        ("3-tw", "TW I s/d IV"),
        ("4-semester", "Semester I 2022"),
        ("5-tahun", "Tahun 2022"),
        ("6-akhir", "Akhir Juni 2022"),
        ("7-hari", "15 Juli 2022"),
        ("8-tanggal", "2022-07-31"),
    ];
    for (stem, due) in rows {
        repo.write(&format!("plan/1-area/1-comp/{stem}.toml"), indicator(stem, "[\"Laporan\"]", due));
    }
    // The first quarter's report is filed; nothing else is.
    repo.file("evidence/1-area/1-comp/2-triwulan/2022-02/laporan.pdf");
    repo
}

#[test]
fn quarters_half_years_the_year_and_day_deadlines_fall_due_when_they_say() {
    let repo = plan();
    // 15 July is the last day of I.1.7's deadline, 16 July the first it is late.
    for date in ["2022-07-15", "2022-07-16", "2022-08-01"] {
        assert_run!(format!("overdue-{date}"), repo.run(date, &["overdue", "--within", "31"]));
    }
    assert_run!("status-2022-08-01", repo.run("2022-08-01", &["status"]));
    assert_eq!(repo.run("2022-08-01", &["check"]).code, 0, "every form reads");
}

#[test]
fn a_target_time_with_a_day_or_part_the_year_lacks_is_reported_with_its_place() {
    let repo = good();
    repo.write("plan/1-area/1-comp/2-juni.toml", indicator("Juni", "[\"Laporan\"]", "31 Juni 2022"));
    repo.write("plan/1-area/1-comp/3-tw.toml", indicator("TW", "[\"Laporan\"]", "Triwulan V 2022"));
    assert_run!("impossible-days-and-quarters", repo.run("2022-08-01", &["check"]));
}
