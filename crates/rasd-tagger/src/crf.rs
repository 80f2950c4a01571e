//! A linear-chain CRF trained by stochastic gradient descent with L2 regularisation,
//! on the same dense feature ids as the perceptron (an alternative learner, chosen or
//! rejected by dev-slice measurement; see the crate README).
//!
//! Implementation notes: forward–backward in linear space with per-position normalisation
//! (9 labels, so this is exact and cheap); L2 weight decay applied lazily through a global
//! scale factor (`w_true = scale · w_stored`), so each step only touches the features of
//! the current sentence; learning rate `eta0 / (1 + t / n)` decaying per epoch fraction.
//! Forbidden IOB2 transitions get zero potential when training is constrained, so the gold
//! sequences must be valid IOB2 (the trainer repairs stray `I-X` to `B-X`, which leaves the
//! conlleval chunks unchanged).

// The forward–backward kernels index several label-sized arrays in lockstep; index loops
// are the clearest form here.
#![allow(clippy::needless_range_loop)]

use crate::labels::NUM_LABELS;
use crate::model::{allowed, START};

/// Sentence with dense feature ids and gold label indices.
pub(crate) struct Instance<'a> {
    pub ids: &'a [u32],
    pub offsets: &'a [usize],
    pub gold: &'a [u8],
}

/// SGD state.
pub(crate) struct CrfSgd {
    pub w: Vec<f32>,
    pub tw: Vec<f32>,
    scale: f64,
    step: usize,
    lambda: f64,
    eta0: f64,
    n: usize,
    constrained: bool,
}

const L: usize = NUM_LABELS;

impl CrfSgd {
    /// `c2` is the L2 coefficient of the whole objective (λ per instance = 2·c2/n).
    pub fn new(nfeat: usize, n: usize, c2: f64, eta0: f64, constrained: bool) -> Self {
        CrfSgd {
            w: vec![0.0; nfeat * L],
            tw: vec![0.0; (L + 1) * L],
            scale: 1.0,
            step: 0,
            lambda: 2.0 * c2 / n.max(1) as f64,
            eta0,
            n: n.max(1),
            constrained,
        }
    }

    /// Effective weights (scale applied).
    pub fn weights(&self) -> (Vec<f32>, Vec<f32>) {
        let s = self.scale as f32;
        (
            self.w.iter().map(|x| x * s).collect(),
            self.tw.iter().map(|x| x * s).collect(),
        )
    }

    /// One SGD step on one sentence.
    pub fn step(&mut self, inst: &Instance<'_>, buf: &mut Buffers) {
        let n = inst.gold.len();
        if n == 0 {
            return;
        }
        let eta = self.eta0 / (1.0 + self.step as f64 / self.n as f64);
        self.step += 1;
        // decay
        self.scale *= 1.0 - eta * self.lambda;
        if self.scale < 1e-6 {
            let s = self.scale as f32;
            self.w.iter_mut().for_each(|x| *x *= s);
            self.tw.iter_mut().for_each(|x| *x *= s);
            self.scale = 1.0;
        }
        let scale = self.scale as f32;
        // emissions
        buf.em.clear();
        buf.em.resize(n * L, 0.0);
        for t in 0..n {
            let row = &mut buf.em[t * L..(t + 1) * L];
            for &id in &inst.ids[inst.offsets[t]..inst.offsets[t + 1]] {
                let b = id as usize * L;
                for (x, v) in row.iter_mut().zip(&self.w[b..b + L]) {
                    *x += *v;
                }
            }
            row.iter_mut().for_each(|x| *x *= scale);
        }
        // potentials
        let mut trans = [[0f64; L]; L + 1];
        for (p, row) in trans.iter_mut().enumerate() {
            for (y, v) in row.iter_mut().enumerate() {
                *v = if self.constrained && !allowed(p, y) {
                    0.0
                } else {
                    f64::from(self.tw[p * L + y] * scale).exp()
                };
            }
        }
        buf.psi.clear();
        buf.psi.resize(n * L, 0.0);
        for t in 0..n {
            let row = &buf.em[t * L..(t + 1) * L];
            let m = row.iter().copied().fold(f32::NEG_INFINITY, f32::max);
            for y in 0..L {
                buf.psi[t * L + y] = f64::from(row[y] - m).exp();
            }
        }
        // forward with normalisation
        buf.alpha.clear();
        buf.alpha.resize(n * L, 0.0);
        buf.z.clear();
        buf.z.resize(n, 1.0);
        for y in 0..L {
            buf.alpha[y] = trans[START][y] * buf.psi[y];
        }
        normalise(&mut buf.alpha[..L], &mut buf.z[0]);
        for t in 1..n {
            for y in 0..L {
                let mut s = 0.0;
                for p in 0..L {
                    s += buf.alpha[(t - 1) * L + p] * trans[p][y];
                }
                buf.alpha[t * L + y] = s * buf.psi[t * L + y];
            }
            let (a, z) = (&mut buf.alpha[t * L..(t + 1) * L], &mut buf.z[t]);
            normalise(a, z);
        }
        // backward with the same normalisers
        buf.beta.clear();
        buf.beta.resize(n * L, 0.0);
        for y in 0..L {
            buf.beta[(n - 1) * L + y] = 1.0;
        }
        for t in (0..n - 1).rev() {
            for p in 0..L {
                let mut s = 0.0;
                for y in 0..L {
                    s += trans[p][y] * buf.psi[(t + 1) * L + y] * buf.beta[(t + 1) * L + y];
                }
                buf.beta[t * L + p] = s / buf.z[t + 1];
            }
        }
        // gradients: emission features
        let step = (eta / self.scale) as f32;
        for t in 0..n {
            let mut marg = [0f32; L];
            let mut tot = 0.0;
            for y in 0..L {
                let v = buf.alpha[t * L + y] * buf.beta[t * L + y];
                marg[y] = v as f32;
                tot += v;
            }
            if tot <= 0.0 || !tot.is_finite() {
                continue;
            }
            let g = inst.gold[t] as usize;
            let mut delta = [0f32; L];
            for y in 0..L {
                delta[y] = -(marg[y] / tot as f32) * step;
            }
            if let Some(d) = delta.get_mut(g) {
                *d += step;
            }
            for &id in &inst.ids[inst.offsets[t]..inst.offsets[t + 1]] {
                let b = id as usize * L;
                for (x, d) in self.w[b..b + L].iter_mut().zip(&delta) {
                    *x += *d;
                }
            }
        }
        // transitions: expected counts from edge marginals
        let mut tgrad = [[0f64; L]; L + 1];
        for y in 0..L {
            tgrad[START][y] -= buf.alpha[y] * buf.beta[y];
        }
        for t in 1..n {
            for p in 0..L {
                let a = buf.alpha[(t - 1) * L + p];
                if a == 0.0 {
                    continue;
                }
                for y in 0..L {
                    let e = a * trans[p][y] * buf.psi[t * L + y] * buf.beta[t * L + y] / buf.z[t];
                    tgrad[p][y] -= e;
                }
            }
        }
        let mut prev = START;
        for t in 0..n {
            let g = inst.gold[t] as usize;
            tgrad[prev][g] += 1.0;
            prev = g;
        }
        for (p, row) in tgrad.iter().enumerate() {
            for (y, v) in row.iter().enumerate() {
                self.tw[p * L + y] += (*v as f32) * step;
            }
        }
    }
}

fn normalise(a: &mut [f64], z: &mut f64) {
    let s: f64 = a.iter().sum();
    if s > 0.0 && s.is_finite() {
        a.iter_mut().for_each(|x| *x /= s);
        *z = s;
    } else {
        *z = 1.0;
    }
}

/// Reusable scratch space.
#[derive(Default)]
pub(crate) struct Buffers {
    em: Vec<f32>,
    psi: Vec<f64>,
    alpha: Vec<f64>,
    beta: Vec<f64>,
    z: Vec<f64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn learns_a_trivial_mapping() {
        // feature 0 → B-PERS (1), feature 1 → O (0)
        let ids = [0u32, 1, 1];
        let offsets = [0usize, 1, 2, 3];
        let gold = [1u8, 0, 0];
        let inst = Instance {
            ids: &ids,
            offsets: &offsets,
            gold: &gold,
        };
        let mut m = CrfSgd::new(2, 1, 0.01, 0.5, true);
        let mut b = Buffers::default();
        for _ in 0..50 {
            m.step(&inst, &mut b);
        }
        let (w, _) = m.weights();
        assert!(w[1] > w[0], "B-PERS weight of feature 0 should beat O");
        assert!(w[L] > w[L + 1], "O weight of feature 1 should beat B-PERS");
    }
}
