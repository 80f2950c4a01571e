//! JSON Lines (and JSON array) records into documents.
//!
//! Each line is one object with `text` (required) and optional `id`, `published`,
//! `title`, `url`, `outlet`; every other field is kept in the document's metadata. A
//! line that does not parse, or lacks `text`, becomes an error naming `file:line`; the
//! other lines are still read. A file whose first character is `[` is read as one JSON
//! array of such objects (SaudiNewsNet's format), errors naming `file[index]`.

use crate::decode::{check_text, decode};
use crate::{content_id, parse_date, ErrorKind, Options, ReadError};
use rasd_doc::{Document, Meta};
use serde_json::{Map, Value};

fn err(origin: String, kind: ErrorKind) -> ReadError {
    ReadError { origin, kind }
}

fn str_field(m: &Map<String, Value>, k: &str) -> Option<String> {
    match m.get(k) {
        Some(Value::String(s)) if !s.trim().is_empty() => Some(s.clone()),
        Some(Value::Number(n)) => Some(n.to_string()),
        _ => None,
    }
}

/// Builds a document from one JSON object.
fn record(v: Value, origin: String, opts: &Options) -> Result<Document, ReadError> {
    let Value::Object(mut m) = v else {
        return Err(err(
            origin,
            ErrorKind::Json("expected a JSON object".into()),
        ));
    };
    // `text`, falling back to SaudiNewsNet's `content`.
    let text = match m.remove("text").or_else(|| m.remove("content")) {
        Some(Value::String(s)) => s,
        Some(_) => {
            return Err(err(
                origin,
                ErrorKind::Json("field \"text\" is not a string".into()),
            ))
        }
        None => {
            return Err(err(
                origin,
                ErrorKind::Json("missing field \"text\"".into()),
            ))
        }
    };
    if text.trim().is_empty() {
        return Err(err(origin, ErrorKind::Empty));
    }
    if text.len() as u64 > opts.max_bytes {
        return Err(err(
            origin,
            ErrorKind::TooLarge {
                size: text.len() as u64,
                limit: opts.max_bytes,
            },
        ));
    }
    check_text(&text).map_err(|k| err(origin.clone(), k))?;
    let id = str_field(&m, "id").unwrap_or_else(|| content_id(&text));
    let published = match str_field(&m, "published").or_else(|| str_field(&m, "date_extracted")) {
        Some(s) => parse_date(&s).or(opts.date),
        None => opts.date,
    };
    let mut meta = Meta {
        id,
        published,
        title: str_field(&m, "title"),
        url: str_field(&m, "url"),
        outlet: str_field(&m, "outlet").or_else(|| str_field(&m, "source")),
        origin: Some(origin),
        extra: Map::new(),
    };
    for k in ["id", "published", "title", "url", "outlet"] {
        m.remove(k);
    }
    meta.extra = m;
    Ok(Document::new(meta, text))
}

/// Reads every record of a JSONL (or JSON array) file. Invalid UTF-8 in a JSON Lines
/// file costs only the lines that hold it: each is reported as `file:line` (with the
/// byte offset in the file) and the other lines are read.
pub fn read(raw: &[u8], origin: &str, opts: &Options) -> Vec<Result<Document, ReadError>> {
    let text = match decode(raw.to_vec(), opts) {
        Ok(t) => t,
        Err(ErrorKind::InvalidUtf8 { .. }) if !raw.trim_ascii_start().starts_with(b"[") => {
            return read_lines_apart(raw, origin, opts);
        }
        Err(k) => return vec![Err(err(origin.to_string(), k))],
    };
    if text.trim().is_empty() {
        return vec![Err(err(origin.to_string(), ErrorKind::Empty))];
    }
    if text.trim_start().starts_with('[') {
        return match serde_json::from_str::<Vec<Value>>(&text) {
            Ok(items) => items
                .into_iter()
                .enumerate()
                .map(|(i, v)| record(v, format!("{origin}[{i}]"), opts))
                .collect(),
            Err(e) => vec![Err(err(origin.to_string(), ErrorKind::Json(e.to_string())))],
        };
    }
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if let Some(r) = line_record(line, format!("{origin}:{}", i + 1), opts) {
            out.push(r);
        }
    }
    out
}

/// One JSON Lines line as a record; `None` for a blank line.
fn line_record(line: &str, at: String, opts: &Options) -> Option<Result<Document, ReadError>> {
    if line.trim().is_empty() {
        return None;
    }
    Some(match serde_json::from_str::<Value>(line) {
        Ok(v) => record(v, at, opts),
        Err(e) => Err(err(at, ErrorKind::Json(e.to_string()))),
    })
}

/// A JSON Lines file with invalid UTF-8, decoded line by line (the same lines as
/// [`str::lines`]), so that a bad line is reported alone.
fn read_lines_apart(raw: &[u8], origin: &str, opts: &Options) -> Vec<Result<Document, ReadError>> {
    let raw = raw.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(raw);
    let mut out = Vec::new();
    let mut start = 0;
    for (i, bytes) in raw.split(|&b| b == b'\n').enumerate() {
        let at = format!("{origin}:{}", i + 1);
        let line_start = start;
        start += bytes.len() + 1;
        let bytes = bytes.strip_suffix(b"\r").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(line) => out.extend(line_record(line, at, opts)),
            Err(e) => out.push(Err(err(
                at,
                ErrorKind::InvalidUtf8 {
                    offset: line_start + e.valid_up_to(),
                },
            ))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn good_and_broken_lines() {
        let src = "{\"id\":\"a\",\"text\":\"نص\",\"published\":\"2015-07-21\",\"outlet\":\"okaz\",\"topic\":\"x\"}\n\n{broken\n{\"text\":\"بلا معرف\"}\n{\"id\":\"c\"}\n";
        let r = read(src.as_bytes(), "f.jsonl", &Options::default());
        assert_eq!(r.len(), 4);
        let a = r[0].as_ref().unwrap();
        assert_eq!(a.meta.id, "a");
        assert_eq!(a.meta.outlet.as_deref(), Some("okaz"));
        assert_eq!(a.meta.extra["topic"], "x");
        assert_eq!(a.meta.published.unwrap().to_string(), "2015-07-21");
        let e = r[1].as_ref().unwrap_err();
        assert_eq!(e.origin, "f.jsonl:3");
        assert_eq!(r[2].as_ref().unwrap().meta.id.len(), 16);
        assert!(r[3]
            .as_ref()
            .unwrap_err()
            .to_string()
            .contains("missing field"));
    }

    #[test]
    fn invalid_utf8_costs_only_its_line() {
        // Line 2 holds a Latin-1 byte; the last line is cut inside a two-byte letter.
        let mut src = b"{\"id\":\"a\",\"text\":\"\xd9\x86\xd8\xb5\"}\r\n{\"id\":\"b\",\"text\":\"caf\xe9\"}\n\n".to_vec();
        src.extend_from_slice(
            b"{\"id\":\"c\",\"text\":\"\xd9\x86\"}\n{\"id\":\"d\",\"text\":\"\xd9",
        );
        let r = read(&src, "f.jsonl", &Options::default());
        assert_eq!(r.len(), 4);
        assert_eq!(r[0].as_ref().unwrap().text, "نص");
        let e = r[1].as_ref().unwrap_err();
        assert_eq!(e.origin, "f.jsonl:2");
        let at = src.iter().position(|&b| b == 0xe9).unwrap();
        assert!(
            e.to_string()
                .contains(&format!("invalid UTF-8 at byte {at}")),
            "{e}"
        );
        assert_eq!(r[2].as_ref().unwrap().meta.id, "c");
        assert_eq!(r[3].as_ref().unwrap_err().origin, "f.jsonl:5");
        // A JSON array cannot be split: the file is one error.
        let r = read(b"[{\"text\":\"caf\xe9\"}]", "a.json", &Options::default());
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].as_ref().unwrap_err().origin, "a.json");
    }

    #[test]
    fn json_array_and_content_field() {
        let src = r#"[{"title":"t","content":"خبر","date_extracted":"2015-07-21 10:00:00","source":"aleqtisad"}, 5]"#;
        let r = read(src.as_bytes(), "day.json", &Options::default());
        let d = r[0].as_ref().unwrap();
        assert_eq!(d.text, "خبر");
        assert_eq!(d.meta.outlet.as_deref(), Some("aleqtisad"));
        assert_eq!(r[1].as_ref().unwrap_err().origin, "day.json[1]");
    }
}
