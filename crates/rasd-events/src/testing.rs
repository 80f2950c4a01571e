//! Documents with hand-marked layers, for tests and examples.
//!
//! [`DocBuilder`] runs the real text layer (normalise, segment) on a text and lets the
//! caller mark entities, times and quantities by their surface strings, so the event stages
//! can be exercised without the recogniser, resolver and time/quantity grammars (which
//! other crates provide). Entity names are marked wherever they occur as whole words
//! (optionally after clitic letters: «بمالي», «وللجيش»); times and quantities at the
//! occurrence asked for. A string that is not in the text panics, which is what a test
//! wants.

use rasd_doc::*;
use rasd_text::{Normaliser, Segmenter};

/// A document under construction.
pub struct DocBuilder {
    /// The document.
    pub doc: Document,
}

/// Occurrences of `s` in `text` that are whole words, allowing up to two clitic letters
/// glued before them.
pub fn word_occurrences(text: &str, s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|t| t.find(s)) {
        let at = from + p;
        let end = at + s.len();
        from = end.max(at + 1);
        let after_ok = text
            .get(end..)
            .and_then(|t| t.chars().next())
            .is_none_or(|c| !c.is_alphanumeric());
        let before: Vec<char> = text.get(..at).unwrap_or("").chars().rev().take(3).collect();
        let mut k = 0;
        while k < before.len() && k < 2 && "وفبلك".contains(before[k]) {
            k += 1;
        }
        let before_ok = before.get(k).is_none_or(|c| !c.is_alphanumeric());
        if after_ok && before_ok {
            out.push(Span::new(at, end));
        }
    }
    out
}

fn find_nth(text: &str, s: &str, nth: usize) -> Span {
    let mut from = 0;
    let mut k = 0;
    while let Some(p) = text.get(from..).and_then(|t| t.find(s)) {
        let at = from + p;
        if k == nth {
            return Span::new(at, at + s.len());
        }
        k += 1;
        from = at + s.len().max(1);
    }
    panic!("{s:?} (#{nth}) not in text");
}

impl DocBuilder {
    /// Runs normalise and segment on `text`; the document date is 2015-08-05.
    pub fn new(text: &str) -> DocBuilder {
        let mut doc = Document::new(
            Meta {
                id: "t".into(),
                published: Date::new(2015, 8, 5).ok(),
                ..Default::default()
            },
            text.to_string(),
        );
        Normaliser.process(&mut doc);
        Segmenter.process(&mut doc);
        DocBuilder { doc }
    }

    /// Sets the document date (`YYYY-MM-DD`).
    pub fn published(mut self, date: &str) -> Self {
        self.doc.meta.published = date.parse().ok();
        self
    }

    /// Marks every whole-word occurrence of each name as a mention of one new entity.
    pub fn entity(mut self, t: EntityType, names: &[&str]) -> Self {
        self.add_entity(t, names, None, None);
        self
    }

    /// Marks an entity with its ISO-3 country affiliation.
    pub fn entity_of(mut self, t: EntityType, names: &[&str], iso3: &str) -> Self {
        self.add_entity(t, names, None, Some(iso3));
        self
    }

    /// Sets the PLOVER sector of the entity added last («MIL», «JRN»).
    pub fn sector(mut self, sector: &str) -> Self {
        if let Some(e) = self.doc.entities.last_mut() {
            e.sector = Some(sector.to_string());
        }
        self
    }

    /// Marks a named thing from the knowledge base (MISC linked to `key`: an agreement,
    /// an operation).
    pub fn thing(mut self, names: &[&str], key: &str) -> Self {
        self.add_entity(EntityType::MISC, names, Some("agreement"), None);
        if let Some(e) = self.doc.entities.last_mut() {
            e.kb.rasd = Some(key.to_string());
        }
        self
    }

    /// Marks each description as a nominal person mention of its own entity, as the
    /// recogniser marks a title chain with no name («السفير الأمريكي»).
    pub fn nominal(mut self, descriptions: &[&str]) -> Self {
        for d in descriptions {
            self.add_entity(EntityType::PER, &[d], None, None);
            if let Some(m) = self.doc.entities.last_mut().map(|e| &mut e.mentions) {
                m.iter_mut().for_each(|m| m.kind = MentionKind::Nominal);
            }
        }
        self
    }

    /// Marks a country (LOC, subtype country, ISO-3 code).
    pub fn country(mut self, names: &[&str], iso3: &str) -> Self {
        self.add_entity(EntityType::LOC, names, Some("country"), Some(iso3));
        self
    }

    fn add_entity(&mut self, t: EntityType, names: &[&str], sub: Option<&str>, cc: Option<&str>) {
        let mut mentions: Vec<EntityMention> = Vec::new();
        for n in names {
            for span in word_occurrences(&self.doc.text, n) {
                let taken = self
                    .doc
                    .entities
                    .iter()
                    .flat_map(|e| e.mentions.iter())
                    .chain(mentions.iter())
                    .any(|m| m.span.overlaps(&span));
                if !taken {
                    mentions.push(EntityMention {
                        span,
                        kind: MentionKind::Name,
                    });
                }
            }
        }
        assert!(!mentions.is_empty(), "{names:?} not in text");
        mentions.sort_by_key(|m| m.span.start);
        self.doc.entities.push(Entity {
            etype: t,
            subtype: sub.map(str::to_string),
            name: names.first().map_or_else(String::new, |n| n.to_string()),
            name_en: None,
            country: cc.map(str::to_string),
            sector: None,
            kb: KbIds::default(),
            geo: (t == EntityType::LOC).then(|| Geo {
                lat: 30.0,
                lon: 20.0,
                country: None,
                feature: None,
                resolution: if sub == Some("country") { 1 } else { 4 },
            }),
            mentions,
        });
    }

    /// Marks the `nth` occurrence of `text` as a time with a TIMEX3 value.
    pub fn time(mut self, text: &str, nth: usize, ttype: TimeType, value: &str) -> Self {
        let span = find_nth(&self.doc.text, text, nth);
        self.doc.times.push(Time {
            span,
            ttype,
            value: value.into(),
            modifier: None,
        });
        self.doc.times.sort_by_key(|t| t.span.start);
        self
    }

    /// Marks the first occurrence of `text` as a quantity.
    pub fn qty(mut self, text: &str, value: f64, unit: &str) -> Self {
        let span = find_nth(&self.doc.text, text, 0);
        self.doc.quantities.push(Quantity {
            span,
            value: Some(value),
            min: None,
            max: None,
            approx: false,
            unit: Some(unit.into()),
            of: None,
        });
        self.doc.quantities.sort_by_key(|q| q.span.start);
        self
    }

    /// The document.
    pub fn build(self) -> Document {
        self.doc
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_words_only() {
        let t = "نفت الجزائر أن القوات الجزائرية دخلت بالجزائر";
        let v = word_occurrences(t, "الجزائر");
        assert_eq!(v.len(), 2);
    }
}
