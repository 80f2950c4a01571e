//! Distributional prototype features (Guo et al. 2014, "Revisiting embedding features for
//! simple semi-supervised learning").
//!
//! Word clusters put a name that never occurs in the labelled data next to names that do,
//! but a hard cluster id is coarse and arbitrary. Prototypes give the tagger a more direct
//! signal: for every entity label (B-PERS … I-MISC) the words most associated with it in
//! the *training* data (highest normalised PMI) become prototypes, and every word of the
//! unlabelled-corpus vocabulary gets the ids of its `top_k` most cosine-similar prototypes
//! (above `min_sim`) as features. Vectors come from the same skip-gram run as the cluster
//! table (`rasd-tagger-tool clusters --vectors-out`), so nothing new is learnt from text here.
//!
//! The result is written as a word table in the cluster-file format (`word<TAB>p1<TAB>p2<TAB>p3`,
//! ids `1..`, 0 = none), so it is loaded with [`crate::clusters::Clusters::parse`] and embedded
//! in the model like a cluster set. A prototype id encodes its label: `label = (id - 1) / 64`
//! ([`proto_label`]). Prototypes must be chosen on training sentences only: when tuning on the
//! dev slice, build the table from the training part (`dev_split`) so dev labels never leak.

use crate::conll::{read_labelled, Sentence};
use crate::normalize::normalize;
use crate::Error;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::{Read, Write};
use std::path::Path;

/// Magic bytes of the vector file format.
const MAGIC: &[u8; 8] = b"RSDVEC01";

/// Prototype ids per label block (an id is `label_block * 64 + rank + 1`).
pub const PROTO_BLOCK: u16 = 64;

/// Number of entity labels that get prototypes (B and I of four types).
pub const PROTO_LABELS: usize = 8;

/// Parameters of the prototype table.
#[derive(Debug, Clone)]
pub struct ProtoParams {
    /// Prototypes per label (at most 63).
    pub per_label: usize,
    /// Prototype features per word (at most 3).
    pub top_k: usize,
    /// Minimum cosine similarity between a word and a prototype.
    pub min_sim: f32,
    /// Minimum count of a (word, label) pair for the word to be a prototype of the label.
    pub min_count: u32,
    /// Subtract the mean vector and re-normalise before comparing (skip-gram vectors share
    /// a common direction, which makes almost every pair look similar).
    pub center: bool,
}

impl Default for ProtoParams {
    fn default() -> Self {
        ProtoParams {
            per_label: 40,
            top_k: 3,
            min_sim: 0.5,
            min_count: 3,
            center: false,
        }
    }
}

/// Label block (0..8: B-PERS, I-PERS, B-LOC, I-LOC, B-ORG, I-ORG, B-MISC, I-MISC) of a
/// prototype id (`None` for 0).
pub fn proto_label(id: u16) -> Option<u16> {
    id.checked_sub(1).map(|x| x / PROTO_BLOCK)
}

/// Write word vectors: magic, `n` and `dim` (u32 LE), then per word a u16 byte length,
/// the UTF-8 word and `dim` f32 LE values. `vecs` is row-major `words.len() × dim`.
pub fn write_vectors(path: &Path, words: &[&str], vecs: &[f32], dim: usize) -> Result<(), Error> {
    let f = std::fs::File::create(path).map_err(|e| Error::io(path, e))?;
    let mut w = std::io::BufWriter::new(f);
    let io = |e| Error::io(path, e);
    w.write_all(MAGIC).map_err(io)?;
    w.write_all(&(words.len() as u32).to_le_bytes())
        .map_err(io)?;
    w.write_all(&(dim as u32).to_le_bytes()).map_err(io)?;
    for (i, word) in words.iter().enumerate() {
        let b = word.as_bytes();
        let len = u16::try_from(b.len()).unwrap_or(0);
        w.write_all(&len.to_le_bytes()).map_err(io)?;
        w.write_all(b.get(..len as usize).unwrap_or(&[]))
            .map_err(io)?;
        let row = vecs.get(i * dim..(i + 1) * dim).unwrap_or(&[]);
        for d in 0..dim {
            let x = row.get(d).copied().unwrap_or(0.0);
            w.write_all(&x.to_le_bytes()).map_err(io)?;
        }
    }
    w.flush().map_err(io)
}

/// Word vectors read by [`read_vectors`].
#[derive(Debug, Clone, Default)]
pub struct Vectors {
    /// Words in file order (most frequent first).
    pub words: Vec<String>,
    /// Row-major `words.len() × dim` values.
    pub data: Vec<f32>,
    /// Dimension.
    pub dim: usize,
}

impl Vectors {
    /// Word → row number.
    pub fn index(&self) -> FxHashMap<&str, usize> {
        self.words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i))
            .collect()
    }

    /// The vector of word `i`.
    pub fn row(&self, i: usize) -> &[f32] {
        self.data
            .get(i * self.dim..(i + 1) * self.dim)
            .unwrap_or(&[])
    }
}

/// Parse the format written by [`write_vectors`]; truncated or malformed input is an error.
pub fn parse_vectors(bytes: &[u8]) -> Result<Vectors, Error> {
    let bad = || Error::Data("malformed vector file".into());
    let mut pos = 0usize;
    let mut take = |n: usize| -> Result<&[u8], Error> {
        let s = bytes.get(pos..pos + n).ok_or_else(bad)?;
        pos += n;
        Ok(s)
    };
    if take(8)? != MAGIC {
        return Err(bad());
    }
    let u32_at = |s: &[u8]| -> Result<usize, Error> {
        let a: [u8; 4] = s.try_into().map_err(|_| bad())?;
        Ok(u32::from_le_bytes(a) as usize)
    };
    let n = u32_at(take(4)?)?;
    let dim = u32_at(take(4)?)?;
    if dim == 0 || dim > 4096 {
        return Err(bad());
    }
    let mut v = Vectors {
        words: Vec::with_capacity(n.min(1 << 20)),
        data: Vec::with_capacity(n.min(1 << 20) * dim),
        dim,
    };
    for _ in 0..n {
        let l: [u8; 2] = take(2)?.try_into().map_err(|_| bad())?;
        let w = take(u16::from_le_bytes(l) as usize)?;
        v.words.push(String::from_utf8_lossy(w).into_owned());
        for c in take(4 * dim)?.chunks_exact(4) {
            let a: [u8; 4] = c.try_into().map_err(|_| bad())?;
            v.data.push(f32::from_le_bytes(a));
        }
    }
    Ok(v)
}

/// Subtract the mean vector from every row and scale rows to unit length.
pub fn center_vectors(v: &mut Vectors) {
    let (n, dim) = (v.words.len(), v.dim);
    if n == 0 || dim == 0 {
        return;
    }
    let mut mean = vec![0f64; dim];
    for row in v.data.chunks_exact(dim) {
        for (m, x) in mean.iter_mut().zip(row) {
            *m += f64::from(*x);
        }
    }
    for m in &mut mean {
        *m /= n as f64;
    }
    for row in v.data.chunks_exact_mut(dim) {
        for (x, m) in row.iter_mut().zip(&mean) {
            *x -= *m as f32;
        }
        let norm = row.iter().map(|x| x * x).sum::<f32>().sqrt();
        if norm > 0.0 {
            row.iter_mut().for_each(|x| *x /= norm);
        }
    }
}

/// Read a vector file written by [`write_vectors`].
pub fn read_vectors(path: &Path) -> Result<Vectors, Error> {
    let mut b = Vec::new();
    std::fs::File::open(path)
        .and_then(|mut f| f.read_to_end(&mut b))
        .map_err(|e| Error::io(path, e))?;
    parse_vectors(&b)
}

/// Choose prototypes: for each entity label, the `per_label` words (present in `vocab`)
/// with the highest normalised PMI with that label over `sents`, among words seen at least
/// `min_count` times with it. Returns `(word, label block, id)`, deterministic.
pub fn select_prototypes(
    sents: &[&Sentence],
    vocab: &FxHashMap<&str, usize>,
    p: &ProtoParams,
) -> Vec<(String, u16, u16)> {
    let mut cw: FxHashMap<String, u32> = FxHashMap::default();
    let mut cwl: FxHashMap<(String, usize), u32> = FxHashMap::default();
    let mut cl = [0u32; PROTO_LABELS + 1];
    let mut total = 0u32;
    for s in sents {
        for (t, l) in s.tokens.iter().zip(&s.labels) {
            let n = normalize(t);
            let li = l.index();
            total += 1;
            if let Some(c) = cl.get_mut(li) {
                *c += 1;
            }
            *cw.entry(n.clone()).or_insert(0) += 1;
            if li > 0 {
                *cwl.entry((n, li)).or_insert(0) += 1;
            }
        }
    }
    let total = f64::from(total.max(1));
    let per = p.per_label.min(PROTO_BLOCK as usize - 1);
    let mut out = Vec::new();
    for li in 1..=PROTO_LABELS {
        let pl = f64::from(cl.get(li).copied().unwrap_or(0)) / total;
        let mut cands: Vec<(f64, &str)> = cwl
            .iter()
            .filter(|((w, l), c)| *l == li && **c >= p.min_count && vocab.contains_key(w.as_str()))
            .filter_map(|((w, _), &c)| {
                let pw = f64::from(cw.get(w).copied().unwrap_or(0)) / total;
                let pwl = f64::from(c) / total;
                if pw <= 0.0 || pl <= 0.0 || pwl >= 1.0 {
                    return None;
                }
                let npmi = (pwl / (pw * pl)).ln() / -pwl.ln();
                Some((npmi, w.as_str()))
            })
            .collect();
        cands.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(b.1)));
        for (rank, (_, w)) in cands.into_iter().take(per).enumerate() {
            let block = (li - 1) as u16;
            out.push((w.to_string(), block, block * PROTO_BLOCK + rank as u16 + 1));
        }
    }
    out
}

/// For every vocabulary word, the ids of its `top_k` most similar prototypes with cosine
/// at least `min_sim` (vectors are assumed unit length), best first. Words with none are
/// left out.
pub fn nearest_prototypes(
    v: &Vectors,
    protos: &[(String, u16, u16)],
    p: &ProtoParams,
) -> Vec<(usize, Vec<u16>)> {
    let index = v.index();
    let pv: Vec<(&[f32], u16)> = protos
        .iter()
        .filter_map(|(w, _, id)| index.get(w.as_str()).map(|&i| (v.row(i), *id)))
        .collect();
    let k = p.top_k.min(3);
    (0..v.words.len())
        .into_par_iter()
        .filter_map(|i| {
            let row = v.row(i);
            let mut best: Vec<(f32, u16)> = pv
                .iter()
                .map(|(q, id)| (row.iter().zip(q.iter()).map(|(a, b)| a * b).sum(), *id))
                .filter(|(s, _)| *s >= p.min_sim)
                .collect();
            best.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
            best.truncate(k);
            (!best.is_empty()).then(|| (i, best.into_iter().map(|x| x.1).collect()))
        })
        .collect()
}

/// Build the prototype table from a vector file and an ANERcorp-format training file and
/// write it (cluster-file format) to `out`. With `dev_split` the last fraction of the
/// training sentences is left out of prototype selection (use the same fraction as
/// `train --dev-split` when tuning). Returns (prototypes, words written).
pub fn build_protos(
    vectors: &Path,
    train_path: &Path,
    dev_split: Option<f64>,
    out: &Path,
    p: &ProtoParams,
) -> Result<(usize, usize), Error> {
    let mut v = read_vectors(vectors)?;
    if p.center {
        center_vectors(&mut v);
    }
    let text = std::fs::read_to_string(train_path).map_err(|e| Error::io(train_path, e))?;
    let (all, _) = read_labelled(&text);
    let cut = match dev_split {
        Some(frac) => {
            let frac = frac.clamp(0.0, 0.9);
            all.len() - ((all.len() as f64 * frac).round() as usize).min(all.len())
        }
        None => all.len(),
    };
    let sents: Vec<&Sentence> = all.iter().take(cut).collect();
    let vocab = v.index();
    let protos = select_prototypes(&sents, &vocab, p);
    let table = nearest_prototypes(&v, &protos, p);
    let f = std::fs::File::create(out).map_err(|e| Error::io(out, e))?;
    let mut w = std::io::BufWriter::new(f);
    let io = |e| Error::io(out, e);
    writeln!(
        w,
        "# rasd-tagger prototype table: word<TAB>p1<TAB>p2<TAB>p3 (prototype ids, 0 = none; label block = (id-1)/64)"
    )
    .map_err(io)?;
    writeln!(
        w,
        "# built by `rasd-tagger-tool protos` from {} sentences of {}; per_label={} top_k={} min_sim={} min_count={} center={}",
        sents.len(),
        train_path.file_name().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default(),
        p.per_label,
        p.top_k,
        p.min_sim,
        p.min_count,
        p.center
    )
    .map_err(io)?;
    for (word, block, id) in &protos {
        writeln!(w, "# prototype {id} label {block} {word}").map_err(io)?;
    }
    let mut n = 0usize;
    for (i, ids) in &table {
        let Some(word) = v.words.get(*i) else {
            continue;
        };
        if word.contains(['\t', '\n', '#']) || word.is_empty() {
            continue;
        }
        let g = |k: usize| ids.get(k).copied().unwrap_or(0);
        writeln!(w, "{}\t{}\t{}\t{}", word, g(0), g(1), g(2)).map_err(io)?;
        n += 1;
    }
    w.flush().map_err(io)?;
    Ok((protos.len(), n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::{EntityType, Label};

    fn sent(toks: &[&str], labels: &[Label]) -> Sentence {
        Sentence {
            tokens: toks.iter().map(|s| s.to_string()).collect(),
            labels: labels.to_vec(),
            hints: Vec::new(),
        }
    }

    #[test]
    fn vectors_round_trip_and_reject_truncation() {
        let dir = std::env::temp_dir().join(format!("rasd-protos-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let p = dir.join("v.bin");
        write_vectors(&p, &["a", "بب"], &[1.0, 0.0, 0.6, 0.8], 2).unwrap();
        let v = read_vectors(&p).unwrap();
        assert_eq!(v.words, vec!["a", "بب"]);
        assert_eq!(v.row(1), &[0.6, 0.8]);
        let b = std::fs::read(&p).unwrap();
        assert!(parse_vectors(&b[..b.len() - 1]).is_err());
        assert!(parse_vectors(b"nonsense").is_err());
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn prototypes_are_label_associated_and_nearest_are_thresholded() {
        let per = Label::B(EntityType::Pers);
        let loc = Label::B(EntityType::Loc);
        let s1 = sent(
            &["قال", "محمد", "في", "مصر"],
            &[Label::O, per, Label::O, loc],
        );
        let sents: Vec<Sentence> = (0..4).map(|_| s1.clone()).collect();
        let refs: Vec<&Sentence> = sents.iter().collect();
        let v = Vectors {
            words: vec![
                "قال".into(),
                "محمد".into(),
                "في".into(),
                "مصر".into(),
                "احمد".into(),
            ],
            data: vec![1.0, 0.0, 0.0, 1.0, 0.7, 0.7, 0.0, -1.0, 0.0, 1.0],
            dim: 2,
        };
        let vocab: FxHashMap<&str, usize> = v
            .words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.as_str(), i))
            .collect();
        let p = ProtoParams::default();
        let protos = select_prototypes(&refs, &vocab, &p);
        assert!(protos.contains(&("محمد".to_string(), 0, 1)));
        assert!(protos.contains(&("مصر".to_string(), 2, 2 * PROTO_BLOCK + 1)));
        assert!(!protos.iter().any(|x| x.0 == "قال"));
        let near = nearest_prototypes(&v, &protos, &p);
        // احمد (index 4) is identical in direction to محمد: its best prototype is B-PERS
        let a = near.iter().find(|x| x.0 == 4).unwrap();
        assert_eq!(proto_label(a.1[0]), Some(0));
        // قال (index 0) is orthogonal to محمد and far from مصر: no prototype
        assert!(!near.iter().any(|x| x.0 == 0));
        assert_eq!(proto_label(0), None);
    }
}
