//! The `mentas` binary: parses the command line and starts things.

use clap::Parser;

fn main() -> std::process::ExitCode {
    let cli = mentas::cli::Cli::parse();
    match mentas::launch::run(cli) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("mentas: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}
