//! The generic line folder: runs of identical or near-identical lines (same shape once numbers
//! and ids are masked) fold into one marker with a count. Used for every kind that has no
//! compressor of its own, and as the base the others fall back on.

use crate::lines::{split, Lines};
use crate::marker::{count, Compressed};
use crate::mask::shape;
use crate::plan::{render, Plan, Priority};
use crate::Options;

/// A run must be at least this long to fold; its first and last lines stay as examples.
const MIN_RUN: usize = 4;

pub fn compress(text: &str, opts: &Options) -> Compressed {
    let lines = split(text);
    render(&plan(&lines), &lines, opts)
}

pub fn plan(lines: &Lines) -> Plan {
    // one shape at a time: memory stays bounded by the longest line, not the input
    let n = lines.lines.len();
    let mut plan = Plan::default();
    let mut i = 0;
    while i < n {
        let first = shape(lines.lines[i]);
        let mut j = i + 1;
        while j < n && shape(lines.lines[j]) == first {
            j += 1;
        }
        // lines i..j (0-based) share a shape; the first and last stay as examples
        let run = j - i;
        let folded_chars: usize = if run >= MIN_RUN {
            lines.lines[i + 1..j - 1].iter().map(|l| l.len()).sum()
        } else {
            0
        };
        if run >= MIN_RUN && folded_chars > 80 {
            let identical = lines.lines[i..j].iter().all(|l| *l == lines.lines[i]);
            let what = if identical {
                format!("{} identical", count(run - 2))
            } else {
                format!("{} like above", count(run - 2))
            };
            plan.keep(i + 1, Priority::Summary);
            plan.fold(i + 2, j - 1, what);
            plan.keep(j, Priority::Summary);
        } else {
            for k in i..j {
                plan.keep(k + 1, Priority::Ordinary);
            }
        }
        i = j;
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> Options {
        Options {
            hash: "abcdef012345".into(),
            budget_chars: None,
        }
    }

    #[test]
    fn folds_near_duplicate_runs_keeping_ends() {
        let mut text = String::from("start\n");
        for i in 0..50 {
            text.push_str(&format!("downloading chunk {i} of 50 from the mirror\n"));
        }
        text.push_str("done\n");
        let c = compress(&text, &opts());
        let out: Vec<&str> = c.text.lines().collect();
        assert_eq!(out[0], "start");
        assert_eq!(out[1], "downloading chunk 0 of 50 from the mirror");
        assert!(
            out[2].starts_with("[hr: 48 like above · L3-50"),
            "{}",
            out[2]
        );
        assert_eq!(out[3], "downloading chunk 49 of 50 from the mirror");
        assert_eq!(out[4], "done");
        assert_eq!(c.spans.len(), 1);
    }

    #[test]
    fn identical_runs_say_identical() {
        let text = "same line repeated over and over again\n".repeat(10);
        let c = compress(&text, &opts());
        assert!(c.text.contains("[hr: 8 identical · L2-9"), "{}", c.text);
    }

    #[test]
    fn short_runs_and_unique_lines_stay() {
        let text = "a 1\na 2\na 3\nb\nc\n";
        assert_eq!(compress(text, &opts()).text, text);
    }

    #[test]
    fn missing_final_newline_and_crlf_survive() {
        let text = "x\r\ny\r\nz";
        assert_eq!(compress(text, &opts()).text, text);
    }
}
