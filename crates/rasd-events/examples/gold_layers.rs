//! Runs the event stages alone on an article whose entity, time and quantity layers are
//! filled from its gold file, and prints the record as one JSON line.
//!
//! This measures the event rules in isolation (with perfect upstream layers), so their
//! errors are not confused with recognition errors:
//!
//! ```text
//! cargo run -p rasd-events --example gold_layers -- samples/seed.txt eval/seed.gold.json > /tmp/seed.jsonl
//! python3 ../shared/eval/score.py eval/seed.gold.json --system /tmp/seed.jsonl
//! ```
//!
//! With `NOLAYERS=1` the entity, time and quantity layers are left empty instead, to see how
//! the stages degrade without them.

use rasd_doc::*;
use rasd_events::{Attributor, EventCoder};
use rasd_text::{Normaliser, Segmenter};
use serde_json::Value;

/// Every occurrence of `s` in `text` (byte spans) that is a whole word, allowing up to
/// two clitic letters glued before it («بمالي», «وللقوات»).
fn occurrences(text: &str, s: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(p) = text.get(from..).and_then(|t| t.find(s)) {
        let at = from + p;
        let end = at + s.len();
        from = end.max(at + 1);
        let after_ok = text[end..]
            .chars()
            .next()
            .is_none_or(|c| !c.is_alphanumeric());
        let before: Vec<char> = text[..at].chars().rev().take(3).collect();
        let mut k = 0;
        while k < before.len() && k < 2 && "وفبلك".contains(before[k]) {
            k += 1;
        }
        let before_ok = before.get(k).is_none_or(|c| !c.is_alphanumeric());
        if after_ok && before_ok {
            out.push(Span::new(at, end));
        }
    }
    out
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(text_path), Some(gold_path)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: gold_layers TEXT GOLD.json");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(text_path)?;
    let gold: Value = serde_json::from_str(&std::fs::read_to_string(gold_path)?)?;
    let published = gold["published"]
        .as_str()
        .and_then(|s| s.parse::<jiff::civil::Date>().ok());
    let mut doc = Document::new(
        Meta {
            id: gold["id"].as_str().unwrap_or("doc").to_string(),
            published,
            ..Default::default()
        },
        text.clone(),
    );
    Normaliser.process(&mut doc);
    Segmenter.process(&mut doc);

    // Entities: longest names first, no overlapping mentions.
    let mut taken: Vec<Span> = Vec::new();
    let mut names: Vec<(usize, String)> = Vec::new();
    let ents = gold["entities"].as_array().cloned().unwrap_or_default();
    for (i, e) in ents.iter().enumerate() {
        for m in e["mentions"].as_array().into_iter().flatten() {
            if let Some(s) = m.as_str() {
                names.push((i, s.to_string()));
            }
        }
    }
    names.sort_by_key(|(_, s)| std::cmp::Reverse(s.len()));
    let mut mentions: Vec<Vec<EntityMention>> = vec![Vec::new(); ents.len()];
    for (i, s) in &names {
        for sp in occurrences(&text, s) {
            if taken.iter().any(|t| t.overlaps(&sp)) {
                continue;
            }
            taken.push(sp);
            mentions[*i].push(EntityMention {
                span: sp,
                kind: MentionKind::Name,
            });
        }
    }
    for (i, e) in ents.iter().enumerate() {
        let etype = match e["type"].as_str() {
            Some("PER") => EntityType::PER,
            Some("ORG") => EntityType::ORG,
            Some("LOC") => EntityType::LOC,
            _ => EntityType::MISC,
        };
        let mut ms = std::mem::take(&mut mentions[i]);
        if ms.is_empty() {
            continue;
        }
        ms.sort_by_key(|m| m.span.start);
        let kind = e["geo"]["kind"].as_str().map(str::to_string);
        doc.entities.push(Entity {
            etype,
            subtype: kind.clone(),
            name: e["mentions"][0].as_str().unwrap_or("").to_string(),
            name_en: e["name"].as_str().map(str::to_string),
            country: e["country"].as_str().map(str::to_string),
            sector: None,
            kb: KbIds::default(),
            geo: e["geo"]["lat"].as_f64().map(|lat| Geo {
                lat,
                lon: e["geo"]["lon"].as_f64().unwrap_or(0.0),
                country: e["geo"]["country"].as_str().map(str::to_string),
                feature: None,
                resolution: if kind.as_deref() == Some("country") {
                    1
                } else {
                    4
                },
            }),
            mentions: ms,
        });
    }
    for t in gold["times"].as_array().into_iter().flatten() {
        let Some(s) = t["text"].as_str() else {
            continue;
        };
        let Some(sp) = occurrences(&text, s).into_iter().next() else {
            continue;
        };
        let ttype = match t["type"].as_str() {
            Some("TIME") => TimeType::TIME,
            Some("DURATION") => TimeType::DURATION,
            Some("SET") => TimeType::SET,
            _ => TimeType::DATE,
        };
        doc.times.push(Time {
            span: sp,
            ttype,
            value: t["value"].as_str().unwrap_or("").to_string(),
            modifier: t["mod"].as_str().map(str::to_string),
        });
    }
    doc.times.sort_by_key(|t| t.span.start);
    for q in gold["quantities"].as_array().into_iter().flatten() {
        let Some(s) = q["text"].as_str() else {
            continue;
        };
        let Some(sp) = occurrences(&text, s).into_iter().next() else {
            continue;
        };
        doc.quantities.push(Quantity {
            span: sp,
            value: q["value"].as_f64(),
            min: q["min"].as_f64(),
            max: q["max"].as_f64(),
            approx: q["approx"].as_bool().unwrap_or(false),
            unit: q["unit"].as_str().map(str::to_string),
            of: q["of"].as_str().map(str::to_string),
        });
    }
    doc.quantities.sort_by_key(|q| q.span.start);

    if std::env::var_os("NOLAYERS").is_some() {
        // Measure the stages with no upstream layers at all (before the recogniser exists).
        doc.entities.clear();
        doc.times.clear();
        doc.quantities.clear();
    }
    EventCoder.process(&mut doc);
    if std::env::var_os("SHOW").is_some() {
        eprintln!("-- mentions");
        show(&doc);
        eprintln!("-- events");
    }
    Attributor.process(&mut doc);
    let rec = Record::from_document(&doc, false);
    println!("{}", serde_json::to_string(&rec)?);
    if std::env::var_os("SHOW").is_some() {
        show(&doc);
    }
    Ok(())
}

fn show(doc: &Document) {
    {
        for e in &doc.events {
            let args = |v: &[Arg]| {
                v.iter()
                    .map(|a| doc.slice(a.span))
                    .collect::<Vec<_>>()
                    .join(" | ")
            };
            eprintln!(
                "[{}] {} {:?} «{}» A=[{}] R=[{}] L=[{}] date={:?} {} by={:?} cue={:?} disp={:?} size={:?}",
                e.sentence,
                e.etype,
                e.mode,
                doc.slice(e.trigger),
                args(&e.actor),
                args(&e.recipient),
                args(&e.location),
                e.date.as_ref().map(|d| &d.value),
                e.attribution.stance.as_str(),
                e.attribution.by.map(|a| doc.slice(a.span)),
                e.attribution.cue.map(|c| doc.slice(c)),
                e.disputed_by.iter().map(|d| doc.slice(d.by.span)).collect::<Vec<_>>(),
                e.size,
            );
        }
    }
}
