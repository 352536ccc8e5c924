//! The file a page is written to, sent on its way to disk as it is
//! written: the page is flushed to disk before it replaces the old one,
//! and a flush of a whole large page at the end waits for all of it,
//! where one started every few megabytes has little left to wait for.
//! What is written through it is sent on by itself; a copy into its file
//! inside the kernel calls `written` after each step.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, Seek, Write};

/// Writing to disk is started each time this many bytes more are written.
pub(super) const STEP: u64 = 8 * 1024 * 1024;

/// A page's file, and how much of it is on its way to disk.
pub(super) struct PageFile<'f> {
    /// The file, written only at its end (through this or by a copy).
    pub(super) file: &'f File,
    /// Bytes written between starts of writing to disk: `STEP` but in tests.
    step: u64,
    /// Bytes of the file whose writing to disk is started.
    sent: Cell<u64>,
}

impl<'f> PageFile<'f> {
    /// `file`, empty and written from its start, sent on every `STEP`.
    pub(super) fn new(file: &'f File) -> PageFile<'f> {
        PageFile::every(file, STEP)
    }

    /// `file`, sent on every `step` bytes (more than none).
    pub(super) fn every(file: &'f File, step: u64) -> PageFile<'f> {
        debug_assert!(step > 0, "a step of no bytes would send the whole file each time");
        PageFile { file, step, sent: Cell::new(0) }
    }

    /// After bytes were appended to the file: starts writing to disk what
    /// was written since it was last started, once that is a whole step.
    /// Best effort: the flush at the end writes whatever this did not,
    /// and reports any error.
    pub(super) fn written(&self) {
        let Ok(at) = (&mut &*self.file).stream_position() else { return };
        let sent = self.sent.get();
        if at < sent.saturating_add(self.step) {
            return;
        }
        start_writing(self.file, sent, at - sent);
        self.sent.set(at);
    }

    /// Bytes written between starts: what a copy into the file copies at
    /// once.
    pub(super) fn step(&self) -> u64 {
        self.step
    }

    /// Bytes of the file whose writing to disk is started.
    #[cfg(test)]
    pub(super) fn sent(&self) -> u64 {
        self.sent.get()
    }
}

impl Write for &PageFile<'_> {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        let n = (&mut &*self.file).write(bytes)?;
        self.written();
        Ok(n)
    }

    fn flush(&mut self) -> io::Result<()> {
        (&mut &*self.file).flush()
    }
}

/// Starts writing bytes `from..from + len` of `file` to disk, without
/// waiting for them.
#[cfg(target_os = "linux")]
fn start_writing(file: &File, from: u64, len: u64) {
    use std::os::fd::AsRawFd;
    let (Ok(from), Ok(len)) = (from.try_into(), len.try_into()) else { return };
    // SAFETY: the descriptor is an open file borrowed for the call. The
    // symbol is an ordinary one of libc, not one std declares weak (which
    // a static link can leave at address 0, as `copy_file_range` was); a
    // page under one step never calls it, so the static smoke test, whose
    // pages are small, does not try it.
    unsafe {
        libc::sync_file_range(file.as_raw_fd(), from, len, libc::SYNC_FILE_RANGE_WRITE);
    }
}

#[cfg(not(target_os = "linux"))]
fn start_writing(_: &File, _: u64, _: u64) {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_to_disk_starts_at_each_whole_step_written() {
        let file = tempfile::tempfile().unwrap();
        let page = PageFile::every(&file, 10);
        let mut sent = Vec::new();
        for piece in ["abcd", "efgh", "ijkl", "m", "nopqrstuvwxyz0123456789"] {
            (&page).write_all(piece.as_bytes()).unwrap();
            sent.push(page.sent());
        }
        assert_eq!(sent, [0, 0, 12, 12, 36]);
    }
}
