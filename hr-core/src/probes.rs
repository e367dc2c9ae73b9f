//! A client that fails on many distinct paths probes them: a scanner's wordlist (`/.env`,
//! `/wp-login.php`, `/Mw9a5c.php`), a crawler's dead links. A failed request is an error whose
//! message is its request (method, path, host and status), one example of each kept by the log
//! compressor and the guard alike; past the first few paths a client failed on in one way, a
//! new one is one more probe, one message with the others, and the marker counts the paths.
//! An application's faults (500s) stay their own on more paths than a client's 404s.

use crate::hash::{FxHashMap, FxHasher};
use crate::log::fields::request_field;
use crate::mask::shape;
use std::hash::Hasher;

/// A failed request, hashed: `way` is how it failed (its method, virtual host, status and
/// whatever else tells the line's shape apart), `request` the way and its path's shape;
/// `fault`: whether it is an application's fault (a 500); `client`: who sent it, where a
/// column log's header names the column (W3C's `c-ip`), as a text's hash (`hash::of_text`),
/// or none, where the line says it (see `client`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestKey {
    pub request: u64,
    pub way: u64,
    pub fault: bool,
    pub client: Option<u64>,
}

impl RequestKey {
    pub fn new(method: &str, host: &str, status: u16, line_shape: &[usize], path: &str) -> RequestKey {
        let mut h = FxHasher::default();
        h.write(method.as_bytes());
        h.write_u8(0);
        h.write(host.as_bytes());
        h.write_u16(status);
        for &n in line_shape {
            h.write_usize(n);
        }
        let way = h.finish();
        h.write(shape(path).as_bytes());
        // an application's fault (a 500) is another fault to fix on another path: a client's
        // first `FAULT_PATHS` of them stay their own, where a scanner's wordlist meets 404s and
        // 403s (a gateway's 502 or 503 on every path is one fault, the upstream's)
        RequestKey { request: h.finish(), way, fault: status == 500, client: None }
    }
}

/// Distinct paths a client fails on in one way that each stay as their own message.
const OWN_PATHS: usize = 8;
/// As many, for an application's faults: a developer's own browser meets a broken app's 500s
/// on dozens of pages, each a bug of its own; a crawler on a broken front controller meets
/// one on every path, and its wordlist folds past these.
const FAULT_PATHS: usize = 64;
/// Clients remembered (failing ways, one per client), at most: memory stays bounded when every
/// line is another client's.
const CLIENTS: usize = 4096;
/// As many, for the ways of an application's faults, whose paths are more: held beside every
/// log's plan, they leave it room.
const FAULT_CLIENTS: usize = 512;

/// The failed requests read so far: for each client and way of failing, its first paths (an
/// application's faults apart).
#[derive(Default)]
pub struct Probes {
    paths: FxHashMap<u64, Vec<u64>>,
    faults: FxHashMap<u64, Vec<u64>>,
}

impl Probes {
    /// Bytes this holds at most.
    pub const HELD: usize = CLIENTS * (OWN_PATHS * 8 + 48) + FAULT_CLIENTS * (FAULT_PATHS * 8 + 48);

    /// The message of the failed request `line`: its own (`key.request`), or, once its client
    /// failed in the same way (`key.way`) on `OWN_PATHS` other paths (`FAULT_PATHS` for an
    /// application's fault), the way's.
    pub fn message(&mut self, line: &str, key: RequestKey) -> u64 {
        let RequestKey { request, way, fault, client: named } = key;
        let (ways, clients, own_paths) = if fault {
            (&mut self.faults, FAULT_CLIENTS, FAULT_PATHS)
        } else {
            (&mut self.paths, CLIENTS, OWN_PATHS)
        };
        let mut h = FxHasher::default();
        h.write_u64(way);
        h.write_u64(named.unwrap_or_else(|| crate::hash::of_text(client(line))));
        let clients_way = h.finish();
        if ways.len() >= clients && !ways.contains_key(&clients_way) {
            return request;
        }
        let paths = ways.entry(clients_way).or_default();
        if paths.contains(&request) {
            request
        } else if paths.len() < own_paths {
            paths.push(request);
            request
        } else {
            clients_way
        }
    }
}

/// Who sent the request: a JSON record's client address (Caddy's `request.client_ip`), or an
/// access line's first word, after a `docker compose` tag (the client's address in the common
/// and combined formats); in HTTP.sys's error log, which opens with the date and time and then
/// the client's address and port (`2016-08-16 07:27:15 141.137.140.177 49724 …`), that
/// address. A W3C log's `#Fields:` header names its client's column, which the log reads
/// (`RequestKey::client`; IIS's own log puts the server's address first): this reads the lines
/// no header names columns for, the guard's, a log's tail cut below its header.
fn client(line: &str) -> &str {
    let t = line.trim_start();
    if t.starts_with('{') {
        return request_field(t, &["client_ip", "remote_ip", "remote_addr"]).unwrap_or("");
    }
    let mut words = t.split_ascii_whitespace();
    let first = words.next().unwrap_or("");
    let second = words.next();
    if second == Some("|") {
        return words.next().unwrap_or("");
    }
    if is_date(first) {
        if let (Some(address), Some(port)) = (words.next(), words.next()) {
            if address.parse::<std::net::IpAddr>().is_ok() && !port.is_empty() && port.bytes().all(|c| c.is_ascii_digit()) {
                return address;
            }
        }
    }
    first
}

/// Whether `word` is a date as W3C writes it (`2016-08-16`).
fn is_date(word: &str) -> bool {
    let b = word.as_bytes();
    b.len() == 10 && b[4] == b'-' && b[7] == b'-' && b.iter().enumerate().all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_client_is_the_address_that_sent_the_request() {
        let line = r#"192.168.126.135 - - [29/Feb/2024:12:38:30 +0800] "GET /7AuHIG HTTP/1.1" 404 55771"#;
        assert_eq!(client(line), "192.168.126.135");
        assert_eq!(client(&format!("nginx-1  | {line}")), "192.168.126.135");
        let caddy = r#"{"level":"info","ts":1.5,"request":{"remote_ip":"172.19.0.1","client_ip":"10.0.0.9","method":"GET","uri":"/x"},"status":404}"#;
        assert_eq!(client(caddy), r#""10.0.0.9""#);
        // HTTP.sys's error log opens with the date and time, then the client's address and port;
        // IIS's own, with the server's address and the method
        let httperr = "2016-08-16 07:27:15 141.137.140.177 49724 141.137.140.120 2869 HTTP/1.1 NOTIFY /upnp/eventing/qhgqgqyhjk 503 - N/A -";
        assert_eq!(client(httperr), "141.137.140.177");
        let iis = "2024-01-01 10:00:00 10.0.0.5 GET /docs/guide-x.pdf - 443 - 198.51.100.10 Mozilla/5.0 - 404 0 0 10";
        assert_eq!(client(iis), "2024-01-01");
    }

    #[test]
    fn a_client_failing_on_many_paths_probes_them() {
        let mut p = Probes::default();
        let line = |who: &str| format!("{who} - - [29/Feb/2024:12:38:30 +0800] \"GET /x HTTP/1.1\" 404 1");
        // its first paths are requests of their own, and so is each one again
        for key in 0..OWN_PATHS as u64 {
            assert_eq!(p.message(&line("10.0.0.1"), RequestKey { request: key, way: 700, fault: false, client: None }), key);
        }
        assert_eq!(p.message(&line("10.0.0.1"), RequestKey { request: 3, way: 700, fault: false, client: None }), 3);
        // past them, a new path is one more probe: one message, whatever the path
        let probe = p.message(&line("10.0.0.1"), RequestKey { request: 100, way: 700, fault: false, client: None });
        assert_ne!(probe, 100);
        assert_eq!(p.message(&line("10.0.0.1"), RequestKey { request: 101, way: 700, fault: false, client: None }), probe);
        // another client, or another way of failing (`way`), keeps its own paths
        assert_eq!(p.message(&line("10.0.0.2"), RequestKey { request: 100, way: 700, fault: false, client: None }), 100);
        assert_eq!(p.message(&line("10.0.0.1"), RequestKey { request: 100, way: 800, fault: false, client: None }), 100);
    }

    #[test]
    fn an_application_s_500s_stay_their_own_on_more_paths_than_its_404s() {
        // a developer's own browser at ::1 meets a PHP app's faults on many pages: each page's
        // 500 is its own up to `FAULT_PATHS`; its 404s and a gateway's 503s past `OWN_PATHS`
        let mut p = Probes::default();
        let messages = |p: &mut Probes, status: u16, paths: usize| -> usize {
            let m: std::collections::HashSet<u64> = (0..paths)
                .map(|k| {
                    let path = format!("/page{k}x/edit.php").replace(|c: char| c.is_ascii_digit(), "q");
                    let path = format!("{path}{}", "z".repeat(k));
                    let line = format!("::1 - - [29/Feb/2024:12:38:30 +0800] \"GET {path} HTTP/1.1\" {status} 1");
                    p.message(&line, RequestKey::new("GET", "", status, &[10], &path))
                })
                .collect();
            m.len()
        };
        assert_eq!(messages(&mut p, 500, 40), 40);
        assert_eq!(messages(&mut p, 404, 40), OWN_PATHS + 1);
        assert_eq!(messages(&mut p, 503, 40), OWN_PATHS + 1);
        // a crawler on a broken front controller: a 500 on every path folds past the first
        let mut p = Probes::default();
        assert_eq!(messages(&mut p, 500, 3 * FAULT_PATHS), FAULT_PATHS + 1);
    }
}
