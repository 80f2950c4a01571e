//! Arabic word shapes: derivational patterns that mark a word as an ordinary Arabic word
//! rather than a transliterated foreign name.
//!
//! Transliterations rarely fall into the templates of Arabic morphology, while common
//! words do all the time. [`arabic_pattern`] recognises a handful of productive templates
//! on the folded word (no article, no clitics): verbal nouns تفعيل (توجيه), تفاعل
//! (تعاون), استفعال (استقرار), افتعال/انفعال (انتخاب), passive participles مفعول
//! (مسؤول), elatives and perfect verbs أفعل (أكبر, أجرى), and feminine participles م…ة
//! (مرفوقة). It is used with the knowledge base's foreignness score, never alone: a word
//! that fits a template and does not look clearly foreign is an Arabic word («ترامب»
//! fits تفاعل but looks foreign).

/// True when the folded word fits a common Arabic derivational template.
pub fn arabic_pattern(word: &str) -> bool {
    let c: Vec<char> = word.chars().take(9).collect();
    let n = word.chars().count();
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    match n {
        4 => at(0) == 'ا',
        5 => {
            (at(0) == 'ت' && at(3) == 'ي')
                || (at(0) == 'ت' && at(2) == 'ا')
                || (at(0) == 'م' && at(3) == 'و')
                || (at(0) == 'ا' && at(3) == 'ا')
        }
        6 => {
            (at(0) == 'ا' && at(1) == 'س' && at(2) == 'ت')
                || (at(0) == 'ا' && at(4) == 'ا')
                || (at(0) == 'م' && at(5) == 'ه')
        }
        7 => {
            (at(0) == 'ا' && at(1) == 'س' && at(2) == 'ت' && at(5) == 'ا')
                || (at(0) == 'م' && at(6) == 'ه')
        }
        _ => false,
    }
}

/// The shape of a future verb on the folded word: «س», an imperfect prefix (ي ت ن) and a
/// consonant («ستدوم», «سيتم»). Transliterations that start alike mostly put a long vowel
/// third («ستيفن», «ستالين», «سنودن»).
pub fn future_verb(w: &str) -> bool {
    let mut ch = w.chars();
    ch.next() == Some('س')
        && matches!(ch.next(), Some('ي' | 'ت' | 'ن'))
        && ch.next().is_some_and(|c| !matches!(c, 'ا' | 'و' | 'ي'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates() {
        for w in [
            "توجيه",
            "تعاون",
            "استقرار",
            "انتخاب",
            "مسؤول",
            "اكبر",
            "اجري",
            "مرفوقه",
            "استخدام",
        ] {
            assert!(arabic_pattern(w), "{w}");
        }
        // Some transliterations fit too («ترامب» is تفاعل-shaped): callers combine the
        // shape with the foreignness score.
        assert!(arabic_pattern("ترامب"));
        for w in ["جاو", "شتوتغارت", "بيلاتوس", "هامبورغ", "نوفيل", "باتان"]
        {
            assert!(!arabic_pattern(w), "{w}");
        }
    }
}
