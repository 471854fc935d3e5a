//! Measures the entity extractor (`dossier::extract::entities::extract_entities`) on a
//! CoNLL-2003 file (`eng.testa`, `eng.testb`: one token a line, `WORD POS CHUNK NER`,
//! IOB1 or IOB2 tags, documents separated by `-DOCSTART-`).
//!
//! ```text
//! cargo run --release --example eval_conll -- ../shared/data/conll2003/eng.testa
//! cargo run --release --example eval_conll -- FILE --corpus corpus --errors 40
//! ```
//!
//! Each document's text is rebuilt from its tokens, undoing the CoNLL tokenisation
//! (no space before `, . : ; ) ! ? % 's n't`..., none after `( $`, quotes paired),
//! one sentence a line; the first sentence is the title, the rest the body.
//!
//! Metric, per document, on SETS of `(type, name)` pairs: gold = the distinct mention
//! strings of each CoNLL type (PER, ORG, LOC, MISC); predicted = each entity's name and
//! each of its aliases (its surface forms), typed person → PER, organization → ORG,
//! place → LOC, other → MISC. Names are compared after lowercasing and collapsing
//! spaces ("LEICESTERSHIRE" in a capitals headline and "Leicestershire" are one name).
//! True/false positives and false negatives are summed over documents (micro average)
//! and printed per type, for "typed" (PER, ORG and LOC pairs only) and for "untyped"
//! (the set of names of any of the four types, type ignored).
//!
//! Speed: the time spent inside `extract_entities` only, and MB/s of title + body text.
//! With `--corpus DIR`, the `.txt` files of DIR (first line the title) are also
//! extracted repeatedly for at least one second and their MB/s printed. With
//! `--errors N`, up to N missed and N spurious names of each type are listed.
//! The data is used for measuring only: nothing is learnt or copied from it.

use std::collections::{BTreeMap, HashSet};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dossier::extract::entities::{extract_entities, EntityKind};

const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

struct Doc {
    title: String,
    body: String,
    /// (type, lowercased name)
    gold: HashSet<(&'static str, String)>,
}

#[derive(Default, Clone, Copy)]
struct Score {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Score {
    fn add<T: std::hash::Hash + Eq>(&mut self, gold: &HashSet<T>, pred: &HashSet<T>) {
        let tp = gold.intersection(pred).count();
        self.tp += tp;
        self.fp += pred.len() - tp;
        self.fn_ += gold.len() - tp;
    }

    fn line(&self, label: &str) -> String {
        let p = ratio(self.tp, self.tp + self.fp);
        let r = ratio(self.tp, self.tp + self.fn_);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        format!(
            "{label:<8} P {p:.3}  R {r:.3}  F1 {f:.3}   (tp {}, fp {}, fn {})",
            self.tp, self.fp, self.fn_
        )
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn main() -> ExitCode {
    let mut args = std::env::args_os().skip(1);
    let mut file: Option<PathBuf> = None;
    let mut corpus: Option<PathBuf> = None;
    let mut errors = 0usize;
    let mut show: Option<usize> = None;
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--corpus") => corpus = args.next().map(PathBuf::from),
            Some("--doc") => show = args.next().and_then(|s| s.to_str()?.parse().ok()),
            Some("--errors") => {
                errors = args
                    .next()
                    .and_then(|s| s.to_str().and_then(|s| s.parse().ok()))
                    .unwrap_or(20)
            }
            _ => file = Some(PathBuf::from(a)),
        }
    }
    let Some(file) = file else {
        eprintln!(
            "usage: cargo run --release --example eval_conll -- FILE [--corpus DIR] [--errors N] [--doc N]"
        );
        return ExitCode::from(2);
    };
    match run(&file, corpus.as_deref(), errors, show) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("eval_conll: {e}");
            ExitCode::from(2)
        }
    }
}

fn run(
    file: &Path,
    corpus: Option<&Path>,
    errors: usize,
    show: Option<usize>,
) -> Result<(), String> {
    let text = std::fs::read_to_string(file)
        .map_err(|e| format!("cannot read {}: {e}", file.display()))?;
    let docs = parse_conll(&text);
    if let Some(n) = show {
        // One document: its text, gold names and extracted entities.
        let doc = docs.get(n).ok_or(format!("no document {n}"))?;
        println!("{}\n{}\n", doc.title, doc.body);
        let mut gold: Vec<_> = doc.gold.iter().collect();
        gold.sort();
        for (ty, name) in gold {
            println!("gold {ty} {name}");
        }
        for e in extract_entities(&doc.title, &doc.body) {
            println!("got {:?} {} {:?}", e.kind, e.name, e.aliases);
        }
        return Ok(());
    }
    let mut scores: BTreeMap<&str, Score> = BTreeMap::new();
    let mut typed = Score::default();
    let mut untyped = Score::default();
    let mut elapsed = Duration::ZERO;
    let mut bytes = 0usize;
    let mut missed: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    // Builds the word lists once, outside the timing.
    extract_entities("", "");
    let mut spurious: BTreeMap<&str, Vec<String>> = BTreeMap::new();
    for doc in &docs {
        let t0 = Instant::now();
        let entities = std::hint::black_box(extract_entities(&doc.title, &doc.body));
        elapsed += t0.elapsed();
        bytes += doc.title.len() + doc.body.len() + 1;
        let mut pred: HashSet<(&'static str, String)> = HashSet::new();
        for e in &entities {
            let ty = match e.kind {
                EntityKind::Person => "PER",
                EntityKind::Organization => "ORG",
                EntityKind::Place => "LOC",
                EntityKind::Other => "MISC",
            };
            for s in std::iter::once(&e.name).chain(e.aliases.iter()) {
                pred.insert((ty, norm(s)));
            }
        }
        for ty in TYPES {
            let g: HashSet<&String> = doc
                .gold
                .iter()
                .filter(|x| x.0 == ty)
                .map(|x| &x.1)
                .collect();
            let p: HashSet<&String> = pred.iter().filter(|x| x.0 == ty).map(|x| &x.1).collect();
            scores.entry(ty).or_default().add(&g, &p);
            if errors > 0 {
                let m = missed.entry(ty).or_default();
                m.extend(g.difference(&p).map(|s| s.to_string()));
                let s = spurious.entry(ty).or_default();
                s.extend(p.difference(&g).map(|s| s.to_string()));
            }
        }
        let typed_only = |s: &HashSet<(&'static str, String)>| -> HashSet<(&'static str, String)> {
            s.iter().filter(|x| x.0 != "MISC").cloned().collect()
        };
        typed.add(&typed_only(&doc.gold), &typed_only(&pred));
        let names = |s: &HashSet<(&'static str, String)>| -> HashSet<String> {
            s.iter().map(|x| x.1.clone()).collect()
        };
        untyped.add(&names(&doc.gold), &names(&pred));
    }
    println!(
        "{}: {} documents, {} bytes of text",
        file.display(),
        docs.len(),
        bytes
    );
    for ty in TYPES {
        println!("{}", scores.get(ty).copied().unwrap_or_default().line(ty));
    }
    println!("{}", typed.line("typed"));
    println!("{}", untyped.line("untyped"));
    let secs = elapsed.as_secs_f64();
    // Speed: the documents again, five times, on CPU time.
    let c0 = cpu_time();
    let t0 = Instant::now();
    for _ in 0..5 {
        for doc in &docs {
            std::hint::black_box(extract_entities(&doc.title, &doc.body));
        }
    }
    let wall = t0.elapsed().as_secs_f64();
    let cpu = match (c0, cpu_time()) {
        (Some(a), Some(b)) => (b - a).as_secs_f64(),
        _ => wall,
    };
    println!(
        "extract_entities: {:.3} s, {:.1} MB/s; 5 more rounds: {:.1} MB/s wall, {:.1} MB/s of CPU time",
        secs,
        bytes as f64 / 1e6 / secs.max(1e-9),
        5.0 * bytes as f64 / 1e6 / wall.max(1e-9),
        5.0 * bytes as f64 / 1e6 / cpu.max(1e-9)
    );
    for ty in TYPES {
        for (label, map) in [("missed", &missed), ("spurious", &spurious)] {
            if let Some(v) = map.get(ty) {
                let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
                for s in v {
                    *counts.entry(s).or_default() += 1;
                }
                let mut c: Vec<_> = counts.into_iter().collect();
                c.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
                let shown: Vec<String> = c
                    .iter()
                    .take(errors)
                    .map(|(s, n)| format!("{s}({n})"))
                    .collect();
                println!("{label} {ty}: {}", shown.join(", "));
            }
        }
    }
    if let Some(dir) = corpus {
        corpus_speed(dir)?;
    }
    Ok(())
}

/// MB/s of `extract_entities` over the `.txt` files of a folder.
fn corpus_speed(dir: &Path) -> Result<(), String> {
    let mut arts = Vec::new();
    let rd = std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in rd.flatten() {
        let p = entry.path();
        if p.extension().is_some_and(|e| e == "txt") {
            if let Ok(s) = std::fs::read_to_string(&p) {
                let (t, b) = s.split_once('\n').unwrap_or((s.as_str(), ""));
                arts.push((t.to_string(), b.to_string()));
            }
        }
    }
    let per_round: usize = arts.iter().map(|(t, b)| t.len() + b.len() + 1).sum();
    if per_round == 0 {
        return Err(format!("no .txt text in {}", dir.display()));
    }
    let t0 = Instant::now();
    let c0 = cpu_time();
    let mut rounds = 0usize;
    while t0.elapsed() < Duration::from_secs(2) {
        for (t, b) in &arts {
            std::hint::black_box(extract_entities(t, b));
        }
        rounds += 1;
    }
    let secs = t0.elapsed().as_secs_f64();
    let mb = (per_round * rounds) as f64 / 1e6;
    let cpu = match (c0, cpu_time()) {
        (Some(a), Some(b)) => format!(", {:.1} MB/s of CPU time", mb / (b - a).as_secs_f64()),
        _ => String::new(),
    };
    println!(
        "corpus {}: {} files, {} rounds, {:.1} MB/s{cpu}",
        dir.display(),
        arts.len(),
        rounds,
        mb / secs
    );
    Ok(())
}

/// CPU time of this thread (Linux `/proc/thread-self/schedstat`), so that MB/s per
/// core is measured even on a busy machine; `None` elsewhere.
fn cpu_time() -> Option<Duration> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = s.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// Lowercase, spaces collapsed.
fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

fn parse_conll(text: &str) -> Vec<Doc> {
    let mut docs = Vec::new();
    // Sentences of the current document: tokens with their tags.
    let mut sents: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut cur: Vec<(&str, &str)> = Vec::new();
    let finish = |sents: &mut Vec<Vec<(&str, &str)>>, docs: &mut Vec<Doc>| {
        if !sents.is_empty() {
            docs.push(build_doc(sents));
            sents.clear();
        }
    };
    for line in text.lines() {
        let line = line.trim();
        if line.is_empty() {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            continue;
        }
        let mut cols = line.split_whitespace();
        let word = cols.next().unwrap_or_default();
        let tag = cols.last().unwrap_or("O");
        if word == "-DOCSTART-" {
            if !cur.is_empty() {
                sents.push(std::mem::take(&mut cur));
            }
            finish(&mut sents, &mut docs);
            continue;
        }
        cur.push((word, tag));
    }
    if !cur.is_empty() {
        sents.push(cur);
    }
    finish(&mut sents, &mut docs);
    docs
}

fn build_doc(sents: &[Vec<(&str, &str)>]) -> Doc {
    let mut gold = HashSet::new();
    let mut lines = Vec::new();
    for s in sents {
        let words: Vec<&str> = s.iter().map(|x| x.0).collect();
        lines.push(detok(&words));
        // Mentions: IOB1/IOB2 spans.
        let mut start: Option<(usize, &str)> = None;
        for i in 0..=s.len() {
            let tag = s.get(i).map(|x| x.1).unwrap_or("O");
            let (prefix, ty) = tag.split_once('-').unwrap_or(("O", ""));
            let continues = matches!(start, Some((_, t)) if t == ty) && prefix == "I";
            if !continues {
                if let Some((b, t)) = start.take() {
                    if let Some(ty) = TYPES.iter().find(|x| **x == t) {
                        gold.insert((*ty, norm(&detok(&words[b..i]))));
                    }
                }
                if prefix == "I" || prefix == "B" {
                    start = Some((i, ty));
                }
            }
        }
    }
    let title = lines.first().cloned().unwrap_or_default();
    let body = lines.get(1..).unwrap_or_default().join("\n");
    Doc { title, body, gold }
}

/// Undoes the CoNLL tokenisation of one sentence.
fn detok(words: &[&str]) -> String {
    let mut out = String::new();
    let mut no_space_next = true;
    let mut quote_open = false;
    for w in words {
        let attach_left = matches!(
            *w,
            "," | "."
                | ":"
                | ";"
                | ")"
                | "]"
                | "}"
                | "!"
                | "?"
                | "%"
                | "'s"
                | "'S"
                | "n't"
                | "'re"
                | "'ve"
                | "'ll"
                | "'d"
                | "'m"
                | "'"
        );
        let is_quote = *w == "\"";
        let closing_quote = is_quote && quote_open;
        if !out.is_empty() && !no_space_next && !attach_left && !closing_quote {
            out.push(' ');
        }
        out.push_str(w);
        no_space_next = matches!(*w, "(" | "[" | "{" | "$") || (is_quote && !quote_open);
        if is_quote {
            quote_open = !quote_open;
        }
    }
    out
}
