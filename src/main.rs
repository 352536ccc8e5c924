use std::process::ExitCode;

fn main() -> ExitCode {
    // The main thread works alongside the pool instead of waiting for it, so
    // a small plan on a busy machine is not held up until a pool thread is
    // scheduled.
    let _ = rayon::ThreadPoolBuilder::new().use_current_thread().build_global();
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    match zi::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock()) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("zi: {e:#}");
            ExitCode::from(2)
        }
    }
}
