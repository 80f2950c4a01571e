//! The binary layout of the compiled knowledge base, shared by the build script (which
//! writes it) and the library (which reads it in place).
//!
//! The tables are little-endian, fixed-size records in one byte blob that the binary
//! embeds with `include_bytes!`. Nothing is parsed at start-up: every accessor reads the
//! few bytes it needs, so loading the knowledge base costs only the deserialisation of the
//! automaton. All reads go through [`Blob`], which returns zeros/`None` instead of
//! panicking on a truncated or foreign blob.
//!
//! Layout (offsets in bytes):
//!
//! ```text
//! header   MAGIC (8) | version u32 | counts: entries, names, postings, gentilics u32 |
//!          section offsets: strings, entries, names, postings, gentilics, keys u32
//! strings  length-prefixed UTF-8 strings (u16 length + bytes); a string is referred to
//!          by the offset of its length prefix, NONE = u32::MAX
//! entries  ENTRY_SIZE bytes each (see the E_* field offsets)
//! names    NAME_SIZE bytes each: first posting u32, posting count u32
//! postings POSTING_SIZE bytes each: entry u32, variant flags u32
//! gentilics GENT_SIZE bytes each, sorted by folded form: form string u32, iso3 [u8; 3], pad
//! keys     open-addressing table of entry keys, 8 bytes per slot: hash u32 (0 = empty),
//!          entry index u32; capacity a power of two (key → entry lookups)
//! trigrams TRIGRAM_BUCKETS i8 log-likelihood ratios (×16) foreign vs native names
//! prefixes PREFIX_BITS-bit set of the hashed first segment (first word) of every key,
//!          to skip walks that cannot match
//! words    open-addressing hash table of first segments, WORD_SLOT bytes per slot:
//!          hash u32 (0 = empty), second independent hash u32 (the pair is a 64-bit
//!          fingerprint, so no string is read), value u32 = name id of the
//!          one-word key equal to the segment (W_NO_SINGLE if none) | W_MULTI when
//!          longer keys start with this segment; capacity a power of two
//! ```

/// First bytes of a knowledge-base blob.
pub const MAGIC: &[u8; 8] = b"RASDKB\0\x01";
/// Layout version.
pub const VERSION: u32 = 7;
/// "No string" / "no entry".
pub const NONE: u32 = u32::MAX;

/// Header size.
pub const HEADER_SIZE: usize = 8 + 4 + 4 * 4 + 9 * 4;
/// Offset of the entry count in the header.
pub const H_COUNTS: usize = 12;
/// Offset of the section offsets in the header.
pub const H_SECTIONS: usize = 28;

/// Size of one entry record.
pub const ENTRY_SIZE: usize = 80;
/// Entry kind (u8, see `EntryKind`).
pub const E_KIND: usize = 0;
/// Place kind (u8, see `PlaceKind`), 0 for actors.
pub const E_PLACE_KIND: usize = 1;
/// Key string.
pub const E_KEY: usize = 4;
/// Canonical Arabic name (as written in the source) string.
pub const E_NAME_AR: usize = 8;
/// English name string.
pub const E_NAME_EN: usize = 12;
/// Sector string (actors).
pub const E_SECTOR: usize = 16;
/// Subtype string (organisations) or role (people).
pub const E_SUBTYPE: usize = 20;
/// Feature code string (places) or affiliation (people).
pub const E_FEATURE: usize = 24;
/// ISO 3166-1 alpha-3 country, 3 ASCII bytes (zeros when unknown).
pub const E_CC3: usize = 28;
/// ISO 3166-1 alpha-2 country, 2 ASCII bytes.
pub const E_CC2: usize = 32;
/// Latitude, f32 (NaN when unknown).
pub const E_LAT: usize = 36;
/// Longitude, f32.
pub const E_LON: usize = 40;
/// Population, u32 (0 when unknown).
pub const E_POP: usize = 44;
/// GeoNames id, u32 (0 when unknown).
pub const E_GEONAMES: usize = 48;
/// Wikidata Q-number, u32 (0 when unknown).
pub const E_WIKIDATA: usize = 52;
/// Parent entry index (places), u32 (NONE when unknown).
pub const E_PARENT: usize = 56;
/// Admin-1 code or name string (places).
pub const E_ADMIN1: usize = 60;
/// Number of Arabic names listed for the entry, u32.
pub const E_NNAMES: usize = 64;
/// Folded canonical Arabic name string.
pub const E_FOLDED: usize = 68;
/// Affiliation (people) string.
pub const E_AFFIL: usize = 72;

/// Size of one name record.
pub const NAME_SIZE: usize = 8;
/// Size of one posting.
pub const POSTING_SIZE: usize = 8;
/// Buckets of the foreign-name trigram table.
pub const TRIGRAM_BUCKETS: usize = 1 << 15;
/// Scale of the stored log-likelihood ratios.
pub const TRIGRAM_SCALE: f32 = 16.0;

/// Bucket of a character trigram (FNV-1a over the three code points).
#[inline]
pub fn trigram_bucket(a: char, b: char, c: char) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for ch in [a, b, c] {
        h ^= ch as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    (h as usize) & (TRIGRAM_BUCKETS - 1)
}

/// Calls `f` with the bucket of every trigram of `word` padded with `^` and `$`.
#[inline]
pub fn for_trigrams(word: &str, mut f: impl FnMut(usize)) {
    let mut a = '^';
    let mut b = '^';
    let mut first = true;
    for c in word.chars().chain(std::iter::once('$')) {
        if first {
            first = false;
            b = c;
            continue;
        }
        f(trigram_bucket(a, b, c));
        a = b;
        b = c;
    }
}

/// Bits in the first-segment set.
pub const PREFIX_BITS: usize = 1 << 20;

/// The first segment of a key or text: its characters up to the first one that is not
/// alphanumeric (a space, punctuation), so «الجيش الوطني» → «الجيش», «الجزائر،» →
/// «الجزائر», «pc-12» → «pc».
#[inline]
pub fn first_segment(s: &str) -> &str {
    match s.char_indices().find(|(_, c)| !is_word_char(*c)) {
        Some((i, _)) => &s[..i],
        None => s,
    }
}

/// `char::is_alphanumeric` with fast paths for ASCII and the Arabic letters of
/// normalised text (the Unicode table lookup is the slow part of a scan).
#[inline]
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else if ('\u{0621}'..='\u{064A}').contains(&c) {
        true
    } else {
        c.is_alphanumeric()
    }
}

/// Bit of the first-segment set for `s` (FNV-1a over its bytes).
#[inline]
pub fn segment_bit(seg: &str) -> usize {
    let mut h: u32 = 0x811c_9dc5;
    for b in seg.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    (h ^ (h >> 15)) as usize & (PREFIX_BITS - 1)
}

/// Bytes per slot of the first-segment table.
pub const WORD_SLOT: usize = 12;
/// First-segment value bit: some key continues past this segment (multi-word keys).
pub const W_MULTI: u32 = 1 << 31;
/// First-segment value when no one-word key equals the segment.
pub const W_NO_SINGLE: u32 = W_MULTI - 1;

/// Second, independent 32-bit hash of a first segment (a different FNV basis and a
/// final mix), stored to verify a slot without reading the segment.
#[inline]
pub fn word_hash2(seg: &str) -> u32 {
    let mut h: u32 = 0x9747_b28c;
    for b in seg.bytes() {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
        h ^= h >> 13;
    }
    h ^ (seg.len() as u32).wrapping_mul(0x85eb_ca6b)
}

/// 32-bit hash of a first segment for the table (never 0).
#[inline]
pub fn word_hash(seg: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for b in seg.bytes() {
        h ^= b as u32;
        h = h.wrapping_mul(0x0100_0193);
    }
    h.max(1)
}

/// Size of one gentilic record.
pub const GENT_SIZE: usize = 8;

/// Posting flag: the name is a generated variant, not a listed name.
pub const V_DERIVED: u32 = 1;
/// Posting flag: the name is the entry's canonical (first) Arabic name.
pub const V_CANONICAL: u32 = 1 << 1;
/// Posting flag: administrative prefix (ولاية، محافظة …) removed.
pub const V_PREFIX: u32 = 1 << 2;
/// Posting flag: article ال added or removed.
pub const V_ARTICLE: u32 = 1 << 3;
/// Posting flag: transliteration variant (غ/ج, أميركا/أمريكا …).
pub const V_TRANSLIT: u32 = 1 << 4;
/// Posting flag: the form after the ل of «لل» (article alef dropped); only valid right
/// after a preposition ل.
pub const V_LIL: u32 = 1 << 5;
/// Posting flag: a surname (last word) of a person's name.
pub const V_SURNAME: u32 = 1 << 6;
/// Posting flag: a Latin acronym written in capitals in the source.
pub const V_ACRONYM: u32 = 1 << 7;
/// Posting flag (with [`V_SURNAME`]): a leader's surname that is also a given name
/// («هادي», «صالح»); it stands for the leader only in strong context.
pub const V_SHARED: u32 = 1 << 8;

/// Roles (the start of an entry's role text) that make a person a national leader: the
/// one a surname alone most often means in a report about the leader's country.
pub const LEADER_ROLES: &[&str] = &[
    "President of",
    "King of",
    "Emir of",
    "Sultan of",
    "Prime Minister of",
    "Chancellor of",
    "Supreme Leader",
    "Foreign Minister",
    "Secretary of State",
    "Secretary-General of",
    "Leader of",
];

/// Read-only view of a knowledge-base blob. Never panics: out-of-range reads give zero.
#[derive(Clone, Copy, Debug)]
pub struct Blob<'a> {
    /// The bytes.
    pub bytes: &'a [u8],
}

impl<'a> Blob<'a> {
    /// Reads a little-endian u32 at `at` (0 when out of range).
    #[inline]
    pub fn u32(&self, at: usize) -> u32 {
        match self.bytes.get(at..at + 4) {
            Some(s) => u32::from_le_bytes([s[0], s[1], s[2], s[3]]),
            None => 0,
        }
    }

    /// Reads a little-endian u16 at `at` (0 when out of range).
    #[inline]
    pub fn u16(&self, at: usize) -> u16 {
        match self.bytes.get(at..at + 2) {
            Some(s) => u16::from_le_bytes([s[0], s[1]]),
            None => 0,
        }
    }

    /// Reads a byte at `at` (0 when out of range).
    #[inline]
    pub fn u8(&self, at: usize) -> u8 {
        self.bytes.get(at).copied().unwrap_or(0)
    }

    /// Reads a little-endian f32 at `at` (NaN when out of range).
    #[inline]
    pub fn f32(&self, at: usize) -> f32 {
        match self.bytes.get(at..at + 4) {
            Some(_) => f32::from_bits(self.u32(at)),
            None => f32::NAN,
        }
    }

    /// `n` bytes at `at` (empty when out of range).
    #[inline]
    pub fn slice(&self, at: usize, n: usize) -> &'a [u8] {
        self.bytes.get(at..at + n).unwrap_or(&[])
    }

    /// The bytes of the length-prefixed string at offset `at` of the string section
    /// starting at `base` (no UTF-8 check; for comparisons).
    #[inline]
    pub fn raw_str(&self, base: usize, at: u32) -> &'a [u8] {
        if at == NONE {
            return &[];
        }
        let at = base + at as usize;
        let len = self.u16(at) as usize;
        self.bytes.get(at + 2..at + 2 + len).unwrap_or(&[])
    }

    /// The length-prefixed string at offset `at` of the string section starting at
    /// `base`; `None` for [`NONE`] or invalid data.
    #[inline]
    pub fn str(&self, base: usize, at: u32) -> Option<&'a str> {
        if at == NONE {
            return None;
        }
        let at = base + at as usize;
        let len = self.u16(at) as usize;
        std::str::from_utf8(self.bytes.get(at + 2..at + 2 + len)?).ok()
    }
}

/// Builds a blob (used by the build script and by tests).
#[derive(Default, Debug)]
pub struct Writer {
    /// String pool.
    pub strings: Vec<u8>,
    /// Interned strings → offset.
    pub interned: std::collections::HashMap<String, u32>,
    /// Entry records.
    pub entries: Vec<u8>,
    /// Name records.
    pub names: Vec<u8>,
    /// Postings.
    pub postings: Vec<u8>,
    /// Gentilic records.
    pub gentilics: Vec<u8>,
    /// Key index.
    pub keys: Vec<u8>,
    /// Trigram table.
    pub trigrams: Vec<u8>,
    /// Key-prefix bit set.
    pub prefixes: Vec<u8>,
    /// First-segment hash table.
    pub words: Vec<u8>,
}

impl Writer {
    /// Interns a string (at most 65,535 bytes; longer strings are cut at a char boundary).
    pub fn string(&mut self, s: &str) -> u32 {
        if let Some(&o) = self.interned.get(s) {
            return o;
        }
        let mut end = s.len().min(u16::MAX as usize);
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        let at = self.strings.len() as u32;
        self.strings.extend_from_slice(&(end as u16).to_le_bytes());
        self.strings.extend_from_slice(&s.as_bytes()[..end]);
        self.interned.insert(s.to_string(), at);
        at
    }

    /// Interns an optional string (empty → NONE).
    pub fn opt(&mut self, s: &str) -> u32 {
        if s.is_empty() {
            NONE
        } else {
            self.string(s)
        }
    }

    /// Serialises the whole blob.
    pub fn finish(&self) -> Vec<u8> {
        let n_entries = self.entries.len() / ENTRY_SIZE;
        let n_names = self.names.len() / NAME_SIZE;
        let n_postings = self.postings.len() / POSTING_SIZE;
        let n_gent = self.gentilics.len() / GENT_SIZE;
        let mut out = Vec::with_capacity(
            HEADER_SIZE
                + self.strings.len()
                + self.entries.len()
                + self.names.len()
                + self.postings.len()
                + self.gentilics.len()
                + self.keys.len()
                + self.trigrams.len()
                + self.prefixes.len()
                + self.words.len(),
        );
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        for n in [n_entries, n_names, n_postings, n_gent] {
            out.extend_from_slice(&(n as u32).to_le_bytes());
        }
        let mut at = HEADER_SIZE;
        for len in [
            self.strings.len(),
            self.entries.len(),
            self.names.len(),
            self.postings.len(),
            self.gentilics.len(),
            self.keys.len(),
            self.trigrams.len(),
            self.prefixes.len(),
            self.words.len(),
        ] {
            out.extend_from_slice(&(at as u32).to_le_bytes());
            at += len;
        }
        out.extend_from_slice(&self.strings);
        out.extend_from_slice(&self.entries);
        out.extend_from_slice(&self.names);
        out.extend_from_slice(&self.postings);
        out.extend_from_slice(&self.gentilics);
        out.extend_from_slice(&self.keys);
        out.extend_from_slice(&self.trigrams);
        out.extend_from_slice(&self.prefixes);
        out.extend_from_slice(&self.words);
        out
    }
}

/// Puts a little-endian u32 into a record.
pub fn put_u32(rec: &mut [u8], at: usize, v: u32) {
    if let Some(s) = rec.get_mut(at..at + 4) {
        s.copy_from_slice(&v.to_le_bytes());
    }
}
