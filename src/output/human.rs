//! The human printer: one block per hit (rank, score, title, date, source, path,
//! passage), matches in bold red on a terminal, or wrapped in `[[` `]]` without colour.

use std::io;
use std::ops::Range;

use termcolor::{Color, ColorSpec, WriteColor};

use crate::search::{Hit, Results};

/// Opening mark for a match when colour is off.
pub const MARK_OPEN: &str = "[[";
/// Closing mark for a match when colour is off.
pub const MARK_CLOSE: &str = "]]";

/// Prints hits for people.
pub struct HumanPrinter<W> {
    out: W,
    context: Option<usize>,
}

fn spec(color: Option<Color>, bold: bool) -> ColorSpec {
    let mut spec = ColorSpec::new();
    spec.set_fg(color).set_bold(bold);
    spec
}

impl<W: WriteColor> HumanPrinter<W> {
    /// A printer over `out`; colour is decided by `out.supports_color()`.
    pub fn new(out: W) -> Self {
        HumanPrinter {
            out,
            context: Some(1),
        }
    }

    /// Sentences of context around matches; `None` prints whole passages.
    pub fn context(mut self, context: Option<usize>) -> Self {
        self.context = context;
        self
    }

    /// Prints all hits, then flushes.
    pub fn print(&mut self, results: &Results) -> io::Result<()> {
        for (i, hit) in results.hits.iter().enumerate() {
            if i > 0 {
                writeln!(self.out)?;
            }
            self.hit(hit)?;
        }
        self.out.flush()
    }

    fn hit(&mut self, hit: &Hit) -> io::Result<()> {
        self.out.set_color(&spec(Some(Color::Green), true))?;
        write!(self.out, "{:>2}.", hit.rank)?;
        self.out.reset()?;
        write!(self.out, " ")?;
        self.marked(&hit.title, &hit.title_highlights, spec(None, true))?;
        writeln!(self.out)?;
        self.out.set_color(&spec(Some(Color::Magenta), false))?;
        write!(self.out, "    {}", hit.path)?;
        self.out.reset()?;
        match hit.matched_passages {
            Some(n) => writeln!(
                self.out,
                " · passage {} · {n} passage{} matched · score {:.2}",
                hit.passage,
                if n == 1 { "" } else { "s" },
                hit.score
            )?,
            None => writeln!(
                self.out,
                " · passage {} · score {:.2}",
                hit.passage, hit.score
            )?,
        }
        writeln!(self.out, "    {} · {}", date_label(hit), source_label(hit))?;
        write!(self.out, "    ")?;
        let windows = super::window::windows(&hit.text, &hit.highlights, self.context);
        for (i, window) in windows.iter().enumerate() {
            if i > 0 {
                write!(self.out, " ")?;
            }
            if window.start > 0 {
                write!(self.out, "… ")?;
            }
            let inside: Vec<Range<usize>> = hit
                .highlights
                .iter()
                .filter(|h| h.start >= window.start && h.end <= window.end)
                .map(|h| h.start - window.start..h.end - window.start)
                .collect();
            self.marked(&hit.text[window.clone()], &inside, ColorSpec::new())?;
            if window.end < hit.text.trim_end().len() {
                write!(self.out, " …")?;
            }
        }
        writeln!(self.out)
    }

    /// Writes `text` with `ranges` marked, indenting continuation lines.
    fn marked(&mut self, text: &str, ranges: &[Range<usize>], base: ColorSpec) -> io::Result<()> {
        let color = self.out.supports_color();
        let mut at = 0;
        for range in ranges {
            let (start, end) = (range.start.min(text.len()), range.end.min(text.len()));
            if start < at || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
                continue;
            }
            self.out.set_color(&base)?;
            write!(self.out, "{}", indent(&text[at..start]))?;
            if color {
                self.out.set_color(&spec(Some(Color::Red), true))?;
                write!(self.out, "{}", indent(&text[start..end]))?;
            } else {
                write!(
                    self.out,
                    "{MARK_OPEN}{}{MARK_CLOSE}",
                    indent(&text[start..end])
                )?;
            }
            at = end;
        }
        self.out.set_color(&base)?;
        write!(self.out, "{}", indent(&text[at..]))?;
        self.out.reset()
    }
}

/// Continuation lines of a passage line up under its first line.
fn indent(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\n', "\n    "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

fn date_label(hit: &Hit) -> String {
    match hit.date {
        Some(date) => format!("{date} ({})", hit.date_provenance),
        None => "date unknown".to_string(),
    }
}

fn source_label(hit: &Hit) -> String {
    match &hit.source {
        Some(source) => format!("{source} ({})", hit.source_provenance),
        None => "source unknown".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use termcolor::NoColor;

    fn hit(text: &str, highlights: Vec<Range<usize>>) -> Hit {
        Hit {
            rank: 1,
            score: 1.5,
            article_id: "abc".into(),
            path: "corpus/a.txt".into(),
            title: "Title".into(),
            date: None,
            date_provenance: "unknown".into(),
            source: Some("CNN".into()),
            source_provenance: "text".into(),
            passage: 2,
            passage_range: 0..text.len() as u64,
            text: text.into(),
            highlights,
            title_highlights: vec![],
            matched_passages: None,
        }
    }

    #[test]
    fn plain_output_brackets_matches() {
        let results = Results {
            hits: vec![hit(
                "a 30-day ceasefire now",
                std::iter::once(2..18).collect(),
            )],
            total_passages: 1,
            total_articles: None,
            widened: vec![],
            fell_back_to_any: false,
            suggestion: None,
            undated_articles: None,
            parsed: String::new(),
            warnings: vec![],
            elapsed_ms: 0.0,
        };
        let mut printer = HumanPrinter::new(NoColor::new(Vec::new()));
        printer.print(&results).unwrap();
        let out = String::from_utf8(printer.out.into_inner()).unwrap();
        assert!(out.contains("a [[30-day ceasefire]] now"), "{out}");
        assert!(
            out.contains("corpus/a.txt · passage 2 · score 1.50"),
            "{out}"
        );
        assert!(out.contains("date unknown · CNN (text)"), "{out}");
    }
}
