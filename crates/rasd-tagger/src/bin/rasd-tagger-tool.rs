//! Command-line front end of rasd-tagger: `train`, `tag --conll`, `eval`, `clusters`, `bench`.
//!
//! All logic lives in the library; this binary only parses arguments and prints results.

use rasd_tagger::clusters::{build_clusters, ClusterParams};
use rasd_tagger::protos::{build_protos, ProtoParams};
use rasd_tagger::{eval_conll, train, DevSpec, Tagger, TrainParams};
use std::path::PathBuf;
use std::process::ExitCode;

const USAGE: &str = "usage:
  rasd-tagger-tool train --train FILE [--dev-split 0.1 | --dev-fold K/N | --dev FILE | --no-dev] [--clusters FILE [--clusters FILE2]]
                         [--out MODEL] [--seed N] [--epochs N] [--no-gazetteer] [--unconstrained]
                         [--no-final-on-all] [--char-ngrams]
                         [--crf-c2 C2 [--crf-eta ETA]] [--ensemble K] [--prune W]
                         [--kb-dir DIR | --no-kb] [--triggers] [--wide] [--stem-ngrams] [--quotes] [--heads] [--no-type-bias] [--pairs] [--mix-crf C2] [--prop-clitics] [--miss-cost K] [--margin M]
                         [--stem-clusters-ctx] [--proto-ctx-ids] [--namelike TABLE [--nl-parts chars|morph|both]] [--oov-clusters]
                         [--doc-stage [--doc-folds K] [--doc-epochs N]]
                         [--protos TABLE [--protos-dev TABLE]]
                         [--autolex [--autolex-corpus DIR] [--autolex-cache DIR] [--autolex-folds K]
                          [--autolex-epochs N] [--autolex-min-count N] [--autolex-purity P]
                          [--autolex-tagged P] [--autolex-paras N]]
                         [--selftrain [--st-corpus DIR] [--st-cache DIR] [--st-paras N] [--st-epochs N]
                          [--st-temp T] [--st-conf P] [--st-min-len N] [--st-max-len N] [--st-max N]
                          [--st-gold-weight K]]
  rasd-tagger-tool tag --conll FILE [--model MODEL] [--out FILE] [--sentence-only | --doc-window N]
  rasd-tagger-tool eval GOLD PRED
  rasd-tagger-tool errors --train FILE --model MODEL [--dev-split 0.1] [--sentence-only] [--top N] [--examples N] [--prop-clitics]
  rasd-tagger-tool clusters --corpus DIR --out FILE [--seed N] [--epochs N] [--dim N]
                            [--vocab-cap N] [--min-count N] [--window N] [--vectors-out FILE]
  rasd-tagger-tool namelike --corpus DIR --out FILE [--kb-dir DIR] [--seed N] [--min-count N] [--neg-min-count N] [--alpha A]
  rasd-tagger-tool protos --vectors FILE --train FILE --out FILE [--dev-split F]
                          [--per-label N] [--top-k N] [--min-sim S] [--min-count N] [--center]
  rasd-tagger-tool oov --train FILE --clusters FILE [--clusters FILE2] [--folds K] [--corpus DIR]
  rasd-tagger-tool bench [--conll FILE] [--model MODEL] [--seconds S] [--passes N]";

struct Args {
    rest: Vec<String>,
}

impl Args {
    fn opt(&mut self, name: &str) -> Option<String> {
        let i = self.rest.iter().position(|a| a == name)?;
        if i + 1 < self.rest.len() {
            let v = self.rest.remove(i + 1);
            self.rest.remove(i);
            Some(v)
        } else {
            None
        }
    }
    fn flag(&mut self, name: &str) -> bool {
        match self.rest.iter().position(|a| a == name) {
            Some(i) => {
                self.rest.remove(i);
                true
            }
            None => false,
        }
    }
    fn num<T: std::str::FromStr>(&mut self, name: &str, default: T) -> Result<T, String> {
        match self.opt(name) {
            Some(v) => v.parse().map_err(|_| format!("bad value for {name}: {v}")),
            None => Ok(default),
        }
    }
}

/// CPU seconds used by this process so far (Linux /proc; None elsewhere). Used so that
/// the bench reports per-core throughput even when the machine is shared.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = after.split_whitespace().collect();
    let ut: f64 = f.get(11)?.parse().ok()?;
    let st: f64 = f.get(12)?.parse().ok()?;
    Some((ut + st) / 100.0)
}

fn load_tagger(model: Option<String>) -> Result<Tagger, String> {
    match model {
        Some(p) => Tagger::load(&PathBuf::from(p)).map_err(|e| e.to_string()),
        None => {
            if let Some(e) = Tagger::embedded_error() {
                return Err(format!("embedded model unusable: {e}"));
            }
            Ok(Tagger::embedded().clone())
        }
    }
}

fn run() -> Result<(), String> {
    let mut all: Vec<String> = std::env::args().skip(1).collect();
    if all.is_empty() {
        return Err(USAGE.into());
    }
    let cmd = all.remove(0);
    let mut a = Args { rest: all };
    match cmd.as_str() {
        "train" => {
            let train_path = a.opt("--train").ok_or("train needs --train FILE")?;
            let dev = if let Some(d) = a.opt("--dev") {
                DevSpec::File(d.into())
            } else if let Some(f) = a.opt("--dev-fold") {
                let (k, of) = parse_fold(&f)?;
                DevSpec::Fold { k, of }
            } else if a.flag("--no-dev") {
                DevSpec::None
            } else {
                DevSpec::SplitLast(a.num("--dev-split", 0.1)?)
            };
            let out = a.opt("--out").unwrap_or_else(|| "anercorp.model".into());
            let mut clusters: Vec<PathBuf> = Vec::new();
            while let Some(c) = a.opt("--clusters") {
                clusters.push(c.into());
            }
            let cluster_refs: Vec<&std::path::Path> =
                clusters.iter().map(|p| p.as_path()).collect();
            let mut p = TrainParams {
                seed: a.num("--seed", 1)?,
                max_epochs: a.num("--epochs", 25)?,
                ..TrainParams::default()
            };
            p.use_gazetteer = !a.flag("--no-gazetteer");
            p.constrained = !a.flag("--unconstrained");
            p.final_on_all = !a.flag("--no-final-on-all");
            if let Some(c2) = a.opt("--crf-c2") {
                let c2: f64 = c2.parse().map_err(|_| "bad --crf-c2")?;
                let eta0: f64 = a.num("--crf-eta", 0.1)?;
                p.algorithm = rasd_tagger::Algorithm::CrfSgd { c2, eta0 };
            }
            p.margin = a.num("--margin", p.margin)?;
            if a.flag("--triggers") {
                p.feature_flags |= rasd_tagger::features::F_TRIGGERS;
            }
            if a.flag("--stem-ngrams") {
                p.feature_flags |= rasd_tagger::features::F_STEM_NGRAMS;
            }
            if a.flag("--quotes") {
                p.feature_flags |= rasd_tagger::spanfeat::F_QUOTES;
            }
            if a.flag("--heads") {
                p.feature_flags |= rasd_tagger::spanfeat::F_HEADS;
            }
            // on by default; the flag is still accepted
            let _ = a.flag("--type-bias");
            if a.flag("--no-type-bias") {
                p.type_bias = false;
            }
            if let Some(c2) = a.opt("--mix-crf") {
                p.mix_crf = Some(c2.parse().map_err(|_| "bad --mix-crf")?);
            }
            if a.flag("--prop-clitics") {
                p.feature_flags |= rasd_tagger::F_PROP_CLITICS;
            }
            p.miss_cost = a.num("--miss-cost", p.miss_cost)?;
            if a.flag("--pairs") {
                p.feature_flags |= rasd_tagger::pairfeat::F_PAIRS;
            }
            if a.flag("--proto-ctx-ids") {
                p.feature_flags |= rasd_tagger::features::F_PROTO_CTX_IDS;
            }
            if a.flag("--stem-clusters-ctx") {
                p.feature_flags |= rasd_tagger::features::F_STEM_CLUS_CTX;
            }
            if a.flag("--oov-clusters") {
                p.feature_flags |= rasd_tagger::features::F_OOV_CLUSTERS;
            }
            if a.flag("--wide") {
                p.feature_flags |= rasd_tagger::features::F_WIDE;
            }
            if a.flag("--autolex") {
                let d = rasd_tagger::autolex::AutoLexParams::default();
                p.autolex = Some(rasd_tagger::autolex::AutoLexParams {
                    corpus: a
                        .opt("--autolex-corpus")
                        .map(PathBuf::from)
                        .unwrap_or(d.corpus.clone()),
                    folds: a.num("--autolex-folds", d.folds)?,
                    epochs: a.num("--autolex-epochs", d.epochs)?,
                    min_count: a.num("--autolex-min-count", d.min_count)?,
                    min_purity: a.num("--autolex-purity", d.min_purity)?,
                    min_tagged: a.num("--autolex-tagged", d.min_tagged)?,
                    max_paragraphs: a.num("--autolex-paras", d.max_paragraphs)?,
                    cache_dir: a.opt("--autolex-cache").map(PathBuf::from),
                });
            }
            if a.flag("--selftrain") {
                let d = rasd_tagger::selftrain::SelfTrainParams::default();
                p.selftrain = Some(rasd_tagger::selftrain::SelfTrainParams {
                    corpus: a
                        .opt("--st-corpus")
                        .map(PathBuf::from)
                        .unwrap_or(d.corpus.clone()),
                    max_paragraphs: a.num("--st-paras", d.max_paragraphs)?,
                    epochs: a.num("--st-epochs", d.epochs)?,
                    temp: a.num("--st-temp", d.temp)?,
                    min_conf: a.num("--st-conf", d.min_conf)?,
                    min_len: a.num("--st-min-len", d.min_len)?,
                    max_len: a.num("--st-max-len", d.max_len)?,
                    max_sents: a.num("--st-max", d.max_sents)?,
                    gold_weight: a.num("--st-gold-weight", d.gold_weight)?,
                    cache_dir: a.opt("--st-cache").map(PathBuf::from),
                });
            }
            p.protos = a.opt("--protos").map(PathBuf::from);
            p.namelike = a.opt("--namelike").map(PathBuf::from);
            if let Some(v) = a.opt("--dense") {
                let d = rasd_tagger::dense::DenseParams::default();
                p.dense = Some(rasd_tagger::dense::DenseParams {
                    vectors: PathBuf::from(v),
                    hidden: a.num("--dense-hidden", d.hidden)?,
                    window: a.num("--dense-window", d.window)?,
                    epochs: a.num("--dense-epochs", d.epochs)?,
                    lr: a.num("--dense-lr", d.lr)?,
                    folds: a.num("--dense-folds", d.folds)?,
                    centre_dropout: a.num("--dense-drop", d.centre_dropout)?,
                });
            }
            match a.opt("--nl-parts").as_deref() {
                None | Some("both") => {}
                Some("chars") => p.feature_flags |= rasd_tagger::namelike::F_NAMELIKE,
                Some("morph") => p.feature_flags |= rasd_tagger::namelike::F_MORPH,
                Some(x) => return Err(format!("bad --nl-parts {x} (chars, morph, both)")),
            }
            p.protos_dev = a.opt("--protos-dev").map(PathBuf::from);
            p.doc_stage = a.flag("--doc-stage");
            p.doc_epochs = a.num("--doc-epochs", p.doc_epochs)?;
            p.doc_folds = a.num("--doc-folds", p.doc_folds)?;
            if a.flag("--no-kb") {
                p.kb_dir = None;
            } else if let Some(d) = a.opt("--kb-dir") {
                p.kb_dir = Some(d.into());
            }
            p.ensemble = a.num("--ensemble", 1)?;
            p.prune = a.num("--prune", p.prune)?;
            if a.flag("--char-ngrams") {
                p.feature_flags |= rasd_tagger::features::F_CHAR_NGRAMS;
            }
            let r = train(
                &PathBuf::from(train_path),
                &dev,
                &PathBuf::from(&out),
                &cluster_refs,
                &p,
            )
            .map_err(|e| e.to_string())?;
            if let Some(s) = &r.dev_scores {
                println!("dev (best epoch {}):\n{}", r.epochs, s.report());
            }
            println!(
                "wrote {out}: {} features, {} bytes, {} epochs, {:.1}s",
                r.features, r.model_bytes, r.epochs, r.seconds
            );
        }
        "tag" => {
            let file = a.opt("--conll").ok_or("tag needs --conll FILE")?;
            let tagger = load_tagger(a.opt("--model"))?;
            let bytes = std::fs::read(&file).map_err(|e| format!("{file}: {e}"))?;
            let text = String::from_utf8_lossy(&bytes);
            let window = if a.flag("--sentence-only") {
                None
            } else {
                Some(a.num("--doc-window", rasd_tagger::DOC_WINDOW)?)
            };
            // a `TOKEN HINT TAG` file (from `rasd ner-hints`) brings its own rule hints
            let out = tagger.tag_conll_hinted(&text, window, |_| {
                let (sents, _) = rasd_tagger::conll::read_labelled(&text);
                sents.into_iter().map(|s| s.hints).collect()
            });
            match a.opt("--out") {
                Some(o) => std::fs::write(&o, out).map_err(|e| format!("{o}: {e}"))?,
                None => {
                    use std::io::Write;
                    let mut so = std::io::stdout().lock();
                    so.write_all(out.as_bytes()).map_err(|e| e.to_string())?;
                }
            }
        }
        "eval" => {
            if a.rest.len() < 2 {
                return Err("eval needs GOLD PRED".into());
            }
            let read = |p: &str| -> Result<String, String> {
                std::fs::read(p)
                    .map(|b| String::from_utf8_lossy(&b).into_owned())
                    .map_err(|e| format!("{p}: {e}"))
            };
            let s = eval_conll(&read(&a.rest[0])?, &read(&a.rest[1])?);
            print!("{}", s.report());
        }
        "errors" => {
            let train_path = a.opt("--train").ok_or("errors needs --train FILE")?;
            let mut tagger = load_tagger(a.opt("--model"))?;
            if a.flag("--prop-clitics") {
                tagger.set_clitic_propagation(true);
            }
            let frac: f64 = a.num("--dev-split", 0.1)?;
            let fold = a.opt("--dev-fold").map(|f| parse_fold(&f)).transpose()?;
            let n: usize = a.num("--top", 25)?;
            let ex: usize = a.num("--examples", 0)?;
            let window = (!a.flag("--sentence-only")).then_some(rasd_tagger::DOC_WINDOW);
            let text =
                std::fs::read_to_string(&train_path).map_err(|e| format!("{train_path}: {e}"))?;
            let (r, sc) = rasd_tagger::errors::dev_breakdown(&tagger, &text, frac, fold, window);
            print!("{}\n{}", sc.report(), r.report(n));
            if ex > 0 {
                print!("\n{}", r.examples(ex));
            }
        }
        "clusters" => {
            let corpus = a.opt("--corpus").ok_or("clusters needs --corpus DIR")?;
            let out = a.opt("--out").ok_or("clusters needs --out FILE")?;
            let d = ClusterParams::default();
            let p = ClusterParams {
                seed: a.num("--seed", d.seed)?,
                epochs: a.num("--epochs", d.epochs)?,
                dim: a.num("--dim", d.dim)?,
                vocab_cap: a.num("--vocab-cap", d.vocab_cap)?,
                min_count: a.num("--min-count", d.min_count)?,
                window: a.num("--window", d.window)?,
                vectors_out: a.opt("--vectors-out").map(PathBuf::from),
                ..d
            };
            let n = build_clusters(&PathBuf::from(&corpus), &PathBuf::from(&out), &p)
                .map_err(|e| e.to_string())?;
            println!("wrote {out}: {n} words");
        }
        "oov" => {
            let train = a.opt("--train").ok_or("oov needs --train FILE")?;
            let mut sets = Vec::new();
            while let Some(c) = a.opt("--clusters") {
                sets.push(
                    rasd_tagger::clusters::Clusters::load(&PathBuf::from(&c))
                        .map_err(|e| e.to_string())?,
                );
            }
            let folds: usize = a.num("--folds", 5)?;
            let text = std::fs::read_to_string(&train).map_err(|e| format!("{train}: {e}"))?;
            let (sents, _) = rasd_tagger::conll::read_labelled(&text);
            let counts = match a.opt("--corpus") {
                Some(d) => rasd_tagger::oov::word_counts(
                    &rasd_tagger::clusters::read_corpus(&PathBuf::from(d))
                        .map_err(|e| e.to_string())?,
                ),
                None => Default::default(),
            };
            let c = rasd_tagger::oov::coverage(&sents, folds, &sets, &counts);
            print!("{}", c.report());
        }
        "protos" => {
            let vectors = a.opt("--vectors").ok_or("protos needs --vectors FILE")?;
            let train = a.opt("--train").ok_or("protos needs --train FILE")?;
            let out = a.opt("--out").ok_or("protos needs --out FILE")?;
            let dev = match a.opt("--dev-split") {
                Some(x) => Some(x.parse::<f64>().map_err(|_| "bad --dev-split")?),
                None => None,
            };
            let d = ProtoParams::default();
            let p = ProtoParams {
                per_label: a.num("--per-label", d.per_label)?,
                top_k: a.num("--top-k", d.top_k)?,
                min_sim: a.num("--min-sim", d.min_sim)?,
                min_count: a.num("--min-count", d.min_count)?,
                center: a.flag("--center"),
            };
            let (np, nw) = build_protos(
                &PathBuf::from(&vectors),
                &PathBuf::from(&train),
                dev,
                &PathBuf::from(&out),
                &p,
            )
            .map_err(|e| e.to_string())?;
            println!("wrote {out}: {np} prototypes, {nw} words");
        }
        "namelike" => {
            let corpus = a.opt("--corpus").ok_or("namelike needs --corpus DIR")?;
            let out = a.opt("--out").ok_or("namelike needs --out FILE")?;
            let kb = a
                .opt("--kb-dir")
                .map(PathBuf::from)
                .unwrap_or_else(rasd_tagger::train::default_kb_dir);
            let d = rasd_tagger::namelike::NameLikeParams::default();
            let p = rasd_tagger::namelike::NameLikeParams {
                seed: a.num("--seed", d.seed)?,
                min_count: a.num("--min-count", d.min_count)?,
                neg_min_count: a.num("--neg-min-count", d.neg_min_count)?,
                alpha: a.num("--alpha", d.alpha)?,
            };
            let r = rasd_tagger::namelike::build_namelike(
                &PathBuf::from(&corpus),
                &kb,
                &PathBuf::from(&out),
                &p,
            )
            .map_err(|e| e.to_string())?;
            println!(
                "wrote {out}: {} rows; classifier: {} name stems, {} word stems, held-out AUC {:.4}",
                r.rows, r.pos, r.neg, r.heldout_auc
            );
        }
        "bench" => {
            let model_path = a.opt("--model");
            // Each load parses the model and builds the tagger afresh — the work of the
            // first `Tagger::embedded()` call (or `Tagger::load`) of a process.
            let load_fresh = || match &model_path {
                Some(p) => Tagger::load(&PathBuf::from(p)).map_err(|e| e.to_string()),
                None => Tagger::load_embedded().map_err(|e| format!("embedded model: {e}")),
            };
            let t_load = std::time::Instant::now();
            let cl0 = cpu_seconds();
            let reps = 5;
            let mut first_ms = 0.0;
            let mut tagger = None;
            for i in 0..reps {
                let t1 = std::time::Instant::now();
                tagger = Some(load_fresh()?);
                if i == 0 {
                    first_ms = t1.elapsed().as_secs_f64() * 1e3;
                }
            }
            let tagger = tagger.ok_or("no model loaded")?;
            let load_ms = t_load.elapsed().as_secs_f64() * 1e3 / f64::from(reps);
            let load_cpu_ms = match (cl0, cpu_seconds()) {
                (Some(a), Some(b)) => (b - a) * 1e3 / f64::from(reps),
                _ => f64::NAN,
            };
            let secs: f64 = a.num("--seconds", 5.0)?;
            let file = a
                .opt("--conll")
                .unwrap_or_else(|| "/work/shared/data/anercorp/ANERCorp_CamelLab_train.txt".into());
            let text = std::fs::read_to_string(&file).map_err(|e| format!("{file}: {e}"))?;
            let (sents, _) = rasd_tagger::conll::read_labelled(&text);
            let sents: Vec<Vec<&str>> = sents
                .iter()
                .map(|s| s.tokens.iter().map(String::as_str).collect())
                .collect();
            // Per chunk of 40 sentences keep the fastest of all passes: on a shared machine
            // this approximates the throughput of one uncontended core.
            let chunks: Vec<&[Vec<&str>]> = sents.chunks(40).collect();
            let mut best = vec![f64::INFINITY; chunks.len()];
            let t0 = std::time::Instant::now();
            let c0 = cpu_seconds();
            let mut toks = 0usize;
            let mut ents = 0usize;
            let mut passes = 0usize;
            let min_passes: usize = a.num("--passes", 1)?;
            while t0.elapsed().as_secs_f64() < secs.min(50.0) || passes < min_passes {
                for (ci, chunk) in chunks.iter().enumerate() {
                    let tc = std::time::Instant::now();
                    for s in chunk.iter() {
                        let tags = tagger.tag(s, None);
                        toks += tags.len();
                        ents += rasd_tagger::spans(&tags).len();
                    }
                    let d = tc.elapsed().as_secs_f64();
                    if let Some(b) = best.get_mut(ci) {
                        *b = b.min(d);
                    }
                }
                passes += 1;
            }
            let el = t0.elapsed().as_secs_f64();
            let pass_tokens: usize = sents.iter().map(Vec::len).sum();
            let best_total: f64 = best.iter().sum();
            let cpu = match (c0, cpu_seconds()) {
                (Some(a), Some(b)) if b > a => format!(
                    "; {:.0} tokens per CPU-second ({:.2} CPU-s)",
                    toks as f64 / (b - a),
                    b - a
                ),
                _ => String::new(),
            };
            println!(
                "model load {load_ms:.1} ms wall, {load_cpu_ms:.0} ms CPU (mean of {reps} fresh loads; first {first_ms:.1} ms wall); {passes} passes, {toks} tokens ({ents} entities) in {el:.2}s wall: {:.0} tokens/s wall{cpu}; best-chunk estimate {:.0} tokens/s per core",
                toks as f64 / el,
                pass_tokens as f64 / best_total
            );
        }
        _ => return Err(USAGE.into()),
    }
    Ok(())
}

/// `--dev-fold K/N`: hold out block K (0-based) of N.
fn parse_fold(f: &str) -> Result<(usize, usize), String> {
    f.split_once('/')
        .and_then(|(k, of)| Some((k.parse().ok()?, of.parse().ok()?)))
        .filter(|&(k, of): &(usize, usize)| of >= 2 && k < of)
        .ok_or_else(|| format!("--dev-fold {f}: want K/N with 0 <= K < N and N >= 2 (e.g. 0/5)"))
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
