//! Reading token-per-line CoNLL text (ANERcorp format) into sentences.
//!
//! The first whitespace-separated column is the token and the last is the tag; blank or
//! whitespace-only lines separate sentences. Readers never panic on odd input: extra
//! columns are ignored and unknown tags are counted and read as `O`.

use crate::labels::Label;

/// A labelled sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct Sentence {
    /// Tokens as written.
    pub tokens: Vec<String>,
    /// Gold labels (same length as `tokens`).
    pub labels: Vec<Label>,
    /// Rule hints per token ([`crate::features::hint_code`]) from a middle column
    /// (`TOKEN HINT TAG`, see [`parse_hint`]); empty = none.
    pub hints: Vec<u8>,
}

/// Parse labelled CoNLL text. Returns the sentences and the number of unknown tags seen
/// (which were read as `O`). Lines with a single column get `O`.
pub fn read_labelled(text: &str) -> (Vec<Sentence>, usize) {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        labels: Vec::new(),
        hints: Vec::new(),
    };
    let mut unknown = 0usize;
    for line in text.lines() {
        let mut it = line.split_whitespace();
        match it.next() {
            None => {
                if !cur.tokens.is_empty() {
                    out.push(std::mem::replace(
                        &mut cur,
                        Sentence {
                            tokens: Vec::new(),
                            labels: Vec::new(),
                            hints: Vec::new(),
                        },
                    ));
                }
            }
            Some(tok) => {
                let rest: Vec<&str> = it.collect();
                if rest.len() >= 2 {
                    cur.hints.resize(cur.tokens.len(), 0);
                    cur.hints.push(rest.first().map_or(0, |h| parse_hint(h)));
                }
                let mut it = rest.into_iter();
                let label = match it.next_back() {
                    None => Label::O,
                    Some(tag) => Label::parse(tag).unwrap_or_else(|| {
                        unknown += 1;
                        Label::O
                    }),
                };
                cur.tokens.push(tok.to_string());
                cur.labels.push(label);
            }
        }
    }
    if !cur.tokens.is_empty() {
        out.push(cur);
    }
    (out, unknown)
}

/// Parse a rule hint as written in a CoNLL middle column: `O`, or an IOB2 tag followed by
/// optional `/kb` (proposed by the knowledge base) and `/hi` (high score), e.g.
/// `B-PERS/kb/hi`. Anything unreadable is no hint (0).
pub fn parse_hint(s: &str) -> u8 {
    let mut parts = s.split('/');
    let (begin, t) = match parts.next().and_then(Label::parse) {
        Some(Label::B(t)) => (true, t),
        Some(Label::I(t)) => (false, t),
        _ => return 0,
    };
    let (mut kb, mut hi) = (false, false);
    for p in parts {
        kb |= p == "kb";
        hi |= p == "hi";
    }
    crate::features::hint_code(t, begin, kb, hi)
}

/// The column spelling of a rule hint (inverse of [`parse_hint`]; `O` for none).
pub fn hint_str(code: u8) -> String {
    match crate::features::hint_parts(code) {
        Some((t, begin, kb, hi)) => format!(
            "{}-{}{}{}",
            if begin { "B" } else { "I" },
            t.as_str(),
            if kb { "/kb" } else { "" },
            if hi { "/hi" } else { "" }
        ),
        None => "O".to_string(),
    }
}

/// Write sentences with the given labels as `TOKEN TAG` lines, blank line after each sentence.
pub fn write_labelled(sents: &[Sentence], labels: &[Vec<Label>]) -> String {
    let mut s = String::new();
    for (sent, labs) in sents.iter().zip(labels) {
        for (t, l) in sent.tokens.iter().zip(labs) {
            s.push_str(t);
            s.push(' ');
            s.push_str(l.as_str());
            s.push('\n');
        }
        s.push('\n');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::EntityType;

    #[test]
    fn reads_sentences_and_odd_lines() {
        let (s, unk) = read_labelled("a B-LOC\nb\tI-LOC\n\n\n  \nc X-FOO\nd  O  \n");
        assert_eq!(s.len(), 2);
        assert_eq!(s[0].tokens, vec!["a", "b"]);
        assert_eq!(
            s[0].labels,
            vec![Label::B(EntityType::Loc), Label::I(EntityType::Loc)]
        );
        assert_eq!(s[1].labels, vec![Label::O, Label::O]);
        assert_eq!(unk, 1);
        assert!(read_labelled("").0.is_empty());
        let out = write_labelled(&s, &[s[0].labels.clone(), s[1].labels.clone()]);
        assert_eq!(read_labelled(&out).0, s);
    }

    #[test]
    fn reads_a_hint_column_between_token_and_tag() {
        let (s, _) = read_labelled("a B-PERS/kb/hi B-PERS\nb I-PERS I-PERS\nc O O\n\nd e-x\n");
        assert_eq!(s[0].labels[1], Label::I(EntityType::Pers));
        let h = &s[0].hints;
        assert_eq!(h.len(), 3);
        assert_eq!(
            crate::features::hint_parts(h[0]),
            Some((EntityType::Pers, true, true, true))
        );
        assert_eq!(
            crate::features::hint_parts(h[1]),
            Some((EntityType::Pers, false, false, false))
        );
        assert_eq!(h[2], 0);
        // two columns: no hints at all
        assert!(s[1].hints.is_empty());
    }

    #[test]
    fn hint_spellings_round_trip() {
        for code in 0..=33u8 {
            let back = parse_hint(&hint_str(code));
            let expect = if (1..=32).contains(&code) { code } else { 0 };
            assert_eq!(back, expect, "code {code} spelled {}", hint_str(code));
        }
        assert_eq!(parse_hint("B-LOC/zz"), parse_hint("B-LOC"));
        assert_eq!(parse_hint("junk/kb"), 0);
    }
}
