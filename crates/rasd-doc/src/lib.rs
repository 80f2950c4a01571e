//! The one data structure that flows through the rasd pipeline.
//!
//! A [`Document`] holds the original text exactly as it was read, its metadata, and one
//! annotation layer per pipeline stage (normalised text, sentences and tokens, entity
//! mentions and entities, times, quantities, events). Each stage is a [`Stage`]: it reads
//! the layers it needs and fills one more. Stages never re-read the input and keep no
//! global mutable state, so documents can be processed in parallel.
//!
//! Inside the pipeline every offset is a **byte** [`Span`] into the original text: that is
//! what Rust slices with, and it is cheap. The contract in `SCHEMA.md` speaks in Unicode
//! **code points**; [`record::Record::from_document`] (the *emit* stage) converts with a
//! [`CharIndex`], so `text[start:end] == span.text` holds for every emitted span.

pub mod document;
pub mod layers;
pub mod record;
pub mod span;

pub use document::{Document, Meta, Normalized, Stage};
pub use layers::*;
pub use record::Record;
pub use span::{CharIndex, Span};

/// Calendar date used for `published` and resolved times.
pub type Date = jiff::civil::Date;
