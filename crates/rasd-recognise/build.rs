//! Compiles the person-name lists `data/names/person_names.tsv`,
//! `data/names/name_words.tsv` and `data/names/family_words.txt` (at the repository root) into two open-addressing tables
//! of 64-bit keys (layout in `src/nametable.rs`) that the library embeds with
//! `include_bytes!`: `$OUT_DIR/names.bin` (full names and their prefixes) and
//! `$OUT_DIR/names_small.bin` (given names, family names, first words of full names).
//! No parsing or hashing of the lists at start-up. The sports clubs of
//! `data/names/clubs.tsv` go to a third table, `$OUT_DIR/clubs.bin`.
//!
//! Every name is folded with `rasd_text::fold`, the engine's own folding, so a lookup by
//! a token's normalised text matches whatever spelling variant the lists used. A missing
//! file gives an empty table and a `cargo:warning`, never a failed build.

#[allow(dead_code)]
#[path = "src/nametable.rs"]
mod nametable;

use std::path::{Path, PathBuf};

/// A given name counts when the source saw it as a given name this often: the rarer
/// «given names» of the romanised index are mostly ordinary words that also name people
/// («شرف», «صاحب», «خادم», «عسكري», «يزيد»), too risky in running text.
const GIVEN_MIN: u64 = 20;
/// A bare family name counts when the source saw it as a family name this often; a
/// definite one («الزوي») once is enough (few ordinary words are listed that way).
const SURNAME_MIN: u64 = 2;

/// Spelling variants of a folded full name: as listed, with «عبد»/«ابو» glued to the
/// next word («عبد الله» → «عبدالله»), and with a glued «عبدال…» split («عبدالرحمن» →
/// «عبد الرحمن»). News text writes both.
fn variants(name: &str) -> Vec<String> {
    let words: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).collect();
    let mut out = vec![words.join(" ")];
    let mut glued: Vec<String> = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if matches!(words[i], "عبد" | "ابو") && i + 1 < words.len() {
            glued.push(format!("{}{}", words[i], words[i + 1]));
            i += 2;
        } else {
            glued.push(words[i].to_string());
            i += 1;
        }
    }
    out.push(glued.join(" "));
    let split: Vec<String> = words
        .iter()
        .map(|w| match w.strip_prefix("عبد") {
            Some(rest) if rest.starts_with("ال") && rest.chars().count() >= 3 => {
                format!("عبد {rest}")
            }
            _ => w.to_string(),
        })
        .collect();
    out.push(split.join(" "));
    out.sort();
    out.dedup();
    out
}

/// False for listed «full names» that are not names of one person in running text: a
/// particle and one word («عبد الكريم», «أبو العباس») is a given name or a kunya that
/// is also part of longer names, and a name cannot start with «بن»/«ابن»/«بنت» (that is
/// the middle of a longer name, «الحسين بن علي»).
fn full_name_ok(folded: &str) -> bool {
    let words: Vec<&str> = folded.split(' ').collect();
    let particle = |w: &str| matches!(w, "عبد" | "ابو" | "ام" | "بن" | "ابن" | "بنت");
    match words.first() {
        Some(w) if matches!(*w, "بن" | "ابن" | "بنت") => false,
        Some(w) if words.len() == 2 && particle(w) => false,
        Some(_) => true,
        None => false,
    }
}

/// The text of data file `path`, registered for rebuilds; a missing or unreadable file
/// gives no text and a `cargo:warning` saying what is lost (`lost`).
fn data_text(path: &Path, lost: &str) -> String {
    println!("cargo:rerun-if-changed={}", path.display());
    std::fs::read_to_string(path).unwrap_or_else(|e| {
        println!(
            "cargo:warning=rasd-recognise: cannot read {}: {e}; {lost}",
            path.display()
        );
        String::new()
    })
}

fn main() {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let data = std::env::var("RASD_NAMES_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| manifest.join("../../data/names"));
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    println!("cargo:rerun-if-env-changed=RASD_NAMES_DATA");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed=src/nametable.rs");
    // Two tables: the big one holds full names and their prefixes; the small one (given
    // names, family names, first words of full names) is probed for most tokens and
    // stays in the cache.
    let mut keys: Vec<u64> = Vec::new();
    let mut small: Vec<u64> = Vec::new();
    let (mut full, mut given, mut surnames) = (0usize, 0usize, 0usize);

    let people = data.join("person_names.tsv");
    let text = data_text(&people, "no listed full names");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let Some(name) = line.split('\t').next() else {
            continue;
        };
        let f = rasd_text::fold(name);
        if !f.contains(' ') || !full_name_ok(&f) {
            continue;
        }
        for v in variants(&f) {
            let words: Vec<&str> = v.split(' ').collect();
            if words.len() < 2 {
                continue;
            }
            small.push(nametable::key(nametable::FIRST, words[0]));
            keys.push(nametable::key(nametable::FULL, &v));
            for n in 2..=words.len() {
                keys.push(nametable::key(nametable::PREFIX, &words[..n].join(" ")));
            }
        }
        full += 1;
    }

    let words = data.join("name_words.tsv");
    let text = data_text(&words, "no listed name words");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let cols: Vec<&str> = line.split('\t').collect();
        let (Some(w), Some(role), Some(count), Some(source)) =
            (cols.first(), cols.get(1), cols.get(2), cols.get(3))
        else {
            continue;
        };
        // The romanised index tells given names from family names; the other
        // source's words are mostly foreign names of any role.
        if *source != "romanizer" {
            continue;
        }
        let count: u64 = count.parse().unwrap_or(0);
        let f = rasd_text::fold(w);
        if f.is_empty() || f.contains(' ') {
            continue;
        }
        match *role {
            "given" if count >= GIVEN_MIN => {
                small.push(nametable::key(nametable::GIVEN, &f));
                given += 1;
            }
            "surname" if count >= SURNAME_MIN || (count >= 1 && f.starts_with("ال")) => {
                small.push(nametable::key(nametable::SURNAME, &f));
                surnames += 1;
            }
            _ => {}
        }
    }

    // Definite family names that news prints after given names and seldom elsewhere
    // (`scripts/kb/family_words.py`, from corpus counts): «الركبان», «العطيشان».
    let family = data.join("family_words.txt");
    let text = data_text(&family, "no corpus family names");
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let f = rasd_text::fold(line.trim());
        if !f.is_empty() && !f.contains(' ') {
            small.push(nametable::key(nametable::SURNAME, &f));
            surnames += 1;
        }
    }

    keys.sort_unstable();
    keys.dedup();
    small.sort_unstable();
    small.dedup();
    let table = nametable::build(&keys);
    let small_table = nametable::build(&small);
    let stats = format!(
        "full_names {full}\ngiven {given}\nsurnames {surnames}\nkeys {}\ntable_bytes {}\nsmall_keys {}\nsmall_table_bytes {}\n",
        keys.len(),
        table.len(),
        small.len(),
        small_table.len()
    );
    let (club_keys, clubs) = club_keys(&data.join("clubs.tsv"));
    let club_table = nametable::build(&club_keys);
    let stats = format!("{stats}clubs {clubs}\nclub_keys {}\n", club_keys.len());
    for (name, bytes) in [
        ("clubs.bin", &club_table[..]),
        ("names.bin", &table[..]),
        ("names_small.bin", &small_table[..]),
        ("names_stats.txt", stats.as_bytes()),
    ] {
        if let Err(e) = std::fs::write(out.join(name), bytes) {
            panic!("rasd-recognise: cannot write {name} to OUT_DIR: {e}");
        }
    }
}

/// The keys of the sports clubs listed in `path` and how many names they come from: one
/// key for a one-word name, and for a longer one its first word, its prefixes and the
/// whole. Rows that are no club's name but a category of people («مدربو نادي سانتوس»)
/// are left out.
fn club_keys(path: &Path) -> (Vec<u64>, usize) {
    let text = data_text(path, "no listed sports clubs");
    let names: Vec<String> = text
        .lines()
        .filter(|l| !l.starts_with('#'))
        .filter_map(|l| l.split('\t').next())
        .map(rasd_text::fold)
        .collect();
    let mut keys = Vec::new();
    let mut n = 0;
    // How many clubs of two words or more start with each word: a short form is only
    // safe for a word that starts one («مانشستر», «نيويورك» start several).
    let mut starts: std::collections::HashMap<&str, usize> = Default::default();
    for f in &names {
        let mut words = f.split(' ').filter(|w| !w.is_empty());
        if let (Some(w), Some(_)) = (words.next(), words.next()) {
            *starts.entry(w).or_default() += 1;
        }
    }
    for f in &names {
        let words: Vec<&str> = f.split(' ').filter(|w| !w.is_empty()).collect();
        match words.as_slice() {
            [] => continue,
            [w, ..] if matches!(*w, "مدربو" | "لاعبو" | "رؤساء") => continue,
            [w] => keys.push(nametable::key(nametable::CLUB_ONE, w)),
            [w, ..] => {
                if let Some(short) =
                    short_form(&words).filter(|s| s != w || starts.get(s) == Some(&1))
                {
                    keys.push(nametable::key(nametable::CLUB_ONE, short));
                }
                keys.push(nametable::key(nametable::CLUB_FIRST, w));
                for k in 2..=words.len() {
                    keys.push(nametable::key(
                        nametable::CLUB_PREFIX,
                        &words[..k].join(" "),
                    ));
                }
                keys.push(nametable::key(nametable::CLUB, &words.join(" ")));
            }
        }
        n += 1;
    }
    keys.sort_unstable();
    keys.dedup();
    (keys, n)
}

/// The one word news also calls a club of two words by, when the other is a generic part
/// of club names: «توتنهام» of «توتنهام هوتسبير», «سوانزي» of «سوانزي سيتي», «ميلان» of
/// «إيه سي ميلان».
fn short_form<'a>(words: &[&'a str]) -> Option<&'a str> {
    // Folded («ألبيون» → «البيون»), as the words are.
    const SUFFIXES: &[&str] = &[
        "سيتي",
        "يونايتد",
        "تاون",
        "هوتسبير",
        "هوتسبر",
        "البيون",
        "روفرز",
        "واندررز",
        "اثلتيك",
    ];
    const PREFIXES: &[&str] = &["ايه سي", "اي سي", "اف سي"];
    match words {
        [w, s] if SUFFIXES.contains(s) => Some(w),
        [head @ .., last] => PREFIXES.contains(&head.join(" ").as_str()).then_some(*last),
        [] => None,
    }
}
