//! Article-level scoring for `--articles`: BM25 of the query's words over each whole
//! article (title and text), so that words spread over several passages count together.
//!
//! The parameters are those of the classic ad-hoc baselines (k1 = 0.9, b = 0.4), not
//! tantivy's fixed 1.2 / 0.75: whole news articles vary a lot in length, and a strong
//! length penalty buries long, relevant articles. Postings are read whole, so this costs
//! time in proportion to how many articles contain the words.

use std::collections::HashMap;

use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, Searcher, Term, TERMINATED};

use crate::error::{IndexContext, Result};
use crate::index::{Fields, KIND_ARTICLE};

/// Term-frequency saturation.
pub const K1: f32 = 0.9;
/// Length normalisation.
pub const B: f32 = 0.4;

/// BM25 score of every article containing any of `words` (stemmed terms), by article key.
pub fn scores(searcher: &Searcher, fields: &Fields, words: &[String]) -> Result<HashMap<u64, f32>> {
    let kind = Term::from_field_text(fields.kind, KIND_ARTICLE);
    let articles = searcher
        .doc_freq(&kind)
        .context("counting articles")?
        .max(1) as f32;
    let mut tokens = 0u64;
    for reader in searcher.segment_readers() {
        let index = reader
            .inverted_index(fields.article_text)
            .context("reading articles")?;
        tokens += index.total_num_tokens();
    }
    let average = (tokens as f32 / articles).max(1.0);
    // Each word's idf, computed once over the whole index.
    let mut weighted = Vec::with_capacity(words.len());
    for word in words {
        let term = Term::from_field_text(fields.article_text, word);
        let df = searcher
            .doc_freq(&term)
            .context("reading a word's frequency")? as f32;
        if df > 0.0 {
            weighted.push((term, (1.0 + (articles - df + 0.5) / (df + 0.5)).ln()));
        }
    }
    let mut out: HashMap<u64, f32> = HashMap::new();
    for reader in searcher.segment_readers() {
        let index = reader
            .inverted_index(fields.article_text)
            .context("reading articles")?;
        let norms = reader
            .get_fieldnorms_reader(fields.article_text)
            .context("reading article lengths")?;
        let keys = reader
            .fast_fields()
            .u64("article_key")
            .context("reading article keys")?;
        for (term, idf) in &weighted {
            let Some(mut postings) = index
                .read_postings(term, IndexRecordOption::WithFreqs)
                .map_err(|e| crate::Error::Io {
                    path: "index".into(),
                    source: e,
                })?
            else {
                continue;
            };
            let mut doc = postings.doc();
            while doc != TERMINATED {
                if !reader.is_deleted(doc) {
                    let tf = postings.term_freq() as f32;
                    let length = norms.fieldnorm(doc) as f32;
                    let saturation = K1 * (1.0 - B + B * length / average);
                    let key = keys.first(doc).unwrap_or_default();
                    *out.entry(key).or_default() += idf * tf * (K1 + 1.0) / (tf + saturation);
                }
                doc = postings.advance();
            }
        }
    }
    Ok(out)
}
