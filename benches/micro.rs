//! Micro-benchmarks (divan) of the text pipeline on the bundled articles (`corpus/`):
//! tokenizing with both analyzers, entity and date extraction, passage splitting and
//! highlighting. Run: `cargo bench --bench micro` (a few seconds per benchmark; divan's
//! flags apply, e.g. `cargo bench --bench micro -- highlight`).
//!
//! Each benchmark reports bytes/s and asserts the work it did (tokens, entities, dates,
//! passages, highlight spans found), so it cannot silently measure nothing.

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use dossier::analyze::{analyze, exact_analyzer, split_passages, stemmed_analyzer, terms};
use dossier::extract::dates::{find_dates, publication_date};
use dossier::extract::entities::extract_entities;
use dossier::search::query::Scope;
use dossier::search::{Highlighter, Matcher};

fn main() {
    divan::main();
}

/// One bundled article: its title and body.
struct Sample {
    title: String,
    body: String,
}

/// The bundled articles, read once.
fn samples() -> &'static [Sample] {
    static SAMPLES: OnceLock<Vec<Sample>> = OnceLock::new();
    SAMPLES.get_or_init(|| {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
        let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
            .expect("corpus/")
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "txt"))
            .collect();
        files.sort();
        let samples: Vec<Sample> = files
            .iter()
            .map(|f| {
                let text = std::fs::read_to_string(f).expect("read corpus file");
                let (title, body) = text.split_once('\n').unwrap_or((&text, ""));
                Sample {
                    title: title.to_string(),
                    body: body.to_string(),
                }
            })
            .collect();
        assert!(!samples.is_empty(), "no .txt articles in corpus/");
        samples
    })
}

/// All bodies joined, as one text.
fn all_text() -> &'static str {
    static TEXT: OnceLock<String> = OnceLock::new();
    TEXT.get_or_init(|| {
        samples()
            .iter()
            .map(|s| s.body.as_str())
            .collect::<Vec<_>>()
            .join("\n\n")
    })
}

fn body_bytes() -> usize {
    samples().iter().map(|s| s.title.len() + s.body.len()).sum()
}

#[divan::bench]
fn tokenize_exact(bencher: Bencher) {
    let text = all_text();
    let mut analyzer = exact_analyzer();
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        let tokens = analyze(&mut analyzer, black_box(text));
        assert!(tokens.len() > 1000, "tokens: {}", tokens.len());
        tokens.len()
    });
}

#[divan::bench]
fn tokenize_stemmed(bencher: Bencher) {
    let text = all_text();
    let mut analyzer = stemmed_analyzer();
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        let tokens = analyze(&mut analyzer, black_box(text));
        assert!(tokens.len() > 1000, "tokens: {}", tokens.len());
        tokens.len()
    });
}

#[divan::bench]
fn entities(bencher: Bencher) {
    bencher.counter(BytesCount::new(body_bytes())).bench(|| {
        let found: usize = samples()
            .iter()
            .map(|s| extract_entities(black_box(&s.title), black_box(&s.body)).len())
            .sum();
        assert!(found >= samples().len(), "entities: {found}");
        found
    });
}

#[divan::bench]
fn dates(bencher: Bencher) {
    bencher.counter(BytesCount::new(body_bytes())).bench(|| {
        let mut found = 0;
        for s in samples() {
            let published =
                publication_date(black_box(&s.title), black_box(&s.body), "a.txt", Some(2025));
            found += usize::from(published.date.is_some());
            found += find_dates(black_box(&s.body)).len();
        }
        assert!(found > 0, "no dates found");
        found
    });
}

#[divan::bench]
fn passages(bencher: Bencher) {
    bencher.counter(BytesCount::new(body_bytes())).bench(|| {
        let found: usize = samples()
            .iter()
            .map(|s| split_passages(black_box(&s.body)).len())
            .sum();
        assert!(found >= samples().len(), "passages: {found}");
        found
    });
}

/// The matchers of `ceasefire "30-day ceasefire" russia*`: a stemmed word, an exact
/// phrase and a prefix.
fn matchers() -> Vec<Matcher> {
    let matcher = |stemmed: bool, terms: Vec<String>, prefix: bool| Matcher {
        stemmed,
        terms,
        slop: 0,
        prefix,
        fuzzy: 0,
        widened: false,
        scope: Scope::Everywhere,
    };
    vec![
        matcher(true, terms(&mut stemmed_analyzer(), "ceasefire"), false),
        matcher(
            false,
            terms(&mut exact_analyzer(), "30-day ceasefire"),
            false,
        ),
        matcher(false, vec!["russia".to_string()], true),
    ]
}

#[divan::bench]
fn highlight(bencher: Bencher) {
    let text = all_text();
    let matchers = matchers();
    let mut highlighter = Highlighter::default();
    bencher.counter(BytesCount::of_str(text)).bench_local(|| {
        let spans = highlighter.highlight(black_box(text), &matchers, false);
        assert!(spans.len() >= 3, "highlight spans: {}", spans.len());
        spans.len()
    });
}
