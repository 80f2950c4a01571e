//! Cluster coverage of unseen entity words (issue #4, semi-supervised round 2).
//!
//! Word clusters only help a name the tagger never saw in training if the name (or its
//! clitic-stripped stem) has a cluster entry. [`coverage`] measures that on k-fold
//! cross-validation over the training file: for every entity token of a held-out block
//! whose normalised form never occurs in the other blocks, does the word or its stem have
//! an entry in any of the given cluster sets? The answer decides whether character-based
//! cluster ids for out-of-vocabulary words are worth building.
//!
//! Measured (5 folds, both committed cluster sets): 42.7 % of unseen entity tokens have no
//! entry, and only 38 % of those occur in SaudiNewsNet at all (below the clustering's
//! count threshold), so most need a character-based fallback. [`suffix_table`] is that
//! fallback: every 3- and 4-character ending of the clitic-stripped stems of the
//! clustered vocabulary gets the majority mid cluster of the words that end in it (and,
//! within it, the majority fine cluster); with [`crate::features::F_OOV_CLUSTERS`] a word
//! without a cluster entry takes the clusters of its stem's ending (one extra table probe,
//! only for such words), so its cluster features and its neighbours' cluster context
//! features fire as for an in-vocabulary word of the same ending.

use crate::clusters::Clusters;
use crate::conll::Sentence;
use crate::features::{cluster_key, pack_clusters, ClusterTable};
use crate::labels::{EntityType, Label};
use crate::normalize::{normalize, segment};
use crate::train::fold_bounds;
use crate::util::hash_str;
use rustc_hash::{FxHashMap, FxHashSet};

/// Counts of [`coverage`], per entity type (`ALL` order) and in total.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Coverage {
    /// Entity tokens in held-out blocks.
    pub entity_tokens: [usize; 4],
    /// Of those, tokens whose normalised form is absent from the training blocks.
    pub unseen: [usize; 4],
    /// Of the unseen, tokens with no cluster entry for the word or its stem.
    pub unseen_no_cluster: [usize; 4],
    /// Of those, tokens whose word or stem occurs in the unlabelled corpus at all
    /// (only when corpus counts were given).
    pub no_cluster_in_corpus: [usize; 4],
}

impl Coverage {
    /// Human-readable table.
    pub fn report(&self) -> String {
        let mut s = String::from("type   entity-tokens  unseen  unseen-without-cluster\n");
        let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
        let row = |name: &str, e: usize, u: usize, n: usize| {
            format!(
                "{name:<6} {e:>13} {u:>7}  {n:>6} ({:.1} % of unseen)\n",
                pct(n, u)
            )
        };
        for (i, t) in EntityType::ALL.iter().enumerate() {
            s.push_str(&row(
                &format!("{t:?}"),
                self.entity_tokens[i],
                self.unseen[i],
                self.unseen_no_cluster[i],
            ));
        }
        let sum = |a: &[usize; 4]| a.iter().sum::<usize>();
        s.push_str(&row(
            "all",
            sum(&self.entity_tokens),
            sum(&self.unseen),
            sum(&self.unseen_no_cluster),
        ));
        s.push_str(&format!(
            "without cluster but in the corpus (word or stem): {} of {} ({:?} by type)\n",
            sum(&self.no_cluster_in_corpus),
            sum(&self.unseen_no_cluster),
            self.no_cluster_in_corpus
        ));
        s
    }
}

/// Cluster-table set index ([`crate::features::cluster_key`]) of the ending table.
pub const OOV_SET: u64 = 9;

/// Minimum number of clustered words with an ending for the ending to get an entry.
pub const MIN_SUPPORT: u32 = 3;

/// The ending of a clitic-stripped stem used as the key: its last 4 characters when it
/// has at least 5, its last 3 when it has 4, none for shorter stems.
pub fn stem_ending(stem: &str) -> Option<&str> {
    let n = stem.chars().count();
    let k = match n {
        0..=3 => return None,
        4 => 3,
        _ => 4,
    };
    let (at, _) = stem.char_indices().nth(n - k)?;
    stem.get(at..)
}

/// Endings of 3 and 4 characters of `stem` (both keyed like [`stem_ending`] would key a
/// longer or shorter word), for building the table.
fn endings(stem: &str) -> impl Iterator<Item = &str> {
    let n = stem.chars().count();
    [3usize, 4]
        .into_iter()
        .filter(move |&k| n > k)
        .filter_map(move |k| {
            let (at, _) = stem.char_indices().nth(n - k)?;
            stem.get(at..)
        })
}

/// Ending → cluster ids (coarse, mid, fine) from a cluster set: per ending with at least
/// [`MIN_SUPPORT`] clustered words, the majority mid cluster, the majority fine cluster
/// among those words, and that word group's coarse cluster. Deterministic (ties go to the
/// smaller id); sorted by ending.
pub fn suffix_table(c: &Clusters) -> Vec<(String, [u16; 3])> {
    type Votes = FxHashMap<[u16; 3], u32>;
    let mut by_end: FxHashMap<&str, Votes> = FxHashMap::default();
    for (w, ids) in &c.map {
        let stem = segment(w).stem;
        for e in endings(stem) {
            *by_end.entry(e).or_default().entry(*ids).or_insert(0) += 1;
        }
    }
    let mut out: Vec<(String, [u16; 3])> = by_end
        .into_iter()
        .filter_map(|(e, votes)| {
            let total: u32 = votes.values().sum();
            if total < MIN_SUPPORT {
                return None;
            }
            let mut mids: FxHashMap<u16, u32> = FxHashMap::default();
            for (ids, n) in &votes {
                *mids.entry(ids[1]).or_insert(0) += n;
            }
            let mid = mids
                .iter()
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|x| *x.0)?;
            let best = votes
                .iter()
                .filter(|(ids, _)| ids[1] == mid)
                .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
                .map(|x| *x.0)?;
            Some((e.to_string(), best))
        })
        .collect();
    out.sort();
    out
}

/// Add an ending table to a model's cluster table under [`OOV_SET`].
pub fn insert_suffix_table(tab: &mut ClusterTable, entries: &[(String, [u16; 3])]) {
    for (e, ids) in entries {
        tab.insert(cluster_key(hash_str(e), OOV_SET), pack_clusters(*ids));
    }
}

/// Normalised word counts of a corpus read with `crate::clusters::read_corpus`.
pub fn word_counts(paras: &[Vec<String>]) -> FxHashMap<String, u32> {
    let mut m: FxHashMap<String, u32> = FxHashMap::default();
    for w in paras.iter().flatten() {
        if let Some(c) = m.get_mut(w.as_str()) {
            *c += 1;
        } else {
            m.insert(w.clone(), 1);
        }
    }
    m
}

/// Whether `norm` or its clitic-stripped stem has an entry in one of `sets`.
pub fn has_cluster(sets: &[Clusters], norm: &str) -> bool {
    let stem = segment(norm).stem;
    sets.iter()
        .any(|c| c.map.contains_key(norm) || c.map.contains_key(stem))
}

/// Cluster coverage of unseen entity tokens over `folds`-fold cross-validation of `sents`
/// (contiguous blocks, as `train --dev-fold`). `corpus` (normalised word → count in the
/// unlabelled corpus) may be empty.
pub fn coverage(
    sents: &[Sentence],
    folds: usize,
    sets: &[Clusters],
    corpus: &FxHashMap<String, u32>,
) -> Coverage {
    let mut c = Coverage::default();
    let norms: Vec<Vec<String>> = sents
        .iter()
        .map(|s| s.tokens.iter().map(|t| normalize(t)).collect())
        .collect();
    for k in 0..folds.max(2) {
        let (lo, hi) = fold_bounds(sents.len(), k, folds);
        let seen: FxHashSet<&str> = norms
            .iter()
            .enumerate()
            .filter(|(i, _)| *i < lo || *i >= hi)
            .flat_map(|(_, s)| s.iter().map(String::as_str))
            .collect();
        for (s, ns) in sents.iter().zip(&norms).take(hi).skip(lo) {
            for (l, n) in s.labels.iter().zip(ns) {
                let t = match l {
                    Label::B(t) | Label::I(t) => *t,
                    Label::O => continue,
                };
                let ti = EntityType::ALL.iter().position(|x| *x == t).unwrap_or(0);
                c.entity_tokens[ti] += 1;
                if seen.contains(n.as_str()) {
                    continue;
                }
                c.unseen[ti] += 1;
                if !has_cluster(sets, n) {
                    c.unseen_no_cluster[ti] += 1;
                    if corpus.contains_key(n.as_str()) || corpus.contains_key(segment(n).stem) {
                        c.no_cluster_in_corpus[ti] += 1;
                    }
                }
            }
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_unseen_entity_tokens_without_clusters() {
        let text =
            "زار B-PERS\nعمر I-PERS\nالقاهره B-LOC\n\nقال O\nزيد B-PERS\nفي O\nبغداد B-LOC\n\n";
        let (sents, _) = crate::conll::read_labelled(text);
        let clus = Clusters::parse("القاهره\t1\t2\t3\nبغداد\t1\t2\t3\nزيد\t4\t5\t6\n");
        let corpus: FxHashMap<String, u32> = [("عمر".to_string(), 2)].into_iter().collect();
        let c = coverage(&sents, 2, std::slice::from_ref(&clus), &corpus);
        // every entity token is unseen in the other block
        assert_eq!(c.entity_tokens, [3, 2, 0, 0]);
        assert_eq!(c.unseen, [3, 2, 0, 0]);
        // زار and عمر have no entry; القاهره, بغداد, زيد do
        assert_eq!(c.unseen_no_cluster, [2, 0, 0, 0]);
        assert_eq!(c.no_cluster_in_corpus, [1, 0, 0, 0]);
        // the stem (article stripped) counts as covered
        let stem_only = Clusters::parse("قاهره\t1\t2\t3\n");
        assert!(has_cluster(std::slice::from_ref(&stem_only), "القاهره"));
        assert!(!has_cluster(std::slice::from_ref(&stem_only), "زار"));
        assert!(c.report().contains("all"));
    }

    #[test]
    fn endings_take_the_majority_cluster() {
        assert_eq!(stem_ending("ميلوسيفيتش"), Some("فيتش"));
        assert_eq!(stem_ending("كرتش"), Some("رتش"));
        assert_eq!(stem_ending("علي"), None);
        // three -فيتش words in mid cluster 7 (two of them in fine 70), one in mid 8
        let clus = Clusters::parse(
            "ميلوسيفيتش\t1\t7\t70\nكوستونيفيتش\t1\t7\t70\nاوبرادوفيتش\t1\t7\t71\nسيفيتش\t2\t8\t80\nقاهره\t3\t9\t90\n",
        );
        let t = suffix_table(&clus);
        let get = |e: &str| t.iter().find(|x| x.0 == e).map(|x| x.1);
        assert_eq!(get("فيتش"), Some([1, 7, 70]));
        // endings with fewer than MIN_SUPPORT words get no entry
        assert_eq!(get("اهره"), None);
        let mut tab = ClusterTable::default();
        insert_suffix_table(&mut tab, &t);
        let v = tab.get(cluster_key(hash_str("فيتش"), OOV_SET));
        assert_eq!(v, Some(pack_clusters([1, 7, 70])));
    }
}
