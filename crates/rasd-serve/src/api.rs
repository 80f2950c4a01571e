//! JSON API handlers: parameter validation, error mapping and `/api/extract`.
//!
//! Every parameter is parsed here into the typed queries of [`crate::corpus`]; anything
//! malformed (unknown parameter, bad date, bad bbox, page out of range) is a 400 with a JSON
//! `{"error": …}` body, an unknown id a 404, an oversized body a 413. A 500 only comes from a
//! failing backend, never from input.

use crate::corpus::*;
use crate::AppState;
use axum::body::Bytes;
use axum::extract::rejection::BytesRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;

/// Largest body `/api/extract` accepts.
pub const MAX_BODY: usize = 10 * 1024 * 1024;
/// Default page size.
const PER_PAGE: usize = 20;
/// Largest page size.
const MAX_PER_PAGE: usize = 1000;
/// Largest page number.
const MAX_PAGE: usize = 1_000_000;

/// An API error: a status and a message, sent as `{"error": message}`.
#[derive(Debug)]
pub struct ApiError {
    /// HTTP status.
    pub status: StatusCode,
    /// Human-readable message.
    pub message: String,
}

impl ApiError {
    /// A 400 Bad Request.
    pub fn bad(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::BAD_REQUEST,
            message: message.into(),
        }
    }

    /// A 404 Not Found.
    pub fn not_found(message: impl Into<String>) -> Self {
        ApiError {
            status: StatusCode::NOT_FOUND,
            message: message.into(),
        }
    }
}

impl From<anyhow::Error> for ApiError {
    fn from(e: anyhow::Error) -> Self {
        if let Some(b) = e.downcast_ref::<BadInput>() {
            return ApiError::bad(b.0.clone());
        }
        ApiError {
            status: StatusCode::INTERNAL_SERVER_ERROR,
            message: format!("{e:#}"),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response()
    }
}

/// Result of a handler.
pub type ApiResult<T> = Result<Json<T>, ApiError>;

/// Query parameters, checked against the names a route accepts.
struct Params(HashMap<String, String>);

impl Params {
    fn parse(raw: Option<String>, allowed: &[&str]) -> Result<Self, ApiError> {
        let raw = raw.unwrap_or_default();
        let pairs: Vec<(String, String)> = serde_urlencoded::from_str(&raw)
            .map_err(|e| ApiError::bad(format!("malformed query string: {e}")))?;
        let mut map = HashMap::new();
        for (k, v) in pairs {
            if !allowed.contains(&k.as_str()) {
                return Err(ApiError::bad(format!(
                    "unknown parameter {k:?}; this route accepts: {}",
                    allowed.join(", ")
                )));
            }
            if map.insert(k.clone(), v).is_some() {
                return Err(ApiError::bad(format!("parameter {k:?} given twice")));
            }
        }
        Ok(Params(map))
    }

    /// A non-empty string parameter.
    fn text(&self, k: &str) -> Option<String> {
        self.0
            .get(k)
            .map(|v| v.trim().to_string())
            .filter(|v| !v.is_empty())
    }

    fn number(&self, k: &str, default: usize, max: usize) -> Result<usize, ApiError> {
        match self.text(k) {
            None => Ok(default),
            Some(v) => match v.parse::<usize>() {
                Ok(n) if (1..=max).contains(&n) => Ok(n),
                _ => Err(ApiError::bad(format!(
                    "{k} must be a whole number from 1 to {max}, not {v:?}"
                ))),
            },
        }
    }

    fn page(&self) -> Result<PageReq, ApiError> {
        Ok(PageReq {
            page: self.number("page", 1, MAX_PAGE)?,
            per_page: self.number("per_page", PER_PAGE, MAX_PER_PAGE)?,
        })
    }

    fn date(&self, k: &str) -> Result<Option<Date>, ApiError> {
        match self.text(k) {
            None => Ok(None),
            Some(v) => parse_day(&v)
                .map(Some)
                .ok_or_else(|| ApiError::bad(format!("{k} must be a date YYYY-MM-DD, not {v:?}"))),
        }
    }

    fn dates(&self) -> Result<(Option<Date>, Option<Date>), ApiError> {
        let (from, to) = (self.date("from")?, self.date("to")?);
        if let (Some(f), Some(t)) = (from, to) {
            if f > t {
                return Err(ApiError::bad(format!("from ({f}) is after to ({t})")));
            }
        }
        Ok((from, to))
    }
}

/// Parses a calendar day written exactly `YYYY-MM-DD`.
pub fn parse_day(s: &str) -> Option<Date> {
    if s.len() != 10 {
        return None;
    }
    s.parse::<Date>().ok()
}

/// Parses `west,south,east,north` in degrees.
pub fn parse_bbox(s: &str) -> Result<[f64; 4], ApiError> {
    let bad = || {
        ApiError::bad(format!(
            "bbox must be west,south,east,north in degrees, not {s:?}"
        ))
    };
    let v: Vec<f64> = s
        .split(',')
        .map(|x| x.trim().parse::<f64>().map_err(|_| bad()))
        .collect::<Result<_, _>>()?;
    let [w, so, e, n] = <[f64; 4]>::try_from(v).map_err(|_| bad())?;
    let lon_ok = |x: f64| (-180.0..=180.0).contains(&x);
    let lat_ok = |x: f64| (-90.0..=90.0).contains(&x);
    if !(lon_ok(w) && lon_ok(e) && lat_ok(so) && lat_ok(n) && w <= e && so <= n) {
        return Err(bad());
    }
    Ok([w, so, e, n])
}

fn plover_type(p: &Params, k: &str) -> Result<Option<String>, ApiError> {
    match p.text(k) {
        None => Ok(None),
        Some(t) => {
            let up = t.to_ascii_uppercase();
            if rasd_doc::Plover::ALL.iter().any(|x| format!("{x:?}") == up) {
                Ok(Some(up))
            } else {
                Err(ApiError::bad(format!(
                    "{k} must be a PLOVER category (ASSAULT, PROTEST …), not {t:?}"
                )))
            }
        }
    }
}

/// `GET /api/stats`.
pub async fn stats(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<Stats> {
    Params::parse(q, &[])?;
    Ok(Json(s.corpus.stats()?))
}

/// `GET /api/documents`.
pub async fn documents(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Page<DocSummary>> {
    let p = Params::parse(q, &["page", "per_page"])?;
    Ok(Json(s.corpus.documents(p.page()?)?))
}

/// `GET /api/documents/{id}`.
pub async fn document(
    State(s): State<AppState>,
    Path(id): Path<String>,
) -> ApiResult<rasd_doc::Record> {
    s.corpus
        .document(&id)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no document with id {id:?}")))
}

/// `GET /api/search`.
pub async fn search(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Page<SearchHit>> {
    let p = Params::parse(
        q,
        &[
            "q", "from", "to", "outlet", "entity", "type", "page", "per_page",
        ],
    )?;
    let (from, to) = p.dates()?;
    let query = SearchQuery {
        q: p.text("q").unwrap_or_default(),
        from,
        to,
        outlet: p.text("outlet"),
        entity: p.text("entity"),
        event_type: plover_type(&p, "type")?,
    };
    if query.q.chars().count() > 1000 {
        return Err(ApiError::bad("q is longer than 1000 characters"));
    }
    Ok(Json(s.corpus.search(&query, p.page()?)?))
}

/// `GET /api/events`.
pub async fn events(State(s): State<AppState>, RawQuery(q): RawQuery) -> ApiResult<EventPage> {
    let p = Params::parse(
        q,
        &[
            "type", "actor", "country", "from", "to", "bbox", "page", "per_page",
        ],
    )?;
    let (from, to) = p.dates()?;
    let country = p.text("country");
    if let Some(c) = &country {
        if !(c.len() == 2 || c.len() == 3) || !c.chars().all(|x| x.is_ascii_alphabetic()) {
            return Err(ApiError::bad(format!(
                "country must be an ISO 3166 alpha-2 or alpha-3 code, not {c:?}"
            )));
        }
    }
    let query = EventQuery {
        event_type: plover_type(&p, "type")?,
        actor: p.text("actor"),
        country,
        from,
        to,
        bbox: p.text("bbox").map(|b| parse_bbox(&b)).transpose()?,
    };
    Ok(Json(s.corpus.events(&query, p.page()?)?))
}

/// `GET /api/events/{id}`.
pub async fn event(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<FusedEvent> {
    s.corpus
        .event(&id)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no event with id {id:?}")))
}

/// `GET /api/entities`.
pub async fn entities(
    State(s): State<AppState>,
    RawQuery(q): RawQuery,
) -> ApiResult<Page<EntitySummary>> {
    let p = Params::parse(q, &["q", "type", "country", "page", "per_page"])?;
    let entity_type = match p.text("type") {
        None => None,
        Some(t) => {
            let up = t.to_ascii_uppercase();
            if ["PER", "ORG", "LOC", "MISC"].contains(&up.as_str()) {
                Some(up)
            } else {
                return Err(ApiError::bad(format!(
                    "type must be PER, ORG, LOC or MISC, not {t:?}"
                )));
            }
        }
    };
    let query = EntityQuery {
        q: p.text("q"),
        entity_type,
        country: p.text("country"),
    };
    Ok(Json(s.corpus.entities(&query, p.page()?)?))
}

/// `GET /api/entities/{id}`.
pub async fn entity(State(s): State<AppState>, Path(id): Path<String>) -> ApiResult<EntityDetail> {
    s.corpus
        .entity(&id)?
        .map(Json)
        .ok_or_else(|| ApiError::not_found(format!("no entity with id {id:?}")))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ExtractBody {
    text: String,
    published: Option<String>,
    id: Option<String>,
}

/// `POST /api/extract`: runs the pipeline on the body and returns the record; stores nothing.
pub async fn extract(
    State(s): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Response, ApiError> {
    let body = body.map_err(|r| {
        let status = r.status();
        let message = if status == StatusCode::PAYLOAD_TOO_LARGE {
            format!("body larger than {MAX_BODY} bytes")
        } else {
            r.body_text()
        };
        ApiError { status, message }
    })?;
    let ctype = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("text/plain")
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    let (text, published, id) = match ctype.as_str() {
        "application/json" => {
            let b: ExtractBody = serde_json::from_slice(&body).map_err(|e| {
                ApiError::bad(format!(
                    "body must be {{\"text\", \"published\"?, \"id\"?}}: {e}"
                ))
            })?;
            (b.text, b.published, b.id)
        }
        "text/plain" | "" => {
            let t = String::from_utf8(body.to_vec())
                .map_err(|_| ApiError::bad("text/plain body is not valid UTF-8"))?;
            (t, None, None)
        }
        other => {
            return Err(ApiError {
                status: StatusCode::UNSUPPORTED_MEDIA_TYPE,
                message: format!(
                    "content type {other:?} not supported; send application/json or text/plain"
                ),
            })
        }
    };
    let published = match published
        .as_deref()
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        None => None,
        Some(p) => Some(parse_day(p).ok_or_else(|| {
            ApiError::bad(format!("published must be a date YYYY-MM-DD, not {p:?}"))
        })?),
    };
    if id.as_deref().is_some_and(|i| i.is_empty() || i.len() > 200) {
        return Err(ApiError::bad("id must have 1 to 200 bytes"));
    }
    let reader = rasd_read::Reader::new(rasd_read::Options {
        max_bytes: MAX_BODY as u64,
        ..Default::default()
    });
    let doc = reader
        .from_text(text, id, published)
        .map_err(|e| ApiError::bad(e.to_string()))?;
    let extractor = s.extractor.clone();
    let rec = tokio::task::spawn_blocking(move || extractor(doc))
        .await
        .map_err(|e| anyhow::anyhow!("extraction failed: {e}"))?;
    Ok(Json(rec).into_response())
}

/// `GET /api/openapi.json`.
pub async fn openapi() -> Response {
    (
        [(header::CONTENT_TYPE, "application/json")],
        crate::ui::OPENAPI,
    )
        .into_response()
}

/// Fallback for unknown `/api/…` paths.
pub async fn api_not_found() -> ApiError {
    ApiError::not_found("no such API route; see /api/openapi.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_must_be_exact() {
        assert_eq!(
            parse_day("2014-06-04").map(|d| d.to_string()),
            Some("2014-06-04".into())
        );
        for bad in [
            "2014-6-4",
            "2014-02-30",
            "2014-06-04T00:00",
            "",
            "yesterday",
        ] {
            assert!(parse_day(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn bbox_is_checked() {
        assert_eq!(
            parse_bbox("19, 31,21,33").unwrap(),
            [19.0, 31.0, 21.0, 33.0]
        );
        for bad in [
            "1,2,3",
            "1,2,3,4,5",
            "0,0,181,1",
            "0,-91,1,1",
            "5,0,1,1",
            "0,5,1,1",
            "a,b,c,d",
            "NaN,0,1,1",
        ] {
            assert_eq!(
                parse_bbox(bad).unwrap_err().status,
                StatusCode::BAD_REQUEST,
                "{bad}"
            );
        }
    }

    #[test]
    fn params_reject_unknown_and_repeated() {
        assert!(Params::parse(Some("page=2".into()), &["page"]).is_ok());
        assert!(Params::parse(Some("pg=2".into()), &["page"]).is_err());
        assert!(Params::parse(Some("page=1&page=2".into()), &["page"]).is_err());
        let p = Params::parse(Some("page=0".into()), &["page"]).unwrap();
        assert!(p.page().is_err());
        let p = Params::parse(None, &["page"]).unwrap();
        assert_eq!(
            p.page().unwrap(),
            PageReq {
                page: 1,
                per_page: PER_PAGE
            }
        );
    }
}
