//! Runs the text layer and the times and quantities stages over gold articles or text
//! files and prints one document record (SCHEMA.md) per line.
//!
//! Usage: `cargo run -p rasd-timex --example extract -- PATH... [--published YYYY-MM-DD]`
//! where PATH is a directory of `*.gold.json` files, a gold file (its `text_file` and
//! `published` are used), or a plain text file (id = file stem). Used by
//! `scripts/eval/dateparser_compare.py` until the `rasd` binary exists.

use rasd_doc::{Document, Meta, Record, Stage};
use rasd_text::{Normaliser, Segmenter};
use rasd_timex::{QuantityTagger, TimeTagger};
use std::path::{Path, PathBuf};

fn run(id: String, text: String, published: Option<jiff::civil::Date>) -> Record {
    let meta = Meta {
        id,
        published,
        ..Default::default()
    };
    let mut doc = Document::new(meta, text);
    for stage in [
        &Normaliser as &dyn Stage,
        &Segmenter,
        &TimeTagger,
        &QuantityTagger,
    ] {
        stage.process(&mut doc);
    }
    Record::from_document(&doc, true)
}

fn gold_files(p: &Path) -> Vec<PathBuf> {
    if p.is_dir() {
        let mut v: Vec<PathBuf> = std::fs::read_dir(p)
            .map(|rd| rd.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        v.retain(|f| f.to_string_lossy().ends_with(".gold.json"));
        v.sort();
        v
    } else {
        vec![p.to_path_buf()]
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut published: Option<jiff::civil::Date> = None;
    if let Some(k) = args.iter().position(|a| a == "--published") {
        let v = args.get(k + 1).ok_or("--published needs a date")?.clone();
        published = Some(v.parse()?);
        args.drain(k..k + 2);
    }
    for a in &args {
        for f in gold_files(Path::new(a)) {
            let name = f.to_string_lossy().to_string();
            let rec = if name.ends_with(".gold.json") {
                let g: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&f)?)?;
                let dir = f.parent().unwrap_or(Path::new("."));
                let tf = g["text_file"]
                    .as_str()
                    .ok_or("gold file without text_file")?;
                let text = std::fs::read_to_string(dir.join(tf))?;
                let pubd = match g["published"].as_str() {
                    Some(s) => Some(s.parse()?),
                    None => published,
                };
                let id = g["id"].as_str().unwrap_or_default().to_string();
                run(id, text, pubd)
            } else {
                let text = std::fs::read_to_string(&f)?;
                let id = f
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_string())
                    .unwrap_or_default();
                run(id, text, published)
            };
            println!("{}", serde_json::to_string(&rec)?);
        }
    }
    Ok(())
}
