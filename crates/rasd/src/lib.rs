//! rasd: the extraction engine behind the `rasd` command.
//!
//! * [`pipeline`] — the ordered stages a document goes through;
//! * [`batch`] — parallel, order-preserving processing of many inputs with per-document
//!   error reporting;
//! * [`bench`] — throughput and memory measurement on SaudiNewsNet.

pub mod batch;
pub mod bench;
pub mod ner;
pub mod ner_cmd;
pub mod ner_hints;
pub mod pipeline;
pub mod store_cmd;

/// Attribution text for the data shipped inside the binary (`rasd about`).
pub fn about() -> String {
    let kb = rasd_kb::Kb::get();
    let mut s = format!(
        "rasd {} — Arabic news to structured events\n\nKnowledge base: {} entries.\n\n",
        env!("CARGO_PKG_VERSION"),
        kb.len()
    );
    s.push_str(rasd_kb::attributions());
    s.push_str("Trigger and cue lexicons: rasd project, CC0 1.0 (crates/rasd-events/data).\n");
    s
}
