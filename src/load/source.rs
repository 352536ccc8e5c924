//! Reading a plan file safely: whatever a file holds (nothing, a scanned PDF
//! renamed to `.toml`, tens of megabytes, invalid UTF-8), the result is its
//! text or a problem, never a panic.

use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::ops::Range;
use std::path::Path;

use toml_edit::Document;

use crate::load::toml_tree::{self, Node, Span, Table};

use crate::problem::{At, Excerpts, Expected, Kind, Problem, Severity};

/// Plan files are a few hundred bytes; anything past this is not a plan file
/// and is reported instead of parsed, so one stray file cannot stall a hook.
pub(crate) const MAX_PLAN_FILE_BYTES: u64 = 1024 * 1024;

/// Room for a typical plan file, so that reading it takes one `read` call
/// (and one more to see the end).
const READ_CAPACITY: usize = 8 * 1024;

/// A TOML file's text and its path relative to the repository root.
pub(crate) struct Source {
    pub(crate) path: String,
    pub(crate) text: String,
}

impl Source {
    /// Reads `file`, reporting unreadable, oversized, binary and non-UTF-8
    /// files as problems. Folders, devices and pipes are refused before
    /// they are opened, and no more than `MAX_PLAN_FILE_BYTES` (plus one) is
    /// ever read, so a link to `/dev/zero` or a file that grows while it is
    /// read cannot exhaust memory or block the run.
    pub(crate) fn read(file: &Path, path: String) -> Result<Source, Problem> {
        Source::of_read(read_capped(file, Seen::Unknown), path)
    }

    /// `read`, of a file that a folder listing has just found to be a
    /// regular file (or a link to one): it is opened without a stat first.
    pub(crate) fn read_listed(file: &Path, path: String) -> Result<Source, Problem> {
        Source::of_read(read_capped(file, Seen::Regular), path)
    }

    /// `read_listed`, of a file already opened (by its name inside its
    /// open folder: `crate::load::near`).
    pub(crate) fn read_opened(file: std::io::Result<std::fs::File>, path: String) -> Result<Source, Problem> {
        Source::of_read(file.map_err(Refused::Io).and_then(read_open), path)
    }

    fn of_read(read: Result<(Vec<u8>, u64), Refused>, path: String) -> Result<Source, Problem> {
        let (bytes, size) = match read {
            Ok(read) => read,
            Err(Refused::Folder) => {
                return Err(Problem::new(Kind::FolderNotFile, path).with_severity(Severity::Error))
            }
            // The same problem as the folder listing gives, so the two merge.
            Err(Refused::Special) => {
                return Err(Problem::new(Kind::SpecialFile, path).with_severity(Severity::Error))
            }
            Err(Refused::Io(e)) => {
                return Err(Problem::new(Kind::UnreadableFile { error: e.to_string() }, path))
            }
        };
        if size > MAX_PLAN_FILE_BYTES {
            return Err(Problem::new(Kind::FileTooLarge { size, limit: MAX_PLAN_FILE_BYTES }, path));
        }
        Source::from_bytes(bytes, path)
    }

    /// The text of a file's `bytes`, reporting binary and non-UTF-8 content
    /// at the first byte that is not text.
    pub(crate) fn from_bytes(bytes: Vec<u8>, path: String) -> Result<Source, Problem> {
        match leading_text(bytes) {
            (text, None) => Ok(Source { path, text }),
            (before, Some(kind)) => {
                Err(Problem::new(kind, path).at(At::of_span(&before, before.len()..before.len())))
            }
        }
    }

    pub(crate) fn at(&self, span: Option<Range<usize>>) -> At {
        At::of_span(&self.text, span.unwrap_or(0..0))
    }

    /// A problem at `span` of this file.
    pub(crate) fn problem(&self, kind: Kind, span: Option<Range<usize>>) -> Problem {
        Problem::new(kind, self.path.clone()).at(self.at(span))
    }

    /// Parses the text as a TOML tree that keeps spans: by the fast path
    /// when the file has the usual shape, by `toml_edit` otherwise (and for
    /// every error, so problems do not depend on which path read a file).
    pub(crate) fn parse(&self) -> Result<Table<'_>, Problem> {
        if let Some(table) = toml_tree::parse_fast(&self.text) {
            // Every debug run (the tests, the generator's, the fuzzers) holds
            // the fast path to what `toml_edit` reads.
            #[cfg(debug_assertions)]
            toml_tree::assert_same_as_toml_edit(&self.text, &table);
            return Ok(table);
        }
        self.parse_document().map(|doc| toml_tree::from_document(&doc))
    }

    /// Parses the text with `toml_edit`, for the readers that need its tree.
    pub(crate) fn parse_document(&self) -> Result<Document<&str>, Problem> {
        Document::parse(self.text.as_str()).map_err(|e| self.problem(self.syntax(&e), e.span()))
    }

    /// A TOML syntax error named for what it is: a key set twice (with the
    /// line that set it first), nesting past the parser's limit, or the
    /// parser's own words.
    fn syntax(&self, e: &toml_edit::TomlError) -> Kind {
        let message = e.message().trim();
        if message.starts_with("duplicate key") {
            if let Some(span) = e.span() {
                let key =
                    self.text.get(span.clone()).unwrap_or("").trim().trim_matches(['"', '\'']).to_string();
                let first = self.text[..span.start]
                    .lines()
                    .enumerate()
                    .filter(|(_, line)| {
                        let line = line.trim_start().trim_start_matches(['"', '\'']);
                        line.strip_prefix(key.as_str()).is_some_and(|rest| {
                            rest.trim_start_matches(['"', '\'']).trim_start().starts_with(['=', '.'])
                        })
                    })
                    .last()
                    .map(|(i, _)| i as u32 + 1);
                if !key.is_empty() {
                    return Kind::DuplicateKey { key: crate::model::quote::clip(&key, 40), first };
                }
            }
        }
        if message.contains("recurs") {
            return Kind::NestingTooDeep;
        }
        Kind::TomlSyntax { message: message.to_string() }
    }
}

/// Reports every key of `table` not in `known`, with a did-you-mean.
pub(crate) fn unknown_keys(
    source: &Source,
    table: &Table,
    known: &'static [&'static str],
    out: &mut Vec<Problem>,
) {
    for entry in &table.entries {
        if !known.contains(&entry.key.as_ref()) {
            out.push(unknown_key(source, &entry.key, entry.key_span.clone(), known));
        }
    }
}

/// Keys written the way RKT tables title their columns, and the key zi
/// reads for each.
const RKT_COLUMNS: &[(&str, &str)] = &[
    ("indikator", "indicator"),
    ("langkah_aksi", "actions"),
    ("rencana_aksi", "actions"),
    ("kegiatan", "actions"),
    ("aksi", "actions"),
    ("bukti_fisik", "evidence"),
    ("data_dukung", "evidence"),
    ("output", "evidence"),
    ("bukti", "evidence"),
    ("target_waktu", "due"),
    ("waktu_pelaksanaan", "due"),
    ("jadwal", "due"),
    ("target", "due"),
    ("tenggat", "due"),
    ("penanggung_jawab", "pic"),
    ("pj", "pic"),
    ("nama", "name"),
    ("unit_kerja", "unit"),
    ("satker", "unit"),
    ("tahun", "year"),
    ("judul", "title"),
    ("bahasa", "lang"),
];

pub(crate) fn unknown_key(source: &Source, key: &str, span: Span, known: &'static [&'static str]) -> Problem {
    let limit = |k: &str| 2.max(k.len() / 3);
    let length = key.chars().count();
    let lower = key.to_lowercase().replace([' ', '-'], "_");
    let column =
        RKT_COLUMNS.iter().find(|(title, _)| *title == lower).map(|(_, k)| *k).filter(|k| known.contains(k));
    let suggestion = column.or_else(|| {
        known
            .iter()
            // Lengths further apart than the limit cannot be within it (and a
            // huge key would cost a huge distance table).
            .filter(|k| k.len().abs_diff(length) <= limit(k))
            .map(|k| (strsim::damerau_levenshtein(&key.to_lowercase(), k), k))
            .filter(|(d, k)| *d <= limit(k))
            .min()
            .map(|(_, k)| *k)
    });
    source.problem(Kind::UnknownKey { key: key.into(), suggestion, known }, span)
}

/// A value of the wrong type for `key`.
pub(crate) fn wrong_type(source: &Source, key: &str, node: &Node, expected: Expected) -> Problem {
    source.problem(Kind::WrongType { key: key.to_string(), expected, found: node.kind() }, node.span())
}

/// A required key that is absent, reported at the top of the file.
pub(crate) fn missing_key(source: &Source, key: &'static str, example: &'static str) -> Problem {
    source.problem(Kind::MissingKey { key, example }, None)
}

/// A string value and where it is in the file.
pub(crate) type Spanned<'a> = (&'a str, Option<Range<usize>>);

/// The string at `key`: `Ok(None)` when absent, a problem when not a string.
pub(crate) fn string_at<'a>(
    source: &Source,
    table: &'a Table,
    key: &str,
) -> Result<Option<Spanned<'a>>, Problem> {
    match table.get(key) {
        None => Ok(None),
        Some(node) => match node.as_str() {
            Some(s) => Ok(Some((s, node.span()))),
            None => Err(wrong_type(source, key, node, Expected::String)),
        },
    }
}

/// The lines that `problems` point into, read again for quoting (a problem
/// keeps only its line and column), up to the first byte that is not text,
/// as far as a problem about such a byte can point. `known` gives texts
/// already read (`zi.toml`'s, which is read once), by path.
pub(crate) fn excerpts<'a>(
    root: &Path,
    problems: impl IntoIterator<Item = &'a Problem>,
    known: &[(&str, &str)],
) -> Excerpts {
    let mut wanted: BTreeMap<&str, BTreeSet<u32>> = BTreeMap::new();
    for problem in problems {
        if let Some(at) = problem.at {
            wanted.entry(problem.path.as_str()).or_default().insert(at.line);
        }
    }
    let mut excerpts = Excerpts::default();
    for (path, lines) in wanted {
        if let Some((_, text)) = known.iter().find(|(p, _)| *p == path) {
            excerpts.keep(path, text, &lines);
            continue;
        }
        let Ok((bytes, _)) = read_capped(&root.join(path), Seen::Unknown) else { continue };
        excerpts.keep(path, &leading_text(bytes).0, &lines);
    }
    excerpts
}

/// Why a file was not read.
enum Refused {
    Folder,
    /// A device, pipe or socket: never opened, so it cannot block the run.
    Special,
    Io(std::io::Error),
}

/// What is known of a file before it is read.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seen {
    /// Nothing: it is stat'ed first, so that a folder, device or pipe is
    /// refused without being opened.
    Unknown,
    /// A folder listing found a regular file there (through a link, maybe).
    Regular,
}

/// At most `MAX_PLAN_FILE_BYTES` + 1 bytes of the regular file `file`, and
/// its size (the larger of what the file system says and what was read, so
/// a file that grows while it is read is still seen as too large).
///
/// A file `Seen::Regular` is opened and read with no stat at all: open,
/// read until the end, close. It is opened without blocking all the same,
/// in case it was replaced by a pipe since it was listed, and asked what it
/// is (`fstat` on the open file) only when the read fails, reads nothing
/// (a pipe with no writer reads as empty; a real plan file never is) or
/// passes the limit (the size is then part of the problem).
fn read_capped(file: &Path, seen: Seen) -> Result<(Vec<u8>, u64), Refused> {
    if seen == Seen::Unknown {
        refuse_odd(&std::fs::metadata(file).map_err(Refused::Io)?)?;
    }
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::custom_flags(&mut options, libc::O_NONBLOCK);
    read_open(options.open(file).map_err(Refused::Io)?)
}

/// `read_capped`, of a file opened without blocking on a pipe, known to be
/// a regular file or a link to one when it was listed.
fn read_open(file: std::fs::File) -> Result<(Vec<u8>, u64), Refused> {
    let mut bytes = Vec::with_capacity(READ_CAPACITY);
    let read = (&file).take(MAX_PLAN_FILE_BYTES + 1).read_to_end(&mut bytes);
    if read.is_err() || bytes.is_empty() || bytes.len() as u64 > MAX_PLAN_FILE_BYTES {
        let meta = file.metadata().map_err(Refused::Io)?;
        refuse_odd(&meta)?;
        read.map_err(Refused::Io)?;
        let size = meta.len().max(bytes.len() as u64);
        return Ok((bytes, size));
    }
    let size = bytes.len() as u64;
    Ok((bytes, size))
}

/// A folder, device or pipe refused by what a stat said of it.
fn refuse_odd(meta: &std::fs::Metadata) -> Result<(), Refused> {
    if meta.is_dir() {
        return Err(Refused::Folder);
    }
    if !meta.is_file() {
        return Err(Refused::Special);
    }
    Ok(())
}

/// Where the first NUL of `bytes` is. It reads every byte of every plan
/// file, so with vector instructions (`contains` went a word at a time, 6 M
/// instructions at 10,000 indicators): SSE2's, which every x86-64 has, so
/// that no run asks the processor which others it has (the first call of
/// `memchr::memchr` does, costly in a virtual machine: 0.8 % of the
/// shipped plan's `zi overdue`).
fn find_nul(bytes: &[u8]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    if let Some(nul) = memchr::arch::x86_64::sse2::memchr::One::new(0) {
        return nul.find(bytes);
    }
    memchr::memchr(0, bytes)
}

/// `bytes` as text: all of it, or what comes before the first byte that is
/// not text, with what that byte makes the file (`binary-file` for a NUL,
/// `not-utf8` otherwise). Problems point at the end of the text before it,
/// and quotes of the file are cut there too, so the two agree.
fn leading_text(bytes: Vec<u8>) -> (String, Option<Kind>) {
    if let Some(nul) = find_nul(&bytes) {
        return (String::from_utf8_lossy(&bytes[..nul]).into_owned(), Some(Kind::BinaryFile));
    }
    match String::from_utf8(bytes) {
        Ok(text) => (text, None),
        Err(e) => {
            let valid = e.utf8_error().valid_up_to();
            (String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned(), Some(Kind::NotUtf8))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Source, Problem> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("1-x.toml");
        std::fs::write(&file, bytes).unwrap();
        Source::read(&file, "plan/1-a/1-b/1-x.toml".into())
    }

    #[test]
    fn a_plan_file_is_read_whole() {
        let text = format!("indicator = \"{}\"\n", "x".repeat(20_000));
        let source = read(text.as_bytes()).unwrap();
        assert_eq!(source.text, text);
        assert_eq!(source.path, "plan/1-a/1-b/1-x.toml");
    }

    #[test]
    fn a_file_past_the_limit_is_refused_with_its_size() {
        let size = MAX_PLAN_FILE_BYTES as usize + 10;
        let d = read(&vec![b'a'; size]).err().unwrap();
        assert_eq!(d.kind, Kind::FileTooLarge { size: size as u64, limit: MAX_PLAN_FILE_BYTES });
        assert!(read(&vec![b'a'; MAX_PLAN_FILE_BYTES as usize]).is_ok());
    }

    #[test]
    fn binary_and_non_utf8_files_are_diagnosed_where_they_go_wrong() {
        let d = read(b"indicator = \"x\"\n\0\0").err().unwrap();
        assert_eq!((d.kind, d.at.map(|at| at.line)), (Kind::BinaryFile, Some(2)));
        let d = read(b"a = 1\nb = \"\xff\"\n").err().unwrap();
        assert_eq!((d.kind, d.at.map(|at| (at.line, at.column))), (Kind::NotUtf8, Some((2, 6))));
    }

    #[test]
    #[cfg(unix)]
    fn a_listed_file_swapped_for_a_pipe_is_refused_not_read_as_empty() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("1-x.toml");
        let c_path = std::ffi::CString::new(file.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: `c_path` is a NUL-terminated path that outlives the call.
        assert_eq!(unsafe { libc::mkfifo(c_path.as_ptr(), 0o600) }, 0);
        let d = Source::read_listed(&file, "plan/1-a/1-b/1-x.toml".into()).err().unwrap();
        assert_eq!(d.kind, Kind::SpecialFile);
        std::fs::remove_file(&file).unwrap();
        std::fs::write(&file, b"").unwrap();
        let empty = Source::read_listed(&file, "plan/1-a/1-b/1-x.toml".into()).unwrap();
        assert_eq!(empty.text, "");
    }

    #[test]
    fn a_missing_file_is_unreadable_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let d = Source::read(&dir.path().join("gone.toml"), "plan/gone.toml".into()).err().unwrap();
        assert!(matches!(d.kind, Kind::UnreadableFile { .. }), "{d:?}");
    }
}
