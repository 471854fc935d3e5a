//! Every input format in one tree with junk beside it, then incremental re-indexing:
//! modified, deleted, added and grown files.

mod util;

use std::io::Write;
use std::process::Stdio;

use util::{stderr, Dir};

fn summary(dir: &Dir, args: &[&str]) -> serde_json::Value {
    let mut full = vec!["index", "--json"];
    full.extend_from_slice(args);
    let out = dir.run(&full);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("summary JSON")
}

fn paths(dir: &Dir, query: &str) -> Vec<String> {
    let (hits, _) = dir.search_json(&["-n", "100", query]);
    let mut paths: Vec<String> = hits.into_iter().map(|h| h.path).collect();
    paths.sort();
    paths.dedup();
    paths
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    gz.write_all(bytes).unwrap();
    gz.finish().unwrap()
}

fn tree() -> Dir {
    let dir = Dir::new();
    dir.create(
        "news/plain.txt",
        "Plain headline\nThe aardvark delegation arrived in Geneva.\n",
    );
    dir.create(
        "news/front.md",
        "---\ntitle: Markdown headline\ndate: 2025-03-13\nsource: Example Wire\nurl: https://example.org/a\nauthor: Jane Doe\nsection: World\n---\n# Ignored heading\n\nThe **bonobo** summit opened in [Oslo](https://oslo.example).\n",
    );
    dir.create(
        "news/toml.txt",
        "+++\ntitle = \"Toml headline\"\ndate = \"2025-03-14\"\n+++\nThe capybara accord was signed.\n",
    );
    dir.create(
        "news/feed.jsonl",
        concat!(
            "{\"id\": \"r1\", \"title\": \"First record\", \"text\": \"The dingo talks began.\", \"date\": \"26-FEB-1987 15:01:01.79\"}\n",
            "{not json\n",
            "{\"id\": \"r2\", \"headline\": \"Second record\", \"body\": \"The echidna talks ended.\", \"publisher\": {\"name\": \"Wire Two\"}}\n",
        ),
    );
    dir.create(
        "news/list.json",
        "[{\"title\": \"Json one\", \"content\": \"The flamingo vote passed.\"}, {\"title\": \"Json two\", \"articleBody\": \"The gazelle vote failed.\"}]",
    );
    dir.create(
        "news/table.csv",
        "title,body,date\n\"Csv one\",\"The hyena report,\nin two lines.\",2025-01-02\nCsv two,The ibis report.,2025-01-03\n",
    );
    dir.create("news/table.tsv", "title\tbody\nTsv one\tThe jackal memo.\n");
    dir.create(
        "news/page.html",
        "<html><head><title>Page title</title><meta property=\"og:site_name\" content=\"Html Times\">\
         <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"Html headline\",\"datePublished\":\"2025-03-15T08:00:00Z\"}</script></head>\
         <body><nav><a href=\"/\">Home</a> <a href=\"/world\">World</a></nav><article><h1>Html headline</h1>\
         <p>The kinkajou negotiations resumed on Monday after a week of delays, officials said in a statement.</p>\
         <p>Both delegations described the kinkajou talks as constructive and expect a deal soon.</p></article>\
         <footer>Copyright Html Times</footer></body></html>",
    );
    dir.create_bytes(
        "news/packed.txt.gz",
        &gzip(b"Gzip headline\nThe lemur pact held.\n"),
    );
    dir.create_bytes(
        "news/packed.jsonl.zst",
        &zstd::encode_all(
            &b"{\"title\": \"Zstd record\", \"text\": \"The manatee plan held.\"}\n"[..],
            3,
        )
        .unwrap(),
    );
    dir.create_bytes("news/junk.txt", b"\x00\x01\x02binary");
    dir.create("news/empty.md", "");
    dir.create("news/.hidden.txt", "Hidden\nThe narwhal is hidden.\n");
    dir.create("news/.ignore", "ignored.txt\n");
    dir.create("news/ignored.txt", "Ignored\nThe ocelot is ignored.\n");
    dir.create("news/notes.docx", "not a format dossier reads");
    dir
}

#[test]
fn every_format_then_incremental_changes() {
    let dir = tree();
    let first = summary(&dir, &["news"]);
    // plain, md, toml, 2 jsonl, 2 json, 2 csv, 1 tsv, html, gz, zst
    assert_eq!(first["articles"], 13, "{first}");
    assert_eq!(first["skipped"]["binary"], 1, "{first}");
    assert_eq!(first["skipped"]["empty"], 1, "{first}");
    assert_eq!(first["skipped"]["bad record"], 1, "{first}");

    for (word, path) in [
        ("aardvark", "news/plain.txt"),
        ("bonobo", "news/front.md"),
        ("capybara", "news/toml.txt"),
        ("dingo", "news/feed.jsonl:1"),
        ("echidna", "news/feed.jsonl:3"),
        ("hyena", "news/table.csv:2"),
        ("jackal", "news/table.tsv:2"),
        ("kinkajou", "news/page.html"),
        ("lemur", "news/packed.txt.gz"),
        ("manatee", "news/packed.jsonl.zst:1"),
    ] {
        assert_eq!(paths(&dir, word), [path], "searching {word}");
    }
    assert_eq!(paths(&dir, "flamingo"), ["news/list.json#1"]);
    assert_eq!(paths(&dir, "gazelle"), ["news/list.json#2"]);
    assert!(
        paths(&dir, "narwhal").is_empty(),
        "hidden files are skipped"
    );
    assert!(
        paths(&dir, "ocelot").is_empty(),
        ".ignore'd files are skipped"
    );
    assert!(
        paths(&dir, "home").is_empty(),
        "HTML navigation is not article text"
    );

    let (hits, _) = dir.search_json(&["bonobo"]);
    assert_eq!(hits[0].title, "Markdown headline");
    assert_eq!(hits[0].date.as_deref(), Some("2025-03-13"));
    assert_eq!(hits[0].date_provenance, "metadata");
    assert_eq!(hits[0].source.as_deref(), Some("Example Wire"));
    assert!(
        !hits[0].text.contains("**"),
        "Markdown marks dropped: {}",
        hits[0].text
    );
    let shown = dir.expect(&["show", "--json", &hits[0].article_id], 0);
    let article: serde_json::Value = serde_json::from_str(shown.trim()).unwrap();
    assert_eq!(article["metadata"]["section"], "World");
    assert_eq!(article["metadata"]["author"], "Jane Doe");
    let (hits, _) = dir.search_json(&["dingo"]);
    assert_eq!(
        hits[0].date.as_deref(),
        Some("1987-02-26"),
        "Reuters-style date"
    );
    let (hits, _) = dir.search_json(&["echidna"]);
    assert_eq!(hits[0].source.as_deref(), Some("Wire Two"));
    let (hits, _) = dir.search_json(&["kinkajou"]);
    assert_eq!(hits[0].title, "Html headline");
    assert_eq!(hits[0].date.as_deref(), Some("2025-03-15"));
    assert_eq!(hits[0].source.as_deref(), Some("Html Times"));

    // Nothing changed: nothing is read again.
    let again = summary(&dir, &["news"]);
    assert_eq!(again["articles"], 0, "{again}");
    assert_eq!(again["unchanged"], first["added"], "{again}");

    // Modify, delete, add, append.
    std::thread::sleep(std::time::Duration::from_millis(20));
    dir.create(
        "news/plain.txt",
        "Plain headline\nThe quokka delegation left Geneva.\n",
    );
    std::fs::remove_file(dir.path().join("news/front.md")).unwrap();
    dir.create("news/new.txt", "New headline\nThe raccoon arrived.\n");
    let mut feed = std::fs::OpenOptions::new()
        .append(true)
        .open(dir.path().join("news/feed.jsonl"))
        .unwrap();
    feed.write_all(b"{\"id\": \"r3\", \"title\": \"Third\", \"text\": \"The stoat talks.\"}\n{\"id\": \"r4\", \"title\": \"Fourth\", \"text\": \"The tapir talks.\"}\n")
        .unwrap();
    drop(feed);
    let inc = summary(&dir, &["news"]);
    assert_eq!(inc["added"], 1, "{inc}");
    assert_eq!(inc["updated"], 2, "{inc}");
    assert_eq!(inc["removed"], 1, "{inc}");
    assert_eq!(
        inc["articles"], 4,
        "plain + new + 2 appended records: {inc}"
    );
    assert!(paths(&dir, "aardvark").is_empty(), "old content replaced");
    assert_eq!(paths(&dir, "quokka"), ["news/plain.txt"]);
    assert!(
        paths(&dir, "bonobo").is_empty(),
        "deleted file's article removed"
    );
    assert_eq!(paths(&dir, "raccoon"), ["news/new.txt"]);
    assert_eq!(paths(&dir, "tapir"), ["news/feed.jsonl:5"]);
    assert_eq!(
        paths(&dir, "dingo"),
        ["news/feed.jsonl:1"],
        "old records kept once"
    );
    let count = dir.expect(&["search", "-c", "*"], 0);
    assert!(count.trim().ends_with("in 15 articles"), "{count}");
}

#[test]
fn field_mapping_and_bad_mapping() {
    let dir = Dir::new();
    dir.create(
        "x/a.jsonl",
        "{\"headline_text\": \"Mapped\", \"story\": \"The wombat story.\"}\n",
    );
    let s = summary(
        &dir,
        &[
            "--field",
            "body=story",
            "--field",
            "title=headline_text",
            "x",
        ],
    );
    assert_eq!(s["articles"], 1, "{s}");
    let (hits, _) = dir.search_json(&["wombat"]);
    assert_eq!(hits[0].title, "Mapped");
    let out = dir.run(&["index", "--field", "nonsense", "x"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("--field"), "{}", stderr(&out));
}

#[test]
fn standard_input_is_an_article_source() {
    let dir = Dir::new();
    for _ in 0..2 {
        let mut child = dir
            .command(&["index", "-"])
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        child
            .stdin
            .take()
            .unwrap()
            .write_all(b"Piped headline\nThe yak arrived by pipe.\n")
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    }
    let (hits, _) = dir.search_json(&["yak"]);
    assert_eq!(hits.len(), 1, "same input twice is one article");
    assert_eq!(hits[0].path, "-");
}

#[test]
fn oversized_and_corrupt_inputs_are_skipped() {
    let dir = Dir::new();
    dir.create_bytes("y/broken.txt.gz", b"\x1f\x8b not really gzip");
    let big = format!("Big\n{}", "word ".repeat(4 * 1024 * 1024));
    dir.create("y/big.txt", &big);
    dir.create("y/ok.txt", "Fine\nThe zebra is fine.\n");
    let s = summary(&dir, &["y"]);
    assert_eq!(s["articles"], 1, "{s}");
    assert_eq!(s["skipped"]["corrupt"], 1, "{s}");
    assert_eq!(s["skipped"]["too large"], 1, "{s}");
}

#[test]
fn symlink_loops_and_utf16_files() {
    let dir = Dir::new();
    dir.create("z/ok.txt", "Fine\nThe quetzal is fine.\n");
    let mut utf16 = vec![0xFF, 0xFE];
    for unit in "Wide\nThe xerus speaks UTF-16.\n".encode_utf16() {
        utf16.extend_from_slice(&unit.to_le_bytes());
    }
    dir.create_bytes("z/wide.txt", &utf16);
    std::os::unix::fs::symlink(dir.path().join("z"), dir.path().join("z/loop")).unwrap();
    let out = dir.run(&["index", "z"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let (hits, _) = dir.search_json(&["quetzal"]);
    assert_eq!(hits.len(), 1, "each file once despite the loop");
    let (hits, _) = dir.search_json(&["xerus"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].title, "Wide");
}

#[test]
fn show_finds_records_by_absolute_path() {
    let dir = Dir::new();
    dir.create(
        "w/feed.jsonl",
        "{\"url\": \"https://example.org/1\", \"title\": \"One\", \"text\": \"The first story.\"}\n{\"title\": \"Two\", \"text\": \"The second story.\"}\n",
    );
    dir.create(
        "w/page.md",
        "---\ntitle: Page\nurl: https://example.org/p\n---\nThe page story.\n",
    );
    dir.expect(&["index", "w"], 0);
    let abs = dir.path().join("w");
    let shown = dir.expect(
        &["show", "--json", &format!("{}/feed.jsonl:2", abs.display())],
        0,
    );
    assert!(shown.contains("\"title\":\"Two\""), "{shown}");
    let shown = dir.expect(
        &["show", "--json", &format!("{}/page.md", abs.display())],
        0,
    );
    assert!(shown.contains("\"title\":\"Page\""), "{shown}");
}
