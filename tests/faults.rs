//! Faults and hostile input: `kill -9` in the middle of indexing, random queries.

mod util;

use std::process::Stdio;
use std::time::{Duration, Instant};

use dossier::index::DossierIndex;
use dossier::search::{Engine, Request};
use util::{stderr, Dir};

fn article(i: usize) -> String {
    format!(
        "Report number {i} on the talks\nMarch {}, 2025\nEnvoy{i} met the delegation in Moscow to discuss the 30-day ceasefire. \
         The talks covered prisoner exchanges, energy infrastructure and the monitoring of the truce.\n\n\
         Officials said the next round would follow within a week, and that report {i} was final.\n",
        1 + i % 28
    )
}

fn article_count(dir: &Dir) -> usize {
    let out = dir.run(&["search", "-c", "--json", "*"]);
    let record: serde_json::Value = serde_json::from_slice(&out.stdout).expect("count JSON");
    record["articles"].as_u64().expect("articles") as usize
}

#[test]
fn kill_9_mid_run_leaves_the_previous_commit_and_the_next_run_completes() {
    let dir = Dir::new();
    for i in 0..40 {
        dir.create(&format!("news/a/{i:05}.txt"), &article(i));
    }
    dir.expect(&["index", "news"], 0);
    assert_eq!(article_count(&dir), 40);
    let total = 3000;
    for i in 40..total {
        dir.create(&format!("news/b/{i:05}.txt"), &article(i));
    }
    let mut killed_mid_run = 0;
    for delay_ms in [30u64, 120, 400] {
        let mut child = dir
            .command(&["index", "news"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        std::thread::sleep(Duration::from_millis(delay_ms));
        let finished = child.try_wait().expect("try_wait").is_some();
        child.kill().ok(); // SIGKILL on Unix
        child.wait().ok();
        let count = article_count(&dir);
        if !finished {
            killed_mid_run += 1;
        }
        assert!(
            count == 40 || count == total,
            "after kill at {delay_ms} ms: {count} articles, expected the last commit (40) or all ({total})"
        );
        if count == total {
            break;
        }
        // The last commit is fully searchable.
        let (hits, _) = dir.search_json(&["-n", "100", "\"report 7 was final\""]);
        assert_eq!(hits.len(), 1);
    }
    assert!(
        killed_mid_run > 0,
        "no run was interrupted; make the corpus bigger"
    );
    let out = dir.run(&["index", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(article_count(&dir), total);
    let (hits, _) = dir.search_json(&["\"report 2999 was final\""]);
    assert_eq!(hits.len(), 1);
}

/// SplitMix64: deterministic pseudo-random numbers.
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

fn random_query(rng: &mut Rng) -> String {
    const PIECES: &[&str] = &[
        "putin",
        "kursk",
        "ceasefire",
        "30-day",
        "\"",
        "(",
        ")",
        "[",
        "]",
        "{",
        "}",
        " ",
        " ",
        " ",
        "OR",
        "AND",
        "NOT",
        "-",
        "+",
        "*",
        "~",
        "~2",
        "^",
        "^3",
        ":",
        "title:",
        "entity:",
        "source:",
        "date:",
        "date:[",
        " TO ",
        "2025-03-13",
        "2025-13-45",
        "'",
        "\\",
        "/",
        "é",
        "日本",
        "\u{200B}",
        "\t",
        "\n",
        "!",
        "&&",
        "||",
        "IN [",
        "$",
        "%",
        "…",
        "’s",
        ".",
        ",",
    ];
    let mut query = String::new();
    for _ in 0..rng.below(24) {
        if rng.below(10) == 0 {
            // A random scalar value, anything but NUL.
            let c = char::from_u32(1 + (rng.next() % 0x10FFFE) as u32).unwrap_or('x');
            query.push(c);
        } else {
            query.push_str(PIECES[rng.below(PIECES.len())]);
        }
    }
    query
}

#[test]
fn thousands_of_random_queries_never_crash_the_search_path() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index"], 0);
    let index = DossierIndex::open(&dir.path().join("index")).expect("open");
    let mut engine = Engine::new(&index).expect("engine");
    let mut rng = Rng(7);
    let started = Instant::now();
    let (mut ok, mut errors) = (0, 0);
    for _ in 0..5000 {
        let query = random_query(&mut rng);
        for strict in [false, true] {
            let mut request = Request {
                text: query.clone(),
                limit: 5,
                ..Request::default()
            };
            request.syntax.strict = strict;
            let outcome =
                std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine.search(&request)));
            let Ok(outcome) = outcome else {
                panic!("query {query:?} (strict {strict}) panicked")
            };
            match outcome {
                Ok(results) => {
                    ok += 1;
                    for hit in results.hits {
                        for span in hit.highlights {
                            assert!(hit.text.is_char_boundary(span.start));
                            assert!(hit.text.is_char_boundary(span.end));
                        }
                    }
                }
                Err(e) => {
                    errors += 1;
                    assert!(!e.to_string().is_empty());
                }
            }
        }
    }
    assert!(ok > 1000 && errors > 0, "ok {ok}, errors {errors}");
    eprintln!("{ok} ok, {errors} errors in {:?}", started.elapsed());
}
