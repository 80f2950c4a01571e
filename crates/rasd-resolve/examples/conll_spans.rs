//! Runs normalise → segment → recognise on a CoNLL file (one `token LABEL` per line,
//! blank line between sentences), one sentence at a time with tokens joined by spaces,
//! and prints for each sentence the predicted entity spans as token ranges:
//! `sentence_index start end TYPE` (TYPE in PERS/LOC/ORG/MISC, the ANERcorp names). An
//! evaluation aid to compare the rule-based recogniser with an annotated corpus.
use rasd_doc::{Document, EntityType, MentionKind, Meta, Stage};
use rasd_recognise::Recogniser;
use rasd_text::{Normaliser, Segmenter};

fn main() {
    let path = std::env::args().nth(1).unwrap_or_default();
    let text = std::fs::read_to_string(&path).unwrap_or_default();
    let rec = Recogniser::new();
    let mut sent: Vec<&str> = Vec::new();
    let mut si = 0usize;
    let flush = |sent: &mut Vec<&str>, si: &mut usize| {
        if sent.is_empty() {
            return;
        }
        // Byte offset of each token in the joined sentence.
        let mut starts = Vec::with_capacity(sent.len());
        let mut joined = String::new();
        for (i, w) in sent.iter().enumerate() {
            if i > 0 {
                joined.push(' ');
            }
            starts.push(joined.len());
            joined.push_str(w);
        }
        let mut doc = Document::new(Meta::default(), joined);
        Normaliser.process(&mut doc);
        Segmenter.process(&mut doc);
        rec.process(&mut doc);
        for m in &doc.mentions {
            if m.kind != MentionKind::Name {
                continue;
            }
            let a = starts
                .partition_point(|&s| s <= m.span.start)
                .saturating_sub(1);
            let b = starts.partition_point(|&s| s < m.span.end);
            let t = match m.etype {
                EntityType::PER => "PERS",
                EntityType::LOC => "LOC",
                EntityType::ORG => "ORG",
                EntityType::MISC => "MISC",
            };
            println!("{si}\t{a}\t{b}\t{t}");
        }
        sent.clear();
        *si += 1;
    };
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            flush(&mut sent, &mut si);
            continue;
        }
        let w = line.rsplit_once(' ').map(|(w, _)| w).unwrap_or(line);
        sent.push(w);
    }
    flush(&mut sent, &mut si);
}
