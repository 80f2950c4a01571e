//! Arabic name variants generated from the listed names.
//!
//! Curators list a name once, as the press writes it; the same referent appears in text
//! with small, regular differences that folding (`rasd_text::fold`: hamza forms, ة/ه, ى/ي,
//! diacritics) does not cover. This module generates the other forms, each tagged with a
//! flag so the recogniser can trust a listed name more than a generated one:
//!
//! * **administrative prefixes** («ولاية تمنراست» → «تمنراست», «منطقة جاو» → «جاو»),
//! * **the article** for one-word places («الجزائر» ↔ «جزائر»: weak, context needed),
//! * **«لل» forms**: «للجيش الوطني» is ل + «الجيش الوطني» with the article's alef gone; the
//!   key «لجيش الوطني» is only valid right after a preposition ل,
//! * **transliteration pairs** for foreign names (غ ↔ ج: «غاو»/«جاو», «شتوتغارت»/
//!   «شتوتجارت») and a few spelling pairs used for every name («أميركا»/«أمريكا»,
//!   «الفدرالي»/«الفيدرالي»),
//! * **surnames** of people («عبد الفتاح السيسي» → «السيسي») when the last word is not
//!   also a given name or a nationality adjective (decided by the compiler from the
//!   whole knowledge base).
//!
//! Gentilic forms are inflected here too (ليبي → الليبي، ليبية، الليبيون، الليبيين …).

use crate::format::{V_ACRONYM, V_ARTICLE, V_DERIVED, V_LIL, V_PREFIX, V_TRANSLIT};

/// Folded administrative or settlement prefixes that may be dropped from a place name.
pub const ADMIN_PREFIXES: &[&str] = &[
    "ولايه",
    "محافظه",
    "منطقه",
    "اقليم",
    "مقاطعه",
    "بلديه",
    "شعبيه",
    "مديريه",
    "قضاء",
    "ناحيه",
    "دائره",
    "اماره",
    "مدينه",
    "قريه",
    "بلده",
    "حي",
    "مخيم",
    "جزيره",
];

/// ISO alpha-3 codes of Arab League members (and Western Sahara): their place names are
/// Arabic words, so foreign-transliteration pairs are not applied to them.
pub const ARAB_STATES: &[&str] = &[
    "DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR", "OMN",
    "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH",
];

/// Spelling pairs applied to every name (folded forms).
const SPELLING_PAIRS: &[(&str, &str)] = &[("اميرك", "امريك"), ("فدرال", "فيدرال")];

/// Number of Arabic letters (chars) in a folded string, spaces excluded.
pub fn letters(s: &str) -> usize {
    s.chars().filter(|c| !c.is_whitespace()).count()
}

/// True when the name as written is a Latin acronym («GIS», «AFRICOM»).
pub fn is_acronym(written: &str) -> bool {
    let w = written.trim();
    w.len() >= 2
        && w.chars().any(|c| c.is_ascii_uppercase())
        && w.chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '-' || c == '.')
}

/// What kind of entry the name belongs to, as far as variants care.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NameContext {
    /// A place (article and prefix variants apply).
    pub place: bool,
    /// A foreign (non-Arab) referent: transliteration pairs apply.
    pub foreign: bool,
}

/// Adds `key` with `flags` unless it is too short or already present with the same flags.
fn push(out: &mut Vec<(String, u32)>, key: String, flags: u32) {
    if letters(&key) < 2 || out.iter().any(|(k, f)| *k == key && *f == flags) {
        return;
    }
    out.push((key, flags));
}

/// All keys for one listed name. `folded` is the name after `fold`, `written` as listed.
/// The listed form comes first with flags 0 (or [`V_ACRONYM`]).
pub fn name_variants(written: &str, folded: &str, ctx: NameContext) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    if folded.is_empty() {
        return out;
    }
    let base_flag = if is_acronym(written) { V_ACRONYM } else { 0 };
    push(&mut out, folded.to_string(), base_flag);
    if base_flag != 0 {
        return out;
    }
    // Administrative prefix.
    if ctx.place {
        if let Some((first, rest)) = folded.split_once(' ') {
            if ADMIN_PREFIXES.contains(&first) && letters(rest) >= 3 {
                push(&mut out, rest.to_string(), V_DERIVED | V_PREFIX);
            }
        }
    }
    // Spelling and transliteration pairs.
    let n = out.len();
    for i in 0..n {
        let (k, f) = out[i].clone();
        for (a, b) in SPELLING_PAIRS {
            for (x, y) in [(a, b), (b, a)] {
                if k.contains(x) {
                    push(&mut out, k.replace(x, y), f | V_DERIVED | V_TRANSLIT);
                }
            }
        }
        if ctx.foreign {
            if k.contains('غ') {
                push(&mut out, k.replace('غ', "ج"), f | V_DERIVED | V_TRANSLIT);
            }
            if k.contains('ج') {
                push(&mut out, k.replace('ج', "غ"), f | V_DERIVED | V_TRANSLIT);
            }
        }
    }
    // «عبد الله» ↔ «عبدالله»: theophoric names are written joined and apart.
    let n = out.len();
    for i in 0..n {
        let (k, f) = out[i].clone();
        if let Some(other) = abd_toggle(&k) {
            // (No transliteration risk: the same letters, one space more or less.)
            push(&mut out, other, f | V_DERIVED);
        }
    }
    // The article, for one-word places.
    if ctx.place {
        let n = out.len();
        for i in 0..n {
            let (k, f) = out[i].clone();
            if k.contains(' ') {
                continue;
            }
            if let Some(rest) = k.strip_prefix("ال") {
                if letters(rest) >= 3 {
                    push(&mut out, rest.to_string(), f | V_DERIVED | V_ARTICLE);
                }
            } else if letters(&k) >= 3 {
                push(&mut out, format!("ال{k}"), f | V_DERIVED | V_ARTICLE);
            }
        }
    }
    // «لل» forms of every key with the article.
    let n = out.len();
    for i in 0..n {
        let (k, f) = out[i].clone();
        if let Some(rest) = k.strip_prefix('ا') {
            if rest.starts_with('ل') && letters(rest) >= 3 {
                push(&mut out, rest.to_string(), f | V_LIL);
            }
        }
    }
    out
}

/// The folded name with every «عبد» + article word joined («عبد الله» → «عبدالله»), or,
/// when it has none to join, with every joined one split («عبدالعزيز» → «عبد العزيز»).
/// None when the name has neither. Only whole words starting with «عبد» count.
pub fn abd_toggle(folded: &str) -> Option<String> {
    let words: Vec<&str> = folded.split(' ').collect();
    let spaced = words
        .windows(2)
        .any(|w| w[0] == "عبد" && w[1].starts_with("ال") && letters(w[1]) >= 4);
    let mut out: Vec<String> = Vec::with_capacity(words.len());
    let mut changed = false;
    let mut i = 0;
    while let Some(&w) = words.get(i) {
        let next = words.get(i + 1).copied();
        if spaced {
            if let Some(n) = next.filter(|n| w == "عبد" && n.starts_with("ال") && letters(n) >= 4)
            {
                out.push(format!("عبد{n}"));
                changed = true;
                i += 2;
                continue;
            }
        } else if let Some(rest) = w.strip_prefix("عبد").filter(|r| r.starts_with("ال")) {
            if letters(rest) >= 4 {
                out.push(format!("عبد {rest}"));
                changed = true;
                i += 1;
                continue;
            }
        }
        out.push(w.to_string());
        i += 1;
    }
    changed.then(|| out.join(" "))
}

/// The last word of a multi-word person name, if it can stand for the person alone.
/// `given` says whether a word is used as a given name anywhere in the knowledge base,
/// `gentilic` whether it is a nationality adjective.
pub fn surname(
    folded: &str,
    given: &dyn Fn(&str) -> bool,
    gentilic: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let mut words = folded.split(' ');
    let first = words.next()?;
    let last = folded.rsplit(' ').next()?;
    if last == first || last.chars().any(|c| c.is_ascii_alphanumeric()) {
        return None;
    }
    // A kunya («أبو أنس الليبي») is not called by its last word.
    if matches!(first, "ابو" | "ام" | "ابي") {
        return None;
    }
    // The last word of a compound is no surname («عبد الرحمن», «بن لادن», «آل سعود»),
    // nor the given name after a title («الملك سلمان»).
    let before = folded.rsplit(' ').nth(1).unwrap_or("");
    if matches!(
        before,
        "عبد"
            | "بن"
            | "ابن"
            | "ابو"
            | "ابي"
            | "ال"
            | "بنت"
            | "ولد"
            | "ام"
            | "اغ"
            | "الملك"
            | "الامير"
            | "السلطان"
            | "الشيخ"
            | "الامام"
            | "السيد"
    ) {
        return None;
    }
    let body = last.strip_prefix("ال").unwrap_or(last);
    if letters(body) < 3 || given(last) || given(body) || gentilic(last) || gentilic(body) {
        return None;
    }
    // Particles and kunya words never stand alone for a person.
    if matches!(
        body,
        "بن" | "ابن" | "ابو" | "ابي" | "ام" | "عبد" | "بنت" | "ولد" | "اخو" | "ايت"
    ) {
        return None;
    }
    Some(last.to_string())
}

/// A person's name with the article added to or dropped from its last word, when that
/// word is a nisba surname the press writes both ways («مسعود بارزاني» ↔ «مسعود
/// البارزاني», «جلال الطالباني» ↔ «جلال طالباني»). Needs two words or more, a last word
/// ending in ي with four letters or more without the article, and a last word that is not
/// a given name (`given`) or a nationality adjective (`gentilic`). Input and output are
/// folded.
pub fn nisba_article_toggle(
    folded: &str,
    given: &dyn Fn(&str) -> bool,
    gentilic: &dyn Fn(&str) -> bool,
) -> Option<String> {
    let (head, last) = folded.rsplit_once(' ')?;
    let body = last.strip_prefix("ال").unwrap_or(last);
    if !body.ends_with('ي')
        || letters(body) < 4
        || given(body)
        || given(last)
        || gentilic(body)
        || gentilic(last)
        || body.chars().any(|c| c.is_ascii_alphanumeric())
    {
        return None;
    }
    // The article belongs to the surname only when it is the last word's own: a particle
    // before it («بن», «ابو») makes the name a patronymic or kunya, written one way.
    let before = head.rsplit(' ').next().unwrap_or(head);
    if matches!(
        before,
        "بن" | "ابن" | "ابو" | "ابي" | "ام" | "بنت" | "ولد" | "عبد"
    ) {
        return None;
    }
    Some(if body.len() == last.len() {
        format!("{head} ال{last}")
    } else {
        format!("{head} {body}")
    })
}

/// Inflected forms of a gentilic («ليبي» → «ليبي، الليبي، ليبيه، الليبيه، ليبيون، الليبيون،
/// ليبيين، الليبيين، ليبيات، الليبيات»). Input and output are folded.
pub fn gentilic_forms(folded: &str) -> Vec<String> {
    let mut out = vec![folded.to_string()];
    let bare = folded.strip_prefix("ال").unwrap_or(folded);
    if bare != folded {
        out.push(bare.to_string());
    } else {
        out.push(format!("ال{folded}"));
    }
    if !bare.contains(' ') && bare.ends_with('ي') && letters(bare) >= 3 {
        for suf in ["ه", "ون", "ين", "ات"] {
            let f = format!("{bare}{suf}");
            out.push(format!("ال{f}"));
            out.push(f);
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_text::fold;

    fn keys(w: &str, place: bool, foreign: bool) -> Vec<(String, u32)> {
        name_variants(w, &fold(w), NameContext { place, foreign })
    }

    fn has(v: &[(String, u32)], k: &str) -> bool {
        v.iter().any(|(x, _)| x == k)
    }

    #[test]
    fn admin_prefix_is_strippable() {
        let v = keys("ولاية تمنراست", true, false);
        assert!(has(&v, "ولايه تمنراست"));
        assert!(has(&v, "تمنراست"));
        let v = keys("منطقة غاو", true, true);
        assert!(has(&v, "غاو") && has(&v, "جاو"));
        // Not for organisations.
        let v = keys("منطقة عسكرية", false, false);
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn article_and_lil_forms() {
        let v = keys("الجيش الوطني الليبي", false, false);
        assert!(has(&v, "لجيش الوطني الليبي"));
        let lil = v.iter().find(|(k, _)| k == "لجيش الوطني الليبي").unwrap();
        assert!(lil.1 & V_LIL != 0);
        let v = keys("القاهرة", true, false);
        assert!(has(&v, "قاهره"));
        let v = keys("بنغازي", true, false);
        assert!(has(&v, "البنغازي"));
        // No ج/غ swap for an Arab city.
        assert!(!has(&v, "بنجازي"));
    }

    #[test]
    fn spelling_pairs_apply_everywhere() {
        let v = keys("الولايات المتحدة الأميركية", true, true);
        assert!(has(&v, "الولايات المتحده الامريكيه"));
        let v = keys("مكتب التحقيقات الفيدرالي", false, true);
        assert!(has(&v, "مكتب التحقيقات الفدرالي"));
    }

    #[test]
    fn theophoric_names_are_written_joined_and_apart() {
        let v = keys("أحمد علي عبد الله صالح", false, false);
        assert!(has(&v, "احمد علي عبدالله صالح"), "{v:?}");
        let v = keys("محمد بن سلمان بن عبدالعزيز", false, false);
        assert!(has(&v, "محمد بن سلمان بن عبد العزيز"), "{v:?}");
        // Not a word that only starts like it, nor «عبد» before a word without the article.
        assert_eq!(abd_toggle("عبده"), None);
        assert_eq!(abd_toggle("عبد ربه منصور هادي"), None);
        assert_eq!(abd_toggle("عبدالي"), None);
    }

    #[test]
    fn acronyms_get_no_variants() {
        let v = keys("GIS", false, true);
        assert_eq!(v, vec![("gis".to_string(), V_ACRONYM)]);
        assert!(!is_acronym("Gis"));
    }

    #[test]
    fn nisba_surnames_take_or_drop_the_article() {
        let given = |w: &str| matches!(w, "ناجي" | "علي" | "محمد");
        let gent = |w: &str| matches!(w, "العراقي" | "عراقي");
        let t = |n: &str| nisba_article_toggle(&fold(n), &given, &gent);
        assert_eq!(t("مسعود بارزاني").as_deref(), Some("مسعود البارزاني"));
        assert_eq!(t("جلال الطالباني").as_deref(), Some("جلال طالباني"));
        // Not a nisba, a given name, a nationality adjective, one word or a patronymic.
        assert_eq!(t("خليفة حفتر"), None);
        assert_eq!(t("محمد ناجي"), None);
        assert_eq!(t("محمد العراقي"), None);
        assert_eq!(t("بارزاني"), None);
        assert_eq!(t("ابو بكر البغدادي"), Some("ابو بكر بغدادي".to_string()));
        assert_eq!(t("محمد بن البيضاني"), None);
    }

    #[test]
    fn surnames_need_a_distinctive_last_word() {
        let given = |w: &str| matches!(w, "خليفه" | "صالح" | "محمد");
        let gent = |w: &str| w == "الليبي";
        assert_eq!(
            surname("خليفه حفتر", &given, &gent).as_deref(),
            Some("حفتر")
        );
        assert_eq!(
            surname("عبد الفتاح السيسي", &given, &gent).as_deref(),
            Some("السيسي")
        );
        assert_eq!(surname("ابو انس الليبي", &given, &gent), None);
        assert_eq!(surname("ابو بكر البغدادي", &given, &gent), None);
        assert_eq!(surname("علي عبدالله صالح", &given, &gent), None);
        assert_eq!(surname("حفتر", &given, &gent), None);
        assert_eq!(surname("محمد بن", &given, &gent), None);
        // The last word of a compound is no surname.
        assert_eq!(surname("ايمن بن عبد الرحمن", &given, &gent), None);
        assert_eq!(surname("فيصل بن فرحان ال سعود", &given, &gent), None);
        assert_eq!(surname("اسامه بن لادن", &given, &gent), None);
        assert_eq!(surname("الملك سلمان", &given, &gent), None);
    }

    #[test]
    fn gentilics_inflect() {
        let f = gentilic_forms("ليبي");
        for w in ["ليبي", "الليبي", "الليبيه", "الليبيين", "ليبيون"]
        {
            assert!(f.contains(&w.to_string()), "{w}");
        }
        let f = gentilic_forms("الامريكيه");
        assert!(f.contains(&"امريكيه".to_string()));
    }
}
