//! `dossier index`: walk, read, clean, extract, split and write, in parallel, ending in
//! one commit and a summary.

use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Mutex;
use std::time::Instant;

use indicatif::{ProgressBar, ProgressStyle};
use serde::Serialize;

use super::{message, DEFAULT_CORPUS};
use crate::analyze::split_passages;
use crate::cli::IndexArgs;
use crate::error::{Error, Result};
use crate::extract::{extract, ExtractOptions};
use crate::index::files::{self, content_hash};
use crate::index::{ArticleWriter, DossierIndex, FileState};
use crate::ingest::file::{read_file_in_chunks, CHUNK_BYTES};
use crate::ingest::{
    read_bytes, read_file, walk, Article, FieldMap, FileRead, FolderMeta, FolderMetaCache, Format,
    Resume, Skip, SkipReason, WalkItem, STDIN,
};

/// What an indexing run did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Articles written (new, changed or appended).
    pub articles: usize,
    /// Passages written.
    pub passages: usize,
    /// Files indexed for the first time.
    pub added: usize,
    /// Files whose content changed (their articles replaced) or that grew (JSON Lines).
    pub updated: usize,
    /// Files gone from the indexed folders (their articles removed).
    pub removed: usize,
    /// Files unchanged since the last run (not read again).
    pub unchanged: usize,
    /// Files or records skipped, by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Bytes of article text read.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Article text megabytes per second.
    pub mb_per_second: f64,
}

/// Settings for one run.
#[derive(Debug, Clone)]
pub struct Options {
    /// Files and folders to index.
    pub roots: Vec<PathBuf>,
    /// Extraction settings.
    pub extract: ExtractOptions,
    /// Worker threads.
    pub threads: usize,
    /// Show a progress bar (stderr is a terminal).
    pub progress: bool,
    /// Forget everything indexed before.
    pub rebuild: bool,
    /// Field-name overrides for structured formats.
    pub fields: FieldMap,
    /// Article text read from a file and indexed at a time, in bytes (see
    /// [`CHUNK_BYTES`]).
    pub chunk_bytes: usize,
}

impl Options {
    /// Defaults for indexing `roots`.
    pub fn new(roots: Vec<PathBuf>) -> Options {
        Options {
            roots,
            extract: ExtractOptions::default(),
            threads: 2,
            progress: false,
            rebuild: false,
            fields: FieldMap::default(),
            chunk_bytes: CHUNK_BYTES,
        }
    }
}

/// Runs `dossier index`.
pub fn run(index_dir: &Path, args: &IndexArgs) -> Result<ExitCode> {
    let roots = if args.paths.is_empty() {
        vec![PathBuf::from(DEFAULT_CORPUS)]
    } else {
        args.paths.clone()
    };
    if let Some(year) = args.year {
        if !(1000..=9999).contains(&year) {
            return Err(Error::Usage(format!(
                "--year {year}: give a four-digit year such as 2025"
            )));
        }
    }
    let default_threads = std::thread::available_parallelism().map_or(2, |n| n.get().min(4));
    let mut fields = FieldMap::default();
    for spec in &args.field {
        fields
            .set(spec)
            .map_err(|e| Error::Usage(format!("--field {spec}: {e}")))?;
    }
    let options = Options {
        roots,
        extract: ExtractOptions {
            default_year: args.year,
        },
        threads: args.threads.unwrap_or(default_threads).max(1),
        progress: std::io::stderr().is_terminal() && !args.json,
        rebuild: args.rebuild,
        fields,
        chunk_bytes: CHUNK_BYTES,
    };
    let summary = index_paths(index_dir, &options)?;
    if args.json {
        println!("{}", serde_json::to_string(&summary).unwrap_or_default());
    } else {
        message(describe(&summary, index_dir));
    }
    Ok(ExitCode::from(super::EXIT_FOUND))
}

/// Builds the default index from the default corpus when the index does not exist yet.
pub fn build_default_if_missing(index_dir: &Path) -> Result<()> {
    let corpus = PathBuf::from(DEFAULT_CORPUS);
    if crate::index::exists(index_dir) || !corpus.is_dir() {
        return Ok(());
    }
    message(format!(
        "no index at {} yet; indexing {} first",
        index_dir.display(),
        corpus.display()
    ));
    let summary = index_paths(index_dir, &Options::new(vec![corpus]))?;
    message(describe(&summary, index_dir));
    Ok(())
}

/// One-line description of a run.
pub fn describe(summary: &Summary, index_dir: &Path) -> String {
    let mut line = format!(
        "indexed {} ({}) into {} in {:.2} s, {:.1} MB/s; files: {} added, {} updated, {} removed, {} unchanged",
        plural(summary.articles, "article"),
        plural(summary.passages, "passage"),
        index_dir.display(),
        summary.seconds,
        summary.mb_per_second,
        summary.added,
        summary.updated,
        summary.removed,
        summary.unchanged,
    );
    let skipped: usize = summary.skipped.values().sum();
    if skipped > 0 {
        let reasons: Vec<String> = summary
            .skipped
            .iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        line.push_str(&format!("; skipped {skipped} ({})", reasons.join(", ")));
    }
    line
}

/// "1 article", "2 articles".
fn plural(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

/// Bad records named on stderr per file; the rest are counted.
const MAX_RECORD_MESSAGES: usize = 5;

/// Bad records of one file named on stderr so far, and those only counted.
#[derive(Default)]
struct RecordMessages {
    /// Bad records named on stderr.
    named: usize,
    /// Bad records only counted (past [`MAX_RECORD_MESSAGES`]).
    unnamed: usize,
    /// The file, once a bad record of it went unnamed.
    file: Option<PathBuf>,
}

/// Shared state of the workers of one run.
struct Run<'a> {
    writer: ArticleWriter,
    options: &'a Options,
    known: HashMap<String, FileState>,
    seen: Mutex<HashSet<String>>,
    summary: Mutex<Summary>,
    folders: FolderMetaCache,
    /// Held while a large file is read and indexed: its records are shared out among
    /// all the threads anyway, and one such file at a time bounds memory.
    large_file: Mutex<()>,
}

/// Files from this size on are read and indexed one at a time (see `Run::large_file`).
const LARGE_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// How a file compares with what the index remembers of it.
enum Change {
    New,
    Changed,
    Grew(Resume),
}

/// Indexes `options.roots` into `index_dir` in one commit: new and changed files are read,
/// unchanged ones are not, files gone from the roots lose their articles.
pub fn index_paths(index_dir: &Path, options: &Options) -> Result<Summary> {
    let started = Instant::now();
    let mut files = Vec::new();
    let mut skips = Vec::new();
    let mut unique = HashSet::new();
    for item in walk(&options.roots) {
        match item {
            WalkItem::File { path, root } => {
                // The same file reached twice (`corpus` and `./corpus/`) is read once.
                let canonical = std::fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
                if path.as_os_str() == STDIN || unique.insert(canonical) {
                    files.push((path, root));
                }
            }
            WalkItem::Skipped(skip) => skips.push(skip),
        }
    }
    if files.is_empty()
        && !skips.is_empty()
        && skips.iter().all(|s| s.reason == SkipReason::Missing)
    {
        let missing: Vec<String> = skips.iter().map(|s| s.path.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "nothing to index: {} not found; give the files or folders holding your articles",
            missing.join(", ")
        )));
    }
    let index = match DossierIndex::open_or_create(index_dir) {
        Err(Error::NotDossierIndex(_)) if options.rebuild && crate::index::exists(index_dir) => {
            // An index of another schema: --rebuild replaces it.
            std::fs::remove_dir_all(index_dir).map_err(|source| Error::Io {
                path: index_dir.to_path_buf(),
                source,
            })?;
            DossierIndex::open_or_create(index_dir)?
        }
        other => other?,
    };
    let known = if options.rebuild {
        HashMap::new()
    } else {
        files::load(&index.reader()?.searcher(), &index.fields)?
    };
    let writer = index.writer(options.threads)?;
    if options.rebuild {
        writer.delete_all()?;
    }
    let run = Run {
        writer,
        options,
        known,
        seen: Mutex::new(HashSet::new()),
        summary: Mutex::new(Summary::default()),
        folders: FolderMetaCache::default(),
        large_file: Mutex::new(()),
    };
    for skip in &skips {
        run.skip(skip);
    }
    let progress = progress_bar(options.progress, files.len());
    let next = AtomicUsize::new(0);
    let failure = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..options.threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, root)) = files.get(i) else {
                    break;
                };
                if let Err(e) = run.file(path, root) {
                    if let Ok(mut slot) = failure.lock() {
                        slot.get_or_insert(e);
                    }
                    next.store(files.len(), Ordering::Relaxed);
                    break;
                }
                progress.inc(1);
            });
        }
    });
    progress.finish_and_clear();
    if let Some(e) = failure.into_inner().ok().flatten() {
        return Err(e);
    }
    run.remove_gone(&options.roots);
    let Run {
        writer, summary, ..
    } = run;
    writer.commit()?;
    let mut summary = summary.into_inner().unwrap_or_default();
    summary.seconds = started.elapsed().as_secs_f64();
    summary.mb_per_second = summary.bytes as f64 / 1e6 / summary.seconds.max(1e-9);
    Ok(summary)
}

/// Nanoseconds since the epoch of a file's modification time (0 when unknown).
fn mtime(meta: &std::fs::Metadata) -> u64 {
    meta.modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| u64::try_from(d.as_nanos()).unwrap_or(u64::MAX))
}

fn is_compressed(path: &Path) -> bool {
    let name = path.to_string_lossy().to_ascii_lowercase();
    name.ends_with(".gz") || name.ends_with(".zst")
}

impl Run<'_> {
    /// Reports a skip on stderr and counts it.
    fn skip(&self, skip: &Skip) {
        message(skip);
        self.count_skip(skip);
    }

    fn count_skip(&self, skip: &Skip) {
        self.count(|s| {
            *s.skipped
                .entry(skip.reason.as_str().to_string())
                .or_default() += 1
        });
    }

    /// What, besides its content, decides how a file is indexed.
    fn fingerprint(&self, folder: &FolderMeta) -> String {
        let text = format!(
            "{} {} {:?} {:?} {:?}",
            env!("CARGO_PKG_VERSION"),
            crate::analyze::ANALYSIS_VERSION,
            self.options.extract,
            folder,
            self.options.fields
        );
        format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
    }

    fn count(&self, f: impl FnOnce(&mut Summary)) {
        if let Ok(mut summary) = self.summary.lock() {
            f(&mut summary);
        }
    }

    /// Indexes one file if it is new or changed.
    fn file(&self, path: &Path, root: &Path) -> Result<()> {
        if path.as_os_str() == STDIN {
            return self.stdin();
        }
        let canonical = std::fs::canonicalize(path)
            .unwrap_or_else(|_| path.to_path_buf())
            .to_string_lossy()
            .into_owned();
        if let Ok(mut seen) = self.seen.lock() {
            seen.insert(canonical.clone());
        }
        let folder = self.folders.for_file(path, root, &|m| message(m));
        let settings = self.fingerprint(&folder);
        let old = self
            .known
            .get(&canonical)
            .filter(|o| o.settings == settings);
        let meta = std::fs::metadata(path);
        let (size, mtime) = meta.as_ref().map_or((0, 0), |m| (m.len(), mtime(m)));
        if old.is_some_and(|o| o.size == size && o.mtime == mtime && size > 0) {
            self.count(|s| s.unchanged += 1);
            return Ok(());
        }
        let _one_at_a_time = (size >= LARGE_FILE_BYTES).then(|| self.large_file.lock());
        let bytes = match read_bytes(path) {
            Ok(bytes) => bytes,
            Err(e) => {
                self.skip(&Skip {
                    path: path.to_path_buf(),
                    reason: SkipReason::Unreadable,
                    detail: e.to_string(),
                });
                return Ok(());
            }
        };
        let hash = content_hash(&bytes);
        let change = match old {
            None if self.known.contains_key(&canonical) => Change::Changed,
            None => Change::New,
            Some(o) if o.hash == hash => {
                self.count(|s| s.unchanged += 1);
                let state = FileState { mtime, ..o.clone() };
                return self.writer.record_file(&state);
            }
            Some(o) => grown(path, o, &bytes).map_or(Change::Changed, Change::Grew),
        };
        let resume = match change {
            Change::Grew(resume) => Some(resume),
            _ => None,
        };
        // Articles go to the index a part at a time; a changed file's old articles are
        // deleted just before its first part (not at all when it is skipped).
        let mut deleted = !matches!(change, Change::Changed);
        let mut messages = RecordMessages::default();
        let mut failure = None;
        let read = read_file_in_chunks(
            path,
            Path::new(&canonical),
            bytes,
            &self.options.fields,
            resume,
            self.options.chunk_bytes,
            &mut |part| {
                if !deleted {
                    self.writer.delete_file(&canonical);
                    deleted = true;
                }
                match self.articles(&part, &folder, &mut messages) {
                    Ok(()) => true,
                    Err(e) => {
                        failure = Some(e);
                        false
                    }
                }
            },
        );
        let read = match read {
            Ok(read) => read,
            Err(skip) => {
                self.skip(&skip);
                return Ok(());
            }
        };
        if let Some(e) = failure {
            return Err(e);
        }
        self.more_records(&messages);
        if !deleted {
            self.writer.delete_file(&canonical);
        }
        self.writer.record_file(&FileState {
            path: canonical,
            hash,
            settings,
            size,
            mtime,
            lines: read.lines as u64,
            records: read.records as u64,
        })?;
        match change {
            Change::New => self.count(|s| s.added += 1),
            _ => self.count(|s| s.updated += 1),
        }
        Ok(())
    }

    /// Standard input: its articles are identified by content, never removed.
    fn stdin(&self) -> Result<()> {
        let path = Path::new(STDIN);
        let bytes = read_bytes(path).map_err(|source| Error::Io {
            path: path.to_path_buf(),
            source,
        })?;
        let identity = format!("stdin:{}", content_hash(&bytes));
        match read_file(
            path,
            Path::new(&identity),
            bytes,
            &self.options.fields,
            None,
        ) {
            Ok(read) => {
                let mut messages = RecordMessages::default();
                self.articles(&read, &FolderMeta::default(), &mut messages)?;
                self.more_records(&messages);
                self.count(|s| s.added += 1);
            }
            Err(skip) => self.skip(&skip),
        }
        Ok(())
    }

    /// Indexes articles read from one file (all of them, or a part); `messages` counts the
    /// file's bad records named so far.
    fn articles(
        &self,
        read: &FileRead,
        folder: &FolderMeta,
        messages: &mut RecordMessages,
    ) -> Result<()> {
        // Every bad record is counted; the first few of a file are named.
        for skip in &read.skips {
            if messages.named < MAX_RECORD_MESSAGES {
                messages.named += 1;
                self.skip(skip);
            } else {
                messages.unnamed += 1;
                messages.file.get_or_insert_with(|| skip.path.clone());
                self.count_skip(skip);
            }
        }
        // A file of many records (JSON Lines, CSV) is shared out among the threads.
        let threads = if read.articles.len() >= 64 {
            self.options.threads
        } else {
            1
        };
        let chunk = read.articles.len().div_ceil(threads).max(1);
        std::thread::scope(|scope| {
            let workers: Vec<_> = read
                .articles
                .chunks(chunk)
                .map(|part| scope.spawn(move || self.add_articles(part, folder)))
                .collect();
            workers.into_iter().try_for_each(|w| {
                w.join().unwrap_or_else(|_| {
                    Err(crate::Error::Usage("an indexing thread failed".into()))
                })
            })
        })
    }

    /// Says how many bad records of a file were counted without being named.
    fn more_records(&self, messages: &RecordMessages) {
        if let Some(file) = &messages.file {
            message(format!(
                "skipped {} more records of {} (counted in the summary)",
                messages.unnamed,
                file.display()
            ));
        }
    }

    fn add_articles(&self, articles: &[Article], folder: &FolderMeta) -> Result<()> {
        for article in articles {
            let extracted = extract(article, &self.options.extract, folder);
            let passages = split_passages(&extracted.body);
            self.writer.add(article, &extracted, &passages)?;
            self.count(|s| {
                s.articles += 1;
                s.passages += passages.len();
                s.bytes += article.bytes;
            });
        }
        Ok(())
    }

    /// Forgets files that were indexed under one of `roots` and are not there any more.
    fn remove_gone(&self, roots: &[PathBuf]) {
        let canonical_roots: Vec<PathBuf> = roots
            .iter()
            .filter(|r| r.as_os_str() != STDIN)
            .filter_map(|r| std::fs::canonicalize(r).ok())
            .collect();
        let seen = self.seen.lock().map(|s| s.clone()).unwrap_or_default();
        for path in self.known.keys() {
            let under_root = canonical_roots
                .iter()
                .any(|r| Path::new(path).starts_with(r));
            if under_root && !seen.contains(path) {
                self.writer.delete_file(path);
                self.count(|s| s.removed += 1);
            }
        }
    }
}

/// When a JSON Lines file only grew (its old content is a prefix of the new), where to
/// resume reading.
fn grown(path: &Path, old: &FileState, bytes: &[u8]) -> Option<Resume> {
    let old_size = usize::try_from(old.size).ok()?;
    let is_jsonl = matches!(
        crate::ingest::formats::format_of(path),
        Some(Format::JsonLines)
    );
    if !is_jsonl || is_compressed(path) || bytes.len() <= old_size || old_size == 0 {
        return None;
    }
    if bytes[old_size - 1] != b'\n' || content_hash(&bytes[..old_size]) != old.hash {
        return None;
    }
    Some(Resume {
        offset: old_size,
        lines: usize::try_from(old.lines).ok()?,
        records: usize::try_from(old.records).ok()?,
    })
}

fn progress_bar(visible: bool, total: usize) -> ProgressBar {
    if !visible {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(total as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{spinner} indexing {pos}/{len} files {wide_bar} {eta}")
    {
        bar.set_style(style);
    }
    bar
}
