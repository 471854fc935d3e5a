//! Measures the HTML article extractor (`dossier::ingest::html::parse_html`) against an
//! annotated benchmark folder holding `ground-truth.json`
//! (`{id: {"articleBody": "...", "url": "..."}}`) and `html/<id>.html.gz`.
//!
//! ```text
//! cargo run --release --example eval_html -- /path/to/article-extraction
//! ```
//!
//! Metric, per document: tokens are the lowercased runs of alphanumeric characters (any
//! other character separates them); precision = |extracted ∩ truth| / |extracted| and
//! recall = |extracted ∩ truth| / |truth|, counting tokens as bags (multisets);
//! F1 = 2PR / (P + R). A page that fails (error or unreadable file) scores 0 on all three.
//! The means over all documents are printed, with the pages per second of extraction.

use std::collections::HashMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dossier::ingest::html::parse_html;

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example eval_html -- FOLDER");
        eprintln!("FOLDER holds ground-truth.json and html/<id>.html.gz");
        return ExitCode::from(2);
    };
    match run(&folder) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eval_html: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(folder: &Path) -> Result<(), String> {
    let truth_path = folder.join("ground-truth.json");
    let text = std::fs::read_to_string(&truth_path)
        .map_err(|e| format!("cannot read {}: {e}", truth_path.display()))?;
    let truth: serde_json::Value = serde_json::from_str(&text)
        .map_err(|e| format!("{} is not JSON: {e}", truth_path.display()))?;
    let entries = truth
        .as_object()
        .ok_or_else(|| format!("{} is not a JSON object", truth_path.display()))?;

    let verbose = std::env::var_os("EVAL_VERBOSE").is_some();
    let (mut sum_p, mut sum_r, mut sum_f) = (0.0, 0.0, 0.0);
    let mut failed = 0usize;
    let mut elapsed = Duration::ZERO;
    for (id, entry) in entries {
        let expected = entry["articleBody"].as_str().unwrap_or_default();
        let url = entry["url"].as_str();
        let path = folder.join("html").join(format!("{id}.html.gz"));
        let html = match read_gz(&path) {
            Ok(html) => html,
            Err(e) => {
                eprintln!("{id}: cannot read {}: {e}", path.display());
                failed += 1;
                continue;
            }
        };
        let start = Instant::now();
        let result = parse_html(&html, url);
        elapsed += start.elapsed();
        let (p, r, f) = match result {
            Ok(record) => scores(&record.body, expected),
            Err(e) => {
                eprintln!("{id}: {}", e.reason);
                failed += 1;
                (0.0, 0.0, 0.0)
            }
        };
        if verbose {
            println!("{id} precision={p:.3} recall={r:.3} f1={f:.3}");
        }
        sum_p += p;
        sum_r += r;
        sum_f += f;
    }

    let n = entries.len();
    let mean = |sum: f64| if n == 0 { 0.0 } else { sum / n as f64 };
    println!("extractor: dossier::ingest::html::parse_html");
    println!("documents: {n}");
    println!("failed:    {failed}");
    println!("precision: {:.3}", mean(sum_p));
    println!("recall:    {:.3}", mean(sum_r));
    println!("f1:        {:.3}", mean(sum_f));
    let seconds = elapsed.as_secs_f64();
    if seconds > 0.0 {
        println!("speed:     {:.0} pages/s", (n - failed) as f64 / seconds);
    }
    Ok(())
}

fn read_gz(path: &Path) -> std::io::Result<String> {
    let mut bytes = Vec::new();
    flate2::read::GzDecoder::new(std::fs::File::open(path)?).read_to_end(&mut bytes)?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}

/// Bag of lowercased alphanumeric tokens.
fn tokens(text: &str) -> HashMap<String, usize> {
    let mut bag = HashMap::new();
    for token in text.split(|c: char| !c.is_alphanumeric()) {
        if !token.is_empty() {
            *bag.entry(token.to_lowercase()).or_insert(0) += 1;
        }
    }
    bag
}

/// Precision, recall and F1 of `extracted` against `expected`.
fn scores(extracted: &str, expected: &str) -> (f64, f64, f64) {
    let got = tokens(extracted);
    let want = tokens(expected);
    let got_total: usize = got.values().sum();
    let want_total: usize = want.values().sum();
    if got_total == 0 && want_total == 0 {
        return (1.0, 1.0, 1.0);
    }
    let common: usize = got
        .iter()
        .map(|(token, count)| (*count).min(want.get(token).copied().unwrap_or(0)))
        .sum();
    if common == 0 {
        return (0.0, 0.0, 0.0);
    }
    let precision = common as f64 / got_total as f64;
    let recall = common as f64 / want_total as f64;
    (
        precision,
        recall,
        2.0 * precision * recall / (precision + recall),
    )
}
