//! The memory bound every compressor keeps: the whole `hr` process peaks under three times the
//! input plus 64 MB, on any input. Beside a compressor's working state, the interpreter (about
//! 20 MB) and the input with its stored copy (about 1.3 times the input) are in memory: what
//! is left is the room for that state.

/// How many bytes of working state a compressor may hold for an input of `len` bytes.
pub fn state_room(len: usize) -> usize {
    len / 10 * 17 + (44 << 20)
}

/// Bytes of state a line costs the compressors that plan line by line (listings, diffs, test
/// output, text): up to about 360 measured (a 25 MB `find` listing of 500,000 lines took 233 MB).
const PLAN_BYTES_PER_LINE: usize = 384;

/// Whether planning `text` line by line stays within the bound; the generic folder, which
/// streams, takes the input that would not.
pub fn plan_fits(text: &str) -> bool {
    let lines = memchr::memchr_iter(b'\n', text.as_bytes()).count() + 1;
    lines.saturating_mul(PLAN_BYTES_PER_LINE) <= state_room(text.len())
}

/// Bytes of state a token of source costs the code path (Python): its tree-sitter tree and the
/// skeleton planned from it. About 135 for ordinary code, up to about 300 measured for dense
/// code (1.4 MB of small Python functions, 648,000 tokens, took 195 MB; a 1.4 MB module of
/// `x=1` lines 385 MB).
const SOURCE_BYTES_PER_TOKEN: usize = 320;

/// Whether parsing `text` as source stays within the bound; the folder takes the source that
/// would not.
pub fn source_fits(text: &str) -> bool {
    let room = state_room(text.len());
    // a token takes a byte at least: most sources fit without counting
    text.len().saturating_mul(SOURCE_BYTES_PER_TOKEN) <= room
        || crate::tokens::estimate(text).saturating_mul(SOURCE_BYTES_PER_TOKEN) <= room
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compress, fold, Kind, Options};

    #[test]
    fn input_of_too_many_lines_to_plan_is_folded_as_it_streams() {
        assert!(plan_fits(&"./src/a.rs\n".repeat(10_000)));
        // 3 MB of 300,000 paths would plan into more than 100 MB
        let listing: String = (0..300_000)
            .map(|i| format!("./d{}/f{i}\n", i % 97))
            .collect();
        assert!(!plan_fits(&listing));
        let opts = Options::for_test(None);
        assert_eq!(
            compress(Kind::Shell, &listing, &opts),
            fold::compress(&listing, &opts)
        );
    }

    #[test]
    fn source_of_more_tokens_than_a_parse_tree_can_hold_is_not_parsed() {
        // a hundred kilobytes of anything fits
        assert!(source_fits(&"x=1\n".repeat(25_000)));
        // 300 KB of ordinary code fits; as many bytes of tiny statements, about a token a byte,
        // would take 90 MB parsed
        let functions = "def area(self, scale=1.0):\n    \"\"\"The area of the shape, with the scale that\n    the caller asks for.\"\"\"\n    return self.w * self.h * scale\n\n";
        assert!(source_fits(&functions.repeat(300_000 / functions.len())));
        assert!(!source_fits(&"x=1\n".repeat(75_000)));
    }
}
