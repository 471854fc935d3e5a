//! Printers. One result model ([`crate::search::Results`]), several printers chosen once:
//! [`human`] for people at a terminal (colour or `[[brackets]]`), [`json`] for scripts
//! (JSON Lines with a `type` tag; the wire types are the contract documented in README).
//! Printers write to any `io::Write`, so tests print into a `Vec<u8>`.

pub mod human;
pub mod json;
pub mod window;

use std::io::IsTerminal;

use crate::cli::ColorChoice;

/// Resolves `--color` against the terminal and the `NO_COLOR` convention.
pub fn use_color(choice: ColorChoice) -> bool {
    match choice {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var("TERM").map_or(true, |t| t != "dumb")
        }
    }
}
