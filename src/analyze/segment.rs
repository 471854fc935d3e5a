//! Word segmentation for the tokenizer and the entity scanner: the segments of Unicode
//! word boundaries
//! (UAX #29, as `unicode_segmentation::split_word_bound_indices` gives them), with an
//! ASCII fast path.
//!
//! ASCII text is cut by a small byte loop that follows the UAX #29 rules for ASCII:
//! runs of letters, digits and `_` are words; `.`, `'` and `:` between two letters
//! ("U.S", "don't") and `.`, `'`, `,`, `;` between two digits ("12.71", "1,500") stay
//! inside the word; a run of spaces is one segment; any other character is a
//! segment of its own. As soon as a segment touches a non-ASCII character, the
//! stretch from the start of that segment up to the next ASCII space followed by an
//! ASCII character other than whitespace is handed to the UAX #29 segmenter, so names
//! such as "Zelensky’s" or "Élysée" are cut exactly as before. Both ends of such a
//! stretch are word boundaries under UAX #29 (a segment start, and a pair that no rule
//! joins), so the two paths give the same segments.

use unicode_segmentation::{UWordBoundIndices, UnicodeSegmentation};

/// Iterator over `(byte offset, segment)` of a text.
pub(crate) struct WordSegments<'a> {
    text: &'a str,
    pos: usize,
    /// The UAX #29 segmenter over a non-ASCII stretch, with the stretch's offset.
    slow: Option<(usize, UWordBoundIndices<'a>)>,
}

impl<'a> WordSegments<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        WordSegments {
            text,
            pos: 0,
            slow: None,
        }
    }

    /// The offset of the next segment when it will be cut by the ASCII path (no
    /// UAX #29 stretch under way): a caller may then read plain ASCII words itself
    /// and [`skip_to`](Self::skip_to) past them.
    #[inline]
    pub(crate) fn ascii_pos(&self) -> Option<usize> {
        self.slow.is_none().then_some(self.pos)
    }

    /// Goes on from `pos`, which must be a segment end the caller found on the ASCII
    /// path (after [`ascii_pos`](Self::ascii_pos)).
    #[inline]
    pub(crate) fn skip_to(&mut self, pos: usize) {
        debug_assert!(self.slow.is_none() && pos >= self.pos && self.text.is_char_boundary(pos));
        self.pos = pos;
    }

    /// Hands `text[start..]` to UAX #29 up to the next position that is a word
    /// boundary whatever comes before it: an ASCII space followed by an ASCII
    /// character other than whitespace (no UAX #29 rule joins across that pair).
    fn fall_back(&mut self, start: usize) -> Option<(usize, &'a str)> {
        let bytes = self.text.as_bytes();
        let mut end = start + 1;
        while end < bytes.len()
            && !(bytes[end - 1] == b' '
                && bytes[end].is_ascii()
                && !bytes[end].is_ascii_whitespace())
        {
            end += 1;
        }
        let end = end.min(bytes.len());
        // `start` is a segment start and `end` an ASCII byte (or the end): both are
        // character boundaries.
        let part = self.text.get(start..end)?;
        self.pos = end;
        let mut it = part.split_word_bound_indices();
        let first = it.next().map(|(o, s)| (o + start, s));
        self.slow = Some((start, it));
        first
    }
}

/// The end of the run of ASCII lowercase letters of `b` that starts at `i` (`i` itself
/// when `b[i]` is none). Eight bytes are tested at a time, so that the end of a word
/// is computed rather than found by a branch per byte.
#[inline]
pub(crate) fn lowercase_run_end(b: &[u8], i: usize) -> usize {
    run_end(b, i, 0)
}

/// The end of the run of ASCII letters (either case) of `b` that starts at `i`.
#[inline]
pub(crate) fn letter_run_end(b: &[u8], i: usize) -> usize {
    run_end(b, i, 0x2020_2020_2020_2020)
}

/// [`lowercase_run_end`] of the bytes OR `fold` (0x20 in each byte folds capitals to
/// lowercase and maps no other byte into `a..=z`).
#[inline]
fn run_end(b: &[u8], mut i: usize, fold: u64) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    while let Some(chunk) = b.get(i..i + 8) {
        let Ok(bytes) = <[u8; 8]>::try_from(chunk) else {
            break;
        };
        let x = u64::from_le_bytes(bytes) | fold;
        // Per byte, the high bit of x + 0x1f is set from b'a' up, that of x + 0x05 from
        // b'{' up (bytes of 0x80 and more carry into the next byte, but only bytes
        // after the first byte outside the run are affected).
        let from_a = x.wrapping_add(0x1f1f_1f1f_1f1f_1f1f);
        let past_z = x.wrapping_add(0x0505_0505_0505_0505);
        let inside = from_a & !past_z & !x & HIGH;
        let outside = !inside & HIGH;
        if outside != 0 {
            return i + (outside.trailing_zeros() / 8) as usize;
        }
        i += 8;
    }
    while b
        .get(i)
        .is_some_and(|&c| (c | fold as u8).is_ascii_lowercase())
    {
        i += 1;
    }
    i
}

/// `c` between two ASCII letters keeps them in one word ("U.S", "don't"; UAX #29
/// MidLetter and MidNumLet for ASCII).
#[inline]
pub(crate) fn joins_letters(c: u8) -> bool {
    matches!(c, b'.' | b'\'' | b':')
}

/// `c` between two ASCII digits keeps them in one number ("12.71", "1,500"; UAX #29
/// MidNum and MidNumLet for ASCII).
#[inline]
pub(crate) fn joins_digits(c: u8) -> bool {
    matches!(c, b'.' | b'\'' | b',' | b';')
}

/// `WORD_BYTE[b]`: `b` is an ASCII letter, digit or `_`.
static WORD_BYTE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'_';
        b += 1;
    }
    t
};

#[inline]
fn is_word_byte(b: u8) -> bool {
    WORD_BYTE[usize::from(b)]
}

impl<'a> Iterator for WordSegments<'a> {
    type Item = (usize, &'a str);

    fn next(&mut self) -> Option<(usize, &'a str)> {
        if let Some((base, it)) = &mut self.slow {
            if let Some((o, s)) = it.next() {
                return Some((o + *base, s));
            }
            self.slow = None;
        }
        let bytes = self.text.as_bytes();
        let start = self.pos;
        let &b = bytes.get(start)?;
        if b >= 0x80 {
            return self.fall_back(start);
        }
        let mut i = start + 1;
        if is_word_byte(b) {
            loop {
                // Letters eight at a time, other word bytes one by one.
                loop {
                    i = letter_run_end(bytes, i);
                    if bytes.get(i).is_some_and(|&c| is_word_byte(c)) {
                        i += 1;
                    } else {
                        break;
                    }
                }
                let Some(&c) = bytes.get(i) else { break };
                // The byte before `i` is a word byte (the segment's last).
                let prev = bytes[i - 1];
                if c >= 0x80 {
                    return self.fall_back(start);
                }
                let next = bytes.get(i + 1).copied().unwrap_or(0);
                if next >= 0x80 && matches!(c, b'.' | b'\'' | b':' | b',' | b';') {
                    return self.fall_back(start);
                }
                let mid_letter =
                    prev.is_ascii_alphabetic() && next.is_ascii_alphabetic() && joins_letters(c);
                let mid_num = prev.is_ascii_digit() && next.is_ascii_digit() && joins_digits(c);
                if mid_letter || mid_num {
                    i += 2;
                    continue;
                }
                break;
            }
        } else if b == b' ' {
            while i < bytes.len() && bytes[i] == b' ' {
                i += 1;
            }
        } else if b == b'\r' && bytes.get(i) == Some(&b'\n') {
            i += 1;
        }
        // A non-ASCII character right after the segment may belong to it (a combining
        // mark, a joiner, a space of another script): UAX #29 decides.
        if bytes.get(i).is_some_and(|&c| c >= 0x80) {
            return self.fall_back(start);
        }
        self.pos = i;
        // Segment ends are ASCII bytes or the end of the text.
        self.text.get(start..i).map(|s| (start, s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uax(s: &str) -> Vec<(usize, &str)> {
        s.split_word_bound_indices().collect()
    }

    fn fast(s: &str) -> Vec<(usize, &str)> {
        WordSegments::new(s).collect()
    }

    #[test]
    fn runs_of_letters_end_where_a_byte_loop_ends_them() {
        let text = "abcdefghijklmnopqrstuvwxyz ABCxyz`{@[ 0123 é ab\u{a0}cd zzzzzzzzzzzzzzzzz";
        let b = text.as_bytes();
        for i in 0..=b.len() {
            let mut lower = i;
            while b.get(lower).is_some_and(u8::is_ascii_lowercase) {
                lower += 1;
            }
            let mut letters = i;
            while b.get(letters).is_some_and(u8::is_ascii_alphabetic) {
                letters += 1;
            }
            assert_eq!(lowercase_run_end(b, i), lower, "lowercase from {i}");
            assert_eq!(letter_run_end(b, i), letters, "letters from {i}");
        }
        // Every byte value, at every position of an 8-byte chunk.
        for v in 0..=255u8 {
            for at in 0..9 {
                let mut b = vec![b'q'; 12];
                if at < b.len() {
                    b[at] = v;
                }
                let want = if v.is_ascii_lowercase() { 12 } else { at };
                assert_eq!(lowercase_run_end(&b, 0), want, "byte {v:#x} at {at}");
                let want = if v.is_ascii_alphabetic() { 12 } else { at };
                assert_eq!(letter_run_end(&b, 0), want, "byte {v:#x} at {at}");
            }
        }
    }

    #[test]
    fn ascii_matches_uax29() {
        for s in [
            "",
            "Hello, world!",
            "U.S. President Donald Trump's envoy met Putin in Moscow on 1996-08-30.",
            "He paid $23.4 million (1,500 shares) at 4:08.22; don't ask.",
            "a_b c:d e.f 12.71 1'000 x'y 3,4,5 7;8 A.B.C. 'quoted' \"double\"",
            "multiple   spaces\tand\ttabs  ",
            "US-Russia al-Assad ... -- !!! ?? (x) [y] {z}",
            "trailing.",
            "ends with colon:",
            "G7 3rd 1990s x1y2",
        ] {
            assert_eq!(fast(s), uax(s), "{s:?}");
        }
    }

    #[test]
    fn non_ascii_falls_back_to_uax29() {
        for s in [
            "Zelensky’s plan",
            "the Élysée Palace, “quoted” — dash",
            "naïve café résumé",
            "abc.déf 1.٢ x’y",
            "日本語のテキスト and English",
            "e\u{301}clair and a\u{301}",
            "emoji 👍🏽 ok",
        ] {
            assert_eq!(fast(s), uax(s), "{s:?}");
        }
    }

    #[test]
    fn pseudo_random_text_matches_uax29() {
        let pieces = [
            "a",
            "Z",
            "7",
            "0",
            "_",
            ".",
            "'",
            ":",
            ",",
            ";",
            "-",
            " ",
            "  ",
            "\t",
            "\r\n",
            "\n",
            "\"",
            "(",
            "$",
            "%",
            "é",
            "’",
            "—",
            "日",
            "\u{301}",
            "ü",
            "٢",
            "👍",
            "\u{200d}",
            "\u{3000}",
            "\u{a0}",
            "\u{1f1e9}",
            "ア",
        ];
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            let mut s = String::new();
            for _ in 0..(x % 24) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                s.push_str(pieces[(x % pieces.len() as u64) as usize]);
            }
            x = x.wrapping_add(0x2545_f491_4f6c_dd1d);
            assert_eq!(fast(&s), uax(&s), "{s:?}");
        }
    }

    #[test]
    fn segments_cover_the_text() {
        let s = "Mixed ASCII, naïve’s — text... 12.5% (ok) ünïcödé";
        let joined: String = fast(s).into_iter().map(|x| x.1).collect();
        assert_eq!(joined, s);
    }
}
