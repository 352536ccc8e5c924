//! Temporary files that zi's writers (`crate::write::atomic`) leave only
//! when killed outright (SIGKILL, a power cut): named `.zi-tmp-<pid>-…`,
//! stale once no process of that id runs. `zi check` reports them; the
//! next write into their folder removes them.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::{Path, PathBuf};

use crate::load::dir::{Dir, Type};

/// How every temporary file zi creates is named.
pub(crate) const TEMP_PREFIX: &str = ".zi-tmp-";

/// Whether `name` is one of zi's temporary files.
pub(crate) fn is_temporary(name: &OsStr) -> bool {
    name.as_encoded_bytes().starts_with(TEMP_PREFIX.as_bytes())
}

/// The temporary files in `dir` that no running zi is writing: left by a
/// run that was killed before it could clean up. Sorted by name.
pub(crate) fn stale(dir: &Path) -> Vec<PathBuf> {
    stale_names(dir).into_iter().map(|name| dir.join(name)).collect()
}

/// The names of `stale`'s files, sorted. Listed as the walk lists folders
/// (`load::dir`: no `fstat` of the folder, as `std::fs::read_dir` makes),
/// since `zi check` asks it of the root.
pub(crate) fn stale_names(dir: &Path) -> Vec<OsString> {
    let Ok(listing) = Dir::read(dir) else {
        return Vec::new();
    };
    let mut found: Vec<OsString> = listing
        .entries
        .into_iter()
        .filter(|(name, kind)| matches!(kind, Ok(Type::File)) && is_stale(name))
        .map(|(name, _)| name)
        .collect();
    found.sort();
    found
}

/// Whether the process whose id is in a temporary file's name still runs.
/// A name without an id is an older zi's: nobody is writing it.
pub(crate) fn owner_is_running(name: &OsStr) -> bool {
    let name = name.to_string_lossy();
    let Some(pid) = name[TEMP_PREFIX.len()..].split('-').next().and_then(|p| p.parse::<u32>().ok()) else {
        return false;
    };
    pid == std::process::id() || process_exists(pid)
}

#[cfg(unix)]
fn process_exists(pid: u32) -> bool {
    let Ok(pid) = libc::pid_t::try_from(pid) else {
        return false;
    };
    // SAFETY: signal 0 only asks whether the process exists; nothing is sent.
    let answer = unsafe { libc::kill(pid, 0) };
    answer == 0 || io::Error::last_os_error().raw_os_error() == Some(libc::EPERM)
}

#[cfg(not(unix))]
fn process_exists(_pid: u32) -> bool {
    true
}

/// Whether `name` is a temporary file of a zi that no longer runs.
pub(crate) fn is_stale(name: &OsStr) -> bool {
    is_temporary(name) && !owner_is_running(name)
}
