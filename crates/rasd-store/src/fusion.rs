//! Cross-document event fusion.
//!
//! Two per-document events are reports of one real event when they have the same PLOVER
//! type, share an actor or recipient (the same corpus entity in either role), their dates
//! are known to the day and at most [`DAY_WINDOW`] days apart, their places do not
//! disagree (same location entity, or both geocoded within [`MAX_KM`] km), **and** the
//! match has a second piece of evidence besides the one shared participant: either a
//! shared *specific* place (a city, district, town … — not a country or a region, which
//! every report of a war shares) or a second shared participant (the same actor *and* the
//! same recipient). Events of the same document are never compared with each other (the
//! extractor already merges mentions within a document).
//!
//! Why the second piece of evidence and the cluster bound below: a single shared
//! participant with an unknown or country-wide place is what daily reports of *different*
//! events have in common («التحالف» strikes in «اليمن» every day). Linking on it alone,
//! transitively, chained a month of a war into one «event» of 3,345 reports on the
//! SaudiNewsNet corpus.
//!
//! Fusion is **incremental**: each new event is compared with the stored events of the
//! same type in its date window (an index lookup over the fusion keys). The clusters it
//! matches are merged with it, strongest match first, as long as the merged cluster still
//! spans at most [`DAY_WINDOW`] days (complete linkage on the date), so a chain of
//! day-to-day links cannot grow a cluster without bound. The cluster id is the smallest
//! event rowid in it. Clusters depend on the order documents are stored in, which is the
//! input order: a resumed ingest skips what is stored and continues in the same order, so
//! it gives the same clusters as a single run, and queries never wait for a recompute pass.

use crate::ingest::PreparedEvent;
use crate::{Result, Store};
use rasd_doc::layers::{Plover, Size, Stance};
use rasd_doc::record::{EventDateRec, EventRec};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

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

/// Place subtypes too coarse to show that two reports are about one event.
const COARSE_PLACES: [&str; 4] = ["country", "region", "continent", "sea"];

/// Whether a place is specific enough to be evidence of one event (a known, non-coarse
/// subtype; an untyped but geocoded place counts as specific).
fn is_specific(subtype: Option<&str>) -> bool {
    !subtype.is_some_and(|s| COARSE_PLACES.contains(&s))
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

/// A stored event that shares at least one participant with a new one.
struct Candidate {
    cluster: i64,
    day: i64,
    place: Place,
    /// Its place, if any, is specific (see [`is_specific`]).
    specific: bool,
    /// How many of the new event's participants it shares.
    shared: usize,
}

/// How strongly a candidate matches the new event (`me`, with a specific place or not):
/// `None` when it is not a report of the same event (places disagree, or one shared
/// participant is the only evidence); else 2 for a shared specific place plus a shared
/// participant, 1 for two or more shared participants.
fn match_strength(me: &Place, my_specific: bool, c: &Candidate) -> Option<usize> {
    let both_placed = me.entity.is_some() && c.place.entity.is_some();
    if both_placed && !places_agree(me, &c.place) {
        return None;
    }
    if both_placed && my_specific && c.specific {
        Some(2)
    } else if c.shared >= 2 {
        Some(1)
    } else {
        None
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
    type PlaceRow = (Option<f64>, Option<f64>, Option<String>, Option<String>);
    let (lat, lon, country, loc_subtype): PlaceRow = match loc_entity {
        Some(id) => tx
            .prepare_cached(
                "SELECT lat, lon, coalesce(country, geo_country), subtype FROM entities WHERE rowid = ?",
            )?
            .query_row([id], |row| {
                Ok((row.get(0)?, row.get(1)?, row.get(2)?, row.get(3)?))
            })?,
        None => (None, None, None, None),
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
    let my_specific = is_specific(loc_subtype.as_deref());
    // Candidates come from the fusion keys (entity, type, day) of the stored events: only
    // events sharing an actor or recipient, of the same type, in the date window, are
    // read — an index range per participant, whatever the size of the corpus.
    let etype = ev.etype.as_str();
    let mut cands: BTreeMap<i64, Candidate> = BTreeMap::new();
    let mut cand = tx.prepare_cached(
        "SELECT e.rowid, e.cluster, e.day, e.loc_entity, e.lat, e.lon, n.subtype
         FROM event_keys k JOIN events e ON e.rowid = k.event
         LEFT JOIN entities n ON n.rowid = e.loc_entity
         WHERE k.entity = ? AND k.type = ? AND k.day BETWEEN ? AND ? AND e.doc != ?",
    )?;
    for p in &parts {
        let rows = cand.query_map(
            params![p, etype, day - DAY_WINDOW, day + DAY_WINDOW, doc],
            |row| {
                Ok((
                    row.get::<_, i64>(0)?,
                    Candidate {
                        cluster: row.get(1)?,
                        day: row.get(2)?,
                        place: Place {
                            entity: row.get(3)?,
                            lat: row.get(4)?,
                            lon: row.get(5)?,
                        },
                        specific: is_specific(row.get::<_, Option<String>>(6)?.as_deref()),
                        shared: 0,
                    },
                ))
            },
        )?;
        for row in rows {
            let (other, c) = row?;
            cands.entry(other).or_insert(c).shared += 1;
        }
    }
    let mut keys = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_keys(entity, type, day, event) VALUES (?, ?, ?, ?)",
    )?;
    for p in &parts {
        keys.execute(params![p, etype, day, id])?;
    }
    // The best match per cluster: (strength, closeness in days).
    let mut best: BTreeMap<i64, (usize, i64)> = BTreeMap::new();
    for c in cands.values() {
        let Some(strength) = match_strength(&me, my_specific, c) else {
            continue;
        };
        let close = -(c.day - day).abs();
        let b = best.entry(c.cluster).or_insert((strength, close));
        *b = (*b).max((strength, close));
    }
    if best.is_empty() {
        return Ok(());
    }
    let mut order: Vec<(i64, (usize, i64))> = best.into_iter().collect();
    order.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut span_of =
        tx.prepare_cached("SELECT min(day), max(day) FROM events WHERE cluster = ?")?;
    let (mut lo, mut hi) = (day, day);
    let mut merged: BTreeSet<i64> = BTreeSet::new();
    for (cluster, _) in order {
        let (clo, chi): (Option<i64>, Option<i64>) =
            span_of.query_row([cluster], |r| Ok((r.get(0)?, r.get(1)?)))?;
        let (clo, chi) = (clo.unwrap_or(day), chi.unwrap_or(day));
        if hi.max(chi) - lo.min(clo) <= DAY_WINDOW {
            lo = lo.min(clo);
            hi = hi.max(chi);
            merged.insert(cluster);
        }
    }
    if merged.is_empty() {
        return Ok(());
    }
    merged.insert(id);
    let root = merged.iter().next().copied().unwrap_or(id);
    let mut merge = tx.prepare_cached("UPDATE events SET cluster = ? WHERE cluster = ?")?;
    for c in merged.iter().filter(|&&c| c != root) {
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

/// The fields of a stored per-document event that fused events use. The stored JSON is
/// the record's whole event; parsing into this skips its argument spans, cue and
/// confidence instead of building them (a third of the read cost of a large result).
#[derive(Deserialize)]
pub(crate) struct StoredEvent {
    id: String,
    #[serde(rename = "type")]
    etype: Plover,
    mode: Option<String>,
    trigger: Text,
    date: Option<EventDateRec>,
    size: Size,
    attribution: StoredAttribution,
    #[serde(default)]
    disputed_by: Vec<Text>,
}

/// The text of a span, without its offsets.
#[derive(Deserialize)]
struct Text {
    text: String,
}

/// Stance and source of a stored event.
#[derive(Deserialize)]
struct StoredAttribution {
    stance: Stance,
    by: Option<Text>,
}

/// A participant's role in a stored event.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Actor,
    Recipient,
}

/// One stored report, as `load_clusters` reads it.
pub(crate) struct Row {
    pub cluster: i64,
    pub rowid: i64,
    pub doc: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub ev: StoredEvent,
    /// Its place (corpus entity).
    pub location: Option<i64>,
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
fn report_acled(r: &mut Row, recipients: &[&Participant]) -> (String, String) {
    if let Some(a) = r.acled.take() {
        return a;
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

/// Builds fused events from report rows sorted by cluster, with each report's
/// (role, entity) links and the participants and places by entity.
pub(crate) fn build(
    rows: Vec<Row>,
    links: &HashMap<i64, Vec<(Role, i64)>>,
    people: &HashMap<i64, Participant>,
    places: &HashMap<i64, Location>,
) -> Vec<FusedEvent> {
    let mut out: Vec<FusedEvent> = Vec::new();
    let mut rows = rows.into_iter().peekable();
    while let Some(head) = rows.next() {
        let cluster = head.cluster;
        let mut group = vec![head];
        while let Some(r) = rows.next_if(|r| r.cluster == cluster) {
            group.push(r);
        }
        out.push(fuse(cluster, group, links, people, places));
    }
    out
}

/// One fused event from its reports (at least one).
fn fuse(
    cluster: i64,
    rows: Vec<Row>,
    links: &HashMap<i64, Vec<(Role, i64)>>,
    people: &HashMap<i64, Participant>,
    places: &HashMap<i64, Location>,
) -> FusedEvent {
    let etype = rows
        .first()
        .map(|r| r.ev.etype.as_str().to_string())
        .unwrap_or_default();
    let mut modes = BTreeSet::new();
    let mut dates = BTreeSet::new();
    let mut actors: Vec<i64> = Vec::new();
    let mut recipients: Vec<i64> = Vec::new();
    let mut loc_count: HashMap<i64, usize> = HashMap::new();
    let mut size: BTreeMap<&'static str, Vec<f64>> = BTreeMap::new();
    let mut stances: Vec<String> = Vec::new();
    let mut sources: HashSet<String> = HashSet::new();
    let mut reports = Vec::with_capacity(rows.len());
    let mut acled: Vec<((String, String), usize)> = Vec::new();
    for mut r in rows {
        if let Some(m) = &r.ev.mode {
            if !modes.contains(m) {
                modes.insert(m.clone());
            }
        }
        if let Some(d) = report_day(&r) {
            dates.insert(d);
        }
        let mine = links.get(&r.rowid).map(Vec::as_slice).unwrap_or(&[]);
        for &(role, e) in mine {
            let list = match role {
                Role::Actor => &mut actors,
                Role::Recipient => &mut recipients,
            };
            if !list.contains(&e) {
                list.push(e);
            }
        }
        if let Some(l) = r.location {
            *loc_count.entry(l).or_default() += 1;
        }
        let s = &r.ev.size;
        for (k, v) in [
            ("dead", s.dead),
            ("injured", s.injured),
            ("arrested", s.arrested),
            ("troops", s.troops),
        ] {
            if let Some(v) = v {
                size.entry(k).or_default().push(v);
            }
        }
        let stance = r.ev.attribution.stance.as_str();
        if !stances.iter().any(|s| s == stance) {
            stances.push(stance.to_string());
        }
        match &r.outlet {
            Some(o) => sources.insert(o.clone()),
            None => sources.insert(format!("doc:{}", r.doc)),
        };
        let recips: Vec<&Participant> = mine
            .iter()
            .filter(|(role, _)| *role == Role::Recipient)
            .filter_map(|(_, e)| people.get(e))
            .collect();
        let (acled_event_type, acled_sub_event_type) = report_acled(&mut r, &recips);
        match acled
            .iter_mut()
            .find(|((t, st), _)| *t == acled_event_type && *st == acled_sub_event_type)
        {
            Some((_, n)) => *n += 1,
            None => acled.push(((acled_event_type.clone(), acled_sub_event_type.clone()), 1)),
        }
        let ev = r.ev;
        reports.push(Report {
            doc: r.doc,
            event: ev.id,
            outlet: r.outlet,
            published: r.published,
            url: r.url,
            stance: stance.to_string(),
            date: ev.date.map(|d| d.value),
            mode: ev.mode,
            trigger: ev.trigger.text,
            acled_event_type,
            acled_sub_event_type,
            by: ev.attribution.by.map(|b| b.text),
            size: ev.size,
            disputed_by: ev.disputed_by.into_iter().map(|d| d.text).collect(),
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
                k.to_string(),
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
    let who = |ids: Vec<i64>| -> Vec<Participant> {
        ids.iter().filter_map(|e| people.get(e).cloned()).collect()
    };
    FusedEvent {
        id: format!("F{cluster}"),
        etype,
        acled_event_type,
        acled_sub_event_type,
        modes: modes.into_iter().collect(),
        date: dates.iter().next().cloned(),
        date_end: dates.iter().next_back().cloned(),
        actors: who(actors),
        recipients: who(recipients),
        locations: locs
            .into_iter()
            .filter_map(|(e, _)| places.get(&e).cloned())
            .collect(),
        size,
        stances,
        n_reports: reports.len(),
        n_sources: sources.len(),
        reports,
    }
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

    use crate::testutil::{article, ent, event, record};
    use serde_json::json;

    /// A one-event report of document `id` published on `day` (June 2015), with the
    /// coalition as actor, optionally a recipient and a place of the given subtype.
    fn report(
        id: &str,
        n: usize,
        day: u32,
        recipient: bool,
        place: Option<&str>,
    ) -> rasd_doc::Record {
        let date = format!("2015-06-{day:02}");
        let mut ents = vec![ent(
            "E1",
            "ORG",
            "التحالف",
            json!({"kb": {"wikidata": "Q9"}}),
        )];
        if recipient {
            ents.push(ent(
                "E2",
                "ORG",
                "الحوثيين",
                json!({"kb": {"wikidata": "Q8"}}),
            ));
        }
        if let Some(sub) = place {
            let (name, lat) = if sub == "country" {
                ("اليمن", 15.5)
            } else {
                ("صعدة", 16.9)
            };
            ents.push(ent(
                "E3",
                "LOC",
                name,
                json!({"subtype": sub, "geo": {"lat": lat, "lon": 44.0, "country": "YE", "resolution": 4}}),
            ));
        }
        let ev = event(
            "V1",
            "ASSAULT",
            Some("E1"),
            recipient.then_some("E2"),
            place.map(|_| "E3"),
            &date,
            None,
            "asserted",
        );
        record(
            id,
            &format!("o{n}.com"),
            &date,
            &article(n, ""),
            ents,
            vec![ev],
        )
    }

    fn clusters(recs: Vec<rasd_doc::Record>) -> Vec<Option<i64>> {
        let mut s = Store::open_in_memory().unwrap();
        let ids: Vec<String> = recs.iter().map(|r| r.id.clone()).collect();
        s.ingest(&recs).unwrap();
        ids.iter().map(|d| s.cluster_of(d, "V1").unwrap()).collect()
    }

    #[test]
    fn one_shared_participant_without_a_specific_place_is_not_enough() {
        // The same actor, same day, no place / a country-wide place: daily reports of
        // different strikes.
        let c = clusters(vec![
            report("a", 1, 10, false, None),
            report("b", 2, 10, false, None),
        ]);
        assert_ne!(c[0], c[1]);
        let c = clusters(vec![
            report("a", 1, 10, false, Some("country")),
            report("b", 2, 10, false, Some("country")),
        ]);
        assert_ne!(c[0], c[1]);
        // A shared city, or actor and recipient both shared: one event.
        let c = clusters(vec![
            report("a", 1, 10, false, Some("city")),
            report("b", 2, 11, false, Some("city")),
        ]);
        assert_eq!(c[0], c[1]);
        let c = clusters(vec![
            report("a", 1, 10, true, None),
            report("b", 2, 11, true, Some("country")),
        ]);
        assert_eq!(c[0], c[1]);
    }

    #[test]
    fn day_to_day_links_do_not_chain_past_the_window() {
        // Reports every day for ten days, each linked to the day before: clusters stay
        // within DAY_WINDOW days instead of becoming one ten-day «event».
        let recs: Vec<_> = (0..10)
            .map(|i| report(&format!("d{i}"), i, 1 + i as u32, true, Some("city")))
            .collect();
        let mut s = Store::open_in_memory().unwrap();
        s.ingest(&recs).unwrap();
        let evs = s.events(&crate::EventFilter::default()).unwrap();
        assert!(evs.len() >= 10 / (DAY_WINDOW as usize + 1), "{}", evs.len());
        for e in &evs {
            let (Some(a), Some(b)) = (&e.date, &e.date_end) else {
                panic!("dates")
            };
            let d = |x: &str| x[8..10].parse::<i64>().unwrap();
            assert!(d(b) - d(a) <= DAY_WINDOW, "{a}..{b}");
        }
        assert_eq!(evs.iter().map(|e| e.n_reports).sum::<usize>(), 10);
        assert!(evs.iter().any(|e| e.n_reports > 1));
    }

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
