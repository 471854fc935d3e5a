//! Ranking evaluation on a test collection with relevance judgements.
//!
//! ```text
//! cargo run --release --example eval_ir -- ../shared/data/ir/time [--exact]
//! ```
//!
//! The folder holds `docs.jsonl` (`id`, `text`, optional `title`, `date`), `queries.tsv`
//! (`qid<TAB>text`) and `qrels.txt` (TREC: `qid 0 docid rel`; rel > 0 is relevant, and
//! is the gain for nDCG). The documents are indexed with the real pipeline into a
//! temporary index; each query runs the way a user's long natural-language query runs:
//! `--any --articles`, all widening on (unless `--exact`), top 1000 articles. Prints MAP,
//! nDCG@10, P@10 and R@100 over the queries that have judgements.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use dossier::commands::index::{index_paths, Options};
use dossier::index::DossierIndex;
use dossier::search::{Engine, Request};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(folder) = args.next().map(PathBuf::from) else {
        eprintln!(
            "usage: eval_ir FOLDER [--exact]   (FOLDER holds docs.jsonl, queries.tsv, qrels.txt)"
        );
        std::process::exit(2);
    };
    let exact = args.any(|a| a == "--exact");
    if let Err(e) = run(&folder, exact) {
        eprintln!("eval_ir: {e}");
        std::process::exit(2);
    }
}

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))
}

/// docs.jsonl line number (1-based) → document id.
fn doc_ids(docs: &str) -> HashMap<usize, String> {
    let mut ids = HashMap::new();
    for (i, line) in docs.lines().enumerate() {
        if let Ok(value) = serde_json::from_str::<serde_json::Value>(line) {
            let id = match &value["id"] {
                serde_json::Value::String(s) => s.clone(),
                other => other.to_string(),
            };
            ids.insert(i + 1, id);
        }
    }
    ids
}

/// qid → docid → relevance.
fn qrels(text: &str) -> HashMap<String, HashMap<String, i32>> {
    let mut out: HashMap<String, HashMap<String, i32>> = HashMap::new();
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if let [qid, _, doc, rel] = parts.as_slice() {
            let rel = rel.parse().unwrap_or(0);
            out.entry(qid.to_string())
                .or_default()
                .insert(doc.to_string(), rel);
        }
    }
    out
}

/// Natural-language text as plain words: no operators, quotes or brackets.
fn plain_words(text: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '\'' {
                c
            } else {
                ' '
            }
        })
        .collect();
    cleaned
        .split_whitespace()
        .map(|w| match w {
            "AND" | "OR" | "NOT" | "TO" | "IN" => w.to_lowercase(),
            _ => w.to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

fn run(folder: &Path, exact: bool) -> Result<(), String> {
    let docs_path = folder.join("docs.jsonl");
    let ids = doc_ids(&read(&docs_path)?);
    let judgements = qrels(&read(&folder.join("qrels.txt"))?);
    let queries = read(&folder.join("queries.tsv"))?;
    let tmp = tempfile::tempdir().map_err(|e| e.to_string())?;
    let index_dir = tmp.path().join("index");
    let summary = index_paths(&index_dir, &Options::new(vec![docs_path.clone()]))
        .map_err(|e| e.to_string())?;
    eprintln!(
        "indexed {} documents ({} passages)",
        summary.articles, summary.passages
    );
    let index = DossierIndex::open(&index_dir).map_err(|e| e.to_string())?;
    let mut engine = Engine::new(&index).map_err(|e| e.to_string())?;
    let (mut map, mut ndcg, mut p10, mut r100, mut n) = (0.0, 0.0, 0.0, 0.0, 0usize);
    for line in queries.lines() {
        let Some((qid, text)) = line.split_once('\t') else {
            continue;
        };
        let Some(rels) = judgements.get(qid.trim()) else {
            continue;
        };
        let relevant = rels.values().filter(|&&r| r > 0).count();
        if relevant == 0 {
            continue;
        }
        let mut request = Request {
            text: plain_words(text),
            limit: 1000,
            articles: true,
            ..Request::default()
        };
        request.syntax.any = true;
        request.syntax.exact = exact;
        let results = engine
            .search(&request)
            .map_err(|e| format!("query {qid}: {e}"))?;
        let ranked: Vec<i32> = results
            .hits
            .iter()
            .map(|hit| {
                let line = hit
                    .path
                    .rsplit(':')
                    .next()
                    .and_then(|l| l.parse().ok())
                    .unwrap_or(0);
                ids.get(&line)
                    .and_then(|id| rels.get(id))
                    .copied()
                    .unwrap_or(0)
                    .max(0)
            })
            .collect();
        map += average_precision(&ranked, relevant);
        ndcg += ndcg_at(&ranked, rels, 10);
        p10 += ranked.iter().take(10).filter(|&&r| r > 0).count() as f64 / 10.0;
        r100 += ranked.iter().take(100).filter(|&&r| r > 0).count() as f64 / relevant as f64;
        n += 1;
    }
    if n == 0 {
        return Err("no judged queries".into());
    }
    let n = n as f64;
    println!(
        "{}: {} queries  MAP {:.4}  nDCG@10 {:.4}  P@10 {:.4}  R@100 {:.4}{}",
        folder.display(),
        n,
        map / n,
        ndcg / n,
        p10 / n,
        r100 / n,
        if exact { "  (--exact)" } else { "" }
    );
    Ok(())
}

fn average_precision(ranked: &[i32], relevant: usize) -> f64 {
    let mut hits = 0.0;
    let mut sum = 0.0;
    for (i, &rel) in ranked.iter().enumerate() {
        if rel > 0 {
            hits += 1.0;
            sum += hits / (i + 1) as f64;
        }
    }
    sum / relevant as f64
}

fn ndcg_at(ranked: &[i32], rels: &HashMap<String, i32>, k: usize) -> f64 {
    let dcg = |gains: &mut dyn Iterator<Item = f64>| -> f64 {
        gains
            .take(k)
            .enumerate()
            .map(|(i, g)| g / ((i + 2) as f64).log2())
            .sum()
    };
    let actual = dcg(&mut ranked.iter().map(|&r| r as f64));
    let mut ideal: Vec<f64> = rels
        .values()
        .filter(|&&r| r > 0)
        .map(|&r| r as f64)
        .collect();
    ideal.sort_by(|a, b| b.total_cmp(a));
    let best = dcg(&mut ideal.into_iter());
    if best > 0.0 {
        actual / best
    } else {
        0.0
    }
}
