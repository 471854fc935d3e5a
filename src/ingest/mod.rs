//! Ingest: walking the paths a user gives, reading each file (or standard input),
//! decompressing and decoding it, and turning it into [`Article`]s with the reader for
//! its format (`formats`, `html`). Files and records that cannot become an article are
//! reported as a [`Skip`] with the reason; one bad file never stops the batch.

mod decode;
pub mod file;
mod folder_meta;
pub mod formats;
pub mod html;
pub mod record;
mod walk;

use std::path::PathBuf;

pub use decode::{decode_text, Decoded};
pub use file::{read_bytes, read_file, FileRead, Resume, STDIN};
pub use folder_meta::{FolderMeta, FolderMetaCache, FILE_NAME as FOLDER_META_FILE};
pub use formats::{FieldMap, Format};
pub use record::{Record, RecordError};
pub use walk::{walk, WalkItem};

/// Largest article text accepted, in bytes; bigger files are skipped (tantivy's memory
/// budget is only checked between documents).
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// Metadata an input carried for an article, as written there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Metadata {
    /// Publication date text.
    pub date: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Author.
    pub author: Option<String>,
    /// Other string fields, in input order.
    pub extra: Vec<(String, String)>,
}

/// One article as read from an input, before cleaning and extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the user will see it (`file.jsonl:12` for a record of a multi-record file).
    pub path: PathBuf,
    /// Absolute, canonical path of the file it came from.
    pub canonical: PathBuf,
    /// Identity: the URL, else file + record id, else file (+ record number).
    pub key: String,
    /// Headline: the metadata title, else the first non-empty line.
    pub title: String,
    /// The article text.
    pub body: String,
    /// Metadata from the input.
    pub metadata: Metadata,
    /// Size of the article's text, in bytes.
    pub bytes: u64,
    /// The decoding that was needed ("utf-8", "windows-1252", ...).
    pub encoding: &'static str,
}

/// Why a file was not indexed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SkipReason {
    /// Contains NUL bytes.
    Binary,
    /// No text at all (or only whitespace).
    Empty,
    /// Larger than [`MAX_ARTICLE_BYTES`].
    TooLarge,
    /// The file or folder could not be read.
    Unreadable,
    /// The path given does not exist.
    Missing,
    /// A compressed file that cannot be decompressed.
    Corrupt,
    /// A record of a JSON, JSON Lines, CSV or TSV file that cannot be read.
    BadRecord,
}

impl SkipReason {
    /// Short label used in summaries and JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            SkipReason::Binary => "binary",
            SkipReason::Empty => "empty",
            SkipReason::TooLarge => "too large",
            SkipReason::Unreadable => "unreadable",
            SkipReason::Missing => "missing",
            SkipReason::Corrupt => "corrupt",
            SkipReason::BadRecord => "bad record",
        }
    }
}

/// A file that was not indexed, with its path and the reason.
#[derive(Debug, Clone)]
pub struct Skip {
    /// The file.
    pub path: PathBuf,
    /// Why.
    pub reason: SkipReason,
    /// Details for the message (the OS error, the size).
    pub detail: String,
}

impl std::fmt::Display for Skip {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "skipped {}: {}",
            self.path.display(),
            self.reason.as_str()
        )?;
        if !self.detail.is_empty() {
            write!(f, " ({})", self.detail)?;
        }
        Ok(())
    }
}

/// Splits text into (first non-empty line, the rest). `None` when there is no text.
pub fn split_title(text: &str) -> Option<(String, String)> {
    let text = text.trim_start();
    if text.is_empty() {
        return None;
    }
    let (title, rest) = text.split_once('\n').unwrap_or((text, ""));
    Some((
        title.trim().to_string(),
        rest.trim_start_matches(['\r', '\n']).to_string(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_is_first_non_empty_line() {
        let (title, body) = split_title("\n\n  Headline here \nBody line.\n").unwrap();
        assert_eq!(title, "Headline here");
        assert_eq!(body, "Body line.\n");
        assert!(split_title(" \n\t\n").is_none());
        assert_eq!(
            split_title("Only title").unwrap(),
            ("Only title".into(), "".into())
        );
    }
}
