//! Date mentions: every date expression of a text, absolute or relative, with a TIMEX3-style
//! normalised value and, when it names calendar days, the inclusive range of those days.
//!
//! Role: feed "which dates does this article talk about" (mention filters, timelines) and the
//! TimeBank evaluation. [`date_mentions`] is a pure function of the text and an optional anchor
//! (the publication date); relative expressions are resolved against the anchor.
//!
//! Values follow the TIMEX3 conventions of TimeBank: "2025-03-13" (day), "2025-03" (month),
//! "2025" (year), "198" (decade), "2025-W11" (ISO week), "2025-W10-WE" (weekend), "2025-Q1"
//! (quarter), "2025-SU" (season: SP, SU, FA, WI), "XXXX-03-13" / "XXXX-03" (month and day
//! without a known year), and the references "PRESENT_REF" ("now", "currently", "current"),
//! "PAST_REF" ("recently", "recent", "in the past,") and "FUTURE_REF" ("soon", "the future"),
//! which have no day range. [`MentionKind`] tells them apart, so that callers that only want
//! calendar dates can drop the references.
//!
//! What is recognised:
//! - absolute: "March 13", "March 13, 2025", "Mar. 13th", "13 March 2025", "March 2025",
//!   "2025-03-13", "13/03/2025" (unambiguous order only), a year ("in 1998", "fiscal 1989",
//!   "its 1990 invasion", "nineteen ninety-six", "the year two thousand"), a decade ("the
//!   1980s"), with "early", "mid-", "late", "the end of", "the beginning of" kept in the span
//!   (and narrowing the day range of a month, quarter or year to its first, middle or last third);
//! - quarters: "the third quarter", "third-quarter", "the fourth quarter of 1990", "this year's
//!   first quarter", "the 1988 third quarter";
//! - relative to the anchor: "today", "yesterday", "tomorrow", weekdays ("on Sunday", "last
//!   Friday", "next Monday"), "last/this/next" + week, month, year, quarter, weekend, a month
//!   name or a season, "earlier this year", "June last year", "the weekend", "the year" (the anchor's),
//!   "N days|weeks|months|quarters|years ago|earlier" (numbers as digits or words, "a",
//!   "a couple of");
//! - in quarter context (after an explicit quarter), "the quarter", "the latest quarter|period",
//!   "a year ago", "year-earlier", "the year-ago quarter" name that quarter or the one a year
//!   before it, as in financial reports.
//!
//! Resolution, news being mostly about the past:
//! - a month and day without a year: the latest such day on or before the anchor, unless the
//!   next one is at most 62 days ahead or a future cue precedes it in the sentence ("will",
//!   "'ll", "shall", "scheduled", "due", "upcoming", "payable", "next", "coming");
//! - a month alone: this year's when it is at most one month after the anchor's month, else
//!   last year's (the next one after a future cue);
//! - a weekday: the latest such day on or before the anchor, the next one after a future cue;
//!   "last"/"next" move a week; a weekday right before a date ("Friday, Oct. 13") or with a time
//!   of day ("Friday evening", "noon Friday") is left out;
//! - a quarter without a year: the latest such quarter up to the anchor's.
//!
//! Without an anchor, relative expressions are skipped (never guessed) and yearless dates keep
//! "XXXX" with no day range. "two days after" (relative to an event, not to the anchor) is not
//! resolved; neither are durations ("three years") nor times of day.
//!
//! Cost: one pass over the bytes that packs each ASCII word into an integer and looks it up in a
//! small hash table; only the few date words, numbers and determiners start a closer look.
//! Linear in the input, no allocation per word, never panics.

use crate::analyze::segment::letter_run_end;
use time::{Date, Duration, Month, Weekday};

/// What kind of expression a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MentionKind {
    /// Stated in full or in part by the text itself ("March 13, 2025", "1998", "March 13").
    Absolute,
    /// Resolved against the anchor ("yesterday", "last week", "on Sunday").
    Relative,
    /// A vague reference to the present, past or future ("now", "recently", "soon").
    Reference,
}

/// One date expression found in a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Mention {
    /// Byte offset of the first byte of the expression.
    pub start: usize,
    /// Byte offset just past the expression.
    pub end: usize,
    /// The expression, `text[start..end]`.
    pub text: String,
    /// Normalised TIMEX3-style value ("2025-03-13", "2025-03", "2025-W11", "PRESENT_REF", ...).
    pub value: String,
    /// The calendar days the expression denotes, inclusive, when they are known.
    pub range: Option<(Date, Date)>,
    /// Absolute, relative or a vague reference.
    pub kind: MentionKind,
}

/// Every date expression of `text`, in text order and without overlaps. Relative expressions
/// are resolved against `anchor` (normally the publication date) and skipped without one.
/// See the module docs for what is recognised.
pub fn date_mentions(text: &str, anchor: Option<Date>) -> Vec<Mention> {
    let toks = tokenize(text);
    let mut sc = Scanner {
        s: text,
        t: &toks,
        anchor,
        ref_quarter: None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if !can_start(toks[i].lex) {
            i += 1;
            continue;
        }
        match sc.match_at(i) {
            Some((end, val, kind)) => {
                if let Some(m) = sc.build(i, end, val, kind) {
                    out.push(m);
                }
                i = end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Tokens

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Punct,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Unit {
    Day,
    Week,
    Month,
    Year,
    Quarter,
    Weekend,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    Other,
    /// Digits; the value (saturated) and the digit count.
    Num(u32, u8),
    /// Month number, abbreviation.
    Month(u8, bool),
    /// 0 = Monday.
    Weekday(u8),
    /// today 0, yesterday -1, tomorrow +1.
    RelDay(i8),
    /// 0 present, 1 past, 2 future.
    Ref(u8),
    Unit(Unit, bool),
    Season(u8),
    NumWord(u8),
    Ordinal(u8),
    Last,
    Next,
    This,
    Past,
    Coming,
    Previous,
    Current,
    Latest,
    That,
    Its,
    The,
    A,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    End,
    Beginning,
    Middle,
    Of,
    Fiscal,
    Full,
    Nineteen,
    Period,
    Couple,
    Future,
    Prep,
    Will,
    TimeOfDay,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    start: usize,
    end: usize,
    kind: Kind,
    lex: Lex,
    /// Only spaces (no line break) or nothing between this token and the previous one.
    joined: bool,
    /// Nothing at all between this token and the previous one.
    tight: bool,
}

/// The words the scanner knows, lowercase. Months and weekdays are checked for capitals after
/// the look-up.
const WORDS: &[(&str, Lex)] = &[
    ("january", Lex::Month(1, false)),
    ("february", Lex::Month(2, false)),
    ("march", Lex::Month(3, false)),
    ("april", Lex::Month(4, false)),
    ("may", Lex::Month(5, false)),
    ("june", Lex::Month(6, false)),
    ("july", Lex::Month(7, false)),
    ("august", Lex::Month(8, false)),
    ("september", Lex::Month(9, false)),
    ("october", Lex::Month(10, false)),
    ("november", Lex::Month(11, false)),
    ("december", Lex::Month(12, false)),
    ("jan", Lex::Month(1, true)),
    ("feb", Lex::Month(2, true)),
    ("mar", Lex::Month(3, true)),
    ("apr", Lex::Month(4, true)),
    ("jun", Lex::Month(6, true)),
    ("jul", Lex::Month(7, true)),
    ("aug", Lex::Month(8, true)),
    ("sep", Lex::Month(9, true)),
    ("sept", Lex::Month(9, true)),
    ("oct", Lex::Month(10, true)),
    ("nov", Lex::Month(11, true)),
    ("dec", Lex::Month(12, true)),
    ("monday", Lex::Weekday(0)),
    ("tuesday", Lex::Weekday(1)),
    ("wednesday", Lex::Weekday(2)),
    ("thursday", Lex::Weekday(3)),
    ("friday", Lex::Weekday(4)),
    ("saturday", Lex::Weekday(5)),
    ("sunday", Lex::Weekday(6)),
    ("today", Lex::RelDay(0)),
    ("yesterday", Lex::RelDay(-1)),
    ("tomorrow", Lex::RelDay(1)),
    ("now", Lex::Ref(0)),
    ("currently", Lex::Ref(0)),
    ("recently", Lex::Ref(1)),
    ("recent", Lex::Ref(1)),
    ("soon", Lex::Ref(2)),
    ("future", Lex::Future),
    ("day", Lex::Unit(Unit::Day, false)),
    ("days", Lex::Unit(Unit::Day, true)),
    ("week", Lex::Unit(Unit::Week, false)),
    ("weeks", Lex::Unit(Unit::Week, true)),
    ("month", Lex::Unit(Unit::Month, false)),
    ("months", Lex::Unit(Unit::Month, true)),
    ("year", Lex::Unit(Unit::Year, false)),
    ("years", Lex::Unit(Unit::Year, true)),
    ("quarter", Lex::Unit(Unit::Quarter, false)),
    ("quarters", Lex::Unit(Unit::Quarter, true)),
    ("weekend", Lex::Unit(Unit::Weekend, false)),
    ("spring", Lex::Season(0)),
    ("summer", Lex::Season(1)),
    ("fall", Lex::Season(2)),
    ("autumn", Lex::Season(2)),
    ("winter", Lex::Season(3)),
    ("one", Lex::NumWord(1)),
    ("two", Lex::NumWord(2)),
    ("three", Lex::NumWord(3)),
    ("four", Lex::NumWord(4)),
    ("five", Lex::NumWord(5)),
    ("six", Lex::NumWord(6)),
    ("seven", Lex::NumWord(7)),
    ("eight", Lex::NumWord(8)),
    ("nine", Lex::NumWord(9)),
    ("ten", Lex::NumWord(10)),
    ("eleven", Lex::NumWord(11)),
    ("twelve", Lex::NumWord(12)),
    ("fifteen", Lex::NumWord(15)),
    ("twenty", Lex::NumWord(20)),
    ("thirty", Lex::NumWord(30)),
    ("fifty", Lex::NumWord(50)),
    ("first", Lex::Ordinal(1)),
    ("second", Lex::Ordinal(2)),
    ("third", Lex::Ordinal(3)),
    ("fourth", Lex::Ordinal(4)),
    ("last", Lex::Last),
    ("next", Lex::Next),
    ("this", Lex::This),
    ("past", Lex::Past),
    ("coming", Lex::Coming),
    ("previous", Lex::Previous),
    ("prior", Lex::Previous),
    ("current", Lex::Current),
    ("latest", Lex::Latest),
    ("that", Lex::That),
    ("its", Lex::Its),
    ("the", Lex::The),
    ("a", Lex::A),
    ("an", Lex::A),
    ("ago", Lex::Ago),
    ("earlier", Lex::Earlier),
    ("later", Lex::Later),
    ("early", Lex::Early),
    ("late", Lex::Late),
    ("mid", Lex::Mid),
    ("end", Lex::End),
    ("beginning", Lex::Beginning),
    ("start", Lex::Beginning),
    ("middle", Lex::Middle),
    ("of", Lex::Of),
    ("fiscal", Lex::Fiscal),
    ("full", Lex::Full),
    ("nineteen", Lex::Nineteen),
    ("period", Lex::Period),
    ("couple", Lex::Couple),
    ("in", Lex::Prep),
    ("since", Lex::Prep),
    ("until", Lex::Prep),
    ("till", Lex::Prep),
    ("by", Lex::Prep),
    ("from", Lex::Prep),
    ("through", Lex::Prep),
    ("during", Lex::Prep),
    ("before", Lex::Prep),
    ("after", Lex::Prep),
    ("between", Lex::Prep),
    ("and", Lex::Prep),
    ("to", Lex::Prep),
    ("on", Lex::Prep),
    ("for", Lex::Prep),
    ("around", Lex::Prep),
    ("or", Lex::Prep),
    ("at", Lex::Prep),
    ("will", Lex::Will),
    ("ll", Lex::Will),
    ("shall", Lex::Will),
    ("morning", Lex::TimeOfDay),
    ("afternoon", Lex::TimeOfDay),
    ("evening", Lex::TimeOfDay),
    ("night", Lex::TimeOfDay),
    ("noon", Lex::TimeOfDay),
    ("midnight", Lex::TimeOfDay),
    ("mornings", Lex::TimeOfDay),
    ("nights", Lex::TimeOfDay),
    ("evenings", Lex::TimeOfDay),
    ("afternoons", Lex::TimeOfDay),
    ("tonight", Lex::TimeOfDay),
    ("scheduled", Lex::Will),
    ("due", Lex::Will),
    ("upcoming", Lex::Will),
    ("payable", Lex::Will),
];

/// Up to 10 lowercase ASCII letters packed into one integer, first letter in the lowest byte
/// (0 when the word cannot be a date word: too long, or not ASCII letters).
fn pack(w: &[u8]) -> u128 {
    if w.is_empty() || w.len() > 10 {
        return 0;
    }
    let mut k: u128 = 0;
    for (n, &c) in w.iter().enumerate() {
        if !c.is_ascii_alphabetic() {
            return 0;
        }
        k |= u128::from(c | 0x20) << (8 * n);
    }
    k
}

/// [`pack`] of the ASCII letters `b[start..end]` (1 to 10 of them), read with one wide load
/// when 16 bytes are there.
#[inline]
fn pack_letters(b: &[u8], start: usize, end: usize) -> u128 {
    let len = end - start;
    match b.get(start..start + 16) {
        Some(wide) => {
            let mut raw = [0u8; 16];
            raw.copy_from_slice(wide);
            let mask = (1u128 << (8 * len)) - 1;
            (u128::from_le_bytes(raw) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask
        }
        None => pack(&b[start..end]),
    }
}

/// Bits of the slot index of the word table (1024 slots for about 200 words).
const TABLE_BITS: u32 = 10;
/// Bits of the filter in front of the table (4096 bits, 512 bytes: stays in cache).
const FILTER_BITS: u32 = 12;

fn table_hash(key: u128) -> u64 {
    let folded = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
    folded.wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

fn table_slot(key: u128) -> usize {
    (table_hash(key) >> (64 - TABLE_BITS)) as usize
}

fn filter_bit(key: u128) -> usize {
    (table_hash(key) >> (64 - FILTER_BITS)) as usize
}

/// [`WORDS`] in an open-addressing hash table keyed by the packed word (0 = empty slot),
/// behind a bitmap of the words' hashes that turns most other words away at once.
struct WordTable {
    slots: Vec<(u128, Lex)>,
    filter: [u64; 1 << (FILTER_BITS - 6)],
}

fn word_table() -> &'static WordTable {
    static TABLE: std::sync::OnceLock<WordTable> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        let mask = (1usize << TABLE_BITS) - 1;
        let mut slots = vec![(0u128, Lex::Other); 1 << TABLE_BITS];
        let mut filter = [0u64; 1 << (FILTER_BITS - 6)];
        for (w, l) in WORDS {
            let key = pack(w.as_bytes());
            let f = filter_bit(key);
            filter[f / 64] |= 1 << (f % 64);
            let mut i = table_slot(key);
            while slots[i].0 != 0 && slots[i].0 != key {
                i = (i + 1) & mask;
            }
            slots[i] = (key, *l);
        }
        WordTable { slots, filter }
    })
}

/// The meaning of the word `w` (ASCII letters, at most 10) whose packed key is `key`.
fn lex_key(table: &WordTable, key: u128, w: &[u8]) -> Lex {
    if key == 0 || w.is_empty() {
        return Lex::Other;
    }
    let f = filter_bit(key);
    if table.filter[f / 64] & (1 << (f % 64)) == 0 {
        return Lex::Other;
    }
    let mask = table.slots.len() - 1;
    let mut i = table_slot(key);
    let lex = loop {
        let (k, l) = table.slots[i];
        if k == key {
            break l;
        }
        if k == 0 {
            return Lex::Other;
        }
        i = (i + 1) & mask;
    };
    match lex {
        Lex::Month(..) => {
            let proper = w[0].is_ascii_uppercase()
                && (w[1..].iter().all(|c| c.is_ascii_lowercase())
                    || w[1..].iter().all(|c| c.is_ascii_uppercase()));
            if proper {
                lex
            } else {
                Lex::Other
            }
        }
        Lex::Weekday(_) if !w[0].is_ascii_uppercase() => Lex::Other,
        _ => lex,
    }
}

/// Words that may begin a date expression (others only continue one).
fn can_start(lex: Lex) -> bool {
    !matches!(
        lex,
        Lex::Other
            | Lex::Prep
            | Lex::Of
            | Lex::Will
            | Lex::TimeOfDay
            | Lex::Ago
            | Lex::Couple
            | Lex::Period
            | Lex::Full
            | Lex::Latest
            | Lex::End
            | Lex::Beginning
            | Lex::Middle
            | Lex::Future
            | Lex::Unit(..)
            | Lex::Season(_)
    ) || lex == Lex::Unit(Unit::Year, false)
}

const C_SPACE: u8 = 0;
const C_BREAK: u8 = 1;
const C_LETTER: u8 = 2;
const C_DIGIT: u8 = 3;
const C_HIGH: u8 = 4;
const C_PUNCT: u8 = 5;

/// The class of each byte.
static CLASS: [u8; 256] = {
    let mut t = [C_PUNCT; 256];
    let mut i = 0;
    while i < 256 {
        let c = i as u8;
        t[i] = if c == b' ' || c == b'\t' {
            C_SPACE
        } else if c == b'\n' || c == b'\r' {
            C_BREAK
        } else if c.is_ascii_alphabetic() {
            C_LETTER
        } else if c.is_ascii_digit() {
            C_DIGIT
        } else if c >= 0x80 {
            C_HIGH
        } else {
            C_PUNCT
        };
        i += 1;
    }
    t
};

/// A no-break space (U+00A0) at `i`.
fn nbsp(b: &[u8], i: usize) -> bool {
    b[i] == 0xC2 && b.get(i + 1) == Some(&0xA0)
}

fn tokenize(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let n = b.len();
    let table = word_table();
    let mut out: Vec<Tok> = Vec::with_capacity(n / 5 + 4);
    let mut i = 0;
    let mut joined = true;
    let mut tight = true;
    while i < n {
        let c = b[i];
        let class = CLASS[c as usize];
        if class == C_SPACE || class == C_HIGH && nbsp(b, i) {
            tight = false;
            i += if class == C_SPACE { 1 } else { 2 };
            continue;
        }
        if class == C_BREAK {
            tight = false;
            joined = false;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, lex) = if class == C_LETTER || class == C_HIGH {
            // Letters are packed on the way (see `pack`); a word with other bytes than
            // ASCII letters is never a date word.
            let mut ascii = true;
            loop {
                i = letter_run_end(b, i);
                if i < n && CLASS[b[i] as usize] == C_HIGH && !nbsp(b, i) {
                    ascii = false;
                    i += 1;
                } else {
                    break;
                }
            }
            // Only short ASCII words are date words: they alone are packed.
            let lex = if ascii && i - start <= 10 {
                lex_key(table, pack_letters(b, start, i), &b[start..i])
            } else {
                Lex::Other
            };
            (Kind::Word, lex)
        } else if class == C_DIGIT {
            let mut v: u32 = 0;
            while i < n && b[i].is_ascii_digit() {
                v = v.saturating_mul(10).saturating_add(u32::from(b[i] - b'0'));
                i += 1;
            }
            let len = (i - start).min(255) as u8;
            (Kind::Num, Lex::Num(v, len))
        } else {
            // One character: a whole UTF-8 sequence for non-letters (`C_HIGH` bytes are
            // handled as words above, so this is one ASCII byte).
            i += 1;
            (Kind::Punct, Lex::Other)
        };
        out.push(Tok {
            start,
            end: i,
            kind,
            lex,
            joined,
            tight,
        });
        joined = true;
        tight = true;
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Values

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Val {
    Day(Date),
    Month(i32, u8),
    Year(i32),
    Decade(i32),
    Quarter(i32, u8),
    Week(i32, u8),
    Weekend(i32, u8),
    Season(i32, u8),
    YearlessDay(u8, u8),
    YearlessMonth(u8),
    Ref(u8),
}

/// A part of a month or year kept in the span: narrows the day range.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Whole,
    Early,
    Mid,
    Late,
}

fn make_date(year: i32, month: u8, day: u8) -> Option<Date> {
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

fn month_last_day(year: i32, month: u8) -> Option<Date> {
    let m = Month::try_from(month).ok()?;
    make_date(year, month, m.length(year))
}

fn season_code(s: u8) -> &'static str {
    match s {
        0 => "SP",
        1 => "SU",
        2 => "FA",
        _ => "WI",
    }
}

fn narrow(first: Date, last: Date, part: Part) -> (Date, Date) {
    let days = (last - first).whole_days();
    let third = days / 3;
    match part {
        Part::Whole => (first, last),
        Part::Early => (first, first + Duration::days(third)),
        Part::Mid => (
            first + Duration::days(third),
            first + Duration::days(2 * third + 1).min(last - first),
        ),
        Part::Late => (first + Duration::days(days - third), last),
    }
}

impl Val {
    fn value(self) -> String {
        match self {
            Val::Day(d) => format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
            Val::Month(y, m) => format!("{y:04}-{m:02}"),
            Val::Year(y) => format!("{y:04}"),
            Val::Decade(d) => format!("{d:03}"),
            Val::Quarter(y, q) => format!("{y:04}-Q{q}"),
            Val::Week(y, w) => format!("{y:04}-W{w:02}"),
            Val::Weekend(y, w) => format!("{y:04}-W{w:02}-WE"),
            Val::Season(y, s) => format!("{y:04}-{}", season_code(s)),
            Val::YearlessDay(m, d) => format!("XXXX-{m:02}-{d:02}"),
            Val::YearlessMonth(m) => format!("XXXX-{m:02}"),
            Val::Ref(0) => "PRESENT_REF".to_string(),
            Val::Ref(1) => "PAST_REF".to_string(),
            Val::Ref(_) => "FUTURE_REF".to_string(),
        }
    }

    fn range(self, part: Part) -> Option<(Date, Date)> {
        let r = match self {
            Val::Day(d) => return Some((d, d)),
            Val::Month(y, m) => (make_date(y, m, 1)?, month_last_day(y, m)?),
            Val::Year(y) => (make_date(y, 1, 1)?, make_date(y, 12, 31)?),
            Val::Decade(d) => (make_date(d * 10, 1, 1)?, make_date(d * 10 + 9, 12, 31)?),
            Val::Quarter(y, q) => (make_date(y, q * 3 - 2, 1)?, month_last_day(y, q * 3)?),
            Val::Week(y, w) => {
                let f = Date::from_iso_week_date(y, w, Weekday::Monday).ok()?;
                (f, f.checked_add(Duration::days(6))?)
            }
            Val::Weekend(y, w) => {
                let f = Date::from_iso_week_date(y, w, Weekday::Saturday).ok()?;
                (f, f.checked_add(Duration::days(1))?)
            }
            Val::Season(y, s) => match s {
                0 => (make_date(y, 3, 1)?, make_date(y, 5, 31)?),
                1 => (make_date(y, 6, 1)?, make_date(y, 8, 31)?),
                2 => (make_date(y, 9, 1)?, make_date(y, 11, 30)?),
                _ => (make_date(y, 12, 1)?, month_last_day(y + 1, 2)?),
            },
            Val::YearlessDay(..) | Val::YearlessMonth(_) | Val::Ref(_) => return None,
        };
        Some(narrow(r.0, r.1, part))
    }
}

fn quarter_of(d: Date) -> u8 {
    (u8::from(d.month()) - 1) / 3 + 1
}

fn shift_months(y: i32, m: u8, by: i32) -> (i32, u8) {
    let idx = y * 12 + i32::from(m) - 1 + by;
    (idx.div_euclid(12), (idx.rem_euclid(12) + 1) as u8)
}

fn shift_quarters(y: i32, q: u8, by: i32) -> (i32, u8) {
    let idx = y * 4 + i32::from(q) - 1 + by;
    (idx.div_euclid(4), (idx.rem_euclid(4) + 1) as u8)
}

fn week_of(d: Date) -> Val {
    let (y, w, _) = d.to_iso_week_date();
    Val::Week(y, w)
}

/// Days ahead of the anchor within which a month and day without a year is read as coming
/// rather than past.
const AHEAD_DAYS: i64 = 62;

/// The year of a month and day written without one: the latest such day on or before the
/// anchor, unless the next one is close (within [`AHEAD_DAYS`]) or the sentence speaks of
/// the future.
fn resolve_day(anchor: Date, month: u8, day: u8, future: bool) -> Option<Date> {
    let y = anchor.year();
    let past = [y, y - 1]
        .into_iter()
        .filter_map(|c| make_date(c, month, day))
        .find(|d| *d <= anchor);
    let next = [y, y + 1]
        .into_iter()
        .filter_map(|c| make_date(c, month, day))
        .find(|d| *d > anchor);
    match (past, next) {
        (Some(p), Some(n)) => {
            if future || (n - anchor).whole_days() <= AHEAD_DAYS {
                Some(n)
            } else {
                Some(p)
            }
        }
        (p, n) => p.or(n),
    }
}

/// The year of a month named alone: this year's up to the anchor's month and one month
/// ahead, else last year's; a future cue picks the next one.
fn resolve_month(anchor: Date, month: u8, future: bool) -> i32 {
    let am = u8::from(anchor.month());
    if future {
        if month >= am {
            anchor.year()
        } else {
            anchor.year() + 1
        }
    } else if month <= am + 1 {
        anchor.year()
    } else if am == 12 && month == 1 {
        anchor.year() + 1
    } else {
        anchor.year() - 1
    }
}

// ---------------------------------------------------------------------------------------------
// Matching

struct Scanner<'a> {
    s: &'a str,
    t: &'a [Tok],
    anchor: Option<Date>,
    /// The last quarter stated explicitly: what "the quarter" and "a year ago" refer to.
    ref_quarter: Option<(i32, u8)>,
}

type Hit = (usize, Val, MentionKind);

impl Scanner<'_> {
    fn lex(&self, i: usize) -> Lex {
        self.t.get(i).map_or(Lex::Other, |t| t.lex)
    }
    /// Token `i` exists and follows the previous one on the same line.
    fn joined(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.joined)
    }
    fn tight(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| t.tight)
    }
    fn punct(&self, i: usize, c: u8) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Punct && self.s.as_bytes().get(t.start) == Some(&c))
    }
    fn word_is(&self, i: usize, w: &str) -> bool {
        self.t
            .get(i)
            .is_some_and(|t| t.kind == Kind::Word && self.s[t.start..t.end].eq_ignore_ascii_case(w))
    }
    /// The next token, on the same line, is `l`.
    fn next_is(&self, i: usize, l: Lex) -> bool {
        self.joined(i) && self.lex(i) == l
    }
    /// "Week" in "This Week" (a title), not "WEEK" nor "week".
    fn capitalised(&self, i: usize) -> bool {
        self.t.get(i).is_some_and(|t| {
            let w = &self.s.as_bytes()[t.start..t.end];
            w.first().is_some_and(u8::is_ascii_uppercase) && w.iter().any(u8::is_ascii_lowercase)
        })
    }
    fn num(&self, i: usize) -> Option<(u32, u8)> {
        match self.lex(i) {
            Lex::Num(v, l) => Some((v, l)),
            _ => None,
        }
    }
    /// A hyphen tightly between `i - 1` and `i + 1`; returns `i + 1`.
    fn hyphen(&self, i: usize) -> Option<usize> {
        (self.punct(i, b'-') && self.tight(i) && self.tight(i + 1)).then_some(i + 1)
    }

    /// Builds the mention for tokens `i..end`.
    fn build(&mut self, i: usize, end: usize, val: Val, kind: MentionKind) -> Option<Mention> {
        let first = self.t.get(i)?;
        let last = self.t.get(end.checked_sub(1)?)?;
        let (start, stop) = (first.start, last.end);
        let text = self.s.get(start..stop)?;
        let lower = text.to_ascii_lowercase();
        let part = if lower.starts_with("early") || lower.starts_with("the beginning") {
            Part::Early
        } else if lower.starts_with("mid") || lower.starts_with("the middle") {
            Part::Mid
        } else if lower.starts_with("late") || lower.starts_with("the end") {
            Part::Late
        } else {
            Part::Whole
        };
        let part = match val {
            Val::Month(..) | Val::Year(_) | Val::Quarter(..) => part,
            _ => Part::Whole,
        };
        Some(Mention {
            start,
            end: stop,
            text: text.to_string(),
            value: val.value(),
            range: val.range(part),
            kind,
        })
    }

    /// Leading words kept in the span: "the end of", "early", "mid-", "late", "the".
    fn prefix(&self, i: usize) -> usize {
        let mut j = i;
        if self.lex(j) == Lex::The
            && matches!(self.lex(j + 1), Lex::End | Lex::Beginning | Lex::Middle)
            && self.next_is(j + 1, self.lex(j + 1))
            && self.next_is(j + 2, Lex::Of)
        {
            return j + 3;
        }
        match self.lex(j) {
            Lex::Early | Lex::Late if self.joined(j + 1) => j += 1,
            Lex::Mid => {
                if let Some(k) = self.hyphen(j + 1) {
                    j = k;
                } else if self.joined(j + 1) {
                    j += 1;
                }
            }
            _ => {}
        }
        j
    }

    fn match_at(&mut self, i: usize) -> Option<Hit> {
        let j = self.prefix(i);
        if j != i {
            if let Some(h) = self.core(j, i) {
                return Some(h);
            }
        }
        self.core(i, i)
    }

    /// A date expression starting at token `i` (`from` is where the span starts).
    fn core(&mut self, i: usize, from: usize) -> Option<Hit> {
        let lex = self.lex(i);
        let prefixed = i != from;
        match lex {
            Lex::Month(m, abbr) => self.month_first(i, m, abbr, from),
            Lex::Num(v, len) => {
                if let Some(h) = self.numeric(i, v, len) {
                    return Some(h);
                }
                if let Some(h) = self.day_first(i, v, len) {
                    return Some(h);
                }
                if let Some(h) = self.ago(i, v) {
                    return Some(h);
                }
                self.year_alone(i, v, len)
            }
            Lex::Weekday(d) => self.weekday(i, i, d, 0),
            Lex::RelDay(k) => {
                let a = self.anchor?;
                if self.next_is(i + 1, Lex::TimeOfDay) {
                    return None;
                }
                let d = a.checked_add(Duration::days(i64::from(k)))?;
                Some((i + 1, Val::Day(d), MentionKind::Relative))
            }
            Lex::Current => {
                let next = self.lex(i + 1);
                if self.joined(i + 1)
                    && matches!(next, Lex::Unit(..) | Lex::Period | Lex::Fiscal | Lex::Of)
                {
                    return None;
                }
                Some((i + 1, Val::Ref(0), MentionKind::Reference))
            }
            Lex::Ref(r) => {
                // "recent years" is a duration; "as soon as", "soon after" are no dates.
                if self.joined(i + 1) && matches!(self.lex(i + 1), Lex::Unit(_, true)) {
                    // "in recent years" is still a vague past; "recent weeks" a duration.
                    if r == 1 && self.lex(i + 1) == Lex::Unit(Unit::Year, true) {
                        return Some((i + 2, Val::Ref(1), MentionKind::Reference));
                    }
                    return None;
                }
                if r == 2 && i > 0 && (self.word_is(i - 1, "as") || self.word_is(i + 1, "after")) {
                    return None;
                }
                Some((i + 1, Val::Ref(r), MentionKind::Reference))
            }
            Lex::Last | Lex::Next | Lex::This | Lex::Past | Lex::Coming | Lex::Previous => {
                self.relative(i, from)
            }
            Lex::Earlier | Lex::Later => {
                // "earlier this year", "later this month".
                if matches!(self.lex(i + 1), Lex::This | Lex::Last | Lex::Next)
                    && self.joined(i + 1)
                {
                    let (end, val, kind) = self.relative(i + 1, i + 1)?;
                    return Some((end, val, kind));
                }
                None
            }
            Lex::Ordinal(q) => self.quarter(i, q, None),
            Lex::Fiscal => {
                if let Some(Lex::Num(v, 4)) = self.joined(i + 1).then(|| self.lex(i + 1)) {
                    if (1900..=2099).contains(&v) && !self.after_number_blocks(i + 2) {
                        return Some((i + 2, Val::Year(v as i32), MentionKind::Absolute));
                    }
                }
                if let Lex::Ordinal(q) = self.lex(i + 1) {
                    if self.joined(i + 1) {
                        return self.quarter(i + 1, q, None);
                    }
                }
                None
            }
            Lex::The | Lex::Its | Lex::That | Lex::A => self.determined(i),
            Lex::Unit(Unit::Year, false) => self.year_compound(i),
            Lex::NumWord(n) => self.ago(i, u32::from(n)),
            Lex::Season(s) if prefixed => self.season(i, s, 0),
            Lex::Nineteen => self.spelled_year(i),
            _ => None,
        }
    }

    /// Words after a number that show it is a quantity, not a year: "2000 troops".
    fn after_number_blocks(&self, j: usize) -> bool {
        if self.punct(j, b'%') || self.punct(j, b'.') && self.tight(j) && self.num(j + 1).is_some()
        {
            return true;
        }
        if self.punct(j, b',') && self.tight(j) && self.num(j + 1).is_some() {
            return true;
        }
        if !self.joined(j) {
            return false;
        }
        let Some(t) = self.t.get(j) else {
            return false;
        };
        if t.kind != Kind::Word {
            return false;
        }
        let w = &self.s[t.start..t.end];
        // A lowercase word right after: a quantity unless it is a function word.
        if w.as_bytes()[0].is_ascii_lowercase() {
            return !matches!(
                self.lex(j),
                Lex::Prep
                    | Lex::The
                    | Lex::A
                    | Lex::Will
                    | Lex::Period
                    | Lex::Unit(Unit::Quarter, _)
            ) && !matches!(
                w,
                "s" | "was"
                    | "were"
                    | "is"
                    | "had"
                    | "has"
                    | "when"
                    | "as"
                    | "levels"
                    | "level"
                    | "figures"
                    | "results"
                    | "budget"
                    | "election"
                    | "elections"
                    | "season"
                    | "fiscal"
                    | "that"
                    | "with"
                    | "but"
                    | "if"
                    | "because"
                    | "where"
                    | "which"
            );
        }
        false
    }

    /// A 4-digit year on its own: "in 1998", "1998's", "(1998)".
    fn year_alone(&mut self, i: usize, v: u32, len: u8) -> Option<Hit> {
        if len != 4 || !(1900..=2099).contains(&v) {
            return None;
        }
        // Not part of a larger number or an amount: "$1990", "1,990", "12.1990", "1990-91".
        if i > 0 {
            if let Some(p) = self.t.get(i - 1) {
                if self.t[i].tight && p.kind != Kind::Word {
                    let c = self.s.as_bytes()[p.start];
                    let mid = c == b'-' && i >= 2 && self.lex(i - 2) == Lex::Mid;
                    if matches!(c, b'$' | b'#' | b'.' | b',' | b'-' | b'/' | b':' | b'+') && !mid {
                        return None;
                    }
                }
                if self.t[i].tight && p.kind == Kind::Word {
                    return None;
                }
            }
        }
        // Decade: "1980s".
        if self.tight(i + 1) && self.word_is(i + 1, "s") {
            return Some((i + 2, Val::Decade(v as i32 / 10), MentionKind::Absolute));
        }
        if self.tight(i + 1) && self.t.get(i + 1).is_some_and(|t| t.kind != Kind::Punct) {
            return None;
        }
        if self.punct(i + 1, b'-') && self.tight(i + 1) && self.num(i + 2).is_some() {
            return None;
        }
        if self.after_number_blocks(i + 1) {
            // "its 1990 invasion", "That 1978 resolution": a year used as an adjective after a
            // word; round hundreds ("the 2000 troops") stay quantities.
            let after_word =
                i > 0 && self.joined(i) && self.t.get(i - 1).is_some_and(|t| t.kind == Kind::Word);
            if !after_word || v.is_multiple_of(100) {
                return None;
            }
        }
        let y = v as i32;
        // "the 1988 third quarter".
        if let Lex::Ordinal(q) = self.lex(i + 1) {
            if self.joined(i + 1) {
                if let Some(h) = self.quarter(i + 1, q, Some(y)) {
                    return Some(h);
                }
            }
        }
        Some((i + 1, Val::Year(y), MentionKind::Absolute))
    }

    /// "March 13", "March 13, 2025", "March 2025", "March" (guarded).
    fn month_first(&mut self, i: usize, m: u8, abbr: bool, from: usize) -> Option<Hit> {
        let mut j = i + 1;
        if abbr && self.punct(j, b'.') && self.tight(j) {
            j += 1;
        }
        if self.joined(j) {
            if let Some((d, 1..=2)) = self.num(j) {
                let mut k = j + 1;
                if let Lex::Other = self.lex(k) {
                    if self.tight(k) && ["st", "nd", "rd", "th"].iter().any(|s| self.word_is(k, s))
                    {
                        k += 1;
                    }
                }
                let blocked = (self.punct(k, b':') || self.punct(k, b'.') || self.punct(k, b','))
                    && self.tight(k)
                    && self.tight(k + 1)
                    && self.num(k + 1).is_some();
                if (1..=31).contains(&d)
                    && !blocked
                    && !(self.tight(k) && self.t.get(k).is_some_and(|t| t.kind != Kind::Punct))
                {
                    let d = d as u8;
                    // Trailing year.
                    let mut y_at = k;
                    if self.punct(y_at, b',') {
                        y_at += 1;
                    }
                    if self.joined(y_at) {
                        if let Some((y, 4)) = self.num(y_at) {
                            if (1000..=2999).contains(&y)
                                && !(self.tight(y_at + 1)
                                    && self.t.get(y_at + 1).is_some_and(|t| t.kind != Kind::Punct))
                            {
                                let date = make_date(y as i32, m, d)?;
                                return Some((y_at + 1, Val::Day(date), MentionKind::Absolute));
                            }
                        }
                    }
                    return self.yearless_day(k, m, d);
                }
            }
            // "March 2025", "March, 2025".
            let mut y_at = j;
            if self.punct(y_at, b',') {
                y_at += 1;
            }
            if let Some((y, 4)) = self.num(y_at) {
                if self.joined(y_at)
                    && (1000..=2999).contains(&y)
                    && !self.after_number_blocks(y_at + 1)
                {
                    return Some((y_at + 1, Val::Month(y as i32, m), MentionKind::Absolute));
                }
            }
        }
        // A month alone.
        if abbr {
            return None;
        }
        let prev = if from > 0 {
            self.lex(from - 1)
        } else {
            Lex::Other
        };
        let guarded = matches!(m, 3 | 5);
        let introduced = from != i
            || (from > 0
                && self.joined(from)
                && matches!(
                    prev,
                    Lex::Prep | Lex::Last | Lex::Next | Lex::This | Lex::Early | Lex::Late
                ));
        if guarded && !introduced {
            return None;
        }
        // "June last year", "January this year".
        if let (Some(a), true) = (self.anchor, self.joined(j)) {
            let shift = match self.lex(j) {
                Lex::Last => Some(-1),
                Lex::This => Some(0),
                Lex::Next => Some(1),
                _ => None,
            };
            if let Some(k) = shift {
                if self.next_is(j + 1, Lex::Unit(Unit::Year, false)) {
                    return Some((j + 2, Val::Month(a.year() + k, m), MentionKind::Relative));
                }
            }
        }
        match self.anchor {
            Some(a) => {
                let y = resolve_month(a, m, self.future_cue(from));
                Some((j, Val::Month(y, m), MentionKind::Relative))
            }
            None => Some((j, Val::YearlessMonth(m), MentionKind::Absolute)),
        }
    }

    fn yearless_day(&self, end: usize, m: u8, d: u8) -> Option<Hit> {
        make_date(2000, m, d)?;
        match self.anchor {
            Some(a) => {
                let start = self
                    .t
                    .iter()
                    .take(end)
                    .rposition(|t| t.kind != Kind::Num)
                    .unwrap_or(0);
                let date = resolve_day(a, m, d, self.future_cue(start))?;
                Some((end, Val::Day(date), MentionKind::Relative))
            }
            None => Some((end, Val::YearlessDay(m, d), MentionKind::Absolute)),
        }
    }

    /// "13 March", "13th of March 2025".
    fn day_first(&mut self, i: usize, d: u32, len: u8) -> Option<Hit> {
        if !(1..=2).contains(&len) || !(1..=31).contains(&d) {
            return None;
        }
        if i > 0 && self.tight(i) {
            if let Some(p) = self.t.get(i - 1) {
                if p.kind != Kind::Punct
                    || matches!(
                        self.s.as_bytes()[p.start],
                        b'.' | b',' | b'$' | b'-' | b'/' | b':'
                    )
                {
                    return None;
                }
            }
        }
        let mut j = i + 1;
        if self.tight(j) && ["st", "nd", "rd", "th"].iter().any(|s| self.word_is(j, s)) {
            j += 1;
        }
        if self.lex(j) == Lex::Of && self.joined(j) {
            j += 1;
        }
        let Lex::Month(m, abbr) = self.lex(j) else {
            return None;
        };
        if !self.joined(j) {
            return None;
        }
        let mut k = j + 1;
        if abbr && self.punct(k, b'.') && self.tight(k) {
            k += 1;
        }
        let d = d as u8;
        let mut y_at = k;
        if self.punct(y_at, b',') {
            y_at += 1;
        }
        if self.joined(y_at) {
            if let Some((y, 4)) = self.num(y_at) {
                if (1000..=2999).contains(&y) {
                    let date = make_date(y as i32, m, d)?;
                    return Some((y_at + 1, Val::Day(date), MentionKind::Absolute));
                }
            }
        }
        self.yearless_day(k, m, d)
    }

    /// "2025-03-13", "2025/03/13", "13.03.2025", unambiguous "13/03/2025" or "03/13/2025".
    fn numeric(&mut self, i: usize, a: u32, alen: u8) -> Option<Hit> {
        let sep_ok = |c: u8| matches!(c, b'-' | b'/' | b'.');
        let t1 = self.t.get(i + 1)?;
        if t1.kind != Kind::Punct || !t1.tight {
            return None;
        }
        let sep = self.s.as_bytes()[t1.start];
        if !sep_ok(sep) || !self.punct(i + 3, sep) {
            return None;
        }
        for k in i + 1..=i + 4 {
            if !self.tight(k) {
                return None;
            }
        }
        let (b, blen) = self.num(i + 2)?;
        let (c, clen) = self.num(i + 4)?;
        if i > 0 && self.tight(i) {
            let p = self.t.get(i - 1)?;
            if p.kind != Kind::Punct
                || matches!(self.s.as_bytes()[p.start], b'.' | b'-' | b'/' | b':' | b',')
            {
                return None;
            }
        }
        // Not followed by more of a number: "2025-03-13-1".
        if self.tight(i + 5) {
            if let Some(t) = self.t.get(i + 5) {
                let c0 = self.s.as_bytes()[t.start];
                let is_t = t.kind == Kind::Word && c0 == b'T' && self.num(i + 6).is_some();
                if t.kind == Kind::Num
                    || (t.kind == Kind::Word && !is_t)
                    || (sep_ok(c0) || c0 == b':') && self.num(i + 6).is_some()
                {
                    return None;
                }
            }
        }
        let (y, m, d) = if alen == 4 {
            if !(1..=2).contains(&blen) || !(1..=2).contains(&clen) {
                return None;
            }
            (a, b, c)
        } else if (1..=2).contains(&alen) && (1..=2).contains(&blen) && clen == 4 {
            if sep == b'.' || (a > 12 && b <= 12) || a == b {
                (c, b, a)
            } else if b > 12 && a <= 12 {
                (c, a, b)
            } else {
                return None;
            }
        } else {
            return None;
        };
        if !(1000..=2999).contains(&y) || m > 12 || d > 31 {
            return None;
        }
        let date = make_date(y as i32, m as u8, d as u8)?;
        Some((i + 5, Val::Day(date), MentionKind::Absolute))
    }

    /// A time of day right before token `i`: "noon Friday", "10 p.m. Wednesday".
    fn time_before(&self, i: usize) -> bool {
        if i == 0 || !self.joined(i) {
            return false;
        }
        if self.lex(i - 1) == Lex::TimeOfDay {
            return true;
        }
        i >= 2
            && self.punct(i - 1, b'.')
            && (self.word_is(i - 2, "m") || self.word_is(i - 2, "pm") || self.word_is(i - 2, "am"))
    }

    /// Future cue shortly before token `i` in the same sentence.
    fn future_cue(&self, i: usize) -> bool {
        let lo = i.saturating_sub(10);
        for k in (lo..i).rev() {
            let Some(t) = self.t.get(k) else { break };
            if t.kind == Kind::Punct && matches!(self.s.as_bytes()[t.start], b'.' | b';' | b'\n') {
                break;
            }
            if t.lex == Lex::Will || t.lex == Lex::Next || t.lex == Lex::Coming {
                return true;
            }
        }
        false
    }

    /// A weekday, possibly after "last"/"next"/"this (coming|past)"; `shift` -1 last, +1 next.
    fn weekday(&mut self, from: usize, i: usize, d: u8, shift: i8) -> Option<Hit> {
        let a = self.anchor?;
        // "Friday evening" is a time, "Monday, March 13" is handled by the date after it.
        if self.next_is(i + 1, Lex::TimeOfDay) || self.time_before(from) {
            return None;
        }
        if self.joined(i + 1) && matches!(self.lex(i + 1), Lex::Month(..))
            || self.punct(i + 1, b',') && matches!(self.lex(i + 2), Lex::Month(..))
        {
            return None;
        }
        let ad = a.weekday().number_days_from_monday();
        let back = (i64::from(ad) - i64::from(d)).rem_euclid(7);
        let fwd = (i64::from(d) - i64::from(ad)).rem_euclid(7);
        let date = match shift {
            -1 => a.checked_sub(Duration::days(if back == 0 { 7 } else { back }))?,
            1 => a.checked_add(Duration::days(if fwd == 0 { 7 } else { fwd }))?,
            _ => {
                if self.future_cue(i) && fwd != 0 {
                    a.checked_add(Duration::days(fwd))?
                } else {
                    a.checked_sub(Duration::days(back))?
                }
            }
        };
        Some((i + 1, Val::Day(date), MentionKind::Relative))
    }

    /// After "last", "next", "this", "past", "coming", "previous" at `i`.
    fn relative(&mut self, i: usize, from: usize) -> Option<Hit> {
        let a = self.anchor?;
        let dir: i32 = match self.lex(i) {
            Lex::Last | Lex::Past | Lex::Previous => -1,
            Lex::Next | Lex::Coming => 1,
            _ => 0,
        };
        let mut j = i + 1;
        // "this past week", "this coming Sunday".
        let mut dir = dir;
        if dir == 0 && matches!(self.lex(j), Lex::Past | Lex::Coming) && self.joined(j) {
            dir = if self.lex(j) == Lex::Past { -1 } else { 1 };
            j += 1;
        }
        if !self.joined(j) {
            return None;
        }
        let kind = MentionKind::Relative;
        match self.lex(j) {
            Lex::Unit(_, false) if self.capitalised(j) => None,
            Lex::Unit(u, false) => {
                // Possessive "this year's third quarter".
                let val = match u {
                    Unit::Day => return None,
                    Unit::Week => week_of(a.checked_add(Duration::weeks(i64::from(dir)))?),
                    Unit::Weekend => return self.weekend(j, dir),
                    Unit::Month => {
                        let (y, m) = shift_months(a.year(), u8::from(a.month()), dir);
                        Val::Month(y, m)
                    }
                    Unit::Year => {
                        let y = a.year() + dir;
                        if self.punct(j + 1, b'\'') && self.tight(j + 1) && self.word_is(j + 2, "s")
                        {
                            if let Lex::Ordinal(q) = self.lex(j + 3) {
                                if self.joined(j + 3) {
                                    if let Some(h) = self.quarter(j + 3, q, Some(y)) {
                                        return Some(h);
                                    }
                                }
                            }
                        }
                        Val::Year(y)
                    }
                    Unit::Quarter => {
                        let (y, q) = shift_quarters(a.year(), quarter_of(a), dir);
                        if dir == 0 {
                            self.ref_quarter = Some((y, q));
                        }
                        Val::Quarter(y, q)
                    }
                };
                Some((j + 1, val, kind))
            }
            Lex::Weekday(d) => {
                let shift = if self.lex(i) == Lex::This && dir == 0 {
                    0
                } else {
                    dir as i8
                };
                let (end, val, k) = self.weekday(from, j, d, shift)?;
                Some((end, val, k))
            }
            Lex::Month(m, false) => {
                // "last April", "next January", "this September".
                let am = u8::from(a.month());
                let y = match dir {
                    -1 => {
                        if m < am {
                            a.year()
                        } else {
                            a.year() - 1
                        }
                    }
                    1 => {
                        if m > am {
                            a.year()
                        } else {
                            a.year() + 1
                        }
                    }
                    _ => a.year(),
                };
                if self.joined(j + 1) && self.num(j + 1).is_some() {
                    return None;
                }
                Some((j + 1, Val::Month(y, m), kind))
            }
            Lex::Season(s) => self.season(j, s, dir),
            _ => None,
        }
    }

    fn season(&mut self, i: usize, s: u8, dir: i32) -> Option<Hit> {
        let a = self.anchor?;
        let y = a.year() + dir;
        Some((i + 1, Val::Season(y, s), MentionKind::Relative))
    }

    /// "first quarter" at ordinal `i`: "third quarter", "third-quarter", "third quarter of 1990".
    fn quarter(&mut self, i: usize, q: u8, year: Option<i32>) -> Option<Hit> {
        let j = match self.hyphen(i + 1) {
            Some(k) => k,
            None => {
                if !self.joined(i + 1) {
                    return None;
                }
                i + 1
            }
        };
        if self.lex(j) != Lex::Unit(Unit::Quarter, false) || self.hyphen(j + 1).is_some() {
            return None;
        }
        let mut end = j + 1;
        let mut year = year;
        if year.is_none() && self.lex(end) == Lex::Of && self.joined(end) {
            if let Some((y, 4)) = self.num(end + 1) {
                if (1900..=2099).contains(&y) && self.joined(end + 1) {
                    year = Some(y as i32);
                    end += 2;
                }
            }
        }
        let y = match year {
            Some(y) => y,
            None => {
                let a = self.anchor?;
                // The latest such quarter up to the anchor's (reports look back; "expected"
                // is too often "than expected" to point forward).
                let aq = quarter_of(a);
                if q <= aq {
                    a.year()
                } else {
                    a.year() - 1
                }
            }
        };
        self.ref_quarter = Some((y, q));
        let kind = if year.is_some() {
            MentionKind::Absolute
        } else {
            MentionKind::Relative
        };
        Some((end, Val::Quarter(y, q), kind))
    }

    /// Phrases with a determiner: "the third quarter", "the quarter", "the latest period",
    /// "the year-ago quarter", "the future", "a year ago", "a couple of years ago".
    fn determined(&mut self, i: usize) -> Option<Hit> {
        let det = self.lex(i);
        let mut j = i + 1;
        if !self.joined(j) {
            return None;
        }
        if det == Lex::A {
            return self.ago(i, 1);
        }
        if det == Lex::The && self.lex(j) == Lex::Future {
            if self.next_is(j + 1, Lex::Of) {
                return None;
            }
            return Some((j + 1, Val::Ref(2), MentionKind::Reference));
        }
        if det == Lex::The && self.lex(j) == Lex::Past && !self.joined(j + 1)
            || det == Lex::The
                && self.lex(j) == Lex::Past
                && self.t.get(j + 1).is_some_and(|t| t.kind == Kind::Punct)
        {
            return Some((j + 1, Val::Ref(1), MentionKind::Reference));
        }
        if det == Lex::The && self.lex(j) == Lex::Unit(Unit::Weekend, false) {
            return self.weekend(j, 0);
        }
        if matches!(self.lex(j), Lex::Fiscal | Lex::Full) && self.joined(j + 1) {
            j += 1;
        } else if self.lex(j) == Lex::Current
            && self.next_is(j + 1, Lex::Fiscal)
            && self.next_is(j + 2, Lex::Unit(Unit::Year, false))
        {
            j += 2;
        }
        if det == Lex::The && self.lex(j) == Lex::Unit(Unit::Year, false) && !self.capitalised(j) {
            // "the year two thousand".
            if self.word_is(j + 1, "two") && self.word_is(j + 2, "thousand") && self.joined(j + 2) {
                return Some((j + 3, Val::Year(2000), MentionKind::Absolute));
            }
            // "the year", "the fiscal year": the anchor's, unless a definition follows
            // ("the year ended Sept. 30") or it is a compound ("the year-ago quarter").
            let next_blocks = self.tight(j + 1) && self.punct(j + 1, b'-')
                || self.joined(j + 1)
                    && (self.word_is(j + 1, "ended")
                        || self.word_is(j + 1, "ending")
                        || self.word_is(j + 1, "before")
                        || self.word_is(j + 1, "after")
                        || self.word_is(j + 1, "earlier")
                        || self.word_is(j + 1, "when")
                        || self.word_is(j + 1, "in")
                        || self.lex(j + 1) == Lex::Of
                        || self.lex(j + 1) == Lex::Unit(Unit::Year, false));
            if !next_blocks {
                let a = self.anchor?;
                return Some((j + 1, Val::Year(a.year()), MentionKind::Relative));
            }
        }
        match self.lex(j) {
            Lex::Ordinal(q) => self.quarter(j, q, None),
            Lex::Num(y, 4) if (1900..=2099).contains(&y) => {
                // "the 1988 third quarter", "the 1989 period".
                if let Lex::Ordinal(q) = self.lex(j + 1) {
                    if self.joined(j + 1) {
                        return self.quarter(j + 1, q, Some(y as i32));
                    }
                }
                None
            }
            Lex::Latest | Lex::Current | Lex::Unit(Unit::Quarter, false) => {
                self.ref_quarter_phrase(i, j)
            }
            Lex::Unit(Unit::Year, false) => {
                // "the year-ago quarter", "the year-earlier period".
                if let Some(k) = self.hyphen(j + 1) {
                    if matches!(self.lex(k), Lex::Ago | Lex::Earlier) {
                        let (y, q) = self.ref_quarter?;
                        let mut end = k + 1;
                        if matches!(self.lex(end), Lex::Unit(Unit::Quarter, false) | Lex::Period)
                            && self.joined(end)
                        {
                            end += 1;
                        } else if let Lex::Ordinal(_) = self.lex(end) {
                            if self.lex(end + 1) == Lex::Unit(Unit::Quarter, false) {
                                end += 2;
                            }
                        } else {
                            return None;
                        }
                        return Some((end, Val::Quarter(y - 1, q), MentionKind::Relative));
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// "the quarter", "the latest quarter", "the latest period", "the current quarter".
    fn ref_quarter_phrase(&mut self, _i: usize, j: usize) -> Option<Hit> {
        let a = self.anchor?;
        let lex = self.lex(j);
        let mut end = j + 1;
        if lex == Lex::Unit(Unit::Quarter, false) && self.hyphen(end).is_some() {
            return None;
        }
        if matches!(lex, Lex::Latest | Lex::Current) {
            if !(self.joined(end)
                && matches!(self.lex(end), Lex::Unit(Unit::Quarter, false) | Lex::Period))
            {
                return None;
            }
            if self.lex(end) == Lex::Period && self.ref_quarter.is_none() {
                return None;
            }
            end += 1;
        }
        // "the quarter ended Sept. 30" and friends: the stated quarter, else the last one.
        let previous = shift_quarters(a.year(), quarter_of(a), -1);
        let (y, q) = match (lex, self.ref_quarter) {
            (Lex::Current, _) => (a.year(), quarter_of(a)),
            // "the latest quarter": the stated one unless it lies after the last complete one.
            (Lex::Latest, Some(r)) => r.min(previous),
            (_, Some(r)) => r,
            (_, None) => previous,
        };
        Some((end, Val::Quarter(y, q), MentionKind::Relative))
    }

    /// "the weekend", "this weekend", "last weekend" at the unit `i`: the weekend of the anchor's
    /// week when the anchor is on it, else the one before (after, for "next"/"this coming").
    fn weekend(&mut self, i: usize, dir: i32) -> Option<Hit> {
        let a = self.anchor?;
        let wd = i64::from(a.weekday().number_days_from_monday());
        let this_sat = a.checked_add(Duration::days(5 - wd))?;
        let sat = match dir {
            1 => this_sat,
            -1 => this_sat.checked_sub(Duration::weeks(1))?,
            _ if wd >= 5 || self.future_cue(i) => this_sat,
            _ => this_sat.checked_sub(Duration::weeks(1))?,
        };
        let (y, w, _) = sat.to_iso_week_date();
        Some((i + 1, Val::Weekend(y, w), MentionKind::Relative))
    }

    /// "nineteen ninety-six", "nineteen eighty": a year said in words.
    fn spelled_year(&self, i: usize) -> Option<Hit> {
        let tens = |k: usize| -> Option<u32> {
            let w = self.t.get(k)?;
            let word = self.s.get(w.start..w.end)?.to_ascii_lowercase();
            let v = match word.as_str() {
                "twenty" => 20,
                "thirty" => 30,
                "forty" => 40,
                "fifty" => 50,
                "sixty" => 60,
                "seventy" => 70,
                "eighty" => 80,
                "ninety" => 90,
                _ => return None,
            };
            Some(v)
        };
        if !self.joined(i + 1) {
            return None;
        }
        let t = tens(i + 1)?;
        let mut end = i + 2;
        let mut units = 0;
        if let Some(k) = self.hyphen(i + 2) {
            if let Lex::NumWord(u @ 1..=9) = self.lex(k) {
                units = u32::from(u);
                end = k + 1;
            }
        }
        let y = 1900 + t + units;
        Some((end, Val::Year(y as i32), MentionKind::Absolute))
    }

    /// "year-earlier", "year-ago" used alone: the quarter (if any) a year before the stated one.
    fn year_compound(&mut self, i: usize) -> Option<Hit> {
        let k = self.hyphen(i + 1)?;
        if !matches!(self.lex(k), Lex::Ago | Lex::Earlier) {
            return None;
        }
        let a = self.anchor?;
        let val = match self.ref_quarter {
            Some((y, q)) => Val::Quarter(y - 1, q),
            None => Val::Year(a.year() - 1),
        };
        Some((k + 1, val, MentionKind::Relative))
    }

    /// "two days ago", "a year ago", "three years earlier", "a couple of weeks ago".
    fn ago(&mut self, i: usize, n: u32) -> Option<Hit> {
        let a = self.anchor?;
        let mut j = i + 1;
        let mut n = n;
        if self.lex(i) == Lex::A && self.lex(j) == Lex::Couple && self.next_is(j + 1, Lex::Of) {
            n = 2;
            j += 2;
        }
        if !self.joined(j) {
            return None;
        }
        let Lex::Unit(u, plural) = self.lex(j) else {
            return None;
        };
        if plural != (n != 1) || n == 0 || n > 100 {
            return None;
        }
        if !(self.joined(j + 1) && matches!(self.lex(j + 1), Lex::Ago | Lex::Earlier)) {
            return None;
        }
        let n = n as i32;
        let val = match u {
            Unit::Day => Val::Day(a.checked_sub(Duration::days(i64::from(n)))?),
            Unit::Week => week_of(a.checked_sub(Duration::weeks(i64::from(n)))?),
            Unit::Month => {
                let (y, m) = shift_months(a.year(), u8::from(a.month()), -n);
                Val::Month(y, m)
            }
            Unit::Year => match self.ref_quarter {
                Some((y, q)) if n == 1 => Val::Quarter(y - 1, q),
                _ => Val::Year(a.year() - n),
            },
            Unit::Quarter => {
                let (y, q) = shift_quarters(a.year(), quarter_of(a), -n);
                Val::Quarter(y, q)
            }
            Unit::Weekend => return None,
        };
        Some((j + 2, val, MentionKind::Relative))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn vals(text: &str, anchor: Option<Date>) -> Vec<(String, String)> {
        date_mentions(text, anchor)
            .into_iter()
            .map(|m| {
                assert_eq!(&text[m.start..m.end], m.text);
                (m.text, m.value)
            })
            .collect()
    }

    fn pairs(v: &[(&str, &str)]) -> Vec<(String, String)> {
        v.iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    #[test]
    fn absolute_dates() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "On March 13, 2025, he left.",
                &[("March 13, 2025", "2025-03-13")],
            ),
            ("on 13 March 2025", &[("13 March 2025", "2025-03-13")]),
            ("Mar. 13th 2025", &[("Mar. 13th 2025", "2025-03-13")]),
            ("since March 2025.", &[("March 2025", "2025-03")]),
            ("at 2025-03-13T10:00", &[("2025-03-13", "2025-03-13")]),
            ("on 13/03/2025", &[("13/03/2025", "2025-03-13")]),
            ("on 03/04/2025", &[]),
            ("in 1998.", &[("1998", "1998")]),
            ("fiscal 1989 results", &[("fiscal 1989", "1989")]),
            ("in the 1980s", &[("1980s", "198")]),
            ("mid-March", &[("mid-March", "XXXX-03")]),
            ("On March 13, he left.", &[("March 13", "XXXX-03-13")]),
            ("the end of 1990", &[("the end of 1990", "1990")]),
            ("2000 troops", &[]),
            ("$1990 and 1,998 and 12.1990", &[]),
            ("February 30 was no day", &[]),
            ("He may march. March 13:00", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(vals(text, None), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn relative_dates() {
        // 2025-03-13 is a Thursday, in ISO week 11 and the first quarter.
        let a = Some(date!(2025 - 03 - 13));
        let cases: &[(&str, &[(&str, &str)])] = &[
            ("He left yesterday.", &[("yesterday", "2025-03-12")]),
            (
                "today and tomorrow",
                &[("today", "2025-03-13"), ("tomorrow", "2025-03-14")],
            ),
            ("He spoke on Sunday.", &[("Sunday", "2025-03-09")]),
            ("He spoke Thursday.", &[("Thursday", "2025-03-13")]),
            ("He will speak Monday.", &[("Monday", "2025-03-17")]),
            ("last Friday", &[("last Friday", "2025-03-07")]),
            ("next Monday", &[("next Monday", "2025-03-17")]),
            ("last week", &[("last week", "2025-W10")]),
            ("this week", &[("this week", "2025-W11")]),
            ("next month", &[("next month", "2025-04")]),
            ("this year", &[("this year", "2025")]),
            ("earlier this year", &[("earlier this year", "2025")]),
            ("last year", &[("last year", "2024")]),
            ("two days ago", &[("two days ago", "2025-03-11")]),
            ("3 weeks ago", &[("3 weeks ago", "2025-W08")]),
            ("a year ago", &[("a year ago", "2024")]),
            ("five years ago", &[("five years ago", "2020")]),
            (
                "a couple of months ago",
                &[("a couple of months ago", "2025-01")],
            ),
            ("On March 12, he", &[("March 12", "2025-03-12")]),
            ("on Jan. 2", &[("Jan. 2", "2025-01-02")]),
            ("on April 2", &[("April 2", "2025-04-02")]),
            ("It will open Dec. 2.", &[("Dec. 2", "2025-12-02")]),
            ("in June last year", &[("June last year", "2024-06")]),
            ("over the weekend", &[("the weekend", "2025-W10-WE")]),
            ("in nineteen ninety-six", &[("nineteen ninety-six", "1996")]),
            (
                "by the year two thousand",
                &[("the year two thousand", "2000")],
            ),
            ("sales for the year rose", &[("the year", "2025")]),
            ("the year ended June 30", &[("June 30", "2024-06-30")]),
            ("in mid-1996", &[("mid-1996", "1996")]),
            ("its 1990 invasion", &[("1990", "1990")]),
            ("in recent years", &[("recent years", "PAST_REF")]),
            ("in recent weeks", &[]),
            ("as soon as possible", &[]),
            ("at noon Friday", &[]),
            ("on ABC's This Week", &[]),
            ("in October", &[("October", "2024-10")]),
            ("in June", &[("June", "2024-06")]),
            ("in April", &[("April", "2025-04")]),
            ("He will go there in June", &[("June", "2025-06")]),
            ("last April", &[("last April", "2024-04")]),
            ("this summer", &[("this summer", "2025-SU")]),
            ("Friday evening", &[]),
            ("now", &[("now", "PRESENT_REF")]),
            ("in the future", &[("the future", "FUTURE_REF")]),
            ("two days after the vote", &[]),
        ];
        for (text, want) in cases {
            assert_eq!(vals(text, a), pairs(want), "{text:?}");
        }
    }

    #[test]
    fn relative_without_anchor_skipped() {
        for text in [
            "yesterday",
            "last week",
            "on Sunday",
            "two days ago",
            "this year",
        ] {
            assert!(date_mentions(text, None).is_empty(), "{text:?}");
        }
    }

    #[test]
    fn quarters() {
        let a = Some(date!(1989 - 11 - 02));
        let text = "Third-quarter profit rose from a year ago. In the quarter, sales fell \
                    from the year-earlier quarter. The fourth quarter of 1990 and next \
                    year's first quarter.";
        assert_eq!(
            vals(text, a),
            pairs(&[
                ("Third-quarter", "1989-Q3"),
                ("a year ago", "1988-Q3"),
                ("the quarter", "1989-Q3"),
                ("the year-earlier quarter", "1988-Q3"),
                ("The fourth quarter of 1990", "1990-Q4"),
                ("next year's first quarter", "1990-Q1"),
            ])
        );
    }

    #[test]
    fn ranges() {
        let a = Some(date!(2025 - 03 - 13));
        let r = |t: &str| date_mentions(t, a).into_iter().next().and_then(|m| m.range);
        assert_eq!(
            r("March 13, 2025"),
            Some((date!(2025 - 03 - 13), date!(2025 - 03 - 13)))
        );
        assert_eq!(
            r("in February 2024"),
            Some((date!(2024 - 02 - 01), date!(2024 - 02 - 29)))
        );
        assert_eq!(
            r("in 1998"),
            Some((date!(1998 - 01 - 01), date!(1998 - 12 - 31)))
        );
        assert_eq!(
            r("last week"),
            Some((date!(2025 - 03 - 03), date!(2025 - 03 - 09)))
        );
        assert_eq!(
            r("the third quarter of 1990"),
            Some((date!(1990 - 07 - 01), date!(1990 - 09 - 30)))
        );
        assert_eq!(
            r("the 1980s"),
            Some((date!(1980 - 01 - 01), date!(1989 - 12 - 31)))
        );
        let (f, l) =
            r("in early March 2025").unwrap_or((date!(2000 - 01 - 01), date!(2000 - 01 - 01)));
        assert_eq!(f, date!(2025 - 03 - 01));
        assert!(l < date!(2025 - 03 - 15));
        assert_eq!(r("now"), None);
        assert_eq!(date_mentions("March 13", None)[0].range, None);
    }

    #[test]
    fn kinds() {
        let a = Some(date!(2025 - 03 - 13));
        let k: Vec<MentionKind> = date_mentions("In 2024, yesterday, recently.", a)
            .into_iter()
            .map(|m| m.kind)
            .collect();
        assert_eq!(
            k,
            [
                MentionKind::Absolute,
                MentionKind::Relative,
                MentionKind::Reference
            ]
        );
    }

    #[test]
    fn never_panics() {
        let long = "March 13, 2025 last week 1998 ".repeat(5_000);
        let digits = "9".repeat(10_000);
        let inputs = [
            "",
            "a",
            "é",
            "March",
            "March 13,",
            "13",
            "2025-",
            "2025-03-",
            "the",
            "the end of",
            "mid-",
            "a couple of",
            "year-",
            "the year-ago",
            "\u{1F600} March 13 \u{1F600}",
            "٢٠٢٥-٠٣-١٣",
            "Ωμέγα 2025",
            long.as_str(),
            digits.as_str(),
        ];
        for t in inputs {
            for a in [
                None,
                Some(date!(2025 - 03 - 13)),
                Some(Date::MIN),
                Some(Date::MAX),
            ] {
                for m in date_mentions(t, a) {
                    assert_eq!(&t[m.start..m.end], m.text);
                }
            }
        }
    }
}
