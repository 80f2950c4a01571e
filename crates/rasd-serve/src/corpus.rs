//! The read-only view of a corpus that the HTTP API needs, as a trait.
//!
//! The API is written against [`Corpus`] so that it does not depend on how records are
//! stored: [`crate::memory::MemoryCorpus`] answers from records held in memory (tests and
//! `rasd serve --records`), and the SQLite store answers through the adapter in
//! [`crate::store`]. Query values arrive here already validated by the API layer.

use jiff::civil::Date;
use rasd_doc::{KbIds, Record};
use serde::Serialize;
use std::collections::BTreeMap;

/// Errors a corpus backend can report: I/O and database failures (500), or a [`BadInput`]
/// inside the `anyhow::Error` when the backend itself rejects a query value (400).
pub type CorpusResult<T> = Result<T, anyhow::Error>;

/// A query value the backend rejected (e.g. a search with no searchable words); the API
/// answers it with 400.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadInput(pub String);

impl std::fmt::Display for BadInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for BadInput {}

/// Which page of a result list to return (1-based).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PageReq {
    /// Page number, from 1.
    pub page: usize,
    /// Items per page, from 1.
    pub per_page: usize,
}

impl PageReq {
    /// Index of the first item of the page.
    pub fn offset(&self) -> usize {
        self.page.saturating_sub(1).saturating_mul(self.per_page)
    }

    /// Cuts the page out of a full list.
    pub fn slice<T>(&self, all: Vec<T>) -> Page<T> {
        let total = all.len();
        let items = all
            .into_iter()
            .skip(self.offset())
            .take(self.per_page)
            .collect();
        Page {
            total,
            page: self.page,
            per_page: self.per_page,
            items,
        }
    }
}

/// One page of results.
#[derive(Clone, Debug, Serialize)]
pub struct Page<T> {
    /// Number of matching items over all pages.
    pub total: usize,
    /// This page's number (1-based).
    pub page: usize,
    /// Page size.
    pub per_page: usize,
    /// The items of this page.
    pub items: Vec<T>,
}

/// Corpus-wide counts.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Stats {
    /// Documents.
    pub documents: usize,
    /// Distinct entities (after grouping across documents).
    pub entities: usize,
    /// Fused events.
    pub events: usize,
    /// Event reports (one per event of a record).
    pub event_reports: usize,
    /// Time expressions.
    pub times: usize,
    /// Quantities.
    pub quantities: usize,
    /// Earliest publication date.
    pub first_published: Option<String>,
    /// Latest publication date.
    pub last_published: Option<String>,
    /// Fused events per PLOVER type.
    pub event_types: BTreeMap<String, usize>,
    /// Documents per outlet.
    pub outlets: BTreeMap<String, usize>,
}

/// A document in a list.
#[derive(Clone, Debug, Serialize)]
pub struct DocSummary {
    /// Document id.
    pub id: String,
    /// Title.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// Outlet.
    pub outlet: Option<String>,
    /// URL.
    pub url: Option<String>,
    /// Length of the text in code points (0 when stored without text).
    pub chars: usize,
    /// Number of entities.
    pub entities: usize,
    /// Number of events.
    pub events: usize,
}

/// Full-text search parameters.
#[derive(Clone, Debug, Default)]
pub struct SearchQuery {
    /// Words to find (all of them, folded as `rasd_text::fold` does).
    pub q: String,
    /// Published on or after.
    pub from: Option<Date>,
    /// Published on or before.
    pub to: Option<Date>,
    /// Outlet, exactly.
    pub outlet: Option<String>,
    /// Corpus entity id the document must mention.
    pub entity: Option<String>,
    /// PLOVER type of an event the document must contain.
    pub event_type: Option<String>,
}

/// A piece of a snippet; `hit` marks the matched words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
pub struct SnippetPart {
    /// Text of the piece (original text, untrusted).
    pub text: String,
    /// True for a matched word.
    pub hit: bool,
}

/// A search result.
#[derive(Clone, Debug, Serialize)]
pub struct SearchHit {
    /// The document.
    pub document: DocSummary,
    /// Passages around the matches, split into plain and matched pieces.
    pub snippets: Vec<Vec<SnippetPart>>,
}

/// Fused-event list parameters.
#[derive(Clone, Debug, Default)]
pub struct EventQuery {
    /// PLOVER type.
    pub event_type: Option<String>,
    /// Actor: corpus entity id or (folded) name substring.
    pub actor: Option<String>,
    /// ISO alpha-3 of an actor or alpha-2/alpha-3 of the place.
    pub country: Option<String>,
    /// Event date on or after.
    pub from: Option<Date>,
    /// Event date on or before.
    pub to: Option<Date>,
    /// `[west, south, east, north]` in degrees; the place must be inside.
    pub bbox: Option<[f64; 4]>,
}

/// A party of a fused event.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Party {
    /// Name as best known (canonical name, else the text).
    pub name: String,
    /// Corpus entity id, when the party is an entity.
    pub entity: Option<String>,
    /// Affiliation (ISO alpha-3).
    pub country: Option<String>,
}

/// Where a fused event happened.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Place {
    /// Name.
    pub name: String,
    /// Corpus entity id.
    pub entity: Option<String>,
    /// Latitude.
    pub lat: Option<f64>,
    /// Longitude.
    pub lon: Option<f64>,
    /// ISO alpha-2 country of the place.
    pub country: Option<String>,
}

/// A range of reported figures: the lowest and highest value over the reports, and every
/// reported value (one per report that gives one, ascending), so conflicts stay visible.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct Range {
    /// Lowest reported value.
    pub min: Option<f64>,
    /// Highest reported value.
    pub max: Option<f64>,
    /// Every reported value, ascending.
    pub values: Vec<f64>,
}

impl Range {
    /// Widens the range with one reported value.
    pub fn add(&mut self, v: Option<f64>) {
        if let Some(v) = v {
            self.min = Some(self.min.map_or(v, |m| m.min(v)));
            self.max = Some(self.max.map_or(v, |m| m.max(v)));
            let at = self.values.partition_point(|x| *x <= v);
            self.values.insert(at, v);
        }
    }
}

/// One report of a fused event: an event of one record.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EventReport {
    /// Document id.
    pub doc: String,
    /// Outlet of the document.
    pub outlet: Option<String>,
    /// Event id inside the record (`V1`).
    pub event: String,
    /// Publication date of the document.
    pub published: Option<String>,
    /// Trigger words.
    pub trigger: String,
    /// Sentence of the trigger (original text, untrusted).
    pub sentence: Option<String>,
    /// Stance of the report.
    pub stance: String,
    /// Who says so.
    pub by: Option<String>,
    /// Who disputes it.
    pub disputed_by: Vec<String>,
}

/// An event fused over its reports.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FusedEvent {
    /// Corpus event id.
    pub id: String,
    /// PLOVER type.
    #[serde(rename = "type")]
    pub event_type: String,
    /// PLOVER mode.
    pub mode: Option<String>,
    /// Date (TIMEX3 value).
    pub date: Option<String>,
    /// Actors.
    pub actors: Vec<Party>,
    /// Recipients.
    pub recipients: Vec<Party>,
    /// Place.
    pub place: Option<Place>,
    /// Dead.
    pub dead: Range,
    /// Injured.
    pub injured: Range,
    /// Arrested.
    pub arrested: Range,
    /// Troops.
    pub troops: Range,
    /// Number of reports.
    pub n_reports: usize,
    /// Number of distinct outlets (a document without an outlet counts as its own source).
    pub n_sources: usize,
    /// Overall stance: the stance shared by the reports, or `mixed`.
    pub stance: String,
    /// Distinct stances over the reports (conflicts kept).
    pub stances: Vec<String>,
    /// The reports, each naming its document (`doc`).
    pub reports: Vec<EventReport>,
}

/// A page of fused events with the per-day histogram of all matches.
#[derive(Clone, Debug, Serialize)]
pub struct EventPage {
    /// The page.
    #[serde(flatten)]
    pub page: Page<FusedEvent>,
    /// Matching events per day (`YYYY-MM-DD` → count), for the timeline.
    pub days: BTreeMap<String, usize>,
}

/// Entity list parameters.
#[derive(Clone, Debug, Default)]
pub struct EntityQuery {
    /// Name substring (folded).
    pub q: Option<String>,
    /// PER | ORG | LOC | MISC.
    pub entity_type: Option<String>,
    /// ISO alpha-3 affiliation.
    pub country: Option<String>,
}

/// An entity grouped over the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntitySummary {
    /// Corpus entity id.
    pub id: String,
    /// PER | ORG | LOC | MISC.
    #[serde(rename = "type")]
    pub entity_type: String,
    /// Canonical name.
    pub name: String,
    /// English name.
    pub name_en: Option<String>,
    /// Affiliation.
    pub country: Option<String>,
    /// Identifiers.
    pub kb: Option<KbIds>,
    /// Latitude (places).
    pub lat: Option<f64>,
    /// Longitude (places).
    pub lon: Option<f64>,
    /// Documents mentioning it.
    pub documents: usize,
    /// Mentions over the corpus.
    pub mentions: usize,
}

/// A mention of an entity somewhere in the corpus.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct MentionRef {
    /// Document id.
    pub document: String,
    /// First code point.
    pub start: usize,
    /// One past the last code point.
    pub end: usize,
    /// Text (untrusted).
    pub text: String,
}

/// An entity with its mentions, co-occurring actors and events.
#[derive(Clone, Debug, Serialize)]
pub struct EntityDetail {
    /// The entity.
    #[serde(flatten)]
    pub entity: EntitySummary,
    /// Mentions (at most a few hundred).
    pub mention_list: Vec<MentionRef>,
    /// Entities that are actors in the same events, with the number of shared events.
    pub co_actors: Vec<(EntitySummary, usize)>,
    /// Events it takes part in (as actor, recipient or place).
    pub events: Vec<FusedEvent>,
}

/// The queries the API runs against a corpus. Read-only.
pub trait Corpus: Send + Sync {
    /// Corpus-wide counts.
    fn stats(&self) -> CorpusResult<Stats>;
    /// Documents, most recent first.
    fn documents(&self, page: PageReq) -> CorpusResult<Page<DocSummary>>;
    /// A document's full record.
    fn document(&self, id: &str) -> CorpusResult<Option<Record>>;
    /// Documents matching a full-text query, with snippets.
    fn search(&self, q: &SearchQuery, page: PageReq) -> CorpusResult<Page<SearchHit>>;
    /// Fused events, by date.
    fn events(&self, q: &EventQuery, page: PageReq) -> CorpusResult<EventPage>;
    /// One fused event.
    fn event(&self, id: &str) -> CorpusResult<Option<FusedEvent>>;
    /// Entities, most mentioned first.
    fn entities(&self, q: &EntityQuery, page: PageReq) -> CorpusResult<Page<EntitySummary>>;
    /// One entity with its mentions and events.
    fn entity(&self, id: &str) -> CorpusResult<Option<EntityDetail>>;
}
