//! TEMP STUB
use super::record::{Record, RecordError};
use std::path::Path;
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
    JsonLines,
    Json,
    Csv,
    Tsv,
    Html,
}
pub fn format_of(path: &Path) -> Option<Format> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let name = name.trim_end_matches(".gz").trim_end_matches(".zst");
    if name.ends_with(".txt") {
        Some(Format::Text)
    } else if name.ends_with(".jsonl") {
        Some(Format::JsonLines)
    } else {
        None
    }
}
#[derive(Debug, Clone, Default)]
pub struct FieldMap {}
impl FieldMap {
    pub fn set(&mut self, _spec: &str) -> Result<(), String> {
        Ok(())
    }
}
pub fn parse_text(text: &str, _markdown: bool) -> Result<Record, RecordError> {
    match super::split_title(text) {
        Some((title, body)) => Ok(Record {
            title,
            body,
            ..Record::default()
        }),
        None => Err(RecordError {
            line: 0,
            reason: "no text".into(),
        }),
    }
}
pub fn parse_json_lines(
    _text: &str,
    _map: &FieldMap,
    _first_line: usize,
) -> Vec<Result<Record, RecordError>> {
    vec![]
}
pub fn parse_json(_text: &str, _map: &FieldMap) -> Vec<Result<Record, RecordError>> {
    vec![]
}
pub fn parse_delimited(_text: &str, _d: u8, _map: &FieldMap) -> Vec<Result<Record, RecordError>> {
    vec![]
}
pub fn parse_metadata_date(_s: &str) -> Option<time::Date> {
    None
}
