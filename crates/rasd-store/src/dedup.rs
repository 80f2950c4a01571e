//! Duplicate detection: exact by content hash, near by 64-bit SimHash over word shingles.
//!
//! Agencies syndicate copy that outlets republish with a changed headline or a trimmed
//! paragraph. SimHash of folded word 3-shingles maps such texts to fingerprints a few bits
//! apart. Candidates are found through four 16-bit bands (two fingerprints within Hamming
//! distance 3 share at least one band exactly, by pigeonhole), then verified.

use sha2::{Digest, Sha256};

/// Largest Hamming distance between fingerprints of near duplicates.
pub const MAX_DISTANCE: u32 = 3;
/// Fewest words a text needs for a fingerprint (short texts collide too easily).
pub const MIN_WORDS: usize = 20;

/// SHA-256 of the text, hex.
pub fn content_hash(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn fnv1a(words: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for w in words {
        for b in w.bytes().chain(std::iter::once(b' ')) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    // Final avalanche (splitmix64) so that similar shingles spread over all bits.
    h = (h ^ (h >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h = (h ^ (h >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^ (h >> 31)
}

/// SimHash of the folded word 3-shingles of `text`; `None` for texts under [`MIN_WORDS`].
pub fn simhash(text: &str) -> Option<u64> {
    let folded = rasd_text::fold(text);
    let ws: Vec<&str> = folded.split_whitespace().collect();
    if ws.len() < MIN_WORDS {
        return None;
    }
    let mut acc = [0i32; 64];
    for sh in ws.windows(3) {
        let h = fnv1a(sh);
        for (i, a) in acc.iter_mut().enumerate() {
            if (h >> i) & 1 == 1 {
                *a += 1;
            } else {
                *a -= 1;
            }
        }
    }
    let mut out = 0u64;
    for (i, a) in acc.iter().enumerate() {
        if *a > 0 {
            out |= 1 << i;
        }
    }
    Some(out)
}

/// The four band keys of a fingerprint: band index in the high bits, 16 bits of it below.
pub fn bands(h: u64) -> [i64; 4] {
    let mut b = [0i64; 4];
    for (i, x) in b.iter_mut().enumerate() {
        *x = ((i as i64) << 16) | ((h >> (16 * i)) & 0xffff) as i64;
    }
    b
}

/// True when two fingerprints are near duplicates.
pub fn near(a: u64, b: u64) -> bool {
    (a ^ b).count_ones() <= MAX_DISTANCE
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article() -> String {
        "أعلنت وزارة الداخلية السعودية اليوم عن القبض على خلية إرهابية في المنطقة الشرقية \
         تتكون من عشرة أشخاص كانوا يخططون لتنفيذ هجمات على منشآت حكومية ومراكز أمنية، \
         وأوضح المتحدث الأمني أن التحقيقات ما زالت جارية لكشف ارتباطات الخلية الخارجية \
         وأن الأجهزة الأمنية ضبطت أسلحة وذخائر ومتفجرات في مواقع متفرقة من المنطقة"
            .to_string()
    }

    #[test]
    fn near_copy_is_near_and_other_text_is_not() {
        let a = simhash(&article()).unwrap();
        let copy = format!("{} وأضاف المتحدث", article().replace("اليوم", "اليوم الأحد"));
        let b = simhash(&copy).unwrap();
        assert!(
            (a ^ b).count_ones() <= 12,
            "distance {}",
            (a ^ b).count_ones()
        );
        let diacritics = simhash(&article().replace("الداخلية", "الدَّاخلية")).unwrap();
        assert_eq!(a, diacritics);
        let other = simhash(
            "فاز فريق الهلال على النصر بثلاثة أهداف مقابل هدف في المباراة التي أقيمت مساء أمس \
             على ملعب الملك فهد الدولي بالرياض وسط حضور جماهيري كبير وأشاد المدرب بأداء اللاعبين",
        )
        .unwrap();
        assert!(!near(a, other));
        assert!(simhash("نص قصير").is_none());
    }

    #[test]
    fn bands_share_when_close() {
        let a = 0x1234_5678_9abc_def0u64;
        let b = a ^ 0b111; // three bits in band 0
        let (ba, bb) = (bands(a), bands(b));
        assert!(ba.iter().zip(bb.iter()).any(|(x, y)| x == y));
        assert!(near(a, b));
    }
}
