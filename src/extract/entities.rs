//! TEMP STUB
use serde::{Deserialize, Serialize};
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Person,
    Organization,
    Place,
    Other,
}
impl EntityKind {
    pub fn as_str(self) -> &'static str {
        "other"
    }
}
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    pub kind: EntityKind,
    pub name: String,
    pub aliases: Vec<String>,
    pub mentions: u32,
}
pub fn extract_entities(_t: &str, _b: &str) -> Vec<Entity> {
    vec![]
}
