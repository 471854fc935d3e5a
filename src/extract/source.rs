//! TEMP STUB
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    pub name: String,
    pub evidence: &'static str,
}
pub fn source_from_text(_t: &str, _b: &str) -> Option<TextSource> {
    None
}
