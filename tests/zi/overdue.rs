//! `zi overdue` is sized for a pre-commit hook: one line per overdue
//! period, then one summary line that says how to see more.

use crate::fixture::{self, SK_EVIDENCE};
use crate::harness::AUGUST;

#[test]
fn one_line_per_overdue_period_then_a_summary_pointing_at_zi_show() {
    let run = fixture::small().run(AUGUST, &["overdue"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "I.1.1  January 2022  196 days late  Penyusunan SK Tim Kerja ZI  missing: Daftar hadir\n\
         I.1.2  July 2022     15 days late   Pemantauan dan Evaluasi pembangunan WBK/WBBM secara…\n\
         \x20      missing: Undangan rapat, Notulasi rapat\n\
         2 overdue periods in 2 indicators as of 2022-08-15; `zi show ID` shows one in full\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn the_same_lines_in_indonesian() {
    let run = fixture::small().run(AUGUST, &["--lang", "id", "overdue"]);
    assert_eq!(run.code, 1, "{run:?}");
    assert_eq!(
        run.stdout,
        "I.1.1  Januari 2022  terlambat 196 hari  Penyusunan SK Tim Kerja ZI  kurang: Daftar hadir\n\
         I.1.2  Juli 2022     terlambat 15 hari   Pemantauan dan Evaluasi pembangunan WBK/WBBM secara…\n\
         \x20      kurang: Undangan rapat, Notulasi rapat\n\
         2 periode terlambat pada 2 indikator per 2022-08-15; `zi show ID` menampilkan rinciannya\n"
    );
    assert_eq!(run.stderr, "");
}

#[test]
fn nothing_overdue_is_one_line_and_exit_0() {
    let run = fixture::small().run("2022-01-20", &["overdue"]);
    assert_eq!((run.code, run.stdout.as_str()), (0, "nothing overdue as of 2022-01-20\n"));
}

#[test]
fn periods_due_soon_are_listed_but_do_not_fail_the_hook() {
    let repo = fixture::small();
    let run = repo.run("2022-07-25", &["overdue", "--within", "10"]);
    assert_eq!(run.code, 1, "January is overdue: {run:?}");
    repo.file(&format!("{SK_EVIDENCE}/2022-01/daftar hadir.pdf"));
    let run = repo.run("2022-07-25", &["overdue", "--within", "10"]);
    assert_eq!(run.code, 0, "{run:?}");
    assert_eq!(
        run.stdout,
        "I.1.2  July 2022  due in 6 days  Pemantauan dan Evaluasi…  missing: Undangan rapat, Notulasi rapat\n\
         nothing overdue as of 2022-07-25; 1 period due soon; `zi show ID` shows one in full\n"
    );
}
