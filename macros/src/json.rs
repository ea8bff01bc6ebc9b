//! The little JSON the macros read and write: a committed schema's
//! `x-evently` record, and a type's shape.
//!
//! Written here rather than taken from serde_json: a proc-macro's
//! dependencies are built for the host, apart from the program's own, so
//! serde_json here meant a second serde_json and serde_core in every fresh
//! build of a crate that uses evently, on the way to compiling evently.

use std::fmt::Write as _;

/// A JSON value. Numbers keep their text: the macros never compute with them.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Value {
    Null,
    Bool(bool),
    Number(String),
    String(String),
    Array(Vec<Value>),
    /// Members in the order written.
    Object(Vec<(String, Value)>),
}

impl Value {
    /// An array of strings.
    pub(crate) fn strings(items: &[String]) -> Self {
        Self::Array(items.iter().cloned().map(Self::String).collect())
    }

    /// An object's member named `key`.
    pub(crate) fn get(&self, key: &str) -> Option<&Value> {
        match self {
            Self::Object(members) => members.iter().find(|(name, _)| name == key).map(|(_, v)| v),
            _ => None,
        }
    }

    pub(crate) fn as_str(&self) -> Option<&str> {
        match self {
            Self::String(text) => Some(text),
            _ => None,
        }
    }

    pub(crate) fn as_array(&self) -> Option<&[Value]> {
        match self {
            Self::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The compact form: no whitespace, members in their order, strings
    /// escaped as serde_json escapes them.
    pub(crate) fn to_compact(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }

    fn write(&self, out: &mut String) {
        match self {
            Self::Null => out.push_str("null"),
            Self::Bool(value) => out.push_str(if *value { "true" } else { "false" }),
            Self::Number(text) => out.push_str(text),
            Self::String(text) => write_string(text, out),
            Self::Array(items) => {
                out.push('[');
                for (n, item) in items.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    item.write(out);
                }
                out.push(']');
            }
            Self::Object(members) => {
                out.push('{');
                for (n, (name, value)) in members.iter().enumerate() {
                    if n > 0 {
                        out.push(',');
                    }
                    write_string(name, out);
                    out.push(':');
                    value.write(out);
                }
                out.push('}');
            }
        }
    }
}

fn write_string(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if u32::from(c) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Parses one JSON document; the error names what was wrong and where.
pub(crate) fn parse(text: &str) -> Result<Value, String> {
    let mut parser = Parser { bytes: text.as_bytes(), at: 0, depth: 0 };
    let value = parser.value()?;
    parser.skip_space();
    if parser.at < parser.bytes.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

/// Nesting deeper than this is refused rather than recursed into.
const MAX_DEPTH: usize = 128;

struct Parser<'a> {
    bytes: &'a [u8],
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.bytes[..self.at.min(self.bytes.len())];
        let line = before.iter().filter(|&&b| b == b'\n').count() + 1;
        let column = before.iter().rev().take_while(|&&b| b != b'\n').count() + 1;
        format!("{what} at line {line} column {column}")
    }

    fn skip_space(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.bytes.get(self.at) {
            self.at += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.bytes.get(self.at) == Some(&byte) {
            self.at += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, value: Value) -> Result<Value, String> {
        if self.bytes[self.at..].starts_with(word.as_bytes()) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self) -> Result<Value, String> {
        self.skip_space();
        match self.bytes.get(self.at) {
            None => Err(self.error("EOF while parsing a value")),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'"') => self.string().map(Value::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(b'[') => self.nested(Self::array),
            Some(b'{') => self.nested(Self::object),
            Some(_) => Err(self.error("expected value")),
        }
    }

    fn nested(&mut self, f: fn(&mut Self) -> Result<Value, String>) -> Result<Value, String> {
        if self.depth == MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        self.depth += 1;
        let value = f(self);
        self.depth -= 1;
        value
    }

    fn array(&mut self) -> Result<Value, String> {
        self.at += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            items.push(self.value()?);
            self.skip_space();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn object(&mut self) -> Result<Value, String> {
        self.at += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_space();
            if self.bytes.get(self.at) != Some(&b'"') {
                return Err(self.error("expected a member name"));
            }
            let name = self.string()?;
            self.skip_space();
            if !self.eat(b':') {
                return Err(self.error("expected `:`"));
            }
            members.push((name, self.value()?));
            self.skip_space();
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.at;
        self.eat(b'-');
        let digits = |parser: &mut Self| {
            let from = parser.at;
            while parser.bytes.get(parser.at).is_some_and(u8::is_ascii_digit) {
                parser.at += 1;
            }
            parser.at > from
        };
        if !digits(self) {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'.') && !digits(self) {
            return Err(self.error("invalid number"));
        }
        if (self.eat(b'e') || self.eat(b'E')) && {
            let _ = self.eat(b'+') || self.eat(b'-');
            !digits(self)
        } {
            return Err(self.error("invalid number"));
        }
        let text = std::str::from_utf8(&self.bytes[start..self.at]).unwrap_or_default();
        Ok(Value::Number(text.to_owned()))
    }

    fn string(&mut self) -> Result<String, String> {
        self.at += 1;
        let mut out = Vec::new();
        loop {
            let Some(&byte) = self.bytes.get(self.at) else {
                return Err(self.error("EOF while parsing a string"));
            };
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    let c = self.escape()?;
                    out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes());
                }
                0..0x20 => return Err(self.error("control character in a string")),
                _ => out.push(byte),
            }
        }
        // The input is a `&str` and escapes add whole characters.
        String::from_utf8(out).map_err(|_| self.error("invalid UTF-8"))
    }

    fn escape(&mut self) -> Result<char, String> {
        let Some(&byte) = self.bytes.get(self.at) else {
            return Err(self.error("EOF while parsing a string"));
        };
        self.at += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                if (0xd800..0xdc00).contains(&first) {
                    if !(self.eat(b'\\') && self.eat(b'u')) {
                        return Err(self.error("unpaired surrogate"));
                    }
                    let second = self.hex4()?;
                    if !(0xdc00..0xe000).contains(&second) {
                        return Err(self.error("unpaired surrogate"));
                    }
                    let code = 0x10000 + ((first - 0xd800) << 10) + (second - 0xdc00);
                    char::from_u32(code).ok_or_else(|| self.error("invalid escape"))?
                } else {
                    char::from_u32(first).ok_or_else(|| self.error("unpaired surrogate"))?
                }
            }
            _ => return Err(self.error("invalid escape")),
        })
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits =
            self.bytes.get(self.at..self.at + 4).ok_or_else(|| self.error("invalid escape"))?;
        let text = std::str::from_utf8(digits).map_err(|_| self.error("invalid escape"))?;
        let value = u32::from_str_radix(text, 16).map_err(|_| self.error("invalid escape"))?;
        self.at += 4;
        Ok(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_committed_schema_parses_and_its_record_is_found() {
        let text = include_str!("../../schemas/user.created/v1.json");
        let document = parse(text).expect("valid JSON");
        let record = document.get("x-evently").expect("an x-evently record");
        assert_eq!(record.get("fingerprint").and_then(Value::as_str).map(str::len), Some(16));
        assert!(
            record.get("shape").and_then(|s| s.get("fields")).and_then(Value::as_array).is_some()
        );
    }

    #[test]
    fn strings_round_trip_with_escapes() {
        let text = "quote \" backslash \\ newline \n tab \t nul \u{0} é 😀";
        let written = Value::String(text.to_owned()).to_compact();
        assert_eq!(written, r#""quote \" backslash \\ newline \n tab \t nul \u0000 é 😀""#);
        assert_eq!(parse(&written), Ok(Value::String(text.to_owned())));
        assert_eq!(parse(r#""\ud83d\ude00 \u00e9 \/""#), Ok(Value::String("😀 é /".to_owned())));
    }

    #[test]
    fn values_keep_their_form() {
        let text = r#"{"a":[1,-2.5e3,true,false,null],"b":{},"c":[]}"#;
        let value = parse(&format!(" \n{text}\t")).expect("valid JSON");
        assert_eq!(value.to_compact(), text);
    }

    #[test]
    fn malformed_json_is_an_error_that_says_where() {
        for (text, expected) in [
            ("", "EOF while parsing a value at line 1 column 1"),
            ("{\"a\": }", "expected value at line 1 column 7"),
            ("{\"a\": 1,\n \"b\" 2}", "expected `:` at line 2 column 6"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            ("\"open", "EOF while parsing a string at line 1 column 6"),
            ("\"\\x\"", "invalid escape at line 1 column 4"),
            ("\"\\ud800\"", "unpaired surrogate at line 1 column 8"),
            ("1x", "trailing characters at line 1 column 2"),
            ("{} {}", "trailing characters at line 1 column 4"),
            ("-", "invalid number at line 1 column 2"),
        ] {
            assert_eq!(parse(text), Err(expected.to_owned()), "{text:?}");
        }
        let deep = "[".repeat(MAX_DEPTH + 1);
        let error = parse(&deep).expect_err("too deep");
        assert!(error.starts_with("nested too deeply"), "{error}");
    }
}
