//! Exports of the events of document records: PLOVER JSON Lines, ACLED-like CSV, GeoJSON.
//!
//! All three read [`rasd_doc::Record`]s (the output contract), so they work on records
//! fresh from the pipeline or read back from a file. PLOVER and CSV are written event by
//! event as records arrive ([`PloverWriter`], [`CsvWriter`]); GeoJSON is one JSON object, so
//! [`GeoJsonWriter`] keeps the features until [`GeoJsonWriter::finish`]. The `write_*`
//! functions wrap the writers for an iterator of records.
//!
//! # PLOVER JSON Lines
//!
//! One event per line with the PLOVER field names: `id` (`DOCID-V1`), `date`
//! (`YYYY-MM-DD`, or coarser when the text is: `2014-05`; the document date when the text
//! gives none, flagged `date_inferred`), `event`, `mode`, `context`, `quad_code`, `actor` and
//! `recipient` (lists of actor objects: `actor_text`, `name`, `code` = ISO-3 country or
//! group code, `country`, `sector`, `wikidata`), `event_loc` (GeoNames-style: `name`,
//! `latitude`, `longitude`, `country_code`, `cc3`, `feature_code`, `geonameid`,
//! `resolution`), `size` (`dead`, `injured`, `arrested`, `troops`), `text_info`
//! (`sequence` = sentence index, `start`/`end` = code points of the trigger, `text`) and
//! `cite_info` (`citation` = document id, `url`, `title`, `language`, `publication`,
//! `coder`, `codebook`). rasd adds `attribution`, `disputed_by` and `confidence`.
//!
//! Actor codes come from the linked entity (its country and sector; a country acting is
//! coded as itself with sector `GOV`), else from the argument's words: a nationality
//! adjective gives the country («القوات الأميركية» → USA) and a descriptor the sector
//! («القوات» → MIL, «المتظاهرين» → CVL), both from the event lexicons.
//!
//! # CSV (ACLED-like)
//!
//! Header exactly `event_id,event_date,event_type,sub_event_type,actor1,assoc_actor_1,actor2,assoc_actor_2,country,admin1,location,latitude,longitude,geo_precision,source,source_stance,fatalities,notes`.
//! `event_type`/`sub_event_type` follow the PLOVER → ACLED mapping of
//! `data/plover_acled.tsv` (first matching row wins; «civilian» = the recipient's sector is
//! CVL, JRN, EDU, LAB, REF, MED or REL):
//!
//! | PLOVER | mode | target | ACLED event_type | sub_event_type |
//! |---|---|---|---|---|
//! | ASSAULT | aerial, drone | * | Explosions/Remote violence | Air/drone strike |
//! | ASSAULT | suicide-attack | * | Explosions/Remote violence | Suicide bomb |
//! | ASSAULT | heavy-weapons | * | Explosions/Remote violence | Shelling/artillery/missile attack |
//! | ASSAULT | explosives | * | Explosions/Remote violence | Remote explosive/landmine/IED |
//! | ASSAULT | unconventional | * | Explosions/Remote violence | Chemical weapon |
//! | ASSAULT | sexual | * | Violence against civilians | Sexual violence |
//! | ASSAULT | abduct | * | Violence against civilians | Abduction/forced disappearance |
//! | ASSAULT | crowd-control | * | Protests | Excessive force against protesters |
//! | ASSAULT | destroy | * | Strategic developments | Looting/property destruction |
//! | ASSAULT | * | civilian | Violence against civilians | Attack |
//! | ASSAULT | * | * | Battles | Armed clash |
//! | PROTEST | riot, vandalize | * | Riots | Violent demonstration |
//! | PROTEST | * | * | Protests | Peaceful protest |
//! | COERCE | arrest | * | Strategic developments | Arrests |
//! | COERCE | seize | * | Strategic developments | Looting/property destruction |
//! | MOBILIZE | * | * | Strategic developments | Change to group/activity |
//! | RETREAT | withdraw | * | Strategic developments | Non-violent transfer of territory |
//! | RETREAT, CONCEDE | ceasefire | * | Strategic developments | Agreement |
//! | AGREE | * | * | Strategic developments | Agreement |
//! | any other | * | * | Strategic developments | Other |
//!
//! ACLED records no verbal events; they are kept as «Strategic developments / Other» so the
//! CSV and the record list the same events (filter on `event_type` to drop them).
//! `fatalities` is the event's `dead` count rounded down, 0 when none is given (ACLED's
//! conservative rule). `geo_precision` is 1 for a city or finer, 2 for a district, 3 for
//! a province, region or country. `source_stance` is the stance, with the source after a
//! colon when attributed («reported: مصدر أمني»); `notes` says type, trigger, parties and
//! disputes in one line.
//!
//! # GeoJSON
//!
//! A `FeatureCollection` with one `Point` feature per event whose location is geocoded
//! (`[longitude, latitude]`), with the event's fields as properties.

use crate::lex::{Hit, LEX};
use rasd_doc::record::{ArgRec, EntityRec, EventRec};
use rasd_doc::{Plover, Record, Stance};
use rasd_text::fold;
use rustc_hash::FxHashMap;
use serde_json::{json, Map, Value};
use std::io::{self, Write};
use std::sync::LazyLock;

/// The CSV header, exactly.
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

static ACLED: &str = include_str!("../data/plover_acled.tsv");
static COUNTRIES: &str = include_str!("../data/countries.tsv");

struct AcledRow {
    plover: Plover,
    mode: Option<&'static str>,
    civilian: bool,
    event_type: &'static str,
    sub_event_type: &'static str,
}

static ACLED_MAP: LazyLock<Vec<AcledRow>> = LazyLock::new(|| {
    ACLED
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .filter_map(|l| {
            let c: Vec<&'static str> = l.split('\t').map(str::trim).collect();
            Some(AcledRow {
                plover: Plover::parse(c.first()?)?,
                mode: c.get(1).filter(|m| **m != "*").copied(),
                civilian: *c.get(2)? == "civilian",
                event_type: c.get(3)?,
                sub_event_type: c.get(4)?,
            })
        })
        .collect()
});

/// (alpha-2 → (alpha-3, name), alpha-3 → name)
type CountryTables = (
    FxHashMap<&'static str, (&'static str, &'static str)>,
    FxHashMap<&'static str, &'static str>,
);

static COUNTRY: LazyLock<CountryTables> = LazyLock::new(|| {
    let mut by2 = FxHashMap::default();
    let mut by3 = FxHashMap::default();
    for l in COUNTRIES.lines().filter(|l| !l.starts_with('#')) {
        let c: Vec<&'static str> = l.split('\t').collect();
        if let (Some(a2), Some(a3), Some(n)) = (c.first(), c.get(1), c.get(2)) {
            by2.insert(*a2, (*a3, *n));
            by3.insert(*a3, *n);
        }
    }
    (by2, by3)
});

/// ISO 3166-1 alpha-3 code of an alpha-2 code.
pub fn iso3_of(alpha2: &str) -> Option<&'static str> {
    COUNTRY.0.get(alpha2).map(|(a3, _)| *a3)
}

/// English short name of an alpha-3 (or alpha-2) country code.
pub fn country_name(code: &str) -> Option<&'static str> {
    COUNTRY
        .1
        .get(code)
        .copied()
        .or_else(|| COUNTRY.0.get(code).map(|(_, n)| *n))
}

/// The ACLED event type and sub-event type of an event (see the module docs).
pub fn acled_type(
    etype: Plover,
    mode: Option<&str>,
    civilian_target: bool,
) -> (&'static str, &'static str) {
    ACLED_MAP
        .iter()
        .find(|r| {
            r.plover == etype
                && r.mode.is_none_or(|m| Some(m) == mode)
                && (!r.civilian || civilian_target)
        })
        .map(|r| (r.event_type, r.sub_event_type))
        .unwrap_or(("Strategic developments", "Other"))
}

/// Country code and sector suggested by the words of an argument with no entity.
fn describe_text(text: &str) -> (Option<&'static str>, Option<&'static str>) {
    let (mut code, mut sector) = (None, None);
    for w in fold(text).split(' ') {
        LEX.scan(w, false, |_, s, h| match h {
            Hit::Nisba(n) if code.is_none() && s.enc.is_none() => {
                code = LEX.nisba.get(n as usize).copied();
            }
            Hit::Desc(d) if sector.is_none() && s.prep != b's' => {
                sector = LEX.desc.get(d as usize).and_then(|d| d.sector);
            }
            _ => {}
        });
    }
    (code, sector)
}

const CIVILIAN_SECTORS: [&str; 7] = ["CVL", "JRN", "EDU", "LAB", "REF", "MED", "REL"];

/// Resolved view of one argument.
struct Party<'r> {
    text: &'r str,
    name: String,
    code: Option<String>,
    sector: Option<String>,
    wikidata: Option<&'r str>,
}

fn entity<'r>(rec: &'r Record, id: Option<&str>) -> Option<&'r EntityRec> {
    let id = id?;
    rec.entities.iter().find(|e| e.id == id)
}

fn entity_code(e: &EntityRec) -> Option<String> {
    e.country.clone().or_else(|| {
        e.geo
            .as_ref()
            .and_then(|g| g.country.as_deref())
            .and_then(iso3_of)
            .map(str::to_string)
    })
}

fn party<'r>(rec: &'r Record, a: &'r ArgRec) -> Party<'r> {
    let (tcode, tsector) = describe_text(&a.text);
    match entity(rec, a.entity.as_deref()) {
        Some(e) => {
            let is_country = e.subtype.as_deref() == Some("country");
            Party {
                text: &a.text,
                name: e.name_en.clone().unwrap_or_else(|| e.name.clone()),
                code: entity_code(e).or(tcode.map(str::to_string)),
                sector: e
                    .sector
                    .clone()
                    .or(is_country.then(|| "GOV".to_string()))
                    .or(tsector.map(str::to_string)),
                wikidata: e.kb.as_ref().and_then(|k| k.wikidata.as_deref()),
            }
        }
        None => Party {
            text: &a.text,
            name: a.text.clone(),
            code: tcode.map(str::to_string),
            sector: tsector.map(str::to_string),
            wikidata: None,
        },
    }
}

fn party_json(p: &Party) -> Value {
    json!({
        "actor_text": p.text,
        "name": p.name,
        "code": p.code,
        "country": p.code,
        "sector": p.sector,
        "wikidata": p.wikidata,
    })
}

/// The event's date for exports: the text's value when it is a calendar value, else the
/// document date. Returns (date, inferred).
fn export_date(rec: &Record, e: &EventRec) -> (Option<String>, bool) {
    match &e.date {
        Some(d) if !d.inferred && d.value.starts_with(|c: char| c.is_ascii_digit()) => {
            (Some(d.value.chars().take(10).collect()), false)
        }
        _ => (rec.published.clone(), true),
    }
}

fn quad(t: Plover) -> u8 {
    match t {
        Plover::AGREE | Plover::CONSULT | Plover::SUPPORT | Plover::CONCEDE => 1,
        Plover::COOPERATE | Plover::AID | Plover::RETREAT => 2,
        Plover::REQUEST | Plover::ACCUSE | Plover::REJECT | Plover::THREATEN => 3,
        Plover::PROTEST
        | Plover::SANCTION
        | Plover::MOBILIZE
        | Plover::COERCE
        | Plover::ASSAULT => 4,
    }
}

/// The first geocoded location of an event: (arg, entity).
fn located<'r>(rec: &'r Record, e: &'r EventRec) -> Option<(&'r ArgRec, &'r EntityRec)> {
    e.location.iter().find_map(|a| {
        let ent = entity(rec, a.entity.as_deref())?;
        ent.geo.as_ref()?;
        Some((a, ent))
    })
}

fn event_id(rec: &Record, e: &EventRec) -> String {
    format!("{}-{}", rec.id, e.id)
}

fn size_json(e: &EventRec) -> Value {
    json!({
        "dead": e.size.dead,
        "injured": e.size.injured,
        "arrested": e.size.arrested,
        "troops": e.size.troops,
    })
}

/// One event in PLOVER form.
pub fn plover_event(rec: &Record, e: &EventRec) -> Value {
    let (date, inferred) = export_date(rec, e);
    let actors: Vec<Value> = e.actor.iter().map(|a| party_json(&party(rec, a))).collect();
    let recipients: Vec<Value> = e
        .recipient
        .iter()
        .map(|a| party_json(&party(rec, a)))
        .collect();
    let event_loc = e
        .location
        .first()
        .map(|a| {
            let ent = entity(rec, a.entity.as_deref());
            let geo = ent.and_then(|x| x.geo.as_ref());
            json!({
                "name": ent.map_or(a.text.as_str(), |x| x.name.as_str()),
                "name_en": ent.and_then(|x| x.name_en.as_deref()),
                "location_text": a.text,
                "latitude": geo.map(|g| g.lat),
                "longitude": geo.map(|g| g.lon),
                "country_code": geo.and_then(|g| g.country.as_deref()),
                "cc3": ent.and_then(entity_code),
                "feature_code": geo.and_then(|g| g.feature.as_deref()),
                "geonameid": ent.and_then(|x| x.kb.as_ref()).and_then(|k| k.geonames),
                "resolution": geo.map(|g| g.resolution),
            })
        })
        .unwrap_or(Value::Null);
    let sentence = rec.sentences.get(e.sentence);
    json!({
        "id": event_id(rec, e),
        "date": date,
        "date_inferred": inferred,
        "event": e.etype.as_str(),
        "mode": e.mode,
        "context": [],
        "quad_code": quad(e.etype),
        "actor": actors,
        "recipient": recipients,
        "event_loc": event_loc,
        "size": size_json(e),
        "text_info": {
            "sequence": e.sentence,
            "start": e.trigger.start,
            "end": e.trigger.end,
            "text": e.trigger.text,
            "sentence_start": sentence.map(|s| s.start),
            "sentence_end": sentence.map(|s| s.end),
        },
        "cite_info": {
            "citation": rec.id,
            "url": rec.url,
            "title": rec.title,
            "language": rec.lang,
            "publication": rec.outlet,
            "coder": concat!("rasd ", env!("CARGO_PKG_VERSION")),
            "codebook": "plover-2.0",
        },
        "attribution": {
            "stance": e.attribution.stance.as_str(),
            "by": e.attribution.by.as_ref().map(|b| b.text.as_str()),
            "cue": e.attribution.cue.as_ref().map(|c| c.text.as_str()),
        },
        "disputed_by": e.disputed_by.iter().map(|d| json!({"text": d.text, "stance": d.stance.as_str()})).collect::<Vec<_>>(),
        "confidence": e.confidence,
    })
}

/// Writes PLOVER JSON Lines, one event per line, as records arrive.
pub struct PloverWriter<W: Write> {
    w: W,
    /// Events written so far.
    pub count: usize,
}

impl<W: Write> PloverWriter<W> {
    /// A writer over `w`.
    pub fn new(w: W) -> Self {
        PloverWriter { w, count: 0 }
    }

    /// Writes the events of one record.
    pub fn write(&mut self, rec: &Record) -> io::Result<()> {
        for e in &rec.events {
            serde_json::to_writer(&mut self.w, &plover_event(rec, e))?;
            self.w.write_all(b"\n")?;
            self.count += 1;
        }
        Ok(())
    }

    /// Flushes and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        self.w.flush()?;
        Ok(self.w)
    }
}

/// Writes the events of `records` as PLOVER JSON Lines; returns the number of events.
pub fn write_plover<'a, I, W>(records: I, w: W) -> io::Result<usize>
where
    I: IntoIterator<Item = &'a Record>,
    W: Write,
{
    let mut pw = PloverWriter::new(w);
    for r in records {
        pw.write(r)?;
    }
    let n = pw.count;
    pw.finish()?;
    Ok(n)
}

fn names(rec: &Record, args: &[ArgRec]) -> (String, String) {
    let mut it = args.iter().map(|a| party(rec, a).name);
    let first = it.next().unwrap_or_default();
    let rest: Vec<String> = it.collect();
    (first, rest.join("; "))
}

fn civilian_target(rec: &Record, e: &EventRec) -> bool {
    !e.recipient.is_empty()
        && e.recipient.iter().all(|a| {
            party(rec, a)
                .sector
                .is_some_and(|s| CIVILIAN_SECTORS.contains(&s.as_str()))
        })
}

fn precision(resolution: u8) -> u8 {
    match resolution {
        4 | 5 => 1,
        3 => 2,
        _ => 3,
    }
}

fn stance_text(e: &EventRec) -> String {
    match &e.attribution.by {
        Some(b) if e.attribution.stance != Stance::Asserted => {
            format!("{}: {}", e.attribution.stance.as_str(), b.text)
        }
        _ => e.attribution.stance.as_str().to_string(),
    }
}

/// One CSV row (same order as [`CSV_HEADER`]).
pub fn csv_row(rec: &Record, e: &EventRec) -> [String; 18] {
    let (date, _) = export_date(rec, e);
    let (et, st) = acled_type(e.etype, e.mode.as_deref(), civilian_target(rec, e));
    let (a1, aa1) = names(rec, &e.actor);
    let (a2, aa2) = names(rec, &e.recipient);
    let loc = located(rec, e);
    let loc_ent = loc.map(|(_, ent)| ent).or_else(|| {
        e.location
            .first()
            .and_then(|a| entity(rec, a.entity.as_deref()))
    });
    let country = loc_ent
        .and_then(entity_code)
        .and_then(|c| country_name(&c).map(str::to_string).or(Some(c)))
        .unwrap_or_default();
    let admin1 = e
        .location
        .iter()
        .filter_map(|a| entity(rec, a.entity.as_deref()))
        .find(|x| x.subtype.as_deref() == Some("admin1"))
        .map(|x| x.name_en.clone().unwrap_or_else(|| x.name.clone()))
        .unwrap_or_default();
    let location = match (loc, e.location.first()) {
        (Some((_, ent)), _) => ent.name_en.clone().unwrap_or_else(|| ent.name.clone()),
        (None, Some(a)) => a.text.clone(),
        _ => String::new(),
    };
    let geo = loc.and_then(|(_, ent)| ent.geo.as_ref());
    let fatalities = e.size.dead.map_or(0, |d| d.max(0.0).floor() as u64);
    let mut notes = format!("{} «{}»", e.etype, e.trigger.text);
    if let Some(m) = &e.mode {
        notes = format!("{} ({m}) «{}»", e.etype, e.trigger.text);
    }
    if !a1.is_empty() || !a2.is_empty() {
        notes.push_str(&format!(
            "; {} → {}",
            if a1.is_empty() { "?" } else { &a1 },
            if a2.is_empty() { "?" } else { &a2 }
        ));
    }
    if !e.disputed_by.is_empty() {
        let d: Vec<&str> = e.disputed_by.iter().map(|d| d.text.as_str()).collect();
        notes.push_str(&format!("; disputed by {}", d.join(", ")));
    }
    let source = rec
        .outlet
        .clone()
        .or_else(|| rec.url.clone())
        .unwrap_or_else(|| rec.id.clone());
    [
        event_id(rec, e),
        date.unwrap_or_default(),
        et.to_string(),
        st.to_string(),
        a1,
        aa1,
        a2,
        aa2,
        country,
        admin1,
        location,
        geo.map(|g| g.lat.to_string()).unwrap_or_default(),
        geo.map(|g| g.lon.to_string()).unwrap_or_default(),
        geo.map(|g| precision(g.resolution).to_string())
            .unwrap_or_default(),
        source,
        stance_text(e),
        fatalities.to_string(),
        notes,
    ]
}

/// Writes ACLED-like CSV rows as records arrive (the header first).
pub struct CsvWriter<W: Write> {
    w: csv::Writer<W>,
    /// Events written so far.
    pub count: usize,
}

impl<W: Write> CsvWriter<W> {
    /// A writer over `w`; writes the header.
    pub fn new(w: W) -> io::Result<Self> {
        let mut w = csv::Writer::from_writer(w);
        w.write_record(CSV_HEADER)?;
        Ok(CsvWriter { w, count: 0 })
    }

    /// Writes the events of one record.
    pub fn write(&mut self, rec: &Record) -> io::Result<()> {
        for e in &rec.events {
            self.w.write_record(csv_row(rec, e))?;
            self.count += 1;
        }
        Ok(())
    }

    /// Flushes and returns the inner writer.
    pub fn finish(self) -> io::Result<W> {
        self.w
            .into_inner()
            .map_err(|e| io::Error::other(e.to_string()))
    }
}

/// Writes the events of `records` as ACLED-like CSV; returns the number of events.
pub fn write_csv<'a, I, W>(records: I, w: W) -> io::Result<usize>
where
    I: IntoIterator<Item = &'a Record>,
    W: Write,
{
    let mut cw = CsvWriter::new(w)?;
    for r in records {
        cw.write(r)?;
    }
    let n = cw.count;
    cw.finish()?;
    Ok(n)
}

/// The GeoJSON feature of an event, when its location is geocoded.
pub fn geojson_feature(rec: &Record, e: &EventRec) -> Option<Value> {
    let (a, ent) = located(rec, e)?;
    let g = ent.geo.as_ref()?;
    let (date, inferred) = export_date(rec, e);
    let (et, st) = acled_type(e.etype, e.mode.as_deref(), civilian_target(rec, e));
    let mut props = Map::new();
    props.insert("id".into(), json!(event_id(rec, e)));
    props.insert("doc_id".into(), json!(rec.id));
    props.insert("date".into(), json!(date));
    props.insert("date_inferred".into(), json!(inferred));
    props.insert("event".into(), json!(e.etype.as_str()));
    props.insert("mode".into(), json!(e.mode));
    props.insert("acled_event_type".into(), json!(et));
    props.insert("acled_sub_event_type".into(), json!(st));
    props.insert("trigger".into(), json!(e.trigger.text));
    props.insert(
        "actor".into(),
        json!(e
            .actor
            .iter()
            .map(|x| party(rec, x).name)
            .collect::<Vec<_>>()),
    );
    props.insert(
        "recipient".into(),
        json!(e
            .recipient
            .iter()
            .map(|x| party(rec, x).name)
            .collect::<Vec<_>>()),
    );
    props.insert(
        "location".into(),
        json!(ent.name_en.clone().unwrap_or_else(|| ent.name.clone())),
    );
    props.insert("location_text".into(), json!(a.text));
    props.insert("resolution".into(), json!(g.resolution));
    props.insert("size".into(), size_json(e));
    props.insert("stance".into(), json!(e.attribution.stance.as_str()));
    props.insert(
        "by".into(),
        json!(e.attribution.by.as_ref().map(|b| &b.text)),
    );
    props.insert(
        "disputed_by".into(),
        json!(e.disputed_by.iter().map(|d| &d.text).collect::<Vec<_>>()),
    );
    props.insert("confidence".into(), json!(e.confidence));
    props.insert("url".into(), json!(rec.url));
    Some(json!({
        "type": "Feature",
        "geometry": {"type": "Point", "coordinates": [g.lon, g.lat]},
        "properties": props,
    }))
}

/// Collects GeoJSON features of located events; writes the collection on `finish`.
pub struct GeoJsonWriter<W: Write> {
    w: W,
    features: Vec<Value>,
}

impl<W: Write> GeoJsonWriter<W> {
    /// A writer over `w`.
    pub fn new(w: W) -> Self {
        GeoJsonWriter {
            w,
            features: Vec::new(),
        }
    }

    /// Adds the located events of one record.
    pub fn write(&mut self, rec: &Record) {
        self.features
            .extend(rec.events.iter().filter_map(|e| geojson_feature(rec, e)));
    }

    /// Number of features so far.
    pub fn count(&self) -> usize {
        self.features.len()
    }

    /// Writes the `FeatureCollection` and returns the inner writer.
    pub fn finish(mut self) -> io::Result<W> {
        let fc = json!({"type": "FeatureCollection", "features": self.features});
        serde_json::to_writer(&mut self.w, &fc)?;
        self.w.write_all(b"\n")?;
        self.w.flush()?;
        Ok(self.w)
    }
}

/// Writes the located events of `records` as a GeoJSON FeatureCollection; returns the
/// number of features.
pub fn write_geojson<'a, I, W>(records: I, w: W) -> io::Result<usize>
where
    I: IntoIterator<Item = &'a Record>,
    W: Write,
{
    let mut gw = GeoJsonWriter::new(w);
    for r in records {
        gw.write(r);
    }
    let n = gw.count();
    gw.finish()?;
    Ok(n)
}

#[cfg(test)]
mod tests;
