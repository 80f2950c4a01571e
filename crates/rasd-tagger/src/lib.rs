//! rasd-tagger: a statistical Arabic named-entity tagger in pure Rust.
//!
//! The model is an averaged structured perceptron (first-order, Viterbi-decoded under IOB2
//! constraints) over hashed features: surface and normalised word forms, clitic-stripped
//! stems and clitics, character prefixes/suffixes, shape, a ±2 context window, word
//! clusters learnt from unlabelled SaudiNewsNet news text, gazetteer flags (a list
//! derived from the training data, plus an optional per-token hook for a caller's
//! knowledge base), and knowledge-base lexicon features (names from the project's
//! knowledge base, embedded in the model at training time). It is trained on ANERcorp
//! (CAMeL Lab split) and tags with the ANERcorp label set: IOB2 over `PERS`, `LOC`, `ORG`,
//! `MISC`.
//!
//! ```
//! use rasd_tagger::{spans, Tagger};
//! let tagger = Tagger::embedded();
//! let tokens = ["قال", "الرئيس", "المصري", "حسني", "مبارك", "في", "القاهرة"];
//! let tags = tagger.tag(&tokens, None);
//! assert_eq!(tags.len(), tokens.len());
//! for span in spans(&tags) {
//!     println!("{:?} {}", &tokens[span.start..span.end], span.etype.as_str());
//! }
//! ```
//!
//! Library entry points used by the `rasd` CLI: [`Tagger::tag`], [`Tagger::tag_document`]
//! (adds one-sense-per-document consistency), [`Tagger::tag_conll`], [`train::train`],
//! [`eval::eval_conll`], [`clusters::build_clusters`]. Since the sixth round the model also
//! learns from the project's rule recogniser through per-token hints
//! ([`Tagger::tag_hinted`], [`Tagger::tag_document_hinted`]), which the `rasd` crate
//! computes. See the crate README for the training protocol and measured scores (ANERcorp
//! CAMeL test micro F1 74.3 for the committed model).

#![warn(missing_docs)]

pub mod autolex;
pub mod clusters;
pub mod conll;
mod crf;
pub mod ctxtab;
pub mod dense;
pub mod doc;
pub mod errors;
pub mod eval;
pub mod features;
pub mod labels;
pub mod model;
pub mod namelike;
pub mod normalize;
pub mod oov;
pub mod pairfeat;
pub mod protos;
pub mod selftrain;
pub mod spanfeat;
pub mod table;
pub mod train;
pub mod typebias;
pub mod util;

pub use eval::{eval_conll, NerScores, Prf};
pub use labels::{spans, spans_of_labels, EntityType, Label, Span, Tag};
pub use train::{train, Algorithm, DevSpec, TrainParams, TrainReport};

use features::parse_gaz_values;
use model::Model;
use std::path::Path;
use std::sync::OnceLock;

/// Errors from training, evaluation and file handling.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// An I/O error on a named path.
    #[error("{path}: {source}")]
    Io {
        /// The path involved.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Bad or unusable data.
    #[error("{0}")]
    Data(String),
}

impl Error {
    /// Wrap an I/O error with its path.
    pub fn io(path: &Path, source: std::io::Error) -> Error {
        Error::Io {
            path: path.display().to_string(),
            source,
        }
    }
}

/// The committed model, trained on ANERcorp (CAMeL split, train file only).
static EMBEDDED_MODEL: &[u8] = include_bytes!("../model/anercorp.model");

/// A loaded tagger.
#[derive(Debug, Clone)]
pub struct Tagger {
    model: Model,
    /// Transition matrix with the IOB2 constraint applied, computed once at load.
    trans_eff: [[f32; labels::NUM_LABELS]; labels::NUM_LABELS + 1],
    /// Viterbi decoder over `trans_eff`.
    decoder: model::Decoder,
    /// Precomputed rows of the small-domain contextual templates.
    ctx: ctxtab::CtxTables,
    /// Identity of the model for per-thread word memos ([`features::WordMemo`]); clones
    /// share it (same features).
    id: u64,
}

/// Source of [`Tagger`] ids.
static NEXT_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

impl Tagger {
    fn new(model: Model) -> Tagger {
        let trans_eff = model::effective_transitions(&model.trans, model.constrained);
        let decoder = model::Decoder::new(&trans_eff);
        let ctx = match model.clus_caps {
            Some(caps) => ctxtab::CtxTables::build_with_caps(&model.feat, caps),
            None => ctxtab::CtxTables::build(&model.feat, &model.clusters),
        };
        Tagger {
            model,
            trans_eff,
            decoder,
            ctx,
            id: NEXT_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

impl Tagger {
    /// The tagger built from the model embedded in the binary, loaded once on first use.
    ///
    /// If the embedded bytes were ever corrupt, this returns a tagger that tags everything
    /// `O` (and [`Tagger::embedded_error`] says why); the crate's tests guard against that.
    pub fn embedded() -> &'static Tagger {
        &Self::embedded_once().0
    }

    /// Why the embedded model failed to load, if it did. Shares the one load of
    /// [`Tagger::embedded`] (calling both parses the model once, not twice).
    pub fn embedded_error() -> Option<String> {
        Self::embedded_once().1.clone()
    }

    /// The embedded tagger and its load error, computed once per process.
    fn embedded_once() -> &'static (Tagger, Option<String>) {
        static T: OnceLock<(Tagger, Option<String>)> = OnceLock::new();
        T.get_or_init(|| match Tagger::load_embedded() {
            Ok(t) => (t, None),
            Err(e) => (Tagger::new(Model::default()), Some(e.to_string())),
        })
    }

    /// A fresh tagger parsed from the embedded model bytes (not cached; for benchmarks of
    /// the load — everyone else should use [`Tagger::embedded`]).
    pub fn load_embedded() -> Result<Tagger, Error> {
        Ok(Tagger::new(Model::from_static(EMBEDDED_MODEL)?))
    }

    /// A tagger over a model built in memory (training).
    pub(crate) fn from_model(model: Model) -> Tagger {
        Tagger::new(model)
    }

    /// Build a tagger from model bytes (as written by training).
    pub fn from_bytes(bytes: &[u8]) -> Result<Tagger, Error> {
        Ok(Tagger::new(Model::from_bytes(bytes)?))
    }

    /// Load a tagger from a model file.
    pub fn load(path: &Path) -> Result<Tagger, Error> {
        let b = std::fs::read(path).map_err(|e| Error::io(path, e))?;
        Tagger::from_bytes(&b)
    }

    /// The underlying model (feature count, provenance).
    pub fn model(&self) -> &Model {
        &self.model
    }

    /// Tag one sentence of pre-tokenised text.
    ///
    /// `extra`, if given, holds one string per token with knowledge-base gazetteer values
    /// for the span the token sits in, e.g. `"LOC-B"`, `"PERS-I"`, several joined by `|`
    /// (empty string: none). They feed the same gazetteer features that training derived
    /// from ANERcorp's own entity lists. A length mismatch is tolerated (missing = none).
    /// Returns exactly one [`Tag`] per input token.
    pub fn tag(&self, tokens: &[&str], extra: Option<&[&str]>) -> Vec<Tag> {
        self.tag_with(tokens, extra, &[])
    }

    /// Tag one sentence with rule hints: `hints[i]` is the [`features::hint_code`] of the
    /// rule recogniser's candidate token `i` sits in (0 = none; see
    /// [`features::F_HINTS`]). Only models trained with hints ([`Tagger::wants_hints`])
    /// use them; missing entries mean none.
    pub fn tag_hinted(&self, tokens: &[&str], hints: &[u8]) -> Vec<Tag> {
        self.tag_with(tokens, None, hints)
    }

    /// One sentence with gazetteer values and rule hints (either may be absent).
    fn tag_with(&self, tokens: &[&str], extra: Option<&[&str]>, hints: &[u8]) -> Vec<Tag> {
        if tokens.is_empty() {
            return Vec::new();
        }
        let em = self.emissions(tokens, extra, hints);
        self.decode(&em, tokens.len())
    }

    /// Whether the model was trained with rule hints ([`features::F_HINTS`]), so callers
    /// that can compute them should use [`Tagger::tag_hinted`] /
    /// [`Tagger::tag_document_hinted`].
    pub fn wants_hints(&self) -> bool {
        self.model.fflags & features::F_HINTS != 0
    }

    /// First-stage emission scores of a sentence (`n × NUM_LABELS`), with optional
    /// gazetteer values (`extra`) and rule hints (`hints`, may be empty).
    pub(crate) fn emissions(
        &self,
        tokens: &[&str],
        extra: Option<&[&str]>,
        hints: &[u8],
    ) -> Vec<f32> {
        let bits: Vec<u8> = match extra {
            Some(e) => (0..tokens.len())
                .map(|i| e.get(i).map(|s| parse_gaz_values(s)).unwrap_or(0))
                .collect(),
            None => Vec::new(),
        };
        let mut infos = Vec::with_capacity(tokens.len());
        let cache = (!self.model.cache_rows.is_empty()).then_some(&self.model.cache);
        thread_local! {
            static MEMO: std::cell::RefCell<features::WordMemo> =
                std::cell::RefCell::new(features::WordMemo::default());
        }
        MEMO.with(|m| {
            let mut guard = m.try_borrow_mut();
            let mut memo = guard.as_deref_mut().ok();
            if let Some(m) = memo.as_deref_mut() {
                m.claim(self.id);
            }
            features::analyse_memo(
                tokens,
                &self.model.clusters,
                &self.model.lex,
                &bits,
                self.model.fflags,
                cache,
                memo,
                &mut infos,
            );
        });
        if !hints.is_empty() {
            features::set_hints(&mut infos, hints);
        }
        let mut keys = Vec::with_capacity(tokens.len() * 32);
        let mut offsets = Vec::with_capacity(tokens.len() + 1);
        let mut init = Vec::with_capacity(tokens.len());
        offsets.push(0);
        for i in 0..infos.len() {
            let Some(ti) = infos.get(i) else { break };
            let mut acc = [0i32; labels::NUM_LABELS];
            match self
                .model
                .cached(features::raw_key(ti))
                .and_then(|c| self.model.cache_row(c))
            {
                Some(row) => acc = row,
                None => features::static_features(ti, &mut keys),
            }
            features::tabled_context(&infos, i, |tpl, v| match self.ctx.row(tpl, v) {
                Some(row) => {
                    for (x, w) in acc.iter_mut().zip(row) {
                        *x += *w;
                    }
                }
                None => keys.push(features::feature_key(tpl, v)),
            });
            features::hashed_context(&infos, i, &mut keys);
            init.push(acc);
            offsets.push(keys.len());
        }
        let mut em = Vec::new();
        self.model
            .emissions_with_init(&keys, &offsets, &init, &mut em);
        if self.model.fflags & pairfeat::F_PAIRS != 0 {
            let pb: Vec<u64> = infos.iter().flat_map(|t| t.pair_base()).collect();
            let mut ps = Vec::new();
            self.model.pair_scores(&pb, &mut ps);
            em.extend_from_slice(&ps);
        }
        em
    }

    /// Split what [`Tagger::emissions`] returns into emission scores (`n × NUM_LABELS`)
    /// and label-pair scores (`n × PAIR_W`; empty without [`pairfeat::F_PAIRS`]).
    pub(crate) fn split_em<'a>(&self, em: &'a [f32]) -> (&'a [f32], &'a [f32]) {
        if self.model.fflags & pairfeat::F_PAIRS != 0 {
            let n = em.len() / (labels::NUM_LABELS + pairfeat::PAIR_W);
            em.split_at((n * labels::NUM_LABELS).min(em.len()))
        } else {
            (em, &[])
        }
    }

    /// Viterbi decoding with confidences: exactly `n` tags.
    fn decode(&self, em: &[f32], n: usize) -> Vec<Tag> {
        let mut out = Vec::new();
        let mut conf = Vec::new();
        let (e, ps) = self.split_em(em);
        if ps.is_empty() {
            self.decoder.decode(e, &mut out, Some(&mut conf));
        } else {
            model::viterbi_pairs(e, &self.trans_eff, ps, &mut out, Some(&mut conf));
        }
        (0..n)
            .map(|i| Tag {
                label: Label::from_index(out.get(i).copied().unwrap_or(0) as usize),
                confidence: conf.get(i).copied().unwrap_or(0.0),
            })
            .collect()
    }

    /// Label indices of the best path (no confidences).
    pub(crate) fn best_path(&self, em: &[f32]) -> Vec<u8> {
        let mut out = Vec::new();
        let (e, ps) = self.split_em(em);
        if ps.is_empty() {
            self.decoder.decode(e, &mut out, None);
        } else {
            model::viterbi_pairs(e, &self.trans_eff, ps, &mut out, None);
        }
        out
    }

    /// The transition matrix used for decoding (IOB2 constraints applied).
    pub(crate) fn transitions(&self) -> &[[f32; labels::NUM_LABELS]; labels::NUM_LABELS + 1] {
        &self.trans_eff
    }

    /// Second-stage (document-level) tagging: first-stage emissions of every sentence, the
    /// first-stage best paths, then the document features' weights added and a second
    /// Viterbi pass. Without document weights in the model this is sentence-level tagging.
    /// `hints[i]` are sentence `i`'s rule hints (missing rows mean none).
    pub(crate) fn tag_doc_stage(
        &self,
        sentences: &[Vec<&str>],
        hints: &[Vec<u8>],
        window: usize,
    ) -> Vec<Vec<Tag>> {
        let ems: Vec<Vec<f32>> = sentences
            .iter()
            .enumerate()
            .map(|(i, s)| self.emissions(s, None, hints.get(i).map_or(&[], Vec::as_slice)))
            .collect();
        if self.model.doc.is_empty() {
            return ems
                .iter()
                .zip(sentences)
                .map(|(e, s)| self.decode(e, s.len()))
                .collect();
        }
        let first: Vec<Vec<u8>> = ems.iter().map(|e| self.best_path(e)).collect();
        let keys = doc::doc_keys(sentences, &first, window);
        ems.into_iter()
            .zip(&keys)
            .zip(sentences)
            .map(|((mut em, ks), s)| {
                self.model.add_doc_weights(&mut em, ks);
                self.decode(&em, s.len())
            })
            .collect()
    }

    /// Switch clitic-tolerant document propagation ([`F_PROP_CLITICS`]) on or off for
    /// this tagger (decoding only; the model's features are unchanged).
    pub fn set_clitic_propagation(&mut self, on: bool) {
        if on {
            self.model.fflags |= F_PROP_CLITICS;
        } else {
            self.model.fflags &= !F_PROP_CLITICS;
        }
    }

    /// Labels only (no confidences needed by the caller, same decoding).
    pub fn labels(&self, tokens: &[&str]) -> Vec<Label> {
        self.tag(tokens, None)
            .into_iter()
            .map(|t| t.label)
            .collect()
    }

    /// Tag a document given as sentences, then make the result consistent across the
    /// document: a token sequence that the model tagged as an entity somewhere is also
    /// tagged (with the majority type of its predictions) where it recurs untagged within
    /// `window` sentences (one sense per document). On the ANERcorp dev slice it raised F1 by
    /// 0.5–1.3 points for earlier models and was neutral for the committed one; on the test
    /// file it added 0.8. Propagated tags carry half the mean confidence of their sources.
    pub fn tag_document(&self, sentences: &[Vec<&str>], window: usize) -> Vec<Vec<Tag>> {
        self.tag_document_hinted(sentences, &[], window)
    }

    /// [`Tagger::tag_document`] with rule hints per sentence (see [`Tagger::tag_hinted`];
    /// missing rows mean none).
    pub fn tag_document_hinted(
        &self,
        sentences: &[Vec<&str>],
        hints: &[Vec<u8>],
        window: usize,
    ) -> Vec<Vec<Tag>> {
        let mut tags = self.tag_doc_stage(sentences, hints, window);
        let clitics = self.model.fflags & F_PROP_CLITICS != 0;
        propagate(sentences, &mut tags, window, clitics);
        tags
    }

    /// Tag token-per-line CoNLL text: the first whitespace-separated column of each
    /// non-blank line is the token; blank (or whitespace-only) lines separate sentences.
    /// Writes `TOKEN TAG` lines with every blank line kept, so the output has exactly the
    /// input's tokens in order and can be scored with [`eval_conll`] directly. The whole
    /// input is treated as one document for [`Tagger::tag_document`] with
    /// [`DOC_WINDOW`].
    pub fn tag_conll(&self, input: &str) -> String {
        self.tag_conll_with(input, Some(DOC_WINDOW))
    }

    /// Like [`Tagger::tag_conll`], with the document-consistency window given explicitly
    /// (`None`: tag every sentence on its own, exactly as [`Tagger::tag`] does).
    pub fn tag_conll_with(&self, input: &str, doc_window: Option<usize>) -> String {
        self.tag_conll_hinted(input, doc_window, |_| Vec::new())
    }

    /// Like [`Tagger::tag_conll_with`], with rule hints: `hints` gets the input's sentences
    /// and returns one row of hint bits per sentence (see [`Tagger::tag_hinted`]).
    pub fn tag_conll_hinted(
        &self,
        input: &str,
        doc_window: Option<usize>,
        hints: impl FnOnce(&[Vec<&str>]) -> Vec<Vec<u8>>,
    ) -> String {
        // None = blank line, Some(i) = sentence i starts/continues here
        let mut lines: Vec<Option<&str>> = Vec::new();
        let mut sents: Vec<Vec<&str>> = Vec::new();
        let mut cur: Vec<&str> = Vec::new();
        for line in input.lines() {
            match line.split_whitespace().next() {
                Some(tok) => {
                    cur.push(tok);
                    lines.push(Some(tok));
                }
                None => {
                    if !cur.is_empty() {
                        sents.push(std::mem::take(&mut cur));
                    }
                    lines.push(None);
                }
            }
        }
        if !cur.is_empty() {
            sents.push(cur);
        }
        let hints = hints(&sents);
        let row = |i: usize| hints.get(i).map_or(&[][..], Vec::as_slice);
        let tags = match doc_window {
            Some(w) => self.tag_document_hinted(&sents, &hints, w),
            None => sents
                .iter()
                .enumerate()
                .map(|(i, s)| self.tag_hinted(s, row(i)))
                .collect(),
        };
        let mut flat = tags.iter().flatten();
        let mut out = String::with_capacity(input.len() + input.len() / 4);
        for l in lines {
            if let Some(tok) = l {
                out.push_str(tok);
                out.push(' ');
                out.push_str(flat.next().map(|t| t.label.as_str()).unwrap_or("O"));
            }
            out.push('\n');
        }
        out
    }
}

/// Model flag (decoding only, set by `train --prop-clitics`): document-consistency
/// propagation also matches a recurrence whose first word differs from the tagged one only
/// by proclitics («البنك التجاري» → «للبنك التجاري»).
pub const F_PROP_CLITICS: u32 = 1 << 15;

/// Window (in sentences) used by [`Tagger::tag_conll`] for document consistency.
pub const DOC_WINDOW: usize = 10;

/// One-sense-per-document propagation (see [`Tagger::tag_document`]).
fn propagate(sentences: &[Vec<&str>], tags: &mut [Vec<Tag>], window: usize, clitics: bool) {
    // first-word forms under which a word is indexed / looked up
    let forms = |w: &str| -> Vec<String> {
        let mut v = vec![w.to_string()];
        if clitics {
            v.extend(normalize::strip_proclitics(w));
        }
        v
    };
    use std::collections::HashMap;
    let norms: Vec<Vec<String>> = sentences
        .iter()
        .map(|s| s.iter().map(|t| normalize::normalize(t)).collect())
        .collect();
    // entity strings predicted by the model: key → (sentence indices, type votes, confidence sum)
    struct Src {
        sents: Vec<usize>,
        votes: [u32; 4],
        conf: f32,
        n: u32,
    }
    let mut srcs: HashMap<Vec<&str>, Src> = HashMap::new();
    for (si, t) in tags.iter().enumerate() {
        for sp in spans(t) {
            let Some(words) = norms.get(si).and_then(|n| n.get(sp.start..sp.end)) else {
                continue;
            };
            let key: Vec<&str> = words.iter().map(String::as_str).collect();
            let e = srcs.entry(key).or_insert(Src {
                sents: Vec::new(),
                votes: [0; 4],
                conf: 0.0,
                n: 0,
            });
            e.sents.push(si);
            let ti = EntityType::ALL
                .iter()
                .position(|x| *x == sp.etype)
                .unwrap_or(0);
            e.votes[ti] += 1;
            e.conf += t.get(sp.start).map(|x| x.confidence).unwrap_or(0.0);
            e.n += 1;
        }
    }
    if srcs.is_empty() {
        return;
    }
    // index candidates by first word, longest first
    let mut by_first: HashMap<String, Vec<(&Vec<&str>, &Src)>> = HashMap::new();
    for (k, v) in &srcs {
        if let Some(f) = k.first() {
            for form in forms(f) {
                by_first.entry(form).or_default().push((k, v));
            }
        }
    }
    for v in by_first.values_mut() {
        v.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
        v.dedup_by(|a, b| a.0 == b.0);
    }
    for si in 0..tags.len() {
        let Some(ns) = norms.get(si) else { continue };
        let mut i = 0;
        while i < ns.len() {
            let mut advanced = false;
            let here = ns.get(i).map(|w| forms(w)).unwrap_or_default();
            let mut cands: Vec<&(&Vec<&str>, &Src)> = here
                .iter()
                .filter_map(|f| by_first.get(f.as_str()))
                .flatten()
                .collect();
            if here.len() > 1 {
                cands.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(b.0)));
                cands.dedup_by(|a, b| a.0 == b.0);
            }
            {
                for (key, src) in cands {
                    let end = i + key.len();
                    let Some(ws) = ns.get(i..end) else { continue };
                    let Some(ts) = tags.get(si).and_then(|t| t.get(i..end)) else {
                        continue;
                    };
                    if ts.iter().any(|t| t.label != Label::O)
                        || ws.iter().zip(key.iter()).skip(1).any(|(a, b)| a != b)
                        || !src.sents.iter().any(|&s| s.abs_diff(si) <= window)
                    {
                        continue;
                    }
                    let (best, _) =
                        src.votes
                            .iter()
                            .enumerate()
                            .fold(
                                (0usize, 0u32),
                                |m, (k, &v)| if v > m.1 { (k, v) } else { m },
                            );
                    let ty = EntityType::ALL[best];
                    let conf = 0.5 * src.conf / src.n.max(1) as f32;
                    if let Some(ts) = tags.get_mut(si).and_then(|t| t.get_mut(i..end)) {
                        for (j, t) in ts.iter_mut().enumerate() {
                            t.label = if j == 0 { Label::B(ty) } else { Label::I(ty) };
                            t.confidence = conf;
                        }
                    }
                    i = end;
                    advanced = true;
                    break;
                }
            }
            if !advanced {
                i += 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let t = Tagger::embedded();
        assert!(t.tag(&[], None).is_empty());
        assert_eq!(t.tag(&[""], None).len(), 1);
        assert_eq!(t.tag(&["a", "ب"], Some(&["LOC-B"])).len(), 2);
        assert_eq!(t.tag(&["\u{0640}\u{064B}", "؟", "🙂"], Some(&[])).len(), 3);
        assert_eq!(t.tag_conll(""), "");
        assert_eq!(t.tag_conll("\n\n"), "\n\n");
    }

    /// `O` (confidence 0.9) and `B-ORG` / `I-ORG` (0.8) tags for the propagation tests.
    fn org_tags() -> (Tag, Tag, Tag) {
        let t = |label| Tag {
            label,
            confidence: 0.8,
        };
        (
            Tag {
                label: Label::O,
                confidence: 0.9,
            },
            t(Label::B(EntityType::Org)),
            t(Label::I(EntityType::Org)),
        )
    }

    #[test]
    fn propagation_fills_untagged_repeats_within_window() {
        let (o, b, _) = org_tags();
        let sents = vec![
            vec!["قال", "الليكود"],
            vec!["إن", "الليكود"],
            vec!["x"],
            vec!["الليكود"],
        ];
        let mut tags = vec![vec![o, b], vec![o, o], vec![o], vec![o]];
        propagate(&sents, &mut tags, 1, false);
        assert_eq!(tags[1][1].label, Label::B(EntityType::Org));
        assert!((tags[1][1].confidence - 0.4).abs() < 1e-6);
        assert_eq!(tags[1][0].label, Label::O);
        // sentence 3 is 3 sentences away from the only model-tagged mention
        assert_eq!(tags[3][0].label, Label::O);
        let mut none: Vec<Vec<Tag>> = vec![];
        propagate(&[], &mut none, 5, true);
    }

    #[test]
    fn clitic_tolerant_propagation() {
        let (o, b, i) = org_tags();
        let sents = vec![
            vec!["البنك", "التجاري"],
            vec!["أرباح", "للبنك", "التجاري"],
            vec!["وللبنك", "الأهلي"],
        ];
        let fresh = || vec![vec![b, i], vec![o, o, o], vec![o, o]];
        let mut tags = fresh();
        propagate(&sents, &mut tags, 5, false);
        assert_eq!(
            tags[1][1].label,
            Label::O,
            "exact matching only without the flag"
        );
        let mut tags = fresh();
        propagate(&sents, &mut tags, 5, true);
        assert_eq!(tags[1][0].label, Label::O);
        assert_eq!(tags[1][1].label, Label::B(EntityType::Org));
        assert_eq!(tags[1][2].label, Label::I(EntityType::Org));
        assert_eq!(tags[2][0].label, Label::O, "the other words must match too");
    }

    #[test]
    fn word_cache_does_not_change_results() {
        let t = Tagger::embedded();
        let mut plain = t.clone();
        plain.model.cache = table::U64Map::default();
        plain.model.cache_rows.clear();
        let sents: [&[&str]; 3] = [
            &[
                "وقال",
                "الرئيس",
                "الأمريكي",
                "جورج",
                "بوش",
                "في",
                "واشنطن",
                "إن",
                ".",
            ],
            &["أعلن", "اتحاد", "صناعة", "السيارات", "في", "ألمانيا", "أمس"],
            &["xyz", "٢٠١٥", "القاهرة", "والقاهرة"],
        ];
        for s in sents {
            let a = t.tag(s, None);
            let b = plain.tag(s, None);
            assert_eq!(a, b);
        }
    }

    /// Emission scores the slow, obviously-correct way: every token's full key list
    /// ([`features::token_features`]) probed in the weight table, no word cache, no context
    /// tables.
    fn reference_emissions(t: &Tagger, toks: &[&str], hints: &[u8]) -> Vec<f32> {
        let mut infos = Vec::new();
        features::analyse(
            toks,
            &t.model.clusters,
            &t.model.lex,
            &[],
            t.model.fflags,
            &mut infos,
        );
        features::set_hints(&mut infos, hints);
        let (mut keys, mut offsets) = (Vec::new(), Vec::new());
        features::sentence_features(&infos, &mut keys, &mut offsets);
        let mut em = Vec::new();
        t.model.emissions(&keys, &offsets, &mut em);
        em
    }

    /// Sample sentences: a few written here plus, when the data is present, every 5th
    /// sentence of the ANERcorp train file (never the test file).
    fn sample_sentences() -> Vec<Vec<String>> {
        let mut v: Vec<Vec<String>> = [
            "وقال الرئيس الأمريكي جورج بوش في واشنطن إن .",
            "أعلن اتحاد صناعة السيارات في ألمانيا أمس",
            "xyz ٢٠١٥ القاهرة والقاهرة",
            "محمد",
        ]
        .iter()
        .map(|s| s.split(' ').map(str::to_string).collect())
        .collect();
        let path = "/work/shared/data/anercorp/ANERCorp_CamelLab_train.txt";
        if let Ok(text) = std::fs::read_to_string(path) {
            let (sents, _) = conll::read_labelled(&text);
            v.extend(sents.into_iter().step_by(5).map(|s| s.tokens));
        }
        v
    }

    #[test]
    fn fast_path_is_bit_identical_to_the_reference() {
        let t = Tagger::embedded();
        let sents = sample_sentences();
        let mut ntok = 0;
        for s in &sents {
            let toks: Vec<&str> = s.iter().map(String::as_str).collect();
            let fast = t.emissions(&toks, None, &[]);
            let slow = reference_emissions(t, &toks, &[]);
            let bits = |v: &[f32]| v.iter().map(|x| x.to_bits()).collect::<Vec<_>>();
            assert_eq!(bits(&fast), bits(&slow), "emissions of {toks:?}");
            // with rule hints too (the word memo is on for hinted models: hints are set
            // after the per-word analysis it replays)
            let hints: Vec<u8> = (0..toks.len())
                .map(|i| {
                    let ty = EntityType::ALL[i % 4];
                    if i % 3 == 0 {
                        features::hint_code(ty, i % 2 == 0, i % 5 == 0, true)
                    } else {
                        0
                    }
                })
                .collect();
            assert_eq!(
                bits(&t.emissions(&toks, None, &hints)),
                bits(&reference_emissions(t, &toks, &hints)),
                "hinted emissions of {toks:?}"
            );
            // decoder vs the generic Viterbi: labels and confidences, bit for bit
            let (mut a, mut ca, mut b, mut cb) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
            t.decoder.decode(&slow, &mut a, Some(&mut ca));
            model::viterbi_eff(&slow, &t.trans_eff, &mut b, Some(&mut cb));
            assert_eq!(a, b);
            assert_eq!(bits(&ca), bits(&cb), "confidences of {toks:?}");
            let mut c = Vec::new();
            t.decoder.decode(&slow, &mut c, None);
            assert_eq!(a, c);
            ntok += toks.len();
        }
        assert!(ntok > 20);
    }

    #[test]
    fn conll_roundtrip_keeps_tokens_and_blank_lines() {
        let t = Tagger::embedded();
        let input = "محمد B-PERS\tx\n  القاهرة \n\n\nفي\r\n   \n(\tO\n";
        let out = t.tag_conll(input);
        let toks: Vec<&str> = out
            .lines()
            .map(|l| l.split(' ').next().unwrap_or(""))
            .collect();
        assert_eq!(toks, vec!["محمد", "القاهرة", "", "", "في", "", "("]);
        for l in out.lines().filter(|l| !l.is_empty()) {
            let tag = l.split(' ').nth(1).unwrap();
            assert!(Label::parse(tag).is_some(), "{l}");
        }
    }
}
