//! Name patterns for what no list can hold.
//!
//! * **Titles before people** — a title («اللواء», «الرئيس») or a title head with its
//!   complement («وزير الخارجية الأمريكي», «المتحدث باسم الجيش»), optional nationality
//!   and qualifiers, then 1–4 name words: given names from the knowledge base, name
//!   particles («عبد الله», «أبو بكر»), a final nisba («المسماري»). A title chain not
//!   followed by a name becomes a *nominal* candidate («اللواء السابق») for the resolver.
//! * **Organisation heads with their extent** — a head noun («وزارة», «حركة», «الجيش»)
//!   and the genitive/adjective words after it, ending at punctuation, function words,
//!   coordination, another known organisation, or after «لـ» + a known place. A definite
//!   head («الجيش», «القوات») makes a name only with a nationality adjective or a
//!   number/ordinal («الجيش الليبي», «الفيلق 317»); otherwise head + generic adjectives is
//!   a description («المنظمة الإرهابية»). Polysemous heads («حركة», «قيادة», «مجموعة»)
//!   need a known place, a number, or three complement words with a nationality.
//! * **Quoted names after an operation noun** («عملية "الكرامة"») are MISC; after a media
//!   noun («صحيفة "…"») they are organisations.
//! * **Direction + region** («شمال أفريقيا») is one region when the place is a region
//!   (continent, macro-region) in the knowledge base; before a country the country alone
//!   is the place.
//! * **Transliterated foreign names** — see [`crate::foreign`].

use crate::lexicon::{class::*, Lexicon};
use crate::spans::{adjacent, name_start, orig_span, token_range_span};
use crate::Candidate;
use rasd_doc::{Document, EntityType, MentionKind, MentionSource, Proclitics, Token, TokenKind};
use rasd_kb::{Kb, PlaceKind};

/// What the patterns know about each token.
#[derive(Clone, Copy, Debug, Default)]
pub struct TokInfo {
    /// Lexicon classes.
    pub cls: u32,
    /// The token carries the article.
    pub al: bool,
    /// Nationality adjective → ISO alpha-3 (index into [`Ctx::gent_codes`]).
    pub gent: Option<u16>,
    /// End (exclusive) and type of the best knowledge-base candidate starting here.
    pub kb: Option<(u32, EntityType)>,
    /// The KB candidate starting here is a region (continent, macro-region).
    pub kb_region: bool,
    /// End (exclusive) of a place name of two words or more the knowledge base matches
    /// here with a middling score (≥ 0.5): a place that is also read as a person's
    /// name («خميس مشيط»), which a title's complement may still take.
    pub kb_place: Option<u32>,
}

/// Per-document context for the patterns.
pub struct Ctx<'d, 'k> {
    /// The document.
    pub doc: &'d Document,
    /// The knowledge base.
    pub kb: &'k Kb,
    /// The lexicon.
    pub lx: &'k Lexicon,
    /// One entry per token.
    pub info: Vec<TokInfo>,
    /// ISO codes referred to by [`TokInfo::gent`].
    pub gent_codes: Vec<&'k str>,
}

impl<'d, 'k> Ctx<'d, 'k> {
    /// Builds token information (classes, article, nationality) for the document.
    pub fn new(doc: &'d Document, kb: &'k Kb, lx: &'k Lexicon) -> Self {
        let mut gent_codes: Vec<&'k str> = Vec::new();
        let mut info: Vec<TokInfo> = Vec::with_capacity(doc.tokens.len());
        for t in &doc.tokens {
            let mut ti = TokInfo {
                cls: lx.classes(doc, t),
                al: t.al_len > 0,
                ..TokInfo::default()
            };
            if t.kind == TokenKind::Arabic {
                if let Some(code) = kb.gentilic(doc.token_stem(t)) {
                    let idx = match gent_codes.iter().position(|c| *c == code) {
                        Some(i) => i,
                        None => {
                            gent_codes.push(code);
                            gent_codes.len() - 1
                        }
                    };
                    ti.gent = Some(idx as u16);
                }
            }
            info.push(ti);
        }
        Ctx {
            doc,
            kb,
            lx,
            info,
            gent_codes,
        }
    }

    /// Records the confident knowledge-base candidates (score ≥ 0.7, after context) the
    /// patterns build on.
    pub fn attach_kb(&mut self, kb_cands: &[Candidate]) {
        for c in kb_cands {
            if c.source == MentionSource::Kb
                && c.etype == EntityType::LOC
                && c.score >= 0.5
                && c.end >= c.first + 2
            {
                if let Some(ti) = self.info.get_mut(c.first) {
                    if ti.kb_place.is_none_or(|e| (e as usize) < c.end) {
                        ti.kb_place = Some(c.end as u32);
                    }
                }
            }
            if c.score < 0.7 || c.source != MentionSource::Kb {
                continue;
            }
            if let Some(ti) = self.info.get_mut(c.first) {
                if ti.kb.is_none_or(|(e, _)| (e as usize) < c.end) {
                    ti.kb = Some((c.end as u32, c.etype));
                    ti.kb_region = c
                        .entry
                        .and_then(|e| self.kb.entry(e))
                        .is_some_and(|e| matches!(e.place_kind(), Some(PlaceKind::Region)));
                }
            }
        }
    }

    /// Lexicon classes of token `i` (0 out of range).
    pub fn classes(&self, i: usize) -> u32 {
        self.info.get(i).map(|x| x.cls).unwrap_or(0)
    }

    fn tok(&self, i: usize) -> Option<&'d Token> {
        self.doc.tokens.get(i)
    }

    /// Token `i` is written with a final alef maqsura (diacritics aside): Arabic words
    /// end so («مستشفى», «على»), transliterated names do not, and folding hides it
    /// («على» → «علي»).
    pub(crate) fn written_maqsura(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| {
            self.doc
                .slice(t.span)
                .chars()
                .rev()
                .find(|c| !rasd_text::normalise::is_diacritic(*c))
                == Some('ى')
        })
    }

    fn cls(&self, i: usize) -> u32 {
        self.info.get(i).map(|x| x.cls).unwrap_or(0)
    }

    pub(crate) fn al(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.al)
    }

    pub(crate) fn gent(&self, i: usize) -> bool {
        self.info.get(i).is_some_and(|x| x.gent.is_some())
    }

    fn stem(&self, i: usize) -> &'d str {
        self.tok(i).map(|t| self.doc.token_stem(t)).unwrap_or("")
    }

    fn is_arabic(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.kind == TokenKind::Arabic)
    }

    fn has_conj(&self, i: usize) -> bool {
        self.tok(i)
            .is_some_and(|t| t.proclitics.has(Proclitics::WA) || t.proclitics.has(Proclitics::FA))
    }

    fn has_prep(&self, i: usize) -> bool {
        self.tok(i).is_some_and(|t| t.proclitics.has_prep())
    }

    pub(crate) fn text(&self, i: usize) -> &'d str {
        self.tok(i).map(|t| self.doc.token_norm(t)).unwrap_or("")
    }

    pub(crate) fn letters(&self, i: usize) -> usize {
        self.stem(i).chars().count()
    }

    /// True when the stem of token `i` ends in ya as written (a nisba, «العولقي»), not
    /// in an alef maqsura folded to ya.
    pub fn stem_ends_with_ya(&self, i: usize) -> bool {
        self.stem(i).ends_with('ي')
            && self.tok(i).is_some_and(|t| {
                self.doc
                    .slice(t.span)
                    .chars()
                    .rev()
                    .find(|c| !rasd_text::normalise::is_diacritic(*c))
                    == Some('ي')
            })
    }
}

fn cand(
    ctx: &Ctx,
    first: usize,
    end: usize,
    etype: EntityType,
    kind: MentionKind,
    score: f32,
) -> Candidate {
    let mut span = token_range_span(ctx.doc, first, end);
    // Start where the lexicon found the word: «وكالة» whole, «لحزب» after its ل.
    if let (Some(t), Some(l)) = (ctx.tok(first), end.checked_sub(1).and_then(|l| ctx.tok(l))) {
        let (_, start) = ctx.lx.lookup(ctx.doc, t);
        if start != name_start(t) {
            let s = orig_span(ctx.doc, start, l.norm.end);
            if !s.is_empty() {
                span = s;
            }
        }
    }
    Candidate {
        first,
        end,
        span,
        etype,
        kind,
        source: MentionSource::Pattern,
        score,
        entry: None,
        name_id: None,
        kb_flags: 0,
        alias_key: None,
    }
}

/// Runs every pattern; appends candidates to `out`.
pub fn pattern_candidates(ctx: &Ctx, out: &mut Vec<Candidate>) {
    titles(ctx, out);
    speakers(ctx, out);
    called(ctx, out);
    nationals(ctx, out);
    org_heads(ctx, out);
    institutions(ctx, out);
    eponyms(ctx, out);
    quoted(ctx, out);
    directions(ctx, out);
}

// ---------------------------------------------------------------------------------------
// Titles and person names.

/// Titles that introduce a person by name (royal, religious, military, governmental);
/// role nouns such as «المسؤول» or «اللاعب» do not vouch for a one-word name.
const STRONG_TITLES: &[&str] = &[
    "ملك",
    "امير",
    "شيخ",
    "سلطان",
    "امام",
    "رئيس",
    "لواء",
    "عقيد",
    "عميد",
    "فريق",
    "مشير",
    "جنرال",
    "رائد",
    "نقيب",
    "مقدم",
    "ملازم",
    "اميرال",
    "ادميرال",
    "وزير",
    "وزيره",
    "سفير",
    "مبعوث",
    "عاهل",
    "بابا",
    "مفتي",
    "دكتور",
    "حاج",
    "سيد",
    "سيده",
    "مستشار",
    "اميره",
    "ملكه",
    "شيخه",
    "رئيسه",
    "قائد",
    "زعيم",
];

/// True for tokens written with tanween (indefinite: never part of a name).
fn tanween(ctx: &Ctx, i: usize) -> bool {
    ctx.tok(i).is_some_and(|t| {
        ctx.doc
            .slice(t.span)
            .contains(['\u{064B}', '\u{064C}', '\u{064D}'])
    })
}

/// True when token `i` can be a word of a person's name (not the first).
fn name_word(ctx: &Ctx, i: usize) -> bool {
    let c = ctx.cls(i);
    let stem = ctx.stem(i);
    // A preposition before a verbal noun («لاستغلال», «بانتظار») is not a name.
    let prep_masdar =
        stem.starts_with(['ب', 'ل', 'ك']) && stem.get(2..).is_some_and(|r| r.starts_with('ا'));
    ctx.is_arabic(i)
        && !ctx.al(i)
        && !ctx.has_conj(i)
        && !ctx.has_prep(i)
        && !tanween(ctx, i)
        && !prep_masdar
        && (c & (FUNC | TITLE | TITLE_HEAD | ORG_HEAD | LOCATIVE | QUALIFIER | SETTLEMENT | ROLE)
            == 0
            || crate::names::ali_written_as_name(ctx, i))
        && !ctx.gent(i)
        && ctx.letters(i) >= 2
}

/// A definite nisba that can end a name («المسماري», «الظواهري»).
fn nisba(ctx: &Ctx, i: usize) -> bool {
    let s = ctx.stem(i);
    ctx.is_arabic(i)
        && ctx.al(i)
        && !ctx.has_conj(i)
        && !ctx.has_prep(i)
        && s.ends_with('ي')
        && s.chars().count() >= 4
        && ctx.cls(i) & (FUNC | TITLE | ORG_HEAD | ADJ_GENERIC | QUALIFIER | ROLE) == 0
        && !ctx.gent(i)
}

/// A definite listed family name that can end a name («الزوي», «الريس»; see
/// [`crate::names`]).
fn listed_family_name(ctx: &Ctx, i: usize) -> bool {
    ctx.is_arabic(i)
        && ctx.al(i)
        && !ctx.has_conj(i)
        && !ctx.has_prep(i)
        && ctx.cls(i) & (FUNC | TITLE | TITLE_HEAD | ORG_HEAD | LOCATIVE | QUALIFIER | ROLE) == 0
        && !ctx.gent(i)
        && ctx.tok(i).is_some_and(|t| {
            t.enclitic.is_none()
                && ctx
                    .doc
                    .token_norm(t)
                    .get(t.pre_len as usize..)
                    .is_some_and(crate::names::family_word)
        })
}

/// How a word looks as part of a person's name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NameWord {
    /// A given name of the knowledge base.
    Given,
    /// A foreign-looking word (transliteration).
    Foreign,
    /// A bare nisba-shaped word («حجازي»).
    NisbaShape,
    /// Nothing speaks for or against it.
    Unknown,
}

fn name_word_kind(ctx: &Ctx, k: usize) -> NameWord {
    let stem = ctx.stem(k);
    // A written alef maqsura ends Arabic words («مستشفى»), not transliterations.
    let maqsura = ctx.written_maqsura(k);
    let whole_given = ctx.tok(k).is_some_and(|t| {
        t.enclitic.is_some() && crate::names::suffix_is_name_letter(ctx.doc, t) && {
            let n = ctx.doc.token_norm(t);
            n.get(t.pre_len as usize..)
                .is_some_and(|w| ctx.lx.is_given_name(w) || crate::names::is_given(w))
        }
    });
    // «عبدالرحمن», «عبداللطيف»: a theophoric name written joined, which the lists hold
    // apart («عبد الرحمن»).
    let joined_abd = stem
        .strip_prefix("عبدال")
        .is_some_and(|rest| rest.chars().count() >= 3);
    if ctx.lx.is_given_name(stem) || crate::names::is_given(stem) || whole_given || joined_abd {
        NameWord::Given
    } else if !maqsura && {
        // A word that starts like an imperfect verb must look more foreign to count
        // («نكورونزيزا», «تيونغ»), as in `crate::foreign`, and be no short verb («يهنئ»)
        // or verbal noun of a template («تشكيل»).
        let f = ctx.kb.foreignness(stem);
        if stem.starts_with(['ي', 'ت', 'ن']) {
            f >= crate::foreign::VERB_LIKE
                && stem.chars().count() >= 5
                && !crate::shape::arabic_pattern(stem)
        } else {
            // Nor a word of an Arabic template that looks only mildly foreign («ارسل»,
            // form IV «أرسل» "sent", scores 1.06 on its trigrams; «استاذ»), unless a
            // clearly foreign word stands before it («ستيفن أولماك»).
            f >= 0.6
                && (f >= crate::foreign::STRONG
                    || !crate::shape::arabic_pattern(stem)
                    || (k > 0
                        && adjacent(ctx.doc, k - 1)
                        && ctx.kb.foreignness(ctx.stem(k - 1)) >= crate::foreign::STRONG))
        }
    } {
        NameWord::Foreign
    } else if stem.ends_with('ي') && stem.chars().count() >= 4 {
        NameWord::NisbaShape
    } else {
        NameWord::Unknown
    }
}

/// Parses a person's name starting at token `j`; returns its end and whether the first
/// word is a known given name.
///
/// Words: given names, name particles with the word they govern («عبد الله», «أبو
/// بكر»), foreign-looking words, nisba-shaped words, a definite nisba that ends the name
/// («المسماري»). A word with a pronoun suffix, a verb-like word (ي/ت/ن prefix) or a word
/// of the lexicon ends the name. At most one word that nothing speaks for, and only
/// after a known first word («سالم جحا»); a single word must be a given name or
/// foreign-looking.
pub fn person_name(ctx: &Ctx, j: usize) -> Option<(usize, bool)> {
    let mut k = j;
    let mut words = 0;
    let mut given = false;
    let mut kunya = false;
    let mut unknown = 0;
    let mut first_known = false;
    let mut last_kind = NameWord::Unknown;
    // The end of a person's name the knowledge base lists inside this one: a listed name
    // is complete, so a word nothing speaks for right after it is the sentence going on
    // («الرئيس الروسي فلاديمير بوتين رسالة»), not the name.
    let mut listed_end = None;
    if !ctx.is_arabic(j) || ctx.has_conj(j) || ctx.has_prep(j) {
        return None;
    }
    // Four words, or more along a chain of filiation («عبد العزيز بن عبد الله آل الشيخ»).
    while (words < 4
        || (words < 7
            && ctx.cls(k) & NAME_PARTICLE != 0
            && matches!(ctx.stem(k), "بن" | "ابن" | "بنت" | "ال")))
        && ctx.tok(k).is_some()
    {
        if words > 0 && !adjacent(ctx.doc, k - 1) {
            break;
        }
        if let Some((e, EntityType::PER)) = ctx.info[k].kb {
            // A lone listed given name («صالح») is as often the start of another
            // person's name.
            if e as usize > k + 1 || name_word_kind(ctx, k) != NameWord::Given {
                listed_end = Some(e as usize);
            }
        }
        let c = ctx.cls(k);
        if c & NAME_PARTICLE != 0 && !ctx.al(k) && !ctx.has_conj(k) && !ctx.has_prep(k) {
            // «عبد الله», «أبو بكر»: the particle takes the next word, definite or not.
            if !adjacent(ctx.doc, k) || !ctx.is_arabic(k + 1) || ctx.cls(k + 1) & FUNC != 0 {
                break;
            }
            if words == 0 {
                kunya = matches!(ctx.stem(k), "ابو" | "ام");
                given = true;
                first_known = true;
            }
            // «بن عبد الله»: a particle after the particle takes its own word too, so
            // that a name never ends on «عبد».
            let nested = ctx.cls(k + 1) & NAME_PARTICLE != 0
                && !ctx.al(k + 1)
                && adjacent(ctx.doc, k + 1)
                && ctx.is_arabic(k + 2)
                && ctx.cls(k + 2) & FUNC == 0;
            let step = if nested { 3 } else { 2 };
            k += step;
            words += step;
            last_kind = NameWord::Given;
            continue;
        }
        // A definite gentilic after a kunya or a given name is a family name («أبو بكر
        // البغدادي», «منصور التركي»): an adjective of a bare given name is rare in news.
        if words > 0
            && (nisba(ctx, k)
                || listed_family_name(ctx, k)
                || ((kunya || last_kind == NameWord::Given)
                    && ctx.al(k)
                    && ctx.gent(k)
                    && !ctx.has_conj(k)
                    && !ctx.has_prep(k)))
        {
            k += 1;
            words += 1;
            last_kind = NameWord::NisbaShape;
            break;
        }
        if !name_word(ctx, k)
            || ctx.tok(k).is_some_and(|t| {
                t.enclitic.is_some() && !crate::names::suffix_is_name_letter(ctx.doc, t)
            })
        {
            break;
        }
        // Another known entity starts here: the name stops before it.
        if words > 0 && ctx.info[k].kb.is_some_and(|(_, t)| t != EntityType::PER) {
            break;
        }
        let kind = name_word_kind(ctx, k);
        if kind == NameWord::Unknown && listed_end == Some(k) && !family_after_listed(ctx, k) {
            break;
        }
        let stem = ctx.stem(k);
        if kind != NameWord::Given && kind != NameWord::Foreign && stem.starts_with(['ي', 'ت', 'ن'])
        {
            if words == 0 {
                return None;
            }
            break;
        }
        if words == 0 {
            given = kind == NameWord::Given;
            first_known = kind != NameWord::Unknown;
        }
        // An unknown word ending in ا after a consonant is an accusative adverb or
        // participle («قائلا», «مضيفا»), not a name; nor is a word of an Arabic template
        // («اصعب», «مرفوقة») or a future verb («ستزور»).
        let future = stem.starts_with('س')
            && stem
                .chars()
                .nth(1)
                .is_some_and(|c| matches!(c, 'ي' | 'ت' | 'ن'));
        if kind == NameWord::Unknown
            && words >= 1
            && (stem.ends_with('ا')
                // A preposition glued to a word the analyser did not split («بمناسبة»),
                // unless the word is a listed family name («بحاح»).
                || (stem.starts_with(['ب', 'ل', 'ك']) && !crate::names::is_surname(stem))
                || (crate::shape::arabic_pattern(stem)
                    && ctx.kb.foreignness(stem) < crate::foreign::STRONG)
                || future)
        {
            break;
        }
        if kind == NameWord::Unknown {
            if !(first_known && words >= 1) || unknown >= 1 {
                if words == 0 {
                    // An unknown first word may still start a name if a known word
                    // follows — unless it starts with a preposition letter («بلسان»).
                    if stem.starts_with(['ب', 'ل', 'ك']) {
                        return None;
                    }
                    let next_ok = adjacent(ctx.doc, k)
                        && (nisba(ctx, k + 1)
                            || name_word(ctx, k + 1)
                                && matches!(
                                    name_word_kind(ctx, k + 1),
                                    NameWord::Given | NameWord::Foreign
                                ));
                    if !next_ok {
                        return None;
                    }
                } else {
                    break;
                }
            }
            unknown += 1;
        }
        last_kind = kind;
        k += 1;
        words += 1;
        // «صلاح الدين», «نور الدين», «سيف الإسلام»: a compound given name is one word of
        // the name, however the knowledge base reads its parts.
        if words < 4
            && matches!(kind, NameWord::Given)
            && adjacent(ctx.doc, k - 1)
            && !ctx.has_conj(k)
            && !ctx.has_prep(k)
            && ctx.al(k)
            && matches!(ctx.stem(k), "دين" | "اسلام")
        {
            k += 1;
            words += 1;
        }
    }
    if words == 0 {
        // A lone nisba after a title («الرئيس السيسي») is left to the knowledge base's
        // surnames: as a pattern it catches too many adjectives («الفريق الخارجي»).
        return None;
    }
    if words == 1 && last_kind == NameWord::Unknown {
        return None;
    }
    Some((k, given))
}

/// Word `k`, right after a listed person's name, is a listed family name that may
/// extend it to another person of the same given names («السفير أحمد بن عبدالعزيز قطان»),
/// unless a definite word follows it, as after a construct noun («الملك سلمان بن
/// عبدالعزيز خادم الحرمين»).
fn family_after_listed(ctx: &Ctx, k: usize) -> bool {
    crate::names::is_surname(ctx.stem(k)) && !(adjacent(ctx.doc, k) && ctx.al(k + 1))
}

/// A frequent word of news text shaped like a future verb («ستكون», «سيتم», «سيشارك»).
/// Rare names of that shape («سيلسو», «سيغموند») are not frequent words.
fn future_verb(stem: &str) -> bool {
    crate::shape::future_verb(stem) && crate::settlement::is_ordinary(stem)
}

fn titles(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    let mut i = 0;
    while i < n {
        let c = ctx.cls(i);
        let is_title = c & TITLE != 0 && ctx.al(i);
        let is_head = c & TITLE_HEAD != 0;
        if !(is_title || is_head) {
            i += 1;
            continue;
        }
        let start = i;
        let mut j = i;
        let mut steps = 0;
        let mut strong = false;
        // The title chain: titles, heads with complements, nationality, qualifiers.
        while j < n && steps < 10 {
            steps += 1;
            if j > start && !adjacent(ctx.doc, j - 1) {
                break;
            }
            if j > start && ctx.has_conj(j) {
                break;
            }
            let cj = ctx.cls(j);
            if cj & TITLE != 0 && ctx.al(j) {
                strong |= STRONG_TITLES.contains(&ctx.stem(j));
                j += 1;
                continue;
            }
            if cj & TITLE_HEAD != 0 {
                strong |= STRONG_TITLES.contains(&ctx.stem(j));
                j += 1;
                // Complement: «باسم», definite nouns, organisation heads, known places and
                // organisations, nationality adjectives.
                let mut m = 0;
                while j < n && m < 5 && adjacent(ctx.doc, j - 1) && !ctx.has_conj(j) {
                    let ck = ctx.cls(j);
                    if let Some((e, t)) = ctx.info[j].kb {
                        if t != EntityType::PER {
                            j = e as usize;
                            m += 1;
                            continue;
                        }
                    }
                    // «محافظ خميس مشيط سعيد بن مشيط»: the governor of a place, then
                    // his name. Only as the head's own genitive or after a place noun
                    // («رئيس مركز طلعة عمار»), and not on a particle's name («عبد
                    // الستار»).
                    let place_slot =
                        m == 0 || ctx.cls(j - 1) & (ORG_HEAD | SETTLEMENT | LOCATIVE) != 0;
                    if let Some(e) = ctx.info[j]
                        .kb_place
                        .filter(|_| place_slot && ck & NAME_PARTICLE == 0)
                    {
                        j = e as usize;
                        m += 1;
                        continue;
                    }
                    if ck & IN_NAME_OF != 0
                        || (ctx.al(j) && ck & (FUNC | TITLE) == 0)
                        || (ck & ORG_HEAD != 0 && !ctx.al(j))
                        || ctx.gent(j)
                    {
                        j += 1;
                        m += 1;
                        continue;
                    }
                    break;
                }
                continue;
            }
            if j > start && (ctx.gent(j) || cj & QUALIFIER != 0) && ctx.al(j) {
                j += 1;
                continue;
            }
            break;
        }
        let adj = j > start && j < n && adjacent(ctx.doc, j - 1);
        if adj {
            // One word after a title is a name only after a personal title and when it
            // is a known given name or clearly foreign («الملك سلمان», «الرئيس أوباما»),
            // not after role nouns («المسؤول عدنان» may be anything).
            // (A written alef maqsura ends Arabic words and verbs, «ليتسنى», not
            // transliterations, however foreign their trigrams look.)
            let found = person_name(ctx, j).filter(|&(end, given)| {
                end - j >= 2
                    || (strong
                        && (given
                            || (ctx.kb.foreignness(ctx.stem(j)) >= crate::foreign::STRONG
                                && !ctx.written_maqsura(j)
                                && !future_verb(ctx.stem(j)))))
            });
            if let Some((end, given)) = found {
                let words = end - j;
                let mut score: f32 = 0.7;
                if given {
                    score += 0.15;
                }
                if words >= 2 {
                    score += 0.05;
                }
                if words == 1 && !given {
                    score -= 0.08;
                }
                out.push(cand(
                    ctx,
                    j,
                    end,
                    EntityType::PER,
                    MentionKind::Name,
                    score.min(0.92),
                ));
                i = end;
                continue;
            }
        }
        // No name: a definite title/role chain is a nominal mention. Without a name to
        // close it, a definite title after a definite word begins another person
        // («استقبل الوزير السفير الأمريكي»: the minister received the ambassador);
        // honorific chains only stand before a name. After an indefinite head it is a
        // genitive of the same phrase («نائب الرئيس»).
        let j = (start + 1..j)
            .find(|&k| ctx.cls(k) & (TITLE | TITLE_HEAD) != 0 && ctx.al(k) && ctx.al(k - 1))
            .unwrap_or(j);
        // (Two words at least: a bare «الرئيس» or «الفريق» is too vague to attach.)
        if (is_title || (c & ROLE != 0 && ctx.al(i))) && j > start + 1 {
            out.push(cand(
                ctx,
                start,
                j,
                EntityType::PER,
                MentionKind::Nominal,
                0.6,
            ));
        }
        i = j.max(i + 1);
    }
    // Role nouns with qualifiers («الضابط المتقاعد», «العسكري حفتر» is a title + name).
    for i in 0..n {
        if ctx.cls(i) & ROLE != 0 && ctx.cls(i) & TITLE == 0 && ctx.al(i) && adjacent(ctx.doc, i) {
            let q = ctx.cls(i + 1);
            if (q & QUALIFIER != 0 || ctx.gent(i + 1)) && ctx.al(i + 1) {
                out.push(cand(
                    ctx,
                    i,
                    i + 2,
                    EntityType::PER,
                    MentionKind::Nominal,
                    0.6,
                ));
            } else if !ctx.al(i + 1) {
                if let Some((end, given)) = person_name(ctx, i + 1) {
                    let words = end - i - 1;
                    if words == 1 && ctx.lx.is_given_name(ctx.stem(i + 1)) == given {
                        out.push(cand(
                            ctx,
                            i + 1,
                            end,
                            EntityType::PER,
                            MentionKind::Name,
                            0.6,
                        ));
                    }
                }
            }
        }
    }
}

/// Speech verbs (stems, folded: «ى» is «ي», «أ» is «ا»; past tense) that introduce a
/// speaker right after them («وقال باسكال نيابيندا», «أشار منير ابراهيم»).
pub const SPEECH_VERBS: &[&str] = &[
    "قال",
    "قالت",
    "اكد",
    "اكدت",
    "اضاف",
    "اضافت",
    "اوضح",
    "اوضحت",
    "ذكر",
    "ذكرت",
    "صرح",
    "صرحت",
    "اعلن",
    "اعلنت",
    "اشار",
    "اشارت",
    "اعتبر",
    "اعتبرت",
    "نفي",
    "نفت",
    "دعا",
    "دعت",
];

/// A person named right after a speech verb, with no title: news introduces speakers
/// that way («وقال آرفين أحمد بور، مسؤول العلاقات»). Two name words at least, the first
/// a listed given name or a foreign-looking word, so that «قال مصدر» or «أكد سالم» (one
/// word, which may be anything) make nothing; an unlisted foreign first word also needs a
/// name-like last word («قال دبلوماسي ثان» is no name); see [`trim_name`]. Scored a
/// little below a title's name.
fn speakers(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n.saturating_sub(2) {
        if !ctx.is_arabic(i)
            || !adjacent(ctx.doc, i)
            || !SPEECH_VERBS.contains(&ctx.stem(i))
            || ctx.tok(i).is_some_and(|t| t.enclitic.is_some())
        {
            continue;
        }
        let j = i + 1;
        if read_elsewhere(ctx, j) {
            continue;
        }
        let stem = ctx.stem(j);
        // «قال لي» is "told me", far more often than a «Lee».
        if stem == "لي" {
            continue;
        }
        // A nominative sound plural («مسؤولون», «مقاتلون») is the speaker as a group, not
        // a name, however foreign its letters look, and so is its construct form before a
        // noun («مسؤولو الحياة البرية»). (The genitive «ين» cannot be a subject and ends
        // many names, «آرفين», «بنيامين».)
        let plural = ["ون", "ات"].iter().any(|e| stem.ends_with(e))
            || stem
                .strip_suffix('و')
                .is_some_and(crate::shape::arabic_pattern);
        let listed = match name_word_kind(ctx, j) {
            NameWord::Given => true,
            NameWord::Foreign if !plural => false,
            _ => continue,
        };
        let Some((end, given)) = person_name(ctx, j) else {
            continue;
        };
        let Some(end) = trim_name(ctx, j, end, listed, 2) else {
            continue;
        };
        let score = if given { 0.8 } else { 0.72 };
        out.push(cand(ctx, j, end, EntityType::PER, MentionKind::Name, score));
    }
}

/// The end of a name the name pattern read from `j` to `end` after a cue that does not
/// bound it (a speech verb, a nationality): words after the name that the pattern let
/// through but nothing marks as a name — the role that follows («ماوريسيو بوكيتينو مدرب
/// توتنهام», «أندرياس لوتش كبير المشرفين») or an adverb («مارك تونر ردا على سؤال») — are
/// left out. `None` when fewer than `min` words remain (a two-word given name, «عبد الله»,
/// «سيف الدين», counts as one), when the name ends on an adverb, or when an unlisted
/// first word (`listed` false) has no name-like last word («قال دبلوماسي ثان»).
fn trim_name(ctx: &Ctx, j: usize, mut end: usize, listed: bool, min: usize) -> Option<usize> {
    let given = given_end(ctx, j);
    // A foreign word after the given name and the word that follows it must look clearly
    // foreign: «مقابل» (0.6) after «ممفيس ديباي» is "for" a fee.
    let name_like = |k: usize| match name_word_kind(ctx, k) {
        NameWord::Given => true,
        NameWord::Foreign => k <= given || ctx.kb.foreignness(ctx.stem(k)) >= 0.9,
        _ => nisba(ctx, k) || listed_family_name(ctx, k),
    };
    // «ردا على», and a nisba adverb («إداريا», «رسميا») unless a listed name.
    let adverb = |k: usize| {
        let w = ctx.stem(k);
        (w.ends_with('ا') && ctx.letters(k) <= 3)
            || (w.ends_with("يا") && name_word_kind(ctx, k) != NameWord::Given)
    };
    // The word after a particle («بن مستور», «أبو بكر») belongs to the name.
    let after_particle = |k: usize| ctx.cls(k - 1) & NAME_PARTICLE != 0;
    let keep = given + min.saturating_sub(1);
    if end < keep {
        return None;
    }
    while end > keep
        && end - 1 > j
        && !after_particle(end - 1)
        && (!name_like(end - 1) || adverb(end - 1))
    {
        end -= 1;
    }
    if adverb(end - 1) || (!listed && !name_like(end - 1)) {
        return None;
    }
    Some(end)
}

/// The end of the given name starting at `j`: two words for «عبد الله», «سيف الدين».
fn given_end(ctx: &Ctx, j: usize) -> usize {
    if ctx.cls(j) & NAME_PARTICLE != 0
        || (ctx.al(j + 1) && matches!(ctx.stem(j + 1), "دين" | "اسلام"))
    {
        j + 2
    } else {
        j + 1
    }
}

/// A word the knowledge base or a title pattern already reads: the cue patterns below
/// ([`speakers`], [`nationals`]) give it no second reading.
fn read_elsewhere(ctx: &Ctx, j: usize) -> bool {
    ctx.info[j].kb.is_some() || ctx.cls(j) & (TITLE | TITLE_HEAD | ROLE) != 0
}

/// A person introduced by name: «أحد السكان، ويدعى آبا أباجانا», «رجل يدعى فيليب
/// جونسون», «القبض على المدعو يوسف السليمان». Only the masculine cue, which news uses
/// for people («تدعى» also names ships and products, left to [`crate::foreign`]), and
/// «يدعى» only as written with «ى»: «يدعي» is "claims" («يدعي القدرة»). The name is
/// what the name pattern reads after the cue, one word at least; the cue vouches for it.
fn called(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n.saturating_sub(1) {
        let cue = match ctx.stem(i) {
            "يدعي" => ctx.written_maqsura(i) && !ctx.al(i),
            "مدعو" => ctx.al(i),
            _ => false,
        };
        if !cue || !ctx.is_arabic(i) || !adjacent(ctx.doc, i) {
            continue;
        }
        let j = i + 1;
        if ctx.info[j]
            .kb
            .is_some_and(|(_, t)| t != EntityType::PER && t != EntityType::LOC)
        {
            continue;
        }
        if let Some((end, given)) = person_name(ctx, j) {
            let score = if given { 0.85 } else { 0.78 };
            out.push(cand(ctx, j, end, EntityType::PER, MentionKind::Name, score));
        }
    }
}

/// A person introduced by nationality: «والفرنسي مورغن شنايدرلين», «وغاب البلجيكي مروان
/// فلايني», «مهاجمه البوسني ادين دزيكو». The definite masculine singular gentilic stands
/// for "the Frenchman" and the name follows it, as in sports and foreign news. After a
/// noun the gentilic may only be that noun's adjective («الجيش العراقي» + object), so the
/// name must be unmistakable: two name words with a listed given or clearly foreign first
/// word, or one clearly foreign word («والفرنسي غوميز»), trimmed as in [`trim_name`].
fn nationals(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n.saturating_sub(1) {
        let stem = ctx.stem(i);
        if !ctx.gent(i)
            || !ctx.al(i)
            || !adjacent(ctx.doc, i)
            || !stem.ends_with('ي')
            || ctx.tok(i).is_some_and(|t| t.enclitic.is_some())
        {
            continue;
        }
        let j = i + 1;
        if read_elsewhere(ctx, j) {
            continue;
        }
        // A lone word must look clearly foreign and not like an Arabic adverb («خوفا»)
        // or a verb behind «ل» («لينتقل»).
        let w = ctx.stem(j);
        let verb_behind_prep = w.starts_with(['ل', 'ب', 'ف', 'ك'])
            && w.chars()
                .nth(1)
                .is_some_and(|c| matches!(c, 'ي' | 'ت' | 'ن'));
        let clearly_foreign = ctx.kb.foreignness(w) >= crate::foreign::STRONG;
        let strong = clearly_foreign && !w.ends_with('ا') && !verb_behind_prep;
        match name_word_kind(ctx, j) {
            NameWord::Given => {}
            NameWord::Foreign if clearly_foreign => {}
            _ => continue,
        }
        let Some((end, given)) = person_name(ctx, j) else {
            continue;
        };
        // One word only when it is clearly foreign: a listed given name alone after an
        // adjective may be a word («الشعب السعودي معروف بتلاحمه»).
        // A lone word must also visibly end the name (punctuation, a function word or
        // the article after it): an unread surname would be cut off («الإسباني تشيكو
        // فلوريس»). A conjunction is no sign: foreign words begin with و and ف too
        // («مبلارك واكاسو»).
        let ends_here = !adjacent(ctx.doc, j)
            || !ctx.is_arabic(j + 1)
            || ctx.al(j + 1)
            || ctx.cls(j + 1) & FUNC != 0;
        let end = if end <= given_end(ctx, j) {
            if !strong || !ends_here {
                continue;
            }
            end
        } else {
            // A clearly foreign first word vouches for the name as a listed one does.
            let Some(end) = trim_name(ctx, j, end, true, 2) else {
                continue;
            };
            end
        };
        let score = if given { 0.78 } else { 0.72 };
        out.push(cand(ctx, j, end, EntityType::PER, MentionKind::Name, score));
    }
}

// ---------------------------------------------------------------------------------------
// Organisation heads.

fn is_number_like(ctx: &Ctx, i: usize) -> bool {
    ctx.tok(i).is_some_and(|t| t.kind == TokenKind::Number)
        || matches!(
            ctx.stem(i),
            "اول"
                | "ثاني"
                | "ثالث"
                | "رابع"
                | "خامس"
                | "سادس"
                | "سابع"
                | "ثامن"
                | "تاسع"
                | "عاشر"
                | "اولي"
                | "ثانيه"
                | "ثالثه"
                | "رابعه"
                | "خامسه"
                | "سادسه"
                | "سابعه"
                | "ثامنه"
                | "تاسعه"
                | "عاشره"
        ) && ctx.al(i)
}

/// True for definite words shaped like adjectives: nisbas («الصحية», «المركزية»),
/// participles in م- («المتحدة», «المسلحة»), elatives أفعل («الأعلى»), and the lexicon's
/// adjectives, nationalities and ordinals.
fn adjective_like(ctx: &Ctx, k: usize) -> bool {
    let st = ctx.stem(k);
    let n = st.chars().count();
    // A folded final ي may be an alef maqsura («الشورى»), which is no nisba.
    let maqsura = ctx.tok(k).is_some_and(|t| {
        ctx.doc
            .slice(t.span)
            .chars()
            .rev()
            .find(|c| !rasd_text::normalise::is_diacritic(*c))
            == Some('ى')
    });
    // Nouns of place and heads share the م- shape («المدينة», «المجلس»).
    if ctx.cls(k) & (ORG_HEAD | SETTLEMENT | LOCATIVE | TITLE | ROLE) != 0 {
        return false;
    }
    ctx.cls(k) & (ADJ_GENERIC | QUALIFIER | DIRECTION) != 0
        || ctx.gent(k)
        || is_number_like(ctx, k)
        || (st.ends_with('ي') && !maqsura)
        || st.ends_with("يه")
        || st.ends_with("يين")
        || st.ends_with("يون")
        || (st.starts_with('م') && n >= 4)
        || (st.starts_with('ا') && n == 4)
}

/// The end of a phrase of purpose with «ل» at token `k` that closes an institution's name
/// after its head and adjectives («الهيئة العامة للسياحة والتراث الوطني», «المؤسسة العامة
/// للتأمينات الاجتماعية», «الهيئة الوطنية لمكافحة الفساد»): a definite noun with «لل», or
/// a bare verbal noun with «ل» and its definite genitive, then adjectives and nouns joined
/// by «و». Time nouns («للمرة الأولى», «لليوم الثاني») say when, not what.
fn purpose_phrase(ctx: &Ctx, k: usize) -> Option<usize> {
    let t = ctx.tok(k)?;
    if !ctx.text(k).starts_with('ل') || t.enclitic.is_some() || ctx.cls(k) & FUNC != 0 {
        return None;
    }
    if matches!(
        ctx.stem(k),
        "مره" | "يوم" | "عام" | "سنه" | "اسبوع" | "شهر" | "اول"
    ) {
        return None;
    }
    // «ل» after a participle that governs it is its complement, not a purpose
    // («الوحدة الخاصة المرافقة للرئيس», «البحرية التابعة للجيش»).
    let prev = ctx.stem(k.saturating_sub(1));
    if [
        "تابع",
        "موال",
        "مرافق",
        "مواز",
        "مجاور",
        "مقابل",
        "مناهض",
        "مؤيد",
        "مخصص",
        "مضاد",
        "معارض",
        "مساند",
        "داعم",
        "مقرب",
        "محاذ",
        "منافس",
    ]
    .iter()
    .any(|p| prev.starts_with(p))
    {
        return None;
    }
    // A body, a person or a known name after «ل» owns the thing named before it («اللجنة
    // الفرعية للجنة», «المكتب الإعلامي لرئيس الوزراء», «الجهاز الفني للزمالك»).
    let owner = |j: usize| {
        ctx.cls(j) & (ORG_HEAD | TITLE | TITLE_HEAD | ROLE | SETTLEMENT | LOCATIVE | FUNC) != 0
            || ctx.info[j].kb.is_some()
    };
    if owner(k) {
        return None;
    }
    let mut e = k + 1;
    if !t.lil {
        // «لمكافحة الفساد»: the bare verbal noun needs its definite genitive.
        let genitive = adjacent(ctx.doc, k) && ctx.al(e) && !ctx.has_conj(e) && !ctx.has_prep(e);
        if !genitive || owner(e) {
            return None;
        }
        e += 1;
    }
    let mut joined = 0;
    while e < k + 6 && adjacent(ctx.doc, e - 1) && ctx.is_arabic(e) && ctx.al(e) {
        let ce = ctx.cls(e);
        if ce & (FUNC | TITLE | TITLE_HEAD | ROLE) != 0
            || ctx.has_prep(e)
            || ctx.tok(e).is_some_and(|t| t.enclitic.is_some())
            || ctx.info[e].kb.is_some()
        {
            break;
        }
        if ctx.has_conj(e) {
            // «والتراث»: one more noun of the same purpose.
            if joined > 0 || adjective_like(ctx, e) {
                break;
            }
            joined += 1;
        } else if !adjective_like(ctx, e) {
            break;
        }
        e += 1;
    }
    Some(e)
}

/// True for definite words that cannot continue a name whose genitive is already
/// complete: organisation heads and place nouns («السلطة», «المنطقة») and verbal nouns
/// of the derived forms («التدخل», «الانضباط», «الاستقرار»).
fn starts_new_noun_phrase(ctx: &Ctx, k: usize) -> bool {
    let st = ctx.stem(k);
    let n = st.chars().count();
    ctx.cls(k) & (ORG_HEAD | SETTLEMENT | LOCATIVE) != 0
        || (st.starts_with('ت') && n >= 4)
        || (st.starts_with('ا') && n >= 5)
        || EVENT_NOUNS.contains(&st)
}

/// Nouns of acts and statements that a body is said to condemn, deny or comment on right
/// after its name («أدانت وزارة الخارجية الهجوم», «نفت وزارة الداخلية الخبر»): never
/// the adjective of a name, so they open the verb's object. (Derived-form verbal nouns
/// such as «التفجير», «الاعتداء» are caught by their shape.)
const EVENT_NOUNS: &[&str] = &[
    "هجوم",
    "هجمات",
    "قصف",
    "غاره",
    "غارات",
    "ضربه",
    "ضربات",
    "حادث",
    "حادثه",
    "قرار",
    "قرارات",
    "بيان",
    "خبر",
    "انباء",
    "عمليه",
    "عمليات",
    "قتال",
    "معارك",
    "معركه",
    "قتل",
    "خطف",
    "جريمه",
    "مجزره",
    "عدوان",
    "اعمال",
    "زياره",
    "دعوه",
    "هجوما",
];

fn org_heads(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n {
        let c = ctx.cls(i);
        if c & ORG_HEAD == 0 || c & FUNC != 0 || ctx.tok(i).is_some_and(|t| t.enclitic.is_some()) {
            continue;
        }
        // A head inside a knowledge-base name is that name's business.
        if ctx.info[i].kb.is_some_and(|(_, t)| t == EntityType::ORG) {
            continue;
        }
        let head_al = ctx.al(i);
        let weak = c & ORG_WEAK != 0;
        let mut k = i + 1;
        let mut has_gent = false;
        let mut has_num = false;
        let mut has_place = false;
        let mut specific = 0usize; // non-generic complement words
        let mut org_noun = false; // a definite national-institution noun («الأمن»)
        let mut seen_noun = head_al; // a definite head is the noun adjectives attach to
        let mut seen_adj = false; // an adjective closed the noun phrase
        let mut last_good = i; // last token that may end the name
        let mut only_adj = true; // nothing but adjectives after the head so far
        let mut purpose = false; // a ل-phrase of purpose closes the name («… للسياحة»)
        while k < n && k < i + 8 && adjacent(ctx.doc, k - 1) {
            let ck = ctx.cls(k);
            let tok = ctx.tok(k);
            if tok.is_some_and(|t| t.kind == TokenKind::Number) {
                has_num = true;
                last_good = k;
                k += 1;
                continue;
            }
            if !ctx.is_arabic(k)
                || ctx.has_conj(k)
                || ck & FUNC != 0
                || ctx.tok(k).is_some_and(|t| t.enclitic.is_some())
                || tanween(ctx, k)
                || ctx.letters(k) < 2
            {
                break;
            }
            if let Some((e, t)) = ctx.info[k].kb {
                match t {
                    // A place joins the name as a genitive of a still indefinite chain
                    // («جامعة القاهرة», «قوات سوريا الديمقراطية») or with ل
                    // («لأفريقيا»); after a complete definite phrase it is the next
                    // constituent («الفرقة الرابعة المدينة»).
                    EntityType::LOC if seen_noun && !ctx.text(k).starts_with('ل') => break,
                    EntityType::LOC => {
                        has_place = true;
                        only_adj = false;
                        seen_noun = true;
                        last_good = e as usize - 1;
                        k = e as usize;
                        if ctx.has_prep(k - 1) || ctx.tok(k - 1).is_some_and(|t| t.lil) {
                            break;
                        }
                        continue;
                    }
                    _ => break,
                }
            }
            // «ل» is not always split off («لمكافحة»).
            let l_word = ctx.text(k).starts_with('ل') && !ctx.al(k);
            if ctx.has_prep(k) || l_word {
                // Forces and governments act for someone, they are not named for a
                // purpose («القوات الجوية للتحالف» is the coalition's air force).
                // «الحركة العامة للسوق» and «الجهة الجنوبية للزبداني» are no names, nor is
                // a «جهاز» other than the central one («الجهاز الفني للفريق», «الجهاز
                // الهضمي»).
                let institution = match ctx.stem(i) {
                    "قوات" | "قوه" | "جيش" | "حكومه" | "شرطه" | "سلطات" | "سلطه" | "امن" => {
                        false
                    }
                    "حركه" | "جهه" => false,
                    "جهاز" => ctx.stem(i + 1) == "مركزي",
                    _ => true,
                };
                if head_al && only_adj && k > i + 1 && institution {
                    if let Some(e) = purpose_phrase(ctx, k) {
                        purpose = true;
                        last_good = e - 1;
                        break;
                    }
                }
                if ctx.has_prep(k) {
                    break;
                }
            }
            if ctx.gent(k) {
                has_gent = true;
                last_good = k;
                k += 1;
                continue;
            }
            if is_number_like(ctx, k) {
                has_num = true;
                seen_adj |= seen_noun;
                last_good = k;
                k += 1;
                continue;
            }
            if ctx.al(k) {
                if ck & TITLE != 0 || (ck & (TITLE_HEAD | ROLE) != 0 && ck & ORG_HEAD == 0) {
                    break;
                }
                // After the first definite genitive noun only adjectives follow; a definite
                // head noun or verbal noun, or any noun after an adjective, starts a new
                // phrase («مجلس النواب السلطة التشريعية», «… الكيميائية النتائج»).
                // A definite word right after a bare head is its genitive, whatever its
                // shape («وزارة الخارجية»), so a noun that opens a phrase ends the name
                // after it too («أدانت وزارة الخارجية الهجوم»).
                let adjective = adjective_like(ctx, k);
                let genitive_before = seen_noun || (!head_al && k > i + 1 && ctx.al(i + 1));
                if genitive_before && !adjective && (seen_adj || starts_new_noun_phrase(ctx, k)) {
                    break;
                }
                if !adjective {
                    seen_noun = true;
                    only_adj &= ctx.stem(k) == "عليا";
                } else if seen_noun {
                    seen_adj = true;
                }
                if ck & ADJ_GENERIC == 0 {
                    specific += 1;
                }
                org_noun |= ck & ORG_NATIONAL != 0 && k == i + 1;
                last_good = k;
                k += 1;
                continue;
            }
            // A bare word only right after a bare head, and only when the chain goes on
            // to a definite word («هيئة تحرير الشام», «منظمة حظر الأسلحة») or the word
            // is clearly foreign («جامعة أيوا»): an indefinite genitive makes the whole
            // phrase indefinite («وكالة أنباء», «مجلس وزراء»). Not a preposition, a
            // verb-like word or an adjective.
            let st = ctx.stem(k);
            let n_letters = st.chars().count();
            let verb_like = st.starts_with('ي') || (st.starts_with(['ت', 'ن']) && n_letters <= 4);
            let definite_next = adjacent(ctx.doc, k)
                && ctx.al(k + 1)
                && ctx.cls(k + 1) & FUNC == 0
                && !ctx.has_conj(k + 1);
            let proper = ctx.kb.foreignness(st) >= crate::foreign::STRONG;
            if !head_al
                && k == i + 1
                && (definite_next || proper)
                && !verb_like
                && !st.starts_with(['ب', 'ل', 'ك'])
                && ck & (ORG_HEAD | TITLE | TITLE_HEAD | LOCATIVE | ADJ_GENERIC | QUALIFIER) == 0
                && !st.ends_with('ي')
                && !st.ends_with("يه")
            {
                specific += 1;
                only_adj = false;
                last_good = k;
                k += 1;
                continue;
            }
            break;
        }
        // Trailing evaluative adjectives are not part of the name.
        let mut end = last_good + 1;
        while end > i + 1 {
            let ck = ctx.cls(end - 1);
            if ck & ADJ_GENERIC != 0 && !ctx.gent(end - 1) && !is_number_like(ctx, end - 1) {
                end -= 1;
            } else {
                break;
            }
        }
        let comp = end - i - 1;
        if comp == 0 {
            continue;
        }
        // «مديرية كريتر» is a district, «مديرية الأمن» an office.
        if comp == 1 && crate::settlement::names_a_place(ctx, i) {
            continue;
        }
        // Numbered units: «الفرقة الرابعة», «اللواء 15» — but «المجموعة الثالثة» (a
        // sports group) is not a unit.
        let unit_head = matches!(
            ctx.stem(i),
            "فرقه"
                | "لواء"
                | "فوج"
                | "كتيبه"
                | "فيلق"
                | "جيش"
                | "سريه"
                | "اسطول"
                | "قوه"
                | "الويه"
                | "كتائب"
                | "وحده"
                | "لجنه"
        );
        let has_num = has_num && (unit_head || !head_al);
        let is_name = if head_al {
            (has_gent && c & ORG_NATIONAL != 0) || has_num || (has_gent && specific >= 1) || purpose
        } else if weak {
            // «قوات الأمن السعودية»: a weak head over a national institution noun and a
            // gentilic is one name, not a head + «الأمن السعودية».
            has_num || has_place || (has_gent && (comp >= 3 || org_noun))
        } else {
            specific >= 1 || has_gent || has_place || has_num
        };
        if !is_name {
            continue;
        }
        let mut score: f32 = 0.72 + 0.04 * (comp.min(4) as f32 - 1.0);
        if has_gent {
            score += 0.08;
        }
        if weak {
            score -= 0.07;
        }
        out.push(cand(
            ctx,
            i,
            end,
            EntityType::ORG,
            MentionKind::Name,
            score.min(0.88),
        ));
    }
}

/// Institutions every Arab state has under one name (folded stems of the head and its
/// adjective or genitive): «النيابة العامة», «المحكمة العليا», «خفر السواحل». A head with
/// an article and an adjective is no name in general («الحكومة الجديدة», so
/// [`org_heads`] wants a gentilic), but these pairs are fixed names.
pub const INSTITUTIONS: &[(&str, &str)] = &[
    ("نيابه", "عامه"),
    ("نيابه", "عسكريه"),
    ("ادعاء", "عام"),
    ("محكمه", "عليا"),
    ("محكمه", "دستوريه"),
    ("محكمه", "كليه"),
    ("محكمه", "عسكريه"),
    ("محكمه", "جزائيه"),
    ("خفر", "سواحل"),
    ("ديوان", "ملكي"),
    ("ديوان", "اميري"),
];

/// The fixed institution names of [`INSTITUTIONS`], with a gentilic after them when there
/// is one («النيابة العامة البحرينية»). Organisations, not linked: each country has its own.
fn institutions(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n.saturating_sub(1) {
        if !ctx.is_arabic(i)
            || !adjacent(ctx.doc, i)
            || !ctx.al(i + 1)
            || ctx.has_conj(i + 1)
            || ctx.has_prep(i + 1)
            || ctx.tok(i).is_some_and(|t| t.enclitic.is_some())
            || ctx.info[i].kb.is_some()
            || !INSTITUTIONS.contains(&(ctx.stem(i), ctx.stem(i + 1)))
        {
            continue;
        }
        let mut end = i + 2;
        if adjacent(ctx.doc, i + 1) && ctx.al(end) && ctx.gent(end) && !ctx.has_conj(end) {
            end += 1;
        }
        out.push(cand(ctx, i, end, EntityType::ORG, MentionKind::Name, 0.8));
    }
}

// ---------------------------------------------------------------------------------------
// Places and institutions named after a person.

/// Heads of names given after a person («جامعة الملك عبدالله», «مطار الملك خالد الدولي»,
/// «مستشفى الأمير سلطان»), folded stems, with the type of the whole name: institutions are
/// organisations, sites are places, prizes and cups are other names.
const EPONYM_HEADS: &[(&str, EntityType)] = &[
    ("جامعه", EntityType::ORG),
    ("مستشفي", EntityType::ORG),
    ("مستوصف", EntityType::ORG),
    ("مركز", EntityType::ORG),
    ("معهد", EntityType::ORG),
    ("كليه", EntityType::ORG),
    ("مدرسه", EntityType::ORG),
    ("مؤسسه", EntityType::ORG),
    ("موسسه", EntityType::ORG),
    ("مكتبه", EntityType::ORG),
    ("مطار", EntityType::LOC),
    ("قاعده", EntityType::LOC),
    ("ميناء", EntityType::LOC),
    ("مدينه", EntityType::LOC),
    ("جسر", EntityType::LOC),
    ("شارع", EntityType::LOC),
    ("طريق", EntityType::LOC),
    ("مسجد", EntityType::LOC),
    ("جامع", EntityType::LOC),
    ("ملعب", EntityType::LOC),
    ("استاد", EntityType::LOC),
    ("قصر", EntityType::LOC),
    ("برج", EntityType::LOC),
    ("حديقه", EntityType::LOC),
    ("جائزه", EntityType::MISC),
    ("كاس", EntityType::MISC),
];

/// Titles after which a facility head names its eponym (royal and religious ranks): the
/// person is part of the name, not mentioned («مستشفى الملك فهد» is no mention of King Fahd).
const EPONYM_TITLES: &[&str] = &[
    "ملك",
    "ملكه",
    "امير",
    "اميره",
    "شيخ",
    "شيخه",
    "سلطان",
    "امام",
    "خليفه",
    "شهيد",
];

/// The type of the facility a folded stem heads when it names an eponym («مسجد» → LOC,
/// «مستشفي» → ORG), if it is one of [`EPONYM_HEADS`].
fn eponym_head(stem: &str) -> Option<EntityType> {
    EPONYM_HEADS
        .iter()
        .find(|(h, _)| *h == stem)
        .map(|&(_, ty)| ty)
}

/// True when the words before token `first` of `doc` are a facility head in construct
/// state, perhaps with royal or religious titles («مسجد», «بملعب», «مستشفى الملك»): a
/// name starting at `first` is the facility's eponym, part of its name and no mention of
/// the person («مسجد الحسين بن علي»). Used to check the statistical tagger's persons.
pub fn after_eponym_head(doc: &Document, first: usize) -> bool {
    let mut k = first;
    while k > 0 && first - k < 3 {
        k -= 1;
        let Some(t) = doc.tokens.get(k) else {
            return false;
        };
        let Some(next) = doc.tokens.get(k + 1) else {
            return false;
        };
        if t.sentence != next.sentence || t.kind != TokenKind::Arabic {
            return false;
        }
        let stem = doc.token_stem(t);
        if t.al_len > 0 && EPONYM_TITLES.contains(&stem) {
            continue;
        }
        // the text layer splits «ب»/«ل» only before the article: «بمسجد» is one stem
        let clinging = ["ب", "ل"].iter().find_map(|p| stem.strip_prefix(p));
        return t.al_len == 0
            && t.enclitic.is_none()
            && (eponym_head(stem).is_some() || clinging.and_then(eponym_head).is_some());
    }
    false
}

/// Token `j` is an imam's epithet standing for his name after «الإمام»: one definite
/// word («مسجد الإمام الصادق», «مرقد الإمام الكاظم», «حسينية الإمام الرضا»), not a
/// function word, a nationality or generic adjective or an elative («الإمام الأكبر»),
/// with no clitic but the article.
fn laqab_after_imam(ctx: &Ctx, j: usize) -> bool {
    j > 0
        && ctx.stem(j - 1) == "امام"
        && ctx.is_arabic(j)
        && ctx.al(j)
        && !ctx.has_conj(j)
        && !ctx.has_prep(j)
        && !ctx.gent(j)
        && ctx.cls(j) & (FUNC | ADJ_GENERIC | QUALIFIER | DIRECTION | TITLE | ROLE) == 0
        && !elative(ctx.stem(j))
        && ctx.tok(j).is_some_and(|t| t.enclitic.is_none())
}

/// A folded stem of the elative shape أفعل («اكبر», «اعظم»): a description, no epithet.
fn elative(stem: &str) -> bool {
    stem.starts_with('ا') && stem.chars().count() == 4
}

/// The name of a royal or religious eponym starting at token `j`: given names, kunyas
/// («أبي طالب») and «عبد» + a definite word, chained by «بن» / «بنت» / «ابن», optionally closed by «آل» +
/// a family name («محمد بن راشد آل مكتوم»); returns its end. Stricter than
/// [`person_name`], which lets one unexplained word follow a given name («سالم جحا»):
/// after «مستشفى الملك فيصل» that word is the sentence going on («ليتم», «حفل»).
fn royal_name(ctx: &Ctx, j: usize) -> Option<usize> {
    let n = ctx.doc.tokens.len();
    let part = |k: usize| -> Option<usize> {
        if k >= n || !ctx.is_arabic(k) || ctx.has_conj(k) || ctx.has_prep(k) {
            return None;
        }
        if ctx.stem(k) == "عبد" && k + 1 < n && adjacent(ctx.doc, k) && ctx.al(k + 1) {
            return Some(k + 2);
        }
        // a kunya: «أبو» / «أبي» / «أبا» + a plain word («علي بن أبي طالب»)
        if matches!(ctx.stem(k), "ابو" | "ابي" | "ابا")
            && k + 1 < n
            && adjacent(ctx.doc, k)
            && ctx.is_arabic(k + 1)
            && !ctx.al(k + 1)
            && !ctx.has_conj(k + 1)
            && !ctx.has_prep(k + 1)
            && ctx.cls(k + 1) & FUNC == 0
        {
            return Some(k + 2);
        }
        (!ctx.al(k) && matches!(name_word_kind(ctx, k), NameWord::Given)).then_some(k + 1)
    };
    let plain = |k: usize| {
        ctx.is_arabic(k)
            && !ctx.al(k)
            && !ctx.has_conj(k)
            && !ctx.has_prep(k)
            && ctx.cls(k) & FUNC == 0
            && ctx.tok(k).is_some_and(|t| t.enclitic.is_none())
    };
    let mut k = part(j)?;
    while k + 1 < n && adjacent(ctx.doc, k - 1) && adjacent(ctx.doc, k) {
        match ctx.stem(k) {
            // after «بن» any plain word is the father's name («سعود بن جلوي»)
            "بن" | "بنت" | "ابن" if !ctx.has_conj(k) => match part(k + 1) {
                Some(e) => k = e,
                None if plain(k + 1) => k += 2,
                None => break,
            },
            "ال" if !ctx.has_conj(k) && ctx.is_arabic(k + 1) => return Some(k + 2),
            _ => break,
        }
    }
    Some(k)
}

/// Facility head + royal/religious title + person name (+ definite adjectives and «ل»
/// complements: «الدولي», «للعلوم والتقنية»): one name of the head's type, scored above a
/// person candidate so the merge keeps the whole name and not the person inside it.
fn eponyms(ctx: &Ctx, out: &mut Vec<Candidate>) {
    let n = ctx.doc.tokens.len();
    for i in 0..n.saturating_sub(2) {
        let Some(ty) = eponym_head(ctx.stem(i)) else {
            continue;
        };
        if ctx.al(i) || ctx.tok(i).is_some_and(|t| t.enclitic.is_some()) {
            continue;
        }
        // one or two titles («الملك», «الأمير الراحل» is not a title; «الشيخ الإمام» is)
        let mut j = i + 1;
        while j < n
            && j < i + 3
            && adjacent(ctx.doc, j - 1)
            && ctx.al(j)
            && !ctx.has_conj(j)
            && EPONYM_TITLES.contains(&ctx.stem(j))
        {
            j += 1;
        }
        if j == i + 1 || j >= n || !adjacent(ctx.doc, j - 1) || ctx.has_conj(j) {
            continue;
        }
        let end = match ctx.info.get(j).and_then(|x| x.kb) {
            Some((e, EntityType::PER)) => e as usize,
            _ => match royal_name(ctx, j) {
                Some(e) => e,
                None if laqab_after_imam(ctx, j) => j + 1,
                None => continue,
            },
        };
        // complements: definite adjectives, then «ل» + definite noun phrases joined by «و»
        let mut k = end;
        let mut last = end;
        let mut in_lil = false;
        while k < n && k < end + 5 && adjacent(ctx.doc, k - 1) && ctx.is_arabic(k) {
            let lil = ctx.tok(k).is_some_and(|t| t.lil);
            if lil && !ctx.has_conj(k) {
                in_lil = true;
            } else if ctx.has_conj(k) && in_lil && ctx.al(k) && !ctx.has_prep(k) {
                // «للعلوم والتقنية»
            } else if !in_lil
                && ctx.al(k)
                && !ctx.has_conj(k)
                && !ctx.has_prep(k)
                && !matches!(ctx.stem(k), "تابع" | "تابعه")
                && adjective_like(ctx, k)
            {
                // «الدولي», «التخصصي»
            } else {
                break;
            }
            if ctx.cls(k) & FUNC != 0 || ctx.tok(k).is_some_and(|t| t.enclitic.is_some()) {
                break;
            }
            k += 1;
            last = k;
        }
        out.push(cand(ctx, i, last, ty, MentionKind::Name, 0.86));
    }
}

// ---------------------------------------------------------------------------------------
// Quoted names.

fn is_quote(s: &str) -> bool {
    matches!(s, "\"" | "'" | "«" | "»" | "“" | "”" | "‘" | "’")
}

/// The quoted span right after token `i`: (first, end) of the quoted tokens.
fn quoted_after(ctx: &Ctx, i: usize) -> Option<(usize, usize)> {
    let q = i + 1;
    if !is_quote(ctx.text(q)) {
        return None;
    }
    let mut k = q + 1;
    while k < ctx.doc.tokens.len() && k <= q + 5 {
        if is_quote(ctx.text(k)) {
            return (k > q + 1).then_some((q + 1, k));
        }
        if ctx.tok(k).is_some_and(|t| t.kind == TokenKind::Punct) {
            return None;
        }
        k += 1;
    }
    None
}

fn quoted(ctx: &Ctx, out: &mut Vec<Candidate>) {
    for i in 0..ctx.doc.tokens.len() {
        let c = ctx.cls(i);
        let t = if c & OPERATION != 0 {
            EntityType::MISC
        } else if c & MEDIA != 0 {
            EntityType::ORG
        } else {
            continue;
        };
        if let Some((a, b)) = quoted_after(ctx, i) {
            // The quoted words must not be a clause: no function words.
            if (a..b).any(|k| ctx.cls(k) & FUNC != 0 && ctx.cls(k) & FOREIGN_PARTICLE == 0) {
                continue;
            }
            out.push(cand(ctx, a, b, t, MentionKind::Name, 0.85));
        }
    }
}

// ---------------------------------------------------------------------------------------
// Direction + region.

fn directions(ctx: &Ctx, out: &mut Vec<Candidate>) {
    for i in 0..ctx.doc.tokens.len() {
        if ctx.cls(i) & DIRECTION == 0 || ctx.al(i) || !adjacent(ctx.doc, i) {
            continue;
        }
        let info = ctx.info.get(i + 1).copied().unwrap_or_default();
        if let Some((e, EntityType::LOC)) = info.kb {
            if info.kb_region && !ctx.has_prep(i + 1) {
                out.push(cand(
                    ctx,
                    i,
                    e as usize,
                    EntityType::LOC,
                    MentionKind::Name,
                    0.9,
                ));
            }
        }
    }
}

/// Original span of the name in tokens `first..end` (for tests and callers that need
/// the text without building a candidate).
pub fn span_text(doc: &Document, first: usize, end: usize) -> &str {
    match (
        doc.tokens.get(first),
        end.checked_sub(1).and_then(|l| doc.tokens.get(l)),
    ) {
        (Some(a), Some(b)) => doc.slice(orig_span(doc, name_start(a), b.norm.end)),
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use crate::tests::names_of;
    use rasd_doc::EntityType;

    fn people(text: &str) -> Vec<String> {
        names_of(text, EntityType::PER)
    }

    fn orgs(text: &str) -> Vec<String> {
        names_of(text, EntityType::ORG)
    }

    #[test]
    fn weak_head_over_a_national_institution_takes_the_whole_name() {
        let v = orgs("واعتقلت قوات الأمن الليبية خمسة مطلوبين.");
        assert!(v.contains(&"قوات الأمن الليبية".to_string()), "{v:?}");
        // A weak head with a plain noun and a gentilic stays out.
        let v = orgs("ووصلت قوات المشاة الليبية إلى المدينة.");
        assert!(!v.contains(&"قوات المشاة الليبية".to_string()), "{v:?}");
    }

    #[test]
    fn an_institution_is_named_for_its_purpose() {
        for (text, name) in [
            (
                "وأكدت الهيئة العامة للسياحة والتراث الوطني ذلك.",
                "الهيئة العامة للسياحة والتراث الوطني",
            ),
            (
                "وقالت الهيئة الوطنية لمكافحة الفساد إنها تحقق.",
                "الهيئة الوطنية لمكافحة الفساد",
            ),
            ("ونفت المنظمة الدولية للهجرة ذلك.", "المنظمة الدولية للهجرة"),
        ] {
            let v = orgs(text);
            assert!(v.contains(&name.to_string()), "{text}: {v:?}");
        }
        // A time, an owner or the complement of a participle is no purpose; forces and
        // movements are not named for one.
        for (text, not) in [
            ("ورفضت الحكومة الشرعية للمرة الأولى ذلك.", "للمرة"),
            ("وعقدت اللجنة الفرعية للمجلس اجتماعا.", "للمجلس"),
            ("وصلت الوحدة الخاصة المرافقة للرئيس.", "للرئيس"),
            ("وأكدت القوات الجوية للتحالف ذلك.", "للتحالف"),
            ("وتراجعت الحركة العامة للسوق.", "للسوق"),
        ] {
            let v = orgs(text);
            assert!(v.iter().all(|o| !o.contains(not)), "{text}: {v:?}");
        }
    }

    #[test]
    fn a_facility_named_after_a_royal_is_one_name_not_a_person() {
        for (text, name, t) in [
            (
                "أعلنت جامعة الملك عبدالله للعلوم والتقنية عن برنامج جديد.",
                "جامعة الملك عبدالله للعلوم والتقنية",
                EntityType::ORG,
            ),
            (
                "نقل المصابون إلى مستشفى الملك فهد في جدة.",
                "مستشفى الملك فهد",
                EntityType::ORG,
            ),
            (
                "هبطت الطائرة في مطار الملك خالد الدولي بالرياض.",
                "مطار الملك خالد الدولي",
                EntityType::LOC,
            ),
            (
                "وصلى المصلون في مسجد الإمام تركي بن عبدالله وسط المدينة.",
                "مسجد الإمام تركي بن عبدالله",
                EntityType::LOC,
            ),
        ] {
            let v = names_of(text, t);
            assert!(v.contains(&name.to_string()), "{text}: {v:?}");
            assert!(people(text).is_empty(), "{text}: {:?}", people(text));
        }
        // The sentence going on after the name is not part of it.
        for (text, name) in [
            ("نقل إلى مستشفى الملك فيصل ليتم علاجه.", "مستشفى الملك فيصل"),
            (
                "افتتح مستشفى الأمير سعود بن جلوي بالمبرز.",
                "مستشفى الأمير سعود بن جلوي",
            ),
            (
                "أقيم حفل في جامعة الملك فيصل حفل المعايدة.",
                "جامعة الملك فيصل",
            ),
            (
                "زار مدرسة الشيخ محمد بن راشد آل مكتوم أمس.",
                "مدرسة الشيخ محمد بن راشد آل مكتوم",
            ),
        ] {
            let v = [orgs(text), names_of(text, EntityType::LOC)].concat();
            assert!(v.contains(&name.to_string()), "{text}: {v:?}");
        }
        // The person himself, not after a facility head, is still a person.
        let v = people("واستقبل الملك عبدالله الوفد في الرياض.");
        assert!(v.iter().any(|p| p.contains("عبدالله")), "{v:?}");
        // A head with a role noun (no royal or religious title) is not an eponym.
        let v = orgs("وقال مدير مستشفى الرئيس إن الحالة مستقرة.");
        assert!(!v.iter().any(|o| o.starts_with("مستشفى")), "{v:?}");
    }

    #[test]
    fn gentilic_after_a_given_name_is_a_family_name() {
        let v = people("وأوضح اللواء محمد الليبي أن القوات تقدمت.");
        assert!(v.contains(&"محمد الليبي".to_string()), "{v:?}");
        // After a role noun without a given name the gentilic stays an adjective.
        let v = people("وقال المسؤول الليبي إن القوات تقدمت.");
        assert!(v.is_empty(), "{v:?}");
    }
}
