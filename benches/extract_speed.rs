//! Speed of entity and date extraction alone, single-threaded, in MB/s of article text
//! per CPU second.
//!
//! ```text
//! cargo bench --bench extract_speed -- ../shared/data/bbc ../shared/data/reuters21578/reuters21578.jsonl
//! ```
//!
//! Each path is a file or a folder of `.txt` articles (first line the title) or `.jsonl`
//! files (`title` and `body` or `text` fields); without a path, the bundled `corpus/`. For
//! each path it prints MB/s for entities ([`extract_entities`]), dates
//! ([`publication_date`] + [`date_mentions`] on the body, as the indexer runs them) and
//! both, next to the target of
//! 50 MB/s per core, and asserts that entities and dates were found. It runs with the
//! allocator the `dossier` binary uses (mimalloc), as extraction runs when indexing.
//!
//! On stderr it also prints a digest of everything extracted (entities with their
//! kinds, aliases and counts; dates with their values): a change meant to make
//! extraction faster must leave the digest as it was.

use std::hash::{DefaultHasher, Hash, Hasher};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier::extract::dates::publication_date;
use dossier::extract::entities::extract_entities;
use dossier::extract::mentions::date_mentions;

/// The allocator of the `dossier` binary (src/main.rs).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Target throughput of extraction, per core.
const TARGET_MB_S: f64 = 50.0;
/// Each measure repeats over the articles for at least this long.
const MIN_TIME: Duration = Duration::from_secs(2);

/// One article: title and body.
struct Article {
    title: String,
    body: String,
}

fn collect(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<PathBuf> = std::fs::read_dir(path)
            .unwrap_or_else(|e| panic!("reading {}: {e}", path.display()))
            .filter_map(|e| e.ok().map(|e| e.path()))
            .collect();
        entries.sort();
        for entry in entries {
            collect(&entry, out);
        }
    } else if path.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
        out.push(path.to_path_buf());
    }
}

fn load(path: &Path) -> Vec<Article> {
    let mut files = Vec::new();
    collect(path, &mut files);
    let mut articles = Vec::new();
    for file in files {
        let bytes = std::fs::read(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let text = String::from_utf8_lossy(&bytes);
        if file.extension().is_some_and(|e| e == "jsonl") {
            for line in text.lines() {
                let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                    continue;
                };
                let field = |names: &[&str]| {
                    names
                        .iter()
                        .find_map(|n| v.get(*n).and_then(|x| x.as_str()))
                        .unwrap_or_default()
                        .to_string()
                };
                articles.push(Article {
                    title: field(&["title", "headline"]),
                    body: field(&["body", "text", "content"]),
                });
            }
        } else {
            let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
            articles.push(Article {
                title: title.to_string(),
                body: body.to_string(),
            });
        }
    }
    articles.retain(|a| !a.body.trim().is_empty());
    articles
}

/// CPU time this thread has used (user + system), from `/proc/thread-self/stat` (in
/// clock ticks of 10 ms); `None` where that file does not exist.
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/stat").ok()?;
    // Fields after the command name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(Duration::from_millis(ticks * 10))
}

/// Runs `work` over all articles until [`MIN_TIME`] has passed; returns MB/s and the
/// work's count for one pass. Per core: the time is the CPU time of this thread where
/// the system tells it (so that other processes on the machine do not count), else
/// the wall-clock time.
fn measure(articles: &[Article], mut work: impl FnMut(&Article) -> usize) -> (f64, usize) {
    let bytes: usize = articles.iter().map(|a| a.title.len() + a.body.len()).sum();
    let started = Instant::now();
    let cpu_started = thread_cpu_time();
    let mut passes = 0usize;
    let mut count = 0;
    while passes == 0 || started.elapsed() < MIN_TIME {
        count = articles.iter().map(&mut work).sum();
        passes += 1;
    }
    let wall = started.elapsed();
    let spent = match (cpu_started, thread_cpu_time()) {
        (Some(a), Some(b)) if b > a => b - a,
        _ => wall,
    };
    (
        bytes as f64 * passes as f64 / 1e6 / spent.as_secs_f64(),
        count,
    )
}

fn main() {
    let mut paths: Vec<PathBuf> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--")) // `cargo bench` adds --bench
        .map(PathBuf::from)
        .collect();
    if paths.is_empty() {
        paths.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus"));
    }
    println!("| corpus | articles | MB | entities MB/s | dates MB/s | both MB/s | target |");
    println!("|---|---|---|---|---|---|---|");
    for path in &paths {
        let articles = load(path);
        assert!(!articles.is_empty(), "no articles in {}", path.display());
        let bytes: usize = articles.iter().map(|a| a.title.len() + a.body.len()).sum();
        let entities = |a: &Article| extract_entities(&a.title, &a.body).len();
        let dates = |a: &Article| {
            let published = publication_date(&a.title, &a.body, "article.txt", None);
            usize::from(published.date.is_some()) + date_mentions(&a.body, published.date).len()
        };
        let (e_speed, e_count) = measure(&articles, entities);
        let (d_speed, d_count) = measure(&articles, dates);
        let (b_speed, b_count) = measure(&articles, |a| entities(a) + dates(a));
        assert!(e_count > 0, "no entities found in {}", path.display());
        assert!(d_count > 0, "no dates found in {}", path.display());
        assert_eq!(b_count, e_count + d_count, "both = entities + dates");
        println!(
            "| {} | {} | {:.1} | {e_speed:.1} | {d_speed:.1} | {b_speed:.1} | ≥ {TARGET_MB_S} ({}) |",
            path.display(),
            articles.len(),
            bytes as f64 / 1e6,
            if b_speed >= TARGET_MB_S { "met" } else { "not met" }
        );
        let mut digest = DefaultHasher::new();
        for a in &articles {
            format!("{:?}", extract_entities(&a.title, &a.body)).hash(&mut digest);
            let published = publication_date(&a.title, &a.body, "article.txt", None);
            format!("{:?}", published.date).hash(&mut digest);
            format!("{:?}", date_mentions(&a.body, published.date)).hash(&mut digest);
        }
        eprintln!(
            "extract_speed: {}: {e_count} entities, {d_count} dates and publication dates per pass, digest {:016x}",
            path.display(),
            digest.finish()
        );
    }
}
