//! Checks that `rasd-eval` prints exactly what the reference scorer
//! `shared/eval/score.py` prints — text and `--json` — on synthetic system files
//! built from the seed gold: a perfect record, an empty one, a hand-made noisy one,
//! pseudo-random perturbations, odd-but-legal shapes, and shapes on which Python
//! raises (there the Rust scorer must return an error).
//!
//! The comparison part is skipped (with a message) when `python3` or `score.py`
//! is not available; the self-contained assertions still run.

use rasd_eval::{load_gold, load_system, score, Metric, Report};
use serde_json::{json, Value};
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn seed_gold_path() -> PathBuf {
    repo_root().join("eval/seed.gold.json")
}

fn seed_gold() -> Value {
    serde_json::from_str(&fs::read_to_string(seed_gold_path()).unwrap()).unwrap()
}

/// `score.py`, when it and python3 are usable. It lives in `shared/eval/` beside
/// the repository (`../shared`); a worktree under `<root>/wt/NAME` finds it one
/// level further up. `RASD_SCORE_PY` overrides the location.
fn score_py() -> Option<PathBuf> {
    let root = repo_root();
    let candidates: Vec<PathBuf> = match std::env::var_os("RASD_SCORE_PY") {
        Some(p) => vec![PathBuf::from(p)],
        None => vec![
            root.join("../shared/eval/score.py"),
            root.join("../../shared/eval/score.py"),
        ],
    };
    let Some(p) = candidates.iter().find(|p| p.is_file()) else {
        println!("SKIP python comparison: score.py not found at {candidates:?}");
        return None;
    };
    match Command::new("python3").arg("--version").output() {
        Ok(o) if o.status.success() => Some(p.clone()),
        _ => {
            println!("SKIP python comparison: python3 not available");
            None
        }
    }
}

fn work_dir(name: &str) -> PathBuf {
    let d = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("agrees-{name}"));
    let _ = fs::remove_dir_all(&d);
    fs::create_dir_all(&d).unwrap();
    d
}

fn jsonl(records: &[Value]) -> String {
    records.iter().map(|r| r.to_string() + "\n").collect()
}

/// What the Rust scorer makes of the inputs: (text, json) or the error.
fn rust_outputs(golds: &[PathBuf], system: &Path) -> Result<(String, String, Report), String> {
    let g = load_gold(golds).map_err(|e| e.to_string())?;
    let r = load_system(system).map_err(|e| e.to_string())?;
    let rep = score(&g, &r).map_err(|e| e.to_string())?;
    Ok((rep.to_text(), rep.to_json() + "\n", rep))
}

/// Runs score.py; `Ok(stdout)` or `Err(last stderr line)` when it raised.
fn python(py: &Path, golds: &[PathBuf], system: &Path, as_json: bool) -> Result<String, String> {
    let mut cmd = Command::new("python3");
    cmd.arg(py).args(golds).arg("--system").arg(system);
    if as_json {
        cmd.arg("--json");
    }
    cmd.env("PYTHONIOENCODING", "utf-8");
    let out = cmd.output().expect("run python3");
    if out.status.success() {
        Ok(String::from_utf8(out.stdout).expect("utf-8 stdout"))
    } else {
        let err = String::from_utf8_lossy(&out.stderr);
        Err(err.lines().last().unwrap_or("").to_string())
    }
}

/// Every p/r/f1/acc of two `--json` summaries agrees to 3 decimals.
fn assert_numbers_3dp(py: &Value, rs: &Value, case: &str) {
    let (Some(ps), Some(rsum)) = (py["summary"].as_object(), rs["summary"].as_object()) else {
        panic!("{case}: no summary");
    };
    assert_eq!(ps.len(), rsum.len(), "{case}: summary keys differ");
    for (k, pv) in ps {
        for f in ["p", "r", "f1", "acc"] {
            if let Some(x) = pv[f].as_f64() {
                let y = rsum[k][f].as_f64().unwrap_or(f64::NAN);
                assert_eq!(format!("{x:.3}"), format!("{y:.3}"), "{case}: {k}.{f}");
            }
        }
    }
}

/// Compares both output formats; when Python raises, requires a Rust error.
/// Returns the Rust outcome: the report, or the error message.
fn compare(case: &str, golds: &[PathBuf], records: &str) -> Result<Report, String> {
    let dir = work_dir(case);
    let system = dir.join("system.jsonl");
    fs::write(&system, records).unwrap();
    let rust = rust_outputs(golds, &system);
    let Some(py) = score_py() else {
        return rust.map(|r| r.2);
    };
    match python(&py, golds, &system, false) {
        Err(py_err) => match rust {
            Err(e) => {
                println!("{case}: both fail — python: {py_err} | rust: {e}");
                Err(e)
            }
            Ok(_) => panic!("{case}: score.py raised ({py_err}) but rasd-eval scored it"),
        },
        Ok(py_text) => {
            let (text, js, rep) = match rust {
                Ok(x) => x,
                Err(e) => panic!("{case}: score.py succeeded but rasd-eval failed: {e}"),
            };
            assert_eq!(text, py_text, "{case}: text output differs");
            let py_json = python(&py, golds, &system, true).expect("python --json");
            let pv: Value = serde_json::from_str(&py_json).unwrap();
            let rv: Value = serde_json::from_str(&js).unwrap();
            assert_eq!(rv, pv, "{case}: JSON values differ");
            assert_numbers_3dp(&pv, &rv, case);
            assert_eq!(js, py_json, "{case}: JSON bytes differ");
            println!("{case}: identical ({} text lines)", text.lines().count());
            Ok(rep)
        }
    }
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(|x| x.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// A system record that reproduces the gold exactly (optional items included).
fn perfect_record(gold: &Value) -> Value {
    let args = |g: &Value, role: &str| -> Value {
        strs(&g[role])
            .into_iter()
            .map(|t| json!({"text": t, "entity": null}))
            .collect()
    };
    let entities: Vec<Value> = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mentions: Vec<Value> =
                strs(&e["mentions"]).into_iter().map(|m| json!({"text": m, "kind": "name"})).collect();
            json!({"id": format!("E{i}"), "type": e["type"], "name": e["mentions"][0], "mentions": mentions})
        })
        .collect();
    let times: Vec<Value> = gold["times"]
        .as_array()
        .unwrap()
        .iter()
        .enumerate()
        .map(|(i, t)| json!({"id": format!("T{i}"), "text": t["text"], "type": t["type"], "value": t["value"]}))
        .collect();
    let quantities: Vec<Value> = gold["quantities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|q| json!({"text": q["text"], "value": q["value"], "unit": q["unit"]}))
        .collect();
    let events: Vec<Value> = gold["events"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| {
            let mut e = json!({
                "id": v["id"], "type": v["type"], "trigger": {"text": v["trigger"]},
                "actor": args(v, "actor"), "recipient": args(v, "recipient"),
                "location": args(v, "location"),
                "attribution": {"stance": v["attribution"]["stance"]},
                "disputed_by": strs(&v["disputed_by"]).into_iter().map(|t| json!({"text": t})).collect::<Vec<_>>(),
            });
            if let Some(d) = v["date"].as_str() {
                e["date"] = json!({"value": d});
            }
            e
        })
        .collect();
    json!({"id": gold["id"], "entities": entities, "times": times, "quantities": quantities, "events": events})
}

fn f1(rep: &Report, key: &str) -> f64 {
    match rep.summary.get(key) {
        Some(Metric::Prf { f1, .. }) => *f1,
        Some(Metric::Accuracy { acc, .. }) => *acc,
        None => f64::NAN,
    }
}

#[test]
fn perfect_record_scores_one_and_agrees() {
    let gold = seed_gold();
    let rep = compare(
        "perfect",
        &[seed_gold_path()],
        &jsonl(&[perfect_record(&gold)]),
    )
    .unwrap();
    for k in [
        "entities",
        "entities.PER",
        "entities.LOC",
        "times.detect",
        "times.strict",
        "quantities",
        "events",
    ] {
        assert_eq!(f1(&rep, k), 1.0, "{k}");
    }
    for k in [
        "args.actor",
        "args.recipient",
        "args.location",
        "args.date",
        "args.stance",
        "args.disputed",
    ] {
        assert_eq!(f1(&rep, k), 1.0, "{k}");
    }
    // optional gold items matched cost nothing and add nothing
    let Some(Metric::Prf { tp, fp, .. }) = rep.summary.get("entities") else {
        panic!()
    };
    let required = gold["entities"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["optional"] != true)
        .count();
    assert_eq!((*tp as usize, *fp), (required, 0));
}

#[test]
fn empty_record_and_missing_doc_agree() {
    let rep = compare(
        "empty",
        &[seed_gold_path()],
        &jsonl(&[json!({"id": "seed"})]),
    )
    .unwrap();
    assert_eq!(f1(&rep, "entities"), 0.0);
    assert!(rep.details.missing_docs.is_empty());
    assert!(!rep.details.missed_entities.is_empty());

    let rep = compare(
        "missing",
        &[seed_gold_path()],
        &jsonl(&[json!({"id": "other"})]),
    )
    .unwrap();
    assert_eq!(rep.details.missing_docs, vec![json!("seed")]);
    let rep = compare("blank-file", &[seed_gold_path()], "\n  \n").unwrap();
    assert_eq!(rep.details.missing_docs, vec![json!("seed")]);
}

/// A hand-made record with the usual mistakes and many near-misses.
fn noisy_record() -> Value {
    json!({
        "id": "seed",
        "entities": [
            {"id": "E1", "type": "PER", "name": "خليفة\u{00a0}حَفْتَر", "mentions": [
                {"text": "حفتر", "kind": "name"}, {"text": "اللواء الليبي", "kind": "nominal"}]},
            {"id": "E2", "type": "PER", "name": "حفتر"},
            {"id": 3, "type": "LOC", "name": "والجزائر", "mentions": [{"text": "بالجزائر"}]},
            {"id": "E4", "type": "ORG", "name": "ليبيا", "mentions": [{"text": "ليبيا", "kind": "name"}]},
            {"id": "E5", "type": "ORG", "name": "الجيش الوطني الليبي"},
            {"id": "E6", "type": "LOC", "name": "الصحراء"},
            {"id": "E7", "type": "MISC", "name": "«الكرامة»"},
            {"id": "E8", "type": "FOO", "name": {"en": "x", "ar": 5}, "mentions": [{"text": 7}]},
            {"id": "E9", "type": "LOC", "name": null, "mentions": [{"text": "طرابلس", "kind": "name"}]},
            {"id": "E10", "name": "غاو"},
            {"id": "E11", "type": "ORG", "name": "القاعدة", "mentions": [{"text": "تنظيم القاعدة", "kind": "pronoun"}]},
            {"id": "E12", "type": "ORG", "name": "القاعدة"},
            {"id": "E13", "type": "ORG", "name": "gis."},
            {"id": "E14", "type": "LOC", "name": "مالي", "mentions": [{"text": "بمالي", "kind": "name"}]}
        ],
        "times": [
            {"text": "عام 1986", "value": 1986},
            {"text": "منذ أسبوع", "value": "P1W"},
            {"text": "1990", "value": "1991"},
            {"text": "مايو", "value": "2014-05"},
            {"text": "28 مايو", "value": "2014-05-28TEV"},
            {"text": "4 يونيو"},
            {"text": "زمن السلم", "value": "PEACETIME"},
            {"text": "أمس", "value": "2014-06-11"},
            {"text": "", "value": "2013-10-24"},
            {"text": "6 أكتوبر 2013،", "value": "2013-10-06TNI"}
        ],
        "quantities": [
            {"text": "71 سنة", "value": "71"},
            {"text": "مئة من الجنود", "value": 1e2},
            {"text": "مائة قتيل", "value": 100.0000000001},
            {"text": "عشرات الجرحى", "value": 50},
            {"text": "25 ألف", "value": 25000},
            {"text": "ألف من المارينز", "value": true},
            {"text": "9 عناصر", "value": 10},
            {"text": "3 من هذه الطائرات", "value": 3, "min": 1}
        ],
        "events": [
            {"id": "V1", "type": "ASSAULT", "trigger": {"text": "عمليات"},
             "actor": [{"text": "القوات الأميركية"}, {"text": "", "entity": "E9"}],
             "recipient": "الجهاديين", "location": [{"text": "في ليبيا", "entity": null}],
             "date": {"value": "P1W"}, "attribution": {"stance": "asserted"},
             "disputed_by": [{"text": "والجزائر"}]},
            {"id": "V2", "type": "SUPPORT", "trigger": null,
             "actor": ["الأمريكيين"], "recipient": [{"entity": "E1"}],
             "attribution": null},
            {"id": "V3", "type": "ASSAULT", "trigger": {"text": "أطلق"},
             "actor": [{"text": "حفتر", "entity": 3.0}], "recipient": [],
             "date": {"value": "2014-05TMO"}, "attribution": {"stance": "reported"}},
            {"id": "V4", "type": "ASSAULT", "trigger": {"text": "استهدفته"},
             "actor": [{"entity": "E7"}], "recipient": [{"text": "حفتر"}], "location": [{"text": "بنغازي"}],
             "date": {"value": "2014-06-04"}},
            {"id": "V5", "type": "REQUEST", "trigger": {"text": "طالبت"},
             "actor": [{"text": "الاستخبارات الأميركية"}], "recipient": [{"text": "للجزائر"}]},
            {"id": "V6", "type": "AGREE", "trigger": {"text": "وافقت"}, "actor": [{"text": "الجزائر"}]},
            {"id": "V7", "type": "MOBILIZE", "trigger": {"text": "حطت"}, "actor": [{"text": "بيلاتوس"}],
             "location": [{"text": "غاو"}]},
            {"id": "V8", "type": "COERCE", "trigger": {"text": "القبض"}, "actor": [{"text": "SOCAFRICA"}],
             "recipient": [{"text": "أبو أنس"}], "location": [{"text": "طرابلس"}], "date": {"value": "2013-10-06"},
             "attribution": {"stance": "asserted"}},
            {"id": "V9", "type": "PROTEST", "trigger": {"text": "نفت"}, "actor": [{"text": "الجزائر"}]}
        ]
    })
}

#[test]
fn noisy_record_agrees() {
    let rep = compare("noisy", &[seed_gold_path()], &jsonl(&[noisy_record()])).unwrap();
    assert!(f1(&rep, "entities") > 0.0 && f1(&rep, "entities") < 1.0);
    assert!(rep
        .details
        .spurious_entities
        .iter()
        .any(|s| s.starts_with("FOO:{")));
    assert!(rep
        .details
        .spurious_entities
        .iter()
        .any(|s| s == "None:غاو"));
    // a later line with the same id replaces the record
    let two = jsonl(&[json!({"id": "seed"}), noisy_record()]);
    let again = compare("noisy-last-wins", &[seed_gold_path()], &two).unwrap();
    assert_eq!(again, rep);
}

/// Shapes that are odd but on which Python does not raise (and must agree), and
/// shapes on which it raises (Rust must return an error).
#[test]
fn odd_and_broken_shapes() {
    let g = [seed_gold_path()];
    // (case, record, whether score.py scores it without raising)
    let cases: Vec<(&str, Value, bool)> = vec![
        (
            "entities-empty-string",
            json!({"id": "seed", "entities": "", "quantities": {}}),
            true,
        ),
        (
            "trigger-falsy",
            json!({"id": "seed", "events": [
            {"type": "ASSAULT", "trigger": "", "actor": [{"text": "حفتر"}]},
            {"type": "AGREE", "trigger": [], "actor": "الجزائر"}]}),
            true,
        ),
        (
            "numeric-type-never-compared",
            json!({"id": "seed", "entities": [
            {"type": 5, "name": [1, 2], "mentions": [{"text": 9}]}]}),
            true,
        ),
        (
            "time-value-types",
            json!({"id": "seed", "times": [
            {"text": "عام 1990", "value": 1990.0}, {"text": "عام 1986", "value": [1986]},
            {"text": "منذ 2009", "value": null}]}),
            true,
        ),
        ("id-int", json!({"id": 7}), true),
        // Python raises on these
        (
            "mention-text-number",
            json!({"id": "seed", "entities": [
            {"type": "PER", "name": "حفتر", "mentions": [{"text": 5, "kind": "name"}]}]}),
            false,
        ),
        (
            "entity-is-string",
            json!({"id": "seed", "entities": ["حفتر"]}),
            false,
        ),
        (
            "entities-null",
            json!({"id": "seed", "entities": null}),
            false,
        ),
        (
            "trigger-string",
            json!({"id": "seed", "events": [{"type": "ASSAULT", "trigger": "عمليات"}]}),
            false,
        ),
        (
            "actor-number",
            json!({"id": "seed", "events": [{"type": "ASSAULT", "actor": [3]}]}),
            false,
        ),
        (
            "date-string",
            json!({"id": "seed", "events": [
            {"type": "ASSAULT", "trigger": {"text": "عمليات"}, "date": "P1W"}]}),
            false,
        ),
        (
            "unhashable-entity-ref",
            json!({"id": "seed", "events": [
            {"type": "ASSAULT", "actor": [{"text": "x", "entity": ["E1"]}]}]}),
            false,
        ),
        (
            "time-text-number",
            json!({"id": "seed", "times": [{"text": 1986, "value": "1986"}]}),
            false,
        ),
        ("times-string", json!({"id": "seed", "times": "abc"}), false),
    ];
    for (name, rec, ok) in cases {
        let got = compare(name, &g, &jsonl(&[rec]));
        assert_eq!(got.is_ok(), ok, "{name}: {:?}", got.err());
    }
    let err = compare("broken-line", &g, "{\"id\": \"seed\"}\n{nope\n").unwrap_err();
    assert!(err.contains("system.jsonl:2: invalid JSON"), "{err}");
    let err = compare("not-an-object", &g, "[\"seed\"]\n").unwrap_err();
    assert!(err.contains(":1: a record must be a JSON object"), "{err}");
}

/// Odd gold files: optional flags everywhere, roles given as strings, ids that are numbers.
#[test]
fn odd_gold_files_agree() {
    let dir = work_dir("odd-gold-files");
    let mut gold = seed_gold();
    gold["id"] = json!(7);
    gold["events"][2]["actor"] = json!("الأمريكيين");
    gold["events"][2]["recipient"] = json!("خليفة حفتر");
    gold["quantities"][0]["min"] = json!(70.5);
    gold["times"][1]["value"] = json!(1986);
    fs::write(dir.join("b.gold.json"), gold.to_string()).unwrap();
    let mut g2 = seed_gold();
    g2["id"] = json!("7.0");
    for sec in ["entities", "times", "events"] {
        for (i, item) in g2[sec].as_array_mut().unwrap().iter_mut().enumerate() {
            if i % 3 == 0 {
                item["optional"] = json!(true);
            }
        }
    }
    fs::write(dir.join("a.gold.json"), g2.to_string()).unwrap();
    let mut rec = perfect_record(&seed_gold());
    rec["id"] = json!("7");
    let mut rec2 = noisy_record();
    rec2["id"] = json!("7.0");
    let rep = compare("odd-gold", std::slice::from_ref(&dir), &jsonl(&[rec, rec2])).unwrap();
    assert!(rep.details.missing_docs.is_empty());
    assert!(f1(&rep, "entities") > 0.5, "both gold files were scored");

    // a gold role that Python cannot concatenate (string + list) raises
    gold["events"][2]["recipient"] = json!(["خليفة حفتر"]);
    fs::write(dir.join("b.gold.json"), gold.to_string()).unwrap();
    let mut rec = noisy_record();
    rec["id"] = json!(7);
    let err = compare("odd-gold-raises", &[dir], &jsonl(&[rec])).unwrap_err();
    assert!(
        err.contains("b.gold.json") && err.contains("events"),
        "{err}"
    );
}

/// A tiny deterministic PRNG (xorshift64*), so the test needs no dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
}

/// Spelling noise that normalisation or clitic stripping should (or should not) undo.
fn perturb_text(rng: &mut Rng, s: &str) -> String {
    match rng.below(12) {
        0 => format!("و{s}"),
        1 => format!("ب{s}"),
        2 => format!("لل{}", s.trim_start_matches("ال")),
        3 => s.replace('ا', "أ").replace('ي', "ى"),
        4 => s.replace(' ', "\u{00a0}"),
        5 => format!("«{s}»،"),
        6 => s.chars().flat_map(|c| [c, '\u{064e}']).collect(),
        7 => s.split(' ').next().unwrap_or(s).to_string(),
        8 => format!("{s} الجديد"),
        9 => s.replace('ه', "ة").replace('ة', "ه"),
        10 => s.chars().skip(1).collect(),
        _ => s.to_string(),
    }
}

const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

fn perturb_record(rng: &mut Rng, rec: &mut Value) {
    for sec in ["entities", "times", "quantities", "events"] {
        let items = rec[sec].as_array_mut().unwrap();
        items.retain(|_| !rng.chance(15));
        let n = items.len();
        for i in 0..n {
            if rng.chance(10) {
                let dup = items[i].clone();
                items.push(dup);
            }
        }
        let pos = rng.below(items.len().max(1));
        if !items.is_empty() {
            items.rotate_left(pos);
        }
        for item in items.iter_mut() {
            match sec {
                "entities" => {
                    if rng.chance(10) {
                        item["type"] = json!(TYPES[rng.below(4)]);
                    }
                    if let Some(ms) = item["mentions"].as_array_mut() {
                        for m in ms.iter_mut() {
                            let t = m["text"].as_str().unwrap_or("").to_string();
                            m["text"] = json!(perturb_text(rng, &t));
                            if rng.chance(10) {
                                m["kind"] = json!("nominal");
                            }
                        }
                    }
                    if rng.chance(30) {
                        let t = item["name"].as_str().unwrap_or("").to_string();
                        item["name"] = json!(perturb_text(rng, &t));
                    }
                }
                "times" => {
                    let t = item["text"].as_str().unwrap_or("").to_string();
                    item["text"] = json!(perturb_text(rng, &t));
                    let v = item["value"].as_str().unwrap_or("").to_string();
                    item["value"] = match rng.below(6) {
                        0 => json!(format!("{v}TEV")),
                        1 => json!(format!("{v}-01")),
                        2 => Value::Null,
                        _ => json!(v),
                    };
                }
                "quantities" => {
                    let t = item["text"].as_str().unwrap_or("").to_string();
                    item["text"] = json!(perturb_text(rng, &t));
                    let v = item["value"].as_f64().unwrap_or(0.0);
                    item["value"] = match rng.below(6) {
                        0 => json!(v + 1.0),
                        1 => json!(v * 1.0000000000001),
                        2 => json!(format!("{v}")),
                        _ => item["value"].clone(),
                    };
                }
                _ => {
                    if rng.chance(10) {
                        item["type"] = json!(["ASSAULT", "MOBILIZE", "AGREE"][rng.below(3)]);
                    }
                    if rng.chance(30) {
                        let t = item["trigger"]["text"].as_str().unwrap_or("").to_string();
                        item["trigger"] = if rng.chance(30) {
                            Value::Null
                        } else {
                            json!({"text": perturb_text(rng, &t)})
                        };
                    }
                    for role in ["actor", "recipient", "location"] {
                        if let Some(a) = item[role].as_array_mut() {
                            a.retain(|_| !rng.chance(20));
                            for x in a.iter_mut() {
                                let t = x["text"].as_str().unwrap_or("").to_string();
                                x["text"] = json!(perturb_text(rng, &t));
                                if rng.chance(15) {
                                    x["entity"] = json!(format!("E{}", rng.below(40)));
                                }
                            }
                        }
                    }
                    if rng.chance(20) {
                        item["attribution"]["stance"] = json!("asserted");
                    }
                    if rng.chance(20) {
                        item["date"] = json!({"value": "2014-05-28TAF"});
                    }
                    if rng.chance(20) {
                        item["disputed_by"] = json!([]);
                    }
                }
            }
        }
    }
}

#[test]
fn random_perturbations_agree() {
    let dir = work_dir("random-gold");
    let base = seed_gold();
    let perfect = perfect_record(&base);
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let mut records = Vec::new();
    for i in 0..30 {
        let mut gold = base.clone();
        gold["id"] = json!(format!("seed-{i}"));
        // vary the gold too: some items become optional
        for sec in ["entities", "times", "quantities", "events"] {
            for item in gold[sec].as_array_mut().unwrap() {
                if rng.chance(10) {
                    item["optional"] = json!(!item["optional"].as_bool().unwrap_or(false));
                }
            }
        }
        fs::write(dir.join(format!("seed-{i}.gold.json")), gold.to_string()).unwrap();
        let mut rec = perfect.clone();
        rec["id"] = json!(format!("seed-{i}"));
        perturb_record(&mut rng, &mut rec);
        if i != 29 {
            records.push(rec);
        }
    }
    let rep = compare("random", &[dir], &jsonl(&records)).unwrap();
    let f = f1(&rep, "entities");
    assert!(f > 0.3 && f < 1.0, "entities F1 {f}");
    assert_eq!(rep.details.missing_docs, vec![json!("seed-29")]);
    assert!(rep.details.missed_entities.len() > 40);
    assert!(
        rep.to_text().contains(" …\n"),
        "lists longer than 40 are elided"
    );
}
