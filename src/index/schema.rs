//! The index schema: one tantivy document per passage (what search returns) and one per
//! article (what `show` prints and what hits are displayed from), told apart by the
//! `kind` field. Passage documents index the article's date, source, entities and cited
//! outlets, so filters need no join; they store nothing: display reads the article
//! document, which stores the text once.

use tantivy::schema::{
    DateOptions, DateTimePrecision, Field, IndexRecordOption, Schema, TextFieldIndexing,
    TextOptions, FAST, INDEXED, STORED,
};

use crate::analyze::EXACT;

/// `kind` value of passage documents.
pub const KIND_PASSAGE: &str = "passage";
/// `kind` value of article documents.
pub const KIND_ARTICLE: &str = "article";
/// `kind` value of file documents (what incremental indexing remembers of each file).
pub const KIND_FILE: &str = "file";
/// Name of the fast field that holds an article's number of passages (on article
/// documents): its passages are the documents right after it.
pub const PASSAGE_COUNT: &str = "passage_count";

/// Handles to every field of the schema.
///
/// Only article documents store anything: a passage is a byte range of its article's
/// stored text (fast fields `start`/`end`), so the text is stored once.
#[derive(Debug, Clone)]
pub struct Fields {
    /// The tantivy schema these handles belong to.
    pub schema: Schema,
    /// "passage", "article" or "file".
    pub kind: Field,
    /// Stable article id, hex (article documents; stored).
    pub article_id: Field,
    /// The article id as a number, on every document of the article (fast and
    /// indexed: grouping by article, deleting an article).
    pub article_key: Field,
    /// The article id as a number, on the article document only: finds it from a passage.
    pub article_doc: Field,
    /// Article path as shown to the user (article documents; stored).
    pub path: Field,
    /// Title words as written, with positions (on the article's first passage).
    pub title: Field,
    /// The title (article documents; stored only).
    pub title_text: Field,
    /// Passage words as written, with positions. Stemmed matching expands a word to
    /// the indexed words of its stem at query time.
    pub body: Field,
    /// Whole cleaned article body (article documents; stored only).
    pub text: Field,
    /// Words in the article's title and body (passage documents, fast): the article
    /// length for `--articles` ranking.
    pub words: Field,
    /// Passage ordinal in its article (fast).
    pub ordinal: Field,
    /// Passage start byte in the cleaned article body (fast).
    pub start: Field,
    /// Passage end byte in the cleaned article body (fast).
    pub end: Field,
    /// Publication date (passage documents; absent when unknown; indexed and fast).
    pub date: Field,
    /// Publication date as `YYYY-MM-DD` (article documents; stored only).
    pub published: Field,
    /// Where the date came from: metadata, text, path, unknown.
    pub date_provenance: Field,
    /// The text the date was read from.
    pub date_evidence: Field,
    /// Publisher name, searchable word by word, case-insensitively.
    pub source: Field,
    /// Publisher name as displayed (article documents; stored).
    pub source_name: Field,
    /// Where the source came from: metadata, text, folder, unknown.
    pub source_provenance: Field,
    /// Entity names and aliases, searchable case-insensitively. On article documents
    /// only (once per article, not per passage): a filter on them selects passages
    /// through `search::children::PassagesOf`.
    pub entity: Field,
    /// Typed entities, compact lines (article documents; see `index::stored`).
    pub entities_json: Field,
    /// Outlets the article cites, searchable like `entity`.
    pub cites: Field,
    /// Normalised dates the passage mentions ("2025-03-13", "2025-03", "2025-W11").
    pub mentions: Field,
    /// Cited outlets and date mentions as JSON (article documents).
    pub extra_json: Field,
    /// Number of passages (article documents; fast: the passages are the documents
    /// right after their article).
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

/// A text field analysed by `analyzer` with positions, not stored, without norms when
/// `norms` is false (fields only filtered on).
fn indexed_text(analyzer: &str, norms: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer(analyzer)
        .set_fieldnorms(norms)
        .set_index_option(IndexRecordOption::WithFreqsAndPositions);
    TextOptions::default().set_indexing_options(indexing)
}

/// A keyword field: one untokenized term per value, no norms.
fn keyword(stored: bool) -> TextOptions {
    let indexing = TextFieldIndexing::default()
        .set_tokenizer("raw")
        .set_fieldnorms(false)
        .set_index_option(IndexRecordOption::Basic);
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
            DateOptions::from(INDEXED | FAST).set_precision(DateTimePrecision::Seconds);
        let kind = b.add_text_field("kind", keyword(false));
        let article_id = b.add_text_field("article_id", keyword(true));
        let article_key = b.add_u64_field("article_key", FAST | INDEXED);
        let article_doc = b.add_u64_field("article_doc", INDEXED);
        let path = b.add_text_field("path", keyword(true));
        let title = b.add_text_field("title", indexed_text(EXACT, true));
        let title_text = b.add_text_field("title_text", STORED);
        let body = b.add_text_field("body", indexed_text(EXACT, true));
        let text = b.add_text_field("text", STORED);
        let words = b.add_u64_field("words", FAST);
        let ordinal = b.add_u64_field("ordinal", FAST);
        let start = b.add_u64_field("start", FAST);
        let end = b.add_u64_field("end", FAST);
        let date = b.add_date_field("date", date_options);
        let published = b.add_text_field("published", STORED);
        let date_provenance = b.add_text_field("date_provenance", STORED);
        let date_evidence = b.add_text_field("date_evidence", STORED);
        let source = b.add_text_field("source", indexed_text(EXACT, false));
        let source_name = b.add_text_field("source_name", STORED);
        let source_provenance = b.add_text_field("source_provenance", STORED);
        let entity = b.add_text_field("entity", indexed_text(EXACT, false));
        let entities_json = b.add_text_field("entities", STORED);
        let cites = b.add_text_field("cites", indexed_text(EXACT, false));
        let mentions = b.add_text_field("mentions", keyword(false));
        let extra_json = b.add_text_field("extra", STORED);
        let passage_count = b.add_u64_field(PASSAGE_COUNT, STORED | FAST);
        let bytes = b.add_u64_field("bytes", STORED);
        let meta_json = b.add_text_field("meta", STORED);
        let file_key = b.add_text_field("file_key", keyword(false));
        let file_doc = b.add_text_field("file_doc", keyword(false));
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
            article_doc,
            path,
            title,
            title_text,
            body,
            text,
            words,
            ordinal,
            start,
            end,
            date,
            published,
            date_provenance,
            date_evidence,
            source,
            source_name,
            source_provenance,
            entity,
            entities_json,
            cites,
            mentions,
            extra_json,
            passage_count,
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
            bytes,
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
