//! Context tables: precomputed weight rows of the contextual templates whose values come
//! from small domains (neighbours' word clusters, gazetteer and knowledge-base bits, the
//! sentence-start flag; see [`crate::features::TABLED`]).
//!
//! Hashing such a (template, value) pair and probing the 8 MB weight table costs a mixing
//! step and usually a cache miss; with at most a few thousand distinct pairs per model, the
//! tagger instead looks their summed rows up by direct indexing in a ~0.4 MB table built
//! once when the tagger is created (< 1 ms). Integer sums are exact and order-free, so
//! emission scores are bit-identical to probing every key (checked by the tests here and in
//! `lib.rs`).

use crate::features::{feature_key, ClusterTable, Domain, BOS, EOS, NONE, TABLED};
use crate::labels::NUM_LABELS;
use crate::model::WeightTable;

/// Templates are looked up by id below this bound.
const MAX_TPL: usize = 256;
/// Cluster ids above this are left to the hashed path (keeps tables small for any model).
const CAP_LIMIT: u64 = 4096;

/// Summed weight rows per (tabled template, value).
#[derive(Debug, Clone, Default)]
pub struct CtxTables {
    /// Template id → (first row in `rows`, largest value index `cap`); `cap` = `u32::MAX`
    /// for templates that are not tabled.
    index: Vec<(u32, u32)>,
    rows: Vec<[i32; NUM_LABELS]>,
}

/// Slot of value `v` in a template's rows: NONE, BOS, EOS, 0, then 1..=cap.
#[inline]
fn slot(v: u64, cap: u32) -> Option<usize> {
    match v {
        NONE => Some(0),
        BOS => Some(1),
        EOS => Some(2),
        v if v <= u64::from(cap) => Some(v as usize + 3),
        _ => None,
    }
}

/// Inverse of [`slot`].
fn value_of(slot: usize) -> u64 {
    match slot {
        0 => NONE,
        1 => BOS,
        2 => EOS,
        s => s as u64 - 3,
    }
}

/// Fold one packed cluster value (three 16-bit ids) into per-granularity domain sizes.
#[inline]
pub fn cluster_caps_add(caps: &mut [u64; 3], v: u64) {
    for (k, c) in caps.iter_mut().enumerate() {
        *c = (*c).max(((v >> (16 * k)) & 0xFFFF) + 1);
    }
}

impl CtxTables {
    /// Precompute the rows of every [`TABLED`] template for every value of its domain
    /// (cluster domains sized by the largest id in `clusters`, at most [`CAP_LIMIT`]).
    pub fn build(feat: &WeightTable, clusters: &ClusterTable) -> CtxTables {
        let mut caps = [0u64; 3];
        for v in clusters.values() {
            cluster_caps_add(&mut caps, v);
        }
        Self::build_with_caps(feat, caps)
    }

    /// [`CtxTables::build`] with the cluster domain sizes already known (`caps[k]` = largest
    /// id + 1 of granularity `k`, as [`cluster_caps_add`] accumulates them; the model
    /// loader gathers them while reading the cluster table, which saves a pass over it).
    pub fn build_with_caps(feat: &WeightTable, caps: [u64; 3]) -> CtxTables {
        let mut t = CtxTables {
            index: vec![(0, u32::MAX); MAX_TPL],
            rows: Vec::new(),
        };
        for &(tpl, dom) in TABLED {
            let cap = match dom {
                Domain::Flag => 0,
                Domain::Cluster(k) => caps.get(k).copied().unwrap_or(0).min(CAP_LIMIT),
            } as u32;
            let Some(ix) = t.index.get_mut(tpl as usize) else {
                continue;
            };
            *ix = (t.rows.len() as u32, cap);
            for s in 0..cap as usize + 4 {
                let mut row = [0i32; NUM_LABELS];
                if let Some(w) = feat.get(feature_key(tpl, value_of(s))) {
                    for (x, v) in row.iter_mut().zip(w) {
                        *x = i32::from(*v);
                    }
                }
                t.rows.push(row);
            }
        }
        t
    }

    /// The weight row of `(tpl, v)`, or `None` when the pair is not tabled (the caller
    /// then hashes it with [`feature_key`] and probes the weight table).
    #[inline]
    pub fn row(&self, tpl: u64, v: u64) -> Option<&[i32; NUM_LABELS]> {
        let &(first, cap) = self.index.get(tpl as usize)?;
        if cap == u32::MAX {
            return None;
        }
        self.rows.get(first as usize + slot(v, cap)?)
    }

    /// Number of precomputed rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// True when nothing is tabled.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::features::pack_clusters;

    #[test]
    fn rows_equal_probed_weights() {
        let mut clusters = ClusterTable::default();
        clusters.insert(5, pack_clusters([3, 17, 200]));
        let mut rows = Vec::new();
        for (i, &(tpl, _)) in TABLED.iter().enumerate() {
            for v in [NONE, BOS, EOS, 0, 1, 4, 18, 201] {
                let mut r = [0f32; NUM_LABELS];
                for (k, x) in r.iter_mut().enumerate() {
                    *x = ((i * 7 + k * 3 + v as usize % 11) % 13) as f32 - 6.0;
                }
                rows.push((feature_key(tpl, v), r));
            }
        }
        let feat = WeightTable::build(&rows);
        let t = CtxTables::build(&feat, &clusters);
        assert!(!t.is_empty());
        for &(tpl, dom) in TABLED {
            for v in [NONE, BOS, EOS, 0, 1, 2, 4, 18, 201, 202, 5000] {
                let want = feat.get(feature_key(tpl, v)).map(|w| w.map(i32::from));
                match t.row(tpl, v) {
                    Some(r) => assert_eq!(Some(*r), want.or(Some([0; NUM_LABELS]))),
                    None => {
                        // only out-of-domain values fall back to hashing
                        let cap = match dom {
                            Domain::Flag => 0,
                            Domain::Cluster(k) => [4u64, 18, 201][k],
                        };
                        assert!(v > cap && ![NONE, BOS, EOS].contains(&v), "{tpl} {v}");
                    }
                }
            }
        }
        assert!(t.row(4, 0).is_none(), "untabled template");
        assert!(t.row(100_000, 0).is_none());
    }
}
