//! Measures false drops of the boilerplate cleaner (`dossier::extract::boilerplate::clean_body`)
//! on a folder of clean articles, such as the BBC News set (one `.txt` per article, headline on
//! line 1, no site boilerplate at all), and the speed of the cleaner and of the citation finder
//! (`dossier::extract::source::cites`).
//!
//! ```text
//! cargo run --release --example eval_boilerplate -- /path/to/bbc
//! ```
//!
//! Every `*.txt` file under the folder (recursively) is read as the indexer reads it
//! (`dossier::ingest::read_file`: decoding, title on the first line). The title and the body
//! are cleaned separately, as `extract` does; every non-empty input line that is missing from
//! the output is a dropped line. On a folder without boilerplate every dropped line is a false
//! drop: each one is printed with its file. Printed figures: articles, lines, dropped lines,
//! and the throughput (MB/s of article text, best of three passes over the texts in memory,
//! in the thread's CPU time where Linux reports it, so a busy machine does not skew it) of
//! `clean_body` and of `cites`. With
//! `EVAL_VERBOSE` set, the outlets found by `cites` are listed with their counts, to check the
//! citation finder's precision by eye; with `EVAL_VERBOSE=2`, also each article's list.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use dossier::extract::boilerplate::clean_body;
use dossier::extract::source::cites;
use dossier::ingest::{read_bytes, read_file, Article, FieldMap};

fn main() -> ExitCode {
    let Some(folder) = std::env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --release --example eval_boilerplate -- FOLDER");
        eprintln!("FOLDER holds clean articles as .txt files (any depth)");
        return ExitCode::from(2);
    };
    match run(&folder) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eval_boilerplate: {message}");
            ExitCode::from(2)
        }
    }
}

fn run(folder: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    collect_txt(folder, &mut files)?;
    files.sort();
    if files.is_empty() {
        return Err(format!("no .txt files under {}", folder.display()));
    }
    let map = FieldMap::default();
    let mut articles: Vec<(PathBuf, Article)> = Vec::new();
    for path in &files {
        let bytes = read_bytes(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
        match read_file(path, path, bytes, &map, None) {
            Ok(read) => articles.extend(read.articles.into_iter().map(|a| (path.clone(), a))),
            Err(skip) => eprintln!("{skip}"),
        }
    }
    let verbose = std::env::var_os("EVAL_VERBOSE");

    // False drops.
    let (mut lines, mut dropped) = (0usize, 0usize);
    for (path, article) in &articles {
        for input in [&article.title, &article.body] {
            let output = clean_body(input);
            lines += input.lines().filter(|l| !l.trim().is_empty()).count();
            for line in dropped_lines(input, &output) {
                dropped += 1;
                println!("DROPPED {}: {line}", path.display());
            }
        }
    }

    // Citations.
    let mut citing = 0usize;
    let mut outlets: HashMap<String, usize> = HashMap::new();
    for (path, article) in &articles {
        let names = cites(&article.title, &article.body);
        if !names.is_empty() {
            citing += 1;
            if verbose.as_ref().is_some_and(|v| v == "2") {
                println!("CITES {}: {}", path.display(), names.join(" | "));
            }
        }
        for name in names {
            *outlets.entry(name).or_default() += 1;
        }
    }

    // Speed: the best of three passes over the texts held in memory, in CPU time of this
    // thread when the system tells it (the machine may be shared), else in wall time.
    let bytes: usize = articles
        .iter()
        .map(|(_, a)| a.title.len() + a.body.len())
        .sum();
    let clean_time = best_of_three(|| {
        for (_, a) in &articles {
            std::hint::black_box(clean_body(&a.title));
            std::hint::black_box(clean_body(&a.body));
        }
    });
    let cites_time = best_of_three(|| {
        for (_, a) in &articles {
            std::hint::black_box(cites(&a.title, &a.body));
        }
    });
    let mb = bytes as f64 / 1e6;
    let rate = |d: Duration| mb / d.as_secs_f64().max(1e-9);
    println!("articles        {}", articles.len());
    println!("lines           {lines}");
    println!("dropped lines   {dropped}");
    println!("text            {mb:.2} MB");
    println!("clean_body      {:.0} MB/s", rate(clean_time));
    println!(
        "cites           {:.0} MB/s ({citing} articles cite an outlet)",
        rate(cites_time)
    );
    if verbose.is_some() {
        let mut outlets: Vec<_> = outlets.into_iter().collect();
        outlets.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        for (name, count) in outlets {
            println!("  {count:5}  {name}");
        }
    }
    Ok(())
}

/// The shortest of three runs of `f`, in thread CPU time when available.
fn best_of_three(mut f: impl FnMut()) -> Duration {
    (0..3)
        .map(|_| {
            let (cpu, wall) = (thread_cpu_time(), Instant::now());
            f();
            match (cpu, thread_cpu_time()) {
                (Some(a), Some(b)) if b > a => b - a,
                _ => wall.elapsed(),
            }
        })
        .min()
        .unwrap_or_default()
}

/// CPU time of the current thread, from `/proc/thread-self/schedstat` (Linux).
fn thread_cpu_time() -> Option<Duration> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let ns: u64 = text.split_whitespace().next()?.parse().ok()?;
    Some(Duration::from_nanos(ns))
}

/// The non-empty lines of `input` missing from `output`. The cleaner keeps lines whole and in
/// order (only trailing whitespace is trimmed), so one forward pass pairs them.
fn dropped_lines<'a>(input: &'a str, output: &str) -> Vec<&'a str> {
    let mut kept = output.lines().filter(|l| !l.trim().is_empty()).peekable();
    let mut dropped = Vec::new();
    for line in input.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            continue;
        }
        if kept.peek() == Some(&line) {
            kept.next();
        } else {
            dropped.push(line);
        }
    }
    dropped
}

/// Every `*.txt` file under `dir`, recursively.
fn collect_txt(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot list {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry
            .map_err(|e| format!("cannot list {}: {e}", dir.display()))?
            .path();
        if path.is_dir() {
            collect_txt(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "txt") {
            out.push(path);
        }
    }
    Ok(())
}
