//! Byte decoding: UTF-8 (BOM stripped), UTF-16 with a BOM, and Windows-1252 for
//! anything that is not valid UTF-8 (the usual encoding of old web and wire text, where
//! curly quotes are bytes 0x91-0x94). Text containing NUL bytes is binary.

use encoding_rs::{Encoding, UTF_8, WINDOWS_1252};

/// Decoded text and the name of the encoding it was read as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Decoded {
    /// The text, with `\r\n` line ends turned into `\n`.
    pub text: String,
    /// "utf-8", "utf-16le", "utf-16be" or "windows-1252".
    pub encoding: &'static str,
}

/// Decodes file bytes to text; `None` for binary data.
pub fn decode_text(bytes: &[u8]) -> Option<Decoded> {
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        let (text, _) = encoding.decode_without_bom_handling(&bytes[bom_len..]);
        if encoding != UTF_8 || !text.contains('\u{FFFD}') {
            return finish(text.into_owned(), label(encoding));
        }
    }
    if bytes.contains(&0) {
        return None;
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => finish(text.to_string(), "utf-8"),
        Err(_) => {
            let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            let (text, _) = WINDOWS_1252.decode_without_bom_handling(body);
            finish(text.into_owned(), "windows-1252")
        }
    }
}

/// The text [`decode_text`] would give for `bytes`, borrowed, when that is plain UTF-8
/// (after a UTF-8 BOM, if any) apart from `\r` line ends, which [`normalize_line_ends`]
/// then turns into `\n` piece by piece. `None` when `decode_text` has more to do (UTF-16,
/// Windows-1252) or nothing to give (NUL bytes).
pub fn utf8_text(bytes: &[u8]) -> Option<&str> {
    let text = match Encoding::for_bom(bytes) {
        Some((encoding, _)) if encoding != UTF_8 => return None,
        // decode_text keeps the text after the BOM unless it holds U+FFFD (invalid
        // UTF-8 or a literal one): then the whole bytes, BOM included, as below.
        Some((_, bom_len)) => match std::str::from_utf8(&bytes[bom_len..]) {
            Ok(text) if !text.contains('\u{FFFD}') => text,
            _ => std::str::from_utf8(bytes).ok()?,
        },
        None => std::str::from_utf8(bytes).ok()?,
    };
    (!text.contains('\0')).then_some(text)
}

/// `\r\n` and lone `\r` line ends turned into `\n`, as [`decode_text`] does. Pieces of a
/// text cut after a `\n` give, end to end, the same as the whole.
pub fn normalize_line_ends(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\r') {
        text.replace("\r\n", "\n").replace('\r', "\n").into()
    } else {
        text.into()
    }
}

fn finish(text: String, encoding: &'static str) -> Option<Decoded> {
    if text.contains('\0') {
        return None;
    }
    let text = match normalize_line_ends(&text) {
        std::borrow::Cow::Owned(normalized) => normalized,
        std::borrow::Cow::Borrowed(_) => text,
    };
    Some(Decoded { text, encoding })
}

fn label(encoding: &'static Encoding) -> &'static str {
    match encoding.name() {
        "UTF-16LE" => "utf-16le",
        "UTF-16BE" => "utf-16be",
        _ => "utf-8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table() {
        let cases: &[(&[u8], Option<&str>)] = &[
            (b"plain", Some("plain")),
            (b"\xEF\xBB\xBFwith bom", Some("with bom")),
            (
                b"\x93quoted\x94 it\x92s",
                Some("\u{201C}quoted\u{201D} it\u{2019}s"),
            ),
            (b"caf\xE9", Some("caf\u{e9}")),
            (b"a\x00b", None),
            (b"\xFF\xFEh\x00i\x00", Some("hi")),
            (b"line\r\nend\r", Some("line\nend\n")),
            (b"", Some("")),
        ];
        for (bytes, expected) in cases {
            let got = decode_text(bytes).map(|d| d.text);
            assert_eq!(got.as_deref(), *expected, "decoding {bytes:?}");
        }
    }

    #[test]
    fn borrowed_utf8_matches_decoding() {
        let cases: &[&[u8]] = &[
            b"plain",
            b"\xEF\xBB\xBFwith bom",
            b"\xEF\xBB\xBFbom then \xEF\xBF\xBD replacement",
            b"\xEF\xBB\xBFbom then bad \xFF",
            b"\x93quoted\x94",
            b"a\x00b",
            b"\xEF\xBB\xBFa\x00b",
            b"\xFF\xFEh\x00i\x00",
            b"line\r\nend\r",
            b"",
        ];
        for bytes in cases {
            if let Some(text) = utf8_text(bytes) {
                let whole = decode_text(bytes).map(|d| d.text);
                assert_eq!(
                    Some(normalize_line_ends(text).into_owned()),
                    whole,
                    "{bytes:?}"
                );
            }
        }
        assert!(utf8_text(b"caf\xE9").is_none());
        assert!(utf8_text(b"a\x00b").is_none());
        assert!(utf8_text(b"\xFF\xFEh\x00i\x00").is_none());
        assert_eq!(utf8_text(b"\xEF\xBB\xBFx"), Some("x"));
    }
}
