//! Prints each token of a text on stdin with its lexicon classes (hex): a debugging aid.
use rasd_doc::{Document, Meta, Stage};
use rasd_recognise::lexicon::Lexicon;
use rasd_text::{Normaliser, Segmenter};
use std::io::Read;

fn main() {
    let mut text = String::new();
    let _ = std::io::stdin().read_to_string(&mut text);
    let mut doc = Document::new(Meta::default(), text);
    Normaliser.process(&mut doc);
    Segmenter.process(&mut doc);
    let lx = Lexicon::get();
    for t in &doc.tokens {
        println!(
            "{}\t{}\t{:x}",
            doc.slice(t.span),
            doc.token_stem(t),
            lx.classes(&doc, t)
        );
    }
}
