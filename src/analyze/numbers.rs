//! English cardinal numbers written as words, for the tokenizer.
//!
//! The word tokenizer ([`super::tokenizer`]) collapses a written-out cardinal into one
//! token whose text is its decimal value, so "twenty-four hours" and "24 hours" index
//! the same terms, at index and at query time alike. This module finds those cardinals
//! in a sequence of words; the tokenizer turns each one into a token whose byte range
//! spans the words as written.
//!
//! # What counts as a number
//!
//! | written                         | token(s)               | why                                        |
//! |---------------------------------|------------------------|--------------------------------------------|
//! | `twenty-four`, `Twenty Four`    | `24`                   | words joined by one hyphen or one space    |
//! | `two hundred and five`          | `205`                  | `and` after `hundred` or a scale word      |
//! | `a hundred`, `thousand`         | `a`, `100` / `1000`    | a scale word alone counts as one of it     |
//! | `twelve hundred`                | `1200`                 | hundreds counted above nine                |
//! | `five-year`                     | `5`, `year`            | the unit stays its own token               |
//! | `5 million`, `1.5 billion`      | `5000000`, `1500000000`| digits times scale words (decimals only if the product is whole); nothing else follows digits |
//! | `one-year`, `one year`          | `1`, `year`            | see "The word *one*" below                 |
//! | `one of the`, `no one`          | `one` …                | a lone *one* is a pronoun                  |
//! | `twenty twenty`                 | `20`, `20`             | not one cardinal: each part on its own     |
//! | `nine-eleven`                   | `9`, `11`              | same; it matches "9/11" and "9-11"         |
//! | `one hundred and two hundred`   | `100`, `and`, `200`    | an `and` is not taken when a scale word would then be left over |
//! | `twenty-first`                  | `twenty`, `first`      | compound ordinals stay words               |
//! | `second`, `fifth`, `hundreds`   | unchanged              | ordinals and plurals are not cardinals     |
//! | `a`, `an`                       | unchanged              | never numbers                              |
//!
//! Words count as joined only when exactly one separator lies between them: a space, a
//! no-break space, or a hyphen (`-`, U+2010, U+2011). En and em dashes (ranges such as
//! "five–ten"), line breaks, punctuation and double spaces end a number.
//!
//! Scale words go up to `trillion` (short scale) and must decrease ("a thousand million"
//! is two numbers), so every value fits in a `u64`; the arithmetic is checked anyway.
//!
//! # The word *one*
//!
//! "One" alone is usually a pronoun ("one of the", "no one", "one day"), so it stays
//! `one` unless it is part of a longer cardinal ("one hundred", "twenty-one") or is
//! followed by
//! - a hyphen and a digit-free word that is not itself a number word: "one-year",
//!   "one-off", "one-third" become `1`, …;
//! - a space and a unit of time, measure or money from a short list ([`UNITS`]), so that
//!   "one year" and "one-year" (and "1 year") keep giving the same terms.
//!
//! # Known limits
//!
//! Years spoken in pairs ("nineteen eighty-four" → `19`, `84`), fractions ("two-thirds" →
//! `2`, `thirds`), "dozen" and "a couple" are not numbers. Digits that cannot be
//! multiplied (`2024 million`, `0 million`, more than three integer digits) stay as they
//! are and the scale word then stands alone (`2024`, `1000000`). Because a number word is
//! replaced, a prefix query such as `hundr*` does not find "hundred", and `million` alone
//! does not find "5 million". Each piece of text is read on its own: a query side that
//! analyzes `twenty` and `four` separately gets `20` and `4`
//! (see [`super::tokenizer::written_numbers`]).

use std::ops::Range;

/// How a word is attached to the word before it in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Joint {
    /// Exactly one space (U+0020, U+00A0 or U+202F) lies between the two words.
    Space,
    /// Exactly one hyphen (`-`, U+2010 or U+2011) lies between the two words.
    Hyphen,
    /// Anything else: the start of the text, punctuation, several spaces, a line break.
    Other,
}

impl Joint {
    /// The joint described by `gap`, the text between two words.
    pub fn of_gap(gap: &str) -> Joint {
        match gap {
            " " | "\u{a0}" | "\u{202f}" => Joint::Space,
            "-" | "\u{2010}" | "\u{2011}" => Joint::Hyphen,
            _ => Joint::Other,
        }
    }

    fn joins(self) -> bool {
        self != Joint::Other
    }
}

/// A word as [`find_numbers`] sees it: its text as written (any case) and how it is
/// attached to the previous word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Word<'a> {
    /// The word, e.g. `Twenty`, `and`, `5`, `1.5`.
    pub text: &'a str,
    /// How the word follows the previous one (ignored for the first word).
    pub joint: Joint,
}

/// A cardinal found by [`find_numbers`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Indices of the words that make up the number.
    pub words: Range<usize>,
    /// Its value.
    pub value: u64,
}

/// Units after which a lone "one" (space-joined) is the number 1, lowercase.
pub const UNITS: &[&str] = &[
    "second",
    "minute",
    "hour",
    "day",
    "night",
    "week",
    "month",
    "year",
    "decade",
    "century",
    "percent",
    "mile",
    "kilometre",
    "kilometer",
    "km",
    "metre",
    "meter",
    "foot",
    "inch",
    "yard",
    "acre",
    "hectare",
    "kilogram",
    "kg",
    "gram",
    "pound",
    "ounce",
    "ton",
    "tonne",
    "litre",
    "liter",
    "gallon",
    "barrel",
    "dollar",
    "euro",
    "cent",
    "penny",
    "yen",
    "yuan",
    "rupee",
    "rouble",
    "ruble",
];

/// What a single word is to the number grammar.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Zero,
    /// one … nine
    Unit(u64),
    /// ten … nineteen
    Teen(u64),
    /// twenty … ninety
    Tens(u64),
    Hundred,
    /// thousand, million, billion, trillion: the multiplier
    Scale(u64),
    And,
    /// Digits, possibly with one decimal point: integer part, fraction digits as an
    /// integer, and how many fraction digits.
    Digits(u64, u64, u32),
    Other,
}

/// Longest number word ("seventeen").
const MAX_WORD: usize = 9;

fn classify(word: &str) -> Kind {
    let bytes = word.as_bytes();
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        return digits(word);
    }
    let mut buf = [0u8; MAX_WORD];
    if !lowercase_into(bytes, &mut buf) {
        return Kind::Other;
    }
    match &buf[..bytes.len()] {
        b"zero" => Kind::Zero,
        b"one" => Kind::Unit(1),
        b"two" => Kind::Unit(2),
        b"three" => Kind::Unit(3),
        b"four" => Kind::Unit(4),
        b"five" => Kind::Unit(5),
        b"six" => Kind::Unit(6),
        b"seven" => Kind::Unit(7),
        b"eight" => Kind::Unit(8),
        b"nine" => Kind::Unit(9),
        b"ten" => Kind::Teen(10),
        b"eleven" => Kind::Teen(11),
        b"twelve" => Kind::Teen(12),
        b"thirteen" => Kind::Teen(13),
        b"fourteen" => Kind::Teen(14),
        b"fifteen" => Kind::Teen(15),
        b"sixteen" => Kind::Teen(16),
        b"seventeen" => Kind::Teen(17),
        b"eighteen" => Kind::Teen(18),
        b"nineteen" => Kind::Teen(19),
        b"twenty" => Kind::Tens(20),
        b"thirty" => Kind::Tens(30),
        b"forty" => Kind::Tens(40),
        b"fifty" => Kind::Tens(50),
        b"sixty" => Kind::Tens(60),
        b"seventy" => Kind::Tens(70),
        b"eighty" => Kind::Tens(80),
        b"ninety" => Kind::Tens(90),
        b"hundred" => Kind::Hundred,
        b"thousand" => Kind::Scale(1_000),
        b"million" => Kind::Scale(1_000_000),
        b"billion" => Kind::Scale(1_000_000_000),
        b"trillion" => Kind::Scale(1_000_000_000_000),
        b"and" => Kind::And,
        _ => Kind::Other,
    }
}

/// Copies `bytes` lowercased into `buf`; false if it does not fit or is not ASCII letters.
fn lowercase_into(bytes: &[u8], buf: &mut [u8]) -> bool {
    if bytes.is_empty() || bytes.len() > buf.len() || !bytes.iter().all(u8::is_ascii_alphabetic) {
        return false;
    }
    for (b, &c) in buf.iter_mut().zip(bytes) {
        *b = c.to_ascii_lowercase();
    }
    true
}

/// `5`, `250`, `1.5`: digits with at most one inner decimal point and an integer part
/// below 1000 (larger ones are never multiplied by a scale word).
fn digits(word: &str) -> Kind {
    let (int, frac) = match word.split_once('.') {
        Some((int, frac)) => (int, frac),
        None => (word, ""),
    };
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if int.is_empty() || !all_digits(int) || !all_digits(frac) || word.ends_with('.') {
        return Kind::Other;
    }
    let frac = frac.trim_end_matches('0');
    if frac.len() > 12 {
        return Kind::Other;
    }
    let int = int.trim_start_matches('0');
    if int.len() > 3 {
        return Kind::Other;
    }
    let parse = |s: &str| {
        if s.is_empty() {
            Some(0)
        } else {
            s.parse::<u64>().ok()
        }
    };
    match (parse(int), parse(frac)) {
        (Some(i), Some(f)) => Kind::Digits(i, f, frac.len() as u32),
        _ => Kind::Other,
    }
}

fn is_unit_ordinal(word: &str) -> bool {
    let mut buf = [0u8; 7];
    lowercase_into(word.as_bytes(), &mut buf)
        && matches!(
            &buf[..word.len()],
            b"first"
                | b"second"
                | b"third"
                | b"fourth"
                | b"fifth"
                | b"sixth"
                | b"seventh"
                | b"eighth"
                | b"ninth"
        )
}

fn is_unit(word: &str) -> bool {
    let mut buf = [0u8; 10];
    lowercase_into(word.as_bytes(), &mut buf)
        && UNITS.iter().any(|u| u.as_bytes() == &buf[..word.len()])
}

/// The previous word consumed by the parser.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Start,
    Unit,
    Teen,
    Tens,
    TensUnit,
    Hundred,
    Scale,
    And,
    Digits,
    /// Nothing may follow (after `zero`, or a decimal times a scale word).
    Closed,
}

/// Left-to-right state of one cardinal being read.
struct Parser {
    /// Sum of the finished scale groups ("five million" → 5 000 000).
    total: u64,
    /// The group being read: hundreds plus the part below a hundred (or digits).
    group: u64,
    /// Multiplier of the last scale word; the next must be smaller.
    last_scale: u64,
    /// Whether the current group already has its "hundred".
    hundred: bool,
    /// A decimal digit word (mantissa, fraction digits) waiting for its scale word.
    decimal: Option<(u64, u32)>,
    /// The number started with digits: only `hundred` and scale words may follow.
    digits_start: bool,
    last: Last,
}

impl Parser {
    fn new() -> Parser {
        Parser {
            total: 0,
            group: 0,
            last_scale: u64::MAX,
            hundred: false,
            decimal: None,
            digits_start: false,
            last: Last::Start,
        }
    }

    /// Takes one more word; `None` if it cannot continue the number (the state is then
    /// unspecified and the parser must be dropped).
    fn step(&mut self, kind: Kind) -> Option<()> {
        use Last::*;
        let last = self.last;
        if last == Last::Closed {
            return None;
        }
        if self.digits_start && !matches!(kind, Kind::Hundred | Kind::Scale(_)) {
            return None;
        }
        match kind {
            Kind::Zero if last == Start => self.last = Closed,
            Kind::Unit(v) if matches!(last, Start | Tens | Hundred | Scale | And) => {
                self.group += v;
                self.last = if last == Tens { TensUnit } else { Unit };
            }
            Kind::Teen(v) | Kind::Tens(v) if matches!(last, Start | Hundred | Scale | And) => {
                self.group += v;
                self.last = if matches!(kind, Kind::Teen(_)) {
                    Teen
                } else {
                    Tens
                };
            }
            Kind::Hundred if !self.hundred && self.decimal.is_none() => {
                match last {
                    Start => self.group = 100,
                    Unit | Teen | Tens | TensUnit | Digits if (1..=99).contains(&self.group) => {
                        self.group *= 100
                    }
                    _ => return None,
                }
                self.hundred = true;
                self.last = Hundred;
            }
            Kind::Scale(scale) if scale < self.last_scale => {
                if let Some((mantissa, frac_digits)) = self.decimal {
                    let divisor = 10u64.checked_pow(frac_digits)?;
                    let product = mantissa.checked_mul(scale)?;
                    if !product.is_multiple_of(divisor) {
                        return None;
                    }
                    self.total = product / divisor;
                    self.group = 0;
                    self.last = Closed;
                    return Some(());
                }
                let multiplier = match last {
                    Start => 1,
                    Unit | Teen | Tens | TensUnit | Hundred | Digits => self.group,
                    _ => return None,
                };
                if !(1..1000).contains(&multiplier) {
                    return None;
                }
                self.total = self.total.checked_add(multiplier.checked_mul(scale)?)?;
                self.group = 0;
                self.hundred = false;
                self.last_scale = scale;
                self.last = Scale;
            }
            Kind::And if matches!(last, Hundred | Scale) => self.last = And,
            Kind::Digits(int, frac, frac_digits) if last == Start => {
                self.group = int;
                self.digits_start = true;
                if frac_digits > 0 {
                    let mantissa = int
                        .checked_mul(10u64.checked_pow(frac_digits)?)?
                        .checked_add(frac)?;
                    self.decimal = Some((mantissa, frac_digits));
                }
                self.last = Digits;
            }
            _ => return None,
        }
        Some(())
    }

    /// The value read so far, if the number may end here.
    fn value(&self) -> Option<u64> {
        match self.last {
            Last::Start | Last::And | Last::Digits => None,
            _ => self.total.checked_add(self.group),
        }
    }
}

/// The longest cardinal at the start of `words`: how many words it takes and its value.
fn leading_number(words: &[Word<'_>]) -> Option<(usize, u64)> {
    let mut parser = Parser::new();
    let mut best = None;
    // The best reading before the last "and" of the current group: if a scale word
    // then fails to attach ("one hundred and two hundred"), the "and" was a conjunction.
    let mut before_and = None;
    for (i, word) in words.iter().enumerate() {
        if i > 0 && !word.joint.joins() {
            break;
        }
        let kind = classify(word.text);
        if parser.step(kind).is_none() {
            if matches!(kind, Kind::Hundred | Kind::Scale(_)) {
                if let Some(mark) = before_and {
                    return mark;
                }
            }
            break;
        }
        match kind {
            Kind::And => before_and = Some(best),
            Kind::Scale(_) => before_and = None,
            _ => {}
        }
        if let Some(value) = parser.value() {
            best = Some((i + 1, value));
        }
    }
    best
}

/// Finds the written-out cardinals in `words`, left to right and without overlap, and
/// reports each to `found` (see the module docs for what counts). Runs in time linear
/// in the number of words.
///
/// ```
/// use dossier::analyze::numbers::{find_numbers, Found, Joint, Word};
/// let words = [
///     Word { text: "a", joint: Joint::Other },
///     Word { text: "Twenty", joint: Joint::Space },
///     Word { text: "four", joint: Joint::Hyphen },
///     Word { text: "hour", joint: Joint::Hyphen },
///     Word { text: "strike", joint: Joint::Space },
/// ];
/// let mut out = Vec::new();
/// find_numbers(&words, &mut |f| out.push(f));
/// assert_eq!(out, [Found { words: 1..3, value: 24 }]);
/// ```
pub fn find_numbers(words: &[Word<'_>], found: &mut dyn FnMut(Found)) {
    let mut i = 0;
    while i < words.len() {
        let Some((len, value)) = leading_number(&words[i..]) else {
            i += 1;
            continue;
        };
        let end = i + len;
        let next = words.get(end).filter(|w| w.joint.joins());
        let last_kind = classify(words[end - 1].text);
        if matches!(last_kind, Kind::Tens(_)) && next.is_some_and(|w| is_unit_ordinal(w.text)) {
            // "twenty-first": an ordinal, left as words.
            i = end;
            continue;
        }
        if len == 1 && last_kind == Kind::Unit(1) && !one_is_a_number(next) {
            i = end;
            continue;
        }
        found(Found {
            words: i..end,
            value,
        });
        i = end;
    }
}

/// Whether a lone "one" followed by `next` (if joined to it) is the number 1.
fn one_is_a_number(next: Option<&Word<'_>>) -> bool {
    match next {
        Some(w) if w.joint == Joint::Hyphen => {
            !w.text.is_empty()
                && !w.text.chars().any(|c| c.is_numeric())
                && classify(w.text) == Kind::Other
        }
        Some(w) if w.joint == Joint::Space => is_unit(w.text),
        _ => false,
    }
}

/// The value of `words` read as one cardinal, as if joined by spaces; `None` unless all
/// of them make exactly one number. This is the grammar alone: `["one"]` is `Some(1)`
/// here, whereas [`find_numbers`] keeps a lone "one" as a word.
///
/// ```
/// use dossier::analyze::numbers::number_value;
/// assert_eq!(number_value(&["Twenty", "four"]), Some(24));
/// assert_eq!(number_value(&["two", "hundred", "and", "five"]), Some(205));
/// assert_eq!(number_value(&["5", "million"]), Some(5_000_000));
/// assert_eq!(number_value(&["twenty", "twenty"]), None);
/// assert_eq!(number_value(&["hundreds"]), None);
/// ```
pub fn number_value(words: &[&str]) -> Option<u64> {
    let words: Vec<Word<'_>> = words
        .iter()
        .map(|&text| Word {
            text,
            joint: Joint::Space,
        })
        .collect();
    match leading_number(&words) {
        Some((len, value)) if len == words.len() => Some(value),
        _ => None,
    }
}

/// Whether `word` (any case) is one of the cardinal words zero … trillion.
pub fn is_number_word(word: &str) -> bool {
    !matches!(classify(word), Kind::Other | Kind::And | Kind::Digits(..))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Splits `text` on spaces and hyphens the way the tokenizer would, then shows each
    /// number as its value and every other word as itself.
    fn numbers(text: &str) -> Vec<String> {
        let mut spans = Vec::new();
        let mut prev_end = 0;
        let mut k = 0;
        let bytes = text.as_bytes();
        while k < text.len() {
            if bytes[k] == b' ' || bytes[k] == b'-' {
                k += 1;
                continue;
            }
            let s = k;
            while k < text.len() && bytes[k] != b' ' && bytes[k] != b'-' {
                k += 1;
            }
            let joint = if spans.is_empty() {
                Joint::Other
            } else {
                Joint::of_gap(&text[prev_end..s])
            };
            spans.push((&text[s..k], joint));
            prev_end = k;
        }
        let input: Vec<Word<'_>> = spans
            .iter()
            .map(|&(text, joint)| Word { text, joint })
            .collect();
        let mut found = Vec::new();
        find_numbers(&input, &mut |f| found.push(f));
        let mut out = Vec::new();
        let mut i = 0;
        let mut f = found.into_iter().peekable();
        while i < input.len() {
            if let Some(n) = f.next_if(|n| n.words.start == i) {
                out.push(n.value.to_string());
                i = n.words.end;
            } else {
                out.push(input[i].text.to_string());
                i += 1;
            }
        }
        out
    }

    #[test]
    fn table() {
        let cases: &[(&str, &[&str])] = &[
            ("twenty-four hours", &["24", "hours"]),
            ("Twenty-Four hours", &["24", "hours"]),
            ("TWENTY FOUR", &["24"]),
            ("a five-year plan", &["a", "5", "year", "plan"]),
            ("two hundred", &["200"]),
            ("two hundred and five", &["205"]),
            ("two hundred five", &["205"]),
            ("a hundred-and-one", &["a", "101"]),
            ("a hundred people", &["a", "100", "people"]),
            ("thousand", &["1000"]),
            ("twelve hundred", &["1200"]),
            ("twenty-five hundred", &["2500"]),
            ("two million", &["2000000"]),
            ("two hundred thousand", &["200000"]),
            ("a hundred thousand", &["a", "100000"]),
            (
                "five million three hundred thousand two hundred and one",
                &["5300201"],
            ),
            ("two thousand and one", &["2001"]),
            ("one thousand and five hundred", &["1500"]),
            ("two hundred and five thousand", &["205000"]),
            (
                "nine hundred ninety-nine trillion nine hundred ninety-nine billion",
                &["999999000000000"],
            ),
            ("5 million", &["5000000"]),
            ("250 million", &["250000000"]),
            ("1.5 billion", &["1500000000"]),
            ("2.75 trillion", &["2750000000000"]),
            ("5 hundred thousand", &["500000"]),
            ("5 million and one", &["5000000", "and", "one"]),
            ("1.5 million billion", &["1500000", "1000000000"]),
            ("1.5 thousand thousand", &["1500", "1000"]),
            ("5 million two", &["5000000", "2"]),
            ("five million and one", &["5000001"]),
            // Digits that cannot be multiplied stay; the scale word is then alone.
            ("1.2345678 million", &["1.2345678", "1000000"]),
            ("0 million", &["0", "1000000"]),
            ("2024 million", &["2024", "1000000"]),
            ("5 people", &["5", "people"]),
            ("zero", &["0"]),
            ("zero hundred", &["0", "100"]),
            ("one", &["one"]),
            ("one of the", &["one", "of", "the"]),
            ("no one knows", &["no", "one", "knows"]),
            ("one hundred", &["100"]),
            ("one-year", &["1", "year"]),
            ("one year", &["1", "year"]),
            ("One Year", &["1", "Year"]),
            ("one-off", &["1", "off"]),
            ("one day", &["1", "day"]),
            ("one-and-a-half", &["one", "and", "a", "half"]),
            ("one two three", &["one", "2", "3"]),
            ("twenty-one", &["21"]),
            ("second", &["second"]),
            ("fifth", &["fifth"]),
            ("hundreds", &["hundreds"]),
            ("thousands of people", &["thousands", "of", "people"]),
            ("twenty twenty", &["20", "20"]),
            ("nine-eleven", &["9", "11"]),
            ("nineteen eighty-four", &["19", "84"]),
            ("one hundred and two hundred", &["100", "and", "200"]),
            ("one thousand and two thousand", &["1000", "and", "2000"]),
            ("two and three", &["2", "and", "3"]),
            ("hundred and", &["100", "and"]),
            ("and five", &["and", "5"]),
            ("thousand million", &["1000", "1000000"]),
            ("million million", &["1000000", "1000000"]),
            ("twenty-first century", &["twenty", "first", "century"]),
            ("Twenty First", &["Twenty", "First"]),
            ("twenty-ninth", &["twenty", "ninth"]),
            ("a", &["a"]),
            ("an", &["an"]),
        ];
        for (text, expected) in cases {
            assert_eq!(numbers(text), *expected, "reading {text:?}");
        }
    }

    #[test]
    fn joints_must_be_single_separators() {
        let w = |text, joint| Word { text, joint };
        let mut out = Vec::new();
        find_numbers(
            &[w("twenty", Joint::Other), w("four", Joint::Other)],
            &mut |f| out.push(f),
        );
        assert_eq!(
            out,
            [
                Found {
                    words: 0..1,
                    value: 20
                },
                Found {
                    words: 1..2,
                    value: 4
                }
            ]
        );
        assert_eq!(Joint::of_gap(" "), Joint::Space);
        assert_eq!(Joint::of_gap("\u{a0}"), Joint::Space);
        assert_eq!(Joint::of_gap("-"), Joint::Hyphen);
        assert_eq!(Joint::of_gap("\u{2011}"), Joint::Hyphen);
        for gap in ["  ", "\n", " - ", "–", "—", ", ", "", "/"] {
            assert_eq!(Joint::of_gap(gap), Joint::Other, "{gap:?}");
        }
    }

    #[test]
    fn number_value_table() {
        let cases: &[(&[&str], Option<u64>)] = &[
            (&["one"], Some(1)),
            (&["twenty", "four"], Some(24)),
            (&["two", "hundred", "and", "five"], Some(205)),
            (&["hundred"], Some(100)),
            (&["trillion"], Some(1_000_000_000_000)),
            (&["5", "million"], Some(5_000_000)),
            (&["5"], None),
            (&["twenty", "twenty"], None),
            (&["hundreds"], None),
            (&["second"], None),
            (&["and"], None),
            (&["hundred", "and"], None),
            (&[], None),
            (&[""], None),
            (&["1.5"], None),
            (&["1.5", "hundred"], None),
            (&["99999999999999999999", "trillion"], None),
            (&["999.999999999999", "trillion"], None),
            (&["999.999999999", "trillion"], None), // overflows while multiplying
            (&["999.999", "trillion"], Some(999_999_000_000_000)),
            (&["999", "trillion", "999", "billion"], None),
            (&["1..5", "million"], None),
            (&["1.", "million"], None),
            (&["001", "million"], Some(1_000_000)),
        ];
        for (words, expected) in cases {
            assert_eq!(number_value(words), *expected, "{words:?}");
        }
    }

    #[test]
    fn number_words() {
        assert!(is_number_word("Seventeen"));
        assert!(is_number_word("trillion"));
        assert!(!is_number_word("and"));
        assert!(!is_number_word("5"));
        assert!(!is_number_word("seventeens"));
        assert!(!is_number_word("ｏｎｅ"));
    }

    /// A small deterministic generator (xorshift), so the random checks need no crate.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[(self.next() % items.len() as u64) as usize]
        }
    }

    #[test]
    fn random_word_sequences_are_read_sanely() {
        let vocabulary = [
            "zero", "one", "two", "nine", "ten", "eleven", "nineteen", "twenty", "ninety",
            "hundred", "thousand", "million", "billion", "trillion", "and", "And", "a", "year",
            "first", "5", "999", "1.5", "0.001", "12345", "", "é", "ONE", "hundreds", "1e5",
        ];
        let joints = [Joint::Space, Joint::Hyphen, Joint::Other];
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..20_000 {
            let len = (rng.next() % 12) as usize;
            let words: Vec<Word<'_>> = (0..len)
                .map(|_| Word {
                    text: rng.pick(&vocabulary),
                    joint: joints[(rng.next() % 3) as usize],
                })
                .collect();
            let mut found = Vec::new();
            find_numbers(&words, &mut |f| found.push(f));
            let mut next_free = 0;
            for f in &found {
                assert!(f.words.start >= next_free && f.words.start < f.words.end);
                assert!(f.words.end <= words.len());
                next_free = f.words.end;
                let texts: Vec<&str> = words[f.words.clone()].iter().map(|w| w.text).collect();
                assert_eq!(number_value(&texts), Some(f.value), "{texts:?}");
                assert!(!texts.last().unwrap().eq_ignore_ascii_case("and"));
            }
        }
    }
}
