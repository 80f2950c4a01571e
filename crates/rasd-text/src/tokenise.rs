//! Tokeniser over the normalised text.
//!
//! Splits into Arabic letter runs, Latin/alphanumeric runs, numbers (digits with
//! thousands or decimal separators, clock times and slashed dates kept whole) and single
//! punctuation marks (a run of dots is one token). Written by hand rather than with
//! `unicode-segmentation` because UAX #29 glues digits to Arabic letters and splits
//! numbers at separators differently from what the number grammar expects, and because a
//! single pass over already-normalised text is faster.

use rasd_doc::{Span, TokenKind};

/// A raw token: its byte span in the normalised text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RawToken {
    /// Bytes of the normalised text.
    pub span: Span,
    /// Letter class.
    pub kind: TokenKind,
}

/// True for Arabic-script letters (after normalisation: no marks, no digits).
#[inline]
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06D5}' | '\u{06EE}'..='\u{06EF}' | '\u{06FA}'..='\u{06FF}' | '\u{0750}'..='\u{077F}' | '\u{08A0}'..='\u{08C9}')
        && c != '\u{0640}'
}

#[inline]
fn is_word_char(c: char) -> bool {
    (c.is_alphanumeric() && !is_arabic_letter(c) && !c.is_ascii_digit()) || c == '_'
}

/// Tokenises normalised text.
pub fn tokenise(text: &str) -> Vec<RawToken> {
    let mut out = Vec::with_capacity(text.len() / 5 + 1);
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if c.is_whitespace() {
            continue;
        }
        let kind;
        let mut end = i + c.len_utf8();
        if is_arabic_letter(c) {
            kind = TokenKind::Arabic;
            while let Some(&(j, d)) = it.peek() {
                if is_arabic_letter(d) {
                    end = j + d.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
        } else if c.is_ascii_digit() {
            kind = TokenKind::Number;
            loop {
                match it.peek() {
                    Some(&(j, d)) if d.is_ascii_digit() => {
                        end = j + 1;
                        it.next();
                    }
                    // A separator continues the number only when a digit follows it.
                    Some(&(j, '.' | ',' | ':' | '/')) => {
                        let next = text.get(j + 1..).and_then(|r| r.chars().next());
                        if next.is_some_and(|n| n.is_ascii_digit()) {
                            end = j + 1;
                            it.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        } else if is_word_char(c) {
            kind = TokenKind::Latin;
            loop {
                match it.peek() {
                    Some(&(j, d)) if is_word_char(d) || d.is_ascii_digit() => {
                        end = j + d.len_utf8();
                        it.next();
                    }
                    // Apostrophe inside a word (o'brien) continues it.
                    Some(&(j, '\'')) => {
                        let next = text.get(j + 1..).and_then(|r| r.chars().next());
                        if next.is_some_and(is_word_char) {
                            end = j + 1;
                            it.next();
                        } else {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        } else {
            kind = TokenKind::Punct;
            if c == '.' {
                while let Some(&(j, '.')) = it.peek() {
                    end = j + 1;
                    it.next();
                }
            }
        }
        out.push(RawToken {
            span: Span::new(i, end),
            kind,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<(&str, TokenKind)> {
        tokenise(s)
            .into_iter()
            .map(|t| (t.span.slice(s), t.kind))
            .collect()
    }

    #[test]
    fn arabic_numbers_punct() {
        use TokenKind::*;
        assert_eq!(
            toks("في 24 اكتوبر 2013، قتل 1,500 (gis)..."),
            vec![
                ("في", Arabic),
                ("24", Number),
                ("اكتوبر", Arabic),
                ("2013", Number),
                ("،", Punct),
                ("قتل", Arabic),
                ("1,500", Number),
                ("(", Punct),
                ("gis", Latin),
                (")", Punct),
                ("...", Punct),
            ]
        );
    }

    #[test]
    fn numbers_keep_separators_only_between_digits() {
        use TokenKind::*;
        assert_eq!(
            toks("10:30 3.5 2014."),
            vec![
                ("10:30", Number),
                ("3.5", Number),
                ("2014", Number),
                (".", Punct)
            ]
        );
        assert_eq!(toks("ب2014"), vec![("ب", Arabic), ("2014", Number)]);
    }

    #[test]
    fn latin_words() {
        use TokenKind::*;
        assert_eq!(
            toks("o'brien pc-12"),
            vec![
                ("o'brien", Latin),
                ("pc", Latin),
                ("-", Punct),
                ("12", Number)
            ]
        );
    }

    #[test]
    fn empty_and_space() {
        assert!(tokenise("").is_empty());
        assert!(tokenise(" \n\t ").is_empty());
    }
}
