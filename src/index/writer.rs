//! Writing articles: each article becomes one article document and one document per
//! passage, all under the article's id. Adding an article first deletes every document
//! with its id, so re-indexing the same file never duplicates it.

use tantivy::schema::TantivyDocument;
use tantivy::{DateTime, IndexWriter, TantivyError, Term};

use super::{DossierIndex, Fields, KIND_ARTICLE, KIND_PASSAGE};
use crate::analyze::Passage;
use crate::error::{Error, IndexContext, Result};
use crate::extract::Extracted;
use crate::ingest::Article;

/// Memory budget per indexing thread (tantivy needs at least 15 MB).
const MEMORY_PER_THREAD: usize = 64 * 1024 * 1024;

/// Adds articles to the index; nothing is visible until [`ArticleWriter::commit`].
pub struct ArticleWriter {
    writer: IndexWriter,
    fields: Fields,
}

/// The stable id of an article: a hash of its canonical path (shown as 16 hex digits).
pub fn article_key(article: &Article) -> u64 {
    let key = article.canonical.to_string_lossy();
    xxhash_rust::xxh3::xxh3_64(key.as_bytes())
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
        let entities = serde_json::to_string(&extracted.entities).unwrap_or_default();
        doc.add_text(f.entities_json, entities);
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

    /// Commits everything added, atomically, and waits for merges to finish.
    pub fn commit(mut self) -> Result<()> {
        self.writer.commit().context("committing the index")?;
        self.writer
            .wait_merging_threads()
            .context("merging index segments")
    }
}
