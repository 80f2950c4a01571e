//! The [`Corpus`] over the SQLite corpus store of `rasd-store` (`rasd serve --db FILE`).
//!
//! The database is opened read-only (`SQLITE_OPEN_READ_ONLY`, `query_only`): the server never
//! writes to it, so it can serve a file that `rasd ingest` is still filling (WAL readers do
//! not block the writer). Connections are kept in a small pool; a request takes one (or
//! opens one) and gives it back. Search, fused events, entities and counts are the store's
//! own read-only queries (the same folded, clitic-insensitive FTS5 search as `rasd search`,
//! the same fusion as `rasd events`); this module only maps their rows onto the API types.
//! A filter the store rejects ([`rasd_store::Error::Invalid`]) becomes a [`BadInput`] (400).

use crate::corpus::*;
use anyhow::{Context, Result};
use rasd_doc::{KbIds, Record};
use rasd_store::{CorpusEntity, EventFilter, SearchFilter, Store};
use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// Connections kept open between requests.
const POOL: usize = 4;
/// Mentions listed on an entity page.
const MENTIONS_PER_ENTITY: usize = 500;
/// Co-actors listed on an entity page.
const CO_ACTORS: usize = 20;
/// Events listed on an entity page.
const EVENTS_PER_ENTITY: usize = 200;
/// How long corpus counts are reused (they scan every record).
const STATS_TTL: Duration = Duration::from_secs(30);

/// A read-only corpus store served over the API.
pub struct StoreCorpus {
    path: PathBuf,
    pool: Mutex<Vec<Store>>,
    stats: Mutex<Option<(Instant, Stats)>>,
}

/// Opens a store database read-only as a corpus; a missing file, a file that is not a rasd
/// store, or one written by another rasd version is refused with a message saying why.
pub fn open(db: &Path) -> Result<Arc<dyn Corpus>> {
    Ok(Arc::new(StoreCorpus::open(db)?))
}

fn err(e: rasd_store::Error) -> anyhow::Error {
    match e {
        rasd_store::Error::Invalid(m) => anyhow::Error::new(BadInput(m)),
        e => anyhow::Error::new(e),
    }
}

impl StoreCorpus {
    /// Opens the store at `db` read-only.
    pub fn open(db: &Path) -> Result<StoreCorpus> {
        let s = Store::open_read_only(db)
            .with_context(|| format!("opening the corpus store {}", db.display()))?;
        Ok(StoreCorpus {
            path: db.to_path_buf(),
            pool: Mutex::new(vec![s]),
            stats: Mutex::new(None),
        })
    }

    /// Runs `f` on a pooled read-only connection.
    fn with<T>(&self, f: impl FnOnce(&Store) -> rasd_store::Result<T>) -> CorpusResult<T> {
        let pooled = self.pool.lock().ok().and_then(|mut p| p.pop());
        let store = match pooled {
            Some(s) => s,
            None => Store::open_read_only(&self.path).map_err(err)?,
        };
        let out = f(&store).map_err(err);
        if let Ok(mut p) = self.pool.lock() {
            if p.len() < POOL {
                p.push(store);
            }
        }
        out
    }
}

fn kb_of_key(key: &str) -> Option<KbIds> {
    let mut kb = KbIds::default();
    if let Some(q) = key.strip_prefix("wd:") {
        kb.wikidata = Some(q.to_string());
    } else if let Some(r) = key.strip_prefix("rasd:") {
        kb.rasd = Some(r.to_string());
    } else if let Some(g) = key.strip_prefix("gn:").and_then(|g| g.parse().ok()) {
        kb.geonames = Some(g);
    } else {
        return None;
    }
    Some(kb)
}

fn entity_summary(e: CorpusEntity) -> EntitySummary {
    EntitySummary {
        kb: kb_of_key(&e.key),
        id: e.key,
        entity_type: e.etype,
        name: e.name,
        name_en: e.name_en,
        country: e.country,
        lat: e.lat,
        lon: e.lon,
        documents: e.documents,
        mentions: e.mentions,
    }
}

fn doc_summary(d: rasd_store::DocRow) -> DocSummary {
    DocSummary {
        id: d.id,
        title: d.title,
        published: d.published,
        outlet: d.outlet,
        url: d.url,
        chars: d.chars,
        entities: d.entities,
        events: d.events,
    }
}

fn range(r: Option<&rasd_store::Range>) -> Range {
    match r {
        Some(r) => Range {
            min: Some(r.min),
            max: Some(r.max),
            values: r.values.clone(),
        },
        None => Range::default(),
    }
}

/// Maps fused events of the store onto the API type, naming entities by corpus key.
fn convert(s: &Store, evs: Vec<rasd_store::FusedEvent>) -> rasd_store::Result<Vec<FusedEvent>> {
    let ids: BTreeSet<i64> = evs
        .iter()
        .flat_map(|e| {
            e.actors
                .iter()
                .chain(&e.recipients)
                .map(|p| p.entity)
                .chain(e.locations.iter().map(|l| l.entity))
        })
        .collect();
    let keys = s.entity_keys(&ids.into_iter().collect::<Vec<_>>())?;
    let party = |p: &rasd_store::fusion::Participant| Party {
        name: p.name.clone(),
        entity: keys.get(&p.entity).cloned(),
        country: p.country.clone(),
    };
    Ok(evs
        .into_iter()
        .map(|e| FusedEvent {
            event_type: e.etype.clone(),
            mode: e.modes.first().cloned(),
            date: e.date.clone(),
            actors: e.actors.iter().map(party).collect(),
            recipients: e.recipients.iter().map(party).collect(),
            place: e.locations.first().map(|l| Place {
                name: l.name.clone(),
                entity: keys.get(&l.entity).cloned(),
                lat: l.lat,
                lon: l.lon,
                country: l.country.clone(),
            }),
            dead: range(e.size.get("dead")),
            injured: range(e.size.get("injured")),
            arrested: range(e.size.get("arrested")),
            troops: range(e.size.get("troops")),
            n_reports: e.n_reports,
            n_sources: e.n_sources,
            stance: match e.stances.as_slice() {
                [one] => one.clone(),
                _ => "mixed".to_string(),
            },
            stances: e.stances.clone(),
            reports: e
                .reports
                .iter()
                .map(|r| EventReport {
                    doc: r.doc.clone(),
                    outlet: r.outlet.clone(),
                    event: r.event.clone(),
                    published: r.published.clone(),
                    trigger: r.trigger.clone(),
                    sentence: None,
                    stance: r.stance.clone(),
                    by: r.by.clone(),
                    disputed_by: r.disputed_by.clone(),
                })
                .collect(),
            id: e.id,
        })
        .collect())
}

/// The sentence of event `event` of a record, cut from its text (code-point offsets).
fn sentence_of(rec: &Record, event: &str) -> Option<String> {
    let ev = rec.events.iter().find(|e| e.id == event)?;
    let s = rec.sentences.get(ev.sentence)?;
    let text = rec.text.as_deref()?;
    Some(
        text.chars()
            .skip(s.start)
            .take(s.end.saturating_sub(s.start))
            .collect(),
    )
}

/// The cluster number of an event id `F<digits>`.
fn cluster_of(id: &str) -> Option<i64> {
    let n = id.strip_prefix('F')?;
    if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    n.parse().ok()
}

fn day(d: Option<jiff::civil::Date>) -> Option<String> {
    d.map(|d| d.to_string())
}

impl Corpus for StoreCorpus {
    fn stats(&self) -> CorpusResult<Stats> {
        if let Ok(c) = self.stats.lock() {
            if let Some((at, s)) = c.as_ref() {
                if at.elapsed() < STATS_TTL {
                    return Ok(s.clone());
                }
            }
        }
        let c = self.with(|s| s.counts())?;
        let out = Stats {
            documents: c.documents,
            entities: c.entities,
            events: c.event_clusters,
            event_reports: c.events,
            times: c.times,
            quantities: c.quantities,
            first_published: c.first_published,
            last_published: c.last_published,
            event_types: c.event_types,
            outlets: c.outlets,
        };
        if let Ok(mut cache) = self.stats.lock() {
            *cache = Some((Instant::now(), out.clone()));
        }
        Ok(out)
    }

    fn documents(&self, page: PageReq) -> CorpusResult<Page<DocSummary>> {
        let (total, rows) = self.with(|s| s.doc_page(page.offset(), page.per_page))?;
        Ok(Page {
            total,
            page: page.page,
            per_page: page.per_page,
            items: rows.into_iter().map(doc_summary).collect(),
        })
    }

    fn document(&self, id: &str) -> CorpusResult<Option<Record>> {
        self.with(|s| s.record(id))
    }

    fn search(&self, q: &SearchQuery, page: PageReq) -> CorpusResult<Page<SearchHit>> {
        let (total, items) = self.with(|s| {
            // `entity` is a corpus entity id (as the UI links); otherwise a name, as in the CLI.
            let by_key = match &q.entity {
                Some(e) => s.entity_by_key(e)?.map(|_| e.clone()),
                None => None,
            };
            let f = SearchFilter {
                from: day(q.from),
                to: day(q.to),
                outlet: q.outlet.clone(),
                entity: if by_key.is_some() {
                    None
                } else {
                    q.entity.clone()
                },
                event_type: q.event_type.clone(),
                limit: page.per_page,
            };
            let (total, hits) = s.search_page(&q.q, &f, by_key.as_deref(), page.offset())?;
            let mut items = Vec::with_capacity(hits.len());
            for h in hits {
                let Some(d) = s.doc_row(&h.hit.id)? else {
                    continue;
                };
                let parts: Vec<SnippetPart> = h
                    .pieces
                    .into_iter()
                    .map(|p| SnippetPart {
                        text: p.text,
                        hit: p.hit,
                    })
                    .collect();
                items.push(SearchHit {
                    document: doc_summary(d),
                    snippets: if parts.is_empty() {
                        Vec::new()
                    } else {
                        vec![parts]
                    },
                });
            }
            Ok((total, items))
        })?;
        Ok(Page {
            total,
            page: page.page,
            per_page: page.per_page,
            items,
        })
    }

    fn events(&self, q: &EventQuery, page: PageReq) -> CorpusResult<EventPage> {
        let f = EventFilter {
            event_type: q.event_type.clone(),
            actor: q.actor.clone(),
            country: q.country.clone(),
            from: day(q.from),
            to: day(q.to),
            bbox: q.bbox,
            min_dead: None,
            limit: 0,
        };
        self.with(|s| {
            let p = s.events_page(&f, true, page.offset(), page.per_page)?;
            Ok(EventPage {
                page: Page {
                    total: p.total,
                    page: page.page,
                    per_page: page.per_page,
                    items: convert(s, p.events)?,
                },
                days: p.days,
            })
        })
    }

    fn event(&self, id: &str) -> CorpusResult<Option<FusedEvent>> {
        let Some(cluster) = cluster_of(id) else {
            return Ok(None);
        };
        self.with(|s| {
            let Some(e) = s.fused_event(cluster)? else {
                return Ok(None);
            };
            let mut out = convert(s, vec![e])?;
            let mut records: HashMap<String, Option<Record>> = HashMap::new();
            for ev in &mut out {
                for r in &mut ev.reports {
                    if !records.contains_key(&r.doc) {
                        records.insert(r.doc.clone(), s.record(&r.doc)?);
                    }
                    r.sentence = records
                        .get(&r.doc)
                        .and_then(Option::as_ref)
                        .and_then(|rec| sentence_of(rec, &r.event));
                }
            }
            Ok(out.into_iter().next())
        })
    }

    fn entities(&self, q: &EntityQuery, page: PageReq) -> CorpusResult<Page<EntitySummary>> {
        let (total, rows) = self.with(|s| {
            s.entity_page(
                q.q.as_deref(),
                q.entity_type.as_deref(),
                q.country.as_deref(),
                page.offset(),
                page.per_page,
            )
        })?;
        Ok(Page {
            total,
            page: page.page,
            per_page: page.per_page,
            items: rows.into_iter().map(entity_summary).collect(),
        })
    }

    fn entity(&self, id: &str) -> CorpusResult<Option<EntityDetail>> {
        self.with(|s| {
            let Some(e) = s.entity_by_key(id)? else {
                return Ok(None);
            };
            let mention_list = s
                .entity_mentions(e.rowid, MENTIONS_PER_ENTITY)?
                .into_iter()
                .map(|m| MentionRef {
                    document: m.doc,
                    start: m.start,
                    end: m.end,
                    text: m.text,
                })
                .collect();
            let co_actors = s
                .co_actors(e.rowid, CO_ACTORS)?
                .into_iter()
                .map(|(o, n)| (entity_summary(o), n))
                .collect();
            let events = convert(s, s.entity_events(e.rowid, EVENTS_PER_ENTITY)?)?;
            Ok(Some(EntityDetail {
                entity: entity_summary(e),
                mention_list,
                co_actors,
                events,
            }))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn event_ids_and_kb_keys() {
        assert_eq!(cluster_of("F12"), Some(12));
        for bad in [
            "F",
            "12",
            "F+1",
            "F-1",
            "F1x",
            "f1",
            "F99999999999999999999",
        ] {
            assert_eq!(cluster_of(bad), None, "{bad}");
        }
        assert_eq!(kb_of_key("wd:Q1").unwrap().wikidata.as_deref(), Some("Q1"));
        assert_eq!(kb_of_key("gn:88319").unwrap().geonames, Some(88319));
        assert!(kb_of_key("name:PER:حفتر:LBY").is_none());
    }
}
