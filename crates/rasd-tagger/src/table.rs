//! A compact open-addressing hash table from non-zero 64-bit keys to 64-bit values.
//!
//! Features, lexicon words and gazetteer phrases are all keyed by stable 64-bit hashes
//! ([`crate::util::Fnv`]); this table stores them with linear probing at load factor ≤ 0.5,
//! which makes lookups one or two cache lines and building from a model file a single pass.

/// Open-addressing map `u64 → u64`; key 0 is reserved for empty slots.
#[derive(Debug, Clone, Default)]
pub struct U64Map {
    /// `(key, value)` slots; key and value share a cache line.
    slots: Vec<(u64, u64)>,
    mask: usize,
    len: usize,
}

impl U64Map {
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

    /// All `(key, value)` pairs sorted by key (deterministic order for serialisation).
    pub fn entries(&self) -> Vec<(u64, u64)> {
        let mut v: Vec<(u64, u64)> = self.slots.iter().filter(|s| s.0 != 0).copied().collect();
        v.sort_unstable();
        v
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
