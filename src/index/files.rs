//! What the index remembers of each input file, for incremental indexing: one `file`
//! document per file with its canonical path, size, modification time, content hash and
//! (for JSON Lines) how many lines and records were read. It is written in the same
//! commit as the file's articles, so the two never disagree.

use std::collections::HashMap;

use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::{Searcher, Term};

use super::{Fields, KIND_FILE};
use crate::error::{IndexContext, Result};

/// The remembered state of one file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileState {
    /// Canonical path.
    pub path: String,
    /// Content hash (xxh3, hex).
    pub hash: String,
    /// Fingerprint of the settings it was read with (year, folder defaults, field
    /// mapping, dossier version): when they change, the file is read again.
    pub settings: String,
    /// Size in bytes.
    pub size: u64,
    /// Modification time, nanoseconds since the epoch.
    pub mtime: u64,
    /// Lines read.
    pub lines: u64,
    /// Records numbered.
    pub records: u64,
}

/// The key shared by every document that came from the file at `canonical`.
pub fn file_key(canonical: &str) -> String {
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(canonical.as_bytes()))
}

/// Hash of file content, as stored in [`FileState::hash`].
pub fn content_hash(bytes: &[u8]) -> String {
    format!("{:032x}", xxhash_rust::xxh3::xxh3_128(bytes))
}

/// Every remembered file, by canonical path.
pub fn load(searcher: &Searcher, fields: &Fields) -> Result<HashMap<String, FileState>> {
    let query = TermQuery::new(
        Term::from_field_text(fields.kind, KIND_FILE),
        IndexRecordOption::Basic,
    );
    let docs = searcher
        .search(&query, &DocSetCollector)
        .context("reading the indexed files")?;
    let mut out = HashMap::with_capacity(docs.len());
    for address in docs {
        let doc: TantivyDocument = searcher.doc(address).context("reading a file record")?;
        let text = |f| {
            doc.get_first(f)
                .and_then(|v| v.as_str().map(String::from))
                .unwrap_or_default()
        };
        let number = |f| doc.get_first(f).and_then(|v| v.as_u64()).unwrap_or(0);
        let state = FileState {
            path: text(fields.file_path),
            hash: text(fields.file_hash),
            settings: text(fields.file_settings),
            size: number(fields.file_size),
            mtime: number(fields.file_mtime),
            lines: number(fields.file_lines),
            records: number(fields.file_records),
        };
        out.insert(state.path.clone(), state);
    }
    Ok(out)
}

/// The file document for `state`.
pub fn document(fields: &Fields, state: &FileState) -> TantivyDocument {
    let key = file_key(&state.path);
    let mut doc = TantivyDocument::default();
    doc.add_text(fields.kind, KIND_FILE);
    doc.add_text(fields.file_key, &key);
    doc.add_text(fields.file_doc, &key);
    doc.add_text(fields.file_path, &state.path);
    doc.add_text(fields.file_hash, &state.hash);
    doc.add_text(fields.file_settings, &state.settings);
    doc.add_u64(fields.file_size, state.size);
    doc.add_u64(fields.file_mtime, state.mtime);
    doc.add_u64(fields.file_lines, state.lines);
    doc.add_u64(fields.file_records, state.records);
    doc
}
