//! Ordinals as a layer of their own: «الحادي عشر» (11th), «الخامسة والعشرون» (25th),
//! «المئة والخامسة والعشرون» (125th), «الأول», and the relative ordinals «الأخير»
//! (last), «قبل الأخير» (last but one), «التالي» (next), «السابق» (previous),
//! «الحالي» (current).
//!
//! Ordinals are not quantities (issue #5): nothing here feeds `doc.quantities`. The
//! recogniser exists for callers that want positions in a sequence and for the number
//! test suites. It reuses the lexicon's ordinal and cardinal readings ([`crate::lex`]):
//! an ordinal is an ordinal word, or a definite cardinal where Arabic has no distinct
//! ordinal form (tens, hundreds, multipliers: «العشرون», «المئتان», «التريليون»), or a
//! definite unit joined with و to tens («الواحد والعشرون»); a bare definite unit
//! («الثلاثة») is a definite cardinal, not an ordinal.

use crate::lex::{CardKind, Info};
use crate::num::Toks;
use rasd_doc::{Document, Span, TokenKind};

/// What a relative ordinal counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RelativeTo {
    /// From the start of the sequence: a plain ordinal («الثاني» = start + 2).
    Start,
    /// From the end: «الأخير» (end + 0), «قبل الأخير» (end − 1).
    End,
    /// From the current item: «التالي» (current + 1), «السابق» (current − 1).
    Current,
}

impl RelativeTo {
    /// The lower-case name used by Recognizers-Text resolutions.
    pub fn as_str(self) -> &'static str {
        match self {
            RelativeTo::Start => "start",
            RelativeTo::End => "end",
            RelativeTo::Current => "current",
        }
    }
}

/// One ordinal found in a document.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ordinal {
    /// Byte span in the original text.
    pub span: Span,
    /// Offset from [`Ordinal::relative_to`]: the ordinal's value for `Start`.
    pub offset: f64,
    /// What the offset counts from.
    pub relative_to: RelativeTo,
}

impl Ordinal {
    /// The Recognizers-Text style value: «11» for plain ordinals, «end-1», «current+1».
    pub fn value(&self) -> String {
        let n = crate::num::fmt_num(self.offset);
        match self.relative_to {
            RelativeTo::Start => n,
            r if self.offset < 0.0 => format!("{}{n}", r.as_str()),
            r => format!("{}+{n}", r.as_str()),
        }
    }
}

/// The word without a leading «و» and article: «والأخير» → «اخير».
fn bare_word(w: &str) -> (&str, bool) {
    let w = w
        .strip_prefix('و')
        .filter(|r| r.starts_with("ال"))
        .unwrap_or(w);
    match w.strip_prefix("ال") {
        Some(r) if r.chars().count() >= 2 => (r, true),
        _ => (w, false),
    }
}

/// A relative ordinal word at token `i`: (relative to, offset).
fn relative_word(t: &Toks<'_>, i: usize) -> Option<(RelativeTo, f64)> {
    if t.kind(i) != Some(TokenKind::Arabic) {
        return None;
    }
    let (w, al) = bare_word(t.norm(i));
    match (w, al) {
        ("اخير" | "اخيره" | "اخر", true) => Some((RelativeTo::End, 0.0)),
        // Bare «آخر» is *last* only in construct before a noun («آخر كتاب»); after a
        // noun it is *another* («كتاب آخر»).
        ("اخر", false) => {
            let next_word = t.kind(i + 1) == Some(TokenKind::Arabic) && t.same_sentence(i, i + 1);
            next_word.then_some((RelativeTo::End, 0.0))
        }
        ("تالي" | "تاليه", true) => Some((RelativeTo::Current, 1.0)),
        ("سابق" | "سابقه", true) => Some((RelativeTo::Current, -1.0)),
        ("حالي" | "حاليه", true) => Some((RelativeTo::Current, 0.0)),
        _ => None,
    }
}

/// True when token `i` is a definite «الأخير/الأخيرة/الآخر».
fn is_definite_last(t: &Toks<'_>, i: usize) -> bool {
    let (w, al) = bare_word(t.norm(i));
    al && matches!(w, "اخير" | "اخيره" | "اخر")
}

/// An absolute ordinal starting at token `i`: (end token, value).
pub fn absolute(t: &Toks<'_>, i: usize) -> Option<(usize, f64)> {
    let first = t.info(i);
    if first.prep != 0 || t.kind(i) != Some(TokenKind::Arabic) {
        return None;
    }
    let e = first.entry();
    // The lexicon lists a few article forms as words of their own («المئه»).
    let al = first.al
        || t.norm(i)
            .strip_prefix("ال")
            .and_then(crate::lex::lookup_word)
            .is_some_and(|(e, _, _, _)| e.card.is_some());
    let starts = if e.ord.is_some() {
        // A bare ordinal word after a number is a noun («ثلاثين ثانية»: seconds).
        al || i == 0 || (t.digits(i - 1).is_none() && t.info(i - 1).entry().card.is_none())
    } else if let Some(c) = e.card.filter(|_| al) {
        // «في المئة» is *per cent*, not the hundredth.
        let per_cent = c.kind == CardKind::Hundred && i > 0 && t.norm(i - 1) == "في";
        match c.kind {
            _ if per_cent => false,
            CardKind::Tens | CardKind::Hundred | CardKind::Mult => true,
            CardKind::Unit if !c.teen_only => {
                let (k, _) = joined(t, i + 1);
                t.info(k)
                    .entry()
                    .card
                    .is_some_and(|x| x.kind == CardKind::Tens)
            }
            _ => false,
        }
    } else {
        false
    };
    if !starts {
        return None;
    }
    let mut total = 0.0;
    let mut j = i;
    let mut end = i;
    loop {
        let (k, conj) = if j == i { (j, false) } else { joined(t, j) };
        if j > i && !conj {
            break;
        }
        if k >= t.len() || !t.same_sentence(i, k) {
            break;
        }
        let inf: Info = t.info(k);
        let part = if let Some((v, _)) = inf.entry().ord {
            let v = v as f64;
            let nx = t.info(k + 1);
            let ten = nx.entry().card.is_some_and(|c| c.kind == CardKind::Ten) && nx.bare();
            if ten && v < 10.0 {
                Some((k + 2, v + 10.0))
            } else if t.norm(k).ends_with("حادي") || t.norm(k).ends_with("حاديه") {
                // «حادي» stands only in compounds («الحادي عشر», «الحادي والعشرون»).
                let (k2, c2) = joined(t, k + 1);
                let tens = c2
                    && t.info(k2)
                        .entry()
                        .card
                        .is_some_and(|c| c.kind == CardKind::Tens);
                tens.then_some((k + 1, v))
            } else {
                Some((k + 1, v))
            }
        } else if let Some(c) = inf.entry().card {
            match c.kind {
                CardKind::Unit if !c.teen_only => {
                    let nx = t.info(k + 1);
                    let ten = nx.entry().card.is_some_and(|x| x.kind == CardKind::Ten) && nx.bare();
                    if ten {
                        Some((k + 2, c.v + 10.0))
                    } else {
                        Some((k + 1, c.v))
                    }
                }
                CardKind::Tens | CardKind::Hundred | CardKind::Mult => Some((k + 1, c.v)),
                _ => None,
            }
        } else {
            None
        };
        let Some((k_end, v)) = part else { break };
        total += v;
        end = k_end;
        j = k_end;
    }
    (end > i && total > 0.0).then_some((end, total))
}

/// The token after an optional separate «و» at `j`, and whether a «و» joins it (separate
/// or as a clitic).
fn joined(t: &Toks<'_>, j: usize) -> (usize, bool) {
    if t.is_wa(j) {
        (j + 1, true)
    } else {
        (j, t.info(j).conj || t.norm(j).starts_with("وال"))
    }
}

/// Every ordinal of a document, left to right, without overlaps.
pub fn ordinals(doc: &Document, inf: &[Info]) -> Vec<Ordinal> {
    let t = Toks { doc, inf };
    let mut out = Vec::new();
    let n = t.len();
    let mut i = 0;
    let span = |a: usize, b: usize| -> Option<Span> {
        let (x, y) = (doc.tokens.get(a)?, doc.tokens.get(b.checked_sub(1)?)?);
        Some(Span::new(x.span.start, y.span.end))
    };
    while i < n {
        let w = t.norm(i);
        // «قبل الأخير», «سبقت الأخيرة»: the last but one.
        if matches!(w, "قبل" | "قبلا" | "سبقت" | "سبق" | "يسبق" | "تسبق")
            && is_definite_last(&t, i + 1)
        {
            if let Some(sp) = span(i, i + 2) {
                out.push(Ordinal {
                    span: sp,
                    offset: -1.0,
                    relative_to: RelativeTo::End,
                });
            }
            i += 2;
            continue;
        }
        if let Some((end, v)) = absolute(&t, i) {
            // «الثانية إلى الأخير»: the second to last = end − 1.
            let to_last = matches!(t.norm(end), "الي" | "الى") && is_definite_last(&t, end + 1);
            let (end, offset, rel) = if to_last {
                (end + 2, 1.0 - v, RelativeTo::End)
            } else {
                (end, v, RelativeTo::Start)
            };
            if let Some(sp) = span(i, end) {
                out.push(Ordinal {
                    span: sp,
                    offset,
                    relative_to: rel,
                });
            }
            i = end;
            continue;
        }
        if let Some((rel, offset)) = relative_word(&t, i) {
            if let Some(sp) = span(i, i + 1) {
                out.push(Ordinal {
                    span: sp,
                    offset,
                    relative_to: rel,
                });
            }
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::analyse;
    use rasd_doc::{Meta, Stage};
    use rasd_text::{Normaliser, Segmenter};

    fn ords(s: &str) -> Vec<(String, String)> {
        let mut d = Document::new(Meta::default(), s.to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        let inf = analyse(&d);
        ordinals(&d, &inf)
            .into_iter()
            .map(|o| (o.span.slice(&d.text).to_string(), o.value()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn plain_ordinals() {
        assert_eq!(
            ords("فاز الفريق بالمركز الثالث في الدورة الحادية عشرة"),
            [pair("الثالث", "3"), pair("الحادية عشرة", "11")]
        );
        assert_eq!(
            ords("احتفلت الجمعية بذكراها الخامسة والأربعين"),
            [pair("الخامسة والأربعين", "45")]
        );
        assert_eq!(ords("الدورة الستون للجمعية"), [pair("الستون", "60")]);
        assert_eq!(ords("الذكرى المئة للحرب"), [pair("المئة", "100")]);
        assert_eq!(
            ords("اللاعب الواحد والثلاثون"),
            [pair("الواحد والثلاثون", "31")]
        );
    }

    #[test]
    fn cardinals_are_not_ordinals() {
        // A definite unit is a definite cardinal; a bare ordinal-looking word after a
        // number is a noun (seconds).
        assert!(ords("وصل الوزراء الثلاثة").is_empty());
        assert!(ords("خلال ثلاثين ثانية").is_empty());
        assert!(ords("قتل 25 شخصا").is_empty());
        // «ألف» starts with the letters of the article but is a bare cardinal.
        assert!(ords("أكثر من ألف جندي").is_empty());
        assert!(ords("ارتفع بنسبة 3 في المئة").is_empty());
    }

    #[test]
    fn relative_ordinals() {
        assert_eq!(ords("في الجولة الأخيرة"), [pair("الأخيرة", "end+0")]);
        assert_eq!(ords("آخر اجتماع للمجلس"), [pair("آخر", "end+0")]);
        // «آخر» after a noun is *another*.
        assert!(ords("في اجتماع آخر").is_empty());
        assert_eq!(ords("المحطة قبل الأخيرة"), [pair("قبل الأخيرة", "end-1")]);
        assert_eq!(
            ords("الثالث إلى الأخير"),
            [pair("الثالث إلى الأخير", "end-2")]
        );
        assert_eq!(ords("الجلسة التالية"), [pair("التالية", "current+1")]);
        assert_eq!(ords("الوزير السابق"), [pair("السابق", "current-1")]);
        assert_eq!(ords("العام الحالي"), [pair("الحالي", "current+0")]);
    }
}
