//! Passages of the articles a query matches.
//!
//! An article's entity names are indexed once, on its article document, rather than on
//! each of its passages (which made them a fifth of the index). A filter on them selects
//! the passages of the matching articles: those are the documents right after the
//! article in its segment, `passage_count` of them, because the writer adds an article
//! and its passages in one batch (one segment, consecutive ids) and merges keep the
//! order of documents. This is the block join of Lucene's `ToChildBlockJoinQuery`.

use tantivy::query::{
    BitSetDocSet, ConstScorer, EnableScoring, Explanation, Query, Scorer, Weight,
};
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader, TantivyError, TERMINATED};

/// The passages of the articles `articles` matches, each with the constant score 1.
#[derive(Debug)]
pub struct PassagesOf {
    articles: Box<dyn Query>,
}

impl PassagesOf {
    /// The passages of the article documents `articles` matches.
    pub fn new(articles: Box<dyn Query>) -> PassagesOf {
        PassagesOf { articles }
    }
}

impl Clone for PassagesOf {
    fn clone(&self) -> Self {
        PassagesOf {
            articles: self.articles.box_clone(),
        }
    }
}

impl Query for PassagesOf {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        // The articles' own scores play no part: a passage is in or out.
        let articles = self
            .articles
            .weight(EnableScoring::disabled_from_schema(enable_scoring.schema()))?;
        Ok(Box::new(PassagesOfWeight { articles }))
    }
}

struct PassagesOfWeight {
    articles: Box<dyn Weight>,
}

impl PassagesOfWeight {
    /// The passages of the matching articles of one segment, as a set of doc ids.
    fn passages(&self, reader: &SegmentReader) -> tantivy::Result<BitSet> {
        let max_doc = reader.max_doc();
        let mut set = BitSet::with_max_value(max_doc);
        let counts = reader.fast_fields().u64(crate::index::PASSAGE_COUNT)?;
        let mut articles = self.articles.scorer(reader, 1.0)?;
        let mut doc = articles.doc();
        while doc != TERMINATED {
            let count = counts.first(doc).unwrap_or(0);
            let end = u64::from(doc)
                .saturating_add(count)
                .min(u64::from(max_doc.saturating_sub(1)));
            for passage in u64::from(doc) + 1..=end {
                // `end` is below `max_doc`, a u32.
                set.insert(passage as DocId);
            }
            doc = articles.advance();
        }
        Ok(set)
    }
}

impl Weight for PassagesOfWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let set = self.passages(reader)?;
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(set), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) == doc {
            Ok(Explanation::new("passage of a matching article", 1.0))
        } else {
            Err(TantivyError::InvalidArgument(format!(
                "document {doc} is no passage of a matching article"
            )))
        }
    }
}
