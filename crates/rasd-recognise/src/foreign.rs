//! Transliterated foreign names: «لو نوفيل أوبسرفاتور», «يو اس اس باتان», «بيلاتوس بي سي 12».
//!
//! A word *looks foreign* when its character trigrams are likelier in the knowledge
//! base's names of non-Arab places and people than in Arab-world names
//! ([`rasd_kb::Kb::foreignness`], learned at build time from the curated data, not from
//! a word list). A run of adjacent foreign-looking units — foreign words, Latin letters
//! spelled in Arabic («يو اس اس», «بي سي»), foreign particles before a foreign word
//! («لو», «دي», «فون»), and numbers after them (model numbers) — is a name candidate when
//! it has at least one clearly foreign word or a spelled-letter group. Its type comes
//! from the word before it: a vehicle or weapon noun («السفينة», «طائرة … تدعى») makes
//! MISC, a media noun or quotation marks (two words or more) an organisation, a
//! settlement noun a place; otherwise a run of clearly foreign words (every word ≥ 0.9,
//! one ≥ 1.3) is taken as a person's name (the commonest foreign names in news) with a
//! lower score; right after a definite masculine nationality adjective («الهولندي روبن
//! فان بيرسي») the words need only look more foreign than Arabic. Single words need a
//! media or settlement cue. Words known to the lexicon
//! (function words, titles, heads), words with a pronoun suffix or tanween, verb-like
//! words (ي/ت/ن/سي… prefixes) and knowledge-base matches never join a run.

use crate::lexicon::class::*;
use crate::patterns::Ctx;
use crate::spans::adjacent;
use crate::Candidate;
use rasd_doc::{EntityType, MentionSource, TokenKind};

/// Foreignness (nats per trigram) above which a word is clearly foreign.
pub const STRONG: f32 = 1.1;
/// Foreignness above which a word may continue a foreign run.
pub const WEAK: f32 = 0.4;
/// Foreignness a word that starts like an imperfect verb (ي ت ن) needs to count.
pub const VERB_LIKE: f32 = 1.3;

#[derive(Clone, Copy, Debug, PartialEq)]
enum Unit {
    /// A foreign-looking word with its foreignness.
    Word(f32),
    /// A spelled Latin letter.
    Letter,
    /// A spelled Latin letter that is also a function word («إي» = «أي»).
    FuncLetter,
    /// A foreign particle («لو», «دي»).
    Particle,
    /// A number.
    Number,
}

/// Foreignness credited to the word after «فان»/«فون»: enough for a name's weakest word.
const AFTER_VAN: f32 = 0.9;

/// Token `i` is «فان» or «فون» (van, von), written without hamza («فإن» is "so indeed").
fn van(ctx: &Ctx, i: usize) -> bool {
    ctx.doc.tokens.get(i).is_some_and(|t| {
        t.kind == TokenKind::Arabic
            && matches!(ctx.doc.token_norm(t), "فان" | "فون")
            && !ctx.doc.slice(t.span).contains(['إ', 'أ'])
    })
}

/// The unit token `i` makes in a run, if any.
fn unit(ctx: &Ctx, i: usize) -> Option<Unit> {
    // The word after «فان»/«فون» between a foreign word and itself is a surname whatever
    // its trigrams say («لويس فان غال»); without the word before, «فان» is «فإن» («فان
    // موقف …», "so the position …").
    let after_van = i >= 2
        && adjacent(ctx.doc, i - 2)
        && adjacent(ctx.doc, i - 1)
        && van(ctx, i - 1)
        && ctx.info[i - 2].kb.is_none()
        && ctx.letters(i - 2) >= 4
        && matches!(unit_in(ctx, i - 2, false), Some(Unit::Word(_)));
    unit_in(ctx, i, after_van)
}

fn unit_in(ctx: &Ctx, i: usize, after_van: bool) -> Option<Unit> {
    let t = ctx.doc.tokens.get(i)?;
    // Knowledge-base names do not join a run, except one-word places (a foreign ship or
    // model may share its name with a place: «باتان»).
    match ctx.info.get(i)?.kb {
        Some((e, EntityType::LOC)) if e as usize == i + 1 => {}
        Some(_) => return None,
        None => {}
    }
    match t.kind {
        TokenKind::Number => return Some(Unit::Number),
        TokenKind::Arabic => {}
        _ => return None,
    }
    // «فان», «فون» (van, von): the text layer reads ف + «ان» (as in «فإن», "so
    // indeed"); as a unit it is only a particle, which glues foreign words together
    // («لويس فان غال», «روبن فان بيرسي») and never ends a run.
    if van(ctx, i) {
        return Some(Unit::Particle);
    }
    if t.pre_len > 0 || t.al_len > 0 || t.enclitic.is_some() {
        return None;
    }
    let c = ctx.info[i].cls;
    // A spelled letter that is also a function word («إي»/«أي») counts only inside a run
    // that has a foreign word (checked by the caller).
    if c & LETTER != 0 {
        return Some(if c & FUNC == 0 {
            Unit::Letter
        } else {
            Unit::FuncLetter
        });
    }
    if c & FOREIGN_PARTICLE != 0 {
        return Some(Unit::Particle);
    }
    if c & (FUNC
        | TITLE
        | TITLE_HEAD
        | ORG_HEAD
        | LOCATIVE
        | VEHICLE
        | MEDIA
        | OPERATION
        | ROLE
        | QUALIFIER)
        != 0
        || ctx.info[i].gent.is_some()
        || t.al_len > 0
        || t.pre_len > 0
        || t.enclitic.is_some()
        // Tanween marks an indefinite Arabic noun or adverb («أياماً»), never a name.
        || ctx.doc.slice(t.span).contains(['\u{064B}', '\u{064C}', '\u{064D}'])
    {
        return None;
    }
    let w = ctx.doc.token_norm(t);
    if w.chars().count() < 3 {
        return None;
    }
    // A written alef maqsura ends Arabic words («مستشفى»), not transliterations.
    if ctx.written_maqsura(i) {
        return None;
    }
    let f = ctx.kb.foreignness(w);
    if crate::shape::arabic_pattern(w) && f < STRONG {
        return None;
    }
    if after_van {
        return Some(Unit::Word(f.max(AFTER_VAN)));
    }
    // A nisba adverb («إداريا», «رسميا») is an Arabic adjective + ا: the word without
    // its alef must look foreign too. A glued preposition or conjunction («بلسان»)
    // likewise: the rest must look foreign.
    if w.ends_with("يا") {
        if let Some(adjective) = w.strip_suffix('ا') {
            if ctx.kb.foreignness(adjective) < WEAK {
                return None;
            }
        }
    }
    if let Some(rest) = w.strip_prefix(['ب', 'ل', 'ك', 'و', 'ف']) {
        if ctx.kb.foreignness(rest) < WEAK {
            return None;
        }
    }
    // Imperfect verbs: ي/ت/ن prefix; with a plural or dual ending («ينتمون») or after the
    // future س («ستدوم») they are verbs outright.
    let imperfect = w.starts_with(['ي', 'ت', 'ن']);
    let verb_ending =
        w.ends_with("ون") || w.ends_with("ين") || w.ends_with("ان") || w.ends_with("وا");
    if crate::shape::future_verb(w) || (imperfect && verb_ending) {
        return None;
    }
    let need = if imperfect { VERB_LIKE } else { WEAK };
    (f >= need).then_some(Unit::Word(f))
}

/// Appends candidates for transliterated foreign names.
pub fn foreign_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    let mut i = 0;
    let mut units: Vec<Unit> = Vec::new();
    while i < n {
        let Some(u0) = unit(ctx, i) else {
            i += 1;
            continue;
        };
        // Collect the run.
        units.clear();
        units.push(u0);
        let mut j = i + 1;
        while j < n && adjacent(ctx.doc, j - 1) {
            match unit(ctx, j) {
                Some(u) => units.push(u),
                None => break,
            }
            j += 1;
        }
        // Trim: a run cannot start with a number or «فان» («فإن») nor end with a particle.
        let mut a = 0;
        while a < units.len()
            && (units[a] == Unit::Number || (units[a] == Unit::Particle && van(ctx, i + a)))
        {
            a += 1;
        }
        // Nor with a place that completes a title before it: «سفير نيوزيلندا جيرارد
        // …» is the ambassador of a country, then his name («ملبورن كريكيت غراوند» and
        // «كارلو أنشيلوتي» keep theirs).
        if units.len() > a + 1
            && ctx.info[i + a].kb.is_some()
            && i + a > 0
            && ctx.info[i + a - 1].cls & TITLE_HEAD != 0
            && !ctx.al(i + a - 1)
        {
            a += 1;
        }
        let mut b = units.len();
        while b > a && units[b - 1] == Unit::Particle {
            b -= 1;
        }
        let run = &units[a.min(b)..b];
        let first = i + a;
        let end = i + b;
        i = j.max(i + 1);
        if run.is_empty() {
            continue;
        }
        let strong = run
            .iter()
            .filter(|u| matches!(u, Unit::Word(f) if *f >= STRONG))
            .count();
        let words = run.iter().filter(|u| matches!(u, Unit::Word(_))).count();
        let func_letters = run.iter().filter(|u| **u == Unit::FuncLetter).count();
        let letters = run.iter().filter(|u| **u == Unit::Letter).count()
            + if strong >= 1 { func_letters } else { 0 };
        if func_letters > 0 && strong == 0 {
            continue;
        }
        let particles_only_glue = run.iter().all(|u| *u != Unit::Particle)
            || run
                .windows(2)
                .all(|w| w[0] != Unit::Particle || matches!(w[1], Unit::Word(_)));
        if !(strong >= 1 || letters >= 2) || !particles_only_glue {
            continue;
        }
        if words == 0 && letters < 2 {
            continue;
        }
        // Cue before the run (quotes skipped).
        let mut p = first;
        let mut quoted = false;
        while p > 0 {
            let t = &ctx.doc.tokens[p - 1];
            if t.kind == TokenKind::Punct && matches!(ctx.doc.token_norm(t), "\"" | "«" | "“" | "'")
            {
                quoted = true;
                p -= 1;
                continue;
            }
            break;
        }
        // The cue may stand before a few definite adjectives («السفينة الهجومية
        // البرمائية يو اس اس باتان»).
        let mut cue = 0;
        let mut q = p;
        while q > 0
            && q + 3 >= p
            && ctx.doc.tokens[q - 1].sentence == ctx.doc.tokens[first].sentence
        {
            let c = ctx.info[q - 1].cls;
            if c & (VEHICLE | MEDIA | SETTLEMENT) != 0 {
                cue = c;
                break;
            }
            // A name the knowledge base knows is no adjective: «منطقة القصيم ليكون»
            // (the Qassim region, so as to be …) gives «ليكون» no settlement cue.
            if ctx.info[q - 1].kb.is_some() {
                break;
            }
            let t = &ctx.doc.tokens[q - 1];
            if !(t.al_len > 0 && c & FUNC == 0) || quoted {
                cue = c;
                break;
            }
            q -= 1;
        }
        let len = end - first;
        // numbers that close the run (a score after a player: «كليمان 6 - 4»)
        let trailing_numbers = run.iter().rev().take_while(|u| **u == Unit::Number).count();
        let mut cut = 0;
        // «الهولندي روبن فان بيرسي», «البريطاني مارك …»: a definite masculine nationality
        // adjective right before the run, used as a noun or after a role noun, introduces
        // a person in news prose (companies and media are feminine: «الأمريكية فوكس …»).
        let nationality_cue = !quoted
            && p == first
            && first > 0
            && adjacent(ctx.doc, first - 1)
            && ctx.gent(first - 1)
            && ctx.al(first - 1)
            && ctx.text(first - 1).ends_with('ي');
        let min_word = run
            .iter()
            .filter_map(|u| match u {
                Unit::Word(f) => Some(*f),
                _ => None,
            })
            .fold(f32::INFINITY, f32::min);
        let max_word = run
            .iter()
            .filter_map(|u| match u {
                Unit::Word(f) => Some(*f),
                _ => None,
            })
            .fold(f32::NEG_INFINITY, f32::max);
        // A particle between two words («لويس فان غال», «ستافان دي ميستورا») is evidence
        // of a foreign name of its own.
        // (A first name has four letters at least: «لنا فان …» is "for us, so …".)
        let inner_particle = run.windows(3).enumerate().any(|(k, w)| {
            matches!(w, [Unit::Word(_), Unit::Particle, Unit::Word(_)])
                && ctx.letters(first + k) >= 4
        });
        let (etype, mut score) = if cue & VEHICLE != 0 && len >= 2 {
            (EntityType::MISC, 0.8)
        } else if cue & MEDIA != 0 {
            (EntityType::ORG, 0.8)
        } else if cue & SETTLEMENT != 0 {
            (EntityType::LOC, 0.75)
        } else if quoted && len >= 2 {
            // Quoted single words are mostly loanwords in scare quotes («"هاشتاغ"»).
            (EntityType::ORG, 0.7)
        } else if len >= 2
            && words >= 2
            && letters == 0
            && min_word >= 0.9
            && max_word >= if inner_particle { STRONG } else { 1.3 }
        {
            (EntityType::PER, if nationality_cue { 0.7 } else { 0.58 })
        } else if nationality_cue
            && len >= 2 + trailing_numbers
            && words >= 2
            && letters == 0
            && max_word >= STRONG
            && run[..run.len() - trailing_numbers]
                .iter()
                .all(|u| matches!(u, Unit::Word(_) | Unit::Particle))
            && (first..end).all(|k| ctx.info.get(k).is_some_and(|x| x.kb.is_none()))
            && !{
                let w = ctx.text(first);
                w.strip_prefix('ل')
                    .unwrap_or(w)
                    .starts_with(['ي', 'ت', 'ن'])
            }
            && ctx.letters(end - trailing_numbers - 1) >= 4
            && (first..end).filter(|&k| ctx.text(k).ends_with('ا')).count() <= 1
        {
            // After the cue every word need only look more foreign than Arabic; numbers
            // after the name are left out, and a place the knowledge base knows stops it
            // («الألماني بأفغانستان هانز …»). The name may not open on a word that could
            // be a verb («الجيش التركي يشن غارات») nor close on a short one, which may be
            // a glued particle («… كنياتا بأن»); two words ending in «ا» are an indefinite
            // noun and its adjective in the accusative («سجل الاقتصاد الياباني انكماشا
            // سنويا», «دورا بارزا»).
            cut = trailing_numbers;
            (EntityType::PER, 0.65)
        } else if letters >= 2 && words >= 1 {
            (EntityType::MISC, 0.6)
        } else {
            continue;
        };
        score += 0.03 * (strong.min(3) as f32);
        out.push(Candidate::from_tokens(
            ctx.doc,
            first,
            end - cut,
            etype,
            MentionSource::Pattern,
            score.min(0.88),
        ));
    }
}
