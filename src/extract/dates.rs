//! TEMP STUB
use time::Date;
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateProvenance {
    Metadata,
    Text,
    Path,
    Unknown,
}
impl DateProvenance {
    pub fn as_str(self) -> &'static str {
        "unknown"
    }
}
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubDate {
    pub date: Option<Date>,
    pub provenance: DateProvenance,
    pub evidence: Option<String>,
}
pub fn parse_plain_date_range(s: &str) -> Option<(Date, Date)> {
    let parts: Vec<&str> = s.split('-').collect();
    let y: i32 = parts.first()?.parse().ok()?;
    let m: u8 = parts.get(1).map(|m| m.parse().ok()).unwrap_or(Some(1))?;
    let d: u8 = parts.get(2).map(|m| m.parse().ok()).unwrap_or(Some(1))?;
    let from = Date::from_calendar_date(y, time::Month::try_from(m).ok()?, d).ok()?;
    let to = if parts.len() == 3 {
        from
    } else if parts.len() == 2 {
        Date::from_calendar_date(
            y,
            time::Month::try_from(m).ok()?,
            time::util::days_in_month(time::Month::try_from(m).ok()?, y),
        )
        .ok()?
    } else {
        Date::from_calendar_date(y, time::Month::December, 31).ok()?
    };
    Some((from, to))
}
pub fn publication_date(_t: &str, _b: &str, _p: &str, _y: Option<i32>) -> PubDate {
    PubDate {
        date: None,
        provenance: DateProvenance::Unknown,
        evidence: None,
    }
}
