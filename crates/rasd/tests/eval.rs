//! `rasd eval` must print what the reference scorer `score.py` prints.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn score_py() -> Option<PathBuf> {
    let p = repo().join("../shared/eval/score.py");
    let python = Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|o| o.status.success());
    (p.exists() && python).then_some(p)
}

#[test]
fn eval_agrees_with_score_py_on_the_seed() {
    let dir = tempfile::tempdir().unwrap();
    let sys = dir.path().join("seed.jsonl");
    let out = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args(["extract", "samples/seed.txt", "--date", "2014-06-12", "-o"])
        .arg(&sys)
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let ours = |json: bool| {
        let mut c = Command::new(env!("CARGO_BIN_EXE_rasd"));
        c.args(["eval", "eval/seed.gold.json", "--system"])
            .arg(&sys)
            .current_dir(repo());
        if json {
            c.arg("--json");
        }
        let o = c.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        String::from_utf8(o.stdout).unwrap()
    };
    let text = ours(false);
    assert!(text.contains("entities"), "{text}");
    let Some(py) = score_py() else {
        eprintln!("SKIP: python3 or ../shared/eval/score.py absent; compared nothing");
        return;
    };
    for json in [false, true] {
        let mut c = Command::new("python3");
        c.arg(&py)
            .arg("eval/seed.gold.json")
            .arg("--system")
            .arg(&sys)
            .current_dir(repo());
        if json {
            c.arg("--json");
        }
        let o = c.output().unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let theirs = String::from_utf8(o.stdout).unwrap();
        assert_eq!(
            ours(json),
            theirs,
            "rasd eval (json={json}) differs from score.py"
        );
    }
}

#[test]
fn eval_reports_missing_gold_clearly() {
    let o = Command::new(env!("CARGO_BIN_EXE_rasd"))
        .args([
            "eval",
            "/nonexistent-gold",
            "--system",
            "/nonexistent.jsonl",
        ])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(!String::from_utf8_lossy(&o.stderr).is_empty());
}
