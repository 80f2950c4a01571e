//! The times stage: a grammar over tokens that finds temporal expressions and
//! normalises them to TIMEX3 values anchored on the document's publication date.
//!
//! At each token the tagger tries every rule and keeps the longest match, then moves past
//! it, so expressions never overlap. Rules are small functions over the token view
//! ([`crate::num::Toks`]): dates of every month system («24 أكتوبر 2013», «15 رمضان
//! 1435هـ», «كانون الثاني»), years, decades, centuries, seasons, weekdays, deictic days
//! («أمس»), parts of day, relative periods («الأسبوع الماضي»), counted offsets («قبل
//! يومين», «بعد عامين»), durations («منذ أسبوع»), modifiers, ranges, clock times and sets.
//!
//! Resolution policy:
//! * Partial dates take their year from `published`, preferring the past (a news report
//!   looks back) unless the sentence is in the future tense or the date falls within a
//!   few weeks after publication.
//! * A bare weekday is the most recent such day on or before `published`; «الماضي» makes
//!   it strictly before, «المقبل/القادم» (or a future-tense sentence) after.
//! * «بعد عامين» counts from the last explicit date of the same or the previous sentence
//!   (the narrative anchor), else from `published`.
//! * Without `published`, nothing is guessed: partial dates keep `XXXX` (`XXXX-05-28`),
//!   weekdays `XXXX-WXX-5`, and deictic or relative expressions become `PAST_REF`,
//!   `PRESENT_REF` or `FUTURE_REF`.
//! * Ages («71 سنة» after a name) are left to the quantities stage.

use crate::cal::{self, fmt_day, fmt_month, fmt_year, iso_week};
use crate::lex::{self, Cal, Cnt, Deictic, Fw, Info, Mod, MonthHead, Pod, Rel, Season, TUnit};
use crate::num::{cardinal, fmt_num, ordinal, Toks};
use jiff::civil::Date;
use rasd_doc::{Document, Span, Stage, Time, TimeType};
use rasd_text::fold;
use std::sync::LazyLock;

/// The times stage: fills `doc.times` (sorted, non-overlapping). Needs tokens.
#[derive(Debug, Default, Clone, Copy)]
pub struct TimeTagger;

impl Stage for TimeTagger {
    fn name(&self) -> &'static str {
        "times"
    }

    fn process(&self, doc: &mut Document) {
        let inf = lex::analyse(doc);
        let times = tag(doc, &inf);
        doc.times = times;
    }
}

/// Granularity of a resolved date, for anchoring later offsets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Gran {
    Day,
    Month,
    Year,
}

/// A resolved calendar anchor.
#[derive(Clone, Copy, Debug)]
struct Anchor {
    date: Date,
    gran: Gran,
}

impl Anchor {
    /// A day-level anchor.
    fn day(date: Date) -> Anchor {
        Anchor {
            date,
            gran: Gran::Day,
        }
    }
}

/// The value, anchor and day of a resolved calendar day.
fn day_reading(d: Date) -> (String, Option<Anchor>, Option<Date>) {
    (fmt_day(d), Some(Anchor::day(d)), Some(d))
}

/// One time expression found over tokens `start..end`.
#[derive(Clone, Debug)]
struct Hit {
    start: usize,
    end: usize,
    ttype: TimeType,
    value: String,
    modifier: Option<&'static str>,
    /// The calendar date it names, when it names one explicitly.
    anchor: Option<Anchor>,
}

impl Hit {
    fn new(start: usize, end: usize, ttype: TimeType, value: String) -> Hit {
        Hit {
            start,
            end,
            ttype,
            value,
            modifier: None,
            anchor: None,
        }
    }
}

/// How a holiday's date is found.
#[derive(Clone, Copy, Debug)]
enum Holiday {
    /// Fixed Gregorian month and day.
    Greg(u8, u8),
    /// Fixed Hijri month and day.
    Hijri(u8, u8),
    /// The n-th ISO weekday of a Gregorian month.
    NthWeekday(u8, u8, u8),
    /// Western Easter Sunday (the Gregorian computus).
    Easter,
    /// A day whose date depends on the country («عيد الاستقلال»): found, left
    /// unresolved (`XXXX-XX-XX`).
    National,
}

/// Holiday names (folded words) and their rule.
static HOLIDAYS: LazyLock<Vec<(Vec<String>, Holiday)>> = LazyLock::new(|| {
    let list: &[(&str, Holiday)] = &[
        ("عيد الفطر", Holiday::Hijri(10, 1)),
        ("عيد الأضحى", Holiday::Hijri(12, 10)),
        ("عيد الاضحى", Holiday::Hijri(12, 10)),
        ("يوم عرفة", Holiday::Hijri(12, 9)),
        ("وقفة عرفات", Holiday::Hijri(12, 9)),
        ("المولد النبوي", Holiday::Hijri(3, 12)),
        ("رأس السنة الهجرية", Holiday::Hijri(1, 1)),
        ("عاشوراء", Holiday::Hijri(1, 10)),
        ("ليلة القدر", Holiday::Hijri(9, 27)),
        ("الإسراء والمعراج", Holiday::Hijri(7, 27)),
        ("عيد الميلاد المجيد", Holiday::Greg(12, 25)),
        ("عيد الميلاد", Holiday::Greg(12, 25)),
        ("الكريسماس", Holiday::Greg(12, 25)),
        ("ليلة رأس السنة الجديدة", Holiday::Greg(12, 31)),
        ("ليلة رأس السنة", Holiday::Greg(12, 31)),
        ("رأس السنة الميلادية", Holiday::Greg(1, 1)),
        ("رأس السنة الجديدة", Holiday::Greg(12, 31)),
        ("عيد الحب", Holiday::Greg(2, 14)),
        ("عيد العمال", Holiday::Greg(5, 1)),
        ("يوم المرأة العالمي", Holiday::Greg(3, 8)),
        ("عيد الأم", Holiday::Greg(3, 21)),
        ("يوم الأرض", Holiday::Greg(3, 30)),
        ("عيد الشكر", Holiday::NthWeekday(11, 4, 4)),
        ("يوم الشكر", Holiday::NthWeekday(11, 4, 4)),
        ("يوم الأب", Holiday::NthWeekday(6, 7, 3)),
        ("عيد الأب", Holiday::NthWeekday(6, 7, 3)),
        ("يواندان", Holiday::Greg(1, 1)),
        ("عيد رأس السنة", Holiday::Greg(1, 1)),
        ("عيد الفصح", Holiday::Easter),
        ("عيد القيامة", Holiday::Easter),
        ("عيد الاستقلال", Holiday::National),
        ("يوم الاستقلال", Holiday::National),
    ];
    let mut v: Vec<(Vec<String>, Holiday)> = list
        .iter()
        .map(|(w, h)| (fold(w).split(' ').map(str::to_string).collect(), *h))
        .collect();
    v.sort_by_key(|(w, _)| std::cmp::Reverse(w.len()));
    v
});

/// First words of holiday names (folded), for the lexicon's rule-start flags.
pub(crate) fn holiday_first_words() -> Vec<String> {
    HOLIDAYS
        .iter()
        .filter_map(|(w, _)| w.first().cloned())
        .collect()
}

/// Adjectives that make «الشهر» Ramadan («الشهر الفضيل», «الشهر الكريم»), folded.
const RAMADAN_EPITHETS: &[&str] = &["الفضيل", "الكريم", "المبارك"];

/// Words that close a bare «اليوم» as *the day* rather than *today*.
static NOT_TODAY_AFTER: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "الوطني",
        "العالمي",
        "الدولي",
        "الذي",
        "المفتوح",
        "الدراسي",
        "الموعود",
        "نفسه",
        "ذاته",
        "العربي",
        "الإسلامي",
        "الكامل",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// Words that, before «الجمعة», mean the prayer, not the day.
static NOT_WEEKDAY_BEFORE: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "صلاة",
        "خطبة",
        "صلوات",
        "خطب",
        "خطيب",
        "مسجد",
        "جامع",
        "سورة",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// Explicit future markers.
static FUTURE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "سوف",
        "المقرر",
        "مقرر",
        "مقررا",
        "المرتقب",
        "مرتقب",
        "المزمع",
        "مزمع",
        "يعتزم",
        "تعتزم",
        "يعتزمون",
        "ينتظر",
        "يرتقب",
        "يتوقع",
        "المتوقع",
        "سيتم",
        "ستتم",
        "سيكون",
        "ستكون",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// Beginnings of common words that start with س + an imperfect prefix without being a
/// future verb («سياسة», «سيارة», «سيطرة», «ستة» …).
const NOT_FUTURE_PREFIXES: &[&str] = &[
    "سياس",
    "سيار",
    "سيطر",
    "سيد",
    "سير",
    "سيف",
    "سين",
    "سيول",
    "سيال",
    "ستار",
    "ستو",
    "سترا",
    "ستين",
    "ستون",
    "سته",
    "ستمائه",
    "ستمئه",
    "سنه",
    "سنو",
    "سنت",
    "سنين",
    "سني",
    "سنغ",
    "سناتور",
    "سنار",
    "سنوي",
    "سيبير",
    "سيرل",
    "ستا",
    "ستي",
];

/// Size of the `core` memo.
const MEMO: usize = 8;

/// How many tokens before an expression a future marker may stand.
const FUTURE_WINDOW: usize = 8;

fn is_future_word(w: &str) -> bool {
    // Cheap exit first: every marker starts with one of these letters.
    if !matches!(w.chars().next(), Some('س' | 'ا' | 'م' | 'ي' | 'ت')) {
        return false;
    }
    if FUTURE_WORDS.iter().any(|f| f == w) {
        return true;
    }
    let n = w.chars().count();
    if n < 5 {
        return false;
    }
    let mut cs = w.chars();
    let (Some('س'), Some(p)) = (cs.next(), cs.next()) else {
        return false;
    };
    if !matches!(p, 'ي' | 'ت' | 'ن') {
        return false;
    }
    !NOT_FUTURE_PREFIXES.iter().any(|x| w.starts_with(x))
}

/// Verbs of coming and going whose bare complement can be a time («سأعود في 15»):
/// perfect stems (with whether the stem alone is a form) and imperfect stems, folded
/// at first use. «وصل» is left out: «يصل إلى 27» is a count.
const MOTION_PERFECT: &[(&str, bool)] = &[
    ("عاد", true),
    ("عد", false),
    ("رجع", true),
    ("سافر", true),
    ("غادر", true),
    ("حضر", true),
    ("ذهب", true),
    ("خرج", true),
    ("رحل", true),
    ("جاء", true),
    ("جئ", false),
    ("أتى", true),
    ("أتي", false),
];

/// Imperfect stems of the same verbs (after the prefix أ/ي/ت/ن).
const MOTION_IMPERFECT: &[&str] = &[
    "عود", "رجع", "سافر", "غادر", "حضر", "ذهب", "خرج", "رحل", "جيء", "جيئ", "أتي",
];

/// Folded perfect stems (with whether the stem alone is a form) and imperfect stems.
type MotionStems = (Vec<(String, bool)>, Vec<String>);

static MOTION: LazyLock<MotionStems> = LazyLock::new(|| {
    (
        MOTION_PERFECT.iter().map(|(w, b)| (fold(w), *b)).collect(),
        MOTION_IMPERFECT.iter().map(|w| fold(w)).collect(),
    )
});

/// True when the folded word `w` is a form of a verb of coming or going («عدت»,
/// «سأعود», «يرحلون», «وخرجت»).
fn is_motion_verb(w: &str) -> bool {
    let (perfect, imperfect) = &*MOTION;
    let w = strip_conj(w);
    let imp = w.strip_prefix('س').unwrap_or(w);
    for pre in ['ا', 'ي', 'ت', 'ن'] {
        if let Some(r) = imp.strip_prefix(pre) {
            for suf in ["", "ون", "ان", "ين", "ن"] {
                if r.strip_suffix(suf)
                    .is_some_and(|st| imperfect.iter().any(|x| x == st))
                {
                    return true;
                }
            }
        }
    }
    ["", "ت", "وا", "نا", "تم", "ا", "تا"].iter().any(|suf| {
        w.strip_suffix(suf).is_some_and(|st| {
            perfect
                .iter()
                .any(|(x, alone)| x == st && (*alone || !suf.is_empty()))
        })
    })
}

/// Age contexts: words before a «N سنة» that make it an age.
static AGE_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "العمر",
        "عمر",
        "عمره",
        "عمرها",
        "عمرهم",
        "البالغ",
        "البالغة",
        "يبلغ",
        "تبلغ",
        "بلغ",
        "ابن",
        "ابنة",
        "بعمر",
        "سن",
        "السن",
        "بسن",
        "ذو",
        "ذات",
        "يناهز",
        "ناهز",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// True when the number + year-unit at tokens `num_start..unit_end` is an age.
pub(crate) fn is_age(t: &Toks<'_>, num_start: usize, unit_end: usize) -> bool {
    // An age word shortly before.
    for k in num_start.saturating_sub(3)..num_start {
        if !t.same_sentence(k, num_start) {
            continue;
        }
        let w = t.norm(k);
        let base = w.strip_prefix('و').unwrap_or(w);
        if AGE_WORDS.iter().any(|a| a == w || a == base) {
            return true;
        }
    }
    // «من العمر» / «من عمره» right after.
    if t.fw(unit_end) == Some(Fw::Min) {
        let w = t.norm(unit_end + 1);
        if w.starts_with("العمر") || w.starts_with("عمر") {
            return true;
        }
    }
    // Apposition between commas or in parentheses: «حفتر ،71 سنة ،».
    let before = num_start
        .checked_sub(1)
        .is_some_and(|k| t.punct_in(k, &['،', ',', '(']));
    let after = t.punct_in(unit_end, &['،', ',', ')', '-']);
    before && after
}

struct Cx<'a> {
    t: Toks<'a>,
    pubd: Option<Date>,
    hits: Vec<Hit>,
    /// The last few `core` readings: several rules ask for the core at the same token.
    memo: std::cell::RefCell<Vec<(usize, bool, Option<Core>)>>,
}

/// Finds the time expressions of `doc` given its lexicon analysis.
pub(crate) fn tag(doc: &Document, inf: &[Info]) -> Vec<Time> {
    let t = Toks { doc, inf };
    let mut cx = Cx {
        t,
        pubd: doc.meta.published,
        hits: Vec::new(),
        memo: std::cell::RefCell::new(Vec::with_capacity(MEMO)),
    };
    let n = cx.t.len();
    let mut i = 0;
    while i < n {
        // Only words that can start a rule (and numbers) are tried.
        let inf = cx.t.info(i);
        let start = inf.e.is_some_and(|e| e.tstart)
            || doc
                .tokens
                .get(i)
                .is_some_and(|t| t.kind == rasd_doc::TokenKind::Number);
        // Very common function words (في، من، هذا …) start a rule only before a word
        // that can continue it.
        if !start || (cx.weak(i) && !cx.continues(i + 1)) {
            i += 1;
            continue;
        }
        match cx.best_at(i) {
            Some(hs) if !hs.is_empty() => {
                let end = hs.iter().map(|h| h.end).max().unwrap_or(i + 1).max(i + 1);
                cx.hits.extend(hs);
                // Readings may depend on the hits so far (narrative anchors).
                cx.memo.borrow_mut().clear();
                i = end;
            }
            _ => i += 1,
        }
    }
    let toks = &doc.tokens;
    let mut out: Vec<Time> = Vec::with_capacity(cx.hits.len());
    for h in cx.hits {
        let (Some(a), Some(b)) = (toks.get(h.start), toks.get(h.end.saturating_sub(1))) else {
            continue;
        };
        let span = Span::new(a.span.start, b.span.end);
        if span.is_empty() || out.last().is_some_and(|l: &Time| l.span.end > span.start) {
            continue;
        }
        out.push(Time {
            span,
            ttype: h.ttype,
            value: h.value,
            modifier: h.modifier.map(str::to_string),
        });
    }
    out
}

/// A core date/period reading before modifiers.
#[derive(Clone, Debug)]
struct Core {
    end: usize,
    ttype: TimeType,
    value: String,
    anchor: Option<Anchor>,
    /// Day-level date it resolves to (parts of day and clock times attach to it).
    day: Option<Date>,
    /// True when the core can take a modifier (month, year, week …).
    modifiable: bool,
    /// A day of the week it names, for weekdays said with their week.
    week_of: Option<Date>,
    /// A modifier word before it («منتصف», «مطلع» …).
    modifier: Option<Mod>,
}

impl Core {
    /// A calendar day ending at token `end`: its value, day and anchor.
    fn on_day(end: usize, d: Date) -> Core {
        let mut c = Core::simple(end, TimeType::DATE, fmt_day(d));
        c.day = Some(d);
        c.anchor = Some(Anchor::day(d));
        c
    }

    fn simple(end: usize, ttype: TimeType, value: String) -> Core {
        Core {
            end,
            ttype,
            value,
            anchor: None,
            day: None,
            modifiable: false,
            week_of: None,
            modifier: None,
        }
    }
}

fn unit_code(u: TUnit) -> (&'static str, bool, f64) {
    // (designator, is time part, multiplier)
    match u {
        TUnit::Second => ("S", true, 1.0),
        TUnit::Minute => ("M", true, 1.0),
        TUnit::Hour => ("H", true, 1.0),
        TUnit::Day => ("D", false, 1.0),
        TUnit::Week => ("W", false, 1.0),
        TUnit::Month => ("M", false, 1.0),
        TUnit::Year => ("Y", false, 1.0),
        TUnit::Decade => ("Y", false, 10.0),
        TUnit::Century => ("Y", false, 100.0),
    }
}

/// The word without a leading conjunction و/ف.
fn strip_conj(w: &str) -> &str {
    match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(r) if r.chars().count() >= 3 => r,
        _ => w,
    }
}

/// The Monday of the ISO week holding `d`.
fn monday_of(d: Date) -> Option<Date> {
    cal::add_days(d, 1 - cal::iso_weekday(d) as i64)
}

/// The 24-hour clock hour of `h` said with a part of day.
fn adjust_hour(h: u32, pod: Option<Pod>) -> u32 {
    let h = match pod {
        Some(Pod::Af) | Some(Pod::Ev) if h < 12 => h + 12,
        Some(Pod::Ni) if (6..12).contains(&h) => h + 12,
        Some(Pod::Ni) | Some(Pod::Mo) if h == 12 => 0,
        _ => h,
    };
    if h == 24 {
        0
    } else {
        h
    }
}

/// The part of day a TIMEX3 value ends with, if any.
fn pod_of(value: &str) -> Option<Pod> {
    [Pod::Mo, Pod::Af, Pod::Ev, Pod::Ni]
        .into_iter()
        .find(|p| value.ends_with(p.as_str()))
}

/// Western Easter Sunday of year `y` (the anonymous Gregorian computus).
fn easter(y: i32) -> Option<Date> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    cal::ymd(y, n / 31, n % 31 + 1)
}

/// TIMEX3 duration value: `P3D`, `PT2H`, `P20Y`, `PXD` (count `None`).
fn duration(n: Option<f64>, u: TUnit) -> String {
    let (d, time, mult) = unit_code(u);
    let t = if time { "T" } else { "" };
    match n {
        Some(n) => format!("P{t}{}{d}", fmt_num(n * mult)),
        None => format!("P{t}X{d}"),
    }
}

impl<'a> Cx<'a> {
    /// True when a future marker precedes token `i` closely in its sentence («سيعقد
    /// المؤتمر في 3 ديسمبر», «من المقرر أن ... يوم الاثنين»). A marker after the
    /// expression belongs to another clause more often than not.
    fn future_at(&self, i: usize) -> bool {
        // Checked on demand: only ambiguous dates and weekdays ask.
        (i.saturating_sub(FUTURE_WINDOW)..=i).any(|k| {
            self.t.kind(k) == Some(rasd_doc::TokenKind::Arabic) && self.t.same_sentence(k, i) && {
                let w = self.t.norm(k);
                let w = w
                    .strip_prefix('و')
                    .filter(|r| r.starts_with('س'))
                    .unwrap_or(w);
                is_future_word(w) || self.first_person_future(k)
            }
        })
    }

    /// True when the token before `i` is a preposition that takes a time (في، منذ،
    /// حتى، خلال، قبل، بعد، من، إلى) or a modifier («منتصف»). `strict` asks for the
    /// preposition without clitics and the modifier without a preposition.
    fn temporal_word_before(&self, i: usize, strict: bool) -> bool {
        let Some(k) = i.checked_sub(1) else {
            return false;
        };
        let ki = self.t.info(k);
        let prep = matches!(
            self.t.fw(k),
            Some(
                Fw::Fi
                    | Fw::Mundhu
                    | Fw::Hatta
                    | Fw::Qabl
                    | Fw::Baad
                    | Fw::Khilal
                    | Fw::Min
                    | Fw::Ila
            )
        );
        let modw = ki.entry().modw.is_some();
        if strict {
            prep && ki.bare() || modw && ki.prep == 0
        } else {
            prep || modw
        }
    }

    /// The original text of token `k`.
    fn raw(&self, k: usize) -> &str {
        self.t
            .doc
            .tokens
            .get(k)
            .map_or("", |t| self.t.doc.slice(t.span))
    }

    /// «سأعود», «وسأبقى»: the first person future (س + أ), read on the original text
    /// because folding makes the hamza a bare alif («سا» also starts «ساعة», «سابق»).
    /// «سأل» (asked) is not one.
    fn first_person_future(&self, k: usize) -> bool {
        let raw = self.raw(k);
        let raw = raw
            .strip_prefix('و')
            .or_else(|| raw.strip_prefix('ف'))
            .unwrap_or(raw);
        raw.strip_prefix("سأ")
            .is_some_and(|r| r.chars().count() >= 2 && !r.starts_with('ل'))
    }

    fn e(&self, i: usize) -> &'static lex::Entry {
        self.t.info(i).entry()
    }

    /// The last explicit date of the same or the previous sentence, for narrative offsets.
    fn narrative_anchor(&self, i: usize) -> Option<Anchor> {
        let s = self.t.doc.tokens.get(i)?.sentence;
        let h = self.hits.iter().rev().find(|h| h.anchor.is_some())?;
        let hs = self.t.doc.tokens.get(h.start)?.sentence;
        if hs + 1 >= s {
            h.anchor
        } else {
            None
        }
    }

    /// True when token `i` is only a common function word that starts a rule.
    fn weak(&self, i: usize) -> bool {
        let e = self.e(i);
        matches!(
            e.fw,
            Some(
                Fw::Fi
                    | Fw::Min
                    | Fw::Bayn
                    | Fw::This
                    | Fw::Khilal
                    | Fw::Qabl
                    | Fw::Baad
                    | Fw::Mundhu
                    | Fw::Kull
                    | Fw::For
                    | Fw::Al
            )
        ) && e.card.is_none()
            && e.tunit.is_none()
            && e.modw.is_none()
            && e.pod.is_none()
    }

    /// True when token `k` can continue a rule begun by a function word.
    fn continues(&self, k: usize) -> bool {
        let inf = self.t.info(k);
        inf.e.is_some_and(|e| {
            e.tstart
                || matches!(
                    e.fw,
                    Some(Fw::Waqt | Fw::Future | Fw::PastNoun | Fw::More | Fw::Less)
                )
        }) || self.t.kind(k) == Some(rasd_doc::TokenKind::Number)
    }

    /// Tries every rule at token `i`; returns the longest match.
    fn best_at(&self, i: usize) -> Option<Vec<Hit>> {
        let mut best: Option<Vec<Hit>> = None;
        let mut consider = |hs: Option<Vec<Hit>>| {
            if let Some(hs) = hs {
                let end = hs.iter().map(|h| h.end).max().unwrap_or(0);
                let cur = best
                    .as_ref()
                    .map(|b| b.iter().map(|h| h.end).max().unwrap_or(0))
                    .unwrap_or(0);
                if end > cur {
                    best = Some(hs);
                }
            }
        };
        consider(self.prefixed(i));
        consider(self.range(i));
        consider(self.set(i).map(|h| vec![h]));
        consider(self.refs(i).map(|h| vec![h]));
        consider(self.modified(i).map(|h| vec![h]));
        consider(self.with_clock(i));
        consider(self.noon(i).map(|h| vec![h]));
        consider(self.pod_in(i).map(|h| vec![h]));
        consider(self.week_days(i));
        consider(self.complement(i).map(|h| vec![h]));
        consider(self.for_count(i).map(|h| vec![h]));
        consider(self.nearly(i).map(|h| vec![h]));
        best
    }

    // ----- prefixes: منذ قبل بعد حتى حوالي طوال خلال -----

    fn prefixed(&self, i: usize) -> Option<Vec<Hit>> {
        let fw = self.t.fw(i)?;
        let inf = self.t.info(i);
        if inf.prep != 0 {
            return None;
        }
        let j = i + 1;
        match fw {
            Fw::Mundhu => {
                // «منذ أكثر من عام», «منذ نحو أسبوعين».
                let (k, bound) = self.count_bound(j);
                if let Some((end, n, u)) = self.count_unit(k, true) {
                    let mut h = Hit::new(i, end, TimeType::DURATION, duration(n, u));
                    h.modifier = bound;
                    return Some(vec![h]);
                }
                let c = self.core_or_modified(j)?;
                let mut h = Hit::new(i, c.end, c.ttype, c.value);
                // One `mod` only: an inner «مطلع/منتصف» says more than «منذ».
                h.modifier = Some(c.modifier.map_or("SINCE", Mod::as_str));
                h.anchor = c.anchor;
                Some(vec![h])
            }
            Fw::Qabl | Fw::Baad => {
                let back = fw == Fw::Qabl;
                // «قبل أمس», «بعد غد».
                if let Some(d) = self.e(j).deictic {
                    let off = match (back, d) {
                        (true, Deictic::Yesterday) => Some(-2),
                        (false, Deictic::Tomorrow) => Some(2),
                        _ => None,
                    };
                    if let Some(off) = off {
                        return Some(vec![self.day_offset(i, j + 1, off)]);
                    }
                }
                // «قبل أكثر من 100 عام» (earlier than that), «بعد نحو أسبوعين».
                let (k, bound) = self.count_bound(j);
                if let Some((end, n, u)) = self.count_unit(k, true) {
                    // «بعد أربع سنوات من أول زيارة», «قبل يومين من الانتخابات»: counted
                    // from another event, not from the narrative: the distance is all
                    // the expression says.
                    if self.t.fw(end) == Some(Fw::Min)
                        && !matches!(self.t.norm(end + 1), "الان" | "اليوم")
                    {
                        let mut h = Hit::new(i, end, TimeType::DURATION, duration(n, u));
                        h.modifier = bound;
                        return Some(vec![h]);
                    }
                    let mut h = self.offset(i, end, n, u, back);
                    h.modifier = match bound {
                        Some("MORE_THAN") => Some(if back { "BEFORE" } else { "AFTER" }),
                        Some("LESS_THAN") => Some(if back { "AFTER" } else { "BEFORE" }),
                        other => other,
                    };
                    return Some(vec![h]);
                }
                let c = self.core_or_modified(j)?;
                if c.ttype != TimeType::DATE && c.ttype != TimeType::TIME {
                    return None;
                }
                let mut h = Hit::new(i, c.end, c.ttype, c.value);
                h.modifier = Some(
                    c.modifier
                        .map_or(if back { "BEFORE" } else { "AFTER" }, Mod::as_str),
                );
                h.anchor = c.anchor;
                Some(vec![h])
            }
            Fw::Khilal => {
                // «خلال أسبوع», «خلال ثلاثة أيام».
                let (end, n, u) = self.count_unit(j, true)?;
                if self.t.info(j).al || self.core(j, false).is_some_and(|c| c.end > end) {
                    return None;
                }
                Some(vec![Hit::new(j, end, TimeType::DURATION, duration(n, u))])
            }
            Fw::For => {
                // «طوال اليوم», «لمدة أسبوع», «طيلة العام».
                let ti = self.t.info(j);
                if let Some((u, Cnt::One)) = ti.entry().tunit {
                    if self.t.fw(j) != Some(Fw::YearNoun) || ti.al || self.t.digits(j + 1).is_none()
                    {
                        let end = if self.t.norm(j + 1).starts_with("كامل") {
                            j + 2
                        } else {
                            j + 1
                        };
                        return Some(vec![Hit::new(
                            i,
                            end,
                            TimeType::DURATION,
                            duration(Some(1.0), u),
                        )]);
                    }
                }
                None
            }
            _ => None,
        }
    }

    /// «لشهر واحد», «ليومين», «لثلاثة أيام», «ليوم كامل»: «ل» (for) on a counted
    /// unit is a duration. The count must be said (a dual, «واحد», «كامل», a number):
    /// «لشهر رمضان» is *for the month of Ramadan*.
    fn for_count(&self, i: usize) -> Option<Hit> {
        let inf = self.t.info(i);
        if inf.prep != b'l' || inf.al || inf.conj {
            return None;
        }
        if let Some((u, Cnt::One)) = inf.entry().tunit {
            if matches!(self.t.norm(i + 1), "كامل" | "كامله" | "كاملا" | "كاملة")
            {
                return Some(Hit::new(
                    i,
                    i + 2,
                    TimeType::DURATION,
                    duration(Some(1.0), u),
                ));
            }
        }
        let (end, n, u) = self.count_unit(i, true)?;
        let n = n?;
        if let Some((_, Cnt::One)) = inf.entry().tunit {
            // A singular unit needs «واحد» after it.
            if end != i + 2 {
                return None;
            }
        }
        Some(Hit::new(i, end, TimeType::DURATION, duration(Some(n), u)))
    }

    /// «ما يقارب العام», «ما يناهز الشهر»: about one unit (a duration, APPROX). With a
    /// count («ما يقارب ثلاثة أعوام») the count says how many.
    fn nearly(&self, i: usize) -> Option<Hit> {
        if !self.nearly_at(i) {
            return None;
        }
        let j = i + 1;
        let (end, n, u) = match self.count_unit(j, false) {
            // «عن عمر يناهز 70 عاما» is an age (the quantities stage).
            Some((end, ..)) if is_age(&self.t, j, end) => return None,
            Some(x) => x,
            None => {
                let ji = self.t.info(j);
                match ji.entry().tunit {
                    Some((u, Cnt::One)) if ji.al && ji.bare() && self.e(j + 1).rel.is_none() => {
                        (j + 1, Some(1.0), u)
                    }
                    _ => return None,
                }
            }
        };
        let start = if i > 0 && self.t.norm(i - 1) == "ما" {
            i - 1
        } else {
            i
        };
        let mut h = Hit::new(start, end, TimeType::DURATION, duration(n, u));
        h.modifier = Some("APPROX");
        Some(h)
    }

    /// True at «يقارب/يناهز» (about), the verb of «ما يقارب».
    fn nearly_at(&self, i: usize) -> bool {
        self.t.info(i).bare() && matches!(self.t.norm(i), "يقارب" | "يناهز")
    }

    /// A bound before a count: «أكثر من» (MORE_THAN), «أقل من» (LESS_THAN), «نحو»,
    /// «ما يقارب» (APPROX). Returns where the count starts and the TIMEX3 modifier.
    fn count_bound(&self, j: usize) -> (usize, Option<&'static str>) {
        let inf = self.t.info(j);
        if self.t.norm(j) == "ما" && self.nearly_at(j + 1) {
            return (j + 2, Some("APPROX"));
        }
        match inf.entry().fw {
            Some(Fw::More) if self.t.fw(j + 1) == Some(Fw::Min) => (j + 2, Some("MORE_THAN")),
            Some(Fw::Less) if self.t.fw(j + 1) == Some(Fw::Min) => (j + 2, Some("LESS_THAN")),
            _ if inf.entry().modw == Some(Mod::Approx) && inf.prep == 0 => (j + 1, Some("APPROX")),
            _ => (j, None),
        }
    }

    /// A day `off` days from `published`.
    fn day_offset(&self, start: usize, end: usize, off: i64) -> Hit {
        match self.pubd.and_then(|p| cal::add_days(p, off)) {
            Some(d) => {
                let mut h = Hit::new(start, end, TimeType::DATE, fmt_day(d));
                h.anchor = Some(Anchor::day(d));
                h
            }
            None => Hit::new(
                start,
                end,
                TimeType::DATE,
                if off < 0 { "PAST_REF" } else { "FUTURE_REF" }.into(),
            ),
        }
    }

    /// «قبل يومين» / «بعد عامين»: a date `n` units before/after the anchor.
    fn offset(&self, start: usize, end: usize, n: Option<f64>, u: TUnit, back: bool) -> Hit {
        let fallback = if back { "PAST_REF" } else { "FUTURE_REF" };
        let Some(n) = n.filter(|n| n.fract() == 0.0) else {
            return Hit::new(start, end, TimeType::DATE, fallback.into());
        };
        let sign = if back { -1 } else { 1 };
        // «بعد» counts from the narrative anchor when there is one; «قبل» from now.
        let anchor = if back {
            None
        } else {
            self.narrative_anchor(start)
        };
        let (base, base_gran) = match (anchor, self.pubd) {
            (Some(a), _) => (a.date, a.gran),
            (None, Some(p)) => (p, Gran::Day),
            (None, None) => return Hit::new(start, end, TimeType::DATE, fallback.into()),
        };
        let k = n as i64 * sign;
        let (d, unit_gran) = match u {
            TUnit::Second | TUnit::Minute | TUnit::Hour => (Some(base), Gran::Day),
            TUnit::Day => (cal::add_days(base, k), Gran::Day),
            TUnit::Week => (cal::add_days(base, 7 * k), Gran::Day),
            TUnit::Month => (cal::add_months(base, k), Gran::Month),
            TUnit::Year => (cal::add_years(base, k), Gran::Year),
            TUnit::Decade => (cal::add_years(base, 10 * k), Gran::Year),
            TUnit::Century => (cal::add_years(base, 100 * k), Gran::Year),
        };
        let Some(d) = d else {
            return Hit::new(start, end, TimeType::DATE, fallback.into());
        };
        let gran = base_gran.max(unit_gran);
        let value = match gran {
            Gran::Day => fmt_day(d),
            Gran::Month => fmt_month(d.year() as i32, d.month() as u8),
            Gran::Year => fmt_year(d.year() as i32),
        };
        let mut h = Hit::new(start, end, TimeType::DATE, value);
        h.anchor = Some(Anchor { date: d, gran });
        h
    }

    /// A count followed by a time unit at `j`: («يومين», «ثلاثة أيام», «أسبوع» when
    /// `allow_one`, «عدة أشهر»). Returns (end, count or None for «several», unit).
    fn count_unit(&self, j: usize, allow_one: bool) -> Option<(usize, Option<f64>, TUnit)> {
        let ti = self.t.info(j);
        if let Some((u, c)) = ti.entry().tunit {
            if ti.al {
                return None;
            }
            let half = self.t.info(j + 1).conj && self.t.fw(j + 1) == Some(Fw::Half);
            match c {
                Cnt::Two => return Some((j + 1, Some(if half { 2.5 } else { 2.0 }), u)),
                Cnt::One if allow_one || half => {
                    if half {
                        return Some((j + 2, Some(1.5), u));
                    }
                    // «أسبوع واحد».
                    let one = self
                        .e(j + 1)
                        .card
                        .is_some_and(|c| c.v == 1.0 && !self.t.info(j + 1).conj);
                    return Some((if one { j + 2 } else { j + 1 }, Some(1.0), u));
                }
                Cnt::Many if allow_one => return Some((j + 1, None, u)),
                _ => return None,
            }
        }
        if self.t.fw(j) == Some(Fw::Few) {
            if let Some((u, Cnt::Many)) = self.e(j + 1).tunit {
                return Some((j + 2, None, u));
            }
            return None;
        }
        if self.t.fw(j) == Some(Fw::Half) && !self.t.info(j).al {
            if let Some((u, Cnt::One)) = self.e(j + 1).tunit {
                return Some((j + 2, Some(0.5), u));
            }
            return None;
        }
        // «الـ 24 ساعة».
        let (j, _al) = if self.t.fw(j) == Some(Fw::Al) {
            (j + 1, true)
        } else {
            (j, false)
        };
        let m = cardinal(&self.t, j)?;
        if m.value <= 0.0 || m.value > 10000.0 {
            return None;
        }
        let ui = self.t.info(m.end);
        let (u, c) = ui.entry().tunit?;
        if ui.conj || ui.prep != 0 || c == Cnt::Two {
            return None;
        }
        let mut end = m.end + 1;
        let mut v = m.value;
        if self.t.info(end).conj && self.t.fw(end) == Some(Fw::Half) {
            v += 0.5;
            end += 1;
        }
        Some((end, Some(v), u))
    }

    // ----- modifiers: منتصف، مطلع، أواخر، حوالي … -----

    fn modified(&self, i: usize) -> Option<Hit> {
        let c = self.core_or_modified(i)?;
        if c.ttype == TimeType::DATE && c.value.is_empty() {
            return None;
        }
        let mut h = Hit::new(i, c.end, c.ttype, c.value);
        h.anchor = c.anchor;
        h.modifier = c.modifier.map(Mod::as_str);
        Some(h)
    }

    /// A core reading, optionally preceded by a modifier word («منتصف شهر مايو»).
    fn core_or_modified(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        // «بقية الأسبوع», «باقي العام»: the rest of the current period.
        if matches!(strip_conj(self.t.norm(i)), "بقيه" | "باقي") {
            if let Some(c) = self.core(i + 1, true) {
                if c.modifiable {
                    return Some(c);
                }
            }
        }
        if let Some(m) = inf.entry().modw {
            if inf.prep == 0 {
                let mut j = i + 1;
                // «منتصف شهر مايو», «نهاية عام 2013».
                if matches!(self.t.fw(j), Some(Fw::MonthNoun)) && self.e(j + 1).month.is_some() {
                    j += 1;
                }
                // «نهاية الأسبوع»: the weekend.
                if m == Mod::End {
                    if let Some((TUnit::Week, Cnt::One)) = self.e(j).tunit {
                        if self.t.info(j).al && self.e(j + 1).rel.is_none() {
                            let v = match self.pubd {
                                Some(p) => format!("{}-WE", iso_week(p)),
                                None => "XXXX-WXX-WE".into(),
                            };
                            let mut c = Core::simple(j + 1, TimeType::DATE, v);
                            c.modifiable = false;
                            return Some(c);
                        }
                    }
                }
                // «منتصف الليل» (midnight), «منتصف النهار» (noon), also hyphenated.
                if m == Mod::Mid {
                    let k = if self.t.punct_in(j, &['-']) { j + 1 } else { j };
                    let hour = match (self.e(k).pod, self.t.fw(k)) {
                        (Some((Pod::Ni, false)), _) => Some(0),
                        (Some((Pod::Mo, false)), _) => Some(10),
                        (Some((Pod::Af, false)), _) => Some(14),
                        (_, Some(Fw::Nahar)) => Some(12),
                        _ => None,
                    };
                    let definite = self.t.info(k).al || self.t.norm(k).starts_with("ال");
                    if let (Some(h), true) = (hour, definite) {
                        // The day it belongs to follows («منتصف ليل الأحد») or is today.
                        let v = match self.pubd {
                            Some(p) => format!("{}T{h:02}:00", fmt_day(p)),
                            None => format!("T{h:02}:00"),
                        };
                        return Some(Core::simple(k + 1, TimeType::TIME, v));
                    }
                }
                if let Some(c) = self.core(j, true) {
                    if c.modifiable || m == Mod::Approx {
                        let mut c = c;
                        c.modifier = Some(m);
                        return Some(c);
                    }
                }
            }
        }
        self.core(i, false)
    }

    // ----- cores -----

    /// The longest core reading at `i`. `after_mod` allows bare «العام»/«الشهر».
    fn core(&self, i: usize, after_mod: bool) -> Option<Core> {
        if let Some((.., c)) = self
            .memo
            .borrow()
            .iter()
            .find(|(k, m, _)| *k == i && *m == after_mod)
        {
            return c.clone();
        }
        let c = self.core_uncached(i, after_mod);
        let mut memo = self.memo.borrow_mut();
        if memo.len() >= MEMO {
            memo.remove(0);
        }
        memo.push((i, after_mod, c.clone()));
        c
    }

    fn core_uncached(&self, i: usize, after_mod: bool) -> Option<Core> {
        let mut best: Option<Core> = None;
        let mut take = |c: Option<Core>| {
            if let Some(c) = c {
                if best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
        };
        take(self.date(i));
        take(self.month_led(i));
        take(self.year(i));
        take(self.weekday(i));
        take(self.deictic(i));
        take(self.pod_led(i));
        take(self.relative_unit(i, after_mod));
        take(self.relative_plural(i));
        take(self.decade(i));
        take(self.century(i));
        take(self.season(i));
        take(self.bare_duration(i));
        take(self.quarter(i));
        take(self.holiday(i));
        let mut c = best?;
        // A trailing part-of-day adverb on a day («يوم الجمعة صباحا»).
        if let Some(d) = c.day {
            let pi = self.t.info(c.end);
            if let Some((p, _)) = pi.entry().pod.filter(|_| pi.bare() && !pi.al) {
                c.value = format!("{}{}", fmt_day(d), p.as_str());
                c.ttype = TimeType::TIME;
                c.end += 1;
            }
        }
        Some(c)
    }

    fn resolve_weekday(&self, i: usize, wd: u8, rel: Option<Rel>) -> (String, Option<Date>) {
        let Some(p) = self.pubd else {
            return (format!("XXXX-WXX-{wd}"), None);
        };
        let d = match rel {
            Some(Rel::Past) | Some(Rel::Last) | Some(Rel::Preceding) => {
                cal::weekday_on_or_before(p, wd, true)
            }
            Some(Rel::Next) | Some(Rel::Following) => cal::weekday_on_or_after(p, wd, true),
            _ if self.future_at(i) => cal::weekday_on_or_after(p, wd, false),
            _ => cal::weekday_on_or_before(p, wd, false),
        };
        match d {
            Some(d) => (fmt_day(d), Some(d)),
            None => (format!("XXXX-WXX-{wd}"), None),
        }
    }

    /// «يوم الجمعة», «الأحد الماضي», «الخميس المقبل».
    fn weekday(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let had_yawm = self.t.fw(j) == Some(Fw::DayNoun) && !self.t.info(j).al;
        if had_yawm {
            j += 1;
        }
        let inf = self.t.info(j);
        let wd = match inf.entry().weekday {
            Some(wd) => wd,
            None if had_yawm => {
                // «يوم جمعة» without the article.
                let w = self.t.norm(j);
                match w {
                    "جمعه" => 5,
                    "سبت" => 6,
                    "احد" => 7,
                    "اثنين" => 1,
                    "ثلاثاء" => 2,
                    "اربعاء" => 3,
                    "خميس" => 4,
                    _ => return None,
                }
            }
            None => return None,
        };
        if !had_yawm && i > 0 {
            let prev = self.t.norm(i - 1);
            if NOT_WEEKDAY_BEFORE.iter().any(|w| w == prev) {
                return None;
            }
        }
        let mut end = j + 1;
        if let Some(c) = self.nth_weekday(end, wd) {
            return Some(c);
        }
        let rel = self.e(end).rel;
        if rel.is_some() {
            end += 1;
        }
        // An explicit date after the weekday wins: «الاثنين 12 يناير 2016».
        let k = if self.t.punct_in(end, &['،', ',']) {
            end + 1
        } else {
            end
        };
        if rel.is_none() {
            if let Some(c) = self.date(k) {
                return Some(c);
            }
            // «الجمعة من الأسبوع المقبل», «الأحد الأسبوع الماضي».
            let k = if self.t.fw(end) == Some(Fw::Min) && self.t.info(end).bare() {
                end + 1
            } else {
                end
            };
            if let Some(w) = self.relative_unit(k, false) {
                if let Some(d) = w
                    .week_of
                    .and_then(monday_of)
                    .and_then(|m| cal::add_days(m, wd as i64 - 1))
                {
                    return Some(Core::on_day(w.end, d));
                }
            }
        }
        let (value, day) = self.resolve_weekday(i, wd, rel);
        let mut c = Core::simple(end, TimeType::DATE, value);
        c.day = day;
        c.anchor = day.map(Anchor::day);
        Some(c)
    }

    /// «الأحد الثاني», «الجمعة الأخيرة من مايو»: the n-th (1–5) or last weekday `wd` of
    /// a month — the one named after «من», else the month of publication. «الجمعة
    /// الأخيرة» without a month is *last Friday* (a relative weekday). `k` is the token
    /// after the weekday.
    fn nth_weekday(&self, k: usize, wd: u8) -> Option<Core> {
        let oi = self.t.info(k);
        if !oi.bare() || !(oi.al || self.t.norm(k).starts_with("ال")) {
            return None;
        }
        let (oend, n) = match ordinal(&self.t, k) {
            Some((e, n @ 1..=5, _)) => (e, Some(n as i64)),
            Some(_) => return None,
            None if matches!(self.t.norm(k), "الاخير" | "الاخيره") => (k + 1, None),
            None => return None,
        };
        // The month: «من مايو», «من الشهر الجاري», or the month of publication.
        let mut end = oend;
        let month = if self.t.fw(oend) == Some(Fw::Min) && self.t.info(oend).bare() {
            match self.month_name(oend + 1) {
                Some((mend, Cal::Greg, m, false)) => {
                    end = mend;
                    let (_, a, _) = self.infer_greg(m, None, None, self.future_at(k));
                    a.map(|a| a.date)
                }
                _ => None,
            }
        } else {
            None
        };
        let first = match month {
            Some(d) => d,
            None if n.is_some() => self.pubd?.first_of_month(),
            None => return None,
        };
        let d = match n {
            Some(n) => cal::add_days(cal::weekday_on_or_after(first, wd, false)?, 7 * (n - 1))?,
            None => {
                let last = cal::add_days(cal::add_months(first, 1)?, -1)?;
                cal::weekday_on_or_before(last, wd, false)?
            }
        };
        if d.month() != first.month() {
            return None;
        }
        Some(Core::on_day(end, d))
    }

    /// Deictic days and references: «اليوم», «أمس», «أول أمس», «غدا», «الليلة», «الآن».
    fn deictic(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        // «أول أمس», «أول من أمس».
        if self.t.fw(i) == Some(Fw::Awwal) && !inf.al {
            let k = if self.t.fw(i + 1) == Some(Fw::Min) {
                i + 2
            } else {
                i + 1
            };
            if self.e(k).deictic == Some(Deictic::Yesterday) {
                return Some(self.deictic_day(k + 1, -2, None));
            }
        }
        let d = inf.entry().deictic?;
        let w = self.t.norm(i);
        match d {
            Deictic::Today => {
                if !w.ends_with("اليوم") {
                    return None;
                }
                // «اليوم التالي», «اليوم السابق»: relative to the narrative anchor.
                match self.e(i + 1).rel {
                    Some(Rel::Following) | Some(Rel::Preceding) | Some(Rel::Past)
                    | Some(Rel::Next) => {
                        let off = if matches!(self.e(i + 1).rel, Some(Rel::Following | Rel::Next)) {
                            1
                        } else {
                            -1
                        };
                        let base = self
                            .narrative_anchor(i)
                            .filter(|a| a.gran == Gran::Day)
                            .map(|a| a.date)
                            .or(self.pubd);
                        return Some(match base.and_then(|b| cal::add_days(b, off)) {
                            Some(d) => {
                                let mut c = Core::simple(i + 2, TimeType::DATE, fmt_day(d));
                                c.day = Some(d);
                                c
                            }
                            None => Core::simple(
                                i + 2,
                                TimeType::DATE,
                                if off > 0 { "FUTURE_REF" } else { "PAST_REF" }.into(),
                            ),
                        });
                    }
                    _ => {}
                }
                let nx = self.t.info(i + 1);
                if nx.entry().ord.is_some() || nx.entry().rel.is_some() {
                    return None;
                }
                let nw = self.t.norm(i + 1);
                if NOT_TODAY_AFTER.iter().any(|x| x == nw) {
                    return None;
                }
                if i > 0 {
                    let pw = self.t.norm(i - 1);
                    if pw == "ذات" || pw == "نفس" || pw == "ذلك" {
                        return None;
                    }
                }
                Some(self.deictic_day(i + 1, 0, None))
            }
            Deictic::Yesterday => {
                // «أمس الأول».
                if self.t.fw(i + 1) == Some(Fw::Awwal) && self.t.info(i + 1).al {
                    return Some(self.deictic_day(i + 2, -2, None));
                }
                Some(self.deictic_day(i + 1, -1, None))
            }
            Deictic::Tomorrow => Some(self.deictic_day(i + 1, 1, None)),
            Deictic::Tonight => {
                if self.e(i + 1).rel == Some(Rel::Past) {
                    return Some(self.deictic_day(i + 2, -1, Some(Pod::Ni)));
                }
                if !w.ends_with("الليله") {
                    return None;
                }
                Some(self.deictic_day(i + 1, 0, Some(Pod::Ni)))
            }
            Deictic::Now => Some(Core::simple(i + 1, TimeType::DATE, "PRESENT_REF".into())),
            Deictic::Recently => Some(Core::simple(i + 1, TimeType::DATE, "PAST_REF".into())),
            Deictic::Soon => Some(Core::simple(i + 1, TimeType::DATE, "FUTURE_REF".into())),
        }
    }

    fn deictic_day(&self, end: usize, off: i64, pod: Option<Pod>) -> Core {
        // «اليوم الخميس», «أمس الأربعاء», «غدا الجمعة»: the weekday restates the day.
        // When it disagrees with the publication date (a report filed the day after,
        // quoting «اليوم الأحد»), the weekday fixes the date: the nearest such day.
        let wd = self
            .e(end)
            .weekday
            .filter(|_| pod.is_none() && self.t.info(end).bare());
        let end = if wd.is_some() { end + 1 } else { end };
        let day = self
            .pubd
            .and_then(|p| cal::add_days(p, off))
            .map(|d| match wd {
                Some(wd) => {
                    let fwd = (wd as i64 - cal::iso_weekday(d) as i64).rem_euclid(7);
                    let shift = if fwd > 3 { fwd - 7 } else { fwd };
                    cal::add_days(d, shift).unwrap_or(d)
                }
                None => d,
            });
        match day {
            Some(d) => {
                let (tt, v) = match pod {
                    Some(p) => (TimeType::TIME, format!("{}{}", fmt_day(d), p.as_str())),
                    None => (TimeType::DATE, fmt_day(d)),
                };
                let mut c = Core::simple(end, tt, v);
                c.day = Some(d);
                c
            }
            None => {
                let v = match off {
                    0 => "PRESENT_REF",
                    x if x < 0 => "PAST_REF",
                    _ => "FUTURE_REF",
                };
                Core::simple(end, TimeType::DATE, v.into())
            }
        }
    }

    /// A part of day leading a day: «صباح اليوم», «مساء أمس», «فجر الجمعة», «هذا الصباح».
    fn pod_led(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let this = self.t.fw(i) == Some(Fw::This);
        if this {
            j += 1;
        }
        let inf = self.t.info(j);
        let (p, adv) = inf.entry().pod?;
        if adv || inf.prep != 0 {
            return None;
        }
        if this {
            if !inf.al {
                return None;
            }
            let c = self.deictic_day(j + 1, 0, Some(p));
            return Some(c);
        }
        if inf.al {
            return None;
        }
        // The day follows: «اليوم», «الجمعة» or «يوم الجمعة» (weekday() takes its own
        // «يوم»), or a date.
        let k = j + 1;
        let c = {
            let mut best: Option<Core> = None;
            for c in [self.deictic(k), self.weekday(k), self.date(k)]
                .into_iter()
                .flatten()
            {
                if best.as_ref().is_none_or(|b| c.end > b.end) {
                    best = Some(c);
                }
            }
            best?
        };
        let v = match c.day {
            Some(d) => format!("{}{}", fmt_day(d), p.as_str()),
            None if c.value.starts_with("XXXX") => format!("{}{}", c.value, p.as_str()),
            None => c.value.clone(),
        };
        let mut out = Core::simple(c.end, TimeType::TIME, v);
        out.day = c.day;
        out.anchor = c.anchor;
        Some(out)
    }

    /// A day of the month at `i`: digits 1–31, an ordinal, or number words ≤ 31.
    fn day_num(&self, i: usize) -> Option<(usize, u8)> {
        let inf = self.t.info(i);
        if inf.prep != 0 && inf.prep != b'l' {
            return None;
        }
        if let Some(v) = inf.num {
            if inf.plain_int && (1.0..=31.0).contains(&v) && inf.ndigits <= 2 {
                return Some((i + 1, v as u8));
            }
            return None;
        }
        if let Some((end, v, _)) = ordinal(&self.t, i) {
            if (1..=31).contains(&v) {
                return Some((end, v as u8));
            }
        }
        let m = cardinal(&self.t, i)?;
        if m.words && (1.0..=31.0).contains(&m.value) && m.value.fract() == 0.0 {
            return Some((m.end, m.value as u8));
        }
        None
    }

    /// A month name at `i` (one or two words). Returns (end, calendar, month, ambiguous).
    fn month_name(&self, i: usize) -> Option<(usize, Cal, u8, bool)> {
        let inf = self.t.info(i);
        let e = inf.entry();
        if inf.al {
            return None;
        }
        if let Some((c, m, amb)) = e.month {
            return Some((i + 1, c, m, amb));
        }
        let head = e.month_head?;
        let second = self.t.norm(i + 1);
        let (m, cal) = match (head, second) {
            (MonthHead::Kanun, "الثاني") => (1, Cal::Greg),
            (MonthHead::Kanun, "الاول") => (12, Cal::Greg),
            (MonthHead::Tishrin, "الاول") => (10, Cal::Greg),
            (MonthHead::Tishrin, "الثاني") => (11, Cal::Greg),
            (MonthHead::Rabi, "الاول") => (3, Cal::Hijri),
            (MonthHead::Rabi, "الثاني" | "الاخر" | "الاخير") => (4, Cal::Hijri),
            (MonthHead::Jumada, "الاولي" | "الاول") => (5, Cal::Hijri),
            (MonthHead::Jumada, "الثانيه" | "الاخره" | "الثاني" | "الاخر") => {
                (6, Cal::Hijri)
            }
            (MonthHead::Dhu, "القعده") => (11, Cal::Hijri),
            (MonthHead::Dhu, "الحجه") => (12, Cal::Hijri),
            _ => return None,
        };
        Some((i + 2, cal, m, false))
    }

    /// A year after a month or «عام»: digits (1–4 digits; 2 digits only after a month
    /// with a day) or number words. Returns (end, year, explicit era).
    fn year_num(&self, i: usize, words_ok: bool) -> Option<(usize, i32, Option<Cal>)> {
        let inf = self.t.info(i);
        if inf.prep != 0 || inf.al {
            return None;
        }
        let (end, y) = if let Some(v) = inf.num {
            if !inf.plain_int || !(1.0..=2200.0).contains(&v) || inf.ndigits < 3 {
                return None;
            }
            (i + 1, v as i32)
        } else if words_ok {
            let m = cardinal(&self.t, i)?;
            if !m.words || m.value < 100.0 || m.value > 2200.0 || m.value.fract() != 0.0 {
                return None;
            }
            (m.end, m.value as i32)
        } else {
            return None;
        };
        // Era: «م», «هـ», «ميلادي», «للهجرة».
        let era = match self.t.fw(end) {
            Some(Fw::EraCe) => Some(Cal::Greg),
            Some(Fw::EraAh) => Some(Cal::Hijri),
            _ => None,
        };
        Some((if era.is_some() { end + 1 } else { end }, y, era))
    }

    /// Day-led dates: «28 مايو», «24 أكتوبر 2013», «العشرين من يناير الماضي»,
    /// «15 رمضان 1435هـ», «الاثنين 12 يناير 2016», «12/03/2014».
    fn date(&self, i: usize) -> Option<Core> {
        if let Some(c) = self.numeric_date(i) {
            return Some(c);
        }
        let mut j = i;
        if self.t.fw(j) == Some(Fw::DayNoun) && !self.t.info(j).al {
            j += 1;
        }
        let (dend, day) = self.day_num(j)?;
        let mut k = dend;
        // «4-يونيو», «2. أكتوبر», «العشرين من يناير».
        if self.t.punct_in(k, &['-', '/', '.']) && self.t.touching(k - 1) {
            k += 1;
        }
        if self.t.fw(k) == Some(Fw::Min) && self.t.info(k).bare() {
            k += 1;
        }
        // «التاسع من الشهر الفضيل»: Ramadan named by its epithets.
        if self.t.norm(k) == "الشهر" && RAMADAN_EPITHETS.contains(&self.t.norm(k + 1)) {
            return self.finish_date(k + 2, Cal::Hijri, 9, Some(day));
        }
        if self.t.fw(k) == Some(Fw::MonthNoun) && !self.t.info(k).al {
            k += 1;
        }
        // «20 من الشهر المقبل».
        if let Some((TUnit::Month, Cnt::One)) = self.e(k).tunit {
            if self.t.info(k).al {
                if let Some(rel) = self.e(k + 1).rel {
                    return self.day_of_rel_month(k + 2, day, rel);
                }
            }
        }
        match self.month_name(k) {
            Some((mend, cal, month, _)) => self.finish_date(mend, cal, month, Some(day)),
            // «يوم 27»: a day of the current month (or the last one, if still ahead).
            None if j > i && self.t.info(j).num.is_some() => self.day_of_month(dend, day, false),
            None => None,
        }
    }

    /// A day of the month named without its month, ending at token `end`: the current
    /// month when the day has come, else the last one; with `future`, the next such day
    /// on or after `published`. Without `published`, `XXXX-XX-DD`.
    fn day_of_month(&self, end: usize, day: u8, future: bool) -> Option<Core> {
        let Some(p) = self.pubd else {
            return Some(Core::simple(
                end,
                TimeType::DATE,
                format!("XXXX-XX-{day:02}"),
            ));
        };
        let off = match (future, day as i8 > p.day()) {
            (false, true) => -1,
            (true, false) if (day as i8) < p.day() => 1,
            _ => 0,
        };
        let base = cal::add_months(p.first_of_month(), off)?;
        let d = cal::ymd(base.year() as i32, base.month() as i32, day as i32)?;
        Some(Core::on_day(end, d))
    }

    /// Completes a date after its month name: optional relative word or year.
    fn finish_date(&self, mend: usize, cal: Cal, month: u8, day: Option<u8>) -> Option<Core> {
        let mut end = mend;
        // «يوليو (تموز)», «كانون الثاني/يناير»: the same month in another system.
        if self.t.punct_in(end, &['(']) {
            if let Some((e2, ..)) = self.month_name(end + 1) {
                if self.t.punct_in(e2, &[')']) {
                    end = e2 + 1;
                }
            }
        } else if self.t.punct_in(end, &['/']) && self.t.touching(end - 1) {
            if let Some((e2, ..)) = self.month_name(end + 1) {
                end = e2;
            }
        } else if let Some((e2, c2, m2, _)) = self.month_name(end) {
            // «أغسطس آب 2014», «مايو أيار الماضي»: the same month restated in another
            // naming system, without a mark.
            if c2 == cal && m2 == month && self.t.info(end).bare() {
                end = e2;
            }
        }
        let rel = self
            .e(end)
            .rel
            .filter(|r| matches!(r, Rel::Past | Rel::Next | Rel::This));
        let mut year: Option<(i32, Cal)> = None;
        if rel.is_some() {
            end += 1;
        } else {
            let mut k = end;
            if self.t.punct_in(k, &['،', ',', '.', '-', '/']) {
                k += 1;
            }
            if self.t.fw(k) == Some(Fw::Min) && self.t.info(k).bare() {
                k += 1;
            }
            if self.t.fw(k) == Some(Fw::YearNoun) && !self.t.info(k).al {
                k += 1;
            }
            if let Some((yend, y, era)) = self.year_num(k, true) {
                let c = era.unwrap_or(cal);
                year = Some((y, c));
                end = yend;
            } else if cal == Cal::Greg {
                // «يونيو العام المقبل», «مارس من العام الماضي».
                let ru = self
                    .relative_unit(k, false)
                    .filter(|c| c.anchor.is_some_and(|a| a.gran == Gran::Year));
                if let Some(ru) = ru {
                    if let Some(a) = ru.anchor {
                        year = Some((a.date.year() as i32, Cal::Greg));
                        end = ru.end;
                    }
                }
            }
        }
        let future = self.future_at(mend.saturating_sub(1));
        let (value, anchor, day_date) = match (cal, year) {
            (Cal::Greg, Some((y, Cal::Greg))) => match day {
                Some(d) => {
                    let dt = cal::ymd(y, month as i32, d as i32)?;
                    day_reading(dt)
                }
                None => (
                    fmt_month(y, month),
                    cal::ymd(y, month as i32, 1).map(|d| Anchor {
                        date: d,
                        gran: Gran::Month,
                    }),
                    None,
                ),
            },
            (Cal::Greg, Some((_, Cal::Hijri))) => return None,
            (Cal::Hijri, Some((y, _))) => self.hijri_value(y, month, day)?,
            (Cal::Greg, None) => self.infer_greg(month, day, rel, future),
            (Cal::Hijri, None) => {
                let hy = self.infer_hijri_year(month, day, rel, future);
                match hy {
                    Some(y) => self.hijri_value(y, month, day)?,
                    // Without a year or a document date the Gregorian day is unknown.
                    None => (
                        if day.is_some() {
                            "XXXX-XX-XX"
                        } else {
                            "XXXX-XX"
                        }
                        .to_string(),
                        None,
                        None,
                    ),
                }
            }
        };
        let mut c = Core::simple(end, TimeType::DATE, value);
        c.anchor = anchor;
        c.day = day_date;
        c.modifiable = day.is_none();
        Some(c)
    }

    fn hijri_value(
        &self,
        y: i32,
        month: u8,
        day: Option<u8>,
    ) -> Option<(String, Option<Anchor>, Option<Date>)> {
        match day {
            Some(d) => {
                let dt = cal::hijri_to_gregorian(y, month, d)?;
                Some(day_reading(dt))
            }
            None => {
                let (gy, gm) = cal::hijri_month_to_gregorian(y, month)?;
                Some((
                    fmt_month(gy, gm),
                    cal::ymd(gy, gm as i32, 1).map(|d| Anchor {
                        date: d,
                        gran: Gran::Month,
                    }),
                    None,
                ))
            }
        }
    }

    /// The year of a partial Gregorian date: past preferred, see module docs.
    fn infer_greg(
        &self,
        month: u8,
        day: Option<u8>,
        rel: Option<Rel>,
        future: bool,
    ) -> (String, Option<Anchor>, Option<Date>) {
        let Some(p) = self.pubd else {
            return match day {
                Some(d) => (format!("XXXX-{month:02}-{d:02}"), None, None),
                None => (format!("XXXX-{month:02}"), None, None),
            };
        };
        let py = p.year() as i32;
        let pm = p.month() as u8;
        let key = |m: u8, d: u8| (m as u32) * 100 + d as u32;
        let pk = key(pm, p.day() as u8);
        let y = match rel {
            Some(Rel::Past) => {
                if month < pm || (month == pm && day.is_some_and(|d| key(month, d) < pk)) {
                    py
                } else {
                    py - 1
                }
            }
            Some(Rel::Next) => {
                if month > pm || (month == pm && day.is_some_and(|d| key(month, d) > pk)) {
                    py
                } else {
                    py + 1
                }
            }
            Some(Rel::This) => py,
            _ => {
                let k = match day {
                    Some(d) => key(month, d),
                    None => key(month, 1),
                };
                let in_past = match day {
                    Some(_) => k <= pk,
                    None => month <= pm,
                };
                if day.is_none() && month == pm {
                    // The month of publication itself («حتى نهاية سبتمبر» in September).
                    py
                } else if in_past {
                    if future {
                        // A future sentence naming a date already past this year.
                        py + 1
                    } else {
                        py
                    }
                } else {
                    // Later this year: keep it when the sentence is future or the date is
                    // near (within about six weeks); otherwise last year.
                    let near = cal::ymd(py, month as i32, day.unwrap_or(1) as i32)
                        .and_then(|d| cal::add_days(p, 45).map(|lim| d <= lim))
                        .unwrap_or(false);
                    if future || near {
                        py
                    } else {
                        py - 1
                    }
                }
            }
        };
        match day {
            Some(d) => match cal::ymd(y, month as i32, d as i32) {
                Some(dt) => day_reading(dt),
                None => (format!("XXXX-{month:02}-{d:02}"), None, None),
            },
            None => (
                fmt_month(y, month),
                cal::ymd(y, month as i32, 1).map(|d| Anchor {
                    date: d,
                    gran: Gran::Month,
                }),
                None,
            ),
        }
    }

    fn infer_hijri_year(
        &self,
        month: u8,
        day: Option<u8>,
        rel: Option<Rel>,
        future: bool,
    ) -> Option<i32> {
        let p = self.pubd?;
        let (hy, hm, hd) = cal::gregorian_to_hijri(p)?;
        let before = month < hm || (month == hm && day.is_none_or(|d| d <= hd));
        Some(match rel {
            Some(Rel::Past) => {
                if month < hm || (month == hm && day.is_some_and(|d| d < hd)) {
                    hy
                } else {
                    hy - 1
                }
            }
            Some(Rel::Next) => {
                if month > hm {
                    hy
                } else {
                    hy + 1
                }
            }
            Some(_) => hy,
            None if month == hm => hy,
            None if before && !future => hy,
            None if !before && future => hy,
            None if before => hy + 1,
            None => hy - 1,
        })
    }

    /// «20 من الشهر المقبل».
    fn day_of_rel_month(&self, end: usize, day: u8, rel: Rel) -> Option<Core> {
        let p = self.pubd?;
        let off = match rel {
            Rel::Past | Rel::Preceding => -1,
            Rel::Next | Rel::Following => 1,
            _ => 0,
        };
        let m = cal::add_months(p.first_of_month(), off)?;
        let d = cal::ymd(m.year() as i32, m.month() as i32, day as i32)?;
        Some(Core::on_day(end, d))
    }

    /// Numeric dates: «2016/02/22», «22/04/2016», «12-3-2014», «4/22».
    fn numeric_date(&self, i: usize) -> Option<Core> {
        let w = self.t.norm(i);
        if self.t.kind(i) != Some(rasd_doc::TokenKind::Number) {
            return None;
        }
        let parts: Vec<&str>;
        let end;
        if w.contains('/') {
            parts = w.split('/').collect();
            end = i + 1;
        } else if self.t.info(i).plain_int
            && self.t.punct_in(i + 1, &['-'])
            && self.t.touching(i)
            && self.t.touching(i + 1)
        {
            // «12-3-2014» tokenises as 12 - 3 - 2014.
            let b = self.t.norm(i + 2);
            if self.t.info(i + 2).plain_int
                && self.t.punct_in(i + 3, &['-'])
                && self.t.touching(i + 2)
                && self.t.touching(i + 3)
                && self.t.info(i + 4).plain_int
            {
                parts = vec![w, b, self.t.norm(i + 4)];
                end = i + 5;
            } else {
                return None;
            }
        } else {
            return None;
        }
        let nums: Vec<i32> = parts.iter().filter_map(|p| p.parse().ok()).collect();
        if nums.len() != parts.len() || !(2..=3).contains(&nums.len()) {
            return None;
        }
        // (value, digit count) of each part; slice patterns keep every access checked.
        let p: Vec<(i32, usize)> = nums
            .iter()
            .copied()
            .zip(parts.iter().map(|p| p.len()))
            .collect();
        let month_value = |y: i32, m: i32| {
            let mut c = Core::simple(end, TimeType::DATE, fmt_month(y, m as u8));
            c.anchor = cal::ymd(y, m, 1).map(|d| Anchor {
                date: d,
                gran: Gran::Month,
            });
            c
        };
        let (y, m, d) = match p.as_slice() {
            [(y, 4), (m, _), (d, _)] => (Some(*y), *m, *d),
            [(a, _), (b, _), (y, yl @ (2 | 4))] => {
                let y = if *yl == 2 { 2000 + y } else { *y };
                // Day first, as Arabic writes it; month first only when the day is > 12.
                if *a <= 12 && *b > 12 {
                    (Some(y), *a, *b)
                } else {
                    (Some(y), *b, *a)
                }
            }
            // «2015/3», «3/2015»: a month. A year range («2014/2015») is not a date.
            [(y, 4), (m, ml)] if *ml <= 2 && (1..=12).contains(m) => {
                return Some(month_value(*y, *m))
            }
            [(m, ml), (y, 4)] if *ml <= 2 && (1..=12).contains(m) => {
                return Some(month_value(*y, *m))
            }
            [(_, 4), _] | [_, (_, 4)] => return None,
            [(a, _), (b, _)] => {
                if *a <= 12 && *b > 12 {
                    (None, *a, *b)
                } else {
                    (None, *b, *a)
                }
            }
            _ => return None,
        };
        if !(1..=12).contains(&m) || !(1..=31).contains(&d) {
            return None;
        }
        let (value, anchor, day) = match y {
            Some(y) => {
                let dt = cal::ymd(y, m, d)?;
                day_reading(dt)
            }
            None => self.infer_greg(m as u8, Some(d as u8), None, self.future_at(i)),
        };
        let mut c = Core::simple(end, TimeType::DATE, value);
        c.anchor = anchor;
        c.day = day;
        Some(c)
    }

    /// Month-led: «مايو 2014», «شهر مايو», «يناير الماضي», «رمضان 1435», «يناير 1».
    fn month_led(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let this = self.t.fw(j) == Some(Fw::This);
        if this {
            j += 1;
        }
        let had_noun = self.t.fw(j) == Some(Fw::MonthNoun) && !self.t.info(j).al;
        if had_noun {
            j += 1;
        }
        let (mend, cal, month, amb) = self.month_name(j)?;
        let inf = self.t.info(j);
        // «يناير 1» / «سبتمبر 10, 1901» / «يناير-1» (month then day).
        let dk = if self.t.punct_in(mend, &['-']) && self.t.touching(mend - 1) {
            mend + 1
        } else {
            mend
        };
        if let Some((dend, day)) = self.day_num(dk) {
            let nx = self.t.info(dk);
            let is_year = nx.num.is_some_and(|v| v > 31.0);
            if !is_year && nx.num.is_some() {
                if let Some(c) = self.finish_date(dend, cal, month, Some(day)) {
                    return Some(c);
                }
            }
            if nx.num.is_none() && nx.entry().ord.is_some() {
                if let Some(c) = self.finish_date(dend, cal, month, Some(day)) {
                    return Some(c);
                }
            }
        }
        let c = self.finish_date(mend, cal, month, None)?;
        let has_context = had_noun
            || this
            || c.end > mend
            || self.temporal_word_before(i, false)
            || inf.prep == b'b' && cal == Cal::Greg
            || inf.prep == b'l';
        if amb && !(had_noun || c.end > mend) {
            // «مارس»/«آب» alone: a verb or a noun unless a date context says otherwise.
            let prep_ctx = i.checked_sub(1).is_some_and(|k| {
                matches!(
                    self.t.fw(k),
                    Some(Fw::Fi | Fw::Mundhu | Fw::Hatta | Fw::Khilal)
                ) || self.e(k).modw.is_some()
            });
            if !(prep_ctx || this) {
                return None;
            }
            // «آب» written without its madda («في اب») is as often Ibb or *father*:
            // it needs a day, a year or a relative word.
            if cal == Cal::Greg && month == 8 && !self.raw(j).contains('آ') {
                return None;
            }
        }
        if cal == Cal::Hijri && !has_context && self.e(j).month.is_some_and(|m| m.2) {
            return None;
        }
        if inf.conj && !has_context && cal == Cal::Hijri {
            return None;
        }
        Some(c)
    }

    /// A year said in words without «عام»: after «في/منذ» closing its clause («في ألف
    /// وسبعمائة وتسعة وثمانين»), or as a member of «من … إلى …» between two such years
    /// («من ألفين إلى ألفين وأربعة عشر»). Elsewhere the words are a count («ارتفع
    /// العدد إلى ألفين», «أكثر من ألفين»).
    fn word_year(&self, k: usize) -> Option<(usize, i32, Option<Cal>)> {
        let in_range = |k: usize| {
            self.year_num(k, true)
                .filter(|(_, y, _)| (1000..=2100).contains(y))
        };
        let (end, y, era) = in_range(k)?;
        let bare_fw = |p: usize| self.t.fw(p).filter(|_| self.t.info(p).bare());
        let prev = k.checked_sub(1).and_then(bare_fw);
        let ok = match prev {
            Some(Fw::Fi | Fw::Mundhu) => self.clause_end(end),
            // «من X إلى Y»: X is followed by «إلى» and a year in words.
            Some(Fw::Min) => {
                bare_fw(end) == Some(Fw::Ila)
                    && in_range(end + 1).is_some_and(|(e2, ..)| self.clause_end(e2))
            }
            // Y: «من» and a year in words just before «إلى».
            Some(Fw::Ila) => {
                self.clause_end(end)
                    && (0..k.saturating_sub(1)).rev().take(8).any(|q| {
                        bare_fw(q) == Some(Fw::Min)
                            && in_range(q + 1).is_some_and(|(e1, ..)| e1 + 1 == k)
                    })
            }
            _ => false,
        };
        ok.then_some((end, y, era))
    }

    /// Years: «عام 1986», «سنة 2013م», «1436هـ», «العام 2013», bare «2009» after a
    /// temporal preposition, years in words after «عام».
    fn year(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        let (k, noun) = match self.t.fw(i) {
            Some(Fw::YearNoun) if inf.prep == 0 || inf.prep == b'b' || inf.prep == b'l' => {
                (i + 1, true)
            }
            _ => (i, false),
        };
        let (end, y, era, words) = match self.year_num(k, noun) {
            Some((end, y, era)) => (end, y, era, false),
            None if !noun => {
                let (end, y, era) = self.word_year(k)?;
                (end, y, era, true)
            }
            None => return None,
        };
        if !noun {
            // A bare number is a year only with an era or after a temporal word, and only
            // when no counted noun follows.
            let yi = self.t.info(k);
            if yi.conj || yi.prep != 0 {
                return None;
            }
            let ctx = era.is_some() || self.temporal_word_before(k, true);
            if !ctx || !(1900..=2100).contains(&y) && era.is_none() && !words {
                return None;
            }
            let nx = self.t.info(end);
            if nx.entry().unit.is_some()
                || nx.entry().card.is_some()
                || nx.entry().tunit.is_some()
                || self.t.punct_in(end, &['%'])
            {
                return None;
            }
        }
        let gy = match era {
            Some(Cal::Hijri) => cal::hijri_year_to_gregorian(y)?,
            _ => y,
        };
        let mut c = Core::simple(end, TimeType::DATE, fmt_year(gy));
        c.anchor = cal::ymd(gy, 1, 1).map(|d| Anchor {
            date: d,
            gran: Gran::Year,
        });
        c.modifiable = true;
        Some(c)
    }

    /// «الأسبوع الماضي», «الشهر الجاري», «العام المقبل», «هذا العام», «القرن الماضي».
    fn relative_unit(&self, i: usize, after_mod: bool) -> Option<Core> {
        let mut j = i;
        let this = self.t.fw(j) == Some(Fw::This);
        if this {
            j += 1;
        }
        let inf = self.t.info(j);
        let (u, cnt) = inf.entry().tunit?;
        if cnt != Cnt::One || !inf.al || inf.prep == b'k' {
            return None;
        }
        // «الأسبوع قبل الماضي».
        let (rel, end, extra) =
            if self.t.fw(j + 1) == Some(Fw::Qabl) && self.e(j + 2).rel == Some(Rel::Past) {
                (Some(Rel::Past), j + 3, 1)
            } else if self.t.fw(j + 1) == Some(Fw::Baad) && self.e(j + 2).rel == Some(Rel::Next) {
                (Some(Rel::Next), j + 3, 1)
            } else {
                match self.e(j + 1).rel {
                    Some(r) if !self.t.info(j + 1).conj => (Some(r), j + 2, 0),
                    _ if this || after_mod => (Some(Rel::This), j + 1, 0),
                    _ => return None,
                }
            };
        let rel = rel?;
        if rel == Rel::Last && u != TUnit::Day {
            // «الأسبوع الأخير» is ambiguous; «اليوم الأخير» too. Leave them.
            return None;
        }
        if u == TUnit::Day {
            // Handled by deictic(): «اليوم التالي».
            return None;
        }
        let off: i64 = match rel {
            Rel::Past | Rel::Preceding => -1 - extra,
            Rel::Next | Rel::Following => 1 + extra,
            _ => 0,
        };
        let base = if matches!(rel, Rel::Following | Rel::Preceding) {
            self.narrative_anchor(i).map(|a| a.date).or(self.pubd)
        } else {
            self.pubd
        };
        let Some(p) = base else {
            let v = match off {
                0 => "PRESENT_REF",
                x if x < 0 => "PAST_REF",
                _ => "FUTURE_REF",
            };
            return Some(Core::simple(end, TimeType::DATE, v.into()));
        };
        let (value, anchor) = match u {
            TUnit::Week => {
                let d = cal::add_days(p, 7 * off)?;
                // «الأسبوع المقبل يوم الجمعة»: a weekday of that week.
                let k = if self.t.fw(end) == Some(Fw::DayNoun) && !self.t.info(end).al {
                    end + 1
                } else {
                    end
                };
                if let Some(wd) = self.e(k).weekday {
                    let day = cal::add_days(monday_of(d)?, wd as i64 - 1)?;
                    return Some(Core::on_day(k + 1, day));
                }
                (iso_week(d), Some(Anchor::day(d)))
            }
            TUnit::Month => {
                let d = cal::add_months(p.first_of_month(), off)?;
                (
                    fmt_month(d.year() as i32, d.month() as u8),
                    Some(Anchor {
                        date: d,
                        gran: Gran::Month,
                    }),
                )
            }
            TUnit::Year => {
                let y = p.year() as i32 + off as i32;
                (
                    fmt_year(y),
                    cal::ymd(y, 1, 1).map(|d| Anchor {
                        date: d,
                        gran: Gran::Year,
                    }),
                )
            }
            TUnit::Decade => {
                let y = p.year() as i32 + 10 * off as i32;
                (format!("{:03}", y / 10), None)
            }
            TUnit::Century => {
                let y = p.year() as i32 + 100 * off as i32;
                (format!("{:02}", y / 100), None)
            }
            _ => return None,
        };
        let mut c = Core::simple(end, TimeType::DATE, value);
        if u == TUnit::Week {
            c.week_of = anchor.map(|a| a.date);
        }
        c.anchor = anchor.filter(|_| u != TUnit::Week);
        c.modifiable = true;
        Some(c)
    }

    /// «الأيام الثلاثة الماضية», «الساعات الـ24 الماضية», «العقدين الماضيين», «السنوات
    /// الأخيرة»: a period reaching back (or forward) from now, as a duration.
    fn relative_plural(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        // «الثلاثة عقود القادمة», «3 أيام القادمة».
        if inf.entry().tunit.is_none() {
            let m = cardinal(&self.t, i)?;
            let ui = self.t.info(m.end);
            let (u, cnt) = ui.entry().tunit?;
            if cnt != Cnt::Many || ui.conj {
                return None;
            }
            let rel = self.e(m.end + 1).rel?;
            if !matches!(rel, Rel::Past | Rel::Next | Rel::Last) {
                return None;
            }
            return Some(Core::simple(
                m.end + 2,
                TimeType::DURATION,
                duration(Some(m.value), u),
            ));
        }
        let (u, cnt) = inf.entry().tunit?;
        if !inf.al || cnt == Cnt::One {
            return None;
        }
        let mut j = i + 1;
        let mut n: Option<f64> = if cnt == Cnt::Two { Some(2.0) } else { None };
        if cnt == Cnt::Many {
            if self.t.fw(j) == Some(Fw::Al) {
                j += 1;
            }
            if let Some(m) = cardinal(&self.t, j) {
                n = Some(m.value);
                j = m.end;
            } else if self.t.fw(j) == Some(Fw::Little) {
                j += 1;
            }
        }
        // «الأسابيع الستة الأولى»: the first n units (of something already named).
        let first = matches!(self.e(j).ord, Some((1, _)));
        if first && n.is_some() && self.t.norm(j).starts_with("ال") {
            return Some(Core::simple(j + 1, TimeType::DURATION, duration(n, u)));
        }
        let rel = self.e(j).rel?;
        if !matches!(rel, Rel::Past | Rel::Next | Rel::Last) {
            return None;
        }
        Some(Core::simple(j + 1, TimeType::DURATION, duration(n, u)))
    }

    /// Decades: «السبعينيات», «تسعينيات القرن الماضي».
    fn decade(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        let d = inf.entry().decade? as i32;
        let mut end = i + 1;
        let mut century: Option<i32> = None;
        let k = if self.t.fw(end) == Some(Fw::Min) {
            end + 1
        } else {
            end
        };
        if let Some((cend, c)) = self.century_num(k) {
            century = Some(c);
            end = cend;
        }
        let cent = match century {
            Some(c) => c,
            None => match self.pubd {
                Some(p) => {
                    let py = p.year() as i32;
                    let c = py / 100;
                    if c * 100 + d * 10 <= py {
                        c
                    } else {
                        c - 1
                    }
                }
                None => 19,
            },
        };
        let mut c = Core::simple(end, TimeType::DATE, format!("{:02}{}", cent, d));
        c.modifiable = true;
        Some(c)
    }

    /// «القرن العشرين» → 19, «القرن الماضي», «القرن 19». Returns (end, century index as
    /// in TIMEX3: the first two digits of its years).
    fn century_num(&self, i: usize) -> Option<(usize, i32)> {
        if self.t.fw(i) != Some(Fw::Century) {
            return None;
        }
        let j = i + 1;
        if let Some(r) = self.e(j).rel {
            let p = self.pubd?;
            let c = p.year() as i32 / 100;
            let c = match r {
                Rel::Past => c - 1,
                Rel::Next => c + 1,
                Rel::This => c,
                _ => return None,
            };
            return Some((j + 1, c));
        }
        if let Some(v) = self.t.digits(j) {
            if (1.0..=30.0).contains(&v) {
                return Some((j + 1, v as i32 - 1));
            }
        }
        if let Some((end, v, _)) = ordinal(&self.t, j) {
            return Some((end, v as i32 - 1));
        }
        None
    }

    fn century(&self, i: usize) -> Option<Core> {
        let (end, c) = self.century_num(i)?;
        let mut core = Core::simple(end, TimeType::DATE, format!("{c:02}"));
        core.modifiable = true;
        Some(core)
    }

    /// Seasons: «صيف 2014», «الربيع الماضي», «هذا الشتاء», «فصل الصيف».
    fn season(&self, i: usize) -> Option<Core> {
        let mut j = i;
        let this = self.t.fw(j) == Some(Fw::This);
        if this {
            j += 1;
        }
        let noun = self.t.fw(j) == Some(Fw::SeasonNoun);
        if noun {
            j += 1;
        }
        let inf = self.t.info(j);
        let s = inf.entry().season?;
        let nw = self.t.norm(j + 1);
        if nw == "العربي" || self.month_name(j).is_some() {
            return None;
        }
        let mut end = j + 1;
        let mut year: Option<i32> = None;
        let mut rel: Option<Rel> = None;
        if let Some(r) = self.e(end).rel {
            rel = Some(r);
            end += 1;
        } else {
            let k = if self.t.fw(end) == Some(Fw::YearNoun) {
                end + 1
            } else {
                end
            };
            if let Some((yend, y, era)) = self.year_num(k, true) {
                if era != Some(Cal::Hijri) {
                    year = Some(y);
                    end = yend;
                }
            }
        }
        // «سأرحل الصيف»: a season completing a verb of going is a time.
        let after_verb = inf.bare()
            && i.checked_sub(1)
                .is_some_and(|k| self.t.same_sentence(k, i) && is_motion_verb(self.t.norm(k)));
        if year.is_none() && rel.is_none() && !this && !noun && !inf.al && !after_verb {
            return None;
        }
        if year.is_none() && rel.is_none() && !this && !noun && !after_verb {
            // Bare «الصيف» needs a temporal preposition before it.
            let ok = i.checked_sub(1).is_some_and(|k| {
                matches!(
                    self.t.fw(k),
                    Some(Fw::Fi | Fw::Khilal | Fw::Hatta | Fw::Mundhu | Fw::Qabl | Fw::Baad)
                ) || self.e(k).modw.is_some()
            }) || inf.prep == b'b';
            if !ok {
                return None;
            }
        }
        let value = match (year, self.pubd) {
            (Some(y), _) => format!("{y:04}-{}", s.as_str()),
            (None, Some(p)) => {
                let start = match s {
                    Season::Sp => 3,
                    Season::Su => 6,
                    Season::Fa => 9,
                    Season::Wi => 12,
                };
                let pm = p.month() as i32;
                let py = p.year() as i32;
                let cur = match pm {
                    3..=5 => 3,
                    6..=8 => 6,
                    9..=11 => 9,
                    _ => 12,
                };
                // A bare season is this year's («بحلول فصل الخريف» in July), unless
                // a future sentence names one already past (then next year's).
                let (past, next) = match rel {
                    Some(Rel::Past) => (true, false),
                    Some(Rel::Next) => (false, true),
                    Some(_) => (false, false),
                    None if this => (false, false),
                    None => (false, start < cur && self.future_at(i)),
                };
                let y = if past {
                    if start < cur {
                        py
                    } else {
                        py - 1
                    }
                } else if next {
                    if start > cur {
                        py
                    } else {
                        py + 1
                    }
                } else {
                    py
                };
                format!("{y:04}-{}", s.as_str())
            }
            (None, None) => match rel {
                Some(Rel::Past) => "PAST_REF".into(),
                Some(Rel::Next) => "FUTURE_REF".into(),
                _ => format!("XXXX-{}", s.as_str()),
            },
        };
        let mut c = Core::simple(end, TimeType::DATE, value);
        c.modifiable = true;
        Some(c)
    }

    /// A bare counted duration: «ثلاثة أيام», «20 عاما», «يومين», «عدة أشهر».
    fn bare_duration(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        if inf.al {
            return None;
        }
        // «يوم كامل», «سنة كاملة»: a whole unit.
        if let Some((u, Cnt::One)) = inf.entry().tunit {
            if inf.bare() && self.t.norm(i + 1).starts_with("كامل") {
                return Some(Core::simple(
                    i + 2,
                    TimeType::DURATION,
                    duration(Some(1.0), u),
                ));
            }
        }
        let (end, n, u) = self.count_unit(i, false)?;
        // A singular unit alone («عام») is not a duration here.
        if n.is_none() && self.t.fw(i) != Some(Fw::Few) {
            return None;
        }
        if matches!(u, TUnit::Year)
            && self.t.info(i).entry().tunit.is_none()
            && is_age(&self.t, i, end)
        {
            return None;
        }
        if matches!(u, TUnit::Decade | TUnit::Century) && self.t.info(i).entry().tunit.is_some() {
            // «عقدين» alone can be two contracts; keep only counted decades.
            return None;
        }
        Some(Core::simple(end, TimeType::DURATION, duration(n, u)))
    }

    /// Quarters: «الربع الثالث من عام 2016», «الربع الأول من هذا العام» → `2016-Q3`.
    fn quarter(&self, i: usize) -> Option<Core> {
        let inf = self.t.info(i);
        if self.t.fw(i) != Some(Fw::Quarter) || !(inf.al || self.t.norm(i).starts_with("ال")) {
            return None;
        }
        let (oend, q, _) = ordinal(&self.t, i + 1)?;
        if !(1..=4).contains(&q) {
            return None;
        }
        let mut k = oend;
        if self.t.fw(k) == Some(Fw::Min) && self.t.info(k).bare() {
            k += 1;
        }
        let (end, y) = if let Some(c) = self.year(k) {
            (c.end, c.anchor?.date.year() as i32)
        } else if let Some(c) = self
            .relative_unit(k, false)
            .filter(|c| c.anchor.is_some_and(|a| a.gran == Gran::Year))
        {
            (c.end, c.anchor?.date.year() as i32)
        } else if let Some((yend, y, _)) = self.year_num(k, true) {
            (yend, y)
        } else {
            return None;
        };
        Some(Core::simple(end, TimeType::DATE, format!("{y:04}-Q{q}")))
    }

    /// Holidays: Islamic feasts on their Hijri dates (Umm al-Qura), fixed Gregorian
    /// holidays, and a few weekday-rule ones; resolved like partial dates, or by a year
    /// that follows («عيد الشكر 2010»).
    fn holiday(&self, i: usize) -> Option<Core> {
        let find = |j: usize| {
            HOLIDAYS.iter().find_map(|(words, rule)| {
                let ok = words.iter().enumerate().all(|(o, w)| {
                    let x = self.t.norm(j + o);
                    let x = if o == 0 { strip_conj(x) } else { x };
                    x == w
                });
                ok.then_some((j + words.len(), *rule))
            })
        };
        // Only words flagged as holiday openers are compared with the names.
        let yawm = self.t.fw(i) == Some(Fw::DayNoun) && !self.t.info(i).al;
        let here = self.e(i).holiday;
        let next = yawm && self.e(i + 1).holiday;
        if !here && !next {
            return None;
        }
        let (hend, rule) = find(i).or_else(|| if next { find(i + 1) } else { None })?;
        let mut end = hend;
        let mut k = end;
        if self.t.fw(k) == Some(Fw::YearNoun) && !self.t.info(k).al {
            k += 1;
        }
        let year = if let Some((yend, y, _)) = self.year_num(k, false) {
            end = yend;
            Some(y)
        } else if let Some(c) = self
            .relative_unit(k, false)
            .filter(|c| c.anchor.is_some_and(|a| a.gran == Gran::Year))
        {
            end = c.end;
            c.anchor.map(|a| a.date.year() as i32)
        } else {
            None
        };
        let on = |y: i32| -> Option<Date> {
            match rule {
                Holiday::Greg(m, d) => cal::ymd(y, m as i32, d as i32),
                Holiday::NthWeekday(m, wd, n) => {
                    let first = cal::ymd(y, m as i32, 1)?;
                    let d = cal::weekday_on_or_after(first, wd, false)?;
                    cal::add_days(d, 7 * (n as i64 - 1))
                }
                Holiday::Easter => easter(y),
                Holiday::National => None,
                Holiday::Hijri(m, d) => {
                    // The Hijri year whose feast falls in Gregorian year `y`.
                    let (hy, ..) = cal::gregorian_to_hijri(cal::ymd(y, 12, 31)?)?;
                    let late = cal::hijri_to_gregorian(hy, m, d)?;
                    if late.year() as i32 == y {
                        Some(late)
                    } else {
                        cal::hijri_to_gregorian(hy - 1, m, d)
                    }
                }
            }
        };
        let date = match (year, self.pubd) {
            (Some(y), _) => on(y),
            (None, Some(p)) => {
                let py = p.year() as i32;
                let cands = [on(py - 1), on(py), on(py + 1)];
                let lim = cal::add_days(p, 45)?;
                let future = self.future_at(i);
                if future {
                    cands.iter().flatten().find(|d| **d >= p).copied()
                } else {
                    cands.iter().flatten().rev().find(|d| **d <= lim).copied()
                }
            }
            (None, None) => None,
        };
        let value = match (date, rule) {
            (Some(d), _) => fmt_day(d),
            (None, Holiday::Greg(m, d)) => format!("XXXX-{m:02}-{d:02}"),
            (None, Holiday::National) => match year {
                // «عيد الاستقلال عام 2019»: the year is known, the day is not.
                Some(y) => format!("{y:04}-XX-XX"),
                None => "XXXX-XX-XX".into(),
            },
            (None, _) => "XXXX-XX-XX".into(),
        };
        let mut c = Core::simple(end, TimeType::DATE, value);
        c.day = date;
        c.anchor = date.map(Anchor::day);
        Some(c)
    }

    /// A part of day after «في/خلال», anchored on the day of the sentence: «في الصباح»,
    /// «خلال الليل», «في الصباح الباكر», «في وقت متأخر من الليل».
    fn pod_in(&self, i: usize) -> Option<Hit> {
        if !matches!(self.t.fw(i), Some(Fw::Fi | Fw::Khilal)) && self.t.norm(i) != "عند" {
            return None;
        }
        let mut j = i + 1;
        // «وقت متأخر من», «وقت مبكر من», «أواخر», «أول».
        if self.t.fw(j) == Some(Fw::Waqt) && matches!(self.t.norm(j + 1), "متاخر" | "مبكر")
        {
            let early = self.t.norm(j + 1) == "مبكر";
            j += 2;
            if self.t.fw(j) == Some(Fw::Min) {
                j += 1;
            }
            // «في وقت مبكر من اليوم الأحد»: early (morning) or late (night) of a day.
            if self.e(j).pod.is_none() {
                let c = self.core(j, false)?;
                let d = c.day?;
                let p = if early { Pod::Mo } else { Pod::Ni };
                let mut h = Hit::new(
                    i,
                    c.end,
                    TimeType::TIME,
                    format!("{}{}", fmt_day(d), p.as_str()),
                );
                h.anchor = c.anchor;
                return Some(h);
            }
        } else if self.e(j).modw.is_some() {
            j += 1;
        }
        let (p, end) = if self.t.fw(j) == Some(Fw::Baad) && self.t.norm(j + 1) == "الظهر" {
            (Pod::Af, j + 2)
        } else {
            let inf = self.t.info(j);
            let (p, adv) = inf.entry().pod?;
            // Noon is a point (see `noon`); «في الظهر» is also *in the back*.
            if adv || !inf.al || matches!(self.t.norm(j), "الظهر" | "الظهيره") {
                return None;
            }
            let mut end = j + 1;
            if matches!(self.t.norm(end), "الباكر" | "الباكره") {
                end += 1;
            }
            (p, end)
        };
        let day = self.clock_day(i);
        let v = match day {
            Some(d) => format!("{}{}", fmt_day(d), p.as_str()),
            None => p.as_str().to_string(),
        };
        Some(Hit::new(i, end, TimeType::TIME, v))
    }

    /// «الأسبوع المقبل بين الأربعاء والجمعة»: a week and a range of its days.
    fn week_days(&self, i: usize) -> Option<Vec<Hit>> {
        let w = self.relative_unit(i, false)?;
        let week = w.week_of?;
        let k = w.end;
        let opener = matches!(self.t.fw(k), Some(Fw::Min | Fw::Bayn));
        if !opener {
            return None;
        }
        let a = self.e(k + 1).weekday?;
        let sep = self.range_sep(k + 2, self.t.fw(k))?;
        let bi = self.t.info(sep);
        let b = bi.entry().weekday?;
        let mon = monday_of(week)?;
        let da = cal::add_days(mon, a as i64 - 1)?;
        let db = cal::add_days(mon, b as i64 - 1 + if b < a { 7 } else { 0 })?;
        let mut h0 = Hit::new(i, k, TimeType::DATE, w.value);
        h0.anchor = None;
        let h1 = Hit::new(k, k + 2, TimeType::DATE, fmt_day(da));
        let h2 = Hit::new(k + 2, sep + 1, TimeType::DATE, fmt_day(db));
        Some(vec![h0, h1, h2])
    }

    // ----- ranges -----

    /// «من 1 إلى 3 أغسطس», «بين 3 و12 سبتمبر», «19-20 نوفمبر», «بين عامي 2010 و2012»,
    /// «من 2014 إلى 2018», «2014-2018».
    fn range(&self, i: usize) -> Option<Vec<Hit>> {
        let fw = self.t.fw(i);
        let inf = self.t.info(i);
        let opener = matches!(fw, Some(Fw::Min | Fw::Bayn)) && inf.bare();
        let j = if opener { i + 1 } else { i };
        // Years: «بين عامي 2010 و2012».
        let yj = if opener && self.t.fw(j) == Some(Fw::YearNounDual) {
            j + 1
        } else {
            j
        };
        if let Some((e1, y1, _)) = self.year_num(yj, false) {
            let sep = self.range_sep(e1, fw);
            if let Some(k) = sep {
                let k2 = if self.t.fw(k) == Some(Fw::YearNoun) {
                    k + 1
                } else {
                    k
                };
                let y2i = self.t.info(k2);
                if let Some(v) = y2i.num {
                    let y2 = v as i32;
                    if y2i.plain_int
                        && y2 > y1
                        && y2 <= 2100
                        && y1 >= 1000
                        && (opener || yj > j || self.t.punct_in(e1, &['-']))
                    {
                        let mut a = Hit::new(i, e1, TimeType::DATE, fmt_year(y1));
                        a.anchor = cal::ymd(y1, 1, 1).map(|d| Anchor {
                            date: d,
                            gran: Gran::Year,
                        });
                        let mut b = Hit::new(e1, k2 + 1, TimeType::DATE, fmt_year(y2));
                        b.anchor = cal::ymd(y2, 1, 1).map(|d| Anchor {
                            date: d,
                            gran: Gran::Year,
                        });
                        return Some(vec![a, b]);
                    }
                }
            }
        }
        // Days: «من 1 إلى 3 أغسطس».
        let (d1end, d1) = self.day_num(j)?;
        if self.t.info(j).num.is_none() && !opener {
            return None;
        }
        let k = self.range_sep(d1end, fw)?;
        let second = self.date(k)?;
        let day2 = second.day?;
        let first = cal::ymd(day2.year() as i32, day2.month() as i32, d1 as i32)?;
        if first >= day2 {
            return None;
        }
        let mut a = Hit::new(i, d1end, TimeType::DATE, fmt_day(first));
        a.anchor = Some(Anchor::day(first));
        let mut b = Hit::new(d1end, second.end, TimeType::DATE, second.value);
        b.anchor = second.anchor;
        Some(vec![a, b])
    }

    /// The separator of a range after its first member: «إلى», «حتى», «و», «-».
    fn range_sep(&self, k: usize, opener: Option<Fw>) -> Option<usize> {
        match self.t.fw(k) {
            Some(Fw::Ila | Fw::Hatta) => Some(k + 1),
            Some(Fw::Wa) if opener == Some(Fw::Bayn) => Some(k + 1),
            _ if self.t.punct_in(k, &['-', '–']) => Some(k + 1),
            _ if opener == Some(Fw::Bayn) && self.t.info(k).conj => Some(k),
            _ => None,
        }
    }

    // ----- sets -----

    /// «يوميا», «كل أسبوع», «كل يومين», «كل ثلاثة أشهر», «كل يوم جمعة», «أيام الجمعة».
    fn set(&self, i: usize) -> Option<Hit> {
        let inf = self.t.info(i);
        if let Some(u) = inf.entry().set {
            return Some(Hit::new(i, i + 1, TimeType::SET, duration(Some(1.0), u)));
        }
        // «يوما بعد يوم», «عاما بعد عام»: the unit, its «بعد», the unit again.
        if let Some((u, Cnt::One)) = inf.entry().tunit {
            let again = self.t.info(i + 2);
            if inf.bare()
                && !inf.al
                && self.t.norm(i).ends_with('ا')
                && self.t.fw(i + 1) == Some(Fw::Baad)
                && self.t.info(i + 1).bare()
                && again.bare()
                && !again.al
                && again.entry().tunit == Some((u, Cnt::One))
            {
                return Some(Hit::new(i, i + 3, TimeType::SET, duration(Some(1.0), u)));
            }
        }
        match self.t.fw(i) {
            Some(Fw::Kull) => {
                let j = i + 1;
                // «كل يوم جمعة».
                if self.t.fw(j) == Some(Fw::DayNoun) {
                    if let Some(c) = self.weekday(j) {
                        let wd = self.weekday_num(c.end - 1)?;
                        return Some(Hit::new(i, c.end, TimeType::SET, format!("XXXX-WXX-{wd}")));
                    }
                }
                if let Some((p, false)) = self.e(j).pod {
                    if !self.t.info(j).al {
                        return Some(Hit::new(i, j + 1, TimeType::SET, p.as_str().into()));
                    }
                }
                let ji = self.t.info(j);
                if let Some((u, Cnt::One)) = ji.entry().tunit {
                    if !ji.al && ji.bare() {
                        return Some(Hit::new(i, j + 1, TimeType::SET, duration(Some(1.0), u)));
                    }
                }
                let (end, n, u) = self.count_unit(j, false)?;
                Some(Hit::new(i, end, TimeType::SET, duration(n, u)))
            }
            Some(Fw::DaysNoun) if !inf.al => {
                let wd = self.e(i + 1).weekday?;
                Some(Hit::new(i, i + 2, TimeType::SET, format!("XXXX-WXX-{wd}")))
            }
            _ => None,
        }
    }

    fn weekday_num(&self, i: usize) -> Option<u8> {
        if let Some(w) = self.e(i).weekday {
            return Some(w);
        }
        match self.t.norm(i) {
            "جمعه" => Some(5),
            "سبت" => Some(6),
            "احد" => Some(7),
            "اثنين" => Some(1),
            "ثلاثاء" => Some(2),
            "اربعاء" => Some(3),
            "خميس" => Some(4),
            _ => None,
        }
    }

    // ----- references -----

    /// «في وقت سابق», «في وقت لاحق», «في المستقبل», «في الماضي».
    fn refs(&self, i: usize) -> Option<Hit> {
        if self.t.fw(i) != Some(Fw::Fi) || !self.t.info(i).bare() {
            return None;
        }
        let j = i + 1;
        if self.t.fw(j) == Some(Fw::Waqt) && !self.t.info(j).al {
            let r = self.e(j + 1).rel?;
            let v = match r {
                Rel::Preceding | Rel::Past => "PAST_REF",
                Rel::Following | Rel::Next => "FUTURE_REF",
                _ => return None,
            };
            return Some(Hit::new(i, j + 2, TimeType::DATE, v.into()));
        }
        match self.t.fw(j) {
            Some(Fw::Future) => Some(Hit::new(i, j + 1, TimeType::DATE, "FUTURE_REF".into())),
            Some(Fw::PastNoun) if self.t.norm(j) == "الماضي" => {
                Some(Hit::new(i, j + 1, TimeType::DATE, "PAST_REF".into()))
            }
            _ => None,
        }
    }

    // ----- clock times -----

    /// A clock time at `i`: «الساعة الثالثة فجرا», «10:30 صباحا», «الساعة 7 مساء»,
    /// «العاشرة والنصف», «السابعة وخمسة وثلاثين مساء», «8 في الليل».
    /// Noon as a point of time (T12:00): «الظهيرة», «وقت الظهيرة», «عند الظهر», «حتى
    /// الظهر», «سأعود الظهر». «الظهر» alone is also *the back* («طعنه في الظهر»), so it
    /// needs «وقت/عند/حتى/قبل» or a verb of coming and going before it. «بعد الظهر»
    /// alone is the afternoon (TAF) of the day in context.
    fn noon(&self, i: usize) -> Option<Hit> {
        if self.t.fw(i) == Some(Fw::Baad)
            && self.t.info(i).bare()
            && self.t.norm(i + 1) == "الظهر"
            && self.core(i + 2, false).is_none_or(|c| c.day.is_none())
        {
            let v = match self.clock_day(i) {
                Some(d) => format!("{}TAF", fmt_day(d)),
                None => "TAF".into(),
            };
            return Some(Hit::new(i, i + 2, TimeType::TIME, v));
        }
        let mut j = i;
        let gov = matches!(self.t.fw(i), Some(Fw::Waqt | Fw::Hatta | Fw::Qabl | Fw::Fi))
            || self.t.norm(i) == "عند";
        if gov && self.t.info(i).bare() {
            j += 1;
        }
        if !self.t.info(j).bare() {
            return None;
        }
        let strong = match self.t.norm(j) {
            "الظهيره" => true,
            "الظهر" => false,
            _ => return None,
        };
        let ok = strong
            || (j > i && self.t.fw(i) != Some(Fw::Fi))
            || (j == i
                && i.checked_sub(1)
                    .is_some_and(|k| self.t.same_sentence(k, i) && is_motion_verb(self.t.norm(k))));
        // «ظهيرة اليوم» and the like belong to the part-of-day rules.
        if !ok || self.core(j + 1, false).is_some_and(|c| c.day.is_some()) {
            return None;
        }
        let ck = Clock {
            end: j + 1,
            h: 12,
            m: 0,
            s: None,
            pod: None,
        };
        let mut h = Hit::new(
            i,
            j + 1,
            TimeType::TIME,
            self.clock_value(self.clock_day(i), &ck),
        );
        if self.t.fw(i) == Some(Fw::Qabl) && j > i {
            h.modifier = Some("BEFORE");
        }
        Some(h)
    }

    // ----- bare complements of verbs of coming and going -----

    /// True when token `k` is a bare preposition that takes a time: في، عند، إلى، حتى.
    fn time_prep(&self, k: usize) -> bool {
        self.t.info(k).bare()
            && (matches!(self.t.fw(k), Some(Fw::Fi | Fw::Ila | Fw::Hatta))
                || self.t.norm(k) == "عند")
    }

    /// True when the clause ends at token `k`: the end of the text or the sentence, or
    /// punctuation.
    fn clause_end(&self, k: usize) -> bool {
        k >= self.t.len()
            || k == 0
            || !self.t.same_sentence(k - 1, k)
            || self.t.info(k).punct.is_some()
    }

    /// A bare number or ordinal that completes a verb of coming or going and closes
    /// its clause names a time: «سأعود في 15» (a day), «عدت للثاني والعشرين» (a day),
    /// «سأعود في السابعة» (an hour), «سأعود عند 7» (an hour), «سأعود 4.22» (a month
    /// and day), «سأخرج 3-2015» (a month). Hours are the feminine ordinals up to 12
    /// (the hour, «الساعة», is feminine) and digits up to 12; days are the other
    /// ordinals and digits 13–31. The verb and the clause end keep counts out («ارتفع
    /// عدد القتلى إلى 27» has no such verb before the preposition).
    fn complement(&self, i: usize) -> Option<Hit> {
        let inf = self.t.info(i);
        if inf.conj || (inf.prep != 0 && inf.prep != b'l') {
            return None;
        }
        let verb = if inf.prep == b'l' || !(i > 0 && self.time_prep(i - 1)) {
            i.checked_sub(1)?
        } else {
            i.checked_sub(2)?
        };
        if !self.t.same_sentence(verb, i) || !is_motion_verb(self.t.norm(verb)) {
            return None;
        }
        let future = self.future_at(i);
        enum Reading {
            Hour(u32),
            Day(u8),
            Core(Core),
        }
        let (end, r) = if let Some(c) = self.numeric_pair(i, future) {
            (c.end, Reading::Core(c))
        } else if let Some(v) = inf.num {
            if inf.plain_int && inf.ndigits <= 2 {
                match v as u32 {
                    h @ 1..=12 => (i + 1, Reading::Hour(h)),
                    d @ 13..=31 => (i + 1, Reading::Day(d as u8)),
                    _ => return None,
                }
            } else {
                return None;
            }
        } else if let Some((end, v, fem)) = ordinal(&self.t, i) {
            match v {
                1..=12 if fem => (end, Reading::Hour(v)),
                1..=31 => (end, Reading::Day(v as u8)),
                _ => return None,
            }
        } else {
            return None;
        };
        if !self.clause_end(end) {
            return None;
        }
        let start = if verb + 2 == i { i - 1 } else { i };
        let c = match r {
            Reading::Hour(h) => {
                let ck = Clock {
                    end,
                    h,
                    m: 0,
                    s: None,
                    pod: None,
                };
                let v = self.clock_value(self.clock_day(i), &ck);
                return Some(Hit::new(start, end, TimeType::TIME, v));
            }
            Reading::Day(d) => self.day_of_month(end, d, future)?,
            Reading::Core(c) => c,
        };
        let mut h = Hit::new(start, c.end, c.ttype, c.value);
        h.anchor = c.anchor;
        Some(h)
    }

    /// Two numbers joined by «.» or «-» without a year: «4.22», «22-4» (a month and a
    /// day; the part over 12 is the day, else the day comes first as Arabic writes
    /// it), and «2015.3», «3-2015» (a month of a year).
    fn numeric_pair(&self, i: usize, future: bool) -> Option<Core> {
        let w = self.t.norm(i);
        let (a, b, end) = if let Some((a, b)) = w.split_once('.') {
            (a, b, i + 1)
        } else if self.t.info(i).plain_int
            && self.t.punct_in(i + 1, &['-'])
            && self.t.touching(i)
            && self.t.touching(i + 1)
            && self.t.info(i + 2).plain_int
        {
            (w, self.t.norm(i + 2), i + 3)
        } else {
            return None;
        };
        let (x, y): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
        let (m, d, year) = match (a.len(), b.len()) {
            (4, 1 | 2) => (y, None, Some(x)),
            (1 | 2, 4) => (x, None, Some(y)),
            (1 | 2, 1 | 2) if x <= 12 && y > 12 => (x, Some(y), None),
            (1 | 2, 1 | 2) => (y, Some(x), None),
            _ => return None,
        };
        if !(1..=12).contains(&m) || d.is_some_and(|d| !(1..=31).contains(&d)) {
            return None;
        }
        let mut c = match (year, d) {
            (Some(y), _) => {
                let mut c = Core::simple(end, TimeType::DATE, fmt_month(y, m as u8));
                c.anchor = cal::ymd(y, m, 1).map(|d| Anchor {
                    date: d,
                    gran: Gran::Month,
                });
                c
            }
            (None, d) => {
                let (v, anchor, day) = self.infer_greg(m as u8, d.map(|d| d as u8), None, future);
                let mut c = Core::simple(end, TimeType::DATE, v);
                c.anchor = anchor;
                c.day = day;
                c
            }
        };
        c.end = end;
        Some(c)
    }

    fn clock(&self, i: usize) -> Option<Clock> {
        let mut j = i;
        let had_hour = self.t.fw(j) == Some(Fw::Hour);
        if had_hour {
            j += 1;
        }
        let w = self.t.norm(j);
        let colon = w.contains(':') && self.t.kind(j) == Some(rasd_doc::TokenKind::Number);
        let mut sec = None;
        // «340 مساء»: hours and minutes run together; only with a part of day.
        let mut run_together = false;
        // «ثمانية وأربعين صباحا»: an hour said as a cardinal; only with a part of day
        // or after «المنبه على» (the bare pair is also the number 48).
        let mut cardy = false;
        let (mut end, h, mut min, wordy) = if colon {
            let mut it = w.split(':');
            let h: u32 = it.next()?.parse().ok()?;
            let mm = it.next()?;
            if mm.len() != 2 || h > 24 {
                return None;
            }
            let m: u32 = mm.parse().ok()?;
            if let Some(ss) = it.next() {
                let s: u32 = ss.parse().ok()?;
                if ss.len() != 2 || s > 59 {
                    return None;
                }
                sec = Some(s);
            }
            if m > 59 {
                return None;
            }
            (j + 1, h, m, false)
        } else if let Some(v) = self.t.digits(j) {
            let inf = self.t.info(j);
            if !inf.plain_int {
                return None;
            }
            if (0.0..=24.0).contains(&v) {
                (j + 1, v as u32, 0, false)
            } else if matches!(inf.ndigits, 3 | 4) && (v as u32) % 100 < 60 && v < 1300.0 {
                run_together = true;
                (j + 1, v as u32 / 100, v as u32 % 100, false)
            } else {
                return None;
            }
        } else if let Some((end, v)) = self.hour_word(j) {
            (end, v, 0, true)
        } else if let Some((end, v)) = self.hour_card(j) {
            cardy = true;
            (end, v, 0, true)
        } else {
            return None;
        };
        // Minutes: «والنصف», «والربع», «و20 دقيقة», «وخمسة وثلاثين» (after an hour word),
        // «إلا ربعا».
        let nx = self.t.info(end);
        let mut minus = 0u32;
        let mut bare_minutes = false;
        if nx.conj || self.t.is_wa(end) {
            let k = if self.t.is_wa(end) { end + 1 } else { end };
            match self.t.fw(k) {
                Some(Fw::Half) => {
                    min = 30;
                    end = k + 1;
                }
                Some(Fw::Quarter) => {
                    min = 15;
                    end = k + 1;
                }
                Some(Fw::Third) => {
                    min = 20;
                    end = k + 1;
                }
                _ => {
                    if let Some(m) = cardinal(&self.t, k) {
                        if m.value < 60.0 && m.value >= 1.0 && m.value.fract() == 0.0 {
                            if self.t.fw(m.end) == Some(Fw::Minutes) {
                                min = m.value as u32;
                                end = m.end + 1;
                            } else if wordy && m.words {
                                // «السابعة وثلاثين»: bare minute words need a part of day
                                // or «الساعة» («الذكرى الخامسة والعشرين» is an ordinal).
                                bare_minutes = true;
                                min = m.value as u32;
                                end = m.end;
                            }
                        }
                    }
                }
            }
        } else if cardy {
            // «خمسة عشر خمسة عشر مساء», «عشرة عشرة»: minutes without «و».
            if let Some(m) = cardinal(&self.t, end) {
                if m.words && m.value >= 1.0 && m.value < 60.0 && m.value.fract() == 0.0 {
                    min = m.value as u32;
                    end = m.end;
                }
            }
        } else if self.t.fw(end) == Some(Fw::Illa) {
            match self.t.fw(end + 1) {
                Some(Fw::Quarter) => {
                    minus = 15;
                    end += 2;
                }
                Some(Fw::Third) => {
                    minus = 20;
                    end += 2;
                }
                _ => {
                    if let Some(m) = cardinal(&self.t, end + 1) {
                        if self.t.fw(m.end) == Some(Fw::Minutes) && m.value < 60.0 {
                            minus = m.value as u32;
                            end = m.end + 1;
                        }
                    }
                }
            }
        }
        // Part of day: «صباحا», «مساء», «بعد الظهر», «في الليل».
        let mut pod = None;
        if let Some((p, _)) = self.e(end).pod {
            if self.t.info(end).prep == 0 {
                pod = Some(p);
                end += 1;
            }
        } else if self.t.fw(end) == Some(Fw::Baad) && self.t.norm(end + 1) == "الظهر" {
            pod = Some(Pod::Af);
            end += 2;
        } else if self.t.fw(end) == Some(Fw::Fi) && self.t.info(end + 1).al {
            if let Some((p, false)) = self.e(end + 1).pod {
                pod = Some(p);
                end += 2;
            }
        }
        // Run-together digits and cardinals are counts unless a clock device is set or
        // a part of day closes the clause («ثمانية وأربعين صباحا»; «قتل ثلاثة مساء
        // الأحد» counts three).
        let alarm = (run_together || cardy) && self.alarm_before(i);
        if (run_together || cardy) && !alarm && !(pod.is_some() && self.clause_end(end)) {
            return None;
        }
        if !(had_hour || pod.is_some() || colon || alarm || wordy && min > 0 && !bare_minutes) {
            return None;
        }
        let mut h = h;
        if minus > 0 {
            h = if h == 0 { 23 } else { h - 1 };
            min = 60 - minus;
        }
        Some(Clock {
            end,
            h: adjust_hour(h, pod),
            m: min,
            s: sec,
            pod,
        })
    }

    /// True when a clock device is set just before token `i`: «ضبط المنبه على».
    fn alarm_before(&self, i: usize) -> bool {
        i >= 2
            && self.t.fw(i - 1) == Some(Fw::Ala)
            && matches!(
                strip_conj(self.t.norm(i - 2)),
                "المنبه" | "منبه" | "التنبيه" | "المؤقت" | "مؤقت"
            )
    }

    /// An hour said as a cardinal 1–23: «ثمانية», «عشرة», «خمسة عشر», «أحد عشر».
    fn hour_card(&self, j: usize) -> Option<(usize, u32)> {
        let inf = self.t.info(j);
        if inf.al || inf.prep != 0 || inf.conj {
            return None;
        }
        let c = inf.entry().card?;
        let nx = self.t.info(j + 1);
        let teen = nx.bare()
            && !nx.al
            && nx
                .entry()
                .card
                .is_some_and(|x| x.kind == lex::CardKind::Ten);
        let v = match c.kind {
            lex::CardKind::Unit if teen && c.v >= 1.0 => return Some((j + 2, c.v as u32 + 10)),
            lex::CardKind::Unit if !c.teen_only && c.v >= 1.0 => c.v as u32,
            lex::CardKind::Ten => 10,
            _ => return None,
        };
        Some((j + 1, v))
    }

    /// An hour said as a word: «الواحدة», «الثالثة», «الحادية عشرة», «الثانية عشر»;
    /// without the article only before a fraction («ثامنة والربع»).
    fn hour_word(&self, j: usize) -> Option<(usize, u32)> {
        let inf = self.t.info(j);
        let fraction_next = self.t.info(j + 1).conj
            && matches!(self.t.fw(j + 1), Some(Fw::Half | Fw::Quarter | Fw::Third));
        if !(inf.al || fraction_next) || inf.prep != 0 {
            return None;
        }
        let e = inf.entry();
        let v = match (e.ord, e.card) {
            (Some((v, true)), _) => v as u32,
            (_, Some(c)) if c.fem && c.v == 1.0 && c.kind == lex::CardKind::Unit => 1,
            _ => return None,
        };
        let nx = self.t.info(j + 1);
        if v <= 2
            && !nx.conj
            && nx
                .entry()
                .card
                .is_some_and(|c| c.kind == lex::CardKind::Ten)
        {
            return Some((j + 2, v + 10));
        }
        (1..=10).contains(&v).then_some((j + 1, v))
    }

    /// A part of day said before a clock time: «مساء 7», «بعد الظهر الساعة 7».
    fn pod_before_clock(&self, i: usize) -> Option<(usize, Pod)> {
        let inf = self.t.info(i);
        if self.t.fw(i) == Some(Fw::Baad) && self.t.norm(i + 1) == "الظهر" {
            return Some((i + 2, Pod::Af));
        }
        match inf.entry().pod {
            Some((p, _)) if inf.prep == 0 => Some((i + 1, p)),
            _ => None,
        }
    }

    /// The value of a clock time on day `d`.
    fn clock_value(&self, d: Option<Date>, c: &Clock) -> String {
        let t = match c.s {
            Some(s) => format!("T{:02}:{:02}:{s:02}", c.h, c.m),
            None => format!("T{:02}:{:02}", c.h, c.m),
        };
        match d {
            Some(d) => format!("{}{t}", fmt_day(d)),
            None => t,
        }
    }

    /// The day a lone clock time belongs to: the last day named in the sentence, else
    /// `published`.
    fn clock_day(&self, i: usize) -> Option<Date> {
        self.hits
            .iter()
            .rev()
            .find(|h| {
                h.anchor.is_some_and(|a| a.gran == Gran::Day) && self.t.same_sentence(h.start, i)
            })
            .and_then(|h| h.anchor.map(|a| a.date))
            .or(self.pubd)
    }

    /// A clock time with its day: «أمس الساعة العاشرة», «الساعة العاشرة من صباح اليوم»,
    /// or a clock time alone (anchored on the last day of the sentence, else `published`).
    /// Also clock ranges: «من الساعة 5 إلى 6 مساء».
    fn with_clock(&self, i: usize) -> Option<Vec<Hit>> {
        // Day then clock.
        if let Some(c) = self.core(i, false) {
            if let Some(d) = c.day {
                let mut k = c.end;
                if matches!(self.t.fw(k), Some(Fw::Fi)) || self.t.norm(k) == "عند" {
                    k += 1;
                }
                if let Some(mut ck) = self.clock(k) {
                    if ck.pod.is_none() {
                        ck.h = adjust_hour(ck.h, pod_of(&c.value));
                    }
                    let mut hit =
                        Hit::new(i, ck.end, TimeType::TIME, self.clock_value(Some(d), &ck));
                    hit.anchor = Some(Anchor::day(d));
                    return Some(vec![hit]);
                }
            }
        }
        // Range of clock times.
        if let Some(r) = self.clock_range(i) {
            return Some(r);
        }
        let approx = self.e(i).modw == Some(Mod::Approx) && self.t.info(i).prep == 0;
        let mut ci = if approx { i + 1 } else { i };
        let mut before_pod = None;
        if let Some((k, p)) = self.pod_before_clock(ci) {
            if self.t.fw(k) == Some(Fw::Hour) || self.t.kind(k) == Some(rasd_doc::TokenKind::Number)
            {
                before_pod = Some(p);
                ci = k;
            }
        }
        let mut ck = self.clock_loose(ci, before_pod.is_some())?;
        if ck.pod.is_none() {
            if let Some(p) = before_pod {
                ck.h = adjust_hour(ck.h, Some(p));
                ck.pod = Some(p);
            }
        }
        let mut end = ck.end;
        // Clock then day: «من صباح اليوم», «من يوم الجمعة».
        let mut day: Option<Date> = None;
        for k in [end + 1, end] {
            if k == end + 1 && !(self.t.fw(end) == Some(Fw::Min) && self.t.info(end).bare()) {
                continue;
            }
            if let Some(c) = self.core(k, false) {
                if let Some(d) = c.day {
                    day = Some(d);
                    end = c.end;
                    if ck.pod.is_none() {
                        ck.h = adjust_hour(ck.h, pod_of(&c.value));
                    }
                    break;
                }
            }
        }
        let day = day.or_else(|| self.clock_day(i));
        let mut hit = Hit::new(i, end, TimeType::TIME, self.clock_value(day, &ck));
        if approx {
            hit.modifier = Some("APPROX");
        }
        Some(vec![hit])
    }

    /// A clock time, or (when `loose`) a bare hour 0–24 that context makes a time.
    fn clock_loose(&self, i: usize, loose: bool) -> Option<Clock> {
        if let Some(c) = self.clock(i) {
            return Some(c);
        }
        if !loose {
            return None;
        }
        let v = self.t.digits(i)?;
        if !self.t.info(i).plain_int || !(0.0..=24.0).contains(&v) {
            return None;
        }
        Some(Clock {
            end: i + 1,
            h: v as u32,
            m: 0,
            s: None,
            pod: None,
        })
    }

    /// «من 5 إلى 6 مساء», «بين الساعة 4 و5 مساء», «4 مساء - 5 مساء».
    fn clock_range(&self, i: usize) -> Option<Vec<Hit>> {
        let fw = self.t.fw(i);
        let opener = matches!(fw, Some(Fw::Min | Fw::Bayn)) && self.t.info(i).bare();
        let j = if opener { i + 1 } else { i };
        let first = self.clock_loose(j, opener || self.t.fw(j) == Some(Fw::Hour))?;
        let k = self.range_sep(first.end, fw)?;
        let k2 = k;
        let second = self.clock(k2).or_else(|| {
            // «من الساعة 4:00 إلى 7»: the second member may be bare after «الساعة» first.
            (self.t.fw(j) == Some(Fw::Hour))
                .then(|| self.clock_loose(k2, true))
                .flatten()
        })?;
        let mut a = first;
        if a.pod.is_none() {
            // «من 5 إلى 6 مساء»: the second member's part of day covers the first.
            a.h = adjust_hour(a.h, second.pod);
        }
        if !opener && !self.t.punct_in(a.end, &['-', '–']) {
            return None;
        }
        let day = self.clock_day(i);
        let h1 = Hit::new(i, a.end, TimeType::TIME, self.clock_value(day, &a));
        let h2 = Hit::new(
            a.end,
            second.end,
            TimeType::TIME,
            self.clock_value(day, &second),
        );
        Some(vec![h1, h2])
    }
}

/// A clock time: end token, hour (24h), minute, second, part of day.
#[derive(Clone, Copy, Debug)]
struct Clock {
    end: usize,
    h: u32,
    m: u32,
    s: Option<u32>,
    pod: Option<Pod>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::Meta;
    use rasd_text::{Normaliser, Segmenter};

    fn run(
        text: &str,
        published: Option<(i16, i8, i8)>,
    ) -> Vec<(String, String, Option<String>, TimeType)> {
        let meta = Meta {
            published: published.and_then(|(y, m, d)| Date::new(y, m, d).ok()),
            ..Default::default()
        };
        let mut d = Document::new(meta, text.to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        TimeTagger.process(&mut d);
        d.times
            .iter()
            .map(|t| {
                (
                    d.slice(t.span).to_string(),
                    t.value.clone(),
                    t.modifier.clone(),
                    t.ttype,
                )
            })
            .collect()
    }

    fn vals(text: &str, p: (i16, i8, i8)) -> Vec<(String, String)> {
        run(text, Some(p))
            .into_iter()
            .map(|(s, v, ..)| (s, v))
            .collect()
    }

    fn one(text: &str, p: (i16, i8, i8)) -> (String, String, Option<String>) {
        let r = run(text, Some(p));
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        let (s, v, m, _) = r.into_iter().next().unwrap();
        (s, v, m)
    }

    const P: (i16, i8, i8) = (2015, 8, 5); // a Wednesday

    #[test]
    fn full_and_partial_dates() {
        assert_eq!(
            one("وقع الهجوم في 3 مارس 2012 في المدينة", P).1,
            "2012-03-03"
        );
        assert_eq!(one("اجتمعوا يوم 12 يوليو", P).1, "2015-07-12");
        // Later in the year than publication: last year, unless near or future.
        assert_eq!(one("اندلعت المعارك في 30 نوفمبر", P).1, "2014-11-30");
        assert_eq!(one("تنطلق المفاوضات في 20 أغسطس", P).1, "2015-08-20");
        assert_eq!(one("سيعقد المؤتمر في 3 ديسمبر", P).1, "2015-12-03");
        assert_eq!(one("في الخامس من مارس الماضي", P).1, "2015-03-05");
        assert_eq!(one("في 4-يونيو", P).1, "2015-06-04");
    }

    #[test]
    fn month_systems() {
        assert_eq!(one("وصل في 12 جانفي 2015", P).1, "2015-01-12");
        assert_eq!(one("خلال شهر جويلية", P).1, "2015-07");
        assert_eq!(one("في 3 كانون الثاني 2014", P).1, "2014-01-03");
        assert_eq!(one("في تشرين الأول الماضي", P).1, "2014-10");
        assert_eq!(
            one("منذ أيار 2011", P),
            (
                "منذ أيار 2011".into(),
                "2011-05".into(),
                Some("SINCE".into())
            )
        );
        assert_eq!(one("في 9 أفريل 2014", P).1, "2014-04-09");
    }

    #[test]
    fn hijri_dates() {
        assert_eq!(one("في 1 رمضان 1445هـ", P).1, "2024-03-11");
        assert_eq!(one("في 1 محرم 1436 هـ", P).1, "2014-10-25");
        assert_eq!(one("عام 1436هـ", P).1, "2015");
        // Outside the Umm al-Qura table: tabular calendar.
        assert_eq!(one("في 1 محرم 1250 هـ", P).1, "1834-05-10");
        assert_eq!(one("خلال شهر رمضان", P).1, "2015-07");
    }

    #[test]
    fn years_decades_centuries_seasons() {
        assert_eq!(one("ولد عام 1948 في القرية", P).1, "1948");
        assert_eq!(one("في سنة 2013م", P).1, "2013");
        assert_eq!(
            one("منذ 2011 والبلاد", P),
            ("منذ 2011".into(), "2011".into(), Some("SINCE".into()))
        );
        assert_eq!(one("في السبعينيات", P).1, "197");
        assert_eq!(one("في تسعينيات القرن الماضي", P).1, "199");
        assert_eq!(one("في القرن التاسع عشر", P).1, "18");
        assert_eq!(one("صيف 2014", P).1, "2014-SU");
        assert_eq!(one("الشتاء الماضي", P).1, "2014-WI");
        // «عام» alone (general) and a count of things are not years.
        assert!(vals("قال الأمين العام للأمم المتحدة", P).is_empty());
        assert!(vals("وصل 2000 لاجئ", P).is_empty());
    }

    #[test]
    fn weekdays() {
        assert_eq!(one("قتل يوم الجمعة", P).1, "2015-07-31");
        assert_eq!(one("التقى الأحد الماضي", P).1, "2015-08-02");
        assert_eq!(one("يعقد الخميس المقبل", P).1, "2015-08-06");
        assert_eq!(one("اجتمعوا الأربعاء", P).1, "2015-08-05");
        assert_eq!(one("سيجتمعون الجمعة", P).1, "2015-08-07");
        assert!(vals("بعد صلاة الجمعة", P).is_empty());
        assert_eq!(run("يوم الجمعة", None)[0].1, "XXXX-WXX-5");
        assert_eq!(run("في 28 مايو", None)[0].1, "XXXX-05-28");
        assert_eq!(run("في 15 رمضان", None)[0].1, "XXXX-XX-XX");
        assert_eq!(run("في 15 رمضان 1435هـ", None)[0].1, "2014-07-12");
    }

    #[test]
    fn deictic_and_parts_of_day() {
        assert_eq!(one("قال أمس إن", P).1, "2015-08-04");
        assert_eq!(one("وقع بالأمس", P).1, "2015-08-04");
        assert_eq!(one("أول أمس", P).1, "2015-08-03");
        assert_eq!(one("سيصل غدا", P).1, "2015-08-06");
        assert_eq!(one("أعلن اليوم الجيش", P).1, "2015-08-05");
        assert_eq!(one("صباح اليوم", P).1, "2015-08-05TMO");
        assert_eq!(one("مساء أمس", P).1, "2015-08-04TEV");
        assert_eq!(one("فجر الأحد", P).1, "2015-08-02TMO");
        assert_eq!(one("الليلة", P).1, "2015-08-05TNI");
        assert!(vals("في اليوم الوطني", P).is_empty());
        assert_eq!(run("قال أمس", None)[0].1, "PAST_REF");
    }

    #[test]
    fn relative_periods() {
        assert_eq!(one("الأسبوع الماضي", P).1, "2015-W31");
        assert_eq!(one("الشهر المقبل", P).1, "2015-09");
        assert_eq!(one("العام الماضي", P).1, "2014");
        assert_eq!(one("هذا العام", P).1, "2015");
        assert_eq!(one("الشهر الجاري", P).1, "2015-08");
        assert_eq!(one("قبل يومين", P).1, "2015-08-03");
        assert_eq!(one("قبل ثلاثة أعوام", P).1, "2012");
        let r = run("منذ أسبوع", Some(P));
        assert_eq!((r[0].1.as_str(), r[0].3), ("P1W", TimeType::DURATION));
        assert_eq!(one("خلال الأيام الثلاثة الماضية", P).1, "P3D");
        assert_eq!(one("الساعات الـ24 الماضية", P).1, "PT24H");
        assert_eq!(one("استمر ثلاثة أيام", P).1, "P3D");
        assert_eq!(one("منذ عامين", P).1, "P2Y");
        // «بعد» counts from the last explicit date of the narrative.
        let v = vals("انتخب عام 2004 ثم استقال بعد عامين", P);
        assert_eq!(v[1].1, "2006");
        assert_eq!(one("سيعود بعد ثلاثة أيام", P).1, "2015-08-08");
        // … but counted from another event it is only a distance.
        let (s, v, _) = one("زار موسكو بعد أربع سنوات من أول زيارة", P);
        assert_eq!((s.as_str(), v.as_str()), ("بعد أربع سنوات", "P4Y"));
        assert_eq!(one("وصل قبل يومين من الانتخابات", P).1, "P2D");
        assert_eq!(vals("سيعود بعد ثلاثة أيام من الآن", P)[0].1, "2015-08-08");
        assert_eq!(run("الأسبوع الماضي", None)[0].1, "PAST_REF");
    }

    #[test]
    fn modifiers_and_ranges() {
        assert_eq!(
            one("منتصف شهر مايو", P),
            (
                "منتصف شهر مايو".into(),
                "2015-05".into(),
                Some("MID".into())
            )
        );
        assert_eq!(one("مطلع العام الجاري", P).2.as_deref(), Some("START"));
        assert_eq!(
            one("أواخر 2013", P),
            ("أواخر 2013".into(), "2013".into(), Some("END".into()))
        );
        assert_eq!(one("نهاية العام", P).2.as_deref(), Some("END"));
        assert_eq!(one("قبل 2011", P).2.as_deref(), Some("BEFORE"));
        assert_eq!(one("بعد 3 يونيو", P).2.as_deref(), Some("AFTER"));
        assert_eq!(
            vals("من 1 إلى 3 أغسطس", P),
            vec![
                ("من 1".into(), "2015-08-01".into()),
                ("إلى 3 أغسطس".into(), "2015-08-03".into())
            ]
        );
        let v = vals("بين عامي 2010 و2012", P);
        assert_eq!(
            v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["2010", "2012"]
        );
        let v = vals("19-20 نوفمبر 2014", P);
        assert_eq!(
            v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["2014-11-19", "2014-11-20"]
        );
    }

    #[test]
    fn clock_times_and_sets() {
        assert_eq!(one("الساعة الثالثة فجرا", P).1, "2015-08-05T03:00");
        assert_eq!(one("10:30 صباحا", P).1, "2015-08-05T10:30");
        assert_eq!(one("الساعة 7 مساء", P).1, "2015-08-05T19:00");
        assert_eq!(
            one("مساء أمس الساعة العاشرة والنصف", P).1,
            "2015-08-04T22:30"
        );
        assert_eq!(one("يتكرر يوميا", P).1, "P1D");
        assert_eq!(one("كل أسبوع", P).1, "P1W");
        assert_eq!(one("كل ثلاثة أشهر", P).1, "P3M");
        assert_eq!(run("كل يومين", Some(P))[0].3, TimeType::SET);
    }

    #[test]
    fn whole_and_rest_of_periods() {
        assert_eq!(one("أمضى يوما كاملا هناك", P).1, "P1D");
        assert_eq!(one("طوال العام", P).1, "P1Y");
        assert_eq!(one("خلال بقية العام", P).1, "2015");
        assert_eq!(one("خلال الأشهر الثلاثة المقبلة", P).1, "P3M");
        assert_eq!(one("في الثلاثة عقود القادمة", P).1, "P30Y");
    }

    #[test]
    fn weekdays_within_named_weeks() {
        assert_eq!(one("الخميس من الأسبوع المقبل", P).1, "2015-08-13");
        assert_eq!(one("الأسبوع الماضي يوم الاثنين", P).1, "2015-07-27");
        assert_eq!(one("الأسبوع بعد المقبل", P).1, "2015-W34");
        let v = vals("الأسبوع المقبل بين الاثنين والأربعاء", P);
        assert_eq!(
            v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["2015-W33", "2015-08-10", "2015-08-12"]
        );
    }

    #[test]
    fn months_with_relative_years_quarters_and_days() {
        assert_eq!(one("في مارس العام المقبل", P).1, "2016-03");
        assert_eq!(one("في الربع الثالث من عام 2016", P).1, "2016-Q3");
        assert_eq!(one("في الربع الأول من العام الماضي", P).1, "2014-Q1");
        assert_eq!(one("عاد يوم 27", P).1, "2015-07-27");
        assert_eq!(one("عاد يوم 3", P).1, "2015-08-03");
    }

    #[test]
    fn holidays() {
        // Umm al-Qura: 1 Shawwal 1436 = 2015-07-17; 10 Dhu al-Hijja 1435 = 2014-10-04.
        assert_eq!(one("بعد عيد الفطر", P).1, "2015-07-17");
        assert_eq!(one("عيد الأضحى 2014", P).1, "2014-10-04");
        // A future sentence: the next one.
        assert_eq!(one("سيعود قبيل عيد الأضحى", P).1, "2015-09-23");
        assert_eq!(one("في عيد الميلاد", P).1, "2014-12-25");
        assert_eq!(one("يوم الأرض", P).1, "2015-03-30");
        assert_eq!(run("عيد الميلاد", None)[0].1, "XXXX-12-25");
    }

    #[test]
    fn parts_of_day_after_prepositions() {
        assert_eq!(one("وصلوا في الصباح", P).1, "2015-08-05TMO");
        let v = vals("يوم الأحد وصلوا في المساء", P);
        assert_eq!(v[1].1, "2015-08-02TEV");
        assert_eq!(one("في وقت متأخر من الليل", P).1, "2015-08-05TNI");
        assert!(vals("صباحا", P).is_empty());
    }

    #[test]
    fn more_clock_times() {
        assert_eq!(one("السابعة والنصف مساء", P).1, "2015-08-05T19:30");
        assert_eq!(one("بعد الظهر الساعة 3", P).1, "2015-08-05T15:00");
        assert_eq!(one("مساء 7", P).1, "2015-08-05T19:00");
        assert_eq!(one("الحادية عشرة ليلا", P).1, "2015-08-05T23:00");
        assert_eq!(one("منتصف النهار", P).1, "2015-08-05T12:00");
        assert_eq!(one("عند 12:34:25", P).1, "2015-08-05T12:34:25");
        let v = vals("من الساعة 5 إلى 6 مساء", P);
        assert_eq!(
            v.iter().map(|x| x.1.as_str()).collect::<Vec<_>>(),
            vec!["2015-08-05T17:00", "2015-08-05T18:00"]
        );
        assert!(vals("في الذكرى الخامسة والعشرين", P).is_empty());
        assert!(vals("فاز 2:1 على ضيفه", P).is_empty());
    }

    #[test]
    fn tense_window_and_apposition() {
        // A future verb after the date belongs to another clause.
        assert_eq!(
            one("قال الوزير مساء الاثنين إن المحادثات ستستأنف", P).1,
            "2015-08-03TEV"
        );
        assert_eq!(one("ومن المقرر أن يصل الوفد يوم الأحد", P).1, "2015-08-09");
        assert_eq!(
            one("أعلن أمس الثلاثاء", P),
            ("أمس الثلاثاء".into(), "2015-08-04".into(), None)
        );
        assert_eq!(one("خلال أسبوع", P), ("أسبوع".into(), "P1W".into(), None));
        assert_eq!(one("في الأيام العشرة الأولى من الحرب", P).1, "P10D");
        assert_eq!(
            one("منذ مطلع العام الجاري", P),
            (
                "منذ مطلع العام الجاري".into(),
                "2015".into(),
                Some("START".into())
            )
        );
    }

    #[test]
    fn alternate_month_names_and_names() {
        assert_eq!(one("ندد أول من أمس", P).1, "2015-08-03");
        assert_eq!(
            one("اعتبارا من 22 يوليو (تموز) بسبب", P),
            ("22 يوليو (تموز)".into(), "2015-07-22".into(), None)
        );
        assert_eq!(one("في يناير (كانون الثاني) 2014 وقع", P).1, "2014-01");
        assert_eq!(one("في كانون الثاني/يناير الماضي", P).1, "2015-01");
        assert!(vals("زار الرئيس رمضان قديروف المدينة", P).is_empty());
        assert_eq!(one("في رمضان الماضي", P).1, "2015-07");
    }

    #[test]
    fn bounded_offsets_and_the_current_month() {
        let r = run("منذ بدء التسجيل قبل أكثر من 100 عام", Some(P));
        assert_eq!(
            (r[0].1.as_str(), r[0].2.as_deref()),
            ("1915", Some("BEFORE"))
        );
        let r = run("منذ أكثر من عامين", Some(P));
        assert_eq!(
            (r[0].1.as_str(), r[0].2.as_deref()),
            ("P2Y", Some("MORE_THAN"))
        );
        assert_eq!(one("قبل نحو أسبوعين", P).2.as_deref(), Some("APPROX"));
        assert_eq!(one("من المتوقع أن تستمر حتى نهاية أغسطس", P).1, "2015-08");
    }

    #[test]
    fn motion_verbs() {
        for w in [
            "عدت",
            "سأعود",
            "يرحلون",
            "وخرجت",
            "عادوا",
            "تسافر",
            "سأخرج",
            "جئت",
        ] {
            assert!(is_motion_verb(&fold(w)), "{w}");
        }
        for w in ["عد", "الذهب", "سيارة", "عودة", "يصل", "قتلى"] {
            assert!(!is_motion_verb(&fold(w)), "{w}");
        }
    }

    #[test]
    fn bare_complements_of_verbs_of_going() {
        // Days: digits 13–31 and masculine ordinals; the future looks ahead.
        assert_eq!(one("سأعود في 15", P).1, "2015-08-15");
        assert_eq!(one("عدت في 27.", P).1, "2015-07-27");
        assert_eq!(one("عدت للثاني والعشرين", P).1, "2015-07-22");
        assert_eq!(one("عدت للثاني", P).1, "2015-08-02");
        // Hours: digits up to 12 and feminine ordinals up to 12.
        assert_eq!(one("سأعود عند 7", P).1, "2015-08-05T07:00");
        assert_eq!(one("سأعود في السابعة", P).1, "2015-08-05T07:00");
        assert_eq!(one("سأعود الحادية عشرة", P).1, "2015-08-05T11:00");
        // Numeric pairs: month and day (the part over 12 is the day), month and year.
        assert_eq!(one("سأعود 22-4", P).1, "2016-04-22");
        assert_eq!(one("عدت في 4.22", P).1, "2015-04-22");
        assert_eq!(one("سأخرج 3-2015", P).1, "2015-03");
        assert_eq!(one("سأخرج 2015.3", P).1, "2015-03");
        // Counts stay counts: no verb of going, or the clause goes on.
        assert!(vals("ارتفع عدد القتلى إلى 27.", P).is_empty());
        assert!(vals("عاد 15 لاجئا إلى قراهم", P).is_empty());
        assert!(vals("عادوا إلى 27 قرية", P).is_empty());
        assert!(vals("يصل إلى 27", P).is_empty());
    }

    #[test]
    fn noon() {
        assert_eq!(one("سأعود الظهيرة", P).1, "2015-08-05T12:00");
        assert_eq!(one("وقت الظهيرة", P).1, "2015-08-05T12:00");
        assert_eq!(one("نلتقي عند الظهر", P).1, "2015-08-05T12:00");
        let (_, v, m) = one("قبل الظهر", P);
        assert_eq!(
            (v.as_str(), m.as_deref()),
            ("2015-08-05T12:00", Some("BEFORE"))
        );
        assert!(vals("طعنه في الظهر", P).is_empty());
        // The afternoon and noon of a named day keep their own rules.
        assert_eq!(one("بعد الظهر", P).1, "2015-08-05TAF");
    }

    #[test]
    fn spoken_and_run_together_clock_times() {
        assert_eq!(one("سأعود 340 مساء", P).1, "2015-08-05T15:40");
        assert_eq!(one("سأعود 1140 صباحا", P).1, "2015-08-05T11:40");
        assert_eq!(
            one("ضبط المنبه على ثمانية وأربعين", P).1,
            "2015-08-05T08:40"
        );
        assert_eq!(one("ضبط المنبه على عشرة عشرة", P).1, "2015-08-05T10:10");
        assert_eq!(one("ثمانية وأربعين مساءً", P).1, "2015-08-05T20:40");
        assert_eq!(one("خمسة عشر خمسة عشر مساءً", P).1, "2015-08-05T15:15");
        assert_eq!(one("إنها ثامنة والربع", P).1, "2015-08-05T08:15");
        // Counts: a bare pair, a count before a part of day that a day follows, a
        // run-together number before a noun.
        assert!(vals("ثمانية وأربعين", P).is_empty());
        assert!(vals("قتل ثلاثة مساء الأحد", P)
            .iter()
            .all(|(_, v)| !v.contains("T03") && !v.contains("T15")));
        assert!(vals("وصل 1100 صباح اليوم", P)
            .iter()
            .all(|(_, v)| !v.contains("T11")));
    }

    #[test]
    fn easter_and_more_holidays() {
        assert_eq!(easter(2015), cal::ymd(2015, 4, 5));
        assert_eq!(easter(2016), cal::ymd(2016, 3, 27));
        assert_eq!(easter(2024), cal::ymd(2024, 3, 31));
        assert_eq!(one("عيد الفصح 2016", P).1, "2016-03-27");
        assert_eq!(one("في يواندان", P).1, "2015-01-01");
        assert_eq!(one("احتفلوا في عيد الاستقلال", P).1, "XXXX-XX-XX");
        assert_eq!(one("في عيد الاستقلال عام 2019", P).1, "2019-XX-XX");
    }

    #[test]
    fn nth_weekday_of_a_month() {
        // P is Wednesday 2015-08-05; August 2015 starts on a Saturday.
        assert_eq!(one("يوم الأحد الثاني", P).1, "2015-08-09");
        assert_eq!(one("الثلاثاء الثالث", P).1, "2015-08-18");
        assert_eq!(one("الجمعة الأخيرة من مايو", P).1, "2015-05-29");
        assert_eq!(one("الخميس الأول من سبتمبر", P).1, "2015-09-03");
        // No fifth Tuesday in August 2015: just the weekday.
        assert_eq!(one("الثلاثاء الخامس", P).0, "الثلاثاء");
    }

    #[test]
    fn years_in_words() {
        assert_eq!(one("في ألف وسبعمائة وتسعة وثمانين", P).1, "1789");
        let r = vals("المدى من ألفين إلى ألفين وأربعة عشر.", P);
        let v: Vec<&str> = r.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(v, ["2000", "2014"]);
        // Counts.
        assert!(vals("ارتفع العدد إلى ألفين.", P).is_empty());
        assert!(vals("أكثر من ألفين.", P).is_empty());
        assert!(vals("في ألفين منزل", P).is_empty());
    }

    #[test]
    fn early_late_days_ramadan_epithets_and_durations() {
        // Published Monday 2015-07-27, quoting «today, Sunday»: the weekday wins.
        let m = (2015, 7, 27);
        assert_eq!(one("اليوم الأحد", m).1, "2015-07-26");
        assert_eq!(one("اليوم الاثنين", m).1, "2015-07-27");
        assert_eq!(one("في وقت مبكر من اليوم الأحد", m).1, "2015-07-26TMO");
        assert_eq!(one("في وقت متأخر من يوم الجمعة", m).1, "2015-07-24TNI");
        // 9 Ramadan 1436 = 2015-06-26.
        assert_eq!(
            one("في التاسع من الشهر الفضيل", (2015, 7, 21)).1,
            "2015-06-26"
        );
        assert_eq!(one("لشهر واحد فقط", P).1, "P1M");
        assert_eq!(one("ليومين", P).1, "P2D");
        assert_eq!(one("لثلاثة أيام", P).1, "P3D");
        assert_eq!(one("سأغادر ليوم كامل", P).1, "P1D");
        assert!(vals("لشهر رمضان", P)
            .iter()
            .all(|(_, v)| !v.starts_with('P')));
        let (s, v, m) = one("بعد مرور ما يقارب العام على تشكيل الحكومة", P);
        assert_eq!(
            (s.as_str(), v.as_str(), m.as_deref()),
            ("ما يقارب العام", "P1Y", Some("APPROX"))
        );
        let (_, v, m) = one("منذ ما يقارب عامين", P);
        assert_eq!((v.as_str(), m.as_deref()), ("P2Y", Some("APPROX")));
        assert!(vals("توفي عن عمر يناهز 70 عاما", P).is_empty());
        assert!(vals("ما يقارب 500 قتيل", P).is_empty());
    }

    #[test]
    fn months_restated_in_another_system() {
        let (s, v, m) = one("منذ أغسطس آب 2014", P);
        assert_eq!(
            (s.as_str(), v.as_str(), m.as_deref()),
            ("منذ أغسطس آب 2014", "2014-08", Some("SINCE"))
        );
        assert_eq!(one("في أبريل نيسان", P).1, "2015-04");
        assert_eq!(one("منذ مايو أيار الماضي", P).1, "2015-05");
        assert!(vals("تصعد عملياتها في محافظة اب جنوب صنعاء", P).is_empty());
        assert!(vals("سيطرت على ست مديريات في اب وتصعد", P).is_empty());
        assert_eq!(one("في آب", P).1, "2015-08");
        assert_eq!(one("في اب الماضي", P).1, "2014-08");
    }

    #[test]
    fn unit_after_unit_is_a_set() {
        let r = run("تتراجع الخدمات عاما بعد عام", Some(P));
        assert_eq!(r.len(), 1, "{r:?}");
        assert_eq!(
            (r[0].0.as_str(), r[0].1.as_str(), r[0].3),
            ("عاما بعد عام", "P1Y", TimeType::SET)
        );
        assert_eq!(one("يوما بعد يوم", P).1, "P1D");
        // «بعد عام» alone stays an offset.
        assert_eq!(one("بعد عام", P).1, "2016");
    }

    #[test]
    fn bare_seasons() {
        // After a verb of going; a future sentence names a season already past in
        // the year for next year, otherwise a season is this year's.
        assert_eq!(one("سأرحل الصيف", P).1, "2015-SU");
        assert_eq!(one("سأرحل الربيع", P).1, "2016-SP");
        assert_eq!(one("وقع ذلك في الربيع", P).1, "2015-SP");
        assert_eq!(one("بحلول فصل الخريف", P).1, "2015-FA");
        assert_eq!(one("هذا الخريف", P).1, "2015-FA");
    }

    #[test]
    fn ages_are_not_times() {
        assert!(vals("اللواء خليل ،65 سنة ، قال", P).is_empty());
        assert!(vals("البالغ من العمر 40 عاما", P).is_empty());
    }

    #[test]
    fn spans_are_original_bytes() {
        let text = "وقع ذلك في ٢٤ أكتوبر ٢٠١٣م.";
        let meta = Meta::default();
        let mut d = Document::new(meta, text.into());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        TimeTagger.process(&mut d);
        assert_eq!(d.slice(d.times[0].span), "٢٤ أكتوبر ٢٠١٣م");
        assert_eq!(d.times[0].value, "2013-10-24");
    }
}
