//! Links the unwinder into zi (GCC's `libgcc_eh.a`) on Linux with glibc,
//! where the linker's C compiler has it, so that zi does not load
//! `libgcc_s.so.1` at every start: its start asks the processor which
//! instructions it has (CPUID), which is costly in a virtual machine
//! (1.5 % of the shipped plan's `zi overdue`; `docs/performance.md`, round
//! 9). A static build (`crt-static`) links it so already; elsewhere, or
//! with `ZI_LIBGCC_S=1` set, nothing changes. `ZI_LINKED_UNWINDER` tells
//! the tests which it did.

use std::env;
use std::path::PathBuf;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    for var in ["ZI_LIBGCC_S", "RUSTC_LINKER", "CC"] {
        println!("cargo:rerun-if-env-changed={var}");
    }
    let var = |name: &str| env::var(name).unwrap_or_default();
    let glibc = var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu";
    let crt_static = var("CARGO_CFG_TARGET_FEATURE").split(',').any(|f| f == "crt-static");
    // The compiler asked runs on the host: only a native build asks it.
    if !glibc || crt_static || var("TARGET") != var("HOST") || !var("ZI_LIBGCC_S").is_empty() {
        return;
    }
    let Some(archive) = unwinder_archive() else { return };
    // Not bundled into the library: named to the linker where zi is
    // linked, before the standard library's `-lgcc_s`, which is then left
    // out as not needed; found in the folder the compiler named.
    println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    if let Some(folder) = archive.parent() {
        println!("cargo:rustc-link-search=native={}", folder.display());
    }
    println!("cargo:rustc-env=ZI_LINKED_UNWINDER=1");
}

/// `libgcc_eh.a` as the C compiler that links zi names it (`RUSTC_LINKER`,
/// else `CC`, else `cc`; a command with arguments, such as `ccache gcc`,
/// is run as one): `None` when it has none or cannot say.
fn unwinder_archive() -> Option<PathBuf> {
    let linker = env::var("RUSTC_LINKER").or_else(|_| env::var("CC")).unwrap_or_else(|_| "cc".to_string());
    let mut words = linker.split_whitespace();
    let found = Command::new(words.next()?).args(words).arg("-print-file-name=libgcc_eh.a").output().ok()?;
    let path = PathBuf::from(String::from_utf8(found.stdout).ok()?.trim());
    // A compiler without the archive prints its bare name back.
    (found.status.success() && path.is_absolute() && path.is_file()).then_some(path)
}
