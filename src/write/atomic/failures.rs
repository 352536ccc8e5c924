//! Nothing lost on failure: every file zi writes goes through
//! `crate::write::atomic`, and a failure at any step leaves the folder exactly as it
//! was. These tests drive it the way a writing command does,
//! with failures injected where real ones happen: mid-write (disk full), at
//! the rename (the target cannot be replaced) and before anything is written
//! (no folder to write in). A reader running alongside never sees half a file.

use std::io;
use std::path::Path;

/// Every entry of `dir` with its contents (`None` for folders), sorted.
fn snapshot(dir: &Path) -> Vec<(String, Option<Vec<u8>>)> {
    let mut entries: Vec<_> = walkdir::WalkDir::new(dir)
        .min_depth(1)
        .sort_by_file_name()
        .into_iter()
        .map(|e| {
            let e = e.unwrap();
            let name = e.path().strip_prefix(dir).unwrap().to_string_lossy().into_owned();
            let contents = e.file_type().is_file().then(|| std::fs::read(e.path()).unwrap());
            (name, contents)
        })
        .collect();
    entries.sort();
    entries
}

fn plan_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("1-rapat.toml"), "indicator = \"Rapat\"\ndue = \"Juli 2022\"\n").unwrap();
    std::fs::create_dir(dir.path().join("sub")).unwrap();
    std::fs::write(dir.path().join("sub/2-lain.toml"), "indicator = \"Lain\"\n").unwrap();
    dir
}

#[test]
fn a_disk_that_fills_up_after_a_megabyte_leaves_the_old_file_and_no_temporary_file() {
    let dir = plan_folder();
    let before = snapshot(dir.path());
    let chunk = vec![b'x'; 64 * 1024];
    let result = super::write_with(&dir.path().join("1-rapat.toml"), |w| {
        for _ in 0..16 {
            w.write_all(&chunk)?;
        }
        Err(io::Error::new(io::ErrorKind::StorageFull, "no space left on device"))
    });
    assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull);
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_target_that_cannot_be_replaced_fails_the_write_and_changes_nothing() {
    let dir = plan_folder();
    let before = snapshot(dir.path());
    // A folder with files in it cannot be replaced by a rename.
    let result = super::write(&dir.path().join("sub"), b"indicator = \"Baru\"\n");
    assert!(result.is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_write_into_a_missing_folder_fails_and_creates_nothing() {
    let dir = plan_folder();
    let before = snapshot(dir.path());
    assert!(super::write(&dir.path().join("no-such-folder/1-x.toml"), b"x").is_err());
    assert_eq!(snapshot(dir.path()), before);
}

#[test]
fn a_successful_write_changes_only_its_own_file() {
    let dir = plan_folder();
    let mut expected = snapshot(dir.path());
    super::write(&dir.path().join("1-rapat.toml"), b"indicator = \"Baru\"\n").unwrap();
    expected[0].1 = Some(b"indicator = \"Baru\"\n".to_vec());
    assert_eq!(snapshot(dir.path()), expected);
}

#[test]
fn a_reader_alongside_the_writes_sees_a_whole_old_or_whole_new_file_never_a_part() {
    let dir = plan_folder();
    let path = dir.path().join("1-rapat.toml");
    let versions: Vec<Vec<u8>> = (0..20u8).map(|i| vec![b'a' + i; 256 * 1024]).collect();
    std::fs::write(&path, &versions[0]).unwrap();
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        let reader = s.spawn(|| {
            let mut reads = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) || reads == 0 {
                let seen = std::fs::read(&path).unwrap();
                assert!(versions.contains(&seen), "read a partial file of {} bytes", seen.len());
                reads += 1;
            }
        });
        for version in &versions[1..] {
            super::write(&path, version).unwrap();
        }
        done.store(true, std::sync::atomic::Ordering::Relaxed);
        reader.join().unwrap();
    });
    assert_eq!(std::fs::read(&path).unwrap(), versions[19]);
}
