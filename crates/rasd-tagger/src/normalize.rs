//! Orthographic normalisation, clitic stripping and word shape for Arabic tokens.
//!
//! The tagger's features and the word-cluster lexicon both key on a *normalised* form so
//! that spelling variation common in newswire (hamza forms on alef, alef maqsura versus
//! yaa, taa marbuta versus haa, diacritics, tatweel) does not split the statistics of one
//! word into several. The clitic stripper is a deliberately light, rule-based segmenter:
//! it peels the frequent proclitics (و ف ب ك ل س ال لل) and enclitic pronouns (ه ها هم …)
//! so the tagger can see the stem that a name shares with its attached forms.

/// Normalise an Arabic (or any) token: strip harakat (U+064B–U+0652, U+0670) and tatweel
/// (U+0640), unify alef forms (أ إ آ ٱ → ا), alef maqsura (ى → ي) and taa marbuta (ة → ه),
/// map Arabic-Indic and Persian digits to ASCII and lowercase Latin letters.
pub fn normalize(word: &str) -> String {
    let mut out = String::with_capacity(word.len());
    normalize_into(word, &mut out);
    out
}

/// Like [`normalize`], but appends to `out` (which is cleared first) to reuse an allocation.
pub fn normalize_into(word: &str, out: &mut String) {
    out.clear();
    for c in word.chars() {
        match c {
            '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}' | '\u{200C}'..='\u{200F}' => {}
            'أ' | 'إ' | 'آ' | 'ٱ' => out.push('ا'),
            'ى' => out.push('ي'),
            'ة' => out.push('ه'),
            '\u{0660}'..='\u{0669}' => {
                out.push(char::from(b'0' + (c as u32 - 0x0660) as u8));
            }
            '\u{06F0}'..='\u{06F9}' => {
                out.push(char::from(b'0' + (c as u32 - 0x06F0) as u8));
            }
            'A'..='Z' => out.push(c.to_ascii_lowercase()),
            _ => out.push(c),
        }
    }
}

/// True for letters of the Arabic script blocks.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{064A}' | '\u{0671}'..='\u{06D3}' | '\u{06FA}'..='\u{06FF}'
        | '\u{0750}'..='\u{077F}' | '\u{FB50}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Coarse word shape used as a feature: a short code built from the character classes
/// of the token (Arabic letters `a`, Latin upper `X`, Latin lower `x`, digits `d`, other
/// punctuation/symbols `p`), with runs collapsed, e.g. `"2015"` → `"d"`, `"U.N."` → `"XpXp"`.
pub fn shape(word: &str) -> String {
    let mut out = String::new();
    let mut last = '\0';
    for c in word.chars() {
        let k = if is_arabic_letter(c) {
            'a'
        } else if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) {
            'd'
        } else if c.is_uppercase() {
            'X'
        } else if c.is_alphabetic() {
            'x'
        } else if matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}') {
            continue;
        } else {
            'p'
        };
        if k != last {
            out.push(k);
            last = k;
        }
        if out.len() >= 6 {
            break;
        }
    }
    out
}

/// Result of light clitic stripping on a normalised token.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segmented<'a> {
    /// Proclitics peeled from the front, in order (e.g. `"و+ال"` is returned as `"وال"`).
    pub prefix: &'a str,
    /// The remaining stem.
    pub stem: &'a str,
    /// Enclitic pronoun peeled from the end (empty when none).
    pub suffix: &'a str,
}

const SUFFIXES: [&str; 11] = [
    "هما", "كما", "هم", "هن", "كم", "كن", "ها", "نا", "ه", "ك", "ي",
];

/// Strip frequent proclitics and enclitic pronouns from a *normalised* token.
///
/// Proclitics: an optional conjunction (و / ف), then an optional preposition (ب / ك / ل)
/// or future marker (س), then the article (ال; `لل` counts as ل + ال). A stem must keep at
/// least two letters (three when a pronoun suffix is also removed); non-Arabic tokens are
/// returned unchanged. This is a heuristic: it over-strips a few native words (e.g. بيت),
/// which is acceptable for features because the surface form is also a feature.
pub fn segment(norm: &str) -> Segmented<'_> {
    let letters = norm.chars().count();
    if letters < 3 || !norm.chars().all(is_arabic_letter) {
        return Segmented {
            prefix: "",
            stem: norm,
            suffix: "",
        };
    }
    let mut start = 0usize; // byte offset where the stem starts
    let rest = |s: usize| &norm[s..];
    let len_after = |s: usize| norm[s..].chars().count();
    // conjunction
    if let Some(c) = rest(start).chars().next() {
        if (c == 'و' || c == 'ف') && len_after(start + c.len_utf8()) >= 3 {
            start += c.len_utf8();
        }
    }
    // "لل" = preposition li + article
    if rest(start).starts_with("لل") && len_after(start + "لل".len()) >= 2 {
        start += "لل".len();
    } else {
        if let Some(c) = rest(start).chars().next() {
            if matches!(c, 'ب' | 'ك' | 'ل')
                && rest(start + c.len_utf8()).starts_with("ال")
                && len_after(start + c.len_utf8()) >= 4
            {
                start += c.len_utf8();
            }
        }
        if rest(start).starts_with("ال") && len_after(start + "ال".len()) >= 2 {
            start += "ال".len();
        }
    }
    let prefix = &norm[..start];
    let stem_all = &norm[start..];
    // Enclitic pronouns only on words without the article (they cannot co-occur).
    if !prefix.ends_with("ال") && !prefix.ends_with("لل") {
        for suf in SUFFIXES {
            if let Some(stem) = stem_all.strip_suffix(suf) {
                if stem.chars().count() >= 3 {
                    return Segmented {
                        prefix,
                        stem,
                        suffix: suf,
                    };
                }
            }
        }
    }
    Segmented {
        prefix,
        stem: stem_all,
        suffix: "",
    }
}

/// Forms of a normalised word with proclitics removed, for gazetteer lookup: without an
/// initial و/ف, then also without a following ب/ك/ل (`لل` becomes `ال`), each keeping at
/// least three letters. Shorter-stripped forms come first; the word itself is not included.
/// (Stripping is ambiguous — the ل of لندن is not a preposition — so callers try each form.)
pub fn strip_proclitics(norm: &str) -> Vec<String> {
    proclitic_forms(norm)
        .into_iter()
        .flatten()
        .map(|(al, r)| {
            if al {
                format!("ال{r}")
            } else {
                r.to_string()
            }
        })
        .collect()
}

/// The forms of [`strip_proclitics`] without allocating: each is `(with_article, rest)`,
/// meaning the string `ال` + `rest` when `with_article` (the `لل` case), else `rest`.
pub fn proclitic_forms(norm: &str) -> [Option<(bool, &str)>; 2] {
    let len = |s: &str| s.chars().count();
    let mut out = [None, None];
    let mut k = 0usize;
    let mut rest = norm;
    if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف')) {
        if len(r) >= 3 {
            out[0] = Some((false, r));
            k = 1;
            rest = r;
        }
    }
    if let Some(r) = rest.strip_prefix("لل") {
        if len(r) >= 2 {
            if let Some(slot) = out.get_mut(k) {
                *slot = Some((true, r));
            }
            return out;
        }
    }
    for p in ['ب', 'ك', 'ل'] {
        if let Some(r) = rest.strip_prefix(p) {
            if len(r) >= 3 {
                if let Some(slot) = out.get_mut(k) {
                    *slot = Some((false, r));
                }
                break;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn normalises_alef_yaa_taa_and_diacritics() {
        assert_eq!(normalize("أَحْمَد"), "احمد");
        assert_eq!(normalize("إسلام"), "اسلام");
        assert_eq!(normalize("مصطفى"), "مصطفي");
        assert_eq!(normalize("مدرسة"), "مدرسه");
        assert_eq!(normalize("الكتــــاب"), "الكتاب");
        assert_eq!(normalize("٢٠١٥"), "2015");
        assert_eq!(normalize("NATO"), "nato");
    }

    #[test]
    fn strips_proclitics_for_lookup() {
        assert_eq!(strip_proclitics("بدارفور"), vec!["دارفور"]);
        assert_eq!(strip_proclitics("وبالعراق"), vec!["بالعراق", "العراق"]);
        assert_eq!(strip_proclitics("للعراق"), vec!["العراق"]);
        assert_eq!(strip_proclitics("ولندن"), vec!["لندن", "ندن"]);
        assert!(strip_proclitics("بان").is_empty());
        assert!(strip_proclitics("").is_empty());
    }

    #[test]
    fn shapes() {
        assert_eq!(shape("2015"), "d");
        assert_eq!(shape("U.N."), "XpXp");
        assert_eq!(shape("القاهرة"), "a");
        assert_eq!(shape("("), "p");
        assert_eq!(shape(""), "");
    }

    #[test]
    fn segments_clitics() {
        let seg = |w: &str| {
            let n = normalize(w);
            let s = segment(&n);
            (
                s.prefix.to_string(),
                s.stem.to_string(),
                s.suffix.to_string(),
            )
        };
        let eq = |a: (String, String, String), b: (&str, &str, &str)| {
            assert_eq!((a.0.as_str(), a.1.as_str(), a.2.as_str()), b);
        };
        eq(seg("والقاهرة"), ("وال", "قاهره", ""));
        eq(seg("للرئيس"), ("لل", "رئيس", ""));
        eq(seg("بالعراق"), ("بال", "عراق", ""));
        eq(seg("حكومتها"), ("", "حكومت", "ها"));
        let s = segment("في");
        assert_eq!(s.stem, "في");
        let s = segment("abc");
        assert_eq!(s.stem, "abc");
    }
}
