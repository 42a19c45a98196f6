//! The decoder of adjacently tagged unions: `{"type": "started", "data": {...payload}}`,
//! following serde's `#[serde(tag = "type", content = "data")]` step by step.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::UnitDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Value};

use super::access::{Key, MissingField, NullSeed, Tag, TagSeed};
use super::internal::{DeriveUnion, VariantKind, into_other};
use crate::content::{Content, ContentDeserializer, ContentSeed};

/// Visitor of an adjacently tagged union with content key `content`.
pub(super) struct Adjacent<U> {
    content: &'static str,
    union: PhantomData<U>,
}

impl<U> Adjacent<U> {
    pub(super) fn new(content: &'static str) -> Self {
        Self {
            content,
            union: PhantomData,
        }
    }
}

/// Decodes the content of the variant with index `index`; a unit variant's content
/// must be `null`.
struct ContentOf<U> {
    index: usize,
    union: PhantomData<U>,
}

impl<U> ContentOf<U> {
    fn new(index: usize) -> Self {
        Self {
            index,
            union: PhantomData,
        }
    }
}

impl<'de, U: DeriveUnion> DeserializeSeed<'de> for ContentOf<U> {
    type Value = U;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<U, D::Error> {
        let def = &U::DEF;
        match (def.kinds.get(self.index), def.tags.get(self.index)) {
            (Some(VariantKind::Unit), Some(tag)) => {
                NullSeed { tag }.deserialize(deserializer)?;
                U::variant(self.index, UnitDeserializer::new())
            }
            _ => U::variant(self.index, deserializer),
        }
    }
}

/// A key of an adjacently tagged message.
enum Field<'de> {
    Tag,
    Content,
    /// Any other key; kept only when the union collects unknown messages.
    Other(Option<Key<'de>>),
}

/// Reads a key and classifies it.
struct FieldSeed {
    tag: &'static str,
    content: &'static str,
    keep: bool,
    /// Another key is an error (unless it is kept).
    deny: bool,
}

impl FieldSeed {
    fn classify<'de, E: de::Error>(
        &self,
        key: &str,
        owned: impl FnOnce() -> Key<'de>,
    ) -> Result<Field<'de>, E> {
        Ok(if key == self.tag {
            Field::Tag
        } else if key == self.content {
            Field::Content
        } else if self.deny && !self.keep {
            return Err(unknown_field(key, self.tag, self.content));
        } else {
            Field::Other(self.keep.then(owned))
        })
    }
}

/// serde's message for an unknown field, for a union whose keys are known at run time.
fn unknown_field<E: de::Error>(key: &str, tag: &str, content: &str) -> E {
    E::custom(format_args!(
        "unknown field `{key}`, expected `{tag}` or `{content}`"
    ))
}

impl<'de> DeserializeSeed<'de> for FieldSeed {
    type Value = Field<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Field<'de>, D::Error> {
        deserializer.deserialize_identifier(self)
    }
}

impl<'de> Visitor<'de> for FieldSeed {
    type Value = Field<'de>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:?}, {:?}, or other ignored fields",
            self.tag, self.content
        )
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Field<'de>, E> {
        self.classify(v, || Key::Owned(v.to_owned()))
    }

    fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Field<'de>, E> {
        self.classify(v, || Key::Borrowed(v))
    }

    fn visit_bytes<E: de::Error>(self, v: &[u8]) -> Result<Field<'de>, E> {
        self.visit_str(&String::from_utf8_lossy(v))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Field<'de>, E> {
        Ok(match v {
            0 => Field::Tag,
            1 => Field::Content,
            _ if self.deny && !self.keep => {
                return Err(unknown_field(&v.to_string(), self.tag, self.content));
            }
            _ => Field::Other(self.keep.then(|| Key::Owned(v.to_string()))),
        })
    }
}

/// The next key that is the tag or the content (`None` at the end). Other entries are
/// skipped, or kept in `kept` when `keep` is set.
fn next_relevant<'de, A: MapAccess<'de>>(
    map: &mut A,
    seed: impl Fn() -> FieldSeed,
    kept: &mut Vec<(Key<'de>, Content<'de>)>,
) -> Result<Option<bool>, A::Error> {
    while let Some(field) = map.next_key_seed(seed())? {
        match field {
            Field::Tag => return Ok(Some(true)),
            Field::Content => return Ok(Some(false)),
            Field::Other(Some(key)) => kept.push((key, map.next_value_seed(ContentSeed)?)),
            Field::Other(None) => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(None)
}

impl<U: DeriveUnion> Adjacent<U> {
    fn fields(&self, keep: bool) -> impl Fn() -> FieldSeed {
        let (tag, content, deny) = (U::DEF.tag, self.content, U::DEF.deny_unknown_fields);
        move || FieldSeed {
            tag,
            content,
            keep,
            deny,
        }
    }

    /// Keys kept before a known tag was read (for a possible `other` message) are unknown
    /// fields of a strict union.
    fn check_kept<E: de::Error>(&self, kept: &mut Vec<(Key<'_>, Content<'_>)>) -> Result<(), E> {
        match kept.pop() {
            Some((key, _)) if U::DEF.deny_unknown_fields => {
                let tag = U::DEF.tag;
                Err(unknown_field(&key.into_string(tag), tag, self.content))
            }
            _ => Ok(()),
        }
    }

    /// After the variant: only other keys may follow.
    fn finish<'de, A: MapAccess<'de>>(&self, mut map: A, value: U) -> Result<U, A::Error> {
        match next_relevant(&mut map, self.fields(false), &mut Vec::new())? {
            Some(true) => Err(de::Error::duplicate_field(U::DEF.tag)),
            Some(false) => Err(de::Error::duplicate_field(self.content)),
            None => Ok(value),
        }
    }

    /// Collects a message with an unknown tag, whole, for the `other` variant.
    fn collect<'de, A: MapAccess<'de>>(
        &self,
        mut map: A,
        kept: Vec<(Key<'de>, Content<'de>)>,
        content: Option<Content<'de>>,
        tag: String,
    ) -> Result<U, A::Error> {
        let tag_key = U::DEF.tag;
        let mut message = Map::new();
        for (key, value) in kept {
            message.insert(key.into_string(tag_key), value.into_value());
        }
        let mut seen_content = content.is_some();
        if let Some(content) = content {
            message.insert(self.content.to_owned(), content.into_value());
        }
        message.insert(tag_key.to_owned(), Value::String(tag));
        while let Some(field) = map.next_key_seed(self.fields(true)())? {
            let key = match field {
                Field::Tag => return Err(de::Error::duplicate_field(tag_key)),
                Field::Content if seen_content => {
                    return Err(de::Error::duplicate_field(self.content));
                }
                Field::Content => {
                    seen_content = true;
                    self.content.to_owned()
                }
                Field::Other(key) => key.map_or_else(String::new, |key| key.into_string(tag_key)),
            };
            message.insert(key, map.next_value::<Value>()?);
        }
        into_other(Value::Object(message))
    }
}

impl<'de, U: DeriveUnion> Visitor<'de> for Adjacent<U> {
    type Value = U;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "an object with a `{}` tag (adjacently tagged enum {})",
            U::DEF.tag,
            U::DEF.name
        )
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<U, A::Error> {
        let def = &U::DEF;
        let mut kept = Vec::new();
        match next_relevant(&mut map, self.fields(def.other), &mut kept)? {
            // The tag first: the content is decoded straight from the input.
            Some(true) => match map.next_value_seed(TagSeed::<U>::new(true))? {
                Tag::Known(index) => {
                    self.check_kept(&mut kept)?;
                    match next_relevant(&mut map, self.fields(false), &mut kept)? {
                        Some(true) => Err(de::Error::duplicate_field(def.tag)),
                        Some(false) => {
                            let value = map.next_value_seed(ContentOf::<U>::new(index))?;
                            self.finish(map, value)
                        }
                        None if def.kinds.get(index) == Some(&VariantKind::Unit) => {
                            U::variant(index, UnitDeserializer::new())
                        }
                        None => U::variant(
                            index,
                            MissingField {
                                field: self.content,
                                error: PhantomData,
                            },
                        ),
                    }
                }
                Tag::Unknown(tag) => self.collect(map, kept, None, tag),
            },
            // The content first: buffer it until the tag says what it is.
            Some(false) => {
                let content = map.next_value_seed(ContentSeed)?;
                match next_relevant(&mut map, self.fields(def.other), &mut kept)? {
                    Some(true) => match map.next_value_seed(TagSeed::<U>::new(true))? {
                        Tag::Known(index) => {
                            self.check_kept(&mut kept)?;
                            let value = ContentOf::<U>::new(index)
                                .deserialize(ContentDeserializer::new(content))
                                .map_err(|err| err.under(self.content))?;
                            self.finish(map, value)
                        }
                        Tag::Unknown(tag) => self.collect(map, kept, Some(content), tag),
                    },
                    Some(false) => Err(de::Error::duplicate_field(self.content)),
                    None => Err(de::Error::missing_field(def.tag)),
                }
            }
            None => Err(de::Error::missing_field(def.tag)),
        }
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<U, A::Error> {
        let Some(tag) = seq.next_element_seed(TagSeed::<U>::new(false))? else {
            return Err(de::Error::invalid_length(0, &self));
        };
        match tag {
            Tag::Known(index) => match seq.next_element_seed(ContentOf::<U>::new(index))? {
                Some(value) => Ok(value),
                None => Err(de::Error::invalid_length(1, &self)),
            },
            Tag::Unknown(tag) => match seq.next_element::<Value>()? {
                Some(content) => into_other(Value::Array(vec![Value::String(tag), content])),
                None => Err(de::Error::invalid_length(1, &self)),
            },
        }
    }
}
