//! End-to-end tests of the store commands with the real binary: ingest, idempotence,
//! kill-and-resume, search, stats, events exports and `db check`.

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn rasd() -> Command {
    Command::new(env!("CARGO_BIN_EXE_rasd"))
}

fn corpus(dir: &Path, n: usize) -> std::path::PathBuf {
    let p = dir.join("docs.jsonl");
    let mut f = std::fs::File::create(&p).unwrap();
    let words = [
        "الحكومة",
        "أعلنت",
        "مشروع",
        "جديد",
        "المنطقة",
        "وزير",
        "الاقتصاد",
        "اجتماع",
        "المجلس",
        "قرار",
        "التنمية",
        "السكان",
        "الطرق",
        "المدارس",
    ];
    for i in 0..n {
        let mut text = String::new();
        let mut x = (i as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
        for _ in 0..120 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            text.push_str(words[(x % words.len() as u64) as usize]);
            text.push(' ');
        }
        if i % 10 == 0 {
            text.push_str("وعقد الاجتماع وبالجزائر العاصمة.");
        }
        let rec = serde_json::json!({"id": format!("d{i:04}"), "text": text, "date": "2015-03-01", "outlet": "spa"});
        writeln!(f, "{rec}").unwrap();
    }
    p
}

/// Runs `rasd ingest -q --db DB INPUT` and asserts it succeeds.
fn ingest_ok(db: &Path, input: &Path) {
    let st = rasd()
        .args(["ingest", "-q", "--db"])
        .arg(db)
        .arg(input)
        .status()
        .unwrap();
    assert!(
        st.success(),
        "ingest {} into {}",
        input.display(),
        db.display()
    );
}

fn stats(db: &Path) -> serde_json::Value {
    let out = rasd()
        .args(["stats", "--json", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn check(db: &Path) {
    let out = rasd()
        .args(["db", "check", "--db"])
        .arg(db)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "db check: {}",
        String::from_utf8_lossy(&out.stdout)
    );
}

#[test]
fn ingest_twice_changes_nothing_and_search_finds_clitic_forms() {
    let dir = tempfile::tempdir().unwrap();
    let input = corpus(dir.path(), 40);
    let db = dir.path().join("s.db");
    ingest_ok(&db, &input);
    let first = stats(&db);
    assert_eq!(first["documents"], 40);
    ingest_ok(&db, &input);
    assert_eq!(stats(&db), first);
    check(&db);
    let out = rasd()
        .args(["search", "الجَزائر", "--json", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let hits = v["hits"].as_array().unwrap();
    assert_eq!(hits.len(), 4, "{v}");
    assert!(hits
        .iter()
        .all(|h| h["id"].as_str().unwrap().starts_with('d')));
    assert!(hits[0]["snippet"].as_str().unwrap().contains("[وبالجزائر]"));
    for fmt in ["--json", "--csv", "--geojson", "--plover"] {
        let out = rasd()
            .args(["events", fmt, "--db"])
            .arg(&db)
            .output()
            .unwrap();
        assert!(out.status.success(), "{fmt}");
    }
}

#[test]
fn killed_ingest_resumes_without_loss_or_doubling() {
    let dir = tempfile::tempdir().unwrap();
    let n = 600;
    let input = corpus(dir.path(), n);
    let db = dir.path().join("k.db");
    let mut child = rasd()
        .args(["ingest", "-q", "--batch", "8", "--threads", "1", "--db"])
        .arg(&db)
        .arg(&input)
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    // Wait until some batches are committed, then SIGKILL mid-run.
    let t0 = Instant::now();
    let mut seen = 0i64;
    while t0.elapsed() < Duration::from_secs(120) {
        std::thread::sleep(Duration::from_millis(5));
        if let Ok(c) = rasd_store::rusqlite::Connection::open_with_flags(
            &db,
            rasd_store::rusqlite::OpenFlags::SQLITE_OPEN_READ_ONLY,
        ) {
            if let Ok(k) = c.query_row("SELECT count(*) FROM docs", [], |r| r.get::<_, i64>(0)) {
                seen = k;
                if k > 0 {
                    break;
                }
            }
        }
    }
    child.kill().unwrap(); // SIGKILL on Unix
    let status = child.wait().unwrap();
    assert!(seen > 0, "nothing was committed before the kill");
    let partial = stats(&db)["documents"].as_i64().unwrap();
    assert!(
        !status.success() && partial < n as i64,
        "the run finished before it could be killed ({partial} docs)"
    );
    check(&db);
    ingest_ok(&db, &input);
    let s = stats(&db);
    assert_eq!(s["documents"], n);
    check(&db);
    let c = rasd_store::rusqlite::Connection::open(&db).unwrap();
    let distinct: i64 = c
        .query_row("SELECT count(DISTINCT id) FROM docs", [], |r| r.get(0))
        .unwrap();
    assert_eq!(distinct, n as i64);
}

/// A small store built from the generated corpus.
fn small_store(dir: &Path) -> std::path::PathBuf {
    let input = corpus(dir, 12);
    let db = dir.join("p.db");
    ingest_ok(&db, &input);
    db
}

#[cfg(feature = "parquet")]
#[test]
fn events_parquet_writes_a_parquet_file() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_store(dir.path());
    let out_path = dir.path().join("ev.parquet");
    let out = rasd()
        .args(["events", "--db"])
        .arg(&db)
        .arg("--parquet")
        .arg(&out_path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&out_path).unwrap();
    assert!(bytes.len() > 8);
    assert_eq!(&bytes[..4], b"PAR1", "Parquet magic at the start");
    assert_eq!(
        &bytes[bytes.len() - 4..],
        b"PAR1",
        "Parquet magic at the end"
    );
}

#[cfg(not(feature = "parquet"))]
#[test]
fn events_parquet_without_the_feature_fails_clearly() {
    let dir = tempfile::tempdir().unwrap();
    let db = small_store(dir.path());
    let out_path = dir.path().join("ev.parquet");
    let out = rasd()
        .args(["events", "--db"])
        .arg(&db)
        .arg("--parquet")
        .arg(&out_path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("--features parquet"), "{err}");
    assert!(!out_path.exists());
}

#[test]
fn ingest_reports_a_bad_document_by_name_and_keeps_the_rest() {
    let dir = tempfile::tempdir().unwrap();
    let docs = dir.path().join("in");
    std::fs::create_dir(&docs).unwrap();
    std::fs::write(
        docs.join("good1.txt"),
        "أعلنت الحكومة مشروعا جديدا في المنطقة.",
    )
    .unwrap();
    std::fs::write(
        docs.join("good2.txt"),
        "عقد المجلس اجتماعا في الجزائر العاصمة.",
    )
    .unwrap();
    // Invalid UTF-8 in the middle of Arabic text: not readable without --lossy.
    let mut bad = "قال الوزير ".as_bytes().to_vec();
    bad.extend_from_slice(&[0xff, 0xfe, 0xc3]);
    bad.extend_from_slice("إن القرار نهائي.".as_bytes());
    std::fs::write(docs.join("broken.txt"), bad).unwrap();
    let db = dir.path().join("b.db");
    let out = rasd()
        .args(["ingest", "--db"])
        .arg(&db)
        .arg(&docs)
        .output()
        .unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("broken.txt"), "bad document not named: {err}");
    assert!(
        !err.contains("good1.txt") && !err.contains("good2.txt"),
        "{err}"
    );
    assert_eq!(stats(&db)["documents"], 2);
    check(&db);
}

/// `(event_date, event_type, sub_event_type)` of every row of an ACLED-like CSV, sorted.
fn acled_types(csv_text: &[u8]) -> Vec<(String, String, String)> {
    let mut r = csv::Reader::from_reader(csv_text);
    let h: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&h[1..4], ["event_date", "event_type", "sub_event_type"]);
    let mut v: Vec<(String, String, String)> = r
        .records()
        .map(|x| {
            let x = x.unwrap();
            (x[1].to_string(), x[2].to_string(), x[3].to_string())
        })
        .collect();
    v.sort();
    v
}

#[test]
fn events_csv_and_extract_csv_map_event_types_alike() {
    let seed = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../samples/seed.txt");
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("seed.txt");
    std::fs::copy(&seed, &input).unwrap();
    let extract = rasd()
        .args(["extract", "-q", "--format", "csv"])
        .arg(&input)
        .output()
        .unwrap();
    assert!(
        extract.status.success(),
        "{}",
        String::from_utf8_lossy(&extract.stderr)
    );
    let per_doc = acled_types(&extract.stdout);
    assert!(!per_doc.is_empty(), "the seed article has events");
    let db = dir.path().join("seed.db");
    ingest_ok(&db, &input);
    let out = rasd()
        .args(["events", "--csv", "--db"])
        .arg(&db)
        .output()
        .unwrap();
    assert!(out.status.success());
    // One document: its events never fuse with each other, so one row per event, and
    // each row must carry the date and ACLED mapping the per-document export gives that event.
    assert_eq!(acled_types(&out.stdout), per_doc);
}
