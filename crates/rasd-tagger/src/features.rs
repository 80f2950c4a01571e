//! Feature extraction: every token becomes a list of 64-bit hashed feature keys.
//!
//! Each token is analysed once ([`TokenInfo`]: normalised form, clitic-stripped stem and
//! clitics, character prefixes/suffixes, shape, word clusters of the word and of its stem,
//! gazetteer flags); contextual templates (window ±2, bigrams, shape trigram) then combine
//! those per-token hashes with a template id by one mixing step each. Hashing instead of
//! string interning keeps tagging allocation-light and fast, and lets the model file store
//! only keys and weights. The template set is versioned by [`FEATURE_VERSION`]; changing
//! any template requires retraining.

use crate::normalize::{is_arabic_letter, normalize_into, proclitic_forms, segment};
use crate::table::U64Map;
use crate::util::{hash_str, mix, Fnv};

/// Version of the feature templates; stored in model files and checked on load.
pub const FEATURE_VERSION: u32 = 2;

/// Optional template: character trigrams of the normalised word (with boundary marks).
pub const F_CHAR_NGRAMS: u32 = 1 << 1;

/// Optional template: a second word-cluster set (stored in the same table under
/// [`cluster_key`] with set index 1).
pub const F_CLUSTERS2: u32 = 1 << 2;

/// Optional template: knowledge-base features (phrase types and first/family-name and
/// gentilic word lists from the project's knowledge base, see [`KbLexicon`]).
pub const F_KB: u32 = 1 << 3;

/// Optional template: trigger-word classes (titles, organisation and place head nouns,
/// reporting verbs) of the token and its neighbours, see [`trigger_class`].
pub const F_TRIGGERS: u32 = 1 << 4;

/// Optional template: a wider window (words and mid clusters at ±3, stem clusters at ±1).
pub const F_WIDE: u32 = 1 << 5;

/// Optional template: character trigrams of the clitic-stripped stem (when it differs
/// from the word).
pub const F_STEM_NGRAMS: u32 = 1 << 7;

/// Optional template: distributional prototype features (`crate::protos`): the ids and
/// labels of the word's nearest label prototypes, and the prototype labels of its ±1
/// neighbours. The table is stored in the cluster table under set [`PROTO_SET`].
pub const F_PROTOS: u32 = 1 << 16;

/// Optional template: mid and fine clusters of the clitic-stripped stem (the word's own
/// clusters when nothing is stripped) of the tokens at ±1 and ±2.
pub const F_STEM_CLUS_CTX: u32 = 1 << 17;

/// Optional template: membership (B/I × type) of the token and its ±1 neighbours in the
/// self-trained SaudiNewsNet phrase list (`crate::autolex`), stored in the cluster table.
pub const F_AUTO: u32 = 1 << 18;

/// Optional template (with [`F_PROTOS`]): the prototype ids (not only labels) of the ±1
/// neighbours.
pub const F_PROTO_CTX_IDS: u32 = 1 << 19;

/// The model was trained with rule hints: per token, which entity span (type, begin or
/// inside, knowledge base or pattern, high score or not) the project's rule recogniser put
/// it in, as a [`hint_code`]. Callers supply them ([`crate::Tagger::tag_hinted`]); a model
/// with this flag tags without them too, but worse.
pub const F_HINTS: u32 = 1 << 20;

/// Optional template change: a word with no entry in the first cluster set takes the
/// clusters of its clitic-stripped stem's ending (`crate::oov`, table stored under
/// [`crate::oov::OOV_SET`]); one extra probe, only for such words.
pub const F_OOV_CLUSTERS: u32 = 1 << 28;

/// Cluster-table set index ([`cluster_key`]) of the prototype table.
pub const PROTO_SET: u64 = 7;

/// Model flag: the model carries document-level second-stage weights (`crate::doc`).
pub const F_DOC: u32 = 1 << 6;

/// Trigger class bit: a person title (الرئيس, الوزير, الشيخ …).
pub const TRIG_TITLE: u8 = 1;
/// Trigger class bit: an organisation head noun (وزارة, جامعة, شركة …).
pub const TRIG_ORG: u8 = 2;
/// Trigger class bit: a place head noun or direction (مدينة, منطقة, شمال …).
pub const TRIG_LOC: u8 = 4;
/// Trigger class bit: a reporting or speech verb (قال, أعلن, أكد …).
pub const TRIG_SAY: u8 = 8;

/// Normalised, clitic-stripped stems (see [`segment`]) of trigger words, sorted by stem.
const TRIGGERS: &[(&str, u8)] = &[
    ("اتحاد", TRIG_ORG),
    ("اذاعه", TRIG_ORG),
    ("اضاف", TRIG_SAY),
    ("اعلن", TRIG_SAY),
    ("اقليم", TRIG_LOC),
    ("اكد", TRIG_SAY),
    ("امير", TRIG_TITLE),
    ("امين", TRIG_TITLE),
    ("بحر", TRIG_LOC),
    ("بلده", TRIG_LOC),
    ("بنك", TRIG_ORG),
    ("جامعه", TRIG_ORG),
    ("جبل", TRIG_LOC),
    ("جبهه", TRIG_ORG),
    ("جزيره", TRIG_LOC),
    ("جمعيه", TRIG_ORG),
    ("جنرال", TRIG_TITLE),
    ("جنوب", TRIG_LOC),
    ("جيش", TRIG_ORG),
    ("حاكم", TRIG_TITLE),
    ("حركه", TRIG_ORG),
    ("حزب", TRIG_ORG),
    ("دكتور", TRIG_TITLE),
    ("دوله", TRIG_LOC),
    ("رئيس", TRIG_TITLE),
    ("زعيم", TRIG_TITLE),
    ("سفير", TRIG_TITLE),
    ("سيد", TRIG_TITLE),
    ("شرق", TRIG_LOC),
    ("شركه", TRIG_ORG),
    ("شمال", TRIG_LOC),
    ("شيخ", TRIG_TITLE),
    ("صحيفه", TRIG_ORG),
    ("صرح", TRIG_SAY),
    ("عاصمه", TRIG_LOC),
    ("عاهل", TRIG_TITLE),
    ("عقيد", TRIG_TITLE),
    ("غرب", TRIG_LOC),
    ("قائد", TRIG_TITLE),
    ("قاضي", TRIG_TITLE),
    ("قال", TRIG_SAY),
    ("قالت", TRIG_SAY),
    ("قريه", TRIG_LOC),
    ("قناه", TRIG_ORG),
    ("لجنه", TRIG_ORG),
    ("لواء", TRIG_TITLE),
    ("مؤسسه", TRIG_ORG),
    ("مجلس", TRIG_ORG),
    ("محافظ", TRIG_TITLE),
    ("محافظه", TRIG_LOC),
    ("محكمه", TRIG_ORG),
    ("مدرب", TRIG_TITLE),
    ("مدير", TRIG_TITLE),
    ("مدينه", TRIG_LOC),
    ("مركز", TRIG_ORG),
    ("مستشار", TRIG_TITLE),
    ("معهد", TRIG_ORG),
    ("ملك", TRIG_TITLE),
    ("منطقه", TRIG_LOC),
    ("منظمه", TRIG_ORG),
    ("نائب", TRIG_TITLE),
    ("نادي", TRIG_ORG),
    ("نهر", TRIG_LOC),
    ("هيئه", TRIG_ORG),
    ("وزاره", TRIG_ORG),
    ("وزير", TRIG_TITLE),
    ("وسط", TRIG_LOC),
    ("وكاله", TRIG_ORG),
    ("ولايه", TRIG_LOC),
];

/// Trigger class bits of a clitic-stripped stem (0 when none).
pub fn trigger_class(stem: &str) -> u8 {
    TRIGGERS
        .binary_search_by(|(w, _)| (*w).cmp(stem))
        .ok()
        .and_then(|i| TRIGGERS.get(i))
        .map(|x| x.1)
        .unwrap_or(0)
}

/// Key of a word (given `hash_str(norm)`) in cluster set `set` of a [`ClusterTable`].
pub fn cluster_key(word_hash: u64, set: u64) -> u64 {
    if set == 0 {
        word_hash
    } else {
        mix(word_hash ^ set.wrapping_mul(0xA076_1D64_78BD_642F))
    }
}

/// Maximum number of character trigrams of the word kept per token.
const MAX_NGRAMS: usize = 12;
/// Maximum number of character trigrams of the clitic-stripped stem ([`F_STEM_NGRAMS`]).
const MAX_STEM_NGRAMS: usize = 8;

/// Gazetteer bit for `B` of entity type index `t` (0 PERS, 1 LOC, 2 ORG, 3 MISC).
pub const fn gaz_b(t: usize) -> u8 {
    1 << (2 * t)
}

/// Gazetteer bit for `I` of entity type index `t`.
pub const fn gaz_i(t: usize) -> u8 {
    1 << (2 * t + 1)
}

/// Parse caller-supplied knowledge-base feature strings into gazetteer bits.
///
/// Accepts one or more values separated by `|`, `,` or spaces, each `TYPE-B`, `TYPE-I`,
/// `B-TYPE` or `I-TYPE` with TYPE one of PERS (or PER), LOC, ORG, MISC. Unknown values
/// are ignored.
pub fn parse_gaz_values(s: &str) -> u8 {
    let mut bits = 0u8;
    for v in s.split(['|', ',', ' ']) {
        let v = v.trim();
        let (pos, ty) = if let Some(t) = v.strip_suffix("-B") {
            ('B', t)
        } else if let Some(t) = v.strip_suffix("-I") {
            ('I', t)
        } else if let Some(t) = v.strip_prefix("B-") {
            ('B', t)
        } else if let Some(t) = v.strip_prefix("I-") {
            ('I', t)
        } else {
            continue;
        };
        let t = match ty {
            "PERS" | "PER" => 0,
            "LOC" => 1,
            "ORG" => 2,
            "MISC" => 3,
            _ => continue,
        };
        bits |= if pos == 'B' { gaz_b(t) } else { gaz_i(t) };
    }
    bits
}

/// A phrase gazetteer keyed by hashes of normalised token sequences.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Phrase hash (see [`Gazetteer::phrase_hash`]) → bitmask of entity type indices.
    pub map: U64Map,
    /// Longest phrase length in tokens.
    pub max_len: usize,
}

impl Gazetteer {
    /// Value bit marking a key that is a proper prefix of some phrase.
    pub const PREFIX: u64 = 1 << 7;
    /// Value bits holding the entity type indices (0..=6) of a complete phrase.
    pub const TYPES: u64 = 0x7F;

    /// Hash of a phrase of normalised tokens (incremental: feed tokens in order).
    pub fn phrase_hash<'a>(tokens: impl IntoIterator<Item = &'a str>) -> u64 {
        let mut h = Fnv::new(0);
        for t in tokens {
            h.str(t);
        }
        h.finish()
    }

    /// Add a phrase with an entity type index. Every proper prefix of the phrase is also
    /// recorded (flag [`Gazetteer::PREFIX`]) so matching can stop as soon as no entry can
    /// continue.
    pub fn add(&mut self, norm_tokens: &[&str], type_index: usize) {
        if norm_tokens.is_empty() || type_index > 6 {
            return;
        }
        let mut h = Fnv::new(0);
        for (k, t) in norm_tokens.iter().enumerate() {
            h.str(t);
            let key = h.finish();
            let old = self.map.get(key).unwrap_or(0);
            let bit = if k + 1 == norm_tokens.len() {
                1 << type_index
            } else {
                Self::PREFIX
            };
            self.map.insert(key, old | bit);
        }
        self.max_len = self.max_len.max(norm_tokens.len());
    }

    /// Leftmost-longest matches over normalised tokens as `(start, end, type mask)`.
    fn matches(&self, norms: &[&str], f: impl FnMut(usize, usize, u64)) {
        lex_matches(&self.map, 0, self.max_len, norms, f);
    }

    /// Leftmost-longest matching over normalised tokens (types 0..=3 only); ORs B/I bits
    /// (see [`gaz_b`], [`gaz_i`]) into `bits`.
    pub fn mark(&self, norms: &[&str], bits: &mut [u8]) {
        let n = norms.len().min(bits.len());
        self.matches(norms.get(..n).unwrap_or(&[]), |i, end, mask| {
            for t in 0..4 {
                if mask & (1 << t) != 0 {
                    if let Some(b) = bits.get_mut(i) {
                        *b |= gaz_b(t);
                    }
                    for k in i + 1..end {
                        if let Some(b) = bits.get_mut(k) {
                            *b |= gaz_i(t);
                        }
                    }
                }
            }
        });
    }
}

/// Knowledge-base lexicon embedded in a model: entity phrases by KB type (see the
/// `KB_*` type indices) and single-word lists (given names, family names, gentilics).
/// Built at training time from the project's knowledge base, which is independent of
/// ANERcorp, so the model learns how far each KB type can be trusted.
#[derive(Debug, Clone, Default)]
pub struct KbLexicon {
    /// Phrases of normalised tokens with KB type indices.
    pub phrases: Gazetteer,
    /// Normalised word hash → word-list bits ([`KBW_FIRST`], [`KBW_LAST`], [`KBW_GENT`],
    /// [`KBW_GIVEN`], [`KBW_SURNAME`], [`KBW_FOREIGN`]).
    pub words: U64Map,
}

/// KB phrase type: person name.
pub const KB_PERS: usize = 0;
/// KB phrase type: major place (country, first-level division, region, sea, large city).
pub const KB_LOC_MAJOR: usize = 1;
/// KB phrase type: other place (town, village, neighbourhood, small city).
pub const KB_LOC_MINOR: usize = 2;
/// KB phrase type: organisation.
pub const KB_ORG: usize = 3;
/// KB phrase type: nationality adjective (gentilic).
pub const KB_GENT: usize = 4;
/// KB word bit: first word of a multi-word person name.
pub const KBW_FIRST: u8 = 1;
/// KB word bit: last word of a multi-word person name.
pub const KBW_LAST: u8 = 2;
/// KB word bit: a gentilic form.
pub const KBW_GENT: u8 = 4;
/// KB phrase type: full name of a person from the name lists of `data/names/` (Wikidata
/// labels and others; broader and less curated than [`KB_PERS`]).
pub const KB_PERS_LIST: usize = 5;
/// KB phrase type: an organisation from the lists of `data/names/` (sports clubs,
/// companies and news organisations).
pub const KB_ORG_LIST: usize = 6;
/// KB word bit: a given name (seen at least twice as one in `data/names/name_words.tsv`).
pub const KBW_GIVEN: u8 = 8;
/// KB word bit: a family name (seen at least twice as one in `data/names/name_words.tsv`).
pub const KBW_SURNAME: u8 = 16;
/// KB word bit: the Arabic spelling of a foreign given or family name.
pub const KBW_FOREIGN: u8 = 32;
/// Number of KB word-list bits that become features.
pub const KBW_BITS: u64 = 6;

/// Hash of a proclitic-stripped form (see [`proclitic_forms`]) as a phrase's first word.
#[inline]
fn form_hash(h: &mut Fnv, form: (bool, &str)) {
    if form.0 {
        h.bytes("ال".as_bytes());
    }
    h.str(form.1);
}

/// The byte of a merged-lexicon value that belongs to the list at `shift`.
#[inline]
fn lex_byte(map: &U64Map, key: u64, shift: u32) -> Option<u64> {
    map.get(key)
        .map(|v| (v >> shift) & 0xFF)
        .filter(|b| *b != 0)
}

/// Longest phrase starting at `i` whose first word is `first`, in a phrase list stored as
/// hashed prefixes: `lookup(hash of words i..=j)` gives the entry of that prefix, whose
/// `types` bits (non-zero for a listed phrase) are returned and whose `prefix` bit says a
/// longer phrase continues it. At most `max_len` words. Shared by the gazetteer/KB lexicon
/// and the self-trained list ([`crate::autolex`]).
pub(crate) fn longest_phrase(
    norms: &[&str],
    i: usize,
    first: (bool, &str),
    max_len: usize,
    types: u64,
    prefix: u64,
    lookup: impl Fn(u64) -> Option<u64>,
) -> Option<(usize, u64)> {
    let mut h = Fnv::new(0);
    let mut best = None;
    for j in i..norms.len().min(i + max_len) {
        if j == i {
            form_hash(&mut h, first);
        } else {
            h.str(norms.get(j).copied().unwrap_or(""));
        }
        let Some(m) = lookup(h.finish()) else {
            break;
        };
        if m & types != 0 {
            best = Some((j + 1, m & types));
        }
        if m & prefix == 0 {
            break;
        }
    }
    best
}

/// Leftmost-longest matches of the phrase list stored at bit `shift` of `map`'s values,
/// as `(start, end, type mask)`. A phrase may also match when its first word carries
/// proclitics (و ف ب ك ل, لل → ال). Allocation-free.
fn lex_matches(
    map: &U64Map,
    shift: u32,
    max_len: usize,
    norms: &[&str],
    f: impl FnMut(usize, usize, u64),
) {
    if map.is_empty() || max_len == 0 {
        return;
    }
    leftmost_longest(
        norms,
        |i, first| {
            longest_phrase(
                norms,
                i,
                first,
                max_len,
                Gazetteer::TYPES,
                Gazetteer::PREFIX,
                |h| lex_byte(map, h, shift),
            )
        },
        f,
    );
}

/// Leftmost-longest scan over normalised tokens with `longest(i, first)` giving the end and
/// type mask of the longest listed phrase at `i` whose first word is `first` (`(true, w)` =
/// `ال`+w): calls `f(start, end, mask)` per match. When nothing matches at `i`, the first
/// word is retried with its proclitics removed (بدارفور → دارفور; لل → ال). Shared by the
/// gazetteer/KB lexicon and the self-trained list ([`crate::autolex`]).
pub(crate) fn leftmost_longest(
    norms: &[&str],
    longest: impl Fn(usize, (bool, &str)) -> Option<(usize, u64)>,
    mut f: impl FnMut(usize, usize, u64),
) {
    let mut i = 0;
    while i < norms.len() {
        let first = norms.get(i).copied().unwrap_or("");
        let mut best = longest(i, (false, first));
        if best.is_none() && first.starts_with(['و', 'ف', 'ب', 'ك', 'ل']) {
            for form in proclitic_forms(first).into_iter().flatten() {
                best = longest(i, form);
                if best.is_some() {
                    break;
                }
            }
        }
        match best {
            Some((end, mask)) => {
                f(i, end, mask);
                i = end;
            }
            None => i += 1,
        }
    }
}

/// The training gazetteer and the KB lexicon merged into one hash table for tagging:
/// both are keyed by the same phrase hashes, so one probe (and one cache miss) serves
/// both lists. Value bits 0–7: training gazetteer; 8–15: KB phrases; 16–23: KB words.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    map: U64Map,
    gaz_len: usize,
    kb_len: usize,
    has_kb: bool,
}

const SHIFT_KB: u32 = 8;
const SHIFT_KBW: u32 = 16;

impl Lexicon {
    /// Merge a training gazetteer and a KB lexicon (deterministic).
    pub fn new(gaz: &Gazetteer, kb: &KbLexicon) -> Lexicon {
        let mut map = U64Map::with_capacity(gaz.map.len() + kb.phrases.map.len() + kb.words.len());
        for (src, shift) in [
            (&gaz.map, 0u32),
            (&kb.phrases.map, SHIFT_KB),
            (&kb.words, SHIFT_KBW),
        ] {
            // slot order, not sorted: the merged values do not depend on the order
            for (k, v) in src.iter() {
                let old = map.get(k).unwrap_or(0);
                map.insert(k, old | ((v & 0xFF) << shift));
            }
        }
        Lexicon {
            map,
            gaz_len: gaz.max_len,
            kb_len: kb.phrases.max_len,
            has_kb: !kb.phrases.map.is_empty() || !kb.words.is_empty(),
        }
    }

    /// Append the lexicon to a model file: gazetteer and KB phrase lengths `u32 u32`, the
    /// KB flag `u32`, then the slot image of the merged table with `u32` values (see
    /// `crate::table::write_image`). Values hold three bytes (gazetteer, KB phrase and KB
    /// word bits), so they always fit.
    pub(crate) fn write_image(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.gaz_len as u32).to_le_bytes());
        out.extend_from_slice(&(self.kb_len as u32).to_le_bytes());
        out.extend_from_slice(&u32::from(self.has_kb).to_le_bytes());
        self.map.write_image(out, |v, o| {
            o.extend_from_slice(&((v & 0xFF_FFFF) as u32).to_le_bytes())
        });
    }

    /// Read a lexicon written by [`Lexicon::write_image`].
    pub(crate) fn read_image(r: &mut crate::table::Reader<'_>) -> Result<Lexicon, crate::Error> {
        let gaz_len = r.u32()? as usize;
        let kb_len = r.u32()? as usize;
        let has_kb = match r.u32()? {
            0 => false,
            1 => true,
            _ => {
                return Err(crate::Error::Data(
                    "corrupt model file: lexicon flag".into(),
                ))
            }
        };
        let map = U64Map::read_image(r, 4, |c| {
            let mut a = [0u8; 4];
            a.copy_from_slice(c.get(..4)?);
            Some(u64::from(u32::from_le_bytes(a)))
        })?;
        Ok(Lexicon {
            map,
            gaz_len,
            kb_len,
            has_kb,
        })
    }

    /// Merged value of a key (gazetteer byte, KB phrase byte << 8, KB word byte << 16).
    pub fn raw(&self, key: u64) -> Option<u64> {
        self.map.get(key)
    }

    /// Longest gazetteer and KB phrase lengths, in tokens.
    pub fn max_lens(&self) -> (usize, usize) {
        (self.gaz_len, self.kb_len)
    }

    /// KB word-list bits of a normalised word; proclitic-stripped forms are tried when
    /// the word itself is not listed.
    fn word_bits(&self, norm: &str, h_norm: u64) -> u8 {
        if let Some(v) = lex_byte(&self.map, h_norm, SHIFT_KBW) {
            return v as u8;
        }
        if norm.starts_with(['و', 'ف', 'ب', 'ك', 'ل']) {
            for form in proclitic_forms(norm).into_iter().flatten() {
                let mut h = Fnv::new(0);
                form_hash(&mut h, form);
                if let Some(v) = lex_byte(&self.map, h.finish(), SHIFT_KBW) {
                    return v as u8;
                }
            }
        }
        0
    }
}

/// Per-token pre-computed hashes.
#[derive(Debug, Clone, Default)]
pub struct TokenInfo {
    norm: u64,
    raw: u64,
    stem: u64,
    pre: u64,
    suf: u64,
    shape: u64,
    pfx: [u64; 4],
    sfx: [u64; 4],
    stem_pfx3: u64,
    stem_sfx2: u64,
    stem_sfx3: u64,
    len: u64,
    clus: [u64; 3],
    sclus: [u64; 3],
    clus2: [u64; 3],
    /// Gazetteer / knowledge-base bits (see [`gaz_b`], [`gaz_i`]).
    pub gaz: u8,
    /// KB phrase types starting at this token.
    pub kb_b: u8,
    /// KB phrase types continuing over this token.
    pub kb_i: u8,
    /// KB word-list bits.
    pub kb_w: u8,
    /// Trigger class bits ([`trigger_class`]), with [`F_TRIGGERS`].
    pub trig: u8,
    /// Mid stem-cluster hash (for the wide window).
    smid: u64,
    /// Nearest prototype ids (0 = none), with [`F_PROTOS`].
    proto: [u16; 3],
    /// Neighbours also see this token's prototype ids ([`F_PROTO_CTX_IDS`]).
    proto_ids_ctx: bool,
    /// Mid and fine clusters of the stem (or word), with [`F_STEM_CLUS_CTX`].
    stem_mf: [u64; 2],
    /// Self-trained list bits (B type t = bit t, I type t = bit 4 + t), with [`F_AUTO`].
    auto: u8,
    /// Rule hint ([`hint_code`], 0 = none), see [`F_HINTS`] and [`set_hints`].
    hint: u8,
    /// Name-likeness / morphology table row (`crate::namelike`; 0 = none).
    nl: [u16; 4],
    /// Which name-likeness parts are on (1 = name-likeness, 2 = morphology; 0 = off).
    nl_on: u8,
    ngrams: [u64; MAX_NGRAMS + MAX_STEM_NGRAMS],
    n_ngrams: u8,
    /// Span-level context (quoted stretches, head-noun chains; see `crate::spanfeat`).
    pub span: crate::spanfeat::SpanInfo,
}

impl TokenInfo {
    /// Base keys of the label-pair templates (`crate::pairfeat`): normalised form and
    /// mid-granularity cluster.
    pub fn pair_base(&self) -> [u64; crate::pairfeat::PAIR_TEMPLATES] {
        crate::pairfeat::base_keys(self.norm, self.clus[1])
    }
}

/// Value of a missing per-token hash (no cluster, affix too long, …).
pub(crate) const NONE: u64 = 0x5555_0000_0000_0001;
/// Value of a window position before the sentence start.
pub(crate) const BOS: u64 = 0x1234_5678_9abc_def1;
/// Value of a window position after the sentence end.
pub(crate) const EOS: u64 = 0x0fed_cba9_8765_4321;

/// Word → cluster lookup table as stored in models: `hash_str(norm)` → packed ids
/// (`coarse | mid << 16 | fine << 32`).
pub type ClusterTable = U64Map;

/// Pack three cluster ids.
pub fn pack_clusters(c: [u16; 3]) -> u64 {
    u64::from(c[0]) | (u64::from(c[1]) << 16) | (u64::from(c[2]) << 32)
}

/// Prototype ids of a word (or, when the word has none, of its clitic-stripped stem).
fn proto_ids(tab: &ClusterTable, h_norm: u64, h_stem: u64) -> [u16; 3] {
    let v = tab.get(cluster_key(h_norm, PROTO_SET)).or_else(|| {
        if h_stem != h_norm {
            tab.get(cluster_key(h_stem, PROTO_SET))
        } else {
            None
        }
    });
    match v {
        Some(v) => [
            (v & 0xFFFF) as u16,
            ((v >> 16) & 0xFFFF) as u16,
            ((v >> 32) & 0xFFFF) as u16,
        ],
        None => [0; 3],
    }
}

/// Label bits (one per prototype label block, see `crate::protos::proto_label`).
fn proto_label_bits(p: &[u16; 3]) -> u16 {
    let mut b = 0u16;
    for id in p {
        if let Some(l) = crate::protos::proto_label(*id) {
            b |= 1 << (l & 15);
        }
    }
    b
}

/// The token's own prototype features (static: depend on the word only).
fn proto_own(t: &TokenInfo, out: &mut Vec<u64>) {
    for id in t.proto {
        if id != 0 {
            out.push(f(310, u64::from(id)));
        }
    }
    let b = proto_label_bits(&t.proto);
    for l in 0..16u64 {
        if b & (1 << l) != 0 {
            out.push(f(311, l));
        }
    }
}

/// Stem clusters of the ±1, ±2 neighbours (contextual, [`F_STEM_CLUS_CTX`]).
fn stem_clus_ctx(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    if toks.get(i).is_none_or(|t| t.stem_mf[0] == 0) {
        return;
    }
    for (tpl, j) in [
        (320u64, i.checked_sub(2)),
        (322, i.checked_sub(1)),
        (324, i.checked_add(1)),
        (326, i.checked_add(2)),
    ] {
        let c = match j.and_then(|j| toks.get(j)) {
            Some(x) => x.stem_mf,
            None if j.is_none() => [BOS; 2],
            None => [EOS; 2],
        };
        out.push(f(tpl, c[0]));
        out.push(f(tpl + 1, c[1]));
    }
}

/// Set the rule hints of analysed tokens (see [`F_HINTS`]); `hints[i]` is token `i`'s
/// [`hint_code`], missing entries mean none.
pub fn set_hints(infos: &mut [TokenInfo], hints: &[u8]) {
    for (x, h) in infos.iter_mut().zip(hints) {
        x.hint = *h;
    }
}

/// A rule hint as one byte (0 = none): the type of the rule candidate the token sits in,
/// whether the token begins it, whether the knowledge base (rather than a pattern)
/// proposed it, and whether its score is high (≥ 0.8). Values 1–32.
pub fn hint_code(t: crate::EntityType, begin: bool, kb: bool, strong: bool) -> u8 {
    let ti = (t.index() * 2 + usize::from(!begin)) as u8;
    1 + (ti << 2 | u8::from(kb) << 1 | u8::from(strong))
}

/// The parts of a [`hint_code`]: type, begins, from the knowledge base, strong.
pub fn hint_parts(code: u8) -> Option<(crate::EntityType, bool, bool, bool)> {
    use crate::EntityType as E;
    let c = code.checked_sub(1)?;
    let t = match c >> 3 {
        0 => E::Pers,
        1 => E::Loc,
        2 => E::Org,
        3 => E::Misc,
        _ => return None,
    };
    Some((t, c >> 2 & 1 == 0, c >> 1 & 1 == 1, c & 1 == 1))
}

/// Rule hint of the token and its ±1 neighbours (contextual, [`F_HINTS`]): the full code
/// and, as back-off, its type and begin/inside alone.
fn hint_ctx(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    for (tpl, j) in [
        (370u64, i.checked_sub(1)),
        (372, Some(i)),
        (374, i.checked_add(1)),
    ] {
        let Some(x) = j.and_then(|j| toks.get(j)) else {
            continue;
        };
        if x.hint != 0 {
            out.push(f(tpl, u64::from(x.hint)));
            out.push(f(tpl + 1, u64::from((x.hint - 1) >> 2)));
        }
    }
}

/// Self-trained list bits of the token and its ±1 neighbours (contextual, [`F_AUTO`]).
fn auto_ctx(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    for (tpl, j) in [
        (340u64, i.checked_sub(1)),
        (350, Some(i)),
        (360, i.checked_add(1)),
    ] {
        let Some(x) = j.and_then(|j| toks.get(j)) else {
            continue;
        };
        if x.auto == 0 {
            continue;
        }
        for b in 0..8u64 {
            if x.auto & (1 << b) != 0 {
                out.push(f(tpl + b, 0));
            }
        }
    }
}

/// Prototype labels of the ±1 neighbours (contextual).
fn proto_ctx(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    for (tpl, j) in [(312u64, i.checked_sub(1)), (313, i.checked_add(1))] {
        let Some(x) = j.and_then(|j| toks.get(j)) else {
            continue;
        };
        if x.proto == [0; 3] {
            continue;
        }
        let b = proto_label_bits(&x.proto);
        for l in 0..16u64 {
            if b & (1 << l) != 0 {
                out.push(f(tpl, l));
            }
        }
        if x.proto_ids_ctx {
            for id in x.proto {
                if id != 0 {
                    out.push(f(tpl + 2, u64::from(id)));
                }
            }
        }
    }
}

fn cluster_hashes(tab: &ClusterTable, key_hash: u64) -> [u64; 3] {
    match tab.get(key_hash) {
        Some(v) => [
            (v & 0xFFFF) + 1,
            ((v >> 16) & 0xFFFF) + 1,
            ((v >> 32) & 0xFFFF) + 1,
        ],
        None => [NONE; 3],
    }
}

/// Hashes of the first / last 1..=4 characters of `s` (NONE where the word is not longer).
fn affix_hashes(s: &str) -> ([u64; 4], [u64; 4]) {
    let mut pfx = [NONE; 4];
    let mut sfx = [NONE; 4];
    let mut ends = [0usize; 5]; // byte end of the first k+1 chars
    let mut n = 0usize;
    for (i, c) in s.char_indices() {
        if n < 5 {
            ends[n] = i + c.len_utf8();
        }
        n += 1;
    }
    for k in 0..4 {
        if n > k + 1 {
            pfx[k] = hash_str(&s[..ends[k]]);
        }
    }
    let mut starts = [0usize; 4];
    for (slot, (i, _)) in starts.iter_mut().zip(s.char_indices().rev()) {
        *slot = i;
    }
    for k in 0..4 {
        if n > k + 1 {
            sfx[k] = hash_str(&s[starts[k]..]);
        }
    }
    (pfx, sfx)
}

/// Character trigrams of `^word$` for words of 3+ characters (at most [`MAX_NGRAMS`]).
fn char_trigrams(norm: &str, ti: &mut TokenInfo) {
    let k = char_trigrams_into(norm, 90, &mut ti.ngrams, 0, MAX_NGRAMS);
    ti.n_ngrams = k as u8;
}

/// Trigrams of `^norm$` hashed with template `seed` into `out[from..]`, at most `max`;
/// returns the new end index.
fn char_trigrams_into(norm: &str, seed: u32, out: &mut [u64], from: usize, max: usize) -> usize {
    let mut cs = ['^'; 34];
    let mut n = 1usize;
    for c in norm.chars() {
        if n >= cs.len() - 1 {
            return from; // very long tokens (URLs, junk) get no trigrams
        }
        cs[n] = c;
        n += 1;
    }
    if n < 4 {
        return from;
    }
    cs[n] = '$';
    n += 1;
    let mut k = from;
    for w in cs[..n].windows(3) {
        if k >= from + max {
            break;
        }
        let mut h = Fnv::new(seed);
        for c in w {
            h.int(u64::from(*c as u32));
        }
        let Some(slot) = out.get_mut(k) else { break };
        *slot = h.finish();
        k += 1;
    }
    k
}

fn shape_hash(word: &str) -> u64 {
    let mut h = Fnv::new(0);
    let mut buf = [0u8; 8];
    let sh = shape_into(word, &mut buf);
    h.bytes(sh).bytes(&[0xFF]);
    h.finish()
}

fn shape_into<'a>(word: &str, buf: &'a mut [u8; 8]) -> &'a [u8] {
    let mut n = 0usize;
    let mut last = 0u8;
    for c in word.chars() {
        let k = if is_arabic_letter(c) {
            b'a'
        } else if c.is_ascii_digit() || ('\u{0660}'..='\u{0669}').contains(&c) {
            b'd'
        } else if c.is_uppercase() {
            b'X'
        } else if c.is_alphabetic() {
            b'x'
        } else if matches!(c, '\u{064B}'..='\u{0652}' | '\u{0640}') {
            continue;
        } else {
            b'p'
        };
        if k != last {
            if let Some(b) = buf.get_mut(n) {
                *b = k;
            }
            n += 1;
            last = k;
        }
        if n >= 6 {
            break;
        }
    }
    &buf[..n.min(8)]
}

/// Analyse a sentence. `extra_bits` (same length as `tokens`, or empty) are OR-ed into the
/// gazetteer bits, as are the matches of `gaz`.
pub fn analyse(
    tokens: &[&str],
    clusters: &ClusterTable,
    lex: &Lexicon,
    extra_bits: &[u8],
    flags: u32,
    out: &mut Vec<TokenInfo>,
) {
    analyse_with_cache(tokens, clusters, lex, extra_bits, flags, None, out);
}

/// Optional templates under which [`WordMemo`] may be used: the fields it restores are all
/// that the cached-word branch of [`analyse_memo`] fills under these flags. Any other flag
/// (e.g. templates added later) makes analysis take the full path. [`F_HINTS`] is among
/// them because hints are set after analysis ([`set_hints`]) and read only by contextual
/// templates, never by the per-word analysis the memo stands for.
pub const MEMO_FLAGS: u32 =
    F_CHAR_NGRAMS | F_CLUSTERS2 | F_KB | F_DOC | F_HINTS | crate::F_PROP_CLITICS;

/// What the analysis of a word-cache word yields, remembered by raw-string hash.
#[derive(Debug, Clone)]
struct WordRec {
    norm: Box<str>,
    h_norm: u64,
    h_stem: u64,
    shape: u64,
    clus: [u64; 3],
    clus2: [u64; 3],
    kb_w: u8,
}

/// A memo of word analyses for one model (see [`analyse_memo`]): normalised form, hashes,
/// shape, clusters and KB word bits of the words of the model's static-weight cache, so a
/// recurring word skips normalisation, segmentation, hashing and three table probes.
/// Every entry is a pure function of the word and the model, so results never depend on
/// what the memo holds. At most [`WordMemo::CAP`] words.
#[derive(Debug, Clone, Default)]
pub struct WordMemo {
    owner: u64,
    index: U64Map,
    recs: Vec<WordRec>,
}

impl WordMemo {
    /// Most words remembered (about 10 MB).
    pub const CAP: usize = 100_000;

    /// Make the memo belong to model `owner` (a tagger id), emptying it if it held
    /// another model's words.
    pub fn claim(&mut self, owner: u64) {
        if self.owner != owner {
            *self = WordMemo {
                owner,
                ..WordMemo::default()
            };
        }
    }
}

/// Like [`analyse`], but tokens whose raw-string hash is a key of `cache` only get the
/// fields that [`context_features`] reads (their static features come from the cache).
pub fn analyse_with_cache(
    tokens: &[&str],
    clusters: &ClusterTable,
    lex: &Lexicon,
    extra_bits: &[u8],
    flags: u32,
    cache: Option<&U64Map>,
    out: &mut Vec<TokenInfo>,
) {
    analyse_memo(tokens, clusters, lex, extra_bits, flags, cache, None, out);
}

/// [`analyse_with_cache`] that also remembers (and reuses) the analyses of word-cache words
/// in `memo` (used only when `flags` are within [`MEMO_FLAGS`]; results are identical).
#[allow(clippy::too_many_arguments)]
pub fn analyse_memo(
    tokens: &[&str],
    clusters: &ClusterTable,
    lex: &Lexicon,
    extra_bits: &[u8],
    flags: u32,
    cache: Option<&U64Map>,
    mut memo: Option<&mut WordMemo>,
    out: &mut Vec<TokenInfo>,
) {
    out.clear();
    if flags & !MEMO_FLAGS != 0 {
        memo = None;
    }
    let mut all = String::with_capacity(tokens.iter().map(|t| t.len()).sum::<usize>());
    let mut ranges: Vec<(usize, usize)> = Vec::with_capacity(tokens.len());
    let mut raws: Vec<u64> = Vec::with_capacity(tokens.len());
    // per token: index of its memo entry (found, or added below), u32::MAX = none
    let mut recs: Vec<u32> = Vec::with_capacity(tokens.len());
    let mut found: Vec<bool> = Vec::with_capacity(tokens.len());
    let mut buf = String::new();
    for tok in tokens {
        let h_raw = hash_str(tok);
        // only words of the model's cache take the short branch (a clone of a tagger may
        // share the memo but not the cache)
        let in_cache = cache.is_some_and(|c| c.get(h_raw).is_some());
        let rec = memo.as_deref().filter(|_| in_cache).and_then(|m| {
            m.index
                .get(h_raw)
                .and_then(|r| m.recs.get(r as usize).map(|x| (r as u32, x)))
        });
        let a = all.len();
        match rec {
            Some((r, x)) => {
                all.push_str(&x.norm);
                recs.push(r);
                found.push(true);
            }
            None => {
                normalize_into(tok, &mut buf);
                all.push_str(&buf);
                recs.push(u32::MAX);
                found.push(false);
            }
        }
        raws.push(h_raw);
        ranges.push((a, all.len()));
    }
    for (i, tok) in tokens.iter().enumerate() {
        let norm = ranges
            .get(i)
            .and_then(|&(a, b)| all.get(a..b))
            .unwrap_or("");
        let h_raw = raws.get(i).copied().unwrap_or(0);
        if found.get(i) == Some(&true) {
            let rec = memo
                .as_deref()
                .and_then(|m| recs.get(i).and_then(|&r| m.recs.get(r as usize)));
            if let Some(x) = rec {
                lex.map.prefetch(x.h_norm);
                out.push(TokenInfo {
                    norm: x.h_norm,
                    raw: h_raw,
                    stem: x.h_stem,
                    shape: x.shape,
                    clus: x.clus,
                    clus2: x.clus2,
                    gaz: extra_bits.get(i).copied().unwrap_or(0),
                    ..Default::default()
                });
                continue;
            }
        }
        let seg = segment(norm);
        let h_norm = hash_str(norm);
        // the phrase lexicon is probed with this key after the loop
        lex.map.prefetch(h_norm);
        let h_stem = if seg.stem.len() == norm.len() {
            h_norm
        } else {
            hash_str(seg.stem)
        };
        let trig = if flags & F_TRIGGERS != 0 {
            trigger_class(seg.stem)
        } else {
            0
        };
        let smid = if flags & F_WIDE != 0 {
            cluster_hashes(clusters, h_stem)[1]
        } else {
            0
        };
        let proto = if flags & F_PROTOS != 0 {
            proto_ids(clusters, h_norm, h_stem)
        } else {
            [0; 3]
        };
        let stem_mf = if flags & F_STEM_CLUS_CTX != 0 {
            let mut c = cluster_hashes(clusters, h_stem);
            if c[0] == NONE {
                c = cluster_hashes(clusters, h_norm);
            }
            [c[1], c[2]]
        } else {
            [0; 2]
        };
        let nl_on = crate::namelike::parts(flags);
        let nl = if nl_on != 0 {
            crate::namelike::lookup(clusters, h_norm, h_stem, nl_on)
        } else {
            [0; 4]
        };
        // with F_OOV_CLUSTERS a word without clusters takes its stem's, else its ending's
        let mut clus = cluster_hashes(clusters, h_norm);
        let mut stem_clus = None;
        if clus[0] == NONE && flags & F_OOV_CLUSTERS != 0 {
            let sc = if seg.stem.len() < norm.len() {
                cluster_hashes(clusters, h_stem)
            } else {
                [NONE; 3]
            };
            stem_clus = Some(sc);
            clus = if sc[0] != NONE {
                sc
            } else {
                match crate::oov::stem_ending(seg.stem) {
                    Some(e) => {
                        cluster_hashes(clusters, cluster_key(hash_str(e), crate::oov::OOV_SET))
                    }
                    None => [NONE; 3],
                }
            };
        }
        if cache.is_some_and(|c| c.get(h_raw).is_some()) {
            out.push(TokenInfo {
                norm: h_norm,
                raw: h_raw,
                stem: h_stem,
                shape: shape_hash(tok),
                clus,
                clus2: if flags & F_CLUSTERS2 != 0 {
                    cluster_hashes(clusters, cluster_key(h_norm, 1))
                } else {
                    [NONE; 3]
                },
                gaz: extra_bits.get(i).copied().unwrap_or(0),
                trig,
                smid,
                proto,
                proto_ids_ctx: flags & F_PROTO_CTX_IDS != 0,
                stem_mf,
                nl,
                nl_on,
                ..Default::default()
            });
            if let (Some(m), Some(x)) = (memo.as_deref_mut(), out.last()) {
                if m.recs.len() < WordMemo::CAP && m.index.get(h_raw).is_none() {
                    m.index.insert(h_raw, m.recs.len() as u64);
                    if let Some(r) = recs.get_mut(i) {
                        *r = m.recs.len() as u32;
                    }
                    m.recs.push(WordRec {
                        norm: norm.into(),
                        h_norm: x.norm,
                        h_stem: x.stem,
                        shape: x.shape,
                        clus: x.clus,
                        clus2: x.clus2,
                        kb_w: 0,
                    });
                }
            }
            continue;
        }
        let (pfx, sfx) = affix_hashes(norm);
        let (spfx, ssfx) = if seg.stem.len() == norm.len() {
            (pfx, sfx)
        } else {
            affix_hashes(seg.stem)
        };
        out.push(TokenInfo {
            norm: h_norm,
            raw: h_raw,
            stem: h_stem,
            pre: hash_str(seg.prefix),
            suf: hash_str(seg.suffix),
            shape: shape_hash(tok),
            len: norm.chars().count().min(10) as u64 + 1,
            clus,
            sclus: if seg.stem.len() < norm.len() {
                stem_clus.unwrap_or_else(|| cluster_hashes(clusters, h_stem))
            } else {
                [NONE; 3]
            },
            clus2: if flags & F_CLUSTERS2 != 0 {
                cluster_hashes(clusters, cluster_key(h_norm, 1))
            } else {
                [NONE; 3]
            },
            gaz: extra_bits.get(i).copied().unwrap_or(0),
            pfx,
            sfx,
            stem_pfx3: spfx[2],
            stem_sfx2: ssfx[1],
            stem_sfx3: ssfx[2],
            kb_b: 0,
            kb_i: 0,
            kb_w: 0,
            trig,
            smid,
            proto,
            proto_ids_ctx: flags & F_PROTO_CTX_IDS != 0,
            stem_mf,
            auto: 0,
            hint: 0,
            nl,
            nl_on,
            ngrams: [0; MAX_NGRAMS + MAX_STEM_NGRAMS],
            n_ngrams: 0,
            span: Default::default(),
        });
        if flags & F_CHAR_NGRAMS != 0 {
            if let Some(ti) = out.last_mut() {
                char_trigrams(norm, ti);
                if flags & F_STEM_NGRAMS != 0 && seg.stem.len() < norm.len() {
                    let k = char_trigrams_into(
                        seg.stem,
                        91,
                        &mut ti.ngrams,
                        ti.n_ngrams as usize,
                        MAX_STEM_NGRAMS,
                    );
                    ti.n_ngrams = k as u8;
                }
            }
        }
    }
    if flags & (crate::spanfeat::F_QUOTES | crate::spanfeat::F_HEADS | F_AUTO) != 0 {
        let nrefs: Vec<&str> = ranges
            .iter()
            .map(|&(a, b)| all.get(a..b).unwrap_or(""))
            .collect();
        if flags & (crate::spanfeat::F_QUOTES | crate::spanfeat::F_HEADS) != 0 {
            let mut sp = Vec::new();
            crate::spanfeat::analyse_spans(tokens, &nrefs, flags, &mut sp);
            for (t, x) in out.iter_mut().zip(sp) {
                t.span = x;
            }
        }
        if flags & F_AUTO != 0 {
            crate::autolex::matches(clusters, &nrefs, |i, end, mask| {
                for k in i..end {
                    if let Some(x) = out.get_mut(k) {
                        x.auto |= if k == i {
                            mask as u8
                        } else {
                            (mask as u8) << 4
                        };
                    }
                }
            });
        }
    }
    if lex.map.is_empty() {
        return;
    }
    let nrefs: Vec<&str> = ranges
        .iter()
        .map(|&(a, b)| all.get(a..b).unwrap_or(""))
        .collect();
    lex_matches(&lex.map, 0, lex.gaz_len, &nrefs, |i, end, mask| {
        for t in 0..4 {
            if mask & (1 << t) != 0 {
                if let Some(x) = out.get_mut(i) {
                    x.gaz |= gaz_b(t);
                }
                for k in i + 1..end {
                    if let Some(x) = out.get_mut(k) {
                        x.gaz |= gaz_i(t);
                    }
                }
            }
        }
    });
    if flags & F_KB != 0 && lex.has_kb {
        lex_matches(&lex.map, SHIFT_KB, lex.kb_len, &nrefs, |i, end, mask| {
            if let Some(x) = out.get_mut(i) {
                x.kb_b |= mask as u8;
            }
            for k in i + 1..end {
                if let Some(x) = out.get_mut(k) {
                    x.kb_i |= mask as u8;
                }
            }
        });
        for (i, (t, n)) in out.iter_mut().zip(&nrefs).enumerate() {
            let rec = recs.get(i).copied().unwrap_or(u32::MAX);
            let m = memo.as_deref_mut().filter(|_| rec != u32::MAX);
            match (m, found.get(i).copied().unwrap_or(false)) {
                (Some(m), true) => {
                    t.kb_w = m.recs.get(rec as usize).map(|x| x.kb_w).unwrap_or(0);
                }
                (Some(m), false) => {
                    t.kb_w = lex.word_bits(n, t.norm);
                    if let Some(x) = m.recs.get_mut(rec as usize) {
                        x.kb_w = t.kb_w;
                    }
                }
                (None, _) => t.kb_w = lex.word_bits(n, t.norm),
            }
        }
    }
}

#[inline]
fn f(template: u64, h: u64) -> u64 {
    let k = mix(h ^ template.wrapping_mul(0x9E37_79B9_7F4A_7C15));
    k.max(1)
}

#[inline]
fn pair(a: u64, b: u64) -> u64 {
    mix(a.wrapping_add(0x2545_F491_4F6C_DD1D)) ^ b
}

/// Emit the feature keys of token `i` into `out` (appending).
pub fn token_features(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let Some(t) = toks.get(i) else {
        return;
    };
    let at = |j: isize| -> Option<&TokenInfo> {
        if j < 0 {
            None
        } else {
            toks.get(j as usize)
        }
    };
    let ii = i as isize;
    let norm_at = |j: isize| {
        at(j)
            .map(|x| x.norm)
            .unwrap_or(if j < 0 { BOS } else { EOS })
    };
    let (nm2, nm1, np1, np2) = (
        norm_at(ii - 2),
        norm_at(ii - 1),
        norm_at(ii + 1),
        norm_at(ii + 2),
    );
    out.push(f(1, 0));
    out.push(f(2, t.raw));
    out.push(f(3, t.norm));
    out.push(f(4, nm1));
    out.push(f(5, np1));
    out.push(f(6, nm2));
    out.push(f(7, np2));
    out.push(f(8, pair(nm1, t.norm)));
    out.push(f(9, pair(t.norm, np1)));
    out.push(f(10, t.stem));
    let stem_at = |j: isize| {
        at(j)
            .map(|x| x.stem)
            .unwrap_or(if j < 0 { BOS } else { EOS })
    };
    out.push(f(11, stem_at(ii - 1)));
    out.push(f(12, stem_at(ii + 1)));
    out.push(f(13, t.pre));
    out.push(f(14, t.suf));
    for k in 0..4 {
        if t.pfx[k] != NONE {
            out.push(f(16 + k as u64, t.pfx[k]));
        }
        if t.sfx[k] != NONE {
            out.push(f(20 + k as u64, t.sfx[k]));
        }
    }
    out.push(f(24, t.stem_pfx3));
    out.push(f(25, t.stem_sfx2));
    out.push(f(26, t.stem_sfx3));
    out.push(f(27, t.shape));
    let shape_at = |j: isize| {
        at(j)
            .map(|x| x.shape)
            .unwrap_or(if j < 0 { BOS } else { EOS })
    };
    out.push(f(
        28,
        pair(pair(shape_at(ii - 1), t.shape), shape_at(ii + 1)),
    ));
    out.push(f(29, t.len));
    let clus_at = |j: isize| {
        at(j)
            .map(|x| x.clus)
            .unwrap_or(if j < 0 { [BOS; 3] } else { [EOS; 3] })
    };
    for (base, j) in [
        (30u64, ii),
        (33, ii - 1),
        (36, ii + 1),
        (39, ii - 2),
        (42, ii + 2),
    ] {
        let c = clus_at(j);
        for (k, h) in c.iter().enumerate() {
            out.push(f(base + k as u64, *h));
        }
    }
    for (k, h) in t.sclus.iter().enumerate() {
        if *h != NONE {
            out.push(f(45 + k as u64, *h));
        }
    }
    if t.clus2[0] != NONE || at(ii - 1).is_some_and(|x| x.clus2[0] != NONE) {
        let c2_at = |j: isize| {
            at(j)
                .map(|x| x.clus2)
                .unwrap_or(if j < 0 { [BOS; 3] } else { [EOS; 3] })
        };
        for (base, j) in [(100u64, ii), (103, ii - 1), (106, ii + 1)] {
            for (k, h) in c2_at(j).iter().enumerate() {
                out.push(f(base + k as u64, *h));
            }
        }
    }
    out.push(f(48, pair(clus_at(ii - 1)[2], t.clus[2])));
    out.push(f(49, pair(t.clus[2], clus_at(ii + 1)[2])));
    let gaz_at = |j: isize| at(j).map(|x| x.gaz).unwrap_or(0);
    for (base, j) in [(50u64, ii), (60, ii - 1), (70, ii + 1)] {
        let g = gaz_at(j);
        for b in 0..8u64 {
            if g & (1 << b) != 0 {
                out.push(f(base + b, 0));
            }
        }
    }
    kb_features(toks, i, out);
    extra_context_features(toks, i, out);
    if t.span != crate::spanfeat::SpanInfo::default()
        || at(ii - 1).is_some_and(|x| x.span.qpos != 0)
        || at(ii + 1).is_some_and(|x| x.span.qpos != 0)
    {
        crate::spanfeat::span_features(|j| toks.get(j).map(|x| x.span), i, t.stem, out);
    }
    proto_own(t, out);
    proto_ctx(toks, i, out);
    stem_clus_ctx(toks, i, out);
    auto_ctx(toks, i, out);
    hint_ctx(toks, i, out);
    if t.nl_on != 0 {
        crate::namelike::own_features(t.nl, t.nl_on, |tpl, v| out.push(f(tpl, v)));
        nl_ctx(toks, i, out);
    }
    if i == 0 {
        out.push(f(80, 0));
    }
    for &h in t.ngrams.iter().take(t.n_ngrams as usize) {
        out.push(h);
    }
}

/// The features of token `i` that depend only on the token's own string (and the model's
/// lexicons), not on its neighbours or position. Together with [`context_features`] this is
/// exactly the multiset of [`token_features`]; the split lets the tagger cache the summed
/// weights of the static part per word form.
pub fn static_features(t: &TokenInfo, out: &mut Vec<u64>) {
    out.push(f(1, 0));
    out.push(f(2, t.raw));
    out.push(f(3, t.norm));
    out.push(f(10, t.stem));
    out.push(f(13, t.pre));
    out.push(f(14, t.suf));
    for k in 0..4 {
        if t.pfx[k] != NONE {
            out.push(f(16 + k as u64, t.pfx[k]));
        }
        if t.sfx[k] != NONE {
            out.push(f(20 + k as u64, t.sfx[k]));
        }
    }
    out.push(f(24, t.stem_pfx3));
    out.push(f(25, t.stem_sfx2));
    out.push(f(26, t.stem_sfx3));
    out.push(f(27, t.shape));
    out.push(f(29, t.len));
    for (k, h) in t.clus.iter().enumerate() {
        out.push(f(30 + k as u64, *h));
    }
    for (k, h) in t.sclus.iter().enumerate() {
        if *h != NONE {
            out.push(f(45 + k as u64, *h));
        }
    }
    if t.clus2[0] != NONE {
        for (k, h) in t.clus2.iter().enumerate() {
            out.push(f(100 + k as u64, *h));
        }
    }
    proto_own(t, out);
    if t.nl_on != 0 {
        crate::namelike::own_features(t.nl, t.nl_on, |tpl, v| out.push(f(tpl, v)));
    }
    for &h in t.ngrams.iter().take(t.n_ngrams as usize) {
        out.push(h);
    }
}

/// The features of token `i` that depend on its neighbours or position (see
/// [`static_features`]): [`tabled_context`] (every pair hashed with [`f`]) followed by
/// [`hashed_context`].
pub fn context_features(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    tabled_context(toks, i, |tpl, v| out.push(f(tpl, v)));
    hashed_context(toks, i, out);
}

/// The key of template `tpl` with value `v` (the hashing every template goes through).
#[inline]
pub fn feature_key(tpl: u64, v: u64) -> u64 {
    f(tpl, v)
}

/// Value domain of a [`TABLED`] template: the values [`tabled_context`] can pass with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Domain {
    /// A flag: the value is always 0.
    Flag,
    /// A cluster hash of granularity `k` (0 coarse, 1 mid, 2 fine): `id + 1`, or the
    /// `NONE`/`BOS`/`EOS` markers.
    Cluster(usize),
}

/// Writes flag templates `base + 0 .. base + width` of every base into `t` from `n` on;
/// returns the next free index.
const fn flag_templates(
    t: &mut [(u64, Domain); TABLED_LEN],
    mut n: usize,
    bases: &[u64],
    width: u64,
) -> usize {
    let mut i = 0;
    while i < bases.len() {
        let mut b = 0;
        while b < width {
            t[n] = (bases[i] + b, Domain::Flag);
            n += 1;
            b += 1;
        }
        i += 1;
    }
    n
}

/// Templates that [`tabled_context`] emits and the value domain of each. Their values come
/// from small sets, so a tagger can precompute the weight row of every (template, value)
/// pair once and add rows instead of hashing and probing (`crate::ctxtab`).
pub const TABLED: &[(u64, Domain)] = &{
    let mut t = [(0u64, Domain::Flag); TABLED_LEN];
    let mut n = 0;
    // clusters of the ±1, ±2 neighbours, second cluster set: own (as NONE) and ±1
    let cl: [u64; 7] = [33, 36, 39, 42, 100, 103, 106];
    let mut c = 0;
    while c < cl.len() {
        let mut k = 0;
        while k < 3 {
            t[n] = (cl[c] + k as u64, Domain::Cluster(k));
            n += 1;
            k += 1;
        }
        c += 1;
    }
    // gazetteer bits of i, i-1, i+1
    n = flag_templates(&mut t, n, &[50, 60, 70], 8);
    // KB phrase B/I and word-list bits of i-1, i, i+1
    n = flag_templates(&mut t, n, &[120, 140, 160], 14 + KBW_BITS);
    t[n] = (80, Domain::Flag);
    t
};
const TABLED_LEN: usize = 7 * 3 + 3 * 8 + 3 * (14 + KBW_BITS as usize) + 1;

/// The contextual features of token `i` whose values come from small domains (see
/// [`TABLED`]), passed to `emit` as `(template, value)`: clusters of the ±1/±2 neighbours,
/// second-set clusters, gazetteer and KB bits, sentence start.
#[inline]
pub fn tabled_context(toks: &[TokenInfo], i: usize, mut emit: impl FnMut(u64, u64)) {
    let Some(t) = toks.get(i) else {
        return;
    };
    let prev = i.checked_sub(1).and_then(|j| toks.get(j));
    let next = toks.get(i + 1);
    let clus_at = |j: Option<&TokenInfo>, s: u64| j.map(|x| x.clus).unwrap_or([s; 3]);
    let prev2 = i.checked_sub(2).and_then(|j| toks.get(j));
    let next2 = toks.get(i + 2);
    for (base, c) in [
        (33u64, clus_at(prev, BOS)),
        (36, clus_at(next, EOS)),
        (39, clus_at(prev2, BOS)),
        (42, clus_at(next2, EOS)),
    ] {
        for (k, h) in c.iter().enumerate() {
            emit(base + k as u64, *h);
        }
    }
    if t.clus2[0] != NONE || prev.is_some_and(|x| x.clus2[0] != NONE) {
        if t.clus2[0] == NONE {
            for (k, h) in t.clus2.iter().enumerate() {
                emit(100 + k as u64, *h);
            }
        }
        for (base, c) in [
            (103u64, prev.map(|x| x.clus2).unwrap_or([BOS; 3])),
            (106, next.map(|x| x.clus2).unwrap_or([EOS; 3])),
        ] {
            for (k, h) in c.iter().enumerate() {
                emit(base + k as u64, *h);
            }
        }
    }
    for (base, g) in [
        (50u64, t.gaz),
        (60, prev.map(|x| x.gaz).unwrap_or(0)),
        (70, next.map(|x| x.gaz).unwrap_or(0)),
    ] {
        if g != 0 {
            for b in 0..8u64 {
                if g & (1 << b) != 0 {
                    emit(base + b, 0);
                }
            }
        }
    }
    for (base, x) in [(120u64, prev), (140, Some(t)), (160, next)] {
        let Some(x) = x else { continue };
        if x.kb_b | x.kb_i | x.kb_w == 0 {
            continue;
        }
        for b in 0..7u64 {
            if x.kb_b & (1 << b) != 0 {
                emit(base + b, 0);
            }
            if x.kb_i & (1 << b) != 0 {
                emit(base + 7 + b, 0);
            }
        }
        for b in 0..KBW_BITS {
            if x.kb_w & (1 << b) != 0 {
                emit(base + 14 + b, 0);
            }
        }
    }
    if i == 0 {
        emit(80, 0);
    }
}

/// The contextual features of token `i` that [`tabled_context`] does not cover, as keys:
/// word, stem and shape windows, bigrams, the KB bit conjunction and every optional
/// contextual template. New contextual templates belong here (or in `tabled_context` with
/// a [`TABLED`] entry when their values come from a small domain).
pub fn hashed_context(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let Some(t) = toks.get(i) else {
        return;
    };
    let at = |j: isize| -> Option<&TokenInfo> {
        if j < 0 {
            None
        } else {
            toks.get(j as usize)
        }
    };
    let ii = i as isize;
    let side = |j: isize| -> u64 {
        if j < 0 {
            BOS
        } else {
            EOS
        }
    };
    let norm_at = |j: isize| at(j).map(|x| x.norm).unwrap_or_else(|| side(j));
    let (nm2, nm1, np1, np2) = (
        norm_at(ii - 2),
        norm_at(ii - 1),
        norm_at(ii + 1),
        norm_at(ii + 2),
    );
    out.push(f(4, nm1));
    out.push(f(5, np1));
    out.push(f(6, nm2));
    out.push(f(7, np2));
    out.push(f(8, pair(nm1, t.norm)));
    out.push(f(9, pair(t.norm, np1)));
    let stem_at = |j: isize| at(j).map(|x| x.stem).unwrap_or_else(|| side(j));
    out.push(f(11, stem_at(ii - 1)));
    out.push(f(12, stem_at(ii + 1)));
    let shape_at = |j: isize| at(j).map(|x| x.shape).unwrap_or_else(|| side(j));
    out.push(f(
        28,
        pair(pair(shape_at(ii - 1), t.shape), shape_at(ii + 1)),
    ));
    let clus2_at = |j: isize| {
        at(j)
            .map(|x| x.clus[2])
            .unwrap_or(if j < 0 { BOS } else { EOS })
    };
    out.push(f(48, pair(clus2_at(ii - 1), t.clus[2])));
    out.push(f(49, pair(t.clus[2], clus2_at(ii + 1))));
    if t.kb_w != 0 || t.kb_b != 0 || t.kb_i != 0 {
        out.push(f(
            180,
            u64::from(t.kb_w) | u64::from(t.kb_b) << 8 | u64::from(t.kb_i) << 16,
        ));
    }
    if t.trig != 0
        || t.smid != 0
        || [ii - 2, ii - 1, ii + 1]
            .iter()
            .any(|&j| at(j).is_some_and(|x| x.trig != 0))
    {
        extra_context_features(toks, i, out);
    }
    if t.span != crate::spanfeat::SpanInfo::default()
        || at(ii - 1).is_some_and(|x| x.span.qpos != 0)
        || at(ii + 1).is_some_and(|x| x.span.qpos != 0)
    {
        crate::spanfeat::span_features(|j| toks.get(j).map(|x| x.span), i, t.stem, out);
    }
    proto_ctx(toks, i, out);
    stem_clus_ctx(toks, i, out);
    auto_ctx(toks, i, out);
    hint_ctx(toks, i, out);
    if t.nl_on != 0 {
        nl_ctx(toks, i, out);
    }
}

/// Name-likeness / morphology features of the ±1 neighbours (contextual, see
/// `crate::namelike::ctx_features`).
fn nl_ctx(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let prev = i.checked_sub(1).and_then(|j| toks.get(j)).map(|x| x.nl);
    let next = toks.get(i + 1).map(|x| x.nl);
    let on = toks.get(i).map(|x| x.nl_on).unwrap_or(0);
    crate::namelike::ctx_features(prev, next, on, |tpl, v| out.push(f(tpl, v)));
}

/// Knowledge-base features of token `i` (contextual: phrase matches depend on neighbours):
/// phrase type B/I bits and word-list bits of tokens i-1, i, i+1, and the token's phrase
/// type combined with its word-list bits.
fn kb_features(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    for (base, j) in [
        (120u64, i.checked_sub(1)),
        (140, Some(i)),
        (160, i.checked_add(1)),
    ] {
        let Some(t) = j.and_then(|j| toks.get(j)) else {
            continue;
        };
        for b in 0..7u64 {
            if t.kb_b & (1 << b) != 0 {
                out.push(f(base + b, 0));
            }
            if t.kb_i & (1 << b) != 0 {
                out.push(f(base + 7 + b, 0));
            }
        }
        for b in 0..KBW_BITS {
            if t.kb_w & (1 << b) != 0 {
                out.push(f(base + 14 + b, 0));
            }
        }
    }
    if let Some(t) = toks.get(i) {
        if t.kb_w != 0 || t.kb_b != 0 || t.kb_i != 0 {
            out.push(f(
                180,
                u64::from(t.kb_w) | u64::from(t.kb_b) << 8 | u64::from(t.kb_i) << 16,
            ));
        }
    }
}

/// Trigger-class and wide-window features of token `i` (only for tokens analysed with
/// [`F_TRIGGERS`] / [`F_WIDE`]; otherwise the fields are zero and nothing is emitted).
fn extra_context_features(toks: &[TokenInfo], i: usize, out: &mut Vec<u64>) {
    let at = |j: Option<usize>| j.and_then(|j| toks.get(j));
    let Some(t) = toks.get(i) else { return };
    for (base, j) in [
        (190u64, i.checked_sub(2)),
        (200, i.checked_sub(1)),
        (210, Some(i)),
        (220, i.checked_add(1)),
    ] {
        if let Some(x) = at(j) {
            for b in 0..4u64 {
                if x.trig & (1 << b) != 0 {
                    out.push(f(base + b, 0));
                }
            }
        }
    }
    if t.smid != 0 {
        let side = |j: Option<usize>, s: u64| {
            at(j)
                .map(|x| (x.norm, x.clus[1], x.smid))
                .unwrap_or((s, s, s))
        };
        let (nm3, cm3, _) = side(i.checked_sub(3), BOS);
        let (np3, cp3, _) = side(i.checked_add(3), EOS);
        let (_, _, sm1) = side(i.checked_sub(1), BOS);
        let (_, _, sp1) = side(i.checked_add(1), EOS);
        out.push(f(230, nm3));
        out.push(f(231, np3));
        out.push(f(232, cm3));
        out.push(f(233, cp3));
        out.push(f(234, sm1));
        out.push(f(235, sp1));
        out.push(f(236, t.smid));
    }
}

/// Hash of the raw token string: the key of the per-word static-weight cache.
pub fn raw_key(t: &TokenInfo) -> u64 {
    t.raw
}

/// Feature keys of a whole analysed sentence: flat keys plus per-token start offsets
/// (`offsets.len() == toks.len() + 1`).
pub fn sentence_features(toks: &[TokenInfo], keys: &mut Vec<u64>, offsets: &mut Vec<usize>) {
    keys.clear();
    offsets.clear();
    offsets.push(0);
    for i in 0..toks.len() {
        token_features(toks, i, keys);
        offsets.push(keys.len());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn affixes_and_shape() {
        let (p, s) = affix_hashes("abcde");
        assert_eq!(p[0], hash_str("a"));
        assert_eq!(p[3], hash_str("abcd"));
        assert_eq!(s[0], hash_str("e"));
        assert_eq!(s[3], hash_str("bcde"));
        let (p, s) = affix_hashes("ab");
        assert_eq!(p[0], hash_str("a"));
        assert_eq!((p[1], s[1]), (NONE, NONE));
        let mut b = [0u8; 8];
        assert_eq!(shape_into("U.N.", &mut b), b"XpXp");
        assert_eq!(shape_into("", &mut b), b"");
        assert_eq!(
            shape_into("a1a1a1a1a1", &mut b).len(),
            crate::normalize::shape("a1a1a1a1a1").len()
        );
    }

    #[test]
    fn oov_words_take_stem_then_ending_clusters() {
        let mut tab = ClusterTable::default();
        tab.insert(hash_str("محمد"), pack_clusters([1, 2, 3]));
        tab.insert(hash_str("قاهره"), pack_clusters([4, 5, 6]));
        crate::oov::insert_suffix_table(&mut tab, &[("فيتش".to_string(), [7, 8, 9])]);
        let lex = Lexicon::default();
        let toks = ["محمد", "ميلوسيفيتش", "بالقاهره", "زز"];
        let mut on = Vec::new();
        let mut off = Vec::new();
        analyse(&toks, &tab, &lex, &[], F_OOV_CLUSTERS, &mut on);
        analyse(&toks, &tab, &lex, &[], 0, &mut off);
        let ids = |c: [u16; 3]| {
            cluster_hashes(
                &{
                    let mut t = ClusterTable::default();
                    t.insert(1, pack_clusters(c));
                    t
                },
                1,
            )
        };
        // in-vocabulary word: unchanged
        assert_eq!(on[0].clus, off[0].clus);
        assert_eq!(on[0].clus, ids([1, 2, 3]));
        // unknown word: its ending's clusters only with the flag
        assert_eq!(off[1].clus, [NONE; 3]);
        assert_eq!(on[1].clus, ids([7, 8, 9]));
        // unknown word with a clustered stem: the stem's clusters (sclus unchanged)
        assert_eq!(off[2].clus, [NONE; 3]);
        assert_eq!(on[2].clus, ids([4, 5, 6]));
        assert_eq!(on[2].sclus, off[2].sclus);
        // nothing known: nothing
        assert_eq!(on[3].clus, [NONE; 3]);
    }

    #[test]
    fn static_plus_context_equals_token_features() {
        let mut tab = ClusterTable::default();
        tab.insert(hash_str("محمد"), pack_clusters([1, 2, 3]));
        tab.insert(cluster_key(hash_str("محمد"), 1), pack_clusters([4, 5, 6]));
        tab.insert(
            cluster_key(hash_str("القاهره"), 1),
            pack_clusters([7, 8, 9]),
        );
        tab.insert(hash_str("قاهره"), pack_clusters([1, 1, 1]));
        tab.insert(
            cluster_key(hash_str("محمد"), PROTO_SET),
            pack_clusters([1, 65, 2]),
        );
        tab.insert(
            cluster_key(hash_str("قاهره"), PROTO_SET),
            pack_clusters([129, 0, 0]),
        );
        tab.insert(
            cluster_key(hash_str("محمد"), crate::namelike::NL_SET),
            crate::namelike::pack([0x76, 9, 3, 0x123]),
        );
        crate::autolex::insert_phrases(
            &mut tab,
            &[
                (vec!["محمد".to_string(), "الي".to_string()], 0),
                (vec!["القاهره".to_string()], 1),
            ],
        );
        let mut gaz = Gazetteer::default();
        gaz.add(&["القاهره"], 1);
        let sents: [&[&str]; 4] = [
            &[
                "ذهب",
                "محمد",
                "الى",
                "القاهرة",
                "والقاهرة",
                "في",
                "2015",
                ".",
            ],
            &["محمد"],
            &["x", "محمد", "y"],
            &[],
        ];
        for toks in sents {
            let mut infos = Vec::new();
            analyse(
                toks,
                &tab,
                &Lexicon::new(&gaz, &KbLexicon::default()),
                &[gaz_b(0)],
                F_CHAR_NGRAMS
                    | F_CLUSTERS2
                    | F_PROTOS
                    | F_STEM_CLUS_CTX
                    | F_AUTO
                    | F_PROTO_CTX_IDS
                    | crate::namelike::F_NAMELIKE
                    | crate::namelike::F_MORPH,
                &mut infos,
            );
            for i in 0..infos.len() {
                let mut all = Vec::new();
                token_features(&infos, i, &mut all);
                let mut split = Vec::new();
                static_features(&infos[i], &mut split);
                context_features(&infos, i, &mut split);
                all.sort_unstable();
                split.sort_unstable();
                assert_eq!(all, split, "token {i} of {toks:?}");
            }
        }
    }

    #[test]
    fn namelike_rows_fall_back_to_the_stem_and_respect_parts() {
        use crate::namelike::{F_MORPH, F_NAMELIKE, NL_SET};
        let mut tab = ClusterTable::default();
        tab.insert(
            cluster_key(hash_str("قاهره"), NL_SET),
            crate::namelike::pack([0x65, 40, 8, 0x321]),
        );
        let lex = Lexicon::default();
        let mut infos = Vec::new();
        let toks = ["والقاهرة", "x"];
        analyse(&toks, &tab, &lex, &[], F_NAMELIKE | F_MORPH, &mut infos);
        assert_eq!(infos[0].nl, [0x65, 40, 8, 0x321]);
        assert_eq!(infos[1].nl, [0, 0, 0, 0]);
        analyse(&toks, &tab, &lex, &[], F_NAMELIKE, &mut infos);
        assert_eq!(infos[0].nl, [0x65, 0, 0, 0x321]);
        let mut with = Vec::new();
        token_features(&infos, 0, &mut with);
        analyse(&toks, &tab, &lex, &[], F_MORPH, &mut infos);
        assert_eq!(infos[0].nl, [0, 40, 8, 0]);
        analyse(&toks, &tab, &lex, &[], 0, &mut infos);
        assert_eq!(infos[0].nl_on, 0);
        let mut without = Vec::new();
        token_features(&infos, 0, &mut without);
        // own buckets, pair, and the neighbour's "absent" + boundary values
        assert!(with.len() >= without.len() + 4);
    }

    #[test]
    fn prototype_features_fall_back_to_the_stem() {
        let mut tab = ClusterTable::default();
        tab.insert(
            cluster_key(hash_str("قاهره"), PROTO_SET),
            pack_clusters([129, 130, 0]),
        );
        let lex = Lexicon::default();
        let mut infos = Vec::new();
        analyse(&["والقاهرة", "x"], &tab, &lex, &[], F_PROTOS, &mut infos);
        assert_eq!(infos[0].proto, [129, 130, 0]);
        assert_eq!(infos[1].proto, [0, 0, 0]);
        assert_eq!(proto_label_bits(&infos[0].proto), 1 << 2);
        let mut out = Vec::new();
        token_features(&infos, 1, &mut out);
        assert!(out.contains(&f(312, 2)));
        analyse(&["والقاهرة"], &tab, &lex, &[], 0, &mut infos);
        assert_eq!(infos[0].proto, [0, 0, 0]);
    }

    #[test]
    fn parses_kb_values() {
        assert_eq!(parse_gaz_values("LOC-B"), gaz_b(1));
        assert_eq!(parse_gaz_values("B-PERS|ORG-I"), gaz_b(0) | gaz_i(2));
        assert_eq!(parse_gaz_values(""), 0);
        assert_eq!(parse_gaz_values("FOO-B,bar"), 0);
    }

    #[test]
    fn gazetteer_marks_longest() {
        let mut g = Gazetteer::default();
        g.add(&["نيويورك"], 1);
        g.add(&["نيويورك", "تايمز"], 2);
        let toks = ["قالت", "نيويورك", "تايمز", "في", "نيويورك"];
        let mut bits = vec![0u8; 5];
        g.mark(&toks, &mut bits);
        assert_eq!(bits, vec![0, gaz_b(2), gaz_i(2), 0, gaz_b(1)]);
    }

    #[test]
    fn features_are_deterministic_and_contextual() {
        let tab = ClusterTable::default();
        let gaz = Gazetteer::default();
        let mut a = Vec::new();
        analyse(
            &["ذهب", "محمد", "الى", "القاهرة"],
            &tab,
            &Lexicon::new(&gaz, &KbLexicon::default()),
            &[],
            0,
            &mut a,
        );
        let mut b = Vec::new();
        analyse(
            &["ذهب", "محمد", "الى", "القاهرة"],
            &tab,
            &Lexicon::new(&gaz, &KbLexicon::default()),
            &[],
            0,
            &mut b,
        );
        let (mut ka, mut oa, mut kb, mut ob) = (vec![], vec![], vec![], vec![]);
        sentence_features(&a, &mut ka, &mut oa);
        sentence_features(&b, &mut kb, &mut ob);
        assert_eq!(ka, kb);
        assert_eq!(oa.len(), 5);
        let mut c = Vec::new();
        analyse(
            &["رأى", "محمد", "الى", "القاهرة"],
            &tab,
            &Lexicon::new(&gaz, &KbLexicon::default()),
            &[],
            0,
            &mut c,
        );
        let (mut kc, mut oc) = (vec![], vec![]);
        sentence_features(&c, &mut kc, &mut oc);
        // token 1 shares its own-word features but not its left-context ones
        let f1a = &ka[oa[1]..oa[2]];
        let f1c = &kc[oc[1]..oc[2]];
        assert_ne!(f1a, f1c);
        assert!(f1a.iter().filter(|k| f1c.contains(k)).count() > 10);
        // empty input
        analyse(
            &[],
            &tab,
            &Lexicon::new(&gaz, &KbLexicon::default()),
            &[],
            0,
            &mut c,
        );
        sentence_features(&c, &mut kc, &mut oc);
        assert!(kc.is_empty());
        assert_eq!(oc, vec![0]);
    }

    #[test]
    fn stem_trigrams_only_with_flag_and_clitics() {
        let lex = Lexicon::default();
        let tab = ClusterTable::default();
        let mut a = Vec::new();
        analyse(
            &["والقاهرة", "بغداد"],
            &tab,
            &lex,
            &[],
            F_CHAR_NGRAMS,
            &mut a,
        );
        let mut b = Vec::new();
        let both = F_CHAR_NGRAMS | F_STEM_NGRAMS;
        analyse(&["والقاهرة", "بغداد"], &tab, &lex, &[], both, &mut b);
        // the clitic word gains its stem's trigrams; a word without clitics is unchanged
        assert!(b[0].n_ngrams > a[0].n_ngrams);
        assert_eq!(b[1].n_ngrams, a[1].n_ngrams);
        assert!(usize::from(b[0].n_ngrams) <= MAX_NGRAMS + MAX_STEM_NGRAMS);
    }

    #[test]
    fn trigger_classes() {
        let ws: Vec<&str> = TRIGGERS.iter().map(|x| x.0).collect();
        let mut sorted = ws.clone();
        sorted.sort_unstable();
        assert_eq!(ws, sorted, "TRIGGERS must stay sorted for binary search");
        assert_eq!(trigger_class("رئيس"), TRIG_TITLE);
        assert_eq!(trigger_class("وزاره"), TRIG_ORG);
        assert_eq!(trigger_class("كتاب"), 0);
        let mut infos = Vec::new();
        let lex = Lexicon::default();
        analyse(
            &["والرئيس", "محمد"],
            &ClusterTable::default(),
            &lex,
            &[],
            F_TRIGGERS,
            &mut infos,
        );
        assert_eq!(infos[0].trig, TRIG_TITLE);
    }

    #[test]
    fn kb_lexicon_marks_phrases_words_and_proclitic_forms() {
        let mut kb = KbLexicon::default();
        kb.phrases.add(&["الامم", "المتحده"], KB_ORG);
        kb.phrases.add(&["القاهره"], KB_LOC_MAJOR);
        kb.words.insert(hash_str("حسني"), u64::from(KBW_FIRST));
        kb.words.insert(hash_str("مبارك"), u64::from(KBW_LAST));
        let mut gaz = Gazetteer::default();
        gaz.add(&["القاهره"], 1);
        let lex = Lexicon::new(&gaz, &kb);
        let toks = ["قالت", "الأمم", "المتحدة", "وحسني", "مبارك", "بالقاهرة"];
        let mut infos = Vec::new();
        analyse(&toks, &ClusterTable::default(), &lex, &[], F_KB, &mut infos);
        let b: Vec<u8> = infos.iter().map(|t| t.kb_b).collect();
        let i: Vec<u8> = infos.iter().map(|t| t.kb_i).collect();
        let w: Vec<u8> = infos.iter().map(|t| t.kb_w).collect();
        assert_eq!(b, vec![0, 1 << KB_ORG, 0, 0, 0, 1 << KB_LOC_MAJOR]);
        assert_eq!(i, vec![0, 0, 1 << KB_ORG, 0, 0, 0]);
        assert_eq!(w, vec![0, 0, 0, KBW_FIRST, KBW_LAST, 0]);
        // the training gazetteer shares the merged table but keeps its own bits
        assert_eq!(infos[5].gaz, gaz_b(1));
        assert_eq!(infos[1].gaz, 0);
        // KB features appear only with the flag, and only for marked tokens or neighbours
        let mut with = Vec::new();
        context_features(&infos, 1, &mut with);
        analyse(&toks, &ClusterTable::default(), &lex, &[], 0, &mut infos);
        assert!(infos.iter().all(|t| t.kb_b | t.kb_i | t.kb_w == 0));
        let mut without = Vec::new();
        context_features(&infos, 1, &mut without);
        assert!(with.len() > without.len());
    }
}
