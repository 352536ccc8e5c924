//! The page being written: what is made and not yet handed to the sink,
//! and what every section needs to make its part. Each section writes to
//! it and hands it on in pieces (`spill`), so that no section of a large
//! plan's page is held whole.

use crate::judge::evaluate::IndicatorReport;
use crate::judge::score::Score;
use crate::text::{Labels, Lang};

/// What the HTML renderer needs to know about where the page will live.
pub(crate) struct Links<'a> {
    /// Prefix from the page's folder to the repository root: `""` when the
    /// page sits at the root, `"../"` one folder down, and so on.
    pub(crate) to_root: &'a str,
}

/// `reports` judged again with every file listed (`Detail::Files`), in
/// their order. The page's summaries need only a summary evaluation, and
/// each indicator is shown in full from a part judged just before it is
/// written: a plan of 100,000 indicators judged whole with every file
/// listed took most of the memory of the run.
pub(crate) type InFull<'a> = &'a (dyn Fn(&[&IndicatorReport]) -> Vec<IndicatorReport> + 'a);

/// The page is handed to its sink in pieces of about this many bytes.
pub(super) const CHUNK: usize = 64 * 1024;

pub(super) struct Page<'a> {
    /// What is made and not yet handed to `sink`.
    pub(super) out: String,
    pub(super) sink: &'a mut dyn std::io::Write,
    /// The first error of `sink`: what is made after it is dropped.
    pub(super) failed: Option<std::io::Error>,
    pub(super) lang: Lang,
    pub(super) l: &'static Labels,
    pub(super) links: &'a Links<'a>,
    pub(super) score: &'a Score<'a>,
    /// The files of the indicator being written that are LFS pointers.
    pub(super) in_lfs: Vec<String>,
    pub(super) in_full: InFull<'a>,
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
}
