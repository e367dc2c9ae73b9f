//! hr-core: the pure engine behind `hr`.
//!
//! Every function here maps bytes or text (plus options) to text plus span metadata. Nothing
//! touches the file system, the clock or the environment, so results are deterministic and the
//! whole crate is testable with `cargo test`, without Python. The PyO3 binding lives in
//! `python.rs` behind the `python` feature.

pub mod bound;
pub mod compressbase;
pub mod diff;
pub mod drain;
pub mod escapes;
pub mod fold;
pub mod grep;
pub mod guard;
pub mod hash;
pub mod json;
pub mod lines;
pub mod log;
pub mod logline;
pub mod marker;
pub mod mask;
pub mod plan;
pub mod probes;
mod re;
pub mod shell;
pub mod sniff;
pub mod storage;
pub mod stray_bytes;
pub mod testout;
pub mod text;
pub mod tokens;

#[cfg(feature = "python")]
mod python;

pub use marker::{Compressed, Span};
pub use sniff::Kind;

/// What every compressor is given besides the text.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Short content hash (12 hex) that markers cite, so `hr expand HASH …` can fetch what was cut.
    pub hash: String,
    /// Soft limit on the output size in characters. `None` folds only what is redundant.
    pub budget_chars: Option<usize>,
    /// Learnt policy (`hr learn`): a fold of fewer lines than this stays verbatim instead (0
    /// and 1: every fold a compressor plans is made). Honoured by `plan::render`, and by the
    /// generic folder where it streams.
    pub min_fold_run: usize,
}

#[cfg(test)]
impl Options {
    /// What unit tests compress with: the hash their expected markers cite, and a budget only
    /// where a test asks for one.
    pub(crate) fn for_test(budget_chars: Option<usize>) -> Options {
        Options {
            hash: "abcdef012345".into(),
            budget_chars,
            ..Default::default()
        }
    }
}

/// Compress `text` with the strategy for `kind`. Kinds without a strategy of their own in the
/// core use the generic line folder.
pub fn compress(kind: Kind, text: &str, opts: &Options) -> Compressed {
    match kind {
        Kind::Log => log::compress(text, opts),
        // these plan line by line: input of more lines than the memory bound leaves room for
        // goes to the folder, which streams
        Kind::Test | Kind::Diff | Kind::Shell | Kind::Text if !bound::plan_fits(text) => {
            fold::compress(text, opts)
        }
        Kind::Test => testout::compress(text, opts),
        Kind::Json => json::compress(text, opts),
        Kind::Diff => diff::compress(text, opts),
        Kind::Shell => shell::compress(text, opts),
        Kind::Text => text::compress(text, opts),
        _ => fold::compress(text, opts),
    }
}
