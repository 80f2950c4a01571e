//! Self-trained entity lexicon from unlabelled news (lexicon expansion by self-training).
//!
//! A tagger trained on ANERcorp tags the SaudiNewsNet corpus; entity phrases it tags often
//! and consistently (at least `min_count` times, at least `min_purity` of them with one type,
//! and tagged in at least `min_tagged` of all their occurrences) form a phrase list, and
//! membership in that list (B/I and type, for the token and its ±1 neighbours) becomes a
//! feature of the final tagger ([`crate::features::F_AUTO`]). The list reaches names that
//! never occur in ANERcorp but occur many times in news in clear contexts.
//!
//! Leakage: a list built by a model that saw a training sentence would contain that
//! sentence's entities "for free", and the learner would over-trust the list. Training
//! therefore builds it jackknife-style (see `crate::train`): each of `folds` folds of the
//! training sentences gets a list from a model trained on the other folds only; dev
//! sentences and the final model get the list of a model trained on all training
//! sentences. Lists are stored in the model's cluster table under [`AUTO_SET`] (phrase
//! prefixes flagged), so no new model section is needed.

use crate::conll::Sentence;
use crate::features::{cluster_key, ClusterTable};
use crate::labels::{spans_of_labels, Label};
use crate::normalize::normalize;
use crate::util::Fnv;
use crate::{Error, Tagger};
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Cluster-table set index ([`cluster_key`]) of the self-trained phrase list.
pub const AUTO_SET: u64 = 8;

/// Longest phrase (tokens) kept in the list.
pub const AUTO_MAX_LEN: usize = 5;

/// Value bit of a key that is a proper prefix of a listed phrase.
const PREFIX: u64 = 1 << 7;

/// Parameters of the self-trained lexicon.
#[derive(Debug, Clone)]
pub struct AutoLexParams {
    /// Folder with the SaudiNewsNet `*.zip` files.
    pub corpus: PathBuf,
    /// Jackknife folds of the training sentences.
    pub folds: usize,
    /// Epochs of the (single-perceptron) models that tag the corpus.
    pub epochs: usize,
    /// Minimum number of times a phrase was tagged as an entity.
    pub min_count: u32,
    /// Minimum share of its tagged occurrences with the majority type.
    pub min_purity: f64,
    /// Minimum share of all its occurrences (as a token sequence) that were tagged.
    pub min_tagged: f64,
    /// Use only this many corpus paragraphs (0 = all).
    pub max_paragraphs: usize,
    /// Where to cache the lists between runs (file names encode every input that
    /// matters); `None`: no cache.
    pub cache_dir: Option<PathBuf>,
}

impl Default for AutoLexParams {
    fn default() -> Self {
        AutoLexParams {
            corpus: PathBuf::from("shared/data/saudinewsnet"),
            folds: 5,
            epochs: 8,
            min_count: 3,
            min_purity: 0.9,
            min_tagged: 0.5,
            max_paragraphs: 0,
            cache_dir: None,
        }
    }
}

/// A listed phrase: normalised tokens and entity type index (0 PERS, 1 LOC, 2 ORG, 3 MISC).
pub type Phrase = (Vec<String>, u8);

/// Add phrases to a cluster table under [`AUTO_SET`] (type bit per phrase, [`PREFIX`] on
/// proper prefixes). Deterministic for a given phrase order.
pub fn insert_phrases(tab: &mut ClusterTable, phrases: &[Phrase]) {
    for (toks, t) in phrases {
        if toks.is_empty() || toks.len() > AUTO_MAX_LEN || *t > 3 {
            continue;
        }
        let mut h = Fnv::new(0);
        for (k, w) in toks.iter().enumerate() {
            h.str(w);
            let key = cluster_key(h.finish(), AUTO_SET);
            let old = tab.get(key).unwrap_or(0);
            let bit = if k + 1 == toks.len() {
                1u64 << t
            } else {
                PREFIX
            };
            tab.insert(key, old | bit);
        }
    }
}

/// Leftmost-longest matches of the list in `tab` over normalised tokens, as
/// `(start, end, type mask)`; a phrase also matches when its first word carries
/// proclitics (و ف ب ك ل, لل → ال).
pub fn matches(tab: &ClusterTable, norms: &[&str], f: impl FnMut(usize, usize, u64)) {
    crate::features::leftmost_longest(
        norms,
        |i, first| {
            crate::features::longest_phrase(norms, i, first, AUTO_MAX_LEN, 0xF, PREFIX, |h| {
                tab.get(cluster_key(h, AUTO_SET))
            })
        },
        f,
    );
}

/// Hash of a phrase of normalised tokens (the un-prefixed key of [`insert_phrases`]).
fn phrase_hash<S: AsRef<str>>(toks: &[S]) -> u64 {
    let mut h = Fnv::new(0);
    for t in toks {
        h.str(t.as_ref());
    }
    h.finish()
}

/// Tag `paras` (raw tokens) with `tagger` and return the phrases it tags consistently
/// (see the module docs), sorted. Parallel but deterministic (counts are sums).
pub fn collect(tagger: &Tagger, paras: &[Vec<String>], p: &AutoLexParams) -> Vec<Phrase> {
    type Counts = FxHashMap<Vec<String>, [u32; 4]>;
    let merge = |mut a: Counts, b: Counts| {
        for (k, v) in b {
            let e = a.entry(k).or_insert([0; 4]);
            for (x, y) in e.iter_mut().zip(v) {
                *x += y;
            }
        }
        a
    };
    let counts: Counts = paras
        .par_chunks(1000)
        .map(|chunk| {
            let mut m = Counts::default();
            for para in chunk {
                let toks: Vec<&str> = para.iter().map(String::as_str).collect();
                if toks.is_empty() {
                    continue;
                }
                let em = tagger.emissions(&toks, None, &[]);
                let labels: Vec<Label> = tagger
                    .best_path(&em)
                    .into_iter()
                    .map(|l| Label::from_index(l as usize))
                    .collect();
                for s in spans_of_labels(&labels) {
                    if s.end <= s.start || s.end - s.start > AUTO_MAX_LEN {
                        continue;
                    }
                    let Some(ws) = toks.get(s.start..s.end) else {
                        continue;
                    };
                    let key: Vec<String> = ws.iter().map(|w| normalize(w)).collect();
                    let t = crate::labels::EntityType::ALL
                        .iter()
                        .position(|x| *x == s.etype)
                        .unwrap_or(0);
                    if let Some(c) = m.entry(key).or_insert([0; 4]).get_mut(t) {
                        *c += 1;
                    }
                }
            }
            m
        })
        .reduce(Counts::default, merge);
    // candidates: frequent and type-pure
    let mut cands: FxHashMap<u64, (Vec<String>, u8, u32)> = FxHashMap::default();
    let mut prefixes: FxHashMap<u64, ()> = FxHashMap::default();
    for (k, c) in &counts {
        let total: u32 = c.iter().sum();
        let (t, best) = c
            .iter()
            .enumerate()
            .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))
            .map(|(t, b)| (t, *b))
            .unwrap_or((0, 0));
        if total < p.min_count || f64::from(best) < p.min_purity * f64::from(total) {
            continue;
        }
        for n in 1..k.len() {
            prefixes.insert(phrase_hash(k.get(..n).unwrap_or(&[])), ());
        }
        cands.insert(phrase_hash(k), (k.clone(), t as u8, total));
    }
    // how often each candidate occurs at all (tagged or not)
    let occ: FxHashMap<u64, u32> = paras
        .par_chunks(1000)
        .map(|chunk| {
            let mut m: FxHashMap<u64, u32> = FxHashMap::default();
            for para in chunk {
                let norms: Vec<String> = para.iter().map(|w| normalize(w)).collect();
                for i in 0..norms.len() {
                    let mut h = Fnv::new(0);
                    for w in norms.iter().skip(i).take(AUTO_MAX_LEN) {
                        h.str(w);
                        let k = h.finish();
                        if cands.contains_key(&k) {
                            *m.entry(k).or_insert(0) += 1;
                        }
                        if !prefixes.contains_key(&k) {
                            break;
                        }
                    }
                }
            }
            m
        })
        .reduce(FxHashMap::default, |mut a, b| {
            for (k, v) in b {
                *a.entry(k).or_insert(0) += v;
            }
            a
        });
    let mut out: Vec<Phrase> = cands
        .into_iter()
        .filter(|(h, (_, _, tagged))| {
            let n = occ.get(h).copied().unwrap_or(*tagged).max(*tagged);
            f64::from(*tagged) >= p.min_tagged * f64::from(n)
        })
        .map(|(_, (k, t, _))| (k, t))
        .collect();
    out.sort();
    out
}

/// Write a phrase list (`type<TAB>tok tok …` per line).
pub fn write_list(path: &Path, list: &[Phrase]) -> Result<(), Error> {
    let f = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut w = std::io::BufWriter::new(f);
    for (toks, t) in list {
        writeln!(w, "{}\t{}", t, toks.join(" ")).map_err(|e| Error::io(path, e))?;
    }
    w.flush().map_err(|e| Error::io(path, e))
}

/// Read a list written by [`write_list`] (malformed lines are skipped).
pub fn read_list(path: &Path) -> Result<Vec<Phrase>, Error> {
    let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
    Ok(text
        .lines()
        .filter_map(|l| {
            let (t, p) = l.split_once('\t')?;
            let t: u8 = t.parse().ok()?;
            let toks: Vec<String> = p
                .split(' ')
                .filter(|s| !s.is_empty())
                .map(String::from)
                .collect();
            (!toks.is_empty() && t <= 3).then_some((toks, t))
        })
        .collect())
}

/// The list of a model trained by `train_model` on `sents`, read from / written to the
/// cache (`cache_name` must encode every input) when a cache folder is set.
pub fn list_for(
    sents: &[&Sentence],
    paras: &[Vec<String>],
    p: &AutoLexParams,
    cache_name: &str,
    train_model: impl FnOnce(&[&Sentence]) -> Tagger,
) -> Result<Vec<Phrase>, Error> {
    let cached = p.cache_dir.as_ref().map(|d| d.join(cache_name));
    if let Some(c) = &cached {
        if c.exists() {
            return read_list(c);
        }
    }
    let tagger = train_model(sents);
    let list = collect(&tagger, paras, p);
    if let Some(c) = &cached {
        if let Some(d) = c.parent() {
            std::fs::create_dir_all(d).map_err(|e| Error::io(d, e))?;
        }
        write_list(c, &list)?;
    }
    Ok(list)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_match_leftmost_longest_with_proclitics() {
        let mut tab = ClusterTable::default();
        let ph = |s: &str, t: u8| (s.split(' ').map(String::from).collect::<Vec<_>>(), t);
        insert_phrases(
            &mut tab,
            &[
                ph("نيويورك", 1),
                ph("نيويورك تايمز", 2),
                ph("الرياض", 1),
                ph("a b c d e f", 0),
            ],
        );
        let mut got = Vec::new();
        let toks = ["قالت", "نيويورك", "تايمز", "في", "بالرياض", "و", "نيويورك"];
        matches(&tab, &toks, |a, b, m| got.push((a, b, m)));
        assert_eq!(got, vec![(1, 3, 1 << 2), (4, 5, 1 << 1), (6, 7, 1 << 1)]);
        // over-long phrases are not stored
        let mut none = Vec::new();
        matches(&tab, &["a", "b", "c", "d", "e", "f"], |a, b, m| {
            none.push((a, b, m))
        });
        assert!(none.is_empty());
    }

    #[test]
    fn list_files_round_trip() {
        let p = std::env::temp_dir().join(format!("rasd-autolex-{}.tsv", std::process::id()));
        let list = vec![
            (vec!["ا".to_string(), "ب".to_string()], 2u8),
            (vec!["ج".into()], 0),
        ];
        write_list(&p, &list).unwrap();
        assert_eq!(read_list(&p).unwrap(), list);
        std::fs::write(&p, "x\tبad\n9\tج\n1\t\n").unwrap();
        assert!(read_list(&p).unwrap().is_empty());
        std::fs::remove_file(&p).ok();
    }
}
