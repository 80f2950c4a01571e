//! WARC input: news crawls as documents.
//!
//! Response records (one gzip member each in Common-Crawl style files, read with flate2's
//! `MultiGzDecoder`) carry an HTTP response; its header block is split off with `httparse`,
//! HTML bodies go through the HTML reader of `rasd_read` (readability main text), and the
//! record's target URI and date become the document's url, id and publication date.
//! Records that are not HTML responses are skipped silently; a response whose page yields
//! no text is reported as a failed document with its WARC record id.

use rasd_doc::Document;
use rasd_read::{ErrorKind, Format, ReadError, Reader};
use std::io::{BufReader, Read};
use std::path::Path;
use warc::{WarcHeader, WarcReader};

/// True for `.warc` and `.warc.gz` files.
pub fn is_warc(p: &Path) -> bool {
    let n = p.to_string_lossy().to_ascii_lowercase();
    n.ends_with(".warc") || n.ends_with(".warc.gz")
}

/// The body of an HTTP response (`None` when the header block does not parse), with
/// whether its content type is HTML.
pub fn http_body(raw: &[u8]) -> Option<(&[u8], bool)> {
    let mut headers = [httparse::EMPTY_HEADER; 96];
    let mut resp = httparse::Response::new(&mut headers);
    match resp.parse(raw) {
        Ok(httparse::Status::Complete(n)) => {
            let html = resp
                .headers
                .iter()
                .find(|h| h.name.eq_ignore_ascii_case("content-type"))
                .map(|h| {
                    String::from_utf8_lossy(h.value)
                        .to_ascii_lowercase()
                        .contains("html")
                })
                .unwrap_or(true);
            Some((raw.get(n..).unwrap_or(&[]), html))
        }
        _ => None,
    }
}

/// Reads every HTML response of a WARC file as a document.
pub fn read(path: &Path, reader_html: &Reader) -> Vec<Result<Document, ReadError>> {
    let origin = path.display().to_string();
    let err = |o: &str, kind| ReadError {
        origin: o.to_string(),
        kind,
    };
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) => return vec![Err(err(&origin, ErrorKind::Io(e)))],
    };
    let gz = origin.to_ascii_lowercase().ends_with(".gz");
    let inner: Box<dyn Read> = if gz {
        Box::new(flate2::read::MultiGzDecoder::new(file))
    } else {
        Box::new(file)
    };
    let reader = WarcReader::new(BufReader::new(inner));
    let mut out = Vec::new();
    for (i, rec) in reader.iter_records().enumerate() {
        let rec = match rec {
            Ok(r) => r,
            Err(e) => {
                out.push(Err(err(
                    &format!("{origin}#{}", i + 1),
                    ErrorKind::Io(std::io::Error::other(format!("bad WARC record: {e}"))),
                )));
                break;
            }
        };
        if rec.header(WarcHeader::WarcType).as_deref() != Some("response") {
            continue;
        }
        let rid = rec
            .header(WarcHeader::RecordID)
            .map(|s| s.trim_matches(['<', '>']).to_string())
            .unwrap_or_else(|| format!("{origin}#{}", i + 1));
        let here = format!("{origin}#{rid}");
        let url = rec.header(WarcHeader::TargetURI).map(|s| s.to_string());
        let date = rec.header(WarcHeader::Date).map(|s| s.to_string());
        let Some((body, is_html)) = http_body(rec.body()) else {
            out.push(Err(err(
                &here,
                ErrorKind::Html("unparsable HTTP header block".into()),
            )));
            continue;
        };
        if !is_html {
            continue;
        }
        let mut doc =
            match reader_html.read_bytes(body.to_vec(), &here, Format::Html, Some(rid.clone())) {
                mut v if v.len() == 1 => match v.pop() {
                    Some(Ok(d)) => d,
                    Some(Err(e)) => {
                        out.push(Err(e));
                        continue;
                    }
                    None => continue,
                },
                _ => continue,
            };
        if doc.meta.published.is_none() {
            doc.meta.published = date.as_deref().and_then(rasd_read::parse_date);
        }
        doc.meta.outlet = url.as_deref().and_then(|u| {
            let rest = u.split("://").nth(1)?;
            let host = rest.split('/').next()?;
            Some(host.trim_start_matches("www.").to_string())
        });
        if let Some(u) = &url {
            doc.meta.id = u.clone();
        }
        doc.meta.url = url;
        out.push(Ok(doc));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn record(uri: &str, http: &str) -> Vec<u8> {
        let mut r = format!(
            "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:{}>\r\nWARC-Date: 2014-06-05T10:00:00Z\r\nWARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: {}\r\n\r\n",
            uri.len(),
            http.len()
        )
        .into_bytes();
        r.extend_from_slice(http.as_bytes());
        r.extend_from_slice(b"\r\n\r\n");
        r
    }

    #[test]
    fn reads_gzipped_multi_member_warc() {
        let page = "<html lang=\"ar\"><head><title>هجوم</title></head><body><article><p>استهدف هجوم انتحاري مقرا عسكريا في مدينة بنغازي شرقي ليبيا صباح اليوم وأصيب عدد من الحراس.</p><p>وقال مصدر أمني إن التحقيقات جارية لمعرفة الجهة المسؤولة عن الهجوم.</p></article></body></html>";
        let http =
            format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("crawl.warc.gz");
        let mut f = std::fs::File::create(&p).unwrap();
        for uri in ["https://www.example.com/a", "https://news.example.org/b"] {
            let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
            gz.write_all(&record(uri, &http)).unwrap();
            f.write_all(&gz.finish().unwrap()).unwrap();
        }
        drop(f);
        let docs: Vec<Document> = read(&p, &Reader::default())
            .into_iter()
            .map(|d| d.unwrap())
            .collect();
        assert_eq!(docs.len(), 2);
        assert!(docs[0].text.contains("بنغازي"));
        assert_eq!(
            docs[0].meta.url.as_deref(),
            Some("https://www.example.com/a")
        );
        assert_eq!(docs[0].meta.outlet.as_deref(), Some("example.com"));
        assert_eq!(
            docs[0].meta.published.map(|d| d.to_string()).as_deref(),
            Some("2014-06-05")
        );
        assert!(is_warc(&p));
    }
}
