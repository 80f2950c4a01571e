//! Seed article: times strict F1 ≥ 0.95 and quantities F1 ≥ 0.90, scored by the
//! reference scorer `shared/eval/score.py` (skipped when python3 or the scorer is
//! missing).

mod common;

use std::process::Command;

#[test]
fn seed_times_and_quantities_meet_the_bar() {
    let root = common::repo_root();
    let gold_path = root.join("eval/seed.gold.json");
    let gold: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&gold_path).unwrap()).unwrap();
    let text_file = gold["text_file"].as_str().unwrap();
    let text = std::fs::read_to_string(root.join("eval").join(text_file)).unwrap();
    let published = gold["published"].as_str().unwrap().parse().unwrap();
    let rec = common::record("seed", &text, Some(published));
    rec.check_spans(&text).unwrap();

    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: shared/ not found");
        return;
    };
    let scorer = shared.join("eval/score.py");
    if !scorer.is_file() || Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 or {} missing", scorer.display());
        return;
    }
    let tmp = std::env::temp_dir().join(format!("rasd-timex-seed-{}.jsonl", std::process::id()));
    std::fs::write(&tmp, serde_json::to_string(&rec).unwrap() + "\n").unwrap();
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(&gold_path)
        .arg("--system")
        .arg(&tmp)
        .arg("--json")
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&tmp);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &v["summary"];
    let times = s["times.strict"]["f1"].as_f64().unwrap();
    let detect = s["times.detect"]["f1"].as_f64().unwrap();
    let qty = s["quantities"]["f1"].as_f64().unwrap();
    eprintln!(
        "seed: times.detect F1 {detect:.3}, times.strict F1 {times:.3}, quantities F1 {qty:.3}"
    );
    eprintln!("details: {}", v["details"]["wrong_times"]);
    assert!(times >= 0.95, "times strict F1 {times}");
    assert!(qty >= 0.90, "quantities F1 {qty}");
}

/// The crate's own held-out gold articles (times and quantities only, tests/gold).
#[test]
fn own_gold_articles_meet_the_bar() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/gold");
    let Some(shared) = common::shared_dir() else {
        eprintln!("skipped: shared/ not found");
        return;
    };
    let scorer = shared.join("eval/score.py");
    if !scorer.is_file() || Command::new("python3").arg("--version").output().is_err() {
        eprintln!("skipped: python3 or {} missing", scorer.display());
        return;
    }
    let mut lines = String::new();
    for e in std::fs::read_dir(&dir).unwrap() {
        let p = e.unwrap().path();
        if !p.to_string_lossy().ends_with(".gold.json") {
            continue;
        }
        let g: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&p).unwrap()).unwrap();
        let text = std::fs::read_to_string(dir.join(g["text_file"].as_str().unwrap())).unwrap();
        let published = g["published"].as_str().unwrap().parse().unwrap();
        let rec = common::record(g["id"].as_str().unwrap(), &text, Some(published));
        lines += &(serde_json::to_string(&rec).unwrap() + "\n");
    }
    let tmp = std::env::temp_dir().join(format!("rasd-timex-own-{}.jsonl", std::process::id()));
    std::fs::write(&tmp, lines).unwrap();
    let out = Command::new("python3")
        .arg(&scorer)
        .arg(&dir)
        .arg("--system")
        .arg(&tmp)
        .arg("--json")
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&tmp);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let s = &v["summary"];
    let times = s["times.strict"]["f1"].as_f64().unwrap();
    let qty = s["quantities"]["f1"].as_f64().unwrap();
    eprintln!(
        "own gold: times.strict F1 {times:.3}, quantities F1 {qty:.3}; {}",
        v["details"]["wrong_times"]
    );
    assert!(times >= 0.95, "times strict F1 {times}");
    assert!(qty >= 0.90, "quantities F1 {qty}");
}
