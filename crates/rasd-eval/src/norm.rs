//! String normalisation and the comparisons built on it (SCORING.md "Matching").
//!
//! Gold annotations name things by surface strings, so every comparison goes
//! through [`norm`] (NFKC, diacritics/tatweel removed, alef/ya/ta-marbuta folded,
//! whitespace collapsed, edge punctuation dropped, lowercased) and [`strip_clitic`].
//! The functions follow `score.py` character for character; the `*_value` variants
//! take loaded JSON values and fail where Python's `norm(s)` would raise.

use crate::py::{self, Crash, PyResult};
use serde_json::Value;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;
use unicode_normalization::UnicodeNormalization;

/// Arabic diacritics, Quranic marks and tatweel (`score.py`'s `DIACRITICS` class).
fn is_diacritic(c: char) -> bool {
    matches!(c,
        '\u{0610}'..='\u{061a}'
        | '\u{064b}'..='\u{065f}'
        | '\u{0670}'
        | '\u{06d6}'..='\u{06ed}'
        | '\u{0640}')
}

/// Characters `score.py`'s `PUNCT_EDGE` strips from both ends (plus whitespace).
fn is_edge_punct(c: char) -> bool {
    py::is_space(c) || "\"'«»“”‘’()[].,،؛:!?؟-".contains(c)
}

/// Normalises a string for comparison, exactly as `score.py`'s `norm`:
/// NFKC; diacritics and tatweel removed; `أ إ آ ٱ` → `ا`, `ى` → `ي`, `ة` → `ه`;
/// NBSP and every run of whitespace → one space; leading/trailing whitespace and
/// punctuation (`"'«»“”‘’()[].,،؛:!?؟-`) dropped; lowercased.
pub fn norm(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut in_space = false;
    for c in s.nfkc() {
        if is_diacritic(c) {
            continue;
        }
        let c = match c {
            'أ' | 'إ' | 'آ' | 'ٱ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            c => c,
        };
        if py::is_space(c) {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out.trim_matches(is_edge_punct).to_lowercase()
}

/// Drops one leading conjunction (`و`/`ف`) from a string of more than three
/// characters, then one preposition: `لل…` → `ال…` (more than four characters), or
/// `ب/ك/ل` before `ال` (more than three). Input is a [`norm`] result.
pub fn strip_clitic(s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() > 3 && matches!(chars.first(), Some('و' | 'ف')) {
        chars.remove(0);
    }
    if chars.starts_with(&['ل', 'ل']) && chars.len() > 4 {
        return "ال".chars().chain(chars.iter().skip(2).copied()).collect();
    }
    if chars.len() > 3
        && matches!(chars.first(), Some('ب' | 'ك' | 'ل'))
        && chars.get(1..3) == Some(&['ا', 'ل'][..])
    {
        return chars.iter().skip(1).collect();
    }
    chars.into_iter().collect()
}

/// The comparison forms of some strings: each non-empty [`norm`] result and its
/// [`strip_clitic`] form.
pub fn forms<'a>(strings: impl IntoIterator<Item = &'a str>) -> HashSet<String> {
    let mut out = HashSet::new();
    for s in strings {
        add_forms(norm(s), &mut out);
    }
    out
}

fn add_forms(n: String, out: &mut HashSet<String>) {
    if !n.is_empty() {
        out.insert(strip_clitic(&n));
        out.insert(n);
    }
}

/// Two texts overlap when some form of one contains some form of the other.
pub fn overlaps(a: &str, b: &str) -> bool {
    forms_overlap(&forms([a]), &forms([b]))
}

fn forms_overlap(fa: &HashSet<String>, fb: &HashSet<String>) -> bool {
    fa.iter().any(|x| {
        fb.iter().any(|y| {
            !x.is_empty() && !y.is_empty() && (y.contains(x.as_str()) || x.contains(y.as_str()))
        })
    })
}

/// A TIMEX3 value for comparison: a trailing part-of-day suffix
/// (`TMO`/`TAF`/`TEV`/`TNI`/`TDT`) is dropped, so `2015-08-05TEV` equals `2015-08-05`.
/// (Like the regex `$`, the suffix may also sit just before one final newline.)
pub fn tval(v: &str) -> String {
    let (body, nl) = match v.strip_suffix('\n') {
        Some(b) => (b, "\n"),
        None => (v, ""),
    };
    for suf in ["TMO", "TAF", "TEV", "TNI", "TDT"] {
        if let Some(b) = body.strip_suffix(suf) {
            return format!("{b}{nl}");
        }
    }
    v.to_string()
}

/// `tval(v)` on a loaded value: Python applies `str()` first (`None` → `"None"`).
pub(crate) fn tval_value(v: Option<&Value>) -> String {
    tval(&py::str_opt(v))
}

/// A string's [`norm`] and its comparison forms (empty when the norm is empty).
#[derive(Debug, Default)]
pub(crate) struct Normed {
    /// `norm(s)`.
    pub(crate) norm: String,
    /// `forms([s])`: the norm and its clitic-stripped form, deduplicated.
    pub(crate) forms: Vec<String>,
}

/// Memoises [`norm`] and [`strip_clitic`] over one scoring run: the matcher
/// compares every gold item with every system item, so the same strings are
/// normalised many times. Both functions are pure, so caching changes nothing.
#[derive(Debug, Default)]
pub(crate) struct NormCache {
    map: RefCell<HashMap<String, Rc<Normed>>>,
    empty: Rc<Normed>,
}

impl NormCache {
    fn normed(&self, s: &str) -> Rc<Normed> {
        if let Some(n) = self.map.borrow().get(s) {
            return Rc::clone(n);
        }
        let norm = norm(s);
        let mut forms = Vec::new();
        if !norm.is_empty() {
            let stripped = strip_clitic(&norm);
            forms.push(norm.clone());
            if stripped != norm {
                forms.push(stripped);
            }
        }
        let n = Rc::new(Normed { norm, forms });
        self.map.borrow_mut().insert(s.to_string(), Rc::clone(&n));
        n
    }

    /// `norm(v)` on a loaded value: falsy values give `""`, strings are
    /// normalised, anything else raises (as `unicodedata.normalize` does).
    pub(crate) fn norm_value(&self, v: &Value) -> PyResult<Rc<Normed>> {
        match v {
            Value::String(s) => Ok(self.normed(s)),
            v if !py::truthy(v) => Ok(Rc::clone(&self.empty)),
            v => Err(Crash(format!(
                "expected a string, found {}",
                py::describe(v)
            ))),
        }
    }

    /// [`forms`] over loaded values.
    pub(crate) fn forms_values<'a>(
        &self,
        values: impl IntoIterator<Item = &'a Value>,
    ) -> PyResult<HashSet<String>> {
        let mut out = HashSet::new();
        for v in values {
            out.extend(self.norm_value(v)?.forms.iter().cloned());
        }
        Ok(out)
    }

    /// [`overlaps`] over loaded values.
    pub(crate) fn overlaps_values(&self, a: &Value, b: &Value) -> PyResult<bool> {
        let fa = self.norm_value(a)?;
        let fb = self.norm_value(b)?;
        Ok(fa.forms.iter().any(|x| {
            fb.forms
                .iter()
                .any(|y| y.contains(x.as_str()) || x.contains(y.as_str()))
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn norm_folds_letters_and_drops_marks() {
        assert_eq!(norm("أَيْمَن"), "ايمن");
        assert_eq!(norm("إسلام آمن ٱلله"), "اسلام امن الله");
        assert_eq!(norm("مصطفى"), "مصطفي");
        assert_eq!(norm("الشريعة"), "الشريعه");
        assert_eq!(norm("الكتــــاب"), "الكتاب");
        // alef + combining hamza composes under NFKC to أ, which then folds
        assert_eq!(norm("\u{0627}\u{0654}نس"), "انس");
        // presentation forms are compatibility-decomposed
        assert_eq!(norm("\u{FEFB}"), "لا");
    }

    #[test]
    fn norm_whitespace_and_edges() {
        assert_eq!(norm("خليفة\u{00a0}حفتر"), "خليفه حفتر");
        assert_eq!(norm(" «خليفة \t\n حفتر»، "), "خليفه حفتر");
        assert_eq!(norm("عملية 'الكرامة'"), "عمليه 'الكرامه");
        assert_eq!(norm("(GIS)."), "gis");
        assert_eq!(norm("...؟!"), "");
        assert_eq!(norm("a\u{1f}b"), "a b");
        assert_eq!(norm("a-b"), "a-b");
        // zero-width non-joiner is not whitespace in Python
        assert_eq!(norm("a\u{200c}b"), "a\u{200c}b");
    }

    #[test]
    fn strip_clitic_rules() {
        assert_eq!(strip_clitic("والجزائر"), "الجزائر");
        assert_eq!(strip_clitic("للجيش"), "الجيش");
        assert_eq!(strip_clitic("وللجيش"), "الجيش");
        assert_eq!(strip_clitic("بالجزائر"), "الجزائر");
        assert_eq!(strip_clitic("فبالجزائر"), "الجزائر");
        assert_eq!(strip_clitic("كالبحر"), "البحر");
        // too short to strip
        assert_eq!(strip_clitic("ولد"), "ولد");
        assert_eq!(strip_clitic("لله"), "لله");
        assert_eq!(strip_clitic("للهو"), "للهو");
        // ب without ال stays (bare noun)
        assert_eq!(strip_clitic("بمالي"), "بمالي");
        // و and then ك are dropped even when they belong to the word (as score.py does)
        assert_eq!(strip_clitic("وكالة"), "الة");
    }

    #[test]
    fn forms_and_overlaps() {
        let f = forms(["للقوات الجزائرية", ""]);
        assert!(f.contains("للقوات الجزائريه"));
        assert!(f.contains("القوات الجزائريه"));
        assert_eq!(f.len(), 2);
        assert!(overlaps("القوات الجزائرية", "للقوات"));
        assert!(overlaps("منتصف شهر مايو", "مايو"));
        assert!(!overlaps("مايو", ""));
        assert!(!overlaps("يونيو", "مايو"));
    }

    #[test]
    fn tval_drops_part_of_day() {
        assert_eq!(tval("2015-08-05TEV"), "2015-08-05");
        assert_eq!(tval("2015-08-05TNI\n"), "2015-08-05\n");
        assert_eq!(tval("2015-08-05T10:00"), "2015-08-05T10:00");
        assert_eq!(tval("TEVTEV"), "TEV");
        assert_eq!(tval_value(None), "None");
        assert_eq!(tval_value(Some(&json!(1986))), "1986");
    }

    #[test]
    fn norm_value_follows_python_types() {
        let c = NormCache::default();
        assert_eq!(c.norm_value(&json!(null)).unwrap().norm, "");
        assert_eq!(c.norm_value(&json!(0)).unwrap().norm, "");
        assert_eq!(c.norm_value(&json!([])).unwrap().norm, "");
        assert!(c.norm_value(&json!(5)).is_err());
        assert!(c.norm_value(&json!(["x"])).is_err());
        // cached results equal fresh ones
        let a = c.norm_value(&json!("للقوات")).unwrap();
        let b = c.norm_value(&json!("للقوات")).unwrap();
        assert!(Rc::ptr_eq(&a, &b));
        assert_eq!(a.forms, ["للقوات", "القوات"]);
        assert!(c
            .overlaps_values(&json!("القوات الجزائرية"), &json!("وللقوات"))
            .unwrap());
        assert!(!c.overlaps_values(&json!(""), &json!("x")).unwrap());
        assert_eq!(
            c.forms_values(&[json!("الجزائر"), json!(null)])
                .unwrap()
                .len(),
            1
        );
    }
}
