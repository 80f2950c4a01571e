//! Normalisation of Arabic news text into a matching form, with an alignment back to the
//! original code points.
//!
//! Every later stage matches lexicons against this form, so spelling noise disappears in
//! one place: NFKC for presentation forms and compatibility characters; NBSP and other
//! spaces become a plain space; zero-width and bidi controls vanish; tatweel and
//! diacritics are removed; أ إ آ ٱ → ا, ى → ي, ة → ه, Persian ک ی → ك ي; Arabic-Indic and
//! Persian digits become ASCII (with ٫ → `.`, ٬ → `,`, ٪ → `%`); Latin is lower-cased.
//!
//! Like the `NormalizedString` of HF tokenizers, each output byte remembers the original
//! span it came from. Marks that belong to a letter (diacritics, tatweel) are attached to
//! the preceding kept character, so a token's original span covers the whole written
//! word including its final harakat; format controls are attached to nothing, so spans
//! never start or end on an invisible character.
//!
//! [`fold`] applies the same mapping to lexicon entries, so dictionaries and text always
//! meet in the same form.

use rasd_doc::{Document, Normalized, Span, Stage};
use unicode_normalization::char::decompose_compatible;

/// What normalisation does with one input character.
enum Action {
    /// Emit this character.
    Emit(char),
    /// Drop it, extending the previous output character's source span (a mark of the
    /// previous letter).
    Attach,
    /// Drop it without trace (format and bidi controls).
    Drop,
    /// Compatibility character: decompose (NFKC) and normalise each part.
    Decompose,
}

/// True for the Arabic diacritics and Quranic marks removed by normalisation
/// (the same class the reference scorer strips).
pub fn is_diacritic(c: char) -> bool {
    matches!(c, '\u{0610}'..='\u{061A}' | '\u{064B}'..='\u{065F}' | '\u{0670}' | '\u{06D6}'..='\u{06ED}')
}

/// True for zero-width, bidi and other invisible format characters.
pub fn is_format_control(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

#[inline]
fn action(c: char) -> Action {
    match c {
        'A'..='Z' => Action::Emit(c.to_ascii_lowercase()),
        '\n' => Action::Emit('\n'),
        '\0'..='\u{7F}' if c.is_ascii_control() => Action::Emit(' '),
        '\0'..='\u{7F}' => Action::Emit(c),
        '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}' => Action::Emit(match c {
            'أ' | 'إ' | 'آ' => 'ا',
            'ى' => 'ي',
            'ة' => 'ه',
            _ => c,
        }),
        '\u{0640}' | '\u{0300}'..='\u{036F}' => Action::Attach,
        _ if is_diacritic(c) => Action::Attach,
        _ if is_format_control(c) => Action::Drop,
        'ٱ' => Action::Emit('ا'),
        'ک' => Action::Emit('ك'),
        'ی' | 'ے' => Action::Emit('ي'),
        '\u{0660}'..='\u{0669}' => Action::Emit(char::from(b'0' + (c as u32 - 0x0660) as u8)),
        '\u{06F0}'..='\u{06F9}' => Action::Emit(char::from(b'0' + (c as u32 - 0x06F0) as u8)),
        '\u{066B}' => Action::Emit('.'),
        '\u{066C}' => Action::Emit(','),
        '\u{066A}' => Action::Emit('%'),
        '\u{0080}'..='\u{009F}' => Action::Emit(' '),
        '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Action::Emit(' '),
        '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFE}'
        | '\u{FF00}'..='\u{FFEF}'
        | '\u{FB00}'..='\u{FB06}' => Action::Decompose,
        _ if c.is_uppercase() => {
            let mut l = c.to_lowercase();
            match (l.next(), l.next()) {
                (Some(x), None) => Action::Emit(x),
                _ => Action::Emit(c),
            }
        }
        _ if !c.is_ascii() && (c as u32) < 0x2FF && c.is_alphabetic() => Action::Decompose,
        _ => Action::Emit(c),
    }
}

/// Output under construction: text plus per-byte source spans.
struct Out<'a> {
    text: &'a mut String,
    src: Option<&'a mut Vec<Span>>,
    /// Byte offset in `text` where the last emitted character starts.
    last: Option<usize>,
}

impl Out<'_> {
    fn emit(&mut self, c: char, from: Span) {
        let at = self.text.len();
        self.text.push(c);
        if let Some(src) = self.src.as_deref_mut() {
            for _ in 0..c.len_utf8() {
                src.push(from);
            }
        }
        self.last = Some(at);
    }

    fn attach(&mut self, end: usize) {
        if let (Some(last), Some(src)) = (self.last, self.src.as_deref_mut()) {
            for s in src.iter_mut().skip(last) {
                s.end = s.end.max(end);
            }
        }
    }

    /// Combining hamza above after و or ي forms ؤ / ئ (NFC would compose them).
    fn compose_hamza(&mut self) -> bool {
        let Some(last) = self.last else { return false };
        let repl = match self.text.get(last..) {
            Some("و") => 'ؤ',
            Some("ي") => 'ئ',
            _ => return false,
        };
        self.text.truncate(last);
        self.text.push(repl);
        true
    }
}

fn push_char(out: &mut Out<'_>, c: char, from: Span, depth: u8) {
    match action(c) {
        Action::Emit(x) => out.emit(x, from),
        Action::Attach => {
            if c == '\u{0654}' && out.compose_hamza() {
                out.attach(from.end);
            } else {
                out.attach(from.end)
            }
        }
        Action::Drop => {}
        Action::Decompose => {
            if depth > 0 {
                out.emit(c, from);
                return;
            }
            let mut parts = Vec::with_capacity(4);
            decompose_compatible(c, |p| parts.push(p));
            if parts.len() == 1 && parts[0] == c {
                out.emit(c, from);
            } else {
                for p in parts {
                    push_char(out, p, from, depth + 1);
                }
            }
        }
    }
}

fn run(text: &str, out: &mut Out<'_>) {
    for (i, c) in text.char_indices() {
        let from = Span::new(i, i + c.len_utf8());
        push_char(out, c, from, 0);
    }
}

/// Normalises `text`, keeping the alignment to its original bytes.
pub fn normalize(text: &str) -> Normalized {
    let mut n = String::with_capacity(text.len());
    let mut src = Vec::with_capacity(text.len());
    let mut out = Out {
        text: &mut n,
        src: Some(&mut src),
        last: None,
    };
    run(text, &mut out);
    Normalized { text: n, src }
}

/// Normalises a lexicon entry or query into the matching form: same mapping as
/// [`normalize`], whitespace runs collapsed to one space, ends trimmed.
pub fn fold(s: &str) -> String {
    let mut n = String::with_capacity(s.len());
    let mut out = Out {
        text: &mut n,
        src: None,
        last: None,
    };
    run(s, &mut out);
    let mut r = String::with_capacity(n.len());
    for w in n.split_whitespace() {
        if !r.is_empty() {
            r.push(' ');
        }
        r.push_str(w);
    }
    r
}

/// The normalise stage: fills `doc.norm`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Normaliser;

impl Stage for Normaliser {
    fn name(&self) -> &'static str {
        "normalise"
    }

    fn process(&self, doc: &mut Document) {
        doc.norm = normalize(&doc.text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn orig<'a>(text: &'a str, n: &Normalized, span: Span) -> &'a str {
        n.to_original(span).slice(text)
    }

    #[test]
    fn folds_letter_variants_and_digits() {
        assert_eq!(fold("أميركا إلى آل ٱلله"), "اميركا الي ال الله");
        assert_eq!(fold("الجمهورية"), "الجمهوريه");
        assert_eq!(fold("عام ١٩٨٦ و۲۰۱۴"), "عام 1986 و2014");
        assert_eq!(fold("٣٫٥٪ و١٬٠٠٠"), "3.5% و1,000");
        assert_eq!(fold("  GIS   Unit "), "gis unit");
        assert_eq!(fold("کابل یک"), "كابل يك");
    }

    #[test]
    fn strips_marks_and_keeps_them_in_the_span() {
        let text = "مُحَمَّدٌ جاء";
        let n = normalize(text);
        assert_eq!(n.text, "محمد جاء");
        let w = n.text.find(' ').unwrap();
        assert_eq!(orig(text, &n, Span::new(0, w)), "مُحَمَّدٌ");
    }

    #[test]
    fn tatweel_and_bidi_controls() {
        let text = "\u{200F}الكتــــاب\u{200E} هنا";
        let n = normalize(text);
        assert_eq!(n.text, "الكتاب هنا");
        let w = n.text.find(' ').unwrap();
        assert_eq!(orig(text, &n, Span::new(0, w)), "الكتــــاب");
    }

    #[test]
    fn nbsp_in_the_seed_becomes_a_space() {
        // The seed article has a no-break space inside «الجزائر نفت».
        let text = "صحيح أن الجزائر\u{a0}نفت بشدة";
        let n = normalize(text);
        assert_eq!(n.text, "صحيح ان الجزائر نفت بشده");
        let s = n.text.find("الجزائر").unwrap();
        assert_eq!(orig(text, &n, Span::new(s, s + "الجزائر".len())), "الجزائر");
        assert_eq!(fold("الجزائر\u{a0}نفت"), "الجزائر نفت");
    }

    #[test]
    fn presentation_forms_are_decomposed() {
        // U+FEFB is the lam-alef ligature; U+FE8E final alef.
        let text = "\u{FEFB}\u{FE8E}";
        let n = normalize(text);
        assert_eq!(n.text, "لاا");
        assert_eq!(orig(text, &n, Span::new(0, 2)), "\u{FEFB}");
    }

    #[test]
    fn combining_hamza_composes() {
        assert_eq!(fold("مسو\u{0654}ول"), "مسؤول");
        assert_eq!(fold("ا\u{0654}حمد"), "احمد");
    }

    #[test]
    fn latin_compatibility() {
        assert_eq!(fold("Ｒａｓｄ ﬁle Café"), "rasd file cafe");
    }

    proptest! {
        #[test]
        fn alignment_is_total_and_monotonic(s in "\\PC{0,60}") {
            let n = normalize(&s);
            prop_assert_eq!(n.src.len(), n.text.len());
            let mut prev = 0;
            for sp in &n.src {
                prop_assert!(sp.start <= sp.end && sp.end <= s.len());
                prop_assert!(s.is_char_boundary(sp.start) && s.is_char_boundary(sp.end));
                prop_assert!(sp.start >= prev);
                prev = sp.start;
            }
        }
    }
}
