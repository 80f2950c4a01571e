//! Prints the knowledge base's foreignness score of each word given on the command line
//! (`cargo run --release -p rasd-kb --example fness -- كلمة …`), the number the
//! recogniser's foreign-name thresholds (`rasd_recognise::foreign`) are compared with.
//! Words are scored as given; pass them folded as the recogniser sees them.

fn main() {
    let kb = rasd_kb::Kb::get();
    for w in std::env::args().skip(1) {
        println!("{w}\t{:.2}", kb.foreignness(&w));
    }
}
