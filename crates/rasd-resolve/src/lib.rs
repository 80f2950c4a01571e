//! The resolve stage: entity mentions clustered into entities, linked to the knowledge
//! base, given a country and sector, and geocoded.
//!
//! **Clustering.** Name mentions with the same key are one entity. The key is the
//! knowledge-base entry (or the recogniser's link key `~…` for surnames, acronyms in
//! parentheses and model families); places are keyed by their folded name so that all
//! «طرابلس» are geocoded together; other unlinked names by type + folded name (the
//! «لل» of «للجيش» read as «ال»). Afterwards places that resolve to the same entry and
//! single-word people equal to the last word of exactly one multi-word person («حفتر» →
//! «خليفة حفتر») are merged, and so are unlinked organisations written as exactly one
//! other organisation without its closing adjective («حزب العمال» → «حزب العمال
//! الكردستاني»).
//!
//! **Attributes.** Canonical name: the knowledge base's canonical Arabic name, else the
//! longest name mention. Country and sector: the entry's; else a nationality adjective
//! inside an organisation's name («الجيش الوطني الليبي» → LBY) or in the title before a
//! person («اللواء الليبي …»); sectors from organisation heads («جيش» → MIL) and
//! titles («العقيد» → MIL, «وزير» → GOV).
//!
//! **Nominals.** A title/role nominal («اللواء السابق», «الضابط المتقاعد») joins a
//! person only when that is unambiguous: the one person introduced with the same title
//! word, else the only person mentioned before it. Otherwise it is dropped.
//!
//! **Geocoding.** See [`geocode`]: candidates from every place sharing a mention's
//! name, scored by kind, size and document context.
//!
//! Entities are ordered by first mention, mentions by position.

#![warn(missing_docs)]

pub mod geocode;

use geocode::{CountryContext, PlaceCand};
use rasd_doc::{
    Document, Entity, EntityMention, EntityType, KbIds, Mention, MentionKind, MentionSource, Span,
    Stage, TokenKind,
};
use rasd_kb::{EntryKind, Kb, PlaceKind};
use rasd_recognise::lexicon::{class, Lexicon};
use rasd_text::fold;
use std::collections::HashMap;

/// Sector of a title word (folded stem, article removed).
fn title_sector(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "لواء" | "عقيد" | "عميد" | "فريق" | "مشير" | "جنرال" | "رائد" | "نقيب" | "مقدم"
        | "ملازم" | "اميرال" | "ادميرال" | "رقيب" | "عريف" | "جندي" | "ضابط" | "عسكري" | "قائد" => {
            "MIL"
        }
        "رئيس" | "وزير" | "وزيره" | "ملك" | "امير" | "سفير" | "محافظ" | "والي" | "عاهل"
        | "سلطان" | "مبعوث" | "دبلوماسي" => "GOV",
        "شيخ" | "امام" | "مفتي" | "بابا" | "مطران" | "كاردينال" | "حاخام" | "داعيه" | "اسقف" => {
            "REL"
        }
        "صحفي" | "صحافي" | "مراسل" | "كاتب" => "JRN",
        "قاضي" | "محامي" => "JUD",
        "نائب" => "LEG",
        "ناشط" | "ناشطه" => "CVL",
        _ => return None,
    })
}

/// Sector of an organisation head (folded stem, article removed).
fn head_sector(stem: &str) -> Option<&'static str> {
    Some(match stem {
        "جيش" | "قوات" | "قوه" | "فوج" | "لواء" | "الويه" | "كتيبه" | "فيلق" | "فرقه" | "حرس"
        | "بحريه" | "سلاح" | "سرايا" => "MIL",
        "وزاره" | "حكومه" | "رئاسه" | "سلطه" | "مديريه" | "اداره" | "مصلحه" => {
            "GOV"
        }
        "حزب" => "PTY",
        "شرطه" | "امن" | "درك" => "COP",
        "استخبارات" | "مخابرات" => "SPY",
        "محكمه" | "قضاء" => "JUD",
        "برلمان" => "LEG",
        "صحيفه" | "مجله" | "قناه" | "اذاعه" | "جريده" | "تلفزيون" => {
            "JRN"
        }
        "حركه" | "جماعه" | "تنظيم" | "جبهه" | "ميليشيا" | "مليشيا" | "ميليشيات" | "كتائب"
        | "فصيل" => "REB",
        "شركه" | "بنك" | "مصرف" => "BUS",
        _ => return None,
    })
}

/// Token range `[first, end)` under an original-text span.
fn tokens_of(doc: &Document, span: Span) -> (usize, usize) {
    let first = doc.tokens.partition_point(|t| t.span.end <= span.start);
    let end = doc.tokens.partition_point(|t| t.span.start < span.end);
    (first, end.max(first))
}

/// Folded matching form of a mention: «للجيش الوطني» → «الجيش الوطني»; second value
/// true when the mention was written with «لل».
fn mention_key(doc: &Document, span: Span) -> (String, bool) {
    let f = fold(doc.slice(span));
    let (first, _) = tokens_of(doc, span);
    let lil = doc.tokens.get(first).is_some_and(|t| t.lil);
    if lil {
        if let Some(rest) = f.strip_prefix('ل') {
            return (format!("ا{rest}"), true);
        }
    }
    (f, false)
}

/// The resolve stage.
pub struct Resolver<'k> {
    kb: &'k Kb,
    lx: &'k Lexicon,
    cc3_to_cc2: HashMap<String, String>,
}

impl std::fmt::Debug for Resolver<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Resolver").field("kb", &self.kb).finish()
    }
}

impl Default for Resolver<'static> {
    fn default() -> Self {
        Resolver::new()
    }
}

impl Resolver<'static> {
    /// A resolver over the embedded knowledge base.
    pub fn new() -> Self {
        Resolver::with_kb(Kb::get(), Lexicon::get())
    }
}

/// One cluster under construction.
#[derive(Debug)]
struct Cluster {
    etype: EntityType,
    entry: Option<u32>,
    mentions: Vec<usize>,
    /// Folded names (with «لل» flag) for geocoding.
    names: Vec<(String, bool)>,
}

/// Moves every cluster that `joins(from, to)` attaches to exactly one other cluster into
/// that one (which keeps its entry, or takes the moved cluster's).
fn merge_into_owner(clusters: &mut Vec<Cluster>, joins: impl Fn(usize, usize) -> bool) {
    let n = clusters.len();
    let mut moves: Vec<(usize, usize)> = Vec::new();
    for from in 0..n {
        let mut owners = (0..n).filter(|&to| to != from && joins(from, to));
        if let (Some(to), None) = (owners.next(), owners.next()) {
            moves.push((from, to));
        }
    }
    for &(from, to) in moves.iter().rev() {
        let taken = std::mem::take(&mut clusters[from].mentions);
        clusters[to].mentions.extend(taken);
        if clusters[to].entry.is_none() {
            clusters[to].entry = clusters[from].entry;
        }
    }
    clusters.retain(|c| !c.mentions.is_empty());
}

impl<'k> Resolver<'k> {
    /// A resolver over a given knowledge base and lexicon.
    pub fn with_kb(kb: &'k Kb, lx: &'k Lexicon) -> Self {
        let mut cc3_to_cc2 = HashMap::new();
        for i in 0..kb.len() as u32 {
            if let Some(e) = kb.entry(i) {
                if e.place_kind() == Some(PlaceKind::Country) {
                    if let (Some(a), Some(b)) = (e.cc3(), e.cc2()) {
                        cc3_to_cc2
                            .entry(a.to_string())
                            .or_insert_with(|| b.to_string());
                    }
                }
            }
        }
        Resolver { kb, lx, cc3_to_cc2 }
    }

    /// Resolves `doc.mentions` into entities.
    pub fn resolve(&self, doc: &Document) -> Vec<Entity> {
        let ms = &doc.mentions;
        // 1. Clusters of name mentions.
        let mut clusters: Vec<Cluster> = Vec::new();
        let mut by_key: HashMap<String, usize> = HashMap::new();
        // Entry of each knowledge-base key, looked up once per document.
        let mut entry_of: HashMap<&str, Option<u32>> = HashMap::new();
        for (i, m) in ms.iter().enumerate() {
            if m.kind != MentionKind::Name {
                continue;
            }
            let (mut name, mut lil) = mention_key(doc, m.span);
            let entry = m
                .kb_key
                .as_deref()
                .filter(|k| !k.starts_with('~'))
                .and_then(|k| {
                    *entry_of
                        .entry(k)
                        .or_insert_with(|| self.kb.by_key(k).map(|e| e.index()))
                });
            // A place the recogniser linked by context, not by its words («المملكة»
            // alone for the kingdom the article names), is that country by name.
            if m.etype == EntityType::LOC && m.source == MentionSource::Pattern {
                if let Some(e) = entry.and_then(|e| self.kb.entry(e)) {
                    if e.place_kind() == Some(PlaceKind::Country) {
                        name = e.name_folded().to_string();
                        lil = false;
                    }
                }
            }
            let key = if m.etype == EntityType::LOC
                && m.kb_key.as_deref().is_none_or(|k| !k.starts_with('~'))
            {
                format!("LOC|{name}")
            } else if let Some(k) = &m.kb_key {
                k.clone()
            } else {
                format!("{}|{name}", m.etype)
            };
            let c = *by_key.entry(key).or_insert_with(|| {
                clusters.push(Cluster {
                    etype: m.etype,
                    entry: if m.etype == EntityType::LOC {
                        None
                    } else {
                        entry
                    },
                    mentions: Vec::new(),
                    names: Vec::new(),
                });
                clusters.len() - 1
            });
            let cl = &mut clusters[c];
            cl.mentions.push(i);
            if cl.entry.is_none() && m.etype != EntityType::LOC {
                cl.entry = entry;
            }
            if !cl.names.contains(&(name.clone(), lil)) {
                cl.names.push((name, lil));
            }
        }
        // Single-word people → the one multi-word person ending with that word.
        self.merge_surnames(doc, &mut clusters);
        // «حزب العمال» → the one «حزب العمال الكردستاني» of the document.
        self.merge_short_names(doc, &mut clusters);

        // 2. Geocoding: countries first, then everything else in their context.
        let mut ctx = CountryContext::default();
        let mut place_cands: Vec<Vec<PlaceCand>> = clusters
            .iter()
            .map(|c| {
                if c.etype == EntityType::LOC {
                    geocode::candidates(self.kb, &c.names)
                } else {
                    Vec::new()
                }
            })
            .collect();
        let pos_of = |span: Span| -> geocode::Pos {
            let (a, _) = tokens_of(doc, span);
            let s = doc.tokens.get(a).map(|t| t.sentence as usize).unwrap_or(0);
            (s, a)
        };
        let positions_of = |c: &Cluster| -> Vec<geocode::Pos> {
            c.mentions.iter().map(|&i| pos_of(ms[i].span)).collect()
        };
        let mut chosen: Vec<Option<u32>> = vec![None; clusters.len()];
        for (ci, c) in clusters.iter().enumerate() {
            if c.etype != EntityType::LOC {
                continue;
            }
            let best = geocode::choose(self.kb, &place_cands[ci], &ctx, &[]);
            if let Some(e) = best.and_then(|b| self.kb.entry(b)) {
                if e.place_kind() == Some(PlaceKind::Country) {
                    chosen[ci] = best;
                    if let Some(cc) = e.cc2() {
                        for p in positions_of(c) {
                            ctx.add(cc, 1.0, Some((p, 1.0)));
                        }
                    }
                }
            }
        }
        for (k, t) in doc.tokens.iter().enumerate() {
            if t.kind == TokenKind::Arabic {
                if let Some(cc3) = self.kb.gentilic(doc.token_stem(t)) {
                    if let Some(cc2) = self.cc3_to_cc2.get(cc3) {
                        ctx.add(cc2, 0.5, Some(((t.sentence as usize, k), 0.5)));
                    }
                }
            }
        }
        for c in &clusters {
            if let Some(cc3) = c.entry.and_then(|e| self.kb.entry(e)).and_then(|e| e.cc3()) {
                if let Some(cc2) = self.cc3_to_cc2.get(cc3) {
                    ctx.add(cc2, 0.3, None);
                }
            }
        }
        ctx.mentioned = place_cands.iter().flatten().map(|c| c.entry).collect();
        for (ci, c) in clusters.iter().enumerate() {
            if c.etype != EntityType::LOC || chosen[ci].is_some() {
                continue;
            }
            chosen[ci] = geocode::choose(self.kb, &place_cands[ci], &ctx, &positions_of(c));
        }
        for (ci, c) in clusters.iter_mut().enumerate() {
            if c.etype == EntityType::LOC {
                c.entry = chosen[ci];
            }
        }
        place_cands.clear();
        // Places that resolved to the same entry are one entity.
        let mut merged: Vec<Cluster> = Vec::with_capacity(clusters.len());
        for c in clusters {
            if c.etype == EntityType::LOC && c.entry.is_some() {
                if let Some(m) = merged
                    .iter_mut()
                    .find(|m| m.etype == EntityType::LOC && m.entry == c.entry)
                {
                    m.mentions.extend(c.mentions);
                    continue;
                }
            }
            merged.push(c);
        }

        // 3. Entities.
        let mut entities: Vec<Entity> = merged.iter().map(|c| self.entity(doc, c)).collect();

        // 4. Nominals.
        self.attach_nominals(doc, &mut entities);

        for e in &mut entities {
            e.mentions.sort_by_key(|m| (m.span.start, m.span.end));
            e.mentions.dedup();
        }
        entities.retain(|e| e.mentions.iter().any(|m| m.kind == MentionKind::Name));
        entities.sort_by_key(|e| {
            e.mentions
                .first()
                .map(|m| m.span.start)
                .unwrap_or(usize::MAX)
        });
        entities
    }

    /// Single-word people equal to the last word of exactly one multi-word person of
    /// the document («حفتر» → «خليفة حفتر») are that person.
    fn merge_surnames(&self, doc: &Document, clusters: &mut Vec<Cluster>) {
        let ms = &doc.mentions;
        let last_word = |i: usize| -> Option<String> {
            let (a, b) = tokens_of(doc, ms[i].span);
            (b > a + 1).then(|| doc.tokens.get(b - 1).map(|t| doc.token_stem(t).to_string()))?
        };
        let single_word = |i: usize| -> Option<String> {
            let (a, b) = tokens_of(doc, ms[i].span);
            (b == a + 1).then(|| doc.tokens.get(a).map(|t| doc.token_stem(t).to_string()))?
        };
        // The word of each person named by one word only, and the last words of each
        // person's longer mentions, read once (the pairs below ask again).
        let word: Vec<Option<String>> = clusters
            .iter()
            .map(|c| {
                (c.etype == EntityType::PER && c.mentions.iter().all(|&i| single_word(i).is_some()))
                    .then(|| c.mentions.first().and_then(|&i| single_word(i)))
                    .flatten()
            })
            .collect();
        let lasts: Vec<Vec<String>> = clusters
            .iter()
            .map(|c| {
                if c.etype == EntityType::PER {
                    c.mentions.iter().filter_map(|&i| last_word(i)).collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        merge_into_owner(clusters, |ci, cj| {
            word[ci]
                .as_deref()
                .is_some_and(|w| lasts[cj].iter().any(|l| l == w))
        });
    }

    /// An unlinked organisation written as another organisation of the document without
    /// its closing adjective («حزب العمال» after «حزب العمال الكردستاني», «وزارة الداخلية»
    /// after «وزارة الداخلية السعودية») is that organisation: news shortens a name once
    /// it is told. Only when exactly one organisation of the document extends it so, and
    /// only for names of two words or more (a bare «الجيش» may be anybody's army).
    fn merge_short_names(&self, doc: &Document, clusters: &mut Vec<Cluster>) {
        let ms = &doc.mentions;
        let stems = |i: usize| -> Vec<&str> {
            let (a, b) = tokens_of(doc, ms[i].span);
            doc.tokens
                .get(a..b)
                .unwrap_or_default()
                .iter()
                .map(|t| doc.token_stem(t))
                .collect()
        };
        // A closing adjective: a nationality («السعودية») or another nisba («الكردستاني»).
        let adjective = |w: &str| {
            self.kb.gentilic(w).is_some()
                || (w.chars().count() >= 4 && (w.ends_with('ي') || w.ends_with("يه")))
        };
        // The words of each organisation's mentions, read once (the pairs below ask again).
        let words: Vec<Vec<Vec<&str>>> = clusters
            .iter()
            .map(|c| {
                if c.etype == EntityType::ORG {
                    c.mentions.iter().map(|&i| stems(i)).collect()
                } else {
                    Vec::new()
                }
            })
            .collect();
        // The words of each unlinked organisation always written the same way.
        let short: Vec<Option<&Vec<&str>>> = clusters
            .iter()
            .zip(&words)
            .map(|(c, ws)| {
                let first = ws.first()?;
                (c.entry.is_none() && first.len() >= 2 && ws.iter().all(|w| w == first))
                    .then_some(first)
            })
            .collect();
        merge_into_owner(clusters, |ci, cj| {
            short[ci].is_some_and(|short| {
                words[cj].iter().any(|long| {
                    long.len() == short.len() + 1
                        && long.starts_with(short)
                        && long.last().is_some_and(|w| adjective(w))
                })
            })
        });
    }

    /// Builds the entity of a cluster.
    fn entity(&self, doc: &Document, c: &Cluster) -> Entity {
        let ms = &doc.mentions;
        let e = c.entry.and_then(|i| self.kb.entry(i));
        let mut mentions: Vec<EntityMention> = c
            .mentions
            .iter()
            .map(|&i| EntityMention {
                span: ms[i].span,
                kind: ms[i].kind,
            })
            .collect();
        mentions.sort_by_key(|m| m.span.start);
        let longest = mentions
            .iter()
            .map(|m| {
                let (_, lil) = mention_key(doc, m.span);
                let text = doc.slice(m.span);
                if lil {
                    // Show «الجيش …» rather than «للجيش …».
                    text.strip_prefix('ل')
                        .map(|r| format!("ا{r}"))
                        .unwrap_or_else(|| text.to_string())
                } else {
                    text.to_string()
                }
            })
            .max_by_key(|s| s.chars().count())
            .unwrap_or_default();
        let mut ent = Entity {
            etype: c.etype,
            subtype: None,
            name: longest,
            name_en: None,
            country: None,
            sector: None,
            kb: KbIds::default(),
            geo: None,
            mentions,
        };
        if let Some(e) = e {
            if !e.name_ar().is_empty() && e.kind() != Some(EntryKind::Place)
                || c.etype == EntityType::LOC
            {
                ent.name = e.name_ar().to_string();
            }
            ent.name_en = e.name_en().map(str::to_string);
            ent.kb = KbIds {
                wikidata: e.wikidata(),
                geonames: e.geonames(),
                rasd: Some(e.key().to_string()),
            };
            match e.kind() {
                Some(EntryKind::Place) => {
                    ent.subtype = e.place_kind().map(|k| k.as_str().to_string());
                    ent.geo = geocode::geo_of(&e);
                    ent.country = e.cc3().map(str::to_string);
                }
                Some(EntryKind::Org) => {
                    ent.subtype = e.subtype().map(str::to_string);
                    ent.country = e.cc3().map(str::to_string);
                    ent.sector = e.sector().map(str::to_string);
                }
                Some(EntryKind::Person) => {
                    ent.country = e.cc3().map(str::to_string);
                    ent.sector = e.sector().map(str::to_string);
                }
                Some(EntryKind::Thing) => {
                    ent.subtype = e.subtype().map(str::to_string);
                    ent.country = e.cc3().map(str::to_string);
                }
                None => {}
            }
        }
        if matches!(c.etype, EntityType::PER | EntityType::ORG) {
            self.infer_country_sector(doc, c, &mut ent);
        }
        ent
    }

    /// Country and sector from nationality adjectives, heads and titles.
    fn infer_country_sector(&self, doc: &Document, c: &Cluster, ent: &mut Entity) {
        for &i in &c.mentions {
            let m: &Mention = &doc.mentions[i];
            let (a, b) = tokens_of(doc, m.span);
            if c.etype == EntityType::ORG {
                for t in doc.tokens.get(a..b).unwrap_or(&[]) {
                    if ent.country.is_none() {
                        if let Some(cc) = self.kb.gentilic(doc.token_stem(t)) {
                            ent.country = Some(cc.to_string());
                        }
                    }
                }
                if ent.sector.is_none() {
                    if let Some(t) = doc.tokens.get(a) {
                        ent.sector = head_sector(doc.token_stem(t)).map(str::to_string);
                    }
                }
            } else {
                // The title chain before a person: up to four words back.
                let lo = a.saturating_sub(4);
                for k in (lo..a).rev() {
                    let Some(t) = doc.tokens.get(k) else { break };
                    if t.kind != TokenKind::Arabic
                        || doc.tokens.get(a).is_some_and(|x| x.sentence != t.sentence)
                    {
                        break;
                    }
                    let stem = doc.token_stem(t);
                    if ent.country.is_none() {
                        if let Some(cc) = self.kb.gentilic(stem) {
                            ent.country = Some(cc.to_string());
                            continue;
                        }
                    }
                    let cls = self.lx.classes(doc, t);
                    if cls & (class::TITLE | class::TITLE_HEAD | class::ROLE) != 0 {
                        if ent.sector.is_none() {
                            ent.sector = title_sector(stem).map(str::to_string);
                        }
                        continue;
                    }
                    if cls & class::QUALIFIER != 0 || t.al_len > 0 {
                        continue;
                    }
                    break;
                }
            }
        }
    }

    /// Title word (folded stem) introducing a person mention, if any.
    fn title_before(&self, doc: &Document, span: Span) -> Vec<String> {
        let (a, _) = tokens_of(doc, span);
        let mut out = Vec::new();
        for k in (a.saturating_sub(4)..a).rev() {
            let Some(t) = doc.tokens.get(k) else { break };
            if t.kind != TokenKind::Arabic {
                break;
            }
            let cls = self.lx.classes(doc, t);
            if cls & (class::TITLE | class::TITLE_HEAD | class::ROLE) != 0 {
                out.push(doc.token_stem(t).to_string());
            } else if cls & class::QUALIFIER == 0 && self.kb.gentilic(doc.token_stem(t)).is_none() {
                break;
            }
        }
        out
    }

    fn attach_nominals(&self, doc: &Document, entities: &mut [Entity]) {
        let per: Vec<usize> = entities
            .iter()
            .enumerate()
            .filter(|(_, e)| e.etype == EntityType::PER)
            .map(|(i, _)| i)
            .collect();
        if per.is_empty() {
            return;
        }
        // Titles each person was introduced with.
        let titles: Vec<(usize, Vec<String>)> = per
            .iter()
            .map(|&i| {
                let ts = entities[i]
                    .mentions
                    .iter()
                    .filter(|m| m.kind == MentionKind::Name)
                    .flat_map(|m| self.title_before(doc, m.span))
                    .collect();
                (i, ts)
            })
            .collect();
        for m in doc
            .mentions
            .iter()
            .filter(|m| m.kind == MentionKind::Nominal && m.etype == EntityType::PER)
        {
            let (a, _) = tokens_of(doc, m.span);
            let head = doc.tokens.get(a).map(|t| doc.token_stem(t)).unwrap_or("");
            let same_title: Vec<usize> = titles
                .iter()
                .filter(|(_, ts)| ts.iter().any(|t| t == head))
                .map(|(i, _)| *i)
                .collect();
            let target = if same_title.len() == 1 {
                Some(same_title[0])
            } else if same_title.is_empty() {
                let before: Vec<usize> = per
                    .iter()
                    .copied()
                    .filter(|&i| {
                        entities[i]
                            .mentions
                            .iter()
                            .any(|x| x.kind == MentionKind::Name && x.span.end <= m.span.start)
                    })
                    .collect();
                (before.len() == 1).then(|| before[0])
            } else {
                None
            };
            if let Some(i) = target {
                entities[i].mentions.push(EntityMention {
                    span: m.span,
                    kind: MentionKind::Nominal,
                });
            }
        }
    }
}

impl Stage for Resolver<'_> {
    fn name(&self) -> &'static str {
        "resolve"
    }

    fn process(&self, doc: &mut Document) {
        doc.entities = self.resolve(doc);
    }
}

#[cfg(test)]
mod tests;
