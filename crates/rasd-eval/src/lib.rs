//! `rasd-eval`: scores rasd document records against gold annotations.
//!
//! This is a faithful port of the reference scorer `shared/eval/score.py` (rules in
//! `shared/eval/SCORING.md`): same normalisation, same greedy one-to-one matching,
//! same counts, same rounding, and the same text and `--json` output, byte for
//! byte. Records are scored as raw [`serde_json::Value`]s so that any version of
//! the record format can be evaluated; where the Python scorer would raise on odd
//! input, this crate returns an [`EvalError`] naming the document and the problem.
//!
//! ```no_run
//! use rasd_eval::{load_gold, load_system, score};
//! use std::path::{Path, PathBuf};
//!
//! let golds = load_gold(&[PathBuf::from("eval")])?;
//! let records = load_system(Path::new("out.jsonl"))?;
//! let report = score(&golds, &records)?;
//! print!("{}", report.to_text());
//! # Ok::<(), rasd_eval::EvalError>(())
//! ```
//!
//! `print!("{}", report.to_text())` and `println!("{}", report.to_json())` reproduce
//! `score.py`'s standard output without and with `--json`.
//!
//! # Known differences from Python
//!
//! Only on input no extractor should write: JSON that Python's `json` accepts but
//! `serde_json` rejects (`NaN`, `Infinity`, lone surrogate escapes, nesting deeper
//! than 128) is an error here; integers beyond 64 bits become floats; `repr()` of a
//! string inside an odd value (say a `name` that is a list) escapes non-printable
//! characters from a fixed table rather than Python's full Unicode database; and
//! NFKC/lowercasing use the Unicode version of the Rust crates, not Python's 14.0
//! (they differ only on characters added since).

mod error;
mod load;
mod matching;
pub mod norm;
mod py;
mod report;
mod score;

pub use error::EvalError;
pub use load::{load_gold, load_system, Gold};
pub use report::{dumps, Details, Metric, Report};

use report::Counts;
use serde_json::{Map, Value};
use std::collections::HashMap;

/// Scores every gold document against the record with the same id (`str(id)`);
/// a gold document without a record counts as an empty record and is listed in
/// `details.missing_docs`. Records without a gold document are ignored.
///
/// Fails only where `score.py` would raise: data it cannot compare, such as a gold
/// entity without `type`, a mention `text` that is a number, or a non-list `actor`
/// that cannot be iterated. The error names the document, its gold file and the
/// section being scored.
pub fn score(golds: &[Gold], records: &HashMap<String, Value>) -> Result<Report, EvalError> {
    let mut counts = Counts::default();
    let mut details = Details::default();
    let empty = Value::Object(Map::new());
    let norms = norm::NormCache::default();
    for g in golds {
        let id = match &g.doc {
            Value::Object(o) => o.get("id"),
            _ => None,
        };
        let Some(id) = id else {
            return Err(EvalError::GoldShape {
                path: g.path.clone(),
                message: "expected an object with an \"id\"".into(),
            });
        };
        let key = py::str_of(id);
        let rec = match records.get(&key) {
            Some(r) => r,
            None => {
                details.missing_docs.push(id.clone());
                &empty
            }
        };
        score::score_doc(&norms, &g.doc, rec, &mut counts, &mut details).map_err(
            |(section, py::Crash(message))| EvalError::Score {
                doc: key.clone(),
                path: g.path.clone(),
                section,
                message,
            },
        )?;
    }
    Ok(Report {
        summary: counts.summary(),
        details,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn run(gold: Value, rec: Value) -> Result<Report, EvalError> {
        let g = Gold::new("t.gold.json", gold)?;
        let recs = HashMap::from([(py::str_of(&rec["id"]), rec)]);
        score(&[g], &recs)
    }

    fn prf(rep: &Report, key: &str) -> (u64, u64, u64) {
        match rep.summary.get(key) {
            Some(Metric::Prf { tp, fp, fn_, .. }) => (*tp, *fp, *fn_),
            other => panic!("{key}: {other:?}"),
        }
    }

    #[test]
    fn required_gold_takes_a_tied_system_item_and_optional_costs_nothing() {
        let gold = json!({"id": "d", "entities": [
            {"type": "LOC", "name": "A", "mentions": ["الجزائر"], "optional": true},
            {"type": "LOC", "name": "B", "mentions": ["الجزائر"]},
            {"type": "LOC", "name": "C", "mentions": ["ليبيا"], "optional": true}]});
        let rec = json!({"id": "d", "entities": [{"type": "LOC", "name": "بالجزائر"}]});
        let rep = run(gold, rec).unwrap();
        assert_eq!(prf(&rep, "entities"), (1, 0, 0));
        assert_eq!(prf(&rep, "entities.LOC"), (1, 0, 0));
        assert_eq!(prf(&rep, "entities.PER"), (0, 0, 0));
        assert!(rep.details.missed_entities.is_empty());
    }

    #[test]
    fn normalised_forms_match_entities() {
        let gold = json!({"id": 1, "entities": [
            {"type": "ORG", "name": "LNA", "mentions": ["للجيش الوطني الليبي"]},
            {"type": "PER", "name": "Haftar", "mentions": ["خليفة حفتر"]},
            {"type": "PER", "name": "Zawahiri", "mentions": ["أيمن الظواهري"]}]});
        let rec = json!({"id": 1, "entities": [
            {"type": "ORG", "name": "والجيش الوطني الليبي"},
            {"type": "PER", "name": "خليفة\u{00a0}حَفْتَر"},
            {"type": "PER", "name": "ايمن الظواهرى", "mentions": [{"text": "x", "kind": "nominal"}]}]});
        let rep = run(gold, rec).unwrap();
        assert_eq!(prf(&rep, "entities"), (3, 0, 0));
    }

    #[test]
    fn times_quantities_and_events() {
        let gold = json!({"id": "d",
            "times": [{"text": "28 مايو", "value": "2014-05-28"}, {"text": "عام 1986", "value": "1986"}],
            "quantities": [{"text": "عشرات الجرحى", "value": 24, "min": 20, "max": 99}],
            "events": [{"id": "e1", "type": "ASSAULT", "trigger": "استهدفته", "actor": ["أنصار الشريعة"],
                        "date": "2014-06-04", "attribution": {"stance": "asserted"}}]});
        let rec = json!({"id": "d",
            "times": [{"text": "28 مايو", "value": "2014-05-28TEV"}, {"text": "1986", "value": "1987"}],
            "quantities": [{"text": "عشرات", "value": 50}],
            "events": [{"type": "ASSAULT", "trigger": null, "actor": [{"text": "", "entity": "E1"}],
                        "date": {"value": "2014-06-04"}, "attribution": {"stance": "reported"}}],
            "entities": [{"id": "E1", "type": "ORG", "name": "أنصار الشريعة"}]});
        let rep = run(gold, rec).unwrap();
        assert_eq!(prf(&rep, "times.detect"), (2, 0, 0));
        assert_eq!(prf(&rep, "times.strict"), (1, 1, 1));
        assert_eq!(rep.details.wrong_times, ["عام 1986=1986"]);
        assert_eq!(prf(&rep, "quantities"), (1, 0, 0));
        assert_eq!(prf(&rep, "events"), (1, 0, 0));
        assert_eq!(
            rep.summary["args.actor"],
            Metric::Accuracy { acc: 1.0, n: 1 }
        );
        assert_eq!(
            rep.summary["args.date"],
            Metric::Accuracy { acc: 1.0, n: 1 }
        );
        assert_eq!(
            rep.summary["args.stance"],
            Metric::Accuracy { acc: 0.0, n: 1 }
        );
    }

    #[test]
    fn shapes_python_cannot_score_are_errors() {
        let gold = json!({"id": "d", "entities": [{"name": "no type", "mentions": ["x"]}]});
        let err = run(gold, json!({"id": "d"})).unwrap_err().to_string();
        assert!(
            err.contains("t.gold.json") && err.contains("\"type\""),
            "{err}"
        );
        let gold =
            json!({"id": "d", "entities": [{"type": "PER", "name": "n", "mentions": ["x"]}]});
        let rec = json!({"id": "d", "entities": [{"type": "PER", "mentions": [{"text": 5}]}]});
        assert!(matches!(
            run(gold, rec),
            Err(EvalError::Score {
                section: "entities",
                ..
            })
        ));
        assert!(Gold::new("g", json!([1])).is_err());
    }
}
