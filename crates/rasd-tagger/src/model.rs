//! The linear-chain model: hashed feature weights, label transitions, the embedded word
//! clusters and the merged gazetteer / knowledge-base lexicon, Viterbi decoding and the
//! binary file format.
//!
//! File format (all little-endian): magic `RASDTAG2`, feature version `u32`, flags `u32`
//! (bit 0: IOB2-constrained decoding; other bits: optional feature templates), a UTF-8 info
//! string (`u32` length + bytes), transitions `(9+1)×9 f32` (last row = sentence start),
//! weight scale `f32`, then the tables as slot images ([`crate::table::write_image`]:
//! capacity, count, occupancy bitmap, records in slot order):
//!
//! 1. feature weights: records `u64` key + `9×i16` quantised row;
//! 2. word clusters: `u64` key + `u64` packed ids;
//! 3. merged lexicon ([`Lexicon`]): gazetteer and KB phrase lengths `u32 u32`, KB flag `u32`,
//!    then `u64` key + `u32` value (gazetteer, KB phrase and KB word bytes);
//! 4. with flag [`F_DOC`]: document-stage scale `f32` and weights as in 1;
//! 5. static-weight cache: slot image of `u64` raw-word keys (row index = slot rank), then
//!    the rows, `9×i32` sums each, in that order. [`Model::from_static`] (the embedded
//!    model) reads the rows where they lie instead of copying them.
//!
//! Loading copies each table into place in one sequential pass — no hashing, no probing and
//! no lexicon merge (format 1, `RASDTAG1`, stored sorted entries and rebuilt every table by
//! insertion, which cost ~60 ms CPU). Lookups depend only on the stored key sets, so the
//! tags are those of format 1 bit for bit.

use crate::features::{ClusterTable, Lexicon, FEATURE_VERSION, F_DOC};
use crate::labels::{Label, NUM_LABELS};
use crate::table::{le_u64, read_image, write_image, Reader, U64Map};
use crate::Error;

const MAGIC: &[u8; 8] = b"RASDTAG2";
/// Magic of the previous format (sorted entries, rebuilt by insertion at load).
const MAGIC_V1: &[u8; 8] = b"RASDTAG1";

/// One slot of the weight table: the feature key and its quantised weight row side by side,
/// so a lookup touches a single cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(32))]
struct Slot {
    key: u64,
    w: [i16; NUM_LABELS],
}

/// Open-addressing table from feature key to a quantised weight row (`i16 × NUM_LABELS`,
/// real weight = value × `scale`).
#[derive(Debug, Clone, Default)]
pub struct WeightTable {
    slots: Vec<Slot>,
    mask: usize,
    len: usize,
    /// Multiply summed integer weights by this to get scores.
    pub scale: f32,
}

impl WeightTable {
    /// Build from `(key, row)` pairs with float weights, quantising to 16 bits.
    pub fn build(rows: &[(u64, [f32; NUM_LABELS])]) -> WeightTable {
        let maxabs = rows
            .iter()
            .flat_map(|r| r.1.iter())
            .fold(0f32, |m, w| m.max(w.abs()));
        let scale = if maxabs > 0.0 { maxabs / 32767.0 } else { 1.0 };
        let q = rows
            .iter()
            .map(|(k, r)| {
                let mut w = [0i16; NUM_LABELS];
                for (x, v) in w.iter_mut().zip(r) {
                    *x = (v / scale).round().clamp(-32767.0, 32767.0) as i16;
                }
                (*k, w)
            })
            .collect::<Vec<_>>();
        Self::from_quantised(&q, scale)
    }

    /// Build from already quantised rows.
    pub fn from_quantised(rows: &[(u64, [i16; NUM_LABELS])], scale: f32) -> WeightTable {
        // load factor between 1/3 and 2/3: small enough for short probe runs, dense
        // enough to keep the table cache-friendly
        let cap = (rows.len().max(4) * 3 / 2).next_power_of_two();
        let mut t = WeightTable {
            slots: vec![Slot::default(); cap],
            mask: cap - 1,
            len: 0,
            scale,
        };
        const AHEAD: usize = 8;
        for (n, (k, w)) in rows.iter().enumerate() {
            if let Some((ka, _)) = rows.get(n + AHEAD) {
                t.prefetch(*ka);
            }
            let key = (*k).max(1);
            let mut i = (key as usize) & t.mask;
            loop {
                let s = &mut t.slots[i];
                if s.key == 0 || s.key == key {
                    if s.key == 0 {
                        t.len += 1;
                    }
                    s.key = key;
                    s.w = *w;
                    break;
                }
                i = (i + 1) & t.mask;
            }
        }
        t
    }

    /// Number of features.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Quantised weight row of a key.
    #[inline]
    pub fn get(&self, key: u64) -> Option<&[i16; NUM_LABELS]> {
        if self.slots.is_empty() {
            return None;
        }
        let key = key.max(1);
        let mut i = (key as usize) & self.mask;
        loop {
            let s = self.slots.get(i)?;
            if s.key == key {
                return Some(&s.w);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Hint the CPU to load the slot where `key` would start probing (no effect on results;
    /// hides the cache miss that otherwise dominates tagging time).
    #[inline]
    pub fn prefetch(&self, key: u64) {
        #[cfg(target_arch = "x86_64")]
        if let Some(s) = self.slots.get((key.max(1) as usize) & self.mask) {
            // SAFETY: the pointer is derived from a live reference into `slots`; a prefetch
            // never dereferences architecturally and cannot fault.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    (s as *const Slot).cast::<i8>(),
                );
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    /// Append the slot image of the canonical layout (sorted keys inserted into the same
    /// capacity as [`WeightTable::from_quantised`] chooses). The scale is not included.
    fn write_image(&self, out: &mut Vec<u8>) {
        let c = WeightTable::from_quantised(&self.entries(), self.scale);
        write_image(
            out,
            &c.slots,
            |s| s.key != 0,
            |s, o| {
                o.extend_from_slice(&s.key.to_le_bytes());
                for q in s.w {
                    o.extend_from_slice(&q.to_le_bytes());
                }
            },
        );
    }

    /// Read a slot image written by [`WeightTable::write_image`].
    fn read_image(r: &mut Reader<'_>, scale: f32) -> Result<WeightTable, Error> {
        let (slots, len) = read_image(r, FROW, Slot::default(), parse_slot)?;
        Ok(WeightTable {
            mask: slots.len().saturating_sub(1),
            slots,
            len,
            scale,
        })
    }

    /// All rows sorted by key.
    pub fn entries(&self) -> Vec<(u64, [i16; NUM_LABELS])> {
        let mut v: Vec<_> = self
            .slots
            .iter()
            .filter(|s| s.key != 0)
            .map(|s| (s.key, s.w))
            .collect();
        v.sort_unstable_by_key(|x| x.0);
        v
    }
}
/// Bytes of one stored static-weight cache row (`NUM_LABELS × i32`).
const CROW: usize = 4 * NUM_LABELS;

/// The static-weight cache rows as stored in the model file (`NUM_LABELS` little-endian
/// `i32` per row), borrowed from the embedded model's bytes or owned. Borrowing spares the
/// load a 3.6 MB copy (and its page faults); a row is decoded when looked up.
#[derive(Debug, Clone, Default)]
pub(crate) struct CacheRows(std::borrow::Cow<'static, [u8]>);

impl CacheRows {
    /// Number of rows.
    pub(crate) fn len(&self) -> usize {
        self.0.len() / CROW
    }

    /// True when there are no rows.
    pub(crate) fn is_empty(&self) -> bool {
        self.0.len() < CROW
    }

    /// Row `i`.
    #[inline]
    pub(crate) fn get(&self, i: usize) -> Option<[i32; NUM_LABELS]> {
        let b = self.0.get(i.checked_mul(CROW)?..)?.get(..CROW)?;
        let mut row = [0i32; NUM_LABELS];
        for (x, c) in row.iter_mut().zip(b.chunks_exact(4)) {
            *x = i32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Some(row)
    }

    /// Append a row.
    pub(crate) fn push(&mut self, row: [i32; NUM_LABELS]) {
        let v = self.0.to_mut();
        for x in row {
            v.extend_from_slice(&x.to_le_bytes());
        }
    }

    /// Remove every row.
    #[cfg(test)]
    pub(crate) fn clear(&mut self) {
        self.0 = std::borrow::Cow::Borrowed(&[]);
    }
}

/// Row index of the "sentence start" pseudo-label in the transition matrix.
pub const START: usize = NUM_LABELS;

/// A trained tagging model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// Feature key → quantised emission weights.
    pub(crate) feat: WeightTable,
    /// `(NUM_LABELS + 1) × NUM_LABELS` transition weights; row `START` = sentence start.
    pub(crate) trans: Vec<f32>,
    /// Word clusters used by the features.
    pub(crate) clusters: ClusterTable,
    /// Document-level second-stage weights (see `crate::doc`; present with [`F_DOC`]).
    pub(crate) doc: WeightTable,
    /// The training gazetteer and (with [`F_KB`](crate::features::F_KB)) the knowledge-base lexicon, merged
    /// ([`Lexicon::new`]); the file stores the merged table, so loading does no merge.
    pub(crate) lex: Lexicon,
    /// Forbid `I-X` unless preceded by `B-X`/`I-X`.
    pub(crate) constrained: bool,
    /// Free-text provenance (training parameters).
    pub(crate) info: String,
    /// Optional feature templates enabled (`features::F_*` bits).
    pub(crate) fflags: u32,
    /// Raw-word hash → index into `cache_rows`: summed quantised weights of the word's
    /// static features (see `features::static_features`), so frequent words skip ~40 lookups.
    pub(crate) cache: U64Map,
    /// Cached static weight sums.
    pub(crate) cache_rows: CacheRows,
    /// Cluster domain sizes for the context tables (`crate::ctxtab::cluster_caps_add`),
    /// gathered while loading `clusters`; `None` = compute from `clusters` when needed.
    pub(crate) clus_caps: Option<[u64; 3]>,
}

/// True if label `to` may follow `from` (START allowed as `from`) under IOB2.
pub fn allowed(from: usize, to: usize) -> bool {
    match Label::from_index(to) {
        Label::I(t) => {
            from != START && matches!(Label::from_index(from), Label::B(u) | Label::I(u) if u == t)
        }
        _ => true,
    }
}

/// Effective transition matrix: `trans` with forbidden IOB2 transitions set to −1e30 when
/// `constrained`; row `START` holds the start scores.
pub fn effective_transitions(
    trans: &[f32],
    constrained: bool,
) -> [[f32; NUM_LABELS]; NUM_LABELS + 1] {
    const NEG: f32 = -1e30;
    let mut m = [[0f32; NUM_LABELS]; NUM_LABELS + 1];
    for (a, row) in m.iter_mut().enumerate() {
        for (b, v) in row.iter_mut().enumerate() {
            *v = if constrained && !allowed(a, b) {
                NEG
            } else {
                trans.get(a * NUM_LABELS + b).copied().unwrap_or(0.0)
            };
        }
    }
    m
}

/// Viterbi over emission scores `em` (`n × NUM_LABELS`) and transitions; returns the best
/// label indices and, if `conf` is given, fills per-position confidences from max-marginals.
pub fn viterbi(
    em: &[f32],
    trans: &[f32],
    constrained: bool,
    out: &mut Vec<u8>,
    conf: Option<&mut Vec<f32>>,
) {
    viterbi_eff(em, &effective_transitions(trans, constrained), out, conf);
}

/// [`viterbi`] with a precomputed [`effective_transitions`] matrix.
pub fn viterbi_eff(
    em: &[f32],
    tr: &[[f32; NUM_LABELS]; NUM_LABELS + 1],
    out: &mut Vec<u8>,
    conf: Option<&mut Vec<f32>>,
) {
    viterbi_pairs(em, tr, &[], out, conf);
}

/// Transition matrix into position `t`: `tr` plus the label-pair scores of position `t`
/// (`pair[t·PAIR_W..]`, indexed by previous-label class and current label), if any.
#[inline]
fn trans_at(
    tr: &[[f32; NUM_LABELS]; NUM_LABELS + 1],
    pair: &[f32],
    t: usize,
) -> [[f32; NUM_LABELS]; NUM_LABELS + 1] {
    use crate::pairfeat::{pair_class, PAIR_W};
    let mut m = *tr;
    if let Some(ps) = pair.get(t * PAIR_W..(t + 1) * PAIR_W) {
        for (p, row) in m.iter_mut().enumerate() {
            let c = pair_class(p);
            for (y, v) in row.iter_mut().enumerate() {
                *v += ps.get(c * NUM_LABELS + y).copied().unwrap_or(0.0);
            }
        }
    }
    m
}

/// [`viterbi_eff`] with per-position label-pair scores `pair` (`n × PAIR_W`, see
/// `crate::pairfeat`; empty = none) added to the transitions into each position.
pub fn viterbi_pairs(
    em: &[f32],
    tr0: &[[f32; NUM_LABELS]; NUM_LABELS + 1],
    pair: &[f32],
    out: &mut Vec<u8>,
    conf: Option<&mut Vec<f32>>,
) {
    const L: usize = NUM_LABELS;
    let has_pairs = !pair.is_empty();
    out.clear();
    let rows: Vec<[f32; L]> = em
        .chunks_exact(L)
        .map(|c| {
            let mut r = [0f32; L];
            r.copy_from_slice(c);
            r
        })
        .collect();
    let n = rows.len();
    if n == 0 {
        if let Some(c) = conf {
            c.clear();
        }
        return;
    }
    let mut alpha: Vec<[f32; L]> = Vec::with_capacity(n);
    let mut back: Vec<[u8; L]> = Vec::with_capacity(n);
    let mut first = [0f32; L];
    let tr_first = if has_pairs {
        trans_at(tr0, pair, 0)
    } else {
        *tr0
    };
    for ((f, e), t) in first.iter_mut().zip(&rows[0]).zip(&tr_first[START]) {
        *f = e + t;
    }
    alpha.push(first);
    back.push([0; L]);
    for (ti, row) in rows.iter().enumerate().skip(1) {
        let local;
        let tr = if has_pairs {
            local = trans_at(tr0, pair, ti);
            &local
        } else {
            tr0
        };
        let prev = alpha[alpha.len() - 1];
        let mut cur = [0f32; L];
        let mut bp = [0u8; L];
        for y in 0..L {
            let mut best = f32::NEG_INFINITY;
            let mut arg = 0u8;
            for (p, (a, trow)) in prev.iter().zip(tr.iter()).enumerate() {
                let s = a + trow[y];
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            cur[y] = best + row[y];
            bp[y] = arg;
        }
        alpha.push(cur);
        back.push(bp);
    }
    backtrack(&alpha[n - 1], &back, out);
    if let Some(conf) = conf {
        // backward max-product pass, then softmax of max-marginals at each position
        let mut beta: Vec<[f32; L]> = vec![[0f32; L]; n];
        for t in (0..n - 1).rev() {
            let local;
            let tr = if has_pairs {
                local = trans_at(tr0, pair, t + 1);
                &local
            } else {
                tr0
            };
            let mut nxt = [0f32; L];
            for (k, v) in nxt.iter_mut().enumerate() {
                *v = rows[t + 1][k] + beta[t + 1][k];
            }
            let mut cur = [0f32; L];
            for (c, trow) in cur.iter_mut().zip(tr.iter()) {
                let mut best = f32::NEG_INFINITY;
                for (tv, nv) in trow.iter().zip(&nxt) {
                    let s = tv + nv;
                    if s > best {
                        best = s;
                    }
                }
                *c = best;
            }
            beta[t] = cur;
        }
        max_marginal_confidences(&alpha, &beta, out, conf);
    }
}

/// Viterbi read-out shared by both decoders: the best label of the last position `last`
/// (the first on ties), then the back-pointers `back` (one row per position) traced into
/// `out`, which gets one label per row.
fn backtrack(last: &[f32; NUM_LABELS], back: &[[u8; NUM_LABELS]], out: &mut Vec<u8>) {
    let mut y = 0usize;
    for k in 1..NUM_LABELS {
        if last[k] > last[y] {
            y = k;
        }
    }
    out.resize(back.len(), 0);
    for (o, b) in out.iter_mut().zip(back).rev() {
        *o = y as u8;
        y = usize::from(b[y]) % NUM_LABELS;
    }
}

/// Per-position confidences: the softmax, over labels, of the max-marginals
/// `alpha[t] + beta[t]`, taken at the chosen label `out[t]` (shared by both decoders so
/// their confidences stay bit-identical).
fn max_marginal_confidences(
    alpha: &[[f32; NUM_LABELS]],
    beta: &[[f32; NUM_LABELS]],
    out: &[u8],
    conf: &mut Vec<f32>,
) {
    conf.clear();
    for ((a, b), &y) in alpha.iter().zip(beta).zip(out) {
        let mut m = [0f32; NUM_LABELS];
        for ((x, av), bv) in m.iter_mut().zip(a).zip(b) {
            *x = av + bv;
        }
        let top = m.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        // terms below e^-30 cannot change the result; skipping them avoids the slow
        // underflow path of exp for forbidden (−1e30) labels
        let z: f32 = m
            .iter()
            .map(|v| v - top)
            .filter(|d| *d > -30.0)
            .map(f32::exp)
            .sum();
        let chosen = m.get(y as usize).copied().unwrap_or(f32::NEG_INFINITY);
        let d = chosen - top;
        let num = if d > -30.0 { d.exp() } else { 0.0 };
        conf.push((num / z).clamp(0.0, 1.0));
    }
}

/// Viterbi decoder for a fixed transition matrix (no label-pair scores), equal in results
/// to [`viterbi_eff`] bit for bit but cheaper: no per-sentence copies of the emissions,
/// and loops laid out so that the compiler vectorises them over labels (every label's
/// maximum still visits predecessors / successors in ascending order with a strict `>`,
/// so maxima and first arg-maxima are exactly those of [`viterbi_eff`]).
#[derive(Debug, Clone)]
pub struct Decoder {
    tr: [[f32; NUM_LABELS]; NUM_LABELS + 1],
    /// `trt[k][c] = tr[c][k]` for the backward pass.
    trt: [[f32; NUM_LABELS]; NUM_LABELS],
}

impl Decoder {
    /// A decoder for the effective transition matrix `tr`.
    pub fn new(tr: &[[f32; NUM_LABELS]; NUM_LABELS + 1]) -> Decoder {
        let trt = std::array::from_fn(|k| std::array::from_fn(|c| tr[c][k]));
        Decoder { tr: *tr, trt }
    }

    /// Best label indices into `out` and, if `conf` is given, per-position confidences
    /// (softmaxed max-marginals), exactly as [`viterbi_eff`] computes them.
    pub fn decode(&self, em: &[f32], out: &mut Vec<u8>, conf: Option<&mut Vec<f32>>) {
        const L: usize = NUM_LABELS;
        out.clear();
        let n = em.len() / L;
        if n == 0 {
            if let Some(c) = conf {
                c.clear();
            }
            return;
        }
        let tr = &self.tr;
        let mut alpha: Vec<[f32; L]> = Vec::with_capacity(n);
        let mut back: Vec<[u8; L]> = Vec::with_capacity(n);
        let mut prev = [0f32; L];
        for (ti, row) in em.chunks_exact(L).enumerate() {
            let mut cur = [0f32; L];
            let mut bp = [0u8; L];
            if ti == 0 {
                for ((c, e), t) in cur.iter_mut().zip(row).zip(&tr[START]) {
                    *c = e + t;
                }
            } else {
                let mut best = [f32::NEG_INFINITY; L];
                for (p, trow) in tr.iter().take(L).enumerate() {
                    let a = prev[p];
                    for ((b, g), t) in best.iter_mut().zip(bp.iter_mut()).zip(trow) {
                        let s = a + t;
                        if s > *b {
                            *b = s;
                            *g = p as u8;
                        }
                    }
                }
                for ((c, b), e) in cur.iter_mut().zip(best).zip(row) {
                    *c = b + e;
                }
            }
            alpha.push(cur);
            back.push(bp);
            prev = cur;
        }
        backtrack(&prev, &back, out);
        let Some(conf) = conf else { return };
        // backward max-product pass, then softmax of max-marginals at each position
        let mut beta: Vec<[f32; L]> = vec![[0f32; L]; n];
        for t in (0..n - 1).rev() {
            let mut nxt = [0f32; L];
            let er = em.get((t + 1) * L..(t + 2) * L).unwrap_or(&[]);
            for ((v, e), b) in nxt.iter_mut().zip(er).zip(&beta[t + 1]) {
                *v = e + b;
            }
            let mut cur = [f32::NEG_INFINITY; L];
            for (col, nv) in self.trt.iter().zip(nxt) {
                for (c, tv) in cur.iter_mut().zip(col) {
                    let s = tv + nv;
                    if s > *c {
                        *c = s;
                    }
                }
            }
            beta[t] = cur;
        }
        max_marginal_confidences(&alpha, &beta, out, conf);
    }
}

impl Model {
    /// Emission scores for a sentence's feature keys (`offsets.len() == n + 1`).
    pub fn emissions(&self, keys: &[u64], offsets: &[usize], em: &mut Vec<f32>) {
        let n = offsets.len().saturating_sub(1);
        em.clear();
        em.resize(n * NUM_LABELS, 0.0);
        let scale = self.feat.scale;
        const AHEAD: usize = 12;
        for &k in keys.iter().take(AHEAD) {
            self.feat.prefetch(k);
        }
        for (t, w) in offsets.windows(2).enumerate() {
            let mut acc = [0i32; NUM_LABELS];
            for j in w[0]..w[1] {
                if let Some(&ahead) = keys.get(j + AHEAD) {
                    self.feat.prefetch(ahead);
                }
                let Some(&k) = keys.get(j) else { continue };
                if let Some(row) = self.feat.get(k) {
                    for (x, v) in acc.iter_mut().zip(row) {
                        *x += i32::from(*v);
                    }
                }
            }
            if let Some(out) = em.get_mut(t * NUM_LABELS..(t + 1) * NUM_LABELS) {
                for (o, a) in out.iter_mut().zip(acc) {
                    *o = a as f32 * scale;
                }
            }
        }
    }

    /// Emission scores when some tokens have cached static sums: `base[t]` (if `Some`) is
    /// added to token t's sum over `keys[offsets[t]..offsets[t+1]]`.
    pub fn emissions_with_base(
        &self,
        keys: &[u64],
        offsets: &[usize],
        base: &[Option<u32>],
        em: &mut Vec<f32>,
    ) {
        let n = offsets.len().saturating_sub(1);
        em.clear();
        em.resize(n * NUM_LABELS, 0.0);
        let scale = self.feat.scale;
        const AHEAD: usize = 12;
        for &k in keys.iter().take(AHEAD) {
            self.feat.prefetch(k);
        }
        for (t, w) in offsets.windows(2).enumerate() {
            let mut acc = base
                .get(t)
                .copied()
                .flatten()
                .and_then(|i| self.cache_rows.get(i as usize))
                .unwrap_or([0i32; NUM_LABELS]);
            for j in w[0]..w[1] {
                if let Some(&ahead) = keys.get(j + AHEAD) {
                    self.feat.prefetch(ahead);
                }
                let Some(&k) = keys.get(j) else { continue };
                if let Some(row) = self.feat.get(k) {
                    for (x, v) in acc.iter_mut().zip(row) {
                        *x += i32::from(*v);
                    }
                }
            }
            if let Some(out) = em.get_mut(t * NUM_LABELS..(t + 1) * NUM_LABELS) {
                for (o, a) in out.iter_mut().zip(acc) {
                    *o = a as f32 * scale;
                }
            }
        }
    }

    /// Emission scores when every token starts from a precomputed integer sum: `init[t]`
    /// plus the weights of `keys[offsets[t]..offsets[t+1]]`.
    pub fn emissions_with_init(
        &self,
        keys: &[u64],
        offsets: &[usize],
        init: &[[i32; NUM_LABELS]],
        em: &mut Vec<f32>,
    ) {
        let n = offsets.len().saturating_sub(1);
        em.clear();
        em.resize(n * NUM_LABELS, 0.0);
        let scale = self.feat.scale;
        const AHEAD: usize = 12;
        for &k in keys.iter().take(AHEAD) {
            self.feat.prefetch(k);
        }
        for ((w, out), a0) in offsets
            .windows(2)
            .zip(em.chunks_exact_mut(NUM_LABELS))
            .zip(init)
        {
            let mut acc = *a0;
            for j in w[0]..w[1] {
                if let Some(&ahead) = keys.get(j + AHEAD) {
                    self.feat.prefetch(ahead);
                }
                let Some(&k) = keys.get(j) else { continue };
                if let Some(row) = self.feat.get(k) {
                    for (x, v) in acc.iter_mut().zip(row) {
                        *x += i32::from(*v);
                    }
                }
            }
            for (o, a) in out.iter_mut().zip(acc) {
                *o = a as f32 * scale;
            }
        }
    }

    /// The cached static weight sum at `i` (see [`Model::cached`]).
    #[inline]
    pub fn cache_row(&self, i: u32) -> Option<[i32; NUM_LABELS]> {
        self.cache_rows.get(i as usize)
    }

    /// Build the per-word static-weight cache for the given word forms (duplicates ignored,
    /// at most `cap` entries, in the order given).
    pub fn build_cache<'a>(&mut self, words: impl IntoIterator<Item = &'a str>, cap: usize) {
        use crate::features::{analyse, static_features};
        let mut cache = U64Map::default();
        let mut rows = CacheRows::default();
        let mut infos = Vec::new();
        let mut keys = Vec::new();
        let empty = Lexicon::default();
        for w in words {
            if rows.len() >= cap {
                break;
            }
            analyse(&[w], &self.clusters, &empty, &[], self.fflags, &mut infos);
            let Some(ti) = infos.first() else { continue };
            let key = crate::features::raw_key(ti);
            if cache.get(key).is_some() {
                continue;
            }
            keys.clear();
            static_features(ti, &mut keys);
            let mut acc = [0i32; NUM_LABELS];
            for &k in &keys {
                if let Some(row) = self.feat.get(k) {
                    for (x, v) in acc.iter_mut().zip(row) {
                        *x += i32::from(*v);
                    }
                }
            }
            cache.insert(key, rows.len() as u64);
            rows.push(acc);
        }
        self.cache = cache;
        self.cache_rows = rows;
    }

    /// Add the document-stage weights of per-token keys to emission scores.
    pub fn add_doc_weights(&self, em: &mut [f32], keys: &[Vec<u64>]) {
        let scale = self.doc.scale;
        for (row, ks) in em.chunks_exact_mut(NUM_LABELS).zip(keys) {
            for k in ks {
                if let Some(w) = self.doc.get(*k) {
                    for (e, v) in row.iter_mut().zip(w) {
                        *e += f32::from(*v) * scale;
                    }
                }
            }
        }
    }

    /// Label-pair scores (`n × PAIR_W`, see `crate::pairfeat`) of a sentence's pair base
    /// keys (`n × PAIR_TEMPLATES`).
    pub fn pair_scores(&self, base: &[u64], out: &mut Vec<f32>) {
        let scale = self.feat.scale;
        crate::pairfeat::pair_scores(
            base,
            |k| {
                self.feat.get(k).map(|r| {
                    let mut x = [0f32; NUM_LABELS];
                    for (a, b) in x.iter_mut().zip(r) {
                        *a = f32::from(*b) * scale;
                    }
                    x
                })
            },
            out,
        );
    }

    /// Index of a raw-word hash in the static-weight cache.
    #[inline]
    pub fn cached(&self, raw_hash: u64) -> Option<u32> {
        if self.cache_rows.is_empty() {
            return None;
        }
        self.cache.get(raw_hash).map(|i| i as u32)
    }

    /// Number of weighted features.
    pub fn num_features(&self) -> usize {
        self.feat.len()
    }

    /// Provenance string stored with the model.
    pub fn info(&self) -> &str {
        &self.info
    }

    /// Serialise to bytes (weights quantised to 16 bits).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut b = Vec::new();
        b.extend_from_slice(MAGIC);
        b.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        b.extend_from_slice(&(u32::from(self.constrained) | (self.fflags & !1)).to_le_bytes());
        b.extend_from_slice(&(self.info.len() as u32).to_le_bytes());
        b.extend_from_slice(self.info.as_bytes());
        for v in &self.trans {
            b.extend_from_slice(&v.to_le_bytes());
        }
        b.extend_from_slice(&self.feat.scale.to_le_bytes());
        self.feat.write_image(&mut b);
        self.clusters
            .write_image(&mut b, |v, o| o.extend_from_slice(&v.to_le_bytes()));
        self.lex.write_image(&mut b);
        if self.fflags & F_DOC != 0 {
            b.extend_from_slice(&self.doc.scale.to_le_bytes());
            self.doc.write_image(&mut b);
        }
        // static-weight cache: keys (a row's index is its key's slot rank), then the rows
        let mut order = Vec::with_capacity(self.cache.len());
        self.cache.write_image(&mut b, |i, _| order.push(i));
        for i in order {
            let row = self.cache_rows.get(i as usize).unwrap_or_default();
            for v in row {
                b.extend_from_slice(&v.to_le_bytes());
            }
        }
        b
    }

    /// Parse a model written by [`Model::to_bytes`]. Corrupt or truncated bytes give an
    /// error, never a panic.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, Error> {
        Self::parse(bytes, |rows| {
            CacheRows(std::borrow::Cow::Owned(rows.to_vec()))
        })
    }

    /// [`Model::from_bytes`] for bytes that live as long as the program (the embedded
    /// model): the static-weight cache rows are read in place, not copied.
    pub fn from_static(bytes: &'static [u8]) -> Result<Model, Error> {
        Self::parse(bytes, |rows| CacheRows(std::borrow::Cow::Borrowed(rows)))
    }

    /// The parser behind [`Model::from_bytes`] and [`Model::from_static`]; `rows` turns the
    /// stored cache rows into [`CacheRows`] (copied or borrowed).
    fn parse<'a>(
        bytes: &'a [u8],
        rows: impl FnOnce(&'a [u8]) -> CacheRows,
    ) -> Result<Model, Error> {
        let mut r = Reader::new(bytes);
        let magic = r.take(8)?;
        if magic == MAGIC_V1 {
            return Err(Error::Data(
                "model file format 1 (RASDTAG1) is no longer read; retrain the model".into(),
            ));
        }
        if magic != MAGIC {
            return Err(Error::Data("not a rasd-tagger model (bad magic)".into()));
        }
        let ver = r.u32()?;
        if ver != FEATURE_VERSION {
            return Err(Error::Data(format!(
                "model feature version {ver}, this build expects {FEATURE_VERSION}"
            )));
        }
        let flags = r.u32()?;
        let ilen = r.u32()? as usize;
        let info = String::from_utf8_lossy(r.take(ilen)?).into_owned();
        let mut trans = Vec::with_capacity((NUM_LABELS + 1) * NUM_LABELS);
        for _ in 0..(NUM_LABELS + 1) * NUM_LABELS {
            trans.push(r.f32()?);
        }
        let scale = r.f32()?;
        let feat = WeightTable::read_image(&mut r, scale)?;
        let mut caps = [0u64; 3];
        let clusters = U64Map::read_image(&mut r, 8, |c| {
            let v = le_u64(c);
            crate::ctxtab::cluster_caps_add(&mut caps, v);
            Some(v)
        })?;
        let lex = Lexicon::read_image(&mut r)?;
        let mut doc = WeightTable::default();
        if flags & F_DOC != 0 {
            let scale = r.f32()?;
            doc = WeightTable::read_image(&mut r, scale)?;
        }
        let mut rank = 0u64;
        let cache = U64Map::read_image(&mut r, 0, |_| {
            rank += 1;
            Some(rank - 1)
        })?;
        let block = r.take(cache.len().saturating_mul(CROW))?;
        let cache_rows = rows(block);
        if !r.at_end() {
            return Err(Error::Data(
                "corrupt model file: trailing bytes after the last table".into(),
            ));
        }
        Ok(Model {
            doc,
            lex,
            cache,
            cache_rows,
            feat,
            trans,
            clusters,
            constrained: flags & 1 != 0,
            fflags: flags & !1,
            info,
            clus_caps: Some(caps),
        })
    }
}

/// Bytes of one stored weight record: `u64` key + `NUM_LABELS × i16`.
const FROW: usize = 8 + 2 * NUM_LABELS;

/// Decode one weight record (`c.len() == FROW`); `None` for a zero key (corrupt: key 0
/// marks empty slots).
fn parse_slot(c: &[u8]) -> Option<Slot> {
    let key = le_u64(c);
    let mut w = [0i16; NUM_LABELS];
    for (x, b) in w.iter_mut().zip(c.get(8..)?.chunks_exact(2)) {
        *x = i16::from_le_bytes([b[0], b[1]]);
    }
    (key != 0).then_some(Slot { key, w })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::{Gazetteer, KbLexicon};

    #[test]
    fn iob2_constraint() {
        assert!(!allowed(START, 2)); // I-PERS at start
        assert!(allowed(1, 2)); // B-PERS → I-PERS
        assert!(!allowed(0, 2)); // O → I-PERS
        assert!(!allowed(3, 2)); // B-LOC → I-PERS
        assert!(allowed(0, 3));
    }

    #[test]
    fn viterbi_follows_emissions_and_constraints() {
        let mut em = vec![0f32; 2 * NUM_LABELS];
        em[2] = 5.0; // pos 0 prefers I-PERS (forbidden at start)
        em[1] = 4.0; // B-PERS next best
        em[NUM_LABELS + 2] = 3.0;
        let trans = vec![0f32; (NUM_LABELS + 1) * NUM_LABELS];
        let mut out = Vec::new();
        let mut conf = Vec::new();
        viterbi(&em, &trans, true, &mut out, Some(&mut conf));
        assert_eq!(out, vec![1, 2]);
        assert_eq!(conf.len(), 2);
        assert!(conf.iter().all(|c| *c > 0.0 && *c <= 1.0));
        viterbi(&em, &trans, false, &mut out, None);
        assert_eq!(out, vec![2, 2]);
        viterbi(&[], &trans, true, &mut out, Some(&mut conf));
        assert!(out.is_empty() && conf.is_empty());
    }

    #[test]
    fn pair_scores_act_on_transitions_per_position() {
        use crate::pairfeat::{PAIR_CLASSES, PAIR_W};
        let mut em = vec![0f32; 2 * NUM_LABELS];
        em[1] = 4.0; // B-PERS at 0
        em[NUM_LABELS + 2] = 3.0; // I-PERS at 1
        em[NUM_LABELS] = 2.0; // O at 1
        let tr = effective_transitions(&vec![0f32; (NUM_LABELS + 1) * NUM_LABELS], true);
        let (mut a, mut b) = (Vec::new(), Vec::new());
        let (mut ca, mut cb) = (Vec::new(), Vec::new());
        viterbi_eff(&em, &tr, &mut a, Some(&mut ca));
        let zeros = vec![0f32; 2 * PAIR_W];
        viterbi_pairs(&em, &tr, &zeros, &mut b, Some(&mut cb));
        assert_eq!(a, vec![1, 2]);
        assert_eq!((&a, &ca), (&b, &cb), "zero pair scores change nothing");
        // after a PERS label (class 1), I-PERS at position 1 is penalised
        let mut ps = zeros.clone();
        ps[PAIR_W + NUM_LABELS + 2] = -5.0;
        assert_eq!(PAIR_CLASSES, 5);
        viterbi_pairs(&em, &tr, &ps, &mut b, Some(&mut cb));
        assert_eq!(b, vec![1, 0]);
        assert!(cb.iter().all(|c| *c > 0.0 && *c <= 1.0));
    }

    #[test]
    fn bytes_roundtrip_and_bad_input() {
        let mut m = Model {
            trans: vec![0.5; (NUM_LABELS + 1) * NUM_LABELS],
            constrained: true,
            info: "test".into(),
            ..Default::default()
        };
        let mut row = [0f32; NUM_LABELS];
        for (i, x) in row.iter_mut().enumerate() {
            *x = i as f32 - 4.0;
        }
        m.feat = WeightTable::build(&[(42, row)]);
        m.clusters.insert(7, 99);
        let mut gaz = Gazetteer::default();
        gaz.add(&["a", "b"], 2);
        m.fflags = crate::features::F_KB | F_DOC;
        let mut kb = KbLexicon::default();
        kb.phrases.add(&["c", "d", "e"], 4);
        kb.words.insert(11, 2);
        m.lex = Lexicon::new(&gaz, &kb);
        m.doc = WeightTable::build(&[(5, row)]);
        m.cache.insert(77, 0);
        m.cache.insert(99, 1);
        m.cache_rows.push([3; NUM_LABELS]);
        m.cache_rows.push([-7; NUM_LABELS]);
        let b = m.to_bytes();
        let m2 = Model::from_bytes(&b).unwrap();
        assert_eq!(m2.info(), "test");
        assert!(m2.constrained);
        let w = m2.feat.get(42).unwrap();
        assert!((f32::from(w[0]) * m2.feat.scale + 4.0).abs() < 1e-3);
        assert!(m2.feat.get(43).is_none());
        assert_eq!(m2.feat.entries(), m.feat.entries());
        assert_eq!(m2.doc.entries(), m.doc.entries());
        assert_eq!(m2.clusters.get(7), Some(99));
        let mut caps = [0u64; 3];
        for v in m2.clusters.values() {
            crate::ctxtab::cluster_caps_add(&mut caps, v);
        }
        assert_eq!(m2.clus_caps, Some(caps));
        assert_eq!(m2.lex.max_lens(), (2, 3));
        let ab = Gazetteer::phrase_hash(["a", "b"]);
        assert_eq!(m2.lex.raw(ab), m.lex.raw(ab));
        assert_eq!(m2.lex.raw(11), Some(2 << 16));
        assert_eq!(m2.fflags, crate::features::F_KB | F_DOC);
        let i = m2.cached(77).unwrap();
        assert_eq!(m2.cache_row(i), Some([3; NUM_LABELS]));
        let j = m2.cached(99).unwrap();
        assert_eq!(m2.cache_row(j), Some([-7; NUM_LABELS]));
        assert_eq!(m2.cached(78), None);
        // the embedded-model path (rows borrowed) reads the same model
        let leaked: &'static [u8] = Box::leak(b.clone().into_boxed_slice());
        let m3 = Model::from_static(leaked).unwrap();
        assert_eq!(m3.cache_row(m3.cached(99).unwrap()), Some([-7; NUM_LABELS]));
        assert_eq!(m3.to_bytes(), b);
        // writing the loaded model again gives the same bytes
        assert_eq!(m2.to_bytes(), b);
        assert!(Model::from_bytes(b"nonsense").is_err());
        assert!(Model::from_bytes(&[]).is_err());
        let mut v1 = b.clone();
        v1[..8].copy_from_slice(MAGIC_V1);
        let e = Model::from_bytes(&v1).unwrap_err().to_string();
        assert!(e.contains("retrain"), "{e}");
    }

    /// Every truncation and many single-byte corruptions of a model file give an error or
    /// a model, never a panic (or a lookup that never ends).
    #[test]
    fn corrupt_bytes_never_panic() {
        let mut m = Model {
            trans: vec![0.25; (NUM_LABELS + 1) * NUM_LABELS],
            ..Default::default()
        };
        let rows: Vec<(u64, [f32; NUM_LABELS])> = (1..40u64)
            .map(|k| (crate::util::mix(k), [k as f32; NUM_LABELS]))
            .collect();
        m.feat = WeightTable::build(&rows);
        for k in 1..30u64 {
            m.clusters.insert(crate::util::mix(k + 100), k);
        }
        let mut gaz = Gazetteer::default();
        gaz.add(&["x", "y"], 1);
        m.lex = Lexicon::new(&gaz, &KbLexicon::default());
        let b = m.to_bytes();
        assert!(Model::from_bytes(&b).is_ok());
        for n in 0..b.len() {
            assert!(Model::from_bytes(&b[..n]).is_err(), "truncated at {n}");
        }
        let mut extra = b.clone();
        extra.push(0);
        assert!(Model::from_bytes(&extra).is_err());
        for i in 0..b.len() {
            for x in [0x01u8, 0x80, 0xFF] {
                let mut c = b.clone();
                c[i] ^= x;
                if let Ok(m2) = Model::from_bytes(&c) {
                    // lookups must terminate on whatever loaded
                    for k in 0..50u64 {
                        let _ = m2.feat.get(crate::util::mix(k));
                        let _ = m2.clusters.get(crate::util::mix(k + 100));
                        let _ = m2.lex.raw(k);
                    }
                }
            }
        }
        // a full table (no empty slot) is rejected: cap 8 with count 8
        let mut full = Vec::new();
        crate::table::write_image(
            &mut full,
            &[1u64; 8],
            |_| true,
            |s, o| o.extend_from_slice(&s.to_le_bytes()),
        );
        let mut r = Reader::new(&full);
        assert!(read_image(&mut r, 8, 0u64, |c| Some(le_u64(c))).is_err());
    }
}
