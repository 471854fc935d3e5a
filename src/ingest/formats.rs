//! Input formats: turning the text of one file into [`Record`]s.
//!
//! The format comes from the file name ([`format_of`]), looking through a trailing `.gz`
//! or `.zst`:
//!
//! | format | extensions | reader |
//! | --- | --- | --- |
//! | plain text | `txt`, `text` | [`parse_text`] (front matter optional) |
//! | Markdown | `md`, `markdown` | [`parse_text`] with the markup cleaned away |
//! | JSON Lines | `jsonl`, `ndjson` | [`parse_json_lines`]: one article object a line |
//! | JSON | `json` | [`parse_json`]: an array of articles, one article, or a wrapper object |
//! | CSV / TSV | `csv` / `tsv`, `tab` | [`parse_delimited`]: a header row, one article a row |
//! | HTML | `html`, `htm`, `xhtml` | recognised here, read elsewhere |
//!
//! # Field names
//!
//! Structured records (JSON, JSON Lines, CSV, TSV, and front matter for everything but the
//! body) are mapped by name, case-insensitively; for each role the first name in this list
//! that is present with a non-empty value wins:
//!
//! | role | names |
//! | --- | --- |
//! | title | `title`, `headline`, `name`, `subject` |
//! | body | `text`, `body`, `content`, `articleBody`, `article_body`, `story`, then `description`, `summary` |
//! | date | `date`, `published`, `publishedAt`, `published_at`, `pubDate`, `datePublished`, `date_published`, `created_at`, `timestamp`, `time` |
//! | source | `source`, `publisher`, `site`, `site_name`, `outlet`, `source_name` |
//! | url | `url`, `link`, `href`, `canonical_url` |
//! | id | `id`, `newid`, `guid`, `uuid`, `doc_id`, `docid`, `_id`, `article_id` |
//! | author | `author`, `byline`, `authors` |
//!
//! A value given as an object stands for its `name` (`"source": {"name": "BBC"}`; also
//! MongoDB's `$oid` / `$date`); a list stands for its items joined with ", " (the body's
//! items are joined as paragraphs; a date, url or id takes the first item); numbers become
//! their decimal text. A `--field ROLE=NAME` override ([`FieldMap::set`]) replaces the
//! list for that role with one name, matched exactly, then case-insensitively, then (JSON
//! only) as a dotted path into nested objects (`fields.headline`); it does not fall back
//! to the common names.
//!
//! Every other field whose value is a string, number, boolean or list of those goes to
//! [`Record::extra`] as text, in input order (Reuters' `topics`, `places`, `dateline`).
//! A record without body text is an error that says how to map the body field.
//!
//! # Limits
//!
//! - `extra` keeps at most 64 fields per record and cuts each value at 1,000 characters
//!   (marked with "…").
//! - JSON nesting deeper than 128 levels is an error (serde_json's limit); front matter
//!   keeps three levels of nesting and ignores deeper values; YAML aliases are ignored, so
//!   nothing is expanded.
//! - Every reader is linear in its input and never panics; a bad record is an `Err` in the
//!   returned list and the others are kept.

use std::borrow::Cow;
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

use super::record::{Record, RecordError};

/// Most `extra` fields kept for one record.
const MAX_EXTRA_FIELDS: usize = 64;
/// Longest `extra` value kept, in characters (longer ones are cut and end with "…").
const MAX_EXTRA_CHARS: usize = 1000;
/// Front matter nesting kept (the top-level mapping is level 1).
const MAX_FRONT_MATTER_DEPTH: usize = 3;
/// Keys that hold the list of articles in a wrapper object (`{"articles": [...]}`).
const WRAPPER_KEYS: [&str; 6] = ["articles", "items", "data", "results", "docs", "documents"];
/// The hint given with every record that has no body.
const NO_BODY: &str = "no article text; map the body field with --field body=NAME";

// ---------------------------------------------------------------------------------------
// Formats
// ---------------------------------------------------------------------------------------

/// An input format, from the file name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text: first line the title, unless front matter gives one.
    Text,
    /// Markdown: like text, with the markup removed.
    Markdown,
    /// JSON Lines: one article object per line.
    JsonLines,
    /// JSON: an array of article objects, one object, or a wrapper object.
    Json,
    /// Comma-separated values with a header row.
    Csv,
    /// Tab-separated values with a header row.
    Tsv,
    /// An HTML page.
    Html,
}

/// Format of a file by extension, looking through a trailing `.gz` or `.zst`
/// ("a.jsonl.gz" -> JsonLines); `None` for extensions dossier does not read.
/// Extensions: txt, text -> Text; md, markdown -> Markdown; jsonl, ndjson -> JsonLines; json -> Json;
/// csv -> Csv; tsv, tab -> Tsv; html, htm, xhtml -> Html. Case-insensitive.
pub fn format_of(path: &Path) -> Option<Format> {
    let name = path.file_name()?.to_string_lossy().to_ascii_lowercase();
    let name = name
        .strip_suffix(".gz")
        .or_else(|| name.strip_suffix(".zst"))
        .unwrap_or(&name);
    let ext = Path::new(name).extension()?.to_str()?;
    Some(match ext {
        "txt" | "text" => Format::Text,
        "md" | "markdown" => Format::Markdown,
        "jsonl" | "ndjson" => Format::JsonLines,
        "json" => Format::Json,
        "csv" => Format::Csv,
        "tsv" | "tab" => Format::Tsv,
        "html" | "htm" | "xhtml" => Format::Html,
        _ => return None,
    })
}

// ---------------------------------------------------------------------------------------
// Field mapping
// ---------------------------------------------------------------------------------------

/// What a field means for the record.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Title,
    Body,
    Date,
    Source,
    Url,
    Id,
    Author,
}

const ROLES: [Role; 7] = [
    Role::Title,
    Role::Body,
    Role::Date,
    Role::Source,
    Role::Url,
    Role::Id,
    Role::Author,
];

impl Role {
    fn name(self) -> &'static str {
        match self {
            Role::Title => "title",
            Role::Body => "body",
            Role::Date => "date",
            Role::Source => "source",
            Role::Url => "url",
            Role::Id => "id",
            Role::Author => "author",
        }
    }

    fn index(self) -> usize {
        self as usize
    }

    /// The common field names, lowercase, best first.
    fn defaults(self) -> &'static [&'static str] {
        match self {
            Role::Title => &["title", "headline", "name", "subject"],
            Role::Body => &[
                "text",
                "body",
                "content",
                "articlebody",
                "article_body",
                "story",
                "description",
                "summary",
            ],
            Role::Date => &[
                "date",
                "published",
                "publishedat",
                "published_at",
                "pubdate",
                "datepublished",
                "date_published",
                "created_at",
                "timestamp",
                "time",
            ],
            Role::Source => &[
                "source",
                "publisher",
                "site",
                "site_name",
                "outlet",
                "source_name",
            ],
            Role::Url => &["url", "link", "href", "canonical_url"],
            Role::Id => &[
                "id",
                "newid",
                "guid",
                "uuid",
                "doc_id",
                "docid",
                "_id",
                "article_id",
            ],
            Role::Author => &["author", "byline", "authors"],
        }
    }
}

fn role_list() -> String {
    ROLES
        .iter()
        .map(|r| r.name())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Field-name mapping for structured records; `Default` knows the common names.
#[derive(Debug, Clone, Default)]
pub struct FieldMap {
    /// One field name per role (indexed by `Role::index`), replacing the common names.
    overrides: [Option<String>; 7],
}

impl FieldMap {
    /// Parses one `--field ROLE=NAME` override (roles: title, body, date, source, url, id, author);
    /// the error names the valid roles.
    ///
    /// The role is case-insensitive; the name is trimmed and may hold `=` or a dotted path
    /// (`title=fields.headline`). The error does not repeat `spec`: the caller shows it.
    pub fn set(&mut self, spec: &str) -> Result<(), String> {
        let Some((role, name)) = spec.split_once('=') else {
            return Err(format!(
                "expected ROLE=NAME (for example body=content); roles: {}",
                role_list()
            ));
        };
        let role_name = role.trim().to_ascii_lowercase();
        let Some(role) = ROLES.iter().copied().find(|r| r.name() == role_name) else {
            return Err(format!(
                "unknown role `{}`; roles: {}",
                role.trim(),
                role_list()
            ));
        };
        let name = name.trim();
        if name.is_empty() {
            return Err(format!(
                "no field name after `=` (for example {}=NAME)",
                role.name()
            ));
        }
        self.overrides[role.index()] = Some(name.to_string());
        Ok(())
    }

    fn get(&self, role: Role) -> Option<&str> {
        self.overrides[role.index()].as_deref()
    }
}

// ---------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------

/// A structured value, with object fields in input order (serde_json's own map sorts them
/// unless a feature is on). Numbers are kept as their text.
#[derive(Debug, Clone, PartialEq)]
enum J {
    Null,
    Bool(bool),
    Num(String),
    Str(String),
    Arr(Vec<J>),
    Obj(Vec<(String, J)>),
}

impl J {
    fn kind(&self) -> &'static str {
        match self {
            J::Null => "null",
            J::Bool(_) => "boolean",
            J::Num(_) => "number",
            J::Str(_) => "string",
            J::Arr(_) => "array",
            J::Obj(_) => "object",
        }
    }
}

/// An object's fields, in input order.
type Fields = Vec<(String, J)>;

/// The key the toml crate uses to pass a date-time through serde.
const TOML_DATETIME_KEY: &str = "$__toml_private_datetime";

impl<'de> serde::Deserialize<'de> for J {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(JVisitor)
    }
}

struct JVisitor;

impl<'de> serde::de::Visitor<'de> for JVisitor {
    type Value = J;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }
    fn visit_bool<E>(self, v: bool) -> Result<J, E> {
        Ok(J::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<J, E> {
        Ok(J::Num(v.to_string()))
    }
    fn visit_u64<E>(self, v: u64) -> Result<J, E> {
        Ok(J::Num(v.to_string()))
    }
    fn visit_i128<E>(self, v: i128) -> Result<J, E> {
        Ok(J::Num(v.to_string()))
    }
    fn visit_u128<E>(self, v: u128) -> Result<J, E> {
        Ok(J::Num(v.to_string()))
    }
    fn visit_f64<E>(self, v: f64) -> Result<J, E> {
        Ok(J::Num(v.to_string()))
    }
    fn visit_str<E>(self, v: &str) -> Result<J, E> {
        Ok(J::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<J, E> {
        Ok(J::Str(v))
    }
    fn visit_unit<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }
    fn visit_none<E>(self) -> Result<J, E> {
        Ok(J::Null)
    }
    fn visit_some<D: serde::Deserializer<'de>>(self, d: D) -> Result<J, D::Error> {
        serde::Deserialize::deserialize(d)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<J, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<J>()? {
            items.push(item);
        }
        Ok(J::Arr(items))
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<J, A::Error> {
        let mut fields = Vec::new();
        while let Some(key) = map.next_key::<String>()? {
            let value = map.next_value::<J>()?;
            fields.push((key, value));
        }
        if fields.len() == 1 && fields[0].0 == TOML_DATETIME_KEY {
            if let Some((_, value @ J::Str(_))) = fields.pop() {
                return Ok(value);
            }
        }
        Ok(J::Obj(fields))
    }
}

/// The field called `name` (case-insensitively) of an object.
fn field_ci<'a>(fields: &'a [(String, J)], name: &str) -> Option<&'a J> {
    fields
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(name))
        .map(|(_, v)| v)
}

/// The text a value stands for: a string or number as it is; an object by its name (or
/// MongoDB's `$oid` / `$date` wrapper).
fn named(value: &J, depth: usize) -> Option<Cow<'_, str>> {
    match value {
        J::Str(s) | J::Num(s) => Some(Cow::Borrowed(s.as_str())),
        J::Obj(fields) if depth < 3 => ["name", "$oid", "$date", "$numberlong"]
            .iter()
            .find_map(|key| field_ci(fields, key).and_then(|v| named(v, depth + 1)))
            .filter(|s| !s.trim().is_empty()),
        _ => None,
    }
}

/// Collapses runs of white space to one space, trimming the ends.
fn one_line(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Whether text has anything but white space and control characters.
fn has_text(s: &str) -> bool {
    s.chars().any(|c| !c.is_whitespace() && !c.is_control())
}

/// The text of a value for one role, `None` when it has none.
fn role_text(role: Role, value: &J) -> Option<String> {
    let text = match (role, value) {
        (Role::Body, J::Str(s)) => s.trim().to_string(),
        (Role::Body, J::Arr(items)) => items
            .iter()
            .filter_map(|item| match item {
                J::Str(s) if has_text(s) => Some(s.trim()),
                _ => None,
            })
            .collect::<Vec<_>>()
            .join("\n\n"),
        (Role::Body, _) => return None,
        (Role::Date | Role::Url | Role::Id, J::Arr(items)) => items
            .iter()
            .filter_map(|item| named(item, 0))
            .map(|s| one_line(&s))
            .find(|s| !s.is_empty())?,
        (_, J::Arr(items)) => {
            let sep = if role == Role::Title { " " } else { ", " };
            items
                .iter()
                .filter_map(|item| named(item, 0))
                .map(|s| one_line(&s))
                .filter(|s| !s.is_empty())
                .collect::<Vec<_>>()
                .join(sep)
        }
        (_, value) => one_line(&named(value, 0)?),
    };
    has_text(&text).then_some(text)
}

/// The text of a value kept in `extra`, `None` when it has none (objects without a name,
/// nulls, empty strings and lists).
fn extra_text(value: &J) -> Option<String> {
    let text = match value {
        J::Null => return None,
        J::Bool(b) => b.to_string(),
        J::Arr(items) => items
            .iter()
            .filter_map(|item| match item {
                J::Bool(b) => Some(b.to_string()),
                item => named(item, 0).map(|s| one_line(&s)),
            })
            .filter(|s| !s.is_empty())
            .collect::<Vec<_>>()
            .join(", "),
        value => named(value, 0)?.trim().to_string(),
    };
    if text.is_empty() {
        return None;
    }
    Some(cut(text, MAX_EXTRA_CHARS))
}

/// Cuts text to at most `max` characters, marking a cut with "…".
fn cut(text: String, max: usize) -> String {
    match text.char_indices().nth(max) {
        None => text,
        Some((end, _)) => {
            let mut short = text[..end].trim_end().to_string();
            short.push('…');
            short
        }
    }
}

/// Finds the field for an overridden name: exactly, case-insensitively, then as a dotted
/// path into nested objects. Returns the top-level index when the whole field was used.
fn find_override<'a>(fields: &'a [(String, J)], name: &str) -> Option<(Option<usize>, &'a J)> {
    if let Some(i) = fields.iter().position(|(k, _)| k == name) {
        return Some((Some(i), &fields[i].1));
    }
    if let Some(i) = fields
        .iter()
        .position(|(k, _)| k.eq_ignore_ascii_case(name))
    {
        return Some((Some(i), &fields[i].1));
    }
    if !name.contains('.') {
        return None;
    }
    let mut current = fields;
    let mut parts = name.split('.').peekable();
    while let Some(part) = parts.next() {
        let value = current
            .iter()
            .find(|(k, _)| k == part)
            .or_else(|| current.iter().find(|(k, _)| k.eq_ignore_ascii_case(part)))
            .map(|(_, v)| v)?;
        if parts.peek().is_none() {
            return Some((None, value));
        }
        match value {
            J::Obj(inner) => current = inner,
            _ => return None,
        }
    }
    None
}

/// Builds a record from fields. Without `with_body` (front matter) the body is left empty
/// and body-like fields go to `extra`. The error is the reason a record has no body.
fn build_record(fields: &[(String, J)], map: &FieldMap, with_body: bool) -> Result<Record, String> {
    let lower: Vec<String> = fields.iter().map(|(k, _)| k.to_lowercase()).collect();
    let mut used = vec![false; fields.len()];
    let mut found: [Option<String>; 7] = Default::default();
    for role in ROLES {
        if role == Role::Body && !with_body {
            continue;
        }
        if let Some(name) = map.get(role) {
            if let Some((index, value)) = find_override(fields, name) {
                if let Some(text) = role_text(role, value) {
                    if let Some(i) = index {
                        used[i] = true;
                    }
                    found[role.index()] = Some(text);
                }
            }
            continue;
        }
        'names: for candidate in role.defaults() {
            for (i, key) in lower.iter().enumerate() {
                if key == candidate {
                    if let Some(text) = role_text(role, &fields[i].1) {
                        used[i] = true;
                        found[role.index()] = Some(text);
                        break 'names;
                    }
                }
            }
        }
    }
    let [title, body, date, source, url, id, author] = found;
    if with_body && body.is_none() {
        return Err(match map.get(Role::Body) {
            Some(name) => format!(
                "no article text in field `{name}`; map the body field with --field body=NAME"
            ),
            None => NO_BODY.to_string(),
        });
    }
    let mut extra = Vec::new();
    for (i, (key, value)) in fields.iter().enumerate() {
        if used[i] || key.trim().is_empty() || extra.len() >= MAX_EXTRA_FIELDS {
            continue;
        }
        if let Some(text) = extra_text(value) {
            extra.push((key.clone(), text));
        }
    }
    Ok(Record {
        title: title.unwrap_or_default(),
        body: body.unwrap_or_default(),
        date,
        source,
        url,
        author,
        id,
        extra,
        line: 0,
    })
}

fn record_error(line: usize, reason: impl Into<String>) -> RecordError {
    RecordError {
        line,
        reason: reason.into(),
    }
}

// ---------------------------------------------------------------------------------------
// Plain text, Markdown, front matter
// ---------------------------------------------------------------------------------------

/// Plain text or Markdown: optional front matter — YAML between `---` lines or TOML between `+++` lines at the very
/// start — with title, date, source/publisher/site, url/link, author, id; other scalar fields go to `extra`
/// (as strings). Without a front-matter title, the title is the first non-empty line of the rest (for Markdown,
/// a leading `# Heading` gives the title without the `#`). Markdown body: keep the text, drop heading marks (`#`), emphasis markers,
/// link syntax (`[text](url)` -> text), images, code fences markers, HTML comments; keep paragraphs separated by blank lines.
/// Malformed front matter: Err with the reason (the caller reports file and line).
///
/// Front matter is recognised only when its first field line looks like `key: value`
/// (YAML) or `key = value` / `[table]` (TOML), so a text that merely starts with a `---`
/// rule is read as text. Front-matter fields use the common names of the module docs
/// (except the body, which is the text after the front matter); a body that repeats the
/// front-matter title on its first line loses that line. A text with neither title nor
/// body is an error.
pub fn parse_text(text: &str, markdown: bool) -> Result<Record, RecordError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let (fields, rest) = match split_front_matter(text)? {
        Some(front) => (front.fields()?, front.rest),
        None => (Vec::new(), text),
    };
    let mut record =
        build_record(&fields, &FieldMap::default(), false).map_err(|e| record_error(0, e))?;
    if markdown && !record.title.is_empty() {
        record.title = one_line(&clean_inline(&record.title));
    }
    let content: Cow<'_, str> = if markdown {
        Cow::Owned(clean_markdown(rest))
    } else {
        Cow::Borrowed(rest)
    };
    let content = content.trim_start();
    let (first, after) = content.split_once('\n').unwrap_or((content, ""));
    let after = after.trim_start_matches(['\r', '\n']);
    if record.title.is_empty() {
        record.title = first.trim().to_string();
        record.body = after.to_string();
    } else if one_line(first).eq_ignore_ascii_case(&record.title) {
        record.body = after.to_string();
    } else {
        record.body = content.to_string();
    }
    if !has_text(&record.title) && !has_text(&record.body) {
        return Err(record_error(0, "no article text"));
    }
    Ok(record)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum FrontKind {
    Yaml,
    Toml,
}

/// Front matter found at the start of a text.
struct FrontMatter<'a> {
    kind: FrontKind,
    /// The text between the delimiter lines.
    block: &'a str,
    /// The text after the closing delimiter line.
    rest: &'a str,
}

/// Lines of `text` with the byte offset where each starts (without its `\n` / `\r\n`).
fn lines_with_offsets(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    text.split('\n').map(move |line| {
        let at = start;
        start += line.len() + 1;
        (at, line.strip_suffix('\r').unwrap_or(line))
    })
}

/// Whether a line inside a front-matter block looks like a field of that kind.
fn looks_like_field(line: &str, kind: FrontKind) -> bool {
    let line = line.trim();
    match kind {
        FrontKind::Yaml => {
            let key_end = line.find(':').unwrap_or(0);
            key_end > 0
                && !line[..key_end].contains(char::is_whitespace)
                && line[key_end + 1..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
                || line.starts_with(['"', '\'']) && line.contains(':')
        }
        FrontKind::Toml => {
            line.starts_with('[') && line.ends_with(']')
                || line.split_once('=').is_some_and(|(key, _)| {
                    let key = key.trim();
                    !key.is_empty()
                        && key.chars().all(|c| {
                            c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"' | '\'' | ' ')
                        })
                })
        }
    }
}

/// Finds front matter at the very start of `text`. `Ok(None)` when there is none (or the
/// block does not look like fields); `Err` when it is opened and never closed.
fn split_front_matter(text: &str) -> Result<Option<FrontMatter<'_>>, RecordError> {
    let mut lines = lines_with_offsets(text);
    let Some((_, opening)) = lines.next() else {
        return Ok(None);
    };
    let (kind, closers): (FrontKind, &[&str]) = match opening.trim_end() {
        "---" => (FrontKind::Yaml, &["---", "..."]),
        "+++" => (FrontKind::Toml, &["+++"]),
        _ => return Ok(None),
    };
    let block_start = text.find('\n').map_or(text.len(), |i| i + 1);
    let mut first_field_checked = false;
    for (at, line) in lines {
        let trimmed = line.trim_end();
        if closers.contains(&trimmed) {
            let rest_start = text[at..].find('\n').map_or(text.len(), |p| at + p + 1);
            let rest = &text[rest_start..];
            return Ok(Some(FrontMatter {
                kind,
                block: &text[block_start..at],
                rest,
            }));
        }
        if !first_field_checked && !trimmed.trim().is_empty() && !trimmed.trim().starts_with('#') {
            if !looks_like_field(trimmed, kind) {
                return Ok(None);
            }
            first_field_checked = true;
        }
    }
    if !first_field_checked {
        return Ok(None);
    }
    Err(record_error(
        1,
        format!(
            "front matter opened with `{}` on line 1 is never closed (no closing `{}` line)",
            opening.trim_end(),
            closers[0]
        ),
    ))
}

impl FrontMatter<'_> {
    /// The top-level fields of the block.
    fn fields(&self) -> Result<Fields, RecordError> {
        // Line 1 of the file is the opening delimiter.
        let root = match self.kind {
            FrontKind::Yaml => parse_yaml(self.block)?,
            FrontKind::Toml => toml::from_str::<J>(self.block).map_err(|e| {
                let line = e
                    .span()
                    .map_or(0, |span| line_of_offset(self.block, span.start) + 1);
                record_error(
                    line,
                    format!("malformed TOML front matter: {}", e.message().trim()),
                )
            })?,
        };
        match root {
            J::Obj(fields) => Ok(fields
                .into_iter()
                .map(|(k, v)| (k, limit_depth(v, MAX_FRONT_MATTER_DEPTH - 1)))
                .collect()),
            J::Null => Ok(Vec::new()),
            other => Err(record_error(
                2,
                format!(
                    "front matter is a {}, not `key: value` fields",
                    match other {
                        J::Arr(_) => "list",
                        _ => "single value",
                    }
                ),
            )),
        }
    }
}

/// Replaces values nested deeper than `depth` levels with null.
fn limit_depth(value: J, depth: usize) -> J {
    match value {
        J::Arr(_) | J::Obj(_) if depth == 0 => J::Null,
        J::Arr(items) => J::Arr(
            items
                .into_iter()
                .map(|v| limit_depth(v, depth - 1))
                .collect(),
        ),
        J::Obj(fields) => J::Obj(
            fields
                .into_iter()
                .map(|(k, v)| (k, limit_depth(v, depth - 1)))
                .collect(),
        ),
        other => other,
    }
}

/// 1-based line of a byte offset in `text`.
fn line_of_offset(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    1 + text.as_bytes()[..offset]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
}

/// Parses a YAML front-matter block into a value with the event API: no alias is ever
/// expanded, nesting past [`MAX_FRONT_MATTER_DEPTH`] is dropped as it is read.
fn parse_yaml(block: &str) -> Result<J, RecordError> {
    use yaml_rust2::parser::{Event, MarkedEventReceiver, Parser};
    use yaml_rust2::scanner::{Marker, TScalarStyle};

    enum Frame {
        Seq(Vec<J>),
        Map(Vec<(String, J)>, Option<String>),
    }

    #[derive(Default)]
    struct Sink {
        stack: Vec<Frame>,
        root: Option<J>,
        skipping: usize,
    }

    impl Sink {
        fn insert(&mut self, value: J) {
            match self.stack.last_mut() {
                None => {
                    if self.root.is_none() {
                        self.root = Some(value);
                    }
                }
                Some(Frame::Seq(items)) => items.push(value),
                Some(Frame::Map(fields, pending)) => match pending.take() {
                    None => {
                        *pending = Some(match value {
                            J::Str(s) | J::Num(s) => s,
                            _ => String::new(),
                        })
                    }
                    Some(key) => fields.push((key, value)),
                },
            }
        }

        fn open(&mut self, frame: Frame) {
            if self.skipping > 0 || self.stack.len() >= MAX_FRONT_MATTER_DEPTH {
                self.skipping += 1;
            } else {
                self.stack.push(frame);
            }
        }

        fn close(&mut self) {
            if self.skipping > 0 {
                self.skipping -= 1;
                if self.skipping == 0 {
                    self.insert(J::Null);
                }
                return;
            }
            let value = match self.stack.pop() {
                Some(Frame::Seq(items)) => J::Arr(items),
                Some(Frame::Map(fields, _)) => J::Obj(fields),
                None => return,
            };
            self.insert(value);
        }
    }

    impl MarkedEventReceiver for Sink {
        fn on_event(&mut self, event: Event, _mark: Marker) {
            match event {
                Event::MappingStart(..) => self.open(Frame::Map(Vec::new(), None)),
                Event::SequenceStart(..) => self.open(Frame::Seq(Vec::new())),
                Event::MappingEnd | Event::SequenceEnd => self.close(),
                Event::Scalar(value, style, ..) if self.skipping == 0 => {
                    let null = style == TScalarStyle::Plain
                        && matches!(value.as_str(), "" | "~" | "null" | "Null" | "NULL");
                    self.insert(if null { J::Null } else { J::Str(value) });
                }
                Event::Alias(_) if self.skipping == 0 => self.insert(J::Null),
                _ => {}
            }
        }
    }

    let mut sink = Sink::default();
    let mut parser = Parser::new_from_str(block);
    // Events one at a time: `Parser::load` recurses once per nesting level.
    loop {
        let (event, mark) = parser.next_token().map_err(|e| {
            // Line 1 of the block is line 2 of the file.
            record_error(
                e.marker().line() + 1,
                format!("malformed YAML front matter: {}", e.info()),
            )
        })?;
        if event == Event::StreamEnd {
            break;
        }
        sink.on_event(event, mark);
    }
    Ok(sink.root.unwrap_or(J::Null))
}

// ---------------------------------------------------------------------------------------
// Markdown cleanup
// ---------------------------------------------------------------------------------------

/// Removes `<!-- … -->` comments; an unclosed one is left as text.
fn strip_html_comments(text: &str) -> Cow<'_, str> {
    if !text.contains("<!--") {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        let Some(len) = rest[start + 4..].find("-->") else {
            break;
        };
        out.push_str(&rest[..start]);
        rest = &rest[start + 4 + len + 3..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// An opening code fence: (fence character, length).
fn opening_fence(line: &str) -> Option<(u8, usize)> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let line = &line[indent..];
    let ch = *line.as_bytes().first()?;
    if ch != b'`' && ch != b'~' {
        return None;
    }
    let len = line.bytes().take_while(|&b| b == ch).count();
    if len < 3 || ch == b'`' && line[len..].contains('`') {
        return None;
    }
    Some((ch, len))
}

fn closes_fence(line: &str, ch: u8, len: usize) -> bool {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return false;
    }
    let line = line.trim();
    line.len() >= len && line.bytes().all(|b| b == ch)
}

/// `---`, `***`, `___` (three or more, spaces allowed).
fn is_thematic_break(trimmed: &str) -> bool {
    let Some(ch) = trimmed.chars().next() else {
        return false;
    };
    matches!(ch, '-' | '*' | '_')
        && trimmed.chars().all(|c| c == ch || c == ' ')
        && trimmed.chars().filter(|&c| c == ch).count() >= 3
}

/// `[label]: destination` (a link reference definition).
fn is_reference_definition(trimmed: &str) -> bool {
    trimmed.starts_with('[')
        && !trimmed.starts_with("[^")
        && trimmed
            .find("]:")
            .is_some_and(|end| end > 1 && !trimmed[1..end].contains(['[', ']']))
}

/// The text of a footnote definition line (`[^1]: text` -> `text`).
fn footnote_definition(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("[^")?;
    let end = rest.find("]:")?;
    (!rest[..end].contains(['[', ']'])).then(|| rest[end + 2..].trim_start())
}

/// A table delimiter row such as `|---|:--:|`.
fn is_table_delimiter(trimmed: &str) -> bool {
    trimmed.contains('-')
        && trimmed.contains('|')
        && trimmed
            .chars()
            .all(|c| matches!(c, '|' | '-' | ':' | ' ' | '\t'))
}

/// The text of an ATX heading line (`## Text ##` -> `Text`).
fn atx_heading(line: &str) -> Option<&str> {
    let indent = line.len() - line.trim_start_matches(' ').len();
    if indent > 3 {
        return None;
    }
    let line = &line[indent..];
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &line[level..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    if without_closing.is_empty() || without_closing.ends_with([' ', '\t']) {
        Some(without_closing.trim_end())
    } else {
        Some(rest)
    }
}

/// Strips block quote markers and list bullets from the start of a line.
fn strip_containers(line: &str) -> &str {
    let mut s = line.trim_start();
    while let Some(rest) = s.strip_prefix('>') {
        s = rest.trim_start();
    }
    for bullet in ["- ", "* ", "+ "] {
        if let Some(rest) = s.strip_prefix(bullet) {
            s = rest.trim_start();
            for task in ["[ ] ", "[x] ", "[X] "] {
                if let Some(rest) = s.strip_prefix(task) {
                    s = rest;
                }
            }
            break;
        }
    }
    s
}

/// Markdown to plain text: blocks separated by one blank line.
fn clean_markdown(text: &str) -> String {
    let text = strip_html_comments(text);
    let mut blocks: Vec<String> = Vec::new();
    let mut para: Vec<&str> = Vec::new();
    let mut code: Vec<&str> = Vec::new();
    let mut fence: Option<(u8, usize)> = None;

    fn flush_para(para: &mut Vec<&str>, blocks: &mut Vec<String>) {
        if para.is_empty() {
            return;
        }
        let cleaned = clean_inline(&para.join("\n"));
        para.clear();
        push_block(blocks, &cleaned);
    }
    fn push_block(blocks: &mut Vec<String>, text: &str) {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        if !lines.is_empty() {
            blocks.push(lines.join("\n"));
        }
    }

    for (_, line) in lines_with_offsets(&text) {
        if let Some((ch, len)) = fence {
            if closes_fence(line, ch, len) {
                push_block(&mut blocks, &code.join("\n"));
                code.clear();
                fence = None;
            } else {
                code.push(line);
            }
            continue;
        }
        if let Some(open) = opening_fence(line) {
            flush_para(&mut para, &mut blocks);
            fence = Some(open);
            continue;
        }
        let trimmed = line.trim();
        let setext = !para.is_empty() && trimmed.len() >= 2 && trimmed.bytes().all(|b| b == b'=');
        if trimmed.is_empty() || setext || is_thematic_break(trimmed) || is_table_delimiter(trimmed)
        {
            flush_para(&mut para, &mut blocks);
            continue;
        }
        if is_reference_definition(trimmed) {
            continue;
        }
        let mut content = strip_containers(line);
        if let Some(note) = footnote_definition(content) {
            content = note;
        }
        if let Some(heading) = atx_heading(content) {
            flush_para(&mut para, &mut blocks);
            push_block(&mut blocks, &clean_inline(heading));
            continue;
        }
        if content.trim().is_empty() {
            flush_para(&mut para, &mut blocks);
            continue;
        }
        para.push(content);
    }
    flush_para(&mut para, &mut blocks);
    push_block(&mut blocks, &code.join("\n"));
    blocks.join("\n\n")
}

/// Code spans of `s`: start of the opening run -> (content start, content end, end of the
/// closing run). Runs are paired with the next run of the same length, in linear time.
fn code_spans(b: &[u8]) -> HashMap<usize, (usize, usize, usize)> {
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'\\' {
            i += 2;
            continue;
        }
        if b[i] == b'`' {
            let len = b[i..].iter().take_while(|&&c| c == b'`').count();
            runs.push((i, len));
            i += len;
        } else {
            i += 1;
        }
    }
    let mut by_len: HashMap<usize, (Vec<usize>, usize)> = HashMap::new();
    for (k, &(_, len)) in runs.iter().enumerate() {
        by_len.entry(len).or_default().0.push(k);
    }
    let mut spans = HashMap::new();
    let mut k = 0;
    while k < runs.len() {
        let (start, len) = runs[k];
        let Some((list, cursor)) = by_len.get_mut(&len) else {
            k += 1;
            continue;
        };
        while *cursor < list.len() && list[*cursor] <= k {
            *cursor += 1;
        }
        match list.get(*cursor) {
            Some(&close) => {
                let (close_start, _) = runs[close];
                spans.insert(start, (start + len, close_start, close_start + len));
                k = close + 1;
            }
            None => k += 1,
        }
    }
    spans
}

/// Pairs of brackets (`open` -> `close`) outside code spans, ignoring escaped ones.
fn matching_pairs(
    b: &[u8],
    spans: &HashMap<usize, (usize, usize, usize)>,
    open: u8,
    close: u8,
) -> HashMap<usize, usize> {
    let mut pairs = HashMap::new();
    let mut stack = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if let Some(&(_, _, end)) = spans.get(&i) {
            i = end;
            continue;
        }
        match b[i] {
            b'\\' => i += 1,
            c if c == open => stack.push(i),
            c if c == close => {
                if let Some(o) = stack.pop() {
                    pairs.insert(o, i);
                }
            }
            _ => {}
        }
        i += 1;
    }
    pairs
}

/// Decodes a character reference starting at `&` (`&amp;`, `&#39;`, `&#x2014;`).
fn entity_at(s: &str) -> Option<(char, usize)> {
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let name = &s[1..end];
    let ch = match name {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        "nbsp" => ' ',
        "mdash" => '—',
        "ndash" => '–',
        _ => {
            let num = name.strip_prefix('#')?;
            let code = match num.strip_prefix(['x', 'X']) {
                Some(hex) => u32::from_str_radix(hex, 16).ok()?,
                None => num.parse().ok()?,
            };
            char::from_u32(code).filter(|&c| c != '\0')?
        }
    };
    Some((ch, end + 1))
}

/// An HTML tag or autolink at `<`: Some(text to keep, bytes used).
fn angle_at(s: &str) -> Option<(&str, usize)> {
    let window = &s.as_bytes()[1..s.len().min(512)];
    let end = 1 + window.iter().position(|&b| b == b'>' || b == b'<')?;
    if s.as_bytes()[end] == b'<' {
        return None;
    }
    let inner = &s[1..end];
    let lower = inner.to_ascii_lowercase();
    if ["http://", "https://", "mailto:", "ftp://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme))
        && !inner.contains(char::is_whitespace)
    {
        return Some((inner, end + 1));
    }
    let name = inner.strip_prefix('/').unwrap_or(inner);
    let tag_len = name
        .bytes()
        .take_while(|b| b.is_ascii_alphanumeric() || *b == b'-')
        .count();
    let valid_start = name.as_bytes().first().is_some_and(u8::is_ascii_alphabetic);
    let after = &name[tag_len..];
    if valid_start && (after.is_empty() || after.starts_with([' ', '\t', '\n', '/'])) {
        let line_break = name[..tag_len].eq_ignore_ascii_case("br");
        return Some((if line_break { "\n" } else { "" }, end + 1));
    }
    None
}

/// Inline Markdown to text: emphasis markers, links (text kept), images, code span
/// backticks, HTML tags, escapes and character references.
fn clean_inline(s: &str) -> String {
    let b = s.as_bytes();
    let spans = code_spans(b);
    let brackets = matching_pairs(b, &spans, b'[', b']');
    let parens = matching_pairs(b, &spans, b'(', b')');
    let mut jumps: HashMap<usize, usize> = HashMap::new();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let special = |c: u8| {
        matches!(
            c,
            b'\\' | b'!' | b'[' | b']' | b'*' | b'_' | b'~' | b'<' | b'&' | b'`'
        )
    };
    // Where a link's text ends: `[text](url)`, `[text][ref]` or `[text][]`.
    let link_end = |close: usize| -> Option<usize> {
        match b.get(close + 1) {
            Some(b'(') => parens.get(&(close + 1)).map(|&p| p + 1),
            Some(b'[') => brackets.get(&(close + 1)).map(|&p| p + 1),
            _ => None,
        }
    };
    while i < b.len() {
        if let Some(&(content_start, content_end, end)) = spans.get(&i) {
            let content = &s[content_start..content_end];
            let content =
                if content.len() >= 2 && content.starts_with(' ') && content.ends_with(' ') {
                    &content[1..content.len() - 1]
                } else {
                    content
                };
            out.push_str(content);
            i = end;
            continue;
        }
        let c = b[i];
        match c {
            b'\\' if b.get(i + 1) == Some(&b'\n') => {
                // A hard line break.
                out.push('\n');
                i += 2;
            }
            b'\\' if b.get(i + 1).is_some_and(u8::is_ascii_punctuation) => {
                out.push(b[i + 1] as char);
                i += 2;
            }
            b'!' if b.get(i + 1) == Some(&b'[') => {
                match brackets.get(&(i + 1)).and_then(|&close| link_end(close)) {
                    Some(end) => i = end,
                    None => {
                        out.push('!');
                        i += 1;
                    }
                }
            }
            b'[' => {
                let target = brackets.get(&i).copied();
                if b.get(i + 1) == Some(&b'^') {
                    // A footnote reference `[^1]`: dropped.
                    if let Some(close) = target {
                        i = close + 1;
                        continue;
                    }
                }
                match target.and_then(|close| link_end(close).map(|end| (close, end))) {
                    Some((close, end)) => {
                        jumps.insert(close, end);
                    }
                    None => out.push('['),
                }
                i += 1;
            }
            b']' => match jumps.get(&i) {
                Some(&end) => i = end,
                None => {
                    out.push(']');
                    i += 1;
                }
            },
            b'*' | b'_' | b'~' => {
                let len = b[i..].iter().take_while(|&&x| x == c).count();
                let prev = s[..i].chars().next_back();
                let next = s[i + len..].chars().next();
                let prev_space = prev.is_none_or(char::is_whitespace);
                let next_space = next.is_none_or(char::is_whitespace);
                let prev_alnum = prev.is_some_and(char::is_alphanumeric);
                let next_alnum = next.is_some_and(char::is_alphanumeric);
                let literal = (prev_space && next_space)
                    || (c == b'_' && prev_alnum && next_alnum)
                    || (c == b'*'
                        && prev.is_some_and(|p| p.is_ascii_digit())
                        && next.is_some_and(|n| n.is_ascii_digit()))
                    || (c == b'~' && len != 2);
                if literal {
                    out.push_str(&s[i..i + len]);
                }
                i += len;
            }
            b'<' => match angle_at(&s[i..]) {
                Some((keep, used)) => {
                    out.push_str(keep);
                    i += used;
                }
                None => {
                    out.push('<');
                    i += 1;
                }
            },
            b'&' => match entity_at(&s[i..]) {
                Some((ch, used)) => {
                    out.push(ch);
                    i += used;
                }
                None => {
                    out.push('&');
                    i += 1;
                }
            },
            _ => {
                // Copy up to the next special byte (always an ASCII char boundary).
                let run = b[i + 1..]
                    .iter()
                    .position(|&x| special(x))
                    .map_or(b.len(), |p| i + 1 + p);
                out.push_str(&s[i..run]);
                i = run;
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// JSON and JSON Lines
// ---------------------------------------------------------------------------------------

/// serde_json's message without its " at line L column C" tail.
fn json_message(e: &serde_json::Error) -> String {
    let message = e.to_string();
    match message.rfind(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message,
    }
}

/// A record from one parsed JSON value that should be an article object.
fn record_from_value(value: J, map: &FieldMap, line: usize) -> Result<Record, RecordError> {
    match value {
        J::Obj(fields) => build_record(&fields, map, true)
            .map(|mut record| {
                record.line = line;
                record
            })
            .map_err(|reason| record_error(line, reason)),
        other => Err(record_error(
            line,
            format!(
                "not an article object but {} {}",
                article(other.kind()),
                other.kind()
            ),
        )),
    }
}

fn article(word: &str) -> &'static str {
    if word.starts_with(['a', 'e', 'i', 'o', 'u']) {
        "an"
    } else {
        "a"
    }
}

/// JSON Lines: one object per line; blank lines skipped; `first_line` is the 1-based line number of `text`'s first
/// line (for incremental reads that start mid-file). Each bad line (not JSON, not an object, no body text) is an
/// Err with its line number and reason; the others are Ok. `record.line` is set.
pub fn parse_json_lines(
    text: &str,
    map: &FieldMap,
    first_line: usize,
) -> Vec<Result<Record, RecordError>> {
    parse_json_lines_part(text, map, first_line, true)
}

/// [`parse_json_lines`] on a part of a file's text that starts at `first_line`: only the
/// start of the text (`at_start`) may begin with a byte-order mark.
pub fn parse_json_lines_part(
    text: &str,
    map: &FieldMap,
    first_line: usize,
    at_start: bool,
) -> Vec<Result<Record, RecordError>> {
    let mut out = Vec::new();
    for (i, line) in text.split('\n').enumerate() {
        let number = first_line.saturating_add(i);
        let line = if i == 0 && at_start {
            line.strip_prefix('\u{feff}').unwrap_or(line)
        } else {
            line
        };
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        out.push(match serde_json::from_str::<J>(line) {
            Ok(value) => record_from_value(value, map, number),
            Err(e) => Err(record_error(
                number,
                format!(
                    "not valid JSON: {} (column {})",
                    json_message(&e),
                    e.column()
                ),
            )),
        });
    }
    out
}

/// A JSON file: an array of article objects, a single article object, or an object with an array under a common
/// key ("articles", "items", "data", "results", "docs", "documents"). Each bad element is an Err (line 0 or best effort).
///
/// The wrapper key may also sit one object deeper (`{"response": {"results": [...]}}`). An
/// object that has body text itself is one article. Array elements get the line where they
/// start (in `record.line` too); a single article object has line 0. A file that is not
/// JSON is one Err with serde_json's line.
pub fn parse_json(text: &str, map: &FieldMap) -> Vec<Result<Record, RecordError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Vec::new();
    }
    let root = match serde_json::from_str::<J>(text) {
        Ok(root) => root,
        Err(e) => {
            let message = json_message(&e);
            let reason = if message.starts_with("trailing characters") {
                format!(
                    "not valid JSON: more than one value (line {}); a file with one object a line should be named .jsonl",
                    e.line()
                )
            } else {
                format!("not valid JSON: {message} (column {})", e.column())
            };
            return vec![Err(record_error(e.line(), reason))];
        }
    };
    match root {
        J::Arr(items) => elements(text, &[], items, map),
        J::Obj(fields) => {
            let single = build_record(&fields, map, true);
            if let Ok(record) = single {
                return vec![Ok(record)];
            }
            match take_wrapped(fields) {
                Ok((path, items)) => elements(text, &path, items, map),
                Err(fields) => {
                    vec![build_record(&fields, map, true).map_err(|reason| record_error(0, reason))]
                }
            }
        }
        other => vec![Err(record_error(
            1,
            format!(
                "the file holds {} {}, not articles (an array of objects, or an object)",
                article(other.kind()),
                other.kind()
            ),
        ))],
    }
}

/// Whether a value is an array holding at least one object.
fn is_article_array(value: &J) -> bool {
    matches!(value, J::Arr(items) if items.iter().any(|v| matches!(v, J::Obj(_))))
}

fn is_wrapper_key(key: &str) -> bool {
    WRAPPER_KEYS.iter().any(|w| key.eq_ignore_ascii_case(w))
}

/// The array of articles in a wrapper object, with its path of child indices; the fields
/// back when there is none.
fn take_wrapped(mut fields: Fields) -> Result<(Vec<usize>, Vec<J>), Fields> {
    let top = fields
        .iter()
        .position(|(k, v)| is_wrapper_key(k) && is_article_array(v));
    let path = match top {
        Some(i) => vec![i],
        None => {
            let nested = fields.iter().enumerate().find_map(|(i, (_, v))| match v {
                J::Obj(inner) => inner
                    .iter()
                    .position(|(k, v)| is_wrapper_key(k) && is_article_array(v))
                    .map(|j| vec![i, j]),
                _ => None,
            });
            match nested {
                Some(path) => path,
                None => return Err(fields),
            }
        }
    };
    let slot = match path.get(1) {
        None => &mut fields[path[0]].1,
        Some(&j) => match &mut fields[path[0]].1 {
            J::Obj(inner) => &mut inner[j].1,
            _ => return Err(fields),
        },
    };
    match std::mem::replace(slot, J::Null) {
        J::Arr(items) => Ok((path, items)),
        _ => Err(fields),
    }
}

/// Records from the elements of the array at `path` (child indices from the root).
fn elements(
    text: &str,
    path: &[usize],
    items: Vec<J>,
    map: &FieldMap,
) -> Vec<Result<Record, RecordError>> {
    let lines = element_lines(text, path);
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| record_from_value(item, map, lines.get(i).copied().unwrap_or(0)))
        .collect()
}

/// The 1-based line where each element of the container at `path` starts, by one scan of
/// a text already known to be valid JSON.
fn element_lines(text: &str, path: &[usize]) -> Vec<usize> {
    struct Frame {
        object: bool,
        /// Index of the current child (-1 before the first).
        child: isize,
        expect_value: bool,
    }
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut root_expected = true;
    let mut line = 1;
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c == b'\n' {
            line += 1;
            i += 1;
            continue;
        }
        if c.is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let expecting = stack.last().map_or(root_expected, |f| f.expect_value);
        let starts_value = expecting && !matches!(c, b'}' | b']' | b',' | b':');
        if starts_value {
            if let Some(top) = stack.last_mut() {
                top.child += 1;
                top.expect_value = false;
            } else {
                root_expected = false;
            }
            if stack.len() == path.len() + 1
                && stack
                    .iter()
                    .zip(path)
                    .all(|(frame, &want)| frame.child == want as isize)
            {
                out.push(line);
            }
        }
        match c {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'{' | b'[' => {
                stack.push(Frame {
                    object: c == b'{',
                    child: -1,
                    expect_value: c == b'[',
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                i += 1;
            }
            b':' => {
                if let Some(top) = stack.last_mut() {
                    top.expect_value = true;
                }
                i += 1;
            }
            b',' => {
                if let Some(top) = stack.last_mut() {
                    top.expect_value = !top.object;
                }
                i += 1;
            }
            _ => {
                // A number or literal: up to the next delimiter.
                while i < b.len()
                    && !matches!(b[i], b',' | b'}' | b']' | b':' | b'"')
                    && !b[i].is_ascii_whitespace()
                {
                    i += 1;
                }
            }
        }
    }
    out
}

// ---------------------------------------------------------------------------------------
// CSV and TSV
// ---------------------------------------------------------------------------------------

/// CSV (`delimiter` b',') or TSV (b'\t') with a header row, same field mapping; quoted fields with newlines work;
/// each bad row is an Err with its line number (use the csv crate's position); `record.line` is set.
///
/// A row with more fields than the header is an error (a stray delimiter or quote); a
/// shorter row has its missing fields empty. When no header column can be the body, the
/// result is that one error (line 1) rather than one per row.
pub fn parse_delimited(
    text: &str,
    delimiter: u8,
    map: &FieldMap,
) -> Vec<Result<Record, RecordError>> {
    let mut out = Vec::new();
    each_delimited(text, delimiter, map, &mut |record| {
        out.push(record);
        true
    });
    out
}

/// [`parse_delimited`] handing each row's result to `each` as it is read, until `each`
/// returns false.
pub fn each_delimited(
    text: &str,
    delimiter: u8,
    map: &FieldMap,
    each: &mut dyn FnMut(Result<Record, RecordError>) -> bool,
) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(true)
        .flexible(true)
        .from_reader(text.as_bytes());
    let names: Vec<String> = match reader.headers() {
        Ok(headers) => headers.iter().map(|h| h.trim().to_string()).collect(),
        Err(e) => {
            each(Err(csv_error(&e, 1)));
            return;
        }
    };
    if names.iter().all(String::is_empty) {
        return;
    }
    let body_column = match map.get(Role::Body) {
        Some(name) => names.iter().any(|n| n.eq_ignore_ascii_case(name)),
        None => names.iter().any(|n| {
            let n = n.to_lowercase();
            Role::Body.defaults().contains(&n.as_str())
        }),
    };
    if !body_column {
        let mut shown: Vec<&str> = names.iter().take(20).map(String::as_str).collect();
        if names.len() > 20 {
            shown.push("…");
        }
        let what = match map.get(Role::Body) {
            Some(name) => format!("no column `{name}` for the article text"),
            None => "no column for the article text".to_string(),
        };
        each(Err(record_error(
            1,
            format!(
                "{what} among {}; map the body field with --field body=NAME",
                shown.join(", ")
            ),
        )));
        return;
    }
    let mut lines = LineCounter::new(text);
    for row in reader.records() {
        let row = match row {
            Ok(row) => row,
            Err(e) => {
                let line = e.position().map_or(0, |p| lines.line_of_record(p.byte()));
                if !each(Err(csv_error(&e, line))) {
                    return;
                }
                continue;
            }
        };
        let line = row.position().map_or(0, |p| lines.line_of_record(p.byte()));
        if row.len() > names.len() {
            let error = record_error(
                line,
                format!(
                    "row has {} fields but the header has {} (a stray delimiter or quote?)",
                    row.len(),
                    names.len()
                ),
            );
            if !each(Err(error)) {
                return;
            }
            continue;
        }
        let fields: Vec<(String, J)> = names
            .iter()
            .zip(row.iter())
            .map(|(name, value)| (name.clone(), J::Str(value.to_string())))
            .collect();
        let record = build_record(&fields, map, true)
            .map(|mut record| {
                record.line = line;
                record
            })
            .map_err(|reason| record_error(line, reason));
        if !each(record) {
            return;
        }
    }
}

/// Line numbers for the csv crate's byte positions, which must come in order. (The
/// crate's own line count is off after blank lines, and its record position points at
/// the line ends before a record.)
struct LineCounter<'a> {
    text: &'a [u8],
    byte: usize,
    line: usize,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            byte: 0,
            line: 1,
        }
    }

    /// The line where the record at `byte` starts, past any line ends before it.
    fn line_of_record(&mut self, byte: u64) -> usize {
        let mut at = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while at < self.text.len() && matches!(self.text[at], b'\r' | b'\n') {
            at += 1;
        }
        if at >= self.byte {
            self.line += self.text[self.byte..at]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            self.byte = at;
        }
        self.line
    }
}

fn csv_error(e: &csv::Error, line: usize) -> RecordError {
    let reason = match e.kind() {
        csv::ErrorKind::UnequalLengths {
            expected_len, len, ..
        } => format!("row has {len} fields but the header has {expected_len}"),
        _ => {
            let message = e.to_string();
            format!("bad row: {message}")
        }
    };
    record_error(line, reason)
}

// ---------------------------------------------------------------------------------------
// Dates
// ---------------------------------------------------------------------------------------

/// Parses a metadata date in any common form to a calendar date (the day as written, no time-zone shifting):
/// ISO 8601 / RFC 3339 ("2025-03-13", "2025-03-13T10:00:00Z", "2025-03-13 10:00:00+01:00"), RFC 2822
/// ("Thu, 13 Mar 2025 10:00:00 GMT"), Reuters-21578 ("26-FEB-1987 15:01:01.79"), "March 13, 2025",
/// "13 March 2025", "2025/03/13", "13.03.2025", unix timestamps in seconds or milliseconds (all digits, 9-13 long).
/// None when it is not a date or is ambiguous (e.g. "03/04/2025").
///
/// Also: "20250313" (basic ISO), "Mar. 13th, 2025", ctime ("Thu Mar 13 10:00:00 2025"),
/// day/month/year with `/` or `-` when the day is over 12 ("13/03/2025"), and seconds
/// with a fraction ("1741860000.5"). Timestamps are read as UTC; 9-10 digits are
/// seconds, 11-13 milliseconds. Years have four digits.
pub fn parse_metadata_date(s: &str) -> Option<time::Date> {
    let s = s.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if s.bytes().all(|b| b.is_ascii_digit()) {
        return match s.len() {
            8 => basic_iso(s),
            9..=10 => from_unix(s.parse().ok()?),
            11..=13 => from_unix(s.parse::<i64>().ok()? / 1000),
            _ => None,
        };
    }
    if let Some((whole, fraction)) = s.split_once('.') {
        if (9..=10).contains(&whole.len())
            && whole.bytes().all(|b| b.is_ascii_digit())
            && !fraction.is_empty()
            && fraction.bytes().all(|b| b.is_ascii_digit())
        {
            return from_unix(whole.parse().ok()?);
        }
    }
    numeric_date(s).or_else(|| textual_date(s))
}

fn from_unix(seconds: i64) -> Option<time::Date> {
    time::OffsetDateTime::from_unix_timestamp(seconds)
        .ok()
        .map(|t| t.date())
}

fn ymd(year: i32, month: u32, day: u32) -> Option<time::Date> {
    let month = time::Month::try_from(u8::try_from(month).ok()?).ok()?;
    time::Date::from_calendar_date(year, month, u8::try_from(day).ok()?).ok()
}

/// `YYYYMMDD`.
fn basic_iso(s: &str) -> Option<time::Date> {
    ymd(
        s[..4].parse().ok()?,
        s[4..6].parse().ok()?,
        s[6..8].parse().ok()?,
    )
}

/// Whether what follows a numeric date is a time, a zone or nothing.
fn time_follows(rest: &str) -> bool {
    let mut chars = rest.chars();
    match chars.next() {
        None => true,
        Some('Z' | 'z') => chars.as_str().is_empty(),
        Some('+' | '-') => chars.next().is_some_and(|c| c.is_ascii_digit()),
        Some('T' | 't' | ' ' | ',' | '_') => chars
            .as_str()
            .trim_start_matches([' ', ','])
            .starts_with(|c: char| c.is_ascii_digit()),
        _ => false,
    }
}

/// Dates written with digits only: `2025-03-13`, `2025/03/13`, `13.03.2025`,
/// `13/03/2025`, `03/13/2025`, each optionally followed by a time.
fn numeric_date(s: &str) -> Option<time::Date> {
    let b = s.as_bytes();
    let digits = |from: usize| b[from..].iter().take_while(|c| c.is_ascii_digit()).count();
    let n1 = digits(0);
    if n1 == 8 && b.get(8).is_some_and(|&c| c == b'T' || c == b't') {
        return basic_iso(&s[..8]).filter(|_| time_follows(&s[8..]));
    }
    let sep = *b.get(n1)?;
    if n1 == 0 || !matches!(sep, b'-' | b'/' | b'.') {
        return None;
    }
    let n2 = digits(n1 + 1);
    if n2 == 0 || b.get(n1 + 1 + n2) != Some(&sep) {
        return None;
    }
    let start3 = n1 + 2 + n2;
    let n3 = digits(start3);
    if n3 == 0 || !time_follows(&s[start3 + n3..]) {
        return None;
    }
    let a: u32 = s[..n1].parse().ok()?;
    let m: u32 = s[n1 + 1..n1 + 1 + n2].parse().ok()?;
    let c: u32 = s[start3..start3 + n3].parse().ok()?;
    if n1 == 4 && n2 <= 2 && n3 <= 2 {
        return ymd(i32::try_from(a).ok()?, m, c);
    }
    if n3 != 4 || n1 > 2 || n2 > 2 {
        return None;
    }
    let year = i32::try_from(c).ok()?;
    if sep == b'.' {
        return ymd(year, m, a);
    }
    match (a > 12, m > 12) {
        (true, false) => ymd(year, m, a),
        (false, true) => ymd(year, a, m),
        (false, false) if a == m => ymd(year, a, a),
        _ => None,
    }
}

fn month_number(token: &str) -> Option<u32> {
    let t = token
        .strip_suffix('.')
        .unwrap_or(token)
        .to_ascii_lowercase();
    Some(match t.as_str() {
        "jan" | "january" => 1,
        "feb" | "february" => 2,
        "mar" | "march" => 3,
        "apr" | "april" => 4,
        "may" => 5,
        "jun" | "june" => 6,
        "jul" | "july" => 7,
        "aug" | "august" => 8,
        "sep" | "sept" | "september" => 9,
        "oct" | "october" => 10,
        "nov" | "november" => 11,
        "dec" | "december" => 12,
        _ => return None,
    })
}

fn is_weekday(token: &str) -> bool {
    let t = token
        .strip_suffix('.')
        .unwrap_or(token)
        .to_ascii_lowercase();
    matches!(
        t.as_str(),
        "mon"
            | "monday"
            | "tue"
            | "tues"
            | "tuesday"
            | "wed"
            | "wednesday"
            | "thu"
            | "thur"
            | "thurs"
            | "thursday"
            | "fri"
            | "friday"
            | "sat"
            | "saturday"
            | "sun"
            | "sunday"
    )
}

/// A day of the month: `13`, `13th`, `1st`, `13.`.
fn day_number(token: &str) -> Option<u32> {
    let t = token.strip_suffix('.').unwrap_or(token);
    let lower = t.to_ascii_lowercase();
    let t = ["st", "nd", "rd", "th"]
        .iter()
        .find_map(|suffix| lower.strip_suffix(suffix))
        .unwrap_or(&lower);
    if t.is_empty() || t.len() > 2 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok().filter(|d| (1..=31).contains(d))
}

fn year_number(token: &str) -> Option<i32> {
    let t = token.strip_suffix('.').unwrap_or(token);
    if t.len() != 4 || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

fn is_clock(token: &str) -> bool {
    token.contains(':') && token.starts_with(|c: char| c.is_ascii_digit())
}

/// Whether the tokens after a textual date are a time, a zone, or nothing.
fn tail_ok(rest: &[&str]) -> bool {
    let Some(first) = rest.first() else {
        return true;
    };
    first.starts_with(|c: char| c.is_ascii_digit() || matches!(c, '+' | '-' | '('))
        || first.eq_ignore_ascii_case("at")
        || (first.len() <= 5 && first.chars().all(|c| c.is_ascii_uppercase()))
}

/// Dates with a month name: RFC 2822, Reuters' `26-FEB-1987`, `March 13, 2025`,
/// `13 March 2025`, ctime.
fn textual_date(s: &str) -> Option<time::Date> {
    let mut tokens: Vec<&str> = Vec::new();
    for token in s.split(|c: char| c.is_whitespace() || c == ',') {
        if token.is_empty() {
            continue;
        }
        if token.contains('-') && token.contains(|c: char| c.is_ascii_alphabetic()) {
            tokens.extend(token.split('-').filter(|t| !t.is_empty()));
        } else {
            tokens.push(token);
        }
        if tokens.len() > 8 {
            break;
        }
    }
    if tokens.first().is_some_and(|t| is_weekday(t)) {
        tokens.remove(0);
    }
    if tokens.len() < 3 {
        return None;
    }
    if let (Some(day), Some(month), Some(year)) = (
        day_number(tokens[0]),
        month_number(tokens[1]),
        year_number(tokens[2]),
    ) {
        return tail_ok(&tokens[3..]).then(|| ymd(year, month, day))?;
    }
    let (Some(month), Some(day)) = (month_number(tokens[0]), day_number(tokens[1])) else {
        return None;
    };
    if let Some(year) = year_number(tokens[2]) {
        return tail_ok(&tokens[3..]).then(|| ymd(year, month, day))?;
    }
    // ctime: `Thu Mar 13 10:00:00 [UTC] 2025`.
    if is_clock(tokens[2]) {
        let rest = &tokens[3..];
        let year = match rest {
            [year, ..] if year_number(year).is_some() => year_number(year),
            [zone, year, ..] if zone.chars().all(|c| c.is_ascii_alphabetic()) => year_number(year),
            _ => None,
        }?;
        return ymd(year, month, day);
    }
    None
}

// ---------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn ok(results: Vec<Result<Record, RecordError>>) -> Vec<Record> {
        results
            .into_iter()
            .map(|r| r.expect("record should parse"))
            .collect()
    }

    fn extra<'a>(record: &'a Record, key: &str) -> Option<&'a str> {
        record
            .extra
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    #[test]
    fn format_of_extensions() {
        let cases: &[(&str, Option<Format>)] = &[
            ("a.txt", Some(Format::Text)),
            ("dir/A.TEXT", Some(Format::Text)),
            ("notes.md", Some(Format::Markdown)),
            ("notes.Markdown", Some(Format::Markdown)),
            ("a.jsonl", Some(Format::JsonLines)),
            ("a.ndjson", Some(Format::JsonLines)),
            ("a.jsonl.gz", Some(Format::JsonLines)),
            ("a.JSONL.GZ", Some(Format::JsonLines)),
            ("a.json", Some(Format::Json)),
            ("a.json.zst", Some(Format::Json)),
            ("a.csv", Some(Format::Csv)),
            ("a.csv.gz", Some(Format::Csv)),
            ("a.tsv", Some(Format::Tsv)),
            ("a.tab", Some(Format::Tsv)),
            ("page.html", Some(Format::Html)),
            ("page.HTM", Some(Format::Html)),
            ("page.xhtml", Some(Format::Html)),
            ("archive.tar.gz", None),
            ("a.gz", None),
            ("a.zst", None),
            (".gz", None),
            ("README", None),
            ("a.pdf", None),
            ("a.txt.bz2", None),
            ("a.gz.txt", Some(Format::Text)),
            ("", None),
        ];
        for (path, want) in cases {
            assert_eq!(format_of(Path::new(path)), *want, "{path}");
        }
    }

    #[test]
    fn field_map_set() {
        let valid = [
            ("title=headline_text", Role::Title, "headline_text"),
            ("body=story_html", Role::Body, "story_html"),
            (" Date = pub_time ", Role::Date, "pub_time"),
            ("SOURCE=feed", Role::Source, "feed"),
            ("url=permalink", Role::Url, "permalink"),
            ("id=key", Role::Id, "key"),
            ("author=writer", Role::Author, "writer"),
            ("title=fields.headline", Role::Title, "fields.headline"),
            ("body=a=b", Role::Body, "a=b"),
        ];
        for (spec, role, name) in valid {
            let mut map = FieldMap::default();
            map.set(spec).unwrap_or_else(|e| panic!("{spec}: {e}"));
            assert_eq!(map.get(role), Some(name), "{spec}");
        }
        let invalid = ["headline=title", "title", "=x", "body=", "body=  ", ""];
        for spec in invalid {
            let err = FieldMap::default().set(spec).unwrap_err();
            assert!(
                err.contains("title, body, date, source, url, id, author") || err.contains("=NAME"),
                "{spec}: {err}"
            );
        }
        let err = FieldMap::default().set("headline=title").unwrap_err();
        assert!(err.contains("headline"), "{err}");
        assert!(
            err.contains("title, body, date, source, url, id, author"),
            "{err}"
        );
    }

    #[test]
    fn metadata_dates() {
        let cases: &[(&str, Option<time::Date>)] = &[
            ("2025-03-13", Some(date!(2025 - 03 - 13))),
            ("  2025-03-13\n", Some(date!(2025 - 03 - 13))),
            ("2025-3-7", Some(date!(2025 - 03 - 07))),
            ("2025-03-13T10:00:00Z", Some(date!(2025 - 03 - 13))),
            ("2025-03-13T23:30:00-05:00", Some(date!(2025 - 03 - 13))),
            ("2025-03-13 10:00:00+01:00", Some(date!(2025 - 03 - 13))),
            ("2025-03-13T10:00:00.123456Z", Some(date!(2025 - 03 - 13))),
            ("2025-03-13Z", Some(date!(2025 - 03 - 13))),
            ("20250313", Some(date!(2025 - 03 - 13))),
            ("20250313T100000Z", Some(date!(2025 - 03 - 13))),
            ("Thu, 13 Mar 2025 10:00:00 GMT", Some(date!(2025 - 03 - 13))),
            (
                "Thu, 13 Mar 2025 10:00:00 -0500",
                Some(date!(2025 - 03 - 13)),
            ),
            ("13 Mar 2025", Some(date!(2025 - 03 - 13))),
            ("26-FEB-1987 15:01:01.79", Some(date!(1987 - 02 - 26))),
            (" 5-MAR-1987 09:09:48.49", Some(date!(1987 - 03 - 05))),
            ("31-MAR-1987 605:13:27.50", Some(date!(1987 - 03 - 31))),
            ("2-APR-1987 11:02:33.17F RM", Some(date!(1987 - 04 - 02))),
            ("March 13, 2025", Some(date!(2025 - 03 - 13))),
            (
                "Thursday, March 13th, 2025 at 10am",
                Some(date!(2025 - 03 - 13)),
            ),
            ("Mar. 13, 2025", Some(date!(2025 - 03 - 13))),
            ("Sept 1, 2025", Some(date!(2025 - 09 - 01))),
            ("13 March 2025", Some(date!(2025 - 03 - 13))),
            ("13 march, 2025 10:00", Some(date!(2025 - 03 - 13))),
            ("Thu Mar 13 10:00:00 2025", Some(date!(2025 - 03 - 13))),
            ("Thu Mar 13 10:00:00 UTC 2025", Some(date!(2025 - 03 - 13))),
            ("2025/03/13", Some(date!(2025 - 03 - 13))),
            ("2025/03/13 10:00", Some(date!(2025 - 03 - 13))),
            ("2025.03.13", Some(date!(2025 - 03 - 13))),
            ("13.03.2025", Some(date!(2025 - 03 - 13))),
            ("03.04.2025", Some(date!(2025 - 04 - 03))),
            ("13/03/2025", Some(date!(2025 - 03 - 13))),
            ("03/13/2025", Some(date!(2025 - 03 - 13))),
            ("13-03-2025", Some(date!(2025 - 03 - 13))),
            ("04/04/2025", Some(date!(2025 - 04 - 04))),
            ("1741860000", Some(date!(2025 - 03 - 13))),
            ("1741860000123", Some(date!(2025 - 03 - 13))),
            ("1741860000.5", Some(date!(2025 - 03 - 13))),
            ("536457600", Some(date!(1987 - 01 - 01))),
            // Ambiguous.
            ("03/04/2025", None),
            ("03-04-2025", None),
            // Not dates.
            ("", None),
            ("   ", None),
            ("yesterday", None),
            ("2025", None),
            ("2025-03", None),
            ("March 2025", None),
            ("13 March", None),
            ("2025-02-30", None),
            ("2025-13-01", None),
            ("31 Feb 2025", None),
            ("1234567", None),
            ("12345678901234", None),
            ("2025-03-13 is the day", None),
            ("13 March 2025 was sunny", None),
            ("13/03/25", None),
            ("a-b-c", None),
            ("--", None),
            ("1.2.3", None),
            ("é-ü-ß 2025", None),
        ];
        for (input, want) in cases {
            assert_eq!(parse_metadata_date(input), *want, "{input:?}");
        }
        let long = "2025-03-13".to_string() + &" ".repeat(200) + "x";
        assert_eq!(parse_metadata_date(&long), None);
    }

    #[test]
    fn front_matter_yaml() {
        let text = "---\ntitle: \"Storm hits coast\"\ndate: 2025-03-13\npublisher: Coastal Times\nlink: https://example.com/storm\nauthor:\n  name: Ana Ruiz\nid: 42\ntags: [weather, coast]\ndraft: false\nnested:\n  deeper:\n    deepest: x\nempty:\n---\nThe storm arrived at dawn.\n\nIt left by noon.\n";
        let r = parse_text(text, false).unwrap();
        assert_eq!(r.title, "Storm hits coast");
        assert_eq!(r.date.as_deref(), Some("2025-03-13"));
        assert_eq!(r.source.as_deref(), Some("Coastal Times"));
        assert_eq!(r.url.as_deref(), Some("https://example.com/storm"));
        assert_eq!(r.author.as_deref(), Some("Ana Ruiz"));
        assert_eq!(r.id.as_deref(), Some("42"));
        assert_eq!(
            r.extra,
            vec![
                ("tags".to_string(), "weather, coast".to_string()),
                ("draft".to_string(), "false".to_string()),
            ]
        );
        assert_eq!(r.body, "The storm arrived at dawn.\n\nIt left by noon.\n");
        assert_eq!(r.line, 0);
    }

    #[test]
    fn front_matter_toml() {
        let text = "+++\ntitle = \"Budget passes\"\ndate = 2025-03-13T10:00:00Z\nsite = \"Capital Post\"\nurl = \"https://example.com/b\"\nauthors = [\"A. One\", \"B. Two\"]\nwords = 512\n[params]\nx = 1\n+++\r\nThe budget passed.\n";
        let r = parse_text(text, true).unwrap();
        assert_eq!(r.title, "Budget passes");
        assert_eq!(r.date.as_deref(), Some("2025-03-13T10:00:00Z"));
        assert_eq!(r.source.as_deref(), Some("Capital Post"));
        assert_eq!(r.url.as_deref(), Some("https://example.com/b"));
        assert_eq!(r.author.as_deref(), Some("A. One, B. Two"));
        assert_eq!(r.extra, vec![("words".to_string(), "512".to_string())]);
        assert_eq!(r.body, "The budget passed.");
    }

    #[test]
    fn front_matter_none_or_not_fields() {
        let cases: &[(&str, &str, &str)] = &[
            ("Headline\nBody line.\n", "Headline", "Body line.\n"),
            ("\n\n  Headline  \n\n\nBody.", "Headline", "Body."),
            // A rule, not front matter: the block has no `key: value` line.
            (
                "---\nJust a rule above.\n---\nMore text.",
                "---",
                "Just a rule above.\n---\nMore text.",
            ),
            (
                "---\nNo closing rule here.\n",
                "---",
                "No closing rule here.\n",
            ),
            ("+++ big news +++\nBody", "+++ big news +++", "Body"),
            // Empty front matter.
            ("---\n---\nTitle\nBody", "Title", "Body"),
            // Front matter without a title: the first line of the rest.
            (
                "---\ndate: 2025-01-02\n---\n\nTitle line\nBody",
                "Title line",
                "Body",
            ),
        ];
        for (text, title, body) in cases {
            let r = parse_text(text, false).unwrap_or_else(|e| panic!("{text:?}: {e:?}"));
            assert_eq!(r.title, *title, "{text:?}");
            assert_eq!(r.body, *body, "{text:?}");
        }
        assert!(parse_text("  \n\n ", false).is_err());
        assert!(parse_text("---\n---\n", true).is_err());
    }

    #[test]
    fn front_matter_malformed() {
        let cases: &[(&str, usize, &str)] = &[
            ("---\ntitle: [unclosed\ndate: 2025\n---\nBody", 0, "YAML"),
            (
                "---\ntitle: a\n  bad: indentation: here\n---\nBody",
                3,
                "YAML",
            ),
            (
                "---\ntitle: ok\nbody text without closing\n",
                1,
                "never closed",
            ),
            ("+++\ntitle = \"ok\"\ndate = \n+++\nBody", 3, "TOML"),
            ("+++\ntitle = 'a'\ntitle = 'b'\n+++\nBody", 3, "TOML"),
            ("---\n'just: a string'\n---\nBody", 2, "not `key: value`"),
        ];
        for (text, line, reason) in cases {
            let err = parse_text(text, false).unwrap_err();
            assert!(err.reason.contains(reason), "{text:?}: {err:?}");
            if *line > 0 {
                assert_eq!(err.line, *line, "{text:?}: {err:?}");
            } else {
                assert!(err.line >= 2, "{text:?}: {err:?}");
            }
        }
    }

    #[test]
    fn front_matter_is_safe() {
        // Aliases are not expanded (no billion laughs).
        let mut yaml = String::from("---\ntitle: t\na: &a [x, x, x, x, x, x, x, x, x]\n");
        for i in 0..30 {
            yaml.push_str(&format!("b{i}: &b{i} [*a, *a, *a, *a, *a, *a, *a, *a]\n"));
        }
        yaml.push_str("---\nBody\n");
        let r = parse_text(&yaml, false).unwrap();
        assert_eq!(r.title, "t");
        // Deep nesting is cut, not recursed into.
        let deep = format!(
            "---\ntitle: t\nx: {}{}\n---\nBody",
            "[".repeat(200),
            "]".repeat(200)
        );
        let _ = parse_text(&deep, false);
        let deep_toml = format!(
            "+++\ntitle = 't'\nx = {}{}\n+++\nBody",
            "[".repeat(5000),
            "]".repeat(5000)
        );
        let _ = parse_text(&deep_toml, false);
        let mut block = String::from("---\ntitle: t\nx:\n");
        for i in 0..2000 {
            block.push_str(&" ".repeat(i + 1));
            block.push_str("- \n");
        }
        block.push_str("---\nBody");
        let _ = parse_text(&block, false);
    }

    #[test]
    fn markdown_cleanup() {
        let cases: &[(&str, &str)] = &[
            ("## Section ##", "Section"),
            (
                "Some *emphasis*, **strong**, _under_ and ~~struck~~ text.",
                "Some emphasis, strong, under and struck text.",
            ),
            (
                "A [link](https://x.com/a_(b)) and [ref][1] and [empty][].",
                "A link and ref and empty.",
            ),
            ("Logo ![alt text](img.png \"t\") gone.", "Logo  gone."),
            ("[![badge](b.svg)](https://ci) after", " after"),
            ("Use `a*b_c` and ``x ` y``.", "Use a*b_c and x ` y."),
            (
                "snake_case_name and 2 * 3 and 5*3",
                "snake_case_name and 2 * 3 and 5*3",
            ),
            (
                "Escaped \\*stars\\* and \\[brackets\\]",
                "Escaped *stars* and [brackets]",
            ),
            ("A [sic] remark (really).", "A [sic] remark (really)."),
            (
                "Tom &amp; Jerry &#8212; &lt;3 &bogus;",
                "Tom & Jerry — <3 &bogus;",
            ),
            (
                "Line<br>break <em>now</em> <https://e.com/x>",
                "Line\nbreak now https://e.com/x",
            ),
            ("a < b > c", "a < b > c"),
            ("Note[^1] here", "Note here"),
            ("Text.[^1]\n\n[^1]: The note.", "Text.\n\nThe note."),
            ("~5 km", "~5 km"),
            (
                "unmatched [ bracket and ] and ( paren",
                "unmatched [ bracket and ] and ( paren",
            ),
            ("> quoted *text*\n> more", "quoted text\nmore"),
            (
                "- one\n- two\n* three\n+ [x] four\n1. five",
                "one\ntwo\nthree\nfour\n1. five",
            ),
            ("Title\n=====\nText", "Title\n\nText"),
            ("Para one\n---\nPara two", "Para one\n\nPara two"),
            ("a\n\n\n\n***\n\nb", "a\n\nb"),
            (
                "```rust\nlet *x* = [a](b);\n```\nafter",
                "let *x* = [a](b);\n\nafter",
            ),
            ("~~~\ncode\n~~~~\n", "code"),
            ("```\nunclosed\ncode", "unclosed\ncode"),
            (
                "Visible <!-- hidden\nover lines --> shown",
                "Visible  shown",
            ),
            ("<!-- only a comment -->", ""),
            ("Open <!-- never closed", "Open <!-- never closed"),
            ("[1]: https://example.com\nText", "Text"),
            ("| a | b |\n|---|:-:|\n| 1 | 2 |", "| a | b |\n\n| 1 | 2 |"),
            ("#hashtag is not a heading", "#hashtag is not a heading"),
            ("multi [line\nlink](u) ok", "multi line\nlink ok"),
        ];
        for (input, want) in cases {
            assert_eq!(clean_markdown(input), *want, "{input:?}");
        }
        assert_eq!(clean_markdown("hard\\\nbreak \\d"), "hard\nbreak \\d");
    }

    #[test]
    fn markdown_title_and_body() {
        let text = "\n# The *Big* Story\n\nFirst paragraph with a [link](http://x).\n\n## Next\n\nSecond   paragraph.\n";
        let r = parse_text(text, true).unwrap();
        assert_eq!(r.title, "The Big Story");
        assert_eq!(
            r.body,
            "First paragraph with a link.\n\nNext\n\nSecond   paragraph."
        );
        // A front-matter title repeated as the first heading is not kept twice.
        let text = "---\ntitle: The *Big* Story\n---\n# The Big Story\n\nBody.";
        let r = parse_text(text, true).unwrap();
        assert_eq!(
            (r.title.as_str(), r.body.as_str()),
            ("The Big Story", "Body.")
        );
        // Without Markdown, marks stay.
        let r = parse_text("# Heading\n*Body*", false).unwrap();
        assert_eq!((r.title.as_str(), r.body.as_str()), ("# Heading", "*Body*"));
    }

    #[test]
    fn json_lines_with_bad_lines() {
        let text = concat!(
            "{\"id\": 1, \"title\": \"One\", \"text\": \"First body.\"}\n",
            "\n",
            "{\"id\": 2, \"title\": \"Two\", \"text\": \n",
            "[1, 2]\n",
            "{\"id\": 3, \"title\": \"Only a title\"}\r\n",
            "   \n",
            "{\"id\": 4, \"headline\": \"Four\", \"body\": \"Fourth body.\"}\n",
        );
        let results = parse_json_lines(text, &FieldMap::default(), 10);
        assert_eq!(results.len(), 5);
        let r = results[0].as_ref().unwrap();
        assert_eq!(
            (r.line, r.id.as_deref(), r.title.as_str()),
            (10, Some("1"), "One")
        );
        let e = results[1].as_ref().unwrap_err();
        assert_eq!(e.line, 12);
        assert!(e.reason.starts_with("not valid JSON"), "{e:?}");
        let e = results[2].as_ref().unwrap_err();
        assert_eq!(e.line, 13);
        assert!(e.reason.contains("array"), "{e:?}");
        let e = results[3].as_ref().unwrap_err();
        assert_eq!(e.line, 14);
        assert_eq!(e.reason, NO_BODY);
        let r = results[4].as_ref().unwrap();
        assert_eq!(
            (r.line, r.title.as_str(), r.body.as_str()),
            (16, "Four", "Fourth body.")
        );
        assert!(parse_json_lines("", &FieldMap::default(), 1).is_empty());
        let bom = parse_json_lines("\u{feff}{\"text\":\"x\"}", &FieldMap::default(), 1);
        assert_eq!(bom[0].as_ref().unwrap().body, "x");
    }

    #[test]
    fn common_field_names() {
        let line = r#"{"Headline": " Rates  rise ", "articleBody": ["Para one.", "", "Para two."], "publishedAt": 1741860000, "source": {"id": "x", "name": "Wire"}, "canonical_url": "https://e.com/r", "guid": 77, "authors": [{"name": "A"}, "B"], "description": "Short.", "score": 1.5, "flag": true, "meta": {"k": "v"}, "nothing": null, "keywords": ["rates", 3]}"#;
        let r = ok(parse_json_lines(line, &FieldMap::default(), 1)).remove(0);
        assert_eq!(r.title, "Rates rise");
        assert_eq!(r.body, "Para one.\n\nPara two.");
        assert_eq!(r.date.as_deref(), Some("1741860000"));
        assert_eq!(r.source.as_deref(), Some("Wire"));
        assert_eq!(r.url.as_deref(), Some("https://e.com/r"));
        assert_eq!(r.id.as_deref(), Some("77"));
        assert_eq!(r.author.as_deref(), Some("A, B"));
        assert_eq!(
            r.extra,
            vec![
                ("description".to_string(), "Short.".to_string()),
                ("score".to_string(), "1.5".to_string()),
                ("flag".to_string(), "true".to_string()),
                ("keywords".to_string(), "rates, 3".to_string()),
            ]
        );
        // Description and summary are last resorts for the body; empty values are skipped.
        let line = r#"{"summary": "Sum.", "text": "  ", "description": "Desc."}"#;
        let r = ok(parse_json_lines(line, &FieldMap::default(), 1)).remove(0);
        assert_eq!(r.body, "Desc.");
        assert_eq!(extra(&r, "summary"), Some("Sum."));
        // Extra values are cut.
        let line = format!(r#"{{"text": "b", "note": "{}"}}"#, "x".repeat(5000));
        let r = ok(parse_json_lines(&line, &FieldMap::default(), 1)).remove(0);
        assert_eq!(
            extra(&r, "note").unwrap().chars().count(),
            MAX_EXTRA_CHARS + 1
        );
    }

    #[test]
    fn field_overrides() {
        let mut map = FieldMap::default();
        for spec in [
            "body=story_text",
            "title=fields.headline",
            "date=when",
            "id=Key",
        ] {
            map.set(spec).unwrap();
        }
        let line = r#"{"text": "not this", "story_text": "This body.", "fields": {"headline": "Nested"}, "title": "ignored", "when": "2025-01-01", "date": "1999-01-01", "key": "k1"}"#;
        let r = ok(parse_json_lines(line, &map, 1)).remove(0);
        assert_eq!(r.body, "This body.");
        assert_eq!(r.title, "Nested");
        assert_eq!(r.date.as_deref(), Some("2025-01-01"));
        assert_eq!(r.id.as_deref(), Some("k1"));
        assert_eq!(extra(&r, "text"), Some("not this"));
        assert_eq!(extra(&r, "date"), Some("1999-01-01"));
        // An override does not fall back to the common names.
        let e = parse_json_lines(r#"{"text": "body"}"#, &map, 5)
            .remove(0)
            .unwrap_err();
        assert_eq!(e.line, 5);
        assert!(
            e.reason.contains("story_text") && e.reason.contains("--field body="),
            "{e:?}"
        );
        // CSV: the override names a column.
        let mut map = FieldMap::default();
        map.set("body=Story").unwrap();
        let r = ok(parse_delimited("Head,story\nH,Text here\n", b',', &map)).remove(0);
        assert_eq!(r.body, "Text here");
        assert_eq!(extra(&r, "Head"), Some("H"));
    }

    #[test]
    fn json_array_object_wrapped() {
        let array = "[\n  {\"title\": \"A\", \"text\": \"Alpha.\"},\n  \"stray\",\n  {\"title\": \"B\"},\n  {\n    \"title\": \"C\", \"content\": \"Gamma.\"\n  }\n]";
        let results = parse_json(array, &FieldMap::default());
        assert_eq!(results.len(), 4);
        assert_eq!(results[0].as_ref().unwrap().line, 2);
        let e = results[1].as_ref().unwrap_err();
        assert_eq!(e.line, 3);
        assert!(e.reason.contains("string"), "{e:?}");
        assert_eq!(results[2].as_ref().unwrap_err().reason, NO_BODY);
        let r = results[3].as_ref().unwrap();
        assert_eq!(
            (r.title.as_str(), r.body.as_str(), r.line),
            ("C", "Gamma.", 5)
        );

        let single = r#"{"title": "Solo", "body": "Only one.", "items": [{"x": 1}]}"#;
        let r = ok(parse_json(single, &FieldMap::default())).remove(0);
        assert_eq!((r.title.as_str(), r.line), ("Solo", 0));

        let wrapped = "{\"status\": \"ok\", \"totalResults\": 2,\n \"articles\": [\n {\"title\": \"W1\", \"description\": \"One.\"},\n {\"title\": \"W2\", \"content\": \"Two.\"}]}";
        let records = ok(parse_json(wrapped, &FieldMap::default()));
        assert_eq!(records.len(), 2);
        assert_eq!((records[0].title.as_str(), records[0].line), ("W1", 3));
        assert_eq!((records[1].body.as_str(), records[1].line), ("Two.", 4));

        let nested =
            r#"{"response": {"status": "ok", "results": [{"webTitle": "N", "text": "Deep."}]}}"#;
        let records = ok(parse_json(nested, &FieldMap::default()));
        assert_eq!(records[0].body, "Deep.");
        assert_eq!(extra(&records[0], "webTitle"), Some("N"));

        for key in WRAPPER_KEYS {
            let text = format!(r#"{{"{key}": [{{"text": "t"}}]}}"#);
            assert_eq!(
                ok(parse_json(&text, &FieldMap::default())).len(),
                1,
                "{key}"
            );
        }
        let e = parse_json(r#"{"meta": 1}"#, &FieldMap::default())
            .remove(0)
            .unwrap_err();
        assert_eq!(e.reason, NO_BODY);
        let e = parse_json("\"just a string\"", &FieldMap::default())
            .remove(0)
            .unwrap_err();
        assert!(e.reason.contains("string"), "{e:?}");
        let e = parse_json("[{\"text\": \"a\"},\n {\"text\": }]", &FieldMap::default())
            .remove(0)
            .unwrap_err();
        assert_eq!(e.line, 2);
        let e = parse_json("{\"text\": \"a\"}\n{\"text\": \"b\"}", &FieldMap::default())
            .remove(0)
            .unwrap_err();
        assert!(e.reason.contains(".jsonl"), "{e:?}");
        assert!(parse_json(" \n", &FieldMap::default()).is_empty());
        assert!(parse_json("[]", &FieldMap::default()).is_empty());
        // Lines survive strings holding brackets, braces and escaped quotes.
        let tricky = "[{\"text\": \"a ] } [ {\\\" ,\"},\n\n{\"text\": \"b\", \"n\": [1, {\"x\": [2]}], \"z\": -1.5e3}, {\"text\": \"c\", \"t\": true, \"f\": null}]";
        let lines: Vec<usize> = ok(parse_json(tricky, &FieldMap::default()))
            .iter()
            .map(|r| r.line)
            .collect();
        assert_eq!(lines, vec![1, 3, 3]);
    }

    #[test]
    fn csv_quoted_newline_and_bad_row() {
        let text = "id,title,body,date\n1,First,\"Line one\nLine two, with comma\",2025-03-13\n2,Second,\"He said \"\"hi\"\"\",\n3,Third,body,2025,extra\n4,Fourth\n5,Fifth,Fine.,\n";
        let results = parse_delimited(text, b',', &FieldMap::default());
        assert_eq!(results.len(), 5);
        let r = results[0].as_ref().unwrap();
        assert_eq!(r.body, "Line one\nLine two, with comma");
        assert_eq!(
            (r.line, r.id.as_deref(), r.date.as_deref()),
            (2, Some("1"), Some("2025-03-13"))
        );
        let r = results[1].as_ref().unwrap();
        assert_eq!(
            (r.line, r.body.as_str(), r.date.as_deref()),
            (4, "He said \"hi\"", None)
        );
        let e = results[2].as_ref().unwrap_err();
        assert_eq!(e.line, 5);
        assert!(
            e.reason.contains("5 fields") && e.reason.contains("header has 4"),
            "{e:?}"
        );
        let e = results[3].as_ref().unwrap_err();
        assert_eq!((e.line, e.reason.as_str()), (6, NO_BODY));
        assert_eq!(results[4].as_ref().unwrap().line, 7);
    }

    #[test]
    fn csv_without_body_column() {
        let results = parse_delimited("a,b\n1,2\n3,4\n", b',', &FieldMap::default());
        assert_eq!(results.len(), 1);
        let e = results[0].as_ref().unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            e.reason.contains("a, b") && e.reason.contains("--field body=NAME"),
            "{e:?}"
        );
        assert!(parse_delimited("", b',', &FieldMap::default()).is_empty());
        assert!(parse_delimited("text\n", b',', &FieldMap::default()).is_empty());
    }

    #[test]
    fn tsv() {
        let text = "\u{feff}Title\tText\tPublished\tTopics\nA headline\tThe \"quoted\" body, with commas\t13.03.2025\tx\n\nB\t\"Multi\tline\nbody\"\t\t\n";
        let records = ok(parse_delimited(text, b'\t', &FieldMap::default()));
        assert_eq!(records.len(), 2);
        assert_eq!(records[0].title, "A headline");
        assert_eq!(records[0].body, "The \"quoted\" body, with commas");
        assert_eq!(records[0].date.as_deref(), Some("13.03.2025"));
        assert_eq!(
            records[0].extra,
            vec![("Topics".to_string(), "x".to_string())]
        );
        assert_eq!(records[0].line, 2);
        assert_eq!(records[1].body, "Multi\tline\nbody");
        assert_eq!(records[1].line, 4);
    }

    #[test]
    fn reuters_like_record() {
        // Hand-written in the shape of a Reuters-21578 JSON Lines record.
        let text = concat!(
            r#"{"newid": 7, "oldid": 9001, "date": " 3-MAR-1987 09:15:02.11", "lewissplit": "TEST", "topics": ["grain", "wheat"], "places": ["canada"], "people": [], "title": "PRAIRIE WHEAT OUTLOOK FIRM", "dateline": "WINNIPEG, March 3 -", "body": "Wheat growers expect a firm season.\n Reuter\n\u0003"}"#,
            "\n",
            r#"{"newid": 8, "date": "3-MAR-1987 09:16:00.00", "title": "BRIEF HEADLINE ONLY", "topics": []}"#,
            "\n"
        );
        let results = parse_json_lines(text, &FieldMap::default(), 1);
        let r = results[0].as_ref().unwrap();
        assert_eq!(r.id.as_deref(), Some("7"));
        assert_eq!(r.title, "PRAIRIE WHEAT OUTLOOK FIRM");
        assert!(r.body.starts_with("Wheat growers"));
        assert_eq!(
            parse_metadata_date(r.date.as_deref().unwrap()),
            Some(date!(1987 - 03 - 03))
        );
        assert_eq!(
            r.extra,
            vec![
                ("oldid".to_string(), "9001".to_string()),
                ("lewissplit".to_string(), "TEST".to_string()),
                ("topics".to_string(), "grain, wheat".to_string()),
                ("places".to_string(), "canada".to_string()),
                ("dateline".to_string(), "WINNIPEG, March 3 -".to_string()),
            ]
        );
        let e = results[1].as_ref().unwrap_err();
        assert_eq!((e.line, e.reason.as_str()), (2, NO_BODY));
        // A body of control characters only is no body.
        let e = parse_json_lines("{\"body\": \"\\u0003 \\n\"}", &FieldMap::default(), 1).remove(0);
        assert!(e.is_err());
    }

    /// A small deterministic generator for robustness tests.
    fn noise(seed: u64, len: usize, alphabet: &[u8]) -> String {
        let mut x = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407)
            | 1;
        let mut out = Vec::with_capacity(len);
        for _ in 0..len {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            out.push(alphabet[(x % alphabet.len() as u64) as usize]);
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    #[test]
    fn never_panics_on_noise() {
        let all: Vec<u8> = (0..=255).collect();
        let syntax = b"{}[]()\",:;=-+*_~`!<>&#\\/.\n\r\t abc019xyzTZ";
        let front = b"---+++\n:=[]{}\"'&*!|>-? #abc\t";
        for seed in 0..300 {
            for text in [
                noise(seed, 300, &all),
                noise(seed, 300, syntax),
                format!("---\n{}", noise(seed, 200, front)),
                format!("+++\n{}", noise(seed, 200, front)),
                format!("---\ntitle: x\n{}\n---\n", noise(seed, 200, front)),
            ] {
                let map = FieldMap::default();
                let _ = parse_text(&text, true);
                let _ = parse_text(&text, false);
                let _ = parse_json_lines(&text, &map, 1);
                let _ = parse_json(&text, &map);
                let _ = parse_delimited(&text, b',', &map);
                let _ = parse_delimited(&text, b'\t', &map);
                let _ = parse_metadata_date(&text.chars().take(40).collect::<String>());
                let _ = clean_inline(&text);
            }
        }
        for s in [
            "1-1-",
            "2025-",
            "1/1/1",
            "Mar 1",
            "1 Mar",
            "Mon",
            "99999999",
            "1.",
            ".1",
            "-",
            "2025-03-13T",
            "\u{0}",
        ] {
            let _ = parse_metadata_date(s);
        }
    }

    #[test]
    fn deep_and_huge_inputs() {
        let map = FieldMap::default();
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_json(&deep, &map)[0].is_err());
        assert!(parse_json_lines(&deep, &map, 1)[0].is_err());
        let deep_obj = format!(
            "{{\"text\": \"t\", \"x\": {}1{}}}",
            "{\"a\":".repeat(50_000),
            "}".repeat(50_000)
        );
        assert!(parse_json(&deep_obj, &map)[0].is_err());
        let huge = format!("{{\"text\": \"{}\"}}", "word ".repeat(400_000));
        assert_eq!(
            ok(parse_json_lines(&huge, &map, 1))[0].body.len(),
            2_000_000 - 1
        );
        let many_keys = format!(
            "{{\"text\": \"t\", {}\"z\": 0}}",
            (0..10_000)
                .map(|i| format!("\"k{i}\": {i}, "))
                .collect::<String>()
        );
        let r = ok(parse_json(&many_keys, &map)).remove(0);
        assert_eq!(r.extra.len(), MAX_EXTRA_FIELDS);
    }

    #[test]
    fn markdown_is_linear_on_pathological_input() {
        let patterns = [
            "[", "[](", "![", "`", "``` ", "*_", "<", "<a ", "&#", "\\", "]", "(", "<!--", "> ",
            "# ", "`a``",
        ];
        for pattern in patterns {
            let text = pattern.repeat(200_000 / pattern.len());
            let start = std::time::Instant::now();
            let _ = clean_markdown(&text);
            let _ = parse_text(&text, true);
            assert!(
                start.elapsed().as_secs() < 5,
                "{pattern:?} took {:?}",
                start.elapsed()
            );
        }
        // Backtick runs of every length up to 400: pairing stays linear.
        let mut text = String::new();
        for len in 1..400 {
            text.push_str(&"`".repeat(len));
            text.push(' ');
        }
        let _ = clean_markdown(&text);
    }
}
