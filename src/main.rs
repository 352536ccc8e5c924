#![no_main]

use std::io::{IsTerminal, Write};
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

// zi starts without the standard library's runtime (`#![no_main]`): on
// Linux its start reads `/proc/self/maps` to find the main thread's stack
// (for the stack overflow message) and installs signal handlers on an
// alternate stack, about 20 system calls and a tenth of the shipped plan's
// instructions before the first line of zi. `main` below does what of it zi
// needs: standard streams that are open, SIGPIPE ignored (a closed reader is
// an error zi handles), the exit status 101 and the message of a panic, and
// standard output flushed at the end. A stack overflow (a bug) now ends the
// process with SIGSEGV instead of a message and SIGABRT; a panic names its
// thread `<unnamed>` instead of `main`. See docs/performance.md, "Round 6,
// start-up".

/// The program, called by the C runtime with the arguments the standard
/// library also reads (`std::env::args_os` works without its runtime).
#[unsafe(no_mangle)]
pub extern "C" fn main(_argc: libc::c_int, _argv: *const *const libc::c_char) -> libc::c_int {
    smaller_arenas();
    open_standard_streams();
    // SAFETY: setting a signal's disposition to "ignore" before any other
    // thread exists, as the standard library's start does.
    unsafe { libc::signal(libc::SIGPIPE, libc::SIG_IGN) };
    let ran = std::panic::catch_unwind(run);
    // Buffered output not yet written (the standard library's exit does this).
    let _ = std::io::stdout().flush();
    let status = match ran {
        Ok(code) => libc::c_int::from((0..=u8::MAX).find(|n| ExitCode::from(*n) == code).unwrap_or(1)),
        // The panic hook has said what happened; 101 is Rust's status for it.
        Err(_) => 101,
    };
    // Ends the process without the C runtime's exit handlers, of which a
    // run needs none: mimalloc's would hand the pages it holds back to the
    // system a range at a time (`madvise`), as the process's end does
    // anyway (1.5 % of the shipped plan's `zi overdue`). Every file zi
    // wrote is closed, and standard output flushed, by now. The handlers
    // run where they report: mimalloc's statistics, and the profile of a
    // build instrumented for coverage.
    if !reports_at_exit() {
        // SAFETY: ends the process; nothing runs after it.
        unsafe { libc::_exit(status) }
    }
    status
}

/// Whether an exit handler reports something: mimalloc's statistics or
/// messages (`MIMALLOC_SHOW_STATS`, `MIMALLOC_VERBOSE`), or a coverage
/// profile (`LLVM_PROFILE_FILE`, which coverage tools set).
fn reports_at_exit() -> bool {
    use libmimalloc_sys::{mi_option_is_enabled, mi_option_show_stats, mi_option_verbose};
    // SAFETY: reads options.
    let mimalloc =
        unsafe { mi_option_is_enabled(mi_option_show_stats) || mi_option_is_enabled(mi_option_verbose) };
    mimalloc || std::env::var_os("LLVM_PROFILE_FILE").is_some()
}

/// mimalloc reserves its address space in arenas of 1 GiB, and its first
/// allocation sets up the bookkeeping of a whole arena, fresh pages a small
/// plan's run mostly never uses: 64 MiB at a time instead (a large plan's
/// run reserves more arenas) makes the shipped plan's `zi overdue` about
/// 2 % faster. Changed only while the option has its default, so another
/// value set in `MIMALLOC_ARENA_RESERVE` stays; and so, were the option's
/// number to name another option in a later mimalloc, that one would stay
/// too (none other defaults to the same value; `tests/zi/linked.rs` checks
/// the number).
fn smaller_arenas() {
    /// `mi_option_arena_reserve` in mimalloc 3's `mi_option_e`, in KiB.
    const ARENA_RESERVE: libmimalloc_sys::mi_option_t = 23;
    const DEFAULT_KIB: libc::c_long = 1024 * 1024;
    const KIB: libc::c_long = 64 * 1024;
    // SAFETY: reads and sets an option before anything is allocated.
    unsafe {
        if libmimalloc_sys::mi_option_get(ARENA_RESERVE) == DEFAULT_KIB {
            libmimalloc_sys::mi_option_set(ARENA_RESERVE, KIB);
        }
    }
}

fn run() -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    // Colour is decided for the stream written to: a terminal, and NO_COLOR,
    // CLICOLOR_FORCE and TERM=dumb as anstream reads them.
    let color = anstream::AutoStream::choice(&stdout) != ColorChoice::Never;
    let terminal = stdout.is_terminal();
    let env = zi::Env::of_process(color, terminal.then(terminal_width).flatten(), terminal);
    zi::run(std::env::args_os(), &env, &mut stdout.lock(), &mut stderr.lock())
}

/// Opens `/dev/null` in place of a standard stream the process was started
/// without, as the standard library's start does, so that no file zi opens
/// becomes its standard output.
fn open_standard_streams() {
    let mut streams = [0, 1, 2].map(|fd| libc::pollfd { fd, events: 0, revents: 0 });
    // SAFETY: `poll` reads and writes the three structs it is given.
    let polled = unsafe { libc::poll(streams.as_mut_ptr(), 3, 0) };
    for stream in streams {
        let closed = if polled == -1 {
            // SAFETY: asks for the descriptor's flags, changing nothing.
            let failed = unsafe { libc::fcntl(stream.fd, libc::F_GETFD) } == -1;
            failed && std::io::Error::last_os_error().raw_os_error() == Some(libc::EBADF)
        } else {
            stream.revents & libc::POLLNVAL != 0
        };
        // SAFETY: opens a file by a NUL-terminated path; the lowest free
        // descriptor, the closed stream's, is the one it takes.
        if closed && unsafe { libc::open(c"/dev/null".as_ptr(), libc::O_RDWR) } == -1 {
            std::process::abort();
        }
    }
}

/// The columns of the terminal standard output is (the caller knows it is
/// one): the terminal's own size, else `COLUMNS`.
fn terminal_width() -> Option<u16> {
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
