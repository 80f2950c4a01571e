//! The evaluation report: summary metrics, details lists, and the two output
//! formats of `score.py` (plain text, and `json.dumps(..., ensure_ascii=False,
//! indent=1)`), reproduced byte for byte.

use crate::py;
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Raw counters as `score.py` keeps them, keyed like `"entities.PER"`.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub(crate) struct Counts {
    prf: BTreeMap<String, [u64; 3]>,
    acc: BTreeMap<String, [u64; 2]>,
}

impl Counts {
    /// `counts.setdefault(key, [0, 0, 0])`: true positives, false positives, false negatives.
    pub(crate) fn prf(&mut self, key: &str) -> &mut [u64; 3] {
        self.prf.entry(key.to_string()).or_default()
    }

    /// `counts.setdefault(key, [0, 0])`: correct, total.
    pub(crate) fn acc(&mut self, key: &str) -> &mut [u64; 2] {
        self.acc.entry(key.to_string()).or_default()
    }

    /// The summary: every counter turned into its metric, keys sorted.
    pub(crate) fn summary(&self) -> BTreeMap<String, Metric> {
        let mut out = BTreeMap::new();
        for (k, &[tp, fp, fnn]) in &self.prf {
            out.insert(k.clone(), Metric::prf(tp, fp, fnn));
        }
        for (k, &[ok, n]) in &self.acc {
            let acc = if n > 0 {
                round4(ok as f64 / n as f64)
            } else {
                0.0
            };
            out.insert(k.clone(), Metric::Accuracy { acc, n });
        }
        out
    }
}

/// Python's `round(x, 4)`: the correctly rounded 4-decimal value (ties to even on
/// the exact binary value, which is what Rust's fixed-precision formatting does).
fn round4(x: f64) -> f64 {
    format!("{x:.4}").parse().unwrap_or(x)
}

/// One line of the summary.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Metric {
    /// Micro precision/recall/F1 (each rounded to 4 decimals) with the raw counts.
    Prf {
        /// Precision, `tp / (tp + fp)`, 0 when undefined.
        p: f64,
        /// Recall, `tp / (tp + fn)`, 0 when undefined.
        r: f64,
        /// Harmonic mean of the unrounded precision and recall.
        f1: f64,
        /// True positives (matched required gold items).
        tp: u64,
        /// False positives (unmatched system items).
        fp: u64,
        /// False negatives (unmatched required gold items).
        fn_: u64,
    },
    /// Share of gold roles a matched event got right (`args.*`).
    Accuracy {
        /// `correct / n`, rounded to 4 decimals, 0 when `n` is 0.
        acc: f64,
        /// Number of gold roles considered.
        n: u64,
    },
}

impl Metric {
    fn prf(tp: u64, fp: u64, fnn: u64) -> Metric {
        let p = if tp + fp > 0 {
            tp as f64 / (tp + fp) as f64
        } else {
            0.0
        };
        let r = if tp + fnn > 0 {
            tp as f64 / (tp + fnn) as f64
        } else {
            0.0
        };
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        Metric::Prf {
            p: round4(p),
            r: round4(r),
            f1: round4(f),
            tp,
            fp,
            fn_: fnn,
        }
    }

    fn to_value(self) -> Value {
        let mut m = Map::new();
        match self {
            Metric::Prf {
                p,
                r,
                f1,
                tp,
                fp,
                fn_,
            } => {
                m.insert("p".into(), Value::from(p));
                m.insert("r".into(), Value::from(r));
                m.insert("f1".into(), Value::from(f1));
                m.insert("tp".into(), Value::from(tp));
                m.insert("fp".into(), Value::from(fp));
                m.insert("fn".into(), Value::from(fn_));
            }
            Metric::Accuracy { acc, n } => {
                m.insert("acc".into(), Value::from(acc));
                m.insert("n".into(), Value::from(n));
            }
        }
        Value::Object(m)
    }
}

/// The lists of individual errors, in the order `score.py` prints them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Details {
    /// The gold `name` of every required gold entity left unmatched (raw JSON value).
    pub missed_entities: Vec<Value>,
    /// `TYPE:name` of every unmatched system entity (`None` when a field is absent).
    pub spurious_entities: Vec<String>,
    /// `text=value` of every required gold time without a strict match.
    pub wrong_times: Vec<String>,
    /// `doc:event-id:TYPE` of every required gold event left unmatched.
    pub missed_events: Vec<String>,
    /// The `id` of every gold document without a system record (raw JSON value).
    pub missing_docs: Vec<Value>,
}

impl Details {
    fn lists(&self) -> [(&'static str, Vec<Value>); 5] {
        let strs = |v: &[String]| v.iter().cloned().map(Value::String).collect::<Vec<_>>();
        [
            ("missed_entities", self.missed_entities.clone()),
            ("spurious_entities", strs(&self.spurious_entities)),
            ("wrong_times", strs(&self.wrong_times)),
            ("missed_events", strs(&self.missed_events)),
            ("missing_docs", self.missing_docs.clone()),
        ]
    }
}

/// The result of scoring: metrics per key (sorted) and the error lists.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Metrics keyed `entities`, `entities.PER`, `times.detect`, `times.strict`,
    /// `quantities`, `events`, `args.actor` …, sorted by key.
    pub summary: BTreeMap<String, Metric>,
    /// Individual misses and spurious items.
    pub details: Details,
}

impl Report {
    /// Exactly what `score.py` prints without `--json` (every line ends in `\n`;
    /// empty when there is nothing to print). Write it with `print!`.
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        for (k, v) in &self.summary {
            let _ = match *v {
                Metric::Prf {
                    p,
                    r,
                    f1,
                    tp,
                    fp,
                    fn_,
                } => writeln!(
                    out,
                    "{k:<22} P={p:.3} R={r:.3} F1={f1:.3}  (tp={tp} fp={fp} fn={fn_})"
                ),
                Metric::Accuracy { acc, n } => writeln!(out, "{k:<22} acc={acc:.3} (n={n})"),
            };
        }
        for (k, v) in self.details.lists() {
            if v.is_empty() {
                continue;
            }
            let shown: Vec<String> = v.iter().take(40).map(py::str_of).collect();
            let more = if v.len() > 40 { " …" } else { "" };
            let _ = writeln!(out, "{k}: {}{more}", shown.join("; "));
        }
        out
    }

    /// The report as a JSON value: `{"summary": {...}, "details": {...}}`, keys in
    /// `score.py`'s order.
    pub fn to_value(&self) -> Value {
        let summary: Map<String, Value> = self
            .summary
            .iter()
            .map(|(k, v)| (k.clone(), v.to_value()))
            .collect();
        let details: Map<String, Value> = self
            .details
            .lists()
            .into_iter()
            .map(|(k, v)| (k.to_string(), Value::Array(v)))
            .collect();
        let mut top = Map::new();
        top.insert("summary".into(), Value::Object(summary));
        top.insert("details".into(), Value::Object(details));
        Value::Object(top)
    }

    /// Exactly `json.dumps(report, ensure_ascii=False, indent=1)` as `score.py --json`
    /// computes it (without the final newline `print` adds). Write it with `println!`.
    pub fn to_json(&self) -> String {
        dumps(&self.to_value())
    }
}

/// `json.dumps(v, ensure_ascii=False, indent=1)` for any loaded value.
pub fn dumps(v: &Value) -> String {
    let mut out = String::new();
    dump_into(v, 0, &mut out);
    out
}

fn newline_indent(level: usize, out: &mut String) {
    out.push('\n');
    out.extend(std::iter::repeat_n(' ', level));
}

fn dump_into(v: &Value, level: usize, out: &mut String) {
    match v {
        Value::Null => out.push_str("null"),
        Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Value::Number(n) => match py::number_repr(n).as_str() {
            "inf" => out.push_str("Infinity"),
            "-inf" => out.push_str("-Infinity"),
            "nan" => out.push_str("NaN"),
            s => out.push_str(s),
        },
        Value::String(s) => dump_str(s, out),
        Value::Array(a) if a.is_empty() => out.push_str("[]"),
        Value::Array(a) => {
            out.push('[');
            for (i, x) in a.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(level + 1, out);
                dump_into(x, level + 1, out);
            }
            newline_indent(level, out);
            out.push(']');
        }
        Value::Object(o) if o.is_empty() => out.push_str("{}"),
        Value::Object(o) => {
            out.push('{');
            for (i, (k, x)) in o.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                newline_indent(level + 1, out);
                dump_str(k, out);
                out.push_str(": ");
                dump_into(x, level + 1, out);
            }
            newline_indent(level, out);
            out.push('}');
        }
    }
}

/// A JSON string as Python's `json` writes it with `ensure_ascii=False`.
fn dump_str(s: &str, out: &mut String) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn prf_rounding_like_python() {
        // 2/3 → 0.6667; F1 from unrounded p and r
        assert_eq!(
            Metric::prf(2, 1, 3),
            Metric::Prf {
                p: 0.6667,
                r: 0.4,
                f1: 0.5,
                tp: 2,
                fp: 1,
                fn_: 3
            }
        );
        assert_eq!(
            Metric::prf(0, 0, 0),
            Metric::Prf {
                p: 0.0,
                r: 0.0,
                f1: 0.0,
                tp: 0,
                fp: 0,
                fn_: 0
            }
        );
        assert_eq!(round4(0.12345), 0.1235); // binary value is just above the tie
        assert_eq!(round4(1.0 / 16.0), 0.0625);
    }

    #[test]
    fn dumps_like_python_indent_1() {
        let v = json!({"a": [], "b": {}, "c": [1, 2.0, "x\"\u{1}é"], "d": {"e": null}});
        let want = "{\n \"a\": [],\n \"b\": {},\n \"c\": [\n  1,\n  2.0,\n  \"x\\\"\\u0001é\"\n ],\n \"d\": {\n  \"e\": null\n }\n}";
        assert_eq!(dumps(&v), want);
    }

    #[test]
    fn text_format() {
        let mut counts = Counts::default();
        *counts.prf("entities") = [1, 2, 0];
        *counts.acc("args.actor") = [1, 3];
        let rep = Report {
            summary: counts.summary(),
            details: Details {
                missing_docs: vec![json!(7)],
                missed_entities: (0..41).map(|i| json!(format!("n{i}"))).collect(),
                ..Details::default()
            },
        };
        let text = rep.to_text();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines[0], "args.actor             acc=0.333 (n=3)");
        assert_eq!(
            lines[1],
            "entities               P=0.333 R=1.000 F1=0.500  (tp=1 fp=2 fn=0)"
        );
        assert!(lines[2].starts_with("missed_entities: n0; n1;"));
        assert!(lines[2].ends_with("n39 …"));
        assert_eq!(lines[3], "missing_docs: 7");
    }
}
