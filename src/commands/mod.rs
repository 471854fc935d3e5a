//! Command glue: each submodule runs one subcommand from its parsed arguments, using the
//! library's parts (ingest → extract → analyze → index; search → output).

pub mod index;
pub mod search;
pub mod show;

use std::path::PathBuf;
use std::process::ExitCode;

use crate::cli::{Cli, Command};
use crate::error::Result;

/// Default index folder.
pub const DEFAULT_INDEX: &str = "index";
/// Default corpus folder.
pub const DEFAULT_CORPUS: &str = "corpus";

/// Exit status: something was found / the command did its job.
pub const EXIT_FOUND: u8 = 0;
/// Exit status: the search found nothing.
pub const EXIT_NOT_FOUND: u8 = 1;
/// Exit status: an error stopped the command.
pub const EXIT_ERROR: u8 = 2;

/// Runs the parsed command line.
pub fn run(cli: Cli) -> Result<ExitCode> {
    let overridden = cli.index.is_some();
    let index_dir = cli.index.unwrap_or_else(|| PathBuf::from(DEFAULT_INDEX));
    match cli.command {
        Command::Index(args) => index::run(&index_dir, &args),
        Command::Search(args) => {
            if !overridden {
                index::build_default_if_missing(&index_dir)?;
            }
            search::run(&index_dir, &args)
        }
        Command::Show(args) => show::run(&index_dir, &args),
    }
}

/// Prints a one-line message on stderr, prefixed with the program name.
pub fn message(text: impl std::fmt::Display) {
    eprintln!("dossier: {text}");
}
