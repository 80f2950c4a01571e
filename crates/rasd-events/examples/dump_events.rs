//! Prints the events the two stages find in articles read from stdin (a JSON array with
//! `content` fields, e.g. a SaudiNewsNet day), each with its sentence, for reviewing the
//! rules by eye: `unzip -p DAY.zip | cargo run -p rasd-events --example dump_events -- 20 5`
//! prints events of 20 articles starting at article 5. No entity layers are filled.

use rasd_doc::{Arg, Document, Meta, Stage};
use rasd_events::{Attributor, EventCoder};
use rasd_text::{Normaliser, Segmenter};
use std::io::Read;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.parse().ok())
        .collect();
    let (n, skip) = (
        args.first().copied().unwrap_or(10),
        args.get(1).copied().unwrap_or(0),
    );
    let mut raw = String::new();
    std::io::stdin().read_to_string(&mut raw)?;
    let v: serde_json::Value = serde_json::from_str(&raw)?;
    for a in v.as_array().into_iter().flatten().skip(skip).take(n) {
        let Some(text) = a["content"].as_str() else {
            continue;
        };
        let mut d = Document::new(Meta::default(), text.to_string());
        for s in [
            &Normaliser as &dyn Stage,
            &Segmenter,
            &EventCoder,
            &Attributor,
        ] {
            s.process(&mut d);
        }
        println!("=== {}", a["title"].as_str().unwrap_or(""));
        for e in &d.events {
            let args = |v: &[Arg]| {
                v.iter()
                    .map(|x| d.slice(x.span))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            let sent = d
                .sentences
                .get(e.sentence)
                .map(|s| d.slice(s.span))
                .unwrap_or("");
            println!(
                "{} {:?} «{}» A=[{}] R=[{}] L=[{}] {} by={:?}\n    {}",
                e.etype,
                e.mode,
                d.slice(e.trigger),
                args(&e.actor),
                args(&e.recipient),
                args(&e.location),
                e.attribution.stance.as_str(),
                e.attribution.by.map(|x| d.slice(x.span)),
                sent.chars().take(220).collect::<String>()
            );
        }
    }
    Ok(())
}
