//! End-to-end indexing: bad files never stop a batch, encodings decode right,
//! re-indexing never duplicates, `show` prints what was indexed.

mod util;

use util::{stderr, Dir};

fn summary(dir: &Dir, args: &[&str]) -> serde_json::Value {
    let mut full = vec!["index", "--json"];
    full.extend_from_slice(args);
    let out = dir.expect(&full, 0);
    serde_json::from_str(out.trim()).expect("summary JSON")
}

#[test]
fn bad_files_are_skipped_and_named_and_the_rest_indexed() {
    let dir = Dir::new();
    dir.create(
        "news/good.txt",
        "Good headline\nPutin met Witkoff in Moscow.\n",
    );
    dir.create_bytes("news/binary.txt", b"GIF89a\x00\x01\x02\x00");
    dir.create("news/empty.txt", "");
    dir.create("news/blank.txt", "  \n\n \t\n");
    dir.create_bytes(
        "news/latin.txt",
        b"Caf\xe9 talks\nThe envoy said \x93we are close\x94 and it\x92s a deal.\n",
    );
    let out = dir.run(&["index", "news"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(err.contains("binary.txt: binary"), "{err}");
    assert!(err.contains("empty.txt: empty"), "{err}");
    assert!(err.contains("blank.txt: empty"), "{err}");
    assert!(err.contains("indexed 2 articles"), "{err}");
    assert!(err.contains("skipped 3 (1 binary, 2 empty)"), "{err}");

    let (hits, _) = dir.search_json(&["\"we are close\""]);
    assert_eq!(hits.len(), 1);
    assert!(
        hits[0].text.contains("\u{201C}we are close\u{201D}"),
        "{}",
        hits[0].text
    );
    assert!(hits[0].text.contains("it\u{2019}s"), "{}", hits[0].text);
    let (hits, _) = dir.search_json(&["title:cafe envoy"]);
    assert_eq!(hits.len(), 1, "accents fold: cafe finds Café");
    assert_eq!(hits[0].title_highlights.len(), 1);
}

#[test]
fn utf8_bom_is_stripped() {
    let dir = Dir::new();
    dir.create_bytes("a/bom.txt", b"\xEF\xBB\xBFBom headline\nBody text here.\n");
    dir.expect(&["index", "a"], 0);
    let (hits, _) = dir.search_json(&["body"]);
    assert_eq!(hits[0].title, "Bom headline");
}

#[test]
fn reindexing_never_duplicates() {
    let dir = Dir::with_bundled_corpus();
    let first = summary(&dir, &[]);
    let (_, before) = dir.search_json(&["russia"]);
    let second = summary(&dir, &["corpus", "./corpus/"]);
    let (_, after) = dir.search_json(&["russia"]);
    assert_eq!(first["articles"], 5);
    assert_eq!(first["added"], 5);
    assert_eq!(second["articles"], 0, "unchanged files are not read again");
    assert_eq!(
        second["unchanged"], 5,
        "each file once, however it is reached"
    );
    let third = summary(&dir, &["--rebuild", "corpus", "./corpus/"]);
    assert_eq!(
        third["articles"], 5,
        "--rebuild reads everything again, once"
    );
    assert_eq!(before.total_passages, after.total_passages);
    let count = dir.expect(&["search", "-c", "*"], 0);
    assert!(count.trim().ends_with("in 5 articles"), "{count}");
}

#[test]
fn missing_paths_are_reported() {
    let dir = Dir::new();
    let out = dir.run(&["index", "nowhere"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("nowhere"), "{}", stderr(&out));
    dir.create("real/a.txt", "Title\nSome text.\n");
    let out = dir.run(&["index", "real", "nowhere"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("skipped nowhere: missing"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn summary_counts_articles_passages_and_rate() {
    let dir = Dir::with_bundled_corpus();
    let s = summary(&dir, &[]);
    assert_eq!(s["articles"], 5);
    assert!(s["passages"].as_u64().unwrap() >= 25, "{s}");
    assert!(s["bytes"].as_u64().unwrap() > 10_000, "{s}");
    assert!(s["mb_per_second"].as_f64().unwrap() > 0.0, "{s}");
}

#[test]
fn show_prints_metadata_and_numbered_passages() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index"], 0);
    let path = "corpus/002_bd351d164fa7130f.txt";
    let out = dir.expect(&["show", "--json", path], 0);
    let article: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
    assert_eq!(article["path"], path);
    assert!(
        article["title"].as_str().unwrap().starts_with("Putin"),
        "{}",
        article["title"]
    );
    let text = article["text"].as_str().unwrap();
    assert!(!text.contains("Back to top button"), "boilerplate removed");
    assert!(!text.contains("Leave a Reply"), "boilerplate removed");
    assert!(
        text.contains("Zelensky firm on rejecting"),
        "article text kept"
    );
    let passages = article["passages"].as_array().unwrap();
    for (i, p) in passages.iter().enumerate() {
        assert_eq!(p["ordinal"], i as u64);
        let (s, e) = (
            p["start"].as_u64().unwrap() as usize,
            p["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&text[s..e], p["text"].as_str().unwrap());
    }
    let by_id = dir.expect(
        &["show", "--json", article["article_id"].as_str().unwrap()],
        0,
    );
    assert_eq!(by_id.trim(), out.trim());
    let human = dir.expect(
        &[
            "show",
            "--color",
            "never",
            "./corpus/002_bd351d164fa7130f.txt",
        ],
        0,
    );
    assert!(human.contains("[0] "), "{human}");
    let missing = dir.run(&["show", "nope"]);
    assert_eq!(missing.status.code(), Some(2));
    assert!(
        stderr(&missing).contains("no article"),
        "{}",
        stderr(&missing)
    );
}

#[test]
fn a_second_writer_gets_a_clear_error_and_search_keeps_working() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index"], 0);
    let index = dossier::index::DossierIndex::open(&dir.path().join("index")).unwrap();
    let held = index.writer(1).unwrap();
    let out = dir.run(&["index"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        stderr(&out).contains("being updated by another process"),
        "{}",
        stderr(&out)
    );
    dir.expect(&["search", "putin"], 0);
    drop(held);
    dir.expect(&["index"], 0);
}

#[test]
fn an_index_folder_that_cannot_be_written_is_a_clear_error() {
    let dir = Dir::with_bundled_corpus();
    dir.create("blocker", "a file where the index folder should be");
    let out = dir.run(&["--index", "blocker/index", "index"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("blocker/index"), "{}", stderr(&out));
    let out = dir.run(&["--index", "blocker", "index"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("blocker"), "{}", stderr(&out));
}
