//! Listed person names: full names of real people and the given and family names they
//! are made of (`data/names/`, from Wikidata labels and Arabic Wikipedia categories; see
//! `data/SOURCES.md`).
//!
//! The curated knowledge base knows ~2,000 people; news names many more — ministers,
//! spokesmen, players, victims. Two things help with them:
//!
//! * **Full names** («بهاء الأعرجي», «منصور الجمري»): a run of two to six words that
//!   is a listed full name is a person candidate wherever it stands. The first word may
//!   carry proclitics («وشادي المولوي»); the others are matched as written.
//! * **Name words**: [`is_given`] and [`is_surname`] tell the title + name patterns
//!   ([`crate::patterns`]) which words are given names and family names beyond the
//!   knowledge base's own.
//!
//! The lists are compiled at build time (`build.rs`) into a hash table of 64-bit keys
//! embedded in the binary (`src/nametable.rs`): nothing is parsed or hashed at start-up
//! and a lookup is one or two probes.

use crate::nametable::{self, KeyHash, FULL, GIVEN, PREFIX, SURNAME};
use crate::patterns::Ctx;
use crate::spans::{adjacent, orig_span, token_range_span};
use crate::Candidate;
use rasd_doc::{EntityType, MentionKind, MentionSource, Token, TokenKind};

/// The compiled table (see `build.rs`).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));

/// Score of a listed full name: below a knowledge-base person, above a lone title +
/// given name, so the longer listed name wins over the pattern's one word.
pub const LISTED_SCORE: f32 = 0.8;

/// At most this many words in a listed name.
const MAX_WORDS: usize = 6;

/// True when the folded word is a listed given name.
#[inline]
pub fn is_given(word: &str) -> bool {
    nametable::contains(TABLE, nametable::key(GIVEN, word))
}

/// True when the folded word (article included, «الزياني») is a listed family name.
#[inline]
pub fn is_surname(word: &str) -> bool {
    nametable::contains(TABLE, nametable::key(SURNAME, word))
}

/// True when the folded words, joined by one space, are a listed full name.
pub fn is_full_name(name: &str) -> bool {
    nametable::contains(TABLE, nametable::key(FULL, name))
}

/// Normalised text of token `t` without its enclitic (proclitics kept).
fn whole<'d>(doc: &'d rasd_doc::Document, t: &Token) -> &'d str {
    let n = doc.token_norm(t);
    let cut = n
        .len()
        .saturating_sub(t.enclitic.map(|e| e.as_str().len()).unwrap_or(0));
    n.get(..cut).unwrap_or(n)
}

/// The listed full name starting at token `i`: its end (exclusive) and the normalised
/// byte offset where it starts, for the first word read as `first` (the word without
/// proclitics, or the whole token).
fn listed_from(ctx: &Ctx, i: usize, first: &str, start: usize) -> Option<(usize, usize)> {
    let doc = ctx.doc;
    let mut hf = KeyHash::new(FULL).push(first.as_bytes());
    let mut hp = KeyHash::new(PREFIX).push(first.as_bytes());
    let mut best = None;
    let mut k = i + 1;
    while k < i + MAX_WORDS && adjacent(doc, k - 1) {
        let Some(t) = doc.tokens.get(k) else { break };
        if t.kind != TokenKind::Arabic || t.pre_len > 0 {
            break;
        }
        // «على» folds to «علي»: the preposition is no name word.
        if maqsura_function_word(ctx, k) {
            break;
        }
        let w = doc.token_norm(t).as_bytes();
        hf = hf.push(b" ").push(w);
        hp = hp.push(b" ").push(w);
        if nametable::contains(TABLE, hf.finish()) {
            best = Some((k + 1, start));
        }
        if !nametable::contains(TABLE, hp.finish()) {
            break;
        }
        k += 1;
    }
    best
}

/// True when token `k` is a function word written with a final alef maqsura («على»,
/// «إلى», «حتى»), which folding makes look like a name («علي»).
fn maqsura_function_word(ctx: &Ctx, k: usize) -> bool {
    ctx.classes(k) & crate::lexicon::class::FUNC != 0
        && ctx.doc.tokens.get(k).is_some_and(|t| {
            ctx.doc
                .slice(t.span)
                .chars()
                .rev()
                .find(|c| !rasd_text::normalise::is_diacritic(*c))
                == Some('ى')
        })
}

/// True when token `k` can continue a name as a listed family name: Arabic, right after
/// the previous token, no proclitic or pronoun suffix, no word of the lexicon (titles
/// such as «وزير» and «أمير» are family names too) and no nationality adjective.
fn surname_after(ctx: &Ctx, k: usize) -> bool {
    let doc = ctx.doc;
    k > 0
        && adjacent(doc, k - 1)
        && doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Arabic
                && t.pre_len == 0
                && t.enclitic.is_none()
                && ctx.classes(k) == 0
                && ctx.info.get(k).is_some_and(|x| x.gent.is_none())
                && is_surname(doc.token_norm(t))
        })
}

/// Appends a person candidate for every listed full name in the document (longest
/// match at each start; overlaps are left to the merge policy).
pub fn listed_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    while i + 1 < n {
        let Some(t) = doc.tokens.get(i) else { break };
        // A first name has no article, no pronoun suffix and is no function word.
        if t.kind != TokenKind::Arabic
            || t.al_len > 0
            || t.enclitic.is_some()
            || ctx.classes(i) & crate::lexicon::class::FUNC != 0
            || !adjacent(doc, i)
        {
            i += 1;
            continue;
        }
        let base = doc.token_stem(t);
        let mut found = listed_from(ctx, i, base, crate::spans::name_start(t));
        // The analyser may have read a first letter as a proclitic («وائل»).
        if found.is_none() && t.pre_len > 0 {
            found = listed_from(ctx, i, whole(doc, t), t.norm.start);
        }
        let Some((mut end, start)) = found else {
            i += 1;
            continue;
        };
        // A listed name may be the start of a longer one («محمد علي» of «محمد علي
        // الجزولي»): listed family names that follow belong to it.
        while end < i + MAX_WORDS && surname_after(ctx, end) {
            end += 1;
        }
        let span = match end.checked_sub(1).and_then(|l| doc.tokens.get(l)) {
            Some(last) if start == t.norm.start => orig_span(doc, start, last.norm.end),
            _ => token_range_span(doc, i, end),
        };
        out.push(Candidate {
            first: i,
            end,
            span,
            etype: EntityType::PER,
            kind: MentionKind::Name,
            source: MentionSource::Pattern,
            score: LISTED_SCORE,
            entry: None,
            name_id: None,
            kb_flags: 0,
            alias_key: None,
        });
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tests::{fixture_kb, run_with};
    use crate::Lexicon;
    use rasd_text::fold;

    #[test]
    fn the_table_holds_the_lists() {
        // Well-known people of the source lists, in any spelling the folding evens out.
        assert!(is_full_name(&fold("بهاء الأعرجي")));
        assert!(is_given(&fold("أسامة")));
        assert!(is_surname(&fold("العيساوي")));
        assert!(!is_full_name(&fold("وزارة الخارجية")));
        assert!(!is_given(&fold("وزارة")));
    }

    #[test]
    fn a_listed_full_name_is_a_person_with_or_without_proclitics() {
        let kb = fixture_kb();
        let lx = Lexicon::new(&kb);
        let (_, m) = run_with(
            &kb,
            &lx,
            "ودعا بهاء الأعرجي إلى الحوار، كما التقى وبهاء الأعرجي الوفد.",
        );
        let per: Vec<&str> = m
            .iter()
            .filter(|(t, _, _)| *t == EntityType::PER)
            .map(|(_, _, s)| s.as_str())
            .collect();
        assert_eq!(per, ["بهاء الأعرجي", "بهاء الأعرجي"], "{m:?}");
    }
}
