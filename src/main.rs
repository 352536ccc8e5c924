use std::process::ExitCode;

fn main() -> ExitCode {
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
