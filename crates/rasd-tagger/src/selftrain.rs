//! Self-training on unlabelled news (issue #4): whole confidently tagged SaudiNewsNet
//! sentences are added to the training data.
//!
//! A single perceptron trained on the gold training sentences only (in cross-validation:
//! only the fold's training part, so no dev leakage) tags the corpus, split into sentences
//! at `.`, `!`, `?`, `؟`. A sentence is kept when it has `min_len..=max_len` tokens, at
//! least one entity, and every token's confidence — the softmax of its max-marginals at
//! temperature `temp` (in summed-weight units; the tagger's own confidences are nearly
//! always 1 because perceptron scores are large) — is at least `min_conf`. Among the kept
//! sentences those with an entity word never seen in the gold training sentences come
//! first (they teach context patterns around new names), then corpus order; at most
//! `max_sents` are used. Unlike the self-trained phrase list (`crate::autolex`, which
//! mostly repeated names the tagger knew), whole sentences carry context patterns.
//!
//! The selected sentences are training data for the final learner with weight 1 while
//! every gold sentence is presented `gold_weight` times per epoch (see `crate::train`);
//! their gazetteer features come from a jackknifed gold gazetteer, as for gold sentences.

use crate::conll::{read_labelled, write_labelled, Sentence};
use crate::labels::Label;
use crate::normalize::normalize;
use crate::util::Fnv;
use crate::{Error, Tagger};
use rayon::prelude::*;
use rustc_hash::FxHashSet;
use std::path::{Path, PathBuf};

/// Parameters of self-training.
#[derive(Debug, Clone)]
pub struct SelfTrainParams {
    /// Folder with the SaudiNewsNet `*.zip` files.
    pub corpus: PathBuf,
    /// Use only this many corpus paragraphs (0 = all).
    pub max_paragraphs: usize,
    /// Epochs of the single perceptron that tags the corpus.
    pub epochs: usize,
    /// Softmax temperature of the confidences (summed-weight units).
    pub temp: f32,
    /// Minimum confidence of every token of a kept sentence.
    pub min_conf: f32,
    /// Shortest kept sentence (tokens).
    pub min_len: usize,
    /// Longest kept sentence (tokens).
    pub max_len: usize,
    /// At most this many sentences are added.
    pub max_sents: usize,
    /// Every gold sentence is presented this many times per epoch (auto sentences once).
    pub gold_weight: usize,
    /// Where to cache the selections (file names encode every input that matters).
    pub cache_dir: Option<PathBuf>,
}

impl Default for SelfTrainParams {
    fn default() -> Self {
        SelfTrainParams {
            corpus: PathBuf::from("shared/data/saudinewsnet"),
            max_paragraphs: 0,
            epochs: 8,
            temp: 40.0,
            min_conf: 0.9,
            min_len: 6,
            max_len: 50,
            max_sents: 16000,
            gold_weight: 2,
            cache_dir: None,
        }
    }
}

/// Split corpus paragraphs (raw tokens) into sentences at sentence-final punctuation
/// (kept with the sentence).
pub fn split_sentences(paras: &[Vec<String>]) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    for p in paras {
        let mut cur = Vec::new();
        for t in p {
            cur.push(t.clone());
            if matches!(t.as_str(), "." | "!" | "?" | "؟") {
                out.push(std::mem::take(&mut cur));
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
    out
}

/// Per-token confidences of the best path at temperature `temp`, and the path.
fn tag_with_temp(tagger: &Tagger, toks: &[&str], temp: f32) -> (Vec<u8>, Vec<f32>) {
    let em = tagger.emissions(toks, None, &[]);
    let (e, ps) = tagger.split_em(&em);
    let inv = 1.0 / temp.max(1e-3);
    let e: Vec<f32> = e.iter().map(|x| x * inv).collect();
    let ps: Vec<f32> = ps.iter().map(|x| x * inv).collect();
    let mut tr = *tagger.transitions();
    for row in tr.iter_mut() {
        for x in row.iter_mut() {
            // forbidden transitions stay forbidden
            if *x > -1e29 {
                *x *= inv;
            }
        }
    }
    let (mut out, mut conf) = (Vec::new(), Vec::new());
    crate::model::viterbi_pairs(&e, &tr, &ps, &mut out, Some(&mut conf));
    (out, conf)
}

/// Tag `sents` with `tagger` and return the selected sentences (see the module docs).
/// `seen` holds the normalised words of the gold training sentences. Parallel but
/// deterministic (selection in corpus order).
pub fn select(
    tagger: &Tagger,
    sents: &[Vec<String>],
    seen: &FxHashSet<String>,
    p: &SelfTrainParams,
) -> Vec<Sentence> {
    // (index, has an unseen entity word, sentence)
    let kept: Vec<(usize, bool, Sentence)> = sents
        .par_iter()
        .enumerate()
        .filter(|(_, s)| s.len() >= p.min_len && s.len() <= p.max_len)
        .filter_map(|(i, s)| {
            let toks: Vec<&str> = s.iter().map(String::as_str).collect();
            let (path, conf) = tag_with_temp(tagger, &toks, p.temp);
            if path.len() != toks.len() || conf.iter().any(|c| *c < p.min_conf) {
                return None;
            }
            let labels: Vec<Label> = path
                .iter()
                .map(|&l| Label::from_index(l as usize))
                .collect();
            if labels.iter().all(|l| *l == Label::O) {
                return None;
            }
            let new = labels
                .iter()
                .zip(&toks)
                .any(|(l, t)| *l != Label::O && !seen.contains(&normalize(t)));
            Some((
                i,
                new,
                Sentence {
                    tokens: s.clone(),
                    labels,
                    hints: Vec::new(),
                },
            ))
        })
        .collect();
    let mut kept = kept;
    kept.sort_by_key(|(i, new, _)| (!*new, *i));
    kept.truncate(p.max_sents);
    kept.sort_by_key(|(i, _, _)| *i);
    kept.into_iter().map(|x| x.2).collect()
}

/// Fingerprint of a set of gold sentences (for cache names).
pub fn fingerprint(sents: &[&Sentence]) -> u64 {
    let mut h = Fnv::new(0);
    for s in sents {
        for (t, l) in s.tokens.iter().zip(&s.labels) {
            h.str(t);
            h.bytes(&[l.index() as u8]);
        }
    }
    h.finish()
}

/// The corpus split into sentences ([`split_sentences`]), read once into `cell`.
pub fn corpus_sentences<'a>(
    cell: &'a std::cell::OnceCell<Vec<Vec<String>>>,
    p: &SelfTrainParams,
) -> Result<&'a [Vec<String>], Error> {
    if cell.get().is_none() {
        let mut paras = crate::clusters::read_corpus_raw(&p.corpus)?;
        if p.max_paragraphs > 0 {
            paras.truncate(p.max_paragraphs);
        }
        let _ = cell.set(split_sentences(&paras));
    }
    Ok(cell.get().map(Vec::as_slice).unwrap_or(&[]))
}

/// The selection of a model trained by `train_model` on `gold`, read from / written to
/// the cache (CoNLL) when a cache folder is set. The corpus is read (once, into `corpus`)
/// only on a cache miss.
pub fn selection_for(
    gold: &[&Sentence],
    corpus: &std::cell::OnceCell<Vec<Vec<String>>>,
    p: &SelfTrainParams,
    tag: &str,
    train_model: impl FnOnce(&[&Sentence]) -> Tagger,
) -> Result<Vec<Sentence>, Error> {
    let name = format!(
        "st_{tag}_{:016x}_n{}_e{}_t{}_c{}_l{}-{}_m{}_p{}.conll",
        fingerprint(gold),
        gold.len(),
        p.epochs,
        p.temp,
        p.min_conf,
        p.min_len,
        p.max_len,
        p.max_sents,
        p.max_paragraphs
    );
    let cached = p.cache_dir.as_ref().map(|d| d.join(name));
    if let Some(c) = &cached {
        if c.exists() {
            let text = std::fs::read_to_string(c).map_err(|e| Error::io(c, e))?;
            return Ok(read_labelled(&text).0);
        }
    }
    let sents = corpus_sentences(corpus, p)?;
    let tagger = train_model(gold);
    let seen: FxHashSet<String> = gold
        .iter()
        .flat_map(|s| s.tokens.iter().map(|t| normalize(t)))
        .collect();
    let sel = select(&tagger, sents, &seen, p);
    if let Some(c) = &cached {
        write_cache(c, &sel)?;
    }
    Ok(sel)
}

fn write_cache(path: &Path, sel: &[Sentence]) -> Result<(), Error> {
    if let Some(d) = path.parent() {
        std::fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
    }
    let labels: Vec<Vec<Label>> = sel.iter().map(|s| s.labels.clone()).collect();
    std::fs::write(path, write_labelled(sel, &labels)).map_err(|e| Error::io(path, e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_at_sentence_final_punctuation() {
        let p = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let got = split_sentences(&[p("قال زيد . ثم ذهب ؟ و"), p("a b")]);
        assert_eq!(got, vec![p("قال زيد ."), p("ثم ذهب ؟"), p("و"), p("a b")]);
    }

    /// A tiny model: «قال الرئيس NAME .» with NAME a person, «زار NAME بلد .» O.
    fn tiny_tagger() -> Tagger {
        let names = ["زيد", "عمرو", "خالد", "سعيد", "كريم", "ماجد"];
        let mut text = String::new();
        for n in names.iter().cycle().take(60) {
            text.push_str(&format!("قال O\nالرئيس O\n{n} B-PERS\n. O\n\n"));
            text.push_str("ذهب O\nالوفد O\nامس O\n. O\n\n");
        }
        let dir = std::env::temp_dir().join(format!("rasd-selftrain-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let (tr, m) = (dir.join("t.txt"), dir.join("t.model"));
        std::fs::write(&tr, text).unwrap();
        let p = crate::TrainParams {
            max_epochs: 5,
            verbose: false,
            kb_dir: None,
            ..Default::default()
        };
        crate::train(&tr, &crate::DevSpec::None, &m, &[], &p).unwrap();
        let t = Tagger::load(&m).unwrap();
        std::fs::remove_dir_all(&dir).ok();
        t
    }

    #[test]
    fn selects_confident_sentences_with_entities() {
        let tagger = tiny_tagger();
        let p = |s: &str| s.split(' ').map(String::from).collect::<Vec<_>>();
        let corpus = vec![
            p("قال الرئيس زيد ."),
            p("ذهب الوفد امس ."),
            p("قال الرئيس جمال ."),
        ];
        let seen: FxHashSet<String> = ["قال", "الرئيس", "زيد", "."]
            .into_iter()
            .map(String::from)
            .collect();
        let params = SelfTrainParams {
            min_len: 3,
            temp: 40.0,
            min_conf: 0.5,
            ..Default::default()
        };
        let sel = select(&tagger, &corpus, &seen, &params);
        // the entity-free sentence is dropped; both name sentences are kept, in corpus order
        assert_eq!(sel.len(), 2, "{sel:?}");
        assert_eq!(sel[0].tokens, p("قال الرئيس زيد ."));
        assert_eq!(sel[0].labels[2], Label::B(crate::labels::EntityType::Pers));
        // with a cap of one, the sentence with an unseen name (جمال) wins
        let one = select(
            &tagger,
            &corpus,
            &seen,
            &SelfTrainParams {
                max_sents: 1,
                ..params.clone()
            },
        );
        assert_eq!(one.len(), 1);
        assert_eq!(one[0].tokens[2], "جمال");
        // an impossible confidence threshold keeps nothing; length bounds apply
        let none = SelfTrainParams {
            min_conf: 1.01,
            ..params.clone()
        };
        assert!(select(&tagger, &corpus, &seen, &none).is_empty());
        let short = SelfTrainParams {
            max_len: 3,
            ..params
        };
        assert!(select(&tagger, &corpus, &seen, &short).is_empty());
    }

    #[test]
    fn fingerprint_depends_on_tokens_and_labels() {
        let (a, _) = read_labelled("زيد B-PERS\nقال O\n\n");
        let (b, _) = read_labelled("زيد B-LOC\nقال O\n\n");
        let ra: Vec<&Sentence> = a.iter().collect();
        let rb: Vec<&Sentence> = b.iter().collect();
        assert_ne!(fingerprint(&ra), fingerprint(&rb));
        assert_eq!(fingerprint(&ra), fingerprint(&ra.clone()));
    }
}
