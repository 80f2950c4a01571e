//! Integration tests of every API route and page: good requests, bad parameters, unknown
//! ids, oversized bodies, an XSS document and the security headers.

use axum::body::Body;
use axum::http::{header, Request, StatusCode};
use http_body_util::BodyExt;
use rasd_doc::Record;
use rasd_serve::memory::MemoryCorpus;
use rasd_serve::{router, AppState};
use serde_json::{json, Value};
use std::sync::Arc;
use tower::ServiceExt;

const XSS: &str = "خبر <script>alert('x')</script> ثم <img src=x onerror=alert(1)> في طرابلس";

fn records() -> Vec<Record> {
    // Hand-made records (own text): an attack in a city, a protest, and an XSS document.
    let a = json!({
        "id": "a1", "published": "2014-06-04", "lang": "ar", "title": "هجوم", "url": null, "outlet": "وكالة",
        "text": "قتل ثلاثة في هجومٍ على مقر الجيش في بنغازي، حسب مصدر أمني.",
        "sentences": [{"start": 0, "end": 58}],
        "entities": [
            {"id": "E1", "type": "LOC", "subtype": "city", "name": "بنغازي", "country": "LBY",
             "kb": {"geonames": 88319}, "geo": {"lat": 32.1167, "lon": 20.0667, "country": "LY", "resolution": 4},
             "mentions": [{"start": 35, "end": 41, "text": "بنغازي", "kind": "name"}]},
            {"id": "E2", "type": "ORG", "name": "الجيش", "country": "LBY",
             "mentions": [{"start": 26, "end": 31, "text": "الجيش", "kind": "name"}]}
        ],
        "times": [],
        "quantities": [{"id": "Q1", "start": 4, "end": 9, "text": "ثلاثة", "value": 3.0, "min": null, "max": null, "approx": false, "unit": "person"}],
        "events": [{
            "id": "V1", "type": "ASSAULT", "mode": null, "sentence": 0,
            "trigger": {"start": 0, "end": 3, "text": "قتل"},
            "actor": [], "recipient": [{"entity": "E2", "start": 26, "end": 31, "text": "الجيش"}],
            "location": [{"entity": "E1", "start": 35, "end": 41, "text": "بنغازي"}],
            "date": {"time": null, "value": "2014-06-04", "inferred": true},
            "size": {"dead": 3.0, "injured": null, "arrested": null, "troops": null},
            "attribution": {"stance": "reported", "by": {"entity": null, "start": 47, "end": 57, "text": "مصدر أمني"}, "cue": null},
            "disputed_by": [], "confidence": 0.8
        }]
    });
    let b = json!({
        "id": "b2", "published": "2014-06-10", "lang": "ar", "title": null, "url": null, "outlet": "صحيفة",
        "text": "تظاهر مئات في طرابلس ضد الجيش.",
        "sentences": [{"start": 0, "end": 30}],
        "entities": [
            {"id": "E1", "type": "LOC", "name": "طرابلس", "kb": {"geonames": 2210247},
             "geo": {"lat": 32.89, "lon": 13.19, "country": "LY", "resolution": 4},
             "mentions": [{"start": 14, "end": 20, "text": "طرابلس", "kind": "name"}]},
            {"id": "E2", "type": "ORG", "name": "الجيش", "country": "LBY",
             "mentions": [{"start": 24, "end": 29, "text": "الجيش", "kind": "name"}]}
        ],
        "times": [], "quantities": [],
        "events": [{
            "id": "V1", "type": "PROTEST", "mode": "demonstrate", "sentence": 0,
            "trigger": {"start": 0, "end": 5, "text": "تظاهر"},
            "actor": [], "recipient": [{"entity": "E2", "start": 24, "end": 29, "text": "الجيش"}],
            "location": [{"entity": "E1", "start": 14, "end": 20, "text": "طرابلس"}],
            "date": {"time": null, "value": "2014-06-10", "inferred": true},
            "size": {"dead": null, "injured": null, "arrested": null, "troops": null},
            "attribution": {"stance": "asserted", "by": null, "cue": null},
            "disputed_by": [], "confidence": 0.7
        }]
    });
    let x = json!({
        "id": "xss", "published": "2014-06-11", "lang": "ar", "title": "<script>alert('t')</script>",
        "url": null, "outlet": null, "text": XSS,
        "sentences": [{"start": 0, "end": XSS.chars().count()}],
        "entities": [], "times": [], "quantities": [], "events": []
    });
    vec![a, b, x]
        .into_iter()
        .map(|v| serde_json::from_value(v).unwrap())
        .collect()
}

fn app() -> axum::Router {
    let pipeline = Arc::new(rasd::pipeline::Pipeline::standard());
    router(AppState {
        corpus: Arc::new(MemoryCorpus::new(records())),
        extractor: Arc::new(move |doc| pipeline.extract(doc, true)),
    })
}

async fn send(req: Request<Body>) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let res = app().oneshot(req).await.unwrap();
    let status = res.status();
    let headers = res.headers().clone();
    let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (status, headers, body)
}

async fn get(uri: &str) -> (StatusCode, Value) {
    let (s, h, b) = send(Request::get(uri).body(Body::empty()).unwrap()).await;
    if uri.starts_with("/api/") {
        assert_eq!(h[header::CONTENT_TYPE], "application/json", "{uri}");
    }
    (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
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

#[tokio::test]
async fn stats_counts_the_corpus() {
    let v = get_ok("/api/stats").await;
    assert_eq!(v["documents"], 3);
    assert_eq!(v["events"], 2);
    assert_eq!(v["event_types"]["ASSAULT"], 1);
    assert_eq!(v["first_published"], "2014-06-04");
    assert_eq!(v["last_published"], "2014-06-11");
    bad("/api/stats?x=1").await;
}

#[tokio::test]
async fn documents_are_paged_and_validated() {
    let v = get_ok("/api/documents?per_page=2").await;
    assert_eq!(v["total"], 3);
    assert_eq!(v["items"].as_array().unwrap().len(), 2);
    assert_eq!(v["items"][0]["id"], "xss", "most recent first");
    let v = get_ok("/api/documents?per_page=2&page=2").await;
    assert_eq!(v["items"][0]["id"], "a1");
    let v = get_ok("/api/documents?page=9").await;
    assert_eq!(v["items"].as_array().unwrap().len(), 0);
    for q in [
        "page=0",
        "page=-1",
        "page=abc",
        "per_page=0",
        "per_page=5000",
        "page=1&page=2",
        "sort=x",
    ] {
        bad(&format!("/api/documents?{q}")).await;
    }
}

#[tokio::test]
async fn document_returns_the_full_record_or_404() {
    let v = get_ok("/api/documents/a1").await;
    let rec: Record = serde_json::from_value(v).unwrap();
    assert_eq!(rec, records()[0]);
    missing("/api/documents/nope").await;
    missing(&format!("/api/documents/{}", enc("../../etc/passwd"))).await;
}

#[tokio::test]
async fn search_folds_and_highlights() {
    // Query with a kasra and tatweel still finds «هجومٍ»/«بنغازي».
    let v = get_ok(&format!("/api/search?q={}", enc("بنغـازيِ"))).await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["document"]["id"], "a1");
    let parts = v["items"][0]["snippets"][0].as_array().unwrap();
    let hit: Vec<&str> = parts
        .iter()
        .filter(|p| p["hit"] == true)
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(hit, ["بنغازي"]);
    // All words must occur.
    let v = get_ok(&format!("/api/search?q={}", enc("الجيش بنغازي"))).await;
    assert_eq!(v["total"], 1);
    let v = get_ok(&format!("/api/search?q={}", enc("الجيش"))).await;
    assert_eq!(v["total"], 2);
    // Filters.
    let v = get_ok(&format!("/api/search?q={}&from=2014-06-05", enc("الجيش"))).await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["document"]["id"], "b2");
    let v = get_ok(&format!("/api/search?q={}&type=protest", enc("الجيش"))).await;
    assert_eq!(v["total"], 1);
    let v = get_ok(&format!("/api/search?outlet={}", enc("وكالة"))).await;
    assert_eq!(v["total"], 1);
    let v = get_ok("/api/search?entity=gn:2210247").await;
    assert_eq!(v["items"][0]["document"]["id"], "b2");
    let v = get_ok("/api/search?q=nothinglikethis").await;
    assert_eq!(v["total"], 0);
    for q in [
        "from=2014-13-01",
        "from=yesterday",
        "to=2014-6-1",
        "from=2014-06-10&to=2014-06-01",
        "type=BOMB",
        "page=0",
        "qq=1",
    ] {
        bad(&format!("/api/search?{q}")).await;
    }
}

#[tokio::test]
async fn events_filter_and_histogram() {
    let v = get_ok("/api/events").await;
    assert_eq!(v["total"], 2);
    assert_eq!(v["days"]["2014-06-04"], 1);
    assert_eq!(v["days"]["2014-06-10"], 1);
    let e = &v["items"][0];
    assert_eq!(e["id"], "a1:V1");
    assert_eq!(e["type"], "ASSAULT");
    assert_eq!(e["place"]["name"], "بنغازي");
    assert_eq!(e["dead"]["min"], 3.0);
    assert_eq!(e["dead"]["values"], json!([3.0]));
    assert_eq!(e["n_reports"], 1);
    assert_eq!(e["n_sources"], 1);
    assert_eq!(e["stance"], "reported");
    assert_eq!(e["stances"], json!(["reported"]));
    assert_eq!(e["reports"][0]["doc"], "a1");
    assert_eq!(e["reports"][0]["by"], "مصدر أمني");
    assert_eq!(get_ok("/api/events?type=assault").await["total"], 1);
    assert_eq!(
        get_ok("/api/events?from=2014-06-05&to=2014-06-30").await["total"],
        1
    );
    // Benghazi is inside this box, Tripoli is not.
    let v = get_ok("/api/events?bbox=19,31,21,33").await;
    assert_eq!(v["total"], 1);
    assert_eq!(v["items"][0]["id"], "a1:V1");
    assert_eq!(get_ok("/api/events?country=LY").await["total"], 2);
    assert_eq!(get_ok("/api/events?country=EGY").await["total"], 0);
    for q in [
        "bbox=1,2,3",
        "bbox=0,0,10,100",
        "bbox=10,0,0,10",
        "bbox=a,b,c,d",
        "country=Libya",
        "type=x",
        "from=2014-02-30",
        "per_page=1001",
    ] {
        bad(&format!("/api/events?{q}")).await;
    }
}

#[tokio::test]
async fn event_by_id_or_404() {
    let v = get_ok("/api/events/a1:V1").await;
    assert_eq!(v["reports"][0]["trigger"], "قتل");
    assert!(v["reports"][0]["sentence"]
        .as_str()
        .unwrap()
        .contains("بنغازي"));
    missing("/api/events/a1:V9").await;
}

#[tokio::test]
async fn entities_grouped_across_documents() {
    let v = get_ok("/api/entities").await;
    assert_eq!(
        v["total"], 3,
        "the army is one entity over two documents: {v}"
    );
    assert_eq!(v["items"][0]["name"], "الجيش");
    assert_eq!(v["items"][0]["documents"], 2);
    assert_eq!(get_ok("/api/entities?type=loc").await["total"], 2);
    assert_eq!(
        get_ok(&format!("/api/entities?q={}", enc("طرابلس"))).await["total"],
        1
    );
    bad("/api/entities?type=CITY").await;
    bad("/api/entities?page=x").await;
    let id = v["items"][0]["id"].as_str().unwrap().to_string();
    let d = get_ok(&format!("/api/entities/{}", enc(&id))).await;
    assert_eq!(d["events"].as_array().unwrap().len(), 2);
    assert_eq!(d["mention_list"].as_array().unwrap().len(), 2);
    let place = get_ok("/api/entities/gn:88319").await;
    assert_eq!(place["lat"], 32.1167);
    assert_eq!(place["events"][0]["id"], "a1:V1");
    missing("/api/entities/wd:Q0").await;
}

async fn post(ctype: Option<&str>, body: Vec<u8>) -> (StatusCode, Value) {
    let mut req = Request::post("/api/extract");
    if let Some(c) = ctype {
        req = req.header(header::CONTENT_TYPE, c);
    }
    let (s, _, b) = send(req.body(Body::from(body)).unwrap()).await;
    (s, serde_json::from_slice(&b).unwrap_or(Value::Null))
}

#[tokio::test]
async fn extract_runs_the_pipeline_and_validates() {
    let body = json!({"text": "قال الرئيس إن الوفد وصل إلى القاهرة. ثم عاد.", "published": "2014-06-12", "id": "t1"});
    let (s, v) = post(Some("application/json"), body.to_string().into_bytes()).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    let rec: Record = serde_json::from_value(v).unwrap();
    assert_eq!(rec.id, "t1");
    assert_eq!(rec.published.as_deref(), Some("2014-06-12"));
    assert_eq!(rec.sentences.len(), 2, "the real segmenter ran");
    assert_eq!(rec.lang.as_deref(), Some("ar"));
    let (s, v) = post(
        Some("text/plain; charset=utf-8"),
        "نص قصير للتجربة.".as_bytes().to_vec(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert!(v["id"].as_str().is_some_and(|i| !i.is_empty()));
    // Nothing was stored.
    assert_eq!(get_ok("/api/stats").await["documents"], 3);
    for (ctype, body) in [
        ("application/json", b"{not json".to_vec()),
        ("application/json", br#"{"txt": "x"}"#.to_vec()),
        ("application/json", br#"{"text": "   "}"#.to_vec()),
        (
            "application/json",
            br#"{"text": "abc", "published": "12/06/2014"}"#.to_vec(),
        ),
        ("text/plain", vec![0xff, 0xfe, 0x00]),
    ] {
        let (s, v) = post(Some(ctype), body).await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{v}");
        assert!(v["error"].is_string());
    }
    let (s, v) = post(Some("image/png"), b"x".to_vec()).await;
    assert_eq!(s, StatusCode::UNSUPPORTED_MEDIA_TYPE, "{v}");
}

#[tokio::test]
async fn oversized_bodies_get_413() {
    let big = vec![b'a'; 10 * 1024 * 1024 + 1];
    let (s, v) = post(Some("text/plain"), big).await;
    assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(v["error"].as_str().unwrap().contains("larger"), "{v}");
}

#[tokio::test]
async fn openapi_lists_every_route() {
    let v = get_ok("/api/openapi.json").await;
    assert!(v["openapi"].as_str().unwrap().starts_with("3."));
    for p in [
        "/api/stats",
        "/api/documents",
        "/api/documents/{id}",
        "/api/search",
        "/api/events",
        "/api/events/{id}",
        "/api/entities",
        "/api/entities/{id}",
        "/api/extract",
        "/api/openapi.json",
    ] {
        assert!(v["paths"][p].is_object(), "{p} undocumented");
    }
    missing("/api/nothing").await;
}

#[tokio::test]
async fn xss_document_stays_data() {
    // The API returns the payload as a JSON string, byte for byte.
    let v = get_ok("/api/documents/xss").await;
    assert_eq!(v["text"], XSS);
    // The page shell carries no data at all: no payload can appear in it unescaped.
    for uri in ["/doc/xss", "/", "/entity/x", "/event/x"] {
        let (s, h, b) = send(Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(h[header::CONTENT_TYPE], "text/html; charset=utf-8");
        let html = String::from_utf8(b).unwrap();
        assert!(!html.contains("alert"), "{uri}");
        assert!(!html.contains("onerror"), "{uri}");
        assert!(!html.contains("<script>"), "{uri}: only external scripts");
    }
    // The UI code never turns strings into markup.
    for (name, _, bytes) in rasd_serve::ui::ASSETS
        .iter()
        .filter(|a| a.0.ends_with(".js"))
    {
        let js = std::str::from_utf8(bytes).unwrap();
        for bad in [
            "innerHTML",
            "outerHTML",
            "insertAdjacentHTML",
            "document.write",
            "eval(",
            "new Function",
        ] {
            assert!(!js.contains(bad), "{name} uses {bad}");
        }
    }
    let common = std::str::from_utf8(
        rasd_serve::ui::ASSETS
            .iter()
            .find(|a| a.0 == "common.js")
            .unwrap()
            .2,
    )
    .unwrap();
    assert!(
        common.contains("document.createTextNode(String(c))"),
        "el() inserts strings as text nodes"
    );
}

#[tokio::test]
async fn security_headers_and_static_files() {
    for uri in [
        "/",
        "/doc/a1",
        "/api/stats",
        "/static/app.css",
        "/api/nothing",
    ] {
        let (_, h, _) = send(Request::get(uri).body(Body::empty()).unwrap()).await;
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("default-src 'self'"), "{uri}");
        assert!(csp.contains("script-src 'self'"), "{uri}");
        assert!(!csp.contains("unsafe"), "{uri}");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
    }
    let (s, h, b) = send(
        Request::get("/static/world.json")
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[header::CONTENT_TYPE], "application/json");
    let w: Value = serde_json::from_slice(&b).unwrap();
    assert!(w["countries"].as_array().unwrap().len() > 150);
    for uri in [
        "/static/../Cargo.toml",
        "/static/%2e%2e%2fCargo.toml",
        "/static/..%2f..%2fsrc%2flib.rs",
        "/static/lib.rs",
        "/static/",
        "/etc/passwd",
    ] {
        let (s, _, _) = send(Request::get(uri).body(Body::empty()).unwrap()).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{uri}");
    }
}

#[tokio::test]
async fn every_file_a_page_links_is_served() {
    for page in ["/", "/doc/a1", "/entity/x", "/event/x"] {
        let (_, _, b) = send(Request::get(page).body(Body::empty()).unwrap()).await;
        let html = String::from_utf8(b).unwrap();
        let mut refs = 0;
        for part in html
            .split(['"', '\''])
            .filter(|p| p.starts_with("/static/"))
        {
            let (s, _, _) = send(Request::get(part).body(Body::empty()).unwrap()).await;
            assert_eq!(s, StatusCode::OK, "{page} links {part}");
            refs += 1;
        }
        assert!(refs >= 4, "{page}: css, icon and two scripts");
    }
    let (s, h, _) = send(Request::get("/favicon.ico").body(Body::empty()).unwrap()).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(h[header::CONTENT_TYPE], "image/svg+xml");
}
