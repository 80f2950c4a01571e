//! API integration tests over the SQLite corpus store (`rasd serve --db`): a temporary store
//! is built by ingesting hand-made records (entities with knowledge-base ids, a geocoded
//! place, two reports of one attack in two documents with conflicting dead counts 16 and
//! 46 and conflicting stances, a protest, an XSS document), then every route is exercised,
//! with bad parameters and unknown ids, and the database file is checked to be unchanged.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use rasd_doc::Record;
use rasd_serve::{router, store, AppState};
use serde_json::{json, Value};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

/// Code-point range of the first occurrence of `word` in `text`.
fn at(text: &str, word: &str) -> (usize, usize) {
    let b = text.find(word).unwrap();
    let s = text[..b].chars().count();
    (s, s + word.chars().count())
}

fn ent(text: &str, id: &str, etype: &str, name: &str, word: &str, extra: Value) -> Value {
    let (s, e) = at(text, word);
    let mut v = json!({"id": id, "type": etype, "name": name,
        "mentions": [{"start": s, "end": e, "text": word, "kind": "name"}]});
    if let (Some(m), Value::Object(x)) = (v.as_object_mut(), extra) {
        m.extend(x);
    }
    v
}

fn arg(text: &str, id: &str, word: &str) -> Value {
    let (s, e) = at(text, word);
    json!([{"entity": id, "start": s, "end": e, "text": word}])
}

#[allow(clippy::too_many_arguments)]
fn record(
    id: &str,
    outlet: Option<&str>,
    published: &str,
    text: &str,
    entities: Vec<Value>,
    events: Vec<Value>,
) -> Record {
    serde_json::from_value(
        json!({"id": id, "published": published, "lang": "ar", "title": null,
        "url": null, "outlet": outlet, "text": text,
        "sentences": [{"start": 0, "end": text.chars().count()}],
        "entities": entities, "times": [], "quantities": [], "events": events}),
    )
    .unwrap()
}

const XSS: &str = "خبر <script>alert('x')</script> ثم <img src=x onerror=alert(1)> في طرابلس";

fn records() -> Vec<Record> {
    let benghazi = json!({"subtype": "city", "country": "LBY", "kb": {"geonames": 88319},
        "geo": {"lat": 32.1167, "lon": 20.0667, "country": "LY", "resolution": 4}});
    let haftar = json!({"country": "LBY", "kb": {"wikidata": "Q1"}});
    let t1 = "قتل 16 شخصا في هجوم شنه أنصار الشريعة على قوات حفتر في بنغازي، حسب مصدر أمني.";
    let r1 = record(
        "r1",
        Some("alwasat.ly"),
        "2014-06-04",
        t1,
        vec![
            ent(t1, "E1", "PER", "خليفة حفتر", "حفتر", haftar.clone()),
            ent(t1, "E2", "LOC", "بنغازي", "بنغازي", benghazi.clone()),
            ent(t1, "E3", "ORG", "أنصار الشريعة", "أنصار الشريعة", json!({})),
        ],
        vec![
            json!({"id": "V1", "type": "ASSAULT", "mode": null, "sentence": 0,
            "trigger": {"start": 0, "end": 3, "text": "قتل"},
            "actor": arg(t1, "E3", "أنصار الشريعة"), "recipient": arg(t1, "E1", "حفتر"),
            "location": arg(t1, "E2", "بنغازي"),
            "date": {"time": null, "value": "2014-06-04"},
            "size": {"dead": 16.0, "injured": null, "arrested": null, "troops": null},
            "attribution": {"stance": "asserted", "by": {"entity": null, "start": 70, "end": 78, "text": "مصدر أمني"}, "cue": null},
            "disputed_by": [], "confidence": 0.8}),
        ],
    );
    let t2 = "نفت قوات حفتر مقتل 46 في هجوم أنصار الشريعة وفي بنغازي أمس، وبالجزائر تنديد.";
    let r2 = record(
        "r2",
        Some("alarabiya.net"),
        "2014-06-05",
        t2,
        vec![
            ent(t2, "E1", "ORG", "أنصار الشريعة", "أنصار الشريعة", json!({})),
            ent(t2, "E2", "PER", "حفتر", "حفتر", haftar),
            ent(t2, "E3", "LOC", "بنغازي", "بنغازي", benghazi),
        ],
        vec![
            json!({"id": "V1", "type": "ASSAULT", "mode": null, "sentence": 0,
            "trigger": {"start": 14, "end": 18, "text": "مقتل"},
            "actor": arg(t2, "E1", "أنصار الشريعة"), "recipient": arg(t2, "E2", "حفتر"),
            "location": arg(t2, "E3", "بنغازي"),
            "date": {"time": null, "value": "2014-06-05"},
            "size": {"dead": 46.0, "injured": null, "arrested": null, "troops": null},
            "attribution": {"stance": "denied", "by": null, "cue": null},
            "disputed_by": [], "confidence": 0.7}),
        ],
    );
    let t3 = "تظاهر مئات في طرابلس ضد الجيش.";
    let r3 = record(
        "p3",
        Some("alwasat.ly"),
        "2014-06-10",
        t3,
        vec![
            ent(
                t3,
                "E1",
                "LOC",
                "طرابلس",
                "طرابلس",
                json!({"kb": {"geonames": 2210247}, "geo": {"lat": 32.89, "lon": 13.19, "country": "LY", "resolution": 4}}),
            ),
            ent(t3, "E2", "ORG", "الجيش", "الجيش", json!({"country": "LBY"})),
        ],
        vec![
            json!({"id": "V1", "type": "PROTEST", "mode": "demonstrate", "sentence": 0,
            "trigger": {"start": 0, "end": 5, "text": "تظاهر"},
            "actor": [], "recipient": arg(t3, "E2", "الجيش"), "location": arg(t3, "E1", "طرابلس"),
            "date": {"time": null, "value": "2014-06-10"},
            "size": {"dead": null, "injured": null, "arrested": null, "troops": null},
            "attribution": {"stance": "asserted", "by": null, "cue": null},
            "disputed_by": [], "confidence": 0.7}),
        ],
    );
    let x = record("xss", None, "2014-06-11", XSS, vec![], vec![]);
    vec![r1, r2, r3, x]
}

struct Fixture {
    _dir: tempfile::TempDir,
    db: PathBuf,
    app: axum::Router,
}

fn fixture() -> &'static Fixture {
    static F: OnceLock<Fixture> = OnceLock::new();
    F.get_or_init(|| {
        // A static is never dropped, so the folder outlives the run: keep it under the
        // target directory rather than leaving one in the system's temp folder per run.
        let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
        let db = dir.path().join("corpus.db");
        {
            let mut s = rasd_store::Store::open(&db).unwrap();
            s.ingest(&records()).unwrap();
            // Leave a plain file behind: checkpoint the WAL so the test can compare bytes.
            s.connection()
                .execute_batch("PRAGMA wal_checkpoint(TRUNCATE); PRAGMA journal_mode=DELETE;")
                .unwrap();
        }
        let pipeline = Arc::new(rasd::pipeline::Pipeline::standard());
        let app = router(AppState {
            corpus: store::open(&db).unwrap(),
            extractor: Arc::new(move |doc| pipeline.extract(doc, true)),
        });
        Fixture { _dir: dir, db, app }
    })
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let res = fixture()
        .app
        .clone()
        .oneshot(Request::get(uri).body(Body::empty()).unwrap())
        .await
        .unwrap();
    let status = res.status();
    if uri.starts_with("/api/") {
        assert_eq!(
            res.headers()[header::CONTENT_TYPE],
            "application/json",
            "{uri}"
        );
    }
    let b = res.into_body().collect().await.unwrap().to_bytes();
    (status, serde_json::from_slice(&b).unwrap_or(Value::Null))
}

async fn get_ok(uri: &str) -> Value {
    let (s, v) = get(uri).await;
    assert_eq!(s, StatusCode::OK, "{uri}: {v}");
    v
}

async fn bad(uri: &str) {
    let (s, v) = get(uri).await;
    assert_eq!(s, StatusCode::BAD_REQUEST, "{uri}: {v}");
    assert!(
        v["error"].as_str().is_some_and(|e| !e.is_empty()),
        "{uri}: {v}"
    );
}

async fn missing(uri: &str) {
    let (s, v) = get(uri).await;
    assert_eq!(s, StatusCode::NOT_FOUND, "{uri}: {v}");
    assert!(v["error"].is_string(), "{uri}: {v}");
}

fn enc(s: &str) -> String {
    s.bytes()
        .map(|b| {
            if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
                (b as char).to_string()
            } else {
                format!("%{b:02X}")
            }
        })
        .collect()
}

/// The id of the fused attack.
async fn attack_id() -> String {
    let v = get_ok("/api/events?type=ASSAULT").await;
    v["items"][0]["id"].as_str().unwrap().to_string()
}

#[tokio::test]
async fn stats_count_the_store() {
    let v = get_ok("/api/stats").await;
    assert_eq!(v["documents"], 4);
    assert_eq!(
        v["events"], 2,
        "two fused events: the attack and the protest"
    );
    assert_eq!(v["event_reports"], 3);
    assert_eq!(v["event_types"]["ASSAULT"], 1);
    assert_eq!(v["outlets"]["alwasat.ly"], 2);
    assert_eq!(v["first_published"], "2014-06-04");
    assert_eq!(v["last_published"], "2014-06-11");
    bad("/api/stats?x=1").await;
}

#[tokio::test]
async fn documents_are_paged_and_records_complete() {
    let v = get_ok("/api/documents").await;
    assert_eq!(v["total"], 4);
    assert_eq!(v["items"][0]["id"], "xss");
    let v = get_ok("/api/documents?per_page=2&page=2").await;
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(v["items"][0]["id"], "r2");
    assert_eq!(v["items"][1]["id"], "r1");
    assert_eq!(v["items"][0]["events"], 1);
    assert_eq!(v["items"][0]["entities"], 3);
    let v = get_ok("/api/documents?page=99").await;
    assert_eq!(v["items"], json!([]));
    for q in [
        "page=0",
        "per_page=x",
        "per_page=1001",
        "sort=id",
        "page=1&page=2",
    ] {
        bad(&format!("/api/documents?{q}")).await;
    }
    let r = get_ok("/api/documents/r1").await;
    assert!(r["text"].as_str().unwrap().contains("بنغازي"));
    assert_eq!(r["events"][0]["size"]["dead"], 16.0);
    assert_eq!(r["entities"][0]["kb"]["wikidata"], "Q1");
    // Untrusted text comes back as data, unchanged.
    assert_eq!(get_ok("/api/documents/xss").await["text"], XSS);
    missing("/api/documents/nope").await;
    missing(&format!("/api/documents/{}", enc("' OR 1=1 --"))).await;
}

#[tokio::test]
async fn search_is_folded_clitic_insensitive_and_filtered() {
    let v = get_ok(&format!("/api/search?q={}", enc("بنغازي"))).await;
    assert_eq!(v["total"], 2, "{v}");
    let parts = &v["items"][0]["snippets"][0];
    assert!(
        parts
            .as_array()
            .unwrap()
            .iter()
            .any(|p| p["hit"] == true && p["text"].as_str().unwrap().contains("بنغازي")),
        "{parts}"
    );
    // Diacritics in the query do not matter; clitics are stripped on both sides.
    assert_eq!(
        get_ok(&format!("/api/search?q={}", enc("بِنْغازي"))).await["total"],
        2
    );
    let v = get_ok(&format!("/api/search?q={}", enc("الجزائر"))).await;
    assert_eq!(v["total"], 1);
    assert!(v["items"][0]["snippets"][0]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["hit"] == true && p["text"] == "وبالجزائر"));
    assert_eq!(
        get_ok(&format!(
            "/api/search?q={}&outlet={}",
            enc("بنغازي"),
            enc("alarabiya.net")
        ))
        .await["total"],
        1
    );
    assert_eq!(
        get_ok(&format!("/api/search?q={}&from=2014-06-05", enc("بنغازي"))).await["items"][0]
            ["document"]["id"],
        "r2"
    );
    assert_eq!(
        get_ok(&format!("/api/search?q={}&to=2014-06-04", enc("بنغازي"))).await["total"],
        1
    );
    assert_eq!(
        get_ok(&format!(
            "/api/search?q={}&entity={}",
            enc("بنغازي"),
            enc("wd:Q1")
        ))
        .await["total"],
        2
    );
    assert_eq!(
        get_ok(&format!(
            "/api/search?q={}&entity={}",
            enc("بنغازي"),
            enc("wd:Q404")
        ))
        .await["total"],
        0
    );
    assert_eq!(
        get_ok(&format!("/api/search?q={}&type=protest", enc("طرابلس"))).await["total"],
        1
    );
    let p2 = get_ok(&format!(
        "/api/search?q={}&per_page=1&page=2",
        enc("بنغازي")
    ))
    .await;
    assert_eq!(
        (p2["total"].as_u64(), p2["items"].as_array().unwrap().len()),
        (Some(2), 1)
    );
    // Browsing by filters alone.
    assert_eq!(get_ok("/api/search?type=ASSAULT").await["total"], 2);
    for q in [
        "q=...".to_string(),
        "from=2014-13-01".into(),
        "from=2014-06-10&to=2014-06-01".into(),
        "type=bombing".into(),
        "page=-1".into(),
        "limit=5".into(),
        format!("q={}", "ا".repeat(1001)),
    ] {
        bad(&format!("/api/search?{q}")).await;
    }
}

#[tokio::test]
async fn fused_event_keeps_both_reports_and_conflicting_figures() {
    let v = get_ok("/api/events").await;
    assert_eq!(v["total"], 2);
    assert_eq!(v["days"]["2014-06-10"], 1);
    assert_eq!(v["days"]["2014-06-05"], 1);
    let e = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["type"] == "ASSAULT")
        .unwrap();
    assert_eq!(e["n_reports"], 2);
    assert_eq!(e["n_sources"], 2);
    assert_eq!(
        e["dead"],
        json!({"min": 16.0, "max": 46.0, "values": [16.0, 46.0]})
    );
    assert_eq!(e["stance"], "mixed");
    let mut stances: Vec<&str> = e["stances"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap())
        .collect();
    stances.sort();
    assert_eq!(stances, ["asserted", "denied"]);
    let mut docs: Vec<&str> = e["reports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["doc"].as_str().unwrap())
        .collect();
    docs.sort();
    assert_eq!(docs, ["r1", "r2"]);
    assert_eq!(e["place"]["name"], "بنغازي");
    assert_eq!(e["place"]["entity"], "gn:88319");
    assert!((e["place"]["lat"].as_f64().unwrap() - 32.1167).abs() < 1e-6);
    assert!(e["recipients"]
        .as_array()
        .unwrap()
        .iter()
        .any(|p| p["entity"] == "wd:Q1"));
}

#[tokio::test]
async fn events_filter_and_page() {
    let total = |v: Value| v["total"].as_u64().unwrap();
    assert_eq!(total(get_ok("/api/events?type=assault").await), 1);
    assert_eq!(total(get_ok("/api/events?type=PROTEST").await), 1);
    assert_eq!(total(get_ok("/api/events?type=COERCE").await), 0);
    assert_eq!(
        total(get_ok(&format!("/api/events?actor={}", enc("wd:Q1"))).await),
        1
    );
    assert_eq!(
        total(get_ok(&format!("/api/events?actor={}", enc("حفتر"))).await),
        1
    );
    assert_eq!(
        total(get_ok(&format!("/api/events?actor={}", enc("الجيش"))).await),
        1
    );
    // The place's country as the store has it (Benghazi's LBY, Tripoli's geo LY), or an
    // actor's/recipient's affiliation (the army, LBY).
    assert_eq!(total(get_ok("/api/events?country=LY").await), 1);
    assert_eq!(total(get_ok("/api/events?country=lby").await), 2);
    assert_eq!(total(get_ok("/api/events?country=EGY").await), 0);
    assert_eq!(total(get_ok("/api/events?bbox=19,31,21,33").await), 1);
    assert_eq!(total(get_ok("/api/events?bbox=0,0,1,1").await), 0);
    assert_eq!(total(get_ok("/api/events?from=2014-06-06").await), 1);
    assert_eq!(total(get_ok("/api/events?to=2014-06-04").await), 1);
    let p = get_ok("/api/events?per_page=1&page=2").await;
    assert_eq!(total(p.clone()), 2);
    assert_eq!(p["items"][0]["type"], "ASSAULT");
    assert_eq!(
        p["days"].as_object().unwrap().len(),
        2,
        "the histogram covers every match"
    );
    for q in [
        "bbox=1,2,3",
        "bbox=0,0,10,100",
        "bbox=10,0,0,10",
        "bbox=a,b,c,d",
        "country=Libya",
        "country=L1",
        "type=x",
        "from=2014-02-30",
        "per_page=0",
        "min_dead=3",
    ] {
        bad(&format!("/api/events?{q}")).await;
    }
}

#[tokio::test]
async fn event_by_id_or_404() {
    let id = attack_id().await;
    let v = get_ok(&format!("/api/events/{id}")).await;
    assert_eq!(v["id"], id);
    assert_eq!(v["n_reports"], 2);
    let r1 = v["reports"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["doc"] == "r1")
        .unwrap();
    assert_eq!(r1["trigger"], "قتل");
    assert_eq!(r1["by"], "مصدر أمني");
    assert_eq!(r1["outlet"], "alwasat.ly");
    assert!(r1["sentence"].as_str().unwrap().contains("بنغازي"));
    for id in [
        "F999999",
        "F",
        "nope",
        "F1x",
        "F-1",
        "F99999999999999999999",
    ] {
        missing(&format!("/api/events/{}", enc(id))).await;
    }
}

#[tokio::test]
async fn entities_list_and_detail() {
    let v = get_ok("/api/entities").await;
    assert!(v["total"].as_u64().unwrap() >= 5, "{v}");
    let top = &v["items"][0];
    assert_eq!(top["documents"], 2);
    let v = get_ok("/api/entities?type=loc").await;
    assert!(v["items"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["type"] == "LOC"));
    let bg = v["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|e| e["id"] == "gn:88319")
        .unwrap();
    assert!((bg["lon"].as_f64().unwrap() - 20.0667).abs() < 1e-6);
    assert_eq!(bg["kb"]["geonames"], 88319);
    let v = get_ok(&format!("/api/entities?q={}", enc("حفتر"))).await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["id"], "wd:Q1");
    assert_eq!(v["items"][0]["mentions"], 2);
    assert_eq!(
        get_ok("/api/entities?country=LBY&type=PER").await["total"],
        1
    );
    assert_eq!(
        get_ok("/api/entities?per_page=1&page=2").await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    for q in ["type=PERSON", "page=0", "name=x"] {
        bad(&format!("/api/entities?{q}")).await;
    }
    let d = get_ok(&format!("/api/entities/{}", enc("wd:Q1"))).await;
    assert_eq!(d["name"], "خليفة حفتر");
    assert_eq!(d["kb"]["wikidata"], "Q1");
    let mut docs: Vec<&str> = d["mention_list"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["document"].as_str().unwrap())
        .collect();
    docs.sort();
    assert_eq!(docs, ["r1", "r2"]);
    assert_eq!(d["mention_list"][0]["text"], "حفتر");
    assert_eq!(d["events"].as_array().unwrap().len(), 1);
    assert_eq!(d["events"][0]["n_reports"], 2);
    let co = d["co_actors"].as_array().unwrap();
    assert_eq!(co.len(), 1, "{co:?}");
    assert_eq!(co[0][0]["name"], "أنصار الشريعة");
    assert_eq!(co[0][1], 2);
    // A place takes part in events too.
    assert_eq!(
        get_ok("/api/entities/gn%3A88319").await["events"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    missing("/api/entities/wd%3AQ404").await;
    missing("/api/entities/nope").await;
}

#[tokio::test]
async fn pages_and_unknown_routes() {
    for p in ["/", "/doc/r1", "/entity/wd%3AQ1", "/event/F1"] {
        let res = fixture()
            .app
            .clone()
            .oneshot(Request::get(p).body(Body::empty()).unwrap())
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{p}");
    }
    missing("/api/nothing").await;
}

#[tokio::test]
async fn database_is_never_written() {
    let before = std::fs::read(&fixture().db).unwrap();
    for uri in [
        "/api/stats".to_string(),
        "/api/documents".into(),
        format!("/api/search?q={}", enc("بنغازي")),
        "/api/events".into(),
        "/api/entities".into(),
        format!("/api/entities/{}", enc("wd:Q1")),
    ] {
        get_ok(&uri).await;
    }
    assert_eq!(std::fs::read(&fixture().db).unwrap(), before);
    let wal = fixture().db.with_extension("db-wal");
    assert!(!wal.exists() || std::fs::metadata(&wal).unwrap().len() == 0);
}

#[test]
fn other_files_are_refused_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.db");
    rasd_store::rusqlite::Connection::open(&other)
        .unwrap()
        .execute_batch("CREATE TABLE t(x)")
        .unwrap();
    let e = format!("{:#}", store::open(&other).err().unwrap());
    assert!(e.contains("not a rasd store"), "{e}");
    let newer = dir.path().join("newer.db");
    rasd_store::Store::open(&newer).unwrap();
    rasd_store::rusqlite::Connection::open(&newer)
        .unwrap()
        .execute_batch("PRAGMA user_version = 99")
        .unwrap();
    let e = format!("{:#}", store::open(&newer).err().unwrap());
    assert!(e.contains("newer"), "{e}");
    let text = dir.path().join("notes.txt");
    std::fs::write(
        &text,
        "just some text, long enough to look like a file header….",
    )
    .unwrap();
    let e = format!("{:#}", store::open(&text).err().unwrap());
    assert!(e.contains("not a rasd store"), "{e}");
    let missing = dir.path().join("missing.db");
    assert!(store::open(&missing).is_err());
    assert!(!missing.exists(), "opening must not create the file");
}
