//! Word clusters learnt from unlabelled news text (SaudiNewsNet), used as tagger features.
//!
//! Names that never occur in the small labelled corpus still tend to share distributional
//! neighbourhoods with names that do; clusters carry that signal. The build is fully
//! deterministic for a given seed: (1) read every `*.zip` in a folder, each holding one JSON
//! array of articles whose `content` field is the text; (2) tokenise (letter/digit runs, each
//! punctuation mark its own token) and [`normalize`]; (3) train skip-gram word vectors with
//! negative sampling (single thread, seeded); (4) spherical k-means over the vectors of the
//! `vocab_cap` most frequent words into `k_fine` clusters, then cluster those centroids into
//! `k_mid` and `k_coarse` groups, giving a three-level hierarchy. Only the word → cluster
//! table is written (a few MB of TSV); no corpus text is ever stored.

use crate::normalize::{is_arabic_letter, normalize};
use crate::util::Rng;
use crate::Error;
use rayon::prelude::*;
use rustc_hash::FxHashMap;
use std::io::{BufRead, Read, Write};
use std::path::Path;

/// Parameters of the cluster build.
#[derive(Debug, Clone)]
pub struct ClusterParams {
    /// PRNG seed; the same seed and corpus give the same file.
    pub seed: u64,
    /// Embedding dimension.
    pub dim: usize,
    /// Maximum skip-gram window (a random window in `1..=window` is drawn per position).
    pub window: usize,
    /// Negative samples per positive pair.
    pub negative: usize,
    /// Passes over the corpus.
    pub epochs: usize,
    /// Minimum count for a word to get a vector.
    pub min_count: u32,
    /// How many of the most frequent words are written to the cluster file.
    pub vocab_cap: usize,
    /// Number of fine clusters.
    pub k_fine: usize,
    /// Number of middle-level clusters (clusters of fine centroids).
    pub k_mid: usize,
    /// Number of coarse clusters.
    pub k_coarse: usize,
    /// Sub-sampling threshold for frequent words.
    pub sample: f64,
    /// Also write the (unit-length) vectors of the `vocab_cap` most frequent words here
    /// (see [`crate::protos::write_vectors`]); used to build prototype features.
    pub vectors_out: Option<std::path::PathBuf>,
}

impl Default for ClusterParams {
    fn default() -> Self {
        ClusterParams {
            seed: 1,
            dim: 100,
            window: 5,
            negative: 5,
            epochs: 3,
            min_count: 5,
            vocab_cap: 100_000,
            k_fine: 1024,
            k_mid: 256,
            k_coarse: 64,
            sample: 1e-4,
            vectors_out: None,
        }
    }
}

/// A loaded word → (coarse, mid, fine) cluster table.
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    /// Normalised word → cluster ids at three granularities.
    pub map: FxHashMap<String, [u16; 3]>,
}

impl Clusters {
    /// Parse the TSV format written by [`build_clusters`]: `word<TAB>coarse<TAB>mid<TAB>fine`,
    /// lines starting with `#` are comments. Malformed lines are skipped.
    pub fn parse(text: &str) -> Clusters {
        let mut map = FxHashMap::default();
        for line in text.lines() {
            if line.starts_with('#') || line.is_empty() {
                continue;
            }
            let mut it = line.split('\t');
            let (Some(w), Some(a), Some(b), Some(c)) = (it.next(), it.next(), it.next(), it.next())
            else {
                continue;
            };
            let (Ok(a), Ok(b), Ok(c)) = (a.parse(), b.parse(), c.parse()) else {
                continue;
            };
            map.insert(w.to_string(), [a, b, c]);
        }
        Clusters { map }
    }

    /// Read and parse a cluster file.
    pub fn load(path: &Path) -> Result<Clusters, Error> {
        let text = std::fs::read_to_string(path).map_err(|e| Error::io(path, e))?;
        Ok(Clusters::parse(&text))
    }

    /// Look up a normalised word.
    pub fn get(&self, norm: &str) -> Option<[u16; 3]> {
        self.map.get(norm).copied()
    }
}

/// Split raw text into tokens the way ANERcorp is tokenised: runs of letters, digits and
/// combining marks form words; every other non-space character is a token of its own.
pub fn tokenize(text: &str, out: &mut Vec<String>) {
    let mut cur = String::new();
    for c in text.chars() {
        let wordy = c.is_alphanumeric()
            || is_arabic_letter(c)
            || matches!(c, '\u{064B}'..='\u{0652}' | '\u{0670}' | '\u{0640}');
        if wordy {
            cur.push(c);
        } else {
            if !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            if !c.is_whitespace() && !c.is_control() && !matches!(c, '\u{200B}'..='\u{200F}') {
                out.push(c.to_string());
            }
        }
    }
    if !cur.is_empty() {
        out.push(cur);
    }
}

#[derive(serde::Deserialize)]
struct Article {
    #[serde(default)]
    content: String,
}

/// Read every `*.zip` in `dir` (sorted by name), returning normalised token sequences,
/// one per article paragraph.
pub fn read_corpus(dir: &Path) -> Result<Vec<Vec<String>>, Error> {
    read_corpus_with(dir, true)
}

/// Like [`read_corpus`], but tokens are kept as written (for tagging the corpus).
pub fn read_corpus_raw(dir: &Path) -> Result<Vec<Vec<String>>, Error> {
    read_corpus_with(dir, false)
}

fn read_corpus_with(dir: &Path, norm: bool) -> Result<Vec<Vec<String>>, Error> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| Error::io(dir, e))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "zip"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err(Error::Data(format!("no .zip files in {}", dir.display())));
    }
    let mut paras = Vec::new();
    let mut toks = Vec::new();
    for f in &files {
        let file = std::fs::File::open(f).map_err(|e| Error::io(f, e))?;
        let mut zip =
            zip::ZipArchive::new(file).map_err(|e| Error::Data(format!("{}: {e}", f.display())))?;
        for i in 0..zip.len() {
            let mut entry = zip
                .by_index(i)
                .map_err(|e| Error::Data(format!("{}: {e}", f.display())))?;
            let json_name = entry.name().map(|n| n.ends_with(".json")).unwrap_or(false);
            if !json_name {
                continue;
            }
            let mut s = String::new();
            entry.read_to_string(&mut s).map_err(|e| Error::io(f, e))?;
            let arts: Vec<Article> = serde_json::from_str(&s)
                .map_err(|e| Error::Data(format!("{}: {e}", f.display())))?;
            for a in arts {
                for para in a.content.split('\n') {
                    toks.clear();
                    tokenize(para, &mut toks);
                    if toks.len() < 3 {
                        continue;
                    }
                    if norm {
                        paras.push(toks.iter().map(|t| normalize(t)).collect());
                    } else {
                        paras.push(toks.clone());
                    }
                }
            }
        }
    }
    Ok(paras)
}

/// Dot product with eight independent accumulators (vectorises; fixed summation order,
/// so results are reproducible).
#[inline]
fn dot(a: &[f32], b: &[f32]) -> f32 {
    let mut acc = [0f32; 8];
    let ca = a.chunks_exact(8);
    let cb = b.chunks_exact(8);
    let (ra, rb) = (ca.remainder(), cb.remainder());
    for (x, y) in ca.zip(cb) {
        for k in 0..8 {
            acc[k] += x[k] * y[k];
        }
    }
    let mut s: f32 = acc.iter().sum();
    for (x, y) in ra.iter().zip(rb) {
        s += x * y;
    }
    s
}

fn sigmoid(x: f32) -> f32 {
    if x > 8.0 {
        1.0
    } else if x < -8.0 {
        0.0
    } else {
        1.0 / (1.0 + (-x).exp())
    }
}

/// Train skip-gram-with-negative-sampling vectors (single-threaded, deterministic).
/// Returns a row-major `vocab.len() × dim` matrix of input vectors.
fn train_sgns(corpus: &[Vec<u32>], counts: &[u32], p: &ClusterParams) -> Vec<f32> {
    let v = counts.len();
    let dim = p.dim;
    let mut rng = Rng::new(p.seed);
    let mut win: Vec<f32> = (0..v * dim)
        .map(|_| (rng.unit_f32() - 0.5) / dim as f32)
        .collect();
    let mut wout = vec![0f32; v * dim];
    // unigram^0.75 table for negatives
    let table_size = 10_000_000usize;
    let pow: Vec<f64> = counts.iter().map(|&c| f64::from(c).powf(0.75)).collect();
    let total: f64 = pow.iter().sum();
    let mut table = Vec::with_capacity(table_size);
    let mut acc = 0f64;
    let mut w = 0usize;
    for i in 0..table_size {
        let target = (i as f64 + 0.5) / table_size as f64;
        while w + 1 < v && acc + pow[w] / total < target {
            acc += pow[w] / total;
            w += 1;
        }
        table.push(w as u32);
    }
    let total_words: f64 = counts.iter().map(|&c| f64::from(c)).sum();
    let keep: Vec<f32> = counts
        .iter()
        .map(|&c| {
            let f = f64::from(c) / total_words;
            ((p.sample / f).sqrt() + p.sample / f).min(1.0) as f32
        })
        .collect();
    let corpus_len: usize = corpus.iter().map(Vec::len).sum();
    let total_steps = (corpus_len * p.epochs).max(1) as f32;
    let lr0 = 0.025f32;
    let mut step = 0usize;
    let mut grad = vec![0f32; dim];
    let mut sent: Vec<u32> = Vec::new();
    let t0 = std::time::Instant::now();
    for epoch in 0..p.epochs {
        for (pi, para) in corpus.iter().enumerate() {
            if pi % 20_000 == 0 {
                eprintln!(
                    "sgns: epoch {} paragraph {}/{} ({:.0}s)",
                    epoch + 1,
                    pi,
                    corpus.len(),
                    t0.elapsed().as_secs_f32()
                );
            }
            step += para.len();
            let lr = (lr0 * (1.0 - step as f32 / total_steps)).max(lr0 * 1e-4);
            sent.clear();
            for &t in para {
                if keep[t as usize] >= 1.0 || rng.unit_f32() < keep[t as usize] {
                    sent.push(t);
                }
            }
            for i in 0..sent.len() {
                let b = 1 + rng.below(p.window);
                let lo = i.saturating_sub(b);
                let hi = (i + b + 1).min(sent.len());
                for j in lo..hi {
                    if j == i {
                        continue;
                    }
                    let center = sent[i] as usize;
                    let ctx = sent[j] as usize;
                    let wi = &mut win[center * dim..(center + 1) * dim];
                    grad.iter_mut().for_each(|g| *g = 0.0);
                    for n in 0..=p.negative {
                        let (target, label) = if n == 0 {
                            (ctx, 1.0f32)
                        } else {
                            let t = table[rng.below(table_size)] as usize;
                            if t == ctx {
                                continue;
                            }
                            (t, 0.0f32)
                        };
                        let wo = &mut wout[target * dim..(target + 1) * dim];
                        let g = (label - sigmoid(dot(wi, wo))) * lr;
                        for ((gr, o), i) in grad.iter_mut().zip(wo.iter_mut()).zip(wi.iter()) {
                            *gr += g * *o;
                            *o += g * *i;
                        }
                    }
                    for (i, gr) in wi.iter_mut().zip(&grad) {
                        *i += *gr;
                    }
                }
            }
        }
    }
    win
}

/// Spherical k-means (cosine) over unit-length rows; deterministic given `rng`.
/// `weights` scale each point's contribution to its centroid.
fn kmeans(
    points: &[f32],
    weights: &[f32],
    dim: usize,
    k: usize,
    iters: usize,
    rng: &mut Rng,
) -> Vec<u16> {
    let n = points.len() / dim;
    let k = k.min(n).max(1);
    let mut order: Vec<usize> = (0..n).collect();
    rng.shuffle(&mut order);
    let mut cent: Vec<f32> = order[..k]
        .iter()
        .flat_map(|&i| points[i * dim..(i + 1) * dim].iter().copied())
        .collect();
    let mut assign = vec![0u16; n];
    for _ in 0..iters {
        assign = (0..n)
            .into_par_iter()
            .map(|i| {
                let p = &points[i * dim..(i + 1) * dim];
                let mut best = 0usize;
                let mut best_s = f32::NEG_INFINITY;
                for c in 0..k {
                    let s = dot(p, &cent[c * dim..(c + 1) * dim]);
                    if s > best_s {
                        best_s = s;
                        best = c;
                    }
                }
                best as u16
            })
            .collect();
        let mut sums = vec![0f32; k * dim];
        let mut sizes = vec![0usize; k];
        for i in 0..n {
            let c = assign[i] as usize;
            sizes[c] += 1;
            for d in 0..dim {
                sums[c * dim + d] += weights[i] * points[i * dim + d];
            }
        }
        for c in 0..k {
            if sizes[c] == 0 {
                // re-seed an empty cluster with a random point
                let i = rng.below(n);
                sums[c * dim..(c + 1) * dim].copy_from_slice(&points[i * dim..(i + 1) * dim]);
            }
            unit(&mut sums[c * dim..(c + 1) * dim]);
        }
        cent = sums;
    }
    assign
}

fn unit(v: &mut [f32]) {
    let n: f32 = v.iter().map(|x| x * x).sum::<f32>().sqrt();
    if n > 0.0 {
        v.iter_mut().for_each(|x| *x /= n);
    }
}

/// Build the cluster table from the SaudiNewsNet zips in `corpus_dir` and write it to `out`.
/// Logs progress to stderr. Returns the number of words written.
pub fn build_clusters(corpus_dir: &Path, out: &Path, p: &ClusterParams) -> Result<usize, Error> {
    let t0 = std::time::Instant::now();
    let paras = read_corpus(corpus_dir)?;
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for para in &paras {
        for t in para {
            *counts.entry(t.as_str()).or_insert(0) += 1;
        }
    }
    let mut vocab: Vec<(&str, u32)> = counts
        .iter()
        .filter(|(_, &c)| c >= p.min_count)
        .map(|(&w, &c)| (w, c))
        .collect();
    vocab.sort_unstable_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    let index: FxHashMap<&str, u32> = vocab
        .iter()
        .enumerate()
        .map(|(i, (w, _))| (*w, i as u32))
        .collect();
    let corpus: Vec<Vec<u32>> = paras
        .iter()
        .map(|para| {
            para.iter()
                .filter_map(|t| index.get(t.as_str()).copied())
                .collect()
        })
        .collect();
    let ntok: usize = corpus.iter().map(Vec::len).sum();
    eprintln!(
        "clusters: {} paragraphs, {} tokens in vocab of {} words ({:.1}s)",
        paras.len(),
        ntok,
        vocab.len(),
        t0.elapsed().as_secs_f32()
    );
    let vcounts: Vec<u32> = vocab.iter().map(|x| x.1).collect();
    let vecs = train_sgns(&corpus, &vcounts, p);
    eprintln!(
        "clusters: vectors trained ({:.1}s)",
        t0.elapsed().as_secs_f32()
    );
    let n = vocab.len().min(p.vocab_cap);
    let dim = p.dim;
    let mut pts: Vec<f32> = vecs[..n * dim].to_vec();
    for i in 0..n {
        unit(&mut pts[i * dim..(i + 1) * dim]);
    }
    if let Some(vp) = &p.vectors_out {
        let words: Vec<&str> = vocab.iter().take(n).map(|x| x.0).collect();
        crate::protos::write_vectors(vp, &words, &pts, dim)?;
        eprintln!("clusters: wrote {} vectors to {}", n, vp.display());
    }
    let mut rng = Rng::new(p.seed.wrapping_add(17));
    let ones = vec![1f32; n];
    let fine = kmeans(&pts, &ones, dim, p.k_fine, 15, &mut rng);
    // centroids of fine clusters → cluster them again for the coarser levels
    let kf = p.k_fine.min(n).max(1);
    let mut cent = vec![0f32; kf * dim];
    let mut size = vec![0f32; kf];
    for i in 0..n {
        let c = fine[i] as usize;
        size[c] += 1.0;
        for d in 0..dim {
            cent[c * dim + d] += pts[i * dim + d];
        }
    }
    for c in 0..kf {
        unit(&mut cent[c * dim..(c + 1) * dim]);
    }
    let mid_of_fine = kmeans(&cent, &size, dim, p.k_mid, 30, &mut rng);
    let coarse_of_fine = kmeans(&cent, &size, dim, p.k_coarse, 30, &mut rng);
    eprintln!(
        "clusters: k-means done ({:.1}s)",
        t0.elapsed().as_secs_f32()
    );
    let f = std::fs::File::create(out).map_err(|e| Error::io(out, e))?;
    let mut w = std::io::BufWriter::new(f);
    let io = |e| Error::io(out, e);
    writeln!(
        w,
        "# rasd-tagger word clusters: word<TAB>coarse({})<TAB>mid({})<TAB>fine({})",
        p.k_coarse, p.k_mid, p.k_fine
    )
    .map_err(io)?;
    writeln!(
        w,
        "# built from SaudiNewsNet by `rasd-tagger-tool clusters` seed={} dim={} window={} negative={} epochs={} min_count={} vocab_cap={}",
        p.seed, p.dim, p.window, p.negative, p.epochs, p.min_count, p.vocab_cap
    )
    .map_err(io)?;
    for i in 0..n {
        let f = fine[i] as usize;
        let word = vocab[i].0;
        if word.contains(['\t', '\n']) {
            continue;
        }
        writeln!(
            w,
            "{}\t{}\t{}\t{}",
            word,
            coarse_of_fine.get(f).copied().unwrap_or(0),
            mid_of_fine.get(f).copied().unwrap_or(0),
            f
        )
        .map_err(io)?;
    }
    w.flush().map_err(io)?;
    Ok(n)
}

/// Count lines of a cluster file that carry entries (for reports).
pub fn count_entries(path: &Path) -> Result<usize, Error> {
    let f = std::fs::File::open(path).map_err(|e| Error::io(path, e))?;
    Ok(std::io::BufReader::new(f)
        .lines()
        .map_while(Result::ok)
        .filter(|l| !l.starts_with('#') && !l.is_empty())
        .count())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokenizes_like_anercorp() {
        let mut v = Vec::new();
        tokenize("قال (د.ب.أ) إن 2015، جيد!", &mut v);
        assert_eq!(
            v,
            vec![
                "قال", "(", "د", ".", "ب", ".", "أ", ")", "إن", "2015", "،", "جيد", "!"
            ]
        );
    }

    #[test]
    fn parses_cluster_file_and_skips_junk() {
        let c = Clusters::parse("# c\nمصر\t1\t2\t3\nbad line\nx\t1\tz\t3\n");
        assert_eq!(c.get("مصر"), Some([1, 2, 3]));
        assert_eq!(c.map.len(), 1);
    }

    #[test]
    fn kmeans_is_deterministic_and_separates() {
        let pts = vec![1.0, 0.0, 0.99, 0.14, 0.0, 1.0, 0.1, 0.99];
        let w = vec![1.0; 4];
        let a = kmeans(&pts, &w, 2, 2, 5, &mut Rng::new(1));
        let b = kmeans(&pts, &w, 2, 2, 5, &mut Rng::new(1));
        assert_eq!(a, b);
        assert_eq!(a[0], a[1]);
        assert_eq!(a[2], a[3]);
        assert_ne!(a[0], a[2]);
    }
}
