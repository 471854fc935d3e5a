//! Boilerplate removal measured against hand labels: every non-empty line of the bundled
//! articles (`corpus/*.txt`) is labelled in `tests/fixtures/boilerplate/<name>.labels` as
//! `A<TAB>line` (article text: must survive cleaning) or `B<TAB>line` (site boilerplate: must
//! be dropped); lines starting with `#` are comments. Each article goes through the path the
//! indexer uses (`ingest::read_file`, then `extract::extract`), and each labelled line is looked
//! up among the lines of the resulting title and body.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use dossier::extract::{extract, ExtractOptions};
use dossier::ingest::{read_bytes, read_file, FieldMap, FolderMeta};

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The bundled articles, sorted by name.
fn corpus_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root().join("corpus"))
        .expect("corpus folder")
        .map(|e| e.expect("corpus entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    files.sort();
    files
}

/// (label, line) pairs of a fixture, comments skipped.
fn labels(path: &Path) -> Vec<(char, String)> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let (label, line) = l
                .split_once('\t')
                .unwrap_or_else(|| panic!("{}: no tab in {l:?}", path.display()));
            assert!(
                label == "A" || label == "B",
                "{}: label {label:?} is neither A nor B",
                path.display()
            );
            (label.chars().next().unwrap_or('A'), line.to_string())
        })
        .collect()
}

/// The title and body lines the indexer keeps for a file.
fn kept_lines(path: &Path) -> HashSet<String> {
    let bytes = read_bytes(path).expect("readable article");
    let read = read_file(path, path, bytes, &FieldMap::default(), None).expect("an article");
    assert_eq!(read.articles.len(), 1, "{}", path.display());
    let extracted = extract(
        &read.articles[0],
        &ExtractOptions::default(),
        &FolderMeta::default(),
    );
    extracted
        .title
        .lines()
        .chain(extracted.body.lines())
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

#[test]
fn every_labelled_line_is_kept_or_dropped_as_labelled() {
    let files = corpus_files();
    assert!(files.len() >= 5, "the bundled corpus has five articles");
    let mut failures = Vec::new();
    let mut checked = 0;
    for file in &files {
        let name = file.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let fixture = root()
            .join("tests/fixtures/boilerplate")
            .join(format!("{name}.labels"));
        let labelled = labels(&fixture);

        // The fixture covers the article exactly: same non-empty lines, same order.
        let raw = std::fs::read_to_string(file).expect("utf-8 article");
        let raw_lines: Vec<&str> = raw
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty())
            .collect();
        let fixture_lines: Vec<&str> = labelled.iter().map(|(_, l)| l.as_str()).collect();
        assert_eq!(
            fixture_lines,
            raw_lines,
            "{} does not match {}",
            fixture.display(),
            file.display()
        );

        let kept = kept_lines(file);
        for (i, (label, line)) in labelled.iter().enumerate() {
            checked += 1;
            let survived = kept.contains(line.trim());
            let wrong = match label {
                'A' => (!survived).then_some("article line dropped"),
                _ => survived.then_some("boilerplate line kept"),
            };
            if let Some(what) = wrong {
                failures.push(format!("{name} line {}: {what}: {label}\t{line}", i + 1));
            }
        }
    }
    assert!(checked > 0);
    assert!(
        failures.is_empty(),
        "{} of {checked} labelled lines wrong (line = n-th non-empty line):\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn fixtures_label_both_kinds() {
    // The labels are not all one kind, so the test above checks both directions.
    let dir = root().join("tests/fixtures/boilerplate");
    let all: Vec<(char, String)> = corpus_files()
        .iter()
        .filter_map(|f| f.file_stem().and_then(|s| s.to_str()).map(String::from))
        .flat_map(|name| labels(&dir.join(format!("{name}.labels"))))
        .collect();
    assert!(all.iter().any(|(l, _)| *l == 'A'));
    assert!(all.iter().any(|(l, _)| *l == 'B'));
}
