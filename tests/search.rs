//! End-to-end search on the bundled corpus: phrase-accurate highlights, query syntax,
//! filters, output modes and exit codes.

mod util;

use std::io::{BufRead, BufReader};
use std::process::Stdio;

use util::{bundled_corpus, stderr, Dir};

fn indexed_corpus() -> Dir {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index", "--year", "2025"], 0);
    dir
}

/// Occurrences of `needle` (case-insensitive) in the bundled corpus files.
fn occurrences_in_corpus(needle: &str) -> usize {
    let mut n = 0;
    for entry in std::fs::read_dir(bundled_corpus()).unwrap() {
        let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        n += text.to_lowercase().matches(needle).count();
    }
    n
}

#[test]
fn phrase_hits_every_passage_and_marks_only_the_phrase() {
    let dir = indexed_corpus();
    let (hits, summary) = dir.search_json(&["-n", "100", "\"30-day ceasefire\""]);
    assert_eq!(summary.total_passages, hits.len());
    let mut marked = 0;
    for hit in &hits {
        assert!(
            !hit.highlights.is_empty(),
            "hit without highlight: {}",
            hit.text
        );
        for span in &hit.highlights {
            let text = &hit.text[span.start..span.end];
            // Numbers in words match their digits: "thirty-day ceasefire" is a hit too.
            assert!(
                matches!(
                    text.to_lowercase().as_str(),
                    "30-day ceasefire" | "thirty-day ceasefire"
                ),
                "{text:?} in {}",
                hit.text
            );
            marked += 1;
        }
    }
    // Every occurrence in the corpus is found and marked, and nothing else is.
    assert_eq!(
        marked,
        occurrences_in_corpus("30-day ceasefire") + occurrences_in_corpus("thirty-day ceasefire")
    );
    assert!(hits
        .iter()
        .any(|h| h.text.contains("temporary ceasefire agreement")));
}

#[test]
fn highlights_index_into_the_article_text() {
    let dir = indexed_corpus();
    let (hits, _) = dir.search_json(&["-n", "1", "\"30-day ceasefire\""]);
    let hit = &hits[0];
    let out = dir.expect(&["show", "--json", &hit.article_id], 0);
    let article: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    let text = article["text"].as_str().unwrap();
    let passage = &text[hit.passage_start as usize..hit.passage_end as usize];
    assert_eq!(passage, hit.text);
}

#[test]
fn unquoted_words_match_stems_and_quoted_words_do_not() {
    let dir = indexed_corpus();
    let (_, stemmed) = dir.search_json(&["ceasefires"]);
    let (_, plain) = dir.search_json(&["ceasefire"]);
    assert_eq!(stemmed.total_passages, plain.total_passages);
    assert!(plain.total_passages > 0);
    let (_, quoted) = dir.search_json(&["\"ceasefires\""]);
    assert_eq!(quoted.total_passages, 0);
}

#[test]
fn hyphenated_and_spaced_forms_match_each_other() {
    let dir = Dir::new();
    dir.create(
        "news/a.txt",
        "Headline A\nThey agreed a 30 day ceasefire today.\n",
    );
    dir.create(
        "news/b.txt",
        "Headline B\nThey agreed a 30-day ceasefire today.\n",
    );
    dir.expect(&["index", "news"], 0);
    let (hits, _) = dir.search_json(&["\"30-day ceasefire\""]);
    assert_eq!(hits.len(), 2);
    let (hits, _) = dir.search_json(&["\"30 day ceasefire\""]);
    assert_eq!(hits.len(), 2);
}

#[test]
fn words_are_all_required_and_or_widens() {
    let dir = indexed_corpus();
    let (_, both) = dir.search_json(&["putin", "kursk"]);
    let (_, either) = dir.search_json(&["putin OR kursk"]);
    let (_, putin) = dir.search_json(&["putin"]);
    assert!(both.total_passages > 0);
    assert!(both.total_passages <= putin.total_passages);
    assert!(either.total_passages >= putin.total_passages);
    let (hits, _) = dir.search_json(&["-n", "50", "--", "putin -kursk"]);
    assert!(hits
        .iter()
        .all(|h| !h.text.to_lowercase().contains("kursk")));
    let (hits, _) = dir.search_json(&["-n", "50", "putin NOT kursk"]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| !h.text.to_lowercase().contains("kursk")));
}

#[test]
fn prefix_slop_and_title_queries() {
    let dir = indexed_corpus();
    let (hits, _) = dir.search_json(&["-n", "50", "ceasef*"]);
    assert!(!hits.is_empty());
    for hit in &hits {
        for span in &hit.highlights {
            assert!(hit.text[span.start..span.end]
                .to_lowercase()
                .starts_with("ceasef"));
        }
    }
    let (exact, _) = dir.search_json(&["\"putin witkoff\""]);
    let (sloppy, _) = dir.search_json(&["\"witkoff putin\"~2"]);
    assert!(exact.is_empty());
    assert!(!sloppy.is_empty());
    let (hits, _) = dir.search_json(&["-n", "50", "title:moscow"]);
    assert!(!hits.is_empty());
    assert!(hits
        .iter()
        .all(|h| h.title.to_lowercase().contains("moscow")));
}

#[test]
fn phrase_flag_takes_the_words_as_written() {
    let dir = indexed_corpus();
    let (flag, _) = dir.search_json(&["-F", "-n", "50", "30-day", "ceasefire"]);
    let (quoted, _) = dir.search_json(&["-n", "50", "\"30-day ceasefire\""]);
    assert_eq!(flag.len(), quoted.len());
    // Syntax characters are plain text under -F.
    dir.expect(&["search", "-F", "zzq OR ((", "--json"], 1);
}

#[test]
fn exit_codes_and_messages() {
    let dir = indexed_corpus();
    dir.expect(&["search", "zzzyzzx"], 1);
    dir.expect(&["search", "putin"], 0);
    let out = dir.run(&["search", "nosuchfield:putin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("unknown field"), "{}", stderr(&out));
    let out = dir.run(&["search", "--strict", "\"unbalanced"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dir.run(&["search", "\"unbalanced"]);
    assert!(stderr(&out).contains("warning"), "{}", stderr(&out));
    let out = dir.run(&["--index", "nowhere", "search", "putin"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("run `dossier index` first"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn hostile_queries_get_an_error_or_a_result_never_a_crash() {
    let dir = indexed_corpus();
    let deep = "(".repeat(3000) + "putin";
    let long = "putin ".repeat(2000);
    for query in [
        deep.as_str(),
        long.as_str(),
        "\"",
        "((",
        "]]",
        "AND",
        "OR OR",
        "*:*",
        "title:",
        "date:[x TO y]",
        "date:2025-13-45",
        "-",
        "~",
        "\"a\"~999999999999",
    ] {
        let out = dir.run(&["search", "--", query]);
        let code = out.status.code();
        assert!(
            matches!(code, Some(0..=2)),
            "query {query:?} -> {code:?}: {}",
            stderr(&out)
        );
        assert!(
            !stderr(&out).contains("panicked"),
            "query {query:?}: {}",
            stderr(&out)
        );
    }
    let out = dir.run(&["search", &deep]);
    assert!(stderr(&out).contains("nested"), "{}", stderr(&out));
}

#[test]
fn paths_and_count_modes() {
    let dir = indexed_corpus();
    let paths = dir.expect(&["search", "-l", "kursk"], 0);
    let lines: Vec<&str> = paths.lines().collect();
    assert!(!lines.is_empty());
    let mut unique = lines.clone();
    unique.dedup();
    assert_eq!(unique.len(), lines.len(), "each path once");
    assert!(lines.iter().all(|l| l.starts_with("corpus/")));
    let count = dir.expect(&["search", "-c", "kursk"], 0);
    assert!(
        count
            .trim()
            .ends_with(&format!("in {} articles", lines.len())),
        "{count}"
    );
    dir.expect(&["search", "-c", "zzzyzzx"], 1);
}

#[test]
fn limit_and_offset_page_through_hits() {
    let dir = indexed_corpus();
    let (all, _) = dir.search_json(&["-n", "6", "ceasefire"]);
    let (page, summary) = dir.search_json(&["-n", "3", "--offset", "3", "ceasefire"]);
    assert_eq!(summary.offset, 3);
    let ids = |hits: &[dossier::output::json::HitRecord]| -> Vec<(String, u64)> {
        hits.iter().map(|h| (h.path.clone(), h.passage)).collect()
    };
    assert_eq!(ids(&page), ids(&all[3..]));
    assert_eq!(page[0].rank, 4);
}

#[test]
fn regression_excluded_phrase_and_open_date_range() {
    // Both were found by the random-query test: an excluded phrase tripped a tantivy
    // assertion, and a range open at both ends panicked.
    let dir = indexed_corpus();
    let (hits, summary) = dir.search_json(&["-n", "100", "--", "putin -30-day"]);
    assert!(summary.total_passages > 0);
    assert!(hits.iter().all(|h| !h.text.contains("30-day")));
    let (_, putin) = dir.search_json(&["putin"]);
    let (_, with_phrase) = dir.search_json(&["putin \"30-day\""]);
    assert_eq!(
        summary.total_passages + with_phrase.total_passages,
        putin.total_passages
    );
    let (hits, _) = dir.search_json(&["-n", "100", "date:[* TO *]"]);
    assert!(!hits.is_empty());
    assert!(hits.iter().all(|h| h.date.is_some()));
}

#[test]
fn huge_limits_and_offsets_are_fine() {
    let dir = indexed_corpus();
    let max = usize::MAX.to_string();
    let (hits, summary) = dir.search_json(&["-n", &max, "putin"]);
    assert_eq!(hits.len(), summary.total_passages);
    let (hits, summary) = dir.search_json(&["--offset", &max, "putin"]);
    assert!(hits.is_empty());
    assert!(summary.total_passages > 0);
    let (hits, _) = dir.search_json(&["-n", "0", "putin"]);
    assert!(hits.is_empty());
}

#[test]
fn ranking_is_deterministic() {
    let dir = indexed_corpus();
    let (a, _) = dir.search_json(&["-n", "20", "russia"]);
    let (b, _) = dir.search_json(&["-n", "20", "russia"]);
    let key = |h: &dossier::output::json::HitRecord| (h.path.clone(), h.passage);
    assert_eq!(
        a.iter().map(key).collect::<Vec<_>>(),
        b.iter().map(key).collect::<Vec<_>>()
    );
    assert!(a.windows(2).all(|w| w[0].score >= w[1].score));
}

#[test]
fn plain_output_marks_matches_with_brackets() {
    let dir = indexed_corpus();
    let out = dir.expect(&["search", "--color", "never", "\"30-day ceasefire\""], 0);
    assert!(out.contains("[[30-day ceasefire]]"), "{out}");
    assert!(!out.contains("\u{1b}["), "no escape codes without colour");
    let colored = dir.expect(&["search", "--color", "always", "\"30-day ceasefire\""], 0);
    assert!(colored.contains("\u{1b}["), "colour when asked");
}

#[test]
fn closed_pipe_is_not_an_error() {
    let dir = indexed_corpus();
    let mut child = dir
        .command(&["search", "--color", "never", "-n", "100", "russia"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(!first.is_empty());
    assert!(!stderr(&out).contains("panicked"), "{}", stderr(&out));
    assert!(matches!(out.status.code(), Some(0)), "{:?}", out.status);
}

#[test]
fn search_builds_the_default_index_first() {
    let dir = Dir::with_bundled_corpus();
    let out = dir.run(&["search", "--json", "\"30-day ceasefire\""]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("indexing corpus"), "{}", stderr(&out));
    assert!(dir.path().join("index/meta.json").is_file());
    let again = dir.run(&["search", "putin"]);
    assert!(!stderr(&again).contains("indexing"), "built only once");
}

#[test]
fn index_location_from_flag_and_environment() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["--index", "elsewhere", "index"], 0);
    assert!(dir.path().join("elsewhere/meta.json").is_file());
    let out = dir
        .command(&["search", "putin"])
        .env("DOSSIER_INDEX", "elsewhere")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        !dir.path().join("index/meta.json").exists(),
        "no default index built"
    );
}

#[test]
fn regression_review_findings() {
    let dir = indexed_corpus();
    // Abbreviations in entity filters are case-insensitive.
    let (lower, _) = dir.search_json(&["-n", "100", "entity:uk"]);
    let (upper, _) = dir.search_json(&["-n", "100", "entity:UK"]);
    assert!(!lower.is_empty());
    assert_eq!(lower.len(), upper.len());
    // A dangling operator is a warning (an error with --strict), not a word.
    let out = dir.run(&["search", "--strict", "putin OR"]);
    assert_eq!(out.status.code(), Some(2));
    let out = dir.run(&["search", "-c", "putin OR"]);
    assert!(stderr(&out).contains("joins nothing"), "{}", stderr(&out));
    // Thousands of parse problems make one short warning line.
    let quotes = "\"".repeat(3000);
    let out = dir.run(&["search", "-c", "--", &quotes]);
    assert!(
        stderr(&out).len() < 1000,
        "{} bytes of stderr",
        stderr(&out).len()
    );
    // Fuzzy distance over 2 is clamped with a warning (an error with --strict).
    let out = dir.run(&["search", "-c", "putin~5"]);
    assert!(stderr(&out).contains("at most 2 edits"), "{}", stderr(&out));
    assert_eq!(
        dir.run(&["search", "--strict", "putin~5"]).status.code(),
        Some(2)
    );
    // A sloppy phrase in the other order is marked where it matched.
    let (hits, _) = dir.search_json(&["\"putin witkoff\"~3"]);
    assert!(hits.iter().all(|h| !h.highlights.is_empty()));
}
