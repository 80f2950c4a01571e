//! Span-level context features computed over a whole sentence before the per-token
//! templates (issue #4, error analysis on the dev slice).
//!
//! The dev error breakdown (`errors` subcommand) showed two error classes that per-token
//! windows of ±2 words cannot see:
//!
//! * titles and names quoted in «…», "…" or '…' — TV programmes, car models, stadiums,
//!   newspapers («الشرق الأوسط») — were missed or typed wrongly: the words inside are
//!   ordinary words, and the cue (the word before the opening quote: «برنامج», «بعنوان»,
//!   «استاد», «السيارة») is often more than two tokens away from the last quoted word.
//!   With [`F_QUOTES`] every token inside a short quoted stretch gets its position in the
//!   stretch, the stretch length, and the stem of the word before the opening quote.
//! * organisation names headed by a generic noun («البنك التجاري», «حركة العدل», «حزب
//!   كاديما») were missed: with [`F_HEADS`] a token that follows such a head noun within the
//!   same noun phrase (at most three tokens, no punctuation or verb-like break) gets the
//!   head's class and its distance, and the head itself gets a flag when a definite or
//!   unknown-looking word follows it.
//!
//! Both are hashed into ordinary emission features (templates 240–259), so decoding is
//! unchanged. Detection is purely lexical (no input-derived indexing that can panic).

use crate::normalize::segment;
use crate::util::{hash_str, mix};

/// Feature flag: quoted-stretch features.
pub const F_QUOTES: u32 = 1 << 12;
/// Feature flag: head-noun chain features.
pub const F_HEADS: u32 = 1 << 13;

/// Longest quoted stretch (in tokens) that gets quote features.
const MAX_QUOTE: usize = 8;

/// Per-token span information (0 = none).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SpanInfo {
    /// Position in a quoted stretch: 1 first, 2 inside, 3 last, 4 only token; 0 outside.
    pub qpos: u8,
    /// Quoted-stretch length bucket (1, 2, 3, 4 = four or more).
    pub qlen: u8,
    /// Hash of the stem of the word before the opening quote.
    pub qprev: u64,
    /// Head-noun class of a head within three tokens before (1..), 0 none.
    pub head: u8,
    /// Distance to that head (1..=3).
    pub hdist: u8,
    /// This token is a head noun followed by a plausible name word.
    pub is_head: u8,
}

fn is_open(t: &str) -> Option<char> {
    match t {
        "«" => Some('»'),
        "\"" | "''" | "'" | "“" | "”" => {
            t.chars().next().map(|c| if c == '“' { '”' } else { c })
        }
        _ => None,
    }
}

fn closes(t: &str, close: char) -> bool {
    match close {
        '»' => t == "»",
        '”' => t == "”" || t == "\"",
        c => t.starts_with(c) && t.chars().all(|x| x == c),
    }
}

/// Head-noun classes of organisation-like names (stem after clitic stripping, normalised).
fn head_class(stem: &str) -> u8 {
    match stem {
        "وزاره" | "مجلس" | "هيئه" | "مؤسسه" | "مصلحه" | "ديوان" | "اداره" => {
            1
        }
        "شركه" | "شركات" | "بنك" | "مصرف" | "مجموعه" | "بورصه" | "سوق" => {
            2
        }
        "جامعه" | "معهد" | "كليه" | "مدرسه" | "مركز" | "اكاديميه" => {
            3
        }
        "حزب" | "حركه" | "جبهه" | "تيار" | "تحالف" | "جماعه" | "منظمه" | "اتحاد" | "رابطه"
        | "نقابه" | "جمعيه" | "لجنه" => 4,
        "نادي" | "فريق" | "منتخب" => 5,
        "صحيفه" | "جريده" | "مجله" | "قناه" | "وكاله" | "اذاعه" | "تلفزيون" => {
            6
        }
        "برنامج" | "مسلسل" | "فيلم" | "كتاب" | "روايه" | "ملعب" | "استاد" => {
            7
        }
        _ => 0,
    }
}

fn is_break(norm: &str) -> bool {
    norm.is_empty()
        || !norm.chars().all(|c| c.is_alphabetic())
        || matches!(
            norm,
            "في" | "من"
                | "علي"
                | "الي"
                | "عن"
                | "مع"
                | "و"
                | "او"
                | "ان"
                | "التي"
                | "الذي"
                | "قد"
        )
}

/// Compute span information for a sentence: `raw` tokens as written and their normalised
/// forms (same length). `flags` selects [`F_QUOTES`] / [`F_HEADS`].
pub fn analyse_spans(raw: &[&str], norms: &[&str], flags: u32, out: &mut Vec<SpanInfo>) {
    out.clear();
    out.resize(raw.len(), SpanInfo::default());
    if flags & F_QUOTES != 0 {
        let mut i = 0usize;
        while i < raw.len() {
            let Some(close) = raw.get(i).and_then(|t| is_open(t)) else {
                i += 1;
                continue;
            };
            let end = (i + 1..raw.len().min(i + 2 + MAX_QUOTE))
                .find(|&j| raw.get(j).is_some_and(|t| closes(t, close)));
            let Some(end) = end else {
                i += 1;
                continue;
            };
            let n = end - i - 1;
            if n == 0 {
                i = end;
                continue;
            }
            let prev = i
                .checked_sub(1)
                .and_then(|p| norms.get(p))
                .map(|w| hash_str(segment(w).stem))
                .unwrap_or(0x0B05);
            for (k, j) in (i + 1..end).enumerate() {
                if let Some(s) = out.get_mut(j) {
                    s.qpos = match (k, n) {
                        (_, 1) => 4,
                        (0, _) => 1,
                        (k, n) if k + 1 == n => 3,
                        _ => 2,
                    };
                    s.qlen = n.min(4) as u8;
                    s.qprev = prev;
                }
            }
            i = end + 1;
        }
    }
    if flags & F_HEADS != 0 {
        let classes: Vec<u8> = norms.iter().map(|w| head_class(segment(w).stem)).collect();
        for (i, c) in classes.iter().enumerate() {
            if *c == 0 {
                continue;
            }
            let next = norms.get(i + 1).copied().unwrap_or("");
            if !is_break(next) && classes.get(i + 1).copied().unwrap_or(0) == 0 {
                if let Some(s) = out.get_mut(i) {
                    s.is_head = *c;
                }
            }
            for d in 1..=3usize {
                let j = i + d;
                let Some(w) = norms.get(j) else { break };
                if is_break(w) || classes.get(j).copied().unwrap_or(0) != 0 {
                    break;
                }
                if let Some(s) = out.get_mut(j) {
                    if s.head == 0 {
                        s.head = *c;
                        s.hdist = d as u8;
                    }
                }
            }
        }
    }
}

#[inline]
fn key(template: u64, h: u64) -> u64 {
    mix(h ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15)).max(1)
}

/// Emit the span features of token `i` (its own info and its neighbours' quote positions)
/// given the token's stem hash (for conjunctions).
pub fn span_features(
    spans: impl Fn(usize) -> Option<SpanInfo>,
    i: usize,
    stem: u64,
    out: &mut Vec<u64>,
) {
    let Some(s) = spans(i) else { return };
    if s.qpos != 0 {
        let pos = u64::from(s.qpos) | u64::from(s.qlen) << 4;
        out.push(key(240, pos));
        out.push(key(241, s.qprev ^ u64::from(s.qpos)));
        out.push(key(242, s.qprev));
    }
    for (t, j) in [(243u64, i.checked_sub(1)), (244, i.checked_add(1))] {
        if let Some(n) = j.and_then(&spans) {
            if n.qpos != 0 {
                out.push(key(t, u64::from(n.qpos) | u64::from(s.qpos) << 4));
            }
        }
    }
    if s.head != 0 {
        out.push(key(250, u64::from(s.head) | u64::from(s.hdist) << 4));
        out.push(key(251, u64::from(s.head)));
        out.push(key(252, mix(stem) ^ u64::from(s.head)));
    }
    if s.is_head != 0 {
        out.push(key(253, u64::from(s.is_head)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(toks: &[&str], flags: u32) -> Vec<SpanInfo> {
        let norms: Vec<String> = toks
            .iter()
            .map(|t| crate::normalize::normalize(t))
            .collect();
        let nr: Vec<&str> = norms.iter().map(String::as_str).collect();
        let mut out = Vec::new();
        analyse_spans(toks, &nr, flags, &mut out);
        out
    }

    #[test]
    fn quoted_stretch_positions() {
        let s = run(
            &["برنامج", "بعنوان", "«", "حوار", "من", "القلب", "»", "الذي"],
            F_QUOTES,
        );
        assert_eq!(s.len(), 8);
        assert_eq!(
            s.iter().map(|x| x.qpos).collect::<Vec<_>>(),
            [0, 0, 0, 1, 2, 3, 0, 0]
        );
        assert_eq!(s[3].qlen, 3);
        assert_eq!(s[3].qprev, s[5].qprev);
        assert_ne!(s[3].qprev, 0);
        // single-token quote with ASCII quotes; unmatched quote gives nothing
        let s = run(&["استاد", "\"", "لوكوموتيف", "\"", "في"], F_QUOTES);
        assert_eq!(s[2].qpos, 4);
        let s = run(&["قال", "«", "كلام", "طويل"], F_QUOTES);
        assert!(s.iter().all(|x| x.qpos == 0));
        // too long a stretch is not a title
        let mut long = vec!["«"];
        long.extend(std::iter::repeat_n("كلمة", MAX_QUOTE + 1));
        long.push("»");
        assert!(run(&long, F_QUOTES).iter().all(|x| x.qpos == 0));
    }

    #[test]
    fn head_noun_chain() {
        let s = run(&["أرباح", "البنك", "التجاري", "في", "قطر"], F_HEADS);
        assert_eq!(s[1].is_head, 2);
        assert_eq!((s[2].head, s[2].hdist), (2, 1));
        assert_eq!(s[4].head, 0, "a preposition ends the chain");
        let s = run(&["للبنك", "التجاري"], F_HEADS);
        assert_eq!(s[1].head, 2, "proclitics are stripped before the lookup");
        // flags off: nothing
        assert!(run(&["البنك", "التجاري"], 0)
            .iter()
            .all(|x| *x == SpanInfo::default()));
    }

    #[test]
    fn features_only_for_marked_tokens() {
        let s = run(&["برنامج", "«", "حكايات", "»"], F_QUOTES | F_HEADS);
        let mut out = Vec::new();
        let get = |j: usize| s.get(j).copied();
        span_features(get, 0, 1, &mut out);
        assert!(out.is_empty());
        span_features(get, 2, 1, &mut out);
        assert!(out.len() >= 3);
        span_features(get, 99, 1, &mut out);
    }
}
