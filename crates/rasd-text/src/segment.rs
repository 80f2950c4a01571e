//! The segment stage: tokens with clitic analysis, and sentences.
//!
//! Sentences end at `.` `!` `?` `؟` `…` (and runs of dots), after any closing quotes or
//! brackets that follow them, and at every line break: news text puts headings and
//! paragraphs on their own lines, often without final punctuation. A dot does not end a
//! sentence inside a number (the tokeniser keeps `3.5` whole) or after a single Latin
//! letter (`U.S.`). The Arabic comma and semicolon (، ؛) separate clauses, not sentences,
//! and stay inside. A trailing link footer («رابط الخبر بصحيفة …: headline», see
//! [`crate::footer`]) is not tokenised.
//!
//! A sentence is also closed after [`MAX_SENTENCE_TOKENS`] tokens (or at a comma once it
//! has [`SOFT_SENTENCE_TOKENS`]): later stages compare pairs of words, cues and events
//! within a sentence, and an unpunctuated line of megabytes must not make them quadratic.
//! Real news sentences stay far below (the longest of 14k SaudiNewsNet sentences of one
//! day has 2,357 characters).

use crate::clitics::primary;
use crate::tokenise::{tokenise, RawToken};
use rasd_doc::{Document, Sentence, Span, Stage, Token, TokenKind};

fn is_terminal(s: &str) -> bool {
    matches!(s, "." | "!" | "?" | "؟" | "…") || (s.len() > 1 && s.bytes().all(|b| b == b'.'))
}

/// Tokens after which a sentence is closed whatever follows.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// Tokens after which a sentence is closed at the next comma or semicolon.
pub const SOFT_SENTENCE_TOKENS: usize = 250;

fn is_soft_break(s: &str) -> bool {
    matches!(s, "،" | "," | "؛" | ";")
}

fn is_closer(s: &str) -> bool {
    matches!(s, "»" | "\"" | "'" | "”" | "’" | ")" | "]" | "}" | "›")
}

/// The segment stage: fills `doc.tokens` and `doc.sentences`. Needs `doc.norm`.
#[derive(Debug, Default, Clone, Copy)]
pub struct Segmenter;

impl Stage for Segmenter {
    fn name(&self) -> &'static str {
        "segment"
    }

    fn process(&self, doc: &mut Document) {
        // a trailing «رابط الخبر …: headline» footer is boilerplate: not tokenised
        let body = crate::footer::footer_start(&doc.norm.text)
            .and_then(|end| doc.norm.text.get(..end))
            .unwrap_or(&doc.norm.text);
        let raw = tokenise(body);
        let mut tokens: Vec<Token> = Vec::with_capacity(raw.len());
        let mut sentences: Vec<Sentence> = Vec::new();
        let mut sent_start = 0usize; // index into tokens
        let mut prev_end = 0usize; // normalised byte offset after the previous token
        let norm = &doc.norm;
        let close = |tokens: &mut Vec<Token>, sentences: &mut Vec<Sentence>, start: usize| {
            if start < tokens.len() {
                let first = tokens[start].span.start;
                let last = tokens[tokens.len() - 1].span.end;
                let idx = sentences.len() as u32;
                for t in &mut tokens[start..] {
                    t.sentence = idx;
                }
                sentences.push(Sentence {
                    span: Span::new(first, last),
                    first_token: start,
                    end_token: tokens.len(),
                });
            }
        };
        let mut pending_end = false;
        for (k, RawToken { span, kind }) in raw.iter().copied().enumerate() {
            let gap = norm.text.get(prev_end..span.start).unwrap_or("");
            let word = span.slice(&norm.text);
            if gap.contains('\n') || (pending_end && !is_closer(word)) {
                close(&mut tokens, &mut sentences, sent_start);
                sent_start = tokens.len();
                pending_end = false;
            }
            let orig = norm.to_original(span);
            let mut t = Token {
                span: orig,
                norm: span,
                kind,
                proclitics: Default::default(),
                pre_len: 0,
                al_len: 0,
                lil: false,
                enclitic: None,
                sentence: 0,
            };
            if kind == TokenKind::Arabic {
                let last = orig
                    .slice(&doc.text)
                    .chars()
                    .rev()
                    .find(|c| crate::tokenise::is_arabic_letter(*c));
                let a = primary(word, last);
                t.proclitics = a.proclitics;
                t.pre_len = a.pre_len;
                t.al_len = a.al_len;
                t.lil = a.lil;
                t.enclitic = a.enclitic;
            }
            tokens.push(t);
            prev_end = span.end;
            if kind == TokenKind::Punct && is_terminal(word) {
                // «U.S.»: a dot right after a one-letter Latin token is an abbreviation.
                let abbrev = word == "."
                    && k > 0
                    && raw[k - 1].kind == TokenKind::Latin
                    && raw[k - 1].span.len() == 1
                    && raw[k - 1].span.end == span.start;
                if !abbrev {
                    pending_end = true;
                }
            } else if pending_end && !is_closer(word) {
                pending_end = false;
            }
            let len = tokens.len() - sent_start;
            if !pending_end
                && (len >= MAX_SENTENCE_TOKENS
                    || (len >= SOFT_SENTENCE_TOKENS
                        && kind == TokenKind::Punct
                        && is_soft_break(word)))
            {
                close(&mut tokens, &mut sentences, sent_start);
                sent_start = tokens.len();
            }
        }
        close(&mut tokens, &mut sentences, sent_start);
        doc.tokens = tokens;
        doc.sentences = sentences;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalise::Normaliser;
    use rasd_doc::Meta;

    #[test]
    fn an_unpunctuated_run_is_cut_into_bounded_sentences() {
        let text = "قتل جندي ".repeat(1000);
        let d = run(&text);
        assert_eq!(d.tokens.len(), 2000);
        assert!(d.sentences.len() >= 5, "{}", d.sentences.len());
        assert!(d
            .sentences
            .iter()
            .all(|s| s.end_token - s.first_token <= MAX_SENTENCE_TOKENS));
        // sentences tile the tokens
        assert!(d
            .sentences
            .windows(2)
            .all(|w| w[0].end_token == w[1].first_token));
        // once long, a sentence ends at a comma
        let text = format!(
            "{}، {}",
            "كلمة ".repeat(SOFT_SENTENCE_TOKENS),
            "أخرى ".repeat(10)
        );
        let d = run(&text);
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.sentences[0].end_token, SOFT_SENTENCE_TOKENS + 1);
        // a normal long sentence with commas stays whole
        let d = run(&format!("{}.", "كلمة، ".repeat(100)));
        assert_eq!(d.sentences.len(), 1);
    }

    fn run(text: &str) -> Document {
        let mut d = Document::new(Meta::default(), text.to_string());
        Normaliser.process(&mut d);
        Segmenter.process(&mut d);
        d
    }

    fn sents(d: &Document) -> Vec<&str> {
        d.sentences.iter().map(|s| d.slice(s.span)).collect()
    }

    #[test]
    fn a_link_footer_gets_no_tokens() {
        let d = run("أعلن الجيش مقتل 17 مسلحا. رابط الخبر بصحيفة الوئام: مقتل 17 مسلحا");
        assert_eq!(sents(&d), vec!["أعلن الجيش مقتل 17 مسلحا."]);
        assert!(d.tokens.iter().all(|t| d.slice(t.span) != "رابط"));
    }

    #[test]
    fn splits_on_arabic_punctuation_and_lines() {
        let d =
            run("قال الوزير: «انتهى الأمر.» ثم غادر؟ نعم!\nعنوان بلا نقطة\n\nفقرة، ثم تتمة؛ وتنتهي…");
        assert_eq!(
            sents(&d),
            vec![
                "قال الوزير: «انتهى الأمر.»",
                "ثم غادر؟",
                "نعم!",
                "عنوان بلا نقطة",
                "فقرة، ثم تتمة؛ وتنتهي…"
            ]
        );
    }

    #[test]
    fn numbers_and_abbreviations_do_not_split() {
        let d = run("ارتفع 3.5 بالمئة في U.S. اليوم. ثم");
        assert_eq!(sents(&d), vec!["ارتفع 3.5 بالمئة في U.S. اليوم.", "ثم"]);
    }

    #[test]
    fn token_spans_are_original_text() {
        let text = "وبالجزائرِ\u{a0}قُتِلَ ١٥ شخصاً";
        let d = run(text);
        let words: Vec<&str> = d.tokens.iter().map(|t| d.slice(t.span)).collect();
        assert_eq!(words, vec!["وبالجزائرِ", "قُتِلَ", "١٥", "شخصاً"]);
        assert_eq!(d.token_base(&d.tokens[0]), "الجزائر");
        assert_eq!(d.token_norm(&d.tokens[2]), "15");
    }

    #[test]
    fn tokens_know_their_sentence() {
        let d = run("أ ب. ج د.");
        assert_eq!(d.sentences.len(), 2);
        assert_eq!(d.tokens[3].sentence, 1);
        assert_eq!(d.sentence_tokens(1).len(), 3);
    }

    #[test]
    fn empty_input() {
        let d = run("");
        assert!(d.sentences.is_empty() && d.tokens.is_empty());
        let d = run("  \n\u{200f} ");
        assert!(d.sentences.is_empty());
    }
}
