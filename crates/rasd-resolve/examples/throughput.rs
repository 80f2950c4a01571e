//! Measures knowledge-base start-up and the throughput of normalise → segment →
//! recognise → resolve on a JSON Lines file of articles (`{"text": …}` per line), on one
//! core, in CPU time of the thread (so a busy machine does not distort it). Optionally
//! prints the entities of the first N articles (`--show N`).
//!
//! `cargo run --release -p rasd-resolve --example throughput -- FILE.jsonl [--limit N] [--show N]`

use rasd_doc::{Document, Meta, Stage};
use rasd_kb::Kb;
use rasd_recognise::Recogniser;
use rasd_resolve::Resolver;
use rasd_text::{Normaliser, Segmenter};
use std::time::Duration;

/// CPU time of this thread (schedstat), so timings survive a loaded machine.
struct Instant(u64);
impl Instant {
    fn now() -> Instant {
        let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap_or_default();
        Instant(
            s.split_whitespace()
                .next()
                .and_then(|v| v.parse().ok())
                .unwrap_or(0),
        )
    }
    fn elapsed(&self) -> Duration {
        Duration::from_nanos(Instant::now().0.saturating_sub(self.0))
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let path = args.get(1).cloned().unwrap_or_default();
    let opt = |name: &str| -> Option<usize> {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
    };
    let limit = opt("--limit").unwrap_or(usize::MAX);
    let show = opt("--show").unwrap_or(0);
    let t = Instant::now();
    let kb = Kb::get();
    let kb_load = t.elapsed();
    let t = Instant::now();
    let rec = Recogniser::new();
    let res = Resolver::new();
    let init = t.elapsed();
    eprintln!(
        "kb: {} entries, {} names, automaton heap {:.1} MB; load {:?}, lexicon+resolver init {:?}",
        kb.len(),
        kb.num_names(),
        kb.automaton_heap_bytes() as f64 / 1e6,
        kb_load,
        init
    );
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut docs: Vec<String> = Vec::new();
    for line in text.lines().take(limit) {
        if let Some(t) = extract_text(line) {
            docs.push(t);
        }
    }
    let bytes: usize = docs.iter().map(|d| d.len()).sum();
    let mut times = [Duration::ZERO; 4];
    let mut ents = 0usize;
    let all = Instant::now();
    for (i, d) in docs.into_iter().enumerate() {
        let mut doc = Document::new(Meta::default(), d);
        let stages: [&dyn Stage; 4] = [&Normaliser, &Segmenter, &rec, &res];
        for (k, s) in stages.iter().enumerate() {
            let t = Instant::now();
            s.process(&mut doc);
            times[k] += t.elapsed();
        }
        ents += doc.entities.len();
        if i < show {
            println!("--- {i}");
            for e in &doc.entities {
                let ms: Vec<&str> = e.mentions.iter().map(|m| doc.slice(m.span)).collect();
                println!(
                    "{}\t{}\t{}\t{}\t{:?}",
                    e.etype,
                    e.name,
                    e.country.as_deref().unwrap_or("-"),
                    e.geo
                        .as_ref()
                        .and_then(|g| g.country.as_deref())
                        .unwrap_or("-"),
                    ms
                );
            }
        }
    }
    let total = all.elapsed();
    let mb = bytes as f64 / 1e6;
    eprintln!(
        "{mb:.1} MB in {total:?}: {:.2} MB/s; {} entities; normalise {:?} segment {:?} recognise {:?} resolve {:?}",
        mb / total.as_secs_f64(),
        ents,
        times[0],
        times[1],
        times[2],
        times[3]
    );
}

/// The `text` field of a JSON line (minimal parser: no dependency for an example).
fn extract_text(line: &str) -> Option<String> {
    let v: serde_json::Value = serde_json::from_str(line).ok()?;
    v.get("text")?.as_str().map(str::to_string)
}
