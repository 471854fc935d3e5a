//! The publisher of a news article, as stated by the article text itself.
//!
//! Role: give each article a source for display and filtering when no metadata names one.
//!
//! Rules for [`source_from_text`] (title + raw body, before boilerplate removal), in order, the
//! first hit wins:
//! 1. dateline: an agency in parentheses or slashes at the start of one of the first 3 non-empty
//!    body lines, after an optional place and date and followed by a dash (or, for "/TASS/", by
//!    anything): "WASHINGTON, March 13 (Reuters) -", "MOSCOW (AP) —", "(AFP) -",
//!    "MOSCOW, March 13. /TASS/.";
//! 2. credit line: within the first 5 or the last 5 non-empty body lines, a line that is only a
//!    known outlet name ("Reuters", "The Associated Press") or only a short all-caps token that is
//!    not a common label ("ARA", but not "NEWS", "VIDEO", "UKRAINE"); or a title ending in
//!    " - Reuters" / " | CNN" with a known outlet;
//! 3. credit line: in the same lines, "Source: X", "© 2025 X", "Copyright (c) 2025 X. All rights
//!    reserved.";
//! 4. byline: in the same lines, "By NAME, Outlet", "By NAME | Outlet", "By NAME (Outlet)",
//!    "By NAME for Outlet", where the outlet is a known outlet, a site name with a domain
//!    ("Caliber.Az"), a name with an outlet word ("Kyiv Post", "Daily Sabah") or an acronym.
//!    A bare byline ("By Tamilla Hasanova") names an author, not a publisher, and gives nothing.
//!
//! Citations inside sentences ("according to Reuters", "told CNN", "per Caliber.Az") are never
//! read by [`source_from_text`]: only line starts, whole lines and the title's end are looked at.
//! They are what [`cites`] returns instead: the outlets an article cites, found after a trigger
//! ("according to", "told", "per", "as reported by", "in an interview with", ...), before a
//! reporting verb ("Reuters reported"), in a possessive ("the BBC's"), a parenthesis ("(AP)")
//! or next to a descriptor ("the Tasnim news agency"); see its docs for the exact rules.
//!
//! [`name_from_url`] names the publisher of a URL from its domain ("edition.cnn.com" -> "CNN").
//!
//! Limits: English conventions only; the outlet list holds wire agencies and about a hundred
//! large international and national outlets; an unknown publisher is only found through a
//! dateline, an all-caps credit line, a "Source:"/"©" line or a byline with a recognisable
//! outlet, and an unknown cited outlet only when its name or context marks it as one (a domain,
//! an outlet word such as "Post" or "Times", a descriptor such as "newspaper"). Linear time,
//! never panics.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use super::prefix_at_char_boundary;

/// The publisher of an article as found in its text, with the evidence kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextSource {
    /// The publisher's display name (see [`display_name`]).
    pub name: String,
    /// How it was found: "dateline", "credit line" or "byline".
    pub evidence: &'static str,
}

/// Well-known outlets and agencies: display name, then lowercase aliases (without a leading "the").
const OUTLETS: &[(&str, &[&str])] = &[
    ("Reuters", &["reuters", "reuter", "thomson reuters"]),
    ("AP", &["ap", "associated press"]),
    (
        "AFP",
        &[
            "afp",
            "agence france-presse",
            "agence france presse",
            "agence france press",
        ],
    ),
    ("Bloomberg", &["bloomberg", "bloomberg news"]),
    ("CNN", &["cnn", "cnn international"]),
    (
        "BBC",
        &["bbc", "bbc news", "british broadcasting corporation"],
    ),
    ("Xinhua", &["xinhua", "xinhua news agency"]),
    ("TASS", &["tass", "itar-tass"]),
    ("Interfax", &["interfax", "interfax-ukraine"]),
    ("RIA Novosti", &["ria novosti", "ria"]),
    ("UPI", &["upi", "united press international"]),
    ("DPA", &["dpa", "deutsche presse-agentur"]),
    ("EFE", &["efe"]),
    ("ANSA", &["ansa"]),
    ("Kyodo", &["kyodo", "kyodo news"]),
    ("Yonhap", &["yonhap", "yonhap news agency"]),
    ("Anadolu Agency", &["anadolu agency", "anadolu"]),
    ("PTI", &["pti", "press trust of india"]),
    ("IANS", &["ians"]),
    ("ANI", &["ani"]),
    ("Bernama", &["bernama"]),
    ("Antara", &["antara"]),
    ("Ukrinform", &["ukrinform"]),
    ("UNIAN", &["unian"]),
    ("PAP", &["pap"]),
    ("APA", &["apa"]),
    ("AzerTac", &["azertac", "azertag"]),
    ("IRNA", &["irna"]),
    ("Tasnim", &["tasnim", "tasnim news agency"]),
    ("Fars", &["fars news agency"]),
    ("SANA", &["sana"]),
    ("WAM", &["wam"]),
    ("Saudi Press Agency", &["saudi press agency", "spa"]),
    ("KCNA", &["kcna", "korean central news agency"]),
    ("Al Jazeera", &["al jazeera"]),
    ("Al Arabiya", &["al arabiya"]),
    ("Sky News", &["sky news"]),
    ("Fox News", &["fox news", "fox news channel"]),
    ("Fox Business", &["fox business"]),
    ("CBS News", &["cbs news", "cbs"]),
    ("NBC News", &["nbc news", "nbc"]),
    ("ABC News", &["abc news", "abc"]),
    ("CNBC", &["cnbc"]),
    ("MSNBC", &["msnbc"]),
    ("PBS", &["pbs", "pbs newshour"]),
    ("NPR", &["npr", "national public radio"]),
    ("Voice of America", &["voice of america", "voa"]),
    (
        "RFE/RL",
        &[
            "rfe/rl",
            "radio free europe/radio liberty",
            "radio free europe",
            "radio liberty",
        ],
    ),
    ("Radio Free Asia", &["radio free asia"]),
    ("Deutsche Welle", &["deutsche welle", "dw"]),
    ("France 24", &["france 24"]),
    ("Euronews", &["euronews"]),
    ("RT", &["rt", "russia today"]),
    ("Sputnik", &["sputnik", "sputnik news"]),
    ("The New York Times", &["new york times", "nyt"]),
    ("The Washington Post", &["washington post"]),
    ("The Wall Street Journal", &["wall street journal", "wsj"]),
    ("The Guardian", &["guardian"]),
    ("The Times", &["times"]),
    ("News of the World", &["news of the world"]),
    ("The Telegraph", &["telegraph", "daily telegraph"]),
    ("The Independent", &["independent"]),
    ("Financial Times", &["financial times"]),
    ("The Economist", &["economist"]),
    ("Daily Mail", &["daily mail", "mail on sunday"]),
    ("Evening Standard", &["evening standard"]),
    ("The Hill", &["hill"]),
    ("The Atlantic", &["atlantic"]),
    ("USA Today", &["usa today"]),
    ("Los Angeles Times", &["los angeles times", "la times"]),
    ("New York Post", &["new york post"]),
    ("Chicago Tribune", &["chicago tribune"]),
    ("The Boston Globe", &["boston globe"]),
    ("Newsweek", &["newsweek"]),
    ("Time", &["time magazine"]),
    ("Forbes", &["forbes"]),
    ("Business Insider", &["business insider", "insider"]),
    ("The New Yorker", &["new yorker"]),
    ("Newsmax", &["newsmax"]),
    ("HuffPost", &["huffpost", "huffington post"]),
    ("ProPublica", &["propublica"]),
    ("Semafor", &["semafor"]),
    ("Politico", &["politico", "politico europe"]),
    ("Axios", &["axios"]),
    ("Hollywood Reporter", &["hollywood reporter"]),
    ("The Moscow Times", &["moscow times"]),
    ("Kommersant", &["kommersant"]),
    ("Vedomosti", &["vedomosti"]),
    ("Izvestia", &["izvestia"]),
    ("Meduza", &["meduza"]),
    ("Novaya Gazeta", &["novaya gazeta"]),
    ("RBC", &["rbc"]),
    ("The Kyiv Independent", &["kyiv independent"]),
    ("Kyiv Post", &["kyiv post"]),
    ("Ukrainska Pravda", &["ukrainska pravda"]),
    ("Le Monde", &["le monde"]),
    ("Le Figaro", &["le figaro"]),
    ("Der Spiegel", &["der spiegel", "spiegel"]),
    ("Die Zeit", &["die zeit"]),
    ("Bild", &["bild"]),
    (
        "Frankfurter Allgemeine Zeitung",
        &[
            "frankfurter allgemeine zeitung",
            "frankfurter allgemeine",
            "faz",
        ],
    ),
    ("Süddeutsche Zeitung", &["süddeutsche zeitung"]),
    ("El País", &["el país", "el pais"]),
    ("El Mundo", &["el mundo"]),
    ("Corriere della Sera", &["corriere della sera"]),
    ("La Repubblica", &["la repubblica"]),
    ("NHK", &["nhk"]),
    ("Nikkei", &["nikkei", "nikkei asia"]),
    ("Asahi Shimbun", &["asahi shimbun"]),
    ("Yomiuri Shimbun", &["yomiuri shimbun"]),
    (
        "South China Morning Post",
        &["south china morning post", "scmp"],
    ),
    ("Global Times", &["global times"]),
    ("China Daily", &["china daily"]),
    ("CGTN", &["cgtn"]),
    ("People's Daily", &["people's daily"]),
    ("The Times of India", &["times of india"]),
    ("Hindustan Times", &["hindustan times"]),
    ("NDTV", &["ndtv"]),
    ("Haaretz", &["haaretz"]),
    ("The Times of Israel", &["times of israel"]),
    ("The Jerusalem Post", &["jerusalem post"]),
    ("Arab News", &["arab news"]),
    ("Daily Sabah", &["daily sabah"]),
    ("TRT World", &["trt world", "trt"]),
    ("Press TV", &["press tv"]),
    ("CBC", &["cbc", "cbc news"]),
    ("The Globe and Mail", &["globe and mail"]),
    ("The Sydney Morning Herald", &["sydney morning herald"]),
    ("The Irish Times", &["irish times"]),
    ("Euractiv", &["euractiv"]),
    ("Caliber.Az", &["caliber.az", "caliber"]),
];

/// All-caps words that are labels, places or abbreviations rather than outlet names.
const CAPS_STOP: &[&str] = &[
    "NEWS",
    "WORLD",
    "LIVE",
    "VIDEO",
    "VIDEOS",
    "AUDIO",
    "UPDATE",
    "UPDATED",
    "BREAKING",
    "OPINION",
    "ANALYSIS",
    "EXCLUSIVE",
    "PHOTO",
    "PHOTOS",
    "WATCH",
    "LISTEN",
    "READ",
    "MORE",
    "SHARE",
    "TOP",
    "HOME",
    "MENU",
    "SEARCH",
    "LATEST",
    "TRENDING",
    "SPORT",
    "SPORTS",
    "BUSINESS",
    "POLITICS",
    "ECONOMY",
    "TECH",
    "HEALTH",
    "SCIENCE",
    "CULTURE",
    "EDITORIAL",
    "COMMENT",
    "COMMENTS",
    "FEATURE",
    "FEATURES",
    "REVIEW",
    "INTERVIEW",
    "REPORT",
    "NOTE",
    "EDITOR",
    "END",
    "TAGS",
    "TOPICS",
    "STATS",
    "AD",
    "ADS",
    "ADVERTISEMENT",
    "SPONSORED",
    "PROMOTED",
    "FILE",
    "PRINT",
    "EMAIL",
    "MAIL",
    "BY",
    "THE",
    "AND",
    "OF",
    "IN",
    "ON",
    "FOR",
    "TO",
    "AT",
    "A",
    "AN",
    "OK",
    "YES",
    "NO",
    "NEW",
    "AM",
    "PM",
    "GMT",
    "UTC",
    "EST",
    "EDT",
    "CET",
    "MSK",
    "US",
    "USA",
    "UK",
    "EU",
    "UN",
    "NATO",
    "UAE",
    "USSR",
    "GDP",
    "CEO",
    "FBI",
    "CIA",
    "KGB",
    "FSB",
    "IMF",
    "WHO",
    "WTO",
    "OPEC",
    "OSCE",
    "ASEAN",
    "EUROPE",
    "ASIA",
    "AFRICA",
    "AMERICA",
    "AMERICAS",
    "MIDEAST",
    "RUSSIA",
    "UKRAINE",
    "CHINA",
    "JAPAN",
    "INDIA",
    "IRAN",
    "IRAQ",
    "ISRAEL",
    "GAZA",
    "SYRIA",
    "TURKEY",
    "FRANCE",
    "SPAIN",
    "ITALY",
    "KOREA",
    "MOSCOW",
    "KYIV",
    "KIEV",
    "LONDON",
    "PARIS",
    "BERLIN",
    "BEIJING",
    "TOKYO",
    "JAN",
    "FEB",
    "MAR",
    "APR",
    "MAY",
    "JUN",
    "JUNE",
    "JUL",
    "JULY",
    "AUG",
    "SEP",
    "SEPT",
    "OCT",
    "NOV",
    "DEC",
    "MARCH",
    "APRIL",
    "MON",
    "TUE",
    "WED",
    "THU",
    "FRI",
    "SAT",
    "SUN",
    "FAQ",
    "QA",
    "PDF",
    "RSS",
];

/// Capitalised words that mark a name as an outlet in a byline.
const OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "press",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "agency",
    "media",
    "daily",
    "telegraph",
    "guardian",
    "radio",
    "tv",
    "television",
    "network",
    "today",
    "insider",
    "wire",
    "magazine",
    "observer",
    "chronicle",
    "express",
    "mail",
    "globe",
    "courier",
    "monitor",
    "standard",
    "independent",
    "bulletin",
    "dispatch",
    "reporter",
    "review",
    "weekly",
    "online",
    "broadcasting",
    "newswire",
    "sabah",
    "pravda",
    "izvestia",
    "kommersant",
    "vedomosti",
];

/// Words that make a byline segment a role or title rather than an outlet.
const ROLE_WORDS: &[&str] = &[
    "writer",
    "reporter",
    "correspondent",
    "editor",
    "staff",
    "contributor",
    "columnist",
    "analyst",
    "producer",
    "journalist",
    "bureau",
    "chief",
    "senior",
    "special",
    "photographer",
    "author",
    "intern",
    "fellow",
    "professor",
    "director",
    "and",
];

/// Find the publisher in the article text (title + raw body before boilerplate removal): agency
/// datelines like "WASHINGTON, March 13 (Reuters) -", "MOSCOW (AP) —", "(AFP) -" at the start of
/// the body; a credit line near the top or bottom that is a known outlet name or a short all-caps
/// token on a line of its own (e.g. "ARA"); "Source: X", "© 2025 X", "Copyright X"; a byline
/// "By NAME, Outlet" / "By NAME | Outlet" gives the outlet. A bare byline "By Tamilla Hasanova"
/// is an author, not a publisher: return None for it. Citations ("according to Reuters") are
/// never returned. See the module docs for the exact rules.
pub fn source_from_text(title: &str, body: &str) -> Option<TextSource> {
    let lines: Vec<&str> = body
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    let n = lines.len();
    let near: Vec<&str> = if n <= 10 {
        lines.clone()
    } else {
        lines[..5].iter().chain(&lines[n - 5..]).copied().collect()
    };
    let found = |name: String, evidence: &'static str| TextSource { name, evidence };

    // 1. Dateline.
    for line in lines.iter().take(3) {
        if let Some(a) = dateline_agency(line) {
            return Some(found(display_name(a), "dateline"));
        }
    }
    // 2. Credit line: a name on its own line, or a known outlet ending the title.
    for line in &near {
        if let Some(name) = credit_name(line) {
            return Some(found(name, "credit line"));
        }
    }
    if let Some(name) = title_suffix(title) {
        return Some(found(name, "credit line"));
    }
    // 3. Source / copyright lines.
    for line in &near {
        if let Some(name) = source_or_copyright(line) {
            return Some(found(display_name(&name), "credit line"));
        }
    }
    // 4. Byline with an outlet.
    for line in &near {
        if let Some(name) = byline_outlet(line) {
            return Some(found(display_name(&name), "byline"));
        }
    }
    None
}

/// Normalise a publisher name for display: trims spaces, wrapping parentheses or slashes and
/// trailing punctuation, collapses inner whitespace, and gives a known outlet its usual spelling
/// ("REUTERS" -> "Reuters", "the associated press" -> "AP", "AP" stays "AP", "xinhua" -> "Xinhua").
/// Unknown names are returned cleaned but otherwise as written.
pub fn display_name(raw: &str) -> String {
    let mut s = raw.trim();
    loop {
        let before = s;
        if let Some(inner) = s.strip_prefix('(').and_then(|x| x.strip_suffix(')')) {
            s = inner.trim();
        }
        if let Some(inner) = s.strip_prefix('/').and_then(|x| x.strip_suffix('/')) {
            s = inner.trim();
        }
        s = s
            .trim_end_matches(['.', ',', ':', ';', '-', '\u{2013}', '\u{2014}', '|', '*'])
            .trim();
        s = s
            .trim_start_matches(['-', '\u{2013}', '\u{2014}', '|', '*', '\u{2022}'])
            .trim();
        if s.len() == before.len() {
            break;
        }
    }
    let cleaned = s.split_whitespace().collect::<Vec<_>>().join(" ");
    match known_outlet(&cleaned) {
        Some(name) => name.to_string(),
        None => cleaned,
    }
}

/// The display name of a known outlet, from any alias (case-insensitive, optional leading "The").
fn known_outlet(name: &str) -> Option<&'static str> {
    if name.len() > 60 {
        return None;
    }
    let lower = name
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    let key = lower.strip_prefix("the ").unwrap_or(&lower);
    OUTLETS
        .iter()
        .find(|(_, aliases)| aliases.contains(&key))
        .map(|(display, _)| *display)
}

fn is_dash(c: char) -> bool {
    matches!(c, '-' | '\u{2013}' | '\u{2014}' | '\u{2012}' | '\u{2015}')
}

/// An agency name: 1–4 words, starting with a capital, no digits, at most 40 characters.
fn agency_like(a: &str) -> bool {
    let a = a.trim();
    if a.is_empty() || a.chars().count() > 40 || a.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let words = a.split_whitespace().count();
    let shaped = (1..=4).contains(&words)
        && a.chars().next().is_some_and(char::is_uppercase)
        && a.chars()
            .all(|c| c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '&' | '\''))
        && !CAPS_STOP.contains(&a.to_uppercase().as_str());
    shaped || known_outlet(a).is_some()
}

/// Place and date before a dateline's agency: empty, or a short capitalised run with no sentence
/// punctuation ("WASHINGTON, March 13", "Paris", "SAN JUAN, Puerto Rico, Mar. 13, 2025").
fn dateline_prefix(p: &str) -> bool {
    let p = p.trim();
    if p.is_empty() {
        return true;
    }
    let words: Vec<&str> = p.split_whitespace().collect();
    p.chars().count() <= 80
        && words.len() <= 10
        && p.chars().next().is_some_and(char::is_uppercase)
        && !p.contains(['!', '?', '"', '\u{201c}', '\u{201d}', ';', '(', ')'])
        && words.iter().all(|w| {
            let c = w.chars().next().unwrap_or(' ');
            c.is_uppercase()
                || c.is_ascii_digit()
                || matches!(*w, "de" | "del" | "la" | "el" | "of")
        })
}

/// The agency of a dateline at the start of a line.
fn dateline_agency(line: &str) -> Option<&str> {
    let head = prefix_at_char_boundary(line, 160);
    // "(Agency) -"
    if let Some(open) = head.find('(') {
        let prefix = &head[..open];
        if let Some(close_rel) = head[open + 1..].find(')') {
            let agency = &head[open + 1..open + 1 + close_rel];
            let rest = head[open + 1 + close_rel + 1..].trim_start();
            let dash = rest.chars().next().is_some_and(is_dash) || rest.starts_with("_ ");
            if dash && dateline_prefix(prefix) && agency_like(agency) {
                return Some(agency.trim());
            }
        }
    }
    // "/TASS/"
    if let Some(open) = head.find('/') {
        let prefix = head[..open].trim_end();
        let prefix = prefix.strip_suffix('.').unwrap_or(prefix);
        if let Some(close_rel) = head[open + 1..].find('/') {
            let agency = &head[open + 1..open + 1 + close_rel];
            if dateline_prefix(prefix) && !prefix.is_empty() && agency_like(agency) {
                return Some(agency.trim());
            }
        }
    }
    None
}

/// Strip bullets and dashes around a whole-line credit.
fn strip_credit(line: &str) -> &str {
    line.trim()
        .trim_start_matches(['-', '\u{2013}', '\u{2014}', '\u{2022}', '|', '*', '\u{a9}'])
        .trim_end_matches(['.', '-', '\u{2013}', '\u{2014}', '|', '*'])
        .trim()
}

/// A line that is only a known outlet name or a short all-caps token.
fn credit_name(line: &str) -> Option<String> {
    let s = strip_credit(line);
    if s.is_empty() || s.chars().count() > 40 {
        return None;
    }
    if let Some(name) = known_outlet(s) {
        return Some(name.to_string());
    }
    let n = s.chars().count();
    let caps_token = (2..=6).contains(&n)
        && s.chars().all(|c| c.is_ascii_uppercase() || c == '&')
        && s.chars().filter(|c| c.is_ascii_uppercase()).count() >= 2;
    if caps_token && !CAPS_STOP.contains(&s) {
        return Some(s.to_string());
    }
    None
}

/// A known outlet after the title's last " - ", " | ", " — " or " – ".
fn title_suffix(title: &str) -> Option<String> {
    let t = title.trim();
    let cut = [" - ", " | ", " \u{2014} ", " \u{2013} "]
        .iter()
        .filter_map(|sep| t.rfind(sep).map(|i| i + sep.len()))
        .max()?;
    known_outlet(t[cut..].trim()).map(str::to_string)
}

/// Whether `s` starts with the ASCII text `p`, ignoring ASCII case.
fn starts_with_ci(s: &str, p: &str) -> bool {
    s.get(..p.len()).is_some_and(|h| h.eq_ignore_ascii_case(p))
}

/// "Source: X", "© 2025 X", "Copyright (c) 2025 X. All rights reserved."
fn source_or_copyright(line: &str) -> Option<String> {
    let l = line.trim();
    let rest = if starts_with_ci(l, "source:") || starts_with_ci(l, "source :") {
        let i = l.find(':')?;
        // "Source: Reuters, AP" -> "Reuters".
        l[i + 1..]
            .trim()
            .split([',', ';', '|'])
            .next()
            .unwrap_or("")
    } else if l.starts_with('\u{a9}') || starts_with_ci(l, "copyright") || starts_with_ci(l, "(c)")
    {
        let mut r = l;
        if starts_with_ci(r, "copyright") {
            r = &r["copyright".len()..];
        }
        let mut had_mark_or_year = false;
        loop {
            let before = r;
            r = r.trim_start();
            if let Some(x) = r.strip_prefix('\u{a9}') {
                r = x;
                had_mark_or_year = true;
            } else if starts_with_ci(r, "(c)") {
                r = &r[3..];
                had_mark_or_year = true;
            } else {
                let digits = r.bytes().take_while(u8::is_ascii_digit).count();
                if digits == 4 {
                    r = &r[4..];
                    had_mark_or_year = true;
                } else if had_mark_or_year && r.starts_with(['-', '\u{2013}', ',']) {
                    r = &r[r.chars().next().map_or(0, char::len_utf8)..];
                }
            }
            if r.len() == before.len() {
                break;
            }
        }
        // "Copyright law ..." is a sentence, not a notice.
        if !had_mark_or_year {
            return None;
        }
        r = r.trim();
        let lower = r.to_ascii_lowercase();
        let end = [". ", ", ", " all rights", " | ", " - "]
            .iter()
            .filter_map(|p| lower.find(p))
            .min()
            .unwrap_or(r.len());
        &r[..end]
    } else {
        return None;
    };
    let name = rest.trim().trim_end_matches(['.', ',']).trim();
    let words = name.split_whitespace().count();
    let ok = !name.is_empty()
        && name.chars().count() <= 60
        && (1..=6).contains(&words)
        && name
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    ok.then(|| name.to_string())
}

/// "Kyiv Post", "Caliber.Az", "CNN", "Daily Sabah": looks like an outlet in a byline.
fn outlet_like(seg: &str) -> bool {
    let seg = seg.trim();
    if seg.is_empty() || seg.chars().count() > 50 {
        return false;
    }
    if known_outlet(seg).is_some() {
        return true;
    }
    let words: Vec<&str> = seg.split_whitespace().collect();
    if words.len() > 6 || !seg.chars().next().is_some_and(char::is_uppercase) {
        return false;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| ROLE_WORDS.contains(&w.as_str())) {
        return false;
    }
    // A site name with a domain: "Caliber.Az", "News.az", "example.com".
    let domain = words.len() == 1 && {
        let w = words[0];
        match w.rfind('.') {
            Some(i) if i > 0 => {
                let tld = &w[i + 1..];
                (2..=6).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_alphabetic())
            }
            _ => false,
        }
    };
    let outlet_word = words.iter().zip(&lower).any(|(w, l)| {
        w.chars().next().is_some_and(char::is_uppercase) && OUTLET_WORDS.contains(&l.as_str())
    });
    let acronym = words.len() == 1
        && (2..=6).contains(&seg.len())
        && seg.chars().all(|c| c.is_ascii_uppercase())
        && !CAPS_STOP.contains(&seg);
    domain || outlet_word || acronym
}

/// The outlet named in a byline "By NAME, Outlet" / "By NAME | Outlet" / "By NAME (Outlet)" /
/// "By NAME for Outlet"; `None` for a bare byline.
fn byline_outlet(line: &str) -> Option<String> {
    let l = line.trim();
    if l.chars().count() > 120 {
        return None;
    }
    let rest = l.strip_prefix("By ").or_else(|| l.strip_prefix("BY "))?;
    let mut segs: Vec<&str> = Vec::new();
    let mut start = 0;
    for (i, c) in rest.char_indices() {
        if matches!(
            c,
            ',' | '|' | '(' | ')' | '\u{2014}' | '\u{2013}' | '/' | ';'
        ) {
            segs.push(&rest[start..i]);
            start = i + c.len_utf8();
        }
    }
    segs.push(&rest[start..]);
    // " for " and " - " also separate the author from the outlet.
    let mut parts: Vec<&str> = Vec::new();
    for s in segs {
        let mut s = s;
        loop {
            let cut = [" for ", " - "]
                .iter()
                .filter_map(|p| s.find(p).map(|i| (i, p.len())))
                .min();
            match cut {
                Some((i, len)) => {
                    parts.push(&s[..i]);
                    s = &s[i + len..];
                }
                None => break,
            }
        }
        parts.push(s);
    }
    parts
        .iter()
        .skip(1)
        .map(|p| p.trim())
        .find(|p| outlet_like(p))
        .map(str::to_string)
}

/// Aliases that are ordinary words ("Guardian", "Times"): cited only as "the X", with nothing
/// capitalised after it ("the Independent Electoral Commission" is not The Independent).
const NEEDS_THE: &[&str] = &[
    "guardian",
    "times",
    "telegraph",
    "independent",
    "economist",
    "hill",
    "atlantic",
    "insider",
];

/// Aliases that are also people's names: not read from a possessive or from "X said".
const PERSON_LIKE: &[&str] = &["bloomberg", "reuter", "forbes", "caliber"];

/// Last words that make an unknown capitalised name an outlet ("Kyiv Independent", "Times
/// Radio", "Novinite Daily").
const CITE_OUTLET_WORDS: &[&str] = &[
    "news",
    "times",
    "post",
    "press",
    "journal",
    "herald",
    "tribune",
    "gazette",
    "gazeta",
    "telegraph",
    "guardian",
    "tv",
    "television",
    "radio",
    "today",
    "insider",
    "wire",
    "magazine",
    "observer",
    "chronicle",
    "courier",
    "monitor",
    "independent",
    "dispatch",
    "weekly",
    "daily",
    "online",
    "broadcasting",
    "newswire",
    "sabah",
    "pravda",
    "zeitung",
    "shimbun",
    "ilbo",
    "mirror",
    "sentinel",
    "inquirer",
    "examiner",
    "media",
    "newspaper",
];

/// Words that make a capitalised name an institution or a person's title, not an outlet.
const NOT_OUTLET_WORDS: &[&str] = &[
    "ministry",
    "ministries",
    "department",
    "office",
    "service",
    "services",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "council",
    "committee",
    "commission",
    "government",
    "administration",
    "parliament",
    "senate",
    "congress",
    "house",
    "court",
    "police",
    "army",
    "navy",
    "forces",
    "force",
    "command",
    "kremlin",
    "pentagon",
    "president",
    "minister",
    "governor",
    "mayor",
    "party",
    "university",
    "institute",
    "center",
    "centre",
    "foundation",
    "bank",
    "fund",
    "organization",
    "organisation",
    "union",
    "association",
    "authority",
    "board",
    "bureau",
    "group",
    "agency",
    "assembly",
    "embassy",
    "cabinet",
    "state",
    "company",
    "general",
    "channel",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "lord",
    "lady",
    "prof",
];

/// Capitalised words that start sentences or name days: dropped from the front of an unknown
/// name found before a verb ("Meanwhile Kyiv Post reported").
const NAME_FILLERS: &[&str] = &[
    "however",
    "meanwhile",
    "but",
    "and",
    "also",
    "separately",
    "earlier",
    "later",
    "now",
    "then",
    "in",
    "on",
    "at",
    "as",
    "when",
    "while",
    "after",
    "before",
    "yesterday",
    "today",
    "last",
    "this",
    "that",
    "since",
    "still",
    "instead",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// Nationality adjectives without a regular ending (see [`is_demonym`]).
const DEMONYMS: &[&str] = &[
    "french",
    "dutch",
    "swiss",
    "greek",
    "thai",
    "czech",
    "slovak",
    "israeli",
    "iraqi",
    "pakistani",
    "saudi",
    "qatari",
    "emirati",
    "kuwaiti",
    "yemeni",
    "omani",
    "bahraini",
    "bangladeshi",
    "azerbaijani",
    "afghan",
    "somali",
    "nepali",
    "kazakh",
    "uzbek",
    "tajik",
    "kyrgyz",
    "turkmen",
    "german",
    "state",
    "local",
    "official",
    "western",
    "arab",
];

/// Lowercase alias -> index into [`OUTLETS`].
fn outlet_index() -> &'static FnvMap<&'static str, usize> {
    static INDEX: OnceLock<FnvMap<&'static str, usize>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut map = FnvMap::default();
        for (i, (_, aliases)) in OUTLETS.iter().enumerate() {
            for alias in *aliases {
                map.entry(*alias).or_insert(i);
            }
        }
        map
    })
}

/// The outlets an article cites, by display name, deduplicated (ignoring case) and in order of
/// first mention (title first). A mention counts when its context makes it a citation:
/// - after "according to", "told", "per", "via" (known outlets only), "as reported by",
///   "quoted/cited/seen/obtained by", "citing", "quoting", "in an interview with/to",
///   "speaking to/with", "in comments/a statement to", "writing in/for", "a report by/in";
/// - after a speech verb and "on", for known outlets only ("warned on Fox News");
/// - before a reporting verb: "Reuters reported", "the Kyiv Independent said", "CNN has learned",
///   "Interfax, citing ...";
/// - a possessive ("the BBC's correspondent", "CNN’s State of the Union"), a parenthesised
///   outlet inside a line ("(AP)"; a dateline "MOSCOW (AP) -" names the publisher and is not
///   a citation), or a name before "interview", "report" or "poll" ("a CNN interview");
/// - next to a descriptor: "X news agency", "the newspaper X", "broadcaster X", "X magazine".
///
/// The name is a known outlet (the table of wire agencies and large outlets, any alias), or, in
/// an unambiguous context, an unknown one: a site name with a domain ("Caliber.Az"), a single
/// word glued to an outlet word ("Sofiaglobe"), a capitalised name ending in an outlet word
/// ("the Kyiv Independent") or any name next to a descriptor ("the newspaper Kommersant").
/// Governments, officials and institutions are not outlets: "according to the Kremlin", "told
/// reporters", "per cent", "according to the Defence Ministry Press Service" give nothing.
///
/// Linear time: one pass over the bytes finds trigger words, and each trigger reads at most a
/// few short words around it. Never panics.
pub fn cites(title: &str, body: &str) -> Vec<String> {
    let mut found: Vec<(usize, String)> = Vec::new();
    scan_citations(title, 0, &mut found);
    scan_citations(body, title.len() + 1, &mut found);
    found.sort_by_key(|(pos, _)| *pos);
    let mut seen: HashSet<String> = HashSet::new();
    let mut out = Vec::new();
    for (_, name) in found {
        if seen.insert(name.to_lowercase()) {
            out.push(name);
        }
    }
    out
}

/// How an unknown (not in [`OUTLETS`]) name may be accepted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Unknown {
    /// Known outlets only.
    No,
    /// Site names with a domain and words glued to an outlet word ("Caliber.Az", "Sofiaglobe").
    Strong,
    /// Names that look like outlets on their own (those, and names ending in an outlet word).
    OutletLike,
    /// Any capitalised name that is not a nationality or an institution (next to a descriptor).
    Any,
    /// As `Any` for one word; longer names must look like outlets.
    AnyOneWord,
}

/// What a mention needs to count.
#[derive(Clone, Copy)]
struct Ctx {
    unknown: Unknown,
    /// Aliases that are people's names are allowed.
    person_ok: bool,
}

const KNOWN: Ctx = Ctx {
    unknown: Unknown::No,
    person_ok: true,
};
const LIKE: Ctx = Ctx {
    unknown: Unknown::OutletLike,
    person_ok: true,
};
const LIKE_NO_PERSON: Ctx = Ctx {
    unknown: Unknown::OutletLike,
    person_ok: false,
};
const STRONG: Ctx = Ctx {
    unknown: Unknown::Strong,
    person_ok: false,
};
const ANY: Ctx = Ctx {
    unknown: Unknown::Any,
    person_ok: true,
};
const ANY_ONE_WORD: Ctx = Ctx {
    unknown: Unknown::AnyOneWord,
    person_ok: true,
};

/// Longest word looked at, in bytes: longer tokens are not names (keeps the work per trigger
/// bounded).
const MAX_TOKEN: usize = 48;
/// Most words in a name.
const MAX_NAME_WORDS: usize = 7;

/// Characters that end a name word and the name ("Reuters," "CNN)").
fn is_name_stop(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            ',' | ';'
                | ':'
                | '('
                | ')'
                | '['
                | ']'
                | '{'
                | '}'
                | '"'
                | '\u{201c}'
                | '\u{201d}'
                | '\u{2018}'
                | '!'
                | '?'
                | '\u{2014}'
                | '\u{2013}'
                | '\u{2026}'
                | '\u{ab}'
                | '\u{bb}'
                | '|'
                | '<'
                | '>'
        )
}

/// A capitalised name read next to a trigger.
struct Name<'a> {
    /// The words, without a leading "The" and without a possessive ending.
    words: Vec<&'a str>,
    /// Byte offset of the first word.
    start: usize,
    /// Byte offset just after the name (after its possessive ending, if any).
    end: usize,
    /// Written as "the X" / "The X".
    the: bool,
    /// The name ended the sentence or the clause (a stop character or "." follows).
    closed: bool,
}

/// The next token at or after `pos` on the same line: (start, end) with `end - start <=
/// MAX_TOKEN`, after skipping at most a few spaces. `None` at a line end, a stop character or an
/// over-long token.
fn token_after(text: &str, pos: usize) -> Option<(usize, usize)> {
    let rest = text.get(pos..)?;
    let start;
    let mut skipped = 0;
    let mut chars = rest.char_indices();
    loop {
        let (i, c) = chars.next()?;
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            skipped += 1;
            if skipped > 8 {
                return None;
            }
            continue;
        }
        if is_name_stop(c) {
            return None;
        }
        start = pos + i;
        break;
    }
    let tail = &text[start..];
    let mut end = tail.len();
    for (i, c) in tail.char_indices() {
        if is_name_stop(c) {
            end = i;
            break;
        }
        if i > MAX_TOKEN {
            return None;
        }
    }
    if end > MAX_TOKEN {
        return None;
    }
    Some((start, start + end))
}

/// The token ending at or before `pos` on the same line (skipping a few spaces).
fn token_before(text: &str, pos: usize) -> Option<(usize, usize)> {
    let head = text.get(..pos)?;
    let end;
    let mut skipped = 0;
    let mut chars = head.char_indices().rev();
    loop {
        let (i, c) = chars.next()?;
        if c == ' ' || c == '\u{a0}' || c == '\t' {
            skipped += 1;
            if skipped > 8 {
                return None;
            }
            continue;
        }
        if is_name_stop(c) {
            return None;
        }
        end = i + c.len_utf8();
        break;
    }
    let lead = &text[..end];
    let mut start = 0;
    for (i, c) in lead.char_indices().rev() {
        if is_name_stop(c) {
            start = i + c.len_utf8();
            break;
        }
        if end - i > MAX_TOKEN {
            return None;
        }
    }
    if end - start > MAX_TOKEN {
        return None;
    }
    Some((start, end))
}

/// Splits a trailing possessive off a word: ("CNN", true) for "CNN’s", ("Reuters", true) for
/// "Reuters'".
fn strip_possessive(w: &str) -> (&str, bool) {
    for suffix in ["'s", "\u{2019}s", "'S", "\u{2019}S"] {
        if let Some(x) = w.strip_suffix(suffix) {
            return (x, true);
        }
    }
    for suffix in ["'", "\u{2019}"] {
        if let Some(x) = w.strip_suffix(suffix) {
            if x.ends_with(['s', 'S']) {
                return (x, true);
            }
            return (x, false);
        }
    }
    (w, false)
}

/// A word that can be part of a name: capitalised, or a number after a name word ("France 24").
fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Small words allowed inside a name ("Voice of America", "Corriere della Sera").
fn is_connector(w: &str) -> bool {
    matches!(
        w,
        "of" | "de" | "del" | "della" | "la" | "le" | "el" | "and" | "&"
    )
}

/// A word ending in "-based", "-backed" ("Moscow-based"): an adjective, not part of a name.
fn hyphen_adjective(w: &str) -> bool {
    w.rsplit_once('-')
        .is_some_and(|(_, last)| last.chars().next().is_some_and(char::is_lowercase))
}

/// The capitalised name starting at `pos` (after an optional "the"/"a"/"an" and a few
/// adjectives such as "new", "recent").
fn name_after(text: &str, pos: usize) -> Option<Name<'_>> {
    let mut at = pos;
    let mut the = false;
    let mut words: Vec<&str> = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut start = None;
    let mut end = pos;
    let mut closed = false;
    let mut skipped = 0;
    while let Some((s, e)) = token_after(text, at) {
        let raw = &text[s..e];
        let (mut w, possessive) = strip_possessive(raw);
        let sentence_end = w.ends_with('.') && !possessive;
        if sentence_end {
            w = w.trim_end_matches('.');
        }
        if words.is_empty() {
            if matches!(raw, "the" | "a" | "an" | "The") && skipped == 0 {
                the |= raw.eq_ignore_ascii_case("the");
                skipped += 1;
                at = e;
                continue;
            }
            if skipped < 3
                && matches!(
                    raw,
                    "new" | "recent" | "latest" | "separate" | "exclusive" | "leaked" | "earlier"
                )
            {
                skipped += 1;
                at = e;
                continue;
            }
        }
        let ok = if words.is_empty() {
            capitalised(w) && !hyphen_adjective(w)
        } else {
            capitalised(w) || w.starts_with(|c: char| c.is_ascii_digit()) || is_connector(w)
        };
        if !ok || w.is_empty() || hyphen_adjective(w) {
            break;
        }
        if start.is_none() {
            start = Some(s);
        }
        words.push(w);
        ends.push(e);
        end = e;
        if possessive || sentence_end || words.len() >= MAX_NAME_WORDS {
            closed = sentence_end;
            break;
        }
        at = e;
    }
    // A name does not end with a connector.
    while words.last().is_some_and(|w| is_connector(w)) {
        words.pop();
        ends.pop();
        end = ends.last().copied().unwrap_or(pos);
    }
    if words.first() == Some(&"The") {
        words.remove(0);
        the = true;
    }
    if words.is_empty() {
        return None;
    }
    if !closed {
        closed = text[end..]
            .chars()
            .next()
            .is_none_or(|c| c != ' ' && c != '\u{a0}');
    }
    Some(Name {
        words,
        start: start.unwrap_or(pos),
        end,
        the,
        closed,
    })
}

/// The capitalised name ending at `pos` (words read backwards until a lowercase word, a stop
/// character, a sentence end or a possessive that qualifies it: "Germany's Bild").
fn name_before(text: &str, pos: usize) -> Option<Name<'_>> {
    let mut at = pos;
    let mut words: Vec<&str> = Vec::new();
    let mut start = pos;
    let mut end = None;
    let mut the = false;
    while let Some((s, e)) = token_before(text, at) {
        let w = &text[s..e];
        if w.ends_with('.') && !is_domain_like(w) {
            // The previous sentence ended here.
            break;
        }
        let (_, possessive) = strip_possessive(w);
        if possessive && !words.is_empty() {
            break;
        }
        if w == "the" {
            // "News of the World".
            let of = token_before(text, s).filter(|&(a, b)| &text[a..b] == "of");
            match of {
                Some((a, _)) if !words.is_empty() => {
                    words.insert(0, "the");
                    words.insert(0, "of");
                    start = a;
                    at = a;
                    continue;
                }
                _ => {
                    the = true;
                    break;
                }
            }
        }
        let ok = capitalised(w)
            || (w.starts_with(|c: char| c.is_ascii_digit()) && words.is_empty())
            || is_connector(w);
        if !ok || hyphen_adjective(w) || words.len() >= MAX_NAME_WORDS {
            break;
        }
        if end.is_none() {
            end = Some(e);
        }
        words.insert(0, w);
        start = s;
        at = s;
    }
    while words
        .first()
        .is_some_and(|w| is_connector(w) || w.starts_with(|c: char| c.is_ascii_digit()))
    {
        words.remove(0);
    }
    while words.last().is_some_and(|w| is_connector(w)) {
        words.pop();
    }
    if words.first() == Some(&"The") {
        words.remove(0);
        the = true;
    }
    if words.is_empty() {
        return None;
    }
    Some(Name {
        words,
        start,
        end: end.unwrap_or(pos),
        the,
        closed: true,
    })
}

/// "Caliber.Az", "News.az", "Axios.com": one word with a dot and a short alphabetic ending.
fn is_domain_like(w: &str) -> bool {
    let w = w.trim_end_matches('.');
    match w.rfind('.') {
        Some(i) if i >= 2 => {
            let (label, tld) = (&w[..i], &w[i + 1..]);
            (2..=6).contains(&tld.len())
                && tld.chars().all(|c| c.is_ascii_alphabetic())
                && label
                    .chars()
                    .all(|c| c.is_alphanumeric() || c == '-' || c == '.')
                && label.chars().filter(|c| c.is_alphabetic()).count() >= 2
                && !label.contains("..")
        }
        _ => false,
    }
}

/// "Sofiaglobe", "Mediazona": one word made of a name of 4+ letters glued to an outlet word.
fn is_glued_outlet_word(w: &str) -> bool {
    if !w.chars().all(char::is_alphabetic) || w.chars().skip(1).any(char::is_uppercase) {
        return false;
    }
    const COMMON: &[&str] = &[
        "newspaper",
        "newspapers",
        "newsroom",
        "newsrooms",
        "newsletter",
        "newsletters",
        "newscast",
        "newscasts",
        "newsreader",
        "newsreaders",
        "newsprint",
        "newsagent",
        "newsagents",
        "newsstand",
        "newsstands",
        "postcode",
        "postcodes",
        "postwar",
        "mediation",
        "mediator",
        "mediators",
        "wiretap",
        "wiretaps",
        "pressroom",
    ];
    if COMMON.iter().any(|c| w.eq_ignore_ascii_case(c)) {
        return false;
    }
    let b = w.as_bytes();
    [
        "globe", "news", "times", "post", "press", "media", "daily", "herald", "wire", "today",
    ]
    .iter()
    .any(|ow| {
        let k = ow.len();
        b.len() >= k + 4
            && (b[b.len() - k..].eq_ignore_ascii_case(ow.as_bytes())
                || b[..k].eq_ignore_ascii_case(ow.as_bytes()))
    })
}

/// "Russian", "Chinese", "Turkish", "Israeli": a nationality adjective.
fn is_demonym(w: &str) -> bool {
    let l = w.to_lowercase();
    DEMONYMS.contains(&l.as_str())
        || ["ian", "ean", "ese", "ish", "can"]
            .iter()
            .any(|s| l.len() > s.len() + 2 && l.ends_with(s))
}

/// FNV-1a: a fast hash for the short alias keys.
#[derive(Default)]
struct Fnv(u64);

impl std::hash::Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h = (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

type FnvMap<K, V> = HashMap<K, V, std::hash::BuildHasherDefault<Fnv>>;

/// Appends `w` lowercased to `key`.
fn push_lower(key: &mut String, w: &str) {
    if w.is_ascii() {
        key.extend(w.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        key.extend(w.chars().flat_map(char::to_lowercase));
    }
}

/// A known outlet among the words: the longest run of words at the start (`from_start`) or at
/// the end of the name that is an alias.
fn known_in(name: &Name, from_start: bool, ctx: Ctx) -> Option<&'static str> {
    let n = name.words.len();
    let index = outlet_index();
    let mut key = String::with_capacity(48);
    for len in (1..=n.min(5)).rev() {
        let window = if from_start {
            &name.words[..len]
        } else {
            &name.words[n - len..]
        };
        let mut parts: [Option<&str>; 3] = [None; 3];
        parts[0] = Some("");
        if len == 1 && window[0].contains('/') {
            // "Reuters/Ipsos": the whole word, then each part.
            let mut split = window[0].split('/');
            parts[1] = split.next();
            parts[2] = split.next();
        }
        for part in parts.into_iter().flatten() {
            key.clear();
            if part.is_empty() {
                for (k, w) in window.iter().enumerate() {
                    if k > 0 {
                        key.push(' ');
                    }
                    push_lower(&mut key, w);
                }
            } else {
                push_lower(&mut key, part);
            }
            let Some(&i) = index.get(key.as_str()) else {
                continue;
            };
            if NEEDS_THE.contains(&key.as_str()) && !(name.the && len == n) {
                continue;
            }
            if PERSON_LIKE.contains(&key.as_str()) && !ctx.person_ok {
                continue;
            }
            // Short acronyms only in capitals ("ANI", not "Ani").
            let written = if part.is_empty() { window[0] } else { part };
            if key.len() <= 3 && written.chars().any(char::is_lowercase) {
                continue;
            }
            return Some(OUTLETS[i].0);
        }
    }
    None
}

/// Day and month names: never outlets.
const CALENDAR: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
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

/// An unknown outlet name, when the whole name (after fillers) passes the context's test.
fn unknown_outlet(name: &Name, from_start: bool, ctx: Ctx) -> Option<String> {
    if ctx.unknown == Unknown::No {
        return None;
    }
    let mut words: &[&str] = &name.words;
    if !from_start {
        while words
            .first()
            .is_some_and(|w| NAME_FILLERS.contains(&w.to_lowercase().as_str()))
        {
            words = &words[1..];
        }
    }
    if words.is_empty() || words.len() > 5 {
        return None;
    }
    let single = words.len() == 1;
    // The cheap tests of the context first: most names are people and places.
    let strong = single && (is_domain_like(words[0]) || is_glued_outlet_word(words[0]));
    let last_lower = words[words.len() - 1].to_lowercase();
    let outlet_word_last = !single && CITE_OUTLET_WORDS.contains(&last_lower.as_str());
    let passes = match ctx.unknown {
        Unknown::No => false,
        Unknown::Strong => strong,
        Unknown::OutletLike => strong || outlet_word_last,
        Unknown::AnyOneWord => single || outlet_word_last,
        Unknown::Any => true,
    };
    if !passes || (single && !strong && is_demonym(words[0])) {
        return None;
    }
    let joined = words.join(" ");
    if joined.chars().count() > 50 || CAPS_STOP.contains(&joined.as_str()) {
        return None;
    }
    // "U.S": a dotted word is an abbreviation unless it is a site name.
    if !strong && words.iter().any(|w| w.contains('.')) {
        return None;
    }
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    if lower.iter().any(|w| {
        NOT_OUTLET_WORDS.contains(&w.as_str())
            || ROLE_WORDS.contains(&w.as_str())
            || CALENDAR.contains(&w.as_str())
    }) {
        return None;
    }
    // At least one word that names something: not a nationality, not an outlet word, not a
    // label such as "US".
    let naming = words.iter().zip(&lower).any(|(w, l)| {
        !is_demonym(w) && !CITE_OUTLET_WORDS.contains(&l.as_str()) && !CAPS_STOP.contains(w)
    });
    naming.then_some(joined)
}

/// The outlet a name refers to in this context, if any.
fn resolve(name: &Name, from_start: bool, ctx: Ctx) -> Option<String> {
    match known_in(name, from_start, ctx) {
        Some(display) => Some(display.to_string()),
        None => unknown_outlet(name, from_start, ctx),
    }
}

/// The lowercase word at `pos` (ASCII letters only), if any.
fn word_at(text: &str, pos: usize) -> Option<(usize, usize)> {
    let (s, e) = token_after(text, pos)?;
    let w = &text.as_bytes()[s..e];
    let letters = w.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    (letters > 0).then_some((s, s + letters))
}

/// Whether the next word after `pos` is one of `words` (ASCII, any case); returns its end.
fn next_word_is(text: &str, pos: usize, words: &[&str]) -> Option<usize> {
    let (s, e) = word_at(text, pos)?;
    let w = &text[s..e];
    words.iter().any(|x| w.eq_ignore_ascii_case(x)).then_some(e)
}

/// The word before `pos`, lowercase ASCII letters (for "news agency", "has reported").
fn prev_word(text: &str, pos: usize) -> Option<(usize, &str)> {
    let (s, e) = token_before(text, pos)?;
    let w = &text[s..e];
    w.bytes().all(|b| b.is_ascii_alphabetic()).then_some((s, w))
}

/// Adds the outlet named after `pos` (and those listed after it with "and" / ",").
fn cite_after(text: &str, pos: usize, ctx: Ctx, offset: usize, out: &mut Vec<(usize, String)>) {
    let mut at = pos;
    let mut ctx = ctx;
    for _ in 0..3 {
        let Some(name) = name_after(text, at) else {
            return;
        };
        let Some(found) = resolve(&name, true, ctx) else {
            return;
        };
        out.push((offset + name.start, found));
        // "according to Reuters and Bloomberg" is read as one capitalised run.
        if let Some(k) = name.words.iter().position(|w| *w == "and") {
            let rest = Name {
                words: name.words[k + 1..].to_vec(),
                start: name.start + 1,
                end: name.end,
                the: false,
                closed: true,
            };
            if let Some(second) = resolve(&rest, true, LIKE) {
                out.push((offset + rest.start, second));
            }
        }
        if name.closed {
            return;
        }
        // "according to Reuters and the BBC": the next name must look like an outlet itself.
        match next_word_is(text, name.end, &["and", "or"]) {
            Some(e) => at = e,
            None => return,
        }
        if ctx.unknown == Unknown::Any {
            ctx = LIKE;
        }
    }
}

/// Words between an outlet and its reporting verb: "Reuters has reported", "CNN also said".
const AUXILIARIES: &[&str] = &[
    "has",
    "had",
    "have",
    "also",
    "first",
    "earlier",
    "previously",
    "exclusively",
    "later",
    "separately",
    "originally",
    "initially",
];

/// Adds the outlet named just before `pos` (skipping auxiliaries such as "has", "also").
fn cite_before(text: &str, pos: usize, ctx: Ctx, offset: usize, out: &mut Vec<(usize, String)>) {
    let mut at = pos;
    for _ in 0..2 {
        match prev_word(text, at) {
            Some((s, w)) if AUXILIARIES.contains(&w) => at = s,
            _ => break,
        }
    }
    if let Some(name) = name_before(text, at) {
        if let Some(found) = resolve(&name, false, ctx) {
            out.push((offset + name.start, found));
        }
    }
}

/// What a trigger word asks for.
#[derive(Clone, Copy)]
enum Trigger {
    /// "according" (+ "to").
    According,
    /// "told", "tells": an outlet follows.
    Told,
    /// "per": an outlet follows (never "per cent": lowercase).
    Per,
    /// "via": a known outlet follows.
    Via,
    /// "reported", "quoted", "cited": "by X" follows, or X precedes.
    ByOrBefore,
    /// "seen", "obtained": "by X" follows.
    By,
    /// "said", "says": X precedes, or "on X" follows.
    Said,
    /// "wrote", "writes": X precedes, or "in/for X" follows.
    Wrote,
    /// "writing", "column", "article", "piece", "editorial", "op": "in/for X" follows.
    WritingIn,
    /// "learned", "revealed", "understands", "reports": X precedes.
    Before,
    /// "citing", "quoting": X follows, or "X, citing".
    Citing,
    /// "interview", "conversation", ...: "with/to X" (or "on X" for a known outlet) follows;
    /// "interview" also "a CNN interview".
    Interview,
    /// "speaking", "spoke", "talking", "statement", "comments", "remarks": "to/with/on X".
    SpeakTo,
    /// Speech verbs: "on X" follows, X known ("warned on Fox News").
    SpeechOn,
    /// "report", "story", "investigation", "poll": "by/in/from X" follows, or X precedes.
    Report,
    /// "newspaper", "broadcaster", "magazine", "daily", ...: X on either side.
    Descriptor,
    /// "agency" / "site" / "website" / "portal" / "service" after "news"/"press"/"wire".
    Agency,
}

/// Every trigger word of [`trigger`] (lowercase).
const TRIGGER_WORDS: &[&str] = &[
    "according",
    "told",
    "tells",
    "telling",
    "per",
    "via",
    "reported",
    "quoted",
    "cited",
    "seen",
    "obtained",
    "reviewed",
    "published",
    "broadcast",
    "aired",
    "interviewed",
    "contacted",
    "asked",
    "said",
    "says",
    "wrote",
    "writes",
    "writing",
    "column",
    "article",
    "piece",
    "editorial",
    "op",
    "learned",
    "learnt",
    "revealed",
    "understands",
    "reports",
    "reporting",
    "citing",
    "quoting",
    "interview",
    "interviews",
    "conversation",
    "speaking",
    "spoke",
    "speak",
    "talking",
    "talked",
    "statement",
    "comments",
    "remarks",
    "warned",
    "stated",
    "claimed",
    "argued",
    "insisted",
    "added",
    "explained",
    "noted",
    "suggested",
    "admitted",
    "announced",
    "declared",
    "appearing",
    "appeared",
    "commented",
    "report",
    "story",
    "investigation",
    "poll",
    "survey",
    "newspaper",
    "newspapers",
    "broadcaster",
    "tabloid",
    "magazine",
    "outlet",
    "daily",
    "weekly",
    "agency",
    "site",
    "website",
    "portal",
    "service",
];

/// For each first letter, a bit per word length that some trigger word has: a quick test that
/// rejects most words before [`trigger`] is asked.
const TRIGGER_SHAPES: [u16; 26] = {
    let mut table = [0u16; 26];
    let mut i = 0;
    while i < TRIGGER_WORDS.len() {
        let w = TRIGGER_WORDS[i].as_bytes();
        table[(w[0] - b'a') as usize] |= 1 << w.len();
        i += 1;
    }
    table
};

/// Whether a word of ASCII letters may be a trigger (see [`TRIGGER_SHAPES`]).
fn may_trigger(w: &[u8]) -> bool {
    let first = w[0].to_ascii_lowercase();
    w.len() < 16
        && first.is_ascii_lowercase()
        && TRIGGER_SHAPES[(first - b'a') as usize] & (1 << w.len()) != 0
}

/// The trigger a word starts, from its lowercase ASCII bytes.
fn trigger(w: &[u8]) -> Option<Trigger> {
    use Trigger::*;
    if !(2..=13).contains(&w.len()) {
        return None;
    }
    let mut buf = [0u8; 13];
    for (b, c) in buf.iter_mut().zip(w) {
        *b = c.to_ascii_lowercase();
    }
    Some(match &buf[..w.len()] {
        b"according" => According,
        b"told" | b"tells" | b"telling" => Told,
        b"per" => Per,
        b"via" => Via,
        b"reported" | b"quoted" | b"cited" => ByOrBefore,
        b"seen" | b"obtained" | b"reviewed" | b"published" | b"broadcast" | b"aired"
        | b"interviewed" | b"contacted" | b"asked" => By,
        b"said" | b"says" => Said,
        b"wrote" | b"writes" => Wrote,
        b"writing" | b"column" | b"article" | b"piece" | b"editorial" | b"op" => WritingIn,
        b"learned" | b"learnt" | b"revealed" | b"understands" | b"reports" | b"reporting" => Before,
        b"citing" | b"quoting" => Citing,
        b"interview" | b"interviews" | b"conversation" => Interview,
        b"speaking" | b"spoke" | b"speak" | b"talking" | b"talked" | b"statement" | b"comments"
        | b"remarks" => SpeakTo,
        b"warned" | b"stated" | b"claimed" | b"argued" | b"insisted" | b"added" | b"explained"
        | b"noted" | b"suggested" | b"admitted" | b"announced" | b"declared" | b"appearing"
        | b"appeared" | b"commented" => SpeechOn,
        b"report" | b"story" | b"investigation" | b"poll" | b"survey" => Report,
        b"newspaper" | b"newspapers" | b"broadcaster" | b"tabloid" | b"magazine" | b"outlet"
        | b"daily" | b"weekly" => Descriptor,
        b"agency" | b"site" | b"website" | b"portal" | b"service" => Agency,
        _ => return None,
    })
}

/// Runs the handler of one trigger word at `s..e`.
fn on_trigger(
    text: &str,
    t: Trigger,
    s: usize,
    e: usize,
    offset: usize,
    out: &mut Vec<(usize, String)>,
) {
    use Trigger::*;
    let lowercase_word = text.as_bytes()[s].is_ascii_lowercase();
    match t {
        According => {
            if let Some(to) = next_word_is(text, e, &["to"]) {
                cite_after(text, to, LIKE, offset, out);
            }
        }
        Told => cite_after(text, e, LIKE, offset, out),
        Per => {
            if lowercase_word {
                cite_after(text, e, LIKE, offset, out);
            }
        }
        Via => cite_after(text, e, KNOWN, offset, out),
        ByOrBefore => {
            if let Some(by) = next_word_is(text, e, &["by"]) {
                cite_after(text, by, LIKE, offset, out);
            }
            cite_before(text, s, LIKE, offset, out);
        }
        By => {
            if let Some(by) = next_word_is(text, e, &["by"]) {
                cite_after(text, by, LIKE, offset, out);
            }
        }
        Said => {
            cite_before(text, s, LIKE_NO_PERSON, offset, out);
            if let Some(on) = next_word_is(text, e, &["on"]) {
                cite_after(text, on, KNOWN, offset, out);
            }
        }
        Wrote => {
            cite_before(text, s, LIKE_NO_PERSON, offset, out);
            if let Some(p) = next_word_is(text, e, &["in", "for"]) {
                cite_after(text, p, LIKE, offset, out);
            }
        }
        WritingIn => {
            // "op-ed in": the token after "op" is "-ed".
            let e = if text[e..].starts_with("-ed") {
                e + 3
            } else {
                e
            };
            if let Some(p) = next_word_is(text, e, &["in", "for"]) {
                cite_after(text, p, LIKE, offset, out);
            }
        }
        Before => cite_before(text, s, LIKE, offset, out),
        Citing => {
            cite_after(text, e, LIKE, offset, out);
            // "Interfax, citing ...".
            let head = text[..s].trim_end();
            if let Some(comma) = head.strip_suffix(',') {
                cite_before(text, comma.len(), LIKE, offset, out);
            }
        }
        Interview => {
            if let Some(p) = next_word_is(text, e, &["with", "to"]) {
                cite_after(text, p, LIKE, offset, out);
            } else if let Some(p) = next_word_is(text, e, &["on"]) {
                cite_after(text, p, KNOWN, offset, out);
            }
            cite_before(text, s, LIKE, offset, out);
        }
        SpeakTo => {
            if let Some(p) = next_word_is(text, e, &["with", "to"]) {
                cite_after(text, p, LIKE, offset, out);
            } else if let Some(p) = next_word_is(text, e, &["on"]) {
                cite_after(text, p, KNOWN, offset, out);
            }
        }
        SpeechOn => {
            if let Some(p) = next_word_is(text, e, &["on"]) {
                cite_after(text, p, KNOWN, offset, out);
            }
        }
        Report => {
            if lowercase_word {
                // A poll or survey "by X" names a pollster.
                let by = if matches!(&text[s..e], "poll" | "survey") {
                    None
                } else {
                    next_word_is(text, e, &["by", "in", "from"])
                };
                if let Some(p) = by {
                    cite_after(text, p, LIKE, offset, out);
                }
                cite_before(text, s, LIKE, offset, out);
            }
        }
        Descriptor => {
            if !lowercase_word {
                return;
            }
            let word = &text[s..e];
            if matches!(word, "daily" | "weekly") {
                // "the Israeli daily Haaretz", not "the daily Kremlin briefing".
                let qualified = token_before(text, s).is_some_and(|(a, b)| {
                    let w = &text[a..b];
                    (capitalised(w) && !matches!(w, "The" | "A" | "An")) || w.ends_with("'s")
                });
                if qualified {
                    cite_after(text, e, ANY, offset, out);
                }
                return;
            }
            let before = out.len();
            // People are broadcasters too: "veteran broadcaster Cyril Fletcher".
            let ctx = if word == "broadcaster" {
                ANY_ONE_WORD
            } else {
                ANY
            };
            cite_after(text, e, ctx, offset, out);
            if out.len() == before && word != "newspapers" {
                cite_descriptor_before(text, s, offset, out);
            }
        }
        Agency => {
            let Some((ps, prev)) = prev_word(text, s) else {
                return;
            };
            let word = text[s..e].to_ascii_lowercase();
            let prev_is = |x: &str| prev.eq_ignore_ascii_case(x);
            let ok = match word.as_str() {
                "agency" => prev_is("news") || prev_is("press"),
                "service" => prev_is("wire"),
                _ => prev_is("news") && lowercase_word,
            };
            if !ok {
                return;
            }
            let before = out.len();
            // The name before: "The Associated Press agency", "the Tasnim news agency".
            cite_before(text, s, KNOWN, offset, out);
            if out.len() == before && capitalised(prev) && !lowercase_word {
                // "the Kuwait News Agency": the whole name.
                if let Some(name) = name_before(text, ps) {
                    if let Some(found) = unknown_outlet(&name, false, ANY) {
                        let full = format!("{found} {prev} {}", &text[s..e]);
                        out.push((offset + name.start, full));
                    }
                }
                return;
            }
            if out.len() == before {
                cite_descriptor_before(text, ps, offset, out);
            }
            // Else the name after: "news agency Apcom"; not after a website ("the BBC News
            // website Ford ...").
            let site = matches!(word.as_str(), "site" | "website" | "portal");
            if out.len() == before && lowercase_word && !site {
                cite_after(text, e, ANY, offset, out);
            }
        }
    }
}

/// The name before a descriptor ("the Kommersant newspaper"), when it is clearly a name: known,
/// written "the X", or after a possessive ("Russia's Kommersant") or a preposition ("told Time
/// magazine"); not "a London newspaper" or a capitalised word starting a sentence.
fn cite_descriptor_before(text: &str, s: usize, offset: usize, out: &mut Vec<(usize, String)>) {
    let Some(name) = name_before(text, s) else {
        return;
    };
    if let Some(known) = known_in(&name, false, KNOWN) {
        out.push((offset + name.start, known.to_string()));
        return;
    }
    let lead_in = name.the
        || token_before(text, name.start).is_some_and(|(a, b)| {
            let w = &text[a..b];
            strip_possessive(w).1
                || matches!(
                    w,
                    "told"
                        | "to"
                        | "by"
                        | "in"
                        | "for"
                        | "with"
                        | "on"
                        | "from"
                        | "via"
                        | "per"
                        | "citing"
                        | "quoting"
                        | "of"
                )
        });
    if lead_in {
        if let Some(found) = unknown_outlet(&name, false, ANY) {
            out.push((offset + name.start, found));
        }
    }
}

/// A parenthesised outlet at byte `open` ("(AP)"), unless it is a dateline's.
fn cite_parenthesised(text: &str, open: usize, offset: usize, out: &mut Vec<(usize, String)>) {
    let rest = &text[open + 1..];
    let Some(close) = rest
        .char_indices()
        .take(40)
        .find(|&(_, c)| c == ')')
        .map(|(i, _)| i)
    else {
        return;
    };
    let inner = rest[..close].trim();
    let name = Name {
        words: inner.split_whitespace().collect(),
        start: open + 1,
        end: open + 1 + close,
        the: false,
        closed: true,
    };
    if name.words.is_empty() || name.words.len() > 5 {
        return;
    }
    let Some(found) = known_in(&name, true, KNOWN).filter(|_| {
        // The whole parenthesis must be the outlet: "(AP)", not "(AP photo)".
        known_outlet(inner).is_some()
    }) else {
        return;
    };
    // A dateline ("MOSCOW (AP) -") names the publisher, not a citation.
    let line_start = text[..open]
        .char_indices()
        .rev()
        .take(160)
        .find(|&(_, c)| c == '\n')
        .map_or(0, |(i, _)| i + 1);
    let after = rest[close + 1..].trim_start();
    let dash = after.chars().next().is_some_and(is_dash);
    if dash && open - line_start <= 160 && dateline_prefix(&text[line_start..open]) {
        return;
    }
    out.push((offset + open + 1, found.to_string()));
}

/// One pass over `text`: every trigger word, possessive and parenthesis is looked at.
fn scan_citations(text: &str, offset: usize, out: &mut Vec<(usize, String)>) {
    let b = text.as_bytes();
    let n = b.len();
    let mut i = 0;
    while i < n {
        let c = b[i];
        if c.is_ascii_alphabetic() {
            let s = i;
            while i < n && b[i].is_ascii_alphabetic() {
                i += 1;
            }
            let boundary_before = || s == 0 || !is_word_char_before(text, s);
            let boundary_after = || i == n || !is_word_char_at(text, i);
            if may_trigger(&b[s..i]) && boundary_before() && boundary_after() {
                if let Some(t) = trigger(&b[s..i]) {
                    on_trigger(text, t, s, i, offset, out);
                }
            }
            continue;
        }
        match c {
            b'(' => cite_parenthesised(text, i, offset, out),
            b'\'' => cite_possessive(text, i, 1, offset, out),
            0xE2 if b.get(i + 1) == Some(&0x80) && b.get(i + 2) == Some(&0x99) => {
                cite_possessive(text, i, 3, offset, out)
            }
            _ => {}
        }
        i += 1;
    }
}

/// Whether the character ending at `i` is a letter or digit.
fn is_word_char_before(text: &str, i: usize) -> bool {
    text[..i]
        .chars()
        .next_back()
        .is_some_and(char::is_alphanumeric)
}

/// Whether the character starting at `i` is a letter or digit.
fn is_word_char_at(text: &str, i: usize) -> bool {
    text[i..].chars().next().is_some_and(char::is_alphanumeric)
}

/// A possessive at the apostrophe at byte `at` (`len` bytes): "the BBC's", "Reuters'".
fn cite_possessive(
    text: &str,
    at: usize,
    len: usize,
    offset: usize,
    out: &mut Vec<(usize, String)>,
) {
    let after = &text[at + len..];
    let is_s = after.starts_with(['s', 'S']) && !is_word_char_at(after, 1.min(after.len()));
    let plural =
        !after.starts_with(|c: char| c.is_alphanumeric()) && text[..at].ends_with(['s', 'S']);
    if !(is_s || plural) {
        return;
    }
    let Some(name) = name_before(text, at) else {
        return;
    };
    if let Some(found) = resolve(&name, false, STRONG) {
        out.push((offset + name.start, found));
    }
}

/// Registrable domains (and a few host names) of known outlets -> display name. Looked up from
/// the full host down to the registrable domain, so "edition.cnn.com" finds "cnn.com".
const DOMAINS: &[(&str, &str)] = &[
    ("reuters.com", "Reuters"),
    ("apnews.com", "AP"),
    ("ap.org", "AP"),
    ("afp.com", "AFP"),
    ("bloomberg.com", "Bloomberg"),
    ("cnn.com", "CNN"),
    ("bbc.co.uk", "BBC"),
    ("bbc.com", "BBC"),
    ("xinhuanet.com", "Xinhua"),
    ("news.cn", "Xinhua"),
    ("tass.com", "TASS"),
    ("tass.ru", "TASS"),
    ("interfax.ru", "Interfax"),
    ("interfax.com", "Interfax"),
    ("interfax.com.ua", "Interfax"),
    ("ria.ru", "RIA Novosti"),
    ("upi.com", "UPI"),
    ("dpa.com", "DPA"),
    ("efe.com", "EFE"),
    ("ansa.it", "ANSA"),
    ("kyodonews.net", "Kyodo"),
    ("yna.co.kr", "Yonhap"),
    ("aa.com.tr", "Anadolu Agency"),
    ("ptinews.com", "PTI"),
    ("aninews.in", "ANI"),
    ("bernama.com", "Bernama"),
    ("antaranews.com", "Antara"),
    ("ukrinform.net", "Ukrinform"),
    ("ukrinform.ua", "Ukrinform"),
    ("unian.net", "UNIAN"),
    ("unian.info", "UNIAN"),
    ("pap.pl", "PAP"),
    ("apa.az", "APA"),
    ("azertag.az", "AzerTac"),
    ("irna.ir", "IRNA"),
    ("tasnimnews.com", "Tasnim"),
    ("sana.sy", "SANA"),
    ("wam.ae", "WAM"),
    ("spa.gov.sa", "Saudi Press Agency"),
    ("aljazeera.com", "Al Jazeera"),
    ("aljazeera.net", "Al Jazeera"),
    ("alarabiya.net", "Al Arabiya"),
    ("news.sky.com", "Sky News"),
    ("foxnews.com", "Fox News"),
    ("foxbusiness.com", "Fox Business"),
    ("cbsnews.com", "CBS News"),
    ("nbcnews.com", "NBC News"),
    ("abcnews.go.com", "ABC News"),
    ("abcnews.com", "ABC News"),
    ("cnbc.com", "CNBC"),
    ("msnbc.com", "MSNBC"),
    ("pbs.org", "PBS"),
    ("npr.org", "NPR"),
    ("voanews.com", "Voice of America"),
    ("rferl.org", "RFE/RL"),
    ("rfa.org", "Radio Free Asia"),
    ("dw.com", "Deutsche Welle"),
    ("france24.com", "France 24"),
    ("euronews.com", "Euronews"),
    ("rt.com", "RT"),
    ("sputniknews.com", "Sputnik"),
    ("nytimes.com", "The New York Times"),
    ("washingtonpost.com", "The Washington Post"),
    ("wsj.com", "The Wall Street Journal"),
    ("theguardian.com", "The Guardian"),
    ("guardian.co.uk", "The Guardian"),
    ("thetimes.co.uk", "The Times"),
    ("thetimes.com", "The Times"),
    ("telegraph.co.uk", "The Telegraph"),
    ("independent.co.uk", "The Independent"),
    ("ft.com", "Financial Times"),
    ("economist.com", "The Economist"),
    ("dailymail.co.uk", "Daily Mail"),
    ("standard.co.uk", "Evening Standard"),
    ("thehill.com", "The Hill"),
    ("theatlantic.com", "The Atlantic"),
    ("usatoday.com", "USA Today"),
    ("latimes.com", "Los Angeles Times"),
    ("nypost.com", "New York Post"),
    ("chicagotribune.com", "Chicago Tribune"),
    ("bostonglobe.com", "The Boston Globe"),
    ("newsweek.com", "Newsweek"),
    ("time.com", "Time"),
    ("forbes.com", "Forbes"),
    ("businessinsider.com", "Business Insider"),
    ("newyorker.com", "The New Yorker"),
    ("newsmax.com", "Newsmax"),
    ("huffpost.com", "HuffPost"),
    ("propublica.org", "ProPublica"),
    ("semafor.com", "Semafor"),
    ("politico.com", "Politico"),
    ("politico.eu", "Politico"),
    ("axios.com", "Axios"),
    ("hollywoodreporter.com", "Hollywood Reporter"),
    ("themoscowtimes.com", "The Moscow Times"),
    ("kommersant.ru", "Kommersant"),
    ("vedomosti.ru", "Vedomosti"),
    ("iz.ru", "Izvestia"),
    ("meduza.io", "Meduza"),
    ("novayagazeta.ru", "Novaya Gazeta"),
    ("rbc.ru", "RBC"),
    ("kyivindependent.com", "The Kyiv Independent"),
    ("kyivpost.com", "Kyiv Post"),
    ("pravda.com.ua", "Ukrainska Pravda"),
    ("lemonde.fr", "Le Monde"),
    ("lefigaro.fr", "Le Figaro"),
    ("spiegel.de", "Der Spiegel"),
    ("zeit.de", "Die Zeit"),
    ("bild.de", "Bild"),
    ("faz.net", "Frankfurter Allgemeine Zeitung"),
    ("sueddeutsche.de", "Süddeutsche Zeitung"),
    ("elpais.com", "El País"),
    ("elmundo.es", "El Mundo"),
    ("corriere.it", "Corriere della Sera"),
    ("repubblica.it", "La Repubblica"),
    ("nhk.or.jp", "NHK"),
    ("nikkei.com", "Nikkei"),
    ("asahi.com", "Asahi Shimbun"),
    ("yomiuri.co.jp", "Yomiuri Shimbun"),
    ("scmp.com", "South China Morning Post"),
    ("globaltimes.cn", "Global Times"),
    ("chinadaily.com.cn", "China Daily"),
    ("cgtn.com", "CGTN"),
    ("people.com.cn", "People's Daily"),
    ("timesofindia.indiatimes.com", "The Times of India"),
    ("hindustantimes.com", "Hindustan Times"),
    ("ndtv.com", "NDTV"),
    ("haaretz.com", "Haaretz"),
    ("timesofisrael.com", "The Times of Israel"),
    ("jpost.com", "The Jerusalem Post"),
    ("arabnews.com", "Arab News"),
    ("dailysabah.com", "Daily Sabah"),
    ("trtworld.com", "TRT World"),
    ("presstv.ir", "Press TV"),
    ("cbc.ca", "CBC"),
    ("theglobeandmail.com", "The Globe and Mail"),
    ("smh.com.au", "The Sydney Morning Herald"),
    ("irishtimes.com", "The Irish Times"),
    ("euractiv.com", "Euractiv"),
    ("caliber.az", "Caliber.Az"),
    ("ara.cat", "ARA"),
];

/// Second-level labels under a country code that are public suffixes: "co.uk", "com.au".
const SECOND_LEVEL: &[&str] = &[
    "co", "com", "net", "org", "gov", "ac", "edu", "or", "ne", "go", "in", "kiev", "kyiv", "nic",
];

/// Top-level domains dropped from an unknown outlet's name ("sofiaglobe.com" -> "Sofiaglobe").
const GENERIC_TLDS: &[&str] = &[
    "com", "net", "org", "info", "biz", "news", "io", "co", "online", "media", "tv", "press",
];

/// The publisher of a URL, from its domain: a known outlet's display name ("https://edition.
/// cnn.com/2025/..." -> "CNN", "www.reuters.com" -> "Reuters", "apnews.com" -> "AP",
/// "www.bbc.co.uk" -> "BBC"), else a readable form of the registrable domain: each label
/// capitalised, a generic ending (.com, .net, .org, ...) dropped, a country ending kept
/// ("caliber.az" -> "Caliber.Az", "sofiaglobe.com" -> "Sofiaglobe", "www.example.co.uk" ->
/// "Example"). The scheme, user, port, path, query and fragment are ignored, as are
/// "www."/"m."/"edition." and other subdomains. `None` for text that has no domain name (an IP
/// address, "localhost", an empty string). Never panics.
pub fn name_from_url(url: &str) -> Option<String> {
    let host = host_of(url)?;
    let labels: Vec<&str> = host.split('.').collect();
    if labels.len() < 2
        || labels.iter().any(|l| l.is_empty() || l.len() > 63)
        || labels.iter().all(|l| l.bytes().all(|b| b.is_ascii_digit()))
        || !labels[labels.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_alphabetic())
    {
        return None;
    }
    // Known outlets, from the full host down to two labels.
    for k in 0..labels.len() - 1 {
        let suffix = labels[k..].join(".");
        if let Some((_, name)) = DOMAINS.iter().find(|(d, _)| *d == suffix) {
            return Some((*name).to_string());
        }
    }
    // The registrable domain: one label before the public suffix.
    let n = labels.len();
    let tld = labels[n - 1];
    let two_level_suffix = n >= 3 && tld.len() == 2 && SECOND_LEVEL.contains(&labels[n - 2]);
    let (name_label, suffix): (&str, &[&str]) = if two_level_suffix {
        (labels[n - 3], &labels[n - 2..])
    } else {
        (labels[n - 2], &labels[n - 1..])
    };
    let mut out = capitalise_label(name_label);
    if out.is_empty() {
        return None;
    }
    if !two_level_suffix && !GENERIC_TLDS.contains(&suffix[0]) {
        out.push('.');
        out.push_str(&capitalise_label(suffix[0]));
    }
    Some(out)
}

/// The lowercase host name of a URL or bare domain, without a trailing dot.
fn host_of(url: &str) -> Option<String> {
    let s = url.trim();
    let s = match s.find("://") {
        Some(i) => &s[i + 3..],
        None => s.strip_prefix("//").unwrap_or(s),
    };
    let end = s.find(['/', '?', '#', '\\']).unwrap_or(s.len());
    let authority = &s[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    if host.starts_with('[') {
        return None; // IPv6 literal.
    }
    let host = host.split(':').next().unwrap_or(host);
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let ok = !host.is_empty()
        && host.len() <= 253
        && host
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    ok.then_some(host)
}

/// "caliber" -> "Caliber", "kyiv-post" -> "Kyiv Post".
fn capitalise_label(label: &str) -> String {
    label
        .split('-')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let mut cs = p.chars();
            match cs.next() {
                Some(first) => first.to_uppercase().chain(cs).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn src(title: &str, body: &str) -> Option<(String, &'static str)> {
        source_from_text(title, body).map(|s| (s.name, s.evidence))
    }

    #[test]
    fn datelines() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            (
                "WASHINGTON, March 13 (Reuters) - The U.S. said.",
                Some(("Reuters", "dateline")),
            ),
            (
                "MOSCOW (AP) \u{2014} Russia said.",
                Some(("AP", "dateline")),
            ),
            ("(AFP) - Text follows.", Some(("AFP", "dateline"))),
            (
                "BEIJING, March 13 (Xinhua) -- China said.",
                Some(("Xinhua", "dateline")),
            ),
            (
                "KUALA LUMPUR, March 13 (Bernama) -- Text.",
                Some(("Bernama", "dateline")),
            ),
            (
                "NEW YORK (The Associated Press) - Text.",
                Some(("AP", "dateline")),
            ),
            (
                "MOSCOW, March 13. /TASS/. Russia said.",
                Some(("TASS", "dateline")),
            ),
            (
                "Short standfirst\nPARIS (AFP) \u{2013} Text.",
                Some(("AFP", "dateline")),
            ),
            // Not datelines.
            ("The minister (Reuters reported) - said.", None),
            ("He said (in Moscow) - that it was fine.", None),
            ("WASHINGTON, March 13 (Reuters) The U.S. said.", None),
            ("the talks (AP) - went on.", None),
            ("MOSCOW (2025) - Text.", None),
            ("MOSCOW (UPDATE) - Text.", None),
            ("Prices rose 5/6 of the time.", None),
        ];
        for (body, want) in cases {
            let want = want.map(|(n, e)| (n.to_string(), e));
            assert_eq!(src("Title", body), want, "{body:?}");
        }
    }

    /// (title, body, expected (name, evidence)).
    type CreditCase = (
        &'static str,
        &'static str,
        Option<(&'static str, &'static str)>,
    );

    #[test]
    fn credit_lines() {
        let cases: &[CreditCase] = &[
            (
                "T",
                "Text of the article.\nARA\nMore text.",
                Some(("ARA", "credit line")),
            ),
            (
                "T",
                "Text of the article.\n\u{2014} Reuters",
                Some(("Reuters", "credit line")),
            ),
            (
                "T",
                "Text.\nThe Associated Press",
                Some(("AP", "credit line")),
            ),
            ("T", "Text.\nBBC News", Some(("BBC", "credit line"))),
            (
                "Putin says X - Reuters",
                "Text.",
                Some(("Reuters", "credit line")),
            ),
            ("Putin says X | CNN", "Text.", Some(("CNN", "credit line"))),
            ("Putin - Trump talks", "Text.", None),
            (
                "T",
                "Text.\nSource: Reuters",
                Some(("Reuters", "credit line")),
            ),
            (
                "T",
                "Text.\nSource: Kyiv Post, agencies",
                Some(("Kyiv Post", "credit line")),
            ),
            (
                "T",
                "Text.\n\u{a9} 2025 Example Media Group. All rights reserved.",
                Some(("Example Media Group", "credit line")),
            ),
            (
                "T",
                "Text.\nCopyright \u{a9} 2010-2025 The Moscow Times",
                Some(("The Moscow Times", "credit line")),
            ),
            (
                "T",
                "Text.\nCopyright 2025 Reuters. All rights reserved.",
                Some(("Reuters", "credit line")),
            ),
            ("T", "Text.\n(c) 2025 ARA", Some(("ARA", "credit line"))),
            // Labels, places and sentences are not credits.
            ("T", "Text.\nNEWS\nVIDEO\nUKRAINE", None),
            ("T", "Copyright law was changed in 2020.", None),
            (
                "T",
                "Source: he said the plan would fail and that it was not good enough at all",
                None,
            ),
            ("T", "Text.\nA", None),
            ("T", "Text.\nUS", None),
        ];
        for (title, body, want) in cases {
            let want = want.map(|(n, e)| (n.to_string(), e));
            assert_eq!(src(title, body), want, "{body:?}");
        }
    }

    #[test]
    fn credit_position() {
        let middle: String = (0..20)
            .map(|i| format!("Paragraph {i} of the article.\n"))
            .collect();
        let body = format!("{middle}ARA\n{middle}");
        assert_eq!(src("T", &body), None);
        let body = format!("ARA\n{middle}");
        assert_eq!(src("T", &body), Some(("ARA".into(), "credit line")));
        let body = format!("{middle}Reuters\n");
        assert_eq!(src("T", &body), Some(("Reuters".into(), "credit line")));
    }

    #[test]
    fn bylines() {
        let cases: &[(&str, Option<(&str, &str)>)] = &[
            ("By Tamilla Hasanova", None),
            ("By John Smith, Staff Writer", None),
            ("By John Smith and Jane Doe", None),
            ("By Andrew Osborn, Moscow", None),
            ("By John Smith, Reuters", Some(("Reuters", "byline"))),
            ("By John Smith | CNN", Some(("CNN", "byline"))),
            ("By Jane Doe, Kyiv Post", Some(("Kyiv Post", "byline"))),
            ("By Jane Doe (Caliber.Az)", Some(("Caliber.Az", "byline"))),
            ("By Jane Doe, News.az", Some(("News.az", "byline"))),
            (
                "By Jane Doe for Daily Sabah",
                Some(("Daily Sabah", "byline")),
            ),
            (
                "By John Smith, Jane Doe, Associated Press",
                Some(("AP", "byline")),
            ),
            ("By JOHN SMITH, ARA", Some(("ARA", "byline"))),
            ("Bystanders said the Daily Mail was wrong.", None),
        ];
        for (line, want) in cases {
            let body = format!("Text of the article.\n{line}");
            let want = want.map(|(n, e)| (n.to_string(), e));
            assert_eq!(src("Title", &body), want, "{line:?}");
        }
    }

    #[test]
    fn citations_are_not_publishers() {
        let cases = [
            "According to Reuters, Russia has submitted a list of conditions.",
            "He gave an interview to CNN this past Sunday.",
            "he stated speaking on CNN, per Caliber.Az.",
            "as reported by Sofiaglobe.",
            "Witkoff told CNN's State of the Union on Sunday.",
            "The BBC said (AP) that it was wrong.",
        ];
        for body in cases {
            assert_eq!(src("Title", body), None, "{body:?}");
        }
    }

    #[test]
    fn display_names() {
        let cases = [
            ("Reuters", "Reuters"),
            ("REUTERS", "Reuters"),
            (" (Reuters) ", "Reuters"),
            ("/TASS/", "TASS"),
            ("AP", "AP"),
            ("The Associated Press", "AP"),
            ("associated  press", "AP"),
            ("xinhua", "Xinhua"),
            ("Agence France-Presse", "AFP"),
            ("the new york times", "The New York Times"),
            ("ARA", "ARA"),
            ("  Some   Local Paper. ", "Some Local Paper"),
            ("", ""),
            ("()", ""),
            ("\u{2014} Reuters", "Reuters"),
        ];
        for (raw, want) in cases {
            assert_eq!(display_name(raw), want, "{raw:?}");
        }
    }

    #[test]
    fn seeds() {
        // 000: "According to Reuters" is a citation; the tail is a list of headlines.
        let s000 = "On March 13, Steve Witkoff, the U.S. Special Envoy for Middle East Affairs under President Donald Trump, visited Moscow for talks.\nAccording to Reuters, Russia has submitted a list of conditions for the ceasefire agreement.\n- 15 reads\nHuman Rights\nConscience, Hope, and Action: Keys to Global Peace and Sustainability\nPuppet Show I International Friendship Day 2020";
        assert_eq!(src("Trump's Special Envoy Visits Russia", s000), None);
        // 001: CNN and Sofiaglobe are cited.
        let s001 = "He gave an interview to CNN this past Sunday.\nTrump denies media reports\n\"These include Bulgaria and Romania,\" stated Sergey Lavrov, as reported by Sofiaglobe.";
        assert_eq!(
            src(
                "Trump envoy hints at potential ceasefire talks with Putin",
                s001
            ),
            None
        );
        // 002: navigation crumbs and comment form, no publisher.
        let s002 = "\nPutin \u{2018}accepts Trump\u{2019}s philosophy\u{2019}\n\nRelated Articles\n\nLeave a Reply\n\nBack to top button";
        assert_eq!(src("Latest NewsUSWorld", s002), None);
        // 003: a bare byline and a citation.
        let s003 = "he stated speaking on CNN, per Caliber.Az.\nOn March 16, Mike Waltz warned on Fox News.\nBy Tamilla Hasanova";
        assert_eq!(src("US engages in diplomatic talks", s003), None);
        // 004: the credit line "ARA".
        let s004 = "\nRussian President accelerates assault to recapture Kursk province before negotiations\n\nRussian President Vladimir Putin visited the Kursk region of Russia, partially occupied by Ukraine, on Wednesday.\nARA\nUpd. 12\n2 min\n\nBarcelonaDonald Trump's special envoy is already traveling to Moscow.";
        assert_eq!(
            src("Trump's envoy travels to Moscow", s004),
            Some(("ARA".into(), "credit line"))
        );
    }

    #[test]
    fn never_panics() {
        let long = "x".repeat(100_000);
        let inputs = [
            "",
            "\n",
            "(",
            ")",
            "/",
            "//",
            "(()) -",
            "By ",
            "By ,,,",
            "Source:",
            "\u{a9}",
            "Copyright",
            "Copyright \u{a9}",
            "(c)",
            "\u{e9}(\u{e9}) \u{2014}",
            "/\u{e9}/",
            "By \u{e9} \u{2014} \u{e9}",
            long.as_str(),
        ];
        for a in inputs {
            for b in inputs {
                let _ = source_from_text(a, b);
                let _ = display_name(b);
            }
        }
    }

    fn cited(text: &str) -> Vec<String> {
        cites("", text)
    }

    #[test]
    fn cites_known_outlets_in_citation_contexts() {
        let cases: &[(&str, &[&str])] = &[
            (
                "According to Reuters, Russia has submitted a list.",
                &["Reuters"],
            ),
            ("Witkoff told CNN on Sunday.", &["CNN"]),
            (
                "he stated speaking on CNN, per Caliber.Az.",
                &["CNN", "Caliber.Az"],
            ),
            (
                "as reported by The Washington Post.",
                &["The Washington Post"],
            ),
            (
                "Reuters reported on Monday that talks had stalled.",
                &["Reuters"],
            ),
            ("Reuters has reported that talks had stalled.", &["Reuters"]),
            ("he said in an interview with Fox News.", &["Fox News"]),
            ("the BBC's Moscow correspondent said.", &["BBC"]),
            (
                "Witkoff told CNN\u{2019}s State of the Union on Sunday.",
                &["CNN"],
            ),
            ("The figure (AP) was disputed.", &["AP"]),
            ("The Xinhua news agency reported the visit.", &["Xinhua"]),
            ("the state news agency RIA Novosti said.", &["RIA Novosti"]),
            ("He gave an interview to CNN this past Sunday.", &["CNN"]),
            (
                "Mike Waltz warned on Fox News that Washington may act.",
                &["Fox News"],
            ),
            ("according to The Moscow Times.", &["The Moscow Times"]),
            ("according to the Guardian.", &["The Guardian"]),
            (
                "a spokeswoman told the Financial Times on Monday",
                &["Financial Times"],
            ),
            (
                "According to the Financial Times' China correspondent",
                &["Financial Times"],
            ),
            (
                "according to Reuters and Bloomberg",
                &["Reuters", "Bloomberg"],
            ),
            ("Interfax, citing a source, said", &["Interfax"]),
            ("in a statement to Reuters, the ministry said", &["Reuters"]),
            ("news agency Associated Press reported", &["AP"]),
            ("The Associated Press agency reported that", &["AP"]),
            ("a Reuters/Ipsos poll showed", &["Reuters"]),
            (
                "a poll for the News of the World newspaper suggests",
                &["News of the World"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(cited(text), *want, "{text:?}");
        }
    }

    #[test]
    fn cites_unknown_outlets_only_in_clear_patterns() {
        let cases: &[(&str, &[&str])] = &[
            (
                "according to the Kharkiv Times, the attack",
                &["Kharkiv Times"],
            ),
            ("the Kyiv Independent reported", &["The Kyiv Independent"]),
            ("the official told Caliber.Az.", &["Caliber.Az"]),
            (
                "stated Sergey Lavrov, as reported by Sofiaglobe.",
                &["Sofiaglobe"],
            ),
            ("told the Argentine newspaper Clarin it would", &["Clarin"]),
            (
                "Iran's semi-official Tasnim news agency reported",
                &["Tasnim"],
            ),
            ("the Israeli daily Haaretz reported", &["Haaretz"]),
            ("Italian news agency Apcom quoted lawmakers", &["Apcom"]),
            (
                "told the Associated Press news agency Contrack's withdrawal was agreed",
                &["AP"],
            ),
            ("in Russia's Kommersant newspaper", &["Kommersant"]),
            ("told Time magazine.", &["Time"]),
            (
                "in an interview with the Kuwait magazine Al-Majalis, carried by",
                &["Al-Majalis"],
            ),
            (
                "the Kuwait News Agency Kuna quoted him as saying.",
                &["Kuwait News Agency"],
            ),
        ];
        for (text, want) in cases {
            assert_eq!(cited(text), *want, "{text:?}");
        }
    }

    #[test]
    fn not_outlets() {
        let cases = [
            "according to officials, the talks failed.",
            "Putin told reporters that the talks failed.",
            "according to the Kremlin, the talks failed.",
            "Prices rose 5 per cent.",
            "according to US Special Envoy Steve Witkoff.",
            "According to White House Press Secretary Caroline Leavitt, the visit",
            "according to the Defence Ministry Press Service",
            "Putin said the talks failed.",
            "Putin's envoy said.",
            "told the Senate Armed Services Committee",
            "according to the Independent Electoral Commission",
            "according to sources in Moscow, Russia has recaptured",
            "The Kremlin has said that Putin is studying the proposal.",
            "Trump denies media reports",
            "veteran broadcaster Cyril Fletcher has died",
            "a daily Amsterdam newspaper, became news",
            "Tabloid newspapers in the UK",
            "Ford reported net income of $104m.",
            "Royal Mail says it is investigating",
            "the Royal Mail's postal redirection service",
            "Google's security team said",
            "A recent survey by Mediametrie found that",
            "told Vice President Vance.",
            "told Ani that it was over.",
            "MOSCOW (AP) \u{2014} Russia said.",
            "WASHINGTON, March 13 (Reuters) - The U.S. said.",
            "the daily Kremlin briefing",
            "Bloomberg's campaign spent heavily.",
            "The weekly U.S. soybean crush rate was reported by the",
            "Newspapers quoted union leaders as saying",
        ];
        for text in cases {
            assert_eq!(cited(text), Vec::<String>::new(), "{text:?}");
        }
    }

    #[test]
    fn cites_order_and_dedup() {
        let got = cites(
            "Talks stall, CNN reports",
            "According to Reuters, the talks stalled. CNN's anchor asked. Reuters reported more.",
        );
        assert_eq!(got, ["CNN", "Reuters"]);
        let got = cited("told the BBC. Later, according to the bbc News... told Reuters");
        assert_eq!(got, ["BBC", "Reuters"]);
        // A website is not followed by its name.
        let got = cited("told the BBC News website Ford did not deserve credit");
        assert_eq!(got, ["BBC"]);
        assert_eq!(
            cited("according to Reuters and the BBC"),
            ["Reuters", "BBC"]
        );
    }

    #[test]
    fn cites_bundled_articles() {
        // Sentences of the five bundled articles.
        let s001 = "He gave an interview to CNN this past Sunday.\n\"These include Bulgaria and Romania,\" stated Sergey Lavrov, as reported by Sofiaglobe.";
        assert_eq!(cited(s001), ["CNN", "Sofiaglobe"]);
        let s003 = "he stated speaking on CNN, per Caliber.Az.\nOn March 16, Mike Waltz warned on Fox News that Washington may act.\nBy Tamilla Hasanova";
        assert_eq!(cited(s003), ["CNN", "Caliber.Az", "Fox News"]);
        let s004 = "ARA\nUpd. 12\nThe Kremlin has said that Putin is studying the proposal. They met, according to The Moscow Times.";
        assert_eq!(cited(s004), ["The Moscow Times"]);
    }

    #[test]
    fn cites_never_panics() {
        let long = "told ".repeat(20_000);
        let word = "x".repeat(100_000);
        let inputs = [
            "",
            "told",
            "according to",
            "(",
            "()",
            "(AP",
            "'",
            "\u{2019}",
            "\u{2019}s",
            "'s told 's",
            "told \u{e9}\u{301}",
            "per \u{1F600}",
            "news agency",
            "the newspaper",
            "according to the the the",
            long.as_str(),
            word.as_str(),
            "told CNN\u{2019}",
            "Reuters\u{2019} report",
        ];
        for a in inputs {
            for b in inputs {
                let _ = cites(a, b);
            }
        }
    }

    #[test]
    fn trigger_table_matches_the_words() {
        for w in TRIGGER_WORDS {
            assert!(may_trigger(w.as_bytes()), "{w}");
            assert!(trigger(w.as_bytes()).is_some(), "{w}");
        }
        assert!(!may_trigger(b"the"));
    }

    #[test]
    fn names_from_urls() {
        let cases: &[(&str, Option<&str>)] = &[
            (
                "https://edition.cnn.com/2025/03/13/europe/witkoff",
                Some("CNN"),
            ),
            ("www.reuters.com", Some("Reuters")),
            ("https://apnews.com/article/x", Some("AP")),
            ("https://www.bbc.co.uk/news/world-1", Some("BBC")),
            ("http://m.bbc.com/news", Some("BBC")),
            ("https://news.sky.com/story/x", Some("Sky News")),
            ("https://abcnews.go.com/International", Some("ABC News")),
            ("https://caliber.az/en/post/x", Some("Caliber.Az")),
            (
                "https://www.sofiaglobe.com/2025/03/16/x/",
                Some("Sofiaglobe"),
            ),
            ("https://news.example.co.uk/a?b=c#d", Some("Example")),
            ("https://www.lenta.ru/news", Some("Lenta.Ru")),
            (
                "https://user:pw@www.kyiv-post.net:8080/x",
                Some("Kyiv Post"),
            ),
            ("HTTPS://WWW.REUTERS.COM./x", Some("Reuters")),
            ("//www.theguardian.com/world", Some("The Guardian")),
            ("https://ara.cat/english/x", Some("ARA")),
            ("http://127.0.0.1/x", None),
            ("http://localhost:8080/", None),
            ("http://[::1]/", None),
            ("", None),
            ("not a url", None),
            ("https://", None),
            ("https://.com", None),
        ];
        for (url, want) in cases {
            assert_eq!(name_from_url(url).as_deref(), *want, "{url:?}");
        }
        for s in [
            "\u{e9}.\u{e9}",
            "a..b",
            "https://\u{1F600}.com/",
            ":::",
            "@",
            "a.b.c.d.e.f",
        ] {
            let _ = name_from_url(s);
        }
    }
}
