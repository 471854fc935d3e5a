//! Reading documents back: a passage's fast fields (its article, ordinal and byte range)
//! and its article's stored document (path, title, date, source, text). Passages store
//! nothing; their text is a slice of the article's, read once per article and cached
//! for the rest of the search.

use std::collections::HashMap;
use std::rc::Rc;

use tantivy::columnar::Column;
use tantivy::schema::{IndexRecordOption, TantivyDocument, Value};
use tantivy::{DocAddress, DocSet, Searcher, Term, TERMINATED};
use time::Date;

use crate::error::{IndexContext, Result};
use crate::index::Fields;

/// What a passage document holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PassageRef {
    /// Its article's key.
    pub article_key: u64,
    /// Ordinal in the article.
    pub ordinal: u64,
    /// Byte range in the article's cleaned body.
    pub start: u64,
    /// End of that range.
    pub end: u64,
}

/// The stored part of an article document.
#[derive(Debug, Clone, Default)]
pub struct ArticleDoc {
    /// Where it is.
    pub address: Option<DocAddress>,
    /// The article id (hex).
    pub id: String,
    /// Path as shown.
    pub path: String,
    /// Title.
    pub title: String,
    /// Publication date.
    pub date: Option<Date>,
    /// Where the date came from.
    pub date_provenance: String,
    /// The text the date was read from.
    pub date_evidence: Option<String>,
    /// Publisher.
    pub source: Option<String>,
    /// Where the publisher came from.
    pub source_provenance: String,
    /// The cleaned body.
    pub text: String,
    /// The whole stored document, for fields read by `show` only.
    pub doc: TantivyDocument,
}

impl ArticleDoc {
    /// The text of `passage`, or "" when its range does not fit the text.
    pub fn slice(&self, passage: &PassageRef) -> &str {
        let (Ok(start), Ok(end)) = (usize::try_from(passage.start), usize::try_from(passage.end))
        else {
            return "";
        };
        self.text.get(start..end).unwrap_or_default()
    }
}

/// Fast-field columns of one segment.
struct Columns {
    key: Column<u64>,
    ordinal: Column<u64>,
    start: Column<u64>,
    end: Column<u64>,
    date: Column<tantivy::DateTime>,
}

/// Reads passages and articles of one searcher, caching columns and articles.
pub struct Docs<'a> {
    searcher: &'a Searcher,
    fields: &'a Fields,
    columns: HashMap<u32, Columns>,
    articles: HashMap<u64, Rc<ArticleDoc>>,
}

impl<'a> Docs<'a> {
    /// A reader over `searcher`.
    pub fn new(searcher: &'a Searcher, fields: &'a Fields) -> Docs<'a> {
        Docs {
            searcher,
            fields,
            columns: HashMap::new(),
            articles: HashMap::new(),
        }
    }

    fn columns(&mut self, segment: u32) -> Result<&Columns> {
        if !self.columns.contains_key(&segment) {
            let fast = self.searcher.segment_reader(segment).fast_fields();
            let columns = Columns {
                key: fast.u64("article_key").context("reading article keys")?,
                ordinal: fast.u64("ordinal").context("reading passage ordinals")?,
                start: fast.u64("start").context("reading passage ranges")?,
                end: fast.u64("end").context("reading passage ranges")?,
                date: fast.date("date").context("reading dates")?,
            };
            self.columns.insert(segment, columns);
        }
        Ok(&self.columns[&segment])
    }

    /// The article key of any document.
    pub fn article_key(&mut self, address: DocAddress) -> Result<u64> {
        let columns = self.columns(address.segment_ord)?;
        Ok(columns.key.first(address.doc_id).unwrap_or_default())
    }

    /// The publication date of any document.
    pub fn date(&mut self, address: DocAddress) -> Result<Option<Date>> {
        let columns = self.columns(address.segment_ord)?;
        Ok(columns
            .date
            .first(address.doc_id)
            .map(|d| d.into_utc().date()))
    }

    /// The fast fields of a passage document.
    pub fn passage(&mut self, address: DocAddress) -> Result<PassageRef> {
        let c = self.columns(address.segment_ord)?;
        let doc = address.doc_id;
        Ok(PassageRef {
            article_key: c.key.first(doc).unwrap_or_default(),
            ordinal: c.ordinal.first(doc).unwrap_or_default(),
            start: c.start.first(doc).unwrap_or_default(),
            end: c.end.first(doc).unwrap_or_default(),
        })
    }

    /// The article document with this key, looked for first in segment `hint` (where
    /// its passages are), then everywhere. An empty article when none is found.
    pub fn article(&mut self, key: u64, hint: Option<u32>) -> Result<Rc<ArticleDoc>> {
        if let Some(found) = self.articles.get(&key) {
            return Ok(Rc::clone(found));
        }
        let article = match self.find_article(key, hint)? {
            Some(address) => Rc::new(self.load(address)?),
            None => Rc::new(ArticleDoc::default()),
        };
        self.articles.insert(key, Rc::clone(&article));
        Ok(article)
    }

    /// The address of the live article document with this key.
    pub fn find_article(&self, key: u64, hint: Option<u32>) -> Result<Option<DocAddress>> {
        let term = Term::from_field_u64(self.fields.article_doc, key);
        let segments = self.searcher.segment_readers().len() as u32;
        let order = hint
            .into_iter()
            .chain((0..segments).filter(|s| Some(*s) != hint));
        for segment in order {
            let reader = self.searcher.segment_reader(segment);
            let index = reader
                .inverted_index(self.fields.article_doc)
                .context("reading article keys")?;
            let postings = index
                .read_postings(&term, IndexRecordOption::Basic)
                .context("reading article keys")?;
            let Some(mut postings) = postings else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !reader.is_deleted(doc) {
                    return Ok(Some(DocAddress::new(segment, doc)));
                }
                doc = postings.advance();
            }
        }
        Ok(None)
    }

    /// Reads the article document at `address`.
    pub fn load(&mut self, address: DocAddress) -> Result<ArticleDoc> {
        let doc: TantivyDocument = self.searcher.doc(address).context("reading an article")?;
        let f = self.fields;
        let date = parse_day(&text_of(&doc, f.published));
        let optional = |field| Some(text_of(&doc, field)).filter(|s| !s.is_empty());
        Ok(ArticleDoc {
            address: Some(address),
            id: text_of(&doc, f.article_id),
            path: text_of(&doc, f.path),
            title: text_of(&doc, f.title_text),
            date,
            date_provenance: text_of(&doc, f.date_provenance),
            date_evidence: optional(f.date_evidence),
            source: optional(f.source_name),
            source_provenance: text_of(&doc, f.source_provenance),
            text: text_of(&doc, f.text),
            doc,
        })
    }
}

/// A stored `YYYY-MM-DD` day.
fn parse_day(text: &str) -> Option<Date> {
    let (from, to) = crate::extract::dates::parse_plain_date_range(text)?;
    (from == to).then_some(from)
}

/// The first text value of `field`, or "".
pub fn text_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    doc.get_first(field)
        .and_then(|v| v.as_str().map(String::from))
        .unwrap_or_default()
}

/// The first u64 value of `field`, or 0.
pub fn u64_of(doc: &TantivyDocument, field: tantivy::schema::Field) -> u64 {
    doc.get_first(field).and_then(|v| v.as_u64()).unwrap_or(0)
}
