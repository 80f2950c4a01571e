//! Exports of fused events: ACLED-like CSV, GeoJSON points, PLOVER JSON Lines.
//!
//! The CSV header is the one issue 6 fixes for per-document exports, so both load into the
//! same tools. One row per fused event: `source` lists the outlets, `source_stance` the
//! stances (conflicts kept, `;`-separated), `fatalities` is the lowest reported figure (the
//! conservative convention of ACLED) and `notes` gives the full range and the report count.
//! `event_type`/`sub_event_type` follow the events crate's PLOVER→ACLED mapping
//! (`rasd_events::export::acled_type`, `crates/rasd-events/data/plover_acled.tsv`): each
//! report is mapped at ingest exactly as `rasd extract --format csv` maps that event, and a
//! fused event takes the mapping most of its reports have (the earliest report's on a tie);
//! the PLOVER type and modes are in `notes`.

use crate::fusion::FusedEvent;
use crate::{Error, Result};
use serde_json::{json, Value};
use std::io::Write;

/// The ACLED-like CSV header.
pub const CSV_HEADER: [&str; 18] = [
    "event_id",
    "event_date",
    "event_type",
    "sub_event_type",
    "actor1",
    "assoc_actor_1",
    "actor2",
    "assoc_actor_2",
    "country",
    "admin1",
    "location",
    "latitude",
    "longitude",
    "geo_precision",
    "source",
    "source_stance",
    "fatalities",
    "notes",
];

fn precision(subtype: Option<&str>) -> &'static str {
    // ACLED: 1 = the town itself, 2 = near / part of a region, 3 = province or country.
    match subtype {
        Some("city") | Some("town") | Some("village") | Some("district") => "1",
        Some("region") | Some("admin2") => "2",
        Some(_) => "3",
        None => "",
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

pub(crate) fn outlets(e: &FusedEvent) -> Vec<String> {
    let mut v: Vec<String> = Vec::new();
    for r in &e.reports {
        let o = r.outlet.clone().unwrap_or_else(|| r.doc.clone());
        if !v.contains(&o) {
            v.push(o);
        }
    }
    v
}

/// The `admin1` column: a first-level administrative division among the event's places
/// (an entity of subtype `admin1`, e.g. a province named in the report). Records carry
/// no admin-1 parent for a city (its `geo` has only coordinates, country, feature code
/// and resolution), so nothing is derived for an event placed only at a city.
fn admin1(e: &FusedEvent) -> String {
    e.locations
        .iter()
        .find(|l| l.subtype.as_deref() == Some("admin1"))
        .map(|l| l.name.clone())
        .unwrap_or_default()
}

/// The ACLED-like CSV fields of one fused event, in [`CSV_HEADER`] order.
pub fn csv_row(e: &FusedEvent) -> [String; 18] {
    let name = |i: usize, l: &[crate::fusion::Participant]| {
        l.get(i).map(|p| p.name.clone()).unwrap_or_default()
    };
    let rest = |l: &[crate::fusion::Participant]| {
        l.iter()
            .skip(1)
            .map(|p| p.name.clone())
            .collect::<Vec<_>>()
            .join("; ")
    };
    let loc = e.locations.first();
    let mut notes = format!("{} reports", e.n_reports);
    notes.push_str(&format!("; PLOVER {}", e.etype));
    if !e.modes.is_empty() {
        notes.push_str(&format!(" ({})", e.modes.join(", ")));
    }
    for (k, r) in &e.size {
        notes.push_str(&format!(
            "; {k} {}–{} ({})",
            fmt_num(r.min),
            fmt_num(r.max),
            r.values
                .iter()
                .map(|v| fmt_num(*v))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    if let Some(t) = e.reports.first().map(|r| r.trigger.as_str()) {
        notes.push_str(&format!("; trigger «{t}»"));
    }
    [
        e.id.clone(),
        e.date.clone().unwrap_or_default(),
        e.acled_event_type.clone(),
        e.acled_sub_event_type.clone(),
        name(0, &e.actors),
        rest(&e.actors),
        name(0, &e.recipients),
        rest(&e.recipients),
        loc.and_then(|l| l.country.clone()).unwrap_or_default(),
        admin1(e),
        loc.map(|l| l.name.clone()).unwrap_or_default(),
        loc.and_then(|l| l.lat)
            .map(|v| v.to_string())
            .unwrap_or_default(),
        loc.and_then(|l| l.lon)
            .map(|v| v.to_string())
            .unwrap_or_default(),
        precision(loc.and_then(|l| l.subtype.as_deref())).to_string(),
        outlets(e).join("; "),
        e.stances.join("; "),
        e.size
            .get("dead")
            .map(|r| fmt_num(r.min))
            .unwrap_or_default(),
        notes,
    ]
}

/// Writes fused events as ACLED-like CSV.
pub fn to_csv<W: Write>(events: &[FusedEvent], w: W) -> Result<()> {
    let mut c = csv::Writer::from_writer(w);
    let err = |e: csv::Error| Error::Export(e.to_string());
    c.write_record(CSV_HEADER).map_err(err)?;
    for e in events {
        c.write_record(csv_row(e)).map_err(err)?;
    }
    c.flush().map_err(|e| Error::Export(e.to_string()))?;
    Ok(())
}

/// A GeoJSON FeatureCollection of the located fused events (points).
pub fn to_geojson(events: &[FusedEvent]) -> Value {
    let features: Vec<Value> = events
        .iter()
        .filter_map(|e| {
            let l = e.locations.iter().find(|l| l.lat.is_some() && l.lon.is_some())?;
            Some(json!({
                "type": "Feature",
                "id": e.id,
                "geometry": {"type": "Point", "coordinates": [l.lon, l.lat]},
                "properties": {
                    "id": e.id, "type": e.etype, "modes": e.modes, "date": e.date, "date_end": e.date_end,
                    "event_type": e.acled_event_type, "sub_event_type": e.acled_sub_event_type,
                    "location": l.name, "country": l.country,
                    "actors": e.actors.iter().map(|p| &p.name).collect::<Vec<_>>(),
                    "recipients": e.recipients.iter().map(|p| &p.name).collect::<Vec<_>>(),
                    "size": e.size, "stances": e.stances,
                    "n_reports": e.n_reports, "n_sources": e.n_sources,
                    "sources": outlets(e),
                    "docs": e.reports.iter().map(|r| &r.doc).collect::<Vec<_>>(),
                }
            }))
        })
        .collect();
    json!({"type": "FeatureCollection", "features": features})
}

/// One PLOVER-style JSON object per fused event (PLOVER field names).
pub fn to_plover(e: &FusedEvent) -> Value {
    let names = |l: &[crate::fusion::Participant]| -> Vec<Value> {
        l.iter()
            .map(|p| json!({"name": p.name, "name_en": p.name_en, "country": p.country}))
            .collect()
    };
    json!({
        "id": e.id,
        "date": e.date,
        "event": e.etype,
        "mode": e.modes.first(),
        "actor": names(&e.actors),
        "recipient": names(&e.recipients),
        "event_loc": e.locations.first().map(|l| json!({
            "name": l.name, "lat": l.lat, "lon": l.lon, "country": l.country})),
        "size": e.size,
        "context": e.stances,
        "text_info": e.reports.iter().map(|r| json!({
            "doc": r.doc, "event": r.event, "trigger": r.trigger, "stance": r.stance, "by": r.by})).collect::<Vec<_>>(),
        "cite_info": e.reports.iter().map(|r| json!({
            "doc": r.doc, "outlet": r.outlet, "url": r.url, "published": r.published})).collect::<Vec<_>>(),
        "n_reports": e.n_reports,
        "n_sources": e.n_sources,
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::testutil::*;
    use crate::{EventFilter, Store};
    use serde_json::json;

    pub(crate) fn events() -> Vec<FusedEvent> {
        let mut s = Store::open_in_memory().unwrap();
        let loc = || {
            ent(
                "E2",
                "LOC",
                "بنغازي",
                json!({"subtype": "city", "geo": {"lat": 32.12, "lon": 20.09, "country": "LY", "resolution": 4}}),
            )
        };
        let actor = || ent("E1", "ORG", "أنصار الشريعة", json!({}));
        s.ingest(&[
            record(
                "a",
                "x.com",
                "2014-06-04",
                "نص",
                vec![actor(), loc()],
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
                "b",
                "y.com",
                "2014-06-04",
                "نص آخر",
                vec![actor(), loc()],
                vec![
                    event(
                        "V1",
                        "ASSAULT",
                        Some("E1"),
                        None,
                        Some("E2"),
                        "2014-06-03",
                        Some(46.0),
                        "reported",
                    ),
                    event(
                        "V2",
                        "PROTEST",
                        None,
                        None,
                        None,
                        "2014-06-03",
                        None,
                        "asserted",
                    ),
                ],
            ),
        ])
        .unwrap();
        s.events(&EventFilter::default()).unwrap()
    }

    #[test]
    fn csv_parses_with_the_acled_header() {
        let evs = events();
        let mut buf = Vec::new();
        to_csv(&evs, &mut buf).unwrap();
        let mut r = csv::Reader::from_reader(buf.as_slice());
        let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
        assert_eq!(h, CSV_HEADER);
        let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
        assert_eq!(rows.len(), 2);
        // An assault with no mode on a recipient of no civilian sector: ACLED «Battles».
        let fused = rows.iter().find(|r| &r[2] == "Battles").unwrap();
        assert_eq!(&fused[3], "Armed clash");
        assert!(fused[17].contains("PLOVER ASSAULT"), "{}", &fused[17]);
        assert_eq!(&fused[16], "16");
        assert_eq!(&fused[14], "x.com; y.com");
        assert_eq!(&fused[15], "asserted; reported");
        assert!(fused[17].contains("dead 16–46"));
        assert_eq!(&fused[10], "بنغازي");
        assert_eq!(&fused[9], "", "a city alone gives no admin1");
        assert_eq!(&fused[13], "1");
    }

    #[test]
    fn admin1_comes_from_a_province_among_the_places() {
        let mut evs = events();
        let e = evs.iter_mut().find(|e| e.etype == "ASSAULT").unwrap();
        assert_eq!(csv_row(e)[9], "");
        e.locations.push(crate::fusion::Location {
            entity: 99,
            name: "برقة".into(),
            lat: None,
            lon: None,
            country: Some("LY".into()),
            subtype: Some("admin1".into()),
        });
        let row = csv_row(e);
        assert_eq!(row[9], "برقة");
        assert_eq!(
            row[10], "بنغازي",
            "the location stays the most precise place"
        );
    }

    #[test]
    fn geojson_has_points_for_located_events() {
        let g = to_geojson(&events());
        let s = serde_json::to_string(&g).unwrap();
        let v: serde_json::Value = serde_json::from_str(&s).unwrap();
        assert_eq!(v["type"], "FeatureCollection");
        let f = v["features"].as_array().unwrap();
        assert_eq!(f.len(), 1);
        assert_eq!(f[0]["geometry"]["coordinates"], json!([20.09, 32.12]));
        assert_eq!(f[0]["properties"]["n_reports"], 2);
    }

    #[test]
    fn plover_lines_have_plover_fields() {
        for e in events() {
            let line = serde_json::to_string(&to_plover(&e)).unwrap();
            let v: serde_json::Value = serde_json::from_str(&line).unwrap();
            for k in [
                "id",
                "date",
                "event",
                "mode",
                "actor",
                "recipient",
                "event_loc",
                "size",
                "text_info",
                "cite_info",
            ] {
                assert!(v.get(k).is_some(), "{k} missing in {line}");
            }
        }
    }

    #[test]
    fn csv_types_agree_with_the_per_document_csv() {
        // Events of every ACLED branch, in documents far apart in time so none fuse.
        let ev = |id: &str, t: &str, mode: Option<&str>, recipient: Option<&str>, day: u32| {
            let mut v = event(
                id,
                t,
                Some("E1"),
                recipient,
                None,
                &format!("2014-0{day}-01"),
                None,
                "asserted",
            );
            v["mode"] = json!(mode);
            v
        };
        let ents = || {
            vec![
                ent("E1", "ORG", "داعش", json!({"sector": "REB"})),
                ent("E2", "PER", "الصحفيين", json!({"sector": "JRN"})),
                ent("E3", "ORG", "الجيش", json!({"sector": "MIL"})),
            ]
        };
        let mut recs = Vec::new();
        for (i, (t, mode, recipient)) in [
            ("ASSAULT", Some("aerial"), Some("E3")),
            ("ASSAULT", None, Some("E2")),
            ("ASSAULT", None, Some("E3")),
            ("ASSAULT", Some("abduct"), None),
            ("PROTEST", Some("riot"), None),
            ("PROTEST", None, None),
            ("COERCE", Some("arrest"), Some("E2")),
            ("ACCUSE", None, Some("E3")),
        ]
        .into_iter()
        .enumerate()
        {
            let day = (i % 9 + 1) as u32;
            recs.push(record(
                &format!("d{i}"),
                "x.com",
                &format!("2014-0{day}-01"),
                "نص",
                ents(),
                vec![ev("V1", t, mode, recipient, day)],
            ));
        }
        let mut s = Store::open_in_memory().unwrap();
        s.ingest(&recs).unwrap();
        let fused = s.events(&EventFilter::default()).unwrap();
        assert_eq!(fused.len(), recs.len());
        let mut kinds = std::collections::BTreeSet::new();
        for rec in &recs {
            for e in &rec.events {
                let want = rasd_events::export::csv_row(rec, e);
                let f = fused
                    .iter()
                    .find(|f| f.reports.iter().any(|r| r.doc == rec.id && r.event == e.id))
                    .unwrap();
                let got = csv_row(f);
                assert_eq!(
                    (&got[2], &got[3]),
                    (&want[2], &want[3]),
                    "{} {:?}",
                    e.etype,
                    e.mode
                );
                kinds.insert(want[2].clone());
            }
        }
        // The sample reaches several ACLED types, not one default.
        assert!(kinds.len() >= 5, "{kinds:?}");
        assert!(kinds.contains("Violence against civilians"), "{kinds:?}");
    }
}
