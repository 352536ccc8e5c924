//! Batches, interruptions and what a killed run leaves: a batch renames all
//! its files or none, an uncommitted batch leaves nothing, SIGINT and
//! SIGTERM remove every temporary file and created folder before the
//! process ends, and a temporary file no running zi owns is found and
//! removed by the next write.

use std::io::{BufRead, Write};
use std::path::Path;

use super::{stale, Batch, TEMP_PREFIX};

/// Every entry below `dir` with its contents (`None` for folders), sorted.
fn snapshot(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut entries: Vec<_> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let name = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            (name, e.file_type().is_file().then(|| std::fs::read(e.path()).unwrap()))
        })
        .collect();
    entries.sort();
    entries
}

fn folder_with_one_file() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("zi.toml"), "unit = \"Lama\"\n").unwrap();
    dir
}

#[test]
fn a_committed_batch_writes_every_file_and_the_folders_they_need() {
    let dir = folder_with_one_file();
    let mut batch = Batch::new();
    batch.create_dir_all(&dir.path().join("plan/1-a")).unwrap();
    batch.add(&dir.path().join("zi.toml"), b"unit = \"Baru\"\n").unwrap();
    batch.add(&dir.path().join("plan/1-a/area.toml"), b"name = \"A\"\n").unwrap();
    batch.commit().unwrap();
    let expected = [
        ("plan".to_string(), None),
        ("plan/1-a".to_string(), None),
        ("plan/1-a/area.toml".to_string(), Some(b"name = \"A\"\n".to_vec())),
        ("zi.toml".to_string(), Some(b"unit = \"Baru\"\n".to_vec())),
    ];
    assert_eq!(snapshot(dir.path()), expected);
}

#[test]
fn a_batch_for_many_files_flushed_at_its_commit_writes_them_all_or_none() {
    let dir = folder_with_one_file();
    let before = snapshot(dir.path());
    let fill = |batch: &mut Batch| {
        for n in 1..=50 {
            let folder = dir.path().join(format!("plan/1-a/{n}-b"));
            batch.create_dir_all(&folder).unwrap();
            batch.add(&folder.join("component.toml"), format!("name = \"{n}\"\n").as_bytes()).unwrap();
        }
    };
    let mut dropped = Batch::for_many();
    fill(&mut dropped);
    drop(dropped);
    assert_eq!(snapshot(dir.path()), before);
    let mut committed = Batch::for_many();
    fill(&mut committed);
    committed.commit().unwrap();
    let files: Vec<_> = snapshot(dir.path()).into_iter().filter(|(_, c)| c.is_some()).collect();
    assert_eq!(files.len(), 51);
    assert!(files.iter().all(|(name, _)| !name.contains(TEMP_PREFIX)));
}

#[test]
fn a_batch_dropped_before_its_commit_leaves_the_tree_as_it_was() {
    let dir = folder_with_one_file();
    let before = snapshot(dir.path());
    let mut batch = Batch::new();
    batch.create_dir_all(&dir.path().join("plan/1-a/2-b")).unwrap();
    batch.add(&dir.path().join("zi.toml"), b"unit = \"Baru\"\n").unwrap();
    batch.add(&dir.path().join("plan/1-a/2-b/1-c.toml"), b"x").unwrap();
    drop(batch);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_rename_that_fails_in_a_batch_puts_back_the_files_renamed_before_it() {
    let dir = folder_with_one_file();
    std::fs::create_dir_all(dir.path().join("sub/full")).unwrap();
    std::fs::write(dir.path().join("sub/full/keep"), "x").unwrap();
    let before = snapshot(dir.path());
    let mut batch = Batch::new();
    batch.add(&dir.path().join("zi.toml"), b"unit = \"Baru\"\n").unwrap();
    batch.add(&dir.path().join("new.toml"), b"new").unwrap();
    // A folder with files in it cannot be replaced by a rename.
    batch.add(&dir.path().join("sub/full"), b"never").unwrap();
    assert!(batch.commit().is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_temporary_file_of_a_killed_run_is_stale_and_the_next_write_removes_it() {
    let dir = folder_with_one_file();
    // Process ids never reach this number, so no process owns the file.
    let killed = dir.path().join(format!("{TEMP_PREFIX}999999999-abc123"));
    let old_style = dir.path().join(format!("{TEMP_PREFIX}Ab12Cd"));
    let running = dir.path().join(format!("{TEMP_PREFIX}{}-live", std::process::id()));
    for path in [&killed, &old_style, &running] {
        std::fs::write(path, "half").unwrap();
    }
    let mut expected = vec![killed.clone(), old_style.clone()];
    expected.sort();
    assert_eq!(stale(dir.path()), expected);
    super::write(&dir.path().join("zi.toml"), b"unit = \"Baru\"\n").unwrap();
    assert!(!killed.exists() && !old_style.exists());
    assert!(running.exists(), "a temporary file of a running zi is not touched");
}

/// The child of the signal tests: stages a batch in `ZI_ATOMIC_CHILD_DIR`,
/// says so on standard output, and waits to be interrupted. Run only by
/// `interrupting_a_batch_leaves_nothing`, which starts it with `--ignored`.
#[test]
#[ignore = "the child process of the signal tests"]
fn child_stages_a_batch_and_waits_for_a_signal() {
    let Some(dir) = std::env::var_os("ZI_ATOMIC_CHILD_DIR") else {
        return;
    };
    let dir = Path::new(&dir);
    let mut batch = Batch::new();
    batch.create_dir_all(&dir.join("plan/1-a")).unwrap();
    batch.add(&dir.join("zi.toml"), b"unit = \"Baru\"\n").unwrap();
    batch.add(&dir.join("plan/1-a/area.toml"), b"name = \"A\"\n").unwrap();
    let mut out = std::io::stdout();
    writeln!(out, "batch staged").unwrap();
    out.flush().unwrap();
    std::thread::sleep(std::time::Duration::from_secs(60));
    panic!("no signal came");
}

#[cfg(unix)]
fn interrupt_a_staged_batch(signal: i32) {
    use std::os::unix::process::ExitStatusExt;
    let dir = folder_with_one_file();
    let before = snapshot(dir.path());
    let mut child = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "write::atomic::interrupted::child_stages_a_batch_and_waits_for_a_signal"])
        .args(["--ignored", "--nocapture", "--test-threads=1"])
        .env("ZI_ATOMIC_CHILD_DIR", dir.path())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut lines = std::io::BufReader::new(child.stdout.take().unwrap()).lines();
    // libtest writes "test NAME ... " on the same line before the child's own words.
    assert!(lines.any(|l| l.unwrap().ends_with("batch staged")), "the child never staged its batch");
    assert_ne!(snapshot(dir.path()), before, "the child's temporary files are there while it runs");
    let pid = libc::pid_t::try_from(child.id()).unwrap();
    // SAFETY: sends a signal to our own child, which we then wait for.
    assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
    let status = child.wait().unwrap();
    assert_eq!(status.signal(), Some(signal), "the signal ends the process as it would have: {status:?}");
    assert_eq!(snapshot(dir.path()), before);
}

#[cfg(unix)]
#[test]
fn ctrl_c_during_a_batch_leaves_no_temporary_file_and_no_new_folder() {
    interrupt_a_staged_batch(libc::SIGINT);
}

#[cfg(unix)]
#[test]
fn sigterm_during_a_batch_leaves_no_temporary_file_and_no_new_folder() {
    interrupt_a_staged_batch(libc::SIGTERM);
}
