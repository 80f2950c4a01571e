//! Cross-document event fusion.
//!
//! Two per-document events are reports of one real event when they have the same PLOVER
//! type, share an actor or recipient (the same corpus entity in either role), their dates
//! are known to the day and at most [`DAY_WINDOW`] days apart, and their places do not
//! disagree: same location entity, or both geocoded within [`MAX_KM`] km, or one of them
//! has no place. Events of the same document are never compared with each other (the
//! extractor already merges mentions within a document).
//!
//! Fusion is **incremental**: each new event is compared with the stored events of the
//! same type in its date window (an index lookup), and the clusters of every match are
//! merged into one (the cluster id is the smallest event rowid in it). Merging every
//! matching cluster makes clusters the connected components of the "same event" relation,
//! which do not depend on ingest order, so a resumed or repeated ingest gives the same
//! clusters as a single run, and queries never wait for a recompute pass.

use crate::ingest::PreparedEvent;
use crate::{Result, Store};
use rasd_doc::record::EventRec;
use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet, HashMap};

/// Largest date difference between reports of one event, in days.
pub const DAY_WINDOW: i64 = 2;
/// Largest distance between the places of reports of one event, in km.
pub const MAX_KM: f64 = 50.0;

/// Great-circle distance in km.
pub fn haversine_km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = (lat2 - lat1).to_radians();
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    2.0 * 6371.0 * a.sqrt().min(1.0).asin()
}

struct Place {
    entity: Option<i64>,
    lat: Option<f64>,
    lon: Option<f64>,
}

fn places_agree(a: &Place, b: &Place) -> bool {
    match (a.entity, b.entity) {
        (None, _) | (_, None) => return true,
        (Some(x), Some(y)) if x == y => return true,
        _ => {}
    }
    match (a.lat, a.lon, b.lat, b.lon) {
        (Some(la), Some(lo), Some(lb), Some(lob)) => haversine_km(la, lo, lb, lob) <= MAX_KM,
        _ => false,
    }
}

/// Stores one event of document `doc` and fuses it with matching stored events.
pub(crate) fn insert_event(
    tx: &Transaction<'_>,
    doc: i64,
    ev: &EventRec,
    pe: &PreparedEvent,
    local: &HashMap<&str, i64>,
) -> Result<()> {
    let day = pe.day;
    let ent =
        |a: &rasd_doc::record::ArgRec| a.entity.as_deref().and_then(|e| local.get(e).copied());
    let loc_entity = ev.location.iter().find_map(ent);
    let (lat, lon, country): (Option<f64>, Option<f64>, Option<String>) = match loc_entity {
        Some(id) => tx
            .prepare_cached(
                "SELECT lat, lon, coalesce(country, geo_country) FROM entities WHERE rowid = ?",
            )?
            .query_row([id], |row| Ok((row.get(0)?, row.get(1)?, row.get(2)?)))?,
        None => (None, None, None),
    };
    // A new event starts as its own cluster: its rowid is chosen here (the next one, as
    // SQLite would) so the row is written once, with its cluster.
    let id: i64 = tx
        .prepare_cached("SELECT coalesce(max(rowid), 0) + 1 FROM events")?
        .query_row([], |r| r.get(0))?;
    tx.prepare_cached(
        "INSERT INTO events(rowid, doc, local_id, type, mode, date, day, stance, dead, injured, arrested,
             troops, loc_entity, lat, lon, country, cluster, json, acled_type, acled_sub)
         VALUES (?1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?1, ?, ?, ?)",
    )?
    .execute(params![
        id,
        doc,
        ev.id,
        ev.etype.as_str(),
        ev.mode,
        pe.date,
        day,
        ev.attribution.stance.as_str(),
        ev.size.dead,
        ev.size.injured,
        ev.size.arrested,
        ev.size.troops,
        loc_entity,
        lat,
        lon,
        country,
        pe.json,
        pe.acled_type,
        pe.acled_sub
    ])?;
    let mut parts: BTreeSet<i64> = BTreeSet::new();
    {
        let mut st = tx.prepare_cached(
            "INSERT OR IGNORE INTO event_args(event, role, entity) VALUES (?, ?, ?)",
        )?;
        for (role, args) in [
            ("actor", &ev.actor),
            ("recipient", &ev.recipient),
            ("location", &ev.location),
        ] {
            for e in args.iter().filter_map(ent) {
                st.execute(params![id, role, e])?;
                if role != "location" {
                    parts.insert(e);
                }
            }
        }
    }
    let Some(day) = day else { return Ok(()) };
    if parts.is_empty() {
        return Ok(());
    }
    let me = Place {
        entity: loc_entity,
        lat,
        lon,
    };
    // Candidates come from the fusion keys (entity, type, day) of the stored events: only
    // events sharing an actor or recipient, of the same type, in the date window, are
    // read — an index range per participant, whatever the size of the corpus.
    let etype = ev.etype.as_str();
    let mut clusters: BTreeSet<i64> = BTreeSet::new();
    let mut seen: BTreeSet<i64> = BTreeSet::new();
    let mut cand = tx.prepare_cached(
        "SELECT e.rowid, e.cluster, e.loc_entity, e.lat, e.lon
         FROM event_keys k JOIN events e ON e.rowid = k.event
         WHERE k.entity = ? AND k.type = ? AND k.day BETWEEN ? AND ? AND e.doc != ?",
    )?;
    for p in &parts {
        let rows = cand.query_map(
            params![p, etype, day - DAY_WINDOW, day + DAY_WINDOW, doc],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    row.get::<_, i64>(1)?,
                    Place {
                        entity: row.get(2)?,
                        lat: row.get(3)?,
                        lon: row.get(4)?,
                    },
                ))
            },
        )?;
        for row in rows {
            let (other, cluster, place) = row?;
            if !seen.insert(other) || clusters.contains(&cluster) {
                continue;
            }
            if places_agree(&me, &place) {
                clusters.insert(cluster);
            }
        }
    }
    let mut keys = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_keys(entity, type, day, event) VALUES (?, ?, ?, ?)",
    )?;
    for p in &parts {
        keys.execute(params![p, etype, day, id])?;
    }
    if clusters.is_empty() {
        return Ok(());
    }
    clusters.insert(id);
    let root = clusters.iter().next().copied().unwrap_or(id);
    let mut merge = tx.prepare_cached("UPDATE events SET cluster = ? WHERE cluster = ?")?;
    for c in clusters.iter().filter(|&&c| c != root) {
        merge.execute(params![root, c])?;
    }
    Ok(())
}

/// The range and every reported value of one size figure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Range {
    /// Smallest reported value.
    pub min: f64,
    /// Largest reported value.
    pub max: f64,
    /// Every reported value, one per report that gives one, ascending.
    pub values: Vec<f64>,
}

/// One report (per-document event) of a fused event.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    /// Document id.
    pub doc: String,
    /// Event id within the document (`V1`).
    pub event: String,
    /// Outlet of the document.
    pub outlet: Option<String>,
    /// Publication date of the document.
    pub published: Option<String>,
    /// URL of the document.
    pub url: Option<String>,
    /// Stance of this report.
    pub stance: String,
    /// Date the report gives.
    pub date: Option<String>,
    /// PLOVER mode of this report.
    pub mode: Option<String>,
    /// Trigger words.
    pub trigger: String,
    /// ACLED event type of this report (the events crate's PLOVER→ACLED mapping).
    pub acled_event_type: String,
    /// ACLED sub-event type of this report.
    pub acled_sub_event_type: String,
    /// Who attributes it, as written.
    pub by: Option<String>,
    /// Size figures of this report.
    pub size: rasd_doc::layers::Size,
    /// Parties disputing it in this report.
    pub disputed_by: Vec<String>,
}

/// A participant of a fused event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Participant {
    /// Corpus entity number.
    pub entity: i64,
    /// Display name.
    pub name: String,
    /// English name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name_en: Option<String>,
    /// Affiliation.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// PLOVER/CAMEO sector, as the records give it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub sector: Option<String>,
}

/// The place of a fused event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Location {
    /// Corpus entity number.
    pub entity: i64,
    /// Name.
    pub name: String,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// Country code.
    pub country: Option<String>,
    /// Subtype (country, city …) as a precision hint.
    pub subtype: Option<String>,
}

/// A fused event: every report of one real event across documents.
#[derive(Clone, Debug, Serialize)]
pub struct FusedEvent {
    /// `F` + cluster number.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub etype: String,
    /// ACLED event type: the one most reports map to (the earliest report on a tie).
    pub acled_event_type: String,
    /// ACLED sub-event type, from the same report as `acled_event_type`.
    pub acled_sub_event_type: String,
    /// Modes reported.
    pub modes: Vec<String>,
    /// Earliest reported day (`YYYY-MM-DD`; a report whose date is not a calendar value,
    /// or was inferred, counts with its document's publication date, as the per-document
    /// exports do).
    pub date: Option<String>,
    /// Latest reported day (equal to `date` when reports agree).
    pub date_end: Option<String>,
    /// Actors across reports.
    pub actors: Vec<Participant>,
    /// Recipients across reports.
    pub recipients: Vec<Participant>,
    /// Places across reports, most reported first.
    pub locations: Vec<Location>,
    /// Per figure (dead, injured, arrested, troops): range and values.
    pub size: BTreeMap<String, Range>,
    /// Distinct stances across reports (conflicts kept).
    pub stances: Vec<String>,
    /// Number of reports.
    pub n_reports: usize,
    /// Number of distinct outlets (documents without an outlet count as their own source).
    pub n_sources: usize,
    /// The reports.
    pub reports: Vec<Report>,
}

pub(crate) struct Row {
    pub cluster: i64,
    pub rowid: i64,
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub ev: EventRec,
    /// The stored ACLED (type, sub-type); `None` for events stored before schema 3.
    pub acled: Option<(String, String)>,
}

/// The calendar day a report gives for export, as the per-document CSV/PLOVER exports date
/// an event: its own date when it is a stated calendar value (first 10 characters), else
/// its document's publication date.
fn report_day(r: &Row) -> Option<String> {
    match &r.ev.date {
        Some(d) if !d.inferred && d.value.starts_with(|c: char| c.is_ascii_digit()) => {
            Some(d.value.chars().take(10).collect())
        }
        _ => r.published.clone(),
    }
}

/// Recipient sectors the events crate counts as a civilian target (its module docs).
const CIVILIAN_SECTORS: [&str; 7] = ["CVL", "JRN", "EDU", "LAB", "REF", "MED", "REL"];

/// The ACLED (type, sub-type) of a stored report: as stored at ingest, else (stores from
/// before schema 3) mapped from its type, mode and its recipients' corpus sectors.
fn report_acled(r: &Row, recipients: &[&Participant]) -> (String, String) {
    if let Some(a) = &r.acled {
        return a.clone();
    }
    let civilian = !recipients.is_empty()
        && recipients.iter().all(|p| {
            p.sector
                .as_deref()
                .is_some_and(|s| CIVILIAN_SECTORS.contains(&s))
        });
    let (t, st) = rasd_events::export::acled_type(r.ev.etype, r.ev.mode.as_deref(), civilian);
    (t.to_string(), st.to_string())
}

/// Builds fused events from event rows sorted by cluster, with participants by event.
pub(crate) fn build(
    rows: Vec<Row>,
    args: &HashMap<i64, Vec<(String, Participant)>>,
    places: &HashMap<i64, Location>,
    loc_of: &HashMap<i64, i64>,
) -> Vec<FusedEvent> {
    let mut out: Vec<FusedEvent> = Vec::new();
    let mut groups: BTreeMap<i64, Vec<Row>> = BTreeMap::new();
    for r in rows {
        groups.entry(r.cluster).or_default().push(r);
    }
    for (cluster, rows) in groups {
        let Some(first) = rows.first() else { continue };
        let etype = first.ev.etype.as_str().to_string();
        let mut modes = BTreeSet::new();
        let mut dates = BTreeSet::new();
        let mut actors: Vec<Participant> = Vec::new();
        let mut recipients: Vec<Participant> = Vec::new();
        let mut loc_count: BTreeMap<i64, usize> = BTreeMap::new();
        let mut size: BTreeMap<String, Vec<f64>> = BTreeMap::new();
        let mut stances: Vec<String> = Vec::new();
        let mut sources = BTreeSet::new();
        let mut reports = Vec::new();
        let mut acled: Vec<((String, String), usize)> = Vec::new();
        for r in &rows {
            if let Some(m) = &r.ev.mode {
                modes.insert(m.clone());
            }
            if let Some(d) = report_day(r) {
                dates.insert(d);
            }
            for (role, p) in args.get(&r.rowid).map(Vec::as_slice).unwrap_or(&[]) {
                let list = match role.as_str() {
                    "actor" => &mut actors,
                    "recipient" => &mut recipients,
                    _ => continue,
                };
                if !list.iter().any(|x| x.entity == p.entity) {
                    list.push(p.clone());
                }
            }
            if let Some(l) = loc_of.get(&r.rowid) {
                *loc_count.entry(*l).or_default() += 1;
            }
            let s = &r.ev.size;
            for (k, v) in [
                ("dead", s.dead),
                ("injured", s.injured),
                ("arrested", s.arrested),
                ("troops", s.troops),
            ] {
                if let Some(v) = v {
                    size.entry(k.to_string()).or_default().push(v);
                }
            }
            let stance = r.ev.attribution.stance.as_str().to_string();
            if !stances.contains(&stance) {
                stances.push(stance.clone());
            }
            sources.insert(r.outlet.clone().unwrap_or_else(|| format!("doc:{}", r.doc)));
            let recips: Vec<&Participant> = args
                .get(&r.rowid)
                .map(Vec::as_slice)
                .unwrap_or(&[])
                .iter()
                .filter(|(role, _)| role == "recipient")
                .map(|(_, p)| p)
                .collect();
            let (acled_event_type, acled_sub_event_type) = report_acled(r, &recips);
            let key = (acled_event_type.clone(), acled_sub_event_type.clone());
            match acled.iter_mut().find(|(k, _)| *k == key) {
                Some((_, n)) => *n += 1,
                None => acled.push((key, 1)),
            }
            reports.push(Report {
                doc: r.doc.clone(),
                event: r.ev.id.clone(),
                outlet: r.outlet.clone(),
                published: r.published.clone(),
                url: r.url.clone(),
                stance,
                date: r.ev.date.as_ref().map(|d| d.value.clone()),
                mode: r.ev.mode.clone(),
                trigger: r.ev.trigger.text.clone(),
                acled_event_type,
                acled_sub_event_type,
                by: r.ev.attribution.by.as_ref().map(|b| b.text.clone()),
                size: r.ev.size.clone(),
                disputed_by: r.ev.disputed_by.iter().map(|d| d.text.clone()).collect(),
            });
        }
        let mut locs: Vec<(i64, usize)> = loc_count.into_iter().collect();
        locs.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let size = size
            .into_iter()
            .map(|(k, mut v)| {
                v.sort_by(f64::total_cmp);
                let min = v.first().copied().unwrap_or(0.0);
                let max = v.last().copied().unwrap_or(0.0);
                (
                    k,
                    Range {
                        min,
                        max,
                        values: v,
                    },
                )
            })
            .collect();
        // Most reports win; `max_by_key` keeps the last maximum, so scan reversed to
        // prefer the earliest report's mapping on a tie.
        let (acled_event_type, acled_sub_event_type) = acled
            .iter()
            .rev()
            .max_by_key(|(_, n)| *n)
            .map(|(k, _)| k.clone())
            .unwrap_or_default();
        out.push(FusedEvent {
            id: format!("F{cluster}"),
            etype,
            acled_event_type,
            acled_sub_event_type,
            modes: modes.into_iter().collect(),
            date: dates.iter().next().cloned(),
            date_end: dates.iter().next_back().cloned(),
            actors,
            recipients,
            locations: locs
                .into_iter()
                .filter_map(|(e, _)| places.get(&e).cloned())
                .collect(),
            size,
            stances,
            n_reports: reports.len(),
            n_sources: sources.len(),
            reports,
        });
    }
    out
}

impl Store {
    /// Number of fused clusters with more than one report.
    pub fn fused_clusters(&self) -> Result<i64> {
        Ok(self.conn.query_row(
            "SELECT count(*) FROM (SELECT cluster FROM events GROUP BY cluster HAVING count(*) > 1)",
            [],
            |r| r.get(0),
        )?)
    }

    /// The cluster of a stored event (tests, debugging).
    pub fn cluster_of(&self, doc: &str, event: &str) -> Result<Option<i64>> {
        Ok(self
            .conn
            .query_row(
                "SELECT e.cluster FROM events e JOIN docs d ON d.rowid = e.doc WHERE d.id = ? AND e.local_id = ?",
                params![doc, event],
                |r| r.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances() {
        // Benghazi – Tripoli ≈ 645 km; two points 0.2° apart ≈ 22 km.
        let d = haversine_km(32.12, 20.09, 32.89, 13.19);
        assert!((600.0..700.0).contains(&d), "{d}");
        assert!(haversine_km(32.0, 20.0, 32.2, 20.0) < MAX_KM);
    }

    #[test]
    fn place_rules() {
        let p = |e: Option<i64>, lat: Option<f64>, lon: Option<f64>| Place {
            entity: e,
            lat,
            lon,
        };
        assert!(places_agree(&p(None, None, None), &p(Some(1), None, None)));
        assert!(places_agree(
            &p(Some(1), None, None),
            &p(Some(1), None, None)
        ));
        assert!(!places_agree(
            &p(Some(1), None, None),
            &p(Some(2), None, None)
        ));
        assert!(places_agree(
            &p(Some(1), Some(32.0), Some(20.0)),
            &p(Some(2), Some(32.1), Some(20.1))
        ));
        assert!(!places_agree(
            &p(Some(1), Some(32.0), Some(20.0)),
            &p(Some(2), Some(32.9), Some(13.2))
        ));
    }
}
