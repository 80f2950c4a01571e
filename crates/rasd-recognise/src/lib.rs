//! The recognise stage: entity mentions from the knowledge base, name patterns and (when
//! plugged in) the statistical tagger, decided by one merge policy.
//!
//! ```text
//!  tokens ─┬─ kbmatch   clitic-aware longest matches of the knowledge base ─┐
//!          ├─ patterns  titles + names, organisation heads + extent,       ├─ merge ─ aliases,
//!          │            quoted operations/media, direction + region          │          surnames ─ doc.mentions
//!          ├─ foreign   transliterated foreign names                         │
//!          ├─ names     listed full names; given name + listed family name     │
//!          ├─ clubs     listed sports clubs («ريال مدريد», «لاعب برشلونة»)        │
//!          ├─ settlement unlisted places after «منطقة/قرية/حي…» (corpus-vetted)   │
//!          └─ sources   extra candidates (the tagger) via CandidateSource ──┘
//! ```
//!
//! Every source produces [`Candidate`]s: a token range, its original-text span (clitics
//! excluded), a type, a score and, for knowledge-base matches, the entry. The knowledge-
//! base candidates are adjusted by document context first ([`kbmatch::context_adjust`]:
//! small places need a place cue or a same-country place). Then **one merge policy**
//! ([`merge`]) decides between overlapping candidates whatever their source: fuse agreeing
//! candidates (noisy-or), drop those under [`merge::MIN_SCORE`], keep the non-overlapping
//! set of greatest total `score × length factor`, and nominals only where no name is.
//!
//! After the merge two document-level steps add what single positions cannot see:
//! a Latin acronym in parentheses right after a name becomes its alias («مجموعة التدخل
//! الخاصة الجزائرية (GIS)») and so do its other occurrences; and the last word of a
//! person's full name marks that person wherever it occurs alone («حفتر»), and the
//! family word of a model name («بيلاتوس» of «بيلاتوس بي سي 12») marks it too; «المملكة»
//! alone names the Arab kingdom the article points to most; and a party or armed group
//! named in full is then called by its head («المقاومة», «الحزب»). Linked
//! mentions share `kb_key` (the entry key, or `~` + the folded full name) so the
//! resolver can cluster them.
//!
//! The tagger plugs in as a [`CandidateSource`] (see [`candidates_from_iob`] to turn IOB2
//! tags into candidates); its spans then compete under the same policy.

#![warn(missing_docs)]

pub mod clubs;
pub mod foreign;
pub mod kbmatch;
pub mod lexicon;
pub mod merge;
pub mod names;
mod nametable;
pub mod patterns;
pub mod settlement;
pub mod shape;
pub mod spans;

use lexicon::Lexicon;
use rasd_doc::{Document, EntityType, Mention, MentionKind, MentionSource, Span, Stage, TokenKind};
use rasd_kb::Kb;
use rasd_text::fold;

/// A proposed mention, before the merge policy.
#[derive(Clone, Debug, PartialEq)]
pub struct Candidate {
    /// First token.
    pub first: usize,
    /// One past the last token.
    pub end: usize,
    /// Original-text bytes of the name (proclitics excluded, see [`spans`]).
    pub span: Span,
    /// Entity type.
    pub etype: EntityType,
    /// Name or nominal.
    pub kind: MentionKind,
    /// Which recogniser proposed it.
    pub source: MentionSource,
    /// Confidence in [0, 1].
    pub score: f32,
    /// Knowledge-base entry, when matched.
    pub entry: Option<u32>,
    /// Knowledge-base name id (the matched key), when matched.
    pub name_id: Option<u32>,
    /// Variant flags of the matched posting (`rasd_kb::format::V_*`), 0 otherwise.
    pub kb_flags: u32,
    /// Link to another mention's referent (`~` + folded full name), set by the alias and
    /// surname steps.
    pub alias_key: Option<String>,
}

impl Candidate {
    /// A candidate from token range `first..end` (e.g. for a tagger span). The span is
    /// computed from the tokens, proclitics of the first token excluded.
    pub fn from_tokens(
        doc: &Document,
        first: usize,
        end: usize,
        etype: EntityType,
        source: MentionSource,
        score: f32,
    ) -> Candidate {
        Candidate {
            first,
            end,
            span: spans::token_range_span(doc, first, end),
            etype,
            kind: MentionKind::Name,
            source,
            score,
            entry: None,
            name_id: None,
            kb_flags: 0,
            alias_key: None,
        }
    }

    /// The same candidate over `span` (a name that starts inside its first token).
    pub fn with_span(mut self, span: Span) -> Candidate {
        self.span = span;
        self
    }
}

/// A source of extra candidates (the statistical tagger) that competes under the merge
/// policy.
pub trait CandidateSource: Send + Sync {
    /// Short name for logs.
    fn name(&self) -> &'static str;
    /// Appends candidates for `doc` to `out`. `prior` holds the candidates the knowledge
    /// base and the patterns proposed (after the context adjustment), so a statistical
    /// source can use them as features; the source must not assume they will be chosen.
    fn candidates(&self, doc: &Document, prior: &[Candidate], out: &mut Vec<Candidate>);
}

/// One IOB2 tag.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Iob {
    /// Outside.
    O,
    /// Begins an entity of this type.
    B(EntityType),
    /// Inside an entity of this type.
    I(EntityType),
}

/// Turns IOB2 tags (one per token of `doc`) into candidates from `source`; the score of
/// a span is the mean of its tokens' scores (`scores` may be shorter than `tags`: missing
/// scores count as 0.5). An `I` after `O` or after another type starts a span.
pub fn candidates_from_iob(
    doc: &Document,
    tags: &[Iob],
    scores: &[f32],
    source: MentionSource,
    out: &mut Vec<Candidate>,
) {
    let mut open: Option<(usize, EntityType, f32)> = None;
    let close =
        |open: &mut Option<(usize, EntityType, f32)>, end: usize, out: &mut Vec<Candidate>| {
            if let Some((s, t, sum)) = open.take() {
                let n = (end - s).max(1) as f32;
                out.push(Candidate::from_tokens(doc, s, end, t, source, sum / n));
            }
        };
    for (i, tag) in tags.iter().enumerate().take(doc.tokens.len()) {
        let sc = scores.get(i).copied().unwrap_or(0.5);
        match *tag {
            Iob::O => close(&mut open, i, out),
            Iob::B(t) => {
                close(&mut open, i, out);
                open = Some((i, t, sc));
            }
            Iob::I(t) => match open {
                Some((s, ot, sum)) if ot == t => open = Some((s, ot, sum + sc)),
                _ => {
                    close(&mut open, i, out);
                    open = Some((i, t, sc));
                }
            },
        }
    }
    close(&mut open, tags.len().min(doc.tokens.len()), out);
}

/// The recognise stage: fills `doc.mentions`.
pub struct Recogniser<'k> {
    kb: &'k Kb,
    lx: &'k Lexicon,
    sources: Vec<Box<dyn CandidateSource>>,
}

impl std::fmt::Debug for Recogniser<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recogniser")
            .field("kb", &self.kb)
            .field(
                "sources",
                &self.sources.iter().map(|s| s.name()).collect::<Vec<_>>(),
            )
            .finish()
    }
}

impl Default for Recogniser<'static> {
    fn default() -> Self {
        Recogniser::new()
    }
}

impl Recogniser<'static> {
    /// A recogniser over the embedded knowledge base.
    pub fn new() -> Self {
        Recogniser {
            kb: Kb::get(),
            lx: Lexicon::get(),
            sources: Vec::new(),
        }
    }
}

impl<'k> Recogniser<'k> {
    /// A recogniser over a given knowledge base and lexicon (tests, tools).
    pub fn with_kb(kb: &'k Kb, lx: &'k Lexicon) -> Self {
        Recogniser {
            kb,
            lx,
            sources: Vec::new(),
        }
    }

    /// Adds a candidate source (the tagger) that competes under the merge policy.
    pub fn with_source(mut self, s: Box<dyn CandidateSource>) -> Self {
        self.sources.push(s);
        self
    }

    /// All candidates before the merge (for debugging and evaluation of sources).
    pub fn candidates(&self, doc: &Document, extra: &[Candidate]) -> Vec<Candidate> {
        let mut cands: Vec<Candidate> = Vec::with_capacity(doc.tokens.len() / 4 + 8);
        let mut ctx = patterns::Ctx::new(doc, self.kb, self.lx);
        kbmatch::kb_candidates(&ctx, &mut cands);
        kbmatch::context_adjust(&ctx, &mut cands);
        ctx.attach_kb(&cands);
        patterns::pattern_candidates(&ctx, &mut cands);
        foreign::foreign_candidates(&ctx, &mut cands);
        names::listed_candidates(&ctx, &mut cands);
        names::pair_candidates(&ctx, &mut cands);
        clubs::club_candidates(&ctx, &mut cands);
        settlement::settlement_candidates(&ctx, &mut cands);
        if !self.sources.is_empty() {
            let mut extra = Vec::new();
            for s in &self.sources {
                s.candidates(doc, &cands, &mut extra);
            }
            cands.append(&mut extra);
        }
        cands.extend_from_slice(extra);
        cands
    }

    /// Recognises the mentions of `doc` (tokens needed), with `extra` candidates from
    /// elsewhere competing under the merge policy.
    pub fn recognise(&self, doc: &Document, extra: &[Candidate]) -> Vec<Mention> {
        let cands = self.candidates(doc, extra);
        let mut chosen = merge::merge(cands);
        self.link(doc, &mut chosen);
        chosen
            .into_iter()
            .map(|c| Mention {
                span: c.span,
                etype: c.etype,
                kind: c.kind,
                source: c.source,
                kb_key: c
                    .entry
                    .and_then(|e| self.kb.entry(e))
                    .map(|e| e.key().to_string())
                    .or(c.alias_key),
                score: c.score,
            })
            .collect()
    }

    /// The key a linked mention points to: the entry key or `~` + folded name.
    fn key_of(&self, doc: &Document, c: &Candidate) -> String {
        if let Some(e) = c.entry.and_then(|e| self.kb.entry(e)) {
            return e.key().to_string();
        }
        if let Some(k) = &c.alias_key {
            return k.clone();
        }
        format!("~{}", fold(doc.slice(c.span)))
    }

    /// Aliases in parentheses, surnames and model families (see the module docs).
    fn link(&self, doc: &Document, chosen: &mut Vec<Candidate>) {
        let mut covered = vec![false; doc.tokens.len()];
        for c in chosen.iter() {
            for k in c.first..c.end.min(covered.len()) {
                covered[k] = true;
            }
        }
        let mut extra: Vec<Candidate> = Vec::new();
        // Knowledge-base entries of one-token mentions, by token.
        let mut kb_at: Vec<Option<u32>> = vec![None; doc.tokens.len()];
        for c in chosen.iter() {
            if c.end == c.first + 1 && c.source == MentionSource::Kb {
                if let Some(slot) = kb_at.get_mut(c.first) {
                    *slot = c.entry;
                }
            }
        }
        // Acronyms in parentheses.
        let mut acronyms: Vec<(String, EntityType, String)> = Vec::new();
        for c in chosen.iter_mut() {
            // A place right before «(XYZ)» is usually the tail of a longer name the
            // recognisers missed («بعثة الأمم المتحدة للدعم في ليبيا (UNSMIL)»): no alias.
            if c.kind != MentionKind::Name || c.etype == EntityType::LOC {
                continue;
            }
            let j = c.end;
            let (Some(open), Some(inner), Some(close)) = (
                doc.tokens.get(j),
                doc.tokens.get(j + 1),
                doc.tokens.get(j + 2),
            ) else {
                continue;
            };
            if doc.token_norm(open) != "("
                || doc.token_norm(close) != ")"
                || inner.kind != TokenKind::Latin
            {
                continue;
            }
            let orig = doc.slice(inner.span);
            if orig.len() < 2
                || !orig
                    .chars()
                    .all(|ch| ch.is_ascii_uppercase() || ch.is_ascii_digit())
            {
                continue;
            }
            // When the acronym is itself a known entry, the expansion is that entry.
            let known = kb_at.get(j + 1).copied().flatten();
            if c.entry.is_none() {
                if let Some(e) = known {
                    c.entry = Some(e);
                }
            }
            let key = self.key_of(doc, c);
            let etype = c.etype;
            c.alias_key.get_or_insert_with(|| key.clone());
            acronyms.push((doc.token_norm(inner).to_string(), etype, key));
        }
        if !acronyms.is_empty() {
            for (k, t) in doc.tokens.iter().enumerate() {
                if covered[k] || t.kind != TokenKind::Latin {
                    continue;
                }
                let w = doc.token_norm(t);
                if let Some((_, ty, key)) = acronyms.iter().find(|(a, _, _)| a == w) {
                    let orig = doc.slice(t.span);
                    if !orig.chars().any(|ch| ch.is_ascii_uppercase()) {
                        continue;
                    }
                    let mut a =
                        Candidate::from_tokens(doc, k, k + 1, *ty, MentionSource::Pattern, 0.9);
                    a.alias_key = Some(key.clone());
                    covered[k] = true;
                    extra.push(a);
                }
            }
        }
        // Surnames of people named in full. A surname after a particle is called with its
        // particle («ابن كيران», «آل شيخان», «عبد الرحمن»), never by its last word alone,
        // which is another name, a family's or a title («… آل الشيخ»); the end of a lineage
        // («… بن عبد العزيز») is a grandfather's name and calls nobody.
        let mut surnames: Vec<(Option<&str>, &str, bool, String)> = Vec::new();
        for c in chosen.iter_mut() {
            if c.etype != EntityType::PER || c.kind != MentionKind::Name || c.end - c.first < 2 {
                continue;
            }
            let Some(last) = doc.tokens.get(c.end - 1) else {
                continue;
            };
            let stem = doc.token_stem(last);
            if stem.chars().count() < 3
                || self.lx.is_given_name(stem)
                || last.al_len > 0 && self.kb.gentilic(stem).is_some()
            {
                continue;
            }
            // A kunya («أبو أنس الليبي») is not called by its last word.
            let stem_at = |k: usize| doc.tokens.get(k).map(|t| doc.token_stem(t)).unwrap_or("");
            if matches!(stem_at(c.first), "ابو" | "ام") {
                continue;
            }
            let is_particle = |k: usize| {
                k >= c.first
                    && k < c.end
                    && self.lx.classes_any(stem_at(k)) & lexicon::class::NAME_PARTICLE != 0
            };
            let particle = if c.end - c.first >= 3 && is_particle(c.end - 2) {
                if is_particle(c.end - 3) {
                    continue;
                }
                Some(stem_at(c.end - 2))
            } else {
                None
            };
            let key = self.key_of(doc, c);
            c.alias_key.get_or_insert_with(|| key.clone());
            surnames.push((particle, stem, last.al_len > 0, key));
        }
        if !surnames.is_empty() {
            for (k, t) in doc.tokens.iter().enumerate() {
                if covered[k] || t.kind != TokenKind::Arabic {
                    continue;
                }
                let stem = doc.token_stem(t);
                let next = doc
                    .tokens
                    .get(k + 1)
                    .filter(|_| !covered.get(k + 1).copied().unwrap_or(true));
                let found = surnames.iter().find_map(|(p, s, al, key)| match p {
                    None => (*s == stem && *al == (t.al_len > 0)).then_some((1, key)),
                    Some(p) => next
                        .filter(|n| {
                            *p == stem
                                && t.enclitic.is_none()
                                && doc.token_stem(n) == *s
                                && *al == (n.al_len > 0)
                        })
                        .map(|_| (2, key)),
                });
                if let Some((len, key)) = found {
                    let mut a = Candidate::from_tokens(
                        doc,
                        k,
                        k + len,
                        EntityType::PER,
                        MentionSource::Pattern,
                        0.8,
                    );
                    a.alias_key = Some(key.clone());
                    covered[k..k + len].iter_mut().for_each(|c| *c = true);
                    extra.push(a);
                }
            }
        }
        // Model families: «بيلاتوس بي سي 12» → «بيلاتوس» alone names the same thing.
        let mut heads: Vec<(&str, EntityType, String)> = Vec::new();
        for c in chosen.iter_mut() {
            if c.etype != EntityType::MISC
                || c.source != MentionSource::Pattern
                || c.end - c.first < 2
            {
                continue;
            }
            let model_code = (c.first + 1..c.end).all(|k| {
                doc.tokens.get(k).is_some_and(|t| {
                    t.kind == TokenKind::Number
                        || self.lx.classes(doc, t) & lexicon::class::LETTER != 0
                })
            });
            let Some(h) = doc.tokens.get(c.first) else {
                continue;
            };
            if !model_code || h.kind != TokenKind::Arabic || h.pre_len > 0 || h.al_len > 0 {
                continue;
            }
            let key = self.key_of(doc, c);
            c.alias_key.get_or_insert_with(|| key.clone());
            heads.push((doc.token_norm(h), EntityType::MISC, key));
        }
        if !heads.is_empty() {
            for (k, t) in doc.tokens.iter().enumerate() {
                if covered[k] || t.kind != TokenKind::Arabic {
                    continue;
                }
                let w = doc.token_stem(t);
                if let Some((_, ty, key)) = heads.iter().find(|(h, _, _)| *h == w) {
                    let mut a =
                        Candidate::from_tokens(doc, k, k + 1, *ty, MentionSource::Pattern, 0.75);
                    a.alias_key = Some(key.clone());
                    covered[k] = true;
                    extra.push(a);
                }
            }
        }
        self.kingdom_alone(doc, chosen, &mut covered, &mut extra);
        self.short_org_names(doc, chosen, &mut covered, &mut extra);
        self.longer_lineage(doc, chosen);
        if !extra.is_empty() {
            chosen.extend(extra);
            chosen.sort_by(|a, b| a.first.cmp(&b.first).then(a.end.cmp(&b.end)));
        }
    }

    /// A person named with more of the lineage than the knowledge base lists («محمد بن
    /// سلمان بن عبدالعزيز», «سلمان بن عبد العزيز آل سعود») is the listed person: an
    /// unlinked person mention that starts with a listed full name and goes on only with
    /// «بن»/«ابن»/«بنت» + a name (repeated) and an optional closing «آل» + family is linked
    /// to that entry, so it is clustered with the shorter mentions.
    fn longer_lineage(&self, doc: &Document, chosen: &mut [Candidate]) {
        for c in chosen.iter_mut() {
            if c.etype != EntityType::PER
                || c.kind != MentionKind::Name
                || c.entry.is_some()
                || c.end - c.first < 3
            {
                continue;
            }
            let Some(first) = doc.tokens.get(c.first) else {
                continue;
            };
            let start = spans::name_start(first);
            for j in (c.first + 2..c.end).rev() {
                if !lineage_tail(doc, j, c.end) {
                    continue;
                }
                let Some(key) = doc
                    .tokens
                    .get(j - 1)
                    .and_then(|t| doc.norm.text.get(start..t.norm.end))
                else {
                    continue;
                };
                let listed = self.kb.lookup(key).find(|p| {
                    p.flags & rasd_kb::format::V_SURNAME == 0
                        && self
                            .kb
                            .entry(p.entry)
                            .is_some_and(|e| e.kind() == Some(rasd_kb::EntryKind::Person))
                });
                if let Some(p) = listed {
                    c.entry = Some(p.entry);
                    break;
                }
            }
        }
    }

    /// An organisation named in full is then called by its head noun with the article
    /// («المؤتمر الوطني العام» … «ورفض المؤتمر»; «حزب العمال الكردستاني» … «الحزب»):
    /// a bare definite head ([`SHORT_HEADS`]) after the full name is a mention of it, when
    /// no other organisation of the article has that head and no definite word after it
    /// makes another name («المقاومة الإسلامية»).
    fn short_org_names(
        &self,
        doc: &Document,
        chosen: &mut [Candidate],
        covered: &mut [bool],
        extra: &mut Vec<Candidate>,
    ) {
        // The referent's key as the resolver would cluster it: the entry, or the folded
        // name with «لل» read as «ال» («للجيش الأفغاني» is «الجيش الأفغاني»).
        let referent = |c: &Candidate| -> String {
            if c.entry.is_some() || c.alias_key.is_some() {
                return self.key_of(doc, c);
            }
            let f = fold(doc.slice(c.span));
            let lil = doc.tokens.get(c.first).is_some_and(|t| t.lil);
            match f.strip_prefix('ل') {
                Some(rest) if lil => format!("~ا{rest}"),
                _ => format!("~{f}"),
            }
        };
        // (head stem, first token after the full name, key); a head two bodies share is
        // dropped.
        let mut heads: Vec<(String, usize, String)> = Vec::new();
        let mut shared: Vec<String> = Vec::new();
        for c in chosen.iter() {
            if c.etype != EntityType::ORG || c.kind != MentionKind::Name || c.end - c.first < 2 {
                continue;
            }
            let Some(h) = doc.tokens.get(c.first) else {
                continue;
            };
            let stem = doc.token_stem(h);
            if h.kind != TokenKind::Arabic || !SHORT_HEADS.iter().any(|w| w == stem) {
                continue;
            }
            let key = referent(c);
            match heads.iter_mut().find(|(s, _, _)| s == stem) {
                Some((_, at, k)) if *k == key => *at = (*at).min(c.end),
                Some(_) => shared.push(stem.to_string()),
                None => heads.push((stem.to_string(), c.end, key)),
            }
        }
        heads.retain(|(s, _, _)| !shared.contains(s));
        if heads.is_empty() {
            return;
        }
        // Every mention of a referent that will be shortened carries its key, so that all
        // of them and the short forms cluster together («لحزب العمال» too).
        for c in chosen.iter_mut() {
            if c.etype == EntityType::ORG && c.kind == MentionKind::Name && c.entry.is_none() {
                let key = referent(c);
                if heads.iter().any(|(_, _, k)| *k == key) {
                    c.alias_key.get_or_insert(key);
                }
            }
        }
        for (k, t) in doc.tokens.iter().enumerate() {
            if !lone_definite(doc, covered, k) {
                continue;
            }
            let stem = doc.token_stem(t);
            let Some((_, _, key)) = heads.iter().find(|(s, at, _)| s == stem && k >= *at) else {
                continue;
            };
            let mut a =
                Candidate::from_tokens(doc, k, k + 1, EntityType::ORG, MentionSource::Pattern, 0.7);
            a.alias_key = Some(key.clone());
            if let Some(c) = covered.get_mut(k) {
                *c = true;
            }
            extra.push(a);
        }
    }

    /// «المملكة» alone names the Arab kingdom the article is about («أكدت المملكة دعمها»,
    /// «زار المملكة»): the one kingdom its names, capitals and nationality adjectives point
    /// to most (Saudi Arabia, Jordan, Morocco, Bahrain), or, when none does, its known
    /// people and state bodies. With none of them, or two equally,
    /// the word stays unlinked: «المملكة» in a report on Spain names no Arab state.
    fn kingdom_alone(
        &self,
        doc: &Document,
        chosen: &[Candidate],
        covered: &mut [bool],
        extra: &mut Vec<Candidate>,
    ) {
        const KINGDOMS: [(&str, &str); 4] = [
            ("SAU", "السعودية"),
            ("JOR", "الأردن"),
            ("MAR", "المغرب"),
            ("BHR", "البحرين"),
        ];
        let kingdom = fold("مملكة");
        let lone: Vec<usize> = (0..doc.tokens.len())
            .filter(|&k| {
                lone_definite(doc, covered, k)
                    && doc
                        .tokens
                        .get(k)
                        .is_some_and(|t| doc.token_stem(t) == kingdom)
            })
            .collect();
        if lone.is_empty() {
            return;
        }
        let mut votes = [0usize; KINGDOMS.len()];
        let vote = |votes: &mut [usize; KINGDOMS.len()], cc3: &str| {
            if let Some(i) = KINGDOMS.iter().position(|(c, _)| *c == cc3) {
                votes[i] += 1;
            }
        };
        for c in chosen {
            if let Some(e) = c.entry.and_then(|e| self.kb.entry(e)) {
                // The country's name or its capital («الرياض»).
                if e.place_kind() == Some(rasd_kb::PlaceKind::Country)
                    || e.feature() == Some("PPLC")
                {
                    vote(&mut votes, e.cc3().unwrap_or(""));
                }
            }
        }
        for t in doc.tokens.iter().filter(|t| t.kind == TokenKind::Arabic) {
            if let Some(cc3) = self.kb.gentilic(doc.token_stem(t)) {
                vote(&mut votes, cc3);
            }
        }
        // No place or adjective says which: the known people and state bodies of a
        // kingdom do («عادل الجبير», «التحالف العربي»). Only then, since a person's
        // nationality says less than the country's name (a Bahraini heads the Gulf
        // Council).
        if votes.iter().all(|&n| n == 0) {
            for c in chosen {
                if matches!(c.etype, EntityType::PER | EntityType::ORG) {
                    if let Some(cc3) = c.entry.and_then(|e| self.kb.entry(e)).and_then(|e| e.cc3())
                    {
                        vote(&mut votes, cc3);
                    }
                }
            }
        }
        let Some((best, &n)) = votes.iter().enumerate().max_by_key(|(_, n)| **n) else {
            return;
        };
        if n == 0 || votes.iter().filter(|&&m| m == n).count() > 1 {
            return;
        }
        let Some(&(cc3, name)) = KINGDOMS.get(best) else {
            return;
        };
        let Some(entry) = self
            .kb
            .entries_named(&fold(name))
            .find(|(e, _)| {
                e.place_kind() == Some(rasd_kb::PlaceKind::Country) && e.cc3() == Some(cc3)
            })
            .map(|(e, _)| e.index())
        else {
            return;
        };
        for k in lone {
            let mut a =
                Candidate::from_tokens(doc, k, k + 1, EntityType::LOC, MentionSource::Pattern, 0.8);
            a.entry = Some(entry);
            if let Some(c) = covered.get_mut(k) {
                *c = true;
            }
            extra.push(a);
        }
    }
}

/// Heads (folded) by which news calls a party, movement or armed group already named in
/// full («المقاومة», «التحالف», «الحزب»). Heads of companies, universities, banks and agencies
/// («الشركة», «الجامعة», «الوكالة») stay common nouns: the same article uses them for
/// other bodies of the kind.
static SHORT_HEADS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    [
        "مقاومة",
        "تحالف",
        "مؤتمر",
        "حزب",
        "حركة",
        "جبهة",
        "تنظيم",
        "جماعة",
        "تيار",
        "ائتلاف",
        "ميليشيا",
    ]
    .iter()
    .map(|w| fold(w))
    .collect()
});

/// True when tokens `from..to` are only lineage: «بن»/«ابن»/«بنت» + a name (the name
/// may be «عبد» + a word), repeated, with an optional closing «آل» + a family name.
fn lineage_tail(doc: &Document, from: usize, to: usize) -> bool {
    let word = |k: usize| doc.tokens.get(k).map(|t| doc.token_norm(t)).unwrap_or("");
    let mut k = from;
    while k < to {
        match word(k) {
            "بن" | "ابن" | "بنت" if k + 1 < to => {
                k += if word(k + 1) == "عبد" && k + 2 < to {
                    3
                } else {
                    2
                };
            }
            "ال" if k + 2 == to => return true,
            _ => return false,
        }
    }
    k == to && to > from
}

/// True when token `k` is a definite Arabic word standing alone: no chosen mention covers
/// it, and no definite word after it in its sentence makes it part of a longer name
/// («المملكة الأردنية الهاشمية», «المقاومة الإسلامية»). The short forms of
/// [`Recogniser::link`] (a kingdom, a party's head) are such words.
fn lone_definite(doc: &Document, covered: &[bool], k: usize) -> bool {
    let Some(t) = doc.tokens.get(k) else {
        return false;
    };
    let named_on = doc
        .tokens
        .get(k + 1)
        .is_some_and(|n| n.kind == TokenKind::Arabic && n.al_len > 0 && n.sentence == t.sentence);
    !covered.get(k).copied().unwrap_or(true)
        && t.kind == TokenKind::Arabic
        && t.al_len > 0
        && !named_on
}

impl Stage for Recogniser<'_> {
    fn name(&self) -> &'static str {
        "recognise"
    }

    fn process(&self, doc: &mut Document) {
        doc.mentions = self.recognise(doc, &[]);
    }
}

#[cfg(test)]
mod tests;
