//! Geocoding place entities with document context.
//!
//! Every knowledge-base place whose name (or a variant) matches one of the entity's
//! mentions is a candidate. A candidate's score adds:
//!
//! * a **kind prior** (country 3, sea/region 2, admin-1 1.2, city 1, town/admin-2 0.6,
//!   neighbourhood 0.3, village 0.2) and **size**, `0.5 × log10(1 + population)`, plus
//!   1 for a capital (PPLC) and 0.4 for an admin seat (PPLA);
//! * **literalness**: 0.8 when the mention is a listed name rather than a generated
//!   variant, 0.2 more for the canonical name;
//! * **global country support**, up to 2.5: countries named as places (resolved first,
//!   one unit per mention), nationality adjectives (0.5 each) and the countries of
//!   linked people and organisations (0.3 each), normalised by the best country;
//! * **local country support**: a country (or its nationality adjective, at half
//!   strength) named within six words of a mention adds 3, in the same sentence 1.5, in
//!   a neighbouring sentence 0.75 — an apposition like «شتوتغارت (ألمانيا)» outweighs a
//!   story full of another country;
//! * 1.5 when the candidate's parent (admin-1) is itself mentioned.
//!
//! So «طرابلس» in a story about Libya resolves to Tripoli, LY (country support beats
//! the Lebanese city's), and to Tripoli, LB in a story about Lebanon; a lone mention
//! falls back on kind and size.

use rasd_doc::Geo;
use rasd_kb::format::{V_CANONICAL, V_DERIVED, V_LIL};
use rasd_kb::{Entry, EntryKind, Kb, PlaceKind};
use std::collections::HashMap;

/// A candidate place for an entity.
#[derive(Clone, Copy, Debug)]
pub struct PlaceCand {
    /// Entry index.
    pub entry: u32,
    /// Variant flags of the best key that led to it.
    pub flags: u32,
}

/// Kind prior of a place.
pub fn kind_prior(k: Option<PlaceKind>) -> f32 {
    match k {
        Some(PlaceKind::Country) => 3.0,
        Some(PlaceKind::Sea) | Some(PlaceKind::Region) => 2.0,
        Some(PlaceKind::Admin1) => 1.2,
        Some(PlaceKind::City) => 1.0,
        Some(PlaceKind::Town) | Some(PlaceKind::Admin2) => 0.6,
        Some(PlaceKind::Neighbourhood) => 0.3,
        Some(PlaceKind::Village) => 0.2,
        None => 0.2,
    }
}

/// Context-free score of a candidate.
pub fn intrinsic(e: &Entry<'_>, flags: u32) -> f32 {
    let mut s = kind_prior(e.place_kind()) + 0.5 * (1.0 + e.population() as f32).log10();
    match e.feature() {
        Some("PPLC") => s += 1.0,
        Some(f) if f.starts_with("PPLA") => s += 0.4,
        _ => {}
    }
    if flags & V_DERIVED == 0 {
        s += 0.8;
    }
    if flags & V_CANONICAL != 0 {
        s += 0.2;
    }
    s
}

/// Places for the folded names of an entity's mentions (`lil`: the name was written
/// after a preposition ل with the article's alef dropped).
pub fn candidates(kb: &Kb, names: &[(String, bool)]) -> Vec<PlaceCand> {
    let mut out: Vec<PlaceCand> = Vec::new();
    for (name, lil) in names {
        for p in kb.lookup(name) {
            if p.flags & V_LIL != 0 && !lil {
                continue;
            }
            let Some(e) = kb.entry(p.entry) else { continue };
            if e.kind() != Some(EntryKind::Place) {
                continue;
            }
            match out.iter_mut().find(|c| c.entry == p.entry) {
                Some(c) => {
                    if c.flags & V_DERIVED != 0 && p.flags & V_DERIVED == 0 {
                        c.flags = p.flags;
                    }
                }
                None => out.push(PlaceCand {
                    entry: p.entry,
                    flags: p.flags,
                }),
            }
        }
    }
    out
}

/// Where a mention stands: (sentence, token index).
pub type Pos = (usize, usize);

/// Country evidence of a document, by ISO alpha-2.
#[derive(Clone, Debug, Default)]
pub struct CountryContext {
    /// Global weight per country.
    pub weight: HashMap<String, f32>,
    /// Positions where each country is named, with the strength of the naming (1 for
    /// the country itself, 0.5 for a nationality adjective).
    pub positions: HashMap<String, Vec<(Pos, f32)>>,
    /// Entries mentioned in the document (for parent support).
    pub mentioned: Vec<u32>,
}

impl CountryContext {
    /// Adds global weight `w` for country `cc2`, and a naming at `pos` with `strength`.
    pub fn add(&mut self, cc2: &str, w: f32, pos: Option<(Pos, f32)>) {
        *self.weight.entry(cc2.to_string()).or_default() += w;
        if let Some(p) = pos {
            self.positions.entry(cc2.to_string()).or_default().push(p);
        }
    }

    /// Support for country `cc2` given the positions of an entity's mentions.
    pub fn support(&self, cc2: &str, at: &[Pos]) -> f32 {
        let max = self.weight.values().copied().fold(0.0f32, f32::max);
        let global = if max > 0.0 {
            2.5 * self.weight.get(cc2).copied().unwrap_or(0.0) / max
        } else {
            0.0
        };
        let mut local = 0.0f32;
        if let Some(ps) = self.positions.get(cc2) {
            for &((s, t), strength) in ps {
                for &(ms, mt) in at {
                    let l = if ms == s && mt.abs_diff(t) <= 6 {
                        3.0
                    } else if ms == s {
                        1.5
                    } else if ms.abs_diff(s) == 1 {
                        0.75
                    } else {
                        0.0
                    };
                    local = local.max(l * strength);
                }
            }
        }
        global + local
    }
}

/// Picks the best candidate in context; `at` are the positions of the entity's mentions.
pub fn choose(kb: &Kb, cands: &[PlaceCand], ctx: &CountryContext, at: &[Pos]) -> Option<u32> {
    let mut best: Option<(f32, u32)> = None;
    for c in cands {
        let Some(e) = kb.entry(c.entry) else { continue };
        let mut s = intrinsic(&e, c.flags);
        if let Some(cc) = e.cc2() {
            s += ctx.support(cc, at);
        }
        if let Some(p) = e.parent() {
            if p.place_kind() != Some(PlaceKind::Country) && ctx.mentioned.contains(&p.index()) {
                s += 1.5;
            }
        }
        if best.is_none_or(|(b, _)| s > b) {
            best = Some((s, c.entry));
        }
    }
    best.map(|(_, e)| e)
}

/// PLOVER geographic resolution of a place kind: 1 country (and larger: seas, regions),
/// 2 admin-1, 3 admin-2, 4 city/town/village, 5 sub-city.
pub fn resolution(k: Option<PlaceKind>) -> u8 {
    match k {
        Some(PlaceKind::Country) | Some(PlaceKind::Sea) | Some(PlaceKind::Region) | None => 1,
        Some(PlaceKind::Admin1) => 2,
        Some(PlaceKind::Admin2) => 3,
        Some(PlaceKind::City) | Some(PlaceKind::Town) | Some(PlaceKind::Village) => 4,
        Some(PlaceKind::Neighbourhood) => 5,
    }
}

/// The `geo` of an entry. An administrative unit listed without coordinates takes its
/// nearest located parent's (the resolution stays the unit's own); none when no
/// ancestor is located.
pub fn geo_of(e: &Entry<'_>) -> Option<Geo> {
    let mut at = Some(*e);
    let mut coords = None;
    for _ in 0..8 {
        let Some(x) = at else { break };
        if let Some(c) = x.coords() {
            coords = Some(c);
            break;
        }
        at = x.parent();
    }
    let (lat, lon) = coords?;
    let round = |v: f64| (v * 1e5).round() / 1e5;
    Some(Geo {
        lat: round(lat),
        lon: round(lon),
        country: e.cc2().map(str::to_string),
        feature: e.feature().map(str::to_string),
        resolution: resolution(e.place_kind()),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolution_levels() {
        assert_eq!(resolution(Some(PlaceKind::Country)), 1);
        assert_eq!(resolution(Some(PlaceKind::Admin1)), 2);
        assert_eq!(resolution(Some(PlaceKind::Village)), 4);
        assert_eq!(resolution(Some(PlaceKind::Neighbourhood)), 5);
    }

    #[test]
    fn country_support_global_and_local() {
        let mut c = CountryContext::default();
        c.add("LY", 3.0, Some(((2, 20), 1.0)));
        c.add("LB", 1.0, Some(((10, 200), 1.0)));
        // Global only.
        assert!((c.support("LY", &[(20, 400)]) - 2.5).abs() < 1e-6);
        // Neighbouring sentence, same sentence, within six words.
        assert!((c.support("LB", &[(11, 230)]) - (2.5 / 3.0 + 0.75)).abs() < 1e-5);
        assert!((c.support("LB", &[(10, 220)]) - (2.5 / 3.0 + 1.5)).abs() < 1e-5);
        assert!((c.support("LB", &[(10, 203)]) - (2.5 / 3.0 + 3.0)).abs() < 1e-5);
        assert_eq!(c.support("FR", &[(1, 1)]), 0.0);
    }
}
