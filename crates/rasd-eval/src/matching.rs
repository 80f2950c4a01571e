//! Greedy one-to-one matching of gold items to system items, and the tallies.
//!
//! `score.py` ranks every acceptable (gold, system) pair by score (highest first),
//! puts required gold items before optional ones among equals, then orders by gold
//! index and system index, and takes pairs greedily while both sides are free.
//! Optional gold items never count: matched they are neither true nor false
//! positives, missed they are not false negatives.

use crate::py::PyResult;
use crate::report::Counts;
use std::collections::HashSet;

/// Greedy one-to-one matching; returns `(gold index, system index)` pairs in the
/// order they were taken.
///
/// `ok` decides whether a pair may match; `score` ranks acceptable pairs (called
/// only for those, as in Python); `optional` tells whether a gold item is optional.
/// Any of them may fail where Python would raise; the first failure is returned.
pub(crate) fn greedy_match<G, S>(
    golds: &[G],
    systems: &[S],
    mut ok: impl FnMut(&G, &S) -> PyResult<bool>,
    mut score: impl FnMut(&G, &S) -> PyResult<i64>,
    mut optional: impl FnMut(&G) -> PyResult<bool>,
) -> PyResult<Vec<(usize, usize)>> {
    let mut cands: Vec<(i64, bool, usize, usize)> = Vec::new();
    for (gi, g) in golds.iter().enumerate() {
        for (si, s) in systems.iter().enumerate() {
            if ok(g, s)? {
                let sc = score(g, s)?;
                cands.push((-sc, optional(g)?, gi, si));
            }
        }
    }
    cands.sort_unstable();
    let mut used_g = HashSet::new();
    let mut used_s = HashSet::new();
    let mut pairs = Vec::new();
    for (_, _, gi, si) in cands {
        if !used_g.contains(&gi) && !used_s.contains(&si) {
            used_g.insert(gi);
            used_s.insert(si);
            pairs.push((gi, si));
        }
    }
    Ok(pairs)
}

/// Adds one matching's true positives, false positives and false negatives to
/// `counts[key]`. Matched optional gold items add nothing; unmatched system items
/// are false positives; unmatched required gold items are false negatives.
pub(crate) fn tally<G>(
    golds: &[G],
    n_systems: usize,
    pairs: &[(usize, usize)],
    counts: &mut Counts,
    key: &str,
    mut optional: impl FnMut(&G) -> PyResult<bool>,
) -> PyResult<()> {
    let matched_g: HashSet<usize> = pairs.iter().map(|p| p.0).collect();
    let matched_s: HashSet<usize> = pairs.iter().map(|p| p.1).collect();
    let (mut tp, mut fnn) = (0u64, 0u64);
    for (gi, g) in golds.iter().enumerate() {
        if matched_g.contains(&gi) {
            if !optional(g)? {
                tp += 1;
            }
        } else if !optional(g)? {
            fnn += 1;
        }
    }
    let fp = (0..n_systems).filter(|si| !matched_s.contains(si)).count() as u64;
    let c = counts.prf(key);
    c[0] += tp;
    c[1] += fp;
    c[2] += fnn;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A gold item for tests: (label, optional).
    type G = (&'static str, bool);

    fn run(golds: &[G], systems: &[&str], score: impl Fn(&G, &&str) -> i64) -> Vec<(usize, usize)> {
        greedy_match(
            golds,
            systems,
            |g, s| Ok(s.contains(g.0) || g.0.contains(*s)),
            |g, s| Ok(score(g, s)),
            |g| Ok(g.1),
        )
        .unwrap()
    }

    #[test]
    fn higher_score_wins_over_reading_order() {
        // gold 0 would take system 0 in reading order, but gold 1 scores higher on it
        let golds = [("ab", false), ("abc", false)];
        let systems = ["abc", "ab"];
        let pairs = run(&golds, &systems, |g, s| if g.0 == *s { 2 } else { 1 });
        assert_eq!(pairs, vec![(0, 1), (1, 0)]);
    }

    #[test]
    fn required_gold_before_optional_on_ties() {
        // both gold items want the single system item with equal score: the
        // required one (index 1) gets it although the optional one comes first
        let golds = [("x", true), ("x", false)];
        let pairs = run(&golds, &["x"], |_, _| 1);
        assert_eq!(pairs, vec![(1, 0)]);
    }

    #[test]
    fn ties_break_by_gold_then_system_index() {
        let golds = [("a", false), ("a", false)];
        let pairs = run(&golds, &["a", "a"], |_, _| 1);
        assert_eq!(pairs, vec![(0, 0), (1, 1)]);
    }

    #[test]
    fn score_beats_optionality() {
        // an optional gold with a better score is still taken first
        let golds = [("x", false), ("xy", true)];
        let pairs = run(&golds, &["xy"], |g, s| if g.0 == *s { 3 } else { 1 });
        assert_eq!(pairs, vec![(1, 0)]);
    }

    #[test]
    fn tally_ignores_optional_gold() {
        let golds = [("a", false), ("b", true), ("c", true), ("d", false)];
        let pairs = [(0, 0), (1, 1)];
        let mut counts = Counts::default();
        tally(&golds, 3, &pairs, &mut counts, "k", |g| Ok(g.1)).unwrap();
        // tp: gold 0; optional gold 1 matched → nothing; fp: system 2; fn: gold 3
        assert_eq!(counts.prf("k"), &mut [1, 1, 1]);
    }

    #[test]
    fn errors_propagate() {
        let golds = [("a", false)];
        let r = greedy_match(
            &golds,
            &["a"],
            |_, _| Ok(true),
            |_, _| Err(crate::py::Crash("boom".into())),
            |g: &G| Ok(g.1),
        );
        assert!(r.is_err());
    }
}
