//! The read stage: turns inputs into [`Document`]s, or into errors that say which file
//! (and line) is wrong and why.
//!
//! Supported inputs:
//! * plain text (`.txt` and anything else that is text);
//! * HTML (`.html`, `.htm`): main article text only, through `dom_smoothie`'s
//!   readability port (no scripts, styles or navigation), title/date/lang kept;
//! * JSON Lines (`.jsonl`, `.ndjson`, `.json` with one object per line, or a `.json`
//!   array): `id`, `text`, optional `published`, `title`, `url`, `outlet`; unknown fields
//!   are kept as metadata;
//! * gzip of any of these (`.gz`), decompressed with a size limit;
//! * directories (recursively, in sorted path order, hidden files skipped) and `-` for
//!   standard input (format sniffed from the content).
//!
//! [`Reader::read`] yields one `Result<Document, ReadError>` per document in input order,
//! so the caller reports a bad document and goes on with the rest. Nothing here panics on
//! any input: invalid UTF-8 is an error naming the byte offset (or is replaced with
//! `lossy`, or decoded from a detected legacy encoding with `encoding = Auto`), binary data
//! and empty documents are errors, and sizes are capped by `max_bytes`.

mod decode;
mod html;
mod jsonl;

use rasd_doc::{Date, Document, Meta};
use sha2::{Digest, Sha256};
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};

pub use decode::Encoding;

/// Why a document could not be read.
#[derive(Debug, thiserror::Error)]
#[error("{origin}: {kind}")]
pub struct ReadError {
    /// File, `file:line` or `-`.
    pub origin: String,
    /// What is wrong.
    pub kind: ErrorKind,
}

/// What is wrong with an input.
#[derive(Debug, thiserror::Error)]
pub enum ErrorKind {
    /// The file could not be opened or read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// Bytes that are not UTF-8.
    #[error(
        "invalid UTF-8 at byte {offset} (use --lossy to replace bad bytes, or --encoding auto)"
    )]
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
    },
    /// Binary data rather than text.
    #[error("binary data, not text ({0})")]
    Binary(String),
    /// Nothing but whitespace.
    #[error("empty document")]
    Empty,
    /// Larger than the configured limit.
    #[error("{size} bytes exceeds the limit of {limit} bytes (--max-bytes)")]
    TooLarge {
        /// Size seen (at least).
        size: u64,
        /// Limit.
        limit: u64,
    },
    /// A JSON Lines record that does not parse or lacks `text`.
    #[error("bad JSON record: {0}")]
    Json(String),
    /// HTML from which no text could be extracted.
    #[error("HTML without extractable text: {0}")]
    Html(String),
    /// A gzip stream that does not decompress.
    #[error("bad gzip data: {0}")]
    Gzip(String),
}

/// Input format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// Plain text.
    Text,
    /// HTML page.
    Html,
    /// JSON Lines (or a JSON array of records).
    Jsonl,
}

/// Options of the reader.
#[derive(Clone, Debug)]
pub struct Options {
    /// Largest document (and largest decompressed file) accepted, in bytes.
    pub max_bytes: u64,
    /// Replace invalid UTF-8 instead of failing.
    pub lossy: bool,
    /// Character encoding of text inputs.
    pub encoding: Encoding,
    /// Id for a single document (`--id`).
    pub id: Option<String>,
    /// Publication date for documents that carry none (`--date`).
    pub date: Option<Date>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            max_bytes: 10 * 1024 * 1024,
            lossy: false,
            encoding: Encoding::Utf8,
            id: None,
            date: None,
        }
    }
}

/// One input: a path or standard input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file.
    File(PathBuf),
    /// Standard input.
    Stdin,
}

/// Expands paths into inputs: directories recursively (sorted, dotfiles skipped), `-`
/// as standard input. A path that does not exist is returned as an error.
pub fn expand(paths: &[PathBuf]) -> Vec<Result<Input, ReadError>> {
    let mut out = Vec::new();
    for p in paths {
        if p.as_os_str() == "-" {
            out.push(Ok(Input::Stdin));
        } else if p.is_dir() {
            walk(p, &mut out);
        } else if p.exists() {
            out.push(Ok(Input::File(p.clone())));
        } else {
            out.push(Err(ReadError {
                origin: p.display().to_string(),
                kind: ErrorKind::Io(std::io::Error::new(
                    std::io::ErrorKind::NotFound,
                    "no such file or directory",
                )),
            }));
        }
    }
    out
}

fn walk(dir: &Path, out: &mut Vec<Result<Input, ReadError>>) {
    let entries = match fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            out.push(Err(ReadError {
                origin: dir.display().to_string(),
                kind: ErrorKind::Io(e),
            }));
            return;
        }
    };
    let mut paths: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            !p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'))
        })
        .collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            walk(&p, out);
        } else if p.is_file() {
            out.push(Ok(Input::File(p)));
        }
    }
}

/// Reads documents from inputs.
#[derive(Clone, Debug, Default)]
pub struct Reader {
    /// Options.
    pub options: Options,
}

/// The format implied by a file name (after removing `.gz`), if any.
pub fn format_of(name: &str) -> Option<Format> {
    let lower = name.to_ascii_lowercase();
    let base = lower.strip_suffix(".gz").unwrap_or(&lower);
    let ext = base.rsplit_once('.').map(|(_, e)| e)?;
    match ext {
        "html" | "htm" | "xhtml" => Some(Format::Html),
        "jsonl" | "ndjson" | "json" => Some(Format::Jsonl),
        "txt" | "text" | "md" => Some(Format::Text),
        _ => None,
    }
}

/// Guesses the format of content without a telling file name.
pub fn sniff(bytes: &[u8]) -> Format {
    let head = &bytes[..bytes.len().min(1024)];
    let start = head
        .iter()
        .position(|b| !b.is_ascii_whitespace())
        .map(|i| head[i]);
    match start {
        Some(b'{') | Some(b'[') => Format::Jsonl,
        Some(b'<') => {
            let lower: Vec<u8> = head.iter().map(|b| b.to_ascii_lowercase()).collect();
            let has = |needle: &[u8]| lower.windows(needle.len()).any(|w| w == needle);
            if has(b"<html")
                || has(b"<!doctype html")
                || has(b"<body")
                || has(b"<p>")
                || has(b"<div")
            {
                Format::Html
            } else {
                Format::Text
            }
        }
        _ => Format::Text,
    }
}

/// A stable content hash used as id when none is given (first 16 hex digits of SHA-256).
pub fn content_id(text: &str) -> String {
    let d = Sha256::digest(text.as_bytes());
    d.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

/// Parses a publication date: `YYYY-MM-DD`, optionally followed by a time.
pub fn parse_date(s: &str) -> Option<Date> {
    let s = s.trim();
    let head = s.get(..10).unwrap_or(s);
    head.parse::<Date>().ok()
}

/// File stem without `.gz` and the format extension: `a/b/seed.txt.gz` → `seed`.
fn stem_of(path: &Path) -> String {
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("document");
    let name = name.strip_suffix(".gz").unwrap_or(name);
    match name.rsplit_once('.') {
        Some((s, _)) if !s.is_empty() => s.to_string(),
        _ => name.to_string(),
    }
}

impl Reader {
    /// A reader with these options.
    pub fn new(options: Options) -> Self {
        Reader { options }
    }

    fn err(origin: &str, kind: ErrorKind) -> ReadError {
        ReadError {
            origin: origin.to_string(),
            kind,
        }
    }

    /// Reads all bytes of an input, decompressing gzip, enforcing `max_bytes`.
    fn bytes(&self, input: &Input, origin: &str) -> Result<Vec<u8>, ReadError> {
        let limit = self.options.max_bytes;
        let mut raw = Vec::new();
        match input {
            Input::File(p) => {
                let mut f = fs::File::open(p).map_err(|e| Self::err(origin, e.into()))?;
                let gz = p
                    .extension()
                    .and_then(|e| e.to_str())
                    .is_some_and(|e| e.eq_ignore_ascii_case("gz"));
                if !gz {
                    if let Ok(m) = f.metadata() {
                        if m.len() > limit && format_of(origin) != Some(Format::Jsonl) {
                            return Err(Self::err(
                                origin,
                                ErrorKind::TooLarge {
                                    size: m.len(),
                                    limit,
                                },
                            ));
                        }
                    }
                }
                // JSONL files may be large; each record is checked against the limit.
                let cap = if format_of(origin) == Some(Format::Jsonl) {
                    u64::MAX
                } else {
                    limit
                };
                if gz {
                    let mut dec = flate2::read::MultiGzDecoder::new(f).take(cap.saturating_add(1));
                    dec.read_to_end(&mut raw)
                        .map_err(|e| Self::err(origin, ErrorKind::Gzip(e.to_string())))?;
                } else {
                    (&mut f)
                        .take(cap.saturating_add(1))
                        .read_to_end(&mut raw)
                        .map_err(|e| Self::err(origin, e.into()))?;
                }
                if raw.len() as u64 > cap {
                    return Err(Self::err(
                        origin,
                        ErrorKind::TooLarge {
                            size: raw.len() as u64,
                            limit,
                        },
                    ));
                }
            }
            Input::Stdin => {
                std::io::stdin()
                    .lock()
                    .read_to_end(&mut raw)
                    .map_err(|e| Self::err(origin, e.into()))?;
                if raw.len() >= 2 && raw[0] == 0x1f && raw[1] == 0x8b {
                    let mut out = Vec::new();
                    flate2::read::MultiGzDecoder::new(&raw[..])
                        .take(limit.saturating_mul(64))
                        .read_to_end(&mut out)
                        .map_err(|e| Self::err(origin, ErrorKind::Gzip(e.to_string())))?;
                    raw = out;
                }
            }
        }
        Ok(raw)
    }

    /// Reads every document of one input, in order. Errors for single records (a broken
    /// JSONL line) are returned in place of those records; the others still come.
    pub fn read(&self, input: &Input) -> Vec<Result<Document, ReadError>> {
        let origin = match input {
            Input::File(p) => p.display().to_string(),
            Input::Stdin => "-".to_string(),
        };
        let raw = match self.bytes(input, &origin) {
            Ok(r) => r,
            Err(e) => return vec![Err(e)],
        };
        let format = format_of(&origin).unwrap_or_else(|| sniff(&raw));
        let stem = match input {
            Input::File(p) => Some(stem_of(p)),
            Input::Stdin => None,
        };
        self.read_bytes(raw, &origin, format, stem)
    }

    /// Reads documents from bytes already in memory (e.g. a member of a zip archive).
    /// `stem` is the id of a single text/HTML document when `--id` is not set.
    pub fn read_bytes(
        &self,
        raw: Vec<u8>,
        origin: &str,
        format: Format,
        stem: Option<String>,
    ) -> Vec<Result<Document, ReadError>> {
        match format {
            Format::Jsonl => jsonl::read(&raw, origin, &self.options),
            Format::Html | Format::Text => vec![self.single(raw, format, origin, stem)],
        }
    }

    fn single(
        &self,
        raw: Vec<u8>,
        format: Format,
        origin: &str,
        stem: Option<String>,
    ) -> Result<Document, ReadError> {
        if raw.len() as u64 > self.options.max_bytes {
            return Err(Self::err(
                origin,
                ErrorKind::TooLarge {
                    size: raw.len() as u64,
                    limit: self.options.max_bytes,
                },
            ));
        }
        let text = decode::decode(raw, &self.options).map_err(|k| Self::err(origin, k))?;
        let mut meta = Meta {
            origin: Some(origin.to_string()),
            published: self.options.date,
            ..Default::default()
        };
        let text = if format == Format::Html {
            let page = html::extract(&text).map_err(|k| Self::err(origin, k))?;
            meta.title = page.title;
            if meta.published.is_none() {
                meta.published = page.published.as_deref().and_then(parse_date);
            }
            if let Some(lang) = page.lang {
                meta.extra.insert("html_lang".into(), lang.into());
            }
            page.text
        } else {
            text
        };
        if text.trim().is_empty() {
            return Err(Self::err(origin, ErrorKind::Empty));
        }
        meta.id = self
            .options
            .id
            .clone()
            .or(stem)
            .unwrap_or_else(|| content_id(&text));
        Ok(Document::new(meta, text))
    }

    /// Reads a document from a string (for the API and tests): text format, the given id
    /// or a content hash.
    pub fn from_text(
        &self,
        text: String,
        id: Option<String>,
        published: Option<Date>,
    ) -> Result<Document, ReadError> {
        if text.trim().is_empty() {
            return Err(Self::err("request", ErrorKind::Empty));
        }
        if text.len() as u64 > self.options.max_bytes {
            return Err(Self::err(
                "request",
                ErrorKind::TooLarge {
                    size: text.len() as u64,
                    limit: self.options.max_bytes,
                },
            ));
        }
        decode::check_text(&text).map_err(|k| Self::err("request", k))?;
        let meta = Meta {
            id: id.unwrap_or_else(|| content_id(&text)),
            published: published.or(self.options.date),
            ..Default::default()
        };
        Ok(Document::new(meta, text))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let p = dir.join(name);
        fs::File::create(&p).unwrap().write_all(bytes).unwrap();
        p
    }

    #[test]
    fn formats_by_name_and_content() {
        assert_eq!(format_of("a/b.HTML"), Some(Format::Html));
        assert_eq!(format_of("x.jsonl.gz"), Some(Format::Jsonl));
        assert_eq!(format_of("x.txt"), Some(Format::Text));
        assert_eq!(format_of("README"), None);
        assert_eq!(sniff(b"  {\"id\":1}"), Format::Jsonl);
        assert_eq!(sniff(b"<!DOCTYPE html><html>"), Format::Html);
        assert_eq!(sniff("قال".as_bytes()), Format::Text);
    }

    #[test]
    fn text_file_id_is_stem_and_date_applies() {
        let d = tempfile::tempdir().unwrap();
        let p = write(d.path(), "seed.txt", "نص عربي".as_bytes());
        let r = Reader::new(Options {
            date: parse_date("2014-06-12"),
            ..Default::default()
        });
        let docs = r.read(&Input::File(p));
        let doc = docs.into_iter().next().unwrap().unwrap();
        assert_eq!(doc.meta.id, "seed");
        assert_eq!(doc.meta.published.unwrap().to_string(), "2014-06-12");
    }

    #[test]
    fn bad_inputs_are_named_errors() {
        let d = tempfile::tempdir().unwrap();
        let r = Reader::default();
        let bad = write(d.path(), "bad.txt", b"ok \xff\xfe here");
        let e = r.read(&Input::File(bad.clone())).remove(0).unwrap_err();
        assert!(
            matches!(e.kind, ErrorKind::InvalidUtf8 { offset: 3 }),
            "{e}"
        );
        assert!(e.to_string().contains("bad.txt"));
        let lossy = Reader::new(Options {
            lossy: true,
            ..Default::default()
        });
        assert!(lossy.read(&Input::File(bad)).remove(0).is_ok());
        let bin = write(d.path(), "blob.bin", &[0u8, 1, 2, 3, 0, 0, 255, 7, 8]);
        assert!(matches!(
            r.read(&Input::File(bin)).remove(0).unwrap_err().kind,
            ErrorKind::Binary(_)
        ));
        let empty = write(d.path(), "empty.txt", b"  \n ");
        assert!(matches!(
            r.read(&Input::File(empty)).remove(0).unwrap_err().kind,
            ErrorKind::Empty
        ));
        let big = write(d.path(), "big.txt", &[b'a'; 100]);
        let small = Reader::new(Options {
            max_bytes: 10,
            ..Default::default()
        });
        assert!(matches!(
            small.read(&Input::File(big)).remove(0).unwrap_err().kind,
            ErrorKind::TooLarge { .. }
        ));
    }

    #[test]
    fn gzip_of_text() {
        let d = tempfile::tempdir().unwrap();
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all("خبر مضغوط".as_bytes()).unwrap();
        let p = write(d.path(), "a.txt.gz", &enc.finish().unwrap());
        let doc = Reader::default().read(&Input::File(p)).remove(0).unwrap();
        assert_eq!(doc.text, "خبر مضغوط");
        assert_eq!(doc.meta.id, "a");
        let junk = write(d.path(), "b.txt.gz", b"\x1f\x8bnot gzip at all");
        assert!(Reader::default()
            .read(&Input::File(junk))
            .remove(0)
            .is_err());
    }

    #[test]
    fn directory_walk_is_sorted_and_skips_dotfiles() {
        let d = tempfile::tempdir().unwrap();
        fs::create_dir(d.path().join("sub")).unwrap();
        write(d.path(), "b.txt", b"b");
        write(&d.path().join("sub"), "a.txt", b"a");
        write(d.path(), ".hidden", b"x");
        write(d.path(), "a.txt", b"a");
        let got: Vec<String> = expand(&[d.path().to_path_buf()])
            .into_iter()
            .map(|i| match i.unwrap() {
                Input::File(p) => p.strip_prefix(d.path()).unwrap().display().to_string(),
                Input::Stdin => "-".into(),
            })
            .collect();
        assert_eq!(got, vec!["a.txt", "b.txt", "sub/a.txt"]);
        assert!(expand(&[d.path().join("missing")])[0].is_err());
    }

    #[test]
    fn dates() {
        assert_eq!(
            parse_date("2015-07-21T10:00:00Z").unwrap().to_string(),
            "2015-07-21"
        );
        assert!(parse_date("21/07/2015").is_none());
        assert!(parse_date("").is_none());
    }
}
