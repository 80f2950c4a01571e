//! `rasd serve`: a read-only HTTP API and an offline web UI over a corpus of rasd records.
//!
//! The API ([`api`]) answers from any [`corpus::Corpus`]; the UI ([`ui`]) is a handful of
//! static files embedded in the binary that call the API and build the page with
//! `textContent` only, because article text is untrusted. The server binds loopback by
//! default, sends a strict Content-Security-Policy, times requests out, limits bodies and
//! shuts down gracefully on SIGINT/SIGTERM.
//!
//! The extraction pipeline lives in the `rasd` crate, which depends on this one; it is
//! passed in as an [`Extractor`] so `/api/extract` runs the real pipeline without a cycle.

pub mod api;
pub mod corpus;
pub mod memory;
pub mod store;
pub mod ui;

use anyhow::{bail, Context, Result};
use axum::extract::DefaultBodyLimit;
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::Router;
use clap::Args;
use corpus::Corpus;
use rasd_doc::{Document, Record};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tower_http::set_header::SetResponseHeaderLayer;
use tower_http::timeout::TimeoutLayer;

/// Runs the extraction pipeline on one document.
pub type Extractor = Arc<dyn Fn(Document) -> Record + Send + Sync>;

/// Shared state of the handlers.
#[derive(Clone)]
pub struct AppState {
    /// The corpus served.
    pub corpus: Arc<dyn Corpus>,
    /// The pipeline behind `/api/extract`.
    pub extractor: Extractor,
}

/// The Content-Security-Policy sent with every response: only our own files, no inline script.
pub const CSP: &str =
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; \
connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

/// How long one request may take.
pub const REQUEST_TIMEOUT: Duration = Duration::from_secs(30);

/// Arguments of `rasd serve`.
#[derive(Args, Debug, Clone)]
pub struct ServeArgs {
    /// Corpus database written by the rasd store (SQLite).
    #[arg(long, conflicts_with = "records", required_unless_present = "records")]
    pub db: Option<PathBuf>,
    /// Records written by `rasd extract` (JSON Lines), loaded into memory.
    #[arg(long)]
    pub records: Option<PathBuf>,
    /// Address to listen on (loopback by default; port 0 picks a free port).
    #[arg(long, default_value = "127.0.0.1:8080")]
    pub addr: SocketAddr,
}

/// The whole application: API, UI and the security layers.
pub fn router(state: AppState) -> Router {
    let api = Router::new()
        .route("/stats", get(api::stats))
        .route("/documents", get(api::documents))
        .route("/documents/{id}", get(api::document))
        .route("/search", get(api::search))
        .route("/events", get(api::events))
        .route("/events/{id}", get(api::event))
        .route("/entities", get(api::entities))
        .route("/entities/{id}", get(api::entity))
        .route(
            "/extract",
            post(api::extract).layer(DefaultBodyLimit::max(api::MAX_BODY)),
        )
        .route("/openapi.json", get(api::openapi))
        .fallback(api::api_not_found);
    Router::new()
        .nest("/api", api)
        .merge(ui::routes())
        .with_state(state)
        .layer(DefaultBodyLimit::max(api::MAX_BODY))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CSP),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
}

/// Opens the corpus named by the arguments.
pub fn open_corpus(args: &ServeArgs) -> Result<Arc<dyn Corpus>> {
    match (&args.db, &args.records) {
        (Some(db), None) => store::open(db),
        (None, Some(r)) => Ok(Arc::new(memory::MemoryCorpus::from_jsonl(r)?)),
        _ => bail!("give exactly one of --db FILE or --records FILE"),
    }
}

/// `rasd serve`: opens the corpus, binds and serves until SIGINT/SIGTERM.
pub fn run(args: ServeArgs, extractor: Extractor) -> Result<()> {
    let corpus = open_corpus(&args)?;
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("starting the async runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(args.addr)
            .await
            .with_context(|| format!("binding {}", args.addr))?;
        let local = listener.local_addr().context("reading the bound address")?;
        eprintln!("rasd serve: listening on http://{local}/");
        let app = router(AppState { corpus, extractor });
        axum::serve(listener, app)
            .with_graceful_shutdown(shutdown_signal())
            .await
            .context("serving")?;
        eprintln!("rasd serve: stopped");
        Ok(())
    })
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
}
