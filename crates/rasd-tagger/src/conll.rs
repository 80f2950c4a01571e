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
}

/// Parse labelled CoNLL text. Returns the sentences and the number of unknown tags seen
/// (which were read as `O`). Lines with a single column get `O`.
pub fn read_labelled(text: &str) -> (Vec<Sentence>, usize) {
    let mut out = Vec::new();
    let mut cur = Sentence {
        tokens: Vec::new(),
        labels: Vec::new(),
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
                        },
                    ));
                }
            }
            Some(tok) => {
                let label = match it.last() {
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
}
