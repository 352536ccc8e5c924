//! Git LFS pointer files: what a clone holds in place of a scan whose
//! content was not pulled (`GIT_LFS_SKIP_SMUDGE=1`, `lfs.fetchexclude`, a
//! CI checkout without `lfs: true`). Such a file stands for the document,
//! so it counts like one; this says which files are pointers.
//!
//! The format (git-lfs `docs/spec.md`): at most 1024 bytes of
//! `key value\n` lines, `version https://git-lfs.github.com/spec/v1`
//! first, then the other keys in sorted order, `oid sha256:<64 hex>` and
//! `size <bytes>` among them.

use std::io::Read;
use std::path::Path;

/// A pointer is smaller than this, by the spec.
const MAX_POINTER: u64 = 1024;

const VERSION_LINE: &[u8] = b"version https://git-lfs.github.com/spec/v1\n";

/// The shortest pointer: the version line, `oid sha256:` with 64 hex digits
/// and a newline, and `size 0` with its newline. Smaller files are never
/// read.
const MIN_POINTER: u64 = (VERSION_LINE.len() + "oid sha256:".len() + 64 + 1 + "size 0\n".len()) as u64;

/// Whether a file of `size` bytes can be a pointer at all.
pub(crate) fn may_be_pointer(size: u64) -> bool {
    (MIN_POINTER..MAX_POINTER).contains(&size)
}

/// Whether the file at `path`, of `size` bytes (from the stat the caller
/// already made), is an LFS pointer. Only files of a pointer's size are
/// opened, and only their first bytes read; a file that cannot be read is
/// not a pointer (it counts, or fails, as any other file would).
pub(crate) fn is_pointer(path: &Path, size: u64) -> bool {
    if !may_be_pointer(size) {
        return false;
    }
    let mut head = [0u8; MAX_POINTER as usize];
    let Ok(mut file) = std::fs::File::open(path) else {
        return false;
    };
    let mut len = 0;
    while len < head.len() {
        match file.read(&mut head[len..]) {
            Ok(0) => break,
            Ok(n) => len += n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => {}
            Err(_) => return false,
        }
    }
    is_pointer_text(&head[..len])
}

/// Whether `bytes` are a whole LFS pointer file.
fn is_pointer_text(bytes: &[u8]) -> bool {
    let Some(rest) = bytes.strip_prefix(VERSION_LINE) else {
        return false;
    };
    let Ok(rest) = std::str::from_utf8(rest) else {
        return false;
    };
    let Some(lines) = rest.strip_suffix('\n') else {
        return false;
    };
    let (mut oid, mut size) = (false, false);
    let mut previous = "";
    for line in lines.split('\n') {
        // Keys after `version` come in sorted order, each once.
        let Some((key, value)) = line.split_once(' ').filter(|(key, _)| *key > previous) else {
            return false;
        };
        previous = key;
        match key {
            "oid" => {
                oid = value.strip_prefix("sha256:").is_some_and(|h| {
                    h.len() == 64 && h.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
                });
            }
            "size" => size = !value.is_empty() && value.bytes().all(|b| b.is_ascii_digit()),
            _ if !key.is_empty()
                && key.bytes().all(|b| matches!(b, b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-')) => {}
            _ => return false,
        }
    }
    oid && size
}

#[cfg(test)]
mod tests {
    use super::*;

    const OID: &str = "4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393";

    fn pointer(size: &str) -> String {
        format!("version https://git-lfs.github.com/spec/v1\noid sha256:{OID}\nsize {size}\n")
    }

    #[test]
    fn a_pointer_as_git_lfs_writes_it_is_one() {
        assert!(is_pointer_text(pointer("12345").as_bytes()));
        let with_extension = format!(
            "version https://git-lfs.github.com/spec/v1\next-0-foo sha256:{OID}\noid sha256:{OID}\nsize 7\n"
        );
        assert!(is_pointer_text(with_extension.as_bytes()));
    }

    #[test]
    fn text_that_only_starts_like_a_pointer_is_not_one() {
        let good = pointer("12345");
        for bad in [
            good.replace("sha256:", "sha1:"),
            good.replace(OID, &OID[1..]),
            good.replace(OID, &OID.to_uppercase()),
            good.replace("size 12345", "size 12a"),
            good.replace("size 12345\n", ""),
            good.replace(&format!("oid sha256:{OID}\n"), ""),
            good.trim_end().to_string(),
            good.replace("spec/v1", "spec/v2"),
            format!("{good}free text here\n"),
            format!("version https://git-lfs.github.com/spec/v1\nsize 1\noid sha256:{OID}\n"),
            format!("\n{good}"),
            good.replace('\n', "\r\n"),
        ] {
            assert!(!is_pointer_text(bad.as_bytes()), "{bad:?}");
        }
    }

    #[test]
    fn only_files_of_a_pointers_size_are_read() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("scan.pdf");
        let text = pointer("12345");
        std::fs::write(&file, &text).unwrap();
        assert_eq!(text.len() as u64, MIN_POINTER + 4, "the shortest pointer is counted right");
        assert!(is_pointer(&file, text.len() as u64));
        // The size given is the stat's: a size out of range is never opened.
        assert!(!is_pointer(&file, MIN_POINTER - 1));
        assert!(!is_pointer(&file, MAX_POINTER));
        assert!(!is_pointer(&dir.path().join("missing.pdf"), text.len() as u64));
    }
}
