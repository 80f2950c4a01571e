//! Dense window network over SaudiNewsNet word vectors, stacked under the perceptron
//! (issue #4 experiment, `--dense VECTORS`).
//!
//! The perceptron sees word vectors only through cluster ids and prototype ids, i.e. through
//! a few hard partitions of the vector space. This stage gives it the vectors themselves,
//! through a small non-linear model: a feed-forward network reads the frozen skip-gram
//! vectors (and a present / sentence-boundary flag) of the words at `i-w ..= i+w` and
//! predicts token `i`'s label with a softmax (one hidden ReLU layer, Adam, cross-entropy).
//! Its label probabilities then become ordinary hashed features of the perceptron
//! ([`stack_keys`]): binned probability of every entity label and type, and the network's
//! best label for the neighbours. Training sentences get out-of-fold probabilities (the
//! network of each fold is trained on the other folds: stacking without leakage), dev and
//! unseen text those of the network trained on all training sentences.
//!
//! Written by hand rather than with candle/tract: the network is one matrix-vector product
//! per token over at most `2w+1` sparse input blocks, which a few loops do faster than a
//! tensor library's per-op overhead, and training must stay deterministic (seeded).

use crate::conll::Sentence;
use crate::labels::NUM_LABELS;
use crate::normalize::{normalize, segment};
use crate::protos::Vectors;
use crate::util::{hash_str, mix, Rng};
use std::collections::HashMap;

/// Parameters of the dense stage.
#[derive(Debug, Clone)]
pub struct DenseParams {
    /// Word vectors (the format of [`crate::protos::write_vectors`]).
    pub vectors: std::path::PathBuf,
    /// Hidden units.
    pub hidden: usize,
    /// Context words on each side.
    pub window: usize,
    /// Passes over the training tokens.
    pub epochs: usize,
    /// Adam step size.
    pub lr: f32,
    /// Folds of the out-of-fold (stacked) probabilities of training sentences.
    pub folds: usize,
    /// Probability of hiding the centre word's vector during training (forces the network
    /// to use the context, as it must for words without a vector).
    pub centre_dropout: f32,
}

impl Default for DenseParams {
    fn default() -> Self {
        DenseParams {
            vectors: std::path::PathBuf::new(),
            hidden: 64,
            window: 2,
            epochs: 5,
            lr: 1e-3,
            folds: 5,
            centre_dropout: 0.0,
        }
    }
}

/// Frozen word vectors with a hash index.
#[derive(Debug, Clone, Default)]
pub struct Embeddings {
    index: HashMap<u64, u32>,
    /// Dimension.
    pub dim: usize,
    data: Vec<f32>,
}

impl Embeddings {
    /// Index vectors by the hash of their (normalised) word.
    pub fn from_vectors(v: &Vectors) -> Embeddings {
        let mut index = HashMap::with_capacity(v.words.len());
        for (i, w) in v.words.iter().enumerate() {
            index.entry(hash_str(w)).or_insert(i as u32);
        }
        Embeddings {
            index,
            dim: v.dim,
            data: v.data.clone(),
        }
    }

    /// Row of a token: its normalised form, else the article plus its clitic-stripped
    /// stem («والقاهرة» → «القاهره»), else the stem.
    pub fn row(&self, token: &str) -> Option<u32> {
        let n = normalize(token);
        if let Some(&r) = self.index.get(&hash_str(&n)) {
            return Some(r);
        }
        let stem = segment(&n).stem;
        if stem.len() == n.len() {
            return None;
        }
        let with_article = format!("ال{stem}");
        self.index
            .get(&hash_str(&with_article))
            .or_else(|| self.index.get(&hash_str(stem)))
            .copied()
    }

    fn vec(&self, r: u32) -> &[f32] {
        let a = r as usize * self.dim;
        self.data.get(a..a + self.dim).unwrap_or(&[])
    }
}

/// What the network sees at one window position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    /// A word with a vector.
    Word(u32),
    /// A word without a vector.
    Unknown,
    /// Before the sentence start or after its end.
    Boundary,
}

/// Vector rows of a sentence's tokens.
pub fn sentence_rows(emb: &Embeddings, tokens: &[String]) -> Vec<Option<u32>> {
    tokens.iter().map(|t| emb.row(t)).collect()
}

/// The feed-forward network.
#[derive(Debug, Clone)]
pub struct DenseNet {
    dim: usize,
    window: usize,
    hidden: usize,
    /// `inputs × hidden`, input-major: block of position `p` = `p·(dim+2)`, then the
    /// present flag (`+dim`) and the boundary flag (`+dim+1`).
    w1: Vec<f32>,
    b1: Vec<f32>,
    /// `hidden × NUM_LABELS`.
    w2: Vec<f32>,
    b2: [f32; NUM_LABELS],
}

impl DenseNet {
    fn new(dim: usize, window: usize, hidden: usize, rng: &mut Rng) -> DenseNet {
        let inputs = (2 * window + 1) * (dim + 2);
        let s1 = (6.0 / (inputs as f32 / (2 * window + 1) as f32 + hidden as f32)).sqrt();
        let s2 = (6.0 / (hidden + NUM_LABELS) as f32).sqrt();
        let mut u = |s: f32| (rng.unit_f32() * 2.0 - 1.0) * s;
        DenseNet {
            dim,
            window,
            hidden,
            w1: (0..inputs * hidden).map(|_| u(s1)).collect(),
            b1: vec![0.0; hidden],
            w2: (0..hidden * NUM_LABELS).map(|_| u(s2)).collect(),
            b2: [0.0; NUM_LABELS],
        }
    }

    fn slot(rows: &[Option<u32>], i: usize, off: isize) -> Slot {
        let j = i as isize + off;
        if j < 0 || j as usize >= rows.len() {
            return Slot::Boundary;
        }
        match rows.get(j as usize).copied().flatten() {
            Some(r) => Slot::Word(r),
            None => Slot::Unknown,
        }
    }

    /// Calls `f(row, x)` for every active input of token `i`: the rows of `w1` its window
    /// reads (vector components of the words with vectors, then their present flag, or the
    /// boundary flag) and their values; `drop_centre` hides the token's own vector.
    fn for_each_input(
        &self,
        emb: &Embeddings,
        rows: &[Option<u32>],
        i: usize,
        drop_centre: bool,
        mut f: impl FnMut(usize, f32),
    ) {
        let w = self.window as isize;
        for (p, off) in (-w..=w).enumerate() {
            let base = p * (self.dim + 2);
            let slot = match Self::slot(rows, i, off) {
                Slot::Word(_) if drop_centre && off == 0 => Slot::Unknown,
                s => s,
            };
            match slot {
                Slot::Word(r) => {
                    for (d, &x) in emb.vec(r).iter().enumerate() {
                        f(base + d, x);
                    }
                    f(base + self.dim, 1.0);
                }
                Slot::Unknown => {}
                Slot::Boundary => f(base + self.dim + 1, 1.0),
            }
        }
    }

    /// Hidden activations (after ReLU) of token `i`; `drop_centre` hides its own vector.
    fn hidden_of(
        &self,
        emb: &Embeddings,
        rows: &[Option<u32>],
        i: usize,
        drop_centre: bool,
        h: &mut [f32],
    ) {
        h.copy_from_slice(&self.b1);
        let hid = self.hidden;
        self.for_each_input(emb, rows, i, drop_centre, |row, x| {
            let a = row * hid;
            if let Some(wr) = self.w1.get(a..a + hid) {
                h.iter_mut().zip(wr).for_each(|(hv, wv)| *hv += x * wv);
            }
        });
        h.iter_mut().for_each(|v| *v = v.max(0.0));
    }

    fn output(&self, h: &[f32]) -> [f32; NUM_LABELS] {
        let mut z = self.b2;
        for (j, &hv) in h.iter().enumerate() {
            if hv == 0.0 {
                continue;
            }
            let a = j * NUM_LABELS;
            if let Some(wr) = self.w2.get(a..a + NUM_LABELS) {
                z.iter_mut().zip(wr).for_each(|(zv, wv)| *zv += hv * wv);
            }
        }
        softmax(&mut z);
        z
    }

    /// Label probabilities of every token of a sentence.
    pub fn predict(&self, emb: &Embeddings, rows: &[Option<u32>]) -> Vec<[f32; NUM_LABELS]> {
        let mut h = vec![0.0; self.hidden];
        (0..rows.len())
            .map(|i| {
                self.hidden_of(emb, rows, i, false, &mut h);
                self.output(&h)
            })
            .collect()
    }
}

fn softmax(z: &mut [f32; NUM_LABELS]) {
    let m = z.iter().copied().fold(f32::NEG_INFINITY, f32::max);
    let mut s = 0.0;
    z.iter_mut().for_each(|v| {
        *v = (*v - m).exp();
        s += *v;
    });
    z.iter_mut().for_each(|v| *v /= s);
}

/// Adam state of one parameter vector.
struct Adam {
    m: Vec<f32>,
    v: Vec<f32>,
}

impl Adam {
    fn new(n: usize) -> Adam {
        Adam {
            m: vec![0.0; n],
            v: vec![0.0; n],
        }
    }

    fn step(&mut self, w: &mut [f32], g: &[f32], lr: f32, t: i32) {
        let (b1, b2, eps) = (0.9f32, 0.999f32, 1e-8f32);
        let c1 = 1.0 - b1.powi(t);
        let c2 = 1.0 - b2.powi(t);
        for (((w, &g), m), v) in w.iter_mut().zip(g).zip(&mut self.m).zip(&mut self.v) {
            *m = b1 * *m + (1.0 - b1) * g;
            *v = b2 * *v + (1.0 - b2) * g * g;
            *w -= lr * (*m / c1) / ((*v / c2).sqrt() + eps);
        }
    }
}

/// One training sentence: vector rows and gold label indices.
pub type Example = (Vec<Option<u32>>, Vec<u8>);

/// Train a network on sentences given as (vector rows, gold label indices).
pub fn train_net(emb: &Embeddings, data: &[Example], p: &DenseParams, seed: u64) -> DenseNet {
    let mut rng = Rng::new(seed ^ 0xDE45_E000);
    let mut net = DenseNet::new(emb.dim, p.window, p.hidden.max(1), &mut rng);
    let mut order: Vec<(u32, u32)> = data
        .iter()
        .enumerate()
        .flat_map(|(s, (rows, _))| (0..rows.len()).map(move |i| (s as u32, i as u32)))
        .collect();
    let hid = net.hidden;
    let (mut g1, mut gb1, mut g2, mut gb2) = (
        vec![0.0f32; net.w1.len()],
        vec![0.0f32; hid],
        vec![0.0f32; net.w2.len()],
        [0.0f32; NUM_LABELS],
    );
    let (mut a1, mut ab1, mut a2, mut ab2) = (
        Adam::new(net.w1.len()),
        Adam::new(hid),
        Adam::new(net.w2.len()),
        Adam::new(NUM_LABELS),
    );
    // rows of w1 touched in the current batch (only those get gradient and are cleared)
    let mut touched: Vec<usize> = Vec::new();
    let mut h = vec![0.0f32; hid];
    let mut dh = vec![0.0f32; hid];
    let batch = 32usize;
    let mut t = 0i32;
    for _ in 0..p.epochs {
        rng.shuffle(&mut order);
        for chunk in order.chunks(batch) {
            for &(s, i) in chunk {
                let Some((rows, gold)) = data.get(s as usize) else {
                    continue;
                };
                let i = i as usize;
                let y = gold.get(i).copied().unwrap_or(0) as usize;
                let drop = p.centre_dropout > 0.0 && rng.unit_f32() < p.centre_dropout;
                net.hidden_of(emb, rows, i, drop, &mut h);
                let mut z = net.output(&h);
                if let Some(v) = z.get_mut(y) {
                    *v -= 1.0;
                }
                let scale = 1.0 / chunk.len() as f32;
                z.iter_mut().for_each(|v| *v *= scale);
                for (j, &hv) in h.iter().enumerate() {
                    let a = j * NUM_LABELS;
                    let w2r = net.w2.get(a..a + NUM_LABELS).unwrap_or(&[]);
                    let mut d = 0.0;
                    for (k, &dz) in z.iter().enumerate() {
                        d += w2r.get(k).copied().unwrap_or(0.0) * dz;
                    }
                    if hv > 0.0 {
                        if let Some(gr) = g2.get_mut(a..a + NUM_LABELS) {
                            gr.iter_mut().zip(&z).for_each(|(g, dz)| *g += hv * dz);
                        }
                        dh[j] = d;
                    } else {
                        dh[j] = 0.0;
                    }
                }
                gb2.iter_mut().zip(&z).for_each(|(g, dz)| *g += dz);
                gb1.iter_mut().zip(&dh).for_each(|(g, d)| *g += d);
                net.for_each_input(emb, rows, i, drop, |row, x| {
                    touched.push(row);
                    if let Some(gr) = g1.get_mut(row * hid..(row + 1) * hid) {
                        gr.iter_mut().zip(&dh).for_each(|(g, d)| *g += x * d);
                    }
                });
            }
            t += 1;
            // dense Adam over every weight (moments decay everywhere); gradients are zero
            // outside the touched rows
            a1.step(&mut net.w1, &g1, p.lr, t);
            ab1.step(&mut net.b1, &gb1, p.lr, t);
            a2.step(&mut net.w2, &g2, p.lr, t);
            ab2.step(&mut net.b2, &gb2, p.lr, t);
            touched.sort_unstable();
            touched.dedup();
            for &row in &touched {
                if let Some(gr) = g1.get_mut(row * hid..(row + 1) * hid) {
                    gr.iter_mut().for_each(|g| *g = 0.0);
                }
            }
            touched.clear();
            gb1.iter_mut().for_each(|g| *g = 0.0);
            g2.iter_mut().for_each(|g| *g = 0.0);
            gb2 = [0.0; NUM_LABELS];
        }
    }
    net
}

/// Out-of-fold label probabilities of `train` sentences (`folds` contiguous folds, each
/// tagged by a network trained on the others) and the network trained on all of them.
/// Folds are trained on up to two threads.
pub fn jackknife(
    emb: &Embeddings,
    train: &[&Sentence],
    p: &DenseParams,
    seed: u64,
) -> (Vec<Vec<[f32; NUM_LABELS]>>, DenseNet) {
    let data: Vec<Example> = train
        .iter()
        .map(|s| {
            (
                sentence_rows(emb, &s.tokens),
                s.labels.iter().map(|l| l.index() as u8).collect(),
            )
        })
        .collect();
    let k = p.folds.max(2);
    let n = data.len();
    let jobs: Vec<Option<usize>> = (0..k).map(Some).chain([None]).collect();
    let run = |job: Option<usize>| -> DenseNet {
        match job {
            Some(f) => {
                let (lo, hi) = crate::train::fold_bounds(n, f, k);
                let sub: Vec<_> = data
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| *i < lo || *i >= hi)
                    .map(|(_, d)| d.clone())
                    .collect();
                train_net(emb, &sub, p, seed.wrapping_add(f as u64 + 1))
            }
            None => train_net(emb, &data, p, seed),
        }
    };
    let run = &run;
    let nets: Vec<DenseNet> = std::thread::scope(|sc| {
        let (a, b): (Vec<_>, Vec<_>) = jobs.iter().enumerate().partition(|(j, _)| j % 2 == 0);
        let ha = sc.spawn(move || {
            a.iter()
                .map(|(j, job)| (*j, run(**job)))
                .collect::<Vec<_>>()
        });
        let mut out: Vec<(usize, DenseNet)> = b.iter().map(|(j, job)| (*j, run(**job))).collect();
        if let Ok(v) = ha.join() {
            out.extend(v);
        }
        out.sort_by_key(|x| x.0);
        out.into_iter().map(|x| x.1).collect()
    });
    let full = nets
        .last()
        .cloned()
        .unwrap_or_else(|| DenseNet::new(emb.dim, p.window, p.hidden.max(1), &mut Rng::new(seed)));
    let oof = data
        .iter()
        .enumerate()
        .map(|(i, (rows, _))| {
            let f = (0..k)
                .find(|&f| {
                    let (lo, hi) = crate::train::fold_bounds(n, f, k);
                    i >= lo && i < hi
                })
                .unwrap_or(0);
            nets.get(f).unwrap_or(&full).predict(emb, rows)
        })
        .collect();
    (oof, full)
}

/// Probability bin (0 = below 0.1).
fn bin(p: f32) -> u64 {
    match p {
        p if p < 0.1 => 0,
        p if p < 0.3 => 1,
        p if p < 0.5 => 2,
        p if p < 0.7 => 3,
        p if p < 0.9 => 4,
        _ => 5,
    }
}

fn key(template: u64, v: u64) -> u64 {
    mix(v ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ 0xD15E_0000_0000_0000).max(1)
}

/// Index of the most probable label (the first on a tie).
pub fn argmax(p: &[f32; NUM_LABELS]) -> usize {
    let mut best = 0;
    for (i, v) in p.iter().enumerate() {
        if *v > p[best] {
            best = i;
        }
    }
    best
}

/// Stacked features of token `i` from the network's probabilities of its sentence:
/// binned probability of each entity label and of each type (B+I), the best label, and
/// the best labels of the neighbours.
pub fn stack_keys(probs: &[[f32; NUM_LABELS]], i: usize, out: &mut Vec<u64>) {
    let Some(p) = probs.get(i) else {
        return;
    };
    for (l, &v) in p.iter().enumerate().skip(1) {
        let b = bin(v);
        if b > 0 {
            out.push(key(901, l as u64 * 8 + b));
        }
    }
    for t in 0..(NUM_LABELS - 1) / 2 {
        let v = p[1 + 2 * t] + p[2 + 2 * t];
        let b = bin(v);
        if b > 0 {
            out.push(key(902, t as u64 * 8 + b));
        }
    }
    out.push(key(903, argmax(p) as u64));
    let prev = i
        .checked_sub(1)
        .and_then(|j| probs.get(j))
        .map_or(99, |q| argmax(q) as u64);
    let next = probs.get(i + 1).map_or(99, |q| argmax(q) as u64);
    out.push(key(904, prev));
    out.push(key(905, next));
    out.push(key(906, prev * 128 + argmax(p) as u64 * 11 + next));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{EntityType, Label};

    fn toy() -> (Embeddings, Vec<Example>) {
        // two "name" words and two "verb" words; a name after a verb is B-PERS
        let v = Vectors {
            words: ["زيد", "عمرو", "قال", "ذهب"].map(String::from).to_vec(),
            data: vec![
                1.0, 0.0, 0.9, 0.1, //
                0.0, 1.0, 0.1, 0.9,
            ],
            dim: 2,
        };
        let emb = Embeddings::from_vectors(&v);
        let b = Label::B(EntityType::Pers).index() as u8;
        let mut data = Vec::new();
        for (v, n) in [(2u32, 0u32), (3, 1), (2, 1), (3, 0)] {
            data.push((vec![Some(v), Some(n)], vec![0, b]));
        }
        (emb, data)
    }

    #[test]
    fn learns_a_separable_toy_task_deterministically() {
        let (emb, data) = toy();
        let p = DenseParams {
            epochs: 200,
            hidden: 8,
            window: 1,
            lr: 0.01,
            ..Default::default()
        };
        let net = train_net(&emb, &data, &p, 7);
        let b = Label::B(EntityType::Pers).index();
        for (rows, _) in &data {
            let pr = net.predict(&emb, rows);
            assert!(pr[0][0] > 0.8, "{pr:?}");
            assert!(pr[1][b] > 0.8, "{pr:?}");
        }
        let again = train_net(&emb, &data, &p, 7);
        assert_eq!(again.w1, net.w1);
    }

    #[test]
    fn stacked_keys_cover_each_token_and_empty_input() {
        let mut out = Vec::new();
        stack_keys(&[], 0, &mut out);
        assert!(out.is_empty());
        let mut p = [0.0; NUM_LABELS];
        p[1] = 0.95;
        p[0] = 0.05;
        stack_keys(&[p, p], 1, &mut out);
        assert!(out.len() >= 5);
        assert!(out.iter().all(|&k| k != 0));
    }
}
