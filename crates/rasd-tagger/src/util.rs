//! Small deterministic helpers shared by training and clustering: a seeded PRNG
//! (SplitMix64, so runs are reproducible without an external crate) and a fast,
//! stable 64-bit string hash (FNV-1a followed by a SplitMix finaliser) used to key
//! features and lexicon entries in the model file. The hash must never change between
//! versions without retraining, because model files store hashed keys.

/// Seeded SplitMix64 pseudo-random generator.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// Create a generator from a seed.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// Next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        mix(self.0)
    }

    /// Uniform integer in `0..n` (returns 0 when `n == 0`).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        ((self.next_u64() >> 11) % n as u64) as usize
    }

    /// Uniform float in `[0, 1)`.
    pub fn unit_f32(&mut self) -> f32 {
        ((self.next_u64() >> 40) as f32) / ((1u64 << 24) as f32)
    }

    /// Fisher–Yates shuffle.
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = self.below(i + 1);
            v.swap(i, j);
        }
    }
}

/// SplitMix64 finaliser: a strong 64-bit mixing function.
#[inline]
pub fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Incremental FNV-1a hasher with a mixed finish; stable across platforms and versions.
#[derive(Debug, Clone, Copy)]
pub struct Fnv(u64);

impl Fnv {
    /// Start a hash seeded with a template id (so equal strings in different
    /// templates get different keys).
    #[inline]
    pub fn new(template: u32) -> Self {
        let mut h = Fnv(0xcbf2_9ce4_8422_2325);
        h.bytes(&template.to_le_bytes());
        h
    }

    /// Feed bytes.
    #[inline]
    pub fn bytes(&mut self, b: &[u8]) -> &mut Self {
        for &x in b {
            self.0 ^= u64::from(x);
            self.0 = self.0.wrapping_mul(0x0000_0100_0000_01B3);
        }
        self
    }

    /// Feed a string followed by a separator byte (0xFF never occurs in UTF-8).
    #[inline]
    pub fn str(&mut self, s: &str) -> &mut Self {
        self.bytes(s.as_bytes());
        self.bytes(&[0xFF])
    }

    /// Feed an integer.
    #[inline]
    pub fn int(&mut self, v: u64) -> &mut Self {
        self.bytes(&v.to_le_bytes())
    }

    /// Finish; never returns 0 (0 marks an empty slot in hashed tables).
    #[inline]
    pub fn finish(&self) -> u64 {
        let h = mix(self.0);
        if h == 0 {
            1
        } else {
            h
        }
    }
}

/// Hash a plain string with template 0 (used for lexicon keys).
pub fn hash_str(s: &str) -> u64 {
    Fnv::new(0).str(s).finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rng_is_deterministic() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        let mut v: Vec<u32> = (0..50).collect();
        Rng::new(3).shuffle(&mut v);
        let mut w: Vec<u32> = (0..50).collect();
        Rng::new(3).shuffle(&mut w);
        assert_eq!(v, w);
        let mut s = v.clone();
        s.sort_unstable();
        assert_eq!(s, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn hash_separates_templates_and_strings() {
        assert_ne!(Fnv::new(1).str("a").finish(), Fnv::new(2).str("a").finish());
        assert_ne!(hash_str("ab"), hash_str("ba"));
        assert_eq!(hash_str("x"), hash_str("x"));
        assert!(Rng::new(1).unit_f32() < 1.0);
    }
}
