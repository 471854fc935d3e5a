//! Article-level scoring for `--articles`: BM25 of the query's words over each whole
//! article (title and text), so that words spread over several passages count together.
//!
//! Nothing article-level is indexed for this: a word's frequency in an article is the
//! sum over its passages' postings (title included, on the first passage), a word
//! matches by stem through the indexed words of its stem family, and the article's
//! length is its word count, kept on each passage. Postings are read whole, so this
//! costs time in proportion to how many passages contain the words.
//!
//! The parameters are those of the classic ad-hoc baselines (k1 = 0.9, b = 0.4), not
//! tantivy's fixed 1.2 / 0.75: whole news articles vary a lot in length, and a strong
//! length penalty buries long, relevant articles.

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

/// BM25 score of every article containing any of the query's words, by article key.
/// Each entry of `families` is one query word as the indexed words of its stem family.
pub fn scores(
    searcher: &Searcher,
    fields: &Fields,
    families: &[Vec<String>],
) -> Result<HashMap<u64, f32>> {
    let kind = Term::from_field_text(fields.kind, KIND_ARTICLE);
    let articles = searcher
        .doc_freq(&kind)
        .context("counting articles")?
        .max(1) as f32;
    let mut tokens = 0u64;
    for reader in searcher.segment_readers() {
        for field in [fields.body, fields.title] {
            let index = reader.inverted_index(field).context("reading articles")?;
            tokens += index.total_num_tokens();
        }
    }
    let average = (tokens as f32 / articles).max(1.0);
    let mut out: HashMap<u64, f32> = HashMap::new();
    for family in families {
        // Frequency of the word in each article, and the article's length.
        let mut frequencies: HashMap<u64, (u32, u64)> = HashMap::new();
        for reader in searcher.segment_readers() {
            let fast = reader.fast_fields();
            let keys = fast.u64("article_key").context("reading article keys")?;
            let lengths = fast.u64("words").context("reading article lengths")?;
            for field in [fields.body, fields.title] {
                let index = reader.inverted_index(field).context("reading articles")?;
                for word in family {
                    let term = Term::from_field_text(field, word);
                    let Some(mut postings) = index
                        .read_postings(&term, IndexRecordOption::WithFreqs)
                        .context("reading articles")?
                    else {
                        continue;
                    };
                    let mut doc = postings.doc();
                    while doc != TERMINATED {
                        if !reader.is_deleted(doc) {
                            let key = keys.first(doc).unwrap_or_default();
                            let length = lengths.first(doc).unwrap_or_default();
                            let entry = frequencies.entry(key).or_insert((0, length));
                            entry.0 += postings.term_freq();
                        }
                        doc = postings.advance();
                    }
                }
            }
        }
        let df = frequencies.len() as f32;
        if df == 0.0 {
            continue;
        }
        let idf = (1.0 + (articles - df + 0.5) / (df + 0.5)).ln();
        for (key, (tf, length)) in frequencies {
            let tf = tf as f32;
            let saturation = K1 * (1.0 - B + B * length as f32 / average);
            *out.entry(key).or_default() += idf * tf * (K1 + 1.0) / (tf + saturation);
        }
    }
    Ok(out)
}
