//! Plain text (READMEs, docs, man pages, `--help` output): structure-aware extractive compression.
//!
//! Every kept line is verbatim; nothing is reworded and no words are dropped from a line. Only
//! documents get this treatment (`is_document`): code or logs that reach this kind are folded
//! generically. The compressor first reads the structure: headings, man-page section and
//! subsection headers, option specs, usage lines, warning lines (WARNING, deprecated, must, …),
//! table headers stay unconditionally. What is left is cut into units that can go without
//! leaving a sentence broken: runs of lines that end at a sentence end, list items, table rows,
//! code blocks. Each unit is scored by CompressBase (bits per word given the document so far),
//! and the units that say least are folded until the output fits the budget, or `DEFAULT_KEEP`
//! of the input when no budget was asked for, in few large cuts (`cut_prose`): each cut must save
//! clearly more than its marker. Large code blocks are folded whole.
//! docs/compressbase.md describes the rules and the model.

use crate::compressbase::{self, Mode, Scorer};
use crate::lines::{iter, split, Lines};
use crate::marker::{count, plain_lines, Compressed};
use crate::plan::{plural, render, Plan, Priority};
use crate::re::re;
use crate::Options;

/// Without a budget, aim at keeping this share of the input's characters.
pub const DEFAULT_KEEP: f64 = 0.38;
/// Without a budget, at least this share of the prose stays (see `default_target`).
pub const MIN_PROSE_KEEP: f64 = 0.15;
/// Code blocks longer than this many lines are folded whole, fences included (lines with a
/// warning inside them stay).
const SMALL_CODE: usize = 8;
/// What a marker line costs in characters (`[hr 12 lines L340-355]`), for the output's size.
const MARKER_CHARS: usize = 28;
/// A gap must save clearly more than its marker (about 12 tokens): at least this many characters
/// (about 90 tokens), unless a budget asks for more cuts.
const MIN_GAP_CHARS: usize = 350;
/// What a gap costs a reader besides its characters, in characters of text of the document's
/// average value: every gap is a place where the text no longer reads on, and a marker to read.
/// So the cuts go where they are few and large.
const GAP_PENALTY_CHARS: f64 = 3000.0;
/// Value multipliers on a unit's bits per word. The first sentence of a paragraph usually says
/// what it is about, the first of a section more so; the text right after a kept line (an
/// option's description) explains that line.
const FIRST_SENTENCE: f64 = 1.15;
const SECTION_LEAD: f64 = 1.6;
const CONTINUES_KEPT: f64 = 2.0;
const SMALL_CODE_BONUS: f64 = 1.1;
/// The rest of a sentence begun on a kept line stays when it is at most this many lines.
const COMPLETE_LINES: usize = 2;
/// From this many lines of text with no blank line between any two, text is no document (810
/// documents on this machine, man pages, markdown and `--help` output, all had one).
const MESSAGES_WITHOUT_PARAGRAPHS: usize = 8;
/// From this share of lines that are fields (`key:value`, `key=value`, no space), text is a
/// dump of values (`redis-cli INFO`, a crash report's state), no document: the 811 documents
/// that sniff as text here measured 0.14 at most, Redis's INFO under its headings 0.59.
const FIELDS_NOT_DOCUMENT: f64 = 0.5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    Prose,
    Item,
    Row,
    Code,
}

impl UnitKind {
    /// What a marker counts its lines as: rows of a table, lines of code, else plain lines (that
    /// they were prose or list items adds nothing the agent needs to decide on fetching them),
    /// as one and as several.
    fn noun(self) -> (&'static str, &'static str) {
        match self {
            UnitKind::Prose | UnitKind::Item => ("line", "lines"),
            UnitKind::Row => ("row", "rows"),
            UnitKind::Code => ("line of code", "lines of code"),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Line {
    Blank,
    /// part of unit `n`
    Unit(usize),
}

#[derive(Debug)]
struct Unit {
    start: usize, // 0-based line indexes, inclusive
    end: usize,
    kind: UnitKind,
    /// structure kept whatever the score (cut, by priority, only when a budget demands it)
    keep: Option<Priority>,
    /// folded whatever the score (a large code block)
    forced: bool,
    /// a markdown lead-in (`The output is:`): cut only together with what it introduces
    leads_in: bool,
    weight: f64,
    value: f64,
    chars: usize,
}

pub fn compress(text: &str, opts: &Options) -> Compressed {
    if !is_document(text) {
        // source code, logs or listings that reached this kind: cutting them by sentence scores
        // would lose what they are read for; fold only what repeats
        return crate::fold::compress(text, opts);
    }
    let lines = split(text);
    let (roles, mut units) = structure(&lines);
    score(&lines, &mut units);
    let total: usize = lines.lines.iter().map(|l| l.len() + 1).sum();
    let target = opts
        .budget_chars
        .unwrap_or_else(|| default_target(&units, total));
    // structure is cut only to meet an explicit budget
    let max_tier = if opts.budget_chars.is_some() {
        Priority::Critical
    } else {
        Priority::Ordinary
    };
    let dropped = choose(&lines, &roles, &units, total, target, max_tier);
    let plan = build_plan(&lines, &roles, &units, &dropped);
    // the choice above already met the budget: render must not cut again
    render(
        &plan,
        &lines,
        &Options {
            budget_chars: None,
            ..opts.clone()
        },
    )
}

/// `DEFAULT_KEEP` of the input, but never less than `MIN_PROSE_KEEP` of the prose: where structure
/// is nearly everything (`--help` output), the few sentences there are stay readable.
fn default_target(units: &[Unit], total: usize) -> usize {
    let prose: usize = units
        .iter()
        .filter(|u| u.keep.is_none() && !u.forced)
        .map(|u| u.chars)
        .sum();
    let forced: usize = units.iter().filter(|u| u.forced).map(|u| u.chars).sum();
    let structure = total.saturating_sub(prose + forced);
    let floor = structure + (prose as f64 * MIN_PROSE_KEEP) as usize;
    ((total as f64 * DEFAULT_KEEP) as usize).max(floor)
}

// --- structure ----------------------------------------------------------------------------------

fn atx_heading(l: &str) -> bool {
    re!(r"^ {0,3}#{1,6}(\s|$)").is_match(l)
}

fn setext_underline(l: &str) -> bool {
    re!(r"^ {0,3}(=+|-+)\s*$").is_match(l)
}

/// reStructuredText: a title underlined by one punctuation character repeated about as long as
/// the title (a separator line under a much shorter line is not an underline).
fn rst_underline(title: &str, l: &str) -> bool {
    let t = l.trim_end();
    let Some(c) = t.chars().next() else {
        return false;
    };
    let width = title.trim_end().chars().count();
    indent(title) == 0
        && title.chars().any(|x| x.is_alphabetic())
        // `FAIL: test_x (…)` over a separator line is a test report, not a title
        && !title.contains(": ")
        && "=-~^\"'#*+:.".contains(c)
        && t.len() >= 3
        && t.chars().all(|x| x == c)
        && width <= t.len() + 1
        && t.len() <= width + 3
}

fn fence(l: &str) -> Option<&str> {
    let t = l.trim_start();
    if l.len() - t.len() > 8 {
        return None;
    }
    ["```", "~~~"].into_iter().find(|f| t.starts_with(f))
}

/// `-r, --recursive`, `--color[=WHEN]`, `-<number>`, `+n`: an option spec at the start of a line.
fn option_spec(l: &str) -> bool {
    re!(r"^\s{0,12}(--?[A-Za-z0-9?#<\[]|\+[A-Za-z0-9])").is_match(l)
}

/// A subcommand or argument row of `--help` output: `  install     Install packages.`,
/// `  list - list packages`
fn definition_row(l: &str) -> bool {
    re!(r"^ {1,8}[\w<\[][\w.,:<>\[\]|/-]*( [\w<\[][\w.,:<>\[\]|/-]*)?( {2,}| - )\S").is_match(l)
}

/// Lines a reader must not miss: warnings, deprecations, obligations.
fn warning(l: &str) -> bool {
    // letters, not word characters, bound the words: `_must not_` is emphasis in markdown
    re!(r"WARNING|Warning:|(?i:deprecat|no longer supported|(^|[^a-z])(warn(ing|ings)?|must|caution|danger(ous)?|obsolete|unsafe|insecure)([^a-z]|$))")
        .is_match(l)
}

/// A warning inside a code block: only an explicit one (`WARNING`, `Warning:`, deprecated,
/// `must not`), not a word such as `danger` in example data, which would split the block into
/// a marker on each side of it.
fn code_warning(l: &str) -> bool {
    re!(r"WARNING|Warning:|(?i:deprecat|must not)").is_match(l)
}

fn usage(l: &str) -> bool {
    re!(r"^\s{0,4}(?i:usage):").is_match(l)
}

fn man_section(l: &str) -> bool {
    re!(r"^[A-Z][A-Z0-9 ,&/()'._-]*[A-Z)]\s*$").is_match(l)
}

/// `Options:`, `Environment variables:`: a label at column 0 that heads what follows (not a
/// markdown admonition fence such as `:::`).
fn label(l: &str) -> bool {
    indent(l) == 0
        && l.trim_end().ends_with(':')
        && l.len() < 60
        && l.chars().any(|c| c.is_alphabetic())
        && !list_item(l)
}

fn list_item(l: &str) -> bool {
    re!(r"^\s*([-*+•]|\d{1,3}[.)])\s+\S").is_match(l)
}

fn table_row(l: &str) -> bool {
    let t = l.trim();
    t.starts_with('|') && t.len() > 1
}

fn table_rule(l: &str) -> bool {
    re!(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$").is_match(l)
}

fn sentence_end(l: &str) -> bool {
    let t = l
        .trim_end()
        .trim_end_matches(['"', '\'', ')', ']', '*', '_', '`', '’', '”']);
    t.ends_with(['.', '!', '?', ':', ';'])
}

fn indent(l: &str) -> usize {
    l.len() - l.trim_start_matches([' ', '\t']).len()
}

fn blank(l: &str) -> bool {
    l.trim().is_empty()
}

/// A line of running prose: five or more words, most of them plain words.
fn prose_line(l: &str) -> bool {
    let word = re!(r#"^[("'`]?[A-Za-z][a-z]*(['’][a-z]+)?[,.;:!?)"'`]*$"#);
    let (mut all, mut words) = (0, 0);
    for t in l.split_whitespace() {
        all += 1;
        words += word.is_match(t) as usize;
    }
    all >= 5 && words * 10 >= all * 6
}

/// Documentation (a man page, `--help` output, prose, a markdown doc), not code or a log that
/// the sniffer sent here.
/// One pass over the lines, none kept: this decides for inputs of any size.
fn is_document(text: &str) -> bool {
    if is_man(iter(text)) || iter(text).filter(|l| !blank(l)).take(5).any(usage) {
        return true;
    }
    let (mut nonblank, mut prose, mut code, mut headings, mut fields) = (0, 0, 0, 0, 0);
    // whether a blank line stands between two lines of text: a paragraph's end
    let (mut blank_after_text, mut paragraphs) = (false, false);
    let mut inside = false;
    let mut previous: Option<&str> = None;
    let mut lines = iter(text).peekable();
    while let Some(l) = lines.next() {
        let next = lines.peek().copied().unwrap_or("");
        if fence(l).is_some() && (inside || !previous.is_some_and(|p| rst_underline(p, l))) {
            inside = !inside;
        } else if !inside && !blank(l) {
            paragraphs |= blank_after_text;
            nonblank += 1;
            prose += prose_line(l) as usize;
            code += code_line(l) as usize;
            headings += (atx_heading(l) || rst_underline(l, next)) as usize;
            fields += field(l) as usize;
        }
        blank_after_text |= nonblank > 0 && blank(l);
        previous = Some(l);
    }
    // a document's paragraphs stand apart; lines of text with none between them (a window of
    // apt's term.log, a program's output) are messages one per line, however they read
    if !paragraphs && nonblank >= MESSAGES_WITHOUT_PARAGRAPHS {
        return false;
    }
    let share = |k: usize| k as f64 / nonblank.max(1) as f64;
    if share(fields) >= FIELDS_NOT_DOCUMENT {
        return false;
    }
    // markdown: headings, and no code outside its fences (a Python file's `# comments` are
    // headings too, among `def` and `return` lines)
    share(prose) >= 0.45 || (headings >= 2 && share(code) < 0.1)
}

/// A field and its value, with no space: `total_connections_received:8102`, `role=master`.
fn field(l: &str) -> bool {
    re!(r"^[\w.-]+[:=]\S*$").is_match(l)
}

/// A line of source code, by its first word or a brace.
fn code_line(l: &str) -> bool {
    re!(r"^\s*(def |class |import |from \S+ import |return\b|(if|for|while|with) .*:\s*$|elif |else:|try:|except\b|self\.|fn |pub |let |const |var |function |func |[{}]|#include|public |private |protected |package |use |impl |struct |@\w+)")
    .is_match(l)
}

/// Man pages (`man -P cat`): section headers at column 0, body indented.
fn is_man<'a>(lines: impl Iterator<Item = &'a str>) -> bool {
    let (mut nonblank, mut sections, mut indented) = (0, 0, 0);
    let mut titled = false;
    for l in lines.filter(|l| !blank(l)) {
        if nonblank == 0 {
            // a man page's title line (`NPM-INSTALL(1)    NPM-INSTALL(1)`) says so even when
            // its sections are mixed-case subsections
            titled = re!(r"^\S+\(\d\w*\)\s+.*\S+\(\d\w*\)\s*$").is_match(l);
        }
        nonblank += 1;
        sections += (indent(l) == 0 && man_section(l)) as usize;
        indented += (indent(l) >= 3) as usize;
    }
    (sections >= 3 || titled) && indented * 10 >= nonblank * 7
}

fn structure(lines: &Lines) -> (Vec<Line>, Vec<Unit>) {
    let ls = &lines.lines;
    let n = ls.len();
    let man = is_man(ls.iter().copied());
    // markdown has headings for titles: a line like `Example:` there only introduces what follows
    let markdown = !man && ls.iter().any(|l| atx_heading(l));
    let mut roles = vec![Line::Blank; n];
    let mut units: Vec<Unit> = Vec::new();
    let new_unit = |units: &mut Vec<Unit>, start: usize, kind: UnitKind, weight: f64| {
        units.push(Unit {
            start,
            end: start,
            kind,
            keep: None,
            forced: false,
            leads_in: false,
            weight,
            value: 0.0,
            chars: 0,
        });
        units.len() - 1
    };
    let kept = |units: &mut Vec<Unit>, roles: &mut Vec<Line>, i: usize, p: Priority| {
        units.push(Unit {
            start: i,
            end: i,
            kind: UnitKind::Prose,
            keep: Some(p),
            forced: false,
            leads_in: false,
            weight: 1.0,
            value: 0.0,
            chars: 0,
        });
        roles[i] = Line::Unit(units.len() - 1);
    };
    let mut i = 0;
    // the unit that a continuation line joins, and whether the paragraph began on a kept line
    let mut open: Option<usize> = None;
    let mut para_start = true;
    let mut after_kept = false;
    // the first unit of the document, after a heading or after a usage line says what the
    // section is about
    let mut lead = true;
    // a kept line that stops mid-sentence (`-P     Never follow … When find examines or`), and
    // the units that finish such sentences
    let mut dangling = false;
    let mut synopsis = false;
    let mut description = false;
    let mut completing: Vec<usize> = Vec::new();
    while i < n {
        let l = ls[i];
        if blank(l) {
            roles[i] = Line::Blank;
            open = None;
            para_start = true;
            after_kept = false;
            dangling = false;
            i += 1;
            continue;
        }
        // a fenced code block is one unit, fences included: kept whole when small and worth it,
        // folded whole when large
        if let Some(f) = fence(l).filter(|_| !(i > 0 && rst_underline(ls[i - 1], l))) {
            let mark = f.as_bytes()[0] as char;
            let close = (i + 1..n)
                .find(|&j| fence(ls[j]) == Some(f) && ls[j].trim().chars().all(|c| c == mark));
            let end = close.unwrap_or(n - 1);
            let large = end - i > SMALL_CODE + 1;
            if large && (i + 1..end).any(|j| code_warning(ls[j])) {
                // a large block with a warning inside: fences and warning lines stay, the runs
                // of code between them are folded
                kept(&mut units, &mut roles, i, Priority::Notable);
                let mut j = i + 1;
                while j < end {
                    if code_warning(ls[j]) {
                        kept(&mut units, &mut roles, j, Priority::Critical);
                        j += 1;
                        continue;
                    }
                    let u = new_unit(&mut units, j, UnitKind::Code, 1.0);
                    while j + 1 < end && !code_warning(ls[j + 1]) {
                        j += 1;
                    }
                    units[u].end = j;
                    units[u].forced = true;
                    roles[units[u].start..=j].fill(Line::Unit(u));
                    j += 1;
                }
                if end > i {
                    kept(&mut units, &mut roles, end, Priority::Notable);
                }
            } else {
                let u = new_unit(
                    &mut units,
                    i,
                    UnitKind::Code,
                    if lead { SECTION_LEAD } else { SMALL_CODE_BONUS },
                );
                units[u].end = end;
                units[u].forced = large;
                roles[i..=end].fill(Line::Unit(u));
            }
            i = end + 1;
            open = None;
            para_start = true;
            lead = false;
            continue;
        }
        let next = ls.get(i + 1).copied().unwrap_or("");
        let heading = atx_heading(l)
            || (!man && (setext_underline(next) || rst_underline(l, next)) && !list_item(l) && i + 1 < n)
            // man: section header, subsection header, title and footer lines
            || (man && (indent(l) == 0 || (indent(l) < 6 && l.trim().len() < 80)));
        if man && indent(l) == 0 {
            synopsis = l.trim() == "SYNOPSIS";
            description = l.trim() == "DESCRIPTION";
        }
        let critical = heading
            || (option_spec(l) && (!man || indent(l) <= 8))
            || warning(l)
            // man: anything at the option indent that starts like an option
            || (man && (5..=8).contains(&indent(l)) && l.trim_start().starts_with(['-', '+']));
        let notable = (!man && label(l)) // `Options:` of --help
            || (table_row(l) && table_rule(next)) // a table's header row
            || table_rule(l)
            || setext_underline(l)
            || (i > 0 && rst_underline(ls[i - 1], l))
            || (!man && definition_row(l))
            // a man page's synopsis is the command's signature
            || (synopsis && !heading);
        let keep = if critical {
            Some(Priority::Critical)
        } else if notable {
            Some(Priority::Notable)
        } else {
            None
        };
        if usage(l) {
            // `usage: prog [options]` and its indented continuation lines
            kept(&mut units, &mut roles, i, Priority::Critical);
            while i + 1 < n && !blank(ls[i + 1]) && indent(ls[i + 1]) > indent(l) {
                i += 1;
                kept(&mut units, &mut roles, i, Priority::Critical);
            }
            open = None;
            lead = true;
            i += 1;
            continue;
        }
        if keep == Some(Priority::Notable) && markdown && label(l) && !table_row(l) {
            let u = new_unit(&mut units, i, UnitKind::Prose, 1.0);
            units[u].leads_in = true;
            roles[i] = Line::Unit(u);
            open = None;
            lead = false;
            after_kept = false;
            dangling = false;
            para_start = true;
            i += 1;
            continue;
        }
        if let Some(p) = keep {
            // a warning inside a sentence keeps the whole sentence: see `promote` below
            kept(&mut units, &mut roles, i, p);
            open = None;
            lead = heading;
            after_kept = !heading;
            // a bare option spec (`-a, --all`) begins no sentence; prose after it does
            dangling = !heading && !sentence_end(l) && l.split_whitespace().count() >= 4;
            para_start = false;
            i += 1;
            continue;
        }
        let kind = if table_row(l) {
            UnitKind::Row
        } else if list_item(l) {
            UnitKind::Item
        } else {
            UnitKind::Prose
        };
        // does this line continue the open unit?
        let joins = match open {
            Some(u) => {
                let prev = ls[units[u].end];
                match kind {
                    UnitKind::Prose => {
                        units[u].kind != UnitKind::Row
                            && (units[u].kind == UnitKind::Item || !sentence_end(prev))
                            && (indent(l) == indent(prev) || units[u].kind == UnitKind::Item)
                    }
                    _ => false,
                }
            }
            None => false,
        };
        if joins {
            let u = open.unwrap();
            units[u].end = i;
            roles[i] = Line::Unit(u);
        } else {
            let weight = if lead {
                SECTION_LEAD
            } else if after_kept {
                CONTINUES_KEPT
            } else if para_start {
                FIRST_SENTENCE
            } else {
                1.0
            };
            let u = new_unit(&mut units, i, kind, weight);
            roles[i] = Line::Unit(u);
            if dangling && kind == UnitKind::Prose && indent(l) > 0 {
                completing.push(u);
            }
            if description {
                // the first sentence of a man page's DESCRIPTION says what the command does
                units[u].keep = Some(Priority::Summary);
                description = false;
            }
            dangling = false;
            open = Some(u);
            lead = false;
            after_kept = false;
            para_start = false;
        }
        i += 1;
    }
    promote_warnings(ls, &mut units);
    // a short rest of a sentence begun on a kept line stays with it: no kept line ends mid-thought
    for u in completing {
        if units[u].keep.is_none() && units[u].end - units[u].start < COMPLETE_LINES {
            units[u].keep = Some(Priority::Summary);
        }
    }
    // the document's first sentence says what it is about: kept like structure
    let lead = units.iter_mut().find(|u| {
        u.keep.is_none() && u.kind == UnitKind::Prose && ls[u.start].split_whitespace().count() >= 5
    });
    if let Some(u) = lead {
        u.keep = Some(Priority::Summary);
    }
    (roles, units)
}

/// A unit holding a warning line is kept whole: the sentence around the warning is its meaning.
fn promote_warnings(ls: &[&str], units: &mut [Unit]) {
    // (a large code block's explicit warnings were split out of it already)
    for u in units.iter_mut().filter(|u| u.keep.is_none() && !u.forced) {
        if (u.start..=u.end).any(|j| warning(ls[j])) {
            u.keep = Some(Priority::Critical);
        }
    }
}

// --- scoring and choice -------------------------------------------------------------------------

/// Units are scored in reading order, kept structure included: what a heading or an option line
/// says makes a later sentence that repeats it cheap.
fn score(lines: &Lines, units: &mut [Unit]) {
    let mut scorer = Scorer::new(compressbase::model(), Mode::Full);
    for unit in units.iter_mut() {
        let text = lines.lines[unit.start..=unit.end].join("\n");
        unit.value = scorer.score(&text).density() * unit.weight;
        unit.chars = text.len() + 1;
    }
}

/// Which units to fold so the output fits `target` characters: the least informative first,
/// and only where the cut saves more than its marker costs.
fn choose(
    lines: &Lines,
    roles: &[Line],
    units: &[Unit],
    total: usize,
    target: usize,
    max_tier: Priority,
) -> Vec<bool> {
    let n = units.len();
    // blank characters between unit u-1 and u when only blank lines separate them: a cut that
    // reaches both sides swallows them, and one marker stands for the whole run
    let gap: Vec<Option<usize>> = (0..n)
        .map(|u| {
            if u == 0 {
                return None;
            }
            let between = units[u - 1].end + 1..units[u].start;
            between
                .clone()
                .all(|j| roles[j] == Line::Blank)
                .then(|| between.map(|j| lines.lines[j].len() + 1).sum())
        })
        .collect();
    let mut dropped: Vec<bool> = units.iter().map(|u| u.forced).collect();
    let tier = |u: usize| units[u].keep.map_or(0, |p| p as u8 + 1);
    // scored content by value; then, under a budget only, structure by priority, later first
    let mut order: Vec<usize> = (0..n)
        .filter(|&u| units[u].keep.is_none() || max_tier != Priority::Ordinary)
        .collect();
    order.sort_by(|&a, &b| {
        let by_value = if tier(a) == 0 {
            units[a].value.total_cmp(&units[b].value)
        } else {
            std::cmp::Ordering::Equal
        };
        tier(a).cmp(&tier(b)).then(by_value).then(b.cmp(&a))
    });
    // the prose: fewest, largest cuts that bring the output down to the target
    cut_prose(units, &gap, &mut dropped, total, target);
    // under a budget, structure goes tier by tier; before each tier, whatever was left of the
    // tiers below goes first, small cuts included: small cuts are better than a broken budget
    if max_tier != Priority::Ordinary {
        for t in 1..=Priority::Critical as u8 + 1 {
            let upto: Vec<usize> = order.iter().copied().filter(|&u| tier(u) <= t).collect();
            while greedy(units, &gap, &upto, &mut dropped, total, target) {}
        }
    }
    // once structure had to go, a lesser unit left alone between two cuts is a fragment that
    // costs a marker: it goes too
    let deepest = (0..n)
        .filter(|&u| dropped[u] && !units[u].forced)
        .map(tier)
        .max()
        .unwrap_or(0);
    if deepest > 0 {
        for u in 1..n.saturating_sub(1) {
            if !dropped[u]
                && tier(u) < deepest
                && gap[u].is_some()
                && gap[u + 1].is_some()
                && dropped[u - 1]
                && dropped[u + 1]
            {
                dropped[u] = true;
            }
        }
    }
    dropped
}

/// Which prose units to cut so the output fits `target`: few, large cuts that lose little.
///
/// At a price `lambda` per character, cutting a unit gains `lambda` × its characters and loses
/// its information (bits per word × weight × characters). Opening a gap costs `lambda` ×
/// `MIN_GAP_CHARS` (so a gap must save clearly more than its marker) plus a fixed penalty of
/// `GAP_PENALTY_CHARS` of average prose (so that, of two ways to reach the target, the one with
/// fewer gaps wins). The best cuts at one price come from a two-state pass over the units (the
/// unit before was kept, or cut); the price is the lowest that meets the target, by bisection.
/// A short unit between two gaps is cut with them when that is cheaper than a second marker.
/// Kept structure is never cut here; forced units always are.
fn cut_prose(
    units: &[Unit],
    gap: &[Option<usize>],
    dropped: &mut [bool],
    total: usize,
    target: usize,
) {
    let size = |d: &[bool]| {
        let removed: usize = runs(units, gap, d)
            .iter()
            .map(|r| r.2.saturating_sub(MARKER_CHARS))
            .sum();
        total.saturating_sub(removed)
    };
    let fixed = dropped.to_vec();
    if size(&fixed) <= target {
        return;
    }
    let (bits, chars) = units
        .iter()
        .filter(|u| u.keep.is_none() && !u.forced)
        .fold((0.0, 0.0), |(b, c), u| {
            (b + u.value * u.chars as f64, c + u.chars as f64)
        });
    let penalty = GAP_PENALTY_CHARS * bits / chars.max(1.0);
    let at = |lambda: f64| {
        cuts_at(
            units,
            gap,
            &fixed,
            lambda,
            lambda * MIN_GAP_CHARS as f64 + penalty,
        )
    };
    // the price rises until the target is met, or until no price cuts more (then the target is
    // missed: gaps too small to pay for their markers stay)
    let mut hi = 1.0;
    let mut best = at(hi);
    while size(&best) > target && hi < 1e12 {
        hi *= 4.0;
        best = at(hi);
    }
    let mut lo = 0.0;
    for _ in 0..40 {
        let mid = (lo + hi) / 2.0;
        let d = at(mid);
        if size(&d) <= target {
            hi = mid;
            best = d;
        } else {
            lo = mid;
        }
    }
    dropped.copy_from_slice(&best);
}

/// The cheapest cuts at price `lambda` when opening a gap costs `open` (see `cut_prose`);
/// `fixed` marks the units cut whatever the price.
fn cuts_at(
    units: &[Unit],
    gap: &[Option<usize>],
    fixed: &[bool],
    lambda: f64,
    open: f64,
) -> Vec<bool> {
    let n = units.len();
    // best cost so far ending with unit u kept / cut, and whether that cut follows a cut unit
    let mut kept_cost = vec![0.0f64; n];
    let mut cut_cost = vec![f64::INFINITY; n];
    let mut after_cut = vec![false; n];
    for (u, unit) in units.iter().enumerate() {
        let (pk, pc) = if u == 0 {
            (0.0, f64::INFINITY)
        } else {
            (kept_cost[u - 1], cut_cost[u - 1])
        };
        let must_cut = fixed[u];
        let may_cut = must_cut || unit.keep.is_none();
        // a lead-in is cut only with the unit after it
        let pc_then_keep = if u > 0 && units[u - 1].leads_in {
            f64::INFINITY
        } else {
            pc
        };
        kept_cost[u] = if must_cut {
            f64::INFINITY
        } else {
            pk.min(pc_then_keep)
        };
        if may_cut {
            let chars = unit.chars as f64;
            let own = if must_cut {
                0.0
            } else {
                unit.value * chars - lambda * chars
            };
            let fresh = pk + open;
            let joined = match gap[u] {
                Some(blank) => pc - lambda * blank as f64,
                None => pc + open,
            };
            after_cut[u] = joined < fresh;
            cut_cost[u] = own + joined.min(fresh);
        }
    }
    // walk back from the cheaper end; ties keep
    let mut out = vec![false; n];
    let mut cut = n > 0 && !units[n - 1].leads_in && cut_cost[n - 1] < kept_cost[n - 1];
    for u in (0..n).rev() {
        out[u] = cut;
        if u > 0 {
            cut = if cut {
                after_cut[u]
            } else {
                !units[u - 1].leads_in && cut_cost[u - 1] < kept_cost[u - 1]
            };
        }
    }
    out
}

/// Maximal runs of dropped units that one marker covers: (first, last, characters removed).
fn runs(units: &[Unit], gap: &[Option<usize>], dropped: &[bool]) -> Vec<(usize, usize, usize)> {
    let mut out: Vec<(usize, usize, usize)> = Vec::new();
    for u in (0..units.len()).filter(|&u| dropped[u]) {
        match out.last_mut() {
            Some(run) if run.1 + 1 == u && gap[u].is_some() => {
                run.1 = u;
                run.2 += gap[u].unwrap() + units[u].chars;
            }
            _ => out.push((u, u, units[u].chars)),
        }
    }
    out
}

/// Cut units in `order` until the output fits `target`; says whether it cut anything while the
/// output was still too large. A unit whose cut did not pay alone is tried again as soon as a
/// neighbour goes (then it only widens that marker), before anything of higher rank.
fn greedy(
    units: &[Unit],
    gap: &[Option<usize>],
    order: &[usize],
    dropped: &mut [bool],
    total: usize,
    target: usize,
) -> bool {
    let n = units.len();
    let removed: usize = runs(units, gap, dropped)
        .iter()
        .map(|r| r.2.saturating_sub(MARKER_CHARS))
        .sum();
    let mut size = total.saturating_sub(removed);
    let mut cut = false;
    let mut skipped = vec![false; n];
    // what cutting `u` saves, net of markers, when that pays
    let pays = |u: usize, dropped: &[bool]| -> Option<usize> {
        let left = gap[u].is_some() && dropped[u - 1];
        let right = u + 1 < n && gap[u + 1].is_some() && dropped[u + 1];
        let saved = units[u].chars
            + if left { gap[u].unwrap() } else { 0 }
            + if right { gap[u + 1].unwrap() } else { 0 };
        let markers: isize = match (left, right) {
            (true, true) => -1,
            (false, false) => 1,
            _ => 0,
        };
        let net = saved as isize - markers * MARKER_CHARS as isize;
        (net > 0).then_some(net as usize)
    };
    for &u in order {
        if dropped[u] {
            continue;
        }
        let mut stack = vec![u];
        while let Some(v) = stack.pop() {
            if size <= target {
                return false;
            }
            match pays(v, dropped) {
                Some(net) => {
                    dropped[v] = true;
                    cut = true;
                    size = size.saturating_sub(net);
                    for w in [v.wrapping_sub(1), v + 1] {
                        if w < n && skipped[w] && !dropped[w] {
                            stack.push(w);
                        }
                    }
                }
                None => skipped[v] = true,
            }
        }
    }
    size > target && cut
}

/// `js ` for a block opened by "```js title=…", so the marker says what the code was.
fn language(fence_line: &str) -> String {
    let info = fence_line.trim_start().trim_start_matches(['`', '~']);
    match info.split_whitespace().next() {
        Some(w)
            if w.len() <= 16
                && w.chars()
                    .all(|c| c.is_ascii_alphanumeric() || "+-#.".contains(c)) =>
        {
            format!("{w} ")
        }
        _ => String::new(),
    }
}

fn build_plan(lines: &Lines, roles: &[Line], units: &[Unit], dropped: &[bool]) -> Plan {
    let n = lines.lines.len();
    let mut plan = Plan::default();
    let folded = |j: usize| match roles[j] {
        Line::Unit(u) => dropped[u],
        _ => false,
    };
    let mut i = 0;
    while i < n {
        match roles[i] {
            _ if folded(i) => {
                // a run of folded units, with the blank lines between them
                let mut j = i;
                let mut kinds: Vec<UnitKind> = Vec::new();
                let mut structure = 0;
                let mut blocks = 0;
                loop {
                    if let Line::Unit(u) = roles[j] {
                        if kinds.last() != Some(&units[u].kind) {
                            kinds.push(units[u].kind);
                        }
                        blocks += 1;
                        if units[u].keep.is_some_and(|p| p == Priority::Critical) {
                            structure += 1;
                        }
                        j = units[u].end;
                    }
                    let mut k = j + 1;
                    while k < n && roles[k] == Line::Blank {
                        k += 1;
                    }
                    if k < n && folded(k) {
                        j = k;
                    } else {
                        break;
                    }
                }
                // units of one kind (`kinds` holds each change of kind), or a mix: plain lines
                let kind = (kinds.len() == 1).then_some(kinds[0]);
                let (one, many) = kind.map_or(("line", "lines"), UnitKind::noun);
                let mut what = match (kind, blocks, j - i + 1) {
                    (Some(UnitKind::Code), 1, k) if fence(lines.lines[i]).is_some() => {
                        format!("{}code block, {} lines", language(lines.lines[i]), count(k))
                    }
                    (Some(UnitKind::Code), b, k) if b > 1 => {
                        format!("{} code blocks, {} lines", count(b), count(k))
                    }
                    (None | Some(UnitKind::Prose | UnitKind::Item), _, k) if structure == 0 => {
                        plain_lines(k)
                    }
                    (_, _, k) => plural(k, one, many),
                };
                if structure > 0 {
                    what.push_str(&format!(
                        ", {} of them headings, options or warnings",
                        count(structure)
                    ));
                }
                plan.fold(i + 1, j + 1, what);
                i = j + 1;
            }
            Line::Unit(u) => {
                let p = units[u].keep.unwrap_or(if units[u].weight > 1.0 {
                    Priority::Summary
                } else {
                    Priority::Ordinary
                });
                plan.keep_range(i + 1, units[u].end + 1, p);
                i = units[u].end + 1;
            }
            Line::Blank => {
                plan.keep(i + 1, Priority::Ordinary);
                i += 1;
            }
        }
    }
    plan
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(budget: Option<usize>) -> Options {
        Options::for_test(budget)
    }

    fn doc() -> String {
        let mut s = String::from("# Tool\n\n## Install\n\n");
        for i in 0..30 {
            s.push_str(&format!(
                "This paragraph number {i} explains the tool in general terms and repeats itself a lot.\nIt keeps saying the same things about the tool, again and again, for padding.\n\n"
            ));
        }
        s.push_str("WARNING: never run this as root.\n\n## Options\n\n```sh\nrun --fast /etc/tool.conf\n```\n");
        s
    }

    #[test]
    fn a_one_unit_fold_says_its_noun_in_the_singular() {
        // one-row tables between paragraphs, cut under a budget: `1 row`, never `1 rows`
        let mut text = String::from("# Guide\n\n");
        for i in 0..12 {
            text.push_str(&format!(
                "## Section {i}\n\nParagraph {i} says something moderately long about the topic, with enough words to be prose.\n\n| key | value |\n| --- | --- |\n| k{i} | a value that is long enough to matter for the budget {i} |\n\n"
            ));
        }
        let c = compress(&text, &opts(Some(1200)));
        let markers: Vec<&str> = c.text.lines().filter(|l| l.starts_with("[hr ")).collect();
        assert!(markers.iter().any(|m| m.starts_with("[hr 1 row L")), "{}", c.text);
        // a plain line says its count alone, but the first marker names it: `1 line`
        assert!(markers.iter().any(|m| m.starts_with("[hr 1 L")), "{}", c.text);
        assert!(markers[0].starts_with("[hr 1 line · hr expand "), "{}", c.text);
        assert!(!markers.iter().any(|m| m.contains("1 rows") || m.contains("1 lines")), "{}", c.text);
    }

    #[test]
    fn lines_of_text_with_no_paragraph_between_them_are_messages_not_a_document() {
        // a window of apt's term.log: sentences to the eye, one message a line; the one upgrade
        // among first installs must not go with them
        let window = "Preparing to unpack .../045-libbrotli-dev_1.0.9-2+b6_amd64.deb ...\r\nUnpacking libbrotli-dev:amd64 (1.0.9-2+b6) ...\r\nSelecting previously unselected package libbz2-dev:amd64.\r\nPreparing to unpack .../046-libbz2-dev_1.0.8-5+b1_amd64.deb ...\r\nUnpacking libbz2-dev:amd64 (1.0.8-5+b1) ...\r\nSelecting previously unselected package libllvm14:amd64.\r\nPreparing to unpack .../047-libllvm14_1%3a14.0.6-12_amd64.deb ...\r\nUnpacking libllvm14:amd64 (1:14.0.6-12) ...\r\nSelecting previously unselected package libclang-cpp14.\r\nPreparing to unpack .../048-libclang-cpp14_1%3a14.0.6-12_amd64.deb ...\r\nUnpacking libclang-cpp14 (1:14.0.6-12) ...\r\nPreparing to unpack .../049-libnss3_2%3a3.87.1-1+deb12u2_amd64.deb ...\r\nUnpacking libnss3:amd64 (2:3.87.1-1+deb12u2) over (2:3.87.1-1+deb12u1) ...\r\nSelecting previously unselected package nss-plugin-pem:amd64.\r\n";
        assert!(!is_document(window));
        let c = compress(window, &opts(None));
        assert!(c.text.contains("Unpacking libnss3:amd64 (2:3.87.1-1+deb12u2) over (2:3.87.1-1+deb12u1) ..."), "{}", c.text);
        // the same lines as paragraphs are a document's
        assert!(is_document(&window.replace("...\r\nSelecting", "...\r\n\r\nSelecting")));
    }

    #[test]
    fn a_dump_of_fields_under_headings_is_no_document() {
        // the INFO part of a Redis crash report: each value is read, none is a sentence to cut
        let dump = "# Stats\ntotal_connections_received:8102\ntotal_commands_processed:17007\ninstantaneous_ops_per_sec:10254\nrejected_connections:0\nexpired_keys:0\n\n# Replication\nrole:master\nconnected_slaves:0\nmaster_repl_offset:0\n\n# CPU\nused_cpu_sys:0.246113\nused_cpu_user:0.330880\n";
        assert!(!is_document(dump));
        let c = compress(dump, &opts(None));
        for l in dump.lines() {
            assert!(c.text.lines().any(|k| k == l), "{l}: {}", c.text);
        }
        // a document that shows a few settings among its prose stays one
        let doc = "# Setup\n\nSet the options below before you start the server, then restart it.\n\nport=6379\nbind=127.0.0.1\n\n# Usage\n\nConnect with the client and run the commands you need, one by one.\n";
        assert!(is_document(doc));
    }

    #[test]
    fn keeps_structure_and_warnings_verbatim() {
        let text = doc();
        let c = compress(&text, &opts(None));
        for must in [
            "# Tool",
            "## Install",
            "## Options",
            "WARNING: never run this as root.",
            "```sh\nrun --fast /etc/tool.conf\n```",
        ] {
            assert!(c.text.contains(must), "{must} missing:\n{}", c.text);
        }
        assert!(c.text.len() < text.len() * 7 / 10, "{}", c.text);
        let orig: Vec<&str> = text.lines().collect();
        for l in c.text.lines().filter(|l| !l.starts_with("[hr ")) {
            assert!(orig.contains(&l), "not verbatim: {l}");
        }
    }

    #[test]
    fn marker_ranges_cover_exactly_the_cut_lines() {
        let text = doc();
        let c = compress(&text, &opts(None));
        let orig: Vec<&str> = text.lines().collect();
        let mut rebuilt: Vec<&str> = Vec::new();
        let mut spans = c.spans.iter();
        for l in c.text.lines() {
            if l.starts_with("[hr ") {
                let s = spans.next().unwrap();
                rebuilt.extend(&orig[s.start - 1..s.end]);
            } else {
                rebuilt.push(l);
            }
        }
        assert_eq!(rebuilt, orig);
    }

    #[test]
    fn a_titled_man_page_keeps_its_mixed_case_subsections() {
        // `npm help install`: one all-caps section, then subsections in mixed case
        let mut text = String::from("NPM-INSTALL(1)        NPM-INSTALL(1)\n\nNAME\n       npm-install - Install a package\n\n");
        for i in 0..12 {
            text.push_str(&format!("   Topic number {i}\n       This paragraph explains topic {i} at some length, with words that\n       carry on for a while so that the section has prose to fold.\n       And a second sentence about the topic, ordinary and plain.\n"));
            // enough prose after the first sentence that a cut pays for its marker
            text.push_str(
                &"       More of the same plain words about the topic, said again.\n".repeat(6),
            );
            text.push('\n');
        }
        let c = compress(&text, &opts(None));
        for i in 0..12 {
            assert!(
                c.text.contains(&format!("   Topic number {i}\n")),
                "{}",
                c.text
            );
        }
        assert!(c.text.contains("[hr "), "{}", c.text);
    }

    #[test]
    fn man_page_headers_and_options_stay() {
        let mut text = String::from("LS(1)    User Commands    LS(1)\n\nNAME\n       ls - list directory contents\n\nDESCRIPTION\n");
        for i in 0..20 {
            text.push_str(&format!("       -{}, --option-{i}\n              does thing number {i} to the listing of the files in the directory.\n              More words about it here, ordinary and plain.\n\n", (b'a' + i as u8) as char));
        }
        text.push_str("   Subsection\n       Plain text here.\n\nSEE ALSO\n       dir(1)\n");
        let c = compress(&text, &opts(None));
        for must in [
            "NAME",
            "DESCRIPTION",
            "SEE ALSO",
            "   Subsection",
            "       -c, --option-2",
            "LS(1)    User Commands    LS(1)",
        ] {
            assert!(c.text.contains(must), "{must} missing:\n{}", c.text);
        }
    }

    /// A markdown document: a heading, a sentence and a `js` code block of `body` from line 5.
    fn js_doc(body: impl Iterator<Item = String>) -> String {
        let mut text = String::from(
            "# Code\n\nThis example shows how the modules are loaded one after another.\n\n```js\n",
        );
        text.extend(body);
        text.push_str("```\n");
        text
    }

    #[test]
    fn large_code_blocks_fold_small_ones_may_stay() {
        let text = js_doc((0..30).map(|i| format!("const v{i} = require('m{i}');\n")));
        let c = compress(&text, &opts(None));
        assert!(c.text.ends_with("[hr js code block, 32 lines · hr expand abcdef012345 --lines 5-36]\n"), "{}", c.text);
    }

    #[test]
    fn warnings_inside_large_code_blocks_stay() {
        let text = js_doc(
            (0..30)
                .map(|i| format!("const v{i} = require('m{i}');\n"))
                .chain(["process.emitWarning('MY_WARNING');\n".to_string()])
                .chain((0..30).map(|i| format!("const w{i} = require('n{i}');\n"))),
        );
        let c = compress(&text, &opts(None));
        assert!(
            c.text
                .contains("```js\n[hr 30 lines of code · hr expand abcdef012345 --lines 6-35]"),
            "{}",
            c.text
        );
        assert!(
            c.text.contains(
                "\nprocess.emitWarning('MY_WARNING');\n[hr 30 lines of code L37-66]\n```\n"
            ),
            "{}",
            c.text
        );
    }

    #[test]
    fn help_output_keeps_usage_lead_and_rows() {
        let mut text = String::from("Usage: tool [OPTIONS] FILE...\n       tool --list\nCopy the files somewhere safe, with care and some checks.\n\nCommands:\n  copy - copy the files\n  list   list the files\n\nOptions:\n");
        for i in 0..30 {
            text.push_str(&format!("  --opt-{i}    does thing {i} to each file.\n                 The longer story of thing {i}, which goes on for a while here.\n                 And on, with detail number {i} that nobody reads the first time.\n"));
            text.push_str(
                &"                 More detail, the same for every option, said again.\n".repeat(5),
            );
        }
        let c = compress(&text, &opts(None));
        for must in [
            "Usage: tool [OPTIONS] FILE...\n       tool --list\nCopy the files somewhere safe",
            "  copy - copy the files",
            "  list   list the files",
            "Options:",
            "  --opt-29    does thing 29",
        ] {
            assert!(c.text.contains(must), "{must} missing:\n{}", c.text);
        }
        assert!(c.spans.len() > 1);
    }

    /// The characters of the original lines each marker stands for.
    fn folded_chars(text: &str, c: &Compressed) -> Vec<usize> {
        let orig: Vec<&str> = text.lines().collect();
        c.spans
            .iter()
            .map(|s| orig[s.start - 1..s.end].iter().map(|l| l.len() + 1).sum())
            .collect()
    }

    #[test]
    fn a_gap_pays_for_its_marker() {
        // options with short descriptions (two lines, ~200 characters: worth less than a gap)
        // between options with long ones
        let mut text = String::from(
            "TOOL(1)    User Commands    TOOL(1)\n\nNAME\n       tool - do things\n\nOPTIONS\n",
        );
        for i in 0..20 {
            text.push_str(&format!("       --option-{i}\n"));
            if i % 2 == 0 {
                text.push_str(&format!("              Short story of option {i}, which sets the way the tool treats\n              its input files when they are read and written back later.\n\n"));
            } else {
                for k in 0..10 {
                    text.push_str(&format!("              Line {k} of the long story of option {i}, which goes on and on.\n"));
                }
                text.push('\n');
            }
        }
        let c = compress(&text, &opts(None));
        assert!(!c.spans.is_empty(), "{}", c.text);
        for (span, chars) in c.spans.iter().zip(folded_chars(&text, &c)) {
            assert!(
                chars >= MIN_GAP_CHARS,
                "{span:?} folds only {chars} characters:\n{}",
                c.text
            );
        }
        for i in (0..20).step_by(2) {
            assert!(
                c.text.contains(&format!("Short story of option {i},")),
                "{}",
                c.text
            );
        }
        // plain lines are counted, with no other words (the first marker names them lines)
        assert!(c.text.contains("\n[hr 10 L"), "{}", c.text);
        assert!(c.text.contains("\n[hr 10 lines · hr expand "), "{}", c.text);
        assert!(!c.text.contains(" of text"), "{}", c.text);
    }

    fn filler_doc(middle: &str) -> String {
        let para = "The tool reads the files and writes the files back, and it does so again and again in the same plain way, with the same plain words each time it is described here.\n\n";
        let mut text = String::from(
            "# Tool\n\nThe tool copies files from one place to another, safely.\n\n## Details\n\n",
        );
        text.push_str(&para.repeat(8));
        text.push_str(middle);
        text.push_str("\n\n");
        text.push_str(&para.repeat(8));
        text.push_str("## End\n\nThat is all there is to say about the tool and its files.\n");
        text
    }

    #[test]
    fn a_short_unit_between_two_cuts_goes_with_them() {
        // a short, unusual (high bits per word) line between two long runs of low-value prose:
        // cutting it costs less than a second marker
        let text = filler_doc("Zebra quokka 7f3a9 xylophone.");
        let c = compress(&text, &opts(None));
        assert_eq!(c.spans.len(), 1, "{}", c.text);
        assert!(!c.text.contains("Zebra quokka"), "{}", c.text);
        assert!(c.text.contains("## Details\n") && c.text.contains("## End\n"));
    }

    #[test]
    fn structure_between_two_cuts_stays() {
        for middle in [
            "### Zebra quokka",
            "  --zebra-quokka    do it",
            "WARNING: zebra quokka.",
        ] {
            let text = filler_doc(middle);
            let c = compress(&text, &opts(None));
            assert!(
                c.text.contains(&format!("\n{middle}\n")),
                "{middle}:\n{}",
                c.text
            );
            assert_eq!(c.spans.len(), 2, "{}", c.text);
        }
    }

    #[test]
    fn a_markdown_lead_in_goes_with_the_block_it_introduces() {
        let mut text = String::from("# Tool\n\nThe tool copies files from one place to another, safely.\n\n## Use\n\nHere is an example:\n\n```js\n");
        for i in 0..12 {
            text.push_str(&format!("copy('a{i}', 'b{i}');\n"));
        }
        text.push_str("```\n\nThe output is:\n\n### Result\n\nThe files are where they should be, all of them.\n");
        let c = compress(&text, &opts(None));
        // the lead-in and the folded code block: one marker from the lead-in on
        assert!(!c.text.contains("Here is an example:"), "{}", c.text);
        assert!(
            c.text
                .contains("\n[hr 16 lines · hr expand abcdef012345 --lines 7-22]"),
            "{}",
            c.text
        );
        // a lead-in before kept structure stays: it is not cut without what follows it
        assert!(
            c.text.contains("The output is:\n\n### Result\n"),
            "{}",
            c.text
        );
        // in --help output (no markdown headings) such a line titles a section and stays
        let mut help = String::from("Usage: tool [OPTIONS]\n\nExamples:\n");
        for i in 0..12 {
            help.push_str(&format!(
                "  tool copy a{i} b{i}    copies the file a{i} to b{i}, with checks and care.\n"
            ));
        }
        let c = compress(&help, &opts(None));
        assert!(c.text.contains("\nExamples:\n"), "{}", c.text);
    }

    #[test]
    fn labels_are_words_not_fences() {
        assert!(label("Options:"));
        assert!(label("Configuration options:"));
        assert!(!label(":::"));
        assert!(!label("- item:"));
        assert!(!label("  indented:"));
    }

    #[test]
    fn a_warning_word_in_example_data_does_not_split_a_code_block() {
        let text = js_doc((0..12).map(|i| format!("  item{i}: {{hello: 'Danger'}},\n")));
        let c = compress(&text, &opts(None));
        assert_eq!(c.spans.len(), 1, "{}", c.text);
        assert!(
            c.text
                .contains("[hr js code block, 14 lines · hr expand abcdef012345 --lines 5-18]"),
            "{}",
            c.text
        );
    }

    #[test]
    fn tight_budget_keeps_the_earliest_structure() {
        let text = doc();
        let c = compress(&text, &opts(Some(60)));
        assert!(c.text.starts_with("# Tool\n"), "{}", c.text);
        assert!(
            c.text.contains("headings, options or warnings"),
            "{}",
            c.text
        );
    }

    #[test]
    fn code_and_logs_are_not_documents() {
        let mut py = String::from("import os\n\n");
        for i in 0..40 {
            py.push_str(&format!("def f{i}(x):\n    \"\"\"Return the value of x plus {i}, as documented.\"\"\"\n    return x + {i}\n\n"));
        }
        assert!(!is_document(&py));
        let log: String = (0..50)
            .map(|i| format!("2024-01-02 10:00:{i:02} INFO worker {i} started job\n"))
            .collect();
        assert!(!is_document(&log));
        assert!(is_document(&doc()));
    }

    #[test]
    fn rst_titles_are_headings() {
        let mut text = String::from("Title\n=====\n\nIntro sentence about the tool and what it does.\n\nSection\n~~~~~~~\n\n");
        for i in 0..30 {
            text.push_str(&format!("Paragraph {i} says the same general things about the tool again, padding it out.\n\n"));
        }
        text.push_str("Other\n-----\n\nThe end of it all, with nothing new to say here.\n");
        let c = compress(&text, &opts(None));
        for must in ["Title\n=====\n", "Section\n~~~~~~~\n", "Other\n-----\n"] {
            assert!(c.text.contains(must), "{must} missing:\n{}", c.text);
        }
        assert!(c.text.len() < text.len() * 7 / 10);
    }

    #[test]
    fn deterministic() {
        let text = doc();
        assert_eq!(compress(&text, &opts(None)), compress(&text, &opts(None)));
        assert_eq!(
            compress(&text, &opts(Some(500))),
            compress(&text, &opts(Some(500)))
        );
    }

    #[test]
    fn budget_is_met_by_priority() {
        let text = doc();
        let c = compress(&text, &opts(Some(400)));
        assert!(c.text.len() <= 600, "{}", c.text);
        assert!(c.text.contains("WARNING: never run this as root."));
    }
}
