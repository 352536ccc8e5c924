use std::process::ExitCode;

use anstream::ColorChoice;

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
    let env = zi::Env::of_process(color);
    zi::run(std::env::args_os(), &env, &mut stdout.lock(), &mut stderr.lock())
}
