//! Export validation: PLOVER fields present, the CSV parses with the exact header, the
//! GeoJSON parses and has points.

use super::*;
use crate::testing::DocBuilder;
use crate::{Attributor, EventCoder};
use rasd_doc::{EntityType, Stage};

fn records() -> Vec<Record> {
    let mut out = Vec::new();
    let b = DocBuilder::new(
        "قتل عشرون مدنيا في غارة أمريكية على مدينة الرقة أمس، وفقا لمصادر محلية. \
         وتظاهر مئات الطلاب في تونس ضد الحكومة.",
    )
    .entity(EntityType::LOC, &["مدينة الرقة"])
    .country(&["تونس"], "TUN")
    .time("أمس", 0, rasd_doc::TimeType::DATE, "2015-08-04")
    .qty("عشرون مدنيا", 20.0, "civilian");
    let mut d = b.doc;
    // Geocode the city as the resolve stage would.
    if let Some(g) = d.entities[0].geo.as_mut() {
        g.lat = 35.95;
        g.lon = 39.01;
        g.country = Some("SY".into());
        g.resolution = 4;
    }
    d.meta.outlet = Some("صحيفة الاختبار".into());
    EventCoder.process(&mut d);
    Attributor.process(&mut d);
    out.push(Record::from_document(&d, false));
    // A document without located events.
    let mut d = DocBuilder::new("اعتقلت الشرطة خمسة أشخاص.")
        .qty("خمسة أشخاص", 5.0, "person")
        .doc;
    EventCoder.process(&mut d);
    Attributor.process(&mut d);
    out.push(Record::from_document(&d, false));
    out
}

#[test]
fn plover_lines_have_every_field() {
    let recs = records();
    let mut buf = Vec::new();
    let n = write_plover(&recs, &mut buf).unwrap();
    let text = String::from_utf8(buf).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), n);
    assert!(n >= 3, "{text}");
    for l in &lines {
        let v: Value = serde_json::from_str(l).unwrap();
        for f in [
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
            assert!(v.get(f).is_some(), "missing {f} in {l}");
        }
        assert!(Plover::parse(v["event"].as_str().unwrap()).is_some());
        assert!(v["actor"].is_array() && v["recipient"].is_array());
        assert!(v["text_info"]["start"].is_u64() && v["cite_info"]["citation"].is_string());
    }
    let strike = lines
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["event"] == "ASSAULT")
        .unwrap();
    assert_eq!(strike["mode"], "aerial");
    assert_eq!(strike["actor"][0]["code"], "USA");
    assert_eq!(strike["recipient"][0]["sector"], "CVL");
    assert_eq!(strike["event_loc"]["latitude"], 35.95);
    assert_eq!(strike["event_loc"]["cc3"], "SYR");
    assert_eq!(strike["size"]["dead"], 20.0);
    assert_eq!(strike["date"], "2015-08-04");
    assert_eq!(strike["attribution"]["stance"], "reported");
    let protest = lines
        .iter()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["event"] == "PROTEST")
        .unwrap();
    assert_eq!(protest["recipient"][0]["sector"], "GOV");
    assert_eq!(protest["date_inferred"], true);
}

#[test]
fn csv_parses_with_the_exact_header() {
    let recs = records();
    let mut buf = Vec::new();
    let n = write_csv(&recs, &mut buf).unwrap();
    let mut r = csv::Reader::from_reader(buf.as_slice());
    let header: Vec<String> = r.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(
        header.join(","),
        "event_id,event_date,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,location,latitude,longitude,geo_precision,source,source_stance,fatalities,notes"
    );
    let rows: Vec<csv::StringRecord> = r.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), n);
    for row in &rows {
        assert_eq!(row.len(), 18);
        row[16].parse::<u64>().unwrap();
    }
    let strike = rows
        .iter()
        .find(|r| &r[3] == "Air/drone strike")
        .expect("air strike row");
    assert_eq!(&strike[2], "Explosions/Remote violence");
    assert_eq!(&strike[8], "Syria");
    assert_eq!(&strike[13], "1");
    assert_eq!(&strike[16], "20");
    assert!(strike[15].starts_with("reported: "), "{}", &strike[15]);
    assert_eq!(&strike[14], "صحيفة الاختبار");
    let arrest = rows
        .iter()
        .find(|r| &r[3] == "Arrests")
        .expect("arrest row");
    assert_eq!(&arrest[11], "");
}

#[test]
fn geojson_has_points_for_located_events_only() {
    let recs = records();
    let mut buf = Vec::new();
    let n = write_geojson(&recs, &mut buf).unwrap();
    let v: Value = serde_json::from_slice(&buf).unwrap();
    assert_eq!(v["type"], "FeatureCollection");
    let f = v["features"].as_array().unwrap();
    assert_eq!(f.len(), n);
    assert!(n >= 1);
    for x in f {
        assert_eq!(x["type"], "Feature");
        assert_eq!(x["geometry"]["type"], "Point");
        let c = x["geometry"]["coordinates"].as_array().unwrap();
        assert_eq!(c.len(), 2);
        assert!(c[0].is_f64() && c[1].is_f64());
        assert!(x["properties"]["event"].is_string());
    }
    assert!(f.iter().all(|x| x["properties"]["event"] != "COERCE"));
}

#[test]
fn records_read_back_export_the_same() {
    let recs = records();
    let back: Vec<Record> = recs
        .iter()
        .map(|r| serde_json::from_str(&serde_json::to_string(r).unwrap()).unwrap())
        .collect();
    let (mut a, mut b) = (Vec::new(), Vec::new());
    write_csv(&recs, &mut a).unwrap();
    write_csv(&back, &mut b).unwrap();
    assert_eq!(a, b);
}

#[test]
fn acled_mapping_rows() {
    assert_eq!(
        acled_type(Plover::ASSAULT, Some("suicide-attack"), false),
        ("Explosions/Remote violence", "Suicide bomb")
    );
    assert_eq!(
        acled_type(Plover::ASSAULT, None, true),
        ("Violence against civilians", "Attack")
    );
    assert_eq!(
        acled_type(Plover::ASSAULT, Some("firearms"), false),
        ("Battles", "Armed clash")
    );
    assert_eq!(
        acled_type(Plover::PROTEST, Some("riot"), false),
        ("Riots", "Violent demonstration")
    );
    assert_eq!(
        acled_type(Plover::PROTEST, Some("demo"), false),
        ("Protests", "Peaceful protest")
    );
    assert_eq!(
        acled_type(Plover::COERCE, Some("arrest"), false),
        ("Strategic developments", "Arrests")
    );
    assert_eq!(
        acled_type(Plover::CONSULT, None, false),
        ("Strategic developments", "Other")
    );
    for p in Plover::ALL {
        let (t, s) = acled_type(p, None, false);
        assert!(!t.is_empty() && !s.is_empty());
    }
    assert_eq!(iso3_of("DZ"), Some("DZA"));
    assert_eq!(country_name("LBY"), Some("Libya"));
}

#[test]
fn empty_input_writes_valid_outputs() {
    let none: Vec<Record> = Vec::new();
    let mut buf = Vec::new();
    assert_eq!(write_plover(&none, &mut buf).unwrap(), 0);
    assert!(buf.is_empty());
    let mut buf = Vec::new();
    write_csv(&none, &mut buf).unwrap();
    assert_eq!(String::from_utf8(buf).unwrap().lines().count(), 1);
    let mut buf = Vec::new();
    write_geojson(&none, &mut buf).unwrap();
    let v: Value = serde_json::from_slice(&buf).unwrap();
    assert_eq!(v["features"].as_array().unwrap().len(), 0);
}
