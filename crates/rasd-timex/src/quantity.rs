//! placeholder
use rasd_doc::{Document, Stage};
/// Quantities stage.
#[derive(Debug, Default, Clone, Copy)]
pub struct QuantityTagger;
impl Stage for QuantityTagger { fn name(&self) -> &'static str { "quantities" } fn process(&self, _doc: &mut Document) {} }
