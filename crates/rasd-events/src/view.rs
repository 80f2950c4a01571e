//! A per-document index the event rules read: every token's lexicon hits, and which
//! entity mention, time and quantity covers it.
//!
//! Built once per document by one pass over the tokens ([`View::new`]): each Arabic word is
//! scanned against the shared lexicons ([`crate::lex::LEX`]) and its hits are appended to a
//! single arena, so later rules ask «is token i a preposition / a descriptor / a trigger?»
//! without hashing again and without allocating per token. The entity layer is read from
//! `doc.entities` (mentions linked to entities); when the resolve stage has not run it falls
//! back to `doc.mentions` with no entity link, and when both are empty the rules work on
//! descriptors alone.

use crate::lex::{CueClass, DescClass, Fw, Hit, Prep, LEX};
use crate::morph::Strip;
use rasd_doc::{Document, EntityType, MentionKind, Span, TokenKind};

/// One lexicon hit of a token.
#[derive(Clone, Copy, Debug)]
pub struct TokHit {
    /// Segmentation order (0 = the whole word).
    pub order: u8,
    /// What the segmentation stripped.
    pub strip: Strip,
    /// The hit.
    pub hit: Hit,
}

const NONE: u32 = u32::MAX;

/// Per-token index: the hit range plus a summary of the hits the rules ask about most,
/// computed once so the accessors below are O(1).
#[derive(Clone, Copy, Debug)]
pub struct TokInfo {
    hits: (u32, u32),
    /// Mention covering the token (index into [`View::ments`]) or `NONE`.
    ment: u32,
    /// Time covering the token or `NONE`.
    time: u32,
    /// Quantity covering the token or `NONE`.
    qty: u32,
    /// Function word class and its segmentation.
    fw: Option<(Fw, Strip)>,
    /// First descriptor hit and its segmentation.
    desc: Option<(u32, Strip)>,
    /// First nationality hit and its segmentation.
    nisba: Option<(u32, Strip)>,
    /// First mode cue.
    mode: Option<u32>,
    /// Bit per cue class with an entry (single or first word of a phrase) here.
    cues: u16,
    /// Some segmentation reads the token as a verb a lexicon knows.
    verb: bool,
    /// ... and one such reading carries و/ف.
    conj_verb: bool,
    /// Some segmentation with و/ف found a lexicon word.
    conj_hit: bool,
    /// Some segmentation with a proclitic preposition found a lexicon word.
    prep_hit: bool,
    /// The token is a preposition carrying its pronoun object («فيها», «عليه»).
    pp_pron: bool,
}

fn cue_bit(c: CueClass) -> u16 {
    1 << (c as u16)
}

fn summarise(hits: &[TokHit]) -> TokInfo {
    let mut t = TokInfo {
        hits: (0, 0),
        ment: NONE,
        time: NONE,
        qty: NONE,
        fw: None,
        desc: None,
        nisba: None,
        mode: None,
        cues: 0,
        verb: false,
        conj_verb: false,
        conj_hit: false,
        prep_hit: false,
        pp_pron: false,
    };
    for h in hits {
        t.conj_hit |= h.strip.conj;
        t.prep_hit |= h.strip.prep != 0;
        if let Hit::Fw(Fw::Prep | Fw::LocPrep) = h.hit {
            t.pp_pron |= h.strip.enc.is_some() && h.strip.prep == 0 && !h.strip.al && !h.strip.conj;
        }
        match h.hit {
            Hit::Fw(f)
                if t.fw.is_none() && h.strip.prep == 0 && !h.strip.al && h.strip.enc.is_none() =>
            {
                t.fw = Some((f, h.strip));
            }
            Hit::Desc(d) if t.desc.is_none() && h.strip.prep != b's' => t.desc = Some((d, h.strip)),
            Hit::Nisba(n) if t.nisba.is_none() && h.strip.enc.is_none() => {
                t.nisba = Some((n, h.strip))
            }
            Hit::Mode(m) if t.mode.is_none() => t.mode = Some(m),
            Hit::Cue(c) => {
                if let Some(e) = LEX.cue.get(c as usize) {
                    if e.kind.allows(&h.strip) {
                        t.cues |= cue_bit(e.class);
                        let verb =
                            e.kind.is_verb() && matches!(e.class, CueClass::Say | CueClass::Deny);
                        t.verb |= e.kind.is_verb();
                        t.conj_verb |= verb && h.strip.conj;
                    }
                }
            }
            Hit::Trig(x) => {
                let verb = LEX
                    .trig
                    .get(x as usize)
                    .is_some_and(|e| e.kind.is_verb() && e.kind.allows(&h.strip));
                t.verb |= verb;
                t.conj_verb |= verb && h.strip.conj && h.strip.prep == 0;
            }
            Hit::Light(l) => {
                let verb = LEX
                    .light
                    .get(l as usize)
                    .is_some_and(|e| e.kind.allows(&h.strip));
                t.verb |= verb;
                t.conj_verb |= verb && h.strip.conj && h.strip.prep == 0;
            }
            _ => {}
        }
    }
    t
}

/// An entity mention mapped onto tokens.
#[derive(Clone, Debug)]
pub struct Ment {
    /// Bytes of the original text (clitics excluded).
    pub span: Span,
    /// First token (the opening quote of a quoted name, see `wrap_quoted_mentions`).
    pub first: usize,
    /// One past the last token (past the closing quote of a quoted name).
    pub end: usize,
    /// Index into `doc.entities`, when resolved.
    pub entity: Option<usize>,
    /// Entity class.
    pub etype: EntityType,
    /// Name, nominal or pronoun.
    pub kind: MentionKind,
    /// True for a country (LOC entity of subtype country): countries act as states.
    pub country: bool,
}

/// The per-document index.
pub struct View<'d> {
    /// The document.
    pub doc: &'d Document,
    toks: Vec<TokInfo>,
    hits: Vec<TokHit>,
    /// Entity mentions in text order.
    pub ments: Vec<Ment>,
    /// Tokens that carry a time usable as an event date, with the time's index, in text
    /// order; filled once per document by the coder (`coder::event_date`) so that dating
    /// each event is a binary search, not a scan of its sentence.
    pub date_tokens: std::cell::OnceCell<Vec<(usize, usize)>>,
}

/// True for a country entity (a LOC of subtype country, or geocoded at country
/// resolution): countries act as states.
pub fn is_country(e: &rasd_doc::Entity) -> bool {
    e.etype == EntityType::LOC
        && (e.subtype.as_deref() == Some("country")
            || e.geo.as_ref().is_some_and(|g| g.resolution == 1))
}

/// An opening quotation mark that has a closing twin («, “); the ASCII «"» is both.
pub(crate) fn is_open_quote(s: &str) -> bool {
    matches!(s, "«" | "“")
}

/// A closing quotation mark (», ”).
pub(crate) fn is_close_quote(s: &str) -> bool {
    matches!(s, "»" | "”")
}

/// Any quotation mark, opening, closing or the ASCII «"».
pub(crate) fn is_quote_mark(s: &str) -> bool {
    is_open_quote(s) || is_close_quote(s) || s == "\""
}

/// Punctuation that ends a clause for argument search.
pub fn is_hard_punct(s: &str) -> bool {
    matches!(
        s,
        "." | "!"
            | "?"
            | "؟"
            | ";"
            | "؛"
            | ":"
            | "«"
            | "»"
            | "\""
            | "“"
            | "”"
            | "("
            | ")"
            | "["
            | "]"
            | "…"
    ) || (s.len() > 1 && s.bytes().all(|b| b == b'.'))
}

/// Punctuation that separates phrases but not clauses.
pub fn is_soft_punct(s: &str) -> bool {
    matches!(s, "،" | "," | "-" | "–" | "—")
}

impl<'d> View<'d> {
    /// Indexes `doc`.
    pub fn new(doc: &'d Document) -> View<'d> {
        View::build(doc, None)
    }

    /// Indexes `doc`, scanning the words of only the sentences marked in `sentences` (the
    /// other tokens have no lexicon hits). Used by stages that look at a few sentences.
    pub fn for_sentences(doc: &'d Document, sentences: &[bool]) -> View<'d> {
        View::build(doc, Some(sentences))
    }

    fn build(doc: &'d Document, mask: Option<&[bool]>) -> View<'d> {
        let n = doc.tokens.len();
        let mut toks = Vec::with_capacity(n);
        let mut hits = Vec::with_capacity(n / 2);
        // Words repeat (a news article uses each content word several times): the analysis
        // of a word form is computed once per document and shared by its occurrences.
        let mut seen: rustc_hash::FxHashMap<(&'d str, bool), TokInfo> = Default::default();
        seen.reserve(n / 2);
        let empty = summarise(&[]);
        for t in &doc.tokens {
            let wanted = mask.is_none_or(|m| m.get(t.sentence as usize).copied().unwrap_or(false));
            let mut info = if wanted && (t.kind == TokenKind::Arabic || t.kind == TokenKind::Latin)
            {
                let w = doc.token_norm(t);
                let tm = doc.slice(t.span).ends_with('ة');
                *seen.entry((w, tm)).or_insert_with(|| {
                    let start = hits.len() as u32;
                    LEX.scan(w, tm, |order, strip, hit| {
                        hits.push(TokHit { order, strip, hit })
                    });
                    let mut info = summarise(hits.get(start as usize..).unwrap_or(&[]));
                    info.hits = (start, hits.len() as u32);
                    info
                })
            } else {
                empty
            };
            info.ment = NONE;
            info.time = NONE;
            info.qty = NONE;
            toks.push(info);
        }
        // A descriptor that needs a word after it («الأمين» only before «العام») is none
        // where that word is missing; settled once per token here.
        for (i, info) in toks.iter_mut().enumerate() {
            let needs = info.desc.and_then(|(d, _)| LEX.desc.get(d as usize));
            if let Some(d) = needs.filter(|d| d.next.is_some()) {
                let after = doc.tokens.get(i + 1).map_or("", |t| doc.token_norm(t));
                if !d.next_ok(after) {
                    info.desc = None;
                }
            }
        }
        let mut v = View {
            doc,
            toks,
            hits,
            ments: Vec::new(),
            date_tokens: std::cell::OnceCell::new(),
        };
        v.index_mentions();
        v.index_spans();
        v
    }

    /// Token range `[first, end)` overlapping a byte span.
    pub fn tokens_of(&self, span: Span) -> (usize, usize) {
        let t = &self.doc.tokens;
        let first = t.partition_point(|x| x.span.end <= span.start);
        let mut end = first;
        while end < t.len() && t[end].span.start < span.end {
            end += 1;
        }
        (first, end)
    }

    fn index_mentions(&mut self) {
        let doc = self.doc;
        let mut ments = Vec::new();
        if !doc.entities.is_empty() {
            for (ei, e) in doc.entities.iter().enumerate() {
                let country = is_country(e);
                for m in &e.mentions {
                    ments.push((m.span, Some(ei), e.etype, m.kind, country));
                }
            }
        } else {
            for m in &doc.mentions {
                ments.push((m.span, None, m.etype, m.kind, false));
            }
        }
        ments.sort_by_key(|m| (m.0.start, std::cmp::Reverse(m.0.end)));
        for (span, entity, etype, kind, country) in ments {
            let (first, end) = self.tokens_of(span);
            if first >= end {
                continue;
            }
            // Nested or overlapping mentions: keep the first (longest at a start).
            if (first..end).any(|i| self.toks[i].ment != NONE) {
                continue;
            }
            let id = self.ments.len() as u32;
            for i in first..end {
                self.toks[i].ment = id;
            }
            self.ments.push(Ment {
                span,
                first,
                end,
                entity,
                etype,
                kind,
                country,
            });
        }
        self.wrap_quoted_mentions();
    }

    /// A name in quotes («تنظيم "داعش"», «جماعة «أنصار الله»») is one phrase with its
    /// quotes: the quote tokens join the mention's token range (its text stays the name), so
    /// they neither end the clause ([`View::is_hard`]) nor cut a genitive or a subject off.
    fn wrap_quoted_mentions(&mut self) {
        let quote = |v: &View, i: usize, open: bool| -> bool {
            let n = v.norm(i);
            v.kind(i) == Some(TokenKind::Punct)
                && v.toks.get(i).is_some_and(|t| t.ment == NONE)
                && (n == "\""
                    || if open {
                        is_open_quote(n)
                    } else {
                        is_close_quote(n)
                    })
        };
        for id in 0..self.ments.len() {
            let Some(&Ment {
                first, end, etype, ..
            }) = self.ments.get(id)
            else {
                continue;
            };
            // Only a party: a quoted MISC name is a title or a term («عملية "احتجاز
            // رهائن"»), a quoted place alone is most often a newspaper («التقت «الشرق
            // الأوسط»»); after a descriptor head («مدينة "سرت"») a place is one.
            let party = matches!(etype, EntityType::ORG | EntityType::PER)
                || (etype == EntityType::LOC && first >= 2 && self.desc(first - 2).is_some());
            if !party || first == 0 || !quote(self, first - 1, true) || !quote(self, end, false) {
                continue;
            }
            for i in [first - 1, end] {
                if let Some(t) = self.toks.get_mut(i) {
                    t.ment = id as u32;
                }
            }
            if let Some(m) = self.ments.get_mut(id) {
                m.first = first - 1;
                m.end = end + 1;
            }
        }
    }

    fn index_spans(&mut self) {
        for (k, t) in self.doc.times.iter().enumerate() {
            let (a, b) = self.tokens_of(t.span);
            for i in a..b {
                self.toks[i].time = k as u32;
            }
        }
        for (k, q) in self.doc.quantities.iter().enumerate() {
            let (a, b) = self.tokens_of(q.span);
            for i in a..b {
                self.toks[i].qty = k as u32;
            }
        }
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// True when the document has no tokens.
    pub fn is_empty(&self) -> bool {
        self.toks.is_empty()
    }

    /// The hits of token `i`.
    pub fn hits(&self, i: usize) -> &[TokHit] {
        self.toks
            .get(i)
            .and_then(|t| self.hits.get(t.hits.0 as usize..t.hits.1 as usize))
            .unwrap_or(&[])
    }

    /// Normalised text of token `i`.
    pub fn norm(&self, i: usize) -> &'d str {
        self.doc
            .tokens
            .get(i)
            .map(|t| self.doc.token_norm(t))
            .unwrap_or("")
    }

    /// Token kind.
    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.doc.tokens.get(i).map(|t| t.kind)
    }

    /// Byte span of token `i` in the original text.
    pub fn span(&self, i: usize) -> Span {
        self.doc.tokens.get(i).map(|t| t.span).unwrap_or_default()
    }

    /// Sentence of token `i`.
    pub fn sent(&self, i: usize) -> usize {
        self.doc.tokens.get(i).map_or(0, |t| t.sentence as usize)
    }

    /// Token range of sentence `s`.
    pub fn sent_range(&self, s: usize) -> (usize, usize) {
        self.doc
            .sentences
            .get(s)
            .map_or((0, 0), |x| (x.first_token, x.end_token))
    }

    /// True for a punctuation token ending clauses.
    pub fn is_hard(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct)
            && is_hard_punct(self.norm(i))
            // Quotes around a name belong to the name (`wrap_quoted_mentions`).
            && self.ment(i).is_none()
    }

    /// True for a comma-like token.
    pub fn is_soft(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Punct) && is_soft_punct(self.norm(i))
    }

    /// The mention covering token `i`.
    pub fn ment(&self, i: usize) -> Option<&Ment> {
        let m = self.toks.get(i)?.ment;
        self.ments.get(m as usize)
    }

    /// Index of the mention covering token `i`.
    pub fn ment_id(&self, i: usize) -> Option<usize> {
        let m = self.toks.get(i)?.ment;
        (m != NONE).then_some(m as usize)
    }

    /// The time covering token `i`.
    pub fn time(&self, i: usize) -> Option<usize> {
        let t = self.toks.get(i)?.time;
        (t != NONE).then_some(t as usize)
    }

    /// The quantity covering token `i`.
    pub fn qty(&self, i: usize) -> Option<usize> {
        let q = self.toks.get(i)?.qty;
        (q != NONE).then_some(q as usize)
    }

    /// The function-word class of token `i` (alone or after و/ف), with the strip.
    pub fn fw(&self, i: usize) -> Option<(Fw, Strip)> {
        self.toks.get(i).and_then(|t| t.fw)
    }

    /// True when some segmentation reads token `i` as a verb a lexicon knows.
    pub fn is_verb(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.verb)
    }

    /// True when token `i` is an Arabic word no lexicon reads (no entry of any kind, so no
    /// function word or known verb either) with no preposition or conjunction glued to the
    /// article («بال…», «لل…», «وال…») — the shape of a name nobody listed.
    pub fn unread(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Arabic)
            && self.hits(i).is_empty()
            && !["بال", "لل", "كال", "وال", "فال"]
                .iter()
                .any(|p| self.norm(i).starts_with(p))
    }

    /// Cue classes with an entry at token `i`, one bit each.
    pub fn cue_bits(&self, i: usize) -> u16 {
        self.toks.get(i).map_or(0, |t| t.cues)
    }

    /// True when token `i` is a known verb carrying و/ف («وقامت»).
    pub fn is_conj_verb(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.conj_verb)
    }

    /// True when a segmentation of token `i` with و/ف found a lexicon word.
    pub fn conj_hit(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.conj_hit)
    }

    /// True when token `i` is a preposition with its pronoun object glued on («فيها»,
    /// «عليه», «منهم»): a whole prepositional phrase in one word.
    pub fn pp_pron(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.pp_pron)
    }

    /// True when a segmentation of token `i` with a proclitic preposition found a word.
    pub fn prep_hit(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.prep_hit)
    }

    /// True when token `i` is the function word `w` (folded), alone or after و/ف.
    pub fn is_word(&self, i: usize, w: &str) -> bool {
        let n = self.norm(i);
        n == w || ((n.starts_with('و') || n.starts_with('ف')) && n.get(2..) == Some(w))
    }

    /// The «)» closing the bracket opened at token `open`, within `within` tokens after
    /// it and in its sentence.
    pub fn closing_paren(&self, open: usize, within: usize) -> Option<usize> {
        let (_, s1) = self.sent_range(self.sent(open));
        (open + 1..(open + 1 + within).min(s1)).find(|&c| self.norm(c) == ")")
    }

    /// The preposition token `i` is (a separate preposition word).
    pub fn prep_word(&self, i: usize) -> Option<Prep> {
        match self.fw(i) {
            Some((Fw::Prep, s)) | Some((Fw::LocPrep, s)) => {
                let n = self.norm(i);
                let w = n.get(s.pre as usize..).unwrap_or(n);
                Some(Prep::of_word(w))
            }
            _ => None,
        }
    }

    /// The descriptor of token `i` and its segmentation; none when the descriptor needs a
    /// word after it that is not there ([`crate::lex::Desc::next`]).
    pub fn desc(&self, i: usize) -> Option<(u32, Strip)> {
        self.toks.get(i).and_then(|t| t.desc)
    }

    /// The nationality code of token `i` (a nisba adjective) and its segmentation.
    pub fn nisba(&self, i: usize) -> Option<(&'static str, Strip)> {
        let (n, s) = self.toks.get(i)?.nisba?;
        LEX.nisba.get(n as usize).map(|c| (*c, s))
    }

    /// The mode named by a mode cue at token `i`.
    pub fn mode(&self, i: usize) -> Option<u32> {
        self.toks.get(i).and_then(|t| t.mode)
    }

    /// True when token `i` is the registered word `wid` under some segmentation.
    pub fn has_word(&self, i: usize, wid: u32) -> bool {
        self.hits(i)
            .iter()
            .any(|h| matches!(h.hit, Hit::Word(w) if w == wid))
    }

    /// Cue entries of token `i` of class `class`, with their segmentation.
    pub fn cues(&self, i: usize, class: CueClass) -> impl Iterator<Item = (u32, Strip)> + '_ {
        self.hits(i).iter().filter_map(move |h| match h.hit {
            Hit::Cue(c) => {
                let e = LEX.cue.get(c as usize)?;
                (e.class == class && e.kind.allows(&h.strip)).then_some((c, h.strip))
            }
            _ => None,
        })
    }

    /// Length in tokens of the cue of class `class` starting at token `i` (0 when none).
    pub fn cue_at(&self, i: usize, class: CueClass) -> usize {
        if self
            .toks
            .get(i)
            .is_none_or(|t| t.cues & cue_bit(class) == 0)
        {
            return 0;
        }
        let mut best = 0;
        for (c, _) in self.cues(i, class) {
            let Some(e) = LEX.cue.get(c as usize) else {
                continue;
            };
            let ok = e
                .rest
                .iter()
                .enumerate()
                .all(|(k, &w)| self.has_word(i + 1 + k, w));
            if ok {
                best = best.max(1 + e.rest.len());
            }
        }
        best
    }

    /// True when token `i` is a descriptor of class `class`.
    pub fn desc_class(&self, i: usize) -> Option<DescClass> {
        self.desc(i)
            .and_then(|(d, _)| LEX.desc.get(d as usize))
            .map(|d| d.class)
    }

    /// The original-text span of token `i` without its conjunction/preposition prefix
    /// (the article stays): «بالجيش» → «الجيش». For لل the whole token is kept.
    pub fn span_without_prefix(&self, i: usize, strip: Strip) -> Span {
        let Some(t) = self.doc.tokens.get(i) else {
            return Span::default();
        };
        if strip.pre == 0
            || (strip.al
                && strip.prep == b'l'
                && self
                    .norm(i)
                    .get(strip.pre as usize..)
                    .is_some_and(|r| r.starts_with('ل')))
        {
            return t.span;
        }
        let ns = Span::new(t.norm.start + strip.pre as usize, t.norm.end);
        let s = self.doc.norm.to_original(ns);
        if s.start >= t.span.start && s.end <= t.span.end && s.start < s.end {
            s
        } else {
            t.span
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::DocBuilder;

    #[test]
    fn indexes_mentions_times_and_hits() {
        let b = DocBuilder::new("قصفت الطائرات مدينة درنة يوم الجمعة.")
            .entity(EntityType::LOC, &["درنة"])
            .time("يوم الجمعة", 0, rasd_doc::TimeType::DATE, "2015-07-31");
        let v = View::new(&b.doc);
        assert!(v.hits(0).iter().any(|h| matches!(h.hit, Hit::Trig(_))));
        assert_eq!(v.desc_class(1), Some(DescClass::Craft));
        assert!(v.ment(3).is_some() && v.ment(2).is_none());
        assert_eq!(v.time(4), Some(0));
        assert_eq!(v.time(5), Some(0));
        assert!(v.is_hard(6));
    }

    #[test]
    fn mentions_fall_back_to_the_recogniser_layer() {
        let mut b = DocBuilder::new("اعتقلت الشرطة زيدا.");
        let s = b.doc.text.find("زيدا").unwrap();
        b.doc.mentions.push(rasd_doc::Mention {
            span: Span::new(s, s + "زيد".len()),
            etype: EntityType::PER,
            kind: MentionKind::Name,
            source: rasd_doc::MentionSource::Tagger,
            kb_key: None,
            score: 1.0,
        });
        let v = View::new(&b.doc);
        let m = v.ment(2).unwrap();
        assert_eq!(m.entity, None);
        assert_eq!(m.etype, EntityType::PER);
    }

    #[test]
    fn prefix_is_dropped_from_spans() {
        let b = DocBuilder::new("وبالجيش");
        let v = View::new(&b.doc);
        let (_, st) = v.desc(0).unwrap();
        assert_eq!(b.doc.slice(v.span_without_prefix(0, st)), "الجيش");
    }
}
