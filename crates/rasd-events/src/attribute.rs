//! The attribute stage: who says each event happened, how firmly, and who denies it.
//!
//! For every event mention the [`crate::EventCoder`] produced, [`Attributor`] reads the
//! cues of its sentence (`data/cues.tsv`) and picks a stance, strongest first:
//!
//! 1. **negated** — a negation right before the trigger («لم يتم اعتقال», «عدم انسحاب»);
//! 2. **denied** — the trigger is inside what a denial verb governs («نفى الجيش قصف
//!    المستشفى»); the denier is `by` and also goes to `disputed_by`. A negated denial
//!    («لم تنفها») is no denial;
//! 3. **hypothetical** — a question («هل …؟»), a conditional or intention before it («إذا»,
//!    «يعتزم», «يمكن أن»), or the future prefix «سـ». An attack with a doer whose only
//!    mark is the future («قال الحزب إنه سيصعد الهجمات») is a threat made now: it becomes
//!    a THREATEN event with the stance the statement itself has, dated by the report;
//! 4. **uncertain** — a hedge before it in the same clause («يبدو», «ربما», «يعتقد»,
//!    «قد» + imperfect);
//! 5. **reported** — inside a direct quote whose speaker is known («قال X: «…»»), or a
//!    reporting cue in the sentence: a verb («قال», «أفادت», «أعلن») whose subject is the
//!    source, or «وفقا لـ / حسب / نقلا عن» + the source. `by` is the source phrase («مصدر في
//!    مخابرات غربية», extended over «في / باسم + …»), `cue` the cue words;
//! 6. **asserted** otherwise.
//!
//! Cue scopes stop at contrast words («لكن», «غير أن», «بينما»), so «نفت الجزائر ذلك …
//! لكن وفقا لمعلوماتنا … فإن …» denies nothing after «لكن» and reports what follows.
//!
//! A denial whose object is a claim or a demonstrative («نفت بشدة هذه المعلومة»,
//! «رفض الاتهامات») rather than an event is linked to the events it refers back to: those
//! earlier in its sentence, else those of the nearest preceding sentence with events,
//! preferring events the denier takes part in (same entity or same country); denied
//! charges («نفت المحامية التهم») are the nearest accusation told before. They get a
//! `disputed_by` entry.
//!
//! Finally the mentions of one event across the document are merged
//! ([`crate::merge::merge_document`]): attribution is per mention, so merging has to come
//! after it.

use crate::chunk::{antecedent, np_at, subject_after, subject_before, verb_agreement};
use crate::lex::{CueClass, Hit, LEX};
use crate::morph::Kind;
use crate::view::{is_close_quote, is_open_quote, View};
use rasd_doc::{Arg, Attribution, Dispute, Document, Plover, Span, Stage, Stance, TokenKind};

/// The attribute stage (see the module docs). Runs after [`crate::EventCoder`].
#[derive(Clone, Copy, Debug, Default)]
pub struct Attributor;

impl Stage for Attributor {
    fn name(&self) -> &'static str {
        "attribute"
    }

    fn process(&self, doc: &mut Document) {
        if doc.events.is_empty() {
            return;
        }
        let (attrs, disputes, info) = {
            let mut mask = vec![false; doc.sentences.len()];
            // Event sentences, and the two after each when they may hold a denial.
            for e in &doc.events {
                if let Some(m) = mask.get_mut(e.sentence) {
                    *m = true;
                }
                // A sentence opening with و may continue the previous one's source
                // («وذكرت أن …» after «وكشفت المصادر …»).
                let continues = doc
                    .sentence_tokens(e.sentence)
                    .first()
                    .map(|t| doc.token_norm(t))
                    .is_some_and(|w| w.starts_with('و') && opens_with_say(w));
                if continues {
                    if let Some(m) = e.sentence.checked_sub(1).and_then(|p| mask.get_mut(p)) {
                        *m = true;
                    }
                }
                for s in e.sentence + 1..(e.sentence + 3).min(doc.sentences.len()) {
                    let denies = doc
                        .sentence_tokens(s)
                        .iter()
                        .any(|t| crate::lex::LEX.maybe_denial(doc.token_norm(t)));
                    if let Some(m) = mask.get_mut(s) {
                        *m |= denies;
                    }
                }
            }
            let v = View::for_sentences(doc, &mask);
            let quotes = Quotes::new(&v);
            let mut cache: Vec<Option<Vec<CueAt>>> = vec![None; doc.sentences.len()];
            let attrs: Vec<(Attribution, Vec<Dispute>, Option<Attribution>)> = doc
                .events
                .iter()
                .map(|e| {
                    let s = v.sent(v.tokens_of(e.trigger).0);
                    attribute(&v, e.trigger, &quotes, cues_of(&v, &mut cache, s))
                })
                .collect();
            let disputes = claim_denials(&v, &doc.events, &mut cache);
            let info = crate::merge::mention_info(&v, &doc.events);
            (attrs, disputes, info)
        };
        let report = crate::coder::report_date(doc);
        for (e, (a, d, threat)) in doc.events.iter_mut().zip(attrs) {
            e.attribution = a;
            // «أعلن الحزب أنه سيصعد الهجمات»: a party's own attacks in the future tense
            // are a threat it makes now, not an attack that may happen.
            if let Some(t) = threat.filter(|_| e.etype == Plover::ASSAULT && !e.actor.is_empty()) {
                e.etype = Plover::THREATEN;
                e.mode = Some("violence".to_string());
                e.size = Default::default();
                e.attribution = t;
                // A threat is dated when it is made: a date after the report is the
                // attack's («ستقصف … غدا»), so the report's date stands in.
                if let Some(report) = report.as_ref() {
                    let day = report.value.as_str();
                    if e.date
                        .as_ref()
                        .is_some_and(|d| d.value.get(..10) > Some(day))
                    {
                        e.date = Some(report.clone());
                    }
                }
            }
            add_disputes(&mut e.disputed_by, d);
        }
        for (i, d) in disputes {
            if let Some(e) = doc.events.get_mut(i) {
                add_disputes(&mut e.disputed_by, vec![d]);
            }
        }
        let events = std::mem::take(&mut doc.events);
        let places = crate::merge::places_of(doc);
        let merged = crate::merge::merge_events_in(events, &info, &doc.text, &places);
        doc.events = merged;
    }
}

fn add_disputes(into: &mut Vec<Dispute>, from: Vec<Dispute>) {
    for d in from {
        if !into.iter().any(|x| {
            x.by.span.overlaps(&d.by.span) || (x.by.entity.is_some() && x.by.entity == d.by.entity)
        }) {
            into.push(d);
        }
    }
}

/// A cue occurrence in a sentence.
#[derive(Clone, Copy, Debug)]
struct CueAt {
    pos: usize,
    len: usize,
    class: CueClass,
}

const CLASSES: [CueClass; 10] = [
    CueClass::Say,
    CueClass::Per,
    CueClass::Deny,
    CueClass::DenyIfObj,
    CueClass::Hedge,
    CueClass::Hypo,
    CueClass::Neg,
    CueClass::Contrast,
    CueClass::Question,
    CueClass::Source,
];

/// The cues of sentence `s`, computed once.
fn cues_of<'c>(v: &View, cache: &'c mut [Option<Vec<CueAt>>], s: usize) -> &'c [CueAt] {
    match cache.get_mut(s) {
        Some(slot) => slot.get_or_insert_with(|| sentence_cues(v, s)),
        None => &[],
    }
}

fn sentence_cues(v: &View, s: usize) -> Vec<CueAt> {
    let (s0, s1) = v.sent_range(s);
    let mut out = Vec::new();
    for k in s0..s1 {
        // Words inside names («لو نوفيل أوبسرفاتور») are not cues.
        if v.cue_bits(k) == 0 || v.ment(k).is_some() {
            continue;
        }
        for class in CLASSES {
            let len = v.cue_at(k, class);
            if len > 0 {
                out.push(CueAt { pos: k, len, class });
            }
        }
    }
    out
}

/// True for contrast words that also end a report's scope («لكن», «غير أن», «بينما»).
fn strong_contrast(v: &View, k: usize) -> bool {
    let n = v.norm(k);
    let n = n.strip_prefix('و').unwrap_or(n);
    n.starts_with("لكن")
        || matches!(n, "بينما" | "غير" | "الا" | "بيد")
        || (n == "في" && v.norm(k + 1) == "حين")
}

fn contrast_between(cues: &[CueAt], from: usize, to: usize) -> bool {
    let (a, b) = if from < to { (from, to) } else { (to, from) };
    cues.iter()
        .any(|c| c.class == CueClass::Contrast && c.pos > a && c.pos < b)
}

fn strong_between(v: &View, cues: &[CueAt], from: usize, to: usize) -> bool {
    let (a, b) = if from < to { (from, to) } else { (to, from) };
    cues.iter().any(|c| {
        c.class == CueClass::Contrast && c.pos > a && c.pos < b && strong_contrast(v, c.pos)
    })
}

fn negated_at(v: &View, k: usize) -> bool {
    k >= 1 && v.cue_at(k - 1, CueClass::Neg) == 1 && v.kind(k - 1) == Some(TokenKind::Arabic)
}

/// A quoted stretch and who says it.
#[derive(Clone, Debug)]
pub(crate) struct Quote {
    first: usize,
    end: usize,
    speaker: Option<(Arg, Span)>,
}

/// Direct quotes and their speakers: a reporting verb just before the opening mark
/// («قال الوزير: «…»») or just after the closing one («… » يقول مصدرنا»).
fn quotes(v: &View) -> Vec<Quote> {
    let mut out = Vec::new();
    let mut open: Option<usize> = None;
    let mut ascii_open: Option<usize> = None;
    for k in 0..v.len() {
        if v.kind(k) != Some(TokenKind::Punct) {
            continue;
        }
        let n = v.norm(k);
        if is_open_quote(n) {
            open = Some(k);
        } else if is_close_quote(n) {
            if let Some(o) = open.take() {
                out.push(Quote {
                    first: o + 1,
                    end: k,
                    speaker: None,
                });
            }
        } else if n == "\"" {
            match ascii_open.take() {
                Some(o) if v.sent(o) + 1 >= v.sent(k) => out.push(Quote {
                    first: o + 1,
                    end: k,
                    speaker: None,
                }),
                Some(_) => ascii_open = Some(k),
                None => ascii_open = Some(k),
            }
        }
    }
    for q in &mut out {
        // Speaker before: a reporting cue within six tokens before the opening mark.
        let open_at = q.first.saturating_sub(1);
        let lo = open_at.saturating_sub(6);
        let mut found = None;
        for k in (lo..open_at).rev() {
            if v.cue_at(k, CueClass::Say) > 0 {
                found = source_of_say(v, k).map(|a| (a, v.span(k)));
                break;
            }
            if v.cue_at(k, CueClass::Per) > 0 {
                let len = v.cue_at(k, CueClass::Per);
                found = source_np(v, k + len).map(|a| (a, cue_span(v, k, len)));
                break;
            }
        }
        if found.is_none() {
            let after = q.end + 1;
            for k in after..(after + 3).min(v.len()) {
                if v.cue_at(k, CueClass::Say) > 0 {
                    found = source_of_say(v, k).map(|a| (a, v.span(k)));
                    break;
                }
                if v.cue_at(k, CueClass::Per) > 0 {
                    let len = v.cue_at(k, CueClass::Per);
                    found = source_np(v, k + len).map(|a| (a, cue_span(v, k, len)));
                    break;
                }
            }
        }
        q.speaker = found;
    }
    out
}

/// A document's quotes with, for each token, the first quote (in [`quotes`] order) with a
/// speaker that contains it (`u32::MAX` for none), so that each event finds its quote in
/// constant time: a long document has thousands of quotes. Quotes of one kind never
/// overlap, so filling the index costs at most two passes over the tokens.
struct Quotes {
    list: Vec<Quote>,
    at: Vec<u32>,
}

impl Quotes {
    fn new(v: &View) -> Quotes {
        let list = quotes(v);
        let mut at = vec![u32::MAX; v.len()];
        for (i, q) in list.iter().enumerate().rev() {
            if q.speaker.is_some() {
                for slot in at.get_mut(q.first..q.end.min(v.len())).unwrap_or_default() {
                    *slot = i as u32;
                }
            }
        }
        Quotes { list, at }
    }

    /// The speaker of the quote around token `k`, if it has one.
    fn speaker_at(&self, k: usize) -> Option<(Arg, Span)> {
        let i = *self.at.get(k)?;
        self.list.get(i as usize)?.speaker
    }
}

fn cue_span(v: &View, k: usize, len: usize) -> Span {
    v.span(k).cover(&v.span(k + len.max(1) - 1))
}

/// A source phrase starting at token `i`: an entity or descriptor phrase, or any noun
/// with its adjectives; a source noun («مصدر», «المتحدث») keeps a following «في/من/ب/باسم +
/// phrase» («مصدر في مخابرات غربية», «المتحدث باسم الجيش»).
pub(crate) fn source_np(v: &View, i: usize) -> Option<Arg> {
    let (_, s1) = v.sent_range(v.sent(i));
    if i >= s1 {
        return None;
    }
    if let Some(np) = np_at(v, i, s1, false) {
        let mut span = np.span;
        let mut end = np.end;
        if v.cue_at(np.head, CueClass::Source) > 0 {
            extend_source(v, &mut span, &mut end, s1);
        }
        return Some(Arg {
            entity: np.entity,
            span,
        });
    }
    if v.kind(i) != Some(TokenKind::Arabic) || v.fw(i).is_some() {
        return None;
    }
    let strip = v
        .hits(i)
        .iter()
        .map(|h| h.strip)
        .find(|s| s.prep != 0 || s.conj)
        .unwrap_or_default();
    let mut span = v.span_without_prefix(i, strip);
    let mut end = i + 1;
    let plain =
        |k: usize| v.kind(k) == Some(TokenKind::Arabic) && v.fw(k).is_none() && !is_verb_word(v, k);
    let mut definite = v
        .norm(i)
        .get(strip.pre as usize..)
        .is_some_and(|r| r.starts_with("ال"));
    // Construct: «وكالة الأنباء».
    if !definite && end < s1 && plain(end) && v.norm(end).starts_with("ال") {
        span = span.cover(&v.span(end));
        end += 1;
        definite = true;
    }
    while end < s1 && end < i + 4 && plain(end) && v.norm(end).starts_with("ال") == definite {
        span = span.cover(&v.span(end));
        end += 1;
    }
    if v.cue_at(i, CueClass::Source) > 0 {
        extend_source(v, &mut span, &mut end, s1);
    }
    Some(Arg {
        entity: v.ment(i).and_then(|m| m.entity),
        span,
    })
}

fn extend_source(v: &View, span: &mut Span, end: &mut usize, s1: usize) {
    let k = *end;
    let pp = v.is_word(k, "في")
        || v.is_word(k, "من")
        || v.is_word(k, "باسم")
        || v.is_word(k, "بوزاره")
        || v.is_word(k, "داخل");
    if pp && k + 1 < s1 {
        if let Some(inner) = np_at(v, k + 1, s1, false) {
            *span = span.cover(&inner.span);
            *end = inner.end;
        } else if v.kind(k + 1) == Some(TokenKind::Arabic) && v.fw(k + 1).is_none() {
            let mut e = k + 2;
            while e < s1
                && e < k + 4
                && v.kind(e) == Some(TokenKind::Arabic)
                && v.fw(e).is_none()
                && !is_verb_word(v, e)
            {
                e += 1;
            }
            *span = span.cover(&v.span(e - 1));
            *end = e;
        }
    } else if v.is_word(k, "باسم") {
        // handled above
    }
}

/// True when token `k` reads as a verb some lexicon knows (trigger, cue or light verb).
fn is_verb_word(v: &View, k: usize) -> bool {
    v.is_verb(k)
}

/// The source after an «according to» cue; «وفق ما نقلت صحيفة X» names it through the
/// reporting verb after «ما».
fn per_source(v: &View, k: usize) -> Option<Arg> {
    if v.is_word(k, "ما") || v.is_word(k, "لما") {
        if v.cue_at(k + 1, CueClass::Say) > 0 {
            return source_of_say(v, k + 1);
        }
        return None;
    }
    // «في بيان منفصل/مشترك/صادر عن …»: indefinite words describing the statement are not
    // its source; the source, if any, follows them («… مشترك للجيش والشرطة», «… صادر عن
    // الوزارة»), else another cue names it («وقال الجيش في بيان منفصل إن …»).
    let (_, s1) = v.sent_range(v.sent(k));
    let issuer_after = |k: usize| -> Option<Arg> {
        let mut j = k;
        for _ in 0..2 {
            if j < s1 && statement_modifier(v, j, s1) {
                j += 1;
            } else {
                break;
            }
        }
        // «صادر عن» («issued by»; «صادر» alone also reads as the verb "confiscated")
        if (v.is_word(j, "صادر") || v.is_word(j, "صادره")) && v.is_word(j + 1, "عن") {
            j += 1;
        }
        if v.is_word(j, "عن") {
            j += 1;
        }
        let named = j < s1
            && (v.ment(j).is_some() || v.norm(j).starts_with("ال") || v.norm(j).starts_with('ل'));
        if j > k && !named {
            return None;
        }
        source_np(v, j)
    };
    // «بحسب بيان (مشترك) للجيش», «وفق بيان صادر عن الوزارة»: the issuer, else the
    // statement itself.
    if ["بيان", "بلاغ", "تقرير", "تصريح", "تصريحات"]
        .iter()
        .any(|w| v.is_word(k, w))
    {
        return issuer_after(k + 1).or_else(|| source_np(v, k));
    }
    issuer_after(k)
}

/// Token `k` (before `s1`) is an indefinite word describing a statement rather than
/// naming who made it: no mention, no article, no preposition, not a verb, and not the
/// head of a construct («بيان وزارة الدفاع»: «وزارة» before a definite word is a name).
fn statement_modifier(v: &View, k: usize, s1: usize) -> bool {
    v.kind(k) == Some(TokenKind::Arabic)
        && v.fw(k).is_none()
        && v.ment(k).is_none()
        && !v.norm(k).starts_with("ال")
        && !v.norm(k).starts_with('ل')
        && !v.prep_hit(k)
        && !v.is_verb(k)
        && v.cue_at(k, CueClass::Source) == 0
        && !(k + 1 < s1 && v.norm(k + 1).starts_with("ال"))
}

/// The subject of a reporting or denial verb at token `k`.
fn source_of_say(v: &View, k: usize) -> Option<Arg> {
    let (s0, s1) = v.sent_range(v.sent(k));
    // «نقلت وكالة X عن مصدر»: the original source follows «عن».
    let subj = subject_after(v, k, s1);
    if let Some(n) = subj.first() {
        let mut span = n.span;
        let mut end = n.end;
        if v.cue_at(n.head, CueClass::Source) > 0 {
            extend_source(v, &mut span, &mut end, s1);
        }
        if v.is_word(end, "عن") {
            if let Some(orig) = source_np(v, end + 1) {
                return Some(orig);
            }
        }
        return Some(Arg {
            entity: n.entity,
            span,
        });
    }
    // A source noun right after the verb that the chunker does not know as an actor, or
    // any noun phrase there («وأعلن مكتب التحقيقات الفيدرالي أن …»).
    let nk = crate::chunk::next_content(v, k + 1, s1);
    let plain_noun = v.kind(nk) == Some(TokenKind::Arabic)
        && v.fw(nk).is_none()
        && !v.is_verb(nk)
        && v.cue_bits(nk) & !(1u16 << CueClass::Source as u16) == 0
        && !v.prep_hit(nk);
    // A plain noun counts when a complementiser or colon follows soon («قال X إن …»).
    let reports_clause = (nk + 1..(nk + 7).min(s1))
        .any(|k| v.norm(k) == ":" || matches!(v.fw(k), Some((crate::lex::Fw::Comp, _))));
    if v.cue_at(nk, CueClass::Source) > 0 || (plain_noun && reports_clause) {
        return source_np(v, nk);
    }
    // An unlisted name of two or three words set off by a comma, an apposition after it
    // («نفت ليا تسيميل، محامية حزران، التهم»): the words before the comma. Name-shaped
    // only: no article on the first word, not all plural or accusative endings.
    if plain_noun {
        let comma = (nk + 2..(nk + 4).min(s1)).find(|&j| matches!(v.norm(j), "،" | ","));
        if let Some(c) = comma {
            let unread = (nk..c).all(|j| v.unread(j));
            let first = v.norm(nk);
            let inflected = (nk..c).all(|j| {
                let w = v.norm(j);
                w.ends_with('ا') || w.ends_with("ين") || w.ends_with("ون")
            });
            if unread && !first.starts_with("ال") && !inflected {
                return Some(Arg {
                    entity: v.ment(nk).and_then(|m| m.entity),
                    span: v.span(nk).cover(&v.span(c - 1)),
                });
            }
        }
    }
    let before = subject_before(v, s0, k);
    if let Some(n) = before.last() {
        return Some(Arg {
            entity: n.entity,
            span: n.span,
        });
    }
    // Omitted subject continuing a source named just before («وكشفت المصادر …. وذكرت أن
    // …»): the nearest source noun in this or the previous sentence.
    let (p0, _) = v.sent_range(v.sent(k).saturating_sub(1));
    if let Some(j) = (p0..k).rev().find(|&j| v.cue_at(j, CueClass::Source) > 0) {
        if let Some(a) = source_np(v, j) {
            return Some(a);
        }
    }
    // Omitted subject.
    let strip = v
        .hits(k)
        .iter()
        .find(|h| matches!(h.hit, Hit::Cue(_)))
        .map(|h| h.strip)
        .unwrap_or_default();
    let imperfect = v
        .norm(k)
        .get(strip.pre as usize..)
        .is_some_and(|r| r.starts_with('ي') || r.starts_with('ت'))
        && !v.norm(k).ends_with('ت');
    let agr = verb_agreement(v, k, &strip, imperfect);
    antecedent(v, k, agr, 2, &[], &[]).map(|(entity, span)| Arg { entity, span })
}

/// Folded words of postponing or cancelling that govern the act noun after them
/// (masdars, and perfect and imperfect verbs in the third person). Not the bare «أجل»,
/// which is also «من أجل» (for the sake of).
const CALLED_OFF: [&str; 17] = [
    "تاجيل",
    "ارجاء",
    "الغاء",
    "اجلت",
    "ارجا",
    "ارجات",
    "الغي",
    "الغت",
    "يؤجل",
    "تؤجل",
    "يرجئ",
    "ترجئ",
    "يلغي",
    "تلغي",
    "بتاجيل",
    "بالغاء",
    "بارجاء",
];

/// True for a word of postponing or cancelling at `k` (a conjunction may be attached).
fn called_off(v: &View, k: usize) -> bool {
    CALLED_OFF.iter().any(|w| v.is_word(k, w))
}

/// True when the word is a reporting verb (one lexicon scan of one word).
fn opens_with_say(w: &str) -> bool {
    LEX.any_hit(w, false, |h| {
        matches!(h, Hit::Cue(c) if LEX.cue.get(c as usize).is_some_and(|e| e.class == CueClass::Say))
    })
}

/// The head token of the trigger in `[a, b)`, whether it carries the future prefix, and
/// the kind of its lexicon entry.
fn trigger_head(v: &View, a: usize, b: usize) -> (usize, bool, Option<Kind>) {
    for k in a..b {
        for h in v.hits(k) {
            if let Hit::Trig(t) = h.hit {
                if let Some(e) = LEX.trig.get(t as usize) {
                    if e.kind.allows(&h.strip) {
                        // The future prefix on the trigger or on its light verb («سيعقد اجتماعا»).
                        let future = (h.strip.prep == b's'
                            && matches!(e.kind, Kind::Impf | Kind::IPass))
                            || (a..k).any(|j| {
                                v.hits(j)
                                    .iter()
                                    .any(|x| matches!(x.hit, Hit::Light(_)) && x.strip.prep == b's')
                            });
                        return (k, future, Some(e.kind));
                    }
                }
            }
        }
    }
    (a, false, None)
}

/// Attribution of one mention, its disputes, and — when only the future tense makes it
/// hypothetical — the attribution it has as a statement made now (the threat of an
/// attack, see the caller).
fn attribute(
    v: &View,
    trigger: Span,
    quotes: &Quotes,
    cues: &[CueAt],
) -> (Attribution, Vec<Dispute>, Option<Attribution>) {
    let (a, b) = v.tokens_of(trigger);
    if a >= b {
        return (Attribution::default(), Vec::new(), None);
    }
    let s = v.sent(a);
    let (s0, s1) = v.sent_range(s);
    let (head, future, kind) = trigger_head(v, a, b);

    // Reporter (used as `by` whatever the stance).
    let mut reporter: Option<(Arg, Span)> = quotes.speaker_at(head);
    if reporter.is_none() {
        let mut best: Option<(usize, (Arg, Span))> = None;
        for c in cues
            .iter()
            .filter(|c| matches!(c.class, CueClass::Say | CueClass::Per))
        {
            if c.pos >= a && c.pos < b {
                continue;
            }
            if strong_between(v, cues, c.pos, head) {
                continue;
            }
            let by = match c.class {
                CueClass::Per => per_source(v, c.pos + c.len),
                _ => source_of_say(v, c.pos),
            };
            let Some(by) = by else { continue };
            // Prefer cues before the trigger; among them the nearest.
            let d = if c.pos < head {
                head - c.pos
            } else {
                1000 + c.pos - head
            };
            if best.as_ref().is_none_or(|(bd, _)| d < *bd) {
                best = Some((d, (by, cue_span(v, c.pos, c.len))));
            }
        }
        reporter = best.map(|(_, r)| r);
    }
    // «مصادر: …» — a source phrase opening the sentence with a colon.
    if reporter.is_none() && v.cue_at(s0, CueClass::Source) > 0 {
        if let Some(colon) = (s0 + 1..(s0 + 5).min(s1)).find(|&k| v.norm(k) == ":") {
            if colon < head {
                if let Some(by) = source_np(v, s0) {
                    reporter = Some((by, v.span(s0)));
                }
            }
        }
    }

    let mut att = Attribution::default();
    if let Some((by, cue)) = reporter {
        att = Attribution {
            stance: Stance::Reported,
            by: Some(by),
            cue: Some(cue),
        };
    }

    // Uncertain: a hedge before the trigger in the same clause stretch.
    let hedge = cues.iter().rfind(|c| {
        c.class == CueClass::Hedge
            && c.pos < head
            && head - c.pos <= 14
            && !contrast_between(cues, c.pos, head)
    });
    let qad = head >= 1 && v.is_word(head - 1, "قد") && v.hits(head).iter().any(|h| matches!(h.hit, Hit::Trig(t) if LEX.trig.get(t as usize).is_some_and(|e| matches!(e.kind, Kind::Impf | Kind::IPass))));
    if let Some(c) = hedge {
        att.stance = Stance::Uncertain;
        att.cue = Some(cue_span(v, c.pos, c.len));
    } else if qad {
        att.stance = Stance::Uncertain;
        att.cue = Some(v.span(head - 1));
    }

    let mut now = None;
    // Hypothetical: question, conditional/intention, future prefix.
    // A question mark makes the last clause a question («…، لماذا؟» asks about nothing
    // before the comma).
    let question_mark = (s0..s1)
        .rev()
        .find(|&k| v.kind(k) == Some(TokenKind::Punct))
        .is_some_and(|k| matches!(v.norm(k), "؟" | "?"))
        && !(head..s1.saturating_sub(1)).any(|k| v.is_soft(k) || v.is_hard(k));
    // A question word opening the sentence, or opening a quote or a clause after «:».
    let question_word = cues.iter().find(|c| {
        c.class == CueClass::Question
            && c.pos < head
            && (c.pos <= s0 + 1
                || (c.pos > s0 && matches!(v.norm(c.pos - 1), ":" | "«" | "\"" | "“")))
    });
    let hypo = cues.iter().rfind(|c| {
        c.class == CueClass::Hypo
            && c.pos < head
            && head - c.pos <= 8
            && !contrast_between(cues, c.pos, head)
    });
    let sawfa = head >= 1 && v.is_word(head - 1, "سوف");
    if let Some(c) = hypo {
        att.stance = Stance::Hypothetical;
        att.cue = Some(cue_span(v, c.pos, c.len));
    } else if question_mark || question_word.is_some() {
        att.stance = Stance::Hypothetical;
        att.cue = question_word.map(|c| v.span(c.pos)).or_else(|| {
            (s0..s1)
                .rev()
                .find(|&k| v.kind(k) == Some(TokenKind::Punct))
                .map(|k| v.span(k))
        });
    } else if future || sawfa {
        if att.stance != Stance::Uncertain {
            now = Some(att.clone());
        }
        att.stance = Stance::Hypothetical;
        att.cue = Some(if sawfa {
            v.span(head - 1)
        } else {
            v.span(head)
        });
    }
    // A bare «لـ» + masdar is not marked: it is as often a complement («تصدت لهجوم») or a
    // cause («حزنه لمقتل») as a purpose; explicit purpose words are irrealis cues.

    // Denied: inside the complement of a denial that is not itself negated. A
    // circumstantial participle («نفى …، متهما …») says what the denier does besides: it
    // is never inside the denial.
    let participle = kind == Some(Kind::Part);
    let mut disputes = Vec::new();
    for c in cues
        .iter()
        .filter(|c| !participle && matches!(c.class, CueClass::Deny | CueClass::DenyIfObj))
    {
        if c.pos >= head || contrast_between(cues, c.pos, head) || negated_at(v, c.pos) {
            continue;
        }
        if c.class == CueClass::DenyIfObj && !denial_object_after(v, c.pos + c.len) {
            continue;
        }
        if head - c.pos > 15 {
            continue;
        }
        let by = source_of_say(v, c.pos);
        let cue = denial_cue_span(v, c.pos, c.len);
        if let Some(by) = by {
            disputes.push(Dispute {
                by,
                stance: Stance::Denied,
                cue: Some(cue),
            });
            att = Attribution {
                stance: Stance::Denied,
                by: Some(by),
                cue: Some(cue),
            };
        } else {
            att.stance = Stance::Denied;
            att.cue = Some(cue);
        }
    }

    // Negated: a negation right before the trigger (after «تم/قام» if any).
    // «لم … سوى / إلا»: an exception, not a negation.
    let exception =
        (head + 1..(head + 6).min(s1)).any(|k| v.is_word(k, "سوي") || v.is_word(k, "الا"));
    if !exception && (negated_at(v, a) || negated_at(v, head)) {
        let neg_at = if negated_at(v, a) { a - 1 } else { head - 1 };
        att.stance = Stance::Negated;
        att.cue = Some(v.span(neg_at));
    }
    // Called off: «تم تأجيل زيارة ظريف», «أعلن إلغاء الاجتماع»: an act noun governed by a
    // word of postponing or cancelling has not taken place.
    if matches!(kind, Some(Kind::Masdar | Kind::Noun))
        && att.stance != Stance::Denied
        && head >= 1
        && called_off(v, head - 1)
    {
        att.stance = Stance::Negated;
        att.cue = Some(v.span(head - 1));
    }
    let now = now.filter(|_| att.stance == Stance::Hypothetical);
    (att, disputes, now)
}

fn denial_object_after(v: &View, k: usize) -> bool {
    (k..k + 3).any(|j| v.cue_at(j, CueClass::DenyObj) > 0)
}

/// The token after an apposition set off by two commas that opens within three tokens of
/// `k` and is at most five tokens long («ليا تسيميل، محامية حزران الإسرائيلية، …»).
fn past_apposition(v: &View, k: usize, s1: usize) -> Option<usize> {
    let comma = |j: &usize| matches!(v.norm(*j), "،" | ",");
    let a = (k..(k + 4).min(s1)).find(comma)?;
    let b = (a + 1..(a + 7).min(s1)).find(comma)?;
    Some(b + 1)
}

/// The denial cue with an intensifier after it («نفت بشدة»).
fn denial_cue_span(v: &View, pos: usize, len: usize) -> Span {
    let span = cue_span(v, pos, len);
    let k = pos + len;
    let il = v.cue_at(k, CueClass::Intens);
    if il > 0 {
        span.cover(&v.span(k + il - 1))
    } else {
        span
    }
}

/// Denials of claims rather than of an event in their own complement: each becomes a
/// `disputed_by` on the events it refers back to. Returns (event index, dispute).
fn claim_denials(
    v: &View,
    events: &[rasd_doc::Event],
    cache: &mut [Option<Vec<CueAt>>],
) -> Vec<(usize, Dispute)> {
    let mut out = Vec::new();
    let mut sentences: Vec<usize> = events.iter().map(|e| e.sentence).collect();
    sentences.sort_unstable();
    sentences.dedup();
    let last = sentences.last().copied().unwrap_or(0);
    for s in 0..=(last + 2).min(v.doc.sentences.len().saturating_sub(1)) {
        let (s0, s1) = v.sent_range(s);
        let deny_bits = (1u16 << CueClass::Deny as u16) | (1u16 << CueClass::DenyIfObj as u16);
        let has_denial = (s0..s1).any(|k| v.cue_bits(k) & deny_bits != 0);
        if !has_denial {
            continue;
        }
        let cues = cues_of(v, cache, s).to_vec();
        for c in cues
            .iter()
            .filter(|c| matches!(c.class, CueClass::Deny | CueClass::DenyIfObj))
        {
            if negated_at(v, c.pos) {
                continue;
            }
            // The object may follow the denier's apposition («نفت ليا تسيميل، محامية
            // حزران، التهم»).
            let after_appos = past_apposition(v, c.pos + c.len, s1);
            let obj_from = [Some(c.pos + c.len), Some(c.pos + c.len + 1), after_appos];
            let claim = obj_from
                .iter()
                .flatten()
                .any(|&k| k < s1 && denial_object_after(v, k));
            if !claim {
                continue;
            }
            let Some(by) = source_of_say(v, c.pos) else {
                continue;
            };
            let cue = denial_cue_span(v, c.pos, c.len);
            // «نفت المحامية التهم الموجهة إلى موكلها»: denied charges are the nearest
            // accusation told before, however far back.
            let charges = obj_from.iter().flatten().any(|&k| {
                (k..(k + 3).min(s1)).any(|j| {
                    v.cue_at(j, CueClass::DenyObj) > 0
                        && ["اتهام", "تهم"].iter().any(|w| v.norm(j).contains(w))
                })
            });
            // (an allegation first: «واعترف أثناء استجوابه» is an interrogation, not the
            // charges)
            let earlier = |allegation: bool| {
                events
                    .iter()
                    .enumerate()
                    .filter(|(_, e)| {
                        e.etype == rasd_doc::Plover::ACCUSE
                            && v.tokens_of(e.trigger).0 < c.pos
                            && (!allegation || e.mode.as_deref() == Some("allege"))
                    })
                    .map(|(i, _)| i)
                    .next_back()
            };
            let accusation = charges
                .then(|| earlier(true).or_else(|| earlier(false)))
                .flatten();
            if let Some(i) = accusation {
                out.push((
                    i,
                    Dispute {
                        by,
                        stance: Stance::Denied,
                        cue: Some(cue),
                    },
                ));
                continue;
            }
            // Other events in the denial's own clause are handled per mention.
            let own = events.iter().any(|e| {
                let (ea, _) = v.tokens_of(e.trigger);
                e.sentence == s && ea > c.pos && !contrast_between(&cues, c.pos, ea)
            });
            if own {
                continue;
            }
            // Targets: events before the cue in this sentence, else the nearest earlier
            // sentence with events (up to two back).
            let mut targets: Vec<usize> = events
                .iter()
                .enumerate()
                .filter(|(_, e)| e.sentence == s && v.tokens_of(e.trigger).0 < c.pos)
                .map(|(i, _)| i)
                .collect();
            if targets.is_empty() {
                for back in 1..=2 {
                    if s < back {
                        break;
                    }
                    targets = events
                        .iter()
                        .enumerate()
                        .filter(|(_, e)| e.sentence == s - back)
                        .map(|(i, _)| i)
                        .collect();
                    if !targets.is_empty() {
                        break;
                    }
                }
            }
            let involved: Vec<usize> = targets
                .iter()
                .copied()
                .filter(|&i| events.get(i).is_some_and(|e| involves(v, e, &by)))
                .collect();
            let chosen = if involved.is_empty() {
                targets
            } else {
                involved
            };
            for i in chosen {
                out.push((
                    i,
                    Dispute {
                        by,
                        stance: Stance::Denied,
                        cue: Some(cue),
                    },
                ));
            }
        }
    }
    out
}

/// ISO-3 country of an entity: its `country`, else its geocoded ISO-2 country.
pub(crate) fn entity_country(e: &rasd_doc::Entity) -> Option<String> {
    e.country.clone().or_else(|| {
        e.geo
            .as_ref()
            .and_then(|g| g.country.as_deref())
            .and_then(crate::export::iso3_of)
            .map(str::to_string)
    })
}

/// The country a party stands for: its entity's country (or the entity itself when it is
/// a country), else a nationality adjective in its text.
pub(crate) fn party_country(v: &View, a: &Arg) -> Option<String> {
    if let Some(e) = a.entity.and_then(|i| v.doc.entities.get(i)) {
        if let Some(c) = entity_country(e) {
            return Some(c);
        }
    }
    let (x, y) = v.tokens_of(a.span);
    (x..y).find_map(|k| v.nisba(k).map(|(c, _)| c.to_string()))
}

/// True when `by` takes part in `e` (same entity, or same country).
fn involves(v: &View, e: &rasd_doc::Event, by: &Arg) -> bool {
    let bc = party_country(v, by);
    e.actor.iter().chain(e.recipient.iter()).any(|p| {
        (p.entity.is_some() && p.entity == by.entity) || (bc.is_some() && party_country(v, p) == bc)
    })
}

#[cfg(test)]
mod tests;
