//! JSON Lines wire types: what `--json` prints, field for field. These are separate from
//! the domain types so that the output stays a stable contract; README documents them
//! and the integration tests deserialise them.

use std::io::{self, Write};

use serde::{Deserialize, Serialize};

use crate::search::{Hit, Results};

/// A byte range `[start, end)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

/// One `{"type":"hit"}` line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct HitRecord {
    /// Always "hit".
    #[serde(rename = "type")]
    pub kind: String,
    /// 1-based rank.
    pub rank: usize,
    /// Relevance score.
    pub score: f32,
    /// Article id (for `dossier show`).
    pub article_id: String,
    /// Article path.
    pub path: String,
    /// Article title.
    pub title: String,
    /// Publication date `YYYY-MM-DD`, or null.
    pub date: Option<String>,
    /// "metadata", "text", "path" or "unknown".
    pub date_provenance: String,
    /// Publisher, or null.
    pub source: Option<String>,
    /// "metadata", "text", "folder" or "unknown".
    pub source_provenance: String,
    /// Passage ordinal (0-based).
    pub passage: u64,
    /// Passage byte range in the cleaned article body (`dossier show --json` "text").
    pub passage_start: u64,
    /// End of that range.
    pub passage_end: u64,
    /// Passage text.
    pub text: String,
    /// Highlight byte ranges in `text`.
    pub highlights: Vec<Span>,
    /// Highlight byte ranges in `title`.
    pub title_highlights: Vec<Span>,
    /// Highlight byte ranges in the article's cleaned text (`show --json` "text").
    pub article_highlights: Vec<Span>,
    /// With `--articles`: how many passages of the article matched; otherwise absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub matched_passages: Option<usize>,
}

/// The closing `{"type":"summary"}` line.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SummaryRecord {
    /// Always "summary".
    #[serde(rename = "type")]
    pub kind: String,
    /// The query as given.
    pub query: String,
    /// The query as parsed ("+" required, "-" excluded, words stemmed).
    pub parsed: String,
    /// Passages matching in all.
    pub total_passages: usize,
    /// Hit lines printed.
    pub hits: usize,
    /// Hits skipped (`--offset`).
    pub offset: usize,
    /// Parse problems skipped by the lenient parser.
    pub warnings: Vec<String>,
    /// With `--articles`: articles matching in all; otherwise absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub total_articles: Option<usize>,
    /// How the query was widened (variants, compounds, aliases, fuzzy names).
    pub widened: Vec<String>,
    /// No passage had all the words, so passages with any of them were ranked.
    pub fell_back_to_any: bool,
    /// When nothing matched: a query that would, built from the index's words.
    pub suggestion: Option<String>,
    /// With `--since`/`--until`: matching articles left out because their date is
    /// unknown; otherwise absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub undated_articles: Option<usize>,
    /// Search time in milliseconds.
    pub elapsed_ms: f64,
}

/// The one line `search --count --json` prints.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct CountRecord {
    /// Always "count".
    #[serde(rename = "type")]
    pub kind: String,
    /// The query as given.
    pub query: String,
    /// The query as parsed.
    pub parsed: String,
    /// Matching passages.
    pub passages: usize,
    /// Articles with at least one matching passage.
    pub articles: usize,
}

fn spans(ranges: &[std::ops::Range<usize>]) -> Vec<Span> {
    ranges
        .iter()
        .map(|r| Span {
            start: r.start,
            end: r.end,
        })
        .collect()
}

impl From<&Hit> for HitRecord {
    fn from(hit: &Hit) -> Self {
        HitRecord {
            kind: "hit".into(),
            rank: hit.rank,
            score: hit.score,
            article_id: hit.article_id.clone(),
            path: hit.path.clone(),
            title: hit.title.clone(),
            date: hit.date.map(|d| d.to_string()),
            date_provenance: hit.date_provenance.clone(),
            source: hit.source.clone(),
            source_provenance: hit.source_provenance.clone(),
            passage: hit.passage,
            passage_start: hit.passage_range.start,
            passage_end: hit.passage_range.end,
            text: hit.text.clone(),
            highlights: spans(&hit.highlights),
            title_highlights: spans(&hit.title_highlights),
            article_highlights: hit
                .highlights
                .iter()
                .map(|r| Span {
                    start: r.start + hit.passage_range.start as usize,
                    end: r.end + hit.passage_range.start as usize,
                })
                .collect(),
            matched_passages: hit.matched_passages,
        }
    }
}

/// Writes one JSON object and a newline.
pub fn write_line<T: Serialize>(out: &mut dyn Write, value: &T) -> io::Result<()> {
    serde_json::to_writer(&mut *out, value)?;
    out.write_all(b"\n")
}

/// Prints every hit and the summary.
pub fn print_results(
    out: &mut dyn Write,
    query: &str,
    results: &Results,
    offset: usize,
) -> io::Result<()> {
    for hit in &results.hits {
        write_line(out, &HitRecord::from(hit))?;
    }
    let summary = SummaryRecord {
        kind: "summary".into(),
        query: query.to_string(),
        parsed: results.parsed.clone(),
        total_passages: results.total_passages,
        hits: results.hits.len(),
        offset,
        warnings: results.warnings.clone(),
        total_articles: results.total_articles,
        widened: results.widened.clone(),
        fell_back_to_any: results.fell_back_to_any,
        suggestion: results.suggestion.clone(),
        undated_articles: results.undated_articles,
        elapsed_ms: (results.elapsed_ms * 1000.0).round() / 1000.0,
    };
    write_line(out, &summary)?;
    out.flush()
}
