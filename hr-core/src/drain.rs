//! Template mining in the style of Drain (He et al., ICWS 2017), tuned to never merge a rare
//! event into a frequent one.
//!
//! Each line is split into whitespace tokens and masked (`mask::mask_log_token`: numbers, hex
//! ids, IPs, paths, quoted values). Lines with the same masked shape are the same template; a
//! shape seen before is found with one hash lookup, which keeps the common case fast. A new
//! shape is compared with the templates of the same token count. Unlike Drain, which merges any
//! line that is similar enough, a line joins a template only when it differs from it in at most
//! one or two literal tokens, and a token position turns into a wildcard only after it has held
//! several distinct values. Every line that differs from its template in a word at a position
//! that is not yet a wildcard is reported as a variant, so the caller keeps it verbatim: a rare
//! event that happens to look like a frequent one is never hidden. A value with digits in place
//! of another (a device, a version, an id) is no new word, as Drain reads any token with digits
//! as a variable.

use crate::hash::{FxHashMap, FxHashSet};
use crate::mask::mask_log_token;

/// A position becomes a wildcard once it has held this many distinct values.
const WILDCARD_AFTER: usize = 16;
/// A position that has held this many values holds arguments when they turn over (a new one
/// came with at least one line in `TURNOVER` of the template's): `egg_info for package mozfile`
/// names one of many packages, each once. Values that recur are states (`job 7 state running`:
/// pending, scheduled, running, completed, again and again), and a rare one among them (`state
/// preempted`) is an event: they hold arguments only from `RECURRING_ARGUMENT_AFTER` values. A
/// record's fields are judged as they come; a plain line's one new word over the whole log
/// (`Miner::names_at`).
pub(crate) const ARGUMENT_AFTER: usize = 5;
const TURNOVER: usize = 4;
/// Words in capitals noted at a position of a template (see `Miner::note_capitals`): past them
/// the position holds names, whatever turns over.
const CAPITALS_NOTED: usize = 1024;
const RECURRING_ARGUMENT_AFTER: usize = 8;
/// In a record (see `Miner::add_record`) a position becomes a wildcard sooner.
const WILDCARD_AFTER_LONG: usize = 4;
/// how many of a line's first tokens key its event, as in Drain's tree: drain3's default depth
/// of 4 is its root, the token count, one token and the leaf. A value there that holds a word
/// apart from its digits names the event (see `another_key`), and so does, in a record, any
/// word without digits; past it, a word is compared as Drain compares a cluster's words
/// (`Running org.jscep.client.ClientTest` after `Running org.jscep.asn1.OidTest`: one more test)
const KEYED_TOKENS: usize = 1;
/// A position that holds quoted texts of several words becomes a wildcard later: Drain splits a
/// text into its words, and reads two texts of other words as two events however many there
/// are (what a traced program read and wrote: 200 module docstrings written in turn, each once).
/// A bound all the same, on the values a template compares a new shape with.
const WILDCARD_AFTER_TEXT: usize = 1024;
/// Templates compared per token count: bounds the work on input where every line is new.
const GROUP_CAP: usize = 128;
/// Shapes remembered for the fast path: bounds memory on input where every line is new.
const CACHE_CAP: usize = 200_000;
/// Templates kept with their tokens; later new shapes share one catch-all template, which is
/// never matched, so their lines are all reported new (kept) rather than merged.
const TEMPLATE_CAP: usize = 100_000;
/// What a string the miner keeps costs beyond its bytes: its pointer, its allocation's rounding
/// and its share of a map's table.
const HELD_OVERHEAD: usize = 48;
/// Tokens a line may have to be mined; longer lines compare by their first tokens only.
const MAX_TOKENS: usize = 64;
/// Room a mask's buffers take at once: as much text as most lines mask to, and as many tokens.
const TEXT_ROOM: usize = 256;
const TOKENS_ROOM: usize = 24;

/// Lines with at least this many tokens are treated as records too.
const LONG_RECORD: usize = 24;

/// What the miner made of a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Seen {
    /// the first line of a new template
    New,
    /// a template seen before, with a literal token it had not shown yet
    Variant,
    /// a shape seen before, or one that differs only at wildcard positions
    Known,
}

pub struct Template {
    tokens: Vec<Box<str>>,
    /// whether each token is a value (`is_value`), asked once: every new shape of the
    /// template's length is compared with it
    valued: Vec<bool>,
    wild: Vec<bool>,
    /// distinct values seen at positions that varied but are no wildcards yet
    values: Vec<Varied>,
    pub count: usize,
}

/// The values a position of a template held, while it is no wildcard.
struct Varied {
    at: usize,
    vals: Vec<Box<str>>,
    /// whether one of them is a quoted text of several words
    texts: bool,
}

/// What mining one line found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mined {
    pub template: u32,
    pub seen: Seen,
    /// the line's masked shape, for `Miner::shape_count` (`None` past `CACHE_CAP`); in a plain
    /// line its values are one (see `is_value`), and so is what stands at its template's
    /// wildcards past the tokens that key it, but in a warning or an error
    pub shape: Option<u32>,
    /// how many whitespace-separated words the line has. A quoted value is one token to the
    /// miner (but for a record's message), whatever its words; Drain, which splits at every
    /// space, groups lines by this number before it compares them.
    pub words: u32,
    /// for a variant of a record that differs from its template only at positions that have
    /// held many values (`ARGUMENT_AFTER`: arguments, not one of a handful of states), the
    /// index of the first of them; for a variant of a plain line that differs in one word (not
    /// a state's name nor a text; values in place of values aside), that word's index, which
    /// `Miner::names_at` judges once the whole log is mined (`usize::MAX` otherwise)
    pub changed_at: usize,
    /// for a variant of a record whose quoted text brought a word its field had not shown
    /// (see `brings_a_word`), that field's index (`NO_TEXT` otherwise): whether it is another
    /// event or one more name is known only once the whole input is mined (`Miner::names_at`)
    pub text_at: u8,
    /// for a variant of a plain line, the positions (bits, below `MAX_TOKENS`) where it
    /// brought a word its template had not held there: `Miner::wild_at_all` says once the whole
    /// log is mined whether they were all values, as Drain reads a position that held many
    pub varied: u64,
    /// for a plain line, where it brought a word in capitals its template had not held there
    /// (`Entering FAULT STATE` after `BACKUP` and `MASTER`; see `in_capitals`), whether the miner
    /// reads it as a value or another word; `NO_TEXT` otherwise. The first time a log reaches a
    /// state is an event, however often it recurs later, if the words there are states in the
    /// whole log (`Miner::states_at`)
    pub state_at: u8,
    /// whether at least half the words of a line of several are bytes in hex (a dump's `0050:
    /// 37 0C 44 DF 7F A1`), a quoted value counting as one word that is none: values to this
    /// miner, words to Drain where a letter is in them, as it masks only a number that stands
    /// alone. Counted as the line is masked, which reads its words anyway: a scan of its own
    /// cost 7% of a large log's time
    pub mostly_bytes: bool,
}

/// Where a variant differs from its template (see the fields of `Mined` of the same names).
struct Change {
    changed_at: usize,
    text_at: u8,
    varied: u64,
    state_at: u8,
}

impl Change {
    const NONE: Change = Change { changed_at: usize::MAX, text_at: NO_TEXT, varied: 0, state_at: NO_TEXT };
}

/// Words a line needs before it is read as `Mined::mostly_bytes`: a shorter line is short.
const BYTES_WORDS: usize = 4;

/// `Mined::text_at` of a line with no new text.
pub const NO_TEXT: u8 = u8::MAX;

#[derive(Default)]
pub struct Miner {
    /// each masked shape seen: its template and its index in `shape_counts`
    cache: FxHashMap<Box<str>, (u32, u32)>,
    /// how many lines had each shape
    shape_counts: Vec<u32>,
    /// each shape's index in `shape_counts`: a plain line's masked shape with its values (see
    /// `is_value`) made one, so `status installed pkg0:amd0 0.0-0` recurs whatever the package
    shapes: FxHashMap<Box<str>, u32>,
    groups: FxHashMap<usize, Vec<u32>>,
    pub templates: Vec<Template>,
    /// the line being mined, masked
    masked: Masked,
    /// whether the line being mined is a record (see `add_record`)
    record: bool,
    /// whether the line being mined is a warning or an error (see `add_warning`)
    names_in_shape: bool,
    /// whether the line being mined is a line of strace output, whose constants past its first
    /// token are arguments (see `value_for_value`); known only for a shape not seen before
    syscall: bool,
    /// the words that opened plain lines, per token count, up to `OPENING_WORDS` of each (see
    /// `names_a_subject`)
    opening_words: FxHashMap<usize, FxHashSet<Box<str>>>,
    /// bytes of templates, their values and the shape caches, about, and the most they may take
    /// (`None`: no limit). The caps above bound them only to hundreds of MB, more than the
    /// memory bound leaves for an input of tens of MB whose every line is new.
    held: usize,
    room: Option<usize>,
    /// the template that every new shape goes to once the templates are full
    catch_all: Option<u32>,
    /// words in capitals seen in place of a template's own, where the miner reads them as
    /// values (see `Mined::state_at`), by template and position, as hashes: kept apart from the
    /// values a template learns, which turn a position into a wildcard and would make a new
    /// word there (`zone quarantined` among twenty zone codes) a known one
    capitals: FxHashMap<(u32, u8), FxHashSet<u64>>,
}

impl Miner {
    /// A miner that keeps at most about `room` bytes of templates and shapes; past them, a new
    /// shape is no longer remembered and its line is reported new (kept), as past the caps.
    pub fn within(room: usize) -> Miner {
        Miner {
            room: Some(room),
            ..Miner::default()
        }
    }

    fn full(&self) -> bool {
        self.room.is_some_and(|room| self.held > room)
    }

    /// Mine one line: its template, and whether the line shows something new.
    pub fn add(&mut self, line: &str) -> Mined {
        self.add_plain(line, false)
    }

    /// Mine a warning or an error: what stands at its template's wildcards stays in its shape
    /// (see `Mined::shape`), for another name there gives another reason.
    pub fn add_warning(&mut self, line: &str) -> Mined {
        self.add_plain(line, true)
    }

    fn add_plain(&mut self, line: &str, names_in_shape: bool) -> Mined {
        self.record = false;
        self.names_in_shape = names_in_shape;
        self.add_masked(line)
    }

    /// Mine one record of a structured log (a JSON-lines record, an access-log or column-log
    /// line): a new value with digits in one of its fields is a value, not a new event, and a
    /// field with a handful of values (a method, a client) soon becomes a wildcard.
    pub fn add_record(&mut self, line: &str) -> Mined {
        self.record = true;
        self.add_masked(line)
    }

    fn add_masked(&mut self, line: &str) -> Mined {
        self.masked.fill(line, self.record);
        self.mine_masked(line)
    }

    /// Mine a plain line (see `add`) masked already, on another thread (`Masked::fill`, not as
    /// a record); `masked` is left with the buffers of the line mined before.
    pub fn add_premasked(&mut self, line: &str, masked: &mut Masked, names_in_shape: bool) -> Mined {
        self.record = false;
        self.names_in_shape = names_in_shape;
        std::mem::swap(&mut self.masked, masked);
        self.mine_masked(line)
    }

    /// Mine the line in `self.masked`.
    fn mine_masked(&mut self, line: &str) -> Mined {
        // (a u32 keeps `Mined` within 32 bytes: returned on every line, a larger one measured
        // 10% slower on JSON-lines logs)
        let words = self.masked.words.min(u32::MAX as usize) as u32;
        let mostly_bytes = self.masked.words >= BYTES_WORDS && 2 * self.masked.bytes >= self.masked.words;
        self.record |= self.masked.toks.len() >= LONG_RECORD;
        if let Some(&(id, shape)) = self.cache.get(self.masked.text.as_str()) {
            self.templates[id as usize].count += 1;
            self.shape_counts[shape as usize] += 1;
            let changed_at = usize::MAX;
            return Mined { template: id, seen: Seen::Known, shape: Some(shape), words, changed_at, text_at: NO_TEXT, varied: 0, state_at: NO_TEXT, mostly_bytes };
        }
        self.syscall = !self.record && crate::logline::is_strace(line);
        let (id, seen, Change { changed_at, text_at, varied, state_at }) = self.place();
        let shape = (self.cache.len() < CACHE_CAP && !self.full()).then(|| {
            let key = self.shape_key(id);
            self.held += key.len() + self.masked.text.len() + 3 * HELD_OVERHEAD;
            let next = self.shape_counts.len() as u32;
            let shape = *self.shapes.entry(key.into()).or_insert(next);
            if shape == next {
                self.shape_counts.push(0);
            }
            self.shape_counts[shape as usize] += 1;
            self.cache.insert(self.masked.text.as_str().into(), (id, shape));
            shape
        });
        self.templates[id as usize].count += 1;
        Mined { template: id, seen, shape, words, changed_at, text_at, varied, state_at, mostly_bytes }
    }

    /// Whether the texts at position `at` of template `template` turned over in the end: a new
    /// one came with at least one line in `TURNOVER` of the template's, from `ARGUMENT_AFTER`
    /// texts (pods, each named once), or so many came that the position is a wildcard. They are
    /// names, and a new one is one more; texts that recur (a handful of commands, again and
    /// again) are events, and a new one among them is another event.
    pub fn names_at(&self, template: u32, at: u8) -> bool {
        let t = &self.templates[template as usize];
        let at = at as usize;
        match t.values.iter().find(|v| v.at == at) {
            Some(v) => turns_over(v.vals.len(), t.count),
            None => t.wild.get(at).copied().unwrap_or(false),
        }
    }

    /// Whether the values at position `at` of template `template` recur in the whole log, as
    /// the states a thing goes through do (see `turns_over`), and are few, as states are: no
    /// more than make a position a wildcard (676 codes that recur are names).
    pub fn states_at(&self, template: u32, at: u8) -> bool {
        let t = &self.templates[template as usize];
        // (the values a template learnt there, its own word first, and the words in capitals
        // that stood in place of it)
        let values = t.values.iter().find(|v| v.at == at as usize).map(|v| v.vals.len());
        let capitals = self.capitals.get(&(template, at)).map(FxHashSet::len);
        let wild = t.wild.get(at as usize).copied().unwrap_or(true);
        let n = values.unwrap_or(1) + capitals.unwrap_or(0);
        !wild && (values.is_some() || capitals.is_some()) && n <= WILDCARD_AFTER && !turns_over(n, t.count)
    }

    /// Whether every position in `varied` (see `Mined::varied`) of template `template` held
    /// so many values in the whole log that it is a wildcard: a variant that differs from its
    /// template's first line only there shows values, however many words it changed (each
    /// account a translation is missing for, in three words or two).
    pub fn wild_at_all(&self, template: u32, varied: u64) -> bool {
        let wild = &self.templates[template as usize].wild;
        varied != 0 && (0..64).filter(|p| varied >> p & 1 == 1).all(|p| wild.get(p).copied().unwrap_or(false))
    }

    /// Whether position `p` of template `template` has held more than one token, or lies past
    /// them: Drain makes such a position a wildcard, which no longer counts toward a line's
    /// similarity (see `drain_merges`).
    pub fn varied_at(&self, template: u32, p: usize) -> bool {
        let t = &self.templates[template as usize];
        t.wild.get(p).copied().unwrap_or(true) || t.values.iter().any(|v| v.at == p)
    }

    /// How many tokens template `template` has.
    pub fn tokens_in(&self, template: u32) -> usize {
        self.templates[template as usize].tokens.len()
    }

    /// How many lines had masked shape `shape` (see `Mined::shape`): a variant whose shape
    /// recurs is a value that recurs, not a rare event.
    pub fn shape_count(&self, shape: u32) -> usize {
        self.shape_counts[shape as usize] as usize
    }

    /// The current line's shape, once placed in `template` (see `Mined::shape`).
    fn shape_key(&self, template: u32) -> String {
        if self.record {
            return self.masked.text.clone();
        }
        // what stands where the template has a wildcard is one of many (`status unpacked
        // <pkg> 0.0`, whatever the package), past the tokens that key an event
        let wild = &self.templates[template as usize].wild;
        let mut key = String::with_capacity(self.masked.text.len());
        for p in 0..self.masked.toks.len() {
            let tok = self.masked.token(p);
            if !self.names_in_shape && p >= KEYED_TOKENS && wild.get(p).copied().unwrap_or(false) {
                key.push('\0');
            } else if is_value(tok) {
                key.push('\0');
                if p < KEYED_TOKENS {
                    // a value that holds a word names the event there (see `another_key`)
                    words_of(tok).for_each(|w| key.push_str(w));
                }
            } else if let Some(name) = self.constants_at(p).then(|| constant_argument(tok)).flatten() {
                // a constant stands for another given to the same call or field (`value_for_value`)
                key.push_str(name);
                key.push('\u{1}');
            } else {
                key.push_str(tok);
            }
            key.push(' ');
        }
        key
    }

    /// Whether a constant at token `p` of the current line is an argument (see `value_for_value`).
    fn constants_at(&self, p: usize) -> bool {
        self.syscall && p > 0
    }

    /// Finds the template of a shape not seen before, or starts one; for a variant, also where
    /// it first differs.
    // only a shape not seen before gets here: kept out of the fast path of `add_masked`
    #[inline(never)]
    fn place(&mut self) -> (u32, Seen, Change) {
        let n = self.masked.toks.len();
        let max_diff = words_may_differ(n);
        // a record's message, read word by word, differs as a plain line of its words may: a
        // few words among a record's many fields may be all of what it says (journald's
        // `MESSAGE` among twenty fields of its own)
        let said = if self.record { self.masked.message_words.iter().filter(|w| **w != MessageWord::No).count() } else { 0 };
        let max_said_diff = words_may_differ(said);
        let mut best: Option<(usize, usize, u32)> = None; // (diff, -literal matches, id)
        // the words that key a line (see `names_a_subject`): this line's, once, and a template's
        // on each comparison
        let keyed = !self.record && n > 0 && {
            let words = self.opening_words.entry(n).or_default();
            let w = self.masked.token(0);
            if words.len() < OPENING_WORDS && !words.contains(w) {
                words.insert(w.into());
            }
            words.contains(w) && names_a_subject(w)
        };
        let opening_words = self.opening_words.get(&n).filter(|_| keyed);
        let mut line_values = LineValues(vec![None; n]);
        if let Some(group) = self.groups.get(&n) {
            for &id in group {
                let t = &self.templates[id as usize];
                let (mut diff, mut same, mut said_diff) = (0, 0, 0);
                // from the last token: lines of one length share their header (time, pid,
                // level, tag) and differ in their message, so a comparison that fails fails
                // sooner (logcat: 16% fewer instructions). The verdict is the same from either
                // end: each position is read on its own, and any break is a rejection
                for p in (0..n).rev() {
                    if t.wild[p] {
                        continue;
                    }
                    let (a, b) = (&*t.tokens[p], self.masked.token(p));
                    if a == b {
                        same += 1;
                    } else if p < KEYED_TOKENS && (another_key(a, b, || t.valued[p] && line_values.at(p, b)) || self.record && !a.contains('0') && !b.contains('0'))
                        || p == 0 && opening_words.is_some_and(|w| w.contains(a) && names_a_subject(a))
                    {
                        // Drain's tree keys these apart: never a variant of this template. In
                        // a record (its fields in the order of their names), any first word
                        // without digits is a key: a git trace2 event's `category=chunkfile`
                        // after five other categories is no sixth value of a field
                        diff = max_diff + 1;
                        break;
                    } else if !self.record && value_in_place_of(a, b, || t.valued[p] && line_values.at(p, b), self.constants_at(p)) {
                        // a value in place of a value: Drain's variable, no difference
                    } else {
                        // a message's first word says what happened, as a call's name does in
                        // strace (`write(2,` is not `read(3,`): another one is another event
                        if self.masked.message_words[p] != MessageWord::No {
                            said_diff += 1;
                        }
                        let names_another = self.masked.names_the_event_at(p, self.record)
                            || (self.constants_at(p) && another_call(a, b))
                            || said_diff > max_said_diff;
                        diff += if names_another {
                            max_diff + 1
                        } else {
                            1
                        };
                        if diff > max_diff {
                            break;
                        }
                    }
                }
                // most of the line must match literally, so wildcards cannot swallow everything
                if diff <= max_diff && same * 2 >= n {
                    let key = (diff, n - same, id);
                    if best.map_or(true, |b| key < b) {
                        best = Some(key);
                    }
                }
            }
        }
        match best {
            Some((0, _, id)) => (id, Seen::Known, Change { state_at: self.note_capitals(id), ..Change::NONE }),
            Some((_, _, id)) => {
                // a new word is a new event (`portmap startup succeeded`); a new value that
                // carries digits (an id, a size, a version, a device) is only a value
                let (new_word, change) = self.learn(id as usize);
                if new_word {
                    (id, Seen::Variant, change)
                } else {
                    (id, Seen::Known, Change { state_at: change.state_at, ..Change::NONE })
                }
            }
            None if self.templates.len() >= TEMPLATE_CAP || self.full() => {
                let id = *self.catch_all.get_or_insert_with(|| {
                    self.templates.push(Template {
                        tokens: Vec::new(),
                        valued: Vec::new(),
                        wild: Vec::new(),
                        values: Vec::new(),
                        count: 0,
                    });
                    self.templates.len() as u32 - 1
                });
                (id, Seen::New, Change::NONE)
            }
            None => {
                let id = self.templates.len() as u32;
                self.held += self.masked.text.len() + n * (HELD_OVERHEAD + 2) + HELD_OVERHEAD;
                let tokens: Vec<Box<str>> = (0..n).map(|p| self.masked.token(p).into()).collect();
                self.templates.push(Template {
                    valued: tokens.iter().map(|t| is_value(t)).collect(),
                    tokens,
                    wild: vec![false; n],
                    values: Vec::new(),
                    count: 0,
                });
                let group = self.groups.entry(n).or_default();
                if group.len() < GROUP_CAP {
                    group.push(id);
                }
                (id, Seen::New, Change::NONE)
            }
        }
    }

    /// Where the current line, a repeat of template `id` to the miner, first brings a word in
    /// capitals its template had not held there (`NO_TEXT` if none): a value to the miner (a
    /// name, as ACPI's tables), or a state (`Entering FAULT STATE`); the whole log tells which
    /// (see `Mined::state_at`). Noted apart from the template's values, up to `CAPITALS_NOTED`
    /// words a position: past them it holds names.
    fn note_capitals(&mut self, id: u32) -> u8 {
        if self.record || self.syscall || self.room.is_some_and(|room| self.held > room) {
            return NO_TEXT;
        }
        let t = &self.templates[id as usize];
        let n = self.masked.toks.len().min(MAX_TOKENS);
        for p in 0..n {
            let tok = self.masked.token(p);
            if t.wild[p] || *t.tokens[p] == *tok || !state_word(tok) {
                continue;
            }
            let seen = self.capitals.entry((id, p as u8)).or_default();
            if seen.len() < CAPITALS_NOTED && seen.insert(crate::hash::of_text(tok)) {
                self.held += 2 * std::mem::size_of::<u64>() + HELD_OVERHEAD / 4;
                return p as u8;
            }
        }
        NO_TEXT
    }

    /// Records the values in which the current line differs from template `id`; says whether
    /// one of them makes it another event: a new word without digits (in a plain line, any
    /// word without digits, or any value where the template had a word); and where it stands
    /// when it may be an argument (see `Mined::changed_at`).
    fn learn(&mut self, id: usize) -> (bool, Change) {
        let mut new_word = false;
        let mut varied = 0u64;
        let mut text_at = NO_TEXT;
        let mut state_at = NO_TEXT;
        let mut first = None;
        // a change at a position of few values so far (a state, a keyword)
        let mut among_few = false;
        for p in 0..self.masked.toks.len() {
            let constants = self.constants_at(p);
            let tok = self.masked.token(p);
            let t = &mut self.templates[id];
            if t.wild[p] || *t.tokens[p] == *tok {
                continue;
            }
            // the template's lines before this one
            let lines = t.count;
            let slot = match t.values.iter().position(|v| v.at == p) {
                Some(i) => i,
                None => {
                    self.held += t.tokens[p].len() + 2 * HELD_OVERHEAD;
                    let texts = quoted_text(&t.tokens[p]);
                    t.values.push(Varied { at: p, vals: vec![t.tokens[p].clone()], texts });
                    t.values.len() - 1
                }
            };
            let Varied { vals, texts, .. } = &mut t.values[slot];
            let known = vals.iter().any(|v| **v == *tok);
            let text = quoted_text(tok);
            // whether the change here is one that makes a plain line a variant: a value in place
            // of another (a version, which takes a handful of shapes) says nothing of what the
            // new word is, nor where it stands
            let mut brings = self.record;
            if self.record && text {
                // a text says what its words say, digits or not: a new one is another event
                // when it brings a word its field has not shown (`chmod 777 /etc/shadow` among
                // `cat /etc/os-release`, `df -h`), not when it rearranges known ones (another
                // user agent). Whether it is an event or one more name (another pod's labels)
                // is known only when the whole input is mined (see `Miner::names_at`).
                if !known && text_at == NO_TEXT && brings_a_word(tok, vals) {
                    new_word = true;
                    text_at = p as u8; // below MAX_TOKENS
                }
            } else if self.record {
                // masking turned every digit into `0`: a value with digits is an id, a size
                new_word |= !known && !tok.contains('0');
            } else {
                // in a plain line only a value in place of another is a value (see
                // `is_value`); any other word is another event, even one shown before in
                // another combination
                brings = !value_for_value(&vals[0], tok, constants) && !values_in_text(&vals[0], tok);
                new_word |= brings;
            }
            // a record's field with a handful of values is a field, not an event name, unless it
            // holds texts: a quoted text of several words is a message more than a value, and a
            // position that holds them turns into a wildcard only after many (`read(5, "; #
            // allow caller to format refer"..., 8192)`: strace's read of a text file says what
            // was read); a record's message words are read like a plain line's
            *texts |= text;
            let limit = if self.record && self.masked.message_words[p] == MessageWord::No {
                if *texts {
                    WILDCARD_AFTER_TEXT
                } else {
                    WILDCARD_AFTER_LONG
                }
            } else if !self.record && *texts && (tok.contains('"') || tok == "/*") {
                // (a quoted value where texts stood, or one that masking made a path for the
                // URL it holds: strace's reads of binary files and of texts with URLs come
                // between its reads of texts, and would turn it into a wildcard after a few)
                WILDCARD_AFTER_TEXT
            } else {
                WILDCARD_AFTER
            };
            if !known && !self.room.is_some_and(|room| self.held > room) {
                self.held += tok.len() + HELD_OVERHEAD;
                vals.push(tok.into());
            }
            // a capitalised word is a state or a kind (`CrashLoopBackOff`, `Evicted`,
            // `FAIL_TASK_CLEANUP`), one of a set however large, where an argument is a name
            // (`mozfile`, `web-7`)
            let arguments = vals.len() >= RECURRING_ARGUMENT_AFTER || turns_over(vals.len(), lines);
            if !known && !self.record && !self.syscall && state_at == NO_TEXT && state_word(tok) {
                state_at = p as u8; // below MAX_TOKENS
            }
            if brings {
                among_few |= if self.record {
                    !arguments || names_a_state(tok)
                } else {
                    // in a plain line, whether one new word is an argument is asked of the
                    // whole log (`Miner::names_at`); a second one, a state's name or a text of
                    // other words (which Drain reads word by word) makes another event
                    // (a text that differs in one word names one argument, as a line does)
                    first.is_some() || names_a_state(tok) || (text && !one_word_apart(&vals[0], tok))
                };
                first.get_or_insert(p);
                if !self.record {
                    varied |= 1 << p; // p below MAX_TOKENS
                }
            }
            if vals.len() >= limit {
                t.wild[p] = true;
                t.values.swap_remove(slot);
            }
        }
        let changed_at = first.filter(|_| !among_few).unwrap_or(usize::MAX);
        (new_word, Change { changed_at, text_at, varied, state_at })
    }
}

/// Whether a position that has held `values` distinct values over the template's `lines` lines
/// turned them over: from `ARGUMENT_AFTER` of them, a new one came with at least one line in
/// `TURNOVER`, as names do (each package, each pod once), where states recur.
fn turns_over(values: usize, lines: usize) -> bool {
    values >= ARGUMENT_AFTER && values * TURNOVER >= lines
}

/// A quoted text of several words, as masking leaves it: a record's `command="df -h"`, a plain
/// line's `"; # allow caller"...,` or one inside a field's token (PostgreSQL's csvlog:
/// `UTC,,0,LOG,00000,"redo starts at 0/820D788",,`). A token holds a space only inside quotes.
fn quoted_text(tok: &str) -> bool {
    tok.contains(' ') && tok.contains('"')
}

/// Whether quoted text `b` differs from `a` only in values that stand in place of values, word
/// for word (`line=":KUBE-SEP-0KVHYO - [0:0]"` where `line=":KUBE-SEP-0RBRYA - [0:0]"` stood):
/// Drain reads a text word by word, and its words with digits as variables.
fn values_in_text(a: &str, b: &str) -> bool {
    quoted_text(a)
        && quoted_text(b)
        && word_pairs(a, b).is_some_and(|mut pairs| pairs.all(|(x, y)| x == y || value_for_value(x, y, false)))
}

/// Whether texts `a` and `b` have as many words and differ in one of them.
fn one_word_apart(a: &str, b: &str) -> bool {
    word_pairs(a, b).is_some_and(|pairs| pairs.filter(|(x, y)| x != y).count() == 1)
}

/// The words of `a` and `b` side by side, when they have as many.
fn word_pairs<'a>(a: &'a str, b: &'a str) -> Option<impl Iterator<Item = (&'a str, &'a str)>> {
    let words = |t: &'a str| t.split_ascii_whitespace();
    (words(a).count() == words(b).count()).then(|| words(a).zip(words(b)))
}

/// Whether a quoted text holds a word, two letters or more in any script (`rm -rf /`, `证书过期`,
/// `срок`), that none of `vals`, the texts its field held before, contains. A generated name's
/// pieces (`web-5bf8799d98-jx47p`) bring words too: such names turn over, and fold as names
/// once the whole log is read (`Miner::names_at`).
fn brings_a_word(text: &str, vals: &[Box<str>]) -> bool {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() >= 2)
        .any(|w| !vals.iter().any(|v| v.contains(w)))
}

/// `Evicted`, `OOMKilled`, `CrashLoopBackOff,`: a capitalised word of letters alone; or an enum
/// constant in capitals and underscores (`FAIL_CONTAINER_CLEANUP`, `OUT_OF_SERVICE`).
fn names_a_state(tok: &str) -> bool {
    let word = tok.trim_end_matches([',', '.', ':', ';', ')', ']']);
    word.len() >= 3 && (in_capitals(word) || word.as_bytes()[0].is_ascii_uppercase() && word.bytes().all(|b| b.is_ascii_alphabetic()))
}

/// `UP`, `FAULT`, `RUNNING.`, `OUT_OF_SERVICE`: a word in capitals (and underscores), as states
/// are often written, alone or in a field's brackets (Samba's `status[NT_STATUS_LOGON_FAILURE]`,
/// dnsmasq's `query[MX]`), and no level below a warning (`INFO`, `[DEBUG]`; a monitor's checks
/// go `WARNING` and `CRITICAL`, Icinga's `hard state change from WARNING to CRITICAL`): a word
/// that may name a state (see `Mined::state_at`).
fn state_word(tok: &str) -> bool {
    let tok = tok.trim_end_matches([',', '.', ':', ';', ')', ']']);
    let word = tok.rsplit_once(['[', '(']).map_or(tok, |(_, inside)| inside);
    in_capitals(word) && crate::logline::word_severity(word).map_or(true, |level| level >= crate::logline::Severity::Warn)
}

/// A word in capitals and underscores, two letters or more (`UP`, `OUT_OF_SERVICE,`).
fn in_capitals(tok: &str) -> bool {
    let word = tok.trim_end_matches([',', '.', ':', ';', ')', ']']);
    word.len() >= 2 && word.as_bytes()[0].is_ascii_uppercase() && word.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
}

/// Whether masked token `b` of a plain line stands where `a` stood as another value of the same
/// thing: both are values, and a value glued to a name names the same thing (`docker==2.2.1` in
/// place of `docker==2.1.0`, `port=0` of `port=0`; `backoff==1.3.2` is another package). With
/// `constants` (past the first token of a line of strace output), so is one constant given to a
/// call or a field's set in place of another (`rt_sigaction(SIGHUP,`, `sa_mask=[HUP],`): which
/// signal a handler is set for is an argument of one event, where what it is set to
/// (`sa_handler=SIG_IGN`) or which signal came (`si_signo=SIGTERM`) is the event; another call
/// is another event (`write(0,` in place of `read(0,`, see `another_call`). The first token is
/// not read so: Drain's tree keys a line's event on it, and `rt_sigaction(SIGINT, …` opening a
/// line is another event to it. Nor is an application's log: there a constant is a state it
/// names (`action=DENY` in place of `action=ALLOW`, `state=CANCELLED` of `state=RUNNING`),
/// another event. (Among a line's first tokens, `another_key` is asked first.)
fn value_for_value(a: &str, b: &str, constants: bool) -> bool {
    value_in_place_of(a, b, || is_value(a) && is_value(b), constants)
}

/// `value_for_value`, told how to learn whether both are values: `place` remembers each
/// token's answer (see `Template::valued`, `LineValues`).
fn value_in_place_of(a: &str, b: &str, both_values: impl FnOnce() -> bool, constants: bool) -> bool {
    (both_values() && field_name(a) == field_name(b) && !(constants && another_call(a, b)))
        || (constants && constant_argument(a).is_some_and(|name| constant_argument(b) == Some(name)))
}

/// Whether each token of the line `Miner::place` places is a value (`is_value`), learnt once:
/// a new shape is compared with every template of its length, and in a log of thousands of
/// events (a build's) asking again on each comparison cost most of mining.
struct LineValues(Vec<Option<bool>>);

impl LineValues {
    fn at(&mut self, p: usize, tok: &str) -> bool {
        *self.0[p].get_or_insert_with(|| is_value(tok))
    }
}

/// Distinct opening words per token count that key lines apart (see `names_a_subject`): Drain's
/// tree has at most this many children under a node; past them, a new word is one more value
/// of a list (`apt list`'s hundreds of packages), and folds like one.
const OPENING_WORDS: usize = 100;

/// Whether a word that opens a plain line names its subject (a package in dnf's table, a test
/// binary a CI job runs, a thread, the service or file a source tag names: an interleaved log is
/// mined per source): Drain's tree keys a line by its first word, so a line that opens with
/// another such word is never a variant of this template. Not a stamp's month or day, nor a
/// level: those open a header, not the line's subject.
fn names_a_subject(word: &str) -> bool {
    word.bytes().any(|c| c.is_ascii_alphabetic()) && !is_value(word) && !crate::logline::is_header_word(word)
}

/// Whether two values among a line's first tokens hold different words apart from their digits
/// (`28224:S`, `28217:M`): Drain's tree keys them apart, and a line of the one is never a
/// variant of the other's template, so its first line stays even when its shape recurs.
/// (`both_values` says whether both are values, see `value_in_place_of`.)
fn another_key(a: &str, b: &str, both_values: impl FnOnce() -> bool) -> bool {
    // (the answers `place` remembers first: this runs on each token in which a new shape
    // differs from a template)
    both_values() && !words_of(a).eq(words_of(b))
}

/// The words of letters alone that a value holds apart from its digits (`S` of Redis's
/// `28224:S`, the role of the process that wrote the line; none in `10:00:00`). None when a
/// piece mixes letters and digits (`sda1`, strace -yy's `lseek(3</usr/lib/python3.11/x.pyc>,`):
/// Drain's masking leaves such a token with digits, and its tree reads it as a variable.
fn words_of(tok: &str) -> impl Iterator<Item = &str> {
    let tok = blob_head(tok, MASKED_BYTES);
    let pieces = || tok.split(|c: char| !c.is_alphanumeric());
    let literal = pieces().all(|w| w.chars().all(char::is_alphabetic) || w.bytes().all(|b| b.is_ascii_digit()));
    pieces().filter(move |w| literal && !w.is_empty() && w.chars().all(char::is_alphabetic))
}

/// The field a `key=value` token gives a value to (`user` of `user=bob`); none where its `=` is
/// part of a comparison, as a version constraint writes one (`requests~=2.32`, `six>=1.5`,
/// `pytest==9.0`, `urllib3!=2.2.0`): a package in place of another is a value in place of a value.
fn field_name(tok: &str) -> Option<&str> {
    let i = tok.find('=')?;
    let b = tok.as_bytes();
    let compares = (i > 0 && matches!(b[i - 1], b'~' | b'<' | b'>' | b'!')) || b.get(i + 1) == Some(&b'=');
    (!compares).then(|| &tok[..i])
}

/// `rt_sigaction(SIGHUP,`, `sa_mask=[HUP],`: a name in capitals, digits and underscores, as C
/// headers spell constants, passed to a call or given to a field in a set; not one that says how
/// things went (`status=FAILED`). Gives the name of the call (`rt_sigaction(`) or of the field
/// (`sa_mask`).
fn constant_argument(tok: &str) -> Option<&str> {
    let at = tok.find(['=', '('])?;
    let name = match tok.as_bytes()[at] {
        b'(' if at == 0 => return None,
        b'(' => &tok[..=at],
        // a field holds a constant of its own (`sa_handler=SIG_IGN`, `si_code=CLD_DUMPED`): only
        // a set of signals given to it (`sa_mask=[HUP]`) goes with the call's signal
        _ if !tok[at + 1..].starts_with('[') => return None,
        _ => &tok[..at],
    };
    let core = tok[at + 1..]
        .trim_start_matches(['=', '[', '(', '{'])
        .trim_end_matches([']', ')', '}', ',', ';']);
    // most tokens fail here, at their first byte: this runs on every token a new shape differs in
    let constant = core.as_bytes().first().is_some_and(u8::is_ascii_uppercase) && core.len() <= 24 && constant_name(core);
    constant.then_some(name)
}

/// Whether two tokens of strace lines open with the names of two different calls (`read(0,`,
/// `write(0,`): both carry digits, and as values for each other they joined a write to stderr
/// to the template of a shell's reads of its scripts, whose texts turn over as names do, so
/// what the traced program said folded. Drain keys its tree on a line's first tokens and never
/// joins two calls.
fn another_call(a: &str, b: &str) -> bool {
    matches!((call_name(a), call_name(b)), (Some(x), Some(y)) if x != y)
}

/// `read` of `read(0,`: a name in lower case, digits and underscores before a parenthesis.
fn call_name(tok: &str) -> Option<&str> {
    let name = &tok[..tok.find('(')?];
    let named = !name.is_empty() && name.bytes().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == b'_');
    named.then_some(name)
}

/// Whether a masked token of a plain line is a value, as Drain reads a token with digits as a
/// variable: it carries digits of its own (`sda1`/`sdb2`, `3.4.0-2`/`1.17-3+deb10u2`) and no
/// error word (`status=1/FAILURE`), or it is a name in capitals (`FACP`, `LNKC`) or in square
/// brackets (`[sdb]`) that does not say how things went.
fn is_value(tok: &str) -> bool {
    (has_value_digits(tok) && !crate::logline::error_words(tok)) || capitals(tok) || bracketed_name(tok) || drawn(tok) || qualified_name(tok)
}

/// `org.sakuli.actions.Region.click()`, `'net.sf.sahi.util.Utils'`: a class or its method,
/// qualified by the package that holds it (three parts at least, a capital opening one after the
/// first, as Java, Kotlin and C# name classes): one among many. Not a key of settings in lower
/// case (`mapred.task.id is deprecated`), which says what the line is about, nor a class that
/// names what went wrong (`java.net.ConnectException`, `io.grpc.StatusRuntimeError`): the
/// error words are read in its parts, which run them together with other words.
fn qualified_name(tok: &str) -> bool {
    let core = tok.trim_start_matches(['\'', '"', '(', '[', '{', '<']);
    let core = &core[..core.find('(').unwrap_or(core.len())];
    let core = core.trim_end_matches(['\'', '"', ')', ']', '}', '>', ',', ':', ';']);
    let mut parts = 0;
    let mut class = false;
    for part in core.split('.') {
        class |= parts > 0 && part.bytes().next().is_some_and(|c| c.is_ascii_uppercase());
        let ident = part.bytes().next().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || c == b'$')
            && part.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'_' || c == b'$');
        if !ident {
            return false;
        }
        parts += 1;
    }
    let names_a_failure = core.contains("Exception") || core.contains("Error") || crate::logline::error_words(core);
    parts >= 3 && class && !names_a_failure
}

/// `⠋`, `[⠀⠀⠀⠀]`, `━━━━━━━╸━━━`: a spinner's frame or a progress bar, glyphs drawn rather than
/// read (Braille patterns, box drawing, blocks), between brackets at most: one frame in place of
/// another is the same line redrawn.
fn drawn(tok: &str) -> bool {
    let core = tok.trim_start_matches(['[', '(']).trim_end_matches([']', ')']);
    !core.is_empty() && core.chars().all(|c| matches!(c, '\u{2500}'..='\u{259F}' | '\u{2800}'..='\u{28FF}'))
}

/// `[sdb]`, `[sdc]:`: a one-word name in square brackets (a device, a unit, a tag); not a level
/// word (`[error]` in place of `[notice]` is another event).
fn bracketed_name(tok: &str) -> bool {
    let Some(core) = tok.trim_end_matches([':', ',']).strip_prefix('[').and_then(|t| t.strip_suffix(']')) else {
        return false;
    };
    !core.is_empty()
        && core.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.'))
        && !says_how_it_went(core)
}

/// `DSDT`, `[PWRB]`, `(SSDT`: a name in capitals, two to eight of them, alone in its token but
/// for brackets and punctuation; not a word that says how things went (`WARN` in place of
/// `INFO`, `FAIL` in place of `OK` is another event).
fn capitals(tok: &str) -> bool {
    let core = tok
        .trim_start_matches(['[', '(', '<', '\''])
        .trim_end_matches([']', ')', '>', ':', ',', ';', '.', '\'']);
    (2..=8).contains(&core.len()) && !core.contains('_') && constant_name(core)
}

/// `LNKC`, `SIG_DFL`, `RT_0`: capitals, digits (masked to `0`) and underscores, two capitals at
/// least, as C headers and ACPI tables spell names; not a word that says how things went.
fn constant_name(core: &str) -> bool {
    core.bytes().all(|c| c.is_ascii_uppercase() || c == b'0' || c == b'_')
        && core.bytes().filter(u8::is_ascii_uppercase).count() >= 2
        && !says_how_it_went(core)
}

/// A level word, an error word, or a failed result (`FAIL`, `FAILED`).
fn says_how_it_went(word: &str) -> bool {
    crate::logline::word_severity(word).is_some()
        || crate::logline::error_words(word)
        || word.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("fail"))
}

/// Whether a masked token carries digits of its own (`sda0`, `(0.0-0)`, `pkg0:amd0`): not
/// only a process id after a name (`sshd[0]:`), nor inside a quoted text or fields glued
/// with `|`, whose words are what they say.
fn has_value_digits(tok: &str) -> bool {
    let b = tok.as_bytes();
    let pid = |i: usize| {
        i > 0 && matches!((b[i - 1], b.get(i + 1)), (b'[', Some(b']')) | (b'(', Some(b')')))
    };
    !tok.contains([' ', '|']) && (0..b.len()).any(|i| b[i] == b'0' && !pid(i))
}

/// A line's tokens masked for mining: digits, ids, paths and quoted values made one (see
/// `mask_log_token`), as Drain's masking does before it compares lines.
#[derive(Debug, Default, PartialEq)]
pub struct Masked {
    /// the masked tokens, separated by one space
    text: String,
    /// each token's range in `text`
    toks: Vec<(usize, usize)>,
    /// where each token stands in a record's message
    message_words: Vec<MessageWord>,
    /// the line's word count as Drain splits it (see `Mined::words`)
    words: usize,
    /// how many of its words are a byte in hex (see `Mined::mostly_bytes`)
    bytes: usize,
}

impl Masked {
    /// Bytes its buffers hold: as many as the longest line it was filled with, since a buffer
    /// filled again keeps its room.
    pub fn capacity(&self) -> usize {
        self.text.capacity()
            + self.toks.capacity() * std::mem::size_of::<(usize, usize)>()
            + self.message_words.capacity() * std::mem::size_of::<MessageWord>()
    }

    /// Asks the core to load the mask's text and tokens into its cache ahead of their use: a
    /// mask filled on another core (`log::ahead`) is otherwise first read from there, a stall
    /// on every line mined. A hint only; it changes no result.
    pub fn prefetch(&self) {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: a prefetch reads nothing the program sees and cannot fault, whatever the
        // address; both are the addresses of live buffers
        unsafe {
            use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
            _mm_prefetch::<_MM_HINT_T0>(self.text.as_ptr().cast());
            _mm_prefetch::<_MM_HINT_T0>(self.toks.as_ptr().cast());
        }
    }

    /// Token `p`, masked.
    /// Whether token `p` is the word that says what happened (see `MessageWord::First`): in a
    /// record's message, or after the date and time a plain line opens with, where it names no
    /// level (dpkg.log's `2026-12-05 08:09:27 remove htop:amd64 3.2.2-2 <none>` after its
    /// `configure …` and `trigproc …` lines: another word there is another event). Asked where
    /// a line differs from a template, not of every line.
    fn names_the_event_at(&self, p: usize, record: bool) -> bool {
        self.message_words[p] == MessageWord::First
            || (!record
                && p == 2
                && self.token(2).as_bytes().first().is_some_and(u8::is_ascii_lowercase)
                && self.token(0) == "0-0-0"
                && matches!(self.token(1), "0:0:0" | "0:0:0,0" | "0:0:0.0")
                && crate::logline::word_severity(self.token(2)).is_none())
    }

    fn token(&self, p: usize) -> &str {
        let (s, e) = self.toks[p];
        &self.text[s..e]
    }

    /// Masks `line`, a plain line or a record's (see `Miner::add_record`).
    pub fn fill(&mut self, line: &str, record: bool) {
        self.text.clear();
        self.toks.clear();
        self.message_words.clear();
        // a mask new to its chunk (a chunk read with none spent to reuse) would grow each buffer
        // a few times over its first line: one allocation each instead
        self.text.reserve(line.len().min(TEXT_ROOM));
        self.toks.reserve(TOKENS_ROOM);
        self.message_words.reserve(TOKENS_ROOM);
        let mut words = 0;
        let mut bytes = 0;
        let mut in_message = false;
        let b = line.as_bytes();
        let mut i = 0;
        while i < b.len() && self.toks.len() < MAX_TOKENS {
            while i < b.len() && matches!(b[i], b' ' | b'\t' | b'\r') {
                i += 1;
            }
            if i >= b.len() {
                break;
            }
            let start = i;
            let mut quotes = 0;
            let mut spaced = false;
            while i < b.len() {
                // most bytes are above `"` (and so above space, tab and CR): skipped eight at a time
                i += above_quote(&b[i..]);
                if i >= b.len() {
                    break;
                }
                match b[i] {
                    // an escaped quote inside a quoted value (strace's `"\363\"\0"`) closes nothing
                    b'"' if quotes % 2 == 1 && crate::mask::escaped(&b[start..i]) => {}
                    b'"' => quotes += 1,
                    // a quoted value may hold spaces: it stays one token
                    b' ' | b'\t' | b'\r' if quotes % 2 == 0 => break,
                    b' ' | b'\t' | b'\r' => spaced = true,
                    _ => {}
                }
                i += 1;
            }
            if quotes % 2 == 1 {
                // no closing quote on the line: fall back to the first space
                i = start
                    + b[start..]
                        .iter()
                        .position(|c| matches!(c, b' ' | b'\t' | b'\r'))
                        .unwrap_or(b.len() - start);
                spaced = false;
            }
            words += if spaced {
                line[start..i].split_ascii_whitespace().count()
            } else {
                1
            };
            bytes += is_hex_byte(&line[start..i]) as usize;
            // a record's message is words, not one value: `msg="session opened for ann"` and
            // `msg="session opened for bob"` are one event whose last word varies
            let tok = &line[start..i];
            let message = spaced && record && names_the_event(tok);
            if message {
                let room = MAX_TOKENS.saturating_sub(self.toks.len()).max(1);
                for (k, part) in tok.split_ascii_whitespace().take(room).enumerate() {
                    self.push_token(part, if k == 0 { MessageWord::First } else { MessageWord::Later }, record);
                }
                in_message = false;
            } else {
                // a JSON record's words (`fields::json_words`) write a message unquoted, a word a
                // token, up to the next field. Its first word may name a subject (Elasticsearch's
                // `[slo-summary-timeslices-30d-rolling] Transform encountered …`) as well as
                // what happened: it is compared as the others are (see `Miner::place`)
                in_message = record && !spaced && if opens_a_field(tok) { names_the_event(tok) } else { in_message };
                self.push_token(tok, if in_message { MessageWord::Later } else { MessageWord::No }, record);
            }
        }
        // past the tokens mined, words still count
        for word in line[i..].split_ascii_whitespace() {
            words += 1;
            bytes += is_hex_byte(word) as usize;
        }
        self.words = words;
        self.bytes = bytes;
    }

    /// Appends token `part` to `text`, masked, and notes where it stands.
    // inlined into `fill`'s loop over every token of every line mined, with `mask_log_token`:
    // the calls cost 5-8% of a large log's time
    #[inline(always)]
    fn push_token(&mut self, part: &str, message_word: MessageWord, record: bool) {
        if !self.text.is_empty() {
            self.text.push(' ');
        }
        let from = self.text.len();
        // a record's first words key its event, as in Drain's tree (see `another_key`), and so
        // does a plain line's first: a quoted word or a path there (`argv=["git" "reset"`,
        // jstack's `"Worker-1":`) stays a word. A call's arguments are values, though they open
        // the line (strace's `open("a",`)
        let keyed = if record {
            self.toks.len() < KEYED_TOKENS
        } else {
            self.toks.is_empty() && !part.contains('(')
        };
        if keyed && !part.bytes().any(|c| c.is_ascii_digit()) {
            self.text.push_str(part);
        } else {
            mask_log_token(part, &mut self.text);
        }
        self.toks.push((from, self.text.len()));
        self.message_words.push(message_word);
    }
}

/// Whether `word` is a byte written in hex, as a dump shows it (`0C`, `7f`).
fn is_hex_byte(word: &str) -> bool {
    word.len() == 2 && word.bytes().all(|c| c.is_ascii_hexdigit())
}

/// How many bytes `b` opens with above `"`: none of them a space, a tab, a CR or a quote, the
/// bytes that end or open a token. Eight are looked at at once, as one word: this runs on every
/// byte of every line mined.
fn above_quote(b: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut n = 0;
    while let Some(word) = b.get(n..n + 8) {
        let x = u64::from_le_bytes(word.try_into().unwrap());
        // a byte below 0x23 sets its high bit here (bytes from 0x80 up are none of them); the
        // lowest set bit is exact, as a borrow only runs upward
        let below = x.wrapping_sub(ONES * 0x23) & !x & HIGH;
        if below != 0 {
            return n + below.trailing_zeros() as usize / 8;
        }
        n += 8;
    }
    n + b[n..].iter().position(|&c| c <= b'"').unwrap_or(b.len() - n)
}

/// Where a token stands in a record's message, which is read word by word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MessageWord {
    No,
    First,
    Later,
}

/// A record's field that says what happened (`msg="Removing target"`, `message=…`, `event=…`),
/// as a `key=value` word of a logfmt line or of a JSON record (`request.msg=…`).
fn names_the_event(word: &str) -> bool {
    let key = word.split('=').next().unwrap_or("");
    says_what_happened(key.rsplit('.').next().unwrap_or(key))
}

/// The words in which a line of `n` tokens may differ from its template's and still be the same
/// event: long lines (structured records, access logs) may differ in more fields; a short line
/// differs in at most one or two words.
fn words_may_differ(n: usize) -> usize {
    if n >= 8 {
        2.max(n / 6)
    } else {
        1
    }
}

/// Whether a record's word opens a field: `key=value`, the key a name (`MESSAGE=`,
/// `request.method=`), where a message's word that holds a `=` holds it elsewhere (`a==b`,
/// `=>`, `x=1` after a first word that is no name).
fn opens_a_field(word: &str) -> bool {
    word.split_once('=').is_some_and(|(key, _)| {
        key.bytes().next().is_some_and(|c| c.is_ascii_alphabetic() || c == b'_' || c == b'@')
            && key.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'.' | b'@' | b'-'))
    })
}

/// Whether a record's key holds what happened: its message or its event's name, whatever its
/// case (journald's `MESSAGE`, Serilog's `Message`, hclog's `@message`).
pub(crate) fn says_what_happened(key: &str) -> bool {
    ["msg", "message", "event", "@m", "@mt", "@message"].iter().any(|name| key.eq_ignore_ascii_case(name))
}

/// Drain's similarity threshold, as drain3 runs it by default (`sim_th`).
const DRAIN_SIMILARITY: f64 = 0.4;

/// Whether Drain, as drain3 runs it by default (numbers, IPs and hex masked where they stand
/// alone, words compared in place, similarity 0.4), reads `line` as the same event as `first`,
/// its template's first line; a word at a position that has `varied` (a wildcard to Drain)
/// counts as no match. Our miner reads a value with digits as a value wherever it stands;
/// Drain compares the token, and a time it cannot mask (GitHub Actions'
/// `2022-03-15T21:05:50.8348873Z`) differs on every line: in a short message one more word then
/// makes another event (`…Z    Compiling memchr v2.8.3`), however many such lines there are.
pub fn drain_merges(first: &str, line: &str, varied: impl Fn(usize) -> bool) -> bool {
    let (mut a, mut b) = (Vec::new(), Vec::new());
    let (mut n, mut same) = (0usize, 0usize);
    let mut theirs = line.split_ascii_whitespace();
    for t in first.split_ascii_whitespace() {
        let Some(u) = theirs.next() else {
            return false;
        };
        n += 1;
        if !varied(n - 1)
            && (t == u || {
                drain_mask(t, &mut a);
                drain_mask(u, &mut b);
                a == b
            })
        {
            same += 1;
        }
    }
    theirs.next().is_none() && drain_similar(same, n)
}

/// Whether Drain files `line` under another first word than `first`, its template's first line
/// (see `Drain`): both of more than one word, and `line`'s first word no wildcard to Drain (no
/// digits once masked) and not `first`'s. Our miner masks a path wherever it stands; Drain's
/// tree keys a line on its first word, so each file a compiler names first
/// (`…/rbnf/res_index.txt:7: warning: Encountered empty table` after `…/lang/…`) is an event of
/// its own to Drain.
pub fn filed_apart(first: &str, line: &str) -> bool {
    // (this asks most lines of a log: first words that differ at most in digits at the same
    // places, a time or a counter, mask alike, and are told in one look at their bytes)
    let (fa, fb) = (first.trim_ascii_start(), line.trim_ascii_start());
    for (x, y) in fa.as_bytes().iter().zip(fb.as_bytes()) {
        if x.is_ascii_whitespace() && y.is_ascii_whitespace() {
            return false;
        }
        if !crate::mask::alike_but_digits(*x, *y) {
            break;
        }
    }
    // (a first word past `MASKED_BYTES` is a blob's, read as far as that: see `drain_mask`)
    fn opening(l: &str) -> Option<&str> {
        let mut words = blob_head(l, MASKED_BYTES + 1).split_ascii_whitespace();
        words.next().filter(|_| words.next().is_some())
    }
    let (Some(a), Some(b)) = (opening(first), opening(line)) else {
        return false;
    };
    let (mut ma, mut mb) = (Vec::new(), Vec::new());
    drain_mask(b, &mut mb);
    if mb.iter().any(u8::is_ascii_digit) {
        return false;
    }
    drain_mask(a, &mut ma);
    ma != mb
}

/// Whether `same` words of `n` make a line Drain's event (`DRAIN_SIMILARITY`).
fn drain_similar(same: usize, n: usize) -> bool {
    n > 0 && same as f64 >= DRAIN_SIMILARITY * n as f64
}

/// An input of at most this many lines may be read whole by Drain for its events seen once (a
/// short log's errors, see `log::DrainedErrors`; an install's lone steps, see
/// `testout::install::keep_lone_progress`): past them, Drain's reading of every line would cost
/// as much as the rest of the work.
pub const READS_WHOLE_UP_TO: usize = 10_000;

/// A cluster's template in Drain's tree: its masked words, each as a hash (`hash::of_bytes`),
/// `WILD_WORD` for a wildcard. Compared a word at a time with every line read, hashes cost a
/// compare each, where the words themselves cost a call and an allocation per word of each
/// new cluster (a job's log opens one on most lines: each differs in its stamp).
type Pattern = Vec<u64>;

/// A wildcard in a `Pattern`: no word's hash (see `word_hash`).
const WILD_WORD: u64 = 0;

/// A masked word's hash in a `Pattern`, never `WILD_WORD`.
fn word_hash(word: &[u8]) -> u64 {
    crate::hash::of_bytes(word).max(1)
}

/// Drain itself, for lines behind a stamp it cannot mask (see `unmasked_stamp`), and strace's,
/// for the variants our miner finds that Drain would not join to their template's first line
/// (see `log::mine`), and for a short log's errors our miner takes for repeats (see
/// `log::DrainedErrors`): there our templates and its clusters part ways, both ways. Every line differs from the others in its
/// stamp, so Drain reads a short line of other words as another event (`…Z LTS` after `…Z
/// Ubuntu`), but joins a repeat to the cluster its first occurrence opened (`…Z ##[endgroup]`),
/// and lines our miner parts (`status unpacked x 0.74` and `status half-installed x 0.74`, which
/// turn `half-installed` into a wildcard of that cluster). drain3's tree as it runs by default:
/// clusters are looked up by token count and first token (one with digits as a wildcard);
/// a line joins the most similar cluster there from `DRAIN_SIMILARITY`, whose template turns
/// the words that differ into wildcards.
#[derive(Default)]
pub struct Drain {
    leaves: FxHashMap<Box<[u8]>, Vec<u32>>,
    /// each cluster's template: its masked words, as hashes (see `Pattern`); and how many are
    /// wildcards
    clusters: Vec<(Pattern, usize)>,
    /// when each cluster last took a line (see `DRAIN_LEAF`), counted in lines read
    used: Vec<u64>,
    clock: u64,
    /// each cluster's first line (`NO_LINE` when it was not told, see `opens_at`) and how many
    /// lines it took
    members: Vec<(u32, u32)>,
    /// the first lines of clusters that had taken no other line when they made room for another
    alone: Vec<u32>,
    /// each cluster's serial: clusters made, counted when it was made (a cluster that makes
    /// room for another leaves its place to a new serial)
    serials: Vec<u32>,
    made: u32,
    /// the line being read: its words masked, as hashes (see `Pattern`), the first of them as
    /// it is masked, and the word being masked
    words: Vec<u64>,
    first_word: Vec<u8>,
    word: Vec<u8>,
    key: Vec<u8>,
    /// how many first words the tree holds a node for, by the lines' number of words
    children: FxHashMap<usize, usize>,
}

/// Clusters Drain keeps, in all and in one leaf of its tree: past them a line that would open
/// one is another event still, and a repeat of one not kept stays too. A full leaf (or any leaf
/// once all are) makes room for a new cluster in place of its cluster that went longest without
/// a line, as drain3 does when its clusters are bounded: an event that comes in a burst (every
/// class a JVM loads from one of its 137 jars) is the same event from its second line on.
const DRAIN_CLUSTERS: usize = 4096;
const DRAIN_LEAF: usize = 64;
/// The nodes one node of drain3's tree holds at most (`max_children`): past them, a line whose
/// first word has none is read under the wildcard (a server's dump of 200 settings, `key =
/// value`, is one event to it from its 100th key on).
const DRAIN_CHILDREN: usize = 100;
/// The longest line Drain reads here: a cluster holds its words (a JSON document of one line
/// that is too large for its tree reaches the log compressor).
const DRAIN_LINE: usize = 2048;

/// A cluster's first line that was not told (see `Drain::opens_at`).
const NO_LINE: u32 = u32::MAX;

impl Drain {
    /// Whether Drain opens a cluster for `line`: whether it is another event to Drain. `None`
    /// for a line longer than `DRAIN_LINE`, whose words it would hold again.
    pub fn opens(&mut self, line: &str) -> Option<bool> {
        self.read(line, NO_LINE).map(|(opens, _)| opens)
    }

    /// The cluster Drain files `line` under, by its serial: lines of one serial are one event
    /// to Drain. `None` as for `opens`.
    pub fn cluster(&mut self, line: &str) -> Option<u32> {
        self.read(line, NO_LINE).map(|(_, serial)| serial)
    }

    /// `opens` for line `at` of a log, which `alone` reports if no other line joins its cluster.
    pub fn opens_at(&mut self, line: &str, at: usize) -> Option<bool> {
        self.read(line, u32::try_from(at).unwrap_or(NO_LINE)).map(|(opens, _)| opens)
    }

    /// The lines told to `opens_at` that were each a cluster of their own, in no order: to
    /// drain3, events seen once.
    pub fn alone(&self) -> impl Iterator<Item = usize> + '_ {
        let open = self.members.iter().filter(|&&(_, n)| n == 1).map(|&(first, _)| first);
        self.alone.iter().copied().chain(open.filter(|&first| first != NO_LINE)).map(|first| first as usize)
    }

    /// Reads `line` (line `at` of a log): whether it opens a cluster, and the cluster's serial.
    fn read(&mut self, line: &str, at: u32) -> Option<(bool, u32)> {
        if line.len() > DRAIN_LINE {
            return None;
        }
        let (words, first_word) = (&mut self.words, &mut self.first_word);
        words.clear();
        for t in line.split_ascii_whitespace() {
            drain_mask(t, &mut self.word);
            if words.is_empty() {
                first_word.clone_from(&self.word);
            }
            words.push(word_hash(&self.word));
        }
        let n = words.len();
        self.clock += 1;
        let full = self.clusters.len() >= DRAIN_CLUSTERS;
        // drain3's tree holds one token below the count at its default depth (none for a line
        // of one word): a first word with digits is its wildcard, and so is one that has no
        // node of its own, where the line is looked for first
        let first = (n > 1).then_some(first_word.as_slice()).map(|w| if w.iter().any(u8::is_ascii_digit) { WILD } else { w });
        let key = &mut self.key;
        leaf_key(key, n, first);
        let own = first.is_some() && self.leaves.contains_key(key.as_slice());
        if !own {
            leaf_key(key, n, first.map(|_| WILD));
        }
        // the most similar cluster, by how many words are the same, then (as drain3 breaks a
        // tie) by how many are wildcards
        let mut best: Option<((usize, usize), u32)> = None;
        for &id in self.leaves.get(key.as_slice()).into_iter().flatten() {
            let (template, wild) = &self.clusters[id as usize];
            let same = template.iter().zip(words.iter()).filter(|(t, w)| t == w).count();
            if best.map_or(true, |(b, _)| (same, *wild) > b) {
                best = Some(((same, *wild), id));
            }
        }
        if let Some((_, id)) = best.filter(|&((same, _), _)| drain_similar(same, n)) {
            self.used[id as usize] = self.clock;
            self.members[id as usize].1 += 1;
            let (template, wild) = &mut self.clusters[id as usize];
            for (t, w) in template.iter_mut().zip(words.iter()) {
                if *t != WILD_WORD && t != w {
                    *t = WILD_WORD;
                    *wild += 1;
                }
            }
            return Some((false, self.serials[id as usize]));
        }
        // a new cluster: under its first word's node, which the count's node makes while it
        // has room for `DRAIN_CHILDREN` (the last of them the wildcard's), else under the wildcard
        let past_room = first.is_some_and(|w| !own && w != WILD) && {
            leaf_key(key, n, Some(WILD));
            let wild_made = self.leaves.contains_key(key.as_slice());
            self.children.get(&n).copied().unwrap_or(0) + usize::from(!wild_made) >= DRAIN_CHILDREN
        };
        leaf_key(key, n, if past_room { Some(WILD) } else { first });
        self.made += 1;
        let serial = self.made;
        let leaf = match self.leaves.get_mut(key.as_slice()) {
            Some(leaf) => leaf,
            None if full => return Some((true, serial)),
            None => {
                if first.is_some() {
                    *self.children.entry(n).or_default() += 1;
                }
                self.leaves.entry(key.as_slice().into()).or_default()
            }
        };
        let template = || (words.clone(), 0);
        if leaf.len() < DRAIN_LEAF && !full {
            leaf.push(self.clusters.len() as u32);
            self.clusters.push(template());
            self.used.push(self.clock);
            self.members.push((at, 1));
            self.serials.push(serial);
        } else if let Some(&stale) = leaf.iter().min_by_key(|&&id| self.used[id as usize]) {
            self.clusters[stale as usize] = template();
            self.used[stale as usize] = self.clock;
            self.serials[stale as usize] = serial;
            let (its_first, taken) = std::mem::replace(&mut self.members[stale as usize], (at, 1));
            if taken == 1 && its_first != NO_LINE {
                self.alone.push(its_first);
            }
        }
        Some((true, serial))
    }
}

/// The wildcard that stands for a word in Drain's tree.
const WILD: &[u8] = b"<*>";

/// Where Drain's tree keeps the clusters of lines of `n` words whose first is `first` (`None`
/// for a line of one word), written to `key`.
fn leaf_key(key: &mut Vec<u8>, n: usize, first: Option<&[u8]>) {
    key.clear();
    key.extend_from_slice(&n.to_le_bytes());
    key.extend_from_slice(first.unwrap_or_default());
}

/// Whether `line` opens with a stamp that keeps digits once Drain has masked it (GitHub
/// Actions' `2022-03-15T21:05:50.8348873Z`, taskcluster's `[task 2025-02-14T07:23:20.376Z]`):
/// it differs on every line, as a word of its own. A stamp with nothing after it (a blank line
/// GitHub Actions stamped) is no such line: it says nothing, and Drain, finding no word in
/// common, would read each as an event of its own. A stamp behind tab-separated tags is such a
/// stamp too, and Drain reads the line whole, tags and all: `gh run view --log`'s job and step
/// (`build\tRun tests\t2026-…Z …`).
pub fn unmasked_stamp(line: &str) -> bool {
    opens_with_unmasked_stamp(line) || line.split('\t').skip(1).take(TAG_COLUMNS).any(opens_with_unmasked_stamp)
}

/// Tab-separated columns of tags a stamp may stand behind (see `unmasked_stamp`).
const TAG_COLUMNS: usize = 2;

/// Whether `line` itself opens with such a stamp (see `unmasked_stamp`).
fn opens_with_unmasked_stamp(line: &str) -> bool {
    let mut words = line.split_ascii_whitespace();
    let Some(mut first) = words.next() else {
        return false;
    };
    // (a bracket may name the step first)
    if first.len() > 1 && first.starts_with('[') && first[1..].bytes().all(|b| b.is_ascii_alphabetic() || b == b'-' || b == b'_') {
        let Some(stamp) = words.next() else {
            return false;
        };
        first = stamp;
    }
    if words.next().is_none() {
        return false;
    }
    // (a stamp is a short word: a long first word, a JSON document of one line, is none)
    if !(8..=STAMP_MAX).contains(&first.len()) {
        return false;
    }
    let mut masked = Vec::new();
    drain_mask(first, &mut masked);
    masked.iter().any(u8::is_ascii_digit)
}

/// Bytes of a token Drain's masks read (see `drain_mask`), and our miner's words.
const MASKED_BYTES: usize = 4096;

/// The first `n` bytes of `text` (to a character's boundary): as much of a blob as is read.
fn blob_head(text: &str, n: usize) -> &str {
    let mut end = text.len().min(n);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The longest stamp `unmasked_stamp` reads (`2022-03-15T21:05:50.8348873+05:30` is 33 bytes).
const STAMP_MAX: usize = 64;

/// `tok` with drain3's default masks applied (an IP, a hex number, a number, each bounded by
/// no letter or digit on either side) into `out`: its first `MASKED_BYTES`, past which a token
/// is a blob (a log truncated in place opens its first line with a million NULs, and every
/// line compared with that one would mask them all again).
pub(crate) fn drain_mask(tok: &str, out: &mut Vec<u8>) {
    out.clear();
    let b = &tok.as_bytes()[..tok.len().min(MASKED_BYTES)];
    // (every mask starts with a digit; most words hold none)
    if !b.iter().any(u8::is_ascii_digit) {
        out.extend_from_slice(b);
        return;
    }
    let mut i = 0;
    while i < b.len() {
        if i == 0 || !b[i - 1].is_ascii_alphanumeric() {
            if let Some((end, label)) = masked_run(b, i) {
                out.extend_from_slice(label);
                i = end;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
}

/// The end of the IP, hex number or number that starts at `i` and is followed by no letter or
/// digit, trying each as drain3's masks do (a number gives up its fraction before it fails),
/// and the label that stands for it (`<IP>`, `<HEX>`, `<NUM>`: `0x20` is no `32` to Drain).
fn masked_run(b: &[u8], i: usize) -> Option<(usize, &'static [u8])> {
    let digits = |from: usize, most: usize| {
        let k = b[from..].iter().take(most).take_while(|c| c.is_ascii_digit()).count();
        (k > 0).then_some(from + k)
    };
    let bounded = |end: usize| (end == b.len() || !b[end].is_ascii_alphanumeric()).then_some(end);
    // an IP: four groups of one to three digits (most numbers are no IP's first group)
    let group = digits(i, 4).is_some_and(|end| end - i <= 3 && b.get(end) == Some(&b'.'));
    let ip = group.then(|| {
        let mut end = digits(i, 3)?;
        for _ in 0..3 {
            if b.get(end) != Some(&b'.') {
                return None;
            }
            end = digits(end + 1, 3)?;
        }
        bounded(end)
    })
    .flatten();
    if let Some(end) = ip {
        return Some((end, b"<IP>"));
    }
    if b[i..].starts_with(b"0x") {
        let k = b[i + 2..].iter().take_while(|c| c.is_ascii_hexdigit()).count();
        if let Some(end) = (k > 0).then_some(i + 2 + k).and_then(bounded) {
            return Some((end, b"<HEX>"));
        }
    }
    let start = if matches!(b[i], b'-' | b'+') { i + 1 } else { i };
    let whole = digits(start, usize::MAX)?;
    let with_fraction = (b.get(whole) == Some(&b'.')).then(|| digits(whole + 1, usize::MAX)).flatten();
    let end = with_fraction.and_then(bounded).or_else(|| bounded(whole))?;
    Some((end, b"<NUM>"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drain_reads_first_words_past_its_nodes_room_under_the_wildcard() {
        // a server's dump of its settings, `key = value`, each key once: drain3's tree makes a
        // node for the first 99 keys, each an event seen once, then its wildcard, under which
        // the other keys are one event whose value (`null`) is the same
        let key = |i: usize| format!("setting.{}{}", (b'a' + (i / 26) as u8) as char, (b'a' + (i % 26) as u8) as char);
        let mut drain = Drain::default();
        for i in 0..150 {
            drain.opens_at(&format!("{} = null", key(i)), i);
        }
        let mut alone: Vec<usize> = drain.alone().collect();
        alone.sort();
        assert_eq!(alone, (0..99).collect::<Vec<_>>());
        // a key that has a node is looked for there; one that has none, under the wildcard
        assert_eq!(drain.opens(&format!("{} = 5", key(3))), Some(false));
        assert_eq!(drain.opens("setting.zz = null"), Some(false));
        // lines of another length have a node of their own
        assert_eq!(drain.opens("setting.zz = null now"), Some(true));
    }

    #[test]
    fn a_token_runs_to_the_first_byte_at_or_below_a_quote_wherever_it_stands() {
        // every position in and past a word, each byte that ends a run, and bytes on either
        // side of the bound (`#` runs on, UTF-8 bytes from 0x80 up run on)
        for end in [b' ', b'\t', b'\r', b'"', b'!', 0u8] {
            for at in 0..20 {
                let mut b: Vec<u8> = "#é~aZ09#é~aZ09#é~aZ09".bytes().take(at).collect();
                b.push(end);
                b.extend_from_slice(b"more");
                assert_eq!(above_quote(&b), at, "{end} at {at}");
            }
        }
        assert_eq!(above_quote(b"abcdefghijklmnopq"), 17);
        assert_eq!(above_quote(b""), 0);
    }

    #[test]
    fn a_miner_within_its_room_stops_learning_and_reports_every_new_shape_new() {
        // lines of new words only, as a prose file read as a log: a template and two shapes each
        let words = ["alpha", "beta", "gamma", "delta", "omega", "kappa", "sigma", "theta"];
        let line = |i: usize| (0..12).map(|k| words[(i >> (k % 6)) % 8]).collect::<Vec<_>>().join(" ") + " x";
        let (mut small, mut free) = (Miner::within(20_000), Miner::default());
        for i in 0..2_000 {
            let (a, b) = (small.add(&line(i)), free.add(&line(i)));
            // what is learnt before the room runs out is learnt alike
            if small.held <= 20_000 {
                assert_eq!(a, b, "{i}");
            }
        }
        // it may pass its room by what one line adds
        assert!(small.held <= 20_000 + 8_000, "{}", small.held);
        assert!(small.templates.len() < free.templates.len() / 4, "{}", small.templates.len());
        // past its room, a shape not seen yet is new: its line is kept, never folded
        assert_eq!(small.add("zeta eta iota").seen, Seen::New);
        assert_eq!(small.add("zeta eta iota").seen, Seen::New);
        assert_eq!(free.add("zeta eta iota").seen, Seen::New);
        assert_eq!(free.add("zeta eta iota").seen, Seen::Known);
    }

    #[test]
    fn shapes_are_counted() {
        let mut m = Miner::default();
        let cups = m.add("cupsd startup succeeded").shape.unwrap();
        let cron = m.add("crond startup succeeded").shape.unwrap();
        assert_eq!(m.add("cupsd startup succeeded").shape, Some(cups));
        assert_ne!(cups, cron);
        assert_eq!((m.shape_count(cups), m.shape_count(cron)), (2, 1));
    }

    #[test]
    fn a_plain_lines_shape_counts_its_values_with_digits_as_one() {
        let mut m = Miner::default();
        let a = m.add("status installed libfoo1:amd64 1.2-3ubuntu1").shape.unwrap();
        let b = m.add("status installed python3-six:all 1.5.2-1").shape.unwrap();
        let c = m.add("status installed python-six:all 1.5.2-1").shape.unwrap();
        assert_eq!((a, m.shape_count(a)), (b, 2));
        // a name without digits is a word
        assert_ne!(c, a);
        // a record's shape is exact
        let r = m.add_record("status=installed pkg=libfoo1:amd64").shape.unwrap();
        assert_ne!(m.add_record("status=installed pkg=libbar2:amd64").shape.unwrap(), r);
    }

    #[test]
    fn a_line_masked_ahead_is_mined_as_a_line_masked_here() {
        // a warning keeps in its shape the name at a wildcard (`names_in_shape`): the disks,
        // once many have come
        let names: Vec<String> = (b'a'..b'a' + WILDCARD_AFTER as u8 + 4).map(|c| format!("vol{}", c as char)).collect();
        let (mut here, mut ahead, mut blind) = (Miner::default(), Miner::default(), Miner::default());
        let mut masked = Masked::default();
        let mut differs = false;
        // (and an INFO line after each: another template, mined as a plain line)
        for (n, name) in names.iter().flat_map(|name| [name, name]).enumerate() {
            let warning = n % 2 == 0;
            let line = format!("{} disk {name} is full", if warning { "WARN" } else { "INFO" });
            let mined = if warning { here.add_warning(&line) } else { here.add(&line) };
            masked.fill(&line, false);
            assert_eq!(ahead.add_premasked(&line, &mut masked, warning), mined, "{line}");
            masked.fill(&line, false);
            differs |= blind.add_premasked(&line, &mut masked, false) != mined;
        }
        assert!(differs, "a warning is mined as a warning");
    }

    #[test]
    fn counts_words_as_drain_splits_them() {
        let mut m = Miner::default();
        // a quoted text is one token to the miner, and its words still count
        let words = m.add("acquire lock tag=\"View Lock 12\" name=\"ui\"").words;
        assert_eq!((m.masked.toks.len(), words), (4, 6));
        let words = m.add_record("type=[] agent=[\"Mozilla/5.0 (X11; Linux x86_64)\"]").words;
        assert_eq!((m.masked.toks.len(), words), (2, 5));
        // without its closing quote a token ends at the first space
        let words = m.add("say \"hi there").words;
        assert_eq!((m.masked.toks.len(), words), (3, 3));
        // words past the tokens mined count too
        let words = m.add(&vec!["w"; MAX_TOKENS + 10].join(" ")).words;
        assert_eq!((m.masked.toks.len(), words), (MAX_TOKENS, MAX_TOKENS as u32 + 10));
    }

    #[test]
    fn a_line_mostly_of_bytes_in_hex_is_told_as_it_is_masked() {
        let mut m = Miner::default();
        assert!(m.add("0050: 37 0C 44 DF 7F A1 e2 09  7.D....").mostly_bytes);
        // half its words are enough; fewer, or a short line, are not
        assert!(m.add("dump of key: 0a ff 3c").mostly_bytes);
        assert!(!m.add("sent 0a ff to the peer at once").mostly_bytes);
        assert!(!m.add("0a ff 3c").mostly_bytes);
        // a word of two letters that are no hex digits is no byte
        assert!(!m.add("ok no go up to it").mostly_bytes);
        // the words past the tokens mined count too
        let long = format!("{} {}", vec!["word"; MAX_TOKENS].join(" "), vec!["7f"; MAX_TOKENS + 2].join(" "));
        assert!(m.add(&long).mostly_bytes);
    }

    #[test]
    fn same_shape_is_known() {
        let mut m = Miner::default();
        let seen = |m: Mined| (m.template, m.seen);
        assert_eq!(seen(m.add("took 12ms for block blk_123")), (0, Seen::New));
        assert_eq!(seen(m.add("took 7ms for block blk_99")), (0, Seen::Known));
        assert_eq!(m.templates[0].count, 2);
    }

    #[test]
    fn a_change_in_one_word_says_where_it_stands() {
        let mut m = Miner::default();
        let line = |name: &str, mode: &str| format!("INFO - Running setup for package {name} in mode {mode}");
        let name = |i: usize| format!("pkg{}", "x".repeat(i));
        assert_eq!(m.add(&line(&name(0), "fast")).seen, Seen::New);
        // whether the position holds names or states is asked of the whole log (`names_at`)
        for i in 1..ARGUMENT_AFTER + 2 {
            let mined = m.add(&line(&name(i), "fast"));
            assert_eq!((mined.seen, mined.changed_at), (Seen::Variant, 6), "{i}");
        }
        assert!(m.names_at(0, 6));
        // a change in two words is no argument's
        let mined = m.add(&line(&name(ARGUMENT_AFTER + 2), "slow"));
        assert_eq!((mined.seen, mined.changed_at), (Seen::Variant, usize::MAX));
        // nor does a value in place of another say where the new word is
        let mut m = Miner::default();
        m.add("install netbase:all <none> 6.4");
        let mined = m.add("install openssl:all <none> 3.0.16-1~deb12u1");
        assert_eq!((mined.seen, mined.changed_at), (Seen::Variant, 1));
        // a known shape changed nothing
        assert_eq!(m.add("install openssl:all <none> 3.0.16-1~deb12u1").changed_at, usize::MAX);
    }

    #[test]
    fn what_stands_at_a_wildcard_is_one_of_many_in_a_shape() {
        let mut m = Miner::default();
        let names: Vec<String> = (0..WILDCARD_AFTER + 4).map(|i| format!("name{}", "x".repeat(i))).collect();
        let mut last = None;
        for n in &names {
            last = m.add(&format!("status unpacked {n}:all 1.2-3")).shape;
        }
        // past the wildcard, each line's shape is the same whatever the name
        assert!(m.shape_count(last.unwrap()) >= 2);
        // but not in the token that keys an event
        let mut m = Miner::default();
        let mut last = None;
        for n in &names {
            last = m.add(&format!("{n}:all unpacked 1.2-3")).shape;
        }
        assert_eq!(m.shape_count(last.unwrap()), 1);
        // which is the first alone, as in Drain's tree: behind a stamp, a name is one of many
        let mut m = Miner::default();
        for n in &names {
            last = m.add(&format!("2022-03-15T21:06:52.0513068Z {n}")).shape;
        }
        assert!(m.shape_count(last.unwrap()) >= 2);
    }

    #[test]
    fn drain_merges_what_drain3_would() {
        // dpkg.log: the stamp masks, the package and its version differ
        assert!(drain_merges("2025-06-24 14:36:35 install netbase:all <none> 6.4", "2025-06-24 14:36:36 install openssl:amd64 <none> 3.0.16-1~deb12u1", |_| false));
        // a stamp drain3 cannot mask differs too: a short message is another event
        assert!(!drain_merges("2026-11-30T23:53:03.4179010Z    Compiling serde v1.0.215", "2026-11-30T23:53:03.5179010Z    Compiling memchr v2.8.3", |_| false));
        let (first, line) = ("2026-11-30T23:53:03.4179010Z status unpacked bash:amd64 5.2-2 now", "2026-11-30T23:53:04.5179010Z status unpacked tar:amd64 1.34 now");
        assert!(drain_merges(first, line, |_| false));
        // a state that has varied is a wildcard to Drain: too little is left the same
        assert!(!drain_merges(first, line, |p| p == 2));
        // another number of words is another event
        assert!(!drain_merges("a b c", "a b c d", |_| false));
        let mut out = Vec::new();
        drain_mask("2022-03-15T21:05:50.8348873Z", &mut out);
        assert_eq!(out, b"<NUM>-<NUM>-15T21:<NUM>:<NUM>.8348873Z");
        drain_mask("10.0.0.12:5432", &mut out);
        assert_eq!(out, b"<IP>:<NUM>");
        drain_mask("v2.8.3", &mut out);
        assert_eq!(out, b"v2.<NUM>");
        drain_mask("0x1f,-7", &mut out);
        assert_eq!(out, b"<HEX>,<NUM>");
        // only a stamp that keeps digits once masked differs on every line to Drain
        assert!(unmasked_stamp("2022-03-15T21:05:50.8348873Z    Compiling memchr v2.8.3"));
        assert!(!unmasked_stamp("2025-06-24 14:36:35 status unpacked bash:amd64 5.2-2"));
        assert!(!unmasked_stamp("Mar 27 13:08:09 host sshd[7]: x") && !unmasked_stamp("sda1 ready"));
        // behind a bracket that names the step
        assert!(unmasked_stamp("[task 2025-02-14T07:23:20.376Z] + : NEED_XVFB true"));
        assert!(!unmasked_stamp("[task] 2025-02-14 07:23:20 started") && !unmasked_stamp("[task"));
        // a stamp alone says nothing
        assert!(!unmasked_stamp("2022-03-15T21:05:50.8348873Z ") && !unmasked_stamp("[task 2025-02-14T07:23:20.376Z]"));
        // behind `gh run view --log`'s job and step
        assert!(unmasked_stamp("🪟 Build (Windows) / build\tUNKNOWN STEP\t2026-06-30T16:18:51.0251091Z fi"));
        assert!(!unmasked_stamp("build\tRun tests\tok\t2026-06-30T16:18:51.0251091Z fi"));
    }

    #[test]
    fn a_spinner_frame_or_a_progress_bar_is_a_value() {
        let mut m = Miner::default();
        m.add(" ⠋ postgres [⠀⠀⠀⠀⠀⠀] Pulling 3.8s");
        assert_eq!(m.add(" ⠙ postgres [⣿⣿⠀⠀⠀⠀] Pulling 3.9s").seen, Seen::Known);
        assert_eq!(m.add(" ━━━━━━━╸━━ postgres [⣿⣿⣿⣿⠀⠀] Pulling 4.0s").seen, Seen::Known);
        // a word, or ASCII punctuation, in its place is read
        assert_eq!(m.add(" done postgres [⣿⣿⣿⣿⣿⣿] Pulling 4.1s").seen, Seen::Variant);
        assert!(drawn("[⠀⠀]") && drawn("━━╸") && !drawn("[]") && !drawn("->") && !drawn("|"));
    }

    #[test]
    fn an_enum_constant_names_a_state_however_many_there_are() {
        // YARN's TaskAttemptImpl: a task attempt's state machine has more states than a handful
        let mut m = Miner::default();
        let line = |to: &str| format!("INFO [AsyncDispatcher event handler] TaskAttemptImpl: attempt_0 Transitioned to {to}");
        let states = ["UNASSIGNED", "ASSIGNED", "RUNNING", "SUCCESS_CONTAINER_CLEANUP", "SUCCEEDED", "FAIL_CONTAINER_CLEANUP", "FAIL_TASK_CLEANUP"];
        m.add(&line("NEW"));
        for to in states {
            assert_eq!(m.add(&line(to)).changed_at, usize::MAX, "{to}");
        }
        assert!(names_a_state("OUT_OF_SERVICE,") && names_a_state("Evicted") && !names_a_state("_PRIVATE") && !names_a_state("sda_1"));
    }

    #[test]
    fn a_rare_value_among_recurring_ones_is_a_state_not_an_argument() {
        let mut m = Miner::default();
        let line = |i: usize, state: &str| format!("INFO - scheduler moved job {i} to {state} now");
        for i in 0..100 {
            m.add(&line(i, ["pending", "scheduled", "running", "completed"][i % 4]));
        }
        // a fifth and a sixth state, once each among hundreds of lines, are events of their own
        let preempted = m.add(&line(100, "preempted"));
        assert_eq!(preempted.changed_at, 7);
        m.add(&line(101, "orphaned"));
        assert!(!m.names_at(preempted.template, 7));
        // values that turn over are names
        for i in 0..100 {
            m.add(&line(102 + i, &format!("queue{}", "x".repeat(i % 30))));
        }
        assert!(m.names_at(preempted.template, 7));
    }

    #[test]
    fn a_state_in_capitals_is_noted_where_it_first_comes() {
        let mut m = Miner::default();
        let line = |state: &str| format!("Keepalived_vrrp[812]: (VI_1) Entering {state} STATE");
        m.add(&line("BACKUP"));
        // a short word in capitals is a value to the miner (a name, as ACPI's tables), but it
        // is noted all the same; so is a longer one, another word to the miner
        let master = m.add(&line("MASTER"));
        assert_eq!((master.seen, master.state_at), (Seen::Known, 3));
        let recovering = m.add(&line("RECOVERING"));
        assert_eq!((recovering.seen, recovering.state_at), (Seen::Variant, 3));
        // a state reached again, or a word not in capitals: no state comes first there
        assert_eq!(m.add(&line("MASTER")).state_at, NO_TEXT);
        assert_eq!(m.add(&line("BACKUP")).state_at, NO_TEXT);
        assert_eq!(m.add(&line("Fault")).state_at, NO_TEXT);
        assert_eq!(m.add(&line("FAULT")).state_at, 3);
        // states recur; words that turn over are names
        for _ in 0..20 {
            m.add(&line("MASTER"));
        }
        assert!(m.states_at(master.template, 3));
        for name in ["ALPHA", "BRAVO", "CHARLIE", "DELTA", "ECHO", "FOXTROT", "GOLF", "HOTEL"] {
            m.add(&line(name));
        }
        assert!(!m.states_at(master.template, 3));
        assert!(in_capitals("OUT_OF_SERVICE,") && in_capitals("UP") && !in_capitals("_PRIVATE") && !in_capitals("Fault"));
    }

    #[test]
    fn varying_word_becomes_wildcard_after_many_values() {
        let mut m = Miner::default();
        assert_eq!(m.add("Invalid user user0 from 1.2.3.4").seen, Seen::New);
        let names: Vec<String> = (0..WILDCARD_AFTER + 2)
            .map(|i| format!("name{}", "x".repeat(i)))
            .collect();
        // each new value is reported until the position has held WILDCARD_AFTER values
        for name in &names[..WILDCARD_AFTER - 1] {
            let mined = m.add(&format!("Invalid user {name} from 1.2.3.5"));
            assert_eq!((mined.template, mined.seen), (0, Seen::Variant), "{name}");
        }
        let mined = m.add(&format!("Invalid user {} from 1.2.3.7", names[WILDCARD_AFTER]));
        assert_eq!((mined.template, mined.seen), (0, Seen::Known));
    }

    #[test]
    fn a_field_s_quoted_texts_in_a_plain_line_are_texts() {
        // a quoted text inside a field's token (`line="…"`, a CSV log's message) is read as a
        // text: its position turns into a wildcard after WILDCARD_AFTER_TEXT values, not after
        // WILDCARD_AFTER
        let mut m = Miner::default();
        let rule = |i: usize| format!("2024-05-08 15:23:58.902 [DEBUG][606918] felix/table.go 880: Rule line=\":KUBE-SVC-{}X{} - [0:0]\"", (b'A' + (i % 26) as u8) as char, (b'A' + (i / 26) as u8) as char);
        let seen: Vec<Seen> = (0..WILDCARD_AFTER + 4).map(|i| m.add(&rule(i)).seen).collect();
        assert!(seen[1..].iter().all(|s| *s == Seen::Variant), "{seen:?}");
    }

    #[test]
    fn a_text_that_differs_in_one_word_names_an_argument_and_one_of_values_is_known() {
        // Calico's `Parsing line … line=":KUBE-SEP-X - [0:0]"`: the chain's name is the one word
        // the text changes in, an argument `names_at` judges; with digits it is only a value
        let mut m = Miner::default();
        let parse = |chain: &str| format!("2024-05-08 15:23:58.735 [DEBUG][216945] felix/table.go 851: Parsing line ipVersion=0x4 line=\":KUBE-SEP-{chain} - [0:0]\" table=\"nat\"");
        assert_eq!(m.add(&parse("P53KRBBAHF7EH6MF")).seen, Seen::New);
        assert_eq!(m.add(&parse("527TDH7QDHLCYDTX")).seen, Seen::Known);
        let mined = m.add(&parse("IIMYVCRPQLPIWIWO"));
        assert_eq!((mined.seen, mined.changed_at), (Seen::Variant, 8));
        // a text of other words is another event still
        let mined = m.add(&parse("IIMYVCRPQLPIWIWO - dropped"));
        assert_eq!(mined.changed_at, usize::MAX);
    }

    #[test]
    fn a_full_leaf_makes_room_in_place_of_the_cluster_longest_unused() {
        let mut d = Drain::default();
        let at = |n: usize, rest: &str| format!("2022-03-15T21:05:16.{:07}Z {rest}", 8075370 + n);
        let filler = |k: usize| format!("jar{} j{k} z{k}", "x".repeat(k));
        // a leaf full of events that share no word
        for k in 0..DRAIN_LEAF {
            assert_eq!(d.opens(&at(k, &filler(k))), Some(true));
        }
        // a burst of one more: its first line opens an event, the others join it
        assert_eq!(d.opens(&at(100, "zipfs loaded Entry")), Some(true));
        assert_eq!(d.opens(&at(101, "zipfs loaded Path")), Some(false));
        assert_eq!(d.opens(&at(102, "zipfs loaded Utils")), Some(false));
        // a recent event is still there
        assert_eq!(d.opens(&at(103, &filler(DRAIN_LEAF - 1))), Some(false));
        // the one it took the room of, the longest without a line, is another event again
        assert_eq!(d.opens(&at(104, &filler(0))), Some(true));
    }

    #[test]
    fn a_line_joins_the_most_similar_cluster_and_a_tie_goes_to_the_one_with_more_wildcards() {
        // six words, the first a number: one leaf, and a line joins a cluster from 3 same words
        let mut d = Drain::default();
        let a = d.cluster("1 p q r s t").unwrap();
        let b = d.cluster("1 u v w x y").unwrap();
        assert_ne!(a, b);
        // just enough words the same, the last two: it joins, and the words between vary
        assert_eq!(d.cluster("1 a b c x y"), Some(b));
        // as similar to both: the one with more wildcards takes it, though it comes second
        assert_eq!(d.cluster("1 p c r x y"), Some(b));
        // a word where the cluster's varied is no word the same: another event
        assert_eq!(d.opens("1 u v w m n"), Some(true));
    }

    #[test]
    fn drain_behind_a_stamp_it_cannot_mask_joins_repeats_and_parts_short_lines() {
        let mut d = Drain::default();
        let at = |n: usize, rest: &str| format!("2022-03-15T21:05:16.{:07}Z {rest}", 8075370 + n);
        assert_eq!(d.opens(&at(0, "Ubuntu")), Some(true));
        // the stamp differs on every line: one word more makes another event
        assert_eq!(d.opens(&at(1, "LTS")), Some(true));
        assert_eq!(d.opens(&at(2, "##[endgroup]")), Some(true));
        // a repeat joins the cluster its first occurrence opened
        assert_eq!(d.opens(&at(3, "##[endgroup]")), Some(false));
        assert_eq!(d.opens(&at(4, "status half-installed java-common:all 0.74")), Some(true));
        // another state of one package joins it, and makes the state a wildcard
        assert_eq!(d.opens(&at(5, "status unpacked java-common:all 0.74")), Some(false));
        // so another package's first state is another event
        assert_eq!(d.opens(&at(6, "status half-installed liblcms2-2:amd64 2.14-2")), Some(true));
        // a line Drain would hold again at length is left to the template's first line
        assert_eq!(d.opens(&at(7, &"x ".repeat(DRAIN_LINE))), None);
        // a stamp is a short first word: a JSON document of one line is none
        assert!(unmasked_stamp(&at(8, "Ubuntu")));
        assert!(!unmasked_stamp(&format!("[{}1]", "1.5x,".repeat(STAMP_MAX))));
    }

    #[test]
    fn a_first_token_names_its_event_only_by_words_apart_from_digits() {
        // Redis's `pid:role`: a replica's line is no variant of its master's
        let mut m = Miner::default();
        m.add("28217:M 30 Nov 2026 16:54:09.557 * Ready to accept connections tcp");
        assert_eq!(m.add("28224:S 30 Nov 2026 16:54:09.563 * Ready to accept connections tcp").seen, Seen::New);
        // strace -yy names each file in its second token, among digits (`python3.11`): as in
        // Drain's tree, such a token is a variable, and another file's call is the same event
        let mut m = Miner::default();
        m.add("1234 lseek(3</usr/lib/python3.11/json/decoder.pyc>, 0, SEEK_CUR) = 0");
        assert_eq!(m.add("1234 lseek(3</usr/lib/python3.11/json/scanner.pyc>, 0, SEEK_CUR) = 0").seen, Seen::Known);
    }

    #[test]
    fn a_constant_given_to_a_call_or_a_field_is_a_value_past_the_first_token() {
        // strace -f: which signal a handler is set for is an argument of one event
        let line = |sig: &str, mask: &str| {
            format!("8615  rt_sigaction({sig}, {{sa_handler=SIG_DFL, sa_mask=[{mask}], sa_flags=SA_RESTART}}, NULL, 8) = 0")
        };
        let mut m = Miner::default();
        assert_eq!(m.add(&line("SIGHUP", "HUP")).seen, Seen::New);
        assert_eq!(m.add(&line("SIGQUIT", "QUIT")).seen, Seen::Known);
        assert_eq!(m.add(&line("SIGXFSZ", "XFSZ")).seen, Seen::Known);
        // a word in place of the constant, or a constant that says how it went, is another event
        assert_eq!(m.add(&line("handler", "HUP")).seen, Seen::Variant);
        assert_eq!(m.add(&line("SIGHUP", "FAILED")).seen, Seen::Variant);
        // another call is another event, whatever its constant
        let mut m = Miner::default();
        m.add("8615  rt_sigaction(SIGHUP, NULL) = 0");
        assert_eq!(m.add("8615  kill(SIGTERM, NULL) = 0").seen, Seen::New);
        // opening a line, the call and its constant name the event, as Drain's tree reads them:
        // another template
        let mut m = Miner::default();
        m.add("rt_sigaction(SIGHUP, NULL, {sa_handler=SIG_DFL, sa_flags=0}, 8) = 0");
        let other = m.add("rt_sigaction(SIGINT, NULL, {sa_handler=SIG_DFL, sa_flags=0}, 8) = 0");
        assert_eq!(other.seen, Seen::New);
        // a field's own constant is no call's signal: ignoring a signal is another event than
        // its default action, and a signal delivered (`--- SIGTERM {si_signo=SIGTERM, …}`) another
        // than SIGHUP
        let mut m = Miner::default();
        m.add("8615  rt_sigaction(SIGPIPE, {sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER}, NULL, 8) = 0");
        let ignored = m.add("8615  rt_sigaction(SIGPIPE, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=SA_RESTORER}, NULL, 8) = 0");
        assert_eq!(ignored.seen, Seen::Variant);
        m.add("8615  --- SIGHUP {si_signo=SIGHUP, si_code=SI_USER, si_pid=8610, si_uid=0} ---");
        let term = m.add("8615  --- SIGTERM {si_signo=SIGTERM, si_code=SI_USER, si_pid=8610, si_uid=0} ---");
        assert_eq!(term.seen, Seen::Variant);
        // outside strace a constant is a state an application names: another one is another event
        let mut m = Miner::default();
        let policy = |action: &str| format!("2024-05-01 10:00:00 INFO gateway: request path=/orders action={action}");
        m.add(&policy("ALLOW"));
        assert_eq!(m.add(&policy("DENY")).seen, Seen::Variant);
        let job = |state: &str| format!("2024-05-01 10:00:00 INFO jobs: job=nightly state={state}");
        m.add(&job("RUNNING"));
        assert_eq!(m.add(&job("CANCELLED")).seen, Seen::Variant);
    }

    #[test]
    fn a_quoted_text_of_several_words_turns_into_a_wildcard_only_after_many() {
        // strace's `read` of a text file: the words read are what the line says
        let words = ["package", "strict", "allow", "caller", "format", "refer", "polluting", "namespace"];
        let read = |text: &str| format!("read(5, \"{text}\"..., 8192) = 8192");
        let mut m = Miner::default();
        m.add(&read("package Carp;\\n"));
        let text = |i: usize| format!("{} {}", words[i % 8], words[(i / 8 + 3) % 8].repeat(i / 8 + 1));
        let mut news = 0;
        while m.add(&read(&text(news))).seen == Seen::Variant {
            news += 1;
            assert!(news < 4 * WILDCARD_AFTER_TEXT);
        }
        // each text is news well past the values a position of words holds; then what is
        // read is a value, so a log of reads does not stay whole
        assert!(news > 2 * WILDCARD_AFTER, "{news}");
        // (a program that writes 200 docstrings in turn, each once, has each write shown)
        assert!(news > 200, "{news}");
        assert_eq!(news, WILDCARD_AFTER_TEXT - 1);
        // a one-word value is masked (`"*"`): one shape from the start
        let open = |v: &str| format!("open(\"{v}\", O_RDONLY) = 3");
        m.add(&open("a"));
        assert_eq!(m.add(&open("b")).seen, Seen::Known);
    }

    #[test]
    fn a_few_distinct_words_stay_variants() {
        // loghub Thunderbird: each service's `X startup succeeded` is an event of its own
        let mut m = Miner::default();
        for s in ["portmap", "nfslock", "syslog-ng", "gmetad", "xinetd"] {
            let seen = m
                .add(&format!("Nov 9 12:10:43 local@tbird-admin1 {s}: {s} startup succeeded"))
                .seen;
            assert_ne!(seen, Seen::Known, "{s}");
        }
    }

    #[test]
    fn different_events_stay_apart() {
        let mut m = Miner::default();
        let a = m.add("Jun 14 15:16:01 combo sshd[1]: session opened for user root by admin");
        let b = m.add("Jun 14 15:16:02 combo sshd[2]: connection closed by peer after timeout");
        assert_eq!(a.seen, Seen::New);
        assert_eq!(b.seen, Seen::New);
        assert_ne!(a.template, b.template);
    }

    #[test]
    fn quoted_values_with_spaces_are_one_token() {
        let mut m = Miner::default();
        m.add("acquire lock tag=\"View Lock 12\" name=\"ui\"");
        // digits inside a quoted text and a one-word quoted value vary freely
        assert_eq!(
            m.add("acquire lock tag=\"View Lock 7\" name=\"main\"").seen,
            Seen::Known
        );
        // other words in a quoted text are another message
        assert_ne!(
            m.add("acquire lock tag=\"Wake up now\" name=\"ui\"").seen,
            Seen::Known
        );
    }

    #[test]
    fn a_records_message_is_read_word_by_word_like_a_plain_line() {
        let mut m = Miner::default();
        let words = ["started", "stopped", "paused", "resumed", "crashed", "restarted", "drained", "evicted"];
        for w in words {
            let mined = m.add_record(&format!("level=info component=tailer msg=\"tail {w}\" path=/var/log/x.log"));
            assert_ne!(mined.seen, Seen::Known, "{w}");
        }
        // the same message again is a repeat
        let again = m.add_record("level=info component=tailer msg=\"tail paused\" path=/var/log/x.log");
        assert_eq!(again.seen, Seen::Known);
        // a message of other words is another event; one whose last word keeps changing (a
        // name) turns into a wildcard there after as many values as a plain line's word
        let other = m.add_record("level=info component=tailer msg=\"Removing target now\" path=/var/log/x.log");
        assert_eq!(other.seen, Seen::New);
        // its first word says what happened
        let verb = m.add_record("level=info component=tailer msg=\"Adding target now\" path=/var/log/x.log");
        assert_eq!(verb.seen, Seen::New);
        let mut last = Seen::New;
        for i in 0..WILDCARD_AFTER + 2 {
            let user = format!("user{}", (b'a' + i as u8) as char);
            last = m.add_record(&format!("level=info component=sshd msg=\"session opened for {user}\" path=/var/log/x.log")).seen;
        }
        assert_eq!(last, Seen::Known);
    }

    #[test]
    fn a_record_folds_new_values_and_soon_wildcards_a_field() {
        let mut m = Miner::default();
        let rec = |agent: &str, id: usize| {
            format!(
                "method=GET uri=/x status=200 id=C{id}x{} agent={agent}",
                id * 3
            )
        };
        assert_eq!(m.add_record(&rec("curl", 1)).seen, Seen::New);
        // a new id (digits) is a value, not an event
        assert_eq!(m.add_record(&rec("curl", 2)).seen, Seen::Known);
        // a new word shows until the field has held a handful of values
        assert_eq!(m.add_record(&rec("wget", 3)).seen, Seen::Variant);
        for a in ["go", "python"] {
            m.add_record(&rec(a, 4));
        }
        assert_eq!(m.add_record(&rec("kube", 5)).seen, Seen::Known);
        // in a plain line a new id in place of an id is a value too, a word in its place is not
        let mut plain = Miner::default();
        plain.add("took 12ms for job C1x3 of alice");
        assert_eq!(plain.add("took 12ms for job D2y6 of alice").seen, Seen::Known);
        assert_eq!(plain.add("took 12ms for job cleanup of alice").seen, Seen::Variant);
    }

    #[test]
    fn a_records_text_is_another_event_when_it_brings_a_word_its_field_has_not_shown() {
        let mut m = Miner::default();
        let rec = |command: &str| format!("level=info msg=\"sudo command\" user=deploy command=\"{command}\"");
        m.add_record(&rec("cat /etc/os-release"));
        // more texts than a field of one-word values holds before it turns into a wildcard
        for c in ["systemctl status nginx", "docker ps -a", "df -h", "ls -la /srv", "tail -n 50 /var/log/syslog"] {
            m.add_record(&rec(c));
        }
        // known words in another order or with other numbers: a value
        assert_eq!(m.add_record(&rec("tail -n 200 /var/log/syslog")).seen, Seen::Known);
        assert_eq!(m.add_record(&rec("systemctl status docker")).seen, Seen::Known);
        // a word the field has not shown, digits or not: another event
        assert_eq!(m.add_record(&rec("chmod 777 /etc/shadow")).seen, Seen::Variant);
        assert_eq!(m.add_record(&rec("reboot now")).seen, Seen::Variant);
        // a word of two letters is a word (`rm -rf /`, `su -`)
        assert_eq!(m.add_record(&rec("rm -rf /")).seen, Seen::Variant);
        // in any script
        assert_eq!(m.add_record(&rec("очистить кэш")).seen, Seen::Variant);
        assert_eq!(m.add_record(&rec("重启 服务")).seen, Seen::Variant);
    }

    #[test]
    fn a_records_first_words_key_its_event() {
        // git's trace2 events, as `fields::json_words` gives them (their names in order)
        let mut m = Miner::default();
        let region = |category: &str, n: u32| format!("category={category} event=region_enter file=x.c label=read line={n} nesting=1 repo=1 sid=20261130T193223.17{n}Z-H0a7c9cdf t_abs=0.00{n} thread=main");
        let first = m.add_record(&region("index", 1)).template;
        for c in ["cache_tree", "cache-tree", "diff", "merge", "pack-objects"] {
            assert_eq!(m.add_record(&region(c, 2)).seen, Seen::New, "{c}");
        }
        // a category seen before is its template again, whatever its numbers
        let again = m.add_record(&region("index", 7));
        assert_eq!((again.template, again.seen), (first, Seen::Known));
        // a sixth category is another event, not a sixth value of a field
        assert_eq!(m.add_record(&region("chunkfile", 3)).seen, Seen::New);
        // a list's first quoted word (`argv`, the command that ran) keys it too, and the words
        // after it are compared as Drain compares them
        let start = |argv: &str| format!("argv=[{argv}] event=start file=common-main.c line=51 sid=20261130T193223.172455Z-H0a7c9cdf thread=main");
        m.add_record(&start(r#""git" "maintenance" "run" "--auto""#));
        assert_eq!(m.add_record(&start(r#""scalar" "maintenance" "run" "--auto""#)).seen, Seen::New);
        assert_ne!(m.add_record(&start(r#""git" "reset" "-q" "--hard""#)).seen, Seen::New);
        // past the first words, a field of one-word values is a value
        let leave = |label: &str| format!("category=index event=region_leave file=read-cache.c label={label} line=2443 sid=20261130T193223.172455Z-H0a7c9cdf thread=main");
        m.add_record(&leave("do_read_index"));
        assert_ne!(m.add_record(&leave("do_write_index")).seen, Seen::New);
    }

    #[test]
    fn a_plain_lines_opening_word_keys_its_event_while_few_words_open_lines() {
        // the commands a CI job runs, each once: Drain's tree keys each by its first word
        let run = |m: &mut Miner, test: &str| {
            m.add(&format!("test/interface/{test}_test --gtest_output=\"xml:test/interface/{test}_test.xml\"")).seen
        };
        let mut m = Miner::default();
        assert_eq!(run(&mut m, "json_parser"), Seen::New);
        assert_eq!(run(&mut m, "argument_parser"), Seen::New);
        assert_eq!(run(&mut m, "json_parser"), Seen::Known);
        // a month or a level opens a header, not the line's subject: a variant at most
        let mut m = Miner::default();
        m.add("Jan 12 kernel booted on cpu");
        assert_ne!(m.add("Feb 12 kernel booted on cpu").seen, Seen::New);
        // past `OPENING_WORDS` words (`apt list`'s hundreds of packages), a new one is a value
        let mut m = Miner::default();
        let pkg = |m: &mut Miner, name: String| m.add(&format!("{name}/stable,now amd64 [installed]")).seen;
        let names: Vec<String> = (0..OPENING_WORDS + 5)
            .map(|i| format!("pkg{}", char::from(b'a' + (i % 26) as u8).to_string().repeat(1 + i / 26)))
            .collect();
        for n in &names[..OPENING_WORDS] {
            assert_eq!(pkg(&mut m, n.clone()), Seen::New, "{n}");
        }
        assert_ne!(pkg(&mut m, names[OPENING_WORDS].clone()), Seen::New);
    }

    #[test]
    fn a_source_tag_keys_its_event() {
        // `docker compose logs`: each service's line is its own service's event
        let mut m = Miner::default();
        let logback = |svc: &str| format!("{svc:<18} | 11:22:13,321 |-INFO in ConfigurationWatchList - Cannot watch base.xml");
        assert_eq!(m.add(&logback("admin-server")).seen, Seen::New);
        assert_eq!(m.add(&logback("visits-service")).seen, Seen::New);
        assert_eq!(m.add(&logback("visits-service")).seen, Seen::Known);
    }

    #[test]
    fn a_plain_lines_value_with_digits_is_a_value_and_a_word_an_event() {
        let mut m = Miner::default();
        let disk = |m: &mut Miner, dev: &str, ver: &str| {
            m.add(&format!("kernel: sd 0:0:0:0: disk {dev} attached by driver {ver} quietly")).seen
        };
        assert_eq!(disk(&mut m, "sda1", "3.4.0-2ubuntu1"), Seen::New);
        // other devices and versions: values, as Drain reads a token with digits
        assert_eq!(disk(&mut m, "sdb2", "1.17-3+deb10u2"), Seen::Known);
        assert_eq!(disk(&mut m, "nvme0n1", "3.4.0-2ubuntu1"), Seen::Known);
        // a word where a value stood is another event, and so is a word shown before in
        // another combination
        assert_eq!(disk(&mut m, "sdc", "3.4.0-2ubuntu1"), Seen::Variant);
        assert_eq!(disk(&mut m, "sdb2", "unknown"), Seen::Variant);
        assert_eq!(disk(&mut m, "sdc", "unknown"), Seen::Variant);
        // a process id gives a program name no value digits; nor do digits in a quoted text
        let mut m = Miner::default();
        m.add("Sep 24 host dbus-broker-launch[1378]: AppArmor enabled, not supported.");
        let other = m.add("Sep 24 host at-spi-dbus-bus.desktop[6277]: AppArmor enabled, not supported.");
        assert_eq!(other.seen, Seen::Variant);
        m.add("thread \"G1 Conc#2\" cpu=6.24ms runnable on the heap");
        let other = m.add("thread \"G1 Main Marker\" cpu=0.35ms runnable on the heap");
        assert_eq!(other.seen, Seen::Variant);
    }

    #[test]
    fn a_value_glued_to_its_name_is_a_value_only_of_the_same_field() {
        let mut m = Miner::default();
        let seen = |m: &mut Miner, pkg: &str| {
            m.add(&format!("Collecting {pkg} (from -r requirements.txt)")).seen
        };
        assert_eq!(seen(&mut m, "docker==2.1.0"), Seen::New);
        // another version of the same package
        assert_eq!(seen(&mut m, "docker==2.2.1"), Seen::Known);
        // another package among the first words: another event, whatever its version
        let mut first = Miner::default();
        first.add("docker==2.1.0 collected (from -r requirements.txt)");
        assert_eq!(first.add("backoff==1.3.2 collected (from -r requirements.txt)").seen, Seen::New);
        // past them, one more package Drain's template holds (its tree keys the first word)
        assert_eq!(seen(&mut m, "backoff==1.3.2"), Seen::Known);
    }

    #[test]
    fn a_qualified_class_is_a_value_unless_it_names_a_failure() {
        assert!(is_value("'org.sakuli.actions.Region.click()'"));
        assert!(is_value("net.sf.sahi.util.Utils"));
        // a key of settings, and exceptions, whose names run the error word into the class's
        for tok in ["mapred.task.id", "java.net.ConnectException:", "io.grpc.StatusRuntimeError"] {
            assert!(!is_value(tok), "{tok}");
        }
    }

    #[test]
    fn a_name_in_capitals_is_a_value_and_a_level_word_is_not() {
        let mut m = Miner::default();
        let table = |m: &mut Miner, name: &str| {
            m.add(&format!("kernel: ACPI: Reserving {name} table memory at [mem 0x8edae458-0x8edae56b]")).seen
        };
        assert_eq!(table(&mut m, "FACP"), Seen::New);
        assert_eq!(table(&mut m, "DSDT"), Seen::Known);
        assert_eq!(table(&mut m, "DBG2"), Seen::Known);
        // a word is an event, and so is another level
        assert_eq!(table(&mut m, "spare"), Seen::Variant);
        let mut m = Miner::default();
        m.add("2024-01-02 10:00:00 INFO pool drained after shutdown");
        assert_eq!(m.add("2024-01-02 10:00:01 WARN pool drained after shutdown").seen, Seen::Variant);
        let mut m = Miner::default();
        m.add("test suite cache_roundtrip finished OK");
        assert_eq!(m.add("test suite cache_roundtrip finished FAIL").seen, Seen::Variant);
        assert_eq!(m.add("test suite cache_roundtrip finished DENIED").seen, Seen::Variant);
        m.add("unit.service: Main process exited, code=exited, status=0/SUCCESS");
        let failed = m.add("unit.service: Main process exited, code=exited, status=1/FAILURE");
        assert_eq!(failed.seen, Seen::Variant);
        assert!(capitals("[PWRB]") && capitals("LNKC") && capitals("(SSDT,"));
        assert!(!capitals("INFO") && !capitals("[error]") && !capitals("A") && !capitals("Reserving"));
    }

    #[test]
    fn a_name_in_square_brackets_is_a_value_and_a_bracketed_level_is_not() {
        let mut m = Miner::default();
        assert_eq!(m.add("kernel: sd 1:0:0:0: [sdb] Write Protect is off").seen, Seen::New);
        assert_eq!(m.add("kernel: sd 3:0:0:0: [sdc] Write Protect is off").seen, Seen::Known);
        let mut m = Miner::default();
        m.add("[Sun Dec 04 04:47:44 2005] [notice] workerEnv.init() ok /etc/httpd/conf");
        let error = m.add("[Sun Dec 04 04:47:45 2005] [error] workerEnv.init() ok /etc/httpd/conf");
        assert_eq!(error.seen, Seen::Variant);
        assert!(bracketed_name("[sda]:") && !bracketed_name("[warn]") && !bracketed_name("[a b]"));
        assert!(!bracketed_name("[failed]") && !bracketed_name("[timeout]"));
    }

    #[test]
    fn value_digits() {
        assert!(has_value_digits("[sda0]"));
        assert!(has_value_digits("(0.0-0~deb0u0)"));
        assert!(!has_value_digits("sshd[0]:"));
        assert!(!has_value_digits("\"G0 Main Marker\""));
        assert!(!has_value_digits("0-0:0|Step_Manager|0|theDayChanged"));
        assert!(!has_value_digits("(II)"));
    }

    #[test]
    fn a_version_constraint_is_a_value_not_a_field() {
        assert_eq!(field_name("user=bob"), Some("user"));
        for tok in ["PyYAML~=6.0", "six>=1.5", "idna<=4", "pytest==9.0", "urllib3!=2.2.0,<3,>=1.25.4"] {
            assert_eq!(field_name(tok), None, "{tok}");
        }
        // pip names each package it collects, and the one that asked for it: one event (behind
        // a CI runner's stamp, as Drain keys a line on its first two words)
        let mut m = Miner::default();
        let first = m.add("2026-01-28T18:03:32.3686631Z Collecting PyYAML~=6.0 (from pytest-infrahouse==0.23.1)").template;
        for line in [
            "2026-01-28T18:03:32.5021912Z Collecting black~=25.0 (from pytest-infrahouse==0.23.1)",
            "2026-01-28T18:03:33.4932642Z Collecting click>=8.0.0 (from black~=25.0->pytest-infrahouse==0.23.1)",
            "2026-01-28T18:03:33.8930193Z Collecting urllib3!=2.2.0,<3,>=1.25.4 (from botocore~=1.35->pytest-infrahouse==0.23.1)",
            "2026-01-28T18:03:34.0505004Z Collecting six>=1.5 (from python-dateutil<3.0.0,>=2.1->botocore~=1.35->pytest-infrahouse==0.23.1)",
        ] {
            assert_eq!(m.add(line).template, first, "{line}");
        }
    }
}
