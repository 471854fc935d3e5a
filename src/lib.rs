//! dossier: full-text search for collections of news articles.
//!
//! Data flows one way through named types:
//!
//! ```text
//! files ──ingest──▶ Article ──extract──▶ Extracted ──analyze──▶ Passages ──index──▶ tantivy
//! query ──search::query──▶ Plan ──search──▶ Results ──output──▶ human | JSON Lines
//! ```
//!
//! The binary (`src/main.rs`) parses the command line ([`cli`]) and hands it to
//! [`commands::run`].

pub mod analyze;
pub mod cli;
pub mod commands;
pub mod error;
pub mod extract;
pub mod index;
pub mod ingest;
pub mod output;
pub mod search;

pub use error::{Error, Result};
