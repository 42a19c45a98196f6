//! Tagged message unions: the decoder and encoder behind `#[derive(Union)]`, and hand-written helpers.
//!
//! A union `Spawn | Stop` discriminated by a `type` member is sent as
//! `{"type":"spawn","requestId":"r1"}` (*internally tagged*), or as
//! `{"type":"spawn","data":{"requestId":"r1"}}` (*adjacently tagged*).
//! [`derive@crate::Union`] implements both; everything it calls lives here.
//!
//! # Decoding
//!
//! Decoding reads the message's first key. When it is the tag (the common case), the
//! tag value picks the variant and the payload is decoded straight from the rest of
//! the input, with no intermediate tree: errors there keep their position and,
//! through [`from_str`](crate::from_str), their field path. When the tag comes later,
//! the entries before it are buffered (keeping order, duplicate keys and borrowed
//! strings) and the payload is decoded from the buffered entries followed by the
//! rest of the input; errors in a buffered value name its key
//! (``requestId: invalid type: ...``).
//!
//! What is accepted and rejected is what serde's own `#[serde(tag = "type")]` and
//! `#[serde(tag = "type", content = "data")]` accept and reject on the same JSON (a
//! property test compares the two), including serde's corners:
//!
//! * the tag may be anywhere in the object, but only once (``duplicate field `type` ``);
//! * unknown members are left to the payload (derived structs ignore them); a unit
//!   variant ignores every other member;
//! * an internally tagged message may also be a sequence, `["spawn", "r1"]`: the tag,
//!   then the payload's fields in order (nothing may follow them);
//! * adjacently tagged: `[tag, content]` works too; the content may come before the
//!   tag; a unit variant has no content member, or `"data": null`; a missing content
//!   member decodes an `Option` payload as `None`, and is an error otherwise; the tag
//!   may be written as `{"ping": null}`, like any serde unit variant.
//!
//! Deliberate differences from serde:
//!
//! * the `other` catch-all variant: a message with an unknown tag is kept whole as a
//!   [`serde_json::Value`] (an object, or an array for the sequence form; duplicate
//!   members keep the last value) and re-encoded as it is. Without one, an unknown tag
//!   is an error: ``unknown `type` value `x`, expected one of `a`, `b` ``;
//! * a `self_tagged` payload is given the tag entry too (serde removes it);
//! * error messages name the field: the tag (``invalid type: integer `1`, expected
//!   the `type` tag as a string``) and buffered values;
//! * serde buffers every message, and its buffer decodes a few field types
//!   differently from serde_json itself; fields decoded from the live input (after the
//!   tag) follow serde_json, those buffered (before the tag) follow serde. The field
//!   types concerned: `()` written as `{}`, a derived unit struct written as `{}` or
//!   `[]`, integers beyond 64 bits, and `RawValue`. The payload itself follows serde: a `()`
//!   or unit struct payload accepts a message with only the tag.
//!
//! # Hand-written unions
//!
//! Without the derive, [`serialize_tagged`] writes the tag entry first, then the
//! variant's own entries; [`split_tag`] buffers the input as a [`Value`] and reads its
//! tag; [`variant`] decodes the chosen variant's struct, naming the failing field
//! path; [`unknown_tag`] builds the error for a tag no variant has.
//!
//! ```
//! use wiregen_runtime::{serde, union};
//!
//! #[derive(Debug, PartialEq, serde::Serialize, serde::Deserialize)]
//! #[serde(crate = "::wiregen_runtime::serde")]
//! pub struct Ping { pub seq: u32 }
//!
//! #[derive(Debug, PartialEq)]
//! pub enum Msg { Ping(Ping) }
//!
//! impl serde::Serialize for Msg {
//!     fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
//!         match self { Self::Ping(v) => union::serialize_tagged(s, "type", "ping", v) }
//!     }
//! }
//! impl<'de> serde::Deserialize<'de> for Msg {
//!     fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
//!         let (tag, value) = union::split_tag(d, "type")?;
//!         match tag.as_str() {
//!             "ping" => union::variant(value).map(Self::Ping),
//!             other => Err(union::unknown_tag("type", other, &["ping"])),
//!         }
//!     }
//! }
//!
//! let msg = Msg::Ping(Ping { seq: 1 });
//! assert_eq!(wiregen_runtime::to_string(&msg)?, r#"{"type":"ping","seq":1}"#);
//! assert_eq!(wiregen_runtime::from_str::<Msg>(r#"{"seq":1,"type":"ping"}"#)?, msg);
//! # Ok::<(), wiregen_runtime::Error>(())
//! ```

mod access;
mod adjacent;
mod internal;
mod ser;

use std::fmt::{self, Display};

use serde::de::{self, Deserialize, DeserializeOwned, Deserializer, Unexpected};
use serde::ser::{Serialize, Serializer};
use serde_json::Value;

use ser::TaggedSerializer;

/// What the expansion of `#[derive(Union)]` calls; not a public API.
#[doc(hidden)]
pub mod derive {
    pub use super::access::unit;
    pub use super::internal::{
        DeriveUnion, UnionDef, VariantKind, deserialize, no_variant, raw_tag,
    };
    pub use super::ser::{serialize_adjacent, serialize_unit};
    pub use super::serialize_tagged as serialize_internal;
}

/// Serializes `value`, a struct or map, as an object whose first entry is
/// `tag_key: tag`, followed by the value's own entries.
///
/// A unit or unit struct (or a struct with no fields) gives an object holding only
/// the tag; a newtype struct is looked through. Any other shape (a string, a
/// sequence, an enum variant, ...) fails with
/// ``cannot serialize a tagged union variant that is not an object (found <kind>)``.
/// The value should not itself have an entry named `tag_key`: it would be written
/// twice.
///
/// ```
/// use std::collections::BTreeMap;
/// use wiregen_runtime::{serde_json, union};
///
/// let fields = BTreeMap::from([("id", 1)]);
/// let json = union::serialize_tagged(serde_json::value::Serializer, "kind", "hello", &fields)?;
/// assert_eq!(json, serde_json::json!({"kind": "hello", "id": 1}));
///
/// let err = union::serialize_tagged(serde_json::value::Serializer, "kind", "hello", &5).unwrap_err();
/// assert_eq!(err.to_string(), "cannot serialize a tagged union variant that is not an object (found an integer)");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn serialize_tagged<S, T>(
    serializer: S,
    tag_key: &'static str,
    tag: &'static str,
    value: &T,
) -> Result<S::Ok, S::Error>
where
    S: Serializer,
    T: ?Sized + Serialize,
{
    value.serialize(TaggedSerializer {
        inner: serializer,
        tag_key,
        tag,
    })
}

/// Deserializes the input into a [`serde_json::Value`] and reads the string member
/// `tag_key` of it. Returns the tag and the whole object, tag included, for
/// [`variant`].
///
/// Errors, with `tag_key` = `type`:
/// * not an object: ``invalid type: <found>, expected an object with a `type` field``;
/// * no tag: ``missing field `type` ``;
/// * tag not a string: ``invalid type for field `type`: <found>, expected a string``.
///
/// ```
/// use wiregen_runtime::{serde_json::{self, json}, union};
///
/// let (tag, value) = union::split_tag(json!({"id": 1, "op": "add"}), "op")?;
/// assert_eq!(tag, "add");
/// assert_eq!(value, json!({"id": 1, "op": "add"}));
///
/// let err = union::split_tag(json!({"op": 1}), "op").unwrap_err();
/// assert_eq!(err.to_string(), "invalid type for field `op`: integer `1`, expected a string");
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn split_tag<'de, D: Deserializer<'de>>(
    deserializer: D,
    tag_key: &'static str,
) -> Result<(String, Value), D::Error> {
    let value = Value::deserialize(deserializer)?;
    let tag = match &value {
        Value::Object(object) => match object.get(tag_key) {
            Some(Value::String(tag)) => tag.clone(),
            Some(other) => {
                return Err(de::Error::custom(format_args!(
                    "invalid type for field `{tag_key}`: {}, expected a string",
                    Found(other)
                )));
            }
            None => return Err(de::Error::custom(format_args!("missing field `{tag_key}`"))),
        },
        other => {
            return Err(de::Error::custom(format_args!(
                "invalid type: {}, expected an object with a `{tag_key}` field",
                Found(other)
            )));
        }
    };
    Ok((tag, value))
}

/// Deserializes a variant's struct from the object [`split_tag`] returned, tracking
/// the field path so the error names it: ``requestId: invalid type: integer `5`,
/// expected a string`` or ``options.entry: ...``; errors at the top level (such as
/// ``missing field `requestId` ``) are just the message.
///
/// Unknown members, the tag among them, are ignored unless the struct denies them.
///
/// ```
/// use wiregen_runtime::{serde, serde_json::{self, json}, union};
///
/// #[derive(Debug, serde::Deserialize)]
/// #[serde(crate = "::wiregen_runtime::serde")]
/// struct Add { n: u8 }
///
/// let add: Add = union::variant::<_, serde_json::Error>(json!({"op": "add", "n": 2}))?;
/// assert_eq!(add.n, 2);
///
/// let err = union::variant::<Add, serde_json::Error>(json!({"op": "add", "n": "x"})).unwrap_err();
/// assert_eq!(err.to_string(), r#"n: invalid type: string "x", expected u8"#);
/// # Ok::<(), serde_json::Error>(())
/// ```
pub fn variant<T: DeserializeOwned, E: de::Error>(value: Value) -> Result<T, E> {
    serde_path_to_error::deserialize(value).map_err(|err| {
        let path = crate::error::path_text(err.path());
        if path.is_empty() {
            E::custom(err.inner())
        } else {
            E::custom(format_args!("{path}: {}", err.inner()))
        }
    })
}

/// The error for a tag that names no variant:
/// ``unknown `type` value `foo`, expected one of `a`, `b`, `c` ``
/// (``expected `a` `` for one variant, ``expected `a` or `b` `` for two).
///
/// ```
/// use wiregen_runtime::{serde_json, union};
///
/// let err: serde_json::Error = union::unknown_tag("type", "foo", &["a", "b", "c"]);
/// assert_eq!(err.to_string(), "unknown `type` value `foo`, expected one of `a`, `b`, `c`");
/// ```
pub fn unknown_tag<E: de::Error>(
    tag_key: &str,
    found: &str,
    expected: &'static [&'static str],
) -> E {
    E::custom(format_args!(
        "unknown `{tag_key}` value `{found}`, {}",
        OneOf(expected)
    ))
}

/// Describes a JSON value the way serde_json's errors do: `null`, `integer `5``, `map`.
struct Found<'a>(&'a Value);

impl Display for Found<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Value::Null => f.write_str("null"),
            Value::Bool(b) => Display::fmt(&Unexpected::Bool(*b), f),
            Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Display::fmt(&Unexpected::Signed(i), f)
                } else if let Some(u) = n.as_u64() {
                    Display::fmt(&Unexpected::Unsigned(u), f)
                } else if let Some(x) = n.as_f64() {
                    Display::fmt(&Unexpected::Float(x), f)
                } else {
                    write!(f, "number `{n}`")
                }
            }
            Value::String(s) => Display::fmt(&Unexpected::Str(s), f),
            Value::Array(_) => Display::fmt(&Unexpected::Seq, f),
            Value::Object(_) => Display::fmt(&Unexpected::Map, f),
        }
    }
}

/// Lists the expected tags: `` expected one of `a`, `b` ``.
pub(crate) struct OneOf(pub(crate) &'static [&'static str]);

impl Display for OneOf {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            [] => f.write_str("there are no variants"),
            [only] => write!(f, "expected `{only}`"),
            [a, b] => write!(f, "expected `{a}` or `{b}`"),
            all => {
                f.write_str("expected one of ")?;
                for (i, tag) in all.iter().enumerate() {
                    if i > 0 {
                        f.write_str(", ")?;
                    }
                    write!(f, "`{tag}`")?;
                }
                Ok(())
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::OneOf;

    #[test]
    fn one_of_lists_zero_one_two_and_many_tags() {
        assert_eq!(OneOf(&[]).to_string(), "there are no variants");
        assert_eq!(OneOf(&["a"]).to_string(), "expected `a`");
        assert_eq!(OneOf(&["a", "b"]).to_string(), "expected `a` or `b`");
        assert_eq!(
            OneOf(&["a", "b", "c"]).to_string(),
            "expected one of `a`, `b`, `c`"
        );
    }
}
