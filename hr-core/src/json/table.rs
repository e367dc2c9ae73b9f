//! Tables: a collection of objects that share their keys is written as rows of values in
//! column order, with the columns named once. Lossless, and far shorter than repeating every key.

use super::node::Node;
use super::outliers;
use super::render::fits;

/// Tables: at most this many columns, items at most this long in compact form, and at least
/// this share of the cells present.
const TABLE_MIN_ROWS: usize = 3;
const TABLE_MAX_COLS: usize = 16;
const TABLE_MAX_ITEM: usize = 400;
const TABLE_MIN_FILL: f64 = 0.6;
/// What a table cell says when its item lacks the column's key.
pub const ABSENT: &str = "~";
/// Constant columns are stated once in the table note when their value is this short.
const MAX_CONST_LEN: usize = 40;

pub struct Table<'v> {
    pub columns: Vec<&'v str>,
    pub constants: Vec<(&'v str, &'v Node<'v>)>,
    pub any_absent: bool,
}

/// Columns for a table of `records`, or None when they do not share their keys well enough.
pub fn table<'v>(records: &[&'v Node<'v>]) -> Option<Table<'v>> {
    if records.len() < TABLE_MIN_ROWS {
        return None; // the note would cost about what the table saves
    }
    let mut columns: Vec<&str> = Vec::new();
    let mut cells = 0usize;
    for r in records {
        let map = r.as_object()?;
        if !fits(r, TABLE_MAX_ITEM) {
            return None;
        }
        for (k, v) in map {
            if v.as_str() == Some(ABSENT) {
                return None; // the absent sign would be ambiguous
            }
            if !columns.contains(k) {
                if columns.len() == TABLE_MAX_COLS {
                    return None;
                }
                columns.push(k);
            }
        }
        cells += map.len();
    }
    if (cells as f64) < TABLE_MIN_FILL * (records.len() * columns.len()) as f64 {
        return None;
    }
    let any_absent = cells < records.len() * columns.len();
    let mut constants = Vec::new();
    // Values stated once in the note are escaped there (`\"failed\"`): keep the values of
    // error-ish records in their rows, where they read (and are found) as written.
    if records.len() >= 3 && !records.iter().any(|r| outliers::is_errorish(r)) {
        for &c in &columns {
            let first = records[0].get(c);
            if let Some(v) = first {
                if fits(v, MAX_CONST_LEN)
                    && !v.is_container()
                    && records.iter().all(|r| r.get(c) == Some(v))
                {
                    constants.push((c, v));
                }
            }
        }
    }
    if constants.len() == columns.len() {
        constants.pop();
    }
    let columns = columns
        .into_iter()
        .filter(|c| !constants.iter().any(|(k, _)| k == c))
        .collect();
    Some(Table {
        columns,
        constants,
        any_absent,
    })
}
