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

/// mimalloc's `mi_option_purge_delay`: its index in `mi_option_t` (include/mimalloc.h), the
/// same (15) in the v2 and v3 sources vendored by libmimalloc-sys 0.1.49, whose Rust
/// bindings name no constant for it. The test below checks it still is the purge delay.
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

/// How long mimalloc keeps freed memory before giving it back to the system, in ms.
/// mimalloc v3 waits 1 s: indexing frees and allocates tens of MB at a time (parsed files,
/// segment buffers, merges), and the pages freed in the last second added up to a sixth
/// of peak memory. 0 saves barely more but doubles page faults (memory given back and
/// taken again at once).
const PURGE_DELAY_MS: std::ffi::c_long = 100;

/// Sets mimalloc's purge delay to [`PURGE_DELAY_MS`], unless `MIMALLOC_PURGE_DELAY` sets
/// one.
fn set_purge_delay() {
    if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
        return;
    }
    // SAFETY: mi_option_set only stores an integer in mimalloc's option table (an atomic
    // store); every option index below `_mi_option_last` and every value is accepted, and
    // the purge delay is read afresh each time mimalloc decides whether to purge.
    unsafe { libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, PURGE_DELAY_MS) };
}

fn main() -> ExitCode {
    set_purge_delay();
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Index 15 of mimalloc's options still looks like the purge delay: its default is
    /// 1000 ms in mimalloc v3 (10 ms in v2; the options around it default to 0 or 1), and
    /// setting it sticks.
    #[test]
    fn purge_delay_option_index() {
        if std::env::var_os("MIMALLOC_PURGE_DELAY").is_some() {
            return;
        }
        // SAFETY: reads an integer from mimalloc's option table.
        let default = unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) };
        assert!(matches!(default, 10 | 1000), "option 15 is {default}");
        set_purge_delay();
        // SAFETY: as above.
        assert_eq!(
            unsafe { libmimalloc_sys::mi_option_get(MI_OPTION_PURGE_DELAY) },
            PURGE_DELAY_MS
        );
    }
}
