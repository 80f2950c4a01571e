//! Reading gold files and system JSONL files the way `score.py` does.
//!
//! Gold: a directory contributes its `*.gold.json` files (not hidden ones, as
//! Python's `glob`), sorted by name; a file contributes itself. System: one record
//! per line; lines are split like Python's universal newlines (`\n`, `\r\n`, `\r`),
//! stripped of Unicode whitespace, blank ones skipped; records are keyed by
//! `str(record.get("id"))` and a later line with the same id replaces an earlier one.

use crate::error::EvalError;
use crate::py;
use serde_json::Value;
use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

/// One gold document and the file it was read from.
#[derive(Debug, Clone, PartialEq)]
pub struct Gold {
    /// The file the document came from (used in error messages).
    pub path: PathBuf,
    /// The document as loaded: an object with at least an `id`.
    pub doc: Value,
}

impl Gold {
    /// Wraps an in-memory gold document (checked like a loaded one).
    pub fn new(path: impl Into<PathBuf>, doc: Value) -> Result<Gold, EvalError> {
        let path = path.into();
        check_gold(&path, &doc)?;
        Ok(Gold { path, doc })
    }
}

/// `score.py` needs `g["id"]` of every gold document.
fn check_gold(path: &Path, doc: &Value) -> Result<(), EvalError> {
    match doc {
        Value::Object(o) if o.contains_key("id") => Ok(()),
        Value::Object(_) => Err(EvalError::GoldShape {
            path: path.to_path_buf(),
            message: "the object has no \"id\"".into(),
        }),
        other => Err(EvalError::GoldShape {
            path: path.to_path_buf(),
            message: format!("expected an object, found {}", py::type_name(other)),
        }),
    }
}

fn read_text(path: &Path) -> Result<String, EvalError> {
    fs::read_to_string(path).map_err(|source| EvalError::Read {
        path: path.to_path_buf(),
        source,
    })
}

/// The gold files a directory contributes: `*.gold.json`, not starting with `.`, sorted.
fn gold_files_in(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let read_err = |source| EvalError::Read {
        path: dir.to_path_buf(),
        source,
    };
    let mut files = Vec::new();
    for entry in fs::read_dir(dir).map_err(read_err)? {
        let entry = entry.map_err(read_err)?;
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.ends_with(".gold.json") && !name.starts_with('.') {
            files.push(entry.path());
        }
    }
    files.sort();
    Ok(files)
}

/// Loads gold documents: each directory in `paths` contributes its `*.gold.json`
/// files in sorted order, each other path is read as a gold file itself.
///
/// Fails on an unreadable file, invalid JSON, or a document that is not an object
/// with an `id` (the reference scorer cannot score those either).
pub fn load_gold(paths: &[PathBuf]) -> Result<Vec<Gold>, EvalError> {
    let mut files = Vec::new();
    for p in paths {
        if p.is_dir() {
            files.extend(gold_files_in(p)?);
        } else {
            files.push(p.clone());
        }
    }
    let mut golds = Vec::with_capacity(files.len());
    for f in files {
        let text = read_text(&f)?;
        let doc: Value = serde_json::from_str(&text).map_err(|source| EvalError::GoldJson {
            path: f.clone(),
            source,
        })?;
        golds.push(Gold::new(f, doc)?);
    }
    Ok(golds)
}

/// Loads a system JSONL file into records keyed by `str(id)` (`"None"` when a
/// record has no id). Blank lines are skipped; a later record with the same id
/// replaces an earlier one. A line that is not a JSON object is an error naming
/// the file and the 1-based line.
pub fn load_system(path: &Path) -> Result<HashMap<String, Value>, EvalError> {
    let text = read_text(path)?;
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut recs = HashMap::new();
    for (i, line) in text.split('\n').enumerate() {
        let line = line.trim_matches(py::is_space);
        if line.is_empty() {
            continue;
        }
        let rec: Value = serde_json::from_str(line).map_err(|source| EvalError::SystemJson {
            path: path.to_path_buf(),
            line: i + 1,
            source,
        })?;
        let Value::Object(o) = &rec else {
            return Err(EvalError::SystemShape {
                path: path.to_path_buf(),
                line: i + 1,
                found: py::type_name(&rec),
            });
        };
        let id = py::str_opt(o.get("id"));
        recs.insert(id, rec);
    }
    Ok(recs)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh directory, removed when the guard drops (also when an assertion fails).
    fn tmp() -> tempfile::TempDir {
        tempfile::Builder::new()
            .prefix("rasd-eval-load-")
            .tempdir()
            .unwrap()
    }

    #[test]
    fn system_lines_last_wins_and_errors_name_the_line() {
        let guard = tmp();
        let d = guard.path();
        let f = d.join("out.jsonl");
        fs::write(&f, "{\"id\": \"a\", \"v\": 1}\r\n\u{a0}\n{\"id\": \"a\", \"v\": 2}\r{\"v\": 3}\n{\"id\": 5}\n").unwrap();
        let recs = load_system(&f).unwrap();
        assert_eq!(recs["a"]["v"], 2);
        assert_eq!(recs["None"]["v"], 3);
        assert!(recs.contains_key("5"));

        fs::write(&f, "{\"id\": \"a\"}\n\n{broken\n").unwrap();
        let err = load_system(&f).unwrap_err().to_string();
        assert!(err.contains("out.jsonl:3: invalid JSON"), "{err}");

        fs::write(&f, "[1, 2]\n").unwrap();
        let err = load_system(&f).unwrap_err().to_string();
        assert!(
            err.contains(":1: a record must be a JSON object, found list"),
            "{err}"
        );

        assert!(load_system(&d.join("missing.jsonl")).is_err());
    }

    #[test]
    fn gold_dir_sorted_hidden_skipped() {
        let guard = tmp();
        let d = guard.path().to_path_buf();
        fs::write(d.join("b.gold.json"), r#"{"id": "b"}"#).unwrap();
        fs::write(d.join("a.gold.json"), r#"{"id": "a"}"#).unwrap();
        fs::write(d.join(".h.gold.json"), r#"{"id": "h"}"#).unwrap();
        fs::write(d.join("c.json"), r#"{"id": "c"}"#).unwrap();
        let extra = d.join("c.json");
        let golds = load_gold(&[d.clone(), extra]).unwrap();
        let ids: Vec<&str> = golds
            .iter()
            .map(|g| g.doc["id"].as_str().unwrap())
            .collect();
        assert_eq!(ids, ["a", "b", "c"]);

        fs::write(d.join("x.gold.json"), r#"{"name": 1}"#).unwrap();
        let err = load_gold(std::slice::from_ref(&d)).unwrap_err().to_string();
        assert!(
            err.contains("x.gold.json") && err.contains("no \"id\""),
            "{err}"
        );
        fs::write(d.join("x.gold.json"), "{").unwrap();
        assert!(matches!(load_gold(&[d]), Err(EvalError::GoldJson { .. })));
    }
}
