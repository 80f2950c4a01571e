//! Compiling the source tables into the embedded knowledge base.
//!
//! Used by the build script (and by tests, on small fixtures). Steps:
//!
//! 1. drop rows whose key repeats an earlier row (reported) and resolve place parents;
//! 2. fold every Arabic name with `rasd_text::fold` and generate its variants
//!    ([`crate::variants`]); person surnames are added when the last word is not a given
//!    name anywhere in the knowledge base and not a nationality adjective (and never for
//!    names that put the family name first: Chinese, Korean, Vietnamese); a person's
//!    nisba surname is also keyed with the article toggled (`V_ARTICLE`), and so is the
//!    surname taken from that spelling;
//! 3. group the keys: one *name* per distinct folded key, with the *postings* (entry,
//!    variant flags) that carry it, sorted so the output is reproducible;
//! 4. build a daachorse charwise automaton over the keys (value = name index) and
//!    serialise it, and write the tables in the [`crate::format`] layout.
//!
//! The automaton uses `MatchKind::Standard` so the recogniser can walk every match in one
//! pass with `find_overlapping_iter` and choose, per token, the longest key that starts
//! at a clitic boundary and ends at a token end. A leftmost-longest scan of the raw text
//! would hide names behind clitics: in «وبالجزائر» any key that starts at و or ب and
//! ends inside the word would be taken first and «الجزائر» never seen.

use crate::format::*;
use crate::source::{EntryKind, Problem, Sources};
use crate::variants::{
    gentilic_forms, name_variants, nisba_article_toggle, surname, NameContext, ARAB_STATES,
};
use daachorse::{CharwiseDoubleArrayAhoCorasickBuilder, MatchKind};
use rasd_text::fold;
use std::collections::{BTreeMap, HashMap};

/// Sizes of a compiled knowledge base.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Entries (places, organisations, people, named things).
    pub entries: usize,
    /// Places.
    pub places: usize,
    /// Organisations.
    pub orgs: usize,
    /// People.
    pub people: usize,
    /// Named things (agreements, operations …).
    pub things: usize,
    /// Distinct folded keys in the automaton.
    pub names: usize,
    /// (key, entry) pairs.
    pub postings: usize,
    /// Gentilic forms.
    pub gentilics: usize,
    /// Bytes of the table blob.
    pub blob_bytes: usize,
    /// Bytes of the serialised automaton.
    pub automaton_bytes: usize,
}

/// A compiled knowledge base: the table blob and the serialised automaton.
#[derive(Clone, Debug, Default)]
pub struct Compiled {
    /// Tables in the [`crate::format`] layout.
    pub blob: Vec<u8>,
    /// `CharwiseDoubleArrayAhoCorasick::<u32>::serialize()` output (empty when there are
    /// no names).
    pub automaton: Vec<u8>,
    /// Sizes.
    pub stats: Stats,
    /// Problems found while compiling (duplicate keys, unknown parents).
    pub problems: Vec<Problem>,
}

/// Countries (alpha-3) whose people's names start with the family name.
const FAMILY_NAME_FIRST: &[&str] = &["CHN", "TWN", "KOR", "PRK", "VNM"];

/// How many listed people may bear a given name for it to still key a leader's surname
/// ([`V_SHARED`]): «صالح» (10) does, «محمد» or «علي» (dozens) do not.
const MAX_SHARED_GIVEN: usize = 10;

fn cc_bytes<const N: usize>(s: &str) -> [u8; N] {
    let mut out = [0u8; N];
    if s.len() == N && s.bytes().all(|b| b.is_ascii_alphanumeric()) {
        out.copy_from_slice(s.as_bytes());
    }
    out
}

/// Log-likelihood ratios of character trigrams in foreign (non-Arab referents) versus
/// native names: the recogniser's foreignness score for transliterated names.
fn trigram_table(rows: &[&crate::source::Row]) -> Vec<u8> {
    let mut foreign = vec![0u32; TRIGRAM_BUCKETS];
    let mut native = vec![0u32; TRIGRAM_BUCKETS];
    let (mut nf, mut nn) = (0u64, 0u64);
    for r in rows {
        if r.cc3.is_empty() || matches!(r.cc3.as_str(), "IGO" | "UNO" | "IMG" | "NGO") {
            continue;
        }
        let is_foreign = !ARAB_STATES.contains(&r.cc3.as_str());
        for n in &r.names_ar {
            for word in fold(n).split(' ') {
                if word.chars().any(|c| c.is_ascii()) || word.chars().count() < 2 {
                    continue;
                }
                for_trigrams(word, |b| {
                    if is_foreign {
                        foreign[b] += 1;
                        nf += 1;
                    } else {
                        native[b] += 1;
                        nn += 1;
                    }
                });
            }
        }
    }
    let mut out = vec![0u8; TRIGRAM_BUCKETS];
    if nf == 0 || nn == 0 {
        return out;
    }
    let alpha = 0.5f64;
    let v = TRIGRAM_BUCKETS as f64;
    for b in 0..TRIGRAM_BUCKETS {
        let pf = (foreign[b] as f64 + alpha) / (nf as f64 + alpha * v);
        let pn = (native[b] as f64 + alpha) / (nn as f64 + alpha * v);
        let llr = ((pf / pn).ln() as f32 * TRIGRAM_SCALE)
            .round()
            .clamp(-127.0, 127.0);
        out[b] = (llr as i8) as u8;
    }
    out
}

/// Compiles the sources. Fails only if the automaton cannot be built.
pub fn compile(src: &Sources) -> Result<Compiled, String> {
    let mut problems = Vec::new();
    // 1. Unique keys.
    let mut seen: HashMap<&str, usize> = HashMap::new();
    let mut rows = Vec::with_capacity(src.rows.len());
    for r in &src.rows {
        if seen.contains_key(r.key.as_str()) {
            problems.push(Problem {
                at: r.key.clone(),
                what: "duplicate key; later row skipped".into(),
            });
            continue;
        }
        seen.insert(&r.key, rows.len());
        rows.push(r);
    }

    // Gentilics first: surnames must not be nationality adjectives.
    let mut gent: BTreeMap<String, String> = BTreeMap::new();
    for g in &src.gentilics {
        for f in &g.forms {
            for form in gentilic_forms(&fold(f)) {
                gent.entry(form).or_insert_with(|| g.iso3.clone());
            }
        }
    }
    // Given names: first words of people's names, and the word after عبد/ابو.
    // (With how many listed names start with each: a shared surname must be a rare one.)
    let mut given: HashMap<String, usize> = HashMap::new();
    for r in rows.iter().filter(|r| r.kind == Some(EntryKind::Person)) {
        for n in &r.names_ar {
            let f = fold(n);
            let words: Vec<&str> = f.split(' ').collect();
            if words.len() >= 2 {
                *given.entry(words[0].to_string()).or_default() += 1;
            }
        }
    }

    // 2–3. Keys and postings.
    let mut names: HashMap<String, Vec<(u32, u32)>> = HashMap::new();
    let mut add = |key: String, entry: u32, flags: u32| {
        let v = names.entry(key).or_default();
        match v.iter_mut().find(|(e, _)| *e == entry) {
            Some(p) => {
                // Keep the most literal reading of the key for this entry.
                if p.1 & V_DERIVED != 0 && flags & V_DERIVED == 0 {
                    p.1 = flags;
                } else if p.1 & V_DERIVED == 0 && flags & V_DERIVED == 0 {
                    p.1 |= flags & V_CANONICAL;
                }
            }
            None => v.push((entry, flags)),
        }
    };
    let is_given = |w: &str| given.contains_key(w);
    // A given name borne by few listed people («هادي», «صالح»), not a common one
    // («محمد», «علي»), may still stand for a leader in strong context.
    let rare_given = |w: &str| given.get(w).is_none_or(|&n| n <= MAX_SHARED_GIVEN);
    let is_gent = |w: &str| gent.contains_key(w);
    let mut w = Writer::default();
    let mut stats = Stats::default();
    for (i, r) in rows.iter().enumerate() {
        let i = i as u32;
        let kind = r.kind.unwrap_or(EntryKind::Place);
        match kind {
            EntryKind::Place => stats.places += 1,
            EntryKind::Org => stats.orgs += 1,
            EntryKind::Person => stats.people += 1,
            EntryKind::Thing => stats.things += 1,
        }
        let ctx = NameContext {
            place: kind == EntryKind::Place,
            foreign: !r.cc3.is_empty() && !ARAB_STATES.contains(&r.cc3.as_str()),
        };
        for (k, n) in r.names_ar.iter().enumerate() {
            let f = fold(n);
            for (key, mut flags) in name_variants(n, &f, ctx) {
                if k == 0 && flags & V_DERIVED == 0 {
                    flags |= V_CANONICAL;
                }
                add(key, i, flags);
            }
            // Chinese, Korean and Vietnamese names put the family name first: their last
            // word («بينغ» of «شي جين بينغ») is a given name, never the person alone.
            if kind == EntryKind::Person && !FAMILY_NAME_FIRST.contains(&r.cc3.as_str()) {
                let leader = LEADER_ROLES.iter().any(|l| r.subtype.starts_with(l));
                let toggled = nisba_article_toggle(&f, &is_given, &is_gent);
                if let Some(t) = &toggled {
                    add(t.clone(), i, V_DERIVED | V_ARTICLE);
                }
                // A surname from the toggled form is marked V_ARTICLE too: alone, it
                // needs the full name in the document.
                let forms = [(Some(&f), 0), (toggled.as_ref(), V_ARTICLE)];
                for (full, extra) in forms.into_iter().filter_map(|(n, x)| Some((n?, x))) {
                    if let Some(s) = surname(full, &is_given, &is_gent) {
                        for (key, flags) in name_variants(&s, &s, ctx) {
                            add(key, i, flags | extra | V_DERIVED | V_SURNAME);
                        }
                    } else if leader {
                        // A leader whose surname is also a given name («عبد ربه منصور
                        // هادي»): keyed, but marked for the recogniser's stricter test.
                        if let Some(s) =
                            // (Bare words only: «المجيد» is the article + «مجيد», and
                            // «عبد المجيد» someone else.)
                            surname(full, &|_| false, &is_gent)
                                .filter(|s| !s.starts_with("ال") && rare_given(s))
                        {
                            for (key, flags) in name_variants(&s, &s, ctx) {
                                add(key, i, flags | extra | V_DERIVED | V_SURNAME | V_SHARED);
                            }
                        }
                    }
                }
            }
        }
        // Entry record.
        let mut rec = [0u8; ENTRY_SIZE];
        rec[E_KIND] = kind as u8;
        rec[E_PLACE_KIND] = r.place_kind.map(|k| k as u8).unwrap_or(0);
        let canon = r.names_ar.first().map(String::as_str).unwrap_or("");
        put_u32(&mut rec, E_KEY, w.string(&r.key));
        put_u32(&mut rec, E_NAME_AR, w.opt(canon));
        put_u32(&mut rec, E_FOLDED, w.opt(&fold(canon)));
        put_u32(&mut rec, E_NAME_EN, w.opt(&r.name_en));
        put_u32(&mut rec, E_SECTOR, w.opt(&r.sector));
        put_u32(&mut rec, E_SUBTYPE, w.opt(&r.subtype));
        put_u32(&mut rec, E_FEATURE, w.opt(&r.feature));
        put_u32(&mut rec, E_ADMIN1, w.opt(&r.admin1));
        put_u32(&mut rec, E_AFFIL, w.opt(&r.affiliation));
        rec[E_CC3..E_CC3 + 3].copy_from_slice(&cc_bytes::<3>(&r.cc3));
        rec[E_CC2..E_CC2 + 2].copy_from_slice(&cc_bytes::<2>(&r.cc2));
        put_u32(&mut rec, E_LAT, r.lat.unwrap_or(f32::NAN).to_bits());
        put_u32(&mut rec, E_LON, r.lon.unwrap_or(f32::NAN).to_bits());
        put_u32(&mut rec, E_POP, r.population);
        put_u32(&mut rec, E_GEONAMES, r.geonames);
        put_u32(&mut rec, E_WIKIDATA, r.wikidata);
        // `parent` may list several enclosing rows, nearest first: keep the nearest known.
        let parent = if r.parent.is_empty() {
            NONE
        } else if let Some(&p) = r
            .parent
            .split('|')
            .map(str::trim)
            .find_map(|k| seen.get(k).filter(|&&p| p != i as usize))
        {
            p as u32
        } else {
            problems.push(Problem {
                at: r.key.clone(),
                what: format!("parent {:?} not found", r.parent),
            });
            NONE
        };
        put_u32(&mut rec, E_PARENT, parent);
        put_u32(&mut rec, E_NNAMES, r.names_ar.len() as u32);
        w.entries.extend_from_slice(&rec);
    }
    stats.entries = rows.len();

    // Names sorted for reproducible output; postings by entry order.
    let mut keys: Vec<(String, Vec<(u32, u32)>)> = names.into_iter().collect();
    keys.sort_by(|a, b| a.0.cmp(&b.0));
    for (_, posts) in &mut keys {
        posts.sort();
        let first = (w.postings.len() / POSTING_SIZE) as u32;
        for &(e, f) in posts.iter() {
            w.postings.extend_from_slice(&e.to_le_bytes());
            w.postings.extend_from_slice(&f.to_le_bytes());
        }
        w.names.extend_from_slice(&first.to_le_bytes());
        w.names
            .extend_from_slice(&(posts.len() as u32).to_le_bytes());
        stats.postings += posts.len();
    }
    stats.names = keys.len();

    for (form, iso) in &gent {
        let s = w.string(form);
        w.gentilics.extend_from_slice(&s.to_le_bytes());
        w.gentilics.extend_from_slice(&cc_bytes::<3>(iso));
        w.gentilics.push(0);
    }
    stats.gentilics = gent.len();

    // Entry keys: open-addressing table (hash u32, entry + 1 u32), load factor ≤ 0.7.
    let cap = ((rows.len() * 10).div_ceil(7)).next_power_of_two().max(16);
    let mut table = vec![0u8; cap * 8];
    for (i, r) in rows.iter().enumerate() {
        let h = word_hash(&r.key);
        let mut slot = h as usize & (cap - 1);
        loop {
            let at = slot * 8;
            if table[at..at + 4] == [0, 0, 0, 0] {
                table[at..at + 4].copy_from_slice(&h.to_le_bytes());
                table[at + 4..at + 8].copy_from_slice(&(i as u32).to_le_bytes());
                break;
            }
            slot = (slot + 1) & (cap - 1);
        }
    }
    w.keys = table;

    w.trigrams = trigram_table(&rows);
    w.prefixes = vec![0u8; PREFIX_BITS / 8];
    // First segments: which one-word key equals the segment, and whether longer keys
    // start with it.
    let mut segs: BTreeMap<&str, (u32, u32)> = BTreeMap::new();
    for (i, (k, _)) in keys.iter().enumerate() {
        let seg = first_segment(k);
        let b = segment_bit(seg);
        w.prefixes[b / 8] |= 1 << (b % 8);
        let e = segs.entry(seg).or_insert((NONE, 0));
        if seg.len() == k.len() {
            e.0 = i as u32;
        } else {
            e.1 |= W_MULTI;
        }
    }
    // Load factor at most 0.7.
    let cap = ((segs.len() * 10).div_ceil(7)).next_power_of_two().max(16);
    let mut table = vec![0u8; cap * WORD_SLOT];
    for (seg, (single, flags)) in &segs {
        let h = word_hash(seg);
        let h2 = word_hash2(seg);
        let value = if *single == NONE {
            W_NO_SINGLE
        } else {
            *single
        } | *flags;
        let mut slot = h as usize & (cap - 1);
        loop {
            let at = slot * WORD_SLOT;
            if table[at..at + 4] == [0, 0, 0, 0] {
                table[at..at + 4].copy_from_slice(&h.to_le_bytes());
                table[at + 4..at + 8].copy_from_slice(&h2.to_le_bytes());
                table[at + 8..at + 12].copy_from_slice(&value.to_le_bytes());
                break;
            }
            slot = (slot + 1) & (cap - 1);
        }
    }
    w.words = table;

    // 4. Automaton.
    let automaton = if keys.is_empty() {
        Vec::new()
    } else {
        let pma = CharwiseDoubleArrayAhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build_with_values(
                keys.iter()
                    .enumerate()
                    .map(|(i, (k, _))| (k.as_str(), i as u32)),
            )
            .map_err(|e| format!("automaton: {e}"))?;
        pma.serialize()
    };
    let blob = w.finish();
    stats.blob_bytes = blob.len();
    stats.automaton_bytes = automaton.len();
    Ok(Compiled {
        blob,
        automaton,
        stats,
        problems,
    })
}
