//! `zi status`, `zi show` and `zi overdue` in a real terminal: tmux at 60
//! columns (a list, not a table), 80, 100 and 160, the screen captured
//! (`capture-pane`) as the user sees it, wrapped lines and all, and
//! compared with snapshots. The width
//! comes from the terminal, so these are the only tests that see it; the
//! others are piped and get the fixed width.
//!
//! Needs `tmux` (`.ci/run` installs it). Without it the tests say so and
//! pass, except under `CI`, where they fail.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

use crate::fixture::{realistic, AS_OF};
use crate::harness::ZI;

const WIDTHS: [u16; 4] = [60, 80, 100, 160];

/// What a terminal `width` columns wide shows after `zi args…` ran in `dir`.
fn screen(dir: &Path, width: u16, args: &[&str]) -> Option<String> {
    if Command::new("tmux").arg("-V").output().is_err() {
        assert!(std::env::var_os("CI").is_none(), "tmux is missing; .ci/run installs it");
        eprintln!("tmux is not installed: the terminal tests are skipped");
        return None;
    }
    let socket =
        format!("zi-test-{}-{width}-{}", std::process::id(), args.join("-").replace(['/', ' '], "_"));
    let done = "__zi_done__";
    let script = format!(
        "cd '{}' && ZI_TODAY={AS_OF} NO_COLOR=1 LANG=C '{ZI}' {}; echo {done}; sleep 60",
        dir.display(),
        args.iter().map(|a| format!("'{a}'")).collect::<Vec<_>>().join(" ")
    );
    let tmux = |more: &[&str]| {
        let mut command = Command::new("tmux");
        command.args(["-L", &socket, "-f", "/dev/null"]).args(more).env_remove("TMUX");
        command.output().expect("run tmux")
    };
    let started =
        tmux(&["new-session", "-d", "-x", &width.to_string(), "-y", "50", "-s", "zi", "sh", "-c", &script]);
    assert!(started.status.success(), "tmux: {}", String::from_utf8_lossy(&started.stderr));
    tmux(&["set-option", "-t", "zi", "history-limit", "10000"]);
    let deadline = Instant::now() + Duration::from_secs(30);
    let text = loop {
        let capture = tmux(&["capture-pane", "-p", "-t", "zi", "-S", "-", "-E", "-"]);
        let text = String::from_utf8_lossy(&capture.stdout).into_owned();
        if text.contains(done) {
            break text;
        }
        assert!(Instant::now() < deadline, "zi did not finish in tmux:\n{text}");
        std::thread::sleep(Duration::from_millis(50));
    };
    tmux(&["kill-server"]);
    let shown: Vec<&str> = text.lines().take_while(|l| !l.contains(done)).map(str::trim_end).collect();
    Some(shown.join("\n").trim_end().to_string() + "\n")
}

#[test]
fn status_show_and_overdue_fit_60_80_100_and_160_columns() {
    let fixture = realistic();
    let commands: [(&str, &[&str]); 4] = [
        ("status", &["--lang", "en", "status", "I", "III"]),
        ("status-id", &["--lang", "id", "status", "II"]),
        ("show", &["--lang", "en", "show", "I.2.1"]),
        ("overdue", &["--lang", "en", "overdue"]),
    ];
    for width in WIDTHS {
        for (slug, args) in commands {
            let Some(shown) = screen(fixture.root(), width, args) else { return };
            let wide: Vec<&str> = shown.lines().filter(|l| l.chars().count() > usize::from(width)).collect();
            assert!(
                wide.is_empty(),
                "{slug} at {width}: lines wider than the terminal:\n{}",
                wide.join("\n")
            );
            assert_text!(format!("{slug}-{width}"), shown);
        }
    }
}

#[test]
fn a_workbook_is_never_written_to_a_terminal() {
    let fixture = realistic();
    let mut shown = String::new();
    for args in [&["--lang", "en", "export"][..], &["--lang", "id", "score", "--format", "xlsx"]] {
        let Some(screen) = screen(fixture.root(), 100, args) else { return };
        shown.push_str(&format!("$ zi {}\n{screen}", args.join(" ")));
    }
    assert_text!("workbook-to-terminal", shown);
}
