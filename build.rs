//! Links the unwinder into zi (GCC's `libgcc_eh.a`) on Linux with glibc,
//! where the C compiler has it, so that zi does not load `libgcc_s.so.1`
//! at every start: its start asks the processor which instructions it has
//! (CPUID), which is costly in a virtual machine (1.3 % of the shipped
//! plan's `zi overdue`; `docs/performance.md`, round 9). A static build
//! (`crt-static`) links it so already; elsewhere nothing changes.

use std::env;
use std::path::Path;
use std::process::Command;

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-env-changed=CC");
    let var = |name: &str| env::var(name).unwrap_or_default();
    let glibc = var("CARGO_CFG_TARGET_OS") == "linux" && var("CARGO_CFG_TARGET_ENV") == "gnu";
    let crt_static = var("CARGO_CFG_TARGET_FEATURE").split(',').any(|f| f == "crt-static");
    // The C compiler asked is the host's: only a native build asks it.
    if !glibc || crt_static || var("TARGET") != var("HOST") {
        return;
    }
    let cc = env::var("CC").unwrap_or_else(|_| "cc".to_string());
    // The archive's full path when the compiler has it, else its bare name.
    let found = Command::new(cc).arg("-print-file-name=libgcc_eh.a").output();
    let path = found.ok().filter(|out| out.status.success()).map(|out| out.stdout);
    let path = path.as_deref().map(|p| String::from_utf8_lossy(p).trim().to_string()).unwrap_or_default();
    if Path::new(&path).is_absolute() && Path::new(&path).is_file() {
        // Not bundled into the library: named to the linker where zi is
        // linked, before the standard library's `-lgcc_s`, which is then
        // left out as not needed.
        println!("cargo:rustc-link-lib=static:-bundle=gcc_eh");
    }
}
