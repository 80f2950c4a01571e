//! The statistical tagger as a candidate source of the recognise stage.
//!
//! Lists and patterns miss names nobody listed; the ANERcorp-trained tagger
//! (`rasd-tagger`) proposes spans from context instead. This adapter runs it sentence by
//! sentence over the document's tokens and turns its IOB2 output into [`Candidate`]s that then compete with the
//! knowledge-base and pattern candidates under the recogniser's one merge policy.
//!
//! Tagger spans carry the mean token confidence times a per-type factor
//! ([`DEFAULT_SCALE`]), so a span the tagger alone proposes must be confident to pass the
//! merge threshold, while one the knowledge base or a pattern agrees with is fused
//! (noisy-or) and strengthened. To keep the cost down only windows around person cues are
//! tagged (see `person_windows`).

use rasd_doc::{Document, EntityType, MentionSource};
use rasd_recognise::lexicon::Lexicon;
use rasd_recognise::{candidates_from_iob, Candidate, CandidateSource, Iob};
use rasd_tagger::{EntityType as TagType, Label, Tagger};

/// Default factors applied to the tagger's confidences, by type (PER, ORG, LOC, MISC);
/// see the module docs. Only person spans are used: measured on the seed, the 12
/// SaudiNewsNet gold articles and the 8 held-out ones, the tagger's places and
/// organisations (ANERcorp conventions: bare directions, generic «المدينة», …) cost more
/// precision than they add recall at any factor from 0.5 to 1.0, while its persons lift
/// PER recall from 0.43 to 0.70 on the held-out set.
pub const DEFAULT_SCALE: [f32; 4] = [0.8, 0.0, 0.0, 0.0];

/// The tagger, wrapped as a [`CandidateSource`].
#[derive(Debug)]
pub struct TaggerSource {
    tagger: &'static Tagger,
    /// Factors applied to the tagger's confidences, by type (PER, ORG, LOC, MISC).
    pub scale: [f32; 4],
    /// Tag only windows around person cues (see `person_windows`).
    pub gate: bool,
}

impl TaggerSource {
    /// The embedded model with the default scale.
    pub fn embedded() -> Self {
        TaggerSource {
            tagger: Tagger::embedded(),
            scale: DEFAULT_SCALE,
            gate: true,
        }
    }

    /// The embedded model with confidences multiplied by `scale` (PER, ORG, LOC, MISC).
    pub fn with_scale(scale: [f32; 4]) -> Self {
        TaggerSource {
            scale,
            ..TaggerSource::embedded()
        }
    }
}

/// Tokens a cue looks back over (a name before «قال») and forward over (a title's name).
const CUE_BEFORE: usize = 1;
/// See [`CUE_BEFORE`].
const CUE_AFTER: usize = 4;

/// The token windows of sentence `a..b` worth tagging for people: around a title or role
/// word, a name particle («بن», «أبو»), a known given name, a speech verb, or a person
/// the knowledge base or the patterns found. Runs are appended to `runs`, merged when
/// they touch, clipped to the sentence. The tagger costs as much as the rest of the
/// pipeline; only its person spans are used by default, and these cues precede or
/// follow nearly every person name in news prose.
fn person_windows(
    doc: &Document,
    lx: &Lexicon,
    prior: &[Candidate],
    a: usize,
    b: usize,
    runs: &mut Vec<(usize, usize)>,
) {
    use rasd_recognise::lexicon::class;
    const CUE: u32 = class::TITLE | class::TITLE_HEAD | class::ROLE | class::NAME_PARTICLE;
    let Some(ts) = doc.tokens.get(a..b) else {
        return;
    };
    // Tokens the knowledge base or the patterns already name need no second opinion.
    let mut named = vec![false; b - a];
    for c in prior
        .iter()
        .filter(|c| c.score >= rasd_recognise::merge::MIN_SCORE)
    {
        for k in c.first.max(a)..c.end.min(b) {
            named[k - a] = true;
        }
    }
    // A cue counts only when the word after it is an unexplained Arabic word: the
    // place where an unlisted name would stand.
    let open_word = |i: usize| {
        ts.get(i).is_some_and(|t| {
            t.kind == rasd_doc::TokenKind::Arabic
                && !named.get(i).copied().unwrap_or(true)
                && lx.classes(doc, t) & class::FUNC == 0
        })
    };
    let mut cue = vec![false; b - a];
    for (i, t) in ts.iter().enumerate() {
        if t.kind != rasd_doc::TokenKind::Arabic || named[i] || !open_word(i + 1) {
            continue;
        }
        let stem = doc.token_stem(t);
        cue[i] = lx.is_given_name(stem)
            || rasd_recognise::patterns::SPEECH_VERBS.contains(&stem)
            || lx.classes(doc, t) & CUE != 0;
    }
    // A person the rules found may go on past where they stopped («العقيد شهاب الدين
    // قرطاس» when the pattern took two words): its last word is a cue too.
    for c in prior
        .iter()
        .filter(|c| c.etype == EntityType::PER && c.score >= rasd_recognise::merge::MIN_SCORE)
    {
        if c.end > a && c.end <= b && open_word(c.end - a) {
            cue[c.end - 1 - a] = true;
        }
    }
    let mut open: Option<(usize, usize)> = None;
    for (i, &is_cue) in cue.iter().enumerate() {
        if !is_cue {
            continue;
        }
        let (s, e) = (
            a + i.saturating_sub(CUE_BEFORE),
            (a + i + CUE_AFTER + 1).min(b),
        );
        open = match open {
            Some((os, oe)) if s <= oe => Some((os, oe.max(e))),
            Some(r) => {
                runs.push(r);
                Some((s, e))
            }
            None => Some((s, e)),
        };
    }
    runs.extend(open);
}

impl TaggerSource {
    fn scale_of(&self, t: EntityType) -> f32 {
        match t {
            EntityType::PER => self.scale[0],
            EntityType::ORG => self.scale[1],
            EntityType::LOC => self.scale[2],
            EntityType::MISC => self.scale[3],
        }
    }
}

fn to_doc_type(t: TagType) -> EntityType {
    match t {
        TagType::Pers => EntityType::PER,
        TagType::Loc => EntityType::LOC,
        TagType::Org => EntityType::ORG,
        TagType::Misc => EntityType::MISC,
    }
}

impl CandidateSource for TaggerSource {
    fn name(&self) -> &'static str {
        "tagger"
    }

    fn candidates(&self, doc: &Document, prior: &[Candidate], out: &mut Vec<Candidate>) {
        let n = doc.tokens.len();
        if n == 0 {
            return;
        }
        let lx = Lexicon::get();
        let mut tags: Vec<Iob> = vec![Iob::O; n];
        let mut scores: Vec<f32> = vec![0.0; n];
        let mut words: Vec<&str> = Vec::new();
        let mut runs: Vec<(usize, usize)> = Vec::new();
        for s in &doc.sentences {
            let (a, b) = (s.first_token.min(n), s.end_token.min(n));
            if a >= b {
                continue;
            }
            if self.gate {
                person_windows(doc, lx, prior, a, b, &mut runs);
            } else {
                runs.push((a, b));
            }
        }
        // The model learnt from the rules' candidates (see `crate::ner_hints`): give it
        // the same ones here.
        let chosen = if self.tagger.wants_hints() {
            crate::ner_hints::chosen(prior)
        } else {
            Vec::new()
        };
        let mut spans: Vec<(usize, usize)> = Vec::new();
        for &(a, b) in &runs {
            let toks = doc.tokens.get(a..b).unwrap_or_default();
            words.clear();
            words.extend(toks.iter().map(|t| doc.slice(t.span)));
            spans.clear();
            spans.extend(toks.iter().map(|t| (t.span.start, t.span.end)));
            let hints = crate::ner_hints::token_hints(&chosen, &spans);
            let out_tags = self.tagger.tag_hinted(&words, &hints);
            for (k, t) in (a..b).zip(out_tags) {
                let (iob, ty) = match t.label {
                    Label::O => (Iob::O, None),
                    Label::B(e) => (Iob::B(to_doc_type(e)), Some(to_doc_type(e))),
                    Label::I(e) => (Iob::I(to_doc_type(e)), Some(to_doc_type(e))),
                };
                let f = ty.map(|t| self.scale_of(t)).unwrap_or(0.0);
                if let (Some(slot), Some(sc)) = (tags.get_mut(k), scores.get_mut(k)) {
                    *slot = iob;
                    *sc = t.confidence * f;
                }
            }
        }
        let from = out.len();
        candidates_from_iob(doc, &tags, &scores, MentionSource::Tagger, out);
        for c in out.get_mut(from..).unwrap_or_default() {
            if doc
                .tokens
                .get(c.first)
                .is_some_and(|t| radical_conjunction(doc, lx, t))
            {
                c.span = rasd_recognise::spans::token_range_words(doc, c.first, c.end);
            }
        }
    }
}

/// True when the و/ف the text layer split off token `t` (its only proclitic) is more
/// likely the first letter of the name the tagger found there: the rest is no listed name
/// while the whole word is one («فهد» is not ف + «هد», «وليد» not و + «ليد»), or the
/// letter is ف and the rest is unlisted too («فنسان», «فابريس»: the conjunction ف attaches to
/// verbs and particles in news prose, hardly ever to a bare name). An unlisted word after
/// و stays split: «وجون» in a list of names is و + «جون». The tagger cannot tell: it
/// learnt from ANERcorp, whose tokens keep their clitics. The rule recogniser makes the
/// same choice for its own patterns (`rasd_recognise::names`).
fn radical_conjunction(doc: &Document, lx: &Lexicon, t: &rasd_doc::Token) -> bool {
    use rasd_doc::Proclitics as P;
    let conj = t.proclitics.has(P::WA) || t.proclitics.has(P::FA);
    if !conj
        || t.pre_len != 2
        || t.al_len != 0
        || t.lil
        || t.enclitic.is_some()
        || t.proclitics.has_prep()
    {
        return false;
    }
    let known = |w: &str| {
        lx.is_given_name(w)
            || rasd_recognise::names::is_given(w)
            || rasd_recognise::names::is_surname(w)
    };
    let whole = doc.token_norm(t);
    let rest = doc.token_stem(t);
    !known(rest) && (known(whole) || t.proclitics.has(P::FA))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rasd_recognise::Recogniser;

    fn doc(text: &str) -> Document {
        rasd_text::analysed(text)
    }

    /// The embedded tagger's candidates for `d`, with no prior candidates.
    fn tagged(d: &Document) -> Vec<Candidate> {
        let mut out = Vec::new();
        TaggerSource::embedded().candidates(d, &[], &mut out);
        out
    }

    #[test]
    fn spans_stay_inside_their_sentences_and_the_text() {
        let d = doc("قال الرئيس حسني مبارك في القاهرة. وزار وزير الخارجية عمرو موسى دمشق.");
        let out = tagged(&d);
        assert!(!out.is_empty(), "the tagger found no names at all");
        for c in &out {
            assert!(c.first < c.end && c.end <= d.tokens.len());
            let s = d.tokens[c.first].sentence;
            assert_eq!(d.tokens[c.end - 1].sentence, s, "span crosses sentences");
            assert!(c.span.end <= d.text.len());
            assert_eq!(c.source, MentionSource::Tagger);
            assert!(c.score <= 0.8 + 1e-6);
        }
    }

    #[test]
    fn an_unlisted_person_after_a_title_is_found_through_the_recogniser() {
        // «شهاب الدين قرطاس» is in no list; the title and the verb context make it a name.
        let d = doc("وقال المتحدث باسم الجيش العقيد شهاب الدين قرطاس إن القوات تقدمت.");
        let r = Recogniser::new().with_source(Box::new(TaggerSource::embedded()));
        let ms = r.recognise(&d, &[]);
        assert!(
            ms.iter()
                .any(|m| m.etype == EntityType::PER && d.slice(m.span).contains("قرطاس")),
            "{:?}",
            ms.iter()
                .map(|m| (m.etype, d.slice(m.span)))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn a_name_keeps_a_first_letter_the_text_layer_read_as_a_conjunction() {
        let lx = Lexicon::get();
        let d = doc("فراس فنسان وجون ومحمد");
        let got: Vec<(&str, bool, bool)> = d
            .tokens
            .iter()
            .map(|t| {
                (
                    d.slice(t.span),
                    t.pre_len > 0,
                    radical_conjunction(&d, lx, t),
                )
            })
            .collect();
        // the text layer splits all four; «فراس» is a listed given name and «فنسان» an
        // unlisted word after ف: both stay whole; «وجون» and «ومحمد» are و + a name
        assert_eq!(
            got,
            vec![
                ("فراس", true, true),
                ("فنسان", true, true),
                ("وجون", true, false),
                ("ومحمد", true, false)
            ]
        );
    }

    #[test]
    fn a_tagged_name_after_a_title_keeps_its_first_letter() {
        let d = doc("وأضاف اللاعب فنسان كومباني أن الفريق جاهز.");
        let out = tagged(&d);
        let texts: Vec<&str> = out.iter().map(|c| d.slice(c.span)).collect();
        assert!(texts.iter().any(|t| t.starts_with("فنسان")), "{texts:?}");
    }

    #[test]
    fn empty_and_punctuation_only_documents_give_nothing() {
        for text in ["", "  ", "!!! ... ؟"] {
            assert!(tagged(&doc(text)).is_empty(), "{text:?}");
        }
    }
}
