//! Shallow syntax for argument finding: clause bounds, noun phrases, coordination, and
//! what a pronoun or a definite description refers back to.
//!
//! There is no parser here. A noun phrase ([`Np`]) starts only at something that can be an
//! event participant: an entity mention, an actor descriptor from `data/actors.tsv`
//! («القوات», «مسلحون»), a count of people («25 ألف جندي»), or (in coordination) a
//! nationality adjective standing for a force («و الجزائرية الخاصة»). It then takes the
//! words that belong to it: a genitive («قوات حفتر» → linked to حفتر), adjectives that
//! agree in definiteness, a unit number («الفيلق 317»); a partitive head hands over to what
//! follows «من» («عناصر من القوات الأميركية» → «القوات الأميركية»). Words that are none of
//! these end the phrase, so a role is left empty rather than filled with a wrong span.
//!
//! Clauses are cut at hard punctuation, complementisers and relative pronouns, contrast
//! words, and a verb coordinated with و; commas are soft (they end a phrase, not a clause).

use crate::lex::{CueClass, DescClass, Fw, Prep, LEX};
use crate::morph::Strip;
use crate::view::View;
use rasd_doc::{Enclitic, EntityType, MentionKind, Span, TokenKind};

/// What kind of phrase an [`Np`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpKind {
    /// An entity mention (possibly with a title before it).
    Name,
    /// An actor descriptor.
    Desc(DescClass),
    /// A nationality adjective standing for a force (only in coordination).
    Nisba,
    /// A count of people.
    Qty,
}

/// A noun phrase that can fill an argument.
#[derive(Clone, Debug)]
pub struct Np {
    /// First token of the phrase (including a partitive head).
    pub start: usize,
    /// One past its last token.
    pub end: usize,
    /// Bytes of the original text the argument names.
    pub span: Span,
    /// Linked entity (index into `doc.entities`).
    pub entity: Option<usize>,
    /// Entity class, when it is a mention.
    pub etype: Option<EntityType>,
    /// Kind of phrase.
    pub kind: NpKind,
    /// Preposition attached to the first token.
    pub prep: Option<Prep>,
    /// The first token carries و/ف.
    pub conj: bool,
    /// A possessive pronoun on the head («قواتها»).
    pub possessor: Option<Enclitic>,
    /// A LOC mention that is a country.
    pub country: bool,
    /// Head token.
    pub head: usize,
    /// The head is definite.
    pub definite: bool,
    /// A nationality adjective is part of it.
    pub nisba: bool,
}

impl Np {
    /// True when the phrase names a place that is not a country (cannot act as a party).
    pub fn is_place(&self) -> bool {
        // People of a place («نازحي صلاح الدين», «مسلحي الفلوجة») are people; a site of
        // a place («مطار بغداد») is the place.
        self.etype == Some(EntityType::LOC)
            && !self.country
            && !matches!(self.kind, NpKind::Desc(c) if c != DescClass::Site)
    }

    /// True when the phrase is headed by a site noun («مواقع للحوثيين», «فندقا»): what an
    /// attack hits, never the subject after a verb.
    pub fn is_site(&self) -> bool {
        self.kind == NpKind::Desc(DescClass::Site)
    }
}

/// How an NP is governed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gov {
    /// Not governed by a preposition.
    Free,
    /// By a preposition.
    P(Prep),
    /// By an agent phrase («من قبل», «على يد», «بأيدي»).
    Agent,
}

/// Maximum tokens scanned to either side of a trigger for its clause.
const CLAUSE_MAX: usize = 40;

fn is_clause_opener(v: &View, i: usize) -> bool {
    matches!(v.fw(i), Some((Fw::Comp, _)) | Some((Fw::Rel, _)))
        || v.cue_at(i, CueClass::Contrast) > 0
        || comp_with_pronoun(v, i)
}

/// A complementiser carrying a pronoun («إنها», «أنه»): it opens a clause like a bare one.
pub fn comp_with_pronoun(v: &View, i: usize) -> bool {
    v.hits(i).iter().any(|h| {
        matches!(h.hit, crate::lex::Hit::Fw(Fw::Comp))
            && h.strip.enc.is_some()
            && h.strip.prep == 0
            && !h.strip.al
    })
}

/// True when token `i` is a finite verb the lexicons know carrying a conjunction («وقامت»),
/// which starts a new coordinated clause.
pub fn is_conj_verb(v: &View, i: usize) -> bool {
    v.is_conj_verb(i)
}

/// The clause around tokens `[a, b]`: `(first, end)` token indices.
pub fn clause(v: &View, a: usize, b: usize) -> (usize, usize) {
    let (s0, s1) = v.sent_range(v.sent(a));
    let mut l = a;
    let mut steps = 0;
    while l > s0 && steps < CLAUSE_MAX {
        let k = l - 1;
        if v.is_hard(k) || is_clause_opener(v, k) {
            break;
        }
        l = k;
        steps += 1;
        if is_conj_verb(v, k) {
            break;
        }
    }
    let mut r = b + 1;
    steps = 0;
    while r < s1 && steps < CLAUSE_MAX {
        if let Some(after) = enclosed_insert(v, r) {
            steps += after - r;
            r = after;
            continue;
        }
        if v.is_hard(r) || is_clause_opener(v, r) || is_conj_verb(v, r) {
            break;
        }
        r += 1;
        steps += 1;
    }
    (l, r.min(s1))
}

/// Brackets or quotes at token `i` that enclose something a clause runs through: a
/// bracket holding only times or adverbs («أمس (الأحد) إسبانيا»), or quotation marks
/// around exactly one name («اتهمت سيول "بيونغيانغ" بزرع ألغام»). Returns the token after
/// the closing mark. Quotes around anything else open speech, which ends a clause.
pub fn enclosed_insert(v: &View, i: usize) -> Option<usize> {
    if v.kind(i) != Some(TokenKind::Punct) {
        return None;
    }
    let n = v.norm(i);
    if n == "(" {
        let c = v.closing_paren(i, 4)?;
        return (c > i + 1 && (i + 1..c).all(|j| skippable(v, j))).then_some(c + 1);
    }
    if !crate::view::is_quote_mark(n) || crate::view::is_close_quote(n) {
        return None;
    }
    let m = v.ment(i + 1).filter(|m| m.first == i + 1)?;
    let close = m.end;
    (close < v.len()
        && v.sent(close) == v.sent(i)
        && v.kind(close) == Some(TokenKind::Punct)
        && crate::view::is_quote_mark(v.norm(close))
        && !crate::view::is_open_quote(v.norm(close)))
    .then_some(close + 1)
}

/// Tokens that may stand between a verb and its subject or object without breaking the
/// link: adverbs, auxiliaries, time expressions, «أيضا», and a preposition carrying its
/// pronoun («اتهم فيها الوزير الحكومة»: in it, the minister accused the government).
pub fn skippable(v: &View, i: usize) -> bool {
    matches!(v.fw(i), Some((Fw::Adv, _)) | Some((Fw::Aux, _)))
        || v.time(i).is_some()
        || v.pp_pron(i)
}

/// The preposition attached to token `i` under the segmentation `s`.
fn clitic_prep(s: &Strip) -> Option<Prep> {
    Prep::of_clitic(s.prep)
}

/// Clitic prefix of a token before a mention that starts inside it («وب» of «وبالجزائر»).
fn mention_prefix(v: &View, i: usize, mention_start: usize) -> (bool, Option<Prep>) {
    let t = v.span(i);
    if mention_start <= t.start {
        // «لليونان», «للحكومة اليمنية»: the mention may take in «لل» (لـ + the article,
        // whose alif is not written), which no name begins with.
        let n = v.norm(i);
        let n = n
            .strip_prefix(['و', 'ف'])
            .filter(|r| r.starts_with("لل"))
            .unwrap_or(n);
        if n.starts_with("لل") && n.chars().count() > 4 {
            return (v.norm(i) != n, Some(Prep::Li));
        }
        return (false, None);
    }
    let pre = v.doc.text.get(t.start..mention_start).unwrap_or("");
    let mut conj = false;
    let mut prep = None;
    for c in pre.chars() {
        match c {
            'و' | 'ف' if !conj && prep.is_none() => conj = true,
            'ب' if prep.is_none() => prep = Some(Prep::Bi),
            'ل' if prep.is_none() => prep = Some(Prep::Li),
            'ك' if prep.is_none() => prep = Some(Prep::Other),
            _ => {}
        }
    }
    (conj, prep)
}

/// Where a mention's text ends, its closing quote included when the name is quoted
/// («تنظيم "داعش"», see `View::wrap_quoted_mentions`).
fn quoted_end(v: &View, m: &crate::view::Ment) -> usize {
    let last = m.end.saturating_sub(1);
    if v.kind(last) == Some(TokenKind::Punct) {
        m.span.end.max(v.span(last).end)
    } else {
        m.span.end
    }
}

fn starts_with_article(v: &View, i: usize, s: &Strip) -> bool {
    s.al || v
        .norm(i)
        .get(s.pre as usize..)
        .is_some_and(|r| r.starts_with("ال"))
}

/// True for a word that can be an adjective or genitive inside a phrase: Arabic, not a
/// function word, not a trigger/cue/light verb, not a mention or time or count.
fn modifier_word(v: &View, i: usize) -> bool {
    v.kind(i) == Some(TokenKind::Arabic)
        && v.fw(i).is_none()
        && v.ment(i).is_none()
        && v.time(i).is_none()
        && v.qty(i).is_none()
        && !v.is_verb(i)
}

/// True when token `i` reads as a noun or masdar of the trigger lexicon whose entry and
/// segmentation pass `ok`.
pub(crate) fn nominal_trigger(
    v: &View,
    i: usize,
    ok: impl Fn(&crate::lex::Trig, &Strip) -> bool,
) -> bool {
    v.hits(i).iter().any(|h| match h.hit {
        crate::lex::Hit::Trig(t) => crate::lex::LEX
            .trig
            .get(t as usize)
            .is_some_and(|e| e.kind.is_nominal() && ok(e, &h.strip)),
        _ => false,
    })
}

/// True when token `i` reads as an event noun or masdar of the trigger lexicon
/// («الهجوم», «الاتفاق»).
fn event_noun(v: &View, i: usize) -> bool {
    nominal_trigger(v, i, |e, s| e.kind.allows(s))
}

/// Nouns for settlements and areas that can head a phrase but never modify one (folded,
/// without the article); sites («المسجد», «المطار») are the descriptors of class
/// [`DescClass::Site`].
pub(crate) const PLACE_NOUNS: &[&str] = &[
    "مدينه",
    "بلده",
    "قريه",
    "منطقه",
    "عاصمه",
    "مخيم",
    "حي",
    "محافظه",
];

/// True when token `i` is a place noun with the article («المدينة», «المسجد»): one of
/// [`PLACE_NOUNS`] or a site.
fn place_noun(v: &View, i: usize) -> bool {
    v.norm(i)
        .strip_prefix("ال")
        .is_some_and(|w| PLACE_NOUNS.contains(&w) || v.desc_class(i) == Some(DescClass::Site))
}

/// True when a word begins with the article, possibly after و/ف and ب/ك/ل («وبالحاجز»,
/// «للمبنى»).
fn has_article(w: &str) -> bool {
    let w = w.strip_prefix(['و', 'ف']).unwrap_or(w);
    if w.starts_with("لل") {
        return true;
    }
    let w = w.strip_prefix(['ب', 'ك', 'ل']).unwrap_or(w);
    w.starts_with("ال")
}

/// True for a singular word (its article, if any, aside) shaped like an adjective: a nisba
/// («عسكري», «الجوية», «عسكريا») or a participle («مسلح»), not a sound or broken plural
/// («خلايا») or a dual, and not a short function word («على»).
pub fn adjective_shaped(word: &str) -> bool {
    let stem = word.strip_prefix("ال").unwrap_or(word);
    if iyya_noun(stem) {
        return false;
    }
    let plural = ["ون", "ين", "ات", "ان", "ايا"]
        .iter()
        .any(|e| stem.ends_with(e));
    stem.chars().count() >= 4
        && !plural
        && (["ي", "يا", "يه"].iter().any(|e| stem.ends_with(e)) || stem.starts_with('م'))
}

/// True when token `i` ends like an oblique dual or sound plural («الطرفين», «المشرعين»)
/// and is no nisba of a place («السوريين»): after a name that is the next phrase, the
/// object, not an adjective («دعت مصر الطرفين إلى …»). Not «ـان», which ends many
/// surnames («الصفيان»).
fn dual_or_plural_noun(v: &View, i: usize) -> bool {
    v.nisba(i).is_none() && v.norm(i).ends_with("ين")
}

/// Nouns ending like a feminine nisba adjective but never one (folded, without the
/// article): abstract nouns in «ـيّة» («المسؤولية», «الأولوية») and masdars of weak
/// roots in «ـاية» («حماية», «رعاية», «ولاية»). «أعلنت حركة طالبان المسؤولية»: the noun
/// after a name is the object, not the name's adjective.
pub fn iyya_noun(word: &str) -> bool {
    let stem = word.strip_prefix("ال").unwrap_or(word);
    (stem.ends_with("ايه") && !stem.ends_with("اييه")) || IYYA_NOUNS.contains(&stem)
}

/// Abstract nouns in «ـيّة» (folded, without the article) for [`iyya_noun`].
const IYYA_NOUNS: [&str; 14] = [
    "مسؤوليه",
    "حريه",
    "اولويه",
    "هويه",
    "جنسيه",
    "شرعيه",
    "عمليه",
    "استراتيجيه",
    "ميزانيه",
    "اغلبيه",
    "غالبيه",
    "اكثريه",
    "تسويه",
    "تغطيه",
];

/// Descriptors that are adjectives as often as nouns (folded singular forms): «عسكري» a
/// soldier / military, «مسلح» a gunman / armed, «صحفي» a journalist / press («مؤتمر
/// صحفي»). Nouns only («جندي», «مليشيا», «مواطن») are not here.
const ADJECTIVE_DESCRIPTORS: &[&str] = &[
    "عسكري",
    "شرطي",
    "مسلح",
    "جهادي",
    "ارهابي",
    "انتحاري",
    "متمرد",
    "مقاتل",
    "مدني",
    "صحفي",
    "صحافي",
    "اعلامي",
    "معارض",
    "مطلوب",
    "مشتبه",
    "متهم",
    "مدرع",
    "امني",
];

/// True for a descriptor form (article removed) that is one of [`ADJECTIVE_DESCRIPTORS`],
/// possibly with the accusative «ا» or the feminine «ه» («عسكريا», «عسكريه»).
fn adjective_descriptor(stem: &str) -> bool {
    let base = stem
        .strip_suffix('ا')
        .or_else(|| stem.strip_suffix('ه'))
        .unwrap_or(stem);
    ADJECTIVE_DESCRIPTORS.contains(&stem) || ADJECTIVE_DESCRIPTORS.contains(&base)
}

/// True when the descriptor at token `i` (segmented as `strip`) is an attributive
/// adjective of the noun before it, not a phrase of its own: «حاجز عسكري» (a military
/// checkpoint), «موقعا عسكريا», «الحاجز العسكري», «هجوم مسلح», «مستشفى مدنيا».
///
/// Words like «عسكري», «مدني», «مسلح», «إرهابي» are nouns (a soldier, a civilian, a gunman)
/// and adjectives alike ([`ADJECTIVE_DESCRIPTORS`]). Right after a plain noun that is no
/// participant and agrees with it in definiteness, their singular is the adjective; a
/// genitive of the noun would be definite («حاجز الجيش») or a plural («مواقع مسلحين»).
/// After a verb, a quantifier («أي مشتبه به») or a trigger noun whose genitive is the
/// victim («مقتل عسكري», «اختطاف مدني») the word stays a person.
fn attributive(v: &View, i: usize, strip: &Strip) -> bool {
    if i == 0 || strip.conj || strip.prep != 0 || strip.enc.is_some() {
        return false;
    }
    let stem = v.norm(i).get(strip.pre as usize..).unwrap_or("");
    let definite = stem.starts_with("ال");
    let stem = stem.strip_prefix("ال").unwrap_or(stem);
    if !adjective_descriptor(stem) {
        return false;
    }
    let k = i - 1;
    let noun = v.kind(k) == Some(TokenKind::Arabic)
        && v.fw(k).is_none()
        && v.ment(k).is_none()
        && v.desc_class(k).is_none_or(|c| c == DescClass::Site)
        && v.nisba(k).is_none()
        && v.time(k).is_none()
        && v.qty(k).is_none()
        && !v.is_verb(k)
        && !v.is_hard(k);
    // «أي مشتبه به», «كل مسلح»: a quantifier is followed by its noun, not an adjective.
    let quantifier = matches!(
        v.norm(k),
        "اي" | "ايه"
            | "كل"
            | "بعض"
            | "عده"
            | "احد"
            | "احدي"
            | "غير"
            | "سوي"
            | "نحو"
            | "حوالي"
    );
    if !noun || quantifier || has_article(v.norm(k)) != definite {
        return false;
    }
    // «مقتل عسكري»: the victim after a killing or capture noun.
    let victim_noun = v.hits(k).iter().any(|h| match h.hit {
        crate::lex::Hit::Trig(t) => LEX
            .trig
            .get(t as usize)
            .is_some_and(|e| e.kind.is_nominal() && e.frame.gen == crate::lex::Role::Recipient),
        _ => false,
    });
    !victim_noun
}

/// Units of counts that count people (so the count can be an argument).
pub fn person_unit(u: &str) -> bool {
    !matches!(
        u,
        "USD"
            | "EUR"
            | "SAR"
            | "money"
            | "percent"
            | "km"
            | "kilometer"
            | "meter"
            | "ton"
            | "kg"
            | "year"
            | "day"
            | "hour"
            | "month"
            | "week"
            | "vehicle"
            | "aircraft"
            | "weapon"
            | "rocket"
            | "missile"
            | "shell"
            | "house"
            | "building"
            | "village"
            | "thing"
            | "case"
            | "barrel"
            | "dollar"
            | "riyal"
            | "dinar"
            | "pound"
            | "euro"
    )
}

/// The noun phrase starting at token `i`, ending before `lim`. `nisba_ok` allows a bare
/// nationality adjective to head it (used for conjuncts of a force).
pub fn np_at(v: &View, i: usize, lim: usize, nisba_ok: bool) -> Option<Np> {
    if i >= lim {
        return None;
    }
    // Entity mention starting here.
    if let Some(m) = v.ment(i) {
        if m.first != i {
            return None;
        }
        let (conj, prep) = mention_prefix(v, i, m.span.start);
        let (mut end, mut span) = (m.end.min(lim), m.span);
        // Adjectives after a name belong to the phrase («داعش الإرهابي»); an event or
        // place noun is the next phrase («استنكر مجلس التعاون الهجوم»).
        let mut adj = 0;
        while end < lim
            && adj < 2
            && modifier_word(v, end)
            && v.norm(end).starts_with("ال")
            && !event_noun(v, end)
            && !place_noun(v, end)
            && (v.desc(end).is_none()
                || v.nisba(end).is_some()
                || v.norm(end).ends_with('ي')
                || v.norm(end).ends_with("يه"))
            && !iyya_noun(v.norm(end))
            && !v.conj_hit(end)
            && !dual_or_plural_noun(v, end)
        {
            span = span.cover(&v.span(end));
            end += 1;
            adj += 1;
        }
        // A quoted name with words after it keeps both its quotes («"داعش" الإرهابي»).
        if adj > 0 && v.kind(i) == Some(TokenKind::Punct) {
            span = span.cover(&v.span(i));
        }
        // A unit number after a named unit («اللواء 128»).
        if v.kind(end) == Some(TokenKind::Number) && end < lim && m.etype == EntityType::ORG {
            span = span.cover(&v.span(end));
            end += 1;
        }
        return Some(Np {
            start: i,
            end,
            span,
            entity: m.entity,
            etype: Some(m.etype),
            kind: NpKind::Name,
            prep,
            conj,
            possessor: None,
            country: m.country,
            head: i,
            definite: true,
            nisba: false,
        });
    }
    // A count of people.
    let qty_here = v
        .qty(i)
        .and_then(|q| v.doc.quantities.get(q))
        .filter(|q| v.tokens_of(q.span).0 == i);
    if let Some(qt) = qty_here {
        let (_, qb) = v.tokens_of(qt.span);
        if !qt.unit.as_deref().is_none_or(person_unit) {
            // A count of things: only «3 من هذه الطائرات»-style phrases qualify.
            return number_np(v, i, lim);
        }
        // «ألف من المارينز»: the people named after «من» are the argument; people of a
        // place («50 عائلة من نازحي صلاح الدين») are the count, not the place.
        if v.prep_word(qb) == Some(Prep::Min) {
            if let Some(mut inner) = np_at(v, qb + 1, lim, false).filter(|n| !n.is_place()) {
                inner.start = i;
                return Some(inner);
            }
        }
        // «وثلاثة جنود»: a conjunction glued to the count's word, outside the quantity's
        // text or inside it (but «واحد» is a number).
        let glued = v.doc.text.get(v.span(i).start..qt.span.start).unwrap_or("");
        let norm = v.norm(i);
        let inside = glued.is_empty()
            && (norm.starts_with('و') || norm.starts_with('ف'))
            && !norm.starts_with("واحد")
            && norm.chars().count() > 3;
        return Some(Np {
            start: i,
            end: qb.min(lim).max(i + 1),
            span: qt.span,
            entity: None,
            etype: None,
            kind: NpKind::Qty,
            prep: None,
            conj: matches!(glued, "و" | "ف") || inside,
            possessor: None,
            country: false,
            head: i,
            definite: false,
            nisba: false,
        });
    }
    if v.kind(i) == Some(TokenKind::Number) {
        if let Some(np) = number_np(v, i, lim) {
            return Some(np);
        }
        // «5 جنود» without a quantity layer.
        if let Some((_, _)) = v.desc(i + 1).filter(|_| i + 1 < lim) {
            let mut np = np_at(v, i + 1, lim, false)?;
            np.start = i;
            np.span = v.span(i).cover(&np.span);
            np.kind = NpKind::Qty;
            return Some(np);
        }
        return None;
    }
    if let Some((d, strip)) = v.desc(i) {
        let desc = LEX.desc.get(d as usize)?;
        if attributive(v, i, &strip) {
            return None;
        }
        // A bare form that also reads as a verb with an object pronoun («قاده» = leaders /
        // «قاده» he led it: «بدعم قاده قطاع العقارات») is a noun only in construct with a
        // definite genitive or a name («قادة التنظيم»).
        let verb_too = !strip.al
            && strip.enc.is_none()
            && v.hits(i).iter().any(|h| {
                h.strip.enc.is_some()
                    && matches!(h.hit, crate::lex::Hit::Light(_) | crate::lex::Hit::Trig(_))
            });
        if verb_too && !(v.norm(i + 1).starts_with("ال") || v.ment(i + 1).is_some()) {
            return None;
        }
        return desc_np(v, i, lim, desc.class, strip);
    }
    // A demonstrative before a descriptor: «هذه الطائرات».
    if matches!(v.fw(i), Some((Fw::Dem, _))) && v.desc(i + 1).is_some() {
        let mut np = np_at(v, i + 1, lim, false)?;
        np.start = i;
        np.span = v.span(i).cover(&np.span);
        np.conj |= v.hits(i).iter().any(|h| h.strip.conj);
        return Some(np);
    }
    if nisba_ok {
        if let Some((_, strip)) = v.nisba(i) {
            if starts_with_article(v, i, &strip) {
                let mut end = i + 1;
                while end < lim
                    && end < i + 3
                    && modifier_word(v, end)
                    && v.norm(end).starts_with("ال")
                {
                    end += 1;
                }
                return Some(Np {
                    start: i,
                    end,
                    span: v.span_without_prefix(i, strip).cover(&v.span(end - 1)),
                    entity: None,
                    etype: None,
                    kind: NpKind::Nisba,
                    prep: clitic_prep(&strip),
                    conj: strip.conj,
                    possessor: None,
                    country: false,
                    head: i,
                    definite: true,
                    nisba: true,
                });
            }
        }
    }
    None
}

/// «3 من هذه الطائرات»: a number, «من», and a descriptor phrase.
fn number_np(v: &View, i: usize, lim: usize) -> Option<Np> {
    if v.prep_word(i + 1) != Some(Prep::Min) {
        return None;
    }
    let mut np = np_at(v, i + 2, lim, false)?;
    np.start = i;
    np.span = v.span(i).cover(&np.span);
    np.kind = NpKind::Qty;
    Some(np)
}

fn desc_np(v: &View, i: usize, lim: usize, class: DescClass, strip: Strip) -> Option<Np> {
    let prep = clitic_prep(&strip);
    let start_span = v.span_without_prefix(i, strip);
    match class {
        DescClass::Partitive => {
            // «عناصر من X», «عشرات الجنود».
            let inner = if v.prep_word(i + 1) == Some(Prep::Min) {
                np_at(v, i + 2, lim, false)
            } else {
                np_at(v, i + 1, lim, false).filter(|n| n.prep.is_none() && !n.conj)
            };
            return inner.map(|mut n| {
                n.start = i;
                n.prep = prep;
                n.conj = strip.conj;
                n
            });
        }
        DescClass::Title | DescClass::Person | DescClass::Civ => {
            // A title before a person's name: «اللواء الليبي خليفة حفتر». A title's body
            // after «لـ» or «باسم» («الأمين العام للأمم المتحدة بان كي مون», «المتحدث
            // باسم الخارجية») belongs to the phrase; without a name after it, the phrase
            // stands for that body, as coders code an official by the organisation.
            let mut k = i + 1;
            let mut body: Option<(usize, Span, Option<usize>, EntityType, bool)> = None;
            let mut reach = i + 3;
            while k < lim && k <= reach {
                if let Some(m) = v.ment(k) {
                    // (A description after it is another person: «استقبل الوزير السفير
                    // الأمريكي».)
                    if m.first == k && m.etype == EntityType::PER && m.kind == MentionKind::Name {
                        return Some(Np {
                            start: i,
                            end: m.end.min(lim),
                            span: Span::new(start_span.start, quoted_end(v, m)),
                            entity: m.entity,
                            etype: Some(EntityType::PER),
                            kind: NpKind::Name,
                            prep,
                            conj: strip.conj,
                            possessor: None,
                            country: false,
                            head: k,
                            definite: true,
                            nisba: false,
                        });
                    }
                    let li = mention_prefix(v, k, m.span.start).1 == Some(Prep::Li)
                        || v.norm(k).starts_with("لل");
                    // «لـ» only after a modifier of the title («الأمين العام للأمم
                    // المتحدة»): right after it, «لـ» names whom the official spoke to
                    // («قال الوزير لقناة الجزيرة»).
                    // «القيادي في حركة فتح»: a member's body after «في» right after the
                    // title.
                    let named = k >= 1
                        && (v.is_word(k - 1, "باسم") || (k == i + 2 && v.is_word(k - 1, "في")));
                    if class == DescClass::Title
                        && body.is_none()
                        && m.first == k
                        && ((li && k > i + 1) || named)
                        && matches!(m.etype, EntityType::ORG | EntityType::LOC)
                    {
                        body = Some((m.end.min(lim), m.span, m.entity, m.etype, m.country));
                        k = m.end;
                        reach = k + 1;
                        continue;
                    }
                    break;
                }
                let member_of = k == i + 1
                    && v.is_word(k, "في")
                    && class == DescClass::Title
                    && v.ment(k + 1)
                        .is_some_and(|m| m.first == k + 1 && m.etype == EntityType::ORG);
                let named_next = body.is_none() && (v.is_word(k, "باسم") || member_of);
                if !(modifier_word(v, k) || named_next) {
                    break;
                }
                k += 1;
            }
            if let Some((end, span, entity, etype, country)) = body {
                return Some(Np {
                    start: i,
                    end,
                    span: start_span.cover(&span),
                    entity,
                    etype: Some(etype),
                    kind: NpKind::Name,
                    prep,
                    conj: strip.conj,
                    possessor: None,
                    country,
                    head: i,
                    definite: true,
                    nisba: false,
                });
            }
        }
        _ => {}
    }
    let mut definite = starts_with_article(v, i, &strip) || strip.enc.is_some();
    let mut end = i + 1;
    let mut entity = None;
    let mut etype = None;
    let mut country = false;
    let mut nisba = false;
    let mut span_end = v.span(i).end;
    // Genitive of an indefinite head: «قوات حفتر», «قوات الأمن». A sound plural that keeps
    // its ن («مسلحون», «مقاتلين») is not in construct state (that would be «مسلحو»,
    // «مقاتلي»): a definite word after it begins another phrase («هاجم مسلحون الحاجز»).
    let head = v.norm(i).get(strip.pre as usize..).unwrap_or("");
    let keeps_nun = head.chars().count() >= 5 && (head.ends_with("ون") || head.ends_with("ين"));
    let mut owner_at: Option<(usize, Span)> = None;
    if !definite && !keeps_nun && end < lim {
        if let Some(m) = v
            .ment(end)
            // (a mention taking in «لل» is its owner too: «مفرزة للجيش الوطني»)
            .filter(|m| {
                m.first == end
                    && (mention_prefix(v, end, m.span.start).1.is_none()
                        || m.span.start <= v.span(end).start)
            })
        {
            owner_at = Some((end, m.span));
            entity = m.entity;
            etype = Some(m.etype);
            country = m.country;
            span_end = quoted_end(v, m);
            end = m.end.min(lim);
            definite = true;
        } else if modifier_word(v, end) && v.norm(end).starts_with("ال") {
            span_end = v.span(end).end;
            nisba |= v.nisba(end).is_some();
            end += 1;
            definite = true;
        }
    }
    // A construct plural («مسلحي», «مقاتلو») is always followed by its genitive: a phrase
    // of its own («مسلحي تنظيم "داعش"») or a name in brackets («مسلحي (داعش)»), which
    // may stand past the clause's end.
    if !definite && end == i + 1 && LEX.construct_plural(head) {
        let close = (v.norm(end) == "(")
            .then(|| v.closing_paren(end, 5))
            .flatten();
        let at = if close.is_some() { end + 1 } else { end };
        let gen = np_at(v, at, close.unwrap_or(lim), false)
            .filter(|g| g.prep.is_none() && !g.conj)
            .filter(|g| close.is_none_or(|c| g.end == c));
        if let Some(g) = gen {
            owner_at = Some((at, g.span));
            entity = g.entity;
            etype = g.etype;
            country = g.country;
            span_end = close.map_or(g.span.end, |c| v.span(c).end);
            end = close.map_or(g.end, |c| c + 1);
            definite = true;
        }
    }
    // «نائب وزير الخارجية», «مساعد رئيس الوزراء»: a title in construct with another
    // title's phrase is the deputy, not the superior: one phrase, which does not stand for
    // the superior's body. A person's name closing it is the deputy's own («نائب وزير
    // الخارجية الروسي ميخائيل بوغدانوف»).
    if class == DescClass::Title
        && !definite
        && end == i + 1
        && v.desc_class(end) == Some(DescClass::Title)
    {
        if let Some(g) = np_at(v, end, lim, false).filter(|g| g.prep.is_none() && !g.conj) {
            if g.kind == NpKind::Name && g.etype == Some(EntityType::PER) {
                entity = g.entity;
                etype = g.etype;
            }
            span_end = g.span.end;
            end = g.end;
            definite = true;
        }
    }
    // «المشتبه به», «مشتبه بهم»: the participle keeps its preposition and pronoun.
    if end == i + 1
        && end < lim
        && head.ends_with("مشتبه")
        && ["به", "بها", "بهم", "بهما", "بهن"].contains(&v.norm(end))
    {
        span_end = v.span(end).end;
        end += 1;
    }
    // Adjectives agreeing in definiteness.
    let mut adj = 0;
    while end < lim && adj < 3 && modifier_word(v, end) {
        let n = v.norm(end);
        // «و» + a known word is a conjunct, not an adjective.
        if v.conj_hit(end) {
            break;
        }
        if n.starts_with("ال") != definite {
            break;
        }
        // Indefinite adjectives look like adjectives (nisba or participle endings) or
        // are descriptors themselves («وحدات كوماندوس»); a bare noun is the next phrase.
        // A descriptor may follow only as a genitive right after the head («وحدات
        // كوماندوس»), and never a group or a person («مقاتلون جماعة» is two phrases).
        let desc_modifier = adj == 0
            && v.desc_class(end)
                .is_some_and(|c| matches!(c, DescClass::Force | DescClass::Craft | DescClass::Civ));
        // Another descriptor is another phrase («قتل المسلحون الجنود»); so is an event
        // noun or a place noun, which are never adjectives («وحررت القوات المدينة»,
        // «استنكرت الحكومة الهجوم»).
        if definite
            && ((v.desc(end).is_some() && v.nisba(end).is_none())
                || event_noun(v, end)
                || place_noun(v, end))
        {
            break;
        }
        if !definite
            && v.nisba(end).is_none()
            && !desc_modifier
            && !["ي", "يه", "يين", "يون", "يا", "ين", "ون"]
                .iter()
                .any(|s| n.ends_with(s))
        {
            break;
        }
        if v.prep_hit(end) {
            break;
        }
        nisba |= v.nisba(end).is_some();
        span_end = v.span(end).end;
        end += 1;
        adj += 1;
    }
    // A unit number: «الفيلق 317»; not a count that follows («اعتقلت الشرطة 20 شخصا»).
    if definite
        && end < lim
        && v.kind(end) == Some(TokenKind::Number)
        && v.qty(end).is_none()
        && matches!(class, DescClass::Force | DescClass::Group)
    {
        span_end = v.span(end).end;
        end += 1;
    }
    // A site's owner after «لـ» («مركزا للشرطة», «قاعدة للقوات الأجنبية», «مواقع
    // للحوثيين»): the owner is the party the site stands for.
    if class == DescClass::Site && entity.is_none() && end < lim {
        if let Some(owner) = np_at(v, end, lim, false)
            .filter(|n| n.prep == Some(Prep::Li) && !n.conj && !n.is_site() && !n.is_place())
        {
            owner_at = Some((owner.head, owner.span));
            span_end = owner.span.end;
            end = owner.end;
            entity = owner.entity;
            etype = owner.etype;
            country = owner.country;
        }
    }
    // A named owner is the party: the phrase stands for it («مواقع داعش» → «داعش»).
    if let (DescClass::Site, Some(_), Some((head, span))) = (class, entity, owner_at) {
        return Some(Np {
            start: i,
            end,
            span,
            entity,
            etype,
            kind: NpKind::Name,
            prep,
            conj: strip.conj,
            possessor: None,
            country,
            head,
            definite: true,
            nisba: false,
        });
    }
    Some(Np {
        start: i,
        end,
        span: Span::new(start_span.start, span_end.max(start_span.end)),
        entity,
        etype,
        kind: NpKind::Desc(class),
        prep,
        conj: strip.conj,
        possessor: strip.enc,
        country,
        head: i,
        definite,
        nisba,
    })
}

/// How the NP starting at token `i` is governed: its own proclitic, a preposition word
/// just before it, or an agent phrase.
pub fn gov(v: &View, np: &Np) -> Gov {
    let i = np.start;
    if i >= 2
        && (v.is_word(i - 1, "قبل") && v.is_word(i - 2, "من")
            || v.is_word(i - 1, "يد") && v.is_word(i - 2, "علي"))
    {
        return Gov::Agent;
    }
    // «سقطت المدينة في يد / في أيدي / في قبضة X»: X holds it now.
    if i >= 2
        && v.is_word(i - 2, "في")
        && ["يد", "ايدي", "قبضه"].iter().any(|w| v.is_word(i - 1, w))
    {
        return Gov::Agent;
    }
    if i >= 1
        && ["بايدي", "بيد", "برئاسه", "بقياده", "بزعامه", "بواسطه"]
            .iter()
            .any(|w| v.is_word(i - 1, w))
    {
        return Gov::Agent;
    }
    if let Some(p) = np.prep {
        return Gov::P(p);
    }
    if i >= 1 {
        if let Some(p) = v.prep_word(i - 1) {
            return Gov::P(p);
        }
        // «قرب», «شمال» … introduce a place.
        if let Some((Fw::LocPrep, _)) = v.fw(i - 1) {
            return Gov::P(Prep::Fi);
        }
    }
    Gov::Free
}

/// The NP starting at `i` and the NPs coordinated with it (و, a comma list).
pub fn np_list(v: &View, i: usize, lim: usize) -> Vec<Np> {
    let Some(first) = np_at(v, i, lim, false) else {
        return Vec::new();
    };
    let force = matches!(
        first.kind,
        NpKind::Desc(DescClass::Force) | NpKind::Desc(DescClass::Group) | NpKind::Name
    );
    let mut out = vec![first];
    while out.len() < 8 {
        let Some(last) = out.last() else { break };
        let k = last.end;
        if k >= lim {
            break;
        }
        let (next, via_comma) = if v.norm(k) == "و" {
            (np_at(v, k + 1, lim, force), false)
        } else if v.is_soft(k) {
            (np_at(v, k + 1, lim, false), true)
        } else {
            (np_at(v, k, lim, force).filter(|n| n.conj), false)
        };
        let Some(n) = next else { break };
        if n.prep.is_some() {
            break;
        }
        if via_comma {
            // Only a list of the same sort continues over a comma.
            let prev = out.last().map(|p| (p.kind, p.etype));
            if prev != Some((n.kind, n.etype)) {
                break;
            }
        }
        out.push(n);
    }
    out
}

/// The first token after `i` that is not skippable (within `lim`).
pub fn next_content(v: &View, mut i: usize, lim: usize) -> usize {
    while i < lim && skippable(v, i) {
        i += 1;
    }
    i
}

/// Past a time or adverb inserted between a verb's subject and its object, with the
/// punctuation news sets around it: «اتهمت الحكومة، أمس، إسبانيا», «أمس (الأحد)
/// إسبانيا», «اليوم الاثنين "بيونغيانغ"» (an opening quote before a name). Returns `k`
/// itself when no such insert starts there; a bare comma or a bracket holding words is
/// not passed (it opens an apposition or an aside, not the object).
pub fn pass_time_insert(v: &View, mut k: usize, lim: usize) -> usize {
    loop {
        let k0 = k;
        k = next_content(v, k, lim);
        // «، أمس،» / «، أمس الأحد» — a comma only when a time or adverb follows it
        if k < lim && v.is_soft(k) {
            let j = next_content(v, k + 1, lim);
            if j > k + 1 && j < lim {
                k = if v.is_soft(j) { j + 1 } else { j };
            }
        }
        // «(الأحد)» holding only times or adverbs
        if k < lim && v.norm(k) == "(" {
            if let Some(c) = enclosed_insert(v, k).filter(|&c| c < lim) {
                k = c;
                if k < lim && v.is_soft(k) {
                    k += 1;
                }
            }
        }
        if k == k0 {
            break;
        }
    }
    // «"بيونغيانغ"»: a quotation mark opening a name
    if k + 1 < lim
        && v.kind(k) == Some(TokenKind::Punct)
        && crate::view::is_quote_mark(v.norm(k))
        && !crate::view::is_close_quote(v.norm(k))
        && v.ment(k + 1).is_some_and(|m| m.first == k + 1)
    {
        k += 1;
    }
    k
}

/// NPs that end exactly at `end` (the token before `end` is their last), longest first.
pub fn nps_ending_at(v: &View, from: usize, end: usize) -> Option<Np> {
    (from..end).find_map(|s| {
        // A nationality adjective heads a phrase only as a conjunct («و الجزائرية الخاصة»).
        let conjunct = (s > from && v.norm(s - 1) == "و") || v.conj_hit(s);
        np_at(v, s, end, conjunct).filter(|n| n.end == end)
    })
}

/// Where the verb at `a` begins once negation, «قد», adverbs and times before it (down to
/// `l`) are passed over: what stands right before that is its subject, a relative or a
/// restating pronoun.
pub fn verb_onset(v: &View, l: usize, a: usize) -> usize {
    let mut e = a;
    while e > l && (skippable(v, e - 1) || v.cue_at(e - 1, CueClass::Neg) == 1) {
        e -= 1;
    }
    e
}

/// True for a bare third-person pronoun at `i` that restates the phrase right before it as
/// the subject of the verb after it («المسلحون هم يهاجمون», «التي هي تقاتل»). Not «وهم
/// يخوضون» (a new clause whose pronoun refers further back), not after a comma, and not
/// «نحن»/«أنا» (the speaker).
pub fn restating_pronoun(v: &View, i: usize) -> bool {
    i >= 1
        && matches!(v.fw(i), Some((Fw::Pron, s)) if !s.conj)
        && matches!(v.norm(i), "هو" | "هي" | "هم" | "هما" | "هن")
        && !v.is_soft(i - 1)
}

/// The subject before a verb at `a` within `[l, a)`: after a relative pronoun, a cleft
/// («هم من») or a restating pronoun («هم»), or in subject–verb order; coordinated NPs
/// before it are included.
pub fn subject_before(v: &View, l: usize, a: usize) -> Vec<Np> {
    let mut e = verb_onset(v, l, a);
    // Relative clause: the antecedent is before the pronoun.
    let rel = e > 0 && matches!(v.fw(e - 1), Some((Fw::Rel, _)));
    // Cleft «هم من يقومون»: skip «من» and the pronoun.
    let cleft = e >= 2 && v.is_word(e - 1, "من") && matches!(v.fw(e - 2), Some((Fw::Pron, _)));
    // A pronoun subject «المسلحون هم يهاجمون», «التي هي تقاتل»: its antecedent is before it
    // (the loop below skips the pronoun, then a relative pronoun before it).
    let pron = !rel && !cleft && e >= 2 && restating_pronoun(v, e - 1);
    let lo = if rel || cleft || pron {
        let (s0, _) = v.sent_range(v.sent(a));
        s0.max(a.saturating_sub(CLAUSE_MAX))
    } else {
        l
    };
    if rel {
        e -= 1;
    } else if cleft {
        e -= 2;
    } else if pron {
        e -= 1;
        if e > lo && matches!(v.fw(e - 1), Some((Fw::Rel, _))) {
            e -= 1;
        }
    }
    let rel = rel || pron;
    // Commas and a parenthetical («(GIS)») may stand between an antecedent and the verb.
    if rel || cleft {
        loop {
            if e > lo && v.is_soft(e - 1) {
                e -= 1;
            } else if e > lo && v.norm(e - 1) == ")" {
                let mut k = e - 1;
                while k > lo && v.norm(k) != "(" {
                    k -= 1;
                }
                e = k;
            } else if e > lo && matches!(v.fw(e - 1), Some((Fw::Pron, _))) {
                e -= 1;
            } else {
                break;
            }
        }
    }
    if e <= lo {
        return Vec::new();
    }
    let Some(np) = nps_ending_at(v, lo, e) else {
        return Vec::new();
    };
    if !(matches!(gov(v, &np), Gov::Free) || rel || cleft) {
        return Vec::new();
    }
    // Walk back over coordination: «X و Y يفعلون».
    let mut list = vec![np];
    while let Some(first) = list.first() {
        if !(first.conj || first.start > lo && v.norm(first.start - 1) == "و") {
            break;
        }
        let before = if first.conj {
            first.start
        } else {
            first.start - 1
        };
        match nps_ending_at(v, lo, before) {
            Some(p) if matches!(gov(v, &p), Gov::Free) => list.insert(0, p),
            _ => break,
        }
        if list.len() >= 8 {
            break;
        }
    }
    // Drop governed first conjunct and places.
    list.retain(|n| !n.is_place());
    list
}

/// The subject after a verb at `b` (verb–subject order): the first content token after it
/// starts an ungoverned NP.
pub fn subject_after(v: &View, b: usize, r: usize) -> Vec<Np> {
    let k = next_content(v, b + 1, r);
    // A preposition opens no subject, even when it is spelled like a noun once folded
    // («أمام الصحافيين», before the journalists, is no «إمام»).
    if v.prep_word(k).is_some() {
        return Vec::new();
    }
    let list = np_list(v, k, r);
    match list.first() {
        Some(n)
            if gov(v, n) == Gov::Free
                && !n.is_place()
                && !n.is_site()
                && !indefinite_accusative(v, n) =>
        {
            list
        }
        _ => Vec::new(),
    }
}

/// True when the subject after the verb ending at `b` is «أي»/«أية» + noun with the
/// verb's object after it («لم تعلن أي جهة مسؤوليتها», «لم تهاجم أي جهة القافلة»): an
/// overt subject that names nobody, so no earlier party is the verb's omitted subject.
pub fn nobody_subject(v: &View, b: usize, r: usize) -> bool {
    let k = next_content(v, b + 1, r);
    if k + 2 >= r || !matches!(v.norm(k), "اي" | "ايه") {
        return false;
    }
    // The verb's object must follow the quantified noun: «لم تقدم أي امتيازات أو تنازلات
    // خلال المفاوضات» quantifies the object, and a preposition or «أو» follows it.
    let next = v.norm(k + 2);
    v.prep_word(k + 2).is_none() && !matches!(next, "او" | "و") && !v.is_hard(k + 2)
}

/// True when a descriptor phrase is headed by an indefinite noun in the accusative, written
/// with the tanween alif («جنودا», «مسلحا», «مدنيا»): an object or an adverbial, never the
/// subject, which is nominative («جنود», «مسلحون»). Broken plurals in «ـايا» («ضحايا»,
/// «خلايا») and words in «ـاء» end in alif without being accusative.
pub fn indefinite_accusative(v: &View, n: &Np) -> bool {
    if !matches!(n.kind, NpKind::Desc(_)) || n.definite || n.entity.is_some() {
        return false;
    }
    let w = v.norm(n.head);
    let w = w.strip_prefix('و').unwrap_or(w);
    w.chars().count() >= 4
        && tanween_alif(w)
        && !w.ends_with("اا")
        && !ALIF_FINAL_NOUNS.iter().any(|n| w.ends_with(n))
}

/// True when a folded word ends in the alif of the accusative tanween («جنودا», «هجوما»),
/// not the alif of a broken plural in «ـايا» («ضحايا», «خلايا»).
pub fn tanween_alif(w: &str) -> bool {
    w.ends_with('ا') && !w.ends_with("ايا")
}

/// Descriptor nouns whose own form ends in alif (folded): never an accusative ending.
const ALIF_FINAL_NOUNS: [&str; 3] = ["ميليشيا", "مليشيا", "ميلشيا"];

/// True when a masculine sound plural heads the phrase («الحوثيين», «المسلحون»): a verb
/// in the feminine singular cannot have it as subject (it is the object: «وطردت
/// الحوثيين»).
pub fn masc_plural(v: &View, n: &Np) -> bool {
    n.etype != Some(EntityType::PER) && {
        let last = v.tokens_of(n.span).1.saturating_sub(1).max(n.head);
        let h = if n.kind == NpKind::Name {
            v.norm(last)
        } else {
            v.norm(n.head)
        };
        h.ends_with("ين") || h.ends_with("ون")
    }
}

/// True when a masculine singular noun of a person heads the description («المواطن»,
/// «الشاب», «المتهم»): a verb in the feminine singular cannot have it as subject («قوة من
/// الجيش … أوقفت المواطن»). Listed rather than guessed from the shape: broken plurals
/// («عناصر», «مسلحون» aside) take a feminine verb and look like singulars.
pub fn masc_singular_person(v: &View, n: &Np) -> bool {
    const NOUNS: &[&str] = &[
        "مواطن",
        "رجل",
        "شاب",
        "شخص",
        "طفل",
        "جندي",
        "ضابط",
        "شرطي",
        "متهم",
        "مشتبه",
        "مطلوب",
        "سائق",
        "صحفي",
        "ناشط",
        "طالب",
        "عامل",
        "لاجئ",
        "مسلح",
        "مهاجم",
        "انتحاري",
        "مسؤول",
        "قيادي",
        "عنصر",
        "موظف",
        "مدني",
    ];
    if !matches!(n.kind, NpKind::Desc(_)) {
        return false;
    }
    let h = v.norm(n.head);
    let h = h.strip_prefix("ال").unwrap_or(h);
    NOUNS.contains(&h)
}

/// Grammatical person/gender/number a verb form shows for its subject.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Agr {
    /// He.
    Masc,
    /// She (also feminine-agreeing plurals of things and states).
    Fem,
    /// They.
    Plural,
    /// I or we (a quoted speaker): no earlier mention is the subject.
    First,
    /// Unknown.
    Unknown,
}

/// The verb token `i` without its proclitics and object pronoun (under segmentation `s`):
/// the part that shows the subject.
pub fn verb_body<'v>(v: &View<'v>, i: usize, s: &Strip) -> &'v str {
    let n = v.norm(i);
    n.get(s.pre as usize..n.len() - s.enc.map_or(0, |e| e.as_str().len()))
        .unwrap_or(n)
}

/// Subject agreement of a verb token (under the segmentation of its match).
pub fn verb_agreement(v: &View, i: usize, s: &Strip, imperfect: bool) -> Agr {
    let body = verb_body(v, i, s);
    if imperfect {
        if body.ends_with("ون") || body.ends_with("وا") {
            Agr::Plural
        } else if body.starts_with('ن') || body.starts_with('ا') {
            Agr::First
        } else if body.starts_with('ت') {
            Agr::Fem
        } else if body.starts_with('ي') {
            Agr::Masc
        } else {
            Agr::Unknown
        }
    } else if body.ends_with("وا") {
        Agr::Plural
    } else if (body.ends_with("نا") && body.chars().count() > 3) || s.enc == Some(Enclitic::Na) {
        // «وقعنا», «اجتمعنا»: we did it. The same form reads «he … us» with an object
        // pronoun; in the quotes where it occurs «we» is the usual reading.
        Agr::First
    } else if body.ends_with('ت') {
        Agr::Fem
    } else {
        Agr::Masc
    }
}

/// Entity type a pronoun or agreement points to.
fn wanted(agr: Agr) -> Option<&'static [EntityType]> {
    match agr {
        Agr::Masc => Some(&[EntityType::PER]),
        Agr::Fem => Some(&[EntityType::ORG, EntityType::LOC]),
        _ => None,
    }
}

/// The mention a pronoun (or an omitted subject) refers back to: the nearest earlier
/// mention of a fitting type in the same or the previous `back` sentences. Feminine
/// singular takes an organisation or a country; masculine singular a person; plurals are
/// left unresolved.
pub fn antecedent(
    v: &View,
    at: usize,
    agr: Agr,
    back: usize,
    exclude: &[Option<usize>],
    anaphors: &[Option<usize>],
) -> Option<(Option<usize>, Span)> {
    antecedent_where(v, at, agr, back, exclude, anaphors, true)
}

/// The antecedent of a verb's omitted subject: as [`antecedent`], but a state named after
/// a preposition is where something happened, not who acts next («خطط هؤلاء لعمليات داخل
/// المملكة … تستهدف» — the Kingdom does not target). A body after one may still be
/// («نقلا عن الوزارة … وأضافت»).
pub fn subject_antecedent(
    v: &View,
    at: usize,
    agr: Agr,
    back: usize,
    anaphors: &[Option<usize>],
) -> Option<(Option<usize>, Span)> {
    antecedent_where(v, at, agr, back, &[], anaphors, false)
}

fn antecedent_where(
    v: &View,
    at: usize,
    agr: Agr,
    back: usize,
    exclude: &[Option<usize>],
    anaphors: &[Option<usize>],
    placed_ok: bool,
) -> Option<(Option<usize>, Span)> {
    let types = wanted(agr)?;
    let s = v.sent(at);
    let (lo, _) = v.sent_range(s.saturating_sub(back));
    let mut k = at;
    while k > lo {
        k -= 1;
        if let Some(m) = v.ment(k) {
            if m.first == k || k + 1 == m.end {
                let ok = types.contains(&m.etype) && (m.etype != EntityType::LOC || m.country);
                let placed = || {
                    m.etype == EntityType::LOC
                        && np_at(v, m.first, v.len(), false)
                            .is_some_and(|np| matches!(gov(v, &np), Gov::P(_)))
                };
                if ok
                    && m.entity.is_some()
                    && !exclude.contains(&m.entity)
                    && (placed_ok || !placed())
                {
                    return Some((m.entity, m.span));
                }
            }
            continue;
        }
        if let Some(Some(e)) = anaphors.get(k) {
            let et = v.doc.entities.get(*e).map(|x| x.etype);
            if et.is_some_and(|t| types.contains(&t)) && !exclude.contains(&Some(*e)) {
                return Some((Some(*e), v.span(k)));
            }
        }
    }
    None
}

/// Words saying a group belongs to an organisation: verbs that may stand before their
/// subject («وتنتمي الوحدة إلى …») and forms that follow it («مسلحون ينتمون إلى …»,
/// «الكتيبة التابعة لـ …»). Folded.
const MEMBER_VERBS: &[&str] = &["ينتمي", "تنتمي", "ينتمون", "يتبع", "تتبع", "يتبعون"];
const MEMBER_AFTER: &[&str] = &[
    "ينتمي",
    "تنتمي",
    "ينتمون",
    "المنتمي",
    "المنتميه",
    "المنتمين",
    "التابع",
    "التابعه",
    "التابعين",
    "تابع",
    "تابعه",
    "تابعين",
];

/// The organisation named right after a membership word at `k` («إلى X», «لـ X»), if any.
fn member_target(v: &View, k: usize, lim: usize) -> Option<usize> {
    let (np_start, via) = if v.prep_word(k + 1).is_some() {
        (k + 2, true)
    } else {
        (k + 1, false)
    };
    let np = np_at(v, np_start, lim, false)?;
    let ok_prep = via || np.prep == Some(Prep::Li);
    (ok_prep && np.etype == Some(EntityType::ORG))
        .then_some(np.entity)
        .flatten()
}

/// Links descriptor heads to the organisation a membership clause says they belong to
/// («وتنتمي وحدة الكوماندوز إلى قيادة العمليات الخاصة», «مسلحين ينتمون إلى تنظيم داعش»,
/// «الكتيبة التابعة للجيش»): the group acts as that organisation, and a later «الوحدة»
/// resolving to the same noun inherits the link.
fn membership(v: &View, out: &mut [Option<usize>]) {
    for k in 0..v.len() {
        let n = v.norm(k);
        let n = n.strip_prefix('و').filter(|x| x.len() > 4).unwrap_or(n);
        let before = MEMBER_VERBS.contains(&n);
        let after = MEMBER_AFTER.contains(&n);
        if !before && !after {
            continue;
        }
        let (_, lim) = v.sent_range(v.sent(k));
        // Verb first: «تنتمي [NP] إلى ORG».
        if before {
            if let Some(np) = np_at(v, k + 1, lim, false).filter(|n| n.entity.is_none()) {
                if np.kind != NpKind::Name && np.end > k + 1 {
                    if let Some(org) = member_target(v, np.end - 1, lim) {
                        if let Some(slot) = out.get_mut(np.head) {
                            *slot = Some(org);
                        }
                        continue;
                    }
                }
            }
        }
        // Subject first: «[NP] ينتمون إلى ORG», «[NP] التابعة لـ ORG».
        if after && k > 0 {
            let Some(org) = member_target(v, k, lim) else {
                continue;
            };
            let (s0, _) = v.sent_range(v.sent(k));
            if let Some(np) = nps_ending_at(v, k.saturating_sub(6).max(s0), k) {
                if np.entity.is_none() && np.kind != NpKind::Name {
                    if let Some(slot) = out.get_mut(np.head) {
                        *slot = Some(org);
                    }
                }
            }
        }
    }
}

/// True when token `k` says whose side a description is on («القوات الموالية لهادي»,
/// «العناصر التابعة للتنظيم», «الميليشيات المدعومة من إيران»): the description is then a
/// new one, defined by what follows, and no reference back.
pub(crate) fn sided(v: &View, k: usize) -> bool {
    let w = v.norm(k);
    [
        "الموالي",
        "التابع",
        "المؤيد",
        "المحسوب",
        "المدعوم",
        "المقرب",
    ]
    .iter()
    .any(|p| w.starts_with(p))
}

/// True when a definite description (descriptor `desc`, folded head `stem` without the
/// article) may stand for organisation or person `e` found before it without naming it:
/// the entity's name holds the same noun («الوزارة» → «وزارة الصحة», «الحركة» → «حركة
/// حماس»), or its sector is one the descriptor can describe («التنظيم» → an armed group,
/// «الجيش» → an army). The nearest organisation of the article is otherwise often a news
/// agency, a ministry or a web site, and «التحالف» or «الشرطة» are never those. A
/// person is ruled out only by a sector that clashes («العميد» is no king).
fn may_refer_to(v: &View, desc: &crate::lex::Desc, stem: &str, e: usize) -> bool {
    let Some(ent) = v.doc.entities.get(e) else {
        return false;
    };
    if ent.etype == EntityType::LOC {
        return true;
    }
    fn bare(w: &str) -> &str {
        w.strip_prefix("ال").unwrap_or(w)
    }
    let names_it = |text: &str| {
        rasd_text::fold(text)
            .split(' ')
            .any(|w| bare(w) == stem || w.strip_prefix('ل').is_some_and(|x| bare(x) == stem))
    };
    if names_it(&ent.name)
        || ent
            .mentions
            .iter()
            .any(|m| m.kind == MentionKind::Name && names_it(v.doc.slice(m.span)))
    {
        return true;
    }
    // A person's sector is often unknown; only a known clash rules a person out.
    let (Some(d), Some(s)) = (desc.sector, ent.sector.as_deref()) else {
        return ent.etype == EntityType::PER;
    };
    let fits: &[&str] = match d {
        "MIL" => &["MIL"],
        "COP" => &["COP", "SPY", "MIL"],
        "SPY" => &["SPY", "COP"],
        "REB" | "UAF" => &["REB", "UAF"],
        "NGO" => &["NGO", "IGO", "REB"],
        "OPP" => &["OPP", "PTY"],
        other => return other == s,
    };
    fits.contains(&s)
}

/// Resolves definite descriptions that refer back to an entity («المنظمة الإرهابية» →
/// أنصار الشريعة, «الضابط المتقاعد» → حفتر). Returns, per token, the entity its
/// description head refers to.
///
/// A head qualifies when it is definite, singular in the descriptor lexicon's `ana` column,
/// outside any mention, and not followed by a nationality adjective (a «الرئيس الفرنسي» is
/// a new description, not a reference back). The antecedent is an earlier definite use of
/// the same noun if there is one (and then its link, possibly none), else the nearest
/// mention of the right type within four sentences.
pub fn resolve_descriptions(v: &View) -> Vec<Option<usize>> {
    let mut out = vec![None; v.len()];
    if v.doc.entities.is_empty() {
        return out;
    }
    membership(v, &mut out);
    for i in 0..v.len() {
        if v.ment(i).is_some() || out.get(i).copied().flatten().is_some() {
            continue;
        }
        let Some((d, strip)) = v.desc(i) else {
            continue;
        };
        let Some(desc) = LEX.desc.get(d as usize) else {
            continue;
        };
        let Some(ana) = desc.ana else { continue };
        if !starts_with_article(v, i, &strip) || strip.enc.is_some() {
            continue;
        }
        if v.nisba(i + 1).is_some() || v.ment(i + 1).is_some() || sided(v, i + 1) {
            continue;
        }
        // Same noun used definitely before?
        let head = v.norm(i).get(strip.pre as usize..).unwrap_or("");
        let stem = head.strip_prefix("ال").unwrap_or(head);
        let s = v.sent(i);
        let (lo, _) = v.sent_range(s.saturating_sub(3));
        let mut same: Option<Option<usize>> = None;
        for k in (lo..i).rev() {
            if let Some((d2, st2)) = v.desc(k) {
                let h2 = v.norm(k).get(st2.pre as usize..).unwrap_or("");
                let s2 = h2.strip_prefix("ال").unwrap_or(h2);
                if d2 == d || s2 == stem {
                    if let Some(m) = v.ment(k) {
                        same = Some(m.entity);
                        break;
                    }
                    let def = starts_with_article(v, k, &st2)
                        || v.ment(k + 1).is_some_and(|m| m.first == k + 1)
                        || v.norm(k + 1).starts_with("ال");
                    if def {
                        let link = out.get(k).copied().flatten().or_else(|| {
                            v.ment(k + 1)
                                .filter(|m| m.first == k + 1)
                                .and_then(|m| m.entity)
                        });
                        same = Some(link);
                        break;
                    }
                }
            }
        }
        let res = match same {
            Some(link) => link,
            None => {
                let (lo4, _) = v.sent_range(s.saturating_sub(6));
                let mut found = None;
                let mut k = i;
                while k > lo4 {
                    k -= 1;
                    if let Some(m) = v.ment(k) {
                        let fits = m.etype == ana && (ana != EntityType::LOC || m.country);
                        if fits
                            && m.kind == rasd_doc::MentionKind::Name
                            && m.entity.is_some_and(|e| may_refer_to(v, desc, stem, e))
                        {
                            found = m.entity;
                            break;
                        }
                    }
                }
                found
            }
        };
        if let Some(slot) = out.get_mut(i) {
            *slot = res;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testing::DocBuilder;

    fn texts(v: &View, nps: &[Np]) -> Vec<String> {
        nps.iter()
            .map(|n| v.doc.slice(n.span).to_string())
            .collect()
    }

    #[test]
    fn descriptor_phrases_take_adjectives_and_genitives() {
        let b = DocBuilder::new("هاجمت قوات الأمن العراقية مواقع المسلحين");
        let v = View::new(&b.doc);
        let np = np_at(&v, 1, v.len(), false).unwrap();
        assert_eq!(v.doc.slice(np.span), "قوات الأمن العراقية");
        assert!(np.nisba);
    }

    #[test]
    fn partitive_hands_over_and_coordination_collects() {
        let b = DocBuilder::new("عناصر من القوات الأميركية و الجزائرية الخاصة تجري عمليات");
        let v = View::new(&b.doc);
        let l = np_list(&v, 0, v.len());
        assert_eq!(texts(&v, &l), vec!["القوات الأميركية", "الجزائرية الخاصة"]);
    }

    #[test]
    fn genitive_entity_links_the_phrase() {
        let b = DocBuilder::new("تقدمت قوات حفتر نحو المدينة").entity(EntityType::PER, &["حفتر"]);
        let v = View::new(&b.doc);
        let np = np_at(&v, 1, v.len(), false).unwrap();
        assert_eq!(np.entity, Some(0));
        assert_eq!(v.doc.slice(np.span), "قوات حفتر");
    }

    #[test]
    fn titles_join_the_name() {
        let b = DocBuilder::new("استقبل الرئيس التونسي قيس سعيد الوفد")
            .entity(EntityType::PER, &["قيس سعيد"]);
        let v = View::new(&b.doc);
        let np = np_at(&v, 1, v.len(), false).unwrap();
        assert_eq!(v.doc.slice(np.span), "الرئيس التونسي قيس سعيد");
        assert_eq!(np.entity, Some(0));
    }

    #[test]
    fn a_deputy_of_a_title_is_the_deputy() {
        // «مساعد رئيس الوزراء» is the assistant: one phrase, which does not stand for the
        // prime minister.
        for (text, want) in [
            ("التقى نائب وزير الخارجية في الدوحة", "نائب وزير الخارجية"),
            (
                "التقى مساعد رئيس الوزراء العراقي في الدوحة",
                "مساعد رئيس الوزراء العراقي",
            ),
            (
                "التقى مساعدة وزير الخارجية الأمريكي في الدوحة",
                "مساعدة وزير الخارجية الأمريكي",
            ),
        ] {
            let b = DocBuilder::new(text);
            let v = View::new(&b.doc);
            let np = np_at(&v, 1, v.len(), false).unwrap();
            assert_eq!(v.doc.slice(np.span), want);
        }
        // A name after the whole title is the deputy's own («نائب وزير الخارجية الروسي
        // ميخائيل بوغدانوف»).
        let b = DocBuilder::new("التقى نائب وزير الخارجية الروسي ميخائيل بوغدانوف الوفد")
            .entity(EntityType::PER, &["ميخائيل بوغدانوف"]);
        let v = View::new(&b.doc);
        let np = np_at(&v, 1, v.len(), false).unwrap();
        assert_eq!(np.entity, Some(0));
    }

    #[test]
    fn a_leader_in_a_movement_is_one_phrase() {
        // «القيادي» is a title; «في» + a body right after a title names the body.
        let b = DocBuilder::new("اعتقلت الشرطة القيادي في حركة فتح طلال الاردني أمس")
            .entity(EntityType::ORG, &["حركة فتح"])
            .entity(EntityType::PER, &["طلال الاردني"]);
        let v = View::new(&b.doc);
        let np = np_at(&v, 2, v.len(), false).unwrap();
        assert_eq!(v.doc.slice(np.span), "القيادي في حركة فتح طلال الاردني");
        assert_eq!(np.entity, Some(1));
        // Without a name the phrase stands for the body, as coders code an official.
        let b = DocBuilder::new("اعتقلت الشرطة القيادي في حركة فتح أمس")
            .entity(EntityType::ORG, &["حركة فتح"]);
        let v = View::new(&b.doc);
        let np = np_at(&v, 2, v.len(), false).unwrap();
        assert_eq!(v.doc.slice(np.span), "القيادي في حركة فتح");
        assert_eq!(np.entity, Some(0));
    }

    #[test]
    fn a_dual_or_plural_noun_after_a_name_is_the_next_phrase() {
        // «ودعت مصر الطرفين»: Egypt called on the two sides; «داعش الإرهابي» keeps its
        // adjective.
        let b = DocBuilder::new("ودعت مصر الطرفين إلى ضبط النفس").country(&["مصر"], "EGY");
        let v = View::new(&b.doc);
        let np = np_at(&v, 1, v.len(), false).unwrap();
        assert_eq!(v.doc.slice(np.span), "مصر");
        let b =
            DocBuilder::new("هاجم تنظيم داعش الإرهابي القرية").entity(EntityType::ORG, &["داعش"]);
        let v = View::new(&b.doc);
        let np = np_at(&v, 2, v.len(), false).unwrap();
        assert_eq!(v.doc.slice(np.span), "داعش الإرهابي");
    }

    #[test]
    fn subjects_before_relative_and_cleft() {
        let b = DocBuilder::new("طلبت الحكومة دعم المغرب التي وافقت").country(&["المغرب"], "MAR");
        let v = View::new(&b.doc);
        let s = subject_before(&v, 5, 5);
        assert_eq!(texts(&v, &s), vec!["المغرب"]);
        let b = DocBuilder::new("كانت الشرطة هي من اعتقل الرجل");
        let v = View::new(&b.doc);
        let s = subject_before(&v, 4, 4);
        assert_eq!(texts(&v, &s), vec!["الشرطة"]);
    }

    #[test]
    fn clause_stops_at_complementiser_and_contrast() {
        let b = DocBuilder::new("قال المصدر إن الجيش قصف المدينة لكن المسلحين انسحبوا");
        let v = View::new(&b.doc);
        let (l, r) = clause(&v, 4, 4);
        assert_eq!((v.norm(l), v.norm(r - 1)), ("الجيش", "المدينه"));
    }

    #[test]
    fn pronouns_find_a_fitting_antecedent() {
        let b = DocBuilder::new("وصل خالد إلى تونس. ثم استهدفته الجماعة.")
            .entity(EntityType::PER, &["خالد"])
            .country(&["تونس"], "TUN");
        let v = View::new(&b.doc);
        let a = antecedent(&v, 6, Agr::Masc, 1, &[], &[]).unwrap();
        assert_eq!(a.0, Some(0));
        let a = antecedent(&v, 6, Agr::Fem, 1, &[], &[]).unwrap();
        assert_eq!(a.0, Some(1));
        assert!(antecedent(&v, 6, Agr::Plural, 1, &[], &[]).is_none());
    }

    #[test]
    fn definite_descriptions_resolve() {
        let b = DocBuilder::new("أعلنت حركة الشباب مسؤوليتها. وقالت الحركة إنها ستواصل.")
            .entity(EntityType::ORG, &["حركة الشباب"]);
        let v = View::new(&b.doc);
        let r = resolve_descriptions(&v);
        let i = (0..v.len()).find(|&i| v.norm(i) == "الحركه").unwrap();
        assert_eq!(r[i], Some(0));
        // A new description with a nationality adjective is not a reference back.
        let b = DocBuilder::new("التقى خالد. ثم قال الرئيس الفرنسي شيئا.")
            .entity(EntityType::PER, &["خالد"]);
        let v = View::new(&b.doc);
        let r = resolve_descriptions(&v);
        assert!(r.iter().all(Option::is_none));
    }

    #[test]
    fn a_description_refers_back_only_to_its_kind() {
        let at = |v: &View, w: &str| (0..v.len()).find(|&i| v.norm(i) == w).expect(w);
        // The nearest organisation is a police force: no coalition.
        let b = DocBuilder::new("دخلت الشرطة الاتحادية المدينة. وقصف التحالف مواقع المسلحين.")
            .entity(EntityType::ORG, &["الشرطة الاتحادية"])
            .sector("COP");
        let v = View::new(&b.doc);
        assert_eq!(resolve_descriptions(&v)[at(&v, "التحالف")], None);
        // A news agency nearer than the army is passed over.
        let b = DocBuilder::new(
            "تقدمت القوات المسلحة العراقية في الرمادي بحسب وكالة رويترز. وقال الجيش إنه سيطر على الجامعة.",
        )
        .entity(EntityType::ORG, &["القوات المسلحة العراقية"])
        .sector("MIL")
        .entity(EntityType::ORG, &["وكالة رويترز"])
        .sector("JRN");
        let v = View::new(&b.doc);
        assert_eq!(resolve_descriptions(&v)[at(&v, "الجيش")], Some(0));
        // An organisation of unknown sector whose name holds the noun.
        let mut b = DocBuilder::new("تبنى داعش الهجوم. وقال التنظيم في بيان إنه سيواصل.")
            .entity(EntityType::ORG, &["داعش"]);
        b.doc.entities[0].name = "تنظيم الدولة الإسلامية".into();
        let v = View::new(&b.doc);
        assert_eq!(resolve_descriptions(&v)[at(&v, "التنظيم")], Some(0));
        // Plural groups are many, not the one named before.
        let b = DocBuilder::new("هاجمت جبهة النصرة البلدة. وقالت الفصائل إنها صدت الهجوم.")
            .entity(EntityType::ORG, &["جبهة النصرة"])
            .sector("REB");
        let v = View::new(&b.doc);
        assert_eq!(resolve_descriptions(&v)[at(&v, "الفصائل")], None);
        // Forces loyal to someone are defined by what follows.
        let b = DocBuilder::new("أعلن الجيش اليمني النفير. وتقدمت القوات الموالية للرئيس نحو عدن.")
            .entity(EntityType::ORG, &["الجيش اليمني"])
            .sector("MIL");
        let v = View::new(&b.doc);
        assert_eq!(resolve_descriptions(&v)[at(&v, "القوات")], None);
    }

    #[test]
    fn membership_links_a_group_to_its_organisation() {
        // Verb first, then a later «الكتيبة» inherits the link.
        let b = DocBuilder::new(
            "وتنتمي كتيبة المغاوير إلى هيئة الأركان العامة. وقد كانت الكتيبة هي من نفذ الهجوم.",
        )
        .entity(EntityType::ORG, &["هيئة الأركان العامة"]);
        let v = View::new(&b.doc);
        let r = resolve_descriptions(&v);
        let i = (0..v.len()).find(|&i| v.norm(i) == "كتيبه").unwrap();
        assert_eq!(r[i], Some(0));
        let j = (0..v.len()).find(|&i| v.norm(i) == "الكتيبه").unwrap();
        assert_eq!(r[j], Some(0));
        // Subject first.
        let b = DocBuilder::new("هاجم مسلحون ينتمون إلى جبهة التحرير قرية نائية.")
            .entity(EntityType::ORG, &["جبهة التحرير"]);
        let v = View::new(&b.doc);
        let r = resolve_descriptions(&v);
        let i = (0..v.len()).find(|&i| v.norm(i) == "مسلحون").unwrap();
        assert_eq!(r[i], Some(0));
        // A place after the preposition is no organisation.
        let b =
            DocBuilder::new("وينتمي مسلحون إلى مدينة حلب.").entity(EntityType::LOC, &["مدينة حلب"]);
        let v = View::new(&b.doc);
        assert!(resolve_descriptions(&v).iter().all(Option::is_none));
    }
}
