//! Times the recogniser's steps separately on a JSON Lines file of articles.
use rasd_doc::{Document, Meta, Stage};
use rasd_kb::Kb;
use rasd_recognise::{foreign, kbmatch, lexicon::Lexicon, merge, patterns};
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
    let path = std::env::args().nth(1).unwrap_or_default();
    let limit: usize = std::env::args()
        .nth(2)
        .and_then(|v| v.parse().ok())
        .unwrap_or(2000);
    let kb = Kb::get();
    let lx = Lexicon::get();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let mut t = [Duration::ZERO; 7];
    let mut raw = 0usize;
    let mut cands = 0usize;
    let mut bytes = 0usize;
    let mut fw = 0usize;
    let mut tfw = Duration::ZERO;
    for line in text.lines().take(limit) {
        let v: serde_json::Value = match serde_json::from_str(line) {
            Ok(v) => v,
            Err(_) => continue,
        };
        let s = v["text"].as_str().unwrap_or("").to_string();
        bytes += s.len();
        let mut doc = Document::new(Meta::default(), s);
        Normaliser.process(&mut doc);
        Segmenter.process(&mut doc);
        let a = Instant::now();
        if let Some(p) = kb.automaton() {
            raw += p.find_overlapping_iter(&doc.norm.text).count();
        }
        t[0] += a.elapsed();
        let a = Instant::now();
        for tk in &doc.tokens {
            let w = doc.token_norm(tk);
            if kb.first_word(w).is_some() {
                fw += 1;
            }
        }
        tfw += a.elapsed();
        let a = Instant::now();
        let mut ctx = patterns::Ctx::new(&doc, kb, lx);
        t[3] += a.elapsed();
        let a = Instant::now();
        let mut c = Vec::new();
        kbmatch::kb_candidates(&ctx, &mut c);
        t[1] += a.elapsed();
        let a = Instant::now();
        kbmatch::context_adjust(&ctx, &mut c);
        ctx.attach_kb(&c);
        t[2] += a.elapsed();
        let a = Instant::now();
        patterns::pattern_candidates(&ctx, &mut c);
        t[4] += a.elapsed();
        let a = Instant::now();
        foreign::foreign_candidates(&ctx, &mut c);
        t[5] += a.elapsed();
        cands += c.len();
        let a = Instant::now();
        let _ = merge::merge(c);
        t[6] += a.elapsed();
    }
    let names = [
        "scan only",
        "kb_candidates",
        "context",
        "ctx",
        "patterns",
        "foreign",
        "merge",
    ];
    eprintln!(
        "{:.1} MB, raw matches {raw}, candidates {cands}, first words {fw} in {tfw:?}",
        bytes as f64 / 1e6
    );
    for (n, d) in names.iter().zip(t) {
        eprintln!(
            "{n:14} {d:?}  ({:.1} MB/s)",
            bytes as f64 / 1e6 / d.as_secs_f64()
        );
    }
}
