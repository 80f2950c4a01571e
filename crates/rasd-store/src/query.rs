//! Queries: fused events with filters, corpus entities, statistics and the consistency check.

use crate::fusion::{self, FusedEvent, Location, Participant, Role, Row, StoredEvent};
use crate::{Error, Result, Store};
use rusqlite::{params_from_iter, types::Value};
use serde::Serialize;
use std::collections::HashMap;

/// Filters of `rasd events`; a fused event matches when any of its reports matches.
#[derive(Clone, Debug, Default)]
pub struct EventFilter {
    /// PLOVER type.
    pub event_type: Option<String>,
    /// Actor or recipient name: contained in the folded Arabic name, or equal to the English name.
    pub actor: Option<String>,
    /// Country of the place (ISO alpha-2 or alpha-3 as the record has it).
    pub country: Option<String>,
    /// Event date on or after.
    pub from: Option<String>,
    /// Event date on or before.
    pub to: Option<String>,
    /// Bounding box: min lon, min lat, max lon, max lat.
    pub bbox: Option<[f64; 4]>,
    /// At least this many dead in some report.
    pub min_dead: Option<f64>,
    /// At most this many fused events (most recent first); 0 = all.
    pub limit: usize,
}

/// A corpus entity with its document count and co-occurring actors.
#[derive(Clone, Debug, Serialize)]
pub struct EntityRow {
    /// Corpus entity number.
    pub entity: i64,
    /// Corpus key (knowledge-base id or name key).
    pub key: String,
    /// PER | ORG | LOC | MISC.
    #[serde(rename = "type")]
    pub etype: String,
    /// Name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Affiliation.
    pub country: Option<String>,
    /// Finer class (city, country, minister …) as the records give it.
    pub subtype: Option<String>,
    /// PLOVER/CAMEO sector as the records give it (GOV, MIL, CVL …).
    pub sector: Option<String>,
    /// Knowledge-base identifiers the records give (Wikidata, GeoNames, rasd's own key).
    pub kb: rasd_doc::layers::KbIds,
    /// Country of the place (ISO alpha-2, geocoded places only).
    pub geo_country: Option<String>,
    /// Latitude (geocoded places only).
    pub lat: Option<f64>,
    /// Longitude (geocoded places only).
    pub lon: Option<f64>,
    /// GeoNames-style feature code (geocoded places only).
    pub geo_feature: Option<String>,
    /// Documents mentioning it.
    pub documents: i64,
    /// Events in which it is actor or recipient.
    pub events: i64,
    /// Entities most often actor/recipient of the same events, else in the same documents.
    pub co_occurring: Vec<(String, i64)>,
}

/// Corpus statistics.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    /// Documents stored (duplicates included).
    pub documents: i64,
    /// Documents that duplicate an earlier one (exact or near).
    pub duplicates: i64,
    /// Of those, exact copies.
    pub exact_duplicates: i64,
    /// Of those, near copies.
    pub near_duplicates: i64,
    /// Groups of duplicates (originals with at least one copy).
    pub duplicate_groups: i64,
    /// Corpus entities.
    pub entities: i64,
    /// Per-document events.
    pub events: i64,
    /// Fused events (clusters, singletons included).
    pub event_clusters: i64,
    /// Clusters with more than one report.
    pub fused_events: i64,
    /// Schema version.
    pub schema_version: i64,
}

/// Outcome of the consistency check: problems found (empty = healthy).
#[derive(Clone, Debug, Default, Serialize)]
pub struct Check {
    /// Descriptions of problems.
    pub problems: Vec<String>,
}

fn count(store: &Store, sql: &str) -> Result<i64> {
    Ok(store.conn.query_row(sql, [], |r| r.get(0))?)
}

/// The `WHERE` conditions (over `events e`) and their parameters for an event filter.
pub(crate) fn event_where(f: &EventFilter) -> Result<(Vec<String>, Vec<Value>)> {
    let mut cond = vec!["1".to_string()];
    let mut args: Vec<Value> = Vec::new();
    if let Some(t) = &f.event_type {
        cond.push("e.type = ?".into());
        args.push(Value::Text(t.to_ascii_uppercase()));
    }
    // Only calendar values compare with a date bound (`PXY`, `PRESENT_REF` … sort after
    // digits and would pass any `--from`).
    if let Some(v) = &f.from {
        cond.push("e.date GLOB '[0-9]*' AND e.date >= ?".into());
        args.push(Value::Text(v.clone()));
    }
    if let Some(v) = &f.to {
        cond.push("e.date GLOB '[0-9]*' AND substr(e.date, 1, 10) <= ?".into());
        args.push(Value::Text(v.clone()));
    }
    if let Some(c) = &f.country {
        cond.push("upper(e.country) = upper(?)".into());
        args.push(Value::Text(c.clone()));
    }
    if let Some([x0, y0, x1, y1]) = f.bbox {
        if x0 > x1 || y0 > y1 {
            return Err(Error::Invalid(
                "--bbox is minlon,minlat,maxlon,maxlat".into(),
            ));
        }
        cond.push("e.lon BETWEEN ? AND ? AND e.lat BETWEEN ? AND ?".into());
        args.extend([x0, x1, y0, y1].map(Value::Real));
    }
    if let Some(d) = f.min_dead {
        cond.push("e.dead >= ?".into());
        args.push(Value::Real(d));
    }
    if let Some(a) = &f.actor {
        cond.push(
            "EXISTS (SELECT 1 FROM event_args a JOIN entities n ON n.rowid = a.entity
              WHERE a.event = e.rowid AND a.role IN ('actor', 'recipient')
              AND (instr(n.folded, ?) > 0 OR lower(n.name_en) = lower(?) OR n.key = ?))"
                .into(),
        );
        args.push(Value::Text(rasd_text::fold(a)));
        args.push(Value::Text(a.clone()));
        args.push(Value::Text(a.clone()));
    }
    Ok((cond, args))
}

impl Store {
    /// Corpus statistics.
    pub fn stats(&self) -> Result<Stats> {
        Ok(Stats {
            documents: count(self, "SELECT count(*) FROM docs")?,
            duplicates: count(self, "SELECT count(*) FROM docs WHERE dup_of IS NOT NULL")?,
            exact_duplicates: count(self, "SELECT count(*) FROM docs WHERE dup_kind = 'exact'")?,
            near_duplicates: count(self, "SELECT count(*) FROM docs WHERE dup_kind = 'near'")?,
            duplicate_groups: count(self, "SELECT count(DISTINCT dup_of) FROM docs")?,
            entities: count(self, "SELECT count(*) FROM entities")?,
            events: count(self, "SELECT count(*) FROM events")?,
            event_clusters: count(self, "SELECT count(DISTINCT cluster) FROM events")?,
            fused_events: self.fused_clusters()?,
            schema_version: crate::schema::version(&self.conn)?,
        })
    }

    /// `PRAGMA integrity_check`, the FTS index check, and the store's own invariants.
    pub fn check(&self) -> Result<Check> {
        let mut problems = Vec::new();
        {
            let mut st = self.conn.prepare("PRAGMA integrity_check")?;
            let rows = st.query_map([], |r| r.get::<_, String>(0))?;
            for r in rows {
                let r = r?;
                if r != "ok" {
                    problems.push(format!("integrity_check: {r}"));
                }
            }
        }
        if let Err(e) = self.conn.execute(
            "INSERT INTO doc_fts(doc_fts, rank) VALUES ('integrity-check', 1)",
            [],
        ) {
            problems.push(format!("full-text index: {e}"));
        }
        let checks: &[(&str, &str)] = &[
            ("documents without a full-text row",
             "SELECT count(*) FROM docs d WHERE NOT EXISTS (SELECT 1 FROM doc_fts f WHERE f.rowid = d.rowid)"),
            ("full-text rows without a document",
             "SELECT count(*) FROM doc_fts f WHERE NOT EXISTS (SELECT 1 FROM docs d WHERE d.rowid = f.rowid)"),
            ("duplicates pointing at a missing or non-original document",
             "SELECT count(*) FROM docs d WHERE d.dup_of IS NOT NULL AND NOT EXISTS
                (SELECT 1 FROM docs o WHERE o.rowid = d.dup_of AND o.dup_of IS NULL AND o.rowid < d.rowid)"),
            ("stored records that do not parse as JSON",
             "SELECT count(*) FROM docs WHERE json_valid(record) = 0"),
            ("documents whose entity rows differ from their record",
             "SELECT count(*) FROM docs d WHERE json_array_length(d.record, '$.entities') !=
                (SELECT count(*) FROM doc_entities de WHERE de.doc = d.rowid)"),
            ("documents whose event rows differ from their record",
             "SELECT count(*) FROM docs d WHERE json_array_length(d.record, '$.events') !=
                (SELECT count(*) FROM events e WHERE e.doc = d.rowid)"),
            ("entity rows of missing documents or entities",
             "SELECT count(*) FROM doc_entities de WHERE NOT EXISTS (SELECT 1 FROM docs d WHERE d.rowid = de.doc)
                OR NOT EXISTS (SELECT 1 FROM entities e WHERE e.rowid = de.entity)"),
            ("events whose cluster root is missing or not its own root",
             "SELECT count(*) FROM events e WHERE NOT EXISTS
                (SELECT 1 FROM events r WHERE r.rowid = e.cluster AND r.cluster = r.rowid AND r.rowid <= e.rowid)"),
            ("clusters mixing event types",
             "SELECT count(*) FROM (SELECT cluster FROM events GROUP BY cluster HAVING count(DISTINCT type) > 1)"),
            ("dated events with an actor or recipient missing from the fusion keys",
             "SELECT count(*) FROM event_args a JOIN events e ON e.rowid = a.event
              WHERE a.role IN ('actor', 'recipient') AND e.day IS NOT NULL AND NOT EXISTS
                (SELECT 1 FROM event_keys k WHERE k.entity = a.entity AND k.type = e.type
                 AND k.day = e.day AND k.event = e.rowid)"),
            ("fusion keys of missing events",
             "SELECT count(*) FROM event_keys k WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.rowid = k.event)"),
            ("event arguments of missing events or entities",
             "SELECT count(*) FROM event_args a WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.rowid = a.event)
                OR NOT EXISTS (SELECT 1 FROM entities n WHERE n.rowid = a.entity)"),
        ];
        for (what, sql) in checks {
            let n = count(self, sql)?;
            if n > 0 {
                problems.push(format!("{n} {what}"));
            }
        }
        Ok(Check { problems })
    }

    /// Fused events matching the filter, most recent first.
    pub fn events(&self, f: &EventFilter) -> Result<Vec<FusedEvent>> {
        let (cond, mut args) = event_where(f)?;
        let limit = if f.limit == 0 {
            i64::MAX
        } else {
            f.limit as i64
        };
        args.push(Value::Integer(limit));
        let sel = format!(
            "SELECT cluster FROM events e WHERE {} GROUP BY cluster
             ORDER BY max(CASE WHEN e.date GLOB '[0-9]*' THEN e.date END) DESC, cluster DESC LIMIT ?",
            cond.join(" AND ")
        );
        let ids: Vec<i64> = self
            .conn
            .prepare(&sel)?
            .query_map(params_from_iter(args.iter()), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        let mut out = self.load_clusters(&ids)?;
        out.sort_by(|a, b| b.date_end.cmp(&a.date_end).then(b.id.cmp(&a.id)));
        Ok(out)
    }

    /// Builds the fused events of the given clusters (in cluster order). Reads only: the
    /// cluster list is passed as a JSON array, so no temporary table is written.
    ///
    /// Three reads: the reports with their documents, the (event, role, entity) links, and
    /// each distinct entity once — a large result (thousands of reports) shares a few
    /// hundred participants, so they are read and built once, not once per report.
    pub(crate) fn load_clusters(&self, ids: &[i64]) -> Result<Vec<FusedEvent>> {
        if ids.is_empty() {
            return Ok(Vec::new());
        }
        let sel = serde_json::to_string(ids)?;
        let mut rows = Vec::new();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT e.cluster, e.rowid, d.id, d.outlet, d.published, d.url, e.json, e.loc_entity,
                        e.acled_type, e.acled_sub
                 FROM events e JOIN docs d ON d.rowid = e.doc
                 WHERE e.cluster IN (SELECT value FROM json_each(?1))
                 ORDER BY e.cluster, e.rowid",
            )?;
            let mut it = st.query([&sel])?;
            while let Some(r) = it.next()? {
                let ev: StoredEvent =
                    serde_json::from_str(r.get_ref(6)?.as_str().map_err(rusqlite::Error::from)?)?;
                rows.push(Row {
                    cluster: r.get(0)?,
                    rowid: r.get(1)?,
                    doc: r.get(2)?,
                    outlet: r.get(3)?,
                    published: r.get(4)?,
                    url: r.get(5)?,
                    ev,
                    location: r.get(7)?,
                    acled: r.get::<_, Option<String>>(8)?.zip(r.get(9)?),
                });
            }
        }
        let mut links: HashMap<i64, Vec<(Role, i64)>> = HashMap::new();
        let mut people: Vec<i64> = Vec::new();
        let mut places: Vec<i64> = rows.iter().filter_map(|r| r.location).collect();
        {
            let mut st = self.conn.prepare_cached(
                "SELECT a.event, a.role, a.entity
                 FROM events e JOIN event_args a ON a.event = e.rowid
                 WHERE e.cluster IN (SELECT value FROM json_each(?1)) AND a.role != 'location'",
            )?;
            let mut it = st.query([&sel])?;
            while let Some(r) = it.next()? {
                let role = match r.get_ref(1)?.as_str().map_err(rusqlite::Error::from)? {
                    "actor" => Role::Actor,
                    "recipient" => Role::Recipient,
                    _ => continue,
                };
                let entity: i64 = r.get(2)?;
                people.push(entity);
                links.entry(r.get(0)?).or_default().push((role, entity));
            }
        }
        people.sort_unstable();
        people.dedup();
        places.sort_unstable();
        places.dedup();
        let mut participants: HashMap<i64, Participant> = HashMap::with_capacity(people.len());
        let mut locations: HashMap<i64, Location> = HashMap::with_capacity(places.len());
        let mut wanted = [people.as_slice(), places.as_slice()].concat();
        wanted.sort_unstable();
        wanted.dedup();
        let mut st = self.conn.prepare_cached(
            "SELECT rowid, name, name_en, country, sector, lat, lon,
                    coalesce(geo_country, country), subtype
             FROM entities WHERE rowid IN (SELECT value FROM json_each(?1))",
        )?;
        let mut it = st.query([serde_json::to_string(&wanted)?])?;
        while let Some(r) = it.next()? {
            let entity: i64 = r.get(0)?;
            let name: String = r.get(1)?;
            if places.binary_search(&entity).is_ok() {
                let loc = Location {
                    entity,
                    name: name.clone(),
                    lat: r.get(5)?,
                    lon: r.get(6)?,
                    country: r.get(7)?,
                    subtype: r.get(8)?,
                };
                locations.insert(entity, loc);
            }
            if people.binary_search(&entity).is_ok() {
                let who = Participant {
                    entity,
                    name,
                    name_en: r.get(2)?,
                    country: r.get(3)?,
                    sector: r.get(4)?,
                };
                participants.insert(entity, who);
            }
        }
        Ok(fusion::build(rows, &links, &participants, &locations))
    }

    /// Corpus entities by document count.
    pub fn entities(
        &self,
        etype: Option<&str>,
        country: Option<&str>,
        limit: usize,
    ) -> Result<Vec<EntityRow>> {
        let mut st = self.conn.prepare_cached(
            "SELECT n.rowid, n.key, n.type, n.name, n.name_en, n.country, n.subtype, n.sector,
                    n.wikidata, n.geonames, n.kb_rasd, n.geo_country, n.lat, n.lon, n.geo_feature,
                    (SELECT count(DISTINCT de.doc) FROM doc_entities de WHERE de.entity = n.rowid) AS docs,
                    (SELECT count(DISTINCT a.event) FROM event_args a WHERE a.entity = n.rowid AND a.role != 'location')
             FROM entities n
             WHERE (?1 IS NULL OR n.type = upper(?1)) AND (?2 IS NULL OR upper(n.country) = upper(?2) OR upper(n.geo_country) = upper(?2))
             ORDER BY docs DESC, n.rowid LIMIT ?3",
        )?;
        let rows: Vec<EntityRow> = st
            .query_map(
                rusqlite::params![etype, country, limit.max(1) as i64],
                |r| {
                    Ok(EntityRow {
                        entity: r.get(0)?,
                        key: r.get(1)?,
                        etype: r.get(2)?,
                        name: r.get(3)?,
                        name_en: r.get(4)?,
                        country: r.get(5)?,
                        subtype: r.get(6)?,
                        sector: r.get(7)?,
                        kb: rasd_doc::layers::KbIds {
                            wikidata: r.get(8)?,
                            geonames: r
                                .get::<_, Option<i64>>(9)?
                                .and_then(|g| u64::try_from(g).ok()),
                            rasd: r.get(10)?,
                        },
                        geo_country: r.get(11)?,
                        lat: r.get(12)?,
                        lon: r.get(13)?,
                        geo_feature: r.get(14)?,
                        documents: r.get(15)?,
                        events: r.get(16)?,
                        co_occurring: Vec::new(),
                    })
                },
            )?
            .collect::<rusqlite::Result<_>>()?;
        let mut by_event = self.conn.prepare_cached(
            "SELECT n.name, count(*) c FROM event_args a JOIN event_args o ON o.event = a.event AND o.entity != a.entity
             JOIN entities n ON n.rowid = o.entity
             WHERE a.entity = ? AND a.role != 'location' AND o.role != 'location'
             GROUP BY o.entity ORDER BY c DESC, n.rowid LIMIT 5",
        )?;
        let mut by_doc = self.conn.prepare_cached(
            "SELECT n.name, count(*) c FROM (SELECT doc FROM doc_entities WHERE entity = ?1 LIMIT 2000) d
             JOIN doc_entities o ON o.doc = d.doc AND o.entity != ?1
             JOIN entities n ON n.rowid = o.entity AND n.type IN ('PER', 'ORG')
             GROUP BY o.entity ORDER BY c DESC, n.rowid LIMIT 5",
        )?;
        let mut out = Vec::with_capacity(rows.len());
        for mut r in rows {
            let mut co: Vec<(String, i64)> = by_event
                .query_map([r.entity], |x| Ok((x.get(0)?, x.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?;
            if co.is_empty() {
                co = by_doc
                    .query_map([r.entity], |x| Ok((x.get(0)?, x.get(1)?)))?
                    .collect::<rusqlite::Result<_>>()?;
            }
            r.co_occurring = co;
            out.push(r);
        }
        Ok(out)
    }
}
