//! Date, entity and source filters, as flags and in the query syntax.

mod util;

use util::Dir;

fn dated_corpus() -> Dir {
    let dir = Dir::new();
    dir.create(
        "wire/a.txt",
        "Envoy lands in Moscow\nMarch 11, 2025\nMOSCOW, March 11 (Reuters) - The envoy landed in Moscow for ceasefire talks.\n",
    );
    dir.create(
        "wire/b.txt",
        "Talks continue\nMarch 14, 2025\nThe ceasefire talks continued in Moscow on Friday.\n",
    );
    dir.create(
        "wire/c.txt",
        "Talks end\nApril 2, 2025\nThe ceasefire talks ended without a deal.\n",
    );
    dir.create(
        "wire/d.txt",
        "Undated\nThe ceasefire talks have no date in this text.\n",
    );
    dir.expect(&["index", "wire"], 0);
    dir
}

fn paths(dir: &Dir, args: &[&str]) -> Vec<String> {
    let (hits, _) = dir.search_json(args);
    let mut paths: Vec<String> = hits.into_iter().map(|h| h.path).collect();
    paths.sort();
    paths.dedup();
    paths
}

#[test]
fn since_and_until_flags() {
    let dir = dated_corpus();
    assert_eq!(
        paths(&dir, &["--since", "2025-03-12", "ceasefire"]),
        ["wire/b.txt", "wire/c.txt"]
    );
    assert_eq!(
        paths(
            &dir,
            &["--since", "2025-03", "--until", "2025-03", "ceasefire"]
        ),
        ["wire/a.txt", "wire/b.txt"]
    );
    assert_eq!(
        paths(&dir, &["--until", "2025-03-11", "ceasefire"]),
        ["wire/a.txt"]
    );
    assert_eq!(
        paths(&dir, &["--since", "2025", "ceasefire"]).len(),
        3,
        "undated left out"
    );
    let out = dir.run(&["search", "--since", "March", "ceasefire"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(util::stderr(&out).contains("YYYY-MM-DD"));
}

#[test]
fn date_field_in_the_query() {
    let dir = dated_corpus();
    assert_eq!(paths(&dir, &["ceasefire date:2025-03-14"]), ["wire/b.txt"]);
    assert_eq!(
        paths(&dir, &["ceasefire AND date:[2025-03-11 TO 2025-03-16]"]),
        ["wire/a.txt", "wire/b.txt"]
    );
    assert_eq!(paths(&dir, &["date:2025-04"]), ["wire/c.txt"]);
    let (hits, _) = dir.search_json(&["ceasefire"]);
    let a = hits.iter().find(|h| h.path == "wire/a.txt").unwrap();
    assert_eq!(a.date.as_deref(), Some("2025-03-11"));
    assert_eq!(a.date_provenance, "text");
    let d = hits.iter().find(|h| h.path == "wire/d.txt").unwrap();
    assert_eq!(d.date, None);
    assert_eq!(d.date_provenance, "unknown");
}

#[test]
fn year_flag_and_folder_file_resolve_yearless_dates() {
    let dir = Dir::new();
    let text = "Envoy visits\nOn March 13, the envoy visited Moscow for talks.\n";
    dir.create("a/x.txt", text);
    dir.expect(&["index", "a"], 0);
    let (hits, _) = dir.search_json(&["envoy"]);
    assert_eq!(hits[0].date, None, "no year, no date");
    dir.expect(&["index", "--year", "2025", "a"], 0);
    let (hits, _) = dir.search_json(&["envoy"]);
    assert_eq!(hits[0].date.as_deref(), Some("2025-03-13"));
    dir.create("b/x.txt", text);
    dir.create("b/dossier.toml", "year = 2024\nsource = \"Wire Service\"\n");
    dir.expect(&["index", "b"], 0);
    let (hits, _) = dir.search_json(&["--source", "wire service", "envoy"]);
    assert_eq!(hits.len(), 1);
    assert_eq!(hits[0].date.as_deref(), Some("2024-03-13"));
    assert_eq!(hits[0].source_provenance, "metadata");
}

#[test]
fn source_from_text_and_folder() {
    let dir = dated_corpus();
    let (hits, _) = dir.search_json(&["landed"]);
    assert_eq!(hits[0].source.as_deref(), Some("Reuters"));
    assert_eq!(hits[0].source_provenance, "text");
    assert_eq!(
        paths(&dir, &["--source", "REUTERS", "talks"]),
        ["wire/a.txt"]
    );
    assert_eq!(paths(&dir, &["source:reuters talks"]), ["wire/a.txt"]);
    let (hits, _) = dir.search_json(&["ended"]);
    assert_eq!(hits[0].source.as_deref(), Some("wire"));
    assert_eq!(hits[0].source_provenance, "folder");
}

#[test]
fn entity_filter_on_the_bundled_corpus() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index"], 0);
    let with_kursk = paths(&dir, &["-n", "100", "--entity", "kursk", "putin"]);
    assert!(!with_kursk.is_empty());
    let all = paths(&dir, &["-n", "100", "putin"]);
    assert!(with_kursk.len() < all.len(), "{with_kursk:?} vs {all:?}");
    let both = paths(
        &dir,
        &[
            "-n",
            "100",
            "--entity",
            "Vladimir Putin",
            "--entity",
            "KURSK",
            "ceasefire",
        ],
    );
    assert_eq!(both, with_kursk);
    assert_eq!(
        paths(&dir, &["-n", "100", "entity:kursk AND putin"]),
        with_kursk
    );
}

#[test]
fn bundled_corpus_entities_have_canonical_names_and_types() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index"], 0);
    let mut found = std::collections::BTreeSet::new();
    for entry in std::fs::read_dir(dir.path().join("corpus")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let out = dir.expect(&["show", "--json", path.to_str().unwrap()], 0);
            let article: serde_json::Value = serde_json::from_str(out.trim()).unwrap();
            for e in article["entities"].as_array().unwrap() {
                found.insert((
                    e["kind"].as_str().unwrap().to_string(),
                    e["name"].as_str().unwrap().to_string(),
                ));
            }
        }
    }
    let expected = [
        ("person", "Vladimir Putin"),
        ("person", "Donald Trump"),
        ("person", "Steve Witkoff"),
        ("person", "Volodymyr Zelensky"),
        ("person", "Marco Rubio"),
        ("person", "Sergei Lavrov"),
        ("place", "Russia"),
        ("place", "Ukraine"),
        ("place", "Moscow"),
        ("place", "Kursk"),
        ("place", "Saudi Arabia"),
        ("organization", "CNN"),
        ("organization", "NATO"),
        ("organization", "Reuters"),
    ];
    for (kind, name) in expected {
        assert!(
            found.contains(&(kind.to_string(), name.to_string())),
            "missing {kind} {name}; found {found:?}"
        );
    }
    // Alias search: the surname alone finds the articles of the full name.
    let (hits, _) = dir.search_json(&["--entity", "putin", "-n", "100", "ceasefire"]);
    let (full, _) = dir.search_json(&["--entity", "vladimir putin", "-n", "100", "ceasefire"]);
    assert_eq!(hits.len(), full.len());
}

#[test]
fn date_filters_say_how_many_undated_articles_they_left_out() {
    let dir = dated_corpus();
    let (_, summary) = dir.search_json(&["--since", "2025", "ceasefire"]);
    assert_eq!(summary.undated_articles, Some(1), "wire/d.txt has no date");
    let out = dir.run(&["search", "--since", "2025", "ceasefire"]);
    assert!(
        util::stderr(&out).contains("1 matching article with no known date left out"),
        "{}",
        util::stderr(&out)
    );
    // Without a date filter nothing is left out, and nothing is said.
    let (_, summary) = dir.search_json(&["ceasefire"]);
    assert_eq!(summary.undated_articles, None);
}

#[test]
fn mentions_field_finds_passages_naming_a_date() {
    let dir = dated_corpus();
    // wire/a.txt's body names March 11 (2025, from its date line).
    let (hits, _) = dir.search_json(&["mentions:2025-03-11"]);
    assert!(hits.iter().any(|h| h.path == "wire/a.txt"), "{hits:?}");
    assert!(hits.iter().all(|h| h.path == "wire/a.txt"), "{hits:?}");
    let out = dir.run(&["search", "mentions:March"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        util::stderr(&out).contains("mentions:"),
        "{}",
        util::stderr(&out)
    );
}

#[test]
fn entity_filter_merges_spellings_across_articles_but_not_different_people() {
    let dir = Dir::new();
    dir.create(
        "news/a.txt",
        "Envoy in Moscow\nSteve Witkoff met Vladimir Putin in Moscow. Witkoff said talks went well.\n",
    );
    dir.create(
        "news/b.txt",
        "Envoy returns\nSteven Whitkoff returned to Washington after the talks. Whitkoff was upbeat.\n",
    );
    dir.create(
        "news/c.txt",
        "Council vote\nMark Johnson voted against the budget. Johnson spoke for an hour.\n",
    );
    dir.create(
        "news/d.txt",
        "Council vote\nMark Johnston voted for the budget. Johnston spoke briefly.\n",
    );
    dir.expect(&["index", "news"], 0);
    assert_eq!(
        paths(&dir, &["--entity", "Steve Witkoff"]),
        ["news/a.txt", "news/b.txt"]
    );
    assert_eq!(
        paths(&dir, &["--entity", "Whitkoff"]),
        ["news/a.txt", "news/b.txt"]
    );
    assert_eq!(paths(&dir, &["--entity", "Mark Johnson"]), ["news/c.txt"]);
    assert_eq!(paths(&dir, &["--entity", "Johnston"]), ["news/d.txt"]);
    // --exact keeps the spelling asked for.
    assert_eq!(
        paths(&dir, &["--exact", "--entity", "Whitkoff"]),
        ["news/b.txt"]
    );
}

#[test]
fn cited_outlets_are_searchable_on_the_bundled_corpus() {
    let dir = Dir::with_bundled_corpus();
    dir.expect(&["index"], 0);
    let cnn = paths(&dir, &["-n", "100", "--cites", "cnn"]);
    assert_eq!(cnn.len(), 3, "{cnn:?}");
    assert!(cnn.iter().all(|p| !p.contains("000_")), "{cnn:?}");
    let shown = dir.expect(&["show", "--json", &cnn[0]], 0);
    let article: serde_json::Value = serde_json::from_str(shown.trim()).unwrap();
    assert!(
        article["cites"]
            .as_array()
            .unwrap()
            .iter()
            .any(|c| c == "CNN"),
        "{shown}"
    );
    assert_eq!(paths(&dir, &["-n", "100", "cites:\"caliber.az\""]).len(), 1);
}

#[test]
fn source_from_a_url_field() {
    let dir = Dir::new();
    dir.create(
        "feed.jsonl",
        "{\"title\":\"Talks\",\"url\":\"https://edition.cnn.com/2025/03/13/europe/talks\",\"body\":\"The ceasefire talks went on.\"}\n",
    );
    dir.expect(&["index", "feed.jsonl"], 0);
    let (hits, _) = dir.search_json(&["ceasefire"]);
    assert_eq!(hits[0].source.as_deref(), Some("CNN"));
    assert_eq!(hits[0].source_provenance, "metadata");
}

#[test]
fn folder_time_zone_dates_metadata_timestamps() {
    let dir = Dir::new();
    let record = "{\"title\":\"Late talks\",\"date\":\"2025-03-13T23:30:00Z\",\"body\":\"The ceasefire talks ran late.\"}\n";
    dir.create("kyiv/feed.jsonl", record);
    dir.create("kyiv/dossier.toml", "time_zone = \"+02:00\"\n");
    dir.create("utc/feed.jsonl", record);
    dir.expect(&["index", "kyiv", "utc"], 0);
    let (hits, _) = dir.search_json(&["-n", "10", "ceasefire"]);
    let date_of = |folder: &str| {
        hits.iter()
            .find(|h| h.path.starts_with(folder))
            .and_then(|h| h.date.clone())
    };
    assert_eq!(date_of("kyiv/").as_deref(), Some("2025-03-14"));
    assert_eq!(date_of("utc/").as_deref(), Some("2025-03-13"));
    // A zone name is refused with a message naming the file.
    dir.create("kyiv/dossier.toml", "time_zone = \"Europe/Kyiv\"\n");
    let out = dir.run(&["index", "kyiv"]);
    assert!(
        util::stderr(&out).contains("not a UTC offset"),
        "{}",
        util::stderr(&out)
    );
}

/// Entity names are indexed once per article and select its passages (the documents
/// that follow it): that must hold across several indexing runs (segments, merges)
/// and after an article is re-indexed (its old documents deleted).
#[test]
fn entity_filter_selects_every_passage_of_the_articles_and_no_other() {
    let dir = Dir::new();
    let paragraphs = |name: &str, n: usize| -> String {
        (0..n)
            .map(|i| {
                format!(
                    "Paragraph {i} of this report says the harvest was late again this year. \
                     {name} spoke to farmers about the weather, prices and the long road to market. \
                     The farmers said the rain came too late for the wheat and too early for the hay.\n\n"
                )
            })
            .collect()
    };
    // Three runs: each adds a segment.
    for (run, names) in [
        ["Angela Merkel", "Olaf Scholz", "Angela Merkel"],
        ["Olaf Scholz", "Angela Merkel", "Olaf Scholz"],
        ["Angela Merkel", "Emmanuel Macron", "Olaf Scholz"],
    ]
    .iter()
    .enumerate()
    {
        for (i, name) in names.iter().enumerate() {
            let text = format!("Harvest report {run}-{i}\n{}", paragraphs(name, 3 + i * 4));
            dir.create(&format!("farm/r{run}/a{i}.txt"), &text);
        }
        dir.expect(&["index", "farm"], 0);
    }
    // Re-index one article with another person and more paragraphs: its old
    // documents are deleted, the new ones added after them.
    dir.create(
        "farm/r0/a1.txt",
        &format!("Harvest report 0-1\n{}", paragraphs("Emmanuel Macron", 9)),
    );
    dir.expect(&["index", "farm"], 0);

    let passages = |args: &[&str]| -> Vec<(String, u64)> {
        let mut all = vec!["-n", "1000"];
        all.extend_from_slice(args);
        let (hits, _) = dir.search_json(&all);
        let mut got: Vec<(String, u64)> = hits.into_iter().map(|h| (h.path, h.passage)).collect();
        got.sort();
        got
    };
    let every = passages(&["farmers"]);
    let of = |files: &[&str]| -> Vec<(String, u64)> {
        every
            .iter()
            .filter(|(p, _)| files.iter().any(|f| p.ends_with(f)))
            .cloned()
            .collect()
    };
    assert!(
        every.len() > 20,
        "every passage names the farmers: {every:?}"
    );
    assert_eq!(
        passages(&["--entity", "Emmanuel Macron", "farmers"]),
        of(&["r0/a1.txt", "r2/a1.txt"])
    );
    assert_eq!(
        passages(&["--entity", "scholz", "farmers"]),
        of(&["r1/a0.txt", "r1/a2.txt", "r2/a2.txt"])
    );
    assert_eq!(
        passages(&["entity:merkel AND farmers"]),
        of(&["r0/a0.txt", "r0/a2.txt", "r1/a1.txt", "r2/a0.txt"])
    );
    // With no words, every passage of those articles.
    assert_eq!(
        passages(&["--entity", "Emmanuel Macron", "*"]),
        of(&["r0/a1.txt", "r2/a1.txt"])
    );
}
