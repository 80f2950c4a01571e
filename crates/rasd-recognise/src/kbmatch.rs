//! Clitic-aware knowledge-base matching.
//!
//! The automaton is walked *anchored* ([`rasd_kb::Kb::walk`]) from every token start and
//! every proclitic boundary inside the token — after و/ف, after ب/ك/ل, after both — so
//! «وبالجزائر» yields «الجزائر» and «بمالي» yields «مالي», the surface reading first. A
//! walk stops as soon as no key continues, so most tokens cost two or three automaton
//! steps; an unanchored scan of the whole text would report every key that ends inside
//! a word and then throw nearly all of them away. A key becomes a candidate only when it
//! ends at the end of a token (so «الجزائري» is not «الجزائر»). Keys generated for «لل»
//! («لجيش الوطني» for «الجيش الوطني») only count right after a ل.
//!
//! Each posting behind the key is scored from what the knowledge base says about it
//! (prior) and the candidate is typed by its best posting; the document context is added
//! afterwards ([`context_adjust`]): small places, whose names are often ordinary words,
//! need a place cue before them («في», «مدينة», a ب proclitic) or another place of the
//! same country in the document. That is a scoring rule, not a stop list: the same word
//! passes when the context supports it.

use crate::lexicon::class;
use crate::patterns::Ctx;
use crate::spans::{name_start, orig_span, token_at};
use crate::Candidate;
use rasd_doc::{Document, EntityType, MentionKind, MentionSource, Span, TokenKind};
use rasd_kb::format::{
    first_segment, is_word_char, V_ACRONYM, V_ARTICLE, V_DERIVED, V_LIL, V_PREFIX, V_SURNAME,
    V_TRANSLIT,
};
use rasd_kb::variants::ARAB_STATES;
use rasd_kb::{EntryKind, Kb, PlaceKind, Posting};

/// Prior confidence that a key naming place `e` is that place, before context.
///
/// Countries, seas, regions, admin-1 units, capitals and cities of a million people are
/// names whatever the context. Below that, place names are so often ordinary words
/// («الصف», «عالية», «التحرير») that the prior stays under the threshold and the
/// document must supply a cue ([`context_adjust`]): one cue for a city of 100,000 or
/// more, two (or a settlement noun) for smaller places. Admin seats (PPLA) get 0.1 more.
pub fn place_prior(kind: Option<PlaceKind>, feature: Option<&str>, population: u32) -> f32 {
    match kind {
        Some(PlaceKind::Country) | Some(PlaceKind::Sea) => 0.95,
        Some(PlaceKind::Region) => 0.85,
        Some(PlaceKind::Admin1) => 0.85,
        // Districts and neighbourhoods are named with ordinary words («السلام», «الخليفة»)
        // and are mostly mentioned with their settlement noun: context always.
        Some(PlaceKind::Admin2) | Some(PlaceKind::Neighbourhood) => {
            if feature.is_some_and(|f| f == "PPLC") {
                0.95
            } else {
                0.35
            }
        }
        _ => {
            if feature.is_some_and(|f| f == "PPLC") {
                return 0.95;
            }
            let seat = if feature.is_some_and(|f| f.starts_with("PPLA")) {
                0.1
            } else {
                0.0
            };
            match population {
                p if p >= 1_000_000 => 0.9,
                p if p >= 100_000 => 0.48 + seat,
                _ => 0.35 + seat,
            }
        }
    }
}

/// True for places whose name needs context: below admin-1 and under 100,000 people.
pub fn is_small_place(kind: Option<PlaceKind>, feature: Option<&str>, population: u32) -> bool {
    place_prior(kind, feature, population) < 0.8
}

/// Scores one posting; `None` when it cannot apply here.
fn posting_score(kb: &Kb, p: Posting, prefix: &str, orig: &str) -> Option<(EntityType, f32)> {
    if p.flags & V_LIL != 0 && !prefix.ends_with('ل') {
        return None;
    }
    if p.flags & V_ACRONYM != 0
        && !orig
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(|c| c.is_uppercase())
    {
        return None;
    }
    let e = kb.entry(p.entry)?;
    let derived_factor = if p.flags & V_DERIVED == 0 {
        1.0
    } else if p.flags & V_ARTICLE != 0 {
        0.45
    } else if p.flags & V_TRANSLIT != 0 {
        // A ج/غ swap can land on an Arabic word («توجيه» from «توغيه»).
        0.85
    } else if p.flags & V_PREFIX != 0 {
        0.95
    } else {
        0.9
    };
    let (t, s) = match e.kind()? {
        EntryKind::Person => {
            if p.flags & V_SURNAME != 0 {
                (EntityType::PER, 0.45)
            } else {
                (EntityType::PER, 0.93)
            }
        }
        EntryKind::Org => (EntityType::ORG, 0.9),
        EntryKind::Place => {
            let prior = place_prior(e.place_kind(), e.feature(), e.population());
            // A stripped preposition without the article weakens a small place.
            let pen = if !prefix.is_empty() && prior < 0.8 {
                0.05
            } else {
                0.0
            };
            (EntityType::LOC, prior - pen)
        }
    };
    Some((t, s * derived_factor))
}

/// Byte offsets (into the token's normalised text) where a name may start: the token
/// start, after و/ف, after ب/ك/ل, after و/ف + ب/ك/ل. At most three; unused slots are
/// `usize::MAX`.
fn clitic_starts(word: &str) -> [usize; 3] {
    let mut out = [0, usize::MAX, usize::MAX];
    let mut chars = word.chars();
    let (Some(c0), Some(c1)) = (chars.next(), chars.next()) else {
        return out;
    };
    let rest = chars.count(); // letters after the first two
    let prep = |c: char| matches!(c, 'ب' | 'ك' | 'ل');
    if matches!(c0, 'و' | 'ف') {
        if rest >= 1 {
            out[1] = c0.len_utf8();
        }
        if prep(c1) && rest >= 2 {
            out[2] = c0.len_utf8() + c1.len_utf8();
        }
    } else if prep(c0) && rest >= 1 {
        out[1] = c0.len_utf8();
    }
    out
}

/// Appends the knowledge-base candidates of `doc` to `out`: from every token start and
/// every clitic boundary, the word there is looked up ([`Kb::first_word`]: one-word keys
/// and whether longer keys start with it), and only for the latter the automaton is
/// walked anchored ([`Kb::walk`]), keeping keys that end at a token end. At function
/// words (lexicon class FUNC) only multi-word keys count.
pub fn kb_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let (doc, kb) = (ctx.doc, ctx.kb);
    if kb.automaton().is_none() {
        return;
    }
    let text = doc.norm.text.as_str();
    for (ti, tok) in doc.tokens.iter().enumerate() {
        if tok.kind == TokenKind::Punct {
            continue;
        }
        // A function word is never a one-word name, but may begin a longer one («أم
        // درمان», «لو نوفيل أوبسرفاتور»): only multi-word keys are looked for there.
        let func = ctx.classes(ti) & class::FUNC != 0 || ctx.lx.func_after_prep(doc, tok);
        let word = text.get(tok.norm.start..tok.norm.end).unwrap_or("");
        let starts = if tok.kind == TokenKind::Arabic {
            clitic_starts(word)
        } else {
            [0, usize::MAX, usize::MAX]
        };
        for off in starts {
            if off == usize::MAX {
                continue;
            }
            let s = tok.norm.start + off;
            let prefix = word.get(..off).unwrap_or("");
            // One hash probe on the word decides whether anything can start here; the
            // automaton is walked only when longer (multi-word) keys start with it.
            let seg = first_segment(text.get(s..).unwrap_or(""));
            let seg_end = s + seg.len();
            if seg.is_empty() || seg_end != tok.norm.end {
                continue;
            }
            let Some((single, multi)) = kb.first_word(seg) else {
                continue;
            };
            if let Some(name) = single.filter(|_| !func) {
                consider(doc, kb, ti, s, seg_end, name, prefix, out);
            }
            if multi {
                kb.walk(text, s, |e, name| {
                    // Longer keys only, ending at a token end.
                    if e <= seg_end
                        || text
                            .get(e..)
                            .and_then(|r| r.chars().next())
                            .is_some_and(is_word_char)
                    {
                        return;
                    }
                    consider(doc, kb, ti, s, e, name, prefix, out);
                });
            }
        }
    }
}

/// Scores the postings of key `name` found at normalised bytes `[s, e)` starting in
/// token `ti` after `prefix`, and pushes the best as a candidate.
#[allow(clippy::too_many_arguments)]
fn consider(
    doc: &Document,
    kb: &Kb,
    ti: usize,
    s: usize,
    e: usize,
    name: u32,
    prefix: &str,
    out: &mut Vec<Candidate>,
) {
    let tj = token_at(doc, e.saturating_sub(1));
    let Some(last) = doc.tokens.get(tj) else {
        return;
    };
    if last.norm.end != e {
        return;
    }
    let lil = prefix.ends_with('ل') && kb.postings(name).any(|p| p.flags & V_LIL != 0);
    let start = if lil { s - 2 } else { s };
    let span = orig_span(doc, start, e);
    let orig = doc.slice(span);
    let mut best: Option<(EntityType, f32, u32, u32)> = None;
    for p in kb.postings(name) {
        if let Some((t, sc)) = posting_score(kb, p, prefix, orig) {
            let better = match best {
                None => true,
                Some((_, bs, be, _)) => {
                    sc > bs
                        || (sc == bs
                            && kb.entry(p.entry).map(|x| x.population()).unwrap_or(0)
                                > kb.entry(be).map(|x| x.population()).unwrap_or(0))
                }
            };
            if better {
                best = Some((t, sc, p.entry, p.flags));
            }
        }
    }
    let Some((etype, score, entry, flags)) = best else {
        return;
    };
    out.push(Candidate {
        first: ti,
        end: tj + 1,
        span,
        etype,
        kind: MentionKind::Name,
        source: MentionSource::Kb,
        score,
        entry: Some(entry),
        name_id: Some(name),
        kb_flags: flags,
        alias_key: None,
    });
}

/// Adds document context to knowledge-base candidates.
///
/// Single-word keys: two letters or fewer are never names; a function word or a word
/// written with tanween is never a name; a one-word place that is a given name («خليفة») loses 0.3; a definite one-word
/// place right after a definite noun is in adjective position («البحر الأبيض») and loses
/// 0.4. A place or surname made only of grammar words of the lexicon («الوحدة»,
/// «الجنوب الغربي») loses 0.4.
///
/// Small places (below admin-1, under 100,000 people) and keys that add or drop the
/// article of a listed name need context: a settlement noun before the name
/// («مدينة», «قرية») adds 0.4, a preposition or ب proclitic 0.12, another confident
/// place of the same country in the document 0.12 (the last two not for article
/// variants); a one-word key of three letters or fewer loses 0.1; multi-word keys gain
/// 0.05. A village (prior 0.35) thus needs a settlement noun, or both a preposition and
/// a same-country place.
///
/// Surnames alone («حفتر»): +0.35 when the person's full name is matched in the document,
/// +0.2 after a title or role, +0.15 for a foreign-looking word of five letters or more.
///
/// Places outside the Arab world (below country level, not capitals, under a million
/// people) whose Arabic label does not look like a transliteration («كنت» for Kent,
/// «أنا» for Ana), ends in ة, has four letters or fewer («لير», «تاما») or fits an Arabic
/// derivational template ([`crate::shape`], «توجيه») lose 0.5 and then need context like
/// small places: such labels are usually Arabic words.
///
/// Organisations absorb a nationality adjective that follows them («مكتب التحقيقات
/// الفدرالي الأميركي»).
pub fn context_adjust(ctx: &Ctx, cands: &mut [Candidate]) {
    let (doc, kb, lx) = (ctx.doc, ctx.kb, ctx.lx);
    // Countries supported by confident places.
    let mut countries: Vec<[u8; 2]> = Vec::new();
    for c in cands.iter() {
        if c.source != MentionSource::Kb || c.etype != EntityType::LOC || c.score < 0.8 {
            continue;
        }
        if let Some(cc) = c.entry.and_then(|i| kb.entry(i)).and_then(|e| e.cc2()) {
            let b = cc.as_bytes();
            if b.len() == 2 && !countries.contains(&[b[0], b[1]]) {
                countries.push([b[0], b[1]]);
            }
        }
    }
    // Entries matched by a full (non-surname) name.
    let full: Vec<u32> = cands
        .iter()
        .filter(|c| c.source == MentionSource::Kb && c.kb_flags & V_SURNAME == 0 && c.score >= 0.8)
        .filter_map(|c| c.entry)
        .collect();
    for c in cands.iter_mut() {
        if c.source != MentionSource::Kb {
            continue;
        }
        let Some(tok) = doc.tokens.get(c.first) else {
            continue;
        };
        let single = c.end - c.first == 1;
        let prev_i = c.first.checked_sub(1).filter(|&p| {
            doc.tokens
                .get(p)
                .is_some_and(|t| t.sentence == tok.sentence)
        });
        let prev = prev_i.and_then(|p| doc.tokens.get(p));
        let prev_cls = prev_i.map(|p| ctx.classes(p)).unwrap_or(0);
        let word_cls = ctx.classes(c.first);
        let key_letters = doc
            .norm
            .text
            .get(name_start(tok)..doc.tokens.get(c.end - 1).map(|t| t.norm.end).unwrap_or(0))
            .map(|k| k.chars().filter(|ch| !ch.is_whitespace()).count())
            .unwrap_or(0);
        // Tanween marks an indefinite Arabic word («تماماً»), never a name.
        let tanween = doc
            .slice(
                doc.tokens
                    .get(c.end - 1)
                    .map(|t| t.span)
                    .unwrap_or_default(),
            )
            .contains(['\u{064B}', '\u{064C}', '\u{064D}']);
        if single && (key_letters <= 2 || word_cls & class::FUNC != 0 || tanween) {
            c.score = 0.0;
            continue;
        }
        let mut bonus = 0.0f32;
        let is_surname = c.etype == EntityType::PER && c.kb_flags & V_SURNAME != 0;
        if (c.etype == EntityType::LOC || is_surname)
            && (c.first..c.end).all(|k| {
                doc.tokens
                    .get(k)
                    .is_some_and(|t| ctx.classes(k) != 0 || lx.classes_any(doc.token_stem(t)) != 0)
            })
        {
            bonus -= 0.5;
        }
        // A one-word place that is a given name («خليفة») is a person more often.
        if single
            && c.etype == EntityType::LOC
            && tok.al_len == 0
            && lx.is_given_name(doc.token_stem(tok))
        {
            bonus -= 0.3;
        }
        if c.etype == EntityType::LOC {
            let e = c.entry.and_then(|i| kb.entry(i));
            let mut penalised = false;
            if e.is_some_and(|x| {
                x.cc3().is_some_and(|cc| !ARAB_STATES.contains(&cc))
                    && x.place_kind() != Some(PlaceKind::Country)
                    && x.feature() != Some("PPLC")
                    && x.population() < 1_000_000
            }) {
                let key = doc
                    .norm
                    .text
                    .get(
                        name_start(tok)..doc.tokens.get(c.end - 1).map(|t| t.norm.end).unwrap_or(0),
                    )
                    .unwrap_or("");
                let f = key
                    .split(' ')
                    .map(|w| kb.foreignness(w))
                    .fold(f32::NEG_INFINITY, f32::max);
                // A final ة marks an Arabic feminine noun; transliterations end in ا or ه.
                let ta_marbuta = doc
                    .slice(
                        doc.tokens
                            .get(c.end - 1)
                            .map(|t| t.span)
                            .unwrap_or_default(),
                    )
                    .chars()
                    .rev()
                    .find(|ch| !rasd_text::normalise::is_diacritic(*ch))
                    == Some('ة');
                if f < 0.5
                    || ta_marbuta
                    || key.chars().filter(|c| !c.is_whitespace()).count() <= 4
                    || (single && crate::shape::arabic_pattern(key) && f < crate::foreign::STRONG)
                {
                    bonus -= 0.5;
                    penalised = true;
                }
            }
            if single
                && tok.al_len > 0
                && tok.pre_len == 0
                && prev.is_some_and(|p| p.al_len > 0 && p.kind == TokenKind::Arabic)
                && prev_cls & (class::FUNC | class::LOCATIVE | class::SETTLEMENT) == 0
                && prev_i.is_some_and(|p| crate::spans::adjacent(doc, p))
            {
                bonus -= 0.4;
            }
            let needs_context = penalised
                || c.kb_flags & V_ARTICLE != 0
                || e.is_some_and(|e| is_small_place(e.place_kind(), e.feature(), e.population()));
            if needs_context {
                let has_bi = tok.proclitics.has(rasd_doc::Proclitics::BI);
                // A key that adds or drops the article counts only after a settlement
                // noun («مدينة …»).
                let article = c.kb_flags & V_ARTICLE != 0;
                if prev_cls & class::SETTLEMENT != 0 {
                    bonus += 0.4;
                } else if (prev_cls & class::LOCATIVE != 0 || has_bi) && !article {
                    bonus += 0.12;
                }
                let same_country = c.name_id.is_some_and(|n| {
                    kb.postings(n).any(|p| {
                        kb.entry(p.entry).is_some_and(|x| {
                            x.kind() == Some(EntryKind::Place)
                                && x.cc2()
                                    .is_some_and(|cc| countries.iter().any(|k| k == cc.as_bytes()))
                        })
                    })
                });
                if same_country && !article {
                    bonus += 0.12;
                }
                if single && key_letters <= 3 && !penalised {
                    bonus -= 0.1;
                }
                if !single {
                    bonus += 0.05;
                }
            }
        }
        if is_surname {
            if c.entry.is_some_and(|e| full.contains(&e)) {
                bonus += 0.35;
            }
            if prev_cls & (class::TITLE | class::ROLE | class::QUALIFIER) != 0 {
                bonus += 0.2;
            }
            let stem = doc.token_stem(tok);
            if stem.chars().count() >= 5 && kb.foreignness(stem) >= 1.1 {
                bonus += 0.15;
            }
        }
        // A one-word organisation followed by a (non-national) adjective is the common
        // noun it is named after («القاعدة العسكرية», «القاعدة الجوية»).
        if single && c.etype == EntityType::ORG {
            if let Some(n) = doc.tokens.get(c.end) {
                let st = doc.token_stem(n);
                if n.al_len > 0
                    && n.pre_len == 0
                    && crate::spans::adjacent(doc, c.first)
                    && (st.ends_with('ي') || st.ends_with("يه"))
                    && kb.gentilic(st).is_none()
                {
                    bonus -= 0.5;
                }
            }
        }
        c.score = (c.score + bonus).clamp(0.0, 0.97);
        // Organisations absorb a following nationality adjective.
        if c.etype == EntityType::ORG {
            let last = c.end - 1;
            if let Some(n) = doc.tokens.get(c.end) {
                if n.al_len > 0
                    && n.pre_len == 0
                    && n.kind == TokenKind::Arabic
                    && crate::spans::adjacent(doc, last)
                    && kb.gentilic(doc.token_stem(n)).is_some()
                {
                    c.end += 1;
                    c.span = Span::new(c.span.start, n.span.end.max(c.span.start));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn priors_rank_place_kinds() {
        assert!(place_prior(Some(PlaceKind::Country), None, 0) > 0.9);
        assert!(place_prior(Some(PlaceKind::City), Some("PPLC"), 10) > 0.9);
        assert!(place_prior(Some(PlaceKind::Village), None, 300) < 0.5);
        assert!(place_prior(Some(PlaceKind::City), None, 300_000) < 0.5);
        assert!(place_prior(Some(PlaceKind::City), None, 300_000) + 0.12 >= 0.5);
        assert!(place_prior(Some(PlaceKind::Town), None, 30_000) + 0.12 < 0.5);
        assert!(place_prior(Some(PlaceKind::Town), None, 30_000) + 0.24 >= 0.5);
        assert!(place_prior(Some(PlaceKind::City), None, 2_000_000) > 0.8);
        assert!(is_small_place(Some(PlaceKind::Town), None, 30_000));
        assert!(!is_small_place(Some(PlaceKind::Admin1), None, 0));
    }

    #[test]
    fn clitic_start_offsets() {
        assert_eq!(clitic_starts("وبالجزائر"), [0, 2, 4]);
        assert_eq!(clitic_starts("بمالي"), [0, 2, usize::MAX]);
        assert_eq!(clitic_starts("ليبيا"), [0, 2, usize::MAX]);
        assert_eq!(clitic_starts("طرابلس"), [0, usize::MAX, usize::MAX]);
        assert_eq!(clitic_starts("ول"), [0, usize::MAX, usize::MAX]);
        assert_eq!(clitic_starts(""), [0, usize::MAX, usize::MAX]);
    }
}
