//! Decoding from a buffered [`Content`] as serde_json decodes the same text, with errors that know their path.

use std::fmt::{self, Display};

use serde::de::value::{BorrowedStrDeserializer, StrDeserializer};
use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, Expected, MapAccess, SeqAccess, Unexpected,
    VariantAccess, Visitor,
};

use super::Content;

/// A step of the path to a failing buffered value.
#[derive(Debug, Clone, PartialEq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// The error of [`ContentDeserializer`]: a message and the path (inside the buffered
/// value) where it arose, so that it can be reported as `key.inner[2]: message`.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PathError {
    /// Innermost segment first.
    path: Vec<Segment>,
    message: String,
}

impl PathError {
    fn within(mut self, segment: Segment) -> Self {
        self.path.push(segment);
        self
    }

    /// Converts to another error type, naming the path below `key`:
    /// `key.inner[2]: message`.
    pub(crate) fn under<E: de::Error>(self, key: &str) -> E {
        E::custom(format_args!(
            "{}: {}",
            PathText(key, &self.path),
            self.message
        ))
    }
}

/// Formats a root key and the segments below it (stored innermost first).
struct PathText<'a>(&'a str, &'a [Segment]);

impl Display for PathText<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.0)?;
        let mut first = self.0.is_empty();
        for segment in self.1.iter().rev() {
            match segment {
                Segment::Key(key) if first => f.write_str(key)?,
                Segment::Key(key) => write!(f, ".{key}")?,
                Segment::Index(index) => write!(f, "[{index}]")?,
            }
            first = false;
        }
        Ok(())
    }
}

impl Display for PathError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if !self.path.is_empty() {
            write!(f, "{}: ", PathText("", &self.path))?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for PathError {}

impl de::Error for PathError {
    fn custom<T: Display>(msg: T) -> Self {
        Self {
            path: Vec::new(),
            message: msg.to_string(),
        }
    }
}

/// Deserializes from a [`Content`] the way serde_json deserializes the JSON text the
/// content was read from.
pub(crate) struct ContentDeserializer<'de> {
    content: Content<'de>,
}

impl<'de> ContentDeserializer<'de> {
    pub(crate) fn new(content: Content<'de>) -> Self {
        Self { content }
    }

    fn invalid_type(&self, exp: &dyn Expected) -> PathError {
        de::Error::invalid_type(self.content.unexpected(), exp)
    }
}

/// Visits a sequence and fails if the visitor leaves elements unread.
fn visit_seq<'de, V: Visitor<'de>>(
    items: Vec<Content<'de>>,
    visitor: V,
) -> Result<V::Value, PathError> {
    let len = items.len();
    let mut seq = SeqDeserializer {
        iter: items.into_iter(),
        index: 0,
    };
    let value = visitor.visit_seq(&mut seq)?;
    if seq.iter.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(len, &ExpectedInSeq(seq.index)))
    }
}

/// Visits a map and fails if the visitor leaves entries unread.
fn visit_map<'de, V: Visitor<'de>>(
    entries: Vec<(Content<'de>, Content<'de>)>,
    visitor: V,
) -> Result<V::Value, PathError> {
    let len = entries.len();
    let mut map = MapDeserializer {
        iter: entries.into_iter(),
        value: None,
        read: 0,
    };
    let value = visitor.visit_map(&mut map)?;
    if map.iter.len() == 0 {
        Ok(value)
    } else {
        Err(de::Error::invalid_length(len, &ExpectedInMap(map.read)))
    }
}

/// `N elements in sequence`, for a sequence with elements left over.
pub(crate) struct ExpectedInSeq(pub(crate) usize);

impl Expected for ExpectedInSeq {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 element in sequence"),
            n => write!(f, "{n} elements in sequence"),
        }
    }
}

/// `N elements in map`, for a map with entries left over.
struct ExpectedInMap(usize);

impl Expected for ExpectedInMap {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            1 => f.write_str("1 element in map"),
            n => write!(f, "{n} elements in map"),
        }
    }
}

impl<'de> Deserializer<'de> for ContentDeserializer<'de> {
    type Error = PathError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.content {
            Content::Null => visitor.visit_unit(),
            Content::Bool(b) => visitor.visit_bool(b),
            Content::U64(n) => visitor.visit_u64(n),
            Content::I64(n) => visitor.visit_i64(n),
            Content::F64(n) => visitor.visit_f64(n),
            Content::Str(s) => visitor.visit_borrowed_str(s),
            Content::String(s) => visitor.visit_string(s),
            Content::Bytes(b) => visitor.visit_borrowed_bytes(b),
            Content::ByteBuf(b) => visitor.visit_byte_buf(b),
            Content::Seq(items) => visit_seq(items, visitor),
            Content::Map(entries) => visit_map(entries, visitor),
        }
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.content {
            Content::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match &self.content {
            // serde's buffered content also accepts an empty map as `()`.
            Content::Null => visitor.visit_unit(),
            Content::Map(entries) if entries.is_empty() => visitor.visit_unit(),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match &self.content {
            // serde's buffered content accepts an empty map or sequence as a unit struct.
            Content::Map(entries) if entries.is_empty() => visitor.visit_unit(),
            Content::Seq(items) if items.is_empty() => visitor.visit_unit(),
            _ => self.deserialize_any(visitor),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        match self.content {
            Content::Str(s) => visitor.visit_borrowed_bytes(s.as_bytes()),
            Content::String(s) => visitor.visit_byte_buf(s.into_bytes()),
            Content::Bytes(b) => visitor.visit_borrowed_bytes(b),
            Content::ByteBuf(b) => visitor.visit_byte_buf(b),
            Content::Seq(items) => visit_seq(items, visitor),
            _ => Err(self.invalid_type(&visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match self.content {
            variant @ (Content::Str(_) | Content::String(_)) => {
                visitor.visit_enum(EnumDeserializer {
                    variant,
                    value: None,
                })
            }
            Content::Map(entries) if entries.len() == 1 => {
                let mut entries = entries.into_iter();
                match entries.next() {
                    Some((variant, value)) => visitor.visit_enum(EnumDeserializer {
                        variant,
                        value: Some(value),
                    }),
                    None => Err(de::Error::invalid_value(
                        Unexpected::Map,
                        &"map with a single key",
                    )),
                }
            }
            Content::Map(_) => Err(de::Error::invalid_value(
                Unexpected::Map,
                &"map with a single key",
            )),
            _ => Err(self.invalid_type(&"string or map")),
        }
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, PathError> {
        drop(self);
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string
        seq tuple tuple_struct map struct identifier
    }
}

/// The elements of a buffered sequence; errors name the element's index.
struct SeqDeserializer<'de> {
    iter: std::vec::IntoIter<Content<'de>>,
    index: usize,
}

impl<'de> SeqAccess<'de> for SeqDeserializer<'de> {
    type Error = PathError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, PathError> {
        let Some(item) = self.iter.next() else {
            return Ok(None);
        };
        let index = self.index;
        self.index += 1;
        seed.deserialize(ContentDeserializer::new(item))
            .map(Some)
            .map_err(|err| err.within(Segment::Index(index)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The entries of a buffered map; errors in a value name its key.
struct MapDeserializer<'de> {
    iter: std::vec::IntoIter<(Content<'de>, Content<'de>)>,
    value: Option<(Content<'de>, Content<'de>)>,
    read: usize,
}

impl<'de> MapAccess<'de> for MapDeserializer<'de> {
    type Error = PathError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, PathError> {
        let Some((key, value)) = self.iter.next() else {
            return Ok(None);
        };
        self.read += 1;
        let result = match &key {
            Content::Str(s) => seed.deserialize(BorrowedStrDeserializer::new(s)),
            Content::String(s) => seed.deserialize(StrDeserializer::new(s)),
            other => seed.deserialize(ContentDeserializer::new(other.clone())),
        };
        self.value = Some((key, value));
        result.map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, PathError> {
        let Some((key, value)) = self.value.take() else {
            return Err(de::Error::custom(
                "a map value was requested before its key",
            ));
        };
        seed.deserialize(ContentDeserializer::new(value))
            .map_err(|err| err.within(Segment::Key(key.into_key())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.iter.len())
    }
}

/// The variant of a buffered enum value: a string, or a map with one entry.
struct EnumDeserializer<'de> {
    variant: Content<'de>,
    value: Option<Content<'de>>,
}

impl<'de> EnumAccess<'de> for EnumDeserializer<'de> {
    type Error = PathError;
    type Variant = VariantDeserializer<'de>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, VariantDeserializer<'de>), PathError> {
        let variant = seed.deserialize(ContentDeserializer::new(self.variant))?;
        Ok((variant, VariantDeserializer { value: self.value }))
    }
}

/// The content of a buffered enum variant.
struct VariantDeserializer<'de> {
    value: Option<Content<'de>>,
}

impl<'de> VariantAccess<'de> for VariantDeserializer<'de> {
    type Error = PathError;

    fn unit_variant(self) -> Result<(), PathError> {
        match self.value {
            Some(value) => de::Deserialize::deserialize(ContentDeserializer::new(value)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value, PathError> {
        match self.value {
            Some(value) => seed.deserialize(ContentDeserializer::new(value)),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"newtype variant",
            )),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(
        self,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match self.value {
            Some(Content::Seq(items)) => visit_seq(items, visitor),
            Some(other) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"tuple variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"tuple variant",
            )),
        }
    }

    fn struct_variant<V: Visitor<'de>>(
        self,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, PathError> {
        match self.value {
            Some(Content::Map(entries)) => visit_map(entries, visitor),
            Some(Content::Seq(items)) => visit_seq(items, visitor),
            Some(other) => Err(de::Error::invalid_type(
                other.unexpected(),
                &"struct variant",
            )),
            None => Err(de::Error::invalid_type(
                Unexpected::UnitVariant,
                &"struct variant",
            )),
        }
    }
}
