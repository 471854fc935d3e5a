//! TEMP STUB
pub fn clean_body(body: &str) -> String {
    body.to_string()
}
