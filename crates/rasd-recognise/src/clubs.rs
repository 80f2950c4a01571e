//! Sports clubs: «ريال مدريد», «مانشستر سيتي», «بوروسيا دورتموند», «نادي النصر».
//!
//! Sport fills a large share of Arabic news, and its clubs are named for their cities:
//! without this source «ريال مدريد» is the place «مدريد» on the map, «مانشستر يونايتد»
//! two mentions of Manchester and «بوروسيا دورتموند» a foreign person. The clubs listed
//! in `data/names/clubs.tsv` (Arabic Wikipedia categories, see `data/SOURCES.md`) are
//! compiled by `build.rs` into a hash table embedded in the binary, like the person
//! names of [`crate::names`].
//!
//! * A listed name of two words or more is an organisation wherever it stands — unless
//!   the knowledge base knows the same words as another name («ساو باولو» the city) or
//!   it starts with the article («الجيش القطري» is also the army, «القوة الجوية» air
//!   power): those need a sports word right before them («نادي», «فريق», «لاعب»,
//!   «مدرب», «جماهير», «فاز» …) or a sports report around them.
//! * A listed name of one word («برشلونة», «روما», «الهلال») is a place or an ordinary
//!   word far more often than a club, so it is a club as the genitive of such a sports
//!   word («لاعب برشلونة», «مدرب الهلال»), as the other side of a match after a club
//!   («خسر بايرن ميونخ أمام برشلونة»), and — in a sports report — standing alone when
//!   the knowledge base knows it only as a foreign town («وضم برشلونة», not «في
//!   برشلونة», never «الرياض» or a country). The build script adds the short forms news
//!   uses for names with a generic part («توتنهام» of «توتنهام هوتسبير», «ميلان» of «إيه
//!   سي ميلان») when no other club starts with the same word («مانشستر» is two).
//! * «نادي» and a definite word is a club whether listed or not («نادي الاتحاد», «نادي
//!   الضباط»), with a nationality adjective after it («نادي النصر السعودي»).
//!
//! The candidates compete with the others under the one merge policy; the cued ones score
//! above any knowledge-base place over the same word.

use crate::lexicon::class::FUNC;
use crate::nametable::{self, CLUB, CLUB_FIRST, CLUB_ONE, CLUB_PREFIX};
use crate::patterns::Ctx;
use crate::spans::{adjacent, orig_span};
use crate::Candidate;
use rasd_doc::{Document, EntityType, MentionSource, Proclitics, Token, TokenKind};
use rasd_kb::{EntryKind, PlaceKind};

/// The compiled table of club names (see `build.rs`).
static TABLE: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/clubs.bin"));

/// Score of a listed club name of two words or more standing alone: above a foreign
/// person's name over the same words, below a confident knowledge-base entry.
pub const CLUB_SCORE: f32 = 0.9;

/// Score of a club named right after a sports word: above any knowledge-base place over
/// the same words («لاعب برشلونة»).
pub const CUED_SCORE: f32 = 0.97;

/// At most this many words in a club's name.
const MAX_WORDS: usize = 7;

/// Folded stems of the words that put a club after them: the club itself and the people
/// of a club. «منتخب» is left out: national teams are named for their countries.
const SPORTS_WORDS: &[&str] = &[
    "نادي",
    "فريق",
    "لاعب",
    "لاعبو",
    "لاعبي",
    "مدرب",
    "مدربو",
    "مهاجم",
    "مدافع",
    "حارس",
    "جماهير",
    "جمهور",
    "مشجعو",
    "مشجعي",
    "قميص",
    "هداف",
    // Verbs of a match, in the masculine a club takes (a city is feminine: «فازت»).
    "فاز",
    "يفوز",
    "تغلب",
    "يتغلب",
    "تعادل",
    "يتعادل",
    "خسر",
    "يخسر",
    "هزم",
    "يهزم",
];

/// Folded words that put the other side of a match after a club: «خسر بايرن ميونخ أمام
/// برشلونة», «تعادل مانشستر سيتي مع تشيلسي».
const VERSUS: &[&str] = &["امام", "مع", "ضد", "علي"];

/// Folded stems of words of match reports: a document with [`SPORTS_DOC_MIN`] of them
/// is about sport.
const SPORTS_DOC_WORDS: &[&str] = &[
    "مباراه",
    "مباريات",
    "دوري",
    "ملعب",
    "لاعب",
    "لاعبي",
    "لاعبو",
    "لاعبين",
    "مدرب",
    "نادي",
    "بطوله",
    "هداف",
    "الكره",
];

/// How many words of [`SPORTS_DOC_WORDS`] make a document a sports report.
const SPORTS_DOC_MIN: usize = 3;

/// True when the document is a sports report (see [`SPORTS_DOC_WORDS`]).
fn sports_document(ctx: &Ctx) -> bool {
    let doc = ctx.doc;
    doc.tokens
        .iter()
        .filter(|t| t.kind == TokenKind::Arabic && SPORTS_DOC_WORDS.contains(&doc.token_stem(t)))
        .take(SPORTS_DOC_MIN)
        .count()
        >= SPORTS_DOC_MIN
}

/// True when the folded word is a listed one-word club name.
pub fn is_club_word(word: &str) -> bool {
    nametable::contains(TABLE, nametable::key(CLUB_ONE, word))
}

/// True when the folded words, joined by one space, are a listed club name of two words
/// or more.
pub fn is_club_name(name: &str) -> bool {
    nametable::contains(TABLE, nametable::key(CLUB, name))
}

/// The sports word right before token `i`, if any («لاعب» of «لاعب برشلونة»), with
/// whether it is «فريق» (a team of anything: «فريق الإنقاذ»). The club is the genitive
/// of the word: the word has no article («المدرب المصري» is an Egyptian coach) and the
/// club no proclitic («قائد الفريق وأود رؤيته»).
fn sports_cue(ctx: &Ctx, i: usize) -> Option<bool> {
    let doc = ctx.doc;
    let k = i.checked_sub(1)?;
    let t = doc.tokens.get(k)?;
    if t.kind != TokenKind::Arabic
        || t.enclitic.is_some()
        || t.al_len > 0
        || !adjacent(doc, k)
        || doc.tokens.get(i).is_none_or(|c| c.pre_len > 0)
    {
        return None;
    }
    let stem = doc.token_stem(t);
    SPORTS_WORDS.contains(&stem).then_some(stem == "فريق")
}

/// The end (exclusive) of the longest listed club name of two words or more starting at
/// token `i`, whose first word (proclitics stripped) is `first`.
fn listed_from(ctx: &Ctx, i: usize, first: &str) -> Option<usize> {
    let kinds = [CLUB_FIRST, CLUB_PREFIX, CLUB];
    crate::names::longest_listed(ctx, i, first, (TABLE, TABLE), kinds, MAX_WORDS, |_| false)
}

/// True when token `i` is «نادي» the noun (not the verb «نادى», which folds alike)
/// followed by a definite word of its name: «نادي الاتحاد», «نادي الضباط».
fn club_noun(ctx: &Ctx, i: usize) -> bool {
    let doc = ctx.doc;
    doc.tokens.get(i).is_some_and(|t| {
        t.al_len == 0
            && t.enclitic.is_none()
            && club_word(doc, t).0 == "نادي"
            && !ctx.written_maqsura(i)
            && adjacent(doc, i)
    }) && doc.tokens.get(i + 1).is_some_and(|n| {
        n.kind == TokenKind::Arabic
            && n.pre_len == 0
            && n.al_len > 0
            && n.enclitic.is_none()
            && ctx.classes(i + 1) & FUNC == 0
            && doc.token_stem(n).chars().count() >= 3
    })
}

/// The normalised word of token `t` after its proclitics, also those the analyser left
/// on a word it does not know («لنادي», «وبرشلونة»), but none it took from a listed
/// club («واتفورد»), the pronoun suffix kept; and whether that word is a listed one-word
/// club.
fn club_word<'d>(doc: &'d Document, t: &Token) -> (&'d str, bool) {
    let norm = doc.token_norm(t);
    let base = norm.get(t.pre_len as usize..).unwrap_or(norm);
    if is_club_word(base) {
        return (base, true);
    }
    if t.pre_len > 0 {
        // A foreign name's first letter may read as a conjunction («واتفورد»,
        // «فولفسبورغ»). A «ب» read so leaves a short word that is often Arabic
        // («بالي»): only long ones («بورنموث»).
        let ok = match norm.chars().next() {
            Some('و' | 'ف') => true,
            Some('ب') => norm.chars().count() >= 6,
            _ => false,
        };
        return if ok && t.al_len == 0 && is_club_word(norm) {
            (norm, true)
        } else {
            (base, false)
        };
    }
    let rest = base
        .strip_prefix('و')
        .or_else(|| base.strip_prefix('ف'))
        .unwrap_or(base);
    let rest = rest
        .strip_prefix('ل')
        .or_else(|| rest.strip_prefix('ب'))
        .unwrap_or(rest);
    if rest.chars().count() >= 6 && is_club_word(rest) {
        (rest, true)
    } else if rest == "نادي" {
        (rest, is_club_word(rest))
    } else {
        (base, false)
    }
}

/// True when a club word standing alone is long enough not to be an Arabic word: four
/// letters, six when it starts with a letter that is also a proclitic («بالا»).
fn long_enough(word: &str) -> bool {
    let n = word.chars().count();
    match word.chars().next() {
        Some('ب' | 'ل' | 'ك' | 'و' | 'ف') => n >= 6,
        _ => n >= 4,
    }
}

/// ISO codes of the Arab states: their towns are named in sports reports as places (the
/// match is in «الرياض»), foreign towns mostly as clubs («فاز برشلونة»).
const ARAB_STATES: &[&str] = &[
    "SAU", "EGY", "ARE", "QAT", "KWT", "BHR", "OMN", "YEM", "IRQ", "SYR", "LBN", "JOR", "PSE",
    "LBY", "TUN", "DZA", "MAR", "SDN", "MRT",
];

/// True when the folded word names nothing in the knowledge base but foreign towns and
/// their provinces (or nothing at all): no country or region, no Arab place, no person
/// or body.
fn foreign_town_or_unknown(ctx: &Ctx, word: &str) -> bool {
    ctx.kb.entries_named(word).all(|(e, _)| {
        e.kind() == Some(EntryKind::Place)
            && matches!(
                e.place_kind(),
                Some(
                    PlaceKind::City
                        | PlaceKind::Town
                        | PlaceKind::Village
                        | PlaceKind::Admin1
                        | PlaceKind::Admin2
                )
            )
            && e.cc3().is_none_or(|c| !ARAB_STATES.contains(&c))
    })
}

/// True when token `i` is a place where something is: after «في», «بـ», «مدينة» or
/// «العاصمة» («أقيمت المباراة في برشلونة»).
fn located(ctx: &Ctx, i: usize, word: &str) -> bool {
    let doc = ctx.doc;
    let Some(t) = doc.tokens.get(i) else {
        return true;
    };
    // The word as written may start with a letter read as «ب» («بورنموث»).
    if t.proclitics.has(Proclitics::BI) && word.len() < doc.token_norm(t).len() {
        return true;
    }
    i.checked_sub(1)
        .and_then(|k| doc.tokens.get(k))
        .is_some_and(|p| matches!(doc.token_stem(p), "في" | "مدينه" | "عاصمه"))
}

/// `end`, or one past the nationality adjective right there, which belongs to a club's
/// name («نادي النصر السعودي»).
fn with_nationality(ctx: &Ctx, end: usize) -> usize {
    let gent = ctx.info.get(end).is_some_and(|x| x.gent.is_some())
        && ctx.doc.tokens.get(end).is_some_and(|t| t.pre_len == 0)
        && adjacent(ctx.doc, end - 1);
    if gent {
        end + 1
    } else {
        end
    }
}

/// Appends an organisation candidate for every club named in the document (see the
/// module documentation for when a name counts).
pub fn club_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let doc = ctx.doc;
    let mut sporty: Option<bool> = None;
    // End of the last club found and the token after it that names the other side.
    let mut versus: Option<usize> = None;
    for (i, t) in doc.tokens.iter().enumerate() {
        if t.kind != TokenKind::Arabic || ctx.classes(i) & FUNC != 0 {
            continue;
        }
        let (base, listed_one) = club_word(doc, t);
        // Looked at only where a listed name is found: most words are none.
        let cue = || sports_cue(ctx, i).or((versus == Some(i)).then_some(false));
        let (end, score) = match listed_from(ctx, i, base) {
            // «نادي» is its own sports word.
            Some(end) if base == "نادي" => (with_nationality(ctx, end), CUED_SCORE),
            Some(end) => {
                let kb_same = ctx.info[i].kb.is_some_and(|(e, _)| e as usize == end);
                // A definite first word may be an ordinary word («الاتحاد السعودي» is
                // also the Saudi federation, «الجيش القطري» the army).
                let ordinary = t.al_len > 0;
                match cue() {
                    Some(_) => (end, CUED_SCORE),
                    None if kb_same || ordinary => {
                        // «القوة الجوية» is air power outside sports reports.
                        if !*sporty.get_or_insert_with(|| sports_document(ctx)) {
                            continue;
                        }
                        (end, CLUB_SCORE)
                    }
                    None => (end, CLUB_SCORE),
                }
            }
            None if club_noun(ctx, i) => (with_nationality(ctx, i + 2), CUED_SCORE),
            None if !listed_one => continue,
            None => match cue() {
                // A team of rescuers or of youths is no club: after «فريق» only a
                // name without the article («فريق روما»).
                Some(team) if t.enclitic.is_none() && !(team && t.al_len > 0) => {
                    (i + 1, CUED_SCORE)
                }
                // Short words are too often Arabic ones («أود أن», «ببالي», «بألا»).
                None if t.al_len == 0
                    && t.enclitic.is_none()
                    && !t.proclitics.has(Proclitics::BI)
                    && !t.proclitics.has(Proclitics::KA)
                    && long_enough(base)
                    && !crate::names::is_given(base)
                    && !located(ctx, i, base)
                    && foreign_town_or_unknown(ctx, base)
                    && *sporty.get_or_insert_with(|| sports_document(ctx)) =>
                {
                    (i + 1, CUED_SCORE)
                }
                _ => continue,
            },
        };
        versus = doc
            .tokens
            .get(end)
            .filter(|v| adjacent(doc, end - 1) && VERSUS.contains(&doc.token_norm(v)))
            .map(|_| end + 1);
        // The name starts after every proclitic, also those left on the word.
        let skip = doc.token_norm(t).len().saturating_sub(base.len());
        let mut c =
            Candidate::from_tokens(doc, i, end, EntityType::ORG, MentionSource::Pattern, score);
        if let Some(last) = end.checked_sub(1).and_then(|l| doc.tokens.get(l)) {
            c = c.with_span(orig_span(doc, t.norm.start + skip, last.norm.end));
        }
        out.push(c);
    }
}
