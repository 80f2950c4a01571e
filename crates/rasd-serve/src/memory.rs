//! An in-memory [`Corpus`] built from records (`rasd serve --records FILE.jsonl`, tests).
//!
//! Indexes are deliberately simple: search scans the normalised text of every document
//! (normalised with `rasd_text::normalize`, queries folded with `rasd_text::fold`, so
//! harakat, tatweel and letter variants do not matter); each event of a record becomes a
//! single-report fused event (no cross-document fusion); entities are grouped across
//! documents by knowledge-base id, else by folded name and type. Good for thousands of
//! documents; the SQLite store is the path for large corpora.

use crate::corpus::*;
use anyhow::{Context, Result};
use jiff::civil::Date;
use rasd_doc::{EntityType, Normalized, Record};
use std::collections::{BTreeMap, HashMap};
use std::io::BufRead;
use std::path::Path;

/// Characters of context on each side of a search hit.
const SNIPPET_CONTEXT: usize = 60;
/// Snippets returned per document.
const SNIPPETS_PER_DOC: usize = 3;
/// Mentions listed on an entity page.
const MENTIONS_PER_ENTITY: usize = 500;

/// A search match: number of hits, the document, the hits (normalised byte ranges).
type Found<'a> = (usize, &'a DocEntry, Vec<(usize, usize)>);

struct DocEntry {
    rec: Record,
    norm: Normalized,
    /// Corpus entity id of each record entity, by index.
    entity_ids: Vec<String>,
}

struct EntityAgg {
    summary: EntitySummary,
    mentions: Vec<MentionRef>,
    /// Corpus event indexes it takes part in.
    events: Vec<usize>,
}

/// Records held in memory with simple indexes.
pub struct MemoryCorpus {
    docs: Vec<DocEntry>,
    doc_index: HashMap<String, usize>,
    entities: Vec<EntityAgg>,
    entity_index: HashMap<String, usize>,
    events: Vec<FusedEvent>,
    event_index: HashMap<String, usize>,
}

/// The corpus id of a record entity: knowledge-base id when known, else folded name and type.
pub fn entity_key(e: &rasd_doc::record::EntityRec) -> String {
    if let Some(kb) = &e.kb {
        if let Some(q) = &kb.wikidata {
            return format!("wd:{q}");
        }
        if let Some(k) = &kb.rasd {
            return format!("kb:{k}");
        }
        if let Some(g) = kb.geonames {
            return format!("gn:{g}");
        }
    }
    format!("n:{}:{}", e.etype.as_str(), rasd_text::fold(&e.name))
}

/// The days covered by a TIMEX3 date value (`2014-06-04`, `2014-06`, `2014`).
pub fn date_range(value: &str) -> Option<(Date, Date)> {
    let v = value.get(..10).unwrap_or(value);
    if v.len() == 10 {
        let d: Date = v.parse().ok()?;
        return Some((d, d));
    }
    if v.len() == 7 {
        let d: Date = format!("{v}-01").parse().ok()?;
        return Some((d, d.last_of_month()));
    }
    if v.len() == 4 {
        let y: i16 = v.parse().ok()?;
        let a = Date::new(y, 1, 1).ok()?;
        let b = Date::new(y, 12, 31).ok()?;
        return Some((a, b));
    }
    None
}

fn in_dates(value: Option<&str>, from: Option<Date>, to: Option<Date>) -> bool {
    if from.is_none() && to.is_none() {
        return true;
    }
    let Some((a, b)) = value.and_then(date_range) else {
        return false;
    };
    from.is_none_or(|f| b >= f) && to.is_none_or(|t| a <= t)
}

fn summary(rec: &Record) -> DocSummary {
    DocSummary {
        id: rec.id.clone(),
        title: rec.title.clone(),
        published: rec.published.clone(),
        outlet: rec.outlet.clone(),
        url: rec.url.clone(),
        chars: rec.text.as_deref().map_or(0, |t| t.chars().count()),
        entities: rec.entities.len(),
        events: rec.events.len(),
    }
}

/// Byte offset of code point `cp` in `text` (clamped to the end).
fn byte_of_char(text: &str, cp: usize) -> usize {
    text.char_indices().nth(cp).map_or(text.len(), |(b, _)| b)
}

impl MemoryCorpus {
    /// Reads records from a JSON Lines file written by `rasd extract`.
    pub fn from_jsonl(path: &Path) -> Result<Self> {
        let f = std::fs::File::open(path).with_context(|| format!("opening {}", path.display()))?;
        let mut recs = Vec::new();
        for (i, line) in std::io::BufReader::new(f).lines().enumerate() {
            let line = line.with_context(|| format!("reading {}", path.display()))?;
            if line.trim().is_empty() {
                continue;
            }
            let rec: Record = serde_json::from_str(&line)
                .with_context(|| format!("{}:{}: not a rasd record", path.display(), i + 1))?;
            recs.push(rec);
        }
        Ok(Self::new(recs))
    }

    /// Builds the indexes. Later records with an id already seen are dropped.
    pub fn new(records: Vec<Record>) -> Self {
        let mut c = MemoryCorpus {
            docs: Vec::new(),
            doc_index: HashMap::new(),
            entities: Vec::new(),
            entity_index: HashMap::new(),
            events: Vec::new(),
            event_index: HashMap::new(),
        };
        for rec in records {
            if c.doc_index.contains_key(&rec.id) {
                continue;
            }
            c.add(rec);
        }
        c.events.sort_by(|a, b| {
            (a.date.is_none(), &a.date, &a.id).cmp(&(b.date.is_none(), &b.date, &b.id))
        });
        c.event_index = c
            .events
            .iter()
            .enumerate()
            .map(|(i, e)| (e.id.clone(), i))
            .collect();
        for (i, ev) in c.events.iter().enumerate() {
            let mut ids: Vec<&String> = ev
                .actors
                .iter()
                .chain(&ev.recipients)
                .filter_map(|p| p.entity.as_ref())
                .chain(ev.place.as_ref().and_then(|p| p.entity.as_ref()))
                .collect();
            ids.sort();
            ids.dedup();
            for id in ids {
                if let Some(&k) = c.entity_index.get(id) {
                    if let Some(agg) = c.entities.get_mut(k) {
                        agg.events.push(i);
                    }
                }
            }
        }
        c
    }

    fn add(&mut self, rec: Record) {
        let di = self.docs.len();
        let text = rec.text.clone().unwrap_or_default();
        let norm = rasd_text::normalize(&text);
        let mut entity_ids = Vec::with_capacity(rec.entities.len());
        for e in &rec.entities {
            let key = entity_key(e);
            let k = *self.entity_index.entry(key.clone()).or_insert_with(|| {
                self.entities.push(EntityAgg {
                    summary: EntitySummary {
                        id: key.clone(),
                        entity_type: e.etype.as_str().to_string(),
                        name: e.name.clone(),
                        name_en: e.name_en.clone(),
                        country: e.country.clone(),
                        kb: e.kb.clone(),
                        lat: e.geo.as_ref().map(|g| g.lat),
                        lon: e.geo.as_ref().map(|g| g.lon),
                        documents: 0,
                        mentions: 0,
                    },
                    mentions: Vec::new(),
                    events: Vec::new(),
                });
                self.entities.len() - 1
            });
            if let Some(agg) = self.entities.get_mut(k) {
                agg.summary.documents += 1;
                agg.summary.mentions += e.mentions.len();
                for m in &e.mentions {
                    if agg.mentions.len() < MENTIONS_PER_ENTITY {
                        agg.mentions.push(MentionRef {
                            document: rec.id.clone(),
                            start: m.start,
                            end: m.end,
                            text: m.text.clone(),
                        });
                    }
                }
            }
            entity_ids.push(key);
        }
        for ev in &rec.events {
            let fused = self.fuse_single(&rec, &entity_ids, ev, &text);
            self.events.push(fused);
        }
        self.doc_index.insert(rec.id.clone(), di);
        self.docs.push(DocEntry {
            rec,
            norm,
            entity_ids,
        });
    }

    fn party(rec: &Record, ids: &[String], a: &rasd_doc::record::ArgRec) -> Party {
        let ent = a.entity.as_deref().and_then(|e| {
            rec.entities
                .iter()
                .position(|x| x.id == e)
                .and_then(|i| Some((rec.entities.get(i)?, ids.get(i)?)))
        });
        Party {
            name: ent.map_or_else(|| a.text.clone(), |(e, _)| e.name.clone()),
            entity: ent.map(|(_, id)| id.clone()),
            country: ent.and_then(|(e, _)| e.country.clone()),
        }
    }

    fn fuse_single(
        &self,
        rec: &Record,
        ids: &[String],
        ev: &rasd_doc::record::EventRec,
        text: &str,
    ) -> FusedEvent {
        let place = ev.location.first().map(|a| {
            let p = Self::party(rec, ids, a);
            let geo = a
                .entity
                .as_deref()
                .and_then(|e| rec.entities.iter().find(|x| x.id == e))
                .filter(|e| e.etype == EntityType::LOC)
                .and_then(|e| e.geo.clone());
            Place {
                name: p.name,
                entity: p.entity,
                lat: geo.as_ref().map(|g| g.lat),
                lon: geo.as_ref().map(|g| g.lon),
                country: geo.and_then(|g| g.country),
            }
        });
        let sentence = rec.sentences.get(ev.sentence).map(|s| {
            let a = byte_of_char(text, s.start);
            let b = byte_of_char(text, s.end);
            text.get(a..b).unwrap_or("").to_string()
        });
        let range = |v: Option<f64>| {
            let mut r = Range::default();
            r.add(v);
            r
        };
        let stance = ev.attribution.stance.as_str().to_string();
        FusedEvent {
            id: format!("{}:{}", rec.id, ev.id),
            event_type: format!("{:?}", ev.etype),
            mode: ev.mode.clone(),
            date: ev.date.as_ref().map(|d| d.value.clone()),
            actors: ev.actor.iter().map(|a| Self::party(rec, ids, a)).collect(),
            recipients: ev
                .recipient
                .iter()
                .map(|a| Self::party(rec, ids, a))
                .collect(),
            place,
            dead: range(ev.size.dead),
            injured: range(ev.size.injured),
            arrested: range(ev.size.arrested),
            troops: range(ev.size.troops),
            n_reports: 1,
            n_sources: 1,
            stance: stance.clone(),
            stances: vec![stance.clone()],
            reports: vec![EventReport {
                doc: rec.id.clone(),
                outlet: rec.outlet.clone(),
                event: ev.id.clone(),
                published: rec.published.clone(),
                trigger: ev.trigger.text.clone(),
                sentence,
                stance,
                by: ev
                    .attribution
                    .by
                    .as_ref()
                    .map(|b| Self::party(rec, ids, b).name),
                disputed_by: ev.disputed_by.iter().map(|d| d.text.clone()).collect(),
            }],
        }
    }

    fn event_matches(&self, ev: &FusedEvent, q: &EventQuery) -> bool {
        if q.event_type
            .as_deref()
            .is_some_and(|t| !ev.event_type.eq_ignore_ascii_case(t))
        {
            return false;
        }
        if let Some(a) = &q.actor {
            let fa = rasd_text::fold(a);
            let hit = ev.actors.iter().any(|p| {
                p.entity.as_deref() == Some(a.as_str()) || rasd_text::fold(&p.name).contains(&fa)
            });
            if !hit {
                return false;
            }
        }
        if let Some(c) = &q.country {
            let hit = ev.actors.iter().chain(&ev.recipients).any(|p| {
                p.country
                    .as_deref()
                    .is_some_and(|x| x.eq_ignore_ascii_case(c))
            }) || ev
                .place
                .as_ref()
                .and_then(|p| p.country.as_deref())
                .is_some_and(|x| x.eq_ignore_ascii_case(c));
            if !hit {
                return false;
            }
        }
        if !in_dates(ev.date.as_deref(), q.from, q.to) {
            return false;
        }
        if let Some([w, s, e, n]) = q.bbox {
            let Some((lat, lon)) = ev.place.as_ref().and_then(|p| Some((p.lat?, p.lon?))) else {
                return false;
            };
            if !(lat >= s && lat <= n && lon >= w && lon <= e) {
                return false;
            }
        }
        true
    }

    /// Finds every query term in a document's normalised text; `None` unless all occur.
    fn find_terms(d: &DocEntry, terms: &[String]) -> Option<Vec<(usize, usize)>> {
        let mut hits = Vec::new();
        for t in terms {
            let before = hits.len();
            hits.extend(
                d.norm
                    .text
                    .match_indices(t.as_str())
                    .map(|(i, m)| (i, i + m.len())),
            );
            if hits.len() == before {
                return None;
            }
        }
        hits.sort_unstable();
        Some(hits)
    }

    fn snippets(d: &DocEntry, hits: &[(usize, usize)]) -> Vec<Vec<SnippetPart>> {
        let text = d.rec.text.as_deref().unwrap_or("");
        let orig: Vec<(usize, usize)> = hits
            .iter()
            .map(|&(a, b)| {
                let s = d.norm.to_original(rasd_doc::Span { start: a, end: b });
                (s.start, s.end)
            })
            .collect();
        let mut out = Vec::new();
        let mut covered = 0usize;
        for &(a, _) in &orig {
            if out.len() >= SNIPPETS_PER_DOC {
                break;
            }
            if a < covered {
                continue;
            }
            let start = text.get(..a).map_or(0, |p| {
                p.char_indices()
                    .rev()
                    .nth(SNIPPET_CONTEXT)
                    .map_or(0, |(i, _)| i)
            });
            let end = text.get(a..).map_or(text.len(), |p| {
                p.char_indices()
                    .nth(SNIPPET_CONTEXT * 2)
                    .map_or(text.len(), |(i, _)| a + i)
            });
            let mut parts = Vec::new();
            let mut at = start;
            for &(ha, hb) in orig.iter().filter(|&&(ha, hb)| ha >= start && hb <= end) {
                if ha < at {
                    continue;
                }
                if let Some(t) = text.get(at..ha).filter(|t| !t.is_empty()) {
                    parts.push(SnippetPart {
                        text: t.to_string(),
                        hit: false,
                    });
                }
                if let Some(t) = text.get(ha..hb) {
                    parts.push(SnippetPart {
                        text: t.to_string(),
                        hit: true,
                    });
                }
                at = hb;
            }
            if let Some(t) = text.get(at..end).filter(|t| !t.is_empty()) {
                parts.push(SnippetPart {
                    text: t.to_string(),
                    hit: false,
                });
            }
            covered = end;
            out.push(parts);
        }
        out
    }
}

impl Corpus for MemoryCorpus {
    fn stats(&self) -> CorpusResult<Stats> {
        let mut s = Stats {
            documents: self.docs.len(),
            entities: self.entities.len(),
            events: self.events.len(),
            ..Default::default()
        };
        for d in &self.docs {
            s.event_reports += d.rec.events.len();
            s.times += d.rec.times.len();
            s.quantities += d.rec.quantities.len();
            if let Some(p) = &d.rec.published {
                if s.first_published.as_ref().is_none_or(|f| p < f) {
                    s.first_published = Some(p.clone());
                }
                if s.last_published.as_ref().is_none_or(|l| p > l) {
                    s.last_published = Some(p.clone());
                }
            }
            if let Some(o) = &d.rec.outlet {
                *s.outlets.entry(o.clone()).or_default() += 1;
            }
        }
        for e in &self.events {
            *s.event_types.entry(e.event_type.clone()).or_default() += 1;
        }
        Ok(s)
    }

    fn documents(&self, page: PageReq) -> CorpusResult<Page<DocSummary>> {
        let mut all: Vec<&DocEntry> = self.docs.iter().collect();
        all.sort_by(|a, b| {
            b.rec
                .published
                .cmp(&a.rec.published)
                .then(a.rec.id.cmp(&b.rec.id))
        });
        Ok(page.slice(all.into_iter().map(|d| summary(&d.rec)).collect()))
    }

    fn document(&self, id: &str) -> CorpusResult<Option<Record>> {
        Ok(self
            .doc_index
            .get(id)
            .and_then(|&i| self.docs.get(i))
            .map(|d| d.rec.clone()))
    }

    fn search(&self, q: &SearchQuery, page: PageReq) -> CorpusResult<Page<SearchHit>> {
        let terms: Vec<String> = rasd_text::fold(&q.q)
            .split_whitespace()
            .map(str::to_string)
            .collect();
        let mut found: Vec<Found<'_>> = Vec::new();
        for d in &self.docs {
            let r = &d.rec;
            if !in_dates(r.published.as_deref(), q.from, q.to) {
                continue;
            }
            if q.outlet
                .as_ref()
                .is_some_and(|o| r.outlet.as_ref() != Some(o))
            {
                continue;
            }
            if q.entity.as_ref().is_some_and(|e| !d.entity_ids.contains(e)) {
                continue;
            }
            if let Some(t) = &q.event_type {
                if !r
                    .events
                    .iter()
                    .any(|e| format!("{:?}", e.etype).eq_ignore_ascii_case(t))
                {
                    continue;
                }
            }
            let hits = if terms.is_empty() {
                Vec::new()
            } else {
                match Self::find_terms(d, &terms) {
                    Some(h) => h,
                    None => continue,
                }
            };
            found.push((hits.len(), d, hits));
        }
        found.sort_by(|a, b| {
            b.0.cmp(&a.0)
                .then(b.1.rec.published.cmp(&a.1.rec.published))
        });
        let start = page.offset();
        let total = found.len();
        let items = found
            .into_iter()
            .skip(start)
            .take(page.per_page)
            .map(|(_, d, hits)| SearchHit {
                document: summary(&d.rec),
                snippets: Self::snippets(d, &hits),
            })
            .collect();
        Ok(Page {
            total,
            page: page.page,
            per_page: page.per_page,
            items,
        })
    }

    fn events(&self, q: &EventQuery, page: PageReq) -> CorpusResult<EventPage> {
        let all: Vec<FusedEvent> = self
            .events
            .iter()
            .filter(|e| self.event_matches(e, q))
            .cloned()
            .collect();
        let mut days = BTreeMap::new();
        for e in &all {
            if let Some((a, b)) = e.date.as_deref().and_then(date_range) {
                if a == b {
                    *days.entry(a.to_string()).or_default() += 1;
                }
            }
        }
        Ok(EventPage {
            page: page.slice(all),
            days,
        })
    }

    fn event(&self, id: &str) -> CorpusResult<Option<FusedEvent>> {
        Ok(self
            .event_index
            .get(id)
            .and_then(|&i| self.events.get(i))
            .cloned())
    }

    fn entities(&self, q: &EntityQuery, page: PageReq) -> CorpusResult<Page<EntitySummary>> {
        let fq = q.q.as_deref().map(rasd_text::fold);
        let mut all: Vec<&EntitySummary> = self
            .entities
            .iter()
            .map(|a| &a.summary)
            .filter(|e| {
                q.entity_type
                    .as_ref()
                    .is_none_or(|t| e.entity_type.eq_ignore_ascii_case(t))
                    && q.country.as_ref().is_none_or(|c| {
                        e.country
                            .as_deref()
                            .is_some_and(|x| x.eq_ignore_ascii_case(c))
                    })
                    && fq.as_ref().is_none_or(|f| {
                        rasd_text::fold(&e.name).contains(f.as_str())
                            || e.name_en
                                .as_ref()
                                .is_some_and(|n| n.to_lowercase().contains(&f.to_lowercase()))
                    })
            })
            .collect();
        all.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.id.cmp(&b.id)));
        Ok(page.slice(all.into_iter().cloned().collect()))
    }

    fn entity(&self, id: &str) -> CorpusResult<Option<EntityDetail>> {
        let Some(agg) = self
            .entity_index
            .get(id)
            .and_then(|&i| self.entities.get(i))
        else {
            return Ok(None);
        };
        let events: Vec<FusedEvent> = agg
            .events
            .iter()
            .filter_map(|&i| self.events.get(i))
            .cloned()
            .collect();
        let mut co: HashMap<&str, usize> = HashMap::new();
        for ev in &events {
            let mut seen: Vec<&str> = ev
                .actors
                .iter()
                .chain(&ev.recipients)
                .filter_map(|p| p.entity.as_deref())
                .filter(|e| *e != id)
                .collect();
            seen.sort_unstable();
            seen.dedup();
            for e in seen {
                *co.entry(e).or_default() += 1;
            }
        }
        let mut co_actors: Vec<(EntitySummary, usize)> = co
            .into_iter()
            .filter_map(|(e, n)| {
                let s = self
                    .entity_index
                    .get(e)
                    .and_then(|&i| self.entities.get(i))?;
                Some((s.summary.clone(), n))
            })
            .collect();
        co_actors.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.id.cmp(&b.0.id)));
        Ok(Some(EntityDetail {
            entity: agg.summary.clone(),
            mention_list: agg.mentions.clone(),
            co_actors,
            events,
        }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_ranges_cover_periods() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(
            date_range("2014-06-04"),
            Some((d("2014-06-04"), d("2014-06-04")))
        );
        assert_eq!(
            date_range("2014-02"),
            Some((d("2014-02-01"), d("2014-02-28")))
        );
        assert_eq!(date_range("2014"), Some((d("2014-01-01"), d("2014-12-31"))));
        assert_eq!(date_range("P1W"), None);
        assert!(in_dates(Some("2014-06"), Some(d("2014-06-20")), None));
        assert!(!in_dates(Some("2014-05"), Some(d("2014-06-01")), None));
        assert!(!in_dates(None, None, Some(d("2014-06-01"))));
        assert!(in_dates(None, None, None));
    }

    fn rec(id: &str, text: &str) -> Record {
        serde_json::from_value(serde_json::json!({
            "id": id, "published": null, "lang": "ar", "title": null, "url": null, "outlet": null,
            "text": text, "sentences": [], "entities": [], "times": [], "quantities": [], "events": []
        }))
        .unwrap()
    }

    #[test]
    fn snippets_point_at_original_text() {
        // Harakat in the text, none in the query: the snippet shows the original letters.
        let c = MemoryCorpus::new(vec![rec("d", "قالَ الوزيرُ إنَّ الوفدَ وصلَ")]);
        let q = SearchQuery {
            q: "الوفد".into(),
            ..Default::default()
        };
        let page = c
            .search(
                &q,
                PageReq {
                    page: 1,
                    per_page: 10,
                },
            )
            .unwrap();
        assert_eq!(page.total, 1);
        let hits: Vec<&str> = page.items[0].snippets[0]
            .iter()
            .filter(|p| p.hit)
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(hits, ["الوفدَ"]);
        let joined: String = page.items[0].snippets[0]
            .iter()
            .map(|p| p.text.as_str())
            .collect();
        assert_eq!(joined, "قالَ الوزيرُ إنَّ الوفدَ وصلَ");
    }

    #[test]
    fn duplicate_ids_keep_the_first() {
        let c = MemoryCorpus::new(vec![rec("d", "أ"), rec("d", "ب")]);
        assert_eq!(c.stats().unwrap().documents, 1);
        assert_eq!(c.document("d").unwrap().unwrap().text.as_deref(), Some("أ"));
    }
}
