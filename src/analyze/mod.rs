//! Text analysis: the tokenizer and analyzers registered with tantivy, and passage
//! splitting. Indexing, query building and highlighting all tokenize through here, so a
//! word is the same word everywhere.

pub mod numbers;
pub mod passages;
pub(crate) mod segment;
pub mod tokenizer;
pub mod variants;

use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, Stemmer,
    TextAnalyzer, TokenizerManager,
};

pub use passages::{split_passages, Passage, PassageSplitter};
pub use tokenizer::WordTokenizer;

/// Name of the analyzer for words matched as written (lowercased, accents folded).
pub const EXACT: &str = "dossier_exact";
/// Name of the analyzer for words matched by stem (exact + English Snowball stemmer).
pub const STEMMED: &str = "dossier_stem";

/// Version of the analysis: bump it when tokens change, so that incremental indexing
/// reads every file again instead of mixing old and new tokens.
pub const ANALYSIS_VERSION: u32 = 2;

/// Tokens longer than this many bytes are dropped (URLs, base64 junk).
const MAX_TOKEN_BYTES: usize = 64;

/// The analyzer that keeps words as written, up to case and accents.
pub fn exact_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The analyzer that reduces words to their English stem (`ceasefires` → `ceasefir`).
pub fn stemmed_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(WordTokenizer::default())
        .filter(RemoveLongFilter::limit(MAX_TOKEN_BYTES))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The analyzer that stems one word already analysed by [`exact_analyzer`], whole: the
/// stemmed analyzer's result for it, without tokenizing again.
pub fn word_stemmer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(Stemmer::new(Language::English))
        .build()
}

/// Registers both analyzers under [`EXACT`] and [`STEMMED`].
pub fn register(manager: &TokenizerManager) {
    manager.register(EXACT, exact_analyzer());
    manager.register(STEMMED, stemmed_analyzer());
}

/// One analyzed token: its normalised text, position and byte range in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnalyzedToken {
    /// Normalised form, as stored in the index.
    pub text: String,
    /// Word position (consecutive words differ by one).
    pub position: usize,
    /// Byte offset where the surface form starts.
    pub start: usize,
    /// Byte offset where the surface form ends.
    pub end: usize,
}

/// Runs `analyzer` over `text` and collects the tokens.
pub fn analyze(analyzer: &mut TextAnalyzer, text: &str) -> Vec<AnalyzedToken> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    stream.process(&mut |token| {
        out.push(AnalyzedToken {
            text: token.text.clone(),
            position: token.position,
            start: token.offset_from,
            end: token.offset_to,
        })
    });
    out
}

/// The normalised terms of `text` under `analyzer`, in order.
///
/// ```
/// use dossier::analyze::{exact_analyzer, stemmed_analyzer, terms};
/// assert_eq!(terms(&mut exact_analyzer(), "Russia’s 30-day ceasefire"), ["russia", "30", "day", "ceasefire"]);
/// assert_eq!(terms(&mut stemmed_analyzer(), "ceasefires"), ["ceasefir"]);
/// ```
pub fn terms(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    analyze(analyzer, text)
        .into_iter()
        .map(|t| t.text)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_folds_case_and_accents() {
        assert_eq!(
            terms(&mut exact_analyzer(), "Café Zürich’s"),
            ["cafe", "zurich"]
        );
    }

    #[test]
    fn stemmed_reduces_plurals() {
        let mut stem = stemmed_analyzer();
        assert_eq!(
            terms(&mut stem, "ceasefires"),
            terms(&mut stem, "ceasefire")
        );
    }

    #[test]
    fn hyphen_and_space_give_the_same_terms() {
        let mut exact = exact_analyzer();
        assert_eq!(
            terms(&mut exact, "30-day ceasefire"),
            terms(&mut exact, "30 day ceasefire")
        );
    }
}
