//! Rule hints for the statistical tagger.
//!
//! The tagger (`rasd-tagger`) learns from ANERcorp's 4,000 sentences; the rule recogniser
//! (`rasd-recognise`) knows names, places, organisations and title/name patterns nobody
//! annotated there. Stacking the two — the rules' candidate spans given to the tagger as
//! per-token features, learnt on ANERcorp with the same rules run over its text — lets
//! the tagger learn when to trust the rules (and ANERcorp's conventions where they
//! differ, e.g. «ريال مدريد» as ORG + LOC). Training, `rasd tag` and the pipeline's
//! tagger source all compute hints through this module, so they agree.
//!
//! A hint says which rule candidate a token sits in: its type, whether the token begins
//! it, whether the knowledge base or a pattern proposed it and whether its score is high
//! ([`rasd_tagger::features::hint_code`]). On ANERcorp train these classes differ a lot
//! in how often ANERcorp agrees (a listed place 85 % exact, a pattern's organisation
//! 8–16 %), which is what the tagger learns. The candidates are the names that pass the
//! merge threshold, longest first, without overlaps — the same candidates the recogniser's
//! merge policy starts from.

use rasd_doc::{Document, EntityType, MentionKind, MentionSource};
use rasd_recognise::{merge::MIN_SCORE, Candidate, Recogniser};
use rasd_tagger::EntityType as TagType;

/// Sentences per pseudo-document when hinting CoNLL text: ANERcorp files have no
/// document breaks, and the rules' document-level steps (a surname linked to the full
/// name said earlier) need some context.
pub const CONLL_DOC_SENTENCES: usize = 10;

/// A candidate score from which a hint counts as strong.
pub const STRONG_SCORE: f32 = 0.8;

/// The tagger's entity type.
fn tag_type(t: EntityType) -> TagType {
    match t {
        EntityType::PER => TagType::Pers,
        EntityType::LOC => TagType::Loc,
        EntityType::ORG => TagType::Org,
        EntityType::MISC => TagType::Misc,
    }
}

/// The hint of a token of candidate `c` (`begin`: the first such token).
fn code(c: &Candidate, begin: bool) -> u8 {
    rasd_tagger::features::hint_code(
        tag_type(c.etype),
        begin,
        c.source == MentionSource::Kb,
        c.score >= STRONG_SCORE,
    )
}

/// The rule candidates that make hints: names at or above the merge threshold, chosen
/// longest first (then higher score) so that no two share a token, returned in text
/// order. Linear in the candidates' total length after the sort (an occupancy map over
/// tokens, not pairwise overlap tests), so huge documents stay cheap.
pub fn chosen(cands: &[Candidate]) -> Vec<&Candidate> {
    let mut v: Vec<&Candidate> = cands
        .iter()
        .filter(|c| c.kind == MentionKind::Name && c.score >= MIN_SCORE && c.end > c.first)
        .collect();
    v.sort_by(|a, b| {
        (b.end - b.first)
            .cmp(&(a.end - a.first))
            .then(b.score.total_cmp(&a.score))
            .then(a.first.cmp(&b.first))
    });
    let n = v.iter().map(|c| c.end).max().unwrap_or(0);
    let mut taken = vec![false; n];
    let mut kept: Vec<&Candidate> = Vec::with_capacity(v.len());
    for c in v {
        let Some(slots) = taken.get_mut(c.first..c.end) else {
            continue;
        };
        if slots.iter().all(|t| !t) {
            slots.fill(true);
            kept.push(c);
        }
    }
    kept.sort_by_key(|c| c.span.start);
    kept
}

/// Hints of tokens given by their byte ranges (in text order) in the text the
/// candidates were found in; `chosen` as returned by [`chosen`] (text order, no overlaps).
/// A token overlapping a candidate gets its hint, as beginning it if it is the first such
/// token of the list.
pub fn token_hints(chosen: &[&Candidate], tokens: &[(usize, usize)]) -> Vec<u8> {
    let mut prev: Option<usize> = None;
    tokens
        .iter()
        .map(|&(a, b)| {
            // first candidate ending after the token starts
            let k = chosen.partition_point(|c| c.span.end <= a);
            let hit = chosen.get(k).filter(|c| c.span.start < b);
            let h = hit.map_or(0, |c| code(c, prev != Some(k)));
            prev = hit.map(|_| k);
            h
        })
        .collect()
}

/// Hints for pre-tokenised sentences (CoNLL): every [`CONLL_DOC_SENTENCES`] sentences are
/// joined into one text (tokens separated by spaces, one sentence per line), analysed and
/// run through the rule recogniser; its candidates are mapped back onto the given tokens.
/// Returns one row per sentence, one byte per token.
pub fn conll_hints(sentences: &[Vec<&str>]) -> Vec<Vec<u8>> {
    let rec = Recogniser::new();
    let mut out = Vec::with_capacity(sentences.len());
    for chunk in sentences.chunks(CONLL_DOC_SENTENCES) {
        let mut text = String::new();
        let mut offs: Vec<Vec<(usize, usize)>> = Vec::with_capacity(chunk.len());
        for s in chunk {
            let mut o = Vec::with_capacity(s.len());
            for (i, t) in s.iter().enumerate() {
                if i > 0 {
                    text.push(' ');
                }
                o.push((text.len(), text.len() + t.len()));
                text.push_str(t);
            }
            text.push('\n');
            offs.push(o);
        }
        let doc: Document = rasd_text::analysed(&text);
        let cands = rec.candidates(&doc, &[]);
        let ch = chosen(&cands);
        out.extend(offs.iter().map(|o| token_hints(&ch, o)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hints(sents: &[&[&str]]) -> Vec<Vec<u8>> {
        let v: Vec<Vec<&str>> = sents.iter().map(|s| s.to_vec()).collect();
        conll_hints(&v)
    }

    #[test]
    fn rows_match_the_sentences_and_tokens() {
        let h = hints(&[&["زار", "الرئيس", "المصري", "القاهرة", "."], &[], &["x"]]);
        assert_eq!(h.len(), 3);
        assert_eq!(h[0].len(), 5);
        assert!(h[1].is_empty());
        assert_eq!(h[2], vec![0]);
    }

    fn parts(h: u8) -> Option<(TagType, bool)> {
        rasd_tagger::features::hint_parts(h).map(|(t, b, _, _)| (t, b))
    }

    #[test]
    fn listed_places_and_people_get_begin_and_inside_hints() {
        let h = hints(&[&["وصل", "حسني", "مبارك", "إلى", "القاهرة", "أمس", "."]]);
        let h = &h[0];
        assert_eq!(parts(h[4]), Some((TagType::Loc, true)), "{h:?}");
        assert_eq!(parts(h[1]), Some((TagType::Pers, true)), "{h:?}");
        assert_eq!(parts(h[2]), Some((TagType::Pers, false)), "{h:?}");
        assert_eq!((h[0], h[3]), (0, 0));
        // a listed capital comes from the knowledge base, with a high score
        assert_eq!(
            rasd_tagger::features::hint_parts(h[4]).map(|p| (p.2, p.3)),
            Some((true, true))
        );
    }

    #[test]
    fn chunks_beyond_the_first_are_hinted_too() {
        let mut v: Vec<Vec<&str>> = vec![vec!["كلام", "عادي"]; CONLL_DOC_SENTENCES];
        v.push(vec!["في", "دمشق"]);
        let h = conll_hints(&v);
        assert_eq!(h.len(), CONLL_DOC_SENTENCES + 1);
        assert_eq!(parts(h[CONLL_DOC_SENTENCES][1]), Some((TagType::Loc, true)));
    }

    #[test]
    fn longest_candidate_wins_and_hints_follow_text_order() {
        let d = rasd_text::analysed("زار وزير الخارجية عمرو موسى دمشق");
        let cand = |first: usize, end: usize, etype, score| {
            let mut c = Candidate::from_tokens(
                &d,
                first,
                end,
                etype,
                rasd_doc::MentionSource::Pattern,
                score,
            );
            c.kind = MentionKind::Name;
            c
        };
        let cands = vec![
            cand(3, 4, EntityType::PER, 0.9),
            cand(5, 6, EntityType::LOC, 0.9),
            cand(3, 5, EntityType::PER, 0.6),
            cand(0, 1, EntityType::ORG, 0.3), // below the merge threshold
        ];
        let ch = chosen(&cands);
        assert_eq!(ch.len(), 2);
        assert_eq!((ch[0].first, ch[0].end), (3, 5));
        let spans: Vec<(usize, usize)> = d
            .tokens
            .iter()
            .map(|t| (t.span.start, t.span.end))
            .collect();
        let got: Vec<_> = token_hints(&ch, &spans).into_iter().map(parts).collect();
        let (p, l) = (TagType::Pers, TagType::Loc);
        assert_eq!(
            got,
            vec![
                None,
                None,
                None,
                Some((p, true)),
                Some((p, false)),
                Some((l, true))
            ]
        );
        // a window starting inside a candidate begins it
        let got: Vec<_> = token_hints(&ch, &spans[4..])
            .into_iter()
            .map(parts)
            .collect();
        assert_eq!(got, vec![Some((p, true)), Some((l, true))]);
        // pattern candidates: not from the knowledge base; 0.6 is not strong
        assert_eq!(
            rasd_tagger::features::hint_parts(token_hints(&ch, &spans)[3]).map(|x| (x.2, x.3)),
            Some((false, false))
        );
    }
}
