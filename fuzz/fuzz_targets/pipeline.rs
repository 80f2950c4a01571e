//! Fuzz target: arbitrary bytes through the whole pipeline (read → … → emit).
//!
//! The bytes are read as an input file would be (format sniffed, UTF-8 checked, binary
//! rejected), every document that reads is processed, and the emitted record must keep
//! the span contract. Any panic or contract violation is a finding.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rasd::pipeline::{Pipeline, PipelineOptions};
use rasd_read::{sniff, Reader};
use std::sync::LazyLock;

// With the tagger: every stage of the default pipeline plus the tagger's candidate source.
static PIPELINE: LazyLock<Pipeline> =
    LazyLock::new(|| Pipeline::new(PipelineOptions { tagger: true }));

fuzz_target!(|data: &[u8]| {
    let reader = Reader::default();
    let format = sniff(data);
    for doc in reader.read_bytes(data.to_vec(), "fuzz", format, Some("fuzz".into())).into_iter().flatten() {
        let text = doc.text.clone();
        let rec = PIPELINE.extract(doc, false);
        if let Err(e) = rec.check_spans(&text) {
            panic!("span contract violated: {e}");
        }
    }
});
