//! Reading the knowledge-base source files (`data/places/*.tsv`, `data/actors/*.tsv`).
//!
//! The files are tab-separated with one header line; `#` lines are comments and lists
//! inside a cell are `|`-separated. Which table a file holds is decided by its header
//! (places have `kind` and `lat`, people have `role`, organisations `subtype`, named
//! things `category`, gentilics `iso3` and `forms`), so files can be split or renamed
//! freely. Columns are looked up by header name, so their order may change too.
//!
//! Curation is ongoing while the engine is built, so a bad row must not break the build:
//! every problem becomes a [`Problem`] with `file:line` and the row is skipped. The build
//! script prints them as `cargo:warning`s.

use std::collections::HashMap;
use std::path::Path;

/// Entry kinds.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// A place (gazetteer row).
    Place = 1,
    /// An organisation.
    Org = 2,
    /// A person.
    Person = 3,
    /// A named thing (MISC): an agreement, a military operation, an initiative.
    Thing = 4,
}

impl EntryKind {
    /// From the stored byte.
    pub fn from_u8(b: u8) -> Option<EntryKind> {
        match b {
            1 => Some(EntryKind::Place),
            2 => Some(EntryKind::Org),
            3 => Some(EntryKind::Person),
            4 => Some(EntryKind::Thing),
            _ => None,
        }
    }
}

/// Place kinds, coarse to fine.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PlaceKind {
    /// Sovereign state or dependency.
    Country = 1,
    /// First-level administrative division.
    Admin1 = 2,
    /// Second-level administrative division.
    Admin2 = 3,
    /// City.
    City = 4,
    /// Town.
    Town = 5,
    /// Village.
    Village = 6,
    /// Named region larger or other than an administrative unit (continent, desert …).
    Region = 7,
    /// Neighbourhood, district of a city.
    Neighbourhood = 8,
    /// Sea, gulf, lake or river.
    Sea = 9,
}

impl PlaceKind {
    /// Parses the `kind` column.
    pub fn parse(s: &str) -> Option<PlaceKind> {
        Some(match s.trim() {
            "country" => PlaceKind::Country,
            "admin1" => PlaceKind::Admin1,
            "admin2" => PlaceKind::Admin2,
            "city" => PlaceKind::City,
            "town" => PlaceKind::Town,
            "village" => PlaceKind::Village,
            "region" => PlaceKind::Region,
            "neighbourhood" | "neighborhood" => PlaceKind::Neighbourhood,
            "sea" => PlaceKind::Sea,
            _ => return None,
        })
    }

    /// From the stored byte.
    pub fn from_u8(b: u8) -> Option<PlaceKind> {
        Some(match b {
            1 => PlaceKind::Country,
            2 => PlaceKind::Admin1,
            3 => PlaceKind::Admin2,
            4 => PlaceKind::City,
            5 => PlaceKind::Town,
            6 => PlaceKind::Village,
            7 => PlaceKind::Region,
            8 => PlaceKind::Neighbourhood,
            9 => PlaceKind::Sea,
            _ => return None,
        })
    }

    /// The name used in records (`subtype`).
    pub fn as_str(&self) -> &'static str {
        match self {
            PlaceKind::Country => "country",
            PlaceKind::Admin1 => "admin1",
            PlaceKind::Admin2 => "admin2",
            PlaceKind::City => "city",
            PlaceKind::Town => "town",
            PlaceKind::Village => "village",
            PlaceKind::Region => "region",
            PlaceKind::Neighbourhood => "neighbourhood",
            PlaceKind::Sea => "sea",
        }
    }
}

/// One knowledge-base entry as read from a source file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Row {
    /// Entry kind.
    pub kind: Option<EntryKind>,
    /// Place kind (places only).
    pub place_kind: Option<PlaceKind>,
    /// Unique key (`gn:2210247`, `p:khalifa-haftar` …).
    pub key: String,
    /// English name.
    pub name_en: String,
    /// Arabic names, first = canonical, as written in the source.
    pub names_ar: Vec<String>,
    /// ISO alpha-3 country (or IGO/UNO …).
    pub cc3: String,
    /// ISO alpha-2 country (places).
    pub cc2: String,
    /// PLOVER sector (actors).
    pub sector: String,
    /// Subtype (organisations) or role (people).
    pub subtype: String,
    /// Affiliation (people).
    pub affiliation: String,
    /// Feature code (places).
    pub feature: String,
    /// Admin-1 code or name (places).
    pub admin1: String,
    /// Latitude.
    pub lat: Option<f32>,
    /// Longitude.
    pub lon: Option<f32>,
    /// Population.
    pub population: u32,
    /// GeoNames id.
    pub geonames: u32,
    /// Wikidata Q-number.
    pub wikidata: u32,
    /// Keys of the enclosing places, nearest first (`|`-separated).
    pub parent: String,
}

/// A gentilic row: forms that name a nationality.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Gentilic {
    /// ISO alpha-3 country (or a bloc code).
    pub iso3: String,
    /// Forms as written.
    pub forms: Vec<String>,
}

/// A problem found in a source file.
#[derive(Clone, Debug, PartialEq)]
pub struct Problem {
    /// `path:line`.
    pub at: String,
    /// What is wrong.
    pub what: String,
}

/// Everything read from the source files.
#[derive(Clone, Debug, Default)]
pub struct Sources {
    /// Entries (places, organisations, people).
    pub rows: Vec<Row>,
    /// Gentilics.
    pub gentilics: Vec<Gentilic>,
    /// Problems (bad rows, unknown files).
    pub problems: Vec<Problem>,
    /// Files read.
    pub files: Vec<String>,
}

/// The cells of one row, addressed by header name.
struct Cells<'c, 't> {
    cols: &'c HashMap<&'t str, usize>,
    cells: &'c [&'t str],
}

impl<'t> Cells<'_, 't> {
    fn get(&self, c: &str) -> &'t str {
        self.cols
            .get(c)
            .and_then(|&k| self.cells.get(k))
            .map(|s| s.trim())
            .unwrap_or("")
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Table {
    Places,
    Orgs,
    People,
    Things,
    Gentilics,
}

fn table_of(cols: &HashMap<&str, usize>) -> Option<Table> {
    let has = |c: &str| cols.contains_key(c);
    if has("kind") && has("lat") && has("names_ar") {
        Some(Table::Places)
    } else if has("role") && has("names_ar") && has("key") {
        Some(Table::People)
    } else if has("category") && has("names_ar") && has("key") {
        Some(Table::Things)
    } else if has("subtype") && has("names_ar") && has("key") {
        Some(Table::Orgs)
    } else if has("iso3") && has("forms") {
        Some(Table::Gentilics)
    } else {
        None
    }
}

fn parse_q(s: &str) -> u32 {
    let s = s.trim();
    s.strip_prefix('Q')
        .or_else(|| s.strip_prefix('q'))
        .and_then(|n| n.parse().ok())
        .unwrap_or(0)
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_string)
        .collect()
}

impl Sources {
    /// Reads every `*.tsv` file in `dir/places` and `dir/actors`. Missing folders are
    /// not an error (the result is then empty).
    pub fn read_dir(dir: &Path) -> Sources {
        let mut s = Sources::default();
        for sub in ["places", "actors"] {
            let Ok(rd) = std::fs::read_dir(dir.join(sub)) else {
                continue;
            };
            let mut paths: Vec<_> = rd
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "tsv"))
                .collect();
            paths.sort();
            for p in paths {
                match std::fs::read_to_string(&p) {
                    Ok(text) => s.read_str(&p.display().to_string(), &text),
                    Err(e) => s.problems.push(Problem {
                        at: p.display().to_string(),
                        what: format!("cannot read: {e}"),
                    }),
                }
            }
        }
        s
    }

    /// Parses one file's text; `name` is used in problem reports.
    pub fn read_str(&mut self, name: &str, text: &str) {
        self.files.push(name.to_string());
        let mut cols: HashMap<&str, usize> = HashMap::new();
        let mut table = None;
        for (i, line) in text.lines().enumerate() {
            let at = || format!("{name}:{}", i + 1);
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            if table.is_none() {
                cols = cells
                    .iter()
                    .enumerate()
                    .map(|(k, c)| (c.trim(), k))
                    .collect();
                table = table_of(&cols);
                if table.is_none() {
                    self.problems.push(Problem {
                        at: at(),
                        what: "header names no known table (places, organisations, people, named things, gentilics); file skipped".into(),
                    });
                    return;
                }
                continue;
            }
            let row = Cells {
                cols: &cols,
                cells: &cells,
            };
            let get = |c: &str| row.get(c);
            let ncols = cols.len();
            if cells.len() > ncols && cells[ncols..].iter().any(|c| !c.trim().is_empty()) {
                self.problems.push(Problem {
                    at: at(),
                    what: format!("{} cells, header has {ncols}; row skipped", cells.len()),
                });
                continue;
            }
            match table {
                Some(Table::Gentilics) => {
                    let g = Gentilic {
                        iso3: get("iso3").to_string(),
                        forms: split_list(get("forms")),
                    };
                    if g.iso3.is_empty() || g.forms.is_empty() {
                        self.problems.push(Problem {
                            at: at(),
                            what: "gentilic row without iso3 or forms; skipped".into(),
                        });
                    } else {
                        self.gentilics.push(g);
                    }
                }
                Some(t) => match Self::row(t, &row) {
                    Ok(r) => self.rows.push(r),
                    Err(what) => self.problems.push(Problem { at: at(), what }),
                },
                None => {}
            }
        }
    }

    fn row(t: Table, cells: &Cells<'_, '_>) -> Result<Row, String> {
        let get = |c: &str| cells.get(c);
        let names_ar = split_list(get("names_ar"));
        if names_ar.is_empty() {
            return Err("no Arabic name; row skipped".into());
        }
        let mut r = Row {
            names_ar,
            name_en: get("name_en").to_string(),
            wikidata: parse_q(get("wikidata")),
            ..Row::default()
        };
        match t {
            Table::Places => {
                r.kind = Some(EntryKind::Place);
                r.key = get("id").to_string();
                let kind = get("kind");
                r.place_kind = Some(
                    PlaceKind::parse(kind)
                        .ok_or_else(|| format!("unknown place kind {kind:?}; row skipped"))?,
                );
                let coord = |c: &str| -> Result<Option<f32>, String> {
                    let v = get(c);
                    if v.is_empty() {
                        return Ok(None);
                    }
                    v.parse::<f32>()
                        .map(Some)
                        .map_err(|_| format!("bad {c} {v:?}; row skipped"))
                };
                r.lat = coord("lat")?;
                r.lon = coord("lon")?;
                if r.lat.is_some_and(|v| !(-90.0..=90.0).contains(&v))
                    || r.lon.is_some_and(|v| !(-180.0..=180.0).contains(&v))
                {
                    return Err("coordinates out of range; row skipped".into());
                }
                r.cc2 = get("cc2").to_string();
                r.cc3 = get("cc3").to_string();
                r.admin1 = get("admin1").to_string();
                r.feature = get("feature").to_string();
                let pop = get("population");
                r.population = if pop.is_empty() {
                    0
                } else {
                    pop.parse::<f64>()
                        .map(|p| p.clamp(0.0, u32::MAX as f64) as u32)
                        .map_err(|_| format!("bad population {pop:?}; row skipped"))?
                };
                r.geonames = get("geonames").parse().unwrap_or(0);
                r.parent = get("parent").to_string();
            }
            Table::Orgs | Table::People => {
                r.kind = Some(if t == Table::Orgs {
                    EntryKind::Org
                } else {
                    EntryKind::Person
                });
                r.key = get("key").to_string();
                r.cc3 = get("country").to_string();
                r.sector = get("sector").to_string();
                r.subtype = if t == Table::Orgs {
                    get("subtype").to_string()
                } else {
                    get("role").to_string()
                };
                r.affiliation = get("affiliation").to_string();
            }
            Table::Things => {
                r.kind = Some(EntryKind::Thing);
                r.key = get("key").to_string();
                r.cc3 = get("country").to_string();
                r.subtype = get("category").to_string();
            }
            Table::Gentilics => {}
        }
        if r.key.is_empty() {
            return Err("empty key; row skipped".into());
        }
        Ok(r)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_table_by_header() {
        let mut s = Sources::default();
        s.read_str(
            "p.tsv",
            "# comment\nid\tkind\tname_en\tnames_ar\tlat\tlon\tcc2\tcc3\tadmin1\tfeature\tpopulation\tgeonames\twikidata\tparent\tsources\n\
             gn:1\tcity\tTripoli\tطرابلس|طرابلس الغرب\t32.9\t13.2\tLY\tLBY\t77\tPPLC\t1150989\t2210247\tQ3579\tc:LY\tgeonames\n\
             gn:2\tplanet\tX\tس\t1\t1\t\t\t\t\t\t\t\t\t\n\
             gn:3\tcity\tY\tص\t100\t1\t\t\t\t\t\t\t\t\t\n",
        );
        s.read_str(
            "o.tsv",
            "key\tname_en\tcountry\tsector\tsubtype\twikidata\tnames_ar\nst:x\tArmy\tLBY\tMIL\tmilitary\t\tالجيش الوطني الليبي|الجيش الليبي\nst:y\tNone\tLBY\tMIL\tmilitary\t\t\n",
        );
        s.read_str("g.tsv", "iso3\tforms\nLBY\tليبي|الليبية\n");
        s.read_str(
            "t.tsv",
            "key\tname_en\tcountry\tcategory\twikidata\tnames_ar\nm:jcpoa\tJCPOA\t\tagreement\tQ20007416\tالاتفاق النووي\n",
        );
        assert_eq!(s.rows.len(), 3);
        let t = &s.rows[0];
        assert_eq!(t.place_kind, Some(PlaceKind::City));
        assert_eq!(t.names_ar, vec!["طرابلس", "طرابلس الغرب"]);
        assert_eq!(t.wikidata, 3579);
        assert_eq!(t.population, 1150989);
        assert_eq!(s.rows[1].kind, Some(EntryKind::Org));
        assert_eq!(s.gentilics[0].forms.len(), 2);
        assert_eq!(s.rows[2].kind, Some(EntryKind::Thing));
        assert_eq!(s.rows[2].subtype, "agreement");
        // Unknown kind, bad latitude, missing names: reported with file:line.
        let at: Vec<&str> = s.problems.iter().map(|p| p.at.as_str()).collect();
        assert_eq!(at, vec!["p.tsv:4", "p.tsv:5", "o.tsv:3"]);
    }

    #[test]
    fn unknown_header_is_reported_not_fatal() {
        let mut s = Sources::default();
        s.read_str("x.tsv", "a\tb\n1\t2\n");
        assert!(s.rows.is_empty());
        assert_eq!(s.problems.len(), 1);
    }
}
