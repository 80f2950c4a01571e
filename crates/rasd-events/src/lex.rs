//! The event lexicons: triggers, attribution cues, light verbs, function words, actor
//! descriptors, nationality adjectives and mode cues, loaded once from the readable data
//! files under `data/` into one hash map.
//!
//! Every form is folded with [`rasd_text::fold`] and inflected with
//! [`crate::morph::inflect`] at load time. All lexicons share a single
//! `FxHashMap<folded form, Vec<Hit>>`, so scanning a token costs one lookup per clitic
//! segmentation, whatever lexicon the word belongs to; [`Lex::scan`] does that for a whole
//! document and keeps every hit with the segmentation it came from. The map is built on
//! first use (a few milliseconds for ~10,000 forms) behind a `LazyLock` and shared by all
//! threads.
//!
//! The files are tab-separated with `#` comments; a malformed row is skipped (and counted
//! in [`Lex::skipped`], which a test keeps at zero) rather than failing the pipeline.

use crate::morph::{candidates, inflect, Kind, Strip};
use rasd_doc::Plover;
use rasd_text::fold;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A role an argument slot maps to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// The doer.
    Actor,
    /// The one done to.
    Recipient,
    /// Not an argument (content, instrument …).
    Skip,
}

impl Role {
    fn parse(s: &str) -> Option<Role> {
        Some(match s {
            "act" => Role::Actor,
            "rcp" => Role::Recipient,
            "-" => Role::Skip,
            _ => return None,
        })
    }
}

/// Prepositions the argument rules care about (separate words or proclitics).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Prep {
    /// على
    Ala,
    /// ضد
    Didd,
    /// مع
    Maa,
    /// بين
    Bayna,
    /// عن
    An,
    /// ل (proclitic)
    Li,
    /// إلى
    Ila,
    /// من
    Min,
    /// ب (proclitic)
    Bi,
    /// في
    Fi,
    /// بحق «against (legal measures)»
    Bihaqq,
    /// Any other preposition.
    Other,
}

impl Prep {
    /// The preposition of a folded function word.
    pub fn of_word(w: &str) -> Prep {
        match w {
            "علي" => Prep::Ala,
            "ضد" => Prep::Didd,
            "مع" => Prep::Maa,
            "بين" => Prep::Bayna,
            "عن" => Prep::An,
            "الي" => Prep::Ila,
            "من" => Prep::Min,
            "في" => Prep::Fi,
            "بحق" => Prep::Bihaqq,
            _ => Prep::Other,
        }
    }

    /// The preposition of a proclitic byte (`b'b'`, `b'l'`, `b'k'`).
    pub fn of_clitic(b: u8) -> Option<Prep> {
        match b {
            b'b' => Some(Prep::Bi),
            b'l' => Some(Prep::Li),
            b'k' => Some(Prep::Other),
            _ => None,
        }
    }

    fn parse(s: &str) -> Option<Prep> {
        Some(match s {
            "ل" => Prep::Li,
            "ب" => Prep::Bi,
            other => match Prep::of_word(&fold(other)) {
                Prep::Other => return None,
                p => p,
            },
        })
    }
}

/// Argument hints of a trigger (the `frame` column, completed by the type defaults).
#[derive(Clone, Debug, PartialEq)]
pub struct Frame {
    /// Role of a genitive after a nominal trigger.
    pub gen: Role,
    /// Role of a direct object after a verb.
    pub obj: Role,
    /// Roles of NPs introduced by prepositions.
    pub preps: Vec<(Prep, Role)>,
    /// A force in the genitive is the doer, anything else the one done to (`gen=force`:
    /// «قصف القوات الحكومية» is the forces' shelling, «قصف المدنيين» shelling civilians).
    pub gen_force: bool,
    /// The visitor is in the genitive, unless it is a state or a place, which is the one
    /// visited (`gen=host`: «زيارة الرئيس» is the president's visit, «زيارة فرنسا» a visit
    /// to France).
    pub gen_host: bool,
    /// A gapped verbal idiom whose gap holds the subject and then the one it is done to
    /// (`gap=obj`: «حمّلت الحكومة المسلحين المسؤولية» — the government holds the gunmen
    /// responsible); with a pronoun subject the one phrase in the gap is that object
    /// («إنها تحمل قوات الاحتلال المسؤولية»).
    pub gap_obj: bool,
}

impl Frame {
    /// The role an NP introduced by `p` takes, if the frame says.
    pub fn prep(&self, p: Prep) -> Option<Role> {
        self.preps.iter().find(|(q, _)| *q == p).map(|(_, r)| *r)
    }

    /// Defaults per PLOVER type (documented in `data/triggers.tsv`).
    fn default_for(t: Plover) -> Frame {
        use Prep::*;
        use Role::*;
        let (gen, obj, preps): (Role, Role, &[(Prep, Role)]) = match t {
            Plover::ASSAULT => (
                Recipient,
                Recipient,
                &[
                    (Ala, Recipient),
                    (Didd, Recipient),
                    (Bayna, Actor),
                    (Maa, Actor),
                    (Min, Actor),
                ],
            ),
            Plover::COERCE | Plover::SANCTION => (
                Recipient,
                Recipient,
                &[(Ala, Recipient), (Didd, Recipient), (Bihaqq, Recipient)],
            ),
            Plover::THREATEN => (Skip, Recipient, &[(Didd, Recipient)]),
            Plover::PROTEST => (Actor, Skip, &[(Didd, Recipient)]),
            Plover::MOBILIZE => (Actor, Skip, &[]),
            Plover::REQUEST => (Skip, Recipient, &[(Min, Recipient)]),
            Plover::ACCUSE => (Recipient, Recipient, &[(Didd, Recipient)]),
            Plover::REJECT => (Skip, Recipient, &[]),
            Plover::AGREE => (Actor, Skip, &[(Maa, Recipient), (Bayna, Actor)]),
            Plover::CONSULT => (
                Actor,
                Recipient,
                &[
                    (Maa, Recipient),
                    (Bi, Recipient),
                    (Ila, Recipient),
                    (Bayna, Actor),
                ],
            ),
            Plover::SUPPORT => (Recipient, Recipient, &[(Bi, Recipient), (Li, Recipient)]),
            Plover::CONCEDE => (Actor, Skip, &[]),
            Plover::COOPERATE => (Skip, Skip, &[(Maa, Recipient), (Bayna, Actor)]),
            Plover::AID => (Skip, Recipient, &[(Li, Recipient), (Ila, Recipient)]),
            Plover::RETREAT => (Actor, Skip, &[(An, Recipient)]),
        };
        Frame {
            gen,
            obj,
            preps: preps.to_vec(),
            gen_force: false,
            gen_host: false,
            gap_obj: false,
        }
    }

    fn parse(s: &str, t: Plover) -> Option<Frame> {
        let mut f = Frame::default_for(t);
        if s == "-" {
            return Some(f);
        }
        for item in s.split_whitespace() {
            let (k, v) = item.split_once('=')?;
            if item == "gen=force" {
                f.gen = Role::Recipient;
                f.gen_force = true;
                continue;
            }
            if item == "gen=host" {
                f.gen = Role::Actor;
                f.gen_host = true;
                continue;
            }
            if item == "gap=obj" {
                f.gap_obj = true;
                continue;
            }
            let r = Role::parse(v)?;
            match k {
                "gen" => f.gen = r,
                "obj" => f.obj = r,
                _ => {
                    let p = Prep::parse(k.strip_prefix("p:")?)?;
                    f.preps.retain(|(q, _)| *q != p);
                    f.preps.push((p, r));
                }
            }
        }
        Some(f)
    }
}

/// A size slot.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Slot {
    /// Killed.
    Dead,
    /// Wounded.
    Injured,
    /// Arrested.
    Arrested,
    /// Troops deployed.
    Troops,
}

impl Slot {
    fn parse(s: &str) -> Option<Option<Slot>> {
        Some(match s {
            "dead" => Some(Slot::Dead),
            "injured" => Some(Slot::Injured),
            "arrested" => Some(Slot::Arrested),
            "troops" => Some(Slot::Troops),
            "-" => None,
            _ => return None,
        })
    }
}

/// A trigger lexicon entry.
#[derive(Clone, Debug)]
pub struct Trig {
    /// Word class of the head word.
    pub kind: Kind,
    /// PLOVER category.
    pub plover: Plover,
    /// PLOVER mode.
    pub mode: Option<&'static str>,
    /// Argument hints.
    pub frame: Frame,
    /// Size slot of counts bound to it.
    pub slot: Option<Slot>,
    /// Context words of which one must be near (word ids).
    pub ctx_pos: Vec<u32>,
    /// Context words that rule it out (word ids).
    pub ctx_neg: Vec<u32>,
    /// Words that rule it out right after the trigger (word ids).
    pub next_neg: Vec<u32>,
    /// Words that rule it out right before the trigger (word ids): «في مواجهة» is the
    /// preposition «in the face of», not a confrontation.
    pub prev_neg: Vec<u32>,
    /// Later words of a multiword trigger (word ids).
    pub rest: Vec<u32>,
    /// Folded citation form of the head word (for same-noun anaphora).
    pub head: Box<str>,
}

impl Trig {
    /// True when counts bound to the trigger are dead or wounded («قتل», «مقتل», «أصيب»).
    pub fn casualty(&self) -> bool {
        matches!(self.slot, Some(Slot::Dead) | Some(Slot::Injured))
    }
}

/// Attribution cue classes (see `data/cues.tsv`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueClass {
    /// Reporting verb.
    Say,
    /// «according to» phrase.
    Per,
    /// Noun heading a source NP.
    Source,
    /// Denial.
    Deny,
    /// Denial only with a claim object.
    DenyIfObj,
    /// Claim words a denial takes as object.
    DenyObj,
    /// Hedge.
    Hedge,
    /// Conditional, future, intention.
    Hypo,
    /// Governor of a non-event masdar.
    Irrealis,
    /// Negation.
    Neg,
    /// Clause boundary for cue scope.
    Contrast,
    /// Question word.
    Question,
    /// Intensifier kept in a denial cue.
    Intens,
}

impl CueClass {
    fn parse(s: &str) -> Option<CueClass> {
        Some(match s {
            "say" => CueClass::Say,
            "per" => CueClass::Per,
            "source" => CueClass::Source,
            "deny" => CueClass::Deny,
            "deny-if-obj" => CueClass::DenyIfObj,
            "deny-obj" => CueClass::DenyObj,
            "hedge" => CueClass::Hedge,
            "hypo" => CueClass::Hypo,
            "irrealis" => CueClass::Irrealis,
            "neg" => CueClass::Neg,
            "contrast" => CueClass::Contrast,
            "question" => CueClass::Question,
            "intens" => CueClass::Intens,
            _ => return None,
        })
    }
}

/// A cue entry.
#[derive(Clone, Debug)]
pub struct Cue {
    /// Class.
    pub class: CueClass,
    /// Word class of the first word.
    pub kind: Kind,
    /// Later words of a phrase (word ids).
    pub rest: Vec<u32>,
}

/// What a light verb's subject is to the event of the noun after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LightRole {
    /// The doer.
    Actor,
    /// The one done to («تعرض لهجوم»).
    Recipient,
    /// The place («شهدت المدينة اشتباكات»).
    Location,
    /// The event is passive («تم اعتقال»).
    Passive,
    /// Nothing («وقع انفجار»).
    None,
}

/// A light verb entry.
#[derive(Clone, Debug)]
pub struct Light {
    /// perf | impf.
    pub kind: Kind,
    /// Preposition introducing the noun (ب, ل, في), if any.
    pub prep: Option<Prep>,
    /// Role of its subject.
    pub role: LightRole,
}

/// Function word classes for the chunker.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Fw {
    /// Preposition.
    Prep,
    /// Preposition that introduces a place.
    LocPrep,
    /// Conjunction.
    Conj,
    /// Complementiser.
    Comp,
    /// Relative pronoun.
    Rel,
    /// Demonstrative.
    Dem,
    /// Pronoun.
    Pron,
    /// Auxiliary / particle.
    Aux,
    /// Adverb.
    Adv,
    /// A noun naming a country's territory («التراب», «الأراضي», «الأجواء»).
    Territory,
}

/// Descriptor classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DescClass {
    /// Armed or security force.
    Force,
    /// Organisation-like group.
    Group,
    /// A person by role.
    Person,
    /// Civilians.
    Civ,
    /// Aircraft, vehicles, ships.
    Craft,
    /// Title before a name.
    Title,
    /// Partitive head («عناصر من»).
    Partitive,
    /// A place that is hit or raided («مسجد», «فندقا», «مقر الحزب»): the recipient of an
    /// attack or a raid, never a doer and no party of other events.
    Site,
}

/// An actor descriptor entry.
#[derive(Clone, Debug)]
pub struct Desc {
    /// Sector code.
    pub sector: Option<&'static str>,
    /// Class.
    pub class: DescClass,
    /// Entity type a definite singular use can refer back to.
    pub ana: Option<rasd_doc::EntityType>,
    /// A word that must follow for the form to be a descriptor («الأمين» only in «الأمين
    /// العام», written «الأمين +العام» in `actors.tsv`), folded; the article of either
    /// side is optional.
    pub next: Option<&'static str>,
}

impl Desc {
    /// True when the folded word `w` after the form satisfies [`Desc::next`].
    pub fn next_ok(&self, w: &str) -> bool {
        self.next.is_none_or(|nx| {
            let bare = |x: &'static str| x.strip_prefix("ال").unwrap_or(x);
            bare(nx) == w.strip_prefix("ال").unwrap_or(w)
        })
    }
}

/// One thing a folded form is in the lexicons.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hit {
    /// Trigger entry index.
    Trig(u32),
    /// Cue entry index.
    Cue(u32),
    /// Light verb entry index.
    Light(u32),
    /// Function word.
    Fw(Fw),
    /// Descriptor entry index.
    Desc(u32),
    /// Nationality adjective: index into [`Lex::nisba`].
    Nisba(u32),
    /// Mode cue: index into [`Lex::modes`].
    Mode(u32),
    /// A word other entries refer to (context words, later words of phrases).
    Word(u32),
}

/// All lexicons.
pub struct Lex {
    map: FxHashMap<Box<str>, Vec<Hit>>,
    /// Bit `n` set when some key is `n` bytes long (bit 63: 63 or more).
    len_mask: u64,
    /// Bloom-style filter on (first char, last char) of the keys: most text segmentations
    /// are rejected here without hashing the string.
    ends: Box<[u64; 1024]>,
    /// Trigger entries.
    pub trig: Vec<Trig>,
    /// Cue entries.
    pub cue: Vec<Cue>,
    /// Light verb entries.
    pub light: Vec<Light>,
    /// Descriptor entries.
    pub desc: Vec<Desc>,
    /// Nationality codes.
    pub nisba: Vec<&'static str>,
    /// Mode names, in priority order.
    pub modes: Vec<&'static str>,
    /// Word ids of the `sport` context set (sorted), for telling a sports report.
    pub sport: Vec<u32>,
    /// Word ids of the `arts` context set (sorted), for telling a report on film,
    /// television, theatre or music.
    pub arts: Vec<u32>,
    /// Word ids of the `violence` and `mil` context sets (sorted).
    pub violence: Vec<u32>,
    words: FxHashMap<Box<str>, u32>,
    /// Inflected forms of denial cues, for a cheap «could this sentence deny?» test.
    deny_forms: rustc_hash::FxHashSet<Box<str>>,
    /// Whole words never split into clitics («فدان» is an acre, not ف + «دان»).
    whole: rustc_hash::FxHashSet<Box<str>>,
    /// Construct-state forms of plural descriptors («مسلحي», «مقاتلو»): a genitive
    /// always follows them.
    construct: rustc_hash::FxHashSet<Box<str>>,
    /// Rows that could not be parsed.
    pub skipped: Vec<String>,
}

static TRIGGERS: &str = include_str!("../data/triggers.tsv");
static CONTEXTS: &str = include_str!("../data/contexts.tsv");
static CUES: &str = include_str!("../data/cues.tsv");
static LIGHT: &str = include_str!("../data/light_verbs.tsv");
static FUNCTION: &str = include_str!("../data/function_words.tsv");
static ACTORS: &str = include_str!("../data/actors.tsv");
static NISBA: &str = include_str!("../data/nisba.tsv");
static MODES: &str = include_str!("../data/modes.tsv");

/// The shared lexicons.
pub static LEX: LazyLock<Lex> = LazyLock::new(Lex::load);

fn rows(src: &'static str) -> impl Iterator<Item = (usize, Vec<&'static str>)> {
    src.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.split('\t').map(str::trim).collect()))
}

/// Signature of a key for the [`Lex`] prefilter: its first and last characters.
#[inline]
fn ends_sig(key: &str) -> usize {
    let first = key.chars().next().map_or(0, |c| c as u32);
    let last = key.chars().next_back().map_or(0, |c| c as u32);
    ((first.wrapping_mul(0x9E37) ^ last.wrapping_mul(0x85EB)) as usize) & 0xFFFF
}

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_string().into_boxed_str())
}

impl Lex {
    fn load() -> Lex {
        let mut lx = Lex {
            map: FxHashMap::default(),
            len_mask: 0,
            ends: Box::new([0u64; 1024]),
            trig: Vec::new(),
            cue: Vec::new(),
            light: Vec::new(),
            desc: Vec::new(),
            nisba: Vec::new(),
            modes: Vec::new(),
            sport: Vec::new(),
            arts: Vec::new(),
            violence: Vec::new(),
            words: FxHashMap::default(),
            deny_forms: Default::default(),
            construct: Default::default(),
            whole: Default::default(),
            skipped: Vec::new(),
        };
        lx.load_fw();
        let ctx = lx.load_contexts();
        let set = |names: &[&str]| {
            let mut v: Vec<u32> = names
                .iter()
                .filter_map(|n| ctx.get(*n))
                .flatten()
                .copied()
                .collect();
            v.sort_unstable();
            v.dedup();
            v
        };
        lx.sport = set(&["sport"]);
        lx.arts = set(&["arts"]);
        lx.violence = set(&["violence", "mil"]);
        lx.load_triggers(&ctx);
        lx.load_cues();
        lx.load_light();
        lx.load_actors();
        lx.load_nisba();
        lx.load_modes();
        lx
    }

    fn add(&mut self, key: &str, hit: Hit) {
        if key.is_empty() {
            return;
        }
        let n = key.len().min(63);
        self.len_mask |= 1u64 << n;
        let e = ends_sig(key);
        if let Some(word) = self.ends.get_mut(e / 64) {
            *word |= 1u64 << (e % 64);
        }
        let v = self.map.entry(key.into()).or_default();
        if !v.contains(&hit) {
            v.push(hit);
        }
    }

    /// The id of a (folded) word other entries refer to, registering it.
    fn word(&mut self, w: &str) -> u32 {
        if let Some(&id) = self.words.get(w) {
            return id;
        }
        let id = self.words.len() as u32;
        self.words.insert(w.into(), id);
        self.add(w, Hit::Word(id));
        // Before a pronoun ة is written ت («حمّلته مسؤوليته»), as the noun inflection adds.
        if let Some(stem) = w.strip_suffix('ه') {
            if stem.chars().count() >= 3 {
                self.add(&format!("{stem}ت"), Hit::Word(id));
            }
        }
        id
    }

    fn load_fw(&mut self) {
        for (line, r) in rows(FUNCTION) {
            let cls = match r.get(1).copied() {
                Some("prep") => Fw::Prep,
                Some("locprep") => Fw::LocPrep,
                Some("conj") => Fw::Conj,
                Some("comp") => Fw::Comp,
                Some("rel") => Fw::Rel,
                Some("dem") => Fw::Dem,
                Some("pron") => Fw::Pron,
                Some("aux") => Fw::Aux,
                Some("adv") => Fw::Adv,
                Some("territory") => Fw::Territory,
                Some("cleft") => continue,
                Some("whole") => {
                    self.whole.insert(fold(r[0]).into());
                    continue;
                }
                _ => {
                    self.skipped.push(format!("function_words.tsv:{line}"));
                    continue;
                }
            };
            let w = fold(r[0]);
            self.add(&w, Hit::Fw(cls));
            if cls == Fw::Territory {
                if let Some(stem) = w.strip_prefix("ال") {
                    self.add(stem, Hit::Fw(cls));
                }
            }
        }
    }

    fn load_contexts(&mut self) -> FxHashMap<String, Vec<u32>> {
        let mut sets = FxHashMap::default();
        for (line, r) in rows(CONTEXTS) {
            let (Some(name), Some(words)) = (r.first(), r.get(1)) else {
                self.skipped.push(format!("contexts.tsv:{line}"));
                continue;
            };
            let ids = words
                .split_whitespace()
                .map(|w| self.word(&fold(w)))
                .collect();
            sets.insert(name.to_string(), ids);
        }
        sets
    }

    fn load_triggers(&mut self, ctx: &FxHashMap<String, Vec<u32>>) {
        for (line, r) in rows(TRIGGERS) {
            match self.trigger_row(&r, ctx) {
                Some(()) => {}
                None => self.skipped.push(format!("triggers.tsv:{line}")),
            }
        }
    }

    fn trigger_row(&mut self, r: &[&'static str], ctx: &FxHashMap<String, Vec<u32>>) -> Option<()> {
        if r.len() < 8 {
            return None;
        }
        let kind = Kind::parse(r[1])?;
        let plover = Plover::parse(r[2])?;
        let mode = (r[3] != "-").then(|| leak(r[3]));
        let frame = Frame::parse(r[5], plover)?;
        let slot = Slot::parse(r[6])?;
        let (mut pos, mut neg, mut next_neg, mut prev_neg) =
            (Vec::new(), Vec::new(), Vec::new(), Vec::new());
        if r[7] != "-" {
            for w in r[7].split_whitespace() {
                if let Some(x) = w.strip_prefix("!+") {
                    next_neg.push(self.word(&fold(x)));
                } else if let Some(x) = w.strip_prefix("!-") {
                    prev_neg.push(self.word(&fold(x)));
                } else if let Some(set) = w.strip_prefix("!@") {
                    // A named set of words that rule the sense out (sports for «هجوم»).
                    neg.extend(ctx.get(set)?.iter().copied());
                } else if let Some(set) = w.strip_prefix('@') {
                    pos.extend(ctx.get(set)?.iter().copied());
                } else if let Some(x) = w.strip_prefix('!') {
                    neg.push(self.word(&fold(x)));
                } else {
                    pos.push(self.word(&fold(w)));
                }
            }
        }
        pos.sort_unstable();
        pos.dedup();
        neg.sort_unstable();
        neg.dedup();
        for form in r[0].split('/') {
            let words: Vec<&str> = form.split_whitespace().collect();
            let (first, rest) = words.split_first()?;
            let rest: Vec<u32> = rest.iter().map(|w| self.word(&fold(w))).collect();
            let head = fold(first);
            let id = self.trig.len() as u32;
            self.trig.push(Trig {
                kind,
                plover,
                mode,
                frame: frame.clone(),
                slot,
                ctx_pos: pos.clone(),
                ctx_neg: neg.clone(),
                next_neg: next_neg.clone(),
                prev_neg: prev_neg.clone(),
                rest,
                head: head.clone().into(),
            });
            for f in inflect(&head, first, kind) {
                self.add(&f, Hit::Trig(id));
            }
        }
        Some(())
    }

    fn load_cues(&mut self) {
        for (line, r) in rows(CUES) {
            let ok = (|| {
                let kind = Kind::parse(r.get(1)?)?;
                let class = CueClass::parse(r.get(2)?)?;
                let mut words: Vec<String> = r[0].split_whitespace().map(fold).collect();
                // «وفقا ل»: a trailing one-letter preposition is the next word's proclitic.
                if words.len() > 1 && words.last().is_some_and(|w| w.chars().count() == 1) {
                    words.pop();
                }
                let (first, rest) = words.split_first()?;
                let rest: Vec<u32> = rest.iter().map(|w| self.word(w)).collect();
                let id = self.cue.len() as u32;
                let first_written = r[0].split_whitespace().next()?;
                self.cue.push(Cue { class, kind, rest });
                for f in inflect(first, first_written, kind) {
                    self.add(&f, Hit::Cue(id));
                    if matches!(class, CueClass::Deny | CueClass::DenyIfObj) {
                        self.deny_forms.insert(f.into());
                    }
                }
                Some(())
            })();
            if ok.is_none() {
                self.skipped.push(format!("cues.tsv:{line}"));
            }
        }
    }

    fn load_light(&mut self) {
        for (line, r) in rows(LIGHT) {
            let ok = (|| {
                let kind = Kind::parse(r.get(1)?)?;
                let prep = match *r.get(2)? {
                    "-" => None,
                    p => Some(Prep::parse(p)?),
                };
                let role = match *r.get(3)? {
                    "actor" => LightRole::Actor,
                    "recipient" => LightRole::Recipient,
                    "location" => LightRole::Location,
                    "passive" => LightRole::Passive,
                    "none" => LightRole::None,
                    _ => return None,
                };
                let id = self.light.len() as u32;
                self.light.push(Light { kind, prep, role });
                let w = fold(r[0]);
                for f in inflect(&w, r[0], kind) {
                    self.add(&f, Hit::Light(id));
                }
                Some(())
            })();
            if ok.is_none() {
                self.skipped.push(format!("light_verbs.tsv:{line}"));
            }
        }
    }

    fn load_actors(&mut self) {
        use rasd_doc::EntityType;
        for (line, r) in rows(ACTORS) {
            let ok = (|| {
                let sector = match *r.get(1)? {
                    "-" => None,
                    s => Some(leak(s)),
                };
                let class = match *r.get(2)? {
                    "force" => DescClass::Force,
                    "group" => DescClass::Group,
                    "person" => DescClass::Person,
                    "civ" => DescClass::Civ,
                    "aircraft" => DescClass::Craft,
                    "title" => DescClass::Title,
                    "partitive" => DescClass::Partitive,
                    "site" => DescClass::Site,
                    _ => return None,
                };
                let ana = match *r.get(3)? {
                    "PER" => Some(EntityType::PER),
                    "ORG" => Some(EntityType::ORG),
                    "LOC" => Some(EntityType::LOC),
                    "-" => None,
                    _ => return None,
                };
                let id = self.desc.len() as u32;
                // «الأمين +العام»: keyed on the first word, which needs the second after it.
                let (form, next) = match r[0].split_once(" +") {
                    Some((f, n)) => (f, Some(leak(&fold(n.trim())))),
                    None => (r[0], None),
                };
                self.desc.push(Desc {
                    sector,
                    class,
                    ana,
                    next,
                });
                let w = fold(form);
                // Multiword descriptors («رجال الشرطة») are read compositionally by the
                // chunker (head + genitive), so only single words are keyed.
                if w.contains(' ') {
                    return Some(());
                }
                for f in inflect(&w, &w, Kind::Noun) {
                    self.add(&f, Hit::Desc(id));
                }
                // A sound masculine plural loses its ن before a genitive: «مسلحي التنظيم»,
                // «مقاتلو الحركة».
                if let Some(base) = w.strip_suffix('ن') {
                    if (base.ends_with('ي') || base.ends_with('و')) && base.chars().count() >= 4 {
                        self.add(base, Hit::Desc(id));
                        self.construct.insert(base.into());
                    }
                }
                if let Some(stem) = w.strip_prefix("ال") {
                    if stem.chars().count() >= 2 {
                        self.add(stem, Hit::Desc(id));
                    }
                }
                Some(())
            })();
            if ok.is_none() {
                self.skipped.push(format!("actors.tsv:{line}"));
            }
        }
    }

    fn load_nisba(&mut self) {
        for (line, r) in rows(NISBA) {
            let (Some(form), Some(code)) = (r.first(), r.get(1)) else {
                self.skipped.push(format!("nisba.tsv:{line}"));
                continue;
            };
            let id = self.nisba.len() as u32;
            self.nisba.push(leak(code));
            let w = fold(form);
            for suf in ["", "ه", "ين", "ون", "ا", "تين", "ات"] {
                self.add(&format!("{w}{suf}"), Hit::Nisba(id));
            }
        }
    }

    fn load_modes(&mut self) {
        for (line, r) in rows(MODES) {
            let (Some(form), Some(mode)) = (r.first(), r.get(1)) else {
                self.skipped.push(format!("modes.tsv:{line}"));
                continue;
            };
            let id = match self.modes.iter().position(|m| m == mode) {
                Some(i) => i as u32,
                None => {
                    self.modes.push(leak(mode));
                    (self.modes.len() - 1) as u32
                }
            };
            let w = fold(form);
            if !w.is_empty() {
                self.add(&w, Hit::Mode(id));
            }
        }
    }

    /// The hits of one folded form.
    #[inline]
    pub fn get(&self, key: &str) -> &[Hit] {
        let n = key.len().min(63);
        if self.len_mask & (1u64 << n) == 0 {
            return &[];
        }
        let e = ends_sig(key);
        if self
            .ends
            .get(e / 64)
            .is_none_or(|w| w & (1u64 << (e % 64)) == 0)
        {
            return &[];
        }
        self.map.get(key).map(Vec::as_slice).unwrap_or(&[])
    }

    /// The id of a registered word (context words, later words of phrases).
    pub fn word_id(&self, w: &str) -> Option<u32> {
        self.words.get(w).copied()
    }

    /// Number of distinct folded forms.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when nothing is loaded.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// True when a written word («فندقا», «وبالمسجد») is a site descriptor
    /// ([`DescClass::Site`]) under some clitic segmentation.
    pub fn site_word(&self, written: &str) -> bool {
        self.any_hit(&fold(written), written.ends_with('ة'), |h| {
            matches!(h, Hit::Desc(d) if self.desc.get(d as usize).is_some_and(|x| x.class == DescClass::Site))
        })
    }

    /// True when some clitic segmentation of the normalised word has a hit that `pred`
    /// accepts ([`Lex::scan`] reduced to a yes or no).
    pub fn any_hit(&self, w: &str, ta_marbuta: bool, pred: impl Fn(Hit) -> bool) -> bool {
        let mut any = false;
        self.scan(w, ta_marbuta, |_, _, h| any |= pred(h));
        any
    }

    /// True when the folded word, without proclitics, is the construct state of a plural
    /// descriptor («مسلحي», «مقاتلو»), which a genitive always follows.
    pub fn construct_plural(&self, w: &str) -> bool {
        self.construct.contains(w)
    }

    /// True when the normalised word (or the word after a و/ف) is an inflected form of a
    /// denial cue. One lookup, no segmentation: a quick filter for sentences to scan.
    pub fn maybe_denial(&self, w: &str) -> bool {
        self.deny_forms.contains(w)
            || w.strip_prefix(['و', 'ف'])
                .is_some_and(|r| self.deny_forms.contains(r))
    }

    /// True when `c` is the accusative «-ا» form (tanween) of a nominal trigger — a form
    /// that never carries the article, so a reading «ال + دهما» of «والدهما» (their father)
    /// is no raid.
    fn indefinite_accusative(&self, c: &str, h: Hit) -> bool {
        let Hit::Trig(t) = h else { return false };
        self.trig.get(t as usize).is_some_and(|e| {
            e.kind.is_nominal()
                && c.strip_suffix('ا')
                    .is_some_and(|stem| stem == &*e.head && !e.head.ends_with('ا'))
        })
    }

    /// Scans one normalised word: calls `f` with every lexicon hit of every clitic
    /// segmentation, in segmentation order (`order` counts segmentations, 0 = whole word).
    /// A word that is a function word and nothing else is not segmented further.
    #[inline]
    pub fn scan(&self, w: &str, ta_marbuta: bool, mut f: impl FnMut(u8, Strip, Hit)) {
        if !self.whole.is_empty() && self.whole.contains(w) {
            return;
        }
        let mut order = 0u8;
        candidates(w, ta_marbuta, |c, s| {
            let hits = self.get(c);
            for &h in hits {
                if s.al && self.indefinite_accusative(c, h) {
                    continue;
                }
                f(order, s, h);
            }
            order = order.saturating_add(1);
            order == 1 && !hits.is_empty() && hits.iter().all(|h| matches!(h, Hit::Fw(_)))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_row_loads() {
        assert!(LEX.skipped.is_empty(), "{:?}", LEX.skipped);
    }

    #[test]
    fn trigger_lexicon_covers_all_types() {
        let rows = TRIGGERS
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .count();
        assert!(rows >= 600, "{rows} rows");
        for p in Plover::ALL {
            assert!(LEX.trig.iter().any(|t| t.plover == p), "{p} has no trigger");
        }
    }

    #[test]
    fn inflected_forms_are_found() {
        let trig = |w: &str| {
            LEX.get(&fold(w))
                .iter()
                .filter_map(|h| match h {
                    Hit::Trig(i) => Some(LEX.trig[*i as usize].plover),
                    _ => None,
                })
                .collect::<Vec<_>>()
        };
        assert!(trig("اعتقلت").contains(&Plover::COERCE));
        assert!(trig("غارات").contains(&Plover::ASSAULT));
        assert!(trig("يتظاهرون").contains(&Plover::PROTEST));
        assert!(trig("التقى").contains(&Plover::CONSULT));
        assert!(trig("انسحاب").contains(&Plover::RETREAT));
    }

    #[test]
    fn frames_fill_defaults() {
        let f = Frame::parse("gen=act", Plover::ASSAULT).unwrap();
        assert_eq!(f.gen, Role::Actor);
        assert_eq!(f.prep(Prep::Didd), Some(Role::Recipient));
        let f = Frame::parse("p:مع=rcp", Plover::ASSAULT).unwrap();
        assert_eq!(f.prep(Prep::Maa), Some(Role::Recipient));
        assert!(Frame::parse("gen=zzz", Plover::ASSAULT).is_none());
    }

    #[test]
    fn scan_reports_segmentation() {
        let mut seen = Vec::new();
        LEX.scan("بالقوات", false, |o, s, h| seen.push((o, s, h)));
        assert!(seen
            .iter()
            .any(|(_, s, h)| matches!(h, Hit::Desc(_)) && s.al && s.prep == b'b'));
    }
}
