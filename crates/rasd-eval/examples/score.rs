//! Command-line twin of `shared/eval/score.py`, for trying the crate before
//! `rasd eval` exists:
//!
//! ```text
//! cargo run -p rasd-eval --example score -- GOLD_DIR_OR_FILE... --system OUT.jsonl [--json]
//! ```

use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let mut golds = Vec::new();
    let mut system = None;
    let mut json = false;
    let mut args = std::env::args_os().skip(1);
    while let Some(a) = args.next() {
        match a.to_str() {
            Some("--json") => json = true,
            Some("--system") => system = args.next().map(PathBuf::from),
            _ => golds.push(PathBuf::from(a)),
        }
    }
    let (Some(system), false) = (system, golds.is_empty()) else {
        eprintln!("usage: score GOLD_DIR_OR_FILE... --system OUT.jsonl [--json]");
        return ExitCode::from(2);
    };
    let run = || -> Result<rasd_eval::Report, rasd_eval::EvalError> {
        let g = rasd_eval::load_gold(&golds)?;
        let r = rasd_eval::load_system(&system)?;
        rasd_eval::score(&g, &r)
    };
    match run() {
        Ok(rep) if json => println!("{}", rep.to_json()),
        Ok(rep) => print!("{}", rep.to_text()),
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::FAILURE;
        }
    }
    ExitCode::SUCCESS
}
