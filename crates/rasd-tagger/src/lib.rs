//! rasd-tagger: a statistical Arabic named-entity tagger in pure Rust.
//!
//! The model is an averaged structured perceptron (first-order, Viterbi-decoded under IOB2
//! constraints) over hashed features: surface and normalised word forms, clitic-stripped
//! stems and clitics, character prefixes/suffixes, shape, a ±2 context window, word
//! clusters learnt from unlabelled SaudiNewsNet news text, and gazetteer flags (a list
//! derived from the training data, plus an optional per-token hook for a caller's
//! knowledge base). It is trained on ANERcorp (CAMeL Lab split) and tags with the
//! ANERcorp label set: IOB2 over `PERS`, `LOC`, `ORG`, `MISC`.
//!
//! ```
//! use rasd_tagger::{spans, Tagger};
//! let tagger = Tagger::embedded();
//! let tokens = ["قال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة"];
//! let tags = tagger.tag(&tokens, None);
//! assert_eq!(tags.len(), tokens.len());
//! for span in spans(&tags) {
//!     println!("{:?} {}", &tokens[span.start..span.end], span.etype.as_str());
//! }
//! ```
//!
//! Library entry points used by the `rasd` CLI: [`Tagger::tag`], [`Tagger::tag_conll`],
//! [`train::train`], [`eval::eval_conll`], [`clusters::build_clusters`].

pub mod clusters;
pub mod conll;
pub mod eval;
pub mod features;
pub mod labels;
pub mod model;
pub mod normalize;
pub mod table;
pub mod train;
pub mod util;

pub use eval::{eval_conll, NerScores, Prf};
pub use labels::{spans, spans_of_labels, EntityType, Label, Span, Tag};
pub use train::{train, DevSpec, TrainParams, TrainReport};

use features::{analyse, parse_gaz_values, sentence_features};
use model::{viterbi, Model};
use std::path::Path;
use std::sync::OnceLock;

/// Errors from training, evaluation and file handling.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O error on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Bad or unusable data.
    #[error("{0}")]
    Data(String),
}

impl Error {
    /// Wrap an I/O error with its path.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// The committed model, trained on ANERcorp (CAMeL split, train file only).
static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/anercorp.model");

/// A loaded tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
}

impl Tagger {
    /// The tagger built from the model embedded in the binary, loaded once on first use.
    ///
    /// If the embedded bytes were ever corrupt, this returns a tagger that tags everything
    /// `O` (and [`Tagger::embedded_error`] says why); the crate's tests guard against that.
    pub fn embedded() -> &'static Tagger {
        static T: OnceLock<Tagger> = OnceLock::new();
        T.get_or_init(|| match Model::from_bytes(EMBEDDED_MODEL) {
            Ok(model) => Tagger { model },
            Err(_) => Tagger {
                model: Model::default(),
            },
        })
    }

    /// Why the embedded model failed to load, if it did.
    pub fn embedded_error() -> Option<String> {
        Model::from_bytes(EMBEDDED_MODEL).err().map(|e| e.to_string())
    }

    /// Build a tagger from model bytes (as written by training).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        Ok(Tagger {
            model: Model::from_bytes(bytes)?,
        })
    }

    /// Load a tagger from a model file.
    pub fn load(path: &Path) -> Result<Tagger, Error> {
        let b = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Tagger::from_bytes(&b)
    }

    /// The underlying model (feature count, provenance).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tag one sentence of pre-tokenised text.
    ///
    /// `extra`, if given, holds one string per token with knowledge-base gazetteer values
    /// for the span the token sits in, e.g. `"LOC-B"`, `"PERS-I"`, several joined by `|`
    /// (empty string: none). They feed the same gazetteer features that training derived
    /// from ANERcorp's own entity lists. A length mismatch is tolerated (missing = none).
    /// Returns exactly one [`Tag`] per input token.
    pub fn tag(&self, tokens: &[&str], extra: Option<&[&str]>) -> Vec<Tag> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let bits: Vec<u8> = match extra {
            Some(e) => (0..tokens.len())
                .map(|i| e.get(i).map(|s| parse_gaz_values(s)).unwrap_or(0))
                .collect(),
            None => Vec::new(),
        };
        let mut infos = Vec::with_capacity(tokens.len());
        analyse(tokens, &self.model.clusters, &self.model.gaz, &bits, &mut infos);
        let mut keys = Vec::with_capacity(tokens.len() * 64);
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        sentence_features(&infos, &mut keys, &mut offsets);
        let mut em = Vec::new();
        self.model.emissions(&keys, &offsets, &mut em);
        let mut out = Vec::new();
        let mut conf = Vec::new();
        viterbi(
            &em,
            &self.model.trans,
            self.model.constrained,
            &mut out,
            Some(&mut conf),
        );
        (0..tokens.len())
            .map(|i| Tag {
                label: Label::from_index(out.get(i).copied().unwrap_or(0) as usize),
                confidence: conf.get(i).copied().unwrap_or(0.0),
            })
            .collect()
    }

    /// Labels only (no confidences needed by the caller, same decoding).
    pub fn labels(&self, tokens: &[&str]) -> Vec<Label> {
        self.tag(tokens, None).into_iter().map(|t| t.label).collect()
    }

    /// Tag token-per-line CoNLL text: the first whitespace-separated column of each
    /// non-blank line is the token; blank (or whitespace-only) lines separate sentences.
    /// Writes `TOKEN TAG` lines with every blank line kept, so the output has exactly the
    /// input's tokens in order and can be scored with [`eval_conll`] directly.
    pub fn tag_conll(&self, input: &str) -> String {
        let mut out = String::with_capacity(input.len() + input.len() / 4);
        let mut sent: Vec<&str> = Vec::new();
        let flush = |sent: &mut Vec<&str>, out: &mut String| {
            if sent.is_empty() {
                return;
            }
            let tags = self.tag(sent, None);
            for (tok, tag) in sent.iter().zip(&tags) {
                out.push_str(tok);
                out.push(' ');
                out.push_str(tag.label.as_str());
                out.push('\n');
            }
            sent.clear();
        };
        for line in input.lines() {
            match line.split_whitespace().next() {
                Some(tok) => sent.push(tok),
                None => {
                    flush(&mut sent, &mut out);
                    out.push('\n');
                }
            }
        }
        flush(&mut sent, &mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let t = Tagger::embedded();
        assert!(t.tag(&[], None).is_empty());
        assert_eq!(t.tag(&[""], None).len(), 1);
        assert_eq!(t.tag(&["a", "ب"], Some(&["LOC-B"])).len(), 2);
        assert_eq!(t.tag(&["\u{0640}\u{064B}", "؟", "🙂"], Some(&[])).len(), 3);
        assert_eq!(t.tag_conll(""), "");
        assert_eq!(t.tag_conll("\n\n"), "\n\n");
    }

    #[test]
    fn conll_roundtrip_keeps_tokens_and_blank_lines() {
        let t = Tagger::embedded();
        let input = "محمد B-PERS\tx\n  القاهرة \n\n\nفي\r\n   \n(\tO\n";
        let out = t.tag_conll(input);
        let toks: Vec<&str> = out.lines().map(|l| l.split(' ').next().unwrap_or("")).collect();
        assert_eq!(toks, vec!["محمد", "القاهرة", "", "", "في", "", "("]);
        for l in out.lines().filter(|l| !l.is_empty()) {
            let tag = l.split(' ').nth(1).unwrap();
            assert!(Label::parse(tag).is_some(), "{l}");
        }
    }
}
