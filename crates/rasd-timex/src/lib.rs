//! Times and quantities for Arabic news: the two rasd pipeline stages that follow the
//! text layer.
//!
//! * [`TimeTagger`] fills `doc.times` with TIMEX3 expressions (DATE, TIME, DURATION, SET)
//!   normalised against `doc.meta.published`.
//! * [`QuantityTagger`] fills `doc.quantities` with counts and amounts, their bounds and
//!   the English lemma of what is counted, never claiming a span the times stage took.
//!
//! Both are grammars over `doc.tokens` (not regexes over text): a closed-class lexicon
//! ([`lex`]) is looked up once per token, then small hand-written rules combine tokens.
//! Every span written is a byte span of the original text from the tokens' own spans.
//! Lexicons are built once per process (`LazyLock`), so per-document work is a single
//! pass with a few hash lookups per token.
//!
//! Modules: [`cal`] (Hijri conversion, date arithmetic), [`lex`] (lexicon and token
//! view), [`num`] (numbers and ordinals), [`ordinal`] (the ordinal
//! layer, kept out of quantities), [`range`] (number ranges), [`units`] (counted-noun table), [`time`] and
//! [`quantity`] (the stages).

#![warn(missing_docs)]

pub mod cal;
pub mod lex;
pub mod num;
pub mod ordinal;
pub mod quantity;
pub mod range;
pub mod time;
pub mod units;

pub use quantity::QuantityTagger;
pub use time::TimeTagger;

use rasd_doc::{Document, Stage};

/// Both stages in one: times, then quantities, sharing one lexicon pass over the tokens
/// (the separate stages each make their own). Same output as running [`TimeTagger`] then
/// [`QuantityTagger`]; use it in pipelines where the two always run together.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimesAndQuantities;

impl Stage for TimesAndQuantities {
    fn name(&self) -> &'static str {
        "times+quantities"
    }

    fn process(&self, doc: &mut Document) {
        let inf = lex::analyse(doc);
        doc.times = time::tag(doc, &inf);
        doc.quantities = quantity::tag(doc, &inf);
    }
}
