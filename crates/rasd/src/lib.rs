//! rasd: the extraction engine behind the `rasd` command.
//!
//! * [`pipeline`] — the ordered stages a document goes through;
//! * [`batch`] — parallel, order-preserving processing of many inputs with per-document
//!   error reporting;
//! * [`bench`] — throughput and memory measurement on SaudiNewsNet.

pub mod batch;
pub mod bench;
pub mod pipeline;
pub mod store_cmd;

/// Attribution text for the data shipped inside the binary (`rasd about`).
pub fn about() -> String {
    let mut s = format!(
        "rasd {} — Arabic news to structured events\n\n",
        env!("CARGO_PKG_VERSION")
    );
    s.push_str("Data shipped inside this binary and its licences: see data/SOURCES.md.\n");
    s
}
