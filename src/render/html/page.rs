//! The page being written: what is made and not yet handed to the sink,
//! and what every section needs to make its part. Each section writes to
//! it and hands it on in pieces (`spill`), so that no section of a large
//! plan's page is held whole.

use super::article::Articles;
use super::page_file::PageFile;
use crate::judge::score::Score;
use crate::parallel;
use crate::text::{Labels, Lang};

/// The page is handed to its sink in pieces of about this many bytes.
pub(super) const CHUNK: usize = 64 * 1024;

/// Rows made together on one worker thread by `Page::rows`.
const ROWS: usize = 256;

/// Rows made at once by `Page::rows`, on every worker thread, before
/// they are handed to the sink: a few megabytes of the page.
const BATCH: usize = 16 * ROWS;

pub(super) struct Page<'a> {
    /// What is made and not yet handed to `sink`.
    pub(super) out: String,
    pub(super) sink: &'a mut dyn std::io::Write,
    /// The file `sink` writes to, when it is one: cards are copied into it
    /// from their spool.
    pub(super) file: Option<&'a PageFile<'a>>,
    /// The first error of `sink`: what is made after it is dropped.
    pub(super) failed: Option<std::io::Error>,
    pub(super) lang: Lang,
    pub(super) l: &'static Labels,
    pub(super) score: &'a Score<'a>,
    /// Each indicator's card, written while the plan was judged.
    pub(super) articles: &'a Articles<'a>,
}

impl Page<'_> {
    /// Hands what is made to the sink once it is `at_least` bytes.
    pub(super) fn spill(&mut self, at_least: usize) {
        if self.out.len() < at_least.max(1) {
            return;
        }
        if self.failed.is_none() {
            self.failed = self.sink.write_all(self.out.as_bytes()).err();
        }
        self.out.clear();
    }

    /// Writes a row of the page for each of `items`, in their order. The
    /// rows are made on every worker thread, a batch at a time: the
    /// sections before the cards wait for the whole plan to be judged, and
    /// would otherwise be made on one core while the other idles.
    pub(super) fn rows<T: Sync>(&mut self, items: &[T], row: impl Fn(&mut String, &T) + Sync) {
        let piece = |items: &[T]| {
            let mut piece = String::with_capacity(2 * CHUNK);
            items.iter().for_each(|item| row(&mut piece, item));
            piece
        };
        // Fewer rows than two workers' share are made on this thread.
        let shared = parallel::pays(items.len(), 2 * ROWS);
        for batch in items.chunks(BATCH) {
            let chunks: Vec<&[T]> = batch.chunks(ROWS).collect();
            let pieces: Vec<String> = parallel::map(shared, chunks, piece);
            for piece in pieces {
                if self.out.len() + piece.len() < CHUNK {
                    self.out.push_str(&piece);
                    continue;
                }
                self.spill(0);
                let mut bytes = piece.into_bytes();
                self.write_bytes(&mut bytes);
            }
        }
    }

    /// Hands `bytes` to the sink: what was made before what `out` holds,
    /// which stays.
    pub(super) fn write_bytes(&mut self, bytes: &mut Vec<u8>) {
        if self.failed.is_none() {
            self.failed = self.sink.write_all(bytes).err();
        }
        bytes.clear();
    }
}
