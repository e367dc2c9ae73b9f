//! Stack traces that share their callers: two errors raised along the same path print the same
//! frames below their own (`Thread.run`, the executor, the request handler). A trace seen for
//! the first time stays, but a stretch of frames that a trace shown above printed in the same
//! order folds with a pointer to it, as Java's own `... 12 more` does within one trace.

use crate::hash::FxHashMap;
use crate::lines::Lines;
use crate::marker::{count, line_range};
use crate::plan::{Plan, Priority};

/// Frames a shared stretch must hold to fold: two or three read as fast as their pointer.
const SHARED_FRAMES: usize = 4;

/// Where each frame line of the traces shown so far stands (1-based, its first showing).
#[derive(Default)]
pub struct ShownFrames<'a> {
    at: FxHashMap<&'a str, usize>,
}

impl<'a> ShownFrames<'a> {
    /// Plans trace lines `n..=end` (1-based; `n` raised it): they stay, but for each stretch of
    /// frames shown above (in an earlier trace or higher up in this one) in the same order,
    /// which folds when `pays(chars, what, start, end)`.
    pub fn keep_new_trace(
        &mut self,
        plan: &mut Plan,
        lines: &Lines<'a>,
        n: usize,
        end: usize,
        pays: impl Fn(usize, &str, usize, usize) -> bool,
    ) {
        let mut kept_from = n;
        // the stretch being read: its first line, and where its first frame was shown
        let mut stretch: Option<(usize, usize)> = None;
        for m in n + 1..=end + 1 {
            let line = lines.lines.get(m - 1).copied().unwrap_or_default();
            let frame = m <= end && is_frame(line);
            let shown = frame.then(|| self.at.get(line).copied()).flatten();
            let continues = match (stretch, shown) {
                (Some((s, p)), Some(q)) => q == p + (m - s),
                _ => false,
            };
            if continues {
                continue;
            }
            if let Some((s, p)) = stretch.take() {
                let len = m - s;
                // Python prints a frame on two lines: its `File "…"` line and its source
                let frames = (s..m).filter(|&k| !python_source(&lines.lines, k)).count();
                let what = format!(
                    "{} frames as in L{} ·",
                    count(frames),
                    line_range(p, p + len - 1)
                );
                let chars = lines.lines[s - 1..m - 1].iter().map(|l| l.len() + 1).sum();
                if len >= SHARED_FRAMES && pays(chars, &what, s, m - 1) {
                    if kept_from < s {
                        plan.keep_range(kept_from, s - 1, Priority::Critical);
                    }
                    plan.fold(s, m - 1, what);
                    kept_from = m;
                }
            }
            stretch = shown.map(|p| (m, p));
            if frame && shown.is_none() {
                // a frame shown here for the first time: later ones may point to it, within
                // this trace too (a recursion prints the same stretch again and again)
                self.at.insert(line, m);
            }
        }
        if kept_from <= end {
            plan.keep_range(kept_from, end, Priority::Critical);
        }
    }
}

/// A line of a trace that says where it ran (a frame, or Python's source line under it), not
/// what was raised: those are the same along the same path, whatever the error.
fn is_frame(line: &str) -> bool {
    let t = line.trim_start();
    t.len() < line.len()
        && !t.starts_with("Caused by")
        && !t.starts_with("Traceback (most recent call last)")
        && !t.starts_with("... ")
}

/// Whether line `n` (1-based) is the source line Python prints under a frame's `File "…"`
/// (a frame whose source is not at hand, `File "<string>"`, has none).
fn python_source(lines: &[&str], n: usize) -> bool {
    let file = |l: &str| l.trim_start().starts_with("File \"");
    n >= 2 && file(lines[n - 2]) && !file(lines[n - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lines::split;
    use crate::plan::Piece;

    fn plan_of(text: &str, traces: &[(usize, usize)]) -> Vec<Piece> {
        let lines = split(text);
        let mut shown = ShownFrames::default();
        let mut plan = Plan::default();
        for &(n, end) in traces {
            shown.keep_new_trace(&mut plan, &lines, n, end, |_, _, _, _| true);
        }
        plan.pieces
    }

    const TWO_TRACES: &str = "java.net.ConnectException: refused
\tat java.net.Socket.connect(Socket.java:589)
\tat app.Client.send(Client.java:85)
\tat app.Beat.run(Beat.java:98)
\tat java.util.concurrent.FutureTask.run(FutureTask.java:266)
\tat java.lang.Thread.run(Thread.java:748)
app.ApiException: failed to req API
\tat app.Client.retry(Client.java:120)
\tat app.Client.send(Client.java:85)
\tat app.Beat.run(Beat.java:98)
\tat java.util.concurrent.FutureTask.run(FutureTask.java:266)
\tat java.lang.Thread.run(Thread.java:748)
";

    #[test]
    fn frames_a_shown_trace_printed_in_order_fold_with_a_pointer_to_them() {
        let pieces = plan_of(TWO_TRACES, &[(1, 6), (7, 12)]);
        assert!(pieces.contains(&Piece::Keep {
            start: 1,
            end: 6,
            priority: Priority::Critical
        }));
        // the new error and its own frame stay; the shared callers point to lines 3-6
        assert!(pieces.contains(&Piece::Keep {
            start: 7,
            end: 8,
            priority: Priority::Critical
        }));
        assert!(pieces.contains(&Piece::Fold {
            start: 9,
            end: 12,
            what: "4 frames as in L3-6 ·".into()
        }));
    }

    #[test]
    fn a_short_or_reordered_stretch_stays() {
        // three shared frames read as fast as a marker
        let short: String = TWO_TRACES
            .lines()
            .filter(|l| !l.contains("FutureTask"))
            .map(|l| format!("{l}\n"))
            .collect();
        let pieces = plan_of(&short, &[(1, 5), (6, 10)]);
        assert!(
            pieces.iter().all(|p| matches!(p, Piece::Keep { .. })),
            "{pieces:?}"
        );
        // the same frames in another order are another path
        let mut lines: Vec<&str> = TWO_TRACES.lines().collect();
        lines.swap(9, 10);
        let pieces = plan_of(&(lines.join("\n") + "\n"), &[(1, 6), (7, 12)]);
        assert!(
            pieces.iter().all(|p| matches!(p, Piece::Keep { .. })),
            "{pieces:?}"
        );
    }

    #[test]
    fn a_python_frame_counts_with_its_source_line_as_one() {
        // a frame without its source (`<string>`) is one line
        let frames: String = std::iter::once("  File \"<string>\", line 1, in <module>\n".to_string())
            .chain((0..4).map(|k| format!("  File \"/app/m{k}.py\", line {k}, in f{k}\n    return f{}(x)\n", k + 1)))
            .collect();
        let text = format!(
            "Traceback (most recent call last):\n{frames}ValueError: bad\nTraceback (most recent call last):\n  File \"/app/own.py\", line 1, in own\n    own()\n{frames}KeyError: 'k'\n"
        );
        let pieces = plan_of(&text, &[(1, 11), (12, 24)]);
        assert!(pieces.contains(&Piece::Fold {
            start: 15,
            end: 23,
            what: "5 frames as in L2-10 ·".into()
        }), "{pieces:?}");
    }

    #[test]
    fn a_recursion_points_to_the_first_turn_of_its_loop() {
        let turn = "\tat engine.Task.run(Task.java:151)\n\tat engine.Collector.execute(Collector.java:73)\n\tat engine.Task.recurse(Task.java:141)\n\tat engine.Node.around(Node.java:137)\n";
        let text = format!("java.lang.IllegalStateException: boom\n{}", turn.repeat(3));
        let pieces = plan_of(&text, &[(1, 13)]);
        assert_eq!(
            pieces,
            [
                Piece::Keep {
                    start: 1,
                    end: 5,
                    priority: Priority::Critical
                },
                Piece::Fold {
                    start: 6,
                    end: 9,
                    what: "4 frames as in L2-5 ·".into()
                },
                Piece::Fold {
                    start: 10,
                    end: 13,
                    what: "4 frames as in L2-5 ·".into()
                },
            ]
        );
    }
}
