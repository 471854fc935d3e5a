//! Query building: dossier's query syntax, parsed with tantivy's query grammar and
//! translated by us (not by tantivy's `QueryParser`) so that
//!
//! - unquoted words match by stem in the body and the title (the title boosted), while
//!   quoted phrases match the words as written;
//! - `title:`, `entity:`, `source:` and `date:` (with plain dates) work as users expect,
//!   entity and source values case-insensitively;
//! - every positive text clause also becomes a [`Matcher`] for the highlighter, so the
//!   highlights are exactly what the query matched.
//!
//! Length and nesting are capped before parsing: tantivy's lenient parser overflows the
//! stack on deeply nested input.

use std::ops::Bound;

use tantivy::query::{
    BooleanQuery, BoostQuery, EmptyQuery, FuzzyTermQuery, Occur, PhrasePrefixQuery, PhraseQuery,
    Query, RangeQuery, TermQuery,
};
use tantivy::query_grammar::{
    self, Delimiter, UserInputAst, UserInputBound, UserInputLeaf, UserInputLiteral,
};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::tokenizer::TextAnalyzer;
use tantivy::{DateTime, Searcher, Term};
use time::Date;

use super::children::PassagesOf;
use super::exclusion::Forward;
use super::expand::{self, Vocabulary};
use crate::analyze::{exact_analyzer, stemmed_analyzer, terms};
use crate::error::{Error, Result};
use crate::extract::dates::parse_plain_date_range;
use crate::index::{Fields, KIND_PASSAGE};

/// Parse problems reported one by one; the rest are counted.
const MAX_WARNINGS: usize = 3;

/// Longest accepted query, in bytes.
pub const MAX_QUERY_BYTES: usize = 4096;
/// Deepest accepted nesting of parentheses.
pub const MAX_NESTING: usize = 32;
/// Score multiplier for a match in the title.
pub const TITLE_BOOST: f32 = 2.0;

/// Where a matcher applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Passage text and title (an unfielded clause).
    Everywhere,
    /// The title only (`title:`).
    Title,
}

/// One positive text clause of the query, as the highlighter needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Matcher {
    /// Compare stemmed terms (unquoted words) or exact terms (quoted, prefix).
    pub stemmed: bool,
    /// The clause's terms in order; one term for a single word.
    pub terms: Vec<String>,
    /// Phrase slop (`"a b"~2`).
    pub slop: u32,
    /// The last term is a prefix (`ceasef*`).
    pub prefix: bool,
    /// Edit distance allowed per term (`word~1`, or widening of a rare name); 0 = exact.
    pub fuzzy: u8,
    /// An alternative added by widening, not a clause the user wrote.
    pub widened: bool,
    /// Where it applies.
    pub scope: Scope,
}

/// Filters given as flags, applied on top of the query.
#[derive(Debug, Clone, Default)]
pub struct Filters {
    /// Earliest publication date, inclusive.
    pub since: Option<Date>,
    /// Latest publication date, inclusive.
    pub until: Option<Date>,
    /// Entities that must all be named in the article.
    pub entities: Vec<String>,
    /// Sources, any of which must be the publisher.
    pub sources: Vec<String>,
    /// Outlets that must all be cited by the article.
    pub cites: Vec<String>,
}

impl Filters {
    /// True when no filter is set.
    pub fn is_empty(&self) -> bool {
        self.since.is_none()
            && self.until.is_none()
            && self.entities.is_empty()
            && self.sources.is_empty()
            && self.cites.is_empty()
    }

    /// The same filters without the date range.
    pub fn without_dates(&self) -> Filters {
        Filters {
            since: None,
            until: None,
            ..self.clone()
        }
    }
}

/// A query ready to run.
pub struct Plan {
    /// The tantivy query, filters included.
    pub query: Box<dyn Query>,
    /// What to highlight.
    pub matchers: Vec<Matcher>,
    /// The query as dossier understood it, for the JSON summary and debugging.
    pub parsed: String,
    /// Problems skipped by the lenient parser.
    pub warnings: Vec<String>,
    /// How the query was widened ("ceasefire also matched cease fire").
    pub widened: Vec<String>,
}

/// How to read the query text.
#[derive(Debug, Clone, Copy, Default)]
pub struct Syntax {
    /// The whole text is one exact phrase, no syntax (`-F`).
    pub phrase: bool,
    /// Malformed queries are errors instead of warnings.
    pub strict: bool,
    /// Words joined without an operator are alternatives (OR), not all required.
    pub any: bool,
    /// No widening at all: no stemming, variants, compounds, aliases or fuzzy names.
    pub exact: bool,
}

/// Builds tantivy queries from dossier query text.
pub struct QueryBuilder {
    fields: Fields,
    exact: TextAnalyzer,
    stemmed: TextAnalyzer,
    stemmer: TextAnalyzer,
    searcher: Option<Searcher>,
    syntax: Syntax,
    widened: Vec<String>,
    /// Stems of the positive, unquoted one-word clauses, for the proximity bonus.
    proximity: Vec<String>,
    /// Problems found while translating (reported like parse warnings).
    notes: Vec<String>,
}

struct Translated {
    query: Box<dyn Query>,
    display: String,
}

impl QueryBuilder {
    /// A builder for an index with these fields; with a searcher, queries are widened
    /// to the variants the index holds (see [`super::expand`]).
    pub fn new(fields: Fields, searcher: Option<Searcher>) -> QueryBuilder {
        QueryBuilder {
            fields,
            exact: exact_analyzer(),
            stemmed: stemmed_analyzer(),
            stemmer: crate::analyze::word_stemmer(),
            searcher,
            syntax: Syntax::default(),
            widened: Vec::new(),
            proximity: Vec::new(),
            notes: Vec::new(),
        }
    }

    /// Parses `text` and adds `filters`; an empty text matches every passage.
    pub fn build(&mut self, text: &str, syntax: Syntax, filters: &Filters) -> Result<Plan> {
        check_limits(text)?;
        self.syntax = syntax;
        self.widened.clear();
        self.proximity.clear();
        self.notes.clear();
        let mut matchers = Vec::new();
        let mut warnings = Vec::new();
        let main = if text.trim().is_empty() {
            None
        } else if syntax.phrase {
            Some(self.phrase_mode(text, &mut matchers)?)
        } else {
            let text = join_written_numbers(text);
            let ast = parse(&text, syntax.strict, &mut warnings)?;
            Some(self.ast(&ast, false, &text, &mut matchers)?)
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut display = Vec::new();
        if let Some(t) = main {
            clauses.push((Occur::Must, t.query));
            display.push(t.display);
        }
        if syntax.strict && !self.notes.is_empty() {
            let reason = format!("{}; fix it, or drop --strict", self.notes.join("; "));
            return Err(bad(text, &reason));
        }
        warnings.append(&mut self.notes);
        if let Some(bonus) = self.proximity_bonus() {
            clauses.push((Occur::Should, bonus));
        }
        self.add_filters(filters, &mut clauses, &mut display)?;
        // Every searchable field is on passages only, so a query with a clause matches
        // passages only; with none, it asks for every passage.
        if clauses.is_empty() {
            clauses.push((Occur::Must, self.term_query(self.fields.kind, KIND_PASSAGE)));
        }
        // A lone required clause runs as itself: a union of words then keeps tantivy's
        // block-max WAND, which skips the passages that cannot reach the top.
        let query: Box<dyn Query> = if clauses.len() == 1 && clauses[0].0 == Occur::Must {
            clauses.remove(0).1
        } else {
            Box::new(BooleanQuery::new(clauses))
        };
        Ok(Plan {
            query,
            matchers,
            parsed: display.join(" "),
            warnings,
            widened: std::mem::take(&mut self.widened),
        })
    }

    /// A bonus for passages where the query's words stand close together, in order:
    /// a sloppy phrase of the unquoted words, worth half a match.
    fn proximity_bonus(&self) -> Option<Box<dyn Query>> {
        if self.proximity.len() < 2 || self.proximity.len() > MAX_PROXIMITY_WORDS {
            return None;
        }
        let terms: Vec<Term> = self
            .proximity
            .iter()
            .map(|w| Term::from_field_text(self.fields.body, w))
            .collect();
        let mut phrase = PhraseQuery::new(terms);
        phrase.set_slop(PROXIMITY_SLOP);
        Some(Box::new(BoostQuery::new(Box::new(phrase), PROXIMITY_BOOST)))
    }

    fn phrase_mode(&mut self, text: &str, matchers: &mut Vec<Matcher>) -> Result<Translated> {
        let literal = UserInputLiteral {
            field_name: None,
            phrase: text.trim().to_string(),
            delimiter: Delimiter::DoubleQuotes,
            slop: 0,
            prefix: false,
        };
        self.literal(&literal, false, text, matchers)
    }

    fn ast(
        &mut self,
        ast: &UserInputAst,
        negated: bool,
        text: &str,
        matchers: &mut Vec<Matcher>,
    ) -> Result<Translated> {
        match ast {
            UserInputAst::Clause(clauses) => self.clauses(clauses, negated, text, matchers),
            UserInputAst::Boost(inner, boost) => {
                let inner = self.ast(inner, negated, text, matchers)?;
                let boost = boost.into_inner() as f32;
                Ok(Translated {
                    query: Box::new(BoostQuery::new(inner.query, boost)),
                    display: format!("({})^{boost}", inner.display),
                })
            }
            UserInputAst::Leaf(leaf) => self.leaf(leaf, negated, text, matchers),
        }
    }

    fn clauses(
        &mut self,
        clauses: &[(Option<query_grammar::Occur>, UserInputAst)],
        negated: bool,
        text: &str,
        matchers: &mut Vec<Matcher>,
    ) -> Result<Translated> {
        if clauses.is_empty() {
            return Ok(Translated {
                query: Box::new(EmptyQuery),
                display: "()".into(),
            });
        }
        let mut out: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut display = Vec::new();
        for (occur, sub) in clauses {
            let occur = match occur {
                Some(query_grammar::Occur::Should) => Occur::Should,
                Some(query_grammar::Occur::MustNot) => Occur::MustNot,
                Some(query_grammar::Occur::Must) => Occur::Must,
                None if self.syntax.any => Occur::Should,
                None => Occur::Must,
            };
            let sub_negated = negated ^ (occur == Occur::MustNot);
            let t = self.ast(sub, sub_negated, text, matchers)?;
            display.push(match occur {
                Occur::Must => format!("+{}", t.display),
                Occur::MustNot => format!("-{}", t.display),
                Occur::Should => t.display,
            });
            let query = if occur == Occur::MustNot {
                Box::new(Forward(t.query))
            } else {
                t.query
            };
            out.push((occur, query));
        }
        if out.iter().all(|(occur, _)| *occur == Occur::MustNot) {
            out.push((Occur::Must, self.term_query(self.fields.kind, KIND_PASSAGE)));
        }
        if out.len() == 1 && out[0].0 == Occur::Must {
            let (_, query) = out.remove(0);
            let display = display.remove(0).trim_start_matches('+').to_string();
            return Ok(Translated { query, display });
        }
        Ok(Translated {
            query: Box::new(BooleanQuery::new(out)),
            display: format!("({})", display.join(" ")),
        })
    }

    fn leaf(
        &mut self,
        leaf: &UserInputLeaf,
        negated: bool,
        text: &str,
        matchers: &mut Vec<Matcher>,
    ) -> Result<Translated> {
        match leaf {
            UserInputLeaf::Literal(literal) => self.literal(literal, negated, text, matchers),
            UserInputLeaf::All => Ok(Translated {
                query: self.term_query(self.fields.kind, KIND_PASSAGE),
                display: "*".into(),
            }),
            UserInputLeaf::Range {
                field,
                lower,
                upper,
            } => self.range(field.as_deref(), lower, upper, text),
            UserInputLeaf::Set { .. } => {
                Err(bad(text, "`IN [...]` sets are not supported; use OR"))
            }
            UserInputLeaf::Exists { field } => Err(bad(
                text,
                &format!("`{field}:*` is not supported; {FIELDS_HINT}"),
            )),
            UserInputLeaf::Regex { .. } => Err(bad(
                text,
                "regular expressions are not supported; use prefix* instead",
            )),
        }
    }

    fn literal(
        &mut self,
        lit: &UserInputLiteral,
        negated: bool,
        text: &str,
        matchers: &mut Vec<Matcher>,
    ) -> Result<Translated> {
        match lit.field_name.as_deref() {
            None => self.text_literal(lit, Scope::Everywhere, negated, matchers),
            Some("title") => self.text_literal(lit, Scope::Title, negated, matchers),
            Some("entity") => Ok(self.keyword(self.fields.entity, "entity", &lit.phrase)),
            Some("source") => Ok(self.keyword(self.fields.source, "source", &lit.phrase)),
            Some("cites") => Ok(self.keyword(self.fields.cites, "cites", &lit.phrase)),
            Some("mentions") => self.mention_literal(&lit.phrase, text),
            Some("date") => self.date_literal(&lit.phrase, text),
            Some(other) => Err(bad(
                text,
                &format!("unknown field `{other}:`; {FIELDS_HINT}"),
            )),
        }
    }

    fn text_literal(
        &mut self,
        lit: &UserInputLiteral,
        scope: Scope,
        negated: bool,
        matchers: &mut Vec<Matcher>,
    ) -> Result<Translated> {
        let quoted = lit.delimiter != Delimiter::None;
        // The grammar keeps the `*` of an unquoted `ceasef*` inside the word.
        let mut lit = lit.clone();
        if !quoted && lit.phrase.ends_with('*') {
            lit.phrase = lit.phrase.trim_end_matches('*').to_string();
            lit.prefix = true;
        }
        // Likewise the `~1` of an unquoted `word~1` (fuzzy).
        if let Some((word, distance)) = lit.phrase.rsplit_once('~') {
            if !quoted && !word.is_empty() && !word.contains(char::is_whitespace) {
                if let Ok(distance) = distance.parse::<u32>() {
                    lit.phrase = word.to_string();
                    lit.slop = distance.max(1);
                }
            }
        }
        let lit = &lit;
        let exact_words = terms(&mut self.exact, &lit.phrase);
        // `word~2` is fuzzy: tantivy's grammar reads it as a one-word phrase with slop.
        let fuzzy = if !quoted && !lit.prefix && lit.slop > 0 && exact_words.len() == 1 {
            if lit.slop > 2 {
                self.notes.push(format!(
                    "{}~{} allows at most 2 edits; searched {0}~2",
                    lit.phrase, lit.slop
                ));
            }
            lit.slop.min(2) as u8
        } else {
            0
        };
        let stemmed = !quoted && !lit.prefix && fuzzy == 0 && !self.syntax.exact;
        let words = if stemmed {
            terms(&mut self.stemmed, &lit.phrase)
        } else {
            exact_words.clone()
        };
        if words.is_empty() {
            return Ok(Translated {
                query: Box::new(EmptyQuery),
                display: "()".into(),
            });
        }
        let (body, title) = (self.fields.body, self.fields.title);
        let slop = if fuzzy > 0 { 0 } else { lit.slop };
        let mut query = if stemmed {
            // One flat union of the body's and the (boosted) title's words: tantivy
            // prunes a union of terms with block-max WAND, not a union of unions.
            let mut clauses = Vec::new();
            if scope == Scope::Everywhere {
                clauses.extend(self.stem_clauses(body, &exact_words, &words, slop, 1.0));
                clauses.extend(self.stem_clauses(title, &exact_words, &words, slop, TITLE_BOOST));
            } else {
                clauses.extend(self.stem_clauses(title, &exact_words, &words, slop, 1.0));
            }
            if clauses.len() == 1 && (clauses[0].0 == Occur::Should) {
                clauses.remove(0).1
            } else {
                Box::new(BooleanQuery::new(clauses))
            }
        } else {
            self.scoped(
                scope,
                words_query(body, &words, slop, lit.prefix, fuzzy),
                words_query(title, &words, slop, lit.prefix, fuzzy),
            )
        };
        let matcher = Matcher {
            stemmed,
            terms: words.clone(),
            slop,
            prefix: lit.prefix,
            fuzzy,
            widened: false,
            scope,
        };
        if !negated && !self.syntax.exact && !lit.prefix && fuzzy == 0 {
            query = self.widen(query, lit, &exact_words, scope, matchers);
        }
        if !negated {
            matchers.push(matcher);
            if stemmed && !quoted && exact_words.len() == 1 && scope == Scope::Everywhere {
                // The body holds words as written: the bonus is for the words typed.
                self.proximity.push(exact_words[0].clone());
            }
        }
        let mut display = display_literal(scope, &words, quoted || words.len() > 1, lit);
        if fuzzy > 0 {
            display = format!(
                "{}~{fuzzy}",
                display.trim_end_matches(&format!("~{}", lit.slop))
            );
        }
        Ok(Translated { query, display })
    }

    /// A word matched by stem: any indexed word of its stem family (the index holds
    /// words as written), as alternatives (`Should` clauses) weighted by `boost`.
    /// Several words (a hyphenated compound) match as written, as one phrase.
    fn stem_clauses(
        &mut self,
        field: Field,
        exact_words: &[String],
        stems: &[String],
        slop: u32,
        boost: f32,
    ) -> Vec<(Occur, Box<dyn Query>)> {
        let boosted = |query: Box<dyn Query>| -> Box<dyn Query> {
            if boost == 1.0 {
                query
            } else {
                Box::new(BoostQuery::new(query, boost))
            }
        };
        let family = match (self.searcher.as_ref(), exact_words, stems) {
            (Some(searcher), [word], [stem]) => {
                let vocab = Vocabulary {
                    searcher,
                    fields: &self.fields,
                };
                vocab.stem_family(field, word, stem, &mut self.stemmer)
            }
            _ => {
                let query = words_query(field, exact_words, slop, false, 0);
                return vec![(Occur::Should, boosted(query))];
            }
        };
        family
            .iter()
            .map(|w| {
                let term = Term::from_field_text(field, w);
                let query: Box<dyn Query> =
                    Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
                (Occur::Should, boosted(query))
            })
            .collect()
    }

    /// A clause over the body and the boosted title, or the title only.
    fn scoped(&self, scope: Scope, body: Box<dyn Query>, title: Box<dyn Query>) -> Box<dyn Query> {
        match scope {
            Scope::Title => title,
            Scope::Everywhere => Box::new(BooleanQuery::new(vec![
                (Occur::Should, body),
                (Occur::Should, Box::new(BoostQuery::new(title, TITLE_BOOST))),
            ])),
        }
    }

    /// Adds the variants the index holds as alternatives to `query`.
    fn widen(
        &mut self,
        query: Box<dyn Query>,
        lit: &UserInputLiteral,
        exact_words: &[String],
        scope: Scope,
        matchers: &mut Vec<Matcher>,
    ) -> Box<dyn Query> {
        let Some(searcher) = self.searcher.clone() else {
            return query;
        };
        let vocab = Vocabulary {
            searcher: &searcher,
            fields: &self.fields,
        };
        let mut alternatives = expand::alternatives(&vocab, &mut self.exact, &lit.phrase);
        for form in expand::entity_forms(&vocab, &mut self.exact, &lit.phrase) {
            if !alternatives.contains(&form) {
                alternatives.push(form);
            }
        }
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = vec![(Occur::Should, query)];
        let mut shown = Vec::new();
        for words in alternatives {
            let body = expand::phrase(self.fields.body, &words);
            let title = expand::phrase(self.fields.title, &words);
            let alternative = self.scoped(scope, body, title);
            clauses.push((
                Occur::Should,
                Box::new(BoostQuery::new(alternative, VARIANT_BOOST)),
            ));
            shown.push(words.join(" "));
            matchers.push(Matcher {
                stemmed: false,
                terms: words,
                slop: 0,
                prefix: false,
                fuzzy: 0,
                widened: true,
                scope,
            });
        }
        if let [word] = exact_words {
            if let Some(distance) = expand::fuzzy_distance_for_name(&vocab, &lit.phrase, word) {
                let fuzzy = words_query(self.fields.body, exact_words, 0, false, distance);
                let fuzzy_title = words_query(self.fields.title, exact_words, 0, false, distance);
                let alternative = self.scoped(scope, fuzzy, fuzzy_title);
                clauses.push((
                    Occur::Should,
                    Box::new(BoostQuery::new(alternative, VARIANT_BOOST)),
                ));
                shown.push(format!("spellings within {distance} edit(s) of {word}"));
                matchers.push(Matcher {
                    stemmed: false,
                    terms: exact_words.to_vec(),
                    slop: 0,
                    prefix: false,
                    fuzzy: distance,
                    widened: true,
                    scope,
                });
            }
        }
        if shown.is_empty() {
            let (_, query) = clauses.remove(0);
            return query;
        }
        self.widened.push(format!(
            "{} also matched {}",
            lit.phrase.trim(),
            shown.join(", ")
        ));
        Box::new(BooleanQuery::new(clauses))
    }

    /// `entity:` and `source:` values: the words of the value, as a phrase.
    fn keyword(&mut self, field: Field, name: &str, value: &str) -> Translated {
        let words = terms(&mut self.exact, value);
        if words.is_empty() {
            return Translated {
                query: Box::new(EmptyQuery),
                display: format!("{name}:()"),
            };
        }
        // "us"/"uk" typed in lowercase still mean the abbreviation here: entity and
        // source values are names, matched case-insensitively.
        let dotted: Vec<String> = words
            .iter()
            .map(|w| {
                if crate::analyze::variants::needs_capitals(w) {
                    crate::analyze::tokenizer::dotted(w)
                } else {
                    w.clone()
                }
            })
            .collect();
        let mut query = if dotted != words {
            Box::new(BooleanQuery::new(vec![
                (Occur::Should, words_query(field, &words, 0, false, 0)),
                (Occur::Should, words_query(field, &dotted, 0, false, 0)),
            ])) as Box<dyn Query>
        } else {
            words_query(field, &words, 0, false, 0)
        };
        if field == self.fields.entity && !self.syntax.exact {
            if let Some(searcher) = self.searcher.clone() {
                let vocab = Vocabulary {
                    searcher: &searcher,
                    fields: &self.fields,
                };
                let spellings = expand::entity_spellings(&vocab, &words);
                if !spellings.is_empty() {
                    let shown: Vec<String> = spellings.iter().map(|w| w.join(" ")).collect();
                    self.widened.push(format!(
                        "{name}:{} also matched {}",
                        value.trim(),
                        shown.join(", ")
                    ));
                    let mut any = vec![(Occur::Should, query)];
                    for words in spellings {
                        any.push((Occur::Should, words_query(field, &words, 0, false, 0)));
                    }
                    query = Box::new(BooleanQuery::new(any));
                }
            }
        }
        if field == self.fields.entity {
            // Entity names are indexed on article documents: the query selects
            // their passages.
            query = Box::new(PassagesOf::new(query));
        }
        Translated {
            query,
            display: format!("{name}:\"{}\"", words.join(" ")),
        }
    }

    fn date_literal(&self, value: &str, text: &str) -> Result<Translated> {
        let (from, to) = parse_plain_date_range(value.trim())
            .ok_or_else(|| bad(text, &format!("`date:{value}` is not a date; {DATE_HINT}")))?;
        Ok(self.date_range(Some(from), Some(to)))
    }

    fn range(
        &self,
        field: Option<&str>,
        lower: &UserInputBound,
        upper: &UserInputBound,
        text: &str,
    ) -> Result<Translated> {
        if field != Some("date") {
            return Err(bad(text, "ranges `[a TO b]` work only on `date:`"));
        }
        let from = bound_date(lower, true, text)?;
        let to = bound_date(upper, false, text)?;
        Ok(self.date_range(from, to))
    }

    // Publication date between `from` and `to`, both inclusive days.
    fn date_range(&self, from: Option<Date>, to: Option<Date>) -> Translated {
        let field = self.fields.date;
        // tantivy needs at least one bound: an open start is the earliest date.
        let lower = match from {
            Some(d) => Bound::Included(Term::from_field_date(field, day_start(d))),
            None => Bound::Included(Term::from_field_date(
                field,
                DateTime::from_timestamp_nanos(i64::MIN),
            )),
        };
        let upper = match to.and_then(|d| d.next_day()) {
            Some(d) => Bound::Excluded(Term::from_field_date(field, day_start(d))),
            None => Bound::Unbounded,
        };
        let show = |d: Option<Date>| d.map(|d| d.to_string()).unwrap_or_else(|| "*".into());
        Translated {
            query: Box::new(RangeQuery::new(lower, upper)),
            display: format!("date:[{} TO {}]", show(from), show(to)),
        }
    }

    fn add_filters(
        &mut self,
        filters: &Filters,
        clauses: &mut Vec<(Occur, Box<dyn Query>)>,
        display: &mut Vec<String>,
    ) -> Result<()> {
        if filters.since.is_some() || filters.until.is_some() {
            let t = self.date_range(filters.since, filters.until);
            clauses.push((Occur::Must, t.query));
            display.push(format!("+{}", t.display));
        }
        for entity in &filters.entities {
            let t = self.keyword(self.fields.entity, "entity", entity);
            clauses.push((Occur::Must, t.query));
            display.push(format!("+{}", t.display));
        }
        for outlet in &filters.cites {
            let t = self.keyword(self.fields.cites, "cites", outlet);
            clauses.push((Occur::Must, t.query));
            display.push(format!("+{}", t.display));
        }
        if !filters.sources.is_empty() {
            let mut any: Vec<(Occur, Box<dyn Query>)> = Vec::new();
            let mut shown = Vec::new();
            for source in &filters.sources {
                let t = self.keyword(self.fields.source, "source", source);
                any.push((Occur::Should, t.query));
                shown.push(t.display);
            }
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(any))));
            display.push(format!("+({})", shown.join(" OR ")));
        }
        Ok(())
    }

    /// `mentions:2025-03-13`: passages naming that date (normalised values: a day, a
    /// month `2025-03`, a year, a week `2025-W11`).
    fn mention_literal(&self, value: &str, text: &str) -> Result<Translated> {
        let value = value.trim();
        let plain = value.len() >= 4
            && value.len() <= 10
            && value.bytes().take(4).all(|b| b.is_ascii_digit())
            && value
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !plain {
            return Err(bad(
                text,
                &format!("`mentions:{value}` is not a date; {DATE_HINT} (or YYYY-Www for a week)"),
            ));
        }
        let value = value.to_ascii_uppercase();
        Ok(Translated {
            query: self.term_query(self.fields.mentions, &value),
            display: format!("mentions:{value}"),
        })
    }

    fn term_query(&self, field: Field, value: &str) -> Box<dyn Query> {
        let term = Term::from_field_text(field, value);
        Box::new(TermQuery::new(term, IndexRecordOption::Basic))
    }
}

const FIELDS_HINT: &str = "the fields are title:, entity:, source:, cites:, mentions: and date:";
const DATE_HINT: &str = "write dates as YYYY, YYYY-MM or YYYY-MM-DD";

/// Words of a query that still get a proximity bonus (longer queries are prose).
const MAX_PROXIMITY_WORDS: usize = 8;
/// How far apart the words may stand for the proximity bonus.
const PROXIMITY_SLOP: u32 = 8;
/// Weight of the proximity bonus.
const PROXIMITY_BOOST: f32 = 0.5;

/// Score multiplier for a widened alternative (the spelling asked for ranks first).
pub const VARIANT_BOOST: f32 = 0.8;

/// A term, phrase, sloppy phrase, prefix or fuzzy query over `words` in `field`.
fn words_query(
    field: Field,
    words: &[String],
    slop: u32,
    prefix: bool,
    fuzzy: u8,
) -> Box<dyn Query> {
    let terms: Vec<Term> = words
        .iter()
        .map(|w| Term::from_field_text(field, w))
        .collect();
    if fuzzy > 0 && terms.len() == 1 {
        return Box::new(FuzzyTermQuery::new(terms[0].clone(), fuzzy, true));
    }
    match (terms.len(), prefix) {
        (1, false) => Box::new(TermQuery::new(
            terms[0].clone(),
            IndexRecordOption::WithFreqs,
        )),
        (1, true) => Box::new(FuzzyTermQuery::new_prefix(terms[0].clone(), 0, true)),
        (_, true) => Box::new(PhrasePrefixQuery::new(terms)),
        (_, false) => {
            let mut phrase = PhraseQuery::new(terms);
            phrase.set_slop(slop);
            Box::new(phrase)
        }
    }
}

fn display_literal(scope: Scope, words: &[String], quoted: bool, lit: &UserInputLiteral) -> String {
    let field = if scope == Scope::Title { "title:" } else { "" };
    let mut out = if quoted {
        format!("{field}\"{}\"", words.join(" "))
    } else {
        format!("{field}{}", words.join(" "))
    };
    if lit.slop > 0 {
        out.push_str(&format!("~{}", lit.slop));
    }
    if lit.prefix {
        out.push('*');
    }
    out
}

fn day_start(date: Date) -> DateTime {
    DateTime::from_utc(date.midnight().assume_utc())
}

fn bound_date(bound: &UserInputBound, lower: bool, text: &str) -> Result<Option<Date>> {
    let (value, inclusive) = match bound {
        UserInputBound::Unbounded => return Ok(None),
        UserInputBound::Inclusive(v) => (v, true),
        UserInputBound::Exclusive(v) => (v, false),
    };
    if value == "*" {
        return Ok(None);
    }
    let (first, last) = parse_plain_date_range(value.trim())
        .ok_or_else(|| bad(text, &format!("`{value}` is not a date; {DATE_HINT}")))?;
    Ok(match (lower, inclusive) {
        (true, true) => Some(first),
        (true, false) => last.next_day(),
        (false, true) => Some(last),
        (false, false) => first.previous_day(),
    })
}

fn bad(query: &str, reason: &str) -> Error {
    Error::Query {
        query: query.to_string(),
        reason: reason.to_string(),
    }
}

/// Joins the words of a number written with spaces (`twenty four`, `5 million`) with
/// hyphens, so that the grammar keeps them in one clause and the tokenizer reads one
/// number, as it does in the text. Inside quotes nothing needs to change.
fn join_written_numbers(text: &str) -> String {
    let mut out = text.to_string();
    for (range, _) in crate::analyze::tokenizer::written_numbers(text)
        .into_iter()
        .rev()
    {
        let quotes_before = text[..range.start].matches('"').count();
        let part = &text[range.clone()];
        if quotes_before.is_multiple_of(2) && part.contains(' ') {
            out.replace_range(range, &part.replace(' ', "-"));
        }
    }
    out
}

/// Rejects queries too long or too deeply nested to parse safely.
fn check_limits(text: &str) -> Result<()> {
    if text.len() > MAX_QUERY_BYTES {
        let reason = format!(
            "the query is {} bytes long; the limit is {MAX_QUERY_BYTES}, shorten it",
            text.len()
        );
        return Err(bad(&text.chars().take(60).collect::<String>(), &reason));
    }
    let mut depth: usize = 0;
    let mut deepest = 0;
    for c in text.chars() {
        match c {
            '(' | '[' | '{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    if deepest > MAX_NESTING {
        let reason =
            format!("brackets are nested {deepest} deep; the limit is {MAX_NESTING}, simplify it");
        return Err(bad(&text.chars().take(60).collect::<String>(), &reason));
    }
    Ok(())
}

/// Parses with tantivy's grammar, leniently unless `strict`. A dangling operator
/// (`putin OR`) is dropped with a warning; the grammar would take it for a word.
fn parse(text: &str, strict: bool, warnings: &mut Vec<String>) -> Result<UserInputAst> {
    let trimmed = text.trim_end();
    for op in ["OR", "AND", "NOT"] {
        let dangling = trimmed
            .strip_suffix(op)
            .filter(|rest| rest.is_empty() || rest.ends_with(char::is_whitespace));
        if let Some(rest) = dangling {
            let problem = format!("`{op}` at the end joins nothing");
            if strict {
                return Err(bad(text, &format!("{problem}; finish or remove it")));
            }
            warnings.push(format!("{problem}; ignored it"));
            return parse(rest, strict, warnings);
        }
    }
    let (ast, errors) = query_grammar::parse_query_lenient(text);
    if errors.is_empty() {
        return Ok(ast);
    }
    let described: Vec<String> = errors
        .iter()
        .map(|e| format!("{} at byte {}", e.message.to_lowercase(), e.pos))
        .collect();
    if strict {
        return Err(bad(
            text,
            &format!(
                "{}; fix it, or drop --strict to search what could be read",
                described.join("; ")
            ),
        ));
    }
    let total = described.len();
    for warning in described {
        if warnings.len() < MAX_WARNINGS && !warnings.contains(&warning) {
            warnings.push(warning);
        }
    }
    if total > warnings.len() {
        warnings.push(format!("{} more problems", total - warnings.len()));
    }
    Ok(ast)
}
