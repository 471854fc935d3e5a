//! Matching variants, highlight kinds, article rows, date order, fallbacks: every way the
//! news writes the same thing, on small fixtures.

mod util;

use dossier::output::json::HitRecord;
use util::{stderr, Dir};

fn corpus(files: &[(&str, &str)]) -> Dir {
    let dir = Dir::new();
    for (name, text) in files {
        dir.create(&format!("news/{name}"), text);
    }
    dir.expect(&["index", "news"], 0);
    dir
}

fn paths(hits: &[HitRecord]) -> Vec<String> {
    let mut p: Vec<String> = hits.iter().map(|h| h.path.clone()).collect();
    p.sort();
    p.dedup();
    p
}

fn marked(hits: &[HitRecord]) -> Vec<String> {
    let mut out: Vec<String> = hits
        .iter()
        .flat_map(|h| {
            h.highlights
                .iter()
                .map(|s| h.text[s.start..s.end].to_string())
        })
        .collect();
    out.sort();
    out
}

#[test]
fn numbers_written_as_words_match_digits() {
    let dir = corpus(&[
        (
            "a.txt",
            "A\nThe truce lasted twenty-four hours in the north.\n",
        ),
        ("b.txt", "B\nThe truce lasted 24 hours in the south.\n"),
        (
            "c.txt",
            "C\nThey agreed a five-year plan and two hundred observers.\n",
        ),
        ("d.txt", "D\nThey agreed a 5-year plan and 200 observers.\n"),
        ("e.txt", "E\nIt was one of the hardest weeks.\n"),
    ]);
    for query in [
        "\"24 hours\"",
        "\"twenty-four hours\"",
        "\"twenty four hours\"",
    ] {
        let (hits, _) = dir.search_json(&[query]);
        assert_eq!(paths(&hits), ["news/a.txt", "news/b.txt"], "{query}");
    }
    let (hits, _) = dir.search_json(&["\"24 hours\""]);
    assert_eq!(marked(&hits), ["24 hours", "twenty-four hours"]);
    let (hits, _) = dir.search_json(&["\"5-year plan\""]);
    assert_eq!(paths(&hits), ["news/c.txt", "news/d.txt"]);
    let (hits, _) = dir.search_json(&["\"200 observers\""]);
    assert_eq!(paths(&hits), ["news/c.txt", "news/d.txt"]);
    assert_eq!(marked(&hits), ["200 observers", "two hundred observers"]);
    let (hits, _) = dir.search_json(&["twenty four hours"]);
    assert_eq!(
        paths(&hits),
        ["news/a.txt", "news/b.txt"],
        "unquoted spaced number"
    );
    let (hits, _) = dir.search_json(&["\"one of the\""]);
    assert_eq!(
        paths(&hits),
        ["news/e.txt"],
        "ordinary words stay themselves"
    );
}

#[test]
fn compounds_find_each_other_and_mark_what_is_written() {
    let dir = corpus(&[
        ("a.txt", "A\nA cease-fire was agreed on Monday.\n"),
        ("b.txt", "B\nA cease fire was agreed on Tuesday.\n"),
        ("c.txt", "C\nA ceasefire was agreed on Wednesday.\n"),
        ("d.txt", "D\nSend an e-mail to the ministry.\n"),
        ("e.txt", "E\nSend an email to the embassy.\n"),
        ("f.txt", "F\nThe fire did not cease.\n"),
    ]);
    for query in [
        "ceasefire",
        "cease-fire",
        "\"cease fire\"",
        "\"ceasefire was agreed\"",
    ] {
        let (hits, summary) = dir.search_json(&[query]);
        assert_eq!(
            paths(&hits),
            ["news/a.txt", "news/b.txt", "news/c.txt"],
            "{query}: {:?}",
            summary.widened
        );
    }
    let (hits, summary) = dir.search_json(&["ceasefire"]);
    assert_eq!(marked(&hits), ["cease fire", "cease-fire", "ceasefire"]);
    assert!(!summary.widened.is_empty(), "widening is reported");
    let (hits, _) = dir.search_json(&["email"]);
    assert_eq!(paths(&hits), ["news/d.txt", "news/e.txt"]);
    let (hits, _) = dir.search_json(&["--exact", "ceasefire"]);
    assert_eq!(paths(&hits), ["news/c.txt"], "--exact turns widening off");
}

#[test]
fn name_variants_and_abbreviations() {
    let dir = corpus(&[
        ("a.txt", "A\nShelling was reported in Kiev overnight.\n"),
        ("b.txt", "B\nShelling was reported in Kyiv overnight.\n"),
        ("c.txt", "C\nColonel Gaddafi spoke in Tripoli.\n"),
        ("d.txt", "D\nColonel Qaddafi spoke in Sirte.\n"),
        ("e.txt", "E\nThe U.S. imposed sanctions.\n"),
        ("f.txt", "F\nThe United States imposed sanctions.\n"),
        ("g.txt", "G\nThey told us the sanctions would follow.\n"),
    ]);
    let (hits, summary) = dir.search_json(&["kyiv"]);
    assert_eq!(paths(&hits), ["news/a.txt", "news/b.txt"]);
    assert!(
        summary.widened.iter().any(|w| w.contains("kiev")),
        "{:?}",
        summary.widened
    );
    let (hits, _) = dir.search_json(&["Qaddafi"]);
    assert_eq!(paths(&hits), ["news/c.txt", "news/d.txt"]);
    assert_eq!(marked(&hits), ["Gaddafi", "Qaddafi"]);
    let (hits, _) = dir.search_json(&["US sanctions"]);
    assert_eq!(
        paths(&hits),
        ["news/e.txt", "news/f.txt"],
        "the pronoun us is not the US"
    );
    let (hits, _) = dir.search_json(&["us sanctions"]);
    assert_eq!(paths(&hits), ["news/g.txt"], "lowercase us is the pronoun");
    let (hits, _) = dir.search_json(&["\"United States\" sanctions"]);
    assert_eq!(paths(&hits), ["news/e.txt", "news/f.txt"]);
    let (hits, _) = dir.search_json(&["--exact", "kyiv"]);
    assert_eq!(paths(&hits), ["news/b.txt"]);
}

#[test]
fn fuzzy_prefix_and_slop_highlight_the_words_in_the_text() {
    let dir = corpus(&[
        (
            "a.txt",
            "A\nEnvoy Witkoff met Putin in Moscow after a long delay.\n",
        ),
        ("b.txt", "B\nEnvoy Whitkoff met officials.\n"),
    ]);
    let (hits, _) = dir.search_json(&["witkof~1"]);
    assert_eq!(marked(&hits), ["Witkoff"]);
    let (hits, _) = dir.search_json(&["witkof~2"]);
    assert_eq!(marked(&hits), ["Whitkoff", "Witkoff"]);
    let (hits, _) = dir.search_json(&["witk*"]);
    assert_eq!(marked(&hits), ["Witkoff"]);
    let (hits, _) = dir.search_json(&["\"witkoff moscow\"~3"]);
    assert_eq!(marked(&hits), ["Witkoff met Putin in Moscow"]);
}

#[test]
fn articles_mode_sort_by_date_and_any_fallback() {
    let dir = corpus(&[
        ("old.txt", "Old talks\nMarch 1, 2024\nTalks on the truce began.\n\nThe truce talks went on.\n\nTruce monitors arrived.\n"),
        ("new.txt", "New talks\nMarch 1, 2025\nTalks on the truce resumed.\n"),
        ("undated.txt", "Undated talks\nThe truce held.\n"),
    ]);
    let (hits, summary) = dir.search_json(&["--articles", "truce"]);
    assert_eq!(hits.len(), 3);
    assert_eq!(summary.total_articles, Some(3));
    assert_eq!(paths(&hits).len(), 3, "one row per article");
    let old = hits.iter().find(|h| h.path == "news/old.txt").unwrap();
    assert_eq!(old.matched_passages, Some(3));
    let (hits, _) = dir.search_json(&["--sort", "date", "truce"]);
    let order: Vec<&str> = hits.iter().map(|h| h.path.as_str()).collect();
    assert_eq!(order.first(), Some(&"news/new.txt"));
    assert_eq!(
        order.last(),
        Some(&"news/undated.txt"),
        "unknown dates last"
    );
    let (hits, summary) = dir.search_json(&["truce", "zzyzx"]);
    assert!(summary.fell_back_to_any);
    assert!(!hits.is_empty());
    let (hits, summary) = dir.search_json(&["--any", "truce", "monitors"]);
    assert!(!summary.fell_back_to_any);
    assert_eq!(
        hits[0].path, "news/old.txt",
        "the passage with both words ranks first"
    );
    let (hits, summary) = dir.search_json(&["truse"]);
    assert!(hits.is_empty());
    assert_eq!(summary.suggestion.as_deref(), Some("truce"));
    let out = dir.run(&["search", "truse"]);
    assert!(
        stderr(&out).contains("did you mean \"truce\""),
        "{}",
        stderr(&out)
    );
}

#[test]
fn context_windows_and_article_ranges() {
    let long = "The delegation arrived early. Lunch was served at noon. \
                The truce was signed after lunch. Reporters waited outside. \
                Nobody commented on the weather.";
    let dir = corpus(&[("a.txt", &format!("A\n{long}\n"))]);
    let out = dir.expect(&["search", "--color", "never", "-C", "0", "truce"], 0);
    assert!(
        out.contains("… The [[truce]] was signed after lunch. …"),
        "{out}"
    );
    let full = dir.expect(&["search", "--color", "never", "--full", "truce"], 0);
    assert!(full.contains("Nobody commented on the weather."), "{full}");
    let (hits, _) = dir.search_json(&["truce"]);
    let shown = dir.expect(&["show", "--json", &hits[0].article_id], 0);
    let article: serde_json::Value = serde_json::from_str(shown.trim()).unwrap();
    let text = article["text"].as_str().unwrap();
    let span = &hits[0].article_highlights[0];
    assert_eq!(&text[span.start..span.end], "truce");
}

#[test]
fn words_close_together_rank_first() {
    let filler = "The officials also discussed many other matters at length that day. ".repeat(3);
    let dir = corpus(&[
        (
            "far.txt",
            &format!("Far\nThe prisoner was mentioned early. {filler} Later came the exchange.\n"),
        ),
        (
            "near.txt",
            &format!(
                "Near\nThe prisoner exchange was agreed early. {filler} Later came the end.\n"
            ),
        ),
    ]);
    let (hits, _) = dir.search_json(&["prisoner", "exchange"]);
    assert_eq!(hits[0].path, "news/near.txt");
}

#[test]
fn a_name_is_widened_to_the_other_forms_extraction_found() {
    let dir = corpus(&[(
        "a.txt",
        "Talks in Moscow\nRussian President Vladimir Putin met the envoy on Thursday.\n\nLater, Putin told reporters that the talks had gone well.\n",
    )]);
    let (hits, summary) = dir.search_json(&["Vladimir Putin"]);
    assert!(
        summary
            .widened
            .iter()
            .any(|w| w.contains("also matched putin")),
        "{:?}",
        summary.widened
    );
    assert!(!hits.is_empty());
}
