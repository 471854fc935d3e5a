//! Query latency of dossier, in-process and as a whole process, next to ripgrep.
//!
//! ```text
//! cargo bench --bench search_latency -- --index DIR --queries QUERIES.tsv \
//!     [--dossier target/release/dossier] [--rg-path CORPUS]... [--runs 200] \
//!     [--process-runs 50] [--rg-runs 10]
//! ```
//!
//! `QUERIES.tsv` is written by `examples/gen_corpus.rs` (synthetic or converted corpus):
//! one query class a line with its filters and the number of articles it must find. For
//! every class this prints one row of a markdown table:
//!
//! - in-process p50/p99: [`Engine::search`], top 10 with highlighting, on one opened index;
//! - whole-process p50/p99: `dossier --index DIR search --json … > /dev/null` (when
//!   `--dossier` is given), which includes opening the index;
//! - for classes with a literal: `rg -F -i -c LITERAL CORPUS` p50 and the ratio of rg's time
//!   to dossier's whole-process time (when `--rg-path` is given and `rg` is on the PATH).
//!
//! Every query is checked before timing: the number of matching articles
//! ([`Engine::articles`]) must be within the expected bounds, the top 10 must not be empty,
//! and the whole process must exit with status 0 (hits). A bench that silently finds
//! nothing fails. Filter values `auto` (converted real corpora) are taken from the top hit
//! of the query without filters: its date, its source, its article's first entity.

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::Instant;

use dossier::index::{DossierIndex, KIND_ARTICLE};
use dossier::search::{Engine, Filters, Request};
use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{TantivyDocument, Term};

/// Command line of the bench.
struct Args {
    index: PathBuf,
    queries: PathBuf,
    dossier: Option<PathBuf>,
    rg_paths: Vec<PathBuf>,
    runs: usize,
    process_runs: usize,
    rg_runs: usize,
}

fn usage() -> ! {
    eprintln!(
        "usage: search_latency --index DIR --queries FILE [--dossier BIN] [--rg-path PATH]... \
         [--runs N] [--process-runs N] [--rg-runs N]"
    );
    std::process::exit(2)
}

fn parse_args() -> Args {
    let mut args = Args {
        index: PathBuf::new(),
        queries: PathBuf::new(),
        dossier: None,
        rg_paths: Vec::new(),
        runs: 200,
        process_runs: 50,
        rg_runs: 10,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        if flag == "--bench" {
            continue; // added by `cargo bench`
        }
        let Some(value) = it.next() else { usage() };
        let number = || value.parse::<usize>().unwrap_or_else(|_| usage());
        match flag.as_str() {
            "--index" => args.index = PathBuf::from(&value),
            "--queries" => args.queries = PathBuf::from(&value),
            "--dossier" => args.dossier = Some(PathBuf::from(&value)),
            "--rg-path" => args.rg_paths.push(PathBuf::from(&value)),
            "--runs" => args.runs = number().max(1),
            "--process-runs" => args.process_runs = number().max(1),
            "--rg-runs" => args.rg_runs = number().max(1),
            _ => usage(),
        }
    }
    if args.index.as_os_str().is_empty() || args.queries.as_os_str().is_empty() {
        usage()
    }
    args
}

/// One row of `queries.tsv`.
#[derive(Debug, Clone)]
struct QueryCase {
    class: String,
    text: String,
    since: Option<String>,
    until: Option<String>,
    entity: Option<String>,
    source: Option<String>,
    min: usize,
    max: Option<usize>,
    rg: Option<String>,
}

fn read_queries(path: &Path) -> Vec<QueryCase> {
    let text =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let cell = |s: &str| (s != "-").then(|| s.to_string());
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|line| {
            let c: Vec<&str> = line.split('\t').collect();
            assert_eq!(c.len(), 9, "queries.tsv: 9 columns expected in {line:?}");
            QueryCase {
                class: c[0].to_string(),
                text: c[1].to_string(),
                since: cell(c[2]),
                until: cell(c[3]),
                entity: cell(c[4]),
                source: cell(c[5]),
                min: c[6].parse().expect("min_articles"),
                max: cell(c[7]).map(|m| m.parse().expect("max_articles")),
                rg: cell(c[8]),
            }
        })
        .collect()
}

fn request(case: &QueryCase) -> Request {
    let date = |v: &Option<String>, last: bool| {
        v.as_deref().map(|s| {
            let (first, end) = dossier::extract::dates::parse_plain_date_range(s)
                .unwrap_or_else(|| panic!("bad date {s:?}"));
            if last {
                end
            } else {
                first
            }
        })
    };
    Request {
        text: case.text.clone(),
        filters: Filters {
            since: date(&case.since, false),
            until: date(&case.until, true),
            entities: case.entity.iter().cloned().collect(),
            sources: case.source.iter().cloned().collect(),
            cites: Vec::new(),
        },
        limit: 10,
        ..Request::default()
    }
}

/// Fills `auto` filter values from the top hit of the query without filters.
fn resolve_auto(case: &mut QueryCase, engine: &mut Engine, index: &DossierIndex) {
    let auto = |v: &Option<String>| v.as_deref() == Some("auto");
    if !(auto(&case.since) || auto(&case.until) || auto(&case.entity) || auto(&case.source)) {
        return;
    }
    let plain = QueryCase {
        since: None,
        until: None,
        entity: None,
        source: None,
        ..case.clone()
    };
    let results = engine.search(&request(&plain)).expect("search");
    let hit = results
        .hits
        .first()
        .unwrap_or_else(|| panic!("{}: {:?} finds nothing", case.class, case.text));
    if auto(&case.since) || auto(&case.until) {
        let date = hit.date.map(|d| d.to_string());
        case.since = date.clone();
        case.until = date;
    }
    if auto(&case.source) {
        case.source = hit.source.clone();
    }
    if auto(&case.entity) {
        case.entity = first_entity(index, &hit.article_id);
    }
}

/// The first entity stored on an article.
fn first_entity(index: &DossierIndex, article_id: &str) -> Option<String> {
    let f = &index.fields;
    let term = |field, text: &str| -> Box<dyn Query> {
        Box::new(TermQuery::new(
            Term::from_field_text(field, text),
            IndexRecordOption::Basic,
        ))
    };
    let query = BooleanQuery::new(vec![
        (Occur::Must, term(f.kind, KIND_ARTICLE)),
        (Occur::Must, term(f.article_id, article_id)),
    ]);
    let searcher = index.reader().ok()?.searcher();
    let top = searcher
        .search(&query, &TopDocs::with_limit(1).order_by_score())
        .ok()?;
    let (_, address) = top.first()?;
    let doc: TantivyDocument = searcher.doc(*address).ok()?;
    let json = dossier::search::text_of(&doc, f.entities_json);
    let value: serde_json::Value = serde_json::from_str(&json).ok()?;
    value
        .as_array()?
        .iter()
        .find_map(|e| e.get("name")?.as_str().map(str::to_string))
}

fn percentile(times: &mut [f64], p: f64) -> f64 {
    if times.is_empty() {
        return f64::NAN;
    }
    times.sort_by(f64::total_cmp);
    let i = ((times.len() as f64 - 1.0) * p).round() as usize;
    times[i.min(times.len() - 1)]
}

fn dossier_command(bin: &Path, index: &Path, case: &QueryCase) -> Command {
    let mut cmd = Command::new(bin);
    cmd.arg("--index")
        .arg(index)
        .args(["search", "--json", "-n", "10"]);
    for (flag, value) in [
        ("--since", &case.since),
        ("--until", &case.until),
        ("--entity", &case.entity),
        ("--source", &case.source),
    ] {
        if let Some(v) = value {
            cmd.args([flag, v]);
        }
    }
    cmd.arg("--").arg(&case.text);
    cmd.stdout(Stdio::null()).stderr(Stdio::null());
    cmd
}

/// Wall times in ms of `runs` runs of a command built by `make`; panics unless each run
/// exits with a status in `ok`.
fn time_process(runs: usize, ok: &[i32], mut make: impl FnMut() -> Command) -> Vec<f64> {
    (0..runs)
        .map(|_| {
            let started = Instant::now();
            let status = make().status().expect("spawning");
            let ms = started.elapsed().as_secs_f64() * 1000.0;
            let code = status.code().unwrap_or(-1);
            assert!(ok.contains(&code), "exit status {code}: {:?}", make());
            ms
        })
        .collect()
}

fn rg_available() -> bool {
    Command::new("rg")
        .arg("--version")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Lines counted by `rg -F -i -c` (articles, for JSON Lines).
fn rg_count(literal: &str, paths: &[PathBuf]) -> usize {
    let out = Command::new("rg")
        .args(["-F", "-i", "-c", "--no-filename", "--", literal])
        .args(paths)
        .output()
        .expect("rg");
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .filter_map(|l| l.rsplit(':').next()?.trim().parse::<usize>().ok())
        .sum()
}

fn fmt_ms(v: f64) -> String {
    if v.is_nan() {
        "-".into()
    } else if v < 10.0 {
        format!("{v:.2}")
    } else {
        format!("{v:.1}")
    }
}

fn main() {
    let args = parse_args();
    let index = DossierIndex::open(&args.index)
        .unwrap_or_else(|e| panic!("opening {}: {e}", args.index.display()));
    let mut engine = Engine::new(&index).expect("engine");
    let mut cases = read_queries(&args.queries);
    let rg = !args.rg_paths.is_empty() && rg_available();
    if !args.rg_paths.is_empty() && !rg {
        eprintln!("search_latency: rg not found on the PATH; no ripgrep column");
    }

    println!(
        "| query class | query | filter | articles (expected) | in-proc p50 ms | in-proc p99 ms | process p50 ms | process p99 ms | rg -F p50 ms | rg / dossier |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    let mut failures = Vec::new();
    let (mut worst_in_p50, mut worst_proc_p50, mut worst_proc_p99) = (0f64, 0f64, 0f64);
    let mut min_rg_ratio = f64::INFINITY;
    for case in &mut cases {
        resolve_auto(case, &mut engine, &index);
        let req = request(case);

        // Check the answer before timing anything.
        let matches = engine.articles(&req).expect("articles");
        let expected = match case.max {
            Some(max) if max == case.min => format!("{max}"),
            Some(max) => format!("{}..{max}", case.min),
            None => format!("≥{}", case.min),
        };
        if matches.articles < case.min || case.max.is_some_and(|m| matches.articles > m) {
            failures.push(format!(
                "{}: {:?} found {} articles, expected {expected}",
                case.class, case.text, matches.articles
            ));
        }
        let top = engine.search(&req).expect("search");
        if top.hits.is_empty() {
            failures.push(format!("{}: {:?} returned no hits", case.class, case.text));
        }

        // In-process: a few warm-up runs, then timed runs.
        for _ in 0..3 {
            engine.search(&req).expect("search");
        }
        let mut inproc: Vec<f64> = (0..args.runs)
            .map(|_| {
                let t = Instant::now();
                let results = engine.search(&req).expect("search");
                let ms = t.elapsed().as_secs_f64() * 1000.0;
                assert_eq!(results.hits.len(), top.hits.len(), "stable results");
                ms
            })
            .collect();
        let (in50, in99) = (percentile(&mut inproc, 0.5), percentile(&mut inproc, 0.99));

        let (mut p50, mut p99) = (f64::NAN, f64::NAN);
        if let Some(bin) = &args.dossier {
            dossier_command(bin, &args.index, case)
                .status()
                .expect("dossier");
            let mut t = time_process(args.process_runs, &[0], || {
                dossier_command(bin, &args.index, case)
            });
            p50 = percentile(&mut t, 0.5);
            p99 = percentile(&mut t, 0.99);
        }

        let (mut rg50, mut ratio) = (f64::NAN, f64::NAN);
        if let (true, Some(literal)) = (rg, &case.rg) {
            let count = rg_count(literal, &args.rg_paths);
            if count == 0 {
                failures.push(format!("{}: rg found no {literal:?}", case.class));
            }
            let mut t = time_process(args.rg_runs, &[0, 1], || {
                let mut cmd = Command::new("rg");
                cmd.args(["-F", "-i", "-c", "--", literal])
                    .args(&args.rg_paths)
                    .stdout(Stdio::null());
                cmd
            });
            rg50 = percentile(&mut t, 0.5);
            ratio = rg50 / p50;
            if !ratio.is_nan() {
                min_rg_ratio = min_rg_ratio.min(ratio);
            }
        }
        worst_in_p50 = worst_in_p50.max(in50);
        if !p50.is_nan() {
            worst_proc_p50 = worst_proc_p50.max(p50);
            worst_proc_p99 = worst_proc_p99.max(p99);
        }

        let mut filter = Vec::new();
        if case.since.is_some() || case.until.is_some() {
            filter.push(format!(
                "{}..{}",
                case.since.as_deref().unwrap_or(""),
                case.until.as_deref().unwrap_or("")
            ));
        }
        if let Some(e) = &case.entity {
            filter.push(format!("entity {e}"));
        }
        if let Some(s) = &case.source {
            filter.push(format!("source {s}"));
        }
        println!(
            "| {} | `{}` | {} | {} ({expected}) | {} | {} | {} | {} | {} | {} |",
            case.class,
            case.text,
            if filter.is_empty() {
                "-".into()
            } else {
                filter.join(", ")
            },
            matches.articles,
            fmt_ms(in50),
            fmt_ms(in99),
            fmt_ms(p50),
            fmt_ms(p99),
            fmt_ms(rg50),
            if ratio.is_nan() {
                "-".into()
            } else {
                format!("{ratio:.1}x")
            },
        );
    }
    println!();
    println!(
        "Worst class: in-process p50 {} ms (target ≤ 2 ms); whole-process p50 {} ms (target ≤ 15 ms), p99 {} ms (target ≤ 60 ms){}.",
        fmt_ms(worst_in_p50),
        fmt_ms(worst_proc_p50),
        fmt_ms(worst_proc_p99),
        if min_rg_ratio.is_finite() {
            format!("; phrase vs rg: dossier at least {min_rg_ratio:.1}x faster (target ≥ 30x on 1 GB)")
        } else {
            String::new()
        }
    );
    if !failures.is_empty() {
        for f in &failures {
            eprintln!("search_latency: FAILED {f}");
        }
        std::process::exit(1);
    }
}
