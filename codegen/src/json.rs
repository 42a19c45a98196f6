//! A small JSON reader that keeps object key order and the byte offset of every value,
//! so that schema errors can point at `file:line:col` as well as a JSON pointer.
//!
//! serde_json's `Value` sorts object keys (without its `preserve_order` feature, which
//! would leak into every crate of the workspace) and forgets positions; field order is
//! protocol order for wiregen, so the frontend reads documents with this instead.

use std::fmt;

/// A parsed JSON value with its position in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Json {
    /// Byte offset of the value's first character.
    pub offset: usize,
    /// The value itself.
    pub value: JsonValue,
}

/// The shape of a [`Json`] value. Objects keep their keys in document order.
#[derive(Debug, Clone, PartialEq)]
pub enum JsonValue {
    /// `null`
    Null,
    /// `true` / `false`
    Bool(bool),
    /// A number, kept as serde_json's number so `1` and `1.0` stay apart.
    Number(serde_json::Number),
    /// A string.
    String(String),
    /// An array.
    Array(Vec<Json>),
    /// An object, keys in document order (a repeated key is a parse error).
    Object(Vec<(String, Json)>),
}

impl Json {
    /// The member `key` of an object, if this is an object that has it.
    pub fn get(&self, key: &str) -> Option<&Json> {
        match &self.value {
            JsonValue::Object(members) => members.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }

    /// The members of an object, or `None`.
    pub fn as_object(&self) -> Option<&[(String, Json)]> {
        match &self.value {
            JsonValue::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The elements of an array, or `None`.
    pub fn as_array(&self) -> Option<&[Json]> {
        match &self.value {
            JsonValue::Array(items) => Some(items),
            _ => None,
        }
    }

    /// The text of a string, or `None`.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            JsonValue::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value of a boolean, or `None`.
    pub fn as_bool(&self) -> Option<bool> {
        match &self.value {
            JsonValue::Bool(b) => Some(*b),
            _ => None,
        }
    }

    /// A short name for the value's JSON type, for messages.
    pub fn kind(&self) -> &'static str {
        match &self.value {
            JsonValue::Null => "null",
            JsonValue::Bool(_) => "a boolean",
            JsonValue::Number(_) => "a number",
            JsonValue::String(_) => "a string",
            JsonValue::Array(_) => "an array",
            JsonValue::Object(_) => "an object",
        }
    }

    /// Converts to a `serde_json::Value` (object keys then sort, which is fine for
    /// literal values and defaults).
    pub fn to_value(&self) -> serde_json::Value {
        match &self.value {
            JsonValue::Null => serde_json::Value::Null,
            JsonValue::Bool(b) => serde_json::Value::Bool(*b),
            JsonValue::Number(n) => serde_json::Value::Number(n.clone()),
            JsonValue::String(s) => serde_json::Value::String(s.clone()),
            JsonValue::Array(items) => {
                serde_json::Value::Array(items.iter().map(Json::to_value).collect())
            }
            JsonValue::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|(k, v)| (k.clone(), v.to_value()))
                    .collect(),
            ),
        }
    }
}

/// A syntax error: what was expected, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseError {
    /// Byte offset of the error.
    pub offset: usize,
    /// What went wrong.
    pub message: String,
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

/// Parses a whole JSON document.
pub fn parse(text: &str) -> Result<Json, ParseError> {
    let mut p = Parser {
        src: text.as_bytes(),
        text,
        pos: 0,
        depth: 0,
    };
    // A UTF-8 byte order mark is tolerated, as editors on some systems write one.
    if text.starts_with('\u{feff}') {
        p.pos = 3;
    }
    p.ws();
    let value = p.value()?;
    p.ws();
    if p.pos < p.src.len() {
        return Err(p.err("unexpected text after the JSON value"));
    }
    Ok(value)
}

/// 1-based line and column (in characters) of a byte offset.
pub fn line_col(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let col = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, col)
}

/// [`line_col`] in logarithmic time, for documents that locate many nodes (a quadratic
/// scan of a large one-line schema would take minutes).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    /// Byte offset of the start of each line.
    line_starts: Vec<usize>,
    /// Characters before byte `k * CHUNK` (rounded down to a character boundary).
    chars_before: Vec<usize>,
}

const CHUNK: usize = 4096;

impl LineIndex {
    /// Indexes `text`.
    pub fn new(text: &str) -> LineIndex {
        let mut line_starts = vec![0];
        line_starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        let mut chars_before = Vec::with_capacity(text.len() / CHUNK + 1);
        let mut count = 0;
        let mut last = 0;
        for k in 0..=text.len() / CHUNK {
            let at = floor_boundary(text, k * CHUNK);
            count += text[last..at].chars().count();
            chars_before.push(count);
            last = at;
        }
        LineIndex {
            line_starts,
            chars_before,
        }
    }

    /// 1-based line and column (in characters) of a byte offset of the indexed `text`.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let offset = floor_boundary(text, offset.min(text.len()));
        let line = self.line_starts.partition_point(|&s| s <= offset);
        let start = self.line_starts[line.saturating_sub(1)];
        let col = self.chars_to(text, offset) - self.chars_to(text, start);
        (line, col + 1)
    }

    fn chars_to(&self, text: &str, offset: usize) -> usize {
        let k = (offset / CHUNK).min(self.chars_before.len().saturating_sub(1));
        let at = floor_boundary(text, k * CHUNK);
        self.chars_before.get(k).copied().unwrap_or(0)
            + text.get(at..offset).map_or(0, |t| t.chars().count())
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// Nesting deeper than this is refused instead of overflowing the stack.
const MAX_DEPTH: usize = 256;

struct Parser<'a> {
    src: &'a [u8],
    text: &'a str,
    pos: usize,
    depth: usize,
}

impl Parser<'_> {
    fn err(&self, message: impl Into<String>) -> ParseError {
        ParseError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    fn expect(&mut self, byte: u8, what: &str) -> Result<(), ParseError> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.err(format!("expected {what}, found {}", self.found())))
        }
    }

    fn found(&self) -> String {
        match self
            .text
            .get(self.pos..)
            .and_then(|rest| rest.chars().next())
        {
            None => "the end of the file".to_string(),
            Some(c) => format!("`{c}`"),
        }
    }

    fn value(&mut self) -> Result<Json, ParseError> {
        let offset = self.pos;
        let value = match self.peek() {
            Some(b'{') => self.nested(Self::object)?,
            Some(b'[') => self.nested(Self::array)?,
            Some(b'"') => JsonValue::String(self.string()?),
            Some(b't') => self.word("true", JsonValue::Bool(true))?,
            Some(b'f') => self.word("false", JsonValue::Bool(false))?,
            Some(b'n') => self.word("null", JsonValue::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => return Err(self.err(format!("expected a JSON value, found {}", self.found()))),
        };
        Ok(Json { offset, value })
    }

    fn nested(
        &mut self,
        f: fn(&mut Self) -> Result<JsonValue, ParseError>,
    ) -> Result<JsonValue, ParseError> {
        if self.depth >= MAX_DEPTH {
            return Err(self.err(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        self.depth += 1;
        let v = f(self);
        self.depth -= 1;
        v
    }

    fn word(&mut self, word: &str, value: JsonValue) -> Result<JsonValue, ParseError> {
        if self.src[self.pos..].starts_with(word.as_bytes()) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.err(format!("expected a JSON value, found {}", self.found())))
        }
    }

    fn object(&mut self) -> Result<JsonValue, ParseError> {
        self.pos += 1;
        let mut members: Vec<(String, Json)> = Vec::new();
        // The keys seen so far, hashed once the object is large (a linear scan per key made
        // a `definitions` object of 10,000 entries quadratic).
        let mut keys: Option<std::collections::HashSet<String>> = None;
        self.ws();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(JsonValue::Object(members));
        }
        loop {
            self.ws();
            if self.peek() != Some(b'"') {
                return Err(self.err(format!("expected a string key, found {}", self.found())));
            }
            let key_offset = self.pos;
            let key = self.string()?;
            let duplicate = match &mut keys {
                Some(set) => !set.insert(key.clone()),
                None if members.len() < 16 => members.iter().any(|(k, _)| *k == key),
                None => {
                    let mut set: std::collections::HashSet<String> =
                        members.iter().map(|(k, _)| k.clone()).collect();
                    let duplicate = !set.insert(key.clone());
                    keys = Some(set);
                    duplicate
                }
            };
            if duplicate {
                return Err(ParseError {
                    offset: key_offset,
                    message: format!("duplicate key `{key}`"),
                });
            }
            self.ws();
            self.expect(b':', "`:` after an object key")?;
            self.ws();
            let v = self.value()?;
            members.push((key, v));
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(JsonValue::Object(members));
                }
                _ => {
                    return Err(self.err(format!(
                        "expected `,` or `}}` in an object, found {}",
                        self.found()
                    )));
                }
            }
        }
    }

    fn array(&mut self) -> Result<JsonValue, ParseError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.ws();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(JsonValue::Array(items));
        }
        loop {
            self.ws();
            items.push(self.value()?);
            self.ws();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(JsonValue::Array(items));
                }
                _ => {
                    return Err(self.err(format!(
                        "expected `,` or `]` in an array, found {}",
                        self.found()
                    )));
                }
            }
        }
    }

    fn string(&mut self) -> Result<String, ParseError> {
        let start = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let Some(b) = self.peek() else {
                return Err(ParseError {
                    offset: start,
                    message: "unterminated string".into(),
                });
            };
            match b {
                b'"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                b'\\' => {
                    self.pos += 1;
                    let esc = self.peek().ok_or_else(|| self.err("unterminated escape"))?;
                    self.pos += 1;
                    match esc {
                        b'"' => out.push('"'),
                        b'\\' => out.push('\\'),
                        b'/' => out.push('/'),
                        b'b' => out.push('\u{8}'),
                        b'f' => out.push('\u{c}'),
                        b'n' => out.push('\n'),
                        b'r' => out.push('\r'),
                        b't' => out.push('\t'),
                        b'u' => out.push(self.unicode_escape()?),
                        _ => {
                            self.pos -= 1;
                            return Err(self.err(format!(
                                "invalid escape `\\{}`",
                                self.found().trim_matches('`')
                            )));
                        }
                    }
                }
                0x00..=0x1f => return Err(self.err("control character in a string (escape it)")),
                _ => {
                    // Copy one whole UTF-8 character; `text` is valid UTF-8.
                    let rest = self.text.get(self.pos..).unwrap_or("");
                    let c = rest
                        .chars()
                        .next()
                        .ok_or_else(|| self.err("invalid UTF-8"))?;
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, ParseError> {
        let digits = self
            .text
            .get(self.pos..self.pos + 4)
            .ok_or_else(|| self.err("short `\\u` escape"))?;
        let v = u32::from_str_radix(digits, 16).map_err(|_| self.err("invalid `\\u` escape"))?;
        self.pos += 4;
        Ok(v)
    }

    fn unicode_escape(&mut self) -> Result<char, ParseError> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if !self.src[self.pos..].starts_with(b"\\u") {
                return Err(self.err("unpaired surrogate in `\\u` escape"));
            }
            self.pos += 2;
            let second = self.hex4()?;
            if !(0xDC00..0xE000).contains(&second) {
                return Err(self.err("unpaired surrogate in `\\u` escape"));
            }
            0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.err("invalid `\\u` escape"))
    }

    fn number(&mut self) -> Result<JsonValue, ParseError> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while let Some(b'0'..=b'9') = p.peek() {
                p.pos += 1;
            }
            p.pos - s
        };
        if digits(self) == 0 {
            return Err(self.err("expected digits in a number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.err("expected digits after `.`"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.err("expected digits in the exponent"));
            }
        }
        let text = &self.text[start..self.pos];
        let n: serde_json::Number = serde_json::from_str(text).map_err(|_| ParseError {
            offset: start,
            message: format!("number `{text}` out of range"),
        })?;
        Ok(JsonValue::Number(n))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_key_order_and_offsets() {
        let j = parse(r#"{"b": 1, "a": [true, null, "x"]}"#).unwrap();
        let keys: Vec<_> = j
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, _)| k.as_str())
            .collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(j.get("a").unwrap().offset, 14);
    }

    #[test]
    fn integers_and_floats_stay_apart() {
        assert_eq!(parse("1").unwrap().to_value(), serde_json::json!(1));
        assert_eq!(parse("1.0").unwrap().to_value(), serde_json::json!(1.0));
    }

    #[test]
    fn reports_position_of_errors() {
        let text = "{\n  \"a\": 1,\n  \"b\" 2\n}";
        let e = parse(text).unwrap_err();
        assert_eq!(line_col(text, e.offset), (3, 7));
        assert!(e.message.contains("expected `:`"), "{}", e.message);
    }

    #[test]
    fn rejects_duplicate_keys_trailing_text_and_bad_escapes() {
        assert!(
            parse(r#"{"a":1,"a":2}"#)
                .unwrap_err()
                .message
                .contains("duplicate key `a`")
        );
        assert!(
            parse("{} x")
                .unwrap_err()
                .message
                .contains("after the JSON value")
        );
        assert!(parse(r#""\q""#).is_err());
        assert!(parse(r#""\ud800""#).is_err());
        assert_eq!(parse(r#""\ud83d\ude00""#).unwrap().as_str(), Some("😀"));
    }

    #[test]
    fn duplicate_keys_are_found_in_large_objects_at_their_offset() {
        // Past 16 keys the check hashes the keys seen so far: both the keys before the switch
        // and the ones after it must still be caught.
        for repeated in ["k3", "k30"] {
            let mut text = String::from("{");
            for i in 0..40 {
                text.push_str(&format!("\"k{i}\": {i}, "));
            }
            let at = text.len();
            text.push_str(&format!("\"{repeated}\": 0}}"));
            let e = parse(&text).unwrap_err();
            assert!(
                e.message.contains(&format!("duplicate key `{repeated}`")),
                "{}",
                e.message
            );
            assert_eq!(e.offset, at);
        }
        let text: String = format!(
            "{{{}}}",
            (0..40)
                .map(|i| format!("\"k{i}\": {i}"))
                .collect::<Vec<_>>()
                .join(", ")
        );
        assert_eq!(parse(&text).unwrap().as_object().unwrap().len(), 40);
    }

    #[test]
    fn the_line_index_agrees_with_line_col() {
        let text = format!("{{\n  \"é\": [1,\n{}\"x\"]}}", "ü".repeat(5000));
        let index = LineIndex::new(&text);
        for offset in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            assert_eq!(
                index.line_col(&text, offset),
                line_col(&text, offset),
                "{offset}"
            );
        }
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_stack_overflow() {
        let text = "[".repeat(10_000);
        assert!(parse(&text).unwrap_err().message.contains("nesting"));
    }

    #[test]
    fn truncated_documents_never_panic() {
        let text = r#"{"a": [1, 2.5e3, {"b": "c\u00e9"}], "d": false}"#;
        for end in 0..text.len() {
            if let Some(prefix) = text.get(..end) {
                assert!(parse(prefix).is_err(), "prefix {prefix:?} parsed");
            }
        }
    }
}
