//! Merging the mentions of one event across a document, then dropping what cannot be coded.
//!
//! A later mention joins an earlier event of the same PLOVER type when nothing conflicts
//! (parties, place, date from the text) and there is a reason to think it is the same
//! event:
//!
//! * it refers back with a demonstrative («بهذه العمليات», «هذا الهجوم») or is a noun
//!   with the article («الهجوم», «الانفجار», «الغارات الجوية»), which in news refers to
//!   an event already told — the nearest earlier one of its type whose parties, place and
//!   date do not conflict, within two sentences of its last mention or with the same noun;
//!   so do casualties suffered in such an act («وقتل شرطيان في الهجوم», «جراء القصف»),
//!   though not in a war («في الحرب», «خلال المعارك»), which counts a conflict's toll;
//! * it shares a party (the same entity or the same text as actor or recipient), or, for
//!   an attack within two sentences, the same class of victims («بقتل 20 مدنيا» … «إن
//!   القوات قتلت المدنيين»; words that count anybody, «آخرين», «أشخاص», name no class);
//! * it is an attack with the same death toll (three or more; «قتل 21 شخصا» … «أسفر عن
//!   استشهاد 21 مدنيا»), unless the two name different entities or classes of victims;
//! * it is an attack told in the same village, town, neighbourhood or site within two
//!   sentences, with no «آخر», «جديد» or «ثان» marking another;
//! * it is what someone claims or is held responsible for («أعلنت الحركة مسؤوليتها عن
//!   هجوم أمس»): an event told before, at any distance — unless its paragraph opens on
//!   another matter («إلى ذلك»).
//!
//! Victims told only as a count («21 شخصا», «عشرة آخرين») are a toll, not a party: within
//! two sentences they do not make two attack mentions conflict, unless both give death
//! tolls that differ and the later one is not a definite singular noun that updates the
//! toll of the attack told («حصيلة للتفجير»). Such victims with the article («الأشخاص
//! الذين قتلوا») refer back like «الهجوم».
//! * it is a noun mention without parties of its own in the next sentence («نتائج
//!   العملية: …»), i.e. a continuation, or the lede (first sentence) named no parties and
//!   this mention, in the next sentence, tells who did it to whom.
//!
//! The merged event keeps the first mention's trigger and sentence, gathers the arguments,
//! the textual date and the counts of all, keeps every `disputed_by`, and takes the most
//! factual attribution: reported (with a source) over asserted over uncertain over denied
//! over hypothetical over negated — an event one mention reports and another denies is a
//! reported event with a dispute. A source only replaces the outlet's own assertion when it
//! comes with the same telling (the sentence after a mention already merged, or a
//! demonstrative reference back): a quote paragraphs later about an event the outlet
//! stated leaves it asserted.
//!
//! Events left with no actor, recipient or count name nobody doing anything to anybody and
//! are dropped (a place alone is not enough: «عند مرور دوريتهم», «نقطة تفتيش»).

use crate::coder::{absorb, conflict};
use rasd_doc::{Arg, Attribution, Document, Event, Stance};

/// What the merge needs to know about a mention beyond the event itself.
#[derive(Clone, Copy, Debug, Default)]
pub struct MentionInfo {
    /// A demonstrative refers back («بهذه العمليات»).
    pub anaphoric: bool,
    /// The trigger is a noun or masdar.
    pub nominal: bool,
    /// Trigger entry's citation form.
    pub head: Option<&'static str>,
    /// The trigger reports casualties («أصيب», «مقتل»).
    pub casualty: bool,
    /// A noun trigger with the article («الهجوم», «الغارات الجوية»): news definiteness
    /// points back to an event already told. Also casualties suffered in such an act
    /// («وقتل شرطيان في الهجوم»; see `told_cause`).
    pub definite: bool,
    /// Byte offset of the temporal connective («بعد», «قبل», «منذ») that governs the
    /// trigger, if any.
    pub connective: Option<usize>,
    /// A masdar of purpose: «لـ» without the article («لضرب معسكر», «لاستهداف»).
    pub purpose: bool,
    /// «آخر», «أخرى», «جديد» or «ثان» qualifies the trigger: another event of its kind.
    pub other: bool,
    /// The mention is what someone claims or is held responsible for («أعلنت الحركة
    /// مسؤوليتها عن هجوم أمس», «حملوا القوة المسؤولية عن مقتل»): an event already told.
    pub claimed: bool,
}

/// Casualties told after a temporal connective that follows an earlier mention of the
/// sentence belong to another, earlier event («وقعا بعد مقتل 34 شخصا في انفجار», «أسوأ
/// هجوم منذ أن قتل 50 شخصا»). An act after the connective stays mergeable: it caused the
/// casualties told first («قتل 50 شخصا بعد تفجيرين») or is the fighting a capture came
/// after («سيطرت على التلة بعد اشتباكات»).
fn apart_in_time(o: &Event, e: &Event, inf: &MentionInfo) -> bool {
    o.sentence == e.sentence && inf.casualty && inf.connective.is_some_and(|c| c > o.trigger.start)
}

fn rank(a: &Attribution) -> u8 {
    match a.stance {
        Stance::Reported if a.by.is_some() => 5,
        Stance::Reported | Stance::Asserted => 4,
        Stance::Uncertain => 3,
        Stance::Denied => 2,
        Stance::Hypothetical => 1,
        Stance::Negated => 0,
    }
}

/// The folded text of an argument without its clitic prefix, for comparing two mentions
/// of a party that is not an entity («التركية» … «التركية»).
fn key(text: &str, a: &Arg) -> String {
    let f = rasd_text::fold(a.span.slice(text));
    let f = f.strip_prefix('و').unwrap_or(&f).to_string();
    f
}

fn shares(text: &str, a: &[Arg], b: &[Arg]) -> bool {
    a.iter().any(|x| {
        b.iter().any(|y| {
            x.span == y.span
                || (x.entity.is_some() && x.entity == y.entity)
                || (x.entity.is_none() && y.entity.is_none() && {
                    let k = key(text, x);
                    k.chars().count() >= 3 && k == key(text, y)
                })
        })
    })
}

/// Words that count anybody («آخرين», «أشخاص», «ضحايا»): they name no class of people
/// and no party.
const ANYBODY: [&str; 14] = [
    "اخر",
    "اخري",
    "شخص",
    "اشخاص",
    "فرد",
    "افراد",
    "قتيل",
    "قتلي",
    "جريح",
    "جرحي",
    "ضحيه",
    "ضحايا",
    "مصاب",
    "عنصر",
];

/// The last word of a descriptor argument without conjunction, article or case and number
/// ending («20 مدنيا», «المدنيين» → «مدني»; the dual too: «جنديان», «جنديين» → «جندي»),
/// and whether it had the article; nothing for an entity.
fn last_stem(text: &str, a: &Arg) -> Option<(String, bool)> {
    if a.entity.is_some() {
        return None;
    }
    let f = rasd_text::fold(a.span.slice(text));
    let last = f.split_whitespace().last()?;
    let last = last.strip_prefix('و').unwrap_or(last);
    let (last, al) = match last.strip_prefix("ال") {
        Some(l) => (l, true),
        None => (last, false),
    };
    let stem = ["ين", "ون", "ات", "ان", "ا"]
        .iter()
        .find_map(|e| last.strip_suffix(e))
        .unwrap_or(last);
    Some((stem.to_string(), al))
}

/// The class of people a descriptor argument counts («20 مدنيا», «المدنيين» → «مدني»),
/// or nothing for an entity, a word too short to tell or a word that counts anybody.
fn class_key(text: &str, a: &Arg) -> Option<String> {
    if site(text, a) {
        return None;
    }
    let (stem, _) = last_stem(text, a)?;
    (stem.chars().count() >= 3
        && stem.chars().all(char::is_alphabetic)
        && !ANYBODY.contains(&stem.as_str()))
    .then_some(stem)
}

/// The argument is a site hit («فندقا», «المسجد»), not a party: two tellings of one attack
/// may name the site once and the victims once.
fn site(text: &str, a: &Arg) -> bool {
    a.entity.is_none()
        && a.span
            .slice(text)
            .split_whitespace()
            .next()
            .is_some_and(site_word_memo)
}

/// [`crate::lex::Lex::site_word`], remembered per written word: the merge asks about the
/// same arguments for every pair of mentions it compares, and a lexicon scan folds the
/// word each time (a long document of site attacks spent most of its merge there). The
/// lexicon is fixed, so the answers hold across documents; the memo is bounded.
fn site_word_memo(w: &str) -> bool {
    thread_local! {
        static MEMO: std::cell::RefCell<rustc_hash::FxHashMap<Box<str>, bool>> =
            Default::default();
    }
    MEMO.with(|m| {
        if let Some(&b) = m.borrow().get(w) {
            return b;
        }
        let b = crate::lex::LEX.site_word(w);
        let mut m = m.borrow_mut();
        if m.len() >= 4096 {
            m.clear();
        }
        m.insert(w.into(), b);
        b
    })
}

/// The argument only counts people without saying who they are («21 شخصا», «عشرة
/// آخرين», «القتلى»): a toll, not a party, so two tellings of one attack with different
/// tolls (an update, another source) do not name different victims. «الأخرى» (feminine:
/// «سفينة أخرى», «الدول الأخرى») counts things, not people.
fn anybody(text: &str, a: &Arg) -> bool {
    last_stem(text, a).is_some_and(|(stem, _)| toll_word(&stem))
}

/// A stem of [`ANYBODY`] that counts people («أشخاص», «آخرين»; not «أخرى»).
fn toll_word(stem: &str) -> bool {
    stem != "اخري" && ANYBODY.contains(&stem)
}

/// The argument counts anybody with the article («الأشخاص الذين قتلوا», «القتلى»): in
/// news such victims were counted before, so the mention tells an event already told.
fn told_victims(text: &str, a: &Arg) -> bool {
    last_stem(text, a).is_some_and(|(stem, al)| al && toll_word(&stem))
}

/// Both lists name classes of people and share none («خمسة مدنيين» … «خمسة جنود»).
fn classes_differ(text: &str, a: &[Arg], b: &[Arg]) -> bool {
    let ka: Vec<String> = a.iter().filter_map(|x| class_key(text, x)).collect();
    let kb: Vec<String> = b.iter().filter_map(|x| class_key(text, x)).collect();
    !ka.is_empty() && !kb.is_empty() && !ka.iter().any(|k| kb.contains(k))
}

/// Both lists name the same class of people («20 مدنيا» … «المدنيين»).
fn shares_class(text: &str, a: &[Arg], b: &[Arg]) -> bool {
    a.iter().any(|x| {
        class_key(text, x).is_some_and(|k| b.iter().any(|y| class_key(text, y) == Some(k.clone())))
    })
}

/// Two mentions name different parties: [`conflict`] (no shared span or entity), unless
/// the same words name a party both times («السفير الأسترالي» in the headline and
/// «السفيرُ الأسترالي» in the lede). With `tolls` (the victims of an attack), arguments
/// that only count people ([`anybody`]) are no party.
fn parties_conflict(text: &str, a: &[Arg], b: &[Arg], tolls: bool) -> bool {
    let named = |l: &[Arg]| -> Vec<Arg> {
        l.iter()
            .filter(|x| !(site(text, x) || tolls && anybody(text, x)))
            .copied()
            .collect()
    };
    let (a, b) = (named(a), named(b));
    conflict(&a, &b) && !shares(text, &a, &b)
}

/// Two mentions of attacks whose victims may be told as bare tolls without naming
/// different victims: unless both give a death toll and the tolls differ («مقتل 43
/// شخصا» … «سلسلة الهجمات … مقتل 34 شخصا في انفجار بمدينة جومب» are two attacks) —
/// except that a definite singular noun (`one_told`: «حصيلة للتفجير … عن مقتل 17 شخصا»)
/// points at one attack told before, whose toll it updates. Only within two sentences of
/// the attack's `last` mention: a bare toll says nothing about an attack paragraphs away.
fn tolls(a: &Event, b: &Event, one_told: bool, last: usize) -> bool {
    let attack = |e: &Event| e.etype == rasd_doc::Plover::ASSAULT;
    attack(a)
        && attack(b)
        && b.sentence <= last + 2
        && (one_told || !matches!((a.size.dead, b.size.dead), (Some(x), Some(y)) if x != y))
}

/// Both lists name entities and share none (descriptors like «انتحاري» may be anybody's).
fn named_conflict(a: &[Arg], b: &[Arg]) -> bool {
    let named =
        |l: &[Arg]| -> Vec<Arg> { l.iter().filter(|x| x.entity.is_some()).copied().collect() };
    conflict(&named(a), &named(b))
}

/// Two mentions name different places. A back-reference («الهجوم», «هذا الهجوم») may
/// name a place of the same country as the first telling (a district and its province: the
/// documents carry no containment), so for it places of one country, or a place of no
/// known country, do not conflict.
fn places_conflict(a: &Event, b: &Event, lenient: bool, places: &[Place]) -> bool {
    let ea: Vec<usize> = a.location.iter().filter_map(|x| x.entity).collect();
    let eb: Vec<usize> = b.location.iter().filter_map(|x| x.entity).collect();
    if ea.is_empty() || eb.is_empty() || ea.iter().any(|x| eb.contains(x)) {
        return false;
    }
    let cc = |e: &usize| places.get(*e).and_then(|p| p.country);
    // A place of unknown country cannot be shown to lie elsewhere.
    let unknown = ea.iter().chain(eb.iter()).any(|x| cc(x).is_none());
    let same_country = ea
        .iter()
        .any(|x| cc(x).is_some_and(|c| eb.iter().any(|y| cc(y) == Some(c))));
    !(lenient && (same_country || unknown))
}

/// Words after a trigger that make it another event of its kind (folded, without the
/// article): «هجوم آخر», «غارة أخرى», «تفجير جديد», «الهجوم الثاني».
const OTHER: [&str; 8] = [
    "اخر",
    "اخري",
    "جديد",
    "جديده",
    "ثان",
    "ثاني",
    "ثانيه",
    "مماثل",
];

/// Phrases that open a paragraph on another matter (folded): «إلى ذلك», «من جهة أخرى»,
/// «من جانب آخر», «على صعيد آخر», «في سياق آخر».
const TOPIC_SHIFTS: [&[&str]; 5] = [
    &["الي", "ذلك"],
    &["من", "جهه", "اخري"],
    &["من", "جانب", "اخر"],
    &["علي", "صعيد", "اخر"],
    &["في", "سياق", "اخر"],
];

/// True when the sentence starting at token `s0` opens with a [`TOPIC_SHIFTS`] phrase
/// (a conjunction «و» aside): what it tells is not what was told before.
fn topic_shift(v: &crate::view::View, s0: usize) -> bool {
    TOPIC_SHIFTS.iter().any(|p| {
        p.iter().enumerate().all(|(i, w)| {
            let n = v.norm(s0 + i);
            n == *w || (i == 0 && n.strip_prefix('و') == Some(w))
        })
    })
}

/// «مسؤولية», «المسؤولية», «مسؤوليتها» (also spelt with «ئ»), folded.
fn responsibility(w: &str) -> bool {
    let w = w.strip_prefix('و').unwrap_or(w);
    let w = w.strip_prefix("ال").unwrap_or(w);
    ["مسؤولي", "مسئولي"].iter().any(|p| {
        w.strip_prefix(p)
            .is_some_and(|rest| matches!(rest, "ه" | "ته" | "تها" | "تهم" | "تهما"))
    })
}

/// Prepositions of cause before the act casualties were suffered in (folded): «في»,
/// «خلال», «جراء», «إثر», «بسبب», «نتيجة».
const CAUSE: [&str; 6] = ["في", "خلال", "جراء", "اثر", "بسبب", "نتيجه"];

/// Nouns for a whole war rather than one act (folded, without the article): «قتل 3200
/// شخص في القتال», «خلال المعارك» count the toll of a conflict, not of an attack told.
const WARS: [&str; 8] = [
    "حرب",
    "قتال",
    "معارك",
    "معركه",
    "نزاع",
    "صراع",
    "عنف",
    "ازمه",
];

/// A folded word without conjunction, preposition and article («وبالمعارك» → «معارك»).
fn bare_noun(w: &str) -> &str {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    let w = w.strip_prefix(['ب', 'ك', 'ل']).unwrap_or(w);
    w.strip_prefix("ال").unwrap_or(w)
}

/// The casualty mention ending before token `b` names its cause as an act of type `t`
/// with the article, right after a [`CAUSE`] preposition or with «بـ» glued to it («وقتل
/// شرطيان … في الهجوم», «أصيب 11 شخصا جراء القصف», «قتلوا بالانفجار»): in news such an
/// act was told before, so the mention retells it like «الهجوم» itself. Looks up to six
/// tokens ahead, up to a clause end or another verb, within the sentence ending at `s1`.
fn told_cause(v: &crate::view::View, b: usize, s1: usize, t: rasd_doc::Plover) -> bool {
    for j in b..(b + 6).min(s1) {
        if v.is_hard(j) || v.is_soft(j) || (j > b && v.is_verb(j) && !v.prep_hit(j)) {
            return false;
        }
        let act = crate::chunk::nominal_trigger(v, j, |en, s| {
            en.plover == t
                && !en.casualty()
                && en.kind.allows(s)
                && s.al
                && !WARS.contains(&bare_noun(v.norm(j)))
                && (s.prep == b'b'
                    || (s.prep == 0 && j > b && CAUSE.iter().any(|c| v.is_word(j - 1, c))))
        });
        if act {
            return true;
        }
    }
    false
}

/// What the merge knows of an entity as a place.
#[derive(Clone, Copy, Debug, Default)]
pub struct Place<'a> {
    /// Its country (ISO-3), when known.
    pub country: Option<&'a str>,
    /// A village, town, neighbourhood or site: a place small enough that two attacks told
    /// there within two sentences are one («مقتل مواطنين في قرية زاركلي» … «غارات
    /// شنتها الطائرات التركية … في قرية زاركلي»). Cities and regions see many.
    pub local: bool,
}

/// The [`Place`] of each entity of `doc`, by entity index.
pub fn places_of(doc: &Document) -> Vec<Place<'_>> {
    doc.entities
        .iter()
        .map(|e| Place {
            country: e.country.as_deref(),
            local: e.etype == rasd_doc::EntityType::LOC
                && matches!(
                    e.subtype.as_deref(),
                    Some("village" | "town" | "neighbourhood" | "site")
                ),
        })
        .collect()
}

/// Both events name one local place ([`Place::local`]).
fn same_locality(a: &Event, b: &Event, places: &[Place]) -> bool {
    a.location.iter().filter_map(|x| x.entity).any(|x| {
        places.get(x).is_some_and(|p| p.local) && b.location.iter().any(|y| y.entity == Some(x))
    })
}

/// True when both events carry calendar dates read from the text and neither contains
/// the other («2015-07-21» and «2015-07-22»; not «2015-07» and «2015-07-21»).
pub(crate) fn dates_conflict(a: &Event, b: &Event) -> bool {
    match (&a.date, &b.date) {
        (Some(x), Some(y)) if !x.inferred && !y.inferred && !x.reported && !y.reported => {
            calendar_apart(&x.value, &y.value)
        }
        _ => false,
    }
}

/// True when `later`, a mention that does not point back (no article, no demonstrative, no
/// claim), carries a date read from the text that lies apart from the date `earlier` only
/// got from the publication: «واشتبكت [اليوم] مع مسلحي داعش … وأطلقت القوات في أبريل عملية
/// عسكرية»: the campaign launched in April is not the clash of the day, though both have
/// the same forces.
fn dated_apart(earlier: &Event, later: &Event, inf: &MentionInfo) -> bool {
    if inf.definite || inf.anaphoric || inf.claimed {
        return false;
    }
    match (&earlier.date, &later.date) {
        (Some(x), Some(y)) if x.inferred && !y.inferred && !y.reported => {
            // A day within a week of publication is when an undated report happened too
            // («قتلوا الأحد»).
            let far = days_between(&x.value, &y.value).is_none_or(|d| d > 7);
            far && calendar_apart(&x.value, &y.value)
        }
        _ => false,
    }
}

/// Days between two TIMEX3 calendar days («2015-07-26»), either way round; nothing when
/// either is a month, a year, a part of a day («2015-07-21TEV») or anything else.
fn days_between(a: &str, b: &str) -> Option<i32> {
    let day = |v: &str| v.parse::<rasd_doc::Date>().ok().filter(|_| v.len() == 10);
    let span = day(a)?.since(day(b)?).ok()?;
    Some(span.get_days().abs())
}

/// Two TIMEX3 values are calendar dates and neither contains the other («2015-07-21» and
/// «2015-07-22»; not «2015-07» and «2015-07-21»). Only calendar values can contradict each
/// other («P1W» does not).
fn calendar_apart(x: &str, y: &str) -> bool {
    let cal = |v: &str| v.starts_with(|c: char| c.is_ascii_digit());
    cal(x) && cal(y) && !(x.starts_with(y) || y.starts_with(x))
}

/// Merges `events` (mentions in text order, with `info` per mention) into events.
pub fn merge_events(events: Vec<Event>, info: &[MentionInfo], text: &str) -> Vec<Event> {
    merge_events_in(events, info, text, &[])
}

/// How many of the most recent distinct events a new mention may merge into. News
/// articles tell a few dozen events; the bound keeps a document of thousands of
/// non-merging mentions linear instead of quadratic.
pub const MERGE_LOOKBACK: usize = 256;

/// [`merge_events`] knowing each entity as a place ([`places_of`]), so that a definite
/// back-reference may name another place of the same country, and two attacks told in one
/// village are one.
pub fn merge_events_in(
    events: Vec<Event>,
    info: &[MentionInfo],
    text: &str,
    places: &[Place],
) -> Vec<Event> {
    // (event, info of its first mention, last sentence of any mention)
    let mut out: Vec<(Event, MentionInfo, usize)> = Vec::new();
    for (i, e) in events.into_iter().enumerate() {
        let mut inf = info.get(i).copied().unwrap_or_default();
        // «الأشخاص الذين قتلوا في الهجوم»: victims counted before refer back like «الهجوم».
        let attack = e.etype == rasd_doc::Plover::ASSAULT;
        // A definite noun not in the plural («التفجير», not «الهجمات»: a series).
        let one_told = inf.definite && {
            let t = rasd_text::fold(e.trigger.slice(text));
            !t.split_whitespace()
                .next()
                .is_some_and(|w| w.ends_with("ات"))
        };
        inf.definite |= attack && e.recipient.iter().any(|a| told_victims(text, a));
        // The event a mention shares a party with comes first; else the nearest earlier
        // one that fits.
        // Only the last MERGE_LOOKBACK events are candidates (see its docs).
        let lo = out.len().saturating_sub(MERGE_LOOKBACK);
        let recent = out.get(lo..).unwrap_or_default();
        let mut target = recent
            .iter()
            .rposition(|(o, _, last)| {
                o.etype == e.etype
                    && !apart_in_time(o, &e, &inf)
                    && !dates_conflict(o, &e)
                    && !dated_apart(o, &e, &inf)
                    && !places_conflict(o, &e, inf.definite, places)
                    && !parties_conflict(text, &o.actor, &e.actor, false)
                    && !parties_conflict(
                        text,
                        &o.recipient,
                        &e.recipient,
                        tolls(o, &e, one_told, *last),
                    )
                    && (shares(text, &o.actor, &e.actor)
                        || shares(text, &o.recipient, &e.recipient))
            })
            .map(|j| lo + j);
        for (j, (o, oi, last)) in out.iter().enumerate().skip(lo).rev() {
            if target.is_some() {
                break;
            }
            let near = e.sentence <= last + 1;
            // A lede that names nobody («وقوع عملية انتحارية أوقعت قتيلين») is told with
            // its parties, and often a narrower place, in the next sentence.
            // The next sentence after the lede itself, not after mentions merged into it
            // since: a round-up's later paragraphs are other events.
            let told_later =
                o.sentence == 0 && o.actor.is_empty() && o.recipient.is_empty() && e.sentence <= 1;
            let lenient = inf.definite || inf.anaphoric || told_later;
            if o.etype != e.etype
                || apart_in_time(o, &e, &inf)
                || dates_conflict(o, &e)
                || dated_apart(o, &e, &inf)
                || places_conflict(o, &e, lenient, places)
            {
                continue;
            }
            let parties_ok = !parties_conflict(text, &o.actor, &e.actor, false)
                && !parties_conflict(
                    text,
                    &o.recipient,
                    &e.recipient,
                    tolls(o, &e, one_told, *last),
                );
            let shared = shares(text, &o.actor, &e.actor)
                || shares(text, &o.recipient, &e.recipient)
                || shares(text, &o.actor, &e.recipient) && shares(text, &o.recipient, &e.actor);
            let bare = e.actor.is_empty() && e.recipient.is_empty();
            let same_head = inf.head.is_some() && inf.head == oi.head;
            // «وأصيب ثمانية جنود.» after an attack: casualties with no doer continue it.
            // (Not casualties after a temporal connective, «بعد أيام على مقتل سبعة جنود»,
            // nor onto such an event: either recalls an earlier event.)
            let casualties = inf.casualty
                && inf.connective.is_none()
                && oi.connective.is_none()
                && e.actor.is_empty()
                && near
                && !conflict(&o.actor, &e.actor);
            // A definite mention with a date of its own that the told event's date (even
            // the inferred document date) does not share names another event («الهجمات
            // … منذ 2013»).
            let own_date = e
                .date
                .as_ref()
                .filter(|d| !d.inferred && !d.reported)
                .map(|d| d.value.as_str());
            // A told date of the report («قال مسؤولون أمس إن …») only bounds the event: a
            // mention dated before it («تفجرت قبل أربعة أيام») may tell the same event.
            // The document date stands in for a told event's date: a mention dated days
            // before it in the same month («مساء السبت» in Monday's paper) may tell it.
            let told = o
                .date
                .as_ref()
                .map(|d| (d.value.as_str(), d.reported, d.inferred));
            let same_month = |x: &str, y: &str| x.get(..7).is_some_and(|m| y.get(..7) == Some(m));
            let dated_apart = matches!((own_date, told), (Some(x), Some((y, bound, inferred)))
                if calendar_apart(x, y)
                    && !(bound && x < y)
                    && !(inferred && x < y && same_month(x, y)));
            // The definite back-reference reaches two sentences past the last mention, or
            // any distance with the same noun («هجوم» … «الهجوم»): an opinion piece that
            // names «الإعدام» and «المجازر» paragraphs apart is not retelling one event.
            let reach = e.sentence <= last + 2 || same_head;
            // The same class of victims told again close by («بقتل 20 مدنيا» … «إن القوات
            // قتلت المدنيين») is the same event.
            let same_victims =
                e.sentence <= last + 2 && attack && shares_class(text, &o.recipient, &e.recipient);
            // The same death toll told again («قتل 21 شخصا» … «أسفر عن استشهاد 21 مدنيا») is
            // the same attack, whoever the two tellings name, unless they name different
            // entities; small tolls coincide too often to tell.
            let same_toll = attack
                && matches!((o.size.dead, e.size.dead), (Some(x), Some(y)) if x >= 3.0 && x == y)
                && !named_conflict(&o.actor, &e.actor)
                && !named_conflict(&o.recipient, &e.recipient)
                && !classes_differ(text, &o.recipient, &e.recipient);
            // «قامت قواتها بغارة … وكانت … لضرب معسكر للقاعدة»: a purpose with no doer
            // of its own, told right after an act of the same type, says what that act
            // was for (its target), not another act.
            let purpose = inf.purpose && e.actor.is_empty() && near && parties_ok;
            // Two attacks told in one village within two sentences of its last mention
            // are one, unless something tells them apart («هجوم آخر» names its own).
            let same_place = attack
                && e.sentence <= last + 2
                && parties_ok
                && !dated_apart
                && !inf.other
                && same_locality(o, &e, places);
            let ok = inf.anaphoric
                || same_toll
                || purpose
                || (inf.definite && reach && parties_ok && !dated_apart)
                // A claim names an event told before, however far back (in the same
                // place: a round-up's claim of a bombing elsewhere is another event).
                || (inf.claimed && parties_ok && !dated_apart && !inf.other)
                || (shared && parties_ok)
                || (same_victims && !conflict(&o.actor, &e.actor))
                || same_place
                || casualties
                || (parties_ok && bare && near && (inf.nominal || same_head))
                || told_later;
            if ok {
                target = Some(j);
                break;
            }
        }
        match target.and_then(|j| out.get_mut(j)) {
            Some((o, _, last)) => {
                absorb(o, &e);
                // A source named for the same telling (the next sentence, or a reference back
                // with a demonstrative) is the event's source; a later article paragraph
                // that quotes someone about an event the outlet stated does not make the
                // outlet's statement reported — except that firmer beats weaker (a stated
                // event over a denied or hypothetical mention).
                let same_telling = inf.anaphoric || e.sentence <= *last + 1;
                let upgrade = rank(&e.attribution) > rank(&o.attribution)
                    && (same_telling || rank(&o.attribution) < 4);
                if upgrade {
                    o.attribution = e.attribution.clone();
                }
                for d in e.disputed_by {
                    if !o.disputed_by.iter().any(|x| {
                        x.by.span.overlaps(&d.by.span)
                            || (x.by.entity.is_some() && x.by.entity == d.by.entity)
                    }) {
                        o.disputed_by.push(d);
                    }
                }
                *last = (*last).max(e.sentence);
            }
            None => {
                let s = e.sentence;
                out.push((e, inf, s));
            }
        }
    }
    out.into_iter()
        .map(|(e, _, _)| e)
        // Protests are recorded by place: «اندلعت التظاهرات في بغداد» names no organiser.
        // A site hit counts with a place («هجوم انتحاري على مسجد في الكويت»); alone it is
        // as often a purpose or a habit («لضرب معسكر», «ضربات ضد مساجد»).
        .filter(|e| {
            let sites_only = e.recipient.iter().all(|a| site(text, a));
            !e.actor.is_empty()
                || (!e.recipient.is_empty() && (!sites_only || !e.location.is_empty()))
                || !e.size.is_empty()
                || (e.etype == rasd_doc::Plover::PROTEST && !e.location.is_empty())
        })
        .collect()
}

/// Merges `doc.events` in place (see the module docs).
pub fn merge_document(doc: &mut Document) {
    let info = {
        let mut mask = vec![false; doc.sentences.len()];
        for e in &doc.events {
            if let Some(m) = mask.get_mut(e.sentence) {
                *m = true;
            }
        }
        let v = crate::view::View::for_sentences(doc, &mask);
        mention_info(&v, &doc.events)
    };
    let events = std::mem::take(&mut doc.events);
    let places = places_of(doc);
    let merged = merge_events_in(events, &info, &doc.text, &places);
    doc.events = merged;
}

/// Re-reads each mention's trigger to fill [`MentionInfo`] (the view must have scanned
/// the events' sentences).
pub(crate) fn mention_info(v: &crate::view::View, events: &[Event]) -> Vec<MentionInfo> {
    use crate::lex::{Fw, Hit, LEX};
    events
        .iter()
        .map(|e| {
            let (a, b) = v.tokens_of(e.trigger);
            let mut info = MentionInfo::default();
            'found: for k in a..b {
                for h in v.hits(k) {
                    if let Hit::Trig(t) = h.hit {
                        if let Some(en) = LEX.trig.get(t as usize) {
                            if en.kind.allows(&h.strip) {
                                info.nominal = !en.kind.is_verb();
                                info.definite = info.nominal && h.strip.al;
                                // Not after a light verb: «تعرضت (القوات) لقصف» tells
                                // the act.
                                let (s0, s1) = v.sent_range(v.sent(k));
                                info.purpose = info.nominal
                                    && !h.strip.al
                                    && h.strip.prep == b'l'
                                    && !(k.saturating_sub(4).max(s0)..k).any(|j| {
                                        v.hits(j).iter().any(|x| matches!(x.hit, Hit::Light(_)))
                                    });
                                info.casualty = en.casualty();
                                info.head = Some(&*en.head);
                                info.connective = crate::coder::temporal_connective_before(v, k)
                                    .and_then(|c| v.doc.tokens.get(c))
                                    .map(|t| t.span.start);
                                info.anaphoric = k >= 1
                                    && v.hits(k - 1)
                                        .iter()
                                        .any(|x| matches!(x.hit, Hit::Fw(Fw::Dem)));
                                info.claimed = k >= 2
                                    && v.is_word(k - 1, "عن")
                                    && responsibility(v.norm(k - 2))
                                    && !topic_shift(v, s0);
                                info.other = (b..(b + 3).min(s1)).any(|j| {
                                    let w = v.norm(j);
                                    OTHER.contains(&w.strip_prefix("ال").unwrap_or(w))
                                });
                                info.definite |= info.casualty
                                    && info.connective.is_none()
                                    && told_cause(v, b, s1, en.plover);
                                break 'found;
                            }
                        }
                    }
                }
            }
            info
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::{Dispute, EventDate, Plover, Size, Span};

    fn ev(s: usize, t: Plover, actor: &[usize], rcp: &[usize]) -> Event {
        let arg = |e: &usize| Arg {
            entity: Some(*e),
            span: Span::new(e * 100 + s, e * 100 + s + 3),
        };
        Event {
            etype: t,
            mode: None,
            sentence: s,
            trigger: Span::new(s * 10, s * 10 + 2),
            actor: actor.iter().map(arg).collect(),
            recipient: rcp.iter().map(arg).collect(),
            location: Vec::new(),
            date: None,
            size: Size::default(),
            attribution: Attribution::default(),
            disputed_by: Vec::new(),
            confidence: 0.5,
        }
    }

    #[test]
    fn a_purpose_with_no_doer_continues_the_act_before_it() {
        // «قامت قواتها بغارة. وكانت لضرب معسكر للقاعدة»: one raid, on that camp.
        let a = ev(0, Plover::ASSAULT, &[1], &[]);
        let b = ev(1, Plover::ASSAULT, &[], &[2]);
        let purpose = MentionInfo {
            nominal: true,
            purpose: true,
            ..MentionInfo::default()
        };
        let out = merge_events(
            vec![a.clone(), b.clone()],
            &[MentionInfo::default(), purpose],
            "",
        );
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].recipient.len(), 1);
        // Without the purpose reading they stay two events.
        let out = merge_events(vec![a, b], &[MentionInfo::default(); 2], "");
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn the_same_words_name_the_same_party() {
        // Headline and lede name the visitor with the same words (one with a vowel sign).
        let text = "السفير الأسترالي يزور الشركة. زار السفيرُ الأسترالي الشركة.";
        let at = |w: &str, from: usize| {
            let s = text[from..].find(w).map(|x| x + from).unwrap_or(0);
            Span::new(s, s + w.len())
        };
        let first = at("السفير الأسترالي", 0);
        let second = at("السفيرُ الأسترالي", first.end);
        let mut a = ev(0, Plover::CONSULT, &[], &[]);
        a.actor = vec![Arg {
            entity: None,
            span: first,
        }];
        let mut b = ev(1, Plover::CONSULT, &[], &[]);
        b.actor = vec![Arg {
            entity: None,
            span: second,
        }];
        let out = merge_events(vec![a.clone(), b], &[MentionInfo::default(); 2], text);
        assert_eq!(out.len(), 1);
        // Other words are another party.
        let mut c = ev(1, Plover::CONSULT, &[], &[]);
        c.actor = vec![Arg {
            entity: None,
            span: at("الشركة", second.end),
        }];
        let out = merge_events(vec![a, c], &[MentionInfo::default(); 2], text);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn shared_party_merges_and_keeps_reported_stance() {
        // The source comes with the same telling (next sentence).
        let a = ev(0, Plover::ASSAULT, &[1], &[2]);
        let mut b = ev(1, Plover::ASSAULT, &[1], &[]);
        b.attribution = Attribution {
            stance: Stance::Reported,
            by: Some(Arg {
                entity: None,
                span: Span::new(500, 510),
            }),
            cue: None,
        };
        b.disputed_by.push(Dispute {
            by: Arg {
                entity: Some(7),
                span: Span::new(600, 605),
            },
            stance: Stance::Denied,
            cue: None,
        });
        let out = merge_events(vec![a, b], &[MentionInfo::default(); 2], "");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].attribution.stance, Stance::Reported);
        assert_eq!(out[0].disputed_by.len(), 1);
        assert_eq!(out[0].sentence, 0);
    }

    #[test]
    fn conflicting_parties_or_dates_stay_apart() {
        let a = ev(0, Plover::COERCE, &[1], &[2]);
        let b = ev(1, Plover::COERCE, &[1], &[3]);
        assert_eq!(
            merge_events(vec![a, b], &[MentionInfo::default(); 2], "").len(),
            2
        );
        let mut a = ev(0, Plover::ASSAULT, &[1], &[]);
        let mut b = ev(1, Plover::ASSAULT, &[1], &[]);
        a.date = Some(EventDate {
            time: Some(0),
            value: "2015-08-01".into(),
            inferred: false,
            reported: false,
        });
        b.date = Some(EventDate {
            time: Some(1),
            value: "2015-08-03".into(),
            inferred: false,
            reported: false,
        });
        assert_eq!(
            merge_events(vec![a, b], &[MentionInfo::default(); 2], "").len(),
            2
        );
    }

    #[test]
    fn demonstrative_reference_merges_and_bare_events_are_dropped() {
        let a = ev(0, Plover::ASSAULT, &[1], &[2]);
        let b = ev(4, Plover::ASSAULT, &[5], &[]);
        let info = [
            MentionInfo::default(),
            MentionInfo {
                anaphoric: true,
                nominal: true,
                head: None,
                casualty: false,
                definite: false,
                connective: None,
                purpose: false,
                other: false,
                claimed: false,
            },
        ];
        let out = merge_events(vec![a, b], &info, "");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].actor.len(), 2);
        let lone = ev(9, Plover::MOBILIZE, &[], &[]);
        assert!(merge_events(vec![lone], &[MentionInfo::default()], "").is_empty());
    }

    #[test]
    fn a_claim_names_an_attack_told_before() {
        use rasd_doc::Stage;
        let events = |text: &str| {
            let b = crate::testing::DocBuilder::new(text)
                .entity(rasd_doc::EntityType::ORG, &["حركة طالبان"])
                .entity(rasd_doc::EntityType::LOC, &["كابول", "صنعاء"]);
            let mut doc = b.build();
            crate::EventCoder.process(&mut doc);
            crate::Attributor.process(&mut doc);
            doc.events
        };
        // Sentences after the lede, «أعلنت حركة طالبان المسؤولية عن هجوم» is that attack.
        let lede = "انفجرت سيارة ملغومة قرب مطار كابول مما أسفر عن مقتل خمسة أشخاص. \
                    وقال شهود إن الانفجار دمر عدة سيارات. وقالت الشرطة إن التحقيق بدأ. \
                    ولم يعلق المسؤولون على الأمر. ";
        let ev = events(&format!(
            "{lede}وأعلنت حركة طالبان المسؤولية عن هجوم في المدينة."
        ));
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].actor.len(), 1, "{ev:#?}");
        // After «إلى ذلك» (in other news) the claim is of another attack.
        let ev = events(&format!(
            "{lede}إلى ذلك، أعلنت حركة طالبان المسؤولية عن تفجير سيارة في صنعاء."
        ));
        assert_eq!(ev.len(), 2, "{ev:#?}");
    }

    #[test]
    fn casualties_in_a_definite_attack_retell_the_attack_told() {
        use rasd_doc::Stage;
        // The first telling names the country, the next a province of it: only a mention
        // that refers back may name another place of the same country.
        let events = |second: &str| {
            let text = format!("هاجم مسلحون مركزا للشرطة في الهند أمس. {second}");
            let mut doc = crate::testing::DocBuilder::new(&text)
                .country(&["الهند"], "IND")
                .entity_of(rasd_doc::EntityType::LOC, &["البنجاب"], "IND")
                .build();
            crate::EventCoder.process(&mut doc);
            crate::Attributor.process(&mut doc);
            doc.events
        };
        for cause in ["في الهجوم", "جراء الهجوم", "بالهجوم"] {
            let ev = events(&format!(
                "وقتل شرطيان وثلاثة مدنيين {cause} في ولاية البنجاب."
            ));
            assert_eq!(ev.len(), 1, "{cause}: {ev:#?}");
            assert!(ev[0].recipient.len() >= 2, "{cause}: {ev:#?}");
        }
        // An indefinite attack may be another one; a war's toll is no attack's.
        for cause in ["في هجوم", "في الحرب", "خلال المعارك"] {
            let ev = events(&format!(
                "وقتل شرطيان وثلاثة مدنيين {cause} في ولاية البنجاب."
            ));
            assert_eq!(ev.len(), 2, "{cause}: {ev:#?}");
        }
    }

    #[test]
    fn a_site_alone_needs_a_place() {
        use rasd_doc::Stage;
        let events = |text: &str, place: &[&str]| {
            let mut b = crate::testing::DocBuilder::new(text);
            if !place.is_empty() {
                b = b.entity(rasd_doc::EntityType::LOC, place);
            }
            let mut doc = b.build();
            crate::EventCoder.process(&mut doc);
            crate::Attributor.process(&mut doc);
            doc.events
        };
        // An attack on a site somewhere is an event; a site alone («لضرب معسكر») is as
        // often a purpose or a habit.
        let ev = events("وقع هجوم انتحاري على مسجد في الكويت.", &["الكويت"]);
        assert_eq!(ev.len(), 1, "{ev:#?}");
        assert_eq!(ev[0].recipient.len(), 1);
        assert!(events("وكانت الغارة لضرب معسكر للتدريب.", &[]).is_empty());
    }

    #[test]
    fn casualties_without_a_doer_continue_the_attack() {
        let a = ev(0, Plover::ASSAULT, &[1], &[2]);
        let b = ev(1, Plover::ASSAULT, &[], &[3]);
        let info = [
            MentionInfo::default(),
            MentionInfo {
                casualty: true,
                definite: false,
                ..Default::default()
            },
        ];
        let out = merge_events(vec![a.clone(), b.clone()], &info, "");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].recipient.len(), 2);
        // Three sentences later it is another event.
        let mut far = b;
        far.sentence = 4;
        assert_eq!(merge_events(vec![a, far], &info, "").len(), 2);
    }

    #[test]
    fn different_types_never_merge() {
        let a = ev(0, Plover::ASSAULT, &[1], &[2]);
        let b = ev(0, Plover::COERCE, &[1], &[2]);
        assert_eq!(
            merge_events(vec![a, b], &[MentionInfo::default(); 2], "").len(),
            2
        );
    }

    #[test]
    fn definite_noun_mention_refers_back_to_the_told_event() {
        // «… قتل مسلحون شرطيين. … وأسفر الهجوم عن مقتل اثنين»: «الهجوم» is the same attack
        // within two sentences, or further back when it repeats the noun, as long as nothing
        // conflicts.
        let a = ev(0, Plover::ASSAULT, &[1], &[2]);
        let mut b = ev(2, Plover::ASSAULT, &[], &[]);
        b.size.dead = Some(2.0);
        let c = ev(3, Plover::ASSAULT, &[8], &[9]);
        let def = MentionInfo {
            nominal: true,
            definite: true,
            ..MentionInfo::default()
        };
        let out = merge_events(
            vec![a.clone(), b.clone(), c],
            &[MentionInfo::default(), def, def],
            "",
        );
        assert_eq!(out.len(), 2, "{out:#?}");
        assert_eq!(out[0].size.dead, Some(2.0));
        // Without the article the mention stays apart.
        let plain = MentionInfo {
            nominal: true,
            ..MentionInfo::default()
        };
        let out = merge_events(
            vec![a.clone(), b.clone()],
            &[MentionInfo::default(), plain],
            "",
        );
        assert_eq!(out.len(), 2);
        // Far back only with the same noun.
        let mut far = b;
        far.sentence = 8;
        let out = merge_events(
            vec![a.clone(), far.clone()],
            &[MentionInfo::default(), def],
            "",
        );
        assert_eq!(out.len(), 2);
        let head = MentionInfo {
            head: Some("هجوم"),
            ..MentionInfo::default()
        };
        let def_head = MentionInfo {
            head: Some("هجوم"),
            ..def
        };
        let out = merge_events(vec![a, far], &[head, def_head], "");
        assert_eq!(out.len(), 1);
    }

    #[test]
    fn definite_reference_may_name_another_place_of_the_same_country() {
        let place = |e: usize| Arg {
            entity: Some(e),
            span: Span::new(e * 1000, e * 1000 + 4),
        };
        let mut a = ev(0, Plover::ASSAULT, &[1], &[]);
        a.location.push(place(20));
        let mut b = ev(2, Plover::ASSAULT, &[], &[2]);
        b.location.push(place(21));
        let mut places: Vec<Place> = vec![Place::default(); 22];
        places[20].country = Some("TUR");
        places[21].country = Some("TUR");
        let def = MentionInfo {
            nominal: true,
            definite: true,
            ..MentionInfo::default()
        };
        let infos = [MentionInfo::default(), def];
        let out = merge_events_in(vec![a.clone(), b.clone()], &infos, "", &places);
        assert_eq!(out.len(), 1);
        // Places in different countries keep them apart.
        places[21].country = Some("IRQ");
        let out = merge_events_in(vec![a, b], &infos, "", &places);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn two_attacks_told_in_one_village_close_by_are_one() {
        // «بعد مقتل مواطنين في قرية زاركلي» … «مقتل ستة أشخاص … في قرية زاركلي»: no
        // party shared, the same village.
        let place = |e: usize| Arg {
            entity: Some(e),
            span: Span::new(e * 1000, e * 1000 + 4),
        };
        let mut a = ev(0, Plover::ASSAULT, &[], &[2]);
        a.location.push(place(20));
        let mut b = ev(2, Plover::ASSAULT, &[1], &[]);
        b.location.push(place(20));
        let mut places: Vec<Place> = vec![Place::default(); 21];
        let infos = [MentionInfo::default(); 2];
        // A city sees many attacks: two mentions there stay apart.
        let out = merge_events_in(vec![a.clone(), b.clone()], &infos, "", &places);
        assert_eq!(out.len(), 2);
        places[20].local = true;
        let out = merge_events_in(vec![a.clone(), b.clone()], &infos, "", &places);
        assert_eq!(out.len(), 1);
        // «هجوم آخر» in the same village is another attack.
        let other = MentionInfo {
            other: true,
            ..MentionInfo::default()
        };
        let out = merge_events_in(
            vec![a.clone(), b.clone()],
            &[MentionInfo::default(), other],
            "",
            &places,
        );
        assert_eq!(out.len(), 2);
        // Three sentences on, the village names another attack.
        let mut far = b;
        far.sentence = 3;
        let out = merge_events_in(vec![a, far], &infos, "", &places);
        assert_eq!(out.len(), 2);
    }

    #[test]
    fn definite_mention_with_another_date_is_another_event() {
        let mut a = ev(0, Plover::ASSAULT, &[1], &[2]);
        a.date = Some(EventDate {
            time: None,
            value: "2015-07-23".into(),
            inferred: true,
            reported: false,
        });
        let mut b = ev(4, Plover::ASSAULT, &[], &[]);
        b.size.dead = Some(100.0);
        b.date = Some(EventDate {
            time: Some(0),
            value: "2013".into(),
            inferred: false,
            reported: false,
        });
        let def = MentionInfo {
            nominal: true,
            definite: true,
            ..MentionInfo::default()
        };
        let out = merge_events(vec![a, b], &[MentionInfo::default(), def], "");
        assert_eq!(out.len(), 2, "{out:#?}");
    }

    #[test]
    fn a_lede_without_parties_takes_the_next_sentences_telling() {
        let mut a = ev(0, Plover::ASSAULT, &[], &[]);
        a.size.dead = Some(2.0);
        let b = ev(1, Plover::ASSAULT, &[1], &[2]);
        let out = merge_events(vec![a.clone(), b.clone()], &[MentionInfo::default(); 2], "");
        assert_eq!(out.len(), 1, "{out:#?}");
        assert_eq!(out[0].size.dead, Some(2.0));
        let mut far = b;
        far.sentence = 4;
        // Only the lede: a bare event further on is not completed by the next sentence.
        let mut later = a.clone();
        later.sentence = 6;
        let mut next = ev(7, Plover::ASSAULT, &[1], &[2]);
        next.sentence = 7;
        assert_eq!(
            merge_events(vec![later, next], &[MentionInfo::default(); 2], "").len(),
            2
        );
        assert_eq!(
            merge_events(vec![a, far], &[MentionInfo::default(); 2], "").len(),
            2
        );
    }

    #[test]
    fn a_round_up_lede_does_not_take_a_later_paragraphs_parties() {
        // «لقي عدد … مصرعهم» (no parties), casualties in the next sentences merge into it,
        // but a telling with its own parties two paragraphs on is another event, even
        // though each casualty mention was «near» the one before.
        let mut lede = ev(0, Plover::ASSAULT, &[], &[]);
        lede.size.dead = Some(3.0);
        let c1 = ev(1, Plover::ASSAULT, &[], &[]);
        let c2 = ev(2, Plover::ASSAULT, &[], &[]);
        let told = ev(3, Plover::ASSAULT, &[1], &[2]);
        let casualty = MentionInfo {
            casualty: true,
            ..MentionInfo::default()
        };
        let out = merge_events(vec![lede, c1, c2, told], &[casualty; 4], "");
        assert_eq!(out.len(), 2, "{out:#?}");
    }

    #[test]
    fn a_distant_source_does_not_turn_an_assertion_into_a_report() {
        let a = ev(0, Plover::ASSAULT, &[1], &[2]);
        let mut b = ev(5, Plover::ASSAULT, &[1], &[]);
        b.attribution = Attribution {
            stance: Stance::Reported,
            by: Some(Arg {
                entity: Some(9),
                span: Span::new(900, 905),
            }),
            cue: None,
        };
        let out = merge_events(vec![a.clone(), b.clone()], &[MentionInfo::default(); 2], "");
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].attribution.stance, Stance::Asserted);
        // In the next sentence the source is the event's.
        b.sentence = 1;
        let out = merge_events(vec![a, b], &[MentionInfo::default(); 2], "");
        assert_eq!(out[0].attribution.stance, Stance::Reported);
    }

    #[test]
    fn the_same_class_of_victims_told_again_close_by_is_one_event() {
        let text = "نفت البعثة قتل 20 مدنيا. وقالت مصادر إن القوات قتلت المدنيين. \
                    وأصيب سبعة آخرين. وقتل 3 آخرين في حلب.";
        let with_rcp = |s: usize, w: &str, nth: usize| attack(text, s, w, nth, None);
        let a = with_rcp(0, "20 مدنيا", 0);
        let b = with_rcp(1, "المدنيين", 0);
        let info = [MentionInfo::default(); 2];
        assert_eq!(merge_events(vec![a.clone(), b], &info, text).len(), 1);
        // Words that count anybody («آخرين») name no class.
        let c = with_rcp(2, "سبعة آخرين", 0);
        let d = with_rcp(3, "3 آخرين", 0);
        assert_eq!(merge_events(vec![c, d], &info, text).len(), 2);
        // Too far apart.
        let far = with_rcp(4, "المدنيين", 0);
        assert_eq!(merge_events(vec![a, far], &info, text).len(), 2);
        // The dual in either case is the same class («جنديان» … «جنديين»).
        let text = "قتل جنديان في كمين. وقالت الحكومة إن الكمين أدى إلى مقتل جنديين.";
        let a = attack(text, 0, "جنديان", 0, Some(2.0));
        let b = attack(text, 1, "جنديين", 0, Some(2.0));
        assert_eq!(merge_events(vec![a, b], &info, text).len(), 1);
    }

    /// An attack mention of sentence `s` whose recipient is the `nth` occurrence of `w`
    /// in `text`, with a death toll.
    fn attack(text: &str, s: usize, w: &str, nth: usize, dead: Option<f64>) -> Event {
        let at = text.match_indices(w).nth(nth).map_or(0, |(i, _)| i);
        let mut e = ev(s, Plover::ASSAULT, &[], &[]);
        e.recipient.push(Arg {
            entity: None,
            span: Span::new(at, at + w.len()),
        });
        e.size.dead = dead;
        e
    }

    #[test]
    fn tolls_are_no_parties_and_told_victims_refer_back() {
        let text = "قتل 21 شخصا في هجوم. وقالت الوزارة إن الأشخاص الذين قتلوا مدنيون. \
                    وأصيب سبعة جنود.";
        let info = [MentionInfo::default(); 2];
        // «الأشخاص» (counted before, with the article) tells the attack of «21 شخصا» again.
        let a = attack(text, 0, "21 شخصا", 0, Some(21.0));
        let b = attack(text, 1, "الأشخاص", 0, None);
        assert_eq!(merge_events(vec![a.clone(), b], &info, text).len(), 1);
        // Soldiers are a party: a verb mention naming them is not that telling.
        let c = attack(text, 2, "سبعة جنود", 0, None);
        assert_eq!(merge_events(vec![a, c], &info, text).len(), 2);
    }

    #[test]
    fn the_same_death_toll_is_the_same_attack() {
        let text = "قتل 21 شخصا في قندوز. وقال المتحدث إن الهجوم الانتحاري أسفر عن استشهاد 21 \
                    مدنيا. وقتل خمسة مدنيين في لوغار. وقتل خمسة جنود.";
        let info = [MentionInfo::default(); 2];
        // Different descriptors and a different doer («انتحاري»), one toll: one attack.
        let mut a = attack(text, 0, "21 شخصا", 0, Some(21.0));
        a.actor = vec![Arg {
            entity: Some(7),
            span: Span::new(900, 905),
        }];
        let mut b = attack(text, 1, "21 مدنيا", 0, Some(21.0));
        b.actor = vec![Arg {
            entity: None,
            span: Span::new(910, 915),
        }];
        assert_eq!(merge_events(vec![a, b], &info, text).len(), 1);
        // The same toll of different classes of people is two attacks.
        let c = attack(text, 2, "خمسة مدنيين", 0, Some(5.0));
        let d = attack(text, 3, "خمسة جنود", 0, Some(5.0));
        assert_eq!(merge_events(vec![c.clone(), d], &info, text).len(), 2);
        // Small tolls coincide too often to tell.
        let mut e = c.clone();
        e.size.dead = Some(2.0);
        let mut f = attack(text, 3, "21 شخصا", 0, Some(2.0));
        f.sentence = 3;
        assert_eq!(merge_events(vec![e, f], &info, text).len(), 2);
    }

    #[test]
    fn differing_tolls_part_a_series_but_not_one_told_attack() {
        let text = "قتل 43 شخصا في تفجير. وكانت حصيلة للتفجير أفادت عن مقتل 34 شخصا. \
                    ويعد التفجير الأحدث في سلسلة الهجمات بعد مقتل 34 شخصا في جومب.";
        let a = attack(text, 0, "43 شخصا", 0, Some(43.0));
        let definite = MentionInfo {
            nominal: true,
            definite: true,
            ..MentionInfo::default()
        };
        let at = |w: &str| {
            let i = text.find(w).unwrap_or(0);
            Span::new(i, i + w.len())
        };
        // «للتفجير» (one attack, with the article) updates the toll of the attack told.
        let mut b = attack(text, 1, "34 شخصا", 0, Some(34.0));
        b.trigger = at("للتفجير");
        let info = [MentionInfo::default(), definite];
        assert_eq!(merge_events(vec![a.clone(), b], &info, text).len(), 1);
        // «الهجمات» (a series) with another toll is another attack.
        let mut c = attack(text, 2, "34 شخصا", 1, Some(34.0));
        c.trigger = at("الهجمات");
        assert_eq!(merge_events(vec![a, c], &info, text).len(), 2);
    }

    #[test]
    fn a_date_of_the_report_only_bounds_the_event() {
        let date = |v: &str, reported: bool| {
            Some(EventDate {
                time: Some(0),
                value: v.into(),
                inferred: false,
                reported,
            })
        };
        let definite = MentionInfo {
            nominal: true,
            definite: true,
            head: Some("اشتباك"),
            ..MentionInfo::default()
        };
        let info = [definite; 2];
        // «قال مسؤولون أمس إن … اشتباكات» … «إن الاشتباكات تفجرت قبل أربعة أيام».
        let mut a = ev(0, Plover::ASSAULT, &[1], &[]);
        a.date = date("2015-07-21", true);
        let mut b = ev(3, Plover::ASSAULT, &[], &[2]);
        b.date = date("2015-07-18", false);
        let out = merge_events(vec![a.clone(), b.clone()], &info, "");
        assert_eq!(out.len(), 1);
        // The merged event takes the date of the event's own telling.
        assert_eq!(
            out[0].date.as_ref().map(|d| d.value.as_str()),
            Some("2015-07-18")
        );
        // A mention dated after the report tells another event; so does one dated apart
        // from a date of the event itself.
        let mut later = b.clone();
        later.date = date("2015-07-25", false);
        assert_eq!(merge_events(vec![a.clone(), later], &info, "").len(), 2);
        a.date = date("2015-07-21", false);
        assert_eq!(merge_events(vec![a, b], &info, "").len(), 2);
    }

    #[test]
    fn casualties_after_a_temporal_connective_recall_another_event() {
        let text = "قتل ضابط في هجوم. ويأتي الهجوم بعد أيام على مقتل سبعة جنود. وأصيب ثلاثة.";
        let casualty = MentionInfo {
            nominal: true,
            casualty: true,
            ..MentionInfo::default()
        };
        let after = text.find("بعد").unwrap_or(0);
        let a = attack(text, 0, "ضابط", 0, Some(1.0));
        let mut b = attack(text, 1, "سبعة جنود", 0, Some(7.0));
        b.trigger = Span::new(after + 20, after + 24);
        let governed = MentionInfo {
            connective: Some(after),
            ..casualty
        };
        // Without the connective the casualties would continue the attack.
        let out = merge_events(vec![a.clone(), b.clone()], &[casualty, casualty], text);
        assert_eq!(out.len(), 1);
        let out = merge_events(vec![a.clone(), b.clone()], &[casualty, governed], text);
        assert_eq!(out.len(), 2);
        // Nor do later casualties join the recalled event.
        let mut c = ev(2, Plover::ASSAULT, &[], &[]);
        c.size.injured = Some(3.0);
        let wounded = MentionInfo {
            casualty: true,
            ..MentionInfo::default()
        };
        let out = merge_events(vec![b.clone(), c.clone()], &[casualty, wounded], text);
        assert_eq!(out.len(), 1);
        let out = merge_events(vec![b, c], &[governed, wounded], text);
        assert_eq!(out.len(), 2);
    }

    /// A date of a mention, read from the text (`inferred` false) or from the publication.
    fn date(v: &str, inferred: bool) -> Option<EventDate> {
        Some(EventDate {
            time: (!inferred).then_some(0),
            value: v.into(),
            inferred,
            reported: false,
        })
    }

    #[test]
    fn the_document_date_does_not_set_a_dated_retelling_apart() {
        // «قتل 21 شخصا في هجوم» (dated by Monday's paper) … «الهجوم الذي وقع مساء السبت».
        let definite = MentionInfo {
            nominal: true,
            definite: true,
            ..MentionInfo::default()
        };
        let mut a = ev(0, Plover::ASSAULT, &[1], &[]);
        a.date = date("2015-08-10", true);
        let mut b = ev(1, Plover::ASSAULT, &[], &[2]);
        b.size.dead = Some(21.0);
        b.date = date("2015-08-08TEV", false);
        let info = [MentionInfo::default(), definite];
        assert_eq!(merge_events(vec![a.clone(), b.clone()], &info, "").len(), 1);
        // A date in another month («الهجمات … منذ 2013») is another event.
        b.date = date("2013", false);
        assert_eq!(merge_events(vec![a, b], &info, "").len(), 2);
    }

    #[test]
    fn an_event_dated_weeks_from_an_undated_one_is_another() {
        // «اشتبكت القوات مع مسلحي داعش» (dated by the paper) … «وأطلقت القوات في أبريل
        // عملية عسكرية»: the same forces, a campaign of another month.
        let mut a = ev(0, Plover::ASSAULT, &[1], &[2]);
        a.date = date("2015-07-21", true);
        let mut b = ev(1, Plover::ASSAULT, &[1], &[]);
        b.date = date("2015-04", false);
        let info = [MentionInfo::default(); 2];
        assert_eq!(merge_events(vec![a.clone(), b.clone()], &info, "").len(), 2);
        // A day of the same week is when the undated telling happened too («الأحد»).
        b.date = date("2015-07-19", false);
        assert_eq!(merge_events(vec![a.clone(), b.clone()], &info, "").len(), 1);
        // A mention that points back («العملية») is the event told before, whatever its date.
        b.date = date("2015-04", false);
        let definite = MentionInfo {
            nominal: true,
            definite: true,
            ..MentionInfo::default()
        };
        let info = [MentionInfo::default(), definite];
        assert_eq!(merge_events(vec![a, b], &info, "").len(), 1);
    }

    #[test]
    fn days_between_calendar_days_only() {
        assert_eq!(days_between("2015-07-21", "2015-07-21"), Some(0));
        assert_eq!(days_between("2015-06-30", "2015-07-21"), Some(21));
        assert_eq!(days_between("2015-07-21", "2015-06-30"), Some(21));
        assert_eq!(days_between("2015-07", "2015-07-21"), None);
        assert_eq!(days_between("2015-07-21TEV", "2015-07-21"), None);
        assert_eq!(days_between("20x5-07-21", "2015-07-21"), None);
    }
}
