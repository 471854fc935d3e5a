//! Build script: links the `dossier` binary as a position-dependent executable on
//! x86-64 Linux.
//!
//! A search is a short process, and a position-independent executable spends a good
//! part of its start (about 1 ms of a 7 ms search on a 1 GB index, `benches/compare.sh`)
//! applying its 50,000 relative relocations, touching every page of its read-only data.
//! Linked with `-no-pie`, the linker applies them once. The code itself is unchanged
//! (still position-independent); only the address the binary loads at is fixed, which
//! gives up address-space randomisation of the binary itself, a fair trade for a local
//! command-line tool that reads the user's own files.

fn main() {
    let os = std::env::var("CARGO_CFG_TARGET_OS").unwrap_or_default();
    let arch = std::env::var("CARGO_CFG_TARGET_ARCH").unwrap_or_default();
    let env = std::env::var("CARGO_CFG_TARGET_ENV").unwrap_or_default();
    if os == "linux" && arch == "x86_64" && env == "gnu" {
        println!("cargo:rustc-link-arg-bins=-no-pie");
    }
    println!("cargo:rerun-if-changed=build.rs");
}
