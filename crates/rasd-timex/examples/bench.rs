//! Throughput of the times and quantities stages (and the text layer before them) over a
//! JSON Lines file of `{"text": …, "published": "YYYY-MM-DD"}` objects, e.g. articles
//! exported from SaudiNewsNet. Every stage is timed per document; the whole file is run
//! three times and the fastest round of each stage is kept, which makes the numbers
//! usable on a shared, busy machine. Prints MB/s per stage, for the combined
//! [`rasd_timex::TimesAndQuantities`] stage, and for the text layer plus that stage.
//!
//! Usage: `cargo run --release -p rasd-timex --example bench -- FILE.jsonl`

use rasd_doc::{Document, Meta, Stage};
use rasd_text::{Normaliser, Segmenter};
use rasd_timex::{QuantityTagger, TimeTagger, TimesAndQuantities};
use std::time::{Duration, Instant};

const ROUNDS: usize = 3;

fn timed(d: &mut Duration, f: impl FnOnce()) {
    let t = Instant::now();
    f();
    *d += t.elapsed();
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: bench FILE.jsonl")?;
    let mut docs = Vec::new();
    for line in std::fs::read_to_string(path)?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let text = v["text"].as_str().unwrap_or("").to_string();
        let published = v["published"].as_str().and_then(|s| s.parse().ok());
        docs.push((text, published));
    }
    let mb = docs.iter().map(|d| d.0.len()).sum::<usize>() as f64 / 1e6;
    // Start-up: building the lexicons.
    let t0 = Instant::now();
    let mut warm = Document::new(Meta::default(), "في 3 مايو قتل 5 أشخاص".into());
    for s in [&Normaliser as &dyn Stage, &Segmenter, &TimesAndQuantities] {
        s.process(&mut warm);
    }
    let startup = t0.elapsed();
    let names = [
        "normalise",
        "segment",
        "times",
        "quantities",
        "times+quantities (combined)",
        "lex::analyse",
    ];
    let mut best = [Duration::MAX; 6];
    for _ in 0..ROUNDS {
        let mut spent = [Duration::ZERO; 6];
        for (text, published) in &docs {
            let meta = Meta {
                published: *published,
                ..Default::default()
            };
            let mut doc = Document::new(meta, text.clone());
            timed(&mut spent[0], || Normaliser.process(&mut doc));
            timed(&mut spent[1], || Segmenter.process(&mut doc));
            let mut both = doc.clone();
            timed(&mut spent[2], || TimeTagger.process(&mut doc));
            timed(&mut spent[3], || QuantityTagger.process(&mut doc));
            timed(&mut spent[4], || TimesAndQuantities.process(&mut both));
            timed(&mut spent[5], || {
                std::hint::black_box(rasd_timex::lex::analyse(&both));
            });
        }
        for k in 0..6 {
            best[k] = best[k].min(spent[k]);
        }
    }
    println!(
        "{} docs, {:.1} MB, lexicon start-up {:?}; fastest of {ROUNDS} rounds:",
        docs.len(),
        mb,
        startup
    );
    for k in 0..6 {
        println!("{:<30} {:>8.1} MB/s", names[k], mb / best[k].as_secs_f64());
    }
    let chain = best[0] + best[1] + best[4];
    println!(
        "{:<30} {:>8.1} MB/s",
        "normalise+segment+combined",
        mb / chain.as_secs_f64()
    );
    Ok(())
}
