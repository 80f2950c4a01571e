//! Document-level second stage ("stacking"): features of a token computed from the
//! first-stage predictions for the *same word elsewhere in the document* (within a window
//! of sentences), whose weights are added to the first-stage emission scores before a
//! second Viterbi pass.
//!
//! Why: an entity name is usually mentioned several times in a news document, and some
//! mentions are easy (after a title, inside a known phrase) while others are not. The
//! first-stage model sees one sentence; this stage lets the easy mentions vote for the hard
//! ones, with weights learnt on jackknifed first-stage predictions of the training data
//! (each training fold tagged by a model that never saw it), so the weights reflect how
//! reliable the first stage is on unseen text.

use crate::labels::NUM_LABELS;
use crate::normalize::{normalize, segment};
use crate::util::mix;
use rustc_hash::FxHashMap;

/// Feature key of document code `code` (word codes `0..16`, stem codes `16..32`).
fn key(code: u64) -> u64 {
    mix(0xD0C0_0000_0000_0000 ^ code).max(1)
}

/// Per-token document feature keys for a document given as sentences of tokens and the
/// first-stage label indices (same shape). For each token, the other occurrences of its
/// normalised form (and, separately, of its clitic-stripped stem) within `window`
/// sentences contribute one key per distinct predicted `B-X` / `I-X`, a key when all
/// of them were `O`, and a key when two or more were entities.
pub fn doc_keys(sentences: &[Vec<&str>], labels: &[Vec<u8>], window: usize) -> Vec<Vec<Vec<u64>>> {
    // (word or stem hash, kind) → occurrences (sentence, position) in document order
    let mut occ: FxHashMap<(String, u8), Vec<(usize, usize)>> = FxHashMap::default();
    let mut forms: Vec<Vec<(String, String)>> = Vec::with_capacity(sentences.len());
    for (si, s) in sentences.iter().enumerate() {
        let mut fs = Vec::with_capacity(s.len());
        for (ti, t) in s.iter().enumerate() {
            let n = normalize(t);
            let stem = segment(&n).stem.to_string();
            if n.chars().count() >= 2 && n.chars().any(crate::normalize::is_arabic_letter) {
                occ.entry((n.clone(), 0)).or_default().push((si, ti));
                occ.entry((stem.clone(), 1)).or_default().push((si, ti));
            }
            fs.push((n, stem));
        }
        forms.push(fs);
    }
    let label_at = |si: usize, ti: usize| -> u8 {
        labels.get(si).and_then(|l| l.get(ti)).copied().unwrap_or(0)
    };
    let mut out: Vec<Vec<Vec<u64>>> = Vec::with_capacity(sentences.len());
    for (si, fs) in forms.iter().enumerate() {
        let mut sent = Vec::with_capacity(fs.len());
        for (ti, (n, stem)) in fs.iter().enumerate() {
            let mut keys = Vec::new();
            for (kind, form) in [(0u8, n), (1u8, stem)] {
                let Some(list) = occ.get(&(form.clone(), kind)) else {
                    continue;
                };
                let lo = list.partition_point(|&(s, _)| s + window < si);
                let mut seen = 0u32; // bit per label index
                let mut ents = 0u32;
                let mut others = 0u32;
                for &(s, t) in list.get(lo..).unwrap_or(&[]) {
                    if s > si + window {
                        break;
                    }
                    if (s, t) == (si, ti) {
                        continue;
                    }
                    others += 1;
                    let l = label_at(s, t);
                    seen |= 1 << l;
                    if l != 0 {
                        ents += 1;
                    }
                }
                if others == 0 {
                    continue;
                }
                let base = 16 * u64::from(kind);
                for l in 1..NUM_LABELS as u64 {
                    if seen & (1 << l) != 0 {
                        keys.push(key(base + l));
                    }
                }
                if ents == 0 {
                    keys.push(key(base + 10));
                } else if ents >= 2 {
                    keys.push(key(base + 11));
                }
            }
            sent.push(keys);
        }
        out.push(sent);
    }
    out
}

/// One training sentence of the second stage.
pub struct DocInstance {
    /// First-stage emission scores (`n × NUM_LABELS`).
    pub em: Vec<f32>,
    /// Document feature keys per token.
    pub keys: Vec<Vec<u64>>,
    /// Gold label indices (strict IOB2).
    pub gold: Vec<u8>,
    /// Index of the transition matrix (of the first-stage model that produced `em`).
    pub trans: usize,
}

/// Train the second-stage weights (averaged perceptron; only the document features are
/// learnt, first-stage emissions and transitions stay fixed). Deterministic for a seed.
pub fn train_doc(
    data: &[DocInstance],
    trans: &[[[f32; NUM_LABELS]; NUM_LABELS + 1]],
    epochs: usize,
    seed: u64,
) -> Vec<(u64, [f32; NUM_LABELS])> {
    let mut ids: FxHashMap<u64, usize> = FxHashMap::default();
    let mut keys_in_order: Vec<u64> = Vec::new();
    for d in data {
        for k in d.keys.iter().flatten() {
            ids.entry(*k).or_insert_with(|| {
                keys_in_order.push(*k);
                keys_in_order.len() - 1
            });
        }
    }
    let nf = keys_in_order.len();
    let mut w = vec![0f32; nf * NUM_LABELS];
    let mut u = vec![0f32; nf * NUM_LABELS];
    let mut c = 1f32;
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut rng = crate::util::Rng::new(seed ^ 0xD0C);
    let mut em = Vec::new();
    let mut pred = Vec::new();
    for _ in 0..epochs {
        rng.shuffle(&mut order);
        for &i in &order {
            let Some(d) = data.get(i) else { continue };
            em.clear();
            em.extend_from_slice(&d.em);
            for (t, ks) in d.keys.iter().enumerate() {
                for k in ks {
                    if let Some(&id) = ids.get(k) {
                        for l in 0..NUM_LABELS {
                            if let (Some(e), Some(x)) =
                                (em.get_mut(t * NUM_LABELS + l), w.get(id * NUM_LABELS + l))
                            {
                                *e += *x;
                            }
                        }
                    }
                }
            }
            let Some(tr) = trans.get(d.trans) else {
                continue;
            };
            crate::model::viterbi_eff(&em, tr, &mut pred, None);
            for (t, ks) in d.keys.iter().enumerate() {
                let (Some(&g), Some(&y)) = (d.gold.get(t), pred.get(t)) else {
                    continue;
                };
                if g == y {
                    continue;
                }
                for k in ks {
                    if let Some(&id) = ids.get(k) {
                        for (l, dlt) in [(g as usize, 1f32), (y as usize, -1f32)] {
                            if let Some(x) = w.get_mut(id * NUM_LABELS + l) {
                                *x += dlt;
                            }
                            if let Some(x) = u.get_mut(id * NUM_LABELS + l) {
                                *x += c * dlt;
                            }
                        }
                    }
                }
            }
            c += 1.0;
        }
    }
    keys_in_order
        .iter()
        .enumerate()
        .map(|(id, k)| {
            let mut row = [0f32; NUM_LABELS];
            for (l, r) in row.iter_mut().enumerate() {
                let i = id * NUM_LABELS + l;
                *r = w.get(i).copied().unwrap_or(0.0) - u.get(i).copied().unwrap_or(0.0) / c;
            }
            (*k, row)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Label;

    #[test]
    fn keys_come_from_other_mentions_within_the_window() {
        let s: Vec<Vec<&str>> = vec![
            vec!["قال", "بوش"],
            vec!["وبوش", "في"],
            vec!["x"],
            vec!["بوش"],
        ];
        let b = Label::B(crate::labels::EntityType::Pers).index() as u8;
        let labels = vec![vec![0, b], vec![0, 0], vec![0], vec![0]];
        let k = doc_keys(&s, &labels, 1);
        // sentence 1 token 0: its stem بوش was B-PERS in sentence 0
        assert!(k[1][0].contains(&key(16 + u64::from(b))));
        // the B-PERS mention itself only sees O mentions of its word (sentence 1 is وبوش,
        // a different surface form; sentence 3 is out of the window)
        assert!(!k[0][1].contains(&key(u64::from(b))));
        // sentence 3 is two sentences away from the only B-PERS mention
        assert!(!k[3][0].contains(&key(u64::from(b))));
        assert!(!k[3][0].contains(&key(16 + u64::from(b))));
        assert!(doc_keys(&[], &[], 3).is_empty());
    }
}
