//! Writing articles: each article becomes one article document and one document per
//! passage, all under the article's id. Adding an article first deletes every document
//! with its id, so re-indexing the same file never duplicates it.

use tantivy::schema::TantivyDocument;
use tantivy::{DateTime, IndexWriter, TantivyError, Term};

use super::files::{self, FileState};
use super::{DossierIndex, Fields, KIND_ARTICLE, KIND_PASSAGE};
use crate::analyze::Passage;
use crate::error::{Error, IndexContext, Result};
use crate::extract::Extracted;
use crate::ingest::Article;

/// Url, author and extra fields of an article, as a JSON object.
fn metadata_json(article: &Article) -> String {
    let m = &article.metadata;
    let mut map = serde_json::Map::new();
    for (key, value) in [
        ("url", &m.url),
        ("author", &m.author),
        ("date", &m.date),
        ("source", &m.source),
    ] {
        if let Some(value) = value {
            map.insert(key.into(), value.clone().into());
        }
    }
    for (key, value) in &m.extra {
        map.entry(key.clone())
            .or_insert_with(|| value.clone().into());
    }
    serde_json::Value::Object(map).to_string()
}

/// Memory budget per indexing thread (tantivy needs at least 15 MB).
const MEMORY_PER_THREAD: usize = 64 * 1024 * 1024;

/// Adds articles to the index; nothing is visible until [`ArticleWriter::commit`].
pub struct ArticleWriter {
    writer: IndexWriter,
    fields: Fields,
}

/// The stable id of an article: a hash of its identity key (shown as 16 hex digits).
pub fn article_key(article: &Article) -> u64 {
    xxhash_rust::xxh3::xxh3_64(article.key.as_bytes())
}

/// The stable id of an article as shown to users: [`article_key`] in hex.
pub fn article_id(article: &Article) -> String {
    format!("{:016x}", article_key(article))
}

impl ArticleWriter {
    pub(super) fn new(index: &DossierIndex, threads: usize) -> Result<ArticleWriter> {
        let threads = threads.clamp(1, 8);
        let writer = match index
            .index
            .writer_with_num_threads(threads, MEMORY_PER_THREAD * threads)
        {
            Ok(writer) => writer,
            Err(TantivyError::LockFailure(..)) => return Err(Error::Locked(index.dir.clone())),
            Err(e) => {
                return Err(e).context(format!("opening {} for writing", index.dir.display()))
            }
        };
        Ok(ArticleWriter {
            writer,
            fields: index.fields.clone(),
        })
    }

    /// Replaces any earlier version of `article` with this one.
    pub fn add(
        &self,
        article: &Article,
        extracted: &Extracted,
        passages: &[Passage],
    ) -> Result<()> {
        let f = &self.fields;
        let id = article_id(article);
        self.writer
            .delete_term(Term::from_field_text(f.article_id, &id));
        let common = self.common_document(article, extracted, &id);
        let mut doc = common.clone();
        doc.add_text(f.kind, KIND_ARTICLE);
        doc.add_text(f.text, &extracted.body);
        doc.add_text(f.article_text, &extracted.title);
        doc.add_text(f.article_text, &extracted.body);
        let entities = serde_json::to_string(&extracted.entities).unwrap_or_default();
        doc.add_text(f.entities_json, entities);
        doc.add_text(f.meta_json, metadata_json(article));
        doc.add_u64(f.passage_count, passages.len() as u64);
        doc.add_u64(f.bytes, article.bytes);
        self.writer.add_document(doc).context("adding an article")?;
        for passage in passages {
            let mut doc = common.clone();
            let text = &extracted.body[passage.range.clone()];
            doc.add_text(f.kind, KIND_PASSAGE);
            doc.add_text(f.body, text);
            doc.add_text(f.body_exact, text);
            doc.add_u64(f.ordinal, passage.ordinal as u64);
            doc.add_u64(f.start, passage.range.start as u64);
            doc.add_u64(f.end, passage.range.end as u64);
            self.writer.add_document(doc).context("adding a passage")?;
        }
        Ok(())
    }

    /// Fields shared by the article document and its passages.
    fn common_document(&self, article: &Article, ex: &Extracted, id: &str) -> TantivyDocument {
        let f = &self.fields;
        let mut doc = TantivyDocument::default();
        doc.add_text(f.article_id, id);
        doc.add_u64(f.article_key, article_key(article));
        let file = files::file_key(&article.canonical.to_string_lossy());
        doc.add_text(f.file_key, file);
        doc.add_text(f.path, article.path.to_string_lossy());
        doc.add_text(f.title, &ex.title);
        doc.add_text(f.title_exact, &ex.title);
        if let Some(date) = ex.date.date {
            let midnight = date.midnight().assume_utc();
            doc.add_date(f.date, DateTime::from_utc(midnight));
        }
        doc.add_text(f.date_provenance, ex.date.provenance.as_str());
        if let Some(evidence) = &ex.date.evidence {
            doc.add_text(f.date_evidence, evidence);
        }
        if let Some(source) = &ex.source.name {
            doc.add_text(f.source, source);
        }
        doc.add_text(f.source_provenance, ex.source.provenance.as_str());
        for entity in &ex.entities {
            doc.add_text(f.entity, &entity.name);
            for alias in &entity.aliases {
                doc.add_text(f.entity, alias);
            }
        }
        doc
    }

    /// Removes every document that came from the file with this canonical path.
    pub fn delete_file(&self, canonical: &str) {
        let key = files::file_key(canonical);
        self.writer
            .delete_term(Term::from_field_text(self.fields.file_key, &key));
    }

    /// Records (or replaces) what is remembered of a file.
    pub fn record_file(&self, state: &FileState) -> Result<()> {
        let key = files::file_key(&state.path);
        self.writer
            .delete_term(Term::from_field_text(self.fields.file_doc, &key));
        self.writer
            .add_document(files::document(&self.fields, state))
            .context("recording a file")?;
        Ok(())
    }

    /// Deletes everything: `index --rebuild`.
    pub fn delete_all(&self) -> Result<()> {
        self.writer
            .delete_all_documents()
            .context("clearing the index")?;
        Ok(())
    }

    /// Commits everything added, atomically, and waits for merges to finish.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit().context("committing the index")?;
        self.writer
            .wait_merging_threads()
            .context("merging index segments")
    }
}
