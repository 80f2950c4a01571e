//! Read-only access for `rasd serve`: opening a store without writing to it, and the paged
//! queries an HTTP API needs (documents, records, corpus counts, pages of fused events with
//! a per-day histogram, one fused event, corpus entities with mentions and co-actors).
//!
//! Everything here only reads: the connection is opened with `SQLITE_OPEN_READ_ONLY` and
//! `PRAGMA query_only`, every value is bound as a parameter, and lists of ids travel as a
//! JSON array (`json_each`) instead of a temporary table.

use crate::fusion::FusedEvent;
use crate::query::{event_where, EventFilter};
use crate::{schema, Error, Result, Store};
use rasd_doc::Record;
use rusqlite::{params, params_from_iter, types::Value, Connection, OpenFlags, OptionalExtension};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// A document in a list.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocRow {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Length of the text in code points.
    pub chars: usize,
    /// Entities of the record.
    pub entities: usize,
    /// Events of the record.
    pub events: usize,
}

/// Corpus-wide counts for the API.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct CorpusCounts {
    /// Documents.
    pub documents: usize,
    /// Corpus entities.
    pub entities: usize,
    /// Fused events (clusters).
    pub event_clusters: usize,
    /// Per-document events.
    pub events: usize,
    /// Time expressions over all records.
    pub times: usize,
    /// Quantities over all records.
    pub quantities: usize,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Fused events per PLOVER type.
    pub event_types: BTreeMap<String, usize>,
    /// Documents per outlet.
    pub outlets: BTreeMap<String, usize>,
}

/// One page of fused events.
#[derive(Clone, Debug)]
pub struct EventsPage {
    /// Fused events matching the filter, over all pages.
    pub total: usize,
    /// Matching fused events per day (`YYYY-MM-DD`, latest matching report date).
    pub days: BTreeMap<String, usize>,
    /// The page, most recent first.
    pub events: Vec<FusedEvent>,
}

/// A corpus entity with its counts.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CorpusEntity {
    /// Row number (internal).
    pub rowid: i64,
    /// Corpus key (`wd:Q…`, `rasd:…`, `gn:…` or `name:TYPE:folded:COUNTRY`).
    pub key: String,
    /// PER | ORG | LOC | MISC.
    pub etype: String,
    /// Name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Affiliation.
    pub country: Option<String>,
    /// Latitude (places).
    pub lat: Option<f64>,
    /// Longitude (places).
    pub lon: Option<f64>,
    /// Documents mentioning it.
    pub documents: usize,
    /// Mentions over the corpus.
    pub mentions: usize,
}

/// A mention of an entity in a stored record (code points, as the record has them).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Mention {
    /// Document id.
    pub doc: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Text.
    pub text: String,
}

const ENTITY_COLS: &str = "n.rowid, n.key, n.type, n.name, n.name_en, n.country, n.lat, n.lon,
    (SELECT count(DISTINCT de.doc) FROM doc_entities de WHERE de.entity = n.rowid),
    (SELECT coalesce(sum(de.mentions), 0) FROM doc_entities de WHERE de.entity = n.rowid)";

fn entity_row(r: &rusqlite::Row<'_>) -> rusqlite::Result<CorpusEntity> {
    Ok(CorpusEntity {
        rowid: r.get(0)?,
        key: r.get(1)?,
        etype: r.get(2)?,
        name: r.get(3)?,
        name_en: r.get(4)?,
        country: r.get(5)?,
        lat: r.get(6)?,
        lon: r.get(7)?,
        documents: count(r.get(8)?),
        mentions: count(r.get(9)?),
    })
}

fn count(n: i64) -> usize {
    usize::try_from(n).unwrap_or(0)
}

impl Store {
    /// Opens an existing store read-only. Never writes (not even to upgrade): a file that is
    /// not a rasd store, or was written by a newer or an older rasd, is refused with a
    /// message saying why.
    pub fn open_read_only(path: &Path) -> Result<Store> {
        let conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| Error::NotAStore(format!("{}: cannot open: {e}", path.display())))?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        let not_store = |e: rusqlite::Error| {
            Error::NotAStore(format!("{}: not a rasd store ({e})", path.display()))
        };
        conn.execute_batch("PRAGMA query_only = 1")
            .map_err(not_store)?;
        let found = schema::version(&conn).map_err(|e| match e {
            Error::Sql(e) => not_store(e),
            e => e,
        })?;
        let latest = schema::latest();
        if found > latest {
            return Err(Error::TooNew {
                found,
                supported: latest,
            });
        }
        if found == 0 {
            return Err(Error::NotAStore(format!(
                "{}: not a rasd store (no rasd schema version)",
                path.display()
            )));
        }
        if found < latest {
            return Err(Error::NotAStore(format!(
                "{}: written by an older rasd (schema {found}, this build reads {latest}); \
                 upgrade it once with `rasd stats --db FILE`, then serve it",
                path.display()
            )));
        }
        Ok(Store {
            conn,
            entity_cache: Default::default(),
        })
    }

    /// Corpus-wide counts.
    pub fn counts(&self) -> Result<CorpusCounts> {
        let c = &self.conn;
        let one = |sql: &str| -> Result<usize> { Ok(count(c.query_row(sql, [], |r| r.get(0))?)) };
        let mut out = CorpusCounts {
            documents: one("SELECT count(*) FROM docs")?,
            entities: one("SELECT count(*) FROM entities")?,
            event_clusters: one("SELECT count(DISTINCT cluster) FROM events")?,
            events: one("SELECT count(*) FROM events")?,
            times: one("SELECT coalesce(sum(json_array_length(record, '$.times')), 0) FROM docs")?,
            quantities: one(
                "SELECT coalesce(sum(json_array_length(record, '$.quantities')), 0) FROM docs",
            )?,
            ..Default::default()
        };
        (out.first_published, out.last_published) =
            c.query_row("SELECT min(published), max(published) FROM docs", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })?;
        let mut st = c.prepare_cached(
            "SELECT type, count(*) FROM (SELECT cluster, min(type) AS type FROM events GROUP BY cluster) GROUP BY type",
        )?;
        for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (t, n) = r?;
            out.event_types.insert(t, count(n));
        }
        let mut st = c.prepare_cached(
            "SELECT outlet, count(*) FROM docs WHERE outlet IS NOT NULL GROUP BY outlet",
        )?;
        for r in st.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (o, n) = r?;
            out.outlets.insert(o, count(n));
        }
        Ok(out)
    }

    /// Documents, most recent first: the total and the rows from `offset`.
    pub fn doc_page(&self, offset: usize, limit: usize) -> Result<(usize, Vec<DocRow>)> {
        let total: i64 = self
            .conn
            .query_row("SELECT count(*) FROM docs", [], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(
            "SELECT d.id FROM docs d ORDER BY d.published DESC, d.id LIMIT ?1 OFFSET ?2",
        )?;
        let ids: Vec<String> = st
            .query_map(params![limit as i64, offset as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut rows = Vec::with_capacity(ids.len());
        for id in ids {
            if let Some(r) = self.doc_row(&id)? {
                rows.push(r);
            }
        }
        Ok((count(total), rows))
    }

    /// The list row of one document.
    pub fn doc_row(&self, id: &str) -> Result<Option<DocRow>> {
        Ok(self
            .conn
            .prepare_cached(
                "SELECT d.id, d.title, d.published, d.outlet, d.url, coalesce(length(d.text), 0),
                        coalesce(json_array_length(d.record, '$.entities'), 0),
                        (SELECT count(*) FROM events e WHERE e.doc = d.rowid)
                 FROM docs d WHERE d.id = ?1",
            )?
            .query_row([id], |r| {
                Ok(DocRow {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    published: r.get(2)?,
                    outlet: r.get(3)?,
                    url: r.get(4)?,
                    chars: count(r.get(5)?),
                    entities: count(r.get(6)?),
                    events: count(r.get(7)?),
                })
            })
            .optional()?)
    }

    /// The full record of a document (text put back), if the id is known.
    pub fn record(&self, id: &str) -> Result<Option<Record>> {
        let row: Option<(String, Option<String>)> = self
            .conn
            .prepare_cached("SELECT record, text FROM docs WHERE id = ?1")?
            .query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        let Some((json, text)) = row else {
            return Ok(None);
        };
        let mut v: serde_json::Value = serde_json::from_str(&json)?;
        if let (Some(m), Some(t)) = (v.as_object_mut(), text) {
            m.insert("text".into(), serde_json::Value::String(t));
        }
        Ok(Some(serde_json::from_value(v)?))
    }

    /// A page of fused events (`f.limit` ignored): total, per-day histogram, and the events
    /// from `offset`, most recent first. `party_country` also matches an actor's or
    /// recipient's affiliation against `f.country`, not only the place's country.
    pub fn events_page(
        &self,
        f: &EventFilter,
        party_country: bool,
        offset: usize,
        limit: usize,
    ) -> Result<EventsPage> {
        let place_only = EventFilter {
            country: if party_country {
                None
            } else {
                f.country.clone()
            },
            ..f.clone()
        };
        let (mut cond, mut args) = event_where(&place_only)?;
        if let (true, Some(c)) = (party_country, &f.country) {
            cond.push(
                "(upper(e.country) = upper(?) OR EXISTS (SELECT 1 FROM event_args a JOIN entities n
                   ON n.rowid = a.entity WHERE a.event = e.rowid AND a.role IN ('actor', 'recipient')
                   AND upper(n.country) = upper(?)))"
                    .into(),
            );
            args.push(Value::Text(c.clone()));
            args.push(Value::Text(c.clone()));
        }
        let cond = cond.join(" AND ");
        let total: i64 = self
            .conn
            .prepare(&format!(
                "SELECT count(DISTINCT cluster) FROM events e WHERE {cond}"
            ))?
            .query_row(params_from_iter(args.iter()), |r| r.get(0))?;
        let mut days = BTreeMap::new();
        {
            let mut st = self.conn.prepare(&format!(
                "SELECT substr(d, 1, 10), count(*) FROM
                   (SELECT max(CASE WHEN e.date GLOB '[0-9]*' THEN e.date END) AS d FROM events e WHERE {cond} GROUP BY cluster)
                 WHERE d GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]*' GROUP BY 1"
            ))?;
            for r in st.query_map(params_from_iter(args.iter()), |r| {
                Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?))
            })? {
                let (d, n) = r?;
                days.insert(d, count(n));
            }
        }
        args.push(Value::Integer(limit as i64));
        args.push(Value::Integer(offset as i64));
        let ids: Vec<i64> = self
            .conn
            .prepare(&format!(
                "SELECT cluster FROM events e WHERE {cond} GROUP BY cluster
                 ORDER BY max(CASE WHEN e.date GLOB '[0-9]*' THEN e.date END) DESC, cluster DESC LIMIT ? OFFSET ?"
            ))?
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_id: HashMap<String, FusedEvent> = self
            .load_clusters(&ids)?
            .into_iter()
            .map(|e| (e.id.clone(), e))
            .collect();
        let events = ids
            .iter()
            .filter_map(|c| by_id.remove(&format!("F{c}")))
            .collect();
        Ok(EventsPage {
            total: count(total),
            days,
            events,
        })
    }

    /// One fused event by cluster number (the `N` of `FN`).
    pub fn fused_event(&self, cluster: i64) -> Result<Option<FusedEvent>> {
        Ok(self.load_clusters(&[cluster])?.into_iter().next())
    }

    /// Fused events in which an entity takes part (any role), most recent first.
    pub fn entity_events(&self, entity: i64, limit: usize) -> Result<Vec<FusedEvent>> {
        let ids: Vec<i64> = self
            .conn
            .prepare_cached(
                "SELECT e.cluster FROM event_args a JOIN events e ON e.rowid = a.event
                 WHERE a.entity = ?1 GROUP BY e.cluster ORDER BY max(CASE WHEN e.date GLOB '[0-9]*' THEN e.date END) DESC, e.cluster DESC LIMIT ?2",
            )?
            .query_map(params![entity, limit as i64], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_id: HashMap<String, FusedEvent> = self
            .load_clusters(&ids)?
            .into_iter()
            .map(|e| (e.id.clone(), e))
            .collect();
        Ok(ids
            .iter()
            .filter_map(|c| by_id.remove(&format!("F{c}")))
            .collect())
    }

    /// Corpus entities, most documents first: the total and the page from `offset`.
    /// `q` matches inside the folded name or equals the English name (any case).
    pub fn entity_page(
        &self,
        q: Option<&str>,
        etype: Option<&str>,
        country: Option<&str>,
        offset: usize,
        limit: usize,
    ) -> Result<(usize, Vec<CorpusEntity>)> {
        let folded = q.map(rasd_text::fold);
        let cond = "(?1 IS NULL OR instr(n.folded, ?1) > 0 OR lower(n.name_en) = lower(?2))
            AND (?3 IS NULL OR n.type = upper(?3))
            AND (?4 IS NULL OR upper(n.country) = upper(?4) OR upper(n.geo_country) = upper(?4))";
        let total: i64 = self
            .conn
            .prepare_cached(&format!("SELECT count(*) FROM entities n WHERE {cond}"))?
            .query_row(params![folded, q, etype, country], |r| r.get(0))?;
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ENTITY_COLS} FROM entities n WHERE {cond}
             ORDER BY 9 DESC, 10 DESC, n.rowid LIMIT ?5 OFFSET ?6"
        ))?;
        let rows = st
            .query_map(
                params![folded, q, etype, country, limit as i64, offset as i64],
                entity_row,
            )?
            .collect::<rusqlite::Result<_>>()?;
        Ok((count(total), rows))
    }

    /// One corpus entity by key.
    pub fn entity_by_key(&self, key: &str) -> Result<Option<CorpusEntity>> {
        Ok(self
            .conn
            .prepare_cached(&format!(
                "SELECT {ENTITY_COLS} FROM entities n WHERE n.key = ?1"
            ))?
            .query_row([key], entity_row)
            .optional()?)
    }

    /// Keys of corpus entities by row number.
    pub fn entity_keys(&self, rowids: &[i64]) -> Result<HashMap<i64, String>> {
        let sel = serde_json::to_string(rowids)?;
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, key FROM entities WHERE rowid IN (SELECT value FROM json_each(?1))",
        )?;
        let out = st
            .query_map([sel], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }

    /// Mentions of an entity, from the most recent documents, at most `limit`.
    pub fn entity_mentions(&self, entity: i64, limit: usize) -> Result<Vec<Mention>> {
        let mut st = self.conn.prepare_cached(
            "SELECT d.id, de.local_id, d.record FROM doc_entities de JOIN docs d ON d.rowid = de.doc
             WHERE de.entity = ?1 ORDER BY d.published DESC, d.id LIMIT ?2",
        )?;
        let rows = st.query_map(params![entity, limit as i64], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (doc, local, json) = row?;
            let v: serde_json::Value = serde_json::from_str(&json)?;
            let ents = v.get("entities").and_then(|e| e.as_array());
            let Some(e) = ents.and_then(|es| {
                es.iter()
                    .find(|e| e.get("id").and_then(|i| i.as_str()) == Some(local.as_str()))
            }) else {
                continue;
            };
            for m in e
                .get("mentions")
                .and_then(|m| m.as_array())
                .into_iter()
                .flatten()
            {
                if out.len() >= limit {
                    return Ok(out);
                }
                let num = |k: &str| {
                    m.get(k)
                        .and_then(|x| x.as_u64())
                        .and_then(|x| usize::try_from(x).ok())
                };
                if let (Some(start), Some(end)) = (num("start"), num("end")) {
                    out.push(Mention {
                        doc: doc.clone(),
                        start,
                        end,
                        text: m
                            .get("text")
                            .and_then(|t| t.as_str())
                            .unwrap_or("")
                            .to_string(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Entities that are actors or recipients of the same events as `entity` (in those
    /// roles), with the number of shared events, most shared first.
    pub fn co_actors(&self, entity: i64, limit: usize) -> Result<Vec<(CorpusEntity, usize)>> {
        let mut st = self.conn.prepare_cached(&format!(
            "SELECT {ENTITY_COLS}, c.shared FROM
               (SELECT o.entity AS ent, count(DISTINCT o.event) AS shared
                FROM event_args a JOIN event_args o ON o.event = a.event AND o.entity != a.entity
                WHERE a.entity = ?1 AND a.role != 'location' AND o.role != 'location'
                GROUP BY o.entity) c
             JOIN entities n ON n.rowid = c.ent
             ORDER BY c.shared DESC, n.rowid LIMIT ?2"
        ))?;
        let out = st
            .query_map(params![entity, limit as i64], |r| {
                Ok((entity_row(r)?, count(r.get(10)?)))
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testutil::*;
    use serde_json::json;

    fn corpus() -> Vec<Record> {
        let bg = json!({"subtype": "city", "kb": {"geonames": 88319},
            "geo": {"lat": 32.12, "lon": 20.09, "country": "LY", "resolution": 4}});
        let haftar = || {
            ent(
                "E1",
                "PER",
                "خليفة حفتر",
                json!({"country": "LBY", "kb": {"wikidata": "Q1"}}),
            )
        };
        vec![
            record(
                "a1",
                "alwasat.ly",
                "2014-06-04",
                &article(1, "وبالجزائر"),
                vec![haftar(), ent("E2", "LOC", "بنغازي", bg.clone())],
                vec![event(
                    "V1",
                    "ASSAULT",
                    Some("E1"),
                    None,
                    Some("E2"),
                    "2014-06-04",
                    Some(16.0),
                    "asserted",
                )],
            ),
            record(
                "b2",
                "alarabiya.net",
                "2014-06-05",
                &article(2, "الجزائر"),
                vec![haftar(), ent("E2", "LOC", "بنغازي", bg)],
                vec![event(
                    "V1",
                    "ASSAULT",
                    Some("E1"),
                    None,
                    Some("E2"),
                    "2014-06-05",
                    Some(46.0),
                    "denied",
                )],
            ),
        ]
    }

    fn stored() -> (tempfile::TempDir, std::path::PathBuf) {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("c.db");
        Store::open(&p).unwrap().ingest(&corpus()).unwrap();
        (dir, p)
    }

    #[test]
    fn read_only_store_answers_and_refuses_writes() {
        let (_d, p) = stored();
        let s = Store::open_read_only(&p).unwrap();
        assert!(s.conn.execute("DELETE FROM docs", []).is_err());
        let c = s.counts().unwrap();
        assert_eq!((c.documents, c.event_clusters, c.events), (2, 1, 2));
        assert_eq!(c.event_types.get("ASSAULT"), Some(&1));
        let (n, docs) = s.doc_page(0, 1).unwrap();
        assert_eq!((n, docs.len()), (2, 1));
        assert_eq!(docs[0].id, "b2");
        assert_eq!(docs[0].events, 1);
        let r = s.record("a1").unwrap().unwrap();
        assert!(r.text.unwrap().contains("وبالجزائر"));
        assert!(s.record("nope").unwrap().is_none());
    }

    #[test]
    fn event_pages_and_entities() {
        let (_d, p) = stored();
        let s = Store::open_read_only(&p).unwrap();
        let page = s.events_page(&EventFilter::default(), true, 0, 10).unwrap();
        assert_eq!(page.total, 1);
        assert_eq!(page.days.get("2014-06-05"), Some(&1));
        let f = &page.events[0];
        assert_eq!(f.n_reports, 2);
        assert_eq!(f.size["dead"].values, vec![16.0, 46.0]);
        let by_country = EventFilter {
            country: Some("LBY".into()),
            ..Default::default()
        };
        assert_eq!(s.events_page(&by_country, true, 0, 10).unwrap().total, 1);
        assert_eq!(s.events_page(&by_country, false, 0, 10).unwrap().total, 0);
        let by_key = EventFilter {
            actor: Some("wd:Q1".into()),
            ..Default::default()
        };
        assert_eq!(s.events_page(&by_key, true, 0, 10).unwrap().total, 1);
        let n: i64 = f.id.trim_start_matches('F').parse().unwrap();
        assert_eq!(s.fused_event(n).unwrap().unwrap().n_reports, 2);
        assert!(s.fused_event(n + 1000).unwrap().is_none());
        let (total, ents) = s.entity_page(Some("حفتر"), None, None, 0, 10).unwrap();
        assert_eq!(total, 1);
        assert_eq!((ents[0].documents, ents[0].mentions), (2, 2));
        let e = s.entity_by_key("wd:Q1").unwrap().unwrap();
        assert_eq!(s.entity_mentions(e.rowid, 10).unwrap().len(), 2);
        assert_eq!(s.entity_events(e.rowid, 10).unwrap().len(), 1);
        assert!(s.co_actors(e.rowid, 10).unwrap().is_empty());
        let keys = s.entity_keys(&[e.rowid]).unwrap();
        assert_eq!(keys.get(&e.rowid).map(String::as_str), Some("wd:Q1"));
    }

    #[test]
    fn search_pages_with_pieces() {
        let (_d, p) = stored();
        let s = Store::open_read_only(&p).unwrap();
        let f = crate::SearchFilter {
            limit: 1,
            ..Default::default()
        };
        let (n, hits) = s.search_page("الجزائر", &f, None, 0).unwrap();
        assert_eq!((n, hits.len()), (2, 1));
        assert!(hits[0]
            .pieces
            .iter()
            .any(|p| p.hit && p.text.contains("الجزائر")));
        let (n2, hits2) = s.search_page("الجزائر", &f, None, 1).unwrap();
        assert_eq!(n2, 2);
        assert_ne!(hits2[0].hit.id, hits[0].hit.id);
        let (n3, _) = s.search_page("", &f, Some("wd:Q1"), 0).unwrap();
        assert_eq!(n3, 2);
        let (n4, _) = s.search_page("", &f, Some("wd:Q999"), 0).unwrap();
        assert_eq!(n4, 0);
        assert!(matches!(
            s.search_page("...", &f, None, 0),
            Err(Error::Invalid(_))
        ));
    }

    #[test]
    fn foreign_newer_and_missing_files_are_refused() {
        let dir = tempfile::tempdir().unwrap();
        let junk = dir.path().join("junk.db");
        std::fs::write(
            &junk,
            b"this is not sqlite at all, just text padding it out",
        )
        .unwrap();
        assert!(matches!(
            Store::open_read_only(&junk),
            Err(Error::NotAStore(_))
        ));
        let empty = dir.path().join("empty.db");
        Connection::open(&empty)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        assert!(matches!(
            Store::open_read_only(&empty),
            Err(Error::NotAStore(_))
        ));
        let (_d, p) = stored();
        Connection::open(&p)
            .unwrap()
            .execute_batch("PRAGMA user_version = 99")
            .unwrap();
        let e = Store::open_read_only(&p).err().unwrap().to_string();
        assert!(e.contains("newer"), "{e}");
        assert!(Store::open_read_only(&dir.path().join("missing.db")).is_err());
        assert!(!dir.path().join("missing.db").exists());
    }
}
