//! `dossier show ARTICLE`: one article's metadata, entities and numbered passages.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use serde::Serialize;
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::{IndexRecordOption, TantivyDocument};
use tantivy::{DocAddress, Searcher, Term};
use termcolor::{Color, ColorChoice as TermColor, ColorSpec, StandardStream, WriteColor};

use super::EXIT_FOUND;
use crate::cli::ShowArgs;
use crate::error::{Error, IndexContext, Result};
use crate::extract::Entity;
use crate::index::{DossierIndex, Fields, KIND_ARTICLE, KIND_PASSAGE};
use crate::output::{json, use_color};
use crate::search::{text_of, u64_of, Docs};

/// One passage of a shown article.
#[derive(Debug, Serialize)]
pub struct PassageRecord {
    /// Ordinal.
    pub ordinal: u64,
    /// Start byte in `text`.
    pub start: u64,
    /// End byte in `text`.
    pub end: u64,
    /// The passage.
    pub text: String,
}

/// A date mentioned in the text.
#[derive(Debug, Serialize, serde::Deserialize)]
pub struct Mention {
    /// As written.
    pub text: String,
    /// Normalised ("2025-03-13", "2025-W11").
    pub value: String,
}

/// Cited outlets and mentions, as stored.
#[derive(Debug, Default, serde::Deserialize)]
struct Extra {
    #[serde(default)]
    cites: Vec<String>,
    #[serde(default)]
    mentions: Vec<Mention>,
}

/// What `show --json` prints.
#[derive(Debug, Serialize)]
pub struct ArticleRecord {
    /// Always "article".
    #[serde(rename = "type")]
    pub kind: &'static str,
    /// Article id.
    pub article_id: String,
    /// Path.
    pub path: String,
    /// Title.
    pub title: String,
    /// Date `YYYY-MM-DD` or null.
    pub date: Option<String>,
    /// Where the date came from.
    pub date_provenance: String,
    /// The text the date was read from.
    pub date_evidence: Option<String>,
    /// Publisher or null.
    pub source: Option<String>,
    /// Where the source came from.
    pub source_provenance: String,
    /// Entities, by kind then name.
    pub entities: Vec<Entity>,
    /// Outlets the article cites ("according to Reuters").
    pub cites: Vec<String>,
    /// Dates the text mentions, normalised.
    pub mentions: Vec<Mention>,
    /// Metadata the input carried: url, author, date and source as written, other fields.
    pub metadata: serde_json::Map<String, serde_json::Value>,
    /// The cleaned body.
    pub text: String,
    /// Its passages.
    pub passages: Vec<PassageRecord>,
}

/// Runs `dossier show`.
pub fn run(index_dir: &Path, args: &ShowArgs) -> Result<ExitCode> {
    let index = DossierIndex::open(index_dir)?;
    let searcher = index.reader()?.searcher();
    let record = find(&searcher, &index.fields, &args.article)?
        .ok_or_else(|| Error::NoArticle(args.article.clone()))?;
    if args.json {
        let mut out = std::io::stdout().lock();
        json::write_line(&mut out, &record)?;
        out.flush()?;
    } else {
        let choice = if use_color(args.color) {
            TermColor::Always
        } else {
            TermColor::Never
        };
        print_human(&mut StandardStream::stdout(choice), &record)?;
    }
    Ok(ExitCode::from(EXIT_FOUND))
}

/// Looks an article up by id, by path as indexed, or by the file's canonical path.
pub fn find(searcher: &Searcher, fields: &Fields, wanted: &str) -> Result<Option<ArticleRecord>> {
    let mut candidates = vec![(fields.article_id, wanted.to_string())];
    candidates.push((fields.path, wanted.to_string()));
    let trimmed = wanted.trim_start_matches("./");
    candidates.push((fields.path, trimmed.to_string()));
    for (field, value) in candidates {
        let query = kind_query(fields, Term::from_field_text(field, &value), KIND_ARTICLE);
        let top = searcher
            .search(&query, &TopDocs::with_limit(1).order_by_score())
            .context("looking up the article")?;
        if let Some((_, address)) = top.first() {
            return Ok(Some(record(searcher, fields, *address)?));
        }
    }
    by_file(searcher, fields, wanted)
}

/// An article named by its file's path, absolute or not, with `:LINE` or `#N` for a
/// record of a multi-record file (`/data/feed.jsonl:12`).
fn by_file(searcher: &Searcher, fields: &Fields, wanted: &str) -> Result<Option<ArticleRecord>> {
    let (file, suffix) = match wanted.rfind([':', '#']) {
        Some(i) if wanted[i + 1..].chars().all(|c| c.is_ascii_digit()) && i + 1 < wanted.len() => {
            (&wanted[..i], &wanted[i..])
        }
        _ => (wanted, ""),
    };
    let Ok(canonical) = std::fs::canonicalize(file) else {
        return Ok(None);
    };
    let key = crate::index::files::file_key(&canonical.to_string_lossy());
    let query = kind_query(
        fields,
        Term::from_field_text(fields.file_key, &key),
        KIND_ARTICLE,
    );
    let top = searcher
        .search(&query, &TopDocs::with_limit(100_000).order_by_score())
        .context("looking up the article")?;
    for (_, address) in top {
        let doc: TantivyDocument = searcher.doc(address).context("reading the article")?;
        if text_of(&doc, fields.path).ends_with(suffix) {
            return Ok(Some(record(searcher, fields, address)?));
        }
    }
    Ok(None)
}

/// Documents of `kind` holding `term`.
fn kind_query(fields: &Fields, term: Term, kind: &str) -> Box<dyn Query> {
    let term_query =
        |t| -> Box<dyn Query> { Box::new(TermQuery::new(t, IndexRecordOption::Basic)) };
    Box::new(BooleanQuery::new(vec![
        (Occur::Must, term_query(term)),
        (
            Occur::Must,
            term_query(Term::from_field_text(fields.kind, kind)),
        ),
    ]))
}

/// The article document at `address` with its passages.
fn record(searcher: &Searcher, fields: &Fields, address: DocAddress) -> Result<ArticleRecord> {
    let mut docs = Docs::new(searcher, fields);
    let article = docs.load(address)?;
    let doc = &article.doc;
    let key = docs.article_key(address)?;
    let count = u64_of(doc, fields.passage_count) as usize;
    let query = kind_query(
        fields,
        Term::from_field_u64(fields.article_key, key),
        KIND_PASSAGE,
    );
    let top = searcher
        .search(&query, &TopDocs::with_limit(count.max(1)).order_by_score())
        .context("reading the passages")?;
    let mut passages = Vec::with_capacity(top.len());
    for (_, address) in top {
        let passage = docs.passage(address)?;
        passages.push(PassageRecord {
            ordinal: passage.ordinal,
            start: passage.start,
            end: passage.end,
            text: article.slice(&passage).to_string(),
        });
    }
    passages.sort_by_key(|p| p.ordinal);
    let entities: Vec<Entity> =
        crate::index::stored::decode_entities(&text_of(doc, fields.entities_json));
    let extra: Extra = serde_json::from_str(&text_of(doc, fields.extra_json)).unwrap_or_default();
    Ok(ArticleRecord {
        kind: "article",
        article_id: article.id.clone(),
        path: article.path.clone(),
        title: article.title.clone(),
        date: article.date.map(|d| d.to_string()),
        date_provenance: article.date_provenance.clone(),
        date_evidence: article.date_evidence.clone(),
        source: article.source.clone(),
        source_provenance: article.source_provenance.clone(),
        entities,
        cites: extra.cites,
        mentions: extra.mentions,
        metadata: serde_json::from_str(&text_of(doc, fields.meta_json)).unwrap_or_default(),
        text: article.text.clone(),
        passages,
    })
}

fn print_human(out: &mut impl WriteColor, record: &ArticleRecord) -> std::io::Result<()> {
    let mut bold = ColorSpec::new();
    bold.set_bold(true);
    let mut label = ColorSpec::new();
    label.set_fg(Some(Color::Cyan));
    out.set_color(&bold)?;
    writeln!(out, "{}", record.title)?;
    out.reset()?;
    let date = match (&record.date, &record.date_evidence) {
        (Some(d), Some(e)) => format!("{d} ({}: {e:?})", record.date_provenance),
        (Some(d), None) => format!("{d} ({})", record.date_provenance),
        (None, Some(e)) => format!("unknown (saw {e:?} but no year; try --year)"),
        (None, None) => "unknown".into(),
    };
    let source = match &record.source {
        Some(s) => format!("{s} ({})", record.source_provenance),
        None => "unknown".into(),
    };
    let mut rows = vec![
        ("id", record.article_id.clone()),
        ("path", record.path.clone()),
        ("date", date),
        ("source", source),
    ];
    for (key, value) in &record.metadata {
        // Date and source are shown above, with where they came from.
        if key == "date" || key == "source" {
            continue;
        }
        let value = value
            .as_str()
            .map_or_else(|| value.to_string(), String::from);
        rows.push((key.as_str(), value));
    }
    for (kind, title) in [
        ("person", "people"),
        ("organization", "organizations"),
        ("place", "places"),
        ("other", "other names"),
    ] {
        let names: Vec<String> = record
            .entities
            .iter()
            .filter(|e| e.kind.as_str() == kind)
            .map(entity_label)
            .collect();
        if !names.is_empty() {
            rows.push((title, names.join(", ")));
        }
    }
    if !record.cites.is_empty() {
        rows.push(("cites", record.cites.join(", ")));
    }
    if !record.mentions.is_empty() {
        let mut seen = Vec::new();
        for m in &record.mentions {
            let shown = format!("{} ({})", m.value, m.text);
            if !seen.contains(&shown) {
                seen.push(shown);
            }
        }
        rows.push(("dates named", seen.join(", ")));
    }
    for (name, value) in rows {
        out.set_color(&label)?;
        write!(out, "{name:>13}:")?;
        out.reset()?;
        writeln!(out, " {value}")?;
    }
    for passage in &record.passages {
        writeln!(out)?;
        out.set_color(&label)?;
        write!(out, "[{}]", passage.ordinal)?;
        out.reset()?;
        writeln!(out, " {}", passage.text)?;
    }
    out.flush()
}

fn entity_label(entity: &Entity) -> String {
    if entity.aliases.is_empty() {
        entity.name.clone()
    } else {
        format!("{} (also {})", entity.name, entity.aliases.join(", "))
    }
}
