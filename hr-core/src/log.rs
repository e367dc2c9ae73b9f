//! Logs: template folding. (First version: the generic folder; issue 3 brings Drain-style mining.)

use crate::marker::Compressed;
use crate::Options;

pub fn compress(text: &str, opts: &Options) -> Compressed {
    crate::fold::compress(text, opts)
}
