//! Search: build the query ([`query`]), run it over passages, rank, and highlight
//! ([`highlight`]) into a list of [`Hit`]s that the printers in `output` render.

mod articles;
pub mod children;
pub mod docs;
mod exclusion;
pub mod expand;
pub mod highlight;
pub mod query;

use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::time::Instant;

use tantivy::collector::{Count, DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::TantivyDocument;
use tantivy::Order;
use tantivy::{DocAddress, Searcher};
use time::Date;

use crate::error::{IndexContext, Result};
use crate::index::{DossierIndex, Fields};
pub use docs::{text_of, u64_of, ArticleDoc, Docs, PassageRef};
pub use highlight::Highlighter;
pub use query::{Filters, Matcher, Plan, QueryBuilder, Syntax};

/// Order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Sort {
    /// Best score first.
    #[default]
    Relevance,
    /// Newest publication date first; unknown dates last.
    Date,
}

/// What to search for and how many results to return.
#[derive(Debug, Clone, Default)]
pub struct Request {
    /// One hit per article (its best passage) instead of one per passage.
    pub articles: bool,
    /// Order of hits.
    pub sort: Sort,
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
    /// With `--articles`: how many passages of the article matched.
    pub matched_passages: Option<usize>,
}

/// The outcome of a search.
#[derive(Debug, Clone)]
pub struct Results {
    /// The hits, best first.
    pub hits: Vec<Hit>,
    /// How many passages matched in all.
    pub total_passages: usize,
    /// With `--articles`: how many articles matched.
    pub total_articles: Option<usize>,
    /// How the query was widened.
    pub widened: Vec<String>,
    /// The all-words query found nothing, so any-word ranking was used.
    pub fell_back_to_any: bool,
    /// When nothing matched: a query built from the index's own words that would match.
    pub suggestion: Option<String>,
    /// The query as dossier understood it.
    pub parsed: String,
    /// Parse problems that were skipped.
    pub warnings: Vec<String>,
    /// With `--since`/`--until`: articles that would match but have no known date, so
    /// the date filter left them out.
    pub undated_articles: Option<usize>,
    /// Time spent, in milliseconds.
    pub elapsed_ms: f64,
}

/// Whether the query gains from being run twice, for the top documents and for the
/// count: a single term (its count is its document frequency) or a disjunction of terms
/// (whose top documents tantivy finds with block-max WAND, skipping most of its
/// matches). Any other query (phrases, intersections, filters) is evaluated in full
/// anyway, so the top documents and the count are taken in one pass.
fn prunes(query: &dyn Query) -> bool {
    if query.downcast_ref::<TermQuery>().is_some() {
        return true;
    }
    // A disjunction of words (a word's forms, its title boost): not of phrases, whose
    // scorers check positions for every candidate anyway.
    match query.downcast_ref::<BooleanQuery>() {
        Some(boolean) => {
            let clauses = boolean.clauses();
            clauses.iter().all(|(occur, _)| *occur == Occur::Should)
                && clauses
                    .iter()
                    .any(|(_, q)| q.downcast_ref::<TermQuery>().is_some())
        }
        None => false,
    }
}

/// Every matching article (for `--paths` and `--count`).
#[derive(Debug, Clone)]
pub struct ArticleMatches {
    /// Paths of the matching articles, sorted, each once.
    pub paths: Vec<String>,
    /// How many articles matched.
    pub articles: usize,
    /// No passage had all the words, so passages with any of them were counted.
    pub fell_back_to_any: bool,
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
            builder: QueryBuilder::new(index.fields.clone(), Some(searcher.clone())),
            searcher,
            fields: index.fields.clone(),
            highlighter: Highlighter::default(),
        })
    }

    /// Documents in the index, as a collector limit (collectors allocate up front).
    fn doc_count(&self) -> usize {
        usize::try_from(self.searcher.num_docs()).unwrap_or(usize::MAX)
    }

    /// The any-word version of `request`, when its all-words form may be relaxed: it
    /// has several words, requires them all, and is not a `-F` phrase.
    fn any_word_retry(request: &Request) -> Option<Request> {
        let several_words = request.text.split_whitespace().count() > 1;
        if !several_words || request.syntax.any || request.syntax.phrase {
            return None;
        }
        let mut any = request.clone();
        any.syntax.any = true;
        Some(any)
    }

    /// Builds the plan for a request (parse, filters, matchers).
    pub fn plan(&mut self, request: &Request) -> Result<Plan> {
        self.builder
            .build(&request.text, request.syntax, &request.filters)
    }

    /// The top passages (or articles) for `request`, ranked and highlighted. When all
    /// the words are required and no passage has them all, ranks passages with any of
    /// them instead (and says so); when nothing matches, suggests a query.
    pub fn search(&mut self, request: &Request) -> Result<Results> {
        let started = Instant::now();
        let plan = self.plan(request)?;
        let mut results = self.run(&plan, request)?;
        let retry = Self::any_word_retry(request).filter(|_| results.total_passages == 0);
        if let Some(any) = retry {
            let any_plan = self.plan(&any)?;
            let any_results = self.run(&any_plan, &any)?;
            if any_results.total_passages > 0 {
                results = any_results;
                results.fell_back_to_any = true;
            }
        }
        if results.total_passages == 0 && !request.syntax.phrase {
            results.suggestion = self.suggest(request)?;
        }
        if request.filters.since.is_some() || request.filters.until.is_some() {
            results.undated_articles = Some(self.undated(request)?);
        }
        results.elapsed_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(results)
    }

    fn run(&mut self, plan: &Plan, request: &Request) -> Result<Results> {
        let wanted = request.offset.saturating_add(request.limit);
        // Never ask for more than the index holds: the collector allocates up front.
        let docs = self.doc_count();
        let (mut hits, total, total_articles) = if request.articles {
            let (hits, total, n) = self.article_hits(plan, request)?;
            (hits, total, Some(n))
        } else {
            // A few more than needed, so that ties can be ordered by path and ordinal,
            // which keeps results stable across index layouts.
            let fetch = wanted.saturating_add(16).min(docs).max(1);
            let (top, total) = self.top(plan, request.sort, fetch)?;
            let mut docs = Docs::new(&self.searcher, &self.fields);
            let top = shown_only(&mut docs, top, request.sort, wanted)?;
            let mut hits = Vec::with_capacity(top.len());
            for (score, address) in top {
                hits.push(hit(
                    &mut self.highlighter,
                    &mut docs,
                    score,
                    address,
                    &plan.matchers,
                )?);
            }
            (hits, total, None)
        };
        sort_hits(&mut hits, request.sort);
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
            total_articles,
            widened: plan.widened.clone(),
            fell_back_to_any: false,
            suggestion: None,
            undated_articles: None,
            parsed: plan.parsed.clone(),
            warnings: plan.warnings.clone(),
            elapsed_ms: 0.0,
        })
    }

    /// Top passages by score, or by date with their scores, and how many matched.
    fn top(
        &self,
        plan: &Plan,
        sort: Sort,
        fetch: usize,
    ) -> Result<(Vec<(f32, DocAddress)>, usize)> {
        match sort {
            Sort::Relevance if prunes(plan.query.as_ref()) => {
                // Apart, so that the top documents are found with pruning and the count
                // without scoring (a term's count is its document frequency).
                let top = self
                    .searcher
                    .search(&plan.query, &TopDocs::with_limit(fetch).order_by_score())
                    .context("running the query")?;
                let total = plan
                    .query
                    .count(&self.searcher)
                    .context("counting matches")?;
                Ok((top, total))
            }
            Sort::Relevance => {
                // Phrases and intersections are evaluated in full either way: once.
                self.searcher
                    .search(
                        &plan.query,
                        &(TopDocs::with_limit(fetch).order_by_score(), Count),
                    )
                    .context("running the query")
            }
            Sort::Date => self.newest(plan, fetch),
        }
    }

    /// The `fetch` newest matching passages with their scores: up to
    /// [`MAX_SCORED_PASSAGES`] matches are scored and ordered by date; beyond that, the
    /// newest are taken by the date column and scored one by one.
    fn newest(&self, plan: &Plan, fetch: usize) -> Result<(Vec<(f32, DocAddress)>, usize)> {
        let docs = self.doc_count();
        let limit = MAX_SCORED_PASSAGES.min(docs).max(1);
        let (scored, total) = self
            .searcher
            .search(
                &plan.query,
                &(TopDocs::with_limit(limit).order_by_score(), Count),
            )
            .context("running the query")?;
        if total > scored.len() {
            let top: Vec<(Option<tantivy::DateTime>, DocAddress)> = self
                .searcher
                .search(
                    &plan.query,
                    &TopDocs::with_limit(fetch).order_by_fast_field("date", Order::Desc),
                )
                .context("running the query")?;
            let top = top
                .into_iter()
                .map(|(_, a)| {
                    let score = plan
                        .query
                        .explain(&self.searcher, a)
                        .map_or(0.0, |e| e.value());
                    (score, a)
                })
                .collect();
            return Ok((top, total));
        }
        let mut columns = HashMap::new();
        let mut dated = Vec::with_capacity(scored.len());
        for (score, address) in scored {
            let column = match columns.entry(address.segment_ord) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => {
                    let reader = self.searcher.segment_reader(address.segment_ord);
                    e.insert(reader.fast_fields().date("date").context("reading dates")?)
                }
            };
            let date = column.first(address.doc_id);
            dated.push((date, score, address));
        }
        dated.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
        let top = dated
            .into_iter()
            .take(fetch)
            .map(|(_, s, a)| (s, a))
            .collect();
        Ok((top, total))
    }

    /// One hit per article: every matching passage is scored and grouped by article;
    /// articles are ranked by whole-article BM25 of the query's words plus a fifth of
    /// their best passage's score, and shown by that best passage.
    fn article_hits(&mut self, plan: &Plan, request: &Request) -> Result<(Vec<Hit>, usize, usize)> {
        let docs = self.doc_count();
        let limit = MAX_SCORED_PASSAGES.min(docs).max(1);
        let (top, total) = self
            .searcher
            .search(
                &plan.query,
                &(TopDocs::with_limit(limit).order_by_score(), Count),
            )
            .context("running the query")?;
        let mut groups: HashMap<u64, ArticleGroup> = HashMap::new();
        let mut docs = Docs::new(&self.searcher, &self.fields);
        for (score, address) in top {
            let key = docs.article_key(address)?;
            let group = groups.entry(key).or_insert(ArticleGroup {
                best: (score, address),
                count: 0,
                article: 0.0,
            });
            group.count += 1;
            if score > group.best.0 || (score == group.best.0 && address < group.best.1) {
                group.best = (score, address);
            }
        }
        let total_articles = groups.len();
        self.score_articles(plan, &mut groups)?;
        let mut ranked: Vec<ArticleGroup> = groups.into_values().collect();
        ranked.sort_by(|a, b| {
            b.aggregate()
                .total_cmp(&a.aggregate())
                .then(a.best.1.cmp(&b.best.1))
        });
        let wanted = request.offset.saturating_add(request.limit);
        let counts: HashMap<DocAddress, usize> =
            ranked.iter().map(|g| (g.best.1, g.count)).collect();
        let best: Vec<(f32, DocAddress)> =
            ranked.iter().map(|g| (g.aggregate(), g.best.1)).collect();
        let mut hits = Vec::new();
        for (score, address) in shown_only(&mut docs, best, request.sort, wanted)? {
            let mut hit = hit(
                &mut self.highlighter,
                &mut docs,
                score,
                address,
                &plan.matchers,
            )?;
            hit.matched_passages = counts.get(&address).copied();
            hits.push(hit);
        }
        Ok((hits, total, total_articles))
    }

    /// Scores whole articles: BM25 of the query's words over each article's title and
    /// whole text (so words spread over several passages count together).
    fn score_articles(&self, plan: &Plan, groups: &mut HashMap<u64, ArticleGroup>) -> Result<()> {
        let mut stemmer = crate::analyze::word_stemmer();
        let mut words = std::collections::BTreeMap::new();
        for matcher in &plan.matchers {
            if matcher.prefix || matcher.fuzzy > 0 {
                continue;
            }
            for term in &matcher.terms {
                // Stemmed matchers hold stems; quoted ones exact words, stemmed here.
                let stem = if matcher.stemmed {
                    term.clone()
                } else {
                    crate::analyze::terms(&mut stemmer, term)
                        .pop()
                        .unwrap_or_else(|| term.clone())
                };
                words.entry(stem).or_insert_with(|| term.clone());
            }
        }
        if words.is_empty() {
            return Ok(());
        }
        let vocab = expand::Vocabulary {
            searcher: &self.searcher,
            fields: &self.fields,
        };
        let families: Vec<Vec<String>> = words
            .iter()
            .map(|(stem, word)| {
                let mut family = vocab.stem_family(self.fields.body, word, stem, &mut stemmer);
                for w in vocab.stem_family(self.fields.title, word, stem, &mut stemmer) {
                    if !family.contains(&w) {
                        family.push(w);
                    }
                }
                family
            })
            .collect();
        let scores = articles::scores(&self.searcher, &self.fields, &families)?;
        for (key, group) in groups.iter_mut() {
            group.article = scores.get(key).copied().unwrap_or(0.0);
        }
        Ok(())
    }

    /// Articles matching `request` without its date range that have no known date.
    fn undated(&mut self, request: &Request) -> Result<usize> {
        if !self.has_undated_passages()? {
            return Ok(0);
        }
        let mut open = request.clone();
        open.filters = request.filters.without_dates();
        let matching: Box<dyn tantivy::query::Query> =
            if open.text.trim().is_empty() && open.filters.is_empty() {
                // Only a date filter: every passage would match.
                Box::new(tantivy::query::TermQuery::new(
                    tantivy::Term::from_field_text(self.fields.kind, crate::index::KIND_PASSAGE),
                    tantivy::schema::IndexRecordOption::Basic,
                ))
            } else {
                self.plan(&open)?.query
            };
        let undated = tantivy::query::BooleanQuery::new(vec![
            (tantivy::query::Occur::Must, matching),
            (
                tantivy::query::Occur::MustNot,
                Box::new(tantivy::query::ExistsQuery::new("date".into(), false)),
            ),
        ]);
        let docs = self
            .searcher
            .search(&undated, &DocSetCollector)
            .context("counting undated articles")?;
        let mut reader = Docs::new(&self.searcher, &self.fields);
        let mut keys = HashSet::new();
        for address in docs {
            keys.insert(reader.article_key(address)?);
        }
        Ok(keys.len())
    }

    /// Whether some passage has no date: a segment holds fewer date values than passages.
    fn has_undated_passages(&self) -> Result<bool> {
        let kind = tantivy::Term::from_field_text(self.fields.kind, crate::index::KIND_PASSAGE);
        for reader in self.searcher.segment_readers() {
            let dates = reader.fast_fields().date("date").context("reading dates")?;
            let index = reader
                .inverted_index(self.fields.kind)
                .context("reading passages")?;
            let passages = index
                .get_term_info(&kind)
                .context("reading passages")?
                .map_or(0, |info| info.doc_freq);
            if passages > dates.values.num_vals() {
                return Ok(true);
            }
        }
        Ok(false)
    }

    /// A query that would find something: each plain word the index does not know is
    /// replaced by the closest indexed word (edit distance ≤ 2, most frequent first).
    fn suggest(&mut self, request: &Request) -> Result<Option<String>> {
        let vocab = expand::Vocabulary {
            searcher: &self.searcher,
            fields: &self.fields,
        };
        let mut exact = crate::analyze::exact_analyzer();
        let mut changed = false;
        let mut words = Vec::new();
        for raw in request.text.split_whitespace() {
            // Only words worth correcting: letters, four or more of them.
            let plain = raw.chars().count() >= 4 && raw.chars().all(char::is_alphabetic);
            let terms = crate::analyze::terms(&mut exact, raw);
            let replacement = match terms.as_slice() {
                [word] if plain && vocab.df(word) == 0 => {
                    closest_word(&self.searcher, &self.fields, word)?
                }
                _ => None,
            };
            match replacement {
                Some(word) => {
                    changed = true;
                    words.push(word);
                }
                None => words.push(raw.to_string()),
            }
        }
        if !changed {
            return Ok(None);
        }
        let suggestion = words.join(" ");
        let mut probe = request.clone();
        probe.text = suggestion.clone();
        let plan = self.plan(&probe)?;
        let found = self
            .searcher
            .search(&plan.query, &Count)
            .context("checking a suggestion")?;
        Ok((found > 0).then_some(suggestion))
    }
    /// Every article with a matching passage, and the passage count. Like
    /// [`Engine::search`], falls back to any of the words when no passage has them all.
    pub fn articles(&mut self, request: &Request) -> Result<ArticleMatches> {
        let matches = self.all_articles(request)?;
        let retry = Self::any_word_retry(request).filter(|_| matches.passages == 0);
        if let Some(any) = retry {
            let relaxed = self.all_articles(&any)?;
            if relaxed.passages > 0 {
                return Ok(ArticleMatches {
                    fell_back_to_any: true,
                    ..relaxed
                });
            }
        }
        Ok(matches)
    }

    fn all_articles(&mut self, request: &Request) -> Result<ArticleMatches> {
        let plan = self.plan(request)?;
        let docs = self
            .searcher
            .search(&plan.query, &DocSetCollector)
            .context("running the query")?;
        let mut first_by_key: HashMap<u64, DocAddress> = HashMap::new();
        let mut reader = Docs::new(&self.searcher, &self.fields);
        for address in &docs {
            let key = reader.article_key(*address)?;
            let entry = first_by_key.entry(key).or_insert(*address);
            if *address < *entry {
                *entry = *address;
            }
        }
        let articles = first_by_key.len();
        let mut firsts: Vec<(DocAddress, u64)> =
            first_by_key.into_iter().map(|(k, a)| (a, k)).collect();
        firsts.sort();
        let mut paths = Vec::with_capacity(firsts.len());
        let mut seen = HashSet::new();
        for (address, key) in firsts {
            let Some(article) = reader.find_article(key, Some(address.segment_ord))? else {
                continue;
            };
            let doc: TantivyDocument = self.searcher.doc(article).context("reading a hit")?;
            let path = text_of(&doc, self.fields.path);
            if seen.insert(path.clone()) {
                paths.push(path);
            }
        }
        paths.sort();
        Ok(ArticleMatches {
            fell_back_to_any: false,
            paths,
            articles,
            passages: docs.len(),
            parsed: plan.parsed,
            warnings: plan.warnings,
        })
    }
}

/// A hit for the passage at `address`: its text is a slice of its article's.
fn hit(
    highlighter: &mut Highlighter,
    docs: &mut Docs,
    score: f32,
    address: DocAddress,
    matchers: &[Matcher],
) -> Result<Hit> {
    let passage = docs.passage(address)?;
    let article = docs.article(passage.article_key, Some(address.segment_ord))?;
    let text = article.slice(&passage).to_string();
    let highlights = highlighter.highlight(&text, matchers, false);
    let title_highlights = highlighter.highlight(&article.title, matchers, true);
    Ok(Hit {
        rank: 0,
        score,
        article_id: article.id.clone(),
        path: article.path.clone(),
        date: article.date,
        date_provenance: article.date_provenance.clone(),
        source: article.source.clone(),
        source_provenance: article.source_provenance.clone(),
        passage: passage.ordinal,
        passage_range: passage.start..passage.end,
        title: article.title.clone(),
        text,
        highlights,
        title_highlights,
        matched_passages: None,
    })
}

/// The hits that can be shown: the first `wanted` by score (or date, then score), and
/// any tied with the last of them, whose order is settled by path. Only these are read
/// and highlighted.
fn shown_only(
    docs: &mut Docs,
    top: Vec<(f32, DocAddress)>,
    sort: Sort,
    wanted: usize,
) -> Result<Vec<(f32, DocAddress)>> {
    let mut keyed = Vec::with_capacity(top.len());
    for (score, address) in top {
        let date = match sort {
            Sort::Date => docs.date(address)?,
            Sort::Relevance => None,
        };
        keyed.push((date, score, address));
    }
    keyed.sort_by(|a, b| b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2)));
    let mut n = wanted.min(keyed.len());
    while n > 0 && n < keyed.len() && keyed[n].0 == keyed[n - 1].0 && keyed[n].1 == keyed[n - 1].1 {
        n += 1;
    }
    Ok(keyed.into_iter().take(n).map(|(_, s, a)| (s, a)).collect())
}

/// Most passages scored for `--articles` ranking.
const MAX_SCORED_PASSAGES: usize = 100_000;

/// Weight of an article's best passage in its `--articles` score. Tuned on the TIME and
/// Cranfield collections (examples/eval_ir.rs): 0 and 0.5 both rank worse.
const BEST_PASSAGE_WEIGHT: f32 = 0.2;

/// The matching passages of one article.
struct ArticleGroup {
    best: (f32, DocAddress),
    count: usize,
    /// BM25 of the query's words over the whole article.
    article: f32,
}

impl ArticleGroup {
    /// Whole-article BM25 (see [`articles`]) plus a fifth of the best passage's score.
    fn aggregate(&self) -> f32 {
        self.article + BEST_PASSAGE_WEIGHT * self.best.0
    }
}

/// Orders hits: by score (then path, passage) or by date (newest first, unknown last,
/// then score, path, passage).
fn sort_hits(hits: &mut [Hit], sort: Sort) {
    hits.sort_by(|a, b| {
        let by_date = match sort {
            Sort::Date => b.date.cmp(&a.date),
            Sort::Relevance => std::cmp::Ordering::Equal,
        };
        by_date
            .then_with(|| b.score.total_cmp(&a.score))
            .then_with(|| a.path.cmp(&b.path))
            .then_with(|| a.passage.cmp(&b.passage))
    });
}

/// The indexed word closest to `word` (edit distance ≤ 2; fewest edits, then most passages).
fn closest_word(searcher: &Searcher, fields: &Fields, word: &str) -> Result<Option<String>> {
    let vocab = expand::Vocabulary { searcher, fields };
    let mut best: Option<(usize, std::cmp::Reverse<u32>, String)> = None;
    vocab.for_each_within(fields.body, word, 2, &mut |candidate, passages| {
        let key = (
            expand::edit_distance(word, candidate),
            std::cmp::Reverse(passages),
            candidate.to_string(),
        );
        if best.as_ref().is_none_or(|b| key < *b) {
            best = Some(key);
        }
    })?;
    // Short words take one edit at most: two edits turn "2nd" into "and".
    let allowed = if word.chars().count() <= 5 { 1 } else { 2 };
    Ok(best.filter(|(d, _, _)| *d <= allowed).map(|(_, _, w)| w))
}

/// The calendar day (UTC) of a stored date.
pub fn to_date(value: tantivy::DateTime) -> Option<Date> {
    Some(value.into_utc().date())
}
