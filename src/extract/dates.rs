//! Publication dates of news articles, and the calendar dates their text states.
//!
//! Role: give each article a publication date for date filters, and list the absolute
//! dates an article mentions (for a later "mentions" feature and for year inference).
//!
//! Rules for [`publication_date`], in order; the first rule that yields a resolvable date wins:
//! 1. a date line near the top: within the first 5 non-empty lines of the body, a short line
//!    (< 80 characters) that is mostly a date, optionally with "Updated", "Published", "Posted",
//!    "Upd.", "Date:", a weekday, a time or a time zone ("Thursday, March 13, 2025 10:32 AM");
//!    other `|`/`·`-separated parts of that line may only be a byline, a reading-time counter or
//!    a label of at most three words;
//! 2. an agency dateline at the start of one of the first 3 non-empty lines:
//!    "WASHINGTON, March 13 (Reuters) -", "MOSCOW, March 13, 2025 (AP) —", "MOSCOW, March 13. /TASS/.";
//!    without an agency the place must be in capitals ("WASHINGTON, March 13 —"); a line made of
//!    a place in capitals and a full date only ("LONDON 1996-08-30") is a dateline too;
//! 3. the lead: the first sentence-like line of the body starts with `On <Month> <day>,` (also
//!    "On Thursday, March 13," and "On 13 March,") or `<Month> <day> —`;
//! 4. the path: "/2025/03/13/", "2025-03-13", "2025_03_13", "2025.03.13", a lone 8-digit
//!    "20250313", or a wire id made of 2–5 letters and YYMMDD or YYYYMMDD followed by "." / "-" / "_"
//!    and a digit ("AP900815-0044" -> 1990-08-15, "APW19980227.0476" -> 1998-02-27); the match
//!    nearest the end of the path wins.
//!
//! Rules 1–3 give provenance [`DateProvenance::Text`], rule 4 [`DateProvenance::Path`].
//! A date written without a year takes, in order: `default_year`; else the year of a folder of
//! the path that names a year but no full date ("/2025/", "/2025/03/"); else the one year the
//! article states unambiguously (exactly one distinct year among its full dates and "Month YYYY" mentions);
//! else it stays unknown. An unresolved text date does not stop the search: the path may still
//! give a date; if nothing does, the result is [`DateProvenance::Unknown`] with the evidence of the
//! first unresolved hit kept.
//!
//! Formats understood by [`find_dates`]: "March 13", "March 13, 2025", "Mar. 13th 2025",
//! "Sept. 3", "13 March 2025", "13th of March", "March 2025" (month and year), "2025-03-13",
//! "2025/03/13", "13.03.2025" (day first), and "13/03/2025" or "03/13/2025" only when the order is
//! unambiguous (one part above 12, or both parts equal). Month names must be capitalised
//! ("March", "MARCH", never "march"); abbreviations may carry a dot.
//!
//! Relative dates ("yesterday", "last week") and TIMEX3 values are the business of
//! [`super::mentions`]; this module stays with absolute dates.
//!
//! Limits: English month names only; no relative dates ("yesterday", "on Wednesday"); numeric
//! dates with an ambiguous day/month order are skipped; a 4-digit number right after
//! "Month day," is read as the year ("March 13, 2000 troops" is misread); two-digit years are
//! only read in path ids (50–99 -> 19xx, 00–49 -> 20xx). Invalid dates (February 30, February 29
//! of a common year) are rejected. Everything is linear in the input and never panics.

use super::prefix_at_char_boundary;
use serde::{Deserialize, Serialize};
use time::{Date, Month};

/// Where a publication date came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateProvenance {
    /// Supplied by metadata outside the text (e.g. a feed or a sidecar file).
    Metadata,
    /// Read from the article text (date line, dateline or lead).
    Text,
    /// Read from the file path or document id.
    Path,
    /// Not known.
    Unknown,
}

impl DateProvenance {
    /// The lowercase name, as serialised: "metadata", "text", "path" or "unknown".
    pub fn as_str(self) -> &'static str {
        match self {
            DateProvenance::Metadata => "metadata",
            DateProvenance::Text => "text",
            DateProvenance::Path => "path",
            DateProvenance::Unknown => "unknown",
        }
    }
}

/// A publication date and how it was found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PubDate {
    /// The date, when known.
    pub date: Option<Date>,
    /// Where the date came from ([`DateProvenance::Unknown`] when `date` is `None`).
    pub provenance: DateProvenance,
    /// The text it was read from, e.g. "March 13" or "2025/03/13"; kept even when the date
    /// stayed unknown because its year could not be resolved.
    pub evidence: Option<String>,
}

impl PubDate {
    fn unknown(evidence: Option<String>) -> Self {
        PubDate {
            date: None,
            provenance: DateProvenance::Unknown,
            evidence,
        }
    }
}

/// One absolute calendar date stated in a text: a full date, a month and day without a year,
/// or a month and year without a day.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// Byte offset of the first byte of the mention.
    pub start: usize,
    /// Byte offset just past the mention.
    pub end: usize,
    /// The year, when written.
    pub year: Option<i32>,
    /// The month, 1–12.
    pub month: u8,
    /// The day of the month, when written.
    pub day: Option<u8>,
    /// The text of the mention, `text[start..end]` of the searched text.
    pub text: String,
}

impl DateMention {
    /// The full calendar date, when year and day are both written (and valid).
    pub fn date(&self) -> Option<Date> {
        make_date(self.year?, self.month, self.day?)
    }
}

/// Parse a user-supplied plain date: "2025", "2025-03", "2025-03-13" -> inclusive first and last
/// day. Surrounding whitespace is ignored; month and day may have one or two digits; anything
/// else (other separators, invalid dates) gives `None`.
pub fn parse_plain_date_range(s: &str) -> Option<(Date, Date)> {
    let s = s.trim();
    let mut parts = s.split('-');
    let y = parts.next()?;
    if y.len() != 4 || !y.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let year: i32 = y.parse().ok()?;
    let num = |p: &str| -> Option<u8> {
        if p.is_empty() || p.len() > 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        p.parse().ok()
    };
    let month = match parts.next() {
        None => {
            return Some((make_date(year, 1, 1)?, make_date(year, 12, 31)?));
        }
        Some(m) => num(m)?,
    };
    let day = match parts.next() {
        None => {
            let last = days_in_month(year, month)?;
            return Some((make_date(year, month, 1)?, make_date(year, month, last)?));
        }
        Some(d) => num(d)?,
    };
    if parts.next().is_some() {
        return None;
    }
    let d = make_date(year, month, day)?;
    Some((d, d))
}

/// Publication date of one article from its text and path. `default_year` is the year used for
/// dates written without one (from --year). See the module docs for the rules.
pub fn publication_date(title: &str, body: &str, path: &str, default_year: Option<i32>) -> PubDate {
    let top: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(5)
        .collect();

    // Year of the article, computed at most once and only when needed.
    let mut article_year: Option<Option<i32>> = None;
    let mut pending: Option<String> = None;

    let mut resolve = |m: &DateMention, pending: &mut Option<String>| -> Option<PubDate> {
        let day = m.day?;
        let year = match m.year {
            Some(y) => Some(y),
            None => default_year
                .or_else(|| path_year(path))
                .or_else(|| *article_year.get_or_insert_with(|| unique_article_year(title, body))),
        };
        match year.and_then(|y| make_date(y, m.month, day)) {
            Some(date) => Some(PubDate {
                date: Some(date),
                provenance: DateProvenance::Text,
                evidence: Some(m.text.clone()),
            }),
            None => {
                if pending.is_none() {
                    *pending = Some(m.text.clone());
                }
                None
            }
        }
    };

    // Rule 1: a date line near the top.
    for line in &top {
        if let Some(m) = date_line(line) {
            if let Some(p) = resolve(&m, &mut pending) {
                return p;
            }
            break;
        }
    }
    // Rule 2: an agency dateline.
    for line in top.iter().take(3) {
        if let Some(m) = dateline(line) {
            if let Some(p) = resolve(&m, &mut pending) {
                return p;
            }
            break;
        }
    }
    // Rule 3: the lead.
    if let Some(lead) = top.iter().find(|l| !header_like(l)) {
        if let Some(m) = lead_date(lead) {
            if let Some(p) = resolve(&m, &mut pending) {
                return p;
            }
        }
    }
    // Rule 4: the path.
    if let Some((date, ev)) = path_date(path) {
        return PubDate {
            date: Some(date),
            provenance: DateProvenance::Path,
            evidence: Some(ev),
        };
    }
    PubDate::unknown(pending)
}

/// Every absolute calendar date the text states, in text order and without overlaps: full dates,
/// month-day without a year, and month-year without a day. Invalid dates are left out.
pub fn find_dates(text: &str) -> Vec<DateMention> {
    // Every format has a digit: text without one is skipped without tokenizing.
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return Vec::new();
    }
    let toks = tokenize(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        if let Some((m, next)) = match_at(text, &toks, i) {
            out.push(m);
            i = next;
        } else {
            i += 1;
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Calendar helpers

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(year: i32, month: u8) -> Option<u8> {
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => return None,
    })
}

fn make_date(year: i32, month: u8, day: u8) -> Option<Date> {
    let m = Month::try_from(month).ok()?;
    Date::from_calendar_date(year, m, day).ok()
}

/// Month and day possible in some year (February 29 allowed).
fn month_day_possible(month: u8, day: u8) -> bool {
    day >= 1 && days_in_month(2000, month).is_some_and(|n| day <= n)
}

// ---------------------------------------------------------------------------------------------
// Tokenizer: the text as contiguous runs of letters, ASCII digits, whitespace, or single
// other characters.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Num,
    Space,
    Punct,
}

#[derive(Debug, Clone, Copy)]
struct Tok {
    kind: Kind,
    start: usize,
    end: usize,
}

fn classify(c: char) -> Kind {
    if c.is_ascii_digit() {
        Kind::Num
    } else if c.is_alphabetic() {
        Kind::Word
    } else if c.is_whitespace() {
        Kind::Space
    } else {
        Kind::Punct
    }
}

fn tokenize(s: &str) -> Vec<Tok> {
    let b = s.as_bytes();
    let mut out: Vec<Tok> = Vec::with_capacity(b.len() / 3 + 1);
    let mut i = 0;
    while i < b.len() {
        // ASCII bytes are classified directly; other characters by `classify`.
        let (kind, end) = match b[i] {
            c if c.is_ascii_digit() => (Kind::Num, i + 1),
            c if c.is_ascii_alphabetic() => (Kind::Word, i + 1),
            b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c' => (Kind::Space, i + 1),
            c if c.is_ascii() => (Kind::Punct, i + 1),
            _ => match s.get(i..).and_then(|r| r.chars().next()) {
                Some(c) => (classify(c), i + c.len_utf8()),
                // Not a character boundary: cannot happen in a `str`; step over it.
                None => (Kind::Punct, i + 1),
            },
        };
        let start = i;
        i = end;
        if kind != Kind::Punct {
            if let Some(last) = out.last_mut() {
                if last.kind == kind {
                    last.end = end;
                    continue;
                }
            }
        }
        out.push(Tok { kind, start, end });
    }
    out
}

struct Toks<'a> {
    s: &'a str,
    t: &'a [Tok],
}

impl<'a> Toks<'a> {
    fn get(&self, i: usize) -> Option<&Tok> {
        self.t.get(i)
    }
    fn text(&self, i: usize) -> &'a str {
        self.t.get(i).map_or("", |t| &self.s[t.start..t.end])
    }
    fn kind(&self, i: usize) -> Option<Kind> {
        self.t.get(i).map(|t| t.kind)
    }
    fn is_punct(&self, i: usize, c: char) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.text(i).starts_with(c)
    }
    fn punct_char(&self, i: usize) -> Option<char> {
        if self.kind(i) == Some(Kind::Punct) {
            self.text(i).chars().next()
        } else {
            None
        }
    }
    /// A whitespace token without a line break.
    fn is_inline_space(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Space) && !self.text(i).contains(['\n', '\r'])
    }
    fn num(&self, i: usize, min_len: usize, max_len: usize) -> Option<u32> {
        if self.kind(i) != Some(Kind::Num) {
            return None;
        }
        let t = self.text(i);
        if t.len() < min_len || t.len() > max_len {
            return None;
        }
        t.parse().ok()
    }
}

// ---------------------------------------------------------------------------------------------
// Words

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_ABBR: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [&str; 19] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "tues",
    "wed",
    "thu",
    "thur",
    "thurs",
    "fri",
    "sat",
    "sun",
    "weds",
    "tu",
];

/// "March" or "MARCH", not "march" or "mARCH".
fn properly_capitalised(w: &str) -> bool {
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {}
        _ => return false,
    }
    let rest = cs.as_str();
    rest.chars().all(char::is_lowercase) || rest.chars().all(char::is_uppercase)
}

/// Month number of a word, and whether it is an abbreviation.
fn month_word(w: &str) -> Option<(u8, bool)> {
    if w.len() > 9 || !properly_capitalised(w) {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| m.eq_ignore_ascii_case(w)) {
        return Some((i as u8 + 1, false));
    }
    MONTH_ABBR
        .iter()
        .find(|(a, _)| a.eq_ignore_ascii_case(w))
        .map(|&(_, m)| (m, true))
}

fn is_weekday(w: &str) -> bool {
    w.len() <= 9 && properly_capitalised(w) && WEEKDAYS.iter().any(|d| d.eq_ignore_ascii_case(w))
}

// ---------------------------------------------------------------------------------------------
// Date matching on tokens

/// A month word at `i` (with its abbreviation dot); returns (month, index after).
fn month_at(t: &Toks, i: usize) -> Option<(u8, usize)> {
    if t.kind(i) != Some(Kind::Word) {
        return None;
    }
    let (m, abbr) = month_word(t.text(i))?;
    let mut j = i + 1;
    if abbr && t.is_punct(j, '.') {
        j += 1;
    }
    Some((m, j))
}

/// A day number at `i` (1–31, with an optional ordinal suffix); returns (day, index after).
fn day_at(t: &Toks, i: usize) -> Option<(u8, usize)> {
    let d = t.num(i, 1, 2)?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut j = i + 1;
    if t.kind(j) == Some(Kind::Word) {
        let w = t.text(j).to_ascii_lowercase();
        if !matches!(w.as_str(), "st" | "nd" | "rd" | "th") {
            return None;
        }
        j += 1;
        if t.kind(j) == Some(Kind::Num) {
            return None;
        }
    }
    // "13:00", "13.5", "13/03", "13,000": not a day.
    if let Some(c) = t.punct_char(j) {
        if matches!(c, ':' | '.' | '/' | ',') && t.kind(j + 1) == Some(Kind::Num) {
            return None;
        }
    }
    Some((d as u8, j))
}

/// A 4-digit year at `i`; returns (year, index after).
fn year_at(t: &Toks, i: usize) -> Option<(i32, usize)> {
    let y = t.num(i, 4, 4)?;
    if !(1000..=2999).contains(&y) {
        return None;
    }
    let j = i + 1;
    if t.kind(j) == Some(Kind::Word) {
        return None;
    }
    if let Some(c) = t.punct_char(j) {
        if matches!(c, ':' | '.' | ',' | '/') && t.kind(j + 1) == Some(Kind::Num) {
            return None;
        }
    }
    Some((y as i32, j))
}

/// Optional "," then optional inline space then a year.
fn trailing_year(t: &Toks, mut j: usize) -> Option<(i32, usize)> {
    if t.is_punct(j, ',') {
        j += 1;
    }
    if t.is_inline_space(j) {
        j += 1;
    }
    year_at(t, j)
}

fn mention(
    t: &Toks,
    first: usize,
    after: usize,
    year: Option<i32>,
    month: u8,
    day: Option<u8>,
) -> DateMention {
    let start = t.t[first].start;
    let end = t.t[after - 1].end;
    DateMention {
        start,
        end,
        year,
        month,
        day,
        text: t.s[start..end].to_string(),
    }
}

fn valid_mention(year: Option<i32>, month: u8, day: Option<u8>) -> bool {
    match (year, day) {
        (Some(y), Some(d)) => make_date(y, month, d).is_some(),
        (None, Some(d)) => month_day_possible(month, d),
        _ => (1..=12).contains(&month),
    }
}

fn match_at(s: &str, toks: &[Tok], i: usize) -> Option<(DateMention, usize)> {
    let t = Toks { s, t: toks };
    let prev = if i > 0 { t.get(i - 1).copied() } else { None };
    match t.kind(i)? {
        Kind::Word => match_month_first(&t, i, prev),
        Kind::Num => match_numeric(&t, i, prev).or_else(|| match_day_first(&t, i, prev)),
        _ => None,
    }
}

/// "March 13", "March 13, 2025", "Mar. 13th 2025", "March 2025".
fn match_month_first(t: &Toks, i: usize, prev: Option<Tok>) -> Option<(DateMention, usize)> {
    if prev.is_some_and(|p| p.kind == Kind::Num) {
        return None;
    }
    let (month, j) = month_at(t, i)?;
    if !t.is_inline_space(j) {
        return None;
    }
    let j = j + 1;
    if let Some((day, k)) = day_at(t, j) {
        let (year, end) = match trailing_year(t, k) {
            Some((y, e)) => (Some(y), e),
            None => (None, k),
        };
        if !valid_mention(year, month, Some(day)) {
            return None;
        }
        return Some((mention(t, i, end, year, month, Some(day)), end));
    }
    let (year, end) = year_at(t, j)?;
    Some((mention(t, i, end, Some(year), month, None), end))
}

/// "13 March", "13th of March 2025", "13 March, 2025".
fn match_day_first(t: &Toks, i: usize, prev: Option<Tok>) -> Option<(DateMention, usize)> {
    if let Some(p) = prev {
        match p.kind {
            Kind::Space => {}
            Kind::Punct => {
                let c = t.s[p.start..p.end].chars().next().unwrap_or(' ');
                if !matches!(
                    c,
                    '(' | '['
                        | '"'
                        | '\''
                        | '\u{201c}'
                        | '\u{2018}'
                        | '\u{2014}'
                        | '\u{2013}'
                        | ';'
                ) {
                    return None;
                }
            }
            _ => return None,
        }
    }
    let (day, j) = day_at(t, i)?;
    if !t.is_inline_space(j) {
        return None;
    }
    let mut j = j + 1;
    if t.text(j) == "of" && t.is_inline_space(j + 1) {
        j += 2;
    }
    let (month, k) = month_at(t, j)?;
    let (year, end) = match trailing_year(t, k) {
        Some((y, e)) => (Some(y), e),
        None => (None, k),
    };
    if !valid_mention(year, month, Some(day)) {
        return None;
    }
    Some((mention(t, i, end, year, month, Some(day)), end))
}

/// "2025-03-13", "2025/03/13", "2025.03.13", "13.03.2025", unambiguous "13/03/2025".
fn match_numeric(t: &Toks, i: usize, prev: Option<Tok>) -> Option<(DateMention, usize)> {
    if let Some(p) = prev {
        let c = t.s[p.start..p.end].chars().next().unwrap_or(' ');
        if p.kind == Kind::Punct && matches!(c, '.' | '-' | '/' | ':' | ',' | '+') {
            return None;
        }
    }
    let sep = t.punct_char(i + 1)?;
    if !matches!(sep, '-' | '/' | '.') || !t.is_punct(i + 3, sep) {
        return None;
    }
    let end = i + 5;
    // Boundary after: not part of a longer number or word.
    match t.kind(end) {
        // ISO date-time "2025-03-13T10:32".
        Some(Kind::Word) if !(t.text(end) == "T" && t.kind(end + 1) == Some(Kind::Num)) => {
            return None;
        }
        Some(Kind::Punct) => {
            let c = t.punct_char(end).unwrap_or(' ');
            if matches!(c, '-' | '/' | '.' | ':' | ',') && t.kind(end + 1) == Some(Kind::Num) {
                return None;
            }
        }
        _ => {}
    }
    let (year, month, day) = if let Some(y) = t.num(i, 4, 4) {
        let (min_len, max_len) = if sep == '-' { (2, 2) } else { (1, 2) };
        let m = t.num(i + 2, min_len, max_len)?;
        let d = t.num(i + 4, min_len, max_len)?;
        (y, m, d)
    } else {
        let a = t.num(i, 1, 2)?;
        let b = t.num(i + 2, 1, 2)?;
        let y = t.num(i + 4, 4, 4)?;
        if sep == '.' || (a > 12 && b <= 12) || a == b {
            (y, b, a)
        } else if b > 12 && a <= 12 {
            (y, a, b)
        } else {
            return None;
        }
    };
    if !(1000..=2999).contains(&year) || month > 12 || day > 31 {
        return None;
    }
    let (year, month, day) = (year as i32, month as u8, day as u8);
    make_date(year, month, day)?;
    Some((mention(t, i, end, Some(year), month, Some(day)), end))
}

// ---------------------------------------------------------------------------------------------
// Year inference

/// The one year the article states in full dates or "Month YYYY" mentions, when exactly one
/// distinct year appears.
fn unique_article_year(title: &str, body: &str) -> Option<i32> {
    let mut found: Option<i32> = None;
    for text in [title, body] {
        for m in find_dates(text) {
            if let Some(y) = m.year {
                match found {
                    None => found = Some(y),
                    Some(f) if f == y => {}
                    Some(_) => return None,
                }
            }
        }
    }
    found
}

// ---------------------------------------------------------------------------------------------
// Rule 1: date lines

const FILLER_WORDS: [&str; 52] = [
    "updated",
    "update",
    "published",
    "posted",
    "upd",
    "publ",
    "date",
    "dated",
    "last",
    "first",
    "modified",
    "created",
    "on",
    "at",
    "am",
    "pm",
    "a",
    "m",
    "p",
    "t",
    "z",
    "h",
    "gmt",
    "utc",
    "et",
    "est",
    "edt",
    "pt",
    "pst",
    "pdt",
    "ct",
    "cst",
    "cdt",
    "mt",
    "mst",
    "mdt",
    "bst",
    "cet",
    "cest",
    "eet",
    "eest",
    "ist",
    "msk",
    "jst",
    "kst",
    "hkt",
    "sgt",
    "aest",
    "aedt",
    "wib",
    "of",
    "time",
];

const COUNTER_WORDS: [&str; 11] = [
    "min", "mins", "minute", "minutes", "read", "reads", "views", "view", "comments", "shares",
    "sec",
];

fn is_filler_word(w: &str) -> bool {
    is_weekday(w) || FILLER_WORDS.contains(&w.to_lowercase().as_str())
}

/// Tokens `from..to` of a segment are only filler: spaces, punctuation, weekday and time words,
/// times ("10:32", "10 AM", "+0300").
fn only_filler(t: &Toks, from: usize, to: usize) -> bool {
    (from..to).all(|k| match t.kind(k) {
        Some(Kind::Space) | Some(Kind::Punct) | None => true,
        Some(Kind::Word) => is_filler_word(t.text(k)),
        Some(Kind::Num) => {
            let len = t.text(k).len();
            let near_colon = (k > 0 && t.is_punct(k - 1, ':')) || t.is_punct(k + 1, ':');
            let before_ampm = {
                let n = if t.kind(k + 1) == Some(Kind::Space) {
                    k + 2
                } else {
                    k + 1
                };
                let w = t.text(n).to_ascii_lowercase();
                t.kind(n) == Some(Kind::Word)
                    && (w == "am" || w == "pm" || w == "a" || w == "p" || w == "h")
            };
            let offset = len == 4 && k > 0 && (t.is_punct(k - 1, '+') || t.is_punct(k - 1, '-'));
            (len <= 2 && (near_colon || before_ampm)) || offset
        }
    })
}

/// A non-date part of a date line: filler, a byline, a reading-time counter or a short label.
fn acceptable_side_segment(seg: &str) -> bool {
    let seg = seg.trim();
    if seg.is_empty() {
        return true;
    }
    let toks = tokenize(seg);
    let t = Toks { s: seg, t: &toks };
    if only_filler(&t, 0, toks.len()) {
        return true;
    }
    let words: Vec<&str> = seg.split_whitespace().collect();
    if (words[0] == "By" || words[0] == "BY") && words.len() <= 6 {
        return true;
    }
    let counter = toks.iter().all(|tk| match tk.kind {
        Kind::Space | Kind::Punct | Kind::Num => true,
        Kind::Word => COUNTER_WORDS.contains(&seg[tk.start..tk.end].to_lowercase().as_str()),
    });
    if counter && toks.iter().any(|tk| tk.kind == Kind::Num) {
        return true;
    }
    words.len() <= 3 && !seg.bytes().any(|b| b.is_ascii_digit())
}

fn split_segments(line: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = line.as_bytes();
    for (i, c) in line.char_indices() {
        let is_sep = match c {
            '|' | '\u{b7}' | '\u{2022}' | '\u{2014}' | '\u{2013}' => true,
            '-' => i > 0 && bytes[i - 1] == b' ' && bytes.get(i + 1) == Some(&b' '),
            _ => false,
        };
        if is_sep {
            out.push(&line[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&line[start..]);
    out
}

/// A segment of a date line made of one month-day date and filler only.
fn strict_date_segment(seg: &str) -> Option<DateMention> {
    let m = find_dates(seg).into_iter().find(|m| m.day.is_some())?;
    let toks = tokenize(seg);
    let t = Toks { s: seg, t: &toks };
    let before = toks.iter().take_while(|tk| tk.end <= m.start).count();
    let after = toks
        .iter()
        .position(|tk| tk.start >= m.end)
        .unwrap_or(toks.len());
    (only_filler(&t, 0, before) && only_filler(&t, after, toks.len())).then_some(m)
}

/// `s` has more than `n` characters (without counting them when its length in bytes
/// decides).
fn longer_than(s: &str, n: usize) -> bool {
    if s.len() <= n {
        false
    } else if s.len() > 4 * n {
        true
    } else {
        s.chars().nth(n).is_some()
    }
}

/// A short line near the top that is mostly a date; returns its first date.
fn date_line(line: &str) -> Option<DateMention> {
    // Every date has a digit (see `find_dates`): most lines are rejected at once.
    if longer_than(line, 79) || !line.bytes().any(|b| b.is_ascii_digit()) {
        return None;
    }
    let mut found: Option<DateMention> = None;
    for seg in split_segments(line) {
        if let Some(mut m) = strict_date_segment(seg) {
            if found.is_none() {
                let base = seg.as_ptr() as usize - line.as_ptr() as usize;
                m.start += base;
                m.end += base;
                found = Some(m);
            }
        } else if !acceptable_side_segment(seg) {
            return None;
        }
    }
    found
}

// ---------------------------------------------------------------------------------------------
// Rule 2: agency datelines

/// "WASHINGTON", "SAN JUAN, Puerto Rico", "Paris": capitalised words of a place.
fn place_like(p: &str) -> bool {
    let p = p.trim();
    if p.is_empty() || longer_than(p, 60) {
        return false;
    }
    if !p
        .chars()
        .all(|c| c.is_alphabetic() || matches!(c, ' ' | '.' | '-' | '\'' | '\u{2019}' | ','))
    {
        return false;
    }
    let words: Vec<&str> = p.split([' ', ',']).filter(|w| !w.is_empty()).collect();
    if words.is_empty() || words.len() > 6 {
        return false;
    }
    let first_ok = words[0].chars().next().is_some_and(char::is_uppercase);
    first_ok
        && words.iter().all(|w| {
            w.chars().next().is_some_and(|c| c.is_uppercase())
                || matches!(
                    *w,
                    "de" | "del" | "la" | "el" | "of" | "am" | "an" | "der" | "upon" | "on" | "es"
                )
        })
}

fn all_caps(p: &str) -> bool {
    p.chars().any(char::is_alphabetic) && !p.chars().any(char::is_lowercase)
}

/// An agency name inside "( )" or "/ /": 1–4 capitalised words, no digits.
fn agency_like(a: &str) -> bool {
    let a = a.trim();
    if a.is_empty() || longer_than(a, 40) || a.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words: Vec<&str> = a.split_whitespace().collect();
    words.len() <= 4
        && a.chars().next().is_some_and(char::is_uppercase)
        && !words
            .iter()
            .any(|w| is_weekday(w) || month_word(w).is_some())
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}')
}

/// "WASHINGTON, March 13 (Reuters) -" and similar at the start of a line.
fn dateline(line: &str) -> Option<DateMention> {
    let head = prefix_at_char_boundary(line, 200);
    let m = find_dates(head).into_iter().next()?;
    m.day?;
    let before = head[..m.start].trim_end();
    let Some(place) = before.strip_suffix(',') else {
        // "LONDON 1996-08-30" alone on its line: a place in capitals, a full date, nothing
        // after it.
        let alone = m.date().is_some()
            && all_caps(before)
            && place_like(before)
            && head.len() == line.len()
            && line[m.end..].trim().is_empty();
        return alone.then_some(m);
    };
    if !place_like(place) {
        return None;
    }
    let rest = head[m.end..].trim_start();
    let rest = rest.strip_prefix('.').unwrap_or(rest).trim_start();
    let mut agency = false;
    let mut slash = false;
    let mut rest = rest;
    if let Some(r) = rest.strip_prefix('(') {
        let close = r.find(')')?;
        if !agency_like(&r[..close]) {
            return None;
        }
        agency = true;
        rest = r[close + 1..].trim_start();
    } else if let Some(r) = rest.strip_prefix('/') {
        let close = r.find('/')?;
        if !agency_like(&r[..close]) {
            return None;
        }
        agency = true;
        slash = true;
        rest = r[close + 1..].trim_start();
    }
    let next = rest.chars().next();
    let dash = next.is_some_and(is_dash)
        || (rest.starts_with("_ ") || rest == "_")
        || (rest.starts_with(':') && agency);
    let ok = if slash {
        true
    } else if agency {
        dash
    } else {
        dash && all_caps(place)
    };
    if !ok {
        return None;
    }
    // A dash must not start a number range ("March 13-14").
    if next == Some('-') && rest[1..].starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    Some(m)
}

// ---------------------------------------------------------------------------------------------
// Rule 3: the lead

/// A short line that is not a sentence: a heading, a byline, a label.
fn header_like(line: &str) -> bool {
    let last = line.trim_end().chars().last();
    let terminal = last.is_some_and(|c| {
        matches!(
            c,
            '.' | '!' | '?' | '"' | '\u{201d}' | '\u{2019}' | '\u{2026}' | ')' | ':' | ';'
        )
    });
    !terminal && !longer_than(line, 199)
}

/// "On March 13, ...", "On Thursday, March 13, ...", "On 13 March, ...", "March 13 — ...".
fn lead_date(line: &str) -> Option<DateMention> {
    let head = prefix_at_char_boundary(line, 200);
    let m = find_dates(head).into_iter().next()?;
    m.day?;
    let before = &head[..m.start];
    let after = &head[m.end..];
    let lead_on = if let Some(r) = before.strip_prefix("On ") {
        let r = r.trim();
        let r = r.strip_suffix(',').unwrap_or(r).trim();
        r.is_empty() || is_weekday(r)
    } else {
        false
    };
    if lead_on {
        return (after.starts_with(',') || after.starts_with(' ')).then_some(m);
    }
    if before.is_empty() {
        let a = after.trim_start();
        let mut cs = a.chars();
        let dash = cs.next().is_some_and(is_dash);
        let range = cs.next().is_some_and(|c| c.is_ascii_digit());
        if dash && !range {
            return Some(m);
        }
    }
    None
}

// ---------------------------------------------------------------------------------------------
// Rule 4: the path

fn digits_val(b: &[u8]) -> u32 {
    b.iter()
        .fold(0u32, |acc, &d| acc * 10 + u32::from(d - b'0'))
}

fn path_year_ok(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// The year of a path that names a year but no full date: a folder "/2025/" or "/2025/03/"
/// (the last such folder wins). `None` when the path holds a full date (rule 4 then gives the
/// date itself) or no year.
fn path_year(path: &str) -> Option<i32> {
    if path_date(path).is_some() {
        return None;
    }
    let b = path.as_bytes();
    let mut found = None;
    for seg in path.split(['/', '\\']) {
        if seg.len() == 4 && seg.bytes().all(|c| c.is_ascii_digit()) {
            let y = digits_val(seg.as_bytes());
            let start = seg.as_ptr() as usize - path.as_ptr() as usize;
            // A folder: followed by a separator.
            if path_year_ok(y) && b.get(start + 4).is_some_and(|&c| c == b'/' || c == b'\\') {
                found = Some(y as i32);
            }
        }
    }
    found
}

/// The date in a path or document id nearest to its end, with the matched text.
fn path_date(path: &str) -> Option<(Date, String)> {
    let b = path.as_bytes();
    let n = b.len();
    let mut best: Option<(usize, Date, String)> = None;
    let mut consider = |end: usize, date: Date, ev: &str| {
        if best.as_ref().is_none_or(|(e, _, _)| end >= *e) {
            best = Some((end, date, ev.to_string()));
        }
    };
    let mut i = 0;
    while i < n {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < n && b[i].is_ascii_digit() {
            i += 1;
        }
        let run = &b[start..i];
        // "2025/03/13", "2025-03-13", "2025_03_13", "2025.03.13".
        if run.len() == 4 && i < n && matches!(b[i], b'/' | b'-' | b'_' | b'.') {
            let sep = b[i];
            let max = 2;
            let min = if sep == b'/' { 1 } else { 2 };
            let mut j = i + 1;
            let m0 = j;
            while j < n && b[j].is_ascii_digit() {
                j += 1;
            }
            let mlen = j - m0;
            if (min..=max).contains(&mlen) && j < n && b[j] == sep {
                let d0 = j + 1;
                let mut k = d0;
                while k < n && b[k].is_ascii_digit() {
                    k += 1;
                }
                let dlen = k - d0;
                let prev_ok = start == 0 || !matches!(b[start - 1], b'.' | b'-' | b'_');
                if (min..=max).contains(&dlen) && prev_ok {
                    let y = digits_val(run);
                    let mo = digits_val(&b[m0..j]);
                    let d = digits_val(&b[d0..k]);
                    if path_year_ok(y) && mo <= 12 && d <= 31 {
                        if let Some(date) = make_date(y as i32, mo as u8, d as u8) {
                            consider(k, date, &path[start..k]);
                        }
                    }
                }
            }
        }
        // "20250313" alone, or a wire id "APW19980227.0476" / "AP900815-0044".
        if run.len() == 8 || run.len() == 6 {
            let mut l = start;
            while l > 0 && b[l - 1].is_ascii_alphabetic() {
                l -= 1;
            }
            let letters = start - l;
            let before_letters_ok = l == 0 || !b[l - 1].is_ascii_alphanumeric();
            let id_tail =
                i + 1 < n && matches!(b[i], b'.' | b'-' | b'_') && b[i + 1].is_ascii_digit();
            let wire_id = (2..=5).contains(&letters) && before_letters_ok && id_tail;
            let (y, rest) = if run.len() == 8 {
                (digits_val(&run[..4]), &run[4..])
            } else {
                let yy = digits_val(&run[..2]);
                (if yy >= 50 { 1900 + yy } else { 2000 + yy }, &run[2..])
            };
            let accept = run.len() == 8 || wire_id;
            if accept && path_year_ok(y) {
                let mo = digits_val(&rest[..2]);
                let d = digits_val(&rest[2..]);
                if let Some(date) = make_date(y as i32, mo as u8, d as u8) {
                    let from = if wire_id { l } else { start };
                    consider(i, date, &path[from..i]);
                }
            }
        }
    }
    best.map(|(_, d, e)| (d, e))
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::date;

    fn ymd(d: Option<Date>) -> Option<String> {
        d.map(|d| d.to_string())
    }

    #[test]
    fn provenance_names() {
        for (p, s) in [
            (DateProvenance::Metadata, "metadata"),
            (DateProvenance::Text, "text"),
            (DateProvenance::Path, "path"),
            (DateProvenance::Unknown, "unknown"),
        ] {
            assert_eq!(p.as_str(), s);
        }
    }

    #[test]
    fn plain_date_ranges() {
        let cases: &[(&str, Option<(Date, Date)>)] = &[
            ("2025", Some((date!(2025 - 01 - 01), date!(2025 - 12 - 31)))),
            (
                " 2025 ",
                Some((date!(2025 - 01 - 01), date!(2025 - 12 - 31))),
            ),
            (
                "2025-03",
                Some((date!(2025 - 03 - 01), date!(2025 - 03 - 31))),
            ),
            (
                "2025-02",
                Some((date!(2025 - 02 - 01), date!(2025 - 02 - 28))),
            ),
            (
                "2024-02",
                Some((date!(2024 - 02 - 01), date!(2024 - 02 - 29))),
            ),
            (
                "2000-02",
                Some((date!(2000 - 02 - 01), date!(2000 - 02 - 29))),
            ),
            (
                "1900-02",
                Some((date!(1900 - 02 - 01), date!(1900 - 02 - 28))),
            ),
            (
                "2025-04",
                Some((date!(2025 - 04 - 01), date!(2025 - 04 - 30))),
            ),
            (
                "2025-3",
                Some((date!(2025 - 03 - 01), date!(2025 - 03 - 31))),
            ),
            (
                "2025-03-13",
                Some((date!(2025 - 03 - 13), date!(2025 - 03 - 13))),
            ),
            (
                "2024-02-29",
                Some((date!(2024 - 02 - 29), date!(2024 - 02 - 29))),
            ),
            ("2025-02-29", None),
            ("2025-13", None),
            ("2025-00", None),
            ("2025-03-00", None),
            ("2025-03-32", None),
            ("25", None),
            ("20250", None),
            ("2025-03-13-1", None),
            ("2025/03/13", None),
            ("", None),
            ("abcd", None),
            ("2025-", None),
            ("2025-03-", None),
            ("２０２５", None),
        ];
        for (s, want) in cases {
            assert_eq!(parse_plain_date_range(s), *want, "{s:?}");
        }
    }

    /// (text, expected mentions as (text, year, month, day)).
    #[test]
    fn find_dates_formats() {
        type M = (&'static str, Option<i32>, u8, Option<u8>);
        let cases: &[(&str, &[M])] = &[
            (
                "March 13, 2025",
                &[("March 13, 2025", Some(2025), 3, Some(13))],
            ),
            ("on March 13 the", &[("March 13", None, 3, Some(13))]),
            (
                "Mar. 13th 2025.",
                &[("Mar. 13th 2025", Some(2025), 3, Some(13))],
            ),
            (
                "Sept. 3, 1998",
                &[("Sept. 3, 1998", Some(1998), 9, Some(3))],
            ),
            ("Sep 3", &[("Sep 3", None, 9, Some(3))]),
            ("MARCH 13", &[("MARCH 13", None, 3, Some(13))]),
            ("march 13", &[]),
            ("we may 13 times", &[]),
            (
                "13 March 2025",
                &[("13 March 2025", Some(2025), 3, Some(13))],
            ),
            ("the 13th of March", &[("13th of March", None, 3, Some(13))]),
            ("(1 May)", &[("1 May", None, 5, Some(1))]),
            ("March 1st", &[("March 1st", None, 3, Some(1))]),
            (
                "In December 2023, Moscow",
                &[("December 2023", Some(2023), 12, None)],
            ),
            ("2025-03-13", &[("2025-03-13", Some(2025), 3, Some(13))]),
            ("2025/3/13", &[("2025/3/13", Some(2025), 3, Some(13))]),
            (
                "2025-03-13T10:32:00Z",
                &[("2025-03-13", Some(2025), 3, Some(13))],
            ),
            ("13.03.2025", &[("13.03.2025", Some(2025), 3, Some(13))]),
            ("13/03/2025", &[("13/03/2025", Some(2025), 3, Some(13))]),
            ("03/13/2025", &[("03/13/2025", Some(2025), 3, Some(13))]),
            ("03/03/2025", &[("03/03/2025", Some(2025), 3, Some(3))]),
            ("03/04/2025", &[]),
            ("February 30, 2025", &[]),
            ("February 29, 2023", &[]),
            (
                "February 29, 2024",
                &[("February 29, 2024", Some(2024), 2, Some(29))],
            ),
            ("February 29, 1900", &[]),
            (
                "February 29, 2000",
                &[("February 29, 2000", Some(2000), 2, Some(29))],
            ),
            ("February 29", &[("February 29", None, 2, Some(29))]),
            ("April 31", &[]),
            ("2025-02-30", &[]),
            ("March 32", &[]),
            ("March 13:00", &[]),
            ("1.5 March", &[]),
            ("1,234 March", &[]),
            ("version 2025-03-13-1", &[]),
            ("1.2025-03-13", &[]),
            ("March 13-14", &[("March 13", None, 3, Some(13))]),
            ("March 13, 14 and 15", &[("March 13", None, 3, Some(13))]),
            (
                "On March 12 and March 13, 2025.",
                &[
                    ("March 12", None, 3, Some(12)),
                    ("March 13, 2025", Some(2025), 3, Some(13)),
                ],
            ),
            ("in 1997", &[]),
            ("March 13th2025", &[]),
            ("X13 March", &[]),
        ];
        for (text, want) in cases {
            let got: Vec<M> = find_dates(text)
                .into_iter()
                .map(|m| {
                    assert_eq!(&text[m.start..m.end], m.text);
                    let t: &'static str = Box::leak(m.text.into_boxed_str());
                    (t, m.year, m.month, m.day)
                })
                .collect();
            assert_eq!(&got[..], *want, "{text:?}");
        }
    }

    #[test]
    fn mention_date_method() {
        let ms = find_dates("March 13, 2025 and March 14 and May 2025");
        assert_eq!(ms[0].date(), Some(date!(2025 - 03 - 13)));
        assert_eq!(ms[1].date(), None);
        assert_eq!(ms[2].date(), None);
    }

    /// (body, default year, expected date, provenance, evidence).
    type Case = (
        &'static str,
        Option<i32>,
        Option<&'static str>,
        &'static str,
        Option<&'static str>,
    );

    fn pd(
        body: &str,
        path: &str,
        dy: Option<i32>,
    ) -> (Option<String>, &'static str, Option<String>) {
        let p = publication_date("Title", body, path, dy);
        (ymd(p.date), p.provenance.as_str(), p.evidence)
    }

    fn s(x: &str) -> Option<String> {
        Some(x.to_string())
    }

    #[test]
    fn rule1_date_lines() {
        let cases: &[Case] = &[
            (
                "March 13, 2025\nText follows here.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "13 March 2025\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("13 March 2025"),
            ),
            (
                "2025-03-13\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("2025-03-13"),
            ),
            (
                "Thursday, March 13, 2025 10:32 AM\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "Updated March 12, 2025\nText.",
                None,
                Some("2025-03-12"),
                "text",
                Some("March 12, 2025"),
            ),
            (
                "Published: 13 March 2025 10:32 GMT\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("13 March 2025"),
            ),
            (
                "Posted on Mar. 13, 2025 at 9:00 pm\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("Mar. 13, 2025"),
            ),
            (
                "Upd. 13.03.2025 10:32\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("13.03.2025"),
            ),
            (
                "Date: 2025/03/13\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("2025/03/13"),
            ),
            (
                "2025-03-13T10:32:00+03:00\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("2025-03-13"),
            ),
            (
                "By John Smith | March 13, 2025\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "March 13, 2025 · 3 min read\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "World | March 13, 2025\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "Headline\n\nSubhead\nMarch 13, 2025\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "Thu, 13 Mar 2025 10:32:00 +0000\nText.",
                None,
                Some("2025-03-13"),
                "text",
                Some("13 Mar 2025"),
            ),
            (
                "Sept. 3, 2024 | 5 min read\nText.",
                None,
                Some("2024-09-03"),
                "text",
                Some("Sept. 3, 2024"),
            ),
            ("Photo: March 13, 2025\nText.", None, None, "unknown", None),
            // Without a year: default year, else unknown with evidence kept.
            (
                "Thursday, March 13\nText.",
                Some(2025),
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            (
                "Thursday, March 13\nText.",
                None,
                None,
                "unknown",
                Some("March 13"),
            ),
            // Not date lines.
            (
                "Elections were held on March 13, 2025\nText.",
                None,
                None,
                "unknown",
                None,
            ),
            (
                "a\nb\nc\nd\ne\nMarch 13, 2025\nText.",
                None,
                None,
                "unknown",
                None,
            ),
            ("Upd. 12\nText.", None, None, "unknown", None),
            ("March 2025\nText.", None, None, "unknown", None),
            ("03/04/2025\nText.", None, None, "unknown", None),
            ("February 30, 2025\nText.", None, None, "unknown", None),
            ("February 29, 2025\nText.", None, None, "unknown", None),
            (
                "February 29, 2024\nText.",
                None,
                Some("2024-02-29"),
                "text",
                Some("February 29, 2024"),
            ),
        ];
        for (body, dy, want, prov, ev) in cases {
            let got = pd(body, "", *dy);
            assert_eq!(
                got,
                (want.map(String::from), *prov, ev.map(String::from)),
                "{body:?}"
            );
        }
    }

    #[test]
    fn rule2_datelines() {
        let cases: &[Case] = &[
            (
                "WASHINGTON, March 13 (Reuters) - The U.S. said.",
                Some(2025),
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            (
                "WASHINGTON, March 13 (Reuters) - The U.S. said.",
                None,
                None,
                "unknown",
                Some("March 13"),
            ),
            (
                "MOSCOW, March 13, 2025 (AP) — Russia said.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "MOSCOW, March 13, 2025 (AP) \u{2014} Russia said.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "BEIJING, Mar. 13, 2025 (Xinhua) -- China said.",
                None,
                Some("2025-03-13"),
                "text",
                Some("Mar. 13, 2025"),
            ),
            (
                "MOSCOW, March 13, 2025. /TASS/. Russia said.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "SAN JUAN, Puerto Rico, March 13, 2025 (AP) - Text.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "Paris, 13 March 2025 (AFP) - Text.",
                None,
                Some("2025-03-13"),
                "text",
                Some("13 March 2025"),
            ),
            (
                "WASHINGTON, March 13, 2025 — Text.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            // Mixed-case place without agency: not a dateline.
            (
                "Washington, March 13, 2025 — text.",
                None,
                None,
                "unknown",
                None,
            ),
            // The year of the article resolves a yearless dateline when unique.
            (
                "WASHINGTON, March 13 (Reuters) - Since March 2025, talks went on.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            (
                "WASHINGTON, March 13 (Reuters) - Since March 2024 and May 2025, talks went on.",
                None,
                None,
                "unknown",
                Some("March 13"),
            ),
            // A date in the middle of a sentence is not a dateline.
            (
                "The talks, March 13 (Reuters) - went on.",
                None,
                None,
                "unknown",
                None,
            ),
        ];
        for (body, dy, want, prov, ev) in cases {
            let got = pd(body, "", *dy);
            assert_eq!(
                got,
                (want.map(String::from), *prov, ev.map(String::from)),
                "{body:?}"
            );
        }
    }

    #[test]
    fn rule3_leads() {
        let cases: &[Case] = &[
            (
                "On March 13, Steve Witkoff visited Moscow.",
                Some(2025),
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            (
                "On March 13, Steve Witkoff visited Moscow.",
                None,
                None,
                "unknown",
                Some("March 13"),
            ),
            (
                "On Thursday, March 13, 2025, he left.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13, 2025"),
            ),
            (
                "On 13 March, he left.",
                Some(2024),
                Some("2024-03-13"),
                "text",
                Some("13 March"),
            ),
            (
                "March 13 — The envoy arrived.",
                Some(2025),
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            (
                "Headline without period\n\nOn March 13, he left.",
                Some(2025),
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            // Year inference from the article.
            (
                "On March 13, he left. He had said in January 2025 that he would.",
                None,
                Some("2025-03-13"),
                "text",
                Some("March 13"),
            ),
            (
                "On March 13, he left. In December 2023 and in May 2024 he had not.",
                None,
                None,
                "unknown",
                Some("March 13"),
            ),
            // Not leads.
            (
                "He left. On March 13, he returned.",
                Some(2025),
                None,
                "unknown",
                None,
            ),
            (
                "First paragraph is here.\nOn March 13, he left.",
                Some(2025),
                None,
                "unknown",
                None,
            ),
            (
                "The talks of March 13 went well.",
                Some(2025),
                None,
                "unknown",
                None,
            ),
            (
                "March 13-14 talks went well.",
                Some(2025),
                None,
                "unknown",
                None,
            ),
            (
                "On February 29, he left.",
                Some(2025),
                None,
                "unknown",
                Some("February 29"),
            ),
            (
                "On February 29, he left.",
                Some(2024),
                Some("2024-02-29"),
                "text",
                Some("February 29"),
            ),
        ];
        for (body, dy, want, prov, ev) in cases {
            let got = pd(body, "", *dy);
            assert_eq!(
                got,
                (want.map(String::from), *prov, ev.map(String::from)),
                "{body:?}"
            );
        }
    }

    #[test]
    fn rule4_paths() {
        let cases: &[(&str, Option<&str>, Option<&str>)] = &[
            (
                "/news/2025/03/13/putin.html",
                Some("2025-03-13"),
                Some("2025/03/13"),
            ),
            (
                "site/2025/3/13/a.txt",
                Some("2025-03-13"),
                Some("2025/3/13"),
            ),
            (
                "2025-03-13-putin.txt",
                Some("2025-03-13"),
                Some("2025-03-13"),
            ),
            (
                "corpus/2025_03_13_putin.txt",
                Some("2025-03-13"),
                Some("2025_03_13"),
            ),
            (
                "corpus/20250313_putin.txt",
                Some("2025-03-13"),
                Some("20250313"),
            ),
            ("AP900815-0044", Some("1990-08-15"), Some("AP900815")),
            ("APW19980227.0476", Some("1998-02-27"), Some("APW19980227")),
            ("NYT19980206.0460", Some("1998-02-06"), Some("NYT19980206")),
            (
                "data/AP900815-0044.tml",
                Some("1990-08-15"),
                Some("AP900815"),
            ),
            (
                "2024/01/01/AP900815-0044",
                Some("1990-08-15"),
                Some("AP900815"),
            ),
            ("2024/02/30/x", None, None),
            ("20250230.txt", None, None),
            ("123456789.txt", None, None),
            ("id/12345678", None, None),
            ("AP123456-0001", None, None),
            ("x900815", None, None),
            ("wsj_0006", None, None),
            ("corpus/000_b1590cc202556690.txt", None, None),
            ("", None, None),
        ];
        for (path, want, ev) in cases {
            let p = publication_date("", "No dates here.", path, Some(2025));
            assert_eq!(ymd(p.date), want.map(String::from), "{path:?}");
            assert_eq!(p.evidence, ev.map(String::from), "{path:?}");
            let prov = if want.is_some() { "path" } else { "unknown" };
            assert_eq!(p.provenance.as_str(), prov, "{path:?}");
        }
    }

    #[test]
    fn path_year_for_yearless_dates() {
        // A year folder without a full date gives the year of a yearless text date.
        assert_eq!(
            pd("On March 13, he left.", "news/2024/03/putin.html", None),
            (s("2024-03-13"), "text", s("March 13"))
        );
        assert_eq!(
            pd("On March 13, he left.", "news/2024/putin.html", None),
            (s("2024-03-13"), "text", s("March 13"))
        );
        // default_year comes first.
        assert_eq!(
            pd("On March 13, he left.", "news/2024/putin.html", Some(2025)).0,
            s("2025-03-13")
        );
        // Not a year folder: a file name or a number of another length.
        for path in ["news/2024.html", "news/12024/x", "news/1850/x"] {
            assert_eq!(
                pd("On March 13, he left.", path, None),
                (None, "unknown", s("March 13")),
                "{path:?}"
            );
        }
    }

    #[test]
    fn place_and_iso_date_line() {
        assert_eq!(
            pd("LONDON 1996-08-30\nShares rose.", "", None),
            (s("1996-08-30"), "text", s("1996-08-30"))
        );
        // Mixed case, or more text after the date: not a dateline.
        assert_eq!(pd("London 1996-08-30\nShares rose.", "", None).0, None);
        assert_eq!(pd("LONDON 1996-08-30 shares rose.", "", None).0, None);
    }

    #[test]
    fn rules_order() {
        // A date line beats the lead, the lead beats the path.
        let body = "March 12, 2025\nOn March 13, he left.";
        assert_eq!(pd(body, "2020/01/01/x", None).0, s("2025-03-12"));
        assert_eq!(
            pd("On March 13, he left.", "2020/01/01/x", Some(2025)).0,
            s("2025-03-13")
        );
        // An unresolved text date falls through to the path.
        assert_eq!(
            pd("On March 13, he left.", "2020/01/01/x", None),
            (s("2020-01-01"), "path", s("2020/01/01"))
        );
        // The date's own year beats default_year.
        assert_eq!(
            pd("On March 13, 2024, he left.", "", Some(2025)).0,
            s("2024-03-13")
        );
        // default_year beats the article year.
        assert_eq!(
            pd("On March 13, he left. Since May 2024.", "", Some(2025)).0,
            s("2025-03-13")
        );
    }

    const SEED_000: &str = "On March 13, Steve Witkoff, the U.S. Special Envoy for Middle East Affairs under President Donald Trump, visited Moscow for talks. In addition to discussing the Ukraine issue, Witkoff's visit will also cover the future development of US-Russia relations and economic recovery.\nIn a joint statement following US-Ukraine talks in Saudi Arabia on March 11, it was noted that Kyiv is prepared to accept the U.S. proposal.\nOn March 12, Putin appeared in military uniform in the Kursk region. On March 13, Russian forces announced that they had fully taken control of the strategic town of Sudzha in the Kursk region.\n- 15 reads\nHuman Rights\nPuppet Show I International Friendship Day 2020";

    const SEED_001: &str = "Steve Witkoff, acting as a representative of US President Donald Trump, travelled to Russia for discussions with Russian leader Vladimir Putin about a ceasefire with Ukraine. He gave an interview to CNN this past Sunday.\nTrump denies media reports\nIn December 2023, Moscow approached NATO countries with a demand for written security guarantees. These included the withdrawal of Alliance troops to positions held in 1997.";

    const SEED_004: &str = "\nRussian President accelerates assault to recapture Kursk province before negotiations\n\nRussian President Vladimir Putin visited the Kursk region of Russia, partially occupied by Ukraine, on Wednesday.\nARA\nUpd. 12\n2 min\n\nBarcelonaDonald Trump's special envoy for the conflicts in Ukraine and Gaza, Steve Witkoff, is already traveling to Moscow.\n\nThis will be the second time that Putin meets with Trump's envoy, since on February 11 they met for an hour and a half.\n\nstats";

    const SEED_003: &str = "The United States is in active discussions with several European countries, according to Steven Whitkoff.\nEarlier, Dmitry Peskov confirmed that Putin met with Whitkoff in Moscow on March 13.\nOn March 16, US National Security Advisor Mike Waltz warned on Fox News that Washington may take action.\nBy Tamilla Hasanova";

    #[test]
    fn seeds() {
        let t = "Trump's Special Envoy Visits Russia to Discuss Ukraine Ceasefire";
        let p = publication_date(t, SEED_000, "corpus/000_b1590cc202556690.txt", Some(2025));
        assert_eq!(p.date, Some(date!(2025 - 03 - 13)));
        assert_eq!(p.provenance, DateProvenance::Text);
        assert_eq!(p.evidence.as_deref(), Some("March 13"));
        let p = publication_date(t, SEED_000, "corpus/000_b1590cc202556690.txt", None);
        assert_eq!(p, PubDate::unknown(Some("March 13".into())));

        for dy in [None, Some(2025)] {
            let p = publication_date(
                "Trump envoy hints",
                SEED_001,
                "corpus/001_ea9b62c0f30ea11d.txt",
                dy,
            );
            assert_eq!(p, PubDate::unknown(None), "{dy:?}");
            let p = publication_date(
                "Envoy travels",
                SEED_004,
                "corpus/004_1c55e37f16f18c4d.txt",
                dy,
            );
            assert_eq!(p, PubDate::unknown(None), "{dy:?}");
            let p = publication_date(
                "US engages",
                SEED_003,
                "corpus/003_66b38dcb747a8fb2.txt",
                dy,
            );
            assert_eq!(p, PubDate::unknown(None), "{dy:?}");
        }
        // Seed 001's only full year-bearing mention is "December 2023"; "1997" is no date.
        let ms = find_dates(SEED_001);
        assert_eq!(ms.len(), 1);
        assert_eq!(ms[0].text, "December 2023");
    }

    #[test]
    fn serde_names() {
        // The serde attribute is checked through the derived Deserialize on a plain string.
        use serde::de::value::{Error, StrDeserializer};
        use serde::de::IntoDeserializer;
        let d: StrDeserializer<Error> = "path".into_deserializer();
        assert_eq!(
            DateProvenance::deserialize(d).unwrap(),
            DateProvenance::Path
        );
    }

    #[test]
    fn never_panics() {
        let long_line = "March 13, 2025 ".repeat(20_000);
        let digits = "9".repeat(100_000);
        let inputs = [
            "",
            "\n\n\n",
            "é",
            "On ",
            "On March",
            "March",
            "13",
            "2025-",
            "2025-03-",
            "WASHINGTON, March 13 (",
            "WASHINGTON, March 13 /",
            "WASHINGTON, March 13 -",
            "On March 13",
            "March 13 -",
            "\u{1F600} March 13, 2025 \u{1F600}",
            "Ωμέγα, 13 Μαρτίου 2025 (ΑΠΕ) —",
            "٢٠٢٥-٠٣-١٣",
            long_line.as_str(),
            digits.as_str(),
        ];
        for body in inputs {
            for path in inputs {
                let _ = publication_date(body, body, path, None);
                let _ = publication_date(body, body, path, Some(2025));
                let _ = find_dates(body);
                let _ = parse_plain_date_range(body);
            }
        }
        // Byte-wise slicing of odd paths.
        for path in [
            "\u{e9}2025/03/13",
            "AP\u{e9}900815-0044",
            "2025/03/\u{e9}",
            "19980227\u{e9}",
        ] {
            let _ = publication_date("", "", path, None);
        }
    }
}
