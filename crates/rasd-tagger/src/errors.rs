//! Error breakdown of predicted entity spans against gold spans, used to decide which
//! learner, decoding or feature change to try next (issue #4).
//!
//! Every gold span is classed as *correct* (same boundaries and type), *type confusion*
//! (same boundaries, other type), *boundary* (overlaps a predicted span with other
//! boundaries; the type may or may not match) or *missed* (no overlapping prediction);
//! every predicted span that overlaps no gold span is *spurious*. Gold spans are further
//! split into *seen* (the same normalised token sequence is an entity somewhere in the
//! training sentences) and *unseen*, and the words most often involved in each error class
//! are counted. All counts are per entity type.

use crate::conll::Sentence;
use crate::labels::{spans_of_labels, EntityType, Label, Span};
use crate::normalize::normalize;
use rustc_hash::{FxHashMap, FxHashSet};
use std::fmt::Write as _;

/// Counts for one entity type (gold type, except `spurious`, which is by predicted type).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TypeCounts {
    /// Gold spans of this type.
    pub gold: usize,
    /// Exactly right.
    pub correct: usize,
    /// Right boundaries, wrong type.
    pub type_confusion: usize,
    /// Overlapping prediction with different boundaries, same type.
    pub boundary_same_type: usize,
    /// Overlapping prediction with different boundaries and type.
    pub boundary_other_type: usize,
    /// No overlapping prediction.
    pub missed: usize,
    /// Predicted spans of this type overlapping no gold span.
    pub spurious: usize,
    /// Gold spans whose normalised words are an entity in the training data.
    pub seen: usize,
    /// Of those, exactly right.
    pub seen_correct: usize,
    /// Gold spans never seen as an entity in training.
    pub unseen: usize,
    /// Of those, exactly right.
    pub unseen_correct: usize,
}

impl TypeCounts {
    /// Adds another type's counts to these.
    fn add(&mut self, c: &TypeCounts) {
        self.gold += c.gold;
        self.correct += c.correct;
        self.type_confusion += c.type_confusion;
        self.boundary_same_type += c.boundary_same_type;
        self.boundary_other_type += c.boundary_other_type;
        self.missed += c.missed;
        self.spurious += c.spurious;
        self.seen += c.seen;
        self.seen_correct += c.seen_correct;
        self.unseen += c.unseen;
        self.unseen_correct += c.unseen_correct;
    }

    /// One line of the breakdown table, headed `name`.
    fn write_row(&self, o: &mut String, name: &str) {
        let c = self;
        let _ = writeln!(
            o,
            "{:<5} {:>5} {:>8} {:>9} {:>7} {:>7} {:>7} {:>9} | {:>4} {:>8.1} {:>7} {:>10.1}",
            name,
            c.gold,
            c.correct,
            c.type_confusion,
            c.boundary_same_type,
            c.boundary_other_type,
            c.missed,
            c.spurious,
            c.seen,
            pct(c.seen_correct, c.seen),
            c.unseen,
            pct(c.unseen_correct, c.unseen)
        );
    }
}

/// The full breakdown (see the module docs).
#[derive(Debug, Clone, Default)]
pub struct ErrorReport {
    /// Per entity type, in [`EntityType::ALL`] order.
    pub per_type: [TypeCounts; 4],
    /// `confusion[g][p]`: gold spans of type `g` whose exactly matching or overlapping
    /// prediction has type `p`.
    pub confusion: [[usize; 4]; 4],
    /// Words of missed gold spans (normalised) with counts.
    pub missed_words: FxHashMap<String, usize>,
    /// Words of spurious predicted spans with counts.
    pub spurious_words: FxHashMap<String, usize>,
    /// First words of gold spans with a boundary error, with counts.
    pub boundary_words: FxHashMap<String, usize>,
    /// Boundary errors where the prediction is longer / shorter / shifted.
    pub boundary_kind: [usize; 3],
    /// Missed gold spans by length in tokens (1, 2, 3, ≥4).
    pub missed_len: [usize; 4],
    /// Missed or boundary-wrong gold spans whose first word carries a proclitic
    /// (و ف ب ل ك or ال/لل), and all gold spans whose first word does.
    pub clitic_first: (usize, usize),
    /// Example lines per error class ("boundary", "type", "missed", "spurious"): gold and
    /// predicted spans with the sentence around them.
    pub examples: Vec<(&'static str, String)>,
}

fn show(s: &Sentence, sp: &Span) -> String {
    format!(
        "{}:[{}]",
        sp.etype.as_str(),
        s.tokens.get(sp.start..sp.end).unwrap_or(&[]).join(" ")
    )
}

fn context(s: &Sentence, a: usize, b: usize) -> String {
    let lo = a.saturating_sub(3);
    let hi = (b + 3).min(s.tokens.len());
    s.tokens.get(lo..hi).unwrap_or(&[]).join(" ")
}

fn type_idx(t: EntityType) -> usize {
    EntityType::ALL.iter().position(|x| *x == t).unwrap_or(0)
}

fn words_of(s: &Sentence, sp: &Span) -> Vec<String> {
    s.tokens
        .get(sp.start..sp.end)
        .unwrap_or(&[])
        .iter()
        .map(|t| normalize(t))
        .collect()
}

/// Normalised entity phrases of the training sentences (any type).
pub fn seen_entities(train: &[&Sentence]) -> FxHashSet<Vec<String>> {
    let mut set = FxHashSet::default();
    for s in train {
        for sp in spans_of_labels(&s.labels) {
            set.insert(words_of(s, &sp));
        }
    }
    set
}

fn has_proclitic(w: &str) -> bool {
    w.starts_with("ال")
        || w.starts_with("لل")
        || (w.chars().count() > 3 && matches!(w.chars().next(), Some('و' | 'ف' | 'ب' | 'ل' | 'ك')))
}

/// Compare predicted labels with the gold sentences (same order and lengths).
pub fn breakdown(
    gold: &[&Sentence],
    pred: &[Vec<Label>],
    seen: &FxHashSet<Vec<String>>,
) -> ErrorReport {
    let mut r = ErrorReport::default();
    for (s, p) in gold.iter().zip(pred) {
        let gs = spans_of_labels(&s.labels);
        let ps = spans_of_labels(p);
        let overlaps = |a: &Span, b: &Span| a.start < b.end && b.start < a.end;
        for g in &gs {
            let gi = type_idx(g.etype);
            let c = &mut r.per_type[gi];
            c.gold += 1;
            let words = words_of(s, g);
            let is_seen = seen.contains(&words);
            let first_clitic = words.first().is_some_and(|w| has_proclitic(w));
            if first_clitic {
                r.clitic_first.1 += 1;
            }
            let exact = ps.iter().find(|x| x.start == g.start && x.end == g.end);
            let over = ps.iter().find(|x| overlaps(x, g));
            let mut ok = false;
            match (exact, over) {
                (Some(x), _) => {
                    let pi = type_idx(x.etype);
                    r.confusion[gi][pi] += 1;
                    if x.etype == g.etype {
                        c.correct += 1;
                        ok = true;
                    } else {
                        c.type_confusion += 1;
                        r.examples.push((
                            "type",
                            format!(
                                "gold {} pred {} | {}",
                                show(s, g),
                                show(s, x),
                                context(s, g.start, g.end)
                            ),
                        ));
                    }
                }
                (None, Some(x)) => {
                    r.confusion[gi][type_idx(x.etype)] += 1;
                    if x.etype == g.etype {
                        c.boundary_same_type += 1;
                    } else {
                        c.boundary_other_type += 1;
                    }
                    let kind = if x.start <= g.start && x.end >= g.end {
                        0
                    } else if x.start >= g.start && x.end <= g.end {
                        1
                    } else {
                        2
                    };
                    r.boundary_kind[kind] += 1;
                    r.examples.push((
                        "boundary",
                        format!(
                            "gold {} pred {} | {}",
                            show(s, g),
                            show(s, x),
                            context(s, g.start.min(x.start), g.end.max(x.end))
                        ),
                    ));
                    if let Some(w) = words.first() {
                        *r.boundary_words.entry(w.clone()).or_insert(0) += 1;
                    }
                    if first_clitic {
                        r.clitic_first.0 += 1;
                    }
                }
                (None, None) => {
                    c.missed += 1;
                    r.examples.push((
                        "missed",
                        format!("gold {} | {}", show(s, g), context(s, g.start, g.end)),
                    ));
                    r.missed_len[(g.end - g.start).clamp(1, 4) - 1] += 1;
                    for w in &words {
                        *r.missed_words.entry(w.clone()).or_insert(0) += 1;
                    }
                    if first_clitic {
                        r.clitic_first.0 += 1;
                    }
                }
            }
            if is_seen {
                c.seen += 1;
                c.seen_correct += usize::from(ok);
            } else {
                c.unseen += 1;
                c.unseen_correct += usize::from(ok);
            }
        }
        for x in &ps {
            if !gs.iter().any(|g| overlaps(x, g)) {
                r.per_type[type_idx(x.etype)].spurious += 1;
                r.examples.push((
                    "spurious",
                    format!("pred {} | {}", show(s, x), context(s, x.start, x.end)),
                ));
                for w in words_of(s, x) {
                    *r.spurious_words.entry(w).or_insert(0) += 1;
                }
            }
        }
    }
    r
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn top(m: &FxHashMap<String, usize>, n: usize) -> String {
    let mut v: Vec<(&String, &usize)> = m.iter().collect();
    v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
    v.iter()
        .take(n)
        .map(|(w, c)| format!("{w}:{c}"))
        .collect::<Vec<_>>()
        .join(" ")
}

impl ErrorReport {
    /// Plain-text table of the breakdown with the `n` most frequent words per class.
    pub fn report(&self, n: usize) -> String {
        let mut o = String::new();
        let _ = writeln!(
            o,
            "type   gold  correct  typeconf  bound=  bound≠  missed  spurious | seen  seen-R%  unseen  unseen-R%"
        );
        let mut tot = TypeCounts::default();
        for (t, c) in EntityType::ALL.iter().zip(&self.per_type) {
            c.write_row(&mut o, t.as_str());
            tot.add(c);
        }
        tot.write_row(&mut o, "all");
        let _ = writeln!(
            o,
            "\nconfusion (gold row → predicted column, overlapping spans):"
        );
        let _ = writeln!(o, "       PERS   LOC   ORG  MISC");
        for (t, row) in EntityType::ALL.iter().zip(&self.confusion) {
            let _ = writeln!(
                o,
                "{:<5} {:>5} {:>5} {:>5} {:>5}",
                t.as_str(),
                row[0],
                row[1],
                row[2],
                row[3]
            );
        }
        let _ = writeln!(
            o,
            "\nboundary errors: prediction longer {} / shorter {} / shifted {}",
            self.boundary_kind[0], self.boundary_kind[1], self.boundary_kind[2]
        );
        let _ = writeln!(o, "missed spans by length 1/2/3/4+: {:?}", self.missed_len);
        let _ = writeln!(
            o,
            "first word with proclitic: {} of {} gold spans, {} of them missed or boundary-wrong",
            self.clitic_first.1, tot.gold, self.clitic_first.0
        );
        let _ = writeln!(o, "\nmissed words:   {}", top(&self.missed_words, n));
        let _ = writeln!(o, "spurious words: {}", top(&self.spurious_words, n));
        let _ = writeln!(o, "boundary first words: {}", top(&self.boundary_words, n));
        o
    }

    /// Up to `n` example lines of each error class.
    pub fn examples(&self, n: usize) -> String {
        let mut o = String::new();
        for class in ["boundary", "type", "missed", "spurious"] {
            let _ = writeln!(o, "== {class}");
            for (_, line) in self.examples.iter().filter(|e| e.0 == class).take(n) {
                let _ = writeln!(o, "{line}");
            }
        }
        o
    }
}

/// Index of the first dev sentence when the last `frac` of `n` sentences form the dev
/// slice (same rule as `train --dev-split`).
pub fn dev_cut(n: usize, frac: f64) -> usize {
    let frac = frac.clamp(0.0, 0.9);
    n - ((n as f64 * frac).round() as usize).min(n.saturating_sub(1))
}

/// Tag the dev slice (the last `frac` of the training file's sentences, or block `k` of
/// `of` with `fold = Some((k, of))`, as `train --dev-fold`) with `tagger` (with document
/// consistency over `doc_window` sentences, or per sentence with `None`), and return the
/// breakdown against the gold labels (entities "seen" = in the training part) plus the
/// conlleval scores.
pub fn dev_breakdown(
    tagger: &crate::Tagger,
    train_text: &str,
    frac: f64,
    fold: Option<(usize, usize)>,
    doc_window: Option<usize>,
) -> (ErrorReport, crate::NerScores) {
    let (all, _) = crate::conll::read_labelled(train_text);
    let (lo, hi) = match fold {
        Some((k, of)) => crate::train::fold_bounds(all.len(), k, of),
        None => (dev_cut(all.len(), frac), all.len()),
    };
    let refs: Vec<&Sentence> = all.iter().collect();
    let lo = lo.min(refs.len());
    let hi = hi.clamp(lo, refs.len());
    let dv = &refs[lo..hi];
    let mut tr = refs[..lo].to_vec();
    tr.extend_from_slice(&refs[hi..]);
    let toks: Vec<Vec<&str>> = dv
        .iter()
        .map(|s| s.tokens.iter().map(String::as_str).collect())
        .collect();
    let tags = match doc_window {
        Some(w) => {
            let hints: Vec<Vec<u8>> = dv.iter().map(|s| s.hints.clone()).collect();
            tagger.tag_document_hinted(&toks, &hints, w)
        }
        None => toks
            .iter()
            .zip(dv)
            .map(|(t, s)| tagger.tag_hinted(t, &s.hints))
            .collect(),
    };
    let pred: Vec<Vec<Label>> = tags
        .iter()
        .map(|ts| ts.iter().map(|t| t.label).collect())
        .collect();
    let gold: Vec<Sentence> = dv.iter().map(|s| (*s).clone()).collect();
    let g = crate::conll::write_labelled(
        &gold,
        &gold.iter().map(|s| s.labels.clone()).collect::<Vec<_>>(),
    );
    let p = crate::conll::write_labelled(&gold, &pred);
    let scores = crate::eval_conll(&g, &p);
    (breakdown(dv, &pred, &seen_entities(&tr)), scores)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sent(toks: &[&str], labels: &[&str]) -> Sentence {
        Sentence {
            tokens: toks.iter().map(|t| t.to_string()).collect(),
            labels: labels.iter().map(|l| Label::parse(l).unwrap()).collect(),
            hints: Vec::new(),
        }
    }

    #[test]
    fn classes_are_counted() {
        let g = sent(
            &[
                "قال",
                "محمد",
                "علي",
                "في",
                "القاهرة",
                "مع",
                "شركة",
                "ابل",
                "اليوم",
            ],
            &[
                "O", "B-PERS", "I-PERS", "O", "B-LOC", "O", "B-ORG", "I-ORG", "O",
            ],
        );
        // PERS shorter (boundary), LOC typed ORG (confusion), ORG missed, «اليوم» spurious
        let p: Vec<Label> = ["O", "B-PERS", "O", "O", "B-ORG", "O", "O", "O", "B-MISC"]
            .iter()
            .map(|l| Label::parse(l).unwrap())
            .collect();
        let train = sent(&["زار", "القاهرة"], &["O", "B-LOC"]);
        let seen = seen_entities(&[&train]);
        let r = breakdown(&[&g], &[p], &seen);
        let [pers, loc, org, misc] = r.per_type;
        assert_eq!(pers.boundary_same_type, 1);
        assert_eq!(loc.type_confusion, 1);
        assert_eq!(loc.seen, 1);
        assert_eq!(org.missed, 1);
        assert_eq!(org.unseen, 1);
        assert_eq!(misc.spurious, 1);
        assert_eq!(r.confusion[1][2], 1);
        assert_eq!(r.boundary_kind, [0, 1, 0]);
        assert_eq!(r.missed_len, [0, 1, 0, 0]);
        assert_eq!(r.missed_words.get("شركه"), Some(&1));
        assert_eq!(dev_cut(100, 0.1), 90);
        assert_eq!(dev_cut(1, 0.5), 1);
        let text = r.report(5);
        assert!(text.contains("PERS"), "{text}");
    }

    #[test]
    fn perfect_prediction_has_no_errors() {
        let g = sent(&["محمد", "في", "بغداد"], &["B-PERS", "O", "B-LOC"]);
        let p = g.labels.clone();
        let r = breakdown(&[&g], &[p], &FxHashSet::default());
        let all_correct: usize = r.per_type.iter().map(|c| c.correct).sum();
        assert_eq!(all_correct, 2);
        assert!(r.per_type.iter().all(|c| c.spurious == 0 && c.missed == 0));
        assert_eq!(r.per_type[0].unseen, 1);
    }
}
