//! Training: an averaged structured perceptron over hashed features with first-order
//! label transitions, trained deterministically (seeded sentence shuffles, sequential
//! updates, no threads in the update loop).
//!
//! Protocol implemented by [`train`]: the last `dev_fraction` of the training file's
//! sentences form a dev slice; a model is trained on the rest for up to `max_epochs`,
//! scored on the dev slice after every epoch, and the best epoch count is kept. The final
//! model is then retrained on the *whole* training file for that many epochs. The test file
//! is never read here. The training-derived gazetteer feature is built jackknife-style (each
//! training fold sees a gazetteer made from the other folds only), so its weight reflects how
//! reliable such a list is on unseen text.

use crate::clusters::Clusters;
use crate::conll::{read_labelled, Sentence};
use crate::crf::{Buffers, CrfSgd, Instance};
use crate::eval::{eval_conll, NerScores};
use crate::features::{
    analyse, cluster_key, pack_clusters, sentence_features, ClusterTable, Gazetteer, KbLexicon,
    Lexicon, TokenInfo, F_AUTO, F_CLUSTERS2, F_DOC, F_KB, F_PROTOS, KBW_FIRST, KBW_FOREIGN,
    KBW_GENT, KBW_GIVEN, KBW_LAST, KBW_SURNAME, KB_GENT, KB_LOC_MAJOR, KB_LOC_MINOR, KB_ORG,
    KB_ORG_LIST, KB_PERS, KB_PERS_LIST, PROTO_SET,
};
use crate::labels::{Label, NUM_LABELS};
use crate::model::{effective_transitions, viterbi_pairs, Model, WeightTable, START};
use crate::normalize::normalize;
use crate::pairfeat::{pair_class, pair_key, F_PAIRS, PAIR_CLASSES, PAIR_TEMPLATES, PAIR_W};
use crate::table::U64Map;
use crate::util::{hash_str, Rng};
use crate::Error;
use rustc_hash::FxHashMap;
use std::path::Path;

/// Where the dev data comes from.
#[derive(Debug, Clone)]
pub enum DevSpec {
    /// Use the last fraction of the training file's sentences (e.g. 0.1).
    SplitLast(f64),
    /// Use block `k` (0-based) of `of` equal contiguous blocks of the training file's
    /// sentences as dev and train on the others: k-fold cross-validation over the train
    /// file, for decisions less tied to one 397-sentence slice than `SplitLast(0.1)`.
    Fold {
        /// Which block is held out (0-based, `< of`).
        k: usize,
        /// Number of blocks (≥ 2).
        of: usize,
    },
    /// Use a separate labelled file.
    File(std::path::PathBuf),
    /// No dev data: train for exactly `max_epochs`.
    None,
}

/// Which learner to use.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Algorithm {
    /// Averaged structured perceptron.
    Perceptron,
    /// CRF trained by SGD with L2 regularisation.
    CrfSgd {
        /// L2 coefficient.
        c2: f64,
        /// Initial learning rate.
        eta0: f64,
    },
}

/// Training parameters.
#[derive(Debug, Clone)]
pub struct TrainParams {
    /// Seed of the sentence shuffles.
    pub seed: u64,
    /// Maximum number of epochs (the dev slice picks the best one up to this).
    pub max_epochs: usize,
    /// Decode with IOB2 constraints (no `I-X` without a preceding `B-X`/`I-X`).
    pub constrained: bool,
    /// Build and use the jackknifed training gazetteer feature.
    pub use_gazetteer: bool,
    /// Number of jackknife folds for the gazetteer.
    pub gaz_folds: usize,
    /// Drop features whose largest absolute averaged weight is below this.
    pub prune: f32,
    /// Retrain on the whole training file (train + dev slice) for the chosen epoch count.
    pub final_on_all: bool,
    /// Print progress to stderr.
    pub verbose: bool,
    /// Optional feature templates (`features::F_*` bits).
    pub feature_flags: u32,
    /// Fixed penalty on `O` per token; `None` tunes it on the dev data.
    pub o_bias: Option<f32>,
    /// Learner.
    pub algorithm: Algorithm,
    /// Number of perceptrons (different shuffle seeds) whose averaged weights are averaged.
    pub ensemble: usize,
    /// Maximum number of word forms in the model's static-weight cache (speed only;
    /// results are identical with or without it).
    pub cache_words: usize,
    /// Knowledge-base source folder (`places/*.tsv`, `actors/*.tsv`, read with
    /// `rasd_kb::source`) whose names become the model's KB lexicon features; `None`
    /// disables them. Defaults to the repository's `data/` folder.
    pub kb_dir: Option<std::path::PathBuf>,
    /// Train the document-level second stage (`crate::doc`) on jackknifed first-stage
    /// predictions (`doc_folds` folds) and store it in the model. Off by default: it
    /// lowered dev F1 (73.7 → 72.1; with its weights scaled by 0.25: 73.4).
    pub doc_stage: bool,
    /// Number of jackknife folds for the document stage.
    pub doc_folds: usize,
    /// Epochs of the document-stage perceptron.
    pub doc_epochs: usize,
    /// Loss-augmented training: this score is added to every wrong label of every token
    /// before the training-time Viterbi (Hamming-cost margin; 0 = plain perceptron).
    /// Default 80 (in summed-weight units), chosen on the dev slice: mean dev F1 of
    /// seeds 1–3 73.60 → 73.98.
    pub margin: f32,
    /// Tune per-entity-type biases on the dev data after the O penalty (see
    /// `crate::typebias`). On by default since issue #4: mean dev F1 of seeds 1–3
    /// 73.63 → 74.65 (cross-fitted estimate; 75.04 in-sample).
    pub type_bias: bool,
    /// Fixed per-type biases (used for the final retrain with the dev-tuned values).
    pub type_biases: Option<[f32; 4]>,
    /// Train an SGD CRF (this L2 coefficient) alongside the perceptrons and mix its
    /// weights into theirs (rescaled to the perceptron's weight RMS); the mixing weight is
    /// chosen on dev among 0, 0.25, 0.5 unless `mix_alpha` fixes it. `None` = off.
    pub mix_crf: Option<f64>,
    /// Fixed CRF mixing weight (used for the final retrain).
    pub mix_alpha: Option<f32>,
    /// Cost-sensitive margin: the margin added to `O` at a gold entity token is
    /// `margin × miss_cost` (a missed entity costs more than a wrong type). 1 = uniform.
    /// Default 2, chosen on dev (with type biases, mean of seeds 1–3: 75.04 → 75.72
    /// in-sample, 76.05 → 76.66 with document consistency; 1.5 and 3 also tried).
    pub miss_cost: f32,
    /// Prototype table (`crate::protos`, cluster-file format) embedded in the model and
    /// used by the final training run; enables [`F_PROTOS`]. `None`: no prototype features.
    pub protos: Option<std::path::PathBuf>,
    /// Prototype table for the dev-slice run only (built from the training part, so dev
    /// labels never choose prototypes); defaults to `protos`.
    pub protos_dev: Option<std::path::PathBuf>,
    /// Self-trained SaudiNewsNet phrase list (`crate::autolex`, jackknifed over folds of
    /// the training sentences); enables [`F_AUTO`]. `None`: off.
    pub autolex: Option<crate::autolex::AutoLexParams>,
    /// Name-likeness / morphology table (`crate::namelike`, cluster-file format) embedded
    /// in the model; enables [`crate::namelike::F_NAMELIKE`] and
    /// [`crate::namelike::F_MORPH`] unless one of them is already set. `None`: off.
    pub namelike: Option<std::path::PathBuf>,
    /// Self-training on SaudiNewsNet (`crate::selftrain`): confidently tagged corpus
    /// sentences are added to the training data. `None`: off.
    pub selftrain: Option<crate::selftrain::SelfTrainParams>,
    /// Number of leading gold sentences in the data given to the learner (the rest are
    /// self-trained sentences); set by [`train`] itself, `None` = all gold.
    pub gold_sentences: Option<usize>,
    /// Rule hints for the training file, one row of per-token hint codes per sentence in file
    /// order (see [`crate::features::F_HINTS`]); they replace any hint column the file has.
    /// `None`: the file's own hint column (`TOKEN HINT TAG` lines), if any.
    pub hints: Option<std::sync::Arc<Vec<Vec<u8>>>>,
    /// Stacked dense window network over word vectors (`crate::dense`). `None`: off.
    pub dense: Option<crate::dense::DenseParams>,
}

/// The repository's knowledge-base source folder (`data/` at the workspace root), as
/// seen from this crate's manifest at build time.
pub fn default_kb_dir() -> std::path::PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// Population from which a city counts as a major place in the KB lexicon.
const MAJOR_CITY_POP: u32 = 100_000;

/// Build the KB lexicon from knowledge-base source files: every Arabic name of a person,
/// organisation or place (places split into major/minor by kind and population; towns and
/// villages left out) becomes a
/// phrase of normalised tokens with its KB type; the first and last words of multi-word
/// person names and the gentilic forms become word lists. Deterministic (sorted input).
pub fn build_kb_lexicon(dir: &Path) -> Result<KbLexicon, Error> {
    use rasd_kb::source::Sources;
    use rasd_kb::{EntryKind, PlaceKind};
    if !dir.join("actors").is_dir() && !dir.join("places").is_dir() {
        return Err(Error::Data(format!(
            "{}: no knowledge-base folders (places/, actors/)",
            dir.display()
        )));
    }
    let src = Sources::read_dir(dir);
    let mut phrases: Vec<(Vec<String>, usize)> = Vec::new();
    let mut words: FxHashMap<String, u8> = FxHashMap::default();
    let toks = |name: &str| -> Vec<String> {
        name.split_whitespace()
            .map(normalize)
            .filter(|t| !t.is_empty())
            .collect()
    };
    for row in &src.rows {
        let ty = match (row.kind, row.place_kind) {
            (Some(EntryKind::Person), _) => KB_PERS,
            (Some(EntryKind::Org), _) => KB_ORG,
            (Some(EntryKind::Place), Some(k)) => match k {
                PlaceKind::Country | PlaceKind::Admin1 | PlaceKind::Region | PlaceKind::Sea => {
                    KB_LOC_MAJOR
                }
                PlaceKind::City | PlaceKind::Admin2 if row.population >= MAJOR_CITY_POP => {
                    KB_LOC_MAJOR
                }
                // 79k of the 86k places; leaving them out was as good on the dev slice
                // (73.6 vs 73.4 mean of 3 seeds) and keeps the lexicon cache-sized
                PlaceKind::Village | PlaceKind::Town => continue,
                _ => KB_LOC_MINOR,
            },
            (Some(EntryKind::Place), None) => KB_LOC_MINOR,
            // Named things reach the tagger as the recogniser's MISC hints instead.
            (Some(EntryKind::Thing), _) | (None, _) => continue,
        };
        for name in &row.names_ar {
            let t = toks(name);
            if t.is_empty() {
                continue;
            }
            if ty == KB_PERS && t.len() >= 2 {
                if let Some(f) = t.first() {
                    *words.entry(f.clone()).or_insert(0) |= KBW_FIRST;
                }
                if let Some(l) = t.last() {
                    *words.entry(l.clone()).or_insert(0) |= KBW_LAST;
                }
            }
            phrases.push((t, ty));
        }
    }
    for g in &src.gentilics {
        for form in &g.forms {
            let t = toks(form);
            if t.len() == 1 {
                if let Some(w) = t.first() {
                    *words.entry(w.clone()).or_insert(0) |= KBW_GENT;
                }
            }
            if !t.is_empty() {
                phrases.push((t, KB_GENT));
            }
        }
    }
    read_name_lists(&dir.join("names"), &toks, &mut phrases, &mut words)?;
    phrases.sort();
    phrases.dedup();
    let mut lex = KbLexicon::default();
    for (t, ty) in &phrases {
        let refs: Vec<&str> = t.iter().map(String::as_str).collect();
        lex.phrases.add(&refs, *ty);
    }
    let mut ws: Vec<(String, u8)> = words.into_iter().collect();
    ws.sort();
    for (w, b) in ws {
        lex.words.insert(hash_str(&w), u64::from(b));
    }
    Ok(lex)
}

/// A name part counts as a given or family name from this many source rows on; rarer
/// parts are mostly one-off spellings.
const NAME_PART_MIN_COUNT: u64 = 2;

/// Add the name lists of `data/names/` (if the folder exists; each file is optional): full
/// person names ([`KB_PERS_LIST`]), sports clubs, companies and news organisations
/// ([`KB_ORG_LIST`]) and word bits for given, family and foreign name parts. Lines are tab-separated with `#` comments (see
/// `scripts/kb/names_from_pypi.py`); a malformed line is an error naming file and line.
fn read_name_lists(
    dir: &Path,
    toks: &dyn Fn(&str) -> Vec<String>,
    phrases: &mut Vec<(Vec<String>, usize)>,
    words: &mut FxHashMap<String, u8>,
) -> Result<(), Error> {
    if !dir.is_dir() {
        return Ok(());
    }
    let rows = |file: &str| -> Result<Vec<(usize, Vec<String>)>, Error> {
        let path = dir.join(file);
        if !path.exists() {
            return Ok(Vec::new());
        }
        let text = std::fs::read_to_string(&path)
            .map_err(|e| Error::Data(format!("{}: {e}", path.display())))?;
        Ok(text
            .lines()
            .enumerate()
            .filter(|(_, l)| !l.starts_with('#') && !l.trim().is_empty())
            .map(|(i, l)| (i + 1, l.split('\t').map(str::to_string).collect()))
            .collect())
    };
    let bad = |file: &str, line: usize, what: &str| {
        Error::Data(format!("{}:{line}: {what}", dir.join(file).display()))
    };
    for (line, cols) in rows("person_names.tsv")? {
        let t = toks(cols.first().map(String::as_str).unwrap_or(""));
        if t.len() < 2 {
            return Err(bad(
                "person_names.tsv",
                line,
                "expected a name of two words or more",
            ));
        }
        phrases.push((t, KB_PERS_LIST));
    }
    for file in ["clubs.tsv", "companies.tsv"] {
        for (line, cols) in rows(file)? {
            let t = toks(cols.first().map(String::as_str).unwrap_or(""));
            if t.is_empty() {
                return Err(bad(file, line, "empty organisation name"));
            }
            phrases.push((t, KB_ORG_LIST));
        }
    }
    for (line, cols) in rows("name_words.tsv")? {
        let (Some(w), Some(role), Some(count)) = (cols.first(), cols.get(1), cols.get(2)) else {
            return Err(bad("name_words.tsv", line, "expected word, role, count"));
        };
        let count: u64 = count
            .parse()
            .map_err(|_| bad("name_words.tsv", line, "count is not a number"))?;
        let bit = match role.as_str() {
            "given" if count >= NAME_PART_MIN_COUNT => KBW_GIVEN,
            "surname" if count >= NAME_PART_MIN_COUNT => KBW_SURNAME,
            "foreign" => KBW_FOREIGN,
            "given" | "surname" | "unknown" => continue,
            other => {
                return Err(bad(
                    "name_words.tsv",
                    line,
                    &format!("unknown role {other:?}"),
                ))
            }
        };
        let t = toks(w);
        if let [w] = t.as_slice() {
            *words.entry(w.clone()).or_insert(0) |= bit;
        }
    }
    Ok(())
}

impl Default for TrainParams {
    fn default() -> Self {
        TrainParams {
            seed: 1,
            max_epochs: 25,
            constrained: true,
            use_gazetteer: true,
            gaz_folds: 10,
            prune: 1e-3,
            final_on_all: true,
            verbose: true,
            feature_flags: 0,
            o_bias: None,
            algorithm: Algorithm::Perceptron,
            ensemble: 1,
            cache_words: 120_000,
            kb_dir: Some(default_kb_dir()),
            doc_stage: false,
            doc_folds: 5,
            doc_epochs: 5,
            margin: 80.0,
            type_bias: true,
            type_biases: None,
            mix_crf: None,
            mix_alpha: None,
            miss_cost: 2.0,
            protos: None,
            protos_dev: None,
            autolex: None,
            namelike: None,
            selftrain: None,
            gold_sentences: None,
            hints: None,
            dense: None,
        }
    }
}

/// What [`train`] measured.
#[derive(Debug, Clone)]
pub struct TrainReport {
    /// Dev F1 after each epoch (empty without dev data).
    pub dev_f1_by_epoch: Vec<f64>,
    /// Epoch count used for the final model.
    pub epochs: usize,
    /// Penalty on `O` used by the final model.
    pub o_bias: f32,
    /// Dev scores of the best epoch (None without dev data).
    pub dev_scores: Option<NerScores>,
    /// Number of features in the saved model.
    pub features: usize,
    /// Size of the saved model in bytes.
    pub model_bytes: usize,
    /// Wall-clock seconds of the whole run.
    pub seconds: f64,
}

/// Build the cluster lookup table used in models from a parsed cluster file.
pub fn cluster_table(c: &Clusters) -> ClusterTable {
    cluster_table_multi(std::slice::from_ref(c))
}

/// Build one lookup table from several cluster sets (set `s` keyed by [`cluster_key`]).
pub fn cluster_table_multi(sets: &[Clusters]) -> ClusterTable {
    let mut t = U64Map::with_capacity(sets.iter().map(|c| c.map.len()).sum());
    for (si, c) in sets.iter().enumerate() {
        let mut entries: Vec<_> = c.map.iter().collect();
        entries.sort();
        for (w, ids) in entries {
            t.insert(cluster_key(hash_str(w), si as u64), pack_clusters(*ids));
        }
    }
    t
}

/// Build a gazetteer of the entity phrases in `sents` (normalised). Single-token entries
/// are kept only if that token is an entity start in at least 30% of its occurrences.
pub fn build_gazetteer(sents: &[&Sentence]) -> Gazetteer {
    let mut single_total: FxHashMap<String, u32> = FxHashMap::default();
    let mut single_ent: FxHashMap<(String, usize), u32> = FxHashMap::default();
    let mut phrases: Vec<(Vec<String>, usize)> = Vec::new();
    for s in sents {
        let norms: Vec<String> = s.tokens.iter().map(|t| normalize(t)).collect();
        for n in &norms {
            *single_total.entry(n.clone()).or_insert(0) += 1;
        }
        for sp in crate::labels::spans_of_labels(&s.labels) {
            let ti = Label::B(sp.etype).index() / 2;
            let words: Vec<String> = norms.get(sp.start..sp.end).unwrap_or(&[]).to_vec();
            if words.len() == 1 {
                *single_ent.entry((words[0].clone(), ti)).or_insert(0) += 1;
            } else if !words.is_empty() {
                phrases.push((words, ti));
            }
        }
    }
    // also index each phrase under its first word without proclitics
    let extra: Vec<(Vec<String>, usize)> = phrases
        .iter()
        .flat_map(|(w, t)| {
            let forms = w
                .first()
                .map(|f| crate::normalize::strip_proclitics(f))
                .unwrap_or_default();
            forms.into_iter().map(move |s| {
                let mut v = w.clone();
                v[0] = s;
                (v, *t)
            })
        })
        .collect();
    phrases.extend(extra);
    let mut g = Gazetteer::default();
    phrases.sort();
    phrases.dedup();
    for (w, t) in &phrases {
        let refs: Vec<&str> = w.iter().map(String::as_str).collect();
        g.add(&refs, *t);
    }
    let mut singles: Vec<_> = single_ent.into_iter().collect();
    singles.sort();
    for ((w, t), c) in singles {
        let total = single_total.get(&w).copied().unwrap_or(c).max(1);
        if f64::from(c) / f64::from(total) >= 0.3 {
            g.add(&[w.as_str()], t);
            for s in crate::normalize::strip_proclitics(&w) {
                g.add(&[s.as_str()], t);
            }
        }
    }
    g
}

/// Document-stage weights learnt from jackknifed first-stage predictions on `sents`
/// (treated as one document in file order, window [`crate::DOC_WINDOW`]): each of
/// `p.doc_folds` contiguous folds is tagged by a first-stage model trained on the other
/// folds for `epochs` epochs with O penalty `o_bias`.
fn doc_stage_weights(
    sents: &[&Sentence],
    clusters: &ClusterTable,
    kb: &KbLexicon,
    epochs: usize,
    o_bias: f32,
    p: &TrainParams,
) -> WeightTable {
    let n = sents.len();
    let folds = p.doc_folds.clamp(2, n.max(2));
    let fp = TrainParams {
        o_bias: Some(o_bias),
        verbose: false,
        ..p.clone()
    };
    let mut ems: Vec<Vec<f32>> = vec![Vec::new(); n];
    let mut paths: Vec<Vec<u8>> = vec![Vec::new(); n];
    let mut fold_of = vec![0usize; n];
    let mut trans = Vec::new();
    for k in 0..folds {
        let (a, b) = (n * k / folds, n * (k + 1) / folds);
        let rest: Vec<&Sentence> = sents[..a].iter().chain(&sents[b..]).copied().collect();
        let m = fit(&rest, &[], clusters, kb, epochs, &fp).model;
        let tagger = crate::Tagger::from_model(m);
        for i in a..b {
            let toks: Vec<&str> = sents[i].tokens.iter().map(String::as_str).collect();
            let em = tagger.emissions(&toks, None, &sents[i].hints);
            paths[i] = tagger.best_path(&em);
            ems[i] = tagger.split_em(&em).0.to_vec();
            fold_of[i] = k;
        }
        trans.push(*tagger.transitions());
        if p.verbose {
            eprintln!("doc stage: fold {}/{folds} tagged", k + 1);
        }
    }
    let docs: Vec<Vec<&str>> = sents
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let keys = crate::doc::doc_keys(&docs, &paths, crate::DOC_WINDOW);
    let data: Vec<crate::doc::DocInstance> = ems
        .into_iter()
        .zip(keys)
        .zip(sents)
        .zip(fold_of)
        .map(|(((em, keys), s), f)| crate::doc::DocInstance {
            em,
            keys,
            gold: strict_iob2(&s.labels),
            trans: f,
        })
        .collect();
    let rows = crate::doc::train_doc(&data, &trans, p.doc_epochs, p.seed);
    WeightTable::build(&rows)
}

/// A sentence turned into dense feature ids.
struct Prepared {
    ids: Vec<u32>,
    offsets: Vec<usize>,
    gold: Vec<u8>,
    /// Label-pair feature ids, `n × PAIR_TEMPLATES × PAIR_CLASSES` (`u32::MAX` = unknown);
    /// empty without `F_PAIRS`.
    pids: Vec<u32>,
}

/// Interns feature keys into dense ids.
#[derive(Default)]
struct Interner {
    ids: FxHashMap<u64, u32>,
    keys: Vec<u64>,
}

impl Interner {
    fn prepare(&mut self, fs: &SentenceKeys, gold: &[Label], grow: bool) -> Prepared {
        let mut ids = Vec::with_capacity(fs.keys.len());
        let mut offsets = Vec::with_capacity(fs.offsets.len());
        offsets.push(0);
        for w in fs.offsets.windows(2) {
            for &k in fs.keys.get(w[0]..w[1]).unwrap_or(&[]) {
                let id = match self.ids.get(&k) {
                    Some(&id) => Some(id),
                    None if grow => {
                        let id = self.keys.len() as u32;
                        self.ids.insert(k, id);
                        self.keys.push(k);
                        Some(id)
                    }
                    None => None,
                };
                if let Some(id) = id {
                    ids.push(id);
                }
            }
            offsets.push(ids.len());
        }
        let mut pids = Vec::with_capacity(fs.pair.len() * PAIR_CLASSES);
        for &b in &fs.pair {
            for c in 0..PAIR_CLASSES {
                let k = pair_key(b, c);
                let id = match self.ids.get(&k) {
                    Some(&id) => id,
                    None if grow => {
                        let id = self.keys.len() as u32;
                        self.ids.insert(k, id);
                        self.keys.push(k);
                        id
                    }
                    None => u32::MAX,
                };
                pids.push(id);
            }
        }
        Prepared {
            ids,
            offsets,
            gold: strict_iob2(gold),
            pids,
        }
    }
}

/// Hashed feature keys of one sentence: flat keys and per-token offsets.
#[derive(Debug, Clone, Default)]
pub struct SentenceKeys {
    /// Feature keys of all tokens.
    pub keys: Vec<u64>,
    /// `offsets[i]..offsets[i+1]` are token i's keys.
    pub offsets: Vec<usize>,
    /// Label-pair base keys (`n × PAIR_TEMPLATES`; empty without `F_PAIRS`).
    pub pair: Vec<u64>,
}

/// Featurise training and dev sentences exactly as [`train`] does: training sentences get
/// gazetteer flags from a jackknifed gazetteer (other folds only), dev sentences from the
/// gazetteer of all training sentences, which is also returned (it goes into the model).
/// Public so that other learners can be compared on identical features.
pub fn featurize(
    train: &[&Sentence],
    dev: &[&Sentence],
    clusters: &ClusterTable,
    kb: &KbLexicon,
    use_gazetteer: bool,
    gaz_folds: usize,
    flags: u32,
) -> (Vec<SentenceKeys>, Vec<SentenceKeys>, Gazetteer) {
    featurize_auto(
        train,
        dev,
        clusters,
        kb,
        use_gazetteer,
        gaz_folds,
        flags,
        None,
        train.len(),
    )
}

/// Sentence range `lo..hi` of block `k` of `of` equal contiguous blocks of `n` sentences
/// (`of` is at least 2, `k` is clamped to the last block).
pub fn fold_bounds(n: usize, k: usize, of: usize) -> (usize, usize) {
    let of = of.max(2);
    let k = k.min(of - 1);
    (n * k / of, n * (k + 1) / of)
}

/// Parameters of the single, quiet perceptron that tags unlabelled text for the
/// self-made resources (the `--autolex` phrase lists, the `--selftrain` sentences): the
/// same features as `p`, but no ensemble, no tuned O penalty, no document stage and none
/// of those resources itself.
fn helper_params(p: &TrainParams) -> TrainParams {
    TrainParams {
        seed: 1,
        ensemble: 1,
        verbose: false,
        o_bias: None,
        feature_flags: p.feature_flags & !F_AUTO,
        autolex: None,
        selftrain: None,
        gold_sentences: None,
        doc_stage: false,
        ..p.clone()
    }
}

/// Jackknifed self-trained lists ([`crate::autolex`]): training sentence `i` in
/// `folds[k].0..folds[k].1` is analysed with table `folds[k].2` (list of a model that did
/// not see that fold); dev sentences and the model use `full`.
pub struct AutoFolds {
    /// `(start, end, table)` per fold of the training sentences.
    pub folds: Vec<(usize, usize, ClusterTable)>,
    /// Table with the list of a model trained on all training sentences.
    pub full: ClusterTable,
}

/// [`featurize`] with optional per-fold cluster tables (see [`AutoFolds`]). Only the
/// first `gold_n` training sentences are gold: the gazetteers are built from them, and
/// each later (self-trained) sentence gets the jackknifed gazetteer of fold `i % folds`.
#[allow(clippy::too_many_arguments)]
fn featurize_auto(
    train: &[&Sentence],
    dev: &[&Sentence],
    clusters: &ClusterTable,
    kb: &KbLexicon,
    use_gazetteer: bool,
    gaz_folds: usize,
    flags: u32,
    auto: Option<&AutoFolds>,
    gold_n: usize,
) -> (Vec<SentenceKeys>, Vec<SentenceKeys>, Gazetteer) {
    let empty = Gazetteer::default();
    let gold = train.get(..gold_n).unwrap_or(train);
    let full_gaz = if use_gazetteer {
        build_gazetteer(gold)
    } else {
        Gazetteer::default()
    };
    let folds = if use_gazetteer {
        fold_gazetteers(gold, gaz_folds)
    } else {
        Vec::new()
    };
    let mut infos: Vec<TokenInfo> = Vec::new();
    let fold_lex: Vec<Lexicon> = folds.iter().map(|f| Lexicon::new(&f.2, kb)).collect();
    let no_gaz = Lexicon::new(&empty, kb);
    let full_lex = Lexicon::new(&full_gaz, kb);
    let tab_of = |i: Option<usize>| -> &ClusterTable {
        match (auto, i) {
            (Some(a), Some(i)) => a
                .folds
                .iter()
                .find(|(s, e, _)| i >= *s && i < *e)
                .map(|x| &x.2)
                .unwrap_or(&a.full),
            (Some(a), None) => &a.full,
            (None, _) => clusters,
        }
    };
    let mut one = |s: &Sentence, g: &Lexicon, i: Option<usize>| {
        let toks: Vec<&str> = s.tokens.iter().map(String::as_str).collect();
        analyse(&toks, tab_of(i), g, &[], flags, &mut infos);
        if !s.hints.is_empty() {
            crate::features::set_hints(&mut infos, &s.hints);
        }
        let mut k = SentenceKeys::default();
        sentence_features(&infos, &mut k.keys, &mut k.offsets);
        if flags & F_PAIRS != 0 {
            k.pair = infos.iter().flat_map(|t| t.pair_base()).collect();
        }
        k
    };
    let tr = train
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let g = if i >= gold_n && !fold_lex.is_empty() {
                fold_lex.get(i % fold_lex.len()).unwrap_or(&no_gaz)
            } else {
                folds
                    .iter()
                    .zip(&fold_lex)
                    .find(|((a, b, _), _)| i >= *a && i < *b)
                    .map(|x| x.1)
                    .unwrap_or(&no_gaz)
            };
            one(s, g, Some(i))
        })
        .collect();
    let dv = dev.iter().map(|s| one(s, &full_lex, None)).collect();
    (tr, dv, full_gaz)
}

/// Append the dense network's stacked features (`crate::dense`) to every token's keys:
/// out-of-fold probabilities for training sentences, the full network's for dev.
fn stack_dense(
    tr_keys: Vec<SentenceKeys>,
    dv_keys: Vec<SentenceKeys>,
    train: &[&Sentence],
    dev: &[&Sentence],
    dp: &crate::dense::DenseParams,
    seed: u64,
    verbose: bool,
) -> (Vec<SentenceKeys>, Vec<SentenceKeys>) {
    use crate::dense::{jackknife, sentence_rows, stack_keys, Embeddings};
    let t0 = std::time::Instant::now();
    let emb = match crate::protos::read_vectors(&dp.vectors) {
        Ok(v) => Embeddings::from_vectors(&v),
        Err(e) => {
            eprintln!("train: dense stage off: {e}");
            return (tr_keys, dv_keys);
        }
    };
    let (oof, net) = jackknife(&emb, train, dp, seed);
    let extend = |k: SentenceKeys, probs: &[[f32; crate::labels::NUM_LABELS]]| {
        let mut out = SentenceKeys {
            pair: k.pair,
            ..Default::default()
        };
        out.offsets.push(0);
        for i in 0..k.offsets.len().saturating_sub(1) {
            let (a, b) = (k.offsets[i], k.offsets[i + 1]);
            out.keys.extend_from_slice(k.keys.get(a..b).unwrap_or(&[]));
            stack_keys(probs, i, &mut out.keys);
            out.offsets.push(out.keys.len());
        }
        out
    };
    let tr = tr_keys
        .into_iter()
        .zip(&oof)
        .map(|(k, p)| extend(k, p))
        .collect();
    let dv_probs: Vec<_> = dev
        .iter()
        .map(|s| net.predict(&emb, &sentence_rows(&emb, &s.tokens)))
        .collect();
    if verbose && !dev.is_empty() {
        // the network alone (argmax per token): how much it knows by itself
        let pred: Vec<Vec<Label>> = dv_probs
            .iter()
            .map(|ps| {
                ps.iter()
                    .map(|p| Label::from_index(crate::dense::argmax(p)))
                    .collect()
            })
            .collect();
        eprintln!(
            "train: dense network alone on dev: {:.2}",
            score(dev, &pred).micro.f1()
        );
    }
    let dv = dv_keys
        .into_iter()
        .zip(&dv_probs)
        .map(|(k, p)| extend(k, p))
        .collect();
    if verbose {
        eprintln!(
            "train: dense stage, {} nets ({:.1}s)",
            dp.folds.max(2) + 1,
            t0.elapsed().as_secs_f64()
        );
    }
    (tr, dv)
}

/// Label indices with every chunk-starting `I-X` (after `O` or another type) rewritten
/// as `B-X`; conlleval chunks are unchanged, and the sequence becomes valid strict IOB2.
fn strict_iob2(gold: &[Label]) -> Vec<u8> {
    let mut prev = Label::O;
    gold.iter()
        .map(|&l| {
            let l = match l {
                Label::I(t) if prev.entity_type() != Some(t) => Label::B(t),
                other => other,
            };
            prev = l;
            l.index() as u8
        })
        .collect()
}

/// Perceptron state with lazy averaging (`avg = w - u / c`).
struct Perceptron {
    w: Vec<f32>,
    u: Vec<f32>,
    tw: Vec<f32>,
    tu: Vec<f32>,
    c: f32,
}

impl Perceptron {
    fn new(nfeat: usize) -> Self {
        let nt = (NUM_LABELS + 1) * NUM_LABELS;
        Perceptron {
            w: vec![0.0; nfeat * NUM_LABELS],
            u: vec![0.0; nfeat * NUM_LABELS],
            tw: vec![0.0; nt],
            tu: vec![0.0; nt],
            c: 1.0,
        }
    }

    fn emissions(w: &[f32], p: &Prepared, em: &mut Vec<f32>) {
        let n = p.gold.len();
        em.clear();
        em.resize(n * NUM_LABELS, 0.0);
        for t in 0..n {
            let row = &mut em[t * NUM_LABELS..(t + 1) * NUM_LABELS];
            for &id in &p.ids[p.offsets[t]..p.offsets[t + 1]] {
                let base = id as usize * NUM_LABELS;
                for (x, v) in row.iter_mut().zip(&w[base..base + NUM_LABELS]) {
                    *x += *v;
                }
            }
        }
    }

    /// Label-pair scores (`n × PAIR_W`) of a prepared sentence (empty without pairs).
    fn pair_scores(w: &[f32], p: &Prepared, ps: &mut Vec<f32>) {
        ps.clear();
        if p.pids.is_empty() {
            return;
        }
        let n = p.gold.len();
        ps.resize(n * PAIR_W, 0.0);
        for (j, &id) in p.pids.iter().enumerate() {
            if id == u32::MAX {
                continue;
            }
            let t = j / (PAIR_TEMPLATES * PAIR_CLASSES);
            let c = j % PAIR_CLASSES;
            let base = id as usize * NUM_LABELS;
            let dst = &mut ps[t * PAIR_W + c * NUM_LABELS..t * PAIR_W + (c + 1) * NUM_LABELS];
            for (x, v) in dst.iter_mut().zip(&w[base..base + NUM_LABELS]) {
                *x += *v;
            }
        }
    }

    fn update(&mut self, p: &Prepared, pred: &[u8]) {
        let c = self.c;
        let n = p.gold.len();
        let add = |w: &mut Vec<f32>, u: &mut Vec<f32>, i: usize, d: f32| {
            w[i] += d;
            u[i] += c * d;
        };
        for t in 0..n {
            let (g, y) = (p.gold[t] as usize, pred[t] as usize);
            if g != y {
                for &id in &p.ids[p.offsets[t]..p.offsets[t + 1]] {
                    let base = id as usize * NUM_LABELS;
                    add(&mut self.w, &mut self.u, base + g, 1.0);
                    add(&mut self.w, &mut self.u, base + y, -1.0);
                }
            }
            let (gp, yp) = if t == 0 {
                (START, START)
            } else {
                (p.gold[t - 1] as usize, pred[t - 1] as usize)
            };
            if (gp, g) != (yp, y) {
                add(&mut self.tw, &mut self.tu, gp * NUM_LABELS + g, 1.0);
                add(&mut self.tw, &mut self.tu, yp * NUM_LABELS + y, -1.0);
            }
            let (gc, yc) = (pair_class(gp), pair_class(yp));
            if !p.pids.is_empty() && (gc, g) != (yc, y) {
                for k in 0..PAIR_TEMPLATES {
                    let at = (t * PAIR_TEMPLATES + k) * PAIR_CLASSES;
                    let (ig, iy) = (p.pids[at + gc], p.pids[at + yc]);
                    if ig != u32::MAX {
                        add(&mut self.w, &mut self.u, ig as usize * NUM_LABELS + g, 1.0);
                    }
                    if iy != u32::MAX {
                        add(&mut self.w, &mut self.u, iy as usize * NUM_LABELS + y, -1.0);
                    }
                }
            }
        }
    }

    fn averaged(&self) -> (Vec<f32>, Vec<f32>) {
        let c = self.c;
        let w = self.w.iter().zip(&self.u).map(|(w, u)| w - u / c).collect();
        let t = self
            .tw
            .iter()
            .zip(&self.tu)
            .map(|(w, u)| w - u / c)
            .collect();
        (w, t)
    }
}

/// Transitions with `b` subtracted from every transition into `O`.
fn with_o_bias(t: &[f32], b: f32) -> Vec<f32> {
    let mut t = t.to_vec();
    for p in 0..=NUM_LABELS {
        if let Some(x) = t.get_mut(p * NUM_LABELS + Label::O.index()) {
            *x -= b;
        }
    }
    t
}

fn decode_all(w: &[f32], tr: &[f32], data: &[Prepared], constrained: bool) -> Vec<Vec<Label>> {
    let mut em = Vec::new();
    let mut ps = Vec::new();
    let mut out = Vec::new();
    let eff = effective_transitions(tr, constrained);
    data.iter()
        .map(|p| {
            Perceptron::emissions(w, p, &mut em);
            Perceptron::pair_scores(w, p, &mut ps);
            viterbi_pairs(&em, &eff, &ps, &mut out, None);
            out.iter().map(|&i| Label::from_index(i as usize)).collect()
        })
        .collect()
}

fn score(sents: &[&Sentence], pred: &[Vec<Label>]) -> NerScores {
    let gold: Vec<Sentence> = sents.iter().map(|s| (*s).clone()).collect();
    let g = crate::conll::write_labelled(
        &gold,
        &gold.iter().map(|s| s.labels.clone()).collect::<Vec<_>>(),
    );
    let p = crate::conll::write_labelled(&gold, pred);
    eval_conll(&g, &p)
}

/// Gazetteers for jackknifed training: sentence i gets the gazetteer built from the
/// folds that do not contain it (contiguous folds, as articles are contiguous).
fn fold_gazetteers(sents: &[&Sentence], folds: usize) -> Vec<(usize, usize, Gazetteer)> {
    let n = sents.len();
    let folds = folds.clamp(2, n.max(2));
    (0..folds)
        .map(|k| {
            let a = n * k / folds;
            let b = n * (k + 1) / folds;
            let others: Vec<&Sentence> = sents[..a].iter().chain(&sents[b..]).copied().collect();
            (a, b, build_gazetteer(&others))
        })
        .collect()
}

/// (dev F1, epoch, dev scores, emission weights, transitions) of the best epoch so far.
type BestEpoch = (f64, usize, NerScores, Vec<f32>, Vec<f32>);

/// Result of one training run on given data.
struct Fit {
    model: Model,
    dev_f1: Vec<f64>,
    best_epoch: usize,
    o_bias: f32,
    best_dev: Option<NerScores>,
    type_biases: [f32; 4],
    mix_alpha: f32,
}

/// `(1-α)·(w_p, t_p) + α·s·(w_c, t_c)` with `s` = RMS(w_p)/RMS(w_c), so the mixture keeps
/// the perceptron's scale (its O-penalty grid and pruning threshold stay meaningful).
fn mix_weights(wp: &[f32], tp: &[f32], wc: &[f32], tc: &[f32], alpha: f32) -> (Vec<f32>, Vec<f32>) {
    let rms = |v: &[f32]| {
        (v.iter().map(|x| f64::from(*x).powi(2)).sum::<f64>() / v.len().max(1) as f64).sqrt()
    };
    let (rp, rc) = (rms(wp), rms(wc));
    let s = if rc > 0.0 { (rp / rc) as f32 } else { 0.0 };
    let m = |a: &[f32], b: &[f32]| -> Vec<f32> {
        a.iter()
            .zip(b)
            .map(|(x, y)| (1.0 - alpha) * x + alpha * s * y)
            .collect()
    };
    (m(wp, wc), m(tp, tc))
}

fn fit(
    train: &[&Sentence],
    dev: &[&Sentence],
    clusters: &ClusterTable,
    kb: &KbLexicon,
    epochs: usize,
    p: &TrainParams,
) -> Fit {
    fit_auto(train, dev, clusters, kb, epochs, p, None)
}

/// [`fit`] with jackknifed self-trained lists; the model then embeds `auto.full`.
fn fit_auto(
    train: &[&Sentence],
    dev: &[&Sentence],
    clusters: &ClusterTable,
    kb: &KbLexicon,
    epochs: usize,
    p: &TrainParams,
    auto: Option<&AutoFolds>,
) -> Fit {
    let t0 = std::time::Instant::now();
    let clusters = auto.map(|a| &a.full).unwrap_or(clusters);
    let (tr_keys, dv_keys, full_gaz) = featurize_auto(
        train,
        dev,
        clusters,
        kb,
        p.use_gazetteer,
        p.gaz_folds,
        p.feature_flags,
        auto,
        p.gold_sentences.unwrap_or(train.len()).min(train.len()),
    );
    let (tr_keys, dv_keys) = match &p.dense {
        Some(dp) => stack_dense(tr_keys, dv_keys, train, dev, dp, p.seed, p.verbose),
        None => (tr_keys, dv_keys),
    };
    let mut interner = Interner::default();
    let data: Vec<Prepared> = tr_keys
        .iter()
        .zip(train)
        .map(|(k, s)| interner.prepare(k, &s.labels, true))
        .collect();
    let dev_data: Vec<Prepared> = dv_keys
        .iter()
        .zip(dev)
        .map(|(k, s)| interner.prepare(k, &s.labels, false))
        .collect();
    let nfeat = interner.keys.len();
    if p.verbose {
        eprintln!(
            "train: {} sentences, {} features ({:.1}s)",
            data.len(),
            nfeat,
            t0.elapsed().as_secs_f64()
        );
    }
    let k = p.ensemble.max(1);
    let mut pers: Vec<Perceptron> = (0..k).map(|_| Perceptron::new(nfeat)).collect();
    let mut rngs: Vec<Rng> = (0..k as u64)
        .map(|j| Rng::new(p.seed.wrapping_add(j.wrapping_mul(1_000_003))))
        .collect();
    // gold sentences are presented `gold_weight` times per epoch when self-trained
    // sentences follow them
    let order0: Vec<usize> = match (p.gold_sentences, &p.selftrain) {
        (Some(g), Some(st)) if g < data.len() => (0..g)
            .flat_map(|i| std::iter::repeat_n(i, st.gold_weight.max(1)))
            .chain(g..data.len())
            .collect(),
        _ => (0..data.len()).collect(),
    };
    let mut orders: Vec<Vec<usize>> = (0..k).map(|_| order0.clone()).collect();
    let averaged = |pers: &[Perceptron]| -> (Vec<f32>, Vec<f32>) {
        let mut it = pers.iter().map(Perceptron::averaged);
        let (mut w, mut t) = it.next().unwrap_or_default();
        for (w2, t2) in it {
            w.iter_mut().zip(&w2).for_each(|(a, b)| *a += b);
            t.iter_mut().zip(&t2).for_each(|(a, b)| *a += b);
        }
        let inv = 1.0 / pers.len().max(1) as f32;
        w.iter_mut().for_each(|a| *a *= inv);
        t.iter_mut().for_each(|a| *a *= inv);
        (w, t)
    };
    let mut crf = match p.algorithm {
        Algorithm::CrfSgd { c2, eta0 } => {
            Some(CrfSgd::new(nfeat, data.len(), c2, eta0, p.constrained))
        }
        Algorithm::Perceptron => None,
    };
    let mut mix = match (p.mix_crf, p.algorithm) {
        (Some(c2), Algorithm::Perceptron) => Some((
            CrfSgd::new(nfeat, data.len(), c2, 0.1, p.constrained),
            Rng::new(p.seed ^ 0x00C0_FFEE),
            (0..data.len()).collect::<Vec<usize>>(),
        )),
        _ => None,
    };
    let alphas: Vec<f32> = match (p.mix_alpha, dev.is_empty()) {
        (Some(a), _) => vec![a],
        (None, false) => vec![0.0, 0.25, 0.5],
        (None, true) => vec![0.0],
    };
    let mut best_alpha = alphas.first().copied().unwrap_or(0.0);
    let mut bufs = Buffers::default();
    let mut em = Vec::new();
    let mut ps = Vec::new();
    let mut pred = Vec::new();
    let mut dev_f1 = Vec::new();
    let mut best: Option<BestEpoch> = None;
    for epoch in 1..=epochs {
        let mut mistakes = 0usize;
        for ((per, rng), order) in pers.iter_mut().zip(rngs.iter_mut()).zip(orders.iter_mut()) {
            rng.shuffle(order);
            for &i in order.iter() {
                let s = &data[i];
                if let Some(c) = crf.as_mut() {
                    c.step(
                        &Instance {
                            ids: &s.ids,
                            offsets: &s.offsets,
                            gold: &s.gold,
                        },
                        &mut bufs,
                    );
                    continue;
                }
                Perceptron::emissions(&per.w, s, &mut em);
                if p.margin != 0.0 {
                    for (row, &g) in em.chunks_exact_mut(NUM_LABELS).zip(&s.gold) {
                        for (l, x) in row.iter_mut().enumerate() {
                            if l != g as usize {
                                *x += if l == 0 {
                                    p.margin * p.miss_cost
                                } else {
                                    p.margin
                                };
                            }
                        }
                    }
                }
                Perceptron::pair_scores(&per.w, s, &mut ps);
                let eff = effective_transitions(&per.tw, p.constrained);
                viterbi_pairs(&em, &eff, &ps, &mut pred, None);
                if pred != s.gold {
                    mistakes += 1;
                    per.update(s, &pred);
                }
                per.c += 1.0;
            }
            if crf.is_some() {
                break;
            }
        }
        if let Some((c, rng, order)) = mix.as_mut() {
            rng.shuffle(order);
            for &i in order.iter() {
                let s = &data[i];
                c.step(
                    &Instance {
                        ids: &s.ids,
                        offsets: &s.offsets,
                        gold: &s.gold,
                    },
                    &mut bufs,
                );
            }
        }
        if !dev.is_empty() {
            let (w, t) = match crf.as_ref() {
                Some(c) => c.weights(),
                None => averaged(&pers),
            };
            let mut cands = Vec::new();
            match mix.as_ref() {
                Some((c, _, _)) => {
                    let (wc, tc) = c.weights();
                    for &a in &alphas {
                        let (wm, tm) = mix_weights(&w, &t, &wc, &tc, a);
                        let sc = score(dev, &decode_all(&wm, &tm, &dev_data, p.constrained));
                        if p.verbose {
                            eprintln!("  crf mix {a}: dev F1 {:.2}", sc.micro.f1());
                        }
                        cands.push((sc, a, wm, tm));
                    }
                }
                None => {
                    let labels = decode_all(&w, &t, &dev_data, p.constrained);
                    cands.push((score(dev, &labels), 0.0, w, t));
                }
            }
            let mut cands = cands.into_iter();
            let Some(mut top) = cands.next() else {
                continue;
            };
            for c in cands {
                if c.0.micro.f1() > top.0.micro.f1() {
                    top = c;
                }
            }
            let (sc, alpha, w, t) = top;
            let f1 = sc.micro.f1();
            dev_f1.push(f1);
            if p.verbose {
                eprintln!(
                    "epoch {epoch}: {mistakes} sentences updated, dev F1 {f1:.2} ({:.1}s)",
                    t0.elapsed().as_secs_f64()
                );
            }
            if best.as_ref().is_none_or(|b| f1 > b.0) {
                best = Some((f1, epoch, sc, w, t));
                best_alpha = alpha;
            }
        } else if p.verbose {
            eprintln!(
                "epoch {epoch}: {mistakes} sentences updated ({:.1}s)",
                t0.elapsed().as_secs_f64()
            );
        }
    }
    let (best_epoch, mut best_dev, w, mut t) = match best {
        Some((_, e, sc, w, t)) => (e, Some(sc), w, t),
        None => {
            let (w, t) = match crf.as_ref() {
                Some(c) => c.weights(),
                None => averaged(&pers),
            };
            let (w, t) = match mix.as_ref() {
                Some((c, _, _)) => {
                    let (wc, tc) = c.weights();
                    mix_weights(&w, &t, &wc, &tc, best_alpha)
                }
                None => (w, t),
            };
            (epochs, None, w, t)
        }
    };
    // Penalty on O at every token (folded into the transitions into O): trades precision
    // for recall. Tuned on the dev slice unless fixed by the caller.
    let o_bias = match (p.o_bias, &best_dev) {
        (Some(b), _) => b,
        (None, Some(base)) => {
            let mut best_b = (base.micro.f1(), 0.0f32, base.clone());
            // grid relative to the typical emission magnitude on the dev data
            let mut em = Vec::new();
            let (mut sum, mut cnt) = (0f64, 0usize);
            for d in &dev_data {
                Perceptron::emissions(&w, d, &mut em);
                for row in em.chunks_exact(NUM_LABELS) {
                    let mx = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
                    let mn = row.iter().copied().fold(f32::INFINITY, f32::min);
                    sum += f64::from(mx - mn);
                    cnt += 1;
                }
            }
            let unit = (sum / cnt.max(1) as f64) as f32;
            for m in [0.02f32, 0.04, 0.06, 0.08, 0.1, 0.13, 0.16, 0.2, 0.25, 0.3] {
                let b = m * unit;
                let tb = with_o_bias(&t, b);
                let sc = score(dev, &decode_all(&w, &tb, &dev_data, p.constrained));
                if p.verbose {
                    eprintln!("o-bias {b:.3} ({m}×{unit:.2}): dev F1 {:.2}", sc.micro.f1());
                }
                if sc.micro.f1() > best_b.0 {
                    best_b = (sc.micro.f1(), b, sc);
                }
            }
            best_dev = Some(best_b.2);
            best_b.1
        }
        (None, None) => 0.0,
    };
    t = with_o_bias(&t, o_bias);
    let type_biases = match p.type_biases {
        Some(b) => b,
        None if p.type_bias && !dev_data.is_empty() => {
            let (b, sc) = tune_type_biases(&w, &t, dev, &dev_data, p);
            best_dev = Some(sc);
            b
        }
        None => [0.0; 4],
    };
    t = crate::typebias::with_type_bias(&t, &type_biases);
    // keep only features with a non-negligible weight
    let mut rows = Vec::new();
    for (id, key) in interner.keys.iter().enumerate() {
        let mut row = [0f32; NUM_LABELS];
        row.copy_from_slice(&w[id * NUM_LABELS..(id + 1) * NUM_LABELS]);
        if row.iter().any(|x| x.abs() >= p.prune) {
            rows.push((*key, row));
        }
    }
    let feat = WeightTable::build(&rows);
    Fit {
        model: Model {
            doc: WeightTable::default(),
            feat,
            trans: t,
            clusters: clusters.clone(),
            lex: Lexicon::new(&full_gaz, kb),
            constrained: p.constrained,
            info: String::new(),
            fflags: p.feature_flags,
            cache: U64Map::default(),
            cache_rows: Default::default(),
            clus_caps: None,
        },
        dev_f1,
        best_epoch,
        best_dev,
        o_bias,
        type_biases,
        mix_alpha: best_alpha,
    }
}

/// Tune per-type biases on the dev data (see `crate::typebias`); prints the in-sample and
/// the cross-fitted (even/odd halves) dev F1 and returns the biases and in-sample scores.
fn tune_type_biases(
    w: &[f32],
    t: &[f32],
    dev: &[&Sentence],
    dev_data: &[Prepared],
    p: &TrainParams,
) -> ([f32; 4], NerScores) {
    let ems: Vec<(Vec<f32>, Vec<f32>)> = dev_data
        .iter()
        .map(|d| {
            let (mut em, mut ps) = (Vec::new(), Vec::new());
            Perceptron::emissions(w, d, &mut em);
            Perceptron::pair_scores(w, d, &mut ps);
            (em, ps)
        })
        .collect();
    let (mut sum, mut cnt) = (0f64, 0usize);
    for row in ems.iter().flat_map(|e| e.0.chunks_exact(NUM_LABELS)) {
        let mx = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let mn = row.iter().copied().fold(f32::INFINITY, f32::min);
        sum += f64::from(mx - mn);
        cnt += 1;
    }
    let unit = (sum / cnt.max(1) as f64) as f32;
    let decode = |b: &[f32; 4], i: usize| -> Vec<Label> {
        let tb = effective_transitions(&crate::typebias::with_type_bias(t, b), p.constrained);
        let mut out = Vec::new();
        viterbi_pairs(&ems[i].0, &tb, &ems[i].1, &mut out, None);
        out.iter().map(|&x| Label::from_index(x as usize)).collect()
    };
    let eval_on = |b: &[f32; 4], idx: &[usize]| -> f64 {
        let sents: Vec<&Sentence> = idx.iter().map(|&i| dev[i]).collect();
        let labels: Vec<Vec<Label>> = idx.iter().map(|&i| decode(b, i)).collect();
        score(&sents, &labels).micro.f1()
    };
    let all: Vec<usize> = (0..dev.len()).collect();
    let honest = crate::typebias::cross_fitted(dev.len(), unit, eval_on, |bs| {
        let labels: Vec<Vec<Label>> = (0..dev.len()).map(|i| decode(&bs[i % 2], i)).collect();
        score(dev, &labels).micro.f1()
    });
    let base = eval_on(&[0.0; 4], &all);
    let (b, f) = crate::typebias::tune(|b| eval_on(b, &all), unit);
    if p.verbose {
        eprintln!(
            "type biases {b:?} (unit {unit:.2}): dev F1 {base:.2} -> {f:.2} in-sample, {honest:.2} cross-fitted"
        );
    }
    let labels: Vec<Vec<Label>> = (0..dev.len()).map(|i| decode(&b, i)).collect();
    (b, score(dev, &labels))
}

/// Jackknifed self-trained lists over `sents` (see [`AutoFolds`]): each fold's list comes
/// from a single-perceptron model (fixed seed 1, no self-trained features, `a.epochs`
/// epochs) trained on the other folds; `full` from one trained on all of `sents`. Each
/// table is `base` plus the list. `phase` names the cache files.
fn auto_folds(
    sents: &[&Sentence],
    base: &ClusterTable,
    kb: &KbLexicon,
    p: &TrainParams,
    a: &crate::autolex::AutoLexParams,
    paras: &[Vec<String>],
    phase: &str,
) -> Result<AutoFolds, Error> {
    use crate::autolex::{insert_phrases, list_for};
    let bp = helper_params(p);
    let n = sents.len();
    let k = a.folds.clamp(2, n.max(2));
    let tag = format!(
        "{phase}_n{n}_k{k}_e{}_fl{}_c{}_m{}_p{}_t{}_g{}_par{}",
        a.epochs,
        bp.feature_flags,
        base.len(),
        a.min_count,
        a.min_purity,
        a.min_tagged,
        u8::from(p.kb_dir.is_some()),
        paras.len()
    );
    let train_model = |s: &[&Sentence]| {
        let m = fit(s, &[], base, kb, a.epochs, &bp).model;
        crate::Tagger::from_model(m)
    };
    let t0 = std::time::Instant::now();
    let mut folds = Vec::with_capacity(k);
    for f in 0..k {
        let (s, e) = (n * f / k, n * (f + 1) / k);
        let rest: Vec<&Sentence> = sents[..s].iter().chain(&sents[e..]).copied().collect();
        let list = list_for(&rest, paras, a, &format!("{tag}_fold{f}.tsv"), train_model)?;
        let mut t = base.clone();
        insert_phrases(&mut t, &list);
        if p.verbose {
            eprintln!(
                "autolex {phase}: fold {}/{k}: {} phrases ({:.1}s)",
                f + 1,
                list.len(),
                t0.elapsed().as_secs_f64()
            );
        }
        folds.push((s, e, t));
    }
    let list = list_for(sents, paras, a, &format!("{tag}_full.tsv"), train_model)?;
    let mut full = base.clone();
    insert_phrases(&mut full, &list);
    if p.verbose {
        eprintln!(
            "autolex {phase}: full list {} phrases ({:.1}s)",
            list.len(),
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(AutoFolds { folds, full })
}

/// Self-trained sentences for gold sentences `gold` (`crate::selftrain`): the corpus is
/// tagged by a single perceptron (seed 1, `st.epochs` epochs, no self-training, no
/// self-trained list) trained on `gold` only.
fn self_trained(
    gold: &[&Sentence],
    base: &ClusterTable,
    kb: &KbLexicon,
    p: &TrainParams,
    st: &crate::selftrain::SelfTrainParams,
    corpus: &std::cell::OnceCell<Vec<Vec<String>>>,
    phase: &str,
) -> Result<Vec<Sentence>, Error> {
    let bp = helper_params(p);
    let t0 = std::time::Instant::now();
    let tag = format!("{phase}_fl{}_c{}", bp.feature_flags, base.len());
    let sel = crate::selftrain::selection_for(gold, corpus, st, &tag, |s| {
        crate::Tagger::from_model(fit(s, &[], base, kb, st.epochs, &bp).model)
    })?;
    if p.verbose {
        let toks: usize = sel.iter().map(|s| s.tokens.len()).sum();
        let ents: usize = sel
            .iter()
            .map(|s| crate::labels::spans_of_labels(&s.labels).len())
            .sum();
        eprintln!(
            "selftrain {phase}: {} sentences, {toks} tokens, {ents} entities ({:.1}s)",
            sel.len(),
            t0.elapsed().as_secs_f64()
        );
    }
    Ok(sel)
}

/// Train a model from an ANERcorp-format file and write it to `out_model`.
///
/// `clusters` are the word-cluster files to embed (empty: no cluster features; a second
/// file enables the second-cluster-set templates). See the
/// module docs for the protocol; the run is deterministic for a given seed.
pub fn train(
    train_path: &Path,
    dev: &DevSpec,
    out_model: &Path,
    clusters: &[&Path],
    params: &TrainParams,
) -> Result<TrainReport, Error> {
    let t0 = std::time::Instant::now();
    if params.dense.is_some() && params.final_on_all {
        // the model file has no place for the network, so a final model would be tagged
        // without the features it learnt from
        return Err(Error::Data(
            "--dense is a measuring experiment: use it with --no-final-on-all".into(),
        ));
    }
    let text = std::fs::read_to_string(train_path).map_err(|e| Error::io(train_path, e))?;
    let (mut all, unknown) = read_labelled(&text);
    if let Some(h) = &params.hints {
        if h.len() != all.len() {
            return Err(Error::Data(format!(
                "{}: {} sentences but hints for {}",
                train_path.display(),
                all.len(),
                h.len()
            )));
        }
        for (s, h) in all.iter_mut().zip(h.iter()) {
            s.hints.clone_from(h);
        }
    }
    if all.is_empty() {
        return Err(Error::Data(format!(
            "{}: no sentences",
            train_path.display()
        )));
    }
    if unknown > 0 && params.verbose {
        eprintln!("train: {unknown} unknown tags read as O");
    }
    let sets = clusters
        .iter()
        .map(|p| Clusters::load(p))
        .collect::<Result<Vec<_>, _>>()?;
    let ctab_final = cluster_table_multi(&sets);
    let mut params = params.clone();
    if sets.len() > 1 {
        params.feature_flags |= F_CLUSTERS2;
    }
    if all.iter().any(|s| s.hints.iter().any(|&h| h != 0)) {
        params.feature_flags |= crate::features::F_HINTS;
    }
    let with_protos = |path: &Path| -> Result<ClusterTable, Error> {
        let mut t = ctab_final.clone();
        let pr = Clusters::load(path)?;
        let mut entries: Vec<_> = pr.map.iter().collect();
        entries.sort();
        for (w, ids) in entries {
            t.insert(cluster_key(hash_str(w), PROTO_SET), pack_clusters(*ids));
        }
        Ok(t)
    };
    let (ctab, ctab_final) = match (&params.protos, &params.protos_dev) {
        (Some(p), dev) => {
            params.feature_flags |= F_PROTOS;
            let fin = with_protos(p)?;
            let dv = match dev {
                Some(d) => with_protos(d)?,
                None => fin.clone(),
            };
            (dv, fin)
        }
        (None, Some(d)) => {
            params.feature_flags |= F_PROTOS;
            (with_protos(d)?, ctab_final)
        }
        (None, None) => (ctab_final.clone(), ctab_final),
    };
    let (ctab, ctab_final) = match &params.namelike {
        Some(p) => {
            use crate::namelike::{insert_table, F_MORPH, F_NAMELIKE};
            if params.feature_flags & (F_NAMELIKE | F_MORPH) == 0 {
                params.feature_flags |= F_NAMELIKE | F_MORPH;
            }
            let t = crate::namelike::load_table(p)?;
            let (mut a, mut b) = (ctab, ctab_final);
            insert_table(&mut a, &t);
            insert_table(&mut b, &t);
            (a, b)
        }
        None => (ctab, ctab_final),
    };
    let (mut ctab, mut ctab_final) = (ctab, ctab_final);
    if params.feature_flags & crate::features::F_OOV_CLUSTERS != 0 {
        // ending → cluster table from the first cluster set (no labels involved)
        let ends = sets
            .first()
            .map(crate::oov::suffix_table)
            .unwrap_or_default();
        crate::oov::insert_suffix_table(&mut ctab, &ends);
        crate::oov::insert_suffix_table(&mut ctab_final, &ends);
        if params.verbose {
            eprintln!("train: OOV ending table, {} endings", ends.len());
        }
    }
    let kb = match &params.kb_dir {
        Some(d) => {
            params.feature_flags |= F_KB;
            let lex = build_kb_lexicon(d)?;
            if params.verbose {
                eprintln!(
                    "train: KB lexicon from {}: {} phrase keys, {} listed words",
                    d.display(),
                    lex.phrases.map.len(),
                    lex.words.len()
                );
            }
            lex
        }
        None => KbLexicon::default(),
    };
    if params.autolex.is_some() {
        params.feature_flags |= F_AUTO;
    }
    let params = &params;
    let all_refs: Vec<&Sentence> = all.iter().collect();
    let dev_file_sents;
    let (tr, dv, dev_from_split): (Vec<&Sentence>, Vec<&Sentence>, bool) = match dev {
        DevSpec::SplitLast(frac) => {
            let frac = frac.clamp(0.0, 0.9);
            let cut = all.len() - ((all.len() as f64 * frac).round() as usize).min(all.len() - 1);
            (all_refs[..cut].to_vec(), all_refs[cut..].to_vec(), true)
        }
        DevSpec::Fold { k, of } => {
            let (lo, hi) = fold_bounds(all.len(), *k, *of);
            let mut tr = all_refs[..lo].to_vec();
            tr.extend_from_slice(&all_refs[hi..]);
            (tr, all_refs[lo..hi].to_vec(), true)
        }
        DevSpec::File(p) => {
            let t = std::fs::read_to_string(p).map_err(|e| Error::io(p, e))?;
            dev_file_sents = read_labelled(&t).0;
            (all_refs.clone(), dev_file_sents.iter().collect(), false)
        }
        DevSpec::None => (all_refs.clone(), Vec::new(), false),
    };
    let paras = match &params.autolex {
        Some(a) => {
            let mut v = crate::clusters::read_corpus_raw(&a.corpus)?;
            if a.max_paragraphs > 0 {
                v.truncate(a.max_paragraphs);
            }
            v
        }
        None => Vec::new(),
    };
    let dev_auto = match &params.autolex {
        Some(a) => {
            let phase = if dv.is_empty() { "all" } else { "dev" };
            Some(auto_folds(&tr, &ctab, &kb, params, a, &paras, phase)?)
        }
        None => None,
    };
    let corpus_cell = std::cell::OnceCell::new();
    let st_dev = match &params.selftrain {
        Some(st) => {
            let phase = if dv.is_empty() { "all" } else { "dev" };
            Some(self_trained(
                &tr,
                &ctab,
                &kb,
                params,
                st,
                &corpus_cell,
                phase,
            )?)
        }
        None => None,
    };
    let tr_ext: Vec<&Sentence> = tr.iter().copied().chain(st_dev.iter().flatten()).collect();
    let p_first = TrainParams {
        gold_sentences: params.selftrain.as_ref().map(|_| tr.len()),
        ..params.clone()
    };
    let first = fit_auto(
        &tr_ext,
        &dv,
        &ctab,
        &kb,
        params.max_epochs,
        &p_first,
        dev_auto.as_ref(),
    );
    let o_bias = first.o_bias;
    let mut first = first;
    if params.doc_stage && !dv.is_empty() {
        // measure the document stage on dev: weights from the training part only
        let t = std::time::Instant::now();
        let doc = doc_stage_weights(&tr, &ctab, &kb, first.best_epoch, first.o_bias, params);
        first.model.doc = doc;
        first.model.fflags |= F_DOC;
        let tagger = crate::Tagger::from_model(first.model.clone());
        let docs: Vec<Vec<&str>> = dv
            .iter()
            .map(|s| s.tokens.iter().map(String::as_str).collect())
            .collect();
        let hints: Vec<Vec<u8>> = dv.iter().map(|s| s.hints.clone()).collect();
        let staged = tagger.tag_doc_stage(&docs, &hints, crate::DOC_WINDOW);
        let labels: Vec<Vec<Label>> = staged
            .iter()
            .map(|ts| ts.iter().map(|t| t.label).collect())
            .collect();
        let sc = score(&dv, &labels);
        if params.verbose {
            eprintln!(
                "doc stage: dev F1 {:.2} (first stage {:.2}) ({:.1}s)",
                sc.micro.f1(),
                first.best_dev.as_ref().map(|d| d.micro.f1()).unwrap_or(0.0),
                t.elapsed().as_secs_f64()
            );
        }
        first.best_dev = Some(sc);
    }
    let type_biases = first.type_biases;
    let (mut model, epochs) = if dev_from_split && params.final_on_all && !dv.is_empty() {
        if params.verbose {
            eprintln!(
                "train: best dev epoch {}; retraining on all {} sentences",
                first.best_epoch,
                all.len()
            );
        }
        let p2 = TrainParams {
            o_bias: Some(first.o_bias),
            type_biases: Some(first.type_biases),
            mix_alpha: Some(first.mix_alpha),
            ..params.clone()
        };
        let fin_auto = match &params.autolex {
            Some(a) => Some(auto_folds(
                &all_refs,
                &ctab_final,
                &kb,
                params,
                a,
                &paras,
                "all",
            )?),
            None => None,
        };
        let st_all = match &params.selftrain {
            Some(st) => Some(self_trained(
                &all_refs,
                &ctab_final,
                &kb,
                params,
                st,
                &corpus_cell,
                "all",
            )?),
            None => None,
        };
        let all_ext: Vec<&Sentence> = all_refs
            .iter()
            .copied()
            .chain(st_all.iter().flatten())
            .collect();
        let p2 = TrainParams {
            gold_sentences: params.selftrain.as_ref().map(|_| all_refs.len()),
            ..p2
        };
        let mut second = fit_auto(
            &all_ext,
            &[],
            &ctab_final,
            &kb,
            first.best_epoch,
            &p2,
            fin_auto.as_ref(),
        );
        if params.doc_stage {
            second.model.doc = doc_stage_weights(
                &all_refs,
                &ctab_final,
                &kb,
                first.best_epoch,
                first.o_bias,
                params,
            );
            second.model.fflags |= F_DOC;
        }
        (second.model, first.best_epoch)
    } else {
        (first.model, first.best_epoch)
    };
    // per-word static-weight cache: training words by frequency, then cluster words
    {
        let mut freq: FxHashMap<&str, u32> = FxHashMap::default();
        for s in &all {
            for t in &s.tokens {
                *freq.entry(t.as_str()).or_insert(0) += 1;
            }
        }
        let mut words: Vec<(&str, u32)> = freq.into_iter().collect();
        words.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let mut cluster_words: Vec<(&str, usize)> = Vec::new();
        for set in &sets {
            let mut v: Vec<&str> = set.map.keys().map(String::as_str).collect();
            v.sort_unstable();
            cluster_words.extend(v.into_iter().map(|w| (w, 0)));
        }
        let list = words
            .iter()
            .map(|w| w.0)
            .chain(cluster_words.iter().map(|w| w.0));
        model.build_cache(list, params.cache_words);
    }
    model.info = format!(
        "rasd-tagger averaged perceptron; trained on {} ({} sentences); epochs={} o_bias={} seed={} constrained={} gazetteer={} clusters={} feature_flags={} kb={} doc_stage={} margin={} miss_cost={} type_biases={:?}",
        train_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        all.len(),
        epochs,
        o_bias,
        params.seed,
        params.constrained,
        params.use_gazetteer,
        clusters
            .iter()
            .map(|p| p.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default())
            .collect::<Vec<_>>()
            .join("+"),
        params.feature_flags,
        params.kb_dir.is_some(),
        params.doc_stage,
        params.margin,
        params.miss_cost,
        type_biases
    );
    if let Some(p) = &params.protos {
        model.info.push_str(&format!(
            " protos={}",
            p.file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
    }
    if let Some(p) = &params.namelike {
        model.info.push_str(&format!(
            " namelike={}",
            p.file_name()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
    }
    let bytes = model.to_bytes();
    std::fs::write(out_model, &bytes).map_err(|e| Error::io(out_model, e))?;
    Ok(TrainReport {
        dev_f1_by_epoch: first.dev_f1,
        epochs,
        o_bias,
        dev_scores: first.best_dev,
        features: model.num_features(),
        model_bytes: bytes.len(),
        seconds: t0.elapsed().as_secs_f64(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_cover_every_sentence_once() {
        for n in [0usize, 1, 7, 3971] {
            let mut next = 0;
            for k in 0..5 {
                let (lo, hi) = fold_bounds(n, k, 5);
                assert_eq!(lo, next);
                assert!(hi >= lo && hi - lo <= n / 5 + 1);
                next = hi;
            }
            assert_eq!(next, n);
        }
        assert_eq!(fold_bounds(10, 9, 2), (5, 10));
    }

    #[test]
    fn kb_lexicon_from_repository_sources() {
        let lex = build_kb_lexicon(&default_kb_dir()).unwrap();
        assert!(lex.phrases.map.len() > 1000, "{}", lex.phrases.map.len());
        // a country is a major place, and some listed people give first-name words
        let key = Gazetteer::phrase_hash(["مصر"]);
        let v = lex.phrases.map.get(key).unwrap_or(0);
        assert_ne!(v & (1 << KB_LOC_MAJOR), 0);
        assert!(!lex.words.is_empty());
        assert!(build_kb_lexicon(Path::new("/nonexistent/kb")).is_err());
        // the name lists of data/names are part of it
        let v = lex
            .phrases
            .map
            .get(Gazetteer::phrase_hash(["حسني", "مبارك"]))
            .unwrap_or(0);
        assert_ne!(v & (1 << KB_PERS_LIST), 0);
    }

    /// A throw-away knowledge-base folder with only `names/` files.
    fn names_dir(tag: &str, persons: &str, words: &str, clubs: &str) -> std::path::PathBuf {
        let d = std::env::temp_dir().join(format!("rasd-names-{tag}-{}", std::process::id()));
        let n = d.join("names");
        std::fs::create_dir_all(&n).unwrap();
        std::fs::create_dir_all(d.join("actors")).unwrap();
        std::fs::write(n.join("person_names.tsv"), persons).unwrap();
        std::fs::write(n.join("name_words.tsv"), words).unwrap();
        std::fs::write(n.join("clubs.tsv"), clubs).unwrap();
        d
    }

    #[test]
    fn name_lists_become_phrase_types_and_word_bits() {
        let d = names_dir(
            "ok",
            "# comment\nأحمد الطيب\t3\tromanizer\n",
            "جورج\tforeign\t1\tarabnamer\nسمير\tgiven\t5\tromanizer\n\
             نادر\tgiven\t1\tromanizer\nالطيب\tsurname\t2\tromanizer\n\
             زيد\tunknown\t9\tromanizer\n",
            "برشلونة\tarwikicats\n",
        );
        let lex = build_kb_lexicon(&d).unwrap();
        let ph = |ws: &[&str]| {
            lex.phrases
                .map
                .get(Gazetteer::phrase_hash(ws.iter().copied()))
                .unwrap_or(0)
        };
        // names are normalised like the tagger's tokens (أ → ا)
        assert_ne!(ph(&["احمد", "الطيب"]) & (1 << KB_PERS_LIST), 0);
        assert_ne!(ph(&["برشلونه"]) & (1 << KB_ORG_LIST), 0);
        let w = |x: &str| lex.words.get(hash_str(x)).unwrap_or(0) as u8;
        assert_eq!(w("جورج"), KBW_FOREIGN);
        assert_eq!(w("سمير"), KBW_GIVEN);
        assert_eq!(w("الطيب"), KBW_SURNAME);
        // a part seen once, or of unknown role, gives no bit
        assert_eq!(w("نادر"), 0);
        assert_eq!(w("زيد"), 0);
        std::fs::remove_dir_all(&d).unwrap();
    }

    #[test]
    fn malformed_name_lists_are_errors_naming_file_and_line() {
        for (tag, persons, words, what) in [
            ("one", "مبارك\t1\tx\n", "", "person_names.tsv:1"),
            ("role", "", "# c\nسمير\tking\t2\tx\n", "name_words.tsv:2"),
            ("count", "", "سمير\tgiven\tmany\tx\n", "name_words.tsv:1"),
        ] {
            let d = names_dir(tag, persons, words, "");
            let e = build_kb_lexicon(&d).unwrap_err().to_string();
            assert!(e.contains(what), "{e}");
            std::fs::remove_dir_all(&d).unwrap();
        }
    }
}
