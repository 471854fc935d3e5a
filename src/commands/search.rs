//! `dossier search`: resolve flags into a request, run it, print with the chosen printer,
//! exit 0 when something matched and 1 when nothing did.

use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use termcolor::{ColorChoice as TermColor, StandardStream};
use time::Date;

use super::{message, EXIT_FOUND, EXIT_NOT_FOUND};
use crate::cli::{SearchArgs, SortOrder};
use crate::error::{Error, Result};
use crate::extract::dates::parse_plain_date_range;
use crate::index::DossierIndex;
use crate::output::{human::HumanPrinter, json, use_color};
use crate::search::{Engine, Filters, Request, Results, Sort, Syntax};

/// Runs `dossier search`.
pub fn run(index_dir: &Path, args: &SearchArgs) -> Result<ExitCode> {
    let request = request(args)?;
    let index = DossierIndex::open(index_dir)?;
    let mut engine = Engine::new(&index)?;
    let found = if args.count || args.paths {
        let matches = engine.articles(&request)?;
        warn(&request.text, &matches.warnings);
        if matches.fell_back_to_any {
            message("no passage has all the words; counting passages with any of them");
        }
        let mut out = std::io::stdout().lock();
        if args.paths {
            for path in &matches.paths {
                writeln!(out, "{path}")?;
            }
        } else if args.json {
            let record = json::CountRecord {
                kind: "count".into(),
                query: request.text.clone(),
                parsed: matches.parsed.clone(),
                passages: matches.passages,
                articles: matches.articles,
            };
            json::write_line(&mut out, &record)?;
        } else {
            let plural = |n: usize, one: &'static str, many: &'static str| {
                if n == 1 {
                    one
                } else {
                    many
                }
            };
            writeln!(
                out,
                "{} {} in {} {}",
                matches.passages,
                plural(matches.passages, "passage", "passages"),
                matches.articles,
                plural(matches.articles, "article", "articles")
            )?;
        }
        out.flush()?;
        matches.passages > 0
    } else {
        let results = engine.search(&request)?;
        warn(&request.text, &results.warnings);
        notes(&results);
        if args.json {
            let mut out = std::io::stdout().lock();
            json::print_results(&mut out, &request.text, &results, request.offset)?;
        } else {
            let choice = if use_color(args.color) {
                TermColor::Always
            } else {
                TermColor::Never
            };
            let context = if args.full { None } else { Some(args.context) };
            HumanPrinter::new(StandardStream::stdout(choice))
                .context(context)
                .print(&results)?;
            if results.hits.is_empty() && request.limit > 0 {
                message(no_hits_hint(&results, &request));
            }
        }
        results.total_passages > 0
    };
    Ok(ExitCode::from(if found {
        EXIT_FOUND
    } else {
        EXIT_NOT_FOUND
    }))
}

/// Says on stderr how the query was widened or relaxed.
fn notes(results: &Results) {
    for widened in &results.widened {
        message(format!("widened: {widened} (--exact turns widening off)"));
    }
    if results.fell_back_to_any {
        message("no passage has all the words; showing passages with any of them, best first");
    }
    if let Some(n) = results.undated_articles.filter(|n| *n > 0) {
        let articles = if n == 1 { "article" } else { "articles" };
        message(format!(
            "{n} matching {articles} with no known date left out by the date filter (`dossier show` says why; --year gives a year to dates written without one)"
        ));
    }
}

fn no_hits_hint(results: &Results, request: &Request) -> String {
    let total = &results.total_passages;
    if let Some(suggestion) = &results.suggestion {
        return format!(
            "no passage matches {:?}; did you mean {suggestion:?}?",
            request.text
        );
    }
    if *total > 0 {
        format!("no hits past --offset {} ({total} in all)", request.offset)
    } else if request.filters.is_empty() {
        format!("no passage matches {:?}", request.text)
    } else {
        format!(
            "no passage matches {:?} with these filters; try without --since/--until/--entity/--source",
            request.text
        )
    }
}

fn warn(query: &str, warnings: &[String]) {
    if warnings.is_empty() {
        return;
    }
    let shown: String = if query.chars().count() > 60 {
        format!("{}…", query.chars().take(60).collect::<String>())
    } else {
        query.to_string()
    };
    message(format!(
        "warning: query {shown:?}: {}; searched what could be read (--strict makes this an error)",
        warnings.join("; ")
    ));
}

/// Turns the flags into a validated request.
pub fn request(args: &SearchArgs) -> Result<Request> {
    let text = args.query.join(" ");
    let filters = Filters {
        since: date_flag("--since", args.since.as_deref(), true)?,
        until: date_flag("--until", args.until.as_deref(), false)?,
        entities: args.entity.clone(),
        sources: args.source.clone(),
        cites: args.cites.clone(),
    };
    if text.trim().is_empty() && filters.is_empty() {
        return Err(Error::Usage(
            "give a query, e.g. `dossier search putin kursk`, or a filter such as --entity".into(),
        ));
    }
    if let (Some(since), Some(until)) = (filters.since, filters.until) {
        if since > until {
            return Err(Error::Usage(format!(
                "--since {since} is after --until {until}; swap them"
            )));
        }
    }
    Ok(Request {
        articles: args.articles,
        sort: match args.sort {
            SortOrder::Relevance => Sort::Relevance,
            SortOrder::Date => Sort::Date,
        },
        text,
        syntax: Syntax {
            phrase: args.phrase,
            strict: args.strict,
            any: args.any,
            exact: args.exact,
        },
        filters,
        limit: args.limit,
        offset: args.offset,
    })
}

fn date_flag(flag: &str, value: Option<&str>, first: bool) -> Result<Option<Date>> {
    let Some(value) = value else { return Ok(None) };
    let (from, to) = parse_plain_date_range(value.trim()).ok_or_else(|| {
        Error::Usage(format!(
            "{flag} {value:?} is not a date; write YYYY, YYYY-MM or YYYY-MM-DD"
        ))
    })?;
    Ok(Some(if first { from } else { to }))
}
