//! The names a line gives, as sets: a warning's words that name things, an error's services'
//! addresses, places in files and codes. A line that gives a set its event has not shown among the first few stays.

use crate::hash::{FxHashMap, FxHashSet, FxHasher};
use crate::re::re;
use std::hash::Hasher;

/// The sets of names shown for each of some events (a warning's template, an error's message),
/// up to a few per event: a line that gives another set among the first few of its event stays.
pub(super) struct FirstNames {
    shown: FxHashSet<(u64, u64)>,
    per_event: FxHashMap<u64, usize>,
    few: usize,
}

impl FirstNames {
    pub(super) fn new(few: usize) -> FirstNames {
        FirstNames { shown: FxHashSet::default(), per_event: FxHashMap::default(), few }
    }

    /// Whether `names` (a set, see `hash_set`) are new to `event`, among its first `few` sets:
    /// they are noted shown, and the line that gives them stays.
    pub(super) fn first_of(&mut self, event: u64, names: u64) -> bool {
        let shown = self.per_event.entry(event).or_insert(0);
        if *shown >= self.few || !self.shown.insert((event, names)) {
            return false;
        }
        *shown += 1;
        true
    }
}

/// A warning template's first few sets of names stay, each: a handful of settings deprecated
/// (`The syntax 'log_slave_updates' is deprecated …`, `'skip_slave_start'`; Traefik's
/// `SSLRedirect is deprecated`, `SSLForceHost is deprecated`), each one a thing to fix. Past
/// them a name is one more value of a list (a warning for each file of a manifest), and folds
/// like any repeat, its marker saying what varied.
pub(super) const WARNINGS_PER_TEMPLATE: usize = 4;

/// An error's first few sets of services' addresses stay, each: a proxy failing on a second
/// backend (Apache's `attempt to connect to 127.0.0.1:28998 … failed` under the same message
/// for 28999; Caddy's `dial tcp 127.0.0.1:18099: connect: connection refused`; a cluster's
/// members, each at etcd's 2379). Past them an address is one more value (a client's, where a
/// system gives its ports out low), and folds. (`localhost:2379` and `127.0.0.1:2379` are two.)
pub(super) const ADDRESSES_PER_MESSAGE: usize = 3;

/// An error's or a warning's first few places in files stay, each: a config file's unknown
/// commands at lines 179 and 198, reported in the same words, are two lines to fix, and so are
/// a script's two `substr outside of string`. Past them a place is one more value (a data
/// file's rows an importer rejects), and folds.
pub(super) const PLACES_PER_MESSAGE: usize = 4;

/// The place in a source file a line ends with, as a failed assertion names it (`NVRM:
/// nvAssertFailedNoLog: Assertion failed: … @ rs_server.c:259`): its file and line, as one
/// hash; 0 for none. Only a source file's extension makes it a file: a host and its port
/// (`peer.example.net:50372`, `redis.prod:46581`) is none.
pub(super) fn code_place_at_end(line: &str) -> u64 {
    let Some(last) = line.split_ascii_whitespace().next_back() else {
        return 0;
    };
    let Some((file, number)) = last.rsplit_once(':') else {
        return 0;
    };
    let Some((name, ext)) = file.rsplit_once('.') else {
        return 0;
    };
    let is_file = !name.is_empty()
        && matches!(
            ext,
            "c" | "h" | "cc" | "cpp" | "cxx" | "hh" | "hpp" | "m" | "mm" | "go" | "rs" | "py" | "java" | "kt" | "scala" | "js" | "ts"
                | "rb" | "php" | "cs" | "swift" | "erl" | "ex" | "lua" | "pl" | "zig"
        )
        && (1..=6).contains(&number.len())
        && number.bytes().all(|c| c.is_ascii_digit());
    if is_file {
        crate::hash::of_text(last)
    } else {
        0
    }
}

/// The places in files `line` names as a parser reports them (`c5.cfg, line 198, column 26:
/// unknown command`, `site.conf:12: `), Perl a warning (`… at report.pl line 14.`) or a
/// compiler the place of its error on a line of its own, under it (rustc's `  --> src/ui/
/// router.rs:76:4`), as a set; 0 for none.
pub(super) fn places_given(line: &str) -> u64 {
    if !re!(r"\S\.[A-Za-z]\w*(?::\d+(?::\d+)?: |, line \d| line \d+(?:\.|, <))|(?:^|\s)--> \S+\.[A-Za-z]\w*:\d+:\d+\s*$").is_match(line) {
        return 0;
    }
    // (Perl adds the line of the input it was reading, `… line 14, <STDIN> line 4.`: no place)
    let line = line.split_once(", <").map_or(line, |(place, _)| place);
    let mut places = String::new();
    crate::mask::push_line_numbers(line, &mut places);
    crate::hash::of_text(&places)
}

/// An error's first few codes stay, each: the code a result or a process ended with says which
/// failure it was (GitHub Actions' `Process completed with exit code 22.` after `exit code
/// 1.`, slapd's `err=49` and `err=50`, Varnish's child that `died signal=9`, killed, after
/// one that `died signal=6`). Past them a code is one more value (a status that counts up).
pub(super) const CODES_PER_MESSAGE: usize = 4;

/// The codes `line` gives a result or a process's end, as a set; 0 for none: a word with digits
/// after `code`, `status` or Windows' `HRESULT` (`exit code 22.`, `exit status 137`, CBS's
/// `[HRESULT = 0x800f0805 - CBS_E_INVALID_PACKAGE]`, `HRESULT: 0x80070005`), an `err=` or
/// `HRESULT=` field, systemd's `status=127/n/a`, and a
/// signal's number or name in a `signal=` or `sig=` field (another field of that name holds an
/// id: a request's signature). Windows' code also names an HRESULT `hr` (`hr = 0x80070002`,
/// `(hr=0x800f081f)`, `hr:0x80070002`), a word that may mean hours: there, only a value written as one counts.
pub(super) fn codes_given(line: &str) -> u64 {
    let (mut after_code, mut after_hr) = (false, false);
    hash_set(line.split_ascii_whitespace().filter(|&tok| {
        if tok == "=" {
            return false;
        }
        let coded = std::mem::replace(&mut after_code, matches!(tok.trim_start_matches('['), "code" | "status" | "HRESULT" | "HRESULT:")) && tok.bytes().any(|c| c.is_ascii_digit());
        let hr = tok.trim_start_matches(['(', '[']);
        let hresult = (std::mem::replace(&mut after_hr, matches!(hr, "hr" | "hr:")) && is_hresult(tok))
            || hr.strip_prefix("hr=").or_else(|| hr.strip_prefix("hr:")).is_some_and(is_hresult);
        coded
            || hresult
            || tok.split_once('=').is_some_and(|(key, value)| {
                matches!(key, "err" | "HRESULT")
                    || (matches!(key, "signal" | "sig") && ((value.len() <= 2 && value.bytes().all(|c| c.is_ascii_digit())) || value.starts_with("SIG")))
                    || (key == "status" && systemd_status(value))
            })
    }))
}

/// Whether a `status=` field's value is a process's end as systemd states it, a number and its
/// name (`status=1/FAILURE`, `status=9/KILL`, `status=127/n/a`): a logfmt record's `status=` is
/// a request's, read as its status.
fn systemd_status(value: &str) -> bool {
    value.split_once('/').is_some_and(|(n, _)| !n.is_empty() && n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit()))
}

/// Whether `word` is an HRESULT as Windows writes one, `0x` and eight hex digits, punctuation
/// after it aside (`0x80070005,`, `0x8007007b!`).
fn is_hresult(word: &str) -> bool {
    let word = word.trim_end_matches([',', '.', ';', ')', ']', '!']);
    word.len() == 10 && word.starts_with("0x") && word[2..].bytes().all(|c| c.is_ascii_hexdigit())
}

/// The services' addresses `line` names (`service_address`), outside `key=value` fields, as a set;
/// not a client's, which Apache names as such (`[client 82.1.1.42:3904]`): a system may give
/// clients ports below `EPHEMERAL_PORTS` too.
pub(super) fn addresses_given(line: &str) -> u64 {
    let mut after_client = false;
    hash_set(line.split_ascii_whitespace().filter_map(|t| {
        let client = std::mem::replace(&mut after_client, t.trim_matches(['[', ':']).eq_ignore_ascii_case("client"));
        (!client && !t.contains('=')).then(|| service_address(t)).flatten()
    }))
}

/// A set of words as the sum of their hashes, the same in any order.
fn hash_set<'a>(words: impl Iterator<Item = &'a str>) -> u64 {
    words.fold(0u64, |sum, word| {
        let mut h = FxHasher::default();
        h.write(word.as_bytes());
        sum.wrapping_add(h.finish())
    })
}

/// The words of `line` that name something, as a set (fields print in any order): words
/// without digits, quotes and punctuation around them taken off; not a place (`is_place`), nor
/// a value with digits (a time, an id, a count), which differ from warning to warning of one
/// kind.
pub(super) fn names_given(line: &str) -> u64 {
    hash_set(line.split_ascii_whitespace().filter_map(|word| {
        // (a place is told by its first byte, inside the quotes or brackets around it, or as
        // a field's value: `path=/srv/x`)
        let value = word.split_once('=').map_or(word, |(_, value)| value);
        let quoted = value.trim_start_matches(['"', '\'', '`', '(', '[', '<']);
        let word = word.trim_matches(|c: char| !c.is_alphanumeric());
        (!(word.is_empty() || word.bytes().any(|c| c.is_ascii_digit()) || is_place(quoted))).then_some(word)
    }))
}

/// Whether `word` names a place, not a thing: an absolute path, a URL (a warning's file or
/// endpoint differs from warning to warning of one kind); a namespace's object
/// (`keycloak/keycloak-tls`) is a name.
fn is_place(word: &str) -> bool {
    word.starts_with(['/', '~']) || word.contains("://") || word.contains(":\\")
}

/// A service's address: a host's and a port below the range systems pick clients' ports from
/// (Linux from 32768, others higher): `127.0.0.1:28998` of `(127.0.0.1:28998)`, `db:5432` of
/// `db:5432:`, `[::]:82`. The host is an IP address, or a name without dots past the well-known ports:
/// `app.py:1024`, `Makefile:12` and `12:5` are places in files. The same port on another host
/// is another service (a cluster's peers, each on etcd's 2379).
pub(super) fn service_address(tok: &str) -> Option<&str> {
    let address = tok.trim_end_matches([':', ',', ';', ')', ']']).trim_start_matches('(');
    // (an IPv6 host keeps its brackets: `[::]:82`)
    let address = if address.starts_with('[') && !address.contains("]:") { &address[1..] } else { address };
    let (host, port) = address.rsplit_once(':')?;
    let host = host.trim_start_matches('[');
    let port_number = (!port.is_empty() && port.len() <= 5 && port.bytes().all(|c| c.is_ascii_digit()))
        .then(|| port.parse::<u32>().ok())
        .flatten()
        .filter(|&p| p < EPHEMERAL_PORTS)?;
    let ipv4 = host.split('.').count() == 4 && host.split('.').all(|part| !part.is_empty() && part.len() <= 3 && part.bytes().all(|c| c.is_ascii_digit()));
    let name = host.bytes().any(|c| c.is_ascii_alphabetic())
        && host.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-')
        && port_number >= 1024;
    // (an IPv6 address in its brackets: Go's listeners on every address, `[::]:8080`)
    let ipv6 = host.strip_suffix(']').is_some_and(|h| h.contains(':') && h.bytes().all(|c| c.is_ascii_hexdigit() || c == b':' || c == b'.'));
    (ipv4 || ipv6 || name).then_some(address)
}

/// Where Linux starts the ports it gives clients (`ip_local_port_range`).
const EPHEMERAL_PORTS: u32 = 32768;
