use std::io::IsTerminal;
use std::process::ExitCode;

use anstream::ColorChoice;

/// mimalloc instead of the system allocator: a run allocates and frees a
/// few small strings per plan file and evidence file, and glibc's malloc
/// and free took about a fifth of all instructions. Built without
/// transparent huge pages (`no_thp`), which would double a small run's
/// resident memory. See docs/performance.md, "The allocator".
///
/// `mimalloc::MiMalloc` asks for every block through mimalloc's aligned
/// entry points, which cost about a sixth more instructions than the plain
/// ones; every block mimalloc hands out is aligned to 8 bytes (16 from 16
/// bytes up), so only larger alignments take the aligned path here.
#[global_allocator]
static ALLOCATOR: Allocator = Allocator;

struct Allocator;

/// The alignment every mimalloc block has.
const PLAIN_ALIGN: usize = 8;

// SAFETY: every block comes from mimalloc and goes back to it; a block is
// asked for by the plain functions only when their alignment is enough.
unsafe impl std::alloc::GlobalAlloc for Allocator {
    unsafe fn alloc(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: as for `GlobalAlloc::alloc`.
            unsafe { libmimalloc_sys::mi_malloc(layout.size()).cast() }
        } else {
            // SAFETY: as for `GlobalAlloc::alloc`.
            unsafe { mimalloc::MiMalloc.alloc(layout) }
        }
    }

    unsafe fn alloc_zeroed(&self, layout: std::alloc::Layout) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: as for `GlobalAlloc::alloc_zeroed`.
            unsafe { libmimalloc_sys::mi_zalloc(layout.size()).cast() }
        } else {
            // SAFETY: as for `GlobalAlloc::alloc_zeroed`.
            unsafe { mimalloc::MiMalloc.alloc_zeroed(layout) }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: std::alloc::Layout) {
        // SAFETY: `ptr` came from mimalloc, aligned or not.
        unsafe { mimalloc::MiMalloc.dealloc(ptr, layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: std::alloc::Layout, new_size: usize) -> *mut u8 {
        if layout.align() <= PLAIN_ALIGN {
            // SAFETY: as for `GlobalAlloc::realloc`.
            unsafe { libmimalloc_sys::mi_realloc(ptr.cast(), new_size).cast() }
        } else {
            // SAFETY: as for `GlobalAlloc::realloc`.
            unsafe { mimalloc::MiMalloc.realloc(ptr, layout, new_size) }
        }
    }
}

fn main() -> ExitCode {
    // The main thread works alongside the pool instead of waiting for it, so
    // a small plan on a busy machine is not held up until a pool thread is
    // scheduled.
    let _ = rayon::ThreadPoolBuilder::new().use_current_thread().build_global();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    // Colour is decided for the stream written to: a terminal, and NO_COLOR,
    // CLICOLOR_FORCE and TERM=dumb as anstream reads them.
    let color = anstream::AutoStream::choice(&stdout) != ColorChoice::Never;
    let env = zi::Env::of_process(color, terminal_width(&stdout), stdout.is_terminal());
    zi::run(std::env::args_os(), &env, &mut stdout.lock(), &mut stderr.lock())
}

/// The columns of the terminal standard output is, if it is one: the
/// terminal's own size, else `COLUMNS`.
fn terminal_width(stdout: &std::io::Stdout) -> Option<u16> {
    if !stdout.is_terminal() {
        return None;
    }
    window_columns().or_else(|| std::env::var("COLUMNS").ok()?.trim().parse().ok()).filter(|w| *w > 0)
}

#[cfg(unix)]
fn window_columns() -> Option<u16> {
    // SAFETY: TIOCGWINSZ writes one `winsize` into the struct it is given
    // and nothing else; a failure leaves it zeroed and returns -1.
    let mut size: libc::winsize = unsafe { std::mem::zeroed() };
    let done = unsafe { libc::ioctl(libc::STDOUT_FILENO, libc::TIOCGWINSZ, &mut size) };
    (done == 0 && size.ws_col > 0).then_some(size.ws_col)
}

#[cfg(not(unix))]
fn window_columns() -> Option<u16> {
    None
}
