//! Compiles `data/places/*.tsv` and `data/actors/*.tsv` (at the repository root) into
//! `$OUT_DIR/kb.bin` (tables) and `$OUT_DIR/kb.daac` (serialised automaton), which the
//! library embeds with `include_bytes!`.
//!
//! Missing data gives an empty knowledge base and a `cargo:warning`, never a failed
//! build; bad rows are reported as warnings with `file:line` and skipped.

#[allow(dead_code)]
#[path = "src/compile.rs"]
mod compile;
#[allow(dead_code)]
#[path = "src/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "src/source.rs"]
mod source;
#[allow(dead_code)]
#[path = "src/variants.rs"]
mod variants;

use std::path::PathBuf;
use std::time::Instant;

/// At most this many row problems are printed one by one.
const MAX_WARNINGS: usize = 40;

fn main() {
    let t0 = Instant::now();
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let data = std::env::var("RASD_KB_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("../../data"));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    println!("cargo:rerun-if-env-changed=RASD_KB_DATA");
    for f in [
        "build.rs",
        "src/format.rs",
        "src/source.rs",
        "src/variants.rs",
        "src/compile.rs",
    ] {
        println!("cargo:rerun-if-changed={}", manifest.join(f).display());
    }
    for sub in ["places", "actors"] {
        let d = data.join(sub);
        println!("cargo:rerun-if-changed={}", d.display());
        if let Ok(rd) = std::fs::read_dir(&d) {
            for e in rd.flatten() {
                println!("cargo:rerun-if-changed={}", e.path().display());
            }
        }
    }

    let src = source::Sources::read_dir(&data);
    if src.rows.is_empty() {
        println!(
            "cargo:warning=rasd-kb: no knowledge-base rows found under {} (data/places/*.tsv, data/actors/*.tsv): building an empty knowledge base",
            data.display()
        );
    }
    let compiled = match compile::compile(&src) {
        Ok(c) => c,
        Err(e) => {
            println!("cargo:warning=rasd-kb: {e}; building an empty knowledge base");
            compile::compile(&source::Sources::default()).unwrap_or_default()
        }
    };
    let problems: Vec<_> = src.problems.iter().chain(&compiled.problems).collect();
    for p in problems.iter().take(MAX_WARNINGS) {
        println!("cargo:warning=rasd-kb: {}: {}", p.at, p.what);
    }
    if problems.len() > MAX_WARNINGS {
        println!(
            "cargo:warning=rasd-kb: … and {} more problems (see {}/kb_problems.txt)",
            problems.len() - MAX_WARNINGS,
            out.display()
        );
    }
    let report: String = problems
        .iter()
        .map(|p| format!("{}: {}\n", p.at, p.what))
        .collect();
    let s = &compiled.stats;
    let stats = format!(
        "files {}\nentries {} (places {}, organisations {}, people {}, named things {})\nnames {}\npostings {}\ngentilics {}\nblob_bytes {}\nautomaton_bytes {}\nproblems {}\nbuild_ms {}\n",
        src.files.len(),
        s.entries,
        s.places,
        s.orgs,
        s.people,
        s.things,
        s.names,
        s.postings,
        s.gentilics,
        s.blob_bytes,
        s.automaton_bytes,
        problems.len(),
        t0.elapsed().as_millis()
    );
    let write = |name: &str, bytes: &[u8]| {
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            panic!("rasd-kb: cannot write {name} to OUT_DIR: {e}");
        }
    };
    write("kb.bin", &compiled.blob);
    write("kb.daac", &compiled.automaton);
    write("kb_problems.txt", report.as_bytes());
    write("kb_stats.txt", stats.as_bytes());
}
