//! Reading one input file into articles: bytes (or standard input), decompression
//! (`.gz`, `.zst`), decoding, then the reader for its format. A file gives one article
//! (text, Markdown, HTML) or many (JSON, JSON Lines, CSV, TSV); each bad record is a
//! [`Skip`] with its line, and the good ones are kept.

use std::io::Read;
use std::path::{Path, PathBuf};

use super::formats::{self, FieldMap, Format};
use super::record::{Record, RecordError};
use super::{decode_text, html, Article, Metadata, Skip, SkipReason, MAX_ARTICLE_BYTES};

/// Largest file read whole (structured formats hold many articles), in bytes.
pub const MAX_FILE_BYTES: u64 = 2 * 1024 * 1024 * 1024;

/// Longest first line taken as a headline when an input has no title, in bytes.
const MAX_TITLE_LINE: usize = 200;

/// A stand-in title: the first sentence of `line`, at most about 100 characters.
fn headline_from(line: &str) -> String {
    use unicode_segmentation::UnicodeSegmentation;
    let first = line.unicode_sentences().next().unwrap_or(line).trim();
    if first.chars().count() <= 100 {
        return first.to_string();
    }
    let cut: String = first.chars().take(100).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head);
    format!("{cut} …")
}

/// The display path of standard input.
pub const STDIN: &str = "-";

/// Where to resume reading a JSON Lines file that only grew.
#[derive(Debug, Clone, Copy, Default)]
pub struct Resume {
    /// Byte offset of the first new line.
    pub offset: usize,
    /// Lines already read (the next line is `lines + 1`).
    pub lines: usize,
    /// Records already numbered.
    pub records: usize,
}

/// What reading a file gave.
#[derive(Debug, Default)]
pub struct FileRead {
    /// Good articles, in file order.
    pub articles: Vec<Article>,
    /// Bad records (with their line) and over-size articles.
    pub skips: Vec<Skip>,
    /// Lines in the file (for resuming JSON Lines).
    pub lines: usize,
    /// Records numbered so far (good and bad), for resuming.
    pub records: usize,
}

/// Reads raw bytes of a path, or of standard input for `-`.
pub fn read_bytes(path: &Path) -> std::io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    if path.as_os_str() == STDIN {
        std::io::stdin()
            .lock()
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
    } else {
        std::fs::File::open(path)?
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut bytes)?;
    }
    Ok(bytes)
}

fn skip(path: &Path, reason: SkipReason, detail: impl Into<String>) -> Skip {
    Skip {
        path: path.to_path_buf(),
        reason,
        detail: detail.into(),
    }
}

/// Decompresses `.gz` / `.zst` content, capped at [`MAX_FILE_BYTES`].
fn decompress(path: &Path, bytes: Vec<u8>) -> Result<Vec<u8>, Skip> {
    let name = path.to_string_lossy().to_ascii_lowercase();
    let mut out = Vec::new();
    let result = if name.ends_with(".gz") {
        flate2::read::MultiGzDecoder::new(&bytes[..])
            .take(MAX_FILE_BYTES + 1)
            .read_to_end(&mut out)
    } else if name.ends_with(".zst") {
        match zstd::stream::read::Decoder::new(&bytes[..]) {
            Ok(decoder) => decoder.take(MAX_FILE_BYTES + 1).read_to_end(&mut out),
            Err(e) => Err(e),
        }
    } else {
        return Ok(bytes);
    };
    match result {
        Ok(_) if out.len() as u64 > MAX_FILE_BYTES => Err(too_large(path, out.len() as u64)),
        Ok(_) => Ok(out),
        Err(e) => Err(skip(
            path,
            SkipReason::Corrupt,
            format!("cannot decompress: {e}"),
        )),
    }
}

fn too_large(path: &Path, size: u64) -> Skip {
    skip(
        path,
        SkipReason::TooLarge,
        format!("{size} bytes, limit {MAX_FILE_BYTES} bytes per file"),
    )
}

/// Guesses the format of standard input from its first character.
fn sniff(text: &str) -> Format {
    let start = text.trim_start();
    if start.starts_with('[') {
        Format::Json
    } else if start.starts_with('{') {
        if start
            .lines()
            .nth(1)
            .is_some_and(|l| l.trim_start().starts_with('{'))
        {
            Format::JsonLines
        } else {
            Format::Json
        }
    } else if start.starts_with('<') {
        Format::Html
    } else {
        Format::Text
    }
}

/// Reads `path` (of the given `display` path and canonical identity) into articles.
pub fn read_file(
    path: &Path,
    canonical: &Path,
    bytes: Vec<u8>,
    map: &FieldMap,
    resume: Option<Resume>,
) -> Result<FileRead, Skip> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    let bytes = decompress(path, bytes)?;
    let start = resume.map_or(0, |r| r.offset.min(bytes.len()));
    let decoded = decode_text(&bytes[start..])
        .ok_or_else(|| skip(path, SkipReason::Binary, "contains NUL bytes"))?;
    let text = decoded.text;
    let is_stdin = path.as_os_str() == STDIN;
    let format = if is_stdin {
        sniff(&text)
    } else {
        formats::format_of(path).unwrap_or(Format::Text)
    };
    if text.trim().is_empty() && resume.is_none() {
        return Err(skip(path, SkipReason::Empty, "no text"));
    }
    let resume = resume.unwrap_or_default();
    let records: Vec<Result<Record, RecordError>> = match format {
        Format::Text => vec![formats::parse_text(&text, false)],
        Format::Markdown => vec![formats::parse_text(&text, true)],
        Format::Html => vec![html::parse_html(&text, None)],
        Format::JsonLines => formats::parse_json_lines(&text, map, resume.lines + 1),
        Format::Json => formats::parse_json(&text, map),
        Format::Csv => formats::parse_delimited(&text, b',', map),
        Format::Tsv => formats::parse_delimited(&text, b'\t', map),
    };
    let single = matches!(format, Format::Text | Format::Markdown | Format::Html);
    let by_line = matches!(format, Format::JsonLines | Format::Csv | Format::Tsv);
    let mut read = FileRead {
        lines: resume.lines + text.lines().count(),
        records: resume.records,
        ..FileRead::default()
    };
    for result in records {
        let number = read.records;
        read.records += 1;
        match result {
            Ok(mut record) => {
                if !by_line {
                    // JSON elements are named by their number: several may share a line.
                    record.line = 0;
                }
                match article(path, canonical, number, single, record, decoded.encoding) {
                    Ok(article) => read.articles.push(article),
                    Err(s) => read.skips.push(s),
                }
            }
            Err(e) => read.skips.push(bad_record(path, single, e)),
        }
    }
    if single && read.articles.is_empty() && read.skips.is_empty() {
        return Err(skip(path, SkipReason::Empty, "no text"));
    }
    Ok(read)
}

fn bad_record(path: &Path, single: bool, e: RecordError) -> Skip {
    let reason = if single {
        SkipReason::Empty
    } else {
        SkipReason::BadRecord
    };
    let detail = if e.line > 0 {
        format!("line {}: {}", e.line, e.reason)
    } else {
        e.reason
    };
    skip(path, reason, detail)
}

/// Turns a record into an article with a stable identity key.
fn article(
    path: &Path,
    canonical: &Path,
    number: usize,
    single: bool,
    record: Record,
    encoding: &'static str,
) -> Result<Article, Skip> {
    let size = record.title.len() + record.body.len();
    if size > MAX_ARTICLE_BYTES {
        let at = if record.line > 0 {
            format!("line {}: ", record.line)
        } else {
            String::new()
        };
        let detail = format!("{at}{size} bytes of text, limit {MAX_ARTICLE_BYTES} per article");
        return Err(skip(path, SkipReason::TooLarge, detail));
    }
    let Record {
        mut title,
        mut body,
        date,
        source,
        url,
        author,
        id,
        extra,
        line,
    } = record;
    if title.trim().is_empty() {
        match super::split_title(&body) {
            // A short first line followed by more text is a headline.
            Some((t, rest)) if t.len() <= MAX_TITLE_LINE && !rest.trim().is_empty() => {
                title = t;
                body = rest;
            }
            // Otherwise the text is all body; its first words stand in for a title.
            Some((t, _)) => title = headline_from(&t),
            None => return Err(skip(path, SkipReason::Empty, "no text")),
        }
    }
    let base = canonical.to_string_lossy();
    let key = match (&url, &id) {
        (Some(url), _) if !url.trim().is_empty() => format!("url:{}", url.trim()),
        (_, Some(id)) if !id.trim().is_empty() => format!("{base}#id:{}", id.trim()),
        _ if single => base.into_owned(),
        _ => format!("{base}#{number}"),
    };
    let display = if single {
        path.to_path_buf()
    } else if line > 0 {
        PathBuf::from(format!("{}:{line}", path.display()))
    } else {
        PathBuf::from(format!("{}#{}", path.display(), number + 1))
    };
    Ok(Article {
        path: display,
        canonical: canonical.to_path_buf(),
        key,
        title: title.trim().to_string(),
        body,
        metadata: Metadata {
            date,
            source,
            url,
            author,
            extra,
        },
        bytes: size as u64,
        encoding,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn untitled_text_keeps_all_of_its_body() {
        let path = Path::new("a.jsonl");
        let long = "word ".repeat(80);
        let line = format!("{{\"text\": \"Short first sentence. Then {long}\"}}\n");
        let read = read_file(path, path, line.into_bytes(), &FieldMap::default(), None).unwrap();
        let article = &read.articles[0];
        assert_eq!(article.title, "Short first sentence.");
        assert!(
            article.body.starts_with("Short first sentence."),
            "{}",
            article.body
        );
        let two = b"{\"text\": \"Headline\\nThe body.\"}\n".to_vec();
        let read = read_file(path, path, two, &FieldMap::default(), None).unwrap();
        assert_eq!(read.articles[0].title, "Headline");
        assert_eq!(read.articles[0].body.trim(), "The body.");
    }

    #[test]
    fn stdin_format_is_sniffed() {
        assert_eq!(sniff("  [{\"a\":1}]"), Format::Json);
        assert_eq!(sniff("{\"a\":1}\n{\"a\":2}\n"), Format::JsonLines);
        assert_eq!(sniff("{\"a\":1}"), Format::Json);
        assert_eq!(sniff("<html>"), Format::Html);
        assert_eq!(sniff("Title\nBody"), Format::Text);
    }

    #[test]
    fn gzip_and_zstd_are_read() {
        use std::io::Write;
        let text = b"Headline\nBody of the article.\n";
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        gz.write_all(text).unwrap();
        let gz = gz.finish().unwrap();
        let zst = zstd::encode_all(&text[..], 3).unwrap();
        for (name, bytes) in [("a.txt.gz", gz), ("a.txt.zst", zst)] {
            let path = Path::new(name);
            let read = read_file(path, path, bytes, &FieldMap::default(), None).unwrap();
            assert_eq!(read.articles.len(), 1, "{name}");
            assert_eq!(read.articles[0].title, "Headline");
        }
        let bad = read_file(
            Path::new("b.gz"),
            Path::new("b.gz"),
            b"nope".to_vec(),
            &FieldMap::default(),
            None,
        );
        assert_eq!(bad.unwrap_err().reason, SkipReason::Corrupt);
    }
}
