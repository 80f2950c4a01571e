//! The output record (contract version 1, `SCHEMA.md`) and the emit step that builds it.
//!
//! [`Record`] is the public shape of a processed document: what `rasd extract` prints,
//! what the store keeps and the API serves. Offsets are **code points** into the
//! original `text`, and every span carries its `text`, so `text[start:end] == span.text`.
//! The same types deserialize, so downstream tools read records back without loss.

use crate::document::Document;
use crate::layers::{self, EntityType, KbIds, MentionKind, Stance, TimeType};
use crate::span::{CharIndex, Span};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Version of the record contract written in `schema_version`.
pub const SCHEMA_VERSION: u32 = 1;

/// A span of the original text in code points, with its text.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextSpan {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text under the span.
    pub text: String,
}

/// A sentence's code-point range.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentenceRec {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
}

/// One mention of an entity.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct MentionRec {
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text under the span.
    pub text: String,
    /// name | nominal | pronoun.
    pub kind: MentionKind,
}

/// An entity of the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRec {
    /// `E1`, `E2` … in order of first mention.
    pub id: String,
    /// PER | ORG | LOC | MISC.
    #[serde(rename = "type")]
    pub etype: EntityType,
    /// Finer class.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtype: Option<String>,
    /// Canonical Arabic display name.
    pub name: String,
    /// English name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// ISO 3166-1 alpha-3 affiliation.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// PLOVER/CAMEO sector.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
    /// Identifiers.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kb: Option<KbIds>,
    /// Geocoding (LOC only).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<layers::Geo>,
    /// Mentions in text order.
    pub mentions: Vec<MentionRec>,
}

/// A time expression of the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimeRec {
    /// `T1`, `T2` … in text order.
    pub id: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text under the span.
    pub text: String,
    /// DATE | TIME | DURATION | SET.
    #[serde(rename = "type")]
    pub ttype: TimeType,
    /// TIMEX3 value.
    pub value: String,
    /// TIMEX3 modifier.
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
}

/// A quantity of the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityRec {
    /// `Q1`, `Q2` … in text order.
    pub id: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text under the span.
    pub text: String,
    /// Value (representative for vague amounts).
    pub value: Option<f64>,
    /// Lower bound.
    pub min: Option<f64>,
    /// Upper bound.
    pub max: Option<f64>,
    /// Approximate.
    pub approx: bool,
    /// English lemma of the counted noun.
    pub unit: Option<String>,
    /// What is counted, when the unit does not say it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub of: Option<String>,
}

/// An event argument of the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArgRec {
    /// Entity id (`E3`) when the argument names an entity.
    pub entity: Option<String>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The text under the span.
    pub text: String,
}

/// The date of an event in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct EventDateRec {
    /// Time id (`T5`) when the date comes from the text.
    pub time: Option<String>,
    /// TIMEX3 value.
    pub value: String,
    /// True when taken from the document date.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub inferred: bool,
}

/// Attribution of an event in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AttributionRec {
    /// asserted | reported | denied | uncertain | hypothetical | negated.
    pub stance: Stance,
    /// Who says so.
    pub by: Option<ArgRec>,
    /// Cue words.
    pub cue: Option<TextSpan>,
}

/// A party disputing an event, in the record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DisputeRec {
    /// Entity id when the disputer is an entity.
    pub entity: Option<String>,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// The disputer as written.
    pub text: String,
    /// How it disputes (normally `denied`).
    pub stance: Stance,
    /// Cue words.
    pub cue: Option<TextSpan>,
}

/// An event of the record.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EventRec {
    /// `V1`, `V2` … in text order.
    pub id: String,
    /// PLOVER category.
    #[serde(rename = "type")]
    pub etype: layers::Plover,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Index into `sentences`.
    pub sentence: usize,
    /// Trigger words.
    pub trigger: TextSpan,
    /// Who did it.
    pub actor: Vec<ArgRec>,
    /// To whom.
    pub recipient: Vec<ArgRec>,
    /// Where.
    pub location: Vec<ArgRec>,
    /// When.
    pub date: Option<EventDateRec>,
    /// How many.
    pub size: layers::Size,
    /// According to whom.
    pub attribution: AttributionRec,
    /// Who contests it.
    pub disputed_by: Vec<DisputeRec>,
    /// Confidence in [0, 1].
    pub confidence: f32,
}

/// The document record of `SCHEMA.md`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Record {
    /// Document id.
    pub id: String,
    /// Contract version.
    #[serde(default = "default_version")]
    pub schema_version: u32,
    /// Publication date (`YYYY-MM-DD`).
    pub published: Option<String>,
    /// Detected language.
    pub lang: Option<String>,
    /// Title.
    pub title: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// Unknown input metadata, kept verbatim.
    #[serde(default, skip_serializing_if = "Map::is_empty")]
    pub meta: Map<String, Value>,
    /// The original text (omitted with `--no-text`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Sentences.
    pub sentences: Vec<SentenceRec>,
    /// Entities.
    pub entities: Vec<EntityRec>,
    /// Times.
    pub times: Vec<TimeRec>,
    /// Quantities.
    pub quantities: Vec<QuantityRec>,
    /// Events.
    pub events: Vec<EventRec>,
}

fn default_version() -> u32 {
    SCHEMA_VERSION
}

/// Builds code-point spans with text from byte spans of one document.
struct Emitter<'a> {
    text: &'a str,
    index: CharIndex,
}

impl Emitter<'_> {
    fn range(&self, span: Span) -> (usize, usize, String) {
        let (s, e) = self.index.char_span(span);
        let bs = self.index.byte_of(s);
        let be = self.index.byte_of(e);
        (s, e, self.text.get(bs..be).unwrap_or("").to_string())
    }

    fn span(&self, span: Span) -> TextSpan {
        let (start, end, text) = self.range(span);
        TextSpan { start, end, text }
    }

    fn arg(&self, a: &layers::Arg) -> ArgRec {
        let (start, end, text) = self.range(a.span);
        ArgRec {
            entity: a.entity.map(entity_id),
            start,
            end,
            text,
        }
    }
}

fn entity_id(i: usize) -> String {
    format!("E{}", i + 1)
}

impl Record {
    /// The emit stage: builds the record of a processed document.
    pub fn from_document(doc: &Document, with_text: bool) -> Record {
        let em = Emitter {
            text: &doc.text,
            index: doc.char_index(),
        };
        let sentences = doc
            .sentences
            .iter()
            .map(|s| {
                let (start, end) = em.index.char_span(s.span);
                SentenceRec { start, end }
            })
            .collect();
        let entities = doc
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| EntityRec {
                id: entity_id(i),
                etype: e.etype,
                subtype: e.subtype.clone(),
                name: e.name.clone(),
                name_en: e.name_en.clone(),
                country: e.country.clone(),
                sector: e.sector.clone(),
                kb: (!e.kb.is_empty()).then(|| e.kb.clone()),
                geo: e.geo.clone(),
                mentions: e
                    .mentions
                    .iter()
                    .map(|m| {
                        let (start, end, text) = em.range(m.span);
                        MentionRec {
                            start,
                            end,
                            text,
                            kind: m.kind,
                        }
                    })
                    .collect(),
            })
            .collect();
        let times = doc
            .times
            .iter()
            .enumerate()
            .map(|(i, t)| {
                let (start, end, text) = em.range(t.span);
                TimeRec {
                    id: format!("T{}", i + 1),
                    start,
                    end,
                    text,
                    ttype: t.ttype,
                    value: t.value.clone(),
                    modifier: t.modifier.clone(),
                }
            })
            .collect();
        let quantities = doc
            .quantities
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (start, end, text) = em.range(q.span);
                QuantityRec {
                    id: format!("Q{}", i + 1),
                    start,
                    end,
                    text,
                    value: q.value,
                    min: q.min,
                    max: q.max,
                    approx: q.approx,
                    unit: q.unit.clone(),
                    of: q.of.clone(),
                }
            })
            .collect();
        let events = doc
            .events
            .iter()
            .enumerate()
            .map(|(i, v)| EventRec {
                id: format!("V{}", i + 1),
                etype: v.etype,
                mode: v.mode.clone(),
                sentence: v.sentence,
                trigger: em.span(v.trigger),
                actor: v.actor.iter().map(|a| em.arg(a)).collect(),
                recipient: v.recipient.iter().map(|a| em.arg(a)).collect(),
                location: v.location.iter().map(|a| em.arg(a)).collect(),
                date: v.date.as_ref().map(|d| EventDateRec {
                    time: d.time.map(|t| format!("T{}", t + 1)),
                    value: d.value.clone(),
                    inferred: d.inferred,
                }),
                size: v.size.clone(),
                attribution: AttributionRec {
                    stance: v.attribution.stance,
                    by: v.attribution.by.as_ref().map(|a| em.arg(a)),
                    cue: v.attribution.cue.map(|c| em.span(c)),
                },
                disputed_by: v
                    .disputed_by
                    .iter()
                    .map(|d| {
                        let a = em.arg(&d.by);
                        DisputeRec {
                            entity: a.entity,
                            start: a.start,
                            end: a.end,
                            text: a.text,
                            stance: d.stance,
                            cue: d.cue.map(|c| em.span(c)),
                        }
                    })
                    .collect(),
                confidence: v.confidence,
            })
            .collect();
        Record {
            id: doc.meta.id.clone(),
            schema_version: SCHEMA_VERSION,
            published: doc.meta.published.map(|d| d.to_string()),
            lang: doc.lang.clone(),
            title: doc.meta.title.clone(),
            url: doc.meta.url.clone(),
            outlet: doc.meta.outlet.clone(),
            meta: doc.meta.extra.clone(),
            text: with_text.then(|| doc.text.clone()),
            sentences,
            entities,
            times,
            quantities,
            events,
        }
    }

    /// Checks the contract's span invariant against `text`: every span lies inside the
    /// text and its `text` equals the code points it covers. Returns the first violation.
    pub fn check_spans(&self, text: &str) -> Result<(), String> {
        let chars: Vec<char> = text.chars().collect();
        let check = |what: &str, s: usize, e: usize, t: Option<&str>| -> Result<(), String> {
            if s > e || e > chars.len() {
                return Err(format!(
                    "{what}: span {s}..{e} outside text of {} code points",
                    chars.len()
                ));
            }
            if let Some(t) = t {
                let got: String = chars[s..e].iter().collect();
                if got != t {
                    return Err(format!(
                        "{what}: span {s}..{e} is {got:?}, record says {t:?}"
                    ));
                }
            }
            Ok(())
        };
        for s in &self.sentences {
            check("sentence", s.start, s.end, None)?;
        }
        for e in &self.entities {
            for m in &e.mentions {
                check(&format!("entity {}", e.id), m.start, m.end, Some(&m.text))?;
            }
        }
        for t in &self.times {
            check(&format!("time {}", t.id), t.start, t.end, Some(&t.text))?;
        }
        for q in &self.quantities {
            check(&format!("quantity {}", q.id), q.start, q.end, Some(&q.text))?;
        }
        for v in &self.events {
            let w = format!("event {}", v.id);
            check(&w, v.trigger.start, v.trigger.end, Some(&v.trigger.text))?;
            for a in v.actor.iter().chain(&v.recipient).chain(&v.location) {
                check(&w, a.start, a.end, Some(&a.text))?;
            }
            if let Some(b) = &v.attribution.by {
                check(&w, b.start, b.end, Some(&b.text))?;
            }
            if let Some(c) = &v.attribution.cue {
                check(&w, c.start, c.end, Some(&c.text))?;
            }
            for d in &v.disputed_by {
                check(&w, d.start, d.end, Some(&d.text))?;
                if let Some(c) = &d.cue {
                    check(&w, c.start, c.end, Some(&c.text))?;
                }
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Meta;
    use crate::layers::*;

    fn doc() -> Document {
        let text = "نفت الجزائر\u{a0}ذلك في طرابلس.".to_string();
        let mut d = Document::new(
            Meta {
                id: "x".into(),
                ..Default::default()
            },
            text,
        );
        let b = d.text.find("الجزائر").unwrap();
        let t = d.text.find("طرابلس").unwrap();
        d.entities.push(Entity {
            etype: EntityType::LOC,
            subtype: Some("country".into()),
            name: "الجزائر".into(),
            name_en: Some("Algeria".into()),
            country: Some("DZA".into()),
            sector: None,
            kb: KbIds::default(),
            geo: None,
            mentions: vec![EntityMention {
                span: Span::new(b, b + "الجزائر".len()),
                kind: MentionKind::Name,
            }],
        });
        d.times.push(Time {
            span: Span::new(t, t + "طرابلس".len()),
            ttype: TimeType::DATE,
            value: "2014".into(),
            modifier: None,
        });
        d
    }

    #[test]
    fn emits_code_point_spans() {
        let d = doc();
        let r = Record::from_document(&d, true);
        assert_eq!(r.entities[0].mentions[0].start, 4);
        assert_eq!(r.entities[0].mentions[0].text, "الجزائر");
        assert!(r.check_spans(&d.text).is_ok());
        assert_eq!(r.entities[0].id, "E1");
        assert!(r.entities[0].kb.is_none());
    }

    #[test]
    fn roundtrips_through_json() {
        let d = doc();
        let r = Record::from_document(&d, true);
        let s = serde_json::to_string(&r).unwrap();
        let back: Record = serde_json::from_str(&s).unwrap();
        assert_eq!(back, r);
        let v: Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["times"][0]["mod"], Value::Null);
        assert_eq!(v["entities"][0]["type"], "LOC");
    }

    #[test]
    fn detects_bad_spans() {
        let d = doc();
        let mut r = Record::from_document(&d, true);
        r.times[0].text = "غلط".into();
        assert!(r.check_spans(&d.text).is_err());
        r.times[0].end = 10_000;
        assert!(r.check_spans(&d.text).is_err());
    }
}
