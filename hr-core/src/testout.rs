//! Test runner and build output: keep every failure whole, fold what passed.
//!
//! The input is read once into a [`Classifier`]: one slot per line saying whether it is kept
//! (and how much it matters) or folded (and what it counts as). Each runner family in
//! `testout/` claims the lines it recognises; runners can be mixed in one input (a cargo
//! build's warnings before its tests, npm around jest, make around gcc). Lines nobody claims are
//! kept, except long runs of same-shaped lines, which fold like the generic folder does.
//!
//! Folded runs become one marker that says what they held, counted from what the runner printed
//! (`[hr 187 passed, 2 skipped in 12 files L8-196]`); nothing is ever concluded that the
//! runner did not print.

mod ctest;
mod diag;
mod go;
mod gtest;
mod install;
mod js;
mod jvm;
mod python;
mod repeat;
mod rules;
mod ruby;
mod rust;
mod tap;
mod xcode;

use std::collections::{BTreeSet, HashSet};

use crate::escapes;
use crate::lines::split;
use crate::marker::{count, Compressed};
use crate::mask::shape;
use crate::plan::{plural, render, Plan, Priority};
use crate::Options;

/// What a folded line stands for in its marker.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Cat {
    /// tests the runner reported as passed and skipped (a `PASSED` line, a run of dots)
    Tests(u32, u32),
    /// a line that only frames a passing test (`=== RUN`, a suite name): counted as a line
    Quiet,
    /// compile, download and install progress
    Progress,
    /// frames of the runtime or test framework inside a kept traceback
    Frames,
    /// the body of a warning whose headline and location are kept
    WarningDetail,
    /// an exact repeat of a warning or note kept earlier
    Repeat,
    /// output printed by passing tests
    PassOutput,
    /// a test file the runner marked as passed as a whole (jest's `PASS src/a.test.js`)
    PassedFile,
    /// same-shaped lines folded by the generic rule
    Similar,
    /// a diagnostic's excerpt or notes when its message was shown above, or elaboration lines
    /// of a shape shown above
    Elaboration,
    /// lines of a failure that repeat the failure kept whole at reference N (see
    /// [`Classifier::reference`])
    SameAs(u32),
    /// a failing test's verdict line among passing ones, whose name the failure report below
    /// shows again (`tests/a.py::test_x FAILED [ 19%]`, then `FAILED tests/a.py::test_x - …`)
    FailedShownBelow,
    /// a message line under such a verdict, which the report below repeats
    MessageShownBelow,
}

impl Cat {
    /// Whether a folded line of this category is a line a marker counts by no name of its own.
    fn counted_as_line(self) -> bool {
        matches!(self, Cat::Quiet | Cat::MessageShownBelow)
    }

    /// What a marker calls one and several lines of this category.
    fn noun(self) -> Option<(&'static str, &'static str)> {
        match self {
            Cat::Progress => Some(("progress line", "progress lines")),
            Cat::Frames => Some(("framework frame", "framework frames")),
            // the kept headline above says whose details they are
            Cat::WarningDetail | Cat::Elaboration => Some(("detail", "details")),
            Cat::Repeat => Some(("repeated line", "repeated lines")),
            Cat::PassOutput => Some(("output line", "output lines")),
            Cat::PassedFile => Some(("passed test file", "passed test files")),
            Cat::Similar => Some(("similar line", "similar lines")),
            Cat::Tests(..)
            | Cat::Quiet
            | Cat::SameAs(_)
            | Cat::FailedShownBelow
            | Cat::MessageShownBelow => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    Keep(Priority),
    Fold(Cat),
}

/// The per-line decisions, filled in by the runner modules.
/// Something markers point at: a failure shown above.
pub(crate) struct Reference {
    /// how the first marker that points at it cites it (`test_x`, `TestCase.test_a_ver… (20-51)`)
    pub first: String,
    /// its lines (1-based, inclusive)
    pub lines: (usize, usize),
}

impl Reference {
    /// How a marker cites it: by name the first time, by its lines after that when they are
    /// shorter (`L20-51 ·`): once the name has been read with the lines, the lines say which.
    fn cite(&self, cited_before: bool) -> String {
        let again = format!("L{} ·", crate::marker::line_range(self.lines.0, self.lines.1));
        if cited_before && again.len() < self.first.len() {
            again
        } else {
            self.first.clone()
        }
    }
}

pub(crate) struct Classifier<'a> {
    pub text: &'a str,
    pub lines: Vec<&'a str>,
    roles: Vec<Option<Role>>,
    /// lines with the same block id (non-zero) stay or go together under a budget
    block: Vec<u32>,
    /// the test file a folded pass line belongs to, for "in N files"
    file: Vec<Option<&'a str>>,
    next_block: u32,
    /// what `Cat::SameAs` markers point at
    refs: Vec<Reference>,
}

impl<'a> Classifier<'a> {
    fn new(text: &'a str, lines: Vec<&'a str>) -> Self {
        let n = lines.len();
        Classifier {
            text,
            lines,
            roles: vec![None; n],
            block: vec![0; n],
            file: vec![None; n],
            next_block: 1,
            refs: Vec::new(),
        }
    }

    /// Register something later folds can point at; returns its id for `Cat::SameAs`.
    pub fn reference(&mut self, what: Reference) -> u32 {
        self.refs.push(what);
        (self.refs.len() - 1) as u32
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn claimed(&self, i: usize) -> bool {
        self.roles[i].is_some()
    }

    /// Set line `i` (0-based) unless another rule claimed it already.
    pub fn set(&mut self, i: usize, role: Role) {
        if self.roles[i].is_none() {
            self.roles[i] = Some(role);
        }
    }

    /// Set line `i`, overriding an earlier claim (a region rule refining a line rule).
    pub fn force(&mut self, i: usize, role: Role) {
        self.roles[i] = Some(role);
    }

    /// Keep lines `start..end` as one block, overriding earlier claims.
    pub fn force_block(&mut self, start: usize, end: usize, p: Priority) {
        let id = self.next_block;
        self.next_block += 1;
        for i in start..end.min(self.len()) {
            self.roles[i] = Some(Role::Keep(p));
            self.block[i] = id;
        }
    }

    pub fn keep(&mut self, i: usize, p: Priority) {
        self.set(i, Role::Keep(p));
    }

    pub fn fold(&mut self, i: usize, cat: Cat) {
        self.set(i, Role::Fold(cat));
    }

    pub fn fold_in(&mut self, i: usize, cat: Cat, file: &'a str) {
        if self.roles[i].is_none() {
            self.roles[i] = Some(Role::Fold(cat));
            self.file[i] = Some(file);
        }
    }

    /// Keep lines `start..end` (0-based, exclusive) as one block, leaving lines claimed already
    /// as they are.
    pub fn keep_block(&mut self, start: usize, end: usize, p: Priority) {
        let id = self.next_block;
        self.next_block += 1;
        for i in start..end.min(self.len()) {
            if self.roles[i].is_none() {
                self.roles[i] = Some(Role::Keep(p));
                self.block[i] = id;
            }
        }
    }
}

pub(crate) use crate::re::re;
pub(crate) use ruby::names_a_failed_test;

/// Lines only test runners and compilers print: a session header, a summary, a verdict, a
/// diagnostic headline. (A bare `error: ` opens the failures of every command-line tool,
/// pacman's, rpm's, git's: rustc's headline gives its code or points at its place on the line
/// under it, and cargo's verdict names the build.)
pub fn is_test_output(head: &str) -> bool {
    anchors().is_match(head)
}

fn anchors() -> &'static regex::Regex {
    re!(concat!(
            r"(?m)^(=+ test session starts =+|=+ (FAILURES|ERRORS|short test summary info) =+|",
            r"collected \d+ items?|Ran \d+ tests? in |test result: (ok|FAILED)\.|running \d+ tests?$|",
            r"(PASS|FAIL) \S+\.(js|ts|jsx|tsx|mjs|cjs)|Tests?: +\d+ |=== RUN +\S|--- (PASS|FAIL): |",
            r"(ok|FAIL|\?) +\S+\s+(\d+\.\d+s|\[no test files\]|\(cached\))|\S+\.\w+\(\d+,\d+\): error TS\d+|",
            r"error\[E\d{4}\]: |(error|warning): .*\n +--> |error: (could not compile|aborting due to) |\[INFO\] Tests run: |\[ERROR\] Tests run: |",
            r"Tests run: \d+, Failures: |\d+ passing \(|\S+:\d+:\d+: (error|warning): |",
            r"\S+\.py:\d+: error: |Found \d+ errors? in \d+ files?)"
    ))
}

/// Test or build output that the sniffer's own patterns miss: unittest, mocha, vitest, nextest,
/// RSpec, Minitest, maven, gradle, cargo, xcodebuild, pip, apt, npm and make output, a linter's
/// findings. `tail` is the end of the input, where runners print their verdict. Both come
/// without terminal escapes (the sniffer strips them).
pub fn looks_like(head: &str, tail: &str) -> bool {
    verdict().is_match(tail) || tail.lines().any(ruby::is_summary) || progress().is_match(head) || tap_lines(head) >= 3 || mostly_diagnostics(head)
}

/// Whether most of `text`'s lines (in its first 64 KB) are a compiler's or a linter's findings,
/// each at its place (`logline::is_finding`: `pkg/f.go:12:21: self-assignment of x`; eslint's
/// stylish entries under their file's path), whatever words they use, with the few lines a
/// finding shows under it (the code at fault, shellcheck's carets): what a test run's
/// compressor keeps whole, and a log's would fold by message.
pub fn mostly_diagnostics(text: &str) -> bool {
    /// lines under a finding that count with it, at most
    const UNDER: usize = 3;
    let head = crate::lines::prefix_str(text, 64 * 1024);
    let (mut lines, mut found, mut findings, mut under) = (0, 0, 0, 0);
    // in the excerpt under a finding whose place is on a line of its own (rustc's and ruff's
    // full format: the headline, ` --> src/a.rs:2:9`, gutters to the blank line)
    let mut excerpt = false;
    let mut above_counted = false;
    for line in head.lines() {
        if line.trim().is_empty() {
            excerpt = false;
            continue;
        }
        lines += 1;
        let counted = if crate::logline::is_finding(line) || diag::is_eslint_entry(line) {
            (findings, under) = (findings + 1, UNDER);
            true
        } else if re!(r"^\s*--> \S+:\d+:\d+$").is_match(line) {
            // (the headline above it is the finding's too)
            (findings, excerpt) = (findings + 1, true);
            found += usize::from(!above_counted && lines > 1);
            true
        } else if excerpt || under > 0 {
            under = under.saturating_sub(1);
            true
        } else {
            false
        };
        found += usize::from(counted);
        above_counted = counted;
    }
    findings >= 3 && 2 * found >= lines
}

/// TAP and prove result lines: one in prose proves nothing, a few are a run. (TAP's dash
/// before the description is optional: bats writes `ok 1 cli handles input 0`.)
fn tap_lines(text: &str) -> usize {
    re!(r"(?m)^((not )?ok \d+( - | \S|$)|(\[\d{2}:\d{2}:\d{2}\] )?\S+\.(t|sh) \.{3,} ok\b)")
        .find_iter(text)
        .take(3)
        .count()
}

/// How many runner lines `head` and `tail` hold (capped): one stray match in a log is weak
/// evidence, a dozen are a test run.
pub fn evidence(head: &str, tail: &str) -> usize {
    [
        anchors().find_iter(head).take(10).count(),
        verdict().find_iter(tail).take(10).count(),
        progress().find_iter(head).take(10).count(),
    ]
    .iter()
    .sum()
}

fn verdict() -> &'static regex::Regex {
    re!(concat!(
        r"(?m)^(Ran \d+ tests? in |OK( \(.*\))?$|FAILED \((failures|errors)=|\s+\d+ passing \(|\s+Test Files\s+\d|",
        r"\s*Summary \[ *[\d.]+s\] \d+ tests? run|\[INFO\] BUILD (SUCCESS|FAILURE)|BUILD (SUCCESSFUL|FAILED) in |",
        r"Successfully installed |\d+ upgraded, \d+ newly installed|(added|removed|changed) \d+ packages?|",
        r"make(\[\d+\])?: \*\*\* |ERROR: (Could not|Failed|No matching)| {4}Finished .*target\(s\) in |",
        r"\*\* [A-Z]+( [A-Z]+)? (SUCCEEDED|FAILED|INTERRUPTED) \*\*$|\d+% tests passed, \d+ tests? failed out of \d+)"
    ))
}

fn progress() -> &'static regex::Regex {
    re!(concat!(
        r"(?m)^(\w+ \([\w.]+\) \.\.\. (ok|FAIL|ERROR|skipped)|\s+PASS \[ *[\d.]+s\] |\[INFO\] Tests run: |",
        r"\S.* > \S.* (PASSED|FAILED)$|Collecting \S|Inst \S+ .*\(|Get:\d+ https?:|npm (ERR!|error|WARN|warn) |",
        r"make(\[\d+\])?: (Entering|Leaving) directory|\s+\d+:\d+\s+(error|warning)\s+\S|✖ \d+ problems? \(|",
        r"\S+:\d+:\d+: [A-Z]+\d+ |Found \d+ errors?\.| {3}Compiling \S+ v\d|",
        r"[A-Z][A-Za-z]+ \S.*\(in target '[^']*' from project '[^']*'\)$|Test [Cc]ase '.+' (passed|failed) )"
    ))
}

/// How many non-blank lines come before the first line any runner family claims (all of
/// them when none does): a test run's output starts with its runner's lines (or a build or
/// install that precedes it), a CI job's log with the job's own setup, which no runner prints.
pub fn preamble(lines: &[&str]) -> usize {
    read_by_runners(lines, classify_runners, |c| {
        let first = (0..lines.len()).find(|&i| c.claimed(i)).unwrap_or(lines.len());
        lines[..first].iter().filter(|l| !l.trim().is_empty()).count()
    })
}

/// The lines (0-based) of `lines` that a test runner reports as a failure, its message or the
/// run's verdict: what a log that holds a test run (a CI job's) keeps whatever its templates
/// say. A compiler's diagnostics there are the log's errors, which fold by their message.
pub fn failure_lines(lines: &[&str]) -> Vec<usize> {
    read_by_runners(lines, classify_test_runners, |c| {
        (0..lines.len())
            .filter(|&i| matches!(c.roles[i], Some(Role::Keep(p)) if p >= Priority::Critical))
            .collect()
    })
}

/// What `read` finds in `lines` once `classify` has run runner families' own rules over them.
fn read_by_runners<T>(lines: &[&str], classify: fn(&mut Classifier), read: impl FnOnce(&Classifier) -> T) -> T {
    let text = lines.join("\n");
    let mut c = Classifier::new(&text, lines.to_vec());
    classify(&mut c);
    read(&c)
}

/// `go test -json`: NDJSON events with an `Action` (checked before the JSON sniffer claims it).
pub fn is_go_test_json(text: &str) -> bool {
    let first = text.trim_start().lines().next().unwrap_or("");
    first.starts_with("{\"Time\":") && first.contains("\"Action\":")
        || first.starts_with("{\"Action\":")
}

pub fn compress(text: &str, opts: &Options) -> Compressed {
    let lines = split(text);
    // rules read lines without colours and without a CRLF's `\r`; the output is written from
    // the original lines (stripping never removes a `\n`, so line numbers agree)
    let plain = escapes::strip(text);
    let src = plain.as_deref().unwrap_or(text);
    let bare = crate::lines::split_stripped(src, text)
        .lines
        .iter()
        .map(|l| l.strip_suffix('\r').unwrap_or(l))
        .collect();
    let mut c = Classifier::new(src, bare);
    classify(&mut c);
    keep_recoloured_repeats(&mut c, &lines.lines);
    render(&to_plan(&c), &lines, opts)
}

/// A line folded as a repeat of one above in other colours stays (`escapes::recoloured_repeats`).
fn keep_recoloured_repeats(c: &mut Classifier, raw: &[&str]) {
    for i in escapes::recoloured_repeats(raw, &c.lines) {
        if c.roles[i] == Some(Role::Fold(Cat::Repeat)) {
            c.force(i, Role::Keep(Priority::Ordinary));
        }
    }
}

/// Run every runner family over the input. Failure regions come first so that their lines are
/// kept whole before line rules (which would fold a `... ok` inside a traceback) see them.
fn classify(c: &mut Classifier) {
    classify_runners(c);
    fold_repeats(c);
    fold_similar(c);
    fold_failures_shown_below(c);
}

/// The runner families' own rules, without the generic folds that follow them.
fn classify_runners(c: &mut Classifier) {
    classify_test_runners(c);
    rules::run(c, &diag::DIAGNOSTICS);
    rules::run(c, &install::INSTALL);
    install::keep_lone_progress(c);
}

/// The test runners' rules alone, without a compiler's or an installer's.
fn classify_test_runners(c: &mut Classifier) {
    // (first: its failures' exceptions read as Python's, `ArgumentError: bad price -6`, and its
    // numbered failures as mocha's; a job may run RSpec and mocha both)
    rules::run(c, &ruby::RUBY);
    python::classify(c);
    rust::classify(c);
    js::classify(c);
    go::classify(c);
    rules::run(c, &jvm::MAVEN);
    rules::run(c, &jvm::GRADLE);
    rules::run(c, &tap::TAP);
    rules::run(c, &ctest::CTEST);
    rules::run(c, &gtest::GTEST);
    // before the diagnostics: an XCTest failure's headline (`A.swift:40: error: …`) is one, and
    // its region would take the test lines after it for its excerpt
    rules::run(c, &xcode::XCODEBUILD);
}

/// Failing tests' verdict lines among passing ones fold with them when the report below names
/// each again: the run of passes then stays one marker (`745 passed, 3 failed`) instead of
/// being cut at every failure, and each failure is still read once, in its report. So do
/// failing verdicts in a row with no pass among them (vitest's default reporter lists a file's
/// failures under its line) when at least two of them fold; one alone between kept lines
/// stays (unittest's `... ERROR` under its test's name), where a marker would save little and
/// interrupt more. A verdict
/// and the message lines printed under it (vitest's `   → expected 4 to be 5`) fold or stay
/// together, and fold only when the report repeats the message too: a message left under a
/// marker would read as the line above's.
fn fold_failures_shown_below(c: &mut Classifier) {
    /// failing verdicts looked at (each is searched for in the text after it)
    const MAX: usize = 256;
    let n = c.len();
    let verdicts = failing_verdicts(c);
    let mut within = vec![None; n];
    for (v, f) in verdicts.iter().enumerate() {
        within[f.at..f.end].fill(Some(v));
    }
    // runs of passes and failing verdicts; the verdicts of a run that holds a pass, or more than
    // one verdict, are candidates
    let passes = |k: usize| matches!(c.roles[k], Some(Role::Fold(Cat::Tests(..))));
    let mut candidate = vec![false; verdicts.len()];
    // the verdicts of each candidate run without a pass: they fold only when at least two of
    // them do (one alone would be a marker between kept lines)
    let mut passless = Vec::new();
    let mut i = 0;
    while i < n {
        let mut j = i;
        while j < n && (passes(j) || within[j].is_some()) {
            j += 1;
        }
        let run: Vec<usize> = (i..j)
            .filter_map(|k| within[k].filter(|&v| verdicts[v].at == k))
            .collect();
        let with_passes = (i..j).any(passes);
        if with_passes || run.len() >= 2 {
            run.iter().for_each(|&v| candidate[v] = true);
            if !with_passes {
                passless.push(run);
            }
        }
        i = j.max(i + 1);
    }
    // the first `MAX` of them
    let mut seen = 0;
    for is in candidate.iter_mut().filter(|is| **is) {
        seen += 1;
        *is = seen <= MAX;
    }
    // what stays of the text after each candidate, to look its name and message up in;
    // candidates may all fold, so none is where another's name is found
    let mut kept = String::new();
    let mut offset = vec![0; n + 1];
    let first = candidate
        .iter()
        .position(|&is| is)
        .map_or(n, |v| verdicts[v].at);
    for k in first..n {
        offset[k] = kept.len();
        let maybe_folded = within[k].is_some_and(|v| candidate[v]);
        if !maybe_folded && !matches!(c.roles[k], Some(Role::Fold(_))) {
            kept.push_str(c.lines[k]);
            kept.push('\n');
        }
    }
    offset[n] = kept.len();
    let mut folds: Vec<bool> = verdicts
        .iter()
        .enumerate()
        .map(|(v, f)| {
            let below = &kept[offset[f.end.max(first)]..];
            candidate[v]
                && names(below, f.name)
                && (f.at + 1..f.end).all(|k| {
                    let said = message(c.lines[k]);
                    said.len() >= 8
                        && !crate::logline::is_errorish(c.lines[k])
                        && names(below, said)
                })
        })
        .collect();
    for run in &passless {
        if run.iter().filter(|&&v| folds[v]).count() < 2 {
            run.iter().for_each(|&v| folds[v] = false);
        }
    }
    for (v, f) in verdicts.iter().enumerate() {
        if folds[v] {
            c.force(f.at, Role::Fold(Cat::FailedShownBelow));
            for k in f.at + 1..f.end {
                c.force(k, Role::Fold(Cat::MessageShownBelow));
            }
        } else if f.end > f.at + 1 {
            c.force_block(f.at, f.end, Priority::Critical);
        }
    }
}

/// A failing test's verdict line (`at`) with the message lines under it (to `end`).
struct FailingVerdict<'a> {
    at: usize,
    end: usize,
    name: &'a str,
}

/// Every failing verdict a runner rule kept, with the lines right under it that are indented
/// deeper (its message), up to a blank line or the next test's line.
fn failing_verdicts<'a>(c: &Classifier<'a>) -> Vec<FailingVerdict<'a>> {
    /// more lines than this under a verdict are not a message but something else: leave them
    const MAX_MESSAGE_LINES: usize = 8;
    let indent = |l: &str| l.len() - l.trim_start().len();
    let name_at = |k: usize| match c.roles[k] {
        Some(Role::Keep(Priority::Critical)) => failing_name(c.lines[k]),
        _ => None,
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < c.len() {
        let Some(name) = name_at(i) else {
            i += 1;
            continue;
        };
        let mut end = i + 1;
        while end < c.len()
            && !c.lines[end].trim().is_empty()
            && indent(c.lines[end]) > indent(c.lines[i])
            && !matches!(c.roles[end], Some(Role::Fold(Cat::Tests(..))))
            && name_at(end).is_none()
        {
            end += 1;
        }
        if end - i - 1 <= MAX_MESSAGE_LINES {
            out.push(FailingVerdict { at: i, end, name });
        }
        i = end;
    }
    out
}

/// A message line without its indentation and the arrow before it (`   → expected 4 to be 5`).
fn message(line: &str) -> &str {
    let l = line.trim();
    l.strip_prefix(['→', '❯', '›', '➜', '↳'])
        .map_or(l, str::trim_start)
}

/// Whether `text` holds `name` as a whole name: `test_x` is not named by `test_x_other`, nor
/// `handles empty` by `parse › handles empty input` (more words of a longer name), nor
/// `test_a.py::test_x` by `pkg/test_a.py::test_x` (another file's). Reports end
/// a name with the line, a ` - message`, a `(params)` or a word of their own after it (libtest's
/// `---- name stdout`, whose `failures:` list names it alone on a line too).
fn names(text: &str, name: &str) -> bool {
    let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() || c == '_');
    text.match_indices(name).any(|(k, _)| {
        let after = &text[k + name.len()..];
        let more_words = after.strip_prefix(' ').is_some_and(|r| word(r.chars().next()));
        let before = text[..k].chars().next_back();
        let path_before = matches!(before, Some('/' | '\\'));
        !word(before) && !path_before && !word(after.chars().next()) && !more_words
    })
}

/// The failing test's name in its verdict line: pytest -v, unittest -v and libtest put the
/// verdict after it, jest, vitest and mocha a cross before it (and a duration after).
fn failing_name(line: &str) -> Option<&str> {
    let m = re!(r"^(?:test )?(\S.*?)(?: \.\.\.)? +(?:FAILED|FAIL|ERROR)(?: +\[ *\d+%\])?\s*$")
        .captures(line)
        .or_else(|| re!(r"^\s*[✕×✗] (.+?)(?: \(?\d+(?:\.\d+)? ?m?s\)?)?\s*$").captures(line))?;
    let name = m.get(1)?.as_str();
    // a short name could be found below by chance; a line the signal guard calls an error
    // (`... ERROR`) would be put back, splitting the fold anyway
    (name.len() >= 8 && !crate::logline::is_errorish(line)).then_some(name)
}

/// An unclaimed line that repeats one seen earlier word for word (the same warning printed by
/// every test, the same notice per package) folds; its first occurrence stays.
fn fold_repeats(c: &mut Classifier) {
    let mut seen: HashSet<&str> = HashSet::new();
    for i in 0..c.len() {
        let line = c.lines[i].trim_end();
        if c.claimed(i) || line.trim_start().len() < 20 {
            continue;
        }
        // a heading said again over other lines (`The following packages will be REMOVED:`
        // over another list) stays with them; over the same lines it folds with them
        let heads_news = line.ends_with(':') && c.lines.get(i + 1).is_some_and(|next| !seen.contains(next.trim_end()));
        if !seen.insert(line) && !heads_news {
            c.fold(i, Cat::Repeat);
        }
    }
}

/// Long runs of unclaimed lines of one shape fold, first and last kept as examples.
fn fold_similar(c: &mut Classifier) {
    const MIN_RUN: usize = 6;
    let n = c.len();
    let mut i = 0;
    while i < n {
        if c.claimed(i) || c.lines[i].trim().is_empty() {
            i += 1;
            continue;
        }
        let s = shape(c.lines[i]);
        let mut j = i + 1;
        while j < n && !c.claimed(j) && shape(c.lines[j]) == s {
            j += 1;
        }
        if j - i >= MIN_RUN {
            for k in i + 1..j - 1 {
                c.fold(k, Cat::Similar);
            }
        }
        i = j;
    }
}

/// Folded runs shorter than this (in characters) stay: the marker would be longer.
const MIN_FOLD_CHARS: usize = 60;
/// What a marker adds to its description, with room to spare: `[hr ` and ` L1200-1530]` are
/// 17 (`marker::marker_chars` gives the exact length). With the exact length, the corpus's test
/// outputs have 70 markers instead of 57 for 0.2 points of reduction; no whole factor on it
/// (3×) keeps twenty pytest failures of one bug under 40% of the input.
const MARKER_FRAME_CHARS: usize = 24;
/// A run folds only when it is this many times longer than its marker: a fold that saves little
/// more than the marker costs is a loss for the agent, who reads the marker on every call.
const FOLD_PAYS: usize = 2;

fn to_plan(c: &Classifier) -> Plan {
    let mut plan = Plan::default();
    let mut cited = vec![false; c.refs.len()];
    let n = c.len();
    let mut i = 0;
    while i < n {
        match c.roles[i] {
            Some(Role::Fold(_)) => {
                let mut j = i;
                let mut tally = Tally::default();
                while j < n {
                    match c.roles[j] {
                        Some(Role::Fold(cat)) => {
                            tally.add(cat, c.file[j]);
                            tally.unnamed += usize::from(cat.counted_as_line());
                        }
                        // a blank line between folded lines joins the fold, and is counted
                        // among them: the counts a marker gives add up to its lines
                        None if c.lines[j].trim().is_empty()
                            && matches!(c.roles.get(j + 1), Some(Some(Role::Fold(_)))) =>
                        {
                            tally.add(Cat::Quiet, None);
                            tally.unnamed += 1;
                        }
                        _ => break,
                    }
                    j += 1;
                }
                let chars: usize = c.lines[i..j].iter().map(|l| l.len() + 1).sum();
                let what = tally.describe(j - i, &c.refs, &cited);
                if chars < MIN_FOLD_CHARS || chars <= FOLD_PAYS * (what.len() + MARKER_FRAME_CHARS)
                {
                    // a marker would cost more than the lines it replaces
                    plan.keep_range(i + 1, j, Priority::Ordinary);
                } else {
                    let at = tally.same_as.iter().map(|(r, _)| c.refs[*r as usize].lines);
                    plan.fold_pointing(i + 1, j, what, at);
                    for (r, _) in &tally.same_as {
                        cited[*r as usize] = true;
                    }
                }
                i = j;
            }
            role => {
                let p = match role {
                    Some(Role::Keep(p)) => p,
                    _ => Priority::Ordinary,
                };
                let b = c.block[i];
                let mut j = i + 1;
                if b != 0 {
                    while j < n && c.block[j] == b && c.roles[j] == Some(Role::Keep(p)) {
                        j += 1;
                    }
                }
                plan.keep_range(i + 1, j, p);
                i = j;
            }
        }
    }
    plan
}

/// What a run of folded lines held, for its marker.
#[derive(Default)]
struct Tally<'a> {
    passed: u64,
    skipped: u64,
    failed: u64,
    files: BTreeSet<&'a str>,
    nouns: Vec<((&'static str, &'static str), usize)>,
    /// the failures above that folded lines repeat, with their line counts
    same_as: Vec<(u32, usize)>,
    /// lines of categories the marker names nothing of (`make[2]: Leaving directory …` among
    /// repeated warnings, a blank line between them)
    unnamed: usize,
}

impl<'a> Tally<'a> {
    fn add(&mut self, cat: Cat, file: Option<&'a str>) {
        match cat {
            Cat::Tests(p, s) => {
                self.passed += u64::from(p);
                self.skipped += u64::from(s);
            }
            Cat::FailedShownBelow => self.failed += 1,
            _ => {}
        }
        if let Some(f) = file {
            self.files.insert(f);
        }
        if let Cat::SameAs(r) = cat {
            match self.same_as.iter_mut().find(|(x, _)| *x == r) {
                Some((_, k)) => *k += 1,
                None => self.same_as.push((r, 1)),
            }
        }
        if let Some(noun) = cat.noun() {
            match self.nouns.iter_mut().find(|(n, _)| *n == noun) {
                Some((_, k)) => *k += 1,
                None => self.nouns.push((noun, 1)),
            }
        }
    }

    /// What the marker for `lines` folded lines says; `cited` tells the references an earlier
    /// marker cited already.
    fn describe(&self, lines: usize, refs: &[Reference], cited: &[bool]) -> String {
        let mut parts = Vec::new();
        if self.passed > 0 {
            parts.push(format!("{} passed", count(self.passed as usize)));
        }
        if self.skipped > 0 {
            parts.push(format!("{} skipped", count(self.skipped as usize)));
        }
        if self.failed > 0 {
            parts.push(format!("{} failed", count(self.failed as usize)));
        }
        let mut head = parts.join(", ");
        if !head.is_empty() && self.files.len() > 1 {
            head.push_str(&format!(" in {} files", count(self.files.len())));
        }
        let mut out = vec![];
        if !head.is_empty() {
            out.push(head);
        }
        for ((one, many), k) in &self.nouns {
            out.push(plural(*k, one, many));
        }
        // (a count of some of the lines reads as the count of all: the rest are said, unless
        // tests passed are what they frame)
        if parts.is_empty() && !out.is_empty() && self.unnamed > 0 {
            out.push(plural(self.unnamed, "other line", "other lines"));
        }
        for (r, k) in &self.same_as {
            // a lone reference takes the whole run, blank lines included
            let k = if self.same_as.len() == 1 && out.is_empty() {
                lines
            } else {
                *k
            };
            let what = if k == 1 { "line" } else { "lines" };
            let cite = refs[*r as usize].cite(cited[*r as usize]);
            out.push(format!("{} {what} as in {cite}", count(k)));
        }
        if out.is_empty() {
            return crate::marker::plain_lines(lines);
        }
        out.join(", ")
    }
}

#[cfg(test)]
pub(crate) mod testutil {
    use super::*;

    pub fn run(text: &str) -> String {
        run_within(text, None)
    }

    pub fn run_within(text: &str, budget_chars: Option<usize>) -> String {
        compress(
            text,
            &Options::for_test(budget_chars),
        )
        .text
    }

    /// Every string in `needles` survives compression of `text`.
    pub fn assert_kept(text: &str, needles: &[&str]) -> String {
        let out = run(text);
        for n in needles {
            assert!(out.contains(n), "lost {n:?} in:\n{out}");
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::testutil::run;

    #[test]
    fn a_heading_said_again_stays_over_its_list() {
        // two apt runs in one transcript: each removal list under its own heading
        let mut t = String::new();
        for (run_no, pkgs) in [(1, "htop tree"), (2, "probe-missingdep")] {
            t.push_str("Reading package lists...\nBuilding dependency tree...\nReading state information...\n");
            t.push_str(&format!("The following packages will be REMOVED:\n  {pkgs}\n0 upgraded, 0 newly installed, {run_no} to remove and 0 not upgraded.\n"));
            for k in 0..12 {
                t.push_str(&format!("(Reading database ... {}%\n", k * 8));
            }
            t.push_str(&format!("Removing {pkgs} ...\ntest removal_{run_no} ... ok\n"));
        }
        t.push_str("test result: ok. 2 passed; 0 failed\n");
        let out = run(&t);
        let at = out.find("  probe-missingdep").expect(&out);
        assert!(out[..at].trim_end().ends_with("The following packages will be REMOVED:"), "{out}");
    }

    #[test]
    fn eslints_stylish_entries_are_a_linters_findings() {
        // each problem a line a few spaces in, under its file's path: no log, whose templates
        // would fold one message said at many places (see `hr.engine.dispatch`)
        let mut t = String::from("\n/home/dev/commander/lib/command.js\n");
        for (k, (at, say)) in [("158:25", "Expected { after 'if' condition  curly"), ("243:42", "Assignment to function parameter 'displayHelp'  no-param-reassign")].iter().cycle().take(12).enumerate() {
            t.push_str(&format!("  {at}{k}  {}  {say}\n", if k % 2 == 0 { "error  " } else { "warning" }));
        }
        t.push_str("\n✖ 12 problems (6 errors, 6 warnings)\n");
        assert!(super::mostly_diagnostics(&t), "{t}");
        // a table of the same shape with no severity is no linter's
        assert!(!super::mostly_diagnostics(&t.replace("error  ", "ok     ").replace("warning", "ok     ")), "{t}");
    }

    #[test]
    fn a_last_line_of_escapes_alone_is_kept() {
        let text = "test tests::parses ... FAILED\ntest result: FAILED. 0 passed; 1 failed\n\x1b[0m";
        assert_eq!(run(text), text);
    }

    #[test]
    fn coloured_output_is_read_plain_and_written_verbatim() {
        let mut t = String::new();
        for i in 0..30 {
            t.push_str(&format!(
                "tests/test_a.py::test_{i} \x1b[32mPASSED\x1b[0m [ {i:>2}%]\n"
            ));
        }
        t.push_str("tests/test_a.py::test_bad \x1b[31mFAILED\x1b[0m [100%]\n\x1b[31m==== 1 failed, 30 passed in 0.10s ====\x1b[0m\n");
        let out = run(&t);
        assert!(
            out.contains("[hr 30 passed · hr expand abcdef012345 --lines 1-30]"),
            "{out}"
        );
        assert!(
            out.contains("tests/test_a.py::test_bad \x1b[31mFAILED\x1b[0m [100%]\n"),
            "{out:?}"
        );
        // a sequence cut off at a line's end does not take the next line with it
        let mut cut = t.clone();
        cut.push_str("tests/test_b.py::test_c PASSED\x1b[\n\x1b[31m==== 1 failed, 31 passed in 1.23s ====\x1b[0m\n");
        assert!(run(&cut).contains("==== 1 failed, 31 passed in 1.23s ===="), "{}", run(&cut));
        // the sniffer reads a coloured run without its colours
        let head = "\x1b[1m============================= test session starts ==============================\x1b[0m\n";
        assert_eq!(crate::sniff::sniff(format!("{head}{t}").as_bytes()), crate::sniff::Kind::Test);
    }

    #[test]
    fn repeated_warnings_fold_after_the_first() {
        let mut t = String::new();
        for i in 0..20 {
            t.push_str(&format!("test_{i} (tests.test_mod.Case.test_{i}) ... ok\n"));
            t.push_str("/src/lib/old.py:12: DeprecationWarning: old_api is deprecated, use new_api\n  warnings.warn(\"old_api is deprecated\", DeprecationWarning)\n");
        }
        t.push_str("\n----------------------------------------------------------------------\nRan 20 tests in 0.01s\n\nOK\n");
        let out = run(&t);
        assert_eq!(
            out.matches("DeprecationWarning: old_api").count(),
            1,
            "{out}"
        );
        assert!(out.contains("19 passed, 38 repeated lines"), "{out}");
        assert!(out.ends_with("Ran 20 tests in 0.01s\n\nOK\n"), "{out}");
    }

    #[test]
    fn a_repeat_in_other_colours_stays_once_in_its_colours() {
        // a CI job runs maven three times, the last with colour on (a Jenkins log)
        let plain = "[INFO] Scanning for projects...\n[INFO] Reactor Summary for Sorald-parent 0.0.1-SNAPSHOT:\n[INFO] Building Sorald 0.4.1-SNAPSHOT\n";
        let coloured = "[\x1b[1;34mINFO\x1b[m] Scanning for projects...\n[\x1b[1;34mINFO\x1b[m] \x1b[1mReactor Summary for Sorald-parent 0.0.1-SNAPSHOT:\x1b[m\n[\x1b[1;34mINFO\x1b[m] \x1b[1mBuilding Sorald 0.4.1-SNAPSHOT\x1b[m\n";
        let t = format!("+ mvn versions:use-latest-versions\n{plain}+ mvn dependency:purge-local-repository\n{plain}+ mvn clean test\n{coloured}+ mvn clean verify\n{coloured}");
        let out = run(&t);
        // the second plain run and the second coloured run fold; the first coloured one stays
        for line in plain.lines().chain(coloured.lines()) {
            assert_eq!(out.matches(&format!("{line}\n")).count(), 1, "{line:?} in {out}");
        }
        assert_eq!(out.matches("[hr ").count(), 2, "{out}");
    }

    #[test]
    fn crlf_output_is_read_like_lf() {
        let mut t = String::new();
        for i in 0..30 {
            t.push_str(&format!("tests/test_a.py::test_{i} PASSED [ {i:>2}%]\r\n"));
        }
        t.push_str("========================= 30 passed in 0.10s =========================\r\n");
        let out = run(&t);
        assert!(
            out.contains("[hr 30 passed · hr expand abcdef012345 --lines 1-30]"),
            "{out}"
        );
        assert!(
            out.ends_with("30 passed in 0.10s =========================\r\n"),
            "{out:?}"
        );
    }

    #[test]
    fn a_failing_verdict_folds_with_the_passes_only_when_its_report_names_it() {
        let mut t = String::new();
        for i in 0..30 {
            t.push_str(&format!("tests/test_a.py::test_ok_{i} PASSED [ {i:>2}%]\n"));
            if i == 10 {
                t.push_str("tests/test_a.py::test_reported FAILED [ 10%]\n");
            }
            if i == 20 {
                t.push_str("tests/test_a.py::test_unreported FAILED [ 20%]\n");
            }
        }
        t.push_str(
            "=================================== FAILURES ===================================\n",
        );
        t.push_str("________________________________ test_reported _________________________________\n\n    def test_reported():\n>       assert 1 == 2\nE       assert 1 == 2\n\ntests/test_a.py:3: AssertionError\n");
        t.push_str("=========================== short test summary info ============================\nFAILED tests/test_a.py::test_reported - assert 1 == 2\n");
        t.push_str(
            "========================= 2 failed, 30 passed in 0.10s =========================\n",
        );
        let out = run(&t);
        assert!(!out.contains("test_reported FAILED [ 10%]"), "{out}");
        assert!(
            out.contains("FAILED tests/test_a.py::test_reported - assert 1 == 2"),
            "{out}"
        );
        assert!(
            out.contains("[hr 21 passed, 1 failed · hr expand abcdef012345 --lines 1-22]"),
            "{out}"
        );
        // nothing below names this one: its verdict line is the only word of it
        assert!(
            out.contains("\ntests/test_a.py::test_unreported FAILED [ 20%]\n"),
            "{out}"
        );
    }

    #[test]
    fn a_failure_named_only_under_another_directory_stays() {
        // pytest -v (9.2, --import-mode=importlib) with the same test in pkg/test_a.py and
        // test_a.py, the summary cut after pkg's (`| head`): `test_a.py::…` is found only as the
        // end of `pkg/test_a.py::…`, another test's name
        let mut t = String::from("\n");
        for file in ["pkg/test_a.py", "test_a.py"] {
            for n in 0..6 {
                t.push_str(&format!("{file}::test_parse_number[{n}] FAILED{:>30}\n", "[ 50%]"));
            }
            t.push_str(&format!("{file}::test_ok PASSED{:>30}\n", "[ 50%]"));
        }
        t.push_str("\n=========================== short test summary info ============================\n");
        for n in 0..6 {
            t.push_str(&format!("FAILED pkg/test_a.py::test_parse_number[{n}] - assert {n} == 7\n"));
        }
        let out = run(&t);
        assert!(out.contains("\ntest_a.py::test_parse_number[0] FAILED"), "{out}");
        assert!(out.contains("\ntest_a.py::test_parse_number[5] FAILED"), "{out}");
    }

    #[test]
    fn a_name_is_found_whole() {
        assert!(super::names("FAILED a.py::test_x - boom", "a.py::test_x"));
        assert!(super::names("● suite › adds one\n", "adds one"));
        assert!(!super::names(
            "FAILED a.py::test_x_other - boom",
            "a.py::test_x"
        ));
        assert!(!super::names("xa.py::test_x", "a.py::test_x"));
        assert!(!super::names("FAILED pkg/a.py::test_x - boom", "a.py::test_x"));
        assert!(!super::names("● parse › handles empty input\n", "handles empty"));
        assert!(super::names("FAIL: test_x (m.T.test_x) (i=1)\n", "test_x (m.T.test_x)"));
    }

    #[test]
    fn a_message_is_read_without_its_arrow() {
        assert_eq!(
            super::message("   → expected 4 to be 5"),
            "expected 4 to be 5"
        );
        assert_eq!(
            super::message("     ❯ boom at a.ts:1:2 "),
            "boom at a.ts:1:2"
        );
        // a diff line's sign is part of what it says
        assert_eq!(super::message("    - expected"), "- expected");
    }

    #[test]
    fn an_erroring_verdict_stays_for_the_signal_guard() {
        let mut t = String::new();
        for i in 0..30 {
            t.push_str(&format!("test_{i} (tests.test_mod.Case.test_{i}) ... ok\n"));
        }
        t.push_str("test_bad (tests.test_mod.Case.test_bad) ... ERROR\n");
        for i in 30..40 {
            t.push_str(&format!("test_{i} (tests.test_mod.Case.test_{i}) ... ok\n"));
        }
        t.push_str("\n======================================================================\nERROR: test_bad (tests.test_mod.Case.test_bad)\n----------------------------------------------------------------------\nTraceback (most recent call last):\n  File \"/x/t.py\", line 3, in test_bad\n    boom()\nNameError: name 'boom' is not defined\n\n");
        t.push_str("----------------------------------------------------------------------\nRan 41 tests in 0.010s\n\nFAILED (errors=1)\n");
        let out = run(&t);
        assert!(
            out.contains("[hr 30 passed · hr expand abcdef012345 --lines 1-30]"),
            "{out}"
        );
        assert!(
            out.contains(
                "\ntest_bad (tests.test_mod.Case.test_bad) ... ERROR\n[hr 10 passed L32-41]\n"
            ),
            "{out}"
        );
    }

    #[test]
    fn a_fold_that_saves_little_more_than_its_marker_stays() {
        // one short elaboration per diagnostic: a marker would cost about what it hides
        let mut t = String::new();
        for i in 0..8 {
            t.push_str(&format!("src/a.ts({i},5): error TS2339: Property 'next' does not exist on type 'Partial<Observer<T>>'.\n  Property 'next' does not exist on type '(value: T) => void'.\n"));
        }
        let out = run(&t);
        assert!(!out.contains("[hr 1 "), "{out}");
        assert_eq!(out, t);
    }

    #[test]
    fn unknown_lines_stay_and_similar_runs_fold() {
        let mut t = String::from("header line\n");
        for i in 0..20 {
            t.push_str(&format!("step {i} of 20 done in the thing\n"));
        }
        t.push_str("trailer\n");
        let out = run(&t);
        assert!(out.starts_with("header line\nstep 0 of 20"), "{out}");
        assert!(out.contains("18 similar lines"), "{out}");
        assert!(
            out.ends_with("step 19 of 20 done in the thing\ntrailer\n"),
            "{out}"
        );
    }
}
