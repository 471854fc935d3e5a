//! Display windows: which parts of a passage the human printer shows. The sentences that
//! hold a match, with `context` sentences on each side, cut at sentence boundaries
//! (UAX #29); a window longer than the character limit is cut around its first match at
//! a word boundary. The printer marks cuts with "…". Limits count characters, not bytes.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// Longest window shown, in characters.
pub const MAX_WINDOW_CHARS: usize = 480;

/// Byte ranges of `text` to show, in order, not overlapping. `context: None` shows it all.
pub fn windows(
    text: &str,
    highlights: &[Range<usize>],
    context: Option<usize>,
) -> Vec<Range<usize>> {
    let Some(context) = context else {
        return std::iter::once(0..text.len()).collect();
    };
    let sentences: Vec<Range<usize>> = text
        .split_sentence_bound_indices()
        .map(|(start, s)| start..start + s.trim_end().len())
        .filter(|r| !r.is_empty())
        .collect();
    if sentences.is_empty() {
        return std::iter::once(0..text.len()).collect();
    }
    let hit: Vec<usize> = (0..sentences.len())
        .filter(|&i| {
            highlights
                .iter()
                .any(|h| h.start < sentences[i].end && h.end > sentences[i].start)
        })
        .collect();
    if hit.is_empty() {
        return vec![cut(
            text,
            sentences[0].start..sentences[sentences.len() - 1].end,
            None,
        )];
    }
    let mut out: Vec<Range<usize>> = Vec::new();
    for &i in &hit {
        let first = i.saturating_sub(context);
        let last = (i + context).min(sentences.len() - 1);
        let range = sentences[first].start..sentences[last].end;
        match out.last_mut() {
            Some(prev) if range.start <= prev.end + 1 => prev.end = prev.end.max(range.end),
            _ => out.push(range),
        }
    }
    out.into_iter()
        .map(|w| {
            let first = highlights
                .iter()
                .find(|h| h.start >= w.start && h.start < w.end);
            cut(text, w, first.map(|h| h.start))
        })
        .collect()
}

/// Shortens `window` to at most [`MAX_WINDOW_CHARS`] characters, keeping `anchor` (a
/// byte offset) in view, cutting at whitespace.
fn cut(text: &str, window: Range<usize>, anchor: Option<usize>) -> Range<usize> {
    let slice = &text[window.clone()];
    if slice.chars().count() <= MAX_WINDOW_CHARS {
        return window;
    }
    let anchor = anchor
        .unwrap_or(window.start)
        .clamp(window.start, window.end);
    // Start a third of the limit before the anchor, on a character boundary.
    let before: Vec<(usize, char)> = text[window.start..anchor].char_indices().collect();
    let back = MAX_WINDOW_CHARS / 3;
    let mut start = if before.len() > back {
        window.start + before[before.len() - back].0
    } else {
        window.start
    };
    if start > window.start {
        if let Some(space) = text[start..anchor].find(char::is_whitespace) {
            start += space + 1;
        }
    }
    let end = text[start..window.end]
        .char_indices()
        .nth(MAX_WINDOW_CHARS)
        .map_or(window.end, |(i, _)| start + i);
    let end = if end < window.end {
        text[start..end]
            .rfind(char::is_whitespace)
            .map_or(end, |i| start + i)
    } else {
        end
    };
    start..end.max(start)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shown<'a>(
        text: &'a str,
        highlights: &[Range<usize>],
        context: Option<usize>,
    ) -> Vec<&'a str> {
        windows(text, highlights, context)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn sentences_around_matches() {
        let text = "One. Two has it. Three. Four. Five has it. Six.";
        let two = text.find("it").unwrap();
        let five = text.rfind("it").unwrap();
        let hl = [two..two + 2, five..five + 2];
        assert_eq!(shown(text, &hl, Some(0)), ["Two has it.", "Five has it."]);
        assert_eq!(
            shown(text, &hl, Some(1)),
            ["One. Two has it. Three. Four. Five has it. Six."]
        );
        assert_eq!(shown(text, &hl, None), [text]);
    }

    #[test]
    fn long_sentence_is_cut_around_the_match_in_characters() {
        let text = format!("{} target {}", "é ".repeat(600), "ü ".repeat(600));
        let at = text.find("target").unwrap();
        let hl: Vec<Range<usize>> = std::iter::once(at..at + 6).collect();
        let w = windows(&text, &hl, Some(1));
        assert_eq!(w.len(), 1);
        let part = &text[w[0].clone()];
        assert!(part.contains("target"));
        assert!(part.chars().count() <= MAX_WINDOW_CHARS);
    }

    #[test]
    fn no_highlight_shows_the_start() {
        let text = "First sentence. Second sentence.";
        assert_eq!(shown(text, &[], Some(1)), [text]);
        assert_eq!(shown("", &[], Some(1)), [""]);
    }
}
