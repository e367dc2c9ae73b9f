//! A small JSON parser into a tree that borrows from the input.
//!
//! Strings and numbers keep their raw source text (escapes intact), so whatever the compressor
//! writes back is byte-for-byte what the input said: no float reformatting, no big integers
//! rounded, no escapes changed. Objects are vectors of members in input order. Borrowing and no
//! hashing make it several times faster than building `serde_json::Value`s.

use std::borrow::Cow;

#[derive(Debug, Clone, PartialEq)]
pub enum Node<'a> {
    Null,
    Bool(bool),
    /// Raw number text, e.g. `-1.50e3`.
    Num(&'a str),
    /// Raw string text between the quotes, escapes as written.
    Str(&'a str),
    Arr(Vec<Node<'a>>),
    /// Members with their raw keys, in input order.
    Obj(Vec<(&'a str, Node<'a>)>),
}

/// Nesting deeper than this is refused (the input then goes to the generic folder).
const MAX_DEPTH: usize = 256;

impl<'a> Node<'a> {
    pub fn is_object(&self) -> bool {
        matches!(self, Node::Obj(_))
    }
    pub fn is_array(&self) -> bool {
        matches!(self, Node::Arr(_))
    }
    pub fn is_string(&self) -> bool {
        matches!(self, Node::Str(_))
    }
    pub fn is_container(&self) -> bool {
        matches!(self, Node::Obj(_) | Node::Arr(_))
    }
    /// The raw text of a string.
    pub fn as_str(&self) -> Option<&'a str> {
        match self {
            Node::Str(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_object(&self) -> Option<&[(&'a str, Node<'a>)]> {
        match self {
            Node::Obj(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_array(&self) -> Option<&[Node<'a>]> {
        match self {
            Node::Arr(a) => Some(a),
            _ => None,
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Node::Num(n) => n.parse().ok(),
            _ => None,
        }
    }
    /// A 128-bit digest of the value's structure and raw text: equal digests mean equal values
    /// (two independent 64-bit hashes, so a false match is out of the question in practice).
    pub fn fingerprint(&self) -> u128 {
        let (mut a, mut b) = (0xcbf29ce484222325u64, 0x9e3779b97f4a7c15u64);
        self.feed(&mut |bytes: &[u8]| {
            for &x in bytes {
                a = (a ^ u64::from(x)).wrapping_mul(0x100000001b3);
                b = (b ^ u64::from(x))
                    .wrapping_mul(0xff51afd7ed558ccd)
                    .rotate_left(29);
            }
        });
        (u128::from(a) << 64) | u128::from(b)
    }

    fn feed(&self, f: &mut impl FnMut(&[u8])) {
        let text = |f: &mut dyn FnMut(&[u8]), tag: &[u8], s: &str| {
            f(tag);
            f(&(s.len() as u64).to_le_bytes());
            f(s.as_bytes());
        };
        match self {
            Node::Null => f(b"n"),
            Node::Bool(true) => f(b"t"),
            Node::Bool(false) => f(b"f"),
            Node::Num(n) => text(f, b"#", n),
            Node::Str(s) => text(f, b"s", s),
            Node::Arr(items) => {
                f(b"[");
                f(&(items.len() as u64).to_le_bytes());
                items.iter().for_each(|x| x.feed(f));
            }
            Node::Obj(members) => {
                f(b"{");
                f(&(members.len() as u64).to_le_bytes());
                for (k, x) in members {
                    text(f, b"k", k);
                    x.feed(f);
                }
            }
        }
    }

    /// The member `key` (raw) of an object.
    pub fn get(&self, key: &str) -> Option<&Node<'a>> {
        self.as_object()?
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| v)
    }
}

/// The decoded text of a raw JSON string (keys for JSON Pointers).
pub fn unescape(raw: &str) -> Cow<'_, str> {
    if !raw.contains('\\') {
        return Cow::Borrowed(raw);
    }
    match serde_json::from_str::<String>(&format!("\"{raw}\"")) {
        Ok(s) => Cow::Owned(s),
        Err(_) => Cow::Borrowed(raw),
    }
}

/// One JSON document (surrounding whitespace allowed), or None when it is not valid JSON.
#[cfg(test)]
pub fn parse(text: &str) -> Option<Node<'_>> {
    let mut values = parse_sequence(text)?;
    (values.len() == 1).then(|| values.pop()).flatten()
}

/// JSON values one after another, separated by whitespace at most, as `jq` and `go list -json`
/// print them (NDJSON is the case of one value per line); None when any part is not JSON.
pub fn parse_sequence(text: &str) -> Option<Vec<Node<'_>>> {
    let mut p = Parser {
        s: text,
        b: text.as_bytes(),
        i: 0,
    };
    let mut values = Vec::new();
    loop {
        p.ws();
        if p.i == p.b.len() {
            return Some(values);
        }
        values.push(p.value(0)?);
    }
}

struct Parser<'a> {
    s: &'a str,
    b: &'a [u8],
    i: usize,
}

impl<'a> Parser<'a> {
    fn ws(&mut self) {
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn eat(&mut self, c: u8) -> Option<()> {
        (self.b.get(self.i) == Some(&c)).then(|| self.i += 1)
    }

    fn value(&mut self, depth: usize) -> Option<Node<'a>> {
        if depth > MAX_DEPTH {
            return None;
        }
        match *self.b.get(self.i)? {
            b'{' => self.object(depth),
            b'[' => self.array(depth),
            b'"' => self.string().map(Node::Str),
            b't' => self.word("true", Node::Bool(true)),
            b'f' => self.word("false", Node::Bool(false)),
            b'n' => self.word("null", Node::Null),
            b'-' | b'0'..=b'9' => self.number(),
            _ => None,
        }
    }

    fn word(&mut self, w: &str, v: Node<'a>) -> Option<Node<'a>> {
        self.b[self.i..].starts_with(w.as_bytes()).then(|| {
            self.i += w.len();
            v
        })
    }

    fn object(&mut self, depth: usize) -> Option<Node<'a>> {
        self.i += 1;
        let mut members = Vec::new();
        self.ws();
        if self.eat(b'}').is_some() {
            return Some(Node::Obj(members));
        }
        loop {
            self.ws();
            if self.b.get(self.i) != Some(&b'"') {
                return None;
            }
            let key = self.string()?;
            self.ws();
            self.eat(b':')?;
            self.ws();
            let v = self.value(depth + 1)?;
            members.push((key, v));
            self.ws();
            match *self.b.get(self.i)? {
                b',' => self.i += 1,
                b'}' => {
                    self.i += 1;
                    return Some(Node::Obj(members));
                }
                _ => return None,
            }
        }
    }

    fn array(&mut self, depth: usize) -> Option<Node<'a>> {
        self.i += 1;
        let mut items = Vec::new();
        self.ws();
        if self.eat(b']').is_some() {
            return Some(Node::Arr(items));
        }
        loop {
            self.ws();
            items.push(self.value(depth + 1)?);
            self.ws();
            match *self.b.get(self.i)? {
                b',' => self.i += 1,
                b']' => {
                    self.i += 1;
                    return Some(Node::Arr(items));
                }
                _ => return None,
            }
        }
    }

    /// At an opening quote: the raw text up to the closing one.
    fn string(&mut self) -> Option<&'a str> {
        self.i += 1;
        let start = self.i;
        loop {
            let c = *self.b.get(self.i)?;
            match c {
                b'"' => {
                    self.i += 1;
                    return Some(&self.s[start..self.i - 1]);
                }
                b'\\' => match *self.b.get(self.i + 1)? {
                    b'"' | b'\\' | b'/' | b'b' | b'f' | b'n' | b'r' | b't' => self.i += 2,
                    b'u' => {
                        let hex = self.b.get(self.i + 2..self.i + 6)?;
                        if !hex.iter().all(u8::is_ascii_hexdigit) {
                            return None;
                        }
                        self.i += 6;
                    }
                    _ => return None,
                },
                0..=0x1f => return None,
                _ => self.i += 1,
            }
        }
    }

    fn number(&mut self) -> Option<Node<'a>> {
        let start = self.i;
        self.eat(b'-');
        match *self.b.get(self.i)? {
            b'0' => self.i += 1,
            b'1'..=b'9' => self.digits(),
            _ => return None,
        }
        if self.eat(b'.').is_some() {
            self.need_digits()?;
        }
        if let Some(b'e' | b'E') = self.b.get(self.i) {
            self.i += 1;
            if let Some(b'+' | b'-') = self.b.get(self.i) {
                self.i += 1;
            }
            self.need_digits()?;
        }
        Some(Node::Num(&self.s[start..self.i]))
    }

    fn digits(&mut self) {
        while let Some(b'0'..=b'9') = self.b.get(self.i) {
            self.i += 1;
        }
    }

    fn need_digits(&mut self) -> Option<()> {
        let at = self.i;
        self.digits();
        (self.i > at).then_some(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_keeps_raw_text() {
        let v =
            parse(r#" {"a": [1, -2.50e3, true, null], "b\"c": "x\ny\u00e9", "d": {}} "#).unwrap();
        let m = v.as_object().unwrap();
        assert_eq!(m[0].0, "a");
        assert_eq!(
            m[0].1,
            Node::Arr(vec![
                Node::Num("1"),
                Node::Num("-2.50e3"),
                Node::Bool(true),
                Node::Null
            ])
        );
        assert_eq!(m[1].0, "b\\\"c");
        assert_eq!(unescape(m[1].0), "b\"c");
        assert_eq!(m[1].1.as_str(), Some("x\\ny\\u00e9"));
        assert_eq!(m[2].1, Node::Obj(vec![]));
    }

    #[test]
    fn a_sequence_is_its_values_in_order() {
        let v = parse_sequence("{\"a\": 1}\n{\n  \"a\": [2]\n}[3]\r\n").unwrap();
        assert_eq!(v.len(), 3);
        assert_eq!(v[1].get("a"), Some(&Node::Arr(vec![Node::Num("2")])));
        assert_eq!(v[2], Node::Arr(vec![Node::Num("3")]));
        assert_eq!(parse_sequence(" \n").unwrap(), vec![]);
        // a value cut short or followed by anything but JSON is no sequence
        assert!(parse_sequence("{\"a\": 1}\n{\"a\":").is_none());
        assert!(parse_sequence("{\"a\": 1} and more").is_none());
    }

    #[test]
    fn fingerprints_tell_values_apart() {
        let fp = |t: &str| parse(t).unwrap().fingerprint();
        assert_eq!(fp(r#"{"a": [1, "x"]}"#), fp(r#"{ "a" : [ 1 , "x" ] }"#));
        for other in [
            r#"{"a": [1, "y"]}"#,
            r#"{"a": ["1", "x"]}"#,
            r#"{"b": [1, "x"]}"#,
            r#"{"a": [1, "x"], "b": null}"#,
            r#"[{"a": [1, "x"]}]"#,
        ] {
            assert_ne!(fp(r#"{"a": [1, "x"]}"#), fp(other), "{other}");
        }
    }

    #[test]
    fn rejects_what_json_rejects() {
        for bad in [
            "{",
            "[1,]",
            "{\"a\" 1}",
            "01",
            "1.",
            "\"a\nb\"",
            "\"\\x\"",
            "[1] 2",
            "tru",
            "{'a': 1}",
            "-",
        ] {
            assert!(parse(bad).is_none(), "{bad:?} should not parse");
            assert!(
                serde_json::from_str::<serde_json::Value>(bad).is_err(),
                "{bad:?} is valid for serde_json"
            );
        }
        let deep = "[".repeat(1000) + &"]".repeat(1000);
        assert!(parse(&deep).is_none());
    }
}
