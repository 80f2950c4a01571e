//! PLOVER event coding for rasd.
//!
//! Two pipeline stages and three exports:
//!
//! * [`EventCoder`] finds event triggers with the lexicon in `data/triggers.tsv` and fills
//!   `doc.events` with one event per mention: PLOVER type and mode, actor / recipient /
//!   location arguments read off the clause, the date and the size.
//! * [`Attributor`] decides for each mention who says it happened and how firmly
//!   (asserted, reported, denied, uncertain, hypothetical, negated), links denials to the
//!   events they deny (`disputed_by`), and then merges the mentions of one event in the
//!   document into one event.
//! * [`export`] turns records into PLOVER JSON Lines, ACLED-like CSV and GeoJSON.
//!
//! Everything the rules know about Arabic lives in readable data files under `data/`,
//! folded and inflected once at first use ([`lex`]).

pub mod attribute;
pub mod chunk;
pub mod coder;
pub mod export;
pub mod lex;
pub mod merge;
pub mod morph;
pub mod testing;
pub mod view;

pub use attribute::Attributor;
pub use coder::EventCoder;
pub use export::{write_csv, write_geojson, write_plover};
