//! Phrase-accurate highlighting. The text is tokenized with the same analyzers as the
//! index, and each [`Matcher`] of the query is matched against the token stream the way
//! the index matched it: a word by its stem, a quoted phrase as consecutive exact words
//! (within its slop), a prefix by the start of the word. A phrase match is one span from
//! its first word to its last, so for `"30-day ceasefire"` the span covers
//! "30-day ceasefire" and a lone "ceasefire" elsewhere is not marked.

use std::ops::Range;

use tantivy::tokenizer::TextAnalyzer;

use super::query::{Matcher, Scope};
use crate::analyze::{analyze, exact_analyzer, stemmed_analyzer};

/// Finds highlight spans; reuse one for many texts.
pub struct Highlighter {
    exact: TextAnalyzer,
    stemmed: TextAnalyzer,
}

impl Default for Highlighter {
    fn default() -> Self {
        Highlighter {
            exact: exact_analyzer(),
            stemmed: stemmed_analyzer(),
        }
    }
}

/// One word of the text under both analyzers.
struct Word {
    position: usize,
    start: usize,
    end: usize,
    exact: String,
    stemmed: String,
}

impl Highlighter {
    /// Byte ranges of `text` matched by `matchers`, sorted, merged where they overlap.
    /// `in_title` selects the matchers that apply to a title rather than a passage.
    pub fn highlight(
        &mut self,
        text: &str,
        matchers: &[Matcher],
        in_title: bool,
    ) -> Vec<Range<usize>> {
        let applicable: Vec<&Matcher> = matchers
            .iter()
            .filter(|m| in_title || m.scope == Scope::Everywhere)
            .collect();
        if applicable.is_empty() {
            return Vec::new();
        }
        let words = self.words(text);
        let mut spans = Vec::new();
        for matcher in applicable {
            find(&words, matcher, &mut spans);
        }
        merge(spans)
    }

    fn words(&mut self, text: &str) -> Vec<Word> {
        let exact = analyze(&mut self.exact, text);
        let stemmed = analyze(&mut self.stemmed, text);
        exact
            .into_iter()
            .zip(stemmed)
            .map(|(e, s)| Word {
                position: e.position,
                start: e.start,
                end: e.end,
                exact: e.text,
                stemmed: s.text,
            })
            .collect()
    }
}

fn term_matches(word: &Word, matcher: &Matcher, index: usize) -> bool {
    let form = if matcher.stemmed {
        &word.stemmed
    } else {
        &word.exact
    };
    let term = &matcher.terms[index];
    if matcher.prefix && index + 1 == matcher.terms.len() {
        form.starts_with(term.as_str())
    } else if matcher.fuzzy > 0 {
        form == term || super::expand::edit_distance(form, term) <= matcher.fuzzy as usize
    } else {
        form == term
    }
}

/// Pushes the span of every match of `matcher` in `words`.
fn find(words: &[Word], matcher: &Matcher, spans: &mut Vec<Range<usize>>) {
    if matcher.terms.is_empty() {
        return;
    }
    if matcher.slop > 0 && matcher.terms.len() > 1 {
        find_sloppy(words, matcher, spans);
        return;
    }
    for (i, first) in words.iter().enumerate() {
        if !term_matches(first, matcher, 0) {
            continue;
        }
        if let Some(last) = match_rest(words, i, matcher) {
            spans.push(first.start..words[last].end);
        }
    }
}

/// A sloppy phrase (`"a b"~N`) matches its words in any order, as tantivy does: the
/// cost of a placement is the spread of `position − index in the phrase` over its words
/// (0 for the exact phrase, the gap for words apart in order, 2 for a swapped pair), and
/// it matches when the cost is at most the slop. Each match is one span.
fn find_sloppy(words: &[Word], matcher: &Matcher, spans: &mut Vec<Range<usize>>) {
    let n = matcher.terms.len();
    let slop = matcher.slop as usize;
    let width = n + slop;
    for (i, first) in words.iter().enumerate() {
        if !(0..n).any(|k| term_matches(first, matcher, k)) {
            continue;
        }
        let mut placed: Vec<Option<usize>> = vec![None; n];
        let mut last = i;
        for (j, word) in words.iter().enumerate().skip(i) {
            if word.position >= first.position + width {
                break;
            }
            if let Some(k) = (0..n).find(|&k| placed[k].is_none() && term_matches(word, matcher, k))
            {
                placed[k] = Some(word.position);
                last = j;
            }
        }
        let shifted: Option<Vec<i64>> = placed
            .iter()
            .enumerate()
            .map(|(k, p)| p.map(|p| p as i64 - k as i64))
            .collect();
        if let Some(shifted) = shifted {
            let spread = shifted.iter().max().unwrap_or(&0) - shifted.iter().min().unwrap_or(&0);
            if spread as usize <= slop {
                spans.push(first.start..words[last].end);
            }
        }
    }
}

/// Index of the last word of a phrase match starting at `first`, in order and within
/// the matcher's slop (extra positions allowed in total).
fn match_rest(words: &[Word], first: usize, matcher: &Matcher) -> Option<usize> {
    let start_position = words[first].position;
    let mut current = first;
    for k in 1..matcher.terms.len() {
        let limit = start_position + k + matcher.slop as usize;
        current = (current + 1..words.len())
            .take_while(|&j| words[j].position <= limit)
            .find(|&j| term_matches(&words[j], matcher, k))?;
    }
    Some(current)
}

fn merge(mut spans: Vec<Range<usize>>) -> Vec<Range<usize>> {
    spans.sort_by_key(|s| (s.start, s.end));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(spans.len());
    for span in spans {
        match out.last_mut() {
            Some(last) if span.start <= last.end => last.end = last.end.max(span.end),
            _ => out.push(span),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analyze::terms;

    fn matcher(query: &str, stemmed: bool, slop: u32, prefix: bool) -> Matcher {
        let mut analyzer = if stemmed {
            stemmed_analyzer()
        } else {
            exact_analyzer()
        };
        Matcher {
            stemmed,
            terms: terms(&mut analyzer, query),
            slop,
            prefix,
            fuzzy: 0,
            widened: false,
            scope: Scope::Everywhere,
        }
    }

    fn marked<'a>(text: &'a str, matchers: &[Matcher]) -> Vec<&'a str> {
        let spans = Highlighter::default().highlight(text, matchers, false);
        spans.into_iter().map(|r| &text[r]).collect()
    }

    #[test]
    fn phrase_marks_only_the_phrase() {
        let text = "The 30-day ceasefire is a ceasefire; a 30 day ceasefire too.";
        let m = matcher("30-day ceasefire", false, 0, false);
        assert_eq!(marked(text, &[m]), ["30-day ceasefire", "30 day ceasefire"]);
    }

    #[test]
    fn word_marks_stem_variants() {
        let text = "Ceasefires and a ceasefire, Ceasefire's terms.";
        let m = matcher("ceasefire", true, 0, false);
        assert_eq!(marked(text, &[m]), ["Ceasefires", "ceasefire", "Ceasefire"]);
    }

    #[test]
    fn quoted_word_is_not_stemmed() {
        let text = "ceasefires and ceasefire";
        let m = matcher("ceasefire", false, 0, false);
        assert_eq!(marked(text, &[m]), ["ceasefire"]);
    }

    #[test]
    fn slop_marks_the_window() {
        let text = "Putin met envoy Witkoff; he later spoke.";
        let m = matcher("putin witkoff", false, 2, false);
        assert_eq!(marked(text, &[m]), ["Putin met envoy Witkoff"]);
        let tight = matcher("putin witkoff", false, 1, false);
        assert!(marked(text, &[tight]).is_empty());
    }

    #[test]
    fn slop_matches_in_any_order_like_the_index() {
        let text = "The lion met the zebra today.";
        let m = matcher("zebra lion", false, 6, false);
        assert_eq!(marked(text, &[m]), ["lion met the zebra"]);
        let text = "Witkoff and Putin met.";
        let m = matcher("putin witkoff", false, 3, false);
        assert_eq!(marked(text, &[m]), ["Witkoff and Putin"]);
        let m = matcher("putin witkoff", false, 2, false);
        assert!(marked(text, &[m]).is_empty(), "a swap over a gap costs 3");
    }

    #[test]
    fn prefix_marks_whole_words() {
        let text = "ceasefire, cease, Ceasing";
        let m = matcher("ceas", false, 0, true);
        assert_eq!(marked(text, &[m]), ["ceasefire", "cease", "Ceasing"]);
    }

    #[test]
    fn fuzzy_marks_near_spellings() {
        let text = "Whitkoff met Witkoff, not Wilkins.";
        let mut m = matcher("witkoff", false, 0, false);
        m.fuzzy = 1;
        assert_eq!(marked(text, &[m]), ["Whitkoff", "Witkoff"]);
    }

    #[test]
    fn title_scope_only_in_titles() {
        let mut m = matcher("moscow", true, 0, false);
        m.scope = Scope::Title;
        let mut h = Highlighter::default();
        assert!(h
            .highlight("Moscow", std::slice::from_ref(&m), false)
            .is_empty());
        assert_eq!(
            h.highlight("Moscow", &[m], true),
            std::iter::once(0..6).collect::<Vec<_>>()
        );
    }

    #[test]
    fn overlapping_spans_merge() {
        let text = "30-day ceasefire";
        let a = matcher("30-day ceasefire", false, 0, false);
        let b = matcher("ceasefire", true, 0, false);
        assert_eq!(marked(text, &[a, b]), ["30-day ceasefire"]);
    }
}
