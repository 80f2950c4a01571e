//! Byte spans into the original text and their conversion to code-point offsets.
//!
//! Stages work with byte offsets because Rust strings are UTF-8 and slicing by bytes is
//! O(1). The output contract counts code points, so the emitter converts each span once
//! with a [`CharIndex`] built from the original text.

use serde::{Deserialize, Serialize};

/// A half-open byte range `[start, end)` into a document's original text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// First byte of the span.
    pub start: usize,
    /// One past the last byte of the span.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end` (bytes).
    pub const fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    /// Length in bytes.
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// True when the span covers nothing.
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// True when the two spans share at least one byte.
    pub const fn overlaps(&self, other: &Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// True when `other` lies entirely inside `self`.
    pub const fn contains(&self, other: &Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The smallest span covering both.
    pub fn cover(&self, other: &Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The text under the span, or `""` when the span does not fall on character
    /// boundaries of `text` (never panics).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Converts byte offsets of one text into code-point offsets.
///
/// Stores the byte offset of every code point (4 bytes per code point); a lookup is a
/// binary search. Pure-ASCII texts need no table at all.
#[derive(Clone, Debug, Default)]
pub struct CharIndex {
    /// Byte offset of each code point, in order; empty when the text is ASCII.
    starts: Vec<u32>,
    /// Byte length of the text.
    len: usize,
    /// Number of code points in the text.
    chars: usize,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex {
                starts: Vec::new(),
                len: text.len(),
                chars: text.len(),
            };
        }
        let starts: Vec<u32> = text.char_indices().map(|(i, _)| i as u32).collect();
        let chars = starts.len();
        CharIndex {
            starts,
            len: text.len(),
            chars,
        }
    }

    /// Number of code points in the text.
    pub fn char_len(&self) -> usize {
        self.chars
    }

    /// Code-point offset of byte offset `byte`. A byte inside a multi-byte character
    /// maps to that character; offsets past the end map to the end.
    pub fn char_of(&self, byte: usize) -> usize {
        if byte >= self.len {
            return self.chars;
        }
        if self.starts.is_empty() {
            return byte;
        }
        match self.starts.binary_search(&(byte as u32)) {
            Ok(i) => i,
            Err(i) => i.saturating_sub(1),
        }
    }

    /// Byte offset of code-point offset `ch` (the end of the text past the last one).
    pub fn byte_of(&self, ch: usize) -> usize {
        if self.starts.is_empty() {
            return ch.min(self.len);
        }
        self.starts.get(ch).map(|&b| b as usize).unwrap_or(self.len)
    }

    /// Code-point range of a byte span. An end inside a character is rounded up so the
    /// character is included.
    pub fn char_span(&self, span: Span) -> (usize, usize) {
        let start = self.char_of(span.start);
        let end = if span.end >= self.len {
            self.chars
        } else if self.starts.is_empty() {
            span.end
        } else {
            match self.starts.binary_search(&(span.end as u32)) {
                Ok(i) => i,
                Err(i) => i,
            }
        };
        (start, end.max(start))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn arabic_offsets() {
        let text = "قال: ليبيا";
        let idx = CharIndex::new(text);
        let b = text.find("ليبيا").unwrap();
        let (s, e) = idx.char_span(Span::new(b, text.len()));
        assert_eq!((s, e), (5, 10));
        let chars: Vec<char> = text.chars().collect();
        assert_eq!(chars[s..e].iter().collect::<String>(), "ليبيا");
        assert_eq!(idx.byte_of(5), b);
    }

    #[test]
    fn ascii_fast_path() {
        let idx = CharIndex::new("hello world");
        assert_eq!(idx.char_span(Span::new(6, 11)), (6, 11));
        assert_eq!(idx.char_of(100), 11);
    }

    #[test]
    fn span_helpers() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(&Span::new(4, 9)));
        assert!(!a.overlaps(&Span::new(5, 9)));
        assert!(Span::new(0, 9).contains(&a));
        assert_eq!(a.cover(&Span::new(7, 9)), Span::new(2, 9));
        assert_eq!(Span::new(1, 2).slice("ل"), "");
    }

    proptest! {
        #[test]
        fn roundtrip_any_text(s in "\\PC{0,40}") {
            let idx = CharIndex::new(&s);
            for (ci, (bi, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(idx.char_of(bi), ci);
                prop_assert_eq!(idx.byte_of(ci), bi);
            }
            prop_assert_eq!(idx.char_len(), s.chars().count());
        }
    }
}
