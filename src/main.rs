//! The `dossier` binary: parse the command line, run, turn the outcome into an exit code
//! (0 found, 1 nothing found, 2 error), print errors once, treat a closed pipe as success.

use std::process::ExitCode;

use clap::Parser;
use dossier::cli::Cli;
use dossier::commands::{self, EXIT_ERROR, EXIT_FOUND};
use dossier::Error;

/// mimalloc: indexing allocates a string per token; the system allocator spent about a
/// sixth of indexing time in malloc and free.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let _ = err.print();
            return ExitCode::from(if err.use_stderr() {
                EXIT_ERROR
            } else {
                EXIT_FOUND
            });
        }
    };
    match commands::run(cli) {
        Ok(code) => code,
        Err(Error::Output(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => {
            ExitCode::from(EXIT_FOUND)
        }
        Err(err) => {
            commands::message(format!("error: {err}"));
            ExitCode::from(EXIT_ERROR)
        }
    }
}
