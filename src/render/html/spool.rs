//! Where the report's cards wait while the plan is judged: an unnamed
//! temporary file, written a piece at a time, from which the page copies
//! each card in its order once the sections before them are written.
//!
//! Each worker thread fills its own piece, so that the cards of the
//! consecutive indicators a thread judges stay together in the file, and a
//! page written to a file copies them in long runs inside the kernel
//! (`copy_file_range`), never through this process. A card may be written
//! after its lead, the page's text before it (the headings of a new
//! component): where the page's text is the lead, the run of cards copied
//! goes on through it.

use std::fs::File;
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::sync::{Mutex, MutexGuard, OnceLock, PoisonError};

use super::page_file::PageFile;

/// The cards are written and read back this many bytes at a time.
const PIECE: usize = 256 * 1024;

/// Where one card is in the file: its offset and length, and the length of
/// its lead, written just before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct Placed {
    at: u64,
    len: usize,
    lead: usize,
}

/// A range of the file, of one or more cards (and leads) in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Range {
    at: u64,
    len: usize,
}

pub(super) struct Spool {
    file: File,
    written: Mutex<Written>,
    /// Cards made and not yet written: one piece per worker thread of
    /// the pool that makes them, and one for any other thread; made with
    /// the first card.
    pieces: OnceLock<Box<[Mutex<Piece>]>>,
}

/// What is in the file.
pub(super) struct Written {
    /// Bytes written to the file.
    bytes: u64,
    /// Where each card is, by its indicator's index in the plan.
    at: Vec<Option<Placed>>,
    /// The first error writing the file; reported when the page is made.
    failed: Option<io::Error>,
    /// Bytes of the file read back, from `window_at`.
    window: Vec<u8>,
    window_at: u64,
}

/// Cards not yet written: their text, and each card's index, lead length
/// and length.
#[derive(Default)]
struct Piece {
    text: String,
    cards: Vec<(usize, usize, usize)>,
}

fn lock<T>(mutex: &Mutex<T>) -> MutexGuard<'_, T> {
    mutex.lock().unwrap_or_else(PoisonError::into_inner)
}

impl Spool {
    /// Cards written to `file`, an empty temporary file.
    pub(super) fn new(file: File) -> Spool {
        let written = Written { bytes: 0, at: Vec::new(), failed: None, window: Vec::new(), window_at: 0 };
        Spool { file, written: Mutex::new(written), pieces: OnceLock::new() }
    }

    /// Adds the card of the indicator at `index` in the plan, after its
    /// lead (`""` for none).
    #[cfg(test)]
    pub(super) fn add(&self, index: usize, lead: &str, card: &str) {
        self.add_with(index, lead, |out| out.push_str(card));
    }

    /// Adds the card of the indicator at `index` in the plan, after its
    /// lead (`""` for none): what `card` appends to the text it is given,
    /// made straight into this thread's piece, whose lock it holds. So
    /// `card` only appends, and never waits for other work of the pool:
    /// this thread could take up another card meanwhile and lock its
    /// piece again. A card that panics leaves its piece unusable, but a
    /// panic ends zi before any page is written.
    pub(super) fn add_with(&self, index: usize, lead: &str, card: impl FnOnce(&mut String)) {
        let worker = rayon::current_thread_index();
        let pieces = self.pieces.get_or_init(|| {
            // Outside a pool, the cards are made on one thread.
            let workers = worker.map_or(0, |_| rayon::current_num_threads());
            (0..=workers).map(|_| Mutex::default()).collect()
        });
        let mut piece = lock(&pieces[worker.map_or(0, |i| i + 1) % pieces.len()]);
        piece.text.push_str(lead);
        let start = piece.text.len();
        card(&mut piece.text);
        let len = piece.text.len() - start;
        piece.cards.push((index, lead.len(), len));
        if piece.text.len() >= PIECE {
            self.write(&mut piece);
        }
    }

    /// Writes `piece` at the end of the file, and notes where its cards are.
    fn write(&self, piece: &mut Piece) {
        let mut written = lock(&self.written);
        if written.failed.is_none() {
            written.failed = (&self.file).write_all(piece.text.as_bytes()).err();
        }
        let mut at = written.bytes;
        for &(index, lead, len) in &piece.cards {
            if written.at.len() <= index {
                written.at.resize(index + 1, None);
            }
            at += lead as u64;
            written.at[index] = Some(Placed { at, len, lead });
            at += len as u64;
        }
        written.bytes = at;
        piece.text.clear();
        piece.cards.clear();
    }

    /// Every card written, for the page to copy; the first error writing
    /// them, if any.
    pub(super) fn finish(&self) -> io::Result<MutexGuard<'_, Written>> {
        for piece in self.pieces.get().into_iter().flatten() {
            let mut piece = lock(piece);
            if !piece.cards.is_empty() {
                self.write(&mut piece);
            }
        }
        let mut written = lock(&self.written);
        match written.failed.take() {
            Some(e) => Err(e),
            None => Ok(written),
        }
    }

    /// The card `placed`, read back from the file a piece at a time.
    pub(super) fn read<'w>(&self, written: &'w mut Written, placed: Placed) -> io::Result<&'w [u8]> {
        let Placed { at, len, .. } = placed;
        let end = at + len as u64;
        if at < written.window_at || end > written.window_at + written.window.len() as u64 {
            let size = len.max(PIECE).min(usize::try_from(written.bytes - at).unwrap_or(usize::MAX));
            written.window.resize(size, 0);
            (&self.file).seek(SeekFrom::Start(at))?;
            (&self.file).read_exact(&mut written.window)?;
            written.window_at = at;
        }
        let start = usize::try_from(at - written.window_at).unwrap_or(0);
        Ok(&written.window[start..start + len])
    }

    /// A copier of cards from the file to the end of `page`.
    pub(super) fn copier<'s>(&'s self, page: &'s PageFile<'s>) -> Copier<'s> {
        Copier { from: &self.file, to: page, run: None }
    }
}

/// Appends cards to a page, consecutive cards (and their leads) in one copy.
pub(super) struct Copier<'s> {
    from: &'s File,
    to: &'s PageFile<'s>,
    /// Cards to copy, not yet copied.
    run: Option<Range>,
}

impl Copier<'_> {
    /// Appends the card `placed` to the page, after `text`, the page's
    /// text since the card before: taken from the file with the card when
    /// it is the card's lead, else written first. `text` is emptied.
    pub(super) fn card(&mut self, text: &mut String, lead: &str, placed: Placed) -> io::Result<()> {
        let mut start = Range { at: placed.at, len: placed.len };
        let text_is_lead = !text.is_empty() && text.as_str() == lead && lead.len() == placed.lead;
        if text_is_lead {
            start.at -= placed.lead as u64;
            start.len += placed.lead;
        } else if !text.is_empty() {
            self.flush()?;
            (&mut &*self.to).write_all(text.as_bytes())?;
        }
        text.clear();
        match &mut self.run {
            Some(run) if run.at + run.len as u64 == start.at => run.len += start.len,
            _ => {
                if let Some(done) = self.run.replace(start) {
                    copy_range(self.from, done, self.to)?;
                }
            }
        }
        Ok(())
    }

    /// Copies the cards not yet copied.
    pub(super) fn flush(&mut self) -> io::Result<()> {
        self.run.take().map_or(Ok(()), |done| copy_range(self.from, done, self.to))
    }
}

impl Spool {
    /// Empties the file (its cards were copied), freeing its pages and
    /// blocks now rather than when it is closed. Best effort: the file is
    /// unnamed, and goes whole when it is closed anyway.
    pub(super) fn discard(&self) {
        let _ = self.file.set_len(0);
    }
}

impl Written {
    /// Where the card of the indicator at `index` is, if it was written.
    pub(super) fn at(&self, index: usize) -> Option<Placed> {
        self.at.get(index).copied().flatten()
    }
}

/// Appends bytes `range` of `from` to `to`, inside the kernel where it can,
/// a step of `to` at a time: each is sent on to disk as the next is copied.
/// Where the kernel cannot, through this process (`copy_by_reading`).
#[cfg(target_os = "linux")]
fn copy_range(from: &File, range: Range, to: &PageFile) -> io::Result<()> {
    use std::os::fd::AsRawFd;
    let Range { mut at, mut len } = range;
    let step = usize::try_from(to.step()).unwrap_or(usize::MAX);
    while len > 0 {
        let mut offset = libc::loff_t::try_from(at).map_err(io::Error::other)?;
        // The system call itself, not libc's `copy_file_range`: std declares
        // that symbol weak, and in a static link with link-time
        // optimisation zi's call went through the weak declaration, which
        // nothing resolved (address 0: every `zi report -o` crashed).
        // SAFETY: both descriptors are open files borrowed for the call,
        // and `offset` outlives it; a null output offset appends at `to`'s
        // position, as a write would.
        let copied = unsafe {
            libc::syscall(
                libc::SYS_copy_file_range,
                from.as_raw_fd(),
                &mut offset as *mut libc::loff_t,
                to.file.as_raw_fd(),
                std::ptr::null_mut::<libc::loff_t>(),
                len.min(step),
                0u32,
            )
        };
        match copied {
            // Some file systems copy nothing rather than say they cannot;
            // reading tells a real end of file from that.
            0 => return copy_by_reading(from, Range { at, len }, to),
            n if n > 0 => {
                let n = usize::try_from(n).map_err(io::Error::other)?;
                at += n as u64;
                len -= n;
                to.written();
            }
            _ => {
                let e = io::Error::last_os_error();
                match e.raw_os_error() {
                    Some(libc::EINTR) => {}
                    // Files on different file systems, or one that cannot.
                    Some(libc::EXDEV | libc::ENOSYS | libc::EINVAL | libc::EOPNOTSUPP | libc::EPERM) => {
                        return copy_by_reading(from, Range { at, len }, to);
                    }
                    _ => return Err(e),
                }
            }
        }
    }
    Ok(())
}

#[cfg(not(target_os = "linux"))]
fn copy_range(from: &File, range: Range, to: &PageFile) -> io::Result<()> {
    copy_by_reading(from, range, to)
}

/// `copy_range` through this process, also a step of `to` at a time.
fn copy_by_reading(mut from: &File, Range { at, mut len }: Range, to: &PageFile) -> io::Result<()> {
    from.seek(SeekFrom::Start(at))?;
    while len > 0 {
        let step = len.min(usize::try_from(to.step()).unwrap_or(usize::MAX));
        let copied = io::copy(&mut from.take(step as u64), &mut &*to)?;
        if copied < step as u64 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        len -= step;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A spool of the cards `cards`, added in that order, each as the
    /// indicator at its own index after its lead.
    fn spooled(cards: &[(usize, &str, &str)]) -> Spool {
        let spool = Spool::new(tempfile::tempfile().unwrap());
        for &(index, lead, card) in cards {
            spool.add(index, lead, card);
        }
        spool
    }

    fn contents(mut file: &File) -> String {
        let mut text = String::new();
        file.seek(SeekFrom::Start(0)).unwrap();
        file.read_to_string(&mut text).unwrap();
        text
    }

    #[test]
    fn cards_are_copied_in_the_page_order_in_runs_and_by_reading() {
        let spool = spooled(&[(2, "", "<c>"), (0, "", "<a>"), (1, "", "<b>"), (3, "", "<d>")]);
        let mut written = spool.finish().unwrap();
        let order: Vec<Placed> = [0, 1, 2, 3].iter().map(|&i| written.at(i).unwrap()).collect();
        assert_eq!(written.at(4), None);
        let file = tempfile::tempfile().unwrap();
        let page = PageFile::new(&file);
        let mut copier = spool.copier(&page);
        let mut text = "<h4>".to_string();
        // The file holds <c><a><b><d>: <a> and <b> are one run.
        let runs = [
            Range { at: 3, len: 3 },
            Range { at: 3, len: 6 },
            Range { at: 0, len: 3 },
            Range { at: 9, len: 3 },
        ];
        for (placed, run) in order.iter().zip(runs) {
            copier.card(&mut text, "", *placed).unwrap();
            assert_eq!(copier.run, Some(run));
        }
        copier.flush().unwrap();
        assert_eq!(contents(page.file), "<h4><a><b><c><d>");
        let read: Vec<u8> =
            order.iter().flat_map(|&p| spool.read(&mut written, p).unwrap().to_vec()).collect();
        assert_eq!(String::from_utf8(read).unwrap(), "<a><b><c><d>");
        let file = tempfile::tempfile().unwrap();
        let other = PageFile::new(&file);
        copy_by_reading(&spool.file, Range { at: 3, len: 6 }, &other).unwrap();
        assert_eq!(contents(other.file), "<a><b>");
        let beyond = Range { at: 9, len: 6 };
        assert!(copy_range(&spool.file, beyond, &other).is_err(), "a card past the end is an error");
    }

    #[test]
    fn a_long_run_is_copied_a_step_at_a_time_and_each_step_sent_on() {
        let spool = spooled(&[(0, "", "<a>"), (1, "", "<bb>"), (2, "", "<ccc>")]);
        let written = spool.finish().unwrap();
        assert_eq!(written.at(2), Some(Placed { at: 7, len: 5, lead: 0 }));
        // Inside the kernel where it can, and through this process.
        type Copy = fn(&File, Range, &PageFile) -> io::Result<()>;
        for copy in [copy_range as Copy, copy_by_reading] {
            let file = tempfile::tempfile().unwrap();
            (&file).write_all(b"<h2>").unwrap();
            let page = PageFile::every(&file, 5);
            copy(&spool.file, Range { at: 0, len: 12 }, &page).unwrap();
            // Copied in 5, 5 and 2 bytes; sent on at 9 and 14 bytes of the page.
            assert_eq!(page.sent(), 14);
            assert_eq!(contents(page.file), "<h2><a><bb><ccc>");
        }
    }

    #[test]
    fn a_lead_the_page_would_write_is_copied_with_its_card_and_any_other_text_is_written() {
        let cards =
            [(0, "<h4>A</h4>", "<a>"), (1, "", "<b>"), (2, "<h4>C</h4>", "<c>"), (3, "<h4>D</h4>", "<d>")];
        let spool = spooled(&cards);
        let written = spool.finish().unwrap();
        let file = tempfile::tempfile().unwrap();
        let page = PageFile::new(&file);
        let mut copier = spool.copier(&page);
        let mut text = String::new();
        for (index, lead, _) in cards {
            let placed = written.at(index).unwrap();
            assert_eq!(placed.lead, lead.len());
            // The page's text before each card: the first three as spooled,
            // the last one changed.
            text.push_str(if index == 3 { "<h4>E</h4>" } else { lead });
            copier.card(&mut text, lead, placed).unwrap();
            assert!(text.is_empty());
            if index == 2 {
                assert_eq!(copier.run, Some(Range { at: 0, len: 29 }), "one run through the leads");
            }
        }
        copier.flush().unwrap();
        assert_eq!(contents(page.file), "<h4>A</h4><a><b><h4>C</h4><c><h4>E</h4><d>");
        // With no text before it, a card is copied without its lead.
        let file = tempfile::tempfile().unwrap();
        let other = PageFile::new(&file);
        let mut copier = spool.copier(&other);
        copier.card(&mut String::new(), "<h4>C</h4>", written.at(2).unwrap()).unwrap();
        copier.flush().unwrap();
        assert_eq!(contents(other.file), "<c>");
    }

    #[test]
    fn leads_are_copied_with_their_cards_whatever_order_the_cards_were_written_in() {
        let cards = [(2, "<h4>C</h4>", "<c>"), (0, "<h4>A</h4>", "<a>"), (1, "", "<b>")];
        let spool = spooled(&cards);
        let written = spool.finish().unwrap();
        let file = tempfile::tempfile().unwrap();
        let page = PageFile::new(&file);
        let mut copier = spool.copier(&page);
        // The file holds <h4>C</h4><c><h4>A</h4><a><b>.
        let runs = [Range { at: 13, len: 13 }, Range { at: 13, len: 16 }, Range { at: 0, len: 13 }];
        for (index, run) in [0, 1, 2].into_iter().zip(runs) {
            let (_, lead, _) = cards.iter().find(|(i, _, _)| *i == index).unwrap();
            let mut text = lead.to_string();
            copier.card(&mut text, lead, written.at(index).unwrap()).unwrap();
            assert_eq!(copier.run, Some(run), "card {index}");
        }
        copier.flush().unwrap();
        assert_eq!(contents(page.file), "<h4>A</h4><a><b><h4>C</h4><c>");
    }
}
