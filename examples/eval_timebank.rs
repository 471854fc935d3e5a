//! Measures publication dates (`dossier::extract::dates::publication_date`) and date mentions
//! (`dossier::extract::mentions::date_mentions`) against TimeBank (TempEval-3) as JSON Lines:
//! one document a line with `docid`, `dct` (creation time, "YYYY-MM-DD..."), `text` and
//! `timex3` (a list of `{start, end, type, value, text}`, offsets in characters of `text`).
//!
//! ```text
//! cargo run --release --example eval_timebank -- ../shared/data/tempeval3/timebank.jsonl [--errors]
//! ```
//!
//! (a) Publication date from the text and the docid only (the docid stands for the path; the
//!     gold creation date is not given). A document counts as *recoverable* when its docid holds
//!     the creation date as YYYYMMDD or YYMMDD digits, or one of the first 5 non-empty lines of
//!     its text states it as a full date. Precision = correct / predicted; recall over all
//!     documents and over the recoverable ones.
//! (b) Date mentions with the gold creation date as anchor, against the gold TIMEX3 of type
//!     DATE. A prediction and a gold expression *match* when their spans overlap (each used
//!     once, in text order). Span F1 counts matches; value F1 counts matches whose values are
//!     equal; exact F1 also asks for identical spans and values. Predictions that overlap a gold
//!     TIME, DURATION or SET expression count as false positives (also shown apart). The value
//!     F1 is also given for calendar dates alone, without the vague references (PRESENT_REF,
//!     PAST_REF, FUTURE_REF) on either side.
//! (c) Throughput of `date_mentions` (with an anchor) plus `publication_date`, in MB/s of text
//!     on one core.
//!
//! `--errors` prints every mismatch of (a) and (b).

use std::process::ExitCode;
use std::time::Instant;

use dossier::extract::dates::{find_dates, publication_date};
use dossier::extract::mentions::{date_mentions, MentionKind};
use serde::Deserialize;
use time::Date;

#[derive(Deserialize)]
struct Timex {
    start: usize,
    end: usize,
    #[serde(rename = "type")]
    kind: String,
    value: String,
}

#[derive(Deserialize)]
struct Doc {
    docid: String,
    dct: String,
    text: String,
    timex3: Vec<Timex>,
}

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!(
            "usage: cargo run --release --example eval_timebank -- TIMEBANK.jsonl [--errors]"
        );
        return ExitCode::from(2);
    };
    let errors = args.any(|a| a == "--errors");
    match run(&path, errors) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("eval_timebank: {message}");
            ExitCode::from(2)
        }
    }
}

fn parse_day(s: &str) -> Option<Date> {
    let (f, l) = dossier::extract::dates::parse_plain_date_range(s.get(..10)?)?;
    (f == l).then_some(f)
}

/// Byte offset of each character offset of `s` (plus the end).
fn char_to_byte(s: &str) -> Vec<usize> {
    let mut v: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
    v.push(s.len());
    v
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn recoverable(doc: &Doc, dct: Date) -> bool {
    let ymd = format!(
        "{:04}{:02}{:02}",
        dct.year(),
        u8::from(dct.month()),
        dct.day()
    );
    if doc.docid.contains(&ymd) || doc.docid.contains(&ymd[2..]) {
        return true;
    }
    doc.text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .take(5)
        .any(|l| find_dates(l).iter().any(|m| m.date() == Some(dct)))
}

fn run(path: &str, errors: bool) -> Result<(), String> {
    let raw = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in raw.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let d: Doc = serde_json::from_str(line).map_err(|e| format!("line {}: {e}", n + 1))?;
        docs.push(d);
    }

    // (a) Publication date.
    let (mut rec, mut pred, mut correct, mut correct_rec) = (0, 0, 0, 0);
    let mut by_prov = std::collections::BTreeMap::<&str, (usize, usize)>::new();
    for d in &docs {
        let Some(dct) = parse_day(&d.dct) else {
            continue;
        };
        let is_rec = recoverable(d, dct);
        rec += usize::from(is_rec);
        let p = publication_date("", &d.text, &d.docid, None);
        if let Some(got) = p.date {
            pred += 1;
            let e = by_prov.entry(p.provenance.as_str()).or_default();
            e.0 += 1;
            if got == dct {
                correct += 1;
                correct_rec += usize::from(is_rec);
                e.1 += 1;
            } else if errors {
                println!(
                    "PUB  {} gold {dct} got {got} ({} {:?})",
                    d.docid,
                    p.provenance.as_str(),
                    p.evidence
                );
            }
        } else if errors && is_rec {
            println!("PUB  {} gold {dct} missed", d.docid);
        }
    }
    println!(
        "(a) publication date from text + docid ({} documents)",
        docs.len()
    );
    println!("    recoverable (docid holds the date, or a full date in the first 5 lines equals it): {rec}");
    println!("    predicted {pred}, correct {correct}");
    for (prov, (n, ok)) in &by_prov {
        println!("      from {prov}: {n} predicted, {ok} correct");
    }
    println!(
        "    precision {:.3}  recall(all) {:.3}  recall(recoverable) {:.3}",
        ratio(correct, pred),
        ratio(correct, docs.len()),
        ratio(correct_rec, rec)
    );

    // (b) Date mentions against gold DATE expressions.
    let (mut n_gold, mut n_pred, mut span_tp, mut val_tp, mut exact_tp, mut other_type) =
        (0, 0, 0, 0, 0, 0);
    let mut by_kind = std::collections::BTreeMap::<String, (usize, usize)>::new();
    // Calendar dates only: vague references (*_REF) left out on both sides.
    let (mut cal_gold, mut cal_pred, mut cal_tp) = (0, 0, 0);
    for d in &docs {
        let Some(dct) = parse_day(&d.dct) else {
            continue;
        };
        let c2b = char_to_byte(&d.text);
        let bytes = |c: usize| c2b.get(c).copied().unwrap_or(d.text.len());
        let gold: Vec<(usize, usize, &str)> = d
            .timex3
            .iter()
            .filter(|t| t.kind == "DATE")
            .map(|t| (bytes(t.start), bytes(t.end), t.value.as_str()))
            .collect();
        let others: Vec<(usize, usize)> = d
            .timex3
            .iter()
            .filter(|t| t.kind != "DATE")
            .map(|t| (bytes(t.start), bytes(t.end)))
            .collect();
        let preds = date_mentions(&d.text, Some(dct));
        n_gold += gold.len();
        n_pred += preds.len();
        cal_gold += gold.iter().filter(|g| !g.2.ends_with("_REF")).count();
        cal_pred += preds
            .iter()
            .filter(|p| p.kind != MentionKind::Reference)
            .count();
        let mut used = vec![false; gold.len()];
        for p in &preds {
            let kind = match p.kind {
                MentionKind::Absolute => "absolute",
                MentionKind::Relative => "relative",
                MentionKind::Reference => "reference",
            };
            let e = by_kind.entry(kind.to_string()).or_default();
            e.0 += 1;
            let hit = gold
                .iter()
                .enumerate()
                .find(|(k, g)| !used[*k] && g.0 < p.end && p.start < g.1);
            match hit {
                Some((k, g)) => {
                    used[k] = true;
                    span_tp += 1;
                    if g.2 == p.value {
                        val_tp += 1;
                        cal_tp += usize::from(p.kind != MentionKind::Reference);
                        e.1 += 1;
                        if g.0 == p.start && g.1 == p.end {
                            exact_tp += 1;
                        }
                    } else if errors {
                        println!(
                            "VAL  {} {dct} {:?} got {} gold {} ({:?})",
                            d.docid,
                            p.text,
                            p.value,
                            g.2,
                            &d.text[g.0..g.1]
                        );
                    }
                }
                None => {
                    let other = others.iter().any(|o| o.0 < p.end && p.start < o.1);
                    other_type += usize::from(other);
                    if errors {
                        let ctx_from = floor(&d.text, p.start.saturating_sub(40));
                        let ctx_to = ceil(&d.text, (p.end + 30).min(d.text.len()));
                        println!(
                            "FP   {} {dct} {:?} -> {} {}| {}",
                            d.docid,
                            p.text,
                            p.value,
                            if other { "(other timex) " } else { "" },
                            d.text[ctx_from..ctx_to].replace('\n', " ")
                        );
                    }
                }
            }
        }
        if errors {
            for (k, g) in gold.iter().enumerate() {
                if !used[k] {
                    let ctx_from = floor(&d.text, g.0.saturating_sub(40));
                    let ctx_to = ceil(&d.text, (g.1 + 30).min(d.text.len()));
                    println!(
                        "FN   {} {dct} {:?} gold {} | {}",
                        d.docid,
                        &d.text[g.0..g.1],
                        g.2,
                        d.text[ctx_from..ctx_to].replace('\n', " ")
                    );
                }
            }
        }
    }
    let report = |name: &str, tp: usize| {
        let p = ratio(tp, n_pred);
        let r = ratio(tp, n_gold);
        println!(
            "    {name:<6} P {:.3}  R {:.3}  F1 {:.3}  ({tp} matched)",
            p,
            r,
            f1(p, r)
        );
    };
    println!("(b) DATE mentions with the gold creation date as anchor");
    println!(
        "    gold DATE {n_gold}, predicted {n_pred} ({other_type} unmatched ones overlap a gold TIME/DURATION/SET)"
    );
    for (k, (n, ok)) in &by_kind {
        println!("      {k}: {n} predicted, {ok} with the right value");
    }
    report("span", span_tp);
    report("value", val_tp);
    report("exact", exact_tp);
    let (cp, cr) = (ratio(cal_tp, cal_pred), ratio(cal_tp, cal_gold));
    println!(
        "    calendar dates only (no *_REF on either side, {cal_gold} gold, {cal_pred} predicted): value P {cp:.3}  R {cr:.3}  F1 {:.3}",
        f1(cp, cr)
    );

    // (c) Throughput: wall-clock best of several rounds, and the process's CPU time over all
    // rounds (less sensitive to other processes sharing the machine).
    let total: usize = docs.iter().map(|d| d.text.len()).sum();
    let anchors: Vec<Option<Date>> = docs.iter().map(|d| parse_day(&d.dct)).collect();
    let rounds = 300;
    let mut sink = 0usize;
    let (mut best_both, mut best_m) = (f64::MAX, f64::MAX);
    let (mut cpu_both, mut cpu_m) = (0.0, 0.0);
    for _ in 0..rounds {
        let c0 = cpu_secs();
        let t0 = Instant::now();
        for (d, a) in docs.iter().zip(&anchors) {
            sink += date_mentions(&d.text, *a).len();
            sink += usize::from(publication_date("", &d.text, &d.docid, None).date.is_some());
        }
        best_both = best_both.min(t0.elapsed().as_secs_f64());
        let c1 = cpu_secs();
        let t1 = Instant::now();
        for (d, a) in docs.iter().zip(&anchors) {
            sink += date_mentions(&d.text, *a).len();
        }
        best_m = best_m.min(t1.elapsed().as_secs_f64());
        let c2 = cpu_secs();
        cpu_both += c1 - c0;
        cpu_m += c2 - c1;
    }
    let mb = total as f64 / 1e6;
    println!(
        "(c) throughput on one core, {rounds} rounds over the {total} bytes of text  [{sink}]"
    );
    println!(
        "    date_mentions + publication_date: {:.0} MB/s (best round, wall clock), {:.0} MB/s (CPU time)",
        mb / best_both,
        mb * rounds as f64 / cpu_both.max(1e-9)
    );
    println!(
        "    date_mentions alone:              {:.0} MB/s (best round, wall clock), {:.0} MB/s (CPU time)",
        mb / best_m,
        mb * rounds as f64 / cpu_m.max(1e-9)
    );
    Ok(())
}

/// User + system CPU time of this process in seconds, from /proc/self/stat (0 elsewhere).
/// Clock ticks are taken as 1/100 s, Linux's USER_HZ.
fn cpu_secs() -> f64 {
    let Ok(stat) = std::fs::read_to_string("/proc/self/stat") else {
        return 0.0;
    };
    // Fields after the command name (which is in parentheses and may hold spaces).
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let f: Vec<&str> = rest.split_whitespace().collect();
    let tick = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok()).unwrap_or(0.0);
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    (tick(11) + tick(12)) / 100.0
}

fn floor(s: &str, mut i: usize) -> usize {
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil(s: &str, mut i: usize) -> usize {
    while i < s.len() && !s.is_char_boundary(i) {
        i += 1;
    }
    i
}
