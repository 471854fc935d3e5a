//! The command line, as clap derive structs. Doc comments here are the `--help` text.
//! No I/O happens here; `commands` turns these into validated requests.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

/// Full-text search for collections of news articles: passages, dates, entities,
/// sources, phrase-accurate highlighting.
#[derive(Debug, Parser)]
#[command(name = "dossier", version, about, long_about = None)]
pub struct Cli {
    /// Index folder [default: index/]
    #[arg(long, global = true, env = "DOSSIER_INDEX", value_name = "DIR")]
    pub index: Option<PathBuf>,

    /// The command to run.
    #[command(subcommand)]
    pub command: Command,
}

/// dossier's commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Index articles: .txt, .md, .json, .jsonl, .csv, .tsv, .html (also .gz, .zst); - is stdin
    Index(IndexArgs),
    /// Search the index and print the matching passages
    Search(SearchArgs),
    /// Print one article: metadata, entities and its numbered passages
    Show(ShowArgs),
}

/// `dossier index`
#[derive(Debug, Args)]
pub struct IndexArgs {
    /// Files or folders to index [default: corpus/]
    #[arg(value_name = "PATH")]
    pub paths: Vec<PathBuf>,

    /// Year for dates written without one ("March 13")
    #[arg(long, value_name = "YYYY")]
    pub year: Option<i32>,

    /// Forget everything indexed before and index these paths from scratch
    #[arg(long)]
    pub rebuild: bool,

    /// Field name for structured inputs (JSON, JSON Lines, CSV, TSV), as ROLE=NAME;
    /// roles: title, body, date, source, url, id, author. Repeatable: --field body=story
    #[arg(long, value_name = "ROLE=NAME")]
    pub field: Vec<String>,

    /// Indexing threads [default: number of CPUs, at most 4]
    #[arg(long, short = 'j', value_name = "N")]
    pub threads: Option<usize>,

    /// Print the summary as one JSON object on stdout
    #[arg(long)]
    pub json: bool,
}

/// `dossier search`
#[derive(Debug, Args)]
pub struct SearchArgs {
    /// The query; several words are joined with spaces. See README for the syntax.
    #[arg(value_name = "QUERY")]
    pub query: Vec<String>,

    /// Take the whole query as one exact phrase, with no query syntax
    #[arg(short = 'F', long)]
    pub phrase: bool,

    /// Make malformed queries an error instead of a warning
    #[arg(long)]
    pub strict: bool,

    /// Rank passages with any of the words (OR) instead of requiring all of them
    #[arg(long)]
    pub any: bool,

    /// Match words exactly as written: no stemming, variants, compounds, aliases or fuzzy names
    #[arg(long)]
    pub exact: bool,

    /// One row per article: its best passage and how many of its passages matched
    #[arg(long)]
    pub articles: bool,

    /// Order of hits: relevance (default) or date (newest first, unknown dates last)
    #[arg(long, value_enum, default_value_t = SortOrder::Relevance, value_name = "ORDER")]
    pub sort: SortOrder,

    /// Sentences of context shown around each match (human output)
    #[arg(
        short = 'C',
        long,
        default_value_t = 1,
        value_name = "N",
        conflicts_with = "full"
    )]
    pub context: usize,

    /// Show whole passages instead of the sentences around the matches (human output)
    #[arg(long)]
    pub full: bool,

    /// Only articles published on or after this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub since: Option<String>,

    /// Only articles published on or before this date (YYYY, YYYY-MM or YYYY-MM-DD)
    #[arg(long, value_name = "DATE")]
    pub until: Option<String>,

    /// Only articles naming this entity (repeat for several: all must be named)
    #[arg(long, value_name = "NAME")]
    pub entity: Vec<String>,

    /// Only articles from this source (repeat for several: any may match)
    #[arg(long, value_name = "NAME")]
    pub source: Vec<String>,

    /// Only articles citing this outlet ("according to Reuters"; repeat: all must be cited)
    #[arg(long, value_name = "OUTLET")]
    pub cites: Vec<String>,

    /// Number of hits to print
    #[arg(short = 'n', long, default_value_t = 10, value_name = "N")]
    pub limit: usize,

    /// Number of hits to skip (for paging)
    #[arg(long, default_value_t = 0, value_name = "N")]
    pub offset: usize,

    /// Print JSON Lines: one "hit" object per hit, then one "summary"
    #[arg(long)]
    pub json: bool,

    /// Print only the paths of the matching articles, each once
    #[arg(short = 'l', long, conflicts_with_all = ["count", "json"])]
    pub paths: bool,

    /// Print only the number of matching passages and articles
    #[arg(short = 'c', long)]
    pub count: bool,

    /// When to use colour
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// `dossier show`
#[derive(Debug, Args)]
pub struct ShowArgs {
    /// Article id (as printed by search) or path
    #[arg(value_name = "ARTICLE")]
    pub article: String,

    /// Print one JSON object
    #[arg(long)]
    pub json: bool,

    /// When to use colour
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

/// `--sort` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, ValueEnum)]
pub enum SortOrder {
    /// Best match first
    #[default]
    Relevance,
    /// Newest publication date first
    Date,
}

/// `--color` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when stdout is a terminal and NO_COLOR is not set
    Auto,
    /// Always colour
    Always,
    /// Never colour (matches are marked [[like this]])
    Never,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_consistent() {
        Cli::command().debug_assert();
    }

    #[test]
    fn words_are_collected() {
        let cli = Cli::try_parse_from(["dossier", "search", "putin", "kursk", "-n", "3"]).unwrap();
        match cli.command {
            Command::Search(args) => {
                assert_eq!(args.query, ["putin", "kursk"]);
                assert_eq!(args.limit, 3);
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn exclusions_and_flags_mix() {
        let cli = Cli::try_parse_from([
            "dossier", "search", "--json", "-n", "2", "--", "-putin", "kursk",
        ])
        .unwrap();
        match cli.command {
            Command::Search(args) => {
                assert_eq!(args.query, ["-putin", "kursk"]);
                assert!(args.json);
                assert_eq!(args.limit, 2);
            }
            other => panic!("parsed as {other:?}"),
        }
    }

    #[test]
    fn index_flag_is_global() {
        let cli = Cli::try_parse_from(["dossier", "show", "x", "--index", "/tmp/i"]).unwrap();
        assert_eq!(cli.index, Some(PathBuf::from("/tmp/i")));
    }
}
