//! The annotation layers a [`crate::Document`] carries, one per pipeline stage.
//!
//! All offsets here are byte [`Span`]s into the original text (see [`crate::span`]).
//! Cross-references between layers are indices into the document's vectors (an event's
//! actor points at `doc.entities[i]`); the emitter turns them into the `E1`/`T1` ids of
//! the record.

use crate::span::Span;
use serde::{Deserialize, Serialize};
use std::fmt;

/// One sentence: its byte span and the range of its tokens in `doc.tokens`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Bytes of the original text, trimmed of surrounding whitespace.
    pub span: Span,
    /// Index of the first token of the sentence in `doc.tokens`.
    pub first_token: usize,
    /// One past the index of the last token.
    pub end_token: usize,
}

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A run of Arabic-script letters.
    Arabic,
    /// A run of Latin (or other alphabetic, non-Arabic) letters, possibly with digits.
    Latin,
    /// A number: digits with optional thousands/decimal separators or a clock time.
    Number,
    /// One punctuation mark or symbol (a run for `...`).
    Punct,
}

/// Proclitic flags of an Arabic token, in the order they attach (و/ف, then ب/ك/ل/س,
/// then the article ال).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Proclitics(pub u8);

impl Proclitics {
    /// Conjunction و "and".
    pub const WA: u8 = 1;
    /// Conjunction ف "so, then".
    pub const FA: u8 = 1 << 1;
    /// Preposition ب "with, in".
    pub const BI: u8 = 1 << 2;
    /// Preposition ك "like".
    pub const KA: u8 = 1 << 3;
    /// Preposition ل "for, to".
    pub const LI: u8 = 1 << 4;
    /// Future particle س.
    pub const SA: u8 = 1 << 5;
    /// Definite article ال (also when written as the لل of ل + ال).
    pub const AL: u8 = 1 << 6;

    /// True when flag `f` is set.
    pub const fn has(&self, f: u8) -> bool {
        self.0 & f != 0
    }

    /// True when a preposition (ب/ك/ل) is attached.
    pub const fn has_prep(&self) -> bool {
        self.0 & (Self::BI | Self::KA | Self::LI) != 0
    }
}

/// A pronoun suffix (enclitic) attached to an Arabic token.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Enclitic {
    /// ه "him/his"
    Hu,
    /// ها "her/its"
    Ha,
    /// هم "them (m.)"
    Hum,
    /// هما "them two"
    Huma,
    /// هن "them (f.)"
    Hunna,
    /// ك "you (sg.)"
    Ka,
    /// كم "you (pl.)"
    Kum,
    /// كما "you two"
    Kuma,
    /// ي "me/my"
    Ya,
    /// نا "us/our"
    Na,
}

impl Enclitic {
    /// The suffix as written (normalised form).
    pub const fn as_str(&self) -> &'static str {
        match self {
            Enclitic::Hu => "ه",
            Enclitic::Ha => "ها",
            Enclitic::Hum => "هم",
            Enclitic::Huma => "هما",
            Enclitic::Hunna => "هن",
            Enclitic::Ka => "ك",
            Enclitic::Kum => "كم",
            Enclitic::Kuma => "كما",
            Enclitic::Ya => "ي",
            Enclitic::Na => "نا",
        }
    }
}

/// A token with its clitic analysis.
///
/// `norm` points into `doc.norm.text`. The analysis splits the normalised form into
/// `prefix | base | suffix` where `prefix` holds the conjunction and preposition
/// proclitics (`pre_len` bytes), `base` keeps the article ال, and `suffix` is the
/// enclitic (`suf_len` bytes). `lil` marks a prefix that ended in the لل of ل + ال: the
/// base then is «ال» + the rest, which is not a contiguous slice of the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    /// Bytes of the original text.
    pub span: Span,
    /// Bytes of the normalised text.
    pub norm: Span,
    /// Letter class of the token.
    pub kind: TokenKind,
    /// Proclitics found by the analyser.
    pub proclitics: Proclitics,
    /// Bytes of normalised text taken by و/ف and ب/ك/ل/س proclitics (not the article).
    pub pre_len: u8,
    /// Bytes of the article ال after the prefix (0 or 4; for لل the 2 bytes of its second ل).
    pub al_len: u8,
    /// True when the token starts with لل = ل + ال.
    pub lil: bool,
    /// Enclitic found by the analyser.
    pub enclitic: Option<Enclitic>,
    /// Index of the sentence holding the token.
    pub sentence: u32,
}

/// Entity classes (ANERcorp's four).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityType {
    /// Person.
    PER,
    /// Organisation.
    ORG,
    /// Location.
    LOC,
    /// Other named things (operations, ships, aircraft models, events).
    MISC,
}

impl EntityType {
    /// The type as written in records.
    pub const fn as_str(&self) -> &'static str {
        match self {
            EntityType::PER => "PER",
            EntityType::ORG => "ORG",
            EntityType::LOC => "LOC",
            EntityType::MISC => "MISC",
        }
    }
}

impl fmt::Display for EntityType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a mention refers to its entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// A proper name («خليفة حفتر», «حفتر»).
    Name,
    /// A description («اللواء السابق»).
    Nominal,
    /// A pronoun or pronoun suffix.
    Pronoun,
}

/// Which recogniser proposed a mention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionSource {
    /// A knowledge-base match.
    Kb,
    /// A pattern (title + name, organisation head + extent, acronym …).
    Pattern,
    /// The statistical tagger.
    Tagger,
}

/// An entity mention proposed by the recognise stage (after its merge policy).
#[derive(Clone, Debug, PartialEq)]
pub struct Mention {
    /// Bytes of the original text covering the name (clitics excluded).
    pub span: Span,
    /// Entity class.
    pub etype: EntityType,
    /// Name, nominal or pronoun.
    pub kind: MentionKind,
    /// Which recogniser produced it.
    pub source: MentionSource,
    /// Knowledge-base key of the matched entry (e.g. `gn:2210247`, `p:khalifa-haftar`).
    pub kb_key: Option<String>,
    /// Confidence in [0, 1].
    pub score: f32,
}

/// Knowledge-base identifiers of an entity.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct KbIds {
    /// Wikidata Q-id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wikidata: Option<String>,
    /// GeoNames id.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub geonames: Option<u64>,
    /// rasd's own knowledge-base key.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rasd: Option<String>,
}

impl KbIds {
    /// True when no identifier is known.
    pub fn is_empty(&self) -> bool {
        self.wikidata.is_none() && self.geonames.is_none() && self.rasd.is_none()
    }
}

/// Geographic resolution of a location entity.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Geo {
    /// Latitude in degrees.
    pub lat: f64,
    /// Longitude in degrees.
    pub lon: f64,
    /// ISO 3166-1 alpha-2 country code.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// GeoNames-style feature code (PCLI, ADM1, PPLC, PPL …).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub feature: Option<String>,
    /// PLOVER resolution: 1 country, 2 admin-1, 3 admin-2, 4 city, 5 sub-city.
    pub resolution: u8,
}

/// One mention of a resolved entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct EntityMention {
    /// Bytes of the original text.
    pub span: Span,
    /// Name, nominal or pronoun.
    pub kind: MentionKind,
}

/// A real-world referent: mentions clustered, linked and (for places) geocoded.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    /// Entity class.
    pub etype: EntityType,
    /// Finer class: country, city, military, armed_group …
    pub subtype: Option<String>,
    /// Canonical Arabic display name.
    pub name: String,
    /// English name, when the knowledge base has one.
    pub name_en: Option<String>,
    /// ISO 3166-1 alpha-3 affiliation.
    pub country: Option<String>,
    /// PLOVER/CAMEO sector code (GOV, MIL, REB …).
    pub sector: Option<String>,
    /// Identifiers.
    pub kb: KbIds,
    /// Coordinates for locations.
    pub geo: Option<Geo>,
    /// Mentions in text order.
    pub mentions: Vec<EntityMention>,
}

/// TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TimeType {
    /// A calendar date or period (2014-05-28, 2014-05, 2014-W23, 1986).
    DATE,
    /// A time of day (2015-08-05T10:30, 2015-08-05TMO).
    TIME,
    /// A length of time (P1W).
    DURATION,
    /// A recurrence (P1D for «يوميا»).
    SET,
}

/// A normalised temporal expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Time {
    /// Bytes of the original text.
    pub span: Span,
    /// TIMEX3 type.
    pub ttype: TimeType,
    /// TIMEX3 value (ISO 8601 or TIMEX3 tokens such as `PAST_REF`).
    pub value: String,
    /// TIMEX3 modifier: START, MID, END, APPROX, BEFORE, AFTER, SINCE …
    pub modifier: Option<String>,
}

/// A number with its unit.
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    /// Bytes of the original text.
    pub span: Span,
    /// The value (a representative value for vague amounts).
    pub value: Option<f64>,
    /// Lower bound for vague amounts («عشرات» → 20).
    pub min: Option<f64>,
    /// Upper bound for vague amounts («عشرات» → 99).
    pub max: Option<f64>,
    /// True for «نحو»/«حوالي» and other approximations.
    pub approx: bool,
    /// English lemma of the counted noun (killed, soldier, USD …).
    pub unit: Option<String>,
    /// What the count is of, when the unit does not say it («مقتل 16 مدنيا»: unit killed,
    /// of civilian).
    pub of: Option<String>,
}

/// PLOVER 2.0 event categories.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Plover {
    /// Agree, offer or promise to cooperate.
    AGREE,
    /// Meetings, visits, calls, negotiations.
    CONSULT,
    /// Praise, endorse, recognise, sign agreements.
    SUPPORT,
    /// Verbal concessions.
    CONCEDE,
    /// Joint material action.
    COOPERATE,
    /// Material aid.
    AID,
    /// Withdraw, release, disarm, ceasefire, resign.
    RETREAT,
    /// Requests, demands, orders.
    REQUEST,
    /// Disapprove, condemn, accuse, investigate.
    ACCUSE,
    /// Refusals.
    REJECT,
    /// Threats.
    THREATEN,
    /// Demonstrations, riots, strikes.
    PROTEST,
    /// Convict, expel, cut ties.
    SANCTION,
    /// Force posture short of force.
    MOBILIZE,
    /// Repression short of violence.
    COERCE,
    /// Physical harm.
    ASSAULT,
}

impl Plover {
    /// All sixteen categories.
    pub const ALL: [Plover; 16] = [
        Plover::AGREE,
        Plover::CONSULT,
        Plover::SUPPORT,
        Plover::CONCEDE,
        Plover::COOPERATE,
        Plover::AID,
        Plover::RETREAT,
        Plover::REQUEST,
        Plover::ACCUSE,
        Plover::REJECT,
        Plover::THREATEN,
        Plover::PROTEST,
        Plover::SANCTION,
        Plover::MOBILIZE,
        Plover::COERCE,
        Plover::ASSAULT,
    ];

    /// The category name as written in records.
    pub fn as_str(&self) -> &'static str {
        match self {
            Plover::AGREE => "AGREE",
            Plover::CONSULT => "CONSULT",
            Plover::SUPPORT => "SUPPORT",
            Plover::CONCEDE => "CONCEDE",
            Plover::COOPERATE => "COOPERATE",
            Plover::AID => "AID",
            Plover::RETREAT => "RETREAT",
            Plover::REQUEST => "REQUEST",
            Plover::ACCUSE => "ACCUSE",
            Plover::REJECT => "REJECT",
            Plover::THREATEN => "THREATEN",
            Plover::PROTEST => "PROTEST",
            Plover::SANCTION => "SANCTION",
            Plover::MOBILIZE => "MOBILIZE",
            Plover::COERCE => "COERCE",
            Plover::ASSAULT => "ASSAULT",
        }
    }

    /// Parses a category name (case-insensitive).
    pub fn parse(s: &str) -> Option<Plover> {
        Plover::ALL
            .iter()
            .copied()
            .find(|p| p.as_str().eq_ignore_ascii_case(s.trim()))
    }
}

impl fmt::Display for Plover {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Who says an event happened, and how firmly.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Stance {
    /// The outlet states it.
    Asserted,
    /// Attributed to a source.
    Reported,
    /// The statement is a denial.
    Denied,
    /// Hedged.
    Uncertain,
    /// Conditional, intended, threatened or asked about.
    Hypothetical,
    /// Said not to have happened.
    Negated,
}

impl Stance {
    /// The stance as written in records.
    pub const fn as_str(&self) -> &'static str {
        match self {
            Stance::Asserted => "asserted",
            Stance::Reported => "reported",
            Stance::Denied => "denied",
            Stance::Uncertain => "uncertain",
            Stance::Hypothetical => "hypothetical",
            Stance::Negated => "negated",
        }
    }
}

/// An event argument: a span of text, linked to an entity when it names one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Arg {
    /// Index into `doc.entities`, or `None` for descriptions such as «الجهاديين».
    pub entity: Option<usize>,
    /// Bytes of the original text.
    pub span: Span,
}

/// The date of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct EventDate {
    /// Index into `doc.times` when the date comes from a time expression.
    pub time: Option<usize>,
    /// TIMEX3 value.
    pub value: String,
    /// True when taken from the document date rather than the text.
    pub inferred: bool,
    /// True when the time dates the report of the event, not the event itself («قال
    /// مسؤولون أمس إن العشرات قتلوا»): the event happened then or before. Not part of the
    /// record; merging does not let such a date set two mentions apart.
    pub reported: bool,
}

/// Counts attached to an event.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Size {
    /// People killed.
    pub dead: Option<f64>,
    /// People wounded.
    pub injured: Option<f64>,
    /// People arrested.
    pub arrested: Option<f64>,
    /// Troops or fighters deployed.
    pub troops: Option<f64>,
}

impl Size {
    /// True when no figure is known.
    pub fn is_empty(&self) -> bool {
        self.dead.is_none()
            && self.injured.is_none()
            && self.arrested.is_none()
            && self.troops.is_none()
    }
}

/// Source and stance of an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Attribution {
    /// How the event is presented.
    pub stance: Stance,
    /// Who says so (for reported/denied events).
    pub by: Option<Arg>,
    /// The cue word(s) («وفقا لـ», «نفت»).
    pub cue: Option<Span>,
}

impl Default for Attribution {
    fn default() -> Self {
        Attribution {
            stance: Stance::Asserted,
            by: None,
            cue: None,
        }
    }
}

/// Someone who contests an event.
#[derive(Clone, Debug, PartialEq)]
pub struct Dispute {
    /// Who disputes it.
    pub by: Arg,
    /// How (normally `Denied`).
    pub stance: Stance,
    /// The cue («نفت بشدة»).
    pub cue: Option<Span>,
}

/// A PLOVER event with its arguments and attribution.
#[derive(Clone, Debug, PartialEq)]
pub struct Event {
    /// PLOVER category.
    pub etype: Plover,
    /// PLOVER mode (aerial, suicide-attack, arrest, troops …).
    pub mode: Option<String>,
    /// Index of the sentence holding the trigger.
    pub sentence: usize,
    /// The word(s) expressing the event.
    pub trigger: Span,
    /// Who did it.
    pub actor: Vec<Arg>,
    /// To whom.
    pub recipient: Vec<Arg>,
    /// Where.
    pub location: Vec<Arg>,
    /// When.
    pub date: Option<EventDate>,
    /// How many.
    pub size: Size,
    /// According to whom.
    pub attribution: Attribution,
    /// Who contests it.
    pub disputed_by: Vec<Dispute>,
    /// Confidence in [0, 1].
    pub confidence: f32,
}
