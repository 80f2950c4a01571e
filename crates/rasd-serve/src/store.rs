//! ADAPTER FOR THE SQLITE STORE — to be wired by the lead after `rasd-store` is merged.
//!
//! `rasd serve --db FILE` will open the corpus database written by the `rasd-store` crate and
//! answer [`crate::corpus::Corpus`] from it: `stats` from its counts, `documents`/`document`
//! from the stored records, `search` from its FTS5 index over normalised text (snippets mapped
//! back to original offsets), `events`/`event` from its fused events, `entities`/`entity` from
//! its entity table. Until that is wired, `--db` fails with a clear message instead of
//! serving anything made up; `--records FILE.jsonl` serves the same API from memory.

use crate::corpus::Corpus;
use anyhow::{bail, Result};
use std::path::Path;
use std::sync::Arc;

/// Opens a store database as a corpus (not wired yet: always an error naming the way round).
pub fn open(db: &Path) -> Result<Arc<dyn Corpus>> {
    bail!(
        "--db {}: the SQLite store is not wired into `rasd serve` yet; \
         serve records with `rasd serve --records FILE.jsonl` (made by `rasd extract`)",
        db.display()
    )
}
