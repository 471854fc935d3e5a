//! Writing articles: each article becomes one article document and one document per
//! passage, all under the article's id. Adding an article first deletes every document
//! with its id, so re-indexing the same file never duplicates it.

use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use tantivy::indexer::UserOperation;
use tantivy::schema::{Document, TantivyDocument};
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

/// Cited outlets and date mentions of an article, as a JSON object.
fn extra_json(extracted: &Extracted) -> String {
    let mentions: Vec<serde_json::Value> = extracted
        .mentions
        .iter()
        .map(|m| serde_json::json!({ "text": m.text, "value": m.value }))
        .collect();
    serde_json::json!({ "cites": extracted.cites, "mentions": mentions }).to_string()
}

/// The normalised date values each passage mentions, passage by passage.
fn passage_mentions<'a>(
    extracted: &'a Extracted,
    passages: &'a [Passage],
) -> impl Iterator<Item = Vec<&'a str>> + 'a {
    passages.iter().map(move |p| {
        let mut values: Vec<&str> = extracted
            .mentions
            .iter()
            .filter(|m| p.range.start <= m.start && m.start < p.range.end)
            .map(|m| m.value.as_str())
            .collect();
        values.sort_unstable();
        values.dedup();
        values
    })
}

/// Memory budget per indexing thread (tantivy needs at least 15 MB).
const MEMORY_PER_THREAD: usize = 40 * 1024 * 1024;

/// Article text (bytes) that may wait in tantivy's queue for an indexing thread. tantivy
/// queues up to 10,000 batches (articles here) before `run` blocks: about 180 MB of
/// documents on the synthetic corpus (the text is in each article document and again in
/// its passages) whenever its threads fall behind, for instance while they write a segment.
/// A few MB keep its threads busy just as well.
const QUEUED_TEXT_BYTES: usize = 8 * 1024 * 1024;

/// How long [`Queue::admit`] waits for room before letting an article in anyway: the bound
/// must never hang a run if tantivy stops taking documents (its own queue bound holds then).
const QUEUE_PATIENCE: Duration = Duration::from_secs(30);

/// The article text waiting in tantivy's queue, bounded by [`QUEUED_TEXT_BYTES`].
#[derive(Default)]
struct Queue {
    bytes: Mutex<usize>,
    taken: Condvar,
}

impl Queue {
    /// Waits until `bytes` more fit (or the queue is empty, or [`QUEUE_PATIENCE`] ran out),
    /// then counts them until the returned ticket is dropped.
    fn admit(self: &Arc<Self>, bytes: usize) -> Ticket {
        let started = std::time::Instant::now();
        let mut queued = self.bytes.lock().unwrap_or_else(|e| e.into_inner());
        while *queued > 0 && *queued + bytes > QUEUED_TEXT_BYTES {
            let Some(left) = QUEUE_PATIENCE.checked_sub(started.elapsed()) else {
                break;
            };
            queued = match self.taken.wait_timeout(queued, left) {
                Ok((guard, _)) => guard,
                Err(e) => e.into_inner().0,
            };
        }
        *queued += bytes;
        Ticket {
            queue: Arc::clone(self),
            bytes,
        }
    }
}

/// An article's place in the [`Queue`], given back when dropped.
struct Ticket {
    queue: Arc<Queue>,
    bytes: usize,
}

impl Drop for Ticket {
    /// Gives the article's bytes back; waiting articles are woken once the queue is down
    /// to half its bound, so that they come in batches rather than one per article taken.
    fn drop(&mut self) {
        let mut queued = self.queue.bytes.lock().unwrap_or_else(|e| e.into_inner());
        *queued = queued.saturating_sub(self.bytes);
        if *queued <= QUEUED_TEXT_BYTES / 2 {
            self.queue.taken.notify_all();
        }
    }
}

/// A document on its way to tantivy's indexing threads. The last document of an article
/// carries the article's [`Ticket`], given back when an indexing thread has indexed it and
/// drops it.
pub struct QueuedDocument {
    doc: TantivyDocument,
    ticket: Option<Ticket>,
}

impl From<TantivyDocument> for QueuedDocument {
    fn from(doc: TantivyDocument) -> Self {
        QueuedDocument { doc, ticket: None }
    }
}

impl Document for QueuedDocument {
    type Value<'a> = <TantivyDocument as Document>::Value<'a>;
    type FieldsValuesIter<'a> = <TantivyDocument as Document>::FieldsValuesIter<'a>;

    fn iter_fields_and_values(&self) -> Self::FieldsValuesIter<'_> {
        self.doc.iter_fields_and_values()
    }

    fn into_tantivy_document(self) -> TantivyDocument {
        let QueuedDocument { doc, ticket } = self;
        drop(ticket);
        doc
    }
}

/// Adds articles to the index; nothing is visible until [`ArticleWriter::commit`].
pub struct ArticleWriter {
    writer: IndexWriter<QueuedDocument>,
    /// Article text waiting for tantivy's indexing threads.
    queue: Arc<Queue>,
    fields: Fields,
    /// The index as it was before this run, to know which articles already exist.
    before: Option<tantivy::Searcher>,
    /// Articles added in this run.
    added: std::sync::Mutex<std::collections::HashSet<u64>>,
}

/// The stable id of an article: a hash of its identity key (shown as 16 hex digits).
pub fn article_key(article: &Article) -> u64 {
    xxhash_rust::xxh3::xxh3_64(article.key.as_bytes())
}

/// The stable id of an article as shown to users: [`article_key`] in hex.
pub fn article_id(article: &Article) -> String {
    hex_id(article_key(article))
}

/// An article key as shown to users: 16 hex digits.
fn hex_id(key: u64) -> String {
    format!("{key:016x}")
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
        let before = index
            .reader()
            .ok()
            .map(|r| r.searcher())
            .filter(|s| s.num_docs() > 0);
        Ok(ArticleWriter {
            writer,
            queue: Arc::default(),
            fields: index.fields.clone(),
            before,
            added: Default::default(),
        })
    }

    /// Whether an article with this key may already be in the index: indexed before
    /// this run, or added earlier in it. Only then is a delete queued: tantivy applies
    /// every queued delete to every segment, which is costly by the hundred thousand.
    fn may_exist(&self, key: u64) -> bool {
        let seen_in_run = match self.added.lock() {
            Ok(mut added) => !added.insert(key),
            Err(_) => true,
        };
        seen_in_run
            || self.before.as_ref().is_some_and(|searcher| {
                let term = Term::from_field_u64(self.fields.article_doc, key);
                searcher.doc_freq(&term).map_or(true, |n| n > 0)
            })
    }

    /// Replaces any earlier version of `article` with this one. The article document
    /// and its passages go to the index in one batch, so they land in the same segment.
    pub fn add(
        &self,
        article: &Article,
        extracted: &Extracted,
        passages: &[Passage],
    ) -> Result<()> {
        let f = &self.fields;
        let key = article_key(article);
        let file = files::file_key(&article.canonical.to_string_lossy());
        let date = extracted
            .date
            .date
            .map(|d| DateTime::from_utc(d.midnight().assume_utc()));

        let mut doc = TantivyDocument::default();
        doc.add_text(f.kind, KIND_ARTICLE);
        doc.add_text(f.article_id, hex_id(key));
        doc.add_u64(f.article_key, key);
        doc.add_u64(f.article_doc, key);
        doc.add_text(f.file_key, &file);
        doc.add_text(f.path, article.path.to_string_lossy());
        doc.add_text(f.title_text, &extracted.title);
        if let Some(date) = extracted.date.date {
            doc.add_text(f.published, date.to_string());
        }
        doc.add_text(f.date_provenance, extracted.date.provenance.as_str());
        if let Some(evidence) = &extracted.date.evidence {
            doc.add_text(f.date_evidence, evidence);
        }
        if let Some(source) = &extracted.source.name {
            doc.add_text(f.source_name, source);
        }
        doc.add_text(f.source_provenance, extracted.source.provenance.as_str());
        doc.add_text(f.text, &extracted.body);
        let entities = super::stored::encode_entities(&extracted.entities);
        doc.add_text(f.entities_json, entities);
        doc.add_text(f.extra_json, extra_json(extracted));
        doc.add_text(f.meta_json, metadata_json(article));
        doc.add_u64(f.passage_count, passages.len() as u64);
        // Entity names once per article: its passages are found from it (the batch below
        // keeps them right after it, see `search::children`).
        for entity in &extracted.entities {
            doc.add_text(f.entity, &entity.name);
            for alias in &entity.aliases {
                doc.add_text(f.entity, alias);
            }
        }
        doc.add_u64(f.bytes, article.bytes);

        let words = (extracted.title.split_whitespace().count()
            + extracted.body.split_whitespace().count()) as u64;
        let mut batch: Vec<UserOperation<QueuedDocument>> = Vec::with_capacity(passages.len() + 2);
        if self.may_exist(key) {
            batch.push(UserOperation::Delete(Term::from_field_u64(
                f.article_key,
                key,
            )));
        }
        batch.push(UserOperation::Add(doc.into()));
        for (passage, mentions) in passages.iter().zip(passage_mentions(extracted, passages)) {
            let mut doc = TantivyDocument::default();
            doc.add_text(f.kind, KIND_PASSAGE);
            doc.add_u64(f.article_key, key);
            doc.add_text(f.file_key, &file);
            if let Some(date) = date {
                doc.add_date(f.date, date);
            }
            if passage.ordinal == 0 {
                doc.add_text(f.title, &extracted.title);
            }
            let text = extracted
                .body
                .get(passage.range.clone())
                .unwrap_or_default();
            doc.add_text(f.body, text);
            if let Some(source) = &extracted.source.name {
                doc.add_text(f.source, source);
            }
            for outlet in &extracted.cites {
                doc.add_text(f.cites, outlet);
            }
            for value in mentions {
                doc.add_text(f.mentions, value);
            }
            doc.add_u64(f.words, words);
            doc.add_u64(f.ordinal, passage.ordinal as u64);
            doc.add_u64(f.start, passage.range.start as u64);
            doc.add_u64(f.end, passage.range.end as u64);
            batch.push(UserOperation::Add(doc.into()));
        }
        // Waits while tantivy's queue holds enough text; the ticket rides on the last
        // document, so it comes back once tantivy has taken the whole article.
        let ticket = self
            .queue
            .admit(usize::try_from(article.bytes).unwrap_or(usize::MAX));
        if let Some(UserOperation::Add(last)) = batch.last_mut() {
            last.ticket = Some(ticket);
        }
        self.writer
            .run(batch)
            .context("adding an article and its passages")?;
        Ok(())
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
            .add_document(files::document(&self.fields, state).into())
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
