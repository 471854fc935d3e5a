//! Removal of site boilerplate from article bodies.
//!
//! Role: clean the body text before indexing and display, so that counters, widget labels,
//! comment forms and trailing lists of unrelated headlines are neither searched nor shown.
//!
//! Rules of [`clean_body`], line by line and conservative: a line is dropped only when the whole
//! line (trimmed, without leading bullets or dashes and trailing colons/arrows) is one of
//! - a counter: "- 15 reads", "15 reads", "2 min", "5 min read", "1.2K shares", "3 comments",
//!   "2 hours ago", several of them joined by "|" or "·", or the label "stats";
//! - a widget label: "Related Articles", "Related Posts", "Read more", "Leave a Reply",
//!   "Back to top button", "Share this:", "Advertisement", "You may also like", ...;
//! - comment-form text: "Your email address will not be published...", "Required fields are
//!   marked *", "Save my name, email, and website...", "Notify me of ...";
//! - a "Subscribe ..." call of at most 120 characters, a "Read more: ..." / "Also read: ..." link,
//!   "Click to share on ...";
//! - an update stamp without a date: "Upd. 12", "Updated 10:32" (a line with a month name such as
//!   "Updated March 12, 2025" is kept);
//! - glued navigation crumbs: a short line of capitalised words without punctuation in which a
//!   word is several section names glued together ("Latest NewsUSWorld", "HomeNewsPolitics");
//! - a copyright notice starting with "©" or `Copyright ©`, `Copyright (c)` or `Copyright <year>`.
//!
//! After the last article paragraph, once a dropped boilerplate line has been seen, the short
//! Title-Case lines without sentence-final punctuation that end the text (a list of other
//! headlines) are dropped too; bylines ("By ...") and all-caps credit lines ("REUTER") are kept.
//!
//! A line that starts with a lowercase letter or a digit and ends with one full stop is the end of
//! a hard-wrapped sentence ("share.", "848,200 shares.") and is never dropped; nor is a lowercase
//! "subscribe ..." line.
//!
//! Everything else is kept as written, including all-caps credit lines such as "ARA" (the source
//! module reads them from the raw body), subheadings and sentences that merely mention "reads" or
//! "shares". Runs of blank lines become one blank line, leading and trailing blank lines go, and
//! trailing whitespace is trimmed from every line; lines are joined with "\n".
//!
//! Limits: English labels only; a boilerplate line glued to article text ("Share this: Putin
//! said ...") is kept whole. Linear time, never panics.

/// Remove site boilerplate from an article body; returns the cleaned body (see the module docs).
pub fn clean_body(body: &str) -> String {
    let lines: Vec<&str> = body.lines().map(str::trim_end).collect();
    let n = lines.len();
    let mut drop: Vec<bool> = lines.iter().map(|l| is_boilerplate_line(l)).collect();

    // Trailing block: the longest suffix made only of blank, boilerplate and headline-like lines.
    let mut k = n;
    while k > 0 {
        let l = lines[k - 1];
        if l.trim().is_empty() || drop[k - 1] || headline_like(l) {
            k -= 1;
        } else {
            break;
        }
    }
    if let Some(first_marker) = (k..n).find(|&i| drop[i]) {
        for i in first_marker + 1..n {
            if headline_like(lines[i]) {
                drop[i] = true;
            }
        }
    }

    let mut out = String::with_capacity(body.len());
    let mut pending_blank = false;
    let mut wrote_any = false;
    for (line, dropped) in lines.iter().zip(&drop) {
        if *dropped {
            continue;
        }
        if line.trim().is_empty() {
            pending_blank = wrote_any;
            continue;
        }
        if wrote_any {
            out.push('\n');
            if pending_blank {
                out.push('\n');
            }
        }
        out.push_str(line);
        wrote_any = true;
        pending_blank = false;
    }
    out
}

/// Whole-line widget labels and calls to action (lowercase, whitespace collapsed).
const EXACT: &[&str] = &[
    "stats",
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related content",
    "related coverage",
    "read more",
    "read next",
    "continue reading",
    "leave a reply",
    "leave a reply cancel reply",
    "leave a comment",
    "cancel reply",
    "post a comment",
    "back to top",
    "back to top button",
    "share",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share on facebook",
    "share on twitter",
    "share on x",
    "advertisement",
    "advertisements",
    "sponsored",
    "sponsored content",
    "you may also like",
    "you might also like",
    "more stories",
    "more from this section",
    "most read",
    "most popular",
    "recommended",
    "trending",
    "tags",
    "print",
    "email",
    "comments",
    "post navigation",
    "follow us",
    "skip to content",
];

/// Line starts of comment forms, link lists and calls to action (lowercase).
const PREFIXES: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "save my name, email, and website",
    "save my name, email and website",
    "notify me of follow-up comments",
    "notify me of new posts",
    "this site uses akismet",
    "click to share on",
    "click to email",
    "click to print",
    "read more:",
    "read also:",
    "also read:",
    "see also:",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "follow us on",
];

/// Units of counters ("15 reads", "2 min", "1.2K shares").
const COUNTER_UNITS: &[&str] = &[
    "read",
    "reads",
    "view",
    "views",
    "share",
    "shares",
    "comment",
    "comments",
    "like",
    "likes",
    "min",
    "mins",
    "minute",
    "minutes",
    "min read",
    "mins read",
    "minute read",
    "minutes read",
    "sec read",
    "second read",
    "seconds read",
    "minutes ago",
    "minute ago",
    "hours ago",
    "hour ago",
    "days ago",
    "day ago",
    "mins ago",
    "min ago",
];

/// Section names seen in navigation crumbs.
const NAV_WORDS: &[&str] = &[
    "home",
    "news",
    "latest",
    "world",
    "us",
    "uk",
    "europe",
    "asia",
    "africa",
    "americas",
    "middle",
    "east",
    "politics",
    "business",
    "economy",
    "markets",
    "sport",
    "sports",
    "opinion",
    "culture",
    "health",
    "science",
    "tech",
    "technology",
    "entertainment",
    "lifestyle",
    "travel",
    "video",
    "videos",
    "photos",
    "live",
    "local",
    "national",
    "international",
    "breaking",
    "trending",
    "top",
    "more",
    "features",
    "analysis",
    "weather",
    "region",
    "regions",
    "society",
    "finance",
    "climate",
    "defense",
    "defence",
    "education",
    "media",
];

/// Small words that need not be capitalised in a Title-Case headline.
const SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "nor", "but", "of", "for", "to", "in", "on", "at", "by", "with",
    "from", "as", "vs", "vs.", "via", "into", "over", "per", "off", "up", "is", "are", "its",
];

const LEADING_JUNK: &[char] = &[
    '-', '\u{2013}', '\u{2014}', '\u{2022}', '\u{b7}', '|', '*', '>', '\u{bb}', '\u{203a}', '#',
];
const TRAILING_JUNK: &[char] = &[
    ':', '\u{bb}', '\u{203a}', '>', '\u{2192}', '\u{2026}', '.', '|', '-', '\u{2013}', '\u{2014}',
    '*', '!',
];

/// The line lowercased, trimmed of bullets and trailing arrows/colons, whitespace collapsed.
fn normalise(line: &str) -> String {
    let t = line
        .trim()
        .trim_start_matches(|c: char| LEADING_JUNK.contains(&c) || c.is_whitespace())
        .trim_end_matches(|c: char| TRAILING_JUNK.contains(&c) || c.is_whitespace());
    t.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Whether a single line is boilerplate (see the module docs).
fn is_boilerplate_line(line: &str) -> bool {
    let trimmed = line.trim();
    if trimmed.is_empty() || trimmed.len() > 400 {
        return false;
    }
    if wrapped_sentence_end(trimmed) {
        return false;
    }
    let norm = normalise(trimmed);
    if norm.is_empty() {
        return false;
    }
    if EXACT.contains(&norm.as_str()) {
        return true;
    }
    // Prefixes are matched on the line without its trailing-junk trim, so "Read more:" keeps
    // its colon.
    let lower_full = trimmed
        .trim_start_matches(|c: char| LEADING_JUNK.contains(&c) || c.is_whitespace())
        .to_lowercase();
    if PREFIXES.iter().any(|p| lower_full.starts_with(p)) {
        return true;
    }
    if is_subscribe(&norm, trimmed) || is_counter_line(&norm) || is_update_stamp(&norm) {
        return true;
    }
    is_copyright(&norm) || is_nav_crumbs(trimmed)
}

/// The end of a sentence of hard-wrapped text: a line starting with a lowercase letter or a
/// digit and ending with one full stop ("share.", "848,200 shares."). Widget labels and counters
/// do not end with a full stop.
fn wrapped_sentence_end(trimmed: &str) -> bool {
    let starts = trimmed
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase() || c.is_ascii_digit());
    starts && trimmed.ends_with('.') && !trimmed.ends_with("..")
}

/// "Subscribe", "Subscribe to our newsletter", "SUBSCRIBE NOW" — not "Subscribers said ..." nor
/// a hard-wrapped line that starts with "subscribe" in lowercase.
fn is_subscribe(norm: &str, trimmed: &str) -> bool {
    let bullet_free =
        trimmed.trim_start_matches(|c: char| LEADING_JUNK.contains(&c) || c.is_whitespace());
    if !bullet_free.starts_with('S') {
        return false;
    }
    match norm.strip_prefix("subscribe") {
        Some(rest) => {
            let boundary = rest.is_empty() || rest.starts_with([' ', '!', '.', ':', ',']);
            boundary && trimmed.chars().count() <= 120
        }
        None => false,
    }
}

/// "15", "1.2k", "1,234", "12k": a count.
fn is_count(w: &str) -> bool {
    let w = w.strip_suffix(['k', 'm', 'b']).unwrap_or(w);
    !w.is_empty()
        && w.starts_with(|c: char| c.is_ascii_digit())
        && w.chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
}

/// One counter: "15 reads", "2 min", "1.2k shares", "5min read".
fn is_counter(seg: &str) -> bool {
    let seg = seg.trim();
    if seg.is_empty() {
        return false;
    }
    // Split the number from the unit: "5min read" -> "5", "min read".
    let num_end = seg
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(seg.len(), |(i, _)| i);
    let (mut num, mut unit) = seg.split_at(num_end);
    // A multiplier letter glued to the number: "1.2k shares".
    if let Some(r) = unit.strip_prefix(['k', 'm', 'b']) {
        if r.starts_with(' ') {
            num = &seg[..num_end + 1];
            unit = r;
        }
    }
    let unit = unit.trim();
    is_count(num) && COUNTER_UNITS.contains(&unit)
}

/// A line of counters joined by "|", "·", "•" or ","; or "stats".
fn is_counter_line(norm: &str) -> bool {
    let segs: Vec<&str> = norm
        .split(['|', '\u{b7}', '\u{2022}', '/'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .collect();
    !segs.is_empty() && segs.len() <= 4 && segs.iter().all(|s| is_counter(s))
}

/// "upd. 12", "updated 10:32", "upd 12.03": an update stamp with no words after the label.
fn is_update_stamp(norm: &str) -> bool {
    let rest = ["updated", "upd.", "upd"]
        .iter()
        .find_map(|p| norm.strip_prefix(p));
    match rest {
        Some(r) => {
            let r = r.trim_start_matches([':', ' ']);
            !r.is_empty()
                && r.len() <= 20
                && r.chars().all(|c| c.is_ascii_digit() || " :./-".contains(c))
        }
        None => false,
    }
}

/// "© 2025 Example Media", "copyright (c) ...", "copyright 2025 ...".
fn is_copyright(norm: &str) -> bool {
    if norm.chars().count() > 160 {
        return false;
    }
    if norm.starts_with('\u{a9}') {
        return true;
    }
    // "(c) 2025 Example", not the footnote "(C) - Sales made on exporters' own account".
    if let Some(r) = norm.strip_prefix("(c) ") {
        return r.starts_with(|c: char| c.is_alphanumeric());
    }
    match norm.strip_prefix("copyright ") {
        Some(r) => {
            r.starts_with('\u{a9}')
                || r.starts_with("(c)")
                || (r.len() >= 4 && r.as_bytes()[..4].iter().all(u8::is_ascii_digit))
        }
        None => false,
    }
}

/// Split a word at case changes: "NewsUSWorld" -> ["News", "US", "World"].
fn camel_parts(w: &str) -> Vec<&str> {
    let cs: Vec<(usize, char)> = w.char_indices().collect();
    let mut parts = Vec::new();
    let mut start = 0;
    for k in 1..cs.len() {
        let (i, c) = cs[k];
        let prev = cs[k - 1].1;
        let next_lower = cs.get(k + 1).is_some_and(|&(_, d)| d.is_lowercase());
        let boundary = (prev.is_lowercase() && c.is_uppercase())
            || (prev.is_uppercase() && c.is_uppercase() && next_lower);
        if boundary {
            parts.push(&w[start..i]);
            start = i;
        }
    }
    parts.push(&w[start..]);
    parts
}

/// "Latest NewsUSWorld": a short line of capitalised words, one of them several section names
/// glued together.
fn is_nav_crumbs(line: &str) -> bool {
    let l = line.trim();
    if l.chars().count() > 60 || !l.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return false;
    }
    let words: Vec<&str> = l.split_whitespace().collect();
    if words.is_empty() || words.len() > 8 {
        return false;
    }
    if !words
        .iter()
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
    {
        return false;
    }
    let mut nav_parts = 0;
    let mut glued = false;
    for w in &words {
        let parts = camel_parts(w);
        let nav_here = parts
            .iter()
            .filter(|p| NAV_WORDS.contains(&p.to_lowercase().as_str()))
            .count();
        nav_parts += nav_here;
        if parts.len() >= 3 || (parts.len() == 2 && nav_here == 2) {
            glued = true;
        }
    }
    glued && nav_parts >= 2
}

/// A short Title-Case line without sentence-final punctuation: a headline in a list.
fn headline_like(line: &str) -> bool {
    let l = line.trim();
    if l.is_empty() || l.chars().count() > 120 || l.starts_with("By ") {
        return false;
    }
    // A credit line ("REUTER", "ARA") is not a headline.
    let credit = (2..=8).contains(&l.len()) && l.bytes().all(|b| b.is_ascii_uppercase());
    if credit {
        return false;
    }
    if l.ends_with(['.', '!', ';', ',', ':']) {
        return false;
    }
    if !l.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()) {
        return false;
    }
    let mut significant = 0usize;
    let mut capitalised = 0usize;
    for w in l.split_whitespace() {
        let w = w.trim_start_matches(|c: char| !c.is_alphanumeric());
        let Some(first) = w.chars().next() else {
            continue;
        };
        if !first.is_alphabetic() {
            continue;
        }
        if SMALL_WORDS.contains(&w.to_lowercase().as_str()) {
            continue;
        }
        significant += 1;
        if first.is_uppercase() {
            capitalised += 1;
        }
    }
    significant > 0 && capitalised * 10 >= significant * 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dropped_lines() {
        let cases = [
            "- 15 reads",
            "15 reads",
            "2 min",
            "5 min read",
            "1.2K shares",
            "1,234 views",
            "3 comments | 15 reads",
            "2 hours ago",
            "stats",
            "Related Articles",
            "Related Posts",
            "Read more",
            "Read More \u{bb}",
            "Read more: Putin says talks went well",
            "Leave a Reply",
            "Leave a Reply Cancel reply",
            "Your email address will not be published. Required fields are marked *",
            "Required fields are marked *",
            "Save my name, email, and website in this browser for the next time I comment.",
            "Back to top button",
            "Share this:",
            "Advertisement",
            "ADVERTISEMENT",
            "Subscribe",
            "Subscribe to our newsletter",
            "SUBSCRIBE NOW!",
            "Latest NewsUSWorld",
            "HomeNewsPolitics",
            "Upd. 12",
            "Updated 10:32",
            "\u{a9} 2025 Example Media. All rights reserved.",
            "Copyright \u{a9} 2025 Example Media",
            "Click to share on Facebook (Opens in new window)",
        ];
        for line in cases {
            let body =
                format!("First sentence of the article.\n{line}\nLast sentence of the article.");
            assert_eq!(
                clean_body(&body),
                "First sentence of the article.\nLast sentence of the article.",
                "{line:?}"
            );
        }
    }

    #[test]
    fn kept_lines() {
        let cases = [
            "The article had 15 reads before it was removed.",
            "He reads 15 books a year.",
            "15 readers wrote in.",
            "Subscribers complained about the price.",
            "Subscribe to the channel, he told supporters, and then left the stage to cheers from the crowd who had waited for hours in the cold.",
            "Related articles were removed from the site.",
            "Share prices fell.",
            "Updated March 12, 2025",
            "Upd. March 12",
            "ARA",
            "REUTERS",
            "By Tamilla Hasanova",
            "Trump denies media reports",
            "GlaxoSmithKline Shares Fall",
            "McDonald's Posts Profit",
            "YouTube Bans Channel",
            "BarcelonaDonald Trump's special envoy, Steve Witkoff, is already traveling to Moscow.",
            "Copyright law was changed.",
            "* * *",
            "2 million people fled.",
            "Stats show that prices rose.",
            "Advertisement revenue fell by 5%.",
            // Hard-wrapped sentences (newswire text).
            "share.",
            "848,200 shares.",
            "comments.",
            "advertisements.",
            "subscribe, from September 1 to 30, 1987, to a new issue",
            "subscribe to ordinary shares.",
            " (C) - Sales made on exporters' own account.",
        ];
        for line in cases {
            let body =
                format!("First sentence of the article.\n{line}\nLast sentence of the article.");
            assert_eq!(clean_body(&body), body, "{line:?}");
        }
    }

    #[test]
    fn trailing_headlines() {
        // After a marker, the Title-Case lines ending the text go.
        let body = "Article sentence one.\nArticle sentence two.\n- 15 reads\nHuman Rights\nKeys to Global Peace and Sustainability\nIs Peace Possible?";
        assert_eq!(
            clean_body(body),
            "Article sentence one.\nArticle sentence two."
        );
        // Without a marker they stay (they may be subheadings or a closing line).
        let body = "Article sentence one.\nHuman Rights\nKeys to Global Peace";
        assert_eq!(clean_body(body), body);
        // Subheadings before the marker stay; sentences after it stay.
        let body = "Article sentence one.\nA Subheading Here\nShare this:\nThis is a sentence that follows.";
        assert_eq!(
            clean_body(body),
            "Article sentence one.\nA Subheading Here\nThis is a sentence that follows."
        );
        // A headline-like line followed by a real paragraph is not a trailing block.
        let body = "Intro sentence.\nRelated Articles\nPeace Talks Resume\nThe talks resumed on Monday, officials said.";
        assert_eq!(
            clean_body(body),
            "Intro sentence.\nPeace Talks Resume\nThe talks resumed on Monday, officials said."
        );
        // Bylines and credit lines after a marker stay.
        let body = "Sentence.\nShare this:\nBy Tamilla Hasanova";
        assert_eq!(clean_body(body), "Sentence.\nBy Tamilla Hasanova");
        let body = "Sentence.\nShare this:\n REUTER";
        assert_eq!(clean_body(body), "Sentence.\n REUTER");
    }

    #[test]
    fn blank_lines_and_whitespace() {
        let cases = [
            ("a.\n\n\n\nb.", "a.\n\nb."),
            ("\n\n a.  \n\n", " a."),
            ("a.\r\n\r\nb.\r\n", "a.\n\nb."),
            ("a.\n\nAdvertisement\n\nb.", "a.\n\nb."),
            ("a.\nAdvertisement\nb.", "a.\nb."),
            ("a. \t\nb.", "a.\nb."),
            ("", ""),
            ("\n\n\n", ""),
            ("Advertisement", ""),
        ];
        for (body, want) in cases {
            assert_eq!(clean_body(body), want, "{body:?}");
        }
    }

    const SEED_000: &str = "On March 13, Steve Witkoff, the U.S. Special Envoy for Middle East Affairs under President Donald Trump, visited Moscow for talks. In addition to discussing the Ukraine issue, Witkoff's visit will also cover the future development of US-Russia relations and economic recovery.
Russian Foreign Ministry spokesperson Maria Zakharova also warned again on March 13 that Russia will not accept the deployment of foreign troops or foreign military bases in Ukraine. Such actions would be considered a direct hostile act against Russia, and appropriate measures would be taken in response.
On March 12, Putin appeared in military uniform in the Kursk region, instructing Russian forces to fully liberate areas previously controlled by Ukrainian forces. On March 13, Russian forces announced that they had fully taken control of the strategic town of Sudzha in the Kursk region. This town, with a population of 5,000, had been the largest target seized by Ukrainian forces after a cross-border attack last year.
- 15 reads
Human Rights
Conscience, Hope, and Action: Keys to Global Peace and Sustainability
Ringing FOWPAL\u{2019}s Peace Bell for the World:Nobel Peace Prize Laureates\u{2019} Visions and Actions
Protecting the World\u{2019}s Cultural Diversity for a Sustainable Future
The Peace Bell Resonates at the 27th Eurasian Economic Summit
Puppet Show I International Friendship Day 2020";

    const SEED_001: &str = "Steve Witkoff, acting as a representative of US President Donald Trump, travelled to Russia for discussions with Russian leader Vladimir Putin about a ceasefire with Ukraine.
However, Witkoff declined to answer whether the United States recognizes Russia's territorial gains.
Trump denies media reports
The meeting between Witkoff and Putin happened two days after the US and Ukraine reached an agreement on a proposal for a 30-day ceasefire.
Russia's demand concerned 14 countries, including Poland, the Czech Republic, Hungary, Lithuania, Latvia, Estonia, Bulgaria, Romania, Slovakia, and Slovenia.";

    const SEED_002: &str = "Latest NewsUSWorld

Putin \u{2018}accepts Trump\u{2019}s philosophy\u{2019} on ending Ukraine war, says US Special Envoy Steve Witkoff

Russian President Vladimir Putin has indicated that he aligns with US President Donald Trump\u{2019}s approach to ending the Ukraine war, according to US Special Envoy Steve Witkoff.

Putin open to Trump\u{2019}s philosophy on peace
\u{201c}President Trump wants to see an end to this. I think President Putin wants to see an end to this,\u{201d} Witkoff added.

New US Envoy to Ukraine appointed
Ahead of Trump\u{2019}s call with Putin, the White House announced that Gen. Keith Kellogg would now serve exclusively as Trump\u{2019}s special envoy to Ukraine.

As the Trump-Putin call approaches, all eyes will be on whether the discussions lead to a breakthrough in the ongoing conflict.

Related Articles

Leave a Reply

Your email address will not be published. Required fields are marked *

Back to top button";

    const SEED_003: &str = "The idea of a 30-day ceasefire was put forward by the US during discussions with Ukrainian representatives in Jeddah, Saudi Arabia, on March 11.
On March 16, US National Security Advisor Mike Waltz warned on Fox News that Washington may take action against Moscow if the Russian government does not agree to the proposed 30-day ceasefire.
By Tamilla Hasanova";

    const SEED_004: &str = "
Russian President accelerates assault to recapture Kursk province before negotiations

Russian President Vladimir Putin visited the Kursk region of Russia, partially occupied by Ukraine, on Wednesday.
ARA
Upd. 12
2 min

BarcelonaDonald Trump's special envoy for the conflicts in Ukraine and Gaza, Steve Witkoff, is already traveling to Moscow, where he plans to meet this Thursday with Russian President Vladimir Putin.

Russia says it has recaptured 86% of the territory occupied in Kursk

Russian Army Chief of Staff Valery Gerasimov explained during the visit that in the last five days Russian troops have recaptured \"24 settlements and 259 square kilometers of territory in the Kursk region.\" Gerasimov said, adding that Kiev had lost 67,000 men on this war front, a figure that Kyiv...

stats";

    /// Lines of `before` missing from `after`.
    fn removed(before: &str, after: &str) -> Vec<String> {
        let kept: Vec<&str> = after.lines().collect();
        before
            .lines()
            .map(str::trim_end)
            .filter(|l| !l.trim().is_empty() && !kept.contains(l))
            .map(String::from)
            .collect()
    }

    #[test]
    fn seeds() {
        let cases: &[(&str, &[&str])] = &[
            (
                SEED_000,
                &[
                    "- 15 reads",
                    "Human Rights",
                    "Conscience, Hope, and Action: Keys to Global Peace and Sustainability",
                    "Ringing FOWPAL\u{2019}s Peace Bell for the World:Nobel Peace Prize Laureates\u{2019} Visions and Actions",
                    "Protecting the World\u{2019}s Cultural Diversity for a Sustainable Future",
                    "The Peace Bell Resonates at the 27th Eurasian Economic Summit",
                    "Puppet Show I International Friendship Day 2020",
                ],
            ),
            (SEED_001, &[]),
            (
                SEED_002,
                &[
                    "Latest NewsUSWorld",
                    "Related Articles",
                    "Leave a Reply",
                    "Your email address will not be published. Required fields are marked *",
                    "Back to top button",
                ],
            ),
            (SEED_003, &[]),
            (SEED_004, &["Upd. 12", "2 min", "stats"]),
        ];
        for (i, (body, want)) in cases.iter().enumerate() {
            let cleaned = clean_body(body);
            assert_eq!(removed(body, &cleaned), *want, "seed {i}");
            // No blank-line runs, no trailing whitespace.
            assert!(!cleaned.contains("\n\n\n"), "seed {i}");
            assert!(cleaned.lines().all(|l| l == l.trim_end()), "seed {i}");
        }
        // Paragraph structure of seed 002 survives.
        let cleaned = clean_body(SEED_002);
        assert!(cleaned.starts_with("Putin \u{2018}accepts"));
        assert!(cleaned.ends_with("in the ongoing conflict."));
        assert!(cleaned.contains("peace\n\u{201c}President Trump"));
        assert!(cleaned.contains("Witkoff.\n\nPutin open"));
    }

    #[test]
    fn never_panics() {
        let long_line = "word ".repeat(100_000);
        let many_lines = "Advertisement\n\n".repeat(50_000);
        let inputs = [
            "",
            "\n",
            "\r",
            "\r\n",
            "-",
            "\u{a9}",
            "Upd.",
            "Upd. ",
            "1k",
            "k reads",
            "\u{e9}\u{301}",
            "\u{1F600}\u{1F600}",
            "AaAaAa",
            "\u{130}",
            long_line.as_str(),
            many_lines.as_str(),
        ];
        for body in inputs {
            let _ = clean_body(body);
        }
        assert_eq!(clean_body(&many_lines), "");
    }
}
