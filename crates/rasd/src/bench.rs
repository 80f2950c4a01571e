//! `rasd bench`: throughput and peak memory of the full extract pipeline.
//!
//! Reads the SaudiNewsNet daily zips (31,030 articles; research-only licence, so they
//! are read from `../shared` at bench time and never copied into the project), keeps the
//! documents in memory, then runs read-free extraction — every stage plus JSON
//! serialisation of the record — once on one thread and once on all cores. Reports
//! MB/s of text, documents/s and the process's peak resident set size. Benchmarks, not
//! timed tests: the machines are shared, so numbers are printed, never asserted.

use crate::pipeline::{Pipeline, PipelineOptions};
use anyhow::{Context, Result};
use rasd_doc::Document;
use rasd_read::{Format, Reader};
use rayon::prelude::*;
use std::io::Read;
use std::path::Path;
use std::time::{Duration, Instant};

/// Peak resident set size of this process in MiB (Linux; `None` elsewhere).
pub fn peak_rss_mib() -> Option<f64> {
    let s = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

/// Loads SaudiNewsNet articles from the daily zips in `dir` (at most `limit`, 0 = all).
pub fn load_corpus(dir: &Path, limit: usize) -> Result<Vec<Document>> {
    let mut zips: Vec<_> = std::fs::read_dir(dir)
        .with_context(|| {
            format!(
                "{} not found: the SaudiNewsNet corpus is needed for the benchmark",
                dir.display()
            )
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "zip"))
        .collect();
    zips.sort();
    let reader = Reader::default();
    let mut docs = Vec::new();
    'outer: for z in zips {
        let f = std::fs::File::open(&z).with_context(|| format!("opening {}", z.display()))?;
        let mut archive =
            zip::ZipArchive::new(f).with_context(|| format!("reading {}", z.display()))?;
        for i in 0..archive.len() {
            let mut member = archive.by_index(i)?;
            let name = format!("{}!{}", z.display(), member.name());
            let mut raw = Vec::new();
            member.read_to_end(&mut raw)?;
            for d in reader
                .read_bytes(raw, &name, Format::Jsonl, None)
                .into_iter()
                .flatten()
            {
                docs.push(d);
                if limit > 0 && docs.len() >= limit {
                    break 'outer;
                }
            }
        }
    }
    Ok(docs)
}

fn line(label: &str, bytes: usize, docs: usize, t: Duration) {
    let s = t.as_secs_f64().max(1e-9);
    println!(
        "{label:<14} {:>8.2} MB/s  {:>9.0} docs/s  ({docs} docs, {:.1} MB in {:.2} s)",
        bytes as f64 / 1e6 / s,
        docs as f64 / s,
        bytes as f64 / 1e6,
        s
    );
}

/// Runs the benchmark and prints the figures; `tagger` measures the pipeline with the
/// NER tagger's person names (`extract --tagger`).
pub fn run(corpus: &Path, limit: usize, stages: bool, tagger: bool) -> Result<()> {
    if !corpus.exists() {
        println!(
            "bench: skipped — corpus folder {} is absent (SaudiNewsNet lives in ../shared/data)",
            corpus.display()
        );
        return Ok(());
    }
    let t0 = Instant::now();
    let pipeline = Pipeline::new(PipelineOptions { tagger });
    let startup = t0.elapsed();
    let docs = load_corpus(corpus, limit)?;
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    println!(
        "rasd bench: {} documents, {:.1} MB of text; tagger {}; pipeline start-up {:.1} ms",
        docs.len(),
        bytes as f64 / 1e6,
        if tagger { "on" } else { "off" },
        startup.as_secs_f64() * 1e3
    );
    println!("stages: {}", pipeline.stage_names().join(" → "));

    let t = Instant::now();
    let mut out_bytes = 0usize;
    let mut stage_times = vec![Duration::ZERO; pipeline.stage_names().len()];
    for d in &docs {
        let mut d = d.clone();
        if stages {
            pipeline.run_timed(&mut d, &mut stage_times);
        } else {
            pipeline.run(&mut d);
        }
        let rec = rasd_doc::Record::from_document(&d, false);
        out_bytes += serde_json::to_string(&rec).map(|s| s.len()).unwrap_or(0);
    }
    line("1 thread", bytes, docs.len(), t.elapsed());
    if stages {
        for (n, t) in pipeline.stage_names().iter().zip(&stage_times) {
            println!("  {n:<12} {:>8.1} ms", t.as_secs_f64() * 1e3);
        }
    }
    let threads = rayon::current_num_threads();
    let t = Instant::now();
    let n: usize = docs
        .par_iter()
        .map(|d| {
            let rec = pipeline.extract(d.clone(), false);
            serde_json::to_string(&rec).map(|s| s.len()).unwrap_or(0)
        })
        .sum();
    line(
        &format!("{threads} threads"),
        bytes,
        docs.len(),
        t.elapsed(),
    );
    println!(
        "records: {:.1} MB of JSON ({n} bytes in the parallel run)",
        out_bytes as f64 / 1e6
    );
    match peak_rss_mib() {
        Some(m) => println!("peak RSS: {m:.0} MiB"),
        None => println!("peak RSS: unavailable on this platform"),
    }
    Ok(())
}
