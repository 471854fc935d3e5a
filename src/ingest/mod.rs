//! Ingest: walking the paths a user gives, reading each file and decoding it into an
//! [`Article`] (title + raw body). Files that cannot become an article are reported as a
//! [`Skip`] with the reason; one bad file never stops the batch.

mod decode;
mod folder_meta;
mod walk;

use std::path::{Path, PathBuf};

pub use decode::{decode_text, Decoded};
pub use folder_meta::{FolderMeta, FolderMetaCache, FILE_NAME as FOLDER_META_FILE};
pub use walk::{walk, WalkItem};

/// Largest article text accepted, in bytes; bigger files are skipped (tantivy's memory
/// budget is only checked between documents).
pub const MAX_ARTICLE_BYTES: usize = 16 * 1024 * 1024;

/// One article as read from disk, before cleaning and extraction.
#[derive(Debug, Clone)]
pub struct Article {
    /// The path as the user will see it (relative to the indexed root's parent).
    pub path: PathBuf,
    /// Absolute, canonical path: the article's identity.
    pub canonical: PathBuf,
    /// First non-empty line.
    pub title: String,
    /// Everything after the title line.
    pub body: String,
    /// Size of the file on disk, in bytes.
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

/// Reads one file into an article, or says why it can't be one.
pub fn read_article(path: &Path) -> Result<Article, Skip> {
    let skip = |reason, detail: String| Skip {
        path: path.to_path_buf(),
        reason,
        detail,
    };
    let bytes = std::fs::read(path).map_err(|e| skip(SkipReason::Unreadable, e.to_string()))?;
    if bytes.len() > MAX_ARTICLE_BYTES {
        let detail = format!("{} bytes, limit {} bytes", bytes.len(), MAX_ARTICLE_BYTES);
        return Err(skip(SkipReason::TooLarge, detail));
    }
    let decoded = match decode_text(&bytes) {
        Some(decoded) => decoded,
        None => return Err(skip(SkipReason::Binary, "contains NUL bytes".into())),
    };
    let canonical = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    let (title, body) =
        split_title(&decoded.text).ok_or_else(|| skip(SkipReason::Empty, "no text".into()))?;
    Ok(Article {
        path: path.to_path_buf(),
        canonical,
        title,
        body,
        bytes: bytes.len() as u64,
        encoding: decoded.encoding,
    })
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
