//! TEMP STUB
pub fn variants_of(_normalized: &str) -> Vec<&'static str> {
    Vec::new()
}
pub fn needs_capitals(_normalized: &str) -> bool {
    false
}
