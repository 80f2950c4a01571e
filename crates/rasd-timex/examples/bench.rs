//! Throughput of the times and quantities stages (and the text layer before them) over a
//! JSON Lines file of `{"text": …, "published": "YYYY-MM-DD"}` objects, e.g. articles
//! exported from SaudiNewsNet. Prints MB/s per stage and for the four stages together.
//!
//! Usage: `cargo run --release -p rasd-timex --example bench -- FILE.jsonl`

use rasd_doc::{Document, Meta, Stage};
use rasd_text::{Normaliser, Segmenter};
use rasd_timex::{QuantityTagger, TimeTagger};
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: bench FILE.jsonl")?;
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        let published = v["published"].as_str().and_then(|s| s.parse().ok());
        docs.push((text, published));
    }
    let bytes: usize = docs.iter().map(|d| d.0.len()).sum();
    // Build the lexicons before timing (start-up is measured separately).
    let t0 = Instant::now();
    let mut warm = Document::new(Meta::default(), "في 3 مايو قتل 5 أشخاص".into());
    for s in [
        &Normaliser as &dyn Stage,
        &Segmenter,
        &TimeTagger,
        &QuantityTagger,
    ] {
        s.process(&mut warm);
    }
    let startup = t0.elapsed();
    let stages: [&dyn Stage; 4] = [&Normaliser, &Segmenter, &TimeTagger, &QuantityTagger];
    let mut spent = [Duration::ZERO; 4];
    let (mut times, mut qs) = (0usize, 0usize);
    for (text, published) in &docs {
        let meta = Meta {
            published: *published,
            ..Default::default()
        };
        let mut doc = Document::new(meta, text.clone());
        for (k, s) in stages.iter().enumerate() {
            let t = Instant::now();
            s.process(&mut doc);
            spent[k] += t.elapsed();
        }
        times += doc.times.len();
        qs += doc.quantities.len();
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} docs, {:.1} MB, {} times, {} quantities; lexicon start-up {:?}",
        docs.len(),
        mb,
        times,
        qs,
        startup
    );
    for (k, s) in stages.iter().enumerate() {
        println!("{:<12} {:>8.1} MB/s", s.name(), mb / spent[k].as_secs_f64());
    }
    // The lexicon pass alone (each of the two stages runs it once).
    let mut lex_time = Duration::ZERO;
    for (text, _) in docs.iter().take(2000) {
        let mut doc = Document::new(Meta::default(), text.clone());
        Normaliser.process(&mut doc);
        Segmenter.process(&mut doc);
        let t = Instant::now();
        let inf = rasd_timex::lex::analyse(&doc);
        lex_time += t.elapsed();
        std::hint::black_box(inf);
    }
    let lex_mb: f64 = docs.iter().take(2000).map(|d| d.0.len()).sum::<usize>() as f64 / 1e6;
    println!(
        "{:<12} {:>8.1} MB/s",
        "lex::analyse",
        lex_mb / lex_time.as_secs_f64()
    );
    // The combined stage (one lexicon pass for both).
    let mut combined = Duration::ZERO;
    for (text, published) in &docs {
        let meta = Meta {
            published: *published,
            ..Default::default()
        };
        let mut doc = Document::new(meta, text.clone());
        Normaliser.process(&mut doc);
        Segmenter.process(&mut doc);
        let t = Instant::now();
        rasd_timex::TimesAndQuantities.process(&mut doc);
        combined += t.elapsed();
    }
    println!(
        "{:<12} {:>8.1} MB/s",
        "times+quantities (combined stage)",
        mb / combined.as_secs_f64()
    );
    let total: f64 = spent.iter().map(|d| d.as_secs_f64()).sum();
    let ours = spent[2].as_secs_f64() + spent[3].as_secs_f64();
    println!(
        "times+quantities {:>8.1} MB/s; all four stages {:>8.1} MB/s",
        mb / ours,
        mb / total
    );
    Ok(())
}
