//! Link footers: the «رابط الخبر …: headline» line some news sites append to every story.
//!
//! Sites such as Al-Weeam end each article with «رابط الخبر بصحيفة الوئام: <headline>», a
//! link label followed by the story's own headline. That line is boilerplate: its outlet
//! name is not a participant and its headline repeats an event the body already reports, so
//! extracting from it adds a spurious organisation and double-counts events. The segment
//! stage stops tokenising where such a footer starts; the text itself is kept, so every
//! offset stays valid and the record's `text` is unchanged.
//!
//! A footer is recognised only at the very end of a document, so the same words inside a
//! sentence («نشر رابط الخبر على موقعه») are left alone: «رابط» + a label word
//! («الخبر», «المقال», «الموضوع», «التقرير»), a colon within a few words, and after the
//! colon a single short line (at most [`MAX_HEADLINE_CHARS`] characters) up to the end.

/// Longest headline after the colon, in characters, for the line to count as a footer.
pub const MAX_HEADLINE_CHARS: usize = 250;

/// Label words after «رابط» that name the story itself.
const LABELS: &[&str] = &["الخبر", "المقال", "الموضوع", "التقرير", "المادة"];

/// Most characters between «رابط» and the colon («رابط الخبر بصحيفة الوئام:»).
const MAX_LABEL_CHARS: usize = 40;

/// Byte offset in `text` where a trailing link footer starts, if the document ends with
/// one (see the module documentation).
pub fn footer_start(text: &str) -> Option<usize> {
    // only the tail can hold a footer: look at the last occurrences of «رابط» there
    let tail_from = text
        .char_indices()
        .rev()
        .nth(MAX_HEADLINE_CHARS + MAX_LABEL_CHARS + 8)
        .map_or(0, |(i, _)| i);
    let tail = text.get(tail_from..)?;
    let mut search_end = tail.len();
    while let Some(i) = tail.get(..search_end).and_then(|t| t.rfind("رابط")) {
        if is_footer(tail.get(i..)?) && starts_line_or_sentence(text.get(..tail_from + i)?) {
            return Some(tail_from + i);
        }
        search_end = i;
    }
    None
}

/// `s` starts with «رابط» + label, a colon soon after, and one short line to the end.
fn is_footer(s: &str) -> bool {
    let rest = s.strip_prefix("رابط").unwrap_or("");
    let rest = rest.trim_start_matches([' ', '\u{a0}', '\t']);
    if !LABELS.iter().any(|l| {
        rest.strip_prefix(l)
            .is_some_and(|r| r.chars().next().is_none_or(|c| !c.is_alphabetic()))
    }) {
        return false;
    }
    let Some((colon, _)) = rest
        .char_indices()
        .take(MAX_LABEL_CHARS)
        .find(|(_, c)| matches!(c, ':' | '：'))
    else {
        return false;
    };
    let label = rest.get(..colon).unwrap_or("");
    let headline = rest.get(colon + 1..).unwrap_or("").trim();
    !label.contains('\n')
        && !headline.is_empty()
        && !headline.contains('\n')
        && headline.chars().count() <= MAX_HEADLINE_CHARS
}

/// The footer begins a line or follows the end of a sentence (it is not inside one).
fn starts_line_or_sentence(before: &str) -> bool {
    let b = before.trim_end_matches([' ', '\u{a0}', '\t']);
    b.is_empty()
        || b.ends_with(['\n', '.', '!', '?', '؟', '…', '»', '"', ')', '/'])
        || b.ends_with("*/")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_a_trailing_link_footer() {
        let body = "قال المتحدث إن القوات تقدمت. ";
        let t = format!("{body}رابط الخبر بصحيفة الوئام: قوات هادي تتقدم في إب ");
        assert_eq!(footer_start(&t), Some(body.len()));
        let t = format!("{body}\nرابط المقال: عنوان قصير");
        assert_eq!(footer_start(&t), Some(body.len() + 1));
    }

    #[test]
    fn leaves_other_uses_of_the_words_alone() {
        // inside a sentence
        assert_eq!(footer_start("ونشر الموقع رابط الخبر: عنوان"), None);
        // no colon, or another word after «رابط»
        assert_eq!(footer_start("انتهى. رابط الخبر في الموقع"), None);
        assert_eq!(footer_start("انتهى. رابط التالي: عنوان"), None);
        // followed by more than one line, or a long text: not a footer
        assert_eq!(footer_start("انتهى. رابط الخبر: عنوان\nفقرة أخرى"), None);
        let long = "كلمة ".repeat(80);
        assert_eq!(footer_start(&format!("انتهى. رابط الخبر: {long}")), None);
        // «رابط» glued to a longer word
        assert_eq!(footer_start("انتهى. رابط الخبرة: عنوان"), None);
        assert_eq!(footer_start(""), None);
    }

    #[test]
    fn odd_input_does_not_panic() {
        for t in [
            "رابط",
            "رابط الخبر",
            "رابط الخبر:",
            ":",
            "\u{a0}رابط الخبر: x",
        ] {
            let _ = footer_start(t);
        }
        let big = "ا".repeat(100_000) + ". رابط الخبر: عنوان";
        assert!(footer_start(&big).is_some());
    }
}
