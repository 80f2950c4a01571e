//! Numbers over tokens: digits, Arabic number words in every gender and case, their
//! combination («ثلاثمائة وخمسة وعشرون», «25 ألف», «1.5 مليون», «مليون ونصف»), and the
//! ordinals used for days of the month and clock hours («الحادي والعشرين», «الثالثة»).
//!
//! The cardinal grammar is the classic two-register one: `cur` accumulates the group
//! below a thousand, a multiplier word (ألف, مليون …) closes the group into `total`.
//! Words after the first join only with و («مائة وستة») unless the grammar needs them
//! bare: a teen («ثلاثة عشر»), a hundred after a unit («ثلاث مائة»), a multiplier
//! («خمسة آلاف»). Two digit tokens never join («بين 3 و 12» stays two numbers).

use crate::lex::{CardKind, Fw, Info};
use rasd_doc::{Document, TokenKind};

/// A cardinal number found over tokens `start..end`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NumMatch {
    /// First token.
    pub start: usize,
    /// One past the last token.
    pub end: usize,
    /// The value.
    pub value: f64,
    /// At least one number word took part.
    pub words: bool,
    /// The number is one digit token and nothing else.
    pub single_digit_token: bool,
    /// The first token carried the article («الثلاثة»).
    pub al: bool,
}

/// Token view shared by the grammars.
pub struct Toks<'a> {
    /// The document.
    pub doc: &'a Document,
    /// Lexicon analysis of each token.
    pub inf: &'a [Info],
}

impl<'a> Toks<'a> {
    /// Number of tokens.
    #[inline]
    pub fn len(&self) -> usize {
        self.inf.len()
    }

    /// True when there are no tokens.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.inf.is_empty()
    }

    /// Info of token `i` (default for out of range).
    #[inline]
    pub fn info(&self, i: usize) -> Info {
        self.inf.get(i).copied().unwrap_or_default()
    }

    /// Function word of token `i`.
    #[inline]
    pub fn fw(&self, i: usize) -> Option<Fw> {
        self.inf.get(i).and_then(|x| x.e).and_then(|e| e.fw)
    }

    /// Normalised text of token `i`.
    #[inline]
    pub fn norm(&self, i: usize) -> &'a str {
        match self.doc.tokens.get(i) {
            Some(t) => self.doc.token_norm(t),
            None => "",
        }
    }

    /// Kind of token `i`.
    #[inline]
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// True when token `i` is one of the punctuation marks `cs`.
    #[inline]
    pub fn punct_in(&self, i: usize, cs: &[char]) -> bool {
        self.info(i).punct.is_some_and(|c| cs.contains(&c))
    }

    /// True when tokens `i` and `j` are in the same sentence.
    #[inline]
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        match (self.doc.tokens.get(i), self.doc.tokens.get(j)) {
            (Some(a), Some(b)) => a.sentence == b.sentence,
            _ => false,
        }
    }

    /// True when token `i` is the separate word «و».
    #[inline]
    pub fn is_wa(&self, i: usize) -> bool {
        self.fw(i) == Some(Fw::Wa)
    }

    /// Digit value of token `i` when it is a plain or decimal number.
    #[inline]
    pub fn digits(&self, i: usize) -> Option<f64> {
        self.info(i).num
    }

    /// True when tokens `i` and `i + 1` touch (no space between them).
    #[inline]
    pub fn touching(&self, i: usize) -> bool {
        match (self.doc.tokens.get(i), self.doc.tokens.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Last {
    Digit,
    Word(CardKind, f64),
    Half,
}

/// Parses a cardinal number starting at token `i`.
pub fn cardinal(t: &Toks<'_>, i: usize) -> Option<NumMatch> {
    let n = t.len();
    let mut j = i;
    let mut total = 0.0f64;
    let mut cur = 0.0f64;
    let mut last: Option<Last> = None;
    let mut words = false;
    let mut end = i;
    let mut count = 0usize;
    let first_al = t.info(i).al;
    while j < n {
        // A separate «و» joins the next number word.
        let (k, sep_wa) = if j > i && t.is_wa(j) {
            (j + 1, true)
        } else {
            (j, false)
        };
        if k >= n || (k > i && !t.same_sentence(i, k)) {
            break;
        }
        let inf = t.info(k);
        let conj = sep_wa || (k > i && inf.conj);
        if k > i && inf.prep != 0 {
            break;
        }
        if k > i && inf.al && !conj {
            break;
        }
        if let Some(v) = inf.num {
            if t.kind(k) != Some(TokenKind::Number) {
                break;
            }
            if k > i {
                // Digits join only after a word («ثلاثمائة و25») and only with و.
                if !conj || !matches!(last, Some(Last::Word(..))) {
                    break;
                }
            }
            cur += v;
            last = Some(Last::Digit);
        } else if let Some(c) = inf.entry().card {
            if c.teen_only {
                // «أحد عشر», «اثنا عشر»: must be followed by عشر/عشرة.
                let nx = t.info(k + 1);
                let ten = nx.entry().card.is_some_and(|x| x.kind == CardKind::Ten) && !nx.conj;
                if !ten {
                    break;
                }
            }
            if k > i && !conj {
                match (c.kind, last) {
                    (CardKind::Mult, Some(_)) => {}
                    (CardKind::Ten, Some(Last::Word(CardKind::Unit, _))) => {}
                    (CardKind::Hundred, Some(Last::Word(CardKind::Unit, u))) if c.v == 100.0 => {
                        cur = cur - u + u * 100.0;
                        last = Some(Last::Word(CardKind::Hundred, u * 100.0));
                        words = true;
                        end = k + 1;
                        j = k + 1;
                        count += 1;
                        continue;
                    }
                    (CardKind::Mult, None) => {}
                    _ => break,
                }
            } else if k > i && conj {
                if c.kind == CardKind::Mult || c.kind == CardKind::Ten {
                    break;
                }
                if last == Some(Last::Digit) && k == i + 1 {
                    break;
                }
            }
            match c.kind {
                CardKind::Mult => {
                    let g = if cur == 0.0 { 1.0 } else { cur };
                    total += g * c.v;
                    cur = 0.0;
                }
                CardKind::Ten if k > i && !conj => cur += 10.0,
                _ => cur += c.v,
            }
            last = Some(Last::Word(c.kind, c.v));
            words = true;
        } else if conj && inf.entry().fw == Some(Fw::Half) && last.is_some() {
            // «مليون ونصف» = 1.5 million; «واحد ونصف» = 1.5.
            match last {
                Some(Last::Word(CardKind::Mult, m)) if cur == 0.0 => total += 0.5 * m,
                _ => cur += 0.5,
            }
            last = Some(Last::Half);
        } else {
            break;
        }
        count += 1;
        end = k + 1;
        j = k + 1;
    }
    if count == 0 {
        return None;
    }
    Some(NumMatch {
        start: i,
        end,
        value: total + cur,
        words,
        single_digit_token: count == 1 && !words,
        al: first_al,
    })
}

/// Parses an ordinal 1–99 at token `i` («الرابع», «الحادي عشر», «الحادي والعشرين»,
/// «العشرين» with the article). Returns (end, value, feminine).
pub fn ordinal(t: &Toks<'_>, i: usize) -> Option<(usize, u32, bool)> {
    let inf = t.info(i);
    let e = inf.entry();
    if let Some((v, fem)) = e.ord {
        let v = v as u32;
        let nx = t.info(i + 1);
        if let Some(c) = nx.entry().card {
            if c.kind == CardKind::Ten && !nx.conj && !nx.al && v < 10 {
                return Some((i + 2, v + 10, fem));
            }
            if c.kind == CardKind::Tens && (nx.conj || t.is_wa(i + 1)) && v < 10 {
                return Some((i + 2, v + c.v as u32, fem));
            }
        }
        if t.is_wa(i + 1) {
            let nx2 = t.info(i + 2);
            if let Some(c) = nx2.entry().card {
                if c.kind == CardKind::Tens && v < 10 {
                    return Some((i + 3, v + c.v as u32, fem));
                }
            }
        }
        // «حادي» only starts a compound.
        if t.norm(i).ends_with("حادي") || t.norm(i).ends_with("حاديه") {
            return None;
        }
        return Some((i + 1, v, fem));
    }
    if let Some(c) = e.card {
        if inf.al && c.kind == CardKind::Tens {
            return Some((i + 1, c.v as u32, false));
        }
        if inf.al && c.kind == CardKind::Unit && !c.teen_only && c.v >= 1.0 {
            // «الواحدة», «الخمسة عشر» (day or hour as cardinal with the article).
            let nx = t.info(i + 1);
            if nx.entry().card.is_some_and(|x| x.kind == CardKind::Ten) && !nx.conj {
                return Some((i + 2, c.v as u32 + 10, c.fem));
            }
            return Some((i + 1, c.v as u32, c.fem));
        }
    }
    None
}

/// Simple fractions written as words: «نصف» ½, «ربع» ¼, «ثلث» ⅓, «ثلثان» ⅔, «خمس» is
/// left to the cardinal reading (five).
fn fraction_word(w: &str) -> Option<f64> {
    Some(match w {
        "نصف" => 0.5,
        "ربع" => 0.25,
        "ثلث" => 1.0 / 3.0,
        "ثلثان" | "ثلثين" | "ثلثي" => 2.0 / 3.0,
        "ثمن" => 0.125,
        _ => return None,
    })
}

/// The denominator a plural fraction noun names: «أرباع» 4, «أثمان» 8 («ثلاثة أرباع»
/// = ¾). «أثمان» is also *prices*, so callers take it only after a smaller cardinal.
pub fn plural_fraction(w: &str) -> Option<f64> {
    Some(match w {
        "اثلاث" => 3.0,
        "ارباع" => 4.0,
        "اخماس" => 5.0,
        "اسداس" => 6.0,
        "اسباع" => 7.0,
        "اثمان" => 8.0,
        "اتساع" => 9.0,
        "اعشار" => 10.0,
        _ => return None,
    })
}

/// The denominator of a singular fraction noun that is spelt like a feminine cardinal:
/// «خمس» ⅕ (also *five*), «سدس» ⅙, «سبع» ⅐, «تسع» ⅑, «عشر» ⅒. The fraction reading
/// holds before a definite noun («خمس الفطيرة»), where a cardinal cannot stand (a
/// counted noun is indefinite).
fn fraction_before_definite(w: &str) -> Option<f64> {
    Some(match w {
        "خمس" => 5.0,
        "سدس" => 6.0,
        "سبع" => 7.0,
        "تسع" => 9.0,
        "عشر" => 10.0,
        _ => return None,
    })
}

/// Pronoun uses of «واحد»: «أي واحد» (which one), «كل واحد» (each one).
fn pronoun_one_before(w: &str) -> bool {
    matches!(w, "اي" | "كل" | "لكل" | "وكل")
}

/// A written fraction «3/4» with a numerator below a denominator of at most 10.
fn slash_fraction(w: &str) -> Option<f64> {
    let (a, b) = w.split_once('/')?;
    let (a, b): (u32, u32) = (a.parse().ok()?, b.parse().ok()?);
    (a >= 1 && a < b && b <= 10).then(|| a as f64 / b as f64)
}

/// Every number of a document, as (byte span of the original text, value): digits,
/// number words with their multipliers, «سالب/ناقص» negatives, and simple word
/// fractions. This is the number recogniser the quantities stage builds on, exposed for
/// evaluation against number test suites.
pub fn numbers(doc: &Document, inf: &[Info]) -> Vec<(rasd_doc::Span, f64)> {
    let t = Toks { doc, inf };
    let mut out = Vec::new();
    let n = t.len();
    let mut i = 0;
    while i < n {
        let w = t.norm(i);
        let neg_word = matches!(w, "سالب" | "ناقص");
        let neg_sign =
            t.punct_in(i, &['-']) && t.touching(i) && t.kind(i + 1) == Some(TokenKind::Number);
        let k = if neg_word || neg_sign { i + 1 } else { i };
        let defin_next = {
            // The lexicon strips «ال» only from words it knows: look at the form too.
            let nx = t.info(k + 1);
            let w = t.norm(k + 1);
            (nx.al || w.starts_with("ال") && w.chars().count() > 3)
                && nx.bare()
                && nx.entry().card.is_none()
                && t.kind(k + 1) == Some(TokenKind::Arabic)
                && t.same_sentence(k, k + 1)
        };
        let after_number =
            k > 0 && (t.info(k - 1).entry().card.is_some() || t.digits(k - 1).is_some());
        let (end, mut v) = if let Some(f) = slash_fraction(t.norm(k)) {
            (k + 1, f)
        } else if let Some(d) = fraction_before_definite(t.norm(k))
            .filter(|_| defin_next && !after_number && t.info(k).bare())
        {
            (k + 1, 1.0 / d)
        } else if let Some(m) = cardinal(&t, k) {
            // Digits glued to letters («١٨٠ميلي», «1M») are part of a word or a unit
            // abbreviation, not a number of their own.
            let glued = m.single_digit_token
                && t.touching(k)
                && matches!(t.kind(k + 1), Some(TokenKind::Arabic | TokenKind::Latin));
            if m.al || glued {
                i = m.end.max(i + 1);
                continue;
            }
            let mut end = m.end;
            let mut v = m.value;
            if v == 1.0 && m.words && m.end == k + 1 && k > 0 && pronoun_one_before(t.norm(k - 1)) {
                i = m.end;
                continue;
            }
            // «خمسة أثمان» = ⅝: a cardinal over a plural fraction noun.
            if let Some(d) = plural_fraction(t.norm(end)).filter(|d| m.words && v >= 1.0 && v < *d)
            {
                v /= d;
                end += 1;
            }
            // «ثلاث وخمس»-style fractions after a number are rare; «وربع» is common.
            let nx = t.info(end);
            if nx.conj {
                if let Some(f) = t.norm(end).strip_prefix('و').and_then(fraction_word) {
                    v += f;
                    end += 1;
                }
            }
            (end, v)
        } else if let Some(f) = fraction_word(t.norm(k)) {
            // «نصف مليون».
            match t
                .info(k + 1)
                .entry()
                .card
                .filter(|c| c.kind == CardKind::Mult)
            {
                Some(c) => (k + 2, f * c.v),
                None => (k + 1, f),
            }
        } else {
            i += 1;
            continue;
        };
        if neg_word || neg_sign {
            v = -v;
        }
        if let (Some(a), Some(b)) = (doc.tokens.get(i), doc.tokens.get(end - 1)) {
            out.push((rasd_doc::Span::new(a.span.start, b.span.end), v));
        }
        i = end;
    }
    out
}

/// Formats a number for TIMEX3 and records: integers without a fraction.
pub fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        let s = format!("{v:.3}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::analyse;
    use rasd_doc::{Meta, Stage};
    use rasd_text::{Normaliser, Segmenter};

    fn doc(s: &str) -> Document {
        let mut d = Document::new(Meta::default(), s.to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        d
    }

    fn card(s: &str) -> Option<(f64, usize)> {
        let d = doc(s);
        let inf = analyse(&d);
        let t = Toks { doc: &d, inf: &inf };
        cardinal(&t, 0).map(|m| (m.value, m.end))
    }

    #[test]
    fn number_words() {
        assert_eq!(card("ستة عشر تفاحا"), Some((16.0, 2)));
        assert_eq!(card("مائة وستة عشر صفحة"), Some((116.0, 3)));
        assert_eq!(card("ثلاث مائة وواحد وثلاثون شجرة"), Some((331.0, 4)));
        assert_eq!(card("ألف وتسعمائة وثمانية وسبعون"), Some((1978.0, 4)));
        assert_eq!(card("ألفين وثمانية عشر"), Some((2018.0, 3)));
        assert_eq!(card("اثني عشر مليار ريال"), Some((12e9, 3)));
        assert_eq!(card("مائتين وإثنين ألف"), Some((202000.0, 3)));
        assert_eq!(card("واحد وعشرون تريليون"), Some((21e12, 3)));
        assert_eq!(card("إحدى عشرة"), Some((11.0, 2)));
        assert_eq!(card("خمسة آلاف جندي"), Some((5000.0, 2)));
        assert_eq!(card("خمسمئة"), Some((500.0, 1)));
    }

    fn nums(s: &str) -> Vec<f64> {
        let d = doc(s);
        let inf = analyse(&d);
        numbers(&d, &inf).into_iter().map(|(_, v)| v).collect()
    }

    #[test]
    fn fractions_and_pronoun_one() {
        assert_eq!(nums("خمسة أثمان الكأس"), [0.625]);
        assert_eq!(nums("ثلاثة أرباع السكان"), [0.75]);
        // A cardinal not below the denominator is a count of «أثمان» (prices).
        assert_eq!(nums("عشرة أثمان"), [10.0]);
        // «خمس» before a definite noun is a fifth; before an indefinite one, five.
        assert_eq!(nums("اكلت خمس الفطيرة."), [0.2]);
        assert_eq!(nums("خمس سنوات"), [5.0]);
        assert_eq!(nums("خمسة عشر الفا"), [15000.0]);
        assert_eq!(nums("٣/٤ الكأس"), [0.75]);
        assert_eq!(nums("-٤/٥"), [-0.8]);
        assert_eq!(nums("أريد دزينة من التفاحة"), [12.0]);
        assert!(nums("أي واحد تفضل؟").is_empty());
        assert!(nums("كل واحد منهم").is_empty());
        assert_eq!(nums("واحد فقط"), [1.0]);
    }

    #[test]
    fn digits_and_multipliers() {
        assert_eq!(card("25 ألف جندي"), Some((25000.0, 2)));
        assert_eq!(card("1.5 مليون دولار"), Some((1.5e6, 2)));
        assert_eq!(card("٣٢٢ ألف ريال"), Some((322000.0, 2)));
        assert_eq!(card("مليون ونصف"), Some((1.5e6, 2)));
        assert_eq!(card("واحد ونصف"), Some((1.5, 2)));
        // Two digit numbers never join.
        assert_eq!(card("3 و 12 سبتمبر"), Some((3.0, 1)));
        assert_eq!(card("أحد الجنود"), None);
    }

    #[test]
    fn ordinals() {
        let d = doc("الحادي والعشرين من مايو والرابع عشر والعشرين من يناير والثالثة");
        let inf = analyse(&d);
        let t = Toks { doc: &d, inf: &inf };
        assert_eq!(ordinal(&t, 0), Some((2, 21, false)));
        assert_eq!(ordinal(&t, 4), Some((6, 14, false)));
        assert_eq!(ordinal(&t, 6), Some((7, 20, false)));
        assert_eq!(ordinal(&t, 9), Some((10, 3, true)));
        assert_eq!(fmt_num(3.0), "3");
        assert_eq!(fmt_num(1.5), "1.5");
    }
}
