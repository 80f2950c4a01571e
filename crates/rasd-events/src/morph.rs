//! Arabic morphology just deep enough for lexicon matching: inflecting lexicon entries at
//! load time, and listing the clitic segmentations of a text word at match time.
//!
//! The lexicons list one citation form per entry (perfect 3rd person masculine singular
//! «قتل», imperfect «يقتل», a masdar «اعتقال»). [`inflect`] adds the forms news text uses
//! («قتلت», «قتلوا», «تقتل», «يقتلون», «اعتقالات», «غاراته»), so matching is one hash
//! lookup per candidate instead of a stemmer in the hot loop.
//!
//! [`candidates`] is the match-time half: the same clitic grammar as
//! [`rasd_text::analyses`] (conjunction و/ف, then ب/ك/ل or the future س, then the article
//! ال or لل, and an enclitic pronoun), but it hands out borrowed slices of the word through
//! a callback, so scanning a document allocates nothing per token. A test checks that it
//! yields every stem `analyses` knows.

use rasd_doc::Enclitic;

/// What a candidate segmentation stripped from the word.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Strip {
    /// A conjunction و/ف was stripped.
    pub conj: bool,
    /// The attached preposition or future particle: `b'b'` ب, `b'l'` ل, `b'k'` ك, `b's'` س.
    pub prep: u8,
    /// The article was stripped (ال, or the second ل of لل).
    pub al: bool,
    /// The enclitic pronoun that was stripped.
    pub enc: Option<Enclitic>,
    /// Bytes of the normalised word before the candidate (clitic prefix).
    pub pre: u8,
}

impl Strip {
    /// True when nothing was stripped.
    pub fn is_none(&self) -> bool {
        !self.conj && self.prep == 0 && !self.al && self.enc.is_none()
    }
}

#[inline]
fn nchars(s: &str) -> usize {
    s.chars().count()
}

/// The enclitic pronouns the word ends with (by its last three letters), with their byte
/// length; a final ه after a written ة is not a pronoun.
///
/// Only third-person pronouns and «نا» are stripped. Second person (ك كم كما) and «ي»
/// ("me, my") are rare in news prose and mostly radicals or other endings («هناك» is not
/// «هنا» + ك, «معتقلي» is a construct plural), so stripping them made false matches.
fn final_enclitics(w: &str, ta_marbuta: bool) -> ([(Enclitic, usize); 2], usize) {
    let mut out = [(Enclitic::Hu, 0); 2];
    let mut n = 0;
    let mut it = w.chars().rev();
    let (c1, c2, c3) = (it.next(), it.next(), it.next());
    let mut push = |e: Enclitic, len: usize| {
        if n < out.len() {
            out[n] = (e, len);
            n += 1;
        }
    };
    match (c1, c2, c3) {
        (Some('ا'), Some('م'), Some('ه')) => push(Enclitic::Huma, 6),
        (Some('ا'), Some('ه'), _) => push(Enclitic::Ha, 4),
        (Some('ا'), Some('ن'), _) => push(Enclitic::Na, 4),
        (Some('م'), Some('ه'), _) => push(Enclitic::Hum, 4),
        (Some('ن'), Some('ه'), _) => push(Enclitic::Hunna, 4),
        (Some('ه'), _, _) if !ta_marbuta => push(Enclitic::Hu, 2),
        _ => {}
    }
    (out, n)
}

/// Calls `f` with every clitic segmentation of the normalised word `w`: the whole word
/// first, then with a conjunction, preposition/future particle and article stripped (in
/// that order of attachment), then each of those with an enclitic stripped. `ta_marbuta`
/// says the written word ended in ة, so its folded final ه is not a pronoun. `f` returns
/// `true` to stop early.
///
/// Clitic letters (و ف ب ل ك س ا) are two bytes each in UTF-8, so lengths of the rests are
/// derived from the word's letter count without decoding again.
pub fn candidates(w: &str, ta_marbuta: bool, mut f: impl FnMut(&str, Strip) -> bool) {
    if f(w, Strip::default()) {
        return;
    }
    let n = nchars(w);
    if n < 3 {
        return;
    }
    // Letters left after `off` bytes of two-byte clitic letters.
    let left = |off: usize| n - off / 2;
    let bytes = w.as_bytes();
    // Prefix segmentations: (conj, prep, byte offset of the rest).
    let mut pre: [(bool, u8, usize); 4] = [(false, 0, 0); 4];
    let mut np = 1;
    if w.starts_with('و') || w.starts_with('ف') {
        pre[np] = (true, 0, 2);
        np += 1;
    }
    let bases = np;
    for k in 0..bases {
        let (c, _, off) = pre[k];
        if left(off) < 3 {
            continue;
        }
        let rest = w.get(off..).unwrap_or("");
        let p = match rest.chars().next() {
            Some('ب') => b'b',
            Some('ل') => b'l',
            Some('ك') => b'k',
            Some('س')
                if rest
                    .get(2..)
                    .is_some_and(|r| r.starts_with(['ي', 'ت', 'ن', 'ا'])) =>
            {
                b's'
            }
            _ => 0,
        };
        if p != 0 && np < pre.len() {
            pre[np] = (c, p, off + 2);
            np += 1;
        }
    }
    // Bodies without the article, and with it; remember those that can take an enclitic.
    for &(conj, prep, off) in &pre[..np] {
        let rest = w.get(off..).unwrap_or("");
        let s = Strip {
            conj,
            prep,
            al: false,
            enc: None,
            pre: off as u8,
        };
        if off > 0 && left(off) >= 2 && f(rest, s) {
            return;
        }
        let al = bytes.get(off..off + 4) == Some("ال".as_bytes());
        if al && left(off) >= 4 {
            let stem = rest.get(4..).unwrap_or("");
            if f(stem, Strip { al: true, ..s }) {
                return;
            }
        } else if prep == b'l' && bytes.get(off..off + 2) == Some("ل".as_bytes()) && left(off) >= 3
        {
            // لل = ل + ال: the first ل is the preposition, the second the article.
            let stem = rest.get(2..).unwrap_or("");
            if f(stem, Strip { al: true, ..s }) {
                return;
            }
        }
    }
    let (encs, nenc) = final_enclitics(w, ta_marbuta);
    for &(e, el) in &encs[..nenc] {
        for &(conj, prep, off) in &pre[..np] {
            // The body keeps at least two letters.
            if left(off) < el / 2 + 2 || w.len() < off + el {
                continue;
            }
            let stem = w.get(off..w.len() - el).unwrap_or("");
            let s = Strip {
                conj,
                prep,
                al: false,
                enc: Some(e),
                pre: off as u8,
            };
            if f(stem, s) {
                return;
            }
        }
    }
}

/// Lexicon entry kinds that inflect.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Kind {
    /// Perfect verb (3rd person masculine singular citation form).
    Perf,
    /// Imperfect verb (starting with ي).
    Impf,
    /// Passive perfect.
    Pass,
    /// Passive imperfect.
    IPass,
    /// Verbal noun.
    Masdar,
    /// Other event noun.
    Noun,
    /// Adverbial phrase («بشكل مشترك»).
    Adv,
    /// Circumstantial active participle in the accusative («متهما», «داعيا»): says what
    /// the subject of the sentence's verb does while it speaks or acts.
    Part,
    /// A word matched as written (cues).
    Word,
    /// Consecutive words matched as written (cues).
    Phrase,
}

impl Kind {
    /// Parses the `kind` column.
    pub fn parse(s: &str) -> Option<Kind> {
        Some(match s {
            "perf" => Kind::Perf,
            "impf" => Kind::Impf,
            "pass" => Kind::Pass,
            "ipass" => Kind::IPass,
            "masdar" => Kind::Masdar,
            "noun" => Kind::Noun,
            "adv" => Kind::Adv,
            "part" => Kind::Part,
            "word" => Kind::Word,
            "phrase" => Kind::Phrase,
            _ => return None,
        })
    }

    /// True for verb kinds.
    pub fn is_verb(&self) -> bool {
        matches!(self, Kind::Perf | Kind::Impf | Kind::Pass | Kind::IPass)
    }

    /// True for passive kinds.
    pub fn is_passive(&self) -> bool {
        matches!(self, Kind::Pass | Kind::IPass)
    }

    /// True for nominal kinds.
    pub fn is_nominal(&self) -> bool {
        matches!(self, Kind::Masdar | Kind::Noun)
    }

    /// Whether a word of this kind can carry the clitics in `s`.
    pub fn allows(&self, s: &Strip) -> bool {
        match self {
            Kind::Perf | Kind::Pass => !s.al && s.prep == 0,
            Kind::Impf | Kind::IPass => !s.al && matches!(s.prep, 0 | b'l' | b's'),
            Kind::Masdar | Kind::Noun | Kind::Adv => s.prep != b's',
            Kind::Word | Kind::Phrase => !s.al && s.prep != b's',
            // («والمتهما» is no word: a conjunction at most.)
            Kind::Part => !s.al && s.prep == 0 && s.enc.is_none(),
        }
    }
}

/// The inflected forms of a folded citation form `w` of kind `kind`. `written` is the form
/// before folding (it tells a defective final «ى» from a hamza «أ» that folds to ا too).
pub fn inflect(w: &str, written: &str, kind: Kind) -> Vec<String> {
    let mut out = vec![w.to_string()];
    let last_written = written.chars().last();
    match kind {
        Kind::Perf | Kind::Pass => {
            let defective = matches!(last_written, Some('ى') | Some('ا') | Some('ي'));
            if defective {
                let s = &w[..w.len() - w.chars().last().map_or(0, char::len_utf8)];
                out.extend([format!("{s}ت"), format!("{s}تا"), format!("{s}وا")]);
                if w.ends_with('ي') {
                    out.extend([format!("{w}ت"), format!("{w}ا"), format!("{w}نا")]);
                }
            } else {
                // Not the feminine plural «ن»: rare, and «لامن» would be «لأمن».
                for suf in ["ت", "تا", "ا", "وا", "نا", "تم"] {
                    out.push(format!("{w}{suf}"));
                }
            }
        }
        Kind::Impf | Kind::IPass => {
            if let Some(stem) = w.strip_prefix('ي') {
                let defective = matches!(stem.chars().last(), Some('ي') | Some('و') | Some('ا'));
                let short = if defective {
                    &stem[..stem.len() - stem.chars().last().map_or(0, char::len_utf8)]
                } else {
                    stem
                };
                // No first person singular «أفعل»: rare in news, and it would read every
                // form-IV perfect («أطلق», «أعلن») as an imperfect.
                for p in ["ي", "ت", "ن"] {
                    out.push(format!("{p}{stem}"));
                }
                for p in ["ي", "ت"] {
                    for suf in ["ون", "وا"] {
                        out.push(format!("{p}{short}{suf}"));
                    }
                    out.push(format!("{p}{stem}ان"));
                    if !defective {
                        for suf in ["ا", "ن", "ين"] {
                            out.push(format!("{p}{stem}{suf}"));
                        }
                    }
                }
            }
        }
        Kind::Masdar | Kind::Noun => {
            if let Some(s) = w.strip_suffix('ه') {
                for suf in ["ات", "ت", "تين", "تان", "تا"] {
                    out.push(format!("{s}{suf}"));
                }
            } else if w.ends_with('ي') {
                // Accusative and dual: «جنديا», «جنديان», «جنديين».
                for suf in ["ا", "ان", "ين"] {
                    out.push(format!("{w}{suf}"));
                }
            } else if !w.ends_with('ا') {
                out.push(format!("{w}ا"));
                if kind == Kind::Masdar {
                    out.push(format!("{w}ات"));
                }
            }
        }
        Kind::Adv | Kind::Part | Kind::Word | Kind::Phrase => {}
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_text::fold;

    fn all(w: &str, tm: bool) -> Vec<(String, Strip)> {
        let mut v = Vec::new();
        candidates(w, tm, |s, st| {
            v.push((s.to_string(), st));
            false
        });
        v
    }

    /// The segmentations we keep: all but second person and «ي» enclitics.
    fn kept(a: &rasd_text::Analysis) -> bool {
        !matches!(
            a.enclitic,
            Some(Enclitic::Ka | Enclitic::Kum | Enclitic::Kuma | Enclitic::Ya)
        )
    }

    fn stems(w: &str) -> Vec<String> {
        all(w, false).into_iter().map(|(s, _)| s).collect()
    }

    #[test]
    fn strips_clitics_in_order() {
        let v = all("وبالجيش", false);
        assert_eq!(v[0].0, "وبالجيش");
        assert!(v
            .iter()
            .any(|(s, st)| s == "جيش" && st.conj && st.prep == b'b' && st.al));
        assert!(stems("للاعتقال").contains(&"اعتقال".to_string()));
        assert!(stems("استهدفته").contains(&"استهدفت".to_string()));
        assert!(stems("وسيقتلون").contains(&"يقتلون".to_string()));
        assert!(stems("قواتها").contains(&"قوات".to_string()));
    }

    #[test]
    fn ta_marbuta_is_not_a_pronoun() {
        let v = all("اسره", true);
        assert!(!v.iter().any(|(s, _)| s == "اسر"));
        let v = all("اسره", false);
        assert!(v.iter().any(|(s, _)| s == "اسر"));
    }

    #[test]
    fn covers_every_stem_of_the_text_analyser() {
        for w in [
            "وبالجزائر",
            "للقاعده",
            "والتي",
            "فاعتقلوهم",
            "بغارة",
            "لمعلوماتنا",
            "وستقوم",
            "كالعاده",
            "وقواتهم",
            "بالاعتقالات",
        ] {
            let w = fold(w);
            let ours = stems(&w);
            for a in rasd_text::analyses(&w).into_iter().filter(kept) {
                let stem = a.stem(&w);
                assert!(
                    ours.iter().any(|s| s == stem),
                    "{w}: analyses stem {stem} missing from {ours:?}"
                );
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn any_word_is_safe_and_covers_the_analyser(w in "[وفبلكسالهمنيتة]{0,9}") {
            let w = fold(&w);
            let ours = stems(&w);
            for a in rasd_text::analyses(&w).into_iter().filter(kept) {
                let stem = a.stem(&w);
                proptest::prop_assert!(ours.iter().any(|s| s == stem), "{} {} {:?}", w, stem, ours);
            }
            let _ = all(&w, true);
        }
    }

    #[test]
    fn short_and_odd_words_do_not_panic() {
        for w in [
            "", "و", "ول", "لل", "وال", "سي", "ه", "ها", "a", "ببب", "والل",
        ] {
            let _ = all(w, false);
            let _ = all(w, true);
        }
    }

    #[test]
    fn inflects_verbs_and_nouns() {
        let p = inflect("قتل", "قتل", Kind::Perf);
        for f in ["قتل", "قتلت", "قتلوا", "قتلا"] {
            assert!(p.contains(&f.to_string()), "{f}");
        }
        let p = inflect(&fold("ألقى"), "ألقى", Kind::Perf);
        assert!(p.contains(&"القت".to_string()) && p.contains(&"القوا".to_string()));
        let p = inflect(&fold("بدأ"), "بدأ", Kind::Perf);
        assert!(p.contains(&"بدات".to_string()));
        let i = inflect("يقتل", "يقتل", Kind::Impf);
        for f in ["تقتل", "يقتلون", "نقتل", "يقتلوا"] {
            assert!(i.contains(&f.to_string()), "{f}");
        }
        let i = inflect("يعتدي", "يعتدي", Kind::Impf);
        assert!(i.contains(&"يعتدون".to_string()) && i.contains(&"تعتدي".to_string()));
        let n = inflect(&fold("غارة"), "غارة", Kind::Noun);
        for f in ["غاره", "غارات", "غارت", "غارتين"] {
            assert!(n.contains(&f.to_string()), "{f}");
        }
        let m = inflect("اعتقال", "اعتقال", Kind::Masdar);
        assert!(m.contains(&"اعتقالات".to_string()) && m.contains(&"اعتقالا".to_string()));
    }
}
