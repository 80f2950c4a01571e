//! Batch processing: inputs → documents → records, in parallel, in input order.
//!
//! Documents are read sequentially (reading is cheap and keeps order simple), collected
//! into batches, processed in parallel with rayon, and handed to the sink in input order,
//! so memory stays bounded however large the corpus. A document that cannot be read is
//! reported with its origin and skipped; a stage that panics on some document (a bug)
//! costs only that document, reported the same way.

use crate::pipeline::Pipeline;
use rasd_doc::{Document, Record};
use rasd_read::{expand, ReadError, Reader};
use rayon::prelude::*;
use std::panic::AssertUnwindSafe;
use std::path::PathBuf;

/// Documents processed per parallel batch.
const BATCH: usize = 256;

/// What happened to one document.
pub type Outcome = Result<Record, ReadError>;

/// Totals of a run.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    /// Records written.
    pub ok: usize,
    /// Documents that failed.
    pub failed: usize,
}

/// Runs the pipeline on one document, turning a panic into an error for that document.
pub fn process_one(pipeline: &Pipeline, doc: Document, with_text: bool) -> Outcome {
    let origin = doc
        .meta
        .origin
        .clone()
        .unwrap_or_else(|| doc.meta.id.clone());
    std::panic::catch_unwind(AssertUnwindSafe(|| pipeline.extract(doc, with_text))).map_err(|p| {
        let msg = p
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| p.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".into());
        ReadError {
            origin,
            kind: rasd_read::ErrorKind::Io(std::io::Error::other(format!(
                "internal error, please report: {msg}"
            ))),
        }
    })
}

/// Reads every input and processes every document, calling `sink` with each outcome in
/// input order. `sink` returns `false` to stop early (e.g. the output pipe closed).
pub fn run<F>(
    paths: &[PathBuf],
    reader: &Reader,
    pipeline: &Pipeline,
    with_text: bool,
    mut sink: F,
) -> Summary
where
    F: FnMut(Outcome) -> bool,
{
    let mut summary = Summary::default();
    let mut pending: Vec<Result<Document, ReadError>> = Vec::with_capacity(BATCH);
    let mut go = true;
    let mut flush =
        |pending: &mut Vec<Result<Document, ReadError>>, summary: &mut Summary, go: &mut bool| {
            if !*go {
                pending.clear();
                return;
            }
            let outcomes: Vec<Outcome> = std::mem::take(pending)
                .into_par_iter()
                .map(|d| d.and_then(|doc| process_one(pipeline, doc, with_text)))
                .collect();
            for o in outcomes {
                match &o {
                    Ok(_) => summary.ok += 1,
                    Err(_) => summary.failed += 1,
                }
                if *go && !sink(o) {
                    *go = false;
                }
            }
        };
    for input in expand(paths) {
        let docs = match input {
            Ok(i) => reader.read(&i),
            Err(e) => vec![Err(e)],
        };
        for d in docs {
            pending.push(d);
            if pending.len() >= BATCH {
                flush(&mut pending, &mut summary, &mut go);
            }
        }
        if !go {
            break;
        }
    }
    flush(&mut pending, &mut summary, &mut go);
    summary
}
