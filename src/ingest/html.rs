//! TEMP STUB
use super::record::{Record, RecordError};
pub fn parse_html(_html: &str, _url: Option<&str>) -> Result<Record, RecordError> {
    Err(RecordError {
        line: 0,
        reason: "stub".into(),
    })
}
