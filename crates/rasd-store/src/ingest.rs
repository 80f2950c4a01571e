//! Ingest: records → documents, duplicates, corpus entities, events, full text, fusion.
//!
//! One call of [`Store::ingest`] is one transaction: either the whole batch is stored or
//! none of it, so a process killed at any moment leaves a consistent file. A record whose
//! id is already stored is skipped (idempotence; it is how a resumed run continues). Event
//! fusion is updated incrementally inside the same transaction (see [`crate::fusion`]).

use crate::dedup::{bands, content_hash, near, simhash};
use crate::{fusion, search, Result, Store};
use rasd_doc::record::{EntityRec, Record};
use rusqlite::{params, OptionalExtension, Transaction};
use std::collections::HashMap;

/// What one ingest call did.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct IngestStats {
    /// Documents stored.
    pub added: usize,
    /// Records skipped because their id was already stored.
    pub skipped: usize,
    /// Of the added, exact duplicates of a stored text.
    pub exact_duplicates: usize,
    /// Of the added, near duplicates.
    pub near_duplicates: usize,
    /// Events stored.
    pub events: usize,
}

impl std::ops::AddAssign for IngestStats {
    fn add_assign(&mut self, o: IngestStats) {
        self.added += o.added;
        self.skipped += o.skipped;
        self.exact_duplicates += o.exact_duplicates;
        self.near_duplicates += o.near_duplicates;
        self.events += o.events;
    }
}

/// The corpus key of an entity: a knowledge-base id when the record has one, else the
/// folded name with type and country.
pub fn entity_key(e: &EntityRec) -> String {
    if let Some(kb) = &e.kb {
        if let Some(q) = &kb.wikidata {
            return format!("wd:{q}");
        }
        if let Some(r) = &kb.rasd {
            return format!("rasd:{r}");
        }
        if let Some(g) = kb.geonames {
            return format!("gn:{g}");
        }
    }
    format!(
        "name:{}:{}:{}",
        e.etype.as_str(),
        rasd_text::fold(&e.name),
        e.country.as_deref().unwrap_or("")
    )
}

/// Day number (days since 1970-01-01) of a `YYYY-MM-DD…` value; `None` for coarser values.
pub fn day_of(value: &str) -> Option<i64> {
    let d: jiff::civil::Date = value.get(..10)?.parse().ok()?;
    let epoch = jiff::civil::date(1970, 1, 1);
    let span = d.since(epoch).ok()?;
    Some(i64::from(span.get_days()))
}

fn now() -> String {
    jiff::Timestamp::now().to_string()
}

impl Store {
    /// Stores a batch of records in one transaction. Known ids are skipped.
    pub fn ingest(&mut self, records: &[Record]) -> Result<IngestStats> {
        let prepared: Vec<Prepared> = records.iter().map(Prepared::new).collect();
        self.ingest_prepared(&prepared)
    }

    /// Stores records whose derived data was computed beforehand (possibly in parallel).
    pub fn ingest_prepared(&mut self, records: &[Prepared]) -> Result<IngestStats> {
        let tx = self.conn.transaction()?;
        let mut stats = IngestStats::default();
        for r in records {
            insert_record(&tx, r, &mut stats)?;
        }
        tx.commit()?;
        Ok(stats)
    }

    /// True when a document with this id is stored.
    pub fn contains(&self, id: &str) -> Result<bool> {
        Ok(self
            .conn
            .prepare_cached("SELECT 1 FROM docs WHERE id = ?")?
            .exists([id])?)
    }
}

/// A record with the derived data ingest needs (hash, fingerprint, index text, JSON),
/// computed without the database so callers can prepare batches in parallel (and hand
/// them to a writer thread: it owns its record).
pub struct Prepared {
    /// The record.
    pub record: Record,
    hash: String,
    sim: Option<u64>,
    fts: String,
    json: String,
}

impl Prepared {
    /// Computes the derived data of a record (copying it).
    pub fn new(r: &Record) -> Prepared {
        Prepared::from_record(r.clone())
    }

    /// Computes the derived data of a record, taking it.
    pub fn from_record(r: Record) -> Prepared {
        let text = r.text.as_deref().unwrap_or("");
        let mut fts = String::new();
        if let Some(t) = &r.title {
            fts.push_str(&search::index_form(t));
            fts.push(' ');
        }
        fts.push_str(&search::index_form(text));
        // The text has its own column; the stored record leaves it out.
        let json = serde_json::to_string(&RecordNoText(&r)).unwrap_or_else(|_| "{}".into());
        let hash = content_hash(text);
        let sim = simhash(text);
        Prepared {
            record: r,
            hash,
            sim,
            fts,
            json,
        }
    }
}

struct RecordNoText<'a>(&'a Record);

impl serde::Serialize for RecordNoText<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        let mut v = serde_json::to_value(self.0).map_err(serde::ser::Error::custom)?;
        if let Some(m) = v.as_object_mut() {
            m.remove("text");
        }
        v.serialize(s)
    }
}

fn insert_record(tx: &Transaction<'_>, p: &Prepared, stats: &mut IngestStats) -> Result<()> {
    let r = &p.record;
    if tx
        .prepare_cached("SELECT 1 FROM docs WHERE id = ?")?
        .exists([&r.id])?
    {
        stats.skipped += 1;
        return Ok(());
    }
    let text = r.text.as_deref().unwrap_or("");
    let hash = &p.hash;
    let sim = p.sim;
    // Exact duplicate: same text already stored under another id.
    let mut dup: Option<(i64, &str)> = None;
    if !text.is_empty() {
        let root: Option<(i64, Option<i64>)> = tx
            .prepare_cached("SELECT rowid, dup_of FROM docs WHERE hash = ? ORDER BY rowid LIMIT 1")?
            .query_row([hash], |row| Ok((row.get(0)?, row.get(1)?)))
            .optional()?;
        if let Some((rowid, of)) = root {
            dup = Some((of.unwrap_or(rowid), "exact"));
        }
    }
    if let (None, Some(h)) = (dup, sim) {
        let mut st = tx.prepare_cached(
            "SELECT d.rowid, d.simhash, d.dup_of FROM simhash_bands b JOIN docs d ON d.rowid = b.doc
             WHERE b.band = ? ORDER BY d.rowid",
        )?;
        'bands: for band in bands(h) {
            let rows = st.query_map([band], |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    row.get::<_, Option<i64>>(2)?,
                ))
            })?;
            for row in rows {
                let (rowid, other, of) = row?;
                if near(h, other as u64) {
                    dup = Some((of.unwrap_or(rowid), "near"));
                    break 'bands;
                }
            }
        }
    }
    match dup {
        Some((_, "exact")) => stats.exact_duplicates += 1,
        Some(_) => stats.near_duplicates += 1,
        None => {}
    }
    let json = &p.json;
    tx.prepare_cached(
        "INSERT INTO docs(id, hash, simhash, dup_of, dup_kind, published, outlet, url, title, text, record, ingested_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        r.id,
        hash,
        sim.map(|h| h as i64),
        dup.map(|d| d.0),
        dup.map(|d| d.1),
        r.published,
        r.outlet,
        r.url,
        r.title,
        r.text,
        json,
        now()
    ])?;
    let doc = tx.last_insert_rowid();
    if let Some(h) = sim {
        let mut st =
            tx.prepare_cached("INSERT OR IGNORE INTO simhash_bands(band, doc) VALUES (?, ?)")?;
        for band in bands(h) {
            st.execute(params![band, doc])?;
        }
    }
    tx.prepare_cached("INSERT INTO doc_fts(rowid, stems) VALUES (?, ?)")?
        .execute(params![doc, p.fts])?;

    // Corpus entities.
    let mut local: HashMap<&str, i64> = HashMap::new();
    for e in &r.entities {
        let key = entity_key(e);
        let id = upsert_entity(tx, &key, e)?;
        local.insert(e.id.as_str(), id);
        tx.prepare_cached(
            "INSERT OR IGNORE INTO doc_entities(doc, local_id, entity, mentions) VALUES (?, ?, ?, ?)",
        )?
        .execute(params![doc, e.id, id, e.mentions.len() as i64])?;
    }
    // Events.
    for ev in &r.events {
        fusion::insert_event(tx, doc, r, ev, &local)?;
        stats.events += 1;
    }
    stats.added += 1;
    Ok(())
}

fn upsert_entity(tx: &Transaction<'_>, key: &str, e: &EntityRec) -> Result<i64> {
    if let Some(id) = tx
        .prepare_cached("SELECT rowid FROM entities WHERE key = ?")?
        .query_row([key], |r| r.get::<_, i64>(0))
        .optional()?
    {
        // Fill in what earlier documents did not know.
        tx.prepare_cached(
            "UPDATE entities SET name_en = coalesce(name_en, ?), country = coalesce(country, ?),
                 subtype = coalesce(subtype, ?), lat = coalesce(lat, ?), lon = coalesce(lon, ?),
                 geo_country = coalesce(geo_country, ?)
             WHERE rowid = ? AND (name_en IS NULL OR country IS NULL OR subtype IS NULL OR lat IS NULL)",
        )?
        .execute(params![
            e.name_en,
            e.country,
            e.subtype,
            e.geo.as_ref().map(|g| g.lat),
            e.geo.as_ref().map(|g| g.lon),
            e.geo.as_ref().and_then(|g| g.country.clone()),
            id
        ])?;
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO entities(key, type, name, folded, name_en, country, subtype, lat, lon, geo_country)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        key,
        e.etype.as_str(),
        e.name,
        rasd_text::fold(&e.name),
        e.name_en,
        e.country,
        e.subtype,
        e.geo.as_ref().map(|g| g.lat),
        e.geo.as_ref().map(|g| g.lon),
        e.geo.as_ref().and_then(|g| g.country.clone()),
    ])?;
    Ok(tx.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use crate::testutil::*;
    use crate::{EventFilter, SearchFilter, Store};
    use serde_json::json;

    fn corpus() -> Vec<rasd_doc::Record> {
        let benghazi = || {
            ent(
                "E2",
                "LOC",
                "بنغازي",
                json!({"subtype": "city", "geo": {"lat": 32.12, "lon": 20.09, "country": "LY", "resolution": 4}}),
            )
        };
        vec![
            record(
                "a1",
                "alwasat.ly",
                "2014-06-04",
                &article(1, "وبالجزائر عقد اجتماع أمني"),
                vec![
                    ent(
                        "E1",
                        "PER",
                        "خليفة حفتر",
                        json!({"country": "LBY", "kb": {"wikidata": "Q1"}}),
                    ),
                    benghazi(),
                    ent("E3", "ORG", "أنصار الشريعة", json!({})),
                ],
                vec![event(
                    "V1",
                    "ASSAULT",
                    Some("E3"),
                    Some("E1"),
                    Some("E2"),
                    "2014-06-04",
                    Some(16.0),
                    "asserted",
                )],
            ),
            record(
                "b7",
                "alarabiya.net",
                "2014-06-05",
                &article(2, "الجزائر تنفي"),
                vec![
                    ent("E1", "PER", "أنصار الشريعة", json!({"type": "ORG"})),
                    ent("E2", "PER", "حفتر", json!({"kb": {"wikidata": "Q1"}})),
                    ent(
                        "E3",
                        "LOC",
                        "ضواحي بنغازي",
                        json!({"geo": {"lat": 32.2, "lon": 20.2, "country": "LY", "resolution": 5}}),
                    ),
                ],
                vec![event(
                    "V1",
                    "ASSAULT",
                    None,
                    Some("E2"),
                    Some("E3"),
                    "2014-06-05",
                    Some(46.0),
                    "denied",
                )],
            ),
            // Same actors, far away and a week later: another event.
            record(
                "c3",
                "alwasat.ly",
                "2014-06-20",
                &article(3, "طرابلس"),
                vec![
                    ent("E1", "PER", "حفتر", json!({"kb": {"wikidata": "Q1"}})),
                    ent(
                        "E2",
                        "LOC",
                        "طرابلس",
                        json!({"geo": {"lat": 32.89, "lon": 13.19, "country": "LY", "resolution": 4}}),
                    ),
                ],
                vec![event(
                    "V1",
                    "ASSAULT",
                    None,
                    Some("E1"),
                    Some("E2"),
                    "2014-06-20",
                    Some(3.0),
                    "asserted",
                )],
            ),
        ]
    }

    #[test]
    fn ingest_is_idempotent() {
        let mut s = Store::open_in_memory().unwrap();
        let first = s.ingest(&corpus()).unwrap();
        assert_eq!(first.added, 3);
        let stats = s.stats().unwrap();
        let again = s.ingest(&corpus()).unwrap();
        assert_eq!(again.added, 0);
        assert_eq!(again.skipped, 3);
        assert_eq!(s.stats().unwrap(), stats);
        assert_eq!(stats.documents, 3);
        assert_eq!(stats.events, 3);
        // Q1 is one corpus entity across three documents.
        let ents = s.entities(Some("PER"), None, 10).unwrap();
        let haftar = ents.iter().find(|e| e.key == "wd:Q1").unwrap();
        assert_eq!(haftar.documents, 3);
        assert!(
            s.check().unwrap().problems.is_empty(),
            "{:?}",
            s.check().unwrap()
        );
    }

    #[test]
    fn two_reports_fuse_with_conflicting_figures_and_stances() {
        let mut s = Store::open_in_memory().unwrap();
        s.ingest(&corpus()).unwrap();
        let st = s.stats().unwrap();
        assert_eq!(st.event_clusters, 2);
        assert_eq!(st.fused_events, 1);
        let evs = s.events(&EventFilter::default()).unwrap();
        let f = evs.iter().find(|e| e.n_reports == 2).unwrap();
        assert_eq!(f.n_sources, 2);
        let dead = &f.size["dead"];
        assert_eq!((dead.min, dead.max), (16.0, 46.0));
        assert_eq!(dead.values, vec![16.0, 46.0]);
        assert_eq!(f.stances, vec!["asserted", "denied"]);
        let v = serde_json::to_value(f).unwrap();
        let docs: Vec<&str> = v["reports"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["doc"].as_str().unwrap())
            .collect();
        assert_eq!(docs, vec!["a1", "b7"]);
        assert_eq!(
            v["size"]["dead"],
            json!({"min": 16.0, "max": 46.0, "values": [16.0, 46.0]})
        );
        // The far-away event a fortnight later stays apart.
        assert_ne!(
            s.cluster_of("c3", "V1").unwrap(),
            s.cluster_of("a1", "V1").unwrap()
        );
        // Order independence: ingesting in reverse gives the same grouping.
        let mut r = Store::open_in_memory().unwrap();
        let mut rev = corpus();
        rev.reverse();
        for rec in rev {
            r.ingest(&[rec]).unwrap();
        }
        assert_eq!(r.stats().unwrap().fused_events, 1);
        assert_eq!(
            r.cluster_of("a1", "V1").unwrap(),
            r.cluster_of("b7", "V1").unwrap()
        );
        // Filters.
        let f = |flt: EventFilter| s.events(&flt).unwrap().len();
        assert_eq!(
            f(EventFilter {
                min_dead: Some(40.0),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            f(EventFilter {
                actor: Some("حفتر".into()),
                ..Default::default()
            }),
            2
        );
        assert_eq!(
            f(EventFilter {
                from: Some("2014-06-10".into()),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            f(EventFilter {
                bbox: Some([19.0, 31.0, 21.0, 33.0]),
                ..Default::default()
            }),
            1
        );
        assert_eq!(
            f(EventFilter {
                event_type: Some("protest".into()),
                ..Default::default()
            }),
            0
        );
    }

    #[test]
    fn search_ignores_clitics_and_diacritics() {
        let mut s = Store::open_in_memory().unwrap();
        s.ingest(&corpus()).unwrap();
        let lim = SearchFilter {
            limit: 10,
            ..Default::default()
        };
        let ids = |q: &str, f: &SearchFilter| {
            s.search(q, f)
                .unwrap()
                .into_iter()
                .map(|h| h.id)
                .collect::<Vec<_>>()
        };
        let mut got = ids("الجزائر", &lim);
        got.sort();
        assert_eq!(got, vec!["a1", "b7"]);
        assert_eq!(ids("الجَزَائِرِ", &lim).len(), 2);
        let hits = s.search("الجزائر", &lim).unwrap();
        let a1 = hits.iter().find(|h| h.id == "a1").unwrap();
        assert!(a1.snippet.contains("[وبالجزائر]"), "{}", a1.snippet);
        let outlet = SearchFilter {
            outlet: Some("alarabiya.net".into()),
            ..lim.clone()
        };
        assert_eq!(ids("الجزائر", &outlet), vec!["b7"]);
        let ent = SearchFilter {
            entity: Some("طرابلس".into()),
            ..lim.clone()
        };
        assert_eq!(ids("طرابلس", &ent), vec!["c3"]);
        let until = SearchFilter {
            to: Some("2014-06-04".into()),
            ..lim.clone()
        };
        assert_eq!(ids("الجزائر", &until), vec!["a1"]);
        assert!(s.search("، .", &lim).is_err());
    }

    #[test]
    fn duplicates_are_grouped_not_dropped() {
        let mut s = Store::open_in_memory().unwrap();
        let text = article(9, "خبر وكالة");
        let recs = vec![
            record("orig", "spa.gov.sa", "2015-01-01", &text, vec![], vec![]),
            record("copy", "alriyadh.com", "2015-01-01", &text, vec![], vec![]),
            record(
                "near",
                "okaz.com.sa",
                "2015-01-01",
                &format!("{text} وأضاف"),
                vec![],
                vec![],
            ),
            record(
                "other",
                "okaz.com.sa",
                "2015-01-01",
                &article(10, "مختلف"),
                vec![],
                vec![],
            ),
        ];
        let st = s.ingest(&recs).unwrap();
        assert_eq!(
            (st.added, st.exact_duplicates, st.near_duplicates),
            (4, 1, 1)
        );
        let stats = s.stats().unwrap();
        assert_eq!(
            (stats.documents, stats.duplicates, stats.duplicate_groups),
            (4, 2, 1)
        );
        assert!(s.check().unwrap().problems.is_empty());
    }

    #[test]
    fn check_finds_tampering() {
        let mut s = Store::open_in_memory().unwrap();
        s.ingest(&corpus()).unwrap();
        s.connection()
            .execute("DELETE FROM event_args", [])
            .unwrap();
        s.connection()
            .execute(
                "UPDATE events SET cluster = 999 WHERE local_id = 'V1' AND doc = 1",
                [],
            )
            .unwrap();
        let c = s.check().unwrap();
        assert!(!c.problems.is_empty());
    }
}
