//! A compact open-addressing hash table from non-zero 64-bit keys to 64-bit values.
//!
//! Features, lexicon words and gazetteer phrases are all keyed by stable 64-bit hashes
//! ([`crate::util::Fnv`]); this table stores them with linear probing at load factor ≤ 0.5,
//! which makes lookups one or two cache lines.
//!
//! Model files store every table as a *slot image* (see [`write_image`] / [`read_image`]):
//! the capacity, an occupancy bitmap and the occupied slots' records in slot order. Loading
//! then lays the slots out exactly where they were when written, in one sequential pass with
//! no hashing or probing (building tables by insertion was most of the model load time:
//! random writes into tens of megabytes). Lookups do not depend on the layout, only on the
//! key set, so any layout loads to the same answers; writers use the canonical one
//! ([`U64Map::canonical`]: sorted keys inserted into the same capacity) so that training
//! twice writes the same bytes.

use crate::Error;

/// Open-addressing map `u64 → u64`; key 0 is reserved for empty slots.
#[derive(Debug, Clone, Default)]
pub struct U64Map {
    /// `(key, value)` slots; key and value share a cache line.
    slots: Vec<(u64, u64)>,
    mask: usize,
    len: usize,
}

impl U64Map {
    /// An empty table with exactly `cap` slots (a power of two, or 0 for no storage).
    fn with_slots(cap: usize) -> Self {
        U64Map {
            slots: vec![(0, 0); cap],
            mask: cap.saturating_sub(1),
            len: 0,
        }
    }

    /// Create a table able to hold `n` entries without growing.
    pub fn with_capacity(n: usize) -> Self {
        let cap = (n.max(4) * 2).next_power_of_two();
        U64Map {
            slots: vec![(0, 0); cap],
            mask: cap - 1,
            len: 0,
        }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    #[inline]
    fn slot(&self, key: u64) -> usize {
        // keys are already well-mixed hashes
        (key as usize) & self.mask
    }

    /// Hint the CPU to load the slot where `key` would start probing (no effect on results).
    #[inline]
    pub fn prefetch(&self, key: u64) {
        #[cfg(target_arch = "x86_64")]
        if let Some(s) = self.slots.get(self.slot(key.max(1))) {
            // SAFETY: the pointer comes from a live reference into `slots`; a prefetch never
            // dereferences architecturally and cannot fault.
            unsafe {
                std::arch::x86_64::_mm_prefetch::<{ std::arch::x86_64::_MM_HINT_T0 }>(
                    (s as *const (u64, u64)).cast::<i8>(),
                );
            }
        }
        #[cfg(not(target_arch = "x86_64"))]
        let _ = key;
    }

    /// Insert or overwrite; a zero key is mapped to 1 (keys are hashes, never 0 by construction).
    pub fn insert(&mut self, key: u64, val: u64) {
        let key = key.max(1);
        if self.slots.is_empty() || (self.len + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let mut i = self.slot(key);
        loop {
            let s = &mut self.slots[i];
            if s.0 == 0 {
                *s = (key, val);
                self.len += 1;
                return;
            }
            if s.0 == key {
                s.1 = val;
                return;
            }
            i = (i + 1) & self.mask;
        }
    }

    fn grow(&mut self) {
        let old = std::mem::take(&mut self.slots);
        let cap = (old.len() * 2).max(8);
        self.slots = vec![(0, 0); cap];
        self.mask = cap - 1;
        self.len = 0;
        for (k, v) in old {
            if k != 0 {
                self.insert(k, v);
            }
        }
    }

    /// Look up a key.
    #[inline]
    pub fn get(&self, key: u64) -> Option<u64> {
        if self.slots.is_empty() {
            return None;
        }
        let key = key.max(1);
        let mut i = self.slot(key);
        loop {
            let &(k, v) = self.slots.get(i)?;
            if k == key {
                return Some(v);
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Build from `(key, value)` pairs inserted in order (so the layout equals inserting them
    /// one by one into [`U64Map::with_capacity`]`(n)`), prefetching the home slot a few
    /// pairs ahead: building tables at model load is bound by cache misses, and this
    /// overlaps them.
    pub fn from_pairs(pairs: &[(u64, u64)]) -> Self {
        const AHEAD: usize = 8;
        let mut m = U64Map::with_capacity(pairs.len());
        for (i, &(k, v)) in pairs.iter().enumerate() {
            if let Some(&(ka, _)) = pairs.get(i + AHEAD) {
                m.prefetch(ka);
            }
            m.insert(k, v);
        }
        m
    }

    /// All `(key, value)` pairs in slot order (unsorted).
    pub fn iter(&self) -> impl Iterator<Item = (u64, u64)> + '_ {
        self.slots.iter().filter(|s| s.0 != 0).copied()
    }

    /// All values, in slot order (unsorted).
    pub fn values(&self) -> impl Iterator<Item = u64> + '_ {
        self.slots.iter().filter(|s| s.0 != 0).map(|s| s.1)
    }

    /// The same entries and capacity in the canonical layout: keys inserted in ascending
    /// order. Depends only on the key set and the capacity, so equal tables built in any
    /// order serialise to equal bytes.
    pub fn canonical(&self) -> U64Map {
        let mut m = U64Map::with_slots(self.slots.len());
        for (k, v) in self.entries() {
            m.insert(k, v);
        }
        m
    }

    /// Append the slot image of the canonical layout: records are the `u64` key followed by
    /// whatever `payload` writes for the value (a fixed number of bytes per record).
    pub(crate) fn write_image(
        &self,
        out: &mut Vec<u8>,
        mut payload: impl FnMut(u64, &mut Vec<u8>),
    ) {
        let c = self.canonical();
        write_image(
            out,
            &c.slots,
            |s| s.0 != 0,
            |s, o| {
                o.extend_from_slice(&s.0.to_le_bytes());
                payload(s.1, o);
            },
        );
    }

    /// Read a slot image written by [`U64Map::write_image`] whose value payloads are
    /// `payload_len` bytes, decoded by `value` (`None` = corrupt record).
    pub(crate) fn read_image(
        r: &mut Reader<'_>,
        payload_len: usize,
        mut value: impl FnMut(&[u8]) -> Option<u64>,
    ) -> Result<U64Map, Error> {
        let (slots, len) = read_image(r, 8 + payload_len, (0, 0), |c| {
            let k = le_u64(c);
            let v = value(c.get(8..)?)?;
            (k != 0).then_some((k, v))
        })?;
        Ok(U64Map {
            mask: slots.len().saturating_sub(1),
            slots,
            len,
        })
    }

    /// All `(key, value)` pairs sorted by key (deterministic order for serialisation).
    pub fn entries(&self) -> Vec<(u64, u64)> {
        let mut v: Vec<(u64, u64)> = self.slots.iter().filter(|s| s.0 != 0).copied().collect();
        v.sort_unstable();
        v
    }
}

/// Largest table capacity a model file may ask for (2^28 slots, far beyond any model).
const MAX_CAP: usize = 1 << 28;

/// Append the slot image of a table: capacity `u32` (0 or a power of two), entry count
/// `u32`, an occupancy bitmap of `ceil(cap / 64)` little-endian `u64` words (bit `i % 64` of
/// word `i / 64` set = slot `i` occupied), then one fixed-size record per occupied slot in
/// slot order, written by `record`.
pub(crate) fn write_image<T>(
    out: &mut Vec<u8>,
    slots: &[T],
    occupied: impl Fn(&T) -> bool,
    mut record: impl FnMut(&T, &mut Vec<u8>),
) {
    let len = slots.iter().filter(|s| occupied(s)).count();
    out.extend_from_slice(&(slots.len() as u32).to_le_bytes());
    out.extend_from_slice(&(len as u32).to_le_bytes());
    for chunk in slots.chunks(64) {
        let mut w = 0u64;
        for (j, s) in chunk.iter().enumerate() {
            if occupied(s) {
                w |= 1 << j;
            }
        }
        out.extend_from_slice(&w.to_le_bytes());
    }
    for s in slots.iter().filter(|s| occupied(s)) {
        record(s, out);
    }
}

/// Read a slot image written by [`write_image`]: returns the slots (empty ones set to
/// `empty`, occupied ones decoded from their `rec`-byte record by `parse`) and the entry
/// count. The slots are pushed in order, so each page of the table is written once.
///
/// Everything is checked, so a corrupt file gives an error instead of a panic or a table
/// that could make a lookup loop forever: the capacity must be 0 or a power of two up to
/// [`MAX_CAP`], at least one slot must stay empty, the bitmap must agree with the record
/// count and `parse` must accept every record.
pub(crate) fn read_image<T: Copy>(
    r: &mut Reader<'_>,
    rec: usize,
    empty: T,
    mut parse: impl FnMut(&[u8]) -> Option<T>,
) -> Result<(Vec<T>, usize), Error> {
    let bad = |what: &str| Error::Data(format!("corrupt model file: {what}"));
    let cap = r.u32()? as usize;
    let len = r.u32()? as usize;
    if cap > MAX_CAP || (cap != 0 && !cap.is_power_of_two()) {
        return Err(bad("table capacity"));
    }
    if len >= cap && !(cap == 0 && len == 0) {
        return Err(bad("table has no empty slot"));
    }
    let words = r.take(cap.div_ceil(64) * 8)?;
    let recs = r.take(len.checked_mul(rec).ok_or_else(|| bad("table size"))?)?;
    let mut recs = recs.chunks_exact(rec);
    let mut slots = Vec::with_capacity(cap);
    // 64 slots at a time: empty words are appended as a block; otherwise the occupied slots
    // are decoded into a block of empties (work per entry, not per slot) which is then
    // appended, so the table's memory is written once, sequentially
    let block = [empty; 64];
    for (wi, w) in words.chunks_exact(8).enumerate() {
        let mut bits = le_u64(w);
        let n = (cap - wi * 64).min(64);
        if n < 64 && bits >> n != 0 {
            return Err(bad("occupancy bitmap"));
        }
        let mut cur = block;
        while bits != 0 {
            let j = bits.trailing_zeros() as usize;
            bits &= bits - 1;
            let c = recs.next().ok_or_else(|| bad("occupancy bitmap"))?;
            let s = cur.get_mut(j).ok_or_else(|| bad("occupancy bitmap"))?;
            *s = parse(c).ok_or_else(|| bad("table record"))?;
        }
        slots.extend_from_slice(cur.get(..n).unwrap_or(&[]));
    }
    if recs.next().is_some() {
        return Err(bad("occupancy bitmap"));
    }
    Ok((slots, len))
}

/// The little-endian `u64` at the start of `c` (0 if `c` is shorter than 8 bytes).
#[inline]
pub(crate) fn le_u64(c: &[u8]) -> u64 {
    let mut a = [0u8; 8];
    if let Some(b) = c.get(..8) {
        a.copy_from_slice(b);
    }
    u64::from_le_bytes(a)
}

/// Bounds-checked little-endian cursor over model-file bytes: every read past the end is
/// an error ("truncated model file"), never a panic.
pub(crate) struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// A cursor at the start of `b`.
    pub(crate) fn new(b: &'a [u8]) -> Reader<'a> {
        Reader { b, pos: 0 }
    }

    /// True when every byte has been read.
    pub(crate) fn at_end(&self) -> bool {
        self.pos >= self.b.len()
    }

    /// The next `n` bytes.
    pub(crate) fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        let s = self
            .b
            .get(self.pos..self.pos.saturating_add(n))
            .ok_or_else(|| Error::Data("truncated model file".into()))?;
        self.pos += n;
        Ok(s)
    }

    /// The next little-endian `u32`.
    pub(crate) fn u32(&mut self) -> Result<u32, Error> {
        let s = self.take(4)?;
        let mut a = [0u8; 4];
        a.copy_from_slice(s);
        Ok(u32::from_le_bytes(a))
    }

    /// The next little-endian `f32`.
    pub(crate) fn f32(&mut self) -> Result<f32, Error> {
        Ok(f32::from_bits(self.u32()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn insert_get_grow() {
        let mut m = U64Map::default();
        for i in 1..2000u64 {
            m.insert(crate::util::mix(i), i);
        }
        assert_eq!(m.len(), 1999);
        for i in 1..2000u64 {
            assert_eq!(m.get(crate::util::mix(i)), Some(i));
        }
        assert_eq!(m.get(12345), None);
        m.insert(crate::util::mix(5), 99);
        assert_eq!(m.get(crate::util::mix(5)), Some(99));
        assert_eq!(m.entries().len(), 1999);
        assert_eq!(U64Map::default().get(3), None);
    }
}
