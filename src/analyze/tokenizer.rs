//! The word tokenizer shared by indexing, querying and highlighting.
//!
//! Built on unicode-segmentation's UAX #29 word boundaries, then shaped for news text:
//!
//! - possessive `'s` / `’s` is stripped (`Russia’s` → `russia`);
//! - hyphenated words are split into adjacent positions by UAX #29 itself, so
//!   `"30-day ceasefire"` matches both "30-day ceasefire" and "30 day ceasefire";
//! - digit groups lose their separators (`5,000` → `5000`), decimals are kept (`1.5`);
//! - dotted acronyms are joined (`e.g.` → `eg`), and an abbreviation that is only itself
//!   in capitals (`US`, `U.S.`, `UK`, `WHO`) is written dotted (`u.s`), so that the pronoun
//!   "us" never matches the US; other dotted words are split (`Caliber.Az` → `caliber`,
//!   `az`);
//! - a cardinal written in words becomes one token holding its decimal value, whose byte
//!   range covers all its words (`twenty-four` → `24`, `two hundred and five` → `205`,
//!   `5 million` → `5000000`; `five-year` → `5`, `year`; a lone `one` stays a word): see
//!   [`super::numbers`] for exactly what counts;
//! - the filters of [`super`] (the analyzers) then lowercase, fold accents (café = cafe) and,
//!   for the stemmed analyzer, apply the English Snowball stemmer.
//!
//! Every token keeps its byte range in the original text, which is what lets the
//! highlighter mark exactly the words a query matched.

use std::ops::Range;

use tantivy::tokenizer::{Token, TokenStream, Tokenizer};

use super::numbers::{find_numbers, Found, Joint, Word};

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
/// cleaned surface form (not yet lowercased), or the decimal value of a cardinal written
/// in words; `start..end` is its byte range in `text`.
pub fn split_words(text: &str, emit: &mut dyn FnMut(usize, usize, String)) {
    let words = plain_words(text);
    let found = find_written_numbers(text, &words);
    let mut found = found.into_iter().peekable();
    let mut words = words.into_iter().enumerate();
    while let Some((index, (start, end, word))) = words.next() {
        match found.next_if(|f| f.words.start == index) {
            Some(number) => {
                // The number's last word (`nth` skips the ones in between).
                let end = match number.words.len() {
                    1 => end,
                    n => words.nth(n - 2).map_or(end, |(_, (_, end, _))| end),
                };
                emit(start, end, number.value.to_string());
            }
            None => emit(start, end, word),
        }
    }
}

/// The cardinals written in words in `text`, as [`split_words`] reads them: the byte range
/// of each (from its first word to its last) and its value.
///
/// Meant for query parsing: tantivy's query grammar cuts unquoted text at spaces, so a
/// query side that wants unquoted `twenty four` or `1.5 billion` to match as one number
/// can quote the ranges that contain a space before parsing.
///
/// ```
/// use dossier::analyze::tokenizer::written_numbers;
/// let text = "twenty four hours, one of the 5 million";
/// let found = written_numbers(text);
/// assert_eq!(found, [(0..11, 24), (30..39, 5_000_000)]);
/// assert_eq!(&text[found[1].0.clone()], "5 million");
/// ```
pub fn written_numbers(text: &str) -> Vec<(Range<usize>, u64)> {
    let words = plain_words(text);
    find_written_numbers(text, &words)
        .into_iter()
        .filter_map(|number| {
            let first = words.get(number.words.start)?;
            let last = words.get(number.words.end.checked_sub(1)?)?;
            Some((first.0..last.1, number.value))
        })
        .collect()
}

/// The words of `text` before numbers are read: (start, end, cleaned form).
fn plain_words(text: &str) -> Vec<(usize, usize, String)> {
    let mut words = Vec::with_capacity(text.len() / 6);
    word_segments(text, &mut |start, segment| {
        let segment = strip_possessive(segment);
        emit_segment(start, segment, &mut |from, to, word| {
            words.push((from, to, word))
        });
    });
    words
}

/// Calls `f(start, segment)` for every UAX #29 word segment of `text` that holds a
/// letter or digit (see [`super::segment`] for its ASCII fast path).
fn word_segments(text: &str, f: &mut dyn FnMut(usize, &str)) {
    for (start, segment) in super::segment::WordSegments::new(text) {
        let word = if segment.is_ascii() {
            segment.bytes().any(|c| c.is_ascii_alphanumeric())
        } else {
            segment.chars().any(char::is_alphanumeric)
        };
        if word {
            f(start, segment);
        }
    }
}

/// The cardinals written in words among `words` (byte ranges into `text`).
fn find_written_numbers(text: &str, words: &[(usize, usize, String)]) -> Vec<Found> {
    let mut previous_end = None;
    let input: Vec<Word<'_>> = words
        .iter()
        .map(|(start, end, word)| {
            let joint = match previous_end {
                Some(previous) => Joint::of_gap(text.get(previous..*start).unwrap_or("")),
                None => Joint::Other,
            };
            previous_end = Some(*end);
            Word { text: word, joint }
        })
        .collect();
    let mut found = Vec::new();
    find_numbers(&input, &mut |number| found.push(number));
    found
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
    if let Some(acronym) = capital_acronym(word) {
        emit(start, start + word.len(), acronym);
        return;
    }
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

/// An abbreviation that is only itself in capitals (`US`, `U.S.`, `UK`, `WHO`; see
/// `variants::needs_capitals`) becomes its dotted form (`U.S`), so that it never meets
/// the ordinary word it spells in lowercase ("told us").
fn capital_acronym(word: &str) -> Option<String> {
    // Cheap checks first: this runs on every word.
    if word.len() > 16 || !word.starts_with(|c: char| c.is_uppercase()) {
        return None;
    }
    let letters: String = word.chars().filter(|&c| c != '.').collect();
    let all_caps = letters.chars().count() >= 2 && letters.chars().all(|c| c.is_uppercase());
    let shape_ok = !word.contains('.') || is_dotted_acronym(word);
    if !all_caps || !shape_ok || !super::variants::needs_capitals(&letters.to_lowercase()) {
        return None;
    }
    Some(dotted(&letters))
}

/// `US` → `U.S`: letters joined by dots.
pub fn dotted(letters: &str) -> String {
    let mut out = String::with_capacity(letters.len() * 2);
    for (i, c) in letters.chars().enumerate() {
        if i > 0 {
            out.push('.');
        }
        out.push(c);
    }
    out
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
    use unicode_segmentation::UnicodeSegmentation;

    /// The segments unicode-segmentation gives, for comparison with the fast path.
    fn uax29(text: &str) -> Vec<(usize, String)> {
        text.split_word_bound_indices()
            .filter(|(_, s)| s.chars().any(char::is_alphanumeric))
            .map(|(i, s)| (i, s.to_string()))
            .collect()
    }

    fn fast(text: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        word_segments(text, &mut |i, s| out.push((i, s.to_string())));
        out
    }

    #[test]
    fn ascii_fast_path_agrees_with_uax29() {
        let alphabet: Vec<char> = "aZq09_.,;:'’ -\n\t!?\"()é$%&/".chars().collect();
        let mut state = 0x2545_f491_4f6c_dd1d_u64;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 24) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push(alphabet[(state % alphabet.len() as u64) as usize]);
            }
            assert_eq!(fast(&text), uax29(&text), "{text:?}");
        }
        for text in [
            "U.S. forces, 5,000 troops; 1.5% at 10:30 a.m. on e.g. Kursk's",
            "rock'n'roll don't 3'4 a:b x_y __ _a a_ 1;2 a;b",
        ] {
            assert_eq!(fast(text), uax29(text), "{text:?}");
        }
    }

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
            ("the U.S. proposal", &["the", "U.S", "proposal"]),
            (
                "the US proposal, told us",
                &["the", "U.S", "proposal", "told", "us"],
            ),
            ("per Caliber.Az.", &["per", "Caliber", "Az"]),
            ("we’re bridging", &["we're", "bridging"]),
            ("“yes, but”", &["yes", "but"]),
            ("86%", &["86"]),
            ("", &[]),
            ("--- ... !!!", &[]),
            ("twenty-four hours", &["24", "hours"]),
            ("Twenty Four Hours", &["24", "Hours"]),
            ("a five-year plan", &["a", "5", "year", "plan"]),
            ("two hundred and five", &["205"]),
            ("$5 million", &["5000000"]),
            ("$1.5 billion", &["1500000000"]),
            ("5,000 people", &["5000", "people"]),
            ("one of the", &["one", "of", "the"]),
            ("one-year", &["1", "year"]),
            ("twenty-first century", &["twenty", "first", "century"]),
            ("twenty\nfour", &["20", "4"]),
            ("twenty  four", &["20", "4"]),
            ("five–ten", &["5", "10"]),
            ("twenty’s four", &["20", "4"]),
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
    fn numbers_cover_their_words() {
        let got = words("Some twenty-four hours, $5 million and one-off two\u{a0}hundred");
        let surfaces: Vec<(&str, &str)> = got.iter().map(|(w, s)| (w.as_str(), *s)).collect();
        assert_eq!(
            surfaces,
            [
                ("Some", "Some"),
                ("24", "twenty-four"),
                ("hours", "hours"),
                ("5000000", "5 million"),
                ("and", "and"),
                ("1", "one"),
                ("off", "off"),
                ("200", "two\u{a0}hundred"),
            ]
        );
    }

    #[test]
    fn number_positions_are_consecutive() {
        let mut tokenizer = WordTokenizer::default();
        let mut stream = tokenizer.token_stream("about two hundred and fifty-five people");
        let mut got = Vec::new();
        while stream.advance() {
            let token = stream.token();
            got.push((token.text.clone(), token.position));
        }
        let expected = [("about", 0), ("255", 1), ("people", 2)];
        let expected: Vec<(String, usize)> =
            expected.iter().map(|&(t, p)| (t.to_string(), p)).collect();
        assert_eq!(got, expected);
    }

    #[test]
    fn random_text_gives_ordered_tokens_on_char_boundaries() {
        let pieces = [
            "twenty", "Four", "one", "hundred", "and", "million", "5", "1.5", "5,000", "year",
            "U.S.", "’s", "'s", " ", "-", "\u{2011}", "\u{a0}", "  ", "\n", ".", ",", "–", "é",
            "日本", "\u{0}", "x", "first",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        for _ in 0..5_000 {
            let mut text = String::new();
            for _ in 0..(state % 16) {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(pieces[(state % pieces.len() as u64) as usize]);
            }
            let mut previous_end = 0;
            split_words(&text, &mut |start, end, word| {
                assert!(
                    previous_end <= start && start < end && end <= text.len(),
                    "{text:?}"
                );
                assert!(text.is_char_boundary(start) && text.is_char_boundary(end));
                assert!(!word.is_empty());
                previous_end = end;
            });
            for (range, _) in written_numbers(&text) {
                assert!(text.get(range).is_some_and(|s| !s.is_empty()), "{text:?}");
            }
        }
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
