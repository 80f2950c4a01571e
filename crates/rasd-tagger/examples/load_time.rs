//! Model load timing: builds a [`Tagger`] from the embedded model `N` times
//! (`Tagger::load_embedded`: parse plus context tables — what the first
//! `Tagger::embedded()` call costs) and prints wall and CPU milliseconds per load, min and
//! median, and the first load on its own (later loads reuse memory the allocator kept, so
//! the first is the one a process pays). Usage: `cargo run --release -p rasd-tagger --example load_time -- [N]`; with
//! `N = 1` under `valgrind --tool=cachegrind` it gives the instruction count of one load
//! (minus the run with `N = 0`).

use rasd_tagger::Tagger;
use std::time::Instant;

/// CPU time of this thread in nanoseconds (Linux `schedstat`; 0 elsewhere).
fn cpu_ns() -> u64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|x| x.parse().ok()))
        .unwrap_or(0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = match std::env::args().nth(1) {
        Some(a) => a.parse()?,
        None => 10,
    };
    let mut wall = Vec::with_capacity(n);
    let mut cpu = Vec::with_capacity(n);
    for _ in 0..n {
        let (w0, c0) = (Instant::now(), cpu_ns());
        let t = Tagger::load_embedded()?;
        let (w1, c1) = (w0.elapsed(), cpu_ns());
        wall.push(w1.as_secs_f64() * 1e3);
        cpu.push(c1.saturating_sub(c0) as f64 / 1e6);
        drop(t);
    }
    if let (Some(w), Some(c)) = (wall.first(), cpu.first()) {
        println!("first load: wall {w:.1} ms, CPU {c:.1} ms");
    }
    if n > 0 {
        for v in [&mut wall, &mut cpu] {
            v.sort_by(f64::total_cmp);
        }
        println!(
            "{n} loads: wall min {:.1} / median {:.1} ms; CPU min {:.1} / median {:.1} ms",
            wall[0],
            wall[n / 2],
            cpu[0],
            cpu[n / 2]
        );
    }
    Ok(())
}
