//! Prints the knowledge-base entries named by each word given on the command line
//! (folded first): a debugging aid.
fn main() {
    let kb = rasd_kb::Kb::get();
    for w in std::env::args().skip(1) {
        let f = rasd_text::fold(&w);
        for (e, _) in kb.entries_named(&f) {
            println!(
                "{w}\t{}\t{:?}\t{:?}\t{:?}",
                e.key(),
                e.kind(),
                e.place_kind(),
                e.cc3()
            );
        }
    }
}
