//! Prints the mentions the recogniser finds in a text file (or stdin), one per line:
//! `type source score kb_key text`.

use rasd_doc::{Document, Meta, Stage};
use rasd_recognise::Recogniser;
use rasd_text::{Normaliser, Segmenter};
use std::io::Read;

fn main() {
    let mut text = String::new();
    match std::env::args().nth(1) {
        Some(p) => text = std::fs::read_to_string(p).unwrap_or_default(),
        None => {
            let _ = std::io::stdin().read_to_string(&mut text);
        }
    }
    let mut doc = Document::new(Meta::default(), text);
    Normaliser.process(&mut doc);
    Segmenter.process(&mut doc);
    let t = std::time::Instant::now();
    let r = Recogniser::new();
    let load = t.elapsed();
    let t = std::time::Instant::now();
    r.process(&mut doc);
    let run = t.elapsed();
    for m in &doc.mentions {
        println!(
            "{}\t{:?}\t{:?}\t{:.2}\t{}\t{}",
            m.etype,
            m.kind,
            m.source,
            m.score,
            m.kb_key.as_deref().unwrap_or("-"),
            doc.slice(m.span)
        );
    }
    eprintln!("load {load:?} recognise {run:?}");
}
