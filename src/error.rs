//! The crate's error type. User mistakes (no index yet, a bad query, a bad date) are
//! variants with a message that names the thing and the way out; everything else is
//! wrapped with the path or operation it concerns.

use std::path::PathBuf;

/// Everything that can stop a dossier command.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// No index where one was expected.
    #[error("no index at {}; run `dossier index` first (or pass --index DIR)", .0.display())]
    NoIndex(PathBuf),
    /// The folder holds something that is not a dossier index.
    #[error("{} was built by another version of dossier (its schema differs); run `dossier index --rebuild PATH...` to build it anew, or pass another --index DIR", .0.display())]
    NotDossierIndex(PathBuf),
    /// Another process holds the writer lock.
    #[error("the index at {} is being updated by another process; wait for it to finish and try again", .0.display())]
    Locked(PathBuf),
    /// The query could not be used.
    #[error("bad query {query:?}: {reason}")]
    Query {
        /// The query as given.
        query: String,
        /// What is wrong and how to fix it.
        reason: String,
    },
    /// A command-line value is invalid.
    #[error("{0}")]
    Usage(String),
    /// An article asked for by `show` is not in the index.
    #[error(
        "no article {0:?} in the index; give an article id or path as shown by `dossier search`"
    )]
    NoArticle(String),
    /// An I/O error on a path.
    #[error("{}: {source}", path.display())]
    Io {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: std::io::Error,
    },
    /// Writing to stdout failed (a closed pipe is not reported).
    #[error("writing output: {0}")]
    Output(#[from] std::io::Error),
    /// An error from the index engine, with what was being done.
    #[error("{context}: {source}")]
    Index {
        /// What dossier was doing.
        context: String,
        /// tantivy's error.
        source: tantivy::TantivyError,
    },
}

/// Result with [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Adds context to tantivy results.
pub trait IndexContext<T> {
    /// Wraps the error with `context`.
    fn context(self, context: impl Into<String>) -> Result<T>;
}

/// I/O errors while reading the index (postings, term dictionaries) get the same context.
impl<T> IndexContext<T> for std::io::Result<T> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|e| Error::Index {
            context: context.into(),
            source: e.into(),
        })
    }
}

impl<T> IndexContext<T> for std::result::Result<T, tantivy::TantivyError> {
    fn context(self, context: impl Into<String>) -> Result<T> {
        self.map_err(|source| Error::Index {
            context: context.into(),
            source,
        })
    }
}
