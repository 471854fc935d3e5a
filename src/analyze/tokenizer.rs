//! The word tokenizer shared by indexing, querying and highlighting.
//!
//! Built on unicode-segmentation's UAX #29 word boundaries, then shaped for news text:
//!
//! - possessive `'s` / `’s` is stripped (`Russia’s` → `russia`);
//! - hyphenated words are split into adjacent positions by UAX #29 itself, so
//!   `"30-day ceasefire"` matches both "30-day ceasefire" and "30 day ceasefire";
//! - digit groups lose their separators (`5,000` → `5000`), decimals are kept (`1.5`);
//! - dotted acronyms are joined (`U.S.` → `us`), other dotted words are split
//!   (`Caliber.Az` → `caliber`, `az`);
//! - the filters of [`super`] (the analyzers) then lowercase, fold accents (café = cafe) and,
//!   for the stemmed analyzer, apply the English Snowball stemmer.
//!
//! Every token keeps its byte range in the original text, which is what lets the
//! highlighter mark exactly the words a query matched.

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};
use unicode_segmentation::UnicodeSegmentation;

/// The dossier word tokenizer (see the module docs).
#[derive(Clone, Debug, Default)]
pub struct WordTokenizer {
    tokens: Vec<Token>,
}

/// Stream over the tokens of one text.
pub struct WordTokenStream<'a> {
    tokens: &'a mut Vec<Token>,
    index: usize,
}

impl Tokenizer for WordTokenizer {
    type TokenStream<'a> = WordTokenStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordTokenStream<'a> {
        self.tokens.clear();
        split_words(text, &mut |from, to, word| {
            let position = self.tokens.len();
            self.tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position,
                text: word,
                position_length: 1,
            });
        });
        WordTokenStream {
            tokens: &mut self.tokens,
            index: 0,
        }
    }
}

impl TokenStream for WordTokenStream<'_> {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

/// Calls `emit(start, end, word)` for every word of `text`, in order. The word is the
/// cleaned surface form (not yet lowercased); `start..end` is its byte range in `text`.
pub fn split_words(text: &str, emit: &mut dyn FnMut(usize, usize, String)) {
    for (start, segment) in text.split_word_bound_indices() {
        if !segment.chars().any(char::is_alphanumeric) {
            continue;
        }
        let segment = strip_possessive(segment);
        emit_segment(start, segment, emit);
    }
}

/// Removes a trailing `'s` or `’s` (any case of `s`) from a word of more than two letters.
fn strip_possessive(word: &str) -> &str {
    for apostrophe in ['\'', '’'] {
        let cut = word.len().saturating_sub(apostrophe.len_utf8() + 1);
        if cut > 0 && word.is_char_boundary(cut) {
            let tail = &word[cut..];
            let mut chars = tail.chars();
            if chars.next() == Some(apostrophe) && matches!(chars.next(), Some('s' | 'S')) {
                return &word[..cut];
            }
        }
    }
    word
}

/// Emits one UAX #29 word, splitting or joining at inner `.`, `,` and `_`.
fn emit_segment(start: usize, word: &str, emit: &mut dyn FnMut(usize, usize, String)) {
    if !word.contains(['.', ',', '_', ':']) {
        emit(start, start + word.len(), normalize_apostrophes(word));
        return;
    }
    if is_number(word) {
        let digits: String = word.chars().filter(|&c| c != ',').collect();
        emit(start, start + word.len(), digits);
        return;
    }
    if is_dotted_acronym(word) {
        let letters: String = word.chars().filter(|&c| c != '.').collect();
        emit(start, start + word.len(), letters);
        return;
    }
    let mut offset = start;
    for part in word.split(['.', ',', '_', ':']) {
        if part.chars().any(char::is_alphanumeric) {
            emit(offset, offset + part.len(), normalize_apostrophes(part));
        }
        offset += part.len() + 1;
    }
}

/// `5,000`, `1.5`, `1,100.25`: digits with inner separators.
fn is_number(word: &str) -> bool {
    word.starts_with(|c: char| c.is_ascii_digit())
        && word.ends_with(|c: char| c.is_ascii_digit())
        && word
            .chars()
            .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
}

/// `U.S`, `U.K`, `e.g`: single letters separated by dots.
fn is_dotted_acronym(word: &str) -> bool {
    word.split('.')
        .all(|part| part.chars().count() == 1 && part.chars().all(char::is_alphabetic))
}

fn normalize_apostrophes(word: &str) -> String {
    word.replace('’', "'")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<(String, &str)> {
        let mut out = Vec::new();
        split_words(text, &mut |a, b, w| out.push((w, &text[a..b])));
        out
    }

    fn forms(text: &str) -> Vec<String> {
        words(text).into_iter().map(|(w, _)| w).collect()
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("30-day ceasefire", &["30", "day", "ceasefire"]),
            ("Russia’s Kursk", &["Russia", "Kursk"]),
            ("Witkoff's visit", &["Witkoff", "visit"]),
            ("a population of 5,000.", &["a", "population", "of", "5000"]),
            ("1.5 percent", &["1.5", "percent"]),
            ("the U.S. proposal", &["the", "US", "proposal"]),
            ("per Caliber.Az.", &["per", "Caliber", "Az"]),
            ("we’re bridging", &["we're", "bridging"]),
            ("“yes, but”", &["yes", "but"]),
            ("86%", &["86"]),
            ("", &[]),
            ("--- ... !!!", &[]),
        ];
        for (text, expected) in cases {
            assert_eq!(forms(text), *expected, "tokenizing {text:?}");
        }
    }

    #[test]
    fn offsets_cover_the_surface_form() {
        let got = words("Witkoff’s 30-day U.S. plan");
        let surfaces: Vec<&str> = got.iter().map(|(_, s)| *s).collect();
        assert_eq!(surfaces, ["Witkoff", "30", "day", "U.S", "plan"]);
    }

    #[test]
    fn positions_are_consecutive() {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream("a 30-day cease fire");
        let mut positions = Vec::new();
        while stream.advance() {
            positions.push(stream.token().position);
        }
        assert_eq!(positions, [0, 1, 2, 3, 4]);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in [
            "'s", "’s", "s's", "\u{0}", "x'", "ab’", "..", "a.b.c.d", "_", "1,", ",1",
        ] {
            let _ = forms(text);
        }
    }
}
