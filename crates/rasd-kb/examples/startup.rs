//! Measures knowledge-base start-up (`Kb::get`: deserialising the embedded automaton,
//! the only work it does) in a fresh process, and prints the build statistics.
use std::time::Instant;

/// CPU time of this thread in nanoseconds (schedstat), robust on a busy machine.
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|v| v.parse().ok()))
        .unwrap_or(0)
}

fn main() {
    let c0 = cpu_ns();
    let t = Instant::now();
    let kb = rasd_kb::Kb::get();
    let first = t.elapsed();
    let cpu = std::time::Duration::from_nanos(cpu_ns().saturating_sub(c0));
    println!("Kb::get CPU time {cpu:?}");
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
