//! A hasher for the maps a run builds of its own plan's paths and texts:
//! the standard library's SipHash guards against inputs chosen to collide,
//! at three times the cost for short keys, and the keys here come from
//! the repository being judged, whose owner gains nothing by slowing it.
//! The mixing step is rustc's own (`FxHasher`).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` hashed by `FastHasher`.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// Eight bytes at a time, each word rotated in and multiplied.
#[derive(Clone, Copy, Default)]
pub(crate) struct FastHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_that_differ_anywhere_hash_apart() {
        use std::hash::BuildHasher;
        let hash = |key: &str| BuildHasherDefault::<FastHasher>::default().hash_one(key);
        let keys = ["", "a", "b", "ab", "ba", "1-a/1-b", "1-a/1-c", "12345678", "123456789", "123456780"];
        for (i, a) in keys.iter().enumerate() {
            for b in &keys[i + 1..] {
                assert_ne!(hash(a), hash(b), "{a:?} and {b:?}");
            }
        }
        let mut map: FastMap<&str, u8> = FastMap::default();
        map.insert("evidence/1-a", 1);
        assert_eq!(map.get("evidence/1-a"), Some(&1));
        assert_eq!(map.get("evidence/1-b"), None);
    }
}
