//! The units lexicon: counted nouns of news text → English lemma.
//!
//! The table is the readable file `data/units.tsv` (lemma, class, Arabic forms), embedded
//! with `include_str!` and parsed once. Forms are folded with [`rasd_text::fold`]. For
//! each singular the loader adds the accusative used after 11–99 («مدنيا») and the dual
//! («جنديين», «طائرتين») — except for nisba nouns whose sound plural is spelled like the
//! dual («مدنيين»), where reading the word as *two* would be wrong. Multi-word forms
//! («عبوة ناسفة», «دولار أمريكي», «في المائة») are kept in a separate first-word index
//! and matched longest first.

use crate::lex::FxMap;
use rasd_text::fold;
use std::sync::LazyLock;

/// What kind of thing a unit counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    /// The noun itself says what happened to people (قتيل, جريح).
    Casualty,
    /// People of some kind (مدني, جندي): kept as `of` when an event noun gives the unit.
    Person,
    /// Weapons and munitions.
    Weapon,
    /// Vehicles, aircraft, ships.
    Vehicle,
    /// Currencies.
    Money,
    /// Measures and percentages.
    Measure,
    /// Places and buildings.
    Place,
    /// Other countable things.
    Thing,
    /// Animals.
    Animal,
}

/// One row of the table.
#[derive(Clone, Debug)]
pub struct Unit {
    /// English lemma.
    pub lemma: &'static str,
    /// Class.
    pub class: Class,
}

/// The parsed table.
pub struct Units {
    /// Rows; a unit id is an index.
    pub units: Vec<Unit>,
    /// Single-word forms: (folded form, id, is dual).
    pub single: Vec<(String, u16, bool)>,
    /// Multi-word forms by their first word: (remaining words, id).
    pub multi: FxMap<String, Vec<(Vec<String>, u16)>>,
}

const TSV: &str = include_str!("../data/units.tsv");

fn class_of(s: &str) -> Class {
    match s {
        "casualty" => Class::Casualty,
        "person" => Class::Person,
        "weapon" => Class::Weapon,
        "vehicle" => Class::Vehicle,
        "money" => Class::Money,
        "measure" => Class::Measure,
        "place" => Class::Place,
        "animal" => Class::Animal,
        _ => Class::Thing,
    }
}

fn parse() -> Units {
    let mut units = Vec::new();
    let mut single = Vec::new();
    let mut multi: FxMap<String, Vec<(Vec<String>, u16)>> = FxMap::default();
    for line in TSV.lines() {
        let line = line.trim_end();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut cols = line.split('\t');
        let (Some(lemma), Some(class), Some(forms)) = (cols.next(), cols.next(), cols.next())
        else {
            continue;
        };
        let Ok(id) = u16::try_from(units.len()) else {
            break;
        };
        units.push(Unit {
            lemma,
            class: class_of(class),
        });
        let forms: Vec<&str> = forms
            .split('|')
            .map(str::trim)
            .filter(|f| !f.is_empty())
            .collect();
        let sing = forms.first().map(|f| fold(f)).unwrap_or_default();
        let sound_plural = forms.iter().any(|f| {
            let f = fold(f);
            f == format!("{sing}ين") || f == format!("{sing}ون")
        });
        for (k, f) in forms.iter().enumerate() {
            let folded = fold(f);
            if folded.contains(' ') {
                let mut words = folded.split(' ').map(str::to_string);
                if let Some(first) = words.next() {
                    multi.entry(first).or_default().push((words.collect(), id));
                }
                continue;
            }
            single.push((folded.clone(), id, false));
            // The accusative after 11–99 («مصابا») of every singular-looking form.
            let plural_looking = ["ين", "ون", "ات", "ان"].iter().any(|e| folded.ends_with(e));
            if k != 0 {
                if !plural_looking && !matches!(f.chars().last(), Some('ة' | 'ى' | 'ا' | 'ء' | 'ي'))
                {
                    single.push((format!("{folded}ا"), id, false));
                }
                continue;
            }
            // Generated forms of the singular. Duals of measures and currencies are
            // left out: they are rare and collide with names («ميلان» is Milan, not two
            // miles).
            let class = units.last().map(|u: &Unit| u.class);
            let dual_ok = !matches!(class, Some(Class::Measure | Class::Money));
            let last = f.chars().last();
            match last {
                Some('ة') if dual_ok => {
                    let stem = folded.trim_end_matches('ه');
                    single.push((format!("{stem}تين"), id, true));
                    single.push((format!("{stem}تان"), id, true));
                }
                Some('ة') => {}
                Some('ى') | Some('ا') | Some('ء') => {}
                Some(_) => {
                    single.push((format!("{folded}ا"), id, false));
                    if !sound_plural && dual_ok {
                        single.push((format!("{folded}ين"), id, true));
                        single.push((format!("{folded}ان"), id, true));
                    }
                }
                None => {}
            }
        }
    }
    for v in multi.values_mut() {
        v.sort_by_key(|(rest, _)| std::cmp::Reverse(rest.len()));
    }
    Units {
        units,
        single,
        multi,
    }
}

/// The table, parsed once.
pub static UNITS: LazyLock<Units> = LazyLock::new(parse);

/// Single-word forms for the lexicon: (id, folded form, is dual).
pub fn forms() -> impl Iterator<Item = (u16, String, bool)> {
    UNITS.single.iter().map(|(f, id, d)| (*id, f.clone(), *d))
}

/// The unit with id `id`.
pub fn get(id: u16) -> Option<&'static Unit> {
    UNITS.units.get(id as usize)
}

/// Number of units in the table.
pub fn len() -> usize {
    UNITS.units.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_large_and_parsed() {
        assert!(len() >= 300, "only {} units", len());
        let find = |w: &str| {
            UNITS
                .single
                .iter()
                .find(|(f, ..)| f == &fold(w))
                .map(|(_, id, d)| (get(*id).unwrap().lemma, *d))
        };
        assert_eq!(find("قتيل"), Some(("killed", false)));
        assert_eq!(find("مدنيا"), Some(("civilian", false)));
        assert_eq!(find("جنديين"), Some(("soldier", true)));
        assert_eq!(find("طائرتين"), Some(("aircraft", true)));
        // «مدنيين» is the plural, not a dual.
        assert_eq!(find("مدنيين"), Some(("civilian", false)));
        assert_eq!(find("دولار"), Some(("USD", false)));
        assert!(UNITS.multi.contains_key(&fold("عبوة")));
    }
}
