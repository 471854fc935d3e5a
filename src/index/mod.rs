//! The index on disk: opening it for search, creating it, and writing articles with their
//! passages. Every `dossier index` run is one atomic commit: until it lands, searches see
//! the previous commit, and an interrupted run leaves that commit intact.

pub mod files;
mod schema;
pub mod stored;
mod writer;

use std::path::{Path, PathBuf};

use tantivy::directory::MmapDirectory;
use tantivy::store::{Compressor, ZstdCompressor};
use tantivy::{Index, IndexReader, IndexSettings, ReloadPolicy};

use crate::error::{Error, IndexContext, Result};
pub use files::FileState;
pub use schema::{Fields, KIND_ARTICLE, KIND_FILE, KIND_PASSAGE, PASSAGE_COUNT};
pub use writer::{article_id, article_key, ArticleWriter};

/// An opened dossier index.
pub struct DossierIndex {
    /// The tantivy index, with dossier's analyzers registered.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// Where it lives.
    pub dir: PathBuf,
}

/// True when `dir` holds a committed index.
pub fn exists(dir: &Path) -> bool {
    dir.join("meta.json").is_file()
}

impl DossierIndex {
    /// Opens an existing index for searching.
    pub fn open(dir: &Path) -> Result<DossierIndex> {
        if !exists(dir) {
            return Err(Error::NoIndex(dir.to_path_buf()));
        }
        let index = Index::open_in_dir(dir).context(format!("opening {}", dir.display()))?;
        Self::wrap(index, dir)
    }

    /// Opens the index at `dir`, creating the folder and an empty index if needed.
    pub fn open_or_create(dir: &Path) -> Result<DossierIndex> {
        if exists(dir) {
            return Self::open(dir);
        }
        let unusable = |reason: String| {
            Error::Usage(format!(
                "cannot use {} as the index folder: {reason}; pass --index DIR naming a folder you can write",
                dir.display()
            ))
        };
        std::fs::create_dir_all(dir).map_err(|e| unusable(e.to_string()))?;
        let directory = MmapDirectory::open(dir).map_err(|e| unusable(e.to_string()))?;
        let settings = IndexSettings {
            docstore_compression: Compressor::Zstd(ZstdCompressor {
                compression_level: Some(9),
            }),
            docstore_blocksize: 65_536,
            ..IndexSettings::default()
        };
        let index = Index::builder()
            .schema(Fields::build().schema)
            .settings(settings)
            .open_or_create(directory)
            .context(format!("opening {}", dir.display()))?;
        Self::wrap(index, dir)
    }

    fn wrap(index: Index, dir: &Path) -> Result<DossierIndex> {
        let fields = Fields::from_schema(&index.schema())
            .ok_or_else(|| Error::NotDossierIndex(dir.to_path_buf()))?;
        crate::analyze::register(index.tokenizers());
        Ok(DossierIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// A reader for a one-shot command (no background reloading).
    pub fn reader(&self) -> Result<IndexReader> {
        self.index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()
            .context(format!("reading {}", self.dir.display()))
    }

    /// A writer holding the index lock, or [`Error::Locked`] if another process has it.
    pub fn writer(&self, threads: usize) -> Result<ArticleWriter> {
        ArticleWriter::new(self, threads)
    }
}
