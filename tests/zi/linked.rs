//! What the built `zi` loads at its start.

use std::path::Path;
use std::process::Command;

use crate::harness::ZI;

/// On Linux with glibc, where the C compiler has GCC's unwinder as an
/// archive, `build.rs` links it into zi, which then does not load
/// `libgcc_s.so.1` (whose start asks the processor which instructions it
/// has, costly in a virtual machine).
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn zi_links_the_unwinder_in_where_the_compiler_has_it() {
    let cc = std::env::var("CC").unwrap_or_else(|_| "cc".to_string());
    let found = Command::new(cc).arg("-print-file-name=libgcc_eh.a").output().unwrap();
    let archive = String::from_utf8_lossy(&found.stdout).trim().to_string();
    let linked = std::fs::read(ZI).unwrap();
    let loads_libgcc_s = linked.windows(11).any(|w| w == b"libgcc_s.so");
    assert_eq!(loads_libgcc_s, !Path::new(&archive).is_absolute(), "the archive: {archive:?}");
}
