//! The web UI: static files embedded in the binary and the page routes.
//!
//! Pages are fixed HTML shells; their scripts read the id from the URL, fetch JSON from the
//! API and build the DOM with `textContent`, so untrusted article text never becomes markup.
//! Static files are served only by exact name from [`ASSETS`]: there is no file system
//! access and so no path traversal.

use crate::AppState;
use axum::extract::Path;
use axum::http::{header, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::Router;

/// The OpenAPI 3 document of the API.
pub const OPENAPI: &str = include_str!("../assets/openapi.json");

/// Embedded static files: name, content type, bytes.
pub const ASSETS: &[(&str, &str, &[u8])] = &[
    (
        "app.css",
        "text/css; charset=utf-8",
        include_bytes!("../assets/app.css"),
    ),
    (
        "common.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/common.js"),
    ),
    (
        "index.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/index.js"),
    ),
    (
        "doc.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/doc.js"),
    ),
    (
        "entity.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/entity.js"),
    ),
    (
        "event.js",
        "text/javascript; charset=utf-8",
        include_bytes!("../assets/event.js"),
    ),
    (
        "favicon.svg",
        "image/svg+xml",
        include_bytes!("../assets/favicon.svg"),
    ),
    (
        "world.json",
        "application/json",
        include_bytes!("../assets/world.json"),
    ),
];

const INDEX: &str = include_str!("../assets/index.html");
const DOC: &str = include_str!("../assets/doc.html");
const ENTITY: &str = include_str!("../assets/entity.html");
const EVENT: &str = include_str!("../assets/event.html");

fn html(body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/html; charset=utf-8"),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn static_file(Path(name): Path<String>) -> Response {
    match ASSETS.iter().find(|(n, _, _)| *n == name) {
        Some((_, ctype, bytes)) => (
            [
                (header::CONTENT_TYPE, *ctype),
                (header::CACHE_CONTROL, "no-cache"),
            ],
            *bytes,
        )
            .into_response(),
        None => (StatusCode::NOT_FOUND, "no such file").into_response(),
    }
}

async fn not_found() -> Response {
    (
        StatusCode::NOT_FOUND,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "not found",
    )
        .into_response()
}

/// Page and static-file routes.
pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/", get(|| async { html(INDEX) }))
        .route("/doc/{id}", get(|| async { html(DOC) }))
        .route("/entity/{id}", get(|| async { html(ENTITY) }))
        .route("/event/{id}", get(|| async { html(EVENT) }))
        .route("/static/{name}", get(static_file))
        .route(
            "/favicon.ico",
            get(|| static_file(Path("favicon.svg".to_string()))),
        )
        .fallback(not_found)
}
