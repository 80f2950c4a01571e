//! The [`Document`] value and the [`Stage`] trait stages implement.

use crate::layers::*;
use crate::span::{CharIndex, Span};
use crate::Date;
use serde_json::{Map, Value};

/// Metadata that came with a document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Meta {
    /// Document id: given, else the file stem, else a content hash.
    pub id: String,
    /// Publication date, the anchor for relative times.
    pub published: Option<Date>,
    /// Title, when known.
    pub title: Option<String>,
    /// Source URL, when known.
    pub url: Option<String>,
    /// Outlet (newspaper, agency), when known.
    pub outlet: Option<String>,
    /// Where the document was read from (file path, `file:line` for JSONL, `-` for stdin).
    pub origin: Option<String>,
    /// Unknown input fields, kept verbatim.
    pub extra: Map<String, Value>,
}

/// Normalised text with an alignment back to the original text.
///
/// `text` is the matching form (see `rasd-text`): diacritics and tatweel removed, letter
/// variants folded, digits made ASCII. `src[i]` is the byte span of the original text that
/// normalised byte `i` came from; characters removed by normalisation are attached to the
/// neighbouring kept character so every normalised span maps back to a span of the
/// original that covers the whole written word.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Normalized {
    /// The normalised text.
    pub text: String,
    /// For each byte of `text`, the original byte span it came from.
    pub src: Vec<Span>,
}

impl Normalized {
    /// Maps a byte span of the normalised text to the original text.
    pub fn to_original(&self, span: Span) -> Span {
        if span.is_empty() {
            let at = self
                .src
                .get(span.start)
                .map(|s| s.start)
                .or_else(|| self.src.last().map(|s| s.end))
                .unwrap_or(0);
            return Span::new(at, at);
        }
        let start = self.src.get(span.start).map(|s| s.start).unwrap_or(0);
        let end = self.src.get(span.end - 1).map(|s| s.end).unwrap_or(start);
        Span::new(start, end.max(start))
    }
}

/// A document and all its annotation layers.
#[derive(Clone, Debug, Default)]
pub struct Document {
    /// Metadata.
    pub meta: Meta,
    /// The original text exactly as read.
    pub text: String,
    /// Detected language (ISO 639-1).
    pub lang: Option<String>,
    /// Normalised text (filled by the normalise stage).
    pub norm: Normalized,
    /// Sentences (segment stage).
    pub sentences: Vec<Sentence>,
    /// Tokens with clitic analysis (segment stage).
    pub tokens: Vec<Token>,
    /// Entity mentions after the recogniser's merge policy (recognise stage).
    pub mentions: Vec<Mention>,
    /// Entities (resolve stage).
    pub entities: Vec<Entity>,
    /// Time expressions (times stage).
    pub times: Vec<Time>,
    /// Quantities (quantities stage).
    pub quantities: Vec<Quantity>,
    /// Events (events and attribute stages).
    pub events: Vec<Event>,
}

impl Document {
    /// A new document with no annotations.
    pub fn new(meta: Meta, text: String) -> Self {
        Document {
            meta,
            text,
            ..Default::default()
        }
    }

    /// The original text under a byte span (`""` if the span is not on char boundaries).
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The normalised text of a token.
    pub fn token_norm(&self, t: &Token) -> &str {
        t.norm.slice(&self.norm.text)
    }

    /// The normalised token without conjunction/preposition proclitics and enclitic, but
    /// with the article: «وبالجزائر» → «الجزائر», «للجيش» → «الجيش».
    pub fn token_base(&self, t: &Token) -> std::borrow::Cow<'_, str> {
        let norm = self.token_norm(t);
        let end = norm
            .len()
            .saturating_sub(t.enclitic.map(|e| e.as_str().len()).unwrap_or(0));
        let body = norm.get(t.pre_len as usize..end).unwrap_or(norm);
        if t.lil {
            std::borrow::Cow::Owned(format!("ا{body}"))
        } else {
            std::borrow::Cow::Borrowed(body)
        }
    }

    /// The normalised stem: the base without the article.
    pub fn token_stem(&self, t: &Token) -> &str {
        let norm = self.token_norm(t);
        let end = norm
            .len()
            .saturating_sub(t.enclitic.map(|e| e.as_str().len()).unwrap_or(0));
        let start = (t.pre_len + t.al_len) as usize;
        norm.get(start..end)
            .filter(|s| !s.is_empty())
            .unwrap_or(norm)
    }

    /// The tokens of sentence `i` (empty when out of range).
    pub fn sentence_tokens(&self, i: usize) -> &[Token] {
        self.sentences
            .get(i)
            .and_then(|s| self.tokens.get(s.first_token..s.end_token))
            .unwrap_or(&[])
    }

    /// Index of the sentence containing byte offset `at` of the original text.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= at);
        self.sentences
            .get(i)
            .filter(|s| s.span.start <= at)
            .map(|_| i)
    }

    /// A code-point index of the original text, for emitting spans.
    pub fn char_index(&self) -> CharIndex {
        CharIndex::new(&self.text)
    }
}

/// One pipeline stage: reads some layers of a document and adds one.
///
/// Stages must not panic on any input and must keep every span they add inside the
/// original text on character boundaries.
pub trait Stage: Send + Sync {
    /// Short name for logs and benchmarks (`normalise`, `segment` …).
    fn name(&self) -> &'static str;
    /// Adds this stage's layer to `doc`.
    fn process(&self, doc: &mut Document);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_lookup() {
        let mut d = Document::new(Meta::default(), "ab. cd.".into());
        d.sentences = vec![
            Sentence {
                span: Span::new(0, 3),
                first_token: 0,
                end_token: 0,
            },
            Sentence {
                span: Span::new(4, 7),
                first_token: 0,
                end_token: 0,
            },
        ];
        assert_eq!(d.sentence_at(1), Some(0));
        assert_eq!(d.sentence_at(3), None);
        assert_eq!(d.sentence_at(5), Some(1));
        assert_eq!(d.sentence_at(70), None);
    }

    #[test]
    fn normalized_mapping() {
        let n = Normalized {
            text: "ab".into(),
            src: vec![Span::new(0, 2), Span::new(2, 5)],
        };
        assert_eq!(n.to_original(Span::new(0, 2)), Span::new(0, 5));
        assert_eq!(n.to_original(Span::new(1, 1)), Span::new(2, 2));
        assert_eq!(n.to_original(Span::new(2, 2)), Span::new(5, 5));
    }
}
