//! Identity check helper: tags every sentence of a CoNLL file with the embedded model (or
//! `--model M`) and prints `TOKEN LABEL CONF_BITS` per token, the confidence as the exact
//! hexadecimal bit pattern of the `f32`, so two builds can be compared byte for byte
//! (`cmp`). Usage: `cargo run --release -p rasd-tagger --example tag_dump -- FILE [--model M]`.

use rasd_tagger::Tagger;
use std::io::Write;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let file = args.first().ok_or("usage: tag_dump FILE [--model M]")?;
    let owned;
    let tagger: &Tagger = match args.iter().position(|a| a == "--model") {
        Some(i) => {
            let p = args.get(i + 1).ok_or("--model needs a path")?;
            owned = Tagger::load(std::path::Path::new(p))?;
            &owned
        }
        None => Tagger::embedded(),
    };
    let text = std::fs::read_to_string(file)?;
    let (sents, _) = rasd_tagger::conll::read_labelled(&text);
    let out = std::io::stdout();
    let mut w = std::io::BufWriter::new(out.lock());
    for s in &sents {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        for (t, tag) in toks.iter().zip(tagger.tag(&toks, None)) {
            writeln!(
                w,
                "{t} {} {:08x}",
                tag.label.as_str(),
                tag.confidence.to_bits()
            )?;
        }
        writeln!(w)?;
    }
    Ok(())
}
