//! The rasd text layer: the first two pipeline stages.
//!
//! * [`normalise`] — the matching form of the text with an alignment to the original
//!   code points ([`Normaliser`] stage, [`fold`] for lexicons and queries).
//! * [`tokenise`] — letter/number/punctuation tokens over the normalised text.
//! * [`clitics`] — Arabic proclitic/enclitic analysis of a word.
//! * [`segment`] — the [`Segmenter`] stage: tokens with clitics, and sentences.
//!
//! Every lexicon in rasd is passed through [`fold`] when it is loaded, so lexicon entries
//! and text meet in exactly the same form.

pub mod clitics;
pub mod normalise;
pub mod segment;
pub mod tokenise;

pub use clitics::{analyses, primary, Analysis};
pub use normalise::{fold, normalize, Normaliser};
pub use segment::Segmenter;
