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
//! The lists are compiled at build time (`build.rs`) into two hash tables of 64-bit keys
//! embedded in the binary (`src/nametable.rs`): nothing is parsed or hashed at start-up
//! and a lookup is one or two probes. The small table (given names, family names, first
//! words of full names) answers most lookups; the big one (full names and their
//! prefixes, 4 MB) is touched only after a listed first word, to spare cache misses.

use crate::nametable::{self, KeyHash, FIRST, FULL, GIVEN, PREFIX, SURNAME};
use crate::patterns::Ctx;
use crate::spans::{adjacent, orig_span, token_range_span};
use crate::Candidate;
use rasd_doc::{EntityType, MentionSource, Token, TokenKind};

/// The compiled table of full names and their prefixes (see `build.rs`).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names.bin"));

/// The compiled small table: given names, family names and first words of full names,
/// probed for many tokens, so kept apart from the big table to stay in the cache.
static SMALL: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/names_small.bin"));

/// Score of a listed full name: below a knowledge-base person, above a lone title +
/// given name, so the longer listed name wins over the pattern's one word.
pub const LISTED_SCORE: f32 = 0.8;

/// At most this many words in a listed name.
const MAX_WORDS: usize = 6;

/// True when the folded word is a listed given name.
#[inline]
pub fn is_given(word: &str) -> bool {
    nametable::contains(SMALL, nametable::key(GIVEN, word))
}

/// True when the folded word (article included, «الزياني») is a listed family name.
#[inline]
pub fn is_surname(word: &str) -> bool {
    nametable::contains(SMALL, nametable::key(SURNAME, word))
}

/// True when the folded word (article included) can be the family name that ends a
/// person's name: a listed family name that is not the second part of a compound given
/// name («الدين», «الله»: «صلاح الدين» is one given name, and «الدين» is also religion
/// or debt), nor shaped like the verbal noun of a derived verb without a nisba ending
/// («الإقبال», «التقدم»: family names of that shape are rare, the nouns frequent).
pub fn family_word(word: &str) -> bool {
    if matches!(word, "الدين" | "الله" | "الاسلام" | "الدوله" | "الرحمن")
    {
        return false;
    }
    let stem = word.strip_prefix("ال").unwrap_or(word);
    let n = stem.chars().count();
    let masdar = !stem.ends_with('ي')
        && ((stem.starts_with('ا') && n >= 5) || (stem.starts_with('ت') && n >= 4));
    !(word.starts_with("ال") && masdar) && is_surname(word)
}

/// True when the folded words, joined by one space, are a listed full name.
pub fn is_full_name(name: &str) -> bool {
    nametable::contains(TABLE, nametable::key(FULL, name))
}

/// The listed full name starting at token `i`: its end (exclusive) and the normalised
/// byte offset where it starts, for the first word read as `first` (the word without
/// proclitics, or the whole token).
fn listed_from(ctx: &Ctx, i: usize, first: &str, start: usize) -> Option<(usize, usize)> {
    // «على» folds to «علي»: the preposition is no name word.
    let kinds = [FIRST, PREFIX, FULL];
    longest_listed(ctx, i, first, (SMALL, TABLE), kinds, MAX_WORDS, |k| {
        maqsura_function_word(ctx, k)
    })
    .map(|end| (end, start))
}

/// The end (exclusive) of the longest run of words from token `i` (its first word read as
/// `first`) that a name table lists: the first word under `kinds[0]` in `tables.0`, every
/// run of two words or more under `kinds[1]` (prefixes, so most searches stop at the
/// first probe) and the whole under `kinds[2]` in `tables.1`. At most `max_words` words;
/// later words are Arabic, without proclitics, and not `stop`. Shared by the person
/// names and the sports clubs ([`crate::clubs`]).
pub(crate) fn longest_listed(
    ctx: &Ctx,
    i: usize,
    first: &str,
    tables: (&[u8], &[u8]),
    kinds: [u8; 3],
    max_words: usize,
    stop: impl Fn(usize) -> bool,
) -> Option<usize> {
    let doc = ctx.doc;
    let mut h = KeyHash::new().push(first.as_bytes());
    if !nametable::contains(tables.0, h.finish(kinds[0])) {
        return None;
    }
    let mut best = None;
    let mut k = i + 1;
    while k < i + max_words && adjacent(doc, k - 1) {
        let Some(t) = doc.tokens.get(k) else { break };
        if t.kind != TokenKind::Arabic || t.pre_len > 0 || stop(k) {
            break;
        }
        h = h.push(b" ").push(doc.token_norm(t).as_bytes());
        if !nametable::contains(tables.1, h.finish(kinds[1])) {
            break;
        }
        if nametable::contains(tables.1, h.finish(kinds[2])) {
            best = Some(k + 1);
        }
        k += 1;
    }
    best
}

/// True when token `k` is «علي» written with a final ya: the given name, which folding
/// merges with the preposition «على» (a function word of the lexicon).
pub fn ali_written_as_name(ctx: &Ctx, k: usize) -> bool {
    ctx.doc.tokens.get(k).is_some_and(|t| {
        t.al_len == 0
            && t.enclitic.is_none()
            && t.norm.len() == "علي".len() + t.pre_len as usize
            && ctx.doc.token_stem(t) == "علي"
            && ctx
                .doc
                .slice(t.span)
                .chars()
                .rev()
                .find(|c| !rasd_text::normalise::is_diacritic(*c))
                == Some('ي')
    })
}

/// True when token `k` is a function word written with a final alef maqsura («على»,
/// «إلى», «حتى»), which folding makes look like a name («علي»).
fn maqsura_function_word(ctx: &Ctx, k: usize) -> bool {
    ctx.classes(k) & crate::lexicon::class::FUNC != 0 && ctx.written_maqsura(k)
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
                && (t.enclitic.is_none() || suffix_is_name_letter(doc, t))
                && ctx.classes(k) == 0
                && ctx.info.get(k).is_some_and(|x| x.gent.is_none())
                && family_word(doc.token_norm(t))
        })
}

/// True when token `i + 1` is an Arabic word: a cheap filter before any hashing.
#[inline]
fn next_is_arabic(ctx: &Ctx, i: usize) -> bool {
    ctx.doc
        .tokens
        .get(i + 1)
        .is_some_and(|t| t.kind == TokenKind::Arabic)
}

/// True when token `i + 1` is an Arabic word that may continue a given name in a
/// [`pair_candidates`] run (not a function word, unless it is «علي» written with ya).
#[inline]
fn next_can_continue(ctx: &Ctx, i: usize) -> bool {
    next_is_arabic(ctx, i)
        && (ctx.classes(i + 1) & crate::lexicon::class::FUNC == 0
            || ali_written_as_name(ctx, i + 1))
}

/// Appends a person candidate for every listed full name in the document (longest
/// match at each start; overlaps are left to the merge policy).
pub fn listed_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let doc = ctx.doc;
    let n = doc.tokens.len();
    let mut i = 0;
    while i + 1 < n {
        let Some(t) = doc.tokens.get(i) else { break };
        // A first name has no article and is no function word (other lexicon words are
        // names too: «عادل», «أمين»); the next word is Arabic (any: «أمام» folds like
        // «إمام»). Cheap checks first: many tokens fail them before any hashing.
        if t.kind != TokenKind::Arabic
            || t.al_len > 0
            || !next_is_arabic(ctx, i)
            || (ctx.classes(i) & crate::lexicon::class::FUNC != 0 && !ali_written_as_name(ctx, i))
            || !adjacent(doc, i)
        {
            i += 1;
            continue;
        }
        // The word after its proclitics, a final «ه» kept («عبدالله»).
        let base = after_proclitics(doc, t);
        let mut found = listed_from(ctx, i, base, crate::spans::name_start(t));
        // The analyser may have read a first letter as a proclitic («وائل»).
        if found.is_none() && t.pre_len > 0 {
            found = listed_from(ctx, i, doc.token_norm(t), t.norm.start);
        }
        let Some((mut end, start)) = found else {
            i += 1;
            continue;
        };
        // Right after a given name the listed name is the tail of a longer one («حسبو
        // محمد عبدالرحمن»): the patterns or the tagger may read the whole. After «بن»
        // likewise («محمد بن سلمان بن عبدالعزيز آل سعود»). Checked only on a match.
        if t.pre_len == 0
            && i > 0
            && adjacent(doc, i - 1)
            && (given_at(ctx, i - 1, true) || patronymic(ctx, i - 1))
        {
            i += 1;
            continue;
        }
        // A listed name may be the start of a longer one («محمد علي» of «محمد علي
        // الجزولي»): listed family names that follow belong to it.
        while end < i + MAX_WORDS && surname_after(ctx, end) {
            end += 1;
        }
        let span = match end.checked_sub(1).and_then(|l| doc.tokens.get(l)) {
            Some(last) if start == t.norm.start => orig_span(doc, start, last.norm.end),
            _ => token_range_span(doc, i, end),
        };
        out.push(
            Candidate::from_tokens(
                doc,
                i,
                end,
                EntityType::PER,
                MentionSource::Pattern,
                LISTED_SCORE,
            )
            .with_span(span),
        );
        i += 1;
    }
}

/// Score of a given name + listed family name run («فالح العيساوي»): two listed name
/// parts are good evidence, but less than a listed full name.
pub const PAIR_SCORE: f32 = 0.7;

/// True when token `k` is a given name (of the knowledge base or the lists) that can
/// start or continue a person's name: Arabic, no article, no pronoun suffix, no word of
/// the lexicon («أمير», «وزير» are given names too), «علي» when written with ya.
fn given_at(ctx: &Ctx, k: usize, first: bool) -> bool {
    let doc = ctx.doc;
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    if t.kind != TokenKind::Arabic
        || t.al_len > 0
        || (!first && t.pre_len > 0)
        || (ctx.classes(k) != 0 && !ali_written_as_name(ctx, k))
        || ctx.info.get(k).is_some_and(|x| x.gent.is_some())
    {
        return false;
    }
    let known = |w: &str| ctx.lx.is_given_name(w) || is_given(w);
    // A final «ه» the analyser read as a pronoun is often the name's own letter
    // («عبدالله», «أسامة» folded): try the word with it.
    let given = if t.enclitic.is_some() {
        suffix_is_name_letter(doc, t) && known(after_proclitics(doc, t))
    } else {
        known(doc.token_stem(t)) || (first && t.pre_len > 0 && known(doc.token_norm(t)))
    };
    // «بأن» is ب + «أن», not the name «بان» (checked last: rarely needed).
    given && !ctx.lx.func_after_prep(doc, t)
}

/// True when token `t` carries a «pronoun suffix» that is really the last letter of a
/// listed given or family name: a ta marbuta in the original text («أسامة», folded to
/// «اسامه»), which no pronoun is written with, or the «ه» of a theophoric name
/// («عبدالله» read as «عبدالل» + «ه»). A real «ه» stays a pronoun («نظيره», his
/// counterpart, though «نظيرة» is a name).
pub fn suffix_is_name_letter(doc: &rasd_doc::Document, t: &Token) -> bool {
    if t.enclitic.is_none() {
        return false;
    }
    let w = after_proclitics(doc, t);
    let ta_marbuta = doc
        .slice(t.span)
        .chars()
        .rev()
        .find(|c| !rasd_text::normalise::is_diacritic(*c))
        == Some('ة');
    (ta_marbuta || (w.ends_with("الله") && w.chars().count() > 4)) && (is_given(w) || is_surname(w))
}

/// Normalised text of token `t` after its proclitics, pronoun suffix kept.
fn after_proclitics<'d>(doc: &'d rasd_doc::Document, t: &Token) -> &'d str {
    let n = doc.token_norm(t);
    n.get(t.pre_len as usize..).unwrap_or(n)
}

/// True when token `k` is a definite listed family name right after token `k − 1`
/// («العيساوي»): no proclitic or pronoun suffix, no lexicon word, no nationality
/// adjective, not the start of another known entity.
fn definite_surname_at(ctx: &Ctx, k: usize) -> bool {
    let doc = ctx.doc;
    k > 0
        && adjacent(doc, k - 1)
        && doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Arabic
                && t.al_len > 0
                && t.pre_len == 0
                && (t.enclitic.is_none() || suffix_is_name_letter(doc, t))
                && ctx.classes(k) == 0
                && ctx
                    .info
                    .get(k)
                    .is_some_and(|x| x.gent.is_none() && x.kb.is_none())
                && family_word(doc.token_norm(t))
        })
}

/// Speech verbs and naming words («قال», «أكدت», «يدعى», «المدعو»), folded, after which a
/// name is expected.
const NAME_CUES: &[&str] = &[
    "قال",
    "قالت",
    "يقول",
    "تقول",
    "اكد",
    "اكدت",
    "اعلن",
    "اعلنت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "افاد",
    "افادت",
    "ذكر",
    "ذكرت",
    "اشار",
    "اشارت",
    "صرح",
    "صرحت",
    "يدعي",
    "تدعي",
    "المدعو",
    "المدعوه",
];

/// True when token `k` is a speech verb or naming word of [`NAME_CUES`] (proclitics
/// aside).
fn name_cue(ctx: &Ctx, k: usize) -> bool {
    ctx.doc.tokens.get(k).is_some_and(|t| {
        let n = ctx.doc.token_norm(t);
        NAME_CUES.contains(&n.get(t.pre_len as usize..).unwrap_or(n))
    })
}

/// True for a definite nisba-shaped word of five letters or more after the article
/// («البرغثي»), written with a final ya (an alef maqsura ends other words, «الكبرى»),
/// not a nationality adjective, not a lexicon word, not where a known entity starts.
fn definite_nisba_at(ctx: &Ctx, k: usize) -> bool {
    k > 0
        && adjacent(ctx.doc, k - 1)
        && ctx.doc.tokens.get(k).is_some_and(|t| {
            t.kind == TokenKind::Arabic
                && t.al_len > 0
                && t.pre_len == 0
                && t.enclitic.is_none()
                && ctx.classes(k) == 0
                && ctx
                    .info
                    .get(k)
                    .is_some_and(|x| x.gent.is_none() && x.kb.is_none())
                && ctx.doc.token_stem(t).chars().count() >= 5
                && ctx.stem_ends_with_ya(k)
        })
}

/// True when token `k` is «بن»/«ابن»/«بنت» (son/daughter of) with no clitic.
fn patronymic(ctx: &Ctx, k: usize) -> bool {
    ctx.doc.tokens.get(k).is_some_and(|t| {
        t.pre_len == 0
            && t.al_len == 0
            && t.enclitic.is_none()
            && matches!(ctx.doc.token_norm(t), "بن" | "ابن" | "بنت")
    })
}

/// Appends a person candidate for every given name followed by at most two more given
/// names and a definite listed family name («فالح العيساوي», «ياسر علي العيساوي»),
/// wherever it stands: two listed parts of a name vouch for each other.
pub fn pair_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n {
        // After «شهر» a given name is the month («شهر رمضان المبارك»).
        if !next_can_continue(ctx, i)
            || !adjacent(ctx.doc, i)
            || !given_at(ctx, i, true)
            || i.checked_sub(1)
                .and_then(|p| ctx.doc.tokens.get(p))
                .is_some_and(|t| ctx.doc.token_stem(t) == "شهر")
        {
            continue;
        }
        // «علي» with ya may be the preposition «على» misspelt («علي الشاطئ»): then
        // only a nisba-shaped family name («علي العولقي») makes it a name.
        let ali = ali_written_as_name(ctx, i);
        // After a speech verb («وقالت فاديا البرغثي») an unlisted nisba ends the name too.
        let cued = i > 0 && adjacent(ctx.doc, i - 1) && name_cue(ctx, i - 1);
        let mut k = i + 1;
        let end = loop {
            if k >= n || k > i + 5 || !adjacent(ctx.doc, k - 1) {
                break None;
            }
            if (definite_surname_at(ctx, k) || (cued && definite_nisba_at(ctx, k)))
                && (!ali || ctx.stem_ends_with_ya(k))
            {
                break Some(k + 1);
            }
            if given_at(ctx, k, false) {
                k += 1;
                continue;
            }
            // «بن» + given name inside the name («عيسى بن أحمد الحكمي»).
            if patronymic(ctx, k) && adjacent(ctx.doc, k) && given_at(ctx, k + 1, false) {
                k += 2;
                continue;
            }
            break None;
        };
        let Some(end) = end else { continue };
        // The name may have begun before: «أبو» or «عبد» («أبو علي الكبسي»), or a given
        // name + «بن» («عقلا بن علي العقلا»).
        let mut first = i;
        for _ in 0..2 {
            if first == 0 || !adjacent(ctx.doc, first - 1) {
                break;
            }
            let p = first - 1;
            let bare = |k: usize| {
                ctx.doc.tokens.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Arabic
                        && t.al_len == 0
                        && t.enclitic.is_none()
                        && ctx.classes(k) == 0
                })
            };
            if ctx.doc.tokens.get(p).is_some_and(|t| {
                t.al_len == 0 && matches!(ctx.doc.token_stem(t), "ابو" | "ام" | "عبد")
            }) {
                first = p;
            } else if patronymic(ctx, p) && p > 0 && adjacent(ctx.doc, p - 1) && bare(p - 1) {
                first = p - 1;
            } else {
                break;
            }
        }
        let span = match (ctx.doc.tokens.get(first), ctx.doc.tokens.get(end - 1)) {
            // «فادية» read as ف + «ادية»: the name is the whole token.
            (Some(t), Some(last))
                if t.pre_len > 0
                    && !ctx.lx.is_given_name(ctx.doc.token_stem(t))
                    && !is_given(after_proclitics(ctx.doc, t)) =>
            {
                orig_span(ctx.doc, t.norm.start, last.norm.end)
            }
            _ => token_range_span(ctx.doc, i, end),
        };
        let span = if first < i {
            token_range_span(ctx.doc, first, end)
        } else {
            span
        };
        out.push(
            Candidate::from_tokens(
                ctx.doc,
                first,
                end,
                EntityType::PER,
                MentionSource::Pattern,
                PAIR_SCORE,
            )
            .with_span(span),
        );
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

    fn people(text: &str) -> Vec<String> {
        crate::tests::names_of(text, EntityType::PER)
    }

    #[test]
    fn a_given_name_and_a_definite_family_name_vouch_for_each_other() {
        // Neither person is listed in full nor in the fixture knowledge base.
        let v = people(
            "وأكد فالح العيساوي أن القوات تقدمت، وقالت فادية الفردان إن المستشفى استقبل الجرحى.",
        );
        assert_eq!(v, ["فالح العيساوي", "فادية الفردان"], "{v:?}");
        // Middle given names belong to the name; «علي» written with ya is a name.
        let v = people("وأعلن ياسر علي العيساوي استقالته.");
        assert_eq!(v, ["ياسر علي العيساوي"], "{v:?}");
        // A given name before an ordinary definite word is no name.
        let v = people("وأكد فالح الحكومة أن القوات تقدمت.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn after_a_speech_verb_an_unlisted_nisba_ends_the_name() {
        let v = people("وقالت فادية البرغثي إن المستشفى استقبل الجرحى.");
        assert_eq!(v, ["فادية البرغثي"], "{v:?}");
        // Without the cue the unlisted nisba is not enough.
        let v = people("في أعضاء فادية البرغثي المستشفى.");
        assert!(v.is_empty(), "{v:?}");
    }

    #[test]
    fn a_name_run_takes_its_kunya_and_patronymics() {
        let v = people("وقال عيسى بن أحمد الحكمي إن العدد بلغ مئة.");
        assert_eq!(v, ["عيسى بن أحمد الحكمي"], "{v:?}");
        let v = people("وهو يدعى أبو علي الكبسي، وقد غادر.");
        assert_eq!(v, ["أبو علي الكبسي"], "{v:?}");
    }

    #[test]
    fn words_that_only_look_like_family_names_end_no_name() {
        // «على» misspelt with ya before a noun; a month and its epithet; a compound
        // given name's second part; a verbal noun.
        for text in [
            "جلسنا علي الشاطئ طويلا.",
            "في أوائل شهر رمضان المبارك أعلنت الوزارة.",
            "ويأتيه صاحب الدين يريد مقاضاته.",
            "الأنواع التي يزيد الإقبال عليها كثيرة.",
        ] {
            let v = people(text);
            assert!(v.is_empty(), "{text}: {v:?}");
        }
        assert!(!family_word(&fold("الدين")));
        assert!(!family_word(&fold("الإقبال")));
        assert!(family_word(&fold("العيساوي")));
    }

    #[test]
    fn a_listed_name_after_a_given_name_is_no_start() {
        // «بهاء الأعرجي» is listed; after another given name it is the tail of a
        // longer name, not a person of its own.
        let v = people("وقال محمد بهاء الأعرجي إن الوضع هادئ.");
        assert!(!v.contains(&"بهاء الأعرجي".to_string()), "{v:?}");
    }

    #[test]
    fn a_preposition_glued_to_a_function_word_is_no_given_name() {
        // With the embedded knowledge base «بان» (Ban Ki-moon) is a given name.
        let (_, m) = run_with(
            rasd_kb::Kb::get(),
            Lexicon::get(),
            "وجزم بأن المهدي سيظهر قريبا.",
        );
        assert!(m.iter().all(|(t, _, _)| *t != EntityType::PER), "{m:?}");
    }

    #[test]
    fn a_preposition_folded_like_a_name_ends_a_listed_name() {
        // «على» folds to «علي»: «بهاء الأعرجي على» is not a longer name.
        let v = people("وحصل بهاء الأعرجي على الموافقة.");
        assert_eq!(v, ["بهاء الأعرجي"], "{v:?}");
    }

    #[test]
    fn a_final_ha_read_as_a_pronoun_can_be_the_names_own_letter() {
        // The analyser reads «عبدالله» as «عبدالل» + «ه».
        let kb = fixture_kb();
        let lx = Lexicon::new(&kb);
        let (d, _) = run_with(&kb, &lx, "وقال عبدالله العيساوي إن الوضع هادئ.");
        let t = d
            .tokens
            .iter()
            .find(|t| d.token_norm(t) == "عبدالله")
            .expect("token");
        if t.enclitic.is_some() {
            assert!(suffix_is_name_letter(&d, t));
        }
        assert_eq!(
            people("وقال عبدالله العيساوي إن الوضع هادئ."),
            ["عبدالله العيساوي"]
        );
    }
}
