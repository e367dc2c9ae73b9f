//! Test runner and build output. (First version: the generic folder; issue 3 brings the runners.)

use crate::marker::Compressed;
use crate::Options;

pub fn compress(text: &str, opts: &Options) -> Compressed {
    crate::fold::compress(text, opts)
}
