//! The `mentas` binary: parses the command line and starts things.

use std::process::ExitCode;

use clap::Parser;
use clap::error::ErrorKind;

fn main() -> ExitCode {
    mentas::allocator::use_one_arena();
    let cli = match mentas::cli::Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) => {
            let _ = e.print();
            return ExitCode::SUCCESS;
        }
        Err(e) => {
            // One line, not clap's full usage block: what was wrong and where to look.
            let text = e.to_string();
            let mut lines = text.lines().map(str::trim).filter(|l| !l.is_empty());
            let mut first = lines
                .next()
                .unwrap_or("bad command line")
                .trim_start_matches("error: ")
                .to_string();
            if first.ends_with(':') {
                first = format!("{first} {}", lines.next().unwrap_or(""));
            }
            eprintln!("mentas: {first} (see mentas --help)");
            return ExitCode::from(2);
        }
    };
    match mentas::launch::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mentas: {message}");
            ExitCode::FAILURE
        }
    }
}
