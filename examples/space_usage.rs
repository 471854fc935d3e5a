//! Where the bytes of an index go: each field's term dictionary, postings, positions,
//! fast columns and norms, and the document store, summed over the segments.
//!
//! ```text
//! cargo run --release --example space_usage -- INDEX_DIR [TEXT_BYTES]
//! ```
//!
//! With `TEXT_BYTES` (the article text the index was built from), each part is also
//! shown as a fraction of the text, the unit of the index-size target.

use std::collections::BTreeMap;
use std::io::Write;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next() else {
        eprintln!("usage: space_usage INDEX_DIR [TEXT_BYTES]");
        std::process::exit(2);
    };
    let text_bytes: Option<f64> = args.next().and_then(|a| a.parse().ok());
    let index = match tantivy::Index::open_in_dir(&dir) {
        Ok(index) => index,
        Err(e) => {
            eprintln!("space_usage: cannot open the index in {dir}: {e}");
            std::process::exit(2);
        }
    };
    let searcher = match index.reader() {
        Ok(reader) => reader.searcher(),
        Err(e) => {
            eprintln!("space_usage: cannot read the index in {dir}: {e}");
            std::process::exit(2);
        }
    };
    let usage = match searcher.space_usage() {
        Ok(usage) => usage,
        Err(e) => {
            eprintln!("space_usage: {e}");
            std::process::exit(2);
        }
    };
    // (part, field) -> bytes
    let mut parts: BTreeMap<(String, String), u64> = BTreeMap::new();
    let mut add = |part: &str, field: &str, bytes: u64| {
        *parts
            .entry((part.to_string(), field.to_string()))
            .or_default() += bytes;
    };
    for segment in usage.segments() {
        for (part, per_field) in [
            ("termdict", segment.termdict()),
            ("postings", segment.postings()),
            ("positions", segment.positions()),
            ("fast", segment.fast_fields()),
            ("fieldnorms", segment.fieldnorms()),
        ] {
            for field in per_field.fields() {
                add(part, field.field_name(), field.total().get_bytes());
            }
        }
        add("store", "(all)", segment.store().total().get_bytes());
        add("deletes", "(all)", segment.deletes().get_bytes());
    }
    let total = usage.total().get_bytes() as f64;
    // Output stops quietly when the reader goes away (`| head`).
    let mut out = std::io::stdout().lock();
    let mut rows: Vec<_> = parts.into_iter().filter(|(_, b)| *b > 0).collect();
    rows.sort_by_key(|row| std::cmp::Reverse(row.1));
    let _ = writeln!(
        out,
        "{} segments, {:.1} MB in all{}",
        usage.segments().len(),
        total / 1e6,
        text_bytes.map_or(String::new(), |t| format!(", {:.3}x the text", total / t))
    );
    let _ = writeln!(out, "| part | field | MB | share | x text |");
    let _ = writeln!(out, "|---|---|---|---|---|");
    for ((part, field), bytes) in rows {
        let b = bytes as f64;
        let written = writeln!(
            out,
            "| {part} | {field} | {:.2} | {:.1}% | {} |",
            b / 1e6,
            100.0 * b / total,
            text_bytes.map_or("-".to_string(), |t| format!("{:.3}", b / t))
        );
        if written.is_err() {
            return;
        }
    }
}
