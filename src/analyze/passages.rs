//! Passage splitting: an article body becomes the units that search returns.
//!
//! A passage is a paragraph; a paragraph longer than the splitter's limit is cut at
//! sentence boundaries (UAX #29 sentences) into passages of bounded size, and a single
//! sentence longer than the hard limit is cut at a word boundary. A short heading line
//! (no closing punctuation) is joined to the paragraph that follows it, so no passage is
//! a bare heading. Lines wrapped inside a paragraph (the next line starts lowercase) are
//! one paragraph. Each passage keeps its byte range in the body it came from.

use std::ops::Range;

use unicode_segmentation::UnicodeSegmentation;

/// One passage of an article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Passage {
    /// 0-based position of the passage in its article.
    pub ordinal: usize,
    /// Byte range in the cleaned article body.
    pub range: Range<usize>,
}

/// Splits bodies into passages; build with [`PassageSplitter::new`] and adjust limits.
#[derive(Debug, Clone, Copy)]
pub struct PassageSplitter {
    /// Paragraphs up to this many bytes stay whole.
    pub target_bytes: usize,
    /// No passage exceeds this many bytes (a longer sentence is cut at a word boundary).
    pub max_bytes: usize,
    /// Lines up to this many bytes without closing punctuation count as headings.
    pub heading_bytes: usize,
}

impl Default for PassageSplitter {
    fn default() -> Self {
        PassageSplitter {
            target_bytes: 700,
            max_bytes: 1200,
            heading_bytes: 120,
        }
    }
}

/// Splits `body` with the default [`PassageSplitter`].
///
/// ```
/// let body = "Putin met Witkoff.\n\nThe talks lasted four hours.";
/// let passages = dossier::analyze::split_passages(body);
/// assert_eq!(passages.len(), 2);
/// assert_eq!(&body[passages[1].range.clone()], "The talks lasted four hours.");
/// ```
pub fn split_passages(body: &str) -> Vec<Passage> {
    PassageSplitter::default().split(body)
}

impl PassageSplitter {
    /// A splitter with the default limits.
    pub fn new() -> Self {
        Self::default()
    }

    /// Splits `body` into passages, in order, covering every non-blank paragraph.
    pub fn split(&self, body: &str) -> Vec<Passage> {
        let mut ranges = Vec::new();
        let mut pending_heading: Option<usize> = None;
        for para in paragraphs(body) {
            let text = &body[para.clone()];
            if self.is_heading(text) && pending_heading.is_none() {
                pending_heading = Some(para.start);
                continue;
            }
            let start = pending_heading.take().unwrap_or(para.start);
            self.split_paragraph(body, start..para.end, &mut ranges);
        }
        if let Some(start) = pending_heading {
            ranges.push(start..trim_end(body, body.len()));
        }
        ranges
            .into_iter()
            .enumerate()
            .map(|(ordinal, range)| Passage { ordinal, range })
            .collect()
    }

    fn is_heading(&self, text: &str) -> bool {
        text.len() <= self.heading_bytes
            && !text.ends_with(['.', '!', '?', '"', '”', '’', ':', ';', '…', ')'])
    }

    fn split_paragraph(&self, body: &str, para: Range<usize>, out: &mut Vec<Range<usize>>) {
        if para.len() <= self.target_bytes {
            out.push(para);
            return;
        }
        let text = &body[para.clone()];
        let mut current: Option<Range<usize>> = None;
        for (offset, sentence) in text.split_sentence_bound_indices() {
            let start = para.start + offset;
            let end = trim_end(body, start + sentence.len());
            if end <= start {
                continue;
            }
            match current.as_mut() {
                Some(cur) if end - cur.start <= self.target_bytes => cur.end = end,
                Some(_) => {
                    out.extend(current.take());
                    current = Some(start..end);
                }
                None => current = Some(start..end),
            }
            if let Some(cur) = current.as_ref() {
                if cur.len() > self.max_bytes {
                    let long = current.take().unwrap_or(start..end);
                    self.cut_long(body, long, out);
                }
            }
        }
        out.extend(current);
    }

    /// Cuts a range longer than `max_bytes` at word boundaries.
    fn cut_long(&self, body: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
        let mut start = range.start;
        while range.end - start > self.max_bytes {
            let mut cut = start + self.target_bytes;
            while !body.is_char_boundary(cut) {
                cut -= 1;
            }
            let window = &body[start..cut];
            let at_space = window.rfind(char::is_whitespace).map(|i| start + i);
            let cut = match at_space {
                Some(space) if space > start => space,
                _ => cut,
            };
            out.push(start..trim_end(body, cut));
            start = skip_space(body, cut);
        }
        if start < range.end {
            out.push(start..range.end);
        }
    }
}

/// Paragraph byte ranges: non-blank lines, with wrapped continuation lines joined.
fn paragraphs(body: &str) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = Vec::new();
    let mut offset = 0;
    let mut previous_blank = true;
    for line in body.split_inclusive('\n') {
        let start = offset;
        offset += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            previous_blank = true;
            continue;
        }
        let lead = start + (line.len() - line.trim_start().len());
        let end = trim_end(body, offset);
        let continues = !previous_blank
            && trimmed.starts_with(|c: char| c.is_lowercase())
            && out
                .last()
                .is_some_and(|last| !body[last.clone()].ends_with(['.', '!', '?', '"', '”', ':']));
        match out.last_mut() {
            Some(last) if continues => last.end = end,
            _ => out.push(lead..end),
        }
        previous_blank = false;
    }
    out
}

fn trim_end(body: &str, end: usize) -> usize {
    body[..end].trim_end().len()
}

fn skip_space(body: &str, from: usize) -> usize {
    from + (body[from..].len() - body[from..].trim_start().len())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(body: &str) -> Vec<&str> {
        split_passages(body)
            .into_iter()
            .map(|p| &body[p.range])
            .collect()
    }

    #[test]
    fn paragraphs_become_passages() {
        let body = "First paragraph here.\nSecond one.\n\nThird one.\n";
        assert_eq!(
            texts(body),
            ["First paragraph here.", "Second one.", "Third one."]
        );
    }

    #[test]
    fn heading_joins_next_paragraph() {
        let body = "Trump denies media reports\nThe meeting happened.\n";
        assert_eq!(
            texts(body),
            ["Trump denies media reports\nThe meeting happened."]
        );
    }

    #[test]
    fn wrapped_lines_are_one_paragraph() {
        let body = "The talks went on\nfor hours in Moscow.\nNext paragraph.";
        assert_eq!(
            texts(body),
            ["The talks went on\nfor hours in Moscow.", "Next paragraph."]
        );
    }

    #[test]
    fn long_paragraph_splits_at_sentences_within_limits() {
        let sentence = "Putin met the envoy in Moscow on Thursday for talks. ";
        let body = sentence.repeat(60);
        let splitter = PassageSplitter::default();
        let passages = splitter.split(&body);
        assert!(passages.len() > 1);
        for p in &passages {
            let text = &body[p.range.clone()];
            assert!(p.range.len() <= splitter.max_bytes);
            assert!(text.ends_with('.'), "cut mid-sentence: {text:?}");
        }
    }

    #[test]
    fn giant_sentence_is_cut_at_words() {
        let body = "word ".repeat(1000);
        let splitter = PassageSplitter::default();
        let passages = splitter.split(&body);
        assert!(passages.len() > 3);
        for p in &passages {
            assert!(p.range.len() <= splitter.max_bytes);
            assert!(!body[p.range.clone()].starts_with(' '));
        }
    }

    #[test]
    fn ordinals_count_up_and_ranges_are_ordered() {
        let body = "A.\n\nB.\n\nC.";
        let passages = split_passages(body);
        let ordinals: Vec<usize> = passages.iter().map(|p| p.ordinal).collect();
        assert_eq!(ordinals, [0, 1, 2]);
        assert!(passages
            .windows(2)
            .all(|w| w[0].range.end <= w[1].range.start));
    }

    #[test]
    fn multibyte_text_never_panics() {
        let body = "é".repeat(2000) + "\n" + &"日本語".repeat(500);
        let _ = split_passages(&body);
        let _ = split_passages("");
        let _ = split_passages("\n\n\n");
    }
}
