//! JSON Lines and CSV files are read and indexed a part at a time (tiny parts here): every
//! record lands in the index under its line, bad records are counted, re-indexing a
//! changed or grown file replaces or appends exactly as when files were read whole.

mod util;

use std::path::Path;

use dossier::commands::index::{index_paths, Options, Summary};
use util::Dir;

/// A word of letters only for record `n` ("zzbh" for 17), so each record can be found.
fn word(n: usize) -> String {
    let digits: String = n
        .to_string()
        .bytes()
        .map(|d| char::from(b'a' + (d - b'0')))
        .collect();
    format!("zz{digits}")
}

fn record(n: usize) -> String {
    format!(
        "{{\"title\": \"Story {n}\", \"text\": \"The {} report came in on time, as every week.\"}}\n",
        word(n)
    )
}

/// Records `from..=to`, record `bad` replaced by a line that is not JSON, a blank line
/// after record 10.
fn feed(from: usize, to: usize, bad: usize) -> String {
    let mut text = String::new();
    for n in from..=to {
        if n == bad {
            text.push_str("{\"text\": not json}\n");
        } else {
            text.push_str(&record(n));
        }
        if n == 10 {
            text.push('\n');
        }
    }
    text
}

fn index(dir: &Dir, file: &Path) -> Summary {
    let options = Options {
        chunk_bytes: 200,
        ..Options::new(vec![file.to_path_buf()])
    };
    index_paths(&dir.path().join("index"), &options).expect("indexing")
}

/// Paths of the articles holding record `n`'s word.
fn paths(dir: &Dir, n: usize) -> Vec<String> {
    let (hits, _) = dir.search_json(&["-n", "100", &word(n)]);
    let mut paths: Vec<String> = hits.into_iter().map(|h| h.path).collect();
    paths.sort();
    paths.dedup();
    paths
}

/// Record `n`'s word is in exactly one article, the one from line `line` of the feed.
fn assert_at_line(dir: &Dir, n: usize, line: usize) {
    let paths = paths(dir, n);
    assert!(
        paths.len() == 1 && paths[0].ends_with(&format!("feed.jsonl:{line}")),
        "{paths:?}"
    );
}

#[test]
fn json_lines_in_parts() {
    let dir = Dir::new();
    let file = dir.create("feed.jsonl", &feed(1, 40, 22));
    assert!(std::fs::metadata(&file).unwrap().len() > 10 * 200);

    let first = index(&dir, &file);
    assert_eq!(first.articles, 39);
    assert_eq!(first.skipped.get("bad record"), Some(&1));
    assert_at_line(&dir, 1, 1);
    assert_at_line(&dir, 21, 22);
    assert_at_line(&dir, 40, 41);
    assert!(paths(&dir, 22).is_empty());

    // Changed: record 1 gone, record 22 mended; the old articles are all replaced.
    std::fs::write(&file, feed(2, 40, 0)).unwrap();
    let changed = index(&dir, &file);
    assert_eq!((changed.updated, changed.articles), (1, 39));
    assert!(changed.skipped.is_empty(), "{:?}", changed.skipped);
    assert!(paths(&dir, 1).is_empty());
    assert_at_line(&dir, 22, 22);
    assert_at_line(&dir, 40, 40);

    // Grown: only the new records are read, numbered on from the old end.
    let mut grown = feed(2, 40, 0);
    grown.push_str(&feed(41, 45, 43));
    std::fs::write(&file, grown).unwrap();
    let appended = index(&dir, &file);
    assert_eq!((appended.updated, appended.articles), (1, 4));
    assert_eq!(appended.skipped.get("bad record"), Some(&1));
    assert_at_line(&dir, 40, 40);
    assert_at_line(&dir, 45, 45);
}

#[test]
fn csv_in_parts() {
    let dir = Dir::new();
    let mut text = String::from("title,text\n");
    for n in 1..=30 {
        text.push_str(&format!(
            "Story {n},\"The {} report came in,\nover two lines.\"\n",
            word(n)
        ));
    }
    let file = dir.create("table.csv", &text);
    let summary = index(&dir, &file);
    assert_eq!(summary.articles, 30);
    let (hits, _) = dir.search_json(&["-n", "100", &word(30)]);
    assert!(
        hits.iter().all(|h| h.path.ends_with("table.csv:60")),
        "{hits:?}"
    );
    assert!(!hits.is_empty());
}
