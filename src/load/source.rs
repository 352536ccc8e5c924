//! Reading a plan file safely: whatever a file holds (nothing, a scanned PDF
//! renamed to `.toml`, tens of megabytes, invalid UTF-8), the result is its
//! text or a diagnostic, never a panic.

use std::io::Read;
use std::ops::Range;
use std::path::Path;

use toml_edit::{Document, Item, Table};

use crate::problem::{Diagnostic, Location};
use crate::text::{tr, Lang};

/// Plan files are a few hundred bytes; anything past this is not a plan file
/// and is reported instead of parsed, so one stray file cannot stall a hook.
pub const MAX_PLAN_FILE_BYTES: u64 = 1024 * 1024;

/// Room for a typical plan file, so that reading it takes one `read` call
/// (and one more to see the end).
const READ_CAPACITY: usize = 8 * 1024;

/// A TOML file's text and its path relative to the repository root.
pub struct Source {
    pub path: String,
    pub text: String,
}

impl Source {
    /// Reads `file`, reporting unreadable, oversized, binary and non-UTF-8
    /// files as diagnostics. Folders, devices and pipes are refused before
    /// they are opened, and no more than `MAX_PLAN_FILE_BYTES` (plus one) is
    /// ever read, so a link to `/dev/zero` or a file that grows while it is
    /// read cannot exhaust memory or block the run.
    pub fn read(file: &Path, path: String, lang: Lang) -> Result<Source, Diagnostic> {
        let unreadable = |e: std::io::Error| {
            Diagnostic::error(
                "unreadable",
                path.clone(),
                tr(lang, format!("cannot read file: {e}"), format!("berkas tidak dapat dibaca: {e}")),
            )
            .with_hint(tr(lang, "check the file's permissions", "periksa izin akses berkas"))
        };
        let meta = std::fs::metadata(file).map_err(unreadable)?;
        if meta.is_dir() {
            return Err(Diagnostic::error(
                "not-a-file",
                path.clone(),
                tr(lang, "is a folder, not a file", "berupa folder, bukan berkas"),
            )
            .with_hint(tr(
                lang,
                "replace it with a TOML text file, or move it out of the way",
                "ganti dengan berkas teks TOML, atau pindahkan",
            )));
        }
        if !meta.is_file() {
            // The same diagnostic as the folder listing gives, so the two merge.
            let mut d = crate::load::tree::not_a_file(path.clone(), lang);
            d.severity = crate::problem::Severity::Error;
            return Err(d);
        }
        let mut bytes = Vec::with_capacity(READ_CAPACITY);
        std::fs::File::open(file)
            .and_then(|f| f.take(MAX_PLAN_FILE_BYTES + 1).read_to_end(&mut bytes))
            .map_err(unreadable)?;
        let size = meta.len().max(bytes.len() as u64);
        if size > MAX_PLAN_FILE_BYTES {
            return Err(Diagnostic::error(
                "file-too-large",
                path,
                tr(
                    lang,
                    format!("file is {size} bytes; plan files are read up to {MAX_PLAN_FILE_BYTES} bytes"),
                    format!("berkas berukuran {size} bita; berkas rencana dibaca hingga {MAX_PLAN_FILE_BYTES} bita"),
                ),
            )
            .with_hint(tr(
                lang,
                "a plan file holds one indicator; move other data out of plan/",
                "satu berkas rencana berisi satu indikator; pindahkan data lain keluar dari plan/",
            )));
        }
        Source::from_bytes(bytes, path, lang)
    }

    /// The text of a file's `bytes`, reporting binary and non-UTF-8 content.
    pub fn from_bytes(bytes: Vec<u8>, path: String, lang: Lang) -> Result<Source, Diagnostic> {
        if let Some(nul) = bytes.iter().position(|&b| b == 0) {
            let before = String::from_utf8_lossy(&bytes[..nul]);
            return Err(Diagnostic::error(
                "binary-file",
                path,
                tr(
                    lang,
                    "file holds binary data, not TOML text",
                    "berkas berisi data biner, bukan teks TOML",
                ),
            )
            .at(Location::of_span(&before, before.len()..before.len()))
            .with_hint(tr(
                lang,
                "plan files are TOML text; scanned documents and other evidence belong under evidence/",
                "berkas rencana berupa teks TOML; dokumen pindaian dan bukti lain disimpan di evidence/",
            )));
        }
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Source { path, text }),
            Err(e) => {
                let valid = e.utf8_error().valid_up_to();
                let before = String::from_utf8_lossy(&e.as_bytes()[..valid]).into_owned();
                Err(Diagnostic::error(
                    "not-utf8",
                    path,
                    tr(lang, "file is not valid UTF-8 text", "berkas bukan teks UTF-8 yang sah"),
                )
                .at(Location::of_span(&before, valid..valid))
                .with_hint(tr(
                    lang,
                    "save the file as UTF-8",
                    "simpan berkas dengan pengodean UTF-8",
                )))
            }
        }
    }

    pub fn location(&self, span: Option<Range<usize>>) -> Location {
        Location::of_span(&self.text, span.unwrap_or(0..0))
    }

    pub fn error(&self, code: &'static str, span: Option<Range<usize>>, message: String) -> Diagnostic {
        Diagnostic::error(code, self.path.clone(), message).at(self.location(span))
    }

    pub fn warning(&self, code: &'static str, span: Option<Range<usize>>, message: String) -> Diagnostic {
        Diagnostic::warning(code, self.path.clone(), message).at(self.location(span))
    }

    /// Parses the text as a TOML document that keeps spans.
    pub fn parse(&self, lang: Lang) -> Result<Document<&str>, Diagnostic> {
        Document::parse(self.text.as_str()).map_err(|e| {
            let message = e.message().trim().to_string();
            self.error(
                "toml-syntax",
                e.span(),
                tr(lang, format!("invalid TOML: {message}"), format!("TOML tidak sah: {message}")),
            )
            .with_hint(tr(
                lang,
                "strings need double quotes and arrays square brackets: key = \"text\", list = [\"a\", \"b\"]",
                "teks perlu tanda kutip ganda dan daftar kurung siku: kunci = \"teks\", daftar = [\"a\", \"b\"]",
            ))
        })
    }
}

/// A TOML value's kind, named as a user reads it.
pub fn kind_name(item: &Item, lang: Lang) -> &'static str {
    use toml_edit::Value as V;
    let (en, id) = match item {
        Item::None => ("nothing", "kosong"),
        Item::Table(_) => ("a table", "tabel"),
        Item::ArrayOfTables(_) => ("an array of tables", "larik tabel"),
        Item::Value(v) => match v {
            V::String(_) => ("a string", "teks"),
            V::Integer(_) => ("an integer", "bilangan bulat"),
            V::Float(_) => ("a number", "bilangan"),
            V::Boolean(_) => ("a boolean", "boolean"),
            V::Datetime(_) => ("a date", "tanggal"),
            V::Array(_) => ("an array", "larik"),
            V::InlineTable(_) => ("a table", "tabel"),
        },
    };
    match lang {
        Lang::En => en,
        Lang::Id => id,
    }
}

/// Reports every key of `table` not in `known`, with a did-you-mean hint.
pub fn unknown_keys(source: &Source, table: &Table, known: &[&str], lang: Lang, out: &mut Vec<Diagnostic>) {
    for (key, _) in table.iter() {
        if known.contains(&key) {
            continue;
        }
        let span = table.key(key).and_then(|k| k.span());
        out.push(unknown_key(source, key, span, known, lang));
    }
}

pub fn unknown_key(
    source: &Source,
    key: &str,
    span: Option<Range<usize>>,
    known: &[&str],
    lang: Lang,
) -> Diagnostic {
    let limit = |k: &str| 2.max(k.len() / 3);
    let length = key.chars().count();
    let suggestion = known
        .iter()
        // Lengths further apart than the limit cannot be within it (and a
        // huge key would cost a huge distance table).
        .filter(|k| k.len().abs_diff(length) <= limit(k))
        .map(|k| (strsim::damerau_levenshtein(&key.to_lowercase(), k), k))
        .filter(|(d, k)| *d <= limit(k))
        .min()
        .map(|(_, k)| *k);
    let list = known.join(", ");
    let shown = crate::problem::clip(key, 40);
    let hint = match suggestion {
        Some(k) => tr(lang, format!("did you mean `{k}`?"), format!("maksud Anda `{k}`?")),
        None => tr(lang, format!("known keys: {list}"), format!("kunci yang dikenal: {list}")),
    };
    source
        .error(
            "unknown-key",
            span,
            tr(lang, format!("unknown key `{shown}`"), format!("kunci `{shown}` tidak dikenal")),
        )
        .with_hint(hint)
}

/// A value of the wrong type for `key`.
pub fn wrong_type(source: &Source, key: &str, item: &Item, expected: (&str, &str), lang: Lang) -> Diagnostic {
    let found = kind_name(item, lang);
    source
        .error(
            "wrong-type",
            item.span(),
            tr(
                lang,
                format!("`{key}` must be {}, found {found}", expected.0),
                format!("`{key}` harus berupa {}, ditemukan {found}", expected.1),
            ),
        )
        .with_hint(tr(
            lang,
            format!("write `{key}` as {}", expected.0),
            format!("tulis `{key}` sebagai {}", expected.1),
        ))
}

/// A required key that is absent, reported at the top of the file.
pub fn missing_key(source: &Source, key: &str, example: &str, lang: Lang) -> Diagnostic {
    source
        .error(
            "missing-key",
            None,
            tr(lang, format!("missing key `{key}`"), format!("kunci `{key}` tidak ada")),
        )
        .with_hint(tr(
            lang,
            format!("add a line such as: {example}"),
            format!("tambahkan baris seperti: {example}"),
        ))
}

/// A string value and where it is in the file.
pub type Spanned<'a> = (&'a str, Option<Range<usize>>);

/// The string at `key`: `Ok(None)` when absent, a diagnostic when not a string.
pub fn string_at<'a>(
    source: &Source,
    table: &'a Table,
    key: &str,
    lang: Lang,
) -> Result<Option<Spanned<'a>>, Diagnostic> {
    match table.get(key) {
        None => Ok(None),
        Some(item) => match item.as_str() {
            Some(s) => Ok(Some((s, item.span()))),
            None => Err(wrong_type(source, key, item, ("a string", "teks"), lang)),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(bytes: &[u8]) -> Result<Source, Diagnostic> {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("1-x.toml");
        std::fs::write(&file, bytes).unwrap();
        Source::read(&file, "plan/1-a/1-b/1-x.toml".into(), Lang::En)
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
        assert_eq!(d.code, "file-too-large");
        assert!(d.message.starts_with(&format!("file is {size} bytes")), "{}", d.message);
        assert!(read(&vec![b'a'; MAX_PLAN_FILE_BYTES as usize]).is_ok());
    }

    #[test]
    fn binary_and_non_utf8_files_are_diagnosed_where_they_go_wrong() {
        let d = read(b"indicator = \"x\"\n\0\0").err().unwrap();
        assert_eq!((d.code, d.location.as_ref().map(|l| l.line)), ("binary-file", Some(2)));
        let d = read(b"a = 1\nb = \"\xff\"\n").err().unwrap();
        assert_eq!((d.code, d.location.as_ref().map(|l| (l.line, l.column))), ("not-utf8", Some((2, 6))));
    }

    #[test]
    fn a_missing_file_is_unreadable_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        let d = Source::read(&dir.path().join("gone.toml"), "plan/gone.toml".into(), Lang::En).err().unwrap();
        assert_eq!(d.code, "unreadable");
        assert!(d.message.starts_with("cannot read file: "), "{}", d.message);
    }
}
