//! The crate's one fast hasher for its own hash maps and sets.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small fast hasher (the multiply-rotate scheme of rustc's FxHash). The keys are the
/// input's own lines, shapes and field paths, hashed for one call of a one-shot process, so
/// hash flooding is no concern, and SipHash would dominate the fast paths.
#[derive(Default)]
pub struct FxHasher {
    hash: u64,
}

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;
/// Each word is multiplied by this before it joins the state, so that a change in its low
/// bytes spreads over all of it: with FxHash's plain `rotate ^ word`, texts that differ in one
/// word's top byte and the next word's low byte collide (`ERROR ya failed`, `ERROR xb failed`),
/// and texts are keys here (an error's message, a template the guard has seen).
const SPREAD: u64 = 0x9e_37_79_b9_7f_4a_7c_15;

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word.wrapping_mul(SPREAD)).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap()));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut last = [0u8; 8];
            last[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(last));
        }
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(i as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// A text as a hash, its length in it (the hasher pads a last partial word with zeros): for
/// state that must stay a word a line where a line's text would be a slice or a copy.
pub fn of_text(text: &str) -> u64 {
    of_bytes(text.as_bytes())
}

/// `of_text` of bytes that may be no text (a word as Drain masks it).
pub fn of_bytes(bytes: &[u8]) -> u64 {
    let mut h = FxHasher::default();
    h.write_usize(bytes.len());
    h.write(bytes);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn texts_that_differ_across_a_word_boundary_hash_apart() {
        // two letters either side of an 8-byte boundary: the top byte of one word and the low
        // byte of the next
        let mut seen = HashSet::new();
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let text = format!(" ERROR {}{} failed", a as char, b as char);
                let mut h = FxHasher::default();
                h.write(text.as_bytes());
                assert!(seen.insert(h.finish()), "{text}");
            }
        }
    }
}
