//! Ingest: records → documents, duplicates, corpus entities, events, full text, fusion.
//!
//! One call of [`Store::ingest`] is one transaction: either the whole batch is stored or
//! none of it, so a process killed at any moment leaves a consistent file. A record whose
//! id is already stored is skipped (idempotence; it is how a resumed run continues). Event
//! fusion is updated incrementally inside the same transaction (see [`crate::fusion`]).

use crate::dedup::{bands, content_hash, near, simhash};
use crate::{fusion, search, Result, Store};
use rasd_doc::record::{EntityRec, EventRec, Record};
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
        let out = self.ingest_tx(records);
        if out.is_err() {
            // The transaction rolled back: rows the cache learnt in it do not exist.
            self.entity_cache.clear();
        }
        out
    }

    fn ingest_tx(&mut self, records: &[Prepared]) -> Result<IngestStats> {
        if self.entity_cache.len() > ENTITY_CACHE_MAX {
            self.entity_cache.clear();
        }
        let tx = self.conn.transaction()?;
        let mut stats = IngestStats::default();
        let at = now();
        for r in records {
            insert_record(&tx, &mut self.entity_cache, r, &at, &mut stats)?;
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

/// A record with the derived data ingest needs (hash, fingerprint, index text, JSON,
/// entity keys, event dates and ACLED types), computed without the database so callers
/// can prepare batches in parallel and the single writer does only database work (and
/// hand them to a writer thread: it owns its record).
pub struct Prepared {
    /// The record.
    pub record: Record,
    hash: String,
    sim: Option<u64>,
    fts: String,
    json: String,
    /// Corpus key and folded name of each record entity, in record order.
    entities: Vec<(String, String)>,
    /// Derived data of each record event, in record order.
    events: Vec<PreparedEvent>,
}

/// What the writer stores for one event besides the record's own fields.
pub(crate) struct PreparedEvent {
    /// The record's date value.
    pub date: Option<String>,
    /// Its day number when day-precise.
    pub day: Option<i64>,
    /// The event as JSON.
    pub json: String,
    /// ACLED event type, as `rasd extract --format csv` gives it for this event.
    pub acled_type: String,
    /// ACLED sub-event type, likewise.
    pub acled_sub: String,
}

impl PreparedEvent {
    fn new(r: &Record, ev: &EventRec) -> PreparedEvent {
        let date = ev.date.as_ref().map(|d| d.value.clone());
        let day = date.as_deref().and_then(day_of);
        // The per-document CSV row of the events crate: the same PLOVER→ACLED mapping
        // (mode, civilian target from the recipients' sectors or words) as the extract CSV.
        let [_, _, acled_type, acled_sub, ..] = rasd_events::export::csv_row(r, ev);
        PreparedEvent {
            date,
            day,
            json: serde_json::to_string(ev).unwrap_or_else(|_| "{}".into()),
            acled_type,
            acled_sub,
        }
    }
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
        let entities = r
            .entities
            .iter()
            .map(|e| (entity_key(e), rasd_text::fold(&e.name)))
            .collect();
        let events = r.events.iter().map(|e| PreparedEvent::new(&r, e)).collect();
        Prepared {
            record: r,
            hash,
            sim,
            fts,
            json,
            entities,
            events,
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

fn insert_record(
    tx: &Transaction<'_>,
    cache: &mut EntityCache,
    p: &Prepared,
    at: &str,
    stats: &mut IngestStats,
) -> Result<()> {
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
        at
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
    {
        let mut link = tx.prepare_cached(
            "INSERT OR IGNORE INTO doc_entities(doc, local_id, entity, mentions) VALUES (?, ?, ?, ?)",
        )?;
        for (e, (key, folded)) in r.entities.iter().zip(&p.entities) {
            let id = upsert_entity(tx, cache, key, folded, e)?;
            local.insert(e.id.as_str(), id);
            link.execute(params![doc, e.id, id, e.mentions.len() as i64])?;
        }
    }
    // Events.
    for (ev, pe) in r.events.iter().zip(&p.events) {
        fusion::insert_event(tx, doc, ev, pe, &local)?;
        stats.events += 1;
    }
    stats.added += 1;
    Ok(())
}

/// Bits of the entity columns a record can fill in later (see [`known_fields`]).
const F_NAME_EN: u16 = 1;
const F_COUNTRY: u16 = 1 << 1;
const F_SUBTYPE: u16 = 1 << 2;
const F_LATLON: u16 = 1 << 3;
const F_GEO_COUNTRY: u16 = 1 << 4;
const F_SECTOR: u16 = 1 << 5;
const F_WIKIDATA: u16 = 1 << 6;
const F_GEONAMES: u16 = 1 << 7;
const F_KB_RASD: u16 = 1 << 8;
const F_FEATURE: u16 = 1 << 9;

/// Corpus entities the writer has seen: key → (rowid, columns known). Spares the lookup
/// and the fill-in `UPDATE` of an entity every document mentions; cleared when a
/// transaction fails (its rows are gone) and when it grows past [`ENTITY_CACHE_MAX`].
pub(crate) type EntityCache = HashMap<String, (i64, u16)>;

/// Largest number of cached corpus entities.
const ENTITY_CACHE_MAX: usize = 1 << 20;

/// The fill-in columns a record entity gives.
fn known_fields(e: &EntityRec) -> u16 {
    let geo = e.geo.as_ref();
    let kb = e.kb.as_ref();
    let mut m = 0;
    for (has, bit) in [
        (e.name_en.is_some(), F_NAME_EN),
        (e.country.is_some(), F_COUNTRY),
        (e.subtype.is_some(), F_SUBTYPE),
        (geo.is_some(), F_LATLON),
        (geo.is_some_and(|g| g.country.is_some()), F_GEO_COUNTRY),
        (e.sector.is_some(), F_SECTOR),
        (kb.is_some_and(|k| k.wikidata.is_some()), F_WIKIDATA),
        (kb.is_some_and(|k| k.geonames.is_some()), F_GEONAMES),
        (kb.is_some_and(|k| k.rasd.is_some()), F_KB_RASD),
        (geo.is_some_and(|g| g.feature.is_some()), F_FEATURE),
    ] {
        if has {
            m |= bit;
        }
    }
    m
}

/// SQL giving the fill-in columns a stored entity row has, as [`known_fields`] bits
/// (SQLite gives `<<` and `|` the same precedence: every shift is parenthesised).
const KNOWN_SQL: &str = "((name_en IS NOT NULL) | ((country IS NOT NULL) << 1)
    | ((subtype IS NOT NULL) << 2) | ((lat IS NOT NULL) << 3) | ((geo_country IS NOT NULL) << 4)
    | ((sector IS NOT NULL) << 5) | ((wikidata IS NOT NULL) << 6) | ((geonames IS NOT NULL) << 7)
    | ((kb_rasd IS NOT NULL) << 8) | ((geo_feature IS NOT NULL) << 9))";

fn upsert_entity(
    tx: &Transaction<'_>,
    cache: &mut EntityCache,
    key: &str,
    folded: &str,
    e: &EntityRec,
) -> Result<i64> {
    let gives = known_fields(e);
    let found = match cache.get(key) {
        Some(&hit) => Some(hit),
        None => tx
            .prepare_cached(&format!(
                "SELECT rowid, {KNOWN_SQL} FROM entities WHERE key = ?"
            ))?
            .query_row([key], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, u16>(1)?)))
            .optional()?,
    };
    let geo = e.geo.as_ref();
    let kb = e.kb.as_ref();
    if let Some((id, known)) = found {
        // Fill in what earlier documents did not know (only when this one knows more).
        if gives & !known != 0 {
            tx.prepare_cached(
                "UPDATE entities SET name_en = coalesce(name_en, ?), country = coalesce(country, ?),
                     subtype = coalesce(subtype, ?), lat = coalesce(lat, ?), lon = coalesce(lon, ?),
                     geo_country = coalesce(geo_country, ?), sector = coalesce(sector, ?),
                     wikidata = coalesce(wikidata, ?), geonames = coalesce(geonames, ?),
                     kb_rasd = coalesce(kb_rasd, ?), geo_feature = coalesce(geo_feature, ?)
                 WHERE rowid = ?",
            )?
            .execute(params![
                e.name_en,
                e.country,
                e.subtype,
                geo.map(|g| g.lat),
                geo.map(|g| g.lon),
                geo.and_then(|g| g.country.as_deref()),
                e.sector,
                kb.and_then(|k| k.wikidata.as_deref()),
                kb.and_then(|k| k.geonames).map(|g| g as i64),
                kb.and_then(|k| k.rasd.as_deref()),
                geo.and_then(|g| g.feature.as_deref()),
                id
            ])?;
        }
        cache.insert(key.to_string(), (id, known | gives));
        return Ok(id);
    }
    tx.prepare_cached(
        "INSERT INTO entities(key, type, name, folded, name_en, country, subtype, lat, lon, geo_country,
             sector, wikidata, geonames, kb_rasd, geo_feature)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        key,
        e.etype.as_str(),
        e.name,
        folded,
        e.name_en,
        e.country,
        e.subtype,
        geo.map(|g| g.lat),
        geo.map(|g| g.lon),
        geo.and_then(|g| g.country.as_deref()),
        e.sector,
        kb.and_then(|k| k.wikidata.as_deref()),
        kb.and_then(|k| k.geonames).map(|g| g as i64),
        kb.and_then(|k| k.rasd.as_deref()),
        geo.and_then(|g| g.feature.as_deref()),
    ])?;
    let id = tx.last_insert_rowid();
    cache.insert(key.to_string(), (id, gives));
    Ok(id)
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
                        json!({"country": "LBY", "sector": "MIL", "kb": {"wikidata": "Q1"}}),
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
        // What the records give is carried into the corpus entity, whichever document gave it.
        assert_eq!(haftar.sector.as_deref(), Some("MIL"));
        assert_eq!(haftar.country.as_deref(), Some("LBY"));
        assert_eq!(haftar.kb.wikidata.as_deref(), Some("Q1"));
        let v = serde_json::to_value(haftar).unwrap();
        assert_eq!(v["kb"]["wikidata"], "Q1");
        assert_eq!(v["sector"], "MIL");
        let places = s.entities(Some("LOC"), None, 10).unwrap();
        let benghazi = places.iter().find(|e| e.name == "بنغازي").unwrap();
        assert_eq!(benghazi.subtype.as_deref(), Some("city"));
        assert_eq!(benghazi.geo_country.as_deref(), Some("LY"));
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
        // Two reports of one event fuse whichever is stored first.
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
    fn fused_events_carry_acled_types_also_for_rows_stored_before_schema_3() {
        let mut s = Store::open_in_memory().unwrap();
        s.ingest(&corpus()).unwrap();
        let stored = s.events(&EventFilter::default()).unwrap();
        let fused = stored.iter().find(|e| e.n_reports == 2).unwrap();
        // Assaults with no mode on a recipient of no civilian sector.
        assert_eq!(
            (
                fused.acled_event_type.as_str(),
                fused.acled_sub_event_type.as_str()
            ),
            ("Battles", "Armed clash")
        );
        assert!(fused
            .reports
            .iter()
            .all(|r| r.acled_event_type == "Battles"));
        // Rows of an older store have no stored mapping: it is derived at read time, with
        // the recipients' corpus sectors deciding «civilian».
        s.connection()
            .execute_batch(
                "UPDATE events SET acled_type = NULL, acled_sub = NULL;
                 UPDATE entities SET sector = 'CVL' WHERE key = 'wd:Q1';",
            )
            .unwrap();
        let old = s.events(&EventFilter::default()).unwrap();
        let f = old.iter().find(|e| e.n_reports == 2).unwrap();
        assert_eq!(
            (f.acled_event_type.as_str(), f.acled_sub_event_type.as_str()),
            ("Violence against civilians", "Attack")
        );
    }

    #[test]
    fn a_reopened_store_fills_in_entity_fields_from_later_records() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("s.db");
        let ent_of = |extra| ent("E1", "ORG", "الجيش الليبي", extra);
        {
            let mut s = Store::open(&p).unwrap();
            let r = record(
                "a",
                "x.com",
                "2014-06-04",
                &article(1, ""),
                vec![ent_of(json!({}))],
                vec![],
            );
            s.ingest(&[r]).unwrap();
        }
        // A new process: nothing cached, the stored row says which fields it lacks.
        let mut s = Store::open(&p).unwrap();
        let r = record(
            "b",
            "y.com",
            "2014-06-05",
            &article(2, ""),
            vec![ent_of(json!({"sector": "MIL", "name_en": "Libyan Army"}))],
            vec![],
        );
        s.ingest(&[r]).unwrap();
        let r = record(
            "c",
            "y.com",
            "2014-06-06",
            &article(3, ""),
            vec![ent_of(json!({"sector": "GOV"}))],
            vec![],
        );
        s.ingest(&[r]).unwrap();
        let e = s.entities(Some("ORG"), None, 5).unwrap();
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].documents, 3);
        assert_eq!(e[0].sector.as_deref(), Some("MIL"), "the first value stays");
        assert_eq!(e[0].name_en.as_deref(), Some("Libyan Army"));
        assert!(s.check().unwrap().problems.is_empty());
    }

    #[test]
    fn non_calendar_event_dates_fall_back_to_publication_and_miss_date_filters() {
        let mut s = Store::open_in_memory().unwrap();
        let r = record(
            "p1",
            "x.com",
            "2015-07-21",
            &article(4, ""),
            vec![],
            vec![
                event("V1", "ASSAULT", None, None, None, "PXY", None, "asserted"),
                event(
                    "V2",
                    "PROTEST",
                    None,
                    None,
                    None,
                    "2015-07-20",
                    None,
                    "asserted",
                ),
            ],
        );
        s.ingest(std::slice::from_ref(&r)).unwrap();
        let all = s.events(&EventFilter::default()).unwrap();
        // The one with no calendar date is dated by its document (and sorts by that date).
        let dates: Vec<Option<&str>> = all.iter().map(|e| e.date.as_deref()).collect();
        assert_eq!(dates, vec![Some("2015-07-21"), Some("2015-07-20")]);
        let from = s
            .events(&EventFilter {
                from: Some("2015-07-01".into()),
                ..Default::default()
            })
            .unwrap();
        assert_eq!(from.len(), 1, "PXY is no date after 2015-07-01");
        // The same date as the per-document CSV.
        let want = rasd_events::export::csv_row(&r, &r.events[0]);
        let f = all.iter().find(|e| e.etype == "ASSAULT").unwrap();
        assert_eq!(crate::csv_row(f)[1], want[1]);
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
