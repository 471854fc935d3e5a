//! Corpus generator for the benchmarks (`benches/compare.sh`, `benches/search_latency.rs`).
//!
//! Synthetic corpus, deterministic from the seed, streamed (never held in memory):
//!
//! ```text
//! cargo run --release --example gen_corpus -- --mb 100 --seed 7 --out /tmp/c100
//! ```
//!
//! writes about 100 MB (10^6 bytes) of article text (title + body) as
//! `OUT/jsonl/part-NNNNN.jsonl` (one `{"title", "body", "date", "source", "url"}` object a
//! line, `--file-mb` per file) and/or `OUT/txt/bNNNN/NNNNNNN.txt` (title line, then the
//! body), plus `OUT/manifest.tsv` (articles, text bytes) and `OUT/queries.tsv`, the query mix
//! with the number of articles each query must find.
//!
//! The articles look like wire copy: a title, a date line, a dateline naming the place and
//! the source, paragraphs of sentences over a Zipf-distributed vocabulary (function words,
//! a word list written here and the words of the bundled `corpus/` ranked by their
//! frequency there, then synthetic rare words), numbers and money amounts, a few hundred
//! recurring people (full name first, surname alone afterwards), organisations and places,
//! dates spread over 2015-2024 and eight sources. Planted phrases and words give queries
//! known answers: a phrase in about 1 % of the articles (with a planted person in every
//! third of them, so date, entity and source filters have exact counts), a rare phrase in 7
//! articles, a rare word in 3, a word for fuzzy search in 5 plus a one-edit misspelling in 3.
//!
//! A real corpus can be converted instead, for tantivy-cli, which reads JSON Lines only:
//!
//! ```text
//! cargo run --release --example gen_corpus -- --from ../shared/data/bbc --out /tmp/bbc
//! ```
//!
//! reads `.txt` files (first line the title) and `.jsonl` files (`title`, `body` or `text`),
//! writes them as JSON Lines, and derives `queries.tsv` from the text (words and phrases
//! that occur in it; filter values `auto`, resolved by the latency bench from the index).
//! Conversion keeps a document-frequency table in memory, so it suits corpora of up to a
//! few hundred MB.

use std::collections::{BTreeMap, HashSet};
use std::fs::File;
use std::io::{self, BufRead, BufReader, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, ValueEnum};
use unicode_segmentation::UnicodeSegmentation;

/// Command line of the generator.
#[derive(Debug, Parser)]
#[command(about = "Writes a synthetic news corpus, or converts a real one, for the benchmarks")]
struct Args {
    /// Megabytes (10^6 bytes) of article text (title + body) to generate
    #[arg(long, value_name = "MB", required_unless_present = "from")]
    mb: Option<f64>,
    /// Seed of the generator: the same seed and size give the same corpus
    #[arg(long, default_value_t = 7)]
    seed: u64,
    /// Output folder (created)
    #[arg(long, value_name = "DIR")]
    out: PathBuf,
    /// File format of the articles
    #[arg(long, value_enum, default_value_t = Format::Jsonl)]
    format: Format,
    /// Megabytes per JSON Lines file
    #[arg(long, default_value_t = 32, value_name = "MB")]
    file_mb: u64,
    /// Convert these real corpus files or folders (.txt, .jsonl) instead of generating
    #[arg(long, value_name = "PATH", conflicts_with = "mb")]
    from: Vec<PathBuf>,
}

/// Output formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    /// JSON Lines files (what tantivy-cli reads too)
    Jsonl,
    /// One .txt file per article: title line, then the body
    Txt,
    /// Both
    Both,
}

fn main() -> ExitCode {
    let args = Args::parse();
    let result = if args.from.is_empty() {
        generate(&args)
    } else {
        convert(&args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: {e}");
            ExitCode::from(2)
        }
    }
}

// ---------------------------------------------------------------------------------------
// Randomness

/// A small deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (`n` > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    /// Uniform in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
    fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
    fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// Draws indexes `0..n` with probability proportional to `1 / (rank + q)^s`.
struct Zipf {
    cdf: Vec<f64>,
}

impl Zipf {
    fn new(n: usize, s: f64, q: f64) -> Zipf {
        let mut total = 0.0;
        let cdf = (0..n)
            .map(|r| {
                total += 1.0 / (r as f64 + 1.0 + q).powf(s);
                total
            })
            .collect::<Vec<f64>>();
        Zipf {
            cdf: cdf.into_iter().map(|c| c / total).collect(),
        }
    }
    fn sample(&self, rng: &mut Rng) -> usize {
        let u = rng.unit();
        self.cdf.partition_point(|&c| c < u).min(self.cdf.len() - 1)
    }
}

// ---------------------------------------------------------------------------------------
// Word lists (written here; nothing derived from outside data)

/// Function words, most frequent first.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "to", "and", "a", "in", "that", "said", "for", "on", "is", "was", "with", "it",
    "as", "at", "by", "from", "he", "its", "be", "has", "have", "will", "an", "are", "his",
    "which", "but", "not", "had", "this", "were", "they", "would", "after", "been", "their",
    "also", "who", "more", "than", "about", "over", "she", "or", "her", "one", "new", "last",
    "year", "two", "up", "there", "could", "into", "we", "out", "first", "other", "when", "all",
    "some", "no", "since", "percent", "people", "i", "years", "can", "while", "against", "what",
    "them", "so", "under", "before", "between", "if", "most", "three", "where", "during",
    "told", "may", "because", "only", "now", "any", "such", "our", "these", "then", "both",
    "those", "through", "per", "should", "week", "on", "off", "any", "each", "very", "still",
    "being", "much", "many", "just", "until",
];

/// Content words of news copy, roughly most frequent first.
#[rustfmt::skip]
const CONTENT_WORDS: &[&str] = &[
    "government", "minister", "president", "officials", "country", "state", "police", "court",
    "market", "prices", "bank", "company", "city", "report", "security", "talks", "group",
    "public", "million", "billion", "energy", "economy", "support", "plan", "party", "election",
    "week", "month", "day", "statement", "agreement", "deal", "law", "military", "forces",
    "war", "peace", "trade", "oil", "gas", "power", "water", "central", "inflation", "interest",
    "rates", "growth", "budget", "tax", "spending", "health", "hospital", "schools", "workers",
    "union", "strike", "council", "region", "national", "international", "foreign", "defence",
    "border", "aid", "crisis", "vote", "parliament", "leader", "opposition", "policy",
    "investment", "investors", "shares", "profit", "sales", "quarter", "analysts", "forecast",
    "data", "figures", "record", "increase", "decline", "rise", "fall", "higher", "lower",
    "expected", "according", "spokesman", "spokeswoman", "director", "executive", "chief",
    "board", "members", "committee", "ministry", "agency", "department", "office", "service",
    "services", "project", "projects", "infrastructure", "construction", "housing", "transport",
    "railway", "airport", "port", "shipping", "exports", "imports", "tariffs", "sanctions",
    "climate", "emissions", "weather", "storm", "flood", "drought", "farmers", "harvest",
    "food", "supply", "supplies", "demand", "costs", "fuel", "electricity", "grid", "network",
    "technology", "software", "data", "internet", "phone", "users", "online", "research",
    "university", "students", "study", "scientists", "doctors", "patients", "vaccine",
    "disease", "outbreak", "cases", "deaths", "injured", "killed", "attack", "fire", "accident",
    "investigation", "charges", "trial", "judge", "prison", "arrested", "suspect", "victims",
    "families", "children", "women", "men", "residents", "community", "local", "federal",
    "regional", "northern", "southern", "eastern", "western", "coast", "river", "valley",
    "mountain", "island", "province", "district", "capital", "streets", "protest", "protesters",
    "rally", "campaign", "candidate", "voters", "polls", "result", "results", "victory",
    "defeat", "team", "season", "match", "players", "coach", "league", "final", "championship",
    "title", "film", "music", "festival", "award", "book", "museum", "art", "history",
    "culture", "media", "newspaper", "television", "radio", "interview", "comments",
    "questions", "decision", "proposal", "measures", "rules", "regulators", "reform", "changes",
    "program", "funding", "loan", "debt", "currency", "dollar", "euro", "exchange", "stocks",
    "index", "bonds", "yield", "lending", "banks", "firms", "industry", "manufacturing",
    "factory", "production", "output", "jobs", "unemployment", "wages", "pension", "benefits",
    "families", "households", "consumers", "retail", "stores", "customers", "contract",
    "contracts", "merger", "acquisition", "stake", "owner", "founder", "partners",
    "partnership", "alliance", "summit", "meeting", "visit", "delegation", "envoy",
    "ambassador", "embassy", "treaty", "accord", "dispute", "conflict", "ceasefire", "troops",
    "soldiers", "weapons", "missile", "drone", "navy", "army", "air", "base", "operation",
    "mission", "rescue", "emergency", "relief", "refugees", "migrants", "asylum", "rights",
    "freedom", "press", "journalists", "evidence", "documents", "sources", "witnesses",
    "lawyer", "lawyers", "appeal", "ruling", "verdict", "sentence", "fine", "penalty", "fraud",
    "corruption", "bribery", "scandal", "resignation", "cabinet", "coalition", "senate",
    "assembly", "mayor", "governor", "prime", "secretary", "general", "commission", "authority",
    "regulator", "tribunal", "inquiry", "audit", "review", "survey", "poll", "estimate",
    "estimates", "target", "targets", "goal", "goals", "pressure", "concerns", "risk", "risks",
    "warning", "warned", "threat", "threats", "damage", "losses", "recovery", "rebuild",
    "expansion", "development", "launch", "opening", "closure", "shutdown", "delay", "delays",
    "schedule", "deadline", "timeline", "phase", "stage", "level", "levels", "amber", "lattice",
    "copper", "steel", "timber", "wheat", "corn", "coffee", "sugar", "cotton", "gold", "silver",
    "mining", "mine", "miners", "drilling", "pipeline", "refinery", "solar", "wind", "nuclear",
    "reactor", "battery", "batteries", "vehicles", "cars", "trucks", "trains", "flights",
    "airline", "passengers", "tourism", "tourists", "hotel", "restaurants", "prices", "rent",
    "mortgage", "property", "land", "farm", "forest", "wildlife", "pollution", "waste",
    "recycling", "plastic", "ocean", "fishing", "announced", "approved", "rejected", "signed",
    "agreed", "proposed", "launched", "reported", "confirmed", "denied", "called", "asked",
    "added", "noted", "insisted", "argued", "claimed", "urged", "pledged", "promised",
    "expects", "plans", "wants", "needs", "remains", "continues", "began", "ended", "held",
    "met", "took", "made", "gave", "became", "left", "came", "went", "saw", "found", "showed",
    "raised", "cut", "reduced", "boosted", "doubled", "fell", "rose", "jumped", "dropped",
    "slipped", "gained", "lost", "won", "beat", "led", "hit", "set", "built", "opened",
    "closed", "major", "key", "senior", "former", "top", "large", "small", "big", "high", "low",
    "long", "short", "early", "late", "recent", "next", "previous", "annual", "monthly",
    "daily", "local", "global", "domestic", "economic", "political", "financial", "social",
    "legal", "military", "official", "private", "independent", "strong", "weak", "significant",
    "serious", "important", "possible", "likely", "clear", "difficult", "further", "additional",
    "current", "total", "average", "full", "free", "open", "however", "meanwhile", "including",
    "despite", "although", "already", "again", "around", "across", "among", "within", "without",
    "toward", "ahead", "amid", "nearly", "almost", "about", "roughly", "least", "even", "well",
    "back", "down", "here", "soon",
];

/// Letters of synthetic rare words: no q, x, z, so that the planted words stay unique.
const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "fl", "g", "gr", "h", "k", "l", "m", "n", "p", "pr", "r", "s", "st",
    "t", "tr", "v", "sh", "th", "pl",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ea", "ou", "io"];
const CODAS: &[&str] = &["", "", "", "n", "r", "l", "s", "m", "nd", "rt", "st", "ng"];
const ENDINGS: &[&str] = &["", "", "", "s", "ed", "ing", "er", "ment", "ist", "ion"];

#[rustfmt::skip]
const FIRST_NAMES: &[&str] = &[
    "Anna", "Maria", "Elena", "Sofia", "Laura", "Sarah", "Emma", "Julia", "Clara", "Nadia",
    "Olga", "Irina", "Fatima", "Aisha", "Mei", "Yuki", "Priya", "Leila", "Grace", "Helen",
    "Rachel", "Monica", "Paula", "Teresa", "Ingrid", "Astrid", "Carmen", "Lucia", "Rosa",
    "Diana", "John", "David", "Michael", "James", "Robert", "Thomas", "Peter", "Paul", "Mark",
    "Daniel", "Andrew", "Stefan", "Pavel", "Ivan", "Sergei", "Omar", "Ahmed", "Hassan", "Ravi",
    "Arjun", "Kenji", "Hiroshi", "Carlos", "Diego", "Luis", "Marco", "Luca", "Hans", "Jonas",
    "Erik", "Lars", "Samuel", "Joseph", "Victor", "Henry",
];

#[rustfmt::skip]
const SURNAMES: &[&str] = &[
    "Adams", "Baker", "Clarke", "Dawson", "Ellis", "Fischer", "Garcia", "Hughes", "Ibrahim",
    "Jensen", "Kowalski", "Larsen", "Moreau", "Novak", "Okafor", "Petrov", "Quinn", "Rossi",
    "Schmidt", "Tanaka", "Ueda", "Vargas", "Walsh", "Yilmaz", "Zhang", "Andersen", "Bianchi",
    "Castillo", "Duval", "Eriksen", "Ferreira", "Gallagher", "Hoffmann", "Iverson", "Jovanovic",
    "Kumar", "Lindqvist", "Mendes", "Nakamura", "Oliveira", "Popescu", "Ramirez", "Sato",
    "Torres", "Umarov", "Volkov", "Weber", "Xu", "Yamamoto", "Zielinski", "Abbott", "Brennan",
    "Carvalho", "Dimitrov", "Esposito", "Fontaine", "Gomez", "Horvath", "Ivanova", "Kaminski",
    "Lambert", "Marsh", "Nilsson", "Osei", "Perez", "Reyes", "Sandoval", "Thornton", "Ulrich",
    "Vasquez", "Whitaker", "Keller", "Morales", "Nguyen", "Patel", "Singh", "Khan", "Chen",
    "Haddad", "Mensah", "Sorensen", "Brandt", "Costa", "Delgado", "Engel", "Falk", "Grant",
    "Holm", "Jansen", "Koch", "Lopez", "Meyer", "Nowak", "Park", "Roth", "Stone", "Vogel",
];

const ROLES: &[&str] = &[
    "the finance minister",
    "the energy minister",
    "a senior official",
    "the chief executive",
    "a spokeswoman for the ministry",
    "a spokesman for the company",
    "the mayor",
    "an opposition lawmaker",
    "the central bank governor",
    "a regional governor",
    "an analyst",
    "the chairman",
];

const ORGANISATIONS: &[&str] = &[
    "Meridian Energy",
    "Northbridge Capital",
    "Atlas Shipping Group",
    "Ministry of Finance",
    "Ministry of Energy",
    "Ministry of Transport",
    "Central Statistics Office",
    "Harbor Steel",
    "Bluewater Holdings",
    "Crescent Bank",
    "Granite Mining Corporation",
    "Pioneer Airlines",
    "Summit Telecom",
    "Riverside University",
    "National Grid Authority",
    "Eastern Rail Company",
    "Coastal Fisheries Board",
    "Ironwood Motors",
    "Silverline Pharmaceuticals",
    "Redstone Construction",
    "Union of Dock Workers",
    "Farmers Cooperative Alliance",
    "Institute for Economic Research",
    "World Trade Forum",
    "Global Health Fund",
    "Continental Development Bank",
    "Orion Software",
    "Keystone Insurance",
    "Highland Water Utility",
    "Aurora Solar",
];

#[rustfmt::skip]
const PLACES: &[&str] = &[
    "London", "Paris", "Berlin", "Madrid", "Rome", "Warsaw", "Vienna", "Prague", "Budapest",
    "Athens", "Lisbon", "Dublin", "Oslo", "Stockholm", "Helsinki", "Copenhagen", "Brussels",
    "Amsterdam", "Geneva", "Zurich", "Istanbul", "Cairo", "Nairobi", "Lagos", "Johannesburg",
    "Dubai", "Delhi", "Mumbai", "Singapore", "Jakarta", "Manila", "Tokyo", "Seoul", "Beijing",
    "Shanghai", "Sydney", "Auckland", "Toronto", "Chicago", "Boston", "Denver", "Houston",
    "Mexico City", "Bogota", "Lima", "Santiago", "Buenos Aires", "Sao Paulo", "Kyiv", "Tbilisi",
    "Almaty", "Karachi", "Dhaka", "Hanoi", "Bangkok",
];

/// Sources: display name and web domain (Zipf-weighted in this order).
const SOURCES: &[(&str, &str)] = &[
    ("Continental Wire", "continentalwire.example"),
    ("Daily Ledger", "dailyledger.example"),
    ("Harbour Times", "harbourtimes.example"),
    ("Evening Courier", "eveningcourier.example"),
    ("Northern Gazette", "northerngazette.example"),
    ("Capital Observer", "capitalobserver.example"),
    ("Market Dispatch", "marketdispatch.example"),
    ("Valley Chronicle", "valleychronicle.example"),
];

#[rustfmt::skip]
const MONTHS: [&str; 12] = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
];

// Planted phrases and words: no generated text contains them (synthetic words have no q,
// x or z; the word lists above do not hold "ilse", "varga", "zalbrenite", "quorvex…").

/// In about 1 % of the articles.
const COMMON_PHRASE: &str = "northern grid expansion";
/// In exactly [`RARE_PHRASE_COUNT`] articles.
const RARE_PHRASE: &str = "amber lattice accord";
const RARE_PHRASE_COUNT: usize = 7;
/// In exactly [`RARE_WORD_COUNT`] articles.
const RARE_WORD: &str = "zalbrenite";
const RARE_WORD_COUNT: usize = 3;
/// `FUZZY_WORD~1` matches both forms: [`FUZZY_COUNT`] + [`FUZZY_VARIANT_COUNT`] articles.
const FUZZY_WORD: &str = "quorvexity";
const FUZZY_VARIANT: &str = "quorvexety";
const FUZZY_COUNT: usize = 5;
const FUZZY_VARIANT_COUNT: usize = 3;
/// Named in every third article with the common phrase, and nowhere else.
const PLANTED_PERSON: (&str, &str) = ("Ilse", "Varga");
/// The source filter of the query mix.
const FILTER_SOURCE: &str = "Harbour Times";
/// The date filter of the query mix (inclusive years).
const FILTER_YEARS: (i32, i32) = (2019, 2020);
/// Share of words drawn from the synthetic long tail.
const TAIL_SHARE: f64 = 0.12;
const FIRST_YEAR: i32 = 2015;
const YEARS: usize = 10;

// ---------------------------------------------------------------------------------------
// Generation

/// One generated or converted article.
struct Article {
    title: String,
    body: String,
    date: Option<String>,
    source: Option<String>,
    url: Option<String>,
}

/// What goes into the next article beyond random text.
#[derive(Default, Clone, Copy)]
struct Plants {
    common_phrase: bool,
    person: bool,
    rare_phrase: bool,
    rare_word: bool,
    fuzzy: bool,
    fuzzy_variant: bool,
}

/// Planted items with a fixed count, spread evenly over the corpus by bytes written.
struct Spread {
    count: usize,
    done: usize,
}

impl Spread {
    fn new(count: usize) -> Spread {
        Spread { count, done: 0 }
    }
    /// True (once per article) when `written` passed the next planting point.
    fn due(&mut self, written: u64, target: u64) -> bool {
        if self.done >= self.count {
            return false;
        }
        let point = target as f64 * (self.done as f64 + 0.5) / self.count as f64;
        if written as f64 >= point {
            self.done += 1;
            true
        } else {
            false
        }
    }
    fn pending(&self) -> bool {
        self.done < self.count
    }
}

/// Counts of planted articles, for the expected answers.
#[derive(Default)]
struct Tally {
    common: usize,
    common_in_years: usize,
    common_from_source: usize,
    person: usize,
}

struct Generator {
    rng: Rng,
    words: Vec<String>,
    /// Words `0..real` are real words, the rest synthetic rare words.
    real: usize,
    zipf: Zipf,
    tail_zipf: Zipf,
    sentences: Vec<String>,
    people: Vec<(String, String)>,
    people_zipf: Zipf,
    sources_zipf: Zipf,
}

/// The person mentions of one article: full name first, surname afterwards.
struct Cast {
    people: Vec<usize>,
    mentioned: Vec<bool>,
}

impl Generator {
    fn new(seed: u64) -> Generator {
        let mut rng = Rng(seed ^ 0x0D05_51E5);
        let sentences = corpus_sentences();
        let (words, real) = vocabulary(&mut rng);
        let zipf = Zipf::new(real, 1.0, 2.7);
        let tail_zipf = Zipf::new(words.len() - real, 1.0, 2.7);
        let mut seen = HashSet::new();
        let mut people = Vec::new();
        while people.len() < 300 {
            let first = rng.pick(FIRST_NAMES).to_string();
            let last = rng.pick(SURNAMES).to_string();
            if seen.insert((first.clone(), last.clone())) {
                people.push((first, last));
            }
        }
        let people_zipf = Zipf::new(people.len(), 0.9, 5.0);
        let sources_zipf = Zipf::new(SOURCES.len(), 0.6, 1.0);
        Generator {
            rng,
            words,
            real,
            zipf,
            tail_zipf,
            sentences,
            people,
            people_zipf,
            sources_zipf,
        }
    }

    /// A word: 88 % from the real words, 12 % from the synthetic long tail (each part
    /// Zipf-distributed), close to the share of rare words in news copy.
    fn word(&mut self) -> &str {
        let i = if self.rng.chance(TAIL_SHARE) {
            self.real + self.tail_zipf.sample(&mut self.rng)
        } else {
            self.zipf.sample(&mut self.rng)
        };
        &self.words[i]
    }

    fn number(&mut self) -> String {
        match self.rng.below(5) {
            0 => format!("{}", 2 + self.rng.below(98)),
            1 => format!("{}.{} percent", self.rng.below(12), self.rng.below(10)),
            2 => format!("${} million", 1 + self.rng.below(900)),
            3 => format!("{},{:03}", 1 + self.rng.below(40), self.rng.below(1000)),
            _ => format!("{} billion euros", 1 + self.rng.below(60)),
        }
    }

    fn person(&mut self, cast: &mut Cast) -> String {
        let slot = self.rng.below(cast.people.len());
        let (first, last) = self.people[cast.people[slot]].clone();
        if cast.mentioned[slot] {
            last
        } else {
            cast.mentioned[slot] = true;
            if self.rng.chance(0.4) {
                format!("{first} {last}, {},", self.rng.pick(ROLES))
            } else {
                format!("{first} {last}")
            }
        }
    }

    /// A synthetic sentence, without its final period; `insert` is placed inside it.
    fn clause(&mut self, cast: &mut Cast, insert: Option<&str>) -> String {
        let n = 6 + self.rng.below(12) + self.rng.below(12);
        let at = insert.map(|_| self.rng.below(n));
        let mut out = String::new();
        for i in 0..n {
            if !out.is_empty() {
                out.push(' ');
            }
            if at == Some(i) {
                out.push_str(insert.unwrap_or_default());
                continue;
            }
            let r = self.rng.unit();
            if r < 0.015 {
                let p = self.person(cast);
                out.push_str(&p);
            } else if r < 0.03 {
                out.push_str(self.rng.pick(ORGANISATIONS));
            } else if r < 0.04 {
                out.push_str(self.rng.pick(PLACES));
            } else if r < 0.065 {
                let n = self.number();
                out.push_str(&n);
            } else if r < 0.07 {
                let m = self.rng.pick(&MONTHS);
                let d = 1 + self.rng.below(28);
                out.push_str(&format!("on {m} {d}"));
            } else {
                let w = self.word().to_string();
                out.push_str(&w);
                if self.rng.chance(0.06) && i + 1 < n {
                    out.push(',');
                }
            }
        }
        capitalise(&out)
    }

    fn sentence(&mut self, cast: &mut Cast, insert: Option<&str>) -> String {
        if insert.is_none() && !self.sentences.is_empty() && self.rng.chance(0.12) {
            let i = self.rng.below(self.sentences.len());
            return self.sentences[i].clone();
        }
        let clause = self.clause(cast, insert);
        if self.rng.chance(0.08) {
            let who = self.person(cast);
            format!("\"{clause},\" {who} said.")
        } else {
            format!("{clause}.")
        }
    }

    fn title(&mut self, cast: &mut Cast) -> String {
        let n = 4 + self.rng.below(6);
        let mut words = Vec::with_capacity(n + 1);
        if self.rng.chance(0.3) {
            let slot = self.rng.below(cast.people.len());
            words.push(self.people[cast.people[slot]].1.clone());
        }
        while words.len() < n {
            let w = self.word().to_string();
            words.push(capitalise(&w));
        }
        words.join(" ")
    }

    fn article(&mut self, number: usize, plants: Plants) -> (Article, i32, &'static str) {
        let mut cast = Cast {
            people: (0..1 + self.rng.below(4))
                .map(|_| self.people_zipf.sample(&mut self.rng))
                .collect(),
            mentioned: Vec::new(),
        };
        cast.mentioned = vec![false; cast.people.len()];
        let year = FIRST_YEAR + self.rng.below(YEARS) as i32;
        let month = 1 + self.rng.below(12);
        let day = 1 + self.rng.below(28);
        let (source, domain) = SOURCES[self.sources_zipf.sample(&mut self.rng)];
        let place = self.rng.pick(PLACES);
        let title = self.title(&mut cast);

        // What must be planted, as sentences in random paragraphs.
        let mut planted: Vec<String> = Vec::new();
        if plants.common_phrase {
            planted.push(self.sentence(&mut cast, Some(COMMON_PHRASE)));
        }
        if plants.person {
            let (first, last) = PLANTED_PERSON;
            planted.push(self.sentence(&mut cast, Some(&format!("{first} {last}"))));
            planted.push(self.sentence(&mut cast, Some(last)));
        }
        if plants.rare_phrase {
            planted.push(self.sentence(&mut cast, Some(RARE_PHRASE)));
        }
        if plants.rare_word {
            planted.push(self.sentence(&mut cast, Some(RARE_WORD)));
        }
        if plants.fuzzy {
            planted.push(self.sentence(&mut cast, Some(FUZZY_WORD)));
        }
        if plants.fuzzy_variant {
            planted.push(self.sentence(&mut cast, Some(FUZZY_VARIANT)));
        }

        let paragraphs = 4 + self.rng.below(9);
        let mut slots: Vec<Vec<String>> = vec![Vec::new(); paragraphs];
        // Planted sentences go in order (full name before surname) into paragraphs 1.., or 0.
        let mut p = 0;
        for s in planted {
            p = (p + self.rng.below(3)).min(paragraphs - 1);
            slots[p].push(s);
        }
        let mut body = format!("{} {day}, {year}\n\n", MONTHS[month - 1]);
        for (i, extra) in slots.into_iter().enumerate() {
            if i > 0 {
                body.push_str("\n\n");
            } else {
                body.push_str(&format!("{} ({source}) - ", place.to_uppercase()));
            }
            let n = 2 + self.rng.below(4);
            let mut sentences: Vec<String> =
                (0..n).map(|_| self.sentence(&mut cast, None)).collect();
            for s in extra {
                let at = self.rng.below(sentences.len() + 1);
                sentences.insert(at.min(sentences.len()), s);
            }
            body.push_str(&sentences.join(" "));
        }
        let slug: String = title
            .to_lowercase()
            .split_whitespace()
            .take(6)
            .collect::<Vec<_>>()
            .join("-");
        let article = Article {
            title,
            body,
            date: Some(format!("{year}-{month:02}-{day:02}")),
            source: Some(source.to_string()),
            url: Some(format!(
                "https://{domain}/{year}/{month:02}/{day:02}/{slug}-{number}"
            )),
        };
        (article, year, source)
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The folder of the bundled articles.
fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

fn corpus_texts() -> Vec<String> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(corpus_dir())
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .collect()
}

/// Sentences of the bundled articles, reused verbatim now and then.
fn corpus_sentences() -> Vec<String> {
    let mut out = Vec::new();
    for text in corpus_texts() {
        for line in text.lines().skip(1) {
            for s in line.unicode_sentences() {
                let s = s.trim();
                // Site chrome ("Your email address will not be published.") would make
                // dossier drop the paragraph as boilerplate, planted phrases with it.
                let chrome = [
                    "email",
                    "published",
                    "required fields",
                    "cookie",
                    "subscribe",
                ]
                .iter()
                .any(|w| s.to_lowercase().contains(w));
                if s.len() > 40 && s.ends_with('.') && !chrome {
                    out.push(s.to_string());
                }
            }
        }
    }
    out
}

/// The vocabulary in rank order: function words, then the written list and the words of
/// `corpus/` ranked by their frequency there, then synthetic rare words.
/// Returns the words and how many of them are real (the rest are synthetic).
fn vocabulary(rng: &mut Rng) -> (Vec<String>, usize) {
    let mut counts: BTreeMap<String, usize> = BTreeMap::new();
    for text in corpus_texts() {
        for w in text.unicode_words() {
            if w.len() >= 3 && w.chars().all(|c| c.is_ascii_lowercase()) {
                *counts.entry(w.to_string()).or_default() += 1;
            }
        }
    }
    let mut seen: HashSet<String> = HashSet::new();
    let mut words: Vec<String> = Vec::new();
    for w in FUNCTION_WORDS {
        if seen.insert(w.to_string()) {
            words.push(w.to_string());
        }
    }
    // Content words: by corpus count (learned), then by their place in the list.
    let mut content: Vec<(usize, usize, String)> = CONTENT_WORDS
        .iter()
        .enumerate()
        .map(|(i, w)| (counts.get(*w).copied().unwrap_or(0), i, w.to_string()))
        .collect();
    let listed = content.len();
    for (w, c) in &counts {
        if !CONTENT_WORDS.contains(&w.as_str()) {
            content.push((*c, listed, w.clone()));
        }
    }
    content.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    for (_, _, w) in content {
        if seen.insert(w.clone()) {
            words.push(w);
        }
    }
    // Synthetic rare words fill the long tail.
    let real = words.len();
    let target = words.len() + 120_000;
    let mut attempts = 0;
    while words.len() < target && attempts < 10_000_000 {
        attempts += 1;
        let syllables = 1 + rng.below(3);
        let mut w = String::new();
        for _ in 0..syllables {
            w.push_str(rng.pick(ONSETS));
            w.push_str(rng.pick(VOWELS));
            w.push_str(rng.pick(CODAS));
        }
        w.push_str(rng.pick(ENDINGS));
        if (4..=14).contains(&w.len()) && seen.insert(w.clone()) {
            words.push(w);
        }
    }
    (words, real)
}

/// Writes articles as JSON Lines files and/or .txt files.
struct Sink {
    format: Format,
    dir: PathBuf,
    file_bytes: u64,
    jsonl: Option<BufWriter<File>>,
    part: usize,
    in_part: u64,
    articles: usize,
    text_bytes: u64,
}

impl Sink {
    fn new(dir: &Path, format: Format, file_mb: u64) -> io::Result<Sink> {
        std::fs::create_dir_all(dir)?;
        for sub in ["jsonl", "txt"] {
            let path = dir.join(sub);
            if path.exists() {
                std::fs::remove_dir_all(&path)?;
            }
        }
        Ok(Sink {
            format,
            dir: dir.to_path_buf(),
            file_bytes: file_mb.max(1) * 1_000_000,
            jsonl: None,
            part: 0,
            in_part: 0,
            articles: 0,
            text_bytes: 0,
        })
    }

    fn write(&mut self, article: &Article) -> io::Result<()> {
        if self.format != Format::Txt {
            if self.jsonl.is_none() || self.in_part >= self.file_bytes {
                if let Some(mut w) = self.jsonl.take() {
                    w.flush()?;
                }
                let folder = self.dir.join("jsonl");
                std::fs::create_dir_all(&folder)?;
                let file = File::create(folder.join(format!("part-{:05}.jsonl", self.part)))?;
                self.jsonl = Some(BufWriter::with_capacity(1 << 20, file));
                self.part += 1;
                self.in_part = 0;
            }
            let mut record = serde_json::Map::new();
            record.insert("title".into(), article.title.clone().into());
            record.insert("body".into(), article.body.clone().into());
            for (key, value) in [
                ("date", &article.date),
                ("source", &article.source),
                ("url", &article.url),
            ] {
                if let Some(v) = value {
                    record.insert(key.into(), v.clone().into());
                }
            }
            let line = serde_json::to_string(&record).map_err(io::Error::other)?;
            if let Some(w) = self.jsonl.as_mut() {
                w.write_all(line.as_bytes())?;
                w.write_all(b"\n")?;
            }
            self.in_part += line.len() as u64 + 1;
        }
        if self.format != Format::Jsonl {
            let folder = self
                .dir
                .join("txt")
                .join(format!("b{:04}", self.articles / 1000));
            if self.articles.is_multiple_of(1000) {
                std::fs::create_dir_all(&folder)?;
            }
            let mut text = String::with_capacity(article.title.len() + article.body.len() + 2);
            text.push_str(&article.title);
            text.push('\n');
            text.push_str(&article.body);
            text.push('\n');
            std::fs::write(folder.join(format!("{:07}.txt", self.articles)), text)?;
        }
        self.articles += 1;
        self.text_bytes += (article.title.len() + article.body.len()) as u64;
        Ok(())
    }

    fn finish(&mut self, queries: &[Query]) -> io::Result<()> {
        if let Some(mut w) = self.jsonl.take() {
            w.flush()?;
        }
        std::fs::write(
            self.dir.join("manifest.tsv"),
            format!(
                "articles\t{}\ntext_bytes\t{}\n",
                self.articles, self.text_bytes
            ),
        )?;
        let mut out = String::from(QUERIES_HEADER);
        for q in queries {
            out.push_str(&q.line());
        }
        std::fs::write(self.dir.join("queries.tsv"), out)
    }
}

/// Columns of `queries.tsv`; `-` is an empty value, `auto` a filter value the latency
/// bench takes from the top hit of the query without filter.
const QUERIES_HEADER: &str =
    "# class\tquery\tsince\tuntil\tentity\tsource\tmin_articles\tmax_articles\trg_literal\n";

/// One row of `queries.tsv`.
struct Query {
    class: &'static str,
    text: String,
    since: Option<String>,
    until: Option<String>,
    entity: Option<String>,
    source: Option<String>,
    min: usize,
    max: Option<usize>,
    rg: Option<String>,
}

impl Query {
    fn new(class: &'static str, text: &str, min: usize, max: Option<usize>) -> Query {
        Query {
            class,
            text: text.to_string(),
            since: None,
            until: None,
            entity: None,
            source: None,
            min,
            max,
            rg: None,
        }
    }
    fn exact(class: &'static str, text: &str, count: usize) -> Query {
        Query::new(class, text, count, Some(count))
    }
    fn line(&self) -> String {
        let cell = |v: &Option<String>| v.clone().unwrap_or_else(|| "-".into());
        format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\n",
            self.class,
            self.text,
            cell(&self.since),
            cell(&self.until),
            cell(&self.entity),
            cell(&self.source),
            self.min,
            cell(&self.max.map(|m| m.to_string())),
            cell(&self.rg)
        )
    }
}

fn generate(args: &Args) -> io::Result<()> {
    let megabytes = args.mb.unwrap_or(10.0);
    if !(megabytes > 0.0 && megabytes.is_finite()) {
        return Err(io::Error::other("--mb must be a positive number"));
    }
    let target = (megabytes * 1e6) as u64;
    let mut generator = Generator::new(args.seed);
    let mut sink = Sink::new(&args.out, args.format, args.file_mb)?;
    let mut rare_phrase = Spread::new(RARE_PHRASE_COUNT);
    let mut rare_word = Spread::new(RARE_WORD_COUNT);
    let mut fuzzy = Spread::new(FUZZY_COUNT);
    let mut fuzzy_variant = Spread::new(FUZZY_VARIANT_COUNT);
    let mut tally = Tally::default();
    let mut number = 0;
    loop {
        let written = sink.text_bytes;
        let pending = rare_phrase.pending()
            || rare_word.pending()
            || fuzzy.pending()
            || fuzzy_variant.pending();
        if written >= target && !pending {
            break;
        }
        let mut plants = Plants {
            rare_phrase: rare_phrase.due(written, target),
            rare_word: rare_word.due(written, target),
            fuzzy: fuzzy.due(written, target),
            ..Plants::default()
        };
        // The misspelling never shares an article with the right spelling.
        plants.fuzzy_variant = !plants.fuzzy && fuzzy_variant.due(written, target);
        plants.common_phrase = generator.rng.chance(0.01);
        plants.person = plants.common_phrase && tally.common.is_multiple_of(3);
        let (article, year, source) = generator.article(number, plants);
        if plants.common_phrase {
            tally.common += 1;
            if (FILTER_YEARS.0..=FILTER_YEARS.1).contains(&year) {
                tally.common_in_years += 1;
            }
            if source == FILTER_SOURCE {
                tally.common_from_source += 1;
            }
        }
        if plants.person {
            tally.person += 1;
        }
        sink.write(&article)?;
        number += 1;
    }
    let phrase = format!("\"{COMMON_PHRASE}\"");
    let queries = vec![
        Query::new("one word", "minister", 1, None),
        Query::new("two words", "energy prices", 1, None),
        Query::new("three words", "central bank inflation", 1, None),
        Query {
            rg: Some(COMMON_PHRASE.into()),
            ..Query::exact("phrase", &phrase, tally.common)
        },
        Query {
            since: Some(format!("{}-01-01", FILTER_YEARS.0)),
            until: Some(format!("{}-12-31", FILTER_YEARS.1)),
            rg: Some(COMMON_PHRASE.into()),
            ..Query::exact("phrase + date", &phrase, tally.common_in_years)
        },
        // Entity recognition may miss some mentions: at least half, never more.
        Query {
            entity: Some(format!("{} {}", PLANTED_PERSON.0, PLANTED_PERSON.1)),
            rg: Some(COMMON_PHRASE.into()),
            ..Query::new(
                "phrase + entity",
                &phrase,
                tally.person.div_ceil(2),
                Some(tally.person),
            )
        },
        Query {
            source: Some(FILTER_SOURCE.into()),
            rg: Some(COMMON_PHRASE.into()),
            ..Query::exact("phrase + source", &phrase, tally.common_from_source)
        },
        Query::exact(
            "fuzzy",
            &format!("{FUZZY_WORD}~1"),
            FUZZY_COUNT + FUZZY_VARIANT_COUNT,
        ),
        Query::exact("rare word", RARE_WORD, RARE_WORD_COUNT),
        Query::new("frequent word", "the", 1, None),
        Query {
            rg: Some(RARE_PHRASE.into()),
            ..Query::exact(
                "rare phrase",
                &format!("\"{RARE_PHRASE}\""),
                RARE_PHRASE_COUNT,
            )
        },
    ];
    sink.finish(&queries)?;
    eprintln!(
        "gen_corpus: {} articles, {:.1} MB of text in {}",
        sink.articles,
        sink.text_bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}

// ---------------------------------------------------------------------------------------
// Conversion of a real corpus

/// Word statistics gathered while converting, to choose queries that have answers.
#[derive(Default)]
struct Stats {
    /// Document frequency of each lowercase alphabetic word.
    df: BTreeMap<String, usize>,
    /// Bodies of a few articles to take phrases and word pairs from.
    samples: Vec<String>,
}

fn alphabetic_words(text: &str) -> impl Iterator<Item = &str> {
    text.unicode_words()
        .filter(|w| w.chars().all(|c| c.is_ascii_alphabetic()))
}

fn convert(args: &Args) -> io::Result<()> {
    let mut sink = Sink::new(&args.out, Format::Jsonl, args.file_mb)?;
    let mut stats = Stats::default();
    let mut files = Vec::new();
    for root in &args.from {
        collect_files(root, &mut files)?;
    }
    files.sort();
    for file in &files {
        let is_jsonl = file.extension().is_some_and(|e| e == "jsonl");
        if is_jsonl {
            let reader = BufReader::new(File::open(file)?);
            for line in reader.lines() {
                let line = line?;
                let Ok(value) = serde_json::from_str::<serde_json::Value>(&line) else {
                    continue;
                };
                let field = |names: &[&str]| {
                    names
                        .iter()
                        .find_map(|n| value.get(*n).and_then(|v| v.as_str()))
                        .map(str::to_string)
                };
                let article = Article {
                    title: field(&["title", "headline"]).unwrap_or_default(),
                    body: field(&["body", "text", "content"]).unwrap_or_default(),
                    date: field(&["date"]),
                    source: field(&["source"]),
                    url: field(&["url"]),
                };
                add(&mut sink, &mut stats, article)?;
            }
        } else {
            let bytes = std::fs::read(file)?;
            let text = String::from_utf8_lossy(&bytes);
            let mut lines = text.trim_start().splitn(2, '\n');
            let title = lines.next().unwrap_or_default().trim().to_string();
            let body = lines.next().unwrap_or_default().trim().to_string();
            add(
                &mut sink,
                &mut stats,
                Article {
                    title,
                    body,
                    date: None,
                    source: None,
                    url: None,
                },
            )?;
        }
    }
    let queries = derive_queries(&stats);
    sink.finish(&queries)?;
    eprintln!(
        "gen_corpus: converted {} articles, {:.1} MB of text from {} files into {}",
        sink.articles,
        sink.text_bytes as f64 / 1e6,
        files.len(),
        args.out.display()
    );
    Ok(())
}

fn collect_files(path: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    if path.is_dir() {
        for entry in std::fs::read_dir(path)? {
            collect_files(&entry?.path(), out)?;
        }
    } else if path.extension().is_some_and(|e| e == "txt" || e == "jsonl") {
        out.push(path.to_path_buf());
    }
    Ok(())
}

fn add(sink: &mut Sink, stats: &mut Stats, article: Article) -> io::Result<()> {
    // Like dossier, which skips records without article text.
    if article.body.trim().is_empty() {
        return Ok(());
    }
    let mut seen = HashSet::new();
    for w in alphabetic_words(&article.title).chain(alphabetic_words(&article.body)) {
        let w = w.to_ascii_lowercase();
        if seen.insert(w.clone()) {
            *stats.df.entry(w).or_default() += 1;
        }
    }
    if sink.articles % 97 == 13 && stats.samples.len() < 64 && article.body.len() > 400 {
        stats.samples.push(article.body.clone());
    }
    sink.write(&article)
}

/// Queries with answers in the converted corpus: frequent, mid-frequency and rare words, a
/// phrase and word pairs taken from sampled articles.
fn derive_queries(stats: &Stats) -> Vec<Query> {
    let df = |w: &str| stats.df.get(w).copied().unwrap_or(0);
    let mut by_df: Vec<(&String, &usize)> = stats.df.iter().filter(|(w, _)| w.len() >= 5).collect();
    by_df.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let common = by_df
        .get(60)
        .map(|(w, _)| w.to_string())
        .unwrap_or_else(|| "said".into());
    let rare = stats
        .df
        .iter()
        .find(|(w, n)| **n == 1 && w.len() >= 9)
        .map(|(w, _)| w.clone());
    let fuzzy = stats
        .df
        .iter()
        .find(|(w, n)| (2..=10).contains(*n) && w.len() >= 8)
        .map(|(w, _)| {
            // One substituted letter in the middle: `word~1` must still find the word.
            let mut chars: Vec<char> = w.chars().collect();
            let mid = chars.len() / 2;
            chars[mid] = if chars[mid] == 'e' { 'a' } else { 'e' };
            chars.into_iter().collect::<String>()
        });
    // A phrase of three content words, and pairs and triples of mid-frequency words.
    let mut phrase = None;
    let mut pair = None;
    let mut triple = None;
    for body in &stats.samples {
        let words: Vec<&str> = alphabetic_words(body).collect();
        if phrase.is_none() {
            phrase = words
                .windows(3)
                .find(|w| w.iter().all(|x| x.len() >= 4) && df(&w[1].to_ascii_lowercase()) < 5000)
                .map(|w| w.join(" "));
        }
        let mid: Vec<String> = words
            .iter()
            .map(|w| w.to_ascii_lowercase())
            .filter(|w| w.len() >= 6 && (3..=500).contains(&df(w)))
            .collect();
        if pair.is_none() && mid.len() >= 2 {
            pair = Some(format!("{} {}", mid[0], mid[1]));
        }
        if triple.is_none() && mid.len() >= 5 {
            triple = Some(format!("{} {} {}", mid[2], mid[3], mid[4]));
        }
    }
    let mut out = vec![Query::new("one word", &common, 1, None)];
    if let Some(p) = pair {
        out.push(Query::new("two words", &p, 1, None));
    }
    if let Some(t) = triple {
        out.push(Query::new("three words", &t, 1, None));
    }
    if let Some(p) = phrase {
        let quoted = format!("\"{p}\"");
        let with_rg = |q: Query| Query {
            rg: Some(p.clone()),
            ..q
        };
        out.push(with_rg(Query::new("phrase", &quoted, 1, None)));
        out.push(with_rg(Query {
            since: Some("auto".into()),
            until: Some("auto".into()),
            ..Query::new("phrase + date", &quoted, 1, None)
        }));
        out.push(with_rg(Query {
            entity: Some("auto".into()),
            ..Query::new("phrase + entity", &quoted, 1, None)
        }));
        out.push(with_rg(Query {
            source: Some("auto".into()),
            ..Query::new("phrase + source", &quoted, 1, None)
        }));
    }
    if let Some(f) = fuzzy {
        out.push(Query::new("fuzzy", &format!("{f}~1"), 1, None));
    }
    if let Some(r) = rare {
        out.push(Query::new("rare word", &r, 1, None));
    }
    out.push(Query::new("frequent word", "the", 1, None));
    out
}
