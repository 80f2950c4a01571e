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
/// word, a name particle («بن», «أبو»), a known given name, a speech verb, a definite
/// nationality adjective («الانكليزي كايل ووكر»), or a person
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
            || lx.classes(doc, t) & CUE != 0
            || definite_gentilic(doc, t);
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
        tidy_persons(doc, lx, prior, out, from);
    }
}

/// A nationality adjective written with the article («الانكليزي», «الأرجنتيني»).
fn definite_gentilic(doc: &Document, t: &rasd_doc::Token) -> bool {
    t.al_len > 0 && rasd_kb::Kb::get().gentilic(doc.token_stem(t)).is_some()
}

/// A word that opens a tagged span but is no part of the person's name: a title, title
/// head or role noun written with the article («الرئيس», «اللاعب»), or a function word
/// spelt unmistakably: with a hamza on its alef or a final «ى» («فإن», «على»), or of three
/// letters or more («الذي»). Never a name particle («أبو», «بن», «عبد») or a listed given
/// name of three letters or more («علي» folds like «على»). A bare two-letter function
/// word may be a foreign particle or a folded name («فان جال», «لو برون», «آن»), and an
/// indefinite title opening a name is a name part as often as not («قاضي خليل الله»).
fn opens_outside_name(doc: &Document, lx: &Lexicon, t: &rasd_doc::Token) -> bool {
    use rasd_recognise::lexicon::class;
    let c = lx.classes(doc, t);
    let stem = doc.token_stem(t);
    let letters = stem.chars().count();
    if c & (class::NAME_PARTICLE | class::FOREIGN_PARTICLE) != 0
        || (letters > 2 && lx.is_given_name(stem))
    {
        return false;
    }
    let spelt = letters > 2 || doc.slice(t.span).contains(['أ', 'إ', 'ى']);
    (c & class::FUNC != 0 && spelt)
        || (c & (class::TITLE | class::TITLE_HEAD | class::ROLE) != 0 && t.al_len > 0)
}

/// Brings the tagger's person spans (`out[from..]`) in line with what the rules know, so
/// that they compete in the merge on the name alone. Measured with `--tagger` on the
/// development gold (seed and eleven SaudiNewsNet sets): person F1 0.838 → 0.847.
///
/// - **One name in pieces.** Where the tagger's person spans tile one person candidate of
///   the knowledge base or the patterns from its first word («لويس» + «فان غال» inside
///   «لويس فان غال»), or run from a function word to its last word («فان غال», with «فان»
///   read as ف + «ان»), the tagger agrees that these words name a person
///   and differs only on a boundary inside. The merge's selection weight would prefer the
///   pieces, so they become one span over the rule's range, which then fuses with the
///   rule's. A piece that starts at a name word keeps its own reading («هلال الأسد» inside
///   «سليمان هلال الأسد» may be the father).
/// - **A listed place, as it stands.** A person span over exactly a place candidate of the
///   knowledge base («صلاح الدين», «شيلوبي») is dropped: the tagger saw the list's
///   features too, and its ANERcorp-learnt person reading of a listed place's exact extent
///   was wrong in every case on the development gold, while its longer spans that only
///   start with a place («آبا أباجانا») were right and are kept.
/// - **A facility's eponym.** A person right after a facility head in construct state
///   («بمسجد الحسين بن علي», «ملعب بوريس بايشادزه») is part of the facility's name, not a
///   mention of the person (annotation guide), and is dropped.
/// - **Bounds.** ANERcorp's tagger sometimes takes in the word before a name or runs on
///   past it («فإن صالح», «ابو حمزة السنحاني قائد ماتسمى»). Leading words that are no part
///   of a name (see `opens_outside_name`) are cut off, with a definite nationality
///   adjective after them («اللاعب الأرجنتيني»). Words inside a span are left: the title
///   heads a run-on would stop at are name parts too often («الباجي قائد السبسي», «عمر
///   قاضي», «محمد شيخ مؤمن»; measured on 19,730 SaudiNewsNet articles).
///   A span with nothing left is dropped. A span the rules also propose is left alone.
fn tidy_persons(
    doc: &Document,
    lx: &Lexicon,
    prior: &[Candidate],
    out: &mut Vec<Candidate>,
    from: usize,
) {
    let rule = |c: &&Candidate| {
        c.source != MentionSource::Tagger && c.score >= rasd_recognise::merge::MIN_SCORE
    };
    let listed_place = |first: usize, end: usize| {
        prior.iter().filter(rule).any(|p| {
            p.source == MentionSource::Kb
                && p.etype == EntityType::LOC
                && (p.first, p.end) == (first, end)
        })
    };
    // One name in pieces.
    for p in prior
        .iter()
        .filter(rule)
        .filter(|p| p.etype == EntityType::PER && p.end >= p.first + 2)
    {
        let pieces: Vec<usize> = (from..out.len())
            .filter(|&k| {
                out.get(k).is_some_and(|c| {
                    c.etype == EntityType::PER && c.first >= p.first && c.end <= p.end
                })
            })
            .collect();
        let Some((keep, mut at)) = pieces
            .first()
            .and_then(|&k| out.get(k).map(|c| (k, c.first)))
        else {
            continue;
        };
        // several pieces from the rule's first word, or pieces from a function word
        // («فان» read as ف + «ان») to the rule's end
        let particle_start = doc.tokens.get(at).is_some_and(|t| {
            lx.classes(doc, t) & rasd_recognise::lexicon::class::FUNC != 0
                || opens_outside_name(doc, lx, t)
        });
        if !(pieces.len() >= 2 && at == p.first || at > p.first && particle_start) {
            continue;
        }
        let pieces_first = at;
        let mut weighted = 0.0;
        for &k in &pieces {
            match out.get(k) {
                Some(c) if c.first == at => {
                    weighted += c.score * (c.end - c.first) as f32;
                    at = c.end;
                }
                _ => break,
            }
        }
        if at != p.end {
            continue;
        }
        let score = weighted / (p.end - pieces_first) as f32;
        for &k in pieces.iter().skip(1).rev() {
            out.remove(k);
        }
        if let Some(c) = out.get_mut(keep) {
            *c = Candidate {
                score,
                ..Candidate::from_tokens(doc, p.first, p.end, p.etype, MentionSource::Tagger, score)
            };
            c.span = p.span;
        }
    }
    let Some(tail) = out.get_mut(from..) else {
        return;
    };
    for c in tail.iter_mut().filter(|c| c.etype == EntityType::PER) {
        let (first0, end0) = (c.first, c.end);
        if listed_place(first0, end0) || rasd_recognise::patterns::after_eponym_head(doc, first0) {
            c.end = c.first; // dropped below
            continue;
        }
        if prior
            .iter()
            .filter(rule)
            .any(|p| p.etype == EntityType::PER && (p.first, p.end) == (first0, end0))
        {
            continue;
        }
        let mut first = c.first;
        let mut cut_title = false;
        while first < c.end {
            match doc.tokens.get(first) {
                Some(t) if opens_outside_name(doc, lx, t) => cut_title = true,
                Some(t) if cut_title && definite_gentilic(doc, t) => {}
                _ => break,
            }
            first += 1;
        }
        let end = c.end;
        if first >= end || listed_place(first, end) {
            c.end = c.first; // dropped below
            continue;
        }
        if (first, end) != (first0, end0) {
            let keep_letter = doc
                .tokens
                .get(first)
                .is_some_and(|t| radical_conjunction(doc, lx, t));
            *c = Candidate::from_tokens(doc, first, end, c.etype, c.source, c.score);
            if keep_letter {
                c.span = rasd_recognise::spans::token_range_words(doc, first, end);
            }
        }
    }
    let mut k = 0;
    out.retain(|c| {
        k += 1;
        k <= from || c.end > c.first
    });
}

/// True when the text layer read token `t` as و/ف + a two-letter function word written
/// without hamza («فان» as ف + «ان»): inside a tagged name that is the first letters of
/// a foreign name or particle («فان بيرسي», «فان دير فارت»), not a conjunction and a
/// particle, which careful news spelling writes with its hamza («فإن»).
fn split_particle(doc: &Document, lx: &Lexicon, t: &rasd_doc::Token) -> bool {
    use rasd_doc::Proclitics as P;
    (t.proclitics.has(P::WA) || t.proclitics.has(P::FA))
        && t.pre_len == 2
        && t.al_len == 0
        && t.enclitic.is_none()
        && lx.classes(doc, t) & rasd_recognise::lexicon::class::FUNC != 0
        && doc.token_stem(t).chars().count() == 2
        && !doc.slice(t.span).contains(['أ', 'إ', 'ى', 'ء'])
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
    (!known(rest) && (known(whole) || t.proclitics.has(P::FA))) || split_particle(doc, lx, t)
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
    fn a_bare_particle_after_fa_is_a_foreign_names_first_letters() {
        // «فان» is read as ف + «ان»; written with hamza, «فإن» is the conjunction
        let lx = Lexicon::get();
        let d = doc("روبن فان بيرسي فإن");
        let keep = |w: &str| radical_conjunction(&d, lx, &d.tokens[at(&d, w)]);
        assert!(keep("فان"));
        assert!(!keep("فإن"));
    }

    #[test]
    fn a_tagged_name_after_a_title_keeps_its_first_letter() {
        let d = doc("وأضاف اللاعب فنسان كومباني أن الفريق جاهز.");
        let out = tagged(&d);
        let texts: Vec<&str> = out.iter().map(|c| d.slice(c.span)).collect();
        assert!(texts.iter().any(|t| t.starts_with("فنسان")), "{texts:?}");
    }

    /// Index of the token written `w` in `d`.
    fn at(d: &Document, w: &str) -> usize {
        d.tokens
            .iter()
            .position(|t| d.slice(t.span) == w)
            .unwrap_or_else(|| panic!("no token {w}"))
    }

    /// `tidy_persons` on tagger person spans `spans` (first and last word, inclusive)
    /// against rule candidates `prior`; the texts of what is left.
    fn tidy(d: &Document, prior: &[Candidate], spans: &[(&str, &str)]) -> Vec<String> {
        let mut out: Vec<Candidate> = spans
            .iter()
            .map(|(a, b)| {
                Candidate::from_tokens(
                    d,
                    at(d, a),
                    at(d, b) + 1,
                    EntityType::PER,
                    MentionSource::Tagger,
                    0.76,
                )
            })
            .collect();
        tidy_persons(d, Lexicon::get(), prior, &mut out, 0);
        out.iter().map(|c| d.slice(c.span).to_string()).collect()
    }

    fn rule(d: &Document, a: &str, b: &str, t: EntityType, src: MentionSource) -> Candidate {
        Candidate::from_tokens(d, at(d, a), at(d, b) + 1, t, src, 0.73)
    }

    #[test]
    fn tagged_persons_lose_the_particles_titles_and_roles_around_them() {
        let d = doc("وبحسب التقرير فإن صالح بقي في السلطة.");
        assert_eq!(tidy(&d, &[], &[("فإن", "صالح")]), ["صالح"]);
        let d = doc("وقال اللاعب الأرجنتيني دييغو ميليتو إن الفريق جاهز.");
        assert_eq!(tidy(&d, &[], &[("اللاعب", "ميليتو")]), ["دييغو ميليتو"]);
        let d = doc("وقال فإن محمد عبد الله بقي في السلطة.");
        assert_eq!(tidy(&d, &[], &[("فإن", "الله")]), ["محمد عبد الله"]);
        // nothing left: the span is dropped
        let d = doc("وقال الرئيس إن الوضع صعب.");
        assert!(tidy(&d, &[], &[("الرئيس", "الرئيس")]).is_empty());
    }

    #[test]
    fn name_words_that_look_like_particles_or_titles_stay() {
        // «علي» folds like «على»; «قاضي» and «شيخ» are indefinite titles used as name parts
        let d = doc(
            "القرار يطول أحمد علي عبدالله صالح وقاضي خليل الله ومحمد شيخ مؤمن والباجي قائد السبسي.",
        );
        assert_eq!(
            tidy(
                &d,
                &[],
                &[
                    ("أحمد", "صالح"),
                    ("وقاضي", "الله"),
                    ("ومحمد", "مؤمن"),
                    ("والباجي", "السبسي")
                ]
            ),
            [
                "أحمد علي عبدالله صالح",
                "قاضي خليل الله",
                "محمد شيخ مؤمن",
                "الباجي قائد السبسي"
            ]
        );
        // a bare two-letter particle may be a foreign one («فان جال», «لو برون»)
        let d = doc("وقال فان جال إن الفريق جاهز.");
        let whole = rule(&d, "فان", "جال", EntityType::PER, MentionSource::Tagger);
        assert_eq!(tidy(&d, &[], &[("فان", "جال")]), [d.slice(whole.span)]);
    }

    #[test]
    fn tagged_pieces_of_a_rule_person_become_the_whole_name() {
        use MentionSource::Pattern;
        let d = doc("واشرك الهولندي لويس فان غال مدرب مانشستر يونايتد.");
        let whole = rule(&d, "لويس", "غال", EntityType::PER, Pattern);
        // two pieces tiling the rule's name
        assert_eq!(
            tidy(
                &d,
                std::slice::from_ref(&whole),
                &[("لويس", "لويس"), ("فان", "غال")]
            ),
            ["لويس فان غال"]
        );
        // one piece from a particle-like word to the rule's end
        assert_eq!(
            tidy(&d, std::slice::from_ref(&whole), &[("فان", "غال")]),
            ["لويس فان غال"]
        );
        // a piece from a name word keeps its own reading (another person, «هلال الأسد»)
        let d = doc("اعتقل سليمان هلال الأسد في اللاذقية.");
        let whole = rule(&d, "سليمان", "الأسد", EntityType::PER, Pattern);
        assert_eq!(tidy(&d, &[whole], &[("هلال", "الأسد")]), ["هلال الأسد"]);
    }

    #[test]
    fn a_tagged_person_over_exactly_a_listed_place_is_dropped() {
        let d = doc("بين محافظة كركوك وصلاح الدين شمال بعقوبة.");
        let place = rule(&d, "وصلاح", "الدين", EntityType::LOC, MentionSource::Kb);
        assert!(tidy(&d, &[place], &[("وصلاح", "الدين")]).is_empty());
        let d = doc("وقال آبا أباجانا إن القرية هوجمت.");
        let place = rule(&d, "آبا", "آبا", EntityType::LOC, MentionSource::Kb);
        assert_eq!(tidy(&d, &[place], &[("آبا", "أباجانا")]), ["آبا أباجانا"]);
    }

    #[test]
    fn a_nationality_adjective_opens_a_window_for_the_name_after_it() {
        // sport and culture news name foreigners after their nationality, with no title
        let d = doc("وسجل الدولي الانكليزي كايل ووكر هدف الفوز.");
        let mut runs = Vec::new();
        person_windows(&d, Lexicon::get(), &[], 0, d.tokens.len(), &mut runs);
        let name = at(&d, "كايل");
        assert!(
            runs.iter().any(|&(a, b)| a <= name && name + 1 < b),
            "{runs:?}"
        );
    }

    #[test]
    fn a_tagged_person_naming_a_facility_is_dropped() {
        let d = doc("واستهدف التفجير مسجد الحسين بن علي في الدمام. وقال الحسين إن الوضع صعب.");
        let first = at(&d, "الحسين");
        let second = d
            .tokens
            .iter()
            .rposition(|t| d.slice(t.span) == "الحسين")
            .unwrap_or(0);
        let mut out = vec![
            Candidate::from_tokens(
                &d,
                first,
                first + 3,
                EntityType::PER,
                MentionSource::Tagger,
                0.76,
            ),
            Candidate::from_tokens(
                &d,
                second,
                second + 1,
                EntityType::PER,
                MentionSource::Tagger,
                0.76,
            ),
        ];
        tidy_persons(&d, Lexicon::get(), &[], &mut out, 0);
        let texts: Vec<(usize, &str)> = out.iter().map(|c| (c.first, d.slice(c.span))).collect();
        assert_eq!(texts, [(second, "الحسين")]);
    }

    #[test]
    fn empty_and_punctuation_only_documents_give_nothing() {
        for text in ["", "  ", "!!! ... ؟"] {
            assert!(tagged(&doc(text)).is_empty(), "{text:?}");
        }
    }
}
