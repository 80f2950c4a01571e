//! conlleval-style entity scoring of CoNLL files.
//!
//! Gold and predicted files are token-per-line with the tag in the last column and blank
//! lines between sentences. Entities are chunks in the conlleval sense: `B-X` starts one,
//! `I-X` continues an open X chunk, and an `I-X` after `O` or after another type starts a
//! new chunk. A predicted chunk counts as correct only if its start, end and type all equal a
//! gold chunk's. Scores are micro-averaged over all chunks, and also given per type.

use std::collections::BTreeMap;
use std::fmt::Write as _;

/// Precision/recall/F1 counts for one entity type or for all of them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Prf {
    /// Gold chunks.
    pub gold: usize,
    /// Predicted chunks.
    pub pred: usize,
    /// Predicted chunks that exactly match a gold chunk.
    pub correct: usize,
}

impl Prf {
    /// Precision in percent (0 when nothing was predicted).
    pub fn precision(&self) -> f64 {
        if self.pred == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.pred as f64
        }
    }

    /// Recall in percent (0 when there is no gold chunk).
    pub fn recall(&self) -> f64 {
        if self.gold == 0 {
            0.0
        } else {
            100.0 * self.correct as f64 / self.gold as f64
        }
    }

    /// F1 in percent.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Result of [`eval_conll`].
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerScores {
    /// Micro-averaged counts over all types.
    pub micro: Prf,
    /// Per-type counts, keyed by type name as spelled in the files.
    pub per_type: BTreeMap<String, Prf>,
    /// Tokens compared.
    pub tokens: usize,
    /// Tokens whose tags are equal.
    pub correct_tags: usize,
    /// Positions where the token strings of gold and prediction differ.
    pub token_mismatches: usize,
    /// True when the files have different numbers of tokens (scoring used the shorter one).
    pub length_mismatch: bool,
}

impl NerScores {
    /// Token-level tag accuracy in percent.
    pub fn accuracy(&self) -> f64 {
        if self.tokens == 0 {
            0.0
        } else {
            100.0 * self.correct_tags as f64 / self.tokens as f64
        }
    }

    /// A conlleval-like text report.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let _ = writeln!(
            s,
            "processed {} tokens with {} phrases; found: {} phrases; correct: {}.",
            self.tokens, self.micro.gold, self.micro.pred, self.micro.correct
        );
        if self.length_mismatch || self.token_mismatches > 0 {
            let _ = writeln!(
                s,
                "WARNING: files differ (length mismatch: {}, token mismatches: {})",
                self.length_mismatch, self.token_mismatches
            );
        }
        let _ = writeln!(
            s,
            "accuracy: {:6.2}%; precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}",
            self.accuracy(),
            self.micro.precision(),
            self.micro.recall(),
            self.micro.f1()
        );
        for (t, p) in &self.per_type {
            let _ = writeln!(
                s,
                "{:>17}: precision: {:6.2}%; recall: {:6.2}%; FB1: {:6.2}  {} (gold {})",
                t,
                p.precision(),
                p.recall(),
                p.f1(),
                p.pred,
                p.gold
            );
        }
        s
    }
}

/// One parsed CoNLL line: `None` for a sentence boundary, else (token, tag).
fn parse_lines(text: &str) -> Vec<Option<(&str, &str)>> {
    let mut out = Vec::new();
    for line in text.lines() {
        let mut it = line.split_whitespace();
        match it.next() {
            None => out.push(None),
            Some(tok) => {
                let tag = it.last().unwrap_or("O");
                out.push(Some((tok, tag)));
            }
        }
    }
    out
}

/// Split a tag into (prefix, type): `B-LOC` → ('B', "LOC"); anything without a B-/I- prefix is O.
fn split_tag(tag: &str) -> (char, &str) {
    if let Some(t) = tag.strip_prefix("B-") {
        ('B', t)
    } else if let Some(t) = tag.strip_prefix("I-") {
        ('I', t)
    } else {
        ('O', "")
    }
}

/// Chunks `(start, end_exclusive, type)` of a tag sequence, boundaries given as `None`.
fn chunks<'a>(tags: &[Option<&'a str>]) -> Vec<(usize, usize, &'a str)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    for (i, t) in tags.iter().enumerate() {
        let (p, ty) = t.map(split_tag).unwrap_or(('O', ""));
        let continues = matches!(open, Some((_, ot)) if p == 'I' && ot == ty);
        if !continues {
            if let Some((s, ot)) = open.take() {
                out.push((s, i, ot));
            }
            if p == 'B' || p == 'I' {
                open = Some((i, ty));
            }
        }
    }
    if let Some((s, ot)) = open {
        out.push((s, tags.len(), ot));
    }
    out
}

/// Score predicted CoNLL text against gold CoNLL text (tag = last column of each line).
///
/// Lines are aligned by their order among non-blank lines; sentence boundaries are taken
/// from the gold file. If the files have different token counts, the shorter length is scored
/// and [`NerScores::length_mismatch`] is set.
pub fn eval_conll(gold: &str, pred: &str) -> NerScores {
    let g = parse_lines(gold);
    let p: Vec<(&str, &str)> = parse_lines(pred).into_iter().flatten().collect();
    let g_tokens = g.iter().filter(|x| x.is_some()).count();
    let n = g_tokens.min(p.len());
    let mut gold_tags: Vec<Option<&str>> = Vec::with_capacity(g.len());
    let mut pred_tags: Vec<Option<&str>> = Vec::with_capacity(g.len());
    let mut scores = NerScores {
        length_mismatch: g_tokens != p.len(),
        ..Default::default()
    };
    let mut k = 0usize;
    for item in &g {
        match item {
            None => {
                gold_tags.push(None);
                pred_tags.push(None);
            }
            Some((tok, tag)) => {
                let Some((ptok, ptag)) = p.get(k).copied() else {
                    break;
                };
                k += 1;
                if *tok != ptok {
                    scores.token_mismatches += 1;
                }
                scores.tokens += 1;
                if *tag == ptag {
                    scores.correct_tags += 1;
                }
                gold_tags.push(Some(tag));
                pred_tags.push(Some(ptag));
            }
        }
    }
    debug_assert!(k <= n);
    let gc = chunks(&gold_tags);
    let pc = chunks(&pred_tags);
    let gset: std::collections::HashSet<(usize, usize, &str)> = gc.iter().copied().collect();
    for (_, _, t) in &gc {
        scores.per_type.entry((*t).to_string()).or_default().gold += 1;
        scores.micro.gold += 1;
    }
    for c in &pc {
        let e = scores.per_type.entry(c.2.to_string()).or_default();
        e.pred += 1;
        scores.micro.pred += 1;
        if gset.contains(c) {
            e.correct += 1;
            scores.micro.correct += 1;
        }
    }
    scores
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn perfect_match() {
        let g = "a B-PERS\nb I-PERS\nc O\n\nd B-LOC\n";
        let s = eval_conll(g, g);
        assert_eq!(
            s.micro,
            Prf {
                gold: 2,
                pred: 2,
                correct: 2
            }
        );
        assert!((s.micro.f1() - 100.0).abs() < 1e-9);
        assert!(!s.length_mismatch);
    }

    #[test]
    fn i_after_o_starts_entity() {
        // gold: I-LOC after O is an entity of its own
        let g = "a O\nb I-LOC\nc O\n";
        let p = "a O\nb B-LOC\nc O\n";
        let s = eval_conll(g, p);
        assert_eq!(
            s.micro,
            Prf {
                gold: 1,
                pred: 1,
                correct: 1
            }
        );
        // I- of another type starts a new entity: B-PERS I-ORG = two entities
        let g = "a B-PERS\nb I-ORG\n";
        let p = "a B-PERS\nb B-ORG\n";
        let s = eval_conll(g, p);
        assert_eq!(
            s.micro,
            Prf {
                gold: 2,
                pred: 2,
                correct: 2
            }
        );
        assert_eq!(s.per_type["ORG"].correct, 1);
    }

    #[test]
    fn boundary_errors_count_as_wrong() {
        let g = "a B-ORG\nb I-ORG\nc I-ORG\n";
        let p = "a B-ORG\nb I-ORG\nc O\n";
        let s = eval_conll(g, p);
        assert_eq!(
            s.micro,
            Prf {
                gold: 1,
                pred: 1,
                correct: 0
            }
        );
        assert_eq!(s.micro.f1(), 0.0);
        // a sentence break closes an entity
        let g = "a B-LOC\n\nb I-LOC\n";
        let s = eval_conll(g, g);
        assert_eq!(s.micro.gold, 2);
    }

    #[test]
    fn precision_recall_values() {
        let g = "a B-PERS\nb O\nc B-LOC\nd O\n";
        let p = "a B-PERS\nb B-MISC\nc O\nd O\n";
        let s = eval_conll(g, p);
        assert!((s.micro.precision() - 50.0).abs() < 1e-9);
        assert!((s.micro.recall() - 50.0).abs() < 1e-9);
        assert_eq!(s.per_type["MISC"].pred, 1);
        assert_eq!(s.per_type["LOC"].gold, 1);
        assert!(s.report().contains("FB1"));
    }

    #[test]
    fn odd_input_does_not_panic() {
        let s = eval_conll("", "");
        assert_eq!(s.tokens, 0);
        let s = eval_conll("a B-LOC\nb O\n", "a B-LOC\n");
        assert!(s.length_mismatch);
        let s = eval_conll("  \t\n x \n", "y\tB-X\textra I-Y\n");
        assert_eq!(s.token_mismatches, 1);
        let _ = s.report();
    }
}
