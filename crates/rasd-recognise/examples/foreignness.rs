//! Prints the knowledge base's foreignness score of each word given on the command line
//! (folded first), to calibrate the transliterated-name thresholds.
fn main() {
    let kb = rasd_kb::Kb::get();
    for w in std::env::args().skip(1) {
        let f = rasd_text::fold(&w);
        println!("{:+.2}\t{}", kb.foreignness(&f), w);
    }
}
