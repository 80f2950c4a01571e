//! `rasd tag`, `rasd eval-ner`, `rasd train-ner` and `rasd ner-hints`: the statistical
//! NER tagger (`rasd-tagger`, trained on ANERcorp) on CoNLL files. The committed model
//! learnt from the rule recogniser's hints ([`crate::ner_hints`]), so tagging and
//! training compute them here, where both the tagger and the rules are at hand.

use crate::ner_hints::conll_hints;
use anyhow::{bail, Context, Result};
use clap::Args;
use rasd_tagger::{DevSpec, Tagger, TrainParams};
use std::io::Write;
use std::path::PathBuf;

/// Arguments of `rasd tag`.
#[derive(Args, Debug)]
pub struct TagArgs {
    /// Token-per-line CoNLL file (first column the token, blank line between sentences).
    #[arg(long)]
    pub conll: PathBuf,
    /// Use this model file instead of the embedded one.
    #[arg(long)]
    pub model: Option<PathBuf>,
    /// Tag each sentence alone (no document-level consistency between sentences).
    #[arg(long)]
    pub sentence_only: bool,
}

/// Arguments of `rasd eval-ner`.
#[derive(Args, Debug)]
pub struct EvalNerArgs {
    /// Gold CoNLL file (`TOKEN … TAG`, tag in the last column).
    pub gold: PathBuf,
    /// Predicted CoNLL file (`TOKEN TAG`, as written by `rasd tag`).
    pub pred: PathBuf,
}

/// Arguments of `rasd train-ner`.
#[derive(Args, Debug)]
pub struct TrainNerArgs {
    /// ANERcorp training file (CAMeL Lab split).
    #[arg(
        long,
        default_value = "../shared/data/anercorp/ANERCorp_CamelLab_train.txt"
    )]
    pub train: PathBuf,
    /// Where to write the model.
    #[arg(long, default_value = "crates/rasd-tagger/model/anercorp.model")]
    pub out: PathBuf,
    /// Word-cluster files learnt from SaudiNewsNet.
    #[arg(long, default_values = ["crates/rasd-tagger/model/clusters_w5.tsv", "crates/rasd-tagger/model/clusters_w2.tsv"])]
    pub clusters: Vec<PathBuf>,
    /// Prototype table to embed in the model (built from all training sentences by
    /// `rasd-tagger-tool protos`, e.g. `crates/rasd-tagger/model/protos_w5.tsv`). Off by
    /// default: with the per-type biases of the committed model it did not help on dev.
    #[arg(long)]
    pub protos: Option<PathBuf>,
    /// Prototype table for the dev-slice run (built without the dev slice; e.g.
    /// `crates/rasd-tagger/model/protos_w5_dev.tsv`); defaults to `--protos`.
    #[arg(long)]
    pub protos_dev: Option<PathBuf>,
    /// Seed of the sentence shuffles (training is deterministic for a seed).
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Maximum epochs (the dev slice, the last 10% of the training sentences, picks the best).
    #[arg(long, default_value_t = 20)]
    pub epochs: usize,
    /// Number of perceptrons averaged.
    #[arg(long, default_value_t = 3)]
    pub ensemble: usize,
    /// Train without the rule recogniser's hints (the tagger then stands alone).
    #[arg(long)]
    pub no_hints: bool,
}

/// Arguments of `rasd ner-hints`.
#[derive(Args, Debug)]
pub struct NerHintsArgs {
    /// Token-per-line CoNLL file (first column the token, last the tag if there are two or
    /// more, blank line between sentences).
    #[arg(long)]
    pub conll: PathBuf,
}

fn read_lossy(p: &PathBuf) -> Result<String> {
    let b = std::fs::read(p).with_context(|| format!("cannot read {}", p.display()))?;
    Ok(String::from_utf8_lossy(&b).into_owned())
}

/// `rasd tag --conll FILE`: writes `TOKEN TAG` lines, blank lines kept.
pub fn tag(a: TagArgs) -> Result<()> {
    let tagger = match &a.model {
        Some(p) => Tagger::load(p).map_err(|e| anyhow::anyhow!("{e}"))?,
        None => {
            if let Some(e) = Tagger::embedded_error() {
                bail!("the embedded tagger model is unusable: {e}");
            }
            Tagger::embedded().clone()
        }
    };
    let text = read_lossy(&a.conll)?;
    let window = (!a.sentence_only).then_some(rasd_tagger::DOC_WINDOW);
    let out = if tagger.wants_hints() {
        tagger.tag_conll_hinted(&text, window, conll_hints)
    } else {
        tagger.tag_conll_with(&text, window)
    };
    write_stdout(&out)
}

/// Writes `s` to standard output; a closed pipe (`| head`) is not an error.
fn write_stdout(s: &str) -> Result<()> {
    let mut so = std::io::stdout().lock();
    match so.write_all(s.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e.into()),
        _ => Ok(()),
    }
}

/// `rasd ner-hints --conll FILE`: `TOKEN HINT TAG` lines (`TOKEN HINT` when the input
/// has no tag column), blank lines kept; HINT is `O` or an IOB2 tag with `/kb` and `/hi`
/// marks (see `rasd_tagger::conll::parse_hint`).
pub fn ner_hints(a: NerHintsArgs) -> Result<()> {
    let text = read_lossy(&a.conll)?;
    let hints = file_hints(&text);
    let mut flat = hints.iter().flatten();
    let mut out = String::with_capacity(text.len() * 2);
    for line in text.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if let Some(tok) = cols.first() {
            let h = flat.next().copied().unwrap_or(0);
            out.push_str(tok);
            out.push(' ');
            out.push_str(&rasd_tagger::conll::hint_str(h));
            if cols.len() >= 2 {
                out.push(' ');
                out.push_str(cols.last().copied().unwrap_or("O"));
            }
        }
        out.push('\n');
    }
    write_stdout(&out)
}

/// The rule hints of every token of a CoNLL text, by sentence: what `rasd ner-hints`
/// prints and `rasd train-ner` learns from.
fn file_hints(text: &str) -> Vec<Vec<u8>> {
    conll_hints(&sentence_tokens(&rasd_tagger::conll::read_labelled(text).0))
}

/// The tokens of each sentence.
fn sentence_tokens(sents: &[rasd_tagger::conll::Sentence]) -> Vec<Vec<&str>> {
    sents
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect()
}

/// `rasd eval-ner GOLD PRED`: conlleval-style micro and per-type P/R/F1.
pub fn eval_ner(a: EvalNerArgs) -> Result<()> {
    let s = rasd_tagger::eval_conll(&read_lossy(&a.gold)?, &read_lossy(&a.pred)?);
    print!("{}", s.report());
    Ok(())
}

/// `rasd train-ner`: retrains the committed model from ANERcorp train, deterministically.
pub fn train_ner(a: TrainNerArgs) -> Result<()> {
    let mut p = TrainParams {
        seed: a.seed,
        max_epochs: a.epochs,
        ..TrainParams::default()
    };
    p.ensemble = a.ensemble;
    p.prune = 0.5;
    p.feature_flags |= rasd_tagger::features::F_CHAR_NGRAMS;
    p.verbose = true;
    p.protos = a.protos.clone();
    p.protos_dev = a.protos_dev.clone().or_else(|| a.protos.clone());
    if !a.no_hints {
        let text = read_lossy(&a.train)?;
        p.hints = Some(std::sync::Arc::new(file_hints(&text)));
    }
    let fingerprint = p.hints.as_deref().map(|h| hints_fingerprint(h));
    let clusters: Vec<&std::path::Path> = a.clusters.iter().map(|c| c.as_path()).collect();
    let r = rasd_tagger::train(&a.train, &DevSpec::SplitLast(0.1), &a.out, &clusters, &p)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    if let Some(s) = &r.dev_scores {
        println!("dev (best epoch {}):\n{}", r.epochs, s.report());
    }
    println!(
        "wrote {}: {} features, {} bytes, {} epochs, {:.1}s",
        a.out.display(),
        r.features,
        r.model_bytes,
        r.epochs,
        r.seconds
    );
    // Beside the model, the fingerprint of the hints it learnt from: when the rules
    // change, the test `committed_model_matches_the_rules` says the model is stale.
    let hints_path = hints_file(&a.out);
    match fingerprint {
        Some(f) => std::fs::write(&hints_path, format!("{f}\n"))
            .with_context(|| format!("{}: cannot write", hints_path.display()))?,
        None if hints_path.exists() => std::fs::remove_file(&hints_path)
            .with_context(|| format!("{}: cannot remove", hints_path.display()))?,
        None => {}
    }
    Ok(())
}

/// Where `rasd train-ner` records the hints fingerprint of the model at `model`
/// (`anercorp.model` → `anercorp.model.hints`).
pub fn hints_file(model: &std::path::Path) -> PathBuf {
    let mut p = model.as_os_str().to_owned();
    p.push(".hints");
    PathBuf::from(p)
}

/// A fingerprint of the rule hints of a training file: FNV-1a (64 bit) over each
/// sentence's hint codes with a sentence separator, plus the sentence and token counts.
/// Stable across platforms; it changes exactly when the hints the tagger learns from do.
pub fn hints_fingerprint(hints: &[Vec<u8>]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |b: u8| {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    };
    let mut tokens = 0usize;
    for s in hints {
        for &c in s {
            eat(c);
        }
        eat(0xff);
        tokens += s.len();
    }
    format!("fnv1a64 {h:016x} sentences {} tokens {tokens}", hints.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprint_changes_with_any_hint() {
        let a = hints_fingerprint(&[vec![0, 1, 2], vec![3]]);
        assert_eq!(a, hints_fingerprint(&[vec![0, 1, 2], vec![3]]));
        assert_ne!(a, hints_fingerprint(&[vec![0, 1, 2], vec![4]]));
        assert_ne!(a, hints_fingerprint(&[vec![0, 1], vec![2, 3]]));
        assert!(a.ends_with("sentences 2 tokens 4"));
    }

    /// The committed model learnt from the rules' hints over ANERcorp train; when a change
    /// to the recogniser changes those hints, `rasd train-ner` no longer reproduces the
    /// committed model, so the model must be retrained. Skipped (with a notice) when the
    /// shared ANERcorp copy is absent.
    #[test]
    fn committed_model_matches_the_rules() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
        let shared = std::env::var_os("RASD_SHARED")
            .map(PathBuf::from)
            .unwrap_or_else(|| root.join("../shared"));
        let train = shared.join("data/anercorp/ANERCorp_CamelLab_train.txt");
        let Ok(text) = std::fs::read_to_string(&train) else {
            eprintln!("skipped: {} not found", train.display());
            return;
        };
        let got = hints_fingerprint(&file_hints(&text));
        let file = hints_file(&root.join("crates/rasd-tagger/model/anercorp.model"));
        let want = std::fs::read_to_string(&file).unwrap_or_default();
        assert_eq!(
            want.trim(),
            got,
            "the rules' hints over ANERcorp train changed: retrain the committed model with \
             `rasd train-ner` ({} is stale)",
            file.display()
        );
    }
}
