//! Number ranges: «بين 20 و30» [20,30), «من 200 إلى 300», «1000-5000», «أكثر من 30»
//! (30,), «لا يقل عن 30» [30,), «أقل من ألف» (,1000), «حتى 700» (,700], «200 أو أكثر»
//! [200,), «يساوي 20» [20,20], «> 10», «<= -30», and a lower bound followed by an upper
//! one («أكبر من 10 وأقل من 15» (10,15)).
//!
//! The operands are the numbers of [`crate::num::numbers`] (digits, number words,
//! fractions, negatives), definite ordinals used as numbers («بين العاشر وخمسة عشر»)
//! and definite fractions («فوق الربع»). The bounds agree with the vague-quantity bounds
//! of the quantities layer: «أكثر من 20» is the open interval (20,), whose least
//! integer is the quantity's `min` 21; «ما لا يقل عن 500» is [500,), the quantity's
//! `min` 500. This is a layer of its own for callers and the number test suites; it
//! does not change `doc.quantities`.

use crate::lex::{CardKind, Info};
use crate::num::{cardinal, numbers, Toks};
use rasd_doc::{Document, Span, TimeType, TokenKind};
use std::collections::HashMap;

/// An interval of numbers with open or closed ends; a missing end is unbounded.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumRange {
    /// Byte span in the original text.
    pub span: Span,
    /// Lower end.
    pub min: Option<f64>,
    /// Upper end.
    pub max: Option<f64>,
    /// The lower end belongs to the interval.
    pub min_closed: bool,
    /// The upper end belongs to the interval.
    pub max_closed: bool,
}

impl NumRange {
    /// Interval notation: «[20,30)», «(30,)», «(,100]», «[20,20]».
    pub fn interval(&self) -> String {
        let f = |v: Option<f64>| v.map(crate::num::fmt_num).unwrap_or_default();
        format!(
            "{}{},{}{}",
            if self.min_closed { '[' } else { '(' },
            f(self.min),
            f(self.max),
            if self.max_closed { ']' } else { ')' }
        )
    }

    /// The least integer of the interval (what a count «أكثر من 20» can be at least).
    pub fn min_integer(&self) -> Option<f64> {
        let m = self.min?;
        Some(if self.min_closed {
            m.ceil()
        } else {
            m.floor() + 1.0
        })
    }
}

/// Which side a comparator bounds.
#[derive(Clone, Copy, PartialEq, Debug)]
enum Side {
    /// The value is above the operand.
    Above,
    /// The value is below the operand.
    Below,
    /// The value equals the operand.
    Equal,
}

/// A comparator before an operand.
#[derive(Clone, Copy, Debug)]
struct Cmp {
    side: Side,
    closed: bool,
    /// First token of the operand.
    at: usize,
}

struct Ranges<'a> {
    t: Toks<'a>,
    /// Numbers by first token: (end token, value).
    nums: HashMap<usize, (usize, f64)>,
}

/// The word at `i` without a leading «و» clitic.
fn word<'a>(t: &Toks<'a>, i: usize) -> &'a str {
    let w = t.norm(i);
    match w.strip_prefix('و') {
        Some(r) if r.chars().count() >= 3 => r,
        _ => w,
    }
}

fn is_or(w: &str) -> bool {
    matches!(w, "او" | "أو")
}

impl<'a> Ranges<'a> {
    fn new(doc: &'a Document, inf: &'a [Info]) -> Self {
        let t = Toks { doc, inf };
        let mut nums = HashMap::new();
        let starts: HashMap<usize, usize> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, tk)| (tk.span.start, i))
            .collect();
        let ends: HashMap<usize, usize> = doc
            .tokens
            .iter()
            .enumerate()
            .map(|(i, tk)| (tk.span.end, i))
            .collect();
        for (sp, v) in numbers(doc, inf) {
            if let (Some(&a), Some(&b)) = (starts.get(&sp.start), ends.get(&sp.end)) {
                nums.insert(a, (b + 1, v));
            }
        }
        Ranges { t, nums }
    }

    /// A number at token `k`: (end token, value).
    fn operand(&self, k: usize) -> Option<(usize, f64)> {
        if k >= self.t.len() {
            return None;
        }
        if let Some(&x) = self.nums.get(&k) {
            return Some(x);
        }
        if let Some(m) = cardinal(&self.t, k) {
            return Some((m.end, m.value));
        }
        if let Some(x) = crate::ordinal::absolute(&self.t, k) {
            return Some(x);
        }
        let w = self.t.norm(k);
        let f = match w.strip_prefix("ال").unwrap_or(w) {
            "نصف" => 0.5,
            "ربع" => 0.25,
            "ثلث" => 1.0 / 3.0,
            _ => return None,
        };
        Some((k + 1, f))
    }

    /// «أو يساوي» at `k` that is not followed by a number of its own.
    fn or_equal(&self, k: usize) -> bool {
        is_or(self.t.norm(k))
            && matches!(word(&self.t, k + 1), "يساوي" | "تساوي")
            && self.operand(k + 2).is_none()
    }

    /// A comparator starting at token `i`.
    fn comparator(&self, i: usize) -> Option<Cmp> {
        let t = &self.t;
        let w = word(t, i);
        let w1 = t.norm(i + 1);
        let w2 = t.norm(i + 2);
        let w3 = t.norm(i + 3);
        let above = |w: &str| matches!(w, "اكثر" | "اكبر" | "اعلي" | "ازيد");
        let below = |w: &str| matches!(w, "اقل" | "اصغر" | "ادني" | "اخفض");
        let from = |w: &str| matches!(w, "من" | "عن");
        let eq = |w: &str| matches!(w, "يساوي" | "تساوي");
        // Comparators with «أو يساوي» folded in, before or after «من».
        let or_eq_after =
            |k: usize| is_or(t.norm(k)) && eq(t.norm(k + 1)) && self.operand(k + 2).is_some();
        let c = |side, closed, at| Some(Cmp { side, closed, at });
        // «لا أقل من», «لا يقل عن», «ما لا يقل عن»; «لا يزيد عن», «لا يتجاوز».
        let (neg, j) = match (w, w1) {
            ("ما", "لا") => (true, i + 2),
            ("لا", _) => (true, i + 1),
            _ => (false, i),
        };
        if neg {
            let v = t.norm(j);
            let nx = t.norm(j + 1);
            return match v {
                "اقل" | "يقل" | "تقل" if from(nx) => c(Side::Above, true, j + 2),
                "اكثر" | "يزيد" | "تزيد" if from(nx) || nx == "علي" => {
                    c(Side::Below, true, j + 2)
                }
                "يتجاوز" | "تتجاوز" | "يفوق" | "تفوق" => {
                    c(Side::Below, true, j + 1)
                }
                _ => None,
            };
        }
        if (w, w1) == ("علي", "الاقل") {
            return c(Side::Above, true, i + 2);
        }
        if eq(w) {
            // «يساوي أو أقل من 30», «يساوي أو أكثر من 30».
            if is_or(w1) && from(w3) {
                if below(w2) {
                    return c(Side::Below, true, i + 4);
                }
                if above(w2) {
                    return c(Side::Above, true, i + 4);
                }
            }
            return c(Side::Equal, true, i + 1);
        }
        if w == "ما" && eq(w1) {
            return c(Side::Equal, true, i + 2);
        }
        for (test, side) in [
            (&above as &dyn Fn(&str) -> bool, Side::Above),
            (&below, Side::Below),
        ] {
            if test(w) {
                if from(w1) {
                    // «أكبر من أو يساوي 5000».
                    if or_eq_after(i + 2) {
                        return c(side, true, i + 4);
                    }
                    return c(side, false, i + 2);
                }
                // «أخفض أو يساوي 300».
                if or_eq_after(i + 1) {
                    return c(side, true, i + 3);
                }
                if matches!(w, "ادني") {
                    return c(side, false, i + 1);
                }
                return None;
            }
        }
        match (w, w1) {
            ("فوق" | "يتجاوز" | "تتجاوز" | "يفوق" | "تفوق" | "تجاوز", _) => {
                c(Side::Above, false, i + 1)
            }
            ("يزيد" | "تزيد" | "يربو", "عن" | "علي") => {
                c(Side::Above, false, i + 2)
            }
            ("تحت" | "دون", _) => c(Side::Below, false, i + 1),
            ("حتي", _) => c(Side::Below, true, i + 1),
            ("يصل" | "تصل" | "وصل" | "يصلون", "الي" | "الى") => {
                c(Side::Below, true, i + 2)
            }
            _ => self.symbol(i),
        }
    }

    /// «>», «>=», «<», «<=» (also spaced «< =»); «<>», «=>» and «=<» are not comparators.
    fn symbol(&self, i: usize) -> Option<Cmp> {
        let t = &self.t;
        let p = t.info(i).punct?;
        if i > 0 && t.punct_in(i - 1, &['<', '>', '=']) {
            return None;
        }
        let side = match p {
            '>' => Side::Above,
            '<' => Side::Below,
            _ => return None,
        };
        if t.punct_in(i + 1, &['=']) {
            return Some(Cmp {
                side,
                closed: true,
                at: i + 2,
            });
        }
        if t.punct_in(i + 1, &['<', '>']) {
            return None;
        }
        Some(Cmp {
            side,
            closed: false,
            at: i + 1,
        })
    }

    fn span(&self, a: usize, b: usize) -> Option<Span> {
        let (x, y) = (
            self.t.doc.tokens.get(a)?,
            self.t.doc.tokens.get(b.checked_sub(1)?)?,
        );
        Some(Span::new(x.span.start, y.span.end))
    }

    /// «أو أكثر», «أو أقل» (optionally with a dangling «من»), «على الأقل» after an operand ending at
    /// `e`: (end token, side).
    fn suffix(&self, e: usize) -> Option<(usize, Side)> {
        // «30 على الأقل» = at least 30.
        if (self.t.norm(e), self.t.norm(e + 1)) == ("علي", "الاقل") {
            return Some((e + 2, Side::Above));
        }
        if !is_or(self.t.norm(e)) {
            return None;
        }
        let w = self.t.norm(e + 1);
        let side = match w {
            "اكثر" | "اكبر" | "ازيد" => Side::Above,
            "اقل" | "اصغر" => Side::Below,
            _ => return None,
        };
        if matches!(self.t.norm(e + 2), "من" | "عن") {
            if self.operand(e + 3).is_some() {
                return None;
            }
            return Some((e + 3, side));
        }
        Some((e + 2, side))
    }

    /// A range starting at token `i`: (range, end token).
    fn at(&self, i: usize) -> Option<(NumRange, usize)> {
        let t = &self.t;
        let mk = |a, b, min, max, min_closed, max_closed| {
            self.span(a, b).map(|span| {
                (
                    NumRange {
                        span,
                        min,
                        max,
                        min_closed,
                        max_closed,
                    },
                    b,
                )
            })
        };
        let w = t.norm(i);
        // «بين X و Y», «من X إلى Y».
        if matches!(w, "بين" | "من") {
            let (e, x) = self.operand(i + 1)?;
            let between = w == "بين";
            let (x, e) = match self.second(e, between) {
                Some(_) => (x, e),
                // The number grammar joined «عشرة وخمسة عشر» into one number: split it
                // at its last «و» and take the tail as the second operand.
                None if between => self.split(i + 1, e, x)?,
                None => return None,
            };
            let (e2, y) = self.second(e, between)?;
            let x = self.shared_multiplier(e, x, e2);
            return (x < y && t.same_sentence(i, e2 - 1))
                .then(|| mk(i, e2, Some(x), Some(y), true, false))
                .flatten();
        }
        if let Some(cmp) = self.comparator(i) {
            let (mut e, x) = self.operand(cmp.at)?;
            if !t.same_sentence(i, e - 1) {
                return None;
            }
            let mut closed = cmp.closed;
            let mut side = cmp.side;
            if side != Side::Equal && !closed && self.or_equal(e) {
                closed = true;
                e += 2;
            } else if side == Side::Equal {
                if let Some((e2, s)) = self.suffix(e) {
                    side = s;
                    e = e2;
                }
            }
            return match side {
                Side::Above => mk(i, e, Some(x), None, closed, false),
                Side::Below => mk(i, e, None, Some(x), false, closed),
                Side::Equal => mk(i, e, Some(x), Some(x), true, true),
            };
        }
        // «X - Y», «X~Y», «X إلى Y», «X أو أكثر».
        let (e, x) = self.nums.get(&i).copied()?;
        // «200 أو أكثر», also with the counted noun between («200 شخص أو أكثر»).
        let noun = t.kind(e) == Some(TokenKind::Arabic)
            && t.info(e).entry().card.is_none()
            && !is_or(t.norm(e));
        let suffix = self
            .suffix(e)
            .or_else(|| noun.then(|| self.suffix(e + 1)).flatten());
        if let Some((e2, side)) = suffix {
            return match side {
                Side::Above => mk(i, e2, Some(x), None, true, false),
                _ => mk(i, e2, None, Some(x), false, true),
            };
        }
        let dash = t.punct_in(e, &['-', '–', '~', '—']);
        let to = matches!(t.norm(e), "الي" | "الى");
        if dash || to {
            let (e2, y) = self.operand(e + 1)?;
            let x = self.shared_multiplier(e, x, e2);
            if x < y && y >= 0.0 && t.same_sentence(i, e2 - 1) {
                return mk(i, e2, Some(x), Some(y), true, false);
            }
        }
        None
    }

    /// The second operand after a first ending at `e`: «و Y», «وY» after «بين», «إلى Y».
    fn second(&self, e: usize, between: bool) -> Option<(usize, f64)> {
        let t = &self.t;
        if between {
            if t.is_wa(e) {
                return self.operand(e + 1);
            }
            // «و٣٠», «وخمسة عشر»: the conjunction glued to the number.
            if t.norm(e).starts_with('و') || t.info(e).conj {
                return self.operand(e);
            }
            return None;
        }
        matches!(t.norm(e), "الي" | "الى" | "حتي")
            .then(|| self.operand(e + 1))
            .flatten()
    }

    /// «بين 20 و30 مليون»: a multiplier closing the second operand (ending at `e2`)
    /// and not the first (ending at `e1`) applies to both.
    fn shared_multiplier(&self, e1: usize, x: f64, e2: usize) -> f64 {
        let mult = |e: usize| {
            e.checked_sub(1)
                .and_then(|k| self.t.info(k).entry().card)
                .filter(|c| c.kind == CardKind::Mult)
                .map(|c| c.v)
        };
        match (mult(e1), mult(e2)) {
            (None, Some(m)) if x.abs() < 1000.0 => x * m,
            _ => x,
        }
    }

    /// Splits a number `k..e` of value `x` that swallowed «و Y»: (first value, its end).
    fn split(&self, k: usize, e: usize, x: f64) -> Option<(f64, usize)> {
        let j = (k + 1..e)
            .rev()
            .find(|&j| self.t.is_wa(j) || self.t.info(j).conj)?;
        let m = cardinal(&self.t, if self.t.is_wa(j) { j + 1 } else { j })?;
        if m.end != e {
            return None;
        }
        let first = if x < 0.0 { x + m.value } else { x - m.value };
        Some((first, j))
    }
}

/// Every number range of a document, left to right, without overlaps. A lower bound
/// followed by an upper bound above it («أكثر من 10 وأقل من 15») is one range. A span
/// the times stage took as a date, time or set (`doc.times`: «من 1 إلى 3 أغسطس», «حتى
/// 2015») is not a number range; a duration is («أكثر من ثلاثين سنة»: more than 30
/// of something, here years).
pub fn number_ranges(doc: &Document, inf: &[Info]) -> Vec<NumRange> {
    let mut out = ranges_of(doc, inf);
    out.retain(|r| {
        !doc.times
            .iter()
            .filter(|t| t.ttype != TimeType::DURATION)
            .any(|t| t.span.start < r.span.end && r.span.start < t.span.end)
    });
    out
}

/// [`number_ranges`] before the times are set aside.
fn ranges_of(doc: &Document, inf: &[Info]) -> Vec<NumRange> {
    let r = Ranges::new(doc, inf);
    let t = &r.t;
    let mut found: Vec<(NumRange, usize, usize)> = Vec::new();
    let mut i = 0;
    while i < t.len() {
        match r.at(i) {
            Some((rg, e)) => {
                found.push((rg, i, e));
                i = e.max(i + 1);
            }
            None => i += 1,
        }
    }
    let mut out: Vec<NumRange> = Vec::new();
    let mut k = 0;
    while k < found.len() {
        let Some(&(a, _, ae)) = found.get(k) else {
            break;
        };
        if let Some(&(b, bs, _)) = found.get(k + 1) {
            let lower_then_upper = a.max.is_none() && b.min.is_none();
            let joined = (ae..bs)
                .all(|j| t.is_wa(j) || is_or(t.norm(j)) || t.punct_in(j, &['،', ',']))
                && bs - ae <= 3
                && t.same_sentence(ae.saturating_sub(1), bs);
            if let (true, true, Some(lo), Some(hi)) = (lower_then_upper, joined, a.min, b.max) {
                if lo < hi {
                    out.push(NumRange {
                        span: Span::new(a.span.start, b.span.end),
                        min: a.min,
                        max: b.max,
                        min_closed: a.min_closed,
                        max_closed: b.max_closed,
                    });
                    k += 2;
                    continue;
                }
            }
        }
        out.push(a);
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::analyse;
    use rasd_doc::{Meta, Stage};
    use rasd_text::{Normaliser, Segmenter};

    fn ranges(s: &str) -> Vec<(String, String)> {
        let mut d = Document::new(Meta::default(), s.to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        let inf = analyse(&d);
        number_ranges(&d, &inf)
            .into_iter()
            .map(|r| (r.span.slice(&d.text).to_string(), r.interval()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn between_and_from_to() {
        assert_eq!(
            ranges("تراوحت الخسائر بين 20 و30 مليون دولار"),
            [pair("بين 20 و30 مليون", "[20000000,30000000)")]
        );
        assert_eq!(ranges("بين 20 و 30 شخصا"), [pair("بين 20 و 30", "[20,30)")]);
        assert_eq!(
            ranges("يتراوح عددهم بين عشرة وخمسة عشر مقاتلا"),
            [pair("بين عشرة وخمسة عشر", "[10,15)")]
        );
        assert_eq!(
            ranges("ارتفع العدد من 200 إلى 300 نازح"),
            [pair("من 200 إلى 300", "[200,300)")]
        );
        assert_eq!(
            ranges("في الفترة 2010-2015"),
            [pair("2010-2015", "[2010,2015)")]
        );
        // A decreasing pair is no range.
        assert!(ranges("الرقم 1995-01").is_empty());
    }

    #[test]
    fn bounds() {
        assert_eq!(ranges("قتل أكثر من 20 شخصا"), [pair("أكثر من 20", "(20,)")]);
        assert_eq!(
            ranges("شارك ما لا يقل عن 500 متظاهر"),
            [pair("ما لا يقل عن 500", "[500,)")]
        );
        assert_eq!(ranges("أقل من ألف جندي"), [pair("أقل من ألف", "(,1000)")]);
        assert_eq!(ranges("فقد 300 أو أكثر"), [pair("300 أو أكثر", "[300,)")]);
        assert_eq!(
            ranges("قتل 30 شخصا على الأقل"),
            [pair("30 شخصا على الأقل", "[30,)")]
        );
        assert_eq!(ranges("على الأقل 30 قتيلا"), [pair("على الأقل 30", "[30,)")]);
        assert_eq!(
            ranges("شارك 200 شخص أو أكثر"),
            [pair("200 شخص أو أكثر", "[200,)")]
        );
        assert_eq!(ranges("العدد يساوي 20"), [pair("يساوي 20", "[20,20]")]);
        assert_eq!(ranges("الحرارة <= -5"), [pair("<= -5", "(,-5]")]);
        assert!(ranges("القيمة <>5").is_empty());
        assert_eq!(
            ranges("عدد القتلى أكبر من 10 وأقل من 15"),
            [pair("أكبر من 10 وأقل من 15", "(10,15)")]
        );
        // A lower bound above the upper one stays two ranges.
        assert_eq!(ranges("أكثر من 40 وأقل من 10").len(), 2);
    }

    #[test]
    fn dates_are_not_ranges() {
        let mut d = Document::new(Meta::default(), "من 1 إلى 3 أغسطس 2015".to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        let inf = analyse(&d);
        assert!(!ranges_of(&d, &inf).is_empty());
        d.times = crate::time::tag(&d, &inf);
        assert!(!d.times.is_empty());
        assert!(number_ranges(&d, &inf).is_empty());
    }

    #[test]
    fn bounds_agree_with_quantities() {
        // The quantities layer gives «أكثر من 20 قتيلا» min 21: the least integer of
        // the open interval (20,).
        let mut d = Document::new(Meta::default(), "سقط أكثر من 20 قتيلا".to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        let inf = analyse(&d);
        let r = number_ranges(&d, &inf);
        let q = crate::quantity::tag(&d, &inf);
        assert_eq!(r.len(), 1);
        assert_eq!(q.len(), 1);
        assert_eq!(r[0].min_integer(), q[0].min);
    }
}
