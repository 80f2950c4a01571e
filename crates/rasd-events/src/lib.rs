//! PLOVER event coding for rasd.
//!
//! Two pipeline stages and three exports:
//!
//! * [`EventCoder`] (stage `events`) finds event triggers with the lexicon in
//!   `data/triggers.tsv` and fills `doc.events` with one event per mention: PLOVER type and
//!   mode, actor / recipient / location arguments read off the clause, the date and the
//!   size. Several triggers of one event in one sentence («استهدفته … بهجوم انتحاري
//!   أصابه») are already one event.
//! * [`Attributor`] (stage `attribute`, after `events`) decides for each mention who says it
//!   happened and how firmly (asserted, reported, denied, uncertain, hypothetical, negated),
//!   links denials to the events they deny (`disputed_by`), and then merges the mentions of
//!   one event across the document (headline and body, «بهذه العمليات»). The merge comes
//!   last because each mention carries its own attribution: «عمليات» in one sentence is
//!   asserted, «بهذه العمليات» two clauses later is reported «وفقا لمعلوماتنا», and the
//!   merged event must be reported and disputed by the denial in between.
//! * [`export`] turns records into PLOVER JSON Lines ([`write_plover`]), ACLED-like CSV
//!   ([`write_csv`]) and GeoJSON ([`write_geojson`]).
//!
//! Both stages read the entity, time and quantity layers when they are there
//! (`doc.entities`, else `doc.mentions`; `doc.times`; `doc.quantities`) and degrade to
//! descriptor phrases («القوات», «مسلحون»), the document date and no counts when they are
//! not. Everything the rules know about Arabic lives in readable data files under `data/`
//! (see `data/README.md`), folded and inflected once at first use ([`lex`]).
//!
//! ```
//! use rasd_doc::Stage;
//! let mut doc = rasd_events::testing::DocBuilder::new("اعتقلت الشرطة خمسة مسلحين في الموصل.").build();
//! rasd_events::EventCoder.process(&mut doc);
//! rasd_events::Attributor.process(&mut doc);
//! assert_eq!(doc.events[0].etype, rasd_doc::Plover::COERCE);
//! ```
//!
//! Modules: [`morph`] (inflection and clitic segmentation), [`lex`] (the lexicons),
//! [`view`] (per-document token index), [`chunk`] (clauses, noun phrases, reference),
//! [`coder`], [`attribute`], [`merge`], [`export`], [`testing`] (documents with
//! hand-marked layers).

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
