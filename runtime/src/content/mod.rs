//! A buffered JSON-like value that keeps what serde_json's `Value` loses (entry order,
//! duplicate keys, borrowed strings), and a deserializer over it whose errors know their path.
//!
//! Union decoding buffers the entries it meets before the tag in this form. Decoding a
//! payload from it accepts and rejects what decoding it from the JSON text directly
//! would, which is also what serde's own buffered content does for JSON input.

mod decode;

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, MapAccess, SeqAccess, Unexpected, Visitor};
use serde_json::Value;

/// One buffered value.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Content<'de> {
    Null,
    Bool(bool),
    U64(u64),
    I64(i64),
    F64(f64),
    Str(&'de str),
    String(String),
    Bytes(&'de [u8]),
    ByteBuf(Vec<u8>),
    Seq(Vec<Content<'de>>),
    Map(Vec<(Content<'de>, Content<'de>)>),
}

impl<'de> Content<'de> {
    /// What this value is, for `invalid type` errors.
    fn unexpected(&self) -> Unexpected<'_> {
        match self {
            Self::Null => Unexpected::Unit,
            Self::Bool(b) => Unexpected::Bool(*b),
            Self::U64(n) => Unexpected::Unsigned(*n),
            Self::I64(n) => Unexpected::Signed(*n),
            Self::F64(n) => Unexpected::Float(*n),
            Self::Str(s) => Unexpected::Str(s),
            Self::String(s) => Unexpected::Str(s),
            Self::Bytes(b) => Unexpected::Bytes(b),
            Self::ByteBuf(b) => Unexpected::Bytes(b),
            Self::Seq(_) => Unexpected::Seq,
            Self::Map(_) => Unexpected::Map,
        }
    }

    /// The value as JSON. Map keys that are not strings are written as their JSON text;
    /// for duplicate keys the last one wins, as when serde_json reads such an object.
    pub(crate) fn into_value(self) -> Value {
        match self {
            Self::Null => Value::Null,
            Self::Bool(b) => Value::Bool(b),
            Self::U64(n) => Value::from(n),
            Self::I64(n) => Value::from(n),
            Self::F64(n) => Value::from(n),
            Self::Str(s) => Value::from(s),
            Self::String(s) => Value::String(s),
            Self::Bytes(b) => Value::from(b.to_vec()),
            Self::ByteBuf(b) => Value::from(b),
            Self::Seq(items) => Value::Array(items.into_iter().map(Self::into_value).collect()),
            Self::Map(entries) => Value::Object(
                entries
                    .into_iter()
                    .map(|(k, v)| (k.into_key(), v.into_value()))
                    .collect(),
            ),
        }
    }

    /// The value as an object key.
    pub(crate) fn into_key(self) -> String {
        match self {
            Self::Str(s) => s.to_owned(),
            Self::String(s) => s,
            other => other.into_value().to_string(),
        }
    }
}

/// Deserializes any self-describing value into a [`Content`].
pub(crate) struct ContentSeed;

impl<'de> DeserializeSeed<'de> for ContentSeed {
    type Value = Content<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Content<'de>, D::Error> {
        deserializer.deserialize_any(ContentVisitor)
    }
}

/// The visitor behind [`ContentSeed`].
struct ContentVisitor;

impl<'de> Visitor<'de> for ContentVisitor {
    type Value = Content<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any value")
    }

    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Content<'de>, E> {
        Ok(Content::Bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Content<'de>, E> {
        Ok(Content::I64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Content<'de>, E> {
        Ok(Content::U64(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Content<'de>, E> {
        match (i64::try_from(v), u64::try_from(v)) {
            (Ok(i), _) => Ok(Content::I64(i)),
            (Err(_), Ok(u)) => Ok(Content::U64(u)),
            (Err(_), Err(_)) => Err(E::custom("a 128-bit integer cannot be buffered")),
        }
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Content<'de>, E> {
        u64::try_from(v)
            .map(Content::U64)
            .map_err(|_| E::custom("a 128-bit integer cannot be buffered"))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Content<'de>, E> {
        Ok(Content::F64(v))
    }
    fn visit_char<E: de::Error>(self, v: char) -> Result<Content<'de>, E> {
        Ok(Content::String(v.to_string()))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Content<'de>, E> {
        Ok(Content::String(v.to_owned()))
    }
    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Content<'de>, E> {
        Ok(Content::Str(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Content<'de>, E> {
        Ok(Content::String(v))
    }
    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Content<'de>, E> {
        Ok(Content::ByteBuf(v.to_vec()))
    }
    fn visit_borrowed_bytes<E: de::Error>(self, v: &'de [u8]) -> Result<Content<'de>, E> {
        Ok(Content::Bytes(v))
    }
    fn visit_byte_buf<E: de::Error>(self, v: Vec<u8>) -> Result<Content<'de>, E> {
        Ok(Content::ByteBuf(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Content<'de>, E> {
        Ok(Content::Null)
    }
    fn visit_none<E: de::Error>(self) -> Result<Content<'de>, E> {
        Ok(Content::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Content<'de>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_newtype_struct<D: Deserializer<'de>>(self, d: D) -> Result<Content<'de>, D::Error> {
        d.deserialize_any(self)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Content<'de>, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ContentSeed)? {
            items.push(item);
        }
        Ok(Content::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Content<'de>, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = map.next_key_seed(ContentSeed)? {
            let value = map.next_value_seed(ContentSeed)?;
            entries.push((key, value));
        }
        Ok(Content::Map(entries))
    }
}

pub(crate) use decode::{ContentDeserializer, ExpectedInSeq};

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    use super::{Content, ContentDeserializer, ContentSeed};
    use serde::de::DeserializeSeed;

    fn content(json: &str) -> Content<'_> {
        let mut de = serde_json::Deserializer::from_str(json);
        match ContentSeed.deserialize(&mut de) {
            Ok(content) => content,
            Err(err) => panic!("bad test input {json}: {err}"),
        }
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Outer {
        inner: Vec<Inner>,
    }

    #[derive(Debug, Deserialize, PartialEq)]
    struct Inner {
        n: u8,
    }

    #[test]
    fn keeps_duplicate_keys_and_borrows_strings() {
        let c = content(r#"{"a":"x","a":"y\n"}"#);
        assert_eq!(
            c,
            Content::Map(vec![
                (Content::Str("a"), Content::Str("x")),
                (Content::Str("a"), Content::String("y\n".to_owned())),
            ])
        );
        let err = Outer::deserialize(ContentDeserializer::new(content(
            r#"{"inner":[],"inner":[]}"#,
        )));
        assert_eq!(err.unwrap_err().to_string(), "duplicate field `inner`");
    }

    #[test]
    fn errors_name_the_path() {
        let err = Outer::deserialize(ContentDeserializer::new(content(
            r#"{"inner":[{"n":1},{"n":"x"}]}"#,
        )))
        .unwrap_err();
        assert_eq!(
            err.to_string(),
            r#"inner[1].n: invalid type: string "x", expected u8"#
        );
        let err: serde_json::Error = err.under("payload");
        assert_eq!(
            err.to_string(),
            r#"payload.inner[1].n: invalid type: string "x", expected u8"#
        );
    }

    #[test]
    fn rejects_leftover_elements_and_converts_to_json() {
        let err = <(u8,)>::deserialize(ContentDeserializer::new(content("[1,2]"))).unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid length 2, expected 1 element in sequence"
        );
        assert_eq!(
            content(r#"{"a":[1,-2,1.5,null,true],"a":"z"}"#).into_value(),
            serde_json::json!({"a": "z"})
        );
    }
}
