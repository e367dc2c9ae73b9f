//! CompressBase: the sentence scorer for plain text, a small language model trained by this
//! project (`train/compressbase.py`, described in docs/compressbase.md).
//!
//! The model is a word-bigram LM with interpolated absolute discounting, pruned and hashed into a
//! fixed table; the weights are embedded in the library, parsed once on first use. A sentence's
//! score is its self-information: bits per token under the model mixed with a cache of the
//! document read so far (Kuhn & De Mori 1990), so text that repeats what came before is cheap and
//! text that says something new is dear.

use std::collections::HashMap;
use std::sync::OnceLock;

static WEIGHTS: &[u8] = include_bytes!("../data/compressbase.bin");
const MAGIC: &[u8; 8] = b"CBASE\x00\x01\x00";
const SCALE: f64 = 8.0;
/// Slots a bigram may take after its own (linear probing; as in the trainer).
const PROBES: usize = 4;
const BOS: u32 = 0;
const UNK: u32 = 1;
/// Weight of the document cache in the mixture: of 0.1, 0.25 and 0.4, the one with the lowest
/// bits per token on the validation split (`train/eval_compressbase.py --validation`).
pub const CACHE_WEIGHT: f64 = 0.25;

pub struct Model {
    vocab: HashMap<&'static [u8], u32>,
    unigram: &'static [u8],
    backoff: &'static [u8],
    table: &'static [u8],
    table_bits: u32,
    unk_bits: f64,
}

/// Which parts of the model to use: the evaluation compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    Unigram,
    Bigram,
    /// bigram mixed with the document cache: what `hr` uses
    Full,
}

/// The embedded model, parsed on first use.
pub fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| Model::parse(WEIGHTS).expect("embedded CompressBase weights are valid"))
}

pub fn weights_len() -> usize {
    WEIGHTS.len()
}

impl Model {
    pub fn parse(b: &'static [u8]) -> Option<Model> {
        if b.get(..8)? != MAGIC {
            return None;
        }
        let u32_at = |i: usize| -> Option<u32> {
            Some(u32::from_le_bytes(b.get(i..i + 4)?.try_into().ok()?))
        };
        let n = u32_at(8)? as usize;
        let table_bits = u32_at(12)?;
        let unk_bits = u16::from_le_bytes(b.get(16..18)?.try_into().ok()?) as f64 / SCALE;
        let mut pos = 18;
        let mut vocab = HashMap::with_capacity(n);
        for id in 0..n as u32 {
            let len = *b.get(pos)? as usize;
            let word = b.get(pos + 1..pos + 1 + len)?;
            if id != BOS && id != UNK {
                vocab.insert(word, id);
            }
            pos += 1 + len;
        }
        let unigram = b.get(pos..pos + n)?;
        let backoff = b.get(pos + n..pos + 2 * n)?;
        let table = b.get(pos + 2 * n..pos + 2 * n + (2usize << table_bits))?;
        Some(Model {
            vocab,
            unigram,
            backoff,
            table,
            table_bits,
            unk_bits,
        })
    }

    fn id(&self, token: &[u8]) -> u32 {
        self.vocab.get(token).copied().unwrap_or(UNK)
    }

    /// Bits of `cur` after `prev` under the language model alone.
    fn bits(&self, prev: u32, cur: u32, mode: Mode) -> f64 {
        let uni = if cur == UNK {
            self.unk_bits
        } else {
            self.unigram[cur as usize] as f64 / SCALE
        };
        if mode == Mode::Unigram {
            return uni;
        }
        if cur != UNK {
            let (slot, fp) = slot(prev, cur, self.table_bits);
            let mask = (1usize << self.table_bits) - 1;
            for j in 0..PROBES {
                let i = (slot + j) & mask;
                match self.table[2 * i] {
                    0 => break,
                    f if f == fp => return self.table[2 * i + 1] as f64 / SCALE,
                    _ => {}
                }
            }
        }
        self.backoff[prev as usize] as f64 / SCALE + uni
    }
}

/// Bigram slot and fingerprint; mirrored by `slot` in train/compressbase.py.
fn slot(prev: u32, cur: u32, bits: u32) -> (usize, u8) {
    let h = (((prev as u64) << 16) | cur as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let fp = ((h >> 16) & 0xFF) as u8;
    ((h >> (64 - bits)) as usize, if fp == 0 { 1 } else { fp })
}

/// Calls `f` with each token of `text`: ASCII lowercased; a run of letters, a run of digits, or
/// one ASCII punctuation character (mirrors `TOKEN` in train/compressbase.py).
pub fn for_each_token(text: &str, mut f: impl FnMut(&[u8])) {
    let b = text.as_bytes();
    let mut buf: Vec<u8> = Vec::with_capacity(32);
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c.is_ascii_alphabetic() || c.is_ascii_digit() {
            let alpha = c.is_ascii_alphabetic();
            buf.clear();
            while i < b.len()
                && (if alpha {
                    b[i].is_ascii_alphabetic()
                } else {
                    b[i].is_ascii_digit()
                })
            {
                buf.push(b[i].to_ascii_lowercase());
                i += 1;
            }
            f(&buf);
            continue;
        }
        if c.is_ascii_punctuation() {
            f(&b[i..i + 1]);
        }
        i += 1;
    }
}

/// Self-information of one unit of text.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Score {
    pub bits: f64,
    pub tokens: usize,
    /// tokens that are words or numbers, not punctuation
    pub words: usize,
}

impl Score {
    /// Bits per word: how much this unit tells a reader who read what came before, per word
    /// read. Punctuation adds its bits but does not dilute them: `--force` or `a/b/c.txt` are
    /// mostly punctuation tokens, and a sentence full of them is dense, not thin.
    pub fn density(&self) -> f64 {
        self.bits / self.words.max(1) as f64
    }
}

/// Scores units of one document in reading order; each unit starts from the `<s>` context and
/// sees the cache of every unit scored before it.
pub struct Scorer<'m> {
    model: &'m Model,
    mode: Mode,
    cache: HashMap<Vec<u8>, u32>,
    seen: u32,
}

impl<'m> Scorer<'m> {
    pub fn new(model: &'m Model, mode: Mode) -> Self {
        Scorer {
            model,
            mode,
            cache: HashMap::new(),
            seen: 0,
        }
    }

    pub fn score(&mut self, text: &str) -> Score {
        let mut prev = BOS;
        let mut s = Score::default();
        for_each_token(text, |tok| {
            let cur = self.model.id(tok);
            let lm = self.model.bits(prev, cur, self.mode);
            let bits = if self.mode == Mode::Full && self.seen > 0 {
                let p_cache = self.cache.get(tok).copied().unwrap_or(0) as f64 / self.seen as f64;
                -((1.0 - CACHE_WEIGHT) * (-lm).exp2() + CACHE_WEIGHT * p_cache).log2()
            } else {
                lm
            };
            s.bits += bits;
            s.tokens += 1;
            s.words += tok[0].is_ascii_alphanumeric() as usize;
            prev = cur;
        });
        // the cache learns a unit only after scoring it: a sentence does not explain itself. A
        // second pass, not a copy of every token: a unit can be a whole document of one
        // paragraph (60 MB of it took 500 MB of copies)
        if self.mode == Mode::Full {
            for_each_token(text, |tok| {
                match self.cache.get_mut(tok) {
                    Some(n) => *n += 1,
                    None => {
                        self.cache.insert(tok.to_vec(), 1);
                    }
                }
                self.seen += 1;
            });
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_follow_the_training_rules() {
        let mut out = Vec::new();
        for_each_token("Use -r, --recursive: 42 files/dir café", |t| {
            out.push(String::from_utf8(t.to_vec()).unwrap())
        });
        assert_eq!(
            out,
            [
                "use",
                "-",
                "r",
                ",",
                "-",
                "-",
                "recursive",
                ":",
                "42",
                "files",
                "/",
                "dir",
                "caf"
            ]
        );
    }

    #[test]
    fn weights_are_small_and_parse() {
        // Load time is measured in bench/run.py: a wall-clock limit here flakes on a busy machine.
        let m = Model::parse(WEIGHTS).unwrap();
        assert!(WEIGHTS.len() <= 5 * 1024 * 1024);
        assert!(m.vocab.len() > 10_000);
    }

    #[test]
    fn common_prose_is_cheaper_than_rare_terms() {
        let m = model();
        let mut s = Scorer::new(m, Mode::Bigram);
        let common = s.score("This is the default behaviour of the program.");
        let rare = s.score("Zstandard dictionaries reduce xattr inode fragmentation.");
        assert!(common.density() < rare.density(), "{common:?} {rare:?}");
    }

    #[test]
    fn repetition_is_cheaper_with_the_cache() {
        let m = model();
        let mut s = Scorer::new(m, Mode::Full);
        let first = s.score("The frobnicator rewrites quux tables into zorp buckets.");
        let again = s.score("The frobnicator rewrites quux tables into zorp buckets.");
        assert!(again.bits < first.bits * 0.6, "{first:?} {again:?}");
    }

    #[test]
    fn bigram_model_beats_unigram_on_ordinary_prose() {
        let m = model();
        let text = "If no file is given, the program reads from the standard input and writes to the standard output.";
        let uni = Scorer::new(m, Mode::Unigram).score(text);
        let bi = Scorer::new(m, Mode::Bigram).score(text);
        assert!(bi.bits < uni.bits, "{uni:?} {bi:?}");
    }
}
