//! Indexing throughput and search latency on a synthetic news corpus.
//!
//! Run: `cargo bench --bench index_and_search` (size in MB of article text from
//! `DOSSIER_BENCH_MB`, default 20). The corpus is generated deterministically from the
//! sentences of the bundled articles: titled articles with a date line and paragraphs,
//! written as `.txt` files into a temporary folder. The bench prints indexing MB/s and
//! articles/s, index size over text size, and p50/p99 in-process latency (top 10 with
//! highlighting) for a query mix; it asserts the articles indexed and that every query
//! found hits, so a bench that silently does nothing fails.

use std::path::{Path, PathBuf};
use std::time::Instant;

use dossier::commands::index::{index_paths, Options};
use dossier::index::DossierIndex;
use dossier::search::{Engine, Filters, Request};
use unicode_segmentation::UnicodeSegmentation;

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn sentences() -> Vec<String> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus)
        .expect("corpus/")
        .map(|e| e.expect("entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    for file in files {
        let text = std::fs::read_to_string(file).expect("read");
        for line in text.lines().skip(1) {
            for s in line.unicode_sentences() {
                if s.len() > 40 {
                    out.push(s.trim().to_string());
                }
            }
        }
    }
    out
}

fn generate(dir: &Path, megabytes: usize) -> (usize, u64) {
    let pool = sentences();
    let mut rng = Rng(42);
    let target = (megabytes * 1_000_000) as u64;
    let (mut written, mut articles) = (0u64, 0usize);
    while written < target {
        let folder = dir.join(format!("batch{:03}", articles / 1000));
        std::fs::create_dir_all(&folder).expect("mkdir");
        let mut text = String::new();
        text.push_str(&pool[rng.below(pool.len())]);
        text.push('\n');
        let year = 2015 + rng.below(10);
        let month = MONTHS[rng.below(12)];
        text.push_str(&format!("{month} {}, {year}\n", 1 + rng.below(28)));
        for _ in 0..5 + rng.below(10) {
            for _ in 0..2 + rng.below(3) {
                text.push_str(&pool[rng.below(pool.len())]);
                text.push(' ');
            }
            text.push('\n');
        }
        std::fs::write(folder.join(format!("{articles:07}.txt")), &text).expect("write");
        written += text.len() as u64;
        articles += 1;
    }
    (articles, written)
}

fn dir_size(path: &Path) -> u64 {
    std::fs::read_dir(path)
        .map(|entries| {
            entries
                .filter_map(|e| e.ok())
                .map(|e| e.metadata().map(|m| m.len()).unwrap_or(0))
                .sum()
        })
        .unwrap_or(0)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn main() {
    let megabytes: usize = std::env::var("DOSSIER_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let tmp = tempfile::tempdir().expect("temp dir");
    let corpus = tmp.path().join("corpus");
    let (articles, bytes) = generate(&corpus, megabytes);
    let index_dir = tmp.path().join("index");
    let options = Options {
        threads: std::thread::available_parallelism().map_or(2, |n| n.get().min(4)),
        ..Options::new(vec![corpus])
    };
    let started = Instant::now();
    let summary = index_paths(&index_dir, &options).expect("indexing");
    let seconds = started.elapsed().as_secs_f64();
    assert_eq!(
        summary.articles, articles,
        "every generated article indexed"
    );
    let index_bytes = dir_size(&index_dir);
    println!(
        "indexing: {articles} articles, {:.1} MB text, {} passages in {seconds:.2} s: {:.1} MB/s, {:.0} articles/s; index {:.2}x text",
        bytes as f64 / 1e6,
        summary.passages,
        bytes as f64 / 1e6 / seconds,
        articles as f64 / seconds,
        index_bytes as f64 / bytes as f64
    );

    let index = DossierIndex::open(&index_dir).expect("open");
    let mut engine = Engine::new(&index).expect("engine");
    let queries: &[(&str, &str, Filters)] = &[
        ("one word", "ceasefire", Filters::default()),
        ("two words", "putin kursk", Filters::default()),
        ("phrase", "\"30-day ceasefire\"", Filters::default()),
        (
            "phrase + date",
            "\"30-day ceasefire\"",
            Filters {
                since: time::Date::from_calendar_date(2020, time::Month::January, 1).ok(),
                ..Filters::default()
            },
        ),
        ("prefix", "negotiat*", Filters::default()),
        ("frequent", "the", Filters::default()),
        ("rare", "sudzha", Filters::default()),
    ];
    for (name, text, filters) in queries {
        let request = Request {
            text: text.to_string(),
            filters: filters.clone(),
            limit: 10,
            ..Request::default()
        };
        let mut times = Vec::new();
        let mut found = 0;
        for _ in 0..50 {
            let t = Instant::now();
            let results = engine.search(&request).expect("search");
            times.push(t.elapsed().as_secs_f64() * 1000.0);
            found = results.total_passages;
        }
        assert!(found > 0, "query {text:?} found nothing");
        times.sort_by(f64::total_cmp);
        println!(
            "search {name:<14} {text:<24} {found:>8} passages  p50 {:.2} ms  p99 {:.2} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.99)
        );
    }
}
