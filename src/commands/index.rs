//! `dossier index`: walk, read, clean, extract, split and write, in parallel, ending in
//! one commit and a summary.

use std::collections::BTreeMap;
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
use crate::index::{ArticleWriter, DossierIndex};
use crate::ingest::{read_article, walk, FolderMeta, FolderMetaCache, Skip, SkipReason, WalkItem};

/// What an indexing run did.
#[derive(Debug, Default, Serialize)]
pub struct Summary {
    /// Articles written.
    pub articles: usize,
    /// Passages written.
    pub passages: usize,
    /// Files skipped, by reason.
    pub skipped: BTreeMap<String, usize>,
    /// Bytes of input read.
    pub bytes: u64,
    /// Wall time in seconds.
    pub seconds: f64,
    /// Input megabytes per second.
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
    let options = Options {
        roots,
        extract: ExtractOptions {
            default_year: args.year,
        },
        threads: args.threads.unwrap_or(default_threads).max(1),
        progress: std::io::stderr().is_terminal() && !args.json,
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
    let options = Options {
        roots: vec![corpus],
        extract: ExtractOptions::default(),
        threads: 2,
        progress: false,
    };
    let summary = index_paths(index_dir, &options)?;
    message(describe(&summary, index_dir));
    Ok(())
}

/// One-line description of a run.
pub fn describe(summary: &Summary, index_dir: &Path) -> String {
    let mut line = format!(
        "indexed {} articles ({} passages) into {} in {:.2} s, {:.1} MB/s",
        summary.articles,
        summary.passages,
        index_dir.display(),
        summary.seconds,
        summary.mb_per_second
    );
    let skipped: usize = summary.skipped.values().sum();
    if skipped > 0 {
        let reasons: Vec<String> = summary
            .skipped
            .iter()
            .map(|(reason, n)| format!("{n} {reason}"))
            .collect();
        line.push_str(&format!(
            "; skipped {skipped} files ({})",
            reasons.join(", ")
        ));
    }
    line
}

/// Indexes `options.roots` into `index_dir` in one commit.
pub fn index_paths(index_dir: &Path, options: &Options) -> Result<Summary> {
    let started = Instant::now();
    let items = walk(&options.roots);
    let mut files = Vec::new();
    let mut skips = Vec::new();
    for item in items {
        match item {
            WalkItem::File { path, root } => files.push((path, root)),
            WalkItem::Skipped(skip) => skips.push(skip),
        }
    }
    if files.is_empty()
        && skips.iter().all(|s| s.reason == SkipReason::Missing)
        && !skips.is_empty()
    {
        let missing: Vec<String> = skips.iter().map(|s| s.path.display().to_string()).collect();
        return Err(Error::Usage(format!(
            "nothing to index: {} not found; give the files or folders holding your articles",
            missing.join(", ")
        )));
    }
    for skip in &skips {
        message(skip);
    }
    let index = DossierIndex::open_or_create(index_dir)?;
    let writer = index.writer(options.threads)?;
    let progress = progress_bar(options.progress, files.len());
    let state = Mutex::new(Summary::default());
    let next = AtomicUsize::new(0);
    let folders = FolderMetaCache::default();
    let failure = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..options.threads {
            scope.spawn(|| loop {
                let i = next.fetch_add(1, Ordering::Relaxed);
                let Some((path, root)) = files.get(i) else {
                    break;
                };
                let folder = folders.for_file(path, root, &|m| message(m));
                if let Err(e) = index_file(&writer, path, options, &folder, &state) {
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
    writer.commit()?;
    let mut summary = state.into_inner().unwrap_or_default();
    for skip in &skips {
        *summary
            .skipped
            .entry(skip.reason.as_str().to_string())
            .or_default() += 1;
    }
    summary.seconds = started.elapsed().as_secs_f64();
    summary.mb_per_second = summary.bytes as f64 / 1e6 / summary.seconds.max(1e-9);
    Ok(summary)
}

fn index_file(
    writer: &ArticleWriter,
    path: &Path,
    options: &Options,
    folder: &FolderMeta,
    state: &Mutex<Summary>,
) -> Result<()> {
    let article = match read_article(path) {
        Ok(article) => article,
        Err(skip) => {
            record_skip(state, &skip);
            return Ok(());
        }
    };
    let extracted = extract(&article, &options.extract, folder);
    let passages = split_passages(&extracted.body);
    writer.add(&article, &extracted, &passages)?;
    if let Ok(mut summary) = state.lock() {
        summary.articles += 1;
        summary.passages += passages.len();
        summary.bytes += article.bytes;
    }
    Ok(())
}

fn record_skip(state: &Mutex<Summary>, skip: &Skip) {
    message(skip);
    if let Ok(mut summary) = state.lock() {
        *summary
            .skipped
            .entry(skip.reason.as_str().to_string())
            .or_default() += 1;
    }
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
