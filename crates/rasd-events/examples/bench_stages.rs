//! Times the text layer and the two event stages on a JSON array of articles read from
//! stdin (SaudiNewsNet's daily files: `unzip -p ../shared/data/saudinewsnet/2015-07-21.zip |
//! cargo run --release -p rasd-events --example bench_stages`). Prints MB/s per stage and for
//! the four together, on one core, and how many events were found. With `CHECK=1` every
//! record's spans are also checked against the text.

use rasd_doc::{Document, Meta, Stage};
use rasd_events::{Attributor, EventCoder};
use rasd_text::{Normaliser, Segmenter};
use std::io::Read;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut raw = String::new();
    std::io::stdin().read_to_string(&mut raw)?;
    let v: serde_json::Value = serde_json::from_str(&raw)?;
    let texts: Vec<String> = v
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|a| a["content"].as_str().map(str::to_string))
        .collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    // Warm the lexicons (start-up is reported separately).
    let t0 = Instant::now();
    let _ = rasd_events::lex::LEX.len();
    let startup = t0.elapsed();
    let stages: [&dyn Stage; 4] = [&Normaliser, &Segmenter, &EventCoder, &Attributor];
    let mut times = [Duration::ZERO; 4];
    let mut events = 0usize;
    let check = std::env::var_os("CHECK").is_some();
    let mut bad = 0usize;
    for t in &texts {
        let mut d = Document::new(Meta::default(), t.clone());
        for (s, tm) in stages.iter().zip(times.iter_mut()) {
            let t0 = Instant::now();
            s.process(&mut d);
            *tm += t0.elapsed();
        }
        events += d.events.len();
        if check {
            let rec = rasd_doc::Record::from_document(&d, false);
            if let Err(e) = rec.check_spans(&d.text) {
                eprintln!("span error: {e}");
                bad += 1;
            }
        }
    }
    if check {
        println!("span check: {bad} documents with a bad span");
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {:.2} MB, {} events; lexicon load {:?}",
        texts.len(),
        mb,
        events,
        startup
    );
    let mut total = Duration::ZERO;
    for (s, t) in stages.iter().zip(times) {
        total += t;
        println!(
            "{:>10}: {:>8.1} MB/s ({:?})",
            s.name(),
            mb / t.as_secs_f64(),
            t
        );
    }
    println!(
        "{:>10}: {:>8.1} MB/s ({:?})",
        "all four",
        mb / total.as_secs_f64(),
        total
    );
    Ok(())
}
