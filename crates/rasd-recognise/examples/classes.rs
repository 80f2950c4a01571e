//! Prints each token of a text on stdin with its stem and lexicon classes (hex): a
//! debugging aid for rules that test word classes.
use rasd_recognise::lexicon::Lexicon;
use std::io::Read;

fn main() {
    let mut text = String::new();
    let _ = std::io::stdin().read_to_string(&mut text);
    let doc = rasd_text::analysed(&text);
    let lx = Lexicon::get();
    for t in &doc.tokens {
        println!(
            "{}\t{}\t{:x}",
            doc.slice(t.span),
            doc.token_stem(t),
            lx.classes(&doc, t)
        );
    }
}
