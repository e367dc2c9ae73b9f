//! JSON. (First version: the generic folder; issue 4 brings the table and outlier compressor.)

use crate::marker::Compressed;
use crate::Options;

pub fn compress(text: &str, opts: &Options) -> Compressed {
    crate::fold::compress(text, opts)
}
