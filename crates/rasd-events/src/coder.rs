//! The events stage: triggers → PLOVER events with arguments, date and size.
//!
//! For every token the trigger lexicon knows (on any clitic segmentation the entry's word
//! class allows), [`EventCoder`] checks multiword continuations («ألقت الشرطة القبض»,
//! with up to three words in between for verbal idioms) and the entry's context words, then
//! reads the arguments off the clause:
//!
//! * **Verbs.** Verb–subject–object first (the NP right after the verb is the subject, the
//!   next free NP or an object pronoun the object); else subject–verb order, a relative
//!   pronoun's antecedent («الجزائر التي وافقت») or a cleft («هم من يقومون»); else the
//!   omitted subject is the nearest earlier person (he) or organisation/country (she).
//!   After a complementiser the noun before the verb is the subject («أن الأردن زودت
//!   العراق»); a complementiser's pronoun is the subject and stands for the speaker («قال
//!   الجيش إنه قتل …»); an unknown definite word right after the verb with a free phrase
//!   after it is the subject («ودعا البارزاني حزب العمال»); a phrase joined by و to a
//!   post-verbal subject is coordinated, not the object («قتل شرطي وثلاثة مدنيين»). The
//!   subject's description — its side («الموالية للحكومة»), recognition («المعترف بها
//!   دوليا») or leader («بقيادة رئيس الوزراء …») — is skipped before the object.
//!   Passives («أصيب», «اغتيل», and «قتل 5 جنود» with a count after the verb) take the NP
//!   after them as recipient and «من قبل / على يد / بواسطة / في يد X» as actor; a killing
//!   verb with one argument and no object is passive too, and so is an arrest verb whose
//!   one argument is no force, state or organisation («وكان الرجل قد اعتقل»). In reported
//!   speech, words no lexicon reads between the complementiser and the verb are its
//!   subject («قال الجهاز إن خليل حزران اعتقل»).
//! * **Nouns and masdars.** The genitive («اعتقال X», «هجوم المسلحين») takes the role the
//!   entry's frame gives it; a nationality adjective («غارة إسرائيلية») or «لـ X»
//!   («غارة للجيش») names the actor (linked to the document's country entity); a light
//!   verb before the noun lends its subject («قامت قواتها بغارة», «شنت الطائرات غارات»,
//!   also across a long post-verbal subject; «تم اعتقال» makes it passive), and a light
//!   verb with a resumptive pronoun after it names the doer («تفجير نفذه حزب العمال»).
//!   Nouns after «أي/كل» or as an indefinite predicate («هو اعتداء») are no events.
//! * **Prepositions** fill roles per the frame (ضد/على → recipient, مع → partner, or the
//!   opponent of a clash, بين X و Y → both actors …); «على + noun (+ adjectives or
//!   و-nouns) + owner» gives the owner; «من» after a count is partitive (the side hit,
//!   never the doer); «من أيدي X» names no agent; «بين» after a casualty noun names the
//!   side hit («سقوط قتلى بين عناصر الميليشيات»), and an attack's prepositions stop at
//!   such a noun.
//! * **Bare counts** («مقتل 8») are no party: the number goes to size, the role stays empty.
//! * **Location**: a place after في/ب/قرب… in the clause (for movements also after من/إلى),
//!   else the nearest place in the sentence, preferring the event's clause over the
//!   report's. **Date**: a time in the clause, else in the sentence (not one before the
//!   complementiser, which dates the report), else in a next sentence opening with
//!   «وكانت/وكان», else the document date (`inferred`). **Size**: counts in the clause
//!   whose unit or position says dead, injured, arrested or troops.
//!
//! After coding, an agreement with no recipient answers the requester of a request in the
//! same sentence, and a listed act with a target of its own but no doer takes the doer
//! named before it in the sentence.
//!
//! A masdar governed by a verb of intention, prohibition, request or refusal («يمنع من
//! الانتشار», «طالب بالإفراج», «بمهمة ترحيل») names no event that happened and is
//! skipped; the governing verb is the event. Mentions of one event in one sentence are
//! merged here («استهدفته ... بهجوم انتحاري أصابه»); mentions across sentences are merged by
//! the [`crate::Attributor`] after each has been attributed.

use crate::chunk::{
    antecedent, clause, gov, np_at, np_list, person_unit, resolve_descriptions, subject_after,
    subject_before, verb_agreement, Agr, Gov, Np, NpKind,
};
use crate::lex::{CueClass, DescClass, Fw, Hit, LightRole, Prep, Role, Slot, Trig, LEX};
use crate::morph::{Kind, Strip};
use crate::view::View;
use rasd_doc::{
    Arg, Attribution, Document, EntityType, Event, EventDate, Plover, Size, Span, Stage, TimeType,
    TokenKind,
};

/// The events stage (see the module docs).
#[derive(Clone, Copy, Debug, Default)]
pub struct EventCoder;

impl Stage for EventCoder {
    fn name(&self) -> &'static str {
        "events"
    }

    fn process(&self, doc: &mut Document) {
        let events = code(doc);
        doc.events = events;
    }
}

/// A trigger found in the text.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Found {
    /// Trigger entry.
    pub entry: u32,
    /// First token.
    pub first: usize,
    /// Last token (of a multiword trigger).
    pub last: usize,
    /// Later words were not adjacent.
    pub gap: bool,
    /// Segmentation of the first token.
    pub strip: Strip,
    /// Accepted as a reference back to an earlier event («بهذه العمليات»).
    pub anaphoric: bool,
}

/// Codes the events of `doc` (one per mention, merged within sentences).
pub(crate) fn code(doc: &Document) -> Vec<Event> {
    if doc.tokens.is_empty() {
        return Vec::new();
    }
    let v = View::new(doc);
    if genre_report(&v) {
        return Vec::new();
    }
    let anaphors = resolve_descriptions(&v);
    let found = find_triggers(&v);
    let mut out: Vec<Told> = Vec::new();
    for f in &found {
        if let Some((ev, sites)) = code_mention(&v, f, &anaphors) {
            // A casualty noun («مقتل», «إصابة») reports the consequence of an act; so does a
            // wounding verb after another act of the sentence («قتل ثلاثة وجرح تسعة في
            // تفجير»). Two killing verbs are often two incidents and stay apart.
            let entry = LEX.trig.get(f.entry as usize);
            let casualty = entry.and_then(|e| {
                if e.kind.is_nominal() {
                    e.casualty().then_some(Casualty::Noun)
                } else if e.slot == Some(Slot::Injured) {
                    Some(Casualty::Wounded)
                } else {
                    e.casualty().then_some(Casualty::Killed)
                }
            });
            let connective = temporal_connective_before(&v, f.first);
            let told = Told {
                tok: f.first,
                by_casualties: entry.is_some_and(|e| e.casualty()),
                event: ev,
                sites,
                triggers: vec![(f.first, f.last)],
            };
            let joins = Joins {
                connective,
                antecedent: event_antecedent(&v, f),
                contrast: contrast_before(&v, f.first),
            };
            merge_in_sentence(&mut out, told, casualty, joins);
        }
    }
    let mut events: Vec<Event> = out
        .into_iter()
        .map(|t| {
            // A phrase holding a whole trigger of the event («نحو عشر غارات استهدفت»:
            // «نحو عشر غارات») counts the event; it is no party to it. (A pronoun on the
            // trigger word, «اعتقلته», lies inside it and stays.)
            let triggers: Vec<rasd_doc::Span> = t
                .triggers
                .iter()
                .map(|&(a, b)| v.span(a).cover(&v.span(b)))
                .collect();
            let mut ev = t.with_sites(&v);
            let holds = |a: &Arg| {
                triggers
                    .iter()
                    .any(|g| a.span.start <= g.start && a.span.end >= g.end)
            };
            ev.actor.retain(|a| !holds(a));
            ev.recipient.retain(|a| !holds(a));
            ev
        })
        .collect();
    answer_requests(&mut events);
    share_list_doer(&mut events);
    events
}

/// The indices of the events of event `i`'s sentence: events are in text order, so they
/// are one run around `i`.
fn sentence_run(events: &[Event], i: usize) -> std::ops::Range<usize> {
    let Some(s) = events.get(i).map(|e| e.sentence) else {
        return i..i;
    };
    let mut a = i;
    while a > 0 && events.get(a - 1).is_some_and(|p| p.sentence == s) {
        a -= 1;
    }
    let mut b = i + 1;
    while events.get(b).is_some_and(|p| p.sentence == s) {
        b += 1;
    }
    a..b
}

/// «نفذ التنظيم عمليات شملت استهداف المصلين …، وإطلاق النار على دورية …»: a listed act
/// of the same type with a target of its own stays another event, done by the doer named
/// earlier in the sentence (the nearest before it) when it names none.
fn share_list_doer(events: &mut [Event]) {
    for i in 0..events.len() {
        let Some(ev) = events.get(i) else { continue };
        if !ev.actor.is_empty() || ev.recipient.is_empty() {
            continue;
        }
        let doer = events
            .get(sentence_run(events, i))
            .unwrap_or_default()
            .iter()
            .filter(|p| {
                p.sentence == ev.sentence
                    && p.etype == ev.etype
                    && p.trigger.start < ev.trigger.start
                    && !p.actor.is_empty()
            })
            .max_by_key(|p| p.trigger.start)
            .map(|p| p.actor.clone());
        let Some(doer) = doer else { continue };
        let clash = ev.recipient.iter().any(|r| {
            doer.iter()
                .any(|a| a.span.overlaps(&r.span) || (a.entity.is_some() && a.entity == r.entity))
        });
        if !clash {
            if let Some(ev) = events.get_mut(i) {
                ev.actor = doer;
            }
        }
    }
}

/// «طالبت X دعم Y التي وافقت»: an agreement with no recipient, made by the party a request
/// in the same sentence just asked, answers the requester.
fn answer_requests(events: &mut [Event]) {
    for i in 0..events.len() {
        let Some(ev) = events.get(i) else { continue };
        if ev.etype != Plover::AGREE || !ev.recipient.is_empty() || ev.actor.is_empty() {
            continue;
        }
        let run = sentence_run(events, i);
        let mut same_sentence = events.get(run.start..i).unwrap_or(&[]).iter().rev();
        let asker = same_sentence.find(|r| {
            r.etype == Plover::REQUEST
                && !r.actor.is_empty()
                && r.recipient.iter().any(|x| {
                    ev.actor.iter().any(|y| {
                        x.span.overlaps(&y.span) || (x.entity.is_some() && x.entity == y.entity)
                    })
                })
        });
        let Some(actor) = asker.map(|r| r.actor.clone()) else {
            continue;
        };
        if let Some(ev) = events.get_mut(i) {
            ev.recipient = actor;
        }
    }
}

fn ctx_ok(v: &View, first: usize, last: usize, e: &Trig) -> bool {
    if e.next_neg.iter().any(|&w| v.has_word(last + 1, w))
        || (first > 0 && e.prev_neg.iter().any(|&w| v.has_word(first - 1, w)))
    {
        return false;
    }
    if e.ctx_pos.is_empty() && e.ctx_neg.is_empty() {
        return true;
    }
    let (s0, s1) = v.sent_range(v.sent(first));
    let lo = first.saturating_sub(8).max(s0);
    let hi = (last + 9).min(s1);
    let mut pos = e.ctx_pos.is_empty();
    for k in lo..hi {
        if k >= first && k <= last {
            continue;
        }
        for h in v.hits(k) {
            if let Hit::Word(w) = h.hit {
                if e.ctx_neg.binary_search(&w).is_ok() {
                    return false;
                }
                if !pos && e.ctx_pos.binary_search(&w).is_ok() {
                    pos = true;
                }
            }
        }
    }
    pos
}

/// Matches the later words of a multiword entry after token `i`; returns the last token
/// and whether there was a gap.
fn match_rest(v: &View, i: usize, e: &Trig) -> Option<(usize, bool)> {
    let Some((&first, rest)) = e.rest.split_first() else {
        return Some((i, false));
    };
    let (_, s1) = v.sent_range(v.sent(i));
    // A gap that holds a subject and an object («حملت الحكومة التركية مسلحي التنظيم
    // المسؤولية») takes one word more.
    let max_gap = match (e.kind.is_verb(), e.frame.gap_obj) {
        (false, _) => 0,
        (true, false) => 3,
        (true, true) => 4,
    };
    let mut j = None;
    // Words in the gap count against `max_gap`; times and a short parenthesis do not
    // («وجهت السلطات الإسرائيلية اليوم (الأحد) اتهامات»).
    let (mut k, mut words) = (i + 1, 0);
    while k < s1 && words <= max_gap {
        if v.has_word(k, first) {
            j = Some(k);
            break;
        }
        // A quotation may open inside the idiom («تحملان «قوات الاحتلال المسؤولية»).
        if max_gap > 0 && crate::view::is_quote_mark(v.norm(k)) {
            k += 1;
            continue;
        }
        if max_gap > 0 && v.norm(k) == "(" {
            let close = v.closing_paren(k, 4)?;
            k = close + 1;
            continue;
        }
        if v.is_hard(k) || v.is_soft(k) {
            return None;
        }
        if max_gap == 0 || v.time(k).is_none() {
            words += 1;
        }
        k += 1;
    }
    let mut j = j?;
    let gap = j > i + 1;
    for &w in rest {
        j += 1;
        if !v.has_word(j, w) {
            return None;
        }
    }
    Some((j, gap))
}

/// True when token `i` sits where a noun is expected (after a preposition, a light verb,
/// a demonstrative), so a verb/masdar homograph («قصف») is read as the masdar.
fn nominal_context(v: &View, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let p = i - 1;
    matches!(
        v.fw(p),
        Some((Fw::Prep, _)) | Some((Fw::LocPrep, _)) | Some((Fw::Dem, _))
    ) || masdar_head(v.norm(p))
        || v.hits(p).iter().any(|h| match h.hit {
            Hit::Light(_) | Hit::Fw(Fw::Dem) => true,
            // Two finite verbs in a row are rare: after a verb, read the masdar.
            Hit::Trig(t) => LEX
                .trig
                .get(t as usize)
                .is_some_and(|e| e.kind.is_verb() && e.kind.allows(&h.strip)),
            Hit::Cue(c) => LEX
                .cue
                .get(c as usize)
                .is_some_and(|e| e.kind.is_verb() && e.kind.allows(&h.strip)),
            _ => false,
        })
}

/// Nouns that take a masdar for their genitive: repetition, continuation, resumption,
/// escalation, stopping, absence, attempt, prevention, risk, consequence (folded, without
/// the article). «عدم تكرار قصف المدنيين»: the word after one of them is a masdar, never
/// a finite verb with a subject of its own.
const MASDAR_HEADS: &[&str] = &[
    "تكرار",
    "استمرار",
    "مواصله",
    "استئناف",
    "تجدد",
    "تصاعد",
    "تصعيد",
    "وقف",
    "ايقاف",
    "عدم",
    "محاوله",
    "محاولات",
    "منع",
    "خطر",
    "مخاطر",
    "احتمال",
    "امكانيه",
    "ضروره",
    "نتيجه",
    "اعاده",
    "تجنب",
];

/// True when the folded word `w` (with at most a conjunction and a preposition glued
/// before it) is one of the [`MASDAR_HEADS`] in construct: no article, no pronoun.
fn masdar_head(w: &str) -> bool {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    let bare = w.strip_prefix(['ب', 'ل']).unwrap_or(w);
    MASDAR_HEADS.contains(&w) || MASDAR_HEADS.contains(&bare)
}

/// True when `e` is a recognition trigger («اعترف», «يعترف», «اعتراف») at `i` whose «بـ»
/// object, within six words in its sentence, is an event noun («بمقتل», «بتنفيذ الهجوم»):
/// the word then means «admit», and what is admitted is told by its own trigger.
fn admits_event(v: &View, i: usize, e: &crate::lex::Trig) -> bool {
    if !matches!(&*e.head, "اعترف" | "يعترف" | "اعتراف") {
        return false;
    }
    let (_, s1) = v.sent_range(v.sent(i));
    (i + 1..(i + 7).min(s1))
        .find(|&k| v.norm(k).starts_with('ب') && v.fw(k).is_none())
        .is_some_and(|k| {
            crate::chunk::nominal_trigger(v, k, |t, st| st.prep == b'b' && t.kind.allows(st))
        })
}

/// True for a sports report or an arts report: at least four words of sport
/// («المباراة», «الدوري», «اللاعب», «المدرب» …) or of film, television, theatre and music
/// («المسلسل», «الفيلم», «الممثلة», «المسرح» …) in at least two sentences, and more of them
/// than words of fighting or the military. A sports report's attacks, meetings, agreements
/// and resignations are those of teams, coaches and clubs, an arts report's those of its
/// characters and casts, not the political events PLOVER codes. One pass over the words.
fn genre_report(v: &View) -> bool {
    let has = |i: usize, set: &[u32]| {
        v.hits(i)
            .iter()
            .any(|h| matches!(h.hit, Hit::Word(w) if set.binary_search(&w).is_ok()))
    };
    // Per field (sport, arts): words, sentences with one, the last such sentence.
    let mut fields = [(0usize, 0usize, None); 2];
    let mut fight = 0usize;
    for i in 0..v.len() {
        let mut any = false;
        for (f, set) in fields.iter_mut().zip([&LEX.sport, &LEX.arts]) {
            if has(i, set) {
                any = true;
                f.0 += 1;
                if f.2 != Some(v.sent(i)) {
                    f.1 += 1;
                    f.2 = Some(v.sent(i));
                }
            }
        }
        if !any && has(i, &LEX.violence) {
            fight += 1;
        }
    }
    // A football simile in one sentence of a column is not a sports report.
    fields
        .iter()
        .any(|&(words, sents, _)| words >= 4 && sents >= 2 && words > fight)
}

/// True when token `i` directly follows a number written in digits («40 طالبا»).
fn after_number(v: &View, i: usize) -> bool {
    i.checked_sub(1)
        .is_some_and(|p| v.kind(p) == Some(TokenKind::Number) && v.sent(p) == v.sent(i))
}

/// Heads of names of bodies, units, services and programmes: a definite noun trigger in
/// construct after one of them names the body's field, not an event («وحدة الدعم»,
/// «لجنة التحقيق», «مجلس التعاون», «قوات التحالف», «برنامج المساعدات»).
const BODY_HEADS: &[&str] = &[
    "وحده",
    "مركز",
    "لجنه",
    "اداره",
    "قسم",
    "برنامج",
    "برامج",
    "صندوق",
    "هيئه",
    "مكتب",
    "جهاز",
    "خدمات",
    "مجلس",
    "قوات",
    "وزراء",
    "وزير",
    "وزاره",
    "منظمه",
    "جمعيه",
    "مؤسسه",
    "موسسه",
    "فريق",
    "بعثه",
    "اتفاقيه",
    "مشروع",
    "خطه",
    "استراتيجيه",
    "مفاوضات",
];

/// Heads that make the noun after them a kind of act spoken of, not an act that happened:
/// «سياسة القمع», «ثقافة العنف», «أساليب التعذيب», «لغة التهديد».
const KIND_HEADS: &[&str] = &[
    "سياسه",
    "سياسات",
    "ثقافه",
    "لغه",
    "منطق",
    "اسلوب",
    "اساليب",
    "نهج",
    "اشكال",
    "انواع",
    "ظاهره",
    "مفهوم",
    "مبدا",
];

/// True when the noun trigger at `i` (with the article, no preposition) is the second
/// term of a construct headed by a body noun ([`BODY_HEADS`]) or a kind noun
/// ([`KIND_HEADS`]) without the article.
fn body_head_before(v: &View, i: usize, strip: &Strip) -> bool {
    if !strip.al || strip.prep != 0 {
        return false;
    }
    let Some(p) = i.checked_sub(1) else {
        return false;
    };
    if v.sent(p) != v.sent(i) || v.kind(p) != Some(TokenKind::Arabic) {
        return false;
    }
    // «سياسة القمع والقتل»: a noun joined by و to the construct's second term.
    let p = if strip.conj && v.norm(p).starts_with("ال") && p > 0 && v.sent(p - 1) == v.sent(i) {
        p - 1
    } else {
        p
    };
    let n = v.norm(p);
    // The word itself («وحده»), or after a conjunction and/or preposition («ولجنه»).
    let bare = |w: &str| BODY_HEADS.contains(&w) || KIND_HEADS.contains(&w);
    let no_prep = |w: &str| {
        bare(w)
            || ['ب', 'ل']
                .iter()
                .any(|&c| w.strip_prefix(c).is_some_and(bare))
    };
    no_prep(n) || n.strip_prefix('و').is_some_and(no_prep)
}

/// The demonstrative right before token `i` (possibly with a preposition: «بهذه»).
fn dem_before(v: &View, i: usize) -> Option<Strip> {
    if i == 0 {
        return None;
    }
    v.hits(i - 1).iter().find_map(|h| match h.hit {
        Hit::Fw(Fw::Dem) if !h.strip.al && h.strip.enc.is_none() => Some(h.strip),
        _ => None,
    })
}

pub(crate) fn find_triggers(v: &View) -> Vec<Found> {
    let n = v.len();
    let mut out: Vec<Found> = Vec::new();
    let mut used = vec![false; n];
    for i in 0..n {
        if used[i] || v.kind(i) != Some(TokenKind::Arabic) {
            continue;
        }
        // Words inside names of people, organisations and places are not triggers; a quoted
        // operation (MISC: «عملية "الكرامة"») may contain one, but not a named thing the
        // knowledge base lists: «اتفاق الطائف» names an agreement, it reports none.
        if v.ment(i).is_some_and(|m| {
            m.kind == rasd_doc::MentionKind::Name
                && (m.etype != EntityType::MISC || named_thing(v, m.entity))
        }) {
            continue;
        }
        let nominal_ctx = nominal_context(v, i);
        let has_nominal = v.hits(i).iter().any(|h| {
            matches!(h.hit, Hit::Trig(t) if LEX.trig.get(t as usize).is_some_and(|e| e.kind.is_nominal() && e.kind.allows(&h.strip)))
        });
        let mut best: Option<(Found, usize)> = None;
        let mut fallback: Option<Found> = None;
        for h in v.hits(i) {
            let Hit::Trig(t) = h.hit else { continue };
            let Some(e) = LEX.trig.get(t as usize) else {
                continue;
            };
            if !e.kind.allows(&h.strip) {
                continue;
            }
            if nominal_ctx && has_nominal && e.kind.is_verb() {
                continue;
            }
            // «اعترف حزب الله بمقتل اثنين من عناصره»: admitting an event is no recognition.
            if e.plover == Plover::SUPPORT && admits_event(v, i, e) {
                continue;
            }
            // «اعتقلت الشرطة بالتعاون مع الجيش …», «بالتنسيق مع»: «in cooperation with»
            // says how another act was done; it is no event of its own.
            if e.plover == Plover::COOPERATE && e.kind.is_nominal() && h.strip.prep == b'b' {
                continue;
            }
            // «شارك 40 طالبا»: a word counted by a number is a noun, not a finite verb.
            if e.kind.is_verb() && after_number(v, i) {
                continue;
            }
            // «وعدّ الزياني …» is «و» + «عدّ» (considered), not «وعد» (promised).
            if geminate_clash(v, i, &h.strip, e) {
                continue;
            }
            // «وحدة الدعم النفسي», «لجنة التحقيق»: a noun naming what a body does.
            if e.kind.is_nominal() && e.rest.is_empty() && body_head_before(v, i, &h.strip) {
                continue;
            }
            let Some((last, gap)) = match_rest(v, i, e) else {
                continue;
            };
            let f = Found {
                entry: t,
                first: i,
                last,
                gap,
                strip: h.strip,
                anaphoric: false,
            };
            if !ctx_ok(v, i, last, e) {
                if fallback.is_none() && e.rest.is_empty() {
                    fallback = Some(f);
                }
                continue;
            }
            let len = e.rest.len();
            if best.as_ref().is_none_or(|(_, l)| len > *l) {
                best = Some((f, len));
            }
        }
        let chosen = match best {
            Some((f, _)) => Some(f),
            None => fallback.and_then(|f| {
                // «بهذه العمليات»: a demonstrative and the same noun as an earlier event.
                dem_before(v, i)?;
                let head = &LEX.trig.get(f.entry as usize)?.head;
                let prev = out.iter().rev().find(|p| {
                    LEX.trig
                        .get(p.entry as usize)
                        .is_some_and(|e| &e.head == head)
                })?;
                Some(Found {
                    entry: prev.entry,
                    anaphoric: true,
                    ..f
                })
            }),
        };
        if let Some(mut f) = chosen {
            if dem_before(v, i).is_some() {
                f.anaphoric = true;
            }
            for u in used.iter_mut().take(f.last + 1).skip(f.first) {
                *u = true;
            }
            out.push(f);
        }
    }
    out
}

/// True when the text's own vowel signs rule out a trigger reading: a shadda on the third
/// letter of the stem, where the trigger is a three-letter word whose last two radicals
/// differ («وعدّ», «وعدّت» read as «وعد» promised are «و» + «عدّ» considered). The
/// lexicon matches unvocalised forms, so only the written shadda can tell them apart;
/// most news text has none, and then nothing changes.
fn geminate_clash(v: &View, i: usize, strip: &Strip, e: &Trig) -> bool {
    let head: Vec<char> = e.head.chars().collect();
    if head.len() != 3 || head.get(1) == head.get(2) {
        return false;
    }
    let raw = v.doc.slice(v.span(i));
    if !raw.contains('\u{651}') {
        return false;
    }
    // Letters of the clitic prefix (normalisation keeps one letter per written letter).
    let pre = v
        .norm(i)
        .get(..strip.pre as usize)
        .map_or(0, |p| p.chars().count());
    let third = pre + 2;
    let mut letter: Option<usize> = None;
    for c in raw.chars() {
        // The marks normalisation drops (diacritics and tatweel) are not letters.
        let mark = rasd_text::normalise::is_diacritic(c) || c == '\u{640}';
        if !mark {
            letter = Some(letter.map_or(0, |l| l + 1));
        } else if c == '\u{651}' && letter == Some(third) {
            return true;
        }
    }
    false
}

/// True when the nominal trigger at `i` is governed by a verb or noun of intention,
/// prohibition, request, refusal or mission («يمنع الجيش من الانتشار», «بمهمة ترحيل»).
pub(crate) fn irrealis_governed(v: &View, i: usize) -> bool {
    let (s0, _) = v.sent_range(v.sent(i));
    let mut k = i;
    let mut steps = 0;
    while k > s0 && steps < 5 {
        k -= 1;
        steps += 1;
        if v.cue_at(k, CueClass::Irrealis) > 0 {
            return true;
        }
        let n = v.norm(k);
        if v.is_soft(k) || (v.is_hard(k) && n != "\"" && n != "«" && n != "»") {
            return false;
        }
        // «تسعى لاستعادة المدينة بعد سقوطها»: a temporal connective heads its own event.
        if TEMPORAL_CONNECTIVES.contains(&n) || matches!(n, "اثناء" | "خلال") {
            return false;
        }
    }
    false
}

/// Verbs of travelling and joining (folded stems, any person): what they are «for»
/// («للقتال») is their aim.
const MOTION_VERBS: [&str; 18] = [
    "سافر",
    "يسافر",
    "تسافر",
    "توجه",
    "يتوجه",
    "تتوجه",
    "ذهب",
    "يذهب",
    "تذهب",
    "انضم",
    "ينضم",
    "تنضم",
    "التحق",
    "يلتحق",
    "تلتحق",
    "هاجر",
    "يهاجر",
    "تهاجر",
];

/// True when a verb of [`MOTION_VERBS`] stands at most six tokens before `i` in its
/// sentence, with no punctuation between.
fn motion_before(v: &View, i: usize) -> bool {
    let (s0, _) = v.sent_range(v.sent(i));
    (i.saturating_sub(6).max(s0)..i)
        .rev()
        .take_while(|&k| v.kind(k) != Some(TokenKind::Punct))
        .any(|k| {
            let n = v.norm(k);
            let n = n
                .strip_prefix('و')
                .or_else(|| n.strip_prefix('ف'))
                .unwrap_or(n);
            MOTION_VERBS.iter().any(|m| {
                n.strip_prefix(m)
                    .is_some_and(|rest| matches!(rest, "" | "وا" | "ون" | "ت" | "ا" | "ن"))
            })
        })
}

/// True when a noun trigger names a kind of event rather than one that happened: after
/// «أي / أية / كل» («أي اعتداء على المتظاهرين»), as an indefinite predicate after a
/// pronoun («هو اعتداء علينا»), a class of terrorist acts or acts that keep happening
/// (see [`class_plural`], [`habitual_plural`], [`serial_plural`]).
fn generic_noun(v: &View, f: &Found) -> bool {
    if class_plural(v, f) || habitual_plural(v, f) || serial_plural(v, f) {
        return true;
    }
    let Some(k) = f.first.checked_sub(1) else {
        return false;
    };
    let prev = v.norm(k);
    let prev = prev
        .strip_prefix('و')
        .filter(|p| p.len() > 2)
        .unwrap_or(prev);
    matches!(prev, "اي" | "ايه" | "كل")
        || (matches!(prev, "هو" | "هي") && !f.strip.al && f.strip.prep == 0)
}

/// True for the generic operation noun («عملية», «عمليات») followed by a masdar that is a
/// trigger of its own («عمليات دهم», «عملية اعتقال», «عملية تمشيط»): the masdar says what
/// the operation was, and is coded as the event; the operation noun adds no second one.
fn operation_of_kind(v: &View, f: &Found, e: &Trig) -> bool {
    let next = f.last + 1;
    &*e.head == "عمليه"
        && e.mode.is_none()
        && f.strip.enc.is_none()
        && v.sent(next) == v.sent(f.first)
        && v.hits(next).iter().any(|h| {
            matches!(h.hit, Hit::Trig(t) if LEX.trig.get(t as usize).is_some_and(|x| {
                x.kind == Kind::Masdar && !std::ptr::eq(x, e)
            }))
        })
}

/// True for an imperfect verb opening a relative clause («الميليشيات التي تحاصر المدينة»,
/// «القوات التي تدعمها السعودية»): the clause describes what its head habitually or
/// currently does — a property of a party, not a report of an act that happened (news
/// reports acts with the perfect, or with an imperfect in a main clause or a headline).
/// Not applied to deployments: a force «التي تجوب البحر» or «التي ترابط» in a place *is*
/// the posture PLOVER's MOBILIZE codes.
fn habitual_relative(v: &View, f: &Found, kind: Kind, l: usize) -> bool {
    matches!(kind, Kind::Impf | Kind::IPass)
        && !f.strip.conj
        && (rel_before(v, l, f.first) || indefinite_antecedent(v, f.first))
}

/// True for an imperfect verb right after «حيث» («في ولاية لوغار حيث ينتشر متمردو
/// طالبان», «في ليبيا حيث تدعم جماعات مسلحة حكومتين»): the clause sets the scene of a
/// place or a situation, what goes on there, not an act the article reports; news tells
/// such acts with the perfect («حيث قتل أكثر من 700 شخص»). Unlike [`habitual_relative`]
/// this holds for deployments too: «حيث ينتشر المتمردون» describes the place. A future
/// («حيث سيلتقي الرئيس») is a plan, which the attribution stage marks hypothetical.
fn habitual_setting(v: &View, f: &Found, kind: Kind, l: usize) -> bool {
    let e = crate::chunk::verb_onset(v, l, f.first);
    matches!(kind, Kind::Impf | Kind::IPass)
        && !f.strip.conj
        && f.strip.prep != b's'
        && e >= 1
        && v.sent(e - 1) == v.sent(f.first)
        && v.norm(e - 1) == "حيث"
        && !(e..f.first).any(|k| v.is_word(k, "سوف"))
}

/// True when the verb at `a` opens a relative clause without a relative pronoun, as
/// Arabic does after an indefinite head: «لصالح دول تستهدف السعودية», «القبض على خلايا
/// تستهدف أمن البلدين». The head must be the object of a preposition (a separate
/// preposition or a ب/ل/ك proclitic on it), so it cannot be the verb's subject in a main
/// clause: a headline's «مسلحون يهاجمون قرية» still reports an act, unless a pronoun on
/// the verb takes the head up («مقاتلين تدعمهم الولايات المتحدة»). A name is no such
/// head («… في بغداد يساعدون العراقيين»: the clause is the sentence's own).
fn indefinite_antecedent(v: &View, a: usize) -> bool {
    let Some(h) = a.checked_sub(1) else {
        return false;
    };
    let Some(t) = v.doc.tokens.get(h) else {
        return false;
    };
    let plain_noun = t.kind == rasd_doc::TokenKind::Arabic
        && t.al_len == 0
        && !t.lil
        && t.enclitic.is_none()
        && v.sent(h) == v.sent(a)
        && v.ment(h).is_none()
        && v.fw(h).is_none()
        && verb_reading(v, h).is_none()
        && !v.hits(h).iter().any(|x| matches!(x.hit, Hit::Trig(_)));
    if !plain_noun {
        return false;
    }
    let own_prep = t.proclitics.has_prep();
    // A true preposition: place words that the lexicon files with them («شرقي», «شمال»)
    // head a construct instead («شرقي آسيا تدعم …» is a clause about a name).
    let prep_before = h
        .checked_sub(1)
        .filter(|p| v.sent(*p) == v.sent(a))
        .is_some_and(|p| match v.fw(p) {
            Some((Fw::Prep, _)) => true,
            Some((Fw::LocPrep, _)) => v.prep_word(p).is_some_and(|w| w != Prep::Other),
            _ => false,
        });
    // «سحقت جبهة النصرة مقاتلين تدعمهم الولايات المتحدة»: a pronoun on the verb that
    // takes up the noun before it makes the clause that noun's, wherever the noun stands.
    // The noun must be one the lexicon knows as a party, a group or a site: «ما» and «لم»
    // before a verb are no head («وهو ما يعارضه المؤتمر»).
    // A nisba may qualify it («مقاتلين يمنيين تدعمهم الضربات»).
    let party_head = v.desc_class(h).is_some()
        || (h >= 1 && v.nisba(h).is_some() && v.desc_class(h - 1).is_some());
    let resumptive = v.doc.tokens.get(a).is_some_and(|t| t.enclitic.is_some()) && party_head;
    own_prep || prep_before || resumptive
}

/// True for a plural event noun whose relative clause opens with an imperfect verb
/// («الهجمات التي تستهدف القوات»): acts of a kind that keep happening, not one act.
fn habitual_plural(v: &View, f: &Found) -> bool {
    let (rel, verb) = (f.last + 1, f.last + 2);
    f.strip.enc.is_none()
        && v.norm(f.last).ends_with("ات")
        && v.sent(verb) == v.sent(f.first)
        && matches!(v.fw(rel), Some((Fw::Rel, _)))
        && verb_reading(v, verb).is_some_and(|(strip, imperfect)| imperfect && !strip.conj)
}

/// True for a trigger that is one plural word in «ـات» with no pronoun on it
/// («الهجمات», «التوغلات»), the shape [`class_plural`] and [`serial_plural`] qualify.
fn one_word_plural(v: &View, f: &Found) -> bool {
    f.last == f.first && f.strip.enc.is_none() && v.norm(f.first).ends_with("ات")
}

/// True for a plural event noun qualified only as terrorist («العمليات الإرهابية»,
/// «هجمات إرهابية سابقة»): the class of acts, not one that happened. A demonstrative
/// («هذه العمليات الإرهابية»), a count («11 عملية») or a relative clause after the
/// adjective («العمليات الإرهابية التي نفذت في الكويت») makes it specific.
fn class_plural(v: &View, f: &Found) -> bool {
    if !one_word_plural(v, f) {
        return false;
    }
    let adj = f.last + 1;
    if v.sent(adj) != v.sent(f.first) || !matches!(v.norm(adj), "الارهابيه" | "ارهابيه")
    {
        return false;
    }
    let specific_after =
        matches!(v.norm(adj + 1), "التي" | "الذي" | "اللتين") && v.sent(adj + 1) == v.sent(f.first);
    !specific_after && dem_before(v, f.first).is_none() && !after_number(v, f.first)
}

/// True for a plural event noun qualified as going on, recurring or growing («في ظل
/// الاعتداءات المتواصلة», «هذه التوغلات المتكررة», «بالتهديدات المتزايدة», «الغارات
/// اليومية»): a series or a campaign, not one act with its own parties, place and day. A
/// count before it («ثلاث هجمات متتالية») numbers acts that each happened.
fn serial_plural(v: &View, f: &Found) -> bool {
    if !one_word_plural(v, f) {
        return false;
    }
    let adj = f.last + 1;
    let w = v.norm(adj);
    // The adjective agrees in definiteness; «المحادثات مستمرة» is a sentence saying the
    // talks go on.
    let definite = f.strip.al || v.norm(f.first).starts_with("ال");
    let (w, adj_definite) = match w.strip_prefix("ال") {
        Some(rest) => (rest, true),
        None => (w, false),
    };
    v.sent(adj) == v.sent(f.first)
        && definite == adj_definite
        && matches!(
            w,
            "متواصله"
                | "مستمره"
                | "متكرره"
                | "متزايده"
                | "متصاعده"
                | "يوميه"
                | "متلاحقه"
                | "متتاليه"
        )
        && !after_number(v, f.first)
}

/// True for the reflexive pronoun «نفسه» and its forms at `k` («نفسها», «أنفسهم»,
/// «نفسيهما»).
fn reflexive(v: &View, k: usize) -> bool {
    matches!(
        v.norm(k),
        "نفسه" | "نفسها" | "نفسهم" | "انفسهم" | "انفسهما" | "نفسيهما" | "انفسهن"
    )
}

/// Adds the NPs of `list` to `role` (deduplicated by span and entity).
fn push_args(role: &mut Vec<Arg>, list: &[Np]) {
    for n in list {
        let a = Arg {
            entity: n.entity,
            span: n.span,
        };
        if !role
            .iter()
            .any(|r| r.span.overlaps(&a.span) || (r.entity.is_some() && r.entity == a.entity))
        {
            role.push(a);
        }
    }
}

/// The span of the enclitic pronoun on token `i` (segmentation `s`).
fn enclitic_span(v: &View, i: usize, s: &Strip) -> Span {
    let Some(t) = v.doc.tokens.get(i) else {
        return Span::default();
    };
    let Some(e) = s.enc else { return t.span };
    let ns = Span::new(t.norm.end.saturating_sub(e.as_str().len()), t.norm.end);
    let o = v.doc.norm.to_original(ns);
    if o.start >= t.span.start && o.end <= t.span.end && !o.is_empty() {
        o
    } else {
        t.span
    }
}

/// Resolves a pronoun (enclitic `s.enc` on token `i`) to an argument.
fn pronoun_arg(
    v: &View,
    i: usize,
    s: &Strip,
    exclude: &[Option<usize>],
    anaphors: &[Option<usize>],
) -> Option<Arg> {
    let agr = match s.enc? {
        rasd_doc::Enclitic::Hu => Agr::Masc,
        rasd_doc::Enclitic::Ha => Agr::Fem,
        _ => return None,
    };
    let (entity, _) = antecedent(v, i, agr, 6, exclude, anaphors)?;
    Some(Arg {
        entity,
        span: enclitic_span(v, i, s),
    })
}

/// Links descriptor arguments to what they refer to: a possessive pronoun on the head
/// («قواتها» → the country), or a resolved definite description («المنظمة الإرهابية»).
fn link_np(v: &View, np: &mut Np, anaphors: &[Option<usize>]) {
    if np.entity.is_some() {
        return;
    }
    if let Some(e) = np.possessor {
        let agr = match e {
            rasd_doc::Enclitic::Hu => Agr::Masc,
            rasd_doc::Enclitic::Ha => Agr::Fem,
            _ => return,
        };
        if let Some((ent, _)) = antecedent(v, np.head, agr, 2, &[], anaphors) {
            np.entity = ent;
        }
        return;
    }
    if let Some(Some(e)) = anaphors.get(np.head) {
        np.entity = Some(*e);
    }
}

fn link_all(v: &View, list: &mut [Np], anaphors: &[Option<usize>]) {
    for n in list {
        link_np(v, n, anaphors);
    }
}

/// The subject of a verb at tokens `[a, b]` in clause `[l, r)`: after it, before it, or
/// (omitted) the nearest fitting earlier mention.
fn subject_of(
    v: &View,
    f: &Found,
    (l, r): (usize, usize),
    imperfect: bool,
    anaphors: &[Option<usize>],
) -> (Vec<Np>, Option<Arg>) {
    let (a, b, strip) = (f.first, if f.gap { f.first } else { f.last }, &f.strip);
    // «السفينة التي تجوب البحر»: a relative pronoun right before a verb with no
    // resumptive pronoun stands for its subject; the NP after the verb is its object.
    let subject_relative =
        strip.enc.is_none() && !strip.conj && (rel_before(v, l, a) || pron_before(v, l, a));
    let mut s = if subject_relative {
        subject_before(v, l, a)
    } else {
        Vec::new()
    };
    // «أن الأردن زودت العراق»: after a complementiser the noun comes first (إنّ and its
    // sisters take a subject before the verb), so the phrase before the verb is the subject.
    if s.is_empty() && !subject_relative && l > 0 && matches!(v.fw(l - 1), Some((Fw::Comp, _))) {
        s = subject_before(v, l, a);
    }
    // A verb and its «بـ» + masdar complement standing together («أمر باعتقال», «هدد
    // باعتقال») have the subject before them or between them, never after: what follows
    // is the masdar's object («وصدر أمر باعتقال 275 متهما»).
    let contiguous_phrase = f.last > f.first
        && !f.gap
        && v.fw(f.last).is_none()
        && v.norm(f.last).starts_with('ب')
        && v.norm(f.last).chars().count() > 4;
    // «إن التفجيرين استهدفا مقاتلين»: an event noun with the article opening the clause
    // right before the verb is its subject; the phrase after the verb is its object, and
    // no party is the subject. So is an indefinite attack noun whose relative clause the
    // verb opens («في هجوم استهدف الجنود», «إن تفجيرا استهدف»).
    if s.is_empty() && (a == l + 1 && event_noun_at(v, l) || event_antecedent(v, f).is_some()) {
        return (Vec::new(), None);
    }
    // «نحن نطالب حزب العمال», «ندين الهجوم»: an imperfect in the first person has the
    // speaker for subject; the phrase after it is the object.
    if s.is_empty()
        && !subject_relative
        && imperfect
        && verb_agreement(v, a, strip, imperfect) == Agr::First
    {
        let mut s = speaker(v, a);
        link_all(v, &mut s, anaphors);
        return (s, None);
    }
    // «استهدف هجوم انتحاري مسجدا», «قتلت غارات التحالف …»: an attack noun right after an
    // attack verb is its subject — the event did it, so no party after it is (the noun's
    // own mention codes its doer), and the object follows the noun's phrase. A phrase
    // before the verb is still its subject («إن الجيش استهدف …» has none after it).
    if s.is_empty() && !subject_relative && event_subject_after(v, f, b, r) {
        let mut s = subject_before(v, l, a);
        link_all(v, &mut s, anaphors);
        return (s, None);
    }
    if s.is_empty() && !subject_relative && !contiguous_phrase {
        s = subject_after(v, b, r);
    }
    let nobody = s.is_empty() && crate::chunk::nobody_subject(v, b, r);
    if verb_agreement(v, a, strip, imperfect) == Agr::Fem
        && s.first().is_some_and(|n| {
            crate::chunk::masc_plural(v, n) || crate::chunk::masc_singular_person(v, n)
        })
    {
        s.clear();
    }
    // «وزراء الخارجية سيطالبون كيري», «استهدفوا مواقع»: a verb that carries its plural
    // subject («-وا», «-ون») never has it after it (a verb before its subject is
    // singular), so the phrase after it is the object.
    if !subject_relative && plural_marked(v, a, strip, imperfect) {
        s.clear();
    }
    if s.is_empty() {
        s = subject_before(v, l, a);
    }
    // «قال الجهاز إن خليل حزران اعتقل»: in reported speech, words no lexicon reads
    // standing between the complementiser and the verb are its subject (a name nobody
    // listed).
    // (Not for a verb without an object, «قالت إن الآلية انفجرت»: its subject is a device.)
    let transitive = LEX
        .trig
        .get(f.entry as usize)
        .is_some_and(|e| e.plover != Plover::ASSAULT || e.frame.obj == Role::Recipient);
    if s.is_empty() && !subject_relative && transitive && reported_comp(v, l) {
        s.extend(unread_subject(v, l, a));
    }
    if !s.is_empty() {
        link_all(v, &mut s, anaphors);
        return (s, None);
    }
    // The relative's head is the subject; when it is no party («الهجمات التي تستهدف»),
    // nobody earlier is.
    if subject_relative {
        return (Vec::new(), None);
    }
    let agr = verb_agreement(v, a, strip, imperfect);
    // «وقال: وقعنا على اتفاق»: «we» is the quoted speaker, not the last person named.
    if agr == Agr::First {
        let mut s = speaker(v, a);
        link_all(v, &mut s, anaphors);
        return (s, None);
    }
    // «دخلت القوات المدينة واشتبكت مع المسلحين»: a verb joined by و/ف continues the
    // previous verb's clause and shares its overt subject.
    if strip.conj {
        let mut s = shared_subject(v, a, agr);
        if !s.is_empty() {
            link_all(v, &mut s, anaphors);
            return (s, None);
        }
    }
    // An omitted subject only when the verb opens its clause; a noun before it that the
    // chunker could not read is an overt subject, not an omitted one. «أي جهة» after the
    // verb is an overt subject too.
    if !clause_initial(v, l, a) || nobody {
        return (Vec::new(), None);
    }
    let dropped = crate::chunk::subject_antecedent(v, a, agr, 1, anaphors)
        .map(|(entity, span)| Arg { entity, span });
    (Vec::new(), dropped)
}

/// True when the verb at `a` carries a plural subject suffix: «-وا», or «-ون» on an
/// imperfect of six letters or more («سيطالبون», «يقتلون»; not a hollow root ending in
/// «-ون» such as «يعاون», «يكون»).
fn plural_marked(v: &View, a: usize, strip: &Strip, imperfect: bool) -> bool {
    if verb_agreement(v, a, strip, imperfect) != Agr::Plural {
        return false;
    }
    let body = crate::chunk::verb_body(v, a, strip);
    body.ends_with("وا") || body.chars().count() >= 6
}

/// The attack noun whose relative clause the attack verb of `f` opens: an indefinite
/// noun takes a relative clause without a relative pronoun, and «في هجوم مسلح استهدف
/// مركزا» is «an attack that targeted a centre» — the event is the verb's subject, and
/// both words tell one event. Up to two adjectives of the noun may stand between
/// («تفجير انتحاري مزدوج استهدف»). A definite noun takes the relative pronoun («الهجمات
/// التي استهدفت», «الهجوم، الذي استهدف»; see [`definite_event_antecedent`]). The token of
/// the noun, if any.
pub(crate) fn event_antecedent(v: &View, f: &Found) -> Option<usize> {
    let verb = LEX.trig.get(f.entry as usize)?;
    if !verb.kind.is_verb() || verb.plover != Plover::ASSAULT || f.strip.conj || f.strip.prep != 0 {
        return None;
    }
    let (s0, _) = v.sent_range(v.sent(f.first));
    if let Some(n) = definite_event_antecedent(v, f, s0) {
        return Some(n);
    }
    let mut k = f.first;
    for _ in 0..3 {
        let i = k.checked_sub(1).filter(|&i| i >= s0)?;
        let attack_noun = crate::chunk::nominal_trigger(v, i, |e, s| {
            e.plover == Plover::ASSAULT && !s.al && e.kind.allows(s) && !e.casualty()
        });
        if attack_noun && !v.norm(i).starts_with("ال") {
            return Some(i);
        }
        if !noun_adjective(v, i, false) {
            return None;
        }
        k = i;
    }
    None
}

/// True when token `i` reads as an adjective of a noun before it, with the article when
/// `definite` and without it otherwise: a plain Arabic word that is a nisba or shaped like
/// an adjective («انتحاري», «الجوية»), not a name, verb or function word.
fn noun_adjective(v: &View, i: usize, definite: bool) -> bool {
    let w = v.norm(i);
    v.kind(i) == Some(TokenKind::Arabic)
        && v.fw(i).is_none()
        && v.ment(i).is_none()
        && !v.is_verb(i)
        && w.starts_with("ال") == definite
        && (v.nisba(i).is_some() || crate::chunk::adjective_shaped(w))
}

/// The definite attack noun before the relative pronoun that opens the attack verb of `f`
/// («الهجمات التي استهدفت قاعدة», «التفجير الانتحاري، الذي استهدف»): the pronoun stands
/// for the noun, the verb's subject, so both tell one event. Not when the verb carries an
/// object pronoun: then the noun is its object and the verb may tell another act
/// («الهجوم الذي نفذه»). Up to two definite adjectives may follow the noun, and a comma
/// the last of them. Sentence start `s0`.
fn definite_event_antecedent(v: &View, f: &Found, s0: usize) -> Option<usize> {
    if f.strip.enc.is_some() {
        return None;
    }
    let r = f.first.checked_sub(1).filter(|&r| r >= s0)?;
    if !matches!(v.fw(r), Some((Fw::Rel, _))) {
        return None;
    }
    let mut i = r.checked_sub(1).filter(|&i| i >= s0)?;
    if v.norm(i) == "،" || v.norm(i) == "," {
        i = i.checked_sub(1).filter(|&i| i >= s0)?;
    }
    for _ in 0..3 {
        let attack_noun = crate::chunk::nominal_trigger(v, i, |e, s| {
            e.plover == Plover::ASSAULT && e.kind.allows(s) && !e.casualty()
        });
        if attack_noun {
            return Some(i);
        }
        if !noun_adjective(v, i, true) {
            return None;
        }
        i = i.checked_sub(1).filter(|&i| i >= s0)?;
    }
    None
}

/// True when the verb of `f` (last token `b`) is an attack and the first content word
/// after it an attack noun in the nominative («استهدف هجوم», «قتلت غارات»; not the
/// accusative «هجوما», which is an object, nor a noun with a preposition). Only attacks:
/// after other verbs a noun of their type is as often the object («وقعت مذكرة تفاهم»).
fn event_subject_after(v: &View, f: &Found, b: usize, r: usize) -> bool {
    let Some(verb) = LEX.trig.get(f.entry as usize) else {
        return false;
    };
    if verb.plover != Plover::ASSAULT {
        return false;
    }
    let k = crate::chunk::next_content(v, b + 1, r);
    // (the noun of a gapped idiom is the trigger's own object: «وجهت … اتهامات»)
    if k >= r || k <= f.last {
        return false;
    }
    if crate::chunk::tanween_alif(v.norm(k)) {
        return false;
    }
    crate::chunk::nominal_trigger(v, k, |e, s| {
        e.plover == verb.plover && s.prep == 0 && e.kind.allows(s) && !e.casualty()
    })
}

/// True when the clause starting at `l` opens right after a complementiser that a
/// reporting verb governs: at most 24 tokens before it, with no other verb between
/// («وقال الجيش في بيان، بعد رفع الحظر، إن», «وأوضح أن»; not «قالت: … كان … لأن»).
fn reported_comp(v: &View, l: usize) -> bool {
    let Some(c) = l.checked_sub(1) else {
        return false;
    };
    // («لأن» gives a reason, it reports nothing)
    if !matches!(v.fw(c), Some((Fw::Comp, _))) || v.norm(c).starts_with("لان") {
        return false;
    }
    let (s0, _) = v.sent_range(v.sent(c));
    say_verb_before(v, c.saturating_sub(24).max(s0), c).is_some_and(|k| {
        (k + 1..c).all(|i| {
            // (a verb-shaped word right after a preposition is a masdar: «بعد رفع»; a
            // quotation opened in between is the speaker's own words)
            (!v.is_verb(i) || v.prep_word(i - 1).is_some())
                && !matches!(v.norm(i), ":" | "«" | "\"" | "“")
                && !matches!(v.fw(i), Some((Fw::Aux, _)))
        })
    })
}

/// The words in `[l, a)` before the verb at `a` as one phrase when they are one to three
/// plain words no lexicon reads (no function word, trigger, descriptor, mention, time,
/// count or verb, no clitic preposition with the article), possibly after a person
/// descriptor («المشتبه به خليل حزران»): an unlisted name in subject–verb order.
fn unread_subject(v: &View, l: usize, a: usize) -> Option<Np> {
    let mut e = a;
    while e > l && crate::chunk::skippable(v, e - 1) {
        e -= 1;
    }
    let title = np_at(v, l, e, false).filter(|n| {
        n.prep.is_none()
            && matches!(
                n.kind,
                NpKind::Desc(DescClass::Title | DescClass::Person | DescClass::Civ)
            )
    });
    let from = title.as_ref().map_or(l, |n| n.end);
    if e <= from || e - from > 3 {
        return None;
    }
    let plain = (from..e).all(|k| bare_word(v, k));
    plain.then(|| Np {
        start: l,
        end: e,
        span: v.span(l).cover(&v.span(e - 1)),
        entity: None,
        etype: None,
        kind: NpKind::Name,
        prep: None,
        conj: false,
        possessor: None,
        country: false,
        head: l,
        definite: true,
        nisba: false,
    })
}

/// True when a relative pronoun stands right before the verb at `a` (skipping
/// negation and adverbs).
fn rel_before(v: &View, l: usize, a: usize) -> bool {
    let mut e = crate::chunk::verb_onset(v, l, a);
    // «التي هي تقاتل داعش»: a pronoun may restate the relative pronoun.
    if e > l && e >= 2 && crate::chunk::restating_pronoun(v, e - 1) {
        e -= 1;
    }
    e > 0 && matches!(v.fw(e - 1), Some((Fw::Rel, _)))
}

/// True when a pronoun restating the subject stands right before the verb at `a`
/// («المسلحون هم يهاجمون», `chunk::restating_pronoun`): the phrase after the verb is then
/// the object.
fn pron_before(v: &View, l: usize, a: usize) -> bool {
    let e = crate::chunk::verb_onset(v, l, a);
    e > l + 1 && crate::chunk::restating_pronoun(v, e - 1)
}

/// «قال الجيش إنه قتل …», «قالت المعارضة إنها كثفت …», «قال الوزير إننا وقعنا …»: a verb
/// at `a` right after a complementiser carrying a pronoun has that pronoun as its subject.
/// It stands for the speaker of a reporting verb just before (the overt subject), else
/// for the pronoun's antecedent. `None` when no such complementiser precedes the verb;
/// `Some((vec![], None))` when the pronoun is the subject but nobody it refers to is found
/// (the verb is then still active: the phrase after it is its object).
fn comp_subject(v: &View, a: usize, anaphors: &[Option<usize>]) -> Option<(Vec<Np>, Option<Arg>)> {
    let (s0, _) = v.sent_range(v.sent(a));
    let mut j = a;
    while j > s0 && crate::chunk::skippable(v, j - 1) {
        j -= 1;
    }
    let c = j.checked_sub(1).filter(|c| *c >= s0)?;
    let strip = v.hits(c).iter().find_map(|h| {
        let subject_pronoun = matches!(
            h.strip.enc,
            Some(
                rasd_doc::Enclitic::Hu
                    | rasd_doc::Enclitic::Ha
                    | rasd_doc::Enclitic::Hum
                    | rasd_doc::Enclitic::Huma
                    | rasd_doc::Enclitic::Hunna
                    | rasd_doc::Enclitic::Na
            )
        );
        (matches!(h.hit, Hit::Fw(Fw::Comp)) && subject_pronoun && h.strip.prep == 0)
            .then_some(h.strip)
    })?;
    // «أعلن المرصد أنه قصفت قوات النظام …»: a masculine «ـه» before a feminine verb with
    // its subject after it is the pronoun of the matter (ضمير الشأن), standing for nobody.
    if strip.enc == Some(rasd_doc::Enclitic::Hu) {
        if let Some((vs, imperfect)) = verb_reading(v, a) {
            let (_, r) = clause(v, a, a);
            if verb_agreement(v, a, &vs, imperfect) == Agr::Fem
                && !subject_after(v, a, r).is_empty()
            {
                return None;
            }
        }
    }
    let lo = c.saturating_sub(12).max(s0);
    if let Some(k) = say_verb_before(v, lo, c) {
        // The speaker may be followed by a place or time («قالت المعارضة في سوريا إنها»),
        // but not by another verb.
        let mut sp = subject_after(v, k, c);
        let e = sp.last().map_or(c, |n| n.end);
        if !sp.is_empty() && (e..c).all(|i| !v.is_verb(i)) {
            link_all(v, &mut sp, anaphors);
            return Some((sp, None));
        }
    }
    Some((Vec::new(), pronoun_arg(v, c, &strip, &[], anaphors)))
}

/// The overt subject of a reporting verb whose object is the masdar at `m`: «أعلن
/// الجيش، أمس، اعتقال …» (only commas and times may stand between subject and masdar).
fn announcer(v: &View, l: usize, m: usize) -> Vec<Np> {
    let Some(k) = say_verb_before(v, l.max(m.saturating_sub(12)), m) else {
        return Vec::new();
    };
    let s = subject_after(v, k, m);
    let Some(end) = s.last().map(|n| n.end) else {
        return Vec::new();
    };
    let mut j = end;
    while j < m && (v.is_soft(j) || crate::chunk::skippable(v, j)) {
        j += 1;
    }
    if j == m {
        s
    } else {
        Vec::new()
    }
}

/// The nearest reporting verb («قال», «أعلن») in `lo..at`.
fn say_verb_before(v: &View, lo: usize, at: usize) -> Option<usize> {
    (lo..at)
        .rev()
        .find(|&k| v.cue_at(k, CueClass::Say) > 0 && v.is_verb(k))
}

/// The speaker quoted by a first-person verb at `a`: the overt subject (after or before
/// it) of the nearest reporting verb before it in its sentence or the one before (a quote
/// may stand as a sentence of its own), at most 40 tokens back. A reporting verb whose own
/// subject is omitted names nobody here: guessing its antecedent picked the wrong person
/// too often.
fn speaker(v: &View, a: usize) -> Vec<Np> {
    let (lo, _) = v.sent_range(v.sent(a).saturating_sub(1));
    let Some(k) = say_verb_before(v, lo.max(a.saturating_sub(40)), a) else {
        return Vec::new();
    };
    overt_subject(v, k, a)
}

/// The overt subject of the verb at `k`: after it (up to `limit` and its clause's end),
/// else before it in its clause.
fn overt_subject(v: &View, k: usize, limit: usize) -> Vec<Np> {
    let (l, r) = clause(v, k, k);
    let after = subject_after(v, k, r.min(limit));
    if !after.is_empty() {
        return after;
    }
    subject_before(v, l, k)
}

/// The doer of the circumstantial participle at `a`: the speaker of the nearest reporting
/// verb before it ([`speaker`]), else the overt subject of the first verb of its sentence
/// that opens a clause of its own («نفى الرئيس … الاتهامات …، متهما …»), when it agrees
/// in gender with the participle.
fn participle_subject(v: &View, a: usize) -> Vec<Np> {
    let s = speaker(v, a);
    if !s.is_empty() {
        return s;
    }
    let agr = if v.norm(a).ends_with('ه') {
        Agr::Fem
    } else {
        Agr::Masc
    };
    let (s0, _) = v.sent_range(v.sent(a));
    let Some((k, (st, imperfect))) = (s0..a)
        .filter(|&k| v.is_verb(k))
        .find_map(|k| verb_reading(v, k).map(|r| (k, r)))
    else {
        return Vec::new();
    };
    if verb_agreement(v, k, &st, imperfect) != agr {
        return Vec::new();
    }
    overt_subject(v, k, a)
}

/// A verb reading of token `k`: its segmentation and whether it is imperfect.
fn verb_reading(v: &View, k: usize) -> Option<(Strip, bool)> {
    v.hits(k).iter().find_map(|h| {
        let kind = match h.hit {
            Hit::Trig(t) => LEX.trig.get(t as usize).map(|e| e.kind),
            Hit::Cue(c) => LEX.cue.get(c as usize).map(|e| e.kind),
            Hit::Light(li) => LEX.light.get(li as usize).map(|e| e.kind),
            _ => None,
        }?;
        (kind.is_verb() && kind.allows(&h.strip) && !kind.is_passive())
            .then_some((h.strip, matches!(kind, Kind::Impf | Kind::IPass)))
    })
}

/// The overt subject of the nearest earlier verb in the sentence (at most 20 tokens back)
/// when it agrees with `agr`; used for a coordinated verb with no subject of its own.
fn shared_subject(v: &View, a: usize, agr: Agr) -> Vec<Np> {
    let (s0, _) = v.sent_range(v.sent(a));
    let lo = s0.max(a.saturating_sub(20));
    let mut k = a;
    while k > lo {
        k -= 1;
        // Brackets («(26 يوليو)») sit inside the clause; other hard punctuation ends it.
        let bracket = matches!(v.norm(k), "(" | ")");
        if (v.is_hard(k) && !bracket) || matches!(v.fw(k), Some((Fw::Rel, _))) {
            return Vec::new();
        }
        // «قال إن القوات دخلت … واشتبكت»: the subject right after the complementiser
        // heads the whole coordinated chain (even when its first verb is unknown).
        if let Some((Fw::Comp, cs)) = v.fw(k) {
            if cs.enc.is_some() {
                return Vec::new();
            }
            let mut s = np_list(v, k + 1, a);
            let ok = s.first().is_some_and(|n| {
                gov(v, n) == Gov::Free
                    && !n.is_place()
                    && !(agr == Agr::Fem && crate::chunk::masc_plural(v, n))
            });
            if !ok {
                s.clear();
            }
            return s;
        }
        if !v.is_verb(k) {
            continue;
        }
        let Some((st, imperfect)) = verb_reading(v, k) else {
            continue;
        };
        if verb_agreement(v, k, &st, imperfect) != agr || agr == Agr::Unknown {
            return Vec::new();
        }
        let (l, r) = clause(v, k, k);
        let mut s = subject_after(v, k, r.min(a));
        if agr == Agr::Fem && s.first().is_some_and(|n| crate::chunk::masc_plural(v, n)) {
            s.clear();
        }
        if s.is_empty() {
            s = subject_before(v, l, k);
        }
        return s;
    }
    Vec::new()
}

/// True when only skippable words (adverbs, times, negation, «قد», punctuation) stand
/// between the clause start `l` and the verb at `a`.
fn clause_initial(v: &View, l: usize, a: usize) -> bool {
    (l..a).all(|k| {
        crate::chunk::skippable(v, k)
            || v.kind(k) == Some(TokenKind::Punct)
            || v.cue_at(k, CueClass::Neg) == 1
            || matches!(
                v.fw(k),
                Some((Fw::Conj, _)) | Some((Fw::Comp, _)) | Some((Fw::Pron, _))
            )
    })
}

/// True when the actors all come from explicit subject phrases (not an omitted subject).
fn dropped_none(subj: &[Np], actor: &[Arg]) -> bool {
    !subj.is_empty() && actor.len() == subj.len()
}

/// A light verb before the nominal trigger at `f`, within its clause.
fn light_before(
    v: &View,
    f: &Found,
    l: usize,
) -> Option<(usize, &'static crate::lex::Light, Strip)> {
    let mut k = f.first;
    let mut steps = 0;
    while k > l && steps < 16 {
        k -= 1;
        steps += 1;
        if v.is_hard(k) {
            return None;
        }
        for h in v.hits(k) {
            let Hit::Light(li) = h.hit else { continue };
            let Some(light) = LEX.light.get(li as usize) else {
                continue;
            };
            if !light.kind.allows(&h.strip) {
                continue;
            }
            let ok = match light.prep {
                Some(Prep::Bi) => {
                    f.strip.prep == b'b' || dem_before(v, f.first).is_some_and(|s| s.prep == b'b')
                }
                Some(Prep::Li) => f.strip.prep == b'l' && steps <= 6,
                // «تمكن حرس الحدود الليبي أول من أمس من توقيف»: a long subject between.
                Some(p) => {
                    f.first >= 1
                        && v.prep_word(f.first - 1) == Some(p)
                        && (steps <= 6
                            || (light.role == LightRole::Actor && vso_reach(v, k, f.first - 1)))
                }
                // A passive auxiliary governs the noun right after it, or after an adverb
                // or a time: in «تم تأجيل زيارة ظريف» it makes the postponing passive, not
                // the visit.
                None => {
                    f.strip.prep == 0
                        && (light.role != LightRole::Passive
                            || steps == 1
                            || (steps == 2 && crate::chunk::skippable(v, k + 1)))
                        && (steps <= 5
                            || (light.role == LightRole::Actor && vso_reach(v, k, f.first)))
                }
            };
            if ok {
                return Some((k, light, h.strip));
            }
        }
    }
    None
}

/// «وأطلقت قوات الأمن والجماعات المتحالفة معها في أبريل عملية»: a light verb whose
/// post-verbal subject (with a short phrase of time or place after it) reaches the noun.
fn vso_reach(v: &View, k: usize, noun: usize) -> bool {
    let s = subject_after(v, k, noun);
    let Some(end) = s.last().map(|n| n.end) else {
        return false;
    };
    end <= noun && noun - end <= 4 && (end..noun).all(|i| !v.is_verb(i) && !v.is_hard(i))
}

/// The NP a nominal trigger's genitive names: the next token, or after one more noun in a
/// construct chain («بدعم وصول اللواء خليفة حفتر»).
fn genitive(v: &View, after: usize, r: usize) -> Option<Np> {
    genitive_in(v, after, r, false)
}

/// [`genitive`] of a noun that is itself a target (after a preposition, or the object of
/// a verb when `target`): adjectives may then stand before an owner with «لـ».
fn genitive_in(v: &View, after: usize, r: usize, target: bool) -> Option<Np> {
    let np = np_at(v, after, r, false).filter(|n| n.prep.is_none() && !n.conj);
    // A site with no owner of its own may share one with the nouns after it («مواقع
    // وتحصينات المسلحين»); failing that, it is the phrase.
    match np {
        Some(site) if site.is_site() => owner_chain(v, after, r, target).or(Some(site)),
        Some(n) => Some(n),
        None => owner_chain(v, after, r, target),
    }
}

/// The owner after a bare noun at `k` («معسكر للقاعدة», «مواقع وتعزيزات المليشيات»), for
/// [`genitive_in`].
fn owner_chain(v: &View, k: usize, r: usize, target: bool) -> Option<Np> {
    let chain = v.kind(k) == Some(TokenKind::Arabic)
        && v.fw(k).is_none()
        && !v.is_verb(k)
        && !v.norm(k).starts_with("ال")
        && !v.hits(k).iter().any(|h| h.strip.prep != 0 || h.strip.conj);
    if !chain {
        return None;
    }
    // «معسكر للقاعدة»: a bare noun and its owner with «لـ» also form a genitive (a
    // quotation mark may open the name). Up to two bare words may come between: indefinite
    // adjectives before an owner with «لـ» («منطقة رئيسية لقوات الأسد») or nouns joined
    // by و that share the owner («مواقع وتعزيزات المليشيات»).
    let mut j = k + 1;
    let mut coordinated = false;
    // Adjectives are skipped only inside a prepositional target («على منطقة رئيسية لـ X»);
    // after a trigger noun «ضربات استباقية للإرهابيين» the «لـ» phrase is no genitive.
    let after_prep = target || (k >= 1 && v.prep_word(k - 1).is_some());
    for skipped in 0..3 {
        if matches!(v.norm(j), "\"" | "«") {
            j += 1;
        }
        if let Some(n) = np_at(v, j, r, false) {
            // After a word that opens with «و» a count begins a clause of its own
            // («تعزيزات واختفى 15 آخرون»: an unknown verb with its subject).
            if n.kind == crate::chunk::NpKind::Qty && v.norm(k).starts_with('و') {
                return None;
            }
            let li = n.prep == Some(Prep::Li) && (skipped == 0 || after_prep);
            let direct = n.prep.is_none() && (skipped == 0 || coordinated);
            return (!n.conj && (li || direct)).then_some(n);
        }
        let w = v.norm(j);
        let bare = j < r
            && v.kind(j) == Some(TokenKind::Arabic)
            && v.fw(j).is_none()
            && v.ment(j).is_none()
            && !v.is_verb(j)
            && !w.starts_with("ال")
            && !v.hits(j).iter().any(|h| h.strip.prep != 0);
        if !bare {
            return None;
        }
        coordinated |= w.starts_with('و');
        j += 1;
    }
    None
}

/// «في التراب الليبي», «على الأراضي السورية»: a territory noun with a nationality adjective
/// after a place preposition names the country (linked when the document mentions it).
fn territory(v: &View, l: usize, r: usize) -> Option<Arg> {
    for k in l..r.saturating_sub(1) {
        let placed = v
            .prep_word(k)
            .is_some_and(|p| matches!(p, Prep::Fi | Prep::Ala | Prep::Other))
            || matches!(v.fw(k), Some((crate::lex::Fw::LocPrep, _)));
        let (noun, adj) = if placed { (k + 1, k + 2) } else { (k, k + 1) };
        let is_territory = matches!(v.fw(noun), Some((crate::lex::Fw::Territory, _)))
            || v.hits(noun).iter().any(|h| {
                matches!(h.hit, Hit::Fw(crate::lex::Fw::Territory))
                    && (h.strip.prep == b'b' || h.strip.al)
            });
        if !is_territory || adj >= r {
            continue;
        }
        let via_clitic = v
            .hits(noun)
            .iter()
            .any(|h| matches!(h.hit, Hit::Fw(crate::lex::Fw::Territory)) && h.strip.prep == b'b');
        if !placed && !via_clitic {
            continue;
        }
        let Some((code, _)) = v.nisba(adj) else {
            continue;
        };
        // The document's country entity of that code (the entities, not every mention: a
        // long document has far more mentions).
        let entity = v.doc.entities.iter().position(|e| {
            crate::view::is_country(e)
                && crate::attribute::entity_country(e).as_deref() == Some(code)
        });
        let mut end = adj;
        // «الحدود الجزائرية الليبية»: a second adjective belongs to the same place.
        if v.nisba(adj + 1).is_some() && adj + 1 < r {
            end = adj + 1;
        }
        return Some(Arg {
            entity,
            span: v.span(noun).cover(&v.span(end)),
        });
    }
    None
}

/// When token `k` is an event noun standing as a verb's subject («استهدفت غارة جوية
/// إسرائيلية مواقع …», «قتلت غارات التحالف …»), the token after its phrase: the trigger
/// words, up to three adjectives, and a doer in construct or with «لـ» (the event noun's
/// own mention codes that doer).
fn event_noun_end(v: &View, k: usize, r: usize) -> Option<usize> {
    let (h, e) = v.hits(k).iter().find_map(|h| match h.hit {
        Hit::Trig(t) => LEX
            .trig
            .get(t as usize)
            .filter(|e| e.kind.is_nominal() && e.kind.allows(&h.strip) && h.strip.prep == 0)
            .map(|e| (h, e)),
        _ => None,
    })?;
    let (last, _) = match_rest(v, k, e)?;
    let definite = h.strip.al || v.norm(k).starts_with("ال");
    let mut j = last + 1;
    let mut adjectives = 0;
    while j < r && adjectives < 3 {
        let w = v.norm(j);
        let agrees = w.starts_with("ال") == definite;
        if agrees
            && v.ment(j).is_none()
            && (v.nisba(j).is_some()
                || (v.desc(j).is_none()
                    && crate::chunk::adjective_shaped(w)
                    && v.fw(j).is_none()
                    && !v.is_verb(j)))
        {
            j += 1;
            adjectives += 1;
        } else {
            break;
        }
    }
    if let Some(n) = np_at(v, j, r, false) {
        let construct = !definite && adjectives == 0 && n.prep.is_none() && !n.conj && n.definite;
        if construct || n.prep == Some(Prep::Li) {
            j = n.end;
        }
    }
    Some(j)
}

/// The owner in an object «noun + party» whose noun no lexicon reads («أموال صالح»,
/// «مواقع داعش»), for coercive and hostile verbs, and for verbs that judge what someone
/// said or did («أدانت مصر تصريحات المالكي», «رفضت الحكومة مطالب المحتجين», «أيدت
/// موقف السعودية»): the owner is the party judged.
fn owner_of_object(v: &View, k: usize, r: usize, t: Plover) -> Option<Np> {
    if !matches!(
        t,
        Plover::ASSAULT
            | Plover::COERCE
            | Plover::SANCTION
            | Plover::ACCUSE
            | Plover::REJECT
            | Plover::SUPPORT
    ) || v.is_verb(k)
        || v.qty(k).is_some()
        || v.time(k).is_some()
        || v.desc_class(k).is_some_and(|c| c != DescClass::Site)
        || v.hits(k)
            .iter()
            .any(|h| matches!(h.hit, Hit::Trig(_) | Hit::Light(_) | Hit::Cue(_)))
    {
        return None;
    }
    // «مواقع داعش», «موقعا عسكريا للمسلحين».
    genitive_in(v, k, r, true).filter(|g| {
        !g.is_place()
            && ((g.start == k + 1 && g.prep.is_none() && gov(v, g) == Gov::Free)
                || g.prep == Some(Prep::Li))
    })
}

/// «طالبت دعم الجزائر»: a request whose content is a cooperative masdar asks the masdar's
/// genitive (the one who would give the support) — that party is the recipient.
fn requested_party(v: &View, from: usize, r: usize) -> Option<Np> {
    let k = crate::chunk::next_content(v, from, r);
    let content = v.hits(k).iter().any(|h| match h.hit {
        Hit::Trig(t) => LEX.trig.get(t as usize).is_some_and(|e| {
            e.kind.is_nominal()
                && e.kind.allows(&h.strip)
                && !h.strip.al
                && matches!(
                    e.plover,
                    Plover::SUPPORT
                        | Plover::AID
                        | Plover::COOPERATE
                        | Plover::CONSULT
                        | Plover::AGREE
                )
        }),
        _ => false,
    });
    if !content {
        return None;
    }
    np_at(v, k + 1, r, false).filter(|n| n.prep.is_none() && !n.conj && !n.is_place())
}

/// Codes one trigger mention: its event and, apart from it, the sites it hits
/// ([`site_arg`]), which join the recipients only after the mentions of the sentence have
/// merged.
fn code_mention(v: &View, f: &Found, anaphors: &[Option<usize>]) -> Option<(Event, Vec<Arg>)> {
    let e = LEX.trig.get(f.entry as usize)?;
    let (l, r) = clause(v, f.first, f.last);
    let nominal = !e.kind.is_verb();
    if nominal && (irrealis_governed(v, f.first) || generic_noun(v, f)) {
        return None;
    }
    if !nominal && e.plover != Plover::MOBILIZE && habitual_relative(v, f, e.kind, l) {
        return None;
    }
    if !nominal && habitual_setting(v, f, e.kind, l) {
        return None;
    }
    if nominal && operation_of_kind(v, f, e) {
        return None;
    }
    // «سافروا إلى سوريا للقتال في صفوف داعش»: the attack someone travels or joins for is
    // an aim, not an act.
    if nominal && e.plover == Plover::ASSAULT && f.strip.prep == b'l' && motion_before(v, f.first) {
        return None;
    }
    let mut actor: Vec<Arg> = Vec::new();
    let mut recipient: Vec<Arg> = Vec::new();
    let mut location: Vec<Arg> = Vec::new();
    let mut trigger = if f.gap {
        v.span(f.first)
    } else {
        v.span(f.first).cover(&v.span(f.last))
    };
    let mut passive = e.kind.is_passive();
    let mut confidence: f32 = 0.5;
    // Where the prepositional search starts (after subject/object/genitive).
    let mut scan_from = f.last + 1;

    if e.kind.is_verb() {
        confidence += 0.05;
        let imperfect = matches!(e.kind, Kind::Impf | Kind::IPass);
        // «قتل 5 جنود»: a count right after an active-looking form reads as passive.
        let after = crate::chunk::next_content(v, f.last + 1, r);
        let pro_subject = if passive || f.gap {
            None
        } else {
            comp_subject(v, f.first, anaphors)
        };
        // Not after a complementiser and its subject: «إن الجيش قتل 20 مسلحا». (Asked
        // last: it parses the phrase before the verb.)
        let comp_subject_before = || {
            l > 0
                && l < f.first
                && matches!(v.fw(l - 1), Some((Fw::Comp, _)))
                && (l..f.first).all(|k| !v.is_verb(k))
                && subject_before(v, l, f.first)
                    .first()
                    .is_some_and(|n| n.start == l)
        };
        // A gapped idiom holds its subject in the gap («ألقت السلطات القبض عليهم 431
        // شخصا»).
        if !passive
            && !f.gap
            && pro_subject.is_none()
            && matches!(e.plover, Plover::ASSAULT | Plover::COERCE)
            && (v.qty(after).is_some() || v.kind(after) == Some(TokenKind::Number))
            && !comp_subject_before()
        {
            passive = true;
        }
        if passive {
            if e.frame.obj == Role::Recipient
                || matches!(
                    e.plover,
                    Plover::ASSAULT | Plover::COERCE | Plover::SANCTION
                )
            {
                let mut list = np_list(v, after, r);
                if list.first().is_some_and(|n| gov(v, n) == Gov::Free) {
                    list.retain(|n| !n.is_place());
                    link_all(v, &mut list, anaphors);
                    scan_from = list.last().map_or(scan_from, |n| n.end);
                    push_args(&mut recipient, &list);
                }
            }
        } else {
            let (mut subj, mut dropped) = match pro_subject {
                Some(found) => found,
                None => subject_of(v, f, (l, r), imperfect, anaphors),
            };
            // «أن سيول دعت …», «رفضت دمشق الخطوة»: right before or right after a verb of
            // talk between governments, a capital is the government speaking (see
            // [`talk`]). After the verb, only when no dropped subject is at hand or an
            // object follows it: «ودعت طهران إلى …» is someone calling on Tehran.
            if subj.is_empty() && !f.gap && talk(e.plover) {
                let free_capital = |n: &Np| gov(v, n) == Gov::Free && capital(v, n);
                let before = f
                    .first
                    .checked_sub(1)
                    .filter(|&p| p >= l)
                    .and_then(|p| v.ment(p))
                    .and_then(|m| np_at(v, m.first, f.first, false))
                    .filter(|n| n.end == f.first && free_capital(n));
                let k = crate::chunk::next_content(v, f.last + 1, r);
                let after = || {
                    np_at(v, k, r, false).filter(|n| {
                        n.start == k
                            && free_capital(n)
                            && (dropped.is_none()
                                || np_at(v, crate::chunk::next_content(v, n.end, r), r, false)
                                    .is_some_and(|o| gov(v, &o) == Gov::Free))
                    })
                };
                if let Some(mut n) = before.or_else(after) {
                    link_np(v, &mut n, anaphors);
                    subj = vec![n];
                    dropped = None;
                }
            }
            if f.gap {
                // The subject stands inside a gapped idiom: «ألقت الشرطة القبض».
                // Quotes and a preposition with its pronoun («حمّل فيها الرياض
                // المسؤولية») open no phrase.
                let open = (f.first + 1..f.last)
                    .find(|&k| !crate::view::is_quote_mark(v.norm(k)) && !v.pp_pron(k))
                    .unwrap_or(f.last);
                let mut inner = np_list(v, open, f.last);
                link_all(v, &mut inner, anaphors);
                if e.frame.gap_obj && !inner.is_empty() {
                    // «حملت الحكومة المسلحين المسؤولية»: the phrase after the subject is
                    // the object; after «إنها» the one phrase is.
                    let mut obj = match comp_subject(v, f.first, anaphors) {
                        Some((pro, _)) if !pro.is_empty() => {
                            subj = pro;
                            std::mem::take(&mut inner)
                        }
                        _ => {
                            let end = inner.last().map_or(f.last, |n| n.end);
                            np_list(v, crate::chunk::next_content(v, end, f.last), f.last)
                        }
                    };
                    obj.retain(|n| n.prep.is_none());
                    link_all(v, &mut obj, anaphors);
                    push_args(&mut recipient, &obj);
                }
                if !inner.is_empty() {
                    subj = inner;
                } else if subj.is_empty() && dropped.is_none() {
                    // Whatever noun phrase stands in the gap is the subject («وألقى مكتب
                    // التحقيقات الفيدرالي القبض»), even when no lexicon knows it.
                    let nouns = (open..f.last).all(|k| {
                        v.kind(k) == Some(TokenKind::Arabic)
                            && v.fw(k).is_none()
                            && !v.is_verb(k)
                            && !v.pp_pron(k)
                    });
                    if nouns && f.last > open {
                        actor.push(Arg {
                            entity: (open..f.last).find_map(|k| v.ment(k).and_then(|m| m.entity)),
                            span: v.span(open).cover(&v.span(f.last - 1)),
                        });
                    }
                }
            }
            let subj_after = subj.first().is_some_and(|n| n.start > f.last);
            // «قتل شرطي وثلاثة مدنيين»: a phrase joined by و right after a post-verbal
            // subject is coordinated with it, never the object.
            if subj_after {
                if let Some(end) = subj.last().map(|n| n.end) {
                    let k = crate::chunk::next_content(v, end, r);
                    let joined = np_at(v, k, r, false)
                        .is_some_and(|n| n.conj && n.prep.is_none() && gov(v, &n) == Gov::Free);
                    if joined {
                        let mut more = np_list(v, k, r);
                        link_all(v, &mut more, anaphors);
                        subj.extend(more);
                    }
                }
            }
            let overt = !subj.is_empty();
            push_args(&mut actor, &subj);
            if let Some(a) = dropped {
                actor.push(a);
                confidence -= 0.05;
            }
            let mut obj_from = if subj_after {
                subj.last().map_or(f.last + 1, |n| n.end)
            } else {
                f.last + 1
            };
            // «ودعا البارزاني حزب العمال …»: no lexicon knows the word after the verb, but
            // a definite word there with a free phrase after it is the subject (VSO).
            if actor.is_empty() && !f.gap {
                let k = crate::chunk::next_content(v, f.last + 1, r);
                if unknown_subject(v, k, r) {
                    actor.push(Arg {
                        entity: None,
                        span: v.span(k),
                    });
                    obj_from = k + 1;
                }
            }
            // «قُتل جندي», «إن سبعة جنود قتلوا»: a killing verb with one argument and no
            // object is passive (unmarked in writing); its argument is the victim.
            let killing = e.casualty();
            // A trigger ending in its own reflexive object («فجر انتحاري نفسه» matches «فجر
            // نفسه») has an object: the phrase inside it is the one who acted. A «نفسه»
            // after a subject is left alone: «قتل القائد نفسه» may be the commander himself.
            let has_object =
                f.strip.enc.is_some() || (f.last > f.first && reflexive(v, f.last)) || {
                    let k = crate::chunk::next_content(v, obj_from, r);
                    np_at(v, k, r, false).is_some_and(|n| gov(v, &n) == Gov::Free)
                };
            // «وكان الرجل قد اعتقل», «إن خليل حزران اعتقل»: likewise an arrest verb whose
            // only argument is no force, state or organisation (those do the arresting).
            let arrest = e.slot == Some(Slot::Arrested)
                && !imperfect
                && f.first == f.last
                && nothing_after(v, obj_from, r)
                && !subj.iter().any(|n| arrester(v, n));
            // «إن أكثر من 1500 مدرسة دمرت»: a site (or a count of sites, whose last word
            // is the site noun) is hit, it hits nothing; as the one argument of an attack
            // verb it is the target.
            let site_hit = e.plover == Plover::ASSAULT
                && !subj.is_empty()
                && subj.iter().all(|n| {
                    n.is_site()
                        || (n.kind == NpKind::Qty
                            && v.desc_class(n.end - 1) == Some(DescClass::Site))
                });
            if (killing || arrest || site_hit)
                && !has_object
                && !actor.is_empty()
                && dropped_none(&subj, &actor)
            {
                recipient.append(&mut actor);
                passive = true;
            }
            if passive {
                // nothing more: the victim is known
            } else if e.frame.obj == Role::Recipient {
                let exclude: Vec<Option<usize>> = actor.iter().map(|a| a.entity).collect();
                if f.strip.enc.is_some() && !f.gap {
                    if let Some(a) = pronoun_arg(v, f.first, &f.strip, &exclude, anaphors) {
                        recipient.push(a);
                    }
                } else {
                    let mut k = crate::chunk::next_content(v, obj_from, r);
                    // «استهدفت غارة جوية مواقع داعش»: an event noun is the subject; the
                    // object follows its phrase.
                    if actor.is_empty() {
                        if let Some(end) = event_noun_end(v, k, r) {
                            k = crate::chunk::next_content(v, end, r);
                        }
                    }
                    if overt && subj_after {
                        k = past_subject_modifiers(v, k, r);
                    }
                    // «اتهم المتمردون من جانبهم القوات الحكومية», «واتهمت النيابة العامة
                    // في بوليفيا تشافيز»: after an overt subject, one short phrase with a
                    // preposition may stand before the object.
                    if overt && subj_after {
                        if let Some((after_pp, _)) =
                            short_pp_end(v, k, r).filter(|&(_, p)| e.frame.prep(p).is_none())
                        {
                            let k2 = crate::chunk::next_content(v, after_pp, r);
                            if np_at(v, k2, r, false)
                                .is_some_and(|n| n.start == k2 && gov(v, &n) == Gov::Free)
                            {
                                k = k2;
                            }
                        }
                    }
                    let mut list = np_list(v, k, r);
                    // «اتهمت سيول بيونغيانغ», «دعت أنقرة دمشق»: a capital one accuses or
                    // calls on stands for its government — after a subject in the text
                    // (with a dropped one, «رفضت موسكو …» may be Moscow rejecting).
                    let place =
                        |n: &Np| n.is_place() && !(talk(e.plover) && overt && capital(v, n));
                    if list
                        .first()
                        .is_some_and(|n| gov(v, n) == Gov::Free && !place(n))
                    {
                        list.retain(|n| !place(n));
                        link_all(v, &mut list, anaphors);
                        scan_from = list.last().map_or(obj_from, |n| n.end);
                        push_args(&mut recipient, &list);
                    } else if let Some(g) = owner_of_object(v, k, r, e.plover) {
                        // «جمدت تركيا أموال صالح», «قصفوا مواقع داعش»: an unread noun
                        // and its owner — the owner is the party acted on.
                        let mut list = np_list(v, g.start, r);
                        if list.is_empty() {
                            list.push(g);
                        }
                        list.retain(|n| !n.is_place());
                        link_all(v, &mut list, anaphors);
                        scan_from = list.last().map_or(obj_from, |n| n.end);
                        push_args(&mut recipient, &list);
                    } else {
                        scan_from = obj_from;
                        if e.plover == Plover::REQUEST {
                            if let Some(mut g) = requested_party(v, obj_from, r) {
                                link_np(v, &mut g, anaphors);
                                push_args(&mut recipient, &[g]);
                            }
                        }
                    }
                }
            } else {
                scan_from = obj_from;
            }
        }
    } else {
        // Nominal or adverbial trigger.
        let mut light_actor = false;
        if let Some((k, light, lstrip)) = light_before(v, f, l) {
            if k + 1 == f.first || (k + 2 == f.first && dem_before(v, f.first).is_some()) {
                trigger = v.span(k).cover(&trigger);
            }
            let imperfect = matches!(light.kind, Kind::Impf);
            match light.role {
                LightRole::Passive => passive = true,
                LightRole::None => {}
                role => {
                    let (lc, _) = clause(v, k, k);
                    let mut s = subject_after(v, k, f.first);
                    let mut pro = None;
                    if s.is_empty() {
                        // «قالت إنها كثفت قصفها»: the complementiser's pronoun.
                        if let Some((sp, d)) = comp_subject(v, k, anaphors) {
                            s = sp;
                            pro = d;
                        }
                    }
                    let nobody = s.is_empty() && crate::chunk::nobody_subject(v, k, f.first);
                    if s.is_empty() && pro.is_none() {
                        s = subject_before(v, lc, k);
                    }
                    // «نفذوا عملية … وتمكنت من قتل»: a light verb joined by و shares the
                    // previous verb's overt subject.
                    if s.is_empty() && pro.is_none() && lstrip.conj {
                        let agr = verb_agreement(v, k, &lstrip, imperfect);
                        s = shared_subject(v, k, agr);
                    }
                    link_all(v, &mut s, anaphors);
                    light_actor = role == LightRole::Actor;
                    let dropped = if pro.is_some() {
                        pro
                    } else if s.is_empty() && !nobody {
                        let agr = verb_agreement(v, k, &lstrip, imperfect);
                        antecedent(v, k, agr, 1, &[], anaphors)
                            .map(|(entity, span)| Arg { entity, span })
                    } else {
                        None
                    };
                    let target = match role {
                        LightRole::Actor => Some(&mut actor),
                        LightRole::Recipient => Some(&mut recipient),
                        _ => None,
                    };
                    match target {
                        Some(t) => {
                            push_args(t, &s);
                            if let Some(a) = dropped {
                                t.push(a);
                            }
                        }
                        None => {
                            let places: Vec<Np> = s
                                .into_iter()
                                .filter(|n| n.etype == Some(EntityType::LOC))
                                .collect();
                            push_args(&mut location, &places);
                        }
                    }
                }
            }
        } else if e.kind == Kind::Part {
            // «وقال الوزير …، متهما إيران بدعم الإرهاب»: the speaker (the subject of the
            // sentence's verb) does it, and the phrase after it is its object.
            let mut s = participle_subject(v, f.first);
            // With nobody to do it the participle is a bare adjective («متهما» = accused).
            if s.is_empty() {
                return None;
            }
            link_all(v, &mut s, anaphors);
            push_args(&mut actor, &s);
            if e.frame.obj == Role::Recipient {
                if let Some(o) = np_at(v, f.last + 1, r, false).filter(|o| o.prep.is_none()) {
                    scan_from = o.end;
                    let mut list = vec![o];
                    link_all(v, &mut list, anaphors);
                    push_args(&mut recipient, &list);
                }
            }
        } else if e.kind == Kind::Adv || e.kind == Kind::Noun && e.plover == Plover::COOPERATE {
            // «تجري بشكل مشترك»: the clause's subject does it.
            let mut s = subject_before(v, l, f.first);
            link_all(v, &mut s, anaphors);
            push_args(&mut actor, &s);
        }
        // Genitive or possessive pronoun.
        let gen_role = if passive && e.frame.gen == Role::Actor && e.plover != Plover::MOBILIZE {
            Role::Recipient
        } else {
            e.frame.gen
        };
        let has_al = f.strip.al || v.norm(f.last).starts_with("ال");
        // «إنها كثفت قصفها», «واصل الجيش هجماته»: a possessive pronoun on the noun of a
        // light verb whose subject does it is that subject again, already the actor.
        let own_act = light_actor && f.strip.enc.is_some() && f.rest_is_empty(e);
        if own_act {
            // nothing: the possessor is the actor
        } else if gen_role != Role::Skip && !matches!(e.kind, Kind::Adv | Kind::Part) {
            if f.strip.enc.is_some() && f.rest_is_empty(e) {
                let exclude: Vec<Option<usize>> = actor.iter().map(|a| a.entity).collect();
                // «دعمها للنظام السوري»: with an object after «لـ» the possessor is the doer.
                let object = (gen_role == Role::Recipient && !passive)
                    .then(|| li_object(v, f.last + 1, r))
                    .flatten();
                if let Some(a) = pronoun_arg(v, f.first, &f.strip, &exclude, anaphors) {
                    match gen_role {
                        Role::Actor => actor.push(a),
                        _ if object.is_some() => actor.push(a),
                        _ => recipient.push(a),
                    }
                }
                if let Some(o) = object {
                    scan_from = o.end;
                    push_object(v, o, anaphors, &mut recipient, &mut location);
                }
            } else if !has_al {
                // «لـ X» after a word following the trigger is the doer only when it is a
                // state, force or organisation («ضربات استباقية للإرهابيين» names the target).
                // «غارة جوية», «هجوم انتحاري»: after the head's adjective no construct
                // genitive can follow, only an owner with «لـ» («مواقع داعش» in «استهدفت
                // غارة جوية مواقع داعش» is the verb's object).
                let adjective_last = f.last > f.first
                    && v.fw(f.last).is_none()
                    && crate::chunk::adjective_shaped(v.norm(f.last));
                let g = genitive(v, f.last + 1, r).filter(|g| {
                    // (a genitive is never in the accusative: «استهدف هجوم جنودا»)
                    !crate::chunk::indefinite_accusative(v, g)
                        && (g.prep != Some(Prep::Li) || gen_role != Role::Actor || doer_np(v, g))
                        // (where the frame reads «لـ» as the one done to, «قرضا عاجلا
                        // لمصر», «زيارة رسمية لفرنسا» name the receiver, not an owner; a
                        // person after «لـ» is still the owner: «زيارة محتملة لجون كيري»)
                        && (g.prep != Some(Prep::Li)
                            || e.frame.prep(Prep::Li) != Some(Role::Recipient)
                            || person_np(g))
                        // (a name may hold its «لـ»: «للأمم المتحدة»)
                        && (!adjective_last
                            || g.prep == Some(Prep::Li)
                            || v.norm(g.start).starts_with('ل'))
                });
                if let Some(mut g) = g {
                    if !g.is_place() {
                        link_np(v, &mut g, anaphors);
                        let mut list = np_list(v, g.start, r);
                        if list.is_empty() {
                            list.push(g);
                        }
                        link_all(v, &mut list, anaphors);
                        scan_from = list.last().map_or(scan_from, |n| n.end);
                        // «دعم إيران للنظام», «قصف الطيران للمدينة»: a masdar's doer in the
                        // genitive, its object after «لـ».
                        let object = (gen_role == Role::Recipient && !passive)
                            .then(|| subjective_genitive(v, &list, scan_from, r, !e.casualty()))
                            .flatten();
                        // «نتيجة قصف القوات الحكومية»: a force shells, it is not shelled.
                        let force = e.frame.gen_force
                            && !passive
                            && list
                                .first()
                                .is_some_and(|n| n.start == f.last + 1 && force_np(v, n));
                        // «زيارة فرنسا»: a visit's genitive state is its host.
                        let host = e.frame.gen_host
                            && list.first().is_some_and(|n| {
                                n.start == f.last + 1 && n.etype == Some(EntityType::LOC)
                            });
                        match (gen_role, object) {
                            (Role::Actor, _) if host => push_args(&mut recipient, &list),
                            (Role::Actor, _) => push_args(&mut actor, &list),
                            (_, None) if force => push_args(&mut actor, &list),
                            (_, Some(o)) => {
                                push_args(&mut actor, &list);
                                scan_from = o.end;
                                push_object(v, o, anaphors, &mut recipient, &mut location);
                            }
                            _ => push_args(&mut recipient, &list),
                        }
                    }
                }
            }
        }
        // «غارة إسرائيلية», «غارة للجيش».
        let mut k = f.last + 1;
        let mut steps = 0;
        while k < r && steps < 3 {
            if let Some(mut s) = resumptive_doer(v, k, r) {
                link_all(v, &mut s, anaphors);
                push_args(&mut actor, &s);
                break;
            }
            // («مقتل رضيع فلسطيني», «قتلى إسرائيليون»: after a casualty word the nisba is
            // the victims' nationality.)
            if let Some((_, st)) = v.nisba(k).filter(|_| !e.casualty()) {
                if st.prep == 0 && !st.conj && v.ment(k).is_none() {
                    actor.push(Arg {
                        entity: v.nisba(k).and_then(|(code, _)| country_entity(v, code)),
                        span: v.span(k),
                    });
                    k += 1;
                    steps += 1;
                    continue;
                }
            }
            if let Some(np) = np_at(v, k, r, false) {
                // Only a state, force or organisation is read as the doer here («غارة
                // للجيش»); «ضربات للإرهابيين» names the target.
                // So are the holders of a meeting, a protest or a withdrawal («الاجتماع
                // الأسبوعي لحكومته»). Not when a nisba before it has named the doer
                // («الغزو الأميركي للعراق»), and not for acts aimed at someone, where «لـ»
                // names the one aimed at («انتقادات للمحكمة», «مقترح لليونان»).
                if doer_np(v, &np)
                    && np.prep == Some(Prep::Li)
                    && e.frame.prep(Prep::Li).is_none()
                    && !np.is_place()
                    && actor.is_empty()
                    && matches!(
                        e.plover,
                        Plover::ASSAULT
                            | Plover::COERCE
                            | Plover::MOBILIZE
                            | Plover::CONSULT
                            | Plover::PROTEST
                            | Plover::RETREAT
                    )
                {
                    let mut list = vec![np];
                    link_all(v, &mut list, anaphors);
                    push_args(&mut actor, &list);
                }
                break;
            }
            // Only adjectives of the trigger may stand between it and «لـ X».
            let adjective = v.kind(k) == Some(TokenKind::Arabic)
                && v.fw(k).is_none()
                && v.ment(k).is_none()
                && !v.is_verb(k)
                && v.norm(k).starts_with("ال") == has_al;
            if !adjective {
                break;
            }
            k += 1;
            steps += 1;
        }
    }

    // Prepositional roles across the rest of the clause.
    let mut k = scan_from.max(f.last + 1);
    let mut seen_preps: Vec<Prep> = Vec::new();
    let casualty = e.casualty();
    // Where the matter of talks begins: no place after it is theirs.
    let mut topic_at: Option<usize> = None;
    while k < r {
        // «الهجوم … عن سقوط قتلى بين عناصر الميليشيات»: what follows a casualty noun is
        // that report's (among whom they fell), not the attack's.
        if !casualty && casualty_noun_at(v, k) {
            break;
        }
        // «المباحثات تطرقت إلى الملف السوري»: what talks touch upon is their matter,
        // not a party or a place of the meeting.
        if e.plover == Plover::CONSULT && topic_verb(v.norm(k)) {
            topic_at = Some(k);
            break;
        }
        // «ويأتي هجوم أمس بعد أيام على مقتل سبعة جنود»: what follows a temporal
        // connective is another event's.
        if temporal_connective(v, k) {
            break;
        }
        // «على مواقع تنظيم داعش»: a preposition, a bare noun, then the party.
        if let Some(p) = v.prep_word(k) {
            let agent = (p == Prep::Ala && v.is_word(k + 1, "يد"))
                || (p == Prep::Min && v.is_word(k + 1, "قبل"));
            // «لاستعادتها من أيدي داعش»: out of the hands of X — X holds, it does not act.
            // «… في الهجوم من بينهم نساء»: «من بين» is partitive (among them), never «by».
            if p == Prep::Min
                && (v.is_word(k + 1, "ايدي")
                    || v.is_word(k + 1, "يد")
                    || v.norm(k + 1).starts_with("بين"))
            {
                k += 2;
                continue;
            }
            // «ثلاثة أفراد آخرين من أبطال القوات»: «من» after a count is partitive —
            // the whole is never the doer; for an attack or an arrest it is the side hit.
            if p == Prep::Min && !agent && after_count(v, k) {
                let whole = np_at(v, k + 1, r, false)
                    .filter(|n| !n.is_site())
                    .or_else(|| genitive(v, k + 1, r));
                let mut end = k + 1;
                if let Some(g) = whole.filter(|g| !g.is_place()) {
                    end = g.end.max(k + 1);
                    if matches!(e.plover, Plover::ASSAULT | Plover::COERCE) {
                        let mut list = vec![g];
                        link_all(v, &mut list, anaphors);
                        push_args(&mut recipient, &list);
                    }
                }
                k = end;
                continue;
            }
            let unread = np_at(v, k + 1, r, false).is_none_or(|n| n.is_site());
            if !agent && unread && !seen_preps.contains(&p) {
                if let (Some(role), Some(g)) = (e.frame.prep(p), genitive(v, k + 1, r)) {
                    if !g.is_place() && role != Role::Skip {
                        let mut list = vec![g];
                        link_all(v, &mut list, anaphors);
                        seen_preps.push(p);
                        match role {
                            Role::Actor => push_args(&mut actor, &list),
                            _ => push_args(&mut recipient, &list),
                        }
                        k = list.last().map_or(k + 1, |n| n.end);
                        continue;
                    }
                }
            }
        }
        let Some(np) = np_at(v, k, r, false) else {
            k += 1;
            continue;
        };
        let g = gov(v, &np);
        let mut list = np_list(v, k, r);
        if list.is_empty() {
            list.push(np.clone());
        }
        link_all(v, &mut list, anaphors);
        let end = list.last().map_or(np.end, |n| n.end).max(k + 1);
        match g {
            Gov::Agent => push_args(&mut actor, &list),
            // After a casualty noun «من» is partitive («إصابة ثلاثة أفراد من القوات»,
            // «مقتل 21 وإصابة 36 من الحوثيين»): the whole the dead belong to is the party hit.
            Gov::P(Prep::Min)
                if casualty
                    && !seen_preps.contains(&Prep::Min)
                    && recipient.iter().all(|a| bare_count(v, a)) =>
            {
                let parties: Vec<Np> = list.iter().filter(|n| !n.is_place()).cloned().collect();
                if !parties.is_empty() {
                    seen_preps.push(Prep::Min);
                    push_args(&mut recipient, &parties);
                }
            }
            Gov::P(Prep::Min) if casualty => {}
            // «سقوط قتلى وجرحى بين عناصر الميليشيات»: among whom the casualties fell,
            // not the two sides of a clash.
            Gov::P(Prep::Bayna) if casualty && e.kind.is_nominal() => {
                let parties: Vec<Np> = list.iter().filter(|n| !n.is_place()).cloned().collect();
                if !parties.is_empty() && !seen_preps.contains(&Prep::Bayna) {
                    seen_preps.push(Prep::Bayna);
                    push_args(&mut recipient, &parties);
                }
            }
            // «القريبة من الحدود مع إيران»: the country across a border locates a place.
            Gov::P(_) if reference_place(v, np.start) => {}
            Gov::P(p) if !seen_preps.contains(&p) => {
                if let Some(role) = e.frame.prep(p) {
                    let parties: Vec<Np> = list.iter().filter(|n| !n.is_place()).cloned().collect();
                    if !parties.is_empty() {
                        seen_preps.push(p);
                        match role {
                            Role::Actor => push_args(&mut actor, &parties),
                            Role::Recipient => push_args(&mut recipient, &parties),
                            Role::Skip => {}
                        }
                    }
                }
            }
            _ => {}
        }
        k = end;
    }
    // Adverbial «معا» etc. are not handled; reciprocal «بين X و Y» is in the frame.

    // «أعلنت الشرطة اعتقال …»: an authority announcing an arrest or a sanction on someone
    // as the object of its own statement made it.
    if nominal
        && actor.is_empty()
        && !recipient.is_empty()
        && matches!(e.plover, Plover::COERCE | Plover::SANCTION)
    {
        let mut s = announcer(v, l, f.first);
        link_all(v, &mut s, anaphors);
        push_args(&mut actor, &s);
    }

    // Location: a place after في/ب/قرب… in the clause, else the nearest in the sentence.
    let used = |a: &Arg, list: &[Arg]| {
        list.iter()
            .any(|x| x.span.overlaps(&a.span) || (x.entity.is_some() && x.entity == a.entity))
    };
    let mut k = l;
    while k < r {
        if let Some(np) = np_at(v, k, r, false)
            .filter(|n| n.etype == Some(EntityType::LOC) && !reference_place(v, n.start))
        {
            let g = gov(v, &np);
            let mut end = np.end;
            // A movement («هرب من الفلوجة إلى سورية», «انتشرت في عدن») has its origin and
            // destination as places too.
            let movement = matches!(e.plover, Plover::RETREAT | Plover::MOBILIZE)
                && matches!(g, Gov::P(Prep::Min) | Gov::P(Prep::Ila));
            if movement || matches!(g, Gov::P(Prep::Fi) | Gov::P(Prep::Bi)) {
                // «في النيجر وموريتانيا وبوركينا فاسو»: every coordinated place.
                for n in np_list(v, k, r) {
                    if n.etype != Some(EntityType::LOC) {
                        break;
                    }
                    end = n.end;
                    let a = Arg {
                        entity: n.entity,
                        span: n.span,
                    };
                    if !used(&a, &actor) && !used(&a, &recipient) && !used(&a, &location) {
                        location.push(a);
                    }
                }
            }
            k = end.max(k + 1);
        } else {
            k += 1;
        }
    }
    if location.is_empty() {
        location.extend(territory(v, l, r));
    }
    if location.is_empty() {
        let (s0, s1) = v.sent_range(v.sent(f.first));
        let s1 = topic_at.map_or(s1, |t| t.min(s1));
        let mut best: Option<((bool, usize), Arg)> = None;
        // The sentence's mentions only: `ments` is in text order, so a binary search finds
        // them and a document of thousands of sentences stays linear.
        let from = v.ments.partition_point(|m| m.first < s0);
        for m in v.ments.get(from..).unwrap_or_default() {
            if m.first >= s1 {
                break;
            }
            if m.etype != EntityType::LOC {
                continue;
            }
            // A country elsewhere in the sentence is often a party («نفت الجزائر»): only
            // one introduced as a place counts.
            if m.country {
                let np = np_at(v, m.first, s1, false);
                let placed =
                    np.is_some_and(|n| matches!(gov(v, &n), Gov::P(Prep::Fi) | Gov::P(Prep::Bi)));
                if !placed {
                    continue;
                }
            }
            let a = Arg {
                entity: m.entity,
                span: m.span,
            };
            if used(&a, &actor) || used(&a, &recipient) {
                continue;
            }
            if (m.first >= 1 && v.prep_word(m.first - 1) == Some(Prep::Min))
                || reference_place(v, m.first)
            {
                continue;
            }
            // Places inside the event's clause come first: one before it belongs to the
            // report («قالت المعارضة في سوريا إنها قصفت … بوسط درعا»).
            let d = (m.first < l, m.first.abs_diff(f.first));
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, a));
            }
        }
        if let Some((_, a)) = best {
            location.push(a);
        }
    } else {
        confidence += 0.05;
    }

    // Mode from nearby words when the entry has none.
    let mut mode = e.mode.map(str::to_string);
    if mode.is_none() && e.plover == Plover::ASSAULT {
        let lo = f.first.saturating_sub(6).max(l);
        let hi = (f.last + 7).min(r);
        mode = (lo..hi)
            .filter_map(|k| v.mode(k))
            .min()
            .and_then(|m| LEX.modes.get(m as usize))
            .map(|m| m.to_string());
    }

    let date = event_date(v, f, l, r);
    if date.as_ref().is_some_and(|d| !d.inferred) {
        confidence += 0.05;
    }
    let size = event_size(v, f, e, l, r, &recipient);

    // A bare count («مقتل 8») names nobody: its number is in `size`; the role stays empty
    // rather than holding a number.
    actor.retain(|a| !bare_count(v, a));
    recipient.retain(|a| !bare_count(v, a));
    // A site («فندقا», «المسجد») never acts, and is hit only by attacks and raids.
    actor.retain(|a| !site_head(v, a));
    let (mut sites, kept): (Vec<Arg>, Vec<Arg>) = recipient.iter().partition(|a| site_arg(v, a));
    recipient = kept;
    if !matches!(e.plover, Plover::ASSAULT | Plover::COERCE) {
        sites.clear();
    }
    // A named thing (an agreement, an operation, a war) never acts, and is the object only
    // of a stance taken on it: endorsed, rejected or criticised («عارض الاتفاق النووي»).
    // Nobody taking the stance, it dates the background («بعد توقيع الاتفاق النووي»).
    actor.retain(|a| !named_thing(v, a.entity));
    if actor.is_empty() || !matches!(e.plover, Plover::SUPPORT | Plover::REJECT | Plover::ACCUSE) {
        recipient.retain(|a| !named_thing(v, a.entity));
    }
    // Nobody may act on themselves here: drop recipients that repeat an actor.
    recipient.retain(|a| {
        !actor
            .iter()
            .any(|x| x.span == a.span || (x.entity.is_some() && x.entity == a.entity))
    });
    if !actor.is_empty() {
        confidence += 0.15;
    }
    if !recipient.is_empty() {
        confidence += 0.1;
    }
    if f.anaphoric {
        confidence -= 0.1;
    }
    let event = Event {
        etype: e.plover,
        mode,
        sentence: v.sent(f.first),
        trigger,
        actor,
        recipient,
        location,
        date,
        size,
        attribution: Attribution::default(),
        disputed_by: Vec::new(),
        confidence: confidence.clamp(0.05, 0.95),
    };
    Some((event, sites))
}

/// True when an argument is a site and no party: a place noun of [`DescClass::Site`]
/// («مسجدا», «الفندق», «مواقع») with no owner. «مقر الحزب» and «مركزا للشرطة» name the
/// party whose site was hit.
fn site_arg(v: &View, a: &Arg) -> bool {
    a.entity.is_none() && site_head(v, a) && {
        let (first, end) = v.tokens_of(a.span);
        !(first + 1..end)
            .any(|k| v.ment(k).is_some() || v.desc_class(k).is_some_and(|c| c != DescClass::Site))
    }
}

/// True when `entity` is a named thing: a MISC entity linked to the knowledge base, whose
/// only MISC entries are agreements, initiatives, operations and wars.
fn named_thing(v: &View, entity: Option<usize>) -> bool {
    entity
        .and_then(|e| v.doc.entities.get(e))
        .is_some_and(|e| e.etype == EntityType::MISC && e.kb.rasd.is_some())
}

/// True when an argument's first word is a site noun, owner or not.
fn site_head(v: &View, a: &Arg) -> bool {
    v.desc_class(v.tokens_of(a.span).0) == Some(DescClass::Site)
}

/// «تفجير انتحاري نفذه حزب العمال», «هجمات يشنها متشددون»: after an event noun, a light
/// verb carrying a resumptive pronoun opens a relative clause without «الذي»; its subject
/// is the doer.
fn resumptive_doer(v: &View, k: usize, r: usize) -> Option<Vec<Np>> {
    let light = v.hits(k).iter().any(|h| {
        h.strip.enc.is_some()
            && h.strip.prep == 0
            && !h.strip.al
            && matches!(h.hit, Hit::Light(li)
                if LEX.light.get(li as usize).is_some_and(|l| l.role == LightRole::Actor))
    });
    if !light {
        return None;
    }
    let s = subject_after(v, k, r);
    (!s.is_empty()).then_some(s)
}

/// True when token `k` is a word no lexicon reads ([`View::unread`]) and no other layer
/// marks: no entity mention, time or count.
fn bare_word(v: &View, k: usize) -> bool {
    v.unread(k) && v.ment(k).is_none() && v.time(k).is_none() && v.qty(k).is_none()
}

/// True when token `k` is a definite word no lexicon reads (a surname like «البارزاني»)
/// directly followed by a free noun phrase: in verb-first order it is the subject.
fn unknown_subject(v: &View, k: usize, r: usize) -> bool {
    let unknown = k + 1 < r && v.norm(k).starts_with("ال") && bare_word(v, k);
    unknown
        && np_at(v, k + 1, r, false)
            .is_some_and(|n| n.prep.is_none() && !n.conj && gov(v, &n) == Gov::Free)
}

/// Where the object may start after a post-verbal subject whose description goes on
/// past its phrase at `k`: the side it is on («الموالية للحكومة»), its recognition
/// («المعترف بها دوليا»), or who leads it («بزعامة نائب رئيس الجمهورية إياد علاوي»,
/// «بقيادة رئيس الوزراء أحمد داود أوغلو»). These describe the subject, so «وتقاتل القوات
/// الموالية للحكومة المعترف بها دوليا جماعات إسلامية» has its object after them. Returns
/// `k` when nothing of the sort is there.
fn past_subject_modifiers(v: &View, mut k: usize, r: usize) -> usize {
    // «بها», «به», «بهم» after «المعترف»
    const BIHA: [&str; 3] = ["بها", "به", "بهم"];
    for _ in 0..3 {
        k = crate::chunk::pass_time_insert(v, k, r);
        // «، بشدة،»: an adverb set off by commas
        if v.is_soft(k) && k + 1 < r && subject_adverb(v, k + 1) {
            k += 1;
        }
        if k >= r || v.is_hard(k) || v.is_soft(k) {
            break;
        }
        if subject_adverb(v, k) {
            let next = k + 1;
            k = if v.is_soft(next) {
                crate::chunk::next_content(v, next + 1, r)
            } else {
                crate::chunk::next_content(v, next, r)
            };
            continue;
        }
        let w = v.norm(k);
        // «الموالية لـ/من X»: the side's phrase, glued preposition or separate, after the
        // sided word here or closing the subject's phrase
        let side_at = if crate::chunk::sided(v, k) {
            Some(k + 1)
        } else if k >= 1 && crate::chunk::sided(v, k - 1) {
            Some(k)
        } else {
            None
        };
        let next = if let Some(s) = side_at {
            let at = if v.prep_word(s).is_some() { s + 1 } else { s };
            match np_at(v, at, r, false).filter(|n| n.start == at) {
                Some(n) if n.prep.is_some() || at == s + 1 => n.end,
                _ => break,
            }
        } else if w == "المعترف" || (BIHA.contains(&w) && k >= 1 && v.norm(k - 1) == "المعترف")
        {
            // «المعترف بها دوليا»; the phrase may already hold «المعترف»
            let mut e = if w == "المعترف" { k + 1 } else { k };
            if BIHA.contains(&v.norm(e)) {
                e += 1;
            } else {
                break;
            }
            if v.norm(e).starts_with("دولي") {
                e += 1;
            }
            e
        } else if ["بزعامه", "بقياده", "برئاسه", "بامره"].contains(&w) {
            // the leader's titles and name, up to the end of a person's name
            let person_end = (k + 1..(k + 6).min(r)).find_map(|j| {
                v.ment(j)
                    .filter(|m| m.etype == EntityType::PER && m.first == j)
                    .map(|m| m.end)
            });
            match person_end.or_else(|| np_at(v, k + 1, r, false).map(|n| n.end)) {
                Some(e) if e > k + 1 => e,
                _ => break,
            }
        } else {
            break;
        };
        if next <= k || next > r {
            break;
        }
        k = crate::chunk::next_content(v, next, r);
    }
    k
}

/// True when token `k` is an adverb of manner standing between a verb's subject and its
/// object («واتهمت الحكومة رسميا الحركة», «وأيد الشيخ علنا البغدادي», «استنكر، بشدة،
/// التصريحات»): a listed adverb, or an unread «-يا» adverb made from an adjective
/// («رسميا», «ضمنيا») that names nothing (countries such as «تركيا» are mentions).
fn subject_adverb(v: &View, k: usize) -> bool {
    const ADVERBS: &[&str] = &[
        "علنا",
        "مجددا",
        "ايضا",
        "كذلك",
        "بشده",
        "مرارا",
        "صراحه",
        "ضمنا",
        "فورا",
        "سابقا",
        "رسميا",
        "حاليا",
        "مباشره",
        "بدوره",
        "بدورها",
        "بقوه",
    ];
    if v.ment(k).is_some() || v.time(k).is_some() || v.qty(k).is_some() {
        return false;
    }
    let w = v.norm(k);
    // not a broken plural in «-ايا» («ضحايا», «خلايا»)
    ADVERBS.contains(&w)
        || (w.ends_with("يا") && !w.ends_with("ايا") && w.chars().count() >= 5 && v.unread(k))
}

/// The end and the preposition of a short prepositional phrase at `k` (before clause end
/// `r`): a preposition word and the phrase or one word after it («من جانبهم», «في
/// بوليفيا»), or a phrase with a preposition glued to it («ببيان»). Nothing when no
/// preposition opens at `k`.
fn short_pp_end(v: &View, k: usize, r: usize) -> Option<(usize, Prep)> {
    if k >= r || v.is_hard(k) || v.is_soft(k) {
        return None;
    }
    if let Some(p) = v.prep_word(k) {
        let inner = np_at(v, k + 1, r, false).filter(|n| n.start == k + 1);
        let end = inner.map_or(k + 2, |n| n.end);
        return (end <= r && end <= k + 4).then_some((end, p));
    }
    np_at(v, k, r, false)
        .filter(|n| n.start == k && n.end <= k + 3)
        .and_then(|n| n.prep.map(|p| (n.end, p)))
}

/// Events between governments told in words (accusing, demanding, rejecting, supporting
/// …), whose parties are governments even when the text names their capitals. Not a visit:
/// the capital visited is where it happens («زار الوزير بغداد»).
fn talk(t: Plover) -> bool {
    matches!(
        t,
        Plover::ACCUSE
            | Plover::REQUEST
            | Plover::THREATEN
            | Plover::REJECT
            | Plover::SUPPORT
            | Plover::AGREE
            | Plover::COOPERATE
            | Plover::SANCTION
    )
}

/// True when `np` names a national capital (GeoNames feature PPLC).
fn capital(v: &View, np: &Np) -> bool {
    np.entity
        .and_then(|e| v.doc.entities.get(e))
        .and_then(|e| e.geo.as_ref())
        .and_then(|g| g.feature.as_deref())
        == Some("PPLC")
}

/// True when a phrase can be the doer named by «لـ X» after an event noun: a state, a
/// named organisation or person, or a force, police, government or intelligence descriptor.
fn doer_np(v: &View, np: &Np) -> bool {
    match np.kind {
        NpKind::Name => np.etype.is_some_and(|t| t != EntityType::LOC || np.country),
        NpKind::Desc(_) => v
            .desc(np.head)
            .and_then(|(d, _)| LEX.desc.get(d as usize))
            .and_then(|d| d.sector)
            .is_some_and(|s| matches!(s, "MIL" | "COP" | "GOV" | "SPY")),
        _ => false,
    }
}

/// True when a phrase names a person: a person's name, or a role or title descriptor.
fn person_np(n: &Np) -> bool {
    n.etype == Some(EntityType::PER)
        || matches!(n.kind, NpKind::Desc(DescClass::Person | DescClass::Title))
}

/// Adds a masdar's «لـ» object ([`li_object`]): a place to the event's places, anybody
/// else to those it is done to.
fn push_object(
    v: &View,
    mut o: Np,
    anaphors: &[Option<usize>],
    recipient: &mut Vec<Arg>,
    location: &mut Vec<Arg>,
) {
    link_np(v, &mut o, anaphors);
    if o.is_place() {
        push_args(location, &[o]);
    } else {
        push_args(recipient, &[o]);
    }
}

/// The object after «لـ» that makes the genitive `gen` of a masdar its doer: «دعم إيران
/// للنظام السوري», «استهداف التحالف لمواقع الحوثيين» — the masdar takes its subject in
/// the genitive and its object with «لـ». Only when the genitive is a party that can act
/// (a state, a force, an organisation, a person); see [`li_object`]. With `accusative`
/// (a transitive masdar, not a death noun like «مقتل») the object may also follow in the
/// accusative, a definite phrase with no preposition: «تحرير القوات الشرعية محافظة
/// الضالع», «اقتحام الشرطة المنزل».
fn subjective_genitive(v: &View, gen: &[Np], k: usize, r: usize, accusative: bool) -> Option<Np> {
    let first = gen.first()?;
    if !(doer_np(v, first) || first.etype == Some(EntityType::PER)) {
        return None;
    }
    // No person on either side: a title and a name after it are one person in apposition
    // («مقتل زعيم القاعدة أسامة بن لادن», «بدعم الرئيس الروسي …»).
    li_object(v, k, r).or_else(|| {
        if !accusative || person_np(first) {
            return None;
        }
        np_at(v, k, r, false).filter(|o| {
            o.start == k
                && o.prep.is_none()
                && !o.conj
                && (o.definite || o.kind == NpKind::Name)
                && (o.etype.is_some() || matches!(o.kind, NpKind::Desc(_)))
                && !person_np(o)
        })
    })
}

/// The object of a masdar introduced by «لـ» right at `k` (clause end `r`): a party, a
/// count of people or a place («للنظام», «لثلاثة متظاهرين», «لمدينة حلب»). «لـ» before
/// a masdar or an abstract noun says why («اعتقال المشتبه به لاستجوابه»): no object.
fn li_object(v: &View, k: usize, r: usize) -> Option<Np> {
    if k >= r {
        return None;
    }
    let w = v.norm(k);
    if !(w.starts_with('ل') && v.fw(k).is_none() && !v.is_verb(k)) {
        return None;
    }
    let o = np_at(v, k, r, false).filter(|o| o.start == k).or_else(|| {
        // «لمدينة حلب»: a settlement noun, then the place's name.
        let bare = w.strip_prefix("لل").or_else(|| w.strip_prefix('ل'))?;
        crate::chunk::PLACE_NOUNS
            .contains(&bare)
            .then(|| np_at(v, k + 1, r, false))
            .flatten()
            .filter(|o| o.start == k + 1)
    })?;
    let party = o.etype.is_some() || matches!(o.kind, NpKind::Desc(_) | NpKind::Qty);
    party.then_some(o)
}

/// True when `np` is an armed or security force or aircraft by its descriptor («القوات
/// الحكومية», «قوات النظام», «الطيران الحربي»), not a state or a group by name: «قصف
/// سوريا» and «قصف داعش» name the target as often as the doer.
fn force_np(v: &View, np: &Np) -> bool {
    match np.kind {
        NpKind::Desc(DescClass::Craft) => true,
        NpKind::Desc(DescClass::Force) => v
            .desc(np.head)
            .and_then(|(d, _)| LEX.desc.get(d as usize))
            .and_then(|d| d.sector)
            .is_some_and(|s| matches!(s, "MIL" | "COP")),
        _ => false,
    }
}

/// Stems of the verbs that give talks their matter («تطرقت», «تناولت», «ناقشت», «ركزت»,
/// «شملت»; folded, perfect or imperfect, with a conjunction).
fn topic_verb(w: &str) -> bool {
    const STEMS: &[&str] = &["تطرق", "تناول", "ناقش", "ركز", "شمل"];
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    // The imperfect is the perfect stem after «يـ» / «تـ» («يتطرق», «تناقش», «تشمل»).
    let imperfect = w.strip_prefix(['ي', 'ت']).unwrap_or(w);
    STEMS
        .iter()
        .any(|s| w.starts_with(s) || imperfect.starts_with(s))
}

/// True when no word that could be an object follows at `k` (skipping adverbs and times)
/// in the clause ending at `r`: the clause ends, or a preposition, punctuation or a
/// function word comes next.
fn nothing_after(v: &View, k: usize, r: usize) -> bool {
    let k = crate::chunk::next_content(v, k, r);
    k >= r
        || v.kind(k) == Some(TokenKind::Punct)
        || v.prep_word(k).is_some()
        || v.time(k).is_some()
        || v.fw(k).is_some()
}

/// True when token `k` is a casualty noun («مقتل», «سقوط قتلى»).
fn casualty_noun_at(v: &View, k: usize) -> bool {
    crate::chunk::nominal_trigger(v, k, |e, _| e.casualty())
}

/// True when token `k` is an event noun with the article and no clitic preposition
/// («التفجيرين», «الهجوم»; not «بالهجوم»).
fn event_noun_at(v: &View, k: usize) -> bool {
    crate::chunk::nominal_trigger(v, k, |e, s| s.al && s.prep == 0 && e.kind.allows(s))
}

/// True when the phrase at token `k` names a place only to locate another: after a
/// distance («على مسافة 700 كيلومتر جنوبي طرابلس», «تبعد 60 كلم شرقي فوتوكول») or across
/// a border («القريبة من الحدود مع إيران»). It is neither where the event happened nor a
/// party to it.
fn reference_place(v: &View, k: usize) -> bool {
    let (s0, _) = v.sent_range(v.sent(k));
    let distance = (k.saturating_sub(4).max(s0)..k).any(|i| {
        matches!(
            v.norm(i),
            "كيلومتر"
                | "كيلومترا"
                | "كيلومترات"
                | "كلم"
                | "كم"
                | "ميل"
                | "ميلا"
                | "اميال"
                | "متر"
                | "مترا"
                | "امتار"
        )
    });
    let border = |i: usize| {
        matches!(
            v.norm(i),
            "الحدود" | "حدود" | "الحدوديه" | "حدودها" | "حدوده"
        )
    };
    let across = k >= 2 && v.prep_word(k - 1) == Some(Prep::Maa) && border(k - 2);
    distance || across
}

/// True when a phrase can be the one who arrests: a state, an organisation or a force,
/// police, government or intelligence descriptor — a named person or an ordinary
/// descriptor is the one arrested.
fn arrester(v: &View, np: &Np) -> bool {
    doer_np(v, np) && np.etype != Some(EntityType::PER)
}

/// True when the preposition at `k` follows a count (a number or a quantity, possibly with
/// one adjective after it: «ثلاثة أفراد آخرين من»). A year or a day of a date is no count
/// («في يناير 2013 بمبادرة من فرنسا»).
fn after_count(v: &View, k: usize) -> bool {
    let counted = |i: usize| {
        v.qty(i).is_some() || (v.kind(i) == Some(TokenKind::Number) && v.time(i).is_none())
    };
    (k >= 1 && counted(k - 1))
        || (k >= 2 && counted(k - 2) && v.fw(k - 1).is_none() && v.ment(k - 1).is_none())
}

/// True when an argument is only digits (a count with no noun: «مقتل 8»).
fn bare_count(v: &View, a: &Arg) -> bool {
    a.entity.is_none() && !a.span.slice(&v.doc.text).chars().any(char::is_alphabetic)
}

/// The document's country entity a nationality adjective stands for («الغارات التركية» →
/// the entity «تركيا» when the document names it), so that mentions of one party match.
fn country_entity(v: &View, iso3: &str) -> Option<usize> {
    v.doc.entities.iter().position(|x| {
        x.etype == EntityType::LOC
            && x.subtype.as_deref() == Some("country")
            && x.country.as_deref() == Some(iso3)
    })
}

impl Found {
    fn rest_is_empty(&self, e: &Trig) -> bool {
        e.rest.is_empty()
    }
}

/// The date: a time in the clause (nearest to the trigger), else in the sentence, else the
/// document date marked `inferred`. Durations count only after «منذ» («منذ أسبوع»).
fn event_date(v: &View, f: &Found, l: usize, r: usize) -> Option<EventDate> {
    let usable = |ti: usize| -> bool {
        let Some(t) = v.doc.times.get(ti) else {
            return false;
        };
        // Calendar values and durations only: not PRESENT_REF, PAST_REF and the like (which
        // begin with a P as durations do, so the type decides).
        let calendar = t.value.starts_with(|c: char| c.is_ascii_digit());
        match t.ttype {
            TimeType::DATE | TimeType::TIME => calendar,
            TimeType::DURATION => {
                let (a, _) = v.tokens_of(t.span);
                v.norm(a).starts_with("منذ") || (a >= 1 && v.is_word(a - 1, "منذ"))
            }
            TimeType::SET => false,
        }
    };
    // Stretches of the sentence whose times date the report, not the event (half-open
    // token ranges; times outside them win, see `pick`):
    // * «وأعلن المكتب أمس أن جنديين قتلا … خلال ليل أول من أمس»: everything before the
    //   complementiser that opens the event's clause;
    // * «أعلنت الوزارة الأحد 19 يوليو مقتل 9 جنود … مساء الجمعة»: the words between a
    //   reporting verb of the event's clause and the event it announces;
    // * «قتل جنديان … في كمين …، كما أعلنت الحكومة مساء الأحد»: a trailing reporting
    //   clause («، قال …», «كما أعلن …», «حسبما ذكرت …») after the trigger, to the end of
    //   the clause.
    let mut report: Vec<(usize, usize)> = Vec::with_capacity(3);
    if l > 0
        && (matches!(v.fw(l - 1), Some((Fw::Comp, _))) || crate::chunk::comp_with_pronoun(v, l - 1))
    {
        report.push((0, l));
    }
    // (Not in `report`: a time beyond the trigger is not thereby the event's; see `after`.)
    let announced = say_verb_before(v, l, f.first).map(|k| (k + 1, f.first));
    let (s0, s1) = v.sent_range(v.sent(f.first));
    if let Some(k) = (f.last + 1..s1.min(f.last + 40)).find(|&k| {
        v.cue_at(k, CueClass::Say) > 0
            && v.is_verb(k)
            && k > 0
            && (v.is_soft(k - 1) || matches!(v.norm(k - 1), "كما" | "وكما" | "حسبما" | "بحسبما"))
    }) {
        report.push((k + 1, s1.max(k + 1)));
    }
    // «الهجومين اللذين تبناهما التنظيم الذي يسيطر … منذ حزيران 2014»: a time inside a
    // relative clause that describes one of the parties (a relative pronoun after an entity
    // or a descriptor) dates that clause, not the event. Not when the relative pronoun is
    // within two words of the trigger («الهجوم الذي وقع أمس», «هجمات المتشددين التي وقعت
    // في يناير»: it may describe the event itself), nor after a comma that closes the
    // clause («تعهد القائد الذي يلعب دورا، أمس»).
    // The party may carry an adjective and a comma before the pronoun («بولاية البنجاب
    // الشمالية، التي تم تقسيمها في 1947»).
    let party = |a: usize| v.ment(a).is_some() || v.desc(a).is_some();
    let other_clause = |k: usize| -> bool {
        k > f.last
            // Bounded, so that a sentence of thousands of tokens stays linear.
            && (f.last + 3..k.min(f.last + 40)).any(|j| {
                let a = if v.is_soft(j - 1) { j - 2 } else { j - 1 };
                matches!(v.fw(j), Some((Fw::Rel, _)))
                    && a > f.last
                    && (party(a) || (party(a - 1) && noun_adjective(v, a, true)))
                    && !(j + 1..k).any(|c| v.is_soft(c))
            })
    };
    let dated: &[(usize, usize)] = v.date_tokens.get_or_init(|| {
        (0..v.doc.tokens.len())
            .filter_map(|k| v.time(k).filter(|&ti| usable(ti)).map(|ti| (k, ti)))
            .collect()
    });
    // The dated token in `a..b` nearest to the trigger (the earlier one on a tie), with its
    // distance: a binary search, so that a sentence of thousands of events stays linear.
    let nearest = |a: usize, b: usize| -> Option<(usize, usize)> {
        let i = dated.partition_point(|&(k, _)| k < a);
        let j = dated.partition_point(|&(k, _)| k < b).max(i);
        let seg = dated.get(i..j)?;
        let p = seg.partition_point(|&(k, _)| k < f.first);
        let before = p.checked_sub(1).and_then(|x| seg.get(x));
        let after = seg.get(p).filter(|&&(k, _)| !other_clause(k));
        match (before, after) {
            (Some(&(kb, tb)), Some(&(ka, ta))) => Some(if f.first - kb <= ka - f.first {
                (f.first - kb, tb)
            } else {
                (ka - f.first, ta)
            }),
            (Some(&(kb, t)), None) => Some((f.first.saturating_sub(kb), t)),
            (None, Some(&(ka, t))) => Some((ka.saturating_sub(f.first), t)),
            (None, None) => None,
        }
    };
    // The nearest time in `lo..hi` outside the report stretches, else the nearest inside
    // one (`true`: it dates the report).
    let pick = |lo: usize, hi: usize| -> Option<(usize, bool)> {
        let mut cuts: Vec<(usize, usize)> = report
            .iter()
            .map(|&(a, b)| (a.max(lo), b.min(hi)))
            .filter(|(a, b)| a < b)
            .collect();
        cuts.sort_unstable();
        let mut outside: Option<(usize, usize)> = None;
        let mut inside: Option<(usize, usize)> = None;
        let keep = |slot: &mut Option<(usize, usize)>, x: Option<(usize, usize)>| {
            if let Some(x) = x {
                if slot.is_none_or(|y| x.0 < y.0) {
                    *slot = Some(x);
                }
            }
        };
        let mut at = lo;
        for &(a, b) in &cuts {
            if a > at {
                keep(&mut outside, nearest(at, a));
            }
            keep(&mut inside, nearest(a, b));
            at = at.max(b);
        }
        if at < hi {
            keep(&mut outside, nearest(at, hi));
        }
        outside
            .map(|(_, t)| (t, false))
            .or(inside.map(|(_, t)| (t, true)))
    };
    // «وقامت قواتها بغارة … . وكانت بتاريخ 24 أكتوبر 2013 …»: a next sentence opening with
    // the copula «(و)كان/كانت» goes on about the same event and may carry its date.
    let copula_next = || -> Option<(usize, bool)> {
        let (n0, n1) = v.sent_range(v.sent(f.first) + 1);
        (n0 >= s1 && n0 < n1 && matches!(v.norm(n0), "وكانت" | "وكان" | "كانت" | "كان"))
            .then(|| pick(n0, n1))
            .flatten()
    };
    // The clause's own time first, else the sentence's. A time between a reporting verb and
    // the event it announces dates the announcement; then the first time after the trigger
    // with no punctuation but quotes between dates the event, if there is one («أعلنت …
    // الأحد 19 يوليو مقتل 9 جنود … من «مجموعة إرهابية» مساء الجمعة», where the quote ends
    // the clause).
    let after = || {
        let i = dated.partition_point(|&(k, _)| k <= f.last);
        let &(k, t) = dated.get(i)?;
        let inside = |k: usize| report.iter().any(|&(a, b)| a <= k && k < b);
        let stop =
            |j: usize| (v.is_soft(j) || v.is_hard(j)) && !crate::view::is_quote_mark(v.norm(j));
        (k < s1 && !inside(k) && !(f.last + 1..k).any(stop)).then_some((t, false))
    };
    let announcement = |(t, reported): (usize, bool)| -> (usize, bool) {
        // Whether `t` stands in the announced stretch: a binary search, as in `nearest`.
        let in_window = announced.is_some_and(|(a, b)| {
            let i = dated.partition_point(|&(k, _)| k < a);
            let j = dated.partition_point(|&(k, _)| k < b).max(i);
            dated
                .get(i..j)
                .is_some_and(|seg| seg.iter().any(|&(_, ti)| ti == t))
        });
        if reported || !in_window {
            return (t, reported);
        }
        after().unwrap_or((t, true))
    };
    if let Some((ti, reported)) = pick(l, r)
        .or_else(|| pick(s0, s1))
        .map(announcement)
        .or_else(copula_next)
    {
        let t = v.doc.times.get(ti)?;
        return Some(EventDate {
            time: Some(ti),
            value: t.value.clone(),
            inferred: false,
            reported,
        });
    }
    report_date(v.doc)
}

/// The date of the report itself (the document's publication date), standing in for an
/// event the text does not date.
pub(crate) fn report_date(doc: &Document) -> Option<EventDate> {
    doc.meta.published.map(|d| EventDate {
        time: None,
        value: d.to_string(),
        inferred: true,
        reported: false,
    })
}

/// Counts bound to the event.
fn event_size(v: &View, f: &Found, e: &Trig, l: usize, r: usize, recipient: &[Arg]) -> Size {
    let mut size = Size::default();
    let mut seen = Vec::new();
    for k in l..r {
        let Some(qi) = v.qty(k) else { continue };
        if seen.contains(&qi) {
            continue;
        }
        seen.push(qi);
        let Some(q) = v.doc.quantities.get(qi) else {
            continue;
        };
        let Some(val) = q.value.or(q.min) else {
            continue;
        };
        let unit = q.unit.as_deref().unwrap_or("");
        let slot = match unit {
            "killed" | "dead" | "death" | "martyr" if e.plover == Plover::ASSAULT => {
                Some(Slot::Dead)
            }
            "wounded" | "injured" | "injury" if e.plover == Plover::ASSAULT => Some(Slot::Injured),
            "detainee" | "arrested" | "prisoner" if e.plover == Plover::COERCE => {
                Some(Slot::Arrested)
            }
            _ => {
                let (qa, _) = v.tokens_of(q.span);
                let near = qa > f.last && qa <= f.last + 3
                    || recipient.iter().any(|a| a.span.overlaps(&q.span));
                match e.slot {
                    Some(Slot::Troops) if person_unit(unit) => Some(Slot::Troops),
                    Some(s) if near && person_unit(unit) => Some(s),
                    _ => None,
                }
            }
        };
        let cell = match slot {
            Some(Slot::Dead) => &mut size.dead,
            Some(Slot::Injured) => &mut size.injured,
            Some(Slot::Arrested) => &mut size.arrested,
            Some(Slot::Troops) => &mut size.troops,
            None => continue,
        };
        if cell.is_none() {
            *cell = Some(val);
        }
    }
    size
}

/// True when two argument lists name different parties (both non-empty, nothing shared).
pub(crate) fn conflict(a: &[Arg], b: &[Arg]) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let shared = a.iter().any(|x| {
        b.iter()
            .any(|y| x.span.overlaps(&y.span) || (x.entity.is_some() && x.entity == y.entity))
    });
    !shared
}

/// Most parties (actors, recipients, places) one event keeps when mentions merge: news
/// events name a handful; the bound keeps a text of thousands of merging mentions from
/// growing one event's lists (and every comparison with them) without limit.
pub const MAX_ARGS: usize = 32;

/// Adds the arguments, date, size and mode of `from` to `into`.
pub(crate) fn absorb(into: &mut Event, from: &Event) {
    let add = |dst: &mut Vec<Arg>, src: &[Arg]| {
        for a in src {
            if dst.len() < MAX_ARGS
                && !dst.iter().any(|x| {
                    x.span.overlaps(&a.span) || (x.entity.is_some() && x.entity == a.entity)
                })
            {
                dst.push(*a);
            }
        }
    };
    add(&mut into.actor, &from.actor);
    add(&mut into.recipient, &from.recipient);
    add(&mut into.location, &from.location);
    into.recipient.retain(|a| {
        !into
            .actor
            .iter()
            .any(|x| x.span == a.span || (x.entity.is_some() && x.entity == a.entity))
    });
    if into.mode.is_none() {
        into.mode.clone_from(&from.mode);
    }
    // A date of the event's own telling beats one of its report, which beats the
    // document date.
    let firmness = |d: &Option<EventDate>| match d {
        Some(d) if !d.inferred && !d.reported => 3,
        Some(d) if !d.inferred => 2,
        Some(_) => 1,
        None => 0,
    };
    if firmness(&from.date) > firmness(&into.date).max(1) {
        into.date.clone_from(&from.date);
    }
    for (dst, src) in [
        (&mut into.size.dead, from.size.dead),
        (&mut into.size.injured, from.size.injured),
        (&mut into.size.arrested, from.size.arrested),
        (&mut into.size.troops, from.size.troops),
    ] {
        if dst.is_none() {
            *dst = src;
        }
    }
    into.confidence = into.confidence.max(from.confidence);
}

/// How a mention reports casualties, for merging within a sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Casualty {
    /// A casualty noun («مقتل 12 شخصا»).
    Noun,
    /// A wounding verb («وجرح تسعة», «وأصيب»).
    Wounded,
    /// A killing verb («وقتل ثلاثة جنود», «استشهد»).
    Killed,
}

/// The temporal connective («بعد», «قبل», «منذ», «إثر», «عقب») that governs the mention at
/// token `k`: at most eight tokens before it in its sentence, with no verb between.
pub(crate) fn temporal_connective_before(v: &View, k: usize) -> Option<usize> {
    let (s0, _) = v.sent_range(v.sent(k));
    let lo = k.saturating_sub(8).max(s0);
    (lo..k)
        .rev()
        .take_while(|&i| !v.is_verb(i))
        .find(|&i| temporal_connective(v, i))
}

/// Words that place another event before or after («بعد», «قبل», «منذ», «إثر», «عقب»),
/// folded.
const TEMPORAL_CONNECTIVES: [&str; 5] = ["بعد", "قبل", "منذ", "اثر", "عقب"];

/// True when token `k` is a temporal connective that places another event before or
/// after («بعد», «قبل», «منذ», «إثر», «عقب», also with و); not the agent «من قبل»,
/// «قبل قليل» (a moment ago), nor a time of the event itself («منذ أسبوع») — unless the
/// time is measured from another event («بعد أيام على مقتل …»).
fn temporal_connective(v: &View, k: usize) -> bool {
    let n = v.norm(k);
    let n = n.strip_prefix('و').unwrap_or(n);
    if !TEMPORAL_CONNECTIVES.contains(&n)
        || (n == "قبل" && k > 0 && v.is_word(k - 1, "من"))
        || v.is_word(k + 1, "قليل")
    {
        return false;
    }
    match v.time(k).or_else(|| v.time(k + 1)) {
        Some(ti) => v.doc.times.get(ti).is_some_and(|t| {
            let (_, end) = v.tokens_of(t.span);
            matches!(v.prep_word(end), Some(Prep::Ala | Prep::Min))
        }),
        None => true,
    }
}

/// Merges a mention into an earlier event of the same type in the same sentence when their
/// parties do not conflict; otherwise appends it. A mention after a temporal connective
/// (`connective`, a token after the earlier mention) is another event («وقعا بعد مرور 12
/// ساعة على مقتل 34 شخصا في انفجار»), unless it is the act that caused casualties told
/// first («قتل 50 شخصا بعد تفجيرين»; across sentences see `merge::apart_in_time`).
/// What links a mention to the mentions before it in its sentence.
#[derive(Clone, Copy, Debug, Default)]
struct Joins {
    /// The temporal connective that governs it ([`temporal_connective_before`]).
    connective: Option<usize>,
    /// The attack noun whose relative clause it opens ([`event_antecedent`]).
    antecedent: Option<usize>,
    /// The nearest connective before it that adds or contrasts another happening
    /// ([`contrast_before`]).
    contrast: Option<usize>,
}

/// Connectives that join another happening to the one told (folded): «فيما», «بينما»,
/// «في حين» (while), «كما» (also).
const CONTRAST_CONNECTIVES: [&str; 5] = ["فيما", "بينما", "حين", "كما", "وكما"];

/// The nearest token before `k` in its sentence, at most 40 back (a bound that keeps a
/// sentence of thousands of words linear), that is a connective of
/// [`CONTRAST_CONNECTIVES`] («وأسفر عن مقتل 30 شخصا، فيما قتل عنصران في تفجير آخر»).
fn contrast_before(v: &View, k: usize) -> Option<usize> {
    let (s0, _) = v.sent_range(v.sent(k));
    (k.saturating_sub(40).max(s0)..k)
        .rev()
        .find(|&i| CONTRAST_CONNECTIVES.contains(&v.norm(i)))
}

fn merge_in_sentence(out: &mut Vec<Told>, told: Told, casualty: Option<Casualty>, joins: Joins) {
    let Joins {
        connective,
        antecedent,
        contrast,
    } = joins;
    let ev = &told.event;
    // «أصيب سبعة أشخاص في هجوم مسلح استهدف مركزا للأمن»: a verb whose subject is an
    // attack noun of the sentence ([`event_antecedent`]) tells that noun's event, whatever
    // it hits.
    if let Some(n) = antecedent {
        let holder = out
            .iter_mut()
            .rev()
            .take_while(|t| t.event.sentence == ev.sentence)
            .find(|t| t.triggers.iter().any(|&(a, b)| (a..=b).contains(&n)));
        if let Some(t) = holder {
            if t.event.etype == ev.etype && !conflict(&t.event.actor, &ev.actor) {
                t.take(told);
                return;
            }
        }
    }
    for t in out.iter_mut().rev() {
        let (prev, prev_tok) = (&mut t.event, t.tok);
        if prev.sentence != ev.sentence {
            break;
        }
        // After a temporal connective only the act that caused casualties told first
        // joins them («قتل 50 شخصا بعد تفجيرين»); other mentions tell another event («هذا
        // الهجوم الذي يأتي بعد سلسلة هجمات في كابول»).
        if connective.is_some_and(|c| c > prev_tok) && (casualty.is_some() || !t.by_casualties) {
            break;
        }
        // Casualties named after the act («… أدى إلى مقتل 12 شخصا», «قتل ثلاثة وجرح
        // تسعة») are its consequence: their victims do not make it another event. A noun
        // with a doer of its own is told apart («مقتل 5 بنيران الجيش»).
        // (Not across two dates of the text: «قتل جندي أمس … وقتل جندي اليوم».)
        // A killing verb with no doer of its own after an act of the sentence tells its
        // dead («تعرضت دورية لإطلاق نار …، وقتل ثلاثة جنود»); after another killing it
        // may be another incident («قتل جندي أمس … وقتل جندي اليوم»).
        let consequence = match casualty {
            Some(Casualty::Noun) => ev.actor.is_empty(),
            Some(Casualty::Wounded) => !crate::merge::dates_conflict(prev, ev),
            Some(Casualty::Killed) => {
                ev.actor.is_empty()
                    && !t.by_casualties
                    && contrast.is_none_or(|c| c < prev_tok)
                    && !crate::merge::dates_conflict(prev, ev)
            }
            None => false,
        };
        if prev.etype == ev.etype
            && !conflict(&prev.actor, &ev.actor)
            && (consequence || !conflict(&prev.recipient, &ev.recipient))
        {
            t.take(told);
            return;
        }
    }
    out.push(told);
}

/// A mention coded in its sentence, waiting for the mentions after it.
struct Told {
    /// The event.
    event: Event,
    /// First token of its (first) trigger.
    tok: usize,
    /// Its trigger reports casualties («قتل», «مقتل», «أصيب»).
    by_casualties: bool,
    /// Sites it hits: kept out of the recipients while the sentence's mentions merge, so
    /// that «هجوم على فندق» and «قتل 38 سائحا» are not told apart as different victims.
    sites: Vec<Arg>,
    /// First and last token of each trigger merged into it.
    triggers: Vec<(usize, usize)>,
}

impl Told {
    /// Absorbs a later mention of the same event: its arguments, sites and triggers.
    fn take(&mut self, told: Told) {
        absorb(&mut self.event, &told.event);
        self.sites.extend(told.sites);
        self.triggers.extend(told.triggers);
    }

    /// The event with its sites added to the recipients, each site once («قاعدة العند»
    /// told twice in one sentence is one recipient).
    fn with_sites(self, v: &View) -> Event {
        let mut ev = self.event;
        let text = |a: &Arg| rasd_text::fold(v.doc.slice(a.span));
        for a in self.sites {
            let t = text(&a);
            if ev.recipient.len() < MAX_ARGS
                && !ev
                    .recipient
                    .iter()
                    .any(|x| x.span.overlaps(&a.span) || text(x) == t)
            {
                ev.recipient.push(a);
            }
        }
        ev
    }
}

#[cfg(test)]
mod tests;
