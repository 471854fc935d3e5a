//! The record: one article as a format reader found it, before cleaning and extraction.
//! Every format (plain text, Markdown with front matter, JSON, JSON Lines, CSV, TSV,
//! HTML) produces records; metadata fields are kept as the text the input gave.

/// One article read from an input, with whatever metadata the input carried.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Record {
    /// Headline ("" when the input has none; the first body line is used then).
    pub title: String,
    /// Article text.
    pub body: String,
    /// Publication date as written in the metadata (parsed later).
    pub date: Option<String>,
    /// Publisher / site name from the metadata.
    pub source: Option<String>,
    /// Canonical URL from the metadata.
    pub url: Option<String>,
    /// Author / byline from the metadata.
    pub author: Option<String>,
    /// The record's own id from the metadata.
    pub id: Option<String>,
    /// Other string metadata fields, in input order, kept for `show`.
    pub extra: Vec<(String, String)>,
    /// 1-based line of the record in its file (JSON Lines, CSV); 0 when not meaningful.
    pub line: usize,
}

/// A record that could not be read, with its line and the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecordError {
    /// 1-based line in the file (0 when unknown).
    pub line: usize,
    /// What is wrong.
    pub reason: String,
}
