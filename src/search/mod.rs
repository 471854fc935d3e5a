//! Search: build the query ([`query`]), run it over passages, rank, and highlight
//! ([`highlight`]) into a list of [`Hit`]s that the printers in `output` render.

mod exclusion;
pub mod highlight;
pub mod query;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::time::Instant;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::schema::{TantivyDocument, Value};
use tantivy::{DocAddress, Searcher};
use time::Date;

use crate::error::{IndexContext, Result};
use crate::index::{DossierIndex, Fields};
pub use highlight::Highlighter;
pub use query::{Filters, Matcher, Plan, QueryBuilder, Syntax};

/// What to search for and how many results to return.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// The query text (dossier syntax).
    pub text: String,
    /// How to read it.
    pub syntax: Syntax,
    /// Filters from flags.
    pub filters: Filters,
    /// Hits to return.
    pub limit: usize,
    /// Hits to skip first.
    pub offset: usize,
}

/// One matching passage.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 1-based rank in the whole result list (offset included).
    pub rank: usize,
    /// BM25 score (title matches boosted).
    pub score: f32,
    /// Article id.
    pub article_id: String,
    /// Article path.
    pub path: String,
    /// Article title.
    pub title: String,
    /// Publication date, if known.
    pub date: Option<Date>,
    /// Where the date came from.
    pub date_provenance: String,
    /// Publisher, if known.
    pub source: Option<String>,
    /// Where the source came from.
    pub source_provenance: String,
    /// Passage ordinal in the article.
    pub passage: u64,
    /// Byte range of the passage in the cleaned article body.
    pub passage_range: Range<u64>,
    /// The passage text.
    pub text: String,
    /// Highlight byte ranges in `text`.
    pub highlights: Vec<Range<usize>>,
    /// Highlight byte ranges in `title`.
    pub title_highlights: Vec<Range<usize>>,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct Results {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// How many passages matched in all.
    pub total_passages: usize,
    /// The query as dossier understood it.
    pub parsed: String,
    /// Parse problems that were skipped.
    pub warnings: Vec<String>,
    /// Time spent, in milliseconds.
    pub elapsed_ms: f64,
}

/// Every matching article (for `--paths` and `--count`).
#[derive(Debug, Clone)]
pub struct ArticleMatches {
    /// Paths of the matching articles, in index order, each once.
    pub paths: Vec<String>,
    /// How many passages matched.
    pub passages: usize,
    /// The query as dossier understood it.
    pub parsed: String,
    /// Parse problems that were skipped.
    pub warnings: Vec<String>,
}

/// Runs searches against one opened index.
pub struct Engine {
    searcher: Searcher,
    fields: Fields,
    builder: QueryBuilder,
    highlighter: Highlighter,
}

impl Engine {
    /// An engine over the index's last commit.
    pub fn new(index: &DossierIndex) -> Result<Engine> {
        let searcher = index.reader()?.searcher();
        Ok(Engine {
            searcher,
            fields: index.fields.clone(),
            builder: QueryBuilder::new(index.fields.clone()),
            highlighter: Highlighter::default(),
        })
    }

    /// Builds the plan for a request (parse, filters, matchers).
    pub fn plan(&mut self, request: &Request) -> Result<Plan> {
        self.builder
            .build(&request.text, request.syntax, &request.filters)
    }

    /// The top passages for `request`, ranked and highlighted.
    pub fn search(&mut self, request: &Request) -> Result<Results> {
        let started = Instant::now();
        let plan = self.plan(request)?;
        let wanted = request.offset.saturating_add(request.limit);
        // Fetch a few more than needed so that equal scores can be ordered by path
        // and ordinal, which keeps results stable across index layouts.
        // Never ask for more than the index holds: the collector allocates up front.
        let docs = usize::try_from(self.searcher.num_docs()).unwrap_or(usize::MAX);
        let fetch = wanted.saturating_add(16).min(docs).max(1);
        let (top, total) = self
            .searcher
            .search(
                &plan.query,
                &(TopDocs::with_limit(fetch).order_by_score(), Count),
            )
            .context("running the query")?;
        let mut hits = Vec::with_capacity(top.len());
        for (score, address) in top {
            hits.push(self.hit(score, address, &plan.matchers)?);
        }
        hits.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then_with(|| a.path.cmp(&b.path))
                .then_with(|| a.passage.cmp(&b.passage))
        });
        let hits: Vec<Hit> = hits
            .into_iter()
            .skip(request.offset)
            .take(request.limit)
            .enumerate()
            .map(|(i, mut hit)| {
                hit.rank = request.offset + i + 1;
                hit
            })
            .collect();
        Ok(Results {
            hits,
            total_passages: total,
            parsed: plan.parsed,
            warnings: plan.warnings,
            elapsed_ms: started.elapsed().as_secs_f64() * 1000.0,
        })
    }

    /// Every article with a matching passage, and the passage count.
    pub fn articles(&mut self, request: &Request) -> Result<ArticleMatches> {
        let plan = self.plan(request)?;
        let docs = self
            .searcher
            .search(&plan.query, &DocSetCollector)
            .context("running the query")?;
        let mut first_by_key: HashMap<u64, DocAddress> = HashMap::new();
        let mut columns = HashMap::new();
        for address in &docs {
            let column = match columns.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let reader = self.searcher.segment_reader(address.segment_ord);
                    let column = reader
                        .fast_fields()
                        .u64("article_key")
                        .context("reading article keys")?;
                    e.insert(column)
                }
            };
            let key = column.first(address.doc_id).unwrap_or_default();
            let entry = first_by_key.entry(key).or_insert(*address);
            if *address < *entry {
                *entry = *address;
            }
        }
        let mut firsts: Vec<DocAddress> = first_by_key.into_values().collect();
        firsts.sort();
        let mut paths = Vec::with_capacity(firsts.len());
        let mut seen = HashSet::new();
        for address in firsts {
            let doc: TantivyDocument = self.searcher.doc(address).context("reading a hit")?;
            let path = text_of(&doc, self.fields.path);
            if seen.insert(path.clone()) {
                paths.push(path);
            }
        }
        paths.sort();
        Ok(ArticleMatches {
            paths,
            passages: docs.len(),
            parsed: plan.parsed,
            warnings: plan.warnings,
        })
    }

    fn hit(&mut self, score: f32, address: DocAddress, matchers: &[Matcher]) -> Result<Hit> {
        let doc: TantivyDocument = self.searcher.doc(address).context("reading a hit")?;
        let f = &self.fields;
        let text = text_of(&doc, f.body);
        let title = text_of(&doc, f.title);
        let highlights = self.highlighter.highlight(&text, matchers, false);
        let title_highlights = self.highlighter.highlight(&title, matchers, true);
        let source = doc
            .get_first(f.source)
            .and_then(|v| v.as_str().map(String::from));
        Ok(Hit {
            rank: 0,
            score,
            article_id: text_of(&doc, f.article_id),
            path: text_of(&doc, f.path),
            date: doc
                .get_first(f.date)
                .and_then(|v| v.as_datetime())
                .and_then(to_date),
            date_provenance: text_of(&doc, f.date_provenance),
            source,
            source_provenance: text_of(&doc, f.source_provenance),
            passage: u64_of(&doc, f.ordinal),
            passage_range: u64_of(&doc, f.start)..u64_of(&doc, f.end),
            title,
            text,
            highlights,
            title_highlights,
        })
    }
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

/// The calendar day (UTC) of a stored date.
pub fn to_date(value: tantivy::DateTime) -> Option<Date> {
    Some(value.into_utc().date())
}
