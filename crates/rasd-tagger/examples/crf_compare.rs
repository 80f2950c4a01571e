//! Model-choice experiment: train a linear-chain CRF (crfs 0.4.1, L-BFGS, L2) on exactly the
//! features the perceptron uses and report its dev-slice F1 and timings, so the two learners
//! can be compared on the same split. Run:
//! `cargo run --release --example crf_compare -- TRAIN_FILE [CLUSTERS[,CLUSTERS2]] [C2] [MAX_ITER]`.
//! Features: as in the shipped model (char trigrams on; second cluster set if given).
//! The dev slice is the last 10% of the training file's sentences (the test file is not used).

use crfs::train::Lbfgs;
use crfs::{Attribute, Model, Trainer};
use rasd_tagger::clusters::Clusters;
use rasd_tagger::conll::{read_labelled, write_labelled, Sentence};
use rasd_tagger::train::{cluster_table_multi, featurize, SentenceKeys};
use rasd_tagger::{eval_conll, Label};

fn attrs(k: &SentenceKeys) -> Vec<Vec<Attribute>> {
    k.offsets
        .windows(2)
        .map(|w| {
            k.keys[w[0]..w[1]]
                .iter()
                .map(|x| Attribute::new(format!("{x:x}"), 1.0))
                .collect()
        })
        .collect()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let train_path = args
        .first()
        .ok_or("usage: crf_compare TRAIN [CLUSTERS] [C2] [MAX_ITER]")?;
    let text = std::fs::read_to_string(train_path)?;
    let (all, _) = read_labelled(&text);
    let sets = match args.get(1).filter(|s| !s.is_empty() && *s != "-") {
        Some(list) => list
            .split(',')
            .map(|p| Clusters::load(std::path::Path::new(p)))
            .collect::<Result<Vec<_>, _>>()?,
        None => Vec::new(),
    };
    let ctab = cluster_table_multi(&sets);
    let mut flags = rasd_tagger::features::F_CHAR_NGRAMS;
    if sets.len() > 1 {
        flags |= rasd_tagger::features::F_CLUSTERS2;
    }
    let c2: f64 = args.get(2).map(|s| s.parse()).transpose()?.unwrap_or(1.0);
    let iters: usize = args.get(3).map(|s| s.parse()).transpose()?.unwrap_or(150);
    let cut = all.len() - (all.len() as f64 * 0.1).round() as usize;
    let refs: Vec<&Sentence> = all.iter().collect();
    let (tr, dv) = refs.split_at(cut);
    let t0 = std::time::Instant::now();
    let (tk, dk, _) = featurize(tr, dv, &ctab, &Default::default(), true, 10, flags);
    let mut trainer: Trainer<Lbfgs> = Trainer::new();
    trainer.params_mut().set_c2(c2)?;
    trainer.params_mut().set_max_iterations(iters)?;
    for (k, s) in tk.iter().zip(tr) {
        let y: Vec<&str> = s.labels.iter().map(|l| l.as_str()).collect();
        trainer.append(&attrs(k), &y)?;
    }
    let out = std::env::temp_dir().join("rasd_crf_compare.crfsuite");
    trainer.train(&out)?;
    let train_s = t0.elapsed().as_secs_f64();
    let buf = std::fs::read(&out)?;
    let model = Model::new(&buf)?;
    let tagger = model.tagger()?;
    let t1 = std::time::Instant::now();
    let mut pred = Vec::new();
    let mut ntok = 0;
    for k in &dk {
        let x = attrs(k);
        ntok += x.len();
        let y = tagger.tag(&x)?;
        pred.push(
            y.iter()
                .map(|t| Label::parse(t).unwrap_or(Label::O))
                .collect::<Vec<_>>(),
        );
    }
    let tag_s = t1.elapsed().as_secs_f64();
    let gold: Vec<Sentence> = dv.iter().map(|s| (*s).clone()).collect();
    let glabels: Vec<Vec<Label>> = gold.iter().map(|s| s.labels.clone()).collect();
    let sc = eval_conll(
        &write_labelled(&gold, &glabels),
        &write_labelled(&gold, &pred),
    );
    println!("crfs L-BFGS c2={c2} iters={iters}: train {train_s:.1}s, tag {:.0} tokens/s (incl. attribute strings)", ntok as f64 / tag_s);
    print!("{}", sc.report());
    Ok(())
}
