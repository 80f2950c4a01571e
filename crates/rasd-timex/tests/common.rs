//! Helpers shared by the integration tests: the full pipeline and where `shared/` is.

#![allow(dead_code)]

use rasd_doc::{Document, Meta, Record, Stage};
use rasd_text::{Normaliser, Segmenter};
use rasd_timex::{QuantityTagger, TimeTagger};
use std::path::{Path, PathBuf};

/// Runs normalise, segment, times and quantities over `text`.
pub fn process(id: &str, text: &str, published: Option<jiff::civil::Date>) -> Document {
    let meta = Meta {
        id: id.to_string(),
        published,
        ..Default::default()
    };
    let mut doc = Document::new(meta, text.to_string());
    for stage in [
        &Normaliser as &dyn Stage,
        &Segmenter,
        &TimeTagger,
        &QuantityTagger,
    ] {
        stage.process(&mut doc);
    }
    doc
}

/// The document record of `text`.
pub fn record(id: &str, text: &str, published: Option<jiff::civil::Date>) -> Record {
    Record::from_document(&process(id, text, published), true)
}

/// The repository root (two levels above this crate).
pub fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The shared folder: `$RASD_SHARED`, else the first `shared/` beside an ancestor of the
/// crate (`../shared` of a clone, `../../shared` of a worktree).
pub fn shared_dir() -> Option<PathBuf> {
    if let Ok(p) = std::env::var("RASD_SHARED") {
        let p = PathBuf::from(p);
        if p.is_dir() {
            return Some(p);
        }
    }
    let here = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    here.ancestors()
        .map(|a| a.join("shared"))
        .find(|p| p.join("eval").is_dir() || p.join("data").is_dir())
}
