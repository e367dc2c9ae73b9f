//! The PyO3 binding: the only Rust that knows about Python. It converts arguments, releases the
//! GIL around the work and turns results into Python objects; everything else is in the crate.

use pyo3::exceptions::PyValueError;
use pyo3::prelude::*;
use pyo3::types::PyBytes;
use std::borrow::Cow;

use crate::{Kind, Options};

/// The kind of `data`: binary, json, log, test, code, diff, text or shell.
#[pyfunction]
fn sniff(py: Python<'_>, data: &[u8]) -> &'static str {
    py.detach(|| crate::sniff::sniff(data)).as_str()
}

/// Whether most lines of `data` are a compiler's or a linter's findings, each at its place.
#[pyfunction]
fn diagnostics(py: Python<'_>, data: &[u8]) -> bool {
    py.detach(|| crate::testout::mostly_diagnostics(&String::from_utf8_lossy(data)))
}

/// Folded line ranges, `(start, end)`, 1-based and inclusive.
type Spans = Vec<(usize, usize)>;

/// Compress `data` as `kind` (UTF-8, or text with a few stray bytes: see `stray_bytes`).
/// Returns the output bytes and the folded original line ranges as `(start, end)` pairs,
/// 1-based and inclusive. `min_fold_run`: see `Options`. An output that is the input unchanged
/// is `data` itself: a copy of a large input would cost its size again.
#[pyfunction]
#[pyo3(signature = (kind, data, hash, budget_chars=None, min_fold_run=0))]
fn compress<'py>(
    py: Python<'py>,
    kind: &str,
    data: &Bound<'py, PyBytes>,
    hash: &str,
    budget_chars: Option<usize>,
    min_fold_run: usize,
) -> PyResult<(Bound<'py, PyBytes>, Spans)> {
    let kind =
        Kind::parse(kind).ok_or_else(|| PyValueError::new_err(format!("unknown kind {kind:?}")))?;
    let bytes = data.as_bytes();
    let text = py
        .detach(|| crate::stray_bytes::as_text(bytes))
        .ok_or_else(|| PyValueError::new_err("not text: too many bytes that are no UTF-8"))?;
    let stray = matches!(text, Cow::Owned(_));
    if stray && kind == Kind::Json {
        // JSON is UTF-8 (RFC 8259): `hr expand --items` reads no other, so its markers would
        // lead nowhere; a document with stray bytes passes through, sniffed or named
        return Ok((data.clone(), Vec::new()));
    }
    let opts = Options {
        hash: hash.to_string(),
        budget_chars,
        min_fold_run,
    };
    let out = py.detach(|| crate::compress(kind, &text, &opts));
    if out.spans.is_empty() && out.text == text {
        return Ok((data.clone(), Vec::new()));
    }
    let spans = out.spans.iter().map(|s| (s.start, s.end)).collect();
    if !stray {
        return Ok((PyBytes::new(py, out.text.as_bytes()), spans));
    }
    // stray bytes go out as they came in (valid UTF-8 goes out as it is: a character of its
    // own in the range stray bytes stand for is that character)
    drop(text);
    let bytes = py.detach(|| crate::stray_bytes::to_bytes(out.text));
    Ok((PyBytes::new(py, &bytes), spans))
}

/// Estimated o200k_base token count of UTF-8 `data` (invalid bytes count as one token each).
#[pyfunction]
fn estimate_tokens(py: Python<'_>, data: &[u8]) -> usize {
    py.detach(|| match std::str::from_utf8(data) {
        Ok(t) => crate::tokens::estimate(t),
        Err(_) => crate::tokens::estimate(&String::from_utf8_lossy(data)),
    })
}

/// Whether UTF-8 `data` can be parsed as source within the memory bound (see bound.rs).
#[pyfunction]
fn source_fits(py: Python<'_>, data: &[u8]) -> bool {
    py.detach(|| crate::bound::source_fits(&String::from_utf8_lossy(data)))
}

/// The text of a line-range marker (see marker.rs), for compressors written in Python.
#[pyfunction]
#[pyo3(signature = (what, start, end, restore_hash=None))]
fn marker_text(what: &str, start: usize, end: usize, restore_hash: Option<&str>) -> String {
    crate::marker::marker_text(what, start, end, restore_hash)
}

/// `data` as a zstd frame (with checksum and content size), for the store.
#[pyfunction]
fn pack<'py>(py: Python<'py>, data: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let blob = py
        .detach(|| crate::storage::pack(data))
        .map_err(|e| PyValueError::new_err(e.to_string()))?;
    Ok(PyBytes::new(py, &blob))
}

/// The bytes a stored zstd frame holds; ValueError if it is damaged.
#[pyfunction]
fn unpack<'py>(py: Python<'py>, blob: &[u8]) -> PyResult<Bound<'py, PyBytes>> {
    let data = py
        .detach(|| crate::storage::unpack(blob))
        .map_err(|e| PyValueError::new_err(format!("damaged object: {e}")))?;
    Ok(PyBytes::new(py, &data))
}

/// The SHA-256 of `data` in lowercase hex: the name it is stored under.
#[pyfunction]
fn sha256(py: Python<'_>, data: &[u8]) -> String {
    py.detach(|| crate::storage::digest(data))
}

/// The SHA-256 of the bytes a stored zstd frame holds, read without holding them; ValueError
/// if it is damaged.
#[pyfunction]
fn unpacked_sha256(py: Python<'_>, blob: &[u8]) -> PyResult<String> {
    py.detach(|| crate::storage::unpacked_digest(blob))
        .map_err(|e| PyValueError::new_err(format!("damaged object: {e}")))
}

/// 0-based numbers of the lines of `data` that `pattern` matches (linear time, size-limited;
/// see grep.rs). ValueError with a one-line reason for a bad or too big pattern.
#[pyfunction]
#[pyo3(signature = (data, pattern, case_insensitive=false))]
fn grep_lines(
    py: Python<'_>,
    data: &[u8],
    pattern: &str,
    case_insensitive: bool,
) -> PyResult<Vec<usize>> {
    py.detach(|| crate::grep::grep_lines(data, pattern, case_insensitive))
        .map_err(PyValueError::new_err)
}

/// CompressBase self-information of `units` (one document, in reading order): `(bits, tokens,
/// words)` per unit. `mode` is "full" (bigram + document cache, what `hr` uses), "bigram" or "unigram".
#[pyfunction]
#[pyo3(signature = (units, mode="full"))]
fn compressbase_score(
    py: Python<'_>,
    units: Vec<String>,
    mode: &str,
) -> PyResult<Vec<(f64, usize, usize)>> {
    use crate::compressbase::{model, Mode, Scorer};
    let mode = match mode {
        "full" => Mode::Full,
        "bigram" => Mode::Bigram,
        "unigram" => Mode::Unigram,
        _ => return Err(PyValueError::new_err(format!("unknown mode {mode:?}"))),
    };
    Ok(py.detach(|| {
        let mut scorer = Scorer::new(model(), mode);
        units
            .iter()
            .map(|u| scorer.score(u))
            .map(|s| (s.bits, s.tokens, s.words))
            .collect()
    }))
}

#[pymodule]
fn _core(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(sniff, m)?)?;
    m.add_function(wrap_pyfunction!(diagnostics, m)?)?;
    m.add_function(wrap_pyfunction!(compress, m)?)?;
    m.add_function(wrap_pyfunction!(estimate_tokens, m)?)?;
    m.add_function(wrap_pyfunction!(source_fits, m)?)?;
    m.add_function(wrap_pyfunction!(marker_text, m)?)?;
    m.add_function(wrap_pyfunction!(pack, m)?)?;
    m.add_function(wrap_pyfunction!(unpack, m)?)?;
    m.add_function(wrap_pyfunction!(sha256, m)?)?;
    m.add_function(wrap_pyfunction!(unpacked_sha256, m)?)?;
    m.add_function(wrap_pyfunction!(compressbase_score, m)?)?;
    m.add_function(wrap_pyfunction!(grep_lines, m)?)?;
    Ok(())
}
