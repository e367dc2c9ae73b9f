//! A container runtime's records of the lines its program wrote, read by the lines they hold:
//! docker's json-file driver keeps each line as a string in a record of its own
//! (`{"log":"\tat probe.Main.run(Main.java:41)\n","stream":"stderr","time":"…"}`). Read as
//! records, every one is an event of one template, and a trace's frames fold as repeats of the
//! record above; read by their lines, a trace continues its event and a program's levels are
//! its own. The records are kept as written.

use crate::lines::Lines;

/// The lines `lines` hold, line for line, when nine in ten of those not blank are a container
/// runtime's records: each record's line unquoted, without its newline (a line longer than the
/// runtime's buffer is split over records, a part a record, and only the last ends with one;
/// a line break within one reads as a space), any other line as it is. `None` otherwise.
pub fn record_lines(lines: &Lines) -> Option<String> {
    let first = lines.lines.iter().find(|l| !l.trim().is_empty())?;
    crate::logline::record_line(first)?;
    let mut out = String::with_capacity(lines.lines.iter().map(|l| l.len() + 1).sum());
    let (mut records, mut nonblank) = (0, 0);
    let mut part = false;
    for (i, line) in lines.lines.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        nonblank += usize::from(!line.trim().is_empty());
        match crate::logline::record_line(line) {
            Some(written) => {
                records += 1;
                let whole = written.strip_suffix('\n');
                // the rest of a line split over records is no line indented under the one above:
                // its first byte stood in the middle of a line
                let text = whole.unwrap_or(&written);
                let text = if part { text.trim_start() } else { text };
                out.extend(text.chars().map(|c| if matches!(c, '\n' | '\r') { ' ' } else { c }));
                part = whole.is_none();
            }
            None => {
                out.push_str(line);
                part = false;
            }
        }
    }
    if lines.trailing_newline {
        out.push('\n');
    }
    (records * 10 >= nonblank * 9).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;

    #[test]
    fn records_are_read_by_the_lines_they_hold() {
        let text = concat!(
            r#"{"log":"2026-12-07 06:57:24.105 [w-2] WARN probe.Main$SyncJob - catalog sync failed\n","stream":"stderr","time":"2026-12-07T06:57:24.113142075Z"}"#, "\n",
            r#"{"log":"\u0009at java.base/sun.nio.ch.Net.pollConnect(Native Method)\n","stream":"stderr","time":"2026-12-07T06:57:24.113169335Z"}"#, "\n",
            r#"{"log":"a part of a long line, \"quoted\"","stream":"stdout","time":"2026-12-07T06:57:24.2Z"}"#, "\n",
            r#"{"log":"   and its rest\n","stream":"stdout","time":"2026-12-07T06:57:24.2Z"}"#, "\n",
            r#"{"log":"two\nlines\n","stream":"stdout","time":"2026-12-07T06:57:24.3Z"}"#, "\n",
        );
        let held = record_lines(&split(text)).unwrap();
        assert_eq!(
            held,
            "2026-12-07 06:57:24.105 [w-2] WARN probe.Main$SyncJob - catalog sync failed\n\tat java.base/sun.nio.ch.Net.pollConnect(Native Method)\na part of a long line, \"quoted\"\nand its rest\ntwo lines\n"
        );
        // line for line, the last one's newline as written
        assert_eq!(record_lines(&split(text.trim_end())).unwrap(), held.trim_end());
        // a JSON-lines log of another shape is read as its records
        assert_eq!(record_lines(&split("{\"level\":\"info\",\"msg\":\"up\"}\n{\"log\":\"x\\n\"}\n")), None);
        // nor is a log of which only some lines are records
        let some = format!("{text}plain line one\nplain line two\n");
        assert_eq!(record_lines(&split(&some)), None);
    }
}
