//! The quantities stage: counts and amounts with bounds and the English lemma of what
//! they count.
//!
//! A quantity is an amount followed (or, for casualty reports, preceded) by what it
//! counts:
//! * amounts: digits («1,500», «٢٥»), number words with multipliers («خمسة وعشرون
//!   ألفا», «25 ألف»), duals of counted nouns («جنديين»), vague amounts with bounds
//!   («عشرات» 20–99, «مئات» 200–999, «آلاف» 2,000–9,999, «بضعة» 3–9, «عشرات الآلاف»),
//!   and bound words before them («أكثر من 20» → min 21, «ما لا يقل عن», «أقل من»,
//!   «نحو/حوالي» → approx);
//! * the counted noun after it («جندي», «من المارينز», «من هذه الطائرات»), looked up in
//!   the units table ([`crate::units`]); percentages («%», «في المائة»);
//! * event nouns before it that say what happened to those counted: «مقتل 16 مدنيا» →
//!   unit `killed`, of `civilian`; «مقتل وإصابة 35» → `killed_or_wounded`.
//!
//! Numbers without anything counted are not reported (they are labels, scores, model
//! names …), nor are numbers inside time expressions, ordinals, phone numbers and
//! article or resolution numbers («القرار 2216»). Ages («71 سنة» in apposition, «البالغ
//! من العمر 40 عاما») are reported with unit `year` and of `age`.

use crate::lex::{self, CardKind, Fw, Info, Mod};
use crate::num::{cardinal, Toks};
use crate::units::{self, Class, UNITS};
use rasd_doc::{Document, Quantity, Span, Stage, TokenKind};
use rasd_text::fold;
use std::sync::LazyLock;

/// The quantities stage: fills `doc.quantities`. Needs tokens; run after the times stage
/// so time expressions are not taken for quantities.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuantityTagger;

impl Stage for QuantityTagger {
    fn name(&self) -> &'static str {
        "quantities"
    }

    fn process(&self, doc: &mut Document) {
        let inf = lex::analyse(doc);
        let q = tag(doc, &inf);
        doc.quantities = q;
    }
}

/// Vague amounts: folded word → (min, max).
static VAGUE: LazyLock<Vec<(String, f64, f64)>> = LazyLock::new(|| {
    [
        ("عشرات", 20.0, 99.0),
        ("مئات", 200.0, 999.0),
        ("مئات", 200.0, 999.0),
        ("آلاف", 2000.0, 9999.0),
        ("ألوف", 2000.0, 9999.0),
        ("ملايين", 2e6, 9_999_999.0),
        ("مليارات", 2e9, 9_999_999_999.0),
        ("بضعة", 3.0, 9.0),
        ("بضع", 3.0, 9.0),
        ("عدة", 3.0, 9.0),
    ]
    .iter()
    .map(|(w, a, b)| (fold(w), *a, *b))
    .collect()
});

/// Event nouns and verbs before a count → the unit they give.
static EVENTS: LazyLock<Vec<(String, &'static str)>> = LazyLock::new(|| {
    let killed = [
        "مقتل",
        "بحياة",
        "قتل",
        "مصرع",
        "قتلت",
        "استشهاد",
        "سقوط",
        "لقي",
        "لقيت",
    ];
    let wounded = [
        "إصابة",
        "اصابة",
        "جرح",
        "أصيب",
        "أصيبت",
        "إصابات",
        "أصاب",
        "أصابت",
    ];
    let arrested = [
        "اعتقال",
        "توقيف",
        "احتجاز",
        "اعتقل",
        "اعتقلت",
        "أوقف",
        "أوقفت",
        "القبض",
    ];
    let abducted = ["اختطاف", "خطف", "اختطف", "خطفت"];
    let executed = ["إعدام", "أعدم", "أعدمت"];
    let displaced = ["نزوح", "تهجير", "تشريد"];
    let dead = ["وفاة", "توفي", "غرق"];
    let released = ["إطلاق", "الإفراج", "الافراج", "تحرير"];
    let mut v = Vec::new();
    for (ws, u) in [
        (&killed[..], "killed"),
        (&wounded[..], "wounded"),
        (&arrested[..], "arrested"),
        (&abducted[..], "abducted"),
        (&executed[..], "executed"),
        (&displaced[..], "displaced"),
        (&dead[..], "dead"),
        (&released[..], "released"),
    ] {
        for w in ws {
            v.push((fold(w), u));
        }
    }
    v
});

/// Words after which a number is a label, not a count.
static LABEL_WORDS: LazyLock<Vec<String>> = LazyLock::new(|| {
    [
        "رقم",
        "القرار",
        "قرار",
        "المادة",
        "مادة",
        "الفقرة",
        "البند",
        "الفصل",
        "القانون",
        "المرسوم",
        "الآية",
        "الطريق",
        "الطابق",
        "الصفحة",
        "صفحة",
        "الكيلو",
        "العدد",
        "الدورة",
        "النسخة",
        "الجولة",
        "الحلقة",
        "الجزء",
        "الموسم",
        "المجموعة",
        "الفيلق",
        "اللواء",
        "الكتيبة",
        "الفرقة",
        "الفوج",
        "الدائرة",
        "الرحلة",
        "الطائرة",
        "هاتف",
        "الهاتف",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// A quantity found over tokens `start..end`.
#[derive(Clone, Debug)]
struct Q {
    start: usize,
    end: usize,
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
    approx: bool,
    unit: Option<&'static str>,
    of: Option<&'static str>,
}

fn strip_wf(w: &str) -> &str {
    match w.strip_prefix('و').or_else(|| w.strip_prefix('ف')) {
        Some(r) if r.chars().count() >= 3 => r,
        _ => w,
    }
}

fn event_of(w: &str) -> Option<&'static str> {
    let w = strip_wf(w);
    EVENTS.iter().find(|(e, _)| e == w).map(|(_, u)| *u)
}

struct Cx<'a> {
    t: Toks<'a>,
    in_time: Vec<bool>,
}

/// Finds the quantities of `doc` given its lexicon analysis (times already tagged).
pub(crate) fn tag(doc: &Document, inf: &[Info]) -> Vec<Quantity> {
    let t = Toks { doc, inf };
    // Tokens inside time expressions (both lists are sorted: one merge walk).
    let mut in_time = vec![false; doc.tokens.len()];
    let mut ti = 0;
    for (k, tok) in doc.tokens.iter().enumerate() {
        while doc
            .times
            .get(ti)
            .is_some_and(|tm| tm.span.end <= tok.span.start)
        {
            ti += 1;
        }
        if doc
            .times
            .get(ti)
            .is_some_and(|tm| tm.span.overlaps(&tok.span))
        {
            in_time[k] = true;
        }
    }
    let cx = Cx { t, in_time };
    let n = cx.t.len();
    let mut out: Vec<Quantity> = Vec::new();
    let mut i = 0;
    while i < n {
        let inf = cx.t.info(i);
        let start = inf.e.is_some_and(|e| e.qstart)
            || doc
                .tokens
                .get(i)
                .is_some_and(|t| t.kind == TokenKind::Number);
        if !start || cx.in_time.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        match cx.quantity_at(i) {
            Some(q) => {
                let (Some(a), Some(b)) = (
                    doc.tokens.get(q.start),
                    doc.tokens.get(q.end.saturating_sub(1)),
                ) else {
                    i += 1;
                    continue;
                };
                let span = Span::new(a.span.start, b.span.end);
                let clash = doc.times.iter().any(|tm| tm.span.overlaps(&span))
                    || out.last().is_some_and(|l| l.span.end > span.start);
                if !clash && !span.is_empty() {
                    out.push(Quantity {
                        span,
                        value: Some(q.value),
                        min: q.min,
                        max: q.max,
                        approx: q.approx,
                        unit: q.unit.map(str::to_string),
                        of: q.of.map(str::to_string),
                    });
                }
                i = q.end.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// What the amount core found.
struct Amount {
    end: usize,
    value: f64,
    min: Option<f64>,
    max: Option<f64>,
    approx: bool,
    /// A dual counted noun gave both amount and unit.
    dual_unit: Option<u16>,
    /// The amount is a bare digit token.
    digit: bool,
}

impl<'a> Cx<'a> {
    fn norm(&self, i: usize) -> &'a str {
        self.t.norm(i)
    }

    fn free(&self, i: usize) -> bool {
        !self.in_time.get(i).copied().unwrap_or(true)
    }

    fn quantity_at(&self, i: usize) -> Option<Q> {
        // «نسبة 10»: a percentage named by its noun.
        let ratio = strip_wf(self.norm(i)) == "نسبه" && self.t.info(i).prep == 0;
        let i0 = i;
        let i = if ratio { i + 1 } else { i };
        // Bound and approximation words.
        let (j, bound) = self.bound(i);
        // «سالب خمسة».
        let neg = matches!(self.norm(j), "سالب" | "ناقص");
        let j = if neg { j + 1 } else { j };
        let mut amt = self.amount(j)?;
        if neg {
            amt.value = -amt.value;
        }
        // Digits glued to a URL or identifier («q=30%»).
        if j > 0 && self.t.touching(j - 1) {
            let prev_kind = self.t.kind(j - 1);
            let glued = prev_kind == Some(TokenKind::Latin)
                || (prev_kind == Some(TokenKind::Punct)
                    && !self
                        .t
                        .punct_in(j - 1, &['(', '«', '"', '-', '–', '[', '،', ',']))
                || prev_kind == Some(TokenKind::Number);
            if glued {
                return None;
            }
        }
        if !(j..amt.end).all(|k| self.free(k)) {
            return None;
        }
        let mut value = amt.value;
        let mut min = amt.min;
        let mut max = amt.max;
        let mut approx = amt.approx;
        match bound {
            Bound::None => {}
            Bound::Approx => approx = true,
            Bound::MoreThan => {
                let v = if value.fract() == 0.0 {
                    value + 1.0
                } else {
                    value
                };
                min = Some(min.map_or(v, |m| m.max(v)));
                value = min.unwrap_or(v);
                max = None;
            }
            Bound::AtLeast => {
                min = Some(min.unwrap_or(value));
                max = None;
            }
            Bound::LessThan => {
                let v = if value.fract() == 0.0 {
                    value - 1.0
                } else {
                    value
                };
                max = Some(v);
                value = v;
                min = None;
            }
            Bound::AtMost => {
                max = Some(value);
                min = None;
            }
        }
        // What is counted.
        let (mut end, mut unit, mut of) = (amt.end, None::<&'static str>, None::<&'static str>);
        if let Some(id) = amt.dual_unit {
            unit = units::get(id).map(|u| u.lemma);
        } else if self.t.punct_in(amt.end, &['%']) {
            unit = Some("percent");
            end = amt.end + 1;
        } else if let Some((uend, id)) = self.counted(amt.end) {
            unit = units::get(id).map(|u| u.lemma);
            end = uend;
        } else if let Some(u) = self.between_casualties(amt.end) {
            unit = Some(u.0);
            end = u.1;
        } else if let Some(uend) = self.age_unit(j, amt.end) {
            unit = Some("year");
            of = Some("age");
            end = uend;
        }
        let unit_class =
            unit.and_then(|u| UNITS.units.iter().find(|x| x.lemma == u).map(|x| x.class));
        // An event noun before the amount gives the unit; the counted people stay as `of`.
        if of.is_none() {
            if let Some(ev) = self.event_before(i) {
                match unit_class {
                    Some(Class::Person) | None
                        if unit != Some("percent")
                            && !matches!(unit_class, Some(Class::Money | Class::Measure)) =>
                    {
                        of = unit;
                        unit = Some(ev);
                    }
                    _ => {}
                }
            }
        }
        // «الجنود الـ12», «عدد القتلى إلى 35»: the counted noun comes first.
        let mut start = i;
        if unit.is_none() {
            if let Some((s, id)) = self.head_before(i) {
                unit = units::get(id).map(|u| u.lemma);
                start = s;
            }
        }
        if ratio && unit != Some("percent") {
            // «نسبة 45 من الأصوات»: 45 percent, of the votes.
            if of.is_none() {
                of = unit;
            }
            unit = Some("percent");
            start = i0;
        }
        unit?;
        // Labels: «الفيلق 317 من القوات», «القرار 2216».
        if amt.digit
            && j == i
            && self.is_label(i)
            && end > amt.end
            && self.t.fw(amt.end) == Some(Fw::Min)
        {
            return None;
        }
        if amt.digit && self.is_phone(j) {
            return None;
        }
        Some(Q {
            start,
            end,
            value,
            min,
            max,
            approx,
            unit,
            of,
        })
    }

    /// Bound words before an amount. Returns (amount start, bound).
    fn bound(&self, i: usize) -> (usize, Bound) {
        let w = strip_wf(self.norm(i));
        // «بأكثر من», «لنحو»: a preposition before the bound word.
        let w = match w.strip_prefix('ب').or_else(|| w.strip_prefix('ل')) {
            Some(r)
                if matches!(
                    r,
                    "اكثر" | "ازيد" | "اقل" | "نحو" | "حوالي" | "قرابه" | "زهاء"
                ) =>
            {
                r
            }
            _ => w,
        };
        let w1 = self.norm(i + 1);
        let w2 = self.norm(i + 2);
        let w3 = self.norm(i + 3);
        let inf = self.t.info(i);
        if inf.entry().modw == Some(Mod::Approx) && inf.prep == 0 {
            return (i + 1, Bound::Approx);
        }
        match (w, w1, w2, w3) {
            ("ما", "لا", "يقل" | "تقل", "عن" | "علي") => (i + 4, Bound::AtLeast),
            ("لا", "يقل" | "تقل", "عن" | "علي", _) => (i + 3, Bound::AtLeast),
            ("ما", "لا", "يزيد" | "تزيد", "عن" | "علي") => (i + 4, Bound::AtMost),
            ("ما", "يزيد" | "يربو" | "يفوق", "عن" | "علي", _) => {
                (i + 3, Bound::MoreThan)
            }
            ("ما", "يفوق", _, _) => (i + 2, Bound::MoreThan),
            ("ما", "يقرب", "من", _) => (i + 3, Bound::Approx),
            ("ما", "يقارب" | "يناهز" | "يقرب", _, _) => (i + 2, Bound::Approx),
            ("اكثر" | "ازيد", "من", _, _) => (i + 2, Bound::MoreThan),
            ("اقل", "من", _, _) => (i + 2, Bound::LessThan),
            ("قرابه" | "زهاء" | "نحو" | "حوالي", _, _, _) => {
                (i + 1, Bound::Approx)
            }
            ("يقارب" | "يناهز" | "تقريبا", _, _, _) => (i + 1, Bound::Approx),
            _ => (i, Bound::None),
        }
    }

    /// The amount at `j`.
    fn amount(&self, j: usize) -> Option<Amount> {
        // Vague amounts, possibly multiplied: «عشرات الآلاف».
        if let Some(a) = self.vague(j) {
            return Some(a);
        }
        let inf = self.t.info(j);
        // A dual counted noun: «جنديين».
        if let Some((id, true)) = inf.entry().unit {
            if !inf.al {
                return Some(Amount {
                    end: j + 1,
                    value: 2.0,
                    min: None,
                    max: None,
                    approx: false,
                    dual_unit: Some(id),
                    digit: false,
                });
            }
        }
        // «بثلاثة خنادق», «لخمسة جنود»: ب/ل may cling to a count in words (a unit
        // must still follow); «ك» and clitics on digits are something else.
        let word_prep =
            matches!(inf.prep, b'b' | b'l') && self.t.kind(j) == Some(TokenKind::Arabic);
        if inf.prep != 0 && !word_prep
            || inf
                .entry()
                .card
                .is_some_and(|c| c.kind == CardKind::Mult && inf.al)
        {
            return None;
        }
        if self.t.kind(j) == Some(TokenKind::Number) && inf.num.is_none() {
            return None;
        }
        let m = cardinal(&self.t, j)?;
        if m.al {
            return None;
        }
        // «آلاف» / «ملايين» alone are vague (handled above); «ألف» alone is 1000.
        Some(Amount {
            end: m.end,
            value: m.value,
            min: None,
            max: None,
            approx: false,
            dual_unit: None,
            digit: m.single_digit_token,
        })
    }

    /// «عشرات», «مئات», «آلاف», «بضعة», «عدة», «عشرات الآلاف», «بضعة آلاف».
    fn vague(&self, j: usize) -> Option<Amount> {
        let w = strip_wf(self.norm(j));
        let w = if VAGUE.iter().any(|(v, ..)| v == w) {
            w
        } else {
            w.strip_prefix("ال").unwrap_or(w)
        };
        let (_, lo, hi) = VAGUE.iter().find(|(v, ..)| v == w)?.clone();
        let mut end = j + 1;
        let (mut lo, mut hi) = (lo, hi);
        // Multiplier after: «عشرات الآلاف», «بضعة ملايين», «مئات الآلاف».
        let nx = self.t.info(end);
        if let Some(c) = nx.entry().card {
            if c.kind == CardKind::Mult && !nx.conj {
                let m = c.v;
                // Bounds in units: «عشرات» 20–99 → 20,000–99,999 thousands.
                lo *= m;
                hi = (hi + 1.0) * m - 1.0;
                end += 1;
            }
        }
        Some(Amount {
            end,
            value: lo,
            min: Some(lo),
            max: Some(hi),
            approx: true,
            dual_unit: None,
            digit: false,
        })
    }

    /// The counted noun at `k`: «جندي», «من المارينز», «من هذه الطائرات», «في المائة».
    fn counted(&self, k: usize) -> Option<(usize, u16)> {
        if !self.free(k) {
            return None;
        }
        if let Some(r) = self.unit_word(k, true) {
            return Some(r);
        }
        // Partitive «من» (+ demonstrative) + a definite noun.
        if self.t.fw(k) == Some(Fw::Min) && self.t.info(k).bare() {
            let mut j = k + 1;
            let dem = ["هذه", "هذا", "هؤلاء", "تلك", "اولئك", "بين"];
            if dem.contains(&self.norm(j)) {
                j += 1;
            }
            if let Some((end, id)) = self.unit_word(j, false) {
                if self.t.info(j).al || self.t.info(j).prep == b'l' {
                    return Some((end, id));
                }
                // «اثنين من أفراد الشرطة», «من أفراد قوات الأمن»: an indefinite noun in
                // construct with a definite one (directly or through one more noun).
                let definite = |k: usize| {
                    let ki = self.t.info(k);
                    let kw = self.norm(k);
                    ki.bare()
                        && self.t.kind(k) == Some(TokenKind::Arabic)
                        && (ki.al || kw.starts_with("ال") && kw.chars().count() > 3)
                };
                let bare_noun = |k: usize| {
                    let ki = self.t.info(k);
                    ki.bare() && !ki.al && self.t.kind(k) == Some(TokenKind::Arabic)
                };
                if end == j + 1
                    && self.t.info(j).bare()
                    && (definite(end) || bare_noun(end) && definite(end + 1))
                {
                    return Some((end, id));
                }
            }
            // «من السوريين»: a definite nisba plural counts people.
            let w = self.norm(j);
            if w.starts_with("ال")
                && (w.ends_with("يين") || w.ends_with("يون"))
                && w.chars().count() >= 6
            {
                let id = UNITS.units.iter().position(|u| u.lemma == "person")?;
                return Some((j + 1, u16::try_from(id).ok()?));
            }
        }
        None
    }

    /// A unit noun (single or multi-word) at `j`. `direct`: right after the amount (the
    /// noun may then not carry a conjunction).
    fn unit_word(&self, j: usize, direct: bool) -> Option<(usize, u16)> {
        let inf = self.t.info(j);
        // Multi-word units, longest first.
        let w = self.norm(j);
        let first_forms = [w, strip_wf(w), w.strip_prefix("ال").unwrap_or(w)];
        for f in first_forms {
            if let Some(cands) = UNITS.multi.get(f) {
                for (rest, id) in cands {
                    let ok = rest.iter().enumerate().all(|(o, r)| {
                        let x = self.norm(j + 1 + o);
                        x == r || x.strip_prefix("ال") == Some(r) || r.strip_prefix("ال") == Some(x)
                    });
                    if ok {
                        return Some((j + 1 + rest.len(), *id));
                    }
                }
            }
        }
        let (id, dual) = inf.entry().unit?;
        if dual || (direct && (inf.conj || inf.prep == b'b' || inf.prep == b'k')) {
            return None;
        }
        Some((j + 1, id))
    }

    /// «35 بين قتيل وجريح» → killed_or_wounded.
    fn between_casualties(&self, k: usize) -> Option<(&'static str, usize)> {
        if self.t.fw(k) != Some(Fw::Bayn) {
            return None;
        }
        let a = self.t.info(k + 1).entry().unit?;
        let b = self.t.info(k + 2);
        let bu = b.entry().unit?;
        let la = units::get(a.0)?.lemma;
        let lb = units::get(bu.0)?.lemma;
        if b.conj && ((la == "killed" && lb == "wounded") || (la == "wounded" && lb == "killed")) {
            return Some(("killed_or_wounded", k + 3));
        }
        None
    }

    /// An age after the amount: «71 سنة» in apposition, «40 عاما» after «العمر».
    fn age_unit(&self, j: usize, k: usize) -> Option<usize> {
        let inf = self.t.info(k);
        let (u, _) = inf.entry().tunit?;
        if u != lex::TUnit::Year || inf.conj || inf.prep != 0 || inf.al {
            return None;
        }
        crate::time::is_age(&self.t, j, k + 1).then_some(k + 1)
    }

    /// An event noun or verb just before the amount (allowing «وإصابة»).
    fn event_before(&self, i: usize) -> Option<&'static str> {
        let k = i.checked_sub(1)?;
        if !self.t.same_sentence(k, i) {
            return None;
        }
        let e1 = event_of(self.norm(k))?;
        // «مقتل وإصابة 35».
        if let Some(k2) = k.checked_sub(1) {
            if self.t.info(k).conj || self.norm(k).starts_with('و') {
                if let Some(e0) = event_of(self.norm(k2)) {
                    if (e0 == "killed" && e1 == "wounded") || (e0 == "wounded" && e1 == "killed") {
                        return Some("killed_or_wounded");
                    }
                }
            }
        }
        Some(e1)
    }

    /// «الجنود الـ12» / «عدد القتلى إلى 35»: a definite counted noun before the amount.
    fn head_before(&self, i: usize) -> Option<(usize, u16)> {
        let k = i.checked_sub(1)?;
        if self.t.fw(k) == Some(Fw::Al) {
            // Only people: «الرهائن الـ12» counts, «الاجتماع الـ112» is an ordinal.
            let h = k.checked_sub(1)?;
            let inf = self.t.info(h);
            if let Some((id, false)) = inf.entry().unit {
                let person = units::get(id)
                    .is_some_and(|u| matches!(u.class, Class::Person | Class::Casualty));
                if inf.al && person {
                    return Some((h, id));
                }
            }
        }
        // «ارتفع عدد القتلى إلى 35».
        if matches!(self.t.fw(k), Some(Fw::Ila)) {
            for h in k.saturating_sub(4)..k {
                if strip_wf(self.norm(h)).ends_with("عدد") {
                    let inf = self.t.info(h + 1);
                    if let Some((id, false)) = inf.entry().unit {
                        if inf.al {
                            return Some((i, id));
                        }
                    }
                }
            }
        }
        None
    }

    fn is_label(&self, i: usize) -> bool {
        let Some(k) = i.checked_sub(1) else {
            return false;
        };
        let w = self.norm(k);
        if LABEL_WORDS.iter().any(|l| l == w) {
            return true;
        }
        let inf = self.t.info(k);
        self.t.kind(k) == Some(TokenKind::Arabic) && w.starts_with("ال") && inf.e.is_none()
    }

    fn is_phone(&self, i: usize) -> bool {
        let w = self.norm(i);
        let digits = w.bytes().filter(|b| b.is_ascii_digit()).count();
        (digits >= 7 && w.starts_with('0'))
            || digits >= 9 && self.t.info(i).plain_int
            || i.checked_sub(1).is_some_and(|k| self.t.punct_in(k, &['+']))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Bound {
    None,
    Approx,
    MoreThan,
    AtLeast,
    LessThan,
    AtMost,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TimeTagger;
    use rasd_doc::Meta;
    use rasd_text::{Normaliser, Segmenter};

    type Row = (
        String,
        f64,
        Option<f64>,
        Option<f64>,
        bool,
        Option<String>,
        Option<String>,
    );

    fn run(text: &str) -> Vec<Row> {
        let mut d = Document::new(Meta::default(), text.to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        TimeTagger.process(&mut d);
        QuantityTagger.process(&mut d);
        d.quantities
            .iter()
            .map(|q| {
                (
                    d.slice(q.span).to_string(),
                    q.value.unwrap_or(f64::NAN),
                    q.min,
                    q.max,
                    q.approx,
                    q.unit.clone(),
                    q.of.clone(),
                )
            })
            .collect()
    }

    fn one(text: &str) -> Row {
        let r = run(text);
        assert_eq!(r.len(), 1, "{text}: {r:?}");
        r.into_iter().next().unwrap()
    }

    fn vu(text: &str) -> (f64, String) {
        let r = one(text);
        (r.1, r.5.unwrap_or_default())
    }

    #[test]
    fn digits_and_words_with_units() {
        assert_eq!(
            vu("نشر 12 ألف جندي على الحدود"),
            (12000.0, "soldier".into())
        );
        assert_eq!(vu("أسقطت ثلاث طائرات"), (3.0, "aircraft".into()));
        assert_eq!(vu("وصل ١٬٥٠٠ لاجئ"), (1500.0, "refugee".into()));
        assert_eq!(vu("خصص 2.5 مليون دولار"), (2.5e6, "USD".into()));
        assert_eq!(vu("قتل خمسة وعشرون مسلحا"), (25.0, "killed".into()));
        assert_eq!(vu("أسر جنديين"), (2.0, "soldier".into()));
        assert_eq!(vu("فقدت 40 دبابة"), (40.0, "tank".into()));
        assert_eq!(vu("ارتفعت 3.5%"), (3.5, "percent".into()));
        assert_eq!(vu("نسبة 20 في المائة"), (20.0, "percent".into()));
        assert_eq!(vu("أعلن عن 300 من المعتقلين"), (300.0, "detainee".into()));
    }

    #[test]
    fn vague_amounts_and_bounds() {
        let r = one("أصيب عشرات المدنيين");
        assert_eq!((r.2, r.3, r.4), (Some(20.0), Some(99.0), true));
        let r = one("نزح مئات الأسر");
        assert_eq!(
            (r.2, r.3, r.5.as_deref()),
            (Some(200.0), Some(999.0), Some("family"))
        );
        let r = one("فر عشرات الآلاف من اللاجئين");
        assert_eq!((r.2, r.3), (Some(20000.0), Some(99999.0)));
        let r = one("اعتقل بضعة صحفيين");
        assert_eq!((r.2, r.3), (Some(3.0), Some(9.0)));
        let r = one("قتل أكثر من 20 شخصا");
        assert_eq!((r.1, r.2), (21.0, Some(21.0)));
        let r = one("شارك ما لا يقل عن 500 متظاهر");
        assert_eq!((r.1, r.2), (500.0, Some(500.0)));
        let r = one("حوالي 300 مقاتل");
        assert!(r.4 && r.1 == 300.0);
    }

    #[test]
    fn events_give_units() {
        let r = one("أسفر القصف عن مقتل 16 مدنيا");
        assert_eq!(
            (r.1, r.5.as_deref(), r.6.as_deref()),
            (16.0, Some("killed"), Some("civilian"))
        );
        let r = one("مقتل وإصابة 35 شخصا");
        assert_eq!(r.5.as_deref(), Some("killed_or_wounded"));
        let r = one("سقط 12 قتيلا");
        assert_eq!(r.5.as_deref(), Some("killed"));
        let r = one("خلف الهجوم 40 بين قتيل وجريح");
        assert_eq!(r.5.as_deref(), Some("killed_or_wounded"));
    }

    #[test]
    fn not_quantities() {
        assert!(run("صدر القرار 2216 عن مجلس الأمن").is_empty());
        assert!(run("وصل في 24 أكتوبر 2013").is_empty());
        assert!(run("اتصل على 0555123456").is_empty());
        assert!(run("جاء في المركز الثالث").is_empty());
        assert!(run("استمرت ثلاثة أيام").is_empty());
        assert!(run("فاز الفريق 3 مقابل 1").is_empty());
        assert!(run("قاتل الفيلق 44 من القوات الخاصة").is_empty());
    }

    #[test]
    fn percentages_and_guards() {
        assert_eq!(vu("بلغت نسبة 45 من الأصوات"), (45.0, "percent".into()));
        assert_eq!(vu("انخفض سالب خمسة بالمائة"), (-5.0, "percent".into()));
        assert!(run("انظر https://example.com/?q=30% هنا").is_empty());
    }

    #[test]
    fn clitic_counts_and_construct_partitives() {
        // ب/ل on a count in words.
        assert_eq!(
            vu("تحصن المسلحون بثلاثة خنادق متداخلة"),
            (3.0, "trench".into())
        );
        assert_eq!(vu("قدم جوائز لستة اطفال"), (6.0, "child".into()));
        assert_eq!(vu("تبرع بمائة ألف دولار"), (100_000.0, "USD".into()));
        // Not on digits, and still only with a counted noun.
        assert!(run("فاز ب3 أهداف")
            .iter()
            .all(|r| r.1 != 3.0 || r.0 != "ب3 أهداف"));
        assert!(run("مر بثلاثة").is_empty());
        // «من» + an indefinite noun in construct with a definite one.
        assert_eq!(vu("قتل اثنين من أفراد قوات الأمن").0, 2.0);
        assert_eq!(vu("اعتقل 6 من عناصر التنظيم").0, 6.0);
        assert!(run("خرج اثنين من بيوت").is_empty());
        assert_eq!(vu("من 9 جنسيات مختلفة"), (9.0, "nationality".into()));
    }

    #[test]
    fn bounds_after_prepositions_and_others() {
        let r = one("قدرت الخسائر بأكثر من 300 مليون دولار");
        assert_eq!(
            (r.1, r.2, r.5.as_deref()),
            (300_000_001.0, Some(300_000_001.0), Some("USD"))
        );
        let r = one("وأصيب 14 آخرون");
        assert_eq!(
            (r.1, r.5.as_deref(), r.6.as_deref()),
            (14.0, Some("wounded"), Some("other"))
        );
        let r = one("أودى الحادث بحياة 9 أشخاص");
        assert_eq!(r.5.as_deref(), Some("killed"));
        assert_eq!(vu("نفذت 40 طلعة جوية"), (40.0, "sortie".into()));
        // Accusative of a form that is not the row's first: «مصابا».
        assert_eq!(vu("نقل 30 مصابا إلى المستشفى"), (30.0, "wounded".into()));
        assert_eq!(vu("هطول 80 ملم من الأمطار"), (80.0, "mm".into()));
    }

    #[test]
    fn names_and_ordinals_are_not_counts() {
        assert!(run("لعب في برشلونة وميلان").is_empty());
        assert!(run("عقد مجلس الإدارة الـ112 اجتماعه").is_empty());
        assert_eq!(vu("أفرج عن الرهائن الـ12"), (12.0, "hostage".into()));
    }

    #[test]
    fn ages() {
        let r = one("قال المسؤول ،65 سنة ، إن");
        assert_eq!(
            (r.1, r.5.as_deref(), r.6.as_deref()),
            (65.0, Some("year"), Some("age"))
        );
        let r = one("البالغ من العمر 40 عاما");
        assert_eq!(r.6.as_deref(), Some("age"));
    }
}
