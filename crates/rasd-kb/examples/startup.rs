//! Measures knowledge-base start-up (`Kb::get`: deserialising the embedded automaton,
//! the only work it does) in a fresh process, and prints the build statistics.
use std::time::Instant;

fn main() {
    let t = Instant::now();
    let kb = rasd_kb::Kb::get();
    let first = t.elapsed();
    println!(
        "Kb::get {:?} ({} entries, {} names, automaton heap {:.1} MB)",
        first,
        kb.len(),
        kb.num_names(),
        kb.automaton_heap_bytes() as f64 / 1e6
    );
    if let Some(p) = kb.automaton() {
        println!("states {} heap {}", p.num_states(), p.heap_bytes());
    }
    print!("{}", rasd_kb::build_stats());
}
