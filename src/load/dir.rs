//! Listing one folder at the cost `find` pays: one `open`, `getdents64`
//! until it says the end, one `close`. The type of each entry comes from
//! the directory entry itself (`d_type`); nothing is `stat`ed unless the
//! caller asks (`Dir::stat`, for a size, a link's target, or a file system
//! that does not fill `d_type`), and then relative to the open folder, so
//! the kernel does not walk the whole path again.
//!
//! `std::fs::read_dir` goes through glibc's `opendir`, which `fstat`s every
//! folder it opens (to size its buffer): at 10,000 indicators that was
//! 32,163 `newfstatat`, one per folder. Elsewhere than Linux the standard
//! library is used.

use std::ffi::{OsStr, OsString};
use std::io;
use std::path::Path;

/// What a directory entry says it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Type {
    Dir,
    File,
    Link,
    /// A device, a pipe or a socket.
    Other,
}

/// What a stat says of an entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Stat {
    pub(crate) kind: Type,
    pub(crate) len: u64,
}

/// An open folder and its entries (without `.` and `..`), in the order the
/// file system gives them.
pub(crate) struct Dir {
    imp: imp::Dir,
    pub(crate) entries: Vec<(OsString, io::Result<Type>)>,
    /// What went wrong after the folder was opened, if anything: the
    /// entries before it are kept.
    pub(crate) error: Option<io::Error>,
}

/// `OsString::into_string`, with ASCII names (nearly all) told by
/// `is_ascii`, which costs a fraction of a full UTF-8 check on a name this
/// short (`from_utf8` was 8 M instructions at 10,000 indicators).
pub(crate) fn into_utf8(name: OsString) -> Result<String, OsString> {
    if name.as_encoded_bytes().is_ascii() {
        // SAFETY: ASCII bytes are UTF-8.
        return Ok(unsafe { String::from_utf8_unchecked(name.into_encoded_bytes()) });
    }
    name.into_string()
}

/// `OsStr::to_str`, as `into_utf8` tells it.
pub(crate) fn as_utf8(name: &OsStr) -> Option<&str> {
    let bytes = name.as_encoded_bytes();
    if bytes.is_ascii() {
        // SAFETY: ASCII bytes are UTF-8.
        return Some(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    name.to_str()
}

impl Dir {
    /// Opens and reads the folder at `path`.
    pub(crate) fn read(path: &Path) -> io::Result<Dir> {
        let (imp, entries, error) = imp::read(None, path.as_os_str())?;
        Ok(Dir { imp, entries, error })
    }

    /// Opens and reads the folder `name` (one name or more, joined by `/`)
    /// inside this one, found from the open folder: the kernel looks up
    /// only `name`, not every folder of the path again.
    pub(crate) fn read_inside(&self, name: &OsStr) -> io::Result<Dir> {
        let (imp, entries, error) = imp::read(Some(&self.imp), name)?;
        Ok(Dir { imp, entries, error })
    }

    /// Opens the folder at `path` without listing it: to open or list
    /// what is inside it by name (`read_inside`, `open_file`).
    pub(crate) fn open(path: &Path) -> io::Result<Dir> {
        Ok(Dir { imp: imp::open(path.as_os_str())?, entries: Vec::new(), error: None })
    }

    /// Opens the file `name` inside this folder for reading, without
    /// blocking on a pipe (as `crate::load::source` reads plan files).
    pub(crate) fn open_file(&self, name: &OsStr) -> io::Result<std::fs::File> {
        self.imp.open_file(name)
    }

    /// The entry `name` of this folder, through a link when `follow`.
    pub(crate) fn stat(&self, name: &OsStr, follow: bool) -> io::Result<Stat> {
        self.imp.stat(name, follow)
    }
}

#[cfg(target_os = "linux")]
mod imp {
    use std::cell::RefCell;
    use std::ffi::{CString, OsStr, OsString};
    use std::io;
    use std::os::fd::{AsRawFd, FromRawFd, OwnedFd};
    use std::os::unix::ffi::{OsStrExt, OsStringExt};

    use crate::load::dir::{Stat, Type};

    /// Bytes asked of each `getdents64`: a few hundred entries.
    const BUFFER: usize = 32 * 1024;

    /// The folder, open; closed when dropped.
    pub(super) struct Dir {
        fd: OwnedFd,
    }

    type Entries = Vec<(OsString, io::Result<Type>)>;

    thread_local! {
        /// One buffer per thread, reused for every folder it lists
        /// (`u64`s, for the alignment of the records the kernel writes).
        static BUFFER_OF_THREAD: RefCell<Vec<u64>> = RefCell::new(vec![0; BUFFER / 8]);
    }

    /// The folder at `path`, relative to `parent` when there is one.
    pub(super) fn read(parent: Option<&Dir>, path: &OsStr) -> io::Result<(Dir, Entries, Option<io::Error>)> {
        let at = parent.map_or(libc::AT_FDCWD, |p| p.fd.as_raw_fd());
        let flags = libc::O_RDONLY | libc::O_DIRECTORY | libc::O_CLOEXEC | libc::O_NONBLOCK;
        // SAFETY: `path` is a NUL-terminated string that outlives the call,
        // and `at` is an open folder (kept open by `parent`) or AT_FDCWD.
        let fd = with_c_string(path, |path| unsafe { libc::openat(at, path, flags) })?;
        // SAFETY: `fd` was just opened and is owned by nothing else.
        let dir = Dir { fd: unsafe { OwnedFd::from_raw_fd(fd) } };
        let mut entries = Vec::new();
        let error = BUFFER_OF_THREAD.with(|buffer| {
            let mut buffer = buffer.borrow_mut();
            loop {
                // SAFETY: the kernel writes at most `BUFFER` bytes into the
                // buffer, which is that long and borrowed for the call.
                let read = unsafe {
                    libc::syscall(libc::SYS_getdents64, dir.fd.as_raw_fd(), buffer.as_mut_ptr(), BUFFER)
                };
                if read < 0 {
                    let e = io::Error::last_os_error();
                    if e.kind() == io::ErrorKind::Interrupted {
                        continue;
                    }
                    return Some(e);
                }
                if read == 0 {
                    return None;
                }
                let bytes = as_bytes(&buffer);
                records(&bytes[..read as usize], &dir, &mut entries);
            }
        });
        Ok((dir, entries, error))
    }

    /// The folder at `path`, opened only as a place to open things from.
    pub(super) fn open(path: &OsStr) -> io::Result<Dir> {
        let flags = libc::O_PATH | libc::O_DIRECTORY | libc::O_CLOEXEC;
        // SAFETY: `path` is a NUL-terminated string that outlives the call.
        let fd = with_c_string(path, |path| unsafe { libc::openat(libc::AT_FDCWD, path, flags) })?;
        // SAFETY: `fd` was just opened and is owned by nothing else.
        Ok(Dir { fd: unsafe { OwnedFd::from_raw_fd(fd) } })
    }

    fn as_bytes(words: &[u64]) -> &[u8] {
        // SAFETY: any `u64` is 8 initialised bytes; the slice covers
        // exactly the words' memory and borrows them.
        unsafe { std::slice::from_raw_parts(words.as_ptr().cast::<u8>(), words.len() * 8) }
    }

    /// The `linux_dirent64` records in `bytes`: `d_ino` (8 bytes), `d_off`
    /// (8), `d_reclen` (2), `d_type` (1), then the NUL-terminated name.
    fn records(bytes: &[u8], dir: &Dir, entries: &mut Entries) {
        // A record is 24 bytes at least: one allocation holds them all.
        entries.reserve(bytes.len() / 24);
        let mut at = 0;
        while at + 19 <= bytes.len() {
            let len = u16::from_ne_bytes([bytes[at + 16], bytes[at + 17]]) as usize;
            let Some(record) = bytes.get(at..at + len).filter(|_| len > 19) else { break };
            // The kernel pads a record with zeros to eight bytes past the
            // name's own: its end is in the record's last eight bytes.
            let tail = len.saturating_sub(8).max(19);
            let end = record[tail..].iter().position(|&b| b == 0).map_or(len, |nul| tail + nul);
            let name = &record[19..end];
            at += len;
            // An inode of 0 is an entry deleted in place, which glibc's
            // `readdir` (what `std::fs::read_dir` used) skips too.
            let deleted = record[..8] == [0; 8];
            if deleted || name == b"." || name == b".." {
                continue;
            }
            let kind = match record[18] {
                libc::DT_DIR => Ok(Type::Dir),
                libc::DT_REG => Ok(Type::File),
                libc::DT_LNK => Ok(Type::Link),
                libc::DT_UNKNOWN => dir.stat(OsStr::from_bytes(name), false).map(|s| s.kind),
                _ => Ok(Type::Other),
            };
            entries.push((OsString::from_vec(name.to_vec()), kind));
        }
    }

    impl Dir {
        pub(super) fn open_file(&self, name: &OsStr) -> io::Result<std::fs::File> {
            let flags = libc::O_RDONLY | libc::O_CLOEXEC | libc::O_NONBLOCK;
            // SAFETY: `name` is NUL-terminated and outlives the call; the
            // folder is open.
            let fd = with_c_string(name, |name| unsafe { libc::openat(self.fd.as_raw_fd(), name, flags) })?;
            // SAFETY: `fd` was just opened and is owned by nothing else.
            Ok(std::fs::File::from(unsafe { OwnedFd::from_raw_fd(fd) }))
        }

        pub(super) fn stat(&self, name: &OsStr, follow: bool) -> io::Result<Stat> {
            let flags = if follow { 0 } else { libc::AT_SYMLINK_NOFOLLOW };
            // SAFETY: `stat` is written whole by a successful call and read
            // only then; `name` is NUL-terminated and outlives the call.
            let mut stat: libc::stat = unsafe { std::mem::zeroed() };
            with_c_string(name, |name| unsafe {
                libc::fstatat(self.fd.as_raw_fd(), name, &mut stat, flags)
            })?;
            let kind = match stat.st_mode & libc::S_IFMT {
                libc::S_IFDIR => Type::Dir,
                libc::S_IFREG => Type::File,
                libc::S_IFLNK => Type::Link,
                _ => Type::Other,
            };
            Ok(Stat { kind, len: stat.st_size as u64 })
        }
    }

    /// Bytes of a name or path that `with_c_string` terminates on the stack.
    const ON_STACK: usize = 256;

    /// `call` with `text` as a NUL-terminated string: on the stack when it
    /// is short (a stat per evidence file would otherwise allocate one).
    fn with_c_string(
        text: &OsStr,
        call: impl FnOnce(*const libc::c_char) -> libc::c_int,
    ) -> io::Result<libc::c_int> {
        // The error number is read before a path made on the heap is
        // freed: freeing it may make a system call of its own.
        let checked = |done: libc::c_int| if done < 0 { Err(io::Error::last_os_error()) } else { Ok(done) };
        let bytes = text.as_bytes();
        let refused = || io::Error::from(io::ErrorKind::InvalidInput);
        if bytes.len() < ON_STACK {
            if bytes.contains(&0) {
                return Err(refused());
            }
            let mut buffer = [0u8; ON_STACK];
            buffer[..bytes.len()].copy_from_slice(bytes);
            // The name, then at least one of the buffer's zeros.
            return checked(call(buffer.as_ptr().cast()));
        }
        let c = CString::new(bytes).map_err(|_| refused())?;
        checked(call(c.as_ptr()))
    }
}

#[cfg(not(target_os = "linux"))]
mod imp {
    use std::ffi::{OsStr, OsString};
    use std::io;
    use std::path::{Path, PathBuf};

    use crate::load::dir::{Stat, Type};

    pub(super) struct Dir {
        path: PathBuf,
    }

    type Entries = Vec<(OsString, io::Result<Type>)>;

    pub(super) fn read(parent: Option<&Dir>, path: &OsStr) -> io::Result<(Dir, Entries, Option<io::Error>)> {
        let path = match parent {
            Some(parent) => parent.path.join(path),
            None => PathBuf::from(path),
        };
        let path = path.as_path();
        let mut entries = Vec::new();
        let mut error = None;
        for item in std::fs::read_dir(path)? {
            match item {
                Ok(item) => entries.push((item.file_name(), item.file_type().map(kind_of))),
                Err(e) => error = Some(e),
            }
        }
        Ok((Dir { path: path.to_path_buf() }, entries, error))
    }

    pub(super) fn open(path: &OsStr) -> io::Result<Dir> {
        let path = PathBuf::from(path);
        if !path.is_dir() {
            std::fs::read_dir(&path)?;
        }
        Ok(Dir { path })
    }

    fn kind_of(t: std::fs::FileType) -> Type {
        if t.is_symlink() {
            Type::Link
        } else if t.is_dir() {
            Type::Dir
        } else if t.is_file() {
            Type::File
        } else {
            Type::Other
        }
    }

    impl Dir {
        pub(super) fn open_file(&self, name: &OsStr) -> io::Result<std::fs::File> {
            std::fs::File::open(self.path.join(name))
        }

        pub(super) fn stat(&self, name: &OsStr, follow: bool) -> io::Result<Stat> {
            let path = self.path.join(name);
            let meta = if follow { std::fs::metadata(path) } else { std::fs::symlink_metadata(path) }?;
            Ok(Stat { kind: kind_of(meta.file_type()), len: meta.len() })
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(unix)]
    #[test]
    fn names_are_text_as_std_says_whether_ascii_or_not() {
        use std::os::unix::ffi::OsStringExt;
        for name in [&b"rekap_juni.pdf"[..], "Surat Keputusan é.pdf".as_bytes(), b"bad\xff.pdf", b""] {
            let os = OsString::from_vec(name.to_vec());
            assert_eq!(as_utf8(&os), os.to_str());
            assert_eq!(into_utf8(os.clone()), os.into_string());
        }
    }

    fn sorted(dir: &Dir) -> Vec<(String, Type)> {
        let mut found: Vec<(String, Type)> = dir
            .entries
            .iter()
            .map(|(name, kind)| (name.to_string_lossy().into_owned(), *kind.as_ref().unwrap()))
            .collect();
        found.sort_by(|a, b| a.0.cmp(&b.0));
        found
    }

    #[test]
    fn entries_come_with_their_type_and_without_dot_entries() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("folder")).unwrap();
        std::fs::write(dir.path().join("file.pdf"), "%PDF").unwrap();
        #[cfg(unix)]
        std::os::unix::fs::symlink("file.pdf", dir.path().join("link.pdf")).unwrap();
        let read = Dir::read(dir.path()).unwrap();
        assert!(read.error.is_none());
        let mut expected = vec![("file.pdf".to_string(), Type::File), ("folder".to_string(), Type::Dir)];
        if cfg!(unix) {
            expected.push(("link.pdf".to_string(), Type::Link));
        }
        assert_eq!(sorted(&read), expected);
        let link = read.stat(OsStr::new("link.pdf"), true).unwrap();
        assert_eq!((link.kind, link.len), (Type::File, 4));
        assert_eq!(read.stat(OsStr::new("link.pdf"), false).unwrap().kind, Type::Link);
        assert_eq!(read.stat(OsStr::new("gone"), false).unwrap_err().kind(), io::ErrorKind::NotFound);
    }

    #[test]
    fn a_large_folder_is_read_whole_over_several_calls() {
        let dir = tempfile::tempdir().unwrap();
        // Names of 200 bytes: about 150 records fill one call's buffer.
        let names: Vec<String> = (0..1000).map(|i| format!("{i:04}-{}", "x".repeat(195))).collect();
        for name in &names {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let read = Dir::read(dir.path()).unwrap();
        let found: Vec<String> = sorted(&read).into_iter().map(|(name, _)| name).collect();
        assert_eq!(found, names);
    }

    #[test]
    fn a_file_or_a_missing_folder_cannot_be_listed() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("file"), "x").unwrap();
        let as_std = std::fs::read_dir(dir.path().join("file")).unwrap_err().to_string();
        assert_eq!(Dir::read(&dir.path().join("file")).err().unwrap().to_string(), as_std);
        let as_std = std::fs::read_dir(dir.path().join("gone")).unwrap_err().to_string();
        assert_eq!(Dir::read(&dir.path().join("gone")).err().unwrap().to_string(), as_std);
        let root = Dir::read(dir.path()).unwrap();
        assert_eq!(root.read_inside(OsStr::new("gone")).err().unwrap().to_string(), as_std);
    }

    #[test]
    fn a_folder_opened_without_listing_opens_its_files_and_folders_by_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("a/x.toml"), "x = 1").unwrap();
        let a = Dir::open(&dir.path().join("a")).unwrap();
        assert!(a.entries.is_empty());
        let mut text = String::new();
        std::io::Read::read_to_string(&mut a.open_file(OsStr::new("x.toml")).unwrap(), &mut text).unwrap();
        assert_eq!(text, "x = 1");
        assert_eq!(a.read_inside(OsStr::new("b")).unwrap().entries.len(), 0);
        let gone = std::fs::File::open(dir.path().join("a/gone")).unwrap_err().to_string();
        assert_eq!(a.open_file(OsStr::new("gone")).unwrap_err().to_string(), gone);
        assert!(Dir::open(&dir.path().join("a/x.toml")).is_err());
    }

    #[test]
    fn a_folder_inside_an_open_one_is_read_by_its_name() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("a/b")).unwrap();
        std::fs::write(dir.path().join("a/b/x.pdf"), "%PDF").unwrap();
        let root = Dir::read(dir.path()).unwrap();
        let b = root.read_inside(OsStr::new("a/b")).unwrap();
        assert_eq!(sorted(&b), [("x.pdf".to_string(), Type::File)]);
        let a = root.read_inside(OsStr::new("a")).unwrap();
        assert_eq!(sorted(&a.read_inside(OsStr::new("b")).unwrap()), sorted(&b));
    }
}
