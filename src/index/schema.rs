//! The index schema: one tantivy document per passage (what search returns) and one per
//! article (what `show` prints), told apart by the `kind` field. Passage documents carry
//! the article's title, date, source and entities so that filters and display need no
//! second lookup.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED, STRING,
};

use crate::analyze::{EXACT, STEMMED};

/// `kind` value of passage documents.
pub const KIND_PASSAGE: &str = "passage";
/// `kind` value of article documents.
pub const KIND_ARTICLE: &str = "article";
/// `kind` value of file documents (what incremental indexing remembers of each file).
pub const KIND_FILE: &str = "file";

/// Handles to every field of the schema.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The tantivy schema these handles belong to.
    pub schema: Schema,
    /// "passage" or "article".
    pub kind: Field,
    /// Stable article id (hex hash of the canonical path).
    pub article_id: Field,
    /// The article id as a number, for counting distinct articles fast.
    pub article_key: Field,
    /// Article path as shown to the user.
    pub path: Field,
    /// Title, stemmed and stored.
    pub title: Field,
    /// Title, exact words (for quoted phrases).
    pub title_exact: Field,
    /// Passage text, stemmed and stored.
    pub body: Field,
    /// Passage text, exact words.
    pub body_exact: Field,
    /// Whole cleaned article body (article documents only, stored only).
    pub text: Field,
    /// Title and whole body, stemmed, with frequencies but no positions (article
    /// documents only): article-level BM25 for `--articles`.
    pub article_text: Field,
    /// Passage ordinal in its article.
    pub ordinal: Field,
    /// Passage start byte in the cleaned article body.
    pub start: Field,
    /// Passage end byte in the cleaned article body.
    pub end: Field,
    /// Publication date (absent when unknown).
    pub date: Field,
    /// Where the date came from: metadata, text, path, unknown.
    pub date_provenance: Field,
    /// The text the date was read from.
    pub date_evidence: Field,
    /// Publisher name, searchable word by word, case-insensitively.
    pub source: Field,
    /// Where the source came from: metadata, text, folder, unknown.
    pub source_provenance: Field,
    /// Entity names and aliases, searchable case-insensitively.
    pub entity: Field,
    /// Typed entities as JSON (article documents).
    pub entities_json: Field,
    /// Number of passages (article documents).
    pub passage_count: Field,
    /// Other metadata as JSON: url, author, extra fields (article documents).
    pub meta_json: Field,
    /// Hash of the source file's canonical path, on every document from that file.
    pub file_key: Field,
    /// The same, on the file's own document only.
    pub file_doc: Field,
    /// Canonical path (file documents).
    pub file_path: Field,
    /// Content hash, hex (file documents).
    pub file_hash: Field,
    /// Fingerprint of the settings the file was read with (file documents).
    pub file_settings: Field,
    /// Size in bytes (file documents).
    pub file_size: Field,
    /// Modification time, nanoseconds since the epoch (file documents).
    pub file_mtime: Field,
    /// Lines read (file documents; JSON Lines resume from here).
    pub file_lines: Field,
    /// Records numbered (file documents).
    pub file_records: Field,
    /// File size in bytes (article documents).
    pub bytes: Field,
}

fn text_options(analyzer: &str, stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    let options = TextOptions::default().set_indexing_options(indexing);
    if stored {
        options.set_stored()
    } else {
        options
    }
}

impl Fields {
    /// Builds the schema.
    pub fn build() -> Fields {
        let mut b = Schema::builder();
        let date_options =
            DateOptions::from(INDEXED | STORED | FAST).set_precision(DateTimePrecision::Seconds);
        let kind = b.add_text_field("kind", STRING);
        let article_id = b.add_text_field("article_id", STRING | STORED);
        let article_key = b.add_u64_field("article_key", FAST);
        let path = b.add_text_field("path", STRING | STORED);
        let title = b.add_text_field("title", text_options(STEMMED, true));
        let title_exact = b.add_text_field("title_exact", text_options(EXACT, false));
        let body = b.add_text_field("body", text_options(STEMMED, true));
        let body_exact = b.add_text_field("body_exact", text_options(EXACT, false));
        let text = b.add_text_field("text", STORED);
        let article_text = b.add_text_field(
            "article_text",
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(STEMMED)
                    .set_index_option(IndexRecordOption::WithFreqs),
            ),
        );
        let ordinal = b.add_u64_field("ordinal", STORED | FAST);
        let start = b.add_u64_field("start", STORED);
        let end = b.add_u64_field("end", STORED);
        let date = b.add_date_field("date", date_options);
        let date_provenance = b.add_text_field("date_provenance", STRING | STORED);
        let date_evidence = b.add_text_field("date_evidence", STORED);
        let source = b.add_text_field("source", text_options(EXACT, true));
        let source_provenance = b.add_text_field("source_provenance", STRING | STORED);
        let entity = b.add_text_field("entity", text_options(EXACT, false));
        let entities_json = b.add_text_field("entities", STORED);
        let passage_count = b.add_u64_field("passage_count", STORED);
        let bytes = b.add_u64_field("bytes", STORED);
        let meta_json = b.add_text_field("meta", STORED);
        let file_key = b.add_text_field("file_key", STRING);
        let file_doc = b.add_text_field("file_doc", STRING);
        let file_path = b.add_text_field("file_path", STORED);
        let file_hash = b.add_text_field("file_hash", STORED);
        let file_settings = b.add_text_field("file_settings", STORED);
        let file_size = b.add_u64_field("file_size", STORED);
        let file_mtime = b.add_u64_field("file_mtime", STORED);
        let file_lines = b.add_u64_field("file_lines", STORED);
        let file_records = b.add_u64_field("file_records", STORED);
        Fields {
            schema: b.build(),
            kind,
            article_id,
            article_key,
            path,
            title,
            title_exact,
            body,
            body_exact,
            text,
            article_text,
            ordinal,
            start,
            end,
            date,
            date_provenance,
            date_evidence,
            source,
            source_provenance,
            entity,
            entities_json,
            passage_count,
            bytes,
            meta_json,
            file_key,
            file_doc,
            file_path,
            file_hash,
            file_settings,
            file_size,
            file_mtime,
            file_lines,
            file_records,
        }
    }

    /// Field handles for an existing index's schema; `None` if it is not a dossier index.
    pub fn from_schema(schema: &Schema) -> Option<Fields> {
        let expected = Fields::build();
        if expected.schema != *schema {
            return None;
        }
        Some(expected)
    }
}
