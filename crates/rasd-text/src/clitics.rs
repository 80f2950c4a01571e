//! Arabic clitic analysis of a normalised word.
//!
//! Arabic writes conjunctions (و ف), prepositions (ب ك ل), the future particle (س) and
//! the article (ال) glued to the next word, and object/possessive pronouns (ه ها هم …)
//! glued to the end. No Rust crate segments Arabic clitics (see CRATES.md), so this is a
//! small rule analyser:
//!
//! * [`analyses`] lists every segmentation the clitic grammar allows, least stripped
//!   first. Lexicon-driven consumers (the knowledge base, the trigger lexicon) walk that
//!   list and keep the first base they know, which resolves ambiguity with knowledge.
//! * [`primary`] picks one segmentation without a lexicon: the article is a strong signal
//!   («وبالجزائر», «للجيش»); without it a conjunction is stripped unless the word is a
//!   common word that merely starts with و/ف («وزير», «فرنسا»; a curated list plus one
//!   derived from corpus counts, `wf_words.txt`), and prepositions are left
//!   alone (too many names start with ب/ل/ك: «بنغازي», «لبنان», «كتيبة»). Enclitics are
//!   stripped only when multi-letter, or ه that was not a ta marbuta in the original.

use rasd_doc::{Enclitic, Proclitics};

/// One segmentation of a normalised word into prefix | base | suffix.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Analysis {
    /// Proclitic flags.
    pub proclitics: Proclitics,
    /// Bytes of conjunction/preposition prefix (before the article).
    pub pre_len: u8,
    /// Bytes of the article after the prefix (4 for ال, 2 for the second ل of لل).
    pub al_len: u8,
    /// True for لل (ل + ال).
    pub lil: bool,
    /// Enclitic pronoun.
    pub enclitic: Option<Enclitic>,
}

impl Analysis {
    /// The bare word: no clitics.
    pub const NONE: Analysis = Analysis {
        proclitics: Proclitics(0),
        pre_len: 0,
        al_len: 0,
        lil: false,
        enclitic: None,
    };

    /// The base (article kept) of `word` under this analysis; `ال` + rest for لل.
    pub fn base(&self, word: &str) -> String {
        let end = word
            .len()
            .saturating_sub(self.enclitic.map(|e| e.as_str().len()).unwrap_or(0));
        let body = word.get(self.pre_len as usize..end).unwrap_or(word);
        if self.lil {
            format!("ا{body}")
        } else {
            body.to_string()
        }
    }

    /// The stem (no article) of `word` under this analysis.
    pub fn stem<'a>(&self, word: &'a str) -> &'a str {
        let end = word
            .len()
            .saturating_sub(self.enclitic.map(|e| e.as_str().len()).unwrap_or(0));
        word.get((self.pre_len + self.al_len) as usize..end)
            .unwrap_or(word)
    }
}

const ENCLITICS: [(Enclitic, &str); 10] = [
    (Enclitic::Huma, "هما"),
    (Enclitic::Kuma, "كما"),
    (Enclitic::Hum, "هم"),
    (Enclitic::Hunna, "هن"),
    (Enclitic::Kum, "كم"),
    (Enclitic::Ha, "ها"),
    (Enclitic::Na, "نا"),
    (Enclitic::Hu, "ه"),
    (Enclitic::Ka, "ك"),
    (Enclitic::Ya, "ي"),
];

/// Common words (normalised) that start with و or ف without a conjunction.
const WF_LIST: &[&str] = &[
    "وزير",
    "وزيره",
    "وزاره",
    "وزراء",
    "وزارات",
    "وكاله",
    "وكالات",
    "وكيل",
    "وحده",
    "وحدات",
    "وقت",
    "وقف",
    "ولايه",
    "ولايات",
    "وفد",
    "وفود",
    "وطن",
    "وطني",
    "وطنيه",
    "وضع",
    "وصل",
    "وقع",
    "وجود",
    "واشنطن",
    "واحد",
    "واحده",
    "وسط",
    "وسائل",
    "وثائق",
    "وثيقه",
    "وفاه",
    "وفق",
    "وفقا",
    "ورقه",
    "ورد",
    "وزن",
    "وعد",
    "وعود",
    "ولي",
    "والي",
    "واقع",
    "واضح",
    "واسع",
    "وجه",
    "وجهه",
    "وجهات",
    "وهران",
    "ورقله",
    "وادي",
    "ولد",
    "وليد",
    "وصف",
    "وفي",
    "وراء",
    "فرنسا",
    "فرنسي",
    "فرنسيه",
    "فلسطين",
    "فلسطيني",
    "فلسطينيه",
    "فريق",
    "فتره",
    "فصائل",
    "فصيل",
    "فرع",
    "فرص",
    "فرصه",
    "فوج",
    "فيلق",
    "فجر",
    "فرقه",
    "فيه",
    "فيها",
    "فيما",
    "فقط",
    "فوق",
    "فور",
    "فكره",
    "فعل",
    "فعلا",
    "فرض",
    "فتح",
    "فشل",
    "فريد",
    "فيصل",
    "فهد",
    "فاطمه",
    "فايز",
    "فتحي",
    "فنزويلا",
    "فيتنام",
    "فنلندا",
    "فزان",
    "فاس",
    "فلوجه",
];

/// Folded words whose initial و/ف is a root letter, derived from corpus counts by
/// `scripts/text/wf_words.py`: nouns that also take the article («الوزارة», «الوكالة»)
/// while the remainder after و/ف is the rarer word, and names of `data/names/` («وائل»,
/// «فرانك») whose remainder is less than half as frequent. Complements [`WF_LIST`].
const WF_DERIVED: &str = include_str!("wf_words.txt");

/// [`WF_LIST`] and [`WF_DERIVED`] as a hash set: `primary` consults it for every word
/// starting with و/ف.
static WF_WORDS: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| {
        WF_LIST
            .iter()
            .copied()
            .chain(
                WF_DERIVED
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#')),
            )
            .collect()
    });

/// True when `word` (folded) is a word whose initial و/ف is a root letter, also with a
/// pronoun suffix («وزارته» → «وزاره», «وكالتها» → «وكاله»).
fn wf_word(word: &str) -> bool {
    if WF_WORDS.contains(word) {
        return true;
    }
    for (_, suf) in ENCLITICS {
        if let Some(body) = word.strip_suffix(suf) {
            if body.chars().count() < 3 {
                continue;
            }
            if WF_WORDS.contains(body) {
                return true;
            }
            // A ta marbuta becomes ت before a suffix: «وزارت|ه» is «وزاره».
            if let Some(b) = body.strip_suffix('ت') {
                if WF_WORDS.contains(format!("{b}ه").as_str()) {
                    return true;
                }
            }
        }
    }
    false
}

fn starts_with_al(s: &str) -> bool {
    s.starts_with("ال")
}

fn letters(s: &str) -> usize {
    s.chars().count()
}

/// Every segmentation the clitic grammar allows for `word` (normalised form), the
/// unsegmented word first, then by increasing amount stripped.
pub fn analyses(word: &str) -> Vec<Analysis> {
    let mut out = vec![Analysis::NONE];
    if letters(word) < 3 {
        return out;
    }
    let mut prefixes: Vec<(u8, u8)> = vec![(0, 0)]; // (flags, bytes)
    let conj = match word.chars().next() {
        Some('و') => Some(Proclitics::WA),
        Some('ف') => Some(Proclitics::FA),
        _ => None,
    };
    if let Some(f) = conj {
        prefixes.push((f, 2));
    }
    for &(flags, len) in prefixes.clone().iter() {
        let rest = word.get(len as usize..).unwrap_or("");
        let prep = match rest.chars().next() {
            Some('ب') => Some(Proclitics::BI),
            Some('ك') => Some(Proclitics::KA),
            Some('ل') => Some(Proclitics::LI),
            Some('س')
                if rest
                    .get(2..)
                    .is_some_and(|r| r.starts_with(['ي', 'ت', 'ن'])) =>
            {
                Some(Proclitics::SA)
            }
            _ => None,
        };
        if let Some(p) = prep {
            prefixes.push((flags | p, len + 2));
        }
    }
    for &(flags, len) in &prefixes {
        let rest = word.get(len as usize..).unwrap_or("");
        // Article forms: ال after any prefix; لل as ل + ال (the first ل is the prefix).
        let mut with_al: Vec<(u8, u8, bool)> = vec![(0, 0, false)];
        if starts_with_al(rest) && letters(rest) >= 4 {
            with_al.push((Proclitics::AL, 4, false));
        }
        if flags & Proclitics::LI != 0 && rest.starts_with('ل') && letters(rest) >= 3 {
            with_al.push((Proclitics::AL, 2, true));
        }
        for &(alf, al_len, lil) in &with_al {
            if len == 0 && al_len == 0 {
                continue;
            }
            let base = word.get((len + al_len) as usize..).unwrap_or("");
            if letters(base) < 2 {
                continue;
            }
            out.push(Analysis {
                proclitics: Proclitics(flags | alf),
                pre_len: len,
                al_len,
                lil,
                enclitic: None,
            });
        }
    }
    // Enclitics combine with any proclitic analysis without the article.
    let n = out.len();
    for i in 0..n {
        let a = out[i];
        if a.al_len > 0 {
            continue;
        }
        let body = word.get(a.pre_len as usize..).unwrap_or("");
        for (e, s) in ENCLITICS {
            if body.ends_with(s) && letters(body) >= letters(s) + 2 {
                out.push(Analysis {
                    enclitic: Some(e),
                    ..a
                });
            }
        }
    }
    out
}

/// The analyser's single best guess for `word` (normalised form). `original_last` is the
/// last letter of the word as written (before ة → ه folding), if known.
pub fn primary(word: &str, original_last: Option<char>) -> Analysis {
    let n = letters(word);
    if n < 3 {
        return Analysis::NONE;
    }
    let mut a = Analysis::NONE;
    let mut pos = 0usize;
    let first = word.chars().next();
    let after_conj = word.get(2..).unwrap_or("");
    // Conjunction.
    if matches!(first, Some('و') | Some('ف')) {
        // «وال…» is always و + article («والي» is far more often «وإلى» than a governor);
        // otherwise a word whose و/ف is radical keeps it («وكالة» is not و + ك + «الة»).
        let strip = starts_with_al(after_conj)
            || (!wf_word(word)
                && (after_conj.starts_with("لل")
                    || ((after_conj.starts_with('ب')
                        || after_conj.starts_with('ل')
                        || after_conj.starts_with('ك'))
                        && after_conj
                            .get(2..)
                            .is_some_and(|r| starts_with_al(r) && letters(r) >= 4))
                    || letters(after_conj) >= 2));
        if strip {
            a.proclitics.0 |= if first == Some('و') {
                Proclitics::WA
            } else {
                Proclitics::FA
            };
            pos = 2;
        }
    }
    let rest = word.get(pos..).unwrap_or("");
    // Preposition, only before the article (see module docs).
    if let Some(p) = rest.chars().next() {
        let flag = match p {
            'ب' => Proclitics::BI,
            'ك' => Proclitics::KA,
            'ل' => Proclitics::LI,
            _ => 0,
        };
        if flag != 0 {
            let after = rest.get(2..).unwrap_or("");
            if starts_with_al(after) && letters(after) >= 4 {
                a.proclitics.0 |= flag;
                pos += 2;
            } else if flag == Proclitics::LI && after.starts_with('ل') && letters(after) >= 3 {
                a.proclitics.0 |= flag | Proclitics::AL;
                a.pre_len = (pos + 2) as u8;
                a.al_len = 2;
                a.lil = true;
                return a;
            }
        }
    }
    a.pre_len = pos as u8;
    let rest = word.get(pos..).unwrap_or("");
    if starts_with_al(rest) && letters(rest) >= 4 {
        a.proclitics.0 |= Proclitics::AL;
        a.al_len = 4;
        return a;
    }
    // Enclitic.
    let body_letters = letters(rest);
    for (e, s) in ENCLITICS {
        if !rest.ends_with(s) {
            continue;
        }
        let single = s.chars().count() == 1;
        if single {
            // Only ه, and only when it was not a ta marbuta; ك/ي are too often radicals.
            if e != Enclitic::Hu || original_last == Some('ة') || body_letters < 4 {
                continue;
            }
        } else if body_letters < letters(s) + 3 {
            continue;
        }
        a.enclitic = Some(e);
        break;
    }
    a
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prim(w: &str) -> (String, String) {
        let a = primary(w, w.chars().last());
        (a.base(w), a.stem(w).to_string())
    }

    #[test]
    fn article_with_prefixes() {
        assert_eq!(prim("وبالجزائر"), ("الجزائر".into(), "جزائر".into()));
        assert_eq!(prim("للجيش"), ("الجيش".into(), "جيش".into()));
        assert_eq!(prim("والجيش"), ("الجيش".into(), "جيش".into()));
        assert_eq!(prim("فالحكومه"), ("الحكومه".into(), "حكومه".into()));
        assert_eq!(prim("كالعاده"), ("العاده".into(), "عاده".into()));
    }

    #[test]
    fn words_that_merely_start_with_clitic_letters() {
        assert_eq!(prim("وزير").0, "وزير");
        assert_eq!(prim("فرنسا").0, "فرنسا");
        assert_eq!(prim("بنغازي").0, "بنغازي");
        assert_eq!(prim("لبنان").0, "لبنان");
        assert_eq!(prim("الان").0, "الان");
    }

    #[test]
    fn radical_waw_is_not_a_conjunction() {
        // Derived list: nouns whose و/ف is a root letter keep it, with suffixes too.
        for w in [
            "وكاله",
            "وزاره",
            "وادي",
            "وليد",
            "وسيط",
            "وثيقه",
            "فريق",
            "وحدات",
        ] {
            // As written: a final ه of these words was a ta marbuta.
            let last = if w.ends_with('ه') { 'ة' } else { 'x' };
            assert_eq!(primary(w, Some(last)).base(w), w, "{w}");
        }
        assert_eq!(prim("وزارته").0, "وزارت");
        assert!(primary("وكالتها", Some('ا')).proclitics.0 & Proclitics::WA == 0);
        // A conjunction before a verb, a pronoun or a name is still stripped.
        for (w, b) in [
            ("وقال", "قال"),
            ("واضاف", "اضاف"),
            ("وهو", "هو"),
            ("وسعيد", "سعيد"),
        ] {
            assert_eq!(prim(w).0, b, "{w}");
        }
    }

    #[test]
    fn names_keep_their_first_letter() {
        // Listed names whose remainder is a rare word («ائل», «رانك», «تحي») keep و/ف;
        // «وأكد» (folded «واكد») and «فأدى» («فادي», also a name) stay conjunction + verb.
        for w in ["وائل", "فرانك", "فتحي", "فيليب", "ويليامز"] {
            assert_eq!(prim(w).0, w, "{w}");
        }
        assert_eq!(prim("واكد").0, "اكد");
        assert_eq!(prim("فادي").0, "ادي");
    }

    #[test]
    fn conjunction_without_article() {
        assert_eq!(prim("وقال").0, "قال");
        assert_eq!(prim("ولبنان").0, "لبنان");
    }

    #[test]
    fn enclitics() {
        let w = "استهدفته";
        let a = primary(w, Some('ه'));
        assert_eq!(a.enclitic, Some(Enclitic::Hu));
        assert_eq!(a.stem(w), "استهدفت");
        // Folded ta marbuta is not a pronoun.
        let w = "منظمه";
        assert_eq!(primary(w, Some('ة')).enclitic, None);
        let w = "قواتها";
        assert_eq!(primary(w, Some('ا')).stem(w), "قوات");
    }

    #[test]
    fn analyses_cover_alternatives() {
        let all = analyses("وبالجزائر");
        let bases: Vec<String> = all.iter().map(|a| a.base("وبالجزائر")).collect();
        assert_eq!(bases[0], "وبالجزائر");
        assert!(bases.contains(&"بالجزائر".to_string()));
        assert!(bases.contains(&"الجزائر".to_string()));
        let all = analyses("للقاعده");
        assert!(all.iter().any(|a| a.base("للقاعده") == "القاعده"));
        let all = analyses("وزاره");
        assert!(all.iter().any(|a| a.base("وزاره") == "وزاره"));
        assert!(analyses("من").len() == 1);
    }

    #[test]
    fn never_panics_on_short_or_odd_words() {
        for w in ["", "و", "ول", "لل", "وال", "سي", "س", "ه", "ها", "a"] {
            let _ = primary(w, None);
            let _ = analyses(w);
        }
    }
}
