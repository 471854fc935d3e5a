//! Extraction: pure functions over an article's text that clean it and find its
//! metadata: publication date, publisher and named entities. Nothing here touches the
//! index; [`extract`] turns an ingested [`Article`] into an [`Extracted`] article ready
//! for passage splitting and indexing.

pub mod boilerplate;
pub mod dates;
pub mod entities;
pub mod mentions;
pub mod source;

use serde::{Deserialize, Serialize};

use crate::ingest::{Article, FolderMeta};
pub use dates::{DateProvenance, PubDate};
pub use entities::{Entity, EntityKind};

/// Settings for extraction, resolved once from the command line.
#[derive(Debug, Clone, Copy, Default)]
pub struct ExtractOptions {
    /// Year for dates written without one (`--year`).
    pub default_year: Option<i32>,
}

/// Where a source (publisher) name came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SourceProvenance {
    /// A metadata field of the input, or the folder's `dossier.toml`.
    Metadata,
    /// The article text: dateline, credit line, byline.
    Text,
    /// The name of the folder holding the article.
    Folder,
    /// Not found.
    Unknown,
}

impl SourceProvenance {
    /// Lowercase label used in output and in the index.
    pub fn as_str(self) -> &'static str {
        match self {
            SourceProvenance::Metadata => "metadata",
            SourceProvenance::Text => "text",
            SourceProvenance::Folder => "folder",
            SourceProvenance::Unknown => "unknown",
        }
    }
}

/// The publisher of an article and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceInfo {
    /// Display name, `None` when unknown.
    pub name: Option<String>,
    /// Where it came from.
    pub provenance: SourceProvenance,
}

/// An article after cleaning and extraction.
#[derive(Debug, Clone)]
pub struct Extracted {
    /// The title: the first line that is not site boilerplate.
    pub title: String,
    /// The body with boilerplate removed: passages index into this text.
    pub body: String,
    /// Publication date.
    pub date: PubDate,
    /// Publisher.
    pub source: SourceInfo,
    /// Named entities, sorted by kind then name.
    pub entities: Vec<Entity>,
    /// Outlets the article cites ("according to Reuters"), display names, each once.
    pub cites: Vec<String>,
    /// Dates the body mentions, normalised.
    pub mentions: Vec<DateValue>,
}

/// A date mentioned in an article's body, normalised.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DateValue {
    /// Byte offset of the mention in the cleaned body.
    pub start: usize,
    /// The mention as written ("March 13", "last week").
    pub text: String,
    /// Normalised value, TIMEX3 style: "2025-03-13", "2025-03", "2025-W11", "2025".
    pub value: String,
}

/// Cleans one article and extracts its metadata.
/// `folder` holds the defaults of the article's `dossier.toml` files.
pub fn extract(article: &Article, options: &ExtractOptions, folder: &FolderMeta) -> Extracted {
    let (title, body) = title_and_body(article);
    let path = article.path.to_string_lossy();
    let year = options.default_year.or(folder.year);
    let date = metadata_date(article, folder.offset())
        .unwrap_or_else(|| dates::publication_date(&title, &body, &path, year));
    let source = find_source(article, folder);
    let entities = entities::extract_entities(&title, &body);
    let cites = source::cites(&title, &body);
    Extracted {
        title,
        source,
        entities,
        cites,
        mentions: date_values(&body, year, date.date),
        date,
        body,
    }
}

/// The dates `body` names, normalised: absolute ones, and relative ones ("last week",
/// "on Sunday") resolved against the publication date. A date written without a year
/// takes the publication date's year (see [`mentions`]), else the default year, else is
/// left out; vague references ("recently") are left out.
fn date_values(
    body: &str,
    default_year: Option<i32>,
    published: Option<time::Date>,
) -> Vec<DateValue> {
    mentions::date_mentions(body, published)
        .into_iter()
        .filter(|m| m.kind != mentions::MentionKind::Reference)
        .filter_map(|m| {
            let value = match (m.value.strip_prefix("XXXX"), default_year) {
                (Some(rest), Some(year)) => format!("{year:04}{rest}"),
                (Some(_), None) => return None,
                (None, _) => m.value,
            };
            value
                .starts_with(|c: char| c.is_ascii_digit())
                .then_some(DateValue {
                    start: m.start,
                    text: m.text,
                    value,
                })
        })
        .collect()
}

/// The cleaned body, and the title: when the first line is site boilerplate (a
/// navigation crumb such as "Latest NewsUSWorld"), the first real line replaces it.
fn title_and_body(article: &Article) -> (String, String) {
    let body = boilerplate::clean_body(&article.body);
    if !boilerplate::clean_body(&article.title).trim().is_empty() {
        return (article.title.clone(), body);
    }
    match crate::ingest::split_title(&body) {
        Some((title, rest)) => (title, rest),
        None => (article.title.clone(), body),
    }
}

/// The longest prefix of `s` of at most `max` bytes that ends on a character boundary.
pub(crate) fn prefix_at_char_boundary(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut end = max;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    &s[..end]
}

/// The date from the input's metadata, when it has one that parses. A timestamp with a
/// time of day (RFC 3339, or seconds or milliseconds since 1970) is dated in `offset`,
/// the folder's `time_zone`, when one is set.
fn metadata_date(article: &Article, offset: Option<time::UtcOffset>) -> Option<PubDate> {
    let raw = article.metadata.date.as_deref()?;
    let date = offset
        .and_then(|offset| local_date(raw, offset))
        .or_else(|| crate::ingest::formats::parse_metadata_date(raw))?;
    Some(PubDate {
        date: Some(date),
        provenance: DateProvenance::Metadata,
        evidence: Some(raw.to_string()),
    })
}

/// The day in `offset` of a timestamp with a time of day, if `raw` is one.
fn local_date(raw: &str, offset: time::UtcOffset) -> Option<time::Date> {
    let raw = raw.trim();
    let instant = if raw.bytes().all(|b| b.is_ascii_digit()) {
        let n: i64 = raw.parse().ok()?;
        let seconds = match raw.len() {
            9..=10 => n,
            11..=13 => n / 1000,
            _ => return None,
        };
        time::OffsetDateTime::from_unix_timestamp(seconds).ok()?
    } else {
        time::OffsetDateTime::parse(raw, &time::format_description::well_known::Rfc3339).ok()?
    };
    Some(instant.to_offset(offset).date())
}

fn find_source(article: &Article, folder: &FolderMeta) -> SourceInfo {
    let from_metadata = article.metadata.source.as_deref().map(str::trim);
    if let Some(name) = from_metadata.filter(|s| !s.is_empty()) {
        return SourceInfo {
            name: Some(name.to_string()),
            provenance: SourceProvenance::Metadata,
        };
    }
    let from_url = article
        .metadata
        .url
        .as_deref()
        .and_then(source::name_from_url);
    if let Some(name) = from_url {
        return SourceInfo {
            name: Some(name),
            provenance: SourceProvenance::Metadata,
        };
    }
    if let Some(found) = source::source_from_text(&article.title, &article.body) {
        return SourceInfo {
            name: Some(found.name),
            provenance: SourceProvenance::Text,
        };
    }
    if let Some(name) = &folder.source {
        return SourceInfo {
            name: Some(name.clone()),
            provenance: SourceProvenance::Metadata,
        };
    }
    let folder = article
        .canonical
        .parent()
        .and_then(|p| p.file_name())
        .map(|name| name.to_string_lossy().into_owned())
        .filter(|name| !name.is_empty() && name != "." && name != "..");
    match folder {
        Some(name) => SourceInfo {
            name: Some(name),
            provenance: SourceProvenance::Folder,
        },
        None => SourceInfo {
            name: None,
            provenance: SourceProvenance::Unknown,
        },
    }
}
