//! Reading one input file into articles: bytes (or standard input), decompression
//! (`.gz`, `.zst`), decoding, then the reader for its format. A file gives one article
//! (text, Markdown, HTML) or many (JSON, JSON Lines, CSV, TSV); each bad record is a
//! [`Skip`] with its line, and the good ones are kept.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use super::decode::{self, normalize_line_ends};
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
    let mut all = FileRead::default();
    let totals = read_file_in_chunks(
        path,
        canonical,
        bytes,
        map,
        resume,
        usize::MAX,
        &mut |part| {
            all.articles.extend(part.articles);
            all.skips.extend(part.skips);
            true
        },
    )?;
    all.lines = totals.lines;
    all.records = totals.records;
    Ok(all)
}

/// Text of articles (title and body) handed over at a time by [`read_file_in_chunks`]
/// when indexing, in bytes: a 32 MB JSON Lines file is never all parsed at once.
pub const CHUNK_BYTES: usize = 4 * 1024 * 1024;

/// Reads `path` like [`read_file`], handing its articles and bad records to `each` in file
/// order, in parts of about `chunk_bytes` of article text, as it goes: JSON Lines text is
/// decoded and parsed a part at a time (when it is UTF-8), CSV and TSV rows are read one by
/// one. `each` returns false to stop reading. A skipped file (binary, empty, too large,
/// corrupt) is an `Err` before any part is handed over. The `Ok` value has the line and
/// record totals (no articles or skips).
pub fn read_file_in_chunks(
    path: &Path,
    canonical: &Path,
    bytes: Vec<u8>,
    map: &FieldMap,
    resume: Option<Resume>,
    chunk_bytes: usize,
    each: &mut dyn FnMut(FileRead) -> bool,
) -> Result<FileRead, Skip> {
    let size = bytes.len() as u64;
    if size > MAX_FILE_BYTES {
        return Err(too_large(path, size));
    }
    let bytes = decompress(path, bytes)?;
    let start = resume.map_or(0, |r| r.offset.min(bytes.len()));
    let is_stdin = path.as_os_str() == STDIN;
    let known = (!is_stdin).then(|| formats::format_of(path).unwrap_or(Format::Text));
    // JSON Lines in UTF-8 is decoded a part at a time; the rest is decoded whole.
    let borrowed = match known {
        Some(Format::JsonLines) => decode::utf8_text(&bytes[start..]),
        _ => None,
    };
    let (text, encoding) = match borrowed {
        Some(text) => (Cow::Borrowed(text), "utf-8"),
        None => {
            let decoded = decode_text(&bytes[start..])
                .ok_or_else(|| skip(path, SkipReason::Binary, "contains NUL bytes"))?;
            (Cow::Owned(decoded.text), decoded.encoding)
        }
    };
    let format = known.unwrap_or_else(|| sniff(&text));
    // `\r` is white space: the borrowed text is as empty as the decoded one.
    if text.trim().is_empty() && resume.is_none() {
        return Err(skip(path, SkipReason::Empty, "no text"));
    }
    let resume = resume.unwrap_or_default();
    let single = matches!(format, Format::Text | Format::Markdown | Format::Html);
    let mut parts = Parts {
        path,
        canonical,
        encoding,
        single,
        by_line: matches!(format, Format::JsonLines | Format::Csv | Format::Tsv),
        chunk_bytes,
        each,
        part: FileRead::default(),
        part_bytes: 0,
        records: resume.records,
        stopped: false,
    };
    let mut lines = resume.lines;
    match format {
        Format::JsonLines => {
            for (i, piece) in line_pieces(&text, chunk_bytes).enumerate() {
                let piece = normalize_line_ends(piece);
                let first_line = lines + 1;
                lines += piece.lines().count();
                for result in formats::parse_json_lines_part(&piece, map, first_line, i == 0) {
                    parts.push(result);
                }
                if parts.stopped {
                    break;
                }
            }
        }
        Format::Csv | Format::Tsv => {
            let delimiter = if format == Format::Csv { b',' } else { b'\t' };
            lines += text.lines().count();
            formats::each_delimited(&text, delimiter, map, &mut |result| {
                parts.push(result);
                !parts.stopped
            });
        }
        Format::Text | Format::Markdown | Format::Html | Format::Json => {
            lines += text.lines().count();
            let records = match format {
                Format::Text => vec![formats::parse_text(&text, false)],
                Format::Markdown => vec![formats::parse_text(&text, true)],
                Format::Html => vec![html::parse_html(&text, None)],
                _ => formats::parse_json(&text, map),
            };
            for result in records {
                parts.push(result);
                if parts.stopped {
                    break;
                }
            }
        }
    }
    if single && parts.part.articles.is_empty() && parts.part.skips.is_empty() {
        return Err(skip(path, SkipReason::Empty, "no text"));
    }
    parts.flush();
    Ok(FileRead {
        lines,
        records: parts.records,
        ..FileRead::default()
    })
}

/// `text` cut into pieces of at least `size` bytes (but the last), each ending just after
/// a `\n`.
fn line_pieces(text: &str, size: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let cut = rest
            .as_bytes()
            .get(size.max(1) - 1..)
            .and_then(|after| after.iter().position(|&b| b == b'\n'))
            .map_or(rest.len(), |at| size.max(1) + at);
        let (piece, tail) = rest.split_at(cut);
        rest = tail;
        Some(piece)
    })
}

/// Turns records into articles and hands them over a part at a time.
struct Parts<'a> {
    /// The file as shown to the user.
    path: &'a Path,
    /// Its identity (canonical path, or `stdin:HASH`).
    canonical: &'a Path,
    /// The decoding it needed.
    encoding: &'static str,
    /// One article per file (text, Markdown, HTML).
    single: bool,
    /// Records are named by their line (JSON Lines, CSV, TSV), not their number.
    by_line: bool,
    /// Article text per part, in bytes.
    chunk_bytes: usize,
    /// Takes each part; false to stop.
    each: &'a mut dyn FnMut(FileRead) -> bool,
    /// Articles and skips not handed over yet.
    part: FileRead,
    /// Article text in `part`.
    part_bytes: usize,
    /// Records numbered so far (good and bad).
    records: usize,
    /// `each` asked to stop.
    stopped: bool,
}

impl Parts<'_> {
    /// Numbers a record, turns it into an article (or a skip) and hands the part over
    /// once it holds `chunk_bytes` of text.
    fn push(&mut self, result: Result<Record, RecordError>) {
        if self.stopped {
            return;
        }
        let number = self.records;
        self.records += 1;
        match result {
            Ok(mut record) => {
                if !self.by_line {
                    // JSON elements are named by their number: several may share a line.
                    record.line = 0;
                }
                let made = article(
                    self.path,
                    self.canonical,
                    number,
                    self.single,
                    record,
                    self.encoding,
                );
                match made {
                    Ok(article) => {
                        self.part_bytes += article.title.len() + article.body.len();
                        self.part.articles.push(article);
                    }
                    Err(s) => self.part.skips.push(s),
                }
            }
            Err(e) => self.part.skips.push(bad_record(self.path, self.single, e)),
        }
        // A single article is handed over at the end, once known not to be empty.
        if !self.single && self.part_bytes >= self.chunk_bytes {
            self.flush();
        }
    }

    /// Hands over what was read since the last part, if anything.
    fn flush(&mut self) {
        if self.stopped || (self.part.articles.is_empty() && self.part.skips.is_empty()) {
            return;
        }
        self.part_bytes = 0;
        let part = std::mem::take(&mut self.part);
        self.stopped = !(self.each)(part);
    }
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

    /// Reads `bytes` as `name` in parts of `chunk` bytes: the parts, then the totals.
    fn parts(
        name: &str,
        bytes: &[u8],
        chunk: usize,
        resume: Option<Resume>,
    ) -> (Vec<FileRead>, FileRead) {
        let path = Path::new(name);
        let mut parts = Vec::new();
        let totals = read_file_in_chunks(
            path,
            path,
            bytes.to_vec(),
            &FieldMap::default(),
            resume,
            chunk,
            &mut |part| {
                parts.push(part);
                true
            },
        )
        .unwrap();
        (parts, totals)
    }

    fn feed(records: usize, bad: usize, line_end: &str) -> String {
        (1..=records)
            .map(|n| {
                if n == bad {
                    format!("{{\"text\": oops}}{line_end}")
                } else {
                    format!(
                        "{{\"title\": \"Story {n}\", \"text\": \"Body of story {n}.\"}}{line_end}"
                    )
                }
            })
            .collect()
    }

    #[test]
    fn json_lines_in_parts_match_the_whole() {
        for line_end in ["\n", "\r\n"] {
            let text = format!(
                "{}{}\n\n{}",
                "\u{feff}",
                feed(30, 17, line_end),
                feed(3, 0, line_end)
            );
            let whole = read_file(
                Path::new("a.jsonl"),
                Path::new("a.jsonl"),
                text.clone().into_bytes(),
                &FieldMap::default(),
                None,
            )
            .unwrap();
            let (parts, totals) = parts("a.jsonl", text.as_bytes(), 100, None);
            assert!(parts.len() > 5, "{} parts", parts.len());
            let articles: Vec<&Article> = parts.iter().flat_map(|p| &p.articles).collect();
            assert_eq!(articles.len(), 32);
            assert_eq!(articles.len(), whole.articles.len());
            for (a, b) in articles.iter().zip(&whole.articles) {
                assert_eq!(
                    (&a.path, &a.key, &a.title, &a.body),
                    (&b.path, &b.key, &b.title, &b.body)
                );
            }
            assert_eq!(articles[0].title, "Story 1");
            assert_eq!(articles[0].path, Path::new("a.jsonl:1"));
            assert_eq!(articles[31].path, Path::new("a.jsonl:35"));
            // The bad record is in a later part, named by its own line.
            let skips: Vec<&Skip> = parts.iter().flat_map(|p| &p.skips).collect();
            assert_eq!(skips.len(), 1);
            assert!(!parts[0].skips.iter().any(|_| true));
            assert!(
                skips[0].detail.starts_with("line 17: "),
                "{}",
                skips[0].detail
            );
            assert_eq!(skips[0].detail, whole.skips[0].detail);
            assert_eq!((totals.lines, totals.records), (whole.lines, whole.records));
            assert_eq!((totals.lines, totals.records), (35, 33));
        }
    }

    #[test]
    fn grown_json_lines_in_parts_resume_numbering() {
        let old = feed(4, 0, "\n");
        let text = format!("{old}{}", feed(9, 3, "\n"));
        let resume = Resume {
            offset: old.len(),
            lines: 4,
            records: 4,
        };
        let (parts, totals) = parts("a.jsonl", text.as_bytes(), 60, Some(resume));
        let paths: Vec<String> = parts
            .iter()
            .flat_map(|p| &p.articles)
            .map(|a| a.path.display().to_string())
            .collect();
        assert_eq!(paths.len(), 8);
        assert_eq!(paths[0], "a.jsonl:5");
        assert_eq!(paths[7], "a.jsonl:13");
        let skip = parts.iter().flat_map(|p| &p.skips).next().unwrap();
        assert!(skip.detail.starts_with("line 7: "), "{}", skip.detail);
        assert_eq!((totals.lines, totals.records), (13, 13));
    }

    #[test]
    fn csv_rows_in_parts() {
        let mut text = String::from("title,text\n");
        for n in 1..=20 {
            if n == 15 {
                text.push_str("Bad,row,with,extra\n");
            } else {
                text.push_str(&format!(
                    "Story {n},\"Body of story {n},\nover two lines.\"\n"
                ));
            }
        }
        let (parts, totals) = parts("a.csv", text.as_bytes(), 100, None);
        assert!(parts.len() > 3, "{} parts", parts.len());
        let articles: Vec<&Article> = parts.iter().flat_map(|p| &p.articles).collect();
        assert_eq!(articles.len(), 19);
        assert_eq!(articles[18].path, Path::new("a.csv:39"));
        let skip = parts.iter().flat_map(|p| &p.skips).next().unwrap();
        assert!(skip.detail.starts_with("line 30: "), "{}", skip.detail);
        assert_eq!(totals.records, 20);
    }

    #[test]
    fn stopping_and_skipped_files_in_parts() {
        let text = feed(50, 0, "\n");
        let path = Path::new("a.jsonl");
        let mut calls = 0;
        read_file_in_chunks(
            path,
            path,
            text.into_bytes(),
            &FieldMap::default(),
            None,
            50,
            &mut |_| {
                calls += 1;
                false
            },
        )
        .unwrap();
        assert_eq!(calls, 1);
        for (name, bytes) in [
            ("b.jsonl", &b" \n\r\n"[..]),
            ("c.jsonl", b"{\"text\": \"a\x00\"}"),
        ] {
            let path = Path::new(name);
            let result = read_file_in_chunks(
                path,
                path,
                bytes.to_vec(),
                &FieldMap::default(),
                None,
                10,
                &mut |_| panic!("no part of a skipped file"),
            );
            assert!(result.is_err(), "{name}");
        }
    }

    #[test]
    fn line_pieces_end_after_line_ends() {
        let text = "ab\ncd\n\nef";
        for size in [0, 1, 2, 3, 4, 100, usize::MAX] {
            let pieces: Vec<&str> = line_pieces(text, size).collect();
            assert_eq!(pieces.concat(), text, "{size}");
            for piece in &pieces[..pieces.len() - 1] {
                assert!(
                    piece.ends_with('\n') && piece.len() >= size.max(1),
                    "{size}: {pieces:?}"
                );
            }
        }
        assert_eq!(line_pieces("", 3).count(), 0);
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
