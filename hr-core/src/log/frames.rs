//! Stack traces that share their callers: two errors raised along the same path print the same
//! frames below their own (`Thread.run`, the executor, the request handler). A trace seen for
//! the first time stays, but a stretch of frames that a trace shown above printed in the same
//! order folds with a pointer to it, as Java's own `... 12 more` does within one trace.

use crate::hash::{of_text, FxHashMap};
use crate::marker::{count, line_range};
use crate::plan::{Plan, Priority};
use crate::re::re;

/// Frames a shared stretch must hold to fold: two or three read as fast as their pointer.
const SHARED_FRAMES: usize = 4;
/// The longest turn of a recursion looked for: a few calls that call each other in a loop.
const MAX_TURN: usize = 32;

/// The places a frame line is shown at that a stretch may start from: the latest few. A frame
/// printed everywhere (`Thread.run`) would otherwise make every lookup long.
const STARTS: usize = 8;

/// Where each frame line of the traces shown so far stands verbatim (1-based). A word or two a
/// line: a log may be one trace of millions of frames, planned within the memory bound.
#[derive(Default)]
pub struct ShownFrames {
    /// each frame's text (by hash) and the latest line that shows it
    latest: FxHashMap<u64, u32>,
    /// per line (1-based): `NOT_SHOWN`, or the line above that shows the same text (0: none)
    earlier: Vec<u32>,
}

const NOT_SHOWN: u32 = u32::MAX;

impl ShownFrames {
    /// Plans trace lines `n..=end` (1-based; `n` raised it): they stay, but for each stretch of
    /// frames shown above (in an earlier trace or higher up in this one) in the same order,
    /// which folds when `pays(what, start, end)`: the longest such stretch, wherever above it
    /// was shown.
    pub fn keep_new_trace(
        &mut self,
        plan: &mut Plan,
        lines: &[&str],
        n: usize,
        end: usize,
        pays: impl Fn(&str, usize, usize) -> bool,
    ) {
        let mut kept_from = n;
        let mut m = n + 1;
        while m <= end {
            let line = lines[m - 1];
            if !is_frame(line) {
                m += 1;
                continue;
            }
            // a recursion: the turn above, again and again, folds whole with a pointer to the
            // turn (shown verbatim, or the pointer would lead nowhere)
            if let Some(turn) =
                repeated_turn(lines, n, m, end).filter(|t| kept_from <= m - t)
            {
                let last = turn_end(lines, m, turn, end);
                let what = format!(
                    "{} frames repeating L{} ·",
                    frames_in(lines, m, last),
                    line_range(m - turn, m - 1)
                );
                let at = (m - turn, m - 1);
                if fold_if_it_pays(plan, &mut kept_from, (m, last), what, at, &pays) {
                    m = last + 1;
                    continue;
                }
            }
            let (from, len) = self.longest_shown(lines, m, end);
            if len > 0 {
                let what = format!(
                    "{} frames as in L{} ·",
                    frames_in(lines, m, m + len - 1),
                    line_range(from, from + len - 1)
                );
                let at = (from, from + len - 1);
                if fold_if_it_pays(plan, &mut kept_from, (m, m + len - 1), what, at, &pays) {
                    m += len;
                    continue;
                }
            }
            // the frame stays (with the stretch it starts, when that is too long to look for
            // shorter ones in): later ones may point to it, within this trace too (a recursion
            // prints the same stretch again and again)
            let stays = if len < SHARED_FRAMES { 1 } else { len };
            if self.earlier.is_empty() {
                // line numbers fit in 32 bits: a log of more lines is folded as it streams
                self.earlier = vec![NOT_SHOWN; lines.len() + 1];
            }
            for k in m..m + stays {
                let latest = self.latest.entry(of_text(call(lines[k - 1]))).or_insert(0);
                self.earlier[k] = std::mem::replace(latest, k as u32);
            }
            m += stays;
        }
        if kept_from <= end {
            plan.keep_range(kept_from, end, Priority::Critical);
        }
    }

    /// The longest stretch of frames from line `m` (1-based, up to `end`) that lines shown
    /// verbatim above print in the same order: where it was shown, and its length (0: none).
    fn longest_shown(&self, lines: &[&str], m: usize, end: usize) -> (usize, usize) {
        let shown = |k: usize| self.earlier.get(k).is_some_and(|&e| e != NOT_SHOWN);
        let mut best = (0, 0);
        let mut p = self.latest.get(&of_text(call(lines[m - 1]))).map_or(0, |&p| p as usize);
        for _ in 0..STARTS {
            if p == 0 {
                break;
            }
            // the same hash, and (unless two texts share one) the same line
            if call(lines[p - 1]) == call(lines[m - 1]) {
                let mut len = 1;
                while m + len <= end
                    && p + len < m
                    && shown(p + len)
                    && is_frame(lines[m + len - 1])
                    && call(lines[p + len - 1]) == call(lines[m + len - 1])
                {
                    len += 1;
                }
                if len > best.1 {
                    best = (p, len);
                }
            }
            p = self.earlier[p] as usize;
        }
        best
    }
}

/// Folds lines `start..=end` into a marker saying `what`, which points at lines `at`, when they
/// pay for it: the lines from `kept_from` up to them stay, and `kept_from` moves past them. Says
/// whether it folded.
fn fold_if_it_pays(
    plan: &mut Plan,
    kept_from: &mut usize,
    (start, end): (usize, usize),
    what: String,
    at: (usize, usize),
    pays: &impl Fn(&str, usize, usize) -> bool,
) -> bool {
    if end + 1 - start < SHARED_FRAMES || !pays(&what, start, end) {
        return false;
    }
    if *kept_from < start {
        plan.keep_range(*kept_from, start - 1, Priority::Critical);
    }
    plan.fold_pointing(start, end, what, [at]);
    *kept_from = end + 1;
    true
}

/// Frames in lines `start..=end`: Python prints a frame on two lines, its `File "…"` line and
/// its source, and since 3.11 often a third, the carets under the source.
fn frames_in(lines: &[&str], start: usize, end: usize) -> String {
    // (a range of a frame's second lines alone holds part of one)
    count((start..=end).filter(|&k| !of_the_frame_above(lines, k)).count().max(1))
}

/// Whether line `n` (1-based) is part of the frame above it, no frame of its own: Python's
/// source line and its carets, a Go function's place (`\t/app/main.go:57 +0xf4`), the call
/// addr2line says was inlined into the frame's (`      (inlined by) loop() at src/main.cpp:40`,
/// as ESP-IDF's and Arduino's decoders print it).
fn of_the_frame_above(lines: &[&str], n: usize) -> bool {
    let t = lines[n - 1].trim_start();
    python_source(lines, n) || python_carets(t) || t.starts_with("(inlined by) ") || crate::logline::go_place(t)
}

/// The carets (and tildes) Python 3.11 prints under a frame's source: `    ~~~~^^^^^^`.
fn python_carets(line: &str) -> bool {
    let t = line.trim();
    !t.is_empty() && t.bytes().all(|c| matches!(c, b'^' | b'~'))
}

/// If the frames from line `m` (1-based) repeat the turn of the `turn` lines above them, the
/// shortest such turn that comes back whole at least once (a recursion, or one frame calling
/// itself). The turn starts below line `n`, which raised the trace. It looks at no more lines
/// than that takes: a recursion whose turn cannot fold is asked about again line after line.
fn repeated_turn(lines: &[&str], n: usize, m: usize, end: usize) -> Option<usize> {
    (1..=MAX_TURN.min(m - n - 1)).find(|&turn| {
        let needed = turn.max(SHARED_FRAMES);
        m + needed - 1 <= end && turn_end(&lines[..m - 1 + needed], m, turn, end) + 1 - m >= needed
    })
}

/// The last line (1-based, up to `end`; `m - 1`: none) from `m` on that repeats the line `turn`
/// above it, all frames.
fn turn_end(lines: &[&str], m: usize, turn: usize, end: usize) -> usize {
    let end = end.min(lines.len());
    let mut j = m;
    while j <= end && is_frame(lines[j - 1]) && call(lines[j - 1]) == call(lines[j - 1 - turn]) {
        j += 1;
    }
    j - 1
}

/// A line of a trace that says where it ran (a frame, or Python's source line under it), not
/// what was raised: those are the same along the same path, whatever the error.
pub(crate) fn is_frame(line: &str) -> bool {
    frame_deeper_than(line, 0)
}

/// Whether `line` is a frame (`is_frame`) of the trace `head` opens: a line that is one by its
/// indent alone stands deeper than the head. journald indents every line of a message alike,
/// and the line that ends systemd-coredump's report (`ELF object binary architecture: AMD
/// x86-64`) stands where its `Stack trace of thread 583:` does.
pub(crate) fn is_frame_under(line: &str, head: &str) -> bool {
    frame_deeper_than(line, head.len() - head.trim_start().len())
}

/// Whether `line` is a frame by its shape, or by an indent deeper than `indent` bytes.
fn frame_deeper_than(line: &str, indent: usize) -> bool {
    // (Dropwizard's frames: `! at …`)
    if let Some(marked) = crate::logline::dropwizard_marked(line) {
        return marked.starts_with("at ");
    }
    let t = line.trim_start();
    (line.len() - t.len() > indent
        || numbered_frame(line).is_some()
        || crate::logline::is_native_frame(line)
        || crate::logline::is_ruby_frame(line)
        || crate::logline::is_counted_place(line)
        || crate::logline::is_bare_go_function(line)
        || crate::logline::is_go_frame(line)
        || crate::logline::go_place(line)
        || crate::logline::is_slowlog_frame(line))
        && !t.starts_with("Caused by")
        && !t.starts_with("Suppressed: ")
        && !t.starts_with("Traceback (most recent call last)")
        && !t.starts_with("... ")
}

/// The call a frame line names, without the depth PHP numbers it by (`#12 /app/Kernel.php(151):
/// …`): the same call stands at another depth in a trace raised from elsewhere.
fn call(line: &str) -> &str {
    match numbered_frame(line) {
        Some(at) => &line[at..],
        None => native_call(line).or_else(|| rust_call(line)).or_else(|| go_call(line)).or_else(|| java_call(line)).unwrap_or(line),
    }
}

/// The method a Java frame calls and where, without what a logger prints around it: the indent,
/// the module that holds a JDK class (`java.base/`, `app//`) and the jar (log4j's and logback's
/// ` ~[flink-dist-1.20.0.jar:1.20.0]`, ` [?:?]`). A trace logged twice, once by a logger that
/// names jars and once by one that names modules, goes through the same calls.
fn java_call(line: &str) -> Option<&str> {
    let frame = line.trim_start().strip_prefix("at ")?;
    let open = frame.find('(')?;
    let method = &frame[..open];
    if !method.contains('.') || method.contains(' ') {
        return None;
    }
    let from = method.rfind('/').map_or(0, |slash| slash + 1);
    let close = open + frame[open..].find(')')?;
    // (what follows the call is a jar or nothing: a .NET frame names its file and line after
    // it, ` in /src/App/Orders.cs:line 42`, and is compared whole)
    let rest = frame[close + 1..].trim_end();
    (rest.is_empty() || rest.starts_with(" ~[") || rest.starts_with(" [")).then(|| &frame[from..=close])
}

/// The function a Go frame calls, without the arguments it was called with (`main.load(0xc0001a2001,
/// 0x3)` -> `main.load`): their words are pointers and lengths, others on every run.
fn go_call(line: &str) -> Option<&str> {
    // (the last parenthesis opens them: a method's receiver is in the first, `store.(*Disk).Get(…)`)
    let open = line.rfind('(')?;
    (line.ends_with(')') && crate::logline::is_go_frame(line)).then(|| &line[..open])
}

/// The call a Rust backtrace's frame names, without its depth and address (`  17:
/// 0x562f699bd7a5 - rsvc::compute_ratio` -> `rsvc::compute_ratio`): a panic raised elsewhere
/// reaches the runtime's frames at another depth.
fn rust_call(line: &str) -> Option<&str> {
    let head = re!(r"^ *\d+: +(?:0x[0-9a-f]+ - )?").find(line)?;
    Some(&line[head.end()..]).filter(|call| call.contains("::"))
}

/// The call a native frame names, without its depth and the address it returns to
/// (`#13 0x5594ecc12a9f in main /src/x.cc:49` -> `main /src/x.cc:49`): the same call stands at
/// another depth in another stack, and at another address in another run.
fn native_call(line: &str) -> Option<&str> {
    if !crate::logline::is_native_frame(line) {
        return None;
    }
    let head = re!(r"^\s*#\d+ +(0x[0-9a-f]+ in )?").find(line)?;
    Some(&line[head.end()..])
}

/// Where the call begins in a frame that PHP numbers (`#0 /app/x.php(12): f()`, `#3 [internal
/// function]: g()`, `#45 {main}`).
pub(crate) fn numbered_frame(line: &str) -> Option<usize> {
    let digits = line.strip_prefix('#')?.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.get(1 + digits..)?.strip_prefix(' ')?;
    (digits > 0 && (rest.starts_with(['/', '[', '{']) || rest.contains(".php(") || rest.get(1..3) == Some(":\\")))
        .then_some(2 + digits)
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
            shown.keep_new_trace(&mut plan, &lines.lines, n, end, |_, _, _| true);
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
    fn a_java_trace_logged_again_by_another_logger_folds_whatever_it_prints_around_its_calls() {
        // Flink logs a job's failure twice: log4j names each frame's jar, the second logger a
        // JDK class's module, indented otherwise
        let text = "org.apache.flink.runtime.JobException: Recovery is suppressed
\tat org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219) ~[flink-dist-1.20.0.jar:1.20.0]
\tat org.apache.flink.runtime.scheduler.DefaultScheduler.handleTaskFailure(DefaultScheduler.java:294) ~[flink-dist-1.20.0.jar:1.20.0]
\tat java.util.concurrent.ForkJoinTask.doExec(ForkJoinTask.java:373) [?:?]
\tat java.util.concurrent.ForkJoinPool.runWorker(ForkJoinPool.java:1655) [?:?]
org.apache.flink.runtime.JobException: Recovery is suppressed
    at org.apache.flink.runtime.executiongraph.failover.ExecutionFailureHandler.handleFailure(ExecutionFailureHandler.java:219)
    at org.apache.flink.runtime.scheduler.DefaultScheduler.handleTaskFailure(DefaultScheduler.java:294)
    at java.base/java.util.concurrent.ForkJoinTask.doExec(ForkJoinTask.java:373)
    at java.base@17.0.2/java.util.concurrent.ForkJoinPool.runWorker(ForkJoinPool.java:1655)
";
        let pieces = plan_of(text, &[(1, 5), (6, 10)]);
        assert!(pieces.contains(&Piece::Fold {
            start: 7,
            end: 10,
            what: "4 frames as in L2-5 ·".into()
        }), "{pieces:?}");
        // another line of the same method is another call
        assert_ne!(call("\tat a.B.c(B.java:12)"), call("\tat a.B.c(B.java:13)"));
        assert_eq!(call("  at app//com.example.Main.run(Main.java:7) ~[app.jar:?]"), "com.example.Main.run(Main.java:7)");
        // a .NET frame's line is after its call: another line is another call
        assert_ne!(call("   at App.Orders.Save(Order order) in /src/App/Orders.cs:line 42"), call("   at App.Orders.Save(Order order) in /src/App/Orders.cs:line 97"));
    }

    #[test]
    fn a_go_traces_shared_callers_fold_whatever_their_arguments_and_count_as_frames() {
        // each Go frame is a call with its arguments (pointers, other on every run) and its
        // place; the journal drops the tab before the place
        for place_indent in ["\t", ""] {
            let frames = |args: &str| {
                ["main.handle", "net/http.HandlerFunc.ServeHTTP", "net/http.serverHandler.ServeHTTP", "net/http.(*conn).serve"]
                    .iter()
                    .enumerate()
                    .map(|(k, f)| format!("{f}({args}, 0x{k})\n{place_indent}/src/app/f{k}.go:{} +0x{k}f\n", 10 + k))
                    .collect::<String>()
            };
            let text = format!("panic: boom\n{}panic: bust\n{}", frames("0xc000010000"), frames("0xc0000a2f00"));
            let pieces = plan_of(&text, &[(1, 9), (10, 18)]);
            assert!(pieces.contains(&Piece::Fold { start: 11, end: 18, what: "4 frames as in L2-9 ·".into() }), "{pieces:?}");
        }
        // a method is named by its receiver too: another type's is another frame
        assert_eq!(call("example.com/app/store.(*Cache).Get(0xc000012345, {0x7c5e1a, 0x3})"), "example.com/app/store.(*Cache).Get");
        assert_ne!(call("example.com/app/store.(*Cache).Get(0xc000012345)"), call("example.com/app/store.(*Disk).Get(0xc000012345)"));
    }

    #[test]
    fn a_rust_backtrace_s_shared_frames_fold_at_another_depth() {
        // RUST_BACKTRACE=full numbers each frame and gives its address: a panic raised one call
        // deeper reaches the runtime's frames one number later
        let runtime = ["tokio::runtime::task::harness::poll_future", "tokio::runtime::task::raw::poll", "tokio::runtime::scheduler::multi_thread::worker::Context::run_task", "std::sys::thread::unix::Thread::new::thread_start"];
        let frames = |from: usize, own: &[&str]| {
            own.iter().chain(&runtime).enumerate().map(|(k, f)| format!("{:4}:     0x562f699{:05x} - {f}\n", from + k, 4096 * (from + k))).collect::<String>()
        };
        let text = format!(
            "thread 'w' panicked at src/main.rs:16:5:\n{}thread 'w' panicked at src/main.rs:28:47:\n{}",
            frames(0, &["rsvc::compute_ratio"]),
            frames(0, &["core::result::unwrap_failed", "rsvc::ratio::{{closure}}"])
        );
        let pieces = plan_of(&text, &[(1, 6), (7, 13)]);
        assert!(pieces.contains(&Piece::Fold { start: 10, end: 13, what: "4 frames as in L3-6 ·".into() }), "{pieces:?}");
        // its own frames stay
        assert!(pieces.contains(&Piece::Keep { start: 7, end: 9, priority: Priority::Critical }), "{pieces:?}");
    }

    #[test]
    fn a_stretch_points_to_where_it_was_shown_longest() {
        // `Thread.run` is shown first under other callers; the pool's five frames are shown
        // whole only in the second trace, and the third points to all five there
        let pool = "\tat java.util.concurrent.Executors$RunnableAdapter.call(Executors.java:511)\n\tat java.util.concurrent.FutureTask.run(FutureTask.java:266)\n\tat java.util.concurrent.ThreadPoolExecutor.runWorker(ThreadPoolExecutor.java:1149)\n\tat java.util.concurrent.ThreadPoolExecutor$Worker.run(ThreadPoolExecutor.java:624)\n\tat java.lang.Thread.run(Thread.java:750)\n";
        let text = format!(
            "java.lang.IllegalStateException: first\n\tat app.Main.start(Main.java:9)\n\tat java.lang.Thread.run(Thread.java:750)\njava.net.ConnectException: refused\n\tat app.Beat.run(Beat.java:98)\n{pool}app.ApiException: failed\n\tat app.Cache.refresh(Cache.java:12)\n{pool}"
        );
        let pieces = plan_of(&text, &[(1, 3), (4, 10), (11, 17)]);
        assert!(
            pieces.contains(&Piece::Fold {
                start: 13,
                end: 17,
                what: "5 frames as in L6-10 ·".into()
            }),
            "{pieces:?}"
        );
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
        let frames: String =
            std::iter::once("  File \"<string>\", line 1, in <module>\n".to_string())
                .chain((0..4).map(|k| {
                    format!(
                        "  File \"/app/m{k}.py\", line {k}, in f{k}\n    return f{}(x)\n",
                        k + 1
                    )
                }))
                .collect();
        let text = format!(
            "Traceback (most recent call last):\n{frames}ValueError: bad\nTraceback (most recent call last):\n  File \"/app/own.py\", line 1, in own\n    own()\n{frames}KeyError: 'k'\n"
        );
        let pieces = plan_of(&text, &[(1, 11), (12, 24)]);
        assert!(
            pieces.contains(&Piece::Fold {
                start: 15,
                end: 23,
                what: "5 frames as in L2-10 ·".into()
            }),
            "{pieces:?}"
        );
    }

    #[test]
    fn a_recursion_folds_whole_with_a_pointer_to_its_first_turn() {
        let turn = "\tat engine.Task.run(Task.java:151)\n\tat engine.Collector.execute(Collector.java:73)\n\tat engine.Task.recurse(Task.java:141)\n\tat engine.Node.around(Node.java:137)\n";
        let text = format!(
            "java.lang.IllegalStateException: boom\n{}\tat engine.Main.main(Main.java:9)\n",
            turn.repeat(3)
        );
        let pieces = plan_of(&text, &[(1, 14)]);
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
                    end: 13,
                    what: "8 frames repeating L2-5 ·".into()
                },
                Piece::Keep {
                    start: 14,
                    end: 14,
                    priority: Priority::Critical
                },
            ]
        );
        // one frame calling itself: Java's StackOverflowError, Python's RecursionError
        let text = format!(
            "java.lang.StackOverflowError\n{}",
            "\tat engine.Task.run(Task.java:151)\n".repeat(40)
        );
        let pieces = plan_of(&text, &[(1, 41)]);
        assert_eq!(
            pieces[1],
            Piece::Fold {
                start: 3,
                end: 41,
                what: "39 frames repeating L2 ·".into()
            }
        );
        // Python 3.11's frames: a place, its source, and carets under it
        let frame = "  File \"/app/walk.py\", line 10, in walk\n    return walk(tree, depth + 1)\n           ^^^^^^^^^^^^^^^^^^^^^\n";
        let text = format!("Traceback (most recent call last):\n{}RecursionError: maximum recursion depth exceeded\n", frame.repeat(4));
        let pieces = plan_of(&text, &[(1, 14)]);
        assert!(pieces.iter().any(|p| matches!(p, Piece::Fold { what, .. } if what == "3 frames repeating L2-4 ·")), "{pieces:?}");
        // a frame with the call addr2line says was inlined into it, as ESP-IDF's decoder prints
        // it: one frame
        let frame = "  #4  0x420039db in process() at src/bms.cpp:172\n      (inlined by) process() at src/bms.cpp:164\n";
        let text = format!("Guru Meditation Error: Core 1 panic'ed (Double exception).\n{}", frame.repeat(6));
        let pieces = plan_of(&text, &[(1, 13)]);
        assert!(pieces.iter().any(|p| matches!(p, Piece::Fold { what, .. } if what == "5 frames repeating L2-3 ·")), "{pieces:?}");
        // a stack overflow's recursion, numbered: the turn opens on the inlined call of the
        // frame above it, which is no frame of the fold's
        let mut text = String::from("Guru Meditation Error: Core 1 panic'ed (Double exception).\n  #3  0x420039d5 in process() at src/bms.cpp:169\n");
        for k in 4..12 {
            text += &format!("      (inlined by) process() at src/bms.cpp:164\n  #{k}  0x420039db in process() at src/bms.cpp:172\n");
        }
        let pieces = plan_of(&text, &[(1, 18)]);
        assert!(pieces.iter().any(|p| matches!(p, Piece::Fold { start: 5, end: 18, what, .. } if what == "7 frames repeating L3-4 ·")), "{pieces:?}");
        // a turn shown once is no recursion
        let text = format!(
            "java.lang.IllegalStateException: boom\n{turn}\tat engine.Main.main(Main.java:9)\n"
        );
        assert!(plan_of(&text, &[(1, 6)])
            .iter()
            .all(|p| matches!(p, Piece::Keep { .. })));
    }
}
