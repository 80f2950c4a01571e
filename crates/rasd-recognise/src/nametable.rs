//! The layout of the embedded person-name table, shared by `build.rs` (which writes it)
//! and [`crate::names`] (which reads it).
//!
//! The table is an open-addressing hash set of 64-bit keys: a power-of-two number of
//! little-endian `u64` slots, 0 for an empty slot. A key is the FNV-1a hash of a folded
//! string with a kind byte mixed in («F» full name, «P» prefix of a full name, «G» given
//! name, «S» family name). Probing is linear. Only hashes are stored, so a
//! lookup may in principle meet a false positive; with 64-bit hashes and ~10⁵ keys the
//! chance is ~10⁻⁹ per lookup.

/// Kind byte of a full name (two words or more, words joined by one space).
pub const FULL: u8 = b'F';
/// Kind byte of a prefix (two words or more) of a full name, the full name included: a
/// run of words that is no prefix can stop the search.
pub const PREFIX: u8 = b'P';
/// Kind byte of the first word of a full name (in the small table: a cheap first test
/// before the big table of full names is touched).
pub const FIRST: u8 = b'W';
/// Kind byte of a given name (one word).
pub const GIVEN: u8 = b'G';
/// Kind byte of a family name (one word, as written, article included).
pub const SURNAME: u8 = b'S';
/// Kind byte of a sports club's name of two words or more (the club table).
pub const CLUB: u8 = b'C';
/// Kind byte of a prefix (two words or more) of a club's name, the name included.
pub const CLUB_PREFIX: u8 = b'Q';
/// Kind byte of the first word of a club's name of two words or more.
pub const CLUB_FIRST: u8 = b'V';
/// Kind byte of a club's name of one word («برشلونة», «الهلال»).
pub const CLUB_ONE: u8 = b'O';

const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
const FNV_PRIME: u64 = 0x0000_0100_0000_01b3;

/// An incremental FNV-1a hash over string pieces; the kind is mixed in at the end, so
/// one pass over a name gives its keys of every kind.
#[derive(Clone, Copy, Debug)]
pub struct KeyHash(u64);

impl Default for KeyHash {
    fn default() -> Self {
        KeyHash::new()
    }
}

impl KeyHash {
    /// Starts a key.
    #[inline]
    pub fn new() -> Self {
        KeyHash(FNV_OFFSET)
    }

    /// Adds bytes to the key.
    #[inline]
    pub fn push(mut self, s: &[u8]) -> Self {
        for &b in s {
            self.0 = (self.0 ^ b as u64).wrapping_mul(FNV_PRIME);
        }
        self
    }

    /// The slot value of the key of `kind` (never 0, the empty slot): the kind byte is
    /// mixed in and the bits are spread by the MurmurHash3 finaliser, so the low bits
    /// that pick the slot depend on every byte.
    #[inline]
    pub fn finish(self, kind: u8) -> u64 {
        let mut h = self.0 ^ ((kind as u64) << 56);
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^= h >> 33;
        h | 1
    }
}

/// The key of `kind` + `s`.
pub fn key(kind: u8, s: &str) -> u64 {
    KeyHash::new().push(s.as_bytes()).finish(kind)
}

/// True when `bytes` (the table) holds `key`.
#[inline]
pub fn contains(bytes: &[u8], key: u64) -> bool {
    let slots = bytes.len() / 8;
    if slots == 0 || !slots.is_power_of_two() {
        return false;
    }
    let mask = slots - 1;
    let mut i = (key as usize) & mask;
    for _ in 0..slots {
        let Some(chunk) = bytes.get(i * 8..i * 8 + 8) else {
            return false;
        };
        let mut b = [0u8; 8];
        b.copy_from_slice(chunk);
        let v = u64::from_le_bytes(b);
        if v == key {
            return true;
        }
        if v == 0 {
            return false;
        }
        i = (i + 1) & mask;
    }
    false
}

/// Builds the table bytes from a set of keys (load factor at most one half). Used by
/// `build.rs` and the tests; the library only reads.
#[allow(dead_code)]
pub fn build(keys: &[u64]) -> Vec<u8> {
    let slots = (keys.len() * 2).next_power_of_two().max(16);
    let mask = slots - 1;
    let mut t = vec![0u64; slots];
    for &k in keys {
        let mut i = (k as usize) & mask;
        loop {
            if t[i] == k {
                break;
            }
            if t[i] == 0 {
                t[i] = k;
                break;
            }
            i = (i + 1) & mask;
        }
    }
    t.iter().flat_map(|v| v.to_le_bytes()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_tables_hold_their_keys_and_nothing_else() {
        let keys: Vec<u64> = (0..1000).map(|i| key(FULL, &format!("اسم {i}"))).collect();
        let t = build(&keys);
        assert!((t.len() / 8).is_power_of_two());
        assert!(keys.iter().all(|&k| contains(&t, k)));
        assert!(!contains(&t, key(FULL, "اسم 1000")));
        assert!(!contains(&t, key(GIVEN, "اسم 1")));
        assert!(!contains(&[], key(FULL, "اسم 1")));
        // A truncated table never panics.
        assert!(!contains(&t[..24], key(FULL, "اسم 1")));
    }
}
