//! The rasd text layer: the first two pipeline stages.
//!
//! * [`normalise`] — the matching form of the text with an alignment to the original
//!   code points ([`Normaliser`] stage, [`fold`] for lexicons and queries).
//! * [`tokenise`] — letter/number/punctuation tokens over the normalised text.
//! * [`clitics`] — Arabic proclitic/enclitic analysis of a word.
//! * [`segment`] — the [`Segmenter`] stage: tokens with clitics, and sentences.
//! * [`footer`] — trailing «رابط الخبر …: headline» footers, which are not tokenised.
//!
//! Every lexicon in rasd is passed through [`fold`] when it is loaded, so lexicon entries
//! and text meet in exactly the same form.

pub mod clitics;
pub mod footer;
pub mod normalise;
pub mod segment;
pub mod tokenise;

pub use clitics::{analyses, primary, Analysis};
pub use normalise::{fold, normalize, Normaliser};
pub use segment::Segmenter;

/// A document holding `text` (no metadata) after both text-layer stages: the normalised
/// form, tokens with clitics, and sentences. For tools and tests that start from a string
/// rather than from a read document.
pub fn analysed(text: &str) -> rasd_doc::Document {
    use rasd_doc::Stage;
    let mut d = rasd_doc::Document::new(rasd_doc::Meta::default(), text.to_string());
    Normaliser.process(&mut d);
    Segmenter.process(&mut d);
    d
}
