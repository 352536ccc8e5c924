//! What an interrupted write leaves behind: nothing. Every temporary file
//! (and every folder a batch created) is registered here while it exists;
//! on SIGINT, SIGTERM or SIGHUP a watcher thread removes what is registered
//! and then lets the signal end the process as it would have.
//!
//! The watcher does its work outside the signal handler (signal-hook wakes
//! it through a pipe), so it may take the registry's lock. Writers hold the
//! same lock while they create, rename or remove a registered path, so the
//! watcher never sees a temporary file that is half registered, and once it
//! holds the lock no writer can create another: it never gives the lock
//! back.

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::sync::{Mutex, MutexGuard, Once};

/// A path zi created and must remove unless the write completes.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Created {
    /// A temporary file.
    File(PathBuf),
    /// A folder a batch created for its files; removed only when empty.
    Dir(PathBuf),
}

static PENDING: Mutex<BTreeSet<Created>> = Mutex::new(BTreeSet::new());
static WATCH: Once = Once::new();

/// The registry, locked. A writer that panicked while holding it left it
/// consistent (every step is one insert or remove), so a poisoned lock is
/// taken as it is.
pub(super) fn pending() -> MutexGuard<'static, BTreeSet<Created>> {
    WATCH.call_once(watch);
    PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// Removes what is registered, folders last (deepest first) so that a
/// folder holding only temporary files goes too.
fn clean(pending: &BTreeSet<Created>) {
    for created in pending {
        if let Created::File(path) = created {
            let _ = std::fs::remove_file(path);
        }
    }
    let mut dirs: Vec<&PathBuf> =
        pending.iter().filter_map(|c| if let Created::Dir(d) = c { Some(d) } else { None }).collect();
    dirs.sort_by_key(|d| std::cmp::Reverse(d.components().count()));
    for dir in dirs {
        let _ = std::fs::remove_dir(dir);
    }
}

#[cfg(unix)]
fn watch() {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    // Without the watcher a signal still ends the process; only the
    // clean-up is lost, as it was before, so a failure here is not fatal.
    let Ok(mut signals) = signal_hook::iterator::Signals::new([SIGINT, SIGTERM, SIGHUP]) else {
        return;
    };
    let spawned = std::thread::Builder::new().name("zi-signals".into()).spawn(move || {
        if let Some(signal) = signals.forever().next() {
            let pending = PENDING.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
            clean(&pending);
            // Ends the process as the signal would have (exit status
            // 128 + signal for the shell), still holding the lock.
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    drop(spawned);
}

#[cfg(not(unix))]
fn watch() {}
