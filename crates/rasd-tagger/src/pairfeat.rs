//! Label-bigram × word features (issue #4, structural experiment `--pairs`).
//!
//! A first-order model scores a transition `prev → cur` with one weight whatever the word.
//! The dev error breakdown shows many boundary errors that depend on the word at the
//! boundary: a person name running on into the next common word («طاهر عبدالعزيز اداري»),
//! or a first name split off. With [`F_PAIRS`] a few templates of token *t* (its normalised
//! form and its mid-granularity word cluster) are conjoined with the class of the previous
//! label (O/start, PERS, LOC, ORG, MISC): each gives a weight row over the current label,
//! stored in the ordinary weight table under a key that mixes the template hash with the
//! previous-label class. Decoding adds these scores to the transition matrix per position
//! ([`crate::model::viterbi_pairs`]); without the flag nothing changes.

use crate::labels::NUM_LABELS;
use crate::util::mix;

/// Feature flag: label-bigram × word features.
pub const F_PAIRS: u32 = 1 << 14;
/// Previous-label classes: O or sentence start, then one per entity type.
pub const PAIR_CLASSES: usize = 5;
/// Pair scores per token: `PAIR_CLASSES × NUM_LABELS`.
pub const PAIR_W: usize = PAIR_CLASSES * NUM_LABELS;
/// Base keys (templates) per token.
pub const PAIR_TEMPLATES: usize = 2;

/// Class of a previous label index (`NUM_LABELS` = sentence start counts as O).
#[inline]
pub fn pair_class(prev: usize) -> usize {
    if prev == 0 || prev >= NUM_LABELS {
        0
    } else {
        1 + (prev - 1) / 2
    }
}

/// Weight-table key of base key `base` under previous-label class `class`.
#[inline]
pub fn pair_key(base: u64, class: usize) -> u64 {
    mix(base ^ (class as u64 + 1).wrapping_mul(0xD6E8_FEB8_6659_FD93)).max(1)
}

/// Base keys of one token from its normalised-form hash and cluster hashes.
pub fn base_keys(norm: u64, clus_mid: u64) -> [u64; PAIR_TEMPLATES] {
    [
        mix(norm ^ 0x5041_4952_0001),
        mix(clus_mid ^ 0x5041_4952_0002),
    ]
}

/// Per-position pair scores (`n × PAIR_W`) from base keys (`n × PAIR_TEMPLATES`) and a
/// lookup of weight rows by key.
pub fn pair_scores(
    base: &[u64],
    lookup: impl Fn(u64) -> Option<[f32; NUM_LABELS]>,
    out: &mut Vec<f32>,
) {
    let n = base.len() / PAIR_TEMPLATES;
    out.clear();
    out.resize(n * PAIR_W, 0.0);
    for (t, ks) in base.chunks_exact(PAIR_TEMPLATES).enumerate() {
        for c in 0..PAIR_CLASSES {
            let Some(dst) =
                out.get_mut(t * PAIR_W + c * NUM_LABELS..t * PAIR_W + (c + 1) * NUM_LABELS)
            else {
                continue;
            };
            for k in ks {
                if let Some(row) = lookup(pair_key(*k, c)) {
                    for (d, v) in dst.iter_mut().zip(row) {
                        *d += v;
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes_and_keys() {
        assert_eq!(pair_class(0), 0);
        assert_eq!(pair_class(NUM_LABELS), 0);
        assert_eq!(pair_class(1), 1);
        assert_eq!(pair_class(2), 1);
        assert_eq!(pair_class(8), 4);
        let ks: Vec<u64> = (0..PAIR_CLASSES).map(|c| pair_key(42, c)).collect();
        let mut d = ks.clone();
        d.sort_unstable();
        d.dedup();
        assert_eq!(d.len(), PAIR_CLASSES);
    }

    #[test]
    fn scores_sum_rows_of_found_keys() {
        let base = base_keys(7, 9);
        let hit = pair_key(base[0], 2);
        let mut out = Vec::new();
        pair_scores(&base, |k| (k == hit).then_some([1.0; NUM_LABELS]), &mut out);
        assert_eq!(out.len(), PAIR_W);
        let sum: f32 = out.iter().sum();
        assert_eq!(sum, NUM_LABELS as f32);
        assert_eq!(out[2 * NUM_LABELS], 1.0);
    }
}
