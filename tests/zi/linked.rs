//! What the built `zi` loads at its start.

use crate::harness::ZI;

/// On Linux with glibc, where the linker's C compiler has GCC's unwinder
/// as an archive, `build.rs` links it into zi (and says so in
/// `ZI_LINKED_UNWINDER`), which then does not load `libgcc_s.so.1`, whose
/// start asks the processor which instructions it has, costly in a
/// virtual machine. Where it did not, zi loads it as before.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn zi_loads_libgcc_s_only_where_the_unwinder_is_not_linked_in() {
    let linked = std::fs::read(ZI).unwrap();
    let loads_libgcc_s = linked.windows(11).any(|w| w == b"libgcc_s.so");
    assert_eq!(loads_libgcc_s, option_env!("ZI_LINKED_UNWINDER").is_none());
    // Where `cc` has the archive (as on the machines the README names),
    // build.rs links it.
    let asked = std::process::Command::new("cc").arg("-print-file-name=libgcc_eh.a").output();
    let named = asked.map(|out| String::from_utf8_lossy(&out.stdout).trim().to_string()).unwrap_or_default();
    let has = std::path::Path::new(&named).is_file();
    if has && std::env::var_os("ZI_LIBGCC_S").is_none() && std::env::var_os("RUSTC_LINKER").is_none() {
        assert!(!loads_libgcc_s, "cc has {named}, yet zi loads libgcc_s");
    }
}

/// With the unwinder linked in, a panic still unwinds: this test binary
/// is linked as zi is, and zi's `main` turns a caught panic into status 101.
#[test]
fn a_panic_unwinds_to_where_it_is_caught() {
    let caught = std::panic::catch_unwind(|| {
        let held = String::from("dropped while unwinding");
        panic!("unwound past {held}");
    });
    let message = caught.unwrap_err().downcast::<String>().unwrap();
    assert_eq!(*message, "unwound past dropped while unwinding");
}

/// `main.rs` sets mimalloc's option 23, `mi_option_arena_reserve`, while
/// it has its default of 1 GiB (in KiB): a mimalloc whose option 23 were
/// another would fail here rather than be set wrong.
#[test]
fn option_23_of_mimalloc_is_the_arena_reservation_of_1_gib() {
    if std::env::var_os("MIMALLOC_ARENA_RESERVE").is_some() {
        return;
    }
    // SAFETY: reads an option.
    assert_eq!(unsafe { libmimalloc_sys::mi_option_get(23) }, 1024 * 1024);
}
