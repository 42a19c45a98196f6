//! What `#[derive(Union)]` implements ([`DeriveUnion`]) and the tag-first decoder of
//! internally tagged unions (`{"type": "spawn", ...payload fields}`).

use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::access::{Counted, Key, KeySeed, Live, MapRest, Rest, SeqRest, Tag, TagSeed};
use super::adjacent::Adjacent;
use crate::content::{ContentSeed, ExpectedInSeq};

/// The shape of a union variant, as `#[derive(Union)]` saw it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VariantKind {
    /// `Name(Payload)`: the payload's entries follow the tag (or sit under the content key).
    Payload,
    /// `#[wiregen(self_tagged)] Name(Payload)`: the payload writes and reads the tag itself.
    SelfTagged,
    /// `Name`: only the tag.
    Unit,
}

/// The static description of a union that `#[derive(Union)]` writes.
#[derive(Debug, Clone, Copy)]
pub struct UnionDef {
    /// The enum's name, for messages (`internally tagged enum Name`).
    pub name: &'static str,
    /// The tag key: `type`.
    pub tag: &'static str,
    /// The content key of an adjacently tagged union: `data`.
    pub content: Option<&'static str>,
    /// The known tag values, in declaration order (the variant index is the position).
    pub tags: &'static [&'static str],
    /// The shape of each known variant, parallel to `tags`.
    pub kinds: &'static [VariantKind],
    /// Whether the union has an `other` variant for unknown tags.
    pub other: bool,
    /// Adjacently tagged only: a top-level key other than the tag and the content is an
    /// error (`#[wiregen(deny_unknown_fields)]`, wiregen's strict mode) instead of ignored.
    pub deny_unknown_fields: bool,
}

impl UnionDef {
    fn self_tagged(&self, index: usize) -> Option<&'static str> {
        match (self.kinds.get(index), self.tags.get(index)) {
            (Some(VariantKind::SelfTagged), Some(tag)) => Some(tag),
            _ => None,
        }
    }
}

/// Implemented by `#[derive(Union)]`; the decoder ([`deserialize`]) calls it back.
pub trait DeriveUnion: Sized {
    /// The union's description.
    const DEF: UnionDef;

    /// The index of the variant with this tag value.
    fn index(tag: &str) -> Option<usize>;

    /// Decodes the variant with this index from `deserializer`, which holds its payload
    /// (the rest of the message, or the content member).
    fn variant<'de, D: Deserializer<'de>>(index: usize, deserializer: D) -> Result<Self, D::Error>;

    /// Wraps a message with an unknown tag in the `other` variant, if there is one.
    fn other(message: Value) -> Option<Self>;
}

/// The `Deserialize` impl of every `#[derive(Union)]` enum.
pub fn deserialize<'de, U: DeriveUnion, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<U, D::Error> {
    match U::DEF.content {
        None => deserializer.deserialize_any(Internal(PhantomData)),
        Some(content) => deserializer.deserialize_any(Adjacent::<U>::new(content)),
    }
}

/// The error for a variant index the enum does not have (a bug in the derive).
pub fn no_variant<E: de::Error>(index: usize) -> E {
    E::custom(format_args!("no variant with index {index}"))
}

/// The tag of a message held by an `other` variant: the string under `tag` of an
/// object, or the first element of an array; `""` if there is none.
pub fn raw_tag<'a>(message: &'a Value, tag: &str) -> &'a str {
    let found = match message {
        Value::Object(object) => object.get(tag),
        Value::Array(items) => items.first(),
        _ => None,
    };
    found.and_then(Value::as_str).unwrap_or("")
}

/// Wraps a collected message in the `other` variant.
pub(super) fn into_other<U: DeriveUnion, E: de::Error>(message: Value) -> Result<U, E> {
    U::other(message).ok_or_else(|| E::custom("the union has no catch-all variant"))
}

/// Visitor of an internally tagged union.
struct Internal<U>(PhantomData<U>);

impl<'de, U: DeriveUnion> Visitor<'de> for Internal<U> {
    type Value = U;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object with a `{}` tag (internally tagged enum {})",
            U::DEF.tag,
            U::DEF.name
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let def = &U::DEF;
        // Entries before the tag; none when the tag comes first.
        let mut buffered = Vec::new();
        while let Some(key) = map.next_key_seed(KeySeed { tag: def.tag })? {
            if let Key::Tag = key {
                return match map.next_value_seed(TagSeed::<U>::new(false))? {
                    // The tag came first: decode the payload from the live map directly.
                    Tag::Known(index)
                        if buffered.is_empty() && def.self_tagged(index).is_none() =>
                    {
                        U::variant(index, MapRest(Live::new(map, def.tag)))
                    }
                    Tag::Known(index) => {
                        let rest = Rest::new(def.self_tagged(index), buffered, map, def.tag);
                        U::variant(index, MapRest(rest))
                    }
                    Tag::Unknown(tag) => {
                        let mut message = Map::new();
                        for (key, value) in buffered {
                            message.insert(key.into_string(def.tag), value.into_value());
                        }
                        message.insert(def.tag.to_owned(), Value::String(tag));
                        while let Some(key) = map.next_key_seed(KeySeed { tag: def.tag })? {
                            if let Key::Tag = key {
                                return Err(de::Error::duplicate_field(def.tag));
                            }
                            let value = map.next_value::<Value>()?;
                            message.insert(key.into_string(def.tag), value);
                        }
                        into_other(Value::Object(message))
                    }
                };
            }
            let value = map.next_value_seed(ContentSeed)?;
            buffered.push((key, value));
        }
        Err(de::Error::missing_field(def.tag))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<U, A::Error> {
        let def = &U::DEF;
        let Some(tag) = seq.next_element_seed(TagSeed::<U>::new(false))? else {
            return Err(de::Error::missing_field(def.tag));
        };
        match tag {
            Tag::Known(index) => {
                let mut rest = Counted {
                    front: def.self_tagged(index),
                    live: &mut seq,
                    count: 0,
                };
                let value = U::variant(index, SeqRest(&mut rest))?;
                let read = rest.count;
                let mut left = 0_usize;
                while seq.next_element::<IgnoredAny>()?.is_some() {
                    left += 1;
                }
                if left == 0 {
                    Ok(value)
                } else {
                    Err(de::Error::invalid_length(read + left, &ExpectedInSeq(read)))
                }
            }
            Tag::Unknown(tag) => {
                let mut items = vec![Value::String(tag)];
                while let Some(item) = seq.next_element::<Value>()? {
                    items.push(item);
                }
                into_other(Value::Array(items))
            }
        }
    }
}
