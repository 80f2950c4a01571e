//! Prints every candidate (before the merge) for a text on stdin: a debugging aid.
use rasd_recognise::Recogniser;
use std::io::Read;

fn main() {
    let mut text = String::new();
    let _ = std::io::stdin().read_to_string(&mut text);
    let doc = rasd_text::analysed(&text);
    let r = Recogniser::new();
    for c in r.candidates(&doc, &[]) {
        println!(
            "{}\t{:?}\t{:.2}\t{}-{}\t{}\t{:x}",
            c.etype,
            c.source,
            c.score,
            c.first,
            c.end,
            doc.slice(c.span),
            c.kb_flags
        );
    }
}
