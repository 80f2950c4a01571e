//! Name-likeness and distributional morphology of words, learnt from data independent of
//! ANERcorp (issue #4: recall on names never seen in training).
//!
//! Two kinds of per-word evidence are computed once, offline, and stored in one word table
//! (cluster-file format, embedded in the model's cluster table under set [`NL_SET`], so
//! tagging costs one probe per token, two when the word is missing and its stem is tried):
//!
//! 1. **Name-likeness of the characters.** Transliterated foreign names (persons, places,
//!    clubs, companies) have character sequences unlike native root-and-pattern words. A
//!    naive-Bayes classifier over character 2–4-grams of `^stem$` separates the words of
//!    knowledge-base names (`data/places`, `data/actors`, read with `rasd_kb::source`) from
//!    frequent ordinary words of SaudiNewsNet; a stem in both sets is left out of both
//!    (ambiguous: «محمد», «مدينه»). The score is the mean log-likelihood ratio of the
//!    n-grams; it is bucketised into [`NL_BUCKETS`] quantile buckets over the table's words
//!    for the word form and for its clitic-stripped stem. No ANERcorp data is used.
//! 2. **Distributional morphology profile** from SaudiNewsNet: for the word's base (the
//!    form without proclitics) how often it carries the article «ال», another proclitic,
//!    an enclitic pronoun (on its stem), whether plural / dual / feminine / nisba variants
//!    of the base occur in the corpus, its frequency, and how often it follows a person
//!    title, a speech verb, an organisation head noun or a place head noun. Proper nouns rarely take «ال» or pronouns and have no plural.
//!
//! Table columns (`word<TAB>a<TAB>b<TAB>c`, all `u16`):
//! `a` = name-likeness bucket of the word (bits 0–3, 1-based) and of its stem (bits 4–7);
//! `b` = frequency bucket (bits 0–2), article (3–5), other proclitic (6–8), enclitic
//! (9–11) fraction buckets; `c` = variant bits (plural, dual, feminine, nisba: bits 0–3),
//! after-title (4–6), after-speech-verb (7–9), after-organisation-head (10–12) and
//! after-place-head (13–15) fraction buckets. Only per-word statistics
//! are written, never corpus text.

use crate::clusters::read_corpus;
use crate::features::trigger_class;
use crate::features::{TRIG_LOC, TRIG_ORG, TRIG_SAY, TRIG_TITLE};
use crate::normalize::{is_arabic_letter, normalize, segment};
use crate::util::{hash_str, Fnv};
use crate::Error;
use rustc_hash::{FxHashMap, FxHashSet};
use std::io::Write;
use std::path::Path;

/// Cluster-table set index ([`crate::features::cluster_key`]) of the name-likeness table.
pub const NL_SET: u64 = 8;

/// Number of name-likeness buckets (quantiles of the score over the table's words).
pub const NL_BUCKETS: usize = 8;

/// Feature flag: name-likeness buckets of the token (word and stem) and of its ±1
/// neighbours.
pub const F_NAMELIKE: u32 = 1 << 24;

/// Feature flag: distributional morphology profile of the token.
pub const F_MORPH: u32 = 1 << 25;

/// Which parts a feature-flag word switches on: 1 = name-likeness ([`F_NAMELIKE`]),
/// 2 = morphology profile ([`F_MORPH`]).
#[inline]
pub fn parts(flags: u32) -> u8 {
    u8::from(flags & F_NAMELIKE != 0) | u8::from(flags & F_MORPH != 0) << 1
}

/// Table row of a word (or, when the word has none, of its clitic-stripped stem), with the
/// columns of parts that are off zeroed. `[0; 4]` when neither is in the table.
#[inline]
pub fn lookup(tab: &crate::features::ClusterTable, h_norm: u64, h_stem: u64, on: u8) -> [u16; 4] {
    use crate::features::cluster_key;
    let v = tab.get(cluster_key(h_norm, NL_SET)).or_else(|| {
        if h_stem != h_norm {
            tab.get(cluster_key(h_stem, NL_SET))
        } else {
            None
        }
    });
    let Some(v) = v else { return [0; 4] };
    let col = |k: u32| ((v >> (16 * k)) & 0xFFFF) as u16;
    let (a, d) = if on & 1 != 0 {
        (col(0), col(3))
    } else {
        (0, 0)
    };
    let (b, c) = if on & 2 != 0 {
        (col(1), col(2))
    } else {
        (0, 0)
    };
    [a, b, c, d]
}

/// The token's own features (static: depend on the word only), as `(template, value)`
/// pairs: name-likeness buckets of word and stem and their pair; frequency, article,
/// proclitic, enclitic, variant, after-title and after-speech-verb values, and the
/// article × variants × frequency conjunction; a "not in the table" marker.
#[inline]
pub fn own_features(nl: [u16; 4], on: u8, mut emit: impl FnMut(u64, u64)) {
    if nl == [0; 4] {
        emit(400, u64::from(on));
        return;
    }
    let [a, b, c, d] = nl.map(u64::from);
    if on & 1 != 0 {
        emit(401, a & 0xF);
        emit(402, a >> 4);
        emit(403, a);
        emit(404, d & 0xF);
        emit(405, (d >> 4) & 0xF);
        emit(406, (d >> 8) & 0xF);
    }
    if on & 2 != 0 {
        emit(410, b & 7);
        emit(411, (b >> 3) & 7);
        emit(412, (b >> 6) & 7);
        emit(413, (b >> 9) & 7);
        emit(414, c & 0xF);
        emit(415, (c >> 4) & 7);
        emit(416, (c >> 7) & 7);
        emit(418, (c >> 10) & 7);
        emit(419, (c >> 13) & 7);
        emit(417, (b & 0x3F) | (c & 0xF) << 6);
    }
}

/// Features from the ±1 neighbours' rows (contextual): their stem name-likeness buckets,
/// and their article buckets.
#[inline]
pub fn ctx_features(
    prev: Option<[u16; 4]>,
    next: Option<[u16; 4]>,
    on: u8,
    mut emit: impl FnMut(u64, u64),
) {
    for (tpl, x) in [(420u64, prev), (424, next)] {
        // 0xFFFF marks a sentence boundary
        let [a, b, _, _] = x.unwrap_or([0xFFFF; 4]).map(u64::from);
        if on & 1 != 0 {
            emit(tpl, a >> 4);
        }
        if on & 2 != 0 {
            emit(tpl + 1, (b >> 3) & 7);
        }
    }
}

/// Parameters of the table build.
#[derive(Debug, Clone)]
pub struct NameLikeParams {
    /// Seed of the held-out split used to report the classifier's accuracy.
    pub seed: u64,
    /// Minimum SaudiNewsNet count of a word form to get a table row.
    pub min_count: u32,
    /// Minimum corpus count of a stem to be an "ordinary word" negative example.
    pub neg_min_count: u32,
    /// Laplace smoothing of the n-gram counts.
    pub alpha: f64,
}

impl Default for NameLikeParams {
    fn default() -> Self {
        NameLikeParams {
            seed: 1,
            min_count: 5,
            neg_min_count: 30,
            alpha: 0.5,
        }
    }
}

/// Call `f` with the hash of every character 2-, 3- and 4-gram of `^s$`.
fn ngrams(s: &str, mut f: impl FnMut(u64)) {
    let mut cs: Vec<char> = Vec::with_capacity(s.len() + 2);
    cs.push('^');
    cs.extend(s.chars());
    cs.push('$');
    for n in 2..=4usize {
        for w in cs.windows(n) {
            let mut h = Fnv::new(n as u32);
            for c in w {
                h.int(u64::from(*c as u32));
            }
            f(h.finish());
        }
    }
}

/// Naive-Bayes character n-gram model: n-gram → log P(g | name) − log P(g | word).
#[derive(Debug, Clone, Default)]
pub struct NameModel {
    weights: FxHashMap<u64, f32>,
}

impl NameModel {
    /// Train on positive (name) and negative (ordinary word) strings, smoothing `alpha`.
    pub fn train(pos: &[&str], neg: &[&str], alpha: f64) -> NameModel {
        let mut cp: FxHashMap<u64, f64> = FxHashMap::default();
        let mut cn: FxHashMap<u64, f64> = FxHashMap::default();
        let (mut tp, mut tn) = (0f64, 0f64);
        for s in pos {
            ngrams(s, |g| {
                *cp.entry(g).or_insert(0.0) += 1.0;
                tp += 1.0;
            });
        }
        for s in neg {
            ngrams(s, |g| {
                *cn.entry(g).or_insert(0.0) += 1.0;
                tn += 1.0;
            });
        }
        let mut keys: FxHashSet<u64> = cp.keys().copied().collect();
        keys.extend(cn.keys().copied());
        let v = keys.len() as f64;
        let weights = keys
            .into_iter()
            .map(|g| {
                let p = (cp.get(&g).copied().unwrap_or(0.0) + alpha) / (tp + alpha * v);
                let q = (cn.get(&g).copied().unwrap_or(0.0) + alpha) / (tn + alpha * v);
                (g, (p / q).ln() as f32)
            })
            .collect();
        NameModel { weights }
    }

    /// Mean log-likelihood ratio of the n-grams of `^s$` (unknown n-grams count 0);
    /// positive = more name-like.
    pub fn score(&self, s: &str) -> f32 {
        let (mut sum, mut n) = (0f32, 0u32);
        ngrams(s, |g| {
            sum += self.weights.get(&g).copied().unwrap_or(0.0);
            n += 1;
        });
        if n == 0 {
            0.0
        } else {
            sum / n as f32
        }
    }
}

/// Whether `s` is a plain Arabic word of at least three letters (classifier input).
fn arabic_word(s: &str) -> bool {
    s.chars().count() >= 3 && s.chars().all(is_arabic_letter)
}

/// Entity-type index of a KB name stem in [`kb_name_stems`]: person.
pub const KB_T_PERS: u8 = 0;
/// … place.
pub const KB_T_LOC: u8 = 1;
/// … organisation.
pub const KB_T_ORG: u8 = 2;

/// Clitic-stripped stems of the words of every person, organisation and place name
/// (all place kinds) in the knowledge-base folder `dir`, with their type
/// ([`KB_T_PERS`], [`KB_T_LOC`], [`KB_T_ORG`]), sorted and deduplicated.
pub fn kb_name_stems(dir: &Path) -> Result<Vec<(String, u8)>, Error> {
    use rasd_kb::source::Sources;
    use rasd_kb::EntryKind;
    if !dir.join("actors").is_dir() && !dir.join("places").is_dir() {
        return Err(Error::Data(format!(
            "{}: no knowledge-base folders (places/, actors/)",
            dir.display()
        )));
    }
    let src = Sources::read_dir(dir);
    let mut out: Vec<(String, u8)> = Vec::new();
    for row in &src.rows {
        let ty = match row.kind {
            Some(EntryKind::Person) => KB_T_PERS,
            Some(EntryKind::Place) => KB_T_LOC,
            Some(EntryKind::Org) => KB_T_ORG,
            _ => continue,
        };
        for name in &row.names_ar {
            for t in name.split_whitespace() {
                let n = normalize(t);
                let st = segment(&n).stem;
                if arabic_word(st) {
                    out.push((st.to_string(), ty));
                }
            }
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

/// Fraction bucket: 0 = fewer than 5 occurrences, then < 1 %, < 5 %, < 20 %, < 50 %, ≥ 50 %.
pub fn frac_bucket(part: u64, total: u64) -> u16 {
    if total < 5 {
        return 0;
    }
    let f = part as f64 / total as f64;
    if f < 0.01 {
        1
    } else if f < 0.05 {
        2
    } else if f < 0.2 {
        3
    } else if f < 0.5 {
        4
    } else {
        5
    }
}

/// Frequency bucket 1..=7 (about one per factor 4).
pub fn freq_bucket(n: u64) -> u16 {
    if n == 0 {
        return 0;
    }
    let l = 63 - n.leading_zeros() as u16; // floor(log2 n)
    1 + (l / 2).min(6)
}

/// Per-base counts gathered from the corpus.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct BaseStats {
    /// Occurrences of forms with this base.
    pub n: u64,
    /// … of which with the article (ال / لل).
    pub al: u64,
    /// … with a proclitic other than the bare article (و ف ب ك ل س).
    pub procl: u64,
    /// … right after a person title.
    pub title: u64,
    /// … right after a speech verb.
    pub say: u64,
    /// … right after an organisation head noun (وزارة, شركة, نادي …).
    pub org: u64,
    /// … right after a place head noun (مدينة, منطقة, شمال …).
    pub loc: u64,
}

/// Corpus statistics behind the morphology profile.
#[derive(Debug, Clone, Default)]
pub struct MorphStats {
    /// Normalised form → count.
    pub forms: FxHashMap<String, u64>,
    /// Base (form without proclitics) → counts.
    pub bases: FxHashMap<String, BaseStats>,
    /// Stem → (occurrences, occurrences with an unambiguous enclitic pronoun).
    pub stems: FxHashMap<String, (u64, u64)>,
}

/// The proclitic-free part of a normalised form (the stem plus any enclitic).
pub fn base_of(norm: &str) -> &str {
    let seg = segment(norm);
    norm.get(seg.prefix.len()..).unwrap_or(norm)
}

impl MorphStats {
    /// Count forms, bases and stems over normalised paragraphs.
    pub fn count(paras: &[Vec<String>]) -> MorphStats {
        let mut forms: FxHashMap<String, u64> = FxHashMap::default();
        // form → after title, speech verb, organisation head, place head
        let mut ctx: FxHashMap<String, [u64; 4]> = FxHashMap::default();
        for p in paras {
            let mut prev = 0u8;
            for w in p {
                *forms.entry(w.clone()).or_insert(0) += 1;
                if prev != 0 {
                    let e = ctx.entry(w.clone()).or_insert([0; 4]);
                    for (k, bit) in [TRIG_TITLE, TRIG_SAY, TRIG_ORG, TRIG_LOC]
                        .into_iter()
                        .enumerate()
                    {
                        if prev & bit != 0 {
                            if let Some(x) = e.get_mut(k) {
                                *x += 1;
                            }
                        }
                    }
                }
                prev = trigger_class(segment(w).stem);
            }
        }
        let mut bases: FxHashMap<String, BaseStats> = FxHashMap::default();
        let mut stems: FxHashMap<String, (u64, u64)> = FxHashMap::default();
        let mut sorted: Vec<(&String, &u64)> = forms.iter().collect();
        sorted.sort();
        for (w, &c) in sorted {
            let seg = segment(w);
            let base = w.get(seg.prefix.len()..).unwrap_or(w);
            let b = bases.entry(base.to_string()).or_default();
            b.n += c;
            let art = seg.prefix.ends_with("ال") || seg.prefix.ends_with("لل");
            if art {
                b.al += c;
            }
            if !seg.prefix.is_empty() && seg.prefix != "ال" {
                b.procl += c;
            }
            if let Some(&[t, s, o, l]) = ctx.get(w.as_str()) {
                b.title += t;
                b.say += s;
                b.org += o;
                b.loc += l;
            }
            let s = stems.entry(seg.stem.to_string()).or_insert((0, 0));
            s.0 += c;
            // only unambiguous pronouns: after normalisation a final ه may be ة, a final
            // ي a nisba ending and a final ك part of the stem
            if matches!(
                seg.suffix,
                "ها" | "هم" | "هما" | "هن" | "كم" | "كما" | "كن" | "نا"
            ) {
                s.1 += c;
            }
        }
        MorphStats {
            forms,
            bases,
            stems,
        }
    }

    fn base_n(&self, b: &str) -> u64 {
        self.bases.get(b).map(|x| x.n).unwrap_or(0)
    }

    /// Variant bits of a base: 1 plural (ات, ون/ين), 2 dual (ان), 4 feminine (ه),
    /// 8 nisba (ي + ه/ون/ين, on the base without a final ه); a variant counts when it
    /// occurs at least 3 times.
    pub fn variants(&self, base: &str) -> u16 {
        let has = |suf: &str| self.base_n(&format!("{base}{suf}")) >= 3;
        let b0 = base.strip_suffix('ه').unwrap_or(base);
        let has0 = |suf: &str| self.base_n(&format!("{b0}{suf}")) >= 3;
        let mut v = 0u16;
        if has("ات") || has("ون") || has("ين") || (b0.len() < base.len() && has0("ات")) {
            v |= 1;
        }
        if has("ان") {
            v |= 2;
        }
        if has("ه") {
            v |= 4;
        }
        if has0("يه") || has0("يون") || has0("يين") {
            v |= 8;
        }
        v
    }

    /// Profile columns `(b, c)` of a normalised form (see the module docs).
    pub fn profile(&self, norm: &str) -> (u16, u16) {
        let seg = segment(norm);
        let base = norm.get(seg.prefix.len()..).unwrap_or(norm);
        let bs = self.bases.get(base).copied().unwrap_or_default();
        let (sn, se) = self.stems.get(seg.stem).copied().unwrap_or((0, 0));
        let b = freq_bucket(bs.n)
            | frac_bucket(bs.al, bs.n) << 3
            | frac_bucket(bs.procl, bs.n) << 6
            | frac_bucket(se, sn) << 9;
        let c = self.variants(base)
            | frac_bucket(bs.title, bs.n) << 4
            | frac_bucket(bs.say, bs.n) << 7
            | frac_bucket(bs.org, bs.n) << 10
            | frac_bucket(bs.loc, bs.n) << 13;
        (b, c)
    }
}

/// Quantile thresholds splitting `scores` into [`NL_BUCKETS`] equal-sized groups.
pub fn quantiles(scores: &[f32]) -> Vec<f32> {
    let mut s: Vec<f32> = scores.to_vec();
    s.sort_by(|a, b| a.total_cmp(b));
    (1..NL_BUCKETS)
        .map(|k| s.get(k * s.len() / NL_BUCKETS).copied().unwrap_or(0.0))
        .collect()
}

/// Bucket 1..=NL_BUCKETS of a score given the thresholds of [`quantiles`].
pub fn bucket(score: f32, thresholds: &[f32]) -> u16 {
    1 + thresholds.iter().filter(|&&t| score >= t).count() as u16
}

/// Area under the ROC curve of scores of positives vs negatives (ties count half).
pub fn auc(pos: &[f32], neg: &[f32]) -> f64 {
    if pos.is_empty() || neg.is_empty() {
        return 0.5;
    }
    let mut all: Vec<(f32, bool)> = pos.iter().map(|&s| (s, true)).collect();
    all.extend(neg.iter().map(|&s| (s, false)));
    all.sort_by(|a, b| a.0.total_cmp(&b.0));
    // rank sum of positives with average ranks for ties
    let mut rank_sum = 0f64;
    let mut i = 0usize;
    while i < all.len() {
        let mut j = i;
        while j < all.len() && all.get(j).map(|x| x.0) == all.get(i).map(|x| x.0) {
            j += 1;
        }
        let avg = (i + j + 1) as f64 / 2.0;
        rank_sum += avg * all.get(i..j).unwrap_or(&[]).iter().filter(|x| x.1).count() as f64;
        i = j;
    }
    let (np, nn) = (pos.len() as f64, neg.len() as f64);
    (rank_sum - np * (np + 1.0) / 2.0) / (np * nn)
}

/// Positive (KB name) and negative (frequent corpus word) stems for the classifier:
/// stems in both sets are dropped from both.
pub fn training_sets(
    kb_stems: &[String],
    stats: &MorphStats,
    neg_min: u32,
) -> (Vec<String>, Vec<String>) {
    let mut neg: Vec<String> = stats
        .stems
        .iter()
        .filter(|(s, (n, _))| *n >= u64::from(neg_min) && arabic_word(s))
        .map(|(s, _)| s.clone())
        .collect();
    neg.sort();
    let negset: FxHashSet<&str> = neg.iter().map(String::as_str).collect();
    let pos: Vec<String> = kb_stems
        .iter()
        .filter(|s| !negset.contains(s.as_str()))
        .cloned()
        .collect();
    let posset: FxHashSet<&str> = kb_stems.iter().map(String::as_str).collect();
    neg.retain(|s| !posset.contains(s.as_str()));
    (pos, neg)
}

/// What [`build_namelike`] did.
#[derive(Debug, Clone)]
pub struct NameLikeReport {
    /// Positive / negative training stems.
    pub pos: usize,
    /// Negative training stems.
    pub neg: usize,
    /// Held-out AUC of the classifier (trained on the other 90 %).
    pub heldout_auc: f64,
    /// Rows written.
    pub rows: usize,
}

/// Build the table from the SaudiNewsNet folder and the knowledge-base folder and write it.
pub fn build_namelike(
    corpus_dir: &Path,
    kb_dir: &Path,
    out: &Path,
    p: &NameLikeParams,
) -> Result<NameLikeReport, Error> {
    let paras = read_corpus(corpus_dir)?;
    let stats = MorphStats::count(&paras);
    drop(paras);
    let kb_typed = kb_name_stems(kb_dir)?;
    let mut kb: Vec<String> = kb_typed.iter().map(|x| x.0.clone()).collect();
    kb.dedup();
    let (pos, neg) = training_sets(&kb, &stats, p.neg_min_count);
    // held-out estimate: a seeded hash split, 10 % held out
    let held = |s: &str| Fnv::new(p.seed as u32).str(s).finish().is_multiple_of(10);
    fn split<'a>(v: &'a [String], h: bool, held: &dyn Fn(&str) -> bool) -> Vec<&'a str> {
        v.iter()
            .map(String::as_str)
            .filter(|s| held(s) == h)
            .collect()
    }
    let m = NameModel::train(
        &split(&pos, false, &held),
        &split(&neg, false, &held),
        p.alpha,
    );
    let sp: Vec<f32> = split(&pos, true, &held)
        .iter()
        .map(|s| m.score(s))
        .collect();
    let sn: Vec<f32> = split(&neg, true, &held)
        .iter()
        .map(|s| m.score(s))
        .collect();
    let heldout_auc = auc(&sp, &sn);
    let pr: Vec<&str> = pos.iter().map(String::as_str).collect();
    let nr: Vec<&str> = neg.iter().map(String::as_str).collect();
    let model = NameModel::train(&pr, &nr, p.alpha);
    // one classifier per KB type: that type's name stems vs the other types' name stems
    // (a stem of several types counts for each of them)
    let posset: FxHashSet<&str> = pr.iter().copied().collect();
    let typed: Vec<NameModel> = [KB_T_PERS, KB_T_LOC, KB_T_ORG]
        .iter()
        .map(|&t| {
            let of = |want: bool| -> Vec<&str> {
                let mut v: Vec<&str> = kb_typed
                    .iter()
                    .filter(|(s, ty)| (*ty == t) == want && posset.contains(s.as_str()))
                    .map(|(s, _)| s.as_str())
                    .collect();
                v.dedup();
                v
            };
            NameModel::train(&of(true), &of(false), p.alpha)
        })
        .collect();
    let mut words: Vec<(&String, &u64)> = stats
        .forms
        .iter()
        .filter(|(w, &c)| {
            c >= u64::from(p.min_count) && !w.contains(['\t', '\n', '#']) && !w.is_empty()
        })
        .collect();
    words.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    let scores: Vec<f32> = words
        .iter()
        .filter(|(w, _)| arabic_word(w))
        .map(|(w, _)| model.score(segment(w).stem))
        .collect();
    let th = quantiles(&scores);
    let typed_th: Vec<Vec<f32>> = typed
        .iter()
        .map(|m| {
            let sc: Vec<f32> = words
                .iter()
                .filter(|(w, _)| arabic_word(w))
                .map(|(w, _)| m.score(segment(w).stem))
                .collect();
            quantiles(&sc)
        })
        .collect();
    let f = std::fs::File::create(out).map_err(|e| Error::io(out, e))?;
    let mut wr = std::io::BufWriter::new(f);
    let io = |e| Error::io(out, e);
    writeln!(
        wr,
        "# rasd-tagger name-likeness / morphology table: word<TAB>a<TAB>b<TAB>c<TAB>d (see src/namelike.rs)"
    )
    .map_err(io)?;
    writeln!(
        wr,
        "# built by `rasd-tagger-tool namelike` from SaudiNewsNet and the KB; seed={} min_count={} neg_min_count={} alpha={}; {} name stems, {} word stems; held-out AUC {:.4}",
        p.seed, p.min_count, p.neg_min_count, p.alpha, pos.len(), neg.len(), heldout_auc
    )
    .map_err(io)?;
    let ths: Vec<String> = th.iter().map(|t| format!("{t:.4}")).collect();
    writeln!(wr, "# stem-score bucket thresholds: {}", ths.join(" ")).map_err(io)?;
    let mut rows = 0usize;
    for (w, _) in &words {
        let a = if arabic_word(w) {
            bucket(model.score(w), &th) | bucket(model.score(segment(w).stem), &th) << 4
        } else {
            0
        };
        let (b, c) = stats.profile(w);
        let mut d = 0u16;
        if arabic_word(w) {
            let st = segment(w).stem;
            for (k, (m, t)) in typed.iter().zip(&typed_th).enumerate() {
                d |= bucket(m.score(st), t) << (4 * k);
            }
        }
        writeln!(wr, "{w}\t{a}\t{b}\t{c}\t{d}").map_err(io)?;
        rows += 1;
    }
    wr.flush().map_err(io)?;
    Ok(NameLikeReport {
        pos: pos.len(),
        neg: neg.len(),
        heldout_auc,
        rows,
    })
}

/// A parsed table: rows `(word, [a, b, c, d])` in file order.
pub type NameTable = Vec<(String, [u16; 4])>;

/// Parse the table format written by [`build_namelike`] (`#` lines are comments; a
/// missing fourth column reads as 0; malformed lines are skipped).
pub fn parse_table(text: &str) -> NameTable {
    let mut out = Vec::new();
    for line in text.lines() {
        if line.starts_with('#') || line.is_empty() {
            continue;
        }
        let mut it = line.split('\t');
        let Some(w) = it.next() else { continue };
        let mut v = [0u16; 4];
        let mut ok = true;
        for (k, slot) in v.iter_mut().enumerate() {
            match it.next().map(str::parse::<u16>) {
                Some(Ok(x)) => *slot = x,
                None if k == 3 => {}
                _ => ok = false,
            }
        }
        if ok {
            out.push((w.to_string(), v));
        }
    }
    out
}

/// Read and parse a table file.
pub fn load_table(path: &Path) -> Result<NameTable, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(parse_table(&text))
}

/// Pack a row into one table value (16 bits per column).
pub fn pack(v: [u16; 4]) -> u64 {
    v.iter()
        .enumerate()
        .fold(0u64, |acc, (k, x)| acc | u64::from(*x) << (16 * k))
}

/// Insert a loaded table into a model cluster table under [`NL_SET`] (sorted, so the
/// result is deterministic).
pub fn insert_table(tab: &mut crate::features::ClusterTable, t: &NameTable) {
    let mut entries: Vec<_> = t.iter().collect();
    entries.sort();
    for (w, v) in entries {
        tab.insert(crate::features::cluster_key(hash_str(w), NL_SET), pack(*v));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paras(text: &[&str]) -> Vec<Vec<String>> {
        text.iter()
            .map(|p| p.split_whitespace().map(normalize).collect())
            .collect()
    }

    #[test]
    fn classifier_separates_transliterations_from_native_words() {
        let pos = [
            "بنفيكا",
            "برشلونه",
            "فيلادلفيا",
            "كاليفورنيا",
            "بوتين",
            "ميركل",
            "سوني",
            "تويوتا",
            "مانشستر",
            "ليفربول",
            "اوباما",
            "كلينتون",
            "فرنسيس",
            "جورجيا",
        ];
        let neg = [
            "حكومه",
            "مستشفى",
            "اجتماع",
            "مسؤول",
            "وزاره",
            "مشروع",
            "تعاون",
            "اقتصاد",
            "مواطن",
            "مجلس",
            "محافظه",
            "استثمار",
            "قرار",
            "مستقبل",
        ];
        let m = NameModel::train(&pos, &neg, 0.5);
        // held out: neither word was seen in training
        assert!(
            m.score("انفيلد") > m.score("مستشار"),
            "{} {}",
            m.score("انفيلد"),
            m.score("مستشار")
        );
        assert!(m.score("فيورنتينا") > m.score("اجتماعات"));
        // an untrained model knows no n-gram
        assert_eq!(NameModel::default().score("بنفيكا"), 0.0);
    }

    #[test]
    fn profile_counts_article_plural_and_context() {
        // «حكومه» takes the article and has a plural; «بوتين» never does and follows a title
        let p = paras(&[
            "قال الرئيس بوتين ان الحكومه والحكومات",
            "الرئيس بوتين زار الحكومه",
            "اكد الرئيس بوتين للحكومه",
            "الرئيس بوتين و الحكومات حكومتها",
            "بوتين قال الحكومه الحكومه الحكومات",
        ]);
        let st = MorphStats::count(&p);
        assert_eq!(st.forms.get("بوتين"), Some(&5));
        let b = st.bases.get("بوتين").copied().unwrap();
        assert_eq!((b.n, b.al, b.procl, b.title), (5, 0, 0, 4));
        let h = st.bases.get("حكومه").copied().unwrap();
        assert_eq!((h.n, h.al, h.procl), (5, 5, 1));
        // «حكومتها»: stem «حكومت» with the pronoun «ها»
        assert_eq!(st.stems.get("حكومت"), Some(&(1, 1)));
        assert_eq!(st.variants("حكومه") & 1, 1); // حكومات seen 3 times
        assert_eq!(st.variants("بوتين"), 0);
        let (pb, pc) = st.profile("بوتين");
        assert_eq!((pb >> 3) & 7, 1); // article < 1 %
        assert_eq!((pc >> 4) & 7, 5); // after a title ≥ 50 %
        let (hb, _) = st.profile("الحكومه");
        assert_eq!((hb >> 3) & 7, 5); // article ≥ 50 %
    }

    /// The committed table (`model/namelike.tsv`): held-out-style checks on real words.
    #[test]
    fn committed_table_ranks_transliterations_above_native_words() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/model/namelike.tsv");
        let Ok(text) = std::fs::read_to_string(path) else {
            panic!("{path} missing");
        };
        let rows = parse_table(&text);
        let t: FxHashMap<&str, [u16; 4]> = rows.iter().map(|(w, v)| (w.as_str(), *v)).collect();
        let stem_bucket = |w: &str| t.get(w).map(|v| v[0] >> 4).unwrap_or(0);
        let art = |w: &str| t.get(w).map(|v| (v[1] >> 3) & 7).unwrap_or(0);
        // foreign names vs frequent native words
        for name in ["بنفيكا", "سامسونج", "غوغل", "مانشستر"] {
            for word in ["الحكومه", "الاقتصاد", "مشروع"] {
                assert!(
                    stem_bucket(name) > stem_bucket(word),
                    "{name} {} vs {word} {}",
                    stem_bucket(name),
                    stem_bucket(word)
                );
            }
        }
        // proper nouns almost never carry the article, common nouns mostly do
        assert_eq!(art("اوباما"), 1);
        assert!(art("الحكومه") >= 4);
        // the plural of «حكومه» occurs, «بوتين» has none
        assert_eq!(t.get("حكومه").map(|v| v[2] & 1), Some(1));
        assert_eq!(t.get("بوتين").map(|v| v[2] & 1), Some(0));
        assert!(t.len() > 50_000);
    }

    #[test]
    fn buckets_and_auc() {
        assert_eq!(freq_bucket(0), 0);
        assert_eq!(freq_bucket(1), 1);
        assert_eq!(freq_bucket(16), 3);
        assert_eq!(freq_bucket(u64::MAX), 7);
        assert_eq!(frac_bucket(1, 4), 0);
        assert_eq!(frac_bucket(0, 10), 1);
        assert_eq!(frac_bucket(10, 10), 5);
        let th = quantiles(&(0..80).map(|x| x as f32).collect::<Vec<_>>());
        assert_eq!(th.len(), NL_BUCKETS - 1);
        assert_eq!(bucket(-1.0, &th), 1);
        assert_eq!(bucket(100.0, &th), NL_BUCKETS as u16);
        assert!((auc(&[2.0, 3.0], &[0.0, 1.0]) - 1.0).abs() < 1e-9);
        assert!((auc(&[1.0], &[1.0]) - 0.5).abs() < 1e-9);
    }

    #[test]
    fn overlapping_stems_are_dropped_from_both_sets() {
        let p = paras(&["محمد مشروع محمد مشروع محمد مشروع"]);
        let st = MorphStats::count(&p);
        let kb = vec!["محمد".to_string(), "بنفيكا".to_string()];
        let (pos, neg) = training_sets(&kb, &st, 3);
        assert_eq!(pos, vec!["بنفيكا".to_string()]);
        assert_eq!(neg, vec!["مشروع".to_string()]);
    }

    #[test]
    fn table_round_trips_through_the_cluster_format() {
        let dir = std::env::temp_dir().join(format!("rasd-nl-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let f = dir.join("t.tsv");
        std::fs::write(
            &f,
            "# header\nبنفيكا\t120\t9\t0\t4660\nقال\t1\t2\t3\nbad\tx\t1\t1\n",
        )
        .unwrap();
        let c = load_table(&f).unwrap();
        assert_eq!(
            c,
            vec![
                ("بنفيكا".to_string(), [120, 9, 0, 4660]),
                ("قال".to_string(), [1, 2, 3, 0])
            ]
        );
        let mut tab = crate::features::ClusterTable::with_capacity(4);
        insert_table(&mut tab, &c);
        let key = crate::features::cluster_key(hash_str("بنفيكا"), NL_SET);
        assert_eq!(tab.get(key), Some(pack([120, 9, 0, 4660])));
        let h = hash_str("بنفيكا");
        assert_eq!(lookup(&tab, h, h, 3), [120, 9, 0, 4660]);
        assert_eq!(lookup(&tab, h, h, 1), [120, 0, 0, 4660]);
        assert_eq!(lookup(&tab, h, h, 2), [0, 9, 0, 0]);
        std::fs::remove_dir_all(&dir).ok();
    }
}
