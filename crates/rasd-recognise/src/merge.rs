//! The one merge policy that decides between overlapping mention candidates.
//!
//! Candidates come from the knowledge base, the name patterns and (through
//! [`crate::CandidateSource`]) the statistical tagger. Each has a token range, a type and
//! a score in [0, 1]. The policy:
//!
//! 1. **Agreement.** Candidates from different sources with the same token range and
//!    type are fused into one whose score is the noisy-or of theirs (`1 − Π(1 − sᵢ)`): a
//!    tagger span confirmed by a pattern is surer than either. The fused candidate keeps
//!    the knowledge-base entry and the most specific source (KB, then pattern, then
//!    tagger).
//! 2. **Threshold.** Candidates scoring below [`MIN_SCORE`] after fusion are dropped.
//! 3. **Selection.** Among overlapping candidates the policy keeps the set of
//!    non-overlapping ones with the largest total weight, `tokens × (score − 0.4)`
//!    (weighted interval scheduling, exact, linear after sorting). Each covered token earns
//!    the candidate's margin over a base of 0.4, so a credible longer name beats the
//!    pieces inside it («قوات سوريا الديمقراطية» over «سوريا»; «خليفة حفتر» over a place
//!    «خليفة» + a surname «حفتر»), while a long but doubtful span cannot swallow two
//!    confident ones.
//! 4. **Nominals** («اللواء السابق») never compete with names: they are kept only where
//!    no selected name overlaps them.

use crate::Candidate;
use rasd_doc::{MentionKind, MentionSource};

/// Candidates below this score are not mentions.
pub const MIN_SCORE: f32 = 0.5;

/// Base subtracted from a candidate's score per token in the selection weight.
pub const WEIGHT_BASE: f32 = 0.4;

fn source_rank(s: MentionSource) -> u8 {
    match s {
        MentionSource::Kb => 0,
        MentionSource::Pattern => 1,
        MentionSource::Tagger => 2,
    }
}

/// Selection weight of a candidate.
pub fn weight(c: &Candidate) -> f32 {
    let n = c.end.saturating_sub(c.first).max(1) as f32;
    n * (c.score - WEIGHT_BASE)
}

/// Applies the merge policy; returns the selected candidates in text order.
pub fn merge(mut cands: Vec<Candidate>) -> Vec<Candidate> {
    cands.retain(|c| c.end > c.first && !c.span.is_empty());
    // 1. Agreement.
    cands.sort_by(|a, b| {
        (a.first, a.end, a.etype, a.kind as u8, source_rank(a.source))
            .cmp(&(b.first, b.end, b.etype, b.kind as u8, source_rank(b.source)))
            .then(b.score.total_cmp(&a.score))
    });
    let mut fused: Vec<Candidate> = Vec::with_capacity(cands.len());
    for c in cands {
        match fused.last_mut() {
            Some(l)
                if l.first == c.first
                    && l.end == c.end
                    && l.etype == c.etype
                    && l.kind == c.kind =>
            {
                if l.source != c.source {
                    l.score = 1.0 - (1.0 - l.score) * (1.0 - c.score);
                } else {
                    l.score = l.score.max(c.score);
                }
                if l.entry.is_none() {
                    l.entry = c.entry;
                    l.name_id = c.name_id;
                    l.kb_flags = c.kb_flags;
                }
                if l.alias_key.is_none() {
                    l.alias_key = c.alias_key;
                }
            }
            _ => fused.push(c),
        }
    }
    // 2. Threshold.
    fused.retain(|c| c.score >= MIN_SCORE);
    let (names, nominals): (Vec<Candidate>, Vec<Candidate>) =
        fused.into_iter().partition(|c| c.kind == MentionKind::Name);
    // 3. Weighted interval scheduling over token ranges.
    let mut names = names;
    names.sort_by(|a, b| a.end.cmp(&b.end).then(a.first.cmp(&b.first)));
    let n = names.len();
    // best[i] = best total weight using the first i candidates (by end).
    let mut best = vec![0f32; n + 1];
    let mut take = vec![false; n];
    let mut prev = vec![0usize; n];
    for i in 0..n {
        // Number of candidates whose end <= names[i].first.
        prev[i] = names[..i].partition_point(|c| c.end <= names[i].first);
        let with = weight(&names[i]) + best[prev[i]];
        if with > best[i] {
            best[i + 1] = with;
            take[i] = true;
        } else {
            best[i + 1] = best[i];
        }
    }
    let mut chosen = Vec::new();
    let mut i = n;
    while i > 0 {
        if take[i - 1] {
            chosen.push(i - 1);
            i = prev[i - 1];
        } else {
            i -= 1;
        }
    }
    chosen.reverse();
    let mut out: Vec<Candidate> = Vec::with_capacity(chosen.len() + nominals.len());
    let mut slots: Vec<Option<Candidate>> = names.into_iter().map(Some).collect();
    for i in chosen {
        if let Some(c) = slots.get_mut(i).and_then(Option::take) {
            out.push(c);
        }
    }
    // 4. Nominals where no name is.
    let mut nominals = nominals;
    nominals.sort_by(|a, b| a.first.cmp(&b.first).then(b.score.total_cmp(&a.score)));
    for c in nominals {
        let clash = out.iter().any(|o| o.first < c.end && c.first < o.end);
        if !clash {
            out.push(c);
        }
    }
    out.sort_by(|a, b| a.first.cmp(&b.first).then(a.end.cmp(&b.end)));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_doc::{EntityType, Span};

    fn c(first: usize, end: usize, t: EntityType, s: f32, src: MentionSource) -> Candidate {
        Candidate {
            first,
            end,
            span: Span::new(first * 10, end * 10),
            etype: t,
            kind: MentionKind::Name,
            source: src,
            score: s,
            entry: None,
            name_id: None,
            kb_flags: 0,
            alias_key: None,
        }
    }

    #[test]
    fn longer_credible_name_contains_shorter() {
        use EntityType::*;
        let out = merge(vec![
            c(0, 3, ORG, 0.8, MentionSource::Pattern),
            c(1, 2, LOC, 0.95, MentionSource::Kb),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].etype, ORG);
    }

    #[test]
    fn doubtful_long_span_does_not_swallow_two_confident_ones() {
        use EntityType::*;
        let out = merge(vec![
            c(0, 3, MISC, 0.55, MentionSource::Tagger),
            c(0, 1, LOC, 0.95, MentionSource::Kb),
            c(2, 3, PER, 0.9, MentionSource::Kb),
        ]);
        let types: Vec<_> = out.iter().map(|c| c.etype).collect();
        assert_eq!(types, vec![LOC, PER]);
    }

    #[test]
    fn whole_name_beats_its_pieces() {
        use EntityType::*;
        let out = merge(vec![
            c(0, 2, PER, 0.93, MentionSource::Kb),
            c(0, 1, LOC, 0.81, MentionSource::Kb),
            c(1, 2, PER, 0.6, MentionSource::Kb),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!((out[0].first, out[0].end), (0, 2));
    }

    #[test]
    fn agreement_fuses_and_threshold_drops() {
        use EntityType::*;
        let out = merge(vec![
            c(0, 2, PER, 0.45, MentionSource::Tagger),
            c(0, 2, PER, 0.45, MentionSource::Pattern),
            c(4, 5, LOC, 0.3, MentionSource::Kb),
        ]);
        assert_eq!(out.len(), 1);
        assert!((out[0].score - 0.6975).abs() < 1e-4);
        assert_eq!(out[0].source, MentionSource::Pattern);
    }

    #[test]
    fn nominals_only_where_no_name_is() {
        use EntityType::*;
        let mut nom = c(0, 2, PER, 0.7, MentionSource::Pattern);
        nom.kind = MentionKind::Nominal;
        let mut nom2 = c(5, 7, PER, 0.7, MentionSource::Pattern);
        nom2.kind = MentionKind::Nominal;
        let out = merge(vec![nom, nom2, c(1, 3, PER, 0.9, MentionSource::Kb)]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[0].kind, MentionKind::Name);
        assert_eq!(out[1].first, 5);
    }
}
